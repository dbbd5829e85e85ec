//! Lookups and updates by key: `DICT{,I,U}GET{,REF}`, the `SET`, `REPLACE`
//! and `ADD` families with their `GET` forms and slice / ref / builder
//! values, `DEL`, `DELGET{,REF}`, `GETOPTREF` and `SETGETOPTREF`.

use std::rc::Rc;

use gram_cells::dict::{value_to_ref, DictKey, DictValue, Dictionary, SetMode};
use gram_cells::{Cell, CellBuilder, CellSlice};

use super::{
    cell_underflow, dict_trap, int_key, pop_dict_head, push_dict, range_check, slice_key, KeyKind, VmCells,
    MAX_KEY_BITS,
};
use crate::error::{Exec, Trap};
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// How an instruction stores its new value.
#[derive(Copy, Clone, PartialEq, Eq)]
enum ValueKind {
    Slice,
    Ref,
    Builder,
}

/// A popped new value.
enum NewValue {
    Slice(CellSlice),
    Ref(Cell),
    Builder(Rc<CellBuilder>),
}

impl NewValue {
    fn pop(vm: &mut Vm, kind: ValueKind) -> Result<NewValue, Trap> {
        Ok(match kind {
            ValueKind::Slice => NewValue::Slice(vm.pop_slice()?),
            ValueKind::Ref => NewValue::Ref(vm.pop_cell()?),
            ValueKind::Builder => NewValue::Builder(vm.pop_builder()?),
        })
    }

    fn as_dict_value(&self) -> DictValue<'_> {
        match self {
            NewValue::Slice(s) => DictValue::Slice(s),
            NewValue::Ref(c) => DictValue::Ref(c),
            NewValue::Builder(b) => DictValue::Builder(b),
        }
    }
}

/// Pops the key of a lookup that treats an integer out of range as "not
/// found" (`integer_key(..., quiet)` on `pop_int_finite`): `Ok(None)` then.
/// A slice shorter than `n` bits is a cell underflow.
#[inline]
fn pop_key_quiet(vm: &mut Vm, kind: KeyKind, n: usize) -> Result<Option<DictKey>, Trap> {
    match kind {
        KeyKind::Slice => {
            let s = vm.pop_slice()?;
            slice_key(&s, n).map(Some).ok_or_else(cell_underflow)
        }
        KeyKind::Signed | KeyKind::Unsigned => {
            let x = vm.pop_int()?;
            Ok(int_key(&x, n, kind == KeyKind::Signed))
        }
    }
}

/// Pops the key of an update: an integer must fit (NaN included, range
/// check at once); a short slice is reported later (`None`), after the
/// value is popped, as the reference checks it.
#[inline]
fn pop_key_strict(vm: &mut Vm, kind: KeyKind, n: usize) -> Result<Option<DictKey>, Trap> {
    match kind {
        KeyKind::Slice => {
            let s = vm.pop_slice()?;
            Ok(slice_key(&s, n))
        }
        KeyKind::Signed | KeyKind::Unsigned => {
            let x = vm.pop_int_or_nan()?;
            let key = x.and_then(|x| int_key(&x, n, kind == KeyKind::Signed));
            key.map(Some).ok_or_else(range_check)
        }
    }
}

/// `DICT{,I,U}GET{,REF}`: value (or ref) and -1, or 0.
fn exec_get(vm: &mut Vm, ins: &Instr) -> Exec {
    let args = ins.args;
    let (n, root) = pop_dict_head(vm, 3, MAX_KEY_BITS)?;
    let kind = KeyKind::from_flags(args & 4 != 0, args & 2 != 0);
    let Some(key) = pop_key_quiet(vm, kind, n)? else {
        vm.push_small(0);
        return Ok(());
    };
    let dict = Dictionary::with_root(root, n).map_err(|e| dict_trap(&e))?;
    let mut cx = VmCells::new(vm);
    let found = dict.get(&key, &mut cx);
    let found = cx.finish(found)?;
    match found {
        Some(value) if args & 1 != 0 => {
            let cell = value_to_ref(&value).map_err(|e| dict_trap(&e))?;
            vm.push(Value::Cell(cell));
            vm.push_small(-1);
        }
        Some(value) => {
            vm.push(Value::Slice(value));
            vm.push_small(-1);
        }
        None => vm.push_small(0),
    }
    Ok(())
}

/// `DICT{,I,U}GETOPTREF`: the ref under the key, or null.
fn exec_get_optref(vm: &mut Vm, ins: &Instr) -> Exec {
    let args = ins.args;
    let (n, root) = pop_dict_head(vm, 3, MAX_KEY_BITS)?;
    let kind = KeyKind::from_flags(args & 2 != 0, args & 1 != 0);
    let Some(key) = pop_key_quiet(vm, kind, n)? else {
        vm.push(Value::Null);
        return Ok(());
    };
    let dict = Dictionary::with_root(root, n).map_err(|e| dict_trap(&e))?;
    let mut cx = VmCells::new(vm);
    let found = dict.get_ref(&key, &mut cx);
    let found = cx.finish(found)?;
    vm.push(found.map_or(Value::Null, Value::Cell));
    Ok(())
}

/// The key kind and value kind of a `SET`-like opcode; the builder forms
/// use the opcode shifted left by one, as the reference does.
#[inline]
fn set_kinds(args: u32, builder: bool) -> (KeyKind, ValueKind) {
    let args = if builder { args << 1 } else { args };
    let key = KeyKind::from_flags(args & 4 != 0, args & 2 != 0);
    let value = if builder {
        ValueKind::Builder
    } else if args & 1 != 0 {
        ValueKind::Ref
    } else {
        ValueKind::Slice
    };
    (key, value)
}

/// Pops everything a `SET`-like instruction takes: width, dictionary, key, value.
fn pop_set_operands(
    vm: &mut Vm,
    key_kind: KeyKind,
    value_kind: ValueKind,
) -> Result<(Dictionary, DictKey, NewValue), Trap> {
    let (n, root) = pop_dict_head(vm, 4, MAX_KEY_BITS)?;
    let key = pop_key_strict(vm, key_kind, n)?;
    let value = NewValue::pop(vm, value_kind)?;
    let key = key.ok_or_else(cell_underflow)?;
    let dict = Dictionary::with_root(root, n).map_err(|e| dict_trap(&e))?;
    Ok((dict, key, value))
}

fn dict_set(vm: &mut Vm, ins: &Instr, mode: SetMode, builder: bool) -> Exec {
    let (key_kind, value_kind) = set_kinds(ins.args, builder);
    let (mut dict, key, value) = pop_set_operands(vm, key_kind, value_kind)?;
    let mut cx = VmCells::new(vm);
    let changed = dict.set(&key, value.as_dict_value(), mode, &mut cx);
    let changed = cx.finish(changed)?;
    push_dict(vm, dict.into_root());
    if mode != SetMode::Set {
        vm.push_bool(changed);
    }
    Ok(())
}

fn dict_setget(vm: &mut Vm, ins: &Instr, mode: SetMode, builder: bool) -> Exec {
    let (key_kind, value_kind) = set_kinds(ins.args, builder);
    let (mut dict, key, value) = pop_set_operands(vm, key_kind, value_kind)?;
    let mut cx = VmCells::new(vm);
    let outcome = dict.set_get(&key, value.as_dict_value(), mode, &mut cx);
    let outcome = cx.finish(outcome)?;
    // `ADD` reports success when the key was missing, the others when it was there.
    let found_means = mode != SetMode::Add;
    let old = match (outcome.old, value_kind) {
        (Some(old), ValueKind::Ref) => Some(Value::Cell(value_to_ref(&old).map_err(|e| dict_trap(&e))?)),
        (Some(old), _) => Some(Value::Slice(old)),
        (None, _) => None,
    };
    push_dict(vm, dict.into_root());
    match old {
        Some(old) => {
            vm.push(old);
            vm.push_bool(found_means);
        }
        None => vm.push_bool(!found_means),
    }
    Ok(())
}

fn exec_set(vm: &mut Vm, ins: &Instr) -> Exec {
    dict_set(vm, ins, SetMode::Set, false)
}
fn exec_replace(vm: &mut Vm, ins: &Instr) -> Exec {
    dict_set(vm, ins, SetMode::Replace, false)
}
fn exec_add(vm: &mut Vm, ins: &Instr) -> Exec {
    dict_set(vm, ins, SetMode::Add, false)
}
fn exec_setget(vm: &mut Vm, ins: &Instr) -> Exec {
    dict_setget(vm, ins, SetMode::Set, false)
}
fn exec_replaceget(vm: &mut Vm, ins: &Instr) -> Exec {
    dict_setget(vm, ins, SetMode::Replace, false)
}
fn exec_addget(vm: &mut Vm, ins: &Instr) -> Exec {
    dict_setget(vm, ins, SetMode::Add, false)
}
fn exec_set_b(vm: &mut Vm, ins: &Instr) -> Exec {
    dict_set(vm, ins, SetMode::Set, true)
}
fn exec_replace_b(vm: &mut Vm, ins: &Instr) -> Exec {
    dict_set(vm, ins, SetMode::Replace, true)
}
fn exec_add_b(vm: &mut Vm, ins: &Instr) -> Exec {
    dict_set(vm, ins, SetMode::Add, true)
}
fn exec_setget_b(vm: &mut Vm, ins: &Instr) -> Exec {
    dict_setget(vm, ins, SetMode::Set, true)
}
fn exec_replaceget_b(vm: &mut Vm, ins: &Instr) -> Exec {
    dict_setget(vm, ins, SetMode::Replace, true)
}
fn exec_addget_b(vm: &mut Vm, ins: &Instr) -> Exec {
    dict_setget(vm, ins, SetMode::Add, true)
}

/// Pops the key of a deletion: a NaN is an integer overflow, an integer
/// out of range a range check (the reference's `integer_key` is not quiet
/// here), a short slice a cell underflow.
fn pop_delete_key(vm: &mut Vm, kind: KeyKind, n: usize) -> Result<DictKey, Trap> {
    match kind {
        KeyKind::Slice => slice_key(&vm.pop_slice()?, n).ok_or_else(cell_underflow),
        KeyKind::Signed | KeyKind::Unsigned => {
            let x = vm.pop_int()?;
            int_key(&x, n, kind == KeyKind::Signed).ok_or_else(range_check)
        }
    }
}

/// `DICT{,I,U}DEL`: the dictionary and whether the key was there.
fn exec_delete(vm: &mut Vm, ins: &Instr) -> Exec {
    let args = ins.args;
    let (n, root) = pop_dict_head(vm, 3, MAX_KEY_BITS)?;
    let kind = KeyKind::from_flags(args & 2 != 0, args & 1 != 0);
    let key = pop_delete_key(vm, kind, n)?;
    let mut dict = Dictionary::with_root(root, n).map_err(|e| dict_trap(&e))?;
    let mut cx = VmCells::new(vm);
    let old = dict.delete(&key, &mut cx);
    let old = cx.finish(old)?;
    push_dict(vm, dict.into_root());
    vm.push_bool(old.is_some());
    Ok(())
}

/// `DICT{,I,U}DELGET{,REF}`: the dictionary, the old value (or ref) and -1, or 0.
fn exec_deleteget(vm: &mut Vm, ins: &Instr) -> Exec {
    let args = ins.args;
    let (n, root) = pop_dict_head(vm, 3, MAX_KEY_BITS)?;
    let kind = KeyKind::from_flags(args & 4 != 0, args & 2 != 0);
    let key = pop_delete_key(vm, kind, n)?;
    let mut dict = Dictionary::with_root(root, n).map_err(|e| dict_trap(&e))?;
    let mut cx = VmCells::new(vm);
    let old = dict.delete(&key, &mut cx);
    let old = cx.finish(old)?;
    let old = match old {
        Some(old) if args & 1 != 0 => Some(Value::Cell(value_to_ref(&old).map_err(|e| dict_trap(&e))?)),
        Some(old) => Some(Value::Slice(old)),
        None => None,
    };
    push_dict(vm, dict.into_root());
    let found = old.is_some();
    if let Some(old) = old {
        vm.push(old);
    }
    vm.push_bool(found);
    Ok(())
}

/// `DICT{,I,U}SETGETOPTREF`: stores a ref (or deletes on null) and returns
/// the old ref or null.
fn exec_setget_optref(vm: &mut Vm, ins: &Instr) -> Exec {
    let args = ins.args;
    let (n, root) = pop_dict_head(vm, 4, MAX_KEY_BITS)?;
    let kind = KeyKind::from_flags(args & 2 != 0, args & 1 != 0);
    let key = pop_key_strict(vm, kind, n)?;
    let new_value = vm.pop_maybe_cell()?;
    let key = key.ok_or_else(cell_underflow)?;
    let mut dict = Dictionary::with_root(root, n).map_err(|e| dict_trap(&e))?;
    let mut cx = VmCells::new(vm);
    let old = match &new_value {
        Some(cell) => dict.set_get(&key, DictValue::Ref(cell), SetMode::Set, &mut cx).map(|o| o.old),
        None => dict.delete(&key, &mut cx),
    };
    let old = cx.finish(old)?;
    let old = old.map(|v| value_to_ref(&v)).transpose().map_err(|e| dict_trap(&e))?;
    push_dict(vm, dict.into_root());
    vm.push(old.map_or(Value::Null, Value::Cell));
    Ok(())
}

pub(super) fn register(t: &mut TableBuilder) {
    let get = ["DICTGET", "DICTGETREF", "DICTIGET", "DICTIGETREF", "DICTUGET", "DICTUGETREF"];
    for (i, name) in get.into_iter().enumerate() {
        t.simple(0xf40a + i as u32, 16, name, exec_get);
    }
    type Family = (u32, [&'static str; 6], crate::program::ExecFn);
    let families: [Family; 6] = [
        (0xf412, ["DICTSET", "DICTSETREF", "DICTISET", "DICTISETREF", "DICTUSET", "DICTUSETREF"], exec_set),
        (
            0xf41a,
            ["DICTSETGET", "DICTSETGETREF", "DICTISETGET", "DICTISETGETREF", "DICTUSETGET", "DICTUSETGETREF"],
            exec_setget,
        ),
        (
            0xf422,
            ["DICTREPLACE", "DICTREPLACEREF", "DICTIREPLACE", "DICTIREPLACEREF", "DICTUREPLACE", "DICTUREPLACEREF"],
            exec_replace,
        ),
        (
            0xf42a,
            [
                "DICTREPLACEGET",
                "DICTREPLACEGETREF",
                "DICTIREPLACEGET",
                "DICTIREPLACEGETREF",
                "DICTUREPLACEGET",
                "DICTUREPLACEGETREF",
            ],
            exec_replaceget,
        ),
        (0xf432, ["DICTADD", "DICTADDREF", "DICTIADD", "DICTIADDREF", "DICTUADD", "DICTUADDREF"], exec_add),
        (
            0xf43a,
            ["DICTADDGET", "DICTADDGETREF", "DICTIADDGET", "DICTIADDGETREF", "DICTUADDGET", "DICTUADDGETREF"],
            exec_addget,
        ),
    ];
    for (base, names, exec) in families {
        for (i, name) in names.into_iter().enumerate() {
            t.simple(base + i as u32, 16, name, exec);
        }
    }
    type BuilderFamily = (u32, [&'static str; 3], crate::program::ExecFn);
    let builder_families: [BuilderFamily; 6] = [
        (0xf441, ["DICTSETB", "DICTISETB", "DICTUSETB"], exec_set_b),
        (0xf445, ["DICTSETGETB", "DICTISETGETB", "DICTUSETGETB"], exec_setget_b),
        (0xf449, ["DICTREPLACEB", "DICTIREPLACEB", "DICTUREPLACEB"], exec_replace_b),
        (0xf44d, ["DICTREPLACEGETB", "DICTIREPLACEGETB", "DICTUREPLACEGETB"], exec_replaceget_b),
        (0xf451, ["DICTADDB", "DICTIADDB", "DICTUADDB"], exec_add_b),
        (0xf455, ["DICTADDGETB", "DICTIADDGETB", "DICTUADDGETB"], exec_addget_b),
    ];
    for (base, names, exec) in builder_families {
        for (i, name) in names.into_iter().enumerate() {
            t.simple(base + i as u32, 16, name, exec);
        }
    }
    for (i, name) in ["DICTDEL", "DICTIDEL", "DICTUDEL"].into_iter().enumerate() {
        t.simple(0xf459 + i as u32, 16, name, exec_delete);
    }
    let delget = ["DICTDELGET", "DICTDELGETREF", "DICTIDELGET", "DICTIDELGETREF", "DICTUDELGET", "DICTUDELGETREF"];
    for (i, name) in delget.into_iter().enumerate() {
        t.simple(0xf462 + i as u32, 16, name, exec_deleteget);
    }
    for (i, name) in ["DICTGETOPTREF", "DICTIGETOPTREF", "DICTUGETOPTREF"].into_iter().enumerate() {
        t.simple(0xf469 + i as u32, 16, name, exec_get_optref);
    }
    for (i, name) in ["DICTSETGETOPTREF", "DICTISETGETOPTREF", "DICTUSETGETOPTREF"].into_iter().enumerate() {
        t.simple(0xf46d + i as u32, 16, name, exec_setget_optref);
    }
}
