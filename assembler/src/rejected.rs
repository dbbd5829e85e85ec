//! Bytes the reference TVM decodes but rejects when it runs them (errata.json,
//! `operand_restrictions`): `XCHG_IJ` with i = 0, `HASHEXT` hash ids 5..254,
//! and division-family opcodes with rounding mode 3. They have no mnemonic
//! (the assembler never writes them), so the disassembler keeps them as
//! `.invalid` bits, naming what the reference reads there in a comment and
//! decoding on after them, as the reference does.

use gram_cells::CellSlice;

/// A run-time-rejected instruction at the front of a code slice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// Its length in bits (no refs).
    pub bits: usize,
    /// What the reference decodes, e.g. `XCHG_IJ s0 s3`.
    pub text: String,
}

/// High nibbles of the byte after `A9` (or quiet `B7A9`) that select a
/// division-family group, and whether a shift byte follows.
fn division_group(high: u32) -> Option<bool> {
    match high {
        0x0 | 0x2 | 0x8 | 0xA | 0xC => Some(false),
        0x3 | 0xB | 0xD => Some(true),
        _ => None,
    }
}

/// Recognises a run-time-rejected instruction at the front of `code`.
pub fn decode_rejected(code: &CellSlice) -> Option<Rejected> {
    let rem = code.remaining_bits();
    let peek = |bits: usize| code.get_uint(0, bits).ok().map(|v| v as u32);
    if rem >= 16 {
        let op = peek(16)?;
        if op & 0xFFF0 == 0x1000 {
            return Some(Rejected { bits: 16, text: format!("XCHG_IJ s0 s{}", op & 0xF) });
        }
        // Quiet division: B7 A9 yy [tt].
        if op == 0xB7A9 && rem >= 24 {
            return division(code, 16, "B7A9");
        }
        if op >> 8 == 0xA9 {
            return division(code, 8, "A9");
        }
    }
    if rem >= 24 {
        let op = peek(24)?;
        let id = op & 0xFF;
        let name = match op >> 8 {
            0xF904 => "HASHEXT",
            0xF905 => "HASHEXTR",
            0xF906 => "HASHEXTA",
            0xF907 => "HASHEXTAR",
            _ => return None,
        };
        if (5..=254).contains(&id) {
            return Some(Rejected { bits: 24, text: format!("{name} hash id {id}") });
        }
    }
    None
}

/// A division-family byte `yy` after `prefix_bits` of prefix, rejected when its rounding mode is 3.
fn division(code: &CellSlice, prefix_bits: usize, prefix: &str) -> Option<Rejected> {
    let y = code.get_uint(prefix_bits, 8).ok()? as u32;
    let with_shift = division_group(y >> 4)?;
    // The reference has no quiet forms with a shift byte at all (its opcode
    // table dispatches on 24 bits), so those stay plain invalid opcodes.
    if with_shift && prefix_bits > 8 {
        return None;
    }
    if y & 3 != 3 {
        return None;
    }
    let bits = prefix_bits + 8 + if with_shift { 8 } else { 0 };
    (code.remaining_bits() >= bits)
        .then(|| Rejected { bits, text: format!("division {prefix}{y:02X} with rounding mode 3") })
}
