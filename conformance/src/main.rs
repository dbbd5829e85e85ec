//! `gram-conformance`: run the reference vectors, regenerate COVERAGE.md,
//! run the live differential runner against the reference TVM.

use std::process::ExitCode;

use gram_conformance::{coverage, diff, vectors};

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
        Some("diff") => run_diff(&args[1..]),
        _ => {
            eprintln!("usage: gram-conformance <vectors | coverage | diff [options]>");
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

const DIFF_USAGE: &str = "usage: gram-conformance diff [--count N] [--seed S] [--filter REGEX] [--gas-limit G] \
[--jobs J] [--batch B] [--out FILE] [--max-reports M] [--no-shrink] [--oracle PATH/runvm.mjs] [--config slim|default]";

/// Parses the `diff` options into runner options, job count and oracle script.
fn parse_diff_args(args: &[String]) -> Result<(diff::Options, usize, std::path::PathBuf, String), String> {
    let mut opts = diff::Options::default();
    let (mut jobs, mut script) = (1, diff::oracle::default_script());
    let mut config = "slim".to_string();
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        if flag == "--no-shrink" {
            opts.shrink = false;
            continue;
        }
        let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = |v: &str| v.parse::<u64>().map_err(|_| format!("{flag}: not a number: {v}"));
        match flag.as_str() {
            "--count" => opts.count = number(value)?,
            "--seed" => opts.seed = number(value)?,
            "--gas-limit" => opts.gas_limit = number(value)?.max(1) as i64,
            "--jobs" => jobs = number(value)?.max(1) as usize,
            "--batch" => opts.batch = number(value)?.max(1) as usize,
            "--max-reports" => opts.max_reports = number(value)? as usize,
            "--out" => opts.out = Some(value.into()),
            "--oracle" => script = value.into(),
            "--config" => config = value.clone(),
            "--filter" => opts.filter = Some(regex::Regex::new(value).map_err(|e| format!("--filter: {e}"))?),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok((opts, jobs, script, config))
}

fn run_diff(args: &[String]) -> ExitCode {
    let (opts, jobs, script, config) = match parse_diff_args(args) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("{e}\n{DIFF_USAGE}");
            return ExitCode::from(2);
        }
    };
    let spec = match diff::spec::Spec::load() {
        Ok(s) => s,
        Err(e) => return fail(&e.to_string()),
    };
    let mut oracle = match diff::NodeOracle::start_with_config(&script, jobs, &config) {
        Ok(o) => o,
        Err(e) => return fail(&e.to_string()),
    };
    // Every request names the oracle's config in c7, so gram (whose own
    // default is the sandbox's default config) runs with the same one.
    let mut opts = opts;
    opts.c7_config = match diff::oracle::c7_config(&mut oracle) {
        Ok(boc) => Some(boc),
        Err(e) => return fail(&e.to_string()),
    };
    println!("diff: seed {}, {} programs, gas limit {}, {jobs} oracle job(s)", opts.seed, opts.count, opts.gas_limit);
    let report = match diff::run(&opts, &spec, &mut oracle, &mut std::io::stdout()) {
        Ok(r) => r,
        Err(e) => return fail(&e.to_string()),
    };
    print!("{}", diff::runner::summary(&report, coverage::implemented().len()));
    if report.mismatch_count == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
