//! Replays the reference's dictionary runs (conformance/vectors/dict/dict_vectors.json,
//! made by gen_dict_vectors.mjs on the reference TVM) with gram's dictionaries:
//! same root hashes after every operation, same values (the exact leaf cell and
//! window), same keys, same exit codes, and the same gas for the cells loaded
//! and created.

use gram_cells::dict::{
    value_to_ref, DictError, DictKey, DictValue, Dictionary, GasCounter, PrefixDictionary, SetMode,
};
use gram_cells::{parse_tagged_hex, Cell, CellSlice};
use num_bigint::BigInt;
use serde_json::Value;

fn vectors() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../conformance/vectors/dict/dict_vectors.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("vector file")).expect("json")
}

fn cell_from_spec(spec: &Value) -> Cell {
    let (data, bits) = parse_tagged_hex(spec["hex"].as_str().unwrap()).expect("hex");
    let refs: Vec<Cell> = spec["refs"].as_array().map(|r| r.iter().map(cell_from_spec).collect()).unwrap_or_default();
    Cell::new(&data, bits, &refs, false).expect("cell")
}

fn bits_key(hex: &str) -> DictKey {
    let (data, bits) = parse_tagged_hex(hex).expect("hex");
    DictKey::from_bits(&data, bits).expect("key")
}

fn key_from(json: &Value, n: usize, signed: bool) -> DictKey {
    if let Some(hex) = json["bits"].as_str() {
        return bits_key(hex);
    }
    let value: BigInt = json["int"].as_str().unwrap().parse().unwrap();
    DictKey::from_big_int(&value, n, signed).expect("key fits")
}

fn hash_of(root: Option<&Cell>) -> Value {
    root.map_or(Value::Null, |c| Value::String(hex::encode_upper(c.hash())))
}

/// Compares a returned slice with the reference's: same underlying cell, same window.
fn check_slice(what: &str, ours: &CellSlice, expected: &Value) {
    let got = serde_json::json!({
        "cell_hash": hex::encode_upper(ours.cell().hash()),
        "bits": [ours.bit_offset(), ours.bit_end()],
        "refs": [ours.ref_offset(), ours.ref_end()],
    });
    assert_eq!(&got, expected, "{what}: value slice");
}

fn check_value(what: &str, ours: Option<&CellSlice>, expected: &Value, as_ref: bool) {
    match (ours, expected) {
        (None, Value::Null) => {}
        (Some(slice), expected) if !expected.is_null() => {
            if as_ref {
                let cell = value_to_ref(slice).unwrap();
                assert_eq!(hex::encode_upper(cell.hash()), expected["ref_hash"].as_str().unwrap(), "{what}: ref value");
            } else {
                check_slice(what, slice, &expected["slice"]);
            }
        }
        _ => panic!("{what}: value {ours:?} but the reference has {expected}"),
    }
}

fn check_key(what: &str, ours: &DictKey, expected: &Value, signed: bool) {
    if let Some(hex) = expected["bits"].as_str() {
        assert_eq!(ours.to_hex(), hex, "{what}: key");
    } else {
        assert_eq!(ours.to_big_int(signed).to_string(), expected["int"].as_str().unwrap(), "{what}: key");
    }
}

/// Gas of the dictionary work alone: the reference's total minus the
/// instruction (26), the implicit RET (5) or the exception (50), and the cell
/// holding a returned slice key.
fn work_gas(op: &Value, key_cell: bool) -> u64 {
    let exit = op["exit_code"].as_i64().unwrap();
    let fixed = 26 + if exit == 0 { 5 } else { 50 } + if key_cell { 500 } else { 0 };
    op["gas_used"].as_u64().unwrap() - fixed
}

fn mode_of(op: &Value) -> SetMode {
    match op["mode"].as_str().unwrap() {
        "set" => SetMode::Set,
        "replace" => SetMode::Replace,
        _ => SetMode::Add,
    }
}

/// What one operation produced: the dictionary after it and whether a slice key was returned.
type Step = Result<(Dictionary, bool), DictError>;

fn run_dict_op(dict: &Dictionary, op: &Value, key_kind: &str, gas: &mut GasCounter, what: &str) -> Step {
    let n = dict.key_bits();
    let signed = key_kind == "int";
    let mut d = dict.clone();
    let ok = op["exit_code"].as_i64().unwrap() == 0;
    let result = &op["result"];
    let as_ref = op["ref"].as_bool().unwrap_or(false);
    match op["op"].as_str().unwrap() {
        "set" => {
            let key = key_from(&op["key"], n, signed);
            let cell = cell_from_spec(&op["value"]);
            let (slice, builder) = (cell.as_slice(), cell.to_builder());
            let value = match op["value_kind"].as_str().unwrap() {
                "slice" => DictValue::Slice(&slice),
                "ref" => DictValue::Ref(&cell),
                _ => DictValue::Builder(&builder),
            };
            let mode = mode_of(op);
            let outcome = d.set_get(&key, value, mode, gas)?;
            let old = match (&outcome.old, op["value_kind"].as_str().unwrap()) {
                // DICTSETGETREF and friends read the old value as a ref, failing on any other shape.
                (Some(old), "ref") if op["get"].as_bool().unwrap() => Some(value_to_ref(old)?).map(|_| old.clone()),
                (old, _) => old.clone(),
            };
            if ok {
                if op["get"].as_bool().unwrap() {
                    check_value(what, old.as_ref(), &result["old"], op["value_kind"] == "ref");
                } else if mode != SetMode::Set {
                    assert_eq!(outcome.changed, result["changed"].as_bool().unwrap(), "{what}: changed");
                }
            }
        }
        "get" => {
            let key = key_from(&op["key"], n, signed);
            let value = d.get(&key, gas)?;
            if as_ref {
                value.as_ref().map(value_to_ref).transpose()?;
            }
            check_value(what, value.as_ref(), &result["value"], as_ref);
        }
        "delete" => {
            let key = key_from(&op["key"], n, signed);
            let old = d.delete(&key, gas)?;
            if as_ref {
                old.as_ref().map(value_to_ref).transpose()?;
            }
            if op["get"].as_bool().unwrap() {
                check_value(what, old.as_ref(), &result["value"], as_ref);
            } else {
                assert_eq!(old.is_some(), result["found"].as_bool().unwrap(), "{what}: found");
            }
        }
        "minmax" => {
            let max = op["max"].as_bool().unwrap();
            let found = match (op["remove"].as_bool().unwrap(), max) {
                (false, false) => d.min(signed, gas)?,
                (false, true) => d.max(signed, gas)?,
                (true, false) => d.remove_min(signed, gas)?,
                (true, true) => d.remove_max(signed, gas)?,
            };
            if as_ref {
                found.as_ref().map(|(_, v)| value_to_ref(v)).transpose()?;
            }
            check_value(what, found.as_ref().map(|(_, v)| v), &result["value"], as_ref);
            if let Some((key, _)) = &found {
                check_key(what, key, &result["key"], signed);
            }
            return Ok((d, found.is_some() && key_kind == "slice"));
        }
        "nearest" => {
            let key = key_from(&op["key"], n, signed);
            let eq = op["eq"].as_bool().unwrap();
            let found = if op["next"].as_bool().unwrap() {
                d.get_next(&key, eq, signed, gas)?
            } else {
                d.get_prev(&key, eq, signed, gas)?
            };
            check_value(what, found.as_ref().map(|(_, v)| v), &result["value"], false);
            if let Some((key, _)) = &found {
                check_key(what, key, &result["key"], signed);
            }
            return Ok((d, found.is_some() && key_kind == "slice"));
        }
        "subdict" => {
            let prefix = bits_key(op["prefix"]["bits"].as_str().unwrap());
            let sub = d.subdict(&prefix, op["remove_prefix"].as_bool().unwrap(), gas)?;
            assert_eq!(hash_of(sub.root()), result["root"], "{what}: sub-dictionary root");
        }
        other => panic!("unknown op {other}"),
    }
    Ok((d, false))
}

/// Checks the outcome of one operation against the reference: exit code, gas, new root.
fn check_step(what: &str, op: &Value, step: Step, gas: &GasCounter, before: &Dictionary) -> Dictionary {
    let exit = op["exit_code"].as_i64().unwrap();
    match step {
        Ok((after, key_cell)) => {
            assert_eq!(exit, 0, "{what}: gram succeeded where the reference raised {exit}");
            assert_eq!(gas.gas(), work_gas(op, key_cell), "{what}: gas ({gas:?})");
            if let Some(expected) = op.get("root_after") {
                assert_eq!(&hash_of(after.root()), expected, "{what}: root after");
            }
            after
        }
        Err(e) => {
            assert_eq!(e.exit_code() as i64, exit, "{what}: gram raised {e:?}");
            assert_eq!(gas.gas(), work_gas(op, false), "{what}: gas on error ({gas:?})");
            before.clone()
        }
    }
}

#[test]
fn dictionaries_match_reference_runs() {
    let v = vectors();
    let dicts = v["dicts"].as_array().unwrap();
    assert!(dicts.len() >= 50);
    let mut ops_checked = 0;
    for entry in dicts {
        let name = entry["name"].as_str().unwrap();
        let key_kind = entry["key_kind"].as_str().unwrap();
        let mut dict = Dictionary::new(entry["key_bits"].as_u64().unwrap() as usize).unwrap();
        for (i, op) in entry["ops"].as_array().unwrap().iter().enumerate() {
            let what = format!("{name} op {i} {}", op["instr"].as_str().unwrap());
            assert_eq!(hash_of(dict.root()), op["root_before"], "{what}: root before");
            let mut gas = GasCounter::new();
            let step = run_dict_op(&dict, op, key_kind, &mut gas, &what);
            dict = check_step(&what, op, step, &gas, &dict);
            ops_checked += 1;
        }
        assert_eq!(hash_of(dict.root()), entry["final_root"], "{name}: final root");
    }
    assert!(ops_checked > 3000);
}

#[test]
fn prefix_dictionaries_match_reference_runs() {
    let v = vectors();
    for entry in v["prefix_dicts"].as_array().unwrap() {
        let name = entry["name"].as_str().unwrap();
        let mut dict = PrefixDictionary::new(entry["key_bits"].as_u64().unwrap() as usize).unwrap();
        for (i, op) in entry["ops"].as_array().unwrap().iter().enumerate() {
            let what = format!("{name} op {i} {}", op["instr"].as_str().unwrap());
            assert_eq!(hash_of(dict.root()), op["root_before"], "{what}: root before");
            let mut gas = GasCounter::new();
            let mut d = dict.clone();
            let result = &op["result"];
            let step: Result<(), DictError> = (|| {
                match op["op"].as_str().unwrap() {
                    "pfx_set" => {
                        let key = bits_key(op["key"]["bits"].as_str().unwrap());
                        let value = cell_from_spec(&op["value"]).as_slice();
                        let changed = d.set(&key, DictValue::Slice(&value), mode_of(op), &mut gas)?;
                        assert_eq!(changed, result["changed"].as_bool().unwrap(), "{what}: changed");
                    }
                    "pfx_delete" => {
                        let key = bits_key(op["key"]["bits"].as_str().unwrap());
                        let found = d.delete(&key, &mut gas)?.is_some();
                        assert_eq!(found, result["found"].as_bool().unwrap(), "{what}: found");
                    }
                    _ => {
                        let input = bits_key(op["input"]["bits"].as_str().unwrap());
                        let found = d.lookup_prefix(&input, &mut gas)?;
                        check_value(&what, found.as_ref().map(|(v, _)| v), &result["value"], false);
                        if let Some((_, len)) = found {
                            let mut prefix = input.clone();
                            prefix.truncate(len);
                            assert_eq!(prefix.to_hex(), result["prefix"]["bits"].as_str().unwrap(), "{what}: prefix");
                            let rest = DictKey::from_slice_bits(&{
                                let mut s = input.to_slice().unwrap();
                                s.skip_bits(len).unwrap();
                                s
                            });
                            assert_eq!(rest.to_hex(), result["rest"]["bits"].as_str().unwrap(), "{what}: rest");
                        }
                    }
                }
                Ok(())
            })();
            let exit = op["exit_code"].as_i64().unwrap();
            match step {
                Ok(()) => {
                    assert_eq!(exit, 0, "{what}: gram succeeded where the reference raised {exit}");
                    assert_eq!(gas.gas(), work_gas(op, false), "{what}: gas ({gas:?})");
                    if let Some(expected) = op.get("root_after") {
                        assert_eq!(&hash_of(d.root()), expected, "{what}: root after");
                    }
                    dict = d;
                }
                Err(e) => {
                    assert_eq!(e.exit_code() as i64, exit, "{what}: gram raised {e:?}");
                    assert_eq!(gas.gas(), work_gas(op, false), "{what}: gas on error");
                }
            }
        }
        assert_eq!(hash_of(dict.root()), entry["final_root"], "{name}: final root");
    }
}

#[test]
fn malformed_dictionaries_fail_like_reference() {
    let v = vectors();
    for case in v["malformed"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let n = case["key_bits"].as_u64().unwrap() as usize;
        let root = (!case["root"].is_null()).then(|| cell_from_spec(&case["root"]));
        let mut gas = GasCounter::new();
        let exit = case["exit_code"].as_i64().unwrap();
        let outcome: Result<Option<Cell>, DictError> = (|| {
            if case["op"] == "pfx_getq" {
                let dict = PrefixDictionary::with_root(root.clone(), n)?;
                dict.lookup_prefix(&bits_key(case["input"]["bits"].as_str().unwrap()), &mut gas)?;
                return Ok(None);
            }
            let mut dict = Dictionary::with_root(root.clone(), n)?;
            let key = key_from(&case["key"], n, false);
            match case["op"].as_str().unwrap() {
                "get" => {
                    dict.get(&key, &mut gas)?;
                }
                "getref" => {
                    dict.get_ref(&key, &mut gas)?;
                }
                "delete" => {
                    dict.delete(&key, &mut gas)?;
                }
                _ => {
                    let value = cell_from_spec(&case["value"]).as_slice();
                    dict.set(&key, DictValue::Slice(&value), SetMode::Set, &mut gas)?;
                }
            }
            Ok(dict.into_root())
        })();
        match outcome {
            Ok(new_root) => {
                assert_eq!(exit, 0, "{name}: gram succeeded where the reference raised {exit}");
                if let Some(expected) = case.get("root_after") {
                    assert_eq!(&hash_of(new_root.as_ref()), expected, "{name}: root after");
                }
            }
            Err(e) => assert_eq!(e.exit_code() as i64, exit, "{name}: gram raised {e:?}"),
        }
        assert_eq!(gas.gas(), work_gas(case, false), "{name}: gas ({gas:?})");
    }
}
