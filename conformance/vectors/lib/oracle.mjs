// The reference oracle (../shared/oracle/runvm.mjs from the project root, the
// C++ TVM inside @ton/sandbox) as the vector generators use it: loading it and
// its @ton/core, building cells, typed stack values, expectation matching,
// and the two run loops: one for programs that start with DROP of a sentinel
// (exact "raw" entry, see the oracle's README), one for hand-encoded programs
// run as they are (cell specs, empty-stack entry cross-checked).
//
// The oracle is found next to the project; GRAM_ORACLE (the path of
// runvm.mjs) or ORACLE_DIR (its folder) override that.

import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bitsToHex, fiftBits, uBits, cellBits } from './bits.mjs';
import { join, fitsOneCell, cellSpec } from './asm.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RUNVM =
    process.env.GRAM_ORACLE ?? path.join(process.env.ORACLE_DIR ?? path.join(HERE, '../../../../shared/oracle'), 'runvm.mjs');
const runvm = await import(pathToFileURL(RUNVM).href);

export const { createOracle, cellToBoc, parseCellSpec, DEFAULTS, packageVersions } = runvm;
/** `require` resolving in the oracle's node_modules (@ton/core, @ton/crypto, ...). */
export const oracleRequire = createRequire(RUNVM);
/** The oracle's @ton/core. */
export const core = oracleRequire('@ton/core');

// ---------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------
/** An ordinary cell from a bit string and refs. */
export function cellOf(bits, refs = []) {
    const b = core.beginCell();
    for (const ch of bits) b.storeBit(ch === '1');
    for (const r of refs) b.storeRef(r);
    return b.endCell();
}

/** An exotic cell from a bit string (type byte first) and refs. */
export function exotic(bits, refs = []) {
    return new core.Cell({ exotic: true, bits: cellOf(bits).bits, refs });
}

/** An ordinary cell from Fift-style hex ("AB", "A_") and refs. */
export const fiftCell = (fhex, refs = []) => cellOf(fiftBits(fhex), refs);

/** The hash of cell c at this level as a bit string. */
export const hashBits = (c, level = 3) => [...c.hash(level)].map((x) => uBits(x, 8)).join('');

/** A library cell (exotic type 2) standing for cell `of`. */
export const libraryCell = (of) => exotic(uBits(2, 8) + hashBits(of));

/** The BoC (base64) of the empty ordinary cell. */
export const emptyCellBoc = () => cellToBoc(cellOf(''));

/** A program of instructions as one @ton/core cell: {cell, bits, asm}. */
export function cellProg(...instrs) {
    const j = fitsOneCell(join(instrs));
    return { cell: cellOf(j.bits, j.refs), bits: j.bits, asm: j.asm };
}

// ---------------------------------------------------------------------------
// Typed stack values, in the oracle's JSON form
// ---------------------------------------------------------------------------
/** An integer (number, bigint or decimal string). */
export const I = (x) => ({ type: 'int', value: BigInt(x).toString() });
/** NaN and null. */
export const NAN = { type: 'nan' };
export const NULL = { type: 'null' };
/** A cell, and a builder holding cell c's data and refs. */
export const C = (c) => ({ type: 'cell', boc: cellToBoc(c) });
export const B = (c) => ({ type: 'builder', boc: cellToBoc(c) });
/** A slice of cell c; w optionally narrows it ({bits_start, bits_end, refs_start, refs_end}). */
export const S = (c, w = {}) => ({
    type: 'slice',
    boc: cellToBoc(c),
    bits_start: w.bits_start ?? 0,
    bits_end: w.bits_end ?? c.bits.length,
    refs_start: w.refs_start ?? 0,
    refs_end: w.refs_end ?? c.refs.length,
});

/** The int32 that programs starting with DROP find on top of their stack_in (exact raw entry). */
export const SENTINEL = 0x7eadbeef;

/** The method id of get-method `name` as FunC and Tolk compute it: CRC16-XMODEM of the name, | 0x10000. */
export function methodId(name) {
    let crc = 0;
    for (const byte of Buffer.from(name)) {
        crc ^= byte << 8;
        for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    return (crc & 0xffff) | 0x10000;
}

// ---------------------------------------------------------------------------
// Runs
// ---------------------------------------------------------------------------
const TRACE_EVENTS = ['handling exception', 'default exception handler', 'unhandled out-of-gas'];

/**
 * The executed instructions and exception events of an oracle vm_log.
 * dropPrefix: leave out the DROP the oracle prepends for an empty stack.
 * childVm: also keep "Child VM finished" lines (RUNVM).
 * keep: keep only this many lines at each end of a longer trace.
 */
function traceOf(vmLog, { dropPrefix = false, childVm = false, keep = Infinity } = {}) {
    const events = childVm ? [...TRACE_EVENTS, 'Child VM finished'] : TRACE_EVENTS;
    const t = [];
    for (const line of vmLog.split('\n')) {
        if (line.startsWith('execute ')) t.push(line.slice(8));
        else if (events.some((e) => line.startsWith(e))) t.push(line);
    }
    if (dropPrefix && t[0] === 'DROP') t.shift();
    if (t.length > 2 * keep) return [...t.slice(0, keep), `... ${t.length - 2 * keep} lines left out ...`, ...t.slice(-keep)];
    return t;
}

/** oracle.run(req), or undefined after adding the oracle's complaint about vector `name` to problems. */
function runOrReport(oracle, req, name, problems) {
    try {
        return oracle.run(req);
    } catch (e) {
        problems.push(`${name}: oracle error ${e.message}`);
        return undefined;
    }
}

/** Throws on a second vector with the same name. */
function uniqueNames() {
    const names = new Set();
    return (name) => {
        if (names.has(name)) throw new Error(`duplicate vector name ${name}`);
        names.add(name);
    };
}

/**
 * Runs vectors {name, desc, code: cellProg(...), want, opts: {stack_in, gas_limit, global_version, libs, c7}}
 * whose code starts with DROP, over stack_in plus the sentinel, and returns {out, problems}.
 * checkWant(v, r) lists how the oracle's result r differs from the hand-written expectation.
 */
export function runSentinelVectors(oracle, vectors, checkWant) {
    const unique = uniqueNames();
    const out = [];
    const problems = [];
    for (const v of vectors) {
        unique(v.name);
        const stackIn = [...(v.opts.stack_in ?? []), I(SENTINEL)];
        const req = { code: cellToBoc(v.code.cell), stack: stackIn, gas_limit: v.opts.gas_limit ?? 1000000, debug: true, verbosity: 0 };
        if (v.opts.global_version !== undefined) req.global_version = v.opts.global_version;
        if (v.opts.libs) req.libs = cellToBoc(v.opts.libs);
        if (v.opts.c7) req.c7 = v.opts.c7;
        const r = runOrReport(oracle, req, v.name, problems);
        if (!r) continue;
        const errs = r.mode === 'raw' ? checkWant(v, r) : [`entry mode ${r.mode}`];
        if (errs.length) {
            problems.push(`${v.name} [${v.code.asm}]: ${errs.join('; ')} (gas ${r.gas_used})`);
            continue;
        }
        const entry = { name: v.name, description: v.desc, asm: v.code.asm };
        if (v.code.cell.refs.length === 0) entry.code_hex = bitsToHex(v.code.bits);
        entry.code_boc = req.code;
        entry.stack_in = stackIn;
        entry.gas_limit = req.gas_limit;
        if (req.global_version !== undefined) entry.global_version = req.global_version;
        if (req.libs) entry.libs = req.libs;
        if (req.c7) entry.c7 = req.c7;
        entry.expected = { exit_code: r.exit_code, gas_used: r.gas_used, stack: r.stack, c4: r.c4, c5: r.c5 };
        if (r.missing_library) entry.expected.missing_library = r.missing_library;
        entry.trace = traceOf(r.vm_log);
        entry.oracle_mode = r.mode;
        out.push(entry);
    }
    return { out, problems };
}

/**
 * Whether an oracle stack value v matches a hand-written expectation w:
 * bigint/number = that int; a type name ('int', 'nan', 'null', 'cell', 'slice', 'builder', 'cont',
 * 'tuple') = any value of that type; 'vmc_*' = a continuation of that kind; array = a tuple of
 * matching items; function = a predicate.
 */
export function matchValue(v, w) {
    if (typeof w === 'function') return w(v);
    if (typeof w === 'number' || typeof w === 'bigint') return v.type === 'int' && v.value === BigInt(w).toString();
    if (Array.isArray(w)) return v.type === 'tuple' && v.items.length === w.length && w.every((x, i) => matchValue(v.items[i], x));
    if (typeof w === 'string' && w.startsWith('vmc_')) return v.type === 'cont' && v.kind === w;
    if (['int', 'nan', 'null', 'cell', 'slice', 'builder', 'cont', 'tuple'].includes(w)) return v.type === w;
    throw new Error(`bad expectation ${String(w)}`);
}

/** Whether a whole oracle stack matches a list of expectations (see matchValue). */
export const matchStack = (stack, want) => stack.length === want.length && want.every((w, i) => matchValue(stack[i], w));

/**
 * A stack_in value written with cell specs ({hex, refs} as parseCellSpec takes them, or {boc}) in the
 * vector file's form: cells, builders and slices as BoCs, slices with their full window; tuples item by item.
 */
function specValue(v) {
    switch (v.type) {
        case 'cell':
        case 'builder':
            return { type: v.type, boc: cellToBoc(parseCellSpec(v.boc ?? v)) };
        case 'slice':
            return S(parseCellSpec(v.boc ?? v), v);
        case 'tuple':
            return { type: 'tuple', items: v.items.map(specValue) };
        default:
            return v;
    }
}

/**
 * The oracle runs a program given an empty stack with a DROP prepended over a pushed int. This
 * checks that entry against an exact run of the same request over the sentinel alone: same exit
 * code and gas, and the same stack (with the sentinel at the bottom when the program returned).
 * Returns an error text, or undefined when the runs agree.
 */
function sentinelCrossCheck(oracle, req, r) {
    const s = oracle.run({ ...req, stack: [I(SENTINEL)], debug: false, c4c5: false });
    const want = r.exit_code === 0 || r.exit_code === 1 ? [I(SENTINEL), ...r.stack] : r.stack;
    if (s.mode !== 'raw' || s.exit_code !== r.exit_code || s.gas_used !== r.gas_used || JSON.stringify(s.stack) !== JSON.stringify(want)) {
        return `sentinel cross-check failed: exit ${s.exit_code} gas ${s.gas_used}`;
    }
    return undefined;
}

/**
 * Runs hand-encoded vectors {name, desc, code: specProg(...), want, opts} as they are (no sentinel)
 * and returns {out, problems, crossChecked, captured}.
 * want: {exit, stack?, gas?, c4?} (c4 a cell spec); opts: {stack_in (spec values), gas_limit, data,
 * global_version, depth_sensitive}. An empty-stack run is cross-checked against an exact run over
 * the sentinel unless depth_sensitive. show(value) is the text of a stack value in problem reports;
 * trace are traceOf's options (dropPrefix is set here). When the oracle cannot capture c4/c5,
 * capture(req, r) may give them instead ({c4, c5, from}, or an error text).
 */
export function runSpecVectors(oracle, vectors, { show, trace = {}, capture } = {}) {
    const unique = uniqueNames();
    const out = [];
    const problems = [];
    let crossChecked = 0;
    let captured = 0;
    for (const v of vectors) {
        unique(v.name);
        const codeCell = parseCellSpec(cellSpec(v.code));
        const stackIn = (v.opts.stack_in ?? []).map(specValue);
        const req = { code: cellToBoc(codeCell), stack: stackIn, gas_limit: v.opts.gas_limit ?? 1000000, debug: true, verbosity: 0 };
        if (v.opts.data) req.data = v.opts.data;
        if (v.opts.global_version !== undefined) req.global_version = v.opts.global_version;
        const r = runOrReport(oracle, req, v.name, problems);
        if (!r) continue;
        const errs = [];
        if (r.exit_code !== v.want.exit) errs.push(`exit ${r.exit_code} (want ${v.want.exit})`);
        if (v.want.gas !== undefined && r.gas_used !== v.want.gas) errs.push(`gas ${r.gas_used} (want ${v.want.gas})`);
        if (v.want.stack !== undefined && !matchStack(r.stack, v.want.stack)) errs.push(`stack ${JSON.stringify(r.stack.map(show))}`);
        if (v.want.c4 !== undefined && r.c4 !== cellToBoc(parseCellSpec(v.want.c4))) errs.push(`c4 ${r.c4}`);
        if (errs.length) {
            problems.push(`${v.name} [${v.code.asm}]: ${errs.join('; ')}`);
            continue;
        }
        const entry = { name: v.name, description: v.desc, asm: v.code.asm };
        if (codeCell.refs.length === 0) entry.code_hex = bitsToHex(cellBits(codeCell));
        entry.code_boc = req.code;
        entry.stack_in = stackIn;
        entry.gas_limit = req.gas_limit;
        if (v.opts.data) entry.data = cellToBoc(parseCellSpec(v.opts.data));
        if (req.global_version !== undefined) entry.global_version = req.global_version;
        entry.expected = { exit_code: r.exit_code, gas_used: r.gas_used, stack: r.stack, c4: r.c4, c5: r.c5 };
        if (capture && r.c4c5_status === 'capture_failed') {
            const c = capture(req, r);
            if (typeof c === 'string') {
                problems.push(`${v.name}: ${c}`);
                continue;
            }
            Object.assign(entry.expected, { c4: c.c4, c5: c.c5 });
            entry.c4c5_from = c.from;
            captured++;
        }
        if (r.mode === 'raw_drop_prefix' && stackIn.length === 0 && !v.opts.depth_sensitive) {
            const failed = sentinelCrossCheck(oracle, req, r);
            if (failed) {
                problems.push(`${v.name}: ${failed}`);
                continue;
            }
            crossChecked++;
        }
        entry.trace = traceOf(r.vm_log, { ...trace, dropPrefix: r.mode === 'raw_drop_prefix' });
        entry.oracle_mode = r.mode;
        out.push(entry);
    }
    return { out, problems, crossChecked, captured };
}
