//! BoC decode (with hash computation and checks) and canonical encode,
//! gram against tycho-types on the same bytes: a 300,000-cell generated
//! tree with sharing, the wallet v4r2 code, and the sandbox's default
//! blockchain config (2928 cells).
//!
//! `cargo bench -p gram-bench --bench boc -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use gram_cells::boc::{self, EncodeMode};
use gram_cells::Cell;

const WALLET_V4R2_CODE: &[u8] = include_bytes!("../../cli/assets/wallet_v4r2_code.boc");
const SANDBOX_CONFIG: &[u8] = include_bytes!("../../cli/assets/sandbox_default_config.boc");

/// A small deterministic generator (xorshift64*), so the tree is the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A wide, fairly deep tree of about `count` unique cells: every cell takes
/// 0-4 refs (once 5000 cells wait for a parent), mostly from the
/// not-yet-referenced cells (so everything stays
/// reachable), one in ten from any earlier cell (sharing). Data is 0-1023
/// random bits, weighted towards short cells as in real contracts.
fn generated_tree(count: usize) -> Cell {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut all: Vec<Cell> = Vec::with_capacity(count);
    let mut frontier: Vec<Cell> = Vec::new();
    while all.len() < count {
        let bits = match rng.below(4) {
            0 => rng.below(1024),
            _ => rng.below(300),
        };
        let mut data = [0u8; 128];
        for chunk in data.chunks_mut(8) {
            chunk.copy_from_slice(&rng.next().to_le_bytes());
        }
        let want = if frontier.len() < 5000 { 0 } else { rng.below(5) };
        let mut refs = Vec::with_capacity(want);
        for _ in 0..want {
            if rng.below(10) == 0 {
                refs.push(all[rng.below(all.len())].clone());
            } else if !frontier.is_empty() {
                let i = rng.below(frontier.len());
                refs.push(frontier.swap_remove(i));
            }
        }
        let cell = Cell::new(&data, bits, &refs, false).expect("generated cell is valid");
        all.push(cell.clone());
        frontier.push(cell);
    }
    // Tie the remaining loose cells together under one root, four at a time.
    while frontier.len() > 1 {
        let take = frontier.len().min(4);
        let refs: Vec<Cell> = frontier.drain(..take).collect();
        frontier.push(Cell::new(&[0xAA], 8, &refs, false).expect("joining cell is valid"));
    }
    frontier.pop().expect("at least one cell")
}

/// (name, plain canonical BoC bytes, unique cell count).
fn inputs() -> Vec<(&'static str, Vec<u8>, u64)> {
    let mut list = Vec::new();
    let tree = generated_tree(300_000);
    let samples = [
        ("tree_300k", tree),
        ("wallet_v4r2", boc::decode_single(WALLET_V4R2_CODE).unwrap()),
        ("config", { boc::decode_single(SANDBOX_CONFIG).unwrap() }),
    ];
    for (name, root) in samples {
        let bytes = boc::encode(&root, EncodeMode::PLAIN).unwrap();
        // The cell count is in the header: 6 bytes in, `ref_size` bytes wide.
        let ref_size = usize::from(bytes[4] & 7);
        let cells = bytes[6..6 + ref_size].iter().fold(0u64, |a, &b| (a << 8) | u64::from(b));
        list.push((name, bytes, cells));
    }
    list
}

fn decode(c: &mut Criterion) {
    let mut group = c.benchmark_group("boc_decode");
    for (name, bytes, cells) in inputs() {
        group.throughput(Throughput::Elements(cells));
        group.bench_with_input(BenchmarkId::new("gram", name), &bytes, |b, bytes| {
            b.iter(|| boc::decode_single(black_box(bytes)).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("tycho", name), &bytes, |b, bytes| {
            b.iter(|| tycho_types::boc::Boc::decode(black_box(bytes)).unwrap())
        });
    }
    group.finish();
}

fn encode(c: &mut Criterion) {
    let mut group = c.benchmark_group("boc_encode");
    for (name, bytes, cells) in inputs() {
        let ours = boc::decode_single(&bytes).unwrap();
        let theirs = tycho_types::boc::Boc::decode(&bytes).unwrap();
        assert_eq!(ours.hash(), theirs.repr_hash().as_array(), "{name}: both sides agree on the hash");
        group.throughput(Throughput::Elements(cells));
        group.bench_with_input(BenchmarkId::new("gram", name), &ours, |b, root| {
            b.iter(|| boc::encode(black_box(root), EncodeMode::PLAIN).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("tycho", name), &theirs, |b, root| {
            b.iter(|| tycho_types::boc::Boc::encode(black_box(root)))
        });
    }
    group.finish();
}

criterion_group!(benches, decode, encode);
criterion_main!(benches);
