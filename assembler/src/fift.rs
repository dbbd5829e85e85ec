//! The Fift-assembler dialect: the subset of `Asm.fif` that FunC and Tolk
//! emit (`PROGRAM{ DECLPROC ... PROC:<{ ... }> ... }END>c`), interpreted word
//! by word on a small value stack, with the layout rules of `Asm.fif` (when a
//! continuation or slice goes inline or into a ref, when a cell is full and
//! code continues in a new one, how procedures become a 19-bit method
//! dictionary behind `SETCP0; DICTPUSHCONST 19; DICTIGETJMPZ; THROWARG 11`),
//! so the code hash equals the one Fift produces.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use gram_cells::dict::{DictKey, DictValue, Dictionary, NoGas, SetMode};
use gram_cells::{Cell, CellBuilder, CellSlice};
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive};

use crate::assemble::Assembled;
use crate::error::{suggest, AsmError, Diagnostic};
use crate::fift_words::{fift_forms, ArgPat, FIFT_ONLY};
use crate::instr::{encode, Arg};
use crate::layout::{BlockBuilder, DebugTable, Mark};
use crate::spec::{prefix_bits, OperandDef, Spec};
use crate::syntax::{parse_int, parse_slice_body};

type Span = Range<usize>;

/// A finished code block: its (first) builder and debug marks.
type Code = (CellBuilder, Vec<Mark>);

/// What [`Fift::close_frame`] returns: how the block was opened, its code, whether it was split, where it started.
type Closed = (Close, Code, bool, Span);

/// Assembles Fift-assembler source (the `.fif` output of FunC or Tolk).
pub fn assemble_fift(src: &str) -> Result<Assembled, AsmError> {
    let mut f = Fift::default();
    for (word, span) in words(src, &mut f.diags) {
        if f.diags.len() > 200 {
            break;
        }
        f.word(&word, span);
    }
    f.finish(src.len())
}

/// A value on the Fift stack.
#[derive(Clone, Debug)]
enum Val {
    Int(BigInt),
    SReg(i64),
    CReg(i64),
    /// Slice content (bits and refs) as a cell.
    Slice(Cell),
    Cell(Cell),
    /// A finished code block (or `<b` builder) and its debug marks.
    Builder(CellBuilder, Vec<Mark>),
    /// A string literal `"..."` (its bytes; Fift strings have no escapes).
    Str(Vec<u8>),
    Bytes(Vec<u8>),
}

/// What `}>` does with a finished block.
#[derive(Clone, Debug)]
enum Close {
    /// `<{`: leave the builder on the stack.
    Plain,
    /// `PROC:<{` and friends: define procedure `id` with inline limit `mode`.
    Proc { id: i64, mode: i64 },
    /// `CONT:<{`: PUSHCONT.
    PushCont,
    /// `REPEAT:<{`, `UNTIL:<{`, `AGAIN:<{`, and the second part of WHILE / TRY: PUSHCONT then this instruction.
    PushContThen(&'static str),
    /// `IFJMP:<{` and `IFNOTJMP:<{`.
    ContOp(ContOp),
    /// `IF:<{` / `IFNOT:<{`, which may continue with `}>ELSE<{`.
    If { not: bool },
    /// The else part of an `IF:<{ }>ELSE<{ }>`.
    IfElse { first: (CellBuilder, Vec<Mark>), not: bool },
    /// `WHILE:<{`: must end with `}>DO<{`.
    While,
    /// `TRY:<{`: must end with `}>CATCH<{`.
    Try,
}

#[derive(Clone, Copy, Debug)]
enum ContOp {
    If,
    IfNot,
    IfJmp,
    IfNotJmp,
}

impl ContOp {
    /// (instruction for an empty continuation, with an inline one, with a ref)
    fn ops(self) -> (&'static str, &'static str, &'static str) {
        match self {
            ContOp::If => ("DROP", "IF", "IFREF"),
            ContOp::IfNot => ("DROP", "IFNOT", "IFNOTREF"),
            ContOp::IfJmp => ("IFRET", "IFJMP", "IFJMPREF"),
            ContOp::IfNotJmp => ("IFNOTRET", "IFNOTJMP", "IFNOTJMPREF"),
        }
    }
}

struct Frame {
    close: Close,
    code: BlockBuilder,
    span: Span,
}

/// Procedure flags as `Asm.fif` keeps them.
const DECLARED: u32 = 1;
const DEFINED: u32 = 2;
const INLINED: u32 = 4;
const CALLED: u32 = 8;
const METHOD: u32 = 16;

#[derive(Default)]
struct Program {
    /// Procedure id to body (slice content as a cell) and the body's debug marks.
    dict: BTreeMap<i64, (Cell, Vec<Mark>)>,
    info: HashMap<i64, u32>,
    /// Declared procedures (name, id), checked at `}END`.
    list: Vec<(String, i64)>,
    proc_count: i64,
    glob_count: i64,
}

struct Fift {
    stack: Vec<(Val, Span)>,
    frames: Vec<Frame>,
    words: HashMap<String, i64>,
    program: Option<Program>,
    diags: Vec<Diagnostic>,
    debug: DebugTable,
    result: Option<Cell>,
    /// A defining word (`DECLPROC`, ...) waiting for its name.
    pending_name: Option<(&'static str, Span, i64)>,
    /// Unknown words reported so far (suggestions stop after [`MAX_SUGGESTIONS`]).
    suggested: usize,
}

/// Unknown words per run that get a "did you mean" hint.
pub(crate) const MAX_SUGGESTIONS: usize = 16;

/// Splits Fift source into words with byte spans; `//` and `/* */` are comments,
/// `"..."` strings and `x{...}` / `b{...}` / `B{...}` literals are single words.
fn words(src: &str, diags: &mut Vec<Diagnostic>) -> Vec<(String, Span)> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let rest = &src[i..];
        // `#!` (a script's first line) is a line comment too, as in Fift.
        if rest.starts_with("//") || rest.starts_with("#!") {
            i += rest.find('\n').unwrap_or(rest.len());
            continue;
        }
        if rest.starts_with("/*") {
            match rest.find("*/") {
                Some(p) => i += p + 2,
                None => {
                    diags.push(Diagnostic::new(start..src.len(), "unterminated comment"));
                    i = src.len();
                }
            }
            continue;
        }
        let close = if rest.starts_with('"') || rest.starts_with(".\"") {
            rest[rest.find('"').map_or(0, |q| q + 1)..].find('"').map(|p| p + rest.find('"').unwrap_or(0) + 2)
        } else if rest.starts_with("x{") || rest.starts_with("b{") || rest.starts_with("B{") {
            rest.find('}').map(|p| p + 1)
        } else {
            None
        };
        let end = match close {
            Some(len) => i + len,
            None => {
                let mut j = i;
                while j < bytes.len() && !bytes[j].is_ascii_whitespace() {
                    j += 1;
                }
                j
            }
        };
        out.push((src[start..end].to_owned(), start..end));
        i = end;
    }
    out
}

/// A chunk of raw bit fields: (value, width) pairs.
fn raw(fields: &[(u64, usize)]) -> CellBuilder {
    let mut b = CellBuilder::new();
    for &(v, w) in fields {
        // Widths and values are chosen by the callers to fit.
        let _ = b.store_uint(v, w);
    }
    b
}

/// A cp0 prefix (`"F2C4_"`) as a (value, width) field.
fn pfx(prefix: &str) -> (u64, usize) {
    let (v, len) = prefix_bits(prefix);
    (v as u64, len as usize)
}

fn fits_signed(v: &BigInt, bits: u64) -> bool {
    let limit = BigInt::one() << (bits - 1);
    *v >= -limit.clone() && *v < limit
}

/// v = m * 2^k with m odd (v != 0).
fn pow2decomp(v: &BigInt) -> (BigInt, u64) {
    let k = v.trailing_zeros().unwrap_or(0);
    (v >> k, k)
}

fn is_empty(b: &CellBuilder) -> bool {
    b.bit_len() == 0 && b.ref_count() == 0
}

impl Fift {
    fn err(&mut self, span: Span, msg: impl Into<String>) {
        self.diags.push(Diagnostic::new(span, msg));
    }

    fn pop(&mut self, span: &Span) -> Option<(Val, Span)> {
        let v = self.stack.pop();
        if v.is_none() {
            self.err(span.clone(), "stack underflow: this word needs an argument");
        }
        v
    }

    fn pop_int(&mut self, span: &Span) -> Option<BigInt> {
        match self.pop(span)? {
            (Val::Int(v), _) => Some(v),
            (_, s) => {
                self.diags
                    .push(Diagnostic::new(s, "integer expected").with_hint("this word takes an integer argument"));
                None
            }
        }
    }

    fn pop_small(&mut self, span: &Span) -> Option<i64> {
        let v = self.pop_int(span)?;
        match v.to_i64() {
            Some(x) => Some(x),
            None => {
                self.err(span.clone(), format!("operand {v} out of range"));
                None
            }
        }
    }

    fn pop_sreg(&mut self, span: &Span) -> Option<i64> {
        match self.pop(span)? {
            (Val::SReg(i), _) => Some(i),
            (_, s) => {
                self.diags
                    .push(Diagnostic::new(s, "stack register expected").with_hint("write `s0`..`s15` or `N s()`"));
                None
            }
        }
    }

    fn pop_builder(&mut self, span: &Span) -> Option<(CellBuilder, Vec<Mark>)> {
        match self.pop(span)? {
            (Val::Builder(b, m), _) => Some((b, m)),
            (_, s) => {
                self.err(s, "code block expected (`<{ ... }>`)");
                None
            }
        }
    }

    fn pop_slice(&mut self, span: &Span) -> Option<Cell> {
        match self.pop(span)? {
            (Val::Slice(c), _) => Some(c),
            (_, s) => {
                self.err(s, "slice expected (`x{...}`)");
                None
            }
        }
    }

    fn pop_cell(&mut self, span: &Span) -> Option<Cell> {
        match self.pop(span)? {
            (Val::Cell(c), _) => Some(c),
            (_, s) => {
                self.err(s, "cell expected");
                None
            }
        }
    }

    fn code(&mut self, span: &Span) -> Option<&mut BlockBuilder> {
        if self.frames.is_empty() {
            self.diags.push(
                Diagnostic::new(span.clone(), "instruction outside of a code block")
                    .with_hint("put code inside `<{ ... }>` or a `PROC:<{ ... }>`"),
            );
            return None;
        }
        self.frames.last_mut().map(|f| &mut f.code)
    }

    /// Fift's `@addopb`: continue in a new cell unless the chunk fits with a ref to spare, then append.
    fn add(&mut self, chunk: &CellBuilder, span: &Span) {
        let Some(code) = self.code(span) else { return };
        if code.append_fitting(chunk, Some(span.clone())).is_err() {
            self.err(span.clone(), "instruction does not fit in a cell");
        }
    }

    /// Appends without the fit check (the caller checked with a larger margin).
    fn add_direct(&mut self, chunk: &CellBuilder, span: &Span) {
        let Some(code) = self.code(span) else { return };
        if code.append(chunk, Some(span.clone())).is_err() {
            self.err(span.clone(), "instruction does not fit in a cell");
        }
    }

    /// Encodes instruction `name` (a cp0 mnemonic) with encoded operand values.
    fn instr(&mut self, name: &str, args: Vec<Arg>, span: &Span) -> Option<CellBuilder> {
        let spec = Spec::get();
        let (def, args) = match (spec.find(name), spec.find_alias(name)) {
            (Some(i), _) => (&spec.instrs[i], args),
            (None, Some(a)) => (&spec.instrs[a.target], a.operands.iter().map(|(_, v)| Arg::Num(*v)).collect()),
            (None, None) => {
                self.err(span.clone(), format!("internal: no instruction named {name}"));
                return None;
            }
        };
        match encode(def, &args) {
            Ok(b) => Some(b),
            Err(e) => {
                self.err(span.clone(), format!("{name}: {e}"));
                None
            }
        }
    }

    fn emit(&mut self, name: &str, args: Vec<Arg>, span: &Span) {
        if let Some(b) = self.instr(name, args, span) {
            self.add(&b, span);
        }
    }

    fn fits(&mut self, bits: usize, refs: usize, span: &Span) -> bool {
        self.code(span).is_some_and(|c| c.fits(bits, refs))
    }

    fn split(&mut self, span: &Span) {
        if let Some(c) = self.code(span) {
            c.split();
        }
    }

    fn cont_fits(&mut self, b: &CellBuilder, span: &Span) -> bool {
        b.bit_len().is_multiple_of(8) && self.fits(b.bit_len() + 16, b.ref_count(), span)
    }

    fn cont_ref_fits(&mut self, b: &CellBuilder, span: &Span) -> bool {
        b.bit_len().is_multiple_of(8) && self.fits(b.bit_len() + 32, b.ref_count() + 1, span)
    }

    /// Builds a code builder into a cell, recording its debug marks.
    fn seal(&mut self, b: &CellBuilder, marks: &[Mark], span: &Span) -> Option<Cell> {
        match b.build() {
            Ok(c) => {
                self.debug.record(&c, 0, marks);
                Some(c)
            }
            Err(e) => {
                self.err(span.clone(), format!("cannot build cell: {e}"));
                None
            }
        }
    }

    /// `PUSHCONT` of a finished block: inline when it fits, else `PUSHREFCONT`.
    fn push_cont(&mut self, (b, marks): (CellBuilder, Vec<Mark>), span: &Span) {
        if !self.cont_fits(&b, span) {
            if let Some(c) = self.seal(&b, &marks, span) {
                self.emit("PUSHREFCONT", vec![Arg::Cell(c)], span);
            }
            return;
        }
        let x = (b.bit_len() / 8) as u64;
        let header = if b.bit_len() <= 120 && b.ref_count() == 0 {
            raw(&[(9, 4), (x, 4)])
        } else {
            raw(&[pfx("8F_"), (b.ref_count() as u64, 2), (x, 7)])
        };
        let at_header = header.bit_len();
        let mut whole = header;
        if whole.store_builder(&b).is_err() {
            self.err(span.clone(), "continuation does not fit");
            return;
        }
        let mut all = vec![(0, span.clone())];
        all.extend(marks.iter().map(|(bit, s)| (*bit + at_header, s.clone())));
        let Some(code) = self.code(span) else { return };
        if code.append_marked(&whole, 0, &all).is_err() {
            self.err(span.clone(), "continuation does not fit");
        }
    }

    /// `IF`/`IFNOT`/`IFJMP`/`IFNOTJMP` with a block (Asm.fif's `@run-cont-op`).
    fn cont_op(&mut self, op: ContOp, block: (CellBuilder, Vec<Mark>), span: &Span) {
        let (empty_op, inline_op, ref_op) = op.ops();
        if is_empty(&block.0) {
            self.emit(empty_op, vec![], span);
            return;
        }
        if self.cont_fits(&block.0, span) {
            self.push_cont(block, span);
            self.emit(inline_op, vec![], span);
            return;
        }
        if !self.fits(16, 1, span) {
            self.split(span);
            if self.cont_fits(&block.0, span) {
                self.push_cont(block, span);
                self.emit(inline_op, vec![], span);
                return;
            }
        }
        if let Some(c) = self.seal(&block.0, &block.1, span) {
            self.emit(ref_op, vec![Arg::Cell(c)], span);
        }
    }

    /// `IF:<{ A }>ELSE<{ B }>` (Asm.fif's `IFELSE-cont2`).
    fn if_else(&mut self, then: (CellBuilder, Vec<Mark>), other: (CellBuilder, Vec<Mark>), span: &Span) {
        if is_empty(&other.0) {
            return self.cont_op(ContOp::If, then, span);
        }
        if is_empty(&then.0) {
            return self.cont_op(ContOp::IfNot, other, span);
        }
        loop {
            let (t, e) = (&then.0, &other.0);
            let aligned = t.bit_len() % 8 == 0 && e.bit_len() % 8 == 0;
            if aligned && self.fits(t.bit_len() + e.bit_len() + 32, t.ref_count() + e.ref_count(), span) {
                self.push_cont(then, span);
                self.push_cont(other, span);
                self.emit("IFELSE", vec![], span);
                return;
            }
            if self.cont_ref_fits(e, span) {
                let Some(c) = self.seal(&then.0, &then.1, span) else { return };
                self.push_cont(other, span);
                self.emit("IFREFELSE", vec![Arg::Cell(c)], span);
                return;
            }
            if self.cont_ref_fits(t, span) {
                let Some(c) = self.seal(&other.0, &other.1, span) else { return };
                self.push_cont(then, span);
                self.emit("IFELSEREF", vec![Arg::Cell(c)], span);
                return;
            }
            if self.fits(32, 2, span) {
                let Some(c1) = self.seal(&then.0, &then.1, span) else { return };
                let Some(c2) = self.seal(&other.0, &other.1, span) else { return };
                self.emit("IFREFELSEREF", vec![Arg::Cell(c1), Arg::Cell(c2)], span);
                return;
            }
            if self.code(span).is_none() {
                return;
            }
            self.split(span);
        }
    }

    /// `PUSHINT` / `INT`: the shortest of the four encodings.
    fn push_int(&mut self, v: &BigInt, span: &Span) {
        let chunk = if *v >= BigInt::from(-5) && *v <= BigInt::from(10) {
            let x = v.to_i64().unwrap_or(0);
            raw(&[(7, 4), ((x & 15) as u64, 4)])
        } else if fits_signed(v, 8) || fits_signed(v, 16) {
            let (op, bits) = if fits_signed(v, 8) { (0x80, 8) } else { (0x81, 16) };
            let mut b = raw(&[(op, 8)]);
            let _ = b.store_int(v.to_i64().unwrap_or(0), bits);
            b
        } else {
            let mut n = 19u64;
            while !fits_signed(v, n) {
                n += 8;
                if n > 259 {
                    self.err(span.clone(), format!("integer {v} does not fit in 257 bits"));
                    return;
                }
            }
            let mut b = raw(&[(0x82, 8), ((n - 19) / 8, 5)]);
            let _ = b.store_big_int(v, n as usize);
            b
        };
        self.add(&chunk, span);
    }

    /// `PUSHINTX`: powers of two and shifted small numbers get shorter forms.
    fn push_intx(&mut self, v: &BigInt, span: &Span) {
        if fits_signed(v, 8) {
            return self.push_int(v, span);
        }
        let (m, k) = pow2decomp(v);
        if m.is_one() {
            if k == 256 {
                self.err(span.clone(), "use PUSHNAN instead of 256 PUSHPOW2");
                return;
            }
            self.emit("PUSHPOW2", vec![Arg::Num(k as i64 - 1)], span);
        } else if m == BigInt::from(-1) {
            self.emit("PUSHNEGPOW2", vec![Arg::Num(k as i64 - 1)], span);
        } else if k >= 20 {
            self.push_int(&m, span);
            self.emit("LSHIFT", vec![Arg::Num(k as i64 - 1)], span);
        } else if k != 0 {
            self.push_int(v, span);
        } else {
            let (m2, k2) = pow2decomp(&(-v - 1));
            if m2 == BigInt::from(-1) && k2 >= 1 {
                self.emit("PUSHPOW2DEC", vec![Arg::Num(k2 as i64 - 1)], span);
            } else {
                self.push_int(v, span);
            }
        }
    }

    /// `PUSHSLICE`: inline in the shortest form that fits, else `PUSHREFSLICE`.
    fn push_slice(&mut self, s: Cell, span: &Span) {
        let (bits, refs) = (s.bit_len(), s.ref_count());
        if !self.fits(bits + 26, refs, span) {
            return self.emit("PUSHREFSLICE", vec![Arg::Cell(s)], span);
        }
        let name = if bits <= 123 && refs == 0 {
            "PUSHSLICE"
        } else if refs >= 1 && bits <= 248 {
            "PUSHSLICE_REFS"
        } else {
            "PUSHSLICE_LONG"
        };
        if let Some(b) = self.instr(name, vec![Arg::Slice(s)], span) {
            self.add_direct(&b, span);
        }
    }

    fn st_slice_const(&mut self, s: Cell, span: &Span) {
        let (bits, refs) = (s.bit_len(), s.ref_count());
        if self.fits(bits + 22, refs, span) && bits <= 57 && refs <= 3 {
            if let Some(b) = self.instr("STSLICECONST", vec![Arg::Slice(s)], span) {
                self.add_direct(&b, span);
            }
        } else {
            self.push_slice(s, span);
            self.emit("STSLICER", vec![], span);
        }
    }

    fn sd_begins(&mut self, s: Cell, quiet: bool, span: &Span) {
        if s.ref_count() > 0 {
            self.err(span.clone(), "no references allowed in slice");
            return;
        }
        let op_bits = (s.bit_len() + 5) / 8 * 8 + 3 + 21;
        let spare = self.code(span).map_or(0, |c| c.current().spare_bits());
        if op_bits <= spare {
            self.emit(if quiet { "SDBEGINSQ" } else { "SDBEGINS" }, vec![Arg::Slice(s)], span);
        } else {
            self.push_slice(s, span);
            self.emit(if quiet { "SDBEGINSXQ" } else { "SDBEGINSX" }, vec![], span);
        }
    }

    /// `CALLDICT` / `JMPDICT` / `PREPAREDICT` with a procedure index.
    fn dict_call(&mut self, kind: &str, n: i64, span: &Span) {
        if let Some(p) = self.program.as_mut() {
            *p.info.entry(n).or_default() |= CALLED;
        }
        let short = (0..1 << 14).contains(&n);
        match kind {
            "CALL" if (0..256).contains(&n) => self.add(&raw(&[(0xF0, 8), (n as u64, 8)]), span),
            "CALL" if short => self.add(&raw(&[pfx("F12_"), (n as u64, 14)]), span),
            "JMP" if short => self.add(&raw(&[pfx("F16_"), (n as u64, 14)]), span),
            "PREPARE" if short => self.add(&raw(&[pfx("F1A_"), (n as u64, 14)]), span),
            _ => {
                self.push_int(&BigInt::from(n), span);
                self.emit("PUSHCTR", vec![Arg::Num(3)], span);
                match kind {
                    "CALL" => self.emit("EXECUTE", vec![], span),
                    "JMP" => self.emit("JMPX", vec![], span),
                    _ => {}
                }
            }
        }
    }

    fn inline_call(&mut self, n: i64, span: &Span) {
        let body = self.program.as_ref().and_then(|p| p.dict.get(&n).cloned());
        let Some((body, marks)) = body else {
            return self.dict_call("CALL", n, span);
        };
        if let Some(p) = self.program.as_mut() {
            *p.info.entry(n).or_default() |= INLINED;
        }
        if body.bit_len() > 0 {
            let chunk = body.to_builder();
            let Some(code) = self.code(span) else { return };
            code.ensure(chunk.bit_len(), chunk.ref_count());
            if code.append_marked(&chunk, 0, &marks).is_err() {
                self.err(span.clone(), "inlined procedure does not fit");
            }
        } else if let Some(r) = body.reference(0).cloned() {
            self.emit("CALLREF", vec![Arg::Cell(r)], span);
        }
    }

    fn throw(&mut self, short: &str, long: &str, n: i64, span: &Span) {
        if !(0..1 << 11).contains(&n) {
            self.err(span.clone(), format!("operand {n} out of range 0..2047"));
        } else if n < 64 {
            self.add(&raw(&[pfx(short), (n as u64, 6)]), span);
        } else {
            self.add(&raw(&[pfx(long), (n as u64, 11)]), span);
        }
    }

    /// `XCHG` of two stack registers, as Asm.fif encodes any pair.
    fn xchg(&mut self, a: i64, b: i64, span: &Span) {
        let (lo, hi) = (a.min(b) as u64, a.max(b) as u64);
        let chunk = if lo == hi {
            CellBuilder::new()
        } else if lo == 0 {
            if hi < 16 {
                raw(&[(0, 4), (hi, 4)])
            } else {
                raw(&[(0x11, 8), (hi, 8)])
            }
        } else if hi >= 16 {
            if lo >= 16 {
                raw(&[(0x11, 8), (lo, 8), (0x11, 8), (hi, 8), (0x11, 8), (lo, 8)])
            } else {
                raw(&[(0, 4), (lo, 4), (0x11, 8), (hi, 8), (0, 4), (lo, 4)])
            }
        } else if lo == 1 {
            raw(&[(1, 4), (hi, 4)])
        } else {
            raw(&[(0x10, 8), (lo, 4), (hi, 4)])
        };
        self.add(&chunk, span);
    }

    fn push_pop(&mut self, pop: bool, span: &Span) {
        match self.pop(span) {
            Some((Val::CReg(c), _)) => self.emit(if pop { "POPCTR" } else { "PUSHCTR" }, vec![Arg::Num(c)], span),
            Some((Val::SReg(i), _)) => {
                let chunk = match (pop, i < 16) {
                    (false, true) => raw(&[(2, 4), (i as u64, 4)]),
                    (false, false) => raw(&[(0x56, 8), (i as u64, 8)]),
                    (true, true) => raw(&[(3, 4), (i as u64, 4)]),
                    (true, false) => raw(&[(0x57, 8), (i as u64, 8)]),
                };
                self.add(&chunk, span);
            }
            Some((_, s)) => self.err(s, "stack or control register expected"),
            None => {}
        }
    }

    fn open(&mut self, close: Close, span: Span, reserved: usize) {
        let code = if reserved > 0 { BlockBuilder::with_reserved(reserved) } else { BlockBuilder::new() };
        self.frames.push(Frame { close, code, span });
    }

    /// Ends the innermost block, returning how it was opened and its content.
    fn close_frame(&mut self, span: &Span) -> Option<Closed> {
        let Some(frame) = self.frames.pop() else {
            self.err(span.clone(), "`}>` without an open block");
            return None;
        };
        let split = frame.code.was_split();
        match frame.code.finish_builder(&mut self.debug) {
            Ok(b) => Some((frame.close, b, split, frame.span)),
            Err(e) => {
                self.err(frame.span, format!("cannot build the block: {e}"));
                None
            }
        }
    }

    fn end_block(&mut self, span: &Span) {
        let Some((close, block, split, open_span)) = self.close_frame(span) else { return };
        match close {
            Close::Plain => self.stack.push((Val::Builder(block.0, block.1), open_span.start..span.end)),
            Close::Proc { id, mode } => self.define_proc(id, mode, block, split, span),
            Close::PushCont => self.push_cont(block, span),
            Close::PushContThen(op) => {
                self.push_cont(block, span);
                self.emit(op, vec![], span);
            }
            Close::ContOp(op) => self.cont_op(op, block, span),
            Close::If { not } => self.cont_op(if not { ContOp::IfNot } else { ContOp::If }, block, span),
            Close::IfElse { first, not } => {
                if not {
                    self.if_else(block, first, span)
                } else {
                    self.if_else(first, block, span)
                }
            }
            Close::While => self.err(span.clone(), "`}>DO<{` expected to end the condition of WHILE:<{"),
            Close::Try => self.err(span.clone(), "`}>CATCH<{` expected to end the body of TRY:<{"),
        }
    }

    /// `@def-proc`: the body (its 32 reserved zero bits cut off) goes into the
    /// method dictionary, inline up to `mode` bits, else as a ref.
    fn define_proc(&mut self, id: i64, mode: i64, (b, marks): (CellBuilder, Vec<Mark>), split: bool, span: &Span) {
        let limit = if mode < 0 {
            if split {
                0
            } else {
                -mode
            }
        } else {
            mode
        };
        let Ok(full) = b.build() else {
            self.err(span.clone(), "procedure body does not fit");
            return;
        };
        let mut s = full.as_slice();
        if s.skip_bits(32).is_err() {
            return;
        }
        let Ok(body) = s.to_cell() else { return };
        let marks: Vec<Mark> =
            marks.into_iter().filter(|(bit, _)| *bit >= 32).map(|(bit, sp)| (bit - 32, sp)).collect();
        let value = if (limit as usize) < body.bit_len() {
            self.debug.record(&body, 0, &marks);
            let mut w = CellBuilder::new();
            let _ = w.store_reference(body);
            match w.build() {
                Ok(c) => (c, Vec::new()),
                Err(_) => return,
            }
        } else {
            (body, marks)
        };
        let Some(p) = self.program.as_mut() else {
            self.err(span.clone(), "procedure outside of PROGRAM{");
            return;
        };
        let again = p.dict.insert(id, value).is_some();
        *p.info.entry(id).or_default() |= DEFINED;
        if again {
            self.err(span.clone(), "procedure already defined");
        }
    }

    /// `}END>c`: drop unused procedures, build the dictionary and the dispatch prologue.
    fn end_program(&mut self, span: &Span) {
        let Some(mut p) = self.program.take() else {
            self.err(span.clone(), "`}END>c` without PROGRAM{");
            return;
        };
        if !p.dict.contains_key(&0) {
            self.err(span.clone(), "`main` procedure not defined (recv_internal, id 0)");
        }
        for (name, id) in &p.list {
            if !p.dict.contains_key(id) {
                self.err(span.clone(), format!("{name}: procedure declared but left undefined"));
                continue;
            }
            let flags = p.info.get(id).copied().unwrap_or(0);
            if flags & (DEFINED | CALLED | METHOD) == DEFINED {
                p.dict.remove(id);
            }
        }
        let mut dict = match Dictionary::new(19) {
            Ok(d) => d,
            Err(_) => return,
        };
        for (id, (value, _)) in &p.dict {
            let Some(key) = DictKey::from_int(*id, 19) else { continue };
            let slice = value.as_slice();
            if dict.set(&key, DictValue::Slice(&slice), SetMode::Add, &mut NoGas).is_err() {
                self.err(span.clone(), format!("procedure {id} does not fit in the dictionary"));
            }
        }
        // Debug marks of inline bodies: find each leaf's position.
        if let Some(root) = dict.root() {
            let entries: Vec<(i64, CellSlice)> = Dictionary::with_root(Some(root.clone()), 19)
                .map(|d| {
                    d.iter(false, true, &mut NoGas)
                        .filter_map(|e| e.ok())
                        .filter_map(|(k, v)| Some((k.to_big_int(true).to_i64()?, v)))
                        .collect()
                })
                .unwrap_or_default();
            for (id, leaf) in entries {
                if let Some((_, marks)) = p.dict.get(&id) {
                    self.debug.record(leaf.cell(), leaf.bit_offset(), marks);
                }
            }
        }
        self.open(Close::Plain, span.clone(), 0);
        self.emit("SETCP", vec![Arg::Num(0)], span);
        match dict.into_root() {
            Some(root) => self.add(
                &{
                    let mut b = raw(&[pfx("F4A6_"), (19, 10)]);
                    let _ = b.store_reference(root);
                    b
                },
                span,
            ),
            None => {
                self.emit("NULL", vec![], span);
                self.push_int(&BigInt::from(19), span);
            }
        }
        self.emit("DICTIGETJMPZ", vec![], span);
        self.add(&raw(&[pfx("F2CC_"), (11, 11)]), span);
        if let Some((_, (b, marks), _, _)) = self.close_frame(span) {
            self.result = self.seal(&b, &marks, span);
        }
    }

    fn declare(&mut self, name: &str, id: i64, flags: u32, span: &Span) {
        if !(-(1 << 18)..1 << 18).contains(&id) {
            self.err(span.clone(), "procedure index out of range");
            return;
        }
        let Some(p) = self.program.as_mut() else {
            self.err(span.clone(), "declaration outside of PROGRAM{");
            return;
        };
        *p.info.entry(id).or_default() |= flags;
        p.list.push((name.to_owned(), id));
        self.words.insert(name.to_owned(), id);
    }

    fn word(&mut self, w: &str, span: Span) {
        // Defining words take the next word as a name.
        if let Some((kind, at, id)) = self.pending_name.take() {
            return self.define_name(kind, w, id, at.start..span.end);
        }
        if let Some(v) = self.literal(w, &span) {
            self.stack.push((v, span));
            return;
        }
        if let Some(id) = self.words.get(w).copied() {
            self.stack.push((Val::Int(BigInt::from(id)), span));
            return;
        }
        self.builtin(w, span);
    }

    fn literal(&self, w: &str, _span: &Span) -> Option<Val> {
        if let Some(v) = parse_int(w) {
            return Some(Val::Int(v));
        }
        let reg = |prefix: char| -> Option<i64> {
            let rest = w.strip_prefix(prefix)?;
            let inner = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')).unwrap_or(rest);
            if inner.is_empty() || inner.len() > 3 {
                return None;
            }
            inner.parse::<i64>().ok()
        };
        if let Some(i) = reg('s') {
            return ((-2..=15).contains(&i) && (i >= 0 || w.contains('('))).then_some(Val::SReg(i));
        }
        if let Some(i) = reg('c') {
            return ((0..=7).contains(&i) && i != 6 && !w.contains('(')).then_some(Val::CReg(i));
        }
        if let Some(body) = w.strip_prefix("x{").and_then(|r| r.strip_suffix('}')) {
            let lit = parse_slice_body(true, body)?;
            return Cell::new(&lit.data, lit.bits, &[], false).ok().map(Val::Slice);
        }
        if let Some(body) = w.strip_prefix("b{").and_then(|r| r.strip_suffix('}')) {
            let lit = parse_slice_body(false, body)?;
            return Cell::new(&lit.data, lit.bits, &[], false).ok().map(Val::Slice);
        }
        if let Some(body) = w.strip_prefix("B{").and_then(|r| r.strip_suffix('}')) {
            let body: String = body.chars().filter(|c| !c.is_whitespace()).collect();
            if !body.len().is_multiple_of(2) || !body.chars().all(|c| c.is_ascii_hexdigit()) {
                return None;
            }
            let bytes =
                (0..body.len()).step_by(2).filter_map(|i| u8::from_str_radix(&body[i..i + 2], 16).ok()).collect();
            return Some(Val::Bytes(bytes));
        }
        if w.starts_with('"') && w.ends_with('"') && w.len() >= 2 {
            return Some(Val::Str(w.as_bytes()[1..w.len() - 1].to_vec()));
        }
        None
    }

    fn define_name(&mut self, kind: &'static str, name: &str, id: i64, span: Span) {
        match kind {
            "DECLPROC" if self.words.contains_key(name) => {}
            "DECLPROC" | "NEWPROC" => {
                let Some(p) = self.program.as_mut() else {
                    self.err(span, "declaration outside of PROGRAM{");
                    return;
                };
                p.proc_count += 1;
                let id = p.proc_count;
                self.declare(name, id, DECLARED, &span);
            }
            "DECLMETHOD" => match self.words.get(name) {
                Some(&old) if old != id => self.err(span, format!("method {name} redefined with different id")),
                Some(_) => {}
                None => self.declare(name, id, DECLARED | METHOD, &span),
            },
            _ => {
                let Some(p) = self.program.as_mut() else {
                    self.err(span, "declaration outside of PROGRAM{");
                    return;
                };
                p.glob_count += 1;
                let id = p.glob_count;
                self.words.insert(name.to_owned(), id);
            }
        }
    }

    /// Converts a Fift argument by its pattern into an encoded operand.
    fn convert(&mut self, pat: &ArgPat, val: Val, at: &Span) -> Option<Arg> {
        let small = |v: &BigInt| v.to_i64();
        let got = match (pat, val) {
            (ArgPat::Stack(off), Val::SReg(v)) => v.checked_sub(*off).map(Arg::Num),
            (ArgPat::Ctrl, Val::CReg(v)) => Some(Arg::Num(v)),
            (ArgPat::Int(off), Val::Int(v)) => small(&v).and_then(|x| x.checked_sub(*off)).map(Arg::Num),
            (ArgPat::Neg, Val::Int(v)) => small(&v).and_then(i64::checked_neg).map(Arg::Num),
            (ArgPat::Mul32, Val::Int(v)) => small(&v).filter(|x| x % 32 == 0).map(|x| Arg::Num(x / 32 - 1)),
            (ArgPat::Ref, Val::Cell(c)) => Some(Arg::Cell(c)),
            (ArgPat::Slice, Val::Slice(c)) => Some(Arg::Slice(c)),
            _ => None,
        };
        if got.is_none() {
            let want = match pat {
                ArgPat::Stack(_) => "a stack register",
                ArgPat::Ctrl => "a control register",
                ArgPat::Ref => "a cell",
                ArgPat::Slice => "a slice",
                ArgPat::Builder => "a code block",
                _ => "an integer in range",
            };
            self.err(at.clone(), format!("expected {want}"));
        }
        got
    }

    /// A mnemonic of the doc.fift table.
    fn generic(&mut self, w: &str, span: Span) {
        if let Some(&(_, op, bits, sreg)) = FIFT_ONLY.iter().find(|(n, ..)| *n == w) {
            let mut fields = vec![(op, bits)];
            if sreg {
                let Some(i) = self.pop_sreg(&span) else { return };
                if !(0..16).contains(&i) {
                    self.err(span, format!("operand s{i} out of range s0..s15"));
                    return;
                }
                fields.push((i as u64, 4));
            }
            return self.add(&raw(&fields), &span);
        }
        let Some(forms) = fift_forms().get(w) else {
            let spec = Spec::get();
            let names = fift_forms()
                .keys()
                .map(String::as_str)
                .chain(BUILTINS.iter().copied())
                .chain(FIFT_ONLY.iter().map(|f| f.0));
            let mut d = Diagnostic::new(span, format!("unknown mnemonic {w}"));
            let big_sreg =
                w.strip_prefix('s').filter(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()));
            if let Some(n) = big_sreg {
                self.diags.push(d.with_hint(format!("Fift names only s0..s15; write `{n} s()`")));
                return;
            }
            // Suggestions cost a scan of every name: only for the first few unknown words.
            self.suggested += 1;
            let hint = if self.suggested <= MAX_SUGGESTIONS { suggest(w, names) } else { None };
            if let Some(s) = hint {
                d = d.with_hint(format!("did you mean {s}?"));
            } else if spec.find(w).is_some() {
                d = d.with_hint("that is a canonical (cp0) name; the Fift dialect uses Asm.fif names");
            }
            self.diags.push(d);
            return;
        };
        let arity = forms[0].args.len();
        if self.stack.len() < arity {
            self.err(span, format!("{w} needs {arity} argument(s)"));
            return;
        }
        let vals: Vec<(Val, Span)> = self.stack.split_off(self.stack.len() - arity);
        let spec = Spec::get();
        let mut first_err = None;
        for form in forms.iter().filter(|f| f.args.len() == arity) {
            let def = &spec.instrs[form.instr];
            let before = self.diags.len();
            let mut args = Vec::new();
            for (pat, (val, at)) in form.args.iter().zip(vals.iter().cloned()) {
                if let Some(a) = self.convert(pat, val, &at) {
                    args.push(a);
                }
            }
            let conv_errs: Vec<Diagnostic> = self.diags.drain(before..).collect();
            if !conv_errs.is_empty() {
                first_err.get_or_insert(conv_errs[0].clone());
                continue;
            }
            // Fixed operands (aliases) go in by name, the rest in order.
            let mut it = args.into_iter();
            let mut full = Vec::new();
            for op in &def.operands {
                let fixed = match op {
                    OperandDef::Uint { name, .. } | OperandDef::Int { name, .. } => {
                        form.fixed.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
                    }
                    _ => None,
                };
                match fixed {
                    Some(v) => full.push(Arg::Num(v)),
                    None => full.extend(it.next()),
                }
            }
            match encode(def, &full) {
                Ok(b) => return self.add(&b, &span),
                Err(e) => {
                    first_err.get_or_insert(Diagnostic::new(span.clone(), format!("{w}: {e}")));
                }
            }
        }
        if let Some(d) = first_err {
            self.diags.push(d);
        }
    }

    fn builtin(&mut self, w: &str, span: Span) {
        let sp = &span;
        match w {
            "include" => {
                self.pop(sp);
            }
            "PROGRAM{" => {
                let mut p = Program::default();
                p.info.insert(0, METHOD);
                p.list.push(("main".to_owned(), 0));
                self.program = Some(p);
                // Asm.fif's `0 =: main`: `main` names procedure 0.
                self.words.insert("main".to_owned(), 0);
            }
            // `}END>cd` also leaves Asm.fif's debug-mark dictionary, which has no part in the code.
            "}END>c" | "}END>s" | "}END>cd" => self.end_program(sp),
            "DECLPROC" | "NEWPROC" | "DECLGLOBVAR" => self.pending_name = Some((kind_name(w), span, 0)),
            "DECLMETHOD" => {
                if let Some(id) = self.pop_small(sp) {
                    self.pending_name = Some(("DECLMETHOD", span, id));
                }
            }
            "PROC:<{" | "PROCREF:<{" | "PROCINLINE:<{" => {
                let Some(id) = self.pop_small(sp) else { return };
                if self.program.as_ref().is_some_and(|p| p.dict.contains_key(&id)) {
                    self.err(span.clone(), "procedure already defined");
                }
                let mode = match w {
                    "PROC:<{" => 1000,
                    "PROCREF:<{" => 0,
                    _ => -1000,
                };
                self.open(Close::Proc { id, mode }, span, 32);
            }
            "<{" => self.open(Close::Plain, span, 0),
            "CONT:<{" => self.open(Close::PushCont, span, 0),
            "IF:<{" => self.open(Close::If { not: false }, span, 0),
            "IFNOT:<{" => self.open(Close::If { not: true }, span, 0),
            "IFJMP:<{" => self.open(Close::ContOp(ContOp::IfJmp), span, 0),
            "IFNOTJMP:<{" => self.open(Close::ContOp(ContOp::IfNotJmp), span, 0),
            "REPEAT:<{" => self.open(Close::PushContThen("REPEAT"), span, 0),
            "UNTIL:<{" => self.open(Close::PushContThen("UNTIL"), span, 0),
            "AGAIN:<{" => self.open(Close::PushContThen("AGAIN"), span, 0),
            "REPEATBRK:<{" => self.open(Close::PushContThen("REPEATBRK"), span, 0),
            "UNTILBRK:<{" => self.open(Close::PushContThen("UNTILBRK"), span, 0),
            "AGAINBRK:<{" => self.open(Close::PushContThen("AGAINBRK"), span, 0),
            "ATEXIT:<{" => self.open(Close::PushContThen("ATEXIT"), span, 0),
            "WHILE:<{" => self.open(Close::While, span, 0),
            "TRY:<{" => self.open(Close::Try, span, 0),
            "}>" => self.end_block(sp),
            "}>IF" | "}>IFNOT" | "}>IFJMP" | "}>IFNOTJMP" => {
                // `<{ ... }>IF`: close a plain block and run Asm.fif's IF-cont on it.
                let Some((close, block, _, _)) = self.close_frame(sp) else { return };
                if !matches!(close, Close::Plain) {
                    self.err(span.clone(), format!("`{w}` closes a block opened with `<{{`"));
                    return;
                }
                let op = match w {
                    "}>IF" => ContOp::If,
                    "}>IFNOT" => ContOp::IfNot,
                    "}>IFJMP" => ContOp::IfJmp,
                    _ => ContOp::IfNotJmp,
                };
                self.cont_op(op, block, sp);
            }
            "DEBUGMARK" | "MARK_LOC" | "MARK_STACK" | "MARK_ENTER_FUN" | "MARK_LEAVE_FUN" | "MARK_VAR"
            | "MARK_SCOPE_START" | "MARK_SCOPE_END" | "MARK_SMART_CAST" | "MARK_LAZY_VAR" | "MARK_SET_GLOB" => {
                // Asm.fif files the mark id under the current offset in its debug
                // table; the code is unchanged.
                self.pop_int(sp);
            }
            "DEBUGSTR" | "DUMPTOSFMT" | "DEBUGSTRI" | "LOGSTR" | "PRINTSTR" => self.debug_str(w, sp),
            "}>c" | "}>s" => {
                if let Some((close, (b, marks), _, open)) = self.close_frame(sp) {
                    if !matches!(close, Close::Plain) {
                        self.err(span.clone(), format!("`{w}` closes a block opened with `<{{`"));
                    }
                    if let Some(c) = self.seal(&b, &marks, sp) {
                        let v = if w == "}>c" { Val::Cell(c) } else { Val::Slice(c) };
                        self.stack.push((v, open.start..span.end));
                    }
                }
            }
            "}>ELSE<{" | "}>ELSE:" => {
                let Some((close, block, _, open)) = self.close_frame(sp) else { return };
                let Close::If { not } = close else {
                    self.err(span, format!("`{w}` must follow IF:<{{ or IFNOT:<{{"));
                    return;
                };
                if w == "}>ELSE:" {
                    self.cont_op(if not { ContOp::IfNotJmp } else { ContOp::IfJmp }, block, sp);
                } else {
                    self.open(Close::IfElse { first: block, not }, open.start..span.end, 0);
                }
            }
            "}>DO<{" | "}>DO:" => {
                let Some((close, block, _, _)) = self.close_frame(sp) else { return };
                if !matches!(close, Close::While) {
                    self.err(span, format!("`{w}` must follow WHILE:<{{"));
                    return;
                }
                self.push_cont(block, sp);
                if w == "}>DO:" {
                    self.emit("WHILEEND", vec![], sp);
                } else {
                    self.open(Close::PushContThen("WHILE"), span, 0);
                }
            }
            "}>CATCH<{" => {
                let Some((close, block, _, _)) = self.close_frame(sp) else { return };
                if !matches!(close, Close::Try) {
                    self.err(span, "`}>CATCH<{` must follow TRY:<{");
                    return;
                }
                self.push_cont(block, sp);
                self.open(Close::PushContThen("TRY"), span, 0);
            }
            "PUSHCONT" | "CONT" => {
                if let Some(b) = self.pop_builder(sp) {
                    self.push_cont(b, sp);
                }
            }
            "PUSHINT" | "INT" => {
                if let Some(v) = self.pop_int(sp) {
                    self.push_int(&v, sp);
                }
            }
            "PUSHINTX" | "INTX" => {
                if let Some(v) = self.pop_int(sp) {
                    self.push_intx(&v, sp);
                }
            }
            "PUSHSLICE" | "SLICE" => {
                if let Some(s) = self.pop_slice(sp) {
                    self.push_slice(s, sp);
                }
            }
            "STSLICECONST" => {
                if let Some(s) = self.pop_slice(sp) {
                    self.st_slice_const(s, sp);
                }
            }
            "SDBEGINS" | "SDBEGINSQ" => {
                if let Some(s) = self.pop_slice(sp) {
                    self.sd_begins(s, w == "SDBEGINSQ", sp);
                }
            }
            "ADDCONST" | "ADDINT" | "SUBCONST" | "SUBINT" | "MULCONST" | "MULINT" | "EQINT" | "LESSINT" | "LEQINT"
            | "GTINT" | "GEQINT" | "NEQINT" => {
                let Some(mut v) = self.pop_int(sp) else { return };
                let (imm, alt) = match w {
                    "ADDCONST" | "ADDINT" => ("ADDCONST", "ADD"),
                    "SUBCONST" | "SUBINT" => {
                        v = -v;
                        ("ADDCONST", "ADD")
                    }
                    "MULCONST" | "MULINT" => ("MULCONST", "MUL"),
                    "EQINT" => ("EQINT", "EQUAL"),
                    "LESSINT" => ("LESSINT", "LESS"),
                    "LEQINT" => {
                        v += 1;
                        ("LESSINT", "LESS")
                    }
                    "GTINT" => ("GTINT", "GREATER"),
                    "GEQINT" => {
                        v -= 1;
                        ("GTINT", "GREATER")
                    }
                    _ => ("NEQINT", "NEQ"),
                };
                if fits_signed(&v, 8) {
                    self.emit(imm, vec![Arg::Num(v.to_i64().unwrap_or(0))], sp);
                } else {
                    self.push_int(&v, sp);
                    self.emit(alt, vec![], sp);
                }
            }
            "CALLDICT" | "CALL" | "JMPDICT" | "JMP" | "PREPAREDICT" | "PREPARE" => {
                if let Some(n) = self.pop_small(sp) {
                    let kind = match w {
                        "CALLDICT" | "CALL" => "CALL",
                        "JMPDICT" | "JMP" => "JMP",
                        _ => "PREPARE",
                    };
                    self.dict_call(kind, n, sp);
                }
            }
            "INLINECALLDICT" | "INLINECALL" => {
                if let Some(n) = self.pop_small(sp) {
                    self.inline_call(n, sp);
                }
            }
            "CALLVAR" | "JMPVAR" | "PREPAREVAR" => {
                self.emit("PUSHCTR", vec![Arg::Num(3)], sp);
                match w {
                    "CALLVAR" => self.emit("EXECUTE", vec![], sp),
                    "JMPVAR" => self.emit("JMPX", vec![], sp),
                    _ => {}
                }
            }
            "THROW" | "THROWIF" | "THROWIFNOT" => {
                if let Some(n) = self.pop_small(sp) {
                    let (short, long) = match w {
                        "THROW" => ("F22_", "F2C4_"),
                        "THROWIF" => ("F26_", "F2D4_"),
                        _ => ("F2A_", "F2E4_"),
                    };
                    self.throw(short, long, n, sp);
                }
            }
            "XCHG" => {
                let (Some(b), Some(a)) = (self.pop_sreg(sp), self.pop_sreg(sp)) else { return };
                if a < 0 || b < 0 {
                    self.err(span, "stack register out of range");
                    return;
                }
                self.xchg(a, b, sp);
            }
            "PUSH" => self.push_pop(false, sp),
            "POP" => self.push_pop(true, sp),
            "s()" => {
                if let Some(i) = self.pop_small(sp) {
                    if (0..=255).contains(&i) {
                        self.stack.push((Val::SReg(i), span));
                    } else {
                        self.err(span, "Invalid stack register number");
                    }
                }
            }
            "ROLL" | "-ROLL" | "ROLLREV" => {
                let Some(n) = self.pop_small(sp) else { return };
                if n != 0 {
                    let (i, j) = if w == "ROLL" { (1, n) } else { (n, 1) };
                    self.emit("BLKSWAP", vec![Arg::Num(i.saturating_sub(1)), Arg::Num(j.saturating_sub(1))], sp);
                }
            }
            "CALLXARGS" | "CALLCCARGS" | "SETCONTARGS" | "BLESSARGS" => {
                let (Some(r), Some(p)) = (self.pop_small(sp), self.pop_small(sp)) else { return };
                let chunk = match w {
                    "CALLXARGS" if r == -1 => raw(&[(0xDB0, 12), (p as u64 & 15, 4)]),
                    "CALLXARGS" => raw(&[(0xDA, 8), (p as u64 & 15, 4), (r as u64 & 15, 4)]),
                    "CALLCCARGS" => raw(&[(0xDB36, 16), (p as u64 & 15, 4), (r as u64 & 15, 4)]),
                    "SETCONTARGS" => raw(&[(0xEC, 8), (p as u64 & 15, 4), (r as u64 & 15, 4)]),
                    _ => raw(&[(0xEE, 8), (p as u64 & 15, 4), (r as u64 & 15, 4)]),
                };
                if !(0..16).contains(&p) || !(-1..16).contains(&r) {
                    self.err(span, format!("{w}: arguments out of range"));
                    return;
                }
                self.add(&chunk, sp);
            }
            "SETNUMARGS" | "BLESSNUMARGS" => {
                let Some(n) = self.pop_small(sp) else { return };
                if !(0..15).contains(&n) {
                    self.err(span, format!("{w}: argument out of range"));
                    return;
                }
                let op = if w == "SETNUMARGS" { 0xEC } else { 0xEE };
                self.add(&raw(&[(op, 8), (0, 4), (n as u64, 4)]), sp);
            }
            "DICTPUSHCONST" => {
                let Some(n) = self.pop_small(sp) else { return };
                let Some(d) = self.pop_cell(sp) else { return };
                self.emit("DICTPUSHCONST", vec![Arg::Cell(d), Arg::Num(n)], sp);
            }
            "SETCP" => {
                let Some(n) = self.pop_small(sp) else { return };
                if !(-14..=239).contains(&n) {
                    self.err(span, "codepage out of range");
                    return;
                }
                self.add(&raw(&[(0xFF, 8), ((n & 255) as u64, 8)]), sp);
            }
            "SETCP0" => self.add(&raw(&[(0xFF00, 16)]), sp),
            "PUSHROOT" => self.emit("PUSHCTR", vec![Arg::Num(4)], sp),
            "POPROOT" => self.emit("POPCTR", vec![Arg::Num(4)], sp),
            "NEWDICT" => self.emit("NULL", vec![], sp),
            "DICTEMPTY" => self.emit("ISNULL", vec![], sp),
            "STDICTS" => self.emit("STSLICE", vec![], sp),
            "<b" => self.stack.push((Val::Builder(CellBuilder::new(), Vec::new()), span)),
            "b>" | "<s" | "s," | "ref," | "u," | "i," | "B>boc" => self.fift_data(w, span),
            _ => self.generic(w, span),
        }
    }

    /// The few Fift data words compilers use to build constants (`<b x{..} s, b> PUSHREF`).
    fn fift_data(&mut self, w: &str, span: Span) {
        let sp = &span;
        match w {
            "b>" => {
                if let Some((b, _)) = self.pop_builder(sp) {
                    match b.build() {
                        Ok(c) => self.stack.push((Val::Cell(c), span)),
                        Err(e) => self.err(span, format!("b>: {e}")),
                    }
                }
            }
            "<s" => {
                if let Some(c) = self.pop_cell(sp) {
                    match c.as_slice().to_cell() {
                        Ok(c) => self.stack.push((Val::Slice(c), span)),
                        Err(e) => self.err(span, format!("<s: {e}")),
                    }
                }
            }
            "B>boc" => match self.pop(sp) {
                Some((Val::Bytes(bytes), _)) => match gram_cells::boc::decode_single(&bytes) {
                    Ok(c) => self.stack.push((Val::Cell(c), span)),
                    Err(e) => self.err(span, format!("B>boc: {e}")),
                },
                Some((_, s)) => self.err(s, "bytes expected (`B{...}`)"),
                None => {}
            },
            _ => {
                let top = match w {
                    "s," => self.pop_slice(sp).map(Val::Slice),
                    "ref," => self.pop_cell(sp).map(Val::Cell),
                    _ => {
                        let bits = self.pop_small(sp);
                        let v = self.pop_int(sp);
                        bits.zip(v).map(|(n, v)| Val::Int(v << 16 | BigInt::from(n)))
                    }
                };
                let Some(top) = top else { return };
                let Some((mut b, marks)) = self.pop_builder(sp) else { return };
                let ok = match top {
                    Val::Slice(s) => b.store_slice(&s.as_slice()).is_ok(),
                    Val::Cell(c) => b.store_reference(c).is_ok(),
                    Val::Int(packed) => {
                        let n = (&packed & BigInt::from(0xFFFF)).to_usize().unwrap_or(0);
                        let v: BigInt = packed >> 16;
                        if w == "u," {
                            !v.is_negative()
                                && v.bits() as usize <= n
                                && b.store_big_uint(&v.magnitude().clone(), n).is_ok()
                        } else {
                            b.store_big_int(&v, n).is_ok()
                        }
                    }
                    _ => false,
                };
                if ok {
                    self.stack.push((Val::Builder(b, marks), span));
                } else {
                    self.err(span, format!("`{w}`: does not fit in the builder"));
                }
            }
        }
    }

    /// `"text" DEBUGSTR` (also `DUMPTOSFMT`): `FEF n text` with n = length - 1;
    /// `"text" i DEBUGSTRI` (`LOGSTR` is i = 0, `PRINTSTR` i = 1): `FEF n i text`
    /// with n = length, the selector byte counting as the first byte.
    fn debug_str(&mut self, w: &str, span: &Span) {
        let selector = match w {
            "LOGSTR" => Some(0),
            "PRINTSTR" => Some(1),
            "DEBUGSTRI" => match self.pop_small(span) {
                Some(i) => Some(i),
                None => return,
            },
            _ => None,
        };
        let text = match self.pop(span) {
            Some((Val::Str(t), _)) => t,
            Some((_, at)) => return self.err(at, format!("`{w}` takes a string (\"...\")")),
            None => return,
        };
        let payload = text.len() + usize::from(selector.is_some());
        if !(1..=16).contains(&payload) {
            let max = if selector.is_some() { 15 } else { 16 };
            let min = if selector.is_some() { 0 } else { 1 };
            return self.err(span.clone(), format!("`{w}`: string of {} bytes, {min} to {max} allowed", text.len()));
        }
        let mut b = raw(&[pfx("FEF"), ((payload - 1) as u64, 4)]);
        if let Some(i) = selector {
            if !(0..=255).contains(&i) {
                return self.err(span.clone(), format!("operand {i} out of range 0..255"));
            }
            let _ = b.store_uint(i as u64, 8);
        }
        // At most 16 bytes after 16 bits: always fits.
        let _ = b.store_raw(&text, text.len() * 8);
        self.add(&b, span);
    }

    fn finish(mut self, src_len: usize) -> Result<Assembled, AsmError> {
        if let Some((kind, span, _)) = self.pending_name.take() {
            self.err(span, format!("{kind} needs a name"));
        }
        while let Some(f) = self.frames.pop() {
            self.diags.push(Diagnostic::new(f.span, "block is never closed").with_hint("close it with `}>`"));
        }
        if self.program.is_some() {
            self.diags
                .push(Diagnostic::new(0..src_len.min(8), "PROGRAM{ is never closed").with_hint("end it with `}END>c`"));
        }
        let cell = self.result.take().or_else(|| match self.stack.last() {
            Some((Val::Cell(c), _)) => Some(c.clone()),
            _ => None,
        });
        if !self.diags.is_empty() {
            self.diags.sort_by_key(|d| d.span.start);
            return Err(AsmError(self.diags));
        }
        match cell {
            Some(cell) => Ok(Assembled { cell, debug: self.debug }),
            None => Err(AsmError(vec![Diagnostic::new(0..src_len.min(1), "no code produced")
                .with_hint("a Fift assembly file ends with `}END>c` (a program) or `}>c` (a block)")])),
        }
    }
}

fn kind_name(w: &str) -> &'static str {
    match w {
        "DECLPROC" => "DECLPROC",
        "NEWPROC" => "NEWPROC",
        _ => "DECLGLOBVAR",
    }
}

/// Words handled by [`Fift::builtin`], for "did you mean" hints.
const BUILTINS: &[&str] = &[
    "PROGRAM{",
    "}END>c",
    "}END>cd",
    "DECLPROC",
    "DECLMETHOD",
    "DECLGLOBVAR",
    "PROC:<{",
    "PROCREF:<{",
    "PROCINLINE:<{",
    "<{",
    "}>",
    "}>c",
    "}>s",
    "CONT:<{",
    "IF:<{",
    "IFNOT:<{",
    "IFJMP:<{",
    "IFNOTJMP:<{",
    "REPEAT:<{",
    "UNTIL:<{",
    "AGAIN:<{",
    "WHILE:<{",
    "TRY:<{",
    "}>ELSE<{",
    "}>IF",
    "}>IFNOT",
    "}>IFJMP",
    "}>IFNOTJMP",
    "DEBUGMARK",
    "DEBUGSTR",
    "DEBUGSTRI",
    "LOGSTR",
    "PRINTSTR",
    "DUMPTOSFMT",
    "}>DO<{",
    "}>CATCH<{",
    "PUSHCONT",
    "PUSHINT",
    "PUSHINTX",
    "PUSHSLICE",
    "STSLICECONST",
    "SDBEGINS",
    "SDBEGINSQ",
    "ADDCONST",
    "SUBCONST",
    "MULCONST",
    "EQINT",
    "LESSINT",
    "LEQINT",
    "GTINT",
    "GEQINT",
    "NEQINT",
    "CALLDICT",
    "JMPDICT",
    "PREPAREDICT",
    "INLINECALLDICT",
    "CALLVAR",
    "JMPVAR",
    "THROW",
    "THROWIF",
    "THROWIFNOT",
    "XCHG",
    "PUSH",
    "POP",
    "ROLL",
    "-ROLL",
    "CALLXARGS",
    "CALLCCARGS",
    "SETCONTARGS",
    "BLESSARGS",
    "SETNUMARGS",
    "BLESSNUMARGS",
    "DICTPUSHCONST",
    "SETCP",
    "SETCP0",
    "NEWDICT",
];

impl Default for Fift {
    fn default() -> Self {
        let words = [
            ("recv_internal", 0),
            ("recv_external", -1),
            ("run_ticktock", -2),
            ("split_prepare", -3),
            ("split_install", -4),
        ]
        .into_iter()
        .map(|(n, v)| (n.to_owned(), v))
        .collect();
        Fift {
            stack: Vec::new(),
            frames: Vec::new(),
            words,
            program: None,
            diags: Vec::new(),
            debug: DebugTable::default(),
            result: None,
            pending_name: None,
            suggested: 0,
        }
    }
}
