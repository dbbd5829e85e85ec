//! Output actions: each instruction prepends one action to the list in c5
//! (`out_list$_ prev:^(OutList n) action:OutAction`), creating one cell.

use gram_cells::{Cell, CellBuilder};

use crate::error::{excno, Exec, Trap};
use crate::int257::Int257;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::vm::Vm;

const ACTION_SEND_MSG: u64 = 0x0ec3_c86d;
const ACTION_RESERVE: u64 = 0x36e6_b809;
const ACTION_SET_CODE: u64 = 0xad4d_e08e;
const ACTION_CHANGE_LIBRARY: u64 = 0x26fa_1dd4;

/// Starts an action cell: a ref to the current action list.
fn action_builder(vm: &Vm) -> Result<CellBuilder, Trap> {
    let mut b = CellBuilder::new();
    b.store_reference(vm.regs.d[1].clone().unwrap_or_else(Cell::empty))?;
    Ok(b)
}

/// Creates the action cell (500 gas, charged first) and makes it the new c5.
fn install(vm: &mut Vm, b: CellBuilder) -> Exec {
    vm.register_cell_create()?;
    let cell = b.build()?;
    vm.regs.d[1] = Some(cell);
    Ok(())
}

/// Appends `action_send_msg#0ec3c86d mode:(## 8) out_msg:^(MessageRelaxed X)`.
pub(super) fn install_send_msg(vm: &mut Vm, mode: u64, msg: Cell) -> Exec {
    let mut b = action_builder(vm)?;
    b.store_uint(ACTION_SEND_MSG, 32)?;
    b.store_uint(mode, 8)?;
    b.store_reference(msg)?;
    install(vm, b)
}

fn exec_sendrawmsg(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let mode = vm.pop_smallint_range(255)?;
    let msg = vm.pop_cell()?;
    install_send_msg(vm, mode as u64, msg)
}

/// Stores `Grams` (at most 15 bytes); `false` when the value is too large.
fn store_grams(b: &mut CellBuilder, x: &Int257) -> Result<bool, Trap> {
    let bits = x.bit_size_unsigned().unwrap_or(u32::MAX) as usize;
    if bits > 15 * 8 {
        return Ok(false);
    }
    let len = bits.div_ceil(8);
    b.store_uint(len as u64, 4)?;
    x.store_to(b, len * 8, false)?;
    Ok(true)
}

fn exec_rawreserve(vm: &mut Vm, ins: &Instr) -> Exec {
    let with_extra = ins.args & 1 != 0;
    vm.check_depth(2 + with_extra as usize)?;
    let mode = vm.pop_smallint_range(if vm.version >= 4 { 31 } else { 15 })?;
    let extra = if with_extra { vm.pop_maybe_cell()? } else { None };
    let amount = vm.pop_int()?;
    if amount.is_negative() {
        return Err(Trap::exc(excno::RANGE_CHECK));
    }
    let mut b = action_builder(vm)?;
    b.store_uint(ACTION_RESERVE, 32)?;
    b.store_uint(mode as u64, 8)?;
    if !store_grams(&mut b, &amount)? {
        return Err(Trap::exc(excno::CELL_OVERFLOW));
    }
    match extra {
        Some(c) => {
            b.store_bit(true)?;
            b.store_reference(c)?;
        }
        None => {
            b.store_bit(false)?;
        }
    }
    install(vm, b)
}

fn exec_setcode(vm: &mut Vm, _: &Instr) -> Exec {
    let code = vm.pop_cell()?;
    let mut b = action_builder(vm)?;
    b.store_uint(ACTION_SET_CODE, 32)?;
    b.store_reference(code)?;
    install(vm, b)
}

/// The library mode of `SETLIBCODE` / `CHANGELIB`: 0..2, plus 16 from version 4 on.
fn pop_lib_mode(vm: &mut Vm) -> Result<u64, Trap> {
    if vm.version >= 4 {
        let mode = vm.pop_smallint_range(31)?;
        if mode & !16 > 2 {
            return Err(Trap::exc(excno::RANGE_CHECK));
        }
        Ok(mode as u64)
    } else {
        Ok(vm.pop_smallint_range(2)? as u64)
    }
}

fn exec_setlibcode(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let mode = pop_lib_mode(vm)?;
    let code = vm.pop_cell()?;
    let mut b = action_builder(vm)?;
    b.store_uint(ACTION_CHANGE_LIBRARY, 32)?;
    b.store_uint(mode * 2 + 1, 8)?;
    b.store_reference(code)?;
    install(vm, b)
}

fn exec_changelib(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let mode = pop_lib_mode(vm)?;
    let hash = vm.pop_int()?;
    let bytes = hash.to_u256_be().ok_or_else(|| Trap::exc(excno::RANGE_CHECK))?;
    let mut b = action_builder(vm)?;
    b.store_uint(ACTION_CHANGE_LIBRARY, 32)?;
    b.store_uint(mode * 2, 8)?;
    b.store_u256(&bytes)?;
    install(vm, b)
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xfb00, 16, "SENDRAWMSG", exec_sendrawmsg);
    t.simple(0xfb02, 16, "RAWRESERVE", exec_rawreserve);
    t.simple(0xfb03, 16, "RAWRESERVEX", exec_rawreserve);
    t.simple(0xfb04, 16, "SETCODE", exec_setcode);
    t.simple(0xfb06, 16, "SETLIBCODE", exec_setlibcode);
    t.simple(0xfb07, 16, "CHANGELIB", exec_changelib);
    t.simple(0xfb08, 16, "SENDMSG", super::sendmsg::exec_sendmsg).since(4);
}
