//! The reference's cell serialization of stack values, stacks and
//! continuations (block.tlb: `VmStackValue`, `VmStack`, `VmTuple`,
//! `VmCellSlice`, `VmControlData`, `VmSaveList`, `VmCont`), both ways.
//!
//! The layouts and the accept / refuse rules follow the reference's
//! `StackEntry::serialize` / `deserialize`, `Stack::serialize` /
//! `deserialize` (crypto/vm/stack.cpp) and the `serialize` / `deserialize`
//! of each continuation kind, `ControlData` and `ControlRegs`
//! (crypto/vm/continuation.cpp):
//!
//! - integers that fit in 64 signed bits use `vm_stk_tinyint`, others
//!   `vm_stk_int`; NaN is `vm_stk_nan`;
//! - a builder is stored as the cell it would finalise to; a slice as its
//!   underlying cell and its bit / ref window;
//! - a stack keeps its top entry inline and the rest in a chain of refs; a
//!   stack deeper than 1024 entries is refused when read;
//! - fixed-width fields (`nargs`, the loop count, exit codes) are stored
//!   truncated to their width, as the reference's `store_long_bool` does;
//! - serialization fails when a cell would overflow (1023 bits, 4 refs) or
//!   get deeper than 1024; reading fails on anything malformed, on leftover
//!   data in a referenced cell, and on exotic cells that would have to be
//!   read (the reference throws there).

use std::rc::Rc;

use gram_cells::dict::{DictKey, DictValue, Dictionary, NoGas, SetMode};
use gram_cells::{Cell, CellBuilder, CellError, CellSlice};
use thiserror::Error;

use crate::cont::{Cont, ControlData, Regs};
use crate::int257::Int257;
use crate::program::{Code, CodeCache};
use crate::value::Value;

/// How deep values may nest (tuples in tuples, continuations in saved
/// stacks...) before serialization or reading gives up. Every level but a
/// few inline ones adds a cell level, and cells are at most 1024 deep, so
/// the reference cannot handle much deeper values either; the limit keeps
/// the recursion within a thread's stack.
pub const MAX_NESTING: u32 = 2048;

/// Largest stack depth the reference reads back (`Stack::deserialize`).
pub const MAX_READ_STACK_DEPTH: u32 = 1024;

/// Why a value cannot be serialized.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SerializeError {
    /// A cell would hold more than 1023 bits or 4 refs, or be deeper than 1024.
    #[error("serialization does not fit in cells: {0}")]
    Cell(#[from] CellError),
    /// The saved-register dictionary could not be built (its leaf overflows).
    #[error("saved registers do not fit in the dictionary")]
    SaveList,
    /// A field is out of the range of its TL-B width.
    #[error("{0} out of range")]
    Range(&'static str),
    /// Values nest deeper than [`MAX_NESTING`].
    #[error("values nest too deeply")]
    TooDeep,
}

/// Why a cell cannot be read as a stack value, stack or continuation.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DeserializeError {
    /// Too few bits or refs, or a field out of range.
    #[error("truncated or malformed data: {0}")]
    Cell(#[from] CellError),
    /// No constructor matches the tag.
    #[error("unknown {0} tag")]
    BadTag(&'static str),
    /// A constraint of the TL-B scheme does not hold.
    #[error("invalid {0}")]
    Invalid(&'static str),
    /// A referenced cell has data left after the value.
    #[error("unexpected data after the {0}")]
    Trailing(&'static str),
    /// A cell that must be read is exotic (library, pruned, Merkle).
    #[error("exotic cell where an ordinary one must be read")]
    Exotic,
    /// A stack deeper than [`MAX_READ_STACK_DEPTH`].
    #[error("stack of depth {0} is too deep")]
    StackTooDeep(u32),
    /// Values nest deeper than [`MAX_NESTING`].
    #[error("values nest too deeply")]
    TooDeep,
}

type SerResult<T = ()> = Result<T, SerializeError>;
type DeResult<T> = Result<T, DeserializeError>;

// ----- serialization ---------------------------------------------------------

/// Serializes one stack value (`VmStackValue`) into `b`.
pub fn store_value(b: &mut CellBuilder, v: &Value) -> SerResult {
    Writer::default().value(b, v)
}

/// Serializes a stack (`VmStack`, bottom first in `stack`) into `b`.
pub fn store_stack(b: &mut CellBuilder, stack: &[Value]) -> SerResult {
    Writer::default().stack(b, stack)
}

/// Serializes a continuation (`VmCont`) into `b`.
pub fn store_cont(b: &mut CellBuilder, cont: &Cont) -> SerResult {
    Writer::default().cont(b, cont)
}

/// A stack as a `VmStack` cell (what the reference's emulator returns).
pub fn stack_to_cell(stack: &[Value]) -> SerResult<Cell> {
    let mut b = CellBuilder::new();
    store_stack(&mut b, stack)?;
    Ok(b.build()?)
}

/// A continuation as a cell holding its `VmCont` serialization.
pub fn cont_to_cell(cont: &Cont) -> SerResult<Cell> {
    let mut b = CellBuilder::new();
    store_cont(&mut b, cont)?;
    Ok(b.build()?)
}

/// A stack value as a cell holding its `VmStackValue` serialization.
pub fn value_to_cell(v: &Value) -> SerResult<Cell> {
    let mut b = CellBuilder::new();
    store_value(&mut b, v)?;
    Ok(b.build()?)
}

/// Stores the low `bits` bits of `value` (the reference's `store_long_bool`
/// does not check the range).
fn store_low(b: &mut CellBuilder, value: i64, bits: usize) -> SerResult {
    let mask = if bits >= 64 { u64::MAX } else { (1u64 << bits) - 1 };
    b.store_uint(value as u64 & mask, bits)?;
    Ok(())
}

/// Serialization state: the nesting depth so far.
#[derive(Default)]
struct Writer {
    depth: u32,
}

impl Writer {
    fn enter(&mut self) -> SerResult {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(SerializeError::TooDeep);
        }
        Ok(())
    }

    fn value(&mut self, b: &mut CellBuilder, v: &Value) -> SerResult {
        self.enter()?;
        let result = self.value_inner(b, v);
        self.depth -= 1;
        result
    }

    fn value_inner(&mut self, b: &mut CellBuilder, v: &Value) -> SerResult {
        match v {
            Value::Null => store_low(b, 0x00, 8),
            Value::NaN => store_low(b, 0x02ff, 16),
            Value::Int(i) => {
                if i.fits_signed(64) {
                    store_low(b, 0x01, 8)?;
                    i.store_to(b, 64, true)?;
                } else {
                    store_low(b, 0x0100, 15)?;
                    i.store_to(b, 257, true)?;
                }
                Ok(())
            }
            Value::Cell(c) => {
                store_low(b, 0x03, 8)?;
                b.store_reference(c.clone())?;
                Ok(())
            }
            Value::Slice(s) => {
                store_low(b, 0x04, 8)?;
                store_cell_slice(b, s)
            }
            Value::Builder(builder) => {
                store_low(b, 0x05, 8)?;
                b.store_reference(builder.build()?)?;
                Ok(())
            }
            Value::Cont(c) => {
                store_low(b, 0x06, 8)?;
                self.cont(b, c)
            }
            Value::Tuple(items) => {
                // VmTuple n = head:(VmTupleRef n-1) tail:^VmStackValue, where
                // VmTupleRef 0 is nothing, 1 a ref to the value, and n >= 2 a
                // ref to a VmTuple n cell: built front to back.
                let len = u16::try_from(items.len()).map_err(|_| SerializeError::Range("tuple length"))?;
                let (mut head, mut tail): (Option<Cell>, Option<Cell>) = (None, None);
                for (i, item) in items.iter().enumerate() {
                    std::mem::swap(&mut head, &mut tail);
                    if i > 1 {
                        let mut pair = CellBuilder::new();
                        pair.store_reference(tail.take().expect("set from item i-2"))?;
                        pair.store_reference(head.take().expect("set from item i-1"))?;
                        head = Some(pair.build()?);
                    }
                    let mut cell = CellBuilder::new();
                    self.value(&mut cell, item)?;
                    tail = Some(cell.build()?);
                }
                store_low(b, 0x07, 8)?;
                store_low(b, len as i64, 16)?;
                for cell in [head, tail].into_iter().flatten() {
                    b.store_reference(cell)?;
                }
                Ok(())
            }
        }
    }

    fn stack(&mut self, b: &mut CellBuilder, stack: &[Value]) -> SerResult {
        let depth = u32::try_from(stack.len()).ok().filter(|n| *n < 1 << 24);
        let depth = depth.ok_or(SerializeError::Range("stack depth"))?;
        store_low(b, depth as i64, 24)?;
        let Some((top, rest)) = stack.split_last() else {
            return Ok(());
        };
        let mut list = Cell::empty();
        for v in rest {
            let mut cons = CellBuilder::new();
            cons.store_reference(list)?;
            self.value(&mut cons, v)?;
            list = cons.build()?;
        }
        b.store_reference(list)?;
        self.value(b, top)
    }

    fn cont_ref(&mut self, b: &mut CellBuilder, cont: &Cont) -> SerResult {
        let mut inner = CellBuilder::new();
        self.cont(&mut inner, cont)?;
        b.store_reference(inner.build()?)?;
        Ok(())
    }

    fn cont(&mut self, b: &mut CellBuilder, cont: &Cont) -> SerResult {
        self.enter()?;
        let result = self.cont_inner(b, cont);
        self.depth -= 1;
        result
    }

    fn cont_inner(&mut self, b: &mut CellBuilder, cont: &Cont) -> SerResult {
        match cont {
            Cont::Ord { data, code } => {
                store_low(b, 0b00, 2)?;
                self.control_data(b, data)?;
                store_cell_slice(b, &code.slice())
            }
            Cont::Envelope { data, ext } => {
                store_low(b, 0b01, 2)?;
                self.control_data(b, data)?;
                self.cont_ref(b, ext)
            }
            Cont::Quit(code) => {
                store_low(b, 0b1000, 4)?;
                store_low(b, *code as i64, 32)
            }
            Cont::ExcQuit => store_low(b, 0b1001, 4),
            Cont::Repeat { body, after, count } => {
                store_low(b, 0b10100, 5)?;
                store_low(b, *count, 63)?;
                self.cont_ref(b, body)?;
                self.cont_ref(b, after)
            }
            Cont::Until { body, after } => {
                store_low(b, 0b110000, 6)?;
                self.cont_ref(b, body)?;
                self.cont_ref(b, after)
            }
            Cont::Again { body } => {
                store_low(b, 0b110001, 6)?;
                self.cont_ref(b, body)
            }
            Cont::While { cond, body, after, check_cond } => {
                store_low(b, if *check_cond { 0b110010 } else { 0b110011 }, 6)?;
                self.cont_ref(b, cond)?;
                self.cont_ref(b, body)?;
                self.cont_ref(b, after)
            }
            Cont::PushInt { value, next } => {
                store_low(b, 0b1111, 4)?;
                store_low(b, *value as i64, 32)?;
                self.cont_ref(b, next)
            }
        }
    }

    fn control_data(&mut self, b: &mut CellBuilder, data: &ControlData) -> SerResult {
        b.store_bit(data.nargs >= 0)?;
        if data.nargs >= 0 {
            store_low(b, data.nargs as i64, 13)?;
        }
        b.store_bit(data.stack.is_some())?;
        if let Some(stack) = &data.stack {
            self.stack(b, stack)?;
        }
        self.save_list(b, &data.save)?;
        b.store_bit(data.cp != -1)?;
        if data.cp != -1 {
            store_low(b, data.cp as i64, 16)?;
        }
        Ok(())
    }

    /// `VmSaveList`: a `HashmapE 4` from register number to its value.
    fn save_list(&mut self, b: &mut CellBuilder, regs: &Regs) -> SerResult {
        let mut dict = Dictionary::new(4).map_err(|_| SerializeError::SaveList)?;
        let mut put = |w: &mut Writer, idx: u64, v: Value| -> SerResult {
            let mut entry = CellBuilder::new();
            w.value(&mut entry, &v)?;
            let key = DictKey::from_uint(idx, 4).ok_or(SerializeError::SaveList)?;
            dict.set(&key, DictValue::Builder(&entry), SetMode::Set, &mut NoGas)
                .map_err(|_| SerializeError::SaveList)?;
            Ok(())
        };
        for (i, c) in regs.c.iter().enumerate() {
            if let Some(c) = c {
                put(self, i as u64, Value::Cont(c.clone()))?;
            }
        }
        for (i, d) in regs.d.iter().enumerate() {
            if let Some(d) = d {
                put(self, 4 + i as u64, Value::Cell(d.clone()))?;
            }
        }
        if let Some(c7) = &regs.c7 {
            put(self, 7, Value::Tuple(c7.clone()))?;
        }
        match dict.into_root() {
            Some(root) => {
                b.store_bit(true)?;
                b.store_reference(root)?;
            }
            None => {
                b.store_bit(false)?;
            }
        }
        Ok(())
    }
}

/// `VmCellSlice` (without the stack-value tag): the underlying cell and the window.
fn store_cell_slice(b: &mut CellBuilder, s: &CellSlice) -> SerResult {
    b.store_reference(s.cell().clone())?;
    store_low(b, s.bit_offset() as i64, 10)?;
    store_low(b, s.bit_end() as i64, 10)?;
    store_low(b, s.ref_offset() as i64, 3)?;
    store_low(b, s.ref_end() as i64, 3)
}

// ----- deserialization -------------------------------------------------------

/// Reads stack values, stacks and continuations back. Ordinary
/// continuations get their code decoded through the reader's cache for its
/// global version, as the VM would decode it.
pub struct Reader {
    /// Global version the code of ordinary continuations is decoded for.
    pub version: u32,
    /// Decoded programs (the same window is decoded once).
    pub cache: CodeCache,
    depth: u32,
    /// The reference's mode bit 0x2000: set for everything below a
    /// `vmc_while_cond` (cleared again below a `vmc_while_body`), it makes
    /// `StackEntry::deserialize` read every saved value and saved-stack entry
    /// as an integer or NaN without looking at its tag. So continuations
    /// there with saved values other than int257 / NaN are refused.
    ints_only: bool,
}

impl Reader {
    /// A reader decoding code for `version`.
    pub fn new(version: u32) -> Reader {
        Reader { version, cache: CodeCache::new(), depth: 0, ints_only: false }
    }

    /// Reads one `VmStackValue` from `cs`, leaving the rest of `cs` unread.
    pub fn load_value(&mut self, cs: &mut CellSlice) -> DeResult<Value> {
        self.enter()?;
        let result = self.value_inner(cs);
        self.depth -= 1;
        result
    }

    /// Reads a `VmStack` from `cs` (bottom first in the result), leaving the rest of `cs` unread.
    pub fn load_stack(&mut self, cs: &mut CellSlice) -> DeResult<Vec<Value>> {
        let depth = cs.load_uint(24)? as u32;
        if depth == 0 {
            return Ok(Vec::new());
        }
        if depth > MAX_READ_STACK_DEPTH {
            return Err(DeserializeError::StackTooDeep(depth));
        }
        let mut items = Vec::with_capacity(depth as usize);
        let mut rest = cs.load_reference()?;
        items.push(self.load_value(cs)?);
        for _ in 1..depth {
            let mut cons = load_ordinary(&rest)?;
            rest = cons.load_reference()?;
            items.push(self.load_value(&mut cons)?);
            expect_empty(&cons, "stack entry")?;
        }
        expect_empty(&load_ordinary(&rest)?, "stack")?;
        items.reverse();
        Ok(items)
    }

    /// Reads one `VmCont` from `cs`, leaving the rest of `cs` unread.
    pub fn load_cont(&mut self, cs: &mut CellSlice) -> DeResult<Rc<Cont>> {
        self.enter()?;
        let result = self.cont_inner(cs);
        self.depth -= 1;
        result.map(Rc::new)
    }

    /// Reads a cell holding exactly one `VmCont` (what `boc` of a JSON
    /// continuation value holds).
    pub fn cont_from_cell(&mut self, cell: &Cell) -> DeResult<Rc<Cont>> {
        let mut cs = load_ordinary(cell)?;
        let cont = self.load_cont(&mut cs)?;
        expect_empty(&cs, "continuation")?;
        Ok(cont)
    }

    /// Reads a cell holding exactly one `VmStack`.
    pub fn stack_from_cell(&mut self, cell: &Cell) -> DeResult<Vec<Value>> {
        let mut cs = load_ordinary(cell)?;
        let stack = self.load_stack(&mut cs)?;
        expect_empty(&cs, "stack")?;
        Ok(stack)
    }

    /// Reads a cell holding exactly one `VmStackValue`.
    pub fn value_from_cell(&mut self, cell: &Cell) -> DeResult<Value> {
        let mut cs = load_ordinary(cell)?;
        let v = self.load_value(&mut cs)?;
        expect_empty(&cs, "stack value")?;
        Ok(v)
    }

    fn enter(&mut self) -> DeResult<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            self.depth -= 1;
            return Err(DeserializeError::TooDeep);
        }
        Ok(())
    }

    fn value_inner(&mut self, cs: &mut CellSlice) -> DeResult<Value> {
        if self.ints_only {
            return load_int_or_nan(cs);
        }
        if cs.remaining_bits() < 8 {
            return Err(CellError::Underflow.into());
        }
        match cs.preload_uint(8)? {
            0x00 => {
                cs.skip_bits(8)?;
                Ok(Value::Null)
            }
            0x01 => {
                cs.skip_bits(8)?;
                Ok(Value::Int(Int257::load_from(cs, 64, true)?))
            }
            0x02 => load_int_or_nan(cs),
            0x03 => {
                if cs.remaining_refs() == 0 {
                    return Err(CellError::Underflow.into());
                }
                cs.skip_bits(8)?;
                Ok(Value::Cell(cs.load_reference()?))
            }
            0x04 => {
                cs.skip_bits(8)?;
                Ok(Value::Slice(load_cell_slice(cs)?))
            }
            0x05 => {
                cs.skip_bits(8)?;
                let cell = cs.load_reference()?;
                let content = load_ordinary(&cell)?;
                let mut b = CellBuilder::new();
                b.store_slice(&content)?;
                Ok(Value::Builder(Rc::new(b)))
            }
            0x06 => {
                cs.skip_bits(8)?;
                Ok(Value::Cont(self.load_cont(cs)?))
            }
            0x07 => {
                cs.skip_bits(8)?;
                let n = cs.load_uint(16)? as usize;
                self.tuple_items(cs, n).map(|items| Value::Tuple(Rc::new(items)))
            }
            _ => Err(DeserializeError::BadTag("stack value")),
        }
    }

    /// The `VmTuple n` after the length: the last item's cell and, for n >= 2,
    /// a chain of (head, item) pairs walked from the back.
    fn tuple_items(&mut self, cs: &mut CellSlice, n: usize) -> DeResult<Vec<Value>> {
        match n {
            0 => Ok(Vec::new()),
            1 => {
                let cell = cs.load_reference()?;
                Ok(vec![self.value_from_cell(&cell)?])
            }
            _ => {
                let mut items = Vec::with_capacity(n.min(256));
                let mut head = cs.load_reference()?;
                let tail = cs.load_reference()?;
                items.push(self.value_from_cell(&tail)?);
                for _ in 1..n - 1 {
                    let mut pair = load_ordinary(&head)?;
                    head = pair.load_reference()?;
                    let tail = pair.load_reference()?;
                    expect_empty(&pair, "tuple node")?;
                    items.push(self.value_from_cell(&tail)?);
                }
                items.push(self.value_from_cell(&head)?);
                items.reverse();
                Ok(items)
            }
        }
    }

    fn cont_ref(&mut self, cs: &mut CellSlice) -> DeResult<Rc<Cont>> {
        let cell = cs.load_reference()?;
        self.cont_from_cell(&cell)
    }

    fn three_cont_refs(&mut self, cs: &mut CellSlice) -> DeResult<(Rc<Cont>, Rc<Cont>, Rc<Cont>)> {
        Ok((self.cont_ref(cs)?, self.cont_ref(cs)?, self.cont_ref(cs)?))
    }

    fn cont_inner(&mut self, cs: &mut CellSlice) -> DeResult<Cont> {
        let prefix = |cs: &CellSlice, bits: usize| -> Option<u64> {
            (cs.remaining_bits() >= bits).then(|| cs.preload_uint(bits).ok()).flatten()
        };
        if prefix(cs, 2) == Some(0b00) {
            cs.skip_bits(2)?;
            let data = self.control_data(cs)?;
            let window = load_cell_slice(cs)?;
            let code = Code { prog: self.cache.get(&window, self.version), pc: 0 };
            return Ok(Cont::Ord { data, code });
        }
        if prefix(cs, 2) == Some(0b01) {
            cs.skip_bits(2)?;
            let data = self.control_data(cs)?;
            let ext = self.cont_ref(cs)?;
            return Ok(Cont::Envelope { data, ext });
        }
        match prefix(cs, 4) {
            Some(0b1000) => {
                cs.skip_bits(4)?;
                return Ok(Cont::Quit(cs.load_int(32)? as i32));
            }
            Some(0b1001) => {
                cs.skip_bits(4)?;
                return Ok(Cont::ExcQuit);
            }
            Some(0b1111) => {
                cs.skip_bits(4)?;
                let value = cs.load_int(32)? as i32;
                let next = self.cont_ref(cs)?;
                return Ok(Cont::PushInt { value, next });
            }
            _ => {}
        }
        if prefix(cs, 5) == Some(0b10100) {
            cs.skip_bits(5)?;
            let count = cs.load_uint(63)? as i64;
            let body = self.cont_ref(cs)?;
            let after = self.cont_ref(cs)?;
            return Ok(Cont::Repeat { body, after, count });
        }
        match prefix(cs, 6) {
            Some(0b110000) => {
                cs.skip_bits(6)?;
                let body = self.cont_ref(cs)?;
                let after = self.cont_ref(cs)?;
                Ok(Cont::Until { body, after })
            }
            Some(0b110001) => {
                cs.skip_bits(6)?;
                Ok(Cont::Again { body: self.cont_ref(cs)? })
            }
            Some(tag @ (0b110010 | 0b110011)) => {
                cs.skip_bits(6)?;
                let check_cond = tag == 0b110010;
                let outer = std::mem::replace(&mut self.ints_only, check_cond);
                let parts = self.three_cont_refs(cs);
                self.ints_only = outer;
                let (cond, body, after) = parts?;
                Ok(Cont::While { cond, body, after, check_cond })
            }
            _ => Err(DeserializeError::BadTag("continuation")),
        }
    }

    fn control_data(&mut self, cs: &mut CellSlice) -> DeResult<ControlData> {
        let nargs = if cs.load_bit()? { cs.load_uint(13)? as i32 } else { -1 };
        let stack = if cs.load_bit()? { Some(self.load_stack(cs)?) } else { None };
        let save = self.save_list(cs)?;
        let cp = if cs.load_bit()? {
            let cp = cs.load_int(16)? as i32;
            if cp == -1 {
                return Err(DeserializeError::Invalid("codepage -1 given explicitly"));
            }
            cp
        } else {
            -1
        };
        Ok(ControlData { stack, save, nargs, cp })
    }

    fn save_list(&mut self, cs: &mut CellSlice) -> DeResult<Regs> {
        let mut regs = Regs::default();
        if !cs.load_bit()? {
            return Ok(regs);
        }
        let root = cs.load_reference()?;
        let dict = Dictionary::with_root(Some(root), 4).map_err(|_| DeserializeError::Invalid("save list"))?;
        for entry in dict.iter(false, false, &mut NoGas) {
            let (key, mut value) = entry.map_err(|_| DeserializeError::Invalid("save list"))?;
            let v = self.load_value(&mut value)?;
            expect_empty(&value, "saved register")?;
            let idx = (0..4).fold(0usize, |acc, i| acc << 1 | key.bit(i) as usize);
            match (idx, v) {
                (0..=3, Value::Cont(c)) => regs.c[idx] = Some(c),
                (4 | 5, Value::Cell(c)) => regs.d[idx - 4] = Some(c),
                (7, Value::Tuple(t)) => regs.c7 = Some(t),
                _ => return Err(DeserializeError::Invalid("saved register")),
            }
        }
        Ok(regs)
    }
}

/// `vm_stk_int` / `vm_stk_nan`, told apart as the reference does: NaN when
/// the low 9 of the first 16 bits are 0x0ff, else the 15-bit prefix must be
/// that of `vm_stk_int`.
fn load_int_or_nan(cs: &mut CellSlice) -> DeResult<Value> {
    if cs.remaining_bits() >= 16 && cs.preload_uint(16)? & 0x1ff == 0xff {
        cs.skip_bits(16)?;
        return Ok(Value::NaN);
    }
    if cs.load_uint(15)? != 0x0100 {
        return Err(DeserializeError::BadTag("integer"));
    }
    Ok(Value::Int(Int257::load_from(cs, 257, true)?))
}

/// `VmCellSlice` without the tag: `^Cell st_bits:(## 10) end_bits:(## 10)
/// st_ref:(#<= 4) end_ref:(#<= 4)`, checked against the cell.
fn load_cell_slice(cs: &mut CellSlice) -> DeResult<CellSlice> {
    let cell = cs.load_reference()?;
    let st_bits = cs.load_uint(10)? as usize;
    let end_bits = cs.load_uint(10)? as usize;
    if st_bits > end_bits {
        return Err(DeserializeError::Invalid("slice bit window"));
    }
    let st_ref = cs.load_uint(3)? as usize;
    let end_ref = cs.load_uint(3)? as usize;
    if st_ref > end_ref || end_ref > 4 {
        return Err(DeserializeError::Invalid("slice ref window"));
    }
    let whole = load_ordinary(&cell)?;
    if end_bits > whole.remaining_bits() || end_ref > whole.remaining_refs() {
        return Err(DeserializeError::Invalid("slice window beyond its cell"));
    }
    Ok(CellSlice::with_window(cell, st_bits..end_bits, st_ref..end_ref)?)
}

/// Opens a cell for reading; exotic cells cannot be read here.
fn load_ordinary(cell: &Cell) -> DeResult<CellSlice> {
    if cell.is_exotic() {
        return Err(DeserializeError::Exotic);
    }
    Ok(CellSlice::new(cell.clone()))
}

fn expect_empty(cs: &CellSlice, what: &'static str) -> DeResult<()> {
    if cs.remaining_bits() == 0 && cs.remaining_refs() == 0 {
        Ok(())
    } else {
        Err(DeserializeError::Trailing(what))
    }
}
