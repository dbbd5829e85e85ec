//! gram-asm: the TVM assembler and disassembler of gram.
//!
//! - [`assemble`]: the canonical syntax (one mnemonic per instruction of
//!   codepage 0, explicit operands; see `SYNTAX.md`) to a code cell.
//! - [`disassemble`]: any code cell to canonical text that assembles back to
//!   the same cell (same hash).
//! - [`fift::assemble_fift`]: the subset of the Fift assembler that FunC and
//!   Tolk emit (`PROGRAM{ ... }END>c`), giving the same code as Fift.
//!
//! ```
//! let code = gram_asm::assemble("PUSHINT_4 1\nPUSHINT_4 2\nADD").unwrap().cell;
//! let text = gram_asm::disassemble(&code);
//! assert_eq!(text, "PUSHINT_4 1\nPUSHINT_4 2\nADD\n");
//! assert_eq!(gram_asm::assemble(&text).unwrap().cell.hash(), code.hash());
//! ```
//!
//! The instruction table is generated at run time from `cp0.json` of
//! tvm-spec (MIT, Copyright (c) 2024 Vladimir Lebedev; see
//! `conformance/spec/LICENSE-tvm-spec`) and the project's `errata.json`.

pub mod assemble;
pub mod disasm;
pub mod error;
pub mod fift;
mod fift_words;
pub mod instr;
pub mod layout;
pub mod rejected;
pub mod spec;
pub mod syntax;

pub use crate::assemble::{assemble, Assembled};
pub use crate::disasm::{disassemble, method_id, method_name};
pub use crate::error::{render, AsmError, Diagnostic};
pub use crate::layout::{DebugEntry, DebugTable};
