//! Ordered access: `DICT{,I,U}{MIN,MAX,REMMIN,REMMAX}{,REF}` and
//! `DICT{,I,U}GET{NEXT,PREV}{,EQ}`.

use gram_cells::dict::{value_to_ref, Dictionary};

use super::{
    cell_underflow, dict_trap, int_key, pop_dict_head, push_dict, push_key, slice_key, KeyKind, VmCells, MAX_KEY_BITS,
};
use crate::error::Exec;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// Widest key an ordered instruction accepts: integers must fit a TVM integer.
#[inline]
fn max_width(kind: KeyKind) -> i64 {
    match kind {
        KeyKind::Slice => MAX_KEY_BITS,
        KeyKind::Signed => 257,
        KeyKind::Unsigned => 256,
    }
}

/// `DICT{,I,U}{,REM}{MIN,MAX}{,REF}`: flags 1 = ref value, 2 = unsigned,
/// 4 = integer key, 8 = maximum, 16 = remove.
fn exec_minmax(vm: &mut Vm, ins: &Instr) -> Exec {
    let args = ins.args;
    let kind = KeyKind::from_flags(args & 4 != 0, args & 2 != 0);
    let (n, root) = pop_dict_head(vm, 2, max_width(kind))?;
    // Slice keys use the unsigned order (their flag 2 is always set).
    let signed = args & 2 == 0;
    let (fetch_max, remove) = (args & 8 != 0, args & 16 != 0);
    let mut dict = Dictionary::with_root(root, n).map_err(|e| dict_trap(&e))?;
    let mut cx = VmCells::new(vm);
    let found = match (remove, fetch_max) {
        (false, false) => dict.min(signed, &mut cx),
        (false, true) => dict.max(signed, &mut cx),
        (true, false) => dict.remove_min(signed, &mut cx),
        (true, true) => dict.remove_max(signed, &mut cx),
    };
    let found = cx.finish(found)?;
    let found = match found {
        Some((key, value)) if args & 1 != 0 => {
            Some((key, Value::Cell(value_to_ref(&value).map_err(|e| dict_trap(&e))?)))
        }
        Some((key, value)) => Some((key, Value::Slice(value))),
        None => None,
    };
    if remove {
        push_dict(vm, dict.into_root());
    }
    let Some((key, value)) = found else {
        vm.push_bool(false);
        return Ok(());
    };
    vm.push(value);
    push_key(vm, &key, kind)?;
    vm.push_bool(true);
    Ok(())
}

/// `DICT{,I,U}GET{NEXT,PREV}{,EQ}`: flags 1 = or equal, 2 = previous,
/// 4 = unsigned, 8 = integer key.
fn exec_getnear(vm: &mut Vm, ins: &Instr) -> Exec {
    let args = ins.args;
    let kind = KeyKind::from_flags(args & 8 != 0, args & 4 != 0);
    let (n, root) = pop_dict_head(vm, 3, max_width(kind))?;
    let (go_up, allow_eq) = (args & 2 == 0, args & 1 != 0);
    let dict = Dictionary::with_root(root, n).map_err(|e| dict_trap(&e))?;
    let found = if kind == KeyKind::Slice {
        let hint = vm.pop_slice()?;
        let key = slice_key(&hint, n).ok_or_else(cell_underflow)?;
        let mut cx = VmCells::new(vm);
        let found = if go_up {
            dict.get_next(&key, allow_eq, false, &mut cx)
        } else {
            dict.get_prev(&key, allow_eq, false, &mut cx)
        };
        cx.finish(found)?
    } else {
        let signed = kind == KeyKind::Signed;
        let x = vm.pop_int()?;
        let mut cx = VmCells::new(vm);
        let found = match int_key(&x, n, signed) {
            Some(key) if go_up => dict.get_next(&key, allow_eq, signed, &mut cx),
            Some(key) => dict.get_prev(&key, allow_eq, signed, &mut cx),
            // Out of range: every key lies on one side of it.
            None if !x.is_negative() && !go_up => dict.max(signed, &mut cx),
            None if x.is_negative() && go_up => dict.min(signed, &mut cx),
            None => Ok(None),
        };
        cx.finish(found)?
    };
    let Some((key, value)) = found else {
        vm.push_bool(false);
        return Ok(());
    };
    vm.push(Value::Slice(value));
    push_key(vm, &key, kind)?;
    vm.push_bool(true);
    Ok(())
}

pub(super) fn register(t: &mut TableBuilder) {
    let near = [
        "DICTGETNEXT",
        "DICTGETNEXTEQ",
        "DICTGETPREV",
        "DICTGETPREVEQ",
        "DICTIGETNEXT",
        "DICTIGETNEXTEQ",
        "DICTIGETPREV",
        "DICTIGETPREVEQ",
        "DICTUGETNEXT",
        "DICTUGETNEXTEQ",
        "DICTUGETPREV",
        "DICTUGETPREVEQ",
    ];
    for (i, name) in near.into_iter().enumerate() {
        t.simple(0xf474 + i as u32, 16, name, exec_getnear);
    }
    let minmax: [(u32, [&'static str; 6]); 4] = [
        (0xf482, ["DICTMIN", "DICTMINREF", "DICTIMIN", "DICTIMINREF", "DICTUMIN", "DICTUMINREF"]),
        (0xf48a, ["DICTMAX", "DICTMAXREF", "DICTIMAX", "DICTIMAXREF", "DICTUMAX", "DICTUMAXREF"]),
        (0xf492, ["DICTREMMIN", "DICTREMMINREF", "DICTIREMMIN", "DICTIREMMINREF", "DICTUREMMIN", "DICTUREMMINREF"]),
        (0xf49a, ["DICTREMMAX", "DICTREMMAXREF", "DICTIREMMAX", "DICTIREMMAXREF", "DICTUREMMAX", "DICTUREMMAXREF"]),
    ];
    for (base, names) in minmax {
        for (i, name) in names.into_iter().enumerate() {
            t.simple(base + i as u32, 16, name, exec_minmax);
        }
    }
}
