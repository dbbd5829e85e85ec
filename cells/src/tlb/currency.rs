//! Currency collections:
//!
//! ```text
//! extra_currencies$_ dict:(HashmapE 32 (VarUInteger 32)) = ExtraCurrencyCollection;
//! currencies$_ grams:Grams other:ExtraCurrencyCollection = CurrencyCollection;
//! ```

use std::collections::BTreeMap;

use num_bigint::BigUint;

use crate::{Cell, CellBuilder, CellSlice};

use super::{build_dict, for_each_dict_entry, Coins, Load, Store, TlbError, VarUint};

/// The extra-currency dictionary `HashmapE 32 (VarUInteger 32)`, kept as
/// its root cell (so it re-serialises bit for bit); the root is checked
/// to be a well-formed dictionary whenever one is made or read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ExtraCurrencies {
    root: Option<Cell>,
}

impl ExtraCurrencies {
    /// Key length of the dictionary (currency ids are `uint32`).
    pub const KEY_BITS: usize = 32;

    /// No extra currencies.
    pub const fn new() -> Self {
        ExtraCurrencies { root: None }
    }

    /// Wraps an existing dictionary root after checking its structure.
    pub fn from_root(root: Option<Cell>) -> Result<Self, TlbError> {
        if let Some(root) = &root {
            visit(root, &mut |_, _| Ok(()))?;
        }
        Ok(ExtraCurrencies { root })
    }

    /// Builds the dictionary, with the reference's layout, from currency
    /// ids and amounts (amounts must be below 2^248; zero amounts are kept).
    pub fn from_entries(entries: &BTreeMap<u32, BigUint>) -> Result<Self, TlbError> {
        let mut leaves = Vec::with_capacity(entries.len());
        for (id, amount) in entries {
            let mut value = CellBuilder::new();
            VarUint::<32>(amount.clone()).store(&mut value)?;
            leaves.push((id.to_be_bytes(), value));
        }
        Ok(ExtraCurrencies { root: build_dict(leaves, Self::KEY_BITS)? })
    }

    /// The dictionary root cell (`None` when empty).
    pub fn root(&self) -> Option<&Cell> {
        self.root.as_ref()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.root.is_none()
    }

    /// The entries: currency id -> amount.
    pub fn entries(&self) -> Result<BTreeMap<u32, BigUint>, TlbError> {
        let mut out = BTreeMap::new();
        if let Some(root) = &self.root {
            visit(root, &mut |id, amount| {
                out.insert(id, amount);
                Ok(())
            })?;
        }
        Ok(out)
    }
}

/// Reads every entry of an extra-currency dictionary.
fn visit(root: &Cell, f: &mut dyn FnMut(u32, BigUint) -> Result<(), TlbError>) -> Result<(), TlbError> {
    for_each_dict_entry(root, ExtraCurrencies::KEY_BITS, &mut |key, value| {
        let id = u32::from_be_bytes(
            key.as_bytes()
                .try_into()
                .map_err(|_| TlbError::InvalidData { ty: "ExtraCurrencyCollection", reason: "key is not 32 bits" })?,
        );
        f(id, VarUint::<32>::load(value)?.0)
    })
}

impl Load for ExtraCurrencies {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        let root = if slice.load_bit()? { Some(slice.load_reference()?) } else { None };
        Self::from_root(root)
    }
}

impl Store for ExtraCurrencies {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        super::store_maybe_ref(builder, self.root.as_ref())
    }
}

/// `CurrencyCollection`: nanotons plus extra currencies.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct CurrencyCollection {
    /// Amount in nanotons.
    pub grams: Coins,
    /// Extra currencies.
    pub other: ExtraCurrencies,
}

impl CurrencyCollection {
    /// Nanotons only.
    pub const fn from_grams(grams: Coins) -> Self {
        CurrencyCollection { grams, other: ExtraCurrencies::new() }
    }
}

impl Load for CurrencyCollection {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        let grams = Coins::load(slice)?;
        let other = ExtraCurrencies::load(slice)?;
        Ok(CurrencyCollection { grams, other })
    }
}

impl Store for CurrencyCollection {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        self.grams.store(builder)?;
        self.other.store(builder)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_round_trip() {
        let mut map = BTreeMap::new();
        map.insert(0u32, BigUint::from(0u32));
        map.insert(7, BigUint::from(1_000_000u32));
        map.insert(u32::MAX, (BigUint::from(1u32) << 247u32) + 5u32);
        let extra = ExtraCurrencies::from_entries(&map).unwrap();
        assert_eq!(extra.entries().unwrap(), map);
        let value = CurrencyCollection { grams: Coins(5), other: extra };
        let cell = value.to_cell().unwrap();
        assert_eq!(CurrencyCollection::load_from_cell(&cell).unwrap(), value);
    }

    #[test]
    fn amount_too_large() {
        let mut map = BTreeMap::new();
        map.insert(1u32, BigUint::from(1u32) << 248u32);
        assert_eq!(ExtraCurrencies::from_entries(&map), Err(TlbError::OutOfRange { ty: "VarUInteger" }));
    }
}
