//! Instruction families. Each module registers its opcodes with the table.

mod arith;
mod cells;
mod consts;
mod control;
mod crypto;
mod dict;
mod env;
mod exceptions;
mod stack;
mod tuple;

use crate::table::TableBuilder;

/// Registers every instruction of codepage 0.
pub(crate) fn register_all(t: &mut TableBuilder) {
    stack::register(t);
    consts::register(t);
    tuple::register(t);
    cells::register(t);
    control::register(t);
    exceptions::register(t);
    arith::register(t);
    env::register(t);
    crypto::register(t);
    dict::register(t);
}
