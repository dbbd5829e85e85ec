#!/usr/bin/env node
// Generates control_vectors.json: hand-encoded TVM programs exercising the
// control-flow family (continuation calls and jumps, conditionals, loops,
// closures, control registers, CALLDICT, exceptions, codepages, RUNVM) with
// the exit code, gas, stack and c4/c5 that the reference TVM (the C++ TVM
// inside @ton/sandbox, run through ../shared/oracle) produces for them.
//
//   node conformance/vectors/gen_control_vectors.mjs [--check]
//
// The oracle is found at <project>/../shared/oracle/runvm.mjs, or at the path
// in the GRAM_ORACLE environment variable. Programs use only stack, constant
// and control-flow instructions, so the family can be checked on its own.
//
// Every program carries a hand-written expectation (exit code, stack values,
// sometimes gas); the generator refuses to write the file if the oracle
// disagrees. Everything recorded comes from the oracle. With --check nothing
// is written: the file is compared with a fresh run (exit 1 on a difference).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hexBits, fiftBits, uBits, bitsToHex } from './lib/bits.mjs';
import { ins, hx, opTable, specProg as prog, PUSHINT, PUSH, PUSHSLICE, PUSHREF, PUSHREFSLICE, PUSHCONT } from './lib/asm.mjs';
import { nibbles, optNargs, immOp, opFamily, ctrOp, CALLXARGS, SETCONTARGS, BLESSARGS, PUSHCTR, POPCTR, SETCONTCTR } from './lib/asm.mjs';
import { createOracle, runSpecVectors, parseCellSpec, cellToBoc, I } from './lib/oracle.mjs';
import { vectorDocument, failOnProblems, finish } from './lib/output.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'control_vectors.json');

// ---------------------------------------------------------------------------
// A small assembler: an instruction is {bits, refs, asm}; refs are programs.
// ---------------------------------------------------------------------------
/** Raw bits written as Fift-style hex with an optional completion tag ("A_" = 101). */
const rawBits = (fhex) => ins(fiftBits(fhex), `x{${fhex}}`);

const OPS = {
    NOP: '00', SWAP: '01', DUP: '20', OVER: '21', DROP: '30', NIP: '31', ROT: '58', ROTREV: '59', DEPTH: '68',
    PUSHNAN: '83FF',
    EXECUTE: 'D8', JMPX: 'D9', RET: 'DB30', RETALT: 'DB31', BRANCH: 'DB32', CALLCC: 'DB34', JMPXDATA: 'DB35',
    CALLXVARARGS: 'DB38', RETVARARGS: 'DB39', JMPXVARARGS: 'DB3A', CALLCCVARARGS: 'DB3B', RETDATA: 'DB3F',
    RUNVMX: 'DB50',
    IFRET: 'DC', IFNOTRET: 'DD', IF: 'DE', IFNOT: 'DF', IFJMP: 'E0', IFNOTJMP: 'E1', IFELSE: 'E2',
    CONDSEL: 'E304', CONDSELCHK: 'E305', IFRETALT: 'E308', IFNOTRETALT: 'E309',
    REPEAT: 'E4', REPEATEND: 'E5', UNTIL: 'E6', UNTILEND: 'E7', WHILE: 'E8', WHILEEND: 'E9', AGAIN: 'EA',
    AGAINEND: 'EB', REPEATBRK: 'E314', REPEATENDBRK: 'E315', UNTILBRK: 'E316', UNTILENDBRK: 'E317',
    WHILEBRK: 'E318', WHILEENDBRK: 'E319', AGAINBRK: 'E31A', AGAINENDBRK: 'E31B',
    RETURNVARARGS: 'ED10', SETCONTVARARGS: 'ED11', SETNUMVARARGS: 'ED12', BLESS: 'ED1E', BLESSVARARGS: 'ED1F',
    PUSHCTRX: 'EDE0', POPCTRX: 'EDE1', SETCONTCTRX: 'EDE2', SETCONTCTRMANYX: 'EDE4',
    COMPOS: 'EDF0', COMPOSALT: 'EDF1', COMPOSBOTH: 'EDF2', ATEXIT: 'EDF3', ATEXITALT: 'EDF4', SETEXITALT: 'EDF5',
    THENRET: 'EDF6', THENRETALT: 'EDF7', INVERT: 'EDF8', BOOLEVAL: 'EDF9', SAMEALT: 'EDFA', SAMEALTSAVE: 'EDFB',
    THROWANY: 'F2F0', THROWARGANY: 'F2F1', THROWANYIF: 'F2F2', THROWARGANYIF: 'F2F3', THROWANYIFNOT: 'F2F4',
    THROWARGANYIFNOT: 'F2F5', TRY: 'F2FF', SETCPX: 'FFF0',
};
const op = opTable(OPS);

/** PUSHSLICE of a program's bits (code for BLESS / RUNVM); no refs. */
const PUSHCODE = (p) => ({ ...PUSHSLICE(p.hex), asm: `PUSHSLICE {${p.asm}}` });
const CALLCCARGS = (p, r) => ({ ...nibbles('DB36', p, optNargs(r), 'CALLCCARGS'), asm: `CALLCCARGS ${p},${r}` });
const TRYARGS = (p, r) => nibbles('F3', p, r, 'TRYARGS');

// One 4-, 8-, 12- or 14-bit immediate after the prefix.
const CALLXARGS_VAR = immOp(hexBits('DB0'), 4, 'CALLXARGS', ',-1');
const JMPXARGS = immOp(hexBits('DB1'), 4, 'JMPXARGS');
const RETARGS = immOp(hexBits('DB2'), 4, 'RETARGS');
const RETURNARGS = immOp(hexBits('ED0'), 4, 'RETURNARGS');
const RUNVM = immOp(hexBits('DB4'), 12, 'RUNVM');
const SETCONTCTRMANY = immOp(hexBits('EDE3'), 8, 'SETCONTCTRMANY');
const CALLDICT = immOp(hexBits('F0'), 8, 'CALLDICT');
const CALLDICT_LONG = immOp(hexBits('F1') + '00', 14, 'CALLDICT', ' (long)');
const JMPDICT = immOp(hexBits('F1') + '01', 14, 'JMPDICT');
const PREPAREDICT = immOp(hexBits('F1') + '10', 14, 'PREPAREDICT');
const SETCP = (n) => (n >= 0 ? immOp(hexBits('FF'), 8, 'SETCP')(n) : ins(hexBits('FFF') + uBits(n + 16, 4), `SETCP ${n}`));

// The program after the opcode is the instruction's ref.
const withRef = (hex, name) => (p) => ins(hexBits(hex), `${name} {${p.asm}}`, [p]);
const { CALLREF, JMPREF, JMPREFDATA, IFREF, IFNOTREF, IFJMPREF, IFNOTJMPREF, IFREFELSE, IFELSEREF } = opFamily(withRef, {
    CALLREF: 'DB3C', JMPREF: 'DB3D', JMPREFDATA: 'DB3E', IFREF: 'E300', IFNOTREF: 'E301', IFJMPREF: 'E302',
    IFNOTJMPREF: 'E303', IFREFELSE: 'E30D', IFELSEREF: 'E30E',
});
const IFREFELSEREF = (a, b) => ins(hexBits('E30F'), `IFREFELSEREF {${a.asm}} {${b.asm}}`, [a, b]);

// 10-bit prefixes E38_ / E3C_ (the REF forms, with the program as the ref), then a negate bit and a 5-bit bit index.
const bitJmp = (kind, name) => (n, p) =>
    p ? ins(hexBits('E3') + kind + uBits(n, 5), `${name} ${n} {${p.asm}}`, [p]) : immOp(hexBits('E3') + kind, 5, name)(n);
const IFBITJMP = bitJmp('100', 'IFBITJMP');
const IFNBITJMP = bitJmp('101', 'IFNBITJMP');
const IFBITJMPREF = bitJmp('110', 'IFBITJMPREF');
const IFNBITJMPREF = bitJmp('111', 'IFNBITJMPREF');

const { SETRETCTR, SETALTCTR, POPSAVE, SAVE, SAVEALT, SAVEBOTH } = opFamily(ctrOp, {
    SETRETCTR: 'ED7', SETALTCTR: 'ED8', POPSAVE: 'ED9', SAVE: 'EDA', SAVEALT: 'EDB', SAVEBOTH: 'EDC',
});

// The THROW family: a short form F2 + kind + 6-bit number (below 64), and a long form F2C_ + kind + 11-bit number.
const throwLong = (kind, name, suffix) => immOp('1111001011' + kind, 11, name, suffix);
const throwShortOrLong = (shortKind, longKind, name) => (n) =>
    n < 64 ? immOp(hexBits('F2') + shortKind, 6, name)(n) : throwLong(longKind, name)(n);
const THROW = throwShortOrLong('00', '000', 'THROW');
const THROWIF = throwShortOrLong('01', '010', 'THROWIF');
const THROWIFNOT = throwShortOrLong('10', '100', 'THROWIFNOT');
const THROW_LONG = throwLong('000', 'THROW', ' (long)');
const THROWIF_LONG = throwLong('010', 'THROWIF', ' (long)');
const THROWARG = throwLong('001', 'THROWARG');
const THROWARGIF = throwLong('011', 'THROWARGIF');
const THROWARGIFNOT = throwLong('101', 'THROWARGIFNOT');

// ---------------------------------------------------------------------------
// Typed values and expectations
// ---------------------------------------------------------------------------
const CELL = (hex, refs = []) => ({ type: 'cell', hex, refs });
const SLICE = (hex, extra = {}) => ({ type: 'slice', hex, ...extra });
const BUILDER = (hex) => ({ type: 'builder', hex });
const TUP = (...items) => ({ type: 'tuple', items });

// Expected stack notation: see matchValue in lib/oracle.mjs.
const sliceHex = (hex) => (v) => v.type === 'slice' && v.content_hex === hex;
const cellHex = (hex) => (v) => v.type === 'cell' && v.hash === parseCellSpec({ hex }).hash().toString('hex').toUpperCase();

// ---------------------------------------------------------------------------
// The vectors
// ---------------------------------------------------------------------------
const V = [];
/**
 * @param name  unique id "group.name"
 * @param desc  what it exercises
 * @param code  prog(...) result
 * @param want  {exit, stack?, gas?, c4?} hand-written expectation (gas only where derived by hand)
 * @param opts  {stack_in, gas_limit, data, global_version, depth_sensitive}
 */
function vec(name, desc, code, want, opts = {}) {
    V.push({ name, desc, code, want, opts });
}
// Data cells whose bits also decode as implemented opcodes (runners that scan every cell as code see no unknown ones).
const X = prog(hx('01'));
const Y = prog(hx('02'));
const P1 = prog(PUSHINT(1));
const P5 = prog(PUSHINT(5));
const P9 = prog(PUSHINT(9));

// --- basic: EXECUTE, JMPX, ARGS and VARARGS forms, CALLCC, DATA forms, CALLREF / JMPREF
vec('basic.execute', 'EXECUTE calls: the body returns to the caller', prog(PUSHINT(7), PUSHCONT(PUSHINT(8)), op.EXECUTE, PUSHINT(9)), { exit: 0, stack: [7, 8, 9], gas: 18 + 18 + 18 + 18 + 5 + 18 + 5 });
vec('basic.execute_underflow', 'EXECUTE on an empty stack: exit 2', prog(op.EXECUTE), { exit: 2, stack: [0], gas: 18 + 50 }, { depth_sensitive: true });
vec('basic.execute_type', 'EXECUTE of an integer: exit 7', prog(PUSHINT(1), op.EXECUTE), { exit: 7, stack: [0] });
vec('basic.jmpx', 'JMPX does not come back', prog(PUSHCONT(PUSHINT(8)), op.JMPX, PUSHINT(9)), { exit: 0, stack: [8], gas: 18 + 18 + 18 + 5 });
vec('basic.callxargs', 'CALLXARGS 2,1: two values in, one back', prog(PUSHCONT(op.DEPTH), CALLXARGS(2, 1)), { exit: 0, stack: [10, 2] }, { stack_in: [I(10), I(11), I(12)] });
vec('basic.callxargs_0_0', 'CALLXARGS 0,0: the callee sees an empty stack, nothing comes back', prog(PUSHCONT(op.DEPTH), CALLXARGS(0, 0)), { exit: 0, stack: [10, 11] }, { stack_in: [I(10), I(11)] });
vec('basic.callxargs_underflow', 'CALLXARGS 3,0 with two values: exit 2', prog(PUSHCONT(), CALLXARGS(3, 0)), { exit: 2, stack: [0] }, { stack_in: [I(10), I(11)] });
vec('basic.callxargs_ret_underflow', 'CALLXARGS 1,1 but the callee leaves nothing: exit 2 on return', prog(PUSHCONT(op.DROP), CALLXARGS(1, 1)), { exit: 2, stack: [0] }, { stack_in: [I(10), I(11)] });
vec('basic.callxargs_var', 'CALLXARGS 2,-1: everything comes back', prog(PUSHCONT(op.DEPTH), CALLXARGS_VAR(2)), { exit: 0, stack: [1, 2, 3, 2] }, { stack_in: [I(1), I(2), I(3)] });
vec('basic.callxargs_many', 'CALLXARGS 15,0 passes 15 of 40 values (stack gas for the 40-entry caller is not charged)', prog(PUSHCONT(op.DEPTH), CALLXARGS(15, 0)), { exit: 0, stack: Array.from({ length: 25 }, (_, i) => i) }, { stack_in: Array.from({ length: 40 }, (_, i) => I(i)) });
vec('basic.jmpxargs', 'JMPXARGS 1 keeps only the top value', prog(PUSHCONT(op.DEPTH), JMPXARGS(1)), { exit: 0, stack: [3, 1] }, { stack_in: [I(1), I(2), I(3)] });
vec('basic.jmpxargs_underflow', 'JMPXARGS 5 with three values: exit 2', prog(PUSHCONT(), JMPXARGS(5)), { exit: 2, stack: [0] }, { stack_in: [I(1), I(2), I(3)] });
vec('basic.jmpxargs_stack_gas', 'JMPXARGS 15 of 40 values: the new stack has 15 entries (free)', prog(PUSHCONT(op.DEPTH), JMPXARGS(15)), { exit: 0, stack: [...Array.from({ length: 15 }, (_, i) => i + 25), 15] }, { stack_in: Array.from({ length: 40 }, (_, i) => I(i)) });
vec('basic.retargs', 'RETARGS 2 returns the top two values', prog(PUSHCONT(PUSHINT(1), PUSHINT(2), PUSHINT(3), RETARGS(2)), op.EXECUTE), { exit: 0, stack: [2, 3], gas: 18 + 18 * 4 + 26 + 5 }, { depth_sensitive: true });
vec('basic.retargs_underflow', 'RETARGS 2 with one value: exit 2', prog(PUSHCONT(PUSHINT(1), RETARGS(2)), op.EXECUTE), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('basic.ret', 'RET ends the top level with exit 0', prog(PUSHINT(1), op.RET, PUSHINT(2)), { exit: 0, stack: [1], gas: 18 + 26 });
vec('basic.retalt_in_call', 'RETALT inside a call leaves through c1 (quit 1)', prog(PUSHCONT(op.RETALT), op.EXECUTE, PUSHINT(2)), { exit: 1, stack: [] });
vec('basic.branch_true', 'RETBOOL (BRANCH) with true returns through c0', prog(op.BRANCH, PUSHINT(2)), { exit: 0, stack: [5] }, { stack_in: [I(5), I(-1)] });
vec('basic.branch_false', 'RETBOOL (BRANCH) with false returns through c1', prog(op.BRANCH, PUSHINT(2)), { exit: 1, stack: [5] }, { stack_in: [I(5), I(0)] });
vec('basic.branch_nan', 'RETBOOL of NaN: integer overflow, exit 4', prog(op.PUSHNAN, op.BRANCH), { exit: 4, stack: [0] });
vec('basic.callcc', 'CALLCC hands the current continuation to the body, which jumps back to it', prog(PUSHINT(5), PUSHCONT(PUSHINT(6), op.SWAP, op.JMPX), op.CALLCC, PUSHINT(7)), { exit: 0, stack: [5, 6, 7] });
vec('basic.callcc_output', 'CALLCC with an empty body: c0 is quit, the continuation is left on the stack', prog(PUSHCONT(), op.CALLCC, PUSHINT(7)), { exit: 0, stack: [3, 'vmc_std'] }, { stack_in: [I(3)] });
vec('basic.callcc_underflow', 'CALLCC on an empty stack: exit 2', prog(op.CALLCC), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('basic.jmpxdata', 'JMPXDATA pushes the rest of the code as a slice', prog(PUSHCONT(), op.JMPXDATA, rawBits('0102')), { exit: 0, stack: [1, sliceHex('0102')] }, { stack_in: [I(1)] });
vec('basic.callccargs', 'CALLCCARGS 2,1: the callee gets two values and the continuation, which expects one', prog(PUSHCONT(PUSHINT(9), op.SWAP, op.JMPX), CALLCCARGS(2, 1), op.DEPTH), { exit: 0, stack: [1, 2, 9, 3] }, { stack_in: [I(1), I(2), I(3), I(4)] });
vec('basic.callccargs_any', 'CALLCCARGS 0,-1 (r = 15): the continuation takes any number of values', prog(PUSHCONT(PUSHINT(1), PUSHINT(2), op.ROT, op.JMPX), CALLCCARGS(0, -1), op.DEPTH), { exit: 0, stack: [5, 1, 2, 3] }, { stack_in: [I(5)] });
vec('basic.callccargs_underflow', 'CALLCCARGS 3,0 with two values and the body: exit 2', prog(PUSHCONT(), CALLCCARGS(3, 0)), { exit: 2, stack: [0] }, { stack_in: [I(1), I(2)] });
vec('basic.callxvarargs', 'CALLXVARARGS with p = 2, r = 1', prog(PUSHCONT(op.DEPTH), PUSHINT(2), PUSHINT(1), op.CALLXVARARGS), { exit: 0, stack: [1, 2] }, { stack_in: [I(1), I(2), I(3)] });
vec('basic.callxvarargs_all', 'CALLXVARARGS with p = -1, r = -1', prog(PUSHCONT(op.DEPTH), PUSHINT(-1), PUSHINT(-1), op.CALLXVARARGS), { exit: 0, stack: [1, 2, 3, 3] }, { stack_in: [I(1), I(2), I(3)] });
vec('basic.callxvarargs_range', 'CALLXVARARGS with p = 255: range check, exit 5', prog(PUSHCONT(), PUSHINT(255), PUSHINT(0), op.CALLXVARARGS), { exit: 5, stack: [0] });
vec('basic.callxvarargs_underflow', 'CALLXVARARGS with two values: exit 2 before any range check', prog(PUSHINT(300), PUSHINT(0), op.CALLXVARARGS), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('basic.retvarargs', 'RETVARARGS 1', prog(PUSHCONT(PUSHINT(1), PUSHINT(2), PUSHINT(1), op.RETVARARGS), op.EXECUTE), { exit: 0, stack: [2] }, { depth_sensitive: true });
vec('basic.retvarargs_range', 'RETVARARGS -2: range check, exit 5', prog(PUSHINT(-2), op.RETVARARGS), { exit: 5, stack: [0] });
vec('basic.jmpxvarargs', 'JMPXVARARGS 1', prog(PUSHCONT(op.DEPTH), PUSHINT(1), op.JMPXVARARGS), { exit: 0, stack: [3, 1] }, { stack_in: [I(1), I(2), I(3)] });
vec('basic.jmpxvarargs_underflow', 'JMPXVARARGS 5 with four values: exit 2', prog(PUSHCONT(), PUSHINT(5), op.JMPXVARARGS), { exit: 2, stack: [0] }, { stack_in: [I(1), I(2), I(3)] });
vec('basic.callccvarargs', 'CALLCCVARARGS with p = 1, r = -1', prog(PUSHCONT(op.JMPX), PUSHINT(1), PUSHINT(-1), op.CALLCCVARARGS, op.DEPTH), { exit: 0, stack: [1, 2, 3, 3] }, { stack_in: [I(1), I(2), I(3)] });
vec('basic.callccvarargs_range', 'CALLCCVARARGS with r = 255: exit 5', prog(PUSHCONT(), PUSHINT(0), PUSHINT(255), op.CALLCCVARARGS), { exit: 5, stack: [0] });
vec('basic.callxargs_to_jump', 'CALLXARGS of a continuation with c0 set is a jump (THENRET)', prog(PUSHCONT(op.DEPTH), op.THENRET, CALLXARGS(1, 0), PUSHINT(5)), { exit: 0, stack: [3, 1] }, { stack_in: [I(1), I(2), I(3)] });
vec('basic.execute_closure_c0', 'EXECUTE of a closure with c0 set: a jump with its bound stack', prog(PUSHCONT(op.DEPTH), SETCONTARGS(1, -1), op.THENRET, op.EXECUTE, PUSHINT(5)), { exit: 0, stack: [3, 1, 2, 3] }, { stack_in: [I(1), I(2), I(3)] });
vec('basic.callref', 'CALLREF loads the ref (+100) and calls it', prog(CALLREF(P5), PUSHINT(6)), { exit: 0, stack: [5, 6], gas: 26 + 100 + 18 + 5 + 18 + 5 });
vec('basic.callref_reload', 'CALLREF of the same cell twice: 100 then 25', prog(CALLREF(P5), CALLREF(P5)), { exit: 0, stack: [5, 5], gas: 126 + 23 + 51 + 23 + 5 });
vec('basic.callref_no_ref', 'CALLREF without a ref: invalid opcode, exit 6', prog(hx('DB3C', 'CALLREF <no ref>')), { exit: 6, stack: [0], gas: 26 + 50 });
vec('basic.jmpref', 'JMPREF does not come back', prog(JMPREF(P5), PUSHINT(6)), { exit: 0, stack: [5], gas: 126 + 18 + 5 });
vec('basic.jmprefdata', 'JMPREFDATA pushes the rest of the code, then jumps', prog(JMPREFDATA(prog(op.DEPTH)), rawBits('0102')), { exit: 0, stack: [1, sliceHex('0102'), 2] }, { stack_in: [I(1)] });
vec('basic.retdata', 'RETDATA pushes the rest of the code and returns', prog(op.RETDATA, rawBits('0102')), { exit: 0, stack: [1, sliceHex('0102')] }, { stack_in: [I(1)] });
vec('basic.out_of_gas_call', 'out of gas at the EXECUTE', prog(PUSHCONT(PUSHINT(8)), op.EXECUTE), { exit: -14, stack: [36] }, { gas_limit: 30 });

// --- conditionals
vec('cond.ifret_false', 'IFRET with false goes on', prog(PUSHINT(0), op.IFRET, PUSHINT(2)), { exit: 0, stack: [2] });
vec('cond.ifnotret', 'IFNOTRET with false returns, with true goes on', prog(PUSHINT(-1), op.IFNOTRET, PUSHINT(2), PUSHINT(0), op.IFNOTRET, PUSHINT(3)), { exit: 0, stack: [2] });
vec('cond.ifret_underflow', 'IFRET on an empty stack: exit 2', prog(op.IFRET), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('cond.ifret_type', 'IFRET of a cell: exit 7', prog(PUSHREF(X), op.IFRET), { exit: 7, stack: [0] });
vec('cond.if_big_flag', 'IF with 2^200 as the flag (non-zero = true)', prog(PUSHINT(1n << 200n), PUSHCONT(PUSHINT(1)), op.IF), { exit: 0, stack: [1] });
vec('cond.ifnot', 'IFNOT both ways', prog(PUSHINT(0), PUSHCONT(PUSHINT(1)), op.IFNOT, PUSHINT(-1), PUSHCONT(PUSHINT(2)), op.IFNOT), { exit: 0, stack: [1] });
vec('cond.ifjmp_false', 'IFJMP with false goes on', prog(PUSHINT(0), PUSHCONT(PUSHINT(1)), op.IFJMP, PUSHINT(2)), { exit: 0, stack: [2] });
vec('cond.ifnotjmp', 'IFNOTJMP with false jumps', prog(PUSHINT(0), PUSHCONT(PUSHINT(1)), op.IFNOTJMP, PUSHINT(2)), { exit: 0, stack: [1] });
vec('cond.ifnotjmp_true', 'IFNOTJMP with true goes on', prog(PUSHINT(-1), PUSHCONT(PUSHINT(1)), op.IFNOTJMP, PUSHINT(2)), { exit: 0, stack: [2] });
vec('cond.if_underflow', 'IF with only a continuation: exit 2 (before any type check)', prog(PUSHCONT(), op.IF), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('cond.if_type', 'IF with an integer as the continuation: exit 7', prog(PUSHINT(0), PUSHINT(0), op.IF), { exit: 7, stack: [0] });
vec('cond.if_nan', 'IF with NaN as the flag: exit 4', prog(op.PUSHNAN, PUSHCONT(), op.IF), { exit: 4, stack: [0] });
vec('cond.ifelse_true', 'IFELSE with true runs the first', prog(PUSHINT(-1), PUSHCONT(PUSHINT(1)), PUSHCONT(PUSHINT(2)), op.IFELSE, PUSHINT(3)), { exit: 0, stack: [1, 3] });
vec('cond.ifelse_false', 'IFELSE with false runs the second', prog(PUSHINT(0), PUSHCONT(PUSHINT(1)), PUSHCONT(PUSHINT(2)), op.IFELSE, PUSHINT(3)), { exit: 0, stack: [2, 3] });
vec('cond.ifelse_underflow', 'IFELSE with two values: exit 2', prog(PUSHCONT(), PUSHCONT(), op.IFELSE), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('cond.ifelse_type', 'IFELSE with an integer in place of the first continuation: exit 7', prog(PUSHINT(-1), PUSHINT(1), PUSHCONT(), op.IFELSE), { exit: 7, stack: [0] });
vec('cond.ifref_taken', 'IFREF with true loads and calls the ref', prog(PUSHINT(-1), IFREF(P5), PUSHINT(6)), { exit: 0, stack: [5, 6], gas: 18 + 126 + 18 + 5 + 18 + 5 });
vec('cond.ifref_not_taken', 'IFREF with false does not load the ref', prog(PUSHINT(0), IFREF(P5), PUSHINT(6)), { exit: 0, stack: [6], gas: 18 + 26 + 18 + 5 });
vec('cond.ifnotref', 'IFNOTREF with false calls', prog(PUSHINT(0), IFNOTREF(P5), PUSHINT(6)), { exit: 0, stack: [5, 6] });
vec('cond.ifjmpref', 'IFJMPREF with true jumps', prog(PUSHINT(-1), IFJMPREF(P5), PUSHINT(6)), { exit: 0, stack: [5] });
vec('cond.ifnotjmpref', 'IFNOTJMPREF with true goes on, with false jumps', prog(PUSHINT(-1), IFNOTJMPREF(P5), PUSHINT(0), IFNOTJMPREF(P9), PUSHINT(6)), { exit: 0, stack: [9] });
vec('cond.ifref_no_ref', 'IFREF without a ref: exit 6 even with false on the stack', prog(PUSHINT(0), hx('E300', 'IFREF <no ref>')), { exit: 6, stack: [0] });
vec('cond.ifref_underflow', 'IFREF on an empty stack: exit 2', prog(IFREF(P5)), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('cond.condsel', 'CONDSEL both ways', prog(PUSHINT(-1), PUSHINT(1), PUSHINT(2), op.CONDSEL, PUSHINT(0), PUSHINT(1), PUSHINT(2), op.CONDSEL), { exit: 0, stack: [1, 2] });
vec('cond.condsel_mixed', 'CONDSEL accepts values of different types', prog(PUSHINT(0), PUSHINT(1), PUSHREF(X), op.CONDSEL), { exit: 0, stack: [cellHex('01')] });
vec('cond.condsel_underflow', 'CONDSEL with two values: exit 2', prog(PUSHINT(0), PUSHINT(1), op.CONDSEL), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('cond.condselchk', 'CONDSELCHK with two integers (NaN counts as one)', prog(PUSHINT(-1), op.PUSHNAN, PUSHINT(2), op.CONDSELCHK), { exit: 0, stack: ['nan'] });
vec('cond.condselchk_type', 'CONDSELCHK with an integer and a cell: exit 7', prog(PUSHINT(-1), PUSHINT(1), PUSHREF(X), op.CONDSELCHK), { exit: 7, stack: [0] });
vec('cond.condselchk_flag_type', 'CONDSELCHK with a cell as the flag: exit 7', prog(PUSHREF(X), PUSHINT(1), PUSHINT(2), op.CONDSELCHK), { exit: 7, stack: [0] });
vec('cond.ifretalt', 'IFRETALT with true leaves through c1', prog(PUSHINT(0), op.IFRETALT, PUSHINT(-1), op.IFRETALT, PUSHINT(2)), { exit: 1, stack: [] });
vec('cond.ifnotretalt', 'IFNOTRETALT with false leaves through c1', prog(PUSHINT(-1), op.IFNOTRETALT, PUSHINT(0), op.IFNOTRETALT, PUSHINT(2)), { exit: 1, stack: [] });
vec('cond.ifrefelse_true', 'IFREFELSE with true calls the ref', prog(PUSHINT(-1), PUSHCONT(PUSHINT(2)), IFREFELSE(P1), PUSHINT(3)), { exit: 0, stack: [1, 3] });
vec('cond.ifrefelse_false', 'IFREFELSE with false calls the stack continuation (no load)', prog(PUSHINT(0), PUSHCONT(PUSHINT(2)), IFREFELSE(P1), PUSHINT(3)), { exit: 0, stack: [2, 3], gas: 18 + 18 + 26 + 18 + 5 + 18 + 5 });
vec('cond.ifelseref_true', 'IFELSEREF with true calls the stack continuation', prog(PUSHINT(-1), PUSHCONT(PUSHINT(2)), IFELSEREF(P1), PUSHINT(3)), { exit: 0, stack: [2, 3] });
vec('cond.ifelseref_false', 'IFELSEREF with false calls the ref', prog(PUSHINT(0), PUSHCONT(PUSHINT(2)), IFELSEREF(P1), PUSHINT(3)), { exit: 0, stack: [1, 3] });
vec('cond.ifelseref_underflow', 'IFELSEREF with one value: exit 2', prog(PUSHCONT(), IFELSEREF(P1)), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('cond.ifrefelseref', 'IFREFELSEREF both ways (only the chosen ref is loaded)', prog(PUSHINT(-1), IFREFELSEREF(P1, P5), PUSHINT(0), IFREFELSEREF(P1, P9)), { exit: 0, stack: [1, 9], gas: 18 + 126 + 18 + 5 + 18 + 126 + 18 + 5 + 5 });
vec('cond.ifrefelseref_one_ref', 'IFREFELSEREF with only one ref: exit 6', prog(PUSHINT(-1), ins(hexBits('E30F'), 'IFREFELSEREF <one ref>', [P1])), { exit: 6, stack: [0] });
vec('cond.ifbitjmp', 'IFBITJMP 0 of 5 jumps (x stays)', prog(PUSHINT(5), PUSHCONT(PUSHINT(1)), IFBITJMP(0), PUSHINT(2)), { exit: 0, stack: [5, 1] });
vec('cond.ifbitjmp_clear', 'IFBITJMP 1 of 5 goes on', prog(PUSHINT(5), PUSHCONT(PUSHINT(1)), IFBITJMP(1), PUSHINT(2)), { exit: 0, stack: [5, 2] });
vec('cond.ifnbitjmp', 'IFNBITJMP 1 of 5 jumps', prog(PUSHINT(5), PUSHCONT(PUSHINT(1)), IFNBITJMP(1), PUSHINT(2)), { exit: 0, stack: [5, 1] });
vec('cond.ifbitjmp_negative', 'IFBITJMP 31 of -1 (two\'s complement) jumps', prog(PUSHINT(-1), PUSHCONT(PUSHINT(1)), IFBITJMP(31), PUSHINT(2)), { exit: 0, stack: [-1, 1] });
vec('cond.ifbitjmp_big', 'IFNBITJMP 31 and IFBITJMP 0 of 2^200 + 2^31 + 1 (beyond 64 bits)', prog(PUSHINT((1n << 200n) + (1n << 31n) + 1n), PUSHCONT(PUSHINT(1)), IFNBITJMP(31), PUSHCONT(PUSHINT(2)), IFBITJMP(0)), { exit: 0, stack: [(1n << 200n) + (1n << 31n) + 1n, 2] });
vec('cond.ifbitjmp_big_negative', 'IFNBITJMP 5 of -2^200 (low bits are zero) jumps', prog(PUSHINT(-(1n << 200n)), PUSHCONT(PUSHINT(1)), IFNBITJMP(5), PUSHINT(2)), { exit: 0, stack: [-(1n << 200n), 1] });
vec('cond.ifbitjmp_nan', 'IFBITJMP of NaN: exit 4', prog(op.PUSHNAN, PUSHCONT(), IFBITJMP(0)), { exit: 4, stack: [0] });
vec('cond.ifbitjmp_underflow', 'IFBITJMP with only the continuation: exit 2', prog(PUSHCONT(), IFBITJMP(0)), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('cond.ifbitjmp_type', 'IFBITJMP of a cell: exit 7', prog(PUSHREF(X), PUSHCONT(), IFBITJMP(0)), { exit: 7, stack: [0] });
vec('cond.ifbitjmpref', 'IFBITJMPREF 2 of 4 jumps to the ref', prog(PUSHINT(4), IFBITJMPREF(2, P5), PUSHINT(2)), { exit: 0, stack: [4, 5] });
vec('cond.ifnbitjmpref', 'IFNBITJMPREF 2 of 4 goes on (the ref is not loaded)', prog(PUSHINT(4), IFNBITJMPREF(2, P5), PUSHINT(2)), { exit: 0, stack: [4, 2], gas: 18 + 26 + 18 + 5 });
vec('cond.ifbitjmpref_no_ref', 'IFBITJMPREF without a ref: exit 6', prog(PUSHINT(4), hx('E3C2', 'IFBITJMPREF 2 <no ref>')), { exit: 6, stack: [0] });

// --- loops (flags come from the input stack: no arithmetic needed)
vec('loop.repeat', 'REPEAT 3 times', prog(PUSHCONT(PUSHINT(1)), op.REPEAT, PUSHINT(2)), { exit: 0, stack: [1, 1, 1, 2] }, { stack_in: [I(3)] });
vec('loop.repeat_min_count', 'REPEAT -2^31 times does nothing', prog(PUSHCONT(PUSHINT(1)), op.REPEAT, PUSHINT(2)), { exit: 0, stack: [2] }, { stack_in: [I(-(2 ** 31))] });
vec('loop.repeat_count_range', 'REPEAT 2^31 times: range check, exit 5', prog(PUSHCONT(PUSHINT(1)), op.REPEAT), { exit: 5, stack: [0] }, { stack_in: [I(2 ** 31)] });
vec('loop.repeat_count_nan', 'REPEAT NaN times: range check, exit 5', prog(op.PUSHNAN, PUSHCONT(), op.REPEAT), { exit: 5, stack: [0] });
vec('loop.repeat_count_type', 'REPEAT with a cell as the count: exit 7', prog(PUSHREF(X), PUSHCONT(), op.REPEAT), { exit: 7, stack: [0] });
vec('loop.repeat_underflow', 'REPEAT with only the body: exit 2', prog(PUSHCONT(), op.REPEAT), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('loop.repeat_gas', 'REPEAT 100 with an empty body (loop overhead only)', prog(PUSHINT(100), PUSHCONT(), op.REPEAT), { exit: 0, stack: [] });
vec('loop.repeatend', 'REPEATEND 2: the rest of the code is the body', prog(op.REPEATEND, PUSHINT(1)), { exit: 0, stack: [1, 1] }, { stack_in: [I(2)] });
vec('loop.repeatend_zero', 'REPEATEND 0 returns at once', prog(PUSHINT(0), op.REPEATEND, PUSHINT(1)), { exit: 0, stack: [] });
vec('loop.repeatbrk', 'REPEATBRK: RETALT in the body leaves the loop', prog(PUSHINT(5), PUSHCONT(PUSHINT(1), op.RETALT), op.REPEATBRK, PUSHINT(2)), { exit: 0, stack: [1, 2] });
vec('loop.repeatendbrk', 'REPEATENDBRK inside a call: RETALT returns to the caller', prog(PUSHCONT(PUSHINT(3), op.REPEATENDBRK, PUSHINT(1), op.RETALT), op.EXECUTE, PUSHINT(2)), { exit: 0, stack: [1, 2] });
vec('loop.until', 'UNTIL runs the body until it leaves true (flags from the input)', prog(PUSHCONT(op.NOP), op.UNTIL, PUSHINT(2)), { exit: 0, stack: [2] }, { stack_in: [I(-1), I(0), I(0)] });
vec('loop.until_nan', 'UNTIL with NaN left by the body: exit 4', prog(PUSHCONT(op.PUSHNAN), op.UNTIL), { exit: 4, stack: [0] });
vec('loop.until_type', 'UNTIL with a cell left as the flag: exit 7', prog(PUSHCONT(PUSHREF(X)), op.UNTIL), { exit: 7, stack: [0] });
vec('loop.until_flag_underflow', 'UNTIL body that leaves nothing: exit 2', prog(PUSHCONT(), op.UNTIL), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('loop.untilend', 'UNTILEND', prog(op.UNTILEND, op.NOP), { exit: 0, stack: [] }, { stack_in: [I(-1), I(0)] });
vec('loop.untilbrk', 'UNTILBRK left with RETALT', prog(PUSHCONT(op.RETALT), op.UNTILBRK, PUSHINT(3)), { exit: 0, stack: [3] });
vec('loop.untilendbrk', 'UNTILENDBRK inside a call, left with RETALT', prog(PUSHCONT(op.UNTILENDBRK, PUSHINT(1), op.RETALT), op.EXECUTE, PUSHINT(3)), { exit: 0, stack: [1, 3] });
vec('loop.while', 'WHILE: condition flags from the input', prog(PUSHCONT(), PUSHCONT(PUSHINT(7), op.DROP), op.WHILE, PUSHINT(2)), { exit: 0, stack: [2] }, { stack_in: [I(0), I(-1), I(-1)] });
vec('loop.while_underflow', 'WHILE with one continuation: exit 2', prog(PUSHCONT(), op.WHILE), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('loop.while_type', 'WHILE with an integer as the condition: exit 7', prog(PUSHINT(0), PUSHCONT(), op.WHILE), { exit: 7, stack: [0] });
vec('loop.whileend', 'WHILEEND: the rest of the code is the body', prog(PUSHCONT(), op.WHILEEND, PUSHINT(5), op.DROP), { exit: 0, stack: [] }, { stack_in: [I(0), I(-1), I(-1)] });
vec('loop.whilebrk', 'WHILEBRK: RETALT in the body leaves the loop', prog(PUSHCONT(PUSHINT(-1)), PUSHCONT(op.RETALT), op.WHILEBRK, PUSHINT(3)), { exit: 0, stack: [3] });
vec('loop.whileendbrk', 'WHILEENDBRK inside a call', prog(PUSHCONT(PUSHCONT(PUSHINT(-1)), op.WHILEENDBRK, PUSHINT(1), op.RETALT), op.EXECUTE, PUSHINT(3)), { exit: 0, stack: [1, 3] });
vec('loop.againbrk', 'AGAINBRK left with RETALT', prog(PUSHCONT(op.RETALT), op.AGAINBRK, PUSHINT(3)), { exit: 0, stack: [3] });
vec('loop.again_throw', 'AGAIN left by an exception', prog(PUSHCONT(THROW(5)), op.AGAIN), { exit: 5, stack: [0] });
vec('loop.again_type', 'AGAIN of an integer: exit 7', prog(PUSHINT(1), op.AGAIN), { exit: 7, stack: [0] });
vec('loop.againbrk_type', 'AGAINBRK of an integer: exit 7', prog(PUSHINT(1), op.AGAINBRK), { exit: 7, stack: [0] });
vec('loop.againend_out_of_gas', 'AGAINEND runs out of gas', prog(op.AGAINEND, op.NOP), { exit: -14 }, { gas_limit: 500 });
vec('loop.againendbrk_inner', 'AGAINENDBRK inside a call, left with RETALT', prog(PUSHCONT(op.AGAINENDBRK, PUSHINT(1), op.RETALT), op.EXECUTE, PUSHINT(3)), { exit: 0, stack: [1, 3] });
vec('loop.nested_repeat', 'REPEAT 2 of REPEAT 3', prog(PUSHINT(2), PUSHCONT(PUSHINT(3), PUSHCONT(PUSHINT(1)), op.REPEAT), op.REPEAT), { exit: 0, stack: [1, 1, 1, 1, 1, 1] });

// --- closures: arguments bound into continuations, BLESS
vec('closure.setcontargs', 'SETCONTARGS 2,-1 binds two values; EXECUTE passes the rest after them', prog(PUSHCONT(op.DEPTH), SETCONTARGS(2, -1), op.EXECUTE), { exit: 0, stack: [2, 3, 1, 3] }, { stack_in: [I(1), I(2), I(3)] });
vec('closure.setcontargs_nargs', 'SETCONTARGS 1,1: the closure takes exactly one more value', prog(PUSHCONT(op.DEPTH), SETCONTARGS(1, 1), op.EXECUTE), { exit: 0, stack: [1, 3, 2, 2] }, { stack_in: [I(1), I(2), I(3)] });
vec('closure.setcontargs_too_many', 'binding into a closure that takes no more values: stack overflow, exit 3', prog(PUSHCONT(), SETCONTARGS(0, 0), SETCONTARGS(1, -1)), { exit: 3, stack: [0] }, { stack_in: [I(1), I(2)] });
vec('closure.setcontargs_never', 'SETCONTARGS 0,0 then 0,... with fewer expected: running it underflows', prog(PUSHCONT(), SETCONTARGS(0, 1), SETCONTARGS(0, 0), op.EXECUTE), { exit: 2, stack: [0] }, { stack_in: [I(1), I(2)] });
vec('closure.setcontargs_underflow', 'SETCONTARGS 3,-1 with two values: exit 2', prog(PUSHCONT(), SETCONTARGS(3, -1)), { exit: 2, stack: [0] }, { stack_in: [I(1), I(2)] });
vec('closure.setcontargs_wraps', 'SETCONTARGS 1,-1 on the quit continuation c0 wraps it in an envelope', prog(PUSHCTR(0), SETCONTARGS(1, -1)), { exit: 0, stack: ['vmc_envelope'] }, { stack_in: [I(1)] });
vec('closure.setcontargs_noop', 'SETCONTARGS 0,-1 changes nothing (no envelope)', prog(PUSHCTR(0), SETCONTARGS(0, -1)), { exit: 0, stack: [1, 'vmc_quit'] }, { stack_in: [I(1)] });
vec('closure.setcontargs_stack_gas', 'SETCONTARGS 15,-1 three times: a 45-entry closure stack costs 13 gas', prog(PUSHCONT(), SETCONTARGS(15, -1), SETCONTARGS(15, -1), SETCONTARGS(15, -1), op.DEPTH), { exit: 0, stack: [0, 'vmc_std', 2] }, { stack_in: Array.from({ length: 46 }, (_, i) => I(i)) });
vec('closure.setcontargs_stack_gas_oog', 'out of gas in the stack charge of the third SETCONTARGS', prog(PUSHCONT(), SETCONTARGS(15, -1), SETCONTARGS(15, -1), SETCONTARGS(15, -1), op.DEPTH), { exit: -14, stack: [109] }, { stack_in: Array.from({ length: 46 }, (_, i) => I(i)), gas_limit: 101 });
vec('closure.call_skip', 'a closure taking one value called with three: the top one passes, two are dropped', prog(PUSHCONT(op.DEPTH), SETCONTARGS(0, 1), CALLXARGS(3, 0)), { exit: 0, stack: [1] }, { stack_in: [I(1), I(2), I(3), I(4)] });
vec('closure.call_too_few', 'a closure taking two values called with one: exit 2', prog(PUSHCONT(), SETCONTARGS(0, 2), CALLXARGS(1, 0)), { exit: 2, stack: [0] }, { stack_in: [I(1), I(2), I(3)] });
vec('closure.jump_bound_stack', 'JMPX into a closure with two bound values and nargs 1', prog(PUSHCONT(op.DEPTH), SETCONTARGS(2, 1), op.JMPX), { exit: 0, stack: [3, 4, 2, 3] }, { stack_in: [I(1), I(2), I(3), I(4)] });
vec('closure.setcontvarargs', 'SETCONTVARARGS 2,0', prog(PUSHCONT(op.DEPTH), PUSHINT(2), PUSHINT(0), op.SETCONTVARARGS, op.EXECUTE), { exit: 0, stack: [1, 2, 3, 2] }, { stack_in: [I(1), I(2), I(3)] });
vec('closure.setcontvarargs_range', 'SETCONTVARARGS with 256 values to bind: exit 5', prog(PUSHCONT(), PUSHINT(256), PUSHINT(0), op.SETCONTVARARGS), { exit: 5, stack: [0] });
vec('closure.setcontvarargs_more_range', 'SETCONTVARARGS with more = -2: exit 5', prog(PUSHCONT(), PUSHINT(0), PUSHINT(-2), op.SETCONTVARARGS), { exit: 5, stack: [0] });
vec('closure.setnumvarargs', 'SETNUMVARARGS 0: EXECUTE passes nothing', prog(PUSHCONT(op.DEPTH), PUSHINT(0), op.SETNUMVARARGS, op.EXECUTE), { exit: 0, stack: [1, 2, 0] }, { stack_in: [I(1), I(2)] });
vec('closure.setnumvarargs_underflow', 'SETNUMVARARGS with one value: exit 2', prog(PUSHINT(0), op.SETNUMVARARGS), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('closure.returnargs', 'RETURNARGS 1 moves all but the top value into c0', prog(PUSHCONT(PUSHINT(1), PUSHINT(2), PUSHINT(3), RETURNARGS(1), op.DEPTH), op.EXECUTE), { exit: 0, stack: [9, 1, 2, 3, 1] }, { stack_in: [I(9)] });
vec('closure.returnargs_exact', 'RETURNARGS 2 with exactly two values does nothing', prog(PUSHINT(1), RETURNARGS(2), op.DEPTH), { exit: 0, stack: [5, 1, 2] }, { stack_in: [I(5)] });
vec('closure.returnargs_underflow', 'RETURNARGS 3 with two values: exit 2', prog(RETURNARGS(3)), { exit: 2, stack: [0] }, { stack_in: [I(5), I(6)] });
vec('closure.returnargs_overflow', 'RETURNARGS 0 when c0 takes no values: stack overflow, exit 3', prog(PUSHINT(1), PUSHCONT(PUSHINT(2), RETURNARGS(0)), CALLXARGS(0, 0)), { exit: 3, stack: [0] });
vec('closure.returnvarargs', 'RETURNVARARGS 1', prog(PUSHCONT(PUSHINT(1), PUSHINT(2), PUSHINT(1), op.RETURNVARARGS, op.DEPTH), op.EXECUTE), { exit: 0, stack: [9, 1, 2, 1] }, { stack_in: [I(9)] });
vec('closure.returnvarargs_range', 'RETURNVARARGS 256: exit 5', prog(PUSHINT(256), op.RETURNVARARGS), { exit: 5, stack: [0] });
vec('closure.bless', 'BLESS a slice of code and EXECUTE it', prog(PUSHCODE(prog(PUSHINT(1))), op.BLESS, op.EXECUTE, PUSHINT(2)), { exit: 0, stack: [1, 2] });
vec('closure.bless_type', 'BLESS of an integer: exit 7', prog(PUSHINT(1), op.BLESS), { exit: 7, stack: [0] });
vec('closure.bless_underflow', 'BLESS on an empty stack: exit 2', prog(op.BLESS), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('closure.bless_input_slice', 'BLESS of an input slice (bits 8..16 of 0x6871)', prog(op.BLESS, op.EXECUTE), { exit: 0, stack: [1] }, { stack_in: [SLICE('6871', { bits_start: 8 })] });
vec('closure.bless_refs', 'BLESS of an input slice with a ref: the code pushes it', prog(op.BLESS, op.EXECUTE), { exit: 0, stack: [cellHex('01')] }, { stack_in: [SLICE('88', { refs: [{ hex: '01' }] })] });
vec('closure.blessargs', 'BLESSARGS 1,0: one bound value, no more taken', prog(PUSHCODE(prog(op.DEPTH)), BLESSARGS(1, 0), op.EXECUTE), { exit: 0, stack: [5, 6, 1] }, { stack_in: [I(5), I(6)] });
vec('closure.blessargs_any', 'BLESSARGS 0,-1 (n = 15)', prog(PUSHCODE(prog(op.DEPTH)), BLESSARGS(0, -1), op.EXECUTE), { exit: 0, stack: [5, 6, 2] }, { stack_in: [I(5), I(6)] });
vec('closure.blessargs_underflow', 'BLESSARGS 2,0 with one value and the slice: exit 2', prog(PUSHCODE(prog(op.DEPTH)), BLESSARGS(2, 0)), { exit: 2, stack: [0] }, { stack_in: [I(5)] });
vec('closure.blessvarargs', 'BLESSVARARGS 1,-1', prog(PUSHCODE(prog(op.DEPTH)), PUSHINT(1), PUSHINT(-1), op.BLESSVARARGS, op.EXECUTE), { exit: 0, stack: [6, 5, 2] }, { stack_in: [I(5), I(6)] });
vec('closure.blessvarargs_range', 'BLESSVARARGS with copy = -1: exit 5', prog(PUSHCODE(prog(op.DEPTH)), PUSHINT(-1), PUSHINT(0), op.BLESSVARARGS), { exit: 5, stack: [0] });

// --- control registers
vec('regs.pushctr_all', 'PUSH c0..c5: quit, quit, exception quit, the code, two cells', prog(PUSHCTR(0), PUSHCTR(1), PUSHCTR(2), PUSHCTR(3), PUSHCTR(4), PUSHCTR(5)), { exit: 0, stack: [1, 'vmc_quit', 'vmc_quit', 'vmc_quit_exc', 'vmc_std', cellHex(''), cellHex('')] }, { stack_in: [I(1)] });
vec('regs.pushctr_invalid', 'ED46 (c6) is an invalid opcode: exit 6, 10 gas', prog(hx('ED46', 'PUSH c6')), { exit: 6, stack: [0], gas: 10 + 50 });
vec('regs.popctr_invalid', 'ED58 (c8) is an invalid opcode', prog(PUSHINT(1), hx('ED58', 'POP c8')), { exit: 6, stack: [0] });
vec('regs.popctr_c4', 'POP c4 sets the data committed at the end', prog(POPCTR(4)), { exit: 0, stack: [], c4: { hex: 'ABCD' } }, { stack_in: [CELL('ABCD')] });
vec('regs.popctr_c5', 'POP c5 sets the actions committed at the end', prog(PUSHREF(X), POPCTR(5)), { exit: 0, stack: [] });
vec('regs.popctr_c4_type', 'POP c4 of an integer: exit 7', prog(PUSHINT(1), POPCTR(4)), { exit: 7, stack: [0] });
vec('regs.popctr_c4_builder', 'POP c4 of a builder: exit 7', prog(POPCTR(4)), { exit: 7, stack: [0] }, { stack_in: [BUILDER('AB')] });
vec('regs.popctr_c7', 'POP c7 of a tuple, PUSH c7 reads it back', prog(POPCTR(7), PUSHCTR(7)), { exit: 0, stack: [[1, 2]] }, { stack_in: [TUP(I(1), I(2))] });
vec('regs.popctr_c7_type', 'POP c7 of a cell: exit 7', prog(PUSHREF(X), POPCTR(7)), { exit: 7, stack: [0] });
vec('regs.popctr_c0', 'POP c0: the implicit RET goes to the new c0', prog(PUSHCONT(PUSHINT(5)), POPCTR(0)), { exit: 0, stack: [5] });
vec('regs.popctr_c0_type', 'POP c0 of a cell: exit 7', prog(PUSHREF(X), POPCTR(0)), { exit: 7, stack: [0] });
vec('regs.popctr_c1', 'POP c1; RETALT goes to it', prog(PUSHCONT(PUSHINT(5)), POPCTR(1), op.RETALT), { exit: 0, stack: [5] });
vec('regs.popctr_c2', 'POP c2 installs an exception handler', prog(PUSHCONT(op.DROP, PUSHINT(7)), POPCTR(2), THROW(9)), { exit: 0, stack: [0, 7] }, { depth_sensitive: true });
vec('regs.popctr_c3', 'POP c3 redirects CALLDICT', prog(PUSHCONT(op.DROP, PUSHINT(7)), POPCTR(3), CALLDICT(5)), { exit: 0, stack: [7] });
vec('regs.popctr_underflow', 'POP c4 on an empty stack: exit 2', prog(POPCTR(4)), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('regs.setcontctr', 'SETCONTCTR c4: entering the continuation sets c4', prog(PUSHREF(X), PUSHCONT(PUSHCTR(4)), SETCONTCTR(4), op.EXECUTE), { exit: 0, stack: [cellHex('01')], c4: { hex: '01' } });
vec('regs.setcontctr_twice', 'SETCONTCTR c4 twice: type check (global version 12), exit 7', prog(PUSHREF(X), PUSHCONT(), SETCONTCTR(4), PUSHREF(Y), op.SWAP, SETCONTCTR(4)), { exit: 7, stack: [0] });
vec('regs.setcontctr_c7_twice', 'SETCONTCTR c7 twice is accepted (the first stays)', prog(PUSHCTR(7), PUSHCONT(), SETCONTCTR(7), PUSHCTR(7), op.SWAP, SETCONTCTR(7), op.DROP), { exit: 0, stack: [1] }, { stack_in: [I(1)] });
vec('regs.setcontctr_type', 'SETCONTCTR c0 of a cell: exit 7', prog(PUSHREF(X), PUSHCONT(), SETCONTCTR(0)), { exit: 7, stack: [0] });
vec('regs.setcontctr_underflow', 'SETCONTCTR with one value: exit 2', prog(PUSHCONT(), SETCONTCTR(4)), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('regs.setcontctr_wraps', 'SETCONTCTR c4 into the quit continuation makes an envelope', prog(PUSHREF(X), PUSHCTR(0), SETCONTCTR(4)), { exit: 0, stack: [1, 'vmc_envelope'] }, { stack_in: [I(1)] });
vec('regs.setretctr', 'SETRETCTR c4: the return through c0 sets c4', prog(PUSHREF(X), SETRETCTR(4)), { exit: 0, stack: [], c4: { hex: '01' } });
vec('regs.setretctr_twice', 'SETRETCTR c4 twice: exit 7', prog(PUSHREF(X), SETRETCTR(4), PUSHREF(Y), SETRETCTR(4)), { exit: 7, stack: [0] });
vec('regs.setretctr_underflow', 'SETRETCTR on an empty stack: exit 2', prog(SETRETCTR(4)), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('regs.setaltctr', 'SETALTCTR c4: RETALT sets c4', prog(PUSHREF(X), SETALTCTR(4), op.RETALT), { exit: 1, stack: [], c4: { hex: '01' } });
vec('regs.popsave', 'POPSAVE c4: the return restores the old c4', prog(PUSHCONT(PUSHREF(X), POPSAVE(4), PUSHCTR(4)), op.EXECUTE, PUSHCTR(4)), { exit: 0, stack: [cellHex('01'), cellHex('')], c4: { hex: '' } });
vec('regs.popsave_c0_type', 'POPSAVE c0 of a cell: exit 7', prog(PUSHREF(X), POPSAVE(0)), { exit: 7, stack: [0] });
vec('regs.popsave_c0', 'POPSAVE c0: the new c0 runs at the end', prog(PUSHCONT(PUSHINT(5)), POPSAVE(0)), { exit: 0, stack: [5] });
vec('regs.popsave_twice', 'POPSAVE c4 twice keeps the first saved value', prog(PUSHREF(X), POPSAVE(4), PUSHREF(Y), POPSAVE(4)), { exit: 0, stack: [], c4: { hex: '' } });
vec('regs.save', 'SAVE c4 then POP c4 inside a call: the return restores c4', prog(PUSHCONT(SAVE(4), PUSHREF(X), POPCTR(4)), op.EXECUTE, PUSHCTR(4)), { exit: 0, stack: [cellHex('')] });
vec('regs.save_twice', 'SAVE c4 twice: exit 7', prog(SAVE(4), SAVE(4)), { exit: 7, stack: [0] });
vec('regs.savealt', 'SAVEALT c4: RETALT restores c4', prog(SAVEALT(4), PUSHREF(X), POPCTR(4), op.RETALT), { exit: 1, stack: [], c4: { hex: '' } });
vec('regs.saveboth', 'SAVEBOTH c4 twice is accepted', prog(SAVEBOTH(4), SAVEBOTH(4), PUSHREF(X), POPCTR(4)), { exit: 0, stack: [], c4: { hex: '' } });
vec('regs.pushctrx', 'PUSHCTRX 4 and 5', prog(PUSHINT(4), op.PUSHCTRX, PUSHINT(5), op.PUSHCTRX), { exit: 0, stack: [cellHex(''), cellHex('')] });
vec('regs.pushctrx_c6', 'PUSHCTRX 6: range check, exit 5', prog(PUSHINT(6), op.PUSHCTRX), { exit: 5, stack: [0] });
vec('regs.pushctrx_17', 'PUSHCTRX 17: range check, exit 5', prog(PUSHINT(17), op.PUSHCTRX), { exit: 5, stack: [0] });
vec('regs.pushctrx_16', 'PUSHCTRX 16: no such register, exit 5', prog(PUSHINT(16), op.PUSHCTRX), { exit: 5, stack: [0] });
vec('regs.popctrx', 'POPCTRX 4', prog(PUSHREF(X), PUSHINT(4), op.POPCTRX), { exit: 0, stack: [], c4: { hex: '01' } });
vec('regs.popctrx_c6', 'POPCTRX 6: range check, exit 5', prog(PUSHREF(X), PUSHINT(6), op.POPCTRX), { exit: 5, stack: [0] });
vec('regs.popctrx_type', 'POPCTRX 0 of a cell: exit 7', prog(PUSHREF(X), PUSHINT(0), op.POPCTRX), { exit: 7, stack: [0] });
vec('regs.popctrx_underflow', 'POPCTRX with one value: exit 2', prog(PUSHINT(4), op.POPCTRX), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('regs.setcontctrx', 'SETCONTCTRX 4', prog(PUSHREF(X), PUSHCONT(PUSHCTR(4)), PUSHINT(4), op.SETCONTCTRX, op.EXECUTE), { exit: 0, stack: [cellHex('01')] });
vec('regs.setcontctrx_range', 'SETCONTCTRX 8: exit 5', prog(PUSHREF(X), PUSHCONT(), PUSHINT(8), op.SETCONTCTRX), { exit: 5, stack: [0] });
vec('regs.setcontctrmany', 'SETCONTCTRMANY c4: the continuation restores the c4 of the moment', prog(PUSHREF(X), POPCTR(4), PUSHCONT(PUSHCTR(4)), SETCONTCTRMANY(0x10), PUSHREF(Y), POPCTR(4), op.EXECUTE), { exit: 0, stack: [cellHex('01')], c4: { hex: '01' } });
vec('regs.setcontctrmany_c6', 'SETCONTCTRMANY with c6 in the mask: exit 5', prog(PUSHCONT(), SETCONTCTRMANY(0x40)), { exit: 5, stack: [0] });
vec('regs.setcontctrmany_twice', 'SETCONTCTRMANY c0 twice: exit 7', prog(PUSHCONT(), SETCONTCTRMANY(1), SETCONTCTRMANY(1)), { exit: 7, stack: [0] });
vec('regs.setcontctrmany_c7', 'SETCONTCTRMANY c7 twice is accepted', prog(PUSHCONT(), SETCONTCTRMANY(0x80), SETCONTCTRMANY(0xbf), op.DROP), { exit: 0, stack: [1] }, { stack_in: [I(1)] });
vec('regs.setcontctrmany_v8', 'SETCONTCTRMANY at global version 8: invalid opcode', prog(PUSHCONT(), SETCONTCTRMANY(1)), { exit: 6, stack: [0], gas: 18 + 10 + 50 }, { global_version: 8 });
vec('regs.setcontctrmanyx', 'SETCONTCTRMANYX c4|c5', prog(PUSHCONT(PUSHCTR(4)), PUSHINT(0x30), op.SETCONTCTRMANYX, op.EXECUTE), { exit: 0, stack: [cellHex('')] });
vec('regs.setcontctrmanyx_range', 'SETCONTCTRMANYX 256: exit 5', prog(PUSHCONT(), PUSHINT(256), op.SETCONTCTRMANYX), { exit: 5, stack: [0] });
vec('regs.setcontctrmanyx_v8', 'SETCONTCTRMANYX at global version 8: invalid opcode', prog(PUSHCONT(), PUSHINT(0), op.SETCONTCTRMANYX), { exit: 6, stack: [0] }, { global_version: 8 });
vec('regs.compos', 'COMPOS: the second runs after the first (the caller is not resumed)', prog(PUSHCONT(PUSHINT(1)), PUSHCONT(PUSHINT(2)), op.COMPOS, op.EXECUTE, PUSHINT(3)), { exit: 0, stack: [1, 2] });
vec('regs.composalt', 'COMPOSALT: RETALT in the first goes to the second', prog(PUSHCONT(PUSHINT(1), op.RETALT), PUSHCONT(PUSHINT(2)), op.COMPOSALT, op.EXECUTE, PUSHINT(3)), { exit: 0, stack: [1, 2, 3] });
vec('regs.composboth', 'COMPOSBOTH', prog(PUSHCONT(PUSHINT(1), op.RETALT), PUSHCONT(PUSHINT(2)), op.COMPOSBOTH, op.EXECUTE, PUSHINT(3)), { exit: 0, stack: [1, 2, 2] });
vec('regs.compos_type', 'COMPOS with an integer: exit 7', prog(PUSHCONT(), PUSHINT(1), op.COMPOS), { exit: 7, stack: [0] });
vec('regs.compos_underflow', 'COMPOS with one value: exit 2', prog(PUSHCONT(), op.COMPOS), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('regs.atexit', 'ATEXIT: the continuation runs at the end', prog(PUSHCONT(PUSHINT(9)), op.ATEXIT, PUSHINT(1)), { exit: 0, stack: [1, 9] });
vec('regs.atexitalt', 'ATEXITALT: the continuation runs on RETALT, then returns through c0', prog(PUSHCONT(PUSHINT(9)), op.ATEXITALT, PUSHINT(1), op.RETALT), { exit: 0, stack: [1, 9] });
vec('regs.setexitalt', 'SETEXITALT', prog(PUSHCONT(PUSHINT(9)), op.SETEXITALT, PUSHINT(1), op.RETALT), { exit: 0, stack: [1, 9] });
vec('regs.thenret', 'THENRET: the continuation returns to the c0 of the moment', prog(PUSHCONT(PUSHCONT(PUSHINT(9)), op.THENRET, PUSHCONT(PUSHINT(7)), POPCTR(0), op.JMPX), op.EXECUTE, PUSHINT(2)), { exit: 0, stack: [9, 2] });
vec('regs.thenretalt', 'THENRETALT: the continuation returns to c1', prog(PUSHCONT(PUSHINT(9)), op.THENRETALT, op.EXECUTE, PUSHINT(2)), { exit: 1, stack: [9] });
vec('regs.invert', 'INVERT: the implicit RET goes through c1', prog(op.INVERT, PUSHINT(1)), { exit: 1, stack: [1] });
vec('regs.booleval', 'BOOLEVAL: -1 after a return through c0, 0 after c1', prog(PUSHCONT(), op.BOOLEVAL, PUSHCONT(op.RETALT), op.BOOLEVAL), { exit: 0, stack: [-1, 0] });
vec('regs.booleval_type', 'BOOLEVAL of an integer: exit 7', prog(PUSHINT(1), op.BOOLEVAL), { exit: 7, stack: [0] });
vec('regs.samealt', 'SAMEALT: RETALT goes through c0', prog(op.SAMEALT, op.RETALT), { exit: 0, stack: [] });
vec('regs.samealtsave', 'SAMEALTSAVE inside a call: RETALT returns to the caller', prog(PUSHCONT(op.SAMEALTSAVE, PUSHINT(1), op.RETALT), op.EXECUTE, PUSHINT(2), op.RETALT), { exit: 1, stack: [1, 2] });

// --- CALLDICT through c3 (exact entry: c3 is the code cell itself)
const selector = [op.DUP, PUSHCONT(op.DROP, PUSHINT(100)), op.IFJMP, op.DROP];
vec('calldict.calldict', 'CALLDICT 1 calls c3 with 1 on the stack', prog(...selector, CALLDICT(1), PUSHINT(1)), { exit: 0, stack: [100, 1] }, { stack_in: [I(0)] });
vec('calldict.calldict_long', 'CALLDICT 300 (long form)', prog(...selector, CALLDICT_LONG(300), PUSHINT(1)), { exit: 0, stack: [100, 1] }, { stack_in: [I(0)] });
vec('calldict.calldict_long_max', 'CALLDICT 16383 (long form, largest)', prog(...selector, CALLDICT_LONG(16383), PUSHINT(1)), { exit: 0, stack: [100, 1] }, { stack_in: [I(0)] });
vec('calldict.jmpdict', 'JMPDICT 2 does not come back', prog(...selector, JMPDICT(2), PUSHINT(1)), { exit: 0, stack: [100] }, { stack_in: [I(0)] });
vec('calldict.preparedict', 'PREPAREDICT 7 pushes 7 and c3', prog(PREPAREDICT(7)), { exit: 0, stack: [0, 7, 'vmc_std'] }, { stack_in: [I(0)] });

// --- exceptions
vec('exc.throw_0', 'THROW 0: the default handler ends with exit 0 (success, data committed)', prog(PUSHINT(1), THROW(0)), { exit: 0, stack: [0] }, { depth_sensitive: true });
vec('exc.throw_1', 'THROW 1 ends with exit 1', prog(THROW(1)), { exit: 1, stack: [0] }, { depth_sensitive: true });
vec('exc.throw_63', 'THROW 63 (short form, largest)', prog(THROW(63)), { exit: 63, stack: [0], gas: 26 + 50 });
vec('exc.throw_long_2047', 'THROW 2047 (long form, largest)', prog(THROW(2047)), { exit: 2047, stack: [0], gas: 34 + 50 });
vec('exc.throw_long_5', 'THROW 5 in the long form', prog(THROW_LONG(5)), { exit: 5, stack: [0], gas: 34 + 50 });
vec('exc.throwif_long', 'THROWIF 100 (long) with true and false', prog(PUSHINT(0), THROWIF_LONG(100), PUSHINT(-1), THROWIF_LONG(100)), { exit: 100, stack: [0] });
vec('exc.throwif_underflow', 'THROWIF on an empty stack: exit 2', prog(THROWIF(10)), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('exc.throwifnot_not_taken', 'THROWIFNOT with true goes on', prog(PUSHINT(-1), THROWIFNOT(10), PUSHINT(2)), { exit: 0, stack: [2] });
vec('exc.throwifnot_long', 'THROWIFNOT 1000 with false', prog(PUSHINT(0), THROWIFNOT(1000)), { exit: 1000, stack: [0] });
vec('exc.throwarg_cell', 'THROWARG 42 with a cell as the argument', prog(PUSHREF(X), THROWARG(42)), { exit: 42, stack: [cellHex('01')] });
vec('exc.throwarg_underflow', 'THROWARG on an empty stack: exit 2', prog(THROWARG(42)), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('exc.throwargif', 'THROWARGIF with false drops the argument; with true throws it', prog(PUSHINT(7), PUSHINT(0), THROWARGIF(50), PUSHINT(8), PUSHINT(-1), THROWARGIF(51)), { exit: 51, stack: [8] });
vec('exc.throwargif_underflow', 'THROWARGIF with one value: exit 2', prog(PUSHINT(0), THROWARGIF(50)), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('exc.throwargifnot', 'THROWARGIFNOT with true drops, with false throws', prog(PUSHINT(7), PUSHINT(-1), THROWARGIFNOT(50), PUSHINT(8), PUSHINT(0), THROWARGIFNOT(52)), { exit: 52, stack: [8] });
vec('exc.throwany', 'THROWANY 300', prog(PUSHINT(300), op.THROWANY), { exit: 300, stack: [0] });
vec('exc.throwany_max', 'THROWANY 65535', prog(PUSHINT(65535), op.THROWANY), { exit: 65535, stack: [0] });
vec('exc.throwany_too_big', 'THROWANY 65536: range check, exit 5', prog(PUSHINT(65536), op.THROWANY), { exit: 5, stack: [0] });
vec('exc.throwany_underflow', 'THROWANY on an empty stack: exit 2', prog(op.THROWANY), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('exc.throwargany', 'THROWARGANY', prog(PUSHINT(7), PUSHINT(300), op.THROWARGANY), { exit: 300, stack: [7] });
vec('exc.throwargany_underflow', 'THROWARGANY with one value: exit 2', prog(PUSHINT(300), op.THROWARGANY), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('exc.throwanyif', 'THROWANYIF with false, then true', prog(PUSHINT(300), PUSHINT(0), op.THROWANYIF, PUSHINT(301), PUSHINT(-1), op.THROWANYIF), { exit: 301, stack: [0] });
vec('exc.throwanyif_range_not_taken', 'THROWANYIF with false still checks the number: exit 5', prog(PUSHINT(-1), PUSHINT(0), op.THROWANYIF), { exit: 5, stack: [0] });
vec('exc.throwargany_if', 'THROWARGANYIF with false drops the argument', prog(PUSHINT(7), PUSHINT(300), PUSHINT(0), op.THROWARGANYIF, PUSHINT(8), PUSHINT(301), PUSHINT(-1), op.THROWARGANYIF), { exit: 301, stack: [8] });
vec('exc.throwanyifnot', 'THROWANYIFNOT with true, then false', prog(PUSHINT(300), PUSHINT(-1), op.THROWANYIFNOT, PUSHINT(302), PUSHINT(0), op.THROWANYIFNOT), { exit: 302, stack: [0] });
vec('exc.throwarganyifnot', 'THROWARGANYIFNOT', prog(PUSHINT(7), PUSHINT(300), PUSHINT(-1), op.THROWARGANYIFNOT, PUSHINT(8), PUSHINT(303), PUSHINT(0), op.THROWARGANYIFNOT), { exit: 303, stack: [8] });
vec('exc.throwarganyifnot_underflow', 'THROWARGANYIFNOT with two values: exit 2', prog(PUSHINT(1), PUSHINT(0), op.THROWARGANYIFNOT), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('exc.try_catch_arg', 'TRY: the handler gets [arg, number] and returns to after TRY', prog(PUSHINT(1), PUSHCONT(PUSHINT(5), THROWARG(42)), PUSHCONT(op.SWAP), op.TRY, PUSHINT(2)), { exit: 0, stack: [42, 5, 2] }, { depth_sensitive: true });
vec('exc.try_keeps_stack', 'TRY without an exception keeps the stack', prog(PUSHINT(1), PUSHCONT(PUSHINT(5)), PUSHCONT(op.SWAP), op.TRY, PUSHINT(2)), { exit: 0, stack: [1, 5, 2] });
vec('exc.try_restores_c2', 'after TRY the old handler is back: a later THROW ends the run', prog(PUSHCONT(THROW(3)), PUSHCONT(op.DROP), op.TRY, THROW(4)), { exit: 4, stack: [0] });
vec('exc.try_c1', 'inside TRY, c1 is quit 1: RETALT ends with exit 1', prog(PUSHCONT(op.RETALT), PUSHCONT(), op.TRY, PUSHINT(2)), { exit: 1, stack: [] });
vec('exc.try_underflow', 'TRY with one continuation: exit 2', prog(PUSHCONT(), op.TRY), { exit: 2, stack: [0] }, { depth_sensitive: true });
vec('exc.try_type', 'TRY with an integer handler: exit 7', prog(PUSHCONT(), PUSHINT(1), op.TRY), { exit: 7, stack: [0] });
vec('exc.try_vm_error', 'TRY catches a VM error (stack underflow) with its number', prog(PUSHCONT(op.DROP, op.DROP), PUSHCONT(), op.TRY), { exit: 0, stack: [0, 2] }, { depth_sensitive: true });
vec('exc.try_handler_throws', 'the handler throws: the outer handler (default) ends the run', prog(PUSHCONT(THROW(3)), PUSHCONT(THROW(4)), op.TRY), { exit: 4, stack: [0] });
vec('exc.tryargs', 'TRYARGS 2,1: the body gets two values, one comes back', prog(PUSHCONT(op.DEPTH), PUSHCONT(), TRYARGS(2, 1)), { exit: 0, stack: [1, 2] }, { stack_in: [I(1), I(2), I(3)] });
vec('exc.tryargs_catch', 'TRYARGS 1,1 with an exception: the handler result comes back', prog(PUSHCONT(THROW(9)), PUSHCONT(op.DROP), TRYARGS(1, 1)), { exit: 0, stack: [1, 2, 0] }, { stack_in: [I(1), I(2), I(3)] });
vec('exc.tryargs_underflow', 'TRYARGS 2,0 with one value: exit 2', prog(PUSHCONT(), PUSHCONT(), TRYARGS(2, 0)), { exit: 2, stack: [0] }, { stack_in: [I(1)] });
vec('exc.tryargs_ret_underflow', 'TRYARGS 0,2 with a body that leaves one value: exit 2', prog(PUSHCONT(PUSHINT(1)), PUSHCONT(), TRYARGS(0, 2)), { exit: 0, stack: [5, 0, 2] }, { stack_in: [I(5)] });
vec('exc.handler_nargs', 'a handler that wants three values gets two: the error in the handler jump ends the run', prog(PUSHCONT(), SETCONTARGS(0, 3), POPCTR(2), THROW(8)), { exit: 2, stack: [0, 2] }, { depth_sensitive: true });
vec('exc.excquit_direct', 'jumping to c2 (the default handler) with 77 on top ends with exit 77', prog(PUSHINT(77), PUSHCTR(2), op.JMPX), { exit: 77, stack: [5] }, { stack_in: [I(5)] });
vec('exc.excquit_type', 'the default handler with a cell on top ends with exit 7', prog(PUSHREF(X), PUSHCTR(2), op.JMPX), { exit: 7, stack: [5] }, { stack_in: [I(5)] });
vec('exc.excquit_range', 'the default handler with 65536 on top ends with exit 5', prog(PUSHINT(65536), PUSHCTR(2), op.JMPX), { exit: 5, stack: [5] }, { stack_in: [I(5)] });
vec('exc.excquit_empty', 'the default handler with an empty stack ends with exit 2', prog(PUSHCTR(2), JMPXARGS(0)), { exit: 2, stack: [] }, { stack_in: [I(5)] });
vec('exc.throw_out_of_gas', 'out of gas in the 50 of an exception', prog(THROW(5)), { exit: -14, stack: [76] }, { gas_limit: 60 });

// --- codepage
vec('cp.setcp0', 'SETCP 0 is accepted', prog(SETCP(0), PUSHINT(1)), { exit: 0, stack: [1], gas: 26 + 18 + 5 });
vec('cp.setcp1', 'SETCP 1: invalid opcode, exit 6', prog(SETCP(1)), { exit: 6, stack: [0], gas: 26 + 50 });
vec('cp.setcp239', 'SETCP 239: exit 6', prog(SETCP(239)), { exit: 6, stack: [0] });
vec('cp.setcp_special', 'SETCP -1 (FFFF): exit 6', prog(SETCP(-1)), { exit: 6, stack: [0], gas: 26 + 50 });
vec('cp.setcp_special_15', 'SETCP -15 (FFF1): exit 6', prog(SETCP(-15)), { exit: 6, stack: [0] });
vec('cp.setcpx0', 'SETCPX 0', prog(PUSHINT(0), op.SETCPX, PUSHINT(1)), { exit: 0, stack: [1] });
vec('cp.setcpx5', 'SETCPX 5: exit 6', prog(PUSHINT(5), op.SETCPX), { exit: 6, stack: [0] });
vec('cp.setcpx_range', 'SETCPX 32768: range check, exit 5', prog(PUSHINT(32768), op.SETCPX), { exit: 5, stack: [0] });
vec('cp.setcpx_min', 'SETCPX -32768: exit 6 (in range, no such codepage)', prog(PUSHINT(-32768), op.SETCPX), { exit: 6, stack: [0] });
vec('cp.setcpx_underflow', 'SETCPX on an empty stack: exit 2', prog(op.SETCPX), { exit: 2, stack: [0] }, { depth_sensitive: true });

// --- RUNVM (global version 4): child machines
/** Child code: inline PUSHSLICE, or PUSHREFSLICE (+100 gas) when the code needs refs. */
function child(...instrs) {
    const p = prog(...instrs);
    return p.refs.length ? PUSHREFSLICE(p) : PUSHCODE(p);
}
vec('runvm.basic', 'RUNVM 0: one value in, the child pushes 2; results, exit code', prog(PUSHINT(7), PUSHINT(1), child(PUSHINT(2)), RUNVM(0)), { exit: 0, stack: [7, 2, 0], gas: 18 + 18 + 22 + 34 + 40 + 23 + 5 });
vec('runvm.keeps_rest', 'RUNVM passes only n values; the rest stays with the parent', prog(PUSHINT(1), child(op.DEPTH), RUNVM(0)), { exit: 0, stack: [5, 6, 1, 0] }, { stack_in: [I(5), I(6)] });
vec('runvm.same_c3_push0', 'RUNVM 3: c3 is the child code, an implicit 0 is pushed', prog(PUSHINT(0), child(op.DEPTH), RUNVM(3)), { exit: 0, stack: [0, 1, 0] });
vec('runvm.same_c3', 'RUNVM 1: c3 is the child code; CALLDICT recurses into it', prog(PUSHINT(5), PUSHINT(1), child(op.DUP, PUSHCONT(op.DROP, PUSHINT(100)), op.IFJMP, op.DROP, CALLDICT(1)), RUNVM(1)), { exit: 0, stack: [100, 0] });
vec('runvm.push0_without_c3', 'RUNVM 2: no implicit 0 without same_c3; c3 quits with 11', prog(PUSHINT(0), child(CALLDICT(1)), RUNVM(2)), { exit: 0, stack: [1, 11] });
vec('runvm.data', 'RUNVM 4: the child gets c4 and returns its new c4', prog(PUSHINT(0), child(PUSHCTR(4), PUSHREF(Y), POPCTR(4)), PUSHREF(X), RUNVM(4)), { exit: 0, stack: [cellHex('01'), 0, cellHex('02')] });
vec('runvm.data_exception', 'RUNVM 4 with an exception in the child: c4 is null', prog(PUSHINT(0), child(THROW(9)), PUSHREF(X), RUNVM(4)), { exit: 0, stack: [0, 9, 'null'] });
vec('runvm.gas_limit', 'RUNVM 8: the child gas limit; the consumed gas is returned', prog(PUSHINT(0), child(PUSHINT(1)), PUSHINT(1000), RUNVM(8)), { exit: 0, stack: [1, 0, 23] });
vec('runvm.child_out_of_gas', 'RUNVM 8: the child runs out of gas: exit -14, its gas, limit + 1 charged', prog(PUSHINT(0), child(PUSHCONT(), op.AGAIN), PUSHINT(100), RUNVM(8)), { exit: 0, stack: [101, -14, 101] });
vec('runvm.parent_out_of_gas', 'the child takes all the parent has: the parent runs out when charged', prog(PUSHINT(0), child(PUSHCONT(), op.AGAIN), RUNVM(0)), { exit: -14 }, { gas_limit: 300 });
vec('runvm.exception', 'the child throws: its argument and number come back', prog(PUSHINT(0), child(PUSHINT(5), THROWARG(42)), RUNVM(0)), { exit: 0, stack: [5, 42] });
vec('runvm.exit1', 'the child leaves with RETALT: exit 1 and its stack', prog(PUSHINT(0), child(PUSHINT(5), op.RETALT), RUNVM(0)), { exit: 0, stack: [5, 1] });
vec('runvm.c7_input', 'RUNVM 16 with an input tuple as c7', prog(RUNVM(16)), { exit: 0, stack: [[9, 8], 0] }, { stack_in: [I(0), SLICE(prog(PUSHCTR(7)).hex), TUP(I(9), I(8))] });
vec('runvm.c7_default', 'RUNVM 0: the child c7 is an empty tuple', prog(PUSHINT(0), child(PUSHCTR(7)), RUNVM(0)), { exit: 0, stack: [[], 0] });
vec('runvm.actions', 'RUNVM 32: the child c5 comes back', prog(PUSHINT(0), child(PUSHREF(Y), POPCTR(5)), RUNVM(32)), { exit: 0, stack: [0, cellHex('02')] });
vec('runvm.hard_gas', 'RUNVM 72: gas limit and gas max (the larger of the two)', prog(PUSHINT(0), child(PUSHINT(1)), PUSHINT(500), PUSHINT(100), RUNVM(72)), { exit: 0, stack: [1, 0, 23] });
vec('runvm.hard_gas_only', 'RUNVM 64: a gas max but no limit (the limit is what the parent has left)', prog(PUSHINT(0), child(PUSHCONT(), op.AGAIN), PUSHINT(300), RUNVM(64)), { exit: -14 }, { gas_limit: 1000 });
vec('runvm.gas_limit_zero', 'RUNVM 8 with limit 0: the child runs out at once (the parent pays limit + 1)', prog(PUSHINT(0), child(PUSHINT(1)), PUSHINT(0), RUNVM(8)), { exit: 0, stack: [18, -14, 18] });
vec('runvm.isolate', 'RUNVM 128: the child does not share the loaded cells (100, not 25)', prog(PUSHREFSLICE(X), op.DROP, PUSHINT(0), PUSHREFSLICE(prog(PUSHREFSLICE(X))), PUSHINT(1000), RUNVM(128 + 8)), { exit: 0, stack: ['slice', 0, 123] });
vec('runvm.shared_cells', 'RUNVM without isolation shares the loaded cells (25)', prog(PUSHREFSLICE(X), op.DROP, PUSHINT(0), PUSHREFSLICE(prog(PUSHREFSLICE(X))), PUSHINT(1000), RUNVM(8)), { exit: 0, stack: ['slice', 0, 48] });
vec('runvm.ret_vals', 'RUNVM 256: exactly two values come back', prog(PUSHINT(0), child(PUSHINT(1), PUSHINT(2), PUSHINT(3)), PUSHINT(2), RUNVM(256)), { exit: 0, stack: [2, 3, 0] });
vec('runvm.ret_vals_short', 'RUNVM 256 asking for more than the child has: a 0 and exit code -3', prog(PUSHINT(0), child(PUSHINT(1)), PUSHINT(2), RUNVM(256)), { exit: 0, stack: [0, -3] });
vec('runvm.flags_range', 'RUNVM 512: range check, exit 5 (before the 40)', prog(RUNVM(512)), { exit: 5, stack: [0], gas: 34 + 50 });
vec('runvm.underflow', 'RUNVM 0 on an empty stack: exit 2 after the 40', prog(RUNVM(0)), { exit: 2, stack: [0], gas: 34 + 40 + 50 }, { depth_sensitive: true });
vec('runvm.size_range', 'RUNVM with n larger than the stack: exit 5', prog(PUSHINT(2), child(), RUNVM(0)), { exit: 5, stack: [0] }, { stack_in: [I(1)] });
vec('runvm.code_type', 'RUNVM with a cell as the code: exit 7', prog(PUSHINT(0), PUSHREF(X), RUNVM(0)), { exit: 7, stack: [0] });
vec('runvm.gas_range', 'RUNVM 8 with a negative gas limit: exit 5', prog(PUSHINT(0), child(), PUSHINT(-1), RUNVM(8)), { exit: 5, stack: [0] });
vec('runvm.basic_v9', 'RUNVM at global version 9', prog(PUSHINT(7), PUSHINT(1), child(PUSHINT(2)), PUSHINT(100), RUNVM(8)), { exit: 0, stack: [7, 2, 0, 23] }, { global_version: 9 });
// Below version 11 the reference pushes an empty cell reference here (not serializable), so it is dropped.
vec('runvm.data_exception_v10', 'RUNVM 4 at global version 10, exception in the child (c4 slot dropped)', prog(PUSHINT(0), child(THROW(9)), PUSHREF(X), RUNVM(4), op.DROP), { exit: 0, stack: [0, 9] }, { global_version: 10 });
// The child gets its own code as its only value and runs it again: thousands of nested machines
// until the gas runs out; each parent is then charged the child's limit + 1 and runs out in turn.
const SELF = prog(op.DUP, PUSHINT(1), op.SWAP, RUNVM(0));
vec('runvm.deep_recursion', 'RUNVM of its own code until out of gas (about 7800 nested machines)', SELF, { exit: -14, stack: [1000001] }, { stack_in: [SLICE(SELF.hex)] });
vec('runvm.deep_recursion_small', 'the same with 5000 gas', SELF, { exit: -14, stack: [5001] }, { stack_in: [SLICE(SELF.hex)], gas_limit: 5000 });
vec('runvm.v3', 'RUNVM at global version 3: invalid opcode', prog(PUSHINT(0), child(), RUNVM(0)), { exit: 6, stack: [0] }, { global_version: 3 });
vec('runvm.runvmx', 'RUNVMX with mode 8 from the stack', prog(PUSHINT(0), child(PUSHINT(1)), PUSHINT(1000), PUSHINT(8), op.RUNVMX), { exit: 0, stack: [1, 0, 23] });
vec('runvm.runvmx_range', 'RUNVMX 4096: range check', prog(PUSHINT(4096), op.RUNVMX), { exit: 5, stack: [0] });
vec('runvm.nested', 'a child running its own child', prog(PUSHINT(0), child(PUSHINT(0), PUSHCODE(prog(PUSHINT(3))), RUNVM(0)), RUNVM(0)), { exit: 0, stack: [3, 0, 0] });
vec('runvm.child_stack_gas', 'RUNVM passing 40 values (8 gas for the child stack); one value back', prog(PUSHINT(40), child(op.DEPTH), PUSHINT(1), RUNVM(256)), { exit: 0, stack: [40, 0] }, { stack_in: Array.from({ length: 40 }, (_, i) => I(i)) });
vec('runvm.data_actions', 'RUNVM 36: the child c4 and c5 both come back', prog(PUSHINT(0), child(), PUSHREF(X), RUNVM(4 + 32)), { exit: 0, stack: [0, cellHex('01'), cellHex('')] });

// --- gas edge cases
vec('contgas.exact_at_ret', 'gas limit that ends exactly at the final implicit RET', prog(PUSHCONT(PUSHINT(8)), op.EXECUTE), { exit: 0, stack: [8], gas: 64 }, { gas_limit: 64 });
vec('contgas.out_at_inner_ret', 'out of gas at the inner implicit RET', prog(PUSHCONT(PUSHINT(8)), op.EXECUTE), { exit: -14, stack: [59] }, { gas_limit: 58 });
// Each PUSHINT 1; REPEATEND makes a Repeat whose `after` is the previous c0 (the previous Repeat), so
// the final return enters k + 1 continuations in one jump; past 8, each costs 1 (global version >= 9).
const repeatEnds = (k) => Array.from({ length: k }, () => [PUSHINT(1), op.REPEATEND]).flat();
vec('contgas.nested_jumps', 'a return through 10 Repeat continuations and quit: 11 jumps, 3 gas', prog(...repeatEnds(10), op.NOP), { exit: 0, stack: [], gas: 10 * (18 + 18) + 18 + 5 + 3 });
vec('contgas.nested_jumps_v8', 'the same at global version 8: no charge for nested jumps', prog(...repeatEnds(10), op.NOP), { exit: 0, stack: [], gas: 10 * (18 + 18) + 18 + 5 }, { global_version: 8 });
vec('contgas.nested_jumps_out_of_gas', 'out of gas in the middle of the nested jumps (charged one by one)', prog(...repeatEnds(10), op.NOP), { exit: -14, stack: [383] }, { gas_limit: 382 });
vec('contgas.nested_jumps_in_call', 'inside a call the chain ends in the return continuation: 9 jumps, 1 gas', prog(PUSHCONT(...repeatEnds(8), op.NOP), op.EXECUTE, PUSHINT(7)), { exit: 0, stack: [7] });
vec('contgas.out_at_callref_load', 'out of gas in the cell load of CALLREF', prog(CALLREF(P5)), { exit: -14, stack: [126] }, { gas_limit: 100 });

// ---------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------
/**
 * The oracle captures c4/c5 with a second run that returns through wrapper
 * continuations in c0/c1; a program that ends through its own quit
 * continuations (THROW 0, POP c0, CALLCC, ...) defeats it. The reference can
 * still tell: the same program as a RUNVM child with mode 1+4+32 (c3 = code,
 * c4 given, c4 and c5 returned) reports its committed c4 and c5. The child
 * run must end like the direct run (exit code and stack) to be trusted.
 */
function childCommit(oracle, req, direct) {
    const code = { type: 'slice', boc: req.code };
    const data = { type: 'cell', boc: req.data ? cellToBoc(parseCellSpec(req.data)) : cellToBoc(parseCellSpec({ hex: '' })) };
    const wrapper = cellToBoc(parseCellSpec({ hex: bitsToHex(RUNVM(1 + 4 + 32).bits) }));
    const stack = [...req.stack, I(req.stack.length), code, data];
    const w = oracle.run({ code: wrapper, stack, gas_limit: 10000000, global_version: req.global_version, c4c5: false });
    const n = w.stack.length;
    if (w.exit_code !== 0 || n < 3) return `RUNVM capture run failed: exit ${w.exit_code}`;
    const [exit, c4, c5] = w.stack.slice(n - 3);
    if (exit.value !== String(direct.exit_code) || JSON.stringify(w.stack.slice(0, n - 3)) !== JSON.stringify(direct.stack)) {
        return `RUNVM capture run ended differently: exit ${exit.value}`;
    }
    if (c4.type !== 'cell' || c5.type !== 'cell') return 'RUNVM capture run committed nothing';
    return { c4: c4.boc, c5: c5.boc };
}

const oracle = await createOracle({ config: 'default' });
const version = oracle.version();
const { out, problems, crossChecked, captured } = runSpecVectors(oracle, V, {
    show: (x) => x.value ?? x.content_hex ?? x.kind ?? x.type,
    // Long traces (deep recursion, long loops) keep their two ends.
    trace: { childVm: true, keep: 150 },
    capture: (req, r) => {
        const c = childCommit(oracle, req, r);
        if (typeof c === 'string') return c;
        return { ...c, from: 'RUNVM child (the direct capture run cannot see this program return)' };
    },
});
console.log(`${crossChecked} empty-stack vectors cross-checked against an exact run over a sentinel`);
console.log(`${captured} vectors took c4/c5 from a RUNVM child run`);
failOnProblems(problems);
const doc = vectorDocument({
    description:
        'Control-flow family (continuations, conditionals, loops, closures, control registers, CALLDICT, exceptions, codepages, RUNVM): hand-encoded programs with exit code, gas, stack and c4/c5 as produced by the reference C++ TVM. See README.md.',
    generator: 'gen_control_vectors.mjs',
    version,
    extraDefaults: { global_version: 12 },
    vectors: out,
});
finish(OUT, JSON.stringify(doc, null, 1) + '\n', out.length);
