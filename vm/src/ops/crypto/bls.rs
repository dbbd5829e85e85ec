//! BLS12-381 instructions (`BLS_*`).

use crate::table::TableBuilder;

/// Registers the BLS12-381 instructions.
pub(super) fn register(_t: &mut TableBuilder) {}
