//! Canonical syntax to cells. Each block becomes one cell when its content
//! fits; a block that does not fit is split with the Fift assembler's rule
//! (continue in a new cell referenced from the end of the full one).

use std::ops::Range;

use gram_cells::dict::{DictKey, DictValue, Dictionary, NoGas, SetMode};
use gram_cells::{Cell, CellBuilder};
use num_bigint::BigInt;

use crate::error::{suggest, AsmError, Diagnostic};
use crate::instr::{display_value, encode, encoded_value, small, Arg};
use crate::layout::{BlockBuilder, DebugTable};
use crate::spec::{Hint, InstrDef, OperandDef, Spec};
use crate::syntax::{parse, Block, Item, Operand, SliceLit};

/// The result of assembling: the code cell and its debug side table.
#[derive(Clone, Debug)]
pub struct Assembled {
    /// Root code cell.
    pub cell: Cell,
    /// Code position to source position.
    pub debug: DebugTable,
}

/// Assembles canonical source text (see `SYNTAX.md`).
pub fn assemble(src: &str) -> Result<Assembled, AsmError> {
    let mut diags = Vec::new();
    let block = parse(src, &mut diags);
    let mut asm = Canonical { diags, debug: DebugTable::default(), suggested: 0 };
    let cell = asm.block_cell(&block);
    let mut diags = asm.diags;
    diags.sort_by_key(|d| d.span.start);
    match cell {
        Some(cell) if diags.is_empty() => {
            let mut debug = asm.debug;
            debug.resolve_inline(&cell);
            Ok(Assembled { cell, debug })
        }
        _ => {
            if diags.is_empty() {
                diags.push(Diagnostic::new(block.span, "assembly failed"));
            }
            Err(AsmError(diags))
        }
    }
}

/// A slice literal as a cell (bits only).
pub(crate) fn slice_cell(lit: &SliceLit, refs: &[Cell]) -> Option<Cell> {
    Cell::new(&lit.data, lit.bits, refs, false).ok()
}

enum Chunk {
    Code(CellBuilder, Range<usize>),
    Ref(Cell),
}

struct Canonical {
    diags: Vec<Diagnostic>,
    debug: DebugTable,
    suggested: usize,
}

/// The range of shown values of an integer operand, for messages.
pub(crate) fn shown_range(hint: &Hint, min: i64, max: i64) -> (i64, i64) {
    if hint.pushint4 {
        (-5, 10)
    } else if hint.optional_nargs {
        (-1, display_value(hint, max - 1))
    } else {
        (display_value(hint, min), display_value(hint, max))
    }
}

impl Canonical {
    fn err(&mut self, span: Range<usize>, msg: impl Into<String>) {
        self.diags.push(Diagnostic::new(span, msg));
    }

    /// A block as one cell (split when it does not fit); `None` after errors.
    fn block_cell(&mut self, block: &Block) -> Option<Cell> {
        let before = self.diags.len();
        let mut exotic = false;
        let mut chunks = Vec::new();
        for item in &block.items {
            match item {
                Item::Instr { name, span, operands } => {
                    if let Some(b) = self.instr(name, span.clone(), operands) {
                        chunks.push(Chunk::Code(b, span.clone()));
                    }
                }
                Item::Bits(lit, span) => {
                    let mut b = CellBuilder::new();
                    if b.store_raw(&lit.data, lit.bits).is_err() {
                        self.err(span.clone(), "slice literal longer than a cell");
                    } else {
                        chunks.push(Chunk::Code(b, span.clone()));
                    }
                }
                Item::Ref(inner) => {
                    if let Some(c) = self.block_cell(inner) {
                        chunks.push(Chunk::Ref(c));
                    }
                }
                Item::Exotic(_) => exotic = true,
            }
        }
        if self.diags.len() > before {
            return None;
        }
        let total_bits: usize = chunks.iter().map(|c| if let Chunk::Code(b, _) = c { b.bit_len() } else { 0 }).sum();
        let total_refs: usize = chunks.iter().map(|c| if let Chunk::Code(b, _) = c { b.ref_count() } else { 1 }).sum();
        let mut out = BlockBuilder::new();
        if exotic {
            out.set_exotic();
        }
        let single = total_bits <= gram_cells::MAX_BITS && total_refs <= gram_cells::MAX_REFS;
        for chunk in &chunks {
            let placed = match chunk {
                Chunk::Code(b, span) if single => out.append(b, Some(span.clone())),
                Chunk::Code(b, span) => out.append_fitting(b, Some(span.clone())),
                Chunk::Ref(c) => {
                    let mut b = CellBuilder::new();
                    let _ = b.store_reference(c.clone());
                    if single {
                        out.append(&b, None)
                    } else {
                        out.append_fitting(&b, None)
                    }
                }
            };
            if placed.is_err() {
                self.err(block.span.clone(), "block does not fit in cells");
                return None;
            }
        }
        match out.finish(&mut self.debug) {
            Ok(c) => Some(c),
            Err(e) => {
                self.err(block.span.clone(), format!("cannot build the cell: {e}"));
                None
            }
        }
    }

    /// One instruction, encoded.
    fn instr(&mut self, name: &str, span: Range<usize>, operands: &[Operand]) -> Option<CellBuilder> {
        let spec = Spec::get();
        let (def, fixed): (&InstrDef, Vec<(String, i64)>) = if let Some(i) = spec.find(name) {
            (&spec.instrs[i], Vec::new())
        } else if let Some(a) = spec.find_alias(name) {
            (&spec.instrs[a.target], a.operands.clone())
        } else {
            // Fift-dialect words (`PUSHINT`, `XCHG`) are candidates too: they point to
            // the canonical instructions written that way in Fift.
            let forms = crate::fift_words::fift_forms();
            let names = spec
                .instrs
                .iter()
                .map(|d| d.mnemonic.as_str())
                .chain(spec.aliases.iter().map(|a| a.mnemonic.as_str()))
                .chain(forms.keys().map(String::as_str));
            let mut d = Diagnostic::new(span, format!("unknown mnemonic {name}"));
            // Suggestions cost a scan of every name: only for the first few unknown words.
            self.suggested += 1;
            let hint = if self.suggested <= crate::fift::MAX_SUGGESTIONS { suggest(name, names) } else { None };
            if let Some(s) = hint {
                let canonical: Vec<&str> = match forms.get(s) {
                    Some(list) if spec.find(s).is_none() && spec.find_alias(s).is_none() => {
                        let mut v: Vec<&str> = list.iter().map(|f| spec.instrs[f.instr].mnemonic.as_str()).collect();
                        v.dedup();
                        v
                    }
                    _ => vec![s],
                };
                let text = match canonical.split_last() {
                    Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
                    _ => canonical.join(""),
                };
                let note = if canonical != [s] { format!(" (`{s}` in the Fift dialect)") } else { String::new() };
                d = d.with_hint(format!("did you mean {text}?{note}"));
            }
            self.diags.push(d);
            return None;
        };
        let args = self.args(def, &fixed, span.clone(), operands)?;
        match encode(def, &args) {
            Ok(b) => Some(b),
            Err(e) => {
                self.err(span, format!("{}: {e}", def.mnemonic));
                None
            }
        }
    }

    /// Matches written operands to the instruction's operand layout.
    fn args(
        &mut self,
        def: &InstrDef,
        fixed: &[(String, i64)],
        span: Range<usize>,
        ops: &[Operand],
    ) -> Option<Vec<Arg>> {
        let before = self.diags.len();
        let mut it = ops.iter().peekable();
        let mut args = Vec::new();
        let mut dict_at = None;
        let usage = usage(def);
        for od in &def.operands {
            if let OperandDef::Uint { name, .. } = od {
                if let Some((_, v)) = fixed.iter().find(|(n, _)| n == name) {
                    args.push(Arg::Num(*v));
                    continue;
                }
            }
            let Some(op) = it.next() else {
                self.diags.push(
                    Diagnostic::new(
                        span.clone(),
                        format!("{} needs {} operand(s)", def.mnemonic, def.operands.len() - fixed.len()),
                    )
                    .with_hint(format!("usage: {usage}")),
                );
                return None;
            };
            let arg = match (od, op) {
                (OperandDef::Uint { min, max, hint, .. }, op) => {
                    let shown = match (op, hint.stack, hint.register) {
                        (Operand::Stack(v, _), true, _) | (Operand::Ctrl(v, _), false, true) => Some(*v),
                        (Operand::Int(v, _), false, false) => small(v),
                        _ => {
                            self.wrong(op, def, &usage);
                            continue;
                        }
                    };
                    let (lo, hi) = shown_range(hint, *min, *max);
                    match shown.and_then(|v| encoded_value(hint, v)) {
                        Some(e) if e >= *min && e <= *max => Arg::Num(e),
                        _ => {
                            let text = match op {
                                Operand::Int(v, _) => v.to_string(),
                                Operand::Stack(v, _) => format!("s{v}"),
                                Operand::Ctrl(v, _) => format!("c{v}"),
                                _ => String::new(),
                            };
                            self.err(op.span(), format!("operand {text} out of range {lo}..{hi}"));
                            continue;
                        }
                    }
                }
                (OperandDef::Int { size, .. }, Operand::Int(v, s)) => {
                    let lim = 1i64 << (size - 1);
                    match small(v) {
                        Some(x) if x >= -lim && x < lim => Arg::Num(x),
                        _ => {
                            self.err(s.clone(), format!("operand {v} out of range {}..{}", -lim, lim - 1));
                            continue;
                        }
                    }
                }
                (OperandDef::PushIntLong, Operand::Int(v, s)) => {
                    let limit = BigInt::from(1) << 256;
                    if *v >= limit || *v < -limit.clone() {
                        self.err(s.clone(), "integer does not fit in 257 bits");
                        continue;
                    }
                    Arg::Big(v.clone())
                }
                (OperandDef::Ref { hint }, Operand::Dict(..)) if hint.dictionary => {
                    dict_at = Some((args.len(), op));
                    Arg::Num(0)
                }
                (OperandDef::Ref { .. }, Operand::Block(b)) => match self.block_cell(b) {
                    Some(c) => Arg::Cell(c),
                    None => continue,
                },
                (OperandDef::Subslice { hint, .. }, Operand::Block(b)) if hint.continuation => match self.block_cell(b)
                {
                    Some(c) => Arg::Slice(c),
                    None => continue,
                },
                (OperandDef::Subslice { hint, .. }, Operand::Slice(lit, s)) if !hint.continuation => {
                    let mut refs = Vec::new();
                    while let Some(Operand::Block(b)) = it.peek() {
                        it.next();
                        if let Some(c) = self.block_cell(b) {
                            refs.push(c);
                        }
                    }
                    match slice_cell(lit, &refs) {
                        Some(c) => Arg::Slice(c),
                        None => {
                            self.err(s.clone(), "slice with more than 4 refs");
                            continue;
                        }
                    }
                }
                (_, op) => {
                    self.wrong(op, def, &usage);
                    continue;
                }
            };
            args.push(arg);
        }
        if let Some(extra) = it.next() {
            self.diags.push(
                Diagnostic::new(extra.span(), format!("too many operands for {}", def.mnemonic))
                    .with_hint(format!("usage: {usage}")),
            );
        }
        if self.diags.len() > before {
            return None;
        }
        if let Some((at, Operand::Dict(entries, s))) = dict_at {
            let key_bits = args
                .iter()
                .enumerate()
                .find_map(|(i, a)| if let (false, Arg::Num(n)) = (i == at, a) { Some(*n) } else { None })
                .unwrap_or(0);
            let root = self.dict(entries, key_bits as usize, s.clone())?;
            args[at] = Arg::Cell(root);
        }
        Some(args)
    }

    fn wrong(&mut self, op: &Operand, def: &InstrDef, usage: &str) {
        self.diags.push(
            Diagnostic::new(op.span(), format!("wrong kind of operand for {}", def.mnemonic))
                .with_hint(format!("usage: {usage}")),
        );
    }

    /// Builds a dictionary of code slices with signed `key_bits`-bit keys.
    fn dict(&mut self, entries: &[(BigInt, Block)], key_bits: usize, span: Range<usize>) -> Option<Cell> {
        let mut dict = match Dictionary::new(key_bits) {
            Ok(d) => d,
            Err(_) => {
                self.err(span, "bad dictionary key length");
                return None;
            }
        };
        for (key, block) in entries {
            let value = self.block_cell(block)?;
            let Some(k) = DictKey::from_big_int(key, key_bits, true) else {
                self.err(block.span.clone(), format!("key {key} does not fit in {key_bits} signed bits"));
                return None;
            };
            let slice = value.as_slice();
            if dict.set(&k, DictValue::Slice(&slice), SetMode::Set, &mut NoGas).is_err() {
                self.err(block.span.clone(), format!("value of key {key} does not fit in a dictionary cell"));
                return None;
            }
        }
        match dict.into_root() {
            Some(root) => Some(root),
            None => {
                self.err(span, "empty dictionary: use NULL (PUSHNULL) instead");
                None
            }
        }
    }
}

/// `MNEMONIC <operand kinds>` for hints.
pub(crate) fn usage(def: &InstrDef) -> String {
    let mut out = def.mnemonic.clone();
    for op in &def.operands {
        out.push(' ');
        out.push_str(&match op {
            OperandDef::Uint { name, min, max, hint, .. } => {
                let (lo, hi) = shown_range(hint, *min, *max);
                if hint.stack {
                    format!("s<{lo}..{hi}>")
                } else if hint.register {
                    format!("c<{lo}..{hi}>")
                } else {
                    format!("<{name}: {lo}..{hi}>")
                }
            }
            OperandDef::Int { name, size } => format!("<{name}: int{size}>"),
            OperandDef::Ref { hint } if hint.dictionary => "dict { KEY => { ... } }".to_owned(),
            OperandDef::Ref { .. } => "{ ... }".to_owned(),
            OperandDef::PushIntLong => "<integer>".to_owned(),
            OperandDef::Subslice { hint, .. } if hint.continuation => "{ ... }".to_owned(),
            OperandDef::Subslice { refs_bits, .. } if *refs_bits > 0 => "x{...} [{ ... }...]".to_owned(),
            OperandDef::Subslice { .. } => "x{...}".to_owned(),
        });
    }
    out
}
