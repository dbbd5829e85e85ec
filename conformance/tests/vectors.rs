//! Every reference vector in `conformance/vectors/` through gram: all
//! implemented programs must match the reference exactly.

use gram_conformance::compare::compare_result;
use gram_conformance::vectors::{check, load_all, vectors_dir, Verdict};

#[test]
fn all_vectors_match_reference() {
    let all = load_all(&vectors_dir()).expect("vector files load");
    assert!(all.len() >= 119, "expected at least the 119 TVM gas vectors, found {}", all.len());
    let mut failures = Vec::new();
    let (mut passed, mut pending) = (0, Vec::new());
    for v in &all {
        match check(v) {
            Verdict::Pass => passed += 1,
            Verdict::NotImplemented(ops) => pending.push(format!("{} ({:06x})", v.name, ops[0])),
            Verdict::Fail { report, .. } => failures.push(report),
        }
    }
    println!("vectors: {passed} passed, {} failed, {} not implemented yet", failures.len(), pending.len());
    for p in &pending {
        println!("  not implemented yet: {p}");
    }
    assert!(failures.is_empty(), "{} vectors differ from the reference:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn runner_reports_a_wrong_expectation() {
    let all = load_all(&vectors_dir()).expect("vector files load");
    let mut v = all.into_iter().find(|v| v.name == "stack.swap").expect("stack.swap vector");
    assert!(matches!(check(&v), Verdict::Pass));

    v.expected["gas_used"] = serde_json::json!(v.expected["gas_used"].as_i64().unwrap() + 1);
    match check(&v) {
        Verdict::Fail { mismatch, report } => {
            assert_eq!(mismatch.field, "gas_used");
            assert!(report.contains("stack.swap"), "report names the vector: {report}");
        }
        other => panic!("a wrong gas expectation must fail, got {other:?}"),
    }

    v.expected["gas_used"] = serde_json::json!(v.expected["gas_used"].as_i64().unwrap() - 1);
    v.expected["stack"][0]["value"] = serde_json::json!("3");
    match check(&v) {
        Verdict::Fail { mismatch, .. } => assert_eq!(mismatch.field, "stack[0]"),
        other => panic!("a wrong stack expectation must fail, got {other:?}"),
    }
}

#[test]
fn compare_catches_each_field() {
    let base = serde_json::json!({"exit_code": 0, "gas_used": 59, "stack": [{"type": "int", "value": "3"}], "c4": null, "c5": null});
    assert!(compare_result(&base, &base).is_ok());
    let mut other = base.clone();
    other["exit_code"] = serde_json::json!(4);
    assert_eq!(compare_result(&base, &other).unwrap_err().field, "exit_code");
    let mut other = base.clone();
    other["stack"] = serde_json::json!([]);
    assert_eq!(compare_result(&base, &other).unwrap_err().field, "stack depth");
}
