// The vector file a generator writes: the common document head, and writing
// the file or (with --check) comparing it with a fresh run.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOracle, DEFAULTS, packageVersions, emptyCellBoc, runSentinelVectors } from './oracle.mjs';

/** The `reference` block: emulator build and package versions of the oracle run. */
export function referenceInfo(version, config = 'default') {
    return {
        emulator_commit: version.commitHash,
        emulator_commit_date: version.commitDate,
        packages: { '@ton/sandbox': packageVersions()['@ton/sandbox'], '@ton/core': packageVersions()['@ton/core'] },
        config: `@ton/sandbox ${config} config (global version 12)`,
    };
}

/** The oracle's default c7 values, as the vector files record them. */
export const c7Defaults = () => ({
    now: DEFAULTS.now,
    balance: DEFAULTS.balance.toString(),
    address: DEFAULTS.address,
    rand_seed: DEFAULTS.rand_seed,
});

/** The entry mode of the vector files: stack_in is the whole initial stack. */
export const RAW_ENTRY = 'raw: the VM starts with stack_in exactly (no method id pushed)';

/**
 * The common vector document (format tvm-gas-vectors/1). file is recorded only when given;
 * extraDefaults are appended to the defaults block.
 */
export function vectorDocument({ description, generator, file, version, config = 'default', extraDefaults = {}, vectors }) {
    const doc = { format: 'tvm-gas-vectors/1', description, generator };
    if (file !== undefined) doc.file = file;
    doc.reference = referenceInfo(version, config);
    doc.defaults = { data: emptyCellBoc(), c7: c7Defaults(), entry: RAW_ENTRY, ...extraDefaults };
    doc.count = vectors.length;
    doc.vectors = vectors;
    return doc;
}

/** A vector document as JSON with one vector per line (large files, readable diffs); the head indented by one space. */
export function oneVectorPerLine(doc) {
    const { vectors, ...head } = doc;
    const top = JSON.stringify(head, null, 1).replace(/\n}$/, '');
    return `${top},\n "vectors": [\n${vectors.map((v) => '  ' + JSON.stringify(v)).join(',\n')}\n ]\n}\n`;
}

/** Prints the programs that did not behave as written by hand and exits 1, if there are any. */
export function failOnProblems(problems) {
    if (!problems.length) return;
    console.error(`${problems.length} program(s) did not behave as expected on the oracle:`);
    for (const p of problems) console.error('  ' + p);
    process.exit(1);
}

/**
 * Writes text to file, or with check only compares it with the file's content.
 * Returns true when the file is up to date (or was written), false when --check found a difference.
 */
export function writeOrCheck(file, text, count, check = process.argv.includes('--check')) {
    const name = path.basename(file);
    if (!check) {
        fs.writeFileSync(file, text);
        console.log(`wrote ${count} vectors to ${name}`);
        return true;
    }
    const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (old !== text) {
        console.error(`${name} differs from a fresh run of the oracle`);
        return false;
    }
    console.log(`${name}: ${count} vectors match the oracle`);
    return true;
}

/** writeOrCheck for a generator with one output file: exits 1 when --check found a difference. */
export function finish(file, text, count) {
    if (!writeOrCheck(file, text, count)) process.exit(1);
}

/**
 * The whole run of a generator whose programs start with DROP of the sentinel: runs the vectors
 * (see runSentinelVectors) on `oracle` (by default a fresh one with the default config), refuses to
 * go on when one does not behave as written by hand, then writes or checks file. generatorUrl is
 * the generator's import.meta.url (its file name is recorded). The document is indented by one
 * space, or on one line when oneLine.
 */
export async function generateSentinelFile(generatorUrl, file, vectors, checkWant, description, { oracle, oneLine = false } = {}) {
    const o = oracle ?? (await createOracle({ config: 'default' }));
    const { out, problems } = runSentinelVectors(o, vectors, checkWant);
    failOnProblems(problems);
    const generator = path.basename(fileURLToPath(generatorUrl));
    const doc = vectorDocument({ description, generator, version: o.version(), vectors: out });
    finish(file, (oneLine ? JSON.stringify(doc) : JSON.stringify(doc, null, 1)) + '\n', out.length);
}
