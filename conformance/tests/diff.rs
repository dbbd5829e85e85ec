//! The differential runner: it reports injected mismatches, shrinks a known
//! bad program to its minimal form, is deterministic for a seed, writes
//! vectors, and (when the oracle is installed) agrees with the reference.

use gram_conformance::diff::gen::{GenConfig, Generator};
use gram_conformance::diff::oracle::{c7_config, default_script, installed};
use gram_conformance::diff::program::{Bits, Item, Program};
use gram_conformance::diff::rng::Rng;
use gram_conformance::diff::runner::{known_gap, run_gram, runs_unimplemented_opcode, Runner};
use gram_conformance::diff::shrink::shrink;
use gram_conformance::diff::spec::Spec;
use gram_conformance::diff::{DiffError, NodeOracle, Options, Reference};
use gram_conformance::vectors::parse_file;
use serde_json::{json, Value as Json};

/// A stand-in for the reference: any function of the request.
struct Fake<F: Fn(&Json) -> Json>(F);

impl<F: Fn(&Json) -> Json> Reference for Fake<F> {
    fn run_batch(&mut self, requests: &[Json]) -> Result<Vec<Json>, DiffError> {
        Ok(requests.iter().map(&self.0).collect())
    }
}

fn spec() -> Spec {
    Spec::load().expect("conformance/spec loads")
}

fn options(count: u64, seed: u64) -> Options {
    Options { count, seed, batch: 64, max_reports: 3, ..Options::default() }
}

/// gram's result with one more unit of gas: what a gas bug looks like.
fn gas_plus_one(request: &Json) -> Json {
    let mut r = run_gram(request);
    r["gas_used"] = json!(r["gas_used"].as_i64().unwrap_or(0) + 1);
    r
}

#[test]
fn injected_gas_mismatch_is_reported() {
    let spec = spec();
    let mut oracle = Fake(run_gram);
    let mut log = Vec::new();
    let report = Runner { spec: &spec, oracle: &mut oracle, gram: &gas_plus_one, log: &mut log }
        .run(&Options { shrink: false, ..options(40, 3) })
        .expect("runs");
    assert_eq!(report.programs, 40);
    assert_eq!(report.mismatch_count, 40, "every program has gram's gas off by one");
    assert_eq!(report.mismatches.len(), 3, "max_reports bounds the detailed reports");
    assert_eq!(report.mismatches[0].mismatch.field, "gas_used");
    let text = String::from_utf8(log).expect("utf8");
    assert!(text.contains("MISMATCH seed 3 program 0: gas_used"), "{text}");
    assert!(text.contains("request:"), "the report carries the request line");
}

#[test]
fn gram_against_itself_has_no_mismatch() {
    let spec = spec();
    let mut oracle = Fake(run_gram);
    let mut log = Vec::new();
    let report = Runner { spec: &spec, oracle: &mut oracle, gram: &run_gram, log: &mut log }
        .run(&options(300, 11))
        .expect("runs");
    assert_eq!(report.mismatch_count, 0, "{}", String::from_utf8_lossy(&log));
    assert!(report.categories.len() >= 10, "programs spread over categories: {:?}", report.categories.keys());
}

fn op(name: &'static str, hex: &str) -> Item {
    Item::Op { name, bits: Bits::from_tagged_hex(hex).expect("hex"), refs: Vec::new() }
}

/// The code (anywhere in its tree) holds `DEPTH` (opcode 68).
fn has_depth(request: &Json) -> bool {
    let req = gram_vm::json::parse_request(&request.to_string()).expect("request");
    gram_vm::program::mnemonics_used(&req.params.code, 12).contains("DEPTH")
}

#[test]
fn shrinker_reduces_a_known_bad_program_to_its_minimal_form() {
    let bad = Program {
        stack: vec![
            json!({"type": "int", "value": "5"}),
            json!({"type": "tuple", "items": [{"type": "null"}]}),
            json!({"type": "int", "value": "-77"}),
        ],
        sentinel: 1234,
        items: vec![
            op("PUSHINT_4", "71"),
            Item::PushCont(vec![op("NEWC", "C8"), op("DROP", "30")]),
            op("PUSHINT_4", "73"),
            Item::Tail(vec![
                op("NIL", "6F00"),
                Item::PushCont(vec![op("PUSHNULL", "6D"), op("DEPTH", "68"), op("SWAP", "01")]),
                op("DROP2", "5B"),
            ]),
        ],
        data: Some(gram_cells::Cell::empty()),
        gas_limit: 10_000,
        capture_c4c5: false,
        c7_config: None,
        global_version: None,
    };
    // A fake reference that disagrees with gram exactly when DEPTH is in the code.
    let mut oracle = Fake(|r: &Json| if has_depth(r) { gas_plus_one(r) } else { run_gram(r) });
    let mut rounds = 0;
    let small = shrink(&bad, &mut |cands: &[Program]| {
        rounds += 1;
        let reqs: Vec<Json> = cands.iter().map(|c| c.request().expect("fits")).collect();
        let expected = oracle.run_batch(&reqs)?;
        Ok(reqs.iter().zip(expected).map(|(r, e)| run_gram(r) != e).collect())
    })
    .expect("shrinks");
    assert_eq!(small.listing(), "DROP; DEPTH[68]");
    assert!(small.stack.is_empty(), "entry values dropped: {:?}", small.stack);
    assert!(small.data.is_none());
    assert!(rounds > 5, "shrinking took several rounds ({rounds})");
}

#[test]
fn shrinking_inside_the_runner_reports_the_minimal_program() {
    let spec = spec();
    let mut oracle = Fake(|r: &Json| if has_depth(r) { gas_plus_one(r) } else { run_gram(r) });
    let mut log = Vec::new();
    let report = Runner { spec: &spec, oracle: &mut oracle, gram: &run_gram, log: &mut log }
        .run(&Options { filter: Some(regex::Regex::new("^DEPTH$").unwrap()), ..options(5, 5) })
        .expect("runs");
    assert_eq!(report.mismatch_count, 5, "every program tests DEPTH");
    for found in &report.mismatches {
        assert_eq!(found.shrunk.listing(), "DROP; DEPTH[68]", "from {}", found.original.listing());
    }
}

#[test]
fn programs_are_deterministic_for_a_seed() {
    let spec = spec();
    let gen = Generator::new(&spec, GenConfig { gas_limit: 50_000, version: 12, c7_config: None }, |_| true);
    let requests = |seed: u64| -> Vec<Json> {
        (0..30).map(|i| gen.program(&mut Rng::for_program(seed, i)).request().expect("fits")).collect()
    };
    assert_eq!(requests(42), requests(42));
    assert_ne!(requests(42), requests(43));
}

#[test]
fn the_filter_selects_the_instruction_under_test() {
    let spec = spec();
    let gen = Generator::new(&spec, GenConfig { gas_limit: 50_000, version: 12, c7_config: None }, |n| n == "TUPLE");
    assert_eq!(gen.focus_len(), 1);
    for i in 0..50 {
        let p = gen.program(&mut Rng::for_program(1, i));
        let code = p.code().expect("fits");
        assert!(gram_vm::program::mnemonics_used(&code, 12).contains("TUPLE"), "{}", p.listing());
    }
}

#[test]
fn mismatches_are_written_as_vectors() {
    let spec = spec();
    let path = std::env::temp_dir().join(format!("gram-diff-test-{}.json", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let mut oracle = Fake(run_gram);
    let mut log = Vec::new();
    let report = Runner { spec: &spec, oracle: &mut oracle, gram: &gas_plus_one, log: &mut log }
        .run(&Options { out: Some(path.clone()), shrink: false, ..options(2, 9) })
        .expect("runs");
    assert_eq!(report.mismatch_count, 2);
    let doc: Json = serde_json::from_str(&std::fs::read_to_string(&path).expect("written")).expect("json");
    let _ = std::fs::remove_file(&path);
    assert_eq!(doc["format"], "tvm-gas-vectors/1");
    let vectors = parse_file("out.json", &doc).expect("vector format");
    assert_eq!(vectors.len(), 2);
    assert_eq!(vectors[0].name, "diff.s9.p0");
    // The expectation is the reference's (here the fake: gram's own result), so gram passes it.
    for v in &vectors {
        assert!(matches!(gram_conformance::vectors::check(v), gram_conformance::vectors::Verdict::Pass));
    }
}

#[test]
fn the_c7_gap_is_classified_not_reported() {
    let c7 = json!({"type": "tuple", "items": [{"type": "tuple", "items": [{"type": "int", "value": "124711402"}]}]});
    let expected = json!({"exit_code": 0, "gas_used": 49, "stack": [c7]});
    let actual = json!({"exit_code": 0, "gas_used": 49, "stack": [{"type": "tuple", "items": []}]});
    let request = json!({"code_hex": "30ED47"});
    assert!(known_gap(&request, &expected, &actual).is_some());
    assert!(known_gap(&request, &actual, &actual).is_none());
    let other = json!({"exit_code": 0, "gas_used": 50, "stack": [{"type": "tuple", "items": []}]});
    assert!(known_gap(&request, &other, &actual).is_none());
}

#[test]
fn running_an_unimplemented_opcode_is_a_gap_not_a_mismatch() {
    let expected = json!({"exit_code": 2, "gas_used": 100, "stack": [{"type": "int", "value": "0"}]});
    let actual = json!({"exit_code": 6, "gas_used": 90, "stack": [{"type": "int", "value": "0"}]});
    // Some 24-bit opcode gram's table has no entry for.
    let table = gram_vm::table::Table::cp0();
    let gap = (0..0x1_0000u32).map(|x| x << 8).find(|op| table.lookup(*op).is_none()).expect("a gap");
    let lacking = gram_cells::Cell::new(&gap.to_be_bytes()[1..], 24, &[], false).expect("cell");
    let boc = |c: &gram_cells::Cell| gram_vm::json::cell_to_boc_text(c);
    let runs_it = json!({"code": boc(&lacking), "stack": []});
    assert!(runs_unimplemented_opcode(&runs_it));
    assert!(known_gap(&runs_it, &expected, &actual).is_some());
    // The same cell only as a value on the stack is never run: a real mismatch.
    let holds_it = json!({"code": boc(&gram_cells::Cell::empty()), "stack": [{"type": "cell", "boc": boc(&lacking)}]});
    assert!(!runs_unimplemented_opcode(&holds_it));
    assert!(known_gap(&holds_it, &expected, &actual).is_none());
}

#[test]
fn live_batch_agrees_with_the_reference() {
    let script = default_script();
    if !installed(&script) {
        eprintln!("skipped: the oracle is not installed ({})", script.display());
        return;
    }
    let spec = spec();
    let mut oracle = NodeOracle::start_with_config(&script, 2, "slim").expect("oracle starts");
    let c7_config = Some(c7_config(&mut oracle).expect("the reference's c7 holds a config"));
    let mut log = Vec::new();
    let opts = Options { c7_config, ..options(300, 2024) };
    let report = gram_conformance::diff::run(&opts, &spec, &mut oracle, &mut log).expect("runs");
    assert_eq!(report.programs, 300);
    assert_eq!(report.mismatch_count, 0, "{}", String::from_utf8_lossy(&log));
    assert!(report.exit_codes.get(&0).copied().unwrap_or(0) > 30, "a fair share succeeds: {:?}", report.exit_codes);
}
