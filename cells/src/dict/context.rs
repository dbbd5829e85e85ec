//! The hook between dictionary code and whoever pays for cell work.
//!
//! The reference charges gas inside its dictionary code: every node it reads
//! goes through `load_cell_slice` (100 gas the first time a cell is loaded in
//! a run, 25 afterwards; library cells are resolved there) and every node it
//! writes goes through `CellBuilder::finalize` (500 gas, charged before the
//! cell is built). Dictionary operations here call a [`CellContext`] at
//! exactly those points, in the reference's order, so a VM can charge gas the
//! same way.

use std::collections::HashSet;

use crate::dict::error::{DictError, DictResult};
use crate::{Cell, CellType, HashBytes};

/// Receives every cell load and cell creation a dictionary operation makes.
pub trait CellContext {
    /// Loads `cell` to read it, as the reference's `load_cell_slice` does:
    /// charges for it and checks it can be read. Returns `None` to read
    /// `cell` itself, or `Some(target)` when it stands for another cell (a
    /// library reference resolved to its target). Other exotic cells are
    /// refused with `CellUnderflow`.
    fn load_cell(&mut self, cell: &Cell) -> DictResult<Option<Cell>>;

    /// Called just before a new cell is finalised (the reference charges
    /// here, before the cell is built, so a failing build is charged too).
    fn on_create(&mut self) -> DictResult<()>;
}

/// Accepts an ordinary cell and refuses exotic ones the way the reference
/// does when no library resolver is available.
pub fn require_ordinary(cell: &Cell) -> DictResult<()> {
    match cell.cell_type() {
        CellType::Ordinary => Ok(()),
        CellType::LibraryReference => Err(DictError::CellUnderflow("failed to load library cell")),
        CellType::PrunedBranch => Err(DictError::CellUnderflow("trying to load pruned cell")),
        _ => Err(DictError::CellUnderflow("unexpected special cell")),
    }
}

/// A context that charges nothing and reads ordinary cells only.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoGas;

impl CellContext for NoGas {
    #[inline]
    fn load_cell(&mut self, cell: &Cell) -> DictResult<Option<Cell>> {
        if cell.is_exotic() {
            require_ordinary(cell)?;
        }
        Ok(None)
    }

    #[inline]
    fn on_create(&mut self) -> DictResult<()> {
        Ok(())
    }
}

/// Gas of the first load of a cell in a run.
pub const CELL_LOAD_GAS: u64 = 100;
/// Gas of loading a cell already loaded in the same run.
pub const CELL_RELOAD_GAS: u64 = 25;
/// Gas of creating a cell.
pub const CELL_CREATE_GAS: u64 = 500;

/// A context that counts loads (first and repeated, by cell hash, as the
/// reference's `register_cell_load` does) and creations, and reads ordinary
/// cells only. One counter stands for one VM run.
#[derive(Default, Clone)]
pub struct GasCounter {
    seen: HashSet<HashBytes>,
    /// Loads of cells not loaded before.
    pub loads: u64,
    /// Loads of cells loaded before.
    pub reloads: u64,
    /// Cells created.
    pub creates: u64,
}

impl GasCounter {
    /// A counter with nothing loaded yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The gas the reference charges for the counted work.
    pub fn gas(&self) -> u64 {
        self.loads * CELL_LOAD_GAS + self.reloads * CELL_RELOAD_GAS + self.creates * CELL_CREATE_GAS
    }
}

impl std::fmt::Debug for GasCounter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "GasCounter(loads={} reloads={} creates={} gas={})",
            self.loads,
            self.reloads,
            self.creates,
            self.gas()
        )
    }
}

impl CellContext for GasCounter {
    fn load_cell(&mut self, cell: &Cell) -> DictResult<Option<Cell>> {
        // The reference registers the load (and charges) before it looks at the cell's type.
        if self.seen.insert(*cell.hash()) {
            self.loads += 1;
        } else {
            self.reloads += 1;
        }
        require_ordinary(cell)?;
        Ok(None)
    }

    fn on_create(&mut self) -> DictResult<()> {
        self.creates += 1;
        Ok(())
    }
}
