//! `compare_other`: emptiness tests, lexicographic and prefix / suffix
//! comparisons of slice data bits, and leading / trailing bit counts.
//! Only data bits take part; refs are ignored except by `SEMPTY` / `SREMPTY`.

use std::cmp::Ordering;

use gram_cells::CellSlice;

use crate::error::Exec;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::vm::Vm;

/// Whether the bits of `a` are a suffix of the bits of `b`.
fn is_suffix_of(a: &CellSlice, b: &CellSlice) -> bool {
    let (la, lb) = (a.remaining_bits(), b.remaining_bits());
    if la > lb {
        return false;
    }
    let mut tail = b.clone();
    tail.skip_bits(lb - la).is_ok() && tail.common_prefix_len(a) == la
}

/// `s - ?` tests (`C700`-`C703`).
fn exec_unary_test(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.check_depth(1)?;
    let s = vm.pop_slice()?;
    let result = match ins.args & 3 {
        0 => s.is_empty(),
        1 => s.remaining_bits() == 0,
        2 => s.remaining_refs() == 0,
        _ => s.get_bit(0).unwrap_or(false),
    };
    vm.push_bool(result);
    Ok(())
}

/// `SDLEXCMP`: `s s' - x`, -1 / 0 / 1 (a proper prefix sorts first).
fn exec_sdlexcmp(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let b = vm.pop_slice()?;
    let a = vm.pop_slice()?;
    vm.push_small(match a.cmp_bits(&b) {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    });
    Ok(())
}

/// `s s' - ?` tests (`C705`, `C708`-`C70F`); for `C708`-`C70F` bit 0 swaps
/// the operands, bit 1 asks for a proper prefix / suffix, bit 2 for a suffix.
fn exec_binary_test(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.check_depth(2)?;
    let s2 = vm.pop_slice()?;
    let s1 = vm.pop_slice()?;
    let op = ins.args & 15;
    let result = if op == 5 {
        s1.cmp_bits(&s2) == Ordering::Equal
    } else {
        let (a, b) = if op & 1 != 0 { (&s2, &s1) } else { (&s1, &s2) };
        let proper = op & 2 != 0;
        let fits =
            if proper { a.remaining_bits() < b.remaining_bits() } else { a.remaining_bits() <= b.remaining_bits() };
        fits && if op & 4 != 0 { is_suffix_of(a, b) } else { b.starts_with(a) }
    };
    vm.push_bool(result);
    Ok(())
}

/// `SDCNTLEAD0` / `SDCNTLEAD1` / `SDCNTTRAIL0` / `SDCNTTRAIL1`.
fn exec_count(vm: &mut Vm, ins: &Instr) -> Exec {
    vm.check_depth(1)?;
    let s = vm.pop_slice()?;
    let bit = ins.args & 1 != 0;
    let n = if ins.args & 2 != 0 { s.count_trailing(bit) } else { s.count_leading(bit) };
    vm.push_small(n as i64);
    Ok(())
}

pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xc700, 16, "SEMPTY", exec_unary_test);
    t.simple(0xc701, 16, "SDEMPTY", exec_unary_test);
    t.simple(0xc702, 16, "SREMPTY", exec_unary_test);
    t.simple(0xc703, 16, "SDFIRST", exec_unary_test);
    t.simple(0xc704, 16, "SDLEXCMP", exec_sdlexcmp);
    t.simple(0xc705, 16, "SDEQ", exec_binary_test);
    const PFX: [&str; 8] = ["SDPFX", "SDPFXREV", "SDPPFX", "SDPPFXREV", "SDSFX", "SDSFXREV", "SDPSFX", "SDPSFXREV"];
    for (i, name) in PFX.into_iter().enumerate() {
        t.simple(0xc708 + i as u32, 16, name, exec_binary_test);
    }
    t.simple(0xc710, 16, "SDCNTLEAD0", exec_count);
    t.simple(0xc711, 16, "SDCNTLEAD1", exec_count);
    t.simple(0xc712, 16, "SDCNTTRAIL0", exec_count);
    t.simple(0xc713, 16, "SDCNTTRAIL1", exec_count);
}
