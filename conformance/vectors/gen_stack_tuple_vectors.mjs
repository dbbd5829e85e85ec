#!/usr/bin/env node
// Generates stack_tuple_vectors.json: every instruction of the cp0 categories
// stack_basic, stack_complex, tuple, const_int and const_data (127
// mnemonics), run on the reference TVM (../oracle, the C++ TVM inside
// @ton/sandbox): every immediate form on a stack of distinct entries, stack
// underflow at the exact depth, type and range checks of the *X / *VAR forms
// (negative, too large, NaN, non-integers, the 255 / 2^30 limits and the
// version-3 limit of 255), the per-entry gas of deep stacks (ROLLX, -ROLLX,
// BLKSWX, REVX, ONLYTOPX past 255) and of tuples (TUPLE / UNTUPLE / SETINDEX /
// TPUSH / TPOP up to 255 entries), tuples holding every value type, nested
// tuples for INDEX2 / INDEX3, the quiet forms on null, PUSHINT in every
// encoding, the power-of-two constants, PUSHSLICE / PUSHREF / PUSHCONT forms
// (truncated operands = invalid opcode, cell load 100 / reload 25), and out
// of gas inside and just after an instruction.
//
//   bash ../shared/oracle/setup.sh                      (from the project root)
//   node conformance/vectors/gen_stack_tuple_vectors.mjs [--check | --count]
//   node conformance/vectors/gen_stack_tuple_vectors.mjs --exhaustive --out /tmp/zz_stack_exhaustive_vectors.json
//   node conformance/vectors/gen_stack_tuple_vectors.mjs --random 20000 --seed 7 --out /tmp/zz_stack_random_vectors.json
//
// --exhaustive writes (not committed) every operand combination of the
// nibble-operand stack instructions, --random random sequences of this
// family's instructions on random mixed stacks; both for a soak run: copy the file into this
// folder, run `cargo run --release -p gram-conformance -- vectors`, remove it.
//
// Entry is exact: each program is DROP (of the int32 sentinel on top of
// stack_in, which the oracle's raw mode needs) followed by the code under
// test. Everything recorded (exit code, gas, stack, c4/c5) is the oracle's
// output; the cases are generated, not hand-written. Vectors marked for a gas
// scan are re-run with limits just under their gas (out of gas at the
// implicit RET, inside the instruction and before it).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fiftBits as hexBits, bitsToHex as bitsHex } from './lib/bits.mjs';
import { createOracle, cellToBoc, cellOf, I, NAN, NULL, SENTINEL } from './lib/oracle.mjs';
import { vectorDocument, writeOrCheck, oneVectorPerLine } from './lib/output.mjs';
import { mulberry32 } from './lib/random.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CONFIG = 'slim';
const FILE = 'stack_tuple_vectors.json';

// ---------------------------------------------------------------------------
// Code: bit strings (with refs) assembled into one root cell
// ---------------------------------------------------------------------------
/** A code fragment: `bits` (string of 0/1) and `refs` (cells), plus its text. */
const frag = (asm, bits, refs = []) => ({ asm, bits, refs });
const op = (asm, hex, refs = []) => frag(asm, hexBits(hex), refs);
const uint = (v, n) => BigInt.asUintN(n, BigInt(v)).toString(2).padStart(n, '0');
const hx = (v, n) => BigInt.asUintN(n * 4, BigInt(v)).toString(16).padStart(n, '0').toUpperCase();

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------
const T = (items) => ({ type: 'tuple', items });
const DATA_CELL = cellOf(hexBits('DEADBEEF'), [cellOf(hexBits('AB'))]);
const CELL = { type: 'cell', boc: cellToBoc(DATA_CELL) };
const SLICE = { type: 'slice', boc: cellToBoc(DATA_CELL), bits_start: 4, bits_end: 28, refs_start: 0, refs_end: 1 };
const BUILDER = { type: 'builder', boc: cellToBoc(cellOf(hexBits('C0FFEE'))) };
const P = (n) => 1n << BigInt(n);
const MAX = P(256) - 1n;
const MIN = -P(256);

/** n distinct small ints 1..n (s0 = n). */
const S = (n) => Array.from({ length: n }, (_, i) => I(i + 1));
/** A tuple of n distinct ints 100.. */
const TN = (n) => T(Array.from({ length: n }, (_, i) => I(100 + i)));
/** One entry of every type the stack can take from stack_in. */
const MIXED = [I(-7), NAN, NULL, CELL, SLICE, BUILDER, T([I(1), NULL]), T([])];

// ---------------------------------------------------------------------------
// Vectors
// ---------------------------------------------------------------------------
const VECTORS = [];
const NAMES = new Set();

/**
 * One vector: `frags` after the DROP of the sentinel, on `stack` (bottom first).
 * opts: gas_limit, global_version, scan (add out-of-gas variants), note.
 */
function vec(name, frags, stack, opts = {}) {
    const list = Array.isArray(frags) ? frags : [frags];
    let full = name;
    if (opts.global_version !== undefined) full += `@v${opts.global_version}`;
    if (opts.gas_limit !== undefined) full += `/gas${opts.gas_limit}`;
    if (NAMES.has(full)) return;
    NAMES.add(full);
    const bits = '00110000' + list.map((f) => f.bits).join('');
    const refs = list.flatMap((f) => f.refs);
    VECTORS.push({
        name: full,
        description: opts.note,
        asm: ['DROP', ...list.map((f) => f.asm)].join('; '),
        bits,
        refs,
        stack_in: stack,
        gas_limit: opts.gas_limit,
        global_version: opts.global_version,
        scan: opts.scan || opts.scanV3,
        scanV3: opts.scanV3,
    });
}

/** A short text for an int operand in names. */
function show(v) {
    if (typeof v === 'object') return v.type === 'int' ? show(BigInt(v.value)) : v.type;
    const b = BigInt(v);
    if (b === MAX) return 'MAX';
    if (b === MIN) return 'MIN';
    if (b > -100000n && b < 100000n) return b.toString();
    return (b < 0n ? '-0x' : '0x') + (b < 0n ? -b : b).toString(16);
}

// ---------------------------------------------------------------------------
// stack_basic
// ---------------------------------------------------------------------------
vec('NOP()', op('NOP', '00'), []);
vec('NOP(mixed)', op('NOP', '00'), MIXED);
for (let i = 1; i < 16; i++) {
    const o = op(`XCHG s0,s${i}`, '0' + hx(i, 1));
    vec(`XCHG_0I#${i}(d16)`, o, S(16));
    vec(`XCHG_0I#${i}(d${i + 1})`, o, S(i + 1));
    vec(`XCHG_0I#${i}(d${i})`, o, S(i), { note: 'stack underflow' });
}
vec('XCHG_0I#1(mixed)', op('SWAP', '01'), MIXED);
for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 16; j++) {
        const o = op(`XCHG s${i},s${j}`, '10' + hx(i, 1) + hx(j, 1));
        if (i === 0 || i >= j) {
            if (j % 5 === 0 || i === j || i === 0) vec(`XCHG_IJ#${i},${j}(d16)`, o, S(16), { note: 'invalid operands' });
            continue;
        }
        vec(`XCHG_IJ#${i},${j}(d16)`, o, S(16));
        if (j === 15 || i + 1 === j) {
            vec(`XCHG_IJ#${i},${j}(d${j + 1})`, o, S(j + 1));
            vec(`XCHG_IJ#${i},${j}(d${j})`, o, S(j), { note: 'stack underflow' });
        }
    }
}
for (const i of [0, 1, 2, 15, 16, 17, 100, 200, 254, 255]) {
    const o = op(`XCHG s0,s${i} (long)`, '11' + hx(i, 2));
    const d = i < 20 ? 20 : 256;
    vec(`XCHG_0I_LONG#${i}(d${d})`, o, S(d));
    if (i > 0) vec(`XCHG_0I_LONG#${i}(d${i})`, o, S(i), { note: 'stack underflow' });
}
vec('XCHG_0I_LONG#0(d0)', op('XCHG s0,s0 (long)', '1100'), [], { note: 'stack underflow' });
for (let i = 2; i < 16; i++) {
    const o = op(`XCHG s1,s${i}`, '1' + hx(i, 1));
    vec(`XCHG_1I#${i}(d16)`, o, S(16));
    vec(`XCHG_1I#${i}(d${i})`, o, S(i), { note: 'stack underflow' });
}
for (let i = 0; i < 16; i++) {
    for (const [kind, h] of [['PUSH', '2'], ['POP', '3']]) {
        const o = op(`${kind} s${i}`, h + hx(i, 1));
        vec(`${kind}#${i}(d16)`, o, S(16));
        vec(`${kind}#${i}(d${i + 1})`, o, S(i + 1));
        vec(`${kind}#${i}(d${i})`, o, S(i), { note: 'stack underflow' });
    }
}
for (let i = 0; i < 8; i++) {
    vec(`PUSH#${i}(mixed)`, op(`PUSH s${i}`, '2' + hx(i, 1)), MIXED);
    vec(`POP#${i}(mixed)`, op(`POP s${i}`, '3' + hx(i, 1)), MIXED);
}
vec('PUSH#0(d1)/scan', op('DUP', '20'), S(1), { scan: true });

// ---------------------------------------------------------------------------
// stack_complex: the nibble forms
// ---------------------------------------------------------------------------
const GRID2 = [0, 1, 2, 3, 7, 14, 15];
const GRID3 = [0, 1, 2, 15];
const EXTRA3 = [[3, 4, 5], [7, 8, 9], [15, 14, 13], [5, 5, 5], [9, 3, 12], [0, 7, 15], [15, 0, 7], [7, 15, 0]];
const TWO = [['XCHG2', '50'], ['XCPU', '51'], ['PUXC', '52'], ['PUSH2', '53']];
for (const [name, h] of TWO) {
    for (const i of GRID2) {
        for (const j of GRID2) {
            const o = op(`${name} ${i},${j}`, h + hx(i, 1) + hx(j, 1));
            vec(`${name}#${i},${j}(d16)`, o, S(16));
            const m = Math.max(i, j);
            vec(`${name}#${i},${j}(d${m + 1})`, o, S(m + 1));
            vec(`${name}#${i},${j}(d${m})`, o, S(m));
            if (m > 0) vec(`${name}#${i},${j}(d${m - 1})`, o, S(m - 1));
        }
    }
    vec(`${name}#1,2(mixed)`, op(`${name} 1,2`, h + '12'), MIXED);
}
const THREE = [
    ['XCHG3', '4', 4], ['XCHG3_ALT', '540', 12], ['XC2PU', '541', 12], ['XCPUXC', '542', 12], ['XCPU2', '543', 12],
    ['PUXC2', '544', 12], ['PUXCPU', '545', 12], ['PU2XC', '546', 12], ['PUSH3', '547', 12],
];
for (const [name, h] of THREE) {
    const triples = [...EXTRA3];
    for (const i of GRID3) {
        for (const j of GRID3) {
            for (const k of GRID3) triples.push([i, j, k]);
        }
    }
    for (const [i, j, k] of triples) {
        const o = op(`${name} ${i},${j},${k}`, h + hx(i, 1) + hx(j, 1) + hx(k, 1));
        vec(`${name}#${i},${j},${k}(d16)`, o, S(16));
        // Depths around the deepest index: underflow or not, by the op's own rule.
        const m = Math.max(i, j, k);
        const depths = m <= 2 ? Array.from({ length: m + 2 }, (_, d) => d) : [m, m + 1];
        for (const d of depths) vec(`${name}#${i},${j},${k}(d${d})`, o, S(d));
    }
    vec(`${name}#1,2,3(mixed)`, op(`${name} 1,2,3`, h + '123'), MIXED);
}
for (const i of [0, 1, 2, 7, 14, 15]) {
    for (const j of [0, 1, 2, 7, 14, 15]) {
        const o = op(`BLKSWAP ${i + 1},${j + 1}`, '55' + hx(i, 1) + hx(j, 1));
        vec(`BLKSWAP#${i + 1},${j + 1}(d33)`, o, S(33));
        vec(`BLKSWAP#${i + 1},${j + 1}(d${i + j + 2})`, o, S(i + j + 2));
        vec(`BLKSWAP#${i + 1},${j + 1}(d${i + j + 1})`, o, S(i + j + 1), { note: 'stack underflow' });
    }
}
for (const i of [0, 1, 2, 15, 16, 100, 254, 255]) {
    for (const [name, h] of [['PUSH_LONG', '56'], ['POP_LONG', '57']]) {
        const o = op(`${name} ${i}`, h + hx(i, 2));
        const d = i < 20 ? 20 : 256;
        vec(`${name}#${i}(d${d})`, o, S(d));
        vec(`${name}#${i}(d${i + 1})`, o, S(i + 1));
        vec(`${name}#${i}(d${i})`, o, S(i), { note: 'stack underflow' });
    }
}
const SIMPLE = [['ROT', '58'], ['ROTREV', '59'], ['SWAP2', '5A'], ['DROP2', '5B'], ['DUP2', '5C'], ['OVER2', '5D'],
    ['TUCK', '66'], ['DEPTH', '68']];
for (const [name, h] of SIMPLE) {
    for (let d = 0; d <= 6; d++) vec(`${name}(d${d})`, op(name, h), S(d));
    vec(`${name}(mixed)`, op(name, h), MIXED);
}
vec('DEPTH(d255)', op('DEPTH', '68'), S(255));
vec('DEPTH(d260)', op('DEPTH', '68'), S(260));
for (const i of [0, 1, 2, 7, 14, 15]) {
    for (const j of [0, 1, 2, 7, 14, 15]) {
        const o = op(`REVERSE ${i + 2},${j}`, '5E' + hx(i, 1) + hx(j, 1));
        vec(`REVERSE#${i + 2},${j}(d32)`, o, S(32));
        vec(`REVERSE#${i + 2},${j}(d${i + j + 2})`, o, S(i + j + 2));
        vec(`REVERSE#${i + 2},${j}(d${i + j + 1})`, o, S(i + j + 1), { note: 'stack underflow' });
    }
}
for (let i = 0; i < 16; i++) {
    const o = op(`BLKDROP ${i}`, '5F0' + hx(i, 1));
    vec(`BLKDROP#${i}(d16)`, o, S(16));
    vec(`BLKDROP#${i}(d${i})`, o, S(i));
    if (i > 0) vec(`BLKDROP#${i}(d${i - 1})`, o, S(i - 1), { note: 'stack underflow' });
}
for (let i = 1; i < 16; i++) {
    for (const j of [0, 1, 7, 15]) {
        const o = op(`BLKPUSH ${i},${j}`, '5F' + hx(i, 1) + hx(j, 1));
        vec(`BLKPUSH#${i},${j}(d16)`, o, S(16));
        vec(`BLKPUSH#${i},${j}(d${j})`, o, S(j), { note: 'stack underflow' });
    }
}
for (let i = 0; i < 16; i++) {
    for (const j of [0, 1, 7, 15]) {
        const o = op(`BLKDROP2 ${i},${j}`, '6C' + hx(i, 1) + hx(j, 1));
        if (i === 0) {
            vec(`BLKDROP2#${i},${j}(d16)`, o, S(16), { note: 'not an instruction: 6C0x is unassigned' });
            continue;
        }
        vec(`BLKDROP2#${i},${j}(d32)`, o, S(32));
        vec(`BLKDROP2#${i},${j}(d${i + j})`, o, S(i + j));
        vec(`BLKDROP2#${i},${j}(d${i + j - 1})`, o, S(i + j - 1), { note: 'stack underflow' });
    }
}

// The *X forms: index popped from the stack.
const XOPS = [['PICK', '60'], ['ROLLX', '61'], ['-ROLLX', '62'], ['DROPX', '65'], ['XCHGX', '67'], ['CHKDEPTH', '69'],
    ['ONLYTOPX', '6A'], ['ONLYX', '6B']];
const X_SMALL = [0, 1, 2, 5, 15, 16, 19, 20];
const X_BAD = [I(-1), I(P(30) - 1n), I(P(30)), I(P(31)), I(MAX), I(MIN), NAN, NULL, CELL, T([])];
for (const [name, h] of XOPS) {
    const o = op(name, h);
    for (const x of X_SMALL) vec(`${name}(d20 ${x})`, o, [...S(20), I(x)]);
    for (const x of [0, 1, 2]) vec(`${name}(d${x} ${x})`, o, [...S(x), I(x)]);
    for (const x of X_BAD) vec(`${name}(d20 ${show(x)})`, o, [...S(20), x]);
    vec(`${name}()`, o, [], { note: 'stack underflow' });
    vec(`${name}(d3 mixed)`, o, [NULL, CELL, SLICE, I(2)]);
    for (const x of [254, 255, 256, 257, 259, 260]) {
        vec(`${name}(d260 ${x})`, o, [...S(260), I(x)], { scan: x === 259 });
        if (x === 256) vec(`${name}(d260 ${x})`, o, [...S(260), I(x)], { global_version: 3 });
    }
    vec(`${name}(d20 255)`, o, [...S(20), I(255)], { global_version: 3 });
    vec(`${name}(d20 2)`, o, [...S(20), I(2)], { scan: true });
}
// BLKSWX / REVX: two indexes.
const XY = [[0, 0], [0, 5], [5, 0], [1, 1], [1, 2], [2, 1], [3, 4], [10, 10], [19, 1], [1, 19], [20, 0], [0, 20],
    [21, 0], [11, 10]];
const XY_DEEP = [[100, 155], [100, 156], [100, 157], [200, 59], [128, 128], [1, 259], [259, 1], [255, 0], [256, 0],
    [257, 3], [260, 0], [0, 260], [130, 130], [250, 11]];
const XY_V3 = ['100,156', '256,0', '1,259', '255,0'];
const XY_BAD = [[I(-1), I(1)], [I(1), I(-1)], [NAN, I(1)], [I(1), NAN], [NULL, I(1)], [I(1), NULL], [I(P(30)), I(0)],
    [I(0), I(P(30))], [I(P(30) - 1n), I(0)], [CELL, NULL]];
for (const [name, h] of [['BLKSWX', '63'], ['REVX', '64']]) {
    const o = op(name, h);
    for (const [x, y] of XY) vec(`${name}(d20 ${x} ${y})`, o, [...S(20), I(x), I(y)]);
    for (const [x, y] of XY_DEEP) {
        vec(`${name}(d260 ${x} ${y})`, o, [...S(260), I(x), I(y)], { scan: x === 1 && y === 259 });
        if (XY_V3.includes(`${x},${y}`)) vec(`${name}(d260 ${x} ${y})`, o, [...S(260), I(x), I(y)], { global_version: 3 });
    }
    for (const [x, y] of XY_BAD) vec(`${name}(d20 ${show(x)} ${show(y)})`, o, [...S(20), x, y]);
    vec(`${name}()`, o, [], { note: 'stack underflow' });
    vec(`${name}(1)`, o, [I(1)], { note: 'stack underflow' });
    vec(`${name}(null)`, o, [NULL], { note: 'stack underflow before the type check' });
    vec(`${name}(d1 1 0)`, o, [...S(1), I(1), I(0)]);
    vec(`${name}(mixed 3 2)`, o, [...MIXED, I(3), I(2)]);
}

// The deepest stacks the emulator accepts (about 300 entries through stack_in): out of gas in the middle of the extra gas past 255.
vec('ROLLX(d300 299)', op('ROLLX', '61'), [...S(300), I(299)], { scanV3: true });
for (const limit of [36, 37, 60, 79, 80]) {
    vec('ROLLX(d300 299)', op('ROLLX', '61'), [...S(300), I(299)], { gas_limit: limit });
    vec('-ROLLX(d300 299)', op('-ROLLX', '62'), [...S(300), I(299)], { gas_limit: limit });
    vec('BLKSWX(d300 150 149)', op('BLKSWX', '63'), [...S(300), I(150), I(149)], { gas_limit: limit });
    vec('REVX(d300 298 1)', op('REVX', '64'), [...S(300), I(298), I(1)], { gas_limit: limit });
    vec('ONLYTOPX(d300 299)', op('ONLYTOPX', '6A'), [...S(300), I(299)], { gas_limit: limit });
}
vec('BLKSWX(d300 150 149)', op('BLKSWX', '63'), [...S(300), I(150), I(149)], { global_version: 3 });

// ---------------------------------------------------------------------------
// tuple
// ---------------------------------------------------------------------------
const NULLOP = op('NULL', '6D');
vec('NULL()', NULLOP, []);
vec('NULL(d260)', NULLOP, S(260));
for (const v of [...MIXED, I(0)]) vec(`ISNULL(${show(v)})`, op('ISNULL', '6E'), [v]);
vec('ISNULL()', op('ISNULL', '6E'), []);
vec('NULL;ISNULL', [NULLOP, op('ISNULL', '6E')], []);

const ALLTYPES = [I(1), NAN, NULL, CELL, SLICE, BUILDER, T([]), T([I(2), T([NULL])])];
for (let n = 0; n < 16; n++) {
    const o = op(`TUPLE ${n}`, '6F0' + hx(n, 1));
    vec(`TUPLE#${n}(d16)`, o, S(16));
    vec(`TUPLE#${n}(d${n})`, o, S(n));
    if (n > 0) vec(`TUPLE#${n}(d${n - 1})`, o, S(n - 1), { note: 'stack underflow' });
    if (n === 8) vec(`TUPLE#8(alltypes)`, o, ALLTYPES);
    if (n === 15) vec(`TUPLE#15(d15)/scan`, o, S(15), { scanV3: true });
}
// Continuations inside a tuple: made by the program.
vec('TUPLE#2(cont)', [op('PUSHCONT {}', '90'), op('PUSHCONT {NOP}', '9100'), op('TUPLE 2', '6F02'),
    op('INDEX 1', '6F11'), op('EXECUTE', 'D8')], []);

const T16 = TN(16);
const NOTUP = [NULL, I(5), NAN, CELL, SLICE, BUILDER];
for (let k = 0; k < 16; k++) {
    const idx = op(`INDEX ${k}`, '6F1' + hx(k, 1));
    vec(`INDEX#${k}(t16)`, idx, [T16]);
    vec(`INDEX#${k}(t${k})`, idx, [TN(k)], { note: 'range check' });
    vec(`INDEX#${k}(t${k + 1})`, idx, [TN(k + 1)]);
    const iq = op(`INDEXQ ${k}`, '6F6' + hx(k, 1));
    vec(`INDEXQ#${k}(t16)`, iq, [T16]);
    vec(`INDEXQ#${k}(t${k})`, iq, [TN(k)]);
    vec(`INDEXQ#${k}(null)`, iq, [NULL]);
    const un = op(`UNTUPLE ${k}`, '6F2' + hx(k, 1));
    vec(`UNTUPLE#${k}(t${k})`, un, [TN(k)]);
    vec(`UNTUPLE#${k}(t${k + 1})`, un, [TN(k + 1)], { note: 'type check' });
    if (k > 0) vec(`UNTUPLE#${k}(t${k - 1})`, un, [TN(k - 1)], { note: 'type check' });
    const uf = op(`UNPACKFIRST ${k}`, '6F3' + hx(k, 1));
    vec(`UNPACKFIRST#${k}(t${k})`, uf, [TN(k)]);
    vec(`UNPACKFIRST#${k}(t${k + 3})`, uf, [TN(k + 3)]);
    if (k < 2 || k === 15) vec(`UNPACKFIRST#${k}(t255)`, uf, [TN(255)]);
    if (k > 0) vec(`UNPACKFIRST#${k}(t${k - 1})`, uf, [TN(k - 1)], { note: 'type check' });
    const ex = op(`EXPLODE ${k}`, '6F4' + hx(k, 1));
    vec(`EXPLODE#${k}(t${k})`, ex, [TN(k)]);
    vec(`EXPLODE#${k}(t0)`, ex, [TN(0)]);
    vec(`EXPLODE#${k}(t${k + 1})`, ex, [TN(k + 1)], { note: 'type check' });
    const si = op(`SETINDEX ${k}`, '6F5' + hx(k, 1));
    vec(`SETINDEX#${k}(t16 7)`, si, [T16, I(7)]);
    vec(`SETINDEX#${k}(t${k} 7)`, si, [TN(k), I(7)], { note: 'range check' });
    vec(`SETINDEX#${k}(t${k + 1} null)`, si, [TN(k + 1), NULL]);
    vec(`SETINDEX#${k}(null 7)`, si, [NULL, I(7)], { note: 'type check' });
    const sq = op(`SETINDEXQ ${k}`, '6F7' + hx(k, 1));
    vec(`SETINDEXQ#${k}(t16 7)`, sq, [T16, I(7)]);
    vec(`SETINDEXQ#${k}(t${k} 7)`, sq, [TN(k), I(7)]);
    vec(`SETINDEXQ#${k}(t${k} null)`, sq, [TN(k), NULL]);
    vec(`SETINDEXQ#${k}(t1 7)`, sq, [TN(1), I(7)]);
    vec(`SETINDEXQ#${k}(null 7)`, sq, [NULL, I(7)]);
    vec(`SETINDEXQ#${k}(null null)`, sq, [NULL, NULL]);
    vec(`SETINDEXQ#${k}(t16 null)`, sq, [T16, NULL]);
    if (k === 0 || k === 5 || k === 15) {
        for (const [nm, o] of [['INDEX', idx], ['INDEXQ', iq], ['UNTUPLE', un], ['UNPACKFIRST', uf], ['EXPLODE', ex]]) {
            for (const v of NOTUP) vec(`${nm}#${k}(${show(v)})`, o, [v]);
            vec(`${nm}#${k}()`, o, [], { note: 'stack underflow' });
        }
        for (const [nm, o] of [['SETINDEX', si], ['SETINDEXQ', sq]]) {
            for (const v of NOTUP) vec(`${nm}#${k}(${show(v)} 7)`, o, [v, I(7)]);
            vec(`${nm}#${k}(t16)`, o, [T16], { note: 'stack underflow' });
            vec(`${nm}#${k}(null)`, o, [NULL], { note: 'stack underflow' });
            vec(`${nm}#${k}(t16 alltypes)`, o, [T16, T([CELL, SLICE, BUILDER])]);
        }
        vec(`UNTUPLE#${k}(t${k})/scan`, un, [TN(k)], { scan: true });
        vec(`SETINDEX#${k}(t16 7)/scan`, si, [T16, I(7)], { scan: true });
        vec(`SETINDEXQ#${k}(null 7)/scan`, sq, [NULL, I(7)], { scan: true });
    }
}
vec('INDEX#3(alltypes)', op('INDEX 3', '6F13'), [T(ALLTYPES)]);
vec('UNTUPLE#8(alltypes)', op('UNTUPLE 8', '6F28'), [T(ALLTYPES)]);
vec('EXPLODE#15(alltypes)', op('EXPLODE 15', '6F4F'), [T(ALLTYPES)]);
vec('SETINDEX#1(t255 7)', op('SETINDEX 1', '6F51'), [TN(255), I(7)], { scanV3: true });
vec('SETINDEXQ#1(t255 7)', op('SETINDEXQ 1', '6F71'), [TN(255), I(7)]);
// A shared tuple: SETINDEX copies it, the original stays.
vec('SETINDEX#0(shared)', [op('DUP', '20'), op('PUSHINT 9', '79'), op('SETINDEX 0', '6F50')], [TN(3)]);
vec('TPUSH(shared)', [op('DUP', '20'), op('PUSHINT 9', '79'), op('TPUSH', '6F8C')], [TN(3)]);
// Every op that takes a tuple apart or changes it, on a tuple also held deeper in the stack.
for (const [name, code] of [['TPOP', [op('TPOP', '6F8D')]], ['UNTUPLE 3', [op('UNTUPLE 3', '6F23')]],
    ['EXPLODE 5', [op('EXPLODE 5', '6F45')]], ['UNPACKFIRST 2', [op('UNPACKFIRST 2', '6F32')]],
    ['SETINDEXQ 5', [op('PUSHINT 9', '79'), op('SETINDEXQ 5', '6F75')]], ['SETINDEXQ 1', [op('PUSHINT 9', '79'), op('SETINDEXQ 1', '6F71')]],
    ['SETINDEXVAR', [op('PUSHINT 9', '79'), op('PUSHINT 2', '72'), op('SETINDEXVAR', '6F85')]],
    ['SETINDEXVARQ', [op('NULL', '6D'), op('PUSHINT 7', '77'), op('SETINDEXVARQ', '6F87')]],
    ['TPUSH;TPOP', [op('PUSHINT 9', '79'), op('TPUSH', '6F8C'), op('TPOP', '6F8D')]],
    ['UNTUPLEVAR', [op('PUSHINT 3', '73'), op('UNTUPLEVAR', '6F82')]], ['EXPLODEVAR', [op('PUSHINT 3', '73'), op('EXPLODEVAR', '6F84')]],
    ['UNPACKFIRSTVAR', [op('PUSHINT 1', '71'), op('UNPACKFIRSTVAR', '6F83')]]]) {
    vec(`shared(${name})`, [op('DUP', '20'), ...code], [TN(3)]);
    vec(`shared-nested(${name})`, [op('DUP', '20'), op('TUPLE 1', '6F01'), op('SWAP', '01'), ...code], [TN(3)]);
}

// The VAR forms.
/** The indexes also tried on 255-entry tuples and stacks. */
const deepIdx = (n) => n.type !== 'int' || ['0', '1', '15', '254', '255', '256'].includes(n.value);
const VAR_IDX = [I(0), I(1), I(2), I(14), I(15), I(16), I(100), I(253), I(254), I(255), I(256), I(-1), I(P(31)), I(MAX),
    NAN, NULL, CELL];
const VARS = [['TUPLEVAR', '6F80'], ['INDEXVAR', '6F81'], ['UNTUPLEVAR', '6F82'], ['UNPACKFIRSTVAR', '6F83'],
    ['EXPLODEVAR', '6F84'], ['SETINDEXVAR', '6F85'], ['INDEXVARQ', '6F86'], ['SETINDEXVARQ', '6F87']];
for (const [name, h] of VARS) {
    const o = op(name, h);
    for (const n of VAR_IDX) {
        const ns = show(n);
        if (name === 'TUPLEVAR') {
            vec(`${name}(d20 ${ns})`, o, [...S(20), n]);
            if (deepIdx(n)) vec(`${name}(d256 ${ns})`, o, [...S(256), n]);
        } else if (name.startsWith('SETINDEX')) {
            vec(`${name}(t16 7 ${ns})`, o, [T16, I(7), n]);
            if (deepIdx(n)) vec(`${name}(t255 7 ${ns})`, o, [TN(255), I(7), n]);
            vec(`${name}(null 7 ${ns})`, o, [NULL, I(7), n]);
            vec(`${name}(t3 null ${ns})`, o, [TN(3), NULL, n]);
            vec(`${name}(5 7 ${ns})`, o, [I(5), I(7), n]);
        } else {
            vec(`${name}(t16 ${ns})`, o, [T16, n]);
            if (deepIdx(n)) vec(`${name}(t255 ${ns})`, o, [TN(255), n]);
            vec(`${name}(null ${ns})`, o, [NULL, n]);
            vec(`${name}(5 ${ns})`, o, [I(5), n]);
            if (typeof n === 'object' && n.type === 'int' && BigInt(n.value) >= 0n && BigInt(n.value) <= 256n) {
                const len = Number(n.value);
                if (len <= 255 && (len < 20 || deepIdx(n))) vec(`${name}(t${len} ${ns})`, o, [TN(len), n]);
                if (len > 0 && len <= 256 && (len < 20 || deepIdx(n))) vec(`${name}(t${len - 1} ${ns})`, o, [TN(len - 1), n]);
            }
        }
    }
    vec(`${name}()`, o, [], { note: 'stack underflow' });
    vec(`${name}(1)`, o, [I(1)], { note: 'stack underflow' });
    vec(`${name}(null)`, o, [NULL], { note: 'stack underflow' });
    if (name.startsWith('SETINDEX')) vec(`${name}(t16 1)`, o, [T16, I(1)], { note: 'stack underflow' });
}
vec('TUPLEVAR(d255 255)/scan', op('TUPLEVAR', '6F80'), [...S(255), I(255)], { scan: true });
vec('UNTUPLEVAR(t255 255)/scan', op('UNTUPLEVAR', '6F82'), [TN(255), I(255)], { scanV3: true });
vec('EXPLODEVAR(t255 255)/scan', op('EXPLODEVAR', '6F84'), [TN(255), I(255)], { scan: true });
vec('UNPACKFIRSTVAR(t255 200)/scan', op('UNPACKFIRSTVAR', '6F83'), [TN(255), I(200)], { scan: true });
vec('SETINDEXVARQ(null 7 254)/scan', op('SETINDEXVARQ', '6F87'), [NULL, I(7), I(254)], { scan: true });
vec('SETINDEXVARQ(t3 7 254)', op('SETINDEXVARQ', '6F87'), [TN(3), I(7), I(254)]);
vec('TUPLEVAR(alltypes 8)', op('TUPLEVAR', '6F80'), [...ALLTYPES, I(8)]);

// Length, last, push and pop.
const LENOPS = [['TLEN', '6F88'], ['QTLEN', '6F89'], ['ISTUPLE', '6F8A'], ['LAST', '6F8B'], ['TPOP', '6F8D']];
const TUPLE_ARGS = [['t0', TN(0)], ['t1', TN(1)], ['t2', TN(2)], ['t16', T16], ['t254', TN(254)], ['t255', TN(255)],
    ['nested', T([T([I(1)]), T([])])], ['alltypes', T(ALLTYPES)]];
for (const [name, h] of LENOPS) {
    const o = op(name, h);
    for (const [tn, t] of TUPLE_ARGS) vec(`${name}(${tn})`, o, [t]);
    for (const v of NOTUP) vec(`${name}(${show(v)})`, o, [v]);
    vec(`${name}()`, o, [], { note: 'stack underflow' });
}
vec('TPOP(t255)/scan', op('TPOP', '6F8D'), [TN(255)], { scanV3: true });
{
    const o = op('TPUSH', '6F8C');
    for (const [tn, t] of TUPLE_ARGS) {
        vec(`TPUSH(${tn} 7)`, o, [t, I(7)]);
        vec(`TPUSH(${tn} tuple)`, o, [t, T([NULL])]);
    }
    for (const v of NOTUP) vec(`TPUSH(${show(v)} 7)`, o, [v, I(7)]);
    vec('TPUSH()', o, [], { note: 'stack underflow' });
    vec('TPUSH(t1)', o, [TN(1)], { note: 'stack underflow' });
    vec('TPUSH(t254 7)/scan', o, [TN(254), I(7)], { scan: true });
    vec('TPUSH(t0 7)/scan', o, [TN(0), I(7)], { scan: true });
}

// NULLSWAPIF family.
const NSW = [['NULLSWAPIF', 'A0', 0], ['NULLSWAPIFNOT', 'A1', 0], ['NULLROTRIF', 'A2', 1], ['NULLROTRIFNOT', 'A3', 1],
    ['NULLSWAPIF2', 'A4', 0], ['NULLSWAPIFNOT2', 'A5', 0], ['NULLROTRIF2', 'A6', 1], ['NULLROTRIFNOT2', 'A7', 1]];
for (const [name, h, depth] of NSW) {
    const o = op(name, '6F' + h);
    for (const x of [I(0), I(1), I(-1), I(MAX), I(MIN), NAN, NULL, CELL]) {
        vec(`${name}(d3 ${show(x)})`, o, [...S(3), x]);
        vec(`${name}(d${depth} ${show(x)})`, o, [...S(depth), x]);
        if (depth > 0) vec(`${name}(d${depth - 1} ${show(x)})`, o, [...S(depth - 1), x]);
    }
    vec(`${name}()`, o, [], { note: 'stack underflow' });
    vec(`${name}(d2 -1)/scan`, o, [...S(2), I(-1)], { scan: true });
}

// INDEX2 / INDEX3 on nested tuples.
const inner = (a) => T([0, 1, 2, 3].map((b) => I(a * 10 + b)));
const T4x4 = T([0, 1, 2, 3].map(inner));
const T4x4x4 = T([0, 1, 2, 3].map((a) => T([0, 1, 2, 3].map((b) => T([0, 1, 2, 3].map((c) => I(a * 100 + b * 10 + c)))))));
const RAGGED = T([T([I(1)]), I(5), NULL, T([T([I(7), I(8)]), T([])])]);
for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
        const o = frag(`INDEX2 ${i},${j}`, hexBits('6FB') + uint(i, 2) + uint(j, 2));
        vec(`INDEX2#${i},${j}(4x4)`, o, [T4x4]);
        vec(`INDEX2#${i},${j}(ragged)`, o, [RAGGED]);
        if (i === j) {
            for (const v of [NULL, I(1), T([])]) vec(`INDEX2#${i},${j}(${show(v)})`, o, [v]);
            vec(`INDEX2#${i},${j}()`, o, [], { note: 'stack underflow' });
        }
        for (let k = 0; k < 4; k++) {
            const o3 = frag(`INDEX3 ${i},${j},${k}`, hexBits('6FC').slice(0, 10) + uint(i, 2) + uint(j, 2) + uint(k, 2));
            vec(`INDEX3#${i},${j},${k}(4x4x4)`, o3, [T4x4x4]);
            vec(`INDEX3#${i},${j},${k}(ragged)`, o3, [RAGGED]);
            if (i === j && j === k) {
                for (const v of [NULL, I(1), T4x4]) vec(`INDEX3#${i},${j},${k}(${v === T4x4 ? '4x4' : show(v)})`, o3, [v]);
                vec(`INDEX3#${i},${j},${k}()`, o3, [], { note: 'stack underflow' });
            }
        }
    }
}

// ---------------------------------------------------------------------------
// const_int
// ---------------------------------------------------------------------------
for (let i = 0; i < 16; i++) {
    const v = ((i + 5) & 15) - 5;
    const o = op(`PUSHINT ${v}`, '7' + hx(i, 1));
    vec(`PUSHINT_4#${v}()`, o, []);
    vec(`PUSHINT_4#${v}(d2)`, o, S(2));
}
for (const v of [-128, -127, -6, -5, -1, 0, 1, 10, 11, 100, 126, 127]) vec(`PUSHINT_8#${v}()`, op(`PUSHINT ${v}`, '80' + hx(v, 2)), []);
for (const v of [-32768, -32767, -129, -128, -1, 0, 127, 128, 255, 256, 32766, 32767]) {
    vec(`PUSHINT_16#${v}()`, op(`PUSHINT ${v}`, '81' + hx(v, 4)), []);
}
for (let l = 0; l < 31; l++) {
    const width = 8 * l + 19;
    const vals = [0n, -1n, 1n, P(width - 1) - 1n, -P(width - 1)];
    if (l === 30) vals.push(P(256), -P(256) - 1n, P(257), -P(258), P(258) - 1n);
    for (const v of vals) {
        const o = frag(`PUSHINT ${show(v)} (long ${l})`, hexBits('82') + uint(l, 5) + uint(v, width));
        vec(`PUSHINT_LONG#${l},${show(v)}()`, o, []);
    }
    if ([0, 1, 15, 30].includes(l)) {
        vec(`PUSHINT_LONG#${l},truncated()`, frag(`PUSHINT (long ${l}, truncated)`, hexBits('82') + uint(l, 5) + '1'.repeat(width - 1)),
            [], { note: 'invalid opcode: the constant is cut short' });
        vec(`PUSHINT_LONG#${l},-1()/scan`, frag(`PUSHINT -1 (long ${l})`, hexBits('82') + uint(l, 5) + '1'.repeat(width)), [],
            { scan: true });
    }
}
vec('PUSHINT_LONG#0,5;ADD()', [frag('PUSHINT 5 (long 0)', hexBits('82') + uint(0, 5) + uint(5, 19)), op('PUSHINT 1', '71'), op('ADD', 'A0')], []);
vec('PUSHINT_8#truncated()', op('PUSHINT (8, truncated)', '80F_'), [], { note: 'invalid opcode' });
vec('PUSHINT_16#truncated()', op('PUSHINT (16, truncated)', '81FF'), [], { note: 'invalid opcode' });
for (const x of [0, 1, 2, 7, 63, 127, 200, 253, 254]) vec(`PUSHPOW2#${x + 1}()`, op(`PUSHPOW2 ${x + 1}`, '83' + hx(x, 2)), []);
vec('PUSHNAN()', op('PUSHNAN', '83FF'), []);
vec('PUSHNAN(d2)', op('PUSHNAN', '83FF'), S(2));
vec('PUSHNAN;ISNAN()', [op('PUSHNAN', '83FF'), op('ISNAN', 'C4')], []);
for (const x of [0, 1, 2, 7, 63, 127, 200, 253, 254, 255]) {
    vec(`PUSHPOW2DEC#${x + 1}()`, op(`PUSHPOW2DEC ${x + 1}`, '84' + hx(x, 2)), []);
    vec(`PUSHNEGPOW2#${x + 1}()`, op(`PUSHNEGPOW2 ${x + 1}`, '85' + hx(x, 2)), []);
}
vec('PUSHPOW2#256;INC()', [op('PUSHPOW2 255', '83FE'), op('DUP', '20'), op('ADD', 'A0')], [], { note: 'integer overflow' });
vec('PUSHNEGPOW2#256;DEC()', [op('PUSHNEGPOW2 256', '85FF'), op('DEC', 'A5')], [], { note: 'integer overflow' });
vec('PUSHPOW2DEC#256;INC()', [op('PUSHPOW2DEC 256', '84FF'), op('INC', 'A4')], [], { note: 'integer overflow' });
vec('PUSHPOW2#1()/scan', op('PUSHPOW2 1', '8300'), [], { scan: true });
vec('PUSHINT_16#1000()/scan', op('PUSHINT 1000', '8103E8'), [], { scan: true });

// ---------------------------------------------------------------------------
// const_data
// ---------------------------------------------------------------------------
const REF_A = cellOf(hexBits('12345'), [cellOf(hexBits('F'))]);
const REF_B = cellOf(hexBits('ABCDEF0123'));
const REF_EMPTY = cellOf('');
const CODE_REF = cellOf(hexBits('7172A0')); // PUSHINT 1; PUSHINT 2; ADD
const CODE_REF2 = cellOf(hexBits('7273A1')); // PUSHINT 2; PUSHINT 3; SUB
for (const [rn, r] of [['a', REF_A], ['b', REF_B], ['empty', REF_EMPTY], ['code', CODE_REF]]) {
    vec(`PUSHREF(${rn})`, op('PUSHREF', '88', [r]), []);
    vec(`PUSHREFSLICE(${rn})`, op('PUSHREFSLICE', '89', [r]), [], { scanV3: rn === 'a' });
    // Only the code cell is run; the others stay on the stack as continuations.
    const run = rn === 'code' ? [op('EXECUTE', 'D8')] : [];
    if (rn !== 'b') vec(`PUSHREFCONT(${rn})`, [op('PUSHREFCONT', '8A', [r]), ...run], [], { scan: rn === 'code' });
}
vec('PUSHREFCONT(code) kept', op('PUSHREFCONT', '8A', [CODE_REF]), [], { note: 'the continuation stays on the stack' });
for (const [name, h] of [['PUSHREF', '88'], ['PUSHREFSLICE', '89'], ['PUSHREFCONT', '8A']]) {
    // Continuations get cells that decode as code.
    const [one, two] = name === 'PUSHREFCONT' ? [CODE_REF, CODE_REF2] : [REF_B, REF_A];
    vec(`${name}(no ref)`, op(name, h), [], { note: 'invalid opcode: no ref left' });
    vec(`${name}x2(same cell)`, [op(name, h, [one]), op(name, h, [one])], [], { note: 'second load of the same cell: 25' });
    vec(`${name}x2(two cells)`, [op(name, h, [one]), op(name, h, [two])], []);
}
vec('PUSHREF;CTOS(a)', [op('PUSHREF', '88', [REF_A]), op('CTOS', 'D0')], []);
vec('PUSHREFSLICE;PUSHREF;CTOS(same)', [op('PUSHREFSLICE', '89', [REF_B]), op('PUSHREF', '88', [REF_B]), op('CTOS', 'D0')], []);

/** PUSHSLICE operand of `total` bits: `data`, then the completion tag, padded with zeros. */
function tagged(data, total) {
    return (data + '1').padEnd(total, '0');
}
const PAT = '1011001110001111000011111000001111110000001111111000000011111111'.repeat(16);
const ZERO = '0'.repeat(1024);
for (let x = 0; x < 16; x++) {
    const total = 8 * x + 4;
    for (const [pn, p] of [['pat', PAT], ['zeros', ZERO], ['ones', '1'.repeat(1024)]]) {
        for (const len of new Set([0, 1, total - 1])) {
            const data = p.slice(0, len);
            const enc = tagged(data, total);
            vec(`PUSHSLICE#${x},${pn}${len}()`, frag(`PUSHSLICE x${bitsHex(data)}`, hexBits('8B') + uint(x, 4) + enc), []);
        }
    }
    vec(`PUSHSLICE#${x},untagged()`, frag('PUSHSLICE (no completion tag)', hexBits('8B') + uint(x, 4) + ZERO.slice(0, total)), [],
        { note: 'all-zero data: no completion tag' });
    vec(`PUSHSLICE#${x},truncated()`, frag('PUSHSLICE (truncated)', hexBits('8B') + uint(x, 4) + PAT.slice(0, total - 1)), [],
        { note: 'invalid opcode' });
}
vec('PUSHSLICE#1;SBITS()', [frag('PUSHSLICE x5A', hexBits('8B1') + '010110101000'), op('SBITS', 'D749')], []);
vec('PUSHSLICE#0()/scan', frag('PUSHSLICE x8_', hexBits('8B0') + '1000'), [], { scan: true });
for (let r = 0; r < 4; r++) {
    for (const xx of [0, 1, 2, 31]) {
        const total = 8 * xx + 1;
        const refs = [REF_A, REF_B, REF_EMPTY, CODE_REF].slice(0, r + 1);
        for (const len of new Set([0, total - 1])) {
            const data = PAT.slice(0, len);
            const enc = tagged(data, total);
            vec(`PUSHSLICE_REFS#${r + 1},${xx},${len}()`, frag(`PUSHSLICE ${r + 1} refs, ${len} bits`, hexBits('8C') + uint(r, 2) + uint(xx, 5) + enc, refs), []);
        }
        if (xx === 1) {
            vec(`PUSHSLICE_REFS#${r + 1},${xx},untagged()`, frag('PUSHSLICE (refs, no tag)', hexBits('8C') + uint(r, 2) + uint(xx, 5) + ZERO.slice(0, total), refs), []);
            vec(`PUSHSLICE_REFS#${r + 1},${xx},missing-ref()`, frag('PUSHSLICE (refs, one missing)', hexBits('8C') + uint(r, 2) + uint(xx, 5) + '1'.padEnd(total, '0'), refs.slice(1)), [],
                { note: 'invalid opcode' });
            vec(`PUSHSLICE_REFS#${r + 1},${xx},truncated()`, frag('PUSHSLICE (refs, truncated)', hexBits('8C') + uint(r, 2) + uint(xx, 5) + '1'.repeat(total - 1), refs), [],
                { note: 'invalid opcode' });
        }
    }
}
for (let r = 0; r < 8; r++) {
    for (const xx of [0, 1, 2, 50, 121]) {
        const total = 8 * xx + 6;
        const refs = [REF_A, REF_B, REF_EMPTY, CODE_REF, REF_A].slice(0, Math.min(r, 4));
        const lens = r >= 5 ? [2] : [0, 5, total - 1];
        for (const len of new Set(lens)) {
            const data = PAT.slice(0, len);
            const enc = tagged(data, total);
            // The root cell holds at most 1023 bits (8 for the DROP).
            if (8 + 8 + 3 + 7 + total > 1023) continue;
            vec(`PUSHSLICE_LONG#${r},${xx},${len}()`, frag(`PUSHSLICE ${r} refs, ${len} bits (long)`, hexBits('8D') + uint(r, 3) + uint(xx, 7) + enc, refs), [],
                { note: r >= 5 ? 'invalid opcode: at most 4 refs' : undefined });
        }
        if (xx === 1 && r <= 4) {
            vec(`PUSHSLICE_LONG#${r},${xx},untagged()`, frag('PUSHSLICE (long, no tag)', hexBits('8D') + uint(r, 3) + uint(xx, 7) + ZERO.slice(0, total), refs), []);
            vec(`PUSHSLICE_LONG#${r},${xx},truncated()`, frag('PUSHSLICE (long, truncated)', hexBits('8D') + uint(r, 3) + uint(xx, 7) + '1'.repeat(total - 1), refs), [],
                { note: 'invalid opcode' });
            if (r > 0) {
                vec(`PUSHSLICE_LONG#${r},${xx},missing-ref()`, frag('PUSHSLICE (long, ref missing)', hexBits('8D') + uint(r, 3) + uint(xx, 7) + '1'.padEnd(total, '0'), refs.slice(1)), [],
                    { note: 'invalid opcode' });
            }
        }
    }
}
// PUSHCONT: bodies of 0..15 bytes (short) and the long form with refs; run or keep.
const BODY = ['', '71', '7172', '7172A0', '717273A0A0', '7172A0', '20202020202020', 'A4A4A4A4A4A4A4A4', '71'.repeat(15)];
for (const body of BODY) {
    const n = body.length / 2;
    if (n < 16) {
        const o = op(`PUSHCONT {${body}}`, '9' + hx(n, 1) + body);
        vec(`PUSHCONT_SHORT#${n},${body}()`, [o, op('EXECUTE', 'D8')], []);
        vec(`PUSHCONT_SHORT#${n},${body}(d1)`, [o, op('EXECUTE', 'D8')], S(1));
    }
    for (let r = 0; r < 4; r++) {
        const refs = [CODE_REF, REF_B, REF_EMPTY].slice(0, r);
        const o = frag(`PUSHCONT {${body}} (long, ${r} refs)`, '1000111' + uint(r, 2) + uint(n, 7) + hexBits(body), refs);
        vec(`PUSHCONT#${r},${n},${body}()`, [o, op('EXECUTE', 'D8')], []);
    }
}
vec('PUSHCONT_SHORT#0 kept()', op('PUSHCONT {}', '90'), [], { note: 'the continuation stays on the stack' });
vec('PUSHCONT_SHORT#3 kept()', op('PUSHCONT {7172A0}', '937172A0'), []);
vec('PUSHCONT#0,3 kept()', frag('PUSHCONT {7172A0} (long)', '1000111' + uint(0, 2) + uint(3, 7) + hexBits('7172A0')), []);
vec('PUSHCONT#1,0 ref()', [frag('PUSHCONT {} (long, ref to code)', '1000111' + uint(1, 2) + uint(0, 7), [CODE_REF]), op('EXECUTE', 'D8')], []);
vec('PUSHCONT_SHORT#2,truncated()', op('PUSHCONT (truncated)', '9271'), [], { note: 'invalid opcode' });
vec('PUSHCONT#0,2,truncated()', frag('PUSHCONT (long, truncated)', '1000111' + uint(0, 2) + uint(2, 7) + hexBits('71')), [], { note: 'invalid opcode' });
vec('PUSHCONT#2,0,missing-ref()', frag('PUSHCONT (long, ref missing)', '1000111' + uint(2, 2) + uint(0, 7), [CODE_REF]), [], { note: 'invalid opcode' });
vec('PUSHCONT_SHORT#1 run()/scan', [op('PUSHCONT {71}', '9171'), op('EXECUTE', 'D8')], [], { scan: true });

// ---------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------
function request(v, gasLimit) {
    const code = cellToBoc(cellOf(v.bits, v.refs));
    const stack = [...v.stack_in, I(SENTINEL)];
    const req = { code, stack, gas_limit: gasLimit ?? v.gas_limit ?? 1000000 };
    if (v.global_version !== undefined) req.global_version = v.global_version;
    return req;
}

function record(v, req, r) {
    if (r.error) throw new Error(`${v.name}: ${r.error}`);
    if (r.mode !== 'raw') throw new Error(`${v.name}: entry mode ${r.mode}`);
    const entry = { name: v.name };
    if (v.description) entry.description = v.description;
    entry.asm = v.asm;
    if (v.refs.length === 0) entry.code_hex = bitsHex(v.bits);
    Object.assign(entry, { code_boc: req.code, stack_in: req.stack, gas_limit: req.gas_limit });
    if (v.global_version !== undefined) entry.global_version = v.global_version;
    entry.expected = { exit_code: r.exit_code, gas_used: r.gas_used, stack: r.stack, c4: r.c4, c5: r.c5 };
    entry.oracle_mode = r.mode;
    return entry;
}

function runAll(oracle) {
    const out = [];
    for (const v of VECTORS) {
        const req = request(v);
        const r = oracle.run(req);
        out.push(record(v, req, r));
        if (!v.scan) continue;
        // Out of gas at the implicit RET, inside the instruction (extra charges) and before it.
        // With scanV3 also at global version 3, where a charge past the limit does not stop at once.
        const g = r.gas_used;
        for (const version of v.scanV3 ? [undefined, 3] : [undefined]) {
            for (const limit of [...new Set([g - 1, g - 6, g - 20, 19])]) {
                if (limit < 1 || limit >= g) continue;
                const name = `${v.name}${version ? '@v' + version : ''}/gas${limit}`;
                if (NAMES.has(name)) continue;
                NAMES.add(name);
                const w = { ...v, name, gas_limit: limit, global_version: version, description: 'out of gas' };
                const req2 = request(w, limit);
                out.push(record(w, req2, oracle.run(req2)));
            }
        }
    }
    return out;
}

function document(vectors, version) {
    return vectorDocument({
        description: 'Stack, tuple and constant instructions (cp0 stack_basic, stack_complex, tuple, const_int, const_data) with exit code, gas, stack and c4/c5 as produced by the reference C++ TVM. Every program is DROP of the int32 sentinel on top of stack_in (exact raw entry) then the code under test. Optional per-vector field: global_version (config param 8 for the run). See README.md.',
        generator: 'gen_stack_tuple_vectors.mjs',
        file: FILE,
        version,
        config: CONFIG,
        vectors,
    });
}

/**
 * Soak grid (not committed): every operand combination of the nibble-operand
 * stack instructions, on 16 entries and one entry short of the deepest index.
 */
function exhaustiveCases() {
    VECTORS.length = 0;
    NAMES.clear();
    const forms = [...TWO.map(([n, h]) => [n, h, 2]), ...THREE.map(([n, h]) => [n, h, 3]), ['BLKSWAP', '55', 2],
        ['REVERSE', '5E', 2], ['XCHG_IJ', '10', 2], ['BLKPUSH', '5F', 2], ['BLKDROP2', '6C', 2]];
    for (const [name, h, arity] of forms) {
        for (let a = 0; a < 16 ** arity; a++) {
            const digits = hx(a, arity);
            const o = op(`${name} ${digits}`, h + digits);
            const m = Math.max(...[...digits].map((c) => parseInt(c, 16)));
            vec(`${name}#${digits}(d16)`, o, S(16));
            vec(`${name}#${digits}(d${m})`, o, S(m));
        }
    }
}

/** Soak cases (not committed): random sequences of this family's instructions on random mixed stacks. */
function randomCases(count, seed) {
    VECTORS.length = 0;
    NAMES.clear();
    const rnd = mulberry32(seed);
    const int = (n) => Math.floor(rnd() * n);
    const pick = (list) => list[int(list.length)];
    const nib = () => hx(rnd() < 0.7 ? int(6) : int(16), 1);
    const small = () => (rnd() < 0.8 ? int(8) : pick([-1, 15, 16, 254, 255, 256]));
    const values = [() => I(int(10)), () => I(int(10)), () => I(int(4)), () => I(small()), () => TN(int(6)), () => NULL, () => NAN, () => CELL, () => SLICE, () => BUILDER,
        () => TN(int(6)), () => T([NULL, TN(2)])];
    const gens = [
        () => op('XCHG', '0' + hx(1 + int(15), 1)), () => op('XCHG_IJ', '10' + hx(1 + int(4), 1) + hx(5 + int(11), 1)),
        () => op('PUSH', '2' + nib()), () => op('POP', '3' + nib()), () => op('XCHG3', '4' + nib() + nib() + nib()),
        ...['50', '51', '52', '53', '55', '5E'].map((h) => () => op(h, h + nib() + nib())),
        ...['540', '541', '542', '543', '544', '545', '546', '547'].map((h) => () => op(h, h + nib() + nib() + nib())),
        ...['58', '59', '5A', '5B', '5C', '5D', '66', '68', '6D', '6E'].map((h) => () => op(h, h)),
        () => op('BLKDROP', '5F0' + nib()), () => op('BLKPUSH', '5F' + hx(1 + int(4), 1) + nib()),
        ...['60', '61', '62', '63', '64', '65', '67', '69', '6A', '6B'].map((h) => () => [op('PUSHINT', '7' + hx(int(6), 1)), op(h, h)]),
        () => op('BLKDROP2', '6C' + hx(1 + int(4), 1) + nib()),
        ...['6F0', '6F1', '6F2', '6F3', '6F4', '6F5', '6F6', '6F7'].map((h) => () => op(h, h + hx(int(5), 1))),
        ...['6F80', '6F81', '6F82', '6F83', '6F84', '6F85', '6F86', '6F87'].map((h) => () => [op('PUSHINT', '7' + hx(int(5), 1)), op(h, h)]),
        ...['6F88', '6F89', '6F8A', '6F8B', '6F8C', '6F8D', '6FA0', '6FA1', '6FA2', '6FA3', '6FA4', '6FA5', '6FA6', '6FA7']
            .map((h) => () => op(h, h)),
        () => op('INDEX2', '6FB' + hx(int(16), 1)), () => frag('INDEX3', '0110111111' + uint(int(64), 6)),
        () => op('PUSHINT', '7' + hx(int(16), 1)), () => op('PUSHINT', '80' + hx(int(256), 2)), () => op('PUSHNAN', '83FF'),
        () => op('PUSHPOW2DEC', '84' + hx(int(256), 2)),
    ];
    for (let i = 0; i < count; i++) {
        const stack = Array.from({ length: 4 + int(14) }, () => pick(values)());
        const frags = Array.from({ length: 3 + int(6) }, () => pick(gens)()).flat();
        vec(`random.${seed}.${i}`, frags, stack);
    }
}

const args = process.argv.slice(2);
/** Runs the soak cases just made (kind: "random" or "exhaustive") and writes them to the --out file. */
async function writeSoakFile(kind) {
    const out = args[args.indexOf('--out') + 1];
    const oracle = await createOracle({ config: CONFIG });
    const vectors = runAll(oracle);
    fs.writeFileSync(out, oneVectorPerLine({ ...document(vectors, oracle.version()), file: path.basename(out) }));
    console.error(`wrote ${vectors.length} ${kind} vectors to ${out}`);
    process.exit(0);
}
if (args.includes('--random')) {
    randomCases(Number(args[args.indexOf('--random') + 1]), Number(args.includes('--seed') ? args[args.indexOf('--seed') + 1] : 1));
    await writeSoakFile('random');
}
if (args.includes('--exhaustive')) {
    exhaustiveCases();
    await writeSoakFile('exhaustive');
}
if (args.includes('--count')) {
    console.log(`${FILE}: ${VECTORS.length} vectors before gas scans`);
    process.exit(0);
}
const oracle = await createOracle({ config: CONFIG });
const vectors = runAll(oracle);
const ok = writeOrCheck(path.join(HERE, FILE), oneVectorPerLine(document(vectors, oracle.version())), vectors.length);
process.exit(ok ? 0 : 1);
