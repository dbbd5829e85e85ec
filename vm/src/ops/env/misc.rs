//! `CDATASIZE(Q)` / `SDATASIZE(Q)`: distinct cells, data bits and refs of a
//! cell tree, visiting each distinct cell once (each visit is a cell load)
//! and stopping at a bound on the number of cells.

use gram_cells::{Cell, CellSlice, HashBytes};

use crate::error::{excno, Exec, Trap};
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// The reference's `VmStorageStat`: counts and the cells already seen.
struct StorageStat {
    cells: u64,
    bits: u64,
    refs: u64,
    limit: u64,
    visited: std::collections::HashSet<HashBytes>,
}

impl StorageStat {
    /// Adds the bits and refs of `cs`, then every distinct cell below it, depth
    /// first in ref order. `Ok(false)` when the cell bound is reached.
    fn add_slice(&mut self, vm: &mut Vm, cs: &CellSlice) -> Result<bool, Trap> {
        let mut pending: Vec<Cell> = Vec::new();
        self.count(cs, &mut pending);
        self.visit(vm, pending)
    }

    /// Visits `pending` (the next cell last) and everything below it.
    fn visit(&mut self, vm: &mut Vm, mut pending: Vec<Cell>) -> Result<bool, Trap> {
        while let Some(cell) = pending.pop() {
            if !self.visited.insert(*cell.hash()) {
                continue;
            }
            if self.cells >= self.limit {
                return Ok(false);
            }
            self.cells += 1;
            let (slice, _) = vm.load_cell_special(cell)?;
            self.count(&slice, &mut pending);
        }
        Ok(true)
    }

    fn count(&mut self, cs: &CellSlice, pending: &mut Vec<Cell>) {
        self.bits += cs.remaining_bits() as u64;
        self.refs += cs.remaining_refs() as u64;
        // Reversed, so the first ref is visited (and finished) first.
        for i in (0..cs.remaining_refs()).rev() {
            pending.push(cs.preload_reference(i).expect("index below the ref count"));
        }
    }
}

fn exec_datasize(vm: &mut Vm, ins: &Instr) -> Exec {
    let quiet = ins.args & 1 == 0;
    let of_slice = ins.args & 2 != 0;
    vm.check_depth(2)?;
    let bound = vm.pop_int_or_nan()?;
    let root = if of_slice { Some(vm.pop_slice()?) } else { None };
    let cell = if of_slice { None } else { vm.pop_maybe_cell()? };
    let bound = match bound {
        Some(b) if !b.is_negative() => b,
        _ => return Err(Trap::exc(excno::RANGE_CHECK)),
    };
    let limit = if bound.fits_unsigned(63) { bound.to_u64().expect("63 bits") } else { (1 << 63) - 1 };
    let mut stat = StorageStat { cells: 0, bits: 0, refs: 0, limit, visited: Default::default() };
    let ok = match (&root, cell) {
        (Some(cs), _) => stat.add_slice(vm, cs)?,
        (None, Some(cell)) => stat.visit(vm, vec![cell])?,
        (None, None) => true,
    };
    if ok {
        vm.push(Value::Int(crate::Int257::from_u64(stat.cells)));
        vm.push(Value::Int(crate::Int257::from_u64(stat.bits)));
        vm.push(Value::Int(crate::Int257::from_u64(stat.refs)));
    } else if !quiet {
        return Err(Trap::exc(excno::CELL_OVERFLOW));
    }
    if quiet {
        vm.push_bool(ok);
    }
    Ok(())
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xf940, 16, "CDATASIZEQ", exec_datasize);
    t.simple(0xf941, 16, "CDATASIZE", exec_datasize);
    t.simple(0xf942, 16, "SDATASIZEQ", exec_datasize);
    t.simple(0xf943, 16, "SDATASIZE", exec_datasize);
}
