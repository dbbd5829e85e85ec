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
//    every get-method the contract declares (method id = crc16(name) | 0x10000), signed recv_external
//    runs (method id -1) with their failure paths, recv_internal runs (method id 0) and tick-tock runs
//    of config and elector (method id -2). Every successful FunC run is repeated with a gas limit of
//    half its gas and of its gas minus one.
//
//   node conformance/vectors/gen_contracts_vectors.mjs --versions 4,9,11,13 --out FILE
//    writes a soak file (not committed) with the runs at other global versions.
//
// Expectations (exit code, gas, stack, c4, c5) come only from the oracle. With --check nothing is
// written: the file is compared with a fresh run (exit 1 on any difference).

import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createOracle, cellToBoc, oracleRequire, methodId, I, C, NULL } from './lib/oracle.mjs';
import { finish, vectorDocument, c7Defaults } from './lib/output.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'contracts_vectors.json');
const CONTRACTS = path.join(HERE, '../../assembler/tests/contracts');
const { beginCell, Cell, Address, Dictionary, storeMessage, storeMessageRelaxed, internal, external, toNano } =
    oracleRequire('@ton/core');
const { keyPairFromSeed, sign } = oracleRequire('@ton/crypto');

const code = (name) => Cell.fromBoc(fs.readFileSync(path.join(CONTRACTS, 'out', name + '.boc')))[0];

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
        ...(extra.balance !== undefined ? { c7: { ...c7Defaults(), balance: extra.balance.toString() } } : {}),
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
        const m = line.match(/^@testcase!?\s*\|\s*(-?\d+)\s*\|([^|]*)\|(.*)$/);
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
/** The recv_internal stack for a plain incoming transfer with a comment (no source address, as relaxed). */
function intStack(comment = 'deposit') {
    const body = beginCell().storeUint(0, 32).storeStringTail(comment).endCell();
    const msg = beginCell()
        .store(storeMessageRelaxed(internal({ to: SELF, value: toNano('2'), bounce: false, body })))
        .endCell();
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

// restricted-wallet: seqno(32) pubkey(256); until config param -13 is set (it is not in the default
// config) only messages to the elector (config param 1) go out.
{
    const c = 'func-restricted-wallet-code';
    const data = (seqno) => cell((b) => b.storeUint(seqno, 32).storeUint(PUBKEY, 256));
    const body = ({ seqno, validUntil = NOW + 60, msgs }) => cell((b) => storeMsgs(b.storeUint(seqno, 32).storeUint(validUntil, 32), msgs));
    seqnoWallet(c, data, body);
    const ELECTOR = Address.parse('-1:' + '33'.repeat(32));
    add(c, 'ext.to_elector_and_other', 'two messages: only the one to the elector is sent', data(5),
        extStack(signed(body({ seqno: 5, msgs: [{ mode: 3, msg: transfer(ELECTOR, toNano('1'), 'stake') }, ...one()] }))), -1);
    add(c, 'ext.external_out', 'an external outbound message is always allowed', data(5),
        extStack(signed(body({ seqno: 5, msgs: [{ mode: 0, msg: cell((b) => b.storeUint(0b110000, 6).storeUint(0, 64 + 32 + 2)) /* ext_out_msg_info, addr_none both, no init, inline empty body */ }] }))), -1);
    add(c, 'ext.seqno_zero_unsigned', 'seqno 0 is accepted without a valid signature', data(0),
        extStack(signed(body({ seqno: 0, msgs: one() }), otherKeys.secretKey)), -1);
}

// restricted-wallet2: seqno(32) pubkey(256) start_at(32) rdict(HashmapE 32 Grams); body: seqno, valid_until, (mode, ^msg)*.
// restricted-wallet3: seqno(32) subwallet(32) pubkey(256) start_at(32) rdict; body: subwallet, valid_until, seqno, (mode, ^msg)*.
function restrictions(pairs) {
    const d = Dictionary.empty(Dictionary.Keys.Int(32), { serialize: (v, b) => b.storeCoins(v), parse: (sl) => sl.loadCoins() });
    for (const [t, v] of pairs) d.set(t, v);
    return d;
}
const RDICT = restrictions([[-1, toNano('0.9')], [0, toNano('0.8')], [3600, toNano('0.5')], [86400, toNano('0.05')], [86400 * 30, 0n]]);
for (const v3 of [false, true]) {
    const c = v3 ? 'func-restricted-wallet3-code' : 'func-restricted-wallet2-code';
    const data = (seqno, startAt = NOW - 7200, rdict = RDICT) =>
        cell((b) => {
            b.storeUint(seqno, 32);
            if (v3) b.storeUint(SUBWALLET, 32);
            return b.storeUint(PUBKEY, 256).storeUint(startAt, 32).storeDict(rdict);
        });
    const body = ({ seqno, subwallet = SUBWALLET, validUntil = NOW + 60, msgs }) =>
        cell((b) => {
            if (v3) b.storeUint(subwallet, 32).storeUint(validUntil, 32).storeUint(seqno, 32);
            else b.storeUint(seqno, 32).storeUint(validUntil, 32);
            return storeMsgs(b, msgs);
        });
    seqnoWallet(c, data, body, { subwallet: v3 });
    if (v3) add(c, 'get.wallet_id', 'wallet_id', data(5), [], 'wallet_id');
    add(c, 'get.balance', 'balance(): 1 TON minus the locked part', data(5), [], 'balance');
    add(c, 'get.balance_unlocked', 'balance() after every restriction ended', data(5, NOW - 86400 * 40), [], 'balance');
    add(c, 'get.balance_not_started', 'start_at 0 and no config param -13: -1 seconds', data(5, 0), [], 'balance');
    add(c, 'get.balance_empty_dict', 'no restrictions', data(5, NOW - 10, null), [], 'balance');
    for (const t of [NOW - 7200 - 1, NOW - 7200, NOW - 7200 + 3599, NOW - 7200 + 3600, NOW + 86400 * 60, 0]) {
        add(c, `get.balance_at_${t}`, `balance_at(${t})`, data(5), [I(t)], 'balance_at');
    }
    add(c, 'get.balance_at_type', 'balance_at(null): type check', data(5), [NULL], 'balance_at');
    add(c, 'ext.transfer_reserve', 'transfer with a reserve of the locked part', data(5),
        extStack(signed(body({ seqno: 5, msgs: one() }))), -1);
    const newRdict = restrictions([[0, toNano('7')]]);
    const initBody = v3
        ? cell((b) => b.storeUint(SUBWALLET, 32).storeUint(NOW + 60, 32).storeUint(0, 32).storeUint(NOW, 32).storeDict(newRdict))
        : body({ seqno: 0, msgs: [] });
    const initData = v3
        ? cell((b) => b.storeUint(0, 32).storeUint(SUBWALLET, 32).storeUint(PUBKEY, 256).storeUint(BigInt('0x' + otherKeys.publicKey.toString('hex')), 256))
        : data(0);
    add(c, 'ext.init', 'seqno 0: initialisation', initData, extStack(signed(initBody)), -1);
}

// multisig: wallet_id(32) n(8) k(8) last_cleaned(64) owner_infos(HashmapE 8 (pubkey(256) flood(8))) pending(HashmapE 64 query).
{
    const c = 'func-multisig-code';
    const WALLET_ID = 0x1234;
    const owners = [1, 2, 3].map((i) => keyPairFromSeed(Buffer.alloc(32, i)));
    const ownerValue = { serialize: (v, b) => b.storeUint(v.key, 256).storeUint(v.flood, 8), parse: (sl) => ({ key: sl.loadUintBig(256), flood: sl.loadUint(8) }) };
    const ownerInfos = (flood = 0) => {
        const d = Dictionary.empty(Dictionary.Keys.Uint(8), ownerValue);
        owners.forEach((k, i) => d.set(i, { key: BigInt('0x' + k.publicKey.toString('hex')), flood }));
        return d;
    };
    const sliceValue = { serialize: (v, b) => b.storeSlice(v.beginParse()), parse: (sl) => sl.asCell() };
    const qid = (t, n) => (BigInt(t) << 32n) | BigInt(n);
    const innerQuery = (query, msgs = one()) => cell((b) => storeMsgs(b.storeUint(WALLET_ID, 32).storeUint(query, 64), msgs));
    const Q_PENDING = qid(NOW + 7200, 1);
    const Q_PENDING2 = qid(NOW + 7200, 2);
    const Q_DONE = qid(NOW + 100, 3);
    const pending = () => {
        const d = Dictionary.empty(Dictionary.Keys.BigUint(64), sliceValue);
        d.set(Q_PENDING, cell((b) => b.storeUint(1, 1).storeUint(0, 8).storeUint(1, 8).storeUint(1, 3).storeSlice(innerQuery(Q_PENDING).beginParse().skip(96))));
        d.set(Q_PENDING2, cell((b) => b.storeUint(1, 1).storeUint(1, 8).storeUint(1, 8).storeUint(2, 3).storeSlice(innerQuery(Q_PENDING2).beginParse().skip(96))));
        d.set(Q_DONE, cell((b) => b.storeUint(0, 1)));
        return d;
    };
    const data = ({ lastCleaned = qid(NOW - 500, 0), withPending = true, flood = 1 } = {}) =>
        cell((b) => b.storeUint(WALLET_ID, 32).storeUint(3, 8).storeUint(2, 8).storeUint(lastCleaned, 64)
            .storeDict(ownerInfos(flood)).storeDict(withPending ? pending() : null));
    // External: sig(512) root_i(8) signatures(Maybe ^(sig(512) i(8) next)) query.
    function extQuery(rootI, query, { extra = [], key, wallet = WALLET_ID, msgs } = {}) {
        const q = msgs ? cell((b) => storeMsgs(b.storeUint(wallet, 32).storeUint(query, 64), msgs))
            : cell((b) => b.storeUint(wallet, 32).storeUint(query, 64).storeSlice(innerQuery(query).beginParse().skip(96)));
        let sigs = null;
        for (const i of extra.slice().reverse()) {
            sigs = cell((b) => b.storeBuffer(sign(q.hash(), owners[i].secretKey)).storeUint(i, 8).storeMaybeRef(sigs));
        }
        const unsigned = cell((b) => b.storeUint(rootI, 8).storeMaybeRef(sigs).storeSlice(q.beginParse()));
        return signed(unsigned, key ?? owners[rootI].secretKey);
    }
    add(c, 'get.n_k', 'get_n_k', data(), [], 'get_n_k');
    add(c, 'get.public_keys', 'get_public_keys', data(), [], 'get_public_keys');
    for (const [label, q] of [['pending', Q_PENDING], ['done', Q_DONE], ['unknown', qid(NOW + 9000, 9)], ['forgotten', qid(NOW - 600, 1)]]) {
        add(c, `get.query_state_${label}`, `get_query_state of a ${label} query`, data(), [I(q)], 'get_query_state');
        add(c, `get.processed_${label}`, `processed? of a ${label} query`, data(), [I(q)], 'processed?');
    }
    add(c, 'get.query_state_type', 'get_query_state(null): type check', data(), [NULL], 'get_query_state');
    add(c, 'get.messages_unsigned', 'get_messages_unsigned', data(), [], 'get_messages_unsigned');
    for (const i of [0, 1, 2]) add(c, `get.messages_unsigned_by_id_${i}`, `get_messages_unsigned_by_id(${i})`, data(), [I(i)], 'get_messages_unsigned_by_id');
    add(c, 'get.messages_by_mask_none', 'messages_by_mask over no pending queries', data({ withPending: false }), [I(7)], 'messages_by_mask');
    add(c, 'get.create_init_state', 'create_init_state', data(), [I(WALLET_ID), I(3), I(2), C(beginCell().storeDictDirect(ownerInfos()).endCell())],
        'create_init_state');
    const full = extQuery(0, Q_PENDING, { extra: [1, 2] });
    add(c, 'get.check_query_signatures_three', 'check_query_signatures with three signatures', data(), [C(full)], 'check_query_signatures');
    add(c, 'get.check_query_signatures_one', 'check_query_signatures with the root signature only', data(),
        [C(extQuery(1, Q_PENDING))], 'check_query_signatures');
    add(c, 'get.check_query_signatures_bad_root', 'root signature by another key: exit 32', data(),
        [C(extQuery(1, Q_PENDING, { key: otherKeys.secretKey }))], 'check_query_signatures');
    add(c, 'get.check_query_signatures_unknown', 'root index 7: exit 31', data(),
        [C(extQuery(7, Q_PENDING, { key: owners[0].secretKey }))], 'check_query_signatures');
    const qa = beginCell().storeMaybeRef(null).storeUint(5, 32).endCell();
    add(c, 'get.merge_inner_queries', 'merge_inner_queries of two lists', data(),
        [C(beginCell().storeMaybeRef(cell((b) => b.storeUint(1, 16).storeMaybeRef(null))).storeUint(5, 32).endCell()),
            C(beginCell().storeMaybeRef(cell((b) => b.storeUint(2, 16).storeMaybeRef(null))).storeUint(5, 32).endCell())], 'merge_inner_queries');
    add(c, 'get.merge_inner_queries_mismatch', 'different queries: exit 31', data(), [C(qa), C(beginCell().storeMaybeRef(null).storeUint(6, 32).endCell())],
        'merge_inner_queries');
    add(c, 'ext.init', 'empty message: initialisation', data({ lastCleaned: 0n, withPending: false, flood: 0 }), extStack(beginCell().endCell()), -1);
    add(c, 'ext.init_twice', 'empty message after initialisation: exit 37', data(), extStack(beginCell().endCell()), -1);
    const Q_NEW = qid(NOW + 7200, 10);
    add(c, 'ext.new_query_one_sig', 'a new query with one signature stays pending', data(), extStack(extQuery(2, Q_NEW)), -1);
    add(c, 'ext.new_query_two_sigs', 'a new query with two signatures is sent', data(), extStack(extQuery(2, Q_NEW, { extra: [0] })), -1);
    add(c, 'ext.new_query_three_sigs', 'three signatures', data(), extStack(extQuery(0, Q_NEW, { extra: [1, 2] })), -1);
    add(c, 'ext.confirm_pending', 'the second signature of a pending query sends it', data(), extStack(extQuery(1, Q_PENDING)), -1);
    add(c, 'ext.already_signed', 'the creator signs again: exit 34', data(), extStack(extQuery(0, Q_PENDING)), -1);
    add(c, 'ext.done_query', 'a processed query: exit 35', data(), extStack(extQuery(1, Q_DONE)), -1);
    add(c, 'ext.other_message', 'same query id, other message: exit 36', data(),
        extStack(extQuery(1, Q_PENDING, { msgs: [{ mode: 1, msg: transfer(DEST, 5n, 'z') }] })), -1);
    add(c, 'ext.unknown_owner', 'root index 5: exit 31', data(), extStack(extQuery(5, Q_NEW, { key: owners[0].secretKey })), -1);
    add(c, 'ext.bad_root_signature', 'bad root signature: exit 32', data(), extStack(extQuery(0, Q_NEW, { key: otherKeys.secretKey })), -1);
    add(c, 'ext.wrong_wallet', 'wallet id mismatch: exit 42', data(), extStack(extQuery(0, Q_NEW, { wallet: 1 })), -1);
    add(c, 'ext.expired', 'query id in the past: exit 33', data(), extStack(extQuery(0, qid(NOW - 5, 1), { extra: [1] })), -1);
    add(c, 'ext.too_soon', 'a one-signature query expiring within an hour: exit 41', data(), extStack(extQuery(0, qid(NOW + 60, 1))), -1);
    add(c, 'ext.flood', 'owner flood counter at 10: exit 39', data({ flood: 10 }), extStack(extQuery(0, Q_NEW)), -1);
    add(c, 'ext.bad_extra_signature', 'an extra signature by a wrong key: exit 38 after commit', data(),
        extStack(signed(cell((b) => b.storeUint(0, 8)
            .storeMaybeRef(cell((bb) => bb.storeBuffer(sign(innerQuery(Q_NEW).hash(), otherKeys.secretKey)).storeUint(1, 8).storeMaybeRef(null)))
            .storeSlice(innerQuery(Q_NEW).beginParse())), owners[0].secretKey)), -1);
    add(c, 'int.receive', 'plain incoming transfer', data(), intStack(), 0);
}

// dns-manual: contract_id(32) last_cleaned(64) pubkey(256) root(PfxHashmapE 1023 ^Cell) old_queries(HashmapE 64).
// The prefix dictionary keys are zeros(7) . name with \0 after each label; values are category tables
// (HashmapE 256 ^Cell).
function catTable(entries) {
    const d = Dictionary.empty(Dictionary.Keys.BigUint(256), Dictionary.Values.Cell());
    for (const [k, v] of entries) d.set(k, v);
    return beginCell().storeDictDirect(d).endCell();
}
const bitsOf = (buf) => [...buf].map((x) => x.toString(2).padStart(8, '0')).join('');
/**
 * A prefix-dictionary node: hml_short label, then a leaf (0, value) or a fork (1, ^left, ^right). The
 * value is a Maybe ^Cell (the stdlib's pfxdict_get_ref reads it with LDDICT).
 */
function pfxNode(entries) {
    // entries: [bitString, valueCell][], all keys distinct and prefix-free.
    let common = entries[0][0];
    for (const [k] of entries) while (!k.startsWith(common)) common = common.slice(0, -1);
    const b = beginCell().storeBit(0);
    for (let i = 0; i < common.length; i++) b.storeBit(1);
    b.storeBit(0);
    for (const ch of common) b.storeBit(ch === '1');
    if (entries.length === 1 && entries[0][0] === common) return b.storeBit(0).storeMaybeRef(entries[0][1]).endCell();
    const rest = entries.map(([k, v]) => [k.slice(common.length), v]);
    const side = (bit) => pfxNode(rest.filter(([k]) => k[0] === bit).map(([k, v]) => [k.slice(1), v]));
    return b.storeBit(1).storeRef(side('0')).storeRef(side('1')).endCell();
}
const DNS_NEXT = BigInt('0x19f02441ee588fdb26ee24b2568dd035c3c9206e11ab979be62e55558a1d17ff');
const WALLET_CAT = BigInt('0x' + Buffer.from(core_sha256('wallet')).toString('hex'));
function core_sha256(s) {
    return createHash('sha256').update(s).digest();
}
const domain = (s) => beginCell().storeBuffer(Buffer.from(s)).endCell();
const dnsDomains = () => {
    const rec = (tag) => cell((b) => b.storeUint(0x9fd3, 16).storeAddress(DEST).storeUint(tag, 8));
    return [
        ['com\0', catTable([[WALLET_CAT, rec(1)], [DNS_NEXT, rec(2)], [1n, rec(3)]])],
        ['com\0google\0', catTable([[WALLET_CAT, rec(4)]])],
        ['org\0', catTable([[DNS_NEXT, rec(5)]])],
    ];
};
{
    const c = 'func-dns-manual-code';
    const zerosOf = (name) => [...name].filter((ch) => ch === '\0').length;
    const root = pfxNode(dnsDomains().map(([n, v]) => [zerosOf(n).toString(2).padStart(7, '0') + bitsOf(Buffer.from(n)), v]));
    const data = (withRoot = true) =>
        cell((b) => b.storeUint(77, 32).storeUint(0, 64).storeUint(PUBKEY, 256).storeMaybeRef(withRoot ? root : null).storeBit(0));
    add(c, 'get.contract_id', 'get_contract_id', data(), [], 'get_contract_id');
    add(c, 'get.public_key', 'get_public_key', data(), [], 'get_public_key');
    const cases = [
        ['com', 0n], ['com', WALLET_CAT], ['com\0', 1n], ['com\0google', WALLET_CAT], ['com\0google', 0n], ['com\0google\0mail', WALLET_CAT],
        ['com\0yahoo', WALLET_CAT], ['org', WALLET_CAT], ['org\0sub', 0n], ['net', WALLET_CAT], ['\0com', WALLET_CAT], ['\0', 0n], ['co', 5n],
    ];
    cases.forEach(([name, cat], i) =>
        add(c, `get.dnsresolve_${i}`, `dnsresolve(${JSON.stringify(name)}, ${cat})`, data(), [sliceV(domain(name)), I(cat)], 'dnsresolve'));
    add(c, 'get.dnsresolve_empty_root', 'dnsresolve with no domains', data(false), [sliceV(domain('com')), I(0)], 'dnsresolve');
    add(c, 'get.dnsresolve_empty_name', 'empty name: exit 30', data(), [sliceV(beginCell().endCell()), I(0)], 'dnsresolve');
    add(c, 'get.dnsresolve_odd_bits', 'name of 12 bits: exit 30', data(), [sliceV(cell((b) => b.storeUint(5, 12))), I(0)], 'dnsresolve');
    add(c, 'int.receive', 'plain incoming transfer', data(), intStack(), 0);
}

// dns-auto: ^ctl, domains (HashmapE 224: exp(32) ^cat_table), gc dict, stdper(30) ppr ppc ppb (Grams), nhk(32) lhk(32).
{
    const c = 'func-dns-auto-code';
    const ctl = cell((b) => b.storeInt(0, 8).storeUint(0x11n, 256));
    const dict = Dictionary.empty(Dictionary.Keys.BigUint(224), { serialize: (v, b) => b.storeUint(v.exp, 32).storeRef(v.cat), parse: () => null });
    dnsDomains().forEach(([n, cat], i) => dict.set(BigInt('0x' + core_sha256(Buffer.from(n)).toString('hex')) >> 32n, { exp: i === 2 ? NOW - 1 : NOW + 86400, cat }));
    const data = cell((b) => b.storeRef(ctl).storeDict(dict).storeBit(0).storeUint(86400 * 365, 30).storeCoins(toNano('100'))
        .storeCoins(toNano('0.001')).storeCoins(1000n).storeUint(NOW + 100, 32).storeUint(NOW - 100, 32));
    for (const m of ['getstdperiod', 'getppr', 'getppc', 'getppb']) add(c, `get.${m}`, m, data, [], m);
    const cases = [['com', 0n], ['com', WALLET_CAT], ['com\0google', WALLET_CAT], ['com\0google\0mail', 0n], ['com\0yahoo', WALLET_CAT], ['org', 0n], ['net', 0n], ['\0', 0n]];
    cases.forEach(([name, cat], i) =>
        add(c, `get.dnsresolve_${i}`, `dnsresolve(${JSON.stringify(name)}, ${cat})`, data, [sliceV(domain(name)), I(cat)], 'dnsresolve'));
    for (const name of ['com', 'com\0google', 'org', 'net']) {
        add(c, `get.getexpiration_${name.replace('\0', '.')}`, `getexpiration(${JSON.stringify(name)})`, data, [sliceV(domain(name))], 'getexpiration');
    }
    add(c, 'get.dnsresolve_odd_bits', 'name of 12 bits: exit 30', data, [sliceV(cell((b) => b.storeUint(5, 12))), I(0)], 'dnsresolve');
    add(c, 'get.calcprice', 'calcprice', data, [sliceV(domain('example')), C(catTable([[1n, cell((b) => b.storeUint(1, 64))]]))], 'calcprice');
}

// asm-edge-cases: compiled to exercise the assembler; its get-method and recv_internal still run.
{
    const c = 'func-asm-edge-cases';
    add(c, 'get.x', 'get_x', null, [], 'get_x');
    add(c, 'int.run', 'recv_internal runs every block', null, intStack(), 0);
    add(c, 'ext.run', 'recv_external', null, extStack(beginCell().endCell()), -1);
}

/** The recv_internal stack for a message with `body` from `from` carrying `value`. */
function intMsgStack(body, { from = DEST, value = toNano('2'), bounced = false, balance = toNano('12') } = {}) {
    const msg = beginCell()
        .store(storeMessageRelaxed({ info: { type: 'internal', ihrDisabled: true, bounce: false, bounced, src: from, dest: SELF,
            value: { coins: value }, ihrFee: 0n, forwardFee: 0n, createdLt: 0n, createdAt: 0 }, body }))
        .endCell();
    return [I(balance), I(value), C(msg), sliceV(body)];
}

// config / config-with-ownable-params: ^cfg_dict seqno(32) pubkey(256) vote_dict(HashmapE 256 proposal status).
// cfg_dict holds the params the contract reads, taken from the sandbox's default config (0 config address,
// 1 elector address, 8 global version, 9 mandatory params, 11 voting setup); the whole config (or even
// param 34, the validator set) would make every vector's c4 tens of KB.
const DEFAULT_CONFIG = (() => {
    const full = Dictionary.loadDirect(Dictionary.Keys.Int(32), Dictionary.Values.Cell(),
        Cell.fromBase64(oracleRequire('@ton/sandbox/dist/config/defaultConfig.js').defaultConfig));
    const kept = Dictionary.empty(Dictionary.Keys.Int(32), Dictionary.Values.Cell());
    for (const id of [0, 1, 8, 9, 11]) kept.set(id, full.get(id));
    return beginCell().storeDictDirect(kept).endCell();
})();
for (const c of ['func-config-code', 'func-config-with-ownable-params']) {
    const PHASH = 0xabcdefn << 200n;
    const proposal = (id, val) => cell((b) => b.storeInt(0xf3 - 0x100, 8).storeInt(id, 32).storeMaybeRef(val).storeBit(0));
    const voters = Dictionary.empty(Dictionary.Keys.Uint(16), Dictionary.Values.BitString(0));
    voters.set(3, beginCell().endCell().beginParse().loadBits(0));
    voters.set(7, beginCell().endCell().beginParse().loadBits(0));
    const status = (expires) => cell((b) => b.storeInt(0xce - 0x100, 8).storeUint(expires, 32).storeRef(proposal(100, cell((bb) => bb.storeUint(42, 32))))
        .storeInt(0, 1).storeDict(voters).storeInt(1000, 64).storeUint(0x77n, 256).storeUint(3, 8).storeUint(1, 8).storeUint(0, 8));
    const votes = Dictionary.empty(Dictionary.Keys.BigUint(256), { serialize: (v, b) => b.storeSlice(v.beginParse()), parse: (sl) => sl.asCell() });
    votes.set(PHASH, status(NOW + 86400));
    votes.set(PHASH + 1n, status(NOW + 3600));
    const data = (seqno = 9, withVotes = true) =>
        cell((b) => b.storeRef(DEFAULT_CONFIG).storeUint(seqno, 32).storeUint(PUBKEY, 256).storeDict(withVotes ? votes : null));
    add(c, 'get.seqno', 'seqno', data(), [], 'seqno');
    add(c, 'get.list_proposals', 'list_proposals (two proposals)', data(), [], 'list_proposals');
    add(c, 'get.list_proposals_empty', 'list_proposals (none)', data(9, false), [], 'list_proposals');
    add(c, 'get.get_proposal', 'get_proposal of a known hash', data(), [I(PHASH)], 'get_proposal');
    add(c, 'get.get_proposal_unknown', 'get_proposal of an unknown hash', data(), [I(5)], 'get_proposal');
    for (const [crit, secs, bits, refs] of [[0, 86400, 1000, 2], [-1, 86400 * 10, 100, 0], [0, 10, 100, 1], [-1, 1 << 30, 5000, 10]]) {
        add(c, `get.proposal_storage_price_${crit}_${secs}_${bits}_${refs}`, 'proposal_storage_price (param 11 of the default config)', data(),
            [I(crit), I(secs), I(bits), I(refs)], 'proposal_storage_price');
    }
    const ext = ({ action, seqno = 9, validUntil = NOW + 60, tail = (b) => b, key = keys.secretKey }) =>
        signed(cell((b) => tail(b.storeUint(action, 32).storeUint(seqno, 32).storeUint(validUntil, 32))), key);
    add(c, 'ext.set_param', 'signed: set config param 100', data(),
        extStack(ext({ action: 0x43665021, tail: (b) => b.storeInt(100, 32).storeRef(cell((bb) => bb.storeUint(7, 8))) })), -1);
    add(c, 'ext.set_public_key', 'signed: change the master key', data(),
        extStack(ext({ action: 0x50624b21, tail: (b) => b.storeUint(0x55n, 256) })), -1);
    add(c, 'ext.bad_signature', 'another key: exit 34', data(), extStack(ext({ action: 0x43665021, key: otherKeys.secretKey,
        tail: (b) => b.storeInt(100, 32).storeRef(cell((bb) => bb.storeUint(7, 8))) })), -1);
    add(c, 'ext.wrong_seqno', 'seqno mismatch: exit 33', data(), extStack(ext({ action: 0x43665021, seqno: 8 })), -1);
    add(c, 'ext.expired', 'expired: exit 35', data(), extStack(ext({ action: 0x43665021, validUntil: NOW - 1 })), -1);
    add(c, 'ext.unknown_action', 'signed, unknown action', data(), extStack(ext({ action: 0x11111111 })), -1);
    add(c, 'int.no_source', 'a message without a source address: parse_std_addr fails', data(), intStack(), 0);
    add(c, 'int.simple_transfer', 'a simple transfer from the basechain is ignored', data(), intMsgStack(beginCell().endCell()), 0);
    const MASTER = Address.parse('-1:' + '44'.repeat(32));
    add(c, 'int.unknown_query', 'an unknown query from the masterchain: exit 37', data(),
        intMsgStack(cell((b) => b.storeUint(0x12345678, 32).storeUint(1, 64)), { from: MASTER }), 0);
    add(c, 'int.answer_tag', 'a message with the high bit set is ignored', data(),
        intMsgStack(cell((b) => b.storeUint(0x92345678, 32).storeUint(1, 64)), { from: MASTER }), 0);
    add(c, 'int.new_vset_not_elector', 'set next validator set from a non-elector: error answer', data(),
        intMsgStack(cell((b) => b.storeUint(0x4e565354, 32).storeUint(5, 64).storeRef(cell((bb) => bb.storeUint(0x12, 8)))), { from: MASTER }), 0);
    add(c, 'ticktock.tick', 'tick-tock (method id -2): next validator set check, proposal scan', data(), [I(toNano('12')), I(0), I(0)], -2);
    add(c, 'ticktock.tock', 'tock', data(9, false), [I(toNano('12')), I(0), I(-1)], -2);
    add(c, 'int.new_proposal', 'register a voting proposal', data(),
        intMsgStack(cell((b) => b.storeUint(0x6e565052, 32).storeUint(6, 64).storeUint(NOW + 86400 * 3, 32).storeRef(proposal(101, cell((bb) => bb.storeUint(1, 8))))
            .storeBit(0)), { from: MASTER, value: toNano('100') }), 0);
}

// elector: elect(Maybe ^elect) credits(HashmapE 256 Grams) past_elections(HashmapE 32 past) grams active_id(32) active_hash(256).
{
    const c = 'func-elector-code';
    const ELECT_AT = NOW + 3600;
    const member = { serialize: (v, b) => b.storeCoins(v.stake).storeUint(v.time, 32).storeUint(v.factor, 32).storeUint(v.addr, 256).storeUint(v.adnl, 256),
        parse: () => null };
    const members = Dictionary.empty(Dictionary.Keys.BigUint(256), member);
    [11n, 22n, 33n].forEach((k, i) => members.set(k << 240n, { stake: toNano(String(10000 * (i + 1))), time: NOW - 100 * i, factor: 0x30000, addr: BigInt(i + 1) * 0x1111n, adnl: k }));
    const elect = cell((b) => b.storeUint(ELECT_AT, 32).storeUint(ELECT_AT - 600, 32).storeCoins(toNano('10000')).storeCoins(toNano('60000'))
        .storeDict(members).storeInt(0, 1).storeInt(0, 1));
    const grams = { serialize: (v, b) => b.storeCoins(v), parse: (sl) => sl.loadCoins() };
    const credits = Dictionary.empty(Dictionary.Keys.BigUint(256), grams);
    credits.set(0x1111n, toNano('5'));
    credits.set(0x2222n, toNano('7.5'));
    const complaintStatus = cell((b) => b.storeUint(0x2d, 8)
        .storeRef(cell((bb) => bb.storeInt(0xbc - 0x100, 8).storeUint(11n << 240n, 256).storeRef(cell((x) => x.storeUint(1, 8))).storeUint(NOW - 50, 32)
            .storeUint(1, 8).storeUint(0x1111n, 256).storeCoins(toNano('1')).storeCoins(toNano('100')).storeUint(0, 32)))
        .storeDict(null).storeUint(0x99n, 256).storeInt(5000, 64));
    const complaints = Dictionary.empty(Dictionary.Keys.BigUint(256), { serialize: (v, b) => b.storeSlice(v.beginParse()), parse: (sl) => sl.asCell() });
    complaints.set(0xc0ffeen, complaintStatus);
    const past = Dictionary.empty(Dictionary.Keys.Uint(32), { serialize: (v, b) => b.storeSlice(v.beginParse()), parse: (sl) => sl.asCell() });
    const pastElection = (id, withComplaints) => cell((b) => b.storeUint(id + 86400, 32).storeUint(86400, 32).storeUint(0x5eedn, 256)
        .storeDict(null).storeCoins(toNano('60000')).storeCoins(toNano('3')).storeDict(withComplaints ? complaints : null));
    past.set(NOW - 86400, pastElection(NOW - 86400, true));
    past.set(NOW - 2 * 86400, pastElection(NOW - 2 * 86400, false));
    const data = (withElect = true) => cell((b) => b.storeMaybeRef(withElect ? elect : null).storeDict(credits).storeDict(past)
        .storeCoins(toNano('12')).storeUint(NOW - 86400, 32).storeUint(0x5eedn, 256));
    add(c, 'get.active_election_id', 'active_election_id', data(), [], 'active_election_id');
    add(c, 'get.active_election_id_none', 'active_election_id without elections', data(false), [], 'active_election_id');
    add(c, 'get.participates_in_yes', 'participates_in a member', data(), [I(22n << 240n)], 'participates_in');
    add(c, 'get.participates_in_no', 'participates_in a non-member', data(), [I(5)], 'participates_in');
    add(c, 'get.participates_in_none', 'participates_in without elections', data(false), [I(5)], 'participates_in');
    add(c, 'get.participant_list', 'participant_list', data(), [], 'participant_list');
    add(c, 'get.participant_list_none', 'participant_list without elections', data(false), [], 'participant_list');
    add(c, 'get.participant_list_extended', 'participant_list_extended', data(), [], 'participant_list_extended');
    add(c, 'get.participant_list_extended_none', 'participant_list_extended without elections', data(false), [], 'participant_list_extended');
    add(c, 'get.compute_returned_stake', 'compute_returned_stake of a credited wallet', data(), [I(0x2222n)], 'compute_returned_stake');
    add(c, 'get.compute_returned_stake_none', 'compute_returned_stake of another wallet', data(), [I(0x3333n)], 'compute_returned_stake');
    add(c, 'get.past_election_ids', 'past_election_ids', data(), [], 'past_election_ids');
    add(c, 'get.past_elections', 'past_elections', data(), [], 'past_elections');
    add(c, 'get.past_elections_list', 'past_elections_list', data(), [], 'past_elections_list');
    add(c, 'get.get_past_complaints', 'get_past_complaints', data(), [I(NOW - 86400)], 'get_past_complaints');
    add(c, 'get.get_past_complaints_none', 'get_past_complaints of an unknown election', data(), [I(5)], 'get_past_complaints');
    add(c, 'get.show_complaint', 'show_complaint', data(), [I(NOW - 86400), I(0xc0ffeen)], 'show_complaint');
    add(c, 'get.show_complaint_unknown', 'show_complaint of an unknown hash', data(), [I(NOW - 86400), I(1)], 'show_complaint');
    add(c, 'get.list_complaints', 'list_complaints', data(), [I(NOW - 86400)], 'list_complaints');
    add(c, 'get.list_complaints_empty', 'list_complaints of an election without complaints', data(), [I(NOW - 2 * 86400)], 'list_complaints');
    for (const [bits, refs, exp] of [[1000, 2, 86400], [0, 0, 0], [100000, 50, 86400 * 30]]) {
        add(c, `get.complaint_storage_price_${bits}_${refs}_${exp}`, 'complaint_storage_price (config param 13 absent: defaults)', data(),
            [I(bits), I(refs), I(exp)], 'complaint_storage_price');
    }
    add(c, 'int.simple_transfer', 'simple transfer (empty body) from the basechain', data(), intMsgStack(beginCell().endCell()), 0);
    add(c, 'int.comment', 'simple transfer with a comment', data(), intMsgStack(cell((b) => b.storeUint(0, 32).storeStringTail('hi'))), 0);
    add(c, 'int.bounced', 'a bounced message is ignored', data(), intMsgStack(cell((b) => b.storeUint(0xffffffff, 32)), { bounced: true }), 0);
    add(c, 'int.recover_stake', 'recover stake from a basechain wallet (not masterchain): refused', data(),
        intMsgStack(cell((b) => b.storeUint(0x47657424, 32).storeUint(9, 64))), 0);
    const MASTER = Address.parse('-1:' + '00'.repeat(30) + '1111');
    add(c, 'int.recover_stake_master', 'recover stake of a credited masterchain wallet', data(),
        intMsgStack(cell((b) => b.storeUint(0x47657424, 32).storeUint(9, 64)), { from: MASTER }), 0);
    add(c, 'int.new_stake_basechain', 'new stake from the basechain: refused', data(),
        intMsgStack(cell((b) => b.storeUint(0x4e73744b, 32).storeUint(9, 64)), { value: toNano('20000') }), 0);
    add(c, 'int.unknown_op', 'unknown op with a query id', data(), intMsgStack(cell((b) => b.storeUint(0x7777, 32).storeUint(9, 64))), 0);

    // New stakes from a masterchain wallet, signed by the validator key.
    const VAL = keyPairFromSeed(Buffer.alloc(32, 31));
    const WALLET = Address.parse('-1:' + '00'.repeat(30) + '2222');
    const stake = ({ stakeAt = ELECT_AT, factor = 0x20000, key = VAL.secretKey, pub = VAL.publicKey } = {}) => {
        const signedPart = cell((b) => b.storeUint(0x654c5074, 32).storeUint(stakeAt, 32).storeUint(factor, 32)
            .storeUint(BigInt('0x' + WALLET.hash.toString('hex')), 256).storeUint(0xad1n, 256));
        const sig = sign(signedPart.bits.subbuffer(0, signedPart.bits.length), key);
        return cell((b) => b.storeUint(0x4e73744b, 32).storeUint(77, 64).storeBuffer(pub).storeUint(stakeAt, 32).storeUint(factor, 32)
            .storeUint(0xad1n, 256).storeRef(beginCell().storeBuffer(sig).endCell()));
    };
    const stakeRun = (name, desc, body, value = toNano('30001')) =>
        add(c, name, desc, data(), intMsgStack(body, { from: WALLET, value }), 0);
    stakeRun('int.new_stake', 'a new stake with a valid validator signature', stake());
    stakeRun('int.new_stake_bad_signature', 'signed by another key: returned (reason 1)', stake({ key: otherKeys.secretKey }));
    stakeRun('int.new_stake_low_factor', 'max_factor below 1: returned (reason 6)', stake({ factor: 0x8000 }));
    stakeRun('int.new_stake_other_election', 'stake for another election: returned (reason 3)', stake({ stakeAt: ELECT_AT + 1 }));
    stakeRun('int.new_stake_too_small', 'stake under min_stake: returned (reason 5)', stake(), toNano('1001'));
    stakeRun('int.new_stake_tiny', 'stake under 1/4096 of the total: returned (reason 2)', stake(), toNano('1.5'));
    add(c, 'int.new_stake_no_election', 'no election: returned', data(false), intMsgStack(stake(), { from: WALLET, value: toNano('30001') }), 0);

    // Tick-tock transactions (method id -2; stack: balance, address, is_tock), reading config params
    // 15, 16, 17, 34 ... of the default config.
    const tt = (isTock) => [I(toNano('12')), I(0), I(isTock)];
    add(c, 'ticktock.tick_election', 'tick during an election', data(), tt(0), -2);
    add(c, 'ticktock.tock_election', 'tock during an election', data(), tt(-1), -2);
    add(c, 'ticktock.tick_no_election', 'tick without an election: announce new elections', data(false), tt(0), -2);
    const closedElect = cell((b) => b.storeUint(NOW - 10, 32).storeUint(NOW - 600, 32).storeCoins(toNano('10000')).storeCoins(toNano('60000'))
        .storeDict(members).storeInt(0, 1).storeInt(0, 1));
    const closedData = cell((b) => b.storeMaybeRef(closedElect).storeDict(credits).storeDict(past)
        .storeCoins(toNano('12')).storeUint(NOW - 86400, 32).storeUint(0x5eedn, 256));
    add(c, 'ticktock.tick_conduct', 'tick after elect_close: conduct the elections (too few validators)', closedData, tt(0), -2);
}

// payment-channel: ^config ^state; config: init_timeout(32) close_timeout(32) a_key b_key ^a_addr ^b_addr channel_id(64) min_A_extra.
{
    const c = 'func-payment-channel-code';
    const A = keyPairFromSeed(Buffer.alloc(32, 21));
    const B = keyPairFromSeed(Buffer.alloc(32, 22));
    const key = (k) => BigInt('0x' + k.publicKey.toString('hex'));
    const addrCell = (a) => cell((b) => b.storeAddress(a));
    const A_ADDR = Address.parse('0:' + 'a1'.repeat(32));
    const B_ADDR = Address.parse('0:' + 'b2'.repeat(32));
    const CHAN = 0x1234n;
    const config = cell((b) => b.storeUint(3600, 32).storeUint(7200, 32).storeUint(key(A), 256).storeUint(key(B), 256)
        .storeRef(addrCell(A_ADDR)).storeRef(addrCell(B_ADDR)).storeUint(CHAN, 64).storeCoins(toNano('0.1')));
    const stInit = (sa, sb, expire = 0, a = 0n, bb = 0n) => cell((b) => b.storeInt(0, 3).storeInt(sa, 1).storeInt(sb, 1).storeCoins(0).storeCoins(0)
        .storeUint(expire, 32).storeCoins(a).storeCoins(bb));
    const stClose = (sa, sb, pa, pb, expire, a, bb) => cell((b) => b.storeInt(1, 3).storeInt(sa, 1).storeInt(sb, 1).storeCoins(pa).storeCoins(pb)
        .storeUint(expire, 32).storeCoins(a).storeCoins(bb));
    const stPayout = (a, bb) => cell((b) => b.storeInt(2, 3).storeCoins(a).storeCoins(bb));
    const data = (st) => cell((b) => b.storeRef(config).storeRef(st));
    /** pchan_cmd, then the signatures of `signers` over the inner message. */
    const cmd = (inner, signers, { wrongKey = false } = {}) => cell((b) => {
        b.storeUint(0x912838d1, 32);
        for (const who of ['a', 'b']) {
            const k = who === 'a' ? A : B;
            if (signers.includes(who)) {
                b.storeBit(1).storeRef(beginCell().storeBuffer(sign(inner.hash(), wrongKey ? otherKeys.secretKey : k.secretKey)).endCell());
            } else b.storeBit(0);
        }
        return b.storeSlice(inner.beginParse());
    });
    const initMsg = (incA, incB, chan = CHAN) => cell((b) => b.storeUint(0x27317822, 32).storeCoins(incA).storeCoins(incB).storeCoins(0).storeCoins(0).storeUint(chan, 64));
    const timeoutMsg = cell((b) => b.storeUint(0x43278a28, 32));
    // The contract checks get_balance() (c7) in the payout state: these run with a balance of 12 TON.
    const run = (name, desc, st, body, value = toNano('2')) =>
        add(c, name, desc, data(st), intMsgStack(body, { value }), 0, { balance: toNano('12') });
    run('int.empty', 'empty body', stInit(0, 0), beginCell().endCell());
    run('int.comment', 'op 0: simple transfer', stInit(0, 0), cell((b) => b.storeUint(0, 32)));
    run('int.unknown_op', 'unknown op: exit 40', stInit(0, 0), cell((b) => b.storeUint(5, 32)));
    run('init.by_a', 'init signed by A', stInit(0, 0), cmd(initMsg(toNano('1'), 0n), ['a']));
    run('init.by_b_after_a', 'init signed by B after A: closing state', stInit(-1, 0, NOW + 3000, toNano('1')), cmd(initMsg(0n, toNano('1')), ['b']));
    run('init.both', 'init signed by both', stInit(0, 0), cmd(initMsg(toNano('1'), toNano('1')), ['a', 'b']));
    run('init.wrong_channel', 'wrong channel id: exit 39', stInit(0, 0), cmd(initMsg(toNano('1'), 0n, 9n), ['a']));
    run('init.value_too_small', 'msg value below the increments: exit 33', stInit(0, 0), cmd(initMsg(toNano('3'), 0n), ['a']));
    run('init.replay', 'A signs again: exit 34', stInit(-1, 0, NOW + 3000, toNano('1')), cmd(initMsg(toNano('1'), 0n), ['a']));
    run('init.bad_a_signature', 'bad A signature: exit 31', stInit(0, 0), cmd(initMsg(toNano('1'), 0n), ['a'], { wrongKey: true }));
    run('init.bad_b_signature', 'bad B signature: exit 32', stInit(0, 0), cmd(initMsg(toNano('1'), 0n), ['b'], { wrongKey: true }));
    run('init.timeout_early', 'timeout before expiry: exit 35', stInit(-1, 0, NOW + 3000, toNano('1')), cmd(timeoutMsg, []));
    run('init.timeout', 'timeout after expiry: payout', stInit(-1, 0, NOW - 1, toNano('1')), cmd(timeoutMsg, []));
    const closeMsg = (signer, pa, pb) => {
        const promise = cell((b) => b.storeUint(CHAN, 64).storeCoins(pa).storeCoins(pb));
        const other = signer === 'a' ? B : A;
        return cell((b) => b.storeUint(0xf28ae183, 32).storeCoins(0).storeCoins(0).storeBit(1)
            .storeRef(beginCell().storeBuffer(sign(promise.hash(), other.secretKey)).endCell()).storeSlice(promise.beginParse()));
    };
    run('close.by_a', 'close by A with B\'s promise signature', stClose(0, 0, 0n, 0n, 0, toNano('1'), toNano('1')),
        cmd(closeMsg('a', toNano('0.2'), toNano('0.5')), ['a']));
    run('close.by_b_after_a', 'close by B after A: payout', stClose(-1, 0, toNano('0.2'), toNano('0.5'), NOW + 100, toNano('1'), toNano('1')),
        cmd(closeMsg('b', toNano('0.3'), toNano('0.4')), ['b']));
    run('close.timeout', 'close timeout: payout', stClose(-1, 0, toNano('0.2'), toNano('0.5'), NOW - 1, toNano('1'), toNano('1')), cmd(timeoutMsg, []));
    run('close.no_signer', 'close without a signature: exit 34', stClose(0, 0, 0n, 0n, 0, toNano('1'), toNano('1')), cmd(closeMsg('a', 1n, 1n), []));
    run('payout.ok', 'payout state: pays both (balance 12 TON)', stPayout(toNano('1'), toNano('2')), cmd(cell((b) => b.storeUint(0x37fe7810, 32)), []));
    run('payout.not_enough', 'payout needing more than the balance: exit 41', stPayout(toNano('10'), toNano('2')),
        cmd(cell((b) => b.storeUint(0x37fe7810, 32)), []));
    add(c, 'ext.init_by_a', 'the same commands as an external message (msg_value 0): exit 33', data(stInit(0, 0)),
        extStack(cmd(initMsg(toNano('1'), 0n), ['a'])), -1);
    add(c, 'ext.timeout', 'timeout as an external message', data(stInit(-1, 0, NOW - 1, toNano('1'))), extStack(cmd(timeoutMsg, [])), -1);
}

// ---------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------
const oracle = await createOracle({ config: 'default' });
let disagree = 0;
const runOne = (v) => {
    const r = oracle.run({ code: v.code_boc, data: v.data, stack: v.stack_in, method_id: v.method_id, gas_limit: v.gas_limit, c7: v.c7 });
    if (r.error) throw new Error(`${v.name}: ${r.error}`);
    v.expected = { exit_code: r.exit_code, gas_used: r.gas_used, stack: r.stack, c4: r.c4 ?? null, c5: r.c5 ?? null };
    return r;
};
for (const v of vectors) {
    const r = runOne(v);
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
// Out of gas: every successful FunC run again with a gas limit of half its gas and of its gas minus one
// (out of gas in the middle, and at the last instruction or implicit RET; runs that ACCEPT first get
// the full limit from then on and may still succeed).
const gasVariants = [];
for (const v of vectors) {
    if (!v.contract.startsWith('func-') || v.expected.exit_code !== 0 || v.gas_limit !== 1000000) continue;
    for (const [tag, limit] of [['half', Math.floor(v.expected.gas_used / 2)], ['minus1', v.expected.gas_used - 1]]) {
        const { expected, ...rest } = v;
        void expected;
        const g = { ...rest, name: `${v.name}.gas_${tag}`, description: `${v.description}, gas limit ${limit}`, gas_limit: limit };
        runOne(g);
        gasVariants.push(g);
    }
}
vectors.push(...gasVariants);
if (disagree) console.error(`${disagree} annotation(s) differ from the oracle (the oracle is recorded)`);

// Soak mode (not committed): every run except the gas variants again at other global versions, written
// to --out (copy it into this folder, run `cargo run --release -p gram-conformance -- vectors`, remove it).
const versionsArg = process.argv.indexOf('--versions');
if (versionsArg >= 0) {
    const outArg = process.argv.indexOf('--out');
    if (outArg < 0) throw new Error('--versions needs --out FILE');
    const soak = [];
    for (const v of vectors) {
        if (/\.gas_(half|minus1)$/.test(v.name)) continue;
        for (const gv of process.argv[versionsArg + 1].split(',').map(Number)) {
            const { expected, annotation_agrees, ...rest } = v;
            void expected;
            void annotation_agrees;
            const g = { ...rest, name: `${v.name}@v${gv}`, global_version: gv };
            const r = oracle.run({ code: g.code_boc, data: g.data, stack: g.stack_in, method_id: g.method_id, gas_limit: g.gas_limit, c7: g.c7, global_version: gv });
            if (r.error) throw new Error(`${g.name}: ${r.error}`);
            g.expected = { exit_code: r.exit_code, gas_used: r.gas_used, stack: r.stack, c4: r.c4 ?? null, c5: r.c5 ?? null };
            soak.push(g);
        }
    }
    const soakDoc = vectorDocument({ description: 'contracts_vectors at other global versions (soak)', generator: path.basename(fileURLToPath(import.meta.url)),
        version: oracle.version(), extraDefaults: { entry: 'get-method: stack_in, then method_id pushed on top' }, vectors: soak });
    fs.writeFileSync(process.argv[outArg + 1], JSON.stringify(soakDoc) + '\n');
    console.log(`wrote ${soak.length} vectors to ${process.argv[outArg + 1]}`);
    process.exit(0);
}

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
