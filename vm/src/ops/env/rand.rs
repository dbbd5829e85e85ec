//! The pseudo-random generator over the c7 seed: `RANDU256`, `RAND`,
//! `SETRAND`, `ADDRAND`. A step is `sha512(seed)`: the first half becomes the
//! new seed, the second half is the random number.

use std::rc::Rc;

use sha2::{Digest, Sha256, Sha512};

use super::{c7, info_tuple, tuple_index, RANDSEED_IDX};
use crate::error::{excno, Exec, Trap};
use crate::int257::{Int257, Rounding};
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::{Tuple, Value};
use crate::vm::Vm;

/// The current seed as 32 bytes (type check if not an integer, range check
/// if it does not fit in 256 unsigned bits).
fn current_seed(info: &Tuple) -> Result<[u8; 32], Trap> {
    match tuple_index(info, RANDSEED_IDX)? {
        Value::Int(x) => x.to_u256_be().ok_or_else(|| Trap::exc(excno::RANGE_CHECK)),
        Value::NaN => Err(Trap::exc(excno::RANGE_CHECK)),
        _ => Err(Trap::exc(excno::TYPE_CHECK)),
    }
}

/// Writes `info` back as `c7[0]` and charges for both rebuilt tuples.
fn store_info(vm: &mut Vm, info: Tuple) -> Exec {
    let mut outer = c7(vm);
    Rc::make_mut(&mut outer)[0] = Value::Tuple(info);
    let outer_len = outer.len();
    vm.regs.c7 = Some(outer);
    vm.charge(outer_len as i64)
}

/// One generator step; returns the random number.
fn next_random(vm: &mut Vm) -> Result<Int257, Trap> {
    let mut info = info_tuple(vm)?;
    let seed = current_seed(&info)?;
    let hash = Sha512::digest(seed);
    let new_seed: [u8; 32] = hash[..32].try_into().expect("32 bytes");
    let random: [u8; 32] = hash[32..].try_into().expect("32 bytes");
    Rc::make_mut(&mut info)[RANDSEED_IDX] = Value::Int(Int257::from_u256_be(&new_seed));
    let info_len = info.len();
    vm.charge(info_len as i64)?;
    store_info(vm, info)?;
    Ok(Int257::from_u256_be(&random))
}

fn exec_randu256(vm: &mut Vm, _: &Instr) -> Exec {
    let x = next_random(vm)?;
    vm.push_int(x);
    Ok(())
}

fn exec_rand(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(1)?;
    let range = vm.pop_int()?;
    let y = next_random(vm)?;
    // floor(range * y / 2^256) always fits: |y| < 2^256.
    let (q, _) = range.mul_shr_rem(y, 256, Rounding::Floor).expect("fits in 257 bits");
    vm.push_int(q);
    Ok(())
}

fn set_rand(vm: &mut Vm, mix: bool) -> Exec {
    vm.check_depth(1)?;
    let x = vm.pop_int()?;
    let mut new_seed = x.to_u256_be().ok_or_else(|| Trap::exc(excno::RANGE_CHECK))?;
    let mut info = info_tuple(vm)?;
    if mix {
        let seed = current_seed(&info)?;
        let mut h = Sha256::new();
        h.update(seed);
        h.update(new_seed);
        new_seed = h.finalize().into();
    }
    let items = Rc::make_mut(&mut info);
    if items.len() <= RANDSEED_IDX {
        items.resize(RANDSEED_IDX + 1, Value::Null);
    }
    items[RANDSEED_IDX] = Value::Int(Int257::from_u256_be(&new_seed));
    let info_len = info.len();
    vm.charge(info_len as i64)?;
    store_info(vm, info)
}

fn exec_setrand(vm: &mut Vm, _: &Instr) -> Exec {
    set_rand(vm, false)
}

fn exec_addrand(vm: &mut Vm, _: &Instr) -> Exec {
    set_rand(vm, true)
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xf810, 16, "RANDU256", exec_randu256);
    t.simple(0xf811, 16, "RAND", exec_rand);
    t.simple(0xf814, 16, "SETRAND", exec_setrand);
    t.simple(0xf815, 16, "ADDRAND", exec_addrand);
}
