//! Calls into the procedure dictionary in c3: CALLDICT (short and long),
//! JMPDICT and PREPAREDICT push the procedure number first.

use crate::error::Exec;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

use super::creg;

/// `CALLDICT n` (8-bit n).
fn exec_calldict_short(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.push_small((ins.args & 0xff) as i64);
    let c3 = creg(vm, 3);
    vm.call(c3)
}

/// `CALLDICT n` (14-bit n).
fn exec_calldict_long(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.push_small((ins.args & 0x3fff) as i64);
    let c3 = creg(vm, 3);
    vm.call(c3)
}

fn exec_jmpdict(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.push_small((ins.args & 0x3fff) as i64);
    let c3 = creg(vm, 3);
    vm.jump(c3)
}

/// `PREPAREDICT n`: `- n c3`.
fn exec_preparedict(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.push_small((ins.args & 0x3fff) as i64);
    let c3 = creg(vm, 3);
    vm.push(Value::Cont(c3));
    Ok(())
}

pub(super) fn register(t: &mut TableBuilder) {
    t.fixed(0xf0, 8, 8, "CALLDICT", exec_calldict_short);
    t.fixed(0xf100 >> 6, 10, 14, "CALLDICT_LONG", exec_calldict_long);
    t.fixed(0xf140 >> 6, 10, 14, "JMPDICT", exec_jmpdict);
    t.fixed(0xf180 >> 6, 10, 14, "PREPAREDICT", exec_preparedict);
}
