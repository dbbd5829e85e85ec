//! Variable-length integers: `LDGRAMS` / `STGRAMS` (`VarUInteger 16`), the
//! signed 16-byte form and the 32-byte forms (`VarUInteger 32`, `VarInteger 32`).

use std::rc::Rc;

use gram_cells::CellSlice;

use crate::error::{excno, Exec, Trap};
use crate::int257::Int257;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// Reads `len:(## len_bits)` then a `len`-byte integer; `None` (slice
/// unchanged) when the slice is too short.
pub(super) fn load_var_integer(cs: &mut CellSlice, len_bits: usize, signed: bool) -> Option<Int257> {
    let mut s = cs.clone();
    let len = s.load_uint(len_bits).ok()? as usize;
    let x = Int257::load_from(&mut s, len * 8, signed).ok()?;
    *cs = s;
    Some(x)
}

/// Length in bytes a variable-length integer needs, or `None` when it cannot be
/// stored with `len_bits` of length (too large, negative for the unsigned
/// forms, NaN): the reference raises a range check for those.
fn var_integer_len(x: Option<Int257>, len_bits: usize, signed: bool) -> Option<usize> {
    let x = x?;
    let bits = if signed { x.bit_size_signed() } else { x.bit_size_unsigned()? };
    let len = (bits as usize).div_ceil(8);
    (len < 1 << len_bits).then_some(len)
}

/// `(len_bits, signed)` of each opcode `FA00`..`FA07`: 16-byte or 32-byte length, unsigned or signed.
fn layout(args: u32) -> (usize, bool) {
    (if args & 4 == 0 { 4 } else { 5 }, args & 1 != 0)
}

fn exec_load(vm: &mut Vm, ins: &Instr) -> Exec {
    let (len_bits, signed) = layout(ins.args);
    let mut cs = vm.pop_slice()?;
    let x = load_var_integer(&mut cs, len_bits, signed).ok_or_else(|| Trap::exc(excno::CELL_UNDERFLOW))?;
    vm.push_int(x);
    vm.push(Value::Slice(cs));
    Ok(())
}

fn exec_store(vm: &mut Vm, ins: &Instr) -> Exec {
    let (len_bits, signed) = layout(ins.args);
    vm.check_depth(2)?;
    let x = vm.pop_int_or_nan()?;
    let mut b = vm.pop_builder()?;
    let len = var_integer_len(x, len_bits, signed).ok_or_else(|| Trap::exc(excno::RANGE_CHECK))?;
    let x = x.expect("a length means a finite value");
    if b.spare_bits() < len_bits + len * 8 {
        return Err(Trap::exc(excno::CELL_OVERFLOW));
    }
    let builder = Rc::make_mut(&mut b);
    builder.store_uint(len as u64, len_bits)?;
    x.store_to(builder, len * 8, signed)?;
    vm.push(Value::Builder(b));
    Ok(())
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xfa00, 16, "LDGRAMS", exec_load);
    t.simple(0xfa01, 16, "LDVARINT16", exec_load);
    t.simple(0xfa02, 16, "STGRAMS", exec_store);
    t.simple(0xfa03, 16, "STVARINT16", exec_store);
    t.simple(0xfa04, 16, "LDVARUINT32", exec_load);
    t.simple(0xfa05, 16, "LDVARINT32", exec_load);
    t.simple(0xfa06, 16, "STVARUINT32", exec_store);
    t.simple(0xfa07, 16, "STVARINT32", exec_store);
}
