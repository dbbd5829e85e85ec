#!/usr/bin/env node
// Generates the integer arithmetic vectors: every instruction of the cp0
// categories arithm_basic, arithm_logical, arithm_quiet and compare_int
// (arith_vectors.json) and arithm_div with its quiet forms
// (arith_div_vectors.json), run on the reference TVM (../oracle, the C++ TVM
// inside @ton/sandbox) for a grid of operands per instruction: boundary
// values (0, +-1, around 2^63, +-2^255, 2^256-1, -2^256), NaN, every
// rounding on negative and positive operands, shift amounts and widths at
// and past their limits, stack underflow, type checks, invalid opcodes
// (rounding code 3, the ADD forms before global version 4), the global
// version 13 changes, and out of gas in the middle of a program.
//
//   bash ../shared/oracle/setup.sh                      (from the project root)
//   node conformance/vectors/gen_arith_vectors.mjs [--check | --count]
//   node conformance/vectors/gen_arith_vectors.mjs --random 20000 --seed 7 [--version 13] --out /tmp/arith_random_vectors.json
//
// Entry is exact: each program is DROP (of the int32 sentinel on top of
// stack_in, which the oracle's raw mode needs) followed by the instruction
// under test. Everything recorded (exit code, gas, stack, c4/c5) is the
// oracle's output; the grid is generated, not hand-written. --check compares
// the files with a fresh run and writes nothing; --count only prints how
// many vectors each file would get; --random writes one file of random cases
// (for a soak run, not committed).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOracle, cellToBoc, core, I, SENTINEL } from './lib/oracle.mjs';
import { vectorDocument, writeOrCheck, oneVectorPerLine } from './lib/output.mjs';
import { mulberry32 } from './lib/random.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CONFIG = 'slim';

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------
const P = (n) => 1n << BigInt(n);
const MAX = P(256) - 1n;
const MIN = -P(256);
const NAN = 'nan';
const NULL = 'null';

/** A stack_in entry for a BigInt, NaN or null. */
function stackValue(v) {
    if (v === NAN) return { type: 'nan' };
    if (v === NULL) return { type: 'null' };
    return { type: 'int', value: v.toString() };
}

/** Short text of an operand for names and descriptions. */
function show(v) {
    if (typeof v !== 'bigint') return v;
    const named = new Map([
        [MAX, 'MAX'], [MIN, 'MIN'], [MAX - 1n, 'MAX-1'], [MIN + 1n, 'MIN+1'],
        [P(255), '2^255'], [-P(255), '-2^255'], [P(255) - 1n, '2^255-1'], [-P(255) - 1n, '-2^255-1'],
        [P(63), '2^63'], [P(63) - 1n, '2^63-1'], [-P(63), '-2^63'], [-P(63) - 1n, '-2^63-1'],
        [P(64), '2^64'], [P(64) - 1n, '2^64-1'], [-P(64), '-2^64'], [P(128), '2^128'], [P(128) + 3n, '2^128+3'],
        [P(200), '2^200'], [-P(200), '-2^200'],
    ]);
    if (named.has(v)) return named.get(v);
    if (v > -10000n && v < 10000n) return v.toString();
    return (v < 0n ? '-0x' : '0x') + (v < 0n ? -v : v).toString(16);
}

// ---------------------------------------------------------------------------
// Instructions: mnemonic -> encoding (hex; a function for immediates)
// ---------------------------------------------------------------------------
const hex8 = (x) => (BigInt.asUintN(8, BigInt(x))).toString(16).padStart(2, '0').toUpperCase();
const OP = {};
const simple = (name, hex, arity) => (OP[name] = { name, arity, code: () => hex });

// arithm_basic + quiet
[['ADD', 'A0', 2], ['SUB', 'A1', 2], ['SUBR', 'A2', 2], ['NEGATE', 'A3', 1], ['INC', 'A4', 1], ['DEC', 'A5', 1], ['MUL', 'A8', 2]]
    .forEach(([n, h, a]) => { simple(n, h, a); simple('Q' + n, 'B7' + h, a); });
// arithm_logical + quiet
[['LSHIFT_VAR', 'AC', 2], ['RSHIFT_VAR', 'AD', 2], ['POW2', 'AE', 1], ['AND', 'B0', 2], ['OR', 'B1', 2], ['XOR', 'B2', 2], ['NOT', 'B3', 1]]
    .forEach(([n, h, a]) => { simple(n, h, a); simple('Q' + n, 'B7' + h, a); });
[['FITSX', 'B600', 2], ['UFITSX', 'B601', 2], ['BITSIZE', 'B602', 1], ['UBITSIZE', 'B603', 1], ['MIN', 'B608', 2], ['MAX', 'B609', 2], ['MINMAX', 'B60A', 2], ['ABS', 'B60B', 1]]
    .forEach(([n, h, a]) => { simple(n, h, a); simple('Q' + n, 'B7' + h, a); });
// compare_int + quiet
[['SGN', 'B8', 1], ['LESS', 'B9', 2], ['EQUAL', 'BA', 2], ['LEQ', 'BB', 2], ['GREATER', 'BC', 2], ['NEQ', 'BD', 2], ['GEQ', 'BE', 2], ['CMP', 'BF', 2]]
    .forEach(([n, h, a]) => { simple(n, h, a); simple('Q' + n, 'B7' + h, a); });
for (const n of ['LSHIFT_VAR', 'RSHIFT_VAR', 'POW2', 'FITSX', 'UFITSX']) OP[n].amount = OP['Q' + n].amount = 1023;
simple('ISNAN', 'C4', 1);
simple('CHKNAN', 'C5', 1);

const signed8 = (c) => c;
const plusOne = (c) => c - 1;
/** Instructions with an 8-bit immediate: `imm` is what the mnemonic shows. */
const withImm = (name, prefix, arity, enc) => (OP[name] = { name, arity, imm: enc === signed8 ? 'signed' : 'plus1', code: (c) => prefix + hex8(enc(c)) });
[['ADDCONST', 'A6', 'QADDINT'], ['MULCONST', 'A7', 'QMULINT']].forEach(([n, h, q]) => {
    withImm(n, h, 1, signed8);
    withImm(q, 'B7' + h, 1, signed8);
});
[['LSHIFT', 'AA'], ['RSHIFT', 'AB'], ['FITS', 'B4'], ['UFITS', 'B5']].forEach(([n, h]) => {
    withImm(n, h, 1, plusOne);
    withImm('Q' + n, 'B7' + h, 1, plusOne);
});
[['EQINT', 'C0'], ['LESSINT', 'C1'], ['GTINT', 'C2'], ['NEQINT', 'C3']].forEach(([n, h]) => {
    withImm(n, h, 1, signed8);
    withImm('Q' + n, 'B7' + h, 1, signed8);
});

// The division family: 8 groups of 12 nibbles (+ rounding code 3, invalid).
const ROUND = ['', 'R', 'C'];
const DIV_GROUPS = [
    // prefix, quiet prefix or null, operands before the instruction's inline part, inline shift?, names by result kind
    { key: 'divmod', prefix: 'A90', qprefix: 'B7A90', arity: 2, inline: false,
        names: (r) => [`ADDDIVMOD${r}`, `DIV${r}`, `MOD${r}`, `DIVMOD${r}`] },
    { key: 'shrmod', prefix: 'A92', qprefix: 'B7A92', arity: 2, inline: false,
        names: (r, q) => [r ? `ADDRSHIFTMOD${r}` : (q ? 'ADDRSHIFTMOD' : 'ADDRSHIFTMOD_VAR'), r ? `RSHIFT${r}_VAR` : 'RSHIFT_ALT', `MODPOW2${r}_VAR`, `RSHIFTMOD${r}_VAR`] },
    { key: 'shrmod_const', prefix: 'A93', qprefix: null, arity: 1, inline: true,
        names: (r) => [`ADDRSHIFT${r}MOD`, r ? `RSHIFT${r}` : 'RSHIFT_CONST_ALT', `MODPOW2${r}`, `RSHIFT${r}MOD`] },
    { key: 'muldivmod', prefix: 'A98', qprefix: 'B7A98', arity: 3, inline: false,
        names: (r) => [`MULADDDIVMOD${r}`, `MULDIV${r}`, `MULMOD${r}`, `MULDIVMOD${r}`] },
    { key: 'mulshrmod', prefix: 'A9A', qprefix: 'B7A9A', arity: 3, inline: false,
        names: (r) => [`MULADDRSHIFT${r}MOD_VAR`, `MULRSHIFT${r}_VAR`, `MULMODPOW2${r}_VAR`, `MULRSHIFT${r}MOD_VAR`] },
    { key: 'mulshrmod_const', prefix: 'A9B', qprefix: null, arity: 2, inline: true,
        names: (r) => [`MULADDRSHIFT${r}MOD`, `MULRSHIFT${r}`, `MULMODPOW2${r}`, `MULRSHIFT${r}MOD`] },
    { key: 'shldivmod', prefix: 'A9C', qprefix: 'B7A9C', arity: 3, inline: false,
        names: (r) => [`LSHIFTADDDIVMOD${r}_VAR`, `LSHIFTDIV${r}_VAR`, `LSHIFTMOD${r}_VAR`, `LSHIFTDIVMOD${r}_VAR`] },
    { key: 'shldivmod_const', prefix: 'A9D', qprefix: null, arity: 2, inline: true,
        names: (r) => [`LSHIFTADDDIVMOD${r}`, `LSHIFTDIV${r}`, `LSHIFTMOD${r}`, `LSHIFTDIVMOD${r}`] },
];
const DIV_OPS = [];
for (const g of DIV_GROUPS) {
    for (const quiet of g.qprefix ? [false, true] : [false]) {
        for (let kind = 0; kind < 4; kind++) {
            for (let rm = 0; rm < 3; rm++) {
                const base = g.names(ROUND[rm], quiet)[kind];
                const name = (quiet ? 'Q' : '') + base;
                const nibble = ((kind << 2) | rm).toString(16).toUpperCase();
                const pre = (quiet ? g.qprefix : g.prefix) + nibble;
                // Operands on the stack: the ADD forms (kind 0) take one more.
                const arity = g.arity + (kind === 0 ? 1 : 0);
                const op = g.inline
                    ? { name, arity, imm: 'plus1', group: g.key, add: kind === 0, code: (t) => pre + hex8(t - 1) }
                    : { name, arity, group: g.key, add: kind === 0, code: () => pre };
                // The shift amount on top of the stack (0..=256).
                if (!g.inline && g.key !== 'divmod' && g.key !== 'muldivmod') op.amount = 256;
                OP[name] = op;
                DIV_OPS.push(op);
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Vectors
// ---------------------------------------------------------------------------
const FILES = { main: [], div: [] };
let target = FILES.main;

/** One vector: instruction `op` (with immediate `imm`) on `operands` (bottom first). */
function vec(op, operands, opts = {}) {
    // Grids built around a width can step past the 257-bit range.
    if (operands.some((v) => typeof v === 'bigint' && (v < MIN || v > MAX))) return;
    const instr = op.code(opts.imm);
    const asm = op.imm ? `${op.name} ${opts.imm}` : op.name;
    const ops = operands.map(show).join(' ');
    let name = `${opts.prefix ?? ''}${op.name}${op.imm ? '#' + opts.imm : ''}(${ops})`;
    if (opts.global_version !== undefined) name += `@v${opts.global_version}`;
    if (opts.gas_limit !== undefined) name += `/gas${opts.gas_limit}`;
    // The name encodes everything that defines the run: skip repeats.
    if (target.some((v) => v.name === name)) return;
    target.push({
        name,
        description: opts.note,
        asm: `DROP; ${asm}`,
        code_hex: '30' + instr + (opts.suffix ?? ''),
        stack_in: operands.map(stackValue),
        gas_limit: opts.gas_limit,
        global_version: opts.global_version,
    });
}

/** Every combination of the given lists. */
function product(...lists) {
    return lists.reduce((acc, list) => acc.flatMap((a) => list.map((x) => [...a, x])), [[]]);
}

/** Stack underflow (one operand short) and type checks (null at the bottom and on top) for an instruction. */
function errorCases(op, imm, sample) {
    vec(op, sample.slice(1), { imm, note: 'stack underflow' });
    for (const i of new Set([0, sample.length - 1])) {
        const bad = [...sample];
        bad[i] = NULL;
        vec(op, bad, { imm, note: 'type check' });
    }
}

/** At most `n` evenly spaced items of `list` (first and last included). */
function spread(list, n) {
    if (list.length <= n) return list;
    return Array.from({ length: n }, (_, i) => list[Math.round((i * (list.length - 1)) / (n - 1))]);
}

const EDGE = [0n, 1n, -1n, 2n, -2n, 7n, -7n, P(62), P(63) - 1n, P(63), -P(63), -P(63) - 1n, P(64) - 1n, -P(64),
    P(128) + 3n, P(255), -P(255), P(255) - 1n, MAX, MAX - 1n, MIN, MIN + 1n, NAN];
const QEDGE = [0n, 1n, -1n, P(63), -P(63) - 1n, MAX, MIN, MIN + 1n, NAN];
const ARITH_BIN = [0n, 1n, -1n, -7n, P(63) - 1n, -P(63), MAX, MIN];
const LOGIC_BIN = [0n, -1n, 7n, -7n, MAX, MIN];
const QUIET_BIN = [0n, -1n, MAX, MIN];
const NAN_PAIRS = [[NAN, 0n], [0n, NAN], [NAN, -1n], [-1n, NAN], [NAN, 5n], [5n, NAN], [NAN, NAN], [NULL, NAN], [NAN, NULL]];

// ----- unary -----
for (const n of ['NEGATE', 'INC', 'DEC', 'NOT', 'ABS', 'SGN', 'BITSIZE', 'UBITSIZE']) {
    for (const q of ['', 'Q']) {
        const op = OP[q + n];
        for (const x of q ? QEDGE : EDGE) vec(op, [x]);
        errorCases(op, undefined, [5n]);
    }
}
for (const n of ['ISNAN', 'CHKNAN']) {
    for (const x of [0n, -1n, MAX, MIN, NAN]) vec(OP[n], [x]);
    errorCases(OP[n], undefined, [5n]);
}

// ----- binary -----
for (const n of ['ADD', 'SUB', 'SUBR', 'MUL', 'AND', 'OR', 'XOR', 'CMP']) {
    const grid = ['AND', 'OR', 'XOR', 'CMP'].includes(n) ? LOGIC_BIN : ARITH_BIN;
    for (const [x, y] of product(grid, grid)) vec(OP[n], [x, y]);
    for (const [x, y] of product(QUIET_BIN, QUIET_BIN)) vec(OP['Q' + n], [x, y]);
    for (const q of ['', 'Q']) {
        for (const pair of NAN_PAIRS) vec(OP[q + n], pair);
        errorCases(OP[q + n], undefined, [3n, 5n]);
    }
}
// MUL near the 257-bit limit and the 128-bit fast path.
for (const [x, y] of [[P(128), P(127)], [P(128), P(128)], [-P(128), P(128)], [P(255), 2n], [-P(255), 2n], [P(255), -2n],
    [P(200), P(56)], [P(200), P(55)], [MAX, -1n], [P(63), P(63)], [-P(63), -P(63)], [P(64) - 1n, P(64) - 1n], [MIN, 1n], [MIN, -1n]]) {
    vec(OP.MUL, [x, y]);
    vec(OP.QMUL, [x, y]);
}
for (const n of ['MIN', 'MAX', 'MINMAX', 'LESS', 'EQUAL', 'LEQ', 'GREATER', 'NEQ', 'GEQ']) {
    for (const q of ['', 'Q']) {
        const grid = q ? [0n, MAX, MIN] : [0n, 1n, -1n, MAX, MIN];
        for (const [x, y] of product(grid, grid)) vec(OP[q + n], [x, y]);
        for (const pair of q ? NAN_PAIRS.slice(0, 2) : NAN_PAIRS) vec(OP[q + n], pair);
        errorCases(OP[q + n], undefined, [3n, 5n]);
    }
}

// ----- immediates -----
const CONST_X = [0n, 5n, -5n, P(63) - 1n, -P(63), MAX, MAX - 100n, MIN, MIN + 100n, NAN];
for (const n of ['ADDCONST', 'MULCONST', 'QADDINT', 'QMULINT']) {
    for (const [c, x] of product([-128, -1, 0, 1, 127], CONST_X)) vec(OP[n], [x], { imm: c });
    errorCases(OP[n], 1, [5n]);
}
const SHIFT_X = [0n, 1n, -1n, 3n, -3n, P(63) - 1n, -P(63), P(200), -P(255), MAX, MIN, NAN];
for (const n of ['LSHIFT', 'QLSHIFT']) {
    const xs = n.startsWith('Q') ? [1n, -3n, MAX, MIN, NAN] : SHIFT_X;
    for (const [t, x] of product([1, 51, 52, 63, 64, 128, 255, 256], xs)) vec(OP[n], [x], { imm: t });
    errorCases(OP[n], 1, [5n]);
}
for (const n of ['RSHIFT', 'QRSHIFT']) {
    const xs = n.startsWith('Q') ? [1n, -3n, MAX, MIN, NAN] : SHIFT_X;
    for (const [t, x] of product([1, 2, 12, 13, 63, 64, 255, 256], xs)) vec(OP[n], [x], { imm: t });
    errorCases(OP[n], 1, [5n]);
}
for (const n of ['FITS', 'UFITS', 'QFITS', 'QUFITS']) {
    for (const t of n.startsWith('Q') ? [1, 8, 64, 256] : [1, 2, 8, 63, 64, 255, 256]) {
        const h = P(t - 1);
        for (const x of [h - 1n, h, -h, -h - 1n, P(t) - 1n, P(t), 0n, -1n, NAN]) vec(OP[n], [x], { imm: t });
    }
    errorCases(OP[n], 8, [5n]);
}
for (const n of ['EQINT', 'LESSINT', 'GTINT', 'NEQINT']) {
    for (const q of ['', 'Q']) {
        for (const y of q ? [-128, 0] : [-128, -1, 0, 127]) {
            for (const x of [BigInt(y) - 1n, BigInt(y), BigInt(y) + 1n, MAX, MIN, NAN]) vec(OP[q + n], [x], { imm: y });
        }
        errorCases(OP[q + n], 0, [5n]);
    }
}

// ----- shifts, POW2 and widths from the stack -----
const VAR_SHIFT_X = [0n, 1n, -3n, MAX, MIN, NAN];
const SHIFTS = [0n, 1n, 12n, 13n, 51n, 52n, 63n, 64n, 255n, 256n, 257n, 259n, 260n, 311n, 312n, 1023n, 1024n, -1n, P(32) + 1n, P(63), NAN];
for (const n of ['LSHIFT_VAR', 'RSHIFT_VAR', 'QLSHIFT_VAR', 'QRSHIFT_VAR']) {
    for (const [x, s] of product(n.startsWith('Q') ? [1n, MIN, NAN] : VAR_SHIFT_X, SHIFTS)) vec(OP[n], [x, s]);
    errorCases(OP[n], undefined, [5n, 3n]);
    vec(OP[n], [NULL, 2000n], { note: 'range check before the type check' });
}
for (const n of ['POW2', 'QPOW2']) {
    for (const s of [0n, 1n, 62n, 63n, 64n, 128n, 254n, 255n, 256n, 259n, 260n, 1023n, 1024n, -1n, P(32) + 1n, P(64), NAN]) vec(OP[n], [s]);
    errorCases(OP[n], undefined, [5n]);
}
const WIDTHS = [0n, 1n, 2n, 8n, 63n, 64n, 255n, 256n, 257n, 1023n, 1024n, -1n, P(32) + 1n, NAN];
const WIDTH_X = [0n, 1n, -1n, 128n, -129n, MAX, MIN, NAN];
for (const n of ['FITSX', 'UFITSX', 'QFITSX', 'QUFITSX']) {
    for (const [x, w] of product(n.startsWith('Q') ? [1n, -129n, MAX, NAN] : WIDTH_X, WIDTHS)) vec(OP[n], [x, w]);
    errorCases(OP[n], undefined, [5n, 8n]);
    vec(OP[n], [NULL, 1024n], { note: 'range check before the type check' });
}

// ----- version 13 changes (AND/OR/shifts of NaN, quiet shift ranges) -----
for (const n of ['AND', 'OR', 'QAND', 'QOR']) {
    for (const pair of [[NAN, 0n], [0n, NAN], [NAN, -1n], [-1n, NAN], [6n, 3n]]) vec(OP[n], pair, { global_version: 13 });
}
for (const n of ['LSHIFT_VAR', 'RSHIFT_VAR', 'QLSHIFT_VAR', 'QRSHIFT_VAR']) {
    for (const pair of [[NAN, 52n], [NAN, 5n], [NAN, 100n], [5n, 1024n], [5n, -1n], [5n, NAN], [5n, 3n]]) vec(OP[n], pair, { global_version: 13 });
}
for (const n of ['LSHIFT', 'RSHIFT', 'QPOW2', 'POW2']) {
    for (const x of OP[n].imm ? [NAN] : [1024n, NAN, 3n]) vec(OP[n], [x], { imm: OP[n].imm ? 100 : undefined, global_version: 13 });
}

// ----- gas -----
// DROP (18) then the instruction: one unit short of both runs out inside
// the instruction (charged in full first); up to 4 more run out at the
// implicit RET (5); 5 more is exactly enough.
for (const [n, args, imm] of [['ADD', [1n, 2n]], ['QADD', [1n, 2n]], ['ADDCONST', [1n], 5], ['EQINT', [1n], 1], ['MIN', [1n, 2n]], ['QMINMAX', [1n, 2n]]]) {
    const op = OP[n];
    const bits = op.code(imm).length * 4;
    const full = 18 + 10 + bits;
    for (const limit of [full - 1, full, full + 4, full + 5]) vec(op, args, { imm, gas_limit: limit });
}

// ---------------------------------------------------------------------------
// The division family
// ---------------------------------------------------------------------------
target = FILES.div;
// Operand lists per group, without the addend (inserted for the ADD forms)
// or the inline shift. Each covers the roundings on every sign combination,
// exact divisions, halves, overflow of the quotient, division by zero, the
// i64 / i128 fast-path boundaries and NaN in each position.
const DIVMOD_CASES = [[7n, 2n], [-7n, 2n], [7n, -2n], [-7n, -2n], [5n, 3n], [-5n, 3n], [5n, -3n], [-5n, -3n], [6n, 3n],
    [0n, 5n], [1n, 2n], [-1n, 2n], [MAX, 2n], [MIN, 2n], [MIN, -1n], [MAX, -1n], [MIN, 1n], [-P(63), -1n], [P(63) - 1n, -1n],
    [P(128) + 3n, P(64)], [-P(128) - 3n, P(64)], [MAX, MAX], [MIN, MAX], [7n, MIN], [7n, 0n], [NAN, 3n], [3n, NAN]];
const ADDEND = [0n, 1n, -1n, 3n, MAX, MIN, NAN];
const SHR_CASES = [[7n, 1n], [-7n, 1n], [5n, 1n], [-5n, 1n], [6n, 2n], [-6n, 2n], [7n, 2n], [-7n, 2n], [7n, 0n], [-7n, 0n],
    [P(63), 63n], [-P(63) - 1n, 63n], [P(63) - 1n, 64n], [MAX, 255n], [MAX, 256n], [MIN, 256n], [MIN, 255n], [-1n, 256n], [1n, 256n],
    [NAN, 0n], [NAN, 5n], [NAN, 12n], [NAN, 13n], [NAN, 256n], [7n, 257n], [7n, -1n], [7n, NAN], [7n, P(32) + 1n]];
const SHR_CONST = [1, 2, 12, 13, 63, 64, 255, 256];
const SHR_CONST_X = [7n, -7n, 5n, -5n, 6n, -6n, P(63) - 1n, -P(63), MAX, MIN, NAN];
const MULDIV_CASES = [[7n, 1n, 2n], [-7n, 1n, 2n], [7n, 1n, -2n], [7n, -1n, -2n], [5n, 1n, 3n], [-5n, 1n, 3n], [3n, 4n, 5n],
    [MAX, MAX, MAX], [MAX, MAX, MIN], [MIN, MIN, MIN], [MIN, MIN, MAX], [MAX, 2n, 4n], [MAX, 2n, 1n], [MIN, -1n, 1n], [MIN, 1n, -1n],
    [P(128), P(128), P(200)], [P(63), P(63), -1n], [-P(63), P(64), 3n], [P(127), P(127) - 1n, 7n], [3n, 4n, 0n],
    [NAN, 1n, 1n], [1n, NAN, 1n], [1n, 1n, NAN]];
const MULSHR_CASES = [[7n, 1n, 1n], [-7n, 1n, 1n], [5n, 1n, 1n], [-5n, 1n, 2n], [3n, 5n, 0n], [-3n, 5n, 2n], [MAX, MAX, 256n],
    [MIN, MIN, 256n], [MIN, MIN, 255n], [MAX, -1n, 256n], [MAX, 2n, 1n], [MAX, 2n, 0n], [MIN, -1n, 0n], [P(128), P(128), 0n],
    [P(63), P(63), 64n], [-P(63), P(63), 63n], [P(64) - 1n, P(64) - 1n, 65n], [NAN, 1n, 0n], [NAN, 1n, 5n], [NAN, 1n, 12n],
    [NAN, 1n, 13n], [1n, NAN, 256n], [3n, 5n, 257n], [3n, 5n, -1n], [3n, 5n, NAN], [3n, 5n, P(32) + 1n]];
const MULSHR_CONST_X = [[7n, 1n], [-7n, 1n], [5n, -1n], [-5n, -3n], [MAX, MAX], [MIN, MIN], [MAX, 2n], [P(63), P(63)], [NAN, 1n], [1n, NAN]];
const SHLDIV_CASES = [[7n, 3n, 1n], [-7n, 3n, 1n], [7n, -3n, 2n], [-7n, -3n, 2n], [1n, 3n, 0n], [5n, 2n, 0n], [-5n, 2n, 1n],
    [MAX, 1n, 1n], [MAX, 2n, 1n], [MAX, MAX, 256n], [MIN, MIN, 256n], [MIN, -1n, 0n], [1n, 3n, 256n], [-1n, 3n, 256n],
    [P(63), 7n, 64n], [5n, 0n, 3n], [NAN, 7n, 0n], [NAN, 7n, 51n], [NAN, 7n, 52n], [NAN, 7n, 256n], [7n, NAN, 3n],
    [7n, 3n, 257n], [7n, 3n, -1n], [7n, 3n, NAN],
    // The shift is truncated to 32 bits in the reference build (see div.rs).
    [7n, 3n, P(32) + 1n], [7n, 3n, -P(32) + 3n], [7n, 3n, P(31)], [7n, 3n, P(63)], [7n, 3n, -P(63)], [7n, 3n, MAX]];
const SHLDIV_CONST_X = [[7n, 3n], [-7n, 3n], [7n, -3n], [-7n, -3n], [MAX, 1n], [MAX, MAX], [MIN, 7n], [NAN, 7n], [7n, NAN], [5n, 0n]];
const SHLDIV_CONST = [1, 2, 51, 52, 64, 255, 256];

/** Inserts the addend `w` of an ADD form at `at` (its stack position). */
const withAddend = (ops, at, w) => [...ops.slice(0, at), w, ...ops.slice(at)];

// Per group: the operand cases (without the addend), where the addend of
// the ADD forms goes, the inline shifts, a valid operand sample for the
// error cases, and whether a shift amount is popped first.
const GROUP_CASES = {
    divmod: { cases: DIVMOD_CASES, addendAt: 1, sample: [7n, 2n] },
    shrmod: { cases: SHR_CASES, addendAt: 1, sample: [7n, 2n], popsShift: true },
    shrmod_const: { cases: SHR_CONST_X.map((x) => [x]), addendAt: 1, imms: SHR_CONST, sample: [7n] },
    muldivmod: { cases: MULDIV_CASES, addendAt: 2, sample: [7n, 3n, 2n] },
    mulshrmod: { cases: MULSHR_CASES, addendAt: 2, sample: [7n, 3n, 2n], popsShift: true },
    mulshrmod_const: { cases: MULSHR_CONST_X, addendAt: 2, imms: [1, 2, 13, 64, 256], sample: [7n, 3n] },
    shldivmod: { cases: SHLDIV_CASES, addendAt: 1, sample: [7n, 3n, 2n], popsShift: true },
    shldivmod_const: { cases: SHLDIV_CONST_X, addendAt: 1, imms: SHLDIV_CONST, sample: [7n, 3n] },
};
for (const op of DIV_OPS) {
    const g = GROUP_CASES[op.group];
    const quiet = op.name.startsWith('Q');
    const addends = quiet ? [1n, MAX, NAN] : ADDEND;
    const withW = (c) => (op.add ? addends.map((w) => withAddend(c, g.addendAt, w)) : [c]);
    const all = (g.imms ?? [undefined]).flatMap((imm) => g.cases.flatMap(withW).map((operands) => ({ operands, imm })));
    // Every case for the plain forms; an even spread for the quiet and ADD forms
    // and the inline-shift products.
    const cap = quiet ? 10 : op.add || g.imms ? 20 : all.length;
    for (const c of spread(all, cap)) vec(op, c.operands, { imm: c.imm });
    const sample = op.add ? withAddend(g.sample, g.addendAt, 1n) : g.sample;
    const imm = g.imms ? 3 : undefined;
    errorCases(op, imm, sample);
    if (g.popsShift) {
        const probe = [NULL, ...sample.slice(1, -1), 300n];
        vec(op, probe, { note: 'range check before the type check' });
    }
}
// Version gates: the ADD forms (nibbles 0-2) are invalid opcodes before
// version 4; rounding code 3 is always invalid (after the instruction's gas).
for (const n of ['ADDDIVMOD', 'QADDDIVMODC', 'ADDRSHIFTMOD_VAR', 'QADDRSHIFTMOD', 'ADDRSHIFTMOD', 'MULADDDIVMODR', 'QMULADDDIVMOD',
    'MULADDRSHIFTMOD_VAR', 'QMULADDRSHIFTCMOD_VAR', 'MULADDRSHIFTMOD', 'LSHIFTADDDIVMOD_VAR', 'QLSHIFTADDDIVMODR_VAR', 'LSHIFTADDDIVMOD']) {
    const op = OP[n];
    const args = Array.from({ length: op.arity }, (_, i) => BigInt(i + 2));
    for (const v of [3, 4]) vec(op, args, { imm: op.imm ? 2 : undefined, global_version: v });
}
for (const code of ['A903', 'A907', 'A90B', 'A90F', 'A923', 'A92F', 'A93300', 'A93F05', 'A983', 'A98B', 'A9A3', 'A9AF',
    'A9B300', 'A9BF05', 'A9C3', 'A9C7', 'A9D300', 'A9DF05', 'B7A903', 'B7A90F', 'B7A923', 'B7A983', 'B7A9A7', 'B7A9CB']) {
    const op = { name: `DIV_FAMILY_INVALID_${code}`, arity: 4, code: () => code };
    for (const v of [12, 3]) vec(op, [1n, 2n, 3n, 4n], { global_version: v, note: 'rounding code 3: invalid opcode' });
}
// The quiet inline-shift forms do not exist: B7A93x, B7A9Bx, B7A9Dx are unknown opcodes.
for (const code of ['B7A93400', 'B7A9B400', 'B7A9D400']) {
    vec({ name: `UNKNOWN_${code}`, arity: 3, code: () => code }, [1n, 2n, 3n], { note: 'not registered: invalid opcode' });
}
// Version 13: quiet MULRSHIFT/LSHIFTDIV give NaN for bad shifts and NaN operands.
for (const n of ['QMULRSHIFT_VAR', 'MULRSHIFT_VAR', 'QMULADDRSHIFTMOD_VAR', 'MULRSHIFTMOD']) {
    const op = OP[n];
    const cases = op.imm ? [[NAN, 3n], [3n, 5n]] : op.add ? [[3n, 5n, 1n, 300n], [NAN, 5n, 1n, 20n], [3n, 5n, NAN, 2n], [3n, 5n, 1n, 2n]]
        : [[3n, 5n, 300n], [3n, 5n, -1n], [3n, 5n, NAN], [NAN, 5n, 20n], [3n, 5n, 2n]];
    for (const c of cases) vec(op, c, { imm: op.imm ? 20 : undefined, global_version: 13 });
}
for (const n of ['QLSHIFTDIV_VAR', 'LSHIFTDIV_VAR', 'QLSHIFTADDDIVMOD_VAR', 'LSHIFTDIV', 'QRSHIFTMOD_VAR']) {
    const op = OP[n];
    const cases = op.imm ? [[NAN, 7n], [3n, 5n]] : op.arity === 4 ? [[NAN, 7n, 5n, 52n], [3n, 1n, 5n, 300n], [3n, 1n, 5n, 2n]]
        : op.arity === 2 ? [[NAN, 20n], [5n, 300n], [5n, NAN], [5n, 2n]]
            : [[NAN, 7n, 52n], [3n, 5n, 300n], [3n, 5n, NAN], [3n, 5n, 2n]];
    for (const c of cases) vec(op, c, { imm: op.imm ? 52 : undefined, global_version: 13 });
}
// Gas: out of gas inside a division (the instruction is charged first).
for (const [n, args, imm] of [['DIV', [7n, 2n]], ['QDIVMOD', [7n, 2n]], ['MULDIVR', [7n, 3n, 2n]], ['RSHIFTR', [7n], 2], ['QMULRSHIFT_VAR', [7n, 3n, 2n]]]) {
    const op = OP[n];
    const full = 18 + 10 + op.code(imm).length * 4;
    for (const limit of [full - 1, full + 4, full + 5]) vec(op, args, { imm, gas_limit: limit });
}

// ---------------------------------------------------------------------------
// Random cases (--random N): random instructions on random operands
// ---------------------------------------------------------------------------
function randomCases(count, seed, globalVersion) {
    const rnd = mulberry32(seed);
    const pickOf = (list) => list[Math.floor(rnd() * list.length)];
    const bits = (n) => {
        let v = 0n;
        for (let i = 0; i < n; i += 16) v = (v << 16n) | BigInt(Math.floor(rnd() * 65536));
        return v & (P(n) - 1n);
    };
    const value = () => {
        const r = rnd();
        if (r < 0.03) return NAN;
        if (r < 0.25) return pickOf(EDGE.filter((x) => x !== NAN));
        const width = pickOf([4, 8, 16, 62, 63, 64, 65, 100, 127, 128, 129, 200, 254, 255, 256]);
        const v = bits(width);
        return rnd() < 0.5 ? -v : v;
    };
    const shift = (max) => (rnd() < 0.05 ? BigInt(max + 1) : BigInt(Math.floor(rnd() * (max + 1))));
    const ops = Object.values(OP);
    target = [];
    for (let i = 0; i < count; i++) {
        const op = pickOf(ops);
        const n = op.name;
        let imm;
        if (op.imm === 'signed') imm = Math.floor(rnd() * 256) - 128;
        else if (op.imm) imm = 1 + Math.floor(rnd() * 256);
        const operands = Array.from({ length: op.arity }, value);
        // Shift amounts and widths on the stack are small numbers.
        if (op.amount) operands[operands.length - 1] = shift(op.amount);
        vec(op, operands, { imm, prefix: `random.${i}.`, global_version: globalVersion });
    }
    return target;
}

// ---------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------
function codeBoc(hex) {
    return cellToBoc(core.beginCell().storeBuffer(Buffer.from(hex, 'hex')).endCell());
}

function run(oracle, list) {
    const names = new Set();
    return list.map((v) => {
        if (names.has(v.name)) throw new Error(`duplicate vector name ${v.name}`);
        names.add(v.name);
        const stackIn = [...v.stack_in, I(SENTINEL)];
        const req = { code: codeBoc(v.code_hex), stack: stackIn, gas_limit: v.gas_limit ?? 1000000 };
        if (v.global_version !== undefined) req.global_version = v.global_version;
        const r = oracle.run(req);
        if (r.mode !== 'raw') throw new Error(`${v.name}: entry mode ${r.mode}`);
        const entry = { name: v.name };
        if (v.description) entry.description = v.description;
        Object.assign(entry, { asm: v.asm, code_hex: v.code_hex, code_boc: req.code, stack_in: stackIn, gas_limit: req.gas_limit });
        if (v.global_version !== undefined) entry.global_version = v.global_version;
        entry.expected = { exit_code: r.exit_code, gas_used: r.gas_used, stack: r.stack, c4: r.c4, c5: r.c5 };
        entry.oracle_mode = r.mode;
        return entry;
    });
}

function document(vectors, version, what, file) {
    return vectorDocument({
        description: `${what} with exit code, gas, stack and c4/c5 as produced by the reference C++ TVM. Every program is DROP of the int32 sentinel on top of stack_in (exact raw entry) then the instruction under test. Optional per-vector field: global_version (config param 8 for the run). See README.md.`,
        generator: 'gen_arith_vectors.mjs',
        file,
        version,
        config: CONFIG,
        vectors,
    });
}

const args = process.argv.slice(2);
const argOf = (flag, dflt) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : dflt);
if (args.includes('--count')) {
    console.log(`arith_vectors.json: ${FILES.main.length}, arith_div_vectors.json: ${FILES.div.length}`);
    process.exit(0);
}
const oracle = await createOracle({ config: CONFIG });
const version = oracle.version();

if (args.includes('--random')) {
    const count = Number(argOf('--random', '20000'));
    const seed = Number(argOf('--seed', '1'));
    const out = argOf('--out', '/dev/stdout');
    const globalVersion = args.includes('--version') ? Number(argOf('--version')) : undefined;
    const vectors = run(oracle, randomCases(count, seed, globalVersion));
    fs.writeFileSync(out, oneVectorPerLine(document(vectors, version, `${count} random integer instructions (seed ${seed})`, path.basename(out))));
    console.error(`wrote ${vectors.length} random vectors to ${out}`);
    process.exit(0);
}

const outputs = [
    ['arith_vectors.json', FILES.main, 'Integer arithmetic, logic, shifts and comparison (cp0 arithm_basic, arithm_logical, compare_int and their arithm_quiet forms)'],
    ['arith_div_vectors.json', FILES.div, 'The division family (cp0 arithm_div and its arithm_quiet forms: DIV/MOD, RSHIFT/MODPOW2, MULDIV, MULRSHIFT, LSHIFTDIV in all roundings)'],
];
let stale = false;
for (const [file, list, what] of outputs) {
    const text = oneVectorPerLine(document(run(oracle, list), version, what, file));
    if (!writeOrCheck(path.join(HERE, file), text, list.length, args.includes('--check'))) stale = true;
}
process.exit(stale ? 1 : 0);
