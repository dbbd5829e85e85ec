//! `cell_parse`: CTOS / XCTOS / XLOAD, the LD* and PLD* loads (immediate,
//! stack-width, little-endian and quiet forms), slice cutting, checks and
//! queries, and the cell level / hash / depth instructions.

use gram_cells::{Cell, CellSlice, CellType};
use num_bigint::{BigInt, Sign};

use super::{cell_underflow, load_int, remove_trailing};
use crate::error::{excno, Exec, Trap};
use crate::int257::Int257;
use crate::program::{Const, DecodeCtx, Instr};
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

// ----- cells to slices -----------------------------------------------------------

fn exec_ctos(vm: &mut Vm, _: &Instr) -> Exec {
    let cell = vm.take_top_cell()?;
    let slice = vm.load_cell(cell)?;
    vm.set_top(Value::Slice(slice));
    Ok(())
}

/// `XCTOS`: `c - s ?`, exotic cells allowed (and not resolved).
fn exec_xctos(vm: &mut Vm, _: &Instr) -> Exec {
    let cell = vm.pop_cell()?;
    let (slice, exotic) = vm.load_cell_special(cell)?;
    vm.push(Value::Slice(slice));
    vm.push_bool(exotic);
    Ok(())
}

/// Looks a library up by the hash a library cell holds, recording a miss.
fn find_library(vm: &mut Vm, library_cell: &Cell) -> Option<Cell> {
    let mut hash = [0u8; 32];
    hash.copy_from_slice(&library_cell.data()[1..33]);
    let found = vm.libraries.iter().find_map(|root| crate::libs::lookup(root, &hash));
    if found.is_none() {
        vm.missing_library = Some(hash);
    }
    found
}

/// `XLOAD` / `XLOADQ`: replaces a library cell by the library (global
/// version >= 5; before that the cell is returned as it is). Other exotic
/// cells fail; the quiet form then leaves only 0 (the cell is consumed).
fn exec_xload(vm: &mut Vm, ins: &Instr) -> Exec {
    let quiet = ins.args & 1 != 0;
    let mut cell = vm.pop_cell()?;
    if vm.version >= 5 {
        vm.register_cell_load(&cell)?;
        if cell.is_exotic() {
            let library = if cell.cell_type() == CellType::LibraryReference { find_library(vm, &cell) } else { None };
            match library {
                Some(lib) => cell = lib,
                None if quiet => {
                    vm.push_bool(false);
                    return Ok(());
                }
                None => return Err(cell_underflow()),
            }
        }
    }
    vm.push(Value::Cell(cell));
    if quiet {
        vm.push_bool(true);
    }
    Ok(())
}

fn exec_ends(vm: &mut Vm, _: &Instr) -> Exec {
    let slice = vm.pop_slice()?;
    if !slice.is_empty() {
        return Err(cell_underflow());
    }
    Ok(())
}

// ----- integers ------------------------------------------------------------------

/// Mode bits of the integer loads (the reference's `mode`): 1 = unsigned,
/// 2 = preload (the slice is not returned), 4 = quiet.
const LD_UNSIGNED: u32 = 1;
const LD_PRELOAD: u32 = 2;
const LD_QUIET: u32 = 4;

/// Loads an integer of `bits` bits. A quiet failure returns the slice
/// (unless preloading) and 0; success pushes the integer, the rest of the
/// slice (unless preloading) and, when quiet, -1.
fn load_int_common(vm: &mut Vm, bits: usize, mode: u32) -> Exec {
    let mut slice = vm.pop_slice()?;
    let preload = mode & LD_PRELOAD != 0;
    let quiet = mode & LD_QUIET != 0;
    if slice.remaining_bits() < bits {
        if !quiet {
            return Err(cell_underflow());
        }
        if !preload {
            vm.push(Value::Slice(slice));
        }
        vm.push_small(0);
        return Ok(());
    }
    let signed = mode & LD_UNSIGNED == 0;
    if preload {
        let x = load_int(&mut slice.clone(), bits, signed)?;
        vm.push_int(x);
    } else {
        let x = load_int(&mut slice, bits, signed)?;
        vm.push_int(x);
        vm.push(Value::Slice(slice));
    }
    if quiet {
        vm.push_small(-1);
    }
    Ok(())
}

/// `LDI cc+1` / `LDU cc+1` (`D2` / `D3`).
fn exec_ld_short(vm: &mut Vm, ins: &Instr) -> Exec {
    let bits = (ins.args & 0xff) as usize + 1;
    load_int_common(vm, bits, (ins.args >> 8) & LD_UNSIGNED)
}

/// `LDIX` ... `PLDUXQ` (`D700`-`D707`): width from the stack, 0..257 signed
/// or 0..256 unsigned.
fn exec_ld_var(vm: &mut Vm, ins: &Instr) -> Exec {
    let mode = ins.args & 7;
    vm.check_depth(2)?;
    let max = if mode & LD_UNSIGNED == 0 { 257 } else { 256 };
    let bits = vm.pop_smallint_range(max)? as usize;
    load_int_common(vm, bits, mode)
}

/// `LDI_ALT` ... `PLDUQ` (`D708`-`D70F` cc).
fn exec_ld_long(vm: &mut Vm, ins: &Instr) -> Exec {
    let bits = (ins.args & 0xff) as usize + 1;
    load_int_common(vm, bits, (ins.args >> 8) & 7)
}

/// `PLDUZ 32(c+1)`: `s - s x`, an unsigned integer of the first bits,
/// padded with zeros on the right when the slice is shorter.
fn exec_plduz(vm: &mut Vm, ins: &Instr) -> Exec {
    let bits = ((ins.args & 7) as usize + 1) * 32;
    let slice = vm.pop_slice()?;
    let available = bits.min(slice.remaining_bits());
    let head = load_int(&mut slice.clone(), available, false)?;
    // At most 256 bits in all, so the shift cannot overflow; zero needs none.
    let x = if head.is_zero() || available == bits {
        head
    } else {
        head.shl((bits - available) as u32).ok_or_else(|| Trap::exc(excno::INT_OVERFLOW))?
    };
    vm.push(Value::Slice(slice));
    vm.push_int(x);
    Ok(())
}

/// `LDILE4` ... `PLDULE8Q` (`D750`-`D75F`): bit 1 = unsigned, 2 = 8 bytes
/// (else 4), 4 = preload, 8 = quiet.
fn exec_ld_le(vm: &mut Vm, ins: &Instr) -> Exec {
    let bytes = if ins.args & 2 != 0 { 8 } else { 4 };
    let signed = ins.args & 1 == 0;
    let preload = ins.args & 4 != 0;
    let quiet = ins.args & 8 != 0;
    vm.check_depth(1)?;
    let mut slice = vm.pop_slice()?;
    if slice.remaining_bits() < bytes * 8 {
        if !quiet {
            return Err(cell_underflow());
        }
        if !preload {
            vm.push(Value::Slice(slice));
        }
        vm.push_small(0);
        return Ok(());
    }
    let big_endian = slice.load_uint(bytes * 8)?;
    let x = match (signed, bytes) {
        (true, 4) => Int257::from_i64((big_endian as u32).swap_bytes() as i32 as i64),
        (false, 4) => Int257::from_u64((big_endian as u32).swap_bytes() as u64),
        (true, _) => Int257::from_i64(big_endian.swap_bytes() as i64),
        (false, _) => Int257::from_u64(big_endian.swap_bytes()),
    };
    vm.push_int(x);
    if !preload {
        vm.push(Value::Slice(slice));
    }
    if quiet {
        vm.push_small(-1);
    }
    Ok(())
}

// ----- refs ----------------------------------------------------------------------

/// `LDREF`: `s - c s'`.
fn exec_ldref(vm: &mut Vm, _: &Instr) -> Exec {
    let mut slice = vm.pop_slice()?;
    let cell = slice.load_reference().map_err(|_| cell_underflow())?;
    vm.push(Value::Cell(cell));
    vm.push(Value::Slice(slice));
    Ok(())
}

/// `LDREFRTOS`: `s - s' s''`, the first ref loaded as a slice.
fn exec_ldrefrtos(vm: &mut Vm, _: &Instr) -> Exec {
    let mut slice = vm.pop_slice()?;
    let cell = slice.load_reference().map_err(|_| cell_underflow())?;
    vm.push(Value::Slice(slice));
    let loaded = vm.load_cell(cell)?;
    vm.push(Value::Slice(loaded));
    Ok(())
}

/// Pushes ref `index` of the slice (cell underflow if it has no such ref).
fn preload_ref(vm: &mut Vm, slice: &CellSlice, index: usize) -> Exec {
    let cell = slice.preload_reference(index).map_err(|_| cell_underflow())?;
    vm.push(Value::Cell(cell));
    Ok(())
}

/// `PLDREFVAR`: `s n - c`, n in 0..3.
fn exec_pldrefvar(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let index = vm.pop_smallint_range(3)? as usize;
    let slice = vm.pop_slice()?;
    preload_ref(vm, &slice, index)
}

/// `PLDREFIDX n` (`D74C`-`D74F`).
fn exec_pldrefidx(vm: &mut Vm, ins: &Instr) -> Exec {
    let slice = vm.pop_slice()?;
    preload_ref(vm, &slice, (ins.args & 3) as usize)
}

// ----- sub-slices ----------------------------------------------------------------

/// Mode bits of the slice loads: 1 = preload, 2 = quiet.
fn load_slice_common(vm: &mut Vm, bits: usize, mode: u32) -> Exec {
    let mut slice = vm.pop_slice()?;
    let preload = mode & 1 != 0;
    let quiet = mode & 2 != 0;
    if slice.remaining_bits() < bits {
        if !quiet {
            return Err(cell_underflow());
        }
        if !preload {
            vm.push(Value::Slice(slice));
        }
        vm.push_small(0);
        return Ok(());
    }
    if preload {
        slice.shrink(bits, 0)?;
        vm.push(Value::Slice(slice));
    } else {
        let head = slice.load_slice(bits, 0)?;
        vm.push(Value::Slice(head));
        vm.push(Value::Slice(slice));
    }
    if quiet {
        vm.push_small(-1);
    }
    Ok(())
}

/// `LDSLICE cc+1` (`D6`).
fn exec_ldslice_short(vm: &mut Vm, ins: &Instr) -> Exec {
    load_slice_common(vm, (ins.args & 0xff) as usize + 1, 0)
}

/// `LDSLICEX` ... `PLDSLICEXQ` (`D718`-`D71B`): width 0..1023 from the stack.
fn exec_ldslice_var(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.check_depth(2)?;
    let bits = vm.pop_smallint_range(1023)? as usize;
    load_slice_common(vm, bits, ins.args & 3)
}

/// `LDSLICE_ALT` ... `PLDSLICEQ` (`D71C`-`D71F` cc).
fn exec_ldslice_long(vm: &mut Vm, ins: &Instr) -> Exec {
    load_slice_common(vm, (ins.args & 0xff) as usize + 1, (ins.args >> 8) & 3)
}

/// The reference's `only_first(bits, refs)`: keep the first bits and refs.
fn only_first(s: &mut CellSlice, bits: usize, refs: usize) -> bool {
    s.shrink(bits, refs).is_ok()
}

/// The reference's `skip_first(bits, refs)`.
fn skip_first(s: &mut CellSlice, bits: usize, refs: usize) -> bool {
    if !s.has_remaining(bits, refs) {
        return false;
    }
    s.skip_bits(bits).is_ok() && s.skip_refs(refs).is_ok()
}

/// The reference's `only_last(bits, refs)`: keep the last bits and refs.
fn only_last(s: &mut CellSlice, bits: usize, refs: usize) -> bool {
    if !s.has_remaining(bits, refs) {
        return false;
    }
    let (drop_bits, drop_refs) = (s.remaining_bits() - bits, s.remaining_refs() - refs);
    s.skip_bits(drop_bits).is_ok() && s.skip_refs(drop_refs).is_ok()
}

/// The reference's `skip_last(bits, refs)`.
fn skip_last(s: &mut CellSlice, bits: usize, refs: usize) -> bool {
    s.skip_last(bits, refs).is_ok()
}

/// Pushes a cut slice, or fails with cell underflow when the cut did not fit (`fits` false).
fn push_if_fits(vm: &mut Vm, fits: bool, slice: CellSlice) -> Exec {
    if !fits {
        return Err(cell_underflow());
    }
    vm.push(Value::Slice(slice));
    Ok(())
}

/// Pushes `slice` cut as the low two bits of `args` say (0 first, 1 skip first, 2 last, 3 skip
/// last) to `bits` bits and `refs` refs; cell underflow if it is too short.
fn push_cut(vm: &mut Vm, mut slice: CellSlice, args: u32, bits: usize, refs: usize) -> Exec {
    let fits = match args & 3 {
        0 => only_first(&mut slice, bits, refs),
        1 => skip_first(&mut slice, bits, refs),
        2 => only_last(&mut slice, bits, refs),
        _ => skip_last(&mut slice, bits, refs),
    };
    push_if_fits(vm, fits, slice)
}

/// `SDCUTFIRST` / `SDSKIPFIRST` / `SDCUTLAST` / `SDSKIPLAST`: `s l - s'`,
/// l in 0..1023; the ref count passed is 0, so the cut forms drop all refs.
fn exec_sd_cut(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.check_depth(2)?;
    let bits = vm.pop_smallint_range(1023)? as usize;
    let slice = vm.pop_slice()?;
    push_cut(vm, slice, ins.args, bits, 0)
}

/// `SDSUBSTR`: `s l' l - s'`, l bits after the first l'.
fn exec_sdsubstr(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(3)?;
    let bits = vm.pop_smallint_range(1023)? as usize;
    let offset = vm.pop_smallint_range(1023)? as usize;
    let mut slice = vm.pop_slice()?;
    let fits = skip_first(&mut slice, offset, 0) && only_first(&mut slice, bits, 0);
    push_if_fits(vm, fits, slice)
}

/// `SCUTFIRST` / `SSKIPFIRST` / `SCUTLAST` / `SSKIPLAST`: `s l r - s'`,
/// l in 0..1023, r in 0..4.
fn exec_s_cut(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.check_depth(3)?;
    let refs = vm.pop_smallint_range(4)? as usize;
    let bits = vm.pop_smallint_range(1023)? as usize;
    let slice = vm.pop_slice()?;
    push_cut(vm, slice, ins.args, bits, refs)
}

/// `SUBSLICE`: `s l r l' r' - s'`.
fn exec_subslice(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(5)?;
    let refs2 = vm.pop_smallint_range(4)? as usize;
    let bits2 = vm.pop_smallint_range(1023)? as usize;
    let refs1 = vm.pop_smallint_range(4)? as usize;
    let bits1 = vm.pop_smallint_range(1023)? as usize;
    let mut slice = vm.pop_slice()?;
    let fits = skip_first(&mut slice, bits1, refs1) && only_first(&mut slice, bits2, refs2);
    push_if_fits(vm, fits, slice)
}

/// `SPLIT` / `SPLITQ`: `s l r - s' s''`.
fn exec_split(vm: &mut Vm, ins: &Instr) -> Exec {
    let quiet = ins.args & 1 != 0;
    vm.check_depth(3)?;
    let refs = vm.pop_smallint_range(4)? as usize;
    let bits = vm.pop_smallint_range(1023)? as usize;
    let mut slice = vm.pop_slice()?;
    if !slice.has_remaining(bits, refs) {
        if !quiet {
            return Err(cell_underflow());
        }
        vm.push(Value::Slice(slice));
        vm.push_small(0);
        return Ok(());
    }
    let head = slice.load_slice(bits, refs)?;
    vm.push(Value::Slice(head));
    vm.push(Value::Slice(slice));
    if quiet {
        vm.push_small(-1);
    }
    Ok(())
}

// ----- prefixes --------------------------------------------------------------------

/// Strips `prefix` from the slice on top of the stack; a quiet failure
/// pushes the slice back and 0, a quiet success adds -1.
fn begins_with(vm: &mut Vm, prefix: &CellSlice, quiet: bool) -> Exec {
    let mut slice = vm.pop_slice()?;
    if !slice.starts_with(prefix) {
        if !quiet {
            return Err(cell_underflow());
        }
        vm.push(Value::Slice(slice));
        vm.push_small(0);
        return Ok(());
    }
    slice.skip_bits(prefix.remaining_bits())?;
    vm.push(Value::Slice(slice));
    if quiet {
        vm.push_small(-1);
    }
    Ok(())
}

/// `SDBEGINSX` / `SDBEGINSXQ`: `s s' - s''`.
fn exec_sdbeginsx(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.check_depth(2)?;
    let prefix = vm.pop_slice()?;
    begins_with(vm, &prefix, ins.args & 1 != 0)
}

/// `SDBEGINS` / `SDBEGINSQ`: `D728_ q:(## 1) x:(## 7)` then 8x+3 bits with a
/// completion tag.
fn decode_sdbegins(ctx: &mut DecodeCtx<'_>, args: u32) -> Result<u32, i32> {
    let bits = (args & 127) as usize * 8 + 3;
    if ctx.code.remaining_bits() < bits {
        return Err(excno::INVALID_OPCODE);
    }
    let mut prefix = ctx.code.load_slice(bits, 0).map_err(|_| excno::INVALID_OPCODE)?;
    remove_trailing(&mut prefix);
    Ok(ctx.add_const(Const::Slice(prefix)))
}

fn exec_sdbegins(vm: &mut Vm, ins: &Instr) -> Exec {
    let prefix = match &vm.code.prog.consts[ins.imm as usize] {
        Const::Slice(s) => s.clone(),
        _ => unreachable!("decoder stored a slice here"),
    };
    begins_with(vm, &prefix, ins.args & 128 != 0)
}

// ----- checks and queries ------------------------------------------------------------

/// `SCHKBITS(Q)` / `SCHKREFS(Q)`: `s n -`; n in 0..1023 for both.
fn exec_schk(vm: &mut Vm, ins: &Instr) -> Exec {
    let quiet = ins.args & 4 != 0;
    vm.check_depth(2)?;
    let n = vm.pop_smallint_range(1023)? as usize;
    let slice = vm.pop_slice()?;
    let ok = if ins.args & 3 == 1 { slice.remaining_bits() >= n } else { slice.remaining_refs() >= n };
    check_result(vm, ok, quiet)
}

/// `SCHKBITREFS(Q)`: `s l r -`.
fn exec_schkbitrefs(vm: &mut Vm, ins: &Instr) -> Exec {
    let quiet = ins.args & 4 != 0;
    vm.check_depth(3)?;
    let refs = vm.pop_smallint_range(4)? as usize;
    let bits = vm.pop_smallint_range(1023)? as usize;
    let slice = vm.pop_slice()?;
    check_result(vm, slice.has_remaining(bits, refs), quiet)
}

fn check_result(vm: &mut Vm, ok: bool, quiet: bool) -> Exec {
    if quiet {
        vm.push_bool(ok);
    } else if !ok {
        return Err(cell_underflow());
    }
    Ok(())
}

/// `SBITS` / `SREFS` / `SBITREFS`.
fn exec_sbitrefs(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.check_depth(1)?;
    let slice = vm.pop_slice()?;
    if ins.args & 1 != 0 {
        vm.push_small(slice.remaining_bits() as i64);
    }
    if ins.args & 2 != 0 {
        vm.push_small(slice.remaining_refs() as i64);
    }
    Ok(())
}

/// `LDZEROES` / `LDONES` / `LDSAME`: `s (x) - n s'`, the run of leading equal bits.
fn exec_ld_same(vm: &mut Vm, ins: &Instr) -> Exec {
    let fixed = match ins.args & 3 {
        0 => Some(false),
        1 => Some(true),
        _ => None,
    };
    vm.check_depth(1 + usize::from(fixed.is_none()))?;
    let bit = match fixed {
        Some(bit) => bit,
        None => vm.pop_smallint_range(1)? == 1,
    };
    let mut slice = vm.pop_slice()?;
    let n = slice.count_leading(bit);
    slice.skip_bits(n)?;
    vm.push_small(n as i64);
    vm.push(Value::Slice(slice));
    Ok(())
}

/// `SDEPTH`: one more than the deepest ref the slice sees, 0 without refs.
fn exec_sdepth(vm: &mut Vm, _: &Instr) -> Exec {
    let slice = vm.pop_slice()?;
    let depth = (0..slice.remaining_refs())
        .filter_map(|i| slice.preload_reference(i).ok())
        .map(|c| c.depth() as i64 + 1)
        .max()
        .unwrap_or(0);
    vm.push_small(depth);
    Ok(())
}

/// `CDEPTH`: `c - d`, 0 for null.
fn exec_cdepth(vm: &mut Vm, _: &Instr) -> Exec {
    let depth = vm.pop_maybe_cell()?.map_or(0, |c| c.depth() as i64);
    vm.push_small(depth);
    Ok(())
}

fn exec_clevel(vm: &mut Vm, _: &Instr) -> Exec {
    let cell = vm.pop_cell()?;
    vm.push_small(cell.level() as i64);
    Ok(())
}

fn exec_clevelmask(vm: &mut Vm, _: &Instr) -> Exec {
    let cell = vm.pop_cell()?;
    vm.push_small(cell.level_mask().mask() as i64);
    Ok(())
}

/// Pushes the hash of `cell` at `level` as an unsigned 256-bit integer.
fn push_hash(vm: &mut Vm, cell: &Cell, level: u8) -> Exec {
    let value = BigInt::from_bytes_be(Sign::Plus, cell.hash_at(level));
    let x = Int257::from_bigint(&value).ok_or_else(|| Trap::exc(excno::INT_OVERFLOW))?;
    vm.push_int(x);
    Ok(())
}

/// `CHASHI i` (`D768`-`D76B`).
fn exec_chashi(vm: &mut Vm, ins: &Instr) -> Exec {
    let cell = vm.pop_cell()?;
    push_hash(vm, &cell, (ins.args & 3) as u8)
}

/// `CHASHIX`: `c i - h`.
fn exec_chashix(vm: &mut Vm, _: &Instr) -> Exec {
    let level = vm.pop_smallint_range(3)? as u8;
    let cell = vm.pop_cell()?;
    push_hash(vm, &cell, level)
}

/// `CDEPTHI i` (`D76C`-`D76F`).
fn exec_cdepthi(vm: &mut Vm, ins: &Instr) -> Exec {
    let cell = vm.pop_cell()?;
    vm.push_small(cell.depth_at((ins.args & 3) as u8) as i64);
    Ok(())
}

/// `CDEPTHIX`: `c i - d`.
fn exec_cdepthix(vm: &mut Vm, _: &Instr) -> Exec {
    let level = vm.pop_smallint_range(3)? as u8;
    let cell = vm.pop_cell()?;
    vm.push_small(cell.depth_at(level) as i64);
    Ok(())
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xd0, 8, "CTOS", exec_ctos);
    t.simple(0xd1, 8, "ENDS", exec_ends);
    t.fixed(0xd2, 8, 8, "LDI", exec_ld_short);
    t.fixed(0xd3, 8, 8, "LDU", exec_ld_short);
    t.simple(0xd4, 8, "LDREF", exec_ldref);
    t.simple(0xd5, 8, "LDREFRTOS", exec_ldrefrtos);
    t.fixed(0xd6, 8, 8, "LDSLICE", exec_ldslice_short);
    const LD_VAR: [&str; 8] = ["LDIX", "LDUX", "PLDIX", "PLDUX", "LDIXQ", "LDUXQ", "PLDIXQ", "PLDUXQ"];
    for (i, name) in LD_VAR.into_iter().enumerate() {
        t.simple(0xd700 + i as u32, 16, name, exec_ld_var);
    }
    const LD_LONG: [&str; 8] = ["LDI_ALT", "LDU_ALT", "PLDI", "PLDU", "LDIQ", "LDUQ", "PLDIQ", "PLDUQ"];
    for (i, name) in LD_LONG.into_iter().enumerate() {
        t.fixed(0xd708 + i as u32, 16, 8, name, exec_ld_long);
    }
    t.fixed(0xd710 >> 3, 13, 3, "PLDUZ", exec_plduz);
    const LDSLICE_VAR: [&str; 4] = ["LDSLICEX", "PLDSLICEX", "LDSLICEXQ", "PLDSLICEXQ"];
    for (i, name) in LDSLICE_VAR.into_iter().enumerate() {
        t.simple(0xd718 + i as u32, 16, name, exec_ldslice_var);
    }
    const LDSLICE_LONG: [&str; 4] = ["LDSLICE_ALT", "PLDSLICE", "LDSLICEQ", "PLDSLICEQ"];
    for (i, name) in LDSLICE_LONG.into_iter().enumerate() {
        t.fixed(0xd71c + i as u32, 16, 8, name, exec_ldslice_long);
    }
    t.simple(0xd720, 16, "SDCUTFIRST", exec_sd_cut);
    t.simple(0xd721, 16, "SDSKIPFIRST", exec_sd_cut);
    t.simple(0xd722, 16, "SDCUTLAST", exec_sd_cut);
    t.simple(0xd723, 16, "SDSKIPLAST", exec_sd_cut);
    t.simple(0xd724, 16, "SDSUBSTR", exec_sdsubstr);
    t.simple(0xd726, 16, "SDBEGINSX", exec_sdbeginsx);
    t.simple(0xd727, 16, "SDBEGINSXQ", exec_sdbeginsx);
    // The reference registers `D728_` with 8 argument bits as one
    // instruction; cp0 names its two halves by the quiet bit.
    let sdbegins = (0xd728 >> 3) << 8;
    t.ext_range(sdbegins, sdbegins + 0x80, 21, "SDBEGINS", decode_sdbegins, exec_sdbegins);
    t.ext_range(sdbegins + 0x80, sdbegins + 0x100, 21, "SDBEGINSQ", decode_sdbegins, exec_sdbegins);
    t.simple(0xd730, 16, "SCUTFIRST", exec_s_cut);
    t.simple(0xd731, 16, "SSKIPFIRST", exec_s_cut);
    t.simple(0xd732, 16, "SCUTLAST", exec_s_cut);
    t.simple(0xd733, 16, "SSKIPLAST", exec_s_cut);
    t.simple(0xd734, 16, "SUBSLICE", exec_subslice);
    t.simple(0xd736, 16, "SPLIT", exec_split);
    t.simple(0xd737, 16, "SPLITQ", exec_split);
    t.simple(0xd739, 16, "XCTOS", exec_xctos);
    t.simple(0xd73a, 16, "XLOAD", exec_xload);
    t.simple(0xd73b, 16, "XLOADQ", exec_xload);
    t.simple(0xd741, 16, "SCHKBITS", exec_schk);
    t.simple(0xd742, 16, "SCHKREFS", exec_schk);
    t.simple(0xd743, 16, "SCHKBITREFS", exec_schkbitrefs);
    t.simple(0xd745, 16, "SCHKBITSQ", exec_schk);
    t.simple(0xd746, 16, "SCHKREFSQ", exec_schk);
    t.simple(0xd747, 16, "SCHKBITREFSQ", exec_schkbitrefs);
    t.simple(0xd748, 16, "PLDREFVAR", exec_pldrefvar);
    t.simple(0xd749, 16, "SBITS", exec_sbitrefs);
    t.simple(0xd74a, 16, "SREFS", exec_sbitrefs);
    t.simple(0xd74b, 16, "SBITREFS", exec_sbitrefs);
    t.fixed(0xd74c >> 2, 14, 2, "PLDREFIDX", exec_pldrefidx);
    const LD_LE: [&str; 16] = [
        "LDILE4", "LDULE4", "LDILE8", "LDULE8", "PLDILE4", "PLDULE4", "PLDILE8", "PLDULE8", "LDILE4Q", "LDULE4Q",
        "LDILE8Q", "LDULE8Q", "PLDILE4Q", "PLDULE4Q", "PLDILE8Q", "PLDULE8Q",
    ];
    for (i, name) in LD_LE.into_iter().enumerate() {
        t.simple(0xd750 + i as u32, 16, name, exec_ld_le);
    }
    t.simple(0xd760, 16, "LDZEROES", exec_ld_same);
    t.simple(0xd761, 16, "LDONES", exec_ld_same);
    t.simple(0xd762, 16, "LDSAME", exec_ld_same);
    t.simple(0xd764, 16, "SDEPTH", exec_sdepth);
    t.simple(0xd765, 16, "CDEPTH", exec_cdepth);
    t.simple(0xd766, 16, "CLEVEL", exec_clevel).since(6);
    t.simple(0xd767, 16, "CLEVELMASK", exec_clevelmask).since(6);
    t.fixed(0xd768 >> 2, 14, 2, "CHASHI", exec_chashi).since(6);
    t.fixed(0xd76c >> 2, 14, 2, "CDEPTHI", exec_cdepthi).since(6);
    t.simple(0xd770, 16, "CHASHIX", exec_chashix).since(6);
    t.simple(0xd771, 16, "CDEPTHIX", exec_cdepthix).since(6);
}
