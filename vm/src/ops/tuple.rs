//! Tuples and null: TUPLE/UNTUPLE/INDEX/SETINDEX families with their
//! per-entry gas, TPUSH/TPOP, quiet forms, NULL and the NULLSWAPIF family.

use std::rc::Rc;

use crate::error::{excno, Exec, Trap};
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::{Tuple, Value};
use crate::vm::Vm;

fn range_check() -> Trap {
    Trap::exc(excno::RANGE_CHECK)
}

/// Pops a tuple whose length lies in `min..=max` (type check otherwise).
fn pop_tuple_len(vm: &mut Vm, min: usize, max: usize) -> Result<Tuple, Trap> {
    vm.check_depth(1)?;
    match vm.pop()? {
        Value::Tuple(t) if (min..=max).contains(&t.len()) => Ok(t),
        _ => Err(Trap::exc(excno::TYPE_CHECK)),
    }
}

/// Pops a tuple of at most `max` entries, or null.
fn pop_maybe_tuple_len(vm: &mut Vm, max: usize) -> Result<Option<Tuple>, Trap> {
    vm.check_depth(1)?;
    match vm.pop()? {
        Value::Null => Ok(None),
        Value::Tuple(t) if t.len() <= max => Ok(Some(t)),
        _ => Err(Trap::exc(excno::TYPE_CHECK)),
    }
}

fn index(t: &Tuple, i: usize) -> Result<Value, Trap> {
    t.get(i).cloned().ok_or_else(range_check)
}

fn exec_null(vm: &mut Vm, _: &Instr) -> Exec {
    vm.push(Value::Null);
    Ok(())
}

fn exec_isnull(vm: &mut Vm, _: &Instr) -> Exec {
    let v = vm.pop()?;
    vm.push_bool(v.is_null());
    Ok(())
}

fn make_tuple(vm: &mut Vm, n: usize) -> Exec {
    vm.check_depth(n)?;
    let from = vm.stack.len() - n;
    let items: Vec<Value> = vm.stack.drain(from..).collect();
    vm.charge_tuple(n)?;
    vm.push(Value::Tuple(Rc::new(items)));
    Ok(())
}

fn push_index(vm: &mut Vm, i: usize) -> Exec {
    let t = pop_tuple_len(vm, 0, 255)?;
    let v = index(&t, i)?;
    vm.push(v);
    Ok(())
}

fn push_index_quiet(vm: &mut Vm, i: usize) -> Exec {
    let t = pop_maybe_tuple_len(vm, 255)?;
    let v = t.and_then(|t| t.get(i).cloned()).unwrap_or(Value::Null);
    vm.push(v);
    Ok(())
}

/// Pushes the first `n` entries of `t`, charging one gas unit per entry.
fn explode(vm: &mut Vm, t: Tuple, n: usize) -> Exec {
    match Rc::try_unwrap(t) {
        Ok(mut items) => {
            items.truncate(n);
            vm.stack.extend(items);
        }
        Err(shared) => vm.stack.extend(shared[..n].iter().cloned()),
    }
    vm.charge_tuple(n)
}

fn untuple(vm: &mut Vm, n: usize) -> Exec {
    let t = pop_tuple_len(vm, n, n)?;
    explode(vm, t, n)
}

fn unpack_first(vm: &mut Vm, n: usize) -> Exec {
    let t = pop_tuple_len(vm, n, 255)?;
    explode(vm, t, n)
}

fn explode_up_to(vm: &mut Vm, max: usize) -> Exec {
    let t = pop_tuple_len(vm, 0, max)?;
    let len = t.len();
    explode(vm, t, len)?;
    vm.push_small(len as i64);
    Ok(())
}

fn set_index(vm: &mut Vm, i: usize) -> Exec {
    let x = vm.pop()?;
    let mut t = pop_tuple_len(vm, 0, 255)?;
    if i >= t.len() {
        return Err(range_check());
    }
    Rc::make_mut(&mut t)[i] = x;
    vm.charge_tuple(t.len())?;
    vm.push(Value::Tuple(t));
    Ok(())
}

/// SETINDEXQ: null or a short tuple is extended with nulls; setting null
/// past the end of (or into) a missing tuple changes nothing and is free.
fn set_index_quiet(vm: &mut Vm, i: usize) -> Exec {
    let x = vm.pop()?;
    let t = pop_maybe_tuple_len(vm, 255)?;
    if i >= 255 {
        return Err(range_check());
    }
    let result = match t {
        None if x.is_null() => Value::Null,
        None => {
            let mut items = vec![Value::Null; i + 1];
            items[i] = x;
            vm.charge_tuple(i + 1)?;
            Value::Tuple(Rc::new(items))
        }
        Some(t) if t.len() <= i && x.is_null() => Value::Tuple(t),
        Some(mut t) => {
            let items = Rc::make_mut(&mut t);
            if items.len() <= i {
                items.resize(i + 1, Value::Null);
            }
            items[i] = x;
            vm.charge_tuple(items.len())?;
            Value::Tuple(t)
        }
    };
    vm.push(result);
    Ok(())
}

fn exec_tlen(vm: &mut Vm, _: &Instr) -> Exec {
    let t = pop_tuple_len(vm, 0, 255)?;
    vm.push_small(t.len() as i64);
    Ok(())
}

fn exec_qtlen(vm: &mut Vm, _: &Instr) -> Exec {
    let len = match vm.pop()? {
        Value::Tuple(t) => t.len() as i64,
        _ => -1,
    };
    vm.push_small(len);
    Ok(())
}

fn exec_istuple(vm: &mut Vm, _: &Instr) -> Exec {
    let is = matches!(vm.pop()?, Value::Tuple(_));
    vm.push_bool(is);
    Ok(())
}

fn exec_last(vm: &mut Vm, _: &Instr) -> Exec {
    let t = pop_tuple_len(vm, 1, 255)?;
    let last = t[t.len() - 1].clone();
    vm.push(last);
    Ok(())
}

fn exec_tpush(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let x = vm.pop()?;
    let mut t = pop_tuple_len(vm, 0, 254)?;
    Rc::make_mut(&mut t).push(x);
    vm.charge_tuple(t.len())?;
    vm.push(Value::Tuple(t));
    Ok(())
}

fn exec_tpop(vm: &mut Vm, _: &Instr) -> Exec {
    let mut t = pop_tuple_len(vm, 1, 255)?;
    let x = Rc::make_mut(&mut t).pop().expect("length checked");
    vm.charge_tuple(t.len())?;
    vm.push(Value::Tuple(t));
    vm.push(x);
    Ok(())
}

/// NULLSWAPIF family: if the integer on top is non-zero (`when_nonzero`) or
/// zero (otherwise), inserts `count` nulls under the top `depth` entries
/// below the integer.
fn null_swap_if(vm: &mut Vm, when_nonzero: bool, depth: usize, count: usize) -> Exec {
    vm.check_depth(depth + 1)?;
    let x = vm.pop_int()?;
    if x.is_zero() != when_nonzero {
        let at = vm.stack.len() - depth;
        for _ in 0..count {
            vm.stack.insert(at, Value::Null);
        }
    }
    vm.push_int(x);
    Ok(())
}

fn index_path(vm: &mut Vm, path: &[usize]) -> Exec {
    let mut t = pop_tuple_len(vm, 0, 255)?;
    let (last, inner) = path.split_last().expect("non-empty path");
    for &i in inner {
        t = match index(&t, i)? {
            Value::Tuple(next) if next.len() <= 255 => next,
            _ => return Err(Trap::exc(excno::TYPE_CHECK)),
        };
    }
    let v = index(&t, *last)?;
    vm.push(v);
    Ok(())
}

fn exec_index2(vm: &mut Vm, ins: &Instr) -> Exec {
    let a = ins.args as usize;
    index_path(vm, &[(a >> 2) & 3, a & 3])
}

fn exec_index3(vm: &mut Vm, ins: &Instr) -> Exec {
    let a = ins.args as usize;
    index_path(vm, &[(a >> 4) & 3, (a >> 2) & 3, a & 3])
}

/// The two encodings of one tuple operation `op(vm, n)`: `$imm` takes n from the low four bits of
/// the instruction, `$var` pops it (at most `$max`) from the stack. Each first checks the stack
/// depth it needs (`$imm_depth`, `$var_depth`; 0 = no check) so errors come in the reference's order.
macro_rules! imm_and_var {
    ($imm:ident, $var:ident, $op:ident, $imm_depth:expr, $var_depth:expr, $max:expr) => {
        fn $imm(vm: &mut Vm, ins: &Instr) -> Exec {
            vm.check_depth($imm_depth)?;
            $op(vm, (ins.args & 15) as usize)
        }

        fn $var(vm: &mut Vm, _: &Instr) -> Exec {
            vm.check_depth($var_depth)?;
            let n = vm.pop_smallint_range($max)? as usize;
            $op(vm, n)
        }
    };
}

imm_and_var!(exec_tuple, exec_tuplevar, make_tuple, 0, 0, 255);
imm_and_var!(exec_index, exec_indexvar, push_index, 0, 2, 254);
imm_and_var!(exec_indexq, exec_indexvarq, push_index_quiet, 0, 2, 254);
imm_and_var!(exec_untuple, exec_untuplevar, untuple, 0, 2, 255);
imm_and_var!(exec_unpackfirst, exec_unpackfirstvar, unpack_first, 0, 2, 255);
imm_and_var!(exec_explode, exec_explodevar, explode_up_to, 0, 2, 255);
imm_and_var!(exec_setindex, exec_setindexvar, set_index, 2, 3, 254);
imm_and_var!(exec_setindexq, exec_setindexvarq, set_index_quiet, 2, 3, 254);

macro_rules! null_swap {
    ($name:ident, $nonzero:expr, $depth:expr, $count:expr) => {
        fn $name(vm: &mut Vm, _: &Instr) -> Exec {
            null_swap_if(vm, $nonzero, $depth, $count)
        }
    };
}

null_swap!(exec_nullswapif, true, 0, 1);
null_swap!(exec_nullswapifnot, false, 0, 1);
null_swap!(exec_nullrotrif, true, 1, 1);
null_swap!(exec_nullrotrifnot, false, 1, 1);
null_swap!(exec_nullswapif2, true, 0, 2);
null_swap!(exec_nullswapifnot2, false, 0, 2);
null_swap!(exec_nullrotrif2, true, 1, 2);
null_swap!(exec_nullrotrifnot2, false, 1, 2);

pub(crate) fn register(t: &mut TableBuilder) {
    t.simple(0x6d, 8, "NULL", exec_null);
    t.simple(0x6e, 8, "ISNULL", exec_isnull);
    t.fixed(0x6f0, 12, 4, "TUPLE", exec_tuple);
    t.fixed(0x6f1, 12, 4, "INDEX", exec_index);
    t.fixed(0x6f2, 12, 4, "UNTUPLE", exec_untuple);
    t.fixed(0x6f3, 12, 4, "UNPACKFIRST", exec_unpackfirst);
    t.fixed(0x6f4, 12, 4, "EXPLODE", exec_explode);
    t.fixed(0x6f5, 12, 4, "SETINDEX", exec_setindex);
    t.fixed(0x6f6, 12, 4, "INDEXQ", exec_indexq);
    t.fixed(0x6f7, 12, 4, "SETINDEXQ", exec_setindexq);
    t.simple(0x6f80, 16, "TUPLEVAR", exec_tuplevar);
    t.simple(0x6f81, 16, "INDEXVAR", exec_indexvar);
    t.simple(0x6f82, 16, "UNTUPLEVAR", exec_untuplevar);
    t.simple(0x6f83, 16, "UNPACKFIRSTVAR", exec_unpackfirstvar);
    t.simple(0x6f84, 16, "EXPLODEVAR", exec_explodevar);
    t.simple(0x6f85, 16, "SETINDEXVAR", exec_setindexvar);
    t.simple(0x6f86, 16, "INDEXVARQ", exec_indexvarq);
    t.simple(0x6f87, 16, "SETINDEXVARQ", exec_setindexvarq);
    t.simple(0x6f88, 16, "TLEN", exec_tlen);
    t.simple(0x6f89, 16, "QTLEN", exec_qtlen);
    t.simple(0x6f8a, 16, "ISTUPLE", exec_istuple);
    t.simple(0x6f8b, 16, "LAST", exec_last);
    t.simple(0x6f8c, 16, "TPUSH", exec_tpush);
    t.simple(0x6f8d, 16, "TPOP", exec_tpop);
    t.simple(0x6fa0, 16, "NULLSWAPIF", exec_nullswapif);
    t.simple(0x6fa1, 16, "NULLSWAPIFNOT", exec_nullswapifnot);
    t.simple(0x6fa2, 16, "NULLROTRIF", exec_nullrotrif);
    t.simple(0x6fa3, 16, "NULLROTRIFNOT", exec_nullrotrifnot);
    t.simple(0x6fa4, 16, "NULLSWAPIF2", exec_nullswapif2);
    t.simple(0x6fa5, 16, "NULLSWAPIFNOT2", exec_nullswapifnot2);
    t.simple(0x6fa6, 16, "NULLROTRIF2", exec_nullrotrif2);
    t.simple(0x6fa7, 16, "NULLROTRIFNOT2", exec_nullrotrifnot2);
    t.fixed(0x6fb, 12, 4, "INDEX2", exec_index2);
    t.fixed(0x6fc >> 2, 10, 6, "INDEX3", exec_index3);
}
