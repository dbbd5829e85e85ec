//! Pre-decoded code. A window of a code cell is decoded once into an array
//! of instructions (handler, operands, fixed gas, position); execution then
//! walks the array. Programs are cached by cell hash and window.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::rc::Rc;

use gram_cells::dict::{Dictionary, NoGas};
use gram_cells::{Cell, CellSlice, HashBytes};

use crate::error::{excno, Exec};
use crate::int257::Int257;
use crate::table::Table;
use crate::vm::{CellHashHasher, Vm};

/// An instruction handler.
pub type ExecFn = fn(&mut Vm, &Instr) -> Exec;

/// One decoded instruction.
#[derive(Clone, Copy)]
pub struct Instr {
    /// Handler.
    pub exec: ExecFn,
    /// Gas charged before the handler runs (10 + fixed bits).
    pub gas: u16,
    /// Bit position of the instruction in the code cell.
    pub bit_pos: u16,
    /// Refs of the code window used before this instruction.
    pub ref_pos: u8,
    /// Opcode plus inline arguments, right-aligned (what the reference passes to `exec`).
    pub args: u32,
    /// Decoder output: an index into `Program::consts`, or a decoded value.
    pub imm: u32,
}

/// A constant an instruction refers to (big integers, slices, refs, code).
#[derive(Clone, Debug)]
pub enum Const {
    Int(Int257),
    Slice(CellSlice),
    Cell(Cell),
    /// Inline code (a `PUSHCONT` body), decoded on first use.
    Code(CellSlice, std::cell::OnceCell<Rc<Program>>),
}

/// A decoded window of code.
pub struct Program {
    /// The code window as the reference's code slice sees it.
    pub window: CellSlice,
    /// Instructions in order; the last one ends the window (implicit RET,
    /// implicit JMPREF, or an instruction that always throws).
    pub instrs: Box<[Instr]>,
    /// Constants referenced by `Instr::imm`.
    pub consts: Box<[Const]>,
    /// The 24-bit opcode (zero-padded) that stopped decoding because no
    /// instruction has it, if any.
    pub unknown_opcode: Option<u32>,
}

/// A position in code: the program and the index of the next instruction.
#[derive(Clone)]
pub struct Code {
    pub prog: Rc<Program>,
    pub pc: u32,
}

impl std::fmt::Debug for Program {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Program({:?}, {} instrs)", self.window, self.instrs.len())
    }
}

impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Code({:?} @ {})", self.slice(), self.pc)
    }
}

impl Code {
    /// The code still to run, as a slice of the code cell.
    pub fn slice(&self) -> CellSlice {
        self.slice_at(self.pc as usize)
    }

    /// The code from instruction `index` on, as a slice of the code cell.
    pub fn slice_at(&self, index: usize) -> CellSlice {
        let w = &self.prog.window;
        let (bit, refs) = match self.prog.instrs.get(index) {
            Some(i) => (i.bit_pos as usize, w.ref_offset() + i.ref_pos as usize),
            None => (w.bit_end(), w.ref_end()),
        };
        CellSlice::with_window(w.cell().clone(), bit..w.bit_end(), refs..w.ref_end())
            .expect("instruction positions lie inside the window")
    }
}

/// What a decoder sees: the code after the instruction's fixed part.
pub struct DecodeCtx<'a> {
    /// Remaining code; decoders advance it past what they read.
    pub code: &'a mut CellSlice,
    consts: &'a mut Vec<Const>,
}

impl DecodeCtx<'_> {
    /// Stores a constant and returns its index for `Instr::imm`.
    pub fn add_const(&mut self, c: Const) -> u32 {
        self.consts.push(c);
        (self.consts.len() - 1) as u32
    }
}

/// Handler for opcodes with no table entry, disabled by version, or cut short.
fn exec_invalid_opcode(_: &mut Vm, _: &Instr) -> Exec {
    Err(crate::error::Trap::exc(excno::INVALID_OPCODE))
}

/// Handler for a decode failure; the exception number sits in `imm`.
fn exec_decode_failure(_: &mut Vm, ins: &Instr) -> Exec {
    Err(crate::error::Trap::exc(ins.imm as i32))
}

/// Decodes a code window into a program.
pub fn decode(window: CellSlice, table: &Table, version: u32) -> Program {
    let mut code = window.clone();
    let mut instrs = Vec::new();
    let mut consts = Vec::new();
    let base_refs = window.ref_offset();
    let mut unknown_opcode = None;
    loop {
        let bit_pos = code.bit_offset() as u16;
        let ref_pos = (code.ref_offset() - base_refs) as u8;
        let mut ins = Instr { exec: exec_invalid_opcode, gas: 0, bit_pos, ref_pos, args: 0, imm: 0 };
        let available = code.remaining_bits().min(24);
        if available == 0 {
            ins.exec =
                if code.remaining_refs() > 0 { crate::vm::exec_implicit_jmpref } else { crate::vm::exec_implicit_ret };
            instrs.push(ins);
            break;
        }
        let opcode = (code.preload_uint(available).unwrap_or(0) as u32) << (24 - available);
        let Some(def) = table.lookup(opcode).filter(|d| d.since <= version) else {
            if table.lookup(opcode).is_none() {
                unknown_opcode = Some(opcode);
            }
            ins.gas = 10;
            instrs.push(ins);
            break;
        };
        ins.gas = 10 + def.tot_bits as u16;
        if available < def.tot_bits as usize {
            instrs.push(ins);
            break;
        }
        ins.args = opcode >> (24 - def.tot_bits as u32);
        let _ = code.skip_bits(def.tot_bits as usize);
        ins.exec = def.exec;
        if let Some(decode_operands) = def.decode {
            let mut ctx = DecodeCtx { code: &mut code, consts: &mut consts };
            match decode_operands(&mut ctx, ins.args) {
                Ok(imm) => ins.imm = imm,
                Err(exc) => {
                    ins.exec = exec_decode_failure;
                    ins.imm = exc as u32;
                    instrs.push(ins);
                    break;
                }
            }
        }
        instrs.push(ins);
    }
    Program { window, instrs: instrs.into_boxed_slice(), consts: consts.into_boxed_slice(), unknown_opcode }
}

/// Instructions whose refs are code (continuations run from the ref).
/// Refs of every other instruction (`PUSHREF`, `STREFCONST`, `DICTPUSHCONST`,
/// slice constants...) are data and are not decoded as code.
pub const CODE_REF_MNEMONICS: &[&str] = &[
    "PUSHREFCONT",
    "CALLREF",
    "JMPREF",
    "JMPREFDATA",
    "IFREF",
    "IFNOTREF",
    "IFJMPREF",
    "IFNOTJMPREF",
    "IFREFELSE",
    "IFELSEREF",
    "IFREFELSEREF",
    "IFBITJMPREF",
    "IFNBITJMPREF",
];

impl Program {
    /// The table entry of one of this program's instructions, if it has one.
    pub fn def_of(&self, ins: &Instr) -> Option<&'static crate::table::OpDef> {
        let w = &self.window;
        let at = ins.bit_pos as usize;
        let available = (w.bit_end() - at).min(24);
        if available == 0 {
            return None;
        }
        let bits = gram_cells::bits::read_u64(w.cell().data_buffer(), at, available as u32) as u32;
        Table::cp0().lookup(bits << (24 - available))
    }
}

/// The refs of a program's window that are run as code: those of
/// continuation-from-ref instructions and the implicit JMPREF at the end.
fn code_refs(prog: &Program) -> Vec<Cell> {
    let w = &prog.window;
    let cell = w.cell();
    let ref_at = |pos: u8| cell.reference(w.ref_offset() + pos as usize).cloned();
    let mut refs = Vec::new();
    for pair in prog.instrs.windows(2) {
        let (ins, next) = (&pair[0], &pair[1]);
        if prog.def_of(ins).is_some_and(|d| CODE_REF_MNEMONICS.contains(&d.name)) {
            refs.extend((ins.ref_pos..next.ref_pos).filter_map(ref_at));
        }
    }
    implicit_jmpref(prog, &mut refs);
    refs
}

/// The method bodies of the `DICTPUSHCONST` dictionaries in a program (the
/// values of a method dictionary are code).
fn dict_const_code(prog: &Program) -> Vec<CellSlice> {
    let w = &prog.window;
    let mut bodies = Vec::new();
    for ins in prog.instrs.iter() {
        if prog.def_of(ins).is_none_or(|d| d.name != "DICTPUSHCONST") {
            continue;
        }
        let Some(root) = w.cell().reference(w.ref_offset() + ins.ref_pos as usize) else { continue };
        let Ok(dict) = Dictionary::with_root(Some(root.clone()), (ins.args & 0x3ff) as usize) else { continue };
        bodies.extend(dict.iter(false, false, &mut NoGas).map_while(Result::ok).map(|(_, value)| value));
    }
    bodies
}

fn implicit_jmpref(prog: &Program, refs: &mut Vec<Cell>) {
    let w = &prog.window;
    let ref_at = |pos: u8| w.cell().reference(w.ref_offset() + pos as usize).cloned();
    if let Some(last) = prog.instrs.last() {
        let bits_left = w.bit_end() > last.bit_pos as usize;
        if !bits_left {
            refs.extend(ref_at(last.ref_pos));
        }
    }
}

/// Decodes every code window of a code tree (the root, inline continuation
/// bodies and the refs run as code) and hands each program to `visit`.
pub fn walk_code(code: &Cell, version: u32, mut visit: impl FnMut(&Program)) {
    let mut pending = vec![CellSlice::new(code.clone())];
    let mut seen = std::collections::HashSet::new();
    while let Some(window) = pending.pop() {
        if !seen.insert((*window.cell().hash(), window.bit_offset(), window.ref_offset())) {
            continue;
        }
        let prog = decode(window, Table::cp0(), version);
        visit(&prog);
        for child in code_refs(&prog) {
            if !child.is_exotic() {
                pending.push(CellSlice::new(child));
            }
        }
        pending.extend(dict_const_code(&prog));
        for c in prog.consts.iter() {
            if let Const::Code(body, _) = c {
                pending.push(body.clone());
            }
        }
    }
}

/// Opcodes without a table entry anywhere in a code tree, as 24-bit zero-padded values.
pub fn unknown_opcodes(code: &Cell, version: u32) -> Vec<u32> {
    let mut found = Vec::new();
    walk_code(code, version, |prog| found.extend(prog.unknown_opcode));
    found
}

/// Mnemonics of the instructions present in a code tree.
pub fn mnemonics_used(code: &Cell, version: u32) -> std::collections::BTreeSet<&'static str> {
    let mut names = std::collections::BTreeSet::new();
    walk_code(code, version, |prog| {
        names.extend(prog.instrs.iter().filter_map(|ins| prog.def_of(ins)).map(|d| d.name))
    });
    names
}

type WindowKey = (HashBytes, u16, u16, u8, u8);

/// Decoded programs by code window. Keep one across runs of the same code
/// to skip decoding (programs depend only on the code and the version).
#[derive(Default)]
pub struct CodeCache {
    version: u32,
    /// Keyed by the window's cell hash (already uniform: no need for a
    /// keyed hasher) and its bounds.
    programs: HashMap<WindowKey, Rc<Program>, BuildHasherDefault<CellHashHasher>>,
}

impl CodeCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// The program for a code window, decoding it on first use.
    pub fn get(&mut self, window: &CellSlice, version: u32) -> Rc<Program> {
        if self.version != version {
            self.programs.clear();
            self.version = version;
        }
        let key = (
            *window.cell().hash(),
            window.bit_offset() as u16,
            window.bit_end() as u16,
            window.ref_offset() as u8,
            window.ref_end() as u8,
        );
        self.programs.entry(key).or_insert_with(|| Rc::new(decode(window.clone(), Table::cp0(), version))).clone()
    }

    /// The program for the inline code constant `index` of `prog`.
    pub fn const_code(&mut self, prog: &Program, index: u32, version: u32) -> Option<Rc<Program>> {
        match prog.consts.get(index as usize)? {
            Const::Code(slice, once) => Some(once.get_or_init(|| self.get(slice, version)).clone()),
            _ => None,
        }
    }

    /// Number of cached programs.
    pub fn len(&self) -> usize {
        self.programs.len()
    }

    /// Whether the cache is empty.
    pub fn is_empty(&self) -> bool {
        self.programs.is_empty()
    }
}
