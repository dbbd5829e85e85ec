//! Ed25519 signature checks (`CHKSIGNU`, `CHKSIGNS`) with the reference's
//! acceptance rules and its per-run signature-check gas.

use ed25519_dalek::{Signature, Verifier, VerifyingKey};

use super::{cell_underflow, pop_signed_data, prefix_bytes, range_check, u256_bytes};
use crate::error::Exec;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::vm::Vm;

/// Signature checks per run that cost no extra gas (`chksgn_free_count`).
const CHKSIGN_FREE_COUNT: u32 = 10;
/// Extra gas of each further check (`chksgn_gas_price`).
const CHKSIGN_GAS_PRICE: i64 = 4000;

impl Vm {
    /// Counts a signature check (global version 4 on): the first ten are free
    /// (their price is remembered for an isolated `RUNVM`), later ones cost 4000.
    pub(crate) fn register_chksign_call(&mut self) -> Exec {
        if self.version < 4 {
            return Ok(());
        }
        self.chksign_counter += 1;
        if self.chksign_counter > CHKSIGN_FREE_COUNT {
            self.charge(CHKSIGN_GAS_PRICE)
        } else {
            self.free_gas_consumed += CHKSIGN_GAS_PRICE;
            Ok(())
        }
    }
}

/// Verifies as the reference does (OpenSSL's Ed25519): the key must decode
/// to a curve point, `S` must be below the group order, and the recomputed
/// `R` must equal the signature's `R` bytes. Small-order keys and `R` pass.
fn ed25519_verify(key: &[u8; 32], data: &[u8], signature: &[u8; 64]) -> bool {
    let Ok(key) = VerifyingKey::from_bytes(key) else {
        return false;
    };
    key.verify(data, &Signature::from_bytes(signature)).is_ok()
}

fn chksign(vm: &mut Vm, from_slice: bool) -> Exec {
    vm.check_depth(3)?;
    let key = vm.pop_int_or_nan()?;
    let signature = vm.pop_slice()?;
    let data = pop_signed_data(vm, from_slice)?;
    let signature = prefix_bytes::<64>(&signature).ok_or_else(cell_underflow)?;
    let key = u256_bytes(&key).ok_or_else(range_check)?;
    vm.register_chksign_call()?;
    let ok = ed25519_verify(&key, &data, &signature);
    vm.push_bool(ok);
    Ok(())
}

fn exec_chksignu(vm: &mut Vm, _: &Instr) -> Exec {
    chksign(vm, false)
}

fn exec_chksigns(vm: &mut Vm, _: &Instr) -> Exec {
    chksign(vm, true)
}

/// Registers the Ed25519 instructions.
pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xf910, 16, "CHKSIGNU", exec_chksignu);
    t.simple(0xf911, 16, "CHKSIGNS", exec_chksigns);
}
