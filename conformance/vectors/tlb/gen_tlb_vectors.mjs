#!/usr/bin/env node
// Generates tlb_vectors.json: TL-B core objects (addresses and their text
// forms, VarUInteger/VarInteger, currency collections, state inits,
// messages, output action lists) with their parameters, the BoC of the
// serialised object and its cell hash.
//
// Serialisation comes from @ton/core (the library @ton/sandbox uses) where
// it can express the object, and is cross-checked against the reference C++
// TVM (through ../../../../shared/oracle) where @ton/core is not the reference:
//   - every dictionary (extra currencies, StateInit libraries) is rebuilt by
//     the TVM with DICTUSET and must give the same root hash;
//   - VarUInteger / VarInteger encodings come from the TVM's STVARUINT* /
//     STVARINT* (@ton/core's storeVarInt is not minimal for -2^k; the
//     vectors note where it disagrees).
// Objects @ton/core cannot express (anycast, addr_var) are written bit by
// bit following block.tlb; where @ton/core can express an object, the
// bit-by-bit writer must agree with it, and @ton/core must read back every
// message it can parse.
//
//   node gen_tlb_vectors.mjs           rewrites tlb_vectors.json
//   node gen_tlb_vectors.mjs --check   compares with the file, exit 1 on any difference

import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { mulberry32 } from '../lib/random.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const oracleDir = path.resolve(here, '../../../../shared/oracle');
const require = createRequire(path.join(oracleDir, 'package.json'));
const core = require('@ton/core');
const { beginCell, Cell, Address, ExternalAddress, Dictionary } = core;
const { createOracle, packageVersions } = await import(pathToFileURL(path.join(oracleDir, 'runvm.mjs')).href);

const OUT = path.join(here, 'tlb_vectors.json');

// ---------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------
const rnd = mulberry32(0x7e1b0c5);
const rint = (n) => Math.floor(rnd() * n);
const pick = (xs) => xs[rint(xs.length)];
const bool = () => rnd() < 0.5;
function rbytes(n) {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = rint(256);
    return b;
}
function rbig(bits) {
    let v = 0n;
    for (let i = 0; i < bits; i++) v = (v << 1n) | BigInt(rint(2));
    return v;
}
// A value of a random bit length up to `bits` (so small and big values both occur).
const rbigAny = (bits) => rbig(1 + rint(bits));

// ---------------------------------------------------------------------------
// Cells and bit strings
// ---------------------------------------------------------------------------
const boc = (cell) => cell.toBoc({ idx: false, crc32: true }).toString('base64');
const hash = (cell) => cell.hash().toString('hex');

// Bit strings in the JSON: {"data": hex of the bits left-aligned, zero padded, "bit_len": n}.
function bitsParam(buf, bitLen) {
    const bytes = Buffer.from(buf.subarray(0, Math.ceil(bitLen / 8)));
    if (bitLen % 8) bytes[bytes.length - 1] &= (0xff << (8 - (bitLen % 8))) & 0xff;
    return { data: bytes.toString('hex'), bit_len: bitLen };
}
function storeBitsParam(b, p) {
    const buf = Buffer.from(p.data, 'hex');
    for (let i = 0; i < p.bit_len; i++) b.storeBit((buf[i >> 3] >> (7 - (i & 7))) & 1);
}
const bitsToBigInt = (p) =>
    p.bit_len === 0 ? 0n : BigInt('0x' + (p.data || '0')) >> BigInt(p.data.length * 4 - p.bit_len);

// A small random tree of ordinary cells.
function randomCell(maxBits = 200, depth = 2) {
    const b = beginCell();
    const bits = rint(maxBits + 1);
    storeBitsParam(b, bitsParam(rbytes(Math.ceil(bits / 8) + 1), bits));
    if (depth > 0) {
        const refs = rint(3);
        for (let i = 0; i < refs; i++) b.storeRef(randomCell(maxBits, depth - 1));
    }
    return b.endCell();
}

// ---------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------
function anycastParam() {
    const depth = 1 + rint(30);
    return { depth, prefix: Number(rbig(depth)) };
}
function stdAddr(workchain = pick([0, -1]), anycast = null) {
    return { kind: 'std', workchain, address: rbytes(32).toString('hex'), anycast };
}
function varAddr(anycast = null) {
    const bitLen = pick([0, 1, 7, 64, 255, 256, 300, 511, rint(512)]);
    const workchain = pick([0, -1, 1, 0x7fffffff, -0x80000000, rint(2 ** 31) - 2 ** 30]);
    return { kind: 'var', workchain, address: bitsParam(rbytes(64), bitLen), anycast };
}
function extAddr() {
    const bitLen = pick([0, 1, 8, 64, 256, 511, rint(512)]);
    return { kind: 'extern', address: bitsParam(rbytes(64), bitLen) };
}
const noneAddr = () => ({ kind: 'none' });

function storeAnycast(b, a) {
    if (!a) return b.storeBit(0);
    b.storeBit(1).storeUint(a.depth, 5).storeUint(a.prefix, a.depth);
}
// Writes any MsgAddress bit by bit, following block.tlb.
function storeAddr(b, a) {
    switch (a.kind) {
        case 'none':
            b.storeUint(0, 2);
            break;
        case 'extern':
            b.storeUint(1, 2).storeUint(a.address.bit_len, 9);
            storeBitsParam(b, a.address);
            break;
        case 'std':
            b.storeUint(2, 2);
            storeAnycast(b, a.anycast);
            b.storeInt(a.workchain, 8).storeBuffer(Buffer.from(a.address, 'hex'));
            break;
        case 'var':
            b.storeUint(3, 2);
            storeAnycast(b, a.anycast);
            b.storeUint(a.address.bit_len, 9).storeInt(a.workchain, 32);
            storeBitsParam(b, a.address);
            break;
        default:
            throw new Error('bad address kind ' + a.kind);
    }
    return b;
}
// The @ton/core object for an address, or undefined when @ton/core cannot express it.
function coreAddr(a) {
    if (a.kind === 'none') return null;
    if (a.kind === 'extern') return new ExternalAddress(bitsToBigInt(a.address), a.address.bit_len);
    if (a.kind === 'std' && !a.anycast) return new Address(a.workchain, Buffer.from(a.address, 'hex'));
    return undefined;
}
const coreExpressible = (...addrs) => addrs.every((a) => coreAddr(a) !== undefined);

// ---------------------------------------------------------------------------
// Reference checks through the C++ TVM
// ---------------------------------------------------------------------------
const oracle = await createOracle({ config: 'slim', c4c5: false });
let tvmChecks = 0;
function tvm(codeHex, stack) {
    const r = oracle.run({ code_hex: codeHex, stack, c4c5: false });
    if (r.exit_code !== 0) throw new Error(`TVM exit ${r.exit_code} for ${codeHex}`);
    tvmChecks++;
    return r.stack;
}
const sliceValue = (cell) => ({ type: 'slice', boc: boc(cell) });

// Builds a dictionary in the TVM with DICTUSET (x i D n - D') and returns
// the root hash (or null when empty). entries: [[key BigInt, value Cell]].
function tvmDictHash(entries, keyBits) {
    if (entries.length === 0) return null;
    const stack = [];
    for (const [key, value] of [...entries].reverse()) {
        stack.push(sliceValue(value), { type: 'int', value: key.toString() });
    }
    stack.push({ type: 'null' });
    const pushN = keyBits <= 127 ? '80' + keyBits.toString(16).padStart(2, '0') : '81' + keyBits.toString(16).padStart(4, '0');
    const out = tvm((pushN + 'F416').repeat(entries.length), stack);
    if (out.length !== 1 || out[0].type !== 'cell') throw new Error('DICTUSET result is not a cell');
    return out[0].hash.toLowerCase();
}
function checkDict(dict, keyBits, valueCell, what) {
    const entries = [...dict].map(([k, v]) => [BigInt(k), valueCell(v)]);
    const root = dict.size ? beginCell().storeDictDirect(dict).endCell() : null;
    const expected = tvmDictHash(entries, keyBits);
    const got = root ? hash(root) : null;
    if (got !== expected) throw new Error(`${what}: @ton/core dictionary ${got} != TVM ${expected}`);
}

// ---------------------------------------------------------------------------
// Currency collections (extra currencies: HashmapE 32 (VarUInteger 32))
// ---------------------------------------------------------------------------
function currencyParam({ big = false, extra = rint(4) } = {}) {
    const grams = big ? pick([(1n << 120n) - 1n, rbig(120), 1n << 119n]) : rbigAny(64);
    const other = {};
    for (let i = 0; i < extra; i++) {
        const id = pick([0, 1, 2, 100, 0xffffffff, rint(2 ** 32), rint(256)]);
        other[id] = (big ? pick([(1n << 248n) - 1n, rbig(248), 0n]) : pick([0n, 1n, rbigAny(80)])).toString();
    }
    return { grams: grams.toString(), other };
}
function ecDict(other) {
    const d = Dictionary.empty(Dictionary.Keys.Uint(32), Dictionary.Values.BigVarUint(5));
    for (const [k, v] of Object.entries(other)) d.set(Number(k), BigInt(v));
    return d;
}
function storeCurrency(b, p) {
    const d = ecDict(p.other);
    checkDict(d, 32, (v) => beginCell().storeVarUint(v, 5).endCell(), 'extra currencies');
    b.store(core.storeCurrencyCollection({ coins: BigInt(p.grams), other: d.size ? d : undefined }));
    return b;
}

// ---------------------------------------------------------------------------
// StateInit
// ---------------------------------------------------------------------------
function stateInitParam({ libs = rint(3), big = false } = {}) {
    const p = {
        split_depth: bool() ? rint(32) : null,
        special: bool() ? { tick: bool(), tock: bool() } : null,
        code: bool() || big ? boc(randomCell(big ? 900 : 300)) : null,
        data: bool() || big ? boc(randomCell(big ? 900 : 300)) : null,
        libraries: [],
    };
    for (let i = 0; i < libs; i++) {
        const root = randomCell(100, 1);
        // The node keys libraries by the hash of their root; any key is valid TL-B.
        const key = i === 2 ? rbytes(32).toString('hex') : hash(root);
        if (p.libraries.some((l) => l.key === key)) continue;
        p.libraries.push({ key, public: bool(), root: boc(root) });
    }
    p.libraries.sort((a, b) => (a.key < b.key ? -1 : 1));
    return p;
}
// The dictionary value of SimpleLib, from @ton/core's own store/load functions.
const simpleLibraryValue = {
    serialize: (src, b) => core.storeSimpleLibrary(src)(b),
    parse: (s) => core.loadSimpleLibrary(s),
};
function coreStateInit(p) {
    let libraries;
    if (p.libraries.length) {
        libraries = Dictionary.empty(Dictionary.Keys.BigUint(256), simpleLibraryValue);
        for (const l of p.libraries) libraries.set(BigInt('0x' + l.key), { public: l.public, root: Cell.fromBase64(l.root) });
        checkDict(
            libraries,
            256,
            (v) => beginCell().storeBit(v.public).storeRef(v.root).endCell(),
            'StateInit libraries',
        );
    }
    return {
        splitDepth: p.split_depth ?? undefined,
        special: p.special ?? undefined,
        code: p.code ? Cell.fromBase64(p.code) : undefined,
        data: p.data ? Cell.fromBase64(p.data) : undefined,
        libraries,
    };
}
const stateInitCell = (p) => beginCell().store(core.storeStateInit(coreStateInit(p))).endCell();

// ---------------------------------------------------------------------------
// Message headers
// ---------------------------------------------------------------------------
function intInfoParam({ relaxed = false, src, dest, big = false } = {}) {
    return {
        type: 'internal',
        ihr_disabled: bool(),
        bounce: bool(),
        bounced: bool(),
        src: src ?? (relaxed && bool() ? noneAddr() : stdAddr()),
        dest: dest ?? stdAddr(),
        value: currencyParam({ big }),
        extra_flags: (big ? (1n << 120n) - 1n : BigInt(pick([0, 0, 1, 2, 3]))).toString(),
        fwd_fee: (big ? rbig(120) : rbigAny(40)).toString(),
        created_lt: (big ? (1n << 64n) - 1n : rbigAny(64)).toString(),
        created_at: big ? 0xffffffff : rint(2 ** 32),
    };
}
function extInInfoParam({ src, dest } = {}) {
    return {
        type: 'external-in',
        src: src ?? (bool() ? noneAddr() : extAddr()),
        dest: dest ?? stdAddr(),
        import_fee: rbigAny(64).toString(),
    };
}
function extOutInfoParam({ src, dest } = {}) {
    return {
        type: 'external-out',
        src: src ?? stdAddr(),
        dest: dest ?? (bool() ? noneAddr() : extAddr()),
        created_lt: rbigAny(64).toString(),
        created_at: rint(2 ** 32),
    };
}
// Writes a header bit by bit, following block.tlb.
function storeInfo(b, p) {
    if (p.type === 'internal') {
        b.storeBit(0).storeBit(p.ihr_disabled).storeBit(p.bounce).storeBit(p.bounced);
        storeAddr(b, p.src);
        storeAddr(b, p.dest);
        storeCurrency(b, p.value);
        b.storeCoins(BigInt(p.extra_flags)).storeCoins(BigInt(p.fwd_fee));
        b.storeUint(BigInt(p.created_lt), 64).storeUint(p.created_at, 32);
    } else if (p.type === 'external-in') {
        b.storeUint(2, 2);
        storeAddr(b, p.src);
        storeAddr(b, p.dest);
        b.storeCoins(BigInt(p.import_fee));
    } else {
        b.storeUint(3, 2);
        storeAddr(b, p.src);
        storeAddr(b, p.dest);
        b.storeUint(BigInt(p.created_lt), 64).storeUint(p.created_at, 32);
    }
    return b;
}
// The @ton/core header object, or undefined when @ton/core cannot express it.
function coreInfo(p) {
    if (!coreExpressible(p.src, p.dest)) return undefined;
    if (p.type === 'internal') {
        const d = ecDict(p.value.other);
        return {
            type: 'internal',
            ihrDisabled: p.ihr_disabled,
            bounce: p.bounce,
            bounced: p.bounced,
            src: coreAddr(p.src),
            dest: coreAddr(p.dest),
            value: { coins: BigInt(p.value.grams), other: d.size ? d : undefined },
            ihrFee: BigInt(p.extra_flags),
            forwardFee: BigInt(p.fwd_fee),
            createdLt: BigInt(p.created_lt),
            createdAt: p.created_at,
        };
    }
    if (p.type === 'external-in') {
        return { type: 'external-in', src: coreAddr(p.src), dest: coreAddr(p.dest), importFee: BigInt(p.import_fee) };
    }
    return {
        type: 'external-out',
        src: coreAddr(p.src),
        dest: coreAddr(p.dest),
        createdLt: BigInt(p.created_lt),
        createdAt: p.created_at,
    };
}

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------
let coreMessageChecks = 0;
// Writes a message bit by bit; checks it against @ton/core where @ton/core can express it.
function messageCell(p, relaxed) {
    const b = beginCell();
    storeInfo(b, p.info);
    if (p.init) {
        b.storeBit(1).storeBit(p.init.in_ref);
        const si = stateInitCell(p.init.state_init);
        if (p.init.in_ref) b.storeRef(si);
        else b.storeSlice(si.beginParse());
    } else {
        b.storeBit(0);
    }
    const body = Cell.fromBase64(p.body.boc);
    b.storeBit(p.body.in_ref);
    if (p.body.in_ref) b.storeRef(body);
    else b.storeSlice(body.beginParse());
    const cell = b.endCell();

    const info = coreInfo(p.info);
    if (info) {
        // The header must match @ton/core's serialiser.
        const store = relaxed ? core.storeCommonMessageInfoRelaxed : core.storeCommonMessageInfo;
        const mine = storeInfo(beginCell(), p.info).endCell();
        const theirs = beginCell().store(store(info)).endCell();
        if (hash(mine) !== hash(theirs)) throw new Error('header differs from @ton/core');
        // @ton/core must read the message back with the same parts (its
        // relaxed reader takes only addr_none / addr_std as the source).
        if (!relaxed || p.info.src.kind !== 'extern') {
            const load = relaxed ? core.loadMessageRelaxed : core.loadMessage;
            const m = load(cell.beginParse());
            if (hash(m.body) !== hash(body)) throw new Error('@ton/core reads a different body');
            if (!!m.init !== !!p.init) throw new Error('@ton/core reads a different init');
            if (m.init && hash(stateInitCell(p.init.state_init)) !== hash(beginCell().store(core.storeStateInit(m.init)).endCell()))
                throw new Error('@ton/core reads a different state init');
        }
        // Where @ton/core's own layout choice gives these placements, its serialiser must agree.
        const storeMsg = relaxed ? core.storeMessageRelaxed : core.storeMessage;
        const msg = { info, init: p.init ? coreStateInit(p.init.state_init) : null, body };
        const allRef = p.body.in_ref && (!p.init || p.init.in_ref);
        for (const opts of allRef ? [{ forceRef: true }, undefined] : [undefined]) {
            const theirsMsg = beginCell().store(storeMsg(msg, opts)).endCell();
            if (opts || hash(theirsMsg) === hash(cell)) {
                if (hash(theirsMsg) !== hash(cell)) throw new Error('message differs from @ton/core storeMessage');
                coreMessageChecks++;
                break;
            }
        }
    }
    return cell;
}
// Moves the body to a ref when it does not fit inline after the header and init.
function fitBody(p) {
    if (p.body.in_ref) return p;
    const b = beginCell();
    storeInfo(b, p.info);
    if (p.init) {
        const si = stateInitCell(p.init.state_init);
        if (p.init.in_ref) b.storeRef(si);
        else b.storeSlice(si.beginParse());
    }
    const body = Cell.fromBase64(p.body.boc);
    if (b.availableBits < 2 + 1 + body.bits.length || b.refs + body.refs.length > 4) p.body = { ...p.body, in_ref: true };
    return p;
}
function bodyParam({ inRef, big = false } = {}) {
    const cell = big ? randomCell(1000, 1) : randomCell(pick([0, 32, 64, 200, 400]), rint(2));
    return { in_ref: inRef ?? (cell.bits.length > 300 || bool()), boc: boc(cell) };
}

// ---------------------------------------------------------------------------
// Vectors
// ---------------------------------------------------------------------------
const vectors = [];
function add(name, kind, params, cell, extra = {}) {
    if (vectors.some((v) => v.name === name)) throw new Error('duplicate vector name ' + name);
    vectors.push({ name, kind, params, boc: boc(cell), hash: hash(cell), ...extra });
}

// --- addresses (a cell holding one MsgAddress)
const addrCases = [
    ['none', noneAddr()],
    ['std/basechain', stdAddr(0)],
    ['std/masterchain', stdAddr(-1)],
    ['std/workchain_127', stdAddr(127)],
    ['std/workchain_-128', stdAddr(-128)],
    ['std/zero', { kind: 'std', workchain: 0, address: '00'.repeat(32), anycast: null }],
    ['std/ones', { kind: 'std', workchain: -1, address: 'ff'.repeat(32), anycast: null }],
    ['std/anycast_1', stdAddr(0, { depth: 1, prefix: 1 })],
    ['std/anycast_30', stdAddr(-1, { depth: 30, prefix: 0x2aaaaaaa })],
    ['std/anycast_random', stdAddr(0, anycastParam())],
    ['var/empty', { kind: 'var', workchain: 0, address: bitsParam(Buffer.alloc(0), 0), anycast: null }],
    ['var/random_1', varAddr()],
    ['var/random_2', varAddr()],
    ['var/anycast', varAddr(anycastParam())],
    ['var/511_bits', { kind: 'var', workchain: -7, address: bitsParam(rbytes(64), 511), anycast: null }],
    ['extern/empty', { kind: 'extern', address: bitsParam(Buffer.alloc(0), 0) }],
    ['extern/7_bits', { kind: 'extern', address: bitsParam(rbytes(1), 7) }],
    ['extern/256_bits', { kind: 'extern', address: bitsParam(rbytes(32), 256) }],
    ['extern/511_bits', { kind: 'extern', address: bitsParam(rbytes(64), 511) }],
];
for (const [name, a] of addrCases) {
    const cell = storeAddr(beginCell(), a).endCell();
    const c = coreAddr(a);
    const extra = {};
    if (c !== undefined) {
        const theirs = beginCell().storeAddress(c).endCell();
        if (hash(theirs) !== hash(cell)) throw new Error(`address ${name} differs from @ton/core`);
        extra.checked_with = ['@ton/core storeAddress'];
    } else if (a.kind === 'std') {
        // @ton/core reads anycast addresses by rewriting the first `depth` bits of the account id.
        const read = cell.beginParse().loadAddress();
        extra.ton_core_rewritten = read.toRawString();
    }
    add(`address/${name}`, 'address', a, cell, extra);
}

// --- friendly and raw text forms
const textCases = [
    ['basechain', 0],
    ['masterchain', -1],
    ['workchain_1', 1],
    ['workchain_127', 127],
    ['workchain_-128', -128],
    ['workchain_-2', -2],
];
const textVectors = [];
for (const [name, wc] of textCases) {
    const hashHex = rbytes(32).toString('hex');
    const a = new Address(wc, Buffer.from(hashHex, 'hex'));
    const friendly = {};
    for (const bounceable of [true, false]) {
        for (const testOnly of [false, true]) {
            const key = `${bounceable ? 'bounceable' : 'non_bounceable'}${testOnly ? '_testnet' : ''}`;
            friendly[key] = {
                url: a.toString({ bounceable, testOnly, urlSafe: true }),
                std: a.toString({ bounceable, testOnly, urlSafe: false }),
            };
            if (wc === 0 || wc === -1) {
                // @ton/core reads the workchain byte as unsigned except 0xff; only check its parse there.
                const r = Address.parseFriendly(friendly[key].url);
                if (!r.address.equals(a) || r.isBounceable !== bounceable || r.isTestOnly !== testOnly)
                    throw new Error('friendly round trip');
            }
        }
    }
    const cell = storeAddr(beginCell(), { kind: 'std', workchain: wc, address: hashHex, anycast: null }).endCell();
    textVectors.push({
        name: `address_text/${name}`,
        kind: 'address_text',
        params: { workchain: wc, address: hashHex },
        raw: a.toRawString(),
        friendly,
        boc: boc(cell),
        hash: hash(cell),
    });
}
// A friendly form mixing both base64 alphabets: the node (and @ton/core) read it.
{
    const a = new Address(0, Buffer.from(rbytes(32).toString('hex'), 'hex'));
    let url = a.toString({ urlSafe: true });
    let std = a.toString({ urlSafe: false });
    let mixed = '';
    for (let i = 0; i < 48; i++) mixed += i % 2 ? url[i] : std[i];
    for (let tries = 0; mixed === url || mixed === std; tries++) {
        const b = new Address(0, rbytes(32));
        url = b.toString({ urlSafe: true });
        std = b.toString({ urlSafe: false });
        mixed = '';
        for (let i = 0; i < 48; i++) mixed += i % 2 ? url[i] : std[i];
        if (tries > 100) throw new Error('no mixed-alphabet address found');
    }
    const parsed = Address.parseFriendly(mixed);
    const cell = storeAddr(beginCell(), {
        kind: 'std',
        workchain: 0,
        address: parsed.address.hash.toString('hex'),
        anycast: null,
    }).endCell();
    textVectors.push({
        name: 'address_text/mixed_alphabets',
        kind: 'address_text_mixed',
        params: { workchain: 0, address: parsed.address.hash.toString('hex'), bounceable: true, testnet: false },
        text: mixed,
        boc: boc(cell),
        hash: hash(cell),
    });
}
// Texts both @ton/core and the node's StdAddress::parse_addr refuse.
{
    const a = new Address(0, rbytes(32));
    const good = a.toString();
    const bytes = Buffer.from(good.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    const withTag = (tag) => {
        const x = Buffer.from(bytes);
        x[0] = tag;
        core.crc16(x.subarray(0, 34)).copy(x, 34);
        return x.toString('base64url');
    };
    const flipped = good.slice(0, 10) + (good[10] === 'A' ? 'B' : 'A') + good.slice(11);
    const invalid = [
        ['bad_checksum', flipped, 'BadChecksum'],
        ['too_short', good.slice(0, 47), 'UnknownForm'],
        ['too_long', good + 'A', 'UnknownForm'],
        ['padding', good.slice(0, 47) + '=', 'InvalidBase64'],
        ['bad_character', good.slice(0, 20) + '*' + good.slice(21), 'InvalidBase64'],
        ['raw_short_hex', '0:' + 'ab'.repeat(31) + 'a', 'InvalidHex'],
        ['raw_long_hex', '0:' + 'ab'.repeat(33), 'InvalidHex'],
        ['raw_no_workchain', ':' + 'ab'.repeat(32), 'InvalidWorkchain'],
        ['raw_bad_workchain', 'x:' + 'ab'.repeat(32), 'InvalidWorkchain'],
        ['empty', '', 'UnknownForm'],
    ];
    invalid.push(['unknown_tag', withTag(0x12), 'UnknownTag']);
    invalid.push(['unknown_tag_testnet', withTag(0x92), 'UnknownTag']);
    for (const [name, text, error] of invalid) {
        let rejected = false;
        try {
            Address.parse(text);
        } catch {
            rejected = true;
        }
        if (!rejected) throw new Error(`@ton/core accepts invalid address text ${name}`);
        textVectors.push({ name: `address_text_invalid/${name}`, kind: 'address_text_invalid', text, error });
    }
}

// --- VarUInteger / VarInteger, encoded by the TVM (STGRAMS / STVARUINT32 / STVARINT16 / STVARINT32)
const varOps = { u16: 'FA02', i16: 'FA03', u32: 'FA06', i32: 'FA07' };
const varCases = [];
for (const n of [16, 32]) {
    const maxBytes = n - 1;
    const umax = (1n << BigInt(8 * maxBytes)) - 1n;
    const imax = (1n << BigInt(8 * maxBytes - 1)) - 1n;
    for (const v of [0n, 1n, 127n, 128n, 255n, 256n, 65535n, 65536n, rbigAny(8 * maxBytes), rbigAny(8 * maxBytes), umax])
        varCases.push([n, false, v]);
    for (const v of [0n, 1n, -1n, 127n, 128n, -128n, -129n, 255n, -256n, -257n, 32767n, -32768n, -32769n, imax, -imax - 1n])
        varCases.push([n, true, v]);
    for (let i = 0; i < 3; i++) {
        const v = rbigAny(8 * maxBytes - 1);
        varCases.push([n, true, bool() ? v : -v]);
    }
}
for (const [n, signed, value] of varCases) {
    const op = varOps[`${signed ? 'i' : 'u'}${n}`];
    const out = tvm(`C801${op}C9`, [{ type: 'int', value: value.toString() }]);
    const cell = Cell.fromBase64(out[0].boc);
    const lenBits = n === 16 ? 4 : 5;
    // @ton/core's writer, for the record (its signed one over-counts -2^k and refuses the largest values).
    let agrees;
    try {
        const theirs = signed
            ? beginCell().storeVarInt(value, lenBits).endCell()
            : beginCell().storeVarUint(value, lenBits).endCell();
        agrees = hash(theirs) === hash(cell);
    } catch {
        agrees = false;
    }
    const extra = { ton_core_agrees: agrees };
    if (!signed && !extra.ton_core_agrees) throw new Error('unsigned VarUInteger differs between @ton/core and the TVM');
    add(`varint/${signed ? 'int' : 'uint'}${n}/${value}`, 'varint', { n, signed, value: value.toString() }, cell, extra);
}

// --- currency collections
for (let i = 0; i < 8; i++) {
    const p = currencyParam({ big: i % 2 === 1, extra: [0, 1, 2, 3, 5, 8, 1, 0][i] });
    add(`currency/${i}`, 'currency', p, storeCurrency(beginCell(), p).endCell());
}

// --- state inits
for (let i = 0; i < 10; i++) {
    const p = stateInitParam({ libs: [0, 0, 1, 2, 3, 0, 1, 0, 2, 4][i], big: i === 9 });
    if (i === 0) Object.assign(p, { split_depth: null, special: null, code: null, data: null });
    if (i === 1) Object.assign(p, { split_depth: 31, special: { tick: true, tock: true } });
    add(`state_init/${i}`, 'state_init', p, stateInitCell(p));
}

// --- messages
const msgCases = [];
const msg = (name, info, { init = null, body = bodyParam() } = {}) => msgCases.push([name, fitBody({ info, init, body })]);
const init = (inRef, opts) => ({ in_ref: inRef, state_init: stateInitParam(opts) });
msg('int/plain', intInfoParam(), { body: bodyParam({ inRef: false }) });
msg('int/empty_body', intInfoParam(), { body: { in_ref: false, boc: boc(beginCell().endCell()) } });
msg('int/ref_body', intInfoParam(), { body: bodyParam({ inRef: true }) });
msg('int/all_flags', { ...intInfoParam(), ihr_disabled: true, bounce: true, bounced: true });
msg('int/no_flags', { ...intInfoParam(), ihr_disabled: false, bounce: false, bounced: false });
msg('int/bounce_only', { ...intInfoParam(), ihr_disabled: true, bounce: true, bounced: false });
msg('int/bounced_only', { ...intInfoParam(), ihr_disabled: true, bounce: false, bounced: true });
msg('int/big_values', intInfoParam({ big: true }), { body: bodyParam({ inRef: true }) });
msg('int/extra_currencies', { ...intInfoParam(), value: currencyParam({ extra: 3 }) });
msg('int/extra_currencies_big', { ...intInfoParam(), value: currencyParam({ big: true, extra: 2 }) });
msg('int/init_inline', intInfoParam(), { init: init(false, { libs: 0 }), body: bodyParam({ inRef: true }) });
msg('int/init_ref', intInfoParam(), { init: init(true), body: bodyParam({ inRef: false }) });
msg('int/init_ref_body_ref', intInfoParam(), { init: init(true), body: bodyParam({ inRef: true }) });
msg('int/init_inline_body_inline', intInfoParam(), {
    init: init(false, { libs: 0 }),
    body: { in_ref: false, boc: boc(randomCell(32, 0)) },
});
msg('int/init_with_libraries', intInfoParam(), { init: init(true, { libs: 3 }) });
msg('int/masterchain', intInfoParam({ src: stdAddr(-1), dest: stdAddr(-1) }));
msg('int/anycast_dest', intInfoParam({ dest: stdAddr(0, anycastParam()) }));
msg('int/anycast_src', intInfoParam({ src: stdAddr(0, anycastParam()) }));
msg('int/var_dest', intInfoParam({ dest: varAddr() }));
msg('int/var_src_anycast', intInfoParam({ src: varAddr(anycastParam()) }));
msg('ext_in/none_src', extInInfoParam({ src: noneAddr() }), { body: bodyParam({ inRef: false }) });
msg('ext_in/extern_src', extInInfoParam({ src: extAddr() }), { body: bodyParam({ inRef: true }) });
msg('ext_in/with_init', extInInfoParam(), { init: init(bool()) });
msg('ext_in/var_dest', extInInfoParam({ dest: varAddr() }));
msg('ext_in/anycast_dest', extInInfoParam({ dest: stdAddr(-1, anycastParam()) }));
msg('ext_out/none_dest', extOutInfoParam({ dest: noneAddr() }));
msg('ext_out/extern_dest', extOutInfoParam({ dest: extAddr() }), { body: bodyParam({ inRef: true }) });
msg('ext_out/var_src', extOutInfoParam({ src: varAddr() }));
msg('ext_out/with_init', extOutInfoParam(), { init: init(false, { libs: 1 }), body: bodyParam({ inRef: true }) });
for (let i = 0; i < 16; i++) {
    const kind = pick(['int', 'int', 'ext_in', 'ext_out']);
    const info = kind === 'int' ? intInfoParam() : kind === 'ext_in' ? extInInfoParam() : extOutInfoParam();
    msg(`random/${i}_${kind}`, info, { init: bool() ? init(true) : null, body: bodyParam({ inRef: true }) });
}
for (const [name, p] of msgCases) add(`message/${name}`, 'message', p, messageCell(p, false));

// --- relaxed messages (as output actions write them)
const relaxedCases = [
    ['int/none_src', { info: intInfoParam({ relaxed: true, src: noneAddr() }), init: null, body: bodyParam() }],
    ['int/std_src', { info: intInfoParam({ relaxed: true, src: stdAddr() }), init: null, body: bodyParam() }],
    ['int/extern_src', { info: intInfoParam({ relaxed: true, src: extAddr() }), init: null, body: bodyParam() }],
    ['int/var_src', { info: intInfoParam({ relaxed: true, src: varAddr() }), init: null, body: bodyParam() }],
    ['int/with_init', { info: intInfoParam({ relaxed: true }), init: init(false, { libs: 0 }), body: bodyParam({ inRef: true }) }],
    ['int/extra_currencies', { info: { ...intInfoParam({ relaxed: true }), value: currencyParam({ extra: 2 }) }, init: null, body: bodyParam() }],
    ['ext_out/none_src', { info: extOutInfoParam({ src: noneAddr() }), init: null, body: bodyParam() }],
    ['ext_out/extern_src_extern_dest', { info: extOutInfoParam({ src: extAddr(), dest: extAddr() }), init: null, body: bodyParam() }],
    ['ext_out/with_init', { info: extOutInfoParam({ src: noneAddr() }), init: init(true), body: bodyParam({ inRef: true }) }],
];
for (const [name, p] of relaxedCases) fitBody(p);
for (const [name, p] of relaxedCases) add(`message_relaxed/${name}`, 'message_relaxed', p, messageCell(p, true));

// --- output action lists (c5), built with @ton/core's storeOutList
function relaxedMsgParam() {
    const info = bool()
        ? intInfoParam({ relaxed: true, src: bool() ? noneAddr() : stdAddr() })
        : extOutInfoParam({ src: noneAddr() });
    return { info, init: rint(4) === 0 ? init(bool(), { libs: 0 }) : null, body: bodyParam() };
}
// The placements @ton/core's storeMessageRelaxed chooses for a message.
function autoLayout(p, coreMsg) {
    const cell = beginCell().store(core.storeMessageRelaxed(coreMsg)).endCell();
    const s = cell.beginParse();
    core.loadCommonMessageInfoRelaxed(s);
    let initRef = null;
    if (s.loadBit()) {
        initRef = s.loadBit();
        if (initRef) s.loadRef();
        else core.loadStateInit(s);
    }
    const bodyRef = s.loadBit();
    return {
        ...p,
        init: p.init ? { ...p.init, in_ref: initRef } : null,
        body: { ...p.body, in_ref: bodyRef },
    };
}
function actionParam() {
    switch (pick(['send_msg', 'send_msg', 'set_code', 'reserve', 'change_library_hash', 'change_library_cell'])) {
        case 'send_msg': {
            const p = relaxedMsgParam();
            const coreMsg = {
                info: coreInfo(p.info),
                init: p.init ? coreStateInit(p.init.state_init) : null,
                body: Cell.fromBase64(p.body.boc),
            };
            return { type: 'send_msg', mode: pick([0, 1, 2, 3, 64, 128, 130, 255, rint(256)]), message: autoLayout(p, coreMsg) };
        }
        case 'set_code':
            return { type: 'set_code', code: boc(randomCell(300)) };
        case 'reserve':
            return { type: 'reserve', mode: pick([0, 1, 2, 4, 8, 16, rint(256)]), currency: currencyParam({ extra: rint(3) }) };
        case 'change_library_hash':
            return { type: 'change_library', mode: rint(3), libref: { hash: rbytes(32).toString('hex') } };
        default:
            return { type: 'change_library', mode: rint(3), libref: { cell: boc(randomCell(200, 1)) } };
    }
}
function coreAction(a) {
    switch (a.type) {
        case 'send_msg': {
            const p = a.message;
            return {
                type: 'sendMsg',
                mode: a.mode,
                outMsg: {
                    info: coreInfo(p.info),
                    init: p.init ? coreStateInit(p.init.state_init) : null,
                    body: Cell.fromBase64(p.body.boc),
                },
            };
        }
        case 'set_code':
            return { type: 'setCode', newCode: Cell.fromBase64(a.code) };
        case 'reserve': {
            const d = ecDict(a.currency.other);
            return { type: 'reserve', mode: a.mode, currency: { coins: BigInt(a.currency.grams), other: d.size ? d : undefined } };
        }
        default:
            return {
                type: 'changeLibrary',
                mode: a.mode,
                libRef: a.libref.hash
                    ? { type: 'hash', libHash: Buffer.from(a.libref.hash, 'hex') }
                    : { type: 'ref', library: Cell.fromBase64(a.libref.cell) },
            };
    }
}
// Writes a list bit by bit (same walk as block.tlb's out_list) to check @ton/core's storeOutList.
function outListCell(actions) {
    let cell = beginCell().endCell();
    for (const a of actions) {
        const b = beginCell().storeRef(cell);
        if (a.type === 'send_msg') b.storeUint(0x0ec3c86d, 32).storeUint(a.mode, 8).storeRef(messageCell(a.message, true));
        else if (a.type === 'set_code') b.storeUint(0xad4de08e, 32).storeRef(Cell.fromBase64(a.code));
        else if (a.type === 'reserve') storeCurrency(b.storeUint(0x36e6b809, 32).storeUint(a.mode, 8), a.currency);
        else {
            b.storeUint(0x26fa1dd4, 32).storeUint(a.mode, 7);
            if (a.libref.hash) b.storeBit(0).storeBuffer(Buffer.from(a.libref.hash, 'hex'));
            else b.storeBit(1).storeRef(Cell.fromBase64(a.libref.cell));
        }
        cell = b.endCell();
    }
    return cell;
}
const listLengths = [0, 1, 1, 1, 2, 2, 3, 4, 5, 8, 12, 20];
for (let i = 0; i < listLengths.length; i++) {
    const actions = [];
    for (let j = 0; j < listLengths[i]; j++) actions.push(actionParam());
    const cell = beginCell().store(core.storeOutList(actions.map(coreAction))).endCell();
    if (hash(cell) !== hash(outListCell(actions))) throw new Error(`out list ${i} differs from @ton/core storeOutList`);
    const back = core.loadOutList(cell.beginParse());
    if (back.length !== actions.length) throw new Error('@ton/core loadOutList length');
    add(`out_list/${i}_${actions.length}_actions`, 'out_list', { actions }, cell);
}
// Every action kind at least once, in a fixed order.
{
    const fixed = [
        { type: 'send_msg', mode: 3, message: null },
        { type: 'set_code', code: boc(randomCell(100)) },
        { type: 'reserve', mode: 2, currency: currencyParam({ extra: 2 }) },
        { type: 'change_library', mode: 0, libref: { hash: rbytes(32).toString('hex') } },
        { type: 'change_library', mode: 2, libref: { cell: boc(randomCell(100)) } },
    ];
    fixed[0].message = (() => {
        const p = relaxedMsgParam();
        return autoLayout(p, coreAction({ type: 'send_msg', mode: 3, message: p }).outMsg);
    })();
    const cell = beginCell().store(core.storeOutList(fixed.map(coreAction))).endCell();
    if (hash(cell) !== hash(outListCell(fixed))) throw new Error('fixed out list differs from @ton/core');
    add('out_list/every_kind', 'out_list', { actions: fixed }, cell);
}
// A send_msg whose message @ton/core cannot express (addr_var source, anycast destination): written by hand.
{
    const p = {
        info: intInfoParam({ relaxed: true, src: varAddr(), dest: stdAddr(0, anycastParam()) }),
        init: null,
        body: bodyParam({ inRef: true }),
    };
    const actions = [{ type: 'send_msg', mode: 1, message: p }, { type: 'set_code', code: boc(randomCell(50)) }];
    add('out_list/hand_written_var_src', 'out_list', { actions }, outListCell(actions));
}

// ---------------------------------------------------------------------------
// Which c5 lists the node accepts: each list is installed as c5 by a contract
// on @ton/sandbox's emulator, and the action phase's validity pre-pass (the
// reference's t_OutListNode.validate_ref over every node) is recorded.
// ---------------------------------------------------------------------------
const { Blockchain, internal } = require('@ton/sandbox');
const chain = await Blockchain.create();
let deployed = 0;
async function actionPhase(c5) {
    // PUSHREF c5; POPCTR c5 -- then the compute phase ends with exit code 0.
    const code = beginCell().storeUint(0x88, 8).storeRef(c5).storeUint(0xed55, 16).endCell();
    const data = beginCell().storeUint(deployed++, 32).endCell();
    const init = { code, data };
    const r = await chain.sendMessage(
        internal({
            from: new Address(0, Buffer.alloc(32, 1)),
            to: core.contractAddress(0, init),
            value: 10_000_000_000n,
            stateInit: init,
            bounce: false,
        }),
    );
    const d = r.transactions[0].description;
    if (d.type !== 'generic' || d.computePhase.type !== 'vm' || d.computePhase.exitCode !== 0 || !d.actionPhase)
        throw new Error('c5 test contract did not reach the action phase');
    return { valid: d.actionPhase.valid, result_code: d.actionPhase.resultCode };
}
const c5Cases = [];
for (const v of vectors.filter((x) => x.kind === 'out_list')) c5Cases.push([`out_list_vector/${v.name.slice(9)}`, Cell.fromBase64(v.boc)]);
{
    const empty = () => beginCell().endCell();
    const libCell = new Cell({ exotic: true, bits: beginCell().storeUint(2, 8).storeBuffer(rbytes(32)).endCell().bits });
    const garbage = beginCell().storeUint(0xff, 8).endCell();
    const node = (prev, action) => {
        const b = beginCell().storeRef(prev);
        action(b);
        return b.endCell();
    };
    const setCode = (b) => b.storeUint(0xad4de08e, 32).storeRef(empty());
    const send = (m, mode = 1) => (b) => b.storeUint(0x0ec3c86d, 32).storeUint(mode, 8).storeRef(m);
    const stdDest = (b) => b.storeUint(0b100, 3).storeInt(0, 8).storeBuffer(Buffer.alloc(32, 7));
    // A relaxed internal header; `dest` and `value` are replaceable.
    const intHeader = ({ dest = stdDest, value = (b) => b.storeCoins(1000n).storeBit(0), src = (b) => b.storeUint(0, 2) } = {}) => (b) => {
        b.storeUint(0b0110, 4);
        src(b);
        dest(b);
        value(b);
        b.storeCoins(0n).storeCoins(0n).storeUint(0, 64).storeUint(0, 32);
    };
    const msgCell = ({ header = intHeader(), init = (b) => b.storeBit(0), body = (b) => b.storeBit(0) } = {}) => {
        const b = beginCell();
        header(b);
        init(b);
        body(b);
        return b.endCell();
    };
    const one = (action) => node(empty(), action);
    const ecDictCell = (build) => {
        const b = beginCell();
        build(b);
        return b.endCell();
    };
    const withEc = (root) => intHeader({ value: (b) => b.storeCoins(1000n).storeBit(1).storeRef(root) });
    const anycastDest = (depth) => (b) => {
        b.storeUint(0b101, 3).storeUint(depth, 5);
        if (depth) b.storeUint(0, depth);
        b.storeInt(0, 8).storeBuffer(Buffer.alloc(32, 7));
    };
    const stateInitInline = (lib) => (b) => {
        b.storeBit(1).storeBit(0).storeUint(0, 4).storeBit(1).storeRef(lib);
    };
    c5Cases.push(
        ['empty', empty()],
        ['node_bits_without_ref', beginCell().storeUint(5, 32).endCell()],
        ['node_ref_without_action', node(empty(), () => {})],
        ['unknown_tag', one((b) => b.storeUint(0x12345678, 32))],
        ['set_code', one(setCode)],
        ['set_code_trailing_bit', one((b) => setCode(b).storeBit(1))],
        ['set_code_extra_ref', one((b) => setCode(b).storeRef(empty()))],
        ['set_code_exotic_code', one((b) => b.storeUint(0xad4de08e, 32).storeRef(libCell))],
        ['second_node_invalid', node(one((b) => b.storeUint(0x12345678, 32)), setCode)],
        ['second_node_bits_without_ref', node(beginCell().storeBit(1).endCell(), setCode)],
        ['change_library_mode_2', one((b) => b.storeUint(0x26fa1dd4, 32).storeUint(2, 7).storeBit(0).storeBuffer(rbytes(32)))],
        ['change_library_mode_3', one((b) => b.storeUint(0x26fa1dd4, 32).storeUint(3, 7).storeBit(0).storeBuffer(rbytes(32)))],
        ['change_library_mode_127', one((b) => b.storeUint(0x26fa1dd4, 32).storeUint(127, 7).storeBit(1).storeRef(garbage))],
        ['change_library_exotic_cell', one((b) => b.storeUint(0x26fa1dd4, 32).storeUint(1, 7).storeBit(1).storeRef(libCell))],
        ['change_library_short_hash', one((b) => b.storeUint(0x26fa1dd4, 32).storeUint(1, 7).storeBit(0).storeBuffer(rbytes(31)))],
        ['reserve_non_minimal_coins', one((b) => b.storeUint(0x36e6b809, 32).storeUint(0, 8).storeUint(2, 4).storeUint(5, 16).storeBit(0))],
        ['reserve_trailing_bit', one((b) => b.storeUint(0x36e6b809, 32).storeUint(0, 8).storeCoins(5n).storeBit(0).storeBit(1))],
        ['send_msg_plain', one(send(msgCell()))],
        ['send_msg_mode_255', one(send(msgCell(), 255))],
        ['send_msg_exotic_message', one(send(libCell))],
        ['send_msg_trailing_bit_after_ref_body', one(send(msgCell({ body: (b) => b.storeBit(1).storeRef(garbage).storeBit(1) })))],
        ['send_msg_exotic_ref_body', one(send(msgCell({ body: (b) => b.storeBit(1).storeRef(libCell) })))],
        ['send_msg_inline_body_with_exotic_ref', one(send(msgCell({ body: (b) => b.storeBit(0).storeRef(libCell) })))],
        ['send_msg_dest_none', one(send(msgCell({ header: intHeader({ dest: (b) => b.storeUint(0, 2) }) })))],
        ['send_msg_dest_extern', one(send(msgCell({ header: intHeader({ dest: (b) => b.storeUint(1, 2).storeUint(8, 9).storeUint(1, 8) }) })))],
        ['send_msg_dest_var', one(send(msgCell({ header: intHeader({ dest: (b) => b.storeUint(0b110, 3).storeUint(256, 9).storeInt(0, 32).storeBuffer(rbytes(32)) }) })))],
        ['send_msg_dest_anycast_0', one(send(msgCell({ header: intHeader({ dest: anycastDest(0) }) })))],
        ['send_msg_dest_anycast_5', one(send(msgCell({ header: intHeader({ dest: anycastDest(5) }) })))],
        ['send_msg_dest_anycast_30', one(send(msgCell({ header: intHeader({ dest: anycastDest(30) }) })))],
        ['send_msg_dest_anycast_31', one(send(msgCell({ header: intHeader({ dest: anycastDest(31) }) })))],
        ['send_msg_src_extern', one(send(msgCell({ header: intHeader({ src: (b) => b.storeUint(1, 2).storeUint(3, 9).storeUint(5, 3) }) })))],
        ['send_msg_src_var', one(send(msgCell({ header: intHeader({ src: (b) => b.storeUint(0b110, 3).storeUint(7, 9).storeInt(-5, 32).storeUint(9, 7) }) })))],
        ['send_msg_non_minimal_coins', one(send(msgCell({ header: intHeader({ value: (b) => b.storeUint(3, 4).storeUint(1000, 24).storeBit(0) }) })))],
        ['send_msg_ext_in_header', one(send(msgCell({ header: (b) => { b.storeUint(0b10, 2).storeUint(0, 2); stdDest(b); b.storeCoins(0n); } })))],
        ['send_msg_ext_out', one(send(msgCell({ header: (b) => b.storeUint(0b11, 2).storeUint(0, 2).storeUint(1, 2).storeUint(4, 9).storeUint(9, 4).storeUint(1, 64).storeUint(2, 32) })))],
        ['send_msg_ext_out_std_dest', one(send(msgCell({ header: (b) => { b.storeUint(0b11, 2).storeUint(0, 2); stdDest(b); b.storeUint(1, 64).storeUint(2, 32); } })))],
        ['send_msg_ec_garbage_root', one(send(msgCell({ header: withEc(garbage) })))],
        ['send_msg_ec_exotic_root', one(send(msgCell({ header: withEc(libCell) })))],
        // hml_same, v = 0, n = 32 (6 bits), value VarUInteger 32 = 1 byte 0x05
        ['send_msg_ec_one_entry', one(send(msgCell({ header: withEc(ecDictCell((b) => b.storeUint(0b110, 3).storeUint(32, 6).storeUint(1, 5).storeUint(5, 8))) })))],
        ['send_msg_ec_leaf_trailing_bit', one(send(msgCell({ header: withEc(ecDictCell((b) => b.storeUint(0b110, 3).storeUint(32, 6).storeUint(1, 5).storeUint(5, 8).storeBit(1))) })))],
        ['send_msg_ec_label_too_long', one(send(msgCell({ header: withEc(ecDictCell((b) => b.storeUint(0b110, 3).storeUint(33, 6).storeUint(1, 5).storeUint(5, 8))) })))],
        // hml_long with a 32-bit label where hml_same would be shorter: valid, just not canonical.
        ['send_msg_ec_non_canonical_label', one(send(msgCell({ header: withEc(ecDictCell((b) => b.storeUint(0b10, 2).storeUint(32, 6).storeUint(0, 32).storeUint(1, 5).storeUint(5, 8))) })))],
        ['send_msg_ec_fork_with_bits_left', one(send(msgCell({
            header: withEc(ecDictCell((b) => {
                const leaf = beginCell().storeUint(0b110, 3).storeUint(31, 5).storeUint(1, 5).storeUint(5, 8).endCell();
                b.storeUint(0, 2).storeRef(leaf).storeRef(leaf).storeBit(1);
            })),
        })))],
        ['send_msg_ec_fork', one(send(msgCell({
            header: withEc(ecDictCell((b) => {
                const leaf = beginCell().storeUint(0b110, 3).storeUint(31, 5).storeUint(1, 5).storeUint(5, 8).endCell();
                b.storeUint(0, 2).storeRef(leaf).storeRef(leaf);
            })),
        })))],
        ['send_msg_init_garbage_library', one(send(msgCell({ init: stateInitInline(garbage) })))],
        ['send_msg_init_exotic_library', one(send(msgCell({ init: stateInitInline(libCell) })))],
        ['send_msg_init_exotic_code', one(send(msgCell({ init: (b) => b.storeBit(1).storeBit(0).storeUint(0, 2).storeBit(1).storeRef(libCell).storeUint(0, 2) })))],
        ['send_msg_init_ref_trailing_bit', one(send(msgCell({ init: (b) => b.storeBit(1).storeBit(1).storeRef(beginCell().storeUint(0, 5).storeBit(1).endCell()) })))],
        ['send_msg_init_ref_exotic', one(send(msgCell({ init: (b) => b.storeBit(1).storeBit(1).storeRef(libCell) })))],
        ['send_msg_init_split_depth_tick_tock', one(send(msgCell({ init: (b) => b.storeBit(1).storeBit(1).storeRef(beginCell().storeBit(1).storeUint(31, 5).storeBit(1).storeUint(3, 2).storeUint(0, 3).endCell()) })))],
    );
}
for (const [name, c5] of c5Cases) {
    const phase = await actionPhase(c5);
    add(`c5/${name}`, 'c5_validity', phase, c5);
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------
vectors.push(...textVectors);
const counts = {};
for (const v of vectors) counts[v.kind] = (counts[v.kind] ?? 0) + 1;
const file = {
    format: 'tlb-vectors/1 (see README.md)',
    generator: 'gen_tlb_vectors.mjs',
    reference: {
        packages: packageVersions(),
        emulator: oracle.version(),
        checks: {
            tvm_runs: tvmChecks,
            messages_equal_to_ton_core_storeMessage: coreMessageChecks,
        },
    },
    count: vectors.length,
    counts,
    vectors,
};
const text = JSON.stringify(file, null, 1) + '\n';
if (process.argv.includes('--check')) {
    const old = readFileSync(OUT, 'utf8');
    if (old !== text) {
        console.error('tlb_vectors.json differs from a fresh run');
        process.exit(1);
    }
    console.log(`tlb_vectors.json is up to date (${vectors.length} vectors)`);
} else {
    writeFileSync(OUT, text);
    console.log(`wrote ${vectors.length} vectors: ${JSON.stringify(counts)}; ${tvmChecks} TVM runs, ${coreMessageChecks} storeMessage matches`);
}
