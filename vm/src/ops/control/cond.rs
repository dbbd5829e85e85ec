//! Conditional control flow: IFRET .. IFELSE, the REF forms, CONDSEL(CHK),
//! IFRETALT / IFNOTRETALT and IFBITJMP / IFNBITJMP (plain and REF).

use crate::error::{excno, Exec, Trap};
use crate::int257::Int257;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::vm::Vm;

use super::{decode_one_ref, decode_two_refs, ref_cont};

fn exec_ifret(vm: &mut Vm, _: &Instr) -> Exec {
    if vm.pop_bool()? {
        vm.ret()
    } else {
        Ok(())
    }
}

fn exec_ifnotret(vm: &mut Vm, _: &Instr) -> Exec {
    if vm.pop_bool()? {
        Ok(())
    } else {
        vm.ret()
    }
}

/// `IF` / `IFNOT` / `IFJMP` / `IFNOTJMP`: `f c -`; calls or jumps when `f` is `when`.
fn cond_transfer(vm: &mut Vm, when: bool, jump: bool) -> Exec {
    vm.check_depth(2)?;
    let cont = vm.pop_cont()?;
    if vm.pop_bool()? != when {
        return Ok(());
    }
    if jump {
        vm.jump(cont)
    } else {
        vm.call(cont)
    }
}

fn exec_if(vm: &mut Vm, _: &Instr) -> Exec {
    cond_transfer(vm, true, false)
}

fn exec_ifnot(vm: &mut Vm, _: &Instr) -> Exec {
    cond_transfer(vm, false, false)
}

fn exec_ifjmp(vm: &mut Vm, _: &Instr) -> Exec {
    cond_transfer(vm, true, true)
}

fn exec_ifnotjmp(vm: &mut Vm, _: &Instr) -> Exec {
    cond_transfer(vm, false, true)
}

/// `IFELSE`: `f c c' -`; calls `c` if `f`, else `c'`.
fn exec_ifelse(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(3)?;
    let otherwise = vm.pop_cont()?;
    let then = vm.pop_cont()?;
    let cont = if vm.pop_bool()? { then } else { otherwise };
    vm.call(cont)
}

/// The REF forms of IF / IFNOT / IFJMP / IFNOTJMP: the ref is loaded only when taken.
fn cond_transfer_ref(vm: &mut Vm, ins: &Instr, when: bool, jump: bool) -> Exec {
    if vm.pop_bool()? != when {
        return Ok(());
    }
    let cont = ref_cont(vm, ins.imm)?;
    if jump {
        vm.jump(cont)
    } else {
        vm.call(cont)
    }
}

fn exec_ifref(vm: &mut Vm, ins: &Instr) -> Exec {
    cond_transfer_ref(vm, ins, true, false)
}

fn exec_ifnotref(vm: &mut Vm, ins: &Instr) -> Exec {
    cond_transfer_ref(vm, ins, false, false)
}

fn exec_ifjmpref(vm: &mut Vm, ins: &Instr) -> Exec {
    cond_transfer_ref(vm, ins, true, true)
}

fn exec_ifnotjmpref(vm: &mut Vm, ins: &Instr) -> Exec {
    cond_transfer_ref(vm, ins, false, true)
}

/// `CONDSEL`: `f x y - x or y`.
fn exec_condsel(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(3)?;
    let y = vm.pop()?;
    let x = vm.pop()?;
    let chosen = if vm.pop_bool()? { x } else { y };
    vm.push(chosen);
    Ok(())
}

/// `CONDSELCHK`: as `CONDSEL`, but `x` and `y` must have the same type (NaN is an integer).
fn exec_condselchk(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(3)?;
    let y = vm.pop()?;
    let x = vm.pop()?;
    if x.type_name() != y.type_name() {
        return Err(Trap::exc(excno::TYPE_CHECK));
    }
    let chosen = if vm.pop_bool()? { x } else { y };
    vm.push(chosen);
    Ok(())
}

fn exec_ifretalt(vm: &mut Vm, _: &Instr) -> Exec {
    if vm.pop_bool()? {
        vm.ret_alt()
    } else {
        Ok(())
    }
}

fn exec_ifnotretalt(vm: &mut Vm, _: &Instr) -> Exec {
    if vm.pop_bool()? {
        Ok(())
    } else {
        vm.ret_alt()
    }
}

/// `IFREFELSE` (`ref_when` = true) / `IFELSEREF` (false): `f c -`; calls the
/// ref when `f == ref_when`, else `c`.
fn ifelse_ref(vm: &mut Vm, ins: &Instr, ref_when: bool) -> Exec {
    vm.check_depth(2)?;
    let cont = vm.pop_cont()?;
    let cont = if vm.pop_bool()? == ref_when { ref_cont(vm, ins.imm)? } else { cont };
    vm.call(cont)
}

fn exec_ifrefelse(vm: &mut Vm, ins: &Instr) -> Exec {
    ifelse_ref(vm, ins, true)
}

fn exec_ifelseref(vm: &mut Vm, ins: &Instr) -> Exec {
    ifelse_ref(vm, ins, false)
}

fn exec_ifrefelseref(vm: &mut Vm, ins: &Instr) -> Exec {
    let index = if vm.pop_bool()? { ins.imm } else { ins.imm + 1 };
    let cont = ref_cont(vm, index)?;
    vm.call(cont)
}

/// Bit `n` (0..=31) of `x` in two's complement.
fn int_bit(x: &Int257, n: u32) -> bool {
    match x.to_i64() {
        Some(v) => (v >> n) & 1 != 0,
        None => x.to_bigint().bit(n as u64),
    }
}

/// Pops `x` (a finite integer), pushes it back and tells whether the jump
/// is taken: bit `args & 31` of `x`, inverted when `args & 32` (the N forms).
fn bit_test(vm: &mut Vm, args: u32) -> Result<bool, Trap> {
    let x = vm.pop_int()?;
    let bit = int_bit(&x, args & 31);
    vm.push_int(x);
    Ok(bit != (args & 32 != 0))
}

/// `IFBITJMP n` / `IFNBITJMP n`: `x c - x`.
fn exec_ifbitjmp(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.check_depth(2)?;
    let cont = vm.pop_cont()?;
    if bit_test(vm, ins.args)? {
        vm.jump(cont)
    } else {
        Ok(())
    }
}

/// `IFBITJMPREF n` / `IFNBITJMPREF n`: `x - x`.
fn exec_ifbitjmpref(vm: &mut Vm, ins: &Instr) -> Exec {
    if bit_test(vm, ins.args)? {
        let cont = ref_cont(vm, ins.imm)?;
        vm.jump(cont)
    } else {
        Ok(())
    }
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xdc, 8, "IFRET", exec_ifret);
    t.simple(0xdd, 8, "IFNOTRET", exec_ifnotret);
    t.simple(0xde, 8, "IF", exec_if);
    t.simple(0xdf, 8, "IFNOT", exec_ifnot);
    t.simple(0xe0, 8, "IFJMP", exec_ifjmp);
    t.simple(0xe1, 8, "IFNOTJMP", exec_ifnotjmp);
    t.simple(0xe2, 8, "IFELSE", exec_ifelse);
    t.ext(0xe300, 16, 0, "IFREF", decode_one_ref, exec_ifref);
    t.ext(0xe301, 16, 0, "IFNOTREF", decode_one_ref, exec_ifnotref);
    t.ext(0xe302, 16, 0, "IFJMPREF", decode_one_ref, exec_ifjmpref);
    t.ext(0xe303, 16, 0, "IFNOTJMPREF", decode_one_ref, exec_ifnotjmpref);
    t.simple(0xe304, 16, "CONDSEL", exec_condsel);
    t.simple(0xe305, 16, "CONDSELCHK", exec_condselchk);
    t.simple(0xe308, 16, "IFRETALT", exec_ifretalt);
    t.simple(0xe309, 16, "IFNOTRETALT", exec_ifnotretalt);
    t.ext(0xe30d, 16, 0, "IFREFELSE", decode_one_ref, exec_ifrefelse);
    t.ext(0xe30e, 16, 0, "IFELSEREF", decode_one_ref, exec_ifelseref);
    t.ext(0xe30f, 16, 0, "IFREFELSEREF", decode_two_refs, exec_ifrefelseref);
    // The reference registers each pair as one 10-bit opcode with a 6-bit
    // argument (negate flag + bit index); cp0 names the two halves.
    t.fixed_range(0xe380, 0xe3a0, 16, "IFBITJMP", exec_ifbitjmp);
    t.fixed_range(0xe3a0, 0xe3c0, 16, "IFNBITJMP", exec_ifbitjmp);
    t.ext_range(0xe3c0, 0xe3e0, 16, "IFBITJMPREF", decode_one_ref, exec_ifbitjmpref);
    t.ext_range(0xe3e0, 0xe400, 16, "IFNBITJMPREF", decode_one_ref, exec_ifbitjmpref);
}
