//! Temporary i128-backed stand-in for the real Int257 (replaced by the
//! Int257 work before merge into a release); same API names.
use gram_cells::{CellBuilder, CellError, CellSlice};
use std::fmt;

#[derive(Copy, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Int257(i128);

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Rounding {
    Floor,
    Nearest,
    Ceil,
}

impl Int257 {
    pub const ZERO: Int257 = Int257(0);
    pub const ONE: Int257 = Int257(1);
    pub const MINUS_ONE: Int257 = Int257(-1);
    pub const MAX: Int257 = Int257(i128::MAX);
    pub const MIN: Int257 = Int257(i128::MIN);
    pub fn shl(&self, n: u32) -> Option<Self> {
        self.0.checked_shl(n).map(Int257)
    }
    pub fn from_i64(v: i64) -> Self {
        Int257(v as i128)
    }
    pub fn from_u64(v: u64) -> Self {
        Int257(v as i128)
    }
    pub fn to_i64(&self) -> Option<i64> {
        i64::try_from(self.0).ok()
    }
    pub fn is_zero(&self) -> bool {
        self.0 == 0
    }
    pub fn is_negative(&self) -> bool {
        self.0 < 0
    }
    pub fn sign(&self) -> i32 {
        self.0.signum() as i32
    }
    pub fn checked_add(&self, o: &Self) -> Option<Self> {
        self.0.checked_add(o.0).map(Int257)
    }
    pub fn checked_sub(&self, o: &Self) -> Option<Self> {
        self.0.checked_sub(o.0).map(Int257)
    }
    pub fn checked_mul(&self, o: &Self) -> Option<Self> {
        self.0.checked_mul(o.0).map(Int257)
    }
    pub fn checked_neg(&self) -> Option<Self> {
        self.0.checked_neg().map(Int257)
    }
    pub fn to_bigint(&self) -> num_bigint::BigInt {
        num_bigint::BigInt::from(self.0)
    }
    pub fn parse(s: &str) -> Option<Self> {
        s.parse::<i128>().ok().map(Int257)
    }
    pub fn fits_signed(&self, bits: u32) -> bool {
        bits >= 128 || (bits > 0 && self.0 >= -(1i128 << (bits - 1)) && self.0 < (1i128 << (bits - 1)))
    }
    pub fn fits_unsigned(&self, bits: u32) -> bool {
        self.0 >= 0 && (bits >= 127 || self.0 < (1i128 << bits))
    }
    pub fn store_to(&self, b: &mut CellBuilder, bits: usize, signed: bool) -> Result<(), CellError> {
        let ok = if signed { self.fits_signed(bits as u32) } else { self.fits_unsigned(bits as u32) };
        if !ok {
            return Err(CellError::IntOutOfRange);
        }
        let big = num_bigint::BigInt::from(self.0);
        if signed {
            b.store_big_int(&big, bits)?;
        } else {
            b.store_big_uint(big.magnitude(), bits)?;
        }
        Ok(())
    }
    pub fn load_from(s: &mut CellSlice, bits: usize, signed: bool) -> Result<Int257, CellError> {
        let v = if signed { s.load_big_int(bits)? } else { num_bigint::BigInt::from(s.load_big_uint(bits)?) };
        i128::try_from(v).map(Int257).map_err(|_| CellError::IntOutOfRange)
    }
}

impl fmt::Display for Int257 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
