//! Variable-length integers:
//!
//! ```text
//! var_uint$_ {n:#} len:(#< n) value:(uint (len * 8)) = VarUInteger n;
//! var_int$_ {n:#} len:(#< n) value:(int (len * 8)) = VarInteger n;
//! nanograms$_ amount:(VarUInteger 16) = Grams;
//! ```
//!
//! Reading accepts any byte length below `n` (leading zero bytes included,
//! as the reference's TL-B does); writing always uses the shortest length,
//! as the reference's serialisers (and the TVM's `STVARUINT*`) do.

use num_bigint::{BigInt, BigUint, Sign};

use crate::{CellBuilder, CellSlice};

use super::{bits_for, Load, Store, TlbError};

/// `Grams` / `Coins` (`VarUInteger 16`): an amount below 2^120.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Coins(pub u128);

impl Coins {
    /// The largest amount that fits (2^120 - 1).
    pub const MAX: Coins = Coins((1u128 << 120) - 1);
    /// Zero.
    pub const ZERO: Coins = Coins(0);
}

impl Load for Coins {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        Ok(Coins(slice.load_coins()?))
    }
}

impl Store for Coins {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        if *self > Self::MAX {
            return Err(TlbError::OutOfRange { ty: "Coins" });
        }
        builder.store_coins(self.0)?;
        Ok(())
    }
}

impl From<u128> for Coins {
    fn from(value: u128) -> Self {
        Coins(value)
    }
}

/// `VarUInteger N`: an unsigned integer of at most `N - 1` bytes behind a
/// byte-length prefix of `bits_for(N - 1)` bits.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VarUint<const N: usize>(pub BigUint);

impl<const N: usize> VarUint<N> {
    /// Bits of the length prefix.
    pub const LEN_BITS: usize = bits_for(N.saturating_sub(1));
}

impl<const N: usize> Load for VarUint<N> {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        let len = slice.load_uint(Self::LEN_BITS)? as usize;
        if len >= N {
            return Err(TlbError::InvalidData { ty: "VarUInteger", reason: "length prefix must be below n" });
        }
        Ok(VarUint(slice.load_big_uint(len * 8)?))
    }
}

impl<const N: usize> Store for VarUint<N> {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        let len = (self.0.bits() as usize).div_ceil(8);
        if len >= N {
            return Err(TlbError::OutOfRange { ty: "VarUInteger" });
        }
        builder.store_uint(len as u64, Self::LEN_BITS)?;
        builder.store_big_uint(&self.0, len * 8)?;
        Ok(())
    }
}

/// `VarInteger N`: a signed integer of at most `N - 1` bytes behind a
/// byte-length prefix of `bits_for(N - 1)` bits.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VarInt<const N: usize>(pub BigInt);

impl<const N: usize> VarInt<N> {
    /// Bits of the length prefix.
    pub const LEN_BITS: usize = bits_for(N.saturating_sub(1));
}

/// Bits a two's complement encoding of `value` needs, sign bit included (0 for zero).
fn signed_bit_len(value: &BigInt) -> usize {
    match value.sign() {
        Sign::NoSign => 0,
        Sign::Plus => value.bits() as usize + 1,
        // -2^k needs k + 1 bits: count the bits of |value| - 1.
        Sign::Minus => (value.magnitude() - 1u32).bits() as usize + 1,
    }
}

impl<const N: usize> Load for VarInt<N> {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        let len = slice.load_uint(Self::LEN_BITS)? as usize;
        if len >= N {
            return Err(TlbError::InvalidData { ty: "VarInteger", reason: "length prefix must be below n" });
        }
        Ok(VarInt(slice.load_big_int(len * 8)?))
    }
}

impl<const N: usize> Store for VarInt<N> {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        let len = signed_bit_len(&self.0).div_ceil(8);
        if len >= N {
            return Err(TlbError::OutOfRange { ty: "VarInteger" });
        }
        builder.store_uint(len as u64, Self::LEN_BITS)?;
        builder.store_big_int(&self.0, len * 8)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_lengths() {
        let len = |v: i64| signed_bit_len(&BigInt::from(v));
        assert_eq!(len(0), 0);
        assert_eq!(len(-1), 1);
        assert_eq!(len(1), 2);
        assert_eq!(len(127), 8);
        assert_eq!(len(128), 9);
        assert_eq!(len(-128), 8);
        assert_eq!(len(-129), 9);
    }

    #[test]
    fn prefix_widths() {
        assert_eq!(VarUint::<16>::LEN_BITS, 4);
        assert_eq!(VarUint::<32>::LEN_BITS, 5);
        assert_eq!(VarUint::<7>::LEN_BITS, 3);
        assert_eq!(VarInt::<3>::LEN_BITS, 2);
    }
}
