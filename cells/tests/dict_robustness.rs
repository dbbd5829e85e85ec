//! Arbitrary cells given as dictionary roots: every operation returns a value
//! or a typed error (TVM exceptions 8, 9 or 10), never panics or loops.

use gram_cells::dict::{DictKey, DictValue, Dictionary, GasCounter, PrefixDictionary, SetMode};
use gram_cells::{Cell, CellBuilder};
use proptest::prelude::*;

/// A random cell tree: up to 24 bits per cell, up to 3 refs, depth up to 4.
fn cell_tree() -> impl Strategy<Value = Cell> {
    let leaf = (prop::collection::vec(any::<u8>(), 0..4), 0usize..25)
        .prop_map(|(data, bits)| build(&data, bits.min(data.len() * 8), vec![]));
    leaf.prop_recursive(4, 40, 3, |inner| {
        (prop::collection::vec(any::<u8>(), 0..4), 0usize..25, prop::collection::vec(inner, 0..4))
            .prop_map(|(data, bits, refs)| build(&data, bits.min(data.len() * 8), refs))
    })
}

fn build(data: &[u8], bits: usize, refs: Vec<Cell>) -> Cell {
    let mut b = CellBuilder::new();
    b.store_raw(data, bits).unwrap();
    for r in refs {
        b.store_reference(r).unwrap();
    }
    b.build().unwrap()
}

fn check_error<T>(result: Result<T, gram_cells::dict::DictError>) {
    if let Err(e) = result {
        assert!(matches!(e.exit_code(), 8..=10), "unexpected error {e:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn malformed_roots_give_typed_errors(root in cell_tree(), n in 0usize..12, key in any::<u16>(), keep in 0usize..12) {
        let key = DictKey::from_uint(key as u64 & ((1 << n) - 1), n).unwrap();
        let value = Cell::empty().as_slice();
        let mut gas = GasCounter::new();
        let dict = Dictionary::with_root(Some(root.clone()), n).unwrap();
        check_error(dict.get(&key, &mut gas));
        check_error(dict.get_ref(&key, &mut gas));
        for mode in [SetMode::Set, SetMode::Replace, SetMode::Add] {
            check_error(dict.clone().set_get(&key, DictValue::Slice(&value), mode, &mut gas));
        }
        check_error(dict.clone().delete(&key, &mut gas));
        for signed in [false, true] {
            check_error(dict.min(signed, &mut gas));
            check_error(dict.max(signed, &mut gas));
            check_error(dict.clone().remove_min(signed, &mut gas));
            check_error(dict.clone().remove_max(signed, &mut gas));
            for eq in [false, true] {
                check_error(dict.get_next(&key, eq, signed, &mut gas));
                check_error(dict.get_prev(&key, eq, signed, &mut gas));
            }
            for entry in dict.iter(signed, signed, &mut gas).take(5000) {
                check_error(entry);
            }
        }
        let mut prefix = key.clone();
        prefix.truncate(keep);
        check_error(dict.subdict(&prefix, false, &mut gas));
        check_error(dict.subdict(&prefix, true, &mut gas));

        let pfx = PrefixDictionary::with_root(Some(root), n).unwrap();
        check_error(pfx.lookup_prefix(&key, &mut gas));
        check_error(pfx.get(&prefix, &mut gas));
        for mode in [SetMode::Set, SetMode::Replace, SetMode::Add] {
            check_error(pfx.clone().set(&prefix, DictValue::Slice(&value), mode, &mut gas));
        }
        check_error(pfx.clone().delete(&prefix, &mut gas));
    }
}

#[test]
fn key_width_over_1023_is_refused() {
    assert_eq!(Dictionary::new(1024).unwrap_err().exit_code(), 10);
    assert_eq!(PrefixDictionary::new(1024).unwrap_err().exit_code(), 10);
    assert!(Dictionary::new(1023).is_ok());
}
