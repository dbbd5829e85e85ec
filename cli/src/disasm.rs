//! `gram disasm`: a code BoC to canonical assembly text.

use std::io::Write;

use gram_cells::boc;

use crate::error::CliError;
use crate::input;

/// Prints the canonical text of every root of the BoC (one `; root N` header each when there are several).
pub fn run(file: &str, out: &mut impl Write) -> Result<u8, CliError> {
    let (bytes, _) = input::read_boc(file)?;
    let roots = boc::decode(&bytes)?;
    let many = roots.len() > 1;
    for (i, root) in roots.iter().enumerate() {
        if many {
            writeln!(out, "; root {i}").map_err(CliError::Stdout)?;
        }
        write!(out, "{}", gram_asm::disassemble(root)).map_err(CliError::Stdout)?;
    }
    Ok(0)
}
