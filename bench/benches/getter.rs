//! Real get-method calls end to end: c7 built, machine prepared, code run,
//! result read. gram against tycho-vm on the same code, data and stack.
//!
//! - `jetton_wallet_address`: a jetton minter's `get_wallet_address` (method
//!   103289) on a slice address (builder ops, hashing, address building);
//!   the same contract and data tycho-vm's own `jetton` bench uses.
//! - `wallet_v4r2_seqno` / `wallet_v4r2_plugins`: the standard wallet's
//!   `seqno`, `is_plugin_installed` and `get_plugin_list` (two plugins:
//!   dictionary lookups and walks, tuples).
//!
//! gram runs twice per workload: `cold` with a fresh decode cache per call
//! (what a one-off emulation pays) and `warm` with a cache kept across calls
//! (what an embedder serving many calls of the same contract pays). tycho-vm
//! has no decode cache. Before measuring, the bench checks that gram ends
//! with the reference's exit code and gas (recorded from ../shared/oracle)
//! and reports when tycho-vm does not.
//!
//! cargo bench -p gram-bench --bench getter -- --warm-up-time 1 --measurement-time 3

use criterion::{criterion_group, criterion_main, Criterion};
use gram_cells::tlb::{StdAddr, Store};
use gram_cells::{boc, Cell, CellBuilder, CellSlice};
use gram_vm::c7::C7Params;
use gram_vm::{run_with_cache, CodeCache, Int257, RunParams, Value};
use std::hint::black_box;
use tycho_types::boc::Boc;
use tycho_types::cell::Cell as TCell;
use tycho_types::models::{CurrencyCollection, IntAddr, StdAddr as TStdAddr};
use tycho_vm::{tuple, GasParams, OwnedCellSlice, SmcInfoBase, VmState};

const JETTON_CODE: &str = "te6ccgECGgEABQ4AART/APSkE/S88sgLAQIBYgIDAgLLBAUCASAQEQHX0MtDTAwFxsI5EMIAg1yHTHwGCEBeNRRm6kTDhgEDXIfoAMO1E0PoA+kD6QNTU0/8B+GHRUEWhQTT4QchQBvoCUATPFljPFszMy//J7VTg+kD6QDH6ADH0AfoAMfoAATFw+DoC0x8BAdM/ARKBgAdojhkZYOA54tkgUGD+gvABPztRND6APpA+kDU1NP/Afhh0SaCEGQrfQe6jss1NVFhxwXy4EkE+kAh+kQwwADy4U36ANTRINDTHwGCEBeNRRm68uBIgEDXIfoA+kAx+kAx+gAg1wsAmtdLwAEBwAGw8rGRMOJUQxvgOSWCEHvdl9664wIlghAsdrlzuuMCNCQHCAkKAY4hkXKRceL4OSBuk4F4LpEg4iFulDGBfuCRAeJQI6gToHOBBK1w+DygAnD4NhKgAXD4NqBzgQUTghAJZgGAcPg3oLzysCVZfwsB5jUF+gD6QPgo+EEoEDQB2zxvIjD5AHB0yMsCygfL/8nQUAjHBfLgShKhRBRQNvhByFAG+gJQBM8WWM8WzMzL/8ntVPpA0SDXCwHAALOOIsiAEAHLBQHPFnD6AnABy2qCENUydtsByx8BAcs/yYBC+wCRW+IYAdI1XwM0AfpA0gABAdGVyCHPFsmRbeLIgBABywVQBM8WcPoCcAHLaoIQ0XNUAAHLH1AEAcs/I/pEMMAAjp34KPhBEDVBUNs8byIw+QBwdMjLAsoHy//J0BLPFpcxbBJwAcsB4vQAyYBQ+wAYBP6CEGUB81S6jiUwM1FCxwXy4EkC+kDRQAME+EHIUAb6AlAEzxZYzxbMzMv/ye1U4CSCEPuI4Rm6jiQxMwPRUTHHBfLgSYsCQDT4QchQBvoCUATPFljPFszMy//J7VTgJIIQy4YpArrjAjAjghAlCNZquuMCI4IQdDHyIbrjAhA2DA0ODwHAghA7msoAcPsC+Cj4QRA2QVDbPG8iMCD5AHB0yMsCygfL/8iAGAHLBQHPF1j6AgKYWHdQA8trzMyXMAFxWMtqzOLJgBH7AFAFoEMU+EHIUAb6AlAEzxZYzxbMzMv/ye1UGABONDZRRccF8uBJyFADzxbJEDQS+EHIUAb6AlAEzxZYzxbMzMv/ye1UACI2XwMCxwXy4EnU1NEB7VT7BABKM1BCxwXy4EkB0YsCiwJANPhByFAG+gJQBM8WWM8WzMzL/8ntVAAcXwaCENNyFYy63IQP8vACAUgSEwICcRYXAT+10V2omh9AH0gfSBqamn/gPww6IovgnwUfCCJbZ43kUBgCAWoUFQAuq1vtRND6APpA+kDU1NP/Afhh0RAkXwQALqpn7UTQ+gD6QPpA1NTT/wH4YdFfBfhBAVutvPaiaH0AfSB9IGpqaf+A/DDoii+CfBR8IIltnjeRGHyAODpkZYFlA+X/5OhAGACLrxb2omh9AH0gfSBqamn/gPww6L+Z6DbBeDhy69tRTZyXwoO38K5ReQKeK2EZw5RicZ5PRu2PdBPmLHgKOGRlg/oAZKGAQAH2hA9/cCb6RDGr+1MRSUYYBMjLA1AD+gIBzxYBzxbL/yCBAMrIyw8Bzxck+QAl12UlggIBNMjLFxLLD8sPy/+OKQakXAHLCXH5BABScAHL/3H5BACr+yiyUwS5kzQ0I5Ew4iDAICTAALEX5hAjXwMzMyJwA8sJySLIywESGQAU9AD0AMsAyQFvAg==";
const JETTON_DATA: &str = "te6ccgEBBAEA3gACTmE+QBlNGKCvtRVlwuLLP8LwzhcDJNm1TPewFBFqmlIYet7ln0NupwECCEICDvGeG/QPK6SS/KrDhu7KWb9oJ6OFBwjZ/NmttoOrwzYB5mh0dHBzOi8vZ2lzdC5naXRodWJ1c2VyY29udGVudC5jb20vRW1lbHlhbmVua29LLzI3MWMwYWRhMWRlNDJiOTdjNDU1YWM5MzVjOTcyZjQyL3Jhdy9iN2IzMGMzZTk3MGUwNzdlMTFkMDg1Y2M2NzEzYmUDADAzMTU3YzdjYTA4L21ldGFkYXRhLmpzb24=";
const ACCOUNT: [u8; 32] = [0x2a; 32];
const NOW: u32 = 1733142533;
const LT: u64 = 50899537000013;
const BALANCE: u64 = 1931553923;

struct Getter {
    name: &'static str,
    code: Cell,
    data: Cell,
    /// Stack below the method id (only slices of whole cells and ints are used).
    args: Vec<Arg>,
    method_id: i64,
    /// Gas the reference TVM (../shared/oracle, same code, data, stack and
    /// c7 fields) reports for this call.
    reference_gas: i64,
}

#[derive(Clone)]
enum Arg {
    Int(i64),
    Slice(Cell),
}

fn decode_base64(text: &str) -> Cell {
    use base64::Engine;
    let bytes = base64::engine::general_purpose::STANDARD.decode(text).expect("base64");
    boc::decode_single(&bytes).expect("BoC")
}

fn address_cell(account: [u8; 32]) -> Cell {
    let mut b = CellBuilder::new();
    StdAddr::new(0, account).store(&mut b).expect("address fits");
    b.build().expect("address cell")
}

/// wallet v4r2 data: seqno 42, subwallet, a key, and two installed plugins.
fn wallet_data() -> Cell {
    use gram_cells::dict::{DictKey, DictValue, Dictionary, NoGas, SetMode};
    let mut plugins = Dictionary::new(264).expect("key width");
    for seed in [0x3cu8, 0x5a] {
        let mut key = vec![0u8];
        key.extend([seed; 32]);
        let key = DictKey::from_bits(&key, 264).expect("key");
        let empty = CellSlice::new(Cell::empty());
        plugins.set(&key, DictValue::Slice(&empty), SetMode::Set, &mut NoGas).expect("set");
    }
    let mut b = CellBuilder::new();
    b.store_u32(42).unwrap().store_u32(698983191).unwrap().store_u256(&[7; 32]).unwrap();
    b.store_bit(true).unwrap().store_reference(plugins.into_root().expect("two plugins")).unwrap();
    b.build().expect("wallet data")
}

fn getters() -> Vec<Getter> {
    let wallet_code = boc::decode_single(include_bytes!("../../cli/assets/wallet_v4r2_code.boc")).expect("wallet");
    vec![
        Getter {
            name: "jetton_wallet_address",
            code: decode_base64(JETTON_CODE),
            data: decode_base64(JETTON_DATA),
            args: vec![Arg::Slice(address_cell(ACCOUNT))],
            method_id: 103289,
            reference_gas: 12206,
        },
        Getter {
            name: "wallet_v4r2_seqno",
            code: wallet_code.clone(),
            data: wallet_data(),
            args: vec![],
            method_id: 85143,
            reference_gas: 769,
        },
        Getter {
            name: "wallet_v4r2_is_plugin_installed",
            code: wallet_code.clone(),
            data: wallet_data(),
            args: vec![Arg::Int(0), Arg::Int(12345)],
            method_id: 76407,
            reference_gas: 1985,
        },
        Getter {
            name: "wallet_v4r2_plugins",
            code: wallet_code,
            data: wallet_data(),
            args: vec![],
            method_id: 107653,
            reference_gas: 3764,
        },
    ]
}

fn gram_call(g: &Getter, cache: &mut CodeCache) -> (i32, i64) {
    let mut c7 = C7Params::get_method(Some(g.code.clone()), None);
    c7.now = NOW;
    c7.block_lt = LT;
    c7.trans_lt = LT;
    c7.balance = Int257::from_u64(BALANCE);
    c7.address = StdAddr::new(0, ACCOUNT);
    let mut params = RunParams::new(g.code.clone()).with_c7(&c7);
    params.data = g.data.clone();
    params.stack = g
        .args
        .iter()
        .map(|a| match a {
            Arg::Int(i) => Value::int(*i),
            Arg::Slice(c) => Value::Slice(CellSlice::new(c.clone())),
        })
        .collect();
    params.stack.push(Value::int(g.method_id));
    let out = run_with_cache(params, cache);
    (out.exit_code, out.gas_used)
}

fn to_tycho(cell: &Cell) -> TCell {
    Boc::decode(boc::encode(cell, Default::default()).expect("encode")).expect("tycho decodes")
}

struct TychoGetter {
    code: TCell,
    data: TCell,
    args: Vec<TArg>,
    method_id: i64,
}

enum TArg {
    Int(i64),
    Slice(TCell),
}

fn tycho_call(g: &TychoGetter) -> (i32, u64) {
    let addr = IntAddr::Std(TStdAddr::new(0, ACCOUNT.into()));
    let smc_info = SmcInfoBase::new()
        .with_now(NOW)
        .with_block_lt(LT)
        .with_tx_lt(LT)
        .with_account_balance(CurrencyCollection::new(BALANCE as u128))
        .with_account_addr(addr)
        .require_ton_v4();
    let mut stack = tuple![];
    for a in &g.args {
        match a {
            TArg::Int(i) => stack.push(tycho_vm::RcStackValue::new_dyn_value(num_bigint::BigInt::from(*i))),
            TArg::Slice(c) => {
                stack.push(tycho_vm::RcStackValue::new_dyn_value(OwnedCellSlice::new_allow_exotic(c.clone())))
            }
        }
    }
    stack.push(tycho_vm::RcStackValue::new_dyn_value(num_bigint::BigInt::from(g.method_id)));
    let mut vm = VmState::builder()
        .with_smc_info(smc_info)
        .with_stack(stack)
        .with_code(g.code.clone())
        .with_data(g.data.clone())
        .with_gas(GasParams::getter())
        .build();
    let exit = !vm.run();
    (exit, vm.gas.consumed())
}

fn bench_getters(c: &mut Criterion) {
    let mut group = c.benchmark_group("getter");
    for g in getters() {
        let tg = TychoGetter {
            code: to_tycho(&g.code),
            data: to_tycho(&g.data),
            args: g
                .args
                .iter()
                .map(|a| match a {
                    Arg::Int(i) => TArg::Int(*i),
                    Arg::Slice(c) => TArg::Slice(to_tycho(c)),
                })
                .collect(),
            method_id: g.method_id,
        };
        let ours = gram_call(&g, &mut CodeCache::new());
        let theirs = tycho_call(&tg);
        assert_eq!((ours.0, ours.1), (0, g.reference_gas), "{}: gram differs from the reference", g.name);
        assert_eq!(theirs.0, 0, "{}: tycho-vm exit code", g.name);
        if theirs.1 != g.reference_gas as u64 {
            // Reported, not fatal: the comparison is about speed, and the reference decides.
            eprintln!("{}: tycho-vm uses {} gas, the reference {}", g.name, theirs.1, g.reference_gas);
        }
        eprintln!("{}: exit 0, {} gas (reference {})", g.name, ours.1, g.reference_gas);

        group.bench_function(format!("{}/gram_cold", g.name), |b| {
            b.iter(|| black_box(gram_call(&g, &mut CodeCache::new())))
        });
        let mut cache = CodeCache::new();
        group.bench_function(format!("{}/gram_warm", g.name), |b| b.iter(|| black_box(gram_call(&g, &mut cache))));
        group.bench_function(format!("{}/tycho-vm", g.name), |b| b.iter(|| black_box(tycho_call(&tg))));
    }
    group.finish();
}

criterion_group!(benches, bench_getters);
criterion_main!(benches);
