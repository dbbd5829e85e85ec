#!/usr/bin/env node
// Generates dictops_vectors.json: programs exercising every dictionary
// instruction of cp0 (categories dict_get, dict_set, dict_set_builder,
// dict_delete, dict_min, dict_next, dict_mayberef, dict_prefix, dict_serial,
// dict_special, dict_sub) with the exit code, gas, stack and c4/c5 that the
// reference TVM (../shared/oracle, the C++ TVM inside @ton/sandbox) produces.
//
//   bash ../shared/oracle/setup.sh                        (from the project root)
//   node conformance/vectors/gen_dictops_vectors.mjs [--check]
//
// The cases are generated systematically: every instruction over key widths
// 0/1/8/32/64/256/257/267/1023 with hits, misses and empty dictionaries,
// signed and unsigned integer keys in and out of range, NaN keys, short
// slice keys, wrong operand types, stack underflow, values that change the
// tree shape or overflow a leaf, repeated access (cell load vs reload gas),
// out of gas at every cell load / create of an operation, malformed
// dictionaries and library cells inside a dictionary, and the global-version
// gate of PFXDICTSET's depth check.
//
// Entry is exact: every program starts with DROP, and stack_in ends with the
// int32 sentinel that DROP removes (the oracle's "raw" mode). Dictionaries
// on stack_in are serialised with @ton/core (its label encoding; the VM reads
// any valid encoding). Some cases carry a hand-written expectation (exit
// code, top of stack); the generator refuses to write the file if the oracle
// disagrees. Everything recorded comes from the oracle. With --check nothing
// is written: the file is compared with a fresh run (exit 1 on a difference).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hexBits, uBits, bitsToHex, cellBits } from './lib/bits.mjs';
import { ins, hx, opTable, PUSHINT } from './lib/asm.mjs';
import { oracleRequire, cellOf, hashBits, libraryCell as library } from './lib/oracle.mjs';
import { cellProg as prog, I, NAN, NULL, C, S, B } from './lib/oracle.mjs';
import { generateSentinelFile } from './lib/output.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'dictops_vectors.json');
const { beginCell, Dictionary } = oracleRequire('@ton/core');

// ---------------------------------------------------------------------------
// The dictionary instructions (the rest of the assembler is lib/asm.mjs)
// ---------------------------------------------------------------------------
const DICT_OPS = {
    STDICT: 'F400', SKIPDICT: 'F401', LDDICTS: 'F402', PLDDICTS: 'F403', LDDICT: 'F404', PLDDICT: 'F405', LDDICTQ: 'F406', PLDDICTQ: 'F407',
    DICTGET: 'F40A', DICTGETREF: 'F40B', DICTIGET: 'F40C', DICTIGETREF: 'F40D', DICTUGET: 'F40E', DICTUGETREF: 'F40F',
    DICTGETOPTREF: 'F469', DICTIGETOPTREF: 'F46A', DICTUGETOPTREF: 'F46B',
    DICTSETGETOPTREF: 'F46D', DICTISETGETOPTREF: 'F46E', DICTUSETGETOPTREF: 'F46F',
    PFXDICTSET: 'F470', PFXDICTREPLACE: 'F471', PFXDICTADD: 'F472', PFXDICTDEL: 'F473',
    DICTIGETJMP: 'F4A0', DICTUGETJMP: 'F4A1', DICTIGETEXEC: 'F4A2', DICTUGETEXEC: 'F4A3',
    PFXDICTGETQ: 'F4A8', PFXDICTGET: 'F4A9', PFXDICTGETJMP: 'F4AA', PFXDICTGETEXEC: 'F4AB',
    SUBDICTGET: 'F4B1', SUBDICTIGET: 'F4B2', SUBDICTUGET: 'F4B3', SUBDICTRPGET: 'F4B5', SUBDICTIRPGET: 'F4B6', SUBDICTURPGET: 'F4B7',
    DICTIGETJMPZ: 'F4BC', DICTUGETJMPZ: 'F4BD', DICTIGETEXECZ: 'F4BE', DICTUGETEXECZ: 'F4BF',
};
// The regular families: base opcode, then slice / signed / unsigned forms (REF variants interleaved).
const SIX = (base, stem) => {
    const b = parseInt(base, 16);
    const names = [`DICT${stem}`, `DICT${stem}REF`, `DICTI${stem}`, `DICTI${stem}REF`, `DICTU${stem}`, `DICTU${stem}REF`];
    names.forEach((n, i) => (DICT_OPS[n] = (b + i).toString(16).toUpperCase()));
};
SIX('F412', 'SET');
SIX('F41A', 'SETGET');
SIX('F422', 'REPLACE');
SIX('F42A', 'REPLACEGET');
SIX('F432', 'ADD');
SIX('F43A', 'ADDGET');
SIX('F462', 'DELGET');
SIX('F482', 'MIN');
SIX('F48A', 'MAX');
SIX('F492', 'REMMIN');
SIX('F49A', 'REMMAX');
const THREE = (base, names) => names.forEach((n, i) => (DICT_OPS[n] = (parseInt(base, 16) + i).toString(16).toUpperCase()));
THREE('F441', ['DICTSETB', 'DICTISETB', 'DICTUSETB']);
THREE('F445', ['DICTSETGETB', 'DICTISETGETB', 'DICTUSETGETB']);
THREE('F449', ['DICTREPLACEB', 'DICTIREPLACEB', 'DICTUREPLACEB']);
THREE('F44D', ['DICTREPLACEGETB', 'DICTIREPLACEGETB', 'DICTUREPLACEGETB']);
THREE('F451', ['DICTADDB', 'DICTIADDB', 'DICTUADDB']);
THREE('F455', ['DICTADDGETB', 'DICTIADDGETB', 'DICTUADDGETB']);
THREE('F459', ['DICTDEL', 'DICTIDEL', 'DICTUDEL']);
['', 'I', 'U'].forEach((k, j) =>
    ['GETNEXT', 'GETNEXTEQ', 'GETPREV', 'GETPREVEQ'].forEach((s, i) => (DICT_OPS[`DICT${k}${s}`] = (0xf474 + 4 * j + i).toString(16).toUpperCase())),
);
const OTHER_OPS = { NOP: '00', SWAP: '01', DUP: '20', DROP: '30', NEWC: 'C8', ENDC: 'C9', CTOS: 'D0', PUSHNULL: '6D', PUSHNAN: '83FF' };
const op = opTable({ ...OTHER_OPS, ...DICT_OPS });
const DICTPUSHCONST = (n, root) => ins(hexBits('F4A4').slice(0, 14) + uBits(n, 10), `DICTPUSHCONST ${n}`, root ? [root] : []);
const PFXDICTCONSTGETJMP = (n, root) => ins(hexBits('F4AC').slice(0, 14) + uBits(n, 10), `PFXDICTCONSTGETJMP ${n}`, root ? [root] : []);

// ---------------------------------------------------------------------------
// Stack values
// ---------------------------------------------------------------------------
const SB = (bits, refs = []) => S(cellOf(bits, refs));
const D = (root) => (root ? C(root) : NULL);

// ---------------------------------------------------------------------------
// Dictionaries
// ---------------------------------------------------------------------------
const pow2 = (n) => 1n << BigInt(n);
const toSigned = (u, n) => (n > 0 && u >= pow2(n - 1) ? u - pow2(n) : u);
const toUnsigned = (v, n) => (v < 0n ? v + pow2(n) : v);
const SLICE_VALUE = { serialize: (src, b) => b.storeSlice(src.beginParse()), parse: (s) => s.asCell() };
/** A dictionary root of n-bit keys; entries: [unsigned key bigint, value cell (stored inline)]. */
function mkDict(n, entries) {
    if (entries.length === 0) return null;
    if (n === 0) {
        if (entries.length !== 1) throw new Error('a 0-bit dictionary has one key');
        const v = entries[0][1];
        return cellOf('00' + cellBits(v), v.refs);
    }
    const d = Dictionary.empty(Dictionary.Keys.BigUint(n), SLICE_VALUE);
    for (const [k, v] of entries) d.set(k, v);
    return beginCell().storeDictDirect(d).endCell();
}
const val = (i) => cellOf(uBits(0xa000 + i, 16));
const refVal = (i) => cellOf('', [val(i)]);
/** Keys (unsigned n-bit values) of the standard dictionary of width n. */
function stdKeys(n) {
    if (n === 0) return [0n];
    if (n === 1) return [0n, 1n];
    const all = pow2(n) - 1n;
    const pat = BigInt('0b' + '01'.repeat(Math.ceil(n / 2)).slice(0, n));
    // The alternating pattern only where its long label still fits a leaf cell.
    const ks = [0n, 1n, 2n, 5n, 0xabn & all, pow2(n - 1), pow2(n - 1) - 1n, all, all - 1n, ...(n <= 512 ? [pat] : [])];
    if (n > 256) ks.push(pow2(255), pow2(n) - pow2(256), pow2(256) - 1n);
    return [...new Set(ks)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
/** Keys not in the standard dictionary. */
function missKeys(n) {
    if (n <= 1) return [];
    const keys = new Set(stdKeys(n));
    const cands = [3n, pow2(n - 1) + 1n, 4n, (pow2(n) - 1n) ^ 1n ^ 2n];
    return cands.filter((k) => k < pow2(n) && !keys.has(k)).slice(0, 2);
}
const stdEntries = (n, value = val) => stdKeys(n).map((k, i) => [k, value(i)]);
const STD = new Map();
const stdDict = (n) => {
    if (!STD.has(n)) STD.set(n, mkDict(n, stdEntries(n)));
    return STD.get(n);
};
const REFD = new Map();
const refDict = (n) => {
    if (!REFD.has(n)) REFD.set(n, mkDict(n, stdEntries(n, refVal)));
    return REFD.get(n);
};
const keySlice = (k, n) => SB(uBits(k, n));
/** Whether an integer fits the key width (the reference's fits_bits). */
const fitsInt = (v, n, signed) => (signed ? (n === 0 ? v === 0n : v >= -pow2(n - 1) && v < pow2(n - 1)) : v >= 0n && v < pow2(n));
const INT_MIN = -pow2(256);
const INT_MAX = pow2(256) - 1n;

// ---------------------------------------------------------------------------
// The vectors
// ---------------------------------------------------------------------------
const V = [];
function vec(name, desc, body, want, opts = {}) {
    V.push({ name, desc, code: prog(op.DROP, ...body), want, opts });
}
const ok = (top) => ({ exit: 0, top });
const err = (exit) => ({ exit, stack: [0] });
const ANY = null;

const WIDTHS = [0, 1, 8, 32, 64, 256, 257, 267, 1023];
const KINDS = [
    { k: '', slice: true, signed: false },
    { k: 'I', slice: false, signed: true },
    { k: 'U', slice: false, signed: false },
];
/** The key operand for a kind: a slice of the key bits, or the integer they mean. */
function keyOperand(kind, k, n) {
    if (kind.slice) return keySlice(k, n);
    return I(kind.signed ? toSigned(k, n) : k);
}
/** Whether an integer key kind can express key k of width n. */
function expressible(kind, k, n) {
    if (kind.slice) return true;
    const v = kind.signed ? toSigned(k, n) : k;
    return v >= INT_MIN && v <= INT_MAX;
}
const widthOk = (kind, n, ordered = false) => kind.slice || !ordered || n <= (kind.signed ? 257 : 256);

// ===== dict_get: DICT{,I,U}GET{,REF} =====
for (const kind of KINDS) {
    for (const ref of [false, true]) {
        const name = `DICT${kind.k}GET${ref ? 'REF' : ''}`;
        for (const n of WIDTHS) {
            const root = ref ? refDict(n) : stdDict(n);
            const keys = stdKeys(n).filter((k) => expressible(kind, k, n));
            for (const k of new Set(keys.slice(0, 4).concat(keys.slice(-2)))) {
                vec(`get.${name.toLowerCase()}.n${n}.hit_${bitsToHex(uBits(k, n)) || 'e'}`, `${name} hit, ${n}-bit keys`, [op[name]], ok(-1), {
                    stack_in: [keyOperand(kind, k, n), C(root), I(n)],
                });
            }
            for (const k of missKeys(n).filter((k) => expressible(kind, k, n))) {
                vec(`get.${name.toLowerCase()}.n${n}.miss_${bitsToHex(uBits(k, n))}`, `${name} miss`, [op[name]], ok(0), {
                    stack_in: [keyOperand(kind, k, n), C(root), I(n)],
                });
            }
            const k0 = keys[0];
            vec(`get.${name.toLowerCase()}.n${n}.empty`, `${name} on an empty dictionary`, [op[name]], ok(0), {
                stack_in: [keyOperand(kind, k0, n), NULL, I(n)],
            });
        }
        // Errors and boundaries of the key operand.
        const t = `get.${name.toLowerCase()}`;
        vec(`${t}.underflow`, `${name} with two operands`, [op[name]], err(2), { stack_in: [C(stdDict(8)), I(8)] });
        vec(`${t}.n_range`, `${name} with n = 1024`, [op[name]], err(5), { stack_in: [keyOperand(kind, 1n, 8), NULL, I(1024)] });
        vec(`${t}.n_negative`, `${name} with n = -1`, [op[name]], err(5), { stack_in: [keyOperand(kind, 1n, 8), NULL, I(-1)] });
        vec(`${t}.n_nan`, `${name} with n = NaN`, [op[name]], err(5), { stack_in: [keyOperand(kind, 1n, 8), NULL, NAN] });
        vec(`${t}.dict_type`, `${name} with a slice as the dictionary`, [op[name]], err(7), { stack_in: [keyOperand(kind, 1n, 8), SB('1'), I(8)] });
        vec(`${t}.wrong_width`, `${name} of an 8-bit dictionary read with n = 16`, [op[name]], ANY, { stack_in: [keyOperand(kind, 1n, 16), C(stdDict(8)), I(16)] });
        if (kind.slice) {
            vec(`${t}.short_key`, `${name} with a 7-bit key slice for n = 8`, [op[name]], err(9), { stack_in: [SB('0000000'), C(stdDict(8)), I(8)] });
            vec(`${t}.long_key`, `${name} with a 12-bit key slice for n = 8 (first 8 bits used)`, [op[name]], ok(-1), { stack_in: [SB('000000011111'), C(ref ? refDict(8) : stdDict(8)), I(8)] });
            vec(`${t}.key_type`, `${name} with an int key`, [op[name]], err(7), { stack_in: [I(1), C(stdDict(8)), I(8)] });
        } else {
            const s = kind.signed;
            vec(`${t}.key_nan`, `${name} with a NaN key: integer overflow`, [op[name]], err(4), { stack_in: [NAN, C(stdDict(8)), I(8)] });
            vec(`${t}.key_type`, `${name} with a slice key`, [op[name]], err(7), { stack_in: [SB('00000001'), C(stdDict(8)), I(8)] });
            vec(`${t}.key_above`, `${name} with a key above the range: not found`, [op[name]], ok(0), { stack_in: [I(s ? 128 : 256), C(stdDict(8)), I(8)] });
            vec(`${t}.key_below`, `${name} with a key below the range: not found`, [op[name]], ok(0), { stack_in: [I(s ? -129 : -1), C(stdDict(8)), I(8)] });
            vec(`${t}.key_min_int`, `${name} with -2^256`, [op[name]], ANY, { stack_in: [I(INT_MIN), C(stdDict(257)), I(257)] });
            vec(`${t}.key_max_int`, `${name} with 2^256-1`, [op[name]], ANY, { stack_in: [I(INT_MAX), C(stdDict(256)), I(256)] });
            vec(`${t}.n0_nonzero`, `${name} with key 1 and n = 0: out of range`, [op[name]], ok(0), { stack_in: [I(1), C(stdDict(0)), I(0)] });
            vec(`${t}.n1023_neg`, `${name} with key -1 and n = 1023`, [op[name]], ok(s ? -1 : 0), { stack_in: [I(-1), C(ref ? refDict(1023) : stdDict(1023)), I(1023)] });
        }
    }
}

// ===== dict_set, dict_set_builder: SET / REPLACE / ADD, GET forms, REF / B values =====
const SET_WIDTHS = [0, 1, 8, 64, 257, 267, 1023];
for (const mode of ['SET', 'REPLACE', 'ADD']) {
    for (const get of [false, true]) {
        for (const vk of ['', 'REF', 'B']) {
            for (const kind of KINDS) {
                const name = vk === 'B' ? `DICT${kind.k}${mode}${get ? 'GET' : ''}B` : `DICT${kind.k}${mode}${get ? 'GET' : ''}${vk}`;
                const t = `set.${name.toLowerCase()}`;
                const newVal = vk === 'REF' ? C(val(99)) : vk === 'B' ? B(cellOf(uBits(0xbeef, 16))) : SB(uBits(0xcafe, 16));
                const dictOf = (n) => (vk === 'REF' ? refDict(n) : stdDict(n));
                for (const n of SET_WIDTHS) {
                    if (!kind.slice && n === 257 && !kind.signed) continue;
                    const keys = stdKeys(n).filter((k) => expressible(kind, k, n));
                    const existing = keys[Math.min(3, keys.length - 1)];
                    const fresh = missKeys(n).filter((k) => expressible(kind, k, n));
                    vec(`${t}.n${n}.existing`, `${name} on an existing key`, [op[name]], ANY, { stack_in: [newVal, keyOperand(kind, existing, n), C(dictOf(n)), I(n)] });
                    for (const k of fresh) {
                        vec(`${t}.n${n}.new_${bitsToHex(uBits(k, n))}`, `${name} on a missing key (new fork)`, [op[name]], ANY, {
                            stack_in: [newVal, keyOperand(kind, k, n), C(dictOf(n)), I(n)],
                        });
                    }
                    vec(`${t}.n${n}.empty`, `${name} into an empty dictionary`, [op[name]], ANY, { stack_in: [newVal, keyOperand(kind, keys[0], n), NULL, I(n)] });
                }
                vec(`${t}.underflow`, `${name} with three operands`, [op[name]], err(2), { stack_in: [keyOperand(kind, 1n, 8), C(dictOf(8)), I(8)] });
                vec(`${t}.n_range`, `${name} with n = 1024`, [op[name]], err(5), { stack_in: [newVal, keyOperand(kind, 1n, 8), NULL, I(1024)] });
                vec(`${t}.dict_type`, `${name} with an int as the dictionary`, [op[name]], err(7), { stack_in: [newVal, keyOperand(kind, 1n, 8), I(5), I(8)] });
                vec(`${t}.value_type`, `${name} with a value of the wrong type`, [op[name]], err(7), { stack_in: [I(1), keyOperand(kind, 1n, 8), C(dictOf(8)), I(8)] });
                if (kind.slice) {
                    vec(`${t}.short_key`, `${name} with a 5-bit key for n = 8: cell underflow after the value`, [op[name]], err(9), { stack_in: [newVal, SB('00001'), C(dictOf(8)), I(8)] });
                    vec(`${t}.short_key_bad_value`, `${name} with a short key and a wrong value: type check first`, [op[name]], err(7), { stack_in: [I(1), SB('00001'), C(dictOf(8)), I(8)] });
                } else {
                    vec(`${t}.key_nan`, `${name} with a NaN key: range check`, [op[name]], err(5), { stack_in: [newVal, NAN, C(dictOf(8)), I(8)] });
                    vec(`${t}.key_range`, `${name} with a key out of range: range check before the value`, [op[name]], err(5), { stack_in: [I(1), I(kind.signed ? 128 : -1), C(dictOf(8)), I(8)] });
                }
            }
        }
    }
}
// Values that change the tree shape and values that do not fit the leaf.
for (const [name, kind] of [['DICTUSETB', KINDS[2]], ['DICTSETB', KINDS[0]], ['DICTUADDB', KINDS[2]], ['DICTUSETGETB', KINDS[2]]]) {
    const t = `set.shape.${name.toLowerCase()}`;
    for (const bits of [0, 1, 100, 1000, 1006, 1007, 1008, 1023]) {
        vec(`${t}.value_${bits}_bits_n8`, `${name} of a ${bits}-bit builder under an 8-bit key`, [op[name]], ANY, {
            stack_in: [B(cellOf('1'.repeat(bits))), keyOperand(kind, 77n, 8), C(stdDict(8)), I(8)],
        });
    }
    vec(`${t}.value_4_refs`, `${name} of a builder with 4 refs`, [op[name]], ANY, {
        stack_in: [B(cellOf('1', [val(1), val(2), val(3), val(4)])), keyOperand(kind, 77n, 8), C(stdDict(8)), I(8)],
    });
    vec(`${t}.value_overflow_n1023_empty`, `${name} of 1 bit under a 1023-bit key into an empty dictionary`, [op[name]], ANY, {
        stack_in: [B(cellOf('1')), kind.slice ? keySlice(5n, 1023) : I(5), NULL, I(1023)],
    });
}
// Inserting keys one by one into a growing dictionary: every fork and label split.
{
    const n = 16;
    let root = null;
    const ks = [0x8000n, 0x8001n, 0x0001n, 0xffffn, 0x7fffn, 0x8080n, 0x80ffn, 0x4000n, 0x0000n, 0x1234n];
    const entries = [];
    for (const [i, k] of ks.entries()) {
        vec(`set.grow.n16.step${i}`, `DICTUSET of key ${k} into a dictionary of ${i} keys`, [op.DICTUSET], ANY, { stack_in: [SB(uBits(0xc000 + i, 16)), I(k), D(root), I(n)] });
        entries.push([k, cellOf(uBits(0xc000 + i, 16))]);
        root = mkDict(n, entries);
    }
    for (const [i, k] of ks.entries()) {
        vec(`set.grow.n16.replace${i}`, `DICTUREPLACEGET of key ${k} in the grown dictionary`, [op.DICTUREPLACEGET], ANY, { stack_in: [SB(uBits(0xd00 + i, 12)), I(k), C(root), I(n)] });
        vec(`set.grow.n16.delete${i}`, `DICTUDELGET of key ${k} in the grown dictionary (edges merge)`, [op.DICTUDELGET], ANY, { stack_in: [I(k), C(root), I(n)] });
    }
    // Several updates in one program: later ones reload cells created earlier.
    vec('set.chain.three_sets', 'three DICTUSETs in a row on one dictionary', [PUSHINT(16), op.DICTUSET, PUSHINT(16), op.DICTUSET, PUSHINT(16), op.DICTUSET], ANY, {
        stack_in: [SB('0101'), I(3), SB('0110'), I(2), SB('0111'), I(1), NULL],
    });
}

// ===== dict_delete: DICT{,I,U}DEL, DICT{,I,U}DELGET{,REF} =====
for (const kind of KINDS) {
    for (const form of ['DEL', 'DELGET', 'DELGETREF']) {
        const name = `DICT${kind.k}${form}`;
        const t = `del.${name.toLowerCase()}`;
        const dictOf = (n) => (form === 'DELGETREF' ? refDict(n) : stdDict(n));
        for (const n of [0, 1, 8, 32, 256, 257, 267, 1023]) {
            const keys = stdKeys(n).filter((k) => expressible(kind, k, n));
            for (const k of new Set([keys[0], keys[Math.floor(keys.length / 2)], keys[keys.length - 1]])) {
                vec(`${t}.n${n}.hit_${bitsToHex(uBits(k, n)) || 'e'}`, `${name} of an existing key`, [op[name]], ok(-1), { stack_in: [keyOperand(kind, k, n), C(dictOf(n)), I(n)] });
            }
            for (const k of missKeys(n).filter((k) => expressible(kind, k, n)).slice(0, 1)) {
                vec(`${t}.n${n}.miss`, `${name} of a missing key`, [op[name]], ok(0), { stack_in: [keyOperand(kind, k, n), C(dictOf(n)), I(n)] });
            }
            vec(`${t}.n${n}.empty`, `${name} on an empty dictionary`, [op[name]], ok(0), { stack_in: [keyOperand(kind, keys[0], n), NULL, I(n)] });
        }
        vec(`${t}.last_key`, `${name} of the only key: the dictionary becomes null`, [op[name]], ok(-1), { stack_in: [keyOperand(kind, 5n, 8), C(mkDict(8, [[5n, form === 'DELGETREF' ? refVal(0) : val(0)]])), I(8)] });
        vec(`${t}.underflow`, `${name} with two operands`, [op[name]], err(2), { stack_in: [C(dictOf(8)), I(8)] });
        vec(`${t}.dict_type`, `${name} with a builder as the dictionary`, [op[name]], err(7), { stack_in: [keyOperand(kind, 1n, 8), B(cellOf('')), I(8)] });
        if (kind.slice) {
            vec(`${t}.short_key`, `${name} with a short key`, [op[name]], err(9), { stack_in: [SB('101'), C(dictOf(8)), I(8)] });
        } else {
            vec(`${t}.key_nan`, `${name} with a NaN key`, [op[name]], err(4), { stack_in: [NAN, C(dictOf(8)), I(8)] });
            vec(`${t}.key_range`, `${name} with a key out of range: range check`, [op[name]], err(5), { stack_in: [I(kind.signed ? 200 : -3), C(dictOf(8)), I(8)] });
        }
    }
}
vec('del.delgetref.not_a_ref', 'DICTUDELGETREF of a slice value: dictionary error', [op.DICTUDELGETREF], err(10), { stack_in: [I(5), C(stdDict(8)), I(8)] });
vec('get.getref.not_a_ref', 'DICTUGETREF of a slice value: dictionary error', [op.DICTUGETREF], err(10), { stack_in: [I(5), C(stdDict(8)), I(8)] });
vec('set.setgetref.not_a_ref', 'DICTUSETGETREF over a slice value: dictionary error', [op.DICTUSETGETREF], err(10), { stack_in: [C(val(1)), I(5), C(stdDict(8)), I(8)] });

// ===== dict_mayberef: GETOPTREF, SETGETOPTREF =====
for (const kind of KINDS) {
    const g = `DICT${kind.k}GETOPTREF`;
    const s = `DICT${kind.k}SETGETOPTREF`;
    for (const n of [0, 1, 8, 64, 257, 1023]) {
        if (!kind.slice && !kind.signed && n === 257) continue;
        const keys = stdKeys(n).filter((k) => expressible(kind, k, n));
        const k = keys[keys.length - 1];
        const miss = missKeys(n).filter((m) => expressible(kind, m, n))[0];
        vec(`opt.${g.toLowerCase()}.n${n}.hit`, `${g} hit`, [op[g]], ok('cell'), { stack_in: [keyOperand(kind, k, n), C(refDict(n)), I(n)] });
        if (miss !== undefined) vec(`opt.${g.toLowerCase()}.n${n}.miss`, `${g} miss: null`, [op[g]], ok('null'), { stack_in: [keyOperand(kind, miss, n), C(refDict(n)), I(n)] });
        vec(`opt.${g.toLowerCase()}.n${n}.empty`, `${g} on an empty dictionary: null`, [op[g]], ok('null'), { stack_in: [keyOperand(kind, k, n), NULL, I(n)] });
        vec(`opt.${s.toLowerCase()}.n${n}.replace`, `${s} over an existing key`, [op[s]], ok('cell'), { stack_in: [C(val(77)), keyOperand(kind, k, n), C(refDict(n)), I(n)] });
        if (miss !== undefined) vec(`opt.${s.toLowerCase()}.n${n}.insert`, `${s} of a new key`, [op[s]], ok('null'), { stack_in: [C(val(77)), keyOperand(kind, miss, n), C(refDict(n)), I(n)] });
        vec(`opt.${s.toLowerCase()}.n${n}.delete`, `${s} with null: deletes`, [op[s]], ok('cell'), { stack_in: [NULL, keyOperand(kind, k, n), C(refDict(n)), I(n)] });
        if (miss !== undefined) vec(`opt.${s.toLowerCase()}.n${n}.delete_missing`, `${s} with null on a missing key`, [op[s]], ok('null'), { stack_in: [NULL, keyOperand(kind, miss, n), C(refDict(n)), I(n)] });
        vec(`opt.${s.toLowerCase()}.n${n}.empty_null`, `${s} with null on an empty dictionary`, [op[s]], ok('null'), { stack_in: [NULL, keyOperand(kind, k, n), NULL, I(n)] });
    }
    vec(`opt.${g.toLowerCase()}.not_a_ref`, `${g} of a slice value: dictionary error`, [op[g]], err(10), { stack_in: [keyOperand(kind, 5n, 8), C(stdDict(8)), I(8)] });
    vec(`opt.${s.toLowerCase()}.not_a_ref`, `${s} over a slice value: dictionary error`, [op[s]], err(10), { stack_in: [C(val(3)), keyOperand(kind, 5n, 8), C(stdDict(8)), I(8)] });
    vec(`opt.${s.toLowerCase()}.value_type`, `${s} with a slice as the new value`, [op[s]], err(7), { stack_in: [SB('1'), keyOperand(kind, 5n, 8), C(refDict(8)), I(8)] });
    vec(`opt.${s.toLowerCase()}.underflow`, `${s} with three operands`, [op[s]], err(2), { stack_in: [keyOperand(kind, 5n, 8), C(refDict(8)), I(8)] });
    if (!kind.slice) {
        vec(`opt.${g.toLowerCase()}.key_range`, `${g} with a key out of range: null`, [op[g]], ok('null'), { stack_in: [I(kind.signed ? -200 : 256), C(refDict(8)), I(8)] });
        vec(`opt.${g.toLowerCase()}.key_nan`, `${g} with a NaN key`, [op[g]], err(4), { stack_in: [NAN, C(refDict(8)), I(8)] });
        vec(`opt.${s.toLowerCase()}.key_range`, `${s} with a key out of range: range check`, [op[s]], err(5), { stack_in: [NULL, I(kind.signed ? -200 : 256), C(refDict(8)), I(8)] });
        vec(`opt.${s.toLowerCase()}.key_nan`, `${s} with a NaN key: range check`, [op[s]], err(5), { stack_in: [NULL, NAN, C(refDict(8)), I(8)] });
    } else {
        vec(`opt.${s.toLowerCase()}.short_key`, `${s} with a short key: underflow after the value`, [op[s]], err(9), { stack_in: [NULL, SB('11'), C(refDict(8)), I(8)] });
    }
}

// ===== dict_min: MIN / MAX / REMMIN / REMMAX =====
for (const stem of ['MIN', 'MAX', 'REMMIN', 'REMMAX']) {
    for (const kind of KINDS) {
        for (const ref of [false, true]) {
            const name = `DICT${kind.k}${stem}${ref ? 'REF' : ''}`;
            const t = `min.${name.toLowerCase()}`;
            const dictOf = (n) => (ref ? refDict(n) : stdDict(n));
            for (const n of [0, 1, 8, 64, 256, 257, 1023]) {
                if (!widthOk(kind, n, true)) continue;
                vec(`${t}.n${n}`, `${name} of the standard ${n}-bit dictionary`, [op[name]], ok(-1), { stack_in: [C(dictOf(n)), I(n)] });
            }
            vec(`${t}.empty`, `${name} of an empty dictionary`, [op[name]], ok(0), { stack_in: [NULL, I(8)] });
            vec(`${t}.single`, `${name} of a one-key dictionary`, [op[name]], ok(-1), { stack_in: [C(mkDict(8, [[200n, ref ? refVal(1) : val(1)]])), I(8)] });
            const maxN = kind.slice ? 1023 : kind.signed ? 257 : 256;
            vec(`${t}.n_range`, `${name} with n = ${maxN + 1}`, [op[name]], err(5), { stack_in: [NULL, I(maxN + 1)] });
            vec(`${t}.underflow`, `${name} with one operand`, [op[name]], err(2), { stack_in: [I(8)] });
            vec(`${t}.dict_type`, `${name} with an int dictionary`, [op[name]], err(7), { stack_in: [I(0), I(8)] });
        }
    }
}
vec('min.dictumin.wrong_width', 'DICTUMIN of an 8-bit dictionary read as 16-bit', [op.DICTUMIN], ANY, { stack_in: [C(stdDict(8)), I(16)] });
vec('min.dictminref.not_a_ref', 'DICTMINREF of a slice value: dictionary error', [op.DICTMINREF], err(10), { stack_in: [C(stdDict(8)), I(8)] });
vec('min.dictremmaxref.not_a_ref', 'DICTREMMAXREF of a slice value: dictionary error', [op.DICTREMMAXREF], err(10), { stack_in: [C(stdDict(8)), I(8)] });
vec('min.dictremmin.all', 'DICTUREMMIN three times', [op.DICTUREMMIN, op.DROP, op.DROP, op.DROP, PUSHINT(8), op.DICTUREMMIN, op.DROP, op.DROP, op.DROP, PUSHINT(8), op.DICTUREMMIN], ANY, { stack_in: [C(mkDict(8, [[1n, val(1)], [9n, val(2)], [130n, val(3)]])), I(8)] });

// ===== dict_next: GETNEXT / GETPREV (EQ) =====
for (const kind of KINDS) {
    for (const stem of ['GETNEXT', 'GETNEXTEQ', 'GETPREV', 'GETPREVEQ']) {
        const name = `DICT${kind.k}${stem}`;
        const t = `next.${name.toLowerCase()}`;
        for (const n of [1, 8, 64, 256, 257, 1023]) {
            if (!widthOk(kind, n, true)) continue;
            const keys = stdKeys(n).filter((k) => expressible(kind, k, n));
            const hints = [...new Set([...keys.slice(0, 3), keys[keys.length - 1], ...missKeys(n)])].filter((k) => expressible(kind, k, n));
            for (const k of hints) {
                vec(`${t}.n${n}.at_${bitsToHex(uBits(k, n))}`, `${name} from ${k}`, [op[name]], ANY, { stack_in: [keyOperand(kind, k, n), C(stdDict(n)), I(n)] });
            }
            vec(`${t}.n${n}.empty`, `${name} on an empty dictionary`, [op[name]], ok(0), { stack_in: [keyOperand(kind, keys[0], n), NULL, I(n)] });
        }
        if (!kind.slice) {
            for (const [label, v] of [['above', kind.signed ? 128n : 256n], ['below', kind.signed ? -129n : -1n], ['far_above', INT_MAX], ['far_below', INT_MIN]]) {
                vec(`${t}.out_${label}`, `${name} from ${v}, outside the 8-bit range`, [op[name]], ANY, { stack_in: [I(v), C(stdDict(8)), I(8)] });
            }
            vec(`${t}.key_nan`, `${name} with a NaN hint`, [op[name]], err(4), { stack_in: [NAN, C(stdDict(8)), I(8)] });
            vec(`${t}.n0`, `${name} on a 0-bit dictionary`, [op[name]], ANY, { stack_in: [I(0), C(stdDict(0)), I(0)] });
            vec(`${t}.n0_out`, `${name} from 5 on a 0-bit dictionary`, [op[name]], ANY, { stack_in: [I(5), C(stdDict(0)), I(0)] });
        } else {
            vec(`${t}.short_hint`, `${name} with a short hint`, [op[name]], err(9), { stack_in: [SB('1'), C(stdDict(8)), I(8)] });
            vec(`${t}.n0`, `${name} on a 0-bit dictionary`, [op[name]], ANY, { stack_in: [SB(''), C(stdDict(0)), I(0)] });
        }
        const maxN = kind.slice ? 1023 : kind.signed ? 257 : 256;
        vec(`${t}.n_range`, `${name} with n = ${maxN + 1}`, [op[name]], err(5), { stack_in: [keyOperand(kind, 0n, 8), NULL, I(maxN + 1)] });
        vec(`${t}.underflow`, `${name} with two operands`, [op[name]], err(2), { stack_in: [NULL, I(8)] });
    }
}

// ===== dict_prefix: PFXDICTSET / REPLACE / ADD / DEL =====
/** hml label of the given bits under max length m (long form, always valid). */
function pfxLabel(bits, m) {
    const k = m === 0 ? 0 : Math.ceil(Math.log2(m + 1));
    return '10' + uBits(bits.length, k) + bits;
}
/** Keys of the prefix dictionary the programs build: a prefix code. */
const PFX_KEYS = ['0', '10', '110', '1110'];
{
    // PFXDICTSET building a dictionary from scratch, then every operation on it.
    const mk = (keys) => {
        const instrs = [op.PUSHNULL];
        for (const [i, k] of keys.entries()) {
            instrs.push(
                ins(hexBits('8B') + pushSliceBits(uBits(0xe0 + i, 8)), `PUSHSLICE x{${(0xe0 + i).toString(16)}}`),
                op.SWAP,
                ins(hexBits('8B') + pushSliceBits(k), `PUSHSLICE ${k}`),
                op.SWAP,
                PUSHINT(8),
                op.PFXDICTSET,
                op.DROP,
            );
        }
        return instrs;
    };
    for (const keys of [['0'], ['0', '10'], PFX_KEYS, [''], ['11111111', '0'], ['1', '0']]) {
        vec(`pfx.build.${keys.map((k) => k || 'e').join('_')}`, `PFXDICTSET of keys ${keys.join(',')}`, mk(keys), { exit: 0 }, {});
    }
    const built = mk(PFX_KEYS);
    for (const name of ['PFXDICTSET', 'PFXDICTREPLACE', 'PFXDICTADD']) {
        for (const k of ['0', '10', '1110', '11110', '1111', '11', '', '111111111', '01']) {
            vec(`pfx.${name.toLowerCase()}.key_${k || 'e'}`, `${name} of key ${k || '(empty)'} on {0,10,110,1110}`, [...built, PUSHINT(8), op[name]], ANY, {
                stack_in: [SB('1011'), SB(k)],
            });
        }
        vec(`pfx.${name.toLowerCase()}.empty`, `${name} into an empty prefix dictionary`, [op[name]], ANY, { stack_in: [SB('1011'), SB('01'), NULL, I(8)] });
        vec(`pfx.${name.toLowerCase()}.n_range`, `${name} with n = 1024`, [op[name]], err(5), { stack_in: [SB('1011'), SB('01'), NULL, I(1024)] });
        vec(`pfx.${name.toLowerCase()}.underflow_v12`, `${name} with three operands (version 12: depth 4 checked)`, [op[name]], err(2), { stack_in: [SB('01'), NULL, I(8)] });
        vec(`pfx.${name.toLowerCase()}.underflow_v8`, `${name} with three operands at version 8 (depth 3 checked)`, [op[name]], err(2), { stack_in: [SB('01'), NULL, I(8)], global_version: 8 });
        vec(`pfx.${name.toLowerCase()}.value_type`, `${name} with an int value`, [op[name]], err(7), { stack_in: [I(3), SB('01'), NULL, I(8)] });
        vec(`pfx.${name.toLowerCase()}.big_value`, `${name} of a value that does not fit the leaf`, [op[name]], ANY, { stack_in: [SB('1'.repeat(1015)), SB('01'), NULL, I(8)] });
    }
    for (const k of ['0', '10', '1110', '11', '111', '', '0000', '11110']) {
        vec(`pfx.pfxdictdel.key_${k || 'e'}`, `PFXDICTDEL of key ${k || '(empty)'} on {0,10,110,1110}`, [...built, PUSHINT(8), op.PFXDICTDEL], ANY, { stack_in: [SB(k)] });
    }
    vec('pfx.pfxdictdel.empty', 'PFXDICTDEL on an empty dictionary', [op.PFXDICTDEL], ok(0), { stack_in: [SB('0'), NULL, I(8)] });
    vec('pfx.pfxdictdel.underflow_v12', 'PFXDICTDEL with two operands', [op.PFXDICTDEL], err(2), { stack_in: [NULL, I(8)] });
    vec('pfx.pfxdictdel.underflow_v8', 'PFXDICTDEL with two operands at version 8', [op.PFXDICTDEL], err(2), { stack_in: [NULL, I(8)], global_version: 8 });
    // Lookups: GETQ / GET / GETJMP / GETEXEC.
    for (const name of ['PFXDICTGETQ', 'PFXDICTGET', 'PFXDICTGETJMP', 'PFXDICTGETEXEC']) {
        for (const input of ['0', '01101', '10', '1100000', '1110', '11101111', '1111', '', '1']) {
            vec(`pfx.${name.toLowerCase()}.in_${input || 'e'}`, `${name} of ${input || '(empty)'} on {0,10,110,1110}`, [...built, PUSHINT(8), op[name], PUSHINT(9)], ANY, { stack_in: [SB(input)] });
        }
        vec(`pfx.${name.toLowerCase()}.empty`, `${name} on an empty dictionary`, [op[name]], ANY, { stack_in: [SB('0'), NULL, I(8)] });
        vec(`pfx.${name.toLowerCase()}.underflow`, `${name} with two operands`, [op[name]], err(2), { stack_in: [NULL, I(8)] });
        vec(`pfx.${name.toLowerCase()}.input_type`, `${name} with an int input`, [op[name]], err(7), { stack_in: [I(0), NULL, I(8)] });
    }
    // Values that are code: a jump runs them.
    const codeDict = mkPfxCode();
    for (const name of ['PFXDICTGETJMP', 'PFXDICTGETEXEC', 'PFXDICTGET', 'PFXDICTGETQ']) {
        for (const input of ['0111', '10', '11']) {
            vec(`pfx.code.${name.toLowerCase()}.in_${input}`, `${name} with code values, input ${input}`, [op[name], PUSHINT(9)], ANY, { stack_in: [SB(input), C(codeDict), I(4)] });
        }
    }
    for (const input of ['0111', '10', '11', '']) {
        vec(`pfx.const_getjmp.in_${input || 'e'}`, `PFXDICTCONSTGETJMP with code values, input ${input || '(empty)'}`, [PFXDICTCONSTGETJMP(4, codeDict), PUSHINT(9)], ANY, { stack_in: [SB(input)] });
    }
    vec('pfx.const_getjmp.no_ref', 'PFXDICTCONSTGETJMP without a ref: invalid opcode', [PFXDICTCONSTGETJMP(4, null)], err(6), { stack_in: [SB('0')] });
    vec('pfx.const_getjmp.input_type', 'PFXDICTCONSTGETJMP with an int input', [PFXDICTCONSTGETJMP(4, codeDict)], err(7), { stack_in: [I(1)] });
    vec('pfx.const_getjmp.underflow', 'PFXDICTCONSTGETJMP on an empty stack', [PFXDICTCONSTGETJMP(4, codeDict)], err(2), {});
}
/** A prefix dictionary of max length 4 with code values: 0 -> PUSHINT 1, 10 -> PUSHINT 2. */
function mkPfxCode() {
    const leaf0 = cellOf(pfxLabel('', 3) + '0' + hexBits('71'));
    const leaf10 = cellOf(pfxLabel('0', 3) + '0' + hexBits('72'));
    const right = cellOf(pfxLabel('', 3) + '1', [leaf10, cellOf(pfxLabel('1', 2) + '0' + hexBits('73'))]);
    return cellOf(pfxLabel('', 4) + '1', [leaf0, right]);
}
function pushSliceBits(bits) {
    const x = Math.max(0, Math.ceil((bits.length + 1 - 4) / 8));
    let data = bits + '1';
    while (data.length < 8 * x + 4) data += '0';
    return uBits(x, 4) + data;
}

// ===== dict_serial =====
{
    const D8 = stdDict(8);
    vec('serial.stdict.cell', 'STDICT of a dictionary', [op.NEWC, op.STDICT], ANY, { stack_in: [C(D8)] });
    vec('serial.stdict.null', 'STDICT of null', [op.NEWC, op.STDICT], ANY, { stack_in: [NULL] });
    vec('serial.stdict.full_bits', 'STDICT into a builder with no free bit', [op.STDICT], err(8), { stack_in: [C(D8), B(cellOf('1'.repeat(1023)))] });
    vec('serial.stdict.full_refs', 'STDICT into a builder with no free ref', [op.STDICT], err(8), { stack_in: [C(D8), B(cellOf('1', [val(1), val(2), val(3), val(4)]))] });
    vec('serial.stdict.null_full_refs', 'STDICT of null into a builder with no free ref', [op.STDICT], ANY, { stack_in: [NULL, B(cellOf('1', [val(1), val(2), val(3), val(4)]))] });
    vec('serial.stdict.underflow', 'STDICT with one operand', [op.STDICT], err(2), { stack_in: [B(cellOf(''))] });
    vec('serial.stdict.type', 'STDICT of a slice', [op.NEWC, op.STDICT], err(7), { stack_in: [SB('1')] });
    vec('serial.stdict.builder_type', 'STDICT into a cell', [op.STDICT], err(7), { stack_in: [NULL, C(D8)] });
    const inputs = {
        some: SB('1' + '0101', [D8]),
        none: SB('0' + '0101'),
        none_with_ref: SB('0', [val(1)]),
        some_no_ref: SB('1'),
        empty: SB(''),
        just_one: SB('1', [D8]),
    };
    for (const name of ['SKIPDICT', 'LDDICTS', 'PLDDICTS', 'LDDICT', 'PLDDICT', 'LDDICTQ', 'PLDDICTQ']) {
        for (const [label, s] of Object.entries(inputs)) {
            vec(`serial.${name.toLowerCase()}.${label}`, `${name} of ${label}`, [op[name]], ANY, { stack_in: [s] });
        }
        vec(`serial.${name.toLowerCase()}.type`, `${name} of an int`, [op[name]], err(7), { stack_in: [I(1)] });
        vec(`serial.${name.toLowerCase()}.underflow`, `${name} on an empty stack`, [op[name]], err(2), {});
    }
}

// ===== dict_special: DICT{I,U}GET{JMP,EXEC}{,Z}, DICTPUSHCONST =====
{
    const code = (hex) => cellOf(hexBits(hex));
    const codeDict = (n) => {
        const keys = n === 0 ? [0n] : [0n, 1n, 5n, pow2(n) - 1n].filter((k) => k < pow2(n));
        return mkDict(n, [...new Set(keys)].map((k, i) => [k, code((0x71 + i).toString(16))]));
    };
    for (const name of ['DICTIGETJMP', 'DICTUGETJMP', 'DICTIGETEXEC', 'DICTUGETEXEC', 'DICTIGETJMPZ', 'DICTUGETJMPZ', 'DICTIGETEXECZ', 'DICTUGETEXECZ']) {
        const signed = name.startsWith('DICTI');
        const t = `jmp.${name.toLowerCase()}`;
        for (const n of [0, 1, 8, 32, 257, 1023]) {
            const root = codeDict(n);
            const ks = n === 0 ? [0n] : [0n, 1n, 5n, pow2(n) - 1n].filter((k) => k < pow2(n));
            for (const k of new Set(ks.concat(n > 2 ? [2n] : []))) {
                const v = signed ? toSigned(k, n) : k;
                if (v < INT_MIN || v > INT_MAX) continue;
                vec(`${t}.n${n}.key_${v}`, `${name} with index ${v}`, [op[name], PUSHINT(9)], ANY, { stack_in: [I(v), C(root), I(n)] });
            }
            vec(`${t}.n${n}.empty`, `${name} on an empty dictionary`, [op[name], PUSHINT(9)], ANY, { stack_in: [I(0), NULL, I(n)] });
        }
        vec(`${t}.out_of_range`, `${name} with an index out of range`, [op[name], PUSHINT(9)], ANY, { stack_in: [I(signed ? -200 : -1), C(codeDict(8)), I(8)] });
        vec(`${t}.key_nan`, `${name} with a NaN index`, [op[name]], err(4), { stack_in: [NAN, C(codeDict(8)), I(8)] });
        vec(`${t}.key_type`, `${name} with a slice index`, [op[name]], err(7), { stack_in: [SB('1'), C(codeDict(8)), I(8)] });
        vec(`${t}.underflow`, `${name} with two operands`, [op[name]], err(2), { stack_in: [C(codeDict(8)), I(8)] });
        vec(`${t}.n_range`, `${name} with n = 1024`, [op[name]], err(5), { stack_in: [I(0), NULL, I(1024)] });
    }
    const root = codeDict(8);
    for (const n of [0, 8, 19, 1023]) {
        vec(`pushconst.n${n}`, `DICTPUSHCONST ${n}`, [DICTPUSHCONST(n, root)], ANY, {});
    }
    vec('pushconst.no_ref', 'DICTPUSHCONST without a ref: invalid opcode', [DICTPUSHCONST(8, null)], err(6), {});
    for (const k of [0n, 1n, 5n, 7n]) {
        vec(`pushconst.getexec.key_${k}`, `DICTPUSHCONST 8 then DICTIGETEXECZ ${k}`, [PUSHINT(k), DICTPUSHCONST(8, root), op.DICTIGETEXECZ, PUSHINT(9)], ANY, {});
    }
}

// ===== dict_sub: SUBDICT{,I,U}{,RP}GET =====
for (const kind of KINDS) {
    for (const rp of [false, true]) {
        const name = `SUBDICT${kind.k}${rp ? 'RP' : ''}GET`;
        const t = `sub.${name.toLowerCase()}`;
        for (const n of [8, 64, 257, 1023]) {
            const root = stdDict(n);
            for (const k of [0, 1, 2, 4, n - 1, n]) {
                if (!kind.slice && k > (kind.signed ? 257 : 256)) continue;
                for (const [label, pu] of [['zeros', 0n], ['ones', pow2(k) - 1n], ['one', k > 0 ? pow2(k - 1) : 0n]]) {
                    const operand = kind.slice ? SB(uBits(pu, k)) : I(kind.signed ? toSigned(pu, k) : pu);
                    vec(`${t}.n${n}.k${k}.${label}`, `${name} of a ${k}-bit prefix (${label}) of ${n}-bit keys`, [op[name]], ANY, { stack_in: [operand, I(k), C(root), I(n)] });
                }
            }
        }
        vec(`${t}.empty`, `${name} of an empty dictionary`, [op[name]], ok('null'), { stack_in: [kind.slice ? SB('0') : I(0), I(1), NULL, I(8)] });
        vec(`${t}.k_above_n`, `${name} with k > n: range check`, [op[name]], err(5), { stack_in: [kind.slice ? SB('000000000') : I(0), I(9), C(stdDict(8)), I(8)] });
        vec(`${t}.underflow`, `${name} with three operands`, [op[name]], err(2), { stack_in: [I(1), C(stdDict(8)), I(8)] });
        if (kind.slice) {
            vec(`${t}.short_prefix`, `${name} with a prefix slice shorter than k`, [op[name]], err(9), { stack_in: [SB('01'), I(4), C(stdDict(8)), I(8)] });
        } else {
            vec(`${t}.prefix_range`, `${name} with a prefix out of range: cell underflow`, [op[name]], err(9), { stack_in: [I(kind.signed ? 8 : -1), I(4), C(stdDict(8)), I(8)] });
            vec(`${t}.prefix_nan`, `${name} with a NaN prefix`, [op[name]], err(4), { stack_in: [NAN, I(4), C(stdDict(8)), I(8)] });
            vec(`${t}.k_range_int`, `${name} with k = ${kind.signed ? 258 : 257} on 1023-bit keys`, [op[name]], err(5), { stack_in: [I(0), I(kind.signed ? 258 : 257), C(stdDict(1023)), I(1023)] });
        }
    }
}

// ===== gas: loads vs reloads, creations, out of gas in the middle =====
{
    const D = stdDict(64);
    vec('gas.get_twice', 'two DICTUGETs of one key: the second reloads (25 per cell)', [op.DUP, op.DICTUGET, op.DROP, op.DROP, PUSHINT(5), op.SWAP, PUSHINT(64), op.DICTUGET], ANY, { stack_in: [I(5), C(D), I(64)] });
    vec('gas.get_two_keys', 'two DICTUGETs of neighbouring keys share the upper path', [op.DUP, op.DICTUGET, op.DROP, op.DROP, PUSHINT(2), op.SWAP, PUSHINT(64), op.DICTUGET], ANY, { stack_in: [I(1), C(D), I(64)] });
    vec('gas.set_then_get', 'DICTUSET then DICTUGET: new cells are loaded for the first time', [PUSHINT(64), op.DICTUSET, PUSHINT(3), op.SWAP, PUSHINT(64), op.DICTUGET], ANY, { stack_in: [SB('1010'), I(3), C(D)] });
    // Out of gas at every step of some operations: scan the gas limit below the full cost.
    const scans = [
        ['dictuget', [op.DICTUGET], [I(5), C(D), I(64)]],
        ['dictuset', [op.DICTUSET], [SB('1010'), I(3), C(D), I(64)]],
        ['dictudel', [op.DICTUDEL], [I(5), C(D), I(64)]],
        ['dicturemmin', [op.DICTUREMMIN], [C(D), I(64)]],
        ['dictugetnext', [op.DICTUGETNEXT], [I(6), C(D), I(64)]],
        ['subdictget', [op.SUBDICTRPGET], [SB('0000'), I(4), C(D), I(64)]],
        ['dictmin_slice', [op.DICTMIN], [C(D), I(64)]],
    ];
    for (const [label, body, stack] of scans) {
        for (const limit of [30, 60, 140, 160, 250, 300, 400, 600, 900, 1200, 1500, 2000, 2600, 3300]) {
            vec(`gas.oog.${label}.limit${limit}`, `${label} with gas limit ${limit}`, body, ANY, { stack_in: stack, gas_limit: limit });
        }
    }
}

// ===== operand windows, big dictionaries, old global versions =====
{
    const D8 = stdDict(8);
    // Keys and values read from slices that do not start at bit 0 or carry refs.
    const window = { bits_start: 5, bits_end: 13, refs_start: 1, refs_end: 2 };
    const keyCell = cellOf('10110' + uBits(0xab, 8) + '111', [val(1), val(2)]);
    for (const name of ['DICTGET', 'DICTDEL', 'DICTGETNEXT', 'DICTGETPREVEQ', 'DICTDELGET']) {
        vec(`window.${name.toLowerCase()}.key`, `${name} with a key slice at bit 5 holding refs`, [op[name]], ANY, { stack_in: [S(keyCell, window), C(D8), I(8)] });
    }
    const valueCell = cellOf('0000' + '110011001', [val(3), val(4), val(5)]);
    for (const name of ['DICTSET', 'DICTUSETGET', 'DICTIADD', 'DICTUREPLACE']) {
        const key = name === 'DICTSET' ? S(keyCell, window) : I(name === 'DICTUREPLACE' ? 5 : 77);
        vec(`window.${name.toLowerCase()}.value`, `${name} of a value slice window (bits 4..13, refs 1..3)`, [op[name]], ANY, {
            stack_in: [S(valueCell, { bits_start: 4, bits_end: 13, refs_start: 1, refs_end: 3 }), key, C(D8), I(8)],
        });
    }
    vec('window.pfxdictset.key_value', 'PFXDICTSET with key and value windows', [op.PFXDICTSET], ANY, {
        stack_in: [S(valueCell, { bits_start: 4, bits_end: 9, refs_start: 0, refs_end: 1 }), S(keyCell, { bits_start: 1, bits_end: 4 }), NULL, I(8)],
    });
    vec('window.pfxdictgetq.input', 'PFXDICTGETQ of an input window with refs', [op.PFXDICTGETQ], ANY, {
        stack_in: [S(cellOf('1' + '110' + '0101', [val(1)]), { bits_start: 1, bits_end: 8, refs_start: 0, refs_end: 1 }), C(mkPfxCode()), I(4)],
    });
    // A deeper dictionary: 300 keys of 64 bits.
    const bigKeys = [];
    let x = 0x1234567n;
    for (let i = 0; i < 300; i++) {
        x = (x * 6364136223846793005n + 1442695040888963407n) % pow2(64);
        bigKeys.push(x);
    }
    const BIG = mkDict(64, bigKeys.map((k, i) => [k, val(i)]));
    const probe = bigKeys[137];
    const fresh = (probe ^ 0x5n) % pow2(64);
    for (const [label, body, stack] of [
        ['get_hit', [op.DICTUGET], [I(probe), C(BIG), I(64)]],
        ['get_miss', [op.DICTUGET], [I(fresh), C(BIG), I(64)]],
        ['set_new', [op.DICTUSET], [SB('1'), I(fresh), C(BIG), I(64)]],
        ['set_existing', [op.DICTUSETGET], [SB('1'), I(probe), C(BIG), I(64)]],
        ['delete', [op.DICTUDELGET], [I(probe), C(BIG), I(64)]],
        ['min', [op.DICTUMIN], [C(BIG), I(64)]],
        ['remmax', [op.DICTUREMMAX], [C(BIG), I(64)]],
        ['next', [op.DICTUGETNEXT], [I(probe), C(BIG), I(64)]],
        ['prev_miss', [op.DICTUGETPREV], [I(fresh), C(BIG), I(64)]],
        ['inext', [op.DICTIGETNEXT], [I(-5), C(BIG), I(64)]],
        ['subdict', [op.SUBDICTUGET], [I(5), I(3), C(BIG), I(64)]],
        ['subdict_rp', [op.SUBDICTURPGET], [I(2), I(2), C(BIG), I(64)]],
        ['get_twice', [op.DUP, op.DICTUGET, op.DROP, op.DROP, PUSHINT(probe), op.SWAP, PUSHINT(64), op.DICTUGET], [I(probe), C(BIG), I(64)]],
        ['get_two', [op.DUP, op.DICTUGET, op.DROP, op.DROP, PUSHINT(bigKeys[5]), op.SWAP, PUSHINT(64), op.DICTUGET], [I(probe), C(BIG), I(64)]],
    ]) {
        vec(`big.${label}`, `${label} on a 300-key 64-bit dictionary`, body, ANY, { stack_in: stack });
    }
    // Global version 3: gas is checked only at the end of an instruction.
    for (const [label, body, stack] of [
        ['dictuget', [op.DICTUGET], [I(probe), C(BIG), I(64)]],
        ['dictuset', [op.DICTUSET], [SB('1'), I(fresh), C(BIG), I(64)]],
        ['dictmin', [op.DICTMIN], [C(BIG), I(64)]],
    ]) {
        for (const limit of [30, 200, 700, 2000]) {
            vec(`v3.oog.${label}.limit${limit}`, `${label} at global version 3 with gas limit ${limit}`, body, ANY, { stack_in: stack, gas_limit: limit, global_version: 3 });
        }
        vec(`v3.${label}`, `${label} at global version 3`, body, ANY, { stack_in: stack, global_version: 3 });
    }
}

// ===== malformed dictionaries and exotic nodes =====
{
    const bad = {
        label_too_long: cellOf(pfxLabel('1'.repeat(9), 8) + '1'),
        truncated_label: cellOf('10' + '1111'),
        one_bit: cellOf('1'),
        fork_one_ref: cellOf('00', [val(1)]),
        fork_extra_bits: cellOf('00' + '1', [mkDict(7, [[1n, val(1)]]), mkDict(7, [[2n, val(2)]])]),
        fork_three_refs: cellOf('00', [mkDict(7, [[1n, val(1)]]), mkDict(7, [[2n, val(2)]]), val(3)]),
        short_unary: cellOf('0' + '1'.repeat(12)),
        child_bad: cellOf('00', [cellOf('1'), mkDict(7, [[2n, val(2)]])]),
    };
    for (const [label, root] of Object.entries(bad)) {
        for (const [name, stack] of [
            ['DICTUGET', [I(129), C(root), I(8)]],
            ['DICTUGET_LEFT', [I(1), C(root), I(8)]],
            ['DICTUSET', [SB('11'), I(129), C(root), I(8)]],
            ['DICTUDEL', [I(129), C(root), I(8)]],
            ['DICTUMIN', [C(root), I(8)]],
            ['DICTUMAX', [C(root), I(8)]],
            ['DICTUGETNEXT', [I(0), C(root), I(8)]],
            ['SUBDICTGET', [SB('1'), I(1), C(root), I(8)]],
        ]) {
            const o = name.replace('_LEFT', '');
            vec(`bad.${label}.${name.toLowerCase()}`, `${o} on a malformed dictionary (${label})`, [op[o]], ANY, { stack_in: stack });
        }
    }
    // A library cell inside a dictionary: resolved through the libraries, or cell underflow.
    const target = mkDict(7, [[1n, val(1)], [2n, val(2)]]);
    const withLib = cellOf('00', [library(target), mkDict(7, [[3n, val(3)]])]);
    const LIBS = (() => {
        const d = Dictionary.empty(Dictionary.Keys.BigUint(256), Dictionary.Values.Cell());
        d.set(BigInt('0x' + target.hash().toString('hex')), target);
        return beginCell().storeDictDirect(d).endCell();
    })();
    for (const [label, libs] of [['resolved', LIBS], ['missing', null]]) {
        vec(`lib.${label}.get`, `DICTUGET through a library node (${label})`, [op.DICTUGET], ANY, { stack_in: [I(2), C(withLib), I(8)], libs });
        vec(`lib.${label}.get_other_side`, `DICTUGET on the ordinary side (${label})`, [op.DICTUGET], ANY, { stack_in: [I(128 + 3), C(withLib), I(8)], libs });
        vec(`lib.${label}.set`, `DICTUSET through a library node (${label})`, [op.DICTUSET], ANY, { stack_in: [SB('1'), I(5), C(withLib), I(8)], libs });
        vec(`lib.${label}.min`, `DICTUMIN through a library node (${label})`, [op.DICTUMIN], ANY, { stack_in: [C(withLib), I(8)], libs });
    }
    // A pruned branch as a dictionary node (made in the program with ENDXC: level > 0 cells cannot enter through the stack).
    const prunedOf = (c) => cellOf(uBits(1, 8) + uBits(1, 8) + hashBits(c) + uBits(c.depth(), 16));
    const other = mkDict(7, [[3n, val(3)]]);
    const mkFork = [PUSHINT(-1), hx('CF23', 'ENDXC'), op.NEWC, hx('CC', 'STREF'), hx('CC', 'STREF'), PUSHINT(2), hx('CF40', 'STZEROES'), op.ENDC];
    for (const [label, key] of [['pruned_side', 1], ['ordinary_side', 131]]) {
        vec(`pruned.get.${label}`, `DICTUGET through a fork whose left child is a pruned branch (${label})`, [...mkFork, PUSHINT(key), op.SWAP, PUSHINT(8), op.DICTUGET], ANY, {
            stack_in: [C(other), B(prunedOf(target))],
        });
    }
    vec('pruned.min', 'DICTUMIN into a pruned branch', [...mkFork, PUSHINT(8), op.DICTUMIN], ANY, { stack_in: [C(other), B(prunedOf(target))] });
    vec('pruned.max', 'DICTUMAX avoiding a pruned branch', [...mkFork, PUSHINT(8), op.DICTUMAX], ANY, { stack_in: [C(other), B(prunedOf(target))] });
    vec('lib.root_is_library', 'DICTUGET of a dictionary whose root is a library cell', [op.DICTUGET], ANY, { stack_in: [I(1), C(library(target)), I(7)], libs: LIBS });
}

// ---------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------
function matchTop(v, w) {
    if (v === undefined) return false;
    if (typeof w === 'number' || typeof w === 'bigint') return v.type === 'int' && v.value === BigInt(w).toString();
    return v.type === w;
}

function checkWant(v, r) {
    const errs = [];
    if (!v.want) return errs;
    if (r.exit_code !== v.want.exit) errs.push(`exit ${r.exit_code} (want ${v.want.exit})`);
    const top = r.stack[r.stack.length - 1];
    if (v.want.top !== undefined && !matchTop(top, v.want.top)) errs.push(`top ${JSON.stringify(top)}`);
    if (v.want.stack !== undefined && JSON.stringify(r.stack.map((x) => x.value)) !== JSON.stringify(v.want.stack.map(String))) {
        errs.push(`stack ${JSON.stringify(r.stack.map((x) => x.value ?? x.type))}`);
    }
    return errs;
}

const DESCRIPTION =
    'Dictionary instructions (cp0 categories dict_get, dict_set, dict_set_builder, dict_delete, dict_min, dict_next, dict_mayberef, dict_prefix, dict_serial, dict_special, dict_sub) with exit code, gas, stack and c4/c5 as produced by the reference C++ TVM. Every program starts with DROP of the int32 sentinel on top of stack_in (exact raw entry). Optional per-vector fields: global_version, libs. See README.md.';
// One line: the file is large.
await generateSentinelFile(import.meta.url, OUT, V, checkWant, DESCRIPTION, { oneLine: true });
