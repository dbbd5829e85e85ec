//! Unconditional calls, jumps and returns: EXECUTE, JMPX, the ARGS and
//! VARARGS forms, CALLCC, the DATA forms and CALLREF / JMPREF.

use crate::error::Exec;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

use super::{decode_one_ref, optional_nargs, pop_i32, push_code, ref_cont};

fn exec_execute(vm: &mut Vm, _: &Instr) -> Exec {
    let cont = vm.pop_cont()?;
    vm.call(cont)
}

fn exec_jmpx(vm: &mut Vm, _: &Instr) -> Exec {
    let cont = vm.pop_cont()?;
    vm.jump(cont)
}

/// `CALLXARGS p,r`: passes `p` values, expects `r` back.
fn exec_callxargs(vm: &mut Vm, ins: &Instr) -> Exec {
    let (params, retvals) = ((ins.args >> 4) & 15, ins.args & 15);
    let cont = vm.pop_cont()?;
    vm.call_args(cont, params as i32, retvals as i32)
}

/// `CALLXARGS p,-1`: passes `p` values, takes any number back.
fn exec_callxargs_var(vm: &mut Vm, ins: &Instr) -> Exec {
    let cont = vm.pop_cont()?;
    vm.call_args(cont, (ins.args & 15) as i32, -1)
}

fn exec_jmpxargs(vm: &mut Vm, ins: &Instr) -> Exec {
    let cont = vm.pop_cont()?;
    vm.jump_args(cont, (ins.args & 15) as i32)
}

fn exec_retargs(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.ret_args((ins.args & 15) as i32)
}

fn exec_ret(vm: &mut Vm, _: &Instr) -> Exec {
    vm.ret()
}

fn exec_retalt(vm: &mut Vm, _: &Instr) -> Exec {
    vm.ret_alt()
}

/// `RETBOOL` (cp0's `BRANCH`): RET on true, RETALT on false.
fn exec_retbool(vm: &mut Vm, _: &Instr) -> Exec {
    if vm.pop_bool()? {
        vm.ret()
    } else {
        vm.ret_alt()
    }
}

/// `CALLCC`: jumps, handing the current continuation (with c0 and c1) over.
fn exec_callcc(vm: &mut Vm, _: &Instr) -> Exec {
    let cont = vm.pop_cont()?;
    let cc = vm.extract_cc(3, -1, -1)?;
    vm.push(Value::Cont(cc));
    vm.jump(cont)
}

fn exec_jmpxdata(vm: &mut Vm, _: &Instr) -> Exec {
    let cont = vm.pop_cont()?;
    push_code(vm);
    vm.jump(cont)
}

/// `CALLCCARGS p,r`: the current continuation keeps all but `p` values and expects `r` (15 = any).
fn exec_callccargs(vm: &mut Vm, ins: &Instr) -> Exec {
    let params = ((ins.args >> 4) & 15) as i32;
    let retvals = optional_nargs(ins.args & 15);
    vm.check_depth(params as usize + 1)?;
    let cont = vm.pop_cont()?;
    let cc = vm.extract_cc(3, params, retvals)?;
    vm.push(Value::Cont(cc));
    vm.jump(cont)
}

fn exec_callxvarargs(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(3)?;
    let retvals = pop_i32(vm, -1, 254)?;
    let params = pop_i32(vm, -1, 254)?;
    let cont = vm.pop_cont()?;
    vm.call_args(cont, params, retvals)
}

fn exec_retvarargs(vm: &mut Vm, _: &Instr) -> Exec {
    let retvals = pop_i32(vm, -1, 254)?;
    vm.ret_args(retvals)
}

fn exec_jmpxvarargs(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let params = pop_i32(vm, -1, 254)?;
    vm.check_depth((params + 1) as usize)?;
    let cont = vm.pop_cont()?;
    vm.jump_args(cont, params)
}

fn exec_callccvarargs(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(3)?;
    let retvals = pop_i32(vm, -1, 254)?;
    let params = pop_i32(vm, -1, 254)?;
    vm.check_depth((params + 1) as usize)?;
    let cont = vm.pop_cont()?;
    let cc = vm.extract_cc(3, params, retvals)?;
    vm.push(Value::Cont(cc));
    vm.jump(cont)
}

fn exec_callref(vm: &mut Vm, ins: &Instr) -> Exec {
    let cont = ref_cont(vm, ins.imm)?;
    vm.call(cont)
}

fn exec_jmpref(vm: &mut Vm, ins: &Instr) -> Exec {
    let cont = ref_cont(vm, ins.imm)?;
    vm.jump(cont)
}

/// `JMPREFDATA`: the ref is loaded first, then the rest of the code is pushed.
fn exec_jmprefdata(vm: &mut Vm, ins: &Instr) -> Exec {
    let cont = ref_cont(vm, ins.imm)?;
    push_code(vm);
    vm.jump(cont)
}

fn exec_retdata(vm: &mut Vm, _: &Instr) -> Exec {
    push_code(vm);
    vm.ret()
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xd8, 8, "EXECUTE", exec_execute);
    t.simple(0xd9, 8, "JMPX", exec_jmpx);
    t.fixed(0xda, 8, 8, "CALLXARGS", exec_callxargs);
    t.fixed(0xdb0, 12, 4, "CALLXARGS_VAR", exec_callxargs_var);
    t.fixed(0xdb1, 12, 4, "JMPXARGS", exec_jmpxargs);
    t.fixed(0xdb2, 12, 4, "RETARGS", exec_retargs);
    t.simple(0xdb30, 16, "RET", exec_ret);
    t.simple(0xdb31, 16, "RETALT", exec_retalt);
    t.simple(0xdb32, 16, "BRANCH", exec_retbool);
    t.simple(0xdb34, 16, "CALLCC", exec_callcc);
    t.simple(0xdb35, 16, "JMPXDATA", exec_jmpxdata);
    t.fixed(0xdb36, 16, 8, "CALLCCARGS", exec_callccargs);
    t.simple(0xdb38, 16, "CALLXVARARGS", exec_callxvarargs);
    t.simple(0xdb39, 16, "RETVARARGS", exec_retvarargs);
    t.simple(0xdb3a, 16, "JMPXVARARGS", exec_jmpxvarargs);
    t.simple(0xdb3b, 16, "CALLCCVARARGS", exec_callccvarargs);
    t.ext(0xdb3c, 16, 0, "CALLREF", decode_one_ref, exec_callref);
    t.ext(0xdb3d, 16, 0, "JMPREF", decode_one_ref, exec_jmpref);
    t.ext(0xdb3e, 16, 0, "JMPREFDATA", decode_one_ref, exec_jmprefdata);
    t.simple(0xdb3f, 16, "RETDATA", exec_retdata);
}
