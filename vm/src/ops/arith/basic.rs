//! `ADD` ... `MUL` and their quiet forms (`A0`-`A8`, `B7A0`-`B7A8`).

use super::{binary, unary};
use crate::error::Exec;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::vm::Vm;

/// The signed 8-bit immediate of `ADDCONST` / `MULCONST`.
#[inline(always)]
fn tiny(ins: &Instr) -> i64 {
    ins.args as u8 as i8 as i64
}

fn exec_add<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    binary::<Q>(vm, |x, y| x.checked_add(y), |_, _| None)
}

fn exec_sub<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    binary::<Q>(vm, |x, y| x.checked_sub(y), |_, _| None)
}

fn exec_subr<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    binary::<Q>(vm, |x, y| y.checked_sub(x), |_, _| None)
}

fn exec_mul<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    binary::<Q>(vm, |x, y| x.checked_mul(y), |_, _| None)
}

fn exec_negate<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    unary::<Q>(vm, |x| x.checked_neg(), None)
}

fn exec_inc<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    unary::<Q>(vm, |x| x.add_small(1), None)
}

fn exec_dec<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    unary::<Q>(vm, |x| x.add_small(-1), None)
}

fn exec_addconst<const Q: bool>(vm: &mut Vm, ins: &Instr) -> Exec {
    let c = tiny(ins);
    unary::<Q>(vm, |x| x.add_small(c), None)
}

fn exec_mulconst<const Q: bool>(vm: &mut Vm, ins: &Instr) -> Exec {
    let c = tiny(ins);
    unary::<Q>(vm, |x| x.mul_small(c), None)
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
