//! The c7 builder: layouts by global version, the transaction-only fields
//! (block/transaction lt, incoming value, storage fees, due payment,
//! incoming message parameters), and the transaction c7 compared bit for bit
//! with the c7 of real transactions of the reference emulator
//! (conformance/vectors/tx_c7_vectors.json, made by gen_tx_c7_vectors.mjs).
//! The get-method values are checked against the reference by
//! conformance/vectors/env_vectors.json.

use base64::Engine;
use gram_cells::tlb::{
    Anycast, Coins, CommonMsgInfo, CurrencyCollection, ExtOutMsgInfo, ExtraCurrencies, Load, Message, MsgAddressExt,
    StdAddr, Store,
};
use gram_cells::{Cell, CellBuilder, CellSlice};
use gram_vm::c7::{BlockchainConfig, C7Error, C7Params, InMsgParams, TxAccount, TxEnv, TxTrigger, C7_MAGIC};
use gram_vm::{Int257, Value};
use serde_json::Value as Json;

fn int(v: &Value) -> i64 {
    match v {
        Value::Int(i) => i.to_i64().unwrap(),
        other => panic!("not an int: {other:?}"),
    }
}

#[test]
fn layout_grows_with_the_global_version() {
    let default = BlockchainConfig::sandbox_default();
    assert_eq!(default.global_version(), 12);
    for (version, len) in [(1, 10), (3, 10), (4, 14), (5, 14), (6, 17), (10, 17), (11, 18), (12, 18)] {
        let config = default.with_global_version(version).unwrap();
        assert_eq!(config.global_version(), version);
        let params = C7Params::get_method(None, Some(config));
        let c7 = params.build();
        let Value::Tuple(info) = &c7[0] else { panic!("c7[0] is a tuple") };
        assert_eq!(info.len(), len, "version {version}");
        assert_eq!(int(&info[0]), C7_MAGIC);
    }
    // Without a config the layout is the supported version's and the config entries are null.
    let info = C7Params::get_method(None, None).info_tuple();
    assert_eq!(info.len(), 18);
    assert!(info[9].is_null() && info[14].is_null());
}

#[test]
fn transaction_fields_land_in_their_entries() {
    let mut p = C7Params::get_method(None, Some(BlockchainConfig::sandbox_default().clone()));
    p.now = 1234;
    p.block_lt = 5_000_000;
    p.trans_lt = 5_000_001;
    p.balance = Int257::from_u64(777);
    p.address = StdAddr::new(-1, [0xab; 32]);
    p.incoming_value = Int257::from_u64(99);
    p.storage_fees = Int257::from_u64(3);
    p.due_payment = Int257::from_u64(4);
    let src = {
        let mut b = CellBuilder::new();
        StdAddr::new(0, [1; 32]).store(&mut b).unwrap();
        CellSlice::new(b.build().unwrap())
    };
    p.in_msg = Some(InMsgParams {
        bounce: true,
        bounced: false,
        src: src.clone(),
        fwd_fee: Int257::from_u64(10),
        created_lt: 11,
        created_at: 12,
        original_value: Int257::from_u64(100),
        value: Int257::from_u64(99),
        value_extra: None,
        state_init: None,
    });
    let info = p.info_tuple();
    assert_eq!([3, 4, 5].map(|i| int(&info[i])), [1234, 5_000_000, 5_000_001]);
    let Value::Tuple(balance) = &info[7] else { panic!("balance tuple") };
    assert_eq!(int(&balance[0]), 777);
    let Value::Slice(me) = &info[8] else { panic!("address slice") };
    assert_eq!(me.remaining_bits(), 267);
    assert_eq!(me.preload_uint(11).unwrap(), 0b100_1111_1111);
    let Value::Tuple(incoming) = &info[11] else { panic!("incoming value tuple") };
    assert_eq!(int(&incoming[0]), 99);
    assert_eq!([12, 15].map(|i| int(&info[i])), [3, 4]);
    let Value::Tuple(in_msg) = &info[17] else { panic!("in-msg tuple") };
    assert_eq!(in_msg.len(), 10);
    assert_eq!([0, 1, 3, 4, 5, 6, 7].map(|i| int(&in_msg[i])), [-1, 0, 10, 11, 12, 100, 99]);
    let Value::Slice(s) = &in_msg[2] else { panic!("src slice") };
    assert!(s.content_eq(&src));
    assert!(in_msg[8].is_null() && in_msg[9].is_null());
}

#[test]
fn unpacked_config_follows_now() {
    // Storage prices (param 18) in force at `now`: the entry with the greatest utime_since <= now.
    let config = BlockchainConfig::sandbox_default();
    let at_0 = config.unpacked_tuple(0);
    let later = config.unpacked_tuple(u32::MAX);
    assert_eq!(at_0.len(), 7);
    for t in [&at_0, &later] {
        let Value::Slice(s) = &t[0] else { panic!("storage prices slice") };
        assert_eq!(s.preload_uint(8).unwrap(), 0xcc);
    }
}

// ---------------------------------------------------------------------------
// Transaction c7 against the reference (tx_c7_vectors.json)
// ---------------------------------------------------------------------------

fn tx_vectors() -> Json {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../conformance/vectors/tx_c7_vectors.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("tx_c7_vectors.json")).expect("valid JSON")
}

fn boc(v: &Json) -> Cell {
    let bytes = base64::engine::general_purpose::STANDARD.decode(v.as_str().expect("a BoC string")).expect("base64");
    gram_cells::boc::decode_single(&bytes).expect("a BoC")
}

fn maybe_boc(v: &Json) -> Option<Cell> {
    (!v.is_null()).then(|| boc(v))
}

fn hex32(v: &Json) -> [u8; 32] {
    let s = v.as_str().expect("hex string");
    let mut out = [0u8; 32];
    assert_eq!(s.len(), 64, "32 bytes of hex");
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex digit");
    }
    out
}

fn num<T: std::str::FromStr>(v: &Json) -> T {
    match v {
        Json::String(s) => s.parse().ok().expect("a decimal number"),
        other => other.to_string().parse().ok().expect("a number"),
    }
}

/// PrevBlocksInfo as recorded: nested arrays of decimal strings.
fn json_value(v: &Json) -> Value {
    match v {
        Json::Array(items) => Value::Tuple(std::rc::Rc::new(items.iter().map(json_value).collect())),
        Json::String(s) => {
            let big: num_bigint::BigInt = s.parse().expect("decimal");
            Value::Int(Int257::from_bigint(&big).expect("fits in 257 bits"))
        }
        other => panic!("unexpected prev blocks entry {other}"),
    }
}

fn cell_of(build: impl FnOnce(&mut CellBuilder)) -> Cell {
    let mut b = CellBuilder::new();
    build(&mut b);
    b.build().expect("fits in a cell")
}

/// The capture contract's encoding of a stack value (see gen_tx_c7_vectors.mjs).
fn encode(v: &Value) -> Cell {
    cell_of(|b| {
        match v {
            Value::Null => b.store_uint(0, 3).map(|_| ()),
            Value::Int(i) => b.store_uint(1, 3).and_then(|b| b.store_big_int(&i.to_bigint(), 257)).map(|_| ()),
            Value::Cell(c) => b.store_uint(2, 3).and_then(|b| b.store_reference(c.clone())).map(|_| ()),
            Value::Slice(s) => {
                let content = cell_of(|c| {
                    c.store_slice(s).unwrap();
                });
                b.store_uint(3, 3).and_then(|b| b.store_reference(content)).map(|_| ())
            }
            Value::Builder(x) => {
                let content = cell_of(|c| {
                    c.store_builder(x).unwrap();
                });
                b.store_uint(4, 3).and_then(|b| b.store_reference(content)).map(|_| ())
            }
            Value::Tuple(items) => {
                let list = items.iter().rev().fold(Cell::empty(), |rest, item| {
                    cell_of(|c| {
                        c.store_reference(encode(item)).and_then(|c| c.store_reference(rest)).unwrap();
                    })
                });
                b.store_uint(5, 3)
                    .and_then(|b| b.store_uint(items.len() as u64, 8))
                    .and_then(|b| b.store_reference(list))
                    .map(|_| ())
            }
            Value::NaN | Value::Cont(_) => b.store_uint(6, 3).map(|_| ()),
        }
        .expect("encoding fits");
    })
}

/// The captured c4: the hash of enc(c7) and the hashes of enc(entry i).
fn captured_hashes(c4: &Cell) -> ([u8; 32], Vec<[u8; 32]>) {
    let mut s = c4.as_slice();
    let whole = s.load_u256().expect("whole hash");
    let mut entries = Vec::new();
    let mut node = s.load_reference().expect("entry chain");
    while node.reference(0).is_some() {
        let mut n = node.as_slice();
        entries.push(n.load_u256().expect("entry hash"));
        node = n.load_reference().expect("next link");
    }
    (whole, entries)
}

/// The C7Params an executor would build for one recorded transaction.
fn tx_params(v: &Json) -> Result<C7Params, C7Error> {
    let version: u32 = num(&v["global_version"]);
    let mut config = BlockchainConfig::sandbox_default().with_global_version(version).expect("config");
    if let Some(param45) = maybe_boc(&v["config_param_45"]) {
        config = config.with_param(45, &param45).expect("config with param 45");
    }
    let mut env = TxEnv::emulator(num(&v["now"]), num(&v["lt"]), hex32(&v["block_rand_seed"]), config);
    env.prev_blocks_info = (!v["prev_blocks_info"].is_null()).then(|| json_value(&v["prev_blocks_info"]));
    let account = TxAccount {
        address: StdAddr::parse_raw(v["address"].as_str().unwrap()).expect("raw address"),
        code: Some(boc(&v["code"])),
        balance: CurrencyCollection {
            grams: Coins(num(&v["balance"])),
            other: ExtraCurrencies::from_root(maybe_boc(&v["balance_extra"])).expect("extra currencies"),
        },
        storage_fees: num(&v["storage_fees"]),
        due_payment: num(&v["due_payment"]),
        initialized: v["status_before"] == "active",
    };
    let msg = maybe_boc(&v["in_msg"]).map(|c| Message::load_from_cell(&c).expect("a message"));
    let trigger = match v["kind"].as_str().unwrap() {
        "tick" => TxTrigger::Tick,
        "tock" => TxTrigger::Tock,
        _ => TxTrigger::Message(msg.as_ref().expect("ordinary transactions have a message")),
    };
    C7Params::transaction(&env, &account, trigger)
}

#[test]
fn transaction_c7_matches_the_reference() {
    let doc = tx_vectors();
    let default = BlockchainConfig::sandbox_default();
    let config_hash: String = default.root().hash().iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(doc["config_hash"], config_hash.as_str(), "the vectors use the sandbox default config");
    let vectors = doc["vectors"].as_array().expect("vectors");
    assert!(vectors.len() >= 20, "too few vectors: {}", vectors.len());
    let mut failures = Vec::new();
    for v in vectors {
        let name = v["name"].as_str().unwrap();
        let params = tx_params(v).unwrap_or_else(|e| panic!("{name}: {e}"));
        let trans_lt: u64 = num(&v["expected"]["trans_lt"]);
        if params.trans_lt != trans_lt {
            failures.push(format!("{name}: trans_lt {} (reference {trans_lt})", params.trans_lt));
        }
        let c7 = Value::Tuple(params.build());
        let (whole, entries) = captured_hashes(&boc(&v["expected"]["c4"]));
        let info = params.info_tuple();
        if info.len() != entries.len() {
            failures.push(format!("{name}: {} entries (reference {})", info.len(), entries.len()));
        }
        for (i, (value, want)) in info.iter().zip(&entries).enumerate() {
            if encode(value).hash() != want {
                failures.push(format!("{name}: entry {i} differs: {value:?}"));
            }
        }
        if encode(&c7).hash() != &whole {
            failures.push(format!("{name}: c7 hash differs"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The stack `Transaction::prepare_vm_stack` gives the compute phase.
fn tx_stack(v: &Json, params: &C7Params) -> Vec<Value> {
    let balance = Value::Int(params.balance);
    match v["kind"].as_str().unwrap() {
        kind @ ("tick" | "tock") => {
            let address = Value::Int(Int257::from_u256_be(&params.address.address));
            vec![balance, address, Value::bool(kind == "tock"), Value::int(-2)]
        }
        _ => {
            let msg_cell = boc(&v["in_msg"]);
            let msg = Message::load_from_cell(&msg_cell).expect("a message");
            let external = matches!(msg.info, CommonMsgInfo::ExtIn(_));
            vec![
                balance,
                Value::Int(params.incoming_value),
                Value::Cell(msg_cell),
                Value::Slice(msg.body.as_slice()),
                Value::bool(external),
            ]
        }
    }
}

#[test]
fn the_capture_contract_runs_on_gram_as_on_the_reference() {
    // The whole compute phase on gram's VM: the capture contract walks the c7
    // C7Params::transaction built and must store the reference's c4, using
    // the reference's gas (a precompiled contract's gas is the declared one).
    let doc = tx_vectors();
    let code = boc(&doc["capture_code"]);
    let mut failures = Vec::new();
    for v in doc["vectors"].as_array().expect("vectors") {
        let name = v["name"].as_str().unwrap();
        let params = tx_params(v).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut run = gram_vm::RunParams::new(code.clone()).with_c7(&params);
        run.stack = tx_stack(v, &params);
        run.gas_max = 1_000_000;
        let outcome = gram_vm::run(run);
        let Some(committed) = outcome.committed.filter(|_| outcome.exit_code == 0) else {
            failures.push(format!("{name}: exit code {}", outcome.exit_code));
            continue;
        };
        let c4_hash: String = committed.c4.hash().iter().map(|b| format!("{b:02x}")).collect();
        if c4_hash != v["expected"]["c4_hash"].as_str().unwrap() {
            failures.push(format!("{name}: c4 differs"));
        }
        let gas: i64 = num(&v["expected"]["gas_used"]);
        if v["config_param_45"].is_null() && outcome.gas_used != gas {
            failures.push(format!("{name}: gas {} (reference {gas})", outcome.gas_used));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------
// What the emulator cannot show: written from reading Transaction::prepare_vm_c7
// ---------------------------------------------------------------------------

fn account_at(address: StdAddr) -> TxAccount {
    TxAccount {
        address,
        code: None,
        balance: CurrencyCollection::from_grams(Coins(1000)),
        storage_fees: 0,
        due_payment: 0,
        initialized: true,
    }
}

fn env_at(version: u32) -> TxEnv {
    let config = BlockchainConfig::sandbox_default().with_global_version(version).unwrap();
    TxEnv::emulator(1, 2_500_000, [7; 32], config)
}

#[test]
fn an_outbound_message_starts_no_transaction() {
    let info =
        ExtOutMsgInfo { src: StdAddr::new(0, [1; 32]).into(), dest: MsgAddressExt::None, created_lt: 1, created_at: 2 };
    let msg = Message::from(CommonMsgInfo::ExtOut(info));
    let account = account_at(StdAddr::new(0, [1; 32]));
    let err = C7Params::transaction(&env_at(12), &account, TxTrigger::Message(&msg)).unwrap_err();
    assert!(matches!(err, C7Error::OutboundMessage), "{err}");
}

#[test]
fn anycast_is_dropped_from_version_10() {
    // depth 5, prefix 10101: the address's first five bits become 10101.
    let mut address = StdAddr::new(0, [0; 32]);
    address.anycast = Some(Anycast::new(5, 0b10101).unwrap());
    let account = account_at(address.clone());
    let slice_of = |a: &StdAddr| {
        let mut b = CellBuilder::new();
        a.store(&mut b).unwrap();
        CellSlice::new(b.build().unwrap())
    };
    let mut rewritten = [0u8; 32];
    rewritten[0] = 0b1010_1000;
    for (version, want) in [(9, address.clone()), (12, StdAddr::new(0, rewritten))] {
        let p = C7Params::transaction(&env_at(version), &account, TxTrigger::Tick).unwrap();
        let Value::Slice(me) = &p.info_tuple()[8] else { panic!("address slice") };
        assert!(me.content_eq(&slice_of(&want)), "version {version}: {me:?}");
    }
    // The block lt is the emulator's alignment of the given lt; tick / tock keeps it.
    let p = C7Params::transaction(&env_at(12), &account, TxTrigger::Tock).unwrap();
    assert_eq!((p.block_lt, p.trans_lt), (2_000_000, 2_500_000));
}
