//! `CellSlice`: a read cursor over a window of a cell's bits and refs.

use num_bigint::{BigInt, BigUint};

use crate::bits;
use crate::cell::Cell;
use crate::error::{CellError, CellResult};

/// A window `[bit_start, bit_end) x [ref_start, ref_end)` of a cell, read from the front.
/// Owns a handle to its cell, so it can live on the VM stack.
#[derive(Clone)]
pub struct CellSlice {
    cell: Cell,
    bit_start: u16,
    bit_end: u16,
    ref_start: u8,
    ref_end: u8,
}

impl CellSlice {
    /// A slice over the whole cell.
    pub fn new(cell: Cell) -> Self {
        let bit_end = cell.bit_len() as u16;
        let ref_end = cell.ref_count() as u8;
        CellSlice { cell, bit_start: 0, bit_end, ref_start: 0, ref_end }
    }

    /// A slice over part of a cell; the window must lie inside it.
    pub fn with_window(cell: Cell, bits: std::ops::Range<usize>, refs: std::ops::Range<usize>) -> CellResult<Self> {
        if bits.start > bits.end || bits.end > cell.bit_len() || refs.start > refs.end || refs.end > cell.ref_count() {
            return Err(CellError::Underflow);
        }
        Ok(CellSlice {
            cell,
            bit_start: bits.start as u16,
            bit_end: bits.end as u16,
            ref_start: refs.start as u8,
            ref_end: refs.end as u8,
        })
    }

    /// The underlying cell.
    #[inline]
    pub fn cell(&self) -> &Cell {
        &self.cell
    }

    /// Position of the first unread bit in the underlying cell.
    #[inline]
    pub fn bit_offset(&self) -> usize {
        self.bit_start as usize
    }

    /// End of the window in bits.
    #[inline]
    pub fn bit_end(&self) -> usize {
        self.bit_end as usize
    }

    /// Position of the first unread ref in the underlying cell.
    #[inline]
    pub fn ref_offset(&self) -> usize {
        self.ref_start as usize
    }

    /// End of the window in refs.
    #[inline]
    pub fn ref_end(&self) -> usize {
        self.ref_end as usize
    }

    /// Unread bits.
    #[inline]
    pub fn remaining_bits(&self) -> usize {
        (self.bit_end - self.bit_start) as usize
    }

    /// Unread refs.
    #[inline]
    pub fn remaining_refs(&self) -> usize {
        (self.ref_end - self.ref_start) as usize
    }

    /// Whether nothing is left to read (no bits, no refs).
    pub fn is_empty(&self) -> bool {
        self.remaining_bits() == 0 && self.remaining_refs() == 0
    }

    /// Whether `bits` bits and `refs` refs are left.
    #[inline]
    pub fn has_remaining(&self, bits: usize, refs: usize) -> bool {
        bits <= self.remaining_bits() && refs <= self.remaining_refs()
    }

    /// Skips `bits` bits.
    pub fn skip_bits(&mut self, bits: usize) -> CellResult<()> {
        if bits > self.remaining_bits() {
            return Err(CellError::Underflow);
        }
        self.bit_start += bits as u16;
        Ok(())
    }

    /// Skips `refs` refs.
    pub fn skip_refs(&mut self, refs: usize) -> CellResult<()> {
        if refs > self.remaining_refs() {
            return Err(CellError::Underflow);
        }
        self.ref_start += refs as u8;
        Ok(())
    }

    /// Keeps only the first `bits` bits and `refs` refs of the window.
    pub fn shrink(&mut self, bits: usize, refs: usize) -> CellResult<()> {
        if !self.has_remaining(bits, refs) {
            return Err(CellError::Underflow);
        }
        self.bit_end = self.bit_start + bits as u16;
        self.ref_end = self.ref_start + refs as u8;
        Ok(())
    }

    /// Drops the last `bits` bits and `refs` refs of the window.
    pub fn skip_last(&mut self, bits: usize, refs: usize) -> CellResult<()> {
        if !self.has_remaining(bits, refs) {
            return Err(CellError::Underflow);
        }
        self.bit_end -= bits as u16;
        self.ref_end -= refs as u8;
        Ok(())
    }

    /// The bit at `index` from the front, without advancing.
    #[inline]
    pub fn get_bit(&self, index: usize) -> CellResult<bool> {
        if index >= self.remaining_bits() {
            return Err(CellError::Underflow);
        }
        let at = self.bit_start as usize + index;
        Ok(self.cell.data_buffer()[at / 8] & (0x80 >> (at % 8)) != 0)
    }

    /// `bits <= 64` bits at `offset` from the front as an unsigned integer, without advancing.
    #[inline]
    pub fn get_uint(&self, offset: usize, bits: usize) -> CellResult<u64> {
        if bits > 64 || offset + bits > self.remaining_bits() {
            return Err(CellError::Underflow);
        }
        Ok(bits::read_u64(self.cell.data_buffer(), self.bit_start as usize + offset, bits as u32))
    }

    /// Reads one bit.
    #[inline]
    pub fn load_bit(&mut self) -> CellResult<bool> {
        let bit = self.get_bit(0)?;
        self.bit_start += 1;
        Ok(bit)
    }

    /// Reads `bits <= 64` bits as an unsigned integer, without advancing.
    #[inline]
    pub fn preload_uint(&self, bits: usize) -> CellResult<u64> {
        self.get_uint(0, bits)
    }

    /// Reads `bits <= 64` bits as an unsigned integer.
    #[inline]
    pub fn load_uint(&mut self, bits: usize) -> CellResult<u64> {
        let v = self.get_uint(0, bits)?;
        self.bit_start += bits as u16;
        Ok(v)
    }

    /// Reads `bits <= 64` bits as a signed (two's complement) integer.
    pub fn load_int(&mut self, bits: usize) -> CellResult<i64> {
        let v = self.load_uint(bits)?;
        Ok(sign_extend(v, bits))
    }

    /// Reads a byte.
    pub fn load_u8(&mut self) -> CellResult<u8> {
        self.load_uint(8).map(|v| v as u8)
    }

    /// Reads a 16-bit integer.
    pub fn load_u16(&mut self) -> CellResult<u16> {
        self.load_uint(16).map(|v| v as u16)
    }

    /// Reads a 32-bit integer.
    pub fn load_u32(&mut self) -> CellResult<u32> {
        self.load_uint(32).map(|v| v as u32)
    }

    /// Reads a 64-bit integer.
    pub fn load_u64(&mut self) -> CellResult<u64> {
        self.load_uint(64)
    }

    /// Reads 256 bits as bytes.
    pub fn load_u256(&mut self) -> CellResult<[u8; 32]> {
        let mut out = [0u8; 32];
        self.load_raw_into(&mut out, 256)?;
        Ok(out)
    }

    /// Copies `bits` bits into `out` (left-aligned) and advances.
    pub fn load_raw_into(&mut self, out: &mut [u8], bits: usize) -> CellResult<()> {
        if bits > self.remaining_bits() || out.len() * 8 < bits {
            return Err(CellError::Underflow);
        }
        bits::copy_bits(out, 0, self.cell.data_buffer(), self.bit_start as usize, bits);
        self.bit_start += bits as u16;
        Ok(())
    }

    /// Reads `bits` bits as left-aligned bytes (`ceil(bits / 8)` of them).
    pub fn load_raw(&mut self, bits: usize) -> CellResult<Vec<u8>> {
        let mut out = vec![0u8; bits.div_ceil(8)];
        self.load_raw_into(&mut out, bits)?;
        Ok(out)
    }

    /// Reads an unsigned integer of any width.
    pub fn load_big_uint(&mut self, bits: usize) -> CellResult<BigUint> {
        if bits > self.remaining_bits() {
            return Err(CellError::Underflow);
        }
        let bytes = self.load_raw(bits)?;
        let value = BigUint::from_bytes_be(&bytes);
        Ok(if bits.is_multiple_of(8) { value } else { value >> (8 - bits % 8) })
    }

    /// Reads a signed (two's complement) integer of any width.
    pub fn load_big_int(&mut self, bits: usize) -> CellResult<BigInt> {
        let value = BigInt::from(self.load_big_uint(bits)?);
        if bits > 0 && value.bit(bits as u64 - 1) {
            Ok(value - (BigInt::from(1) << bits))
        } else {
            Ok(value)
        }
    }

    /// Reads `VarUInteger n` (`len_bits` = bits of the byte-length prefix).
    pub fn load_var_uint(&mut self, len_bits: usize) -> CellResult<BigUint> {
        let mut probe = self.clone();
        let byte_len = probe.load_uint(len_bits)? as usize;
        let value = probe.load_big_uint(byte_len * 8)?;
        *self = probe;
        Ok(value)
    }

    /// Reads `Coins` (`VarUInteger 16`) as nanotons.
    pub fn load_coins(&mut self) -> CellResult<u128> {
        let mut probe = self.clone();
        let byte_len = probe.load_uint(4)? as usize;
        let mut bytes = [0u8; 16];
        probe.load_raw_into(&mut bytes[16 - byte_len..], byte_len * 8)?;
        *self = probe;
        Ok(u128::from_be_bytes(bytes))
    }

    /// The ref at `index` from the front, without advancing.
    #[inline]
    pub fn preload_reference(&self, index: usize) -> CellResult<Cell> {
        if index >= self.remaining_refs() {
            return Err(CellError::Underflow);
        }
        self.cell.reference(self.ref_start as usize + index).cloned().ok_or(CellError::Underflow)
    }

    /// Reads the next ref.
    #[inline]
    pub fn load_reference(&mut self) -> CellResult<Cell> {
        let r = self.preload_reference(0)?;
        self.ref_start += 1;
        Ok(r)
    }

    /// Splits off the first `bits` bits and `refs` refs as a new slice.
    pub fn load_slice(&mut self, bits: usize, refs: usize) -> CellResult<CellSlice> {
        if !self.has_remaining(bits, refs) {
            return Err(CellError::Underflow);
        }
        let mut head = self.clone();
        head.shrink(bits, refs)?;
        self.bit_start += bits as u16;
        self.ref_start += refs as u8;
        Ok(head)
    }

    /// Number of leading bits equal to `bit`.
    pub fn count_leading(&self, bit: bool) -> usize {
        bits::count_leading(self.cell.data_buffer(), self.bit_start as usize, self.remaining_bits(), bit)
    }

    /// Number of trailing bits equal to `bit`.
    pub fn count_trailing(&self, bit: bool) -> usize {
        bits::count_trailing(self.cell.data_buffer(), self.bit_start as usize, self.remaining_bits(), bit)
    }

    /// Length of the common bit prefix of two slices.
    pub fn common_prefix_len(&self, other: &CellSlice) -> usize {
        let max = self.remaining_bits().min(other.remaining_bits());
        let mut done = 0;
        while done < max {
            let chunk = (max - done).min(64);
            let a = self.get_uint(done, chunk).unwrap_or(0);
            let b = other.get_uint(done, chunk).unwrap_or(0);
            let diff = a ^ b;
            if diff != 0 {
                return done + (diff.leading_zeros() as usize - (64 - chunk));
            }
            done += chunk;
        }
        max
    }

    /// Whether the slice's bits start with all the bits of `prefix`.
    pub fn starts_with(&self, prefix: &CellSlice) -> bool {
        prefix.remaining_bits() <= self.remaining_bits() && self.common_prefix_len(prefix) == prefix.remaining_bits()
    }

    /// Compares the visible bits lexicographically (a proper prefix sorts first).
    pub fn cmp_bits(&self, other: &CellSlice) -> std::cmp::Ordering {
        let common = self.common_prefix_len(other);
        let (a, b) = (self.remaining_bits(), other.remaining_bits());
        if common == a || common == b {
            return a.cmp(&b);
        }
        self.get_bit(common).unwrap_or(false).cmp(&other.get_bit(common).unwrap_or(false))
    }

    /// Whether two slices see the same bits and the same refs (by hash).
    pub fn content_eq(&self, other: &CellSlice) -> bool {
        self.remaining_bits() == other.remaining_bits()
            && self.remaining_refs() == other.remaining_refs()
            && self.common_prefix_len(other) == self.remaining_bits()
            && (0..self.remaining_refs()).all(|i| {
                matches!((self.preload_reference(i), other.preload_reference(i)), (Ok(a), Ok(b)) if a.hash() == b.hash())
            })
    }

    /// The visible bits as bytes, left-aligned, without advancing.
    pub fn bits_to_vec(&self) -> Vec<u8> {
        let mut out = vec![0u8; self.remaining_bits().div_ceil(8)];
        bits::copy_bits(&mut out, 0, self.cell.data_buffer(), self.bit_start as usize, self.remaining_bits());
        out
    }

    /// A fresh ordinary cell holding exactly what the slice sees.
    pub fn to_cell(&self) -> CellResult<Cell> {
        let mut b = crate::CellBuilder::new();
        b.store_slice(self)?;
        b.build()
    }

    /// The visible bits in TON's hex notation (`_` marks a completion tag).
    pub fn to_hex_tagged(&self) -> String {
        bits_to_tagged_hex(&self.bits_to_vec(), self.remaining_bits())
    }
}

impl std::fmt::Debug for CellSlice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CellSlice(x{{{}}} refs={} of {:?})", self.to_hex_tagged(), self.remaining_refs(), self.cell)
    }
}

/// Sign-extends the low `bits` bits of `value`.
#[inline]
pub fn sign_extend(value: u64, bits: usize) -> i64 {
    if bits == 0 {
        0
    } else if bits >= 64 {
        value as i64
    } else {
        let shift = 64 - bits;
        ((value << shift) as i64) >> shift
    }
}

/// Formats `bit_len` bits as hex; an incomplete last nibble gets a completion
/// tag (a one bit after the data) and a trailing `_`, as Fift prints slices.
pub fn bits_to_tagged_hex(data: &[u8], bit_len: usize) -> String {
    let mut out = String::new();
    let full_nibbles = bit_len / 4;
    for i in 0..full_nibbles {
        let byte = data[i / 2];
        let nibble = if i % 2 == 0 { byte >> 4 } else { byte & 0xF };
        out.push(char::from_digit(nibble as u32, 16).unwrap_or('0').to_ascii_uppercase());
    }
    let rest = bit_len % 4;
    if rest != 0 {
        let i = full_nibbles;
        let byte = data[i / 2];
        let nibble = if i.is_multiple_of(2) { byte >> 4 } else { byte & 0xF };
        let tagged = (nibble & (0xF << (4 - rest)) & 0xF) | (1 << (3 - rest));
        out.push(char::from_digit(tagged as u32, 16).unwrap_or('0').to_ascii_uppercase());
        out.push('_');
    }
    out
}

/// Parses TON's hex bit notation (`_` at the end removes the completion tag).
/// Returns the bytes and the bit length.
pub fn parse_tagged_hex(text: &str) -> Option<(Vec<u8>, usize)> {
    let (digits, tagged) = match text.strip_suffix('_') {
        Some(d) => (d, true),
        None => (text, false),
    };
    let mut data = vec![0u8; digits.len().div_ceil(2)];
    for (i, c) in digits.chars().enumerate() {
        let v = c.to_digit(16)? as u8;
        data[i / 2] |= if i % 2 == 0 { v << 4 } else { v };
    }
    let mut bit_len = digits.len() * 4;
    if tagged {
        let trailing = bits::count_trailing(&data, 0, bit_len, false);
        if trailing == bit_len {
            return None;
        }
        bit_len -= trailing + 1;
        let byte = bit_len / 8;
        if byte < data.len() {
            data[byte] &= !(0x80u8 >> (bit_len % 8));
        }
    }
    data.truncate(bit_len.div_ceil(8));
    Some((data, bit_len))
}
