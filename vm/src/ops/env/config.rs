//! c7 getters (`GETPARAM` and its named forms, `GETPARAMLONG`, the incoming
//! message parameters), the configuration (`CONFIGDICT`, `CONFIGPARAM`,
//! `GLOBALID`, previous blocks) and the fee formulas that read the unpacked
//! config tuple.

use gram_cells::dict::{DictKey, Dictionary};
use gram_cells::CellSlice;

use super::{get_param, info_tuple, tuple_index, unpacked_config, VmCells};
use crate::error::{excno, Exec, Trap};
use crate::int257::{Int257, Rounding};
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::{Tuple, Value};
use crate::vm::Vm;

/// Index of the incoming message parameters in the `SmartContractInfo` tuple.
const INMSGPARAMS_IDX: usize = 17;

fn exec_getparam(vm: &mut Vm, ins: &Instr) -> Exec {
    let v = get_param(vm, (ins.args & 15) as usize)?;
    vm.push(v);
    Ok(())
}

fn exec_getparamlong(vm: &mut Vm, ins: &Instr) -> Exec {
    let v = get_param(vm, (ins.args & 255) as usize)?;
    vm.push(v);
    Ok(())
}

fn exec_inmsgparam(vm: &mut Vm, ins: &Instr) -> Exec {
    let params = match get_param(vm, INMSGPARAMS_IDX)? {
        Value::Tuple(t) => t,
        _ => return Err(Trap::exc(excno::TYPE_CHECK)),
    };
    let v = tuple_index(&params, (ins.args & 15) as usize)?;
    vm.push(v);
    Ok(())
}

fn exec_configdict(vm: &mut Vm, _: &Instr) -> Exec {
    let v = get_param(vm, 9)?;
    vm.push(v);
    vm.push_small(32);
    Ok(())
}

/// `CONFIGPARAM` / `CONFIGOPTPARAM`: looks the index up in the config root
/// (`c7[0][9]`), charging the dictionary's cell loads.
fn config_param(vm: &mut Vm, opt: bool) -> Exec {
    let idx = vm.pop_int_or_nan()?;
    let root = match get_param(vm, 9)? {
        Value::Cell(c) => Some(c),
        Value::Null => None,
        _ => return Err(Trap::exc(excno::TYPE_CHECK)),
    };
    let key = idx.and_then(|i| i.to_i64()).filter(|i| i32::try_from(*i).is_ok());
    let value = match key {
        Some(k) => {
            let dict = Dictionary::with_root(root, 32).map_err(|e| Trap::exc(e.exit_code()))?;
            let key = DictKey::from_int(k, 32).expect("int32 key");
            let mut ctx = VmCells::new(vm);
            let r = dict.get_ref(&key, &mut ctx);
            ctx.finish(r)?
        }
        None => None,
    };
    match (opt, value) {
        (true, v) => vm.push(v.map_or(Value::Null, Value::Cell)),
        (false, Some(c)) => {
            vm.push(Value::Cell(c));
            vm.push_bool(true);
        }
        (false, None) => vm.push_bool(false),
    }
    Ok(())
}

fn exec_configparam(vm: &mut Vm, _: &Instr) -> Exec {
    config_param(vm, false)
}

fn exec_configoptparam(vm: &mut Vm, _: &Instr) -> Exec {
    config_param(vm, true)
}

/// `PREVMCBLOCKS`, `PREVKEYBLOCK`, `PREVMCBLOCKS_100`: entries of `c7[0][13]`.
fn exec_prev_blocks(vm: &mut Vm, ins: &Instr) -> Exec {
    let info = info_tuple(vm)?;
    let prev = super::as_tuple_range(tuple_index(&info, 13)?)?;
    let v = tuple_index(&prev, (ins.args & 3) as usize)?;
    vm.push(v);
    Ok(())
}

fn exec_globalid(vm: &mut Vm, _: &Instr) -> Exec {
    if vm.version >= 6 {
        let cs = match tuple_index(&unpacked_config(vm)?, 1)? {
            Value::Slice(s) => s,
            _ => return Err(Trap::exc(excno::TYPE_CHECK)),
        };
        if cs.remaining_bits() < 32 {
            return Err(Trap::exc(excno::CELL_UNDERFLOW));
        }
        let id = cs.preload_uint(32)? as u32 as i32;
        vm.push_small(id as i64);
        return Ok(());
    }
    let root = match get_param(vm, 19)? {
        Value::Cell(c) => c,
        _ => return Err(Trap::exc(excno::TYPE_CHECK)),
    };
    let dict = Dictionary::with_root(Some(root), 32).map_err(|e| Trap::exc(e.exit_code()))?;
    let key = DictKey::from_int(19, 32).expect("int32 key");
    let mut ctx = VmCells::new(vm);
    let r = dict.get_ref(&key, &mut ctx);
    let cell = ctx.finish(r)?.ok_or_else(|| Trap::exc(excno::UNKNOWN))?;
    let cs = vm.load_cell(cell)?;
    if cs.remaining_bits() < 32 {
        return Err(Trap::exc(excno::UNKNOWN));
    }
    vm.push_small(cs.preload_uint(32)? as u32 as i32 as i64);
    Ok(())
}

// ----- prices from the unpacked config ----------------------------------------

/// Gas prices (config params 20 / 21) as the reference reads them.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct GasPrices {
    pub flat_gas_limit: u64,
    pub flat_gas_price: u64,
    pub gas_price: u64,
}

impl GasPrices {
    /// `gas_prices#dd`, `gas_prices_ext#de`, optionally behind `gas_flat_pfx#d1`.
    ///
    /// As in the reference, `gas_prices#dd` is read from the start of the
    /// slice, so a flat prefix followed by `#dd` does not parse.
    fn parse(cs: CellSlice) -> Option<GasPrices> {
        let mut p = GasPrices::default();
        let mut rest = cs.clone();
        if rest.preload_uint(8).ok()? == 0xd1 && rest.remaining_bits() >= 8 + 128 {
            rest.skip_bits(8).ok()?;
            p.flat_gas_limit = rest.load_u64().ok()?;
            p.flat_gas_price = rest.load_u64().ok()?;
        }
        // gas_prices_ext#de: seven uint64 fields after the flat prefix, gas_price first.
        if rest.preload_uint(8).ok() == Some(0xde) && rest.remaining_bits() >= 8 + 7 * 64 {
            rest.skip_bits(8).ok()?;
            p.gas_price = rest.load_u64().ok()?;
            return Some(p);
        }
        // gas_prices#dd: six uint64 fields, from the start of the slice.
        let mut plain = cs;
        if plain.load_u8().ok()? != 0xdd || plain.remaining_bits() < 6 * 64 {
            return None;
        }
        p.gas_price = plain.load_u64().ok()?;
        Some(p)
    }

    /// The reference's `compute_gas_price`: flat part, then the rest priced per 2^16, rounded up.
    fn compute(&self, gas: u64) -> Int257 {
        if gas <= self.flat_gas_limit {
            return Int257::from_u64(self.flat_gas_price);
        }
        let over = Int257::from_u128(self.gas_price as u128 * (gas - self.flat_gas_limit) as u128);
        let fee = over.shr(16, Rounding::Ceil);
        fee.checked_add(Int257::from_u64(self.flat_gas_price)).expect("fits")
    }
}

/// Message forwarding prices (config params 24 / 25).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct MsgPrices {
    pub lump_price: u64,
    pub bit_price: u64,
    pub cell_price: u64,
    pub ihr_factor: u32,
    pub first_frac: u16,
}

impl MsgPrices {
    /// `msg_forward_prices#ea lump_price bit_price cell_price ihr_price_factor:uint32 first_frac:uint16 next_frac:uint16`.
    pub(super) fn parse(mut cs: CellSlice) -> Option<MsgPrices> {
        if cs.remaining_bits() < 8 + 64 * 3 + 32 + 16 + 16 || cs.load_u8().ok()? != 0xea {
            return None;
        }
        Some(MsgPrices {
            lump_price: cs.load_u64().ok()?,
            bit_price: cs.load_u64().ok()?,
            cell_price: cs.load_u64().ok()?,
            ihr_factor: cs.load_u32().ok()?,
            first_frac: cs.load_u16().ok()?,
        })
    }

    /// `ceil((bit_price * bits + cell_price * cells) / 2^16)`.
    fn variable_part(&self, cells: u64, bits: u64) -> Int257 {
        let b = Int257::from_u128(self.bit_price as u128 * bits as u128);
        let c = Int257::from_u128(self.cell_price as u128 * cells as u128);
        b.checked_add(c).expect("fits").shr(16, Rounding::Ceil)
    }

    /// The reference's `compute_fwd_fees256`: lump price plus the variable part.
    pub(super) fn fwd_fee(&self, cells: u64, bits: u64) -> Int257 {
        self.variable_part(cells, bits).checked_add(Int257::from_u64(self.lump_price)).expect("fits")
    }
}

/// Storage prices in force (one `StoragePrices` entry of config param 18).
struct StoragePrices {
    bit_price: u64,
    cell_price: u64,
    mc_bit_price: u64,
    mc_cell_price: u64,
}

impl StoragePrices {
    /// `_#cc utime_since:uint32 bit_price_ps:uint64 cell_price_ps:uint64 mc_bit_price_ps:uint64 mc_cell_price_ps:uint64`.
    fn parse(mut cs: CellSlice) -> Option<StoragePrices> {
        if cs.remaining_bits() < 8 + 32 + 64 * 4 || cs.load_u8().ok()? != 0xcc {
            return None;
        }
        cs.skip_bits(32).ok()?;
        Some(StoragePrices {
            bit_price: cs.load_u64().ok()?,
            cell_price: cs.load_u64().ok()?,
            mc_bit_price: cs.load_u64().ok()?,
            mc_cell_price: cs.load_u64().ok()?,
        })
    }
}

fn config_slice(config: &Tuple, idx: usize) -> Result<CellSlice, Trap> {
    match tuple_index(config, idx)? {
        Value::Slice(s) => Ok(s),
        _ => Err(Trap::exc(excno::TYPE_CHECK)),
    }
}

fn gas_prices(vm: &Vm, masterchain: bool) -> Result<GasPrices, Trap> {
    let cs = config_slice(&unpacked_config(vm)?, if masterchain { 2 } else { 3 })?;
    GasPrices::parse(cs).ok_or_else(|| Trap::exc(excno::CELL_UNDERFLOW))
}

/// Message prices from the unpacked config (entry 4 for the masterchain, 5 otherwise).
pub(super) fn msg_prices(vm: &Vm, masterchain: bool) -> Result<MsgPrices, Trap> {
    let cs = config_slice(&unpacked_config(vm)?, if masterchain { 4 } else { 5 })?;
    MsgPrices::parse(cs).ok_or_else(|| Trap::exc(excno::CELL_UNDERFLOW))
}

/// Checks the fee instructions' depth first (global version 9+).
fn check_fee_args(vm: &Vm, n: usize) -> Exec {
    vm.check_depth(if vm.version >= 9 { n } else { 0 })
}

/// Pops an integer in `0..=i64::MAX` (the reference's `pop_long_range(INT64_MAX, 0)`).
fn pop_u63(vm: &mut Vm) -> Result<u64, Trap> {
    Ok(vm.pop_smallint_between(0, i64::MAX)? as u64)
}

fn exec_getgasfee(vm: &mut Vm, _: &Instr) -> Exec {
    check_fee_args(vm, 2)?;
    let masterchain = vm.pop_bool()?;
    let gas = pop_u63(vm)?;
    let fee = gas_prices(vm, masterchain)?.compute(gas);
    vm.push_int(fee);
    Ok(())
}

fn exec_getstoragefee(vm: &mut Vm, _: &Instr) -> Exec {
    check_fee_args(vm, 4)?;
    let masterchain = vm.pop_bool()?;
    let delta = pop_u63(vm)?;
    let bits = pop_u63(vm)?;
    let cells = pop_u63(vm)?;
    let prices = match tuple_index(&unpacked_config(vm)?, 0)? {
        Value::Slice(cs) => Some(StoragePrices::parse(cs).ok_or_else(|| Trap::exc(excno::CELL_UNDERFLOW))?),
        // No storage prices in force: storage is free.
        _ => None,
    };
    let fee = match prices {
        None => Int257::ZERO,
        Some(p) => {
            let (bit_price, cell_price) =
                if masterchain { (p.mc_bit_price, p.mc_cell_price) } else { (p.bit_price, p.cell_price) };
            let per_time = Int257::from_u128(cells as u128 * cell_price as u128)
                .checked_add(Int257::from_u128(bits as u128 * bit_price as u128))
                .expect("fits");
            per_time.checked_mul(Int257::from_u64(delta)).expect("fits").shr(16, Rounding::Ceil)
        }
    };
    vm.push_int(fee);
    Ok(())
}

fn exec_getforwardfee(vm: &mut Vm, _: &Instr) -> Exec {
    check_fee_args(vm, 3)?;
    let masterchain = vm.pop_bool()?;
    let bits = pop_u63(vm)?;
    let cells = pop_u63(vm)?;
    let fee = msg_prices(vm, masterchain)?.fwd_fee(cells, bits);
    vm.push_int(fee);
    Ok(())
}

fn exec_getprecompiledgas(vm: &mut Vm, _: &Instr) -> Exec {
    let v = get_param(vm, 16)?;
    vm.push(v);
    Ok(())
}

fn exec_getoriginalfwdfee(vm: &mut Vm, _: &Instr) -> Exec {
    check_fee_args(vm, 2)?;
    let masterchain = vm.pop_bool()?;
    let fwd_fee = vm.pop_int()?;
    if fwd_fee.is_negative() {
        return Err(Trap::exc(excno::RANGE_CHECK));
    }
    let prices = msg_prices(vm, masterchain)?;
    // fwd_fee * 2^16 / (2^16 - first_frac), rounded down; a result past 257 bits is an integer overflow.
    let divisor = Int257::from_i64((1 << 16) - prices.first_frac as i64);
    let (q, _) = fwd_fee
        .mul_div_rem(Int257::from_i64(1 << 16), divisor, Rounding::Floor)
        .ok_or_else(|| Trap::exc(excno::INT_OVERFLOW))?;
    vm.push_int(q);
    Ok(())
}

fn exec_getgasfeesimple(vm: &mut Vm, _: &Instr) -> Exec {
    check_fee_args(vm, 2)?;
    let masterchain = vm.pop_bool()?;
    let gas = pop_u63(vm)?;
    let prices = gas_prices(vm, masterchain)?;
    let fee = Int257::from_u128(prices.gas_price as u128 * gas as u128).shr(16, Rounding::Ceil);
    vm.push_int(fee);
    Ok(())
}

fn exec_getforwardfeesimple(vm: &mut Vm, _: &Instr) -> Exec {
    check_fee_args(vm, 3)?;
    let masterchain = vm.pop_bool()?;
    let bits = pop_u63(vm)?;
    let cells = pop_u63(vm)?;
    let fee = msg_prices(vm, masterchain)?.variable_part(cells, bits);
    vm.push_int(fee);
    Ok(())
}

pub(super) fn register(t: &mut TableBuilder) {
    // One range per cp0 instruction; NOW, BALANCE, MYADDR, INMSG_VALUE, ...
    // are cp0 aliases of fixed indexes of these three.
    t.fixed_range(0xf820, 0xf830, 16, "GETPARAM", exec_getparam);
    t.simple(0xf830, 16, "CONFIGDICT", exec_configdict);
    t.simple(0xf832, 16, "CONFIGPARAM", exec_configparam);
    t.simple(0xf833, 16, "CONFIGOPTPARAM", exec_configoptparam);
    t.simple(0xf83400, 24, "PREVMCBLOCKS", exec_prev_blocks).since(4);
    t.simple(0xf83401, 24, "PREVKEYBLOCK", exec_prev_blocks).since(4);
    t.simple(0xf83402, 24, "PREVMCBLOCKS_100", exec_prev_blocks).since(9);
    t.simple(0xf835, 16, "GLOBALID", exec_globalid).since(4);
    t.simple(0xf836, 16, "GETGASFEE", exec_getgasfee).since(6);
    t.simple(0xf837, 16, "GETSTORAGEFEE", exec_getstoragefee).since(6);
    t.simple(0xf838, 16, "GETFORWARDFEE", exec_getforwardfee).since(6);
    t.simple(0xf839, 16, "GETPRECOMPILEDGAS", exec_getprecompiledgas).since(6);
    t.simple(0xf83a, 16, "GETORIGINALFWDFEE", exec_getoriginalfwdfee).since(6);
    t.simple(0xf83b, 16, "GETGASFEESIMPLE", exec_getgasfeesimple).since(6);
    t.simple(0xf83c, 16, "GETFORWARDFEESIMPLE", exec_getforwardfeesimple).since(6);
    t.fixed_range(0xf88100, 0xf881ff, 24, "GETPARAMLONG", exec_getparamlong).since(11);
    t.fixed_range(0xf890, 0xf8a0, 16, "INMSGPARAM", exec_inmsgparam).since(11);
}
