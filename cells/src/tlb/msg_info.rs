//! Message headers:
//!
//! ```text
//! int_msg_info$0 ihr_disabled:Bool bounce:Bool bounced:Bool
//!   src:MsgAddressInt dest:MsgAddressInt
//!   value:CurrencyCollection extra_flags:(VarUInteger 16) fwd_fee:Grams
//!   created_lt:uint64 created_at:uint32 = CommonMsgInfo;
//! ext_in_msg_info$10 src:MsgAddressExt dest:MsgAddressInt
//!   import_fee:Grams = CommonMsgInfo;
//! ext_out_msg_info$11 src:MsgAddressInt dest:MsgAddressExt
//!   created_lt:uint64 created_at:uint32 = CommonMsgInfo;
//!
//! int_msg_info$0 ihr_disabled:Bool bounce:Bool bounced:Bool
//!   src:MsgAddress dest:MsgAddressInt
//!   value:CurrencyCollection extra_flags:(VarUInteger 16) fwd_fee:Grams
//!   created_lt:uint64 created_at:uint32 = CommonMsgInfoRelaxed;
//! ext_out_msg_info$11 src:MsgAddress dest:MsgAddressExt
//!   created_lt:uint64 created_at:uint32 = CommonMsgInfoRelaxed;
//! ```
//!
//! `extra_flags` was `ihr_fee:Grams` before global version 12 (same layout).

use crate::{CellBuilder, CellSlice};

use super::{Coins, CurrencyCollection, Load, MsgAddress, MsgAddressExt, MsgAddressInt, Store, TlbError};

/// `int_msg_info`: a message between accounts. `S` is the source address
/// type: `MsgAddressInt` in `CommonMsgInfo`, `MsgAddress` in
/// `CommonMsgInfoRelaxed` (an outbound action may leave it empty; the node
/// fills it in).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct IntMsgInfo<S = MsgAddressInt> {
    /// Instant hypercube routing disabled (always set by the node since version 11).
    pub ihr_disabled: bool,
    /// Bounce the message back if processing fails.
    pub bounce: bool,
    /// The message is itself a bounce.
    pub bounced: bool,
    /// Sender.
    pub src: S,
    /// Receiver.
    pub dest: MsgAddressInt,
    /// Attached value.
    pub value: CurrencyCollection,
    /// `extra_flags:(VarUInteger 16)` (the former `ihr_fee:Grams`).
    pub extra_flags: Coins,
    /// Forwarding fee.
    pub fwd_fee: Coins,
    /// Logical time of creation.
    pub created_lt: u64,
    /// Unix time of creation.
    pub created_at: u32,
}

/// `int_msg_info` of `CommonMsgInfoRelaxed`.
pub type IntMsgInfoRelaxed = IntMsgInfo<MsgAddress>;

impl<S: Load> IntMsgInfo<S> {
    /// Reads the fields after the `$0` tag.
    fn load_body(slice: &mut CellSlice) -> Result<Self, TlbError> {
        Ok(IntMsgInfo {
            ihr_disabled: slice.load_bit()?,
            bounce: slice.load_bit()?,
            bounced: slice.load_bit()?,
            src: S::load(slice)?,
            dest: MsgAddressInt::load(slice)?,
            value: CurrencyCollection::load(slice)?,
            extra_flags: Coins::load(slice)?,
            fwd_fee: Coins::load(slice)?,
            created_lt: slice.load_u64()?,
            created_at: slice.load_u32()?,
        })
    }
}

impl<S: Store> Store for IntMsgInfo<S> {
    /// Writes the header, `$0` tag included.
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        builder.store_bit(false)?;
        builder.store_bit(self.ihr_disabled)?;
        builder.store_bit(self.bounce)?;
        builder.store_bit(self.bounced)?;
        self.src.store(builder)?;
        self.dest.store(builder)?;
        self.value.store(builder)?;
        self.extra_flags.store(builder)?;
        self.fwd_fee.store(builder)?;
        builder.store_u64(self.created_lt)?;
        builder.store_u32(self.created_at)?;
        Ok(())
    }
}

/// `ext_out_msg_info`: a message from an account to the outside. `S` as
/// for [`IntMsgInfo`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExtOutMsgInfo<S = MsgAddressInt> {
    /// Sender.
    pub src: S,
    /// External receiver (or none).
    pub dest: MsgAddressExt,
    /// Logical time of creation.
    pub created_lt: u64,
    /// Unix time of creation.
    pub created_at: u32,
}

/// `ext_out_msg_info` of `CommonMsgInfoRelaxed`.
pub type ExtOutMsgInfoRelaxed = ExtOutMsgInfo<MsgAddress>;

impl<S: Load> ExtOutMsgInfo<S> {
    /// Reads the fields after the `$11` tag.
    fn load_body(slice: &mut CellSlice) -> Result<Self, TlbError> {
        Ok(ExtOutMsgInfo {
            src: S::load(slice)?,
            dest: MsgAddressExt::load(slice)?,
            created_lt: slice.load_u64()?,
            created_at: slice.load_u32()?,
        })
    }
}

impl<S: Store> Store for ExtOutMsgInfo<S> {
    /// Writes the header, `$11` tag included.
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        builder.store_uint(0b11, 2)?;
        self.src.store(builder)?;
        self.dest.store(builder)?;
        builder.store_u64(self.created_lt)?;
        builder.store_u32(self.created_at)?;
        Ok(())
    }
}

/// `ext_in_msg_info`: a message from outside to an account.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExtInMsgInfo {
    /// External sender (or none).
    pub src: MsgAddressExt,
    /// Receiver.
    pub dest: MsgAddressInt,
    /// Import fee.
    pub import_fee: Coins,
}

impl Store for ExtInMsgInfo {
    /// Writes the header, `$10` tag included.
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        builder.store_uint(0b10, 2)?;
        self.src.store(builder)?;
        self.dest.store(builder)?;
        self.import_fee.store(builder)
    }
}

/// `CommonMsgInfo`: the header of a message in a block.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CommonMsgInfo {
    /// `int_msg_info$0`.
    Int(IntMsgInfo),
    /// `ext_in_msg_info$10`.
    ExtIn(ExtInMsgInfo),
    /// `ext_out_msg_info$11`.
    ExtOut(ExtOutMsgInfo),
}

impl Load for CommonMsgInfo {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        if !slice.load_bit()? {
            return Ok(CommonMsgInfo::Int(IntMsgInfo::load_body(slice)?));
        }
        if !slice.load_bit()? {
            let src = MsgAddressExt::load(slice)?;
            let dest = MsgAddressInt::load(slice)?;
            let import_fee = Coins::load(slice)?;
            return Ok(CommonMsgInfo::ExtIn(ExtInMsgInfo { src, dest, import_fee }));
        }
        Ok(CommonMsgInfo::ExtOut(ExtOutMsgInfo::load_body(slice)?))
    }
}

impl Store for CommonMsgInfo {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        match self {
            CommonMsgInfo::Int(info) => info.store(builder),
            CommonMsgInfo::ExtIn(info) => info.store(builder),
            CommonMsgInfo::ExtOut(info) => info.store(builder),
        }
    }
}

/// `CommonMsgInfoRelaxed`: the header of a message in an output action.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CommonMsgInfoRelaxed {
    /// `int_msg_info$0`.
    Int(IntMsgInfoRelaxed),
    /// `ext_out_msg_info$11`.
    ExtOut(ExtOutMsgInfoRelaxed),
}

impl Load for CommonMsgInfoRelaxed {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        if !slice.load_bit()? {
            return Ok(CommonMsgInfoRelaxed::Int(IntMsgInfoRelaxed::load_body(slice)?));
        }
        if !slice.load_bit()? {
            return Err(TlbError::InvalidTag { ty: "CommonMsgInfoRelaxed", tag: 0b10 });
        }
        Ok(CommonMsgInfoRelaxed::ExtOut(ExtOutMsgInfoRelaxed::load_body(slice)?))
    }
}

impl Store for CommonMsgInfoRelaxed {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        match self {
            CommonMsgInfoRelaxed::Int(info) => info.store(builder),
            CommonMsgInfoRelaxed::ExtOut(info) => info.store(builder),
        }
    }
}
