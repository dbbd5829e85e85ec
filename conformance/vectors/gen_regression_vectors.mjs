// Regression vectors: programs on which gram once differed from the reference
// TVM, found and shrunk by the differential runner
// (`cargo run -p gram-conformance -- diff --seed S --out conformance/vectors/regression_vectors.json`),
// which appends each shrunk program with the oracle's result as `expected`.
//
// This script re-derives every `expected` from the oracle, so the file never
// holds a value that did not come from the reference:
//   node gen_regression_vectors.mjs          # rewrites expected in regression_vectors.json
//   node gen_regression_vectors.mjs --check  # compares with a fresh run (exit 1 on a difference)
// The oracle is ../shared/oracle from the project root (or GRAM_ORACLE = path of runvm.mjs),
// run with the default config as the differential runner does (global version 12).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FILE = path.join(HERE, 'regression_vectors.json');
const ORACLE = process.env.GRAM_ORACLE ?? path.resolve(HERE, '..', '..', '..', 'shared', 'oracle', 'runvm.mjs');
const { createOracle } = await import(pathToFileURL(fs.realpathSync(ORACLE)).href);

const check = process.argv.includes('--check');
const doc = JSON.parse(fs.readFileSync(FILE, 'utf8'));
const oracle = await createOracle({ config: 'default' });
let differences = 0;
for (const v of doc.vectors) {
    const req = { code: v.code_boc, stack: v.stack_in, gas_limit: v.gas_limit, c4c5: true };
    if (v.data) req.data = v.data;
    if (v.global_version !== undefined) req.global_version = v.global_version;
    const r = oracle.run(req);
    const expected = { exit_code: r.exit_code, gas_used: r.gas_used, stack: r.stack, c4: r.c4, c5: r.c5 };
    if (JSON.stringify(expected) !== JSON.stringify(v.expected)) {
        differences += 1;
        console.log(`${v.name}: the oracle now gives ${JSON.stringify(expected).slice(0, 300)}`);
    }
    v.expected = expected;
}
doc.count = doc.vectors.length;
if (check) {
    console.log(`regression vectors: ${doc.count} checked, ${differences} differ`);
    process.exit(differences ? 1 : 0);
}
fs.writeFileSync(FILE, JSON.stringify(doc, null, 2) + '\n');
console.log(`wrote ${FILE}: ${doc.count} vectors (${differences} expected values changed)`);
