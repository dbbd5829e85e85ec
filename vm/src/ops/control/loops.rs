//! Loops: REPEAT, UNTIL, WHILE, AGAIN, their END forms (the rest of the
//! current code is the body) and BRK forms (c1 leaves the loop).

use std::rc::Rc;

use crate::cont::Cont;
use crate::error::Exec;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::vm::Vm;

use super::{creg, define_cont};

/// The reference's `c1_envelope_if`: for the BRK forms, `after` keeps the
/// current c1 and c0 and becomes c1, so RETALT leaves the loop.
fn c1_envelope_if(vm: &mut Vm, brk: bool, mut after: Rc<Cont>) -> Rc<Cont> {
    if brk {
        define_cont(&mut after, 1, vm.regs.c[1].clone());
        define_cont(&mut after, 0, vm.regs.c[0].clone());
        vm.regs.c[1] = Some(after.clone());
    }
    after
}

/// Pops a loop count: any 32-bit signed integer.
fn pop_count(vm: &mut Vm) -> Result<i64, crate::Trap> {
    vm.pop_smallint_between(i32::MIN as i64, i32::MAX as i64)
}

fn repeat(vm: &mut Vm, body: Rc<Cont>, after: Rc<Cont>, count: i64) -> Exec {
    vm.jump(Rc::new(Cont::Repeat { body, after, count }))
}

fn until(vm: &mut Vm, body: Rc<Cont>, after: Rc<Cont>) -> Exec {
    if !body.has_c0() {
        vm.regs.c[0] = Some(Rc::new(Cont::Until { body: body.clone(), after }));
    }
    vm.jump(body)
}

fn loop_while(vm: &mut Vm, cond: Rc<Cont>, body: Rc<Cont>, after: Rc<Cont>) -> Exec {
    if !cond.has_c0() {
        vm.regs.c[0] = Some(Rc::new(Cont::While { cond: cond.clone(), body, after, check_cond: true }));
    }
    vm.jump(cond)
}

/// `REPEAT`: `n c -`; a count <= 0 does nothing at all.
fn repeat_common(vm: &mut Vm, brk: bool) -> Exec {
    vm.check_depth(2)?;
    let body = vm.pop_cont()?;
    let count = pop_count(vm)?;
    if count <= 0 {
        return Ok(());
    }
    let cc = vm.extract_cc(1, -1, -1)?;
    let after = c1_envelope_if(vm, brk, cc);
    repeat(vm, body, after, count)
}

/// `REPEATEND`: `n -`; a count <= 0 returns.
fn repeat_end_common(vm: &mut Vm, brk: bool) -> Exec {
    vm.check_depth(1)?;
    let count = pop_count(vm)?;
    if count <= 0 {
        return vm.ret();
    }
    let body = vm.extract_cc(0, -1, -1)?;
    let c0 = creg(vm, 0);
    let after = c1_envelope_if(vm, brk, c0);
    repeat(vm, body, after, count)
}

fn until_common(vm: &mut Vm, brk: bool) -> Exec {
    let body = vm.pop_cont()?;
    let cc = vm.extract_cc(1, -1, -1)?;
    let after = c1_envelope_if(vm, brk, cc);
    until(vm, body, after)
}

fn until_end_common(vm: &mut Vm, brk: bool) -> Exec {
    let body = vm.extract_cc(0, -1, -1)?;
    let c0 = creg(vm, 0);
    let after = c1_envelope_if(vm, brk, c0);
    until(vm, body, after)
}

/// `WHILE`: `c' c -`; runs `c'`, and `c` while it leaves true.
fn while_common(vm: &mut Vm, brk: bool) -> Exec {
    vm.check_depth(2)?;
    let body = vm.pop_cont()?;
    let cond = vm.pop_cont()?;
    let cc = vm.extract_cc(1, -1, -1)?;
    let after = c1_envelope_if(vm, brk, cc);
    loop_while(vm, cond, body, after)
}

fn while_end_common(vm: &mut Vm, brk: bool) -> Exec {
    let cond = vm.pop_cont()?;
    let body = vm.extract_cc(0, -1, -1)?;
    let c0 = creg(vm, 0);
    let after = c1_envelope_if(vm, brk, c0);
    loop_while(vm, cond, body, after)
}

/// `AGAIN`: for the BRK form c1 becomes the current continuation before the
/// body is even popped (as in the reference).
fn again_common(vm: &mut Vm, brk: bool) -> Exec {
    if brk {
        let cc = vm.extract_cc(3, -1, -1)?;
        vm.regs.c[1] = Some(cc);
    }
    let body = vm.pop_cont()?;
    vm.jump(Rc::new(Cont::Again { body }))
}

/// `AGAINEND`: for the BRK form c1 becomes c0 (which keeps the old c1: `c1_save_set`).
fn again_end_common(vm: &mut Vm, brk: bool) -> Exec {
    if brk {
        let mut c0 = creg(vm, 0);
        define_cont(&mut c0, 1, vm.regs.c[1].clone());
        vm.regs.c[0] = Some(c0.clone());
        vm.regs.c[1] = Some(c0);
    }
    let body = vm.extract_cc(0, -1, -1)?;
    vm.jump(Rc::new(Cont::Again { body }))
}

fn exec_repeat(vm: &mut Vm, _: &Instr) -> Exec {
    repeat_common(vm, false)
}

fn exec_repeatend(vm: &mut Vm, _: &Instr) -> Exec {
    repeat_end_common(vm, false)
}

fn exec_until(vm: &mut Vm, _: &Instr) -> Exec {
    until_common(vm, false)
}

fn exec_untilend(vm: &mut Vm, _: &Instr) -> Exec {
    until_end_common(vm, false)
}

fn exec_while(vm: &mut Vm, _: &Instr) -> Exec {
    while_common(vm, false)
}

fn exec_whileend(vm: &mut Vm, _: &Instr) -> Exec {
    while_end_common(vm, false)
}

fn exec_again(vm: &mut Vm, _: &Instr) -> Exec {
    again_common(vm, false)
}

fn exec_againend(vm: &mut Vm, _: &Instr) -> Exec {
    again_end_common(vm, false)
}

fn exec_repeatbrk(vm: &mut Vm, _: &Instr) -> Exec {
    repeat_common(vm, true)
}

fn exec_repeatendbrk(vm: &mut Vm, _: &Instr) -> Exec {
    repeat_end_common(vm, true)
}

fn exec_untilbrk(vm: &mut Vm, _: &Instr) -> Exec {
    until_common(vm, true)
}

fn exec_untilendbrk(vm: &mut Vm, _: &Instr) -> Exec {
    until_end_common(vm, true)
}

fn exec_whilebrk(vm: &mut Vm, _: &Instr) -> Exec {
    while_common(vm, true)
}

fn exec_whileendbrk(vm: &mut Vm, _: &Instr) -> Exec {
    while_end_common(vm, true)
}

fn exec_againbrk(vm: &mut Vm, _: &Instr) -> Exec {
    again_common(vm, true)
}

fn exec_againendbrk(vm: &mut Vm, _: &Instr) -> Exec {
    again_end_common(vm, true)
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xe4, 8, "REPEAT", exec_repeat);
    t.simple(0xe5, 8, "REPEATEND", exec_repeatend);
    t.simple(0xe6, 8, "UNTIL", exec_until);
    t.simple(0xe7, 8, "UNTILEND", exec_untilend);
    t.simple(0xe8, 8, "WHILE", exec_while);
    t.simple(0xe9, 8, "WHILEEND", exec_whileend);
    t.simple(0xea, 8, "AGAIN", exec_again);
    t.simple(0xeb, 8, "AGAINEND", exec_againend);
    t.simple(0xe314, 16, "REPEATBRK", exec_repeatbrk);
    t.simple(0xe315, 16, "REPEATENDBRK", exec_repeatendbrk);
    t.simple(0xe316, 16, "UNTILBRK", exec_untilbrk);
    t.simple(0xe317, 16, "UNTILENDBRK", exec_untilendbrk);
    t.simple(0xe318, 16, "WHILEBRK", exec_whilebrk);
    t.simple(0xe319, 16, "WHILEENDBRK", exec_whileendbrk);
    t.simple(0xe31a, 16, "AGAINBRK", exec_againbrk);
    t.simple(0xe31b, 16, "AGAINENDBRK", exec_againendbrk);
}
