//! Dictionary get / set: gram's `dict` against tycho-types' raw dict
//! functions, on a large dictionary (100,000 keys of 256 bits) and a small
//! one (20 keys of 32 bits, the size of a typical contract's config map).
//! Both sides build the same dictionary and the bench checks the root hashes
//! agree before measuring.
//!
//! cargo bench -p gram-bench --bench dict -- --warm-up-time 1 --measurement-time 3

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use gram_cells::dict::{DictKey, DictValue, Dictionary, NoGas, SetMode};
use gram_cells::CellBuilder;
use std::hint::black_box;
use tycho_types::cell::{Cell as TCell, CellBuilder as TBuilder, CellFamily};
use tycho_types::dict::{dict_get, dict_insert, SetMode as TSetMode};

/// Deterministic pseudo-random words (splitmix64).
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// `count` keys of `bits` bits (as bytes, left-aligned).
fn keys(count: usize, bits: usize, seed: u64) -> Vec<Vec<u8>> {
    let mut state = seed;
    (0..count)
        .map(|_| {
            let mut bytes: Vec<u8> = (0..bits.div_ceil(64)).flat_map(|_| splitmix(&mut state).to_be_bytes()).collect();
            bytes.truncate(bits.div_ceil(8));
            bytes
        })
        .collect()
}

fn gram_value(i: u64) -> gram_cells::Cell {
    let mut b = CellBuilder::new();
    b.store_u64(i).unwrap();
    b.build().unwrap()
}

fn tycho_value(i: u64) -> TCell {
    let mut b = TBuilder::new();
    b.store_u64(i).unwrap();
    b.build().unwrap()
}

struct Fixture {
    bits: usize,
    keys: Vec<Vec<u8>>,
    gram: Dictionary,
    tycho: Option<TCell>,
}

fn fixture(count: usize, bits: usize) -> Fixture {
    let keys = keys(count, bits, 0x5EED ^ count as u64);
    let mut gram = Dictionary::new(bits).unwrap();
    let mut tycho: Option<TCell> = None;
    let ctx = TCell::empty_context();
    for (i, k) in keys.iter().enumerate() {
        let value = gram_value(i as u64);
        gram.set(&DictKey::from_bits(k, bits).unwrap(), DictValue::Slice(&value.as_slice()), SetMode::Set, &mut NoGas)
            .unwrap();
        let tk = TBuilder::from_raw_data(k, bits as u16).unwrap();
        let tv = tycho_value(i as u64);
        dict_insert(&mut tycho, &mut tk.as_data_slice(), bits as u16, &tv.as_slice().unwrap(), TSetMode::Set, ctx)
            .unwrap();
    }
    // Both libraries produce the reference's canonical layout, so the roots agree.
    assert_eq!(
        gram.root().map(|c| *c.hash()),
        tycho.as_ref().map(|c| *c.repr_hash().as_array()),
        "gram and tycho-types disagree on the root"
    );
    Fixture { bits, keys, gram, tycho }
}

fn bench_fixture(c: &mut Criterion, name: &str, f: &Fixture) {
    let ctx = TCell::empty_context();
    let bits = f.bits;
    let gram_keys: Vec<DictKey> = f.keys.iter().map(|k| DictKey::from_bits(k, bits).unwrap()).collect();
    let tycho_keys: Vec<TBuilder> = f.keys.iter().map(|k| TBuilder::from_raw_data(k, bits as u16).unwrap()).collect();
    let mut group = c.benchmark_group(format!("dict/{name}"));

    let mut i = 0usize;
    group.bench_function("get/gram", |b| {
        b.iter(|| {
            i = (i + 7919) % gram_keys.len();
            black_box(f.gram.get(&gram_keys[i], &mut NoGas).unwrap())
        })
    });
    let mut i = 0usize;
    group.bench_function("get/tycho", |b| {
        b.iter(|| {
            i = (i + 7919) % tycho_keys.len();
            black_box(dict_get(f.tycho.as_ref(), bits as u16, tycho_keys[i].as_data_slice(), ctx).unwrap())
        })
    });

    // Overwrite an existing key: rebuilds the whole path from the root.
    let value = gram_value(u64::MAX);
    let slice = value.as_slice();
    let mut i = 0usize;
    group.bench_function("set/gram", |b| {
        b.iter_batched_ref(
            || f.gram.clone(),
            |d| {
                i = (i + 7919) % gram_keys.len();
                d.set(&gram_keys[i], DictValue::Slice(&slice), SetMode::Set, &mut NoGas).unwrap()
            },
            BatchSize::SmallInput,
        )
    });
    let tvalue = tycho_value(u64::MAX);
    let tslice = tvalue.as_slice().unwrap();
    let mut i = 0usize;
    group.bench_function("set/tycho", |b| {
        b.iter_batched_ref(
            || f.tycho.clone(),
            |d| {
                i = (i + 7919) % tycho_keys.len();
                dict_insert(d, &mut tycho_keys[i].as_data_slice(), bits as u16, &tslice, TSetMode::Set, ctx).unwrap()
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

fn dict_benches(c: &mut Criterion) {
    let large = fixture(100_000, 256);
    bench_fixture(c, "large_100k_u256", &large);
    let small = fixture(20, 32);
    bench_fixture(c, "small_20_u32", &small);
}

criterion_group!(benches, dict_benches);
criterion_main!(benches);
