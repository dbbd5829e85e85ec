//! BLS12-381 group arithmetic and signature checks on top of the `blst` C
//! library, called exactly as the reference's `crypto/vm/bls.cpp` calls it
//! (the same blst release, 0.3.15). Using the same C code is what makes the
//! results bit-exact where the mathematics leaves room: scalar
//! multiplication of points outside the prime-order subgroup (blst uses an
//! endomorphism that assumes the subgroup) and which inputs blst rejects.
//!
//! Every `unsafe` block calls a blst function with pointers to live,
//! properly sized values owned by the caller; blst reads or writes only
//! those (output and input may alias, which blst allows).

use std::ptr;

use blst::*;

/// A blst error (bad encoding, point not on the curve or not in the group):
/// the reference turns it into an `unknown` exception.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct BlstError;

/// Domain separation tag of the proof-of-possession scheme with public keys in G1.
const DST: &[u8] = b"BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_";

/// Bytes of a compressed G1 point / an Fp element.
pub(super) const P1_SIZE: usize = 48;
/// Bytes of a compressed G2 point / an Fp2 element.
pub(super) const P2_SIZE: usize = 96;

/// Arithmetic of one group (G1 or G2) over compressed encodings.
macro_rules! group {
    ($name:ident, $size:expr, $p:ty, $aff:ty, $deser:ident, $from_aff:ident, $to_aff:ident, $aff_in_g:ident,
     $in_g:ident, $aff_is_inf:ident, $add_aff:ident, $cneg:ident, $compress:ident, $mult:ident,
     $pip_scratch:ident, $pip:ident) => {
        /// Group operations on compressed points.
        pub(super) mod $name {
            use super::*;

            /// A compressed point.
            pub(crate) type Bytes = [u8; $size];

            /// Decodes a compressed point (blst's C++ `P_Affine(bytes, len)`):
            /// the compression flag must be set; no subgroup check.
            pub(crate) fn affine(bytes: &Bytes) -> Result<$aff, BlstError> {
                if bytes[0] & 0x80 == 0 {
                    return Err(BlstError);
                }
                let mut out = <$aff>::default();
                // SAFETY: see the module comment; `bytes` holds $size bytes, as a compressed point needs.
                match unsafe { $deser(&mut out, bytes.as_ptr()) } {
                    BLST_ERROR::BLST_SUCCESS => Ok(out),
                    _ => Err(BlstError),
                }
            }

            /// Decodes into projective form (blst's C++ `P(bytes, len)`).
            pub(crate) fn point(bytes: &Bytes) -> Result<$p, BlstError> {
                let a = affine(bytes)?;
                let mut out = <$p>::default();
                // SAFETY: see the module comment.
                unsafe { $from_aff(&mut out, &a) };
                Ok(out)
            }

            pub(crate) fn compress(p: &$p) -> Bytes {
                let mut out = [0u8; $size];
                // SAFETY: see the module comment; `out` has room for a compressed point.
                unsafe { $compress(out.as_mut_ptr(), p) };
                out
            }

            /// Whether a decoded point lies in the prime-order subgroup.
            pub(crate) fn affine_in_group(a: &$aff) -> bool {
                // SAFETY: see the module comment.
                unsafe { $aff_in_g(a) }
            }

            #[allow(dead_code, reason = "used by one of the two groups only")]
            pub(crate) fn affine_is_inf(a: &$aff) -> bool {
                // SAFETY: see the module comment.
                unsafe { $aff_is_inf(a) }
            }

            /// `p += a`, refusing an `a` outside the subgroup (C++ `P::aggregate`).
            pub(crate) fn aggregate(p: &mut $p, a: &$aff) -> Result<(), BlstError> {
                if !affine_in_group(a) {
                    return Err(BlstError);
                }
                let out: *mut $p = p;
                // SAFETY: see the module comment; `out` is both output and first input.
                unsafe { $add_aff(out, out, a) };
                Ok(())
            }

            pub(crate) fn from_affine(a: &$aff) -> $p {
                let mut out = <$p>::default();
                // SAFETY: see the module comment.
                unsafe { $from_aff(&mut out, a) };
                out
            }

            #[allow(dead_code, reason = "used by one of the two groups only")]
            pub(crate) fn to_affine(p: &$p) -> $aff {
                let mut out = <$aff>::default();
                // SAFETY: see the module comment.
                unsafe { $to_aff(&mut out, p) };
                out
            }

            fn negate(p: &mut $p) {
                // SAFETY: see the module comment.
                unsafe { $cneg(p, true) };
            }

            /// `a + b`; `b` must be in the subgroup.
            pub(crate) fn add(a: &Bytes, b: &Bytes) -> Result<Bytes, BlstError> {
                let mut p = point(a)?;
                aggregate(&mut p, &affine(b)?)?;
                Ok(compress(&p))
            }

            /// `a - b`, computed as `-b + a`; `a` must be in the subgroup.
            pub(crate) fn sub(a: &Bytes, b: &Bytes) -> Result<Bytes, BlstError> {
                let mut p = point(b)?;
                negate(&mut p);
                aggregate(&mut p, &affine(a)?)?;
                Ok(compress(&p))
            }

            pub(crate) fn neg(a: &Bytes) -> Result<Bytes, BlstError> {
                let mut p = point(a)?;
                negate(&mut p);
                Ok(compress(&p))
            }

            /// The point at infinity, compressed.
            pub(crate) fn zero() -> Bytes {
                compress(&<$p>::default())
            }

            pub(crate) fn is_zero(a: &Bytes) -> bool {
                *a == zero()
            }

            /// Whether `a` decodes to a point of the subgroup.
            pub(crate) fn in_group(a: &Bytes) -> bool {
                match point(a) {
                    // SAFETY: see the module comment.
                    Ok(p) => unsafe { $in_g(&p) },
                    Err(_) => false,
                }
            }

            /// `p · x` for `x` already reduced mod r, big-endian (a zero `x`
            /// gives infinity without decoding `p`).
            pub(crate) fn mul(p: &Bytes, x_be: &[u8; 32]) -> Result<Bytes, BlstError> {
                if x_be.iter().all(|&b| b == 0) {
                    return Ok(zero());
                }
                let mut q = point(p)?;
                let mut scalar = blst_scalar::default();
                // SAFETY: see the module comment; 32 input bytes.
                unsafe { blst_scalar_from_be_bytes(&mut scalar, x_be.as_ptr(), 32) };
                let out: *mut $p = &mut q;
                // SAFETY: see the module comment; 255 bits of the 32-byte scalar.
                unsafe { $mult(out, out, scalar.b.as_ptr(), 255) };
                Ok(compress(&q))
            }

            /// `Σ p_i · x_i` with each `x_i` reduced mod r, big-endian: one term
            /// is a plain `mul`, more go through blst's Pippenger (256-bit scalars).
            pub(crate) fn multiexp(terms: &[(Bytes, [u8; 32])]) -> Result<Bytes, BlstError> {
                match terms {
                    [] => return Ok(zero()),
                    [(p, x)] => return mul(p, x),
                    _ => {}
                }
                let points = terms.iter().map(|(p, _)| affine(p)).collect::<Result<Vec<_>, _>>()?;
                let scalars: Vec<[u8; 32]> = terms
                    .iter()
                    .map(|(_, x)| {
                        let mut le = *x;
                        le.reverse();
                        le
                    })
                    .collect();
                let point_ptrs = [points.as_ptr(), ptr::null()];
                let scalar_ptrs: Vec<*const u8> = scalars.iter().map(|s| s.as_ptr()).collect();
                // SAFETY: see the module comment.
                let scratch_bytes = unsafe { $pip_scratch(points.len()) };
                let mut scratch = vec![0 as limb_t; scratch_bytes.div_ceil(std::mem::size_of::<limb_t>())];
                let mut out = <$p>::default();
                // SAFETY: see the module comment; `points` is one contiguous array of
                // `points.len()` entries (null-terminated pointer list), there is one
                // 32-byte scalar per point, and the scratch has the size blst asked for.
                unsafe {
                    $pip(&mut out, point_ptrs.as_ptr(), points.len(), scalar_ptrs.as_ptr(), 256, scratch.as_mut_ptr())
                };
                Ok(compress(&out))
            }
        }
    };
}

group!(
    g1,
    P1_SIZE,
    blst_p1,
    blst_p1_affine,
    blst_p1_deserialize,
    blst_p1_from_affine,
    blst_p1_to_affine,
    blst_p1_affine_in_g1,
    blst_p1_in_g1,
    blst_p1_affine_is_inf,
    blst_p1_add_or_double_affine,
    blst_p1_cneg,
    blst_p1_compress,
    blst_p1_mult,
    blst_p1s_mult_pippenger_scratch_sizeof,
    blst_p1s_mult_pippenger
);
group!(
    g2,
    P2_SIZE,
    blst_p2,
    blst_p2_affine,
    blst_p2_deserialize,
    blst_p2_from_affine,
    blst_p2_to_affine,
    blst_p2_affine_in_g2,
    blst_p2_in_g2,
    blst_p2_affine_is_inf,
    blst_p2_add_or_double_affine,
    blst_p2_cneg,
    blst_p2_compress,
    blst_p2_mult,
    blst_p2s_mult_pippenger_scratch_sizeof,
    blst_p2s_mult_pippenger
);

/// Maps a field element (48 bytes, big-endian) to G1.
pub(super) fn map_to_g1(fp: &[u8; P1_SIZE]) -> g1::Bytes {
    let mut u = blst_fp::default();
    let mut p = blst_p1::default();
    // SAFETY: see the module comment; 48 input bytes, no second element.
    unsafe {
        blst_fp_from_bendian(&mut u, fp.as_ptr());
        blst_map_to_g1(&mut p, &u, ptr::null());
    }
    g1::compress(&p)
}

/// Maps an Fp2 element (two 48-byte big-endian halves) to G2.
pub(super) fn map_to_g2(fp2: &[u8; P2_SIZE]) -> g2::Bytes {
    let mut u = blst_fp2::default();
    let mut p = blst_p2::default();
    // SAFETY: see the module comment; two 48-byte halves, no second element.
    unsafe {
        blst_fp_from_bendian(&mut u.fp[0], fp2.as_ptr());
        blst_fp_from_bendian(&mut u.fp[1], fp2[P1_SIZE..].as_ptr());
        blst_map_to_g2(&mut p, &u, ptr::null());
    }
    g2::compress(&p)
}

fn core_verify(pk: &blst_p1_affine, sig: &blst_p2_affine, msg: &[u8]) -> bool {
    // SAFETY: see the module comment; `msg` and `DST` are live slices of the given lengths.
    let res = unsafe {
        blst_core_verify_pk_in_g1(pk, sig, true, msg.as_ptr(), msg.len(), DST.as_ptr(), DST.len(), ptr::null(), 0)
    };
    res == BLST_ERROR::BLST_SUCCESS
}

/// A signature check of `msg` under `public_key` (G1) with `sig` (G2).
pub(super) fn verify(public_key: &g1::Bytes, msg: &[u8], sig: &g2::Bytes) -> bool {
    let Ok(pk) = g1::affine(public_key) else {
        return false;
    };
    if g1::affine_is_inf(&pk) {
        return false;
    }
    let Ok(sig) = g2::affine(sig) else {
        return false;
    };
    core_verify(&pk, &sig, msg)
}

/// The sum of signatures (the first is not checked for the subgroup, the others are).
pub(super) fn aggregate(sigs: &[g2::Bytes]) -> Result<g2::Bytes, BlstError> {
    let (first, rest) = sigs.split_first().ok_or(BlstError)?;
    let mut sum = g2::from_affine(&g2::affine(first)?);
    for sig in rest {
        g2::aggregate(&mut sum, &g2::affine(sig)?)?;
    }
    Ok(g2::compress(&sum))
}

/// One message signed by all of `public_keys`, checked against their sum.
pub(super) fn fast_aggregate_verify(public_keys: &[g1::Bytes], msg: &[u8], sig: &g2::Bytes) -> bool {
    let check = || -> Result<bool, BlstError> {
        let mut sum: Option<blst_p1> = None;
        for pk in public_keys {
            let pk = g1::affine(pk)?;
            if g1::affine_is_inf(&pk) {
                return Ok(false);
            }
            match sum.as_mut() {
                None => sum = Some(g1::from_affine(&pk)),
                Some(s) => g1::aggregate(s, &pk)?,
            }
        }
        let Some(sum) = sum else {
            return Ok(false);
        };
        let sig = g2::affine(sig)?;
        Ok(core_verify(&g1::to_affine(&sum), &sig, msg))
    };
    check().unwrap_or(false)
}

/// A blst pairing context (heap memory of the size blst asks for).
struct Pairing {
    ctx: Vec<u64>,
}

impl Pairing {
    /// A context that hashes messages to G2 with the scheme's DST.
    fn new() -> Pairing {
        // SAFETY: see the module comment.
        let bytes = unsafe { blst_pairing_sizeof() };
        let mut p = Pairing { ctx: vec![0u64; bytes.div_ceil(8)] };
        // SAFETY: the context has the size blst asked for; `DST` is static, so it
        // outlives the context that keeps a pointer to it.
        unsafe { blst_pairing_init(p.raw(), true, DST.as_ptr(), DST.len()) };
        p
    }

    fn raw(&mut self) -> *mut blst_pairing {
        self.ctx.as_mut_ptr().cast()
    }

    fn commit(&mut self) {
        // SAFETY: see `new`.
        unsafe { blst_pairing_commit(self.raw()) };
    }

    fn finalverify(&mut self, gt: Option<&blst_fp12>) -> bool {
        let gt = gt.map_or(ptr::null(), |g| g as *const blst_fp12);
        // SAFETY: see `new`; `gt` is null or a live value.
        unsafe { blst_pairing_finalverify(self.raw(), gt) }
    }
}

/// Distinct messages each signed by its key, checked against one aggregate signature.
pub(super) fn aggregate_verify(pairs: &[(g1::Bytes, Vec<u8>)], sig: &g2::Bytes) -> bool {
    if pairs.is_empty() {
        return false;
    }
    let mut pairing = Pairing::new();
    let no_signature = blst_p2_affine::default();
    for (pk, msg) in pairs {
        let Ok(pk) = g1::affine(pk) else {
            return false;
        };
        if !g1::affine_in_group(&pk) || g1::affine_is_inf(&pk) {
            return false;
        }
        // The reference ignores the result (the key is already checked).
        // SAFETY: see the module comment and `Pairing::new`.
        unsafe {
            blst_pairing_aggregate_pk_in_g1(pairing.raw(), &pk, &no_signature, msg.as_ptr(), msg.len(), ptr::null(), 0)
        };
    }
    pairing.commit();
    let Ok(sig) = g2::affine(sig) else {
        return false;
    };
    if !g2::affine_in_group(&sig) {
        return false;
    }
    let mut gt = blst_fp12::default();
    // SAFETY: see the module comment.
    unsafe { blst_aggregated_in_g2(&mut gt, &sig) };
    pairing.finalverify(Some(&gt))
}

/// Whether the product of the pairings `e(p_i, q_i)` is one.
pub(super) fn pairing_check(pairs: &[(g1::Bytes, g2::Bytes)]) -> Result<bool, BlstError> {
    let mut pairing = Pairing::new();
    for (p, q) in pairs {
        let p = g1::affine(p)?;
        let q = g2::affine(q)?;
        // SAFETY: see the module comment and `Pairing::new`.
        unsafe { blst_pairing_raw_aggregate(pairing.raw(), &q, &p) };
    }
    pairing.commit();
    Ok(pairing.finalverify(None))
}
