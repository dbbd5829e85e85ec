//! The instruction table: every opcode range with its name, fixed length,
//! minimum global version, optional decoder of extra operands, and handler.
//! One table drives decoding (and so execution and gas) and disassembly.

use std::sync::OnceLock;

use crate::program::{DecodeCtx, ExecFn};

/// Reads the operands that follow an instruction's fixed part (inline
/// data, refs) and returns the value stored in `Instr::imm`, or the
/// exception the reference raises when the code is malformed.
pub type DecodeFn = fn(&mut DecodeCtx<'_>, u32) -> Result<u32, i32>;

/// One table entry.
#[derive(Clone, Copy)]
pub struct OpDef {
    /// Mnemonic as in cp0.json.
    pub name: &'static str,
    /// First 24-bit opcode of the range.
    pub min: u32,
    /// One past the last 24-bit opcode of the range.
    pub max: u32,
    /// Bits of opcode plus inline arguments (what gas is charged for).
    pub tot_bits: u8,
    /// Global version that enables the instruction.
    pub since: u32,
    /// Extra operand decoder (variable-length instructions).
    pub decode: Option<DecodeFn>,
    /// Handler.
    pub exec: ExecFn,
}

/// The finished, sorted table.
pub struct Table {
    ops: Vec<OpDef>,
}

/// Collects entries while families register themselves.
#[derive(Default)]
pub struct TableBuilder {
    ops: Vec<OpDef>,
}

impl TableBuilder {
    fn push(&mut self, def: OpDef) -> &mut OpDef {
        self.ops.push(def);
        self.ops.last_mut().expect("just pushed")
    }

    /// An instruction of `bits` opcode bits and no arguments.
    pub fn simple(&mut self, opcode: u32, bits: u8, name: &'static str, exec: ExecFn) -> &mut OpDef {
        let shift = 24 - bits as u32;
        self.push(OpDef {
            name,
            min: opcode << shift,
            max: (opcode + 1) << shift,
            tot_bits: bits,
            since: 0,
            decode: None,
            exec,
        })
    }

    /// An instruction with `arg_bits` inline argument bits after `opc_bits` of opcode.
    pub fn fixed(&mut self, opcode: u32, opc_bits: u8, arg_bits: u8, name: &'static str, exec: ExecFn) -> &mut OpDef {
        let shift = 24 - opc_bits as u32;
        self.push(OpDef {
            name,
            min: opcode << shift,
            max: (opcode + 1) << shift,
            tot_bits: opc_bits + arg_bits,
            since: 0,
            decode: None,
            exec,
        })
    }

    /// A sub-range `[min, max)` of `tot_bits`-bit opcodes (opcode plus arguments).
    pub fn fixed_range(&mut self, min: u32, max: u32, tot_bits: u8, name: &'static str, exec: ExecFn) -> &mut OpDef {
        let shift = 24 - tot_bits as u32;
        self.push(OpDef { name, min: min << shift, max: max << shift, tot_bits, since: 0, decode: None, exec })
    }

    /// A variable-length instruction: fixed part then operands read by `decode`.
    pub fn ext(
        &mut self,
        opcode: u32,
        opc_bits: u8,
        arg_bits: u8,
        name: &'static str,
        decode: DecodeFn,
        exec: ExecFn,
    ) -> &mut OpDef {
        let def = self.fixed(opcode, opc_bits, arg_bits, name, exec);
        def.decode = Some(decode);
        def
    }

    /// A variable-length instruction over a sub-range of `tot_bits`-bit opcodes.
    pub fn ext_range(
        &mut self,
        min: u32,
        max: u32,
        tot_bits: u8,
        name: &'static str,
        decode: DecodeFn,
        exec: ExecFn,
    ) -> &mut OpDef {
        let def = self.fixed_range(min, max, tot_bits, name, exec);
        def.decode = Some(decode);
        def
    }

    fn finish(mut self) -> Table {
        self.ops.sort_by_key(|d| d.min);
        for pair in self.ops.windows(2) {
            assert!(
                pair[0].max <= pair[1].min,
                "opcode ranges overlap: {} {:06x}..{:06x} and {} {:06x}",
                pair[0].name,
                pair[0].min,
                pair[0].max,
                pair[1].name,
                pair[1].min
            );
        }
        Table { ops: self.ops }
    }
}

impl OpDef {
    /// Sets the global version that enables the instruction.
    pub fn since(&mut self, version: u32) -> &mut OpDef {
        self.since = version;
        self
    }
}

impl Table {
    /// The codepage-0 table (built once).
    pub fn cp0() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(|| {
            let mut b = TableBuilder::default();
            crate::ops::register_all(&mut b);
            b.finish()
        })
    }

    /// The entry whose range holds the 24-bit `opcode`, if any.
    pub fn lookup(&self, opcode: u32) -> Option<&OpDef> {
        let i = self.ops.partition_point(|d| d.min <= opcode);
        let def = self.ops.get(i.checked_sub(1)?)?;
        (opcode < def.max).then_some(def)
    }

    /// Every entry, sorted by opcode.
    pub fn entries(&self) -> &[OpDef] {
        &self.ops
    }
}
