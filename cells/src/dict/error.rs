//! Errors of dictionary operations, one variant per TVM exception the
//! reference raises from its dictionary code.

use thiserror::Error;

use crate::CellError;

/// Why a dictionary operation failed. Each variant names the TVM exception
/// the reference throws in the same situation ([`DictError::exit_code`]).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DictError {
    /// A node could not be read: bad label, truncated cell, or a cell that
    /// cannot be loaded (exotic, missing library). TVM `cell_und` (9).
    #[error("cell underflow: {0}")]
    CellUnderflow(&'static str),
    /// A new node does not fit in a cell (label plus value over 1023 bits or
    /// 4 refs, or a tree deeper than 1024). TVM `cell_ov` (8).
    #[error("cell overflow: {0}")]
    CellOverflow(&'static str),
    /// The tree is not a valid dictionary, or a value has the wrong shape.
    /// TVM `dict_err` (10).
    #[error("dictionary error: {0}")]
    Invalid(&'static str),
    /// Key width above 1023 bits. The reference rejects such a dictionary as
    /// invalid, TVM `dict_err` (10).
    #[error("dictionary key width {0} exceeds 1023 bits")]
    KeyTooLong(usize),
}

impl DictError {
    /// The TVM exception number the reference raises for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            DictError::CellUnderflow(_) => 9,
            DictError::CellOverflow(_) => 8,
            DictError::Invalid(_) | DictError::KeyTooLong(_) => 10,
        }
    }

    /// Maps a cell-layer failure met while building a node the way the
    /// reference's `CellWriteError` handler does: everything becomes an overflow.
    pub(crate) fn from_build(err: CellError, what: &'static str) -> DictError {
        match err {
            CellError::Underflow => DictError::CellUnderflow(what),
            _ => DictError::CellOverflow(what),
        }
    }
}

/// Shorthand for results of dictionary operations.
pub type DictResult<T> = Result<T, DictError>;
