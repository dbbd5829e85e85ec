#!/usr/bin/env node
// Generates wallet_vectors.json: the standard wallet contracts v3r2 and v4r2
// run on the reference TVM (../oracle, the C++ TVM inside @ton/sandbox) with
// realistic data: every get-method, a signed external transfer (recv_external,
// method id -1: signature check, seqno bump in c4, SENDRAWMSG actions in c5),
// the failure paths of that transfer (bad signature, wrong seqno, wrong
// subwallet, expired), and a plain incoming transfer (recv_internal).
//
//   bash ../shared/oracle/setup.sh                        (from the project root)
//   node conformance/vectors/gen_wallet_vectors.mjs [--check]
//
// Keys come from fixed seeds (@ton/crypto). The code BoCs are the well-known
// ones; the script checks their hashes (v3r2 84dafa44...d599, v4r2
// feb5ff68...d5c0). Expectations (exit code, gas, stack, c4, c5) come only
// from the oracle. With --check nothing is written: the file is compared with
// a fresh run (exit 1 on any difference).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOracle, cellToBoc, packageVersions, oracleRequire, methodId, I, C } from './lib/oracle.mjs';
import { finish } from './lib/output.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'wallet_vectors.json');
const { beginCell, Cell, Address, Dictionary, storeMessage, storeMessageRelaxed, internal, external, toNano } =
    oracleRequire('@ton/core');
const { keyPairFromSeed, sign } = oracleRequire('@ton/crypto');

const V3R2_CODE =
    'te6cckEBAQEAcQAA3v8AIN0gggFMl7ohggEznLqxn3Gw7UTQ0x/THzHXC//jBOCk8mCDCNcYINMf0x/TH/gjE7vyY+1E0NMf0x/T/9FRMrryoVFEuvKiBPkBVBBV+RDyo/gAkyDXSpbTB9QC+wDo0QGkyMsfyx/L/8ntVBC9ba0=';
const V4R2_CODE = fs.readFileSync(path.join(HERE, '../../cli/assets/wallet_v4r2_code.boc'));
const CODES = {
    v3r2: { cell: Cell.fromBase64(V3R2_CODE), hash: '84dafa449f98a6987789ba232358072bc0f76dc4524002a5d0918b9a75d2d599' },
    v4r2: { cell: Cell.fromBoc(V4R2_CODE)[0], hash: 'feb5ff6820e2ff0d9483e7e0d62c817d846789fb4ae580c878866d959dabd5c0' },
};
for (const [name, c] of Object.entries(CODES)) {
    if (c.cell.hash().toString('hex') !== c.hash) throw new Error(`${name}: unexpected code hash`);
}

const NOW = 1700000000; // the oracle's default c7 NOW
const SUBWALLET = 698983191;
const keys = keyPairFromSeed(Buffer.alloc(32, 7));
const otherKeys = keyPairFromSeed(Buffer.alloc(32, 9));
const WALLET_ADDR = Address.parse('0:' + '00'.repeat(32)); // the oracle's default MYADDR
const DEST = Address.parse('0:' + '5a'.repeat(32));
const PLUGIN = Address.parse('0:' + '3c'.repeat(32));

function dataV3(seqno) {
    return beginCell().storeUint(seqno, 32).storeUint(SUBWALLET, 32).storeBuffer(keys.publicKey).endCell();
}
function dataV4(seqno, plugins = []) {
    const dict = Dictionary.empty(Dictionary.Keys.BigUint(264), Dictionary.Values.BitString(0));
    for (const a of plugins) {
        const key = (BigInt(a.workChain & 0xff) << 256n) | BigInt('0x' + a.hash.toString('hex'));
        dict.set(key, beginCell().endCell().beginParse().loadBits(0));
    }
    return beginCell()
        .storeUint(seqno, 32)
        .storeUint(SUBWALLET, 32)
        .storeBuffer(keys.publicKey)
        .storeDict(dict.size ? dict : null)
        .endCell();
}

function transfer(to, value, comment, bounce = true) {
    const body = beginCell().storeUint(0, 32).storeStringTail(comment).endCell();
    return beginCell().store(storeMessageRelaxed(internal({ to, value, bounce, body }))).endCell();
}

// The signed body: signature over the hash of (subwallet, valid_until, seqno, [op], (mode, ^msg)*).
function signedBody({ version, seqno, subwallet = SUBWALLET, validUntil = NOW + 60, messages, key = keys.secretKey }) {
    const b = beginCell().storeUint(subwallet, 32).storeUint(validUntil, 32).storeUint(seqno, 32);
    if (version === 'v4r2') b.storeUint(0, 8);
    for (const { mode, msg } of messages) b.storeUint(mode, 8).storeRef(msg);
    const unsigned = b.endCell();
    const signature = sign(unsigned.hash(), key);
    return beginCell().storeBuffer(signature).storeSlice(unsigned.beginParse()).endCell();
}

function externalIn(body) {
    return beginCell().store(storeMessage(external({ to: WALLET_ADDR, body }))).endCell();
}

const sliceV = (c) => ({ type: 'slice', boc: cellToBoc(c) });

const vectors = [];
function add(name, description, code, data, stack, method, gasLimit = 1000000) {
    vectors.push({
        name,
        description,
        code_boc: cellToBoc(code),
        data: cellToBoc(data),
        stack_in: stack,
        method_id: typeof method === 'string' ? methodId(method) : method,
        gas_limit: gasLimit,
    });
}

for (const version of ['v3r2', 'v4r2']) {
    const code = CODES[version].cell;
    const data = (seqno) => (version === 'v3r2' ? dataV3(seqno) : dataV4(seqno));
    add(`${version}.get.seqno`, 'seqno get-method', code, data(17), [], 'seqno');
    add(`${version}.get.seqno_zero`, 'seqno of a fresh wallet', code, data(0), [], 'seqno');
    add(`${version}.get.public_key`, 'get_public_key', code, data(17), [], 'get_public_key');
    add(`${version}.get.unknown_method`, 'an id no method has: exit 11', code, data(17), [], 12345);

    const one = [{ mode: 3, msg: transfer(DEST, toNano('1.5'), 'hello') }];
    const four = [0, 1, 2, 3].map((i) => ({ mode: i === 3 ? 128 + 2 : 3, msg: transfer(DEST, toNano(String(i + 1)), `m${i}`, i % 2 === 0) }));
    const ext = (body) => [I(toNano('10')), I(0), C(externalIn(body)), sliceV(body)];
    add(`${version}.ext.transfer_one`, 'signed external transfer, one message', code, data(17),
        ext(signedBody({ version, seqno: 17, messages: one })), -1);
    add(`${version}.ext.transfer_four`, 'signed external transfer, four messages (modes 3 and 130)', code, data(17),
        ext(signedBody({ version, seqno: 17, messages: four })), -1);
    add(`${version}.ext.transfer_none`, 'signed external with no messages (seqno bump only)', code, data(0),
        ext(signedBody({ version, seqno: 0, messages: [] })), -1);
    add(`${version}.ext.bad_signature`, 'signed by another key: exit 35', code, data(17),
        ext(signedBody({ version, seqno: 17, messages: one, key: otherKeys.secretKey })), -1);
    add(`${version}.ext.wrong_seqno`, 'seqno mismatch: exit 33', code, data(18),
        ext(signedBody({ version, seqno: 17, messages: one })), -1);
    add(`${version}.ext.wrong_subwallet`, 'subwallet mismatch: exit 34', code, data(17),
        ext(signedBody({ version, seqno: 17, messages: one, subwallet: SUBWALLET + 1 })), -1);
    add(`${version}.ext.expired`, 'valid_until in the past: exit 35/36', code, data(17),
        ext(signedBody({ version, seqno: 17, messages: one, validUntil: NOW - 1 })), -1);
    add(`${version}.ext.short_body`, 'body too short for the signature: cell underflow', code, data(17),
        ext(beginCell().storeUint(1, 64).endCell()), -1);
    add(`${version}.ext.low_gas`, 'signed external with too little gas', code, data(17),
        ext(signedBody({ version, seqno: 17, messages: one })), -1, 1000);
    const inBody = beginCell().storeUint(0, 32).storeStringTail('deposit').endCell();
    const inMsg = beginCell()
        .store(storeMessageRelaxed(internal({ to: WALLET_ADDR, value: toNano('2'), bounce: false, body: inBody })))
        .endCell();
    add(`${version}.int.receive`, 'plain incoming transfer with a comment', code, data(17),
        [I(toNano('12')), I(toNano('2')), C(inMsg), sliceV(inBody)], 0);
}

// v4r2 extras: subwallet id, plugins.
{
    const code = CODES.v4r2.cell;
    add('v4r2.get.subwallet_id', 'get_subwallet_id', code, dataV4(3), [], 'get_subwallet_id');
    add('v4r2.get.plugin_list_empty', 'get_plugin_list without plugins', code, dataV4(3), [], 'get_plugin_list');
    add('v4r2.get.plugin_list', 'get_plugin_list with two plugins', code, dataV4(3, [PLUGIN, DEST]), [], 'get_plugin_list');
    const hashInt = (a) => I(BigInt('0x' + a.hash.toString('hex')));
    add('v4r2.get.is_plugin_installed_yes', 'is_plugin_installed for an installed plugin', code,
        dataV4(3, [PLUGIN]), [I(0), hashInt(PLUGIN)], 'is_plugin_installed');
    add('v4r2.get.is_plugin_installed_no', 'is_plugin_installed for another address', code,
        dataV4(3, [PLUGIN]), [I(0), hashInt(DEST)], 'is_plugin_installed');
}

const oracle = await createOracle({ config: 'default' });
for (const v of vectors) {
    const r = oracle.run({ code: v.code_boc, data: v.data, stack: v.stack_in, method_id: v.method_id, gas_limit: v.gas_limit });
    if (r.error) throw new Error(`${v.name}: ${r.error}`);
    v.expected = { exit_code: r.exit_code, gas_used: r.gas_used, stack: r.stack, c4: r.c4 ?? null, c5: r.c5 ?? null };
}

const doc = {
    format: 'tvm-gas-vectors/1',
    reference: { packages: packageVersions ? packageVersions() : undefined, config: 'default' },
    defaults: {},
    count: vectors.length,
    vectors,
};
finish(OUT, JSON.stringify(doc, null, 1) + '\n', vectors.length);
