//! Cell instructions: building cells (`cell_build`), parsing them
//! (`cell_parse`) and comparing slices (`compare_other`), with the reference's
//! exact error order, quiet-form stack effects and gas (`crypto/vm/cellops.cpp`).

mod build;
mod compare;
mod parse;

use gram_cells::{CellBuilder, CellSlice};

use crate::error::{excno, Trap};
use crate::int257::Int257;
use crate::table::TableBuilder;
use crate::value::Value;

/// Registers every instruction of the three families.
pub(crate) fn register(t: &mut TableBuilder) {
    compare::register(t);
    build::register(t);
    parse::register(t);
}

#[inline]
fn cell_overflow() -> Trap {
    Trap::exc(excno::CELL_OVERFLOW)
}

#[inline]
fn cell_underflow() -> Trap {
    Trap::exc(excno::CELL_UNDERFLOW)
}

#[inline]
fn range_check() -> Trap {
    Trap::exc(excno::RANGE_CHECK)
}

/// An integer (or NaN) as a stack value.
#[inline]
fn int_value(x: Option<Int257>) -> Value {
    x.map_or(Value::NaN, Value::Int)
}

/// Whether `x` fits in `bits` bits (NaN never fits; zero fits in zero bits),
/// as the reference's `fits_bits`.
#[inline]
fn fits(x: &Option<Int257>, bits: usize, signed: bool) -> bool {
    match x {
        None => false,
        Some(x) if bits == 0 => x.is_zero(),
        Some(x) if signed => x.fits_signed(bits as u32),
        Some(x) => x.fits_unsigned(bits as u32),
    }
}

/// Appends `x` in `bits` bits; the caller checked space and range.
#[inline]
fn store_int(b: &mut CellBuilder, x: &Int257, bits: usize, signed: bool) -> Result<(), Trap> {
    if bits > 0 {
        x.store_to(b, bits, signed)?;
    }
    Ok(())
}

/// Reads an integer of `bits` bits; the caller checked that they are there.
#[inline]
fn load_int(s: &mut CellSlice, bits: usize, signed: bool) -> Result<Int257, Trap> {
    if bits == 0 {
        return Ok(Int257::ZERO);
    }
    Ok(Int257::load_from(s, bits, signed)?)
}

/// Drops the completion tag of inline slice data (the reference's
/// `remove_trailing`): trailing zeros and the one before them, or
/// everything when the data is all zeros.
fn remove_trailing(slice: &mut CellSlice) {
    let bits = slice.remaining_bits();
    let trailing = slice.count_trailing(false);
    let cut = if trailing == bits { bits } else { trailing + 1 };
    slice.skip_last(cut, 0).expect("the cut lies inside the slice");
}
