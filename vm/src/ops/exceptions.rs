//! Exceptions: THROW / THROWARG with an immediate number (short and long,
//! conditional forms), THROWANY with the number from the stack, and
//! TRY / TRYARGS, which install a handler in c2.

use crate::cont::force_cdata;
use crate::error::Exec;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// When a THROW form throws: always, or only when the popped flag is true / false.
#[derive(Clone, Copy)]
enum When {
    Always,
    If,
    IfNot,
}

impl When {
    /// Pops the flag (for the conditional forms) and says whether to throw.
    fn check(self, vm: &mut Vm) -> Result<bool, crate::Trap> {
        Ok(match self {
            When::Always => true,
            When::If => vm.pop_bool()?,
            When::IfNot => !vm.pop_bool()?,
        })
    }

    /// Stack entries needed by a THROWARG form: the argument, plus the flag.
    fn depth_with_arg(self) -> usize {
        match self {
            When::Always => 1,
            When::If | When::IfNot => 2,
        }
    }
}

/// `THROW n` family: raised straight from the instruction (not as a VM error),
/// so a failing handler jump is itself an ordinary exception.
fn throw_fixed(vm: &mut Vm, code: u32, when: When) -> Exec {
    if when.check(vm)? {
        vm.throw_exception(code as i32, Value::int(0))
    } else {
        Ok(())
    }
}

/// `THROWARG n` family: `x -` or `x f -`; x is dropped when nothing is thrown.
fn throw_arg_fixed(vm: &mut Vm, code: u32, when: When) -> Exec {
    vm.check_depth(when.depth_with_arg())?;
    let throw = when.check(vm)?;
    let arg = vm.pop()?;
    if throw {
        vm.throw_exception(code as i32, arg)
    } else {
        Ok(())
    }
}

fn exec_throw_short(vm: &mut Vm, ins: &Instr) -> Exec {
    throw_fixed(vm, ins.args & 63, When::Always)
}

fn exec_throwif_short(vm: &mut Vm, ins: &Instr) -> Exec {
    throw_fixed(vm, ins.args & 63, When::If)
}

fn exec_throwifnot_short(vm: &mut Vm, ins: &Instr) -> Exec {
    throw_fixed(vm, ins.args & 63, When::IfNot)
}

fn exec_throw(vm: &mut Vm, ins: &Instr) -> Exec {
    throw_fixed(vm, ins.args & 0x7ff, When::Always)
}

fn exec_throwif(vm: &mut Vm, ins: &Instr) -> Exec {
    throw_fixed(vm, ins.args & 0x7ff, When::If)
}

fn exec_throwifnot(vm: &mut Vm, ins: &Instr) -> Exec {
    throw_fixed(vm, ins.args & 0x7ff, When::IfNot)
}

fn exec_throwarg(vm: &mut Vm, ins: &Instr) -> Exec {
    throw_arg_fixed(vm, ins.args & 0x7ff, When::Always)
}

fn exec_throwargif(vm: &mut Vm, ins: &Instr) -> Exec {
    throw_arg_fixed(vm, ins.args & 0x7ff, When::If)
}

fn exec_throwargifnot(vm: &mut Vm, ins: &Instr) -> Exec {
    throw_arg_fixed(vm, ins.args & 0x7ff, When::IfNot)
}

/// `THROWANY` family (F2F0..F2F5): bit 0 = with argument, bits 1-2 = the
/// condition (2: if, 4: if not). Stack: `[x] n [f]`, n in 0..=0xffff.
fn exec_throwany(vm: &mut Vm, ins: &Instr) -> Exec {
    let has_arg = ins.args & 1 != 0;
    let has_cond = ins.args & 6 != 0;
    let throw_when = ins.args & 2 != 0;
    vm.check_depth(1 + has_cond as usize + has_arg as usize)?;
    let flag = if has_cond { vm.pop_bool()? } else { throw_when };
    let code = vm.pop_smallint_range(0xffff)? as i32;
    if flag != throw_when {
        if has_arg {
            vm.pop()?;
        }
        return Ok(());
    }
    let arg = if has_arg { vm.pop()? } else { Value::int(0) };
    vm.throw_exception(code, arg)
}

/// `TRY` (`args` = None) / `TRYARGS p,r`: `c c' -`; runs c with c' as the
/// exception handler. The current continuation (with c0, c1, c2) becomes
/// c0 of both; the handler also restores the old c2.
fn try_common(vm: &mut Vm, args: Option<(i32, i32)>) -> Exec {
    vm.check_depth(args.map_or(2, |(params, _)| params as usize + 2))?;
    let mut handler = vm.pop_cont()?;
    let body = vm.pop_cont()?;
    let old_c2 = vm.regs.c[2].clone();
    let (params, retvals) = args.unwrap_or((-1, -1));
    let cc = vm.extract_cc(7, params, retvals)?;
    let save = &mut force_cdata(&mut handler).save;
    if save.c[2].is_none() {
        save.c[2] = old_c2;
    }
    if save.c[0].is_none() {
        save.c[0] = Some(cc.clone());
    }
    vm.regs.c[0] = Some(cc);
    vm.regs.c[2] = Some(handler);
    vm.jump(body)
}

fn exec_try(vm: &mut Vm, _: &Instr) -> Exec {
    try_common(vm, None)
}

fn exec_tryargs(vm: &mut Vm, ins: &Instr) -> Exec {
    try_common(vm, Some((((ins.args >> 4) & 15) as i32, (ins.args & 15) as i32)))
}

pub(crate) fn register(t: &mut TableBuilder) {
    t.fixed(0xf200 >> 6, 10, 6, "THROW_SHORT", exec_throw_short);
    t.fixed(0xf240 >> 6, 10, 6, "THROWIF_SHORT", exec_throwif_short);
    t.fixed(0xf280 >> 6, 10, 6, "THROWIFNOT_SHORT", exec_throwifnot_short);
    t.fixed(0xf2c0 >> 3, 13, 11, "THROW", exec_throw);
    t.fixed(0xf2c8 >> 3, 13, 11, "THROWARG", exec_throwarg);
    t.fixed(0xf2d0 >> 3, 13, 11, "THROWIF", exec_throwif);
    t.fixed(0xf2d8 >> 3, 13, 11, "THROWARGIF", exec_throwargif);
    t.fixed(0xf2e0 >> 3, 13, 11, "THROWIFNOT", exec_throwifnot);
    t.fixed(0xf2e8 >> 3, 13, 11, "THROWARGIFNOT", exec_throwargifnot);
    // One handler for the six THROWANY forms, as the reference's fixed range F2F0..F2F5.
    t.simple(0xf2f0, 16, "THROWANY", exec_throwany);
    t.simple(0xf2f1, 16, "THROWARGANY", exec_throwany);
    t.simple(0xf2f2, 16, "THROWANYIF", exec_throwany);
    t.simple(0xf2f3, 16, "THROWARGANYIF", exec_throwany);
    t.simple(0xf2f4, 16, "THROWANYIFNOT", exec_throwany);
    t.simple(0xf2f5, 16, "THROWARGANYIFNOT", exec_throwany);
    t.simple(0xf2ff, 16, "TRY", exec_try);
    t.fixed(0xf3, 8, 8, "TRYARGS", exec_tryargs);
}
