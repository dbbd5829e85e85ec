//! Dictionaries (`HashmapE n X`) and prefix-code dictionaries
//! (`PfxHashmapE n X`) with the reference's exact cell layout.
//!
//! Every operation follows the reference's `crypto/vm/dict.cpp`: the same
//! label encodings (the shortest one, ties broken the same way), the same
//! tree shape, and the same cells loaded and created in the same order. So a
//! dictionary built from the same operations has the same root hash, and a
//! [`CellContext`] sees exactly the loads and creations the reference's VM
//! charges gas for.
//!
//! ```
//! use gram_cells::dict::{DictKey, DictValue, Dictionary, GasCounter, SetMode};
//! use gram_cells::CellBuilder;
//!
//! let mut dict = Dictionary::new(32).unwrap();
//! let mut gas = GasCounter::new();
//! let value = {
//!     let mut b = CellBuilder::new();
//!     b.store_u8(7).unwrap();
//!     b.build().unwrap().as_slice()
//! };
//! let key = DictKey::from_uint(1000, 32).unwrap();
//! dict.set(&key, DictValue::Slice(&value), SetMode::Set, &mut gas).unwrap();
//! assert_eq!(gas.creates, 1);
//! let found = dict.get(&key, &mut gas).unwrap().unwrap();
//! assert_eq!(found.preload_uint(8).unwrap(), 7);
//! assert_eq!(gas.gas(), 500 + 100);
//! ```

mod context;
mod dictionary;
mod error;
mod iter;
mod key;
mod label;
mod node;
mod order;
mod prefix;

pub use context::{require_ordinary, CellContext, GasCounter, NoGas, CELL_CREATE_GAS, CELL_LOAD_GAS, CELL_RELOAD_GAS};
pub use dictionary::{Dictionary, SetMode, SetOutcome};
pub use error::{DictError, DictResult};
pub use iter::DictIter;
pub use key::DictKey;
pub use node::{value_to_ref, DictValue};
pub use prefix::PrefixDictionary;
