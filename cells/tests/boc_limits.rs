//! Hostile and extreme inputs: huge counts in a tiny header, the deepest
//! tree the reference allows, walked on a small stack.

use gram_cells::boc::{self, BocError, EncodeMode};
use gram_cells::{Cell, MAX_DEPTH};

/// A header that claims `cells` cells of 4-byte refs and `data_size` bytes, then stops.
fn header(cells: u32, roots: u32, data_size: u64) -> Vec<u8> {
    let mut b = vec![0xb5, 0xee, 0x9c, 0x72, 0x04, 0x08];
    b.extend_from_slice(&cells.to_be_bytes());
    b.extend_from_slice(&roots.to_be_bytes());
    b.extend_from_slice(&0u32.to_be_bytes());
    b.extend_from_slice(&data_size.to_be_bytes());
    b
}

#[test]
fn huge_counts_are_refused_before_allocating() {
    // 2^31 - 1 cells of 6 bytes at least, 1 TiB of data: valid header, missing bytes.
    let bytes = header(0x7fff_ffff, 1, 1 << 40);
    // 26 header bytes, a 4-byte root list, then the data.
    assert_eq!(boc::decode(&bytes), Err(BocError::NotEnoughBytes { present: 26, required: 30 + (1 << 40) }));
    // Counts the reference reads as negative C ints are invalid.
    assert_eq!(boc::decode(&header(0x8000_0000, 1, 1 << 33)), Err(BocError::InvalidHeader));
    assert_eq!(boc::decode(&header(10, 0x8000_0000, 100)), Err(BocError::InvalidHeader));
    // More than 1024 bytes per cell, or more than 1 TiB.
    assert_eq!(boc::decode(&header(1, 1, 1025)), Err(BocError::InvalidHeader));
    assert_eq!(boc::decode(&header(0x7fff_ffff, 1, (1 << 40) + 1)), Err(BocError::InvalidHeader));
    // Roots beyond the caller's limit are refused before the root list is read.
    let mut many_roots = header(20000, 20000, 20000 * 6);
    many_roots.resize(many_roots.len() + 20000 * 4 + 20000 * 6, 0);
    assert_eq!(boc::decode(&many_roots), Err(BocError::TooManyRoots { count: 20000, max: 16384 }));
}

fn chain(len: u16) -> Cell {
    let mut cell = Cell::empty();
    for _ in 0..len {
        cell = Cell::new(&[0xAB], 8, &[cell], false).unwrap();
    }
    cell
}

#[test]
fn deepest_tree_decodes_and_encodes_on_a_small_stack() {
    let deepest = chain(MAX_DEPTH);
    let bytes = boc::encode(&deepest, EncodeMode::PLAIN).unwrap();
    let expected = *deepest.hash();
    drop(deepest);
    let worker = std::thread::Builder::new()
        .stack_size(64 * 1024)
        .spawn(move || {
            let root = boc::decode_single(&bytes).unwrap();
            assert_eq!(*root.hash(), expected);
            assert_eq!(root.depth(), MAX_DEPTH);
            for bits in [0, 1, 3, 8, 19, 31] {
                let mode = EncodeMode::from_reference_bits(bits);
                let again = boc::encode(&root, mode).unwrap();
                assert_eq!(boc::decode_single(&again).unwrap().hash(), &expected);
            }
        })
        .unwrap();
    worker.join().expect("no recursion on the tree depth");
}

#[test]
fn one_level_too_deep_is_rejected() {
    // Splice one more parent on top of the deepest chain, by hand: cell 0 refs cell 1.
    let deepest = chain(MAX_DEPTH);
    let body = boc::encode(&deepest, EncodeMode::PLAIN).unwrap();
    let roots = boc::decode(&body).unwrap();
    assert_eq!(roots[0].depth(), MAX_DEPTH);
    let cells = 1025u32 + 1;
    let mut bytes = vec![0xb5, 0xee, 0x9c, 0x72, 0x02, 0x02];
    bytes.extend_from_slice(&(cells as u16).to_be_bytes());
    bytes.extend_from_slice(&1u16.to_be_bytes());
    bytes.extend_from_slice(&0u16.to_be_bytes());
    // Old data: 1024 cells of 2 + 1 + 2 bytes and the leaf of 2 bytes; plus the new top cell.
    let data_size = 1024 * 5 + 2 + 4;
    bytes.extend_from_slice(&(data_size as u16).to_be_bytes());
    bytes.extend_from_slice(&0u16.to_be_bytes());
    bytes.extend_from_slice(&[0x01, 0x00, 0x00, 0x01]); // new root: no data, ref to cell 1
    for i in 0..1024u16 {
        bytes.extend_from_slice(&[0x01, 0x02, 0xAB]);
        bytes.extend_from_slice(&(i + 2).to_be_bytes());
    }
    bytes.extend_from_slice(&[0x00, 0x00]);
    assert!(matches!(
        boc::decode(&bytes),
        Err(BocError::InvalidCell { cell: 0, source: gram_cells::CellError::DepthTooBig })
    ));
}
