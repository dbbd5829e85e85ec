//! The step tracer: one line per step with the gas consumed before it (the
//! reference's own log for `PUSHINT 1; PUSHINT 2; SWAP` shows gas remaining
//! 999982, 999964, 999946, then 999941 after the implicit RET), the
//! instruction and the stack it starts from; exceptions get their own line.

use gram_cells::CellBuilder;
use gram_vm::trace::TextTracer;
use gram_vm::{run_traced, run_with_cache, CodeCache, RunParams};

fn code(bytes: &[u8]) -> gram_cells::Cell {
    let mut b = CellBuilder::new();
    b.store_raw(bytes, bytes.len() * 8).unwrap();
    b.build().unwrap()
}

fn trace_of(bytes: &[u8]) -> (String, gram_vm::RunOutcome) {
    let mut out = Vec::new();
    let mut tracer = TextTracer::new(&mut out);
    let outcome = run_traced(RunParams::new(code(bytes)), &mut CodeCache::new(), &mut tracer);
    assert!(tracer.error.is_none());
    (String::from_utf8(out).unwrap(), outcome)
}

#[test]
fn every_step_is_traced_with_gas_and_stack() {
    let (text, outcome) = trace_of(&[0x71, 0x72, 0x01]);
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    assert_eq!(lines.len() as u64, outcome.steps);
    assert_eq!(outcome.gas_used, 59);
    let expect = [
        ("1", "0", "PUSHINT_4 x{71}", "[  ]"),
        ("2", "18", "PUSHINT_4 x{72}", "[ 1 ]"),
        ("3", "36", "XCHG_0I x{01}", "[ 1 2 ]"),
        ("4", "54", "implicit RET", "[ 2 1 ]"),
    ];
    for (line, (step, gas, instr, stack)) in lines.iter().zip(expect) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(fields[0], step, "{line}");
        assert_eq!(fields[2], gas, "{line}");
        assert!(line.contains(instr), "{line} should show {instr}");
        assert!(line.ends_with(stack), "{line} should end with {stack}");
    }
}

#[test]
fn exceptions_are_traced_and_results_match_the_untraced_run() {
    // DROP on an empty stack: stack underflow (exit 2), 18 + 50 gas.
    let (text, traced) = trace_of(&[0x30]);
    assert!(text.contains("exception 2: stack underflow"), "{text}");
    let plain = run_with_cache(RunParams::new(code(&[0x30])), &mut CodeCache::new());
    assert_eq!((traced.exit_code, traced.gas_used, traced.steps), (plain.exit_code, plain.gas_used, plain.steps));
    assert_eq!((traced.exit_code, traced.gas_used), (2, 68));
}
