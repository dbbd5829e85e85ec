// Bit strings for the vector generators: a bit string is a JS string of '0'
// and '1'. Conversions to and from hex (plain and Fift-style with the '_'
// completion tag) and fixed-width integer fields. No dependencies.

/** Plain hex ("A5") -> bit string, four bits a digit. */
export const hexBits = (hex) => [...hex].map((c) => parseInt(c, 16).toString(2).padStart(4, '0')).join('');

/** Fift-style hex ("AB", "A_" = bits 101): a trailing '_' drops the last 1 bit and the 0s after it. */
export function fiftBits(fhex) {
    let bits = hexBits(fhex.replace('_', ''));
    if (fhex.endsWith('_')) bits = bits.replace(/10*$/, '');
    return bits;
}

/** x as an n-bit unsigned field; throws if it does not fit. */
export function uBits(x, n) {
    const v = BigInt(x);
    if (v < 0n || v >= 1n << BigInt(n)) throw new Error(`${x} does not fit in ${n} unsigned bits`);
    return n === 0 ? '' : v.toString(2).padStart(n, '0');
}

/** x as an n-bit two's complement field; throws if it does not fit. */
export function sBits(x, n) {
    const v = BigInt(x);
    const lim = 1n << BigInt(n - 1);
    if (v < -lim || v >= lim) throw new Error(`${x} does not fit in ${n} signed bits`);
    return (v < 0n ? (1n << BigInt(n)) + v : v).toString(2).padStart(n, '0');
}

/** Bit string -> Fift-style upper-case hex, with the '_' tag when the length is not a multiple of 4. */
export function bitsToHex(bits) {
    let b = bits;
    let tag = '';
    if (b.length % 4 !== 0) {
        b += '1';
        while (b.length % 4 !== 0) b += '0';
        tag = '_';
    }
    let s = '';
    for (let i = 0; i < b.length; i += 4) s += parseInt(b.slice(i, i + 4), 2).toString(16);
    return s.toUpperCase() + tag;
}

/** Bytes (Buffer or array of numbers) -> bit string. */
export const bytesBits = (buf) => [...buf].map((x) => uBits(x, 8)).join('');

/** The data bits of a @ton/core cell as a bit string. */
export function cellBits(cell) {
    let s = '';
    for (let i = 0; i < cell.bits.length; i++) s += cell.bits.at(i) ? '1' : '0';
    return s;
}
