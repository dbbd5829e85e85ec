//! The division family (`A90x`-`A9Dx` and the quiet `B7A9xx`): `DIV`, `MOD`,
//! `DIVMOD`, their `ADD` forms, right shifts with remainder (`RSHIFTMOD`,
//! `MODPOW2`), `MULDIV`, `MULRSHIFT` and `LSHIFTDIV`, each in three roundings.
//!
//! The reference registers each group as one parametrised opcode: the low
//! nibble holds the rounding (bits 0-1: floor, nearest, ceiling; 3 is an
//! invalid opcode) and which results to push (bits 2-3: 1 quotient,
//! 2 remainder, 3 both, 0 both with an extra addend, from global version 4;
//! an invalid opcode before). Both checks happen when the instruction runs,
//! after its gas is charged, so every nibble is registered here.

use super::{
    nan_rshift, pop_amount, pop_amount_quiet_nan, pop_num, pop_num_fast, push_num, set_top, Num, NAN_FIX_VERSION,
};
use crate::error::{excno, Exec, Trap};
use crate::int257::{Int257, Rounding, WideInt};
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// Which results an opcode pushes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Results {
    Quot,
    Rem,
    Both,
}

/// The operation nibble of a division-family opcode.
#[derive(Clone, Copy)]
struct Mode {
    rounding: Rounding,
    results: Results,
    /// The `ADD` forms: an addend `w` below the divisor, both results pushed.
    add: bool,
}

impl Mode {
    /// Decodes the nibble, or fails as the reference does (invalid opcode).
    #[inline(always)]
    fn decode(vm: &Vm, nibble: u32) -> Result<Mode, Trap> {
        let invalid = || Trap::exc(excno::INVALID_OPCODE);
        let rounding = Rounding::from_code(nibble & 3).ok_or_else(invalid)?;
        let (results, add) = match (nibble >> 2) & 3 {
            0 if vm.version >= 4 => (Results::Both, true),
            0 => return Err(invalid()),
            1 => (Results::Quot, false),
            2 => (Results::Rem, false),
            _ => (Results::Both, false),
        };
        Ok(Mode { rounding, results, add })
    }

    /// Operands on the stack besides the shift or divisor given inline.
    #[inline(always)]
    fn depth(&self, base: usize) -> usize {
        base + self.add as usize
    }

    /// Pops the addend of the `ADD` forms (0 otherwise).
    #[inline(always)]
    fn pop_addend(&self, vm: &mut Vm) -> Result<Num, Trap> {
        if self.add {
            pop_num(vm)
        } else {
            Ok(Some(Int257::ZERO))
        }
    }
}

/// Pushes the quotient and/or remainder as the mode says.
#[inline(always)]
fn push_results<const Q: bool>(vm: &mut Vm, results: Results, quot: Num, rem: Num) -> Exec {
    match results {
        Results::Quot => push_num::<Q>(vm, quot),
        Results::Rem => push_num::<Q>(vm, rem),
        Results::Both => {
            push_num::<Q>(vm, quot)?;
            push_num::<Q>(vm, rem)
        }
    }
}

/// `x / 2^shift`-style rounding is plain floor for a shift by 0 (the
/// reference resets the mode there).
#[inline(always)]
fn shift_rounding(shift: u32, rounding: Rounding) -> Rounding {
    if shift == 0 {
        Rounding::Floor
    } else {
        rounding
    }
}

/// Writes the results of a fast path: the first replaces the integer on top
/// of the stack (the first operand), the second, if any, is pushed.
#[inline(always)]
fn set_results<const Q: bool>(vm: &mut Vm, results: Results, quot: Num, rem: Num) -> Exec {
    match results {
        Results::Quot => set_top::<Q>(vm, quot),
        Results::Rem => set_top::<Q>(vm, rem),
        Results::Both => {
            set_top::<Q>(vm, quot)?;
            push_num::<Q>(vm, rem)
        }
    }
}

/// `DIV` ... `DIVMODC`, `ADDDIVMOD` ...: `x [w] y` -> `q` and/or `r`.
fn exec_divmod<const Q: bool>(vm: &mut Vm, ins: &Instr) -> Exec {
    let mode = Mode::decode(vm, ins.args & 15)?;
    vm.check_depth(mode.depth(2))?;
    let y = pop_num_fast(vm)?;
    // Fast path for the plain forms: `x` is an integer on top.
    if let (false, Some(y), Some(Value::Int(x))) = (mode.add, y, vm.stack.last()) {
        let (quot, rem) = x.div_rem_parts(y, mode.rounding).map_or((None, None), |d| (d.quot, Some(d.rem)));
        return set_results::<Q>(vm, mode.results, quot, rem);
    }
    let w = mode.pop_addend(vm)?;
    let x = pop_num(vm)?;
    let (quot, rem) = match (x, w, y) {
        (Some(x), Some(w), Some(y)) => {
            let d = if mode.add {
                WideInt::from_int(x).add_int(w).div_rem(y, mode.rounding)
            } else {
                x.div_rem_parts(y, mode.rounding)
            };
            d.map_or((None, None), |d| (d.quot, Some(d.rem)))
        }
        _ => (None, None),
    };
    push_results::<Q>(vm, mode.results, quot, rem)
}

/// `RSHIFT`/`MODPOW2`/`RSHIFTMOD` and `ADDRSHIFTMOD` with the shift `t` given
/// (`Some`) or popped (0..=256, else a range check error).
#[inline(always)]
fn shrmod<const Q: bool>(vm: &mut Vm, mode: Mode, inline_shift: Option<u32>) -> Exec {
    let shift = match inline_shift {
        Some(t) => {
            vm.check_depth(mode.depth(1))?;
            t
        }
        None => {
            vm.check_depth(mode.depth(2))?;
            pop_amount(vm, 256)?
        }
    };
    let w = mode.pop_addend(vm)?;
    let x = pop_num(vm)?;
    let rounding = shift_rounding(shift, mode.rounding);
    let (quot, rem) = match (x, w) {
        (Some(x), Some(w)) if mode.add => {
            let d = WideInt::from_int(x).add_int(w).shr_rem(shift, rounding);
            d.map_or((None, None), |d| (d.quot, Some(d.rem)))
        }
        (Some(x), Some(_)) if mode.results == Results::Quot => (Some(x.shr(shift, rounding)), None),
        (Some(x), Some(_)) => x.shr_rem(shift, rounding).map_or((None, None), |(q, r)| (Some(q), Some(r))),
        // The reference shifts NaN's empty digit list (see `nan_rshift`); its
        // remainder stays NaN.
        _ => (nan_rshift(shift, rounding), None),
    };
    push_results::<Q>(vm, mode.results, quot, rem)
}

fn exec_shrmod<const Q: bool>(vm: &mut Vm, ins: &Instr) -> Exec {
    let mode = Mode::decode(vm, ins.args & 15)?;
    shrmod::<Q>(vm, mode, None)
}

fn exec_shrmod_const(vm: &mut Vm, ins: &Instr) -> Exec {
    let mode = Mode::decode(vm, (ins.args >> 8) & 15)?;
    shrmod::<false>(vm, mode, Some((ins.args & 255) + 1))
}

/// `MULDIV` ... `MULDIVMODC`, `MULADDDIVMOD` ...: `x y [w] z` -> `(x*y+w)/z`,
/// exact in a double-width intermediate.
fn exec_muldivmod<const Q: bool>(vm: &mut Vm, ins: &Instr) -> Exec {
    let mode = Mode::decode(vm, ins.args & 15)?;
    vm.check_depth(mode.depth(3))?;
    let z = pop_num_fast(vm)?;
    let w = mode.pop_addend(vm)?;
    let y = pop_num_fast(vm)?;
    // Fast path: `x` is an integer on top.
    if let (Some(z), Some(w), Some(y), Some(Value::Int(x))) = (z, w, y, vm.stack.last()) {
        let mut wide = WideInt::mul(*x, y);
        if mode.add {
            wide = wide.add_int(w);
        }
        let (quot, rem) = wide.div_rem(z, mode.rounding).map_or((None, None), |d| (d.quot, Some(d.rem)));
        return set_results::<Q>(vm, mode.results, quot, rem);
    }
    let x = pop_num(vm)?;
    let (quot, rem) = match (x, y, w, z) {
        (Some(x), Some(y), Some(w), Some(z)) => {
            let mut wide = WideInt::mul(x, y);
            if mode.add {
                wide = wide.add_int(w);
            }
            wide.div_rem(z, mode.rounding).map_or((None, None), |d| (d.quot, Some(d.rem)))
        }
        _ => (None, None),
    };
    push_results::<Q>(vm, mode.results, quot, rem)
}

/// `MULRSHIFT` ... and `MULADDRSHIFTMOD` ...: `x y [w] z` -> `(x*y+w) >> z`.
#[inline(always)]
fn mulshrmod<const Q: bool>(vm: &mut Vm, mode: Mode, inline_shift: Option<u32>) -> Exec {
    let shift = match inline_shift {
        Some(t) => {
            vm.check_depth(mode.depth(2))?;
            Some(t)
        }
        None => {
            vm.check_depth(mode.depth(3))?;
            pop_amount_quiet_nan(vm, 256, Q)?
        }
    };
    let w = mode.pop_addend(vm)?;
    let y = pop_num(vm)?;
    let x = pop_num(vm)?;
    let (quot, rem) = match (x, y, w, shift) {
        (Some(x), Some(y), Some(w), Some(shift)) => {
            let d = WideInt::mul(x, y).add_int(w).shr_rem(shift, shift_rounding(shift, mode.rounding));
            d.map_or((None, None), |d| (d.quot, Some(d.rem)))
        }
        // Only reachable from version 13 on, where bad shifts and NaN give NaN.
        (_, _, _, None) => (None, None),
        _ if vm.version >= NAN_FIX_VERSION => (None, None),
        // Version 12: the NaN product is shifted like `RSHIFT` does it.
        (_, _, _, Some(shift)) => (nan_rshift(shift, shift_rounding(shift, mode.rounding)), None),
    };
    push_results::<Q>(vm, mode.results, quot, rem)
}

fn exec_mulshrmod<const Q: bool>(vm: &mut Vm, ins: &Instr) -> Exec {
    let mode = Mode::decode(vm, ins.args & 15)?;
    mulshrmod::<Q>(vm, mode, None)
}

fn exec_mulshrmod_const(vm: &mut Vm, ins: &Instr) -> Exec {
    let mode = Mode::decode(vm, (ins.args >> 8) & 15)?;
    mulshrmod::<false>(vm, mode, Some((ins.args & 255) + 1))
}

/// The shift amount of `LSHIFTDIV_VAR` and its kin. The reference (at the
/// emulator's commit) reads it into a C `long`, which is 32 bits in the
/// WebAssembly build of `@ton/sandbox`: the 64-bit value (`i64::MIN` for NaN
/// or anything wider) is truncated to 32 bits before the 0..=256 range check,
/// so NaN and 2^63 act as 0 and 2^32 + 1 as 1. (A native 64-bit node range
/// checks those; the later reference widened the variable to `long long`.)
/// Returns `None` for a bad amount only where version 13 makes it NaN.
#[inline(always)]
fn pop_shldiv_shift<const Q: bool>(vm: &mut Vm) -> Result<Option<u32>, Trap> {
    let long = pop_num(vm)?.and_then(|v| v.to_i64()).unwrap_or(i64::MIN);
    let truncated = long as i32;
    if (0..=256).contains(&truncated) {
        return Ok(Some(truncated as u32));
    }
    if Q && vm.version >= NAN_FIX_VERSION {
        return Ok(None);
    }
    Err(Trap::exc(excno::RANGE_CHECK))
}

/// `LSHIFTDIV` ... and `LSHIFTADDDIVMOD` ...: `x [w] z y` -> `(x*2^y+w)/z`.
#[inline(always)]
fn shldivmod<const Q: bool>(vm: &mut Vm, mode: Mode, inline_shift: Option<u32>) -> Exec {
    let shift = match inline_shift {
        Some(t) => {
            vm.check_depth(mode.depth(2))?;
            Some(t)
        }
        None => {
            vm.check_depth(mode.depth(3))?;
            pop_shldiv_shift::<Q>(vm)?
        }
    };
    let z = pop_num(vm)?;
    let w = mode.pop_addend(vm)?;
    let x = pop_num(vm)?;
    let (quot, rem) = match shift {
        None => (None, None),
        Some(_) if vm.version >= NAN_FIX_VERSION && (x.is_none() || w.is_none() || z.is_none()) => (None, None),
        Some(shift) => {
            // Version 12 shifts NaN's empty digit list: from one whole 52-bit
            // digit on, that leaves zeros (the double-width number has room
            // for every shift up to 256).
            let shifted = match x {
                Some(x) => WideInt::shl_of(x, shift),
                None if shift >= 52 => Some(WideInt::ZERO),
                None => None,
            };
            match (shifted, w, z) {
                (Some(s), Some(w), Some(z)) => {
                    s.add_int(w).div_rem(z, mode.rounding).map_or((None, None), |d| (d.quot, Some(d.rem)))
                }
                _ => (None, None),
            }
        }
    };
    push_results::<Q>(vm, mode.results, quot, rem)
}

fn exec_shldivmod<const Q: bool>(vm: &mut Vm, ins: &Instr) -> Exec {
    let mode = Mode::decode(vm, ins.args & 15)?;
    shldivmod::<Q>(vm, mode, None)
}

fn exec_shldivmod_const(vm: &mut Vm, ins: &Instr) -> Exec {
    let mode = Mode::decode(vm, (ins.args >> 8) & 15)?;
    shldivmod::<false>(vm, mode, Some((ins.args & 255) + 1))
}

/// Name of the nibbles with rounding code 3 (always an invalid opcode).
const BAD_ROUNDING: &str = "DIV_FAMILY_INVALID";

/// cp0 names by nibble (rounding code 3 left empty).
type Names = [&'static str; 16];

#[rustfmt::skip]
const DIVMOD: Names = [
    "ADDDIVMOD", "ADDDIVMODR", "ADDDIVMODC", "", "DIV", "DIVR", "DIVC", "",
    "MOD", "MODR", "MODC", "", "DIVMOD", "DIVMODR", "DIVMODC", "",
];
#[rustfmt::skip]
const QDIVMOD: Names = [
    "QADDDIVMOD", "QADDDIVMODR", "QADDDIVMODC", "", "QDIV", "QDIVR", "QDIVC", "",
    "QMOD", "QMODR", "QMODC", "", "QDIVMOD", "QDIVMODR", "QDIVMODC", "",
];
#[rustfmt::skip]
const SHRMOD: Names = [
    "ADDRSHIFTMOD_VAR", "ADDRSHIFTMODR", "ADDRSHIFTMODC", "", "RSHIFT_ALT", "RSHIFTR_VAR", "RSHIFTC_VAR", "",
    "MODPOW2_VAR", "MODPOW2R_VAR", "MODPOW2C_VAR", "", "RSHIFTMOD_VAR", "RSHIFTMODR_VAR", "RSHIFTMODC_VAR", "",
];
#[rustfmt::skip]
const QSHRMOD: Names = [
    "QADDRSHIFTMOD", "QADDRSHIFTMODR", "QADDRSHIFTMODC", "", "QRSHIFT_ALT", "QRSHIFTR_VAR", "QRSHIFTC_VAR", "",
    "QMODPOW2_VAR", "QMODPOW2R_VAR", "QMODPOW2C_VAR", "", "QRSHIFTMOD_VAR", "QRSHIFTMODR_VAR", "QRSHIFTMODC_VAR", "",
];
#[rustfmt::skip]
const SHRMOD_CONST: Names = [
    "ADDRSHIFTMOD", "ADDRSHIFTRMOD", "ADDRSHIFTCMOD", "", "RSHIFT_CONST_ALT", "RSHIFTR", "RSHIFTC", "",
    "MODPOW2", "MODPOW2R", "MODPOW2C", "", "RSHIFTMOD", "RSHIFTRMOD", "RSHIFTCMOD", "",
];
#[rustfmt::skip]
const MULDIVMOD: Names = [
    "MULADDDIVMOD", "MULADDDIVMODR", "MULADDDIVMODC", "", "MULDIV", "MULDIVR", "MULDIVC", "",
    "MULMOD", "MULMODR", "MULMODC", "", "MULDIVMOD", "MULDIVMODR", "MULDIVMODC", "",
];
#[rustfmt::skip]
const QMULDIVMOD: Names = [
    "QMULADDDIVMOD", "QMULADDDIVMODR", "QMULADDDIVMODC", "", "QMULDIV", "QMULDIVR", "QMULDIVC", "",
    "QMULMOD", "QMULMODR", "QMULMODC", "", "QMULDIVMOD", "QMULDIVMODR", "QMULDIVMODC", "",
];
#[rustfmt::skip]
const MULSHRMOD: Names = [
    "MULADDRSHIFTMOD_VAR", "MULADDRSHIFTRMOD_VAR", "MULADDRSHIFTCMOD_VAR", "",
    "MULRSHIFT_VAR", "MULRSHIFTR_VAR", "MULRSHIFTC_VAR", "",
    "MULMODPOW2_VAR", "MULMODPOW2R_VAR", "MULMODPOW2C_VAR", "",
    "MULRSHIFTMOD_VAR", "MULRSHIFTRMOD_VAR", "MULRSHIFTCMOD_VAR", "",
];
#[rustfmt::skip]
const QMULSHRMOD: Names = [
    "QMULADDRSHIFTMOD_VAR", "QMULADDRSHIFTRMOD_VAR", "QMULADDRSHIFTCMOD_VAR", "",
    "QMULRSHIFT_VAR", "QMULRSHIFTR_VAR", "QMULRSHIFTC_VAR", "",
    "QMULMODPOW2_VAR", "QMULMODPOW2R_VAR", "QMULMODPOW2C_VAR", "",
    "QMULRSHIFTMOD_VAR", "QMULRSHIFTRMOD_VAR", "QMULRSHIFTCMOD_VAR", "",
];
#[rustfmt::skip]
const MULSHRMOD_CONST: Names = [
    "MULADDRSHIFTMOD", "MULADDRSHIFTRMOD", "MULADDRSHIFTCMOD", "", "MULRSHIFT", "MULRSHIFTR", "MULRSHIFTC", "",
    "MULMODPOW2", "MULMODPOW2R", "MULMODPOW2C", "", "MULRSHIFTMOD", "MULRSHIFTRMOD", "MULRSHIFTCMOD", "",
];
#[rustfmt::skip]
const SHLDIVMOD: Names = [
    "LSHIFTADDDIVMOD_VAR", "LSHIFTADDDIVMODR_VAR", "LSHIFTADDDIVMODC_VAR", "",
    "LSHIFTDIV_VAR", "LSHIFTDIVR_VAR", "LSHIFTDIVC_VAR", "",
    "LSHIFTMOD_VAR", "LSHIFTMODR_VAR", "LSHIFTMODC_VAR", "",
    "LSHIFTDIVMOD_VAR", "LSHIFTDIVMODR_VAR", "LSHIFTDIVMODC_VAR", "",
];
#[rustfmt::skip]
const QSHLDIVMOD: Names = [
    "QLSHIFTADDDIVMOD_VAR", "QLSHIFTADDDIVMODR_VAR", "QLSHIFTADDDIVMODC_VAR", "",
    "QLSHIFTDIV_VAR", "QLSHIFTDIVR_VAR", "QLSHIFTDIVC_VAR", "",
    "QLSHIFTMOD_VAR", "QLSHIFTMODR_VAR", "QLSHIFTMODC_VAR", "",
    "QLSHIFTDIVMOD_VAR", "QLSHIFTDIVMODR_VAR", "QLSHIFTDIVMODC_VAR", "",
];
#[rustfmt::skip]
const SHLDIVMOD_CONST: Names = [
    "LSHIFTADDDIVMOD", "LSHIFTADDDIVMODR", "LSHIFTADDDIVMODC", "", "LSHIFTDIV", "LSHIFTDIVR", "LSHIFTDIVC", "",
    "LSHIFTMOD", "LSHIFTMODR", "LSHIFTMODC", "", "LSHIFTDIVMOD", "LSHIFTDIVMODR", "LSHIFTDIVMODC", "",
];

/// Registers the 16 nibbles of a group whose opcode is `prefix` followed by
/// the nibble and `arg_bits` of inline shift (`tot_bits` in all).
fn group(t: &mut TableBuilder, prefix: u32, tot_bits: u8, arg_bits: u8, names: &Names, exec: crate::program::ExecFn) {
    for nibble in 0..16u32 {
        let first = ((prefix << 4) | nibble) << arg_bits;
        let name = if names[nibble as usize].is_empty() { BAD_ROUNDING } else { names[nibble as usize] };
        t.fixed_range(first, first + (1 << arg_bits), tot_bits, name, exec);
    }
}

pub(super) fn register(t: &mut TableBuilder) {
    group(t, 0xa90, 16, 0, &DIVMOD, exec_divmod::<false>);
    group(t, 0xa92, 16, 0, &SHRMOD, exec_shrmod::<false>);
    group(t, 0xa93, 24, 8, &SHRMOD_CONST, exec_shrmod_const);
    group(t, 0xa98, 16, 0, &MULDIVMOD, exec_muldivmod::<false>);
    group(t, 0xa9a, 16, 0, &MULSHRMOD, exec_mulshrmod::<false>);
    group(t, 0xa9b, 24, 8, &MULSHRMOD_CONST, exec_mulshrmod_const);
    group(t, 0xa9c, 16, 0, &SHLDIVMOD, exec_shldivmod::<false>);
    group(t, 0xa9d, 24, 8, &SHLDIVMOD_CONST, exec_shldivmod_const);
    // Quiet forms; the reference has none for the inline-shift groups
    // (`B7A93x`, `B7A9Bx`, `B7A9Dx` are unknown opcodes).
    group(t, 0xb7a90, 24, 0, &QDIVMOD, exec_divmod::<true>);
    group(t, 0xb7a92, 24, 0, &QSHRMOD, exec_shrmod::<true>);
    group(t, 0xb7a98, 24, 0, &QMULDIVMOD, exec_muldivmod::<true>);
    group(t, 0xb7a9a, 24, 0, &QMULSHRMOD, exec_mulshrmod::<true>);
    group(t, 0xb7a9c, 24, 0, &QSHLDIVMOD, exec_shldivmod::<true>);
}
