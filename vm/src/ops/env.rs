//! The contract's environment: c7 getters and the configuration (with fee
//! formulas), gas control, global variables, the random generator, data
//! size counting, output actions, message addresses, variable-length
//! integers and the debug opcodes (`crypto/vm/tonops.cpp`, `debugops.cpp`).

mod actions;
mod addr;
mod config;
mod currency;
mod debug;
mod gas;
mod globals;
mod misc;
mod rand;
mod sendmsg;

use crate::error::{excno, Trap};
use crate::table::TableBuilder;
use crate::value::{Tuple, Value};
use crate::vm::Vm;

/// Registers every environment instruction.
pub(crate) fn register(t: &mut TableBuilder) {
    gas::register(t);
    rand::register(t);
    config::register(t);
    globals::register(t);
    misc::register(t);
    currency::register(t);
    addr::register(t);
    actions::register(t);
    debug::register(t);
}

/// Index of the random seed in the `SmartContractInfo` tuple.
const RANDSEED_IDX: usize = 6;

fn type_check() -> Trap {
    Trap::exc(excno::TYPE_CHECK)
}

/// The c7 register itself (an empty tuple when unset).
fn c7(vm: &Vm) -> Tuple {
    vm.regs.c7.clone().unwrap_or_default()
}

/// `t[i]`, or a range check error past the end (the reference's `tuple_index`).
fn tuple_index(t: &Tuple, i: usize) -> Result<Value, Trap> {
    t.get(i).cloned().ok_or_else(|| Trap::exc(excno::RANGE_CHECK))
}

/// A value that must be a tuple of at most 255 entries (`as_tuple_range(255)`).
fn as_tuple_range(v: Value) -> Result<Tuple, Trap> {
    match v {
        Value::Tuple(t) if t.len() <= 255 => Ok(t),
        _ => Err(type_check()),
    }
}

/// The `SmartContractInfo` tuple: `c7[0]`.
fn info_tuple(vm: &Vm) -> Result<Tuple, Trap> {
    as_tuple_range(tuple_index(&c7(vm), 0)?)
}

/// Entry `idx` of the `SmartContractInfo` tuple (the reference's `get_param`).
fn get_param(vm: &Vm, idx: usize) -> Result<Value, Trap> {
    tuple_index(&info_tuple(vm)?, idx)
}

/// The unpacked config tuple: `c7[0][14]`.
fn unpacked_config(vm: &Vm) -> Result<Tuple, Trap> {
    as_tuple_range(get_param(vm, 14)?)
}

/// Charges the VM for the cells a dictionary operation loads and creates,
/// as the reference's VM state does inside its dictionary code. Running out
/// of gas stops the operation at once (global version 4+); the caller turns
/// that into [`Trap::OutOfGas`] with [`VmCells::finish`].
struct VmCells<'a> {
    vm: &'a mut Vm,
    out_of_gas: bool,
}

impl<'a> VmCells<'a> {
    fn new(vm: &'a mut Vm) -> VmCells<'a> {
        VmCells { vm, out_of_gas: false }
    }

    /// The trap for a dictionary result: out of gas first, then the dictionary error.
    fn finish<T>(self, r: gram_cells::dict::DictResult<T>) -> Result<T, Trap> {
        if self.out_of_gas {
            return Err(Trap::OutOfGas);
        }
        r.map_err(|e| Trap::exc(e.exit_code()))
    }
}

impl gram_cells::dict::CellContext for VmCells<'_> {
    fn load_cell(&mut self, cell: &gram_cells::Cell) -> gram_cells::dict::DictResult<Option<gram_cells::Cell>> {
        use gram_cells::dict::DictError;
        match self.vm.load_cell(cell.clone()) {
            Ok(slice) if slice.cell().hash() == cell.hash() => Ok(None),
            Ok(slice) => Ok(Some(slice.cell().clone())),
            Err(Trap::OutOfGas) => {
                self.out_of_gas = true;
                Err(DictError::CellUnderflow("out of gas"))
            }
            Err(_) => Err(DictError::CellUnderflow("cannot load cell")),
        }
    }

    fn on_create(&mut self) -> gram_cells::dict::DictResult<()> {
        if self.vm.register_cell_create().is_err() {
            self.out_of_gas = true;
            return Err(gram_cells::dict::DictError::CellOverflow("out of gas"));
        }
        Ok(())
    }
}
