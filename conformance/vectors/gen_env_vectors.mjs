#!/usr/bin/env node
// Generates env_vectors.json: programs exercising the environment
// instructions (cp0 categories app_config, app_gas, app_global, app_rnd,
// app_misc, app_actions, app_addr, app_currency, debug) and the c7 the
// reference builds for a get-method call, with the exit code, gas, stack and
// c4/c5 that the reference TVM (../oracle, the C++ TVM inside @ton/sandbox)
// produces for them.
//
//   bash ../shared/oracle/setup.sh                        (from the project root)
//   node conformance/vectors/gen_env_vectors.mjs [--check]
//
// Entry is always exact: every program starts with DROP, and its stack_in
// ends with the int32 sentinel that DROP removes (the oracle's "raw" mode),
// so MYCODE is the program's own cell. Vectors may carry their own `c7`
// (now, balance, address, rand_seed) and `global_version` (config param 8
// patched, which also changes the c7 layout and the config root).
//
// Each program carries a hand-written expectation (the exit code, and for
// many the stack); the generator refuses to write the file if the oracle
// disagrees. Gas, exact stack values, c4/c5 and the trace come only from the
// oracle. With --check nothing is written: the file is compared with a fresh run.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hexBits, uBits, sBits, bitsToHex, cellBits } from './lib/bits.mjs';
import { ins, opTable, PUSHINT, MAXINT, MININT, STU } from './lib/asm.mjs';
import { createOracle, core, cellOf, fiftCell as cell, cellProg as prog } from './lib/oracle.mjs';
import { I, NAN, NULL, C, S, B, matchValue, runSentinelVectors } from './lib/oracle.mjs';
import { vectorDocument, failOnProblems, finish } from './lib/output.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'env_vectors.json');
const { Cell, beginCell, Dictionary } = core;

// ---------------------------------------------------------------------------
// Instructions of this family (the shared ones come from lib/asm.mjs)
// ---------------------------------------------------------------------------
const OPS = {
    NOP: '00', SWAP: '01', DUP: '20', OVER: '21', DROP: '30', NIP: '31', ROT: '58', PUSHNAN: '83FF', NULL: '6D',
    NEWC: 'C8', ENDC: 'C9', CTOS: 'D0', ENDS: 'D1', STREF: 'CC', STSLICE: 'CE', BBITS: 'CF31',
    PUSHC4: 'ED44', PUSHC5: 'ED45', PUSHC7: 'ED47', POPC4: 'ED54', POPC5: 'ED55', POPC7: 'ED57',
    TLEN: '6F88', ISNULL: '6E', HASHCU: 'F900',
    // app_gas
    ACCEPT: 'F800', SETGASLIMIT: 'F801', GASCONSUMED: 'F807', COMMIT: 'F80F',
    // app_rnd
    RANDU256: 'F810', RAND: 'F811', SETRAND: 'F814', ADDRAND: 'F815',
    // app_config
    NOW: 'F823', BLOCKLT: 'F824', LTIME: 'F825', RANDSEED: 'F826', BALANCE: 'F827', MYADDR: 'F828',
    CONFIGROOT: 'F829', MYCODE: 'F82A', INCOMINGVALUE: 'F82B', STORAGEFEES: 'F82C', PREVBLOCKSINFOTUPLE: 'F82D',
    UNPACKEDCONFIGTUPLE: 'F82E', DUEPAYMENT: 'F82F', CONFIGDICT: 'F830', CONFIGPARAM: 'F832', CONFIGOPTPARAM: 'F833',
    PREVMCBLOCKS: 'F83400', PREVKEYBLOCK: 'F83401', PREVMCBLOCKS_100: 'F83402', GLOBALID: 'F835',
    GETGASFEE: 'F836', GETSTORAGEFEE: 'F837', GETFORWARDFEE: 'F838', GETPRECOMPILEDGAS: 'F839',
    GETORIGINALFWDFEE: 'F83A', GETGASFEESIMPLE: 'F83B', GETFORWARDFEESIMPLE: 'F83C',
    INMSGPARAMS: 'F88111', INMSG_BOUNCE: 'F890', INMSG_BOUNCED: 'F891', INMSG_SRC: 'F892', INMSG_FWDFEE: 'F893',
    INMSG_LT: 'F894', INMSG_UTIME: 'F895', INMSG_ORIGVALUE: 'F896', INMSG_VALUE: 'F897', INMSG_VALUEEXTRA: 'F898',
    INMSG_STATEINIT: 'F899',
    // app_global
    GETGLOBVAR: 'F840', SETGLOBVAR: 'F860', GETEXTRABALANCE: 'F880',
    // app_misc
    CDATASIZEQ: 'F940', CDATASIZE: 'F941', SDATASIZEQ: 'F942', SDATASIZE: 'F943',
    // app_currency
    LDGRAMS: 'FA00', LDVARINT16: 'FA01', STGRAMS: 'FA02', STVARINT16: 'FA03',
    LDVARUINT32: 'FA04', LDVARINT32: 'FA05', STVARUINT32: 'FA06', STVARINT32: 'FA07',
    // app_addr
    LDMSGADDR: 'FA40', LDMSGADDRQ: 'FA41', PARSEMSGADDR: 'FA42', PARSEMSGADDRQ: 'FA43',
    REWRITESTDADDR: 'FA44', REWRITESTDADDRQ: 'FA45', REWRITEVARADDR: 'FA46', REWRITEVARADDRQ: 'FA47',
    LDSTDADDR: 'FA48', LDSTDADDRQ: 'FA49', LDOPTSTDADDR: 'FA50', LDOPTSTDADDRQ: 'FA51',
    STSTDADDR: 'FA52', STSTDADDRQ: 'FA53', STOPTSTDADDR: 'FA54', STOPTSTDADDRQ: 'FA55',
    // app_actions
    SENDRAWMSG: 'FB00', RAWRESERVE: 'FB02', RAWRESERVEX: 'FB03', SETCODE: 'FB04', SETLIBCODE: 'FB06',
    CHANGELIB: 'FB07', SENDMSG: 'FB08',
};
const op = opTable(OPS);
const PUSHREF = (c) => ins(hexBits('88'), 'PUSHREF', [c]);
const INDEX = (n) => ins(hexBits('6F1') + uBits(n, 4), `INDEX ${n}`);
const SETINDEX = (n) => ins(hexBits('6F5') + uBits(n, 4), `SETINDEX ${n}`);
const THROW = (n) => ins(hexBits('F2') + '00' + uBits(n, 6), `THROW ${n}`);
const GETPARAM = (i) => ins(hexBits('F82') + uBits(i, 4), `GETPARAM ${i}`);
const GETPARAMLONG = (i) => ins(hexBits('F881') + uBits(i, 8), `GETPARAMLONG ${i}`);
const INMSGPARAM = (i) => ins(hexBits('F89') + uBits(i, 4), `INMSGPARAM ${i}`);
const GETGLOB = (k) => ins('11111000010' + uBits(k, 5), `GETGLOB ${k}`);
const SETGLOB = (k) => ins('11111000011' + uBits(k, 5), `SETGLOB ${k}`);
const DEBUG = (i) => ins(hexBits('FE') + uBits(i, 8), `DEBUG ${i}`);
/** DEBUGSTR with `n + 1` bytes of data (hex). */
const DEBUGSTR = (hex) => ins(hexBits('FEF') + uBits(hex.length / 2 - 1, 4) + hexBits(hex), `DEBUGSTR x{${hex}}`);
/** Raw bits with no instruction meaning (truncated encodings). */
const raw = (bits, asm) => ins(bits, asm);

// ---------------------------------------------------------------------------
// Typed stack values and expectation matching
// ---------------------------------------------------------------------------
/** A slice of the bits of Fift-style hex. */
const SX = (fhex, refs = []) => S(cell(fhex, refs));
/** A slice of a bit string. */
const SB = (bits, refs = []) => S(cellOf(bits, refs));
const BB = (bits) => B(cellOf(bits));
const T = (...items) => ({ type: 'tuple', items });

/** A slice seeing exactly these bits. */
const slb = (bits, refs = 0) => (v) => v.type === 'slice' && v.content_hex === bitsToHex(bits) && v.refs_end - v.refs_start === refs;
/** A builder holding exactly these bits. */
const blb = (bits, refs = 0) => (v) => {
    if (v.type !== 'builder') return false;
    const c = Cell.fromBoc(Buffer.from(v.boc, 'base64'))[0];
    return cellBits(c) === bits && c.refs.length === refs;
};
const tupleOf = (...ws) => (v) => v.type === 'tuple' && v.items.length === ws.length && ws.every((w, i) => matchValue(v.items[i], w));
const tupleLen = (n) => (v) => v.type === 'tuple' && v.items.length === n;
const cellHash = (c) => c.hash().toString('hex').toUpperCase();
const hashIs = (c) => (v) => v.type === 'cell' && v.hash === cellHash(c);

// ---------------------------------------------------------------------------
// Vectors
// ---------------------------------------------------------------------------
const V = [];
const NAMES = new Set();
/**
 * @param name   unique id "family.name"
 * @param desc   what it exercises
 * @param body   instructions (a DROP of the sentinel is prepended)
 * @param want   {exit, stack?}
 * @param opts   {stack_in, gas_limit, global_version, c7, data}
 */
function vec(name, desc, body, want, opts = {}) {
    if (NAMES.has(name)) throw new Error(`duplicate vector name ${name}`);
    NAMES.add(name);
    V.push({ name, desc, code: prog(op.DROP, ...body), want, opts });
}
const ok = (...stack) => ({ exit: 0, stack });
const err = (exit) => ({ exit, stack: [0] });
const exitOnly = (exit) => ({ exit });

// Addresses (bit strings)
const ZERO256 = '0'.repeat(256);
const ADDR_NONE = '00';
const extern = (len, fill = '1') => '01' + uBits(len, 9) + fill.repeat(len);
const stdAddr = (wc, body = ZERO256) => '100' + sBits(wc, 8) + body;
const anyStd = (depth, pfx, wc, body = ZERO256) => '101' + uBits(depth, 5) + pfx + sBits(wc, 8) + body;
const varAddr = (len, wc, body) => '110' + uBits(len, 9) + sBits(wc, 32) + body;
const anyVar = (depth, pfx, len, wc, body) => '111' + uBits(depth, 5) + pfx + uBits(len, 9) + sBits(wc, 32) + body;
const ONES256 = '1'.repeat(256);
const PATTERN256 = ('10100101' + '00111100').repeat(16);

// ===== c7 layout and getters (default get-method c7) =====
const SEED42 = BigInt('0x' + '42'.repeat(32));
const DEFAULT_PARAMS = [
    124711402, 0, 0, 1700000000, 0, 0, SEED42, tupleOf(1000000000, 'null'), 'slice', 'cell', 'cell',
    tupleOf(0, 'null'), 0, 'null', tupleLen(7), 0, 'null', tupleLen(10),
];
// (The config root is a 2928-cell tree: vectors hash it with HASHCU instead of dumping it.)
const hashIfConfig = (i) => (i === 9 ? [op.HASHCU] : []);
const paramWant = (i) => (i === 9 ? 'int' : DEFAULT_PARAMS[i]);
vec('c7.layout', 'PUSH c7: one tuple', [op.PUSHC7, op.TLEN], ok(1));
vec('c7.layout_info', 'PUSH c7; INDEX 0: 18 entries (global version 12)', [op.PUSHC7, INDEX(0), op.TLEN], ok(18));
for (let i = 0; i < 16; i++) {
    vec(`c7.getparam_${i}`, `GETPARAM ${i} of the default c7`, [GETPARAM(i), ...hashIfConfig(i)], ok(paramWant(i)));
}
const NAMED = ['NOW', 'BLOCKLT', 'LTIME', 'RANDSEED', 'BALANCE', 'MYADDR', 'CONFIGROOT', 'MYCODE', 'INCOMINGVALUE',
    'STORAGEFEES', 'PREVBLOCKSINFOTUPLE', 'UNPACKEDCONFIGTUPLE', 'DUEPAYMENT'];
NAMED.forEach((n, i) => vec(`c7.${n.toLowerCase()}`, `${n} (= GETPARAM ${i + 3})`, [op[n], ...hashIfConfig(i + 3)], ok(paramWant(i + 3))));
for (const i of [0, 1, 3, 6, 9, 14, 15, 16, 17]) {
    vec(`c7.getparamlong_${i}`, `GETPARAMLONG ${i}`, [GETPARAMLONG(i), ...hashIfConfig(i)], ok(paramWant(i)));
}
for (const i of [18, 19, 31, 100, 254]) {
    vec(`c7.getparamlong_${i}_range`, `GETPARAMLONG ${i} past the 18 entries: range check`, [GETPARAMLONG(i)], err(5));
}
vec('c7.getparamlong_255_invalid', 'F881FF is not an instruction: invalid opcode', [GETPARAMLONG(255)], err(6));
vec('c7.inmsgparams', 'INMSGPARAMS: the 10 entries of a run without an incoming message', [op.INMSGPARAMS],
    ok(tupleOf(0, 0, slb('00'), 0, 0, 0, 0, 0, 'null', 'null')));
const INMSG = ['INMSG_BOUNCE', 'INMSG_BOUNCED', 'INMSG_SRC', 'INMSG_FWDFEE', 'INMSG_LT', 'INMSG_UTIME', 'INMSG_ORIGVALUE',
    'INMSG_VALUE', 'INMSG_VALUEEXTRA', 'INMSG_STATEINIT'];
const INMSG_DEFAULT = [0, 0, slb('00'), 0, 0, 0, 0, 0, 'null', 'null'];
INMSG.forEach((n, i) => vec(`c7.${n.toLowerCase()}`, `${n} (= INMSGPARAM ${i})`, [op[n]], ok(INMSG_DEFAULT[i])));
for (let i = 10; i < 16; i++) {
    vec(`c7.inmsgparam_${i}_range`, `INMSGPARAM ${i} past the 10 entries: range check`, [INMSGPARAM(i)], err(5));
}
// Two vectors dump the config root itself (compared by hash): the default and a patched one.
vec('c7.configroot_cell', 'CONFIGROOT: the default config (compared by hash)', [op.CONFIGROOT], ok('cell'));
vec('c7.configroot_cell_v9', 'CONFIGROOT at global version 9: param 8 patched (compared by hash)', [op.CONFIGROOT], ok('cell'), { global_version: 9 });
vec('c7.configdict', 'CONFIGDICT: config root and 32', [op.CONFIGDICT, op.SWAP, op.HASHCU], ok(32, 'int'));
vec('c7.mycode_is_code', 'MYCODE; HASHCU: the hash of the running code cell', [op.MYCODE, op.HASHCU], ok('int'));
vec('c7.balance_unpacked', 'BALANCE; INDEX 0', [op.BALANCE, INDEX(0)], ok(1000000000));
vec('c7.unpacked_config_len', 'UNPACKEDCONFIGTUPLE; TLEN', [op.UNPACKEDCONFIGTUPLE, op.TLEN], ok(7));
for (let i = 0; i < 7; i++) {
    vec(`c7.unpacked_config_${i}`, `UNPACKEDCONFIGTUPLE; INDEX ${i}`, [op.UNPACKEDCONFIGTUPLE, INDEX(i)], ok(i === 6 ? 'null' : 'slice'));
}

// c7 values from the request
const C7S = {
    now0: { now: 0 },
    now_max: { now: 4294967295 },
    now_1: { now: 1 },
    balance0: { balance: '0' },
    // The emulator keeps the balance as a signed 64-bit number: 2^64-1 reads as -1.
    balance_max: { balance: '18446744073709551615' },
    balance_2_63: { balance: '9223372036854775808' },
    addr_mc: { address: '-1:' + 'ff'.repeat(32) },
    addr_pattern: { address: '0:' + '0123456789abcdef'.repeat(4) },
    addr_wc5: { address: '5:' + '11'.repeat(32) },
    seed0: { rand_seed: '00'.repeat(32) },
    seed_ff: { rand_seed: 'ff'.repeat(32) },
    seed_mixed: { rand_seed: '0123456789abcdef'.repeat(4) },
};
for (const [k, c7] of Object.entries(C7S)) {
    vec(`c7req.${k}.now`, `NOW with c7 ${JSON.stringify(c7)}`, [op.NOW], ok(c7.now ?? 1700000000), { c7 });
    vec(`c7req.${k}.balance`, `BALANCE with c7 ${JSON.stringify(c7)}`, [op.BALANCE], ok(tupleOf(BigInt.asIntN(64, BigInt(c7.balance ?? 1000000000)), 'null')), { c7 });
    vec(`c7req.${k}.myaddr`, `MYADDR with c7 ${JSON.stringify(c7)}`, [op.MYADDR], ok('slice'), { c7 });
    vec(`c7req.${k}.randseed`, `RANDSEED with c7 ${JSON.stringify(c7)}`, [op.RANDSEED], ok(c7.rand_seed ? BigInt('0x' + c7.rand_seed) : SEED42), { c7 });
    vec(`c7req.${k}.randu256`, `RANDU256 twice with c7 ${JSON.stringify(c7)}`, [op.RANDU256, op.RANDU256, op.RANDSEED], ok('int', 'int', 'int'), { c7 });
    vec(`c7req.${k}.storage_prices`, `UNPACKEDCONFIGTUPLE; INDEX 0 (storage prices in force at now) with c7 ${JSON.stringify(c7)}`, [op.UNPACKEDCONFIGTUPLE, INDEX(0)], ok((v) => v.type === 'slice' || v.type === 'null'), { c7 });
    vec(`c7req.${k}.rewrite_myaddr`, `MYADDR; REWRITESTDADDR with c7 ${JSON.stringify(c7)}`, [op.MYADDR, op.REWRITESTDADDR], ok('int', 'int'), { c7 });
}

// The c7 layout by global version
for (const gv of [1, 3, 4, 5, 6, 8, 9, 10, 11, 12]) {
    const len = gv >= 11 ? 18 : gv >= 6 ? 17 : gv >= 4 ? 14 : 10;
    vec(`c7ver.v${gv}.layout`, `global version ${gv}: SmartContractInfo has ${len} entries`, [op.PUSHC7, INDEX(0), op.TLEN], ok(len), { global_version: gv });
    vec(`c7ver.v${gv}.configroot`, `global version ${gv}: CONFIGROOT (param 8 patched)`, [op.CONFIGROOT, op.HASHCU], ok('int'), { global_version: gv });
    vec(`c7ver.v${gv}.mycode`, `global version ${gv}: MYCODE (entry 10)`, [op.MYCODE], gv >= 4 ? ok('cell') : err(5), { global_version: gv });
    vec(`c7ver.v${gv}.unpacked`, `global version ${gv}: UNPACKEDCONFIGTUPLE (entry 14)`, [op.UNPACKEDCONFIGTUPLE], gv >= 6 ? ok(tupleLen(7)) : err(5), { global_version: gv });
    vec(`c7ver.v${gv}.precompiled`, `global version ${gv}: GETPRECOMPILEDGAS`, [op.GETPRECOMPILEDGAS], gv >= 6 ? ok('null') : err(6), { global_version: gv });
    vec(`c7ver.v${gv}.inmsgparams`, `global version ${gv}: INMSGPARAMS`, [op.INMSGPARAMS], gv >= 11 ? ok(tupleLen(10)) : err(6), { global_version: gv });
    vec(`c7ver.v${gv}.inmsg_value`, `global version ${gv}: INMSG_VALUE`, [op.INMSG_VALUE], gv >= 11 ? ok(0) : err(6), { global_version: gv });
    vec(`c7ver.v${gv}.getparamlong`, `global version ${gv}: GETPARAMLONG 3`, [GETPARAMLONG(3)], gv >= 11 ? ok(1700000000) : err(6), { global_version: gv });
    // Before version 6 the reference reads entry 19 of SmartContractInfo (a range check with its layout).
    vec(`c7ver.v${gv}.globalid`, `global version ${gv}: GLOBALID`, [op.GLOBALID], gv >= 6 ? ok('int') : gv >= 4 ? err(5) : err(6), { global_version: gv });
    vec(`c7ver.v${gv}.prevmcblocks`, `global version ${gv}: PREVMCBLOCKS (entry 13 is null)`, [op.PREVMCBLOCKS], gv >= 4 ? err(7) : err(6), { global_version: gv });
    vec(`c7ver.v${gv}.prevmcblocks_100`, `global version ${gv}: PREVMCBLOCKS_100`, [op.PREVMCBLOCKS_100], gv >= 9 ? err(7) : err(6), { global_version: gv });
    vec(`c7ver.v${gv}.gasconsumed`, `global version ${gv}: GASCONSUMED`, [op.GASCONSUMED], gv >= 4 ? ok('int') : err(6), { global_version: gv });
    vec(`c7ver.v${gv}.getgasfee`, `global version ${gv}: GETGASFEE 1000 basechain`, [PUSHINT(1000), PUSHINT(0), op.GETGASFEE], gv >= 6 ? ok('int') : err(6), { global_version: gv });
    vec(`c7ver.v${gv}.getextrabalance`, `global version ${gv}: GETEXTRABALANCE 7`, [PUSHINT(7), op.GETEXTRABALANCE], gv >= 10 ? ok(0) : err(6), { global_version: gv });
    vec(`c7ver.v${gv}.ldstdaddr`, `global version ${gv}: LDSTDADDR`, [op.LDSTDADDR], gv >= 12 ? ok('slice', 'slice') : err(6), { global_version: gv, stack_in: [SB(stdAddr(0))] });
}

// ===== c7 replaced by the program (POP c7) =====
let ORACLE = await createOracle({ config: 'default' });
const ORACLE_VERSION = ORACLE.version();
const DEFAULT_C7 = ORACLE.run({ code_hex: 'ED47', stack: [I(0)], c4c5: false }).stack[1];
const clone = (x) => JSON.parse(JSON.stringify(x));
/**
 * The default c7 with some SmartContractInfo entries replaced ({index: value}); `len` truncates.
 * The config root (entry 9) becomes null unless the patch sets it: the whole config in every
 * stack_in would make the file huge.
 */
function c7With(patch = {}, len = undefined) {
    const c7 = clone(DEFAULT_C7);
    const info = c7.items[0].items;
    info[9] = NULL;
    for (const [k, v] of Object.entries(patch)) info[Number(k)] = v;
    if (len !== undefined) info.length = len;
    return c7;
}
/** Runs `body` after installing `c7v` as c7. */
const withC7 = (c7v, extra = []) => ({ stack_in: [...extra, c7v] });
/** The same with a message cell below the c7 (left on the stack after POP c7). */
const withC7Msg = (msg, c7v) => withC7(c7v, [C(msg)]);
const BAD_C7 = {
    empty: [T(), 5],
    int: [T(I(1)), 7],
    null: [T(NULL), 7],
    short3: [T(T(I(1), I(2), I(3))), 5],
    info_slice: [T(SX('AB')), 7],
};
const C7_READERS = [
    ['now', [op.NOW]],
    ['getparam0', [GETPARAM(0)]],
    ['randseed', [op.RANDSEED]],
    ['randu256', [op.RANDU256]],
    ['rand', [PUSHINT(10), op.RAND]],
    ['setrand', [PUSHINT(5), op.SETRAND]],
    ['addrand', [PUSHINT(5), op.ADDRAND]],
    ['globalid', [op.GLOBALID]],
    ['getgasfee', [PUSHINT(100), PUSHINT(0), op.GETGASFEE]],
    ['getforwardfee', [PUSHINT(1), PUSHINT(100), PUSHINT(0), op.GETFORWARDFEE]],
    ['configparam', [PUSHINT(8), op.CONFIGPARAM]],
    ['configdict', [op.CONFIGDICT]],
    ['prevmcblocks', [op.PREVMCBLOCKS]],
    ['getextrabalance', [PUSHINT(1), op.GETEXTRABALANCE]],
    ['inmsg_bounce', [op.INMSG_BOUNCE]],
    ['getprecompiledgas', [op.GETPRECOMPILEDGAS]],
];
for (const [k, [c7v, code]] of Object.entries(BAD_C7)) {
    for (const [r, body] of C7_READERS) {
        let exit = code;
        let want = err(exit);
        if (k === 'short3' && r === 'getparam0') want = ok(1);
        if (k === 'short3' && r === 'setrand') want = ok();
        vec(`c7bad.${k}.${r}`, `${r} with c7 = ${k}`, [op.POPC7, ...body], want, withC7(c7v));
    }
    vec(`c7bad.${k}.getglob1`, `GETGLOB 1 with c7 = ${k}`, [op.POPC7, GETGLOB(1)], exitOnly(0), withC7(c7v));
    vec(`c7bad.${k}.setglob1`, `SETGLOB 1 with c7 = ${k}`, [op.POPC7, PUSHINT(7), SETGLOB(1), op.PUSHC7], exitOnly(0), withC7(c7v));
}
vec('c7bad.info_255_entries', 'NOW with a 255-entry SmartContractInfo', [op.POPC7, op.NOW], ok(3),
    withC7(T(T(...Array.from({ length: 255 }, (_, i) => I(i))))));

// Entries with other values
const BLOCKID = (n) => T(I(-1), I('9223372036854775808'), I(n), I(n * 7), I(n * 11));
const PREV = T(T(BLOCKID(1), BLOCKID(2)), BLOCKID(3), T(BLOCKID(100)));
vec('c7val.prevmcblocks', 'PREVMCBLOCKS of a c7 with PrevBlocksInfo', [op.POPC7, op.PREVMCBLOCKS], ok(tupleLen(2)), withC7(c7With({ 13: PREV })));
vec('c7val.prevkeyblock', 'PREVKEYBLOCK', [op.POPC7, op.PREVKEYBLOCK], ok(tupleLen(5)), withC7(c7With({ 13: PREV })));
vec('c7val.prevmcblocks_100', 'PREVMCBLOCKS_100', [op.POPC7, op.PREVMCBLOCKS_100], ok(tupleLen(1)), withC7(c7With({ 13: PREV })));
vec('c7val.prevblocksinfotuple', 'PREVBLOCKSINFOTUPLE', [op.POPC7, op.PREVBLOCKSINFOTUPLE], ok(tupleLen(3)), withC7(c7With({ 13: PREV })));
vec('c7val.prevmcblocks_100_short', 'PREVMCBLOCKS_100 of a 2-entry PrevBlocksInfo: range check', [op.POPC7, op.PREVMCBLOCKS_100], err(5),
    withC7(c7With({ 13: T(T(), BLOCKID(3)) })));
vec('c7val.prevmcblocks_int', 'PREVMCBLOCKS of an int entry 13: type check', [op.POPC7, op.PREVMCBLOCKS], err(7), withC7(c7With({ 13: I(5) })));
vec('c7val.seed_negative', 'RANDU256 with a negative seed: range check', [op.POPC7, op.RANDU256], err(5), withC7(c7With({ 6: I(-1) })));
vec('c7val.seed_nan', 'RANDU256 with a NaN seed: range check', [op.POPC7, op.RANDU256], err(5), withC7(c7With({ 6: NAN })));
vec('c7val.seed_slice', 'RANDU256 with a slice seed: type check', [op.POPC7, op.RANDU256], err(7), withC7(c7With({ 6: SX('AB') })));
vec('c7val.seed_max', 'RANDU256 with seed 2^256-1', [op.POPC7, op.RANDU256, op.RANDSEED], ok('int', 'int'), withC7(c7With({ 6: I(MAXINT) })));
vec('c7val.addrand_bad_seed', 'ADDRAND with a slice seed: type check', [op.POPC7, PUSHINT(1), op.ADDRAND], err(7), withC7(c7With({ 6: SX('AB') })));
vec('c7val.setrand_bad_seed', 'SETRAND ignores the old seed', [op.POPC7, PUSHINT(1), op.SETRAND, op.RANDSEED], ok(1), withC7(c7With({ 6: SX('AB') })));
vec('c7val.setrand_short_info', 'SETRAND on a 3-entry SmartContractInfo extends it to 7 entries', [op.POPC7, PUSHINT(9), op.SETRAND, op.PUSHC7], ok(tupleOf(tupleLen(7))),
    withC7(T(T(I(1), I(2), I(3)))));
vec('c7val.randu256_short_info', 'RANDU256 on a 3-entry SmartContractInfo: range check', [op.POPC7, op.RANDU256], err(5), withC7(T(T(I(1), I(2), I(3)))));
vec('c7val.rand_2_entries_c7', 'RANDU256 with c7 of two entries charges both tuples', [op.POPC7, op.RANDU256], ok('int'), withC7(T(c7With().items[0], I(5))));
vec('c7val.inmsg_custom', 'INMSG_SRC of a custom in-msg tuple', [op.POPC7, op.INMSG_SRC], ok(slb(stdAddr(0))),
    withC7(c7With({ 17: T(I(-1), I(0), SB(stdAddr(0)), I(5), I(6), I(7), I(8), I(9), NULL, NULL) })));
vec('c7val.inmsg_not_tuple', 'INMSG_BOUNCE with an int entry 17: type check', [op.POPC7, op.INMSG_BOUNCE], err(7), withC7(c7With({ 17: I(1) })));
vec('c7val.inmsg_short', 'INMSGPARAM 5 of a 3-entry tuple: range check', [op.POPC7, INMSGPARAM(5)], err(5), withC7(c7With({ 17: T(I(1), I(2), I(3)) })));
vec('c7val.inmsg_missing', 'INMSG_BOUNCE with 17 entries: range check', [op.POPC7, op.INMSG_BOUNCE], err(5), withC7(c7With({}, 17)));
vec('c7val.configroot_null', 'CONFIGPARAM with a null config root: not found', [op.POPC7, PUSHINT(8), op.CONFIGPARAM], ok(0), withC7(c7With({ 9: NULL })));
vec('c7val.configroot_int', 'CONFIGPARAM with an int config root: type check', [op.POPC7, PUSHINT(8), op.CONFIGPARAM], err(7), withC7(c7With({ 9: I(1) })));
vec('c7val.configoptparam_null_root', 'CONFIGOPTPARAM with a null root: null', [op.POPC7, PUSHINT(8), op.CONFIGOPTPARAM], ok('null'), withC7(c7With({ 9: NULL })));
vec('c7val.unpacked_not_tuple', 'GLOBALID with entry 14 an int: type check', [op.POPC7, op.GLOBALID], err(7), withC7(c7With({ 14: I(1) })));
vec('c7val.unpacked_short', 'GLOBALID with an empty unpacked tuple: range check', [op.POPC7, op.GLOBALID], err(5), withC7(c7With({ 14: T() })));
const UCFG = DEFAULT_C7.items[0].items[14].items;
const ucfgWith = (patch) => T(...UCFG.map((x, i) => (i in patch ? patch[i] : x)));
vec('c7val.globalid_null', 'GLOBALID with a null global id slice: type check', [op.POPC7, op.GLOBALID], err(7), withC7(c7With({ 14: ucfgWith({ 1: NULL }) })));
vec('c7val.globalid_short', 'GLOBALID with a 31-bit global id slice: cell underflow', [op.POPC7, op.GLOBALID], err(9), withC7(c7With({ 14: ucfgWith({ 1: SB('1'.repeat(31)) }) })));
vec('c7val.globalid_negative', 'GLOBALID of FFFFFFFE: -2', [op.POPC7, op.GLOBALID], ok(-2), withC7(c7With({ 14: ucfgWith({ 1: SX('FFFFFFFE') }) })));
vec('c7val.globalid_long', 'GLOBALID reads the first 32 bits only', [op.POPC7, op.GLOBALID], ok(0x12345678), withC7(c7With({ 14: ucfgWith({ 1: SX('12345678AB') }) })));
vec('c7val.gasfee_bad_prices', 'GETGASFEE with a bad gas prices slice: cell underflow', [op.POPC7, PUSHINT(100), PUSHINT(0), op.GETGASFEE], err(9),
    withC7(c7With({ 14: ucfgWith({ 3: SX('AB') }) })));
vec('c7val.gasfee_null_prices', 'GETGASFEE with null gas prices: type check', [op.POPC7, PUSHINT(100), PUSHINT(0), op.GETGASFEE], err(7),
    withC7(c7With({ 14: ucfgWith({ 3: NULL }) })));
vec('c7val.gasfee_plain_dd', 'GETGASFEE with gas_prices#dd (no flat part)', [op.POPC7, PUSHINT(1000), PUSHINT(0), op.GETGASFEE], exitOnly(0),
    withC7(c7With({ 14: ucfgWith({ 3: SB(uBits(0xdd, 8) + uBits(65536000, 64) + '0'.repeat(64 * 5)) }) })));
vec('c7val.gasfee_ext_de', 'GETGASFEE with gas_prices_ext#de (no flat part)', [op.POPC7, PUSHINT(1000), PUSHINT(0), op.GETGASFEE], exitOnly(0),
    withC7(c7With({ 14: ucfgWith({ 3: SB(uBits(0xde, 8) + uBits(65536000, 64) + '0'.repeat(64 * 6)) }) })));
// The reference re-reads gas_prices#dd from the start of the slice after a flat prefix: flat + #dd fails.
vec('c7val.gasfee_flat', 'GETGASFEE with flat 100 gas for 7 then #dd: cell underflow', [op.POPC7, PUSHINT(150), PUSHINT(0), op.GETGASFEE], err(9),
    withC7(c7With({ 14: ucfgWith({ 3: SB(uBits(0xd1, 8) + uBits(100, 64) + uBits(7, 64) + uBits(0xdd, 8) + uBits(65536, 64) + '0'.repeat(64 * 5)) }) })));
for (const g of [0, 100, 101, 150, 1000000]) {
    vec(`c7val.gasfee_flat_ext_${g}`, `GETGASFEE ${g} with flat 100 gas for 7 then #de`, [op.POPC7, PUSHINT(g), PUSHINT(0), op.GETGASFEE], g <= 100 ? ok(7) : ok('int'),
        withC7(c7With({ 14: ucfgWith({ 3: SB(uBits(0xd1, 8) + uBits(100, 64) + uBits(7, 64) + uBits(0xde, 8) + uBits(65536 * 3, 64) + '0'.repeat(64 * 6)) }) })));
}
vec('c7val.gasfee_flat_within', 'GETGASFEE within the flat part, then #dd: cell underflow', [op.POPC7, PUSHINT(100), PUSHINT(0), op.GETGASFEE], err(9),
    withC7(c7With({ 14: ucfgWith({ 3: SB(uBits(0xd1, 8) + uBits(100, 64) + uBits(7, 64) + uBits(0xdd, 8) + uBits(65536, 64) + '0'.repeat(64 * 5)) }) })));
vec('c7val.fwdfee_bad', 'GETFORWARDFEE with a bad prices slice: cell underflow', [op.POPC7, PUSHINT(1), PUSHINT(1), PUSHINT(0), op.GETFORWARDFEE], err(9),
    withC7(c7With({ 14: ucfgWith({ 5: SX('EA') }) })));
vec('c7val.storagefee_null', 'GETSTORAGEFEE with no storage prices in force: 0', [op.POPC7, PUSHINT(1), PUSHINT(1), PUSHINT(1), PUSHINT(0), op.GETSTORAGEFEE], ok(0),
    withC7(c7With({ 14: ucfgWith({ 0: NULL }) })));
vec('c7val.storagefee_bad', 'GETSTORAGEFEE with a bad prices slice: cell underflow', [op.POPC7, PUSHINT(1), PUSHINT(1), PUSHINT(1), PUSHINT(0), op.GETSTORAGEFEE], err(9),
    withC7(c7With({ 14: ucfgWith({ 0: SX('CC') }) })));
vec('c7val.precompiled_int', 'GETPRECOMPILEDGAS of a c7 saying 1234', [op.POPC7, op.GETPRECOMPILEDGAS], ok(1234), withC7(c7With({ 16: I(1234) })));

// ===== CONFIGPARAM / CONFIGOPTPARAM =====
for (const idx of [-1, 0, 1, 8, 12, 15, 18, 19, 20, 21, 24, 25, 34, 43, 45, 71, 100, 2147483647, -2147483648]) {
    vec(`config.param_${idx}`, `CONFIGPARAM ${idx}`, [PUSHINT(idx), op.CONFIGPARAM], exitOnly(0));
    vec(`config.optparam_${idx}`, `CONFIGOPTPARAM ${idx}`, [PUSHINT(idx), op.CONFIGOPTPARAM], exitOnly(0));
}
for (const idx of [2147483648n, -2147483649n, MAXINT, MININT]) {
    vec(`config.param_out_of_int32_${idx}`, `CONFIGPARAM ${idx}: not an int32 key, not found`, [PUSHINT(idx), op.CONFIGPARAM], ok(0));
    vec(`config.optparam_out_of_int32_${idx}`, `CONFIGOPTPARAM ${idx}: null`, [PUSHINT(idx), op.CONFIGOPTPARAM], ok('null'));
}
vec('config.param_nan', 'CONFIGPARAM NaN: not found', [op.PUSHNAN, op.CONFIGPARAM], ok(0));
vec('config.optparam_nan', 'CONFIGOPTPARAM NaN: null', [op.PUSHNAN, op.CONFIGOPTPARAM], ok('null'));
vec('config.param_underflow', 'CONFIGPARAM on an empty stack', [op.CONFIGPARAM], err(2));
vec('config.param_type', 'CONFIGPARAM of a slice: type check', [op.CONFIGPARAM], err(7), { stack_in: [SX('AB')] });
vec('config.param_twice', 'CONFIGPARAM 8 twice: the second lookup reloads the same cells (25 each)', [PUSHINT(8), op.CONFIGPARAM, op.DROP, op.DROP, PUSHINT(8), op.CONFIGPARAM], ok('cell', -1));
vec('config.param_then_neighbour', 'CONFIGPARAM 8 then 9: shared nodes reload', [PUSHINT(8), op.CONFIGPARAM, PUSHINT(9), op.CONFIGPARAM], exitOnly(0));
vec('config.param_out_of_gas', 'CONFIGPARAM runs out of gas in the middle of the lookup', [PUSHINT(8), op.CONFIGPARAM], exitOnly(-14), { gas_limit: 300 });
vec('config.param_8_parse', 'CONFIGPARAM 8; CTOS: capabilities#c4 version 12', [PUSHINT(8), op.CONFIGPARAM, op.DROP, op.CTOS, ins(hexBits('D3') + uBits(7, 8), 'LDU 8'), ins(hexBits('D3') + uBits(31, 8), 'LDU 32')], ok(0xc4, 12, 'slice'));
for (const gv of [4, 9, 11]) {
    vec(`config.param_8_v${gv}`, `CONFIGPARAM 8 with global version ${gv}: the patched param`, [PUSHINT(8), op.CONFIGPARAM, op.DROP, op.CTOS, ins(hexBits('D3') + uBits(7, 8), 'LDU 8'), ins(hexBits('D3') + uBits(31, 8), 'LDU 32')], ok(0xc4, gv, 'slice'), { global_version: gv });
}
vec('config.globalid', 'GLOBALID of the default config', [op.GLOBALID], ok('int'));
vec('config.globalid_v5', 'GLOBALID at global version 5 reads entry 19 of SmartContractInfo: range check', [op.GLOBALID], err(5), { global_version: 5 });
vec('config.globalid_v5_entry19_null', 'GLOBALID at version 5 with a null entry 19: type check', [op.POPC7, op.GLOBALID], err(7), { global_version: 5, ...withC7(c7With({ 18: NULL, 19: NULL })) });
vec('config.globalid_v5_entry19_config', 'GLOBALID at version 5 with the config root as entry 19', [op.POPC7, op.GLOBALID], ok('int'), { global_version: 5, ...withC7(c7With({ 18: NULL, 19: DEFAULT_C7.items[0].items[9] })) });
vec('config.globalid_v5_entry19_no_param', 'GLOBALID at version 5, entry 19 a config without param 19: exit 11', [op.POPC7, op.GLOBALID], err(11), { global_version: 5, ...withC7(c7With({ 18: NULL, 19: C(extraDict([[1, 5]])) })) });

// ===== fees =====
const GASFEE_CASES = [0, 1, 100, 1000, 9999, 10000, 10001, 65536, 1000000, 1n << 40n, (1n << 63n) - 1n];
for (const g of GASFEE_CASES) {
    for (const mc of [0, -1]) {
        vec(`fee.gas_${g}_${mc ? 'mc' : 'bc'}`, `GETGASFEE ${g} ${mc ? 'masterchain' : 'basechain'}`, [PUSHINT(g), PUSHINT(mc), op.GETGASFEE], ok('int'));
        vec(`fee.gassimple_${g}_${mc ? 'mc' : 'bc'}`, `GETGASFEESIMPLE ${g} ${mc ? 'masterchain' : 'basechain'}`, [PUSHINT(g), PUSHINT(mc), op.GETGASFEESIMPLE], ok('int'));
    }
}
for (const [name, code] of [['gas', op.GETGASFEE], ['gassimple', op.GETGASFEESIMPLE]]) {
    vec(`fee.${name}_negative`, `${name}: -1 gas: range check`, [PUSHINT(-1), PUSHINT(0), code], err(5));
    vec(`fee.${name}_2_63`, `${name}: 2^63 gas: range check`, [PUSHINT(1n << 63n), PUSHINT(0), code], err(5));
    vec(`fee.${name}_nan_gas`, `${name}: NaN gas: range check`, [op.PUSHNAN, PUSHINT(0), code], err(5));
    vec(`fee.${name}_nan_flag`, `${name}: NaN flag: integer overflow`, [PUSHINT(1), op.PUSHNAN, code], err(4));
    vec(`fee.${name}_flag_5`, `${name}: flag 5 counts as masterchain`, [PUSHINT(1000), PUSHINT(5), code], ok('int'));
    vec(`fee.${name}_underflow1`, `${name}: one argument: stack underflow (version 9+)`, [PUSHINT(0), code], err(2));
    vec(`fee.${name}_underflow1_v8`, `${name}: one argument at version 8: the pops decide`, [PUSHINT(0), code], err(2), { global_version: 8 });
    vec(`fee.${name}_type`, `${name}: slice gas: type check`, [code], err(7), { stack_in: [SX('AB'), I(0)] });
}
const FWD_CASES = [[0, 0], [1, 0], [0, 1], [1, 1023], [10, 5000], [1000, 1000000], [(1n << 63n) - 1n, (1n << 63n) - 1n]];
for (const [cells, bits] of FWD_CASES) {
    for (const mc of [0, -1]) {
        vec(`fee.fwd_${cells}_${bits}_${mc ? 'mc' : 'bc'}`, `GETFORWARDFEE cells ${cells} bits ${bits}`, [PUSHINT(cells), PUSHINT(bits), PUSHINT(mc), op.GETFORWARDFEE], ok('int'));
        vec(`fee.fwdsimple_${cells}_${bits}_${mc ? 'mc' : 'bc'}`, `GETFORWARDFEESIMPLE cells ${cells} bits ${bits}`, [PUSHINT(cells), PUSHINT(bits), PUSHINT(mc), op.GETFORWARDFEESIMPLE], ok('int'));
    }
}
for (const [name, code] of [['fwd', op.GETFORWARDFEE], ['fwdsimple', op.GETFORWARDFEESIMPLE]]) {
    vec(`fee.${name}_neg_cells`, `${name}: -1 cells: range check`, [PUSHINT(-1), PUSHINT(0), PUSHINT(0), code], err(5));
    vec(`fee.${name}_neg_bits`, `${name}: -1 bits: range check`, [PUSHINT(0), PUSHINT(-1), PUSHINT(0), code], err(5));
    vec(`fee.${name}_underflow2`, `${name}: two arguments: stack underflow`, [PUSHINT(0), PUSHINT(0), code], err(2));
}
const STORAGE_CASES = [[0, 0, 0], [1, 0, 1], [0, 1, 1], [1, 1023, 86400], [100, 100000, 31536000], [(1n << 63n) - 1n, (1n << 63n) - 1n, (1n << 63n) - 1n]];
for (const [cells, bits, delta] of STORAGE_CASES) {
    for (const mc of [0, -1]) {
        vec(`fee.storage_${cells}_${bits}_${delta}_${mc ? 'mc' : 'bc'}`, `GETSTORAGEFEE cells ${cells} bits ${bits} seconds ${delta}`,
            [PUSHINT(cells), PUSHINT(bits), PUSHINT(delta), PUSHINT(mc), op.GETSTORAGEFEE], ok('int'));
    }
}
vec('fee.storage_neg_delta', 'GETSTORAGEFEE -1 seconds: range check', [PUSHINT(0), PUSHINT(0), PUSHINT(-1), PUSHINT(0), op.GETSTORAGEFEE], err(5));
vec('fee.storage_underflow3', 'GETSTORAGEFEE with three arguments: stack underflow', [PUSHINT(0), PUSHINT(0), PUSHINT(0), op.GETSTORAGEFEE], err(2));
vec('fee.storage_now0', 'GETSTORAGEFEE at now 0 (earliest prices)', [PUSHINT(10), PUSHINT(1000), PUSHINT(1000), PUSHINT(0), op.GETSTORAGEFEE], ok('int'), { c7: { now: 0 } });
for (const f of [0n, 1n, 1000n, 123456789n, 1n << 200n, (1n << 240n), MAXINT]) {
    for (const mc of [0, -1]) {
        const want = f >= 1n << 240n ? exitOnly(f === MAXINT ? 4 : 0) : ok('int');
        vec(`fee.origfwd_${f}_${mc ? 'mc' : 'bc'}`, `GETORIGINALFWDFEE ${f}`, [PUSHINT(f), PUSHINT(mc), op.GETORIGINALFWDFEE], want);
    }
}
vec('fee.origfwd_negative', 'GETORIGINALFWDFEE -1: range check', [PUSHINT(-1), PUSHINT(0), op.GETORIGINALFWDFEE], err(5));
vec('fee.origfwd_nan', 'GETORIGINALFWDFEE NaN: integer overflow', [op.PUSHNAN, PUSHINT(0), op.GETORIGINALFWDFEE], err(4));
vec('fee.origfwd_underflow', 'GETORIGINALFWDFEE with one argument', [PUSHINT(0), op.GETORIGINALFWDFEE], err(2));
vec('fee.precompiled', 'GETPRECOMPILEDGAS of the default c7: null', [op.GETPRECOMPILEDGAS], ok('null'));

// ===== gas =====
vec('gas.accept', 'ACCEPT', [op.ACCEPT], ok());
vec('gas.accept_then_consumed', 'ACCEPT; GASCONSUMED', [op.ACCEPT, op.GASCONSUMED], ok('int'));
vec('gas.accept_low_limit', 'ACCEPT with gas limit 100 lifts it: more than 100 gas runs', [op.ACCEPT, ...Array(10).fill(op.NOP)], ok(), { gas_limit: 100 });
vec('gas.gasconsumed_twice', 'GASCONSUMED twice', [op.GASCONSUMED, op.GASCONSUMED], ok('int', 'int'));
for (const x of [1000, 10000, 1000000, 100000000, (1n << 63n) - 1n, 1n << 63n, MAXINT]) {
    vec(`gas.setgaslimit_${x}`, `SETGASLIMIT ${x}; GASCONSUMED`, [PUSHINT(x), op.SETGASLIMIT, op.GASCONSUMED], ok('int'));
}
for (const x of [0, -1, 10, MININT]) {
    vec(`gas.setgaslimit_below_${x}`, `SETGASLIMIT ${x}: below the gas consumed, out of gas`, [PUSHINT(x), op.SETGASLIMIT], exitOnly(-14));
}
vec('gas.setgaslimit_exact', 'SETGASLIMIT to exactly the gas consumed so far (70), then out of gas at the implicit RET', [PUSHINT(70), op.SETGASLIMIT], exitOnly(-14));
vec('gas.setgaslimit_enough', 'SETGASLIMIT 75: exactly enough for the implicit RET', [PUSHINT(75), op.SETGASLIMIT], ok());
vec('gas.setgaslimit_69', 'SETGASLIMIT 69: below the 70 consumed, out of gas', [PUSHINT(69), op.SETGASLIMIT], exitOnly(-14));
vec('gas.setgaslimit_raise', 'SETGASLIMIT raises a low gas limit', [PUSHINT(1000), op.SETGASLIMIT, ...Array(10).fill(op.NOP)], ok(), { gas_limit: 100 });
vec('gas.setgaslimit_lower_then_run_out', 'SETGASLIMIT 150 then NOPs run out', [PUSHINT(150), op.SETGASLIMIT, ...Array(20).fill(op.NOP)], exitOnly(-14));
vec('gas.setgaslimit_nan', 'SETGASLIMIT NaN: integer overflow', [op.PUSHNAN, op.SETGASLIMIT], err(4));
vec('gas.setgaslimit_type', 'SETGASLIMIT of a slice: type check', [op.SETGASLIMIT], err(7), { stack_in: [SX('AB')] });
vec('gas.setgaslimit_underflow', 'SETGASLIMIT on an empty stack', [op.SETGASLIMIT], err(2));
vec('gas.commit', 'COMMIT then success', [PUSHINT(5), op.NEWC, STU(8), op.ENDC, op.POPC4, op.COMMIT], ok());
vec('gas.commit_then_throw', 'COMMIT then THROW 42: exit 42', [PUSHINT(5), op.NEWC, STU(8), op.ENDC, op.POPC4, op.COMMIT, THROW(42)], exitOnly(42));
vec('gas.commit_twice', 'COMMIT, change c4, COMMIT', [op.COMMIT, op.NEWC, op.ENDC, op.POPC4, op.COMMIT], ok());
function chain(depth) {
    let c = cell('');
    for (let i = 0; i < depth; i++) c = cell('', [c]);
    return c;
}
// (c4 deeper than 512 cannot be tested here: the emulator's WASM build crashes on such stack inputs.)

// ===== globals =====
for (let k = 1; k < 32; k++) {
    vec(`glob.getglob_${k}`, `GETGLOB ${k} of the default c7 (1 entry): null`, [GETGLOB(k)], ok('null'));
    vec(`glob.setglob_${k}`, `SETGLOB ${k} then GETGLOB ${k} (c7 grows to ${k + 1} entries)`, [PUSHINT(k), SETGLOB(k), GETGLOB(k), op.PUSHC7, op.TLEN], ok(k, k + 1));
}
vec('glob.setglob_null_past_end', 'SETGLOB 5 of null past the end changes nothing', [op.NULL, SETGLOB(5), op.PUSHC7, op.TLEN], ok(1));
vec('glob.setglob_null_inside', 'SETGLOB 2 of null inside the tuple', [PUSHINT(1), SETGLOB(3), op.NULL, SETGLOB(2), op.PUSHC7, op.TLEN], ok(4));
vec('glob.setglob_twice', 'SETGLOB 3 twice: the second charges for 4 entries', [PUSHINT(1), SETGLOB(3), PUSHINT(2), SETGLOB(3), GETGLOB(3)], ok(2));
vec('glob.setglob_underflow', 'SETGLOB 1 on an empty stack', [SETGLOB(1)], err(2));
vec('glob.getglob0_is_getglobvar', 'F840 is GETGLOBVAR: with index 0 on the stack', [PUSHINT(0), op.GETGLOBVAR, op.TLEN], ok(18));
vec('glob.setglob0_is_setglobvar', 'F860 is SETGLOBVAR: replace c7[0]', [PUSHINT(7), PUSHINT(0), op.SETGLOBVAR, op.NOW], err(7));
for (const idx of [0, 1, 2, 30, 31, 32, 100, 254]) {
    vec(`glob.getglobvar_${idx}`, `GETGLOBVAR ${idx}`, [PUSHINT(idx), op.GETGLOBVAR, ...(idx === 0 ? [op.TLEN] : [])], ok(idx === 0 ? 18 : 'null'));
    vec(`glob.setglobvar_${idx}`, `SETGLOBVAR ${idx} then GETGLOBVAR ${idx}`, [PUSHINT(5), PUSHINT(idx), op.SETGLOBVAR, PUSHINT(idx), op.GETGLOBVAR], ok(5));
}
for (const idx of [255, -1, 1n << 70n]) {
    vec(`glob.getglobvar_range_${idx}`, `GETGLOBVAR ${idx}: range check`, [PUSHINT(idx), op.GETGLOBVAR], err(5));
    vec(`glob.setglobvar_range_${idx}`, `SETGLOBVAR ${idx}: range check`, [PUSHINT(1), PUSHINT(idx), op.SETGLOBVAR], err(5));
}
vec('glob.getglobvar_nan', 'GETGLOBVAR NaN: range check', [op.PUSHNAN, op.GETGLOBVAR], err(5));
vec('glob.getglobvar_underflow', 'GETGLOBVAR on an empty stack', [op.GETGLOBVAR], err(2));
vec('glob.setglobvar_underflow', 'SETGLOBVAR with one entry: stack underflow', [PUSHINT(1), op.SETGLOBVAR], err(2));
vec('glob.getglobvar_type', 'GETGLOBVAR of a slice: type check', [op.GETGLOBVAR], err(7), { stack_in: [SX('AB')] });
vec('glob.setglobvar_254_len', 'SETGLOBVAR 254 grows c7 to 255 entries (255 gas)', [PUSHINT(5), PUSHINT(254), op.SETGLOBVAR, op.PUSHC7, op.TLEN], ok(255));
vec('glob.setglob_out_of_gas', 'SETGLOBVAR 254 runs out of gas in the tuple charge', [PUSHINT(5), PUSHINT(254), op.SETGLOBVAR], exitOnly(-14), { gas_limit: 150 });
// GETEXTRABALANCE with an extra-currency dictionary in the balance
function extraDict(entries) {
    const d = Dictionary.empty(Dictionary.Keys.Uint(32), Dictionary.Values.BigVarUint(5));
    for (const [k, v] of entries) d.set(k, BigInt(v));
    return beginCell().storeDictDirect(d).endCell();
}
const EXTRA = extraDict([[1, 100], [2, 0], [7, (1n << 200n)], [100, 5], [4294967295, 1], [12345, 999999999999]]);
const C7_EXTRA = c7With({ 7: T(I(1000), C(EXTRA)) });
for (const id of [1, 2, 3, 7, 100, 12345, 4294967295, 0]) {
    vec(`glob.extrabalance_${id}`, `GETEXTRABALANCE ${id} of a balance with extra currencies`, [op.POPC7, PUSHINT(id), op.GETEXTRABALANCE], exitOnly(0), withC7(C7_EXTRA));
}
vec('glob.extrabalance_six_calls', 'GETEXTRABALANCE six times: the first five are cheap', [op.POPC7, ...[1, 7, 100, 2, 3, 12345].flatMap((id) => [PUSHINT(id), op.GETEXTRABALANCE])], exitOnly(0), withC7(C7_EXTRA));
vec('glob.extrabalance_repeat', 'GETEXTRABALANCE of the same id twice (reloads)', [op.POPC7, PUSHINT(7), op.GETEXTRABALANCE, PUSHINT(7), op.GETEXTRABALANCE], exitOnly(0), withC7(C7_EXTRA));
// Loads past the 200-gas cap of a cheap call count as free gas, which an isolated RUNVM (+128) charges.
const RUNVM_OP = (flags) => ins(hexBits('DB4') + uBits(flags, 12), `RUNVM ${flags}`);
const PUSHSLICE_EMPTY = ins(hexBits('8B0') + '1000', 'PUSHSLICE x{}');
for (const flags of [0, 128]) {
    vec(`glob.extrabalance_free_gas_runvm_${flags}`, `GETEXTRABALANCE past the cheap cap, then RUNVM ${flags} of empty code`,
        [op.POPC7, PUSHINT(12345), op.GETEXTRABALANCE, op.DROP, PUSHINT(0), PUSHSLICE_EMPTY, RUNVM_OP(flags)], ok(0), withC7(C7_EXTRA));
    vec(`glob.extrabalance_six_then_runvm_${flags}`, `six GETEXTRABALANCE calls, then RUNVM ${flags}`,
        [op.POPC7, ...[1, 7, 100, 2, 3, 12345].flatMap((id) => [PUSHINT(id), op.GETEXTRABALANCE, op.DROP]), PUSHINT(0), PUSHSLICE_EMPTY, RUNVM_OP(flags)], ok(0), withC7(C7_EXTRA));
}
vec('glob.extrabalance_none', 'GETEXTRABALANCE without extra currencies: 0', [PUSHINT(5), op.GETEXTRABALANCE], ok(0));
vec('glob.extrabalance_range', 'GETEXTRABALANCE 2^32: range check', [PUSHINT(1n << 32n), op.GETEXTRABALANCE], err(5));
vec('glob.extrabalance_negative', 'GETEXTRABALANCE -1: range check', [PUSHINT(-1), op.GETEXTRABALANCE], err(5));
vec('glob.extrabalance_underflow', 'GETEXTRABALANCE on an empty stack', [op.GETEXTRABALANCE], err(2));
vec('glob.extrabalance_bad_balance', 'GETEXTRABALANCE with an int balance entry: type check', [op.POPC7, PUSHINT(1), op.GETEXTRABALANCE], err(7), withC7(c7With({ 7: I(5) })));
vec('glob.extrabalance_bad_dict', 'GETEXTRABALANCE with a slice as the dictionary: type check', [op.POPC7, PUSHINT(1), op.GETEXTRABALANCE], err(7), withC7(c7With({ 7: T(I(1), SX('AB')) })));
vec('glob.extrabalance_short_balance', 'GETEXTRABALANCE with a 1-entry balance: range check', [op.POPC7, PUSHINT(1), op.GETEXTRABALANCE], err(5), withC7(c7With({ 7: T(I(1)) })));
vec('glob.extrabalance_bad_value', 'GETEXTRABALANCE of a value that is not a VarUInteger 32: cell underflow', [op.POPC7, PUSHINT(1), op.GETEXTRABALANCE], err(9),
    withC7(c7With({ 7: T(I(1), C(beginCell().storeDictDirect((() => { const d = Dictionary.empty(Dictionary.Keys.Uint(32), Dictionary.Values.Uint(3)); d.set(1, 7); return d; })()).endCell())) })));

// ===== random numbers =====
vec('rand.randu256_3', 'RANDU256 three times then RANDSEED', [op.RANDU256, op.RANDU256, op.RANDU256, op.RANDSEED], ok('int', 'int', 'int', 'int'));
for (const r of [0, 1, 2, 10, 1000000, -1, -10, 1n << 255n, MAXINT, MININT]) {
    vec(`rand.rand_${r}`, `RAND ${r}`, [PUSHINT(r), op.RAND], ok('int'));
}
vec('rand.rand_nan', 'RAND NaN: integer overflow', [op.PUSHNAN, op.RAND], err(4));
vec('rand.rand_underflow', 'RAND on an empty stack', [op.RAND], err(2));
vec('rand.rand_type', 'RAND of a slice: type check', [op.RAND], err(7), { stack_in: [SX('AB')] });
for (const x of [0n, 1n, 42n, 1n << 255n, MAXINT]) {
    vec(`rand.setrand_${x}`, `SETRAND ${x}; RANDSEED; RANDU256`, [PUSHINT(x), op.SETRAND, op.RANDSEED, op.RANDU256], ok(x, 'int'));
    vec(`rand.addrand_${x}`, `ADDRAND ${x}; RANDSEED`, [PUSHINT(x), op.ADDRAND, op.RANDSEED], ok('int'));
}
for (const x of [-1n, MININT]) {
    vec(`rand.setrand_range_${x}`, `SETRAND ${x}: range check`, [PUSHINT(x), op.SETRAND], err(5));
    vec(`rand.addrand_range_${x}`, `ADDRAND ${x}: range check`, [PUSHINT(x), op.ADDRAND], err(5));
}
vec('rand.setrand_nan', 'SETRAND NaN: integer overflow', [op.PUSHNAN, op.SETRAND], err(4));
vec('rand.addrand_underflow', 'ADDRAND on an empty stack', [op.ADDRAND], err(2));
vec('rand.setrand_type', 'SETRAND of a cell: type check', [op.NEWC, op.ENDC, op.SETRAND], err(7));
vec('rand.addrand_then_rand', 'ADDRAND 7; RAND 100', [PUSHINT(7), op.ADDRAND, PUSHINT(100), op.RAND], ok('int'));
vec('rand.seed0_randu256', 'RANDU256 with a zero seed', [op.RANDU256], ok('int'), { c7: { rand_seed: '00'.repeat(32) } });
vec('rand.randu256_big_c7', 'RANDU256 charges for the c7 tuple (c7 of 10 entries)', [PUSHINT(1), SETGLOB(9), op.RANDU256], ok('int'));
vec('rand.randu256_out_of_gas', 'RANDU256 out of gas in the tuple charges', [op.RANDU256], exitOnly(-14), { gas_limit: 30 });

// ===== CDATASIZE / SDATASIZE =====
const LEAF = cell('05');
const SHARED = cell('AB', [LEAF, LEAF]);
const TREE = cell('ABCD', [cell('01', [LEAF]), cell('02', [LEAF, cell('0304')]), LEAF]);
const DEEP10 = chain(10);
const DATA_CELLS = { leaf: LEAF, shared: SHARED, tree: TREE, deep10: DEEP10, empty: cell('') };
/** Distinct cells reachable from `roots` (by hash). */
function countDistinct(roots) {
    const seen = new Set();
    const todo = [...roots];
    while (todo.length) {
        const c = todo.pop();
        const h = cellHash(c);
        if (seen.has(h)) continue;
        seen.add(h);
        todo.push(...c.refs);
    }
    return seen.size;
}
for (const [k, c] of Object.entries(DATA_CELLS)) {
    const nC = countDistinct([c]);
    const nS = countDistinct(c.refs);
    for (const bound of [0, 1, 3, 100]) {
        vec(`size.cdatasize_${k}_${bound}`, `CDATASIZE of ${k} with bound ${bound}`, [PUSHINT(bound), op.CDATASIZE], nC <= bound ? exitOnly(0) : err(8), { stack_in: [C(c)] });
        vec(`size.cdatasizeq_${k}_${bound}`, `CDATASIZEQ of ${k} with bound ${bound}`, [PUSHINT(bound), op.CDATASIZEQ], exitOnly(0), { stack_in: [C(c)] });
        vec(`size.sdatasize_${k}_${bound}`, `SDATASIZE of ${k} with bound ${bound}`, [PUSHINT(bound), op.SDATASIZE], nS <= bound ? exitOnly(0) : err(8), { stack_in: [S(c)] });
        vec(`size.sdatasizeq_${k}_${bound}`, `SDATASIZEQ of ${k} with bound ${bound}`, [PUSHINT(bound), op.SDATASIZEQ], exitOnly(0), { stack_in: [S(c)] });
    }
}
vec('size.cdatasize_null', 'CDATASIZE of null: 0 0 0', [op.NULL, PUSHINT(0), op.CDATASIZE], ok(0, 0, 0));
vec('size.cdatasize_negative', 'CDATASIZE bound -1: range check', [PUSHINT(-1), op.CDATASIZE], err(5), { stack_in: [C(LEAF)] });
vec('size.cdatasize_nan', 'CDATASIZE bound NaN: range check', [op.PUSHNAN, op.CDATASIZE], err(5), { stack_in: [C(LEAF)] });
vec('size.cdatasize_huge_bound', 'CDATASIZE bound 2^200', [PUSHINT(1n << 200n), op.CDATASIZE], ok(2, 16, 1), { stack_in: [C(cell('AB', [LEAF]))] });
vec('size.cdatasize_type', 'CDATASIZE of a slice: type check', [PUSHINT(5), op.CDATASIZE], err(7), { stack_in: [S(LEAF)] });
vec('size.sdatasize_type', 'SDATASIZE of a cell: type check', [PUSHINT(5), op.SDATASIZE], err(7), { stack_in: [C(LEAF)] });
vec('size.cdatasize_underflow', 'CDATASIZE with one entry: stack underflow', [PUSHINT(5), op.CDATASIZE], err(2));
vec('size.sdatasize_window', 'SDATASIZE of a window of a cell', [PUSHINT(100), op.SDATASIZE], exitOnly(0), { stack_in: [S(TREE, { bits_start: 4, bits_end: 12, refs_start: 1, refs_end: 2 })] });
vec('size.cdatasize_twice', 'CDATASIZE of the same tree twice: reloads cost 25', [PUSHINT(100), op.CDATASIZE, op.DROP, op.DROP, op.DROP, PUSHINT(100), op.CDATASIZE], exitOnly(0), { stack_in: [C(TREE), C(TREE)] });
vec('size.cdatasize_out_of_gas', 'CDATASIZE of a chain runs out of gas', [PUSHINT(100), op.CDATASIZE], exitOnly(-14), { stack_in: [C(DEEP10)], gas_limit: 400 });

// ===== variable-length integers =====
const VAR_OPS = [
    // name, load op, store op, len_bits, signed
    ['grams', 'LDGRAMS', 'STGRAMS', 4, false],
    ['varint16', 'LDVARINT16', 'STVARINT16', 4, true],
    ['varuint32', 'LDVARUINT32', 'STVARUINT32', 5, false],
    ['varint32', 'LDVARINT32', 'STVARINT32', 5, true],
];
/** The encoding of x as a variable-length integer, or null when it does not fit. */
function varBits(x, lenBits, signed) {
    const v = BigInt(x);
    if (!signed && v < 0n) return null;
    let bits = 0;
    if (signed) {
        // the fewest bits b with -2^(b-1) <= v < 2^(b-1); 0 needs none
        if (v !== 0n) {
            bits = 1;
            while (v < -(1n << BigInt(bits - 1)) || v >= 1n << BigInt(bits - 1)) bits++;
        }
    } else if (v !== 0n) {
        bits = v.toString(2).length;
    }
    const len = Math.ceil(bits / 8);
    if (len >= 1 << lenBits) return null;
    return uBits(len, lenBits) + (len === 0 ? '' : signed ? sBits(v, len * 8) : uBits(v, len * 8));
}
const VAR_VALUES = [0n, 1n, 127n, 128n, 255n, 256n, -1n, -128n, -129n, 1000000000n, (1n << 119n) - 1n, (1n << 119n), -(1n << 119n), (1n << 120n) - 1n, 1n << 120n,
    (1n << 247n) - 1n, -(1n << 247n), (1n << 248n) - 1n, 1n << 248n, MAXINT, MININT];
for (const [name, ld, st, lenBits, signed] of VAR_OPS) {
    for (const x of VAR_VALUES) {
        const enc = varBits(x, lenBits, signed);
        vec(`var.${name}_store_${x}`, `${st} ${x}`, [PUSHINT(x), op.NEWC, op.SWAP, op[st]], enc === null ? err(5) : ok(blb(enc)));
        if (enc !== null) {
            vec(`var.${name}_load_${x}`, `${ld} of the encoding of ${x} followed by AB`, [op[ld]], ok(x, slb('10101011')), { stack_in: [SB(enc + '10101011')] });
        }
    }
    vec(`var.${name}_store_nan`, `${st} NaN: range check`, [op.PUSHNAN, op.NEWC, op.SWAP, op[st]], err(5));
    vec(`var.${name}_store_full`, `${st} 1 into a builder with 1020 bits: cell overflow`, [op[st]], err(8), { stack_in: [BB('1'.repeat(1020)), I(1)] });
    vec(`var.${name}_store_fits_exactly`, `${st} 0 into a builder with ${1023 - lenBits} bits`, [op[st]], ok('builder'), { stack_in: [BB('1'.repeat(1023 - lenBits)), I(0)] });
    vec(`var.${name}_store_underflow`, `${st} with one entry`, [op[st]], err(2), { stack_in: [I(1)] });
    vec(`var.${name}_store_type_builder`, `${st} with an int for the builder: type check`, [op[st]], err(7), { stack_in: [I(1), I(1)] });
    vec(`var.${name}_store_type_value`, `${st} with a slice value: type check`, [op[st]], err(7), { stack_in: [BB(''), SX('AB')] });
    vec(`var.${name}_load_short_len`, `${ld} of fewer bits than the length field: cell underflow`, [op[ld]], err(9), { stack_in: [SB('1'.repeat(lenBits - 1))] });
    vec(`var.${name}_load_short_value`, `${ld} of a length 2 with one byte: cell underflow`, [op[ld]], err(9), { stack_in: [SB(uBits(2, lenBits) + '11111111')] });
    vec(`var.${name}_load_empty`, `${ld} of an empty slice: cell underflow`, [op[ld]], err(9), { stack_in: [SX('')] });
    vec(`var.${name}_load_type`, `${ld} of an int: type check`, [op[ld]], err(7), { stack_in: [I(5)] });
    vec(`var.${name}_load_max_len`, `${ld} of the longest length with all ones`, [op[ld]], ok('int', slb('')), { stack_in: [SB('1'.repeat(lenBits) + '1'.repeat(((1 << lenBits) - 1) * 8))] });
    vec(`var.${name}_roundtrip`, `${st} then ${ld}`, [PUSHINT(123456789), op.NEWC, op.SWAP, op[st], op.ENDC, op.CTOS, op[ld], op.ENDS], ok(123456789));
}

// ===== message addresses =====
const ADDRS = {
    none: [ADDR_NONE, 0],
    ext0: [extern(0), 1],
    ext5: [extern(5), 1],
    ext256: [extern(256, '10'.slice(0, 1)), 1],
    std0: [stdAddr(0, PATTERN256), 2],
    std_mc: [stdAddr(-1, ONES256), 2],
    std_wc127: [stdAddr(127, PATTERN256), 2],
    any1: [anyStd(1, '1', 0, PATTERN256), 2],
    any30: [anyStd(30, '1'.repeat(30), 0, PATTERN256), 2],
    var8: [varAddr(8, 5, '11001100'), 3],
    var256: [varAddr(256, -1, PATTERN256), 3],
    var_any: [anyVar(3, '101', 16, 7, '1'.repeat(16)), 3],
};
const BAD_ADDRS = {
    empty: '',
    one_bit: '1',
    ext_short: '01' + uBits(8, 9) + '1111',
    std_short: stdAddr(0, PATTERN256).slice(0, 200),
    any_depth0: '101' + uBits(0, 5) + sBits(0, 8) + ZERO256,
    any_depth31: '101' + uBits(31, 5) + '1'.repeat(31) + sBits(0, 8) + ZERO256,
    var_short: varAddr(16, 0, '1'.repeat(16)).slice(0, 40),
};
const isAnycast = (k) => k.startsWith('any') || k === 'var_any';
const validAt = (k, gv) => gv < 10 || !(isAnycast(k) || k.startsWith('var'));
for (const gv of [9, 12]) {
    const o = gv === 12 ? {} : { global_version: gv };
    for (const [k, [bits, tag]] of Object.entries(ADDRS)) {
        const good = validAt(k, gv);
        const tail = '1100';
        vec(`addr.v${gv}.ldmsgaddr_${k}`, `LDMSGADDR of ${k} then 4 bits (version ${gv})`, [op.LDMSGADDR], good ? ok(slb(bits), slb(tail)) : err(9), { ...o, stack_in: [SB(bits + tail)] });
        vec(`addr.v${gv}.ldmsgaddrq_${k}`, `LDMSGADDRQ of ${k} (version ${gv})`, [op.LDMSGADDRQ], good ? ok(slb(bits), slb(tail), -1) : ok(slb(bits + tail), 0), { ...o, stack_in: [SB(bits + tail)] });
        vec(`addr.v${gv}.parsemsgaddr_${k}`, `PARSEMSGADDR of ${k} (version ${gv})`, [op.PARSEMSGADDR], good ? ok((v) => v.type === 'tuple' && v.items[0].value === String(tag)) : err(9), { ...o, stack_in: [SB(bits)] });
        vec(`addr.v${gv}.parsemsgaddrq_${k}`, `PARSEMSGADDRQ of ${k} (version ${gv})`, [op.PARSEMSGADDRQ], good ? ok('tuple', -1) : ok(0), { ...o, stack_in: [SB(bits)] });
        vec(`addr.v${gv}.parsemsgaddr_trailing_${k}`, `PARSEMSGADDR of ${k} with a trailing bit: cell underflow (version ${gv})`, [op.PARSEMSGADDR], err(9), { ...o, stack_in: [SB(bits + '1')] });
        const internal = tag === 2 || tag === 3;
        const std256 = internal && (tag === 2 || k === 'var256');
        vec(`addr.v${gv}.rewritestd_${k}`, `REWRITESTDADDR of ${k} (version ${gv})`, [op.REWRITESTDADDR], good && std256 ? ok('int', 'int') : err(9), { ...o, stack_in: [SB(bits)] });
        vec(`addr.v${gv}.rewritestdq_${k}`, `REWRITESTDADDRQ of ${k} (version ${gv})`, [op.REWRITESTDADDRQ], good && std256 ? ok('int', 'int', -1) : ok(0), { ...o, stack_in: [SB(bits)] });
        vec(`addr.v${gv}.rewritevar_${k}`, `REWRITEVARADDR of ${k} (version ${gv})`, [op.REWRITEVARADDR], good && internal ? ok('int', 'slice') : err(9), { ...o, stack_in: [SB(bits)] });
        vec(`addr.v${gv}.rewritevarq_${k}`, `REWRITEVARADDRQ of ${k} (version ${gv})`, [op.REWRITEVARADDRQ], good && internal ? ok('int', 'slice', -1) : ok(0), { ...o, stack_in: [SB(bits)] });
    }
    for (const [k, bits] of Object.entries(BAD_ADDRS)) {
        vec(`addr.v${gv}.ldmsgaddr_bad_${k}`, `LDMSGADDR of a malformed address (${k}): cell underflow`, [op.LDMSGADDR], err(9), { ...o, stack_in: [SB(bits)] });
        vec(`addr.v${gv}.ldmsgaddrq_bad_${k}`, `LDMSGADDRQ of a malformed address (${k})`, [op.LDMSGADDRQ], ok(slb(bits), 0), { ...o, stack_in: [SB(bits)] });
        vec(`addr.v${gv}.parsemsgaddrq_bad_${k}`, `PARSEMSGADDRQ of a malformed address (${k})`, [op.PARSEMSGADDRQ], ok(0), { ...o, stack_in: [SB(bits)] });
    }
}
vec('addr.rewritestd_value', 'REWRITESTDADDR of -1:FF..FF', [op.REWRITESTDADDR], ok(-1, MAXINT), { stack_in: [SB(stdAddr(-1, ONES256))] });
vec('addr.rewritestd_anycast_v9', 'REWRITESTDADDR applies a 3-bit anycast prefix (version 9)', [op.REWRITESTDADDR], ok(0, BigInt('0b101' + ZERO256.slice(3))), { global_version: 9, stack_in: [SB(anyStd(3, '101', 0, ZERO256))] });
vec('addr.rewritevar_anycast_v9', 'REWRITEVARADDR with a 3-bit prefix makes a new cell (+500 +100)', [op.REWRITEVARADDR], ok(0, slb('101' + ZERO256.slice(3))), { global_version: 9, stack_in: [SB(anyStd(3, '101', 0, ZERO256))] });
vec('addr.rewritevar_anycast_whole_v9', 'REWRITEVARADDR with a prefix as long as the address', [op.REWRITEVARADDR], ok(5, slb('101')), { global_version: 9, stack_in: [SB(anyVar(3, '101', 3, 5, '000'))] });
vec('addr.rewritevar_anycast_longer_v9', 'REWRITEVARADDR with a prefix longer than the address: cell underflow', [op.REWRITEVARADDR], err(9), { global_version: 9, stack_in: [SB(anyVar(3, '101', 2, 5, '00'))] });
vec('addr.rewritevarq_anycast_longer_v9', 'REWRITEVARADDRQ with a prefix longer than the address', [op.REWRITEVARADDRQ], ok(0), { global_version: 9, stack_in: [SB(anyVar(3, '101', 2, 5, '00'))] });
vec('addr.ldmsgaddr_refs_kept', 'LDMSGADDR keeps the refs with the rest', [op.LDMSGADDR], ok(slb(stdAddr(0)), slb('', 1)), { stack_in: [SB(stdAddr(0), [LEAF])] });
vec('addr.ldmsgaddr_type', 'LDMSGADDR of an int: type check', [op.LDMSGADDR], err(7), { stack_in: [I(1)] });
vec('addr.ldmsgaddr_underflow', 'LDMSGADDR on an empty stack', [op.LDMSGADDR], err(2));
vec('addr.parsemsgaddr_ref_left', 'PARSEMSGADDR of an address with a ref: cell underflow', [op.PARSEMSGADDR], err(9), { stack_in: [SB(stdAddr(0), [LEAF])] });
vec('addr.myaddr_parse', 'MYADDR; PARSEMSGADDR', [op.MYADDR, op.PARSEMSGADDR], ok(tupleOf(2, 'null', 0, 'slice')));
// Version-12 standard address forms
const STD_OK = stdAddr(0, PATTERN256);
for (const [k, bits] of Object.entries({ std: STD_OK, std_mc: stdAddr(-1, ONES256), none: ADDR_NONE, ext: extern(5), any: anyStd(1, '1', 0), var: varAddr(8, 0, '11110000'), short: STD_OK.slice(0, 100), empty: '' })) {
    const isStd = k === 'std' || k === 'std_mc';
    vec(`addr.ldstdaddr_${k}`, `LDSTDADDR of ${k}`, [op.LDSTDADDR], isStd ? ok(slb(bits), slb('1')) : err(9), { stack_in: [SB(bits + '1')] });
    vec(`addr.ldstdaddrq_${k}`, `LDSTDADDRQ of ${k}`, [op.LDSTDADDRQ], isStd ? ok(slb(bits), slb('1'), -1) : ok(slb(bits + '1'), 0), { stack_in: [SB(bits + '1')] });
    const optOk = isStd || k === 'none';
    const optVal = k === 'none' ? 'null' : slb(bits);
    vec(`addr.ldoptstdaddr_${k}`, `LDOPTSTDADDR of ${k}`, [op.LDOPTSTDADDR], optOk ? ok(optVal, slb('1')) : err(9), { stack_in: [SB(bits + '1')] });
    vec(`addr.ldoptstdaddrq_${k}`, `LDOPTSTDADDRQ of ${k}`, [op.LDOPTSTDADDRQ], optOk ? ok(optVal, slb('1'), -1) : ok(slb(bits + '1'), 0), { stack_in: [SB(bits + '1')] });
    vec(`addr.ststdaddr_${k}`, `STSTDADDR of ${k}`, [op.NEWC, op.STSTDADDR], isStd ? ok(blb(bits)) : err(8), { stack_in: [SB(bits)] });
    vec(`addr.ststdaddrq_${k}`, `STSTDADDRQ of ${k}`, [op.NEWC, op.STSTDADDRQ], isStd ? ok(blb(bits), 0) : ok(slb(bits), blb(''), -1), { stack_in: [SB(bits)] });
    vec(`addr.stoptstdaddr_${k}`, `STOPTSTDADDR of ${k}`, [op.NEWC, op.STOPTSTDADDR], isStd ? ok(blb(bits)) : err(8), { stack_in: [SB(bits)] });
    vec(`addr.stoptstdaddrq_${k}`, `STOPTSTDADDRQ of ${k}`, [op.NEWC, op.STOPTSTDADDRQ], isStd ? ok(blb(bits), 0) : ok(slb(bits), blb(''), -1), { stack_in: [SB(bits)] });
}
vec('addr.ldoptstdaddr_one_bit', 'LDOPTSTDADDR of one bit: cell underflow', [op.LDOPTSTDADDR], err(9), { stack_in: [SB('0')] });
vec('addr.ldoptstdaddrq_one_bit', 'LDOPTSTDADDRQ of one bit', [op.LDOPTSTDADDRQ], ok(slb('0'), 0), { stack_in: [SB('0')] });
vec('addr.ststdaddr_with_ref', 'STSTDADDR of an address slice with a ref: cell overflow', [op.NEWC, op.STSTDADDR], err(8), { stack_in: [SB(STD_OK, [LEAF])] });
vec('addr.ststdaddr_full', 'STSTDADDR into a builder with 800 bits: cell overflow', [op.STSTDADDR], err(8), { stack_in: [SB(STD_OK), BB('1'.repeat(800))] });
vec('addr.ststdaddrq_full', 'STSTDADDRQ into a builder with 800 bits', [op.STSTDADDRQ], ok('slice', 'builder', -1), { stack_in: [SB(STD_OK), BB('1'.repeat(800))] });
vec('addr.ststdaddr_fits', 'STSTDADDR into a builder with 756 bits', [op.STSTDADDR], ok('builder'), { stack_in: [SB(STD_OK), BB('1'.repeat(756))] });
vec('addr.ststdaddr_underflow', 'STSTDADDR with one entry', [op.NEWC, op.STSTDADDR], err(2));
vec('addr.ststdaddr_type', 'STSTDADDR of an int: type check', [op.NEWC, op.STSTDADDR], err(7), { stack_in: [I(1)] });
vec('addr.stoptstdaddr_null', 'STOPTSTDADDR of null: addr_none', [op.NULL, op.NEWC, op.STOPTSTDADDR], ok(blb('00')));
vec('addr.stoptstdaddrq_null', 'STOPTSTDADDRQ of null', [op.NULL, op.NEWC, op.STOPTSTDADDRQ], ok(blb('00'), 0));
vec('addr.stoptstdaddr_null_full', 'STOPTSTDADDR of null into a full builder: cell overflow', [op.NULL, op.SWAP, op.STOPTSTDADDR], err(8), { stack_in: [BB('1'.repeat(1022))] });
vec('addr.stoptstdaddrq_null_full', 'STOPTSTDADDRQ of null into a full builder', [op.NULL, op.SWAP, op.STOPTSTDADDRQ], ok('null', 'builder', -1), { stack_in: [BB('1'.repeat(1022))] });
vec('addr.stoptstdaddr_int', 'STOPTSTDADDR of an int: type check', [PUSHINT(1), op.NEWC, op.STOPTSTDADDR], err(7));
// (STOPTSTDADDRQ of a non-slice, non-null value makes the reference push a null slice reference,
// which aborts the emulator: not recorded.)
vec('addr.stoptstdaddr_builder_type', 'STOPTSTDADDR with an int for the builder: type check', [op.NULL, PUSHINT(1), op.STOPTSTDADDR], err(7));
vec('addr.std_roundtrip', 'MYADDR; NEWC; STSTDADDR; ENDC; CTOS; LDSTDADDR', [op.MYADDR, op.NEWC, op.STSTDADDR, op.ENDC, op.CTOS, op.LDSTDADDR, op.ENDS], ok(slb(stdAddr(0))));

// ===== output actions =====
const MSG = cell('CAFE', [LEAF]);
vec('act.sendrawmsg', 'SENDRAWMSG mode 0: one action in c5', [PUSHREF(MSG), PUSHINT(0), op.SENDRAWMSG], ok());
for (const mode of [1, 2, 3, 64, 128, 130, 255]) {
    vec(`act.sendrawmsg_mode_${mode}`, `SENDRAWMSG mode ${mode}`, [PUSHREF(MSG), PUSHINT(mode), op.SENDRAWMSG, op.PUSHC5], ok('cell'));
}
vec('act.sendrawmsg_two', 'two SENDRAWMSG: the list grows', [PUSHREF(MSG), PUSHINT(0), op.SENDRAWMSG, PUSHREF(LEAF), PUSHINT(3), op.SENDRAWMSG], ok());
vec('act.sendrawmsg_mode_256', 'SENDRAWMSG mode 256: range check', [PUSHREF(MSG), PUSHINT(256), op.SENDRAWMSG], err(5));
vec('act.sendrawmsg_mode_neg', 'SENDRAWMSG mode -1: range check', [PUSHREF(MSG), PUSHINT(-1), op.SENDRAWMSG], err(5));
vec('act.sendrawmsg_mode_nan', 'SENDRAWMSG mode NaN: range check', [PUSHREF(MSG), op.PUSHNAN, op.SENDRAWMSG], err(5));
vec('act.sendrawmsg_type', 'SENDRAWMSG of a slice: type check', [PUSHINT(0), op.SENDRAWMSG], err(7), { stack_in: [SX('AB')] });
vec('act.sendrawmsg_underflow', 'SENDRAWMSG with one entry', [PUSHINT(0), op.SENDRAWMSG], err(2));
vec('act.sendrawmsg_out_of_gas', 'SENDRAWMSG runs out of gas creating the action cell', [PUSHREF(MSG), PUSHINT(0), op.SENDRAWMSG], exitOnly(-14), { gas_limit: 200 });
vec('act.sendrawmsg_c5_not_cell', 'SENDRAWMSG after c5 was set to a deep list', [op.POPC5, PUSHREF(MSG), PUSHINT(0), op.SENDRAWMSG], ok(), { stack_in: [C(chain(5))] });
for (const amount of [0n, 1n, 1000000000n, (1n << 120n) - 1n]) {
    for (const mode of [0, 2, 16, 31]) {
        vec(`act.rawreserve_${amount}_${mode}`, `RAWRESERVE ${amount} mode ${mode}`, [PUSHINT(amount), PUSHINT(mode), op.RAWRESERVE], ok());
    }
}
vec('act.rawreserve_2_120', 'RAWRESERVE 2^120: cell overflow', [PUSHINT(1n << 120n), PUSHINT(0), op.RAWRESERVE], err(8));
vec('act.rawreserve_negative', 'RAWRESERVE -1: range check', [PUSHINT(-1), PUSHINT(0), op.RAWRESERVE], err(5));
vec('act.rawreserve_nan', 'RAWRESERVE NaN: integer overflow', [op.PUSHNAN, PUSHINT(0), op.RAWRESERVE], err(4));
vec('act.rawreserve_mode_32', 'RAWRESERVE mode 32: range check', [PUSHINT(1), PUSHINT(32), op.RAWRESERVE], err(5));
vec('act.rawreserve_mode_16_v3', 'RAWRESERVE mode 16 at version 3: range check', [PUSHINT(1), PUSHINT(16), op.RAWRESERVE], err(5), { global_version: 3 });
vec('act.rawreserve_mode_15_v3', 'RAWRESERVE mode 15 at version 3', [PUSHINT(1), PUSHINT(15), op.RAWRESERVE], ok(), { global_version: 3 });
vec('act.rawreserve_underflow', 'RAWRESERVE with one entry', [PUSHINT(0), op.RAWRESERVE], err(2));
vec('act.rawreservex_null', 'RAWRESERVEX without extra currencies', [PUSHINT(100), op.NULL, PUSHINT(0), op.RAWRESERVEX], ok());
vec('act.rawreservex_dict', 'RAWRESERVEX with an extra currency dictionary', [PUSHINT(100), op.SWAP, PUSHINT(0), op.RAWRESERVEX], ok(), { stack_in: [C(EXTRA)] });
vec('act.rawreservex_type', 'RAWRESERVEX with a slice for the dictionary: type check', [PUSHINT(100), op.SWAP, PUSHINT(0), op.RAWRESERVEX], err(7), { stack_in: [SX('AB')] });
vec('act.rawreservex_underflow', 'RAWRESERVEX with two entries', [op.NULL, PUSHINT(0), op.RAWRESERVEX], err(2));
vec('act.setcode', 'SETCODE', [PUSHREF(MSG), op.SETCODE], ok());
vec('act.setcode_type', 'SETCODE of an int: type check', [PUSHINT(1), op.SETCODE], err(7));
vec('act.setcode_underflow', 'SETCODE on an empty stack', [op.SETCODE], err(2));
for (const mode of [0, 1, 2, 16, 17, 18]) {
    vec(`act.setlibcode_${mode}`, `SETLIBCODE mode ${mode}`, [PUSHREF(MSG), PUSHINT(mode), op.SETLIBCODE], ok());
    vec(`act.changelib_${mode}`, `CHANGELIB mode ${mode}`, [PUSHINT(BigInt('0x' + cellHash(MSG))), PUSHINT(mode), op.CHANGELIB], ok());
}
for (const mode of [3, 15, 19, 32, -1]) {
    vec(`act.setlibcode_range_${mode}`, `SETLIBCODE mode ${mode}: range check`, [PUSHREF(MSG), PUSHINT(mode), op.SETLIBCODE], err(5));
    vec(`act.changelib_range_${mode}`, `CHANGELIB mode ${mode}: range check`, [PUSHINT(1), PUSHINT(mode), op.CHANGELIB], err(5));
}
vec('act.setlibcode_16_v3', 'SETLIBCODE mode 16 at version 3: range check', [PUSHREF(MSG), PUSHINT(16), op.SETLIBCODE], err(5), { global_version: 3 });
vec('act.setlibcode_2_v3', 'SETLIBCODE mode 2 at version 3', [PUSHREF(MSG), PUSHINT(2), op.SETLIBCODE], ok(), { global_version: 3 });
vec('act.changelib_hash_max', 'CHANGELIB with hash 2^256-1', [PUSHINT(MAXINT), PUSHINT(0), op.CHANGELIB], ok());
vec('act.changelib_hash_min', 'CHANGELIB with hash -2^256: range check', [PUSHINT(MININT), PUSHINT(0), op.CHANGELIB], err(5));
vec('act.changelib_hash_neg', 'CHANGELIB with hash -1: range check', [PUSHINT(-1), PUSHINT(0), op.CHANGELIB], err(5));
vec('act.changelib_hash_nan', 'CHANGELIB with hash NaN: integer overflow', [op.PUSHNAN, PUSHINT(0), op.CHANGELIB], err(4));
vec('act.changelib_underflow', 'CHANGELIB with one entry', [PUSHINT(0), op.CHANGELIB], err(2));
vec('act.setlibcode_type', 'SETLIBCODE of an int: type check', [PUSHINT(1), PUSHINT(0), op.SETLIBCODE], err(7));
vec('act.all_kinds', 'SENDRAWMSG, RAWRESERVE, SETCODE, SETLIBCODE, CHANGELIB in one list', [
    PUSHREF(MSG), PUSHINT(1), op.SENDRAWMSG, PUSHINT(5), PUSHINT(0), op.RAWRESERVE, PUSHREF(LEAF), op.SETCODE,
    PUSHREF(LEAF), PUSHINT(1), op.SETLIBCODE, PUSHINT(77), PUSHINT(2), op.CHANGELIB], ok());
vec('act.actions_then_throw', 'an action then THROW: nothing committed', [PUSHREF(MSG), PUSHINT(0), op.SENDRAWMSG, THROW(33)], exitOnly(33));
vec('act.actions_commit_throw', 'an action, COMMIT, THROW', [PUSHREF(MSG), PUSHINT(0), op.SENDRAWMSG, op.COMMIT, THROW(33)], exitOnly(33));

// ===== SENDMSG: fee estimation =====
const MY = stdAddr(0, ZERO256);
function grams(x) {
    return varBits(x, 4, false);
}
/** int_msg_info$0 with the given fields, as a bit string (relaxed: src may be addr_none). */
function intInfo({ ihrDisabled = 1, bounce = 1, bounced = 0, src = ADDR_NONE, dest = stdAddr(0, PATTERN256), value = 1000000n, extra = false, extraFlags = 0n, fwdFee = 0n, lt = 0n, at = 0n } = {}) {
    return '0' + String(ihrDisabled) + String(bounce) + String(bounced) + src + dest + grams(value) + (extra ? '1' : '0') + grams(extraFlags) + grams(fwdFee) + uBits(lt, 64) + uBits(at, 32);
}
const extOutInfo = ({ src = ADDR_NONE, dest = extern(8), lt = 0n, at = 0n } = {}) => '11' + src + dest + uBits(lt, 64) + uBits(at, 32);
/** A message cell: info bits, init (bits + refs), body inline or as a ref. */
function message(info, { init = '0', initRefs = [], body = '0', bodyRefs = [], extraRef = null } = {}) {
    const refs = [...(extraRef ? [extraRef] : []), ...initRefs, ...bodyRefs];
    return cellOf(info + init + body, refs);
}
const STATE_INIT_BITS = '0' + '0' + '1' + '1' + '0'; // no split depth, no special, code, data, no library
const SI = () => [cell('C0DE'), cell('DA7A')];
const SENDMSGS = {
    int_empty: message(intInfo()),
    int_body_inline: message(intInfo(), { body: '0' + '1'.repeat(200) }),
    int_body_ref: message(intInfo(), { body: '1', bodyRefs: [cell('ABCDEF', [LEAF])] }),
    int_body_big_ref: message(intInfo(), { body: '1', bodyRefs: [TREE] }),
    int_init_inline: message(intInfo(), { init: '10' + STATE_INIT_BITS, initRefs: SI() }),
    int_init_ref: message(intInfo(), { init: '11', initRefs: [cellOf(STATE_INIT_BITS, SI())] }),
    int_init_and_body: message(intInfo(), { init: '10' + STATE_INIT_BITS, initRefs: SI(), body: '0' + '1'.repeat(64) }),
    int_body_too_big_inline: message(intInfo({ value: 1n << 100n }), { body: '0' + '1'.repeat(480) }),
    int_user_fwd_fee: message(intInfo({ fwdFee: 10000000000n })),
    int_value_big: message(intInfo({ value: (1n << 120n) - 1n })),
    int_dest_mc: message(intInfo({ dest: stdAddr(-1, ONES256) })),
    int_extra_flags: message(intInfo({ extraFlags: 5n })),
    int_extra_currency: message(intInfo({ extra: true }), { extraRef: EXTRA }),
    int_src_std: message(intInfo({ src: stdAddr(0, ONES256) })),
    int_bounced: message(intInfo({ bounced: 1, ihrDisabled: 0 })),
    ext_out: message(extOutInfo()),
    ext_out_body: message(extOutInfo({ dest: extern(100) }), { body: '1', bodyRefs: [cell('ABCDEF')] }),
    ext_out_none_dest: message(extOutInfo({ dest: ADDR_NONE })),
};
for (const [k, m] of Object.entries(SENDMSGS)) {
    for (const mode of [0, 1024, 64, 128]) {
        vec(`sendmsg.${k}_${mode}`, `SENDMSG ${k} mode ${mode}: the fee, and an action unless +1024`, [PUSHINT(mode), op.SENDMSG], ok('int'), { stack_in: [C(m)] });
    }
}
vec('sendmsg.int_dest_mc_v3', 'SENDMSG at version 3: invalid opcode', [PUSHINT(0), op.SENDMSG], err(6), { stack_in: [C(SENDMSGS.int_empty)], global_version: 3 });
for (const gv of [4, 6, 9, 10, 11]) {
    for (const k of ['int_empty', 'int_extra_currency', 'int_bounced', 'int_extra_flags', 'ext_out']) {
        vec(`sendmsg.v${gv}.${k}`, `SENDMSG ${k} at version ${gv}`, [PUSHINT(1024), op.SENDMSG], ok('int'), { stack_in: [C(SENDMSGS[k])], global_version: gv });
    }
}
vec('sendmsg.mycode_mc_address', 'SENDMSG from a masterchain address', [PUSHINT(1024), op.SENDMSG], ok('int'), { stack_in: [C(SENDMSGS.int_empty)], c7: { address: '-1:' + '00'.repeat(32) } });
vec('sendmsg.mode_2047', 'SENDMSG mode 2047 (1024 + 1023): range check', [PUSHINT(2047), op.SENDMSG], err(5), { stack_in: [C(SENDMSGS.int_empty)] });
vec('sendmsg.mode_1279', 'SENDMSG mode 1279 (1024 + 255): no action', [PUSHINT(1279), op.SENDMSG], ok('int'), { stack_in: [C(SENDMSGS.int_empty)] });
vec('sendmsg.mode_256', 'SENDMSG mode 256: range check', [PUSHINT(256), op.SENDMSG], err(5), { stack_in: [C(SENDMSGS.int_empty)] });
vec('sendmsg.mode_2048', 'SENDMSG mode 2048: range check', [PUSHINT(2048), op.SENDMSG], err(5), { stack_in: [C(SENDMSGS.int_empty)] });
vec('sendmsg.mode_negative', 'SENDMSG mode -1: range check', [PUSHINT(-1), op.SENDMSG], err(5), { stack_in: [C(SENDMSGS.int_empty)] });
vec('sendmsg.underflow', 'SENDMSG with one entry', [PUSHINT(0), op.SENDMSG], err(2));
vec('sendmsg.type', 'SENDMSG of a slice: type check', [PUSHINT(0), op.SENDMSG], err(7), { stack_in: [SX('AB')] });
vec('sendmsg.invalid_message', 'SENDMSG of a cell that is not a message: exit 11', [PUSHINT(0), op.SENDMSG], err(11), { stack_in: [C(cell('AB'))] });
vec('sendmsg.ext_in', 'SENDMSG of an ext_in_msg_info: exit 11', [PUSHINT(0), op.SENDMSG], err(11), { stack_in: [C(message('10' + ADDR_NONE + stdAddr(0) + grams(0)))] });
vec('sendmsg.trailing_ref', 'SENDMSG of a message with an extra ref after the body: exit 11', [PUSHINT(0), op.SENDMSG], err(11), { stack_in: [C(cellOf(intInfo() + '0' + '1', [LEAF, LEAF]))] });
vec('sendmsg.body_inline_with_refs', 'SENDMSG of an inline body that keeps refs', [PUSHINT(1024), op.SENDMSG], ok('int'), { stack_in: [C(cellOf(intInfo() + '0' + '0' + '1010', [LEAF, TREE]))] });
vec('sendmsg.ihr_v10', 'SENDMSG at version 10 of a message with IHR enabled and a user IHR fee', [PUSHINT(1024), op.SENDMSG], ok('int'), { stack_in: [C(message(intInfo({ ihrDisabled: 0, extraFlags: 1000000000n })))], global_version: 10 });
vec('sendmsg.ihr_v12_flags', 'SENDMSG at version 12: extra_flags is not an IHR fee', [PUSHINT(1024), op.SENDMSG], ok('int'), { stack_in: [C(message(intInfo({ ihrDisabled: 0, extraFlags: 1000000000n })))] });
vec('sendmsg.init_forced_to_ref', 'SENDMSG of a big inline init and body: both counted as moved to refs', [PUSHINT(1024), op.SENDMSG], ok('int'),
    { stack_in: [C(message(intInfo({ value: (1n << 120n) - 1n }), { init: '10' + '1' + '10101' + '0' + '1' + '1' + '0', initRefs: SI(), body: '0' + '1'.repeat(400) }))] });
vec('sendmsg.twice_actions', 'two SENDMSG: two actions', [PUSHINT(0), op.SENDMSG, op.SWAP, PUSHINT(1), op.SENDMSG], ok('int', 'int'), { stack_in: [C(SENDMSGS.int_empty), C(SENDMSGS.ext_out)] });
vec('sendmsg.bad_myaddr', 'SENDMSG with MYADDR an int: type check', [op.POPC7, PUSHINT(0), op.SENDMSG], err(7), withC7Msg(SENDMSGS.int_empty, c7With({ 8: I(1) })));
vec('sendmsg.myaddr_none', 'SENDMSG with MYADDR addr_none: range check', [op.POPC7, PUSHINT(0), op.SENDMSG], err(5), withC7Msg(SENDMSGS.int_empty, c7With({ 8: SB('00') })));
vec('sendmsg.null_prices', 'SENDMSG with null forwarding prices: exit 11', [op.POPC7, PUSHINT(0), op.SENDMSG], err(11), withC7Msg(SENDMSGS.int_empty, c7With({ 14: ucfgWith({ 5: NULL }) })));
vec('sendmsg.bad_prices', 'SENDMSG with bad forwarding prices: cell underflow', [op.POPC7, PUSHINT(0), op.SENDMSG], err(9), withC7Msg(SENDMSGS.int_empty, c7With({ 14: ucfgWith({ 5: SX('EA') }) })));
vec('sendmsg.bad_balance_128', 'SENDMSG mode 128 with an int balance: type check', [op.POPC7, PUSHINT(128), op.SENDMSG], err(7), withC7Msg(SENDMSGS.int_empty, c7With({ 7: I(5) })));
vec('sendmsg.bad_incoming_64', 'SENDMSG mode 64 with an int incoming value: type check', [op.POPC7, PUSHINT(64), op.SENDMSG], err(7), withC7Msg(SENDMSGS.int_empty, c7With({ 11: I(5) })));
vec('sendmsg.balance_128_custom', 'SENDMSG mode 128 with a balance of 2^100', [op.POPC7, PUSHINT(128), op.SENDMSG], ok('int'), withC7Msg(SENDMSGS.int_body_too_big_inline, c7With({ 7: T(I(1n << 100n), NULL) })));
vec('sendmsg.out_of_gas', 'SENDMSG runs out of gas', [PUSHINT(0), op.SENDMSG], exitOnly(-14), { stack_in: [C(SENDMSGS.int_body_big_ref)], gas_limit: 300 });

// ===== debug =====
for (const i of [0x00, 0x01, 0x13, 0x14, 0x15, 0x1f, 0x20, 0x2f, 0x30, 0x31, 0x80, 0xee, 0xef]) {
    vec(`debug.fe${i.toString(16).padStart(2, '0')}`, `FE${i.toString(16).padStart(2, '0')}: a no-op debug instruction (26 gas)`, [PUSHINT(1), DEBUG(i)], ok(1));
}
for (let n = 0; n < 16; n++) {
    vec(`debug.debugstr_${n + 1}`, `DEBUGSTR with ${n + 1} bytes`, [DEBUGSTR('41'.repeat(n + 1)), PUSHINT(1)], ok(1));
}
vec('debug.debugstr_truncated', 'DEBUGSTR declaring 4 bytes with 2: invalid opcode', [raw(hexBits('FEF3') + hexBits('4142'), 'DEBUGSTR (truncated)')], err(6));
vec('debug.debugstr_no_data', 'FEF0 at the end of the code: invalid opcode', [raw(hexBits('FEF0'), 'DEBUGSTR (no data)')], err(6));
vec('debug.fe_truncated', 'FE alone at the end of the code: invalid opcode', [raw(hexBits('FE'), 'FE')], err(6));
vec('debug.dumpstk_stack_kept', 'DUMPSTK does not touch the stack', [PUSHINT(1), PUSHINT(2), DEBUG(0)], ok(1, 2));
vec('debug.with_debug_log', 'STRDUMP with an empty stack is still a no-op', [DEBUG(0x14)], ok());

// ---------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------
/** How the oracle's result differs from the hand-written expectation {exit, stack?}. */
function checkWant(v, r) {
    const errs = [];
    if (r.exit_code !== v.want.exit) errs.push(`exit ${r.exit_code} (want ${v.want.exit})`);
    if (v.want.stack !== undefined) {
        if (r.stack.length !== v.want.stack.length || !v.want.stack.every((w, i) => matchValue(r.stack[i], w))) {
            errs.push(`stack ${JSON.stringify(r.stack.map((x) => x.value ?? x.content_hex ?? (x.type === 'builder' ? `b:${x.bits}/${x.refs}` : x.type)))}`);
        }
    }
    return errs;
}

/** Runs this process's chunk of the vectors (GEN_ONLY: only names with that prefix). */
function generate() {
    const chunk = Number(process.env.GEN_CHUNK);
    const mine = V.filter((v, n) => Math.floor(n / CHUNK) === chunk && (!process.env.GEN_ONLY || v.name.startsWith(process.env.GEN_ONLY)));
    return { ...runSentinelVectors(ORACLE, mine, checkWant), version: ORACLE_VERSION };
}

// One emulator instance stalls after some 1600 runs, so every chunk of
// vectors runs in a child process of its own; the parent merges the results.
const CHUNK = 400;
if (process.env.GEN_CHUNK !== undefined) {
    fs.writeFileSync(process.env.GEN_CHUNK_OUT, JSON.stringify(generate()));
    process.exit(0);
}
function runChunks() {
    const all = { out: [], problems: [], version: ORACLE_VERSION };
    for (let i = 0; i * CHUNK < V.length; i++) {
        const file = path.join(os.tmpdir(), `gen_env_vectors.${process.pid}.${i}.json`);
        const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
            env: { ...process.env, GEN_CHUNK: String(i), GEN_CHUNK_OUT: file },
            stdio: ['ignore', 'inherit', 'inherit'],
        });
        if (r.status !== 0) throw new Error(`chunk ${i} failed`);
        const part = JSON.parse(fs.readFileSync(file, 'utf8'));
        fs.unlinkSync(file);
        all.out.push(...part.out);
        all.problems.push(...part.problems);
    }
    return all;
}
const { out, problems, version } = runChunks();
failOnProblems(problems);
const description =
    'Environment instructions (cp0 categories app_config, app_gas, app_global, app_rnd, app_misc, app_actions, app_addr, app_currency, debug) and the get-method c7, with exit code, gas, stack and c4/c5 as produced by the reference C++ TVM. Every program starts with DROP of the int32 sentinel on top of stack_in (exact raw entry). Optional per-vector fields: global_version (config param 8 for the run; also decides the c7 layout), c7 (now, balance, address, rand_seed over the defaults). See README.md.';
const doc = vectorDocument({ description, generator: 'gen_env_vectors.mjs', version, vectors: out });
finish(OUT, JSON.stringify(doc, null, 1) + '\n', out.length);
