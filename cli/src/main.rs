//! `gram`: the command line of the gram toolchain.
//!
//! Errors print one line, `error: <message>`, on stderr and exit with 1;
//! usage errors exit with 2 (clap's convention).

mod asm;
mod demo;
mod disasm;
mod error;
mod input;
mod run;
mod show;

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use base64::Engine;
use clap::{Parser, Subcommand};
use gram_cells::boc::{self, EncodeMode};

use crate::error::CliError;

#[derive(Parser)]
#[command(name = "gram", version, about = "Tools for TON smart contracts: cells, bags of cells, TVM")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Assemble TVM assembly (canonical syntax, or the Fift dialect with --fift or a .fif file) into a code BoC.
    Asm {
        /// Source file, or `-` for stdin.
        file: String,
        /// Write to this file (binary unless --hex or --base64 is given) instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Read the Fift-assembler dialect (`PROGRAM{ ... }END>c`, as FunC and Tolk emit).
        #[arg(long)]
        fift: bool,
        /// Write hex text (the default on stdout).
        #[arg(long, conflicts_with = "base64")]
        hex: bool,
        /// Write base64 text.
        #[arg(long)]
        base64: bool,
    },
    /// Disassemble a code BoC (file path or `-`, binary, hex or base64) into canonical assembly text.
    Disasm {
        /// Code BoC.
        file: String,
    },
    /// Inspect and re-encode bags of cells (BoC).
    #[command(subcommand)]
    Boc(BocCommand),
    /// Decode the embedded wallet v4r2 code, print its tree and hash, round-trip it, and run a TVM program.
    Demo,
    /// Run TVM code (a BoC: file path or `-`, binary, hex or base64).
    Run {
        /// Code BoC; omit with --jsonl.
        code: Option<String>,
        /// Read runvm.mjs request lines on stdin, write result lines on stdout.
        #[arg(long)]
        jsonl: bool,
        /// c4 on entry (a BoC file).
        #[arg(long)]
        data: Option<String>,
        /// Initial stack as a JSON array of typed values (bottom first).
        #[arg(long)]
        stack: Option<String>,
        /// Push this method id on top of the stack (a get-method call).
        #[arg(long, conflicts_with = "method")]
        method_id: Option<i32>,
        /// Call the get-method of this name (its id is crc16(name) | 0x10000, as FunC and Tolk assign it).
        #[arg(long)]
        method: Option<String>,
        /// Gas limit.
        #[arg(long, default_value_t = 1_000_000)]
        gas_limit: i64,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
        /// c7: unix time (default 1700000000, as the reference runner).
        #[arg(long)]
        now: Option<u32>,
        /// c7: balance in nanotons (default 1000000000).
        #[arg(long)]
        balance: Option<u64>,
        /// c7: the contract's address, raw (`0:<64 hex>`) or friendly (default 0:00..00).
        #[arg(long)]
        address: Option<String>,
        /// c7: random seed, 64 hex digits (default 42..42).
        #[arg(long)]
        rand_seed: Option<String>,
        /// c7: blockchain config (a BoC of the ConfigParams dictionary; default: the sandbox's);
        /// its param 8 also sets the global version.
        #[arg(long)]
        config: Option<String>,
        /// Print every step (gas so far, instruction, stack) to stderr.
        #[arg(long)]
        trace: bool,
    },
}

#[derive(Subcommand)]
enum BocCommand {
    /// Print the cell tree: one cell per line with hash, depth, level, kind, bits, refs and data.
    Show {
        /// BoC file (binary, hex or base64 text), or `-` for stdin.
        file: String,
    },
    /// Print the representation hash of each root, one per line.
    Hash {
        /// BoC file (binary, hex or base64 text), or `-` for stdin.
        file: String,
    },
    /// Re-encode in the canonical (reference serializer) layout.
    Encode {
        /// BoC file (binary, hex or base64 text), or `-` for stdin.
        file: String,
        /// Append a CRC32C checksum.
        #[arg(long)]
        crc32c: bool,
        /// Write the offset index.
        #[arg(long)]
        index: bool,
        /// Mark cells referenced more than once in the index (needs --index).
        #[arg(long, requires = "index")]
        cache_bits: bool,
        /// Store hashes and depths with the cells the reference marks as heavy.
        #[arg(long)]
        int_hashes: bool,
        /// Write to this file (binary unless --hex or --base64 is given) instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Write hex text (the default on stdout).
        #[arg(long, conflicts_with = "base64")]
        hex: bool,
        /// Write base64 text.
        #[arg(long)]
        base64: bool,
    },
}

fn main() -> ExitCode {
    // Nothing should panic; if something does, still print one line, no backtrace.
    std::panic::set_hook(Box::new(|info| {
        let _ = writeln!(io::stderr(), "error: internal error: {info}");
    }));
    let cli = Cli::parse();
    let mut out = BufWriter::new(io::stdout().lock());
    let result = run(cli.command, &mut out).and_then(|code| out.flush().map_err(CliError::Stdout).map(|()| code));
    match result {
        Ok(code) => ExitCode::from(code),
        // A reader that went away (`gram boc show x | head`) is not an error.
        Err(CliError::Stdout(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e @ CliError::Usage(_)) => {
            let _ = writeln!(io::stderr(), "error: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            let _ = writeln!(io::stderr(), "error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a command; returns the process exit code (`gram run` exits 1 when the TVM run fails).
fn run(command: Command, out: &mut impl Write) -> Result<u8, CliError> {
    match command {
        Command::Demo => demo::run(out).map(|()| 0),
        Command::Run { jsonl: true, .. } => run::jsonl(out).map(|()| 0),
        Command::Run {
            code: Some(code),
            data,
            stack,
            method_id,
            method,
            gas_limit,
            json,
            trace,
            now,
            balance,
            address,
            rand_seed,
            config,
            ..
        } => {
            let c7 = run::C7Args { now, balance, address, rand_seed, config };
            let method_id = method_id.or_else(|| method.map(|name| gram_asm::method_id(&name) as i32));
            run::run_once(out, run::RunArgs { code, data, stack, method_id, gas_limit, json, trace, c7 })
        }
        Command::Run { code: None, .. } => Err(CliError::Usage("gram run needs CODE or --jsonl".into())),
        Command::Asm { file, output, fift, hex, base64 } => {
            asm::run(asm::AsmArgs { file, output, fift, hex, base64 }, out)
        }
        Command::Disasm { file } => disasm::run(&file, out),
        other => run_boc(other, out).map(|()| 0),
    }
}

fn run_boc(command: Command, out: &mut impl Write) -> Result<(), CliError> {
    match command {
        Command::Demo | Command::Run { .. } => unreachable!("handled by run"),
        Command::Asm { .. } | Command::Disasm { .. } => unreachable!("handled by run"),
        Command::Boc(BocCommand::Show { file }) => {
            let (bytes, _) = input::read_boc(&file)?;
            let roots = boc::decode(&bytes)?;
            show::write_tree(out, &roots).map_err(CliError::Stdout)?;
            Ok(())
        }
        Command::Boc(BocCommand::Hash { file }) => {
            let (bytes, _) = input::read_boc(&file)?;
            for root in boc::decode(&bytes)? {
                writeln!(out, "{}", hex::encode(root.hash())).map_err(CliError::Stdout)?;
            }
            Ok(())
        }
        Command::Boc(BocCommand::Encode { file, crc32c, index, cache_bits, int_hashes, output, hex, base64 }) => {
            let (bytes, _) = input::read_boc(&file)?;
            let roots = boc::decode(&bytes)?;
            let encoded = boc::encode_many(&roots, EncodeMode { index, crc32c, int_hashes, cache_bits })?;
            let text = if base64 {
                Some(base64::engine::general_purpose::STANDARD.encode(&encoded))
            } else if hex || output.is_none() {
                Some(hex::encode(&encoded))
            } else {
                None
            };
            match (output, text) {
                (Some(path), text) => {
                    let data = match text {
                        Some(t) => (t + "\n").into_bytes(),
                        None => encoded,
                    };
                    std::fs::write(&path, data)
                        .map_err(|source| CliError::Write { path: path.display().to_string(), source })
                }
                (None, Some(t)) => writeln!(out, "{t}").map_err(CliError::Stdout),
                (None, None) => unreachable!("text is always produced for stdout"),
            }
        }
    }
}
