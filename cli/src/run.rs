//! `gram run`: run TVM code, human or JSON output, or the reference
//! runner's JSON-lines protocol on stdin/stdout.

use std::io::{BufRead, Write};

use gram_cells::Cell;

use gram_cells::tlb::StdAddr;
use gram_vm::c7::{BlockchainConfig, C7Params};
use gram_vm::json::{outcome_to_json, parse_c7, parse_request, parse_value, value_to_json};
use gram_vm::trace::TextTracer;
use gram_vm::{exit_code_name, CodeCache, Int257, RunParams, Value};
use serde_json::json;

use crate::error::CliError;

/// Reads one root cell from a BoC file or `-`.
fn read_cell(path: &str) -> Result<Cell, CliError> {
    let (bytes, _) = crate::input::read_boc(path)?;
    Ok(gram_cells::boc::decode_single(&bytes)?)
}

/// Options of `gram run CODE`.
pub struct RunArgs {
    pub code: String,
    pub data: Option<String>,
    pub stack: Option<String>,
    pub method_id: Option<i32>,
    pub gas_limit: i64,
    pub json: bool,
    /// Write a step-by-step trace to stderr.
    pub trace: bool,
    pub c7: C7Args,
}

/// The c7 options of `gram run` (unset ones take the reference runner's defaults).
#[derive(Default)]
pub struct C7Args {
    pub now: Option<u32>,
    pub balance: Option<u64>,
    pub address: Option<String>,
    pub rand_seed: Option<String>,
    pub config: Option<String>,
}

/// The get-method c7 for `code` with the options applied.
fn build_c7(code: &Cell, args: &C7Args) -> Result<C7Params, CliError> {
    let mut c7 = parse_c7(None, None, code.clone()).map_err(|e| CliError::Usage(e.to_string()))?;
    if let Some(now) = args.now {
        c7.now = now;
    }
    if let Some(balance) = args.balance {
        // As the emulator does: the balance is a signed 64-bit number.
        c7.balance = Int257::from_i64(balance as i64);
    }
    if let Some(text) = &args.address {
        let (addr, _) = StdAddr::parse_text(text).map_err(|e| CliError::Usage(format!("--address: {e}")))?;
        c7.address = addr;
    }
    if let Some(text) = &args.rand_seed {
        hex::decode_to_slice(text, &mut c7.rand_seed)
            .map_err(|_| CliError::Usage("--rand-seed: expected 64 hex digits".into()))?;
    }
    if let Some(path) = &args.config {
        let config =
            BlockchainConfig::from_root(read_cell(path)?).map_err(|e| CliError::Usage(format!("--config: {e}")))?;
        c7.config = Some(config);
    }
    Ok(c7)
}

/// `gram run --jsonl`: one request per line in, one result per line out.
pub fn jsonl(out: &mut impl Write) -> Result<(), CliError> {
    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        let line = line.map_err(CliError::Stdin)?;
        if line.trim().is_empty() {
            continue;
        }
        let reply = match parse_request(&line) {
            Ok(req) => outcome_to_json(&req, &gram_vm::run(req.params.clone())),
            Err(e) => json!({ "error": e.to_string() }),
        };
        writeln!(out, "{reply}").map_err(CliError::Stdout)?;
        out.flush().map_err(CliError::Stdout)?;
    }
    Ok(())
}

/// `gram run CODE ...`: runs once and prints the result.
pub fn run_once(out: &mut impl Write, args: RunArgs) -> Result<u8, CliError> {
    let mut params = RunParams::new(read_cell(&args.code)?);
    let c7 = build_c7(&params.code, &args.c7)?;
    params = params.with_c7(&c7);
    if let Some(data) = &args.data {
        params.data = read_cell(data)?;
    }
    if let Some(stack) = &args.stack {
        let list: serde_json::Value =
            serde_json::from_str(stack).map_err(|e| CliError::Usage(format!("--stack: {e}")))?;
        let items = list.as_array().ok_or_else(|| CliError::Usage("--stack must be a JSON array".into()))?;
        params.stack = items
            .iter()
            .map(parse_value)
            .collect::<Result<_, _>>()
            .map_err(|e| CliError::Usage(format!("--stack: {e}")))?;
    }
    if let Some(id) = args.method_id {
        params.stack.push(Value::int(id as i64));
    }
    if args.gas_limit < 1 {
        return Err(CliError::Usage("--gas-limit must be at least 1".into()));
    }
    params.gas_limit = args.gas_limit;
    let outcome = if args.trace {
        let mut tracer = TextTracer::new(std::io::stderr().lock());
        let outcome = gram_vm::run_traced(params, &mut CodeCache::new(), &mut tracer);
        if let Some(e) = tracer.error {
            return Err(CliError::Stdout(e));
        }
        outcome
    } else {
        gram_vm::run(params)
    };
    if args.json {
        let stack: Vec<_> = outcome.stack.iter().map(value_to_json).collect();
        let doc = json!({
            "exit_code": outcome.exit_code,
            "exit_name": exit_code_name(outcome.exit_code),
            "gas_used": outcome.gas_used,
            "steps": outcome.steps,
            "stack": stack,
            "c4": outcome.committed.as_ref().map(|c| gram_vm::json::cell_to_boc_text(&c.c4)),
            "c5": outcome.committed.as_ref().map(|c| gram_vm::json::cell_to_boc_text(&c.c5)),
        });
        writeln!(out, "{doc}").map_err(CliError::Stdout)?;
    } else {
        let mut text = format!(
            "exit {}: {}\ngas used: {}\nsteps: {}\nstack ({} entries, bottom first):\n",
            outcome.exit_code,
            exit_code_name(outcome.exit_code),
            outcome.gas_used,
            outcome.steps,
            outcome.stack.len()
        );
        for (i, v) in outcome.stack.iter().enumerate() {
            text.push_str(&format!("  {i}: {}\n", describe(v)));
        }
        if let Some(c) = &outcome.committed {
            text.push_str(&format!("c4: {}\nc5: {}\n", hex::encode(c.c4.hash()), hex::encode(c.c5.hash())));
        }
        out.write_all(text.as_bytes()).map_err(CliError::Stdout)?;
    }
    Ok(if outcome.success() { 0 } else { 1 })
}

/// One-line description of a stack value.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::NaN => "NaN".into(),
        Value::Null => "null".into(),
        Value::Cell(c) => format!("cell {} ({} bits, {} refs)", hex::encode(c.hash()), c.bit_len(), c.ref_count()),
        Value::Slice(s) => format!("slice x{{{}}} ({} refs)", s.to_hex_tagged(), s.remaining_refs()),
        Value::Builder(b) => format!("builder ({} bits, {} refs)", b.bit_len(), b.ref_count()),
        Value::Cont(c) => format!("continuation {}", c.kind_name()),
        Value::Tuple(t) => format!("tuple [{}]", t.iter().map(describe).collect::<Vec<_>>().join(", ")),
    }
}
