//! `gram run` with the c7 options (`--now`, `--balance`, `--address`,
//! `--rand-seed`, `--config`): the reference vectors that set c7 fields
//! (conformance/vectors/env_vectors.json, group `c7req.`) run through the
//! binary give the reference's exit code, gas and stack.

use std::process::Command;

use serde_json::Value;

fn env_vectors() -> Vec<Value> {
    let path = format!("{}/../conformance/vectors/env_vectors.json", env!("CARGO_MANIFEST_DIR"));
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["vectors"].as_array().unwrap().clone()
}

/// The options that give the vector's c7.
fn c7_args(c7: &Value) -> Vec<String> {
    let mut args = Vec::new();
    if let Some(now) = c7.get("now") {
        args.push(format!("--now={now}"));
    }
    if let Some(balance) = c7.get("balance").and_then(Value::as_str) {
        args.push(format!("--balance={balance}"));
    }
    if let Some(address) = c7.get("address").and_then(Value::as_str) {
        args.push(format!("--address={address}"));
    }
    if let Some(seed) = c7.get("rand_seed").and_then(Value::as_str) {
        args.push(format!("--rand-seed={seed}"));
    }
    args
}

/// Compares what matters for these vectors: ints by value, other values by type.
fn same_stack(expected: &Value, actual: &Value) -> bool {
    let (e, a) = (expected.as_array().unwrap(), actual.as_array().unwrap());
    e.len() == a.len()
        && e.iter().zip(a).all(|(x, y)| match x["type"].as_str() {
            Some("int") => x["value"] == y["value"],
            Some("slice") => x["content_hex"] == y["content_hex"],
            Some("tuple") => same_stack(&x["items"], &y["items"]),
            _ => x["type"] == y["type"],
        })
}

#[test]
fn c7_options_match_the_reference() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("gram-cli-c7");
    std::fs::create_dir_all(&dir).unwrap();
    let mut checked = 0;
    for v in env_vectors().iter().filter(|v| v["name"].as_str().unwrap().starts_with("c7req.")) {
        let code = dir.join(format!("{}.boc", v["name"].as_str().unwrap()));
        std::fs::write(&code, v["code_boc"].as_str().unwrap()).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_gram"))
            .arg("run")
            .arg(&code)
            .arg("--json")
            .arg(format!("--stack={}", v["stack_in"]))
            .args(c7_args(&v["c7"]))
            .output()
            .unwrap();
        let result: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{}: {e}: {}", v["name"], String::from_utf8_lossy(&out.stderr)));
        let expected = &v["expected"];
        assert_eq!(result["exit_code"], expected["exit_code"], "{}", v["name"]);
        assert_eq!(result["gas_used"], expected["gas_used"], "{}", v["name"]);
        assert!(
            same_stack(&expected["stack"], &result["stack"]),
            "{}: {} vs {}",
            v["name"],
            expected["stack"],
            result["stack"]
        );
        checked += 1;
    }
    assert!(checked >= 60, "only {checked} c7req vectors");
}

#[test]
fn config_option_sets_the_config_root_and_version() {
    // CONFIGROOT; CTOS; SBITREFS. The reference runner gives, for this code over
    // the stack [0] with its default config: exit 0, gas 175, stack [0, 2, 2].
    let config = format!("{}/assets/sandbox_default_config.boc", env!("CARGO_MANIFEST_DIR"));
    let code = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("gram-cli-c7-configroot.hex");
    std::fs::write(&code, "b5ee9c7241010101000700000af829d0d74ba854f4dc").unwrap();
    let run = |extra: &[&str]| {
        let out =
            Command::new(env!("CARGO_BIN_EXE_gram")).arg("run").arg(&code).arg("--json").args(extra).output().unwrap();
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let with_file = run(&["--config", &config]);
    let default = run(&[]);
    for result in [&with_file, &default] {
        assert_eq!(result["exit_code"], 0);
        assert_eq!(result["gas_used"], 175);
        let ints: Vec<&str> =
            result["stack"].as_array().unwrap().iter().map(|v| v["value"].as_str().unwrap()).collect();
        assert_eq!(ints, ["2", "2"]);
    }
    let bad =
        Command::new(env!("CARGO_BIN_EXE_gram")).arg("run").arg(&code).args(["--rand-seed", "xyz"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
