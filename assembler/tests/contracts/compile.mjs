// Compiles the FunC and Tolk sources beside this script with the compilers of
// the reference oracle (@ton-community/func-js, @ton/tolk-js in
// ../shared/oracle/node_modules, seen from the project root) and stores, for
// each contract, the compiler's Fift assembly (out/NAME.fif) and the code BoC
// its own Fift assembler produced (out/NAME.boc), plus out/manifest.json with
// the code hashes. Run from anywhere: node assembler/tests/contracts/compile.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const modules = path.resolve(root, '../shared/oracle/node_modules');
const { compileFunc, compilerVersion } = await import(pathToFileURL(path.join(modules, '@ton-community/func-js/dist/index.js')).href);
const { runTolkCompiler, getTolkCompilerVersion } = await import(pathToFileURL(path.join(modules, '@ton/tolk-js/dist/index.js')).href);
const { Cell } = await import(pathToFileURL(path.join(modules, '@ton/core/dist/index.js')).href);

const out = path.join(here, 'out');
fs.mkdirSync(out, { recursive: true });
const manifest = { func: (await compilerVersion()).funcVersion, tolk: await getTolkCompilerVersion(), contracts: {} };
const failures = [];

function store(name, compiler, fiftCode, bocBase64) {
    const boc = Buffer.from(bocBase64, 'base64');
    const cell = Cell.fromBoc(boc)[0];
    fs.writeFileSync(path.join(out, name + '.fif'), fiftCode);
    fs.writeFileSync(path.join(out, name + '.boc'), boc);
    manifest.contracts[name] = { compiler, hash: cell.hash().toString('hex') };
}

// FunC: each contract is compiled together with stdlib.fc (as `func -SPA stdlib.fc X.fc`).
const funcDir = path.join(here, 'func');
const stdlib = fs.readFileSync(path.join(funcDir, 'stdlib.fc'), 'utf8');
for (const file of fs.readdirSync(funcDir).sort()) {
    if (!file.endsWith('.fc') || file === 'stdlib.fc' || file === 'mathlib.fc') continue;
    const name = 'func-' + file.replace(/\.fc$/, '');
    const sources = { 'stdlib.fc': stdlib, [file]: fs.readFileSync(path.join(funcDir, file), 'utf8') };
    for (const extra of ['mathlib.fc']) sources[extra] = fs.readFileSync(path.join(funcDir, extra), 'utf8');
    const r = await compileFunc({ targets: ['stdlib.fc', file], sources });
    if (r.status !== 'ok') { failures.push(`${name}: ${r.message.split('\n')[0]}`); continue; }
    store(name, 'func', r.fiftCode, r.codeBoc);
}

// Tolk: each file is an entry point; @stdlib imports come with tolk-js.
const tolkDir = path.join(here, 'tolk');
for (const file of fs.readdirSync(tolkDir).sort()) {
    if (!file.endsWith('.tolk')) continue;
    const name = 'tolk-' + file.replace(/\.tolk$/, '');
    const r = await runTolkCompiler({
        entrypointFileName: file,
        fsReadCallback: (p) => fs.readFileSync(path.join(tolkDir, p), 'utf8'),
    });
    if (r.status !== 'ok') { failures.push(`${name}: ${r.message.split('\n')[0]}`); continue; }
    store(name, 'tolk', r.fiftCode, r.codeBoc64);
}

fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`compiled ${Object.keys(manifest.contracts).length} contracts`);
for (const f of failures) console.log('failed: ' + f);
