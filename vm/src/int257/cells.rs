//! Storing `Int257` into builders and loading it from slices (`STI`/`STU`,
//! `LDI`/`LDU` and their `X` forms), big-endian two's complement.

use gram_cells::{CellBuilder, CellError, CellSlice};

use super::Int257;

impl Int257 {
    /// Appends the value as a `bits`-bit integer, signed (two's complement)
    /// or unsigned.
    ///
    /// Checks in the reference's order (`exec_store_int_common`): first
    /// room in the builder ([`CellError::Overflow`], TVM exit 8), then the
    /// range ([`CellError::IntOutOfRange`], exit 5: the value must satisfy
    /// [`Int257::fits_signed`] / [`Int257::fits_unsigned`] for `bits`, so
    /// 0 bits store only 0). Nothing is written on error.
    pub fn store_to(&self, b: &mut CellBuilder, bits: usize, signed: bool) -> Result<(), CellError> {
        if bits > b.spare_bits() {
            return Err(CellError::Overflow);
        }
        let width = u32::try_from(bits).unwrap_or(u32::MAX);
        let fits = if signed { self.fits_signed(width) } else { self.fits_unsigned(width) };
        if !fits {
            return Err(CellError::IntOutOfRange);
        }
        let limbs = self.limbs();
        if bits <= 64 {
            let mask = if bits == 64 { u64::MAX } else { (1u64 << bits) - 1 };
            b.store_uint(limbs[0] & mask, bits)?;
            return Ok(());
        }
        // Wider than the five limbs: the extra high bits are sign bits.
        let mut rest = bits;
        if rest > 320 {
            let pad = rest - 320;
            if self.is_negative() {
                b.store_ones(pad)?;
            } else {
                b.store_zeros(pad)?;
            }
            rest = 320;
        }
        // Then the low `rest` bits, most significant limb first.
        while rest > 0 {
            let limb = (rest - 1) / 64;
            let len = rest - limb * 64;
            let mask = if len == 64 { u64::MAX } else { (1u64 << len) - 1 };
            b.store_uint(limbs[limb] & mask, len)?;
            rest -= len;
        }
        Ok(())
    }

    /// Reads a `bits`-bit integer, signed or unsigned, and advances the slice.
    ///
    /// `bits` may be up to 257 when signed and 256 when unsigned (the
    /// limits of `LDI`/`LDU`/`LDIX`/`LDUX`); wider is
    /// [`CellError::IntOutOfRange`]. Too few bits left is
    /// [`CellError::Underflow`]. The slice is unchanged on error.
    pub fn load_from(s: &mut CellSlice, bits: usize, signed: bool) -> Result<Int257, CellError> {
        let max = if signed { 257 } else { 256 };
        if bits > max {
            return Err(CellError::IntOutOfRange);
        }
        if bits > s.remaining_bits() {
            return Err(CellError::Underflow);
        }
        if bits <= 64 {
            let raw = s.load_uint(bits)?;
            return Ok(if signed {
                Int257::from_i64(gram_cells::sign_extend(raw, bits))
            } else {
                Int257::from_u64(raw)
            });
        }
        // Read the most significant chunk (1..=64 bits) first, then whole
        // 64-bit limbs; limb i holds bits [64 i, 64 i + 64) of the value.
        let mut limbs = [0u64; 5];
        let mut rest = bits;
        let mut offset = 0;
        while rest > 0 {
            let limb = (rest - 1) / 64;
            let len = rest - limb * 64;
            limbs[limb] = s.get_uint(offset, len)?;
            offset += len;
            rest -= len;
        }
        s.skip_bits(bits)?;
        let top_bit = (limbs[(bits - 1) / 64] >> ((bits - 1) % 64)) & 1 == 1;
        if signed && top_bit {
            // Sign-extend above bit `bits - 1`.
            let (limb, bit) = ((bits - 1) / 64, (bits - 1) % 64);
            if bit < 63 {
                limbs[limb] |= u64::MAX << (bit + 1);
            }
            for l in limbs.iter_mut().skip(limb + 1) {
                *l = u64::MAX;
            }
        }
        Ok(Int257::from_limbs_unchecked(limbs))
    }
}
