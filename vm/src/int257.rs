//! `Int257`: TVM's signed 257-bit integer, in `[-2^256, 2^256 - 1]`.
//!
//! Five 64-bit limbs hold the value in two's complement (little-endian); the
//! top limb is only ever `0` or `u64::MAX`, so the range check after an
//! operation is one comparison. The type is `Copy`, 40 bytes, and never
//! allocates. Values that fit in `i64` take fast paths.
//!
//! NaN is not a value of this type: operations that can fail return
//! `Option`, and the VM turns `None` into an integer overflow (exit code 4)
//! or, in the quiet instructions, into NaN.
//!
//! Semantics follow the reference TVM (`crypto/vm/arithops.cpp` over
//! `td::BigInt256`, global version 12). Facts taken from it and checked on
//! the reference (`conformance/vectors/int257/`):
//!
//! - Every result is computed exactly and then range-checked: anything
//!   outside `[-2^256, 2^256 - 1]` is an overflow (`MAX + 1`, `-MIN`,
//!   `ABS MIN`, `MIN / -1`, `1 << 256`, `POW2 256`, `2^255 * 2`).
//! - Division rounds the quotient (floor, nearest with halves towards
//!   +infinity, or ceiling) and defines the remainder as `x - q * y`; see
//!   [`Rounding`]. Division by zero makes both results NaN.
//! - The quotient and the remainder are checked separately: when only the
//!   quotient overflows, quiet instructions still push the exact remainder
//!   ([`DivRem`]). The remainder itself always fits.
//! - `MULDIV`, `LSHIFTDIV`, `MULRSHIFT` and their `ADD` forms go through an
//!   exact double-width intermediate ([`WideInt`]); only the final quotient
//!   must fit (`2^255 * 4 / 8` is fine, `2^255 * 4 / 1` overflows).
//! - One place where the reference is not plain arithmetic: `0 LSHIFT n`
//!   overflows for `n >= 260` (see [`Int257::shl`]).
//! - `FITS`/`UFITS` of a value that does not fit give NaN (an overflow in the
//!   non-quiet forms); `UBITSIZE` of a negative value is a range check
//!   error (exit 5), not an overflow.
//!
//! ```
//! use gram_vm::int257::{Int257, Rounding};
//! let x = Int257::from_i64(-7);
//! let y = Int257::from_i64(2);
//! assert_eq!(x.div_rem(y, Rounding::Floor), Some((Int257::from_i64(-4), Int257::from_i64(1))));
//! assert_eq!(Int257::MAX.checked_add(Int257::ONE), None);
//! assert_eq!(Int257::parse("-0x10").unwrap().to_string(), "-16");
//! ```

mod cells;
mod limbs;
mod text;
mod wide;

use std::cmp::Ordering;

pub use text::ParseIntError;
pub use wide::{DivRem, WideInt};

/// A signed 257-bit integer.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Int257 {
    /// Two's complement, little-endian; `limbs[4]` is `0` or `u64::MAX`.
    limbs: [u64; 5],
}

/// How a division or right shift rounds its quotient.
///
/// The remainder is always `x - q * y`, so its range follows from the mode:
/// `0 <= r < y` (or `y < r <= 0` for a negative divisor) for `Floor`,
/// `-y < r <= 0` (or `0 <= r < -y`) for `Ceil`, and `-y/2 <= r < y/2` (or
/// `y/2 < r <= -y/2`) for `Nearest`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Rounding {
    /// Towards minus infinity (the plain `DIV`, `MOD`, `RSHIFT`).
    Floor,
    /// To the nearest integer, halves towards plus infinity:
    /// `q = floor(x / y + 1/2)` (the `R` variants: `-7 DIVR 2 = -3`,
    /// `7 DIVR -2 = -3`, `-7 DIVR -2 = 4`).
    Nearest,
    /// Towards plus infinity (the `C` variants).
    Ceil,
}

impl Rounding {
    /// The mode encoded in the low two bits of TVM's division opcodes
    /// (`0` floor, `1` nearest, `2` ceiling; `3` is an invalid opcode).
    #[inline]
    pub fn from_code(code: u32) -> Option<Rounding> {
        match code {
            0 => Some(Rounding::Floor),
            1 => Some(Rounding::Nearest),
            2 => Some(Rounding::Ceil),
            _ => None,
        }
    }
}

impl Int257 {
    /// 0.
    pub const ZERO: Int257 = Int257 { limbs: [0; 5] };
    /// 1.
    pub const ONE: Int257 = Int257 { limbs: [1, 0, 0, 0, 0] };
    /// -1.
    pub const MINUS_ONE: Int257 = Int257 { limbs: [u64::MAX; 5] };
    /// The smallest value, `-2^256`.
    pub const MIN: Int257 = Int257 { limbs: [0, 0, 0, 0, u64::MAX] };
    /// The largest value, `2^256 - 1`.
    pub const MAX: Int257 = Int257 { limbs: [u64::MAX, u64::MAX, u64::MAX, u64::MAX, 0] };

    // ----- construction and conversion -----

    #[inline]
    pub(crate) const fn from_limbs_unchecked(limbs: [u64; 5]) -> Int257 {
        Int257 { limbs }
    }

    #[inline]
    pub(crate) fn limbs(&self) -> [u64; 5] {
        self.limbs
    }

    /// The value if the five two's complement limbs are in range.
    #[inline]
    fn from_limbs_checked(limbs: [u64; 5]) -> Option<Int257> {
        if limbs[4] == 0 || limbs[4] == u64::MAX {
            Some(Int257 { limbs })
        } else {
            None
        }
    }

    /// From a sign and a magnitude (little-endian limbs of any length), if in range.
    pub(crate) fn from_sign_magnitude(neg: bool, mag: &[u64]) -> Option<Int257> {
        if limbs::used_limbs(mag) > 5 {
            return None;
        }
        let mut l = [0u64; 5];
        let n = mag.len().min(5);
        l[..n].copy_from_slice(&mag[..n]);
        let fits = if neg { l[4] == 0 || (l[4] == 1 && limbs::is_zero(&l[..4])) } else { l[4] == 0 };
        if !fits {
            return None;
        }
        Some(Self::from_small_magnitude(neg, &l))
    }

    /// From a sign and a magnitude known to be below 2^256 (or exactly 2^256
    /// when negative).
    pub(crate) fn from_small_magnitude(neg: bool, mag: &[u64; 5]) -> Int257 {
        let mut l = *mag;
        if neg {
            limbs::negate(&mut l);
        }
        Int257 { limbs: l }
    }

    /// Sign and magnitude (the magnitude of `MIN` is 2^256, so five limbs).
    #[inline]
    pub(crate) fn sign_and_magnitude(&self) -> (bool, [u64; 5]) {
        let mut m = self.limbs;
        let neg = self.is_negative();
        if neg {
            limbs::negate(&mut m);
        }
        (neg, m)
    }

    /// From an `i64`.
    #[inline]
    pub const fn from_i64(v: i64) -> Int257 {
        let s = (v >> 63) as u64;
        Int257 { limbs: [v as u64, s, s, s, s] }
    }

    /// From a `u64`.
    #[inline]
    pub const fn from_u64(v: u64) -> Int257 {
        Int257 { limbs: [v, 0, 0, 0, 0] }
    }

    /// From an `i128`.
    #[inline]
    pub const fn from_i128(v: i128) -> Int257 {
        let s = (v >> 127) as u64;
        Int257 { limbs: [v as u64, (v >> 64) as u64, s, s, s] }
    }

    /// From a `u128`.
    #[inline]
    pub const fn from_u128(v: u128) -> Int257 {
        Int257 { limbs: [v as u64, (v >> 64) as u64, 0, 0, 0] }
    }

    /// Whether the value fits in an `i64`.
    #[inline]
    pub fn fits_i64(&self) -> bool {
        let s = ((self.limbs[0] as i64) >> 63) as u64;
        self.limbs[1] == s && self.limbs[2] == s && self.limbs[3] == s && self.limbs[4] == s
    }

    /// The value as an `i64`, if it fits.
    #[inline]
    pub fn to_i64(&self) -> Option<i64> {
        if self.fits_i64() {
            Some(self.limbs[0] as i64)
        } else {
            None
        }
    }

    /// The value as a `u64`, if it fits.
    #[inline]
    pub fn to_u64(&self) -> Option<u64> {
        if limbs::is_zero(&self.limbs[1..]) {
            Some(self.limbs[0])
        } else {
            None
        }
    }

    /// The value as an `i128`, if it fits.
    #[inline]
    pub fn to_i128(&self) -> Option<i128> {
        let s = ((self.limbs[1] as i64) >> 63) as u64;
        if self.limbs[2] == s && self.limbs[3] == s && self.limbs[4] == s {
            Some(((self.limbs[1] as u128) << 64 | self.limbs[0] as u128) as i128)
        } else {
            None
        }
    }

    /// The value as a `u128`, if it fits.
    #[inline]
    pub fn to_u128(&self) -> Option<u128> {
        if limbs::is_zero(&self.limbs[2..]) {
            Some((self.limbs[1] as u128) << 64 | self.limbs[0] as u128)
        } else {
            None
        }
    }

    /// From a `num_bigint::BigInt`, if it lies in the 257-bit range.
    pub fn from_bigint(v: &num_bigint::BigInt) -> Option<Int257> {
        let (sign, digits) = v.to_u64_digits();
        Self::from_sign_magnitude(sign == num_bigint::Sign::Minus, &digits)
    }

    /// The value as a `num_bigint::BigInt` (allocates; for I/O and tests).
    pub fn to_bigint(&self) -> num_bigint::BigInt {
        let mut bytes = [0u8; 40];
        for (i, limb) in self.limbs.iter().enumerate() {
            bytes[i * 8..i * 8 + 8].copy_from_slice(&limb.to_le_bytes());
        }
        num_bigint::BigInt::from_signed_bytes_le(&bytes)
    }

    /// A 256-bit unsigned big-endian number (a hash, a public key), e.g.
    /// what `HASHCU` pushes. Always in range.
    pub fn from_u256_be(bytes: &[u8; 32]) -> Int257 {
        let mut limbs = [0u64; 5];
        for (i, chunk) in bytes.chunks_exact(8).enumerate() {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            limbs[3 - i] = u64::from_be_bytes(word);
        }
        Int257 { limbs }
    }

    /// The value as 32 big-endian bytes, if it is in `[0, 2^256)` (what
    /// `CHKSIGNU` needs of its hash operand; a negative value is a range
    /// check error there).
    pub fn to_u256_be(&self) -> Option<[u8; 32]> {
        if self.is_negative() {
            return None;
        }
        let mut out = [0u8; 32];
        for i in 0..4 {
            out[i * 8..i * 8 + 8].copy_from_slice(&self.limbs[3 - i].to_be_bytes());
        }
        Some(out)
    }

    // ----- predicates -----

    /// Whether the value is 0.
    #[inline]
    pub fn is_zero(&self) -> bool {
        limbs::is_zero(&self.limbs)
    }

    /// Whether the value is below 0.
    #[inline]
    pub fn is_negative(&self) -> bool {
        self.limbs[4] != 0
    }

    /// -1, 0 or 1 (TVM's `SGN`).
    #[inline]
    pub fn sign(&self) -> i32 {
        if self.is_negative() {
            -1
        } else if self.is_zero() {
            0
        } else {
            1
        }
    }

    /// `BITSIZE`: the fewest bits `c` with `-2^(c-1) <= x < 2^(c-1)`
    /// (0 for 0, 1 for -1, 257 for `MIN` and `MAX`).
    pub fn bit_size_signed(&self) -> u32 {
        if self.is_negative() {
            let inv = self.limbs.map(|l| !l);
            limbs::bit_len(&inv) + 1
        } else if self.is_zero() {
            0
        } else {
            limbs::bit_len(&self.limbs) + 1
        }
    }

    /// `UBITSIZE`: the fewest bits `c` with `0 <= x < 2^c`; `None` for a
    /// negative value (the reference throws a range check error, exit 5).
    pub fn bit_size_unsigned(&self) -> Option<u32> {
        if self.is_negative() {
            None
        } else {
            Some(limbs::bit_len(&self.limbs))
        }
    }

    /// `FITS`: whether the value is a signed integer of `bits` bits
    /// (`bits = 0` admits only 0; any `bits >= 257` admits every value).
    #[inline]
    pub fn fits_signed(&self, bits: u32) -> bool {
        self.bit_size_signed() <= bits
    }

    /// `UFITS`: whether the value is an unsigned integer of `bits` bits
    /// (never for a negative value; `bits = 0` admits only 0).
    #[inline]
    pub fn fits_unsigned(&self, bits: u32) -> bool {
        !self.is_negative() && limbs::bit_len(&self.limbs) <= bits
    }

    // ----- addition, subtraction, negation -----

    /// `x + y`, `None` outside the 257-bit range.
    #[inline]
    pub fn checked_add(&self, y: Int257) -> Option<Int257> {
        let a = &self.limbs;
        let b = &y.limbs;
        let mut out = [0u64; 5];
        let mut carry = false;
        for i in 0..5 {
            let (s1, c1) = a[i].overflowing_add(b[i]);
            let (s2, c2) = s1.overflowing_add(carry as u64);
            out[i] = s2;
            carry = c1 | c2;
        }
        // Both operands are within [-2^256, 2^256), so the 320-bit sum is
        // exact and only the top limb needs checking.
        Self::from_limbs_checked(out)
    }

    /// `x - y`, `None` outside the 257-bit range.
    #[inline]
    pub fn checked_sub(&self, y: Int257) -> Option<Int257> {
        let a = &self.limbs;
        let b = &y.limbs;
        let mut out = [0u64; 5];
        let mut borrow = false;
        for i in 0..5 {
            let (d1, b1) = a[i].overflowing_sub(b[i]);
            let (d2, b2) = d1.overflowing_sub(borrow as u64);
            out[i] = d2;
            borrow = b1 | b2;
        }
        Self::from_limbs_checked(out)
    }

    /// `x + c` for a small constant (`ADDCONST`, `INC`, `DEC`).
    #[inline]
    pub fn add_small(&self, c: i64) -> Option<Int257> {
        if let Some(a) = self.to_i64() {
            return Some(Int257::from_i128(a as i128 + c as i128));
        }
        self.checked_add(Int257::from_i64(c))
    }

    /// `-x`, `None` for `MIN` (`NEGATE` of `-2^256` overflows).
    #[inline]
    pub fn checked_neg(&self) -> Option<Int257> {
        if *self == Int257::MIN {
            return None;
        }
        let mut l = self.limbs;
        limbs::negate(&mut l);
        Some(Int257 { limbs: l })
    }

    /// `|x|`, `None` for `MIN` (`ABS` of `-2^256` overflows).
    #[inline]
    pub fn checked_abs(&self) -> Option<Int257> {
        if self.is_negative() {
            self.checked_neg()
        } else {
            Some(*self)
        }
    }

    // ----- multiplication -----

    /// `x * y`, `None` outside the 257-bit range.
    #[inline]
    pub fn checked_mul(&self, y: Int257) -> Option<Int257> {
        if let (Some(a), Some(b)) = (self.to_i64(), y.to_i64()) {
            return Some(Int257::from_i128(a as i128 * b as i128));
        }
        self.mul_slow(y)
    }

    /// `x * c` for a small constant (`MULCONST`).
    #[inline]
    pub fn mul_small(&self, c: i64) -> Option<Int257> {
        self.checked_mul(Int257::from_i64(c))
    }

    fn mul_slow(&self, y: Int257) -> Option<Int257> {
        let (an, am) = self.sign_and_magnitude();
        let (bn, bm) = y.sign_and_magnitude();
        let (la, lb) = (limbs::bit_len(&am), limbs::bit_len(&bm));
        if la == 0 || lb == 0 {
            return Some(Int257::ZERO);
        }
        // |x * y| >= 2^(la - 1 + lb - 1), which is out of range once above 2^256.
        if la + lb > 258 {
            return None;
        }
        if la + lb <= 128 {
            // The product fits in a u128 (typical coin arithmetic).
            let p = ((am[1] as u128) << 64 | am[0] as u128) * ((bm[1] as u128) << 64 | bm[0] as u128);
            return Some(Self::from_small_magnitude(an != bn, &[p as u64, (p >> 64) as u64, 0, 0, 0]));
        }
        let mut out = [0u64; 10];
        limbs::mul(&am, &bm, &mut out);
        Self::from_sign_magnitude(an != bn, &out)
    }

    // ----- division -----

    /// Quotient and remainder of `x / y` rounded as `rounding` says, with
    /// `r = x - q * y`. `None` when `y` is 0 or the quotient overflows (only
    /// `MIN / -1`); see [`Int257::div_rem_parts`] for the quiet variants.
    #[inline]
    pub fn div_rem(&self, y: Int257, rounding: Rounding) -> Option<(Int257, Int257)> {
        self.div_rem_parts(y, rounding)?.both()
    }

    /// Like [`Int257::div_rem`] but keeps the remainder when only the
    /// quotient overflows (`QDIVMOD` of `MIN` by `-1` pushes NaN and 0).
    /// `None` when `y` is 0 (both results NaN).
    pub fn div_rem_parts(&self, y: Int257, rounding: Rounding) -> Option<DivRem> {
        if let (Some(a), Some(b)) = (self.to_i64(), y.to_i64()) {
            if b == 0 {
                return None;
            }
            if !(a == i64::MIN && b == -1) {
                let (q, r) = div_rem_i64(a, b, rounding);
                return Some(DivRem { quot: Some(Int257::from_i64(q)), rem: Int257::from_i64(r) });
            }
        }
        if y.is_zero() {
            return None;
        }
        let (num_neg, num) = self.sign_and_magnitude();
        let (den_neg, den) = y.sign_and_magnitude();
        Some(wide::divide(num_neg, &num, den_neg, &den, rounding))
    }

    /// `(x * y) / z` with the exact 514-bit product (`MULDIVMOD` family);
    /// `None` when `z` is 0 or the quotient overflows. The remainder is
    /// `x * y - q * z`. Use [`WideInt`] for the quiet and `ADD` variants.
    pub fn mul_div_rem(&self, y: Int257, z: Int257, rounding: Rounding) -> Option<(Int257, Int257)> {
        WideInt::mul(*self, y).div_rem(z, rounding)?.both()
    }

    /// `(x * 2^shift) / z` with the exact intermediate (`LSHIFTDIVMOD`
    /// family, `shift <= 256`); `None` when `z` is 0, the quotient
    /// overflows or `shift > 256`.
    pub fn lshift_div_rem(&self, shift: u32, z: Int257, rounding: Rounding) -> Option<(Int257, Int257)> {
        WideInt::shl_of(*self, shift)?.div_rem(z, rounding)?.both()
    }

    /// `(x * y) / 2^shift` with the exact product (`MULRSHIFTMOD` family,
    /// `shift <= 256`); the remainder has `MODPOW2` semantics. `None` when
    /// the quotient overflows or `shift > 256`.
    pub fn mul_shr_rem(&self, y: Int257, shift: u32, rounding: Rounding) -> Option<(Int257, Int257)> {
        WideInt::mul(*self, y).shr_rem(shift, rounding)?.both()
    }

    // ----- shifts -----

    /// `x * 2^n` (`LSHIFT`), `None` outside the range.
    ///
    /// Reference quirk, kept for bit-exactness: the reference shifts inside a
    /// five-word buffer of 52-bit digits and gives up (NaN) once the shift
    /// needs more words, before looking at the value. So `0 << n` is 0 only
    /// for `n < 260`; `0 LSHIFT 260` is an integer overflow.
    #[inline]
    pub fn shl(&self, n: u32) -> Option<Int257> {
        if n < 64 {
            if let Some(a) = self.to_i64() {
                return Some(Int257::from_i128((a as i128) << n));
            }
        }
        if self.is_zero() {
            return if n < 260 { Some(Int257::ZERO) } else { None };
        }
        if n >= 257 || self.bit_size_signed() + n > 257 {
            return None;
        }
        let mut l = self.limbs;
        limbs::shl_in_place(&mut l, n);
        Some(Int257 { limbs: l })
    }

    /// `x / 2^n` rounded (`RSHIFT` for floor, `RSHIFTR`/`RSHIFTC`); any `n`
    /// (beyond 256 the result is -1, 0 or 1 as the rounding says). Never
    /// overflows.
    #[inline]
    pub fn shr(&self, n: u32, rounding: Rounding) -> Int257 {
        if n < 64 {
            if let Some(a) = self.to_i64() {
                return Int257::from_i64(shr_i64(a, n, rounding));
            }
        }
        // Every n >= 257 gives the same result; 300 keeps the shift inside the limbs.
        let n = n.min(300);
        let (q, _) = wide::shr_round(&self.limbs, n, rounding);
        Int257 { limbs: q }
    }

    /// Quotient and remainder of `x / 2^n` (`RSHIFTMOD` family; the remainder
    /// is `MODPOW2`: in `[0, 2^n)` for floor, `(-2^n, 0]` for ceiling,
    /// `[-2^(n-1), 2^(n-1))` for nearest). `None` for `n > 256`, where the
    /// remainder may not fit (TVM limits `n` to 0..=256).
    pub fn shr_rem(&self, n: u32, rounding: Rounding) -> Option<(Int257, Int257)> {
        if n > 256 {
            return None;
        }
        let (q, r) = wide::shr_round(&self.limbs, n, rounding);
        Some((Int257 { limbs: q }, Int257 { limbs: r }))
    }

    /// `2^n` (`POW2`), `None` for `n >= 256`.
    #[inline]
    pub fn pow2(n: u32) -> Option<Int257> {
        if n >= 256 {
            return None;
        }
        let mut l = [0u64; 5];
        l[(n / 64) as usize] = 1u64 << (n % 64);
        Some(Int257 { limbs: l })
    }

    // ----- bitwise (two's complement) -----

    /// Bitwise AND.
    #[inline]
    pub fn and(&self, y: Int257) -> Int257 {
        Int257 { limbs: std::array::from_fn(|i| self.limbs[i] & y.limbs[i]) }
    }

    /// Bitwise OR.
    #[inline]
    pub fn or(&self, y: Int257) -> Int257 {
        Int257 { limbs: std::array::from_fn(|i| self.limbs[i] | y.limbs[i]) }
    }

    /// Bitwise XOR.
    #[inline]
    pub fn xor(&self, y: Int257) -> Int257 {
        Int257 { limbs: std::array::from_fn(|i| self.limbs[i] ^ y.limbs[i]) }
    }

    /// Bitwise NOT (`-x - 1`; never overflows).
    #[inline]
    #[allow(clippy::should_implement_trait)]
    pub fn not(&self) -> Int257 {
        Int257 { limbs: self.limbs.map(|l| !l) }
    }
}

/// Rounded `a / b` and `a - q * b` for `b != 0` and not `(i64::MIN, -1)`.
#[inline]
fn div_rem_i64(a: i64, b: i64, rounding: Rounding) -> (i64, i64) {
    let (q, r) = (a / b, a % b);
    if r == 0 {
        return (q, r);
    }
    let quot_neg = (a < 0) != (b < 0);
    let away = match rounding {
        Rounding::Floor => quot_neg,
        Rounding::Ceil => !quot_neg,
        Rounding::Nearest => {
            // |r| < |b| <= 2^63, so 2|r| fits in a u64.
            let twice = r.unsigned_abs() * 2;
            let d = b.unsigned_abs();
            twice > d || (twice == d && !quot_neg)
        }
    };
    if !away {
        return (q, r);
    }
    // r != 0 means |b| >= 2, so |q| <= 2^62 and q +- 1 cannot overflow; r and
    // the adjustment have opposite signs, so neither can r.
    if quot_neg {
        (q - 1, r + b)
    } else {
        (q + 1, r - b)
    }
}

/// Rounded `a / 2^n` for `n < 64`.
#[inline]
fn shr_i64(a: i64, n: u32, rounding: Rounding) -> i64 {
    if n == 0 {
        return a;
    }
    let floor = a >> n;
    match rounding {
        Rounding::Floor => floor,
        Rounding::Ceil => floor + ((a as u64 & ((1u64 << n) - 1)) != 0) as i64,
        Rounding::Nearest => floor + ((a >> (n - 1)) & 1),
    }
}

impl Ord for Int257 {
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (&self.limbs, &other.limbs);
        // The top limb is the sign (signed order); the rest compare unsigned.
        if a[4] != b[4] {
            return (a[4] as i64).cmp(&(b[4] as i64));
        }
        for i in (0..4).rev() {
            if a[i] != b[i] {
                return a[i].cmp(&b[i]);
            }
        }
        Ordering::Equal
    }
}

impl PartialOrd for Int257 {
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Default for Int257 {
    fn default() -> Self {
        Int257::ZERO
    }
}

impl From<i64> for Int257 {
    fn from(v: i64) -> Self {
        Int257::from_i64(v)
    }
}

impl From<u64> for Int257 {
    fn from(v: u64) -> Self {
        Int257::from_u64(v)
    }
}

impl From<i128> for Int257 {
    fn from(v: i128) -> Self {
        Int257::from_i128(v)
    }
}

impl From<u128> for Int257 {
    fn from(v: u128) -> Self {
        Int257::from_u128(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_forty_bytes() {
        assert_eq!(std::mem::size_of::<Int257>(), 40);
    }

    #[test]
    fn small_division_rounding_matches_the_reference_examples() {
        // Values from the reference vectors int.div_mod_floor / int.divr_divc
        // and from the oracle (see vm/tests/int257_reference.rs).
        assert_eq!(div_rem_i64(-7, 2, Rounding::Floor), (-4, 1));
        assert_eq!(div_rem_i64(-7, 2, Rounding::Nearest), (-3, -1));
        assert_eq!(div_rem_i64(-7, 2, Rounding::Ceil), (-3, -1));
        assert_eq!(div_rem_i64(7, -2, Rounding::Nearest), (-3, 1));
        assert_eq!(div_rem_i64(-7, -2, Rounding::Nearest), (4, 1));
    }
}
