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

/// An unsigned magnitude of up to 576 bits.
pub(crate) type Mag = [u64; WIDE_LIMBS];

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

/// Shifts left by `shift < 64 * len` bits within the array (bits shifted
/// out of the top are lost; callers size the array so none are).
pub(crate) fn shl_in_place(a: &mut [u64], shift: u32) {
    let limbs = (shift / 64) as usize;
    let bits = shift % 64;
    let n = a.len();
    if limbs >= n {
        a.iter_mut().for_each(|l| *l = 0);
        return;
    }
    for i in (0..n).rev() {
        let src = i as isize - limbs as isize;
        let hi = if src >= 0 { a[src as usize] } else { 0 };
        let lo = if src >= 1 { a[src as usize - 1] } else { 0 };
        a[i] = if bits == 0 { hi } else { (hi << bits) | (lo >> (64 - bits)) };
    }
}

/// Divides `num` by a single limb `d != 0`; the quotient replaces `num`,
/// the remainder is returned.
#[inline]
fn div_rem_small(num: &mut [u64], d: u64) -> u64 {
    let mut rem: u64 = 0;
    for limb in num.iter_mut().rev() {
        let cur = ((rem as u128) << 64) | *limb as u128;
        *limb = (cur / d as u128) as u64;
        rem = (cur % d as u128) as u64;
    }
    rem
}

/// Truncating division of magnitudes: returns `(num / den, num % den)`.
/// `den` must be non-zero and at most 5 limbs long (a 257-bit magnitude).
pub(crate) fn div_rem(num: &Mag, den: &[u64]) -> (Mag, Mag) {
    let n = used_limbs(den);
    debug_assert!(n > 0 && n <= 5, "divisor must be a non-zero 257-bit magnitude");
    let mut quot: Mag = [0; WIDE_LIMBS];
    let mut rem: Mag = [0; WIDE_LIMBS];
    let m_total = used_limbs(num);
    if cmp(num, den) == Ordering::Less {
        rem = *num;
        return (quot, rem);
    }
    if n == 1 {
        quot = *num;
        rem[0] = div_rem_small(&mut quot[..m_total], den[0]);
        return (quot, rem);
    }
    // Knuth, TAOCP vol. 2, 4.3.1, algorithm D. Normalise so the divisor's
    // top limb has its high bit set; the dividend gets one extra limb.
    let shift = den[n - 1].leading_zeros();
    let mut v = [0u64; 5];
    v[..n].copy_from_slice(&den[..n]);
    shl_in_place(&mut v[..n], shift);
    let mut u = [0u64; WIDE_LIMBS + 1];
    u[..m_total].copy_from_slice(&num[..m_total]);
    shl_in_place(&mut u[..m_total + 1], shift);

    let v_top = v[n - 1] as u128;
    let v_next = v[n - 2] as u128;
    for j in (0..=(m_total - n)).rev() {
        // Estimate the quotient digit from the top two limbs, then refine it
        // with the third so it is at most one too large.
        let top = ((u[j + n] as u128) << 64) | u[j + n - 1] as u128;
        let mut qhat = top / v_top;
        let mut rhat = top % v_top;
        while qhat > u64::MAX as u128 || qhat * v_next > ((rhat << 64) | u[j + n - 2] as u128) {
            qhat -= 1;
            rhat += v_top;
            if rhat > u64::MAX as u128 {
                break;
            }
        }
        // u[j..=j+n] -= qhat * v
        let mut borrow: u64 = 0;
        let mut carry: u64 = 0;
        for i in 0..n {
            let p = qhat * v[i] as u128 + carry as u128;
            carry = (p >> 64) as u64;
            let (d1, b1) = u[i + j].overflowing_sub(p as u64);
            let (d2, b2) = d1.overflowing_sub(borrow);
            u[i + j] = d2;
            borrow = (b1 | b2) as u64;
        }
        let (d1, b1) = u[j + n].overflowing_sub(carry);
        let (d2, b2) = d1.overflowing_sub(borrow);
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
        quot[j] = qhat as u64;
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

    fn mag(limbs: &[u64]) -> Mag {
        let mut m = [0; WIDE_LIMBS];
        m[..limbs.len()].copy_from_slice(limbs);
        m
    }

    #[test]
    fn division_reconstructs_the_dividend() {
        // Divisor with a top limb of exactly 2^63 and a dividend just below a limb boundary.
        let num = mag(&[0, 0, 0x8000_0000_0000_0000, 0x7fff_ffff_ffff_ffff]);
        let den = [1u64, 0, 0x8000_0000_0000_0000];
        let (q, r) = div_rem(&num, &den);
        let mut back = [0u64; 12];
        mul(&q, &den, &mut back);
        add_assign(&mut back, &r);
        assert_eq!(&back[..WIDE_LIMBS], &num[..]);
        assert_eq!(cmp(&r, &den), Ordering::Less);
    }

    #[test]
    fn bit_lengths() {
        assert_eq!(bit_len(&[0, 0]), 0);
        assert_eq!(bit_len(&[1, 0]), 1);
        assert_eq!(bit_len(&[0, 1]), 65);
        assert_eq!(bit_len(&[u64::MAX, u64::MAX]), 128);
    }
}
