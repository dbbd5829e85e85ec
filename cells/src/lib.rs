//! gram-cells: TON cells, builders and slices, exotic cells, the
//! bag-of-cells codec, dictionaries and TL-B core types, bit-exact with the
//! reference node.
//!
//! ```
//! use gram_cells::CellBuilder;
//! let mut b = CellBuilder::new();
//! b.store_u32(0xDEADBEEF).unwrap();
//! let cell = b.build().unwrap();
//! assert_eq!(cell.bit_len(), 32);
//! let mut s = cell.as_slice();
//! assert_eq!(s.load_u32().unwrap(), 0xDEADBEEF);
//! ```

pub mod bits;
pub mod boc;
mod builder;
mod cell;
pub mod dict;
mod error;
mod sha256_lanes;
mod sha256_pair;
mod slab;
mod slice;
pub mod tlb;

pub use builder::CellBuilder;
pub use cell::DATA_SLACK;
pub use cell::{Cell, CellType, HashBytes, LevelMask, MAX_BITS, MAX_DEPTH, MAX_LEVEL, MAX_REFS};
pub use error::{CellError, CellResult};
pub use sha256_pair::sha256;
pub use slice::{bits_to_tagged_hex, parse_tagged_hex, sign_extend, CellSlice};

/// Benchmark hook: SHA-256 of an already padded message. Not a public API.
#[doc(hidden)]
pub fn __bench_sha256_padded(msg: &[u8]) -> [u8; 32] {
    sha256_pair::sha256_padded(msg)
}

/// Benchmark hook: SHA-256 of two already padded messages. Not a public API.
#[doc(hidden)]
pub fn __bench_sha256_padded_pair(a: &[u8], b: &[u8]) -> ([u8; 32], [u8; 32]) {
    sha256_pair::sha256_padded_pair(a, b)
}

/// Benchmark hook: SHA-256 of unpadded messages (each at most 311 bytes)
/// through the many-lane hasher, digests in order. Not a public API.
#[doc(hidden)]
pub fn __bench_sha256_lanes(msgs: &[&[u8]], digests: &mut [[u8; 32]]) {
    let mut hasher = sha256_lanes::LaneHasher::<usize>::new();
    let mut done = |i: usize, digest: [u8; 32]| digests[i] = digest;
    for (i, msg) in msgs.iter().enumerate() {
        hasher.push(
            i,
            |buf| {
                buf[..msg.len()].copy_from_slice(msg);
                sha256_pair::pad_in_place(buf, msg.len())
            },
            &mut done,
        );
    }
    hasher.flush(&mut done);
}
