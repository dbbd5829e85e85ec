//! `SENDMSG`: the forwarding fee a message will cost (pushed), and the
//! send action unless mode +1024 asks for the estimate only. The estimate
//! follows the reference: the message's cells below the root are counted
//! (each a cell load), the root is priced by the lump price, and an init or
//! body that would not fit in the root is counted as moved to a ref.

use gram_cells::dict::{DictKey, Dictionary};
use gram_cells::{Cell, CellSlice};

use super::config::MsgPrices;
use super::{get_param, tuple_index, unpacked_config, VmCells};
use crate::error::{excno, Exec, Trap};
use crate::int257::{Int257, Rounding};
use crate::program::Instr;
use crate::value::Value;
use crate::vm::Vm;

/// The default limit on message cells (before config param 43 existed).
const DEFAULT_MAX_MSG_CELLS: u64 = 1 << 13;

/// The parts of a `MessageRelaxed` the estimate needs.
struct Parsed {
    ext: bool,
    ihr_disabled: bool,
    dest: CellSlice,
    value: Int257,
    have_extra: bool,
    user_fwd_fee: Int257,
    user_ihr_fee: Int257,
    extra_flags_bits: usize,
    /// The `init` field (`Maybe (Either StateInit ^StateInit)`) as written.
    init: CellSlice,
    /// The `body` field (`Either X ^X`) as written.
    body: CellSlice,
}

/// The part of `before` that `after` no longer holds.
fn consumed(before: &CellSlice, after: &CellSlice) -> Option<CellSlice> {
    CellSlice::with_window(
        before.cell().clone(),
        before.bit_offset()..after.bit_offset(),
        before.ref_offset()..after.ref_offset(),
    )
    .ok()
}

/// `anycast_info$_ depth:(#<= 30) { depth >= 1 } rewrite_pfx:(bits depth)` behind a Maybe bit.
fn skip_maybe_anycast(cs: &mut CellSlice) -> Option<()> {
    if cs.load_bit().ok()? {
        let depth = cs.load_uint(5).ok()? as usize;
        if !(1..=30).contains(&depth) {
            return None;
        }
        cs.skip_bits(depth).ok()?;
    }
    Some(())
}

/// Skips a `MsgAddress` of the allowed kinds (bit `k` of `kinds` allows tag `k`).
fn skip_address(cs: &mut CellSlice, kinds: u8) -> Option<()> {
    let tag = cs.load_uint(2).ok()? as u8;
    if kinds & (1 << tag) == 0 {
        return None;
    }
    match tag {
        0 => {}
        1 => {
            let len = cs.load_uint(9).ok()? as usize;
            cs.skip_bits(len).ok()?;
        }
        2 => {
            skip_maybe_anycast(cs)?;
            cs.skip_bits(8 + 256).ok()?;
        }
        _ => {
            skip_maybe_anycast(cs)?;
            let len = cs.load_uint(9).ok()? as usize;
            cs.skip_bits(32 + len).ok()?;
        }
    }
    Some(())
}

const ANY_ADDRESS: u8 = 0b1111;
const INT_ADDRESS: u8 = 0b1100;
const EXT_ADDRESS: u8 = 0b0011;

/// `VarUInteger 16` (`Grams`): its value and its encoded length in bits.
fn load_grams(cs: &mut CellSlice) -> Option<(Int257, usize)> {
    let len = cs.load_uint(4).ok()? as usize;
    let v = Int257::load_from(cs, len * 8, false).ok()?;
    Some((v, 4 + len * 8))
}

/// Skips `Maybe ^X` / `HashmapE`: a bit, then a ref when it is set. Returns the bit.
fn skip_maybe_ref(cs: &mut CellSlice) -> Option<bool> {
    let present = cs.load_bit().ok()?;
    if present {
        cs.skip_refs(1).ok()?;
    }
    Some(present)
}

/// Skips an inline `StateInit`.
fn skip_state_init(cs: &mut CellSlice) -> Option<()> {
    if cs.load_bit().ok()? {
        cs.skip_bits(5).ok()?;
    }
    if cs.load_bit().ok()? {
        cs.skip_bits(2).ok()?;
    }
    skip_maybe_ref(cs)?;
    skip_maybe_ref(cs)?;
    skip_maybe_ref(cs)?;
    Some(())
}

/// Parses a whole message cell as `MessageRelaxed Any` (the reference's `type_unpack_cell`).
fn parse_message(mut cs: CellSlice, version: u32) -> Option<Parsed> {
    let ext = cs.preload_uint(1).ok()? == 1;
    let mut p = Parsed {
        ext,
        ihr_disabled: true,
        dest: CellSlice::new(Cell::empty()),
        value: Int257::ZERO,
        have_extra: false,
        user_fwd_fee: Int257::ZERO,
        user_ihr_fee: Int257::ZERO,
        extra_flags_bits: 0,
        init: CellSlice::new(Cell::empty()),
        body: CellSlice::new(Cell::empty()),
    };
    if ext {
        // ext_out_msg_info$11 src:MsgAddress dest:MsgAddressExt created_lt:uint64 created_at:uint32
        if cs.load_uint(2).ok()? != 0b11 {
            return None;
        }
        skip_address(&mut cs, ANY_ADDRESS)?;
        let start = cs.clone();
        skip_address(&mut cs, EXT_ADDRESS)?;
        p.dest = consumed(&start, &cs)?;
        cs.skip_bits(64 + 32).ok()?;
    } else {
        // int_msg_info$0 ihr_disabled bounce bounced src dest value extra_flags fwd_fee created_lt created_at
        cs.skip_bits(1).ok()?;
        let ihr_disabled = cs.load_bit().ok()?;
        p.ihr_disabled = ihr_disabled || version >= 11;
        cs.skip_bits(2).ok()?;
        skip_address(&mut cs, ANY_ADDRESS)?;
        let start = cs.clone();
        skip_address(&mut cs, INT_ADDRESS)?;
        p.dest = consumed(&start, &cs)?;
        p.value = load_grams(&mut cs)?.0;
        p.have_extra = skip_maybe_ref(&mut cs)?;
        let (extra_flags, extra_flags_bits) = load_grams(&mut cs)?;
        p.user_fwd_fee = load_grams(&mut cs)?.0;
        if version >= 12 {
            p.extra_flags_bits = extra_flags_bits;
        } else {
            // Before version 12 the field was ihr_fee.
            p.user_ihr_fee = extra_flags;
        }
        cs.skip_bits(64 + 32).ok()?;
    }
    let start = cs.clone();
    if cs.load_bit().ok()? {
        if cs.load_bit().ok()? {
            cs.skip_refs(1).ok()?;
        } else {
            skip_state_init(&mut cs)?;
        }
    }
    p.init = consumed(&start, &cs)?;
    p.body = cs.clone();
    if cs.load_bit().ok()? {
        cs.skip_refs(1).ok()?;
        if !cs.is_empty() {
            return None;
        }
        p.body = consumed(&p.body, &cs)?;
    }
    Some(p)
}

/// The workchain of an internal address slice (the reference's `parse_addr_workchain`):
/// range check unless it starts with bit 1.
fn addr_workchain(addr: &CellSlice) -> Result<i64, Trap> {
    let mut cs = addr.clone();
    if cs.load_bit().ok() != Some(true) {
        return Err(Trap::exc(excno::RANGE_CHECK));
    }
    let is_var = cs.load_bit().unwrap_or(false);
    if cs.load_bit().unwrap_or(false) {
        let depth = cs.load_uint(5).unwrap_or(0) as usize;
        let _ = cs.skip_bits(depth.min(30));
    }
    let wc = if is_var {
        let _ = cs.skip_bits(9);
        cs.load_int(32)
    } else {
        cs.load_int(8)
    };
    Ok(wc.unwrap_or(0))
}

/// The message forwarding prices for `masterchain` (config param 24 or 25).
fn prices(vm: &mut Vm, masterchain: bool) -> Result<MsgPrices, Trap> {
    let cs = if vm.version >= 6 {
        match tuple_index(&unpacked_config(vm)?, if masterchain { 4 } else { 5 })? {
            Value::Slice(s) => Some(s),
            _ => None,
        }
    } else {
        let root = match get_param(vm, 9)? {
            Value::Cell(c) => Some(c),
            _ => None,
        };
        let dict = Dictionary::with_root(root, 32).map_err(|e| Trap::exc(e.exit_code()))?;
        let key = DictKey::from_int(if masterchain { 24 } else { 25 }, 32).expect("int32 key");
        let mut ctx = VmCells::new(vm);
        let r = dict.get_ref(&key, &mut ctx);
        match ctx.finish(r)? {
            Some(cell) => Some(vm.load_cell(cell)?),
            None => None,
        }
    };
    let cs = cs.ok_or_else(|| Trap::exc(excno::UNKNOWN))?;
    MsgPrices::parse(cs).ok_or_else(|| Trap::exc(excno::CELL_UNDERFLOW))
}

/// `max_msg_cells` of the size limits (config param 43, unpacked config entry 6).
fn max_msg_cells(vm: &Vm) -> Result<u64, Trap> {
    if vm.version < 6 {
        return Ok(DEFAULT_MAX_MSG_CELLS);
    }
    let Value::Slice(mut cs) = tuple_index(&unpacked_config(vm)?, 6)? else { return Ok(DEFAULT_MAX_MSG_CELLS) };
    // size_limits_config#01 (168 bits) or size_limits_config_v2#02 (368 bits): max_msg_bits, max_msg_cells, ...
    let fits = match cs.preload_uint(8) {
        Ok(1) => cs.remaining_bits() >= 168,
        Ok(2) => cs.remaining_bits() >= 368,
        _ => false,
    };
    if !fits {
        return Err(Trap::exc(excno::CELL_UNDERFLOW));
    }
    cs.skip_bits(8 + 32)?;
    Ok(cs.load_u32()? as u64)
}

/// Cells and bits below the message root, each distinct cell once, each a
/// cell load; counting stops (silently) at `limit` cells.
fn message_stat(vm: &mut Vm, root: &CellSlice, limit: u64) -> Result<(u64, u64), Trap> {
    let (mut cells, mut bits) = (0u64, 0u64);
    let mut visited = std::collections::HashSet::new();
    let mut pending: Vec<Cell> =
        (0..root.remaining_refs()).rev().filter_map(|i| root.preload_reference(i).ok()).collect();
    while let Some(cell) = pending.pop() {
        if !visited.insert(*cell.hash()) {
            continue;
        }
        if cells >= limit {
            break;
        }
        cells += 1;
        let (cs, _) = vm.load_cell_special(cell)?;
        bits += cs.remaining_bits() as u64;
        for i in (0..cs.remaining_refs()).rev() {
            pending.push(cs.preload_reference(i)?);
        }
    }
    Ok((cells, bits))
}

/// `4 + len * 8` bits: how long `Grams` of `x` is.
fn stored_grams_len(x: &Int257) -> usize {
    let bits = x.bit_size_unsigned().unwrap_or(256) as usize;
    4 + bits.div_ceil(8) * 8
}

/// The forwarding and IHR fees for `cells` / `bits` below the root, at least what the message says.
fn fees(p: &Parsed, prices: &MsgPrices, cells: u64, bits: u64) -> (Int257, Int257) {
    let variable = (prices.bit_price as u128 * bits as u128)
        .wrapping_add(prices.cell_price as u128 * cells as u128)
        .wrapping_add(0xffff)
        >> 16;
    let fwd_short = prices.lump_price.wrapping_add(variable as u64);
    let ihr_short = if p.ihr_disabled { 0 } else { ((fwd_short as u128 * prices.ihr_factor as u128) >> 16) as u64 };
    let fwd = Int257::from_u64(fwd_short).max(p.user_fwd_fee);
    let ihr = if p.ihr_disabled { Int257::ZERO } else { Int257::from_u64(ihr_short).max(p.user_ihr_fee) };
    (fwd, ihr)
}

pub(super) fn exec_sendmsg(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let mode = vm.pop_smallint_range(2047)? as u64;
    let send = mode & 1024 == 0;
    let mode = mode & !1024;
    if mode >= 256 {
        return Err(Trap::exc(excno::RANGE_CHECK));
    }
    let msg_cell = vm.pop_cell()?;
    let root = vm.load_cell(msg_cell.clone())?;
    let p = parse_message(root, vm.version).ok_or_else(|| Trap::exc(excno::UNKNOWN))?;
    let my_addr = match get_param(vm, 8)? {
        Value::Slice(s) => s,
        _ => return Err(Trap::exc(excno::TYPE_CHECK)),
    };
    let masterchain = addr_workchain(&my_addr)? == -1 || (!p.ext && addr_workchain(&p.dest)? == -1);
    let prices = prices(vm, masterchain)?;
    let max_cells = max_msg_cells(vm)?;
    let mut root = vm.load_cell(msg_cell.clone())?;
    root.skip_bits(root.remaining_bits())?;
    let mut have_extra = p.have_extra;
    if vm.version >= 10 && have_extra {
        root.skip_refs(1)?;
    }
    let (mut cells, mut bits) = message_stat(vm, &root, max_cells)?;

    let mut value = p.value;
    if !p.ext {
        let source = if mode & 128 != 0 {
            Some(7)
        } else if mode & 64 != 0 {
            Some(11)
        } else {
            None
        };
        if let Some(idx) = source {
            let Value::Tuple(t) = get_param(vm, idx)? else { return Err(Trap::exc(excno::TYPE_CHECK)) };
            let Value::Int(grams) = tuple_index(&t, 0)? else { return Err(Trap::exc(excno::TYPE_CHECK)) };
            value = if idx == 7 { grams } else { value.checked_add(grams).unwrap_or(Int257::MAX) };
            if vm.version < 10 {
                have_extra |= matches!(tuple_index(&t, 1)?, Value::Cell(_));
            }
        }
    }

    let have_init = p.init.get_bit(0).unwrap_or(false);
    let mut init_ref = have_init && p.init.get_bit(1).unwrap_or(false);
    let body_ref = p.body.get_bit(0).unwrap_or(false);
    let (mut fwd, mut ihr) = fees(&p, &prices, cells, bits);
    let root_bits = |fwd: &Int257, ihr: &Int257, init_ref: bool, body_ref: bool| -> usize {
        let mut n = if p.ext {
            2 + my_addr.remaining_bits() + p.dest.remaining_bits() + 32 + 64
        } else {
            let first =
                fwd.checked_mul(Int257::from_u64(prices.first_frac as u64)).expect("fits").shr(16, Rounding::Floor);
            let rest = fwd.checked_sub(first).expect("fits");
            let ihr_bits = if vm.version >= 12 { p.extra_flags_bits } else { stored_grams_len(ihr) };
            4 + my_addr.remaining_bits()
                + p.dest.remaining_bits()
                + stored_grams_len(&value)
                + 1
                + 32
                + 64
                + stored_grams_len(&rest)
                + ihr_bits
        };
        n += 1;
        if have_init {
            n += 1 + if init_ref { 0 } else { p.init.remaining_bits() - 2 };
        }
        n += 1 + if body_ref { 0 } else { p.body.remaining_bits() - 1 };
        n
    };
    let root_refs = |init_ref: bool, body_ref: bool| -> usize {
        let mut n = if p.ext { 0 } else { have_extra as usize };
        if have_init {
            n += if init_ref { 1 } else { p.init.remaining_refs() };
        }
        n + if body_ref { 1 } else { p.body.remaining_refs() }
    };
    let too_big = |bits: usize, refs: usize| bits > 1023 || refs > 4;
    if have_init && !init_ref && too_big(root_bits(&fwd, &ihr, init_ref, body_ref), root_refs(init_ref, body_ref)) {
        init_ref = true;
        cells += 1;
        bits += p.init.remaining_bits() as u64 - 2;
        (fwd, ihr) = fees(&p, &prices, cells, bits);
    }
    // A body that does not fit either is priced as moved to a ref as well.
    if !body_ref && too_big(root_bits(&fwd, &ihr, init_ref, body_ref), root_refs(init_ref, body_ref)) {
        cells += 1;
        bits += p.body.remaining_bits() as u64 - 1;
        (fwd, ihr) = fees(&p, &prices, cells, bits);
    }
    vm.push_int(fwd.checked_add(ihr).expect("fees fit"));
    if send {
        super::actions::install_send_msg(vm, mode, msg_cell)?;
    }
    Ok(())
}
