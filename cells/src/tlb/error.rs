//! Errors of the TL-B layer.

use thiserror::Error;

use crate::CellError;

/// Why a TL-B value could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TlbError {
    /// The cell layer failed (not enough bits or refs, builder overflow, ...).
    #[error(transparent)]
    Cell(#[from] CellError),
    /// A constructor tag that the type does not have.
    #[error("invalid tag {tag:#x} for {ty}")]
    InvalidTag {
        /// The TL-B type being read.
        ty: &'static str,
        /// The tag found.
        tag: u64,
    },
    /// Well-formed bits that break a constraint of the scheme.
    #[error("invalid {ty}: {reason}")]
    InvalidData {
        /// The TL-B type being read or written.
        ty: &'static str,
        /// The broken constraint.
        reason: &'static str,
    },
    /// A value read from a referenced cell did not use the whole cell.
    #[error("{ty} leaves unread data in its cell")]
    TrailingData {
        /// The TL-B type read from the cell.
        ty: &'static str,
    },
    /// An exotic cell (pruned branch, library, Merkle) where the scheme needs an ordinary one.
    #[error("unexpected exotic cell where {ty} was expected")]
    UnexpectedExotic {
        /// The TL-B type that was to be read.
        ty: &'static str,
    },
    /// A value too large for its field.
    #[error("value out of range for {ty}")]
    OutOfRange {
        /// The field or type being written.
        ty: &'static str,
    },
}

/// Why an address text (friendly base64 or raw `wc:hex`) could not be parsed or printed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AddressTextError {
    /// Neither a 48-character friendly form nor a `workchain:hex` raw form.
    #[error("unrecognised address form (expected 48 base64 characters or workchain:64 hex digits)")]
    UnknownForm,
    /// A character outside both base64 alphabets (padding is not allowed either).
    #[error("invalid base64 character in friendly address")]
    InvalidBase64,
    /// The CRC16 at the end of a friendly address does not match.
    #[error("friendly address checksum mismatch")]
    BadChecksum,
    /// The flags byte of a friendly address is not one of 0x11, 0x51, 0x91, 0xd1.
    #[error("unknown friendly address tag {0:#04x}")]
    UnknownTag(u8),
    /// The workchain of a raw address is not a number in -128..=127.
    #[error("invalid workchain in raw address")]
    InvalidWorkchain,
    /// The account part of a raw address is not 64 hex digits.
    #[error("invalid account id in raw address (expected 64 hex digits)")]
    InvalidHex,
    /// Anycast addresses have no text form.
    #[error("anycast addresses have no text form")]
    Anycast,
}
