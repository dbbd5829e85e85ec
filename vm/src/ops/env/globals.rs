//! Global variables (entries of c7): `GETGLOB`, `SETGLOB` and their
//! variable-index forms, and `GETEXTRABALANCE`.

use std::rc::Rc;

use gram_cells::dict::{CellContext, DictKey, DictResult, Dictionary};
use gram_cells::Cell;

use super::{c7, info_tuple, tuple_index, VmCells};
use crate::error::{excno, Exec, Trap};
use crate::gas::price;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// `GETEXTRABALANCE` calls per run whose cell loads cost at most [`CHEAP_MAX_GAS`].
const CHEAP_CALLS: u32 = 5;
/// Gas cap of the cell loads of one cheap `GETEXTRABALANCE`.
const CHEAP_MAX_GAS: i64 = 200;

fn get_global(vm: &mut Vm, idx: usize) -> Exec {
    let v = c7(vm).get(idx).cloned().unwrap_or(Value::Null);
    vm.push(v);
    Ok(())
}

fn exec_getglob(vm: &mut Vm, ins: &Instr) -> Exec {
    get_global(vm, (ins.args & 31) as usize)
}

fn exec_getglobvar(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(1)?;
    let idx = vm.pop_smallint_range(254)? as usize;
    get_global(vm, idx)
}

/// Stores `c7[idx] = x`, growing c7 with nulls as needed (storing null past the
/// end changes nothing); charges one gas per entry of the resulting tuple.
fn set_global(vm: &mut Vm, idx: usize) -> Exec {
    let x = vm.pop()?;
    let mut t = vm.regs.c7.take().unwrap_or_default();
    let pay = if idx < t.len() {
        Rc::make_mut(&mut t)[idx] = x;
        t.len()
    } else if x.is_null() {
        0
    } else {
        let items = Rc::make_mut(&mut t);
        items.resize(idx + 1, Value::Null);
        items[idx] = x;
        idx + 1
    };
    vm.regs.c7 = Some(t);
    vm.charge(pay as i64)
}

fn exec_setglob(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.check_depth(1)?;
    set_global(vm, (ins.args & 31) as usize)
}

fn exec_setglobvar(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let idx = vm.pop_smallint_range(254)? as usize;
    set_global(vm, idx)
}

/// Cell loads of a cheap `GETEXTRABALANCE`: charged as usual up to a total of
/// [`CHEAP_MAX_GAS`]; past that the cost counts as free gas (charged only by an
/// isolated `RUNVM`).
struct CheapCells<'a> {
    vm: &'a mut Vm,
    remaining: i64,
    out_of_gas: bool,
}

impl CellContext for CheapCells<'_> {
    fn load_cell(&mut self, cell: &Cell) -> DictResult<Option<Cell>> {
        use gram_cells::dict::DictError;
        let first = self.vm.register_cell_load_free(cell);
        let gas = if first { price::CELL_LOAD } else { price::CELL_RELOAD };
        let paid = gas.min(self.remaining);
        let charged = self.vm.charge(paid);
        self.remaining -= paid;
        if self.remaining == 0 {
            self.vm.free_gas_consumed += gas - paid;
        }
        if charged.is_err() {
            self.out_of_gas = true;
            return Err(DictError::CellUnderflow("out of gas"));
        }
        // Extra-currency dictionaries hold ordinary cells only.
        gram_cells::dict::require_ordinary(cell)?;
        Ok(None)
    }

    fn on_create(&mut self) -> DictResult<()> {
        Ok(())
    }
}

fn exec_getextrabalance(vm: &mut Vm, _: &Instr) -> Exec {
    let id = vm.pop_smallint_range((1 << 32) - 1)?;
    let info = info_tuple(vm)?;
    let balance = super::as_tuple_range(tuple_index(&info, 7)?)?;
    let root = match tuple_index(&balance, 1)? {
        Value::Cell(c) => Some(c),
        Value::Null => None,
        _ => return Err(Trap::exc(excno::TYPE_CHECK)),
    };
    vm.extra_balance_counter += 1;
    let cheap = vm.extra_balance_counter <= CHEAP_CALLS;
    let dict = Dictionary::with_root(root, 32).map_err(|e| Trap::exc(e.exit_code()))?;
    let key = DictKey::from_uint(id as u64, 32).expect("32-bit key");
    let found = if cheap {
        let mut ctx = CheapCells { vm, remaining: CHEAP_MAX_GAS, out_of_gas: false };
        let r = dict.get(&key, &mut ctx);
        if ctx.out_of_gas {
            return Err(Trap::OutOfGas);
        }
        r.map_err(|e| Trap::exc(e.exit_code()))?
    } else {
        let mut ctx = VmCells::new(vm);
        let r = dict.get(&key, &mut ctx);
        ctx.finish(r)?
    };
    match found {
        None => vm.push_small(0),
        Some(mut cs) => {
            let value =
                super::currency::load_var_integer(&mut cs, 5, false).ok_or_else(|| Trap::exc(excno::CELL_UNDERFLOW))?;
            vm.push_int(value);
        }
    }
    Ok(())
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xf840, 16, "GETGLOBVAR", exec_getglobvar);
    t.fixed_range(0xf841, 0xf860, 16, "GETGLOB", exec_getglob);
    t.simple(0xf860, 16, "SETGLOBVAR", exec_setglobvar);
    t.fixed_range(0xf861, 0xf880, 16, "SETGLOB", exec_setglob);
    t.simple(0xf880, 16, "GETEXTRABALANCE", exec_getextrabalance).since(10);
}
