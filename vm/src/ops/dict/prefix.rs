//! Prefix-code dictionaries: `PFXDICTSET`, `PFXDICTREPLACE`, `PFXDICTADD`,
//! `PFXDICTDEL`, the `PFXDICTGET{Q,,JMP,EXEC}` lookups and the inline
//! constant switch `PFXDICTCONSTGETJMP` (the reference's `PFXDICTSWITCH`).

use gram_cells::dict::{DictKey, DictValue, PrefixDictionary, SetMode};
use gram_cells::{Cell, CellSlice};

use super::{cell_underflow, dict_trap, gas_guard, pop_dict_head, push_dict, VmCells, MAX_KEY_BITS};
use crate::error::{excno, Exec, Trap};
use crate::program::{Const, DecodeCtx, Instr};
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// Operands on the stack: four from global version 9 on, three before
/// (the reference's depth check predates the value operand).
fn set_depth(vm: &Vm, current: usize) -> usize {
    if vm.version >= 9 {
        current
    } else {
        current - 1
    }
}

fn pfx_set(vm: &mut Vm, mode: SetMode) -> Exec {
    let depth = set_depth(vm, 4);
    let (n, root) = pop_dict_head(vm, depth, MAX_KEY_BITS)?;
    let key_slice = vm.pop_slice()?;
    let value = vm.pop_slice()?;
    let key = DictKey::from_slice_bits(&key_slice);
    let mut dict = PrefixDictionary::with_root(root, n).map_err(|e| dict_trap(&e))?;
    let mut cx = VmCells::new(vm);
    let changed = dict.set(&key, DictValue::Slice(&value), mode, &mut cx);
    let changed = cx.finish(changed)?;
    push_dict(vm, dict.into_root());
    vm.push_bool(changed);
    Ok(())
}

fn exec_pfx_set(vm: &mut Vm, _: &Instr) -> Exec {
    pfx_set(vm, SetMode::Set)
}
fn exec_pfx_replace(vm: &mut Vm, _: &Instr) -> Exec {
    pfx_set(vm, SetMode::Replace)
}
fn exec_pfx_add(vm: &mut Vm, _: &Instr) -> Exec {
    pfx_set(vm, SetMode::Add)
}

fn exec_pfx_delete(vm: &mut Vm, _: &Instr) -> Exec {
    let depth = set_depth(vm, 3);
    let (n, root) = pop_dict_head(vm, depth, MAX_KEY_BITS)?;
    let key_slice = vm.pop_slice()?;
    let key = DictKey::from_slice_bits(&key_slice);
    let mut dict = PrefixDictionary::with_root(root, n).map_err(|e| dict_trap(&e))?;
    let mut cx = VmCells::new(vm);
    let old = dict.delete(&key, &mut cx);
    let old = cx.finish(old)?;
    push_dict(vm, dict.into_root());
    vm.push_bool(old.is_some());
    Ok(())
}

/// Finds the key of `dict` that starts `input`: the value and the key length.
fn lookup(vm: &mut Vm, dict: &PrefixDictionary, input: &CellSlice) -> Result<Option<(CellSlice, usize)>, Trap> {
    let key = DictKey::from_slice_bits(input);
    let mut cx = VmCells::new(vm);
    let found = dict.lookup_prefix(&key, &mut cx);
    cx.finish(found)
}

/// The `PFXDICTGET` variants: 0 = `Q` (flag), 1 = plain (throws on a miss),
/// 2 = `JMP`, 3 = `EXEC`.
fn pfx_get(vm: &mut Vm, op: u32) -> Exec {
    let (n, root) = pop_dict_head(vm, 3, MAX_KEY_BITS)?;
    let mut input = vm.pop_slice()?;
    let dict = PrefixDictionary::with_root(root, n).map_err(|e| dict_trap(&e))?;
    let Some((value, len)) = lookup(vm, &dict, &input)? else {
        if op & 1 != 0 {
            return Err(cell_underflow());
        }
        vm.push(Value::Slice(input));
        if op == 0 {
            vm.push_bool(false);
        }
        return Ok(());
    };
    let prefix = input.load_slice(len, 0)?;
    vm.push(Value::Slice(prefix));
    if op & 2 == 0 {
        vm.push(Value::Slice(value.clone()));
    }
    vm.push(Value::Slice(input));
    match op {
        0 => {
            vm.push_bool(true);
            Ok(())
        }
        1 => Ok(()),
        _ => {
            let cont = vm.ord_cont(&value);
            if op & 1 != 0 {
                vm.call(cont)
            } else {
                vm.jump(cont)
            }
        }
    }
}

fn exec_pfx_getq(vm: &mut Vm, _: &Instr) -> Exec {
    pfx_get(vm, 0)
}
fn exec_pfx_get(vm: &mut Vm, _: &Instr) -> Exec {
    pfx_get(vm, 1)
}
fn exec_pfx_getjmp(vm: &mut Vm, _: &Instr) -> Exec {
    pfx_get(vm, 2)
}
fn exec_pfx_getexec(vm: &mut Vm, _: &Instr) -> Exec {
    pfx_get(vm, 3)
}

/// The inline dictionary of `DICTPUSHCONST` / `PFXDICTCONSTGETJMP`: the
/// opcode's last bit before the 10-bit width is the `HashmapE` tag (always
/// 1), and the root is the next ref of the code.
pub(super) fn decode_const_dict(ctx: &mut DecodeCtx<'_>, _: u32) -> Result<u32, i32> {
    let root = ctx.code.load_reference().map_err(|_| excno::INVALID_OPCODE)?;
    Ok(ctx.add_const(Const::Cell(root)))
}

/// The root stored by [`decode_const_dict`].
pub(super) fn const_root(vm: &Vm, ins: &Instr) -> Cell {
    match &vm.code.prog.consts[ins.imm as usize] {
        Const::Cell(c) => c.clone(),
        _ => unreachable!("decode_const_dict stored a cell here"),
    }
}

/// `PFXDICTCONSTGETJMP`: looks the slice up in the inline prefix dictionary
/// and jumps to the value (prefix and rest pushed), or leaves the slice.
fn exec_pfx_const_getjmp(vm: &mut Vm, ins: &Instr) -> Exec {
    gas_guard(vm)?;
    let n = (ins.args & 0x3ff) as usize;
    let dict = PrefixDictionary::with_root(Some(const_root(vm, ins)), n).map_err(|e| dict_trap(&e))?;
    let mut input = vm.pop_slice()?;
    let Some((value, len)) = lookup(vm, &dict, &input)? else {
        vm.push(Value::Slice(input));
        return Ok(());
    };
    let prefix = input.load_slice(len, 0)?;
    vm.push(Value::Slice(prefix));
    vm.push(Value::Slice(input));
    let cont = vm.ord_cont(&value);
    vm.jump(cont)
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xf470, 16, "PFXDICTSET", exec_pfx_set);
    t.simple(0xf471, 16, "PFXDICTREPLACE", exec_pfx_replace);
    t.simple(0xf472, 16, "PFXDICTADD", exec_pfx_add);
    t.simple(0xf473, 16, "PFXDICTDEL", exec_pfx_delete);
    t.simple(0xf4a8, 16, "PFXDICTGETQ", exec_pfx_getq);
    t.simple(0xf4a9, 16, "PFXDICTGET", exec_pfx_get);
    t.simple(0xf4aa, 16, "PFXDICTGETJMP", exec_pfx_getjmp);
    t.simple(0xf4ab, 16, "PFXDICTGETEXEC", exec_pfx_getexec);
    t.ext_range(0xf4ac00, 0xf4b000, 24, "PFXDICTCONSTGETJMP", decode_const_dict, exec_pfx_const_getjmp);
}
