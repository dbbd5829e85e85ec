//! BLS12-381 instructions (`BLS_*`): signature checks, G1/G2 arithmetic,
//! multi-exponentiation, map-to-curve and pairing, with the reference's
//! gas prices and the order in which it pops, charges and checks.

use gram_cells::{CellBuilder, CellSlice};

use super::bls_blst::{self as blst_ops, BlstError, P1_SIZE, P2_SIZE};
use super::{cell_underflow, prefix_bytes, whole_bytes};
use crate::error::{excno, Exec, Trap};
use crate::int257::{Int257, Rounding};
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// Gas prices of `crypto/vm/vm.h`.
mod gas {
    pub const VERIFY: i64 = 61000;
    pub const AGGREGATE_BASE: i64 = -2650;
    pub const AGGREGATE_ELEMENT: i64 = 4350;
    pub const FAST_AGGREGATE_VERIFY_BASE: i64 = 58000;
    pub const FAST_AGGREGATE_VERIFY_ELEMENT: i64 = 3000;
    pub const AGGREGATE_VERIFY_BASE: i64 = 38500;
    pub const AGGREGATE_VERIFY_ELEMENT: i64 = 22500;
    pub const G1_ADD_SUB: i64 = 3900;
    pub const G1_NEG: i64 = 750;
    pub const G1_MUL: i64 = 5200;
    pub const MAP_TO_G1: i64 = 2350;
    pub const G1_IN_GROUP: i64 = 2950;
    pub const G2_ADD_SUB: i64 = 6100;
    pub const G2_NEG: i64 = 1550;
    pub const G2_MUL: i64 = 10550;
    pub const MAP_TO_G2: i64 = 7950;
    pub const G2_IN_GROUP: i64 = 4250;
    pub const G1_MULTIEXP: [i64; 3] = [11375, 630, 8820];
    pub const G2_MULTIEXP: [i64; 3] = [30388, 1280, 22840];
    pub const PAIRING_BASE: i64 = 20000;
    pub const PAIRING_ELEMENT: i64 = 11800;
}

/// The order r of the groups, big-endian.
const ORDER_R: [u8; 32] = [
    0x73, 0xed, 0xa7, 0x53, 0x29, 0x9d, 0x7d, 0x48, 0x33, 0x39, 0xd8, 0x08, 0x09, 0xa1, 0xd8, 0x05, 0x53, 0xbd, 0xa4,
    0x02, 0xff, 0xfe, 0x5b, 0xfe, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01,
];

fn unknown(_: BlstError) -> Trap {
    Trap::exc(excno::UNKNOWN)
}

/// Pops a slice and takes its first `N` bytes (cell underflow if shorter).
fn pop_bytes<const N: usize>(vm: &mut Vm) -> Result<[u8; N], Trap> {
    let slice = vm.pop_slice()?;
    prefix_bytes::<N>(&slice).ok_or_else(cell_underflow)
}

/// Pops a message slice: all of its bits, which must be whole bytes.
fn pop_msg(vm: &mut Vm) -> Result<Vec<u8>, Trap> {
    let slice = vm.pop_slice()?;
    whole_bytes(&slice)
}

/// Pops a finite integer and reduces it mod r (non-negative), big-endian.
fn pop_scalar(vm: &mut Vm) -> Result<[u8; 32], Trap> {
    let x = vm.pop_int()?;
    let (_, rem) = x.div_rem(Int257::from_u256_be(&ORDER_R), Rounding::Floor).expect("r is not zero");
    Ok(rem.to_u256_be().expect("a remainder mod r fits in 256 bits"))
}

/// Pushes bytes as a slice of a new cell (the reference charges neither the
/// cell creation nor the load).
fn push_bytes(vm: &mut Vm, bytes: &[u8]) -> Exec {
    let mut b = CellBuilder::new();
    b.store_raw(bytes, bytes.len() * 8)?;
    vm.push(Value::Slice(CellSlice::new(b.build()?)));
    Ok(())
}

/// Pops the element count `n` of the list forms (`0..=max`, `min..=max` for AGGREGATE).
fn pop_count(vm: &mut Vm, min: i64, max: i64) -> Result<usize, Trap> {
    Ok(vm.pop_smallint_between(min, max)? as usize)
}

/// Gas of a multi-exponentiation of `n` terms: `base + n·c1 + n·c2 / l`,
/// with `l = max(4, floor(log2 n))`.
fn multiexp_gas(n: usize, [base, coef1, coef2]: [i64; 3]) -> i64 {
    let n = n as i64;
    let mut l = 4;
    while (1i64 << (l + 1)) <= n {
        l += 1;
    }
    base + n * coef1 + n * coef2 / l
}

fn exec_verify(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(3)?;
    vm.charge(gas::VERIFY)?;
    let sig = pop_bytes::<P2_SIZE>(vm)?;
    let msg = pop_msg(vm)?;
    let public_key = pop_bytes::<P1_SIZE>(vm)?;
    let ok = blst_ops::verify(&public_key, &msg, &sig);
    vm.push_bool(ok);
    Ok(())
}

fn exec_aggregate(vm: &mut Vm, _: &Instr) -> Exec {
    let max = vm.stack.len() as i64 - 1;
    let n = pop_count(vm, 1, max)?;
    vm.charge(gas::AGGREGATE_BASE + n as i64 * gas::AGGREGATE_ELEMENT)?;
    let mut sigs = vec![[0u8; P2_SIZE]; n];
    for sig in sigs.iter_mut().rev() {
        *sig = pop_bytes::<P2_SIZE>(vm)?;
    }
    let sum = blst_ops::aggregate(&sigs).map_err(unknown)?;
    push_bytes(vm, &sum)
}

fn exec_fast_aggregate_verify(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(3)?;
    let sig = vm.pop_slice()?;
    let msg = vm.pop_slice()?;
    let max = vm.stack.len() as i64 - 1;
    let n = pop_count(vm, 0, max)?;
    vm.charge(gas::FAST_AGGREGATE_VERIFY_BASE + n as i64 * gas::FAST_AGGREGATE_VERIFY_ELEMENT)?;
    let mut keys = vec![[0u8; P1_SIZE]; n];
    for key in keys.iter_mut().rev() {
        *key = pop_bytes::<P1_SIZE>(vm)?;
    }
    let msg = whole_bytes(&msg)?;
    let sig = prefix_bytes::<P2_SIZE>(&sig).ok_or_else(cell_underflow)?;
    let ok = blst_ops::fast_aggregate_verify(&keys, &msg, &sig);
    vm.push_bool(ok);
    Ok(())
}

fn exec_aggregate_verify(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let sig = vm.pop_slice()?;
    let max = (vm.stack.len() as i64 - 1) / 2;
    let n = pop_count(vm, 0, max)?;
    vm.charge(gas::AGGREGATE_VERIFY_BASE + n as i64 * gas::AGGREGATE_VERIFY_ELEMENT)?;
    let mut pairs = vec![([0u8; P1_SIZE], Vec::new()); n];
    for (key, msg) in pairs.iter_mut().rev() {
        *msg = pop_msg(vm)?;
        *key = pop_bytes::<P1_SIZE>(vm)?;
    }
    let sig = prefix_bytes::<P2_SIZE>(&sig).ok_or_else(cell_underflow)?;
    let ok = blst_ops::aggregate_verify(&pairs, &sig);
    vm.push_bool(ok);
    Ok(())
}

/// Generates the handlers of one group (G1 or G2).
macro_rules! group_ops {
    ($m:ident, $arith:ident, $size:expr, $add_sub_gas:expr, $neg_gas:expr, $mul_gas:expr, $multiexp_gas:expr, $map_gas:expr,
     $in_group_gas:expr, $map:path, $map_size:expr) => {
        mod $m {
            use super::*;

            pub(super) fn exec_add(vm: &mut Vm, _: &Instr) -> Exec {
                add_sub(vm, blst_ops::$arith::add)
            }

            pub(super) fn exec_sub(vm: &mut Vm, _: &Instr) -> Exec {
                add_sub(vm, blst_ops::$arith::sub)
            }

            fn add_sub(
                vm: &mut Vm,
                op: fn(
                    &blst_ops::$arith::Bytes,
                    &blst_ops::$arith::Bytes,
                ) -> Result<blst_ops::$arith::Bytes, BlstError>,
            ) -> Exec {
                vm.check_depth(2)?;
                vm.charge($add_sub_gas)?;
                let b = pop_bytes::<$size>(vm)?;
                let a = pop_bytes::<$size>(vm)?;
                let r = op(&a, &b).map_err(unknown)?;
                push_bytes(vm, &r)
            }

            pub(super) fn exec_neg(vm: &mut Vm, _: &Instr) -> Exec {
                vm.charge($neg_gas)?;
                let a = pop_bytes::<$size>(vm)?;
                let r = blst_ops::$arith::neg(&a).map_err(unknown)?;
                push_bytes(vm, &r)
            }

            pub(super) fn exec_mul(vm: &mut Vm, _: &Instr) -> Exec {
                vm.check_depth(2)?;
                vm.charge($mul_gas)?;
                let x = pop_scalar(vm)?;
                let p = pop_bytes::<$size>(vm)?;
                let r = blst_ops::$arith::mul(&p, &x).map_err(unknown)?;
                push_bytes(vm, &r)
            }

            pub(super) fn exec_multiexp(vm: &mut Vm, _: &Instr) -> Exec {
                let max = (vm.stack.len() as i64 - 1) / 2;
                let n = pop_count(vm, 0, max)?;
                vm.charge(multiexp_gas(n, $multiexp_gas))?;
                let mut terms = vec![([0u8; $size], [0u8; 32]); n];
                for (p, x) in terms.iter_mut().rev() {
                    *x = pop_scalar(vm)?;
                    *p = pop_bytes::<$size>(vm)?;
                }
                let r = blst_ops::$arith::multiexp(&terms).map_err(unknown)?;
                push_bytes(vm, &r)
            }

            pub(super) fn exec_zero(vm: &mut Vm, _: &Instr) -> Exec {
                push_bytes(vm, &blst_ops::$arith::zero())
            }

            pub(super) fn exec_map(vm: &mut Vm, _: &Instr) -> Exec {
                vm.charge($map_gas)?;
                let fp = pop_bytes::<$map_size>(vm)?;
                push_bytes(vm, &$map(&fp))
            }

            pub(super) fn exec_in_group(vm: &mut Vm, _: &Instr) -> Exec {
                vm.charge($in_group_gas)?;
                let a = pop_bytes::<$size>(vm)?;
                vm.push_bool(blst_ops::$arith::in_group(&a));
                Ok(())
            }

            pub(super) fn exec_is_zero(vm: &mut Vm, _: &Instr) -> Exec {
                let a = pop_bytes::<$size>(vm)?;
                vm.push_bool(blst_ops::$arith::is_zero(&a));
                Ok(())
            }
        }
    };
}

group_ops!(
    g1_ops,
    g1,
    P1_SIZE,
    gas::G1_ADD_SUB,
    gas::G1_NEG,
    gas::G1_MUL,
    gas::G1_MULTIEXP,
    gas::MAP_TO_G1,
    gas::G1_IN_GROUP,
    blst_ops::map_to_g1,
    P1_SIZE
);
group_ops!(
    g2_ops,
    g2,
    P2_SIZE,
    gas::G2_ADD_SUB,
    gas::G2_NEG,
    gas::G2_MUL,
    gas::G2_MULTIEXP,
    gas::MAP_TO_G2,
    gas::G2_IN_GROUP,
    blst_ops::map_to_g2,
    P2_SIZE
);

fn exec_pairing(vm: &mut Vm, _: &Instr) -> Exec {
    let max = (vm.stack.len() as i64 - 1) / 2;
    let n = pop_count(vm, 0, max)?;
    vm.charge(gas::PAIRING_BASE + n as i64 * gas::PAIRING_ELEMENT)?;
    let mut pairs = vec![([0u8; P1_SIZE], [0u8; P2_SIZE]); n];
    for (p, q) in pairs.iter_mut().rev() {
        *q = pop_bytes::<P2_SIZE>(vm)?;
        *p = pop_bytes::<P1_SIZE>(vm)?;
    }
    let ok = blst_ops::pairing_check(&pairs).map_err(unknown)?;
    vm.push_bool(ok);
    Ok(())
}

fn exec_push_r(vm: &mut Vm, _: &Instr) -> Exec {
    vm.push_int(Int257::from_u256_be(&ORDER_R));
    Ok(())
}

/// Registers the BLS12-381 instructions.
pub(super) fn register(t: &mut TableBuilder) {
    let ops: [(u32, &'static str, crate::program::ExecFn); 24] = [
        (0xf93000, "BLS_VERIFY", exec_verify),
        (0xf93001, "BLS_AGGREGATE", exec_aggregate),
        (0xf93002, "BLS_FASTAGGREGATEVERIFY", exec_fast_aggregate_verify),
        (0xf93003, "BLS_AGGREGATEVERIFY", exec_aggregate_verify),
        (0xf93010, "BLS_G1_ADD", g1_ops::exec_add),
        (0xf93011, "BLS_G1_SUB", g1_ops::exec_sub),
        (0xf93012, "BLS_G1_NEG", g1_ops::exec_neg),
        (0xf93013, "BLS_G1_MUL", g1_ops::exec_mul),
        (0xf93014, "BLS_G1_MULTIEXP", g1_ops::exec_multiexp),
        (0xf93015, "BLS_G1_ZERO", g1_ops::exec_zero),
        (0xf93016, "BLS_MAP_TO_G1", g1_ops::exec_map),
        (0xf93017, "BLS_G1_INGROUP", g1_ops::exec_in_group),
        (0xf93018, "BLS_G1_ISZERO", g1_ops::exec_is_zero),
        (0xf93020, "BLS_G2_ADD", g2_ops::exec_add),
        (0xf93021, "BLS_G2_SUB", g2_ops::exec_sub),
        (0xf93022, "BLS_G2_NEG", g2_ops::exec_neg),
        (0xf93023, "BLS_G2_MUL", g2_ops::exec_mul),
        (0xf93024, "BLS_G2_MULTIEXP", g2_ops::exec_multiexp),
        (0xf93025, "BLS_G2_ZERO", g2_ops::exec_zero),
        (0xf93026, "BLS_MAP_TO_G2", g2_ops::exec_map),
        (0xf93027, "BLS_G2_INGROUP", g2_ops::exec_in_group),
        (0xf93028, "BLS_G2_ISZERO", g2_ops::exec_is_zero),
        (0xf93030, "BLS_PAIRING", exec_pairing),
        (0xf93031, "BLS_PUSHR", exec_push_r),
    ];
    for (opcode, name, exec) in ops {
        t.simple(opcode, 24, name, exec).since(4);
    }
}
