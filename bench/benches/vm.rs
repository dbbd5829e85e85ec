//! TVM interpreter loops: gram against tycho-vm on the same code cells.
//!
//! Each workload is a small program whose body runs in a `REPEAT` loop. Both
//! VMs run the whole program per iteration (fresh state, same stack, same gas
//! limit); gram keeps its decode cache between runs as an embedder would.
//! Before measuring, the bench checks that both VMs end with exit code 0 and
//! the same gas, so the two sides really execute the same instructions.
//! Throughput is reported per VM step (`Throughput::Elements(steps)`), so
//! criterion's "elem/s" is steps per second.
//!
//! cargo bench -p gram-bench --bench vm -- --warm-up-time 1 --measurement-time 3

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use gram_cells::boc::{self, EncodeMode};
use gram_cells::{Cell, CellBuilder};
use gram_vm::{run_with_cache, CodeCache, RunParams};
use std::hint::black_box;
use tycho_types::boc::Boc;
use tycho_types::cell::Cell as TCell;
use tycho_vm::{GasParams, VmState};

/// Loop iterations per run: long enough that set-up is a small share.
const ITERATIONS: u32 = 1000;

struct Workload {
    name: &'static str,
    /// Code before the loop (pushes the loop's working values).
    prelude: &'static str,
    /// The loop body (at most 15 bytes: it is pushed with the short PUSHCONT form).
    body: &'static str,
}

const WORKLOADS: &[Workload] = &[
    // SWAP; DUP; DROP; s1 s2 XCHG; ROT
    Workload { name: "stack_shuffle", prelude: "717273", body: "0120301258" },
    // DUP; NEWC; STU 32; ENDC; CTOS; LDU 32; ENDS; DROP
    Workload { name: "cell_build_parse", prelude: "77", body: "20C8CB1FC9D0D31FD130" },
    // TUPLE 2; DUP; INDEX 0; DROP; UNTUPLE 2
    Workload { name: "tuple_ops", prelude: "7172", body: "6F02206F10306F22" },
    // NOP-like pushes and pops: PUSHINT 5; PUSHINT 6; 2DROP; DUP; DROP
    Workload { name: "push_pop", prelude: "70", body: "75765B2030" },
];

/// The program: prelude; PUSHINT ITERATIONS; PUSHCONT { body }; REPEAT.
fn program_hex(w: &Workload) -> String {
    let body_len = w.body.len() / 2;
    assert!(body_len <= 15, "{}: body too long for the short PUSHCONT", w.name);
    format!("{}81{:04X}9{:X}{}E4", w.prelude, ITERATIONS, body_len, w.body)
}

fn gram_code(hex_bits: &str) -> Cell {
    let bytes = hex::decode(hex_bits).expect("workload hex");
    let mut b = CellBuilder::new();
    b.store_raw(&bytes, bytes.len() * 8).expect("fits one cell");
    b.build().expect("code cell")
}

fn tycho_code(cell: &Cell) -> TCell {
    let bytes = boc::encode(cell, EncodeMode::default()).expect("encode");
    Boc::decode(bytes).expect("tycho decodes gram's BoC")
}

fn gram_params(code: &Cell) -> RunParams {
    RunParams::new(code.clone())
}

fn tycho_run(code: &TCell) -> (i32, u64, u64) {
    let mut vm = VmState::builder().with_code(code.clone()).with_gas(GasParams::getter()).build();
    let exit = !vm.run();
    (exit, vm.gas.consumed(), vm.steps)
}

fn bench_vm(c: &mut Criterion) {
    let mut group = c.benchmark_group("vm");
    for w in WORKLOADS {
        let code = gram_code(&program_hex(w));
        let tcode = tycho_code(&code);

        let mut cache = CodeCache::new();
        let ours = run_with_cache(gram_params(&code), &mut cache);
        let theirs = tycho_run(&tcode);
        assert_eq!(ours.exit_code, 0, "{}: gram exit code", w.name);
        assert_eq!(theirs.0, 0, "{}: tycho-vm exit code", w.name);
        assert_eq!(ours.gas_used as u64, theirs.1, "{}: gas differs between gram and tycho-vm", w.name);
        eprintln!("{}: {} steps (tycho-vm {}), {} gas", w.name, ours.steps, theirs.2, ours.gas_used);

        group.throughput(Throughput::Elements(ours.steps));
        group.bench_function(format!("{}/gram", w.name), |b| {
            b.iter(|| black_box(run_with_cache(gram_params(&code), &mut cache).gas_used))
        });
        group.bench_function(format!("{}/tycho-vm", w.name), |b| b.iter(|| black_box(tycho_run(&tcode))));
    }
    group.finish();
}

criterion_group!(benches, bench_vm);
criterion_main!(benches);
