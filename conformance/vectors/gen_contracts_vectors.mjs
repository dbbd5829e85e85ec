#!/usr/bin/env node
// Generates contracts_vectors.json: real contracts compiled from public FunC / Tolk sources
// (assembler/tests/contracts/out/*.boc, made by assembler/tests/contracts/compile.mjs) run on the
// reference TVM (../shared/oracle, the C++ TVM inside @ton/sandbox) as get-method calls.
//
//   node conformance/vectors/gen_contracts_vectors.mjs [--check]
//
// 1. Tolk tests (tolk-tester format): every `@testcase | method_id | inputs | expected` line is run
//    with the inputs as the stack (bottom first) and the method id on top. The annotation's expected
//    output is compared where it only holds integers, nulls and tuples; disagreements are listed in
//    the vector's `annotation_agrees: false` (the oracle is the authority: what is recorded is its
//    result).
// 2. FunC smartcont contracts: realistic initial data built from each contract's storage layout,
//    every get-method the contract declares (method id = crc16(name) | 0x10000), and for several a
//    signed recv_external (method id -1) and a plain recv_internal (method id 0).
//
// Expectations (exit code, gas, stack, c4, c5) come only from the oracle. With --check nothing is
// written: the file is compared with a fresh run (exit 1 on any difference).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOracle, cellToBoc, oracleRequire, I, C, NULL } from './lib/oracle.mjs';
import { finish, vectorDocument } from './lib/output.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'contracts_vectors.json');
const CONTRACTS = path.join(HERE, '../../assembler/tests/contracts');
const { beginCell, Cell, Address, Dictionary, storeMessage, storeMessageRelaxed, internal, external, toNano } =
    oracleRequire('@ton/core');
const { keyPairFromSeed, sign } = oracleRequire('@ton/crypto');

const code = (name) => Cell.fromBoc(fs.readFileSync(path.join(CONTRACTS, 'out', name + '.boc')))[0];

// CRC16-XMODEM method ids, as FunC and Tolk compute them.
function methodId(name) {
    let crc = 0;
    for (const byte of Buffer.from(name)) {
        crc ^= byte << 8;
        for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    return (crc & 0xffff) | 0x10000;
}

const vectors = [];
/** Adds one get-method call of contract `contract` (its name in out/) with c4 = data. */
function add(contract, name, description, data, stack, method, extra = {}) {
    vectors.push({
        name: `${contract}.${name}`,
        description,
        contract,
        code_boc: cellToBoc(code(contract)),
        data: cellToBoc(data ?? beginCell().endCell()),
        stack_in: stack,
        method_id: typeof method === 'string' ? methodId(method) : method,
        gas_limit: extra.gas_limit ?? 1000000,
        ...(extra.annotation !== undefined ? { annotation: extra.annotation } : {}),
    });
}

// ---------------------------------------------------------------------------
// Tolk tests
// ---------------------------------------------------------------------------

/** Evaluates a tolk-tester input expression (integers with + - * // << and parentheses) as a BigInt. */
function evalExpr(src) {
    const toks = src.match(/\d+|\/\/|<<|[-+*()]/g);
    if (toks.join('') !== src) throw new Error(`cannot parse input ${src}`);
    let i = 0;
    const floorDiv = (a, b) => {
        const q = a / b;
        return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
    };
    function atom() {
        const t = toks[i++];
        if (t === '-') return -atom();
        if (t === '(') {
            const v = shift();
            i++; // ')'
            return v;
        }
        return BigInt(t);
    }
    function mul() {
        let v = atom();
        while (toks[i] === '*' || toks[i] === '//') v = toks[i++] === '*' ? v * atom() : floorDiv(v, atom());
        return v;
    }
    function add_() {
        let v = mul();
        while (toks[i] === '+' || toks[i] === '-') v = toks[i++] === '+' ? v + mul() : v - mul();
        return v;
    }
    function shift() {
        let v = add_();
        while (toks[i] === '<<') { i++; v = v << add_(); }
        return v;
    }
    const v = shift();
    if (i !== toks.length) throw new Error(`cannot parse input ${src}`);
    return v;
}

/** A stack value in the tolk-tester output notation, or undefined when it is not a simple one. */
function showValue(v) {
    if (v.type === 'int') return v.value;
    if (v.type === 'null') return '(null)';
    if (v.type === 'nan') return 'NaN';
    if (v.type === 'tuple') {
        const items = v.items ?? v.value ?? [];
        const shown = items.map(showValue);
        if (shown.some((s) => s === undefined)) return undefined;
        return shown.length ? `[ ${shown.join(' ')} ]` : '[]';
    }
    return undefined;
}

const tolkCases = [];
for (const file of fs.readdirSync(path.join(CONTRACTS, 'tolk')).sort()) {
    if (!file.endsWith('.tolk')) continue;
    const contract = 'tolk-' + file.replace(/\.tolk$/, '');
    const lines = fs.readFileSync(path.join(CONTRACTS, 'tolk', file), 'utf8').split('\n');
    let n = 0;
    for (const line of lines) {
        const m = line.match(/^@testcase\s*\|\s*(-?\d+)\s*\|([^|]*)\|(.*)$/);
        if (!m) continue;
        const inputs = m[2].trim().split(/\s+/).filter(Boolean).map((t) => (t === 'null' ? NULL : I(evalExpr(t))));
        const expected = m[3].trim().split(/\s+/).filter(Boolean).join(' ');
        add(contract, `case${n++}.m${m[1]}`, `@testcase | ${m[1]} | ${m[2].trim()} | ${expected}`, null, inputs,
            Number(m[1]), { annotation: expected });
        tolkCases.push(vectors.length - 1);
    }
}

// ---------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------
const oracle = await createOracle({ config: 'default' });
let disagree = 0;
for (const v of vectors) {
    const r = oracle.run({ code: v.code_boc, data: v.data, stack: v.stack_in, method_id: v.method_id, gas_limit: v.gas_limit });
    if (r.error) throw new Error(`${v.name}: ${r.error}`);
    v.expected = { exit_code: r.exit_code, gas_used: r.gas_used, stack: r.stack, c4: r.c4 ?? null, c5: r.c5 ?? null };
    if (v.annotation !== undefined) {
        const shown = r.stack.map(showValue);
        const simple = /^[-\d\s[\]()nul]*$/.test(v.annotation) && !shown.includes(undefined);
        if (simple) {
            v.annotation_agrees = r.exit_code === 0 && shown.join(' ') === v.annotation;
            if (!v.annotation_agrees) {
                disagree++;
                console.error(`annotation differs: ${v.name}: want ${v.annotation}, oracle exit ${r.exit_code}: ${shown.join(' ')}`);
            }
        }
    }
}
if (disagree) console.error(`${disagree} annotation(s) differ from the oracle (the oracle is recorded)`);

const counts = {};
for (const v of vectors) counts[v.contract] = (counts[v.contract] ?? 0) + 1;
const doc = vectorDocument({
    description:
        'Real contracts compiled from public FunC (ton-blockchain/ton crypto/smartcont) and Tolk (tolk-tester) sources, run as get-method calls (method_id on top of stack_in) with realistic c4',
    generator: path.basename(fileURLToPath(import.meta.url)),
    version: oracle.version(),
    extraDefaults: { entry: 'get-method: stack_in, then method_id pushed on top' },
    vectors,
});
doc.counts = counts;
finish(OUT, JSON.stringify(doc, null, 1) + '\n', vectors.length);
