//! Account initial state:
//!
//! ```text
//! tick_tock$_ tick:Bool tock:Bool = TickTock;
//! _ split_depth:(Maybe (## 5)) special:(Maybe TickTock)
//!   code:(Maybe ^Cell) data:(Maybe ^Cell)
//!   library:(HashmapE 256 SimpleLib) = StateInit;
//! simple_lib$_ public:Bool root:^Cell = SimpleLib;
//! ```
//!
//! Since global version 10 the node calls `split_depth` `fixed_prefix_length`;
//! the layout is unchanged. The node now reads `library` as `Maybe ^Cell`
//! when it validates a message (same bits as the `HashmapE`, but the
//! contents are not checked: a message whose state init carries a malformed
//! library dictionary passes validation and fails only when used), so
//! [`Libraries`] accepts any root and checks it only when its entries are read.

use std::collections::BTreeMap;

use crate::{Cell, CellBuilder, CellSlice, HashBytes};

use super::{build_dict, for_each_dict_entry, load_maybe_ref, store_maybe_ref, Load, Store, TlbError};

/// `TickTock`: which special transactions a masterchain account wants.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct TickTock {
    /// Run a tick transaction at the start of each masterchain block.
    pub tick: bool,
    /// Run a tock transaction at the end of each masterchain block.
    pub tock: bool,
}

impl Load for TickTock {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        Ok(TickTock { tick: slice.load_bit()?, tock: slice.load_bit()? })
    }
}

impl Store for TickTock {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        builder.store_bit(self.tick)?;
        builder.store_bit(self.tock)?;
        Ok(())
    }
}

/// `SimpleLib`: a library cell and whether it is public.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SimpleLib {
    /// Published to the whole masterchain rather than kept private.
    pub public: bool,
    /// The library's root cell.
    pub root: Cell,
}

impl Load for SimpleLib {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        Ok(SimpleLib { public: slice.load_bit()?, root: slice.load_reference()? })
    }
}

impl Store for SimpleLib {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        builder.store_bit(self.public)?;
        builder.store_reference(self.root.clone())?;
        Ok(())
    }
}

/// The library dictionary `HashmapE 256 SimpleLib`, kept as its root cell.
/// Reading a `StateInit` takes the root as it is (see the module notes);
/// [`Libraries::entries`] checks the dictionary.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Libraries {
    root: Option<Cell>,
}

impl Libraries {
    /// Key length (library hashes).
    pub const KEY_BITS: usize = 256;

    /// No libraries.
    pub const fn new() -> Self {
        Libraries { root: None }
    }

    /// Wraps a dictionary root as it is (any cell, as the node accepts).
    pub fn from_root(root: Option<Cell>) -> Self {
        Libraries { root }
    }

    /// Builds the dictionary with the reference's layout. Keys are taken as
    /// given (the node keys libraries by the hash of their root cell).
    pub fn from_entries(entries: &BTreeMap<HashBytes, SimpleLib>) -> Result<Self, TlbError> {
        let mut leaves = Vec::with_capacity(entries.len());
        for (key, lib) in entries {
            let mut value = CellBuilder::new();
            lib.store(&mut value)?;
            leaves.push((key, value));
        }
        Ok(Libraries { root: build_dict(leaves, Self::KEY_BITS)? })
    }

    /// The dictionary root cell (`None` when empty).
    pub fn root(&self) -> Option<&Cell> {
        self.root.as_ref()
    }

    /// Whether there are no libraries.
    pub fn is_empty(&self) -> bool {
        self.root.is_none()
    }

    /// The entries: key -> library. Fails if the root is not a well-formed
    /// `Hashmap 256 SimpleLib`.
    pub fn entries(&self) -> Result<BTreeMap<HashBytes, SimpleLib>, TlbError> {
        let mut out = BTreeMap::new();
        if let Some(root) = &self.root {
            visit(root, &mut |key, lib| {
                out.insert(key, lib);
                Ok(())
            })?;
        }
        Ok(out)
    }
}

fn visit(root: &Cell, f: &mut dyn FnMut(HashBytes, SimpleLib) -> Result<(), TlbError>) -> Result<(), TlbError> {
    for_each_dict_entry(root, Libraries::KEY_BITS, &mut |key, value| {
        let key: HashBytes = key
            .as_bytes()
            .try_into()
            .map_err(|_| TlbError::InvalidData { ty: "StateInit library", reason: "key is not 256 bits" })?;
        f(key, SimpleLib::load(value)?)
    })
}

impl Load for Libraries {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        Ok(Self::from_root(load_maybe_ref(slice)?))
    }
}

impl Store for Libraries {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        store_maybe_ref(builder, self.root.as_ref())
    }
}

/// `StateInit`: code, data and options of a new account.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct StateInit {
    /// `split_depth` (`fixed_prefix_length` since version 10), 0..=31.
    pub split_depth: Option<u8>,
    /// Tick/tock flags of special accounts.
    pub special: Option<TickTock>,
    /// Code cell.
    pub code: Option<Cell>,
    /// Data cell.
    pub data: Option<Cell>,
    /// Libraries.
    pub libraries: Libraries,
}

impl Load for StateInit {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        let split_depth = if slice.load_bit()? { Some(slice.load_uint(5)? as u8) } else { None };
        let special = Option::<TickTock>::load(slice)?;
        let code = load_maybe_ref(slice)?;
        let data = load_maybe_ref(slice)?;
        let libraries = Libraries::load(slice)?;
        Ok(StateInit { split_depth, special, code, data, libraries })
    }
}

impl Store for StateInit {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        match self.split_depth {
            Some(depth) if depth >= 32 => return Err(TlbError::OutOfRange { ty: "StateInit split_depth" }),
            Some(depth) => {
                builder.store_bit(true)?;
                builder.store_uint(depth as u64, 5)?;
            }
            None => {
                builder.store_bit(false)?;
            }
        }
        self.special.store(builder)?;
        store_maybe_ref(builder, self.code.as_ref())?;
        store_maybe_ref(builder, self.data.as_ref())?;
        self.libraries.store(builder)
    }
}
