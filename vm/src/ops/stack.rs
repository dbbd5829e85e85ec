//! Stack manipulation: XCHG/PUSH/POP and the compound and exotic forms.

use crate::error::{excno, Exec, Trap};
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::vm::Vm;

/// Largest index accepted by the `...X` forms (global version >= 4).
const MAX_X_INDEX: i64 = (1 << 30) - 1;

/// Largest index accepted by the `...X` forms before global version 4.
const MAX_X_INDEX_V3: i64 = 255;

/// The index limit of the `...X` forms at the running global version.
fn x_index_limit(vm: &Vm) -> i64 {
    if vm.version >= 4 {
        MAX_X_INDEX
    } else {
        MAX_X_INDEX_V3
    }
}

/// Index of `s(i)` in the stack vector; the caller checked the depth.
#[inline]
fn at(vm: &Vm, i: usize) -> usize {
    vm.stack.len() - 1 - i
}

/// Fails unless `s(i)` exists for every `i` given (depth > max).
#[inline]
fn need_index(vm: &Vm, max_index: usize) -> Result<(), Trap> {
    vm.check_depth(max_index + 1)
}

#[inline]
fn swap(vm: &mut Vm, i: usize, j: usize) {
    let (a, b) = (at(vm, i), at(vm, j));
    vm.stack.swap(a, b);
}

#[inline]
fn push_copy(vm: &mut Vm, i: usize) {
    let v = vm.stack[at(vm, i)].clone();
    vm.stack.push(v);
}

/// Reverses `s(y+x-1) .. s(y)` (x entries starting y from the top).
fn reverse_block(vm: &mut Vm, x: usize, y: usize) {
    let len = vm.stack.len();
    vm.stack[len - x - y..len - y].reverse();
}

/// Moves the top `y` entries below the next `x` (the reference's `rotate`).
fn rotate_block(vm: &mut Vm, x: usize, y: usize) {
    let len = vm.stack.len();
    vm.stack[len - x - y..].rotate_left(x);
}

fn nibbles(args: u32) -> (usize, usize, usize) {
    (((args >> 8) & 15) as usize, ((args >> 4) & 15) as usize, (args & 15) as usize)
}

fn pop_index(vm: &mut Vm) -> Result<usize, Trap> {
    vm.check_depth(1)?;
    let limit = x_index_limit(vm);
    Ok(vm.pop_smallint_range(limit)? as usize)
}

fn exec_nop(_: &mut Vm, _: &Instr) -> Exec {
    Ok(())
}

fn exec_xchg0(vm: &mut Vm, ins: &Instr) -> Exec {
    let x = (ins.args & 15) as usize;
    need_index(vm, x)?;
    swap(vm, 0, x);
    Ok(())
}

fn exec_xchg_ij(vm: &mut Vm, ins: &Instr) -> Exec {
    let (_, x, y) = nibbles(ins.args);
    if x == 0 || x >= y {
        return Err(Trap::exc(excno::INVALID_OPCODE));
    }
    need_index(vm, y)?;
    swap(vm, x, y);
    Ok(())
}

fn exec_xchg0_long(vm: &mut Vm, ins: &Instr) -> Exec {
    let x = (ins.args & 255) as usize;
    need_index(vm, x)?;
    swap(vm, 0, x);
    Ok(())
}

fn exec_xchg1(vm: &mut Vm, ins: &Instr) -> Exec {
    let x = (ins.args & 15) as usize;
    need_index(vm, x)?;
    swap(vm, 1, x);
    Ok(())
}

fn exec_push(vm: &mut Vm, ins: &Instr) -> Exec {
    let x = (ins.args & 15) as usize;
    need_index(vm, x)?;
    push_copy(vm, x);
    Ok(())
}

fn exec_push_long(vm: &mut Vm, ins: &Instr) -> Exec {
    let x = (ins.args & 255) as usize;
    need_index(vm, x)?;
    push_copy(vm, x);
    Ok(())
}

/// `POP s(x)`: moves the top into s(x) (x = 0 just drops).
fn pop_into(vm: &mut Vm, x: usize) -> Exec {
    need_index(vm, x)?;
    let top = vm.stack.pop().expect("depth checked");
    if x > 0 {
        let i = at(vm, x - 1);
        vm.stack[i] = top;
    }
    Ok(())
}

fn exec_pop(vm: &mut Vm, ins: &Instr) -> Exec {
    pop_into(vm, (ins.args & 15) as usize)
}

fn exec_pop_long(vm: &mut Vm, ins: &Instr) -> Exec {
    pop_into(vm, (ins.args & 255) as usize)
}

fn exec_xchg3(vm: &mut Vm, ins: &Instr) -> Exec {
    let (x, y, z) = nibbles(ins.args);
    need_index(vm, x.max(y).max(z).max(2))?;
    swap(vm, 2, x);
    swap(vm, 1, y);
    swap(vm, 0, z);
    Ok(())
}

fn exec_xchg2(vm: &mut Vm, ins: &Instr) -> Exec {
    let (_, x, y) = nibbles(ins.args);
    need_index(vm, x.max(y).max(1))?;
    swap(vm, 1, x);
    swap(vm, 0, y);
    Ok(())
}

fn exec_xcpu(vm: &mut Vm, ins: &Instr) -> Exec {
    let (_, x, y) = nibbles(ins.args);
    need_index(vm, x.max(y))?;
    swap(vm, 0, x);
    push_copy(vm, y);
    Ok(())
}

fn exec_puxc(vm: &mut Vm, ins: &Instr) -> Exec {
    let (_, x, y) = nibbles(ins.args);
    need_index(vm, x)?;
    vm.check_depth(y)?;
    push_copy(vm, x);
    swap(vm, 0, 1);
    swap(vm, 0, y);
    Ok(())
}

fn exec_push2(vm: &mut Vm, ins: &Instr) -> Exec {
    let (_, x, y) = nibbles(ins.args);
    need_index(vm, x.max(y))?;
    push_copy(vm, x);
    push_copy(vm, y + 1);
    Ok(())
}

fn exec_xc2pu(vm: &mut Vm, ins: &Instr) -> Exec {
    let (x, y, z) = nibbles(ins.args);
    need_index(vm, x.max(y).max(z).max(1))?;
    swap(vm, 1, x);
    swap(vm, 0, y);
    push_copy(vm, z);
    Ok(())
}

fn exec_xcpuxc(vm: &mut Vm, ins: &Instr) -> Exec {
    let (x, y, z) = nibbles(ins.args);
    need_index(vm, x.max(y).max(1))?;
    vm.check_depth(z)?;
    swap(vm, 1, x);
    push_copy(vm, y);
    swap(vm, 0, 1);
    swap(vm, 0, z);
    Ok(())
}

fn exec_xcpu2(vm: &mut Vm, ins: &Instr) -> Exec {
    let (x, y, z) = nibbles(ins.args);
    need_index(vm, x.max(y).max(z))?;
    swap(vm, 0, x);
    push_copy(vm, y);
    push_copy(vm, z + 1);
    Ok(())
}

fn exec_puxc2(vm: &mut Vm, ins: &Instr) -> Exec {
    let (x, y, z) = nibbles(ins.args);
    need_index(vm, x.max(1))?;
    vm.check_depth(y.max(z))?;
    push_copy(vm, x);
    swap(vm, 2, 0);
    swap(vm, 1, y);
    swap(vm, 0, z);
    Ok(())
}

fn exec_puxcpu(vm: &mut Vm, ins: &Instr) -> Exec {
    let (x, y, z) = nibbles(ins.args);
    need_index(vm, x)?;
    vm.check_depth(y.max(z))?;
    push_copy(vm, x);
    swap(vm, 0, 1);
    swap(vm, 0, y);
    push_copy(vm, z);
    Ok(())
}

fn exec_pu2xc(vm: &mut Vm, ins: &Instr) -> Exec {
    let (x, y, z) = nibbles(ins.args);
    need_index(vm, x)?;
    vm.check_depth(y.max(z.saturating_sub(1)))?;
    push_copy(vm, x);
    swap(vm, 1, 0);
    push_copy(vm, y);
    swap(vm, 1, 0);
    swap(vm, 0, z);
    Ok(())
}

fn exec_push3(vm: &mut Vm, ins: &Instr) -> Exec {
    let (x, y, z) = nibbles(ins.args);
    need_index(vm, x.max(y).max(z))?;
    push_copy(vm, x);
    push_copy(vm, y + 1);
    push_copy(vm, z + 2);
    Ok(())
}

fn exec_blkswap(vm: &mut Vm, ins: &Instr) -> Exec {
    let (_, x, y) = nibbles(ins.args);
    let (x, y) = (x + 1, y + 1);
    vm.check_depth(x + y)?;
    rotate_block(vm, x, y);
    Ok(())
}

fn exec_rot(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(3)?;
    swap(vm, 1, 2);
    swap(vm, 0, 1);
    Ok(())
}

fn exec_rotrev(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(3)?;
    swap(vm, 0, 1);
    swap(vm, 1, 2);
    Ok(())
}

fn exec_swap2(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(4)?;
    swap(vm, 1, 3);
    swap(vm, 0, 2);
    Ok(())
}

fn exec_drop2(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let len = vm.stack.len();
    vm.stack.truncate(len - 2);
    Ok(())
}

fn exec_dup2(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    push_copy(vm, 1);
    push_copy(vm, 1);
    Ok(())
}

fn exec_over2(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(4)?;
    push_copy(vm, 3);
    push_copy(vm, 3);
    Ok(())
}

fn exec_reverse(vm: &mut Vm, ins: &Instr) -> Exec {
    let (_, x, y) = nibbles(ins.args);
    let x = x + 2;
    vm.check_depth(x + y)?;
    reverse_block(vm, x, y);
    Ok(())
}

fn exec_blkdrop(vm: &mut Vm, ins: &Instr) -> Exec {
    let x = (ins.args & 15) as usize;
    vm.check_depth(x)?;
    let len = vm.stack.len();
    vm.stack.truncate(len - x);
    Ok(())
}

fn exec_blkpush(vm: &mut Vm, ins: &Instr) -> Exec {
    let (_, x, y) = nibbles(ins.args);
    need_index(vm, y)?;
    for _ in 0..x {
        push_copy(vm, y);
    }
    Ok(())
}

fn exec_pick(vm: &mut Vm, _: &Instr) -> Exec {
    let x = pop_index(vm)?;
    need_index(vm, x)?;
    push_copy(vm, x);
    Ok(())
}

fn exec_roll(vm: &mut Vm, _: &Instr) -> Exec {
    let x = pop_index(vm)?;
    need_index(vm, x)?;
    vm.charge(x.saturating_sub(255) as i64)?;
    let len = vm.stack.len();
    vm.stack[len - 1 - x..].rotate_left(1);
    Ok(())
}

fn exec_rollrev(vm: &mut Vm, _: &Instr) -> Exec {
    let x = pop_index(vm)?;
    need_index(vm, x)?;
    vm.charge(x.saturating_sub(255) as i64)?;
    let len = vm.stack.len();
    vm.stack[len - 1 - x..].rotate_right(1);
    Ok(())
}

fn exec_blkswx(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let limit = x_index_limit(vm);
    let y = vm.pop_smallint_range(limit)? as usize;
    let x = vm.pop_smallint_range(limit)? as usize;
    vm.check_depth(x + y)?;
    if x > 0 && y > 0 {
        if vm.version >= 4 {
            vm.charge((x + y).saturating_sub(255) as i64)?;
        }
        rotate_block(vm, x, y);
    }
    Ok(())
}

fn exec_revx(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    let limit = x_index_limit(vm);
    let y = vm.pop_smallint_range(limit)? as usize;
    let x = vm.pop_smallint_range(limit)? as usize;
    vm.check_depth(x + y)?;
    vm.charge(x.saturating_sub(255) as i64)?;
    reverse_block(vm, x, y);
    Ok(())
}

fn exec_dropx(vm: &mut Vm, _: &Instr) -> Exec {
    let x = pop_index(vm)?;
    vm.check_depth(x)?;
    let len = vm.stack.len();
    vm.stack.truncate(len - x);
    Ok(())
}

fn exec_tuck(vm: &mut Vm, _: &Instr) -> Exec {
    vm.check_depth(2)?;
    swap(vm, 0, 1);
    push_copy(vm, 1);
    Ok(())
}

fn exec_xchgx(vm: &mut Vm, _: &Instr) -> Exec {
    let x = pop_index(vm)?;
    need_index(vm, x)?;
    swap(vm, 0, x);
    Ok(())
}

fn exec_depth(vm: &mut Vm, _: &Instr) -> Exec {
    let d = vm.stack.len() as i64;
    vm.push_small(d);
    Ok(())
}

fn exec_chkdepth(vm: &mut Vm, _: &Instr) -> Exec {
    let x = pop_index(vm)?;
    vm.check_depth(x)
}

fn exec_onlytopx(vm: &mut Vm, _: &Instr) -> Exec {
    let x = pop_index(vm)?;
    vm.check_depth(x)?;
    let d = vm.stack.len() - x;
    if d > 0 {
        vm.charge(x.saturating_sub(255) as i64)?;
        vm.stack.drain(..d);
    }
    Ok(())
}

fn exec_onlyx(vm: &mut Vm, _: &Instr) -> Exec {
    let x = pop_index(vm)?;
    vm.check_depth(x)?;
    vm.stack.truncate(x);
    Ok(())
}

fn exec_blkdrop2(vm: &mut Vm, ins: &Instr) -> Exec {
    let (_, x, y) = nibbles(ins.args);
    vm.check_depth(x + y)?;
    let len = vm.stack.len();
    vm.stack.drain(len - x - y..len - y);
    Ok(())
}

pub(crate) fn register(t: &mut TableBuilder) {
    t.simple(0x00, 8, "NOP", exec_nop);
    t.fixed_range(0x01, 0x10, 8, "XCHG_0I", exec_xchg0);
    t.fixed(0x10, 8, 8, "XCHG_IJ", exec_xchg_ij);
    t.fixed(0x11, 8, 8, "XCHG_0I_LONG", exec_xchg0_long);
    t.fixed_range(0x12, 0x20, 8, "XCHG_1I", exec_xchg1);
    t.fixed(0x2, 4, 4, "PUSH", exec_push);
    t.fixed(0x3, 4, 4, "POP", exec_pop);
    t.fixed(0x4, 4, 12, "XCHG3", exec_xchg3);
    t.fixed(0x50, 8, 8, "XCHG2", exec_xchg2);
    t.fixed(0x51, 8, 8, "XCPU", exec_xcpu);
    t.fixed(0x52, 8, 8, "PUXC", exec_puxc);
    t.fixed(0x53, 8, 8, "PUSH2", exec_push2);
    t.fixed(0x540, 12, 12, "XCHG3_ALT", exec_xchg3);
    t.fixed(0x541, 12, 12, "XC2PU", exec_xc2pu);
    t.fixed(0x542, 12, 12, "XCPUXC", exec_xcpuxc);
    t.fixed(0x543, 12, 12, "XCPU2", exec_xcpu2);
    t.fixed(0x544, 12, 12, "PUXC2", exec_puxc2);
    t.fixed(0x545, 12, 12, "PUXCPU", exec_puxcpu);
    t.fixed(0x546, 12, 12, "PU2XC", exec_pu2xc);
    t.fixed(0x547, 12, 12, "PUSH3", exec_push3);
    t.fixed(0x55, 8, 8, "BLKSWAP", exec_blkswap);
    t.fixed(0x56, 8, 8, "PUSH_LONG", exec_push_long);
    t.fixed(0x57, 8, 8, "POP_LONG", exec_pop_long);
    t.simple(0x58, 8, "ROT", exec_rot);
    t.simple(0x59, 8, "ROTREV", exec_rotrev);
    t.simple(0x5a, 8, "SWAP2", exec_swap2);
    t.simple(0x5b, 8, "DROP2", exec_drop2);
    t.simple(0x5c, 8, "DUP2", exec_dup2);
    t.simple(0x5d, 8, "OVER2", exec_over2);
    t.fixed(0x5e, 8, 8, "REVERSE", exec_reverse);
    t.fixed(0x5f0, 12, 4, "BLKDROP", exec_blkdrop);
    t.fixed_range(0x5f10, 0x6000, 16, "BLKPUSH", exec_blkpush);
    t.simple(0x60, 8, "PICK", exec_pick);
    t.simple(0x61, 8, "ROLLX", exec_roll);
    t.simple(0x62, 8, "-ROLLX", exec_rollrev);
    t.simple(0x63, 8, "BLKSWX", exec_blkswx);
    t.simple(0x64, 8, "REVX", exec_revx);
    t.simple(0x65, 8, "DROPX", exec_dropx);
    t.simple(0x66, 8, "TUCK", exec_tuck);
    t.simple(0x67, 8, "XCHGX", exec_xchgx);
    t.simple(0x68, 8, "DEPTH", exec_depth);
    t.simple(0x69, 8, "CHKDEPTH", exec_chkdepth);
    t.simple(0x6a, 8, "ONLYTOPX", exec_onlytopx);
    t.simple(0x6b, 8, "ONLYX", exec_onlyx);
    t.fixed_range(0x6c10, 0x6d00, 16, "BLKDROP2", exec_blkdrop2);
}
