// Generates int257_vectors.json: what the reference TVM (the C++ TVM inside
// @ton/sandbox, run through ../shared/oracle) answers for the integer
// instructions that gram's `Int257` implements, on edge values and on
// seeded pseudo-random operands.
//
//   node conformance/vectors/int257/gen_int257_vectors.mjs           # (re)write the file
//   node conformance/vectors/int257/gen_int257_vectors.mjs --check   # compare, write nothing
//
// Checked by vm/tests/int257_reference.rs.
//
// The oracle is found at ../shared/oracle/runvm.mjs from the project root, or
// at $GRAM_ORACLE. Quiet (Q-prefixed) instructions are used wherever the
// reference has them, so an overflow shows up as NaN in the result stack
// instead of ending the run; a few non-quiet ones pin down exit code 4.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..', '..');
const ORACLE = process.env.GRAM_ORACLE || path.join(ROOT, '..', 'shared', 'oracle', 'runvm.mjs');
// INT257_OUT / INT257_RANDOM_CASES / INT257_SEED make a larger throw-away set for a
// one-off soak (point the Rust test at it with INT257_VECTORS=<file>).
const OUT = process.env.INT257_OUT || path.join(HERE, 'int257_vectors.json');
const SEED = Number(process.env.INT257_SEED || 0x257257);
const RANDOM_CASES = Number(process.env.INT257_RANDOM_CASES || 40);

// ---- deterministic operands ----

let state = BigInt(SEED);
function next64() {
    // splitmix64
    state = (state + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
    let z = state;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
    return z ^ (z >> 31n);
}
const randInt = (n) => Number(next64() % BigInt(n));
const pick = (xs) => xs[randInt(xs.length)];

const P256 = 1n << 256n;
const MIN = -P256;
const MAX = P256 - 1n;

const EDGES = (() => {
    const v = [0n, 1n, -1n, 2n, -2n, 3n, -3n, 7n, -7n, MIN, MAX, MIN + 1n, MAX - 1n];
    for (const p of [51, 52, 53, 63, 64, 65, 103, 104, 127, 128, 208, 255]) {
        for (const d of [-1n, 0n, 1n]) {
            v.push((1n << BigInt(p)) + d, -((1n << BigInt(p)) + d));
        }
    }
    return v;
})();

function randomBits(len) {
    let m = 0n;
    for (let i = 0; i < 4; i++) m = (m << 64n) | next64();
    return m & ((1n << BigInt(len)) - 1n);
}

function randomValue() {
    switch (randInt(6)) {
        case 0:
            return pick(EDGES);
        case 1: {
            const v = BigInt.asIntN(64, next64());
            return v;
        }
        case 2:
            return BigInt(randInt(201) - 100);
        case 3:
        case 4: {
            const m = randomBits(randInt(257));
            return randInt(2) ? -m : m;
        }
        default: {
            const m = randomBits(256);
            return randInt(2) ? -m - 1n : m;
        }
    }
}

const SHIFTS = [0, 1, 2, 51, 52, 53, 63, 64, 65, 103, 104, 105, 127, 128, 129, 155, 156, 207, 208, 209, 255, 256];
const randomShift = () => (randInt(2) ? pick(SHIFTS) : randInt(257));
const WIDE_SHIFTS = [...SHIFTS, 257, 258, 259, 260, 261, 300, 311, 312, 313, 500, 1023];
const randomWideShift = () => (randInt(2) ? pick(WIDE_SHIFTS) : randInt(1024));
const DIVISORS = [1n, -1n, 2n, -2n, 3n, -3n, 10n, -10n, 1n << 52n, 1n << 64n, -(1n << 64n), 1n << 255n, MIN, MAX];
const randomDivisor = () => (randInt(3) === 0 ? pick(DIVISORS) : randomValue());
const randomBitWidth = (max) => (randInt(2) ? pick([0, 1, 2, 7, 8, 63, 64, 65, 128, 255, 256, 257].filter((b) => b <= max)) : randInt(max + 1));

// ---- the instructions ----
// Each op: name, code hex, and a generator of input lists (bottom of stack first).

const R = ['F', 'R', 'C']; // floor, nearest, ceiling: low two bits 0, 1, 2
const ops = [];
const op = (name, code, gen, edgeCases = []) => ops.push({ name, code, gen, edgeCases });
const bin = () => [randomValue(), randomValue()];
const una = () => [randomValue()];

op('QADD', 'B7A0', bin, [[MAX, 1n], [MIN, -1n], [MAX, MIN]]);
op('QSUB', 'B7A1', bin, [[MIN, 1n], [0n, MIN], [-1n, MIN]]);
op('QNEGATE', 'B7A3', una, [[MIN], [MAX]]);
op('QMUL', 'B7A8', bin, [[1n << 255n, 2n], [-(1n << 255n), 2n], [MIN, -1n], [MIN, 1n], [1n << 128n, 1n << 128n], [1n << 128n, -(1n << 128n)]]);
op('QABS', 'B7B60B', una, [[MIN], [MIN + 1n]]);
op('ADD', 'A0', bin, [[MAX, 1n], [MIN, -1n]]);
op('MUL', 'A8', bin, [[MIN, -1n]]);
for (const c of [-128, -1, 0, 1, 5, 127]) {
    const imm = (c & 0xff).toString(16).padStart(2, '0').toUpperCase();
    op(`QADDINT ${c}`, `B7A6${imm}`, una, [[MAX], [MIN]]);
    op(`QMULINT ${c}`, `B7A7${imm}`, una, [[MAX], [MIN]]);
}
for (let rm = 0; rm < 3; rm++) {
    const h = (n) => n.toString(16).toUpperCase();
    op(`QDIVMOD${R[rm]}`, `B7A90${h(12 + rm)}`, () => [randomValue(), randomDivisor()], [[MIN, -1n], [5n, 0n], [MIN, 1n], [-7n, 2n], [7n, -2n], [-7n, -2n], [MAX, MIN], [MIN, MAX]]);
    op(`QADDDIVMOD${R[rm]}`, `B7A90${h(rm)}`, () => [randomValue(), randomValue(), randomDivisor()], [[MAX, MAX, 1n], [MIN, MIN, -1n], [1n, 2n, 0n]]);
    op(`QRSHIFTMOD${R[rm]}`, `B7A92${h(12 + rm)}`, () => [randomValue(), randomShift()], [[MIN, 256n], [MAX, 256n], [-5n, 256n], [MIN, 0n]]);
    op(`QADDRSHIFTMOD${R[rm]}`, `B7A92${h(rm)}`, () => [randomValue(), randomValue(), randomShift()], [[MAX, MAX, 0n], [MAX, MAX, 1n], [MIN, MIN, 256n]]);
    op(`QMULDIVMOD${R[rm]}`, `B7A98${h(12 + rm)}`, () => [randomValue(), randomValue(), randomDivisor()], [[MIN, MIN, MIN], [MIN, MIN, 1n], [MAX, MAX, MAX], [MIN, -1n, -1n], [5n, 3n, 0n], [5n, 7n, 3n]]);
    op(`QMULADDDIVMOD${R[rm]}`, `B7A98${h(rm)}`, () => [randomValue(), randomValue(), randomValue(), randomDivisor()], [[MIN, MIN, MIN, MIN], [MAX, MAX, MAX, MAX], [MIN, MIN, MAX, -1n]]);
    op(`QMULRSHIFTMOD${R[rm]}`, `B7A9A${h(12 + rm)}`, () => [randomValue(), randomValue(), randomShift()], [[MIN, MIN, 256n], [MIN, MAX, 256n], [MAX, MAX, 255n], [3n, 5n, 0n]]);
    op(`QMULADDRSHIFTMOD${R[rm]}`, `B7A9A${h(rm)}`, () => [randomValue(), randomValue(), randomValue(), randomShift()], [[MIN, MIN, MIN, 256n], [MAX, MAX, MAX, 256n]]);
    op(`QLSHIFTDIVMOD${R[rm]}`, `B7A9C${h(12 + rm)}`, () => [randomValue(), randomDivisor(), randomShift()], [[MIN, MIN, 256n], [MIN, 1n, 256n], [MAX, MAX, 256n], [1n, 0n, 1n], [0n, 1n, 256n]]);
    op(`QLSHIFTADDDIVMOD${R[rm]}`, `B7A9C${h(rm)}`, () => [randomValue(), randomValue(), randomDivisor(), randomShift()], [[MIN, MIN, MIN, 256n], [MAX, MAX, MAX, 256n]]);
}
op('QLSHIFT', 'B7AC', () => [randomValue(), randomWideShift()], [[0n, 259n], [0n, 260n], [0n, 1023n], [-1n, 256n], [1n, 255n], [-1n, 0n], [MIN, 0n]]);
op('QRSHIFT', 'B7AD', () => [randomValue(), randomWideShift()], [[MIN, 1023n], [MAX, 1023n], [MIN, 256n], [MIN, 257n], [-1n, 1023n]]);
op('QPOW2', 'B7AE', () => [BigInt(randomWideShift())], [[255n], [256n], [259n], [260n], [1023n]]);
op('QAND', 'B7B0', bin);
op('QOR', 'B7B1', bin);
op('QXOR', 'B7B2', bin);
op('QNOT', 'B7B3', una, [[MIN], [MAX]]);
op('QFITSX', 'B7B600', () => [randomValue(), BigInt(randInt(3) ? randInt(260) : randInt(1024))], [[0n, 0n], [1n, 0n], [-1n, 1n], [MIN, 257n], [MIN, 256n], [MAX, 256n]]);
op('QUFITSX', 'B7B601', () => [randomValue(), BigInt(randInt(3) ? randInt(260) : randInt(1024))], [[0n, 0n], [-1n, 1023n], [MAX, 256n], [MAX, 255n]]);
op('QBITSIZE', 'B7B602', una, [[0n], [-1n], [MIN], [MAX]]);
op('QUBITSIZE', 'B7B603', una, [[0n], [-1n], [MIN], [MAX]]);
op('CMP', 'BF', bin, [[MIN, MAX], [MAX, MIN], [MIN, MIN]]);
op('SGN', 'B8', una);
// STIX / STUX into a new builder, then ENDC: NEWC; SWAP; STIX|STUX; ENDC.
const storeCase = (signed) => () => [randomValue(), BigInt(randomBitWidth(signed ? 257 : 256))];
op('STIX', 'C801CF00C9', storeCase(true), [[MIN, 257n], [MAX, 257n], [MAX, 256n], [-1n, 1n], [0n, 0n], [1n, 0n]]);
op('STUX', 'C801CF01C9', storeCase(false), [[MAX, 256n], [-1n, 8n], [0n, 0n], [255n, 8n], [256n, 8n]]);
// PLDIX / PLDUX from a 320-bit slice given as hex.
const loadCase = (signed) => () => [randomHex320(), BigInt(randomBitWidth(signed ? 257 : 256))];
op('PLDIX', 'D702', loadCase(true), [['80'.padEnd(80, '0'), 257n], ['FF'.repeat(40), 257n], ['7F'.padEnd(80, 'F'), 257n]]);
op('PLDUX', 'D703', loadCase(false), [['FF'.repeat(40), 256n], ['80'.padEnd(80, '0'), 1n]]);

function randomHex320() {
    let h = '';
    for (let i = 0; i < 5; i++) h += next64().toString(16).padStart(16, '0');
    return h.toUpperCase();
}

// ---- running ----

function stackItem(v) {
    if (typeof v === 'string') return { type: 'slice', boc: { hex: v, refs: [] } };
    return { type: 'int', value: v.toString() };
}

function resultItem(s) {
    switch (s.type) {
        case 'int':
            return s.value;
        case 'nan':
            return 'nan';
        case 'cell':
            return { cell_hash: s.hash };
        default:
            throw new Error(`unexpected result type ${s.type}`);
    }
}

async function generate() {
    const { createOracle } = await import(pathToFileURL(ORACLE).href);
    const oracle = await createOracle({ config: 'slim', c4c5: false });
    const cases = [];
    for (const o of ops) {
        const inputs = [...o.edgeCases];
        for (let i = 0; i < RANDOM_CASES; i++) inputs.push(o.gen());
        for (const input of inputs) {
            const r = oracle.run({ code_hex: o.code, stack: input.map(stackItem), c4c5: false });
            if (r.error) throw new Error(`${o.name} ${input}: ${r.error}`);
            cases.push({
                op: o.name,
                code_hex: o.code,
                input: input.map((v) => v.toString()),
                exit_code: r.exit_code,
                stack: r.exit_code === 0 ? r.stack.map(resultItem) : [],
            });
        }
    }
    return { version: oracle.version(), cases };
}

async function main() {
    const check = process.argv.includes('--check');
    const { version, cases } = await generate();
    const doc = {
        format: 'int257-vectors/1',
        description:
            'Integer instructions run on the reference TVM (global version 12). input: the stack before, bottom first ' +
            '(decimal integers; a hex string is a slice over a cell with those bits). exit_code: 0, or the exception ' +
            '(4 integer overflow, 5 range check). stack: the results on success, bottom first ("nan" for NaN, ' +
            '{cell_hash} for a cell).',
        generator: 'gen_int257_vectors.mjs (seed ' + SEED + ', ' + RANDOM_CASES + ' random cases per instruction)',
        reference: { emulator: version, config: 'slim' },
        count: cases.length,
        cases,
    };
    const text = JSON.stringify(doc, null, 0).replace(/\{"op"/g, '\n{"op"') + '\n';
    if (check) {
        const old = fs.readFileSync(OUT, 'utf8');
        if (old !== text) {
            console.error('int257_vectors.json differs from a fresh run of the oracle');
            process.exit(1);
        }
        console.log(`int257_vectors.json: ${cases.length} cases match the oracle`);
        return;
    }
    fs.writeFileSync(OUT, text);
    console.log(`wrote ${cases.length} cases to ${path.relative(ROOT, OUT)}`);
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
