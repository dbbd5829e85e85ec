//! Dictionary instructions (`crypto/vm/dictops.cpp`): serialisation
//! (`dict_serial`), lookups and updates with slice, signed and unsigned keys
//! (`dict_get`, `dict_set`, `dict_set_builder`, `dict_delete`,
//! `dict_mayberef`), ordered access (`dict_min`, `dict_next`), prefix-code
//! dictionaries (`dict_prefix`), jumps through dictionaries and inline
//! dictionary constants (`dict_special`) and sub-dictionaries (`dict_sub`).
//!
//! The dictionary work itself is `gram_cells::dict`; this module pops the
//! operands in the reference's order, lets the dictionary code charge cell
//! loads and creations through [`VmCells`], and pushes the results.

mod access;
mod order;
mod prefix;
mod serial;
mod special;

use gram_cells::dict::{CellContext, DictError, DictKey, DictResult};
use gram_cells::{bits, Cell, CellSlice};

use crate::error::{excno, Trap};
use crate::gas::price;
use crate::int257::Int257;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// Registers every dictionary instruction.
pub(crate) fn register(t: &mut TableBuilder) {
    serial::register(t);
    access::register(t);
    order::register(t);
    prefix::register(t);
    special::register(t);
}

/// Largest key width of a dictionary (`Dictionary::max_key_bits`).
const MAX_KEY_BITS: i64 = 1023;

/// The VM as the dictionary code's [`CellContext`]: node loads go through
/// the loaded-cells set (100 / 25 gas, libraries resolved), node creations
/// cost 500, and running out of gas stops the operation at once (global
/// version 4 on), as in the reference's `load_cell_slice` and `finalize`.
pub(crate) struct VmCells<'a> {
    vm: &'a mut Vm,
    /// The VM-level failure behind the last `DictError` (out of gas, a
    /// missing library), which must win over the error's own exit code.
    trap: Option<Trap>,
}

impl<'a> VmCells<'a> {
    /// A context charging `vm`.
    #[inline]
    pub(crate) fn new(vm: &'a mut Vm) -> VmCells<'a> {
        VmCells { vm, trap: None }
    }

    /// Turns a dictionary result into the VM's: a recorded VM failure first,
    /// otherwise the exception the dictionary error stands for.
    #[inline]
    pub(crate) fn finish<T>(self, result: DictResult<T>) -> Result<T, Trap> {
        match (result, self.trap) {
            (_, Some(trap)) => Err(trap),
            (Ok(v), None) => Ok(v),
            (Err(e), None) => Err(dict_trap(&e)),
        }
    }

    fn fail<T>(&mut self, trap: Trap) -> DictResult<T> {
        self.trap = Some(trap);
        Err(DictError::CellUnderflow("stopped by the VM"))
    }
}

impl CellContext for VmCells<'_> {
    #[inline]
    fn load_cell(&mut self, cell: &Cell) -> DictResult<Option<Cell>> {
        if !cell.is_exotic() {
            return match self.vm.register_cell_load(cell) {
                Ok(()) => Ok(None),
                Err(trap) => self.fail(trap),
            };
        }
        match self.vm.load_cell(cell.clone()) {
            Ok(target) => Ok(Some(target.cell().clone())),
            Err(trap) => self.fail(trap),
        }
    }

    #[inline]
    fn on_create(&mut self) -> DictResult<()> {
        match self.vm.charge(price::CELL_CREATE) {
            Ok(()) => Ok(()),
            Err(trap) => self.fail(trap),
        }
    }
}

/// The exception a dictionary error raises.
fn dict_trap(e: &DictError) -> Trap {
    Trap::exc(e.exit_code())
}

#[inline]
fn cell_underflow() -> Trap {
    Trap::exc(excno::CELL_UNDERFLOW)
}

#[inline]
fn range_check() -> Trap {
    Trap::exc(excno::RANGE_CHECK)
}

/// How an instruction takes its key.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub(crate) enum KeyKind {
    /// The first `n` bits of a slice.
    Slice,
    /// An integer, two's complement (`DICTI*`).
    Signed,
    /// A non-negative integer (`DICTU*`).
    Unsigned,
}

impl KeyKind {
    /// From the reference's two flag bits: `int` set = integer key, then
    /// `unsigned` picks the signedness.
    #[inline]
    fn from_flags(int: bool, unsigned: bool) -> KeyKind {
        match (int, unsigned) {
            (false, _) => KeyKind::Slice,
            (true, false) => KeyKind::Signed,
            (true, true) => KeyKind::Unsigned,
        }
    }
}

/// Checks the depth, then pops the key width (0..=`max_n`) and the
/// dictionary root (a cell or null), as every dictionary instruction starts.
#[inline]
fn pop_dict_head(vm: &mut Vm, depth: usize, max_n: i64) -> Result<(usize, Option<Cell>), Trap> {
    gas_guard(vm)?;
    vm.check_depth(depth)?;
    let n = vm.pop_smallint_range(max_n)? as usize;
    let root = vm.pop_maybe_cell()?;
    Ok((n, root))
}

/// Stops before the instruction does anything when its own basic price
/// already exhausted the gas: from global version 4 on the reference's
/// `consume_gas` throws at once, so no cell is loaded or created and no
/// exception is raised (which would add its price).
#[inline]
fn gas_guard(vm: &Vm) -> Result<(), Trap> {
    if vm.version >= 4 && vm.gas.is_exhausted() {
        Err(Trap::OutOfGas)
    } else {
        Ok(())
    }
}

/// Pushes a dictionary root (null when empty).
#[inline]
fn push_dict(vm: &mut Vm, root: Option<Cell>) {
    vm.push(root.map_or(Value::Null, Value::Cell));
}

/// The first `n` bits of a slice as a key, or `None` when it is shorter.
#[inline]
fn slice_key(slice: &CellSlice, n: usize) -> Option<DictKey> {
    DictKey::from_slice(slice, n)
}

/// An integer as an `n`-bit key (`integer_key`): `None` unless it fits in
/// `n` bits, signed or unsigned (0 bits hold only 0; keys wider than the
/// integer are sign- or zero-extended).
#[inline]
pub(crate) fn int_key(x: &Int257, n: usize, signed: bool) -> Option<DictKey> {
    let width = u32::try_from(n).ok()?;
    let fits = if signed { x.fits_signed(width) } else { x.fits_unsigned(width) };
    if !fits {
        return None;
    }
    if n <= 64 {
        // Common case: the low `n` bits of the 64-bit two's complement value.
        let low = x.limbs()[0];
        let masked = if n == 64 { low } else { low & ((1u64 << n) - 1) };
        return DictKey::from_uint(masked, n);
    }
    // The value as a 1024-bit two's complement number; the key is its low `n` bits.
    let fill = if x.is_negative() { 0xff } else { 0 };
    let mut buf = [fill; 128];
    let limbs = x.limbs();
    for (i, limb) in limbs.iter().enumerate() {
        let at = 128 - 8 * (i + 1);
        buf[at..at + 8].copy_from_slice(&limb.to_be_bytes());
    }
    DictKey::from_bits_offset(&buf, 1024 - n, n)
}

/// A key of at most 257 (signed) or 256 (unsigned) bits read as an integer.
pub(crate) fn key_to_int(key: &DictKey, signed: bool) -> Int257 {
    let n = key.len();
    let data = key.as_bytes();
    let mut limbs = [0u64; 5];
    for (i, limb) in limbs.iter_mut().enumerate() {
        if 64 * i >= n {
            break;
        }
        let low = n.saturating_sub(64 * (i + 1));
        *limb = bits::read_u64(data, low, (n - 64 * i - low) as u32);
    }
    if signed && n > 0 && key.bit(0) {
        for (i, limb) in limbs.iter_mut().enumerate() {
            if 64 * (i + 1) <= n {
                continue;
            }
            let from = n.saturating_sub(64 * i);
            *limb |= u64::MAX << from;
        }
    }
    Int257::from_limbs_unchecked(limbs)
}

/// A found key as the instructions return it: an integer, or a slice over
/// a new cell (charged 500 gas as the reference's `finalize` does).
fn push_key(vm: &mut Vm, key: &DictKey, kind: KeyKind) -> Result<(), Trap> {
    match kind {
        KeyKind::Signed => vm.push_int(key_to_int(key, true)),
        KeyKind::Unsigned => vm.push_int(key_to_int(key, false)),
        KeyKind::Slice => {
            vm.charge(price::CELL_CREATE)?;
            vm.push(Value::Slice(key.to_slice()?));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(v: i128) -> Int257 {
        Int257::from_i128(v)
    }

    #[test]
    fn integer_keys_match_the_cell_layer() {
        for (v, n) in
            [(0i128, 0usize), (3, 3), (-4, 3), (-1, 8), (127, 8), (-128, 8), (1 << 70, 100), (-(1 << 70), 300)]
        {
            let key = int_key(&int(v), n, true).unwrap();
            assert_eq!(key, DictKey::from_big_int(&v.into(), n, true).unwrap(), "{v} in {n} bits");
            if n <= 257 {
                assert_eq!(key_to_int(&key, true), int(v));
            }
        }
        for (v, n) in [(0i128, 0usize), (255, 8), (1 << 100, 101), (12345, 1023)] {
            let key = int_key(&int(v), n, false).unwrap();
            assert_eq!(key, DictKey::from_big_int(&v.into(), n, false).unwrap());
            if n <= 256 {
                assert_eq!(key_to_int(&key, false), int(v));
            }
        }
        assert!(int_key(&int(128), 8, true).is_none());
        assert!(int_key(&int(-129), 8, true).is_none());
        assert!(int_key(&int(1), 0, true).is_none());
        assert!(int_key(&int(-1), 1023, false).is_none());
        assert!(int_key(&int(256), 8, false).is_none());
        let min = int_key(&Int257::MIN, 257, true).unwrap();
        assert_eq!(key_to_int(&min, true), Int257::MIN);
        let max = int_key(&Int257::MAX, 256, false).unwrap();
        assert_eq!(key_to_int(&max, false), Int257::MAX);
    }
}
