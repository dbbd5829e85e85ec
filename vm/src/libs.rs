//! Library cells: looking a code cell up by hash in a `HashmapE 256 ^Cell`
//! library collection (the value is the library's root cell as a ref).

use gram_cells::{Cell, CellSlice, HashBytes};

/// Reads an `HmLabel` for a remaining key length `max`; returns the label bits.
fn read_label(s: &mut CellSlice, max: usize) -> Option<Vec<bool>> {
    let len_bits = (usize::BITS - max.leading_zeros()) as usize; // bits of ceil(log2(max + 1))
    if !s.load_bit().ok()? {
        // hml_short: unary length, then the bits
        let mut n = 0;
        while s.load_bit().ok()? {
            n += 1;
        }
        (n <= max).then_some(())?;
        (0..n).map(|_| s.load_bit().ok()).collect()
    } else if !s.load_bit().ok()? {
        // hml_long: length in len_bits bits, then the bits
        let n = s.load_uint(len_bits).ok()? as usize;
        (n <= max).then_some(())?;
        (0..n).map(|_| s.load_bit().ok()).collect()
    } else {
        // hml_same: one bit repeated
        let bit = s.load_bit().ok()?;
        let n = s.load_uint(len_bits).ok()? as usize;
        (n <= max).then_some(())?;
        Some(vec![bit; n])
    }
}

/// Finds the library whose root hash is `hash` in the collection `root`.
pub fn lookup(root: &Cell, hash: &HashBytes) -> Option<Cell> {
    let key: Vec<bool> = (0..256).map(|i| hash[i / 8] & (0x80 >> (i % 8)) != 0).collect();
    let mut cell = root.clone();
    let mut pos = 0;
    loop {
        let mut s = CellSlice::new(cell.clone());
        let label = read_label(&mut s, 256 - pos)?;
        if key[pos..].len() < label.len() || key[pos..pos + label.len()] != label[..] {
            return None;
        }
        pos += label.len();
        if pos == 256 {
            let lib = s.load_reference().ok()?;
            return (lib.hash() == hash).then_some(lib);
        }
        let branch = key[pos] as usize;
        cell = s.preload_reference(branch).ok()?;
        pos += 1;
    }
}
