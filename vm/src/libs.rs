//! Library cells: looking a code cell up by hash in a `HashmapE 256 ^Cell`
//! library collection (the value's first ref is the library's root cell).

use gram_cells::dict::{DictKey, Dictionary, NoGas};
use gram_cells::{Cell, HashBytes};

/// Finds the library whose root hash is `hash` in the collection `root`.
/// Malformed collections and values without a ref count as "not found", as
/// in the reference; lookups are free of gas.
pub fn lookup(root: &Cell, hash: &HashBytes) -> Option<Cell> {
    let dict = Dictionary::with_root(Some(root.clone()), 256).ok()?;
    let key = DictKey::from_bits(hash, 256)?;
    let value = dict.get(&key, &mut NoGas).ok()??;
    let lib = value.preload_reference(0).ok()?;
    (lib.hash() == hash).then_some(lib)
}
