//! `gram asm`: assembly text (canonical or Fift dialect) to a code BoC.

use std::io::Write;
use std::path::PathBuf;

use base64::Engine;
use gram_cells::boc::{self, EncodeMode};

use crate::error::CliError;
use crate::input;

/// Options of `gram asm`.
pub struct AsmArgs {
    /// Source file (`-` for stdin).
    pub file: String,
    /// Output file (binary BoC unless `hex` or `base64`).
    pub output: Option<PathBuf>,
    /// Read the Fift-assembler dialect (also chosen by a `.fif` file name).
    pub fift: bool,
    /// Write hex text (the default on stdout).
    pub hex: bool,
    /// Write base64 text.
    pub base64: bool,
}

/// Assembles; diagnostics go to stderr and give exit code 1.
pub fn run(args: AsmArgs, out: &mut impl Write) -> Result<u8, CliError> {
    let raw = input::read_all(&args.file)?;
    let Ok(source) = String::from_utf8(raw) else {
        return Err(CliError::Usage(format!("{} is not UTF-8 text", args.file)));
    };
    let fift = args.fift || args.file.ends_with(".fif");
    let result = if fift { gram_asm::fift::assemble_fift(&source) } else { gram_asm::assemble(&source) };
    let cell = match result {
        Ok(a) => a.cell,
        Err(e) => {
            let name = if args.file == "-" { "<stdin>" } else { args.file.as_str() };
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "{}", gram_asm::render(name, &source, &e.0));
            let _ = writeln!(err, "error: {} error(s), no output written", e.0.len());
            return Ok(1);
        }
    };
    let encoded = boc::encode(&cell, EncodeMode::default())?;
    let text = if args.base64 {
        Some(base64::engine::general_purpose::STANDARD.encode(&encoded))
    } else if args.hex || args.output.is_none() {
        Some(hex::encode(&encoded))
    } else {
        None
    };
    match (args.output, text) {
        (Some(path), text) => {
            let data = match text {
                Some(t) => (t + "\n").into_bytes(),
                None => encoded,
            };
            std::fs::write(&path, data)
                .map_err(|source| CliError::Write { path: path.display().to_string(), source })?;
        }
        (None, Some(t)) => writeln!(out, "{t}").map_err(CliError::Stdout)?,
        (None, None) => {}
    }
    Ok(0)
}
