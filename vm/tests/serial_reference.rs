//! Stack inputs the reference refuses (`rejected_inputs` of
//! conformance/vectors/serial_vectors.json, recorded from the oracle by
//! gen_serial_vectors.mjs): gram's JSON protocol must refuse them with the
//! same error line the reference runner prints. (The programs of that file
//! are run by the gram-conformance vector runner.)
//!
//! Needs the `json` feature: `cargo test -p gram-vm --features json --test serial_reference`.
#![cfg(feature = "json")]

use gram_vm::json::{outcome_to_json, parse_request};
use serde_json::Value as Json;

fn vectors() -> Json {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../conformance/vectors/serial_vectors.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("serial_vectors.json")).expect("valid JSON")
}

/// The line `gram run --jsonl` prints for a request.
fn gram_line(request: &Json) -> Json {
    match parse_request(&request.to_string()) {
        Ok(req) => outcome_to_json(&req, &gram_vm::run(req.params.clone())),
        Err(e) => serde_json::json!({ "error": e.to_string() }),
    }
}

#[test]
fn rejected_inputs_give_the_reference_error_line() {
    let doc = vectors();
    let cases = doc["rejected_inputs"].as_array().expect("rejected_inputs");
    assert!(cases.len() >= 20, "too few rejected inputs: {}", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let got = gram_line(&case["request"]);
        if got["error"] != case["expected_error"] {
            failures.push(format!("{}: expected {} got {}", case["name"], case["expected_error"], got));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn unserializable_final_stacks_give_the_reference_error_line() {
    let doc = vectors();
    let mut seen = 0;
    for v in doc["vectors"].as_array().expect("vectors") {
        if v["expected"].get("error").is_none() {
            continue;
        }
        seen += 1;
        let request = serde_json::json!({ "code": v["code_boc"], "stack": v["stack_in"], "gas_limit": v["gas_limit"] });
        assert_eq!(gram_line(&request)["error"], v["expected"]["error"], "{}", v["name"]);
    }
    assert!(seen >= 4, "too few error vectors: {seen}");
}

/// Every BoC text the reference runner printed in the serial vectors (cont,
/// cell, slice and builder values, c4 / c5): decoding it and encoding it
/// again gives the same text, byte for byte (@ton/core's cell order).
#[test]
fn boc_text_matches_the_runner_byte_for_byte() {
    fn walk(v: &Json, out: &mut Vec<String>) {
        match v {
            Json::Object(m) => {
                for (k, x) in m {
                    match (k.as_str(), x) {
                        ("boc" | "content_boc" | "c4" | "c5", Json::String(s)) => out.push(s.clone()),
                        _ => walk(x, out),
                    }
                }
            }
            Json::Array(items) => items.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let doc = vectors();
    let mut bocs = Vec::new();
    for v in doc["vectors"].as_array().expect("vectors") {
        walk(&v["expected"], &mut bocs);
    }
    assert!(bocs.len() > 300, "too few BoCs: {}", bocs.len());
    let multi_cell = bocs.iter().filter(|b| b.len() > 60).count();
    assert!(multi_cell > 50, "too few larger BoCs: {multi_cell}");
    for text in &bocs {
        let cell = gram_vm::json::cell_from_boc_text(text).expect("the runner's BoC decodes");
        assert_eq!(&gram_vm::json::cell_to_boc_text(&cell), text);
    }
}
