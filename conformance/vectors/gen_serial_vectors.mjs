#!/usr/bin/env node
// Generates serial_vectors.json: programs whose final stack holds
// continuations of every kind (and the values they capture), so the runner
// compares gram's VmCont serialization (the `boc` of each cont value) with
// the reference's, cell hash for cell hash; then the same continuations fed
// back as input (the reference deserializes them, the program runs them,
// the result is serialized again); and inputs the reference refuses.
//
//   node conformance/vectors/gen_serial_vectors.mjs [--check]
//
// The oracle is found at <project>/../shared/oracle/runvm.mjs, or at the path
// in the GRAM_ORACLE environment variable. Every program starts with DROP and
// runs over the int32 sentinel on top of stack_in (exact raw entry: the code
// cell is the given one, so continuations pointing into it are comparable).
// Each program carries a hand-written expectation (exit code and the kinds or
// types of the stack values); the generator refuses to write the file if the
// oracle disagrees. Everything recorded comes from the oracle.
//
// `rejected_inputs` lists requests whose stack the runner or the emulator
// refuses, with the error line the runner prints (vm/tests/serial_reference.rs
// checks gram's `gram run --jsonl` error for them).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hexBits, uBits, bitsToHex, cellBits } from './lib/bits.mjs';
import { ins, join, opTable, cellSpec, specProg as prog, PUSHINT, PUSHSLICE, PUSHCONT, PUSHREF, PUSHREFCONT } from './lib/asm.mjs';
import { TUPLE, CALLXARGS, SETCONTARGS, BLESSARGS, ctrOp, PUSHCTR, SETCONTCTR } from './lib/asm.mjs';
import { createOracle, parseCellSpec, cellToBoc, I, SENTINEL, matchValue } from './lib/oracle.mjs';
import { vectorDocument, failOnProblems, finish } from './lib/output.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'serial_vectors.json');

// ---------------------------------------------------------------------------
// Instructions of this family (the shared ones come from lib/asm.mjs)
// ---------------------------------------------------------------------------
const OPS = {
    NOP: '00', SWAP: '01', DUP: '20', DROP: '30', NIP: '31', DEPTH: '68', PUSHNULL: '6D', PUSHNAN: '83FF', DEC: 'A5',
    NEWC: 'C8', ENDC: 'C9', CTOS: 'D0', EXECUTE: 'D8', JMPX: 'D9', RETALT: 'DB31', CALLCC: 'DB34', REPEAT: 'E4',
    UNTIL: 'E6', WHILE: 'E8', AGAIN: 'EA', BLESS: 'ED1E', COMPOS: 'EDF0', COMPOSALT: 'EDF1', ATEXIT: 'EDF3',
    BOOLEVAL: 'EDF9', THENRET: 'EDF6', TRY: 'F2FF', REPEATBRK: 'E314', AGAINBRK: 'E31A', UNTILBRK: 'E316',
    WHILEBRK: 'E318',
};
const op = opTable(OPS);

/** PUSHCONT long form (8F_) even for short bodies, optionally with refs. */
function PUSHCONT_LONG(refs, ...body) {
    const j = join(body);
    const n = j.bits.length / 8;
    return ins('1000111' + uBits(refs.length, 2) + uBits(n, 7) + j.bits, `PUSHCONT {${j.asm}} (long, ${refs.length} refs)`, [...refs, ...j.refs]);
}
const SAVE = ctrOp('EDA', 'SAVE');
const SETCP = (n) => ins(hexBits('FF') + uBits(n, 8), `SETCP ${n}`);

// ---------------------------------------------------------------------------
// Typed values and expectations
// ---------------------------------------------------------------------------
// Expected stack notation (lib/oracle.mjs matchValue): bigint/number = int; 'vmc_*' = a continuation
// of that kind; 'cell', 'slice', 'tuple', 'null', 'nan', 'builder' = any value of that type.

const V = [];
/** A program over [...stack_in, sentinel], starting with DROP. */
function vec(name, desc, body, want, opts = {}) {
    V.push({ name, desc, code: prog(op.DROP, ...body), want, opts });
}

const P1 = prog(PUSHINT(1));
const BIG = (1n << 200n) + 12345n;

// --- kinds produced by the VM -------------------------------------------------
vec('make.pushcont_short', 'PUSHCONT short form: an ordinary continuation over part of the root cell', [PUSHCONT(PUSHINT(1), PUSHINT(2))], { exit: 0, stack: ['vmc_std'] });
vec('make.pushcont_long_refs', 'PUSHCONT long form with a ref: the code slice keeps the ref window', [PUSHCONT_LONG([P1], PUSHINT(2), op.NOP)], { exit: 0, stack: ['vmc_std'] });
vec('make.pushrefcont', 'PUSHREFCONT: an ordinary continuation over a whole ref cell', [PUSHREFCONT(prog(PUSHINT(3), PUSHINT(4)))], { exit: 0, stack: ['vmc_std'] });
vec('make.c0_quit', 'PUSH c0 at the top level: the quit continuation (exit 0)', [PUSHCTR(0)], { exit: 0, stack: ['vmc_quit'] });
vec('make.c1_quit', 'PUSH c1 at the top level: the quit continuation (exit 1)', [PUSHCTR(1)], { exit: 0, stack: ['vmc_quit'] });
vec('make.c2_excquit', 'PUSH c2 at the top level: the default exception handler', [PUSHCTR(2)], { exit: 0, stack: ['vmc_quit_exc'] });
vec('make.c3_code', 'PUSH c3: the code root as an ordinary continuation with codepage 0', [PUSHCTR(3)], { exit: 0, stack: ['vmc_std'] });
vec('make.all_ctrs', 'c0, c1, c2, c3 together', [PUSHCTR(0), PUSHCTR(1), PUSHCTR(2), PUSHCTR(3)], { exit: 0, stack: ['vmc_quit', 'vmc_quit', 'vmc_quit_exc', 'vmc_std'] });
vec('make.callx_c0', 'c0 inside a CALLX: the rest of the caller with the old c0 saved', [PUSHCONT(PUSHCTR(0)), op.EXECUTE, PUSHINT(7)], { exit: 0, stack: ['vmc_std', 7] });
vec('make.callxargs_c0', 'c0 inside CALLXARGS 1,2: the caller keeps its stack below, expects two values back', [PUSHINT(5), PUSHINT(6), PUSHCONT(PUSHCTR(0), PUSHINT(9)), CALLXARGS(1, 2)], { exit: 0, stack: [5, 'vmc_std', 9] });
const allTypes = [
    PUSHINT(-(1n << 63n)), PUSHINT((1n << 63n) - 1n), PUSHINT(1n << 63n), PUSHINT(-(1n << 63n) - 1n), PUSHINT(BIG), op.PUSHNAN, op.PUSHNULL,
    PUSHREF(P1), PUSHSLICE('ABCD'), op.NEWC, PUSHINT(5), PUSHINT(6), TUPLE(2),
];
const allTypesOut = [-(1n << 63n), (1n << 63n) - 1n, 1n << 63n, -(1n << 63n) - 1n, BIG, 'nan', 'null', 'cell', 'slice', 'builder', 'tuple'];
vec('make.callxargs_bigstack', 'c0 saving a stack with every value type (tinyint bounds, int257, NaN, null, cell, slice, builder, tuple)', [
    ...allTypes, PUSHINT(0), PUSHCONT(PUSHCTR(0)), CALLXARGS(0, 1),
], { exit: 0, stack: [...allTypesOut, 0, 'vmc_std'] });
vec('fail.bigstack_tuple_top', 'c0 saving a stack with a tuple on top: the inline tuple refs overflow the cell', [
    ...allTypes, PUSHCONT(PUSHCTR(0)), CALLXARGS(0, 1),
], { error: true });
vec('make.callcc', 'CALLCC with an empty body: the current continuation (c0 and c1 saved) is left on the stack', [PUSHCONT(), op.CALLCC, PUSHINT(7)], { exit: 0, stack: ['vmc_std'] });
vec('make.repeat_c0', 'c0 inside REPEAT 3: repeat continuations with counts 2, 1, 0', [PUSHINT(3), PUSHCONT(PUSHCTR(0)), op.REPEAT], { exit: 0, stack: ['vmc_repeat', 'vmc_repeat', 'vmc_repeat'] });
vec('make.repeatbrk_c0', 'c0 inside REPEATBRK: the repeat continuation after the saved c1', [PUSHINT(1), PUSHCONT(PUSHCTR(0), PUSHCTR(1)), op.REPEATBRK], { exit: 0, stack: ['vmc_repeat', 'vmc_std'] });
vec('make.until_c0', 'c0 inside UNTIL: the until continuation', [PUSHCONT(PUSHCTR(0), PUSHINT(-1)), op.UNTIL], { exit: 0, stack: ['vmc_until'] });
vec('make.until_brk', 'c0 and c1 inside UNTILBRK', [PUSHCONT(PUSHCTR(0), PUSHCTR(1), PUSHINT(-1)), op.UNTILBRK], { exit: 0, stack: ['vmc_until', 'vmc_std'] });
vec('make.while_c0', 'c0 inside WHILE condition and body: while_body and while_cond continuations', [
    PUSHINT(-1), PUSHCONT(PUSHCTR(0), op.SWAP, op.DUP), PUSHCONT(PUSHCTR(0), op.SWAP, op.DROP, PUSHINT(0)), op.WHILE,
], { exit: 0, stack: ['vmc_while_cond', 'vmc_while_body', 'vmc_while_cond', 0] });
vec('make.whilebrk_c0', 'c0 inside WHILEBRK', [PUSHCONT(PUSHCTR(0), PUSHINT(0)), PUSHCONT(), op.WHILEBRK], { exit: 0, stack: ['vmc_while_cond'] });
vec('make.again_c0', 'c0 inside AGAIN, left through RETALT (exit 1)', [PUSHCONT(PUSHCTR(0), op.RETALT), op.AGAIN], { exit: 1, stack: ['vmc_again'] });
vec('make.againbrk_c0', 'c0 and c1 inside AGAINBRK, left through RETALT', [PUSHCONT(PUSHCTR(0), PUSHCTR(1), op.RETALT), op.AGAINBRK], { exit: 0, stack: ['vmc_again', 'vmc_std'] });
vec('make.bless', 'BLESS of a slice of the code', [PUSHSLICE('7172'), op.BLESS], { exit: 0, stack: ['vmc_std'] });
vec('make.blessargs', 'BLESSARGS 2,1: saved stack of two values, one argument expected', [PUSHINT(5), PUSHINT(BIG), PUSHSLICE('71'), BLESSARGS(2, 1)], { exit: 0, stack: ['vmc_std'] });
vec('make.blessargs_nargs15', 'BLESSARGS 0,14: nargs 14, empty saved stack', [PUSHSLICE('71'), BLESSARGS(0, 14)], { exit: 0, stack: ['vmc_std'] });
vec('make.setcontargs', 'SETCONTARGS 2,-1: saved stack only', [PUSHINT(1), PUSHINT(2), PUSHCONT(), SETCONTARGS(2, -1)], { exit: 0, stack: ['vmc_std'] });
vec('make.setcontargs_nargs', 'SETCONTARGS 0,3: nargs only', [PUSHCONT(), SETCONTARGS(0, 3)], { exit: 0, stack: ['vmc_std'] });
vec('make.setcontargs_twice', 'SETCONTARGS twice: the saved stack grows', [PUSHINT(1), PUSHCONT(), SETCONTARGS(1, 5), PUSHINT(2), op.SWAP, SETCONTARGS(1, 2)], { exit: 0, stack: ['vmc_std'] });
vec('make.setcontargs_quit', 'SETCONTARGS on a quit continuation: an envelope', [PUSHINT(5), PUSHCTR(0), SETCONTARGS(1, -1)], { exit: 0, stack: ['vmc_envelope'] });
vec('make.setcontctr_c4', 'SETCONTCTR c4: a saved cell register', [PUSHREF(P1), PUSHCONT(), SETCONTCTR(4)], { exit: 0, stack: ['vmc_std'] });
vec('make.setcontctr_c5_c4', 'SETCONTCTR c5 and c4: two saved cells', [PUSHREF(P1), PUSHCONT(), SETCONTCTR(5), op.NEWC, op.ENDC, op.SWAP, SETCONTCTR(4)], { exit: 0, stack: ['vmc_std'] });
vec('make.setcontctr_c7', 'SETCONTCTR c7: a tuple of 15 values saved', [
    ...Array.from({ length: 12 }, (_, i) => PUSHINT(i - 3)), PUSHINT(BIG), op.PUSHNULL, PUSHREF(P1), TUPLE(15), PUSHCONT(), SETCONTCTR(7),
], { exit: 0, stack: ['vmc_std'] });
vec('make.setcontctr_c7_env', 'SETCONTCTR c7: the get-method c7 (config dictionary, balance, address...) saved', [PUSHCTR(7), PUSHCONT(), SETCONTCTR(7)], { exit: 0, stack: ['vmc_std'] });
vec('make.c7_in_stack', 'the get-method c7 as the top of a saved stack (below a small int)', [PUSHCTR(7), PUSHINT(1), PUSHCONT(), SETCONTARGS(2, -1)], { exit: 0, stack: ['vmc_std'] });
vec('make.setcontctr_c7_nested', 'SETCONTCTR c7 with a nested tuple of 5 items', [PUSHINT(1), PUSHINT(2), PUSHINT(3), op.PUSHNULL, PUSHINT(4), PUSHINT(5), TUPLE(2), TUPLE(5), PUSHCONT(), SETCONTCTR(7)], { exit: 0, stack: ['vmc_std'] });
vec('make.setcontctr_conts', 'SETCONTCTR c0, c1, c2, c3 with continuations', [PUSHCTR(3), PUSHCTR(2), PUSHCTR(1), PUSHCTR(0), PUSHCONT(), SETCONTCTR(0), SETCONTCTR(1), SETCONTCTR(2), SETCONTCTR(3)], { exit: 0, stack: ['vmc_std'] });
vec('make.setcontctr_quit', 'SETCONTCTR c4 on a quit continuation: an envelope with a save list', [PUSHREF(P1), PUSHCTR(1), SETCONTCTR(4)], { exit: 0, stack: ['vmc_envelope'] });
vec('make.save', 'SAVE c1 inside a call, then c0', [PUSHCONT(SAVE(1), PUSHCTR(0)), op.EXECUTE], { exit: 0, stack: ['vmc_std'] });
vec('make.booleval', 'BOOLEVAL: c0 and c1 are pushint continuations', [PUSHCONT(PUSHCTR(0), PUSHCTR(1)), op.BOOLEVAL], { exit: 0, stack: ['vmc_pushint', 'vmc_pushint', -1] });
vec('make.compos', 'COMPOS: the second continuation saved as c0 of the first', [PUSHCONT(PUSHINT(1)), PUSHCONT(PUSHINT(2)), op.COMPOS], { exit: 0, stack: ['vmc_std'] });
vec('make.compos_quit', 'COMPOSALT on a quit continuation: an envelope', [PUSHCTR(0), PUSHCONT(PUSHINT(2)), op.COMPOSALT], { exit: 0, stack: ['vmc_envelope'] });
vec('make.try_c2', 'c2 inside TRY: the handler with the saved registers', [PUSHCONT(PUSHCTR(2), PUSHCTR(0)), PUSHCONT(), op.TRY], { exit: 0, stack: ['vmc_std', 'vmc_std'] });
vec('make.nested_stack', 'a continuation whose saved stack holds a continuation with a saved stack, in a tuple', [
    PUSHINT(1), PUSHCONT(), SETCONTARGS(1, -1), PUSHCONT(), SETCONTARGS(1, -1), TUPLE(1),
], { exit: 0, stack: ['tuple'] });
vec('fail.nested_stack', 'three continuations nested through their saved stacks: too many refs inline', [
    PUSHINT(1), PUSHCONT(), SETCONTARGS(1, -1), PUSHCONT(), SETCONTARGS(1, -1), PUSHCONT(), SETCONTARGS(1, -1),
], { error: true });
vec('make.tuple_of_conts', 'a tuple of 3 continuations of different kinds', [PUSHCTR(0), PUSHCTR(2), PUSHCONT(), TUPLE(3)], { exit: 0, stack: ['tuple'] });
vec('make.cont_in_c7', 'a continuation inside the saved c7 tuple', [PUSHCTR(2), PUSHCONT(), PUSHINT(-7), TUPLE(3), PUSHCONT(), SETCONTCTR(7)], { exit: 0, stack: ['vmc_std'] });
vec('make.after_exception', 'after an exception caught by TRY: c0 of the handler', [PUSHCONT(PUSHINT(1), ins(hexBits('F2') + '00' + uBits(33, 6), 'THROW 33')), PUSHCONT(PUSHCTR(0)), op.TRY], { exit: 0, stack: [0, 33, 'vmc_std'] });
vec('make.cp_minus', 'SETCP 0 in a continuation, then c0', [PUSHCONT(SETCP(0), PUSHCTR(0)), op.EXECUTE], { exit: 0, stack: ['vmc_std'] });

// --- serialization failures -----------------------------------------------------
const failing = [PUSHREF(P1), PUSHCONT(PUSHINT(1)), SETCONTARGS(1, -1), PUSHREF(P1), op.SWAP, SETCONTCTR(4)];
vec('fail.refs_top', 'a continuation with 4 refs (saved stack, a cell on it, save list, code) on top: not serializable', failing, { error: true });
vec('fail.refs_below', 'the same continuation below the top: not serializable', [...failing, PUSHINT(0)], { error: true });
vec('fail.refs_in_tuple', 'the same continuation as a tuple item: fits (no link to the rest of the stack)', [...failing, TUPLE(1)], { exit: 0, stack: ['tuple'] });
vec('fail.envelope_refs', 'an envelope (quit + saved stack with a cell + save list): 4 refs on top', [PUSHREF(P1), PUSHCTR(0), SETCONTARGS(1, -1), PUSHREF(P1), op.SWAP, SETCONTCTR(4)], { error: true });

// --- gas: serialization of the final stack costs nothing -------------------------
vec('gas.out_of_gas_with_cont', 'out of gas after pushing a continuation: the stack is [gas]', [PUSHCONT(), PUSHCONT(), PUSHCONT()], { exit: -14, stack: [54] }, { gas_limit: 50 });

// ---------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------
/**
 * Programs ending through their own quit continuations defeat the oracle's
 * c4/c5 capture run; the same program as a RUNVM child (mode 1+4+32) reports
 * its committed c4 and c5 (it must end like the direct run to be trusted).
 */
function childCommit(oracle, req, direct) {
    const code = { type: 'slice', boc: req.code };
    const data = { type: 'cell', boc: cellToBoc(parseCellSpec({ hex: '' })) };
    const wrapper = cellToBoc(parseCellSpec({ hex: 'DB4025' }));
    const stack = [...req.stack, I(req.stack.length), code, data];
    const w = oracle.run({ code: wrapper, stack, gas_limit: 10000000, c4c5: false });
    const n = w.stack?.length ?? 0;
    if (w.exit_code !== 0 || n < 3) return `RUNVM capture run failed: ${JSON.stringify(w).slice(0, 200)}`;
    const [exit, c4, c5] = w.stack.slice(n - 3);
    if (exit.value !== String(direct.exit_code) || n - 3 !== direct.stack.length) return `RUNVM capture run ended differently: exit ${exit.value}`;
    if (c4.type !== 'cell' || c5.type !== 'cell') return 'RUNVM capture run committed nothing';
    return { c4: c4.boc, c5: c5.boc };
}

function record(oracle, name, desc, asm, codeCell, stackIn, want, problems, out, gasLimit = 1000000) {
    const req = { code: cellToBoc(codeCell), stack: stackIn, gas_limit: gasLimit };
    let r;
    try {
        r = oracle.run(req);
    } catch (e) {
        r = { error: e.message };
    }
    const entry = { name, description: desc, asm };
    if (codeCell.refs.length === 0) entry.code_hex = bitsToHex(cellBits(codeCell));
    entry.code_boc = cellToBoc(codeCell);
    entry.stack_in = stackIn;
    entry.gas_limit = gasLimit;
    if (want.error) {
        if (!r.error) return problems.push(`${name}: expected an error, got exit ${r.exit_code}`);
        entry.expected = { error: r.error };
        out.push(entry);
        return null;
    }
    if (r.error) return problems.push(`${name}: oracle error ${r.error}`);
    const errs = [];
    if (r.exit_code !== want.exit) errs.push(`exit ${r.exit_code} (want ${want.exit})`);
    if (want.stack && (r.stack.length !== want.stack.length || !want.stack.every((w, i) => matchValue(r.stack[i], w)))) {
        errs.push(`stack ${JSON.stringify(r.stack.map((x) => x.value ?? x.kind ?? x.type))}`);
    }
    if (errs.length) return problems.push(`${name} [${asm}]: ${errs.join('; ')}`);
    entry.expected = { exit_code: r.exit_code, gas_used: r.gas_used, stack: r.stack, c4: r.c4, c5: r.c5 };
    if (r.c4c5_status === 'capture_failed') {
        const c = childCommit(oracle, req, r);
        if (typeof c === 'string') return problems.push(`${name}: ${c}`);
        Object.assign(entry.expected, c);
        entry.c4c5_from = 'RUNVM child (the direct capture run cannot see this program return)';
    }
    entry.oracle_mode = r.mode;
    out.push(entry);
    return r;
}

async function generate() {
    const oracle = await createOracle({ config: 'default' });
    const out = [];
    const problems = [];
    const produced = []; // [vector name, index, cont value]
    for (const v of V) {
        const codeCell = parseCellSpec(cellSpec(v.code));
        const r = record(oracle, v.name, v.desc, v.code.asm, codeCell, [I(SENTINEL)], v.want, problems, out, v.opts.gas_limit);
        if (r && r.stack) r.stack.forEach((x, i) => x.type === 'cont' && produced.push([v.name, i, x]));
    }
    // Inputs the runner or the emulator refuse.
    const rejected = [];
    const reject = (name, desc, stack) => {
        const req = { code_hex: '30', stack, c4c5: false };
        let r;
        try {
            r = oracle.run(req);
        } catch (e) {
            r = { error: e.message };
        }
        if (!r.error) return problems.push(`reject.${name}: accepted (exit ${r.exit_code})`);
        rejected.push({ name, description: desc, request: req, expected_error: r.error });
    };
    // Every continuation produced above, fed back: DROP leaves it to be serialized again.
    const dropCode = parseCellSpec({ hex: '30' });
    for (const [name, i, c] of produced) {
        const input = { type: 'cont', boc: c.boc };
        if (c.kind === 'vmc_while_cond') {
            // The reference reads the children of a while_cond continuation in
            // a mode (0x2000) that takes every saved value for an integer: these
            // come back refused.
            reject(`feed.${name}.${i}`, `${c.kind} from ${name} fed back`, [input, I(SENTINEL)]);
            continue;
        }
        record(oracle, `feed.${name}.${i}.identity`, `${c.kind} from ${name} fed back and returned unchanged`, 'DROP', dropCode, [input, I(SENTINEL)], { exit: 0, stack: [c.kind] }, problems, out);
        // Below another value, the entry must be read exactly (no data after it).
        record(oracle, `feed.${name}.${i}.below`, `${c.kind} from ${name} below a null`, 'DROP', dropCode, [input, { type: 'null' }, I(SENTINEL)], { exit: 0, stack: [c.kind, 'null'] }, problems, out);
    }
    // Running fed-back continuations.
    const runs = [
        ['make.pushcont_short', 0, 'DROP; EXECUTE', '30D8', { exit: 0, stack: [1, 2] }],
        ['make.pushrefcont', 0, 'DROP; JMPX', '30D9', { exit: 0, stack: [3, 4] }],
        ['make.c1_quit', 0, 'DROP; JMPX', '30D9', { exit: 1, stack: [] }],
        ['make.c2_excquit', 0, 'DROP; PUSHINT 42; SWAP; JMPX', '30802A01D9', { exit: 42, stack: [] }],
        ['make.c3_code', 0, 'DROP; PUSHINT 5; SWAP; EXECUTE (c3 drops the 5 and pushes c3)', '307501D8', { exit: 0, stack: ['vmc_std'] }],
        ['make.callx_c0', 0, 'DROP; JMPX (the rest of the caller: PUSHINT 7)', '30D9', { exit: 0, stack: [7] }],
        ['make.callxargs_c0', 1, 'DROP; PUSHINT 1; PUSHINT 2; ROT; JMPX (returns two values to a saved stack [5])', '30717258D9', { exit: 0, stack: [5, 1, 2] }],
        ['make.blessargs', 0, 'DROP; PUSHINT 9; SWAP; EXECUTE', '307901D8', { exit: 0, stack: [5, BIG, 9, 1] }],
        ['make.repeat_c0', 0, 'DROP; JMPX (two more iterations, each pushing c0)', '30D9', { exit: 0, stack: ['vmc_repeat', 'vmc_repeat'] }],
        ['make.until_c0', 0, 'DROP; PUSHINT 0; SWAP; JMPX (not done: the body runs again)', '307001D9', { exit: 0, stack: ['vmc_until'] }],
        ['make.while_c0', 1, 'DROP; PUSHINT 1; SWAP; JMPX (the condition runs again)', '307101D9', { exit: 0, stack: ['vmc_while_cond', 'vmc_while_body', 'vmc_while_cond', 0] }],
        ['make.booleval', 0, 'DROP; JMPX (pushes -1, then the rest after BOOLEVAL)', '30D9', { exit: 0, stack: [-1] }],
        ['make.setcontargs_quit', 0, 'DROP; JMPX (envelope restores the saved stack, then quits)', '30D9', { exit: 0, stack: [5] }],
        ['make.setcontctr_c4', 0, 'DROP; EXECUTE; PUSH c4 (the saved c4 is restored)', '30D8ED44', { exit: 0, stack: ['cell'] }],
    ];
    for (const [from, idx, asm, hex, want] of runs) {
        const src = produced.find(([n, i]) => n === from && i === idx);
        if (!src) {
            problems.push(`run.${from}: no continuation at ${idx}`);
            continue;
        }
        record(oracle, `run.${from}.${idx}`, `${src[2].kind} from ${from} fed back: ${asm}`, asm, parseCellSpec({ hex }), [{ type: 'cont', boc: src[2].boc }, I(SENTINEL)], want, problems, out);
    }
    // Data after the top entry is not read; below the top it is refused.
    const excTrail = { type: 'cont', boc: cellToBoc(parseCellSpec({ hex: '90' })) };
    record(oracle, 'feed.trailing_top', 'vmc_quit_exc with 4 more bits, on top of the serialized stack: the rest is ignored', 'DROP', dropCode, [excTrail, I(SENTINEL)], { exit: 0, stack: ['vmc_quit_exc'] }, problems, out);
    const quit82 = { type: 'cont', boc: cellToBoc(parseCellSpec({ hex: '800000052' })) };
    record(oracle, 'run.hand_quit', 'a hand-made vmc_quit 82, jumped to', 'DROP; JMPX', parseCellSpec({ hex: '30D9' }), [quit82, I(SENTINEL)], { exit: 82, stack: [] }, problems, out);
    const pushint = { type: 'cont', boc: cellToBoc(parseCellSpec({ hex: 'FFFFFFFF9', refs: [{ hex: '80000000C' }] })) };
    record(oracle, 'run.hand_pushint', 'a hand-made vmc_pushint -7 then vmc_quit 0, jumped to', 'DROP; JMPX', parseCellSpec({ hex: '30D9' }), [pushint, I(SENTINEL)], { exit: 12, stack: [-7] }, problems, out);

    const contBits = (bits, refs = []) => ({ type: 'cont', boc: cellToBoc(parseCellSpec({ hex: bitsToHex(bits), refs })) });
    const z = (n) => '0'.repeat(n);
    const EMPTY = { hex: '' };
    // vmc_std with nothing in its control data: 00, no nargs, no stack, no save list, no cp.
    const STD0 = '00' + '0' + '0' + '0' + '0';
    const codeSlice = (st, end) => uBits(st, 10) + uBits(end, 10) + z(6);
    reject('unknown_tag', 'prefix 1110 is no VmCont constructor', [contBits('11100000'), I(SENTINEL)]);
    reject('trailing_below', 'data after a continuation below the top', [contBits('10010000'), I(1), I(SENTINEL)]);
    reject('trailing_ref_in_tuple', 'a ref after a continuation in a tuple item', [{ type: 'tuple', items: [contBits('1001', [EMPTY])] }, I(SENTINEL)]);
    reject('truncated_quit', 'vmc_quit with 31 bits of exit code', [contBits('1000' + z(31)), I(SENTINEL)]);
    reject('std_no_code', 'vmc_std without its code slice', [contBits(STD0), I(SENTINEL)]);
    reject('slice_window_bits', 'vmc_std whose code window ends past the bits of its cell', [contBits(STD0 + codeSlice(0, 5), [EMPTY]), I(SENTINEL)]);
    reject('slice_window_order', 'vmc_std whose code window starts after it ends', [contBits(STD0 + codeSlice(3, 2), [{ hex: 'FF' }]), I(SENTINEL)]);
    reject('slice_window_refs', 'vmc_std whose code window has end_ref 5', [contBits(STD0 + z(20) + '000' + '101', [EMPTY]), I(SENTINEL)]);
    reject('explicit_cp_minus1', 'vmc_std with cp = -1 written out', [contBits('00' + '0' + '0' + '0' + '1' + '1'.repeat(16) + codeSlice(0, 0), [EMPTY]), I(SENTINEL)]);
    reject('repeat_missing_ref', 'vmc_repeat with one ref', [contBits('10100' + z(62) + '1', [{ hex: bitsToHex('1001') }]), I(SENTINEL)]);
    reject('nested_trailing', 'vmc_again whose body cell has data after the continuation', [contBits('110001', [{ hex: bitsToHex('10011') }]), I(SENTINEL)]);
    reject('too_many_refs', 'a continuation cell with 4 refs (no room for the stack link)', [contBits('1001', [EMPTY, EMPTY, EMPTY, EMPTY]), I(SENTINEL)]);
    reject('too_many_bits', 'a continuation cell of 1016 bits (no room after the tag)', [contBits('1001' + z(1012)), I(SENTINEL)]);
    reject('too_many_bits_top', 'a continuation cell of 992 bits on top (no room after the depth and tag)', [contBits('1001' + z(988)), I(SENTINEL)]);
    reject('too_many_bits_top_2', 'a continuation cell of 1000 bits on top', [contBits('1001' + z(996)), I(SENTINEL)]);
    reject('too_many_bits_1023', 'a continuation cell of 1023 bits below the top', [contBits('1001' + z(1019)), I(1), I(SENTINEL)]);
    reject('too_many_bits_tuple', 'a continuation cell of 1017 bits in a tuple', [{ type: 'tuple', items: [contBits('1001' + z(1013))] }, I(SENTINEL)]);
    // Save list with a single entry: long label 10 + len 100 + key bits, then the value.
    const saveLeaf = (key, value) => ({ hex: bitsToHex('10' + '100' + uBits(key, 4) + value) });
    const withSave = (leaf) => contBits('00' + '0' + '0' + '1' + '0' + codeSlice(0, 0), [leaf, EMPTY]);
    reject('save_list_key6', 'a save list entry under key 6', [withSave(saveLeaf(6, z(8))), I(SENTINEL)]);
    reject('save_list_wrong_type', 'a save list entry c4 = null', [withSave(saveLeaf(4, z(8))), I(SENTINEL)]);
    reject('save_list_trailing', 'a save list entry c0 = vmc_quit_exc with a bit after it', [withSave(saveLeaf(0, '00000110' + '1001' + '1')), I(SENTINEL)]);
    reject('stack_too_deep', 'a saved stack of depth 1025', [contBits('00' + '0' + '1' + uBits(1025, 24), [EMPTY]), I(SENTINEL)]);
    reject('stack_bad_entry', 'a saved stack whose entry has tag 0x08', [contBits('00' + '0' + '1' + uBits(1, 24) + '00001000', [EMPTY]), I(SENTINEL)]);
    // Accepted hand-made save list: c0 = vmc_quit_exc, the code an empty slice.
    const saveOk = withSave(saveLeaf(0, '00000110' + '1001'));
    record(oracle, 'run.hand_save_list', 'a hand-made vmc_std without a codepage (cp -1) and c0 = vmc_quit_exc saved, jumped to: entering it fails (invalid codepage, exit 6)', 'DROP; PUSHINT 5; SWAP; JMPX', parseCellSpec({ hex: '307501D9' }), [saveOk, I(SENTINEL)], { exit: 6, stack: [0] }, problems, out);
    return { out, rejected, problems, version: oracle.version() };
}

const { out, rejected, problems, version } = await generate();
failOnProblems(problems);
const description =
    'VmStack / VmCont serialization: programs leaving continuations of every kind (and the values they capture) on the stack, the same continuations fed back as input and run, and final stacks the reference cannot serialize (expected.error). Recorded from the reference C++ TVM. See README.md.';
const doc = vectorDocument({ description, generator: 'gen_serial_vectors.mjs', version, extraDefaults: { global_version: 12 }, vectors: out });
doc.rejected_inputs = rejected;
finish(OUT, JSON.stringify(doc, null, 1) + '\n', out.length);
