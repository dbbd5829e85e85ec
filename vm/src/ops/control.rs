//! Control flow: calls and jumps to continuations, conditionals, loops,
//! closures (arguments bound into continuations), control registers,
//! `CALLDICT`, `RUNVM` and codepages. Each submodule follows one group of
//! `crypto/vm/contops.cpp` in the reference.

mod args;
mod basic;
mod codepage;
mod cond;
mod dict;
mod loops;
mod regs;
mod runvm;

use std::rc::Rc;

use gram_cells::Cell;

use crate::cont::{force_cdata, Cont};
use crate::error::{excno, Trap};
use crate::program::{Const, DecodeCtx};
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// Registers every control-flow instruction.
pub(crate) fn register(t: &mut TableBuilder) {
    basic::register(t);
    cond::register(t);
    loops::register(t);
    args::register(t);
    regs::register(t);
    dict::register(t);
    runvm::register(t);
    codepage::register(t);
}

/// Decoder of instructions with one ref operand (`CALLREF`, `IFREF`, ...):
/// the ref becomes a cell constant. A missing ref is an invalid opcode.
pub(super) fn decode_one_ref(ctx: &mut DecodeCtx<'_>, _: u32) -> Result<u32, i32> {
    let cell = ctx.code.load_reference().map_err(|_| excno::INVALID_OPCODE)?;
    Ok(ctx.add_const(Const::Cell(cell)))
}

/// Decoder of instructions with two ref operands (`IFREFELSEREF`): two
/// consecutive cell constants; the first index is returned. Both refs must
/// be present (the reference checks for two before taking either).
pub(super) fn decode_two_refs(ctx: &mut DecodeCtx<'_>, _: u32) -> Result<u32, i32> {
    if ctx.code.remaining_refs() < 2 {
        return Err(excno::INVALID_OPCODE);
    }
    let first = ctx.code.load_reference().map_err(|_| excno::INVALID_OPCODE)?;
    let second = ctx.code.load_reference().map_err(|_| excno::INVALID_OPCODE)?;
    let index = ctx.add_const(Const::Cell(first));
    ctx.add_const(Const::Cell(second));
    Ok(index)
}

/// The cell constant `index` of the running program.
fn const_cell(vm: &Vm, index: u32) -> Cell {
    match &vm.code.prog.consts[index as usize] {
        Const::Cell(c) => c.clone(),
        _ => unreachable!("the decoder stored a cell here"),
    }
}

/// The reference's `ref_to_cont`: loads the ref operand `index` (cell load
/// gas, library resolution) and makes an ordinary continuation of it.
pub(super) fn ref_cont(vm: &mut Vm, index: u32) -> Result<Rc<Cont>, Trap> {
    let cell = const_cell(vm, index);
    let code = vm.load_cell(cell)?;
    Ok(vm.ord_cont(&code))
}

/// Control register `c(i)`, `i` in 0..=3. They are always set while
/// instructions run; an unset one would read as the quit continuation.
pub(super) fn creg(vm: &Vm, i: usize) -> Rc<Cont> {
    vm.regs.c[i].clone().unwrap_or_else(|| Rc::new(Cont::Quit(i as i32)))
}

/// Sets `save.c(i)` unless it is already set (the reference's `define_c0` etc.).
pub(super) fn define_cont(cont: &mut Rc<Cont>, i: usize, value: Option<Rc<Cont>>) {
    let save = &mut force_cdata(cont).save;
    if save.c[i].is_none() {
        save.c[i] = value;
    }
}

/// Pushes the rest of the current code as a slice (the reference's `push_code`).
pub(super) fn push_code(vm: &mut Vm) {
    let code = vm.code.slice();
    vm.push(Value::Slice(code));
}

/// Pops an integer in `min..=max` as `i32` (the reference's `pop_smallint_range(max, min)`).
pub(super) fn pop_i32(vm: &mut Vm, min: i32, max: i32) -> Result<i32, Trap> {
    Ok(vm.pop_smallint_between(min as i64, max as i64)? as i32)
}

/// The `optional_nargs` encoding of a 4-bit field: 15 means -1.
pub(super) fn optional_nargs(field: u32) -> i32 {
    ((field + 1) & 15) as i32 - 1
}
