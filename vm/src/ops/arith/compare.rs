//! Integer comparison: `SGN`, `LESS` ... `CMP`, `EQINT` ... `NEQINT`,
//! `ISNAN`, `CHKNAN` and the quiet forms (`B8`-`C5`, `B7B8`-`B7C3`).
//!
//! As in the reference, each comparison is a `MODE` of three nibbles: the
//! result for "less", "equal" and "greater" is nibble 0, 1, 2 minus 8
//! (`0x987` is `CMP`: -1, 0, 1). A NaN operand gives NaN.

use std::cmp::Ordering;

use super::{pop_num, pop_num_fast, push_num};
use crate::error::Exec;
use crate::int257::Int257;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// The result a comparison `MODE` gives for an ordering.
#[inline(always)]
fn outcome(mode: u32, ord: Ordering) -> i64 {
    let shift = match ord {
        Ordering::Less => 0,
        Ordering::Equal => 4,
        Ordering::Greater => 8,
    };
    ((mode >> shift) & 15) as i64 - 8
}

const SGN: u32 = 0x987;
const LESS: u32 = 0x887;
const EQUAL: u32 = 0x878;
const LEQ: u32 = 0x877;
const GREATER: u32 = 0x788;
const NEQ: u32 = 0x787;
const GEQ: u32 = 0x778;
const CMP: u32 = 0x987;

/// `SGN`: compares with zero.
fn exec_sgn<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(1)?;
    match pop_num(vm)? {
        Some(x) => {
            vm.push_small(outcome(SGN, x.cmp(&Int257::ZERO)));
            Ok(())
        }
        None => push_num::<Q>(vm, None),
    }
}

/// `x y` -> the `MODE` result of comparing `x` with `y`.
fn exec_cmp<const Q: bool, const MODE: u32>(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let y = pop_num_fast(vm)?;
    // Fast path: `x` is an integer on top and the result replaces it in place.
    if let (Some(y), Some(Value::Int(x))) = (y, vm.stack.last_mut()) {
        *x = Int257::from_i64(outcome(MODE, (*x).cmp(&y)));
        return Ok(());
    }
    let x = pop_num(vm)?;
    match (x, y) {
        (Some(x), Some(y)) => {
            vm.push_small(outcome(MODE, x.cmp(&y)));
            Ok(())
        }
        _ => push_num::<Q>(vm, None),
    }
}

/// `x` -> the `MODE` result of comparing `x` with the signed 8-bit immediate.
fn exec_cmp_int<const Q: bool, const MODE: u32>(vm: &mut Vm, ins: &Instr) -> Exec {
    let y = Int257::from_i64(ins.args as u8 as i8 as i64);
    // Fast path: an integer on top, replaced in place.
    if let Some(Value::Int(x)) = vm.stack.last_mut() {
        *x = Int257::from_i64(outcome(MODE, (*x).cmp(&y)));
        return Ok(());
    }
    vm.check_depth(1)?;
    match pop_num(vm)? {
        Some(x) => {
            vm.push_small(outcome(MODE, x.cmp(&y)));
            Ok(())
        }
        None => push_num::<Q>(vm, None),
    }
}

fn exec_isnan(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(1)?;
    let x = pop_num(vm)?;
    vm.push_bool(x.is_none());
    Ok(())
}

/// `CHKNAN`: NaN is an integer overflow; any other integer stays.
fn exec_chknan(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(1)?;
    let x = pop_num(vm)?;
    push_num::<false>(vm, x)
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xb8, 8, "SGN", exec_sgn::<false>);
    t.simple(0xb9, 8, "LESS", exec_cmp::<false, LESS>);
    t.simple(0xba, 8, "EQUAL", exec_cmp::<false, EQUAL>);
    t.simple(0xbb, 8, "LEQ", exec_cmp::<false, LEQ>);
    t.simple(0xbc, 8, "GREATER", exec_cmp::<false, GREATER>);
    t.simple(0xbd, 8, "NEQ", exec_cmp::<false, NEQ>);
    t.simple(0xbe, 8, "GEQ", exec_cmp::<false, GEQ>);
    t.simple(0xbf, 8, "CMP", exec_cmp::<false, CMP>);
    t.fixed(0xc0, 8, 8, "EQINT", exec_cmp_int::<false, EQUAL>);
    t.fixed(0xc1, 8, 8, "LESSINT", exec_cmp_int::<false, LESS>);
    t.fixed(0xc2, 8, 8, "GTINT", exec_cmp_int::<false, GREATER>);
    t.fixed(0xc3, 8, 8, "NEQINT", exec_cmp_int::<false, NEQ>);
    t.simple(0xc4, 8, "ISNAN", exec_isnan);
    t.simple(0xc5, 8, "CHKNAN", exec_chknan);

    t.simple(0xb7b8, 16, "QSGN", exec_sgn::<true>);
    t.simple(0xb7b9, 16, "QLESS", exec_cmp::<true, LESS>);
    t.simple(0xb7ba, 16, "QEQUAL", exec_cmp::<true, EQUAL>);
    t.simple(0xb7bb, 16, "QLEQ", exec_cmp::<true, LEQ>);
    t.simple(0xb7bc, 16, "QGREATER", exec_cmp::<true, GREATER>);
    t.simple(0xb7bd, 16, "QNEQ", exec_cmp::<true, NEQ>);
    t.simple(0xb7be, 16, "QGEQ", exec_cmp::<true, GEQ>);
    t.simple(0xb7bf, 16, "QCMP", exec_cmp::<true, CMP>);
    t.fixed(0xb7c0, 16, 8, "QEQINT", exec_cmp_int::<true, EQUAL>);
    t.fixed(0xb7c1, 16, 8, "QLESSINT", exec_cmp_int::<true, LESS>);
    t.fixed(0xb7c2, 16, 8, "QGTINT", exec_cmp_int::<true, GREATER>);
    t.fixed(0xb7c3, 16, 8, "QNEQINT", exec_cmp_int::<true, NEQ>);
}
