//! Ristretto255 group operations (`RIST255_*`), as libsodium's
//! `crypto_core_ristretto255_*` and `crypto_scalarmult_ristretto255*` behave
//! under global version 12. Invalid encodings are a range check error; the
//! quiet forms push 0 instead (and -1 after a result).

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT;
use curve25519_dalek::ristretto::{CompressedRistretto, RistrettoPoint};
use curve25519_dalek::Scalar;

use super::{range_check, u256_bytes};
use crate::error::Exec;
use crate::int257::{Int257, Rounding};
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::vm::Vm;

const MUL_GAS: i64 = 2000;
const MULBASE_GAS: i64 = 750;
const ADD_GAS: i64 = 600;
const FROMHASH_GAS: i64 = 600;
const VALIDATE_GAS: i64 = 200;

/// The prime order l = 2^252 + 27742317777372353535851937790883648493, big-endian.
const ORDER_L: [u8; 32] = [
    0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x14, 0xde, 0xf9, 0xde, 0xa2, 0xf7, 0x9c, 0xd6, 0x58, 0x12,
    0x63, 0x1a, 0x5c, 0xf5, 0xd3, 0xed,
];

fn order() -> Int257 {
    Int257::from_u256_be(&ORDER_L)
}

/// A valid encoded group element (`crypto_core_ristretto255_is_valid_point`).
/// The integer's big-endian bytes are the encoding; libsodium ignores the
/// encoding's top bit (bit 7 of the last byte), so it is cleared first.
fn decode(x: &Option<Int257>) -> Option<RistrettoPoint> {
    let mut bytes = u256_bytes(x)?;
    bytes[31] &= 0x7f;
    CompressedRistretto(bytes).decompress()
}

fn encode(p: &RistrettoPoint) -> Int257 {
    Int257::from_u256_be(&p.compress().to_bytes())
}

/// `n mod l` (non-negative); NaN stays NaN.
fn reduce(n: Option<Int257>) -> Option<Int257> {
    n.and_then(|n| n.div_rem(order(), Rounding::Floor)).map(|(_, r)| r)
}

/// The scalar of a reduced `n` (already below l).
fn scalar(n: &Int257) -> Option<Scalar> {
    let mut le = n.to_u256_be()?;
    le.reverse();
    Option::from(Scalar::from_canonical_bytes(le))
}

/// Finishes an operation: the result (and -1 when quiet), or the failure.
fn finish(vm: &mut Vm, quiet: bool, result: Option<Int257>) -> Exec {
    match result {
        Some(r) => {
            vm.push_int(r);
            if quiet {
                vm.push_bool(true);
            }
            Ok(())
        }
        None if quiet => {
            vm.push_bool(false);
            Ok(())
        }
        None => Err(range_check()),
    }
}

fn exec_fromhash(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let x2 = vm.pop_int_or_nan()?;
    let x1 = vm.pop_int_or_nan()?;
    vm.charge(FROMHASH_GAS)?;
    let mut bytes = [0u8; 64];
    bytes[..32].copy_from_slice(&u256_bytes(&x1).ok_or_else(range_check)?);
    bytes[32..].copy_from_slice(&u256_bytes(&x2).ok_or_else(range_check)?);
    vm.push_int(encode(&RistrettoPoint::from_uniform_bytes(&bytes)));
    Ok(())
}

fn validate(vm: &mut Vm, quiet: bool) -> Exec {
    let x = vm.pop_int_or_nan()?;
    vm.charge(VALIDATE_GAS)?;
    let valid = decode(&x).is_some();
    if quiet {
        vm.push_bool(valid);
        Ok(())
    } else if valid {
        Ok(())
    } else {
        Err(range_check())
    }
}

fn add_or_sub(vm: &mut Vm, quiet: bool, sub: bool) -> Exec {
    vm.check_depth(2)?;
    let y = vm.pop_int_or_nan()?;
    let x = vm.pop_int_or_nan()?;
    vm.charge(ADD_GAS)?;
    let result = match (decode(&x), decode(&y)) {
        (Some(x), Some(y)) => Some(encode(&if sub { x - y } else { x + y })),
        _ => None,
    };
    finish(vm, quiet, result)
}

/// `x · n`. A zero `n mod l` gives 0 without looking at `x`; an identity
/// result otherwise fails, as libsodium refuses to return it.
fn mul(vm: &mut Vm, quiet: bool) -> Exec {
    vm.check_depth(2)?;
    let n = reduce(vm.pop_int_or_nan()?);
    let x = vm.pop_int_or_nan()?;
    vm.charge(MUL_GAS)?;
    if n.is_some_and(|n| n.is_zero()) {
        return finish(vm, quiet, Some(Int257::ZERO));
    }
    let product = match (decode(&x), n.as_ref().and_then(scalar)) {
        (Some(p), Some(s)) => Some(p * s),
        _ => None,
    };
    let result = product.filter(|p| p.compress().to_bytes() != [0u8; 32]).map(|p| encode(&p));
    finish(vm, quiet, result)
}

/// `G · n`. An identity result is pushed as 0 (libsodium fails but leaves
/// zeros in its output, which the reference then accepts).
fn mulbase(vm: &mut Vm, quiet: bool) -> Exec {
    let n = reduce(vm.pop_int_or_nan()?);
    vm.charge(MULBASE_GAS)?;
    let result = n.as_ref().and_then(scalar).map(|s| encode(&(RISTRETTO_BASEPOINT_POINT * s)));
    finish(vm, quiet, result)
}

fn exec_validate(vm: &mut Vm, _: &Instr) -> Exec {
    validate(vm, false)
}
fn exec_qvalidate(vm: &mut Vm, _: &Instr) -> Exec {
    validate(vm, true)
}
fn exec_add(vm: &mut Vm, _: &Instr) -> Exec {
    add_or_sub(vm, false, false)
}
fn exec_qadd(vm: &mut Vm, _: &Instr) -> Exec {
    add_or_sub(vm, true, false)
}
fn exec_sub(vm: &mut Vm, _: &Instr) -> Exec {
    add_or_sub(vm, false, true)
}
fn exec_qsub(vm: &mut Vm, _: &Instr) -> Exec {
    add_or_sub(vm, true, true)
}
fn exec_mul(vm: &mut Vm, _: &Instr) -> Exec {
    mul(vm, false)
}
fn exec_qmul(vm: &mut Vm, _: &Instr) -> Exec {
    mul(vm, true)
}
fn exec_mulbase(vm: &mut Vm, _: &Instr) -> Exec {
    mulbase(vm, false)
}
fn exec_qmulbase(vm: &mut Vm, _: &Instr) -> Exec {
    mulbase(vm, true)
}

fn exec_pushl(vm: &mut Vm, _: &Instr) -> Exec {
    vm.push_int(order());
    Ok(())
}

/// Registers the Ristretto255 instructions.
pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xf920, 16, "RIST255_FROMHASH", exec_fromhash).since(4);
    t.simple(0xf921, 16, "RIST255_VALIDATE", exec_validate).since(4);
    t.simple(0xf922, 16, "RIST255_ADD", exec_add).since(4);
    t.simple(0xf923, 16, "RIST255_SUB", exec_sub).since(4);
    t.simple(0xf924, 16, "RIST255_MUL", exec_mul).since(4);
    t.simple(0xf925, 16, "RIST255_MULBASE", exec_mulbase).since(4);
    t.simple(0xf926, 16, "RIST255_PUSHL", exec_pushl).since(4);
    t.simple(0xb7f921, 24, "RIST255_QVALIDATE", exec_qvalidate).since(4);
    t.simple(0xb7f922, 24, "RIST255_QADD", exec_qadd).since(4);
    t.simple(0xb7f923, 24, "RIST255_QSUB", exec_qsub).since(4);
    t.simple(0xb7f924, 24, "RIST255_QMUL", exec_qmul).since(4);
    t.simple(0xb7f925, 24, "RIST255_QMULBASE", exec_qmulbase).since(4);
}
