//! Fift-assembler mnemonics that map directly to one instruction: taken from
//! the `doc.fift` syntax lines of cp0.json (`[cc+1] RSHIFT#`, `s[i] s[j-1] PUXC`,
//! `c[i] PUSHCTR`) and its aliases (`SWAP`, `NOW`, `INMSG_BOUNCED`). Each
//! argument pattern says how a Fift argument becomes an encoded operand.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::spec::{OperandDef, Spec};

/// How one Fift argument becomes an encoded operand value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArgPat {
    /// A stack register; encoded = value - offset.
    Stack(i64),
    /// A control register.
    Ctrl,
    /// An integer; encoded = value - offset.
    Int(i64),
    /// An integer; encoded = -value.
    Neg,
    /// An integer 32 * (c + 1); encoded = value / 32 - 1.
    Mul32,
    /// A cell (ref operand).
    Ref,
    /// A slice (subslice operand).
    Slice,
    /// A builder (continuation subslice).
    Builder,
}

/// One way to write an instruction in Fift.
#[derive(Clone, Debug)]
pub struct FiftForm {
    /// Index into [`Spec::instrs`].
    pub instr: usize,
    /// Arguments taken from the Fift stack, in push order.
    pub args: Vec<ArgPat>,
    /// Encoded operand values fixed by the mnemonic (aliases), by operand name.
    pub fixed: Vec<(String, i64)>,
}

/// Parses `name`, `name+k`, `name-k`, `-name`, `32(name+1)` into a pattern.
fn int_pattern(expr: &str) -> Option<ArgPat> {
    if expr.starts_with("32(") {
        return Some(ArgPat::Mul32);
    }
    if let Some(rest) = expr.strip_prefix('-') {
        return rest.chars().all(|c| c.is_ascii_alphabetic()).then_some(ArgPat::Neg);
    }
    if let Some((_, k)) = expr.split_once('+') {
        return Some(ArgPat::Int(k.parse::<i64>().ok()?));
    }
    if let Some((_, k)) = expr.split_once('-') {
        return Some(ArgPat::Int(-k.parse::<i64>().ok()?));
    }
    expr.chars().all(|c| c.is_ascii_alphabetic()).then_some(ArgPat::Int(0))
}

fn arg_pattern(token: &str) -> Option<ArgPat> {
    if let Some(inner) = token.strip_prefix("s[").and_then(|t| t.strip_suffix(']')) {
        return match int_pattern(inner)? {
            ArgPat::Int(off) => Some(ArgPat::Stack(off)),
            _ => None,
        };
    }
    if token.starts_with("c[") {
        return Some(ArgPat::Ctrl);
    }
    let inner = token.strip_prefix('[')?.strip_suffix(']')?;
    match inner {
        "ref" => Some(ArgPat::Ref),
        "slice" => Some(ArgPat::Slice),
        "builder" => Some(ArgPat::Builder),
        _ => int_pattern(inner),
    }
}

fn build() -> HashMap<String, Vec<FiftForm>> {
    let spec = Spec::get();
    let mut table: HashMap<String, Vec<FiftForm>> = HashMap::new();
    // cp0.json entries first; errata additions only under names nothing else uses.
    let mut order: Vec<usize> = (0..spec.instrs.len()).collect();
    order.sort_by_key(|&i| spec.instrs[i].from_errata);
    for index in order {
        let def = &spec.instrs[index];
        for line in &def.fift {
            let words: Vec<&str> = line.split_whitespace().collect();
            let Some((name, args)) = words.split_last() else { continue };
            let Some(mut args) = args.iter().map(|a| arg_pattern(a)).collect::<Option<Vec<_>>>() else { continue };
            // Some lines name the instruction without its operands (`MULRSHIFT#MOD`,
            // `SETCONTMANY`): the operands are then written as integers, shifted by the display offset.
            if args.is_empty() && !def.operands.is_empty() {
                args = def
                    .operands
                    .iter()
                    .map(|o| match o {
                        OperandDef::Uint { hint, .. } if hint.stack => ArgPat::Stack(hint.add),
                        OperandDef::Uint { hint, .. } => ArgPat::Int(hint.add),
                        _ => ArgPat::Int(0),
                    })
                    .collect();
            }
            if args.len() != def.operands.len() {
                continue;
            }
            let kinds_match = args.iter().zip(&def.operands).all(|(a, o)| match a {
                ArgPat::Ref => matches!(o, OperandDef::Ref { .. }),
                ArgPat::Slice | ArgPat::Builder => matches!(o, OperandDef::Subslice { .. }),
                _ => matches!(o, OperandDef::Uint { .. } | OperandDef::Int { .. } | OperandDef::PushIntLong),
            });
            if def.from_errata && table.contains_key(*name) {
                continue;
            }
            if kinds_match {
                table.entry(name.to_string()).or_default().push(FiftForm { instr: index, args, fixed: Vec::new() });
            }
        }
    }
    // Asm.fif writes the stack-argument forms without cp0's `_VAR` suffix.
    for (index, def) in spec.instrs.iter().enumerate() {
        if let Some(base) = def.mnemonic.strip_suffix("_VAR") {
            if def.operands.is_empty() && !table.contains_key(base) {
                table.insert(base.to_owned(), vec![FiftForm { instr: index, args: Vec::new(), fixed: Vec::new() }]);
            }
        }
    }
    for alias in &spec.aliases {
        let def = &spec.instrs[alias.target];
        if alias.operands.len() == def.operands.len() {
            table.entry(alias.mnemonic.clone()).or_default().push(FiftForm {
                instr: alias.target,
                args: Vec::new(),
                fixed: alias.operands.clone(),
            });
        }
    }
    table
}

/// The Fift forms by mnemonic (built once).
pub fn fift_forms() -> &'static HashMap<String, Vec<FiftForm>> {
    static TABLE: OnceLock<HashMap<String, Vec<FiftForm>>> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// Asm.fif names for which cp0.json has no syntax line of their own (mostly
/// second names of one opcode, and the debug primitives that cp0.json folds
/// into `DEBUG`): opcode value, its width, and whether a 4-bit stack register follows.
pub const FIFT_ONLY: &[(&str, u64, usize, bool)] = &[
    ("2ROT", 0x5513, 16, false),
    ("ROT2", 0x5513, 16, false),
    ("CONS", 0x6F02, 16, false),
    ("CAR", 0x6F10, 16, false),
    ("CDR", 0x6F11, 16, false),
    ("UNCONS", 0x6F22, 16, false),
    ("CARQ", 0x6F60, 16, false),
    ("CDRQ", 0x6F61, 16, false),
    ("FALSE", 0x70, 8, false),
    ("ZERO", 0x70, 8, false),
    ("ISNZERO", 0xC300, 16, false),
    ("DUMPSTK", 0xFE00, 16, false),
    ("HEXDUMP", 0xFE10, 16, false),
    ("HEXPRINT", 0xFE11, 16, false),
    ("BINDUMP", 0xFE12, 16, false),
    ("BINPRINT", 0xFE13, 16, false),
    ("STRDUMP", 0xFE14, 16, false),
    ("STRPRINT", 0xFE15, 16, false),
    ("DEBUGOFF", 0xFE1E, 16, false),
    ("DEBUGON", 0xFE1F, 16, false),
    ("LOGFLUSH", 0xFEF000, 24, false),
    ("DUMP", 0xFE2, 12, true),
    ("PRINT", 0xFE3, 12, true),
];
