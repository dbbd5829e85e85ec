//! Codepage selection: SETCP, SETCP_SPECIAL (negative codepages) and
//! SETCPX. Only codepage 0 exists; selecting any other is an invalid opcode.

use crate::error::Exec;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::vm::Vm;

use super::pop_i32;

/// `SETCP n` (`FFnn`, n < 0xF0) and `SETCP -z` (`FFFz`, z = 1..15): the
/// byte read as a number in -16..=239.
fn exec_setcp(vm: &mut Vm, ins: &Instr) -> Exec {
    let cp = ((ins.args + 0x10) & 0xff) as i32 - 0x10;
    vm.force_cp(cp)
}

/// `SETCPX`: `c -`, c in -2^15..2^15-1.
fn exec_setcpx(vm: &mut Vm, _: &Instr) -> Exec {
    let cp = pop_i32(vm, -0x8000, 0x7fff)?;
    vm.force_cp(cp)
}

pub(super) fn register(t: &mut TableBuilder) {
    t.fixed_range(0xff00, 0xfff0, 16, "SETCP", exec_setcp);
    t.fixed_range(0xfff1, 0x10000, 16, "SETCP_SPECIAL", exec_setcp);
    t.simple(0xfff0, 16, "SETCPX", exec_setcpx);
}
