// Assembles each block of blocks.txt with the reference Fift assembler and
// stores its cell hash in blocks.json. tolk-js has no Fift entry point, so
// each block rides in an `asm` function of a one-method Tolk contract as
// `<{ ... }>c PUSHREF`; the compiled code is root -> method dictionary leaf
// (the body inline) -> the block cell as the leaf's only ref.
// Run: node assembler/tests/fift_blocks/gen.mjs (from the project root).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const modules = path.resolve(here, '../../..', '../shared/oracle/node_modules');
const { runTolkCompiler } = await import(pathToFileURL(path.join(modules, '@ton/tolk-js/dist/index.js')).href);
const { Cell } = await import(pathToFileURL(path.join(modules, '@ton/core/dist/index.js')).href);

const text = fs.readFileSync(path.join(here, 'blocks.txt'), 'utf8');
const blocks = [];
for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    if (line.startsWith('name: ')) blocks.push({ name: line.slice(6).trim(), src: '' });
    else if (blocks.length) blocks[blocks.length - 1].src += line + '\n';
}

const out = [];
for (const { name, src } of blocks) {
    // Tolk strings take \" for a quote; Fift comments must not swallow the closing `}>c`.
    const body = src.split('\n').map((l) => l.replace(/\/\/.*$/, '')).join(' ').replace(/"/g, '\\"');
    const tolk = `fun probe(): cell asm "<{ ${body} }>c PUSHREF";\n` +
        `fun onInternalMessage(in: InMessage) { contract.setData(probe()); }\n`;
    const r = await runTolkCompiler({ entrypointFileName: 'probe.tolk', fsReadCallback: () => tolk });
    if (r.status !== 'ok') throw new Error(`${name}: ${r.message}`);
    const root = Cell.fromBase64(r.codeBoc64);
    const leaf = root.refs[0];
    if (root.refs.length !== 1 || leaf.refs.length !== 1) throw new Error(`${name}: unexpected code shape`);
    out.push({ name, src, hash: leaf.refs[0].hash().toString('hex') });
}
fs.writeFileSync(path.join(here, 'blocks.json'), JSON.stringify(out, null, 2) + '\n');
console.log(`${out.length} blocks`);
