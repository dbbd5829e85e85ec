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
use gram_cells::dict::{DictKey, DictValue, Dictionary, NoGas, SetMode};
use gram_cells::{Cell, CellBuilder, CellSlice};
use gram_vm::{run_with_cache, CodeCache, RunParams};
use std::hint::black_box;
use tycho_types::boc::Boc;
use tycho_types::cell::Cell as TCell;
use tycho_vm::{GasParams, VmState};

/// Loop iterations per run: long enough that set-up is a small share.
const ITERATIONS: u32 = 1000;

struct Workload {
    name: &'static str,
    /// A cell the code carries as its first ref (pushed by a leading `PUSHREF`).
    data: Option<fn() -> Cell>,
    /// Code before the loop (pushes the loop's working values).
    prelude: &'static str,
    /// The loop body (at most 15 bytes: it is pushed with the short PUSHCONT form).
    body: &'static str,
}

const WORKLOADS: &[Workload] = &[
    // SWAP; DUP; DROP; s1 s2 XCHG; ROT
    Workload { name: "stack_shuffle", data: None, prelude: "717273", body: "0120301258" },
    // DUP; NEWC; STU 32; ENDC; CTOS; LDU 32; ENDS; DROP
    Workload { name: "cell_build_parse", data: None, prelude: "77", body: "20C8CB1FC9D0D31FD130" },
    // TUPLE 2; DUP; INDEX 0; DROP; UNTUPLE 2
    Workload { name: "tuple_ops", data: None, prelude: "7172", body: "6F02206F10306F22" },
    // NOP-like pushes and pops: PUSHINT 5; PUSHINT 6; 2DROP; DUP; DROP
    Workload { name: "push_pop", data: None, prelude: "70", body: "75765B2030" },
    // INC; DUP; ADD; PUSHINT 2; DIV
    Workload { name: "int_arith", data: None, prelude: "70", body: "A420A072A904" },
    // DUP; GTINT 10; DROP; ADDCONST 5; DUP; PUSHINT 3; AND; DROP
    Workload { name: "int_cmp_logic", data: None, prelude: "70", body: "20C10A30A6052073B030" },
    // DUP; PUSHINT 3; PUSHINT 5; MULDIV; DROP
    Workload { name: "int_muldiv", data: None, prelude: "77", body: "207375A98430" },
    // 257-bit paths: (PUSHPOW2 200) DUP; ADD; PUSHINT 2; DIV; INC
    Workload { name: "int_big", data: None, prelude: "84C7", body: "20A072A904A4" },
    // (PUSHREF 64-byte cell) DUP; CTOS; SHA256U; DROP
    Workload { name: "sha256_slice", data: Some(hash_input), prelude: "88", body: "20D0F90230" },
    // (PUSHREF 64-byte cell) DUP; CTOS; PUSHINT 1; HASHEXT_SHA512 (one slice); DROP
    Workload { name: "hashext_sha512", data: Some(hash_input), prelude: "88", body: "20D071F9040130" },
    // (PUSHREF dict) PUSHINT 9; s1 PUSH; PUSHINT 32; DICTUGET (a hit); 2DROP
    Workload { name: "dict_get_hit", data: Some(dictionary), prelude: "88", body: "79218020F40E5B" },
    // (PUSHREF dict) PUSHINT 10; s1 PUSH; PUSHINT 32; DICTUGET (a miss); DROP
    Workload { name: "dict_get_miss", data: Some(dictionary), prelude: "88", body: "7A218020F40E30" },
];

/// The program: prelude; PUSHINT ITERATIONS; PUSHCONT { body }; REPEAT.
fn program_hex(w: &Workload) -> String {
    let body_len = w.body.len() / 2;
    assert!(body_len <= 15, "{}: body too long for the short PUSHCONT", w.name);
    format!("{}81{:04X}9{:X}{}E4", w.prelude, ITERATIONS, body_len, w.body)
}

/// The dictionary of the dict workloads: keys 0, 3, 6, ... (256 keys of 32
/// bits), each value a 64-bit word.
fn dictionary() -> Cell {
    let mut dict = Dictionary::new(32).expect("key width");
    for i in 0..256u64 {
        let mut value = CellBuilder::new();
        value.store_u64(i * i).expect("fits");
        let value = value.build().expect("value cell");
        let key = DictKey::from_uint(i * 3, 32).expect("key");
        dict.set(&key, DictValue::Slice(&CellSlice::new(value)), SetMode::Set, &mut NoGas).expect("set");
    }
    dict.into_root().expect("non-empty")
}

/// 64 bytes of data for the hashing workloads.
fn hash_input() -> Cell {
    let mut b = CellBuilder::new();
    b.store_raw(&[0x5a; 64], 512).expect("fits");
    b.build().expect("data cell")
}

fn gram_code(w: &Workload) -> Cell {
    let bytes = hex::decode(program_hex(w)).expect("workload hex");
    let mut b = CellBuilder::new();
    b.store_raw(&bytes, bytes.len() * 8).expect("fits one cell");
    if let Some(data) = w.data {
        b.store_reference(data()).expect("one ref");
    }
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
        let code = gram_code(w);
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
