//! The differential loop: generate a batch, run it through gram in-process
//! and through the reference, compare, shrink every mismatch, report.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use gram_vm::json::{outcome_to_json, parse_request};
use regex::Regex;
use serde_json::{json, Value as Json};

use super::gen::{GenConfig, Generator};
use super::oracle::Reference;
use super::program::Program;
use super::rng::Rng;
use super::shrink::shrink;
use super::spec::Spec;
use super::DiffError;
use crate::compare::{compare_result, side_by_side, Mismatch};

/// Settings of a differential run.
#[derive(Clone, Debug)]
pub struct Options {
    /// Number of programs.
    pub count: u64,
    /// Seed; a seed always gives the same programs.
    pub seed: u64,
    /// Only instructions whose mnemonic matches are put under test.
    pub filter: Option<Regex>,
    /// Gas limit of most programs.
    pub gas_limit: i64,
    /// Programs per oracle batch.
    pub batch: usize,
    /// Shrink mismatches to a minimal program.
    pub shrink: bool,
    /// Mismatches shrunk and printed in full (the rest are only counted).
    pub max_reports: usize,
    /// Append shrunk mismatches to this vector file (expected = the reference's).
    pub out: Option<PathBuf>,
    /// Blockchain config (base64 BoC) put in every request's c7, so both
    /// sides see the same one whatever the oracle's `--config`.
    pub c7_config: Option<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            count: 1000,
            seed: 1,
            filter: None,
            gas_limit: 50_000,
            batch: 500,
            shrink: true,
            max_reports: 20,
            out: None,
            c7_config: None,
        }
    }
}

/// One mismatch, shrunk.
#[derive(Clone, Debug)]
pub struct Found {
    /// Index of the program under the seed.
    pub index: u64,
    pub original: Program,
    pub shrunk: Program,
    pub request: Json,
    pub expected: Json,
    pub actual: Json,
    pub mismatch: Mismatch,
}

/// Counts per instruction category.
#[derive(Clone, Debug, Default)]
pub struct CategoryStats {
    /// Programs whose code holds an instruction of the category.
    pub programs: u64,
    /// Of those, programs that ended with exit code 0 or 1.
    pub succeeded: u64,
    /// Mnemonics of the category seen in code.
    pub mnemonics: BTreeSet<&'static str>,
}

/// What a run found.
#[derive(Debug, Default)]
pub struct Report {
    pub programs: u64,
    /// Programs whose results differ.
    pub mismatch_count: u64,
    /// The first `max_reports` mismatches, shrunk.
    pub mismatches: Vec<Found>,
    /// Requests the oracle could not run (`{"error": ...}`).
    pub oracle_errors: u64,
    /// Differences explained by a known gap of gram (see `known_gap`), by gap.
    pub known_gaps: BTreeMap<&'static str, u64>,
    /// Reference exit codes.
    pub exit_codes: BTreeMap<i64, u64>,
    pub categories: BTreeMap<String, CategoryStats>,
    pub elapsed: Duration,
}

/// Runs a request through gram's JSON path; a panic becomes an `error` answer.
pub fn run_gram(request: &Json) -> Json {
    let line = request.to_string();
    std::panic::catch_unwind(|| match parse_request(&line) {
        Ok(req) => outcome_to_json(&req, &gram_vm::run(req.params.clone())),
        Err(e) => json!({"error": e.to_string()}),
    })
    .unwrap_or_else(|_| json!({"error": "gram panicked"}))
}

/// The kind of a mismatch (`stack[3]` and `stack[4]` are both `stack`), so
/// shrinking keeps chasing the same problem.
fn mismatch_kind(m: &Mismatch) -> &str {
    m.field.split(['[', ' ']).next().unwrap_or("")
}

/// Compares gram with the reference on one request pair; `None` when equal
/// or when the reference could not run it.
fn differ(expected: &Json, actual: &Json) -> Option<Mismatch> {
    if expected.get("error").is_some() {
        return None;
    }
    if let Some(e) = actual.get("error") {
        return Some(Mismatch { field: "gram".into(), expected: "a result".into(), actual: e.to_string() });
    }
    if expected["c4c5_status"] == "capture_failed" {
        // The reference's second run (c0/c1 replaced to catch c4/c5) took
        // another path: its c4/c5 are unknown, compare the rest.
        let mut actual = actual.clone();
        actual["c4"] = Json::Null;
        actual["c5"] = Json::Null;
        return compare_result(expected, &actual).err();
    }
    compare_result(expected, actual).err()
}

/// First field of the c7 the reference starts get methods with (`SmartContractInfo` magic).
const C7_MAGIC: &str = "124711402";

/// Whether a typed value is, or holds, the reference's initial c7 params tuple.
fn holds_c7(v: &Json) -> bool {
    match v["type"].as_str() {
        Some("tuple") => {
            let items = v["items"].as_array().map(Vec::as_slice).unwrap_or_default();
            items.first().is_some_and(|f| f["value"] == C7_MAGIC) || items.iter().any(holds_c7)
        }
        _ => false,
    }
}

/// A tracer noting whether a run reached an opcode gram's table has no
/// entry for (decoding stops there, so it is the program's last instruction).
#[derive(Default)]
struct UnimplementedProbe {
    hit: bool,
}

impl gram_vm::trace::Tracer for UnimplementedProbe {
    fn step(&mut self, vm: &gram_vm::Vm, _: &gram_vm::program::Instr) {
        let prog = &vm.code.prog;
        if prog.unknown_opcode.is_some() && vm.code.pc as usize + 1 == prog.instrs.len() {
            self.hit = true;
        }
    }
    fn exception(&mut self, _: &gram_vm::Vm, _: i32) {}
}

/// Whether gram, running `request`, executes an opcode it does not implement.
pub fn runs_unimplemented_opcode(request: &Json) -> bool {
    let Ok(req) = parse_request(&request.to_string()) else { return false };
    let mut probe = UnimplementedProbe::default();
    let _ = gram_vm::run_traced(req.params, &mut gram_vm::CodeCache::new(), &mut probe);
    probe.hit
}

/// A difference that comes from a known, tracked gap of gram rather than a
/// new bug:
/// - gram's JSON runner starts with an empty c7 while the reference's
///   get-method c7 holds `[SmartContractInfo]`: a result showing the
///   reference's c7 where gram's has none;
/// - gram runs into an opcode its table lacks (an instruction family not
///   merged yet) where the reference runs that instruction.
pub fn known_gap(request: &Json, expected: &Json, actual: &Json) -> Option<&'static str> {
    let stack_c7 = |r: &Json| r["stack"].as_array().is_some_and(|s| s.iter().any(holds_c7));
    if stack_c7(expected) && !stack_c7(actual) {
        return Some("c7 params tuple not set up by gram's JSON runner");
    }
    runs_unimplemented_opcode(request).then_some("gram runs into an opcode it does not implement yet")
}

/// The differential runner with its collaborators.
pub struct Runner<'a> {
    pub spec: &'a Spec,
    pub oracle: &'a mut dyn Reference,
    /// gram's side (tests inject a deliberately wrong one).
    pub gram: &'a dyn Fn(&Json) -> Json,
    /// Progress and mismatch reports go here.
    pub log: &'a mut dyn Write,
}

/// Runs a differential batch with gram in-process.
pub fn run(opts: &Options, spec: &Spec, oracle: &mut dyn Reference, log: &mut dyn Write) -> Result<Report, DiffError> {
    Runner { spec, oracle, gram: &run_gram, log }.run(opts)
}

impl Runner<'_> {
    /// Generates, runs and compares `opts.count` programs.
    pub fn run(&mut self, opts: &Options) -> Result<Report, DiffError> {
        let start = Instant::now();
        let filter = opts.filter.clone();
        let gen = Generator::new(
            self.spec,
            GenConfig {
                gas_limit: opts.gas_limit,
                version: gram_vm::DEFAULT_GLOBAL_VERSION,
                c7_config: opts.c7_config.clone(),
            },
            // Without a filter everything but the gas-lifting instructions is under test.
            |name| match &filter {
                Some(re) => re.is_match(name),
                None => !super::gen::UNBOUNDED_GAS_OPS.contains(&name),
            },
        );
        if gen.focus_len() == 0 {
            return Err(DiffError::Option("the filter matches no implemented instruction".into()));
        }
        let mut report = Report::default();
        let mut next = 0u64;
        while next < opts.count {
            let end = (next + opts.batch.max(1) as u64).min(opts.count);
            let programs: Vec<(u64, Program)> =
                (next..end).map(|i| (i, gen.program(&mut Rng::for_program(opts.seed, i)))).collect();
            self.run_batch(opts, &programs, &mut report)?;
            next = end;
            let secs = start.elapsed().as_secs_f64();
            let _ = writeln!(
                self.log,
                "diff: {next}/{} programs, {} mismatches, {:.1}s ({:.0}/s)",
                opts.count,
                report.mismatch_count,
                secs,
                next as f64 / secs.max(1e-9)
            );
        }
        report.elapsed = start.elapsed();
        Ok(report)
    }

    fn run_batch(&mut self, opts: &Options, programs: &[(u64, Program)], report: &mut Report) -> Result<(), DiffError> {
        let requests: Vec<Json> = programs.iter().filter_map(|(_, p)| p.request()).collect();
        let expected = self.oracle.run_batch(&requests)?;
        for (((index, program), request), expected) in programs.iter().zip(&requests).zip(expected) {
            report.programs += 1;
            if let Some(e) = expected.get("error") {
                if report.oracle_errors == 0 {
                    let line = request.to_string();
                    let short: String = line.chars().take(400).collect();
                    let _ = writeln!(self.log, "diff: oracle error on program {index}: {e} (request {short}...)");
                }
                report.oracle_errors += 1;
                continue;
            }
            let exit = expected["exit_code"].as_i64().unwrap_or(i64::MIN);
            *report.exit_codes.entry(exit).or_default() += 1;
            self.count_categories(program, exit, report);
            let actual = (self.gram)(request);
            let Some(mismatch) = differ(&expected, &actual) else { continue };
            if let Some(gap) = known_gap(request, &expected, &actual) {
                *report.known_gaps.entry(gap).or_default() += 1;
                continue;
            }
            report.mismatch_count += 1;
            if report.mismatches.len() >= opts.max_reports {
                continue;
            }
            let found = self.investigate(opts, *index, program, mismatch)?;
            let listing = found.shrunk.listing();
            if let Some(first) = report.mismatches.iter().find(|f| f.shrunk.listing() == listing) {
                // Same minimal program as an earlier report: one line is enough.
                let _ = writeln!(
                    self.log,
                    "MISMATCH seed {} program {}: {} (shrinks to the same program as program {})",
                    opts.seed, index, found.mismatch, first.index
                );
            } else {
                self.print(opts, &found);
                if let Some(path) = &opts.out {
                    let expected_full = self.full_expected(&found.shrunk)?;
                    append_vector(path, opts.seed, &found, &expected_full)?;
                }
            }
            report.mismatches.push(found);
        }
        Ok(())
    }

    fn count_categories(&self, program: &Program, exit: i64, report: &mut Report) {
        // The items only: the sentinel's DROP would count in every program.
        let Some(code) = super::program::encode(&program.items) else { return };
        let names = gram_vm::program::mnemonics_used(&code, gram_vm::DEFAULT_GLOBAL_VERSION);
        let mut cats: BTreeMap<&str, Vec<&'static str>> = BTreeMap::new();
        for name in names {
            cats.entry(self.spec.category(name)).or_default().push(name);
        }
        for (cat, names) in cats {
            let stats = report.categories.entry(cat.to_string()).or_default();
            stats.programs += 1;
            stats.succeeded += u64::from(exit == 0 || exit == 1);
            stats.mnemonics.extend(names);
        }
    }

    /// Shrinks a failing program and re-runs the result for the report.
    fn investigate(
        &mut self,
        opts: &Options,
        index: u64,
        program: &Program,
        first: Mismatch,
    ) -> Result<Found, DiffError> {
        let kind = mismatch_kind(&first).to_string();
        let shrunk = if opts.shrink {
            let gram = self.gram;
            let oracle = &mut *self.oracle;
            shrink(program, &mut |cands: &[Program]| {
                let requests: Vec<Json> = cands.iter().filter_map(Program::request).collect();
                let expected = oracle.run_batch(&requests)?;
                Ok(requests
                    .iter()
                    .zip(expected)
                    .map(|(r, e)| differ(&e, &gram(r)).is_some_and(|m| mismatch_kind(&m) == kind))
                    .collect())
            })?
        } else {
            program.clone()
        };
        let request = shrunk.request().unwrap_or(Json::Null);
        let expected = self.oracle.run_batch(std::slice::from_ref(&request))?.pop().unwrap_or(Json::Null);
        let actual = (self.gram)(&request);
        let mismatch = differ(&expected, &actual).unwrap_or(first);
        Ok(Found { index, original: program.clone(), shrunk, request, expected, actual, mismatch })
    }

    /// The reference's result with c4/c5 captured (what a vector records).
    fn full_expected(&mut self, p: &Program) -> Result<Json, DiffError> {
        let request = Program { capture_c4c5: true, ..p.clone() }.request().unwrap_or(Json::Null);
        Ok(self.oracle.run_batch(&[request])?.pop().unwrap_or(Json::Null))
    }

    fn print(&mut self, opts: &Options, f: &Found) {
        let code = f.shrunk.code();
        let single = code.as_ref().is_some_and(|c| c.ref_count() == 0);
        let _ = writeln!(
            self.log,
            "\nMISMATCH seed {} program {}: {}\n  original: {}\n  shrunk:   {}\n  code BoC: {}{}\n  request:  {}\n{}",
            opts.seed,
            f.index,
            f.mismatch,
            f.original.listing(),
            f.shrunk.listing(),
            f.request["code"].as_str().unwrap_or(""),
            if single { format!("\n  code hex: {}", code_hex(code.as_ref())) } else { String::new() },
            f.request,
            side_by_side(&f.expected, &f.actual)
        );
    }
}

fn code_hex(code: Option<&gram_cells::Cell>) -> String {
    code.map(|c| gram_cells::bits_to_tagged_hex(c.data(), c.bit_len())).unwrap_or_default()
}

/// Appends a mismatch as a reference vector (creating the file if needed).
pub fn append_vector(path: &std::path::Path, seed: u64, f: &Found, expected: &Json) -> Result<(), DiffError> {
    let mut doc: Json = match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| DiffError::Option(format!("{}: {e}", path.display())))?,
        Err(_) => json!({
            "format": "tvm-gas-vectors/1",
            "reference": {
                "generator": "cargo run -p gram-conformance -- diff --out <file>",
                "oracle": "../shared/oracle/runvm.mjs (default config, global version 12)",
                "note": "programs found by the differential runner where gram differed, shrunk; expected = the reference's result"
            },
            "defaults": {},
            "count": 0,
            "vectors": []
        }),
    };
    let code = f.shrunk.code();
    let mut stack = f.shrunk.stack.clone();
    stack.push(json!({"type": "int", "value": f.shrunk.sentinel.to_string()}));
    let mut vector = json!({
        "name": format!("diff.s{seed}.p{}", f.index),
        "description": format!("found by diff --seed {seed}: {}", f.mismatch),
        "asm": f.shrunk.listing(),
        "code_boc": f.request["code"],
        "stack_in": stack,
        "gas_limit": f.shrunk.gas_limit,
        "expected": {
            "exit_code": expected["exit_code"],
            "gas_used": expected["gas_used"],
            "stack": expected["stack"],
            "c4": expected["c4"],
            "c5": expected["c5"],
        },
    });
    if code.as_ref().is_some_and(|c| c.ref_count() == 0) {
        vector["code_hex"] = json!(code_hex(code.as_ref()));
    }
    if let Some(data) = &f.request.get("data") {
        vector["data"] = (*data).clone();
    }
    if let Some(version) = f.shrunk.global_version {
        vector["global_version"] = json!(version);
    }
    let list = doc["vectors"].as_array_mut().ok_or_else(|| DiffError::Option("vector file without vectors".into()))?;
    if list.iter().any(|v| v["name"] == vector["name"]) {
        return Ok(());
    }
    list.push(vector);
    doc["count"] = json!(list.len());
    let text = serde_json::to_string_pretty(&doc).map_err(|e| DiffError::Option(e.to_string()))?;
    std::fs::write(path, text + "\n")?;
    Ok(())
}

/// The report's summary: counts, per-category hits, exit codes.
pub fn summary(report: &Report, implemented: usize) -> String {
    let mut out = format!(
        "programs {}, mismatches {}, oracle errors {}, {:.1}s ({:.0} programs/s)\n",
        report.programs,
        report.mismatch_count,
        report.oracle_errors,
        report.elapsed.as_secs_f64(),
        report.programs as f64 / report.elapsed.as_secs_f64().max(1e-9)
    );
    for (gap, n) in &report.known_gaps {
        out.push_str(&format!("known gap ({gap}): {n} programs\n"));
    }
    let hit: BTreeSet<&str> = report.categories.values().flat_map(|c| c.mnemonics.iter().copied()).collect();
    out.push_str(&format!("mnemonics in code: {} of {implemented} implemented\n", hit.len()));
    out.push_str("category            programs  succeeded  mnemonics\n");
    for (cat, s) in &report.categories {
        out.push_str(&format!("{cat:<20}{:>8}  {:>9}  {:>9}\n", s.programs, s.succeeded, s.mnemonics.len()));
    }
    if let Some(unknown) = report.categories.get("unknown") {
        let names: Vec<&str> = unknown.mnemonics.iter().copied().collect();
        out.push_str(&format!("not in cp0.json (inputs guessed): {}\n", names.join(" ")));
    }
    let exits: Vec<String> = report.exit_codes.iter().map(|(k, v)| format!("{k}:{v}")).collect();
    out.push_str(&format!("reference exit codes: {}\n", exits.join(" ")));
    out
}
