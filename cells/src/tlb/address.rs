//! Message addresses (`block.tlb`):
//!
//! ```text
//! addr_none$00 = MsgAddressExt;
//! addr_extern$01 len:(## 9) external_address:(bits len) = MsgAddressExt;
//! anycast_info$_ depth:(#<= 30) { depth >= 1 } rewrite_pfx:(bits depth) = Anycast;
//! addr_std$10 anycast:(Maybe Anycast) workchain_id:int8 address:bits256 = MsgAddressInt;
//! addr_var$11 anycast:(Maybe Anycast) addr_len:(## 9) workchain_id:int32 address:(bits addr_len) = MsgAddressInt;
//! _ _:MsgAddressInt = MsgAddress;
//! _ _:MsgAddressExt = MsgAddress;
//! ```

use crate::{CellBuilder, CellSlice, HashBytes};

use super::{bits_for, BitString, Load, Store, TlbError};

const TAG_NONE: u64 = 0b00;
const TAG_EXTERN: u64 = 0b01;
const TAG_STD: u64 = 0b10;
const TAG_VAR: u64 = 0b11;

/// Most bits of an `addr_var` or `addr_extern` address (`## 9`).
const MAX_ADDRESS_BITS: usize = 511;

/// `Anycast`: a rewrite prefix of 1..=30 bits.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Anycast {
    depth: u8,
    prefix: u32,
}

impl Anycast {
    /// Longest rewrite prefix.
    pub const MAX_DEPTH: u8 = 30;

    /// A prefix of `depth` bits (1..=30) holding the low `depth` bits of `prefix`.
    pub fn new(depth: u8, prefix: u32) -> Result<Self, TlbError> {
        if depth == 0 || depth > Self::MAX_DEPTH {
            return Err(TlbError::InvalidData { ty: "Anycast", reason: "depth must be in 1..=30" });
        }
        if prefix >> depth != 0 {
            return Err(TlbError::OutOfRange { ty: "Anycast rewrite_pfx" });
        }
        Ok(Anycast { depth, prefix })
    }

    /// Length of the rewrite prefix in bits.
    pub fn depth(&self) -> u8 {
        self.depth
    }

    /// The rewrite prefix, right-aligned.
    pub fn prefix(&self) -> u32 {
        self.prefix
    }
}

impl Load for Anycast {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        let depth = slice.load_uint(bits_for(Self::MAX_DEPTH as usize))? as u8;
        if depth == 0 || depth > Self::MAX_DEPTH {
            return Err(TlbError::InvalidData { ty: "Anycast", reason: "depth must be in 1..=30" });
        }
        let prefix = slice.load_uint(depth as usize)? as u32;
        Ok(Anycast { depth, prefix })
    }
}

impl Store for Anycast {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        builder.store_uint(self.depth as u64, bits_for(Self::MAX_DEPTH as usize))?;
        builder.store_uint(self.prefix as u64, self.depth as usize)?;
        Ok(())
    }
}

/// `addr_std`: an 8-bit workchain and a 256-bit account id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StdAddr {
    /// Optional anycast rewrite prefix.
    pub anycast: Option<Anycast>,
    /// Workchain id (`int8`).
    pub workchain: i8,
    /// Account id.
    pub address: HashBytes,
}

impl StdAddr {
    /// An address without anycast.
    pub const fn new(workchain: i8, address: HashBytes) -> Self {
        StdAddr { anycast: None, workchain, address }
    }

    /// Reads the fields after the `$10` tag.
    fn load_body(slice: &mut CellSlice) -> Result<Self, TlbError> {
        let anycast = Option::<Anycast>::load(slice)?;
        let workchain = slice.load_int(8)? as i8;
        let address = slice.load_u256()?;
        Ok(StdAddr { anycast, workchain, address })
    }
}

impl Load for StdAddr {
    /// Reads an `addr_std`; other address kinds are an invalid tag.
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        match slice.load_uint(2)? {
            TAG_STD => Self::load_body(slice),
            tag => Err(TlbError::InvalidTag { ty: "addr_std", tag }),
        }
    }
}

impl Store for StdAddr {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        builder.store_uint(TAG_STD, 2)?;
        self.anycast.store(builder)?;
        builder.store_int(self.workchain as i64, 8)?;
        builder.store_u256(&self.address)?;
        Ok(())
    }
}

/// `addr_var`: a 32-bit workchain and an account id of up to 511 bits.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct VarAddr {
    /// Optional anycast rewrite prefix.
    pub anycast: Option<Anycast>,
    /// Workchain id (`int32`).
    pub workchain: i32,
    /// Account id (at most 511 bits).
    pub address: BitString,
}

impl VarAddr {
    fn load_body(slice: &mut CellSlice) -> Result<Self, TlbError> {
        let anycast = Option::<Anycast>::load(slice)?;
        let addr_len = slice.load_uint(9)? as usize;
        let workchain = slice.load_int(32)? as i32;
        let address = BitString::load(slice, addr_len)?;
        Ok(VarAddr { anycast, workchain, address })
    }
}

impl Store for VarAddr {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        if self.address.bit_len() > MAX_ADDRESS_BITS {
            return Err(TlbError::OutOfRange { ty: "addr_var address" });
        }
        builder.store_uint(TAG_VAR, 2)?;
        self.anycast.store(builder)?;
        builder.store_uint(self.address.bit_len() as u64, 9)?;
        builder.store_int(self.workchain as i64, 32)?;
        self.address.store(builder)
    }
}

/// `addr_extern`: up to 511 bits naming something outside the chain.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ExtAddr {
    /// The external address bits (at most 511).
    pub address: BitString,
}

impl ExtAddr {
    fn load_body(slice: &mut CellSlice) -> Result<Self, TlbError> {
        let len = slice.load_uint(9)? as usize;
        Ok(ExtAddr { address: BitString::load(slice, len)? })
    }
}

impl Store for ExtAddr {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        if self.address.bit_len() > MAX_ADDRESS_BITS {
            return Err(TlbError::OutOfRange { ty: "addr_extern address" });
        }
        builder.store_uint(TAG_EXTERN, 2)?;
        builder.store_uint(self.address.bit_len() as u64, 9)?;
        self.address.store(builder)
    }
}

/// `MsgAddressInt`: an address on the chain.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum MsgAddressInt {
    /// `addr_std`.
    Std(StdAddr),
    /// `addr_var`.
    Var(VarAddr),
}

impl Load for MsgAddressInt {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        match slice.load_uint(2)? {
            TAG_STD => Ok(MsgAddressInt::Std(StdAddr::load_body(slice)?)),
            TAG_VAR => Ok(MsgAddressInt::Var(VarAddr::load_body(slice)?)),
            tag => Err(TlbError::InvalidTag { ty: "MsgAddressInt", tag }),
        }
    }
}

impl Store for MsgAddressInt {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        match self {
            MsgAddressInt::Std(a) => a.store(builder),
            MsgAddressInt::Var(a) => a.store(builder),
        }
    }
}

impl From<StdAddr> for MsgAddressInt {
    fn from(a: StdAddr) -> Self {
        MsgAddressInt::Std(a)
    }
}

impl From<VarAddr> for MsgAddressInt {
    fn from(a: VarAddr) -> Self {
        MsgAddressInt::Var(a)
    }
}

/// `MsgAddressExt`: no address, or an external one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum MsgAddressExt {
    /// `addr_none`.
    #[default]
    None,
    /// `addr_extern`.
    Extern(ExtAddr),
}

impl Load for MsgAddressExt {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        match slice.load_uint(2)? {
            TAG_NONE => Ok(MsgAddressExt::None),
            TAG_EXTERN => Ok(MsgAddressExt::Extern(ExtAddr::load_body(slice)?)),
            tag => Err(TlbError::InvalidTag { ty: "MsgAddressExt", tag }),
        }
    }
}

impl Store for MsgAddressExt {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        match self {
            MsgAddressExt::None => {
                builder.store_uint(TAG_NONE, 2)?;
                Ok(())
            }
            MsgAddressExt::Extern(a) => a.store(builder),
        }
    }
}

impl From<ExtAddr> for MsgAddressExt {
    fn from(a: ExtAddr) -> Self {
        MsgAddressExt::Extern(a)
    }
}

/// `MsgAddress`: any of the four address kinds.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum MsgAddress {
    /// `addr_none`.
    #[default]
    None,
    /// `addr_extern`.
    Extern(ExtAddr),
    /// `addr_std`.
    Std(StdAddr),
    /// `addr_var`.
    Var(VarAddr),
}

impl MsgAddress {
    /// The address as a `MsgAddressInt`, if it is one.
    pub fn as_int(&self) -> Option<MsgAddressInt> {
        match self {
            MsgAddress::Std(a) => Some(MsgAddressInt::Std(a.clone())),
            MsgAddress::Var(a) => Some(MsgAddressInt::Var(a.clone())),
            MsgAddress::None | MsgAddress::Extern(_) => None,
        }
    }
}

impl Load for MsgAddress {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        Ok(match slice.load_uint(2)? {
            TAG_NONE => MsgAddress::None,
            TAG_EXTERN => MsgAddress::Extern(ExtAddr::load_body(slice)?),
            TAG_STD => MsgAddress::Std(StdAddr::load_body(slice)?),
            _ => MsgAddress::Var(VarAddr::load_body(slice)?),
        })
    }
}

impl Store for MsgAddress {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        match self {
            MsgAddress::None => MsgAddressExt::None.store(builder),
            MsgAddress::Extern(a) => a.store(builder),
            MsgAddress::Std(a) => a.store(builder),
            MsgAddress::Var(a) => a.store(builder),
        }
    }
}

impl From<MsgAddressInt> for MsgAddress {
    fn from(a: MsgAddressInt) -> Self {
        match a {
            MsgAddressInt::Std(a) => MsgAddress::Std(a),
            MsgAddressInt::Var(a) => MsgAddress::Var(a),
        }
    }
}

impl From<MsgAddressExt> for MsgAddress {
    fn from(a: MsgAddressExt) -> Self {
        match a {
            MsgAddressExt::None => MsgAddress::None,
            MsgAddressExt::Extern(a) => MsgAddress::Extern(a),
        }
    }
}

impl From<StdAddr> for MsgAddress {
    fn from(a: StdAddr) -> Self {
        MsgAddress::Std(a)
    }
}
