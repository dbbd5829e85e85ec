//! Unsigned magnitude arithmetic on little-endian `u64` limb arrays.
//!
//! These are the primitives under `Int257` and `WideInt`: schoolbook
//! multiplication, Knuth's long division (algorithm D), shifts and
//! comparisons. Everything works on fixed-size stack arrays; nothing
//! allocates.

use std::cmp::Ordering;

/// Limbs of the widest intermediate: 9 x 64 = 576 bits, enough for a
/// 514-bit product plus a 257-bit addend.
pub(crate) const WIDE_LIMBS: usize = 9;

/// Number of limbs up to and including the highest non-zero one (0 for zero).
#[inline]
pub(crate) fn used_limbs(a: &[u64]) -> usize {
    let mut n = a.len();
    while n > 0 && a[n - 1] == 0 {
        n -= 1;
    }
    n
}

/// Number of significant bits (0 for zero).
#[inline]
pub(crate) fn bit_len(a: &[u64]) -> u32 {
    let n = used_limbs(a);
    if n == 0 {
        0
    } else {
        (n as u32 - 1) * 64 + (64 - a[n - 1].leading_zeros())
    }
}

/// Compares two magnitudes of any lengths.
pub(crate) fn cmp(a: &[u64], b: &[u64]) -> Ordering {
    let (na, nb) = (used_limbs(a), used_limbs(b));
    if na != nb {
        return na.cmp(&nb);
    }
    for i in (0..na).rev() {
        match a[i].cmp(&b[i]) {
            Ordering::Equal => continue,
            other => return other,
        }
    }
    Ordering::Equal
}

/// `a += b` (b no longer than a); returns the carry out of the top limb.
#[inline]
pub(crate) fn add_assign(a: &mut [u64], b: &[u64]) -> bool {
    let mut carry = false;
    for i in 0..a.len() {
        let bi = if i < b.len() { b[i] } else { 0 };
        let (s1, c1) = a[i].overflowing_add(bi);
        let (s2, c2) = s1.overflowing_add(carry as u64);
        a[i] = s2;
        carry = c1 | c2;
        if i >= b.len() && !carry {
            break;
        }
    }
    carry
}

/// `a -= b` (b no longer than a); returns the borrow out of the top limb.
#[inline]
pub(crate) fn sub_assign(a: &mut [u64], b: &[u64]) -> bool {
    let mut borrow = false;
    for i in 0..a.len() {
        let bi = if i < b.len() { b[i] } else { 0 };
        let (d1, b1) = a[i].overflowing_sub(bi);
        let (d2, b2) = d1.overflowing_sub(borrow as u64);
        a[i] = d2;
        borrow = b1 | b2;
        if i >= b.len() && !borrow {
            break;
        }
    }
    borrow
}

/// Adds one to `a`; returns the carry out of the top limb.
#[inline]
pub(crate) fn increment(a: &mut [u64]) -> bool {
    for limb in a.iter_mut() {
        let (s, c) = limb.overflowing_add(1);
        *limb = s;
        if !c {
            return false;
        }
    }
    true
}

/// Two's complement negation in place (wrapping).
#[inline]
pub(crate) fn negate(a: &mut [u64]) {
    for limb in a.iter_mut() {
        *limb = !*limb;
    }
    increment(a);
}

/// `out = a * b` (schoolbook). `out` must hold `used(a) + used(b)` limbs;
/// limbs beyond that are zeroed.
pub(crate) fn mul(a: &[u64], b: &[u64], out: &mut [u64]) {
    out.iter_mut().for_each(|l| *l = 0);
    let (na, nb) = (used_limbs(a), used_limbs(b));
    debug_assert!(na + nb <= out.len());
    for i in 0..na {
        let mut carry: u64 = 0;
        let ai = a[i] as u128;
        for j in 0..nb {
            let t = ai * b[j] as u128 + out[i + j] as u128 + carry as u128;
            out[i + j] = t as u64;
            carry = (t >> 64) as u64;
        }
        out[i + nb] = carry;
    }
}

/// Shifts left by `shift` bits within the array (bits shifted out of the
/// top are lost; callers size the array so none are).
#[inline]
pub(crate) fn shl_in_place(a: &mut [u64], shift: u32) {
    let n = a.len();
    let limb_shift = (shift / 64) as usize;
    let bit_shift = shift % 64;
    if limb_shift >= n {
        a.iter_mut().for_each(|l| *l = 0);
        return;
    }
    // Downwards, so every source limb is read before it is overwritten.
    for i in (limb_shift..n).rev() {
        let src = i - limb_shift;
        let carried = if bit_shift != 0 && src > 0 { a[src - 1] >> (64 - bit_shift) } else { 0 };
        a[i] = (a[src] << bit_shift) | carried;
    }
    a[..limb_shift].iter_mut().for_each(|l| *l = 0);
}

/// A normalised divisor limb (top bit set) with its reciprocal
/// `floor((2^128 - 1) / d) - 2^64`, after Moeller and Granlund, "Improved
/// division by invariant integers" (2011): each 128-by-64-bit division step
/// then costs two multiplications instead of a library call.
#[derive(Clone, Copy)]
pub(crate) struct Reciprocal {
    d: u64,
    v: u64,
}

impl Reciprocal {
    /// `d` must have its top bit set.
    pub(crate) const fn new(d: u64) -> Reciprocal {
        // (2^128 - 1) - 2^64 d = (2^64 - 1 - d) * 2^64 + (2^64 - 1)
        let v = ((((!d) as u128) << 64) | u64::MAX as u128) / d as u128;
        Reciprocal { d, v: v as u64 }
    }

    /// Quotient and remainder of `(hi * 2^64 + lo) / d` for `hi < d`.
    #[inline]
    pub(crate) fn div2by1(&self, hi: u64, lo: u64) -> (u64, u64) {
        let q = (self.v as u128 * hi as u128).wrapping_add(((hi as u128) << 64) | lo as u128);
        let mut q1 = ((q >> 64) as u64).wrapping_add(1);
        let q0 = q as u64;
        let mut r = lo.wrapping_sub(q1.wrapping_mul(self.d));
        if r > q0 {
            q1 = q1.wrapping_sub(1);
            r = r.wrapping_add(self.d);
        }
        if r >= self.d {
            q1 += 1;
            r -= self.d;
        }
        (q1, r)
    }
}

/// Shifts left by `shift < 64` bits (the normalisation step of division);
/// bits shifted out of the top limb are lost.
#[inline]
fn shl_bits_in_place(a: &mut [u64], shift: u32) {
    if shift == 0 || a.is_empty() {
        return;
    }
    for i in (1..a.len()).rev() {
        a[i] = (a[i] << shift) | (a[i - 1] >> (64 - shift));
    }
    a[0] <<= shift;
}

/// Whether every limb is zero.
#[inline]
pub(crate) fn is_zero(a: &[u64]) -> bool {
    a.iter().fold(0, |acc, &l| acc | l) == 0
}

/// Divides `num` by a single limb `d != 0`; the quotient replaces `num`,
/// the remainder is returned.
fn div_rem_limb(num: &mut [u64], d: u64) -> u64 {
    let n = num.len();
    if n == 0 {
        return 0;
    }
    // Divide num * 2^s by d * 2^s, which has its top bit set.
    let s = d.leading_zeros();
    let rec = Reciprocal::new(d << s);
    let mut r = if s == 0 { 0 } else { num[n - 1] >> (64 - s) };
    for i in (0..n).rev() {
        let carried = if s != 0 && i > 0 { num[i - 1] >> (64 - s) } else { 0 };
        let (q, rest) = rec.div2by1(r, (num[i] << s) | carried);
        num[i] = q;
        r = rest;
    }
    r >> s
}

/// Truncating division of magnitudes: returns `(num / den, num % den)` for a
/// dividend of `N <= 9` limbs and a non-zero divisor of at most 257 bits.
pub(crate) fn div_rem<const N: usize>(num: &[u64; N], den: &[u64; 5]) -> ([u64; N], [u64; 5]) {
    debug_assert!(N <= WIDE_LIMBS);
    let n = used_limbs(den);
    debug_assert!(n > 0, "division by zero");
    let mut quot = [0u64; N];
    let mut rem = [0u64; 5];
    let m_total = used_limbs(num);
    if cmp(num, den) == Ordering::Less {
        rem[..m_total].copy_from_slice(&num[..m_total]);
        return (quot, rem);
    }
    if n == 1 {
        quot = *num;
        rem[0] = div_rem_limb(&mut quot[..m_total], den[0]);
        return (quot, rem);
    }
    // Knuth, TAOCP vol. 2, 4.3.1, algorithm D. Normalise so the divisor's
    // top limb has its high bit set; the dividend gets one extra limb.
    let shift = den[n - 1].leading_zeros();
    let mut v = *den;
    shl_bits_in_place(&mut v[..n], shift);
    let mut u = [0u64; WIDE_LIMBS + 1];
    u[..m_total].copy_from_slice(&num[..m_total]);
    shl_bits_in_place(&mut u[..m_total + 1], shift);

    let v_top = v[n - 1];
    let v_next = v[n - 2];
    let rec = Reciprocal::new(v_top);
    for j in (0..=(m_total - n)).rev() {
        // Estimate the quotient digit from the top two limbs (u[j + n] <=
        // v_top always), then refine it with the third so it is at most one
        // too large.
        let (u1, u0) = (u[j + n], u[j + n - 1]);
        let (mut qhat, mut rhat, mut rhat_overflow) = if u1 >= v_top {
            // qhat = 2^64 - 1, rhat = u1 * 2^64 + u0 - qhat * v_top = u0 + v_top.
            let (r, o) = u0.overflowing_add(v_top);
            (u64::MAX, r, o)
        } else {
            let (q, r) = rec.div2by1(u1, u0);
            (q, r, false)
        };
        while !rhat_overflow && qhat as u128 * v_next as u128 > (((rhat as u128) << 64) | u[j + n - 2] as u128) {
            qhat -= 1;
            let (r, o) = rhat.overflowing_add(v_top);
            rhat = r;
            rhat_overflow = o;
        }
        // u[j..=j+n] -= qhat * v
        let mut borrow = false;
        let mut carry: u64 = 0;
        for i in 0..n {
            let p = qhat as u128 * v[i] as u128 + carry as u128;
            carry = (p >> 64) as u64;
            let (d1, b1) = u[i + j].overflowing_sub(p as u64);
            let (d2, b2) = d1.overflowing_sub(borrow as u64);
            u[i + j] = d2;
            borrow = b1 | b2;
        }
        let (d1, b1) = u[j + n].overflowing_sub(carry);
        let (d2, b2) = d1.overflowing_sub(borrow as u64);
        u[j + n] = d2;
        if b1 | b2 {
            // The estimate was one too large: add the divisor back.
            qhat -= 1;
            let mut c = false;
            for i in 0..n {
                let (s1, c1) = u[i + j].overflowing_add(v[i]);
                let (s2, c2) = s1.overflowing_add(c as u64);
                u[i + j] = s2;
                c = c1 | c2;
            }
            u[j + n] = u[j + n].wrapping_add(c as u64);
        }
        quot[j] = qhat;
    }
    // Un-normalise the remainder.
    for i in 0..n {
        rem[i] = if shift == 0 { u[i] } else { (u[i] >> shift) | (u[i + 1] << (64 - shift)) };
    }
    (quot, rem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mag(limbs: &[u64]) -> [u64; WIDE_LIMBS] {
        let mut m = [0; WIDE_LIMBS];
        m[..limbs.len()].copy_from_slice(limbs);
        m
    }

    #[test]
    fn division_reconstructs_the_dividend() {
        // Divisor with a top limb of exactly 2^63 and a dividend just below a limb boundary.
        let num = mag(&[0, 0, 0x8000_0000_0000_0000, 0x7fff_ffff_ffff_ffff]);
        let den = [1u64, 0, 0x8000_0000_0000_0000, 0, 0];
        let (q, r) = div_rem(&num, &den);
        let mut back = [0u64; 12];
        mul(&q, &den, &mut back);
        add_assign(&mut back, &r);
        assert_eq!(&back[..WIDE_LIMBS], &num[..]);
        assert_eq!(cmp(&r, &den), Ordering::Less);
    }

    #[test]
    fn reciprocal_division_matches_u128() {
        let samples = [0x8000_0000_0000_0000u64, 0x8000_0000_0000_0001, 0xFFFF_FFFF_FFFF_FFFF, 0xC0FF_EE00_1234_5678];
        for &d in &samples {
            let rec = Reciprocal::new(d);
            for &hi in &[0, 1, d / 2, d - 1] {
                for &lo in &[0, 1, u64::MAX, 0x1234_5678_9ABC_DEF0] {
                    let n = ((hi as u128) << 64) | lo as u128;
                    let (q, r) = rec.div2by1(hi, lo);
                    assert_eq!((q as u128, r as u128), (n / d as u128, n % d as u128), "{hi:x}:{lo:x} / {d:x}");
                }
            }
        }
    }

    #[test]
    fn bit_lengths() {
        assert_eq!(bit_len(&[0, 0]), 0);
        assert_eq!(bit_len(&[1, 0]), 1);
        assert_eq!(bit_len(&[0, 1]), 65);
        assert_eq!(bit_len(&[u64::MAX, u64::MAX]), 128);
    }
}
