#!/usr/bin/env node
// Generates contracts_vectors.json: real contracts compiled from public FunC / Tolk sources
// (assembler/tests/contracts/out/*.boc, made by assembler/tests/contracts/compile.mjs) run on the
// reference TVM (../shared/oracle, the C++ TVM inside @ton/sandbox) as get-method calls.
//
//   node conformance/vectors/gen_contracts_vectors.mjs [--check]
//
// 1. Tolk tests (tolk-tester format): every `@testcase | method_id | inputs | expected` line is run
//    with the inputs as the stack (bottom first) and the method id on top. The annotation's expected
//    output is compared where it only holds integers, nulls and tuples; disagreements are listed in
//    the vector's `annotation_agrees: false` (the oracle is the authority: what is recorded is its
//    result).
// 2. FunC smartcont contracts: realistic initial data built from each contract's storage layout,
//    every get-method the contract declares (method id = crc16(name) | 0x10000), and for several a
//    signed recv_external (method id -1) and a plain recv_internal (method id 0).
//
// Expectations (exit code, gas, stack, c4, c5) come only from the oracle. With --check nothing is
// written: the file is compared with a fresh run (exit 1 on any difference).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOracle, cellToBoc, oracleRequire, I, C, NULL } from './lib/oracle.mjs';
import { finish, vectorDocument } from './lib/output.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'contracts_vectors.json');
const CONTRACTS = path.join(HERE, '../../assembler/tests/contracts');
const { beginCell, Cell, Address, Dictionary, storeMessage, storeMessageRelaxed, internal, external, toNano } =
    oracleRequire('@ton/core');
const { keyPairFromSeed, sign } = oracleRequire('@ton/crypto');

const code = (name) => Cell.fromBoc(fs.readFileSync(path.join(CONTRACTS, 'out', name + '.boc')))[0];

// CRC16-XMODEM method ids, as FunC and Tolk compute them.
function methodId(name) {
    let crc = 0;
    for (const byte of Buffer.from(name)) {
        crc ^= byte << 8;
        for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    return (crc & 0xffff) | 0x10000;
}

const vectors = [];
/** Adds one get-method call of contract `contract` (its name in out/) with c4 = data. */
function add(contract, name, description, data, stack, method, extra = {}) {
    vectors.push({
        name: `${contract}.${name}`,
        description,
        contract,
        code_boc: cellToBoc(code(contract)),
        data: cellToBoc(data ?? beginCell().endCell()),
        stack_in: stack,
        method_id: typeof method === 'string' ? methodId(method) : method,
        gas_limit: extra.gas_limit ?? 1000000,
        ...(extra.annotation !== undefined ? { annotation: extra.annotation } : {}),
    });
}

// ---------------------------------------------------------------------------
// Tolk tests
// ---------------------------------------------------------------------------

/** Evaluates a tolk-tester input expression (integers with + - * // << and parentheses) as a BigInt. */
function evalExpr(src) {
    const toks = src.match(/\d+|\/\/|<<|[-+*()]/g);
    if (toks.join('') !== src) throw new Error(`cannot parse input ${src}`);
    let i = 0;
    const floorDiv = (a, b) => {
        const q = a / b;
        return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
    };
    function atom() {
        const t = toks[i++];
        if (t === '-') return -atom();
        if (t === '(') {
            const v = shift();
            i++; // ')'
            return v;
        }
        return BigInt(t);
    }
    function mul() {
        let v = atom();
        while (toks[i] === '*' || toks[i] === '//') v = toks[i++] === '*' ? v * atom() : floorDiv(v, atom());
        return v;
    }
    function add_() {
        let v = mul();
        while (toks[i] === '+' || toks[i] === '-') v = toks[i++] === '+' ? v + mul() : v - mul();
        return v;
    }
    function shift() {
        let v = add_();
        while (toks[i] === '<<') { i++; v = v << add_(); }
        return v;
    }
    const v = shift();
    if (i !== toks.length) throw new Error(`cannot parse input ${src}`);
    return v;
}

/** A stack value in the tolk-tester output notation, or undefined when it is not a simple one. */
function showValue(v) {
    if (v.type === 'int') return v.value;
    if (v.type === 'null') return '(null)';
    if (v.type === 'nan') return 'NaN';
    if (v.type === 'tuple') {
        const items = v.items ?? v.value ?? [];
        const shown = items.map(showValue);
        if (shown.some((s) => s === undefined)) return undefined;
        return shown.length ? `[ ${shown.join(' ')} ]` : '[]';
    }
    return undefined;
}

const tolkCases = [];
for (const file of fs.readdirSync(path.join(CONTRACTS, 'tolk')).sort()) {
    if (!file.endsWith('.tolk')) continue;
    const contract = 'tolk-' + file.replace(/\.tolk$/, '');
    const lines = fs.readFileSync(path.join(CONTRACTS, 'tolk', file), 'utf8').split('\n');
    let n = 0;
    for (const line of lines) {
        const m = line.match(/^@testcase\s*\|\s*(-?\d+)\s*\|([^|]*)\|(.*)$/);
        if (!m) continue;
        const inputs = m[2].trim().split(/\s+/).filter(Boolean).map((t) => (t === 'null' ? NULL : I(evalExpr(t))));
        const expected = m[3].trim().split(/\s+/).filter(Boolean).join(' ');
        add(contract, `case${n++}.m${m[1]}`, `@testcase | ${m[1]} | ${m[2].trim()} | ${expected}`, null, inputs,
            Number(m[1]), { annotation: expected });
        tolkCases.push(vectors.length - 1);
    }
}

// ---------------------------------------------------------------------------
// FunC smartcont contracts
// ---------------------------------------------------------------------------
const NOW = 1700000000; // the oracle's default c7 NOW
const keys = keyPairFromSeed(Buffer.alloc(32, 7));
const otherKeys = keyPairFromSeed(Buffer.alloc(32, 9));
const PUBKEY = BigInt('0x' + keys.publicKey.toString('hex'));
const SELF = Address.parse('0:' + '00'.repeat(32)); // the oracle's default MYADDR
const DEST = Address.parse('0:' + '5a'.repeat(32));
const SUBWALLET = 698983191;

const sliceV = (c) => ({ type: 'slice', boc: cellToBoc(c) });
const cell = (f) => f(beginCell()).endCell();

function transfer(to, value, comment, bounce = true) {
    const body = beginCell().storeUint(0, 32).storeStringTail(comment).endCell();
    return beginCell().store(storeMessageRelaxed(internal({ to, value, bounce, body }))).endCell();
}
/** Signature (512 bits) over the hash of `unsigned`, then `unsigned` itself. */
function signed(unsigned, key = keys.secretKey) {
    return beginCell().storeBuffer(sign(unsigned.hash(), key)).storeSlice(unsigned.beginParse()).endCell();
}
const externalIn = (body) => beginCell().store(storeMessage(external({ to: SELF, body }))).endCell();
/** The recv_external stack: balance, msg value, in_msg cell, in_msg body slice. */
const extStack = (body) => [I(toNano('10')), I(0), C(externalIn(body)), sliceV(body)];
/** The recv_internal stack for a plain incoming transfer with a comment. */
function intStack(comment = 'deposit', from = DEST) {
    const body = beginCell().storeUint(0, 32).storeStringTail(comment).endCell();
    const msg = beginCell()
        .store(storeMessageRelaxed(internal({ to: SELF, value: toNano('2'), bounce: false, body })))
        .endCell();
    void from;
    return [I(toNano('12')), I(toNano('2')), C(msg), sliceV(body)];
}
const one = () => [{ mode: 3, msg: transfer(DEST, toNano('1.5'), 'hello') }];
const four = () =>
    [0, 1, 2, 3].map((i) => ({ mode: i === 3 ? 130 : 3, msg: transfer(DEST, toNano(String(i + 1)), `m${i}`, i % 2 === 0) }));
/** (mode, ^msg)* appended to a builder. */
const storeMsgs = (b, msgs) => {
    for (const { mode, msg } of msgs) b.storeUint(mode, 8).storeRef(msg);
    return b;
};

// Common get-methods and failure paths of the seqno wallets.
function seqnoWallet(contract, data, unsignedBody, { subwallet = false, validUntil = true } = {}) {
    add(contract, 'get.seqno', 'seqno', data(5), [], 'seqno');
    add(contract, 'get.seqno_zero', 'seqno of a fresh wallet', data(0), [], 'seqno');
    add(contract, 'get.public_key', 'get_public_key', data(5), [], 'get_public_key');
    add(contract, 'get.unknown_method', 'an id no method has: exit 11', data(5), [], 12345);
    add(contract, 'get.empty_data', 'seqno over an empty c4: cell underflow', beginCell().endCell(), [], 'get_public_key');
    const ok = (o = {}) => signed(unsignedBody({ seqno: 5, msgs: one(), ...o }));
    add(contract, 'ext.transfer_one', 'signed external, one message', data(5), extStack(ok()), -1);
    add(contract, 'ext.transfer_none', 'signed external, no message (seqno bump)', data(0),
        extStack(signed(unsignedBody({ seqno: 0, msgs: [] }))), -1);
    add(contract, 'ext.bad_signature', 'signed by another key', data(5),
        extStack(signed(unsignedBody({ seqno: 5, msgs: one() }), otherKeys.secretKey)), -1);
    add(contract, 'ext.wrong_seqno', 'seqno mismatch: exit 33', data(6), extStack(ok()), -1);
    add(contract, 'ext.short_body', 'body shorter than a signature: cell underflow', data(5),
        extStack(cell((b) => b.storeUint(1, 64))), -1);
    add(contract, 'ext.low_gas', 'signed external with a gas limit of 2000', data(5), extStack(ok()), -1, { gas_limit: 2000 });
    add(contract, 'ext.very_low_gas', 'signed external with a gas limit of 700', data(5), extStack(ok()), -1, { gas_limit: 700 });
    add(contract, 'int.receive', 'plain incoming transfer', data(5), intStack(), 0);
    if (subwallet) {
        add(contract, 'ext.wrong_subwallet', 'subwallet mismatch', data(5), extStack(ok({ subwallet: SUBWALLET + 1 })), -1);
    }
    if (validUntil) {
        add(contract, 'ext.expired', 'valid_until in the past', data(5), extStack(ok({ validUntil: NOW - 1 })), -1);
        add(contract, 'ext.expires_now', 'valid_until == now: exit 35', data(5), extStack(ok({ validUntil: NOW })), -1);
    }
    return ok;
}

// simple-wallet: seqno(32) pubkey(256); body: seqno, optional (mode, ^msg). No get-methods.
{
    const data = (seqno) => cell((b) => b.storeUint(seqno, 32).storeUint(PUBKEY, 256));
    const body = ({ seqno, msgs }) => cell((b) => storeMsgs(b.storeUint(seqno, 32), msgs.slice(0, 1)));
    const c = 'func-simple-wallet-code';
    const ok = signed(body({ seqno: 5, msgs: one() }));
    add(c, 'ext.transfer_one', 'signed external, one message', data(5), extStack(ok), -1);
    add(c, 'ext.transfer_none', 'signed external, no message', data(0), extStack(signed(body({ seqno: 0, msgs: [] }))), -1);
    add(c, 'ext.bad_signature', 'signed by another key: exit 34', data(5),
        extStack(signed(body({ seqno: 5, msgs: one() }), otherKeys.secretKey)), -1);
    add(c, 'ext.wrong_seqno', 'seqno mismatch: exit 33', data(4), extStack(ok), -1);
    add(c, 'ext.data_too_long', 'c4 with trailing bits: end_parse fails', cell((b) => b.storeUint(5, 32).storeUint(PUBKEY, 256).storeBit(1)),
        extStack(ok), -1);
    add(c, 'ext.low_gas', 'too little gas for the signature check', data(5), extStack(ok), -1, { gas_limit: 3000 });
    add(c, 'int.receive', 'plain incoming transfer', data(5), intStack(), 0);
    add(c, 'get.unknown_method', 'no get-methods: exit 11', data(5), [], methodId('seqno'));
}

// simple-wallet-ext: same storage, plus helper get-methods.
{
    const data = (seqno) => cell((b) => b.storeUint(seqno, 32).storeUint(PUBKEY, 256));
    const body = ({ seqno, msgs }) => cell((b) => storeMsgs(b.storeUint(seqno, 32), msgs.slice(0, 1)));
    const c = 'func-simple-wallet-ext-code';
    const ok = seqnoWallet(c, data, body, { validUntil: false });
    add(c, 'get.create_init_state', 'create_init_state(pubkey)', data(5), [I(PUBKEY)], 'create_init_state');
    add(c, 'get.create_init_state_range', 'create_init_state of a negative key: range check', data(5), [I(-1)], 'create_init_state');
    const msg = transfer(DEST, toNano('1'), 'x');
    add(c, 'get.prepare_send_message', 'prepare_send_message(mode, msg)', data(5), [I(3), C(msg)], 'prepare_send_message');
    add(c, 'get.prepare_send_message_with_seqno', 'prepare_send_message_with_seqno', data(5), [I(64), C(msg), I(77)],
        'prepare_send_message_with_seqno');
    add(c, 'get.prepare_send_message_bad_mode', 'mode 256: range check', data(5), [I(256), C(msg)], 'prepare_send_message');
    add(c, 'get.prepare_send_message_underflow', 'one argument only', data(5), [I(3)], 'prepare_send_message');
    add(c, 'get.verify_message_ok', 'verify_message of a signed body', data(5), [sliceV(ok())], 'verify_message');
    add(c, 'get.verify_message_bad', 'verify_message of a body signed by another key', data(5),
        [sliceV(signed(body({ seqno: 5, msgs: one() }), otherKeys.secretKey))], 'verify_message');
    add(c, 'get.verify_message_type', 'verify_message of an int: type check', data(5), [I(5)], 'verify_message');
}

// wallet (v1-like with valid_until): seqno(32) pubkey(256); body: seqno, valid_until, (mode, ^msg)*.
{
    const data = (seqno) => cell((b) => b.storeUint(seqno, 32).storeUint(PUBKEY, 256));
    const body = ({ seqno, validUntil = NOW + 60, msgs }) => cell((b) => storeMsgs(b.storeUint(seqno, 32).storeUint(validUntil, 32), msgs));
    const c = 'func-wallet-code';
    seqnoWallet(c, data, body);
    add(c, 'ext.transfer_four', 'signed external, four messages', data(5), extStack(signed(body({ seqno: 5, msgs: four() }))), -1);
}

// wallet3: seqno(32) subwallet(32) pubkey(256); body: subwallet, valid_until, seqno, (mode, ^msg)*.
{
    const data = (seqno) => cell((b) => b.storeUint(seqno, 32).storeUint(SUBWALLET, 32).storeUint(PUBKEY, 256));
    const body = ({ seqno, subwallet = SUBWALLET, validUntil = NOW + 60, msgs }) =>
        cell((b) => storeMsgs(b.storeUint(subwallet, 32).storeUint(validUntil, 32).storeUint(seqno, 32), msgs));
    const c = 'func-wallet3-code';
    seqnoWallet(c, data, body, { subwallet: true });
    add(c, 'ext.transfer_four', 'signed external, four messages', data(5), extStack(signed(body({ seqno: 5, msgs: four() }))), -1);
}

// highload-wallet: seqno(32) subwallet(32) pubkey(256); body: subwallet, valid_until, seqno, HashmapE 16 (mode, ^msg).
function msgDict(msgs) {
    // Values inline in the leaves: mode(8) ^msg.
    const value = {
        serialize: (src, b) => b.storeUint(src.mode, 8).storeRef(src.msg),
        parse: (sl) => ({ mode: sl.loadUint(8), msg: sl.loadRef() }),
    };
    const d = Dictionary.empty(Dictionary.Keys.Int(16), value);
    msgs.forEach((m, i) => d.set(i, m));
    return d;
}
{
    const data = (seqno) => cell((b) => b.storeUint(seqno, 32).storeUint(SUBWALLET, 32).storeUint(PUBKEY, 256));
    const body = ({ seqno, subwallet = SUBWALLET, validUntil = NOW + 60, msgs }) =>
        cell((b) => b.storeUint(subwallet, 32).storeUint(validUntil, 32).storeUint(seqno, 32).storeDict(msgs.length ? msgDict(msgs) : null));
    const c = 'func-highload-wallet-code';
    seqnoWallet(c, data, body, { subwallet: true });
    add(c, 'ext.transfer_four', 'signed external, four messages in the dict', data(5), extStack(signed(body({ seqno: 5, msgs: four() }))), -1);
    const many = [...Array(12).keys()].map((i) => ({ mode: 1, msg: transfer(DEST, BigInt(i + 1) * 1000000n, `n${i}`) }));
    add(c, 'ext.transfer_twelve', 'signed external, twelve messages', data(5), extStack(signed(body({ seqno: 5, msgs: many }))), -1);
}

// highload-wallet-v2: subwallet(32) last_cleaned(64) pubkey(256) old_queries(HashmapE 64 ()).
{
    const c = 'func-highload-wallet-v2-code';
    const qid = (t, n) => (BigInt(t) << 32n) | BigInt(n);
    const data = (queries = [], lastCleaned = 0n) => {
        const b = beginCell().storeUint(SUBWALLET, 32).storeUint(lastCleaned, 64).storeUint(PUBKEY, 256);
        if (!queries.length) return b.storeBit(0).endCell();
        // HashmapE 64 with empty values: build it with a BitString(0) value type.
        const q = Dictionary.empty(Dictionary.Keys.BigUint(64), Dictionary.Values.BitString(0));
        for (const k of queries) q.set(k, beginCell().endCell().beginParse().loadBits(0));
        return b.storeDict(q).endCell();
    };
    const old = [qid(NOW - 200, 1), qid(NOW - 100, 2), qid(NOW - 10, 3), qid(NOW + 5, 4)];
    const body = ({ subwallet = SUBWALLET, query, msgs }) =>
        cell((b) => b.storeUint(subwallet, 32).storeUint(query, 64).storeDict(msgs.length ? msgDict(msgs) : null));
    add(c, 'get.public_key', 'get_public_key', data(old, qid(NOW - 300, 0)), [], 'get_public_key');
    for (const [label, q] of [['found', old[1]], ['found_future', old[3]], ['unknown', qid(NOW + 100, 9)], ['forgotten', qid(NOW - 400, 1)],
        ['last_cleaned', qid(NOW - 300, 0)], ['zero', 0n]]) {
        add(c, `get.processed_${label}`, `processed?(${q})`, data(old, qid(NOW - 300, 0)), [I(q)], 'processed?');
    }
    add(c, 'get.processed_empty', 'processed? with no queries', data(), [I(qid(NOW, 1))], 'processed?');
    add(c, 'get.processed_negative', 'processed?(-1): no key of 64 unsigned bits', data(old), [I(-1)], 'processed?');
    const q = qid(NOW + 60, 7);
    add(c, 'ext.transfer_one', 'signed external: message sent, query recorded, old ones cleaned', data(old, qid(NOW - 300, 0)),
        extStack(signed(body({ query: q, msgs: one() }))), -1);
    add(c, 'ext.transfer_four', 'four messages, empty query dict', data(), extStack(signed(body({ query: q, msgs: four() }))), -1);
    add(c, 'ext.replay', 'a query id already recorded: exit 32', data(old), extStack(signed(body({ query: old[3], msgs: one() }))), -1);
    add(c, 'ext.expired', 'query id below now << 32: exit 35', data(old), extStack(signed(body({ query: qid(NOW - 1, 1), msgs: one() }))), -1);
    add(c, 'ext.wrong_subwallet', 'subwallet mismatch: exit 34', data(old),
        extStack(signed(body({ subwallet: 1, query: q, msgs: one() }))), -1);
    add(c, 'ext.bad_signature', 'another key: exit 35', data(old),
        extStack(signed(body({ query: q, msgs: one() }), otherKeys.secretKey)), -1);
    add(c, 'ext.low_gas', 'too little gas', data(old), extStack(signed(body({ query: q, msgs: one() }))), -1, { gas_limit: 5000 });
    add(c, 'int.receive', 'plain incoming transfer', data(old), intStack(), 0);
}

// pow-testgiver: seqno(32) subwallet(32) pubkey(256) seed(128) pow_complexity(256) last_success(32) ^[amount, target_delta(32), min_cpl(8), max_cpl(8)].
{
    const c = 'func-pow-testgiver-code';
    const SEED = 0x1234567890abcdef1234567890abcdefn;
    const CPL = 1n << 240n;
    const xdata = cell((b) => b.storeCoins(toNano('100')).storeUint(3600, 32).storeUint(200, 8).storeUint(250, 8));
    const data = (seqno, { complexity = CPL, lastSuccess = NOW - 1000 } = {}) =>
        cell((b) => b.storeUint(seqno, 32).storeUint(SUBWALLET, 32).storeUint(PUBKEY, 256).storeUint(SEED, 128)
            .storeUint(complexity, 256).storeUint(lastSuccess, 32).storeRef(xdata));
    const body = ({ seqno, subwallet = SUBWALLET, validUntil = NOW + 60, msgs }) =>
        cell((b) => {
            b.storeUint(subwallet, 32).storeUint(validUntil, 32).storeUint(seqno, 32);
            for (const { mode, msg } of msgs) b.storeRef(msg).storeUint(mode, 8);
            return b;
        });
    add(c, 'get.seqno', 'seqno', data(5), [], 'seqno');
    add(c, 'get.public_key', 'get_public_key', data(5), [], 'get_public_key');
    add(c, 'get.pow_params', 'get_pow_params', data(5), [], 'get_pow_params');
    add(c, 'ext.transfer_one', 'signed external, one message', data(5), extStack(signed(body({ seqno: 5, msgs: one() }))), -1);
    add(c, 'ext.subwallet_zero', 'subwallet 0 is accepted', data(5), extStack(signed(body({ seqno: 5, subwallet: 0, msgs: one() }))), -1);
    add(c, 'ext.update_params', 'mode 255: reset complexity and seed', data(5),
        extStack(signed(body({ seqno: 5, msgs: [{ mode: 255, msg: cell((b) => b.storeUint(230, 8).storeCoins(toNano('50')).storeUint(600, 32).storeUint(200, 8).storeUint(252, 8)) }] }))), -1);
    add(c, 'ext.wrong_seqno', 'seqno mismatch', data(6), extStack(signed(body({ seqno: 5, msgs: one() }))), -1);
    add(c, 'ext.bad_signature', 'another key', data(5), extStack(signed(body({ seqno: 5, msgs: one() }), otherKeys.secretKey)), -1);
    // Mine: a proof of work whose hash is above the complexity (exit 24), and one with an easy complexity.
    const mine = (flags, expire, rseed = SEED) =>
        cell((b) => b.storeUint(0x4d696e65, 32).storeInt(flags, 8).storeUint(expire, 32).storeUint(BigInt('0x' + DEST.hash.toString('hex')), 256)
            .storeUint(0xabcdefn, 256).storeUint(rseed, 128).storeUint(0xabcdefn, 256));
    add(c, 'ext.mine_unsolved', 'proof of work not solved: exit 24', data(5, { complexity: 1n }), extStack(mine(0, NOW + 100)), -1);
    add(c, 'ext.mine_solved', 'proof of work under an easy complexity: reward sent', data(5, { complexity: (1n << 256n) - 1n }),
        extStack(mine(1, NOW + 100)), -1);
    add(c, 'ext.mine_bad_seed', 'wrong seed: exit 25', data(5, { complexity: (1n << 256n) - 1n }), extStack(mine(0, NOW + 100, 7n)), -1);
    add(c, 'ext.mine_expired', 'expire in the past: range check', data(5, { complexity: (1n << 256n) - 1n }), extStack(mine(0, NOW - 5)), -1);
    const rscl = (expire) => cell((b) => b.storeUint(0x5253636c, 32).storeUint(expire, 32));
    add(c, 'ext.rescale', 'rescale after a long time without success', data(5, { lastSuccess: NOW - 3600 * 20 }), extStack(rscl(NOW - 10)), -1);
    add(c, 'ext.rescale_too_early', 'rescale too early: exit 30', data(5), extStack(rscl(NOW - 10)), -1);
    add(c, 'ext.rescale_future', 'rescale with expire in the future: exit 28', data(5), extStack(rscl(NOW + 10)), -1);
}

// ---------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------
const oracle = await createOracle({ config: 'default' });
let disagree = 0;
for (const v of vectors) {
    const r = oracle.run({ code: v.code_boc, data: v.data, stack: v.stack_in, method_id: v.method_id, gas_limit: v.gas_limit });
    if (r.error) throw new Error(`${v.name}: ${r.error}`);
    v.expected = { exit_code: r.exit_code, gas_used: r.gas_used, stack: r.stack, c4: r.c4 ?? null, c5: r.c5 ?? null };
    if (v.annotation !== undefined) {
        const shown = r.stack.map(showValue);
        const simple = /^[-\d\s[\]()nul]*$/.test(v.annotation) && !shown.includes(undefined);
        if (simple) {
            v.annotation_agrees = r.exit_code === 0 && shown.join(' ') === v.annotation;
            if (!v.annotation_agrees) {
                disagree++;
                console.error(`annotation differs: ${v.name}: want ${v.annotation}, oracle exit ${r.exit_code}: ${shown.join(' ')}`);
            }
        }
    }
}
if (disagree) console.error(`${disagree} annotation(s) differ from the oracle (the oracle is recorded)`);

const counts = {};
for (const v of vectors) counts[v.contract] = (counts[v.contract] ?? 0) + 1;
const doc = vectorDocument({
    description:
        'Real contracts compiled from public FunC (ton-blockchain/ton crypto/smartcont) and Tolk (tolk-tester) sources, run as get-method calls (method_id on top of stack_in) with realistic c4',
    generator: path.basename(fileURLToPath(import.meta.url)),
    version: oracle.version(),
    extraDefaults: { entry: 'get-method: stack_in, then method_id pushed on top' },
    vectors,
});
doc.counts = counts;
finish(OUT, JSON.stringify(doc, null, 1) + '\n', vectors.length);
