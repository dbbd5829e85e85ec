//! Message addresses: `LDMSGADDR`, `PARSEMSGADDR`, `REWRITESTDADDR`,
//! `REWRITEVARADDR` (each with a quiet form) and the version-12 standard
//! address forms `LDSTDADDR`, `LDOPTSTDADDR`, `STSTDADDR`, `STOPTSTDADDR`.
//! From global version 10 on, anycast addresses and `addr_var` are refused.

use std::rc::Rc;

use gram_cells::{CellBuilder, CellSlice};

use crate::error::{excno, Exec, Trap};
use crate::int257::Int257;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

fn cell_underflow() -> Trap {
    Trap::exc(excno::CELL_UNDERFLOW)
}

/// Reads `depth:(#<= 30)` (5 bits).
fn load_anycast_depth(cs: &mut CellSlice) -> Option<usize> {
    let depth = cs.load_uint(5).ok()? as usize;
    (1..=30).contains(&depth).then_some(depth)
}

/// `anycast:(Maybe Anycast)`: returns the rewrite prefix (`None` = nothing),
/// or `Err(())` when malformed or (version 10+) present at all.
fn parse_maybe_anycast(cs: &mut CellSlice, version: u32) -> Result<Option<CellSlice>, ()> {
    if !cs.load_bit().map_err(|_| ())? {
        return Ok(None);
    }
    if version >= 10 {
        return Err(());
    }
    let depth = load_anycast_depth(cs).ok_or(())?;
    cs.load_slice(depth, 0).map(Some).map_err(|_| ())
}

/// A parsed `MsgAddress`: the entries of `PARSEMSGADDR`'s tuple.
enum Parsed {
    None,
    Extern(CellSlice),
    Std { anycast: Option<CellSlice>, workchain: i64, addr: CellSlice },
    Var { anycast: Option<CellSlice>, workchain: i64, addr: CellSlice },
}

impl Parsed {
    fn to_tuple(&self) -> Vec<Value> {
        let pfx = |p: &Option<CellSlice>| p.clone().map_or(Value::Null, Value::Slice);
        match self {
            Parsed::None => vec![Value::int(0)],
            Parsed::Extern(a) => vec![Value::int(1), Value::Slice(a.clone())],
            Parsed::Std { anycast, workchain, addr } => {
                vec![Value::int(2), pfx(anycast), Value::int(*workchain), Value::Slice(addr.clone())]
            }
            Parsed::Var { anycast, workchain, addr } => {
                vec![Value::int(3), pfx(anycast), Value::int(*workchain), Value::Slice(addr.clone())]
            }
        }
    }
}

/// Parses one `MsgAddress` from the front of `cs` (the reference's `parse_message_addr`).
fn parse_message_addr(cs: &mut CellSlice, version: u32) -> Option<Parsed> {
    match cs.load_uint(2).ok()? {
        0 => Some(Parsed::None),
        1 => {
            let len = cs.load_uint(9).ok()? as usize;
            Some(Parsed::Extern(cs.load_slice(len, 0).ok()?))
        }
        2 => {
            let anycast = parse_maybe_anycast(cs, version).ok()?;
            let workchain = cs.load_int(8).ok()?;
            let addr = cs.load_slice(256, 0).ok()?;
            Some(Parsed::Std { anycast, workchain, addr })
        }
        _ => {
            if version >= 10 {
                return None;
            }
            let anycast = parse_maybe_anycast(cs, version).ok()?;
            let len = cs.load_uint(9).ok()? as usize;
            let workchain = cs.load_int(32).ok()?;
            let addr = cs.load_slice(len, 0).ok()?;
            Some(Parsed::Var { anycast, workchain, addr })
        }
    }
}

/// Skips one `MsgAddress` (only `addr_std` when `std_only`).
fn skip_message_addr(cs: &mut CellSlice, version: u32, std_only: bool) -> bool {
    let mut probe = cs.clone();
    match parse_message_addr(&mut probe, version) {
        Some(Parsed::Std { .. }) => {}
        Some(_) if !std_only => {}
        _ => return false,
    }
    *cs = probe;
    true
}

/// The part of `before` that `after` no longer holds (the reference's `cut_tail`).
fn consumed(before: &CellSlice, after: &CellSlice) -> CellSlice {
    CellSlice::with_window(
        before.cell().clone(),
        before.bit_offset()..after.bit_offset(),
        before.ref_offset()..after.ref_offset(),
    )
    .expect("the consumed part lies inside the slice")
}

/// `LDMSGADDR(Q)`, `LDSTDADDR(Q)`: the address as a slice, then the rest.
fn load_addr(vm: &mut Vm, quiet: bool, std_only: bool) -> Exec {
    let cs = vm.pop_slice()?;
    let mut rest = cs.clone();
    if skip_message_addr(&mut rest, vm.version, std_only) {
        vm.push(Value::Slice(consumed(&cs, &rest)));
        vm.push(Value::Slice(rest));
        if quiet {
            vm.push_bool(true);
        }
    } else if quiet {
        vm.push(Value::Slice(cs));
        vm.push_bool(false);
    } else {
        return Err(cell_underflow());
    }
    Ok(())
}

fn exec_ldmsgaddr(vm: &mut Vm, ins: &Instr) -> Exec {
    load_addr(vm, ins.args & 1 != 0, false)
}

fn exec_ldstdaddr(vm: &mut Vm, ins: &Instr) -> Exec {
    load_addr(vm, ins.args & 1 != 0, true)
}

/// `LDOPTSTDADDR(Q)`: `addr_none` gives null, otherwise an `addr_std`.
fn exec_ldoptstdaddr(vm: &mut Vm, ins: &Instr) -> Exec {
    let quiet = ins.args & 1 != 0;
    let mut cs = vm.pop_slice()?;
    if cs.remaining_bits() < 2 {
        if quiet {
            vm.push(Value::Slice(cs));
            vm.push_bool(false);
            return Ok(());
        }
        return Err(cell_underflow());
    }
    if cs.preload_uint(2)? == 0 {
        cs.skip_bits(2)?;
        vm.push(Value::Null);
        vm.push(Value::Slice(cs));
        if quiet {
            vm.push_bool(true);
        }
        return Ok(());
    }
    vm.push(Value::Slice(cs));
    load_addr(vm, quiet, true)
}

/// Parses a whole slice as one `MsgAddress` (nothing may be left over).
fn parse_whole(cs: &mut CellSlice, version: u32) -> Option<Parsed> {
    parse_message_addr(cs, version).filter(|_| cs.is_empty())
}

fn exec_parsemsgaddr(vm: &mut Vm, ins: &Instr) -> Exec {
    let quiet = ins.args & 1 != 0;
    let mut cs = vm.pop_slice()?;
    match parse_whole(&mut cs, vm.version) {
        Some(p) => {
            vm.push(Value::Tuple(Rc::new(p.to_tuple())));
            if quiet {
                vm.push_bool(true);
            }
        }
        None if quiet => vm.push_bool(false),
        None => return Err(cell_underflow()),
    }
    Ok(())
}

/// `addr` with its first bits replaced by `prefix` (the reference's
/// `do_rewrite_addr`); a new cell is created (and loaded) when both are partial.
fn rewrite_addr(vm: &mut Vm, addr: CellSlice, prefix: Option<CellSlice>) -> Result<Option<CellSlice>, Trap> {
    let Some(prefix) = prefix.filter(|p| p.remaining_bits() > 0) else { return Ok(Some(addr)) };
    if prefix.remaining_bits() > addr.remaining_bits() {
        return Ok(None);
    }
    if prefix.remaining_bits() == addr.remaining_bits() {
        return Ok(Some(prefix));
    }
    let mut rest = addr;
    rest.skip_bits(prefix.remaining_bits())?;
    let mut b = CellBuilder::new();
    b.store_slice(&prefix)?;
    b.store_slice(&rest)?;
    vm.register_cell_create()?;
    let cell = b.build()?;
    Ok(Some(vm.load_cell(cell)?))
}

/// `REWRITESTDADDR(Q)` / `REWRITEVARADDR(Q)`: workchain and the address with
/// its anycast prefix applied (an integer for the standard form, a slice otherwise).
fn rewrite(vm: &mut Vm, var: bool, quiet: bool) -> Exec {
    let mut cs = vm.pop_slice()?;
    let fail = |vm: &mut Vm| {
        if quiet {
            vm.push_bool(false);
            Ok(())
        } else {
            Err(cell_underflow())
        }
    };
    let (anycast, workchain, addr) = match parse_whole(&mut cs, vm.version) {
        Some(Parsed::Std { anycast, workchain, addr } | Parsed::Var { anycast, workchain, addr }) => {
            (anycast, workchain, addr)
        }
        _ => return fail(vm),
    };
    if var {
        let Some(addr) = rewrite_addr(vm, addr, anycast)? else { return fail(vm) };
        vm.push_small(workchain);
        vm.push(Value::Slice(addr));
    } else {
        if addr.remaining_bits() != 256 {
            return fail(vm);
        }
        let mut bytes = [0u8; 32];
        addr.clone().load_raw_into(&mut bytes, 256)?;
        if let Some(p) = anycast {
            let mut pfx = [0u8; 4];
            p.clone().load_raw_into(&mut pfx, p.remaining_bits())?;
            for i in 0..p.remaining_bits() {
                let bit = pfx[i / 8] >> (7 - i % 8) & 1;
                bytes[i / 8] = (bytes[i / 8] & !(0x80 >> (i % 8))) | (bit << (7 - i % 8));
            }
        }
        vm.push_small(workchain);
        vm.push_int(Int257::from_u256_be(&bytes));
    }
    if quiet {
        vm.push_bool(true);
    }
    Ok(())
}

fn exec_rewrite(vm: &mut Vm, ins: &Instr) -> Exec {
    rewrite(vm, ins.args & 2 != 0, ins.args & 1 != 0)
}

/// Whether `cs` is exactly one `addr_std` (without anycast from version 10 on).
fn is_std_addr(cs: &CellSlice, version: u32) -> bool {
    if cs.remaining_bits() < 2 || cs.preload_uint(2).ok() != Some(0b10) {
        return false;
    }
    if version >= 10 {
        if cs.preload_uint(3).ok() == Some(0b101) {
            return false;
        }
        return cs.remaining_bits() == 3 + 8 + 256 && cs.remaining_refs() == 0;
    }
    let mut rest = cs.clone();
    skip_message_addr(&mut rest, version, true) && rest.is_empty()
}

/// Stores a standard address slice (the quiet form pushes -1 on failure, 0 on success).
fn store_std(vm: &mut Vm, quiet: bool, mut b: Rc<CellBuilder>, cs: CellSlice) -> Exec {
    let is_std = is_std_addr(&cs, vm.version);
    if !b.can_store(cs.remaining_bits(), cs.remaining_refs()) || !is_std {
        if !quiet {
            return Err(Trap::exc(excno::CELL_OVERFLOW));
        }
        vm.push(Value::Slice(cs));
        vm.push(Value::Builder(b));
        vm.push_bool(true);
        return Ok(());
    }
    Rc::make_mut(&mut b).store_slice(&cs)?;
    vm.push(Value::Builder(b));
    if quiet {
        vm.push_bool(false);
    }
    Ok(())
}

fn exec_ststdaddr(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.check_depth(2)?;
    let b = vm.pop_builder()?;
    let cs = vm.pop_slice()?;
    store_std(vm, ins.args & 1 != 0, b, cs)
}

fn exec_stoptstdaddr(vm: &mut Vm, ins: &Instr) -> Exec {
    let quiet = ins.args & 1 != 0;
    vm.check_depth(2)?;
    let mut b = vm.pop_builder()?;
    match vm.pop()? {
        Value::Null => {
            if !b.can_store(2, 0) {
                if !quiet {
                    return Err(Trap::exc(excno::CELL_OVERFLOW));
                }
                vm.push(Value::Null);
                vm.push(Value::Builder(b));
                vm.push_bool(true);
                return Ok(());
            }
            Rc::make_mut(&mut b).store_zeros(2)?;
            vm.push(Value::Builder(b));
            if quiet {
                vm.push_bool(false);
            }
            Ok(())
        }
        Value::Slice(cs) => store_std(vm, quiet, b, cs),
        _ if quiet => {
            vm.push(Value::Null);
            vm.push(Value::Builder(b));
            vm.push_bool(true);
            Ok(())
        }
        _ => Err(Trap::exc(excno::TYPE_CHECK)),
    }
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xfa40, 16, "LDMSGADDR", exec_ldmsgaddr);
    t.simple(0xfa41, 16, "LDMSGADDRQ", exec_ldmsgaddr);
    t.simple(0xfa42, 16, "PARSEMSGADDR", exec_parsemsgaddr);
    t.simple(0xfa43, 16, "PARSEMSGADDRQ", exec_parsemsgaddr);
    t.simple(0xfa44, 16, "REWRITESTDADDR", exec_rewrite);
    t.simple(0xfa45, 16, "REWRITESTDADDRQ", exec_rewrite);
    t.simple(0xfa46, 16, "REWRITEVARADDR", exec_rewrite);
    t.simple(0xfa47, 16, "REWRITEVARADDRQ", exec_rewrite);
    t.simple(0xfa48, 16, "LDSTDADDR", exec_ldstdaddr).since(12);
    t.simple(0xfa49, 16, "LDSTDADDRQ", exec_ldstdaddr).since(12);
    t.simple(0xfa50, 16, "LDOPTSTDADDR", exec_ldoptstdaddr).since(12);
    t.simple(0xfa51, 16, "LDOPTSTDADDRQ", exec_ldoptstdaddr).since(12);
    t.simple(0xfa52, 16, "STSTDADDR", exec_ststdaddr).since(12);
    t.simple(0xfa53, 16, "STSTDADDRQ", exec_ststdaddr).since(12);
    t.simple(0xfa54, 16, "STOPTSTDADDR", exec_stoptstdaddr).since(12);
    t.simple(0xfa55, 16, "STOPTSTDADDRQ", exec_stoptstdaddr).since(12);
}
