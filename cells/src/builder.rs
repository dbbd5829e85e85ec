//! `CellBuilder`: appends bits and refs, then finalises into a `Cell`.

use num_bigint::{BigInt, BigUint, Sign};

use crate::bits;
use crate::cell::{Cell, MAX_BITS, MAX_REFS};
use crate::error::{CellError, CellResult};
use crate::slice::CellSlice;

/// A cell under construction: up to 1023 bits and 4 refs.
#[derive(Clone, Default)]
pub struct CellBuilder {
    data: Data,
    bit_len: u16,
    refs: [Option<Cell>; MAX_REFS],
    ref_count: u8,
}

#[derive(Clone, Copy)]
struct Data([u8; 128]);

impl Default for Data {
    fn default() -> Self {
        Data([0; 128])
    }
}

impl CellBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Bits stored so far.
    #[inline]
    pub fn bit_len(&self) -> usize {
        self.bit_len as usize
    }

    /// Refs stored so far.
    #[inline]
    pub fn ref_count(&self) -> usize {
        self.ref_count as usize
    }

    /// Bits that still fit.
    #[inline]
    pub fn spare_bits(&self) -> usize {
        MAX_BITS - self.bit_len as usize
    }

    /// Refs that still fit.
    #[inline]
    pub fn spare_refs(&self) -> usize {
        MAX_REFS - self.ref_count as usize
    }

    /// The data bytes stored so far (unused low bits of the last byte are zero).
    pub fn data(&self) -> &[u8] {
        &self.data.0[..self.bit_len().div_ceil(8)]
    }

    /// The refs stored so far.
    pub fn references(&self) -> impl Iterator<Item = &Cell> + '_ {
        self.refs[..self.ref_count()].iter().flatten()
    }

    /// Whether `bits` more bits and `refs` more refs fit.
    #[inline]
    pub fn can_store(&self, bits: usize, refs: usize) -> bool {
        bits <= self.spare_bits() && refs <= self.spare_refs()
    }

    #[inline]
    fn reserve_bits(&mut self, bits: usize) -> CellResult<usize> {
        if bits > self.spare_bits() {
            return Err(CellError::Overflow);
        }
        let at = self.bit_len as usize;
        self.bit_len += bits as u16;
        Ok(at)
    }

    /// Appends one bit.
    pub fn store_bit(&mut self, bit: bool) -> CellResult<&mut Self> {
        let at = self.reserve_bits(1)?;
        if bit {
            self.data.0[at / 8] |= 0x80 >> (at % 8);
        }
        Ok(self)
    }

    /// Appends `bits` zero bits.
    pub fn store_zeros(&mut self, bits: usize) -> CellResult<&mut Self> {
        self.reserve_bits(bits)?;
        Ok(self)
    }

    /// Appends `bits` one bits.
    pub fn store_ones(&mut self, bits: usize) -> CellResult<&mut Self> {
        let mut at = self.reserve_bits(bits)?;
        let end = at + bits;
        while at < end {
            let chunk = (end - at).min(64) as u32;
            bits::write_u64(&mut self.data.0, at, chunk, u64::MAX);
            at += chunk as usize;
        }
        Ok(self)
    }

    /// Appends `value` as an unsigned integer of `bits` bits (any width up
    /// to 1023; widths above 64 are zero-padded on the left).
    pub fn store_uint(&mut self, value: u64, bits: usize) -> CellResult<&mut Self> {
        if bits < 64 && value >> bits != 0 {
            return Err(CellError::IntOutOfRange);
        }
        if bits > self.spare_bits() {
            return Err(CellError::Overflow);
        }
        let pad = bits.saturating_sub(64);
        self.store_zeros(pad)?;
        let at = self.reserve_bits(bits - pad)?;
        bits::write_u64(&mut self.data.0, at, (bits - pad) as u32, value);
        Ok(self)
    }

    /// Appends `value` as a signed (two's complement) integer of `bits` bits.
    pub fn store_int(&mut self, value: i64, bits: usize) -> CellResult<&mut Self> {
        if bits == 0 {
            return if value == 0 { Ok(self) } else { Err(CellError::IntOutOfRange) };
        }
        if bits < 64 {
            let min = -(1i64 << (bits - 1));
            if value < min || value > -(min + 1) {
                return Err(CellError::IntOutOfRange);
            }
        }
        if bits > self.spare_bits() {
            return Err(CellError::Overflow);
        }
        let pad = bits.saturating_sub(64);
        if value < 0 {
            self.store_ones(pad)?;
        } else {
            self.store_zeros(pad)?;
        }
        let at = self.reserve_bits(bits - pad)?;
        bits::write_u64(&mut self.data.0, at, (bits - pad) as u32, value as u64);
        Ok(self)
    }

    /// Appends a byte.
    pub fn store_u8(&mut self, value: u8) -> CellResult<&mut Self> {
        self.store_uint(value as u64, 8)
    }

    /// Appends a 16-bit big-endian integer.
    pub fn store_u16(&mut self, value: u16) -> CellResult<&mut Self> {
        self.store_uint(value as u64, 16)
    }

    /// Appends a 32-bit big-endian integer.
    pub fn store_u32(&mut self, value: u32) -> CellResult<&mut Self> {
        self.store_uint(value as u64, 32)
    }

    /// Appends a 64-bit big-endian integer.
    pub fn store_u64(&mut self, value: u64) -> CellResult<&mut Self> {
        self.store_uint(value, 64)
    }

    /// Appends a 256-bit hash or key.
    pub fn store_u256(&mut self, value: &[u8; 32]) -> CellResult<&mut Self> {
        self.store_raw(value, 256)
    }

    /// Appends the first `bits` bits of `data`.
    pub fn store_raw(&mut self, data: &[u8], bits: usize) -> CellResult<&mut Self> {
        if data.len() * 8 < bits {
            return Err(CellError::Underflow);
        }
        let at = self.reserve_bits(bits)?;
        bits::copy_bits(&mut self.data.0, at, data, 0, bits);
        Ok(self)
    }

    /// Appends a big unsigned integer in `bits` bits.
    pub fn store_big_uint(&mut self, value: &BigUint, bits: usize) -> CellResult<&mut Self> {
        if value.bits() as usize > bits {
            return Err(CellError::IntOutOfRange);
        }
        if bits > self.spare_bits() {
            return Err(CellError::Overflow);
        }
        let bytes = value.to_bytes_be();
        let value_bits = bytes.len() * 8;
        if value_bits >= bits {
            // Leading zero bits of the first byte are dropped.
            let skip = value_bits - bits;
            let at = self.reserve_bits(bits)?;
            bits::copy_bits(&mut self.data.0, at, &bytes, skip, bits);
        } else {
            self.store_zeros(bits - value_bits)?;
            self.store_raw(&bytes, value_bits)?;
        }
        Ok(self)
    }

    /// Appends a big signed integer (two's complement) in `bits` bits.
    pub fn store_big_int(&mut self, value: &BigInt, bits: usize) -> CellResult<&mut Self> {
        if bits == 0 {
            return if value.sign() == Sign::NoSign { Ok(self) } else { Err(CellError::IntOutOfRange) };
        }
        let limit = BigInt::from(1) << (bits - 1);
        if *value >= limit || *value < -&limit {
            return Err(CellError::IntOutOfRange);
        }
        let unsigned = if value.sign() == Sign::Minus { value + (limit << 1) } else { value.clone() };
        self.store_big_uint(&unsigned.magnitude().clone(), bits)
    }

    /// Appends `VarUInteger n` where `len_bits` = bits of the byte-length prefix
    /// (4 for Coins / `VarUInteger 16`, 5 for `VarUInteger 32`).
    pub fn store_var_uint(&mut self, value: &BigUint, len_bits: usize) -> CellResult<&mut Self> {
        let byte_len = (value.bits() as usize).div_ceil(8);
        if byte_len >= 1 << len_bits {
            return Err(CellError::IntOutOfRange);
        }
        if len_bits + byte_len * 8 > self.spare_bits() {
            return Err(CellError::Overflow);
        }
        self.store_uint(byte_len as u64, len_bits)?;
        self.store_big_uint(value, byte_len * 8)
    }

    /// Appends an amount of nanotons as `Coins` (`VarUInteger 16`).
    pub fn store_coins(&mut self, value: u128) -> CellResult<&mut Self> {
        let byte_len = (128 - value.leading_zeros() as usize).div_ceil(8);
        if byte_len > 15 {
            return Err(CellError::IntOutOfRange);
        }
        if 4 + byte_len * 8 > self.spare_bits() {
            return Err(CellError::Overflow);
        }
        self.store_uint(byte_len as u64, 4)?;
        let bytes = value.to_be_bytes();
        self.store_raw(&bytes[16 - byte_len..], byte_len * 8)
    }

    /// Appends a ref.
    pub fn store_reference(&mut self, cell: Cell) -> CellResult<&mut Self> {
        if self.ref_count as usize >= MAX_REFS {
            return Err(CellError::Overflow);
        }
        self.refs[self.ref_count as usize] = Some(cell);
        self.ref_count += 1;
        Ok(self)
    }

    /// Appends the remaining bits and refs of a slice.
    pub fn store_slice(&mut self, slice: &CellSlice) -> CellResult<&mut Self> {
        if !self.can_store(slice.remaining_bits(), slice.remaining_refs()) {
            return Err(CellError::Overflow);
        }
        let at = self.reserve_bits(slice.remaining_bits())?;
        bits::copy_bits(&mut self.data.0, at, slice.cell().data_buffer(), slice.bit_offset(), slice.remaining_bits());
        for i in 0..slice.remaining_refs() {
            let r = slice.preload_reference(i)?;
            self.store_reference(r)?;
        }
        Ok(self)
    }

    /// Appends the bits of a slice only (no refs).
    pub fn store_slice_bits(&mut self, slice: &CellSlice) -> CellResult<&mut Self> {
        let at = self.reserve_bits(slice.remaining_bits())?;
        bits::copy_bits(&mut self.data.0, at, slice.cell().data_buffer(), slice.bit_offset(), slice.remaining_bits());
        Ok(self)
    }

    /// Appends everything another builder holds.
    pub fn store_builder(&mut self, other: &CellBuilder) -> CellResult<&mut Self> {
        if !self.can_store(other.bit_len(), other.ref_count()) {
            return Err(CellError::Overflow);
        }
        let at = self.reserve_bits(other.bit_len())?;
        bits::copy_bits(&mut self.data.0, at, &other.data.0, 0, other.bit_len());
        for r in other.references() {
            self.store_reference(r.clone())?;
        }
        Ok(self)
    }

    /// Finalises into an ordinary cell.
    pub fn build(&self) -> CellResult<Cell> {
        self.finalize(false)
    }

    /// Finalises into an exotic cell (the type comes from the first byte).
    pub fn build_exotic(&self) -> CellResult<Cell> {
        self.finalize(true)
    }

    /// Finalises into a cell, exotic or not.
    pub fn finalize(&self, exotic: bool) -> CellResult<Cell> {
        Cell::from_parts(&self.data.0, self.bit_len(), self.refs.clone(), exotic)
    }

    /// Finalises into a cell, consuming the builder (no ref clones).
    pub fn into_cell(self, exotic: bool) -> CellResult<Cell> {
        Cell::from_parts(&self.data.0, self.bit_len(), self.refs, exotic)
    }
}

impl std::fmt::Debug for CellBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CellBuilder(bits={} refs={} data={})", self.bit_len, self.ref_count, hex::encode(self.data()))
    }
}
