//! `HmLabel` edges: reading them with the reference's checks and writing
//! them in the reference's (shortest) encoding.
//!
//! ```text
//! hml_short$0 {m:#} {n:#} len:(Unary ~n) {n <= m} s:(n * Bit) = HmLabel ~n m;
//! hml_long$10 {m:#} n:(#<= m) s:(n * Bit) = HmLabel ~n m;
//! hml_same$11 {m:#} v:Bit n:(#<= m) = HmLabel ~n m;
//! ```

use crate::bits;
use crate::dict::error::{DictError, DictResult};
use crate::{Cell, CellBuilder, CellSlice};

/// How strictly a node is checked when its label is parsed (the reference's
/// `LabelParser` modes).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum Check {
    /// Only the label must parse (prefix-code dictionaries).
    Label,
    /// A fork (label shorter than the remaining key) must hold nothing but
    /// its label and exactly two refs (ordinary dictionaries).
    Fork,
}

/// A parsed edge label of a node.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Label {
    /// Number of key bits the edge covers.
    pub len: usize,
    /// `Some(bit)` for `hml_same`: every bit of the label equals `bit`.
    pub same: Option<bool>,
    /// Where the label's own bits start in the cell (meaningless for `hml_same`).
    pub bits_at: usize,
    /// Where the node's payload (value, or nothing for a fork) starts.
    pub payload_at: usize,
}

/// Bits needed to write any length up to `max_len` (`ceil(log2(max_len + 1))`).
#[inline]
pub(crate) fn len_bits(max_len: usize) -> usize {
    (usize::BITS - max_len.leading_zeros()) as usize
}

const BAD_LABEL: DictError = DictError::CellUnderflow("error while parsing a dictionary node label");

/// Parses the label at the start of `cell` for an edge of at most `max_len`
/// bits, with the reference's validation (`LabelParser`).
#[inline(always)]
pub(crate) fn parse(cell: &Cell, max_len: usize, check: Check) -> DictResult<Label> {
    let data = cell.data_buffer();
    let size = cell.bit_len();
    if size < 2 {
        return Err(BAD_LABEL);
    }
    let label = match bits::read_u64(data, 0, 2) {
        0 => Label { len: 0, same: None, bits_at: 2, payload_at: 2 },
        1 => {
            // hml_short: '0', then `len` ones and a zero, then the bits.
            let len = bits::count_leading(data, 1, size - 1, true);
            if len > max_len || size - 1 < 2 * len + 1 {
                return Err(BAD_LABEL);
            }
            Label { len, same: None, bits_at: len + 2, payload_at: 2 * len + 2 }
        }
        2 => {
            let k = len_bits(max_len);
            if size < 2 + k {
                return Err(BAD_LABEL);
            }
            let len = bits::read_u64(data, 2, k as u32) as usize;
            if len > max_len || size < 2 + k + len {
                return Err(BAD_LABEL);
            }
            Label { len, same: None, bits_at: 2 + k, payload_at: 2 + k + len }
        }
        _ => {
            let k = len_bits(max_len);
            if size < 3 + k {
                return Err(BAD_LABEL);
            }
            let bit = bits::read_u64(data, 2, 1) == 1;
            let len = bits::read_u64(data, 3, k as u32) as usize;
            if len > max_len {
                return Err(BAD_LABEL);
            }
            Label { len, same: Some(bit), bits_at: 3 + k, payload_at: 3 + k }
        }
    };
    if check == Check::Fork && label.len < max_len && (label.payload_at != size || cell.ref_count() != 2) {
        return Err(DictError::Invalid("invalid dictionary fork node"));
    }
    Ok(label)
}

impl Label {
    /// Length of the common prefix of the label and `len` key bits at `key_at`
    /// (at most `min(self.len, len)`).
    #[inline(always)]
    pub fn common_prefix_len(&self, cell: &Cell, key: &[u8], key_at: usize, len: usize) -> usize {
        let len = len.min(self.len);
        match self.same {
            Some(bit) => bits::count_leading(key, key_at, len, bit),
            None => common_prefix(cell.data_buffer(), self.bits_at, key, key_at, len),
        }
    }

    /// Copies the label's bits into `out` at bit `at`.
    pub fn copy_to(&self, cell: &Cell, out: &mut crate::dict::DictKey, at: usize) {
        match self.same {
            Some(bit) => out.fill(at, self.len, bit),
            None => out.write_bits(at, cell.data_buffer(), self.bits_at, self.len),
        }
    }

    /// The node's payload: the bits after the label and all refs.
    #[inline]
    pub fn payload(&self, cell: &Cell) -> CellSlice {
        CellSlice::with_window(cell.clone(), self.payload_at..cell.bit_len(), 0..cell.ref_count())
            .expect("the payload lies inside the cell")
    }
}

/// Length of the common prefix of `len` bits of `a` at `a_at` and of `b` at `b_at`.
#[inline]
pub(crate) fn common_prefix(a: &[u8], a_at: usize, b: &[u8], b_at: usize, len: usize) -> usize {
    let mut done = 0;
    while done < len {
        let chunk = (len - done).min(64) as u32;
        let diff = bits::read_u64(a, a_at + done, chunk) ^ bits::read_u64(b, b_at + done, chunk);
        if diff != 0 {
            return done + (diff.leading_zeros() - (64 - chunk)) as usize;
        }
        done += chunk as usize;
    }
    len
}

const LABEL_OVERFLOW: DictError = DictError::CellOverflow("cannot store a label into a dictionary cell");

fn overflow(_: crate::CellError) -> DictError {
    LABEL_OVERFLOW
}

/// Writes a label of `len` bits, all equal to `bit`, for an edge of at most
/// `max_len` bits, choosing the encoding as the reference does: `hml_same`
/// only when strictly shorter than `hml_short`, `hml_long` only when strictly
/// shorter than `hml_short`.
pub(crate) fn write_same(b: &mut CellBuilder, bit: bool, len: usize, max_len: usize) -> DictResult<()> {
    let k = len_bits(max_len);
    if len > 1 && k < 2 * len - 1 {
        b.store_uint(6 + bit as u64, 3).map_err(overflow)?;
        b.store_uint(len as u64, k).map_err(overflow)?;
    } else if k < len {
        b.store_uint(2, 2).map_err(overflow)?;
        b.store_uint(len as u64, k).map_err(overflow)?;
        store_same(b, bit, len)?;
    } else {
        b.store_bit(false).map_err(overflow)?;
        b.store_ones(len).map_err(overflow)?;
        b.store_bit(false).map_err(overflow)?;
        store_same(b, bit, len)?;
    }
    Ok(())
}

fn store_same(b: &mut CellBuilder, bit: bool, len: usize) -> DictResult<()> {
    if bit {
        b.store_ones(len).map_err(overflow)?;
    } else {
        b.store_zeros(len).map_err(overflow)?;
    }
    Ok(())
}

/// Writes the label made of `len` bits of `src` at bit `src_at`, for an edge
/// of at most `max_len` bits, in the reference's encoding (`append_dict_label`).
pub(crate) fn write(b: &mut CellBuilder, src: &[u8], src_at: usize, len: usize, max_len: usize) -> DictResult<()> {
    if len > 0 {
        let first = bits::read_u64(src, src_at, 1) == 1;
        if bits::count_leading(src, src_at, len, first) == len {
            return write_same(b, first, len, max_len);
        }
    }
    let k = len_bits(max_len);
    if k < len {
        b.store_uint(2, 2).map_err(overflow)?;
        b.store_uint(len as u64, k).map_err(overflow)?;
    } else {
        b.store_bit(false).map_err(overflow)?;
        b.store_ones(len).map_err(overflow)?;
        b.store_bit(false).map_err(overflow)?;
    }
    if b.spare_bits() < len {
        return Err(LABEL_OVERFLOW);
    }
    let mut aligned = [0u8; 128];
    bits::copy_bits(&mut aligned, 0, src, src_at, len);
    b.store_raw(&aligned, len).map_err(overflow)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label_cell(write_fn: impl FnOnce(&mut CellBuilder)) -> Cell {
        let mut b = CellBuilder::new();
        write_fn(&mut b);
        b.build().unwrap()
    }

    #[test]
    fn lengths_of_length_fields() {
        assert_eq!(len_bits(0), 0);
        assert_eq!(len_bits(1), 1);
        assert_eq!(len_bits(2), 2);
        assert_eq!(len_bits(255), 8);
        assert_eq!(len_bits(256), 9);
        assert_eq!(len_bits(1023), 10);
    }

    #[test]
    fn shortest_encoding_is_chosen() {
        // 8 bits, mixed, max 8: short = 2 + 16 = 18, long = 2 + 4 + 8 = 14 -> long.
        let c = label_cell(|b| write(b, &[0b1011_0001], 0, 8, 8).unwrap());
        assert_eq!(c.bit_len(), 14);
        assert_eq!(bits::read_u64(c.data(), 0, 2), 2);
        // 1 bit, max 8: short = 4 bits, long = 7 -> short.
        let c = label_cell(|b| write(b, &[0x80], 0, 1, 8).unwrap());
        assert_eq!(c.bit_len(), 4);
        // 2 equal bits, max 1: same = 3 + 1 = 4, short = 6 -> same.
        let c = label_cell(|b| write_same(b, true, 2, 3).unwrap());
        assert_eq!(c.bit_len(), 5); // k = 2 for max 3
        assert_eq!(bits::read_u64(c.data(), 0, 3), 7);
        // Tie between same (3 + k) and short (2 + 2n): n = 2, k = 3 -> 6 vs 6, short wins.
        let c = label_cell(|b| write_same(b, false, 2, 7).unwrap());
        assert_eq!(c.bit_len(), 6);
        assert_eq!(bits::read_u64(c.data(), 0, 1), 0);
        // Empty label.
        let c = label_cell(|b| write(b, &[], 0, 0, 5).unwrap());
        assert_eq!(c.bit_len(), 2);
    }

    #[test]
    fn parse_reads_what_write_wrote() {
        for max_len in [0usize, 1, 2, 7, 8, 9, 64, 255, 267, 1023] {
            for len in [0usize, 1, 2, 3, 5, 8, 17, 100] {
                if len > max_len {
                    continue;
                }
                for pattern in [0x00u8, 0xFF, 0xA5, 0x3C] {
                    let src = [pattern; 16];
                    let mut b = CellBuilder::new();
                    write(&mut b, &src, 3, len, max_len).unwrap();
                    let header = b.bit_len();
                    b.store_u8(0x5A).unwrap();
                    let cell = b.build().unwrap();
                    let label = parse(&cell, max_len, Check::Label).unwrap();
                    assert_eq!(label.len, len);
                    assert_eq!(label.payload_at, header);
                    let mut key = crate::dict::DictKey::zeros(len).unwrap();
                    label.copy_to(&cell, &mut key, 0);
                    assert_eq!(key, crate::dict::DictKey::from_bits_at(&src, 3, len));
                }
            }
        }
    }

    #[test]
    fn malformed_labels_are_rejected() {
        // One bit only.
        let c = label_cell(|b| {
            b.store_bit(false).unwrap();
        });
        assert_eq!(parse(&c, 8, Check::Label).unwrap_err().exit_code(), 9);
        // Unary length longer than the maximum.
        let c = label_cell(|b| {
            b.store_uint(0b0111_1100, 8).unwrap();
        });
        assert!(parse(&c, 2, Check::Label).is_err());
        // A fork with one ref is not a valid fork.
        let leaf = Cell::empty();
        let mut b = CellBuilder::new();
        b.store_uint(0, 2).unwrap();
        b.store_reference(leaf).unwrap();
        let c = b.build().unwrap();
        assert_eq!(parse(&c, 8, Check::Fork).unwrap_err().exit_code(), 10);
        assert!(parse(&c, 8, Check::Label).is_ok());
    }
}
