//! Debug opcodes. The reference (without a debug build) executes every
//! `FE00`..`FEEF` as a no-op 16-bit `DEBUG` and `FEFn` + `n+1` bytes as a
//! no-op `DEBUGSTR`; only their gas (26) and decoding matter.

use crate::error::{excno, Exec};
use crate::program::{DecodeCtx, Instr};
use crate::table::TableBuilder;
use crate::vm::Vm;

fn exec_nop(_: &mut Vm, _: &Instr) -> Exec {
    Ok(())
}

/// Skips the `(n + 1) * 8` data bits of `DEBUGSTR`; missing bits are an invalid opcode.
fn decode_debugstr(ctx: &mut DecodeCtx<'_>, args: u32) -> Result<u32, i32> {
    let bits = ((args & 15) as usize + 1) * 8;
    ctx.code.skip_bits(bits).map_err(|_| excno::INVALID_OPCODE)?;
    Ok(0)
}

pub(super) fn register(t: &mut TableBuilder) {
    // One cp0 instruction; DUMPSTK, STRDUMP, DUMP s(i) are its aliases.
    t.fixed_range(0xfe00, 0xfef0, 16, "DEBUG", exec_nop);
    t.ext(0xfef, 12, 4, "DEBUGSTR", decode_debugstr, exec_nop);
}
