//! Output actions, the list a contract leaves in register c5:
//!
//! ```text
//! out_list_empty$_ = OutList 0;
//! out_list$_ {n:#} prev:^(OutList n) action:OutAction = OutList (n + 1);
//! action_send_msg#0ec3c86d mode:(## 8) out_msg:^(MessageRelaxed Any) = OutAction;
//! action_set_code#ad4de08e new_code:^Cell = OutAction;
//! action_reserve_currency#36e6b809 mode:(## 8) currency:CurrencyCollection = OutAction;
//! libref_hash$0 lib_hash:bits256 = LibRef;
//! libref_ref$1 library:^Cell = LibRef;
//! action_change_library#26fa1dd4 mode:(## 7) libref:LibRef = OutAction;
//! ```
//!
//! Older `block.tlb` texts add `{ mode <= 2 }` to `action_change_library`;
//! the node no longer has that constraint (mode +16 means "bounce on
//! failure") and checks the mode when it runs the action, so any 7-bit mode
//! reads here, as it passes the node's validation of the list.

use crate::{Cell, CellBuilder, CellSlice, HashBytes};

use super::{load_ref, ordinary_slice, store_ref, CurrencyCollection, Load, MessageRelaxed, Store, TlbError};

const TAG_SEND_MSG: u32 = 0x0ec3c86d;
const TAG_SET_CODE: u32 = 0xad4de08e;
const TAG_RESERVE_CURRENCY: u32 = 0x36e6b809;
const TAG_CHANGE_LIBRARY: u32 = 0x26fa1dd4;

/// `action_change_library` modes are 7 bits.
const CHANGE_LIBRARY_MODE_BITS: usize = 7;

/// `LibRef`: a library named by hash or given as a cell.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum LibRef {
    /// `libref_hash$0`: the hash of the library's root cell.
    Hash(HashBytes),
    /// `libref_ref$1`: the library's root cell itself.
    Cell(Cell),
}

impl Load for LibRef {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        Ok(if slice.load_bit()? { LibRef::Cell(slice.load_reference()?) } else { LibRef::Hash(slice.load_u256()?) })
    }
}

impl Store for LibRef {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        match self {
            LibRef::Hash(hash) => {
                builder.store_bit(false)?;
                builder.store_u256(hash)?;
            }
            LibRef::Cell(cell) => {
                builder.store_bit(true)?;
                builder.store_reference(cell.clone())?;
            }
        }
        Ok(())
    }
}

/// `OutAction`: one output action.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum OutAction {
    /// `action_send_msg`: send a message (`SENDRAWMSG`).
    SendMsg {
        /// Send mode flags.
        mode: u8,
        /// The message (kept in its own cell, `^(MessageRelaxed Any)`).
        out_msg: Box<MessageRelaxed>,
    },
    /// `action_set_code`: replace the account's code (`SETCODE`).
    SetCode {
        /// The new code cell.
        new_code: Cell,
    },
    /// `action_reserve_currency`: keep an amount on the account (`RAWRESERVE`).
    ReserveCurrency {
        /// Reserve mode flags.
        mode: u8,
        /// The amount.
        currency: CurrencyCollection,
    },
    /// `action_change_library`: add or remove a library (`SETLIBCODE`, `CHANGELIB`).
    ChangeLibrary {
        /// 0 = remove, 1 = add private, 2 = add public, +16 = bounce on failure (7 bits).
        mode: u8,
        /// The library.
        libref: LibRef,
    },
}

impl Load for OutAction {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        match slice.load_u32()? {
            TAG_SEND_MSG => {
                let mode = slice.load_u8()?;
                let out_msg = Box::new(load_ref(slice)?);
                Ok(OutAction::SendMsg { mode, out_msg })
            }
            TAG_SET_CODE => Ok(OutAction::SetCode { new_code: slice.load_reference()? }),
            TAG_RESERVE_CURRENCY => {
                let mode = slice.load_u8()?;
                let currency = CurrencyCollection::load(slice)?;
                Ok(OutAction::ReserveCurrency { mode, currency })
            }
            TAG_CHANGE_LIBRARY => {
                let mode = slice.load_uint(CHANGE_LIBRARY_MODE_BITS)? as u8;
                let libref = LibRef::load(slice)?;
                Ok(OutAction::ChangeLibrary { mode, libref })
            }
            tag => Err(TlbError::InvalidTag { ty: "OutAction", tag: tag as u64 }),
        }
    }
}

impl Store for OutAction {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        match self {
            OutAction::SendMsg { mode, out_msg } => {
                builder.store_u32(TAG_SEND_MSG)?;
                builder.store_u8(*mode)?;
                store_ref(builder, out_msg.as_ref())
            }
            OutAction::SetCode { new_code } => {
                builder.store_u32(TAG_SET_CODE)?;
                builder.store_reference(new_code.clone())?;
                Ok(())
            }
            OutAction::ReserveCurrency { mode, currency } => {
                builder.store_u32(TAG_RESERVE_CURRENCY)?;
                builder.store_u8(*mode)?;
                currency.store(builder)
            }
            OutAction::ChangeLibrary { mode, libref } => {
                if *mode as usize >> CHANGE_LIBRARY_MODE_BITS != 0 {
                    return Err(TlbError::OutOfRange { ty: "action_change_library mode" });
                }
                builder.store_u32(TAG_CHANGE_LIBRARY)?;
                builder.store_uint(*mode as u64, CHANGE_LIBRARY_MODE_BITS)?;
                libref.store(builder)
            }
        }
    }
}

/// `OutList n`: the actions in the order the contract made them (the first
/// action is the deepest node of the list; the list cell holds the last).
///
/// Reading follows the node's action phase: a node with no bits and no refs
/// ends the list; any other node needs a `prev` ref and must hold exactly
/// one action. The node's limit on the number of actions (config param 43,
/// 255 by default) is the executor's business, not checked here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct OutList {
    /// The actions, first made first.
    pub actions: Vec<OutAction>,
}

impl OutList {
    /// Reads the list in a c5 cell.
    pub fn from_cell(cell: &Cell) -> Result<Self, TlbError> {
        Self::load_from_cell(cell)
    }
}

impl Load for OutList {
    /// Reads the list whose head node is the rest of `slice`; the slice is
    /// consumed whole.
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        let mut actions = Vec::new();
        let mut node = slice.clone();
        slice.skip_bits(slice.remaining_bits())?;
        slice.skip_refs(slice.remaining_refs())?;
        // Walk from the head (last action) down; the depth limit of cells bounds the loop.
        while !node.is_empty() {
            if node.remaining_refs() == 0 {
                return Err(TlbError::InvalidData { ty: "OutList", reason: "node has data but no prev reference" });
            }
            let prev = node.load_reference()?;
            actions.push(OutAction::load(&mut node)?);
            if !node.is_empty() {
                return Err(TlbError::TrailingData { ty: "OutList" });
            }
            node = ordinary_slice(&prev, "OutList")?;
        }
        actions.reverse();
        Ok(OutList { actions })
    }
}

impl Store for OutList {
    /// Writes the head node (the last action with a ref to the rest).
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        let Some((last, earlier)) = self.actions.split_last() else {
            return Ok(());
        };
        let mut prev = Cell::empty();
        for action in earlier {
            let mut node = CellBuilder::new();
            node.store_reference(prev)?;
            action.store(&mut node)?;
            prev = node.build()?;
        }
        builder.store_reference(prev)?;
        last.store(builder)
    }
}
