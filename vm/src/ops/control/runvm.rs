//! `RUNVM` / `RUNVMX` (global version 4): runs code in a child machine
//! with its own stack, registers and gas, then returns its results.

use crate::error::{excno, Exec, Trap};
use crate::gas::GAS_INFINITY;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::vm::{ChildVmParams, Vm};

/// Extra gas of every `RUNVM` (the reference's `runvm_gas_price`).
const RUNVM_GAS: i64 = 40;

/// Mode bits (the reference's comment in `exec_runvm_common`).
const SAME_C3: u32 = 1;
const PUSH_0: u32 = 2;
const LOAD_DATA: u32 = 4;
const GAS_LIMIT: u32 = 8;
const LOAD_C7: u32 = 16;
const RETURN_ACTIONS: u32 = 32;
const HARD_GAS_MAX: u32 = 64;
const ISOLATE_GAS: u32 = 128;
const RET_VALS: u32 = 256;

/// Pops a gas amount: an integer in 0..=2^63-1.
fn pop_gas(vm: &mut Vm) -> Result<i64, Trap> {
    vm.pop_smallint_between(0, GAS_INFINITY)
}

/// Pops the operands the mode asks for (gas max, gas limit, c7, c4, return
/// count, code, stack), charges 40 + the new stack, and starts the child.
fn runvm_common(vm: &mut Vm, mode: u32) -> Exec {
    if mode >= 512 {
        return Err(Trap::exc(excno::RANGE_CHECK));
    }
    vm.charge(RUNVM_GAS)?;
    let hard_max = if mode & HARD_GAS_MAX != 0 { Some(pop_gas(vm)?) } else { None };
    let gas_limit = if mode & GAS_LIMIT != 0 { pop_gas(vm)? } else { GAS_INFINITY };
    let gas_max = hard_max.map_or(gas_limit, |max| max.max(gas_limit));
    let c7 = if mode & LOAD_C7 != 0 { Some(vm.pop_tuple()?) } else { None };
    let data = if mode & LOAD_DATA != 0 { Some(vm.pop_cell()?) } else { None };
    let ret_vals = if mode & RET_VALS != 0 { vm.pop_smallint_range(1 << 30)? as i32 } else { -1 };
    let code = vm.pop_slice()?;
    let max_size = vm.stack.len() as i64 - 1;
    let size = vm.pop_smallint_between(0, max_size)? as usize;
    let stack = vm.stack.split_off(vm.stack.len() - size);
    vm.charge_stack(stack.len())?;
    let remaining = vm.gas.remaining;
    vm.run_child_vm(ChildVmParams {
        code,
        stack,
        gas_limit: gas_limit.min(remaining),
        gas_max: gas_max.min(remaining),
        same_c3: mode & SAME_C3 != 0,
        push_0: mode & PUSH_0 != 0,
        data,
        c7,
        return_data: mode & LOAD_DATA != 0,
        return_actions: mode & RETURN_ACTIONS != 0,
        return_gas: mode & GAS_LIMIT != 0,
        isolate_gas: mode & ISOLATE_GAS != 0,
        ret_vals,
    })
}

/// `RUNVM flags` (12-bit immediate).
fn exec_runvm(vm: &mut Vm, ins: &Instr) -> Exec {
    runvm_common(vm, ins.args & 4095)
}

/// `RUNVMX`: flags from the stack.
fn exec_runvmx(vm: &mut Vm, _: &Instr) -> Exec {
    let mode = vm.pop_smallint_range(4095)? as u32;
    runvm_common(vm, mode)
}

pub(super) fn register(t: &mut TableBuilder) {
    t.fixed(0xdb4, 12, 12, "RUNVM", exec_runvm).since(4);
    t.simple(0xdb50, 16, "RUNVMX", exec_runvmx).since(4);
}
