//! The property the `vm_run` fuzz target checks, shared with the corpus
//! replay test (`vm/tests/vm_fuzz_corpus.rs`): arbitrary bytes become a code
//! tree, a small stack and a bounded gas limit; the VM must not panic, and
//! two runs (a fresh decode cache, then a warm one) must give identical
//! results: exit code, gas, steps, stack and committed c4/c5. Gas
//! determinism is what fuzzers and node authors rely on.
//!
//! Input layout: byte 0 picks the gas limit and maximum (1..=64 x 1000), byte 1 the
//! stack (low 3 bits: entry count, high bits: seed of the entry kinds),
//! the rest is split into up to four cells: a root and three children
//! (each at most 127 bytes, cut at each 0xFF 0xFE 0xFD marker pair).

use gram_cells::{Cell, CellBuilder, CellSlice};
use gram_vm::{run_with_cache, CodeCache, Int257, RunOutcome, RunParams, Value};

/// Splits the code bytes into cell payloads at `0xFE 0xFD` markers.
fn payloads(code: &[u8]) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = code;
    while parts.len() < 3 {
        match rest.windows(2).position(|w| w == [0xFE, 0xFD]) {
            Some(at) => {
                parts.push(&rest[..at]);
                rest = &rest[at + 2..];
            }
            None => break,
        }
    }
    parts.push(rest);
    parts
}

fn cell_of(bytes: &[u8], refs: &[Cell]) -> Cell {
    let bytes = &bytes[..bytes.len().min(127)];
    let mut b = CellBuilder::new();
    b.store_raw(bytes, bytes.len() * 8).expect("at most 1016 bits");
    for r in refs {
        b.store_reference(r.clone()).expect("at most 4 refs");
    }
    b.build().expect("plain cell")
}

/// The code tree: the last payload is the root, the others its refs.
fn code_tree(code: &[u8]) -> Cell {
    let parts = payloads(code);
    let (root, children) = parts.split_last().expect("at least one part");
    let refs: Vec<Cell> = children.iter().map(|p| cell_of(p, &[])).collect();
    cell_of(root, &refs)
}

fn stack_of(spec: u8) -> Vec<Value> {
    let count = (spec & 7) as usize;
    let mut seed = spec >> 3;
    (0..count)
        .map(|i| {
            let kind = seed % 6;
            seed = seed.rotate_left(1) ^ (i as u8);
            match kind {
                0 => Value::int(i as i64 - 1),
                1 => Value::Int(
                    Int257::parse("-115792089237316195423570985008687907853269984665640564039457584007913129639936")
                        .expect("min int"),
                ),
                2 => Value::Null,
                3 => Value::Cell(Cell::empty()),
                4 => Value::Slice(CellSlice::new(cell_of(&[0xA5, 0x5A, i as u8], &[]))),
                _ => Value::NaN,
            }
        })
        .collect()
}

fn params(data: &[u8]) -> Option<RunParams> {
    let (&gas, rest) = data.split_first()?;
    let (&stack, code) = rest.split_first()?;
    let mut p = RunParams::new(code_tree(code));
    p.gas_limit = (gas as i64 % 64 + 1) * 1000;
    // ACCEPT raises the limit to the maximum: keep that bounded too, so a
    // run's time and memory stay bounded (gas pays for every stack entry).
    p.gas_max = p.gas_limit;
    p.stack = stack_of(stack);
    Some(p)
}

/// What must be identical between two runs.
fn fingerprint(o: &RunOutcome) -> String {
    let committed = o.committed.as_ref().map(|c| (c.c4.hash().to_owned(), c.c5.hash().to_owned()));
    format!("{} {} {} {:?} {:?}", o.exit_code, o.gas_used, o.steps, o.stack, committed)
}

/// Runs the input twice and checks the outcomes agree.
pub fn check(data: &[u8]) {
    let Some(p) = params(data) else { return };
    let mut cache = CodeCache::new();
    let first = run_with_cache(p.clone(), &mut cache);
    let second = run_with_cache(p, &mut cache);
    assert_eq!(fingerprint(&first), fingerprint(&second), "two runs of the same input differ");
    assert!(first.gas_used >= 0, "negative gas");
}
