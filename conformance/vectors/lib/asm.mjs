// A tiny TVM assembler shared by the vector generators. An instruction is
// {bits, asm, refs}: its encoding as a bit string, its assembly text, and the
// programs it references. Only the encodings several generators need live
// here; each generator adds its own family's instructions with `ins`.

import { hexBits, fiftBits, uBits, sBits, bitsToHex } from './bits.mjs';

/** One instruction (or raw bits) with its assembly text and referenced programs. */
export const ins = (bits, asm, refs = []) => ({ bits, asm, refs });

/** An instruction given as plain hex. */
export const hx = (hex, asm = `x{${hex}}`) => ins(hexBits(hex), asm);

/** Several instructions as one: bits and refs concatenated, assembly joined with "; ". */
export function join(instrs) {
    return {
        bits: instrs.map((i) => i.bits).join(''),
        refs: instrs.flatMap((i) => i.refs),
        asm: instrs.map((i) => i.asm).join('; '),
    };
}

/** Checks that joined instructions fit in one cell; returns them. */
export function fitsOneCell(j) {
    if (j.bits.length > 1023) throw new Error(`program too long for one cell: ${j.asm}`);
    if (j.refs.length > 4) throw new Error(`too many refs: ${j.asm}`);
    return j;
}

/** A program (one cell, maybe with refs) as a cell spec {hex, refs, asm} for the oracle's parseCellSpec. */
export function specProg(...instrs) {
    const j = fitsOneCell(join(instrs));
    return { hex: bitsToHex(j.bits), refs: j.refs, asm: j.asm };
}

/** A specProg result (with nested programs as refs) as a plain cell spec {hex, refs}. */
export const cellSpec = (p) => ({ hex: p.hex, refs: (p.refs ?? []).map(cellSpec) });

/** `op.NAME` gives the fixed instruction NAME of this table (name -> hex); unknown names throw. */
export function opTable(table) {
    return new Proxy(
        {},
        {
            get(_, name) {
                if (!(name in table)) throw new Error(`unknown op ${String(name)}`);
                return hx(table[name], name);
            },
        },
    );
}

/** The largest and smallest 257-bit integers. */
export const MAXINT = (1n << 256n) - 1n;
export const MININT = -(1n << 256n);

/** PUSHINT in its shortest form: 7i, 80xx, 81xxxx, or 82 with a length. */
export function PUSHINT(x) {
    const v = BigInt(x);
    const asm = `PUSHINT ${v}`;
    if (v >= -5n && v <= 10n) return ins('0111' + uBits(((v % 16n) + 16n) % 16n, 4), asm); // 7i: i = x mod 16
    if (v >= -128n && v <= 127n) return ins(hexBits('80') + sBits(v, 8), asm);
    if (v >= -32768n && v <= 32767n) return ins(hexBits('81') + sBits(v, 16), asm);
    for (let l = 0; l <= 30; l++) {
        const n = 8 * l + 19;
        const lim = 1n << BigInt(n - 1);
        if (v >= -lim && v < lim) return ins(hexBits('82') + uBits(l, 5) + sBits(v, n), asm);
    }
    throw new Error(`PUSHINT ${v} out of range`);
}

/** PUSH s(i): the short form 2i up to s15, the long form 56ii above. */
export const PUSH = (i) => (i <= 15 ? ins('0010' + uBits(i, 4), `PUSH s${i}`) : ins(hexBits('56') + uBits(i, 8), `PUSH s${i}`));

/** TUPLE n (6F0n): packs the top n values into a tuple. */
export const TUPLE = (n) => ins(hexBits('6F0') + uBits(n, 4), `TUPLE ${n}`);

/** STU n (CBxx): stores an n-bit unsigned integer, n = 1..256. */
export const STU = (n) => ins(hexBits('CB') + uBits(n - 1, 8), `STU ${n}`);

/** An instruction of an 8-bit prefix and two 4-bit operands, written `NAME a,b`. */
export const nibbles = (prefix, a, b, name) => ins(hexBits(prefix) + uBits(a, 4) + uBits(b, 4), `${name} ${a},${b}`);

/** The optional argument count of SETCONTARGS / BLESSARGS / CALLCCARGS: -1 is encoded as 15. */
export const optNargs = (n) => (n < 0 ? 15 : n);

/** CALLXARGS p,r (DApr). */
export const CALLXARGS = (p, r) => nibbles('DA', p, r, 'CALLXARGS');

/** SETCONTARGS r,n (ECrn; n = -1 for "no change"). */
export const SETCONTARGS = (r, n) => ({ ...nibbles('EC', r, optNargs(n), 'SETCONTARGS'), asm: `SETCONTARGS ${r},${n}` });

/** BLESSARGS r,n (EErn; n = -1 for "any"). */
export const BLESSARGS = (r, n) => ({ ...nibbles('EE', r, optNargs(n), 'BLESSARGS'), asm: `BLESSARGS ${r},${n}` });

/**
 * An instruction family with one unsigned immediate: the prefix (a bit string), then the operand in
 * `width` bits; written `NAME n` followed by suffix.
 */
export const immOp = (prefix, width, name, suffix = '') => (n) => ins(prefix + uBits(n, width), `${name} ${n}${suffix}`);

/**
 * One instruction helper per entry of table (name -> prefix), made by make(prefix, name), e.g.
 * `const { SAVE, SAVEALT } = opFamily(ctrOp, { SAVE: 'EDA', SAVEALT: 'EDB' })`.
 */
export const opFamily = (make, table) => Object.fromEntries(Object.entries(table).map(([name, prefix]) => [name, make(prefix, name)]));

/** A control-register instruction family: a 12-bit prefix and the register number, written `NAME ci`. */
export const ctrOp = (prefix, name) => (i) => ins(hexBits(prefix) + uBits(i, 4), `${name} c${i}`);

/** PUSH ci (ED4i), POP ci (ED5i), SETCONTCTR ci (ED6i). */
export const PUSHCTR = ctrOp('ED4', 'PUSH');
export const POPCTR = ctrOp('ED5', 'POP');
export const SETCONTCTR = ctrOp('ED6', 'SETCONTCTR');

/** BLKDROP n (5F0n). */
export const BLKDROP = (n) => ins(hexBits('5F0') + uBits(n, 4), `BLKDROP ${n}`);

/** PUSHSLICE (short form 8B) of raw bits given as Fift-style hex. */
export function PUSHSLICE(fhex) {
    const bits = fiftBits(fhex);
    const x = Math.max(0, Math.ceil((bits.length + 1 - 4) / 8));
    if (x > 15) throw new Error('PUSHSLICE: too long for the short form');
    let data = bits + '1';
    while (data.length < 8 * x + 4) data += '0';
    return ins(hexBits('8B') + uBits(x, 4) + data, `PUSHSLICE x{${fhex}}`);
}

/** PUSHREF / PUSHREFSLICE / PUSHREFCONT of a program (the program becomes a ref of the code cell). */
export const PUSHREF = (p) => ins(hexBits('88'), `PUSHREF {${p.asm ?? p.hex}}`, [p]);
export const PUSHREFSLICE = (p) => ins(hexBits('89'), `PUSHREFSLICE {${p.asm ?? p.hex}}`, [p]);
export const PUSHREFCONT = (p) => ins(hexBits('8A'), `PUSHREFCONT {${p.asm}}`, [p]);

/** PUSHCONT of inline instructions: 9x for up to 15 bytes without refs, else 8F_. The body must be whole bytes. */
export function PUSHCONT(...body) {
    const j = join(body);
    if (j.bits.length % 8 !== 0) throw new Error(`PUSHCONT body must be byte-aligned here: ${j.asm}`);
    const n = j.bits.length / 8;
    const asm = `PUSHCONT {${j.asm}}`;
    if (j.refs.length === 0 && n <= 15) return ins('1001' + uBits(n, 4) + j.bits, asm);
    return ins('1000111' + uBits(j.refs.length, 2) + uBits(n, 7) + j.bits, asm, j.refs);
}
