//! SHA-256 of already padded messages (the cell-hash primitive): two
//! messages one after the other with `sha256_padded` against both at once
//! with `sha256_padded_pair`, for 1-, 2- and 3-block messages; also
//! `sha2::compress256` called once per block against once for all blocks,
//! and the cost of the run-time CPU-feature check.
//!
//! Throughput is in blocks, so criterion's "elem/s" reads as blocks per
//! second over both messages.
//!
//! `cargo bench -p gram-bench --bench sha256_pair -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gram_cells::{__bench_sha256_lanes, __bench_sha256_padded, __bench_sha256_padded_pair};

/// A message of `blocks` blocks with valid SHA-256 padding (arbitrary content,
/// 0x80, zeros, bit length), different for each `seed`.
fn padded_message(blocks: usize, seed: u8) -> Vec<u8> {
    let len = blocks * 64 - 9;
    let mut msg: Vec<u8> = (0..len).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)).collect();
    msg.push(0x80);
    msg.extend_from_slice(&(len as u64 * 8).to_be_bytes());
    msg
}

fn pair_vs_single(c: &mut Criterion) {
    let mut group = c.benchmark_group("sha256_two_messages");
    for blocks in [1usize, 2, 3] {
        let a = padded_message(blocks, 1);
        let b = padded_message(blocks, 2);
        group.throughput(Throughput::Elements(2 * blocks as u64));
        group.bench_with_input(BenchmarkId::new("single_x2", blocks), &blocks, |bench, _| {
            bench.iter(|| (__bench_sha256_padded(black_box(&a)), __bench_sha256_padded(black_box(&b))))
        });
        group.bench_with_input(BenchmarkId::new("pair", blocks), &blocks, |bench, _| {
            bench.iter(|| __bench_sha256_padded_pair(black_box(&a), black_box(&b)))
        });
    }
    group.finish();
}

/// Initial hash value, as in the library (FIPS 180-4, 5.3.3).
const INIT: [u32; 8] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

fn compress_per_block_vs_one_call(c: &mut Criterion) {
    let mut group = c.benchmark_group("compress256");
    for blocks in [1usize, 2, 3] {
        let msg = padded_message(blocks, 3);
        let as_blocks: Vec<_> = msg.chunks_exact(64).map(|block| *<&_>::from(block)).collect();
        group.throughput(Throughput::Elements(blocks as u64));
        group.bench_with_input(BenchmarkId::new("per_block", blocks), &blocks, |bench, _| {
            bench.iter(|| {
                let mut state = INIT;
                for block in black_box(&msg).chunks_exact(64) {
                    sha2::compress256(&mut state, std::slice::from_ref(block.into()));
                }
                state
            })
        });
        group.bench_with_input(BenchmarkId::new("one_call", blocks), &blocks, |bench, _| {
            bench.iter(|| {
                let mut state = INIT;
                sha2::compress256(&mut state, black_box(&as_blocks));
                state
            })
        });
        group.bench_with_input(BenchmarkId::new("sha256_padded", blocks), &blocks, |bench, _| {
            bench.iter(|| __bench_sha256_padded(black_box(&msg)))
        });
    }
    group.finish();
}

/// Many independent messages (as one depth of a bag's cells): through the
/// sixteen-lane hasher against two at a time with `sha256_padded_pair`.
/// `blocks` is each message's padded size.
fn many_messages(c: &mut Criterion) {
    let mut group = c.benchmark_group("sha256_many_messages");
    for (count, blocks) in [(16usize, 1usize), (64, 1), (64, 2), (64, 3), (6, 2)] {
        let raw: Vec<Vec<u8>> = (0..count).map(|i| (0..blocks * 64 - 9).map(|j| (i * 7 + j) as u8).collect()).collect();
        let padded: Vec<Vec<u8>> = (0..count).map(|i| padded_message(blocks, i as u8)).collect();
        let refs: Vec<&[u8]> = raw.iter().map(Vec::as_slice).collect();
        let mut digests = vec![[0u8; 32]; count];
        group.throughput(Throughput::Elements((count * blocks) as u64));
        let id = format!("{count}x{blocks}");
        group.bench_with_input(BenchmarkId::new("lanes", &id), &id, |bench, _| {
            bench.iter(|| __bench_sha256_lanes(black_box(&refs), &mut digests))
        });
        group.bench_with_input(BenchmarkId::new("pairs", &id), &id, |bench, _| {
            bench.iter(|| {
                for pair in black_box(&padded).chunks(2) {
                    match pair {
                        [a, b] => drop(black_box(__bench_sha256_padded_pair(a, b))),
                        [a] => drop(black_box(__bench_sha256_padded(a))),
                        _ => {}
                    }
                }
            })
        });
    }
    group.finish();
}

#[cfg(target_arch = "x86_64")]
fn feature_check(c: &mut Criterion) {
    c.bench_function("is_x86_feature_detected_x4", |bench| {
        bench.iter(|| {
            std::is_x86_feature_detected!("sha")
                && std::is_x86_feature_detected!("sse2")
                && std::is_x86_feature_detected!("ssse3")
                && std::is_x86_feature_detected!("sse4.1")
        })
    });
}

#[cfg(not(target_arch = "x86_64"))]
fn feature_check(_: &mut Criterion) {}

criterion_group!(benches, pair_vs_single, compress_per_block_vs_one_call, many_messages, feature_check);
criterion_main!(benches);
