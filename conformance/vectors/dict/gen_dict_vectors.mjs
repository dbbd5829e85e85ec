#!/usr/bin/env node
// Generates dict_vectors.json: random dictionaries built and queried with the
// reference TVM's DICT* / SUBDICT* / PFXDICT* instructions, one instruction per
// oracle run, each run fed the dictionary the previous run returned.
//
//   node gen_dict_vectors.mjs           rewrites dict_vectors.json
//   node gen_dict_vectors.mjs --check   compares a fresh run with the file, exit 1 on any difference
//
// Needs ../shared/oracle (see its README) beside the project root. Deterministic:
// a fixed seed drives every random choice, so a rerun gives the same file.
// Each run's code is the bare 16-bit opcode; the stack holds the operands with
// the key width n on top (an int32, so the oracle enters the code exactly, mode
// "raw"). gas_used is then 26 (the instruction) + 5 (implicit RET) on success
// or 26 + 50 on an exception, plus what the dictionary work costs (100 per cell
// loaded, 25 per cell loaded again, 500 per cell created) and 500 for the cell
// that holds a returned slice key (DICTMIN, DICTGETNEXT, ... on slice keys).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from '../lib/random.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '../../..');
const oraclePath = path.resolve(projectRoot, '../shared/oracle/runvm.mjs');
const { createOracle } = await import(pathToFileURL(oraclePath).href);
const oracle = await createOracle({ config: 'slim' });
const outFile = path.join(here, 'dict_vectors.json');

// ---------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------
const rand = mulberry32(0x6a09e667);
const randInt = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)); // inclusive
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const chance = (p) => rand() < p;
const randBits = (len) => Array.from({ length: len }, () => (chance(0.5) ? 1 : 0));

// ---------------------------------------------------------------------------
// Bits, hex and stack values
// ---------------------------------------------------------------------------
function bitsToHex(bits) {
    const b = bits.slice();
    let tagged = false;
    if (b.length % 4 !== 0) {
        tagged = true;
        b.push(1);
        while (b.length % 4 !== 0) b.push(0);
    }
    let hex = '';
    for (let i = 0; i < b.length; i += 4) hex += ((b[i] << 3) | (b[i + 1] << 2) | (b[i + 2] << 1) | b[i + 3]).toString(16).toUpperCase();
    return tagged ? hex + '_' : hex;
}
const bitsToBig = (bits) => bits.reduce((acc, x) => (acc << 1n) | BigInt(x), 0n);
function bigToBits(value, len, signed) {
    let v = value;
    if (signed && v < 0n) v += 1n << BigInt(len);
    const out = [];
    for (let i = len - 1; i >= 0; i--) out.push(Number((v >> BigInt(i)) & 1n));
    return out;
}
const bitsToInt = (bits, signed) => {
    const u = bitsToBig(bits);
    return signed && bits.length > 0 && bits[0] === 1 ? u - (1n << BigInt(bits.length)) : u;
};
const keyStr = (bits) => bits.join('');

// A random small cell: some bits, sometimes refs to tiny cells.
function randomCellSpec(maxBits, maxRefs, depth = 0) {
    const bits = randBits(randInt(0, maxBits));
    const refs = [];
    const refCount = depth < 1 ? randInt(0, maxRefs) : 0;
    for (let i = 0; i < refCount; i++) refs.push(randomCellSpec(32, 0, depth + 1));
    return { hex: bitsToHex(bits), refs };
}

const int = (v) => ({ type: 'int', value: v.toString() });
const sliceOf = (spec) => ({ type: 'slice', ...spec });
const dictIn = (boc) => (boc ? { type: 'cell', boc } : { type: 'null' });

// ---------------------------------------------------------------------------
// Opcodes (cp0; see crypto/vm/dictops.cpp register_dictionary_ops)
// ---------------------------------------------------------------------------
const KEY_OFFSET = { slice: 0, int: 2, uint: 4 }; // DICT{,I,U}... in the 3-bit-argument ranges
const KEY_OFFSET_B = { slice: 0, int: 1, uint: 2 }; // ...B variants
const KEY_LETTER = { slice: '', int: 'I', uint: 'U' };
const SET_BASE = { set: [0xf412, 0xf41a], replace: [0xf422, 0xf42a], add: [0xf432, 0xf43a] };
const SET_BASE_B = { set: [0xf441, 0xf445], replace: [0xf449, 0xf44d], add: [0xf451, 0xf455] };

function setInstr(mode, get, valueKind, keyKind) {
    const name = `DICT${KEY_LETTER[keyKind]}${mode.toUpperCase()}${get ? 'GET' : ''}`;
    if (valueKind === 'builder') return { opcode: SET_BASE_B[mode][get ? 1 : 0] + KEY_OFFSET_B[keyKind], name: name + 'B' };
    const ref = valueKind === 'ref' ? 1 : 0;
    return { opcode: SET_BASE[mode][get ? 1 : 0] + KEY_OFFSET[keyKind] + ref, name: name + (ref ? 'REF' : '') };
}
const hex16 = (op) => op.toString(16).toUpperCase();

// ---------------------------------------------------------------------------
// Running one instruction and reading its outputs
// ---------------------------------------------------------------------------
function run(opcode, stack) {
    const res = oracle.run({ code_hex: hex16(opcode), stack, c4c5: false });
    if (res.error) throw new Error(`oracle: ${res.error}`);
    if (res.mode !== 'raw') throw new Error(`expected an exact (raw) entry, got ${res.mode}`);
    return res;
}
function sliceWindow(item) {
    if (item.type !== 'slice') throw new Error(`expected a slice, got ${item.type}`);
    return { cell_hash: item.hash, bits: [item.bits_start, item.bits_end], refs: [item.refs_start, item.refs_end] };
}
function dictOut(item) {
    if (item.type === 'null') return null;
    if (item.type !== 'cell') throw new Error(`expected a dictionary cell, got ${item.type}`);
    return item;
}
const boolOut = (item) => {
    if (item.type !== 'int') throw new Error(`expected a bool, got ${item.type}`);
    return item.value === '-1';
};
function valueOut(item, asRef) {
    return asRef ? { ref_hash: item.hash } : { slice: sliceWindow(item) };
}
function keyOut(item, keyKind) {
    return keyKind === 'slice' ? { bits: item.content_hex } : { int: item.value };
}

// ---------------------------------------------------------------------------
// Plain dictionaries
// ---------------------------------------------------------------------------
class DictRun {
    constructor(name, n, keyKind, keyGen) {
        this.name = name;
        this.n = n;
        this.keyKind = keyKind;
        this.keyGen = keyGen;
        this.boc = null; // current root as BoC (null = empty)
        this.hash = null;
        this.model = new Map(); // key bits string -> true (to pick existing keys)
        this.ops = [];
    }

    keyItem(bits) {
        if (this.keyKind === 'slice') return { stack: sliceOf({ hex: bitsToHex(bits) }), json: { bits: bitsToHex(bits) } };
        const v = bitsToInt(bits, this.keyKind === 'int');
        return { stack: int(v), json: { int: v.toString() } };
    }

    someKey() {
        const existing = [...this.model.keys()];
        if (existing.length && chance(0.6)) return existing[randInt(0, existing.length - 1)].split('').map(Number);
        return this.keyGen();
    }

    record(op, res, extra) {
        const rec = { ...op, exit_code: res.exit_code, gas_used: res.gas_used, root_before: this.hash, ...extra };
        this.ops.push(rec);
        return rec;
    }

    setRoot(item) {
        const d = dictOut(item);
        this.boc = d ? d.boc : null;
        this.hash = d ? d.hash : null;
    }

    set(mode, get, valueKind) {
        const bits = this.someKey();
        const key = this.keyItem(bits);
        const big = chance(0.04);
        const spec = randomCellSpec(big ? 1000 : 120, big ? 0 : 2);
        const valueItem =
            valueKind === 'slice' ? sliceOf(spec) : valueKind === 'ref' ? { type: 'cell', ...spec } : { type: 'builder', ...spec };
        const { opcode, name } = setInstr(mode, get, valueKind, this.keyKind);
        const res = run(opcode, [valueItem, key.stack, dictIn(this.boc), int(this.n)]);
        const op = { op: 'set', instr: name, opcode: hex16(opcode), mode, get, value_kind: valueKind, key: key.json, value: spec };
        if (res.exit_code !== 0) return this.record(op, res, {});
        const st = res.stack;
        const result = {};
        if (get) {
            // Set/Replace push (old, -1) or (0); Add pushes (old, 0) or (-1).
            const okFlag = mode !== 'add';
            if (st.length === 3) {
                result.old = valueOut(st[1], valueKind === 'ref');
                if (boolOut(st[2]) !== okFlag) throw new Error('unexpected SETGET flag');
            } else {
                result.old = null;
                if (boolOut(st[1]) === okFlag) throw new Error('unexpected SETGET flag');
            }
        } else if (mode !== 'set') {
            result.changed = boolOut(st[1]);
        }
        const rec = this.record(op, res, { result });
        this.setRoot(st[0]);
        rec.root_after = this.hash;
        const existed = this.model.has(keyStr(bits));
        if ((mode === 'set') || (mode === 'replace' && existed) || (mode === 'add' && !existed)) this.model.set(keyStr(bits), true);
        return rec;
    }

    get(asRef) {
        const key = this.keyItem(this.someKey());
        const opcode = 0xf40a + KEY_OFFSET[this.keyKind] + (asRef ? 1 : 0);
        const res = run(opcode, [key.stack, dictIn(this.boc), int(this.n)]);
        const op = { op: 'get', instr: `DICT${KEY_LETTER[this.keyKind]}GET${asRef ? 'REF' : ''}`, opcode: hex16(opcode), ref: asRef, key: key.json };
        if (res.exit_code !== 0) return this.record(op, res, {});
        const st = res.stack;
        return this.record(op, res, { result: { value: st.length === 2 ? valueOut(st[0], asRef) : null } });
    }

    del(get, asRef) {
        const bits = this.someKey();
        const key = this.keyItem(bits);
        let opcode, name;
        if (get) {
            opcode = 0xf462 + KEY_OFFSET[this.keyKind] + (asRef ? 1 : 0);
            name = `DICT${KEY_LETTER[this.keyKind]}DELGET${asRef ? 'REF' : ''}`;
        } else {
            opcode = 0xf459 + KEY_OFFSET_B[this.keyKind];
            name = `DICT${KEY_LETTER[this.keyKind]}DEL`;
        }
        const res = run(opcode, [key.stack, dictIn(this.boc), int(this.n)]);
        const op = { op: 'delete', instr: name, opcode: hex16(opcode), get, ref: asRef, key: key.json };
        if (res.exit_code !== 0) return this.record(op, res, {});
        const st = res.stack;
        const result = get ? { value: st.length === 3 ? valueOut(st[1], asRef) : null } : { found: boolOut(st[1]) };
        const rec = this.record(op, res, { result });
        this.setRoot(st[0]);
        rec.root_after = this.hash;
        this.model.delete(keyStr(bits));
        return rec;
    }

    minmax(max, remove, asRef) {
        const base = remove ? (max ? 0xf49a : 0xf492) : max ? 0xf48a : 0xf482;
        const opcode = base + KEY_OFFSET[this.keyKind] + (asRef ? 1 : 0);
        const name = `DICT${KEY_LETTER[this.keyKind]}${remove ? 'REM' : ''}${max ? 'MAX' : 'MIN'}${asRef ? 'REF' : ''}`;
        const res = run(opcode, [dictIn(this.boc), int(this.n)]);
        const op = { op: 'minmax', instr: name, opcode: hex16(opcode), max, remove, ref: asRef };
        if (res.exit_code !== 0) return this.record(op, res, {});
        const st = res.stack.slice();
        let newRoot = null;
        if (remove) newRoot = st.shift();
        const result = st.length === 3 ? { value: valueOut(st[0], asRef), key: keyOut(st[1], this.keyKind) } : { value: null };
        const rec = this.record(op, res, { result });
        if (remove) {
            this.setRoot(newRoot);
            rec.root_after = this.hash;
            if (result.key) {
                const bits = this.keyKind === 'slice' ? null : bigToBits(BigInt(result.key.int), this.n, this.keyKind === 'int');
                if (bits) this.model.delete(keyStr(bits));
                else this.model = new Map([...this.model].filter(([k]) => bitsToHex(k.split('').map(Number)) !== result.key.bits));
            }
        }
        return rec;
    }

    nearest(next, eq) {
        const bits = chance(0.5) ? this.someKey() : this.keyGen();
        const key = this.keyItem(bits);
        // Low 4 bits of F474..F47F: 8 = integer key, 4 = unsigned (slice keys have it set too), 2 = prev, 1 = or equal.
        const args = { slice: 4, int: 8, uint: 12 }[this.keyKind] | (next ? 0 : 2) | (eq ? 1 : 0);
        const opcode = 0xf470 + args;
        const name = `DICT${KEY_LETTER[this.keyKind]}GET${next ? 'NEXT' : 'PREV'}${eq ? 'EQ' : ''}`;
        const res = run(opcode, [key.stack, dictIn(this.boc), int(this.n)]);
        const op = { op: 'nearest', instr: name, opcode: hex16(opcode), next, eq, key: key.json };
        if (res.exit_code !== 0) return this.record(op, res, {});
        const st = res.stack;
        const result = st.length === 3 ? { value: valueOut(st[0], false), key: keyOut(st[1], this.keyKind) } : { value: null };
        return this.record(op, res, { result });
    }

    subdict(removePrefix) {
        const bits = this.someKey();
        const k = randInt(0, this.n);
        const prefixBits = bits.slice(0, k);
        if (chance(0.2) && k > 0) prefixBits[k - 1] ^= 1;
        const opcode = removePrefix ? 0xf4b5 : 0xf4b1;
        const res = run(opcode, [sliceOf({ hex: bitsToHex(prefixBits) }), int(k), dictIn(this.boc), int(this.n)]);
        const op = { op: 'subdict', instr: removePrefix ? 'SUBDICTRPGET' : 'SUBDICTGET', opcode: hex16(opcode), remove_prefix: removePrefix, prefix: { bits: bitsToHex(prefixBits) } };
        if (res.exit_code !== 0) return this.record(op, res, {});
        const d = dictOut(res.stack[0]);
        return this.record(op, res, { result: { root: d ? d.hash : null } });
    }

    randomOp() {
        const r = rand();
        if (r < 0.42) {
            const mode = pick(['set', 'set', 'set', 'replace', 'add']);
            return this.set(mode, chance(0.3), pick(['slice', 'slice', 'ref', 'builder']));
        }
        if (r < 0.55) return this.get(false);
        if (r < 0.58) return this.get(true);
        if (r < 0.68) {
            const get = chance(0.5);
            return this.del(get, get && chance(0.3));
        }
        if (r < 0.78) return this.minmax(chance(0.5), chance(0.4), chance(0.15));
        if (r < 0.92) return this.nearest(chance(0.5), chance(0.5));
        return this.subdict(chance(0.5));
    }
}

// Key generators: uniform, small numbers (long runs of equal bits: hml_same
// labels), clustered around a base, and sparse (mostly one bit value).
function keyGenFor(n, style) {
    const base = randBits(n);
    switch (style) {
        case 'uniform':
            return () => randBits(n);
        case 'small':
            return () => bigToBits(BigInt(randInt(0, 300)), n, false);
        case 'cluster':
            return () => {
                const b = base.slice();
                const tail = Math.min(n, randInt(1, 12));
                for (let i = n - tail; i < n; i++) b[i] = chance(0.5) ? 1 : 0;
                return b;
            };
        case 'sparse':
        default: {
            const fillBit = chance(0.5) ? 1 : 0;
            return () => {
                const b = new Array(n).fill(fillBit);
                for (let i = 0; i < randInt(0, 3) && n > 0; i++) b[randInt(0, n - 1)] ^= 1;
                return b;
            };
        }
    }
}

function buildDicts() {
    const out = [];
    const plan = [];
    const widths = [8, 32, 64, 256, 267];
    const styles = ['uniform', 'small', 'cluster', 'sparse'];
    for (const n of widths) {
        for (let i = 0; i < 11; i++) {
            const kinds = n === 267 ? ['slice'] : n === 256 ? ['slice', 'uint', 'int'] : ['slice', 'uint', 'int'];
            plan.push({ n, kind: kinds[i % kinds.length], style: styles[i % styles.length], ops: randInt(30, 90) });
        }
    }
    // Edge widths: no key bits at all, one bit, a few bits, and the widest keys.
    for (const n of [0, 1, 5]) plan.push({ n, kind: 'slice', style: 'uniform', ops: 25 });
    for (const n of [1023, 1023]) plan.push({ n, kind: 'slice', style: 'sparse', ops: 30 });
    plan.forEach((p, idx) => {
        const name = `${p.kind}${p.n}_${p.style}_${idx}`;
        const d = new DictRun(name, p.n, p.kind, keyGenFor(p.n, p.style));
        // Fill first, then mix in every kind of operation.
        const fill = Math.min(p.ops, randInt(8, 40));
        for (let i = 0; i < fill; i++) d.set('set', false, pick(['slice', 'ref']));
        for (let i = fill; i < p.ops; i++) d.randomOp();
        for (const rec of d.ops) {
            if (rec.exit_code !== 0 && ![8, 9, 10].includes(rec.exit_code)) throw new Error(`${name}: unexpected exit ${rec.exit_code}`);
        }
        out.push({ name, key_bits: p.n, key_kind: p.kind, ops: d.ops, final_root: d.hash });
    });
    return out;
}

// ---------------------------------------------------------------------------
// Prefix-code dictionaries
// ---------------------------------------------------------------------------
function buildPrefixDicts() {
    const out = [];
    for (const [idx, n] of [8, 12, 16, 32, 64, 100, 16, 24, 40, 255].entries()) {
        const name = `pfx${n}_${idx}`;
        let boc = null;
        let hash = null;
        const keys = [];
        const ops = [];
        const newKey = () => randBits(randInt(0, Math.min(n, 20)));
        const someKey = () => (keys.length && chance(0.5) ? pick(keys) : newKey());
        // After a successful change the returned root is the dictionary (recorded as root_after).
        const takeRoot = (rec, item) => {
            const d = dictOut(item);
            boc = d ? d.boc : null;
            hash = d ? d.hash : null;
            rec.root_after = hash;
        };
        const count = randInt(40, 80);
        for (let i = 0; i < count; i++) {
            const r = i < 15 ? 0 : rand();
            if (r < 0.5) {
                const mode = i < 15 ? 'set' : pick(['set', 'set', 'replace', 'add']);
                const key = someKey();
                const spec = randomCellSpec(chance(0.03) ? 1000 : 100, 1);
                const opcode = { set: 0xf470, replace: 0xf471, add: 0xf472 }[mode];
                const res = run(opcode, [sliceOf(spec), sliceOf({ hex: bitsToHex(key) }), dictIn(boc), int(n)]);
                const rec = { op: 'pfx_set', instr: `PFXDICT${mode.toUpperCase()}`, opcode: hex16(opcode), mode, key: { bits: bitsToHex(key) }, value: spec, exit_code: res.exit_code, gas_used: res.gas_used, root_before: hash };
                if (res.exit_code === 0) {
                    rec.result = { changed: boolOut(res.stack[1]) };
                    takeRoot(rec, res.stack[0]);
                    if (rec.result.changed) keys.push(key);
                }
                ops.push(rec);
            } else if (r < 0.65) {
                const key = someKey();
                const res = run(0xf473, [sliceOf({ hex: bitsToHex(key) }), dictIn(boc), int(n)]);
                const rec = { op: 'pfx_delete', instr: 'PFXDICTDEL', opcode: 'F473', key: { bits: bitsToHex(key) }, exit_code: res.exit_code, gas_used: res.gas_used, root_before: hash };
                if (res.exit_code === 0) {
                    rec.result = { found: boolOut(res.stack[1]) };
                    takeRoot(rec, res.stack[0]);
                }
                ops.push(rec);
            } else {
                // Input = a key followed by random bits, or random bits.
                const input = (chance(0.7) && keys.length ? pick(keys) : []).concat(randBits(randInt(0, 12)));
                const res = run(0xf4a8, [sliceOf({ hex: bitsToHex(input) }), dictIn(boc), int(n)]);
                const rec = { op: 'pfx_getq', instr: 'PFXDICTGETQ', opcode: 'F4A8', input: { bits: bitsToHex(input) }, exit_code: res.exit_code, gas_used: res.gas_used, root_before: hash };
                if (res.exit_code === 0) {
                    const st = res.stack;
                    rec.result = st.length === 4
                        ? { value: valueOut(st[1], false), prefix: { bits: st[0].content_hex }, rest: { bits: st[2].content_hex } }
                        : { value: null };
                }
                ops.push(rec);
            }
        }
        out.push({ name, key_bits: n, ops, final_root: hash });
    }
    return out;
}

// ---------------------------------------------------------------------------
// Malformed dictionaries: what the reference raises, and what it charges first
// ---------------------------------------------------------------------------
function buildMalformed() {
    const leaf = (bits) => ({ hex: bitsToHex(bits), refs: [] });
    // A leaf of a 7-bit edge (below the root fork of an 8-bit dictionary) for key bits `k7`, hml_long label.
    const leaf7 = (k7, value) => leaf([1, 0, 1, 1, 1, ...k7, ...value]);
    const fork = (extra, refs) => ({ hex: bitsToHex([0, 0, ...extra]), refs });
    const cases = [
        // Root with a single bit: no label fits.
        { name: 'one_bit_root', n: 8, root: leaf([1]), op: 'get', key: 5 },
        // hml_long whose length field exceeds n.
        { name: 'long_label_too_long', n: 8, root: leaf([1, 0, ...bigToBits(15n, 4, false), ...randBits(15)]), op: 'get', key: 5 },
        // A fork (empty label, n > 0) with a single ref.
        { name: 'fork_one_ref', n: 8, root: fork([], [leaf7([0, 0, 0, 0, 1, 0, 1], [1])]), op: 'get', key: 5 },
        // A fork with extra data bits after its label.
        { name: 'fork_extra_bits', n: 8, root: fork([1, 1], [leaf7([0, 0, 0, 0, 1, 0, 1], []), leaf7([0, 0, 0, 0, 1, 0, 1], [])]), op: 'set', key: 200 },
        // A deeper malformed node: fork -> child whose label is truncated.
        { name: 'child_truncated', n: 8, root: fork([], [leaf([1, 0, 1]), leaf7([0, 0, 0, 0, 1, 0, 1], [])]), op: 'get', key: 3 },
        // DICTUGETREF on a value that is not a single ref.
        { name: 'getref_not_ref', n: 8, root: leaf([1, 0, ...bigToBits(8n, 4, false), ...bigToBits(5n, 8, false), 1, 1, 1]), op: 'getref', key: 5 },
        // Delete that has to merge with a malformed sibling.
        { name: 'delete_bad_sibling', n: 8, root: fork([], [leaf7([0, 0, 0, 0, 0, 1, 1], [1, 1]), leaf([1])]), op: 'delete', key: 3 },
        // Delete that merges with a well-formed sibling: a new cell is built.
        { name: 'delete_merge', n: 8, root: fork([], [leaf7([0, 0, 0, 0, 0, 1, 1], [1, 1]), leaf7([1, 1, 0, 0, 0, 1, 1], [0])]), op: 'delete', key: 3 },
        // A 1023-bit key with mixed bits into an empty dictionary: its label cannot fit in a cell.
        { name: 'wide_key_label_overflow', n: 1023, root: null, op: 'set', key_bits_hex: bitsToHex([0, ...randBits(1021), 1]) },
        // Prefix dictionary node without its constructor bit.
        { name: 'pfx_no_constructor', n: 8, root: leaf([0, 0]), op: 'pfx_getq', input: [1, 0, 1] },
        // Prefix dictionary fork at zero remaining key length.
        { name: 'pfx_fork_at_end', n: 0, root: { hex: bitsToHex([0, 0, 1]), refs: [leaf([0, 0, 0]), leaf([0, 0, 0])] }, op: 'pfx_getq', input: [] },
        // Prefix dictionary fork with a data bit after the constructor.
        { name: 'pfx_bad_fork', n: 8, root: { hex: bitsToHex([0, 0, 1, 1]), refs: [leaf([0, 0, 0]), leaf([0, 0, 0])] }, op: 'pfx_getq', input: [1, 1] },
    ];
    const out = [];
    for (const c of cases) {
        let opcode, stack, rec;
        const dict = c.root ? { type: 'cell', ...c.root } : { type: 'null' };
        if (c.op === 'pfx_getq') {
            opcode = 0xf4a8;
            stack = [sliceOf({ hex: bitsToHex(c.input) }), dict, int(c.n)];
            rec = { input: { bits: bitsToHex(c.input) } };
        } else {
            const keyItem = c.key_bits_hex ? sliceOf({ hex: c.key_bits_hex }) : int(c.key);
            rec = { key: c.key_bits_hex ? { bits: c.key_bits_hex } : { int: String(c.key) } };
            if (c.op === 'get') opcode = 0xf40e;
            if (c.op === 'getref') opcode = 0xf40f;
            if (c.op === 'delete') opcode = 0xf45b;
            if (c.op === 'set') {
                opcode = c.key_bits_hex ? 0xf412 : 0xf416;
                stack = [sliceOf({ hex: 'AB' }), keyItem, dict, int(c.n)];
                rec.value = { hex: 'AB', refs: [] };
            } else {
                stack = [keyItem, dict, int(c.n)];
            }
        }
        const res = run(opcode, stack);
        if (res.exit_code === 0 && c.op === 'delete') rec.root_after = dictOut(res.stack[0])?.hash ?? null;
        out.push({ name: c.name, op: c.op, opcode: hex16(opcode), key_bits: c.n, root: c.root, ...rec, exit_code: res.exit_code, gas_used: res.gas_used });
    }
    return out;
}

// ---------------------------------------------------------------------------
const pkg = JSON.parse(fs.readFileSync(path.resolve(path.dirname(oraclePath), 'package.json'), 'utf8'));
const result = {
    format: 'gram-dict-vectors/1',
    reference: {
        emulator: 'TVM of @ton/sandbox (see ../shared/oracle), global version 12, slim config',
        packages: { '@ton/sandbox': pkg.dependencies?.['@ton/sandbox'] ?? 'see oracle', '@ton/core': pkg.dependencies?.['@ton/core'] ?? 'see oracle' },
    },
    gas_model: 'gas_used = 26 + (exit_code == 0 ? 5 : 50) + dictionary loads/reloads/creates (100/25/500) + 500 if a slice key is returned',
    dicts: buildDicts(),
    prefix_dicts: buildPrefixDicts(),
    malformed: buildMalformed(),
};
const text = JSON.stringify(result, null, 1) + '\n';
const opCount = result.dicts.reduce((a, d) => a + d.ops.length, 0) + result.prefix_dicts.reduce((a, d) => a + d.ops.length, 0);
if (process.argv.includes('--check')) {
    const old = fs.readFileSync(outFile, 'utf8');
    if (old !== text) {
        console.error('dict_vectors.json differs from a fresh run');
        process.exit(1);
    }
    console.log(`dict_vectors.json matches a fresh run (${opCount} operations)`);
} else {
    fs.writeFileSync(outFile, text);
    console.log(`wrote ${outFile}: ${result.dicts.length} dictionaries, ${result.prefix_dicts.length} prefix dictionaries, ${result.malformed.length} malformed cases, ${opCount} operations`);
}
