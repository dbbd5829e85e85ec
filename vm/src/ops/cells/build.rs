//! `cell_build`: NEWC, ENDC, the ST* stores (immediate, stack-width, reversed
//! and quiet forms), constant refs and slices, builder queries and checks,
//! exotic cells (ENDXC) and BTOS.

use std::rc::Rc;

use gram_cells::{Cell, CellBuilder, CellSlice};

use super::{cell_overflow, fits, int_value, range_check, remove_trailing, store_int};
use crate::error::{excno, Exec, Trap};
use crate::program::{Const, DecodeCtx, Instr};
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

// ----- builders and cells ----------------------------------------------------

fn exec_newc(vm: &mut Vm, _: &Instr) -> Exec {
    vm.push(Value::Builder(Rc::new(CellBuilder::new())));
    Ok(())
}

/// Finalises a builder into a new cell, charging the cell creation (500)
/// before the cell is checked, as the reference's `finalize_copy` does.
fn create_cell(vm: &mut Vm, builder: Rc<CellBuilder>, exotic: bool) -> Result<Cell, Trap> {
    vm.register_cell_create()?;
    let cell = match Rc::try_unwrap(builder) {
        Ok(b) => b.into_cell(exotic),
        Err(shared) => shared.finalize(exotic),
    };
    Ok(cell?)
}

fn exec_endc(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(1)?;
    let builder = vm.pop_builder()?;
    let cell = create_cell(vm, builder, false)?;
    vm.push(Value::Cell(cell));
    Ok(())
}

/// `ENDXC`: `b x - c`, an exotic cell when `x` is non-zero.
fn exec_endxc(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let exotic = vm.pop_bool()?;
    let builder = vm.pop_builder()?;
    let cell = create_cell(vm, builder, exotic)?;
    vm.push(Value::Cell(cell));
    Ok(())
}

/// `BTOS` (v12): the builder's contents as a slice of a new cell; neither
/// the creation nor the load is charged (the reference finalises outside
/// the VM's accounting).
fn exec_btos(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(1)?;
    let builder = vm.pop_builder()?;
    let cell = match Rc::try_unwrap(builder) {
        Ok(b) => b.into_cell(false),
        Err(shared) => shared.build(),
    }?;
    vm.push(Value::Slice(CellSlice::new(cell)));
    Ok(())
}

// ----- integers ----------------------------------------------------------------

/// Mode bits shared by the integer stores (the reference's `args`):
/// 1 = unsigned, 2 = reversed (the integer is on top, the builder below it),
/// 4 = quiet.
const ST_UNSIGNED: u32 = 1;
const ST_REVERSED: u32 = 2;
const ST_QUIET: u32 = 4;

/// Stores an integer popped with its builder. Space is checked before range
/// (cell overflow wins over range check); a quiet failure puts both operands
/// back in their order and pushes -1 (no space) or 1 (out of range).
fn store_int_common(vm: &mut Vm, bits: usize, mode: u32) -> Exec {
    let signed = mode & ST_UNSIGNED == 0;
    let reversed = mode & ST_REVERSED != 0;
    let quiet = mode & ST_QUIET != 0;
    let (mut builder, x) = if reversed {
        let x = vm.pop_int_or_nan()?;
        (vm.pop_builder()?, x)
    } else {
        let b = vm.pop_builder()?;
        (b, vm.pop_int_or_nan()?)
    };
    let failure = if !builder.can_store(bits, 0) {
        Some((-1, cell_overflow()))
    } else if !fits(&x, bits, signed) {
        Some((1, range_check()))
    } else {
        None
    };
    if let Some((code, trap)) = failure {
        if !quiet {
            return Err(trap);
        }
        if reversed {
            vm.push(Value::Builder(builder));
            vm.push(int_value(x));
        } else {
            vm.push(int_value(x));
            vm.push(Value::Builder(builder));
        }
        vm.push_small(code);
        return Ok(());
    }
    let x = x.expect("NaN never fits");
    store_int(Rc::make_mut(&mut builder), &x, bits, signed)?;
    vm.push(Value::Builder(builder));
    if quiet {
        vm.push_small(0);
    }
    Ok(())
}

/// `STI cc+1` / `STU cc+1` (`CA` / `CB`).
fn exec_st_short(vm: &mut Vm, ins: &Instr) -> Exec {
    let bits = (ins.args & 0xff) as usize + 1;
    let unsigned = (ins.args >> 8) & 1;
    vm.check_depth(2)?;
    store_int_common(vm, bits, unsigned)
}

/// `STIX` ... `STUXRQ` (`CF00`-`CF07`): the width comes from the stack,
/// 0..257 signed or 0..256 unsigned.
fn exec_st_var(vm: &mut Vm, ins: &Instr) -> Exec {
    let mode = ins.args & 7;
    let max = if mode & ST_UNSIGNED == 0 { 257 } else { 256 };
    vm.check_depth(3)?;
    let bits = vm.pop_smallint_range(max)? as usize;
    store_int_common(vm, bits, mode)
}

/// `STI_ALT` ... `STURQ` (`CF08`-`CF0F` cc).
fn exec_st_long(vm: &mut Vm, ins: &Instr) -> Exec {
    let bits = (ins.args & 0xff) as usize + 1;
    vm.check_depth(2)?;
    store_int_common(vm, bits, (ins.args >> 8) & 7)
}

/// `STILE4` / `STULE4` / `STILE8` / `STULE8`: little-endian 32/64-bit stores.
fn exec_st_le(vm: &mut Vm, ins: &Instr) -> Exec {
    let bytes = if ins.args & 2 != 0 { 8 } else { 4 };
    let signed = ins.args & 1 == 0;
    vm.check_depth(2)?;
    let mut builder = vm.pop_builder()?;
    let x = vm.pop_int_or_nan()?;
    if !builder.can_store(bytes * 8, 0) {
        return Err(cell_overflow());
    }
    if !fits(&x, bytes * 8, signed) {
        return Err(range_check());
    }
    let x = x.expect("NaN never fits");
    // Two's complement bits of the value; it fits, so the low bytes say it all.
    let raw = if signed { x.to_i64().map(|v| v as u64) } else { x.to_u64() }.ok_or_else(range_check)?;
    Rc::make_mut(&mut builder).store_raw(&raw.to_le_bytes()[..bytes], bytes * 8)?;
    vm.push(Value::Builder(builder));
    Ok(())
}

// ----- refs, slices and builders ---------------------------------------------

/// What a `STREF` / `STBREF` / `STSLICE` / `STB` form appends.
enum Piece {
    Ref(Cell),
    BuilderAsRef(Rc<CellBuilder>),
    Slice(CellSlice),
    Builder(Rc<CellBuilder>),
}

impl Piece {
    /// Pops the operand of kind `kind` (0 ref, 1 builder as ref, 2 slice, 3 builder).
    fn pop(vm: &mut Vm, kind: u32) -> Result<Piece, Trap> {
        Ok(match kind {
            0 => Piece::Ref(vm.pop_cell()?),
            1 => Piece::BuilderAsRef(vm.pop_builder()?),
            2 => Piece::Slice(vm.pop_slice()?),
            _ => Piece::Builder(vm.pop_builder()?),
        })
    }

    /// Bits and refs it takes in the target builder.
    fn size(&self) -> (usize, usize) {
        match self {
            Piece::Ref(_) | Piece::BuilderAsRef(_) => (0, 1),
            Piece::Slice(s) => (s.remaining_bits(), s.remaining_refs()),
            Piece::Builder(b) => (b.bit_len(), b.ref_count()),
        }
    }

    fn into_value(self) -> Value {
        match self {
            Piece::Ref(c) => Value::Cell(c),
            Piece::BuilderAsRef(b) | Piece::Builder(b) => Value::Builder(b),
            Piece::Slice(s) => Value::Slice(s),
        }
    }
}

/// Mode bits of the `CF1x` stores: kind in bits 0-1, 4 = reversed (the
/// piece is on top), 8 = quiet.
fn store_piece(vm: &mut Vm, mode: u32) -> Exec {
    let reversed = mode & 4 != 0;
    let quiet = mode & 8 != 0;
    vm.check_depth(2)?;
    let (mut builder, piece) = if reversed {
        let piece = Piece::pop(vm, mode & 3)?;
        (vm.pop_builder()?, piece)
    } else {
        let b = vm.pop_builder()?;
        (b, Piece::pop(vm, mode & 3)?)
    };
    let (bits, refs) = piece.size();
    if !builder.can_store(bits, refs) {
        if !quiet {
            return Err(cell_overflow());
        }
        if reversed {
            vm.push(Value::Builder(builder));
            vm.push(piece.into_value());
        } else {
            vm.push(piece.into_value());
            vm.push(Value::Builder(builder));
        }
        vm.push_small(-1);
        return Ok(());
    }
    match piece {
        Piece::Ref(cell) => {
            Rc::make_mut(&mut builder).store_reference(cell)?;
        }
        Piece::BuilderAsRef(inner) => {
            let cell = create_cell(vm, inner, false)?;
            Rc::make_mut(&mut builder).store_reference(cell)?;
        }
        Piece::Slice(slice) => {
            Rc::make_mut(&mut builder).store_slice(&slice)?;
        }
        Piece::Builder(inner) => {
            Rc::make_mut(&mut builder).store_builder(&inner)?;
        }
    }
    vm.push(Value::Builder(builder));
    if quiet {
        vm.push_small(0);
    }
    Ok(())
}

/// `CF10`-`CF1F`: the mode is the low four bits of the opcode.
fn exec_store_piece(vm: &mut Vm, ins: &Instr) -> Exec {
    store_piece(vm, ins.args & 15)
}

/// `STREF` (`CC`).
fn exec_stref(vm: &mut Vm, _: &Instr) -> Exec {
    store_piece(vm, 0)
}

/// `STBREFR` (`CD`, the reference's `ENDCST`).
fn exec_stbrefr(vm: &mut Vm, _: &Instr) -> Exec {
    store_piece(vm, 1 | 4)
}

/// `STSLICE` (`CE`).
fn exec_stslice(vm: &mut Vm, _: &Instr) -> Exec {
    store_piece(vm, 2)
}

// ----- constants -------------------------------------------------------------

/// `STREFCONST` / `STREF2CONST`: takes one or two refs of the code.
fn decode_const_refs(ctx: &mut DecodeCtx<'_>, args: u32) -> Result<u32, i32> {
    let refs = (args & 1) as usize + 1;
    if ctx.code.remaining_refs() < refs {
        return Err(excno::INVALID_OPCODE);
    }
    let mut first = None;
    for _ in 0..refs {
        let cell = ctx.code.load_reference().map_err(|_| excno::INVALID_OPCODE)?;
        let index = ctx.add_const(Const::Cell(cell));
        first.get_or_insert(index);
    }
    first.ok_or(excno::INVALID_OPCODE)
}

fn exec_store_const_refs(vm: &mut Vm, ins: &Instr) -> Exec {
    let refs = (ins.args & 1) as usize + 1;
    vm.check_depth(1)?;
    let mut builder = vm.pop_builder()?;
    if !builder.can_store(0, refs) {
        return Err(cell_overflow());
    }
    let b = Rc::make_mut(&mut builder);
    for i in 0..refs {
        match &vm.code.prog.consts[ins.imm as usize + i] {
            Const::Cell(cell) => b.store_reference(cell.clone())?,
            _ => unreachable!("decoder stored cells here"),
        };
    }
    vm.push(Value::Builder(builder));
    Ok(())
}

/// `STSLICECONST`: `CFC_ x:(## 2) y:(## 3)` then 8y+2 data bits (with a
/// completion tag) and x refs of the code.
fn decode_const_slice(ctx: &mut DecodeCtx<'_>, args: u32) -> Result<u32, i32> {
    let refs = ((args >> 3) & 3) as usize;
    let bits = (args & 7) as usize * 8 + 2;
    if !ctx.code.has_remaining(bits, refs) {
        return Err(excno::INVALID_OPCODE);
    }
    let mut slice = ctx.code.load_slice(bits, refs).map_err(|_| excno::INVALID_OPCODE)?;
    remove_trailing(&mut slice);
    Ok(ctx.add_const(Const::Slice(slice)))
}

fn exec_store_const_slice(vm: &mut Vm, ins: &Instr) -> Exec {
    let mut builder = vm.pop_builder()?;
    let slice = match &vm.code.prog.consts[ins.imm as usize] {
        Const::Slice(s) => s,
        _ => unreachable!("decoder stored a slice here"),
    };
    if !builder.can_store(slice.remaining_bits(), slice.remaining_refs()) {
        return Err(cell_overflow());
    }
    Rc::make_mut(&mut builder).store_slice(slice)?;
    vm.push(Value::Builder(builder));
    Ok(())
}

// ----- queries and checks ------------------------------------------------------

/// Depth of the cell a builder would become: one more than its deepest ref.
fn builder_depth(b: &CellBuilder) -> i64 {
    b.references().map(|r| r.depth() as i64 + 1).max().unwrap_or(0)
}

/// `BDEPTH`, `BBITS`, `BREFS`, `BBITREFS`, `BREMBITS`, `BREMREFS`,
/// `BREMBITREFS`; the low three bits of the opcode select the query.
fn exec_builder_query(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.check_depth(1)?;
    let b = vm.pop_builder()?;
    match ins.args & 7 {
        0 => vm.push_small(builder_depth(&b)),
        1 => vm.push_small(b.bit_len() as i64),
        2 => vm.push_small(b.ref_count() as i64),
        3 => {
            vm.push_small(b.bit_len() as i64);
            vm.push_small(b.ref_count() as i64);
        }
        5 => vm.push_small(b.spare_bits() as i64),
        6 => vm.push_small(b.spare_refs() as i64),
        _ => {
            vm.push_small(b.spare_bits() as i64);
            vm.push_small(b.spare_refs() as i64);
        }
    }
    Ok(())
}

/// `BCHKBITS cc+1` (`CF38`) and `BCHKBITSQ cc+1` (`CF3C`).
fn exec_bchkbits_imm(vm: &mut Vm, ins: &Instr) -> Exec {
    let bits = (ins.args & 0xff) as usize + 1;
    let quiet = (ins.args >> 8) & 4 != 0;
    vm.check_depth(1)?;
    let b = vm.pop_builder()?;
    let ok = b.can_store(bits, 0);
    if quiet {
        vm.push_bool(ok);
    } else if !ok {
        return Err(cell_overflow());
    }
    Ok(())
}

/// `BCHKBITS_VAR` ... `BCHKBITREFSQ` (`CF39`-`CF3B`, `CF3D`-`CF3F`): mode bit
/// 1 = bits on the stack (0..1023), 2 = refs on the stack (0..7), 4 = quiet.
fn exec_bchk_var(vm: &mut Vm, ins: &Instr) -> Exec {
    let mode = ins.args & 7;
    vm.check_depth(1 + (mode & 1) as usize + ((mode >> 1) & 1) as usize)?;
    let refs = if mode & 2 != 0 { vm.pop_smallint_range(7)? as usize } else { 0 };
    let bits = if mode & 1 != 0 { vm.pop_smallint_range(1023)? as usize } else { 0 };
    let b = vm.pop_builder()?;
    let ok = b.can_store(bits, refs);
    if mode & 4 != 0 {
        vm.push_bool(ok);
    } else if !ok {
        return Err(cell_overflow());
    }
    Ok(())
}

/// `STZEROES` / `STONES` / `STSAME`: `b n (x) - b'`.
fn exec_store_same(vm: &mut Vm, ins: &Instr) -> Exec {
    let fixed = match ins.args & 3 {
        0 => Some(false),
        1 => Some(true),
        _ => None,
    };
    vm.check_depth(2 + usize::from(fixed.is_none()))?;
    let bit = match fixed {
        Some(bit) => bit,
        None => vm.pop_smallint_range(1)? == 1,
    };
    let bits = vm.pop_smallint_range(1023)? as usize;
    let mut builder = vm.pop_builder()?;
    if !builder.can_store(bits, 0) {
        return Err(cell_overflow());
    }
    let b = Rc::make_mut(&mut builder);
    if bit {
        b.store_ones(bits)?;
    } else {
        b.store_zeros(bits)?;
    }
    vm.push(Value::Builder(builder));
    Ok(())
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xc8, 8, "NEWC", exec_newc);
    t.simple(0xc9, 8, "ENDC", exec_endc);
    t.fixed(0xca, 8, 8, "STI", exec_st_short);
    t.fixed(0xcb, 8, 8, "STU", exec_st_short);
    t.simple(0xcc, 8, "STREF", exec_stref);
    t.simple(0xcd, 8, "STBREFR", exec_stbrefr);
    t.simple(0xce, 8, "STSLICE", exec_stslice);
    const ST_VAR: [&str; 8] = ["STIX", "STUX", "STIXR", "STUXR", "STIXQ", "STUXQ", "STIXRQ", "STUXRQ"];
    for (i, name) in ST_VAR.into_iter().enumerate() {
        t.simple(0xcf00 + i as u32, 16, name, exec_st_var);
    }
    const ST_LONG: [&str; 8] = ["STI_ALT", "STU_ALT", "STIR", "STUR", "STIQ", "STUQ", "STIRQ", "STURQ"];
    for (i, name) in ST_LONG.into_iter().enumerate() {
        t.fixed(0xcf08 + i as u32, 16, 8, name, exec_st_long);
    }
    const ST_PIECE: [&str; 16] = [
        "STREF_ALT",
        "STBREF",
        "STSLICE_ALT",
        "STB",
        "STREFR",
        "STBREFR_ALT",
        "STSLICER",
        "STBR",
        "STREFQ",
        "STBREFQ",
        "STSLICEQ",
        "STBQ",
        "STREFRQ",
        "STBREFRQ",
        "STSLICERQ",
        "STBRQ",
    ];
    for (i, name) in ST_PIECE.into_iter().enumerate() {
        t.simple(0xcf10 + i as u32, 16, name, exec_store_piece);
    }
    t.ext(0xcf20, 16, 0, "STREFCONST", decode_const_refs, exec_store_const_refs);
    t.ext(0xcf21, 16, 0, "STREF2CONST", decode_const_refs, exec_store_const_refs);
    t.simple(0xcf23, 16, "ENDXC", exec_endxc);
    const ST_LE: [&str; 4] = ["STILE4", "STULE4", "STILE8", "STULE8"];
    for (i, name) in ST_LE.into_iter().enumerate() {
        t.simple(0xcf28 + i as u32, 16, name, exec_st_le);
    }
    const QUERIES: [(u32, &str); 7] = [
        (0, "BDEPTH"),
        (1, "BBITS"),
        (2, "BREFS"),
        (3, "BBITREFS"),
        (5, "BREMBITS"),
        (6, "BREMREFS"),
        (7, "BREMBITREFS"),
    ];
    for (i, name) in QUERIES {
        t.simple(0xcf30 + i, 16, name, exec_builder_query);
    }
    t.fixed(0xcf38, 16, 8, "BCHKBITS", exec_bchkbits_imm);
    t.simple(0xcf39, 16, "BCHKBITS_VAR", exec_bchk_var);
    t.simple(0xcf3a, 16, "BCHKREFS", exec_bchk_var);
    t.simple(0xcf3b, 16, "BCHKBITREFS", exec_bchk_var);
    t.fixed(0xcf3c, 16, 8, "BCHKBITSQ", exec_bchkbits_imm);
    t.simple(0xcf3d, 16, "BCHKBITSQ_VAR", exec_bchk_var);
    t.simple(0xcf3e, 16, "BCHKREFSQ", exec_bchk_var);
    t.simple(0xcf3f, 16, "BCHKBITREFSQ", exec_bchk_var);
    t.simple(0xcf40, 16, "STZEROES", exec_store_same);
    t.simple(0xcf41, 16, "STONES", exec_store_same);
    t.simple(0xcf42, 16, "STSAME", exec_store_same);
    t.simple(0xcf50, 16, "BTOS", exec_btos).since(12);
    t.ext(0xcf80 >> 7, 9, 5, "STSLICECONST", decode_const_slice, exec_store_const_slice);
}
