//! Property tests: gram's dictionaries against a `BTreeMap` model, over random
//! operation sequences on keys of several widths, plus canonical form (the same
//! entries give the same root hash whatever the insertion order).

use std::collections::BTreeMap;

use gram_cells::dict::{DictKey, DictValue, Dictionary, NoGas, PrefixDictionary, SetMode};
use gram_cells::{Cell, CellBuilder, CellSlice};
use proptest::prelude::*;

/// A model value: an id stored either as 32 data bits or as a ref to a cell holding them.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Val {
    Bits(u32),
    Ref(u32),
}

fn id_cell(id: u32) -> Cell {
    let mut b = CellBuilder::new();
    b.store_u32(id).unwrap();
    b.build().unwrap()
}

fn store(dict: &mut Dictionary, key: &DictKey, val: Val, mode: SetMode) -> (bool, Option<Val>) {
    let out = match val {
        Val::Bits(id) => dict.set_get(key, DictValue::Slice(&id_cell(id).as_slice()), mode, &mut NoGas),
        Val::Ref(id) => dict.set_get(key, DictValue::Ref(&id_cell(id)), mode, &mut NoGas),
    }
    .unwrap();
    (out.changed, out.old.map(|s| read_val(&s)))
}

fn read_val(slice: &CellSlice) -> Val {
    if slice.remaining_refs() == 1 && slice.remaining_bits() == 0 {
        Val::Ref(slice.preload_reference(0).unwrap().as_slice().preload_uint(32).unwrap() as u32)
    } else {
        assert_eq!((slice.remaining_bits(), slice.remaining_refs()), (32, 0), "value shape");
        Val::Bits(slice.preload_uint(32).unwrap() as u32)
    }
}

/// Sort key of a dictionary key in signed order: the sign bit inverted.
fn order_key(key: &DictKey, signed: bool) -> DictKey {
    let mut bytes = key.as_bytes().to_vec();
    if signed && !key.is_empty() {
        bytes[0] ^= 0x80;
    }
    DictKey::from_bits(&bytes, key.len()).unwrap()
}

#[derive(Clone, Debug)]
enum Op {
    Set(usize, Val, u8),
    Delete(usize),
    Get(usize),
    MinMax { max: bool, signed: bool, remove: bool },
    Near { key: usize, next: bool, eq: bool, signed: bool },
    Subdict { key: usize, len: usize, remove: bool },
}

fn val_strategy() -> impl Strategy<Value = Val> {
    prop_oneof![any::<u32>().prop_map(Val::Bits), any::<u32>().prop_map(Val::Ref)]
}

fn op_strategy() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (any::<usize>(), val_strategy(), 0u8..3).prop_map(|(k, v, m)| Op::Set(k, v, m)),
        2 => any::<usize>().prop_map(Op::Delete),
        2 => any::<usize>().prop_map(Op::Get),
        2 => (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(max, signed, remove)| Op::MinMax { max, signed, remove }),
        3 => (any::<usize>(), any::<bool>(), any::<bool>(), any::<bool>())
            .prop_map(|(key, next, eq, signed)| Op::Near { key, next, eq, signed }),
        1 => (any::<usize>(), any::<usize>(), any::<bool>()).prop_map(|(key, len, remove)| Op::Subdict { key, len, remove }),
    ]
}

/// A pool of keys of width `n`: random ones, near-duplicates (shared prefixes)
/// and runs of equal bits (`hml_same` labels).
fn key_pool(n: usize, seeds: &[[u8; 34]]) -> Vec<DictKey> {
    let mut pool = Vec::new();
    for (i, seed) in seeds.iter().enumerate() {
        let mut bytes = seed.to_vec();
        match i % 4 {
            1 if i > 0 => bytes[..20].copy_from_slice(&seeds[i - 1][..20]),
            2 => bytes[..30].fill(if seed[33] & 1 == 1 { 0xFF } else { 0 }),
            _ => {}
        }
        pool.push(DictKey::from_bits(&bytes, n).unwrap());
    }
    pool
}

fn entries_of(dict: &Dictionary, reverse: bool, signed: bool) -> Vec<(DictKey, Val)> {
    dict.iter(reverse, signed, &mut NoGas).map(|e| e.map(|(k, v)| (k, read_val(&v)))).collect::<Result<_, _>>().unwrap()
}

fn build_from(n: usize, entries: &[(DictKey, Val)]) -> Dictionary {
    let mut d = Dictionary::new(n).unwrap();
    for (k, v) in entries {
        store(&mut d, k, *v, SetMode::Add);
    }
    d
}

fn check_dict(n: usize, seeds: Vec<[u8; 34]>, ops: Vec<Op>) {
    let pool = key_pool(n, &seeds);
    let mut dict = Dictionary::new(n).unwrap();
    let mut model: BTreeMap<DictKey, Val> = BTreeMap::new();
    for op in ops {
        match op {
            Op::Set(k, val, mode) => {
                let key = &pool[k % pool.len()];
                let mode = [SetMode::Set, SetMode::Replace, SetMode::Add][mode as usize];
                let existing = model.get(key).copied();
                let (changed, old) = store(&mut dict, key, val, mode);
                let expect_change = match mode {
                    SetMode::Set => true,
                    SetMode::Replace => existing.is_some(),
                    SetMode::Add => existing.is_none(),
                };
                assert_eq!(changed, expect_change, "{mode:?} changed");
                // The old value is reported whenever the key existed (Set/Replace overwrite it, Add keeps it).
                assert_eq!(old, existing, "{mode:?} old value");
                if changed {
                    model.insert(key.clone(), val);
                }
            }
            Op::Delete(k) => {
                let key = &pool[k % pool.len()];
                let old = dict.delete(key, &mut NoGas).unwrap().map(|s| read_val(&s));
                assert_eq!(old, model.remove(key));
            }
            Op::Get(k) => {
                let key = &pool[k % pool.len()];
                assert_eq!(dict.get(key, &mut NoGas).unwrap().map(|s| read_val(&s)), model.get(key).copied());
            }
            Op::MinMax { max, signed, remove } => {
                let mut sorted: Vec<_> = model.iter().map(|(k, v)| (order_key(k, signed), k.clone(), *v)).collect();
                sorted.sort();
                let want = if max { sorted.last() } else { sorted.first() }.map(|(_, k, v)| (k.clone(), *v));
                let got = match (remove, max) {
                    (false, false) => dict.min(signed, &mut NoGas),
                    (false, true) => dict.max(signed, &mut NoGas),
                    (true, false) => dict.remove_min(signed, &mut NoGas),
                    (true, true) => dict.remove_max(signed, &mut NoGas),
                }
                .unwrap()
                .map(|(k, v)| (k, read_val(&v)));
                assert_eq!(got, want, "min/max max={max} signed={signed}");
                if let (true, Some((k, _))) = (remove, &want) {
                    model.remove(k);
                }
            }
            Op::Near { key, next, eq, signed } => {
                let probe = &pool[key % pool.len()];
                let target = order_key(probe, signed);
                let mut sorted: Vec<_> = model.iter().map(|(k, v)| (order_key(k, signed), k.clone(), *v)).collect();
                sorted.sort();
                let want = if next {
                    sorted.iter().find(|(o, _, _)| if eq { *o >= target } else { *o > target })
                } else {
                    sorted.iter().rev().find(|(o, _, _)| if eq { *o <= target } else { *o < target })
                }
                .map(|(_, k, v)| (k.clone(), *v));
                let got = if next {
                    dict.get_next(probe, eq, signed, &mut NoGas)
                } else {
                    dict.get_prev(probe, eq, signed, &mut NoGas)
                }
                .unwrap()
                .map(|(k, v)| (k, read_val(&v)));
                assert_eq!(got, want, "nearest next={next} eq={eq} signed={signed}");
            }
            Op::Subdict { key, len, remove } => {
                let mut prefix = pool[key % pool.len()].clone();
                prefix.truncate(len % (n + 1));
                let k = prefix.len();
                let sub = dict.subdict(&prefix, remove, &mut NoGas).unwrap();
                let want: Vec<(DictKey, Val)> = model
                    .iter()
                    .filter(|(key, _)| {
                        let mut head = (*key).clone();
                        head.truncate(k);
                        head == prefix
                    })
                    .map(|(key, v)| {
                        if remove {
                            let rest = DictKey::from_slice_bits(&{
                                let mut s = key.to_slice().unwrap();
                                s.skip_bits(k).unwrap();
                                s
                            });
                            (rest, *v)
                        } else {
                            (key.clone(), *v)
                        }
                    })
                    .collect();
                assert_eq!(sub.key_bits(), if remove { n - k } else { n });
                assert_eq!(entries_of(&sub, false, false), want, "subdict entries");
                // The sub-dictionary is in canonical form too.
                assert_eq!(sub.root(), build_from(sub.key_bits(), &want).root(), "subdict canonical");
            }
        }
    }
    // Iteration in all four orders.
    for signed in [false, true] {
        let mut want: Vec<_> = model.iter().map(|(k, v)| (order_key(k, signed), k.clone(), *v)).collect();
        want.sort();
        let want: Vec<_> = want.into_iter().map(|(_, k, v)| (k, v)).collect();
        assert_eq!(entries_of(&dict, false, signed), want);
        let reversed: Vec<_> = want.iter().rev().cloned().collect();
        assert_eq!(entries_of(&dict, true, signed), reversed);
    }
    // Canonical form: the same entries inserted ascending, descending and interleaved.
    let entries: Vec<_> = model.iter().map(|(k, v)| (k.clone(), *v)).collect();
    let rev: Vec<_> = entries.iter().rev().cloned().collect();
    let interleaved: Vec<_> = entries.iter().step_by(2).chain(entries.iter().skip(1).step_by(2)).cloned().collect();
    for order in [&entries, &rev, &interleaved] {
        assert_eq!(build_from(n, order).root(), dict.root(), "canonical root");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn dict_matches_model_small_keys(
        n in prop::sample::select(vec![0usize, 1, 2, 4, 8]),
        seeds in prop::collection::vec(any::<[u8; 34]>(), 1..40),
        ops in prop::collection::vec(op_strategy(), 1..80),
    ) {
        check_dict(n, seeds, ops);
    }

    #[test]
    fn dict_matches_model_wide_keys(
        n in prop::sample::select(vec![16usize, 32, 33, 64, 256, 267]),
        seeds in prop::collection::vec(any::<[u8; 34]>(), 1..40),
        ops in prop::collection::vec(op_strategy(), 1..80),
    ) {
        check_dict(n, seeds, ops);
    }
}

// ---------------------------------------------------------------------------
// Prefix-code dictionaries
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum PfxOp {
    Set(usize, u32, u8),
    Delete(usize),
    Lookup(usize, u16),
}

fn is_prefix(a: &DictKey, b: &DictKey) -> bool {
    let mut head = b.clone();
    head.truncate(a.len());
    a.len() <= b.len() && head == *a
}

fn pfx_value(slice: &CellSlice) -> u32 {
    assert_eq!(slice.remaining_bits(), 32);
    slice.preload_uint(32).unwrap() as u32
}

fn check_prefix_dict(n: usize, keys: Vec<(u64, u8)>, ops: Vec<PfxOp>) {
    // Keys of up to min(n, 40) bits cut from random words: short ones are often prefixes of others.
    let pool: Vec<DictKey> = keys
        .iter()
        .map(|&(bits, len)| DictKey::from_bits(&bits.to_be_bytes(), len as usize % (n.min(40) + 1)).unwrap())
        .collect();
    let mut dict = PrefixDictionary::new(n).unwrap();
    let mut model: BTreeMap<DictKey, u32> = BTreeMap::new();
    for op in ops {
        match op {
            PfxOp::Set(k, id, mode) => {
                let key = &pool[k % pool.len()];
                let mode = [SetMode::Set, SetMode::Replace, SetMode::Add][mode as usize];
                let exists = model.contains_key(key);
                let conflict =
                    model.keys().any(|other| other != key && (is_prefix(other, key) || is_prefix(key, other)));
                let expect = !conflict
                    && match mode {
                        SetMode::Set => true,
                        SetMode::Replace => exists,
                        SetMode::Add => !exists,
                    };
                let changed = dict.set(key, DictValue::Slice(&id_cell(id).as_slice()), mode, &mut NoGas).unwrap();
                assert_eq!(changed, expect, "pfx set {mode:?} {key:?}");
                if changed {
                    model.insert(key.clone(), id);
                }
            }
            PfxOp::Delete(k) => {
                let key = &pool[k % pool.len()];
                let got = dict.delete(key, &mut NoGas).unwrap().map(|s| pfx_value(&s));
                assert_eq!(got, model.remove(key));
            }
            PfxOp::Lookup(k, extra) => {
                let base = &pool[k % pool.len()];
                let input = {
                    let mut b = CellBuilder::new();
                    b.store_raw(base.as_bytes(), base.len()).unwrap();
                    b.store_u16(extra).unwrap();
                    DictKey::from_slice_bits(&b.build().unwrap().as_slice())
                };
                let want = model.iter().find(|(key, _)| is_prefix(key, &input)).map(|(k, v)| (*v, k.len()));
                let got = dict.lookup_prefix(&input, &mut NoGas).unwrap().map(|(s, len)| (pfx_value(&s), len));
                assert_eq!(got, want, "lookup_prefix");
                assert_eq!(dict.get(base, &mut NoGas).unwrap().map(|s| pfx_value(&s)), model.get(base).copied());
            }
        }
    }
    // Canonical form: rebuilt from the entries in two orders.
    for reverse in [false, true] {
        let mut rebuilt = PrefixDictionary::new(n).unwrap();
        let mut entries: Vec<_> = model.iter().collect();
        if reverse {
            entries.reverse();
        }
        for (k, v) in entries {
            assert!(rebuilt.set(k, DictValue::Slice(&id_cell(*v).as_slice()), SetMode::Add, &mut NoGas).unwrap());
        }
        assert_eq!(rebuilt.root(), dict.root(), "prefix dictionary canonical root");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn prefix_dict_matches_model(
        n in prop::sample::select(vec![0usize, 3, 8, 16, 40, 100]),
        keys in prop::collection::vec((any::<u64>(), any::<u8>()), 1..30),
        ops in prop::collection::vec(prop_oneof![
            4 => (any::<usize>(), any::<u32>(), 0u8..3).prop_map(|(k, v, m)| PfxOp::Set(k, v, m)),
            2 => any::<usize>().prop_map(PfxOp::Delete),
            3 => (any::<usize>(), any::<u16>()).prop_map(|(k, e)| PfxOp::Lookup(k, e)),
        ], 1..80),
    ) {
        check_prefix_dict(n, keys, ops);
    }
}
