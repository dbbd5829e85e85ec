//! `ADD` ... `MUL` and their quiet forms (`A0`-`A8`, `B7A0`-`B7A8`).

use super::{overflow_top, pop_num, pop_num_fast, push_num, Num};
use crate::error::Exec;
use crate::int257::Int257;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// Pops `y` then `x` (so `y` is type-checked first, as in the reference) and
/// pushes `f(x, y)`; NaN in either operand gives NaN.
#[inline(always)]
fn binary<const Q: bool>(vm: &mut Vm, f: impl Fn(Int257, Int257) -> Num) -> Exec {
    vm.check_depth(2)?;
    let y = pop_num_fast(vm)?;
    // Fast path: `x` is an integer on top and the result replaces it in place.
    if let (Some(y), Some(Value::Int(x))) = (y, vm.stack.last_mut()) {
        return match f(*x, y) {
            Some(r) => {
                *x = r;
                Ok(())
            }
            None => overflow_top::<Q>(vm),
        };
    }
    let x = pop_num(vm)?;
    let r = match (x, y) {
        (Some(x), Some(y)) => f(x, y),
        _ => None,
    };
    push_num::<Q>(vm, r)
}

/// Pops `x` and pushes `f(x)`; NaN gives NaN.
#[inline(always)]
fn unary<const Q: bool>(vm: &mut Vm, f: impl Fn(Int257) -> Num) -> Exec {
    // Fast path: an integer on top, replaced in place.
    if let Some(Value::Int(x)) = vm.stack.last_mut() {
        return match f(*x) {
            Some(r) => {
                *x = r;
                Ok(())
            }
            None => overflow_top::<Q>(vm),
        };
    }
    vm.check_depth(1)?;
    let x = pop_num(vm)?;
    push_num::<Q>(vm, x.and_then(f))
}

/// The signed 8-bit immediate of `ADDCONST` / `MULCONST`.
#[inline(always)]
fn tiny(ins: &Instr) -> i64 {
    ins.args as u8 as i8 as i64
}

fn exec_add<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    binary::<Q>(vm, |x, y| x.checked_add(y))
}

fn exec_sub<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    binary::<Q>(vm, |x, y| x.checked_sub(y))
}

fn exec_subr<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    binary::<Q>(vm, |x, y| y.checked_sub(x))
}

fn exec_mul<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    binary::<Q>(vm, |x, y| x.checked_mul(y))
}

fn exec_negate<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    unary::<Q>(vm, |x| x.checked_neg())
}

fn exec_inc<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    unary::<Q>(vm, |x| x.add_small(1))
}

fn exec_dec<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    unary::<Q>(vm, |x| x.add_small(-1))
}

fn exec_addconst<const Q: bool>(vm: &mut Vm, ins: &Instr) -> Exec {
    let c = tiny(ins);
    unary::<Q>(vm, |x| x.add_small(c))
}

fn exec_mulconst<const Q: bool>(vm: &mut Vm, ins: &Instr) -> Exec {
    let c = tiny(ins);
    unary::<Q>(vm, |x| x.mul_small(c))
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xa0, 8, "ADD", exec_add::<false>);
    t.simple(0xa1, 8, "SUB", exec_sub::<false>);
    t.simple(0xa2, 8, "SUBR", exec_subr::<false>);
    t.simple(0xa3, 8, "NEGATE", exec_negate::<false>);
    t.simple(0xa4, 8, "INC", exec_inc::<false>);
    t.simple(0xa5, 8, "DEC", exec_dec::<false>);
    t.fixed(0xa6, 8, 8, "ADDCONST", exec_addconst::<false>);
    t.fixed(0xa7, 8, 8, "MULCONST", exec_mulconst::<false>);
    t.simple(0xa8, 8, "MUL", exec_mul::<false>);

    t.simple(0xb7a0, 16, "QADD", exec_add::<true>);
    t.simple(0xb7a1, 16, "QSUB", exec_sub::<true>);
    t.simple(0xb7a2, 16, "QSUBR", exec_subr::<true>);
    t.simple(0xb7a3, 16, "QNEGATE", exec_negate::<true>);
    t.simple(0xb7a4, 16, "QINC", exec_inc::<true>);
    t.simple(0xb7a5, 16, "QDEC", exec_dec::<true>);
    t.fixed(0xb7a6, 16, 8, "QADDINT", exec_addconst::<true>);
    t.fixed(0xb7a7, 16, 8, "QMULINT", exec_mulconst::<true>);
    t.simple(0xb7a8, 16, "QMUL", exec_mul::<true>);
}
