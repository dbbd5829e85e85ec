//! Errors of the bag-of-cells codec, one variant per way the reference
//! rejects a BoC (or refuses to serialize one).

use thiserror::Error;

use crate::CellError;

/// Why a bag of cells could not be decoded or encoded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BocError {
    /// The input ends before the size its header announces.
    #[error("bag of cells: not enough bytes ({present} present, {required} required)")]
    NotEnoughBytes {
        /// Bytes in the input.
        present: usize,
        /// Bytes the header needs.
        required: u64,
    },
    /// Unknown magic, or header fields out of the reference's ranges.
    #[error("bag of cells: invalid header")]
    InvalidHeader,
    /// More roots than the caller allows (1 for a single-root decode).
    #[error("bag of cells: {count} roots, more than the {max} expected")]
    TooManyRoots {
        /// Roots in the header.
        count: usize,
        /// The most the caller accepts.
        max: usize,
    },
    /// The CRC32C stored in the last 4 bytes does not match the input.
    #[error("bag of cells: CRC32C mismatch (expected {computed:#010x}, found {stored:#010x})")]
    CrcMismatch {
        /// Checksum of everything before the last 4 bytes.
        computed: u32,
        /// Checksum stored in the last 4 bytes.
        stored: u32,
    },
    /// A root index points past the cell list.
    #[error("bag of cells: invalid root index {0}")]
    InvalidRootIndex(u64),
    /// Without an index, the cells must fill the announced data size exactly.
    #[error("bag of cells: the last cell #{last_cell} ends at offset {end}, but the data size is {size}")]
    DataSizeMismatch {
        /// BoC index of the last cell.
        last_cell: usize,
        /// Where the last cell ends.
        end: u64,
        /// The data size from the header.
        size: u64,
    },
    /// An index entry is out of order or past the cell data.
    #[error("bag of cells: cell #{cell} has an invalid index entry [{start}; {end}]")]
    InvalidIndexEntry {
        /// BoC index of the cell.
        cell: usize,
        /// Start offset of the cell.
        start: u64,
        /// End offset of the cell.
        end: u64,
    },
    /// A cell's serialization is cut short.
    #[error("bag of cells: cell #{cell} is truncated")]
    CellTruncated {
        /// BoC index of the cell.
        cell: usize,
    },
    /// The index gives a cell more bytes than its descriptors use.
    #[error("bag of cells: cell #{cell} has unused space in its serialization")]
    UnusedSpace {
        /// BoC index of the cell.
        cell: usize,
    },
    /// The first descriptor byte has 5 or 6 refs, or 7 without stored hashes.
    #[error("bag of cells: cell #{cell} has an invalid first descriptor byte")]
    InvalidDescriptor {
        /// BoC index of the cell.
        cell: usize,
    },
    /// An absent cell (d1 = 0x17): the reference does not support them.
    #[error("bag of cells: cell #{cell} is an absent cell, which is not supported")]
    AbsentCell {
        /// BoC index of the cell.
        cell: usize,
    },
    /// A ref points to the cell itself or to an earlier cell.
    #[error("bag of cells: ref #{ref_index} of cell #{cell} points back to cell #{target}")]
    RefBackward {
        /// BoC index of the cell.
        cell: usize,
        /// Position of the ref in the cell.
        ref_index: usize,
        /// The cell the ref points to (as read, may be negative).
        target: i64,
    },
    /// A ref points past the cell list.
    #[error(
        "bag of cells: ref #{ref_index} of cell #{cell} points to cell #{target}, but there are only {count} cells"
    )]
    RefOutOfRange {
        /// BoC index of the cell.
        cell: usize,
        /// Position of the ref in the cell.
        ref_index: usize,
        /// The cell the ref points to.
        target: u64,
        /// Number of cells in the BoC.
        count: usize,
    },
    /// The completion tag is missing or the last data byte holds only the tag.
    #[error("bag of cells: cell #{cell} has an overlong data encoding")]
    OverlongEncoding {
        /// BoC index of the cell.
        cell: usize,
    },
    /// The cell itself is invalid (bad exotic cell, too deep, ...).
    #[error("bag of cells: cell #{cell}: {source}")]
    InvalidCell {
        /// BoC index of the cell.
        cell: usize,
        /// What the cell layer rejected.
        source: CellError,
    },
    /// The level mask in the descriptor differs from the computed one.
    #[error("bag of cells: cell #{cell} has a level mask mismatch")]
    LevelMaskMismatch {
        /// BoC index of the cell.
        cell: usize,
    },
    /// A stored representation hash differs from the computed one.
    #[error("bag of cells: cell #{cell} has a representation hash mismatch")]
    HashMismatch {
        /// BoC index of the cell.
        cell: usize,
    },
    /// A stored depth differs from the computed one.
    #[error("bag of cells: cell #{cell} has a depth mismatch")]
    DepthMismatch {
        /// BoC index of the cell.
        cell: usize,
    },
    /// A stored lower-level hash differs from the computed one.
    #[error("bag of cells: cell #{cell} has a lower hash mismatch")]
    LowerHashMismatch {
        /// BoC index of the cell.
        cell: usize,
    },
    /// A stored lower-level depth differs from the computed one.
    #[error("bag of cells: cell #{cell} has a lower depth mismatch")]
    LowerDepthMismatch {
        /// BoC index of the cell.
        cell: usize,
    },
    /// A cache bit in the index disagrees with how often the cell is referenced.
    #[error("bag of cells: cell #{cell} has a wrong cache flag {stored}")]
    WrongCacheFlag {
        /// BoC index of the cell.
        cell: usize,
        /// The flag stored in the index.
        stored: bool,
    },
    /// A single-root decode found a root whose level is not zero.
    #[error("bag of cells: the root has a non-zero level")]
    NonZeroLevelRoot,
    /// Nothing to serialize.
    #[error("bag of cells: no root cells to serialize")]
    NoRoots,
    /// Cache bits need an index to live in.
    #[error("bag of cells: cache bits require an index")]
    CacheBitsWithoutIndex,
}
