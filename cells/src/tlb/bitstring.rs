//! `BitString`: an owned string of bits, for TL-B fields of variable bit
//! length (`bits n`) such as `addr_var` and `addr_extern` addresses.

use std::fmt;

use crate::{bits_to_tagged_hex, CellBuilder, CellSlice};

use super::TlbError;

/// An owned bit string. Bits are packed big-endian from the first byte;
/// unused low bits of the last byte are always zero, so equal strings
/// compare equal.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct BitString {
    data: Vec<u8>,
    bit_len: usize,
}

impl BitString {
    /// The first `bit_len` bits of `data`.
    pub fn new(data: &[u8], bit_len: usize) -> Result<Self, TlbError> {
        if data.len() * 8 < bit_len {
            return Err(TlbError::InvalidData { ty: "BitString", reason: "fewer data bytes than bits" });
        }
        let mut out = BitString { data: data[..bit_len.div_ceil(8)].to_vec(), bit_len };
        out.clear_tail();
        Ok(out)
    }

    /// The empty bit string.
    pub fn empty() -> Self {
        Self::default()
    }

    /// Number of bits.
    pub fn bit_len(&self) -> usize {
        self.bit_len
    }

    /// Whether there are no bits.
    pub fn is_empty(&self) -> bool {
        self.bit_len == 0
    }

    /// The bits packed into `ceil(bit_len / 8)` bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }

    /// The bit at `index`, if there is one.
    pub fn bit(&self, index: usize) -> Option<bool> {
        (index < self.bit_len).then(|| self.data[index / 8] & (0x80 >> (index % 8)) != 0)
    }

    /// Reads `bit_len` bits from the slice.
    pub(crate) fn load(slice: &mut CellSlice, bit_len: usize) -> Result<Self, TlbError> {
        let data = slice.load_raw(bit_len)?;
        Ok(BitString { data, bit_len })
    }

    /// Appends the bits to a builder.
    pub(crate) fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        builder.store_raw(&self.data, self.bit_len)?;
        Ok(())
    }

    /// The bits in TON's hex notation (`_` marks a completion tag).
    pub fn to_hex_tagged(&self) -> String {
        bits_to_tagged_hex(&self.data, self.bit_len)
    }

    fn clear_tail(&mut self) {
        if !self.bit_len.is_multiple_of(8) {
            if let Some(last) = self.data.last_mut() {
                *last &= 0xFFu8 << (8 - self.bit_len % 8);
            }
        }
    }
}

impl fmt::Debug for BitString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "x{{{}}}", self.to_hex_tagged())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_masks_unused_bits() {
        let a = BitString::new(&[0xFF, 0xFF], 9).unwrap();
        assert_eq!(a.as_bytes(), &[0xFF, 0x80]);
        assert_eq!(a, BitString::new(&[0xFF, 0x80], 9).unwrap());
        assert!(BitString::new(&[0xFF], 9).is_err());
    }
}
