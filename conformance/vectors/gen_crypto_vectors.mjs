#!/usr/bin/env node
// Generates crypto_vectors.json: programs exercising every instruction of the
// cp0 category app_crypto (hashes, HASHEXT, Ed25519, secp256k1, P-256,
// Ristretto255, BLS12-381) with the exit code, gas, stack and c4/c5 that the
// reference TVM (../oracle, the C++ TVM inside @ton/sandbox) produces.
//
//   bash ../shared/oracle/setup.sh                        (from the project root)
//   node conformance/vectors/gen_crypto_vectors.mjs [--check]
//
// Entry is exact: every program starts with DROP, and its stack_in ends with
// the int32 sentinel that DROP removes (the oracle's "raw" mode).
//
// Keys and signatures are made here, deterministically: Ed25519 with
// @ton/crypto from fixed seeds, ECDSA (secp256k1, P-256) with the small
// BigInt implementation below and fixed private keys and nonces; BLS uses
// the curve generators and points of the IETF BLS signature test vectors.
// Each program carries a hand-written expectation (the exit code, and for
// many the result); the generator refuses to write the file if the oracle
// disagrees. Gas, exact stacks, c4/c5 and the trace come only from the
// oracle. With --check nothing is written: the file is compared with a
// fresh run (exit 1 on any difference).

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { hexBits, uBits, bitsToHex, bytesBits } from './lib/bits.mjs';
import { ins, hx, opTable, PUSHINT, PUSH } from './lib/asm.mjs';
import { createOracle, cellToBoc, oracleRequire, cellOf, cellProg as prog } from './lib/oracle.mjs';
import { I, NULL, C, S, B, SENTINEL, matchValue, matchStack } from './lib/oracle.mjs';
import { generateSentinelFile } from './lib/output.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'crypto_vectors.json');
const { Cell } = oracleRequire('@ton/core');
const { keyPairFromSeed, sign: edSign } = oracleRequire('@ton/crypto');

// ---------------------------------------------------------------------------
// Bits, cells, typed values
// ---------------------------------------------------------------------------
const cellBytes = (buf, refs = []) => cellOf(bytesBits(buf), refs);
/** A slice of these bytes (optionally with a bit window cut off). */
const SB = (buf, w) => S(cellBytes(buf), w);
const BB = (buf) => B(cellBytes(buf));
const big = (buf) => BigInt('0x' + (Buffer.from(buf).toString('hex') || '0'));
const be32 = (x) => Buffer.from(BigInt(x).toString(16).padStart(64, '0'), 'hex');
const hexBuf = (h) => Buffer.from(h, 'hex');

// ---------------------------------------------------------------------------
// Instructions
// ---------------------------------------------------------------------------
const OPS = {
    DROP: '30', DUP: '20', SWAP: '01', NEWC: 'C8', ENDC: 'C9', CTOS: 'D0', PUSHNAN: '83FF', NULL: '6D', NIP: '31',
    HASHCU: 'F900', HASHSU: 'F901', SHA256U: 'F902', HASHBU: 'F916',
    CHKSIGNU: 'F910', CHKSIGNS: 'F911', ECRECOVER: 'F912', SECP256K1_XONLY_PUBKEY_TWEAK_ADD: 'F913',
    P256_CHKSIGNU: 'F914', P256_CHKSIGNS: 'F915',
    RIST255_FROMHASH: 'F920', RIST255_VALIDATE: 'F921', RIST255_ADD: 'F922', RIST255_SUB: 'F923', RIST255_MUL: 'F924',
    RIST255_MULBASE: 'F925', RIST255_PUSHL: 'F926', RIST255_QVALIDATE: 'B7F921', RIST255_QADD: 'B7F922',
    RIST255_QSUB: 'B7F923', RIST255_QMUL: 'B7F924', RIST255_QMULBASE: 'B7F925',
    BLS_VERIFY: 'F93000', BLS_AGGREGATE: 'F93001', BLS_FASTAGGREGATEVERIFY: 'F93002', BLS_AGGREGATEVERIFY: 'F93003',
    BLS_G1_ADD: 'F93010', BLS_G1_SUB: 'F93011', BLS_G1_NEG: 'F93012', BLS_G1_MUL: 'F93013', BLS_G1_MULTIEXP: 'F93014',
    BLS_G1_ZERO: 'F93015', BLS_MAP_TO_G1: 'F93016', BLS_G1_INGROUP: 'F93017', BLS_G1_ISZERO: 'F93018',
    BLS_G2_ADD: 'F93020', BLS_G2_SUB: 'F93021', BLS_G2_NEG: 'F93022', BLS_G2_MUL: 'F93023', BLS_G2_MULTIEXP: 'F93024',
    BLS_G2_ZERO: 'F93025', BLS_MAP_TO_G2: 'F93026', BLS_G2_INGROUP: 'F93027', BLS_G2_ISZERO: 'F93028',
    BLS_PAIRING: 'F93030', BLS_PUSHR: 'F93031',
};
const op = opTable(OPS);
const HASH_IDS = ['SHA256', 'SHA512', 'BLAKE2B', 'KECCAK256', 'KECCAK512'];
/** HASHEXT[A][R] with a hash id (0..254) or 'VAR' (255). */
function HASHEXT(id, { append = false, rev = false } = {}) {
    const n = id === 'VAR' ? 255 : id;
    const form = `HASHEXT${append ? 'A' : ''}${rev ? 'R' : ''}`;
    const name = n === 255 ? `${form}_VAR` : n < 5 ? `${form}_${HASH_IDS[n]}` : `${form} ${n}`;
    return ins(hexBits('F90') + uBits(4 + (append ? 2 : 0) + (rev ? 1 : 0), 4) + uBits(n, 8), name);
}
const REPEAT_N = (n, body) => Array.from({ length: n }, () => body).flat();

// ---------------------------------------------------------------------------
// Vectors
// ---------------------------------------------------------------------------
const V = [];
/**
 * @param name   unique id "family.name"
 * @param desc   what it exercises
 * @param body   instructions (a DROP of the sentinel is prepended)
 * @param want   {exit, stack?} hand-written expectation (exit: a code or a predicate; stack: ints, type names or predicates)
 * @param opts   {stack_in, gas_limit, global_version}
 */
function vec(name, desc, body, want, opts = {}) {
    V.push({ name, desc, code: prog(hx('30', 'DROP'), ...body), want, opts });
}
const ok = (...stack) => ({ exit: 0, stack });
const err = (exit) => ({ exit, stack: [0] });
const exitOnly = (exit) => ({ exit });
/** A slice whose visible bits are these bytes. */
const slBytes = (buf) => (v) => v.type === 'slice' && v.content_hex === bitsToHex(bytesBits(buf));
/** A builder whose bits end with these bytes. */
const blEnds = (buf) => (v) => v.type === 'builder' && v.bits >= buf.length * 8;
const tupleOf = (...xs) => (v) => v.type === 'tuple' && v.items.length === xs.length && v.items.every((it, i) => matchValue(it, xs[i]));

/** Deterministic test bytes. */
function bytes(label, n) {
    const out = [];
    for (let i = 0; out.length < n; i++) out.push(...crypto.createHash('sha256').update(`${label}/${i}`).digest());
    return Buffer.from(out.slice(0, n));
}
const nodeHash = (alg, data) => crypto.createHash(alg).update(data).digest();
const NODE_ALG = { 0: 'sha256', 1: 'sha512', 2: 'blake2b512' };
/** Expected HASHEXT result as a stack value (int, or a tuple of two for 64-byte hashes). */
function hashValue(id, data) {
    const alg = NODE_ALG[id];
    if (!alg) return id === 3 ? 'int' : 'tuple';
    const h = nodeHash(alg, data);
    return h.length === 32 ? big(h) : tupleOf(big(h.subarray(0, 32)), big(h.subarray(32)));
}

// ===== HASHCU / HASHSU / HASHBU / SHA256U =====
const LEAF = cellBytes(bytes('leaf', 3));
const WITH_REFS = cellBytes(bytes('with-refs', 40), [LEAF, cellOf('1')]);
const D127 = bytes('d127', 127);
vec('hash.hashcu', 'HASHCU of a cell with refs: its representation hash', [op.HASHCU], ok(big(WITH_REFS.hash())), { stack_in: [C(WITH_REFS)] });
vec('hash.hashcu_empty', 'HASHCU of the empty cell', [op.HASHCU], ok(big(cellOf('').hash())), { stack_in: [C(cellOf(''))] });
// Exotic cells of level 0: a library reference and a Merkle proof (their representation hash).
const exoticCell = (bits, refs = []) => new Cell({ exotic: true, bits: cellOf(bits).bits, refs });
const LIB_CELL = exoticCell(uBits(2, 8) + bytesBits(LEAF.hash()));
const PROOF_CELL = exoticCell(uBits(3, 8) + bytesBits(WITH_REFS.hash(0)) + uBits(WITH_REFS.depth(0), 16), [WITH_REFS]);
vec('hash.hashcu_library', 'HASHCU of a library reference cell', [op.HASHCU], ok(big(LIB_CELL.hash())), { stack_in: [C(LIB_CELL)] });
vec('hash.hashcu_merkle_proof', 'HASHCU of a Merkle proof cell', [op.HASHCU], ok(big(PROOF_CELL.hash())), { stack_in: [C(PROOF_CELL)] });
vec('hash.hashsu_refs_to_exotic', 'HASHSU of a slice whose ref is a library cell', [op.HASHSU], ok(big(cellOf('1011', [LIB_CELL]).hash())), { stack_in: [S(cellOf('1011', [LIB_CELL]))] });
vec('hash.hashcu_type', 'HASHCU of a slice: type check', [op.HASHCU], err(7), { stack_in: [S(LEAF)] });
vec('hash.hashcu_underflow', 'HASHCU on an empty stack: stack underflow', [op.HASHCU], err(2));
vec('hash.hashsu', 'HASHSU of a whole cell: the cell hash (+500 for the new cell)', [op.HASHSU], ok(big(WITH_REFS.hash())), { stack_in: [S(WITH_REFS)] });
vec('hash.hashsu_window', 'HASHSU of a window at an odd bit offset with one ref', [op.HASHSU],
    ok(big(cellOf(bytesBits(bytes('with-refs', 40)).slice(3, 101), [cellOf('1')]).hash())),
    { stack_in: [S(WITH_REFS, { bits_start: 3, bits_end: 101, refs_start: 1 })] });
vec('hash.hashsu_type', 'HASHSU of a cell: type check', [op.HASHSU], err(7), { stack_in: [C(LEAF)] });
vec('hash.hashsu_underflow', 'HASHSU on an empty stack', [op.HASHSU], err(2));
vec('hash.hashsu_out_of_gas', 'HASHSU with gas for the instruction but not the cell', [op.HASHSU], exitOnly(-14), { stack_in: [S(LEAF)], gas_limit: 300 });
vec('hash.hashbu', 'HASHBU of a builder with refs: hash of the cell it would make (no creation gas)', [op.HASHBU], ok(big(WITH_REFS.hash())), { stack_in: [B(WITH_REFS)] });
vec('hash.hashbu_empty', 'NEWC; HASHBU', [op.NEWC, op.HASHBU], ok(big(cellOf('').hash())));
vec('hash.hashbu_type', 'HASHBU of a slice: type check', [op.HASHBU], err(7), { stack_in: [S(LEAF)] });
vec('hash.hashbu_underflow', 'HASHBU on an empty stack', [op.HASHBU], err(2));
vec('hash.hashbu_v11', 'HASHBU at global version 11: invalid opcode', [op.HASHBU], err(6), { stack_in: [B(LEAF)], global_version: 11 });
vec('hash.sha256u', 'SHA256U of 32 bytes', [op.SHA256U], ok(big(nodeHash('sha256', bytes('s', 32)))), { stack_in: [SB(bytes('s', 32))] });
vec('hash.sha256u_empty', 'SHA256U of an empty slice', [op.SHA256U], ok(big(nodeHash('sha256', Buffer.alloc(0)))), { stack_in: [SB(Buffer.alloc(0))] });
vec('hash.sha256u_127', 'SHA256U of 127 bytes', [op.SHA256U], ok(big(nodeHash('sha256', D127))), { stack_in: [SB(D127)] });
vec('hash.sha256u_window', 'SHA256U of a 16-byte window at bit 5 (refs ignored)', [op.SHA256U],
    ok(big(nodeHash('sha256', Buffer.from(bytesBits(bytes('with-refs', 40)).slice(5, 133).match(/.{8}/g).map((b) => parseInt(b, 2)))))),
    { stack_in: [S(WITH_REFS, { bits_start: 5, bits_end: 133 })] });
vec('hash.sha256u_bits', 'SHA256U of 7 bits: cell underflow', [op.SHA256U], err(9), { stack_in: [S(cellOf('1010101'))] });
vec('hash.sha256u_bits_1023', 'SHA256U of 1023 bits: cell underflow', [op.SHA256U], err(9), { stack_in: [S(cellOf('1'.repeat(1023)))] });
vec('hash.sha256u_type', 'SHA256U of a builder: type check', [op.SHA256U], err(7), { stack_in: [BB(bytes('s', 2))] });
vec('hash.sha256u_underflow', 'SHA256U on an empty stack', [op.SHA256U], err(2));

// ===== HASHEXT =====
const P1 = bytes('p1', 20);
const P2 = bytes('p2', 45);
for (let id = 0; id < 5; id++) {
    const h = HASH_IDS[id].toLowerCase();
    const ab = Buffer.concat([P1, P2]);
    const ba = Buffer.concat([P2, P1]);
    vec(`hashext.${h}`, `HASHEXT_${HASH_IDS[id]} of a slice then a builder`, [PUSHINT(2), HASHEXT(id)], ok(hashValue(id, ab)), { stack_in: [SB(P1), BB(P2)] });
    vec(`hashext.${h}_rev`, `HASHEXTR_${HASH_IDS[id]}: top entry first`, [PUSHINT(2), HASHEXT(id, { rev: true })], ok(hashValue(id, ba)), { stack_in: [SB(P1), BB(P2)] });
    vec(`hashext.${h}_append`, `HASHEXTA_${HASH_IDS[id]}: appended to a builder`, [PUSHINT(2), HASHEXT(id, { append: true })], ok('builder'), { stack_in: [BB(bytes('pre', 3)), SB(P1), BB(P2)] });
    vec(`hashext.${h}_append_rev`, `HASHEXTAR_${HASH_IDS[id]}`, [PUSHINT(2), HASHEXT(id, { append: true, rev: true })], ok('builder'), { stack_in: [NEWC_B(), SB(P1), BB(P2)] });
    vec(`hashext.${h}_var`, `HASHEXT_VAR with id ${id} from the stack`, [PUSHINT(2), PUSHINT(id), HASHEXT('VAR')], ok(hashValue(id, ab)), { stack_in: [SB(P1), BB(P2)] });
    vec(`hashext.${h}_empty`, `HASHEXT_${HASH_IDS[id]} of no entries`, [PUSHINT(0), HASHEXT(id)], ok(hashValue(id, Buffer.alloc(0))));
    // 12 entries of 127 bytes: gas grows with bytes / bytes_per_gas_unit.
    const many = Array.from({ length: 12 }, (_, i) => bytes(`m${i}`, 127));
    vec(`hashext.${h}_many`, `HASHEXT_${HASH_IDS[id]} of 12 slices of 127 bytes`, [PUSHINT(12), HASHEXT(id)], ok(hashValue(id, Buffer.concat(many))), { stack_in: many.map((m) => SB(m)) });
    vec(`hashext.${h}_var_rev_append`, `HASHEXTAR_VAR id ${id}`, [PUSHINT(1), PUSHINT(id), HASHEXT('VAR', { append: true, rev: true })], ok('builder'), { stack_in: [NEWC_B(), SB(P1)] });
    vec(`hashext.${h}_out_of_gas`, `HASHEXT_${HASH_IDS[id]} of 12 x 127 bytes running out of gas in the middle`, [PUSHINT(12), HASHEXT(id)], exitOnly(-14), { stack_in: many.map((m) => SB(m)), gas_limit: 18 + 34 + 6 + Math.floor(600 / [33, 16, 19, 11, 6][id]) });
}
function NEWC_B() {
    return B(cellOf(''));
}
const MIX = [
    S(cellOf('101')), B(cellOf('10110')), SB(bytes('x', 3)), S(cellOf('1'.repeat(1023)), { bits_start: 7, bits_end: 1015 }), B(cellOf('0'.repeat(1016))), S(cellOf('')),
];
vec('hashext.bits_cross', 'HASHEXT_SHA256 of entries of 3, 5, 24, 1008, 1016 and 0 bits (whole bytes only in total)', [PUSHINT(6), HASHEXT(0)], ok('int'), { stack_in: MIX });
vec('hashext.bits_cross_rev', 'HASHEXTR_SHA512 of the same entries', [PUSHINT(6), HASHEXT(1, { rev: true })], ok('tuple'), { stack_in: MIX });
vec('hashext.var_rev', 'HASHEXTR_VAR with id 1 from the stack', [PUSHINT(2), PUSHINT(1), HASHEXT('VAR', { rev: true })], ok(hashValue(1, Buffer.concat([P2, P1]))), { stack_in: [SB(P1), BB(P2)] });
vec('hashext.var_append', 'HASHEXTA_VAR with id 2 from the stack', [PUSHINT(2), PUSHINT(2), HASHEXT('VAR', { append: true })], ok('builder'), { stack_in: [NEWC_B(), SB(P1), BB(P2)] });
vec('hashext.var_append_bad_id', 'HASHEXTA_VAR with id 9: range check', [PUSHINT(1), PUSHINT(9), HASHEXT('VAR', { append: true })], err(5), { stack_in: [NEWC_B(), SB(P1)] });
vec('hashext.bits_not_bytes', 'HASHEXT_SHA256 of 3 + 8 bits: cell underflow', [PUSHINT(2), HASHEXT(0)], err(9), { stack_in: [S(cellOf('101')), SB(bytes('y', 1))] });
vec('hashext.bits_not_bytes_keccak', 'HASHEXT_KECCAK256 of 7 bits: cell underflow', [PUSHINT(1), HASHEXT(3)], err(9), { stack_in: [S(cellOf('1010101'))] });
vec('hashext.unknown_id', 'HASHEXT with hash id 5: range check', [PUSHINT(1), HASHEXT(5)], err(5), { stack_in: [SB(P1)] });
vec('hashext.unknown_id_254', 'HASHEXTA with hash id 254: range check', [PUSHINT(0), HASHEXT(254, { append: true })], err(5), { stack_in: [NEWC_B()] });
vec('hashext.var_unknown_id', 'HASHEXT_VAR with id 7: range check', [PUSHINT(1), PUSHINT(7), HASHEXT('VAR')], err(5), { stack_in: [SB(P1)] });
vec('hashext.var_id_255', 'HASHEXT_VAR with id 255: range check', [PUSHINT(1), PUSHINT(255), HASHEXT('VAR')], err(5), { stack_in: [SB(P1)] });
vec('hashext.var_id_negative', 'HASHEXT_VAR with id -1: range check', [PUSHINT(1), PUSHINT(-1), HASHEXT('VAR')], err(5), { stack_in: [SB(P1)] });
vec('hashext.var_id_nan', 'HASHEXT_VAR with id NaN: range check', [PUSHINT(1), op.PUSHNAN, HASHEXT('VAR')], err(5), { stack_in: [SB(P1)] });
vec('hashext.var_id_type', 'HASHEXT_VAR with a null id: type check', [PUSHINT(1), op.NULL, HASHEXT('VAR')], err(7), { stack_in: [SB(P1)] });
vec('hashext.var_underflow_v12', 'HASHEXT_VAR with only the id on the stack: stack underflow (version >= 9)', [PUSHINT(0), HASHEXT('VAR')], err(2));
vec('hashext.var_underflow_v8', 'HASHEXT_VAR with only the id at version 8: the count pop underflows', [PUSHINT(0), HASHEXT('VAR')], err(2), { global_version: 8 });
vec('hashext.count_too_big', 'HASHEXT count larger than the stack: range check', [PUSHINT(3), HASHEXT(0)], err(5), { stack_in: [SB(P1), SB(P2)] });
vec('hashext.count_negative', 'HASHEXT count -1: range check', [PUSHINT(-1), HASHEXT(0)], err(5), { stack_in: [SB(P1)] });
vec('hashext.count_underflow', 'HASHEXT on an empty stack', [HASHEXT(0)], err(2));
vec('hashext.append_count_v12', 'HASHEXTA: the builder is not counted (version >= 9): range check', [PUSHINT(2), HASHEXT(0, { append: true })], err(5), { stack_in: [SB(P1), SB(P2)] });
vec('hashext.append_count_v8', 'HASHEXTA at version 8: count may include the builder slot, then the builder pop underflows', [PUSHINT(2), HASHEXT(0, { append: true })], err(2), { stack_in: [SB(P1), SB(P2)], global_version: 8 });
vec('hashext.append_not_builder', 'HASHEXTA with a slice below the data: type check', [PUSHINT(1), HASHEXT(0, { append: true })], err(7), { stack_in: [SB(P2), SB(P1)] });
vec('hashext.append_overflow', 'HASHEXTA_SHA512 into a builder with 600 bits: cell overflow', [PUSHINT(1), HASHEXT(1, { append: true })], err(8), { stack_in: [B(cellOf('1'.repeat(600))), SB(P1)] });
vec('hashext.append_fits', 'HASHEXTA_SHA256 into a builder with 767 bits: fits exactly', [PUSHINT(1), HASHEXT(0, { append: true })], ok('builder'), { stack_in: [B(cellOf('1'.repeat(767))), SB(P1)] });
vec('hashext.type_entry', 'HASHEXT with an int among the entries: type check', [PUSHINT(3), HASHEXT(0)], err(7), { stack_in: [SB(P1), I(5), SB(P2)] });
vec('hashext.type_cell', 'HASHEXT of a cell: type check', [PUSHINT(1), HASHEXT(2)], err(7), { stack_in: [C(LEAF)] });
vec('hashext.v3', 'HASHEXT at global version 3: invalid opcode', [PUSHINT(0), HASHEXT(0)], err(6), { global_version: 3 });
vec('hashext.keep_below', 'HASHEXT leaves deeper entries alone', [PUSHINT(1), HASHEXT(0)], ok(77, big(nodeHash('sha256', P1))), { stack_in: [I(77), SB(P1)] });

// ===== Ed25519: CHKSIGNU / CHKSIGNS =====
const ED = keyPairFromSeed(bytes('ed-seed', 32));
const ED2 = keyPairFromSeed(bytes('ed-seed-2', 32));
const ED_KEY = big(ED.publicKey);
const MSG32 = bytes('msg32', 32);
const SIG32 = edSign(MSG32, ED.secretKey);
const MSG40 = bytes('msg40', 40);
const SIG40 = edSign(MSG40, ED.secretKey);
const ED_L = (1n << 252n) + 27742317777372353535851937790883648493n;
const flip = (buf, i) => {
    const b = Buffer.from(buf);
    b[i] ^= 1;
    return b;
};
/** The signature with S replaced by S + L (same group element, non-canonical). */
const sPlusL = (sig) => {
    const s = BigInt('0x' + Buffer.from(sig.subarray(32)).reverse().toString('hex')) + ED_L;
    return Buffer.concat([sig.subarray(0, 32), Buffer.from(s.toString(16).padStart(64, '0'), 'hex').reverse()]);
};
const U = (msg, sig, key) => ({ stack_in: [I(big(msg)), SB(sig), I(key)] });
const SS = (msg, sig, key) => ({ stack_in: [SB(msg), SB(sig), I(key)] });
vec('ed25519.chksignu_valid', 'CHKSIGNU of a valid signature of a 256-bit hash', [op.CHKSIGNU], ok(-1), U(MSG32, SIG32, ED_KEY));
vec('ed25519.chksignu_bad_sig', 'CHKSIGNU with one bit of R flipped', [op.CHKSIGNU], ok(0), U(MSG32, flip(SIG32, 3), ED_KEY));
vec('ed25519.chksignu_bad_s', 'CHKSIGNU with one bit of S flipped', [op.CHKSIGNU], ok(0), U(MSG32, flip(SIG32, 40), ED_KEY));
vec('ed25519.chksignu_other_key', 'CHKSIGNU against another key', [op.CHKSIGNU], ok(0), U(MSG32, SIG32, big(ED2.publicKey)));
vec('ed25519.chksignu_other_msg', 'CHKSIGNU of another hash', [op.CHKSIGNU], ok(0), U(flip(MSG32, 0), SIG32, ED_KEY));
vec('ed25519.chksignu_s_plus_l', 'CHKSIGNU with S + L (non-canonical S)', [op.CHKSIGNU], exitOnly(0), U(MSG32, sPlusL(SIG32), ED_KEY));
vec('ed25519.chksignu_long_sig_slice', 'CHKSIGNU reads the first 512 bits of a longer slice', [op.CHKSIGNU], ok(-1), U(MSG32, Buffer.concat([SIG32, bytes('tail', 10)]), ED_KEY));
vec('ed25519.chksigns_valid', 'CHKSIGNS of a valid signature of 40 bytes', [op.CHKSIGNS], ok(-1), SS(MSG40, SIG40, ED_KEY));
vec('ed25519.chksigns_empty', 'CHKSIGNS of an empty message', [op.CHKSIGNS], ok(-1), SS(Buffer.alloc(0), edSign(Buffer.alloc(0), ED.secretKey), ED_KEY));
const MSG127 = bytes('msg127', 127);
vec('ed25519.chksigns_127', 'CHKSIGNS of 127 bytes', [op.CHKSIGNS], ok(-1), SS(MSG127, edSign(MSG127, ED.secretKey), ED_KEY));
vec('ed25519.chksigns_bad', 'CHKSIGNS of a changed message', [op.CHKSIGNS], ok(0), SS(flip(MSG40, 39), SIG40, ED_KEY));
vec('ed25519.chksigns_bits', 'CHKSIGNS of 7 bits: cell underflow', [op.CHKSIGNS], err(9), { stack_in: [S(cellOf('1010101')), SB(SIG40), I(ED_KEY)] });
vec('ed25519.chksignu_short_sig', 'CHKSIGNU with a 511-bit signature: cell underflow', [op.CHKSIGNU], err(9), { stack_in: [I(big(MSG32)), S(cellBytes(SIG32), { bits_end: 511 }), I(ED_KEY)] });
vec('ed25519.chksignu_short_sig_bad_key', 'CHKSIGNU with a short signature and a negative key: the signature is checked first', [op.CHKSIGNU], err(9), { stack_in: [I(big(MSG32)), SB(SIG32.subarray(0, 10)), I(-1)] });
vec('ed25519.chksignu_key_negative', 'CHKSIGNU with key -1: range check', [op.CHKSIGNU], err(5), U(MSG32, SIG32, -1));
vec('ed25519.chksignu_key_nan', 'CHKSIGNU with a NaN key: range check', [op.PUSHNAN, op.CHKSIGNU], err(5), { stack_in: [I(big(MSG32)), SB(SIG32)] });
vec('ed25519.chksignu_hash_negative', 'CHKSIGNU with hash -1: range check', [op.CHKSIGNU], err(5), { stack_in: [I(-1), SB(SIG32), I(ED_KEY)] });
vec('ed25519.chksignu_hash_bad_sig_short', 'CHKSIGNU: a bad hash is reported before a short signature', [op.CHKSIGNU], err(5), { stack_in: [I(-1), SB(SIG32.subarray(0, 5)), I(ED_KEY)] });
vec('ed25519.chksignu_underflow', 'CHKSIGNU with two entries: stack underflow', [op.CHKSIGNU], err(2), { stack_in: [SB(SIG32), I(ED_KEY)] });
vec('ed25519.chksignu_type_key', 'CHKSIGNU with a slice key: type check', [op.CHKSIGNU], err(7), { stack_in: [I(big(MSG32)), SB(SIG32), SB(ED.publicKey)] });
vec('ed25519.chksignu_type_sig', 'CHKSIGNU with an int signature: type check', [op.CHKSIGNU], err(7), { stack_in: [I(big(MSG32)), I(5), I(ED_KEY)] });
vec('ed25519.chksigns_type_data', 'CHKSIGNS with an int message: type check', [op.CHKSIGNS], err(7), { stack_in: [I(5), SB(SIG32), I(ED_KEY)] });
vec('ed25519.key_not_on_curve', 'CHKSIGNU with a key that is no curve point', [op.CHKSIGNU], ok(0), U(MSG32, SIG32, 2n));
// Identity key 01 00..00 with R = identity and S = 0: holds for every message (cofactorless check).
const ID_KEY = hexBuf('01' + '00'.repeat(31));
const ID_SIG = Buffer.concat([ID_KEY, Buffer.alloc(32)]);
vec('ed25519.small_order_key', 'CHKSIGNU with the identity key, R = identity, S = 0', [op.CHKSIGNU], exitOnly(0), U(MSG32, ID_SIG, big(ID_KEY)));
vec('ed25519.small_order_key_s', 'CHKSIGNS with the identity key, R = identity, S = 0', [op.CHKSIGNS], exitOnly(0), SS(MSG40, ID_SIG, big(ID_KEY)));
vec('ed25519.zero_key', 'CHKSIGNU with key 0', [op.CHKSIGNU], exitOnly(0), U(MSG32, ID_SIG, 0n));
// Non-canonical key: y = p + 1 encodes the identity point's y = 1.
const ED_P = (1n << 255n) - 19n;
const leKey = (x) => big(Buffer.from(x.toString(16).padStart(64, '0'), 'hex').reverse());
vec('ed25519.noncanonical_key', 'CHKSIGNU with key y = p + 1 (non-canonical identity), R = identity, S = 0', [op.CHKSIGNU], exitOnly(0), U(MSG32, ID_SIG, leKey(ED_P + 1n)));
vec('ed25519.noncanonical_r', 'CHKSIGNU with the identity key and R = p + 1 (non-canonical identity)', [op.CHKSIGNU], exitOnly(0), U(MSG32, Buffer.concat([be32(leKey(ED_P + 1n)), Buffer.alloc(32)]), big(ID_KEY)));
vec('ed25519.negative_zero_key', 'CHKSIGNU with key 01 00..80 (x = 0 with the sign bit set), R = identity, S = 0', [op.CHKSIGNU], exitOnly(0), U(MSG32, ID_SIG, big(hexBuf('01' + '00'.repeat(30) + '80'))));
// Twelve checks in one run: from the 11th on each costs 4000 more.
const CHK_ONCE = [PUSH(2), PUSH(2), PUSH(2), op.CHKSIGNU, op.DROP];
for (const n of [10, 11, 12]) {
    vec(`ed25519.count_${n}`, `${n} CHKSIGNU in one run (the first 10 are free)`, REPEAT_N(n, CHK_ONCE), exitOnly(0), U(MSG32, SIG32, ED_KEY));
}
vec('ed25519.count_12_v3', '12 CHKSIGNU at global version 3: no extra gas', REPEAT_N(12, CHK_ONCE), exitOnly(0), { ...U(MSG32, SIG32, ED_KEY), global_version: 3 });
vec('ed25519.count_11_out_of_gas', '11 CHKSIGNU with gas running out at the 11th', REPEAT_N(11, CHK_ONCE), exitOnly(-14), { ...U(MSG32, SIG32, ED_KEY), gas_limit: 3000 });
// RUNVM (global version 4 on) shares the counter with its child; an isolated
// child (mode +128) first charges the parent for its free checks so far.
const PUSH_EMPTY_CODE = ins(hexBits('8B08'), 'PUSHSLICE x{}');
const RUNVM_OP = (mode) => ins(hexBits('DB4') + uBits(mode, 12), `RUNVM ${mode}`);
const CHILD_11 = prog(...REPEAT_N(11, CHK_ONCE)).cell;
vec('ed25519.runvm_isolate_charges_free', '3 free checks, then RUNVM +128: the parent pays 3 x 4000', [...REPEAT_N(3, CHK_ONCE), PUSHINT(0), PUSH_EMPTY_CODE, RUNVM_OP(128)], exitOnly(0), U(MSG32, SIG32, ED_KEY));
vec('ed25519.runvm_shared_counter', '8 checks in the parent, then a child with 3 more: the 11th costs 4000', [...REPEAT_N(8, CHK_ONCE), PUSHINT(3), ins(hexBits('88'), 'PUSHREF', [prog(...REPEAT_N(3, CHK_ONCE)).cell]), op.CTOS, RUNVM_OP(0)], exitOnly(0), U(MSG32, SIG32, ED_KEY));
vec('ed25519.runvm_isolated_counter', '8 checks in the parent, then an isolated child with 3 more: all 3 free in the child', [...REPEAT_N(8, CHK_ONCE), PUSHINT(3), ins(hexBits('88'), 'PUSHREF', [prog(...REPEAT_N(3, CHK_ONCE)).cell]), op.CTOS, RUNVM_OP(128)], exitOnly(0), U(MSG32, SIG32, ED_KEY));
vec('ed25519.runvm_child_11', 'a child with 11 checks: the 11th costs 4000', [PUSHINT(3), ins(hexBits('88'), 'PUSHREF', [CHILD_11]), op.CTOS, RUNVM_OP(0)], exitOnly(0), U(MSG32, SIG32, ED_KEY));
vec('ed25519.count_invalid_too', 'Failed checks count too: 11 checks of a bad signature', REPEAT_N(11, CHK_ONCE), exitOnly(0), U(MSG32, flip(SIG32, 1), ED_KEY));
vec('ed25519.count_signs', '11 CHKSIGNS', REPEAT_N(11, [PUSH(2), PUSH(2), PUSH(2), op.CHKSIGNS, op.DROP]), exitOnly(0), SS(MSG40, SIG40, ED_KEY));

// ---------------------------------------------------------------------------
// ECDSA over short Weierstrass curves (affine BigInt arithmetic, test use only)
// ---------------------------------------------------------------------------
const mod = (a, m) => ((a % m) + m) % m;
function powMod(b, e, m) {
    let r = 1n;
    b = mod(b, m);
    for (; e > 0n; e >>= 1n, b = (b * b) % m) if (e & 1n) r = (r * b) % m;
    return r;
}
const inv = (a, m) => powMod(a, m - 2n, m);
function curve({ p, a, b, n, gx, gy }) {
    const add = (P, Q) => {
        if (!P) return Q;
        if (!Q) return P;
        if (P.x === Q.x && mod(P.y + Q.y, p) === 0n) return null;
        const l = P.x === Q.x ? mod((3n * P.x * P.x + a) * inv(2n * P.y, p), p) : mod((Q.y - P.y) * inv(Q.x - P.x, p), p);
        const x = mod(l * l - P.x - Q.x, p);
        return { x, y: mod(l * (P.x - x) - P.y, p) };
    };
    const mul = (k, P) => {
        let R = null;
        for (let Q = P, e = mod(k, n); e > 0n; e >>= 1n, Q = add(Q, Q)) if (e & 1n) R = add(R, Q);
        return R;
    };
    const G = { x: gx, y: gy };
    /** Signs the 32-byte digest z with key d and nonce k; returns r, s and the recovery id. */
    const signDigest = (z, d, k) => {
        const R = mul(k, G);
        const r = mod(R.x, n);
        const s = mod(inv(k, n) * (big(z) + r * d), n);
        return { r, s, recid: Number(R.y & 1n) + (R.x >= n ? 2 : 0) };
    };
    /** The x coordinate's y with the given parity, if x is on the curve (p = 3 mod 4). */
    const lift = (x, odd) => {
        const y2 = mod(x * x * x + a * x + b, p);
        const y = powMod(y2, (p + 1n) / 4n, p);
        if ((y * y) % p !== y2) return null;
        return { x, y: (y & 1n) === BigInt(odd) ? y : p - y };
    };
    return { p, n, G, add, mul, signDigest, lift };
}
const SECP = curve({
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn, a: 0n, b: 7n,
    n: 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n,
    gx: 0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798n,
    gy: 0x483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8n,
});
const P256 = curve({
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    gx: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    gy: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
});
for (const [name, c, a, b] of [['secp256k1', SECP, 0n, 7n], ['P-256', P256, P256.p - 3n, 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn]]) {
    const { x, y } = c.G;
    if (mod(y * y - (x * x * x + a * x + b), c.p) !== 0n || c.mul(c.n, c.G) !== null) throw new Error(`${name} parameters are wrong`);
}
const nonce = (label, n) => mod(big(bytes(label, 32)), n - 1n) + 1n;

// ===== secp256k1: ECRECOVER =====
const K_D = nonce('secp-key', SECP.n);
const K_PUB = SECP.mul(K_D, SECP.G);
const K_HASH = bytes('secp-hash', 32);
const KEY_OUT = [4, K_PUB.x, K_PUB.y, -1];
/** A signature whose R has the wanted y parity (searching fixed nonces). */
function secpSig(parity) {
    for (let i = 0; ; i++) {
        const sig = SECP.signDigest(K_HASH, K_D, nonce(`secp-nonce-${i}`, SECP.n));
        if (sig.recid === parity) return sig;
    }
}
const SIG_EVEN = secpSig(0);
const SIG_ODD = secpSig(1);
const ER = (hash, v, r, s) => ({ stack_in: [I(big(hash)), I(v), I(r), I(s)] });
vec('ecrecover.recid0', 'ECRECOVER with recovery id 0', [op.ECRECOVER], ok(...KEY_OUT), ER(K_HASH, 0, SIG_EVEN.r, SIG_EVEN.s));
vec('ecrecover.recid1', 'ECRECOVER with recovery id 1', [op.ECRECOVER], ok(...KEY_OUT), ER(K_HASH, 1, SIG_ODD.r, SIG_ODD.s));
vec('ecrecover.high_s', 'ECRECOVER with s replaced by n - s and the parity flipped (high s accepted)', [op.ECRECOVER], ok(...KEY_OUT), ER(K_HASH, 1, SIG_EVEN.r, SECP.n - SIG_EVEN.s));
vec('ecrecover.wrong_parity', 'ECRECOVER with the other recovery id: another key', [op.ECRECOVER], ok(4, 'int', 'int', -1), ER(K_HASH, 1, SIG_EVEN.r, SIG_EVEN.s));
vec('ecrecover.recid2', 'ECRECOVER with recovery id 2 (x = r + n is past p): 0', [op.ECRECOVER], ok(0), ER(K_HASH, 2, SIG_EVEN.r, SIG_EVEN.s));
vec('ecrecover.recid2_small_r', 'ECRECOVER with recovery id 3 and r = 1 (x = n + 1 < p)', [op.ECRECOVER], exitOnly(0), ER(K_HASH, 3, 1n, SIG_EVEN.s));
vec('ecrecover.recid4', 'ECRECOVER with v = 4: 0', [op.ECRECOVER], ok(0), ER(K_HASH, 4, SIG_EVEN.r, SIG_EVEN.s));
vec('ecrecover.v27', 'ECRECOVER with v = 27 (Ethereum style, not accepted at version 12): 0', [op.ECRECOVER], ok(0), ER(K_HASH, 27, SIG_EVEN.r, SIG_EVEN.s));
vec('ecrecover.v256', 'ECRECOVER with v = 256: range check', [op.ECRECOVER], err(5), ER(K_HASH, 256, SIG_EVEN.r, SIG_EVEN.s));
vec('ecrecover.v_negative', 'ECRECOVER with v = -1: range check', [op.ECRECOVER], err(5), ER(K_HASH, -1, SIG_EVEN.r, SIG_EVEN.s));
vec('ecrecover.r_zero', 'ECRECOVER with r = 0: 0', [op.ECRECOVER], ok(0), ER(K_HASH, 0, 0n, SIG_EVEN.s));
vec('ecrecover.s_zero', 'ECRECOVER with s = 0: 0', [op.ECRECOVER], ok(0), ER(K_HASH, 0, SIG_EVEN.r, 0n));
vec('ecrecover.r_order', 'ECRECOVER with r = n: 0', [op.ECRECOVER], ok(0), ER(K_HASH, 0, SECP.n, SIG_EVEN.s));
vec('ecrecover.s_order', 'ECRECOVER with s = n: 0', [op.ECRECOVER], ok(0), ER(K_HASH, 0, SIG_EVEN.r, SECP.n));
vec('ecrecover.r_not_x', 'ECRECOVER with an r that is no x coordinate', [op.ECRECOVER], exitOnly(0), ER(K_HASH, 0, 5n, SIG_EVEN.s));
vec('ecrecover.hash_max', 'ECRECOVER of hash 2^256-1 (reduced mod n)', [op.ECRECOVER], ok(4, 'int', 'int', -1), ER(be32((1n << 256n) - 1n), 0, SIG_EVEN.r, SIG_EVEN.s));
vec('ecrecover.r_negative', 'ECRECOVER with r = -1: range check', [op.ECRECOVER], err(5), ER(K_HASH, 0, -1n, SIG_EVEN.s));
vec('ecrecover.s_nan', 'ECRECOVER with a NaN s: range check', [op.PUSHNAN, op.ECRECOVER], err(5), { stack_in: [I(big(K_HASH)), I(0), I(SIG_EVEN.r)] });
vec('ecrecover.hash_negative', 'ECRECOVER with hash -1: range check', [op.ECRECOVER], err(5), { stack_in: [I(-1), I(0), I(SIG_EVEN.r), I(SIG_EVEN.s)] });
vec('ecrecover.underflow', 'ECRECOVER with three entries', [op.ECRECOVER], err(2), { stack_in: [I(0), I(SIG_EVEN.r), I(SIG_EVEN.s)] });
vec('ecrecover.type', 'ECRECOVER with a null r: type check', [op.ECRECOVER], err(7), { stack_in: [I(big(K_HASH)), I(0), NULL, I(SIG_EVEN.s)] });
vec('ecrecover.out_of_gas', 'ECRECOVER with gas for the instruction but not the 1500', [op.ECRECOVER], exitOnly(-14), { ...ER(K_HASH, 0, SIG_EVEN.r, SIG_EVEN.s), gas_limit: 1000 });
vec('ecrecover.v3', 'ECRECOVER at global version 3: invalid opcode', [op.ECRECOVER], err(6), { ...ER(K_HASH, 0, SIG_EVEN.r, SIG_EVEN.s), global_version: 3 });

// Recovery ids 2 and 3 need R.x = r + n, i.e. an x in [n, p): pick such an R,
// any s, and the key recovered is Q = r^-1 (s·R - e·G), computed here too.
function recidHighCase(parity) {
    for (let k = 1n; ; k++) {
        const R = SECP.lift(SECP.n + k, parity);
        if (!R) continue;
        const r = k;
        const s = nonce(`high-recid-s-${parity}`, SECP.n);
        const e = big(K_HASH) % SECP.n;
        const rInv = inv(r, SECP.n);
        const Q = SECP.add(SECP.mul(mod(s * rInv, SECP.n), R), SECP.mul(mod(-e * rInv, SECP.n), SECP.G));
        return { r, s, out: [4, Q.x, Q.y, -1] };
    }
}
for (const parity of [0, 1]) {
    const c = recidHighCase(parity);
    vec(`ecrecover.recid${2 + parity}_valid`, `ECRECOVER with recovery id ${2 + parity} (R.x = r + n)`, [op.ECRECOVER], ok(...c.out), ER(K_HASH, 2 + parity, c.r, c.s));
}

// ===== secp256k1: SECP256K1_XONLY_PUBKEY_TWEAK_ADD =====
const TW = (key, tweak) => ({ stack_in: [I(key), I(tweak)] });
const tweaked = (x, t) => {
    const P = SECP.add(SECP.lift(x, 0), SECP.mul(t, SECP.G));
    return [4, P.x, P.y, -1];
};
const XONLY = SECP.mul(K_D, SECP.G).x;
const TWEAK = big(bytes('tweak', 32)) % SECP.n;
vec('xonly.tweak', 'SECP256K1_XONLY_PUBKEY_TWEAK_ADD of a key and a tweak', [op.SECP256K1_XONLY_PUBKEY_TWEAK_ADD], ok(...tweaked(XONLY, TWEAK)), TW(XONLY, TWEAK));
vec('xonly.tweak_zero', 'tweak 0: the even-y point itself', [op.SECP256K1_XONLY_PUBKEY_TWEAK_ADD], ok(...tweaked(SECP.G.x, 0n)), TW(SECP.G.x, 0n));
vec('xonly.tweak_one', 'G.x tweaked by 1: 2G', [op.SECP256K1_XONLY_PUBKEY_TWEAK_ADD], ok(...tweaked(SECP.G.x, 1n)), TW(SECP.G.x, 1n));
vec('xonly.tweak_to_infinity', 'G.x tweaked by n - 1: the point at infinity, 0', [op.SECP256K1_XONLY_PUBKEY_TWEAK_ADD], ok(0), TW(SECP.G.x, SECP.n - 1n));
vec('xonly.tweak_order', 'tweak n: 0', [op.SECP256K1_XONLY_PUBKEY_TWEAK_ADD], ok(0), TW(SECP.G.x, SECP.n));
vec('xonly.key_off_curve', 'a key that is no x coordinate: 0', [op.SECP256K1_XONLY_PUBKEY_TWEAK_ADD], exitOnly(0), TW(5n, 1n));
vec('xonly.key_zero', 'key 0', [op.SECP256K1_XONLY_PUBKEY_TWEAK_ADD], exitOnly(0), TW(0n, 1n));
vec('xonly.key_p', 'key = p (not reduced): 0', [op.SECP256K1_XONLY_PUBKEY_TWEAK_ADD], ok(0), TW(SECP.p, 1n));
vec('xonly.key_negative', 'key -1: range check', [op.SECP256K1_XONLY_PUBKEY_TWEAK_ADD], err(5), TW(-1n, 1n));
vec('xonly.tweak_negative', 'tweak -1: range check', [op.SECP256K1_XONLY_PUBKEY_TWEAK_ADD], err(5), TW(SECP.G.x, -1n));
vec('xonly.underflow', 'one entry: stack underflow', [op.SECP256K1_XONLY_PUBKEY_TWEAK_ADD], err(2), { stack_in: [I(1)] });
vec('xonly.type', 'a slice key: type check', [op.SECP256K1_XONLY_PUBKEY_TWEAK_ADD], err(7), { stack_in: [SB(be32(SECP.G.x)), I(1)] });
vec('xonly.out_of_gas', 'gas for the instruction but not the 1250', [op.SECP256K1_XONLY_PUBKEY_TWEAK_ADD], exitOnly(-14), { ...TW(SECP.G.x, 1n), gas_limit: 500 });
vec('xonly.v8', 'at global version 8: invalid opcode', [op.SECP256K1_XONLY_PUBKEY_TWEAK_ADD], err(6), { ...TW(SECP.G.x, 1n), global_version: 8 });

// ===== P-256: P256_CHKSIGNU / P256_CHKSIGNS =====
const P_D = nonce('p256-key', P256.n);
const P_PUB = P256.mul(P_D, P256.G);
const compressed = (P) => Buffer.concat([Buffer.from([P.y & 1n ? 3 : 2]), be32(P.x)]);
const P_KEY = compressed(P_PUB);
const pSign = (data) => {
    const s = P256.signDigest(nodeHash('sha256', data), P_D, nonce(`p256-nonce-${data.toString('hex')}`, P256.n));
    return Buffer.concat([be32(s.r), be32(s.s)]);
};
const P_MSG = bytes('p256-msg', 32);
const P_SIG = pSign(P_MSG);
const P_MSG50 = bytes('p256-msg50', 50);
const P_SIG50 = pSign(P_MSG50);
const PU = (hash, sig, key) => ({ stack_in: [I(big(hash)), SB(sig), SB(key)] });
const PS = (data, sig, key) => ({ stack_in: [SB(data), SB(sig), SB(key)] });
const highS = (sig) => Buffer.concat([sig.subarray(0, 32), be32(P256.n - big(sig.subarray(32)))]);
vec('p256.chksignu_valid', 'P256_CHKSIGNU: the hash is signed as 32 bytes of data', [op.P256_CHKSIGNU], ok(-1), PU(P_MSG, P_SIG, P_KEY));
vec('p256.chksigns_valid', 'P256_CHKSIGNS of 50 bytes', [op.P256_CHKSIGNS], ok(-1), PS(P_MSG50, P_SIG50, P_KEY));
vec('p256.chksigns_empty', 'P256_CHKSIGNS of no bytes', [op.P256_CHKSIGNS], ok(-1), PS(Buffer.alloc(0), pSign(Buffer.alloc(0)), P_KEY));
vec('p256.chksignu_high_s', 'P256_CHKSIGNU with s replaced by n - s (accepted)', [op.P256_CHKSIGNU], ok(-1), PU(P_MSG, highS(P_SIG), P_KEY));
vec('p256.chksignu_bad', 'P256_CHKSIGNU of a changed hash', [op.P256_CHKSIGNU], ok(0), PU(flip(P_MSG, 5), P_SIG, P_KEY));
vec('p256.chksignu_other_key_parity', 'P256_CHKSIGNU with the key prefix flipped (the other y)', [op.P256_CHKSIGNU], ok(0), PU(P_MSG, P_SIG, Buffer.concat([Buffer.from([P_KEY[0] ^ 1]), P_KEY.subarray(1)])));
vec('p256.chksignu_r_zero', 'P256_CHKSIGNU with r = 0', [op.P256_CHKSIGNU], ok(0), PU(P_MSG, Buffer.concat([Buffer.alloc(32), P_SIG.subarray(32)]), P_KEY));
vec('p256.chksignu_s_order', 'P256_CHKSIGNU with s = n', [op.P256_CHKSIGNU], ok(0), PU(P_MSG, Buffer.concat([P_SIG.subarray(0, 32), be32(P256.n)]), P_KEY));
vec('p256.chksignu_key_prefix4', 'P256_CHKSIGNU with a 04-prefixed 33-byte key', [op.P256_CHKSIGNU], ok(0), PU(P_MSG, P_SIG, Buffer.concat([Buffer.from([4]), P_KEY.subarray(1)])));
vec('p256.chksignu_key_off_curve', 'P256_CHKSIGNU with an x that is no curve point', [op.P256_CHKSIGNU], exitOnly(0), PU(P_MSG, P_SIG, Buffer.concat([Buffer.from([2]), be32(5n)])));
vec('p256.chksignu_key_x_p', 'P256_CHKSIGNU with x = p', [op.P256_CHKSIGNU], ok(0), PU(P_MSG, P_SIG, Buffer.concat([Buffer.from([2]), be32(P256.p)])));
vec('p256.chksignu_long_key', 'P256_CHKSIGNU reads 33 bytes of a longer key slice', [op.P256_CHKSIGNU], ok(-1), PU(P_MSG, P_SIG, Buffer.concat([P_KEY, bytes('t', 4)])));
vec('p256.chksignu_short_key', 'P256_CHKSIGNU with a 263-bit key: cell underflow', [op.P256_CHKSIGNU], err(9), { stack_in: [I(big(P_MSG)), SB(P_SIG), S(cellBytes(P_KEY), { bits_end: 263 })] });
vec('p256.chksignu_short_sig', 'P256_CHKSIGNU with a 511-bit signature: cell underflow', [op.P256_CHKSIGNU], err(9), { stack_in: [I(big(P_MSG)), S(cellBytes(P_SIG), { bits_end: 511 }), SB(P_KEY)] });
vec('p256.chksigns_bits', 'P256_CHKSIGNS of 9 bits: cell underflow', [op.P256_CHKSIGNS], err(9), { stack_in: [S(cellOf('101010101')), SB(P_SIG), SB(P_KEY)] });
vec('p256.chksignu_hash_negative', 'P256_CHKSIGNU with hash -1: range check', [op.P256_CHKSIGNU], err(5), { stack_in: [I(-1), SB(P_SIG), SB(P_KEY)] });
vec('p256.chksignu_underflow', 'P256_CHKSIGNU with two entries', [op.P256_CHKSIGNU], err(2), { stack_in: [SB(P_SIG), SB(P_KEY)] });
vec('p256.chksignu_type', 'P256_CHKSIGNU with an int key: type check', [op.P256_CHKSIGNU], err(7), { stack_in: [I(big(P_MSG)), SB(P_SIG), I(5)] });
vec('p256.chksignu_out_of_gas', 'P256_CHKSIGNU with gas for the instruction but not the 3500', [op.P256_CHKSIGNU], exitOnly(-14), { ...PU(P_MSG, P_SIG, P_KEY), gas_limit: 2000 });
vec('p256.chksignu_v3', 'P256_CHKSIGNU at global version 3: invalid opcode', [op.P256_CHKSIGNU], err(6), { ...PU(P_MSG, P_SIG, P_KEY), global_version: 3 });
vec('p256.no_count', '11 P256_CHKSIGNU: no free-check counting', REPEAT_N(11, [PUSH(2), PUSH(2), PUSH(2), op.P256_CHKSIGNU, op.DROP]), exitOnly(0), PU(P_MSG, P_SIG, P_KEY));

// ===== Ristretto255 =====
const RB = 0xe2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76n; // the base point (RFC 9496)
const RB2 = 0x6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919n; // 2 * base
const RL = ED_L;
const RP = ED_P;
const R1 = (x) => ({ stack_in: [I(x)] });
const R2 = (x, y) => ({ stack_in: [I(x), I(y)] });
const H1 = big(bytes('rist-h1', 32));
const H2 = big(bytes('rist-h2', 32));
vec('rist.fromhash', 'RIST255_FROMHASH of two 256-bit halves', [op.RIST255_FROMHASH], ok('int'), R2(H1, H2));
vec('rist.fromhash_valid', 'RIST255_FROMHASH gives a valid element', [op.RIST255_FROMHASH, op.RIST255_QVALIDATE], ok(-1), R2(H1, H2));
vec('rist.fromhash_zero', 'RIST255_FROMHASH of zeros', [op.RIST255_FROMHASH], ok('int'), R2(0, 0));
vec('rist.fromhash_max', 'RIST255_FROMHASH of 2^256-1 twice', [op.RIST255_FROMHASH], ok('int'), R2((1n << 256n) - 1n, (1n << 256n) - 1n));
vec('rist.fromhash_negative', 'RIST255_FROMHASH with x1 = -1: range check', [op.RIST255_FROMHASH], err(5), R2(-1, H2));
vec('rist.fromhash_x2_nan', 'RIST255_FROMHASH with a NaN x2: range check', [op.PUSHNAN, op.RIST255_FROMHASH], err(5), R1(H1));
vec('rist.fromhash_underflow', 'RIST255_FROMHASH with one entry', [op.RIST255_FROMHASH], err(2), R1(H1));
vec('rist.fromhash_type', 'RIST255_FROMHASH with a null: type check', [op.RIST255_FROMHASH], err(7), { stack_in: [NULL, I(H2)] });
vec('rist.fromhash_out_of_gas', 'RIST255_FROMHASH without gas for the 600', [op.RIST255_FROMHASH], exitOnly(-14), { ...R2(H1, H2), gas_limit: 400 });
vec('rist.validate', 'RIST255_VALIDATE of the base point: nothing pushed', [op.RIST255_VALIDATE], ok(), R1(RB));
vec('rist.validate_identity', 'RIST255_VALIDATE of 0 (the identity)', [op.RIST255_VALIDATE], ok(), R1(0));
vec('rist.validate_odd', 'RIST255_VALIDATE of 1 (a negative field element): range check', [op.RIST255_VALIDATE], err(5), R1(1));
vec('rist.validate_p', 'RIST255_VALIDATE of the encoding of p (non-canonical 0): range check', [op.RIST255_VALIDATE], err(5), R1(big(Buffer.from(be32(RP)).reverse())));
vec('rist.validate_p_int', 'RIST255_VALIDATE of the integer p', [op.RIST255_QVALIDATE], exitOnly(0), R1(RP));
// The integer is exported big-endian and read by libsodium as a little-endian
// encoding: the integer's bit 7 is the encoding's top bit, which libsodium ignores.
vec('rist.validate_top_bit', 'RIST255_VALIDATE of B with integer bit 7 (the encoding top bit) set: valid', [op.RIST255_VALIDATE], ok(), R1(RB | 0x80n));
vec('rist.add_top_bit', 'RIST255_ADD of B with the encoding top bit set, plus B: 2B', [op.RIST255_ADD], ok(RB2), R2(RB | 0x80n, RB));
vec('rist.qvalidate_top_bit_p', 'RIST255_QVALIDATE of p with the encoding top bit set: invalid', [op.RIST255_QVALIDATE], ok(0), R1(big(Buffer.from(be32(RP)).reverse()) | 0x80n));
vec('rist.validate_bit_255', 'RIST255_VALIDATE of B with integer bit 255 set (another field element)', [op.RIST255_QVALIDATE], exitOnly(0), R1(RB | (1n << 255n)));
vec('rist.validate_negative', 'RIST255_VALIDATE of -1: range check', [op.RIST255_VALIDATE], err(5), R1(-1));
vec('rist.validate_nan', 'RIST255_VALIDATE of NaN: range check', [op.PUSHNAN, op.RIST255_VALIDATE], err(5));
vec('rist.validate_underflow', 'RIST255_VALIDATE on an empty stack', [op.RIST255_VALIDATE], err(2));
vec('rist.validate_type', 'RIST255_VALIDATE of a slice', [op.RIST255_VALIDATE], err(7), { stack_in: [SB(be32(RB))] });
vec('rist.qvalidate', 'RIST255_QVALIDATE of the base point', [op.RIST255_QVALIDATE], ok(-1), R1(RB));
vec('rist.qvalidate_bad', 'RIST255_QVALIDATE of 1', [op.RIST255_QVALIDATE], ok(0), R1(1));
vec('rist.qvalidate_negative', 'RIST255_QVALIDATE of -1', [op.RIST255_QVALIDATE], ok(0), R1(-1));
vec('rist.qvalidate_underflow', 'RIST255_QVALIDATE on an empty stack', [op.RIST255_QVALIDATE], err(2));
vec('rist.add', 'RIST255_ADD B + B = 2B', [op.RIST255_ADD], ok(RB2), R2(RB, RB));
vec('rist.add_identity', 'RIST255_ADD B + 0 = B', [op.RIST255_ADD], ok(RB), R2(RB, 0));
vec('rist.add_invalid', 'RIST255_ADD with an invalid y: range check', [op.RIST255_ADD], err(5), R2(RB, 1));
vec('rist.add_negative', 'RIST255_ADD with x = -1: range check', [op.RIST255_ADD], err(5), R2(-1, RB));
vec('rist.add_underflow', 'RIST255_ADD with one entry', [op.RIST255_ADD], err(2), R1(RB));
vec('rist.add_type', 'RIST255_ADD with a null y', [op.RIST255_ADD], err(7), { stack_in: [I(RB), NULL] });
vec('rist.qadd', 'RIST255_QADD B + B', [op.RIST255_QADD], ok(RB2, -1), R2(RB, RB));
vec('rist.qadd_invalid', 'RIST255_QADD with an invalid x', [op.RIST255_QADD], ok(0), R2(3, RB));
vec('rist.sub', 'RIST255_SUB 2B - B = B', [op.RIST255_SUB], ok(RB), R2(RB2, RB));
vec('rist.sub_self', 'RIST255_SUB B - B = 0', [op.RIST255_SUB], ok(0), R2(RB, RB));
vec('rist.sub_invalid', 'RIST255_SUB with an invalid y', [op.RIST255_SUB], err(5), R2(RB, RP));
vec('rist.qsub', 'RIST255_QSUB 2B - B', [op.RIST255_QSUB], ok(RB, -1), R2(RB2, RB));
vec('rist.qsub_invalid', 'RIST255_QSUB with an invalid y', [op.RIST255_QSUB], ok(0), R2(RB, 1));
vec('rist.add_out_of_gas', 'RIST255_ADD without gas for the 600', [op.RIST255_ADD], exitOnly(-14), { ...R2(RB, RB), gas_limit: 300 });
vec('rist.mul', 'RIST255_MUL B * 2 = 2B', [op.RIST255_MUL], ok(RB2), R2(RB, 2));
vec('rist.mul_one', 'RIST255_MUL B * (l + 1) = B', [op.RIST255_MUL], ok(RB), R2(RB, RL + 1n));
vec('rist.mul_zero', 'RIST255_MUL B * 0 = 0', [op.RIST255_MUL], ok(0), R2(RB, 0));
vec('rist.mul_l', 'RIST255_MUL B * l = 0', [op.RIST255_MUL], ok(0), R2(RB, RL));
vec('rist.mul_zero_invalid_point', 'RIST255_MUL of an invalid point by 0: 0 (the point is not looked at)', [op.RIST255_MUL], ok(0), R2(1, 0));
vec('rist.mul_zero_negative_point', 'RIST255_MUL of x = -1 by 0: 0', [op.RIST255_MUL], ok(0), R2(-1, 0));
vec('rist.mul_identity', 'RIST255_MUL of the identity by 5: range check (libsodium refuses the identity result)', [op.RIST255_MUL], err(5), R2(0, 5));
vec('rist.mul_minus_one', 'RIST255_MUL B * -1 (reduced mod l) = -B', [op.RIST255_MUL, op.RIST255_ADD], exitOnly(0), { stack_in: [I(RB), I(RB), I(-1)] });
vec('rist.mul_min', 'RIST255_MUL B * -2^256', [op.RIST255_MUL], ok('int'), R2(RB, -(1n << 256n)));
vec('rist.mul_invalid', 'RIST255_MUL of an invalid point by 3: range check', [op.RIST255_MUL], err(5), R2(1, 3));
vec('rist.mul_nan', 'RIST255_MUL by NaN: range check', [op.PUSHNAN, op.RIST255_MUL], err(5), R1(RB));
vec('rist.mul_underflow', 'RIST255_MUL with one entry', [op.RIST255_MUL], err(2), R1(RB));
vec('rist.mul_type', 'RIST255_MUL with a null scalar', [op.RIST255_MUL], err(7), { stack_in: [I(RB), NULL] });
vec('rist.mul_out_of_gas', 'RIST255_MUL without gas for the 2000', [op.RIST255_MUL], exitOnly(-14), { ...R2(RB, 2), gas_limit: 1500 });
vec('rist.qmul', 'RIST255_QMUL B * 2', [op.RIST255_QMUL], ok(RB2, -1), R2(RB, 2));
vec('rist.qmul_zero', 'RIST255_QMUL by 0', [op.RIST255_QMUL], ok(0, -1), R2(RB, 0));
vec('rist.qmul_identity', 'RIST255_QMUL of the identity by 5', [op.RIST255_QMUL], ok(0), R2(0, 5));
vec('rist.qmul_invalid', 'RIST255_QMUL of an invalid point', [op.RIST255_QMUL], ok(0), R2(1, 3));
vec('rist.qmul_nan', 'RIST255_QMUL by NaN', [op.PUSHNAN, op.RIST255_QMUL], ok(0), R1(RB));
vec('rist.mulbase', 'RIST255_MULBASE 1 = B', [op.RIST255_MULBASE], ok(RB), R1(1));
vec('rist.mulbase_2', 'RIST255_MULBASE 2 = 2B', [op.RIST255_MULBASE], ok(RB2), R1(2));
vec('rist.mulbase_zero', 'RIST255_MULBASE 0 = 0', [op.RIST255_MULBASE], ok(0), R1(0));
vec('rist.mulbase_l', 'RIST255_MULBASE l = 0', [op.RIST255_MULBASE], ok(0), R1(RL));
vec('rist.mulbase_negative', 'RIST255_MULBASE -1 = -B', [op.RIST255_MULBASE], ok('int'), R1(-1));
vec('rist.mulbase_max', 'RIST255_MULBASE 2^256-1', [op.RIST255_MULBASE], ok('int'), R1((1n << 256n) - 1n));
vec('rist.mulbase_nan', 'RIST255_MULBASE of NaN: range check', [op.PUSHNAN, op.RIST255_MULBASE], err(5));
vec('rist.mulbase_underflow', 'RIST255_MULBASE on an empty stack', [op.RIST255_MULBASE], err(2));
vec('rist.mulbase_out_of_gas', 'RIST255_MULBASE without gas for the 750', [op.RIST255_MULBASE], exitOnly(-14), { ...R1(1), gas_limit: 500 });
vec('rist.qmulbase', 'RIST255_QMULBASE 1', [op.RIST255_QMULBASE], ok(RB, -1), R1(1));
vec('rist.qmulbase_zero', 'RIST255_QMULBASE 0', [op.RIST255_QMULBASE], ok(0, -1), R1(0));
vec('rist.qmulbase_nan', 'RIST255_QMULBASE of NaN', [op.PUSHNAN, op.RIST255_QMULBASE], ok(0));
vec('rist.pushl', 'RIST255_PUSHL', [op.RIST255_PUSHL], ok(RL));
vec('rist.pushl_v3', 'RIST255_PUSHL at global version 3: invalid opcode', [op.RIST255_PUSHL], err(6), { global_version: 3 });
vec('rist.qadd_v3', 'RIST255_QADD at global version 3: invalid opcode', [op.RIST255_QADD], err(6), { ...R2(RB, RB), global_version: 3 });
vec('rist.mul_v3', 'RIST255_MUL at global version 3: invalid opcode', [op.RIST255_MUL], err(6), { ...R2(RB, 2), global_version: 3 });

// ===== BLS12-381 =====
// The oracle is also used to derive BLS keys and signatures (sk·G1 and
// sk·H(m)); H(m) is hash_to_curve, computed as MAP_TO_G2(u0) + MAP_TO_G2(u1)
// with u0, u1 = hash_to_field(m) (RFC 9380, expand_message_xmd with SHA-256):
// the cofactor clearing inside MAP_TO_G2 is a homomorphism, so the sum equals
// blst's hash_to_g2. BLS_VERIFY accepting these signatures checks the derivation.
const ORACLE = await createOracle({ config: 'default' });
/** Runs a helper program on the oracle and returns its final stack (it must succeed). */
function evalOnOracle(body, stack) {
    const r = ORACLE.run({ code: cellToBoc(prog(hx('30', 'DROP'), ...body).cell), stack: [...stack, I(SENTINEL)], c4c5: false });
    if (r.exit_code !== 0) throw new Error(`helper program failed: exit ${r.exit_code}`);
    return r.stack;
}
const sliceBytes = (v) => Buffer.from(v.content_hex, 'hex');
const BLS_P = 0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaabn;
const BLS_R = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001n;
const be48 = (x) => Buffer.from(BigInt(x).toString(16).padStart(96, '0'), 'hex');
const G1_GEN = hexBuf('97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb');
const G2_GEN = hexBuf('93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8');
const G1_ZERO = Buffer.concat([Buffer.from([0xc0]), Buffer.alloc(47)]);
const G2_ZERO = Buffer.concat([Buffer.from([0xc0]), Buffer.alloc(95)]);
const BLS_DST = Buffer.from('BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_');
function expandMessageXmd(msg, dst, len) {
    const sha = (...parts) => crypto.createHash('sha256').update(Buffer.concat(parts)).digest();
    const dstPrime = Buffer.concat([dst, Buffer.from([dst.length])]);
    const ell = Math.ceil(len / 32);
    const b0 = sha(Buffer.alloc(64), msg, Buffer.from([len >> 8, len & 255, 0]), dstPrime);
    const out = [sha(b0, Buffer.from([1]), dstPrime)];
    for (let i = 2; i <= ell; i++) {
        const x = Buffer.from(b0.map((b, j) => b ^ out[i - 2][j]));
        out.push(sha(x, Buffer.from([i]), dstPrime));
    }
    return Buffer.concat(out).subarray(0, len);
}
/** hash_to_field(msg, 2) for Fp2: two elements, each as the 96-byte c0 || c1 that MAP_TO_G2 reads. */
function hashToFieldFp2(msg) {
    const u = expandMessageXmd(msg, BLS_DST, 256);
    const e = [0, 1, 2, 3].map((i) => be48(big(u.subarray(64 * i, 64 * i + 64)) % BLS_P));
    return [Buffer.concat([e[0], e[1]]), Buffer.concat([e[2], e[3]])];
}
const OPS_BLS = (name) => op[name];
const blsKey = (label) => (big(bytes(label, 32)) % (BLS_R - 1n)) + 1n;
/** sk·G1. */
const blsPub = (sk) => sliceBytes(evalOnOracle([PUSHINT(sk), OPS_BLS('BLS_G1_MUL')], [SB(G1_GEN)])[0]);
/** hash_to_curve(msg) in G2. */
function blsHash(msg) {
    const [u0, u1] = hashToFieldFp2(msg);
    return sliceBytes(evalOnOracle([OPS_BLS('BLS_MAP_TO_G2'), op.SWAP, OPS_BLS('BLS_MAP_TO_G2'), OPS_BLS('BLS_G2_ADD')], [SB(u1), SB(u0)])[0]);
}
const blsSign = (sk, msg) => sliceBytes(evalOnOracle([PUSHINT(sk), OPS_BLS('BLS_G2_MUL')], [SB(blsHash(msg))])[0]);
const SK1 = blsKey('bls-sk-1');
const SK2 = blsKey('bls-sk-2');
const SK3 = blsKey('bls-sk-3');
const PK1 = blsPub(SK1);
const PK2 = blsPub(SK2);
const PK3 = blsPub(SK3);
const BMSG = Buffer.from('sample message for BLS');
const BMSG2 = bytes('bls-msg-2', 100);
const SIG1 = blsSign(SK1, BMSG);
const SIG2 = blsSign(SK2, BMSG);
const SIG3 = blsSign(SK3, BMSG);
const SIG2B = blsSign(SK2, BMSG2);
const AGG123 = sliceBytes(evalOnOracle([PUSHINT(3), OPS_BLS('BLS_AGGREGATE')], [SB(SIG1), SB(SIG2), SB(SIG3)])[0]);
const AGG_1_2B = sliceBytes(evalOnOracle([PUSHINT(2), OPS_BLS('BLS_AGGREGATE')], [SB(SIG1), SB(SIG2B)])[0]);
/** A point on E1 (y^2 = x^3 + 4) outside the subgroup, compressed (smallest x found from 1). */
function g1OffSubgroup() {
    for (let x = 1n; ; x++) {
        const y2 = (x * x * x + 4n) % BLS_P;
        const y = powMod(y2, (BLS_P + 1n) / 4n, BLS_P);
        if ((y * y) % BLS_P === y2) {
            const buf = be48(x);
            buf[0] |= 0x80; // compressed, smaller y
            return buf;
        }
    }
}
const G1_OFF = g1OffSubgroup();
const G1_NOT_ON_CURVE = (() => {
    for (let x = 1n; ; x++) {
        const y2 = (x * x * x + 4n) % BLS_P;
        const y = powMod(y2, (BLS_P + 1n) / 4n, BLS_P);
        if ((y * y) % BLS_P !== y2) {
            const buf = be48(x);
            buf[0] |= 0x80;
            return buf;
        }
    }
})();
const G1_UNCOMPRESSED_FLAG = Buffer.from(G1_GEN.map((b, i) => (i === 0 ? b & 0x7f : b)));
const G1_X_P = (() => {
    const b = be48(BLS_P);
    b[0] |= 0x80;
    return b;
})();
const bls = (name) => OPS_BLS(name);
/** Encodings blst refuses: a compressed x (or x.c1) equal to p. */
const BAD_G1 = G1_X_P;
const BAD_G2 = Buffer.concat([G1_X_P, Buffer.alloc(48)]);
const S1 = (...bufs) => ({ stack_in: bufs.map((b) => SB(b)) });
const isSlice = (buf) => slBytes(buf);
const anySlice48 = (v) => v.type === 'slice' && v.content_hex.length === 96;
const anySlice96 = (v) => v.type === 'slice' && v.content_hex.length === 192;

// Signatures
vec('bls.verify', 'BLS_VERIFY of a valid signature', [bls('BLS_VERIFY')], ok(-1), S1(PK1, BMSG, SIG1));
vec('bls.verify_100', 'BLS_VERIFY of a 100-byte message', [bls('BLS_VERIFY')], ok(-1), S1(PK2, BMSG2, SIG2B));
vec('bls.verify_wrong_msg', 'BLS_VERIFY of another message', [bls('BLS_VERIFY')], ok(0), S1(PK1, BMSG2, SIG1));
vec('bls.verify_wrong_key', 'BLS_VERIFY against another key', [bls('BLS_VERIFY')], ok(0), S1(PK2, BMSG, SIG1));
vec('bls.verify_infinity_key', 'BLS_VERIFY with the infinity key: 0', [bls('BLS_VERIFY')], ok(0), S1(G1_ZERO, BMSG, G2_ZERO));
vec('bls.verify_bad_key', 'BLS_VERIFY with a key that is no curve point: 0', [bls('BLS_VERIFY')], ok(0), S1(G1_NOT_ON_CURVE, BMSG, SIG1));
vec('bls.verify_key_off_subgroup', 'BLS_VERIFY with a key outside the subgroup: 0', [bls('BLS_VERIFY')], ok(0), S1(G1_OFF, BMSG, SIG1));
vec('bls.verify_key_flag', 'BLS_VERIFY with a key without the compression flag: 0', [bls('BLS_VERIFY')], ok(0), S1(G1_UNCOMPRESSED_FLAG, BMSG, SIG1));
vec('bls.verify_bad_sig', 'BLS_VERIFY with a corrupted signature: 0', [bls('BLS_VERIFY')], ok(0), S1(PK1, BMSG, flip(SIG1, 50)));
vec('bls.verify_msg_bits', 'BLS_VERIFY of a 7-bit message: cell underflow', [bls('BLS_VERIFY')], err(9), { stack_in: [SB(PK1), S(cellOf('1010101')), SB(SIG1)] });
vec('bls.verify_short_sig', 'BLS_VERIFY with a 95-byte signature: cell underflow', [bls('BLS_VERIFY')], err(9), S1(PK1, BMSG, SIG1.subarray(0, 95)));
vec('bls.verify_short_key', 'BLS_VERIFY with a 47-byte key: cell underflow', [bls('BLS_VERIFY')], err(9), S1(PK1.subarray(0, 47), BMSG, SIG1));
vec('bls.verify_underflow', 'BLS_VERIFY with two entries', [bls('BLS_VERIFY')], err(2), S1(BMSG, SIG1));
vec('bls.verify_type', 'BLS_VERIFY with an int message: type check', [bls('BLS_VERIFY')], err(7), { stack_in: [SB(PK1), I(1), SB(SIG1)] });
vec('bls.verify_out_of_gas', 'BLS_VERIFY without gas for the 61000', [bls('BLS_VERIFY')], exitOnly(-14), { ...S1(PK1, BMSG, SIG1), gas_limit: 50000 });
vec('bls.verify_v3', 'BLS_VERIFY at global version 3: invalid opcode', [bls('BLS_VERIFY')], err(6), { ...S1(PK1, BMSG, SIG1), global_version: 3 });
vec('bls.aggregate', 'BLS_AGGREGATE of three signatures', [PUSHINT(3), bls('BLS_AGGREGATE')], ok(anySlice96), S1(SIG1, SIG2, SIG3));
vec('bls.aggregate_one', 'BLS_AGGREGATE of one signature: itself', [PUSHINT(1), bls('BLS_AGGREGATE')], ok(isSlice(SIG1)), S1(SIG1));
vec('bls.aggregate_zero', 'BLS_AGGREGATE of none: range check', [PUSHINT(0), bls('BLS_AGGREGATE')], err(5), S1(SIG1));
vec('bls.aggregate_too_many', 'BLS_AGGREGATE count past the stack: range check', [PUSHINT(2), bls('BLS_AGGREGATE')], err(5), S1(SIG1));
vec('bls.aggregate_bad_point', 'BLS_AGGREGATE with a corrupted second signature: unknown error', [PUSHINT(2), bls('BLS_AGGREGATE')], err(11), S1(SIG1, G2_GEN.map((b, i) => (i === 95 ? b ^ 1 : b))));
vec('bls.aggregate_short', 'BLS_AGGREGATE with a 95-byte signature: cell underflow', [PUSHINT(2), bls('BLS_AGGREGATE')], err(9), S1(SIG1, SIG2.subarray(0, 95)));
vec('bls.aggregate_out_of_gas', 'BLS_AGGREGATE of three without gas for 3·4350 - 2650', [PUSHINT(3), bls('BLS_AGGREGATE')], exitOnly(-14), { ...S1(SIG1, SIG2, SIG3), gas_limit: 10000 });
vec('bls.fast_aggregate_verify_true', 'BLS_FASTAGGREGATEVERIFY of three keys (stack order)', [bls('BLS_FASTAGGREGATEVERIFY')], ok(-1), { stack_in: [SB(PK1), SB(PK2), SB(PK3), I(3), SB(BMSG), SB(AGG123)] });
vec('bls.fast_aggregate_verify_missing_key', 'BLS_FASTAGGREGATEVERIFY with a key left out', [bls('BLS_FASTAGGREGATEVERIFY')], ok(0), { stack_in: [SB(PK1), SB(PK2), I(2), SB(BMSG), SB(AGG123)] });
vec('bls.fast_aggregate_verify_none', 'BLS_FASTAGGREGATEVERIFY of no keys: 0', [bls('BLS_FASTAGGREGATEVERIFY')], ok(0), { stack_in: [I(0), SB(BMSG), SB(G2_ZERO)] });
vec('bls.fast_aggregate_verify_inf_key', 'BLS_FASTAGGREGATEVERIFY with an infinity key: 0', [bls('BLS_FASTAGGREGATEVERIFY')], ok(0), { stack_in: [SB(PK1), SB(G1_ZERO), I(2), SB(BMSG), SB(SIG1)] });
vec('bls.fast_aggregate_verify_off_subgroup', 'BLS_FASTAGGREGATEVERIFY with a second key outside the subgroup: 0', [bls('BLS_FASTAGGREGATEVERIFY')], ok(0), { stack_in: [SB(PK1), SB(G1_OFF), I(2), SB(BMSG), SB(SIG1)] });
vec('bls.fast_aggregate_verify_count', 'BLS_FASTAGGREGATEVERIFY count past the stack: range check', [bls('BLS_FASTAGGREGATEVERIFY')], err(5), { stack_in: [SB(PK1), I(2), SB(BMSG), SB(SIG1)] });
vec('bls.fast_aggregate_verify_underflow', 'BLS_FASTAGGREGATEVERIFY with two entries', [bls('BLS_FASTAGGREGATEVERIFY')], err(2), S1(BMSG, SIG1));
vec('bls.fast_aggregate_verify_msg_bits', 'BLS_FASTAGGREGATEVERIFY of a 9-bit message: cell underflow', [bls('BLS_FASTAGGREGATEVERIFY')], err(9), { stack_in: [SB(PK1), I(1), S(cellOf('101010101')), SB(SIG1)] });
vec('bls.aggregate_verify', 'BLS_AGGREGATEVERIFY of two keys with different messages', [bls('BLS_AGGREGATEVERIFY')], ok(-1), { stack_in: [SB(PK1), SB(BMSG), SB(PK2), SB(BMSG2), I(2), SB(AGG_1_2B)] });
vec('bls.aggregate_verify_swapped', 'BLS_AGGREGATEVERIFY with the messages swapped: 0', [bls('BLS_AGGREGATEVERIFY')], ok(0), { stack_in: [SB(PK1), SB(BMSG2), SB(PK2), SB(BMSG), I(2), SB(AGG_1_2B)] });
vec('bls.aggregate_verify_one', 'BLS_AGGREGATEVERIFY of one pair', [bls('BLS_AGGREGATEVERIFY')], ok(-1), { stack_in: [SB(PK1), SB(BMSG), I(1), SB(SIG1)] });
vec('bls.aggregate_verify_none', 'BLS_AGGREGATEVERIFY of no pairs: 0', [bls('BLS_AGGREGATEVERIFY')], ok(0), { stack_in: [I(0), SB(SIG1)] });
vec('bls.aggregate_verify_off_subgroup', 'BLS_AGGREGATEVERIFY with a key outside the subgroup: 0', [bls('BLS_AGGREGATEVERIFY')], ok(0), { stack_in: [SB(G1_OFF), SB(BMSG), I(1), SB(SIG1)] });
vec('bls.aggregate_verify_count', 'BLS_AGGREGATEVERIFY with an odd stack: range check', [bls('BLS_AGGREGATEVERIFY')], err(5), { stack_in: [SB(PK1), SB(BMSG), SB(PK2), I(2), SB(SIG1)] });
vec('bls.aggregate_verify_underflow', 'BLS_AGGREGATEVERIFY with one entry', [bls('BLS_AGGREGATEVERIFY')], err(2), S1(SIG1));
vec('bls.aggregate_verify_out_of_gas', 'BLS_AGGREGATEVERIFY without gas for 38500 + 22500', [bls('BLS_AGGREGATEVERIFY')], exitOnly(-14), { stack_in: [SB(PK1), SB(BMSG), I(1), SB(SIG1)], gas_limit: 50000 });

// The Ethereum BLS test suite (the IETF ciphersuite), as the reference's own tests run it.
const ETH = JSON.parse(fs.readFileSync(path.join(HERE, 'crypto/bls_eth_cases.json'), 'utf8'));
const ETH_OPS = { verify: 'BLS_VERIFY', aggregate: 'BLS_AGGREGATE', 'fast-aggregate-verify': 'BLS_FASTAGGREGATEVERIFY', 'aggregate-verify': 'BLS_AGGREGATEVERIFY' };
for (const c of ETH.cases) {
    const stackIn = c.args.map((a) => (a.int !== undefined ? I(a.int) : SB(hexBuf(a.slice))));
    let want;
    if (c.expected !== undefined) want = ok(c.expected);
    else if (c.expected_slice === '') want = { exit: (e) => e !== 0 };
    else want = ok(isSlice(hexBuf(c.expected_slice)));
    vec(`bls.eth.${c.op}.${c.name}`, `${ETH_OPS[c.op]}: Ethereum BLS test ${c.name}`, [bls(ETH_OPS[c.op])], want, { stack_in: stackIn, gas_limit: 10000000 });
}

// Group arithmetic
for (const [g, gen, zero, size, bad] of [['G1', G1_GEN, G1_ZERO, 48, BAD_G1], ['G2', G2_GEN, G2_ZERO, 96, BAD_G2]]) {
    const n = g.toLowerCase();
    const any = size === 48 ? anySlice48 : anySlice96;
    const dbl = sliceBytes(evalOnOracle([PUSHINT(2), bls(`BLS_${g}_MUL`)], [SB(gen)])[0]);
    vec(`bls.${n}_add`, `BLS_${g}_ADD G + G = 2G`, [bls(`BLS_${g}_ADD`)], ok(isSlice(dbl)), S1(gen, gen));
    vec(`bls.${n}_add_zero`, `BLS_${g}_ADD G + 0`, [bls(`BLS_${g}_ADD`)], ok(isSlice(gen)), S1(gen, zero));
    vec(`bls.${n}_add_bad`, `BLS_${g}_ADD with an invalid encoding (x = p): unknown error`, [bls(`BLS_${g}_ADD`)], err(11), S1(gen, bad));
    vec(`bls.${n}_add_flag`, `BLS_${g}_ADD with a point without the compression flag: unknown error`, [bls(`BLS_${g}_ADD`)], err(11), S1(Buffer.from(gen.map((b, i) => (i === 0 ? b & 0x7f : b))), gen));
    vec(`bls.${n}_add_short`, `BLS_${g}_ADD with a short point: cell underflow`, [bls(`BLS_${g}_ADD`)], err(9), S1(gen, gen.subarray(1)));
    vec(`bls.${n}_add_underflow`, `BLS_${g}_ADD with one entry`, [bls(`BLS_${g}_ADD`)], err(2), S1(gen));
    vec(`bls.${n}_add_type`, `BLS_${g}_ADD with an int`, [bls(`BLS_${g}_ADD`)], err(7), { stack_in: [SB(gen), I(1)] });
    vec(`bls.${n}_sub`, `BLS_${g}_SUB 2G - G = G`, [bls(`BLS_${g}_SUB`)], ok(isSlice(gen)), S1(dbl, gen));
    vec(`bls.${n}_sub_self`, `BLS_${g}_SUB G - G = 0`, [bls(`BLS_${g}_SUB`)], ok(isSlice(zero)), S1(gen, gen));
    vec(`bls.${n}_neg`, `BLS_${g}_NEG; ADD: G + (-G) = 0`, [bls(`BLS_${g}_NEG`), bls(`BLS_${g}_ADD`)], ok(isSlice(zero)), S1(gen, gen));
    vec(`bls.${n}_neg_zero`, `BLS_${g}_NEG of 0`, [bls(`BLS_${g}_NEG`)], ok(isSlice(zero)), S1(zero));
    vec(`bls.${n}_neg_underflow`, `BLS_${g}_NEG on an empty stack (the gas is charged first)`, [bls(`BLS_${g}_NEG`)], err(2));
    vec(`bls.${n}_neg_bad`, `BLS_${g}_NEG of an invalid encoding (x = p): unknown error`, [bls(`BLS_${g}_NEG`)], err(11), S1(bad));
    vec(`bls.${n}_mul`, `BLS_${g}_MUL G · 2`, [PUSHINT(2), bls(`BLS_${g}_MUL`)], ok(isSlice(dbl)), S1(gen));
    vec(`bls.${n}_mul_r_plus_2`, `BLS_${g}_MUL G · (r + 2) = 2G`, [bls(`BLS_${g}_MUL`)], ok(isSlice(dbl)), { stack_in: [SB(gen), I(BLS_R + 2n)] });
    vec(`bls.${n}_mul_negative`, `BLS_${g}_MUL G · -1 = -G`, [PUSHINT(-1), bls(`BLS_${g}_MUL`), bls(`BLS_${g}_ADD`)], ok(isSlice(zero)), S1(gen, gen));
    vec(`bls.${n}_mul_zero`, `BLS_${g}_MUL of an invalid encoding (x = p) by 0: 0 (the point is not decoded)`, [PUSHINT(0), bls(`BLS_${g}_MUL`)], ok(isSlice(zero)), S1(bad));
    vec(`bls.${n}_mul_bad`, `BLS_${g}_MUL of an invalid encoding (x = p) by 3: unknown error`, [PUSHINT(3), bls(`BLS_${g}_MUL`)], err(11), S1(bad));
    vec(`bls.${n}_mul_nan`, `BLS_${g}_MUL by NaN: integer overflow`, [op.PUSHNAN, bls(`BLS_${g}_MUL`)], err(4), S1(gen));
    vec(`bls.${n}_mul_big`, `BLS_${g}_MUL by 2^256-1`, [bls(`BLS_${g}_MUL`)], ok(any), { stack_in: [SB(gen), I((1n << 256n) - 1n)] });
    vec(`bls.${n}_multiexp`, `BLS_${g}_MULTIEXP G·3 + 2G·5 = G·13`, [PUSHINT(2), bls(`BLS_${g}_MULTIEXP`), PUSHINT(13), PUSH(2), op.SWAP, bls(`BLS_${g}_MUL`), bls(`BLS_${g}_SUB`), bls(`BLS_${g}_ISZERO`)], ok(isSlice(gen), -1), { stack_in: [SB(gen), SB(gen), I(3), SB(dbl), I(5)] });
    vec(`bls.${n}_multiexp_one`, `BLS_${g}_MULTIEXP of one term`, [PUSHINT(1), bls(`BLS_${g}_MULTIEXP`)], ok(isSlice(dbl)), { stack_in: [SB(gen), I(2)] });
    vec(`bls.${n}_multiexp_none`, `BLS_${g}_MULTIEXP of no terms: 0`, [PUSHINT(0), bls(`BLS_${g}_MULTIEXP`)], ok(isSlice(zero)));
    const many = Array.from({ length: 40 }, (_, i) => [SB(i % 2 ? gen : dbl), I(BigInt(i) * 1000003n - 7n)]).flat();
    vec(`bls.${n}_multiexp_40`, `BLS_${g}_MULTIEXP of 40 terms (gas with l = 5)`, [PUSHINT(40), bls(`BLS_${g}_MULTIEXP`)], ok(any), { stack_in: many });
    vec(`bls.${n}_multiexp_16`, `BLS_${g}_MULTIEXP of 16 terms (gas with l = 4)`, [PUSHINT(16), bls(`BLS_${g}_MULTIEXP`)], ok(any), { stack_in: many.slice(0, 32) });
    vec(`bls.${n}_multiexp_bad`, `BLS_${g}_MULTIEXP with an invalid encoding (x = p): unknown error`, [PUSHINT(2), bls(`BLS_${g}_MULTIEXP`)], err(11), { stack_in: [SB(gen), I(1), SB(bad), I(2)] });
    vec(`bls.${n}_multiexp_nan`, `BLS_${g}_MULTIEXP with a NaN scalar: integer overflow`, [op.PUSHNAN, PUSHINT(1), bls(`BLS_${g}_MULTIEXP`)], err(4), S1(gen));
    vec(`bls.${n}_multiexp_count`, `BLS_${g}_MULTIEXP count past the stack: range check`, [PUSHINT(2), bls(`BLS_${g}_MULTIEXP`)], err(5), { stack_in: [SB(gen), I(1), SB(gen)] });
    vec(`bls.${n}_multiexp_out_of_gas`, `BLS_${g}_MULTIEXP running out of gas`, [PUSHINT(2), bls(`BLS_${g}_MULTIEXP`)], exitOnly(-14), { stack_in: [SB(gen), I(1), SB(gen), I(2)], gas_limit: size === 48 ? 15000 : 40000 });
    vec(`bls.${n}_zero`, `BLS_${g}_ZERO`, [bls(`BLS_${g}_ZERO`)], ok(isSlice(zero)));
    vec(`bls.${n}_iszero`, `BLS_${g}_ISZERO of ZERO and of G`, [bls(`BLS_${g}_ISZERO`), op.SWAP, bls(`BLS_${g}_ISZERO`)], ok(-1, 0), S1(gen, zero));
    vec(`bls.${n}_iszero_bytes`, `BLS_${g}_ISZERO compares bytes: a longer slice starting with zero`, [bls(`BLS_${g}_ISZERO`)], ok(-1), S1(Buffer.concat([zero, Buffer.from([1])])));
    vec(`bls.${n}_iszero_short`, `BLS_${g}_ISZERO of a short slice: cell underflow`, [bls(`BLS_${g}_ISZERO`)], err(9), S1(zero.subarray(1)));
    vec(`bls.${n}_ingroup`, `BLS_${g}_INGROUP of G`, [bls(`BLS_${g}_INGROUP`)], ok(-1), S1(gen));
    vec(`bls.${n}_ingroup_zero`, `BLS_${g}_INGROUP of 0`, [bls(`BLS_${g}_INGROUP`)], ok(-1), S1(zero));
    vec(`bls.${n}_ingroup_bad`, `BLS_${g}_INGROUP of an invalid encoding (x = p): 0`, [bls(`BLS_${g}_INGROUP`)], ok(0), S1(bad));
    vec(`bls.${n}_ingroup_underflow`, `BLS_${g}_INGROUP on an empty stack`, [bls(`BLS_${g}_INGROUP`)], err(2));
    const fp = Buffer.concat(Array.from({ length: size / 48 }, (_, i) => be48(big(bytes(`fp-${n}-${i}`, 48)) % BLS_P)));
    vec(`bls.map_to_${n}`, `BLS_MAP_TO_${g} of a field element`, [bls(`BLS_MAP_TO_${g}`), bls(`BLS_${g}_INGROUP`)], ok(-1), S1(fp));
    vec(`bls.map_to_${n}_value`, `BLS_MAP_TO_${g} result`, [bls(`BLS_MAP_TO_${g}`)], ok(any), S1(fp));
    vec(`bls.map_to_${n}_zero`, `BLS_MAP_TO_${g} of 0`, [bls(`BLS_MAP_TO_${g}`)], ok(any), S1(Buffer.alloc(size)));
    vec(`bls.map_to_${n}_unreduced`, `BLS_MAP_TO_${g} of all-ones bytes (not reduced mod p)`, [bls(`BLS_MAP_TO_${g}`)], ok(any), S1(Buffer.alloc(size, 0xff)));
    vec(`bls.map_to_${n}_short`, `BLS_MAP_TO_${g} of a short slice: cell underflow`, [bls(`BLS_MAP_TO_${g}`)], err(9), S1(fp.subarray(1)));
    vec(`bls.map_to_${n}_out_of_gas`, `BLS_MAP_TO_${g} without gas for it`, [bls(`BLS_MAP_TO_${g}`)], exitOnly(-14), { ...S1(fp), gas_limit: 1000 });
    vec(`bls.${n}_v3`, `BLS_${g}_ADD at global version 3: invalid opcode`, [bls(`BLS_${g}_ADD`)], err(6), { ...S1(gen, gen), global_version: 3 });
}
// Points outside the G1 subgroup
vec('bls.g1_ingroup_off', 'BLS_G1_INGROUP of a curve point outside the subgroup: 0', [bls('BLS_G1_INGROUP')], ok(0), S1(G1_OFF));
vec('bls.g1_ingroup_not_on_curve', 'BLS_G1_INGROUP of an x off the curve: 0', [bls('BLS_G1_INGROUP')], ok(0), S1(G1_NOT_ON_CURVE));
vec('bls.g1_ingroup_x_p', 'BLS_G1_INGROUP of x = p: 0', [bls('BLS_G1_INGROUP')], ok(0), S1(G1_X_P));
vec('bls.g1_add_off_first', 'BLS_G1_ADD with the first point outside the subgroup (not checked)', [bls('BLS_G1_ADD')], ok(anySlice48), S1(G1_OFF, G1_GEN));
vec('bls.g1_add_off_second', 'BLS_G1_ADD with the second point outside the subgroup: unknown error', [bls('BLS_G1_ADD')], err(11), S1(G1_GEN, G1_OFF));
vec('bls.g1_sub_off_first', 'BLS_G1_SUB with the first point outside the subgroup: unknown error', [bls('BLS_G1_SUB')], err(11), S1(G1_OFF, G1_GEN));
vec('bls.g1_sub_off_second', 'BLS_G1_SUB with the second point outside the subgroup (not checked)', [bls('BLS_G1_SUB')], ok(anySlice48), S1(G1_GEN, G1_OFF));
vec('bls.g1_neg_off', 'BLS_G1_NEG of a point outside the subgroup', [bls('BLS_G1_NEG')], ok(anySlice48), S1(G1_OFF));
vec('bls.g1_mul_off', 'BLS_G1_MUL of a point outside the subgroup (blst scalar multiplication)', [PUSHINT(12345), bls('BLS_G1_MUL')], ok(anySlice48), S1(G1_OFF));
vec('bls.g1_mul_off_r', 'BLS_G1_MUL of a point outside the subgroup by r + 5', [bls('BLS_G1_MUL')], ok(anySlice48), { stack_in: [SB(G1_OFF), I(BLS_R + 5n)] });
vec('bls.g1_multiexp_off', 'BLS_G1_MULTIEXP with a point outside the subgroup', [PUSHINT(2), bls('BLS_G1_MULTIEXP')], ok(anySlice48), { stack_in: [SB(G1_OFF), I(777), SB(G1_GEN), I(3)] });
vec('bls.g1_mul_not_on_curve', 'BLS_G1_MUL of an x off the curve: unknown error', [PUSHINT(2), bls('BLS_G1_MUL')], err(11), S1(G1_NOT_ON_CURVE));
vec('bls.g1_mul_x_p', 'BLS_G1_MUL of x = p: unknown error', [PUSHINT(2), bls('BLS_G1_MUL')], err(11), S1(G1_X_P));
vec('bls.g1_zero_bad_infinity', 'BLS_G1_NEG of an infinity encoding with a stray bit: unknown error', [bls('BLS_G1_NEG')], err(11), S1(Buffer.concat([Buffer.from([0xc0]), Buffer.alloc(46), Buffer.from([1])])));
// Pairing
vec('bls.pairing', 'BLS_PAIRING e(G1, sig) · e(-pk, H(m)) = 1', [bls('BLS_PAIRING')], ok(-1), { stack_in: [SB(G1_GEN), SB(SIG1), SB(sliceBytes(evalOnOracle([bls('BLS_G1_NEG')], [SB(PK1)])[0])), SB(blsHash(BMSG)), I(2)] });
vec('bls.pairing_false', 'BLS_PAIRING e(G1, sig) · e(pk, H(m)) != 1', [bls('BLS_PAIRING')], ok(0), { stack_in: [SB(G1_GEN), SB(SIG1), SB(PK1), SB(blsHash(BMSG)), I(2)] });
vec('bls.pairing_none', 'BLS_PAIRING of no pairs', [PUSHINT(0), bls('BLS_PAIRING')], exitOnly(0));
vec('bls.pairing_zero', 'BLS_PAIRING with infinity points', [PUSHINT(1), bls('BLS_PAIRING')], exitOnly(0), S1(G1_ZERO, G2_GEN));
vec('bls.pairing_bad', 'BLS_PAIRING with an invalid G2 encoding: unknown error', [PUSHINT(1), bls('BLS_PAIRING')], err(11), S1(G1_GEN, BAD_G2));
vec('bls.pairing_bad_g1', 'BLS_PAIRING with a G1 x off the curve: unknown error', [PUSHINT(1), bls('BLS_PAIRING')], err(11), S1(G1_NOT_ON_CURVE, G2_GEN));
vec('bls.pairing_off_subgroup', 'BLS_PAIRING with a G1 point outside the subgroup', [PUSHINT(1), bls('BLS_PAIRING')], exitOnly(0), S1(G1_OFF, G2_GEN));
vec('bls.pairing_count', 'BLS_PAIRING count past the stack: range check', [PUSHINT(2), bls('BLS_PAIRING')], err(5), S1(G1_GEN, G2_GEN));
vec('bls.pairing_order', 'BLS_PAIRING with G2 below G1: cell underflow (48 bytes read as G2)', [PUSHINT(1), bls('BLS_PAIRING')], err(9), S1(G2_GEN, G1_GEN));
vec('bls.pairing_out_of_gas', 'BLS_PAIRING without gas for 20000 + 2·11800', [bls('BLS_PAIRING')], exitOnly(-14), { stack_in: [SB(G1_GEN), SB(SIG1), SB(PK1), SB(blsHash(BMSG)), I(2)], gas_limit: 40000 });
vec('bls.pushr', 'BLS_PUSHR', [bls('BLS_PUSHR')], ok(BLS_R));
vec('bls.pushr_v3', 'BLS_PUSHR at global version 3', [bls('BLS_PUSHR')], err(6), { global_version: 3 });

// ===== The instruction's own cost exhausts the gas: it does not run =====
vec('gas.base_exhausted_chksignu', 'CHKSIGNU on a short stack with gas for DROP only: out of gas, no exception', [op.CHKSIGNU], exitOnly(-14), { stack_in: [I(1)], gas_limit: 40 });
vec('gas.base_exhausted_hashcu', 'HASHCU on an empty stack with gas for DROP only', [op.HASHCU], exitOnly(-14), { gas_limit: 30 });
vec('gas.base_exhausted_ecrecover', 'ECRECOVER whose 26 gas exhaust the limit: the 1500 are not charged', [op.ECRECOVER], exitOnly(-14), { ...ER(K_HASH, 0, SIG_EVEN.r, SIG_EVEN.s), gas_limit: 40 });
vec('gas.base_exhausted_rist_mul', 'RIST255_QMUL whose 34 gas exhaust the limit', [op.RIST255_QMUL], exitOnly(-14), { ...R2(RB, 2), gas_limit: 50 });

// ---------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------
const show = (x) => x.value ?? x.content_hex ?? (x.type === 'builder' ? `b:${x.bits}/${x.refs}` : x.type === 'tuple' ? `[${x.items.map(show).join(' ')}]` : x.type);

function checkWant(v, r) {
    const errs = [];
    if (typeof v.want.exit === 'function' ? !v.want.exit(r.exit_code) : r.exit_code !== v.want.exit) errs.push(`exit ${r.exit_code} (want ${v.want.exit})`);
    if (v.want.stack !== undefined && !matchStack(r.stack, v.want.stack)) errs.push(`stack ${JSON.stringify(r.stack.map(show))}`);
    return errs;
}

const DESCRIPTION =
    'Hashing and cryptography instructions (cp0 category app_crypto) with exit code, gas, stack and c4/c5 as produced by the reference C++ TVM. Every program starts with DROP of the int32 sentinel on top of stack_in (exact raw entry). Optional per-vector field: global_version (config param 8 for the run). See README.md.';
await generateSentinelFile(import.meta.url, OUT, V, checkWant, DESCRIPTION, { oracle: ORACLE });
