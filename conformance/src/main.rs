//! `gram-conformance`: run the reference vectors, regenerate COVERAGE.md.

use std::process::ExitCode;

use gram_conformance::{coverage, vectors};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("coverage") => match coverage::render() {
            Ok(text) => match std::fs::write(coverage::report_path(), text) {
                Ok(()) => {
                    println!("wrote {}", coverage::report_path().display());
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e.to_string()),
            },
            Err(e) => fail(&e),
        },
        Some("vectors") => run_vectors(),
        _ => {
            eprintln!("usage: gram-conformance <vectors | coverage>");
            ExitCode::from(2)
        }
    }
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::FAILURE
}

fn run_vectors() -> ExitCode {
    let all = match vectors::load_all(&vectors::vectors_dir()) {
        Ok(v) => v,
        Err(e) => return fail(&e),
    };
    let (mut passed, mut pending, mut failed) = (0, 0, 0);
    for v in &all {
        match vectors::check(v) {
            vectors::Verdict::Pass => passed += 1,
            vectors::Verdict::NotImplemented(_) => pending += 1,
            vectors::Verdict::Fail { report, .. } => {
                failed += 1;
                println!("FAIL {report}");
            }
        }
    }
    println!("vectors: {passed} passed, {failed} failed, {pending} not implemented yet");
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
