//! TL-B core types against @ton/core and the reference TVM
//! (conformance/vectors/tlb/tlb_vectors.json, made by gen_tlb_vectors.mjs).
//!
//! For every object: the BoC decodes to a cell with the recorded hash; gram
//! reads it into its type and gets exactly the recorded parameters; writing
//! what it read gives the same hash; and building the object from the
//! parameters gives the same hash.

use std::collections::BTreeMap;

use base64::Engine as _;
use gram_cells::tlb::{
    AddressTextError, Anycast, BitString, Coins, CommonMsgInfo, CommonMsgInfoRelaxed, CurrencyCollection, ExtAddr,
    ExtInMsgInfo, ExtOutMsgInfo, ExtraCurrencies, FriendlyFlags, InitField, IntMsgInfo, LibRef, Libraries, Load,
    Message, MessageBody, MessageRelaxed, MsgAddress, MsgAddressExt, MsgAddressInt, OutAction, OutList, SimpleLib,
    StateInit, StdAddr, Store, TickTock, TlbError, VarAddr, VarInt, VarUint,
};
use gram_cells::{Cell, HashBytes};
use num_bigint::{BigInt, BigUint};
use serde_json::Value;

fn vectors() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../conformance/vectors/tlb/tlb_vectors.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("vector file")).expect("json")
}

// ---------------------------------------------------------------------------
// A minimal reader for the BoCs @ton/core writes (one root, no index, CRC32C
// present or not), so these tests do not depend on the BoC codec.
// ---------------------------------------------------------------------------

fn read_uint(bytes: &[u8], at: &mut usize, len: usize) -> usize {
    let v = bytes[*at..*at + len].iter().fold(0usize, |acc, &b| acc << 8 | b as usize);
    *at += len;
    v
}

fn boc_to_cell(b64: &str) -> Cell {
    let bytes = base64::engine::general_purpose::STANDARD.decode(b64).expect("base64");
    assert_eq!(bytes[..4], [0xb5, 0xee, 0x9c, 0x72], "BoC magic");
    let flags = bytes[4];
    let (has_index, has_crc, size) = (flags & 0x80 != 0, flags & 0x40 != 0, (flags & 7) as usize);
    let off_bytes = bytes[5] as usize;
    let mut at = 6;
    let cell_count = read_uint(&bytes, &mut at, size);
    let root_count = read_uint(&bytes, &mut at, size);
    let _absent = read_uint(&bytes, &mut at, size);
    let _total = read_uint(&bytes, &mut at, off_bytes);
    assert_eq!(root_count, 1);
    let root = read_uint(&bytes, &mut at, size);
    if has_index {
        at += cell_count * off_bytes;
    }
    let mut raw = Vec::with_capacity(cell_count);
    for _ in 0..cell_count {
        let (d1, d2) = (bytes[at], bytes[at + 1]);
        at += 2;
        assert_eq!(d1 & 16, 0, "no stored hashes expected");
        let data = bytes[at..at + (d2 as usize).div_ceil(2)].to_vec();
        at += data.len();
        let mut bit_len = data.len() * 8;
        if d2 % 2 == 1 {
            // Strip the completion tag: the last one bit and the zeros after it.
            let last = *data.last().expect("tagged data is not empty");
            bit_len -= last.trailing_zeros() as usize + 1;
        }
        let refs: Vec<usize> = (0..(d1 & 7)).map(|_| read_uint(&bytes, &mut at, size)).collect();
        raw.push((data, bit_len, refs, d1 & 8 != 0));
    }
    if has_crc {
        let crc = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
        assert_eq!(crc, crc32c::crc32c(&bytes[..at]), "BoC CRC32C");
        at += 4;
    }
    assert_eq!(at, bytes.len(), "BoC length");
    // Refs always point forward, so build from the last cell.
    let mut cells: Vec<Option<Cell>> = vec![None; cell_count];
    for i in (0..cell_count).rev() {
        let (data, bit_len, refs, exotic) = &raw[i];
        let children: Vec<Cell> = refs.iter().map(|&r| cells[r].clone().expect("child first")).collect();
        cells[i] = Some(Cell::new(data, *bit_len, &children, *exotic).expect("valid cell"));
    }
    cells[root].clone().unwrap()
}

// ---------------------------------------------------------------------------
// Parameters (JSON) -> gram values
// ---------------------------------------------------------------------------

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or_else(|| panic!("{key}: string expected in {v}"))
}
fn u(v: &Value, key: &str) -> u64 {
    v[key].as_u64().unwrap_or_else(|| panic!("{key}: number expected in {v}"))
}
fn b(v: &Value, key: &str) -> bool {
    v[key].as_bool().unwrap_or_else(|| panic!("{key}: bool expected in {v}"))
}
fn dec_u64(v: &Value, key: &str) -> u64 {
    s(v, key).parse().unwrap()
}
fn coins(v: &Value, key: &str) -> Coins {
    Coins(s(v, key).parse().unwrap())
}
fn hash32(text: &str) -> HashBytes {
    hex::decode(text).unwrap().try_into().unwrap()
}
fn maybe_cell(v: &Value) -> Option<Cell> {
    v.as_str().map(boc_to_cell)
}

fn bits(v: &Value) -> BitString {
    BitString::new(&hex::decode(s(v, "data")).unwrap(), u(v, "bit_len") as usize).unwrap()
}

fn anycast(v: &Value) -> Option<Anycast> {
    (!v.is_null()).then(|| Anycast::new(u(v, "depth") as u8, u(v, "prefix") as u32).unwrap())
}

fn address(v: &Value) -> MsgAddress {
    match s(v, "kind") {
        "none" => MsgAddress::None,
        "extern" => MsgAddress::Extern(ExtAddr { address: bits(&v["address"]) }),
        "std" => MsgAddress::Std(StdAddr {
            anycast: anycast(&v["anycast"]),
            workchain: v["workchain"].as_i64().unwrap() as i8,
            address: hash32(s(v, "address")),
        }),
        "var" => MsgAddress::Var(VarAddr {
            anycast: anycast(&v["anycast"]),
            workchain: v["workchain"].as_i64().unwrap() as i32,
            address: bits(&v["address"]),
        }),
        kind => panic!("address kind {kind}"),
    }
}
fn address_int(v: &Value) -> MsgAddressInt {
    address(v).as_int().expect("internal address")
}
fn address_ext(v: &Value) -> MsgAddressExt {
    match address(v) {
        MsgAddress::None => MsgAddressExt::None,
        MsgAddress::Extern(a) => MsgAddressExt::Extern(a),
        other => panic!("not an external address: {other:?}"),
    }
}

fn extra_entries(v: &Value) -> BTreeMap<u32, BigUint> {
    v.as_object().unwrap().iter().map(|(k, a)| (k.parse().unwrap(), a.as_str().unwrap().parse().unwrap())).collect()
}
fn currency(v: &Value) -> CurrencyCollection {
    CurrencyCollection {
        grams: coins(v, "grams"),
        other: ExtraCurrencies::from_entries(&extra_entries(&v["other"])).unwrap(),
    }
}

fn library_entries(v: &Value) -> BTreeMap<HashBytes, SimpleLib> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|l| (hash32(s(l, "key")), SimpleLib { public: b(l, "public"), root: boc_to_cell(s(l, "root")) }))
        .collect()
}
fn state_init(v: &Value) -> StateInit {
    StateInit {
        split_depth: v["split_depth"].as_u64().map(|d| d as u8),
        special: (!v["special"].is_null())
            .then(|| TickTock { tick: b(&v["special"], "tick"), tock: b(&v["special"], "tock") }),
        code: maybe_cell(&v["code"]),
        data: maybe_cell(&v["data"]),
        libraries: Libraries::from_entries(&library_entries(&v["libraries"])).unwrap(),
    }
}

/// The fields of `int_msg_info`, with the source address read by `src`.
fn int_info<S>(v: &Value, src: impl Fn(&Value) -> S) -> IntMsgInfo<S> {
    IntMsgInfo {
        ihr_disabled: b(v, "ihr_disabled"),
        bounce: b(v, "bounce"),
        bounced: b(v, "bounced"),
        src: src(&v["src"]),
        dest: address_int(&v["dest"]),
        value: currency(&v["value"]),
        extra_flags: coins(v, "extra_flags"),
        fwd_fee: coins(v, "fwd_fee"),
        created_lt: dec_u64(v, "created_lt"),
        created_at: u(v, "created_at") as u32,
    }
}
fn ext_out_info<S>(v: &Value, src: impl Fn(&Value) -> S) -> ExtOutMsgInfo<S> {
    ExtOutMsgInfo {
        src: src(&v["src"]),
        dest: address_ext(&v["dest"]),
        created_lt: dec_u64(v, "created_lt"),
        created_at: u(v, "created_at") as u32,
    }
}
fn info(v: &Value) -> CommonMsgInfo {
    match s(v, "type") {
        "internal" => CommonMsgInfo::Int(int_info(v, address_int)),
        "external-in" => CommonMsgInfo::ExtIn(ExtInMsgInfo {
            src: address_ext(&v["src"]),
            dest: address_int(&v["dest"]),
            import_fee: coins(v, "import_fee"),
        }),
        "external-out" => CommonMsgInfo::ExtOut(ext_out_info(v, address_int)),
        t => panic!("info type {t}"),
    }
}
fn info_relaxed(v: &Value) -> CommonMsgInfoRelaxed {
    match s(v, "type") {
        "internal" => CommonMsgInfoRelaxed::Int(int_info(v, address)),
        "external-out" => CommonMsgInfoRelaxed::ExtOut(ext_out_info(v, address)),
        t => panic!("relaxed info type {t}"),
    }
}

fn message_parts(v: &Value) -> (Option<InitField>, MessageBody) {
    let init = (!v["init"].is_null())
        .then(|| InitField { state_init: state_init(&v["init"]["state_init"]), in_ref: b(&v["init"], "in_ref") });
    let body_cell = boc_to_cell(s(&v["body"], "boc"));
    let body = if b(&v["body"], "in_ref") { MessageBody::Ref(body_cell) } else { MessageBody::Inline(body_cell) };
    (init, body)
}
fn message(v: &Value) -> Message {
    let (init, body) = message_parts(v);
    Message { info: info(&v["info"]), init, body }
}
fn message_relaxed(v: &Value) -> MessageRelaxed {
    let (init, body) = message_parts(v);
    Message { info: info_relaxed(&v["info"]), init, body }
}

fn action(v: &Value) -> OutAction {
    match s(v, "type") {
        "send_msg" => {
            OutAction::SendMsg { mode: u(v, "mode") as u8, out_msg: Box::new(message_relaxed(&v["message"])) }
        }
        "set_code" => OutAction::SetCode { new_code: boc_to_cell(s(v, "code")) },
        "reserve" => OutAction::ReserveCurrency { mode: u(v, "mode") as u8, currency: currency(&v["currency"]) },
        "change_library" => {
            let libref = match v["libref"]["hash"].as_str() {
                Some(h) => LibRef::Hash(hash32(h)),
                None => LibRef::Cell(boc_to_cell(s(&v["libref"], "cell"))),
            };
            OutAction::ChangeLibrary { mode: u(v, "mode") as u8, libref }
        }
        t => panic!("action type {t}"),
    }
}

// ---------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------

/// Reads the vector's cell as `T`, compares with `expected`, and checks
/// that both write back to the recorded hash.
fn check_object<T: Load + Store + PartialEq + std::fmt::Debug>(vector: &Value, expected: &T) -> T {
    let name = s(vector, "name");
    let cell = boc_to_cell(s(vector, "boc"));
    let hash = s(vector, "hash");
    assert_eq!(hex::encode(cell.hash()), hash, "{name}: BoC root hash");
    let loaded = T::load_from_cell(&cell).unwrap_or_else(|e| panic!("{name}: load failed: {e}"));
    assert_eq!(&loaded, expected, "{name}: loaded value differs from the parameters");
    let rebuilt = loaded.to_cell().unwrap_or_else(|e| panic!("{name}: store failed: {e}"));
    assert_eq!(hex::encode(rebuilt.hash()), hash, "{name}: re-serialised hash");
    let built = expected.to_cell().unwrap_or_else(|e| panic!("{name}: store from parameters failed: {e}"));
    assert_eq!(hex::encode(built.hash()), hash, "{name}: hash built from the parameters");
    loaded
}

fn vectors_of<'a>(v: &'a Value, kind: &str) -> Vec<&'a Value> {
    v["vectors"].as_array().unwrap().iter().filter(|x| x["kind"] == kind).collect()
}

#[test]
fn vector_file_is_large_and_varied() {
    let v = vectors();
    assert!(v["count"].as_u64().unwrap() >= 60);
    assert_eq!(v["vectors"].as_array().unwrap().len() as u64, v["count"].as_u64().unwrap());
    for (kind, min) in [
        ("address", 15),
        ("varint", 40),
        ("currency", 5),
        ("state_init", 8),
        ("message", 40),
        ("message_relaxed", 8),
        ("out_list", 10),
        ("address_text", 5),
        ("address_text_invalid", 10),
    ] {
        assert!(vectors_of(&v, kind).len() >= min, "too few {kind} vectors");
    }
}

#[test]
fn addresses_match_reference() {
    let v = vectors();
    for vector in vectors_of(&v, "address") {
        let name = s(vector, "name");
        let params = &vector["params"];
        let expected = address(params);
        check_object(vector, &expected);
        // The narrower types read (or refuse) the same cell as the scheme says.
        let cell = boc_to_cell(s(vector, "boc"));
        match expected.as_int() {
            Some(int) => {
                assert_eq!(MsgAddressInt::load_from_cell(&cell).as_ref(), Ok(&int), "{name}");
                assert!(
                    matches!(MsgAddressExt::load_from_cell(&cell), Err(TlbError::InvalidTag { .. })),
                    "{name}: MsgAddressExt must refuse an internal address"
                );
            }
            None => {
                assert_eq!(MsgAddress::from(MsgAddressExt::load_from_cell(&cell).unwrap()), expected, "{name}");
                assert!(
                    matches!(MsgAddressInt::load_from_cell(&cell), Err(TlbError::InvalidTag { .. })),
                    "{name}: MsgAddressInt must refuse an external address"
                );
            }
        }
        if let MsgAddress::Std(std) = &expected {
            assert_eq!(&StdAddr::load_from_cell(&cell).unwrap(), std, "{name}");
        }
    }
}

#[test]
fn address_text_forms_match_reference() {
    let v = vectors();
    for vector in vectors_of(&v, "address_text") {
        let name = s(vector, "name");
        let params = &vector["params"];
        let expected = StdAddr::new(params["workchain"].as_i64().unwrap() as i8, hash32(s(params, "address")));
        check_object(vector, &expected);
        let raw = s(vector, "raw");
        assert_eq!(expected.to_raw_string().unwrap(), raw, "{name}");
        assert_eq!(StdAddr::parse_raw(raw).unwrap(), expected, "{name}");
        assert_eq!(StdAddr::parse_raw(&raw.to_uppercase()).unwrap(), expected, "{name}: upper-case hex");
        assert_eq!(StdAddr::parse_text(raw).unwrap(), (expected.clone(), None), "{name}");
        for (key, forms) in vector["friendly"].as_object().unwrap() {
            let flags = FriendlyFlags { bounceable: key.starts_with("bounceable"), testnet: key.ends_with("_testnet") };
            for (url_safe, text) in [(true, s(forms, "url")), (false, s(forms, "std"))] {
                assert_eq!(expected.to_friendly(flags, url_safe).unwrap(), text, "{name} {key}");
                assert_eq!(StdAddr::parse_friendly(text).unwrap(), (expected.clone(), flags), "{name} {key}");
                assert_eq!(text.parse::<StdAddr>().unwrap(), expected, "{name} {key}");
            }
        }
    }
    for vector in vectors_of(&v, "address_text_mixed") {
        let params = &vector["params"];
        let expected = StdAddr::new(params["workchain"].as_i64().unwrap() as i8, hash32(s(params, "address")));
        check_object(vector, &expected);
        let flags = FriendlyFlags { bounceable: b(params, "bounceable"), testnet: b(params, "testnet") };
        assert_eq!(StdAddr::parse_friendly(s(vector, "text")).unwrap(), (expected, flags));
    }
}

#[test]
fn invalid_address_texts_are_refused() {
    let v = vectors();
    for vector in vectors_of(&v, "address_text_invalid") {
        let name = s(vector, "name");
        let err = StdAddr::parse_text(s(vector, "text")).expect_err(name);
        let kind = match err {
            AddressTextError::UnknownForm => "UnknownForm",
            AddressTextError::InvalidBase64 => "InvalidBase64",
            AddressTextError::BadChecksum => "BadChecksum",
            AddressTextError::UnknownTag(_) => "UnknownTag",
            AddressTextError::InvalidWorkchain => "InvalidWorkchain",
            AddressTextError::InvalidHex => "InvalidHex",
            AddressTextError::Anycast => "Anycast",
        };
        assert_eq!(kind, s(vector, "error"), "{name}");
    }
}

#[test]
fn anycast_addresses_have_no_text_form() {
    let a = StdAddr { anycast: Some(Anycast::new(3, 5).unwrap()), workchain: 0, address: [1; 32] };
    assert_eq!(a.to_raw_string(), Err(AddressTextError::Anycast));
    assert_eq!(a.to_friendly(FriendlyFlags::default(), true), Err(AddressTextError::Anycast));
}

#[test]
fn var_integers_match_tvm() {
    let v = vectors();
    for vector in vectors_of(&v, "varint") {
        let params = &vector["params"];
        let value = s(params, "value");
        match (u(params, "n"), b(params, "signed")) {
            (16, false) => {
                check_object(vector, &VarUint::<16>(value.parse().unwrap()));
                check_object(vector, &Coins(value.parse().unwrap()));
            }
            (32, false) => {
                check_object(vector, &VarUint::<32>(value.parse().unwrap()));
            }
            (16, true) => {
                check_object(vector, &VarInt::<16>(value.parse::<BigInt>().unwrap()));
            }
            (32, true) => {
                check_object(vector, &VarInt::<32>(value.parse::<BigInt>().unwrap()));
            }
            other => panic!("unexpected varint parameters {other:?}"),
        }
    }
}

#[test]
fn currency_collections_match_reference() {
    let v = vectors();
    for vector in vectors_of(&v, "currency") {
        let loaded = check_object(vector, &currency(&vector["params"]));
        assert_eq!(loaded.other.entries().unwrap(), extra_entries(&vector["params"]["other"]));
    }
}

#[test]
fn state_inits_match_reference() {
    let v = vectors();
    for vector in vectors_of(&v, "state_init") {
        let loaded = check_object(vector, &state_init(&vector["params"]));
        assert_eq!(loaded.libraries.entries().unwrap(), library_entries(&vector["params"]["libraries"]));
    }
}

#[test]
fn messages_match_reference() {
    let v = vectors();
    for vector in vectors_of(&v, "message") {
        check_object(vector, &message(&vector["params"]));
    }
    for vector in vectors_of(&v, "message_relaxed") {
        check_object(vector, &message_relaxed(&vector["params"]));
    }
}

#[test]
fn out_lists_match_reference() {
    let v = vectors();
    for vector in vectors_of(&v, "out_list") {
        let name = s(vector, "name");
        let expected =
            OutList { actions: vector["params"]["actions"].as_array().unwrap().iter().map(action).collect() };
        check_object(vector, &expected);
        let cell = boc_to_cell(s(vector, "boc"));
        assert_eq!(OutList::from_cell(&cell).unwrap(), expected, "{name}");
    }
}

#[test]
fn c5_lists_are_accepted_exactly_when_the_node_accepts_them() {
    let v = vectors();
    let cases = vectors_of(&v, "c5_validity");
    assert!(cases.len() >= 40, "too few c5 validity vectors");
    assert!(cases.iter().any(|c| !b(&c["params"], "valid")), "no invalid c5 vectors");
    for vector in cases {
        let name = s(vector, "name");
        let cell = boc_to_cell(s(vector, "boc"));
        assert_eq!(hex::encode(cell.hash()), s(vector, "hash"), "{name}: BoC root hash");
        let parsed = OutList::from_cell(&cell);
        let valid = b(&vector["params"], "valid");
        assert_eq!(parsed.is_ok(), valid, "{name}: node says valid = {valid}, gram says {parsed:?}");
        if !valid && u(&vector["params"], "result_code") == 32 {
            // 32 = "action list invalid": a node with data but no next reference.
            assert!(
                matches!(parsed, Err(TlbError::InvalidData { ty: "OutList", .. })),
                "{name}: expected the missing-prev error, got {parsed:?}"
            );
        }
    }
}
