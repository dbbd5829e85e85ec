//! Closures: binding stack values into continuations (SETCONTARGS,
//! SETCONTVARARGS, SETNUMVARARGS, RETURNARGS, RETURNVARARGS) and making
//! continuations from slices (BLESS, BLESSARGS, BLESSVARARGS).

use std::rc::Rc;

use crate::cont::{force_cdata, Cont, ControlData};
use crate::error::{excno, Exec, Trap};
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

use super::{creg, optional_nargs, pop_i32};

/// `nargs` that makes any later run of the continuation fail with a stack underflow.
const NARGS_NEVER: i32 = 0x4000_0000;

fn too_many_args() -> Trap {
    Trap::exc(excno::STACK_OVERFLOW)
}

/// Moves the top `copy` values of the stack into the continuation's stack
/// (the reference's `SETCONTARGS` core) and sets how many more it expects
/// (`more`, -1 = leave as is).
fn setcontargs_common(vm: &mut Vm, copy: usize, more: i32) -> Exec {
    vm.check_depth(copy + 1)?;
    let mut cont = vm.pop_cont()?;
    if copy > 0 || more >= 0 {
        let data = force_cdata(&mut cont);
        if copy > 0 {
            if data.nargs >= 0 && (data.nargs as usize) < copy {
                return Err(too_many_args());
            }
            let from = vm.stack.len() - copy;
            let closure = data.stack.get_or_insert_with(Vec::new);
            closure.extend(vm.stack.drain(from..));
            let depth = closure.len();
            if data.nargs >= 0 {
                data.nargs -= copy as i32;
            }
            vm.charge_stack(depth)?;
        }
        if more >= 0 {
            if data.nargs > more {
                data.nargs = NARGS_NEVER;
            } else if data.nargs < 0 {
                data.nargs = more;
            }
        }
    }
    vm.push(Value::Cont(cont));
    Ok(())
}

/// `SETCONTARGS r,n`: binds `r` values, then expects `n` more (15 = any).
fn exec_setcontargs(vm: &mut Vm, ins: &Instr) -> Exec {
    setcontargs_common(vm, ((ins.args >> 4) & 15) as usize, optional_nargs(ins.args & 15))
}

fn exec_setcontvarargs(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let more = pop_i32(vm, -1, 255)?;
    let copy = pop_i32(vm, 0, 255)?;
    setcontargs_common(vm, copy as usize, more)
}

fn exec_setnumvarargs(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let more = pop_i32(vm, -1, 255)?;
    setcontargs_common(vm, 0, more)
}

/// Keeps the top `count` values and moves the rest into c0's stack.
fn return_args_common(vm: &mut Vm, count: usize) -> Exec {
    vm.check_depth(count)?;
    if vm.stack.len() == count {
        return Ok(());
    }
    let copy = vm.stack.len() - count;
    let top = vm.stack.split_off(copy);
    let rest = std::mem::replace(&mut vm.stack, top);
    let mut c0 = creg(vm, 0);
    let data = force_cdata(&mut c0);
    if data.nargs >= 0 && (data.nargs as usize) < copy {
        return Err(too_many_args());
    }
    let depth = match &mut data.stack {
        Some(closure) => {
            closure.extend(rest);
            closure.len()
        }
        None => {
            let depth = rest.len();
            data.stack = Some(rest);
            depth
        }
    };
    if data.nargs >= 0 {
        data.nargs -= copy as i32;
    }
    vm.charge_stack(depth)?;
    vm.regs.c[0] = Some(c0);
    Ok(())
}

fn exec_returnargs(vm: &mut Vm, ins: &Instr) -> Exec {
    return_args_common(vm, (ins.args & 15) as usize)
}

fn exec_returnvarargs(vm: &mut Vm, _: &Instr) -> Exec {
    let count = pop_i32(vm, 0, 255)?;
    return_args_common(vm, count as usize)
}

/// `BLESS`: `s - c`.
fn exec_bless(vm: &mut Vm, _: &Instr) -> Exec {
    let code = vm.pop_slice()?;
    let cont = vm.ord_cont(&code);
    vm.push(Value::Cont(cont));
    Ok(())
}

/// A continuation of a slice with the top `copy` values bound (always a
/// stack of its own, even an empty one) and `more` arguments expected.
fn bless_args_common(vm: &mut Vm, copy: usize, more: i32) -> Exec {
    vm.check_depth(copy + 1)?;
    let code = vm.pop_slice()?;
    let bound = vm.stack.split_off(vm.stack.len() - copy);
    vm.charge_stack(bound.len())?;
    let code = vm.program_for(&code);
    let data = ControlData { stack: Some(bound), nargs: more, ..ControlData::new(vm.cp) };
    vm.push(Value::Cont(Rc::new(Cont::Ord { data, code })));
    Ok(())
}

fn exec_blessvarargs(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let more = pop_i32(vm, -1, 255)?;
    let copy = pop_i32(vm, 0, 255)?;
    bless_args_common(vm, copy as usize, more)
}

/// `BLESSARGS r,n`: binds `r` values, expects `n` more (15 = any).
fn exec_blessargs(vm: &mut Vm, ins: &Instr) -> Exec {
    bless_args_common(vm, ((ins.args >> 4) & 15) as usize, optional_nargs(ins.args & 15))
}

pub(super) fn register(t: &mut TableBuilder) {
    t.fixed(0xec, 8, 8, "SETCONTARGS_N", exec_setcontargs);
    t.fixed(0xed0, 12, 4, "RETURNARGS", exec_returnargs);
    t.simple(0xed10, 16, "RETURNVARARGS", exec_returnvarargs);
    t.simple(0xed11, 16, "SETCONTVARARGS", exec_setcontvarargs);
    t.simple(0xed12, 16, "SETNUMVARARGS", exec_setnumvarargs);
    t.simple(0xed1e, 16, "BLESS", exec_bless);
    t.simple(0xed1f, 16, "BLESSVARARGS", exec_blessvarargs);
    t.fixed(0xee, 8, 8, "BLESSARGS", exec_blessargs);
}
