//! Fift-assembler blocks (`fift_blocks/blocks.txt`) assembled by the reference
//! Fift assembler (`fift_blocks/gen.mjs`): compact root dispatch written by
//! hand (recv_internal / recv_external handled in the root cell, no method
//! dictionary), the string-taking debug words, and the `}>IF`-style closers.
//! Each must give the reference's cell hash.

use std::path::Path;

use gram_asm::fift::assemble_fift;
use gram_asm::{assemble, disassemble};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// (name, block source, reference hash) from blocks.json.
fn blocks() -> Vec<(String, String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fift_blocks/blocks.json");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).expect("blocks.json")).unwrap();
    json.as_array()
        .expect("array")
        .iter()
        .map(|b| {
            let field = |k: &str| b[k].as_str().expect("string field").to_owned();
            (field("name"), field("src"), field("hash"))
        })
        .collect()
}

fn hash_of(block: &str) -> String {
    let a = assemble_fift(&format!("\"Asm.fif\" include\n<{{\n{block}}}>c\n")).expect("assembles");
    hex(a.cell.hash())
}

#[test]
fn blocks_give_the_reference_hash() {
    let all = blocks();
    assert!(all.len() >= 6);
    for (name, src, hash) in all {
        assert_eq!(hash_of(&src), hash, "{name}");
    }
}

#[test]
fn blocks_round_trip_through_the_canonical_syntax() {
    // Compact root dispatch needs no directive in the canonical syntax: it is
    // plain code, and the disassembly assembles back to the same cells.
    for (name, src, hash) in blocks() {
        let a = assemble_fift(&format!("<{{\n{src}}}>c\n")).expect("assembles");
        let text = disassemble(&a.cell);
        let again = assemble(&text).unwrap_or_else(|e| panic!("{name}: {e:?}\n{text}"));
        assert_eq!(hex(again.cell.hash()), hash, "{name}\n{text}");
    }
}

#[test]
fn debug_marks_leave_the_code_unchanged() {
    // Asm.fif's DEBUGMARK and MARK_* words only file the mark id under the
    // current offset in its debug table (tolk-js's Asm.fif predates them).
    let (_, src, hash) = blocks().into_iter().find(|b| b.0 == "if_closers").expect("if_closers block");
    let marked = src.replace("<{ INC }>IF", "1 DEBUGMARK <{ 2 MARK_LOC INC }>IF 3 MARK_SCOPE_END");
    assert_ne!(marked, src);
    assert_eq!(hash_of(&marked), hash);
}

#[test]
fn a_script_line_is_a_comment() {
    let (_, src, hash) = blocks().into_iter().next().expect("a block");
    let a = assemble_fift(&format!("#!/usr/bin/fift -s\n\"Asm.fif\" include\n<{{\n{src}}}>c\n")).expect("assembles");
    assert_eq!(hex(a.cell.hash()), hash);
}

#[test]
fn bad_debug_strings_are_errors() {
    for bad in [
        "\"\" DEBUGSTR",
        "\"0123456789abcdefg\" DEBUGSTR",
        "\"0123456789abcdef\" 0 DEBUGSTRI",
        "\"a\" 256 DEBUGSTRI",
        "5 DEBUGSTR",
    ] {
        let src = format!("<{{ {bad} }}>c");
        assert!(assemble_fift(&src).is_err(), "{bad}");
    }
}

#[test]
fn debug_mark_output_of_newer_tolk_gives_the_same_code() {
    // Tolk with debug marks on ends with `}END>cd` (code, then Asm.fif's mark
    // dictionary) and puts `N MARK_...` words between instructions.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/contracts/out");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("manifest.json")).expect("manifest")).unwrap();
    let hash = manifest["contracts"]["tolk-handle-msg-1"]["hash"].as_str().expect("hash");
    let src = std::fs::read_to_string(dir.join("tolk-handle-msg-1.fif")).expect("fif");
    let marked = src
        .replace("}END>c", "}END>cd")
        .replace("PROC:<{\n", "PROC:<{\n 1 MARK_ENTER_FUN\n")
        .replace("NIP\n", "NIP 2 MARK_LOC 3 MARK_STACK\n")
        .replace("  }>\n", " 4 MARK_LEAVE_FUN\n  }>\n");
    assert!(marked.contains("}END>cd") && marked.contains("MARK_LOC") && marked.contains("MARK_ENTER_FUN"));
    let a = assemble_fift(&marked).expect("assembles");
    assert_eq!(hex(a.cell.hash()), hash);
}
