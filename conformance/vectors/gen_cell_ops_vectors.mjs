#!/usr/bin/env node
// Generates cell_ops_vectors.json: programs exercising every instruction of
// the cp0 categories cell_build, cell_parse and compare_other, with the exit
// code, gas, stack and c4/c5 that the reference TVM (../oracle, the C++ TVM
// inside @ton/sandbox) produces for them.
//
//   bash ../shared/oracle/setup.sh                        (from the project root)
//   node conformance/vectors/gen_cell_ops_vectors.mjs [--check]
//
// Entry is always exact: every program starts with DROP, and its stack_in
// ends with the int32 sentinel that DROP removes (the oracle's "raw" mode,
// see ../oracle/README.md), so slices pointing into the code cell and
// stack-depth effects are those of a plain run of the code.
//
// Each program carries a hand-written expectation (exit code, and for most
// the stack); the generator refuses to write the file if the oracle
// disagrees. Gas, exact stack values, c4/c5 and the trace come only from the
// oracle. With --check nothing is written: the file is compared with a fresh
// run (exit 1 on any difference).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hexBits, fiftBits, uBits, bitsToHex, cellBits } from './lib/bits.mjs';
import { ins, opTable, PUSHINT, PUSH, PUSHSLICE, MAXINT, MININT } from './lib/asm.mjs';
import { cellToBoc, oracleRequire, cellOf, fiftCell as cell, exotic, hashBits, libraryCell as library } from './lib/oracle.mjs';
import { cellProg as prog, NULL, C, S, B, matchStack } from './lib/oracle.mjs';
import { generateSentinelFile } from './lib/output.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, 'cell_ops_vectors.json');
const { Cell, beginCell, Dictionary } = oracleRequire('@ton/core');

// ---------------------------------------------------------------------------
// Exotic cells
// ---------------------------------------------------------------------------
const pruned = (of) => exotic(uBits(1, 8) + uBits(1, 8) + hashBits(of) + uBits(of.depth(), 16));
const merkleProof = (of) => exotic(uBits(3, 8) + hashBits(of, 0) + uBits(of.depth(0), 16), [of]);

// ---------------------------------------------------------------------------
// A tiny assembler: each instruction is {bits, refs, asm}
// ---------------------------------------------------------------------------
/** A byte string with no instruction meaning (truncated encodings). */
const raw = (bits, asm) => ins(bits, asm);

const OPS = {
    NOP: '00', SWAP: '01', DUP: '20', OVER: '21', DROP: '30', NIP: '31', ROT: '58', PUSHNAN: '83FF',
    // cell_build
    NEWC: 'C8', ENDC: 'C9', STREF: 'CC', STBREFR: 'CD', STSLICE: 'CE',
    STIX: 'CF00', STUX: 'CF01', STIXR: 'CF02', STUXR: 'CF03', STIXQ: 'CF04', STUXQ: 'CF05', STIXRQ: 'CF06', STUXRQ: 'CF07',
    STREF_ALT: 'CF10', STBREF: 'CF11', STSLICE_ALT: 'CF12', STB: 'CF13', STREFR: 'CF14', STBREFR_ALT: 'CF15',
    STSLICER: 'CF16', STBR: 'CF17', STREFQ: 'CF18', STBREFQ: 'CF19', STSLICEQ: 'CF1A', STBQ: 'CF1B',
    STREFRQ: 'CF1C', STBREFRQ: 'CF1D', STSLICERQ: 'CF1E', STBRQ: 'CF1F',
    ENDXC: 'CF23', STILE4: 'CF28', STULE4: 'CF29', STILE8: 'CF2A', STULE8: 'CF2B',
    BDEPTH: 'CF30', BBITS: 'CF31', BREFS: 'CF32', BBITREFS: 'CF33', BREMBITS: 'CF35', BREMREFS: 'CF36', BREMBITREFS: 'CF37',
    BCHKBITS_VAR: 'CF39', BCHKREFS: 'CF3A', BCHKBITREFS: 'CF3B', BCHKBITSQ_VAR: 'CF3D', BCHKREFSQ: 'CF3E', BCHKBITREFSQ: 'CF3F',
    STZEROES: 'CF40', STONES: 'CF41', STSAME: 'CF42', BTOS: 'CF50',
    // cell_parse
    CTOS: 'D0', ENDS: 'D1', LDREF: 'D4', LDREFRTOS: 'D5',
    LDIX: 'D700', LDUX: 'D701', PLDIX: 'D702', PLDUX: 'D703', LDIXQ: 'D704', LDUXQ: 'D705', PLDIXQ: 'D706', PLDUXQ: 'D707',
    LDSLICEX: 'D718', PLDSLICEX: 'D719', LDSLICEXQ: 'D71A', PLDSLICEXQ: 'D71B',
    SDCUTFIRST: 'D720', SDSKIPFIRST: 'D721', SDCUTLAST: 'D722', SDSKIPLAST: 'D723', SDSUBSTR: 'D724',
    SDBEGINSX: 'D726', SDBEGINSXQ: 'D727',
    SCUTFIRST: 'D730', SSKIPFIRST: 'D731', SCUTLAST: 'D732', SSKIPLAST: 'D733', SUBSLICE: 'D734', SPLIT: 'D736', SPLITQ: 'D737',
    XCTOS: 'D739', XLOAD: 'D73A', XLOADQ: 'D73B',
    SCHKBITS: 'D741', SCHKREFS: 'D742', SCHKBITREFS: 'D743', SCHKBITSQ: 'D745', SCHKREFSQ: 'D746', SCHKBITREFSQ: 'D747',
    PLDREFVAR: 'D748', SBITS: 'D749', SREFS: 'D74A', SBITREFS: 'D74B',
    LDILE4: 'D750', LDULE4: 'D751', LDILE8: 'D752', LDULE8: 'D753', PLDILE4: 'D754', PLDULE4: 'D755', PLDILE8: 'D756', PLDULE8: 'D757',
    LDILE4Q: 'D758', LDULE4Q: 'D759', LDILE8Q: 'D75A', LDULE8Q: 'D75B', PLDILE4Q: 'D75C', PLDULE4Q: 'D75D', PLDILE8Q: 'D75E', PLDULE8Q: 'D75F',
    LDZEROES: 'D760', LDONES: 'D761', LDSAME: 'D762', SDEPTH: 'D764', CDEPTH: 'D765', CLEVEL: 'D766', CLEVELMASK: 'D767',
    CHASHIX: 'D770', CDEPTHIX: 'D771',
    // compare_other
    SEMPTY: 'C700', SDEMPTY: 'C701', SREMPTY: 'C702', SDFIRST: 'C703', SDLEXCMP: 'C704', SDEQ: 'C705',
    SDPFX: 'C708', SDPFXREV: 'C709', SDPPFX: 'C70A', SDPPFXREV: 'C70B', SDSFX: 'C70C', SDSFXREV: 'C70D', SDPSFX: 'C70E', SDPSFXREV: 'C70F',
    SDCNTLEAD0: 'C710', SDCNTLEAD1: 'C711', SDCNTTRAIL0: 'C712', SDCNTTRAIL1: 'C713',
};
const op = opTable(OPS);

const PUSHREF = (c) => ins(hexBits('88'), `PUSHREF`, [c]);
const imm8 = (hex, name) => (c) => ins(hexBits(hex) + uBits(c - 1, 8), `${name} ${c}`);
const STI = imm8('CA', 'STI');
const STU = imm8('CB', 'STU');
const LDI = imm8('D2', 'LDI');
const LDU = imm8('D3', 'LDU');
const LDSLICE = imm8('D6', 'LDSLICE');
const ST_LONG = ['STI_ALT', 'STU_ALT', 'STIR', 'STUR', 'STIQ', 'STUQ', 'STIRQ', 'STURQ'];
const stLong = Object.fromEntries(ST_LONG.map((n, i) => [n, imm8('CF0' + (8 + i).toString(16).toUpperCase(), n)]));
const LD_LONG = ['LDI_ALT', 'LDU_ALT', 'PLDI', 'PLDU', 'LDIQ', 'LDUQ', 'PLDIQ', 'PLDUQ'];
const ldLong = Object.fromEntries(LD_LONG.map((n, i) => [n, imm8('D70' + (8 + i).toString(16).toUpperCase(), n)]));
const LDSLICE_LONG = ['LDSLICE_ALT', 'PLDSLICE', 'LDSLICEQ', 'PLDSLICEQ'];
const ldsLong = Object.fromEntries(LDSLICE_LONG.map((n, i) => [n, imm8('D71' + (12 + i).toString(16).toUpperCase(), n)]));
const BCHKBITS = imm8('CF38', 'BCHKBITS');
const BCHKBITSQ = imm8('CF3C', 'BCHKBITSQ');
const PLDUZ = (bits) => ins('1101011100010' + uBits(bits / 32 - 1, 3), `PLDUZ ${bits}`);
const PLDREFIDX = (n) => ins(hexBits('D74') + '11' + uBits(n, 2), `PLDREFIDX ${n}`);
const CHASHI = (i) => ins(hexBits('D76') + '10' + uBits(i, 2), `CHASHI ${i}`);
const CDEPTHI = (i) => ins(hexBits('D76') + '11' + uBits(i, 2), `CDEPTHI ${i}`);
const STREFCONST = (c) => ins(hexBits('CF20'), 'STREFCONST', [c]);
const STREF2CONST = (c1, c2) => ins(hexBits('CF21'), 'STREF2CONST', [c1, c2]);
/** STSLICECONST of Fift-style hex data plus refs. */
function STSLICECONST(fhex, refs = []) {
    const bits = fiftBits(fhex);
    const y = Math.max(0, Math.ceil((bits.length + 1 - 2) / 8));
    if (y > 7) throw new Error('STSLICECONST: data too long');
    let data = bits + '1';
    while (data.length < 8 * y + 2) data += '0';
    return ins('110011111' + uBits(refs.length, 2) + uBits(y, 3) + data, `STSLICECONST x{${fhex}}${refs.length ? ` +${refs.length} refs` : ''}`, refs);
}
/** SDBEGINS / SDBEGINSQ of Fift-style hex. */
function SDBEGINS(fhex, quiet = false) {
    const bits = fiftBits(fhex);
    const x = Math.max(0, Math.ceil((bits.length + 1 - 3) / 8));
    let data = bits + '1';
    while (data.length < 8 * x + 3) data += '0';
    return ins('1101011100101' + (quiet ? '1' : '0') + uBits(x, 7) + data, `SDBEGINS${quiet ? 'Q' : ''} x{${fhex}}`);
}

// ---------------------------------------------------------------------------
// Expectations: number/bigint = int, a type name = any value of that type,
// function = predicate (see matchValue in lib/oracle.mjs)
// ---------------------------------------------------------------------------
/** A slice seeing exactly these bits (Fift hex) and this many refs. */
const sl = (fhex, refs = 0) => (v) => v.type === 'slice' && v.content_hex === bitsToHex(fiftBits(fhex)) && v.refs_end - v.refs_start === refs;
/** A builder holding exactly these bits (Fift hex) and this many refs. */
const bl = (fhex, refs = 0) => (v) => {
    if (v.type !== 'builder') return false;
    const c = Cell.fromBoc(Buffer.from(v.boc, 'base64'))[0];
    return cellBits(c) === fiftBits(fhex) && c.refs.length === refs;
};
/** A cell with this representation hash. */
const hashIs = (c) => (v) => v.type === 'cell' && v.hash === cellHash(c);
const cellHash = (c) => c.hash().toString('hex').toUpperCase();

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------
const EMPTY = cell('');
const AB = cell('AB');
const X1234 = cell('1234');
const LEAF = cell('05');
const DEEP = cell('', [cell('', [LEAF])]); // depth 2
const WITH_REFS = cell('ABCD', [LEAF, DEEP]);
const FOUR_REFS = cell('', [LEAF, LEAF, LEAF, LEAF]);
const THREE_REFS = cell('', [LEAF, LEAF, LEAF]);
const ones = (n) => '1'.repeat(n);
const zeros = (n) => '0'.repeat(n);
const BITS1020 = cellOf(ones(1020));
const BITS1000 = cellOf(zeros(1000));
const BITS1023 = cellOf(ones(1023));
const PRUNED = pruned(X1234);
const LIB_TARGET = cell('C0FFEE', [LEAF]);
const LIB = library(LIB_TARGET);
const LIB_MISSING = library(AB);
const MPROOF = merkleProof(WITH_REFS);
const PRUNED2 = exotic(uBits(1, 8) + uBits(3, 8) + hashBits(AB) + hashBits(X1234) + uBits(7, 16) + uBits(9, 16));
const LE_DATA = cell('0102030405060708F0F1F2F3F4F5F6F7');
// A library whose root is itself a library cell (refused when loaded).
const LIB_OF_LIB = library(LIB);
const LIBS = (() => {
    const d = Dictionary.empty(Dictionary.Keys.BigUint(256), Dictionary.Values.Cell());
    for (const lib of [LIB_TARGET, LIB]) d.set(BigInt('0x' + lib.hash().toString('hex')), lib);
    return beginCell().storeDictDirect(d).endCell();
})();

// ---------------------------------------------------------------------------
// The vectors
// ---------------------------------------------------------------------------
const V = [];
/**
 * @param name   unique id "family.name"
 * @param desc   what it exercises
 * @param body   instructions (a DROP of the sentinel is prepended)
 * @param want   {exit, stack?} hand-written expectation
 * @param opts   {stack_in, gas_limit, global_version, libs}
 */
function vec(name, desc, body, want, opts = {}) {
    V.push({ name, desc, code: prog(op.DROP, ...body), want, opts });
}
const ok = (...stack) => ({ exit: 0, stack });
// Cells of level > 0 cannot enter through the stack (the emulator refuses
// such BoC roots): a pruned branch is made in the program from its data.
const PRUNED_DATA = { type: 'builder', boc: cellToBoc(cellOf(cellBits(PRUNED))) };
const MK_PRUNED = [PUSHINT(-1), op.ENDXC];
const PB = () => ({ stack_in: [PRUNED_DATA] });
const err = (exit) => ({ exit, stack: [0] });

// ===== cell_build =====
vec('build.newc_endc', 'NEWC; ENDC: the empty cell (+500)', [op.NEWC, op.ENDC], ok(hashIs(EMPTY)));
vec('build.endc_input_builder', 'ENDC of an input builder with bits and refs', [op.ENDC], ok(hashIs(WITH_REFS)), { stack_in: [B(WITH_REFS)] });
vec('build.endc_underflow', 'ENDC on an empty stack: exit 2', [op.ENDC], err(2));
vec('build.endc_type', 'ENDC of an integer: exit 7', [PUSHINT(1), op.ENDC], err(7));
vec('build.endc_out_of_gas', 'out of gas in ENDC: charged in full first', [op.NEWC, op.ENDC], { exit: -14, stack: [18 + 18 + 518] }, { gas_limit: 100 });
vec('build.endc_gas_exact', 'ENDC with exactly enough gas', [op.NEWC, op.ENDC], ok(hashIs(EMPTY)), { gas_limit: 18 + 18 + 518 + 5 });
vec('build.endc_depth_1024', 'ENDC over a ref of depth 1023 gives depth 1024', [op.NEWC, op.STREF, op.ENDC, op.CDEPTH], ok(1024), { stack_in: [C(chain(1023))] });
vec('build.endc_depth_1025', 'ENDC over a ref of depth 1024: cell overflow', [op.NEWC, op.STREF, op.ENDC, op.NEWC, op.STREF, op.ENDC], err(8), { stack_in: [C(chain(1023))] });

function chain(depth) {
    let c = cell('');
    for (let i = 0; i < depth; i++) c = cell('', [c]);
    return c;
}

// STI / STU with an immediate width
vec('build.sti_8_min', 'STI 8 of -128', [PUSHINT(-128), op.NEWC, STI(8)], ok(bl('80')));
vec('build.sti_8_max', 'STI 8 of 127', [PUSHINT(127), op.NEWC, STI(8)], ok(bl('7F')));
vec('build.sti_8_over', 'STI 8 of 128: range check', [PUSHINT(128), op.NEWC, STI(8)], err(5));
vec('build.sti_8_under', 'STI 8 of -129: range check', [PUSHINT(-129), op.NEWC, STI(8)], err(5));
vec('build.sti_1', 'STI 1 of -1 and 0', [PUSHINT(-1), op.NEWC, STI(1), PUSHINT(0), op.SWAP, STI(1)], ok(bl('A_')));
vec('build.sti_256_min', 'STI 256 of -2^255', [PUSHINT(-(1n << 255n)), op.NEWC, STI(256)], ok('builder'));
vec('build.sti_256_over', 'STI 256 of 2^255: range check', [PUSHINT(1n << 255n), op.NEWC, STI(256)], err(5));
vec('build.stu_256_max', 'STU 256 of 2^256-1', [PUSHINT(MAXINT), op.NEWC, STU(256)], ok('builder'));
vec('build.stu_1', 'STU 1 of 1', [PUSHINT(1), op.NEWC, STU(1)], ok(bl('C_')));
vec('build.stu_negative', 'STU 8 of -1: range check', [PUSHINT(-1), op.NEWC, STU(8)], err(5));
vec('build.stu_nan', 'STU 8 of NaN: range check (not integer overflow)', [op.PUSHNAN, op.NEWC, STU(8)], err(5));
vec('build.stu_not_builder', 'STU 8 onto a cell: type check', [PUSHINT(1), op.NEWC, op.ENDC, STU(8)], err(7));
vec('build.stu_not_int', 'STU 8 of a cell: type check', [op.NEWC, op.ENDC, op.NEWC, STU(8)], err(7));
vec('build.stu_underflow', 'STU 8 with only a builder: stack underflow', [op.NEWC, STU(8)], err(2));
vec('build.stu_overflow_before_range', 'STU 8 of 256 into a 1020-bit builder: cell overflow wins', [PUSHINT(256), op.SWAP, STU(8)], err(8), { stack_in: [B(BITS1020)] });
vec('build.stu_fills_1023', 'STU 3 into a 1020-bit builder fills it', [PUSHINT(5), op.SWAP, STU(3), op.BREMBITS], ok(0), { stack_in: [B(BITS1020)] });
vec('build.stu_chain', 'several STU then ENDC; CTOS; LDU', [PUSHINT(1), op.NEWC, STU(4), PUSHINT(0x2345), op.SWAP, STU(16), op.ENDC, op.CTOS, LDU(20), op.ENDS], ok(0x12345));

// STIX / STUX family (width from the stack)
vec('build.stix_257_min', 'STIX 257 of -2^256', [PUSHINT(MININT), op.NEWC, PUSHINT(257), op.STIX], ok('builder'));
vec('build.stix_257_max', 'STIX 257 of 2^256-1', [PUSHINT(MAXINT), op.NEWC, PUSHINT(257), op.STIX, op.BBITS], ok(257));
vec('build.stix_258', 'STIX with width 258: range check', [PUSHINT(0), op.NEWC, PUSHINT(258), op.STIX], err(5));
vec('build.stux_256_max', 'STUX 256 of 2^256-1', [PUSHINT(MAXINT), op.NEWC, PUSHINT(256), op.STUX], ok('builder'));
vec('build.stux_257', 'STUX with width 257: range check', [PUSHINT(0), op.NEWC, PUSHINT(257), op.STUX], err(5));
vec('build.stix_0_zero', 'STIX 0 of 0 stores nothing', [PUSHINT(0), op.NEWC, PUSHINT(0), op.STIX, op.BBITS], ok(0));
vec('build.stix_0_nonzero', 'STIX 0 of -1: range check', [PUSHINT(-1), op.NEWC, PUSHINT(0), op.STIX], err(5));
vec('build.stux_0_zero', 'STUX 0 of 0 stores nothing', [PUSHINT(0), op.NEWC, PUSHINT(0), op.STUX, op.BBITS], ok(0));
vec('build.stux_0_nonzero', 'STUX 0 of 1: range check', [PUSHINT(1), op.NEWC, PUSHINT(0), op.STUX], err(5));
vec('build.stix_negative_width', 'STIX with width -1: range check', [PUSHINT(0), op.NEWC, PUSHINT(-1), op.STIX], err(5));
vec('build.stix_nan_width', 'STIX with width NaN: range check', [PUSHINT(0), op.NEWC, op.PUSHNAN, op.STIX], err(5));
vec('build.stix_width_type', 'STIX with a builder as width: type check', [PUSHINT(0), op.NEWC, op.NEWC, op.STIX], err(7));
vec('build.stix_underflow', 'STIX with two entries: stack underflow', [op.NEWC, PUSHINT(8), op.STIX], err(2));
vec('build.stix_value', 'STIX 12 of -2', [PUSHINT(-2), op.NEWC, PUSHINT(12), op.STIX], ok(bl('FFE')));
vec('build.stux_value', 'STUX 12 of 0xABC', [PUSHINT(0xabc), op.NEWC, PUSHINT(12), op.STUX], ok(bl('ABC')));
vec('build.stixr', 'STIXR: builder below the integer', [op.NEWC, PUSHINT(-1), PUSHINT(4), op.STIXR], ok(bl('F')));
vec('build.stuxr', 'STUXR: builder below the integer', [op.NEWC, PUSHINT(10), PUSHINT(4), op.STUXR], ok(bl('A')));
vec('build.stuxr_order_type', 'STUXR with the builder on top: type check', [PUSHINT(10), op.NEWC, PUSHINT(4), op.STUXR], err(7));
vec('build.stixq_ok', 'STIXQ success pushes 0', [PUSHINT(3), op.NEWC, PUSHINT(4), op.STIXQ], ok(bl('3'), 0));
vec('build.stixq_range', 'STIXQ out of range: x b 1', [PUSHINT(8), op.NEWC, PUSHINT(4), op.STIXQ], ok(8, bl(''), 1));
vec('build.stuxq_overflow', 'STUXQ without space: x b -1', [PUSHINT(1), op.SWAP, PUSHINT(8), op.STUXQ], ok(1, 'builder', -1), { stack_in: [B(BITS1020)] });
vec('build.stuxq_overflow_and_range', 'STUXQ without space and out of range: -1 (space first)', [PUSHINT(-1), op.SWAP, PUSHINT(8), op.STUXQ], ok(-1, 'builder', -1), { stack_in: [B(BITS1020)] });
vec('build.stuxq_nan', 'STUXQ of NaN: NaN b 1', [op.PUSHNAN, op.NEWC, PUSHINT(8), op.STUXQ], ok('nan', bl(''), 1));
vec('build.stixrq_ok', 'STIXRQ success', [op.NEWC, PUSHINT(-8), PUSHINT(4), op.STIXRQ], ok(bl('8'), 0));
vec('build.stixrq_range', 'STIXRQ out of range: b x 1', [op.NEWC, PUSHINT(8), PUSHINT(4), op.STIXRQ], ok(bl(''), 8, 1));
vec('build.stuxrq_range', 'STUXRQ of a negative: b x 1', [op.NEWC, PUSHINT(-1), PUSHINT(4), op.STUXRQ], ok(bl(''), -1, 1));
vec('build.stuxrq_overflow', 'STUXRQ without space: b x -1', [PUSHINT(1), PUSHINT(8), op.STUXRQ], ok('builder', 1, -1), { stack_in: [B(BITS1020)] });
vec('build.stixq_width_range', 'STIXQ with width 300: range check even when quiet', [PUSHINT(0), op.NEWC, PUSHINT(300), op.STIXQ], err(5));

// STI_ALT ... STURQ (CF08-CF0F with an immediate)
vec('build.sti_alt', 'STI_ALT 16 of -300', [PUSHINT(-300), op.NEWC, stLong.STI_ALT(16)], ok(bl('FED4')));
vec('build.stu_alt', 'STU_ALT 16 of 300', [PUSHINT(300), op.NEWC, stLong.STU_ALT(16)], ok(bl('012C')));
vec('build.stir', 'STIR 8: builder below', [op.NEWC, PUSHINT(-1), stLong.STIR(8)], ok(bl('FF')));
vec('build.stur', 'STUR 8: builder below', [op.NEWC, PUSHINT(171), stLong.STUR(8)], ok(bl('AB')));
vec('build.stiq_ok', 'STIQ 8 success', [PUSHINT(-1), op.NEWC, stLong.STIQ(8)], ok(bl('FF'), 0));
vec('build.stiq_range', 'STIQ 8 of 200: x b 1', [PUSHINT(200), op.NEWC, stLong.STIQ(8)], ok(200, bl(''), 1));
vec('build.stuq_overflow', 'STUQ 8 without space: x b -1', [PUSHINT(1), op.SWAP, stLong.STUQ(8)], ok(1, 'builder', -1), { stack_in: [B(BITS1020)] });
vec('build.stuq_256', 'STUQ 256 of 2^256-1', [PUSHINT(MAXINT), op.NEWC, stLong.STUQ(256)], ok('builder', 0));
vec('build.stirq_range', 'STIRQ 4 of 8: b x 1', [op.NEWC, PUSHINT(8), stLong.STIRQ(4)], ok(bl(''), 8, 1));
vec('build.sturq_ok', 'STURQ 4 success', [op.NEWC, PUSHINT(9), stLong.STURQ(4)], ok(bl('9'), 0));
vec('build.sturq_overflow', 'STURQ 8 without space: b x -1', [PUSHINT(3), stLong.STURQ(8)], ok('builder', 3, -1), { stack_in: [B(BITS1020)] });
vec('build.stiq_underflow', 'STIQ with one entry: stack underflow', [op.NEWC, stLong.STIQ(8)], err(2));

// Refs, builders, slices
vec('build.stref', 'STREF (CC)', [op.NEWC, op.STREF, op.ENDC], ok(hashIs(cell('', [AB]))), { stack_in: [C(AB)] });
vec('build.stref_alt', 'STREF_ALT (CF10)', [op.NEWC, op.STREF_ALT, op.BREFS], ok(1), { stack_in: [C(AB)] });
vec('build.stref_overflow', 'STREF into a builder with 4 refs: cell overflow', [op.SWAP, op.STREF], err(8), { stack_in: [B(FOUR_REFS), C(AB)] });
vec('build.stref_type', 'STREF of a slice: type check', [op.NEWC, op.STREF], err(7), { stack_in: [S(AB)] });
vec('build.stref_underflow', 'STREF with one entry: stack underflow', [op.NEWC, op.STREF], err(2));
vec('build.strefr', 'STREFR: builder below the cell', [op.NEWC, op.SWAP, op.STREFR, op.BREFS], ok(1), { stack_in: [C(AB)] });
vec('build.strefq_ok', 'STREFQ success', [op.NEWC, op.STREFQ], ok(bl('', 1), 0), { stack_in: [C(EMPTY)] });
vec('build.strefq_overflow', 'STREFQ with 4 refs: c b -1', [op.SWAP, op.STREFQ], ok('cell', 'builder', -1), { stack_in: [B(FOUR_REFS), C(AB)] });
vec('build.strefrq_overflow', 'STREFRQ with 4 refs: b c -1', [op.STREFRQ], ok('builder', 'cell', -1), { stack_in: [B(FOUR_REFS), C(AB)] });
vec('build.strefrq_ok', 'STREFRQ success', [op.STREFRQ], ok('builder', 0), { stack_in: [B(THREE_REFS), C(AB)] });
vec('build.stbref', 'STBREF: the inner builder becomes a ref (+500)', [op.NEWC, op.STBREF, op.ENDC], ok(hashIs(cell('', [AB]))), { stack_in: [B(AB)] });
vec('build.stbrefr', 'STBREFR (CD): target builder below', [op.NEWC, op.SWAP, op.STBREFR, op.ENDC], ok(hashIs(cell('', [AB]))), { stack_in: [B(AB)] });
vec('build.stbrefr_alt', 'STBREFR_ALT (CF15)', [op.NEWC, op.SWAP, op.STBREFR_ALT, op.ENDC], ok(hashIs(cell('', [AB]))), { stack_in: [B(AB)] });
vec('build.stbref_overflow', 'STBREF into 4 refs: cell overflow, no cell created', [op.SWAP, op.STBREF], err(8), { stack_in: [B(FOUR_REFS), B(AB)] });
vec('build.stbrefq_overflow', 'STBREFQ into 4 refs: b\' b -1, no 500 charged', [op.SWAP, op.STBREFQ], ok('builder', 'builder', -1), { stack_in: [B(FOUR_REFS), B(AB)] });
vec('build.stbrefq_ok', 'STBREFQ success', [op.NEWC, op.STBREFQ], ok(bl('', 1), 0), { stack_in: [B(AB)] });
vec('build.stbrefrq_overflow', 'STBREFRQ into 4 refs: b b\' -1', [op.STBREFRQ], ok(bl('', 4), bl('AB'), -1), { stack_in: [B(FOUR_REFS), B(AB)] });
vec('build.stbrefrq_ok', 'STBREFRQ success', [op.STBREFRQ], ok('builder', 0), { stack_in: [B(THREE_REFS), B(AB)] });
vec('build.stbref_type', 'STBREF of a cell: type check', [op.NEWC, op.STBREF], err(7), { stack_in: [C(AB)] });
vec('build.stbref_out_of_gas', 'STBREF out of gas in the cell creation', [op.NEWC, op.STBREF], { exit: -14, stack: [18 + 18 + 526] }, { stack_in: [B(AB)], gas_limit: 200 });
vec('build.stslice', 'STSLICE (CE) with refs', [op.NEWC, op.STSLICE, op.ENDC], ok(hashIs(WITH_REFS)), { stack_in: [S(WITH_REFS)] });
vec('build.stslice_window', 'STSLICE of a slice window', [op.NEWC, op.STSLICE], ok(bl('BC', 1)), { stack_in: [S(WITH_REFS, { bits_start: 4, bits_end: 12, refs_start: 1 })] });
vec('build.stslice_alt', 'STSLICE_ALT (CF12)', [op.NEWC, op.STSLICE_ALT], ok(bl('ABCD', 2)), { stack_in: [S(WITH_REFS)] });
vec('build.stslice_bits_overflow', 'STSLICE of 8 bits into 1020: cell overflow', [op.SWAP, op.STSLICE], err(8), { stack_in: [B(BITS1020), S(AB)] });
vec('build.stslice_refs_overflow', 'STSLICE of 2 refs into 3: cell overflow', [op.SWAP, op.STSLICE], err(8), { stack_in: [B(THREE_REFS), S(WITH_REFS)] });
vec('build.stslicer', 'STSLICER: builder below', [op.NEWC, op.SWAP, op.STSLICER], ok(bl('AB')), { stack_in: [S(AB)] });
vec('build.stsliceq_ok', 'STSLICEQ success', [op.NEWC, op.STSLICEQ], ok(bl('AB'), 0), { stack_in: [S(AB)] });
vec('build.stsliceq_overflow', 'STSLICEQ overflow: s b -1', [op.SWAP, op.STSLICEQ], ok(sl('AB'), 'builder', -1), { stack_in: [B(BITS1020), S(AB)] });
vec('build.stslicerq_overflow', 'STSLICERQ overflow: b s -1', [op.STSLICERQ], ok('builder', sl('AB'), -1), { stack_in: [B(BITS1020), S(AB)] });
vec('build.stslicerq_ok', 'STSLICERQ success', [op.STSLICERQ], ok('builder', 0), { stack_in: [B(BITS1000), S(AB)] });
vec('build.stslice_type', 'STSLICE of a cell: type check', [op.NEWC, op.STSLICE], err(7), { stack_in: [C(AB)] });
vec('build.stb', 'STB appends a builder', [op.NEWC, op.STB], ok(bl('ABCD', 2)), { stack_in: [B(WITH_REFS)] });
vec('build.stb_self', 'DUP; STB appends a builder to itself', [op.DUP, op.STB], ok(bl('ABAB')), { stack_in: [B(AB)] });
vec('build.stb_overflow', 'STB overflow: cell overflow', [op.SWAP, op.STB], err(8), { stack_in: [B(BITS1020), B(AB)] });
vec('build.stbr', 'STBR: target below', [op.NEWC, op.SWAP, op.STBR], ok(bl('AB')), { stack_in: [B(AB)] });
vec('build.stbq_overflow', 'STBQ overflow: b\' b -1', [op.SWAP, op.STBQ], ok(bl('AB'), 'builder', -1), { stack_in: [B(BITS1020), B(AB)] });
vec('build.stbq_ok', 'STBQ success', [op.NEWC, op.STBQ], ok(bl('AB'), 0), { stack_in: [B(AB)] });
vec('build.stbrq_overflow', 'STBRQ overflow: b b\' -1', [op.STBRQ], ok('builder', bl('AB'), -1), { stack_in: [B(BITS1020), B(AB)] });
vec('build.stbrq_ok', 'STBRQ success', [op.STBRQ], ok('builder', 0), { stack_in: [B(X1234), B(AB)] });

// Constant refs and slices
vec('build.strefconst', 'STREFCONST', [op.NEWC, STREFCONST(AB), op.ENDC], ok(hashIs(cell('', [AB]))));
vec('build.stref2const', 'STREF2CONST', [op.NEWC, STREF2CONST(AB, X1234), op.ENDC], ok(hashIs(cell('', [AB, X1234]))));
vec('build.strefconst_overflow', 'STREFCONST into 4 refs: cell overflow', [STREFCONST(AB)], err(8), { stack_in: [B(FOUR_REFS)] });
vec('build.stref2const_overflow', 'STREF2CONST into 3 refs: cell overflow', [STREF2CONST(AB, AB)], err(8), { stack_in: [B(THREE_REFS)] });
vec('build.strefconst_no_ref', 'STREFCONST without a ref in the code: invalid opcode', [raw(hexBits('CF20'), 'STREFCONST (no ref)')], err(6), { stack_in: [B(EMPTY)] });
vec('build.stref2const_one_ref', 'STREF2CONST with one ref in the code: invalid opcode', [ins(hexBits('CF21'), 'STREF2CONST (one ref)', [AB])], err(6), { stack_in: [B(EMPTY)] });
vec('build.strefconst_underflow', 'STREFCONST on an empty stack: stack underflow', [STREFCONST(AB)], err(2));
vec('build.stsliceconst_2bits', 'STSLICECONST of 2 bits', [op.NEWC, STSLICECONST('A_')], ok(bl('A_')));
vec('build.stsliceconst_empty', 'STSLICECONST of nothing', [op.NEWC, STSLICECONST(''), op.BBITS], ok(0));
vec('build.stsliceconst_long', 'STSLICECONST of 57 bits', [op.NEWC, STSLICECONST('0123456789ABCD8_')], ok(bl('0123456789ABCD8_')));
vec('build.stsliceconst_refs', 'STSLICECONST with 2 refs', [op.NEWC, STSLICECONST('F', [AB, X1234]), op.ENDC], ok(hashIs(cell('F', [AB, X1234]))));
vec('build.stsliceconst_3refs', 'STSLICECONST with 3 refs', [op.NEWC, STSLICECONST('', [AB, AB, LEAF]), op.BREFS], ok(3));
vec('build.stsliceconst_overflow', 'STSLICECONST into a full builder: cell overflow', [STSLICECONST('F')], err(8), { stack_in: [B(BITS1020)] });
vec('build.stsliceconst_truncated', 'STSLICECONST whose data runs past the code: invalid opcode', [raw('110011111' + '00' + '111' + '1010', 'STSLICECONST (truncated)')], err(6), { stack_in: [B(EMPTY)] });
vec('build.stsliceconst_underflow', 'STSLICECONST on an empty stack: stack underflow', [STSLICECONST('F')], err(2));

// ENDXC (exotic cells)
vec('build.endxc_ordinary', 'ENDXC with flag 0: an ordinary cell', [PUSHINT(0), op.ENDXC], ok(hashIs(AB)), { stack_in: [B(AB)] });
vec('build.endxc_pruned', 'ENDXC of pruned-branch data', [PUSHINT(-1), op.ENDXC, op.CLEVEL], ok(1), { stack_in: [B(cellOf(cellBits(PRUNED)))] });
vec('build.endxc_library', 'ENDXC of library data', [PUSHINT(1), op.ENDXC], ok(hashIs(LIB)), { stack_in: [B(cellOf(cellBits(LIB)))] });
vec('build.endxc_merkle_proof', 'ENDXC of a valid Merkle proof', [PUSHINT(-1), op.ENDXC], ok(hashIs(MPROOF)), { stack_in: [B(cellOf(cellBits(MPROOF), [WITH_REFS]))] });
vec('build.endxc_merkle_bad_hash', 'ENDXC of a Merkle proof with a wrong hash: cell overflow', [PUSHINT(-1), op.ENDXC], err(8), { stack_in: [B(cellOf(cellBits(MPROOF), [AB]))] });
vec('build.endxc_unknown_type', 'ENDXC of type byte 5: cell overflow', [PUSHINT(-1), op.ENDXC], err(8), { stack_in: [B(cell('05' + '00'.repeat(32)))] });
vec('build.endxc_short', 'ENDXC of 4 bits: cell overflow', [PUSHINT(-1), op.ENDXC], err(8), { stack_in: [B(cell('1'))] });
vec('build.endxc_empty', 'ENDXC of an empty builder: cell overflow (500 charged)', [op.NEWC, PUSHINT(-1), op.ENDXC], err(8));
vec('build.endxc_library_with_ref', 'ENDXC of library data plus a ref: cell overflow', [PUSHINT(-1), op.ENDXC], err(8), { stack_in: [B(cellOf(cellBits(LIB), [AB]))] });
vec('build.endxc_nan', 'ENDXC with a NaN flag: integer overflow', [op.NEWC, op.PUSHNAN, op.ENDXC], err(4));
vec('build.endxc_underflow', 'ENDXC with one entry: stack underflow', [op.NEWC, op.ENDXC], err(2));
vec('build.endxc_type', 'ENDXC of a cell: type check', [PUSHINT(0), op.ENDXC], err(7), { stack_in: [C(AB)] });

// Little-endian stores
vec('build.stile4', 'STILE4 of 0x12345678', [PUSHINT(0x12345678), op.NEWC, op.STILE4], ok(bl('78563412')));
vec('build.stile4_neg', 'STILE4 of -2', [PUSHINT(-2), op.NEWC, op.STILE4], ok(bl('FEFFFFFF')));
vec('build.stile4_range', 'STILE4 of 2^31: range check', [PUSHINT(1n << 31n), op.NEWC, op.STILE4], err(5));
vec('build.stule4_max', 'STULE4 of 2^32-1', [PUSHINT((1n << 32n) - 1n), op.NEWC, op.STULE4], ok(bl('FFFFFFFF')));
vec('build.stule4_range', 'STULE4 of 2^32: range check', [PUSHINT(1n << 32n), op.NEWC, op.STULE4], err(5));
vec('build.stule4_negative', 'STULE4 of -1: range check', [PUSHINT(-1), op.NEWC, op.STULE4], err(5));
vec('build.stile8_min', 'STILE8 of -2^63', [PUSHINT(-(1n << 63n)), op.NEWC, op.STILE8], ok(bl('0000000000000080')));
vec('build.stile8_range', 'STILE8 of 2^63: range check', [PUSHINT(1n << 63n), op.NEWC, op.STILE8], err(5));
vec('build.stule8_max', 'STULE8 of 2^64-1', [PUSHINT((1n << 64n) - 1n), op.NEWC, op.STULE8], ok(bl('FFFFFFFFFFFFFFFF')));
vec('build.stule8_value', 'STULE8 of 0x0102030405060708', [PUSHINT(0x0102030405060708n), op.NEWC, op.STULE8], ok(bl('0807060504030201')));
vec('build.stule8_range', 'STULE8 of 2^64: range check', [PUSHINT(1n << 64n), op.NEWC, op.STULE8], err(5));
vec('build.stule4_nan', 'STULE4 of NaN: range check', [op.PUSHNAN, op.NEWC, op.STULE4], err(5));
vec('build.stule4_overflow_first', 'STULE4 of -1 into 1000 bits: cell overflow before range', [PUSHINT(-1), op.SWAP, op.STULE4], err(8), { stack_in: [B(BITS1000)] });
vec('build.stile4_underflow', 'STILE4 with one entry: stack underflow', [op.NEWC, op.STILE4], err(2));
vec('build.stile4_type', 'STILE4 of a slice: type check', [op.NEWC, op.STILE4], err(7), { stack_in: [S(AB)] });

// Builder queries
vec('build.bdepth', 'BDEPTH: empty 0, refs of depth 0 and 2', [op.NEWC, op.BDEPTH, op.SWAP, op.BDEPTH], ok(0, 3), { stack_in: [B(WITH_REFS)] });
vec('build.bbits_brefs', 'BBITS and BREFS', [PUSH(0), op.BBITS, op.SWAP, op.BREFS], ok(16, 2), { stack_in: [B(WITH_REFS)] });
vec('build.bbitrefs', 'BBITREFS', [op.BBITREFS], ok(16, 2), { stack_in: [B(WITH_REFS)] });
vec('build.brembits_bremrefs', 'BREMBITS and BREMREFS', [PUSH(0), op.BREMBITS, op.SWAP, op.BREMREFS], ok(1007, 2), { stack_in: [B(WITH_REFS)] });
vec('build.brembitrefs', 'BREMBITREFS of a new builder', [op.NEWC, op.BREMBITREFS], ok(1023, 4));
vec('build.bbits_type', 'BBITS of a cell: type check', [op.BBITS], err(7), { stack_in: [C(AB)] });
vec('build.bdepth_underflow', 'BDEPTH on an empty stack: stack underflow', [op.BDEPTH], err(2));

// Builder checks
vec('build.bchkbits_ok', 'BCHKBITS 256 on a new builder: nothing pushed', [op.NEWC, BCHKBITS(256)], ok());
vec('build.bchkbits_fail', 'BCHKBITS 4 on 1020 bits: cell overflow', [BCHKBITS(4)], err(8), { stack_in: [B(BITS1020)] });
vec('build.bchkbits_exact', 'BCHKBITS 3 on 1020 bits', [BCHKBITS(3)], ok(), { stack_in: [B(BITS1020)] });
vec('build.bchkbitsq', 'BCHKBITSQ 3 and 4 on 1020 bits', [PUSH(0), BCHKBITSQ(3), op.SWAP, BCHKBITSQ(4)], ok(-1, 0), { stack_in: [B(BITS1020)] });
vec('build.bchkbits_type', 'BCHKBITS of an int: type check', [PUSHINT(1), BCHKBITS(1)], err(7));
vec('build.bchkbits_var_ok', 'BCHKBITS_VAR 1023 on a new builder', [op.NEWC, PUSHINT(1023), op.BCHKBITS_VAR], ok());
vec('build.bchkbits_var_range', 'BCHKBITS_VAR 1024: range check', [op.NEWC, PUSHINT(1024), op.BCHKBITS_VAR], err(5));
vec('build.bchkbits_var_fail', 'BCHKBITS_VAR 1024 on 1 bit: cell overflow', [op.NEWC, PUSHINT(1), op.SWAP, STU(1), PUSHINT(1023), op.BCHKBITS_VAR], err(8));
vec('build.bchkrefs_ok', 'BCHKREFS 4 on a new builder', [op.NEWC, PUSHINT(4), op.BCHKREFS], ok());
vec('build.bchkrefs_5', 'BCHKREFS 5: cell overflow (refs range is 0..7)', [op.NEWC, PUSHINT(5), op.BCHKREFS], err(8));
vec('build.bchkrefs_8', 'BCHKREFS 8: range check', [op.NEWC, PUSHINT(8), op.BCHKREFS], err(5));
vec('build.bchkbitrefs_ok', 'BCHKBITREFS 1003 2', [PUSHINT(1007), PUSHINT(2), op.BCHKBITREFS], ok(), { stack_in: [B(WITH_REFS)] });
vec('build.bchkbitrefs_fail', 'BCHKBITREFS 1008 0: cell overflow', [PUSHINT(1008), PUSHINT(0), op.BCHKBITREFS], err(8), { stack_in: [B(WITH_REFS)] });
vec('build.bchkbitrefs_underflow', 'BCHKBITREFS with two entries: stack underflow', [op.NEWC, PUSHINT(1), op.BCHKBITREFS], err(2));
vec('build.bchkbitsq_var', 'BCHKBITSQ_VAR 1007 / 1008', [PUSH(0), PUSHINT(1007), op.BCHKBITSQ_VAR, op.SWAP, PUSHINT(1008), op.BCHKBITSQ_VAR], ok(-1, 0), { stack_in: [B(WITH_REFS)] });
vec('build.bchkrefsq', 'BCHKREFSQ 2 / 3', [PUSH(0), PUSHINT(2), op.BCHKREFSQ, op.SWAP, PUSHINT(3), op.BCHKREFSQ], ok(-1, 0), { stack_in: [B(WITH_REFS)] });
vec('build.bchkbitrefsq', 'BCHKBITREFSQ fits / does not', [PUSH(0), PUSHINT(1007), PUSHINT(2), op.BCHKBITREFSQ, op.SWAP, PUSHINT(0), PUSHINT(3), op.BCHKBITREFSQ], ok(-1, 0), { stack_in: [B(WITH_REFS)] });
vec('build.bchkrefsq_range', 'BCHKREFSQ 8: range check even when quiet', [op.NEWC, PUSHINT(8), op.BCHKREFSQ], err(5));

// STZEROES / STONES / STSAME
vec('build.stzeroes', 'STZEROES 12', [op.NEWC, PUSHINT(12), op.STZEROES], ok(bl('000')));
vec('build.stones', 'STONES 5', [op.NEWC, PUSHINT(5), op.STONES], ok(bl('FC_')));
vec('build.stones_1023', 'STONES 1023 then ENDC', [op.NEWC, PUSHINT(1023), op.STONES, op.ENDC], ok(hashIs(BITS1023)));
vec('build.stones_0', 'STONES 0', [op.NEWC, PUSHINT(0), op.STONES, op.BBITS], ok(0));
vec('build.stzeroes_range', 'STZEROES 1024: range check', [op.NEWC, PUSHINT(1024), op.STZEROES], err(5));
vec('build.stzeroes_overflow', 'STZEROES 4 into 1020 bits: cell overflow', [PUSHINT(4), op.STZEROES], err(8), { stack_in: [B(BITS1020)] });
vec('build.stsame_1', 'STSAME 3 1', [op.NEWC, PUSHINT(3), PUSHINT(1), op.STSAME], ok(bl('F_')));
vec('build.stsame_0', 'STSAME 4 0', [op.NEWC, PUSHINT(4), PUSHINT(0), op.STSAME], ok(bl('0')));
vec('build.stsame_2', 'STSAME with bit 2: range check', [op.NEWC, PUSHINT(4), PUSHINT(2), op.STSAME], err(5));
vec('build.stsame_underflow', 'STSAME with two entries: stack underflow', [op.NEWC, PUSHINT(4), op.STSAME], err(2));
vec('build.stones_underflow', 'STONES with one entry: stack underflow', [PUSHINT(4), op.STONES], err(2));

// BTOS (global version 12)
vec('build.btos', 'BTOS: a slice of the builder, no create or load charge', [op.BTOS], ok(sl('ABCD', 2)), { stack_in: [B(WITH_REFS)] });
vec('build.btos_then_ctos_cost', 'BTOS; the same cell via ENDC; CTOS costs a full load', [PUSH(0), op.BTOS, op.SWAP, op.ENDC, op.CTOS, op.SDEQ], ok(-1), { stack_in: [B(AB)] });
vec('build.btos_v11', 'BTOS at global version 11: invalid opcode', [op.BTOS], err(6), { stack_in: [B(AB)], global_version: 11 });
vec('build.btos_type', 'BTOS of a cell: type check', [op.BTOS], err(7), { stack_in: [C(AB)] });
vec('build.btos_underflow', 'BTOS on an empty stack: stack underflow', [op.BTOS], err(2));

// ===== cell_parse =====
vec('parse.ctos', 'CTOS (+100)', [op.CTOS], ok(sl('ABCD', 2)), { stack_in: [C(WITH_REFS)] });
vec('parse.ctos_reload', 'CTOS twice of the same cell: 100 then 25', [op.DUP, op.CTOS, op.SWAP, op.CTOS], ok('slice', 'slice'), { stack_in: [C(AB)] });
vec('parse.ctos_pruned', 'CTOS of a pruned branch: cell underflow', [...MK_PRUNED, op.CTOS], err(9), PB());
vec('parse.ctos_merkle', 'CTOS of a Merkle proof: cell underflow', [op.CTOS], err(9), { stack_in: [C(MPROOF)] });
vec('parse.ctos_library', 'CTOS of a library cell loads the library', [op.CTOS], ok(sl('C0FFEE', 1)), { stack_in: [C(LIB)], libs: LIBS });
vec('parse.ctos_library_missing', 'CTOS of an unknown library: cell underflow', [op.CTOS], err(9), { stack_in: [C(LIB_MISSING)], libs: LIBS });
vec('parse.ctos_type', 'CTOS of a builder: type check', [op.NEWC, op.CTOS], err(7));
vec('parse.ctos_library_of_library', 'CTOS of a library whose root is a library cell: cell underflow', [op.CTOS], err(9), { stack_in: [C(LIB_OF_LIB)], libs: LIBS });
vec('parse.ctos_library_reload', 'CTOS of a library cell twice: the library cell is charged, the root is not', [op.DUP, op.CTOS, op.SWAP, op.CTOS, op.SDEQ], ok(-1), { stack_in: [C(LIB)], libs: LIBS });
vec('parse.ctos_gas_exact', 'CTOS with exactly enough gas', [op.CTOS, op.SBITS], ok(8), { stack_in: [C(AB)], gas_limit: 18 + 118 + 26 + 5 });
vec('parse.ctos_underflow', 'CTOS on an empty stack: stack underflow', [op.CTOS], err(2));
vec('parse.ctos_out_of_gas', 'out of gas in CTOS (load charged in full)', [op.CTOS], { exit: -14, stack: [18 + 118] }, { stack_in: [C(AB)], gas_limit: 100 });
vec('parse.ends_ok', 'ENDS of an empty slice', [op.ENDS], ok(), { stack_in: [S(AB, { bits_start: 8 })] });
vec('parse.ends_bits', 'ENDS with bits left: cell underflow', [op.ENDS], err(9), { stack_in: [S(AB)] });
vec('parse.ends_refs', 'ENDS with a ref left: cell underflow', [op.ENDS], err(9), { stack_in: [S(WITH_REFS, { bits_start: 16, refs_start: 1 })] });
vec('parse.ends_type', 'ENDS of a cell: type check', [op.ENDS], err(7), { stack_in: [C(EMPTY)] });

// LDI / LDU
vec('parse.ldi_8', 'LDI 8 of 0xAB', [LDI(8)], ok(-85, sl('CD', 2)), { stack_in: [S(WITH_REFS)] });
vec('parse.ldu_8', 'LDU 8 of 0xAB', [LDU(8)], ok(171, sl('CD', 2)), { stack_in: [S(WITH_REFS)] });
vec('parse.ldu_16_window', 'LDU 16 from a window', [LDU(12)], ok(0xbcd, sl('')), { stack_in: [S(WITH_REFS, { bits_start: 4, refs_end: 0 })] });
vec('parse.ldi_1', 'LDI 1 of a one bit', [LDI(1)], ok(-1, 'slice'), { stack_in: [S(cell('8'))] });
vec('parse.ldu_256', 'LDU 256 of 256 one bits', [LDU(256)], ok(MAXINT, 'slice'), { stack_in: [S(cellOf(ones(256)))] });
vec('parse.ldi_256', 'LDI 256 of 256 one bits', [LDI(256)], ok(-1, 'slice'), { stack_in: [S(cellOf(ones(256)))] });
vec('parse.ldi_256_min', 'LDI 256 of 1 then zeros', [LDI(256)], ok(-(1n << 255n), 'slice'), { stack_in: [S(cellOf('1' + zeros(255)))] });
vec('parse.ldu_underflow', 'LDU 17 of 16 bits: cell underflow', [LDU(17)], err(9), { stack_in: [S(X1234)] });
vec('parse.ldu_type', 'LDU of a cell: type check', [LDU(8)], err(7), { stack_in: [C(X1234)] });
vec('parse.ldu_underflow_stack', 'LDU on an empty stack: stack underflow', [LDU(8)], err(2));

// LDIX / LDUX / PLD / Q
vec('parse.ldix', 'LDIX 12', [PUSHINT(12), op.LDIX], ok(0x123, sl('4')), { stack_in: [S(X1234)] });
vec('parse.ldux', 'LDUX 16', [PUSHINT(16), op.LDUX], ok(0x1234, sl('')), { stack_in: [S(X1234)] });
vec('parse.pldix', 'PLDIX 4 of 0xF...', [PUSHINT(4), op.PLDIX], ok(-1), { stack_in: [S(cell('F0'))] });
vec('parse.pldux', 'PLDUX 8', [PUSHINT(8), op.PLDUX], ok(0x12), { stack_in: [S(X1234)] });
vec('parse.ldix_0', 'LDIX 0 loads 0', [PUSHINT(0), op.LDIX], ok(0, sl('1234')), { stack_in: [S(X1234)] });
vec('parse.ldux_0_empty', 'LDUX 0 of an empty slice', [PUSHINT(0), op.LDUX], ok(0, sl('')), { stack_in: [S(EMPTY)] });
vec('parse.ldix_257', 'LDIX 257 of 257 one bits', [PUSHINT(257), op.LDIX], ok(-1, 'slice'), { stack_in: [S(cellOf(ones(257)))] });
vec('parse.ldix_257_min', 'LDIX 257 of 1 then zeros: -2^256', [PUSHINT(257), op.LDIX], ok(MININT, 'slice'), { stack_in: [S(cellOf('1' + zeros(256)))] });
vec('parse.ldix_258', 'LDIX 258: range check', [PUSHINT(258), op.LDIX], err(5), { stack_in: [S(BITS1023)] });
vec('parse.ldux_257', 'LDUX 257: range check', [PUSHINT(257), op.LDUX], err(5), { stack_in: [S(BITS1023)] });
vec('parse.ldux_256', 'LDUX 256 of ones', [PUSHINT(256), op.LDUX], ok(MAXINT, 'slice'), { stack_in: [S(BITS1023)] });
vec('parse.ldix_underflow', 'LDIX 17 of 16 bits: cell underflow', [PUSHINT(17), op.LDIX], err(9), { stack_in: [S(X1234)] });
vec('parse.ldix_stack_underflow', 'LDIX with one entry: stack underflow', [PUSHINT(8), op.LDIX], err(2));
vec('parse.ldix_width_type', 'LDIX with a slice width: type check', [op.DUP, op.LDIX], err(7), { stack_in: [S(X1234)] });
vec('parse.ldixq_ok', 'LDIXQ success: x s -1', [PUSHINT(8), op.LDIXQ], ok(0x12, sl('34'), -1), { stack_in: [S(X1234)] });
vec('parse.ldixq_fail', 'LDIXQ failure: s 0', [PUSHINT(20), op.LDIXQ], ok(sl('1234'), 0), { stack_in: [S(X1234)] });
vec('parse.lduxq_fail', 'LDUXQ failure: s 0', [PUSHINT(17), op.LDUXQ], ok(sl('1234'), 0), { stack_in: [S(X1234)] });
vec('parse.pldixq_ok', 'PLDIXQ success: x -1', [PUSHINT(8), op.PLDIXQ], ok(0x12, -1), { stack_in: [S(X1234)] });
vec('parse.pldixq_fail', 'PLDIXQ failure: 0 only', [PUSHINT(17), op.PLDIXQ], ok(0), { stack_in: [S(X1234)] });
vec('parse.plduxq_ok', 'PLDUXQ success', [PUSHINT(16), op.PLDUXQ], ok(0x1234, -1), { stack_in: [S(X1234)] });
vec('parse.plduxq_fail', 'PLDUXQ failure', [PUSHINT(17), op.PLDUXQ], ok(0), { stack_in: [S(X1234)] });
vec('parse.ldixq_range', 'LDIXQ 300: range check even when quiet', [PUSHINT(300), op.LDIXQ], err(5), { stack_in: [S(X1234)] });

// LDI_ALT ... PLDUQ
vec('parse.ldi_alt', 'LDI_ALT 8', [ldLong.LDI_ALT(8)], ok(0x12, sl('34')), { stack_in: [S(X1234)] });
vec('parse.ldu_alt', 'LDU_ALT 256 of ones', [ldLong.LDU_ALT(256)], ok(MAXINT, 'slice'), { stack_in: [S(BITS1023)] });
vec('parse.pldi', 'PLDI 4 of 0xF...', [ldLong.PLDI(4)], ok(-1), { stack_in: [S(cell('F0'))] });
vec('parse.pldu', 'PLDU 12', [ldLong.PLDU(12)], ok(0x123), { stack_in: [S(X1234)] });
vec('parse.pldu_underflow', 'PLDU 17: cell underflow', [ldLong.PLDU(17)], err(9), { stack_in: [S(X1234)] });
vec('parse.ldiq_ok', 'LDIQ 16', [ldLong.LDIQ(16)], ok(0x1234, sl(''), -1), { stack_in: [S(X1234)] });
vec('parse.ldiq_fail', 'LDIQ 17: s 0', [ldLong.LDIQ(17)], ok(sl('1234'), 0), { stack_in: [S(X1234)] });
vec('parse.lduq_fail', 'LDUQ 32: s 0', [ldLong.LDUQ(32)], ok(sl('1234'), 0), { stack_in: [S(X1234)] });
vec('parse.pldiq_fail', 'PLDIQ 17: 0', [ldLong.PLDIQ(17)], ok(0), { stack_in: [S(X1234)] });
vec('parse.plduq_ok', 'PLDUQ 16', [ldLong.PLDUQ(16)], ok(0x1234, -1), { stack_in: [S(X1234)] });

// PLDUZ
vec('parse.plduz_32_short', 'PLDUZ 32 of 16 bits: zero-padded', [PLDUZ(32)], ok(sl('1234'), 0x12340000), { stack_in: [S(X1234)] });
vec('parse.plduz_64', 'PLDUZ 64 of 128 bits', [PLDUZ(64)], ok('slice', 0x0102030405060708n), { stack_in: [S(LE_DATA)] });
vec('parse.plduz_256', 'PLDUZ 256 of 1023 ones', [PLDUZ(256)], ok('slice', MAXINT), { stack_in: [S(BITS1023)] });
vec('parse.plduz_empty', 'PLDUZ 128 of an empty slice', [PLDUZ(128)], ok(sl(''), 0), { stack_in: [S(EMPTY)] });
vec('parse.plduz_type', 'PLDUZ of a cell: type check', [PLDUZ(32)], err(7), { stack_in: [C(X1234)] });

// LDSLICE family
vec('parse.ldslice', 'LDSLICE 8', [LDSLICE(8)], ok(sl('AB'), sl('CD', 2)), { stack_in: [S(WITH_REFS)] });
vec('parse.ldslice_underflow', 'LDSLICE 17 of 16 bits: cell underflow', [LDSLICE(17)], err(9), { stack_in: [S(X1234)] });
vec('parse.ldslicex', 'LDSLICEX 4', [PUSHINT(4), op.LDSLICEX], ok(sl('1'), sl('234')), { stack_in: [S(X1234)] });
vec('parse.ldslicex_0', 'LDSLICEX 0', [PUSHINT(0), op.LDSLICEX], ok(sl(''), sl('1234')), { stack_in: [S(X1234)] });
vec('parse.ldslicex_1024', 'LDSLICEX 1024: range check', [PUSHINT(1024), op.LDSLICEX], err(5), { stack_in: [S(X1234)] });
vec('parse.ldslicex_1023', 'LDSLICEX 1023 of a full cell', [PUSHINT(1023), op.LDSLICEX, op.SBITS], ok('slice', 0), { stack_in: [S(BITS1023)] });
vec('parse.pldslicex', 'PLDSLICEX 12', [PUSHINT(12), op.PLDSLICEX], ok(sl('123')), { stack_in: [S(X1234)] });
vec('parse.ldslicexq_ok', 'LDSLICEXQ success', [PUSHINT(8), op.LDSLICEXQ], ok(sl('12'), sl('34'), -1), { stack_in: [S(X1234)] });
vec('parse.ldslicexq_fail', 'LDSLICEXQ failure: s 0', [PUSHINT(20), op.LDSLICEXQ], ok(sl('1234'), 0), { stack_in: [S(X1234)] });
vec('parse.pldslicexq_ok', 'PLDSLICEXQ success', [PUSHINT(8), op.PLDSLICEXQ], ok(sl('12'), -1), { stack_in: [S(X1234)] });
vec('parse.pldslicexq_fail', 'PLDSLICEXQ failure: 0', [PUSHINT(20), op.PLDSLICEXQ], ok(0), { stack_in: [S(X1234)] });
vec('parse.ldslicex_underflow', 'LDSLICEX with one entry: stack underflow', [PUSHINT(4), op.LDSLICEX], err(2));
vec('parse.ldslice_alt', 'LDSLICE_ALT 4', [ldsLong.LDSLICE_ALT(4)], ok(sl('1'), sl('234')), { stack_in: [S(X1234)] });
vec('parse.pldslice', 'PLDSLICE 4 keeps no refs', [ldsLong.PLDSLICE(4)], ok(sl('A')), { stack_in: [S(WITH_REFS)] });
vec('parse.ldsliceq_fail', 'LDSLICEQ 17 of 16 bits: s 0', [ldsLong.LDSLICEQ(17)], ok(sl('1234'), 0), { stack_in: [S(X1234)] });
vec('parse.ldsliceq_ok', 'LDSLICEQ 16', [ldsLong.LDSLICEQ(16)], ok(sl('1234'), sl(''), -1), { stack_in: [S(X1234)] });
vec('parse.pldsliceq_fail', 'PLDSLICEQ 256 of 16 bits: 0', [ldsLong.PLDSLICEQ(256)], ok(0), { stack_in: [S(X1234)] });
vec('parse.pldsliceq_ok', 'PLDSLICEQ 8', [ldsLong.PLDSLICEQ(8)], ok(sl('12'), -1), { stack_in: [S(X1234)] });

// Cutting
const SR = () => ({ stack_in: [S(WITH_REFS)] });
vec('parse.sdcutfirst', 'SDCUTFIRST 4 drops the refs', [PUSHINT(4), op.SDCUTFIRST], ok(sl('A', 0)), SR());
vec('parse.sdcutfirst_fail', 'SDCUTFIRST 17: cell underflow', [PUSHINT(17), op.SDCUTFIRST], err(9), SR());
vec('parse.sdcutfirst_range', 'SDCUTFIRST 1024: range check', [PUSHINT(1024), op.SDCUTFIRST], err(5), SR());
vec('parse.sdskipfirst', 'SDSKIPFIRST 4 keeps the refs', [PUSHINT(4), op.SDSKIPFIRST], ok(sl('BCD', 2)), SR());
vec('parse.sdskipfirst_fail', 'SDSKIPFIRST 17: cell underflow', [PUSHINT(17), op.SDSKIPFIRST], err(9), SR());
vec('parse.sdcutlast', 'SDCUTLAST 4 drops the refs', [PUSHINT(4), op.SDCUTLAST], ok(sl('D', 0)), SR());
vec('parse.sdcutlast_fail', 'SDCUTLAST 17: cell underflow', [PUSHINT(17), op.SDCUTLAST], err(9), SR());
vec('parse.sdskiplast', 'SDSKIPLAST 4 keeps the refs', [PUSHINT(4), op.SDSKIPLAST], ok(sl('ABC', 2)), SR());
vec('parse.sdskiplast_all', 'SDSKIPLAST 16', [PUSHINT(16), op.SDSKIPLAST], ok(sl('', 2)), SR());
vec('parse.sdskiplast_fail', 'SDSKIPLAST 17: cell underflow', [PUSHINT(17), op.SDSKIPLAST], err(9), SR());
vec('parse.sdcut_underflow', 'SDCUTFIRST with one entry: stack underflow', [op.SDCUTFIRST], err(2), SR());
vec('parse.sdcut_type', 'SDCUTFIRST of a cell: type check', [PUSHINT(1), op.SDCUTFIRST], err(7), { stack_in: [C(AB)] });
vec('parse.sdsubstr', 'SDSUBSTR 4 8', [PUSHINT(4), PUSHINT(8), op.SDSUBSTR], ok(sl('BC', 0)), SR());
vec('parse.sdsubstr_fail', 'SDSUBSTR 8 9: cell underflow', [PUSHINT(8), PUSHINT(9), op.SDSUBSTR], err(9), SR());
vec('parse.sdsubstr_skip_fail', 'SDSUBSTR 17 0: cell underflow', [PUSHINT(17), PUSHINT(0), op.SDSUBSTR], err(9), SR());
vec('parse.sdsubstr_underflow', 'SDSUBSTR with two entries: stack underflow', [PUSHINT(4), op.SDSUBSTR], err(2), SR());
vec('parse.scutfirst', 'SCUTFIRST 8 1', [PUSHINT(8), PUSHINT(1), op.SCUTFIRST], ok(sl('AB', 1)), SR());
vec('parse.scutfirst_fail', 'SCUTFIRST 0 3: cell underflow', [PUSHINT(0), PUSHINT(3), op.SCUTFIRST], err(9), SR());
vec('parse.scutfirst_refs_range', 'SCUTFIRST 0 5: range check', [PUSHINT(0), PUSHINT(5), op.SCUTFIRST], err(5), SR());
vec('parse.sskipfirst', 'SSKIPFIRST 8 1', [PUSHINT(8), PUSHINT(1), op.SSKIPFIRST, op.LDREF, op.SWAP, op.CDEPTH], ok(sl('CD'), 2), SR());
vec('parse.sskipfirst_fail', 'SSKIPFIRST 17 0: cell underflow', [PUSHINT(17), PUSHINT(0), op.SSKIPFIRST], err(9), SR());
vec('parse.scutlast', 'SCUTLAST 4 1 keeps the last ref', [PUSHINT(4), PUSHINT(1), op.SCUTLAST, op.LDREF, op.SWAP, op.CDEPTH], ok(sl('D'), 2), SR());
vec('parse.scutlast_fail', 'SCUTLAST 0 3: cell underflow', [PUSHINT(0), PUSHINT(3), op.SCUTLAST], err(9), SR());
vec('parse.sskiplast', 'SSKIPLAST 4 1', [PUSHINT(4), PUSHINT(1), op.SSKIPLAST, op.LDREF, op.SWAP, op.CDEPTH], ok(sl('ABC'), 0), SR());
vec('parse.sskiplast_fail', 'SSKIPLAST 16 3: cell underflow', [PUSHINT(16), PUSHINT(3), op.SSKIPLAST], err(9), SR());
vec('parse.scut_underflow', 'SCUTFIRST with two entries: stack underflow', [PUSHINT(1), op.SCUTFIRST], err(2), SR());
vec('parse.subslice', 'SUBSLICE 4 1 8 1', [PUSHINT(4), PUSHINT(1), PUSHINT(8), PUSHINT(1), op.SUBSLICE, op.LDREF, op.SWAP, op.CDEPTH], ok(sl('BC'), 2), SR());
vec('parse.subslice_fail_second', 'SUBSLICE 4 1 8 2: cell underflow', [PUSHINT(4), PUSHINT(1), PUSHINT(8), PUSHINT(2), op.SUBSLICE], err(9), SR());
vec('parse.subslice_fail_first', 'SUBSLICE 17 0 0 0: cell underflow', [PUSHINT(17), PUSHINT(0), PUSHINT(0), PUSHINT(0), op.SUBSLICE], err(9), SR());
vec('parse.subslice_range', 'SUBSLICE with r1 = 5: range check', [PUSHINT(0), PUSHINT(5), PUSHINT(0), PUSHINT(0), op.SUBSLICE], err(5), SR());
vec('parse.subslice_underflow', 'SUBSLICE with four entries: stack underflow', [PUSHINT(0), PUSHINT(0), PUSHINT(0), op.SUBSLICE], err(2), SR());
vec('parse.split', 'SPLIT 4 1', [PUSHINT(4), PUSHINT(1), op.SPLIT], ok(sl('A', 1), sl('BCD', 1)), SR());
vec('parse.split_fail', 'SPLIT 4 3: cell underflow', [PUSHINT(4), PUSHINT(3), op.SPLIT], err(9), SR());
vec('parse.splitq_ok', 'SPLITQ 16 2', [PUSHINT(16), PUSHINT(2), op.SPLITQ], ok(sl('ABCD', 2), sl(''), -1), SR());
vec('parse.splitq_fail', 'SPLITQ 17 0: s 0', [PUSHINT(17), PUSHINT(0), op.SPLITQ], ok(sl('ABCD', 2), 0), SR());
vec('parse.split_range', 'SPLIT with 1024 bits: range check', [PUSHINT(1024), PUSHINT(0), op.SPLIT], err(5), SR());

// Prefixes
vec('parse.sdbeginsx', 'SDBEGINSX', [PUSHSLICE('AB'), op.SDBEGINSX], ok(sl('CD', 2)), SR());
vec('parse.sdbeginsx_fail', 'SDBEGINSX mismatch: cell underflow', [PUSHSLICE('AC'), op.SDBEGINSX], err(9), SR());
vec('parse.sdbeginsx_longer', 'SDBEGINSX with a longer prefix: cell underflow', [PUSHSLICE('ABCDE'), op.SDBEGINSX], err(9), SR());
vec('parse.sdbeginsxq_ok', 'SDBEGINSXQ match', [PUSHSLICE('A'), op.SDBEGINSXQ], ok(sl('BCD', 2), -1), SR());
vec('parse.sdbeginsxq_fail', 'SDBEGINSXQ mismatch: s 0', [PUSHSLICE('B'), op.SDBEGINSXQ], ok(sl('ABCD', 2), 0), SR());
vec('parse.sdbeginsx_empty', 'SDBEGINSX of an empty prefix', [PUSHSLICE(''), op.SDBEGINSX], ok(sl('ABCD', 2)), SR());
vec('parse.sdbeginsx_underflow', 'SDBEGINSX with one entry: stack underflow', [op.SDBEGINSX], err(2), SR());
vec('parse.sdbegins', 'SDBEGINS x{AB}', [SDBEGINS('AB')], ok(sl('CD', 2)), SR());
vec('parse.sdbegins_3bits', 'SDBEGINS of 3 bits (101)', [SDBEGINS('B_'), op.SBITREFS], ok(13, 2), SR());
vec('parse.sdbegins_fail', 'SDBEGINS mismatch: cell underflow', [SDBEGINS('AC')], err(9), SR());
vec('parse.sdbeginsq_ok', 'SDBEGINSQ match', [SDBEGINS('ABC', true)], ok(sl('D', 2), -1), SR());
vec('parse.sdbeginsq_fail', 'SDBEGINSQ mismatch: s 0', [SDBEGINS('ABD', true)], ok(sl('ABCD', 2), 0), SR());
vec('parse.sdbegins_long', 'SDBEGINS with 16 bytes', [SDBEGINS('0102030405060708F0F1F2F3F4F5F6F7')], ok(sl('')), { stack_in: [S(LE_DATA)] });
vec('parse.sdbegins_truncated', 'SDBEGINS whose data runs past the code: invalid opcode', [raw('1101011100101' + '0' + uBits(2, 7) + '1010', 'SDBEGINS (truncated)')], err(6), SR());
vec('parse.sdbegins_type', 'SDBEGINS of a cell: type check', [SDBEGINS('A')], err(7), { stack_in: [C(AB)] });
vec('parse.sdbegins_empty', 'SDBEGINS of no bits (x = 0, data is the tag only)', [SDBEGINS('')], ok(sl('ABCD', 2)), SR());
vec('parse.sdbeginsq_long', 'SDBEGINSQ with 16 bytes, mismatch in the last bit', [SDBEGINS('0102030405060708F0F1F2F3F4F5F6F6', true)], ok(sl('0102030405060708F0F1F2F3F4F5F6F7'), 0), { stack_in: [S(LE_DATA)] });

// Special cells
vec('parse.xctos_ordinary', 'XCTOS of an ordinary cell: s 0', [op.XCTOS], ok(sl('AB'), 0), { stack_in: [C(AB)] });
vec('parse.xctos_pruned', 'XCTOS of a pruned branch: s -1', [...MK_PRUNED, op.XCTOS, op.SWAP, op.SBITS], ok(-1, 288), PB());
vec('parse.xctos_library', 'XCTOS of a library cell is not resolved', [op.XCTOS], ok('slice', -1), { stack_in: [C(LIB)], libs: LIBS });
vec('parse.xctos_merkle', 'XCTOS of a Merkle proof', [op.XCTOS, op.SWAP, op.LDREF], ok(-1, 'cell', 'slice'), { stack_in: [C(MPROOF)] });
vec('parse.xctos_reload', 'XCTOS twice: 100 then 25', [op.DUP, op.XCTOS, op.DROP, op.SWAP, op.XCTOS], ok('slice', 'slice', 0), { stack_in: [C(AB)] });
vec('parse.xctos_type', 'XCTOS of a slice: type check', [op.XCTOS], err(7), SR());
vec('parse.xload_ordinary', 'XLOAD of an ordinary cell (+100)', [op.XLOAD], ok(hashIs(AB)), { stack_in: [C(AB)] });
vec('parse.xload_library', 'XLOAD of a library cell', [op.XLOAD], ok(hashIs(LIB_TARGET)), { stack_in: [C(LIB)], libs: LIBS });
vec('parse.xload_library_missing', 'XLOAD of an unknown library: cell underflow', [op.XLOAD], err(9), { stack_in: [C(LIB_MISSING)], libs: LIBS });
vec('parse.xload_pruned', 'XLOAD of a pruned branch: cell underflow', [...MK_PRUNED, op.XLOAD], err(9), PB());
vec('parse.xloadq_ordinary', 'XLOADQ of an ordinary cell: c -1', [op.XLOADQ], ok(hashIs(AB), -1), { stack_in: [C(AB)] });
vec('parse.xloadq_library', 'XLOADQ of a library cell', [op.XLOADQ], ok(hashIs(LIB_TARGET), -1), { stack_in: [C(LIB)], libs: LIBS });
vec('parse.xloadq_missing', 'XLOADQ of an unknown library: 0 only', [op.XLOADQ], ok(0), { stack_in: [C(LIB_MISSING)], libs: LIBS });
vec('parse.xloadq_merkle', 'XLOADQ of a Merkle proof: 0 only', [op.XLOADQ], ok(0), { stack_in: [C(MPROOF)] });
vec('parse.xload_v4', 'XLOAD at global version 4 returns a pruned branch unchecked', [...MK_PRUNED, op.XLOAD, op.XCTOS, op.NIP], ok(-1), { ...PB(), global_version: 4 });
vec('parse.xload_type', 'XLOAD of a slice: type check', [op.XLOAD], err(7), SR());
vec('parse.xload_library_of_library', 'XLOAD of a library whose root is a library cell returns that cell', [op.XLOAD], ok(hashIs(LIB)), { stack_in: [C(LIB_OF_LIB)], libs: LIBS });
vec('parse.xload_reload', 'XLOAD twice of the same cell: 100 then 25', [op.DUP, op.XLOAD, op.SWAP, op.XLOAD], ok(hashIs(AB), hashIs(AB)), { stack_in: [C(AB)] });
vec('parse.xctos_out_of_gas', 'out of gas in XCTOS (load charged in full)', [op.XCTOS], { exit: -14, stack: [18 + 126] }, { stack_in: [C(AB)], gas_limit: 120 });
vec('parse.ldref', 'LDREF', [op.LDREF], ok(hashIs(LEAF), sl('ABCD', 1)), SR());
vec('parse.ldref_none', 'LDREF without refs: cell underflow', [op.LDREF], err(9), { stack_in: [S(AB)] });
vec('parse.ldrefrtos', 'LDREFRTOS (+100 for the loaded ref)', [op.LDREFRTOS], ok(sl('ABCD', 1), sl('05')), SR());
vec('parse.ldrefrtos_none', 'LDREFRTOS without refs: cell underflow', [op.LDREFRTOS], err(9), { stack_in: [S(AB)] });
vec('parse.ldrefrtos_pruned', 'LDREFRTOS of a pruned ref: cell underflow', [...MK_PRUNED, op.NEWC, op.STREF, op.ENDC, op.CTOS, op.LDREFRTOS], err(9), PB());
vec('parse.ldrefrtos_type', 'LDREFRTOS of a cell: type check', [op.LDREFRTOS], err(7), { stack_in: [C(AB)] });
vec('parse.ldrefrtos_library', 'LDREFRTOS of a library ref loads the library', [op.LDREFRTOS], ok(sl(''), sl('C0FFEE', 1)), { stack_in: [S(cell('', [LIB]))], libs: LIBS });
vec('parse.ldrefrtos_out_of_gas', 'out of gas in LDREFRTOS', [op.LDREFRTOS], { exit: -14, stack: [18 + 118] }, { ...SR(), gas_limit: 100 });

// Checks and queries
vec('parse.schkbits_ok', 'SCHKBITS 16', [PUSHINT(16), op.SCHKBITS], ok(), SR());
vec('parse.schkbits_fail', 'SCHKBITS 17: cell underflow', [PUSHINT(17), op.SCHKBITS], err(9), SR());
vec('parse.schkbits_range', 'SCHKBITS 1024: range check', [PUSHINT(1024), op.SCHKBITS], err(5), SR());
vec('parse.schkrefs_ok', 'SCHKREFS 2', [PUSHINT(2), op.SCHKREFS], ok(), SR());
vec('parse.schkrefs_5', 'SCHKREFS 5: cell underflow (refs range is 0..1023)', [PUSHINT(5), op.SCHKREFS], err(9), SR());
vec('parse.schkrefs_range', 'SCHKREFS 1024: range check', [PUSHINT(1024), op.SCHKREFS], err(5), SR());
vec('parse.schkbitrefs_ok', 'SCHKBITREFS 16 2', [PUSHINT(16), PUSHINT(2), op.SCHKBITREFS], ok(), SR());
vec('parse.schkbitrefs_fail', 'SCHKBITREFS 16 3: cell underflow', [PUSHINT(16), PUSHINT(3), op.SCHKBITREFS], err(9), SR());
vec('parse.schkbitrefs_range', 'SCHKBITREFS 0 5: range check', [PUSHINT(0), PUSHINT(5), op.SCHKBITREFS], err(5), SR());
vec('parse.schkbitsq', 'SCHKBITSQ 16 / 17', [op.DUP, PUSHINT(16), op.SCHKBITSQ, op.SWAP, PUSHINT(17), op.SCHKBITSQ], ok(-1, 0), SR());
vec('parse.schkrefsq', 'SCHKREFSQ 2 / 3', [op.DUP, PUSHINT(2), op.SCHKREFSQ, op.SWAP, PUSHINT(3), op.SCHKREFSQ], ok(-1, 0), SR());
vec('parse.schkbitrefsq', 'SCHKBITREFSQ', [op.DUP, PUSHINT(16), PUSHINT(2), op.SCHKBITREFSQ, op.SWAP, PUSHINT(17), PUSHINT(0), op.SCHKBITREFSQ], ok(-1, 0), SR());
vec('parse.schkbits_underflow', 'SCHKBITS with one entry: stack underflow', [op.SCHKBITS], err(2), SR());
vec('parse.pldrefvar', 'PLDREFVAR 1', [PUSHINT(1), op.PLDREFVAR], ok(hashIs(DEEP)), SR());
vec('parse.pldrefvar_missing', 'PLDREFVAR 2: cell underflow', [PUSHINT(2), op.PLDREFVAR], err(9), SR());
vec('parse.pldrefvar_range', 'PLDREFVAR 4: range check', [PUSHINT(4), op.PLDREFVAR], err(5), SR());
vec('parse.pldrefidx', 'PLDREFIDX 0 and 1', [op.DUP, PLDREFIDX(0), op.SWAP, PLDREFIDX(1)], ok(hashIs(LEAF), hashIs(DEEP)), SR());
vec('parse.pldrefidx_3', 'PLDREFIDX 3 of four refs', [PLDREFIDX(3)], ok(hashIs(LEAF)), { stack_in: [S(FOUR_REFS)] });
vec('parse.pldrefidx_missing', 'PLDREFIDX 2 of two refs: cell underflow', [PLDREFIDX(2)], err(9), SR());
vec('parse.sbits_srefs', 'SBITS and SREFS', [op.DUP, op.SBITS, op.SWAP, op.SREFS], ok(16, 2), SR());
vec('parse.sbitrefs', 'SBITREFS of a window', [op.SBITREFS], ok(8, 1), { stack_in: [S(WITH_REFS, { bits_start: 4, bits_end: 12, refs_start: 1 })] });
vec('parse.sbits_type', 'SBITS of a builder: type check', [op.NEWC, op.SBITS], err(7));

// Little-endian loads
const LE = () => ({ stack_in: [S(LE_DATA)] });
vec('parse.ldile4', 'LDILE4', [op.LDILE4], ok(0x04030201, 'slice'), LE());
vec('parse.ldule4', 'LDULE4', [op.LDULE4], ok(0x04030201, 'slice'), LE());
vec('parse.ldile8', 'LDILE8', [op.LDILE8], ok(0x0807060504030201n, 'slice'), LE());
vec('parse.ldule8', 'LDULE8', [op.LDULE8], ok(0x0807060504030201n, 'slice'), LE());
vec('parse.ldile4_neg', 'LDILE4 of F0F1F2F3', [PUSHINT(64), op.SDSKIPFIRST, op.LDILE4], ok(-0x0c0d0e10, 'slice'), LE());
vec('parse.ldule4_high', 'LDULE4 of F0F1F2F3', [PUSHINT(64), op.SDSKIPFIRST, op.LDULE4], ok(0xf3f2f1f0, 'slice'), LE());
vec('parse.ldile8_neg', 'LDILE8 of F0..F7', [PUSHINT(64), op.SDSKIPFIRST, op.LDILE8], ok(-0x08090a0b0c0d0e10n, sl('')), LE());
vec('parse.ldule8_high', 'LDULE8 of F0..F7', [PUSHINT(64), op.SDSKIPFIRST, op.LDULE8], ok(0xf7f6f5f4f3f2f1f0n, sl('')), LE());
vec('parse.pldile4', 'PLDILE4', [op.PLDILE4], ok(0x04030201), LE());
vec('parse.pldule4', 'PLDULE4', [op.PLDULE4], ok(0x04030201), LE());
vec('parse.pldile8', 'PLDILE8', [op.PLDILE8], ok(0x0807060504030201n), LE());
vec('parse.pldule8', 'PLDULE8', [op.PLDULE8], ok(0x0807060504030201n), LE());
vec('parse.ldile4_underflow', 'LDILE4 of 16 bits: cell underflow', [op.LDILE4], err(9), { stack_in: [S(X1234)] });
vec('parse.pldule8_underflow', 'PLDULE8 of 32 bits: cell underflow', [op.PLDULE8], err(9), { stack_in: [S(cell('01020304'))] });
vec('parse.ldile4q_ok', 'LDILE4Q', [op.LDILE4Q], ok(0x04030201, 'slice', -1), LE());
vec('parse.ldule4q_fail', 'LDULE4Q of 16 bits: s 0', [op.LDULE4Q], ok(sl('1234'), 0), { stack_in: [S(X1234)] });
vec('parse.ldile8q_fail', 'LDILE8Q of 32 bits: s 0', [op.LDILE8Q], ok(sl('01020304'), 0), { stack_in: [S(cell('01020304'))] });
vec('parse.ldule8q_ok', 'LDULE8Q', [op.LDULE8Q], ok(0x0807060504030201n, 'slice', -1), LE());
vec('parse.pldile4q_fail', 'PLDILE4Q of 16 bits: 0', [op.PLDILE4Q], ok(0), { stack_in: [S(X1234)] });
vec('parse.pldule4q_ok', 'PLDULE4Q', [op.PLDULE4Q], ok(0x04030201, -1), LE());
vec('parse.pldile8q_ok', 'PLDILE8Q', [op.PLDILE8Q], ok(0x0807060504030201n, -1), LE());
vec('parse.pldule8q_fail', 'PLDULE8Q of 32 bits: 0', [op.PLDULE8Q], ok(0), { stack_in: [S(cell('01020304'))] });
vec('parse.ldile4_stack_underflow', 'LDILE4 on an empty stack: stack underflow', [op.LDILE4], err(2));

// Runs of equal bits
vec('parse.ldzeroes', 'LDZEROES of 000F', [op.LDZEROES], ok(12, sl('F')), { stack_in: [S(cell('000F'))] });
vec('parse.ldones', 'LDONES of FFF0', [op.LDONES], ok(12, sl('0')), { stack_in: [S(cell('FFF0'))] });
vec('parse.ldones_none', 'LDONES of 0F: 0', [op.LDONES], ok(0, sl('0F')), { stack_in: [S(cell('0F'))] });
vec('parse.ldzeroes_empty', 'LDZEROES of an empty slice', [op.LDZEROES], ok(0, sl('')), { stack_in: [S(EMPTY)] });
vec('parse.ldzeroes_all', 'LDZEROES of 1000 zeros', [op.LDZEROES], ok(1000, sl('')), { stack_in: [S(BITS1000)] });
vec('parse.ldsame_1', 'LDSAME 1 of E0', [PUSHINT(1), op.LDSAME], ok(3, sl('04_')), { stack_in: [S(cell('E0'))] });
vec('parse.ldsame_0', 'LDSAME 0 of E0', [PUSHINT(0), op.LDSAME], ok(0, sl('E0')), { stack_in: [S(cell('E0'))] });
vec('parse.ldsame_range', 'LDSAME 2: range check', [PUSHINT(2), op.LDSAME], err(5), { stack_in: [S(cell('E0'))] });
vec('parse.ldsame_underflow', 'LDSAME with one entry: stack underflow', [op.LDSAME], err(2), { stack_in: [S(cell('E0'))] });
vec('parse.ldzeroes_type', 'LDZEROES of a cell: type check', [op.LDZEROES], err(7), { stack_in: [C(AB)] });

// Depth, level, hashes
vec('parse.sdepth', 'SDEPTH of refs of depth 0 and 2', [op.SDEPTH], ok(3), SR());
vec('parse.sdepth_window', 'SDEPTH sees only the refs in the window', [op.SDEPTH], ok(1), { stack_in: [S(WITH_REFS, { refs_end: 1 })] });
vec('parse.sdepth_none', 'SDEPTH without refs: 0', [op.SDEPTH], ok(0), { stack_in: [S(AB)] });
vec('parse.cdepth', 'CDEPTH', [op.CDEPTH], ok(3), { stack_in: [C(WITH_REFS)] });
vec('parse.cdepth_null', 'CDEPTH of null: 0', [op.CDEPTH], ok(0), { stack_in: [NULL] });
vec('parse.cdepth_type', 'CDEPTH of a slice: type check', [op.CDEPTH], err(7), SR());
vec('parse.clevel', 'CLEVEL of ordinary and pruned cells', [...MK_PRUNED, op.CLEVEL, op.SWAP, op.CLEVEL], ok(1, 0), { stack_in: [C(AB), PRUNED_DATA] });
vec('parse.clevel_merkle', 'CLEVEL of a Merkle proof over a pruned branch', [op.CLEVEL], ok(0), { stack_in: [C(merkleProof(cell('', [PRUNED])))] });
vec('parse.clevelmask', 'CLEVELMASK', [...MK_PRUNED, op.CLEVELMASK, op.SWAP, op.CLEVELMASK], ok(1, 0), { stack_in: [C(AB), PRUNED_DATA] });
vec('parse.clevelmask_level2', 'CLEVELMASK of a cell over pruned branches of masks 1 and 3', [...MK_PRUNED, op.SWAP, ...MK_PRUNED, op.NEWC, op.STREF, op.STREF, op.ENDC, op.DUP, op.CLEVELMASK, op.SWAP, op.CLEVEL], ok(3, 2), { stack_in: [PRUNED_DATA, B(cellOf(cellBits(PRUNED2)))] });
vec('parse.clevel_v5', 'CLEVEL at global version 5: invalid opcode', [op.CLEVEL], err(6), { stack_in: [C(AB)], global_version: 5 });
vec('parse.clevel_type', 'CLEVEL of null: type check', [op.CLEVEL], err(7), { stack_in: [NULL] });
vec('parse.chashi_ordinary', 'CHASHI 0 and 3 of an ordinary cell are its hash', [op.DUP, CHASHI(0), op.SWAP, CHASHI(3)], ok(BigInt('0x' + AB.hash().toString('hex')), BigInt('0x' + AB.hash().toString('hex'))), { stack_in: [C(AB)] });
vec('parse.chashi_pruned', 'CHASHI 0 / 1 of a pruned branch', [...MK_PRUNED, op.DUP, CHASHI(0), op.SWAP, CHASHI(1)], ok(BigInt('0x' + X1234.hash().toString('hex')), BigInt('0x' + PRUNED.hash().toString('hex'))), PB());
vec('parse.cdepthi', 'CDEPTHI 0 / 1 of a cell over a pruned branch', [...MK_PRUNED, op.NEWC, op.STREF, op.ENDC, op.DUP, CDEPTHI(0), op.SWAP, CDEPTHI(1)], ok(1, 1), PB());
vec('parse.cdepthi_2', 'CDEPTHI 2 / 3', [op.DUP, CDEPTHI(2), op.SWAP, CDEPTHI(3)], ok(3, 3), { stack_in: [C(WITH_REFS)] });
vec('parse.chashix', 'CHASHIX 1 of a pruned branch', [...MK_PRUNED, PUSHINT(1), op.CHASHIX], ok(BigInt('0x' + PRUNED.hash().toString('hex'))), PB());
vec('parse.chashix_range', 'CHASHIX 4: range check', [PUSHINT(4), op.CHASHIX], err(5), { stack_in: [C(AB)] });
vec('parse.cdepthix', 'CDEPTHIX 0 of a pruned branch: its stored depth', [...MK_PRUNED, PUSHINT(0), op.CDEPTHIX], ok(0), PB());
vec('parse.cdepthix_range', 'CDEPTHIX -1: range check', [PUSHINT(-1), op.CDEPTHIX], err(5), { stack_in: [C(AB)] });
vec('parse.cdepthix_underflow', 'CDEPTHIX with one entry: stack underflow', [PUSHINT(0), op.CDEPTHIX], err(2));
vec('parse.chashi_v5', 'CHASHI at global version 5: invalid opcode', [CHASHI(0)], err(6), { stack_in: [C(AB)], global_version: 5 });
vec('parse.clevelmask_v5', 'CLEVELMASK at global version 5: invalid opcode', [op.CLEVELMASK], err(6), { stack_in: [C(AB)], global_version: 5 });
vec('parse.cdepthi_v5', 'CDEPTHI at global version 5: invalid opcode', [CDEPTHI(0)], err(6), { stack_in: [C(AB)], global_version: 5 });
vec('parse.chashix_v5', 'CHASHIX at global version 5: invalid opcode', [PUSHINT(0), op.CHASHIX], err(6), { stack_in: [C(AB)], global_version: 5 });
vec('parse.cdepthix_v5', 'CDEPTHIX at global version 5: invalid opcode', [PUSHINT(0), op.CDEPTHIX], err(6), { stack_in: [C(AB)], global_version: 5 });
vec('parse.clevel_v6', 'CLEVEL at global version 6', [op.CLEVEL], ok(0), { stack_in: [C(AB)], global_version: 6 });
vec('parse.cdepthix_v6', 'CDEPTHIX at global version 6', [PUSHINT(3), op.CDEPTHIX], ok(3), { stack_in: [C(WITH_REFS)], global_version: 6 });

// ===== compare_other =====
const two = (a, b) => ({ stack_in: [S(cell(a)), S(cell(b))] });
vec('cmp.sempty', 'SEMPTY: empty / bits / refs only', [op.SEMPTY], ok(-1), { stack_in: [S(EMPTY)] });
vec('cmp.sempty_refs', 'SEMPTY of a refs-only slice: 0', [op.SEMPTY], ok(0), { stack_in: [S(WITH_REFS, { bits_start: 16 })] });
vec('cmp.sdempty', 'SDEMPTY of a refs-only slice: -1', [op.SDEMPTY], ok(-1), { stack_in: [S(WITH_REFS, { bits_start: 16 })] });
vec('cmp.sdempty_bits', 'SDEMPTY with bits: 0', [op.SDEMPTY], ok(0), SR());
vec('cmp.srempty', 'SREMPTY of bits only: -1', [op.SREMPTY], ok(-1), { stack_in: [S(AB)] });
vec('cmp.srempty_refs', 'SREMPTY with refs: 0', [op.SREMPTY], ok(0), SR());
vec('cmp.sdfirst', 'SDFIRST of 8... / 0... / empty', [op.SDFIRST], ok(-1), { stack_in: [S(cell('8'))] });
vec('cmp.sdfirst_zero', 'SDFIRST of 7: 0', [op.SDFIRST], ok(0), { stack_in: [S(cell('7'))] });
vec('cmp.sdfirst_empty', 'SDFIRST of an empty slice: 0', [op.SDFIRST], ok(0), { stack_in: [S(EMPTY)] });
vec('cmp.sempty_type', 'SEMPTY of a cell: type check', [op.SEMPTY], err(7), { stack_in: [C(EMPTY)] });
vec('cmp.sempty_underflow', 'SEMPTY on an empty stack: stack underflow', [op.SEMPTY], err(2));
vec('cmp.sdlexcmp_less', 'SDLEXCMP AB < AC', [op.SDLEXCMP], ok(-1), two('AB', 'AC'));
vec('cmp.sdlexcmp_greater', 'SDLEXCMP B > AF', [op.SDLEXCMP], ok(1), two('B', 'AF'));
vec('cmp.sdlexcmp_equal', 'SDLEXCMP equal bits, different refs', [op.SDLEXCMP], ok(0), { stack_in: [S(cell('AB')), S(cell('AB', [LEAF]))] });
vec('cmp.sdlexcmp_prefix', 'SDLEXCMP A < AB (prefix first)', [op.SDLEXCMP], ok(-1), two('A', 'AB'));
vec('cmp.sdlexcmp_longer', 'SDLEXCMP AB0 > AB', [op.SDLEXCMP], ok(1), two('AB0', 'AB'));
vec('cmp.sdlexcmp_empty', 'SDLEXCMP empty vs empty', [op.SDLEXCMP], ok(0), two('', ''));
vec('cmp.sdlexcmp_underflow', 'SDLEXCMP with one entry: stack underflow', [op.SDLEXCMP], err(2), { stack_in: [S(AB)] });
vec('cmp.sdeq_true', 'SDEQ ignores refs', [op.SDEQ], ok(-1), { stack_in: [S(cell('AB', [LEAF])), S(cell('AB'))] });
vec('cmp.sdeq_false', 'SDEQ A vs AB', [op.SDEQ], ok(0), two('A', 'AB'));
vec('cmp.sdeq_long', 'SDEQ of 1023-bit slices from different windows', [op.SDEQ], ok(-1), { stack_in: [S(BITS1023, { bits_start: 3 }), S(BITS1023, { bits_end: 1020 })] });
vec('cmp.sdeq_type', 'SDEQ with a builder: type check', [op.NEWC, op.SDEQ], err(7), { stack_in: [S(AB)] });
const cmpCase = (name, a, b, want) => vec(`cmp.${name.toLowerCase()}_${a || 'e'}_${b || 'e'}`, `${name} ${a || '(empty)'} ${b || '(empty)'}`, [op[name]], ok(want), two(a, b));
// Prefix and suffix tests: the instruction -> its cases [a, b, result] (a below b on the stack).
const CMP_CASES = {
    SDPFX: [['A', 'AB', -1], ['AB', 'AB', -1], ['AB', 'A', 0], ['B', 'AB', 0], ['', 'AB', -1]],
    SDPFXREV: [['AB', 'A', -1], ['A', 'AB', 0]],
    SDPPFX: [['A', 'AB', -1], ['AB', 'AB', 0], ['', '', 0]],
    SDPPFXREV: [['AB', 'A', -1], ['AB', 'AB', 0]],
    SDSFX: [['B', 'AB', -1], ['AB', 'AB', -1], ['A', 'AB', 0], ['AB', 'B', 0], ['', 'AB', -1]],
    SDSFXREV: [['AB', 'B', -1], ['B', 'AB', 0]],
    SDPSFX: [['B', 'AB', -1], ['AB', 'AB', 0]],
    SDPSFXREV: [['AB', 'B', -1], ['AB', 'AB', 0], ['', 'AB', 0]],
};
for (const [name, cases] of Object.entries(CMP_CASES)) for (const [a, b, want] of cases) cmpCase(name, a, b, want);
vec('cmp.sdsfx_unaligned', 'SDSFX of bit windows at odd offsets', [op.SDSFX], ok(-1), { stack_in: [S(cell('ABCDEF'), { bits_start: 13, bits_end: 21 }), S(cell('0ABCDEF0'), { bits_start: 1, bits_end: 25 })] });
vec('cmp.sdpfx_unaligned', 'SDPFX of bit windows at odd offsets', [op.SDPFX], ok(-1), { stack_in: [S(cell('ABCDEF'), { bits_start: 3, bits_end: 11 }), S(cell('ABCDEF0'), { bits_start: 3, bits_end: 25 })] });
vec('cmp.sdpfx_underflow', 'SDPFX with one entry: stack underflow', [op.SDPFX], err(2), { stack_in: [S(AB)] });
vec('cmp.sdcntlead0', 'SDCNTLEAD0 of 0F', [op.SDCNTLEAD0], ok(4), { stack_in: [S(cell('0F'))] });
vec('cmp.sdcntlead0_all', 'SDCNTLEAD0 of 1000 zeros', [op.SDCNTLEAD0], ok(1000), { stack_in: [S(BITS1000)] });
vec('cmp.sdcntlead1', 'SDCNTLEAD1 of FE', [op.SDCNTLEAD1], ok(7), { stack_in: [S(cell('FE'))] });
vec('cmp.sdcntlead1_empty', 'SDCNTLEAD1 of an empty slice', [op.SDCNTLEAD1], ok(0), { stack_in: [S(EMPTY)] });
vec('cmp.sdcnttrail0', 'SDCNTTRAIL0 of A0', [op.SDCNTTRAIL0], ok(5), { stack_in: [S(cell('A0'))] });
vec('cmp.sdcnttrail1', 'SDCNTTRAIL1 of 1023 ones from bit 3', [op.SDCNTTRAIL1], ok(1020), { stack_in: [S(BITS1023, { bits_start: 3 })] });
vec('cmp.sdcnttrail1_none', 'SDCNTTRAIL1 of FE: 0', [op.SDCNTTRAIL1], ok(0), { stack_in: [S(cell('FE'))] });
vec('cmp.sdcnt_type', 'SDCNTLEAD0 of an int: type check', [PUSHINT(0), op.SDCNTLEAD0], err(7));

// ---------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------
function checkWant(v, r) {
    const errs = [];
    if (r.exit_code !== v.want.exit) errs.push(`exit ${r.exit_code} (want ${v.want.exit})`);
    if (v.want.stack !== undefined && !matchStack(r.stack, v.want.stack)) {
        errs.push(`stack ${JSON.stringify(r.stack.map((x) => x.value ?? x.content_hex ?? (x.type === 'builder' ? `b:${x.bits}/${x.refs}` : x.type)))}`);
    }
    return errs;
}

const DESCRIPTION =
    'Cell building, parsing and slice comparison instructions (cp0 categories cell_build, cell_parse, compare_other) with exit code, gas, stack and c4/c5 as produced by the reference C++ TVM. Every program starts with DROP of the int32 sentinel on top of stack_in (exact raw entry). Optional per-vector fields: global_version (config param 8 for the run), libs (BoC of the HashmapE 256 ^Cell library collection). See README.md.';
await generateSentinelFile(import.meta.url, OUT, V, checkWant, DESCRIPTION);
