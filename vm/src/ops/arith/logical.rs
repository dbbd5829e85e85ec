//! Shifts, `POW2`, bitwise logic, `FITS`/`UFITS`, `BITSIZE`/`UBITSIZE`,
//! `MIN`/`MAX`/`MINMAX`/`ABS` and their quiet forms (`AA`-`B60B`, `B7AA`-`B7B60B`).

use super::{
    binary, nan_lshift, nan_rshift, pop_amount, pop_amount_quiet_nan, pop_num, push_num, unary, Num, NAN_FIX_VERSION,
};
use crate::error::{excno, Exec, Trap};
use crate::int257::{Int257, Rounding};
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::vm::Vm;

/// The `+1` immediate of `LSHIFT#`, `RSHIFT#`, `FITS`, `UFITS` (1..=256).
#[inline(always)]
fn imm_plus_one(ins: &Instr) -> u32 {
    (ins.args & 255) + 1
}

fn exec_lshift_const<const Q: bool>(vm: &mut Vm, ins: &Instr) -> Exec {
    let n = imm_plus_one(ins);
    unary::<Q>(vm, |x| x.shl(n), nan_lshift(n))
}

fn exec_rshift_const<const Q: bool>(vm: &mut Vm, ins: &Instr) -> Exec {
    let n = imm_plus_one(ins);
    unary::<Q>(vm, |x| Some(x.shr(n, Rounding::Floor)), nan_rshift(n, Rounding::Floor))
}

/// `LSHIFT` / `RSHIFT` with the amount (0..=1023) from the stack.
#[inline(always)]
fn shift_var<const Q: bool>(vm: &mut Vm, left: bool) -> Exec {
    vm.check_depth(2)?;
    let shift = pop_amount_quiet_nan(vm, 1023, Q)?;
    let x = pop_num(vm)?;
    let r = match (x, shift) {
        (Some(x), Some(n)) if left => x.shl(n),
        (Some(x), Some(n)) => Some(x.shr(n, Rounding::Floor)),
        (_, None) => None,
        (None, _) if vm.version >= NAN_FIX_VERSION => None,
        (None, Some(n)) if left => nan_lshift(n),
        (None, Some(n)) => nan_rshift(n, Rounding::Floor),
    };
    push_num::<Q>(vm, r)
}

fn exec_lshift<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    shift_var::<Q>(vm, true)
}

fn exec_rshift<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    shift_var::<Q>(vm, false)
}

/// `POW2`: the exponent must be in 0..=1023 (a range check even in the
/// quiet form); 2^256 and above overflow.
fn exec_pow2<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(1)?;
    let n = pop_amount(vm, 1023)?;
    push_num::<Q>(vm, Int257::pow2(n))
}

/// A bitwise operation on two operands. With a NaN operand, version 12
/// still returns `absorbing` when the other operand equals it (AND with 0,
/// OR with -1: the reference short-cuts those before looking at NaN).
#[inline(always)]
fn bitwise<const Q: bool>(vm: &mut Vm, op: fn(&Int257, Int257) -> Int257, absorbing: Option<Int257>) -> Exec {
    let absorbing = absorbing.filter(|_| vm.version < NAN_FIX_VERSION);
    binary::<Q>(vm, |x, y| Some(op(&x, y)), |x, y| absorbing.filter(|a| x == Some(*a) || y == Some(*a)))
}

fn exec_and<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    bitwise::<Q>(vm, Int257::and, Some(Int257::ZERO))
}

fn exec_or<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    bitwise::<Q>(vm, Int257::or, Some(Int257::MINUS_ONE))
}

fn exec_xor<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    bitwise::<Q>(vm, Int257::xor, None)
}

fn exec_not<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    unary::<Q>(vm, |x| Some(x.not()), None)
}

/// Keeps `x` if it fits in `bits` bits (signed or not), else NaN.
#[inline(always)]
fn fits(x: Num, bits: u32, signed: bool) -> Num {
    x.filter(|x| if signed { x.fits_signed(bits) } else { x.fits_unsigned(bits) })
}

fn exec_fits_const<const Q: bool, const SIGNED: bool>(vm: &mut Vm, ins: &Instr) -> Exec {
    let bits = imm_plus_one(ins);
    unary::<Q>(vm, |x| fits(Some(x), bits, SIGNED), None)
}

/// `FITSX` / `UFITSX`: the width (0..=1023) is popped first.
fn exec_fits_var<const Q: bool, const SIGNED: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let bits = pop_amount(vm, 1023)?;
    let x = pop_num(vm)?;
    push_num::<Q>(vm, fits(x, bits, SIGNED))
}

/// `BITSIZE` / `UBITSIZE`: NaN, or a negative value for `UBITSIZE`, is a
/// range check error (NaN in the quiet forms).
fn exec_bitsize<const Q: bool, const SIGNED: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(1)?;
    let x = pop_num(vm)?;
    let size = x.and_then(|x| if SIGNED { Some(x.bit_size_signed()) } else { x.bit_size_unsigned() });
    match size {
        Some(s) => {
            vm.push_small(s as i64);
            Ok(())
        }
        None if Q => push_num::<true>(vm, None),
        None => Err(Trap::exc(excno::RANGE_CHECK)),
    }
}

const MIN: u32 = 1;
const MAX: u32 = 2;

/// `MIN`, `MAX`, `MINMAX` (`WHICH` is a mask of `MIN` and `MAX`): a NaN
/// operand makes every result NaN.
fn exec_minmax<const Q: bool, const WHICH: u32>(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let x = pop_num(vm)?;
    let y = pop_num(vm)?;
    let (lo, hi) = match (x, y) {
        (Some(x), Some(y)) if x > y => (Some(y), Some(x)),
        (Some(x), Some(y)) => (Some(x), Some(y)),
        _ => (None, None),
    };
    if WHICH & MIN != 0 {
        push_num::<Q>(vm, lo)?;
    }
    if WHICH & MAX != 0 {
        push_num::<Q>(vm, hi)?;
    }
    Ok(())
}

/// `ABS`: `-2^256` overflows.
fn exec_abs<const Q: bool>(vm: &mut Vm, _: &Instr) -> Exec {
    unary::<Q>(vm, |x| x.checked_abs(), None)
}

pub(super) fn register(t: &mut TableBuilder) {
    t.fixed(0xaa, 8, 8, "LSHIFT", exec_lshift_const::<false>);
    t.fixed(0xab, 8, 8, "RSHIFT", exec_rshift_const::<false>);
    t.simple(0xac, 8, "LSHIFT_VAR", exec_lshift::<false>);
    t.simple(0xad, 8, "RSHIFT_VAR", exec_rshift::<false>);
    t.simple(0xae, 8, "POW2", exec_pow2::<false>);
    t.simple(0xb0, 8, "AND", exec_and::<false>);
    t.simple(0xb1, 8, "OR", exec_or::<false>);
    t.simple(0xb2, 8, "XOR", exec_xor::<false>);
    t.simple(0xb3, 8, "NOT", exec_not::<false>);
    t.fixed(0xb4, 8, 8, "FITS", exec_fits_const::<false, true>);
    t.fixed(0xb5, 8, 8, "UFITS", exec_fits_const::<false, false>);
    t.simple(0xb600, 16, "FITSX", exec_fits_var::<false, true>);
    t.simple(0xb601, 16, "UFITSX", exec_fits_var::<false, false>);
    t.simple(0xb602, 16, "BITSIZE", exec_bitsize::<false, true>);
    t.simple(0xb603, 16, "UBITSIZE", exec_bitsize::<false, false>);
    t.simple(0xb608, 16, "MIN", exec_minmax::<false, MIN>);
    t.simple(0xb609, 16, "MAX", exec_minmax::<false, MAX>);
    t.simple(0xb60a, 16, "MINMAX", exec_minmax::<false, { MIN | MAX }>);
    t.simple(0xb60b, 16, "ABS", exec_abs::<false>);

    t.fixed(0xb7aa, 16, 8, "QLSHIFT", exec_lshift_const::<true>);
    t.fixed(0xb7ab, 16, 8, "QRSHIFT", exec_rshift_const::<true>);
    t.simple(0xb7ac, 16, "QLSHIFT_VAR", exec_lshift::<true>);
    t.simple(0xb7ad, 16, "QRSHIFT_VAR", exec_rshift::<true>);
    t.simple(0xb7ae, 16, "QPOW2", exec_pow2::<true>);
    t.simple(0xb7b0, 16, "QAND", exec_and::<true>);
    t.simple(0xb7b1, 16, "QOR", exec_or::<true>);
    t.simple(0xb7b2, 16, "QXOR", exec_xor::<true>);
    t.simple(0xb7b3, 16, "QNOT", exec_not::<true>);
    t.fixed(0xb7b4, 16, 8, "QFITS", exec_fits_const::<true, true>);
    t.fixed(0xb7b5, 16, 8, "QUFITS", exec_fits_const::<true, false>);
    t.simple(0xb7b600, 24, "QFITSX", exec_fits_var::<true, true>);
    t.simple(0xb7b601, 24, "QUFITSX", exec_fits_var::<true, false>);
    t.simple(0xb7b602, 24, "QBITSIZE", exec_bitsize::<true, true>);
    t.simple(0xb7b603, 24, "QUBITSIZE", exec_bitsize::<true, false>);
    t.simple(0xb7b608, 24, "QMIN", exec_minmax::<true, MIN>);
    t.simple(0xb7b609, 24, "QMAX", exec_minmax::<true, MAX>);
    t.simple(0xb7b60a, 24, "QMINMAX", exec_minmax::<true, { MIN | MAX }>);
    t.simple(0xb7b60b, 24, "QABS", exec_abs::<true>);
}
