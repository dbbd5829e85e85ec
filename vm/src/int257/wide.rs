//! `WideInt`: the exact intermediate of TVM's MULDIV / LSHIFTDIV / MULRSHIFT
//! families, and the rounding rules shared by every division.
//!
//! The reference computes these in a double-width integer (`BigInt256::DoubleInt`,
//! 520 bits) and only then checks that the quotient fits in 257 bits. We do the
//! same with a 576-bit two's complement value: a 257 x 257-bit product (at most
//! 2^512 in magnitude) plus a 257-bit addend always fits, so the intermediate
//! never loses bits.

use super::limbs::{self, WIDE_LIMBS};
use super::{Int257, Rounding};

/// A signed integer of up to 576 bits (two's complement, little-endian limbs),
/// built from `Int257` operands by exact multiplication, addition and left
/// shift, and reduced back by a rounded division or right shift.
///
/// ```
/// use gram_vm::int257::{Int257, Rounding, WideInt};
/// // MULADDDIVMOD: (x * y + w) / z, with x * y far outside 257 bits.
/// let (x, y, w, z) = (Int257::MAX, Int257::from_i64(2), Int257::ONE, Int257::from_i64(4));
/// let d = WideInt::mul(x, y).add_int(w).div_rem(z, Rounding::Floor).unwrap();
/// assert_eq!(d.quot, Int257::pow2(255).unwrap().add_small(-1));
/// assert_eq!(d.rem, Int257::from_i64(3));
/// // QDIVMOD of MIN by -1: the quotient overflows, the remainder is still 0.
/// let d = Int257::MIN.div_rem_parts(Int257::MINUS_ONE, Rounding::Floor).unwrap();
/// assert_eq!((d.quot, d.rem), (None, Int257::ZERO));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct WideInt {
    limbs: [u64; WIDE_LIMBS],
}

/// Quotient and remainder of a division-family operation with a non-zero
/// divisor.
///
/// The reference pushes the two results separately, each checked on its own:
/// the remainder `x - q * y` always fits in 257 bits (its magnitude is below
/// the divisor's), while the rounded quotient may not (`MIN / -1`,
/// `MULDIV` of large factors by a small divisor). Then `quot` is `None`:
/// non-quiet instructions throw an integer overflow (exit code 4) and quiet
/// ones push NaN for the quotient but still push the exact remainder
/// (`QDIVMOD` of `-2^256` by `-1` gives `NaN 0`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DivRem {
    /// The rounded quotient, or `None` when it falls outside the 257-bit range.
    pub quot: Option<Int257>,
    /// `dividend - quotient * divisor`, exact.
    pub rem: Int257,
}

impl DivRem {
    /// Both results, or `None` when the quotient overflowed.
    #[inline]
    pub fn both(self) -> Option<(Int257, Int257)> {
        Some((self.quot?, self.rem))
    }
}

impl WideInt {
    /// Zero.
    pub const ZERO: WideInt = WideInt { limbs: [0; WIDE_LIMBS] };

    /// Sign-extends a 257-bit value.
    #[inline]
    pub fn from_int(x: Int257) -> WideInt {
        let l = x.limbs();
        let fill = l[4];
        let mut limbs = [fill; WIDE_LIMBS];
        limbs[..5].copy_from_slice(&l);
        WideInt { limbs }
    }

    /// Sign-extends an `i128`.
    #[inline]
    fn from_i128(v: i128) -> WideInt {
        let mut limbs = [(v >> 127) as u64; WIDE_LIMBS];
        limbs[0] = v as u64;
        limbs[1] = (v >> 64) as u64;
        WideInt { limbs }
    }

    /// The value as an `i128`, if it fits.
    #[inline]
    fn as_i128(&self) -> Option<i128> {
        let fill = ((self.limbs[1] as i64) >> 63) as u64;
        if self.limbs[2..].iter().all(|&l| l == fill) {
            Some(((self.limbs[1] as u128) << 64 | self.limbs[0] as u128) as i128)
        } else {
            None
        }
    }

    /// The exact product `x * y` (up to 2^512 in magnitude).
    pub fn mul(x: Int257, y: Int257) -> WideInt {
        if let (Some(a), Some(b)) = (x.to_i64(), y.to_i64()) {
            return WideInt::from_i128(a as i128 * b as i128);
        }
        let (xn, xm) = x.sign_and_magnitude();
        let (yn, ym) = y.sign_and_magnitude();
        let mut out = [0u64; 10];
        limbs::mul(&xm, &ym, &mut out);
        let mut limbs = [0u64; WIDE_LIMBS];
        limbs.copy_from_slice(&out[..WIDE_LIMBS]);
        if xn != yn {
            limbs::negate(&mut limbs);
        }
        WideInt { limbs }
    }

    /// `x * 2^shift` for `shift <= 256` (`None` above: TVM never shifts its
    /// double-width intermediates further).
    pub fn shl_of(x: Int257, shift: u32) -> Option<WideInt> {
        if shift > 256 {
            return None;
        }
        let mut w = WideInt::from_int(x);
        // Two's complement left shift is exact while the value fits, which
        // it does: |x| * 2^256 <= 2^512.
        limbs::shl_in_place(&mut w.limbs, shift);
        Some(w)
    }

    /// `self + w`, exact (the `ADD` variants: `MULADDDIVMOD`, `ADDDIVMOD`, ...).
    #[inline]
    pub fn add_int(mut self, w: Int257) -> WideInt {
        let wide = WideInt::from_int(w);
        limbs::add_assign(&mut self.limbs, &wide.limbs);
        self
    }

    /// Whether the value is below zero.
    #[inline]
    pub fn is_negative(&self) -> bool {
        (self.limbs[WIDE_LIMBS - 1] as i64) < 0
    }

    /// The value, if it lies in the 257-bit range.
    pub fn to_int257(&self) -> Option<Int257> {
        let fill = self.limbs[4];
        if fill != 0 && fill != u64::MAX {
            return None;
        }
        if self.limbs[5..].iter().any(|&l| l != fill) {
            return None;
        }
        let mut l = [0u64; 5];
        l.copy_from_slice(&self.limbs[..5]);
        Some(Int257::from_limbs_unchecked(l))
    }

    fn sign_and_magnitude(&self) -> (bool, [u64; WIDE_LIMBS]) {
        let mut m = self.limbs;
        let neg = self.is_negative();
        if neg {
            limbs::negate(&mut m);
        }
        (neg, m)
    }

    /// Divides by `z` rounding the quotient as `rounding` says; the remainder
    /// is `self - q * z`. `None` when `z` is zero (the reference then makes
    /// both results NaN).
    pub fn div_rem(&self, z: Int257, rounding: Rounding) -> Option<DivRem> {
        if z.is_zero() {
            return None;
        }
        if let (Some(a), Some(b)) = (self.as_i128(), z.to_i128()) {
            return Some(divide_u128(a < 0, a.unsigned_abs(), b < 0, b.unsigned_abs(), rounding));
        }
        let (num_neg, num) = self.sign_and_magnitude();
        let (den_neg, den) = z.sign_and_magnitude();
        Some(divide(num_neg, &num, den_neg, &den, rounding))
    }

    /// Divides by `2^shift` (`shift <= 256`) with rounding; the remainder is
    /// `self - q * 2^shift` (the `MODPOW2` of the reference: in `[0, 2^shift)`
    /// for floor, `(-2^shift, 0]` for ceiling, `[-2^(shift-1), 2^(shift-1))`
    /// for nearest). `None` for `shift > 256`.
    pub fn shr_rem(&self, shift: u32, rounding: Rounding) -> Option<DivRem> {
        if shift > 256 {
            return None;
        }
        let (q, r) = shr_round(&self.limbs, shift, rounding);
        let quot = WideInt { limbs: q }.to_int257();
        // |remainder| <= 2^shift <= 2^256 (and exactly -2^256 at most), so its
        // low five limbs are the whole value.
        let mut low = [0u64; 5];
        low.copy_from_slice(&r[..5]);
        Some(DivRem { quot, rem: Int257::from_limbs_unchecked(low) })
    }
}

/// Rounded division of sign-magnitude operands (`den` non-zero): the
/// quotient `round(num / den)` and the remainder `num - q * den`.
pub(crate) fn divide<const N: usize>(
    num_neg: bool,
    num: &[u64; N],
    den_neg: bool,
    den: &[u64; 5],
    rounding: Rounding,
) -> DivRem {
    if limbs::used_limbs(num) <= 2 && limbs::used_limbs(den) <= 2 {
        let a = (num[1] as u128) << 64 | num[0] as u128;
        let b = (den[1] as u128) << 64 | den[0] as u128;
        return divide_u128(num_neg, a, den_neg, b, rounding);
    }
    let quot_neg = num_neg != den_neg;
    let (mut quot, mut rem) = limbs::div_rem(num, den);
    let mut rem_neg = num_neg;
    let twice_rem_vs_den = || {
        // |r| < |den| <= 2^256, so 2|r| fits in five limbs.
        let mut twice = rem;
        limbs::shl_in_place(&mut twice, 1);
        limbs::cmp(&twice, den)
    };
    if !limbs::is_zero(&rem) && round_away(rounding, quot_neg, twice_rem_vs_den) {
        // Move the quotient one step away from zero; the remainder then
        // changes sign and becomes |den| - |rem|.
        limbs::increment(&mut quot);
        let mut r = *den;
        limbs::sub_assign(&mut r, &rem);
        rem = r;
        rem_neg = !num_neg;
    }
    // |remainder| < |divisor| <= 2^256, so it always fits.
    DivRem { quot: Int257::from_sign_magnitude(quot_neg, &quot), rem: Int257::from_small_magnitude(rem_neg, &rem) }
}

/// [`divide`] for magnitudes that fit in 128 bits (coin amounts and most
/// MULDIVs of them): one native division.
fn divide_u128(num_neg: bool, a: u128, den_neg: bool, b: u128, rounding: Rounding) -> DivRem {
    let quot_neg = num_neg != den_neg;
    let mut q = a / b;
    let mut r = a - q * b;
    let mut rem_neg = num_neg;
    // r != 0 means b >= 2, so q + 1 cannot overflow.
    if r != 0 && round_away(rounding, quot_neg, || r.cmp(&(b - r))) {
        q += 1;
        r = b - r;
        rem_neg = !num_neg;
    }
    let limbs_of = |v: u128| [v as u64, (v >> 64) as u64, 0, 0, 0];
    DivRem {
        quot: Some(Int257::from_small_magnitude(quot_neg, &limbs_of(q))),
        rem: Int257::from_small_magnitude(rem_neg, &limbs_of(r)),
    }
}

/// Whether a truncated quotient with a non-zero remainder must move one step
/// away from zero under `rounding` (`quot_neg` is the sign of the exact
/// quotient; `half` compares twice the remainder with the divisor, in
/// magnitudes, and is only called for `Nearest`). Nearest rounds half
/// towards +infinity, as the reference's `R` variants do:
/// `q = floor(x / y + 1/2)`.
fn round_away(rounding: Rounding, quot_neg: bool, half: impl FnOnce() -> std::cmp::Ordering) -> bool {
    match rounding {
        Rounding::Floor => quot_neg,
        Rounding::Ceil => !quot_neg,
        Rounding::Nearest => match half() {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal => !quot_neg,
            std::cmp::Ordering::Less => false,
        },
    }
}

/// Rounded arithmetic right shift of a two's complement value by
/// `shift < 64 * N` bits: returns the quotient and the remainder
/// `x - q * 2^shift`, both in two's complement.
pub(crate) fn shr_round<const N: usize>(x: &[u64; N], shift: u32, rounding: Rounding) -> ([u64; N], [u64; N]) {
    let neg = (x[N - 1] as i64) < 0;
    let fill = if neg { u64::MAX } else { 0 };
    let limb_shift = (shift / 64) as usize;
    let bit_shift = shift % 64;
    // Floor quotient: arithmetic shift.
    let mut q = [fill; N];
    for (i, out) in q.iter_mut().enumerate() {
        let src = i + limb_shift;
        let lo = if src < N { x[src] } else { fill };
        let hi = if src + 1 < N { x[src + 1] } else { fill };
        *out = if bit_shift == 0 { lo } else { (lo >> bit_shift) | (hi << (64 - bit_shift)) };
    }
    // Floor remainder: the low `shift` bits, non-negative.
    let mut r = [0u64; N];
    for (i, out) in r.iter_mut().enumerate() {
        let start = i as u32 * 64;
        if start + 64 <= shift {
            *out = x[i];
        } else if start < shift {
            *out = x[i] & ((1u64 << (shift - start)) - 1);
        }
    }
    let bump = match rounding {
        Rounding::Floor => false,
        Rounding::Ceil => r.iter().any(|&l| l != 0),
        // floor(x / 2^s + 1/2) = floor(x / 2^s) + bit (s - 1) of x.
        Rounding::Nearest => shift > 0 && (x[((shift - 1) / 64) as usize] >> ((shift - 1) % 64)) & 1 == 1,
    };
    if bump {
        limbs::increment(&mut q);
        // r -= 2^shift
        let mut pow = [0u64; N];
        pow[(shift / 64) as usize] = 1u64 << (shift % 64);
        limbs::sub_assign(&mut r, &pow);
    }
    (q, r)
}
