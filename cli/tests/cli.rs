//! The `gram` binary, run as a user would: every command, every input
//! encoding, and the error exits. Expected bytes and hashes come from the
//! reference's vectors (conformance/vectors/cells/).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use base64::Engine;
use serde_json::Value;

const WALLET_HASH: &str = "feb5ff6820e2ff0d9483e7e0d62c817d846789fb4ae580c878866d959dabd5c0";

fn gram(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gram"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gram");
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn asset(name: &str) -> String {
    format!("{}/assets/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A scratch file under the target directory, unique per test.
fn scratch(name: &str, contents: &[u8]) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("gram-cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.display().to_string()
}

fn vectors(file: &str) -> Value {
    let path = format!("{}/../conformance/vectors/cells/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn boc_vector(name: &str) -> Value {
    vectors("boc_vectors.json")["vectors"].as_array().unwrap().iter().find(|v| v["name"] == name).unwrap().clone()
}

fn assert_fails(o: &Output, code: i32, message: &str) {
    assert_eq!(o.status.code(), Some(code), "stderr: {}", stderr(o));
    let err = stderr(o);
    assert!(err.contains(message), "stderr `{err}` lacks `{message}`");
    assert!(!err.contains("panicked") && !err.contains("backtrace"), "{err}");
}

#[test]
fn demo_decodes_and_round_trips_the_wallet_code() {
    let o = gram(&["demo"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains(&format!("code hash: {WALLET_HASH}")), "{text}");
    assert!(text.contains("byte-identical to the input"), "{text}");
    assert!(text
        .contains(&format!("#0 ordinary bits=80 refs=1 depth=7 level=0 hash={WALLET_HASH} x{{FF00F4A413F4BCF2C80B}}")));
    assert!(text.contains("cells: 20, depth: 7"), "{text}");
}

#[test]
fn hash_reads_binary_hex_base64_and_stdin() {
    let binary = std::fs::read(asset("wallet_v4r2_code.boc")).unwrap();
    let hex_text = hex::encode(&binary) + "\n";
    let b64_text = base64::engine::general_purpose::STANDARD.encode(&binary);
    let b64_url = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&binary);
    let inputs = [
        asset("wallet_v4r2_code.boc"),
        scratch("wallet.hex", hex_text.as_bytes()),
        scratch("wallet.b64", b64_text.as_bytes()),
        scratch("wallet.b64url", b64_url.as_bytes()),
    ];
    for path in &inputs {
        let o = gram(&["boc", "hash", path], None);
        assert!(o.status.success(), "{path}: {}", stderr(&o));
        assert_eq!(stdout(&o), format!("{WALLET_HASH}\n"), "{path}");
    }
    for data in [binary.clone(), hex_text.into_bytes(), b64_text.into_bytes()] {
        let o = gram(&["boc", "hash", "-"], Some(&data));
        assert_eq!(stdout(&o), format!("{WALLET_HASH}\n"));
    }
}

#[test]
fn hash_prints_every_root() {
    let v = boc_vector("valid/two_roots");
    let o = gram(&["boc", "hash", "-"], Some(v["boc"].as_str().unwrap().as_bytes()));
    assert!(o.status.success(), "{}", stderr(&o));
    let expected: String =
        v["roots"].as_array().unwrap().iter().map(|r| format!("{}\n", r["repr_hash"].as_str().unwrap())).collect();
    assert_eq!(stdout(&o), expected);
}

#[test]
fn show_prints_shared_cells_once() {
    // Cell 1 refers to cell 3 twice, and the root refers to it too.
    let v = boc_vector("valid/cpp_mode_0");
    let o = gram(&["boc", "show", "-"], Some(v["boc"].as_str().unwrap().as_bytes()));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    let root_hash = v["roots"][0]["repr_hash"].as_str().unwrap();
    assert_eq!(lines[0], format!("#0 ordinary bits=16 refs=3 depth=2 level=0 hash={root_hash} x{{CAFE}}"));
    let numbered = lines.iter().filter(|l| l.trim_start().starts_with('#')).count();
    assert_eq!(numbered, 4, "{text}");
    assert!(lines.iter().any(|l| l.trim_start().starts_with("-> #")), "{text}");
    assert!(lines[1].starts_with("  #1 "), "{text}");
    assert!(lines[2].starts_with("    #2 "), "{text}");
}

#[test]
fn encode_matches_the_reference_serializer_in_each_mode() {
    let v = vectors("boc_serialization_vectors.json");
    let diamond = v["vectors"].as_array().unwrap().iter().find(|x| x["name"] == "shared_heavy_subtree").unwrap();
    let serialized = &diamond["serialized"];
    // Feed the plain form, ask for each mode.
    let input = scratch("heavy.hex", serialized["0"]["boc"].as_str().unwrap().as_bytes());
    let cases: [(&str, &[&str]); 6] = [
        ("0", &[]),
        ("1", &["--index"]),
        ("2", &["--crc32c"]),
        ("3", &["--index", "--crc32c"]),
        ("8", &["--int-hashes"]),
        ("19", &["--index", "--crc32c", "--cache-bits"]),
    ];
    for (mode, flags) in cases {
        let expected = serialized[mode]["boc"].as_str().unwrap();
        let mut args = vec!["boc", "encode", &input];
        args.extend_from_slice(flags);
        let o = gram(&args, None);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(stdout(&o), format!("{expected}\n"), "mode {mode}");

        args.push("--base64");
        let o = gram(&args, None);
        let expected_bytes = hex::decode(expected).unwrap();
        let b64 = base64::engine::general_purpose::STANDARD.encode(&expected_bytes);
        assert_eq!(stdout(&o), format!("{b64}\n"), "mode {mode} base64");

        let out = scratch(&format!("out-{mode}.boc"), b"");
        args.pop();
        args.extend_from_slice(&["-o", &out]);
        let o = gram(&args, None);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(o.stdout.is_empty());
        assert_eq!(std::fs::read(&out).unwrap(), expected_bytes, "mode {mode} binary");
    }
}

#[test]
fn decode_errors_exit_1_with_one_line() {
    let crc = boc_vector("invalid/crc_mismatch");
    let o = gram(&["boc", "hash", "-"], Some(crc["boc"].as_str().unwrap().as_bytes()));
    assert_fails(&o, 1, "error: bag of cells: CRC32C mismatch");
    assert_eq!(stderr(&o).lines().count(), 1);
    assert!(o.stdout.is_empty());

    let refs = boc_vector("invalid/refs_backward");
    let o = gram(&["boc", "show", "-"], Some(refs["boc"].as_str().unwrap().as_bytes()));
    assert_fails(&o, 1, "error: bag of cells: ref #0 of cell #1 points back to cell #0");

    let o = gram(&["boc", "hash", "-"], Some(b"b5ee9c72"));
    assert_fails(&o, 1, "error: bag of cells: not enough bytes");
    let o = gram(&["boc", "hash", "-"], Some(b"hello, world"));
    assert_fails(&o, 1, "error: input is neither a binary bag of cells nor hex or base64 text");
    let o = gram(&["boc", "hash", "-"], Some(b"\n"));
    assert_fails(&o, 1, "error: input is empty");
    let o = gram(&["boc", "show", "/definitely/not/here.boc"], None);
    assert_fails(&o, 1, "error: cannot read /definitely/not/here.boc");
    let o = gram(&["boc", "encode", &asset("wallet_v4r2_code.boc"), "-o", "/definitely/not/here.boc"], None);
    assert_fails(&o, 1, "error: cannot write /definitely/not/here.boc");
}

#[test]
fn usage_errors_exit_2() {
    assert_fails(&gram(&["boc", "encode", &asset("wallet_v4r2_code.boc"), "--cache-bits"], None), 2, "--index");
    assert_fails(
        &gram(&["boc", "encode", &asset("wallet_v4r2_code.boc"), "--hex", "--base64"], None),
        2,
        "cannot be used",
    );
    assert_fails(&gram(&["boc", "frobnicate"], None), 2, "unrecognized subcommand");
    assert_fails(&gram(&["boc", "hash"], None), 2, "<FILE>");
    assert!(gram(&["--help"], None).status.success());
}
