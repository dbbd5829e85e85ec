//! Integer arithmetic and comparison (cp0 categories `arithm_basic`,
//! `arithm_div`, `arithm_logical`, `arithm_quiet`, `compare_int`), after the
//! reference's `crypto/vm/arithops.cpp`.
//!
//! Every handler works on [`Num`] (an integer or NaN) and stores its results
//! with [`push_num`] (or, on the fast paths that rewrite the integer on top of
//! the stack in place, [`set_top`]): a result outside the 257-bit range, or
//! NaN, is an integer overflow (exit 4) in the plain forms and NaN in the
//! quiet (`Q`) forms. The quiet flag is a const generic, so each form is its
//! own monomorphic handler. The checks run in the reference's order: stack
//! depth first, then each operand's type as it is popped (top first), with a
//! popped shift amount range-checked before the operands below it.
//!
//! NaN operands mostly give NaN, but the reference computes on its digit
//! representation before checking validity, and a few operations turn NaN
//! into a number at global version 12 (see [`nan_rshift`], [`nan_lshift`]
//! and the AND/OR rules in `logical.rs`); those are reproduced exactly.

mod basic;
mod compare;
mod div;
mod logical;

use crate::error::{excno, Exec, Trap};
use crate::int257::{Int257, Rounding};
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// An integer stack value: `None` is NaN.
pub(crate) type Num = Option<Int257>;

/// Global version that made quiet shifts with a bad amount, and AND/OR/shifts
/// of NaN, give NaN instead of a range check or a number.
const NAN_FIX_VERSION: u32 = 13;

/// Pops an integer or NaN (type check for anything else).
#[inline(always)]
fn pop_num(vm: &mut Vm) -> Result<Num, Trap> {
    vm.pop_int_or_nan()
}

/// Pushes a result: NaN is an integer overflow unless `QUIET`.
#[inline(always)]
fn push_num<const QUIET: bool>(vm: &mut Vm, v: Num) -> Exec {
    match v {
        Some(x) => {
            vm.stack.push(Value::Int(x));
            Ok(())
        }
        None if QUIET => {
            vm.stack.push(Value::NaN);
            Ok(())
        }
        None => Err(Trap::exc(excno::INT_OVERFLOW)),
    }
}

/// Finishes a fast path whose result overflowed: the integer on top becomes
/// NaN in the quiet forms; otherwise an integer overflow.
#[cold]
fn overflow_top<const QUIET: bool>(vm: &mut Vm) -> Exec {
    match vm.stack.last_mut() {
        Some(top) if QUIET => {
            *top = Value::NaN;
            Ok(())
        }
        _ => Err(Trap::exc(excno::INT_OVERFLOW)),
    }
}

/// Replaces the integer on top of the stack (a fast path's first operand)
/// with a result: NaN is an integer overflow unless `QUIET`.
#[inline(always)]
fn set_top<const QUIET: bool>(vm: &mut Vm, v: Num) -> Exec {
    match (v, vm.stack.last_mut()) {
        (Some(v), Some(Value::Int(slot))) => *slot = v,
        (Some(v), Some(top)) => *top = Value::Int(v),
        (Some(_), None) => return Err(Trap::exc(excno::STACK_UNDERFLOW)),
        (None, _) => return overflow_top::<QUIET>(vm),
    }
    Ok(())
}

/// Pops an integer or NaN after the instruction's depth check. An integer
/// is moved out without running drop glue, so the fast paths cost a compare,
/// not a call.
#[inline(always)]
fn pop_num_fast(vm: &mut Vm) -> Result<Num, Trap> {
    match vm.stack.pop() {
        Some(Value::Int(v)) => Ok(Some(v)),
        Some(Value::NaN) => Ok(None),
        Some(_) => Err(Trap::exc(excno::TYPE_CHECK)),
        None => Err(Trap::exc(excno::STACK_UNDERFLOW)),
    }
}

/// Pops a shift amount or width in `0..=max` the way the reference's
/// `pop_long` + range test does: NaN and huge values are range check errors.
#[inline(always)]
fn pop_amount(vm: &mut Vm, max: i64) -> Result<u32, Trap> {
    Ok(vm.pop_smallint_range(max)? as u32)
}

/// Pops a shift amount for the forms that, from global version 13, give NaN
/// in their quiet variant instead of a range check: `None` is such a bad
/// amount (only returned when `quiet` and the version allows it).
#[inline(always)]
fn pop_amount_quiet_nan(vm: &mut Vm, max: i64, quiet: bool) -> Result<Option<u32>, Trap> {
    if quiet && vm.version >= NAN_FIX_VERSION {
        let v = pop_num(vm)?;
        return Ok(v.and_then(|v| v.to_i64()).filter(|v| (0..=max).contains(v)).map(|v| v as u32));
    }
    pop_amount(vm, max).map(Some)
}

/// What the reference's right shift makes of NaN: its digit loop sees an
/// empty number, so a shift by 1..=12 gives 0 and a larger one gives the
/// value of an "empty" number's sign (-1 when rounding down, 0 otherwise);
/// only a shift by 0 keeps NaN.
#[inline]
fn nan_rshift(shift: u32, rounding: Rounding) -> Num {
    match shift {
        0 => None,
        1..=12 => Some(Int257::ZERO),
        _ if rounding == Rounding::Floor => Some(Int257::MINUS_ONE),
        _ => Some(Int257::ZERO),
    }
}

/// What the reference's left shift of a 257-bit number makes of NaN: from
/// one whole 52-bit digit on it fills in zero digits (0), unless the shift
/// needs more than the five digits there are (NaN).
#[inline]
fn nan_lshift(shift: u32) -> Num {
    if (52..312).contains(&shift) {
        Some(Int257::ZERO)
    } else {
        None
    }
}

/// Pops `y` then `x` (so `y` is type-checked first, as in the reference) and
/// pushes `f(x, y)`, or `if_nan(x, y)` when either is NaN.
#[inline(always)]
fn binary<const Q: bool>(vm: &mut Vm, f: impl Fn(Int257, Int257) -> Num, if_nan: impl FnOnce(Num, Num) -> Num) -> Exec {
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
        _ => if_nan(x, y),
    };
    push_num::<Q>(vm, r)
}

/// Pops `x` and pushes `f(x)`, or `if_nan` for NaN.
#[inline(always)]
fn unary<const Q: bool>(vm: &mut Vm, f: impl Fn(Int257) -> Num, if_nan: Num) -> Exec {
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
    push_num::<Q>(vm, x.map_or(if_nan, f))
}

/// Registers the whole family.
pub(crate) fn register(t: &mut TableBuilder) {
    basic::register(t);
    div::register(t);
    logical::register(t);
    compare::register(t);
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values are the reference's (conformance/vectors/arith_vectors.json:
    // `RSHIFT#12(nan)`, `RSHIFT#13(nan)`, `RSHIFT_VAR(nan 0)`, `MULRSHIFTR_VAR(nan 1 13)`, `MULRSHIFTC_VAR(nan 1 13)`,
    // `LSHIFT#51(nan)`, `LSHIFT#52(nan)`, `LSHIFT_VAR(nan 311)`, `LSHIFT_VAR(nan 312)`).

    #[test]
    fn nan_right_shift_matches_the_reference() {
        assert_eq!(nan_rshift(0, Rounding::Floor), None);
        assert_eq!(nan_rshift(1, Rounding::Floor), Some(Int257::ZERO));
        assert_eq!(nan_rshift(12, Rounding::Floor), Some(Int257::ZERO));
        assert_eq!(nan_rshift(13, Rounding::Floor), Some(Int257::MINUS_ONE));
        assert_eq!(nan_rshift(1023, Rounding::Floor), Some(Int257::MINUS_ONE));
        assert_eq!(nan_rshift(13, Rounding::Nearest), Some(Int257::ZERO));
        assert_eq!(nan_rshift(256, Rounding::Ceil), Some(Int257::ZERO));
    }

    #[test]
    fn nan_left_shift_matches_the_reference() {
        assert_eq!(nan_lshift(0), None);
        assert_eq!(nan_lshift(51), None);
        assert_eq!(nan_lshift(52), Some(Int257::ZERO));
        assert_eq!(nan_lshift(311), Some(Int257::ZERO));
        assert_eq!(nan_lshift(312), None);
        assert_eq!(nan_lshift(1023), None);
    }
}
