//! Contracts compiled by FunC and Tolk (see `contracts/compile.mjs`):
//! assembling the compiler's `.fif` gives the compiler's code hash, and
//! disassembling its code BoC then assembling the text gives the same hash.

use std::path::{Path, PathBuf};

use gram_asm::{assemble, disassemble, fift::assemble_fift, render};
use gram_cells::boc;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn out_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/contracts/out")
}

/// (name, expected hash) of every compiled contract, from manifest.json.
fn contracts() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(out_dir().join("manifest.json")).expect("manifest.json");
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid manifest");
    let map = json["contracts"].as_object().expect("contracts object");
    map.iter().map(|(k, v)| (k.clone(), v["hash"].as_str().expect("hash").to_owned())).collect()
}

#[test]
fn corpus_has_at_least_20_contracts_from_both_compilers() {
    let all = contracts();
    assert!(all.len() >= 20, "{} contracts", all.len());
    assert!(all.iter().any(|(n, _)| n.starts_with("func-")));
    assert!(all.iter().any(|(n, _)| n.starts_with("tolk-")));
}

#[test]
fn fift_output_assembles_to_the_compiler_hash() {
    let mut failures = Vec::new();
    for (name, hash) in contracts() {
        let src = std::fs::read_to_string(out_dir().join(format!("{name}.fif"))).expect("fif");
        match assemble_fift(&src) {
            Ok(a) if hex(a.cell.hash()) == hash => {}
            Ok(a) => failures.push(format!("{name}: hash {} expected {hash}", hex(a.cell.hash()))),
            Err(e) => {
                failures.push(format!("{name}:\n{}", render(&format!("{name}.fif"), &src, &e.0[..e.0.len().min(5)])))
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn compiled_code_round_trips_through_disassembly() {
    let mut failures = Vec::new();
    for (name, hash) in contracts() {
        let bytes = std::fs::read(out_dir().join(format!("{name}.boc"))).expect("boc");
        let code = boc::decode_single(&bytes).expect("valid BoC");
        assert_eq!(hex(code.hash()), hash, "{name}: stored BoC and manifest disagree");
        let text = disassemble(&code);
        match assemble(&text) {
            Ok(a) if a.cell.hash() == code.hash() => {}
            Ok(_) => failures.push(format!("{name}: different hash after disasm -> asm")),
            Err(e) => failures.push(format!("{name}:\n{}", render(&name, &text, &e.0[..e.0.len().min(5)]))),
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
