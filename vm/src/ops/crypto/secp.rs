//! secp256k1: public key recovery (`ECRECOVER`) and x-only key tweaking
//! (`SECP256K1_XONLY_PUBKEY_TWEAK_ADD`) with libsecp256k1's acceptance rules.
//! A failed operation pushes 0 instead of the key.

use k256::elliptic_curve::group::Group;
use k256::elliptic_curve::ops::Reduce;
use k256::elliptic_curve::point::DecompressPoint;
use k256::elliptic_curve::sec1::ToEncodedPoint;
use k256::elliptic_curve::subtle::Choice;
use k256::elliptic_curve::PrimeField;
use k256::{AffinePoint, FieldBytes, ProjectivePoint, Scalar, U256};

use super::{range_check, u256_bytes};
use crate::error::Exec;
use crate::int257::Int257;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::vm::Vm;

/// Extra gas of `ECRECOVER` (`ecrecover_gas_price`).
const ECRECOVER_GAS: i64 = 1500;
/// Extra gas of `SECP256K1_XONLY_PUBKEY_TWEAK_ADD`.
const XONLY_TWEAK_ADD_GAS: i64 = 1250;

/// The secp256k1 group order n, big-endian.
const ORDER: [u8; 32] = [
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xba, 0xae, 0xdc,
    0xe6, 0xaf, 0x48, 0xa0, 0x3b, 0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
];

/// A scalar below the group order, as libsecp256k1 parses one without reducing.
fn scalar(bytes: &[u8; 32]) -> Option<Scalar> {
    Option::from(Scalar::from_repr(FieldBytes::from(*bytes)))
}

/// The curve point with x coordinate `x` and the given y parity.
fn lift_x(x: &[u8; 32], y_odd: bool) -> Option<AffinePoint> {
    Option::from(AffinePoint::decompress(&FieldBytes::from(*x), Choice::from(u8::from(y_odd))))
}

/// Public key recovery from a compact signature `r, s` with recovery id
/// `recid` (0..3), as `secp256k1_ecdsa_recover`; the uncompressed key.
fn ecrecover(hash: &[u8; 32], r: &[u8; 32], s: &[u8; 32], recid: u8) -> Option<[u8; 65]> {
    if recid > 3 {
        return None;
    }
    let r_scalar = scalar(r)?;
    let s_scalar = scalar(s)?;
    if bool::from(r_scalar.is_zero()) || bool::from(s_scalar.is_zero()) {
        return None;
    }
    // Recovery ids 2 and 3 say the x coordinate of R is r + n.
    let x = if recid & 2 != 0 {
        Int257::from_u256_be(r).checked_add(Int257::from_u256_be(&ORDER))?.to_u256_be()?
    } else {
        *r
    };
    let big_r = lift_x(&x, recid & 1 != 0)?;
    let e = <Scalar as Reduce<U256>>::reduce_bytes(&FieldBytes::from(*hash));
    let r_inv = Option::<Scalar>::from(r_scalar.invert())?;
    let u1 = -(e * r_inv);
    let u2 = s_scalar * r_inv;
    let q = ProjectivePoint::GENERATOR * u1 + ProjectivePoint::from(big_r) * u2;
    uncompressed(q)
}

/// The x-only key `x` (even y) plus `tweak`·G, as `secp256k1_xonly_pubkey_tweak_add`.
fn xonly_tweak_add(x: &[u8; 32], tweak: &[u8; 32]) -> Option<[u8; 65]> {
    let p = lift_x(x, false)?;
    let t = scalar(tweak)?;
    uncompressed(ProjectivePoint::from(p) + ProjectivePoint::GENERATOR * t)
}

fn uncompressed(q: ProjectivePoint) -> Option<[u8; 65]> {
    if bool::from(q.is_identity()) {
        return None;
    }
    let encoded = q.to_affine().to_encoded_point(false);
    encoded.as_bytes().try_into().ok()
}

/// Pushes `h x y -1` for an uncompressed key, or just 0.
fn push_key(vm: &mut Vm, key: Option<[u8; 65]>) {
    match key {
        Some(key) => {
            let mut x = [0u8; 32];
            let mut y = [0u8; 32];
            x.copy_from_slice(&key[1..33]);
            y.copy_from_slice(&key[33..65]);
            vm.push_small(i64::from(key[0]));
            vm.push_int(Int257::from_u256_be(&x));
            vm.push_int(Int257::from_u256_be(&y));
            vm.push_bool(true);
        }
        None => vm.push_bool(false),
    }
}

fn exec_ecrecover(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(4)?;
    let s = vm.pop_int_or_nan()?;
    let r = vm.pop_int_or_nan()?;
    let v = vm.pop_smallint_range(255)? as u8;
    let hash = vm.pop_int_or_nan()?;
    let r = u256_bytes(&r).ok_or_else(range_check)?;
    let s = u256_bytes(&s).ok_or_else(range_check)?;
    let hash = u256_bytes(&hash).ok_or_else(range_check)?;
    vm.charge(ECRECOVER_GAS)?;
    let key = ecrecover(&hash, &r, &s, v);
    push_key(vm, key);
    Ok(())
}

fn exec_xonly_tweak_add(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let tweak = vm.pop_int_or_nan()?;
    let key = vm.pop_int_or_nan()?;
    let key = u256_bytes(&key).ok_or_else(range_check)?;
    let tweak = u256_bytes(&tweak).ok_or_else(range_check)?;
    vm.charge(XONLY_TWEAK_ADD_GAS)?;
    let out = xonly_tweak_add(&key, &tweak);
    push_key(vm, out);
    Ok(())
}

/// Registers the secp256k1 instructions.
pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xf912, 16, "ECRECOVER", exec_ecrecover).since(4);
    t.simple(0xf913, 16, "SECP256K1_XONLY_PUBKEY_TWEAK_ADD", exec_xonly_tweak_add).since(9);
}
