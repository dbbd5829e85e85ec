//! Dictionaries inside cells (`HashmapE`: a bit, then the root as a ref
//! when the bit is 1): `STDICT`, `SKIPDICT`, `{P,}LDDICTS`, `{P,}LDDICT{Q,}`.

use std::rc::Rc;

use gram_cells::CellSlice;

use super::{cell_underflow, gas_guard};
use crate::error::{excno, Exec, Trap};
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// `STDICT`: stores a dictionary (cell or null) into a builder as `HashmapE`.
fn exec_stdict(vm: &mut Vm, _: &Instr) -> Exec {
    gas_guard(vm)?;
    vm.check_depth(2)?;
    let mut builder = vm.pop_builder()?;
    let root = vm.pop_maybe_cell()?;
    let refs = usize::from(root.is_some());
    if builder.spare_bits() < 1 || builder.spare_refs() < refs {
        return Err(Trap::exc(excno::CELL_OVERFLOW));
    }
    let b = Rc::make_mut(&mut builder);
    b.store_bit(root.is_some())?;
    if let Some(root) = root {
        b.store_reference(root)?;
    }
    vm.push(Value::Builder(builder));
    Ok(())
}

/// How many refs the `HashmapE` at the start of `s` takes (0 or 1), or
/// `None` when the slice cannot hold one (`dict_nonempty`).
fn dict_refs(s: &CellSlice) -> Option<usize> {
    let bit = s.preload_uint(1).ok()? as usize;
    (s.remaining_refs() >= bit).then_some(bit)
}

/// `SKIPDICT`: skips a `HashmapE`.
fn exec_skipdict(vm: &mut Vm, _: &Instr) -> Exec {
    gas_guard(vm)?;
    let mut s = vm.pop_slice()?;
    let refs = dict_refs(&s).ok_or_else(cell_underflow)?;
    s.skip_bits(1)?;
    s.skip_refs(refs)?;
    vm.push(Value::Slice(s));
    Ok(())
}

/// `LDDICTS` / `PLDDICTS`: the `HashmapE` as a slice (and the rest).
fn load_dict_slice(vm: &mut Vm, preload: bool) -> Exec {
    gas_guard(vm)?;
    let mut s = vm.pop_slice()?;
    let refs = dict_refs(&s).ok_or_else(cell_underflow)?;
    if preload {
        let mut head = s;
        head.shrink(1, refs)?;
        vm.push(Value::Slice(head));
    } else {
        let head = s.load_slice(1, refs)?;
        vm.push(Value::Slice(head));
        vm.push(Value::Slice(s));
    }
    Ok(())
}

fn exec_lddicts(vm: &mut Vm, _: &Instr) -> Exec {
    load_dict_slice(vm, false)
}
fn exec_plddicts(vm: &mut Vm, _: &Instr) -> Exec {
    load_dict_slice(vm, true)
}

/// `{P,}LDDICT{Q,}`: flags 1 = preload, 2 = quiet. Pushes the root (or
/// null), then the rest unless preloading, then the success flag if quiet.
fn exec_lddict(vm: &mut Vm, ins: &Instr) -> Exec {
    gas_guard(vm)?;
    let (preload, quiet) = (ins.args & 1 != 0, ins.args & 2 != 0);
    let mut s = vm.pop_slice()?;
    let Some(refs) = dict_refs(&s) else {
        if !quiet {
            return Err(cell_underflow());
        }
        if !preload {
            vm.push(Value::Slice(s));
        }
        vm.push_bool(false);
        return Ok(());
    };
    let root = if refs == 1 { Value::Cell(s.preload_reference(0)?) } else { Value::Null };
    vm.push(root);
    if !preload {
        s.skip_bits(1)?;
        s.skip_refs(refs)?;
        vm.push(Value::Slice(s));
    }
    if quiet {
        vm.push_bool(true);
    }
    Ok(())
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xf400, 16, "STDICT", exec_stdict);
    t.simple(0xf401, 16, "SKIPDICT", exec_skipdict);
    t.simple(0xf402, 16, "LDDICTS", exec_lddicts);
    t.simple(0xf403, 16, "PLDDICTS", exec_plddicts);
    t.simple(0xf404, 16, "LDDICT", exec_lddict);
    t.simple(0xf405, 16, "PLDDICT", exec_lddict);
    t.simple(0xf406, 16, "LDDICTQ", exec_lddict);
    t.simple(0xf407, 16, "PLDDICTQ", exec_lddict);
}
