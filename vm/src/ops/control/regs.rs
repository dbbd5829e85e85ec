//! Control registers: PUSHCTR / POPCTR and their X forms, the save-list
//! operations (SETCONTCTR, SETRETCTR, SETALTCTR, POPSAVE, SAVE, SAVEALT,
//! SAVEBOTH, SETCONTCTRMANY(X)) and the c0/c1 compositions (COMPOS ..
//! SAMEALTSAVE, BOOLEVAL).

use std::rc::Rc;

use crate::cont::{force_cdata, Cont, Regs};
use crate::error::{excno, Exec, Trap};
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

use super::{creg, define_cont};

fn type_check() -> Trap {
    Trap::exc(excno::TYPE_CHECK)
}

fn range_check() -> Trap {
    Trap::exc(excno::RANGE_CHECK)
}

/// Whether `i` names a control register (c0-c5, c7).
fn valid_index(i: usize) -> bool {
    i <= 5 || i == 7
}

/// The reference's `ControlRegs::set`: c0-c3 take continuations, c4/c5
/// cells, c7 tuples; anything else is refused.
fn set_reg(regs: &mut Regs, i: usize, value: Value) -> bool {
    match (i, value) {
        (0..=3, Value::Cont(c)) => regs.c[i] = Some(c),
        (4 | 5, Value::Cell(c)) => regs.d[i - 4] = Some(c),
        (7, Value::Tuple(t)) => regs.c7 = Some(t),
        _ => return false,
    }
    true
}

/// The reference's `ControlRegs::define`: like `set_reg` but only into an
/// empty slot. An occupied slot is refused (before global version 14;
/// from 14 on it is silently kept), except c7, which is always accepted
/// and keeps its old value.
fn define_reg(regs: &mut Regs, i: usize, value: Value, silent_if_set: bool) -> bool {
    match (i, value) {
        (0..=3, Value::Cont(c)) => {
            if regs.c[i].is_some() {
                return silent_if_set;
            }
            regs.c[i] = Some(c);
        }
        (4 | 5, Value::Cell(c)) => {
            if regs.d[i - 4].is_some() {
                return silent_if_set;
            }
            regs.d[i - 4] = Some(c);
        }
        (7, Value::Tuple(t)) => {
            if regs.c7.is_none() {
                regs.c7 = Some(t);
            }
        }
        _ => return false,
    }
    true
}

/// The current value of register `i` (null if unset or invalid).
fn get_reg(vm: &Vm, i: usize) -> Value {
    vm.regs.get(i).unwrap_or(Value::Null)
}

/// Whether writes into an occupied save-list slot are silently ignored (global version 14).
fn silent_if_set(vm: &Vm) -> bool {
    vm.version >= 14
}

/// Defines register `i` in the save list of `cont` (wrapping it if needed); type check on refusal.
fn define_in(cont: &mut Rc<Cont>, i: usize, value: Value, silent: bool) -> Exec {
    if define_reg(&mut force_cdata(cont).save, i, value, silent) {
        Ok(())
    } else {
        Err(type_check())
    }
}

fn exec_pushctr(vm: &mut Vm, ins: &Instr) -> Exec {
    let value = get_reg(vm, (ins.args & 15) as usize);
    vm.push(value);
    Ok(())
}

fn exec_popctr(vm: &mut Vm, ins: &Instr) -> Exec {
    let value = vm.pop()?;
    if set_reg(&mut vm.regs, (ins.args & 15) as usize, value) {
        Ok(())
    } else {
        Err(type_check())
    }
}

/// `SETCONTCTR c(i)`: `x c - c'`, x goes into the save list of c.
fn exec_setcontctr(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.check_depth(2)?;
    let mut cont = vm.pop_cont()?;
    let value = vm.pop()?;
    define_in(&mut cont, (ins.args & 15) as usize, value, silent_if_set(vm))?;
    vm.push(Value::Cont(cont));
    Ok(())
}

/// `SETRETCTR` (`reg` = 0) / `SETALTCTR` (`reg` = 1): `x -`, x goes into the save list of c0 / c1.
fn set_ctr_into(vm: &mut Vm, ins: &Instr, reg: usize) -> Exec {
    let mut cont = creg(vm, reg);
    let value = vm.pop()?;
    define_in(&mut cont, (ins.args & 15) as usize, value, silent_if_set(vm))?;
    vm.regs.c[reg] = Some(cont);
    Ok(())
}

fn exec_setretctr(vm: &mut Vm, ins: &Instr) -> Exec {
    set_ctr_into(vm, ins, 0)
}

fn exec_setaltctr(vm: &mut Vm, ins: &Instr) -> Exec {
    set_ctr_into(vm, ins, 1)
}

/// `POPSAVE c(i)`: saves the old c(i) into c0's save list (if free), then pops the new c(i).
fn exec_popsave(vm: &mut Vm, ins: &Instr) -> Exec {
    let i = (ins.args & 15) as usize;
    let value = vm.pop()?;
    if i == 0 && !matches!(value, Value::Cont(_)) {
        return Err(type_check());
    }
    let mut c0 = creg(vm, 0);
    // An occupied slot is kept without complaint here.
    define_reg(&mut force_cdata(&mut c0).save, i, get_reg(vm, i), false);
    if i == 0 {
        vm.regs.c[0] = Some(c0);
        if !set_reg(&mut vm.regs, 0, value) {
            return Err(type_check());
        }
    } else {
        if !set_reg(&mut vm.regs, i, value) {
            return Err(type_check());
        }
        vm.regs.c[0] = Some(c0);
    }
    Ok(())
}

/// `SAVE` (`reg` = 0) / `SAVEALT` (`reg` = 1): c(i) goes into the save list of c0 / c1.
fn save_into(vm: &mut Vm, ins: &Instr, reg: usize) -> Exec {
    let i = (ins.args & 15) as usize;
    let mut cont = creg(vm, reg);
    define_in(&mut cont, i, get_reg(vm, i), silent_if_set(vm))?;
    vm.regs.c[reg] = Some(cont);
    Ok(())
}

fn exec_save(vm: &mut Vm, ins: &Instr) -> Exec {
    save_into(vm, ins, 0)
}

fn exec_savealt(vm: &mut Vm, ins: &Instr) -> Exec {
    save_into(vm, ins, 1)
}

/// `SAVEBOTH c(i)`: c(i) into the save lists of c0 and c1 (occupied slots are kept silently).
fn exec_saveboth(vm: &mut Vm, ins: &Instr) -> Exec {
    let i = (ins.args & 15) as usize;
    let (mut c0, mut c1) = (creg(vm, 0), creg(vm, 1));
    let value = get_reg(vm, i);
    define_reg(&mut force_cdata(&mut c0).save, i, value.clone(), false);
    define_reg(&mut force_cdata(&mut c1).save, i, value, false);
    vm.regs.c[0] = Some(c0);
    vm.regs.c[1] = Some(c1);
    Ok(())
}

/// `PUSHCTRX`: `i - c(i)`; an invalid index is a range check error.
fn exec_pushctrx(vm: &mut Vm, _: &Instr) -> Exec {
    let i = vm.pop_smallint_range(16)? as usize;
    let value = get_reg(vm, i);
    if value.is_null() {
        return Err(range_check());
    }
    vm.push(value);
    Ok(())
}

/// `POPCTRX`: `x i -`.
fn exec_popctrx(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let i = vm.pop_smallint_range(16)? as usize;
    if !valid_index(i) {
        return Err(range_check());
    }
    let value = vm.pop()?;
    if set_reg(&mut vm.regs, i, value) {
        Ok(())
    } else {
        Err(type_check())
    }
}

/// `SETCONTCTRX`: `x c i - c'`.
fn exec_setcontctrx(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(3)?;
    let i = vm.pop_smallint_range(16)? as usize;
    if !valid_index(i) {
        return Err(range_check());
    }
    let mut cont = vm.pop_cont()?;
    let value = vm.pop()?;
    define_in(&mut cont, i, value, silent_if_set(vm))?;
    vm.push(Value::Cont(cont));
    Ok(())
}

/// Saves every register of `mask` (bit i = c(i); c6 does not exist) into the save list of the popped continuation.
fn setcontctrmany_common(vm: &mut Vm, mask: u32) -> Exec {
    if mask & (1 << 6) != 0 {
        return Err(range_check());
    }
    let mut cont = vm.pop_cont()?;
    let silent = silent_if_set(vm);
    for i in (0..8).filter(|i| mask & (1 << i) != 0) {
        define_in(&mut cont, i, get_reg(vm, i), silent)?;
    }
    vm.push(Value::Cont(cont));
    Ok(())
}

fn exec_setcontctrmany(vm: &mut Vm, ins: &Instr) -> Exec {
    setcontctrmany_common(vm, ins.args & 255)
}

fn exec_setcontctrmanyx(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let mask = vm.pop_smallint_range(255)? as u32;
    setcontctrmany_common(vm, mask)
}

/// `COMPOS` (mask 1), `COMPOSALT` (2), `COMPOSBOTH` (3): `c c' - c''`, c' becomes c0 and/or c1 of c (if free).
fn compos(vm: &mut Vm, mask: u32) -> Exec {
    vm.check_depth(2)?;
    let value = vm.pop_cont()?;
    let mut cont = vm.pop_cont()?;
    if mask & 1 != 0 {
        define_cont(&mut cont, 0, Some(value.clone()));
    }
    if mask & 2 != 0 {
        define_cont(&mut cont, 1, Some(value));
    }
    vm.push(Value::Cont(cont));
    Ok(())
}

fn exec_compos(vm: &mut Vm, _: &Instr) -> Exec {
    compos(vm, 1)
}

fn exec_composalt(vm: &mut Vm, _: &Instr) -> Exec {
    compos(vm, 2)
}

fn exec_composboth(vm: &mut Vm, _: &Instr) -> Exec {
    compos(vm, 3)
}

/// `ATEXIT`: `c -`; c runs after the current c0 (c0 of c := c0; c0 := c).
fn exec_atexit(vm: &mut Vm, _: &Instr) -> Exec {
    let mut cont = vm.pop_cont()?;
    define_cont(&mut cont, 0, vm.regs.c[0].clone());
    vm.regs.c[0] = Some(cont);
    Ok(())
}

/// `ATEXITALT`: as `ATEXIT` for c1.
fn exec_atexitalt(vm: &mut Vm, _: &Instr) -> Exec {
    let mut cont = vm.pop_cont()?;
    define_cont(&mut cont, 1, vm.regs.c[1].clone());
    vm.regs.c[1] = Some(cont);
    Ok(())
}

/// `SETEXITALT`: `c -`; c keeps c0 and c1 and becomes c1.
fn exec_setexitalt(vm: &mut Vm, _: &Instr) -> Exec {
    let mut cont = vm.pop_cont()?;
    define_cont(&mut cont, 0, vm.regs.c[0].clone());
    define_cont(&mut cont, 1, vm.regs.c[1].clone());
    vm.regs.c[1] = Some(cont);
    Ok(())
}

/// `THENRET`: `c - c'` with c0 of c := the current c0.
fn exec_thenret(vm: &mut Vm, _: &Instr) -> Exec {
    let mut cont = vm.pop_cont()?;
    define_cont(&mut cont, 0, vm.regs.c[0].clone());
    vm.push(Value::Cont(cont));
    Ok(())
}

/// `THENRETALT`: `c - c'` with c0 of c := the current c1.
fn exec_thenretalt(vm: &mut Vm, _: &Instr) -> Exec {
    let mut cont = vm.pop_cont()?;
    define_cont(&mut cont, 0, vm.regs.c[1].clone());
    vm.push(Value::Cont(cont));
    Ok(())
}

fn exec_invert(vm: &mut Vm, _: &Instr) -> Exec {
    vm.regs.c.swap(0, 1);
    Ok(())
}

/// `BOOLEVAL`: `c - ?`; runs c, then continues with -1 if it returned through c0, 0 through c1.
fn exec_booleval(vm: &mut Vm, _: &Instr) -> Exec {
    let cont = vm.pop_cont()?;
    let cc = vm.extract_cc(3, -1, -1)?;
    vm.regs.c[0] = Some(Rc::new(Cont::PushInt { value: -1, next: cc.clone() }));
    vm.regs.c[1] = Some(Rc::new(Cont::PushInt { value: 0, next: cc }));
    vm.jump(cont)
}

/// `SAMEALT`: c1 := c0.
fn exec_samealt(vm: &mut Vm, _: &Instr) -> Exec {
    vm.regs.c[1] = vm.regs.c[0].clone();
    Ok(())
}

/// `SAMEALTSAVE`: c0 keeps the old c1, then c1 := c0.
fn exec_samealtsave(vm: &mut Vm, _: &Instr) -> Exec {
    let mut c0 = creg(vm, 0);
    define_cont(&mut c0, 1, vm.regs.c[1].clone());
    vm.regs.c[0] = Some(c0.clone());
    vm.regs.c[1] = Some(c0);
    Ok(())
}

/// Registers `base + i` for the valid register numbers (c0-c5, c7); ED x6 and ED x8..ED xF stay invalid.
fn register_ctr_range(t: &mut TableBuilder, base: u32, name: &'static str, exec: crate::program::ExecFn) {
    t.fixed_range(base, base + 6, 16, name, exec);
    t.fixed_range(base + 7, base + 8, 16, name, exec);
}

pub(super) fn register(t: &mut TableBuilder) {
    register_ctr_range(t, 0xed40, "PUSHCTR", exec_pushctr);
    register_ctr_range(t, 0xed50, "POPCTR", exec_popctr);
    register_ctr_range(t, 0xed60, "SETCONTCTR", exec_setcontctr);
    register_ctr_range(t, 0xed70, "SETRETCTR", exec_setretctr);
    register_ctr_range(t, 0xed80, "SETALTCTR", exec_setaltctr);
    register_ctr_range(t, 0xed90, "POPSAVE", exec_popsave);
    register_ctr_range(t, 0xeda0, "SAVE", exec_save);
    register_ctr_range(t, 0xedb0, "SAVEALT", exec_savealt);
    register_ctr_range(t, 0xedc0, "SAVEBOTH", exec_saveboth);
    t.simple(0xede0, 16, "PUSHCTRX", exec_pushctrx);
    t.simple(0xede1, 16, "POPCTRX", exec_popctrx);
    t.simple(0xede2, 16, "SETCONTCTRX", exec_setcontctrx);
    t.fixed(0xede3, 16, 8, "SETCONTCTRMANY", exec_setcontctrmany).since(9);
    t.simple(0xede4, 16, "SETCONTCTRMANYX", exec_setcontctrmanyx).since(9);
    t.simple(0xedf0, 16, "COMPOS", exec_compos);
    t.simple(0xedf1, 16, "COMPOSALT", exec_composalt);
    t.simple(0xedf2, 16, "COMPOSBOTH", exec_composboth);
    t.simple(0xedf3, 16, "ATEXIT", exec_atexit);
    t.simple(0xedf4, 16, "ATEXITALT", exec_atexitalt);
    t.simple(0xedf5, 16, "SETEXITALT", exec_setexitalt);
    t.simple(0xedf6, 16, "THENRET", exec_thenret);
    t.simple(0xedf7, 16, "THENRETALT", exec_thenretalt);
    t.simple(0xedf8, 16, "INVERT", exec_invert);
    t.simple(0xedf9, 16, "BOOLEVAL", exec_booleval);
    t.simple(0xedfa, 16, "SAMEALT", exec_samealt);
    t.simple(0xedfb, 16, "SAMEALTSAVE", exec_samealtsave);
}
