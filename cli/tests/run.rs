//! The `gram` binary end to end: `run --jsonl` against reference results,
//! human and JSON output, the demo, and error exits.

use std::io::Write;
use std::process::{Command, Stdio};

fn gram(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gram"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gram starts");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    let out = child.wait_with_output().expect("gram finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn jsonl_matches_reference_lines() {
    // Expectations recorded from ../shared/oracle/runvm.mjs for the same lines.
    let input = concat!(
        r#"{"code_hex":"7172736F03206F88016F235868","stack":[{"type":"int","value":"77"}],"id":1}"#,
        "\n\n",
        r#"{"code_hex":"58","stack":[{"type":"int","value":"1"},{"type":"int","value":"2"}]}"#,
        "\n",
        r#"{"code_hex":"7172","gas_limit":30}"#,
        "\nnot json\n"
    );
    let (code, out, _) = gram(&["run", "--jsonl"], input);
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["exit_code"], 0);
    assert_eq!(lines[0]["gas_used"], 215);
    let values: Vec<&str> =
        lines[0]["stack"].as_array().unwrap().iter().map(|v| v["value"].as_str().unwrap()).collect();
    assert_eq!(values, ["77", "3", "2", "3", "1", "5"]);
    assert_eq!(lines[0]["mode"], "raw");
    // ROT on two entries: stack underflow, 18 + 50 gas, stack [0].
    assert_eq!(lines[1]["exit_code"], 2);
    assert_eq!(lines[1]["gas_used"], 68);
    assert_eq!(lines[1]["c4c5_status"], "not_committed");
    // Out of gas: 18 + 18 > 30 after the second PUSHINT.
    assert_eq!(lines[2]["exit_code"], -14);
    assert_eq!(lines[2]["gas_used"], 36);
    assert_eq!(lines[2]["stack"][0]["value"], "36");
    assert!(lines[3]["error"].as_str().unwrap().contains("invalid JSON"));
}

#[test]
fn run_human_and_json_output() {
    // PUSHINT 1; PUSHINT 2; ROT as a hex BoC: ROT needs three entries.
    let (code, out, _) = gram(&["run", "-"], "b5ee9c72010101010005000006717258");
    assert_eq!(code, 1, "ROT on two entries fails: {out}");
    assert!(out.contains("exit 2: stack underflow"), "{out}");
    let (code, out, _) = gram(&["run", "-", "--json"], "te6cckEBAQEABQAABnFyAYP66tw=");
    assert_eq!(code, 0, "{out}");
    let doc: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(doc["gas_used"], 59);
    assert_eq!(doc["exit_name"], "success");
}

#[test]
fn demo_runs() {
    let (code, out, _) = gram(&["demo"], "");
    assert_eq!(code, 0);
    assert!(out.contains("matches the published wallet v4r2 code hash"), "{out}");
    assert!(out.contains("exit 0: success, gas used 215, steps 11"), "{out}");
}

#[test]
fn bad_input_is_one_line_and_exit_1() {
    let (code, _, err) = gram(&["run", "-"], "zzzz not a boc");
    assert_eq!(code, 1);
    assert!(err.starts_with("error: "), "{err}");
    assert_eq!(err.lines().count(), 1);
    let (code, _, err) = gram(&["run", "-"], "b5ee9c72ffff");
    assert_eq!(code, 1);
    assert!(err.contains("bag of cells") || err.starts_with("error:"), "{err}");
    let (code, _, _) = gram(&["run"], "");
    assert_eq!(code, 2);
    let (code, _, _) = gram(&["frobnicate"], "");
    assert_eq!(code, 2);
}

#[test]
fn method_name_selects_the_same_id_as_method_id() {
    let code = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/wallet_v4r2_code.boc");
    // seqno = crc16("seqno") | 0x10000 = 85143 (the id the reference vectors use).
    let by_name = gram(&["run", code, "--method", "seqno", "--json"], "");
    let by_id = gram(&["run", code, "--method-id", "85143", "--json"], "");
    assert_eq!(by_name, by_id);
    let (status, _, err) = gram(&["run", code, "--method", "seqno", "--method-id", "1"], "");
    assert_eq!(status, 2, "both options together are a usage error: {err}");
}
