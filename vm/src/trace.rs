//! Step tracing. The run loop is generic over a [`Tracer`]; the untraced
//! loop uses [`NoTrace`], whose hooks compile to nothing, so tracing costs
//! the fast path nothing.

use std::fmt::Write as _;

use crate::program::{Instr, Program};
use crate::value::Value;
use crate::vm::Vm;

/// Hooks the run loop calls. Each sees the machine before the event.
pub trait Tracer {
    /// Before an instruction runs (its gas is not charged yet).
    fn step(&mut self, vm: &Vm, ins: &Instr);
    /// When an exception is raised (before the handler is entered).
    fn exception(&mut self, vm: &Vm, code: i32);
}

/// The tracer of the untraced run.
pub struct NoTrace;

impl Tracer for NoTrace {
    #[inline(always)]
    fn step(&mut self, _: &Vm, _: &Instr) {}
    #[inline(always)]
    fn exception(&mut self, _: &Vm, _: i32) {}
}

/// How an instruction reads in a trace: its mnemonic and its bits as they
/// sit in the code (`PUSHINT x{7105}`), or the implicit step at a window's end.
pub fn describe_instr(prog: &Program, ins: &Instr) -> String {
    let w = &prog.window;
    let at = ins.bit_pos as usize;
    if at >= w.bit_end() {
        let refs_left = w.ref_end() > w.ref_offset() + ins.ref_pos as usize;
        return if refs_left { "implicit JMPREF".into() } else { "implicit RET".into() };
    }
    let Some(def) = prog.def_of(ins) else {
        return "invalid opcode".into();
    };
    let bits = (def.tot_bits as usize).min(w.bit_end() - at);
    let code = gram_cells::CellSlice::with_window(w.cell().clone(), at..at + bits, 0..0)
        .map(|s| s.to_hex_tagged())
        .unwrap_or_default();
    format!("{} x{{{code}}}", def.name)
}

/// One-line text of a stack value, Fift-like: `7`, `NaN`, `(null)`,
/// `C{hash}`, `CS{x{bits} refs}`, `BC{bits, refs}`, `Cont{kind}`, `[ ... ]`.
pub fn describe_value(v: &Value) -> String {
    let mut s = String::new();
    write_value(&mut s, v);
    s
}

fn write_value(out: &mut String, v: &Value) {
    let _ = match v {
        Value::Int(i) => write!(out, "{i}"),
        Value::NaN => write!(out, "NaN"),
        Value::Null => write!(out, "(null)"),
        Value::Cell(c) => write!(out, "C{{{}}}", hex_prefix(c.hash())),
        Value::Slice(sl) => write!(out, "CS{{x{{{}}} {}r}}", sl.to_hex_tagged(), sl.remaining_refs()),
        Value::Builder(b) => write!(out, "BC{{{}b {}r}}", b.bit_len(), b.ref_count()),
        Value::Cont(c) => write!(out, "Cont{{{}}}", c.kind_name()),
        Value::Tuple(t) => {
            out.push('[');
            for item in t.iter() {
                out.push(' ');
                write_value(out, item);
            }
            write!(out, " ]")
        }
    };
}

fn hex_prefix(hash: &[u8; 32]) -> String {
    hash[..8].iter().map(|b| format!("{b:02x}")).collect::<String>() + "…"
}

/// Writes one text line per step: step number, gas consumed before the
/// step, the instruction, and the stack (bottom first) it starts from.
pub struct TextTracer<W: std::io::Write> {
    out: W,
    /// First write error, if any (tracing stops reporting after it).
    pub error: Option<std::io::Error>,
}

impl<W: std::io::Write> TextTracer<W> {
    /// A tracer writing to `out`.
    pub fn new(out: W) -> Self {
        TextTracer { out, error: None }
    }

    fn line(&mut self, text: std::fmt::Arguments<'_>) {
        if self.error.is_none() {
            if let Err(e) = self.out.write_fmt(text) {
                self.error = Some(e);
            }
        }
    }
}

impl<W: std::io::Write> Tracer for TextTracer<W> {
    fn step(&mut self, vm: &Vm, ins: &Instr) {
        let instr = describe_instr(&vm.code.prog, ins);
        let stack: Vec<String> = vm.stack.iter().map(describe_value).collect();
        let (step, gas) = (vm.steps + 1, vm.gas.consumed());
        self.line(format_args!("{step:>6}  gas {gas:>8}  {instr:<28}  [ {} ]\n", stack.join(" ")));
    }

    fn exception(&mut self, vm: &Vm, code: i32) {
        let name = crate::error::exit_code_name(code);
        self.line(format_args!("        gas {:>8}  exception {code}: {name}\n", vm.gas.consumed()));
    }
}
