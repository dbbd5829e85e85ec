//! The `CellContext` hook: library cells inside a dictionary are read through
//! a context that resolves them (as the VM does) and refused by one that does
//! not; every load and creation is reported.

use std::collections::HashMap;

use gram_cells::dict::{
    require_ordinary, CellContext, DictKey, DictResult, DictValue, Dictionary, GasCounter, NoGas, PrefixDictionary,
    SetMode,
};
use gram_cells::{Cell, CellBuilder, CellType, HashBytes};

/// Resolves library cells from a table, and logs loads and creations.
#[derive(Default)]
struct Libraries {
    table: HashMap<HashBytes, Cell>,
    loaded: Vec<HashBytes>,
    created: usize,
}

impl CellContext for Libraries {
    fn load_cell(&mut self, cell: &Cell) -> DictResult<Option<Cell>> {
        self.loaded.push(*cell.hash());
        if cell.cell_type() == CellType::LibraryReference {
            let mut hash = [0u8; 32];
            hash.copy_from_slice(&cell.data()[1..33]);
            return Ok(Some(self.table[&hash].clone()));
        }
        require_ordinary(cell)?;
        Ok(None)
    }

    fn on_create(&mut self) -> DictResult<()> {
        self.created += 1;
        Ok(())
    }
}

fn library_cell(target: &Cell) -> Cell {
    let mut data = vec![2u8];
    data.extend_from_slice(target.hash());
    Cell::new(&data, 8 + 256, &[], true).unwrap()
}

fn value(v: u8) -> Cell {
    let mut b = CellBuilder::new();
    b.store_u8(v).unwrap();
    b.build().unwrap()
}

/// A 3-entry dictionary and the same tree with the root's left child stored as a library.
fn with_library_child() -> (Dictionary, Dictionary, Libraries) {
    let mut dict = Dictionary::new(8).unwrap();
    for (k, v) in [(0x01u64, 1u8), (0x02, 2), (0x80, 3)] {
        dict.set(&DictKey::from_uint(k, 8).unwrap(), DictValue::Slice(&value(v).as_slice()), SetMode::Set, &mut NoGas)
            .unwrap();
    }
    let root = dict.root().unwrap().clone();
    let left = root.reference(0).unwrap().clone();
    let right = root.reference(1).unwrap().clone();
    let lib = library_cell(&left);
    let patched = Cell::new(root.data(), root.bit_len(), &[lib, right], false).unwrap();
    let mut libs = Libraries::default();
    libs.table.insert(*left.hash(), left);
    (dict, Dictionary::with_root(Some(patched), 8).unwrap(), libs)
}

#[test]
fn library_nodes_resolve_through_the_context() {
    let (plain, patched, mut libs) = with_library_child();
    let key = DictKey::from_uint(0x02, 8).unwrap();
    let found = patched.get(&key, &mut libs).unwrap().unwrap();
    assert_eq!(found.preload_uint(8).unwrap(), 2);
    // The value is read from the library's target: the very leaf of the plain tree.
    let expected = plain.get(&key, &mut NoGas).unwrap().unwrap();
    assert_eq!(found.cell().hash(), expected.cell().hash());
    // Root, the library cell (charged under its own hash), then the leaf below the target.
    assert_eq!(libs.loaded.len(), 3);
    assert_eq!(libs.loaded[0], *patched.root().unwrap().hash());

    // Ordered walks and iteration go through the library too.
    let (min_key, min_value) = patched.min(false, &mut libs).unwrap().unwrap();
    assert_eq!((min_key, min_value.preload_uint(8).unwrap()), (DictKey::from_uint(1, 8).unwrap(), 1));
    let next = patched.get_next(&DictKey::from_uint(0x01, 8).unwrap(), false, false, &mut libs).unwrap().unwrap();
    assert_eq!(next.0, DictKey::from_uint(2, 8).unwrap());
    let keys: Vec<_> = patched.iter(false, false, &mut libs).map(|e| e.unwrap().0).collect();
    assert_eq!(keys.len(), 3);

    // Writing below a library rebuilds the path with ordinary cells: the result
    // equals the plain tree after the same change.
    let mut a = patched.clone();
    let mut b = plain.clone();
    let key = DictKey::from_uint(0x03, 8).unwrap();
    let v = value(9);
    let created_before = libs.created;
    a.set(&key, DictValue::Slice(&v.as_slice()), SetMode::Set, &mut libs).unwrap();
    b.set(&key, DictValue::Slice(&v.as_slice()), SetMode::Set, &mut NoGas).unwrap();
    assert_eq!(a.root(), b.root());
    assert!(libs.created > created_before);
    assert!(a.delete(&key, &mut libs).unwrap().is_some());
    assert_eq!(a.root(), plain.root());
}

#[test]
fn library_nodes_are_refused_without_a_resolver() {
    let (_, patched, _) = with_library_child();
    let key = DictKey::from_uint(0x02, 8).unwrap();
    let err = patched.get(&key, &mut NoGas).unwrap_err();
    assert_eq!(err.exit_code(), 9);
    // The counting context charges the load before refusing the cell, like the reference.
    let mut gas = GasCounter::new();
    assert_eq!(patched.get(&key, &mut gas).unwrap_err().exit_code(), 9);
    assert_eq!((gas.loads, gas.creates, gas.gas()), (2, 0, 200));
    // The right subtree has no library and stays readable.
    assert!(patched.get(&DictKey::from_uint(0x80, 8).unwrap(), &mut NoGas).unwrap().is_some());
}

#[test]
fn prefix_lookup_resolves_libraries() {
    let mut dict = PrefixDictionary::new(16).unwrap();
    for (bits, len, v) in [(0b0u8, 1usize, 1u8), (0b10, 2, 2), (0b11, 2, 3)] {
        let key = DictKey::from_uint(bits as u64, len).unwrap();
        assert!(dict.set(&key, DictValue::Slice(&value(v).as_slice()), SetMode::Set, &mut NoGas).unwrap());
    }
    let root = dict.root().unwrap().clone();
    let right = root.reference(1).unwrap().clone();
    let patched_root =
        Cell::new(root.data(), root.bit_len(), &[root.reference(0).unwrap().clone(), library_cell(&right)], false)
            .unwrap();
    let patched = PrefixDictionary::with_root(Some(patched_root), 16).unwrap();
    let mut libs = Libraries::default();
    libs.table.insert(*right.hash(), right);
    let input = DictKey::from_uint(0b1101, 4).unwrap();
    let (found, len) = patched.lookup_prefix(&input, &mut libs).unwrap().unwrap();
    assert_eq!((found.preload_uint(8).unwrap(), len), (3, 2));
    assert_eq!(patched.lookup_prefix(&input, &mut NoGas).unwrap_err().exit_code(), 9);
}
