//! Gas control: `ACCEPT`, `SETGASLIMIT`, `GASCONSUMED`, `COMMIT`.

use crate::error::{excno, Exec, Trap};
use crate::gas::GAS_INFINITY;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::vm::Vm;

/// Sets a new gas limit; one below the gas already consumed is out of gas.
fn set_gas_limit(vm: &mut Vm, limit: i64) -> Exec {
    if limit < vm.gas.consumed() {
        return Err(Trap::OutOfGas);
    }
    vm.gas.change_limit(limit);
    Ok(())
}

fn exec_accept(vm: &mut Vm, _: &Instr) -> Exec {
    set_gas_limit(vm, GAS_INFINITY)
}

fn exec_setgaslimit(vm: &mut Vm, _: &Instr) -> Exec {
    let x = vm.pop_int()?;
    // Non-positive means 0; anything past 63 bits means "no limit".
    let limit = if x.sign() <= 0 {
        0
    } else if x.fits_unsigned(63) {
        x.to_i64().expect("fits in 63 bits")
    } else {
        GAS_INFINITY
    };
    set_gas_limit(vm, limit)
}

fn exec_gasconsumed(vm: &mut Vm, _: &Instr) -> Exec {
    let used = vm.gas.consumed();
    vm.push_small(used);
    Ok(())
}

fn exec_commit(vm: &mut Vm, _: &Instr) -> Exec {
    if vm.try_commit() {
        Ok(())
    } else {
        Err(Trap::exc(excno::CELL_OVERFLOW))
    }
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xf800, 16, "ACCEPT", exec_accept);
    t.simple(0xf801, 16, "SETGASLIMIT", exec_setgaslimit);
    t.simple(0xf807, 16, "GASCONSUMED", exec_gasconsumed).since(4);
    t.simple(0xf80f, 16, "COMMIT", exec_commit);
}
