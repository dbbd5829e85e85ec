//! Reference vectors of the cell instructions: every vector of
//! `conformance/vectors/cell_ops_vectors.json` and the `cell.*` group of
//! `tvm_gas_vectors.json` (except HASHCU / SHA256U, which belong to another
//! family), run through the library API and compared with the reference:
//! exit code, gas, the whole stack (ints exactly, cells by hash, slices by
//! underlying cell hash and window, builders by the hash of their contents),
//! c4 / c5 and a missing library.

use std::sync::Arc;

use gram_cells::{Cell, CellSlice};
use gram_vm::{run, Int257, RunParams, Value};
use serde_json::Value as Json;

// ----- decoding -------------------------------------------------------------

fn base64_decode(text: &str) -> Vec<u8> {
    fn sextet(c: u8) -> u32 {
        match c {
            b'A'..=b'Z' => (c - b'A') as u32,
            b'a'..=b'z' => (c - b'a' + 26) as u32,
            b'0'..=b'9' => (c - b'0' + 52) as u32,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => panic!("bad base64 character {c}"),
        }
    }
    let clean: Vec<u8> = text.bytes().filter(|&c| c != b'=').collect();
    let mut out = Vec::new();
    for chunk in clean.chunks(4) {
        let mut acc = 0u32;
        for &c in chunk {
            acc = (acc << 6) | sextet(c);
        }
        acc <<= 6 * (4 - chunk.len() as u32);
        let bytes = acc.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}

/// Decodes a base64 single-root BoC.
fn boc_to_cell(text: &str) -> Cell {
    gram_cells::boc::decode_single(&base64_decode(text)).expect("valid BoC")
}

fn hex_upper(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

// ----- typed values ------------------------------------------------------------

fn value_of(v: &Json) -> Value {
    match v["type"].as_str().expect("typed value") {
        "int" => Value::Int(Int257::parse(v["value"].as_str().expect("decimal")).expect("257-bit integer")),
        "nan" => Value::NaN,
        "null" => Value::Null,
        "cell" => Value::Cell(boc_to_cell(v["boc"].as_str().expect("boc"))),
        "builder" => Value::Builder(Arc::new(boc_to_cell(v["boc"].as_str().expect("boc")).to_builder())),
        "slice" => {
            let cell = boc_to_cell(v["boc"].as_str().expect("boc"));
            let n = |k: &str| v[k].as_u64().expect("slice bound") as usize;
            let s = CellSlice::with_window(cell, n("bits_start")..n("bits_end"), n("refs_start")..n("refs_end"))
                .expect("window inside the cell");
            Value::Slice(s)
        }
        "tuple" => Value::Tuple(Arc::new(v["items"].as_array().expect("items").iter().map(value_of).collect())),
        other => panic!("unsupported input type {other}"),
    }
}

/// Checks one result value against the reference's; returns a description of a mismatch.
fn compare(actual: &Value, expected: &Json) -> Result<(), String> {
    let kind = expected["type"].as_str().expect("typed value");
    let text = |s: &str| expected[s].as_str().expect("string field").to_string();
    let n = |s: &str| expected[s].as_u64().expect("number field") as usize;
    match (kind, actual) {
        ("int", Value::Int(x)) if x.to_string() == text("value") => Ok(()),
        ("nan", Value::NaN) | ("null", Value::Null) => Ok(()),
        ("cell", Value::Cell(c)) if hex_upper(c.hash()) == text("hash") => Ok(()),
        ("slice", Value::Slice(s))
            if hex_upper(s.cell().hash()) == text("hash")
                && (s.bit_offset(), s.bit_end(), s.ref_offset(), s.ref_end())
                    == (n("bits_start"), n("bits_end"), n("refs_start"), n("refs_end")) =>
        {
            Ok(())
        }
        ("builder", Value::Builder(b)) => {
            let c = b.build().map_err(|e| format!("builder does not finalise: {e}"))?;
            if hex_upper(c.hash()) == text("hash") && b.bit_len() == n("bits") && b.ref_count() == n("refs") {
                Ok(())
            } else {
                Err(format!("builder {b:?}, expected {expected}"))
            }
        }
        ("tuple", Value::Tuple(t)) => {
            let items = expected["items"].as_array().expect("items");
            if items.len() != t.len() {
                return Err(format!("tuple of {} entries, expected {}", t.len(), items.len()));
            }
            t.iter().zip(items).try_for_each(|(a, e)| compare(a, e))
        }
        _ => Err(format!("{actual:?}, expected {expected}")),
    }
}

// ----- running -------------------------------------------------------------------

/// Runs one vector; `Err` describes the first difference from the reference.
fn run_vector(v: &Json) -> Result<(), String> {
    let exp = &v["expected"];
    let mut params = RunParams::new(boc_to_cell(v["code_boc"].as_str().expect("code_boc")));
    params.stack = v["stack_in"].as_array().expect("stack_in").iter().map(value_of).collect();
    params.gas_limit = v["gas_limit"].as_i64().expect("gas_limit");
    if let Some(version) = v["global_version"].as_u64() {
        params.version = version as u32;
    }
    if let Some(libs) = v["libs"].as_str() {
        params.libraries = vec![boc_to_cell(libs)];
    }
    let out = run(params);

    let (exit, gas) = (exp["exit_code"].as_i64().unwrap(), exp["gas_used"].as_i64().unwrap());
    if (out.exit_code as i64, out.gas_used) != (exit, gas) {
        return Err(format!(
            "exit {} gas {} (reference: exit {exit} gas {gas}); stack {:?}",
            out.exit_code, out.gas_used, out.stack
        ));
    }
    let expected = exp["stack"].as_array().unwrap();
    if out.stack.len() != expected.len() {
        return Err(format!("stack {:?}, reference has {} entries", out.stack, expected.len()));
    }
    for (i, (a, e)) in out.stack.iter().zip(expected).enumerate() {
        compare(a, e).map_err(|why| format!("stack entry {i}: {why}"))?;
    }
    for (reg, key) in [(0, "c4"), (1, "c5")] {
        match (&out.committed, exp[key].as_str()) {
            (Some(c), Some(boc)) => {
                let ours = if reg == 0 { &c.c4 } else { &c.c5 };
                if ours.hash() != boc_to_cell(boc).hash() {
                    return Err(format!("{key} differs"));
                }
            }
            (None, None) => {}
            (ours, theirs) => return Err(format!("{key} committed {}, reference {theirs:?}", ours.is_some())),
        }
    }
    let ours = out.missing_library.map(|h| hex_upper(&h));
    let theirs = exp["missing_library"].as_str();
    if ours.as_deref() != theirs {
        return Err(format!("missing library {ours:?}, reference {theirs:?}"));
    }
    Ok(())
}

fn load(file: &str) -> Json {
    let path = format!("{}/../conformance/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("vector file")).expect("valid JSON")
}

/// Runs every vector; fails listing all differences. Returns how many ran.
fn run_all<'a>(vectors: impl Iterator<Item = &'a Json>) -> usize {
    let mut ran = 0;
    let mut failures = Vec::new();
    for v in vectors {
        ran += 1;
        if let Err(why) = run_vector(v) {
            failures.push(format!("{} [{}]: {why}", v["name"].as_str().unwrap(), v["asm"].as_str().unwrap_or("")));
        }
    }
    assert!(failures.is_empty(), "{} vector(s) differ from the reference:\n{}", failures.len(), failures.join("\n"));
    ran
}

#[test]
fn cell_ops_vectors_match_reference() {
    let file = load("cell_ops_vectors.json");
    let vectors = file["vectors"].as_array().expect("vectors");
    assert_eq!(vectors.len() as u64, file["count"].as_u64().unwrap());
    assert_eq!(run_all(vectors.iter()), vectors.len());
}

#[test]
fn tvm_gas_cell_group_matches_reference() {
    let file = load("tvm_gas_vectors.json");
    let cell_group = file["vectors"].as_array().expect("vectors").iter().filter(|v| {
        let name = v["name"].as_str().unwrap();
        name.starts_with("cell.") && !name.contains("hashcu") && !name.contains("sha256u")
    });
    assert_eq!(run_all(cell_group), 14, "cell.* vectors run");
}
