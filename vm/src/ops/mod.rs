//! Instruction families. Each module registers its opcodes with the table.

mod consts;
mod control;
mod exceptions;
mod stack;

use crate::table::TableBuilder;

/// Registers every instruction of codepage 0.
pub(crate) fn register_all(t: &mut TableBuilder) {
    stack::register(t);
    consts::register(t);
    control::register(t);
    exceptions::register(t);
}
