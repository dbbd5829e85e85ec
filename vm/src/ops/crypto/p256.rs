//! P-256 ECDSA signature checks (`P256_CHKSIGNU`, `P256_CHKSIGNS`): SHA-256
//! of the data, a 33-byte compressed public key, a 64-byte `r || s` signature.

use p256::ecdsa::signature::Verifier;
use p256::ecdsa::{Signature, VerifyingKey};

use super::{cell_underflow, pop_signed_data, prefix_bytes};
use crate::error::Exec;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::vm::Vm;

/// Extra gas of a P-256 check (`p256_chksgn_gas_price`).
const P256_CHKSIGN_GAS: i64 = 3500;

/// Verifies as OpenSSL does: a valid compressed key, `0 < r, s < n`, and the
/// ECDSA equation (high `s` accepted).
fn p256_verify(key: &[u8; 33], data: &[u8], signature: &[u8; 64]) -> bool {
    let Ok(key) = VerifyingKey::from_sec1_bytes(key) else {
        return false;
    };
    let Ok(signature) = Signature::from_slice(signature) else {
        return false;
    };
    key.verify(data, &signature).is_ok()
}

fn p256_chksign(vm: &mut Vm, from_slice: bool) -> Exec {
    vm.check_depth(3)?;
    let key = vm.pop_slice()?;
    let signature = vm.pop_slice()?;
    let data = pop_signed_data(vm, from_slice)?;
    let signature = prefix_bytes::<64>(&signature).ok_or_else(cell_underflow)?;
    let key = prefix_bytes::<33>(&key).ok_or_else(cell_underflow)?;
    vm.charge(P256_CHKSIGN_GAS)?;
    let ok = p256_verify(&key, &data, &signature);
    vm.push_bool(ok);
    Ok(())
}

fn exec_p256_chksignu(vm: &mut Vm, _: &Instr) -> Exec {
    p256_chksign(vm, false)
}

fn exec_p256_chksigns(vm: &mut Vm, _: &Instr) -> Exec {
    p256_chksign(vm, true)
}

/// Registers the P-256 instructions.
pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xf914, 16, "P256_CHKSIGNU", exec_p256_chksignu).since(4);
    t.simple(0xf915, 16, "P256_CHKSIGNS", exec_p256_chksigns).since(4);
}
