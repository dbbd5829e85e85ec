//! The c7 builder's typed API: layouts by global version and the
//! transaction-only fields (block/transaction lt, incoming value, storage
//! fees, due payment, incoming message parameters) in the places
//! `Transaction::prepare_vm_c7` puts them. The get-method values themselves
//! are checked against the reference by conformance/vectors/env_vectors.json.

use gram_cells::tlb::{StdAddr, Store};
use gram_cells::{CellBuilder, CellSlice};
use gram_vm::c7::{BlockchainConfig, C7Params, InMsgParams, C7_MAGIC};
use gram_vm::{Int257, Value};

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
