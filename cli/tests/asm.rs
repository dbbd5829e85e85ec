//! `gram asm` and `gram disasm` run as a user would: round trips through
//! files, the Fift dialect, output encodings, and the error exits (1 for
//! assembly errors with file:line:col, caret and hint; 2 for usage).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const WALLET_HASH: &str = "feb5ff6820e2ff0d9483e7e0d62c817d846789fb4ae580c878866d959dabd5c0";

fn gram(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gram"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gram");
    let mut pipe = child.stdin.take().expect("stdin");
    pipe.write_all(stdin.unwrap_or_default()).expect("write stdin");
    drop(pipe);
    child.wait_with_output().expect("wait")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("asm-cli");
    std::fs::create_dir_all(&dir).expect("mkdir");
    dir.join(name)
}

fn contract(name: &str) -> String {
    format!("{}/../assembler/tests/contracts/out/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn hash_of(boc_file: &str) -> String {
    let o = gram(&["boc", "hash", boc_file], None);
    assert!(o.status.success(), "{}", text(&o.stderr));
    text(&o.stdout).trim().to_owned()
}

#[test]
fn disasm_then_asm_gives_the_wallet_v4r2_hash() {
    let wallet = format!("{}/assets/wallet_v4r2_code.boc", env!("CARGO_MANIFEST_DIR"));
    let d = gram(&["disasm", &wallet], None);
    assert!(d.status.success(), "{}", text(&d.stderr));
    let listing = scratch("wallet.asm");
    std::fs::write(&listing, &d.stdout).expect("write");
    let out = scratch("wallet.boc");
    let a = gram(&["asm", listing.to_str().expect("path"), "-o", out.to_str().expect("path")], None);
    assert!(a.status.success(), "{}", text(&a.stderr));
    assert_eq!(hash_of(out.to_str().expect("path")), WALLET_HASH);
}

#[test]
fn asm_fift_gives_the_compiler_hash_and_encodings() {
    let fif = contract("func-wallet3-code.fif");
    let expected = hash_of(&contract("func-wallet3-code.boc"));
    for flag in ["--hex", "--base64"] {
        let o = gram(&["asm", "--fift", &fif, flag], None);
        assert!(o.status.success(), "{}", text(&o.stderr));
        let file = scratch(&format!("w3{flag}.txt"));
        std::fs::write(&file, &o.stdout).expect("write");
        assert_eq!(hash_of(file.to_str().expect("path")), expected, "{flag}");
    }
    // A .fif file name selects the dialect by itself.
    let o = gram(&["asm", &fif], None);
    assert!(o.status.success(), "{}", text(&o.stderr));
}

#[test]
fn asm_reads_stdin() {
    let o = gram(&["asm", "-"], Some(b"PUSHINT_4 1\nPUSHINT_4 2\nADD\n"));
    assert!(o.status.success(), "{}", text(&o.stderr));
    let d = gram(&["disasm", "-"], Some(&o.stdout));
    assert_eq!(text(&d.stdout), "PUSHINT_4 1\nPUSHINT_4 2\nADD\n");
}

#[test]
fn asm_errors_exit_1_with_location_caret_and_hint() {
    let src = scratch("bad.asm");
    std::fs::write(&src, "PUSHINT_4 1\nPUHSINT_4 2\nPUSHINT_8 300\n").expect("write");
    let o = gram(&["asm", src.to_str().expect("path")], None);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("bad.asm:2:1: error: unknown mnemonic PUHSINT_4"), "{err}");
    assert!(err.contains("hint: did you mean PUSHINT_4?"), "{err}");
    assert!(err.contains("bad.asm:3:11: error: operand 300 out of range -128..127"), "{err}");
    assert!(err.contains("  |           ^^^"), "{err}");
    assert!(err.contains("2 error(s)"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(gram(&["asm"], None).status.code(), Some(2));
    assert_eq!(gram(&["asm", "x.asm", "--hex", "--base64"], None).status.code(), Some(2));
    assert_eq!(gram(&["disasm"], None).status.code(), Some(2));
}

#[test]
fn disasm_of_garbage_code_shows_invalid_bits_without_failing() {
    // A BoC of one cell with bits that are no instruction (82F8: PUSHINT_LONG with length 31 > 30).
    let code = gram_cells::Cell::new(&[0x82, 0xF8], 16, &[], false).expect("cell");
    let boc = gram_cells::boc::encode(&code, Default::default()).expect("boc");
    let o = gram(&["disasm", "-"], Some(&boc));
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains(".invalid x{82F8}"), "{}", text(&o.stdout));
}

#[test]
fn asm_fift_script_with_compact_dispatch_and_debug_strings() {
    // A hand-written Fift script (`#!` line, a `<{ ... }>c` root dispatching
    // recv_internal / recv_external itself) gives the reference assembler's
    // hash (assembler/tests/fift_blocks/blocks.json, from gen.mjs).
    let dir = format!("{}/../assembler/tests/fift_blocks", env!("CARGO_MANIFEST_DIR"));
    let blocks: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/blocks.json")).expect("blocks.json")).unwrap();
    for name in ["compact_wallet_dispatch", "debug_strings"] {
        let block = blocks.as_array().expect("array").iter().find(|b| b["name"] == name).expect("block");
        let src = scratch(&format!("{name}.fif"));
        let body = block["src"].as_str().expect("src");
        std::fs::write(&src, format!("#!/usr/bin/fift -s\n\"Asm.fif\" include\n<{{\n{body}}}>c\n")).expect("write");
        let out = scratch(&format!("{name}.boc"));
        let a = gram(&["asm", src.to_str().expect("path"), "-o", out.to_str().expect("path")], None);
        assert!(a.status.success(), "{}", text(&a.stderr));
        assert_eq!(hash_of(out.to_str().expect("path")), block["hash"].as_str().expect("hash"), "{name}");
    }
}

#[test]
fn disasm_names_bytes_rejected_at_run_time() {
    // XCHG_IJ with i = 0, then PUSHINT_4 1: the reference decodes both.
    let code = gram_cells::Cell::new(&[0x10, 0x03, 0x71], 24, &[], false).expect("cell");
    let boc = gram_cells::boc::encode(&code, Default::default()).expect("boc");
    let o = gram(&["disasm", "-"], Some(&boc));
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), ".invalid x{1003} ; XCHG_IJ s0 s3 (decodes, fails at run time)\nPUSHINT_4 1\n");
    let a = gram(&["asm", "-", "--hex"], Some(&o.stdout));
    assert!(a.status.success(), "{}", text(&a.stderr));
    let file = scratch("rejected.hex");
    std::fs::write(&file, &a.stdout).expect("write");
    assert_eq!(hash_of(file.to_str().expect("path")), gram_asm_hash(&code));
}

fn gram_asm_hash(cell: &gram_cells::Cell) -> String {
    cell.hash().iter().map(|b| format!("{b:02x}")).collect()
}
