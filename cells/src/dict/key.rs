//! `DictKey`: a bit string of up to 1023 bits, the key of a dictionary entry.

use std::cmp::Ordering;
use std::fmt;

use num_bigint::{BigInt, BigUint, Sign};

use crate::{bits, bits_to_tagged_hex, CellBuilder, CellResult, CellSlice, MAX_BITS};

/// A dictionary key: up to 1023 bits, stored left-aligned (bit 0 is the most
/// significant bit of byte 0). Bits past the length are always zero.
#[derive(Clone)]
pub struct DictKey {
    data: [u8; 128],
    len: u16,
}

impl DictKey {
    /// Most bits a key holds.
    pub const MAX_BITS: usize = MAX_BITS;

    /// `len` zero bits. `None` if `len > 1023`.
    #[inline]
    pub fn zeros(len: usize) -> Option<DictKey> {
        (len <= MAX_BITS).then_some(DictKey { data: [0; 128], len: len as u16 })
    }

    /// The first `len` bits of `data`. `None` if `data` is too short or `len > 1023`.
    pub fn from_bits(data: &[u8], len: usize) -> Option<DictKey> {
        let mut key = DictKey::zeros(len)?;
        if data.len() * 8 < len {
            return None;
        }
        bits::copy_bits(&mut key.data, 0, data, 0, len);
        Some(key)
    }

    /// `len` bits of `data` starting at bit `offset`. `None` if `data` has
    /// fewer than `offset + len` bits or `len > 1023`.
    pub fn from_bits_offset(data: &[u8], offset: usize, len: usize) -> Option<DictKey> {
        if len > MAX_BITS || data.len() * 8 < offset.checked_add(len)? {
            return None;
        }
        Some(DictKey::from_bits_at(data, offset, len))
    }

    /// `len` bits of `data` starting at bit `offset`. The caller guarantees they exist.
    #[inline]
    pub(crate) fn from_bits_at(data: &[u8], offset: usize, len: usize) -> DictKey {
        let mut key = DictKey { data: [0; 128], len: len as u16 };
        bits::copy_bits(&mut key.data, 0, data, offset, len);
        key
    }

    /// The first `len` bits a slice shows (its refs are ignored). `None` if
    /// the slice has fewer bits (TVM: "not enough bits for a dictionary key").
    pub fn from_slice(slice: &CellSlice, len: usize) -> Option<DictKey> {
        if len > slice.remaining_bits() {
            return None;
        }
        Some(DictKey::from_bits_at(slice.cell().data_buffer(), slice.bit_offset(), len))
    }

    /// All bits a slice shows.
    pub fn from_slice_bits(slice: &CellSlice) -> DictKey {
        DictKey::from_bits_at(slice.cell().data_buffer(), slice.bit_offset(), slice.remaining_bits())
    }

    /// `value` as a `len`-bit unsigned integer. `None` if it does not fit.
    #[inline]
    pub fn from_uint(value: u64, len: usize) -> Option<DictKey> {
        let mut key = DictKey::zeros(len)?;
        if len < 64 && value >> len != 0 {
            return None;
        }
        let low = len.min(64);
        bits::write_u64(&mut key.data, len - low, low as u32, value);
        Some(key)
    }

    /// `value` as a `len`-bit two's complement integer. `None` if it does not fit.
    pub fn from_int(value: i64, len: usize) -> Option<DictKey> {
        DictKey::from_big_int(&BigInt::from(value), len, true)
    }

    /// An integer as a `len`-bit key, signed (two's complement) or unsigned,
    /// as the TVM's `DICTI*`/`DICTU*` instructions convert it. `None` if it
    /// does not fit in `len` bits.
    pub fn from_big_int(value: &BigInt, len: usize, signed: bool) -> Option<DictKey> {
        let mut key = DictKey::zeros(len)?;
        let magnitude: BigUint = if signed {
            if len == 0 {
                return (value.sign() == Sign::NoSign).then_some(key);
            }
            let half = BigInt::from(1) << (len - 1);
            if *value >= half || *value < -&half {
                return None;
            }
            if value.sign() == Sign::Minus {
                let wrapped: BigInt = value + (half << 1);
                wrapped.magnitude().clone()
            } else {
                value.magnitude().clone()
            }
        } else {
            if value.sign() == Sign::Minus || value.bits() as usize > len {
                return None;
            }
            value.magnitude().clone()
        };
        let bytes = magnitude.to_bytes_be();
        let value_bits = bytes.len() * 8;
        if value_bits > len {
            bits::copy_bits(&mut key.data, 0, &bytes, value_bits - len, len);
        } else {
            bits::copy_bits(&mut key.data, len - value_bits, &bytes, 0, value_bits);
        }
        Some(key)
    }

    /// The key read as an integer, signed (two's complement) or unsigned.
    pub fn to_big_int(&self, signed: bool) -> BigInt {
        let len = self.len();
        let mut value = BigInt::from(BigUint::from_bytes_be(self.as_bytes()));
        if !len.is_multiple_of(8) {
            value >>= 8 - len % 8;
        }
        if signed && len > 0 && self.bit(0) {
            value -= BigInt::from(1) << len;
        }
        value
    }

    /// Number of bits.
    #[inline]
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Whether the key has no bits.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The bit at `index` (false past the end).
    #[inline]
    pub fn bit(&self, index: usize) -> bool {
        index < self.len() && self.data[index / 8] & (0x80 >> (index % 8)) != 0
    }

    /// Sets the bit at `index < len`.
    #[inline]
    pub(crate) fn set_bit(&mut self, index: usize, value: bool) {
        let mask = 0x80 >> (index % 8);
        if value {
            self.data[index / 8] |= mask;
        } else {
            self.data[index / 8] &= !mask;
        }
    }

    /// Writes `len` bits of `src` at bit `src_offset` into the key at bit `at`.
    #[inline]
    pub(crate) fn write_bits(&mut self, at: usize, src: &[u8], src_offset: usize, len: usize) {
        bits::copy_bits(&mut self.data, at, src, src_offset, len);
    }

    /// Fills `len` bits at `at` with `value`.
    pub(crate) fn fill(&mut self, at: usize, len: usize, value: bool) {
        let word = if value { u64::MAX } else { 0 };
        let mut done = 0;
        while done < len {
            let chunk = (len - done).min(64);
            bits::write_u64(&mut self.data, at + done, chunk as u32, word);
            done += chunk;
        }
    }

    /// Cuts the key to its first `len <= self.len()` bits.
    pub fn truncate(&mut self, len: usize) {
        let len = len.min(self.len());
        let old = self.len();
        self.fill(len, old - len, false);
        self.len = len as u16;
    }

    /// The data bytes (`ceil(len / 8)` of them).
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.data[..self.len().div_ceil(8)]
    }

    /// The full 128-byte buffer (zero past the length).
    #[inline]
    pub(crate) fn buffer(&self) -> &[u8; 128] {
        &self.data
    }

    /// A builder holding the key's bits.
    pub fn to_builder(&self) -> CellResult<CellBuilder> {
        let mut b = CellBuilder::new();
        b.store_raw(&self.data, self.len())?;
        Ok(b)
    }

    /// A slice over a fresh cell holding the key's bits (how the TVM returns
    /// keys of slice-keyed dictionaries; the VM charges that cell's creation).
    pub fn to_slice(&self) -> CellResult<CellSlice> {
        Ok(self.to_builder()?.build()?.as_slice())
    }

    /// The bits in TON's hex notation (`_` marks a completion tag).
    pub fn to_hex(&self) -> String {
        bits_to_tagged_hex(self.as_bytes(), self.len())
    }
}

impl PartialEq for DictKey {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.as_bytes() == other.as_bytes()
    }
}

impl Eq for DictKey {}

impl std::hash::Hash for DictKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.len.hash(state);
        self.as_bytes().hash(state);
    }
}

impl PartialOrd for DictKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for DictKey {
    /// Lexicographic order of the bits; a proper prefix sorts first. For keys
    /// of one width this is the unsigned order of the dictionary.
    fn cmp(&self, other: &Self) -> Ordering {
        let common = self.len().min(other.len());
        let whole = common / 8;
        match self.data[..whole].cmp(&other.data[..whole]) {
            Ordering::Equal => {}
            unequal => return unequal,
        }
        let rest = (common % 8) as u32;
        let a = bits::read_u64(&self.data, whole * 8, rest);
        let b = bits::read_u64(&other.data, whole * 8, rest);
        a.cmp(&b).then(self.len.cmp(&other.len))
    }
}

impl fmt::Debug for DictKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DictKey({} bits, x{{{}}})", self.len, self.to_hex())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_round_trip() {
        for (value, len) in [(0i64, 8usize), (-1, 8), (-128, 8), (127, 8), (3, 3), (-4, 3), (1 << 40, 267)] {
            let key = DictKey::from_int(value, len).unwrap();
            assert_eq!(key.len(), len);
            assert_eq!(key.to_big_int(true), BigInt::from(value));
        }
        assert!(DictKey::from_int(128, 8).is_none());
        assert!(DictKey::from_int(-129, 8).is_none());
        assert!(DictKey::from_uint(256, 8).is_none());
        let key = DictKey::from_uint(0xABCD, 16).unwrap();
        assert_eq!(key.as_bytes(), &[0xAB, 0xCD]);
        assert_eq!(key.to_big_int(false), BigInt::from(0xABCD));
        // -1 in 8 bits is 0xFF; read unsigned it is 255.
        assert_eq!(DictKey::from_int(-1, 8).unwrap().to_big_int(false), BigInt::from(255));
        assert!(DictKey::from_big_int(&BigInt::from(-1), 8, false).is_none());
    }

    #[test]
    fn bits_at_an_offset() {
        let key = DictKey::from_bits_offset(&[0x0F, 0xF0], 4, 8).unwrap();
        assert_eq!(key, DictKey::from_uint(0xFF, 8).unwrap());
        assert_eq!(DictKey::from_bits_offset(&[0xAB], 8, 0).unwrap().len(), 0);
        assert!(DictKey::from_bits_offset(&[0xAB], 4, 5).is_none());
        assert!(DictKey::from_bits_offset(&[0; 200], 0, 1024).is_none());
    }

    #[test]
    fn order_is_bitwise() {
        let a = DictKey::from_uint(1, 9).unwrap();
        let b = DictKey::from_uint(256, 9).unwrap();
        assert!(a < b);
        let short = DictKey::from_bits(&[0b1000_0000], 1).unwrap();
        let long = DictKey::from_bits(&[0b1000_0000], 2).unwrap();
        assert!(short < long);
        let mut t = DictKey::from_uint(0xFF, 8).unwrap();
        t.truncate(3);
        assert_eq!(t, DictKey::from_bits(&[0xE0], 3).unwrap());
    }
}
