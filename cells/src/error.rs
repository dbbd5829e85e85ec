//! Errors of the cell layer. Every failure is a value; nothing here panics.

use thiserror::Error;

/// Errors raised while building, reading or finalising cells.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CellError {
    /// Tried to read more bits or refs than a slice holds.
    #[error("cell underflow")]
    Underflow,
    /// Tried to store more than 1023 bits or 4 refs in a builder.
    #[error("cell overflow")]
    Overflow,
    /// A value does not fit in the requested bit width.
    #[error("integer out of range")]
    IntOutOfRange,
    /// The cell tree would be deeper than the reference allows (1024).
    #[error("cell depth exceeds 1024")]
    DepthTooBig,
    /// An exotic cell breaks the reference's validity rules.
    #[error("invalid exotic cell: {0}")]
    InvalidExotic(&'static str),
    /// An operation needed an ordinary cell but got an exotic one.
    #[error("unexpected exotic cell")]
    UnexpectedExotic,
}

/// Shorthand for results of the cell layer.
pub type CellResult<T> = Result<T, CellError>;
