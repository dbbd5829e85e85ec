//! Bag-of-cells codec, bit-exact with the reference node (`crypto/vm/boc.cpp`).
//!
//! Decoding accepts and rejects exactly what the reference does: every flag
//! combination (index, CRC32C, cache bits), the two legacy magics, multiple
//! roots, cells stored with hashes (which are verified), trailing bytes.
//! Encoding writes the reference serializer's canonical layout byte for byte.
//!
//! ```
//! use gram_cells::boc::{self, EncodeMode};
//! use gram_cells::CellBuilder;
//!
//! let mut b = CellBuilder::new();
//! b.store_u32(0xCAFE).unwrap();
//! let cell = b.build().unwrap();
//! let bytes = boc::encode(&cell, EncodeMode { crc32c: true, ..EncodeMode::PLAIN }).unwrap();
//! assert_eq!(boc::decode_single(&bytes).unwrap().hash(), cell.hash());
//! ```

mod decode;
mod encode;
mod error;
mod header;

pub use decode::{decode, decode_single, decode_with_max_roots, DEFAULT_MAX_ROOTS};
pub use encode::{encode, encode_many, EncodeMode};
pub use error::BocError;
