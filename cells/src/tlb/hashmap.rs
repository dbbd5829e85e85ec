//! A small reader and writer for `Hashmap n X` trees with fixed-length keys,
//! enough for the dictionaries inside TL-B core types (extra currencies,
//! `StateInit` libraries). The full dictionary API lives in `crate::dict`.
//!
//! ```text
//! hm_edge#_ {n:#} {X:Type} {l:#} {m:#} label:(HmLabel ~l n) {n = (~m) + l}
//!           node:(HashmapNode m X) = Hashmap n X;
//! hmn_leaf#_ {X:Type} value:X = HashmapNode 0 X;
//! hmn_fork#_ {n:#} {X:Type} left:^(Hashmap n X) right:^(Hashmap n X) = HashmapNode (n + 1) X;
//! hml_short$0 {m:#} {n:#} len:(Unary ~n) {n <= m} s:(n * Bit) = HmLabel ~n m;
//! hml_long$10 {m:#} n:(#<= m) s:(n * Bit) = HmLabel ~n m;
//! hml_same$11 {m:#} v:Bit n:(#<= m) = HmLabel ~n m;
//! ```
//!
//! Every node sits in a cell of its own (the root is `^(Hashmap n X)` in
//! `HashmapE`, children are refs), so a node must use its whole cell.

use crate::{Cell, CellBuilder, CellSlice};

use super::bitstring::count_same;
use super::{bits_for, ordinary_slice, BitString, TlbError};

const TY: &str = "Hashmap";

/// Walks the tree under `root` (the cell of `^(Hashmap key_bits X)`) and
/// calls `on_leaf` with each key and a slice over the value, in ascending
/// key order. `on_leaf` must read the whole value; anything left over in
/// the leaf is an error.
pub(crate) fn for_each_entry(
    root: &Cell,
    key_bits: usize,
    on_leaf: &mut dyn FnMut(&BitString, &mut CellSlice) -> Result<(), TlbError>,
) -> Result<(), TlbError> {
    let mut key = BitString::empty();
    walk(root, key_bits, &mut key, on_leaf)
}

/// Recursion depth is bounded by the key length (one level per fork).
fn walk(
    cell: &Cell,
    remaining: usize,
    key: &mut BitString,
    on_leaf: &mut dyn FnMut(&BitString, &mut CellSlice) -> Result<(), TlbError>,
) -> Result<(), TlbError> {
    let mut slice = ordinary_slice(cell, TY)?;
    let prefix_len = key.bit_len();
    let label_len = load_label(&mut slice, remaining, key)?;
    let below = remaining - label_len;
    if below == 0 {
        on_leaf(key, &mut slice)?;
        ensure_used_up(&slice)?;
    } else {
        let left = slice.load_reference()?;
        let right = slice.load_reference()?;
        ensure_used_up(&slice)?;
        let fork_len = key.bit_len();
        for (bit, child) in [(false, &left), (true, &right)] {
            key.push(bit);
            walk(child, below - 1, key, on_leaf)?;
            key.truncate(fork_len);
        }
    }
    key.truncate(prefix_len);
    Ok(())
}

/// A node must fill its cell: no bits or refs may be left.
fn ensure_used_up(slice: &CellSlice) -> Result<(), TlbError> {
    if slice.is_empty() {
        Ok(())
    } else {
        Err(TlbError::TrailingData { ty: TY })
    }
}

/// Reads an `HmLabel ~l max_len`, appends its bits to `key`, returns `l`.
fn load_label(slice: &mut CellSlice, max_len: usize, key: &mut BitString) -> Result<usize, TlbError> {
    let too_long = TlbError::InvalidData { ty: "HmLabel", reason: "label longer than the remaining key" };
    if !slice.load_bit()? {
        // hml_short: unary length, then the bits.
        let len = slice.count_leading(true);
        if len > max_len {
            return Err(too_long);
        }
        slice.skip_bits(len + 1)?;
        push_bits(slice, len, key)?;
        return Ok(len);
    }
    let same = slice.load_bit()?;
    if !same {
        // hml_long: length in bits_for(max_len) bits, then the bits.
        let len = slice.load_uint(bits_for(max_len))? as usize;
        if len > max_len {
            return Err(too_long);
        }
        push_bits(slice, len, key)?;
        Ok(len)
    } else {
        // hml_same: one bit repeated.
        let bit = slice.load_bit()?;
        let len = slice.load_uint(bits_for(max_len))? as usize;
        if len > max_len {
            return Err(too_long);
        }
        for _ in 0..len {
            key.push(bit);
        }
        Ok(len)
    }
}

fn push_bits(slice: &mut CellSlice, len: usize, key: &mut BitString) -> Result<(), TlbError> {
    for _ in 0..len {
        key.push(slice.load_bit()?);
    }
    Ok(())
}

/// Builds the tree for `entries` (keys of `key_bits` bits, strictly
/// ascending; values as builders stored inline in the leaves) with the
/// reference's layout, and returns its root cell, or `None` when empty.
pub(crate) fn build(entries: &[(BitString, CellBuilder)], key_bits: usize) -> Result<Option<Cell>, TlbError> {
    if entries.is_empty() {
        return Ok(None);
    }
    for (i, (key, _)) in entries.iter().enumerate() {
        if key.bit_len() != key_bits {
            return Err(TlbError::InvalidData { ty: TY, reason: "key of the wrong length" });
        }
        if i > 0 && entries[i - 1].0.as_bytes() >= key.as_bytes() {
            return Err(TlbError::InvalidData { ty: TY, reason: "keys not strictly ascending" });
        }
    }
    build_node(entries, 0, key_bits).map(Some)
}

/// One edge and its node: `entries` share their first `offset` key bits;
/// `remaining` key bits are left below this edge.
fn build_node(entries: &[(BitString, CellBuilder)], offset: usize, remaining: usize) -> Result<Cell, TlbError> {
    let first = &entries[0].0;
    let last = &entries[entries.len() - 1].0;
    // Sorted keys: the common prefix of all is that of the first and last.
    let label_len = if entries.len() == 1 { remaining } else { common_prefix(first, last, offset, remaining) };
    let mut builder = CellBuilder::new();
    store_label(&mut builder, first, offset, label_len, remaining)?;
    if label_len == remaining {
        builder.store_builder(&entries[0].1)?;
    } else {
        let split_at = offset + label_len;
        let right_start = entries.iter().position(|(k, _)| k.bit(split_at) == Some(true)).unwrap_or(entries.len());
        let below = remaining - label_len - 1;
        let left = build_node(&entries[..right_start], split_at + 1, below)?;
        let right = build_node(&entries[right_start..], split_at + 1, below)?;
        builder.store_reference(left)?;
        builder.store_reference(right)?;
    }
    Ok(builder.build()?)
}

fn common_prefix(a: &BitString, b: &BitString, offset: usize, max: usize) -> usize {
    (0..max).take_while(|&i| a.bit(offset + i) == b.bit(offset + i)).count()
}

/// Writes `HmLabel` for `len` bits of `key` from `offset`, choosing the
/// encoding exactly as the reference does (`append_dict_label`): `hml_same`
/// when all bits agree and it is strictly shorter than both others, else
/// `hml_long` when strictly shorter than `hml_short`, else `hml_short`.
fn store_label(
    builder: &mut CellBuilder,
    key: &BitString,
    offset: usize,
    len: usize,
    max_len: usize,
) -> Result<(), TlbError> {
    let k = bits_for(max_len);
    let first = key.bit(offset).unwrap_or(false);
    let all_same = len > 0 && count_same(key.as_bytes(), offset, len, first) == len;
    if all_same && len > 1 && k < 2 * len - 1 {
        builder.store_uint(0b110 | first as u64, 3)?;
        builder.store_uint(len as u64, k)?;
        return Ok(());
    }
    if k < len {
        builder.store_uint(0b10, 2)?;
        builder.store_uint(len as u64, k)?;
    } else {
        builder.store_bit(false)?;
        builder.store_ones(len)?;
        builder.store_bit(false)?;
    }
    for i in 0..len {
        builder.store_bit(key.bit(offset + i).unwrap_or(false))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key32(k: u32) -> BitString {
        BitString::new(&k.to_be_bytes(), 32).unwrap()
    }

    fn value(v: u8) -> CellBuilder {
        let mut b = CellBuilder::new();
        b.store_u8(v).unwrap();
        b
    }

    fn read_all(root: &Cell, bits: usize) -> Result<Vec<(BitString, u8)>, TlbError> {
        let mut out = Vec::new();
        for_each_entry(root, bits, &mut |k, s| {
            out.push((k.clone(), s.load_u8()?));
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn build_then_read_back() {
        let keys = [0u32, 1, 2, 0x8000_0000, 0xFFFF_FFFF, 77];
        let mut entries: Vec<(BitString, CellBuilder)> =
            keys.iter().enumerate().map(|(i, &k)| (key32(k), value(i as u8))).collect();
        entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        let root = build(&entries, 32).unwrap().unwrap();
        let read = read_all(&root, 32).unwrap();
        assert_eq!(read.len(), keys.len());
        for ((k, v), (ek, eb)) in read.iter().zip(&entries) {
            assert_eq!(k, ek);
            assert_eq!(&[*v], eb.data());
        }
    }

    #[test]
    fn single_entry_label_uses_reference_choice() {
        // One 32-bit key 0: all-zero label of 32 bits -> hml_same$11 v=0, n=32 in 6 bits.
        let root = build(&[(key32(0), value(0xAB))], 32).unwrap().unwrap();
        let mut s = root.as_slice();
        assert_eq!(s.load_uint(3).unwrap(), 0b110);
        assert_eq!(s.load_uint(6).unwrap(), 32);
        assert_eq!(s.load_u8().unwrap(), 0xAB);
    }

    #[test]
    fn rejects_unsorted_and_bad_keys() {
        assert!(build(&[(key32(2), value(0)), (key32(1), value(0))], 32).is_err());
        assert!(build(&[(key32(2), value(0)), (key32(2), value(0))], 32).is_err());
        assert!(build(&[(BitString::new(&[0], 8).unwrap(), value(0))], 32).is_err());
    }

    #[test]
    fn leaf_with_leftover_data_is_rejected() {
        let mut b = CellBuilder::new();
        b.store_uint(0b110, 3).unwrap();
        b.store_uint(8, 4).unwrap();
        b.store_u8(1).unwrap();
        b.store_bit(true).unwrap();
        let root = b.build().unwrap();
        assert_eq!(read_all(&root, 8), Err(TlbError::TrailingData { ty: TY }));
    }

    #[test]
    fn label_longer_than_key_is_rejected() {
        let mut b = CellBuilder::new();
        b.store_uint(0b111, 3).unwrap();
        b.store_uint(9, 4).unwrap(); // n = 9 > m = 8
        b.store_u8(1).unwrap();
        let root = b.build().unwrap();
        assert!(matches!(read_all(&root, 8), Err(TlbError::InvalidData { .. })));
    }
}
