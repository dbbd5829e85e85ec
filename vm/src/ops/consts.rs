//! Constants: PUSHINT in all encodings, powers of two, NaN, PUSHREF,
//! PUSHSLICE and PUSHCONT forms.

use gram_cells::CellSlice;

use crate::error::{excno, Exec};
use crate::int257::Int257;
use crate::program::{Const, DecodeCtx, Instr};
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

fn exec_pushint4(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.push_small(((ins.args + 5) & 15) as i64 - 5);
    Ok(())
}

fn exec_pushint8(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.push_small(ins.args as u8 as i8 as i64);
    Ok(())
}

fn exec_pushint16(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.push_small(ins.args as u16 as i16 as i64);
    Ok(())
}

/// `82 l(5) x(8l+19)`: a signed constant of 8l+19 bits (up to 259). A value
/// outside the 257-bit range decodes, but pushing it is an integer overflow.
fn decode_pushint_long(ctx: &mut DecodeCtx<'_>, args: u32) -> Result<u32, i32> {
    let bits = 3 + ((args & 31) as usize + 2) * 8;
    if ctx.code.remaining_bits() < bits {
        return Err(excno::INVALID_OPCODE);
    }
    let extra = bits.saturating_sub(257);
    let high = ctx.code.load_uint(extra).map_err(|_| excno::INVALID_OPCODE)?;
    let value = Int257::load_from(ctx.code, bits - extra, true).map_err(|_| excno::INVALID_OPCODE)?;
    let sign_fill = if value.is_negative() { (1u64 << extra) - 1 } else { 0 };
    if high != sign_fill {
        return Err(excno::INT_OVERFLOW);
    }
    Ok(ctx.add_const(Const::Int(value)))
}

fn exec_push_const(vm: &mut Vm, ins: &Instr) -> Exec {
    let value = match &vm.code.prog.consts[ins.imm as usize] {
        Const::Int(v) => Value::Int(*v),
        Const::Slice(s) => Value::Slice(s.clone()),
        Const::Cell(c) => Value::Cell(c.clone()),
        Const::Code(..) => unreachable!("code constants are pushed as continuations"),
    };
    vm.push(value);
    Ok(())
}

fn pow2(n: u32) -> Int257 {
    Int257::ONE.shl(n).expect("2^n fits for n <= 256")
}

fn exec_pushpow2(vm: &mut Vm, ins: &Instr) -> Exec {
    let n = (ins.args & 255) + 1;
    // 2^256 does not fit in 257 signed bits: the reference pushes NaN-free
    // values only up to 2^255 here, and 0x83FF is PUSHNAN.
    vm.push_int(pow2(n));
    Ok(())
}

fn exec_pushnan(vm: &mut Vm, _: &Instr) -> Exec {
    vm.push(Value::NaN);
    Ok(())
}

fn exec_pushpow2dec(vm: &mut Vm, ins: &Instr) -> Exec {
    let n = (ins.args & 255) + 1;
    let v = if n == 256 { Int257::MAX } else { pow2(n).checked_sub(Int257::ONE).expect("fits") };
    vm.push_int(v);
    Ok(())
}

fn exec_pushnegpow2(vm: &mut Vm, ins: &Instr) -> Exec {
    let n = (ins.args & 255) + 1;
    let v = if n == 256 { Int257::MIN } else { pow2(n).checked_neg().expect("fits") };
    vm.push_int(v);
    Ok(())
}

/// Takes one ref of the code as a cell constant.
fn decode_ref(ctx: &mut DecodeCtx<'_>, _: u32) -> Result<u32, i32> {
    let cell = ctx.code.load_reference().map_err(|_| excno::INVALID_OPCODE)?;
    Ok(ctx.add_const(Const::Cell(cell)))
}

fn const_cell(vm: &Vm, index: u32) -> gram_cells::Cell {
    match &vm.code.prog.consts[index as usize] {
        Const::Cell(c) => c.clone(),
        _ => unreachable!("decoder stored a cell here"),
    }
}

fn exec_pushrefslice(vm: &mut Vm, ins: &Instr) -> Exec {
    let cell = const_cell(vm, ins.imm);
    let slice = vm.load_cell(cell)?;
    vm.push(Value::Slice(slice));
    Ok(())
}

fn exec_pushrefcont(vm: &mut Vm, ins: &Instr) -> Exec {
    let cell = const_cell(vm, ins.imm);
    let slice = vm.load_cell(cell)?;
    let cont = vm.ord_cont(&slice);
    vm.push(Value::Cont(cont));
    Ok(())
}

/// Cuts `bits` bits and `refs` refs off the code as a slice.
fn take_subslice(ctx: &mut DecodeCtx<'_>, bits: usize, refs: usize) -> Result<CellSlice, i32> {
    if !ctx.code.has_remaining(bits, refs) {
        return Err(excno::INVALID_OPCODE);
    }
    ctx.code.load_slice(bits, refs).map_err(|_| excno::INVALID_OPCODE)
}

/// A PUSHSLICE constant: the data loses its completion tag.
fn slice_const(ctx: &mut DecodeCtx<'_>, bits: usize, refs: usize) -> Result<u32, i32> {
    let mut slice = take_subslice(ctx, bits, refs)?;
    let trailing = slice.count_trailing(false);
    let cut = (trailing + 1).min(slice.remaining_bits());
    slice.skip_last(cut, 0).map_err(|_| excno::INVALID_OPCODE)?;
    Ok(ctx.add_const(Const::Slice(slice)))
}

fn decode_pushslice(ctx: &mut DecodeCtx<'_>, args: u32) -> Result<u32, i32> {
    slice_const(ctx, (args & 15) as usize * 8 + 4, 0)
}

fn decode_pushslice_refs(ctx: &mut DecodeCtx<'_>, args: u32) -> Result<u32, i32> {
    slice_const(ctx, (args & 31) as usize * 8 + 1, ((args >> 5) & 3) as usize + 1)
}

fn decode_pushslice_long(ctx: &mut DecodeCtx<'_>, args: u32) -> Result<u32, i32> {
    slice_const(ctx, (args & 127) as usize * 8 + 6, ((args >> 7) & 7) as usize)
}

fn code_const(ctx: &mut DecodeCtx<'_>, bits: usize, refs: usize) -> Result<u32, i32> {
    let slice = take_subslice(ctx, bits, refs)?;
    Ok(ctx.add_const(Const::Code(slice, Default::default())))
}

fn decode_pushcont(ctx: &mut DecodeCtx<'_>, args: u32) -> Result<u32, i32> {
    code_const(ctx, (args & 127) as usize * 8, ((args >> 7) & 3) as usize)
}

fn decode_pushcont_short(ctx: &mut DecodeCtx<'_>, args: u32) -> Result<u32, i32> {
    code_const(ctx, (args & 15) as usize * 8, 0)
}

fn exec_pushcont(vm: &mut Vm, ins: &Instr) -> Exec {
    let cont = vm.const_cont(ins.imm);
    vm.push(Value::Cont(cont));
    Ok(())
}

pub(crate) fn register(t: &mut TableBuilder) {
    t.fixed(0x7, 4, 4, "PUSHINT_4", exec_pushint4);
    t.fixed(0x80, 8, 8, "PUSHINT_8", exec_pushint8);
    t.fixed(0x81, 8, 16, "PUSHINT_16", exec_pushint16);
    t.ext_range(0x82 << 5, (0x82 << 5) + 31, 13, "PUSHINT_LONG", decode_pushint_long, exec_push_const);
    t.fixed_range(0x8300, 0x83ff, 16, "PUSHPOW2", exec_pushpow2);
    t.simple(0x83ff, 16, "PUSHNAN", exec_pushnan);
    t.fixed(0x84, 8, 8, "PUSHPOW2DEC", exec_pushpow2dec);
    t.fixed(0x85, 8, 8, "PUSHNEGPOW2", exec_pushnegpow2);
    t.ext(0x88, 8, 0, "PUSHREF", decode_ref, exec_push_const);
    t.ext(0x89, 8, 0, "PUSHREFSLICE", decode_ref, exec_pushrefslice);
    t.ext(0x8a, 8, 0, "PUSHREFCONT", decode_ref, exec_pushrefcont);
    t.ext(0x8b, 8, 4, "PUSHSLICE", decode_pushslice, exec_push_const);
    t.ext(0x8c, 8, 7, "PUSHSLICE_REFS", decode_pushslice_refs, exec_push_const);
    t.ext_range((0x8d * 8) << 7, (0x8d * 8 + 5) << 7, 18, "PUSHSLICE_LONG", decode_pushslice_long, exec_push_const);
    t.ext(0x8f >> 1, 7, 9, "PUSHCONT", decode_pushcont, exec_pushcont);
    t.ext(0x9, 4, 4, "PUSHCONT_SHORT", decode_pushcont_short, exec_pushcont);
}
