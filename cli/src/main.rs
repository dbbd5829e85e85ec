//! `gram`: the command line over gram's cells, bags of cells and TVM.

mod input;
mod run;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use thiserror::Error;

/// Errors the CLI reports as one line on stderr.
#[derive(Debug, Error)]
pub enum CliError {
    #[error("{0}")]
    Io(String),
    #[error("{0}")]
    Input(String),
    #[error("{0}")]
    Usage(String),
}

#[derive(Parser)]
#[command(name = "gram", version, about = "TON smart-contract toolchain: cells, bags of cells, TVM")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run TVM code (a bag of cells: file path or `-`, binary, hex or base64).
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
        #[arg(long)]
        method_id: Option<i32>,
        /// Gas limit.
        #[arg(long, default_value_t = 1_000_000)]
        gas_limit: i64,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// A short demo on embedded data: a TVM program through the VM and a bag-of-cells round trip.
    Demo,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run { jsonl: true, .. } => run::jsonl().map(|()| 0),
        Command::Run { code: Some(code), data, stack, method_id, gas_limit, json, .. } => {
            run::run_once(run::RunArgs { code, data, stack, method_id, gas_limit, json })
        }
        Command::Run { code: None, .. } => Err(CliError::Usage("gram run needs CODE or --jsonl".into())),
        Command::Demo => demo(),
    };
    match result {
        Ok(code) => ExitCode::from(code as u8),
        Err(e @ CliError::Usage(_)) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

/// Runs an embedded program (tuple and stack work, exact gas) and shows the
/// bag-of-cells encoding of its code round-tripping to the same hash.
fn demo() -> Result<i32, CliError> {
    // PUSHINT 1; PUSHINT 2; PUSHINT 3; TUPLE 3; DUP; TLEN; SWAP; UNTUPLE 3; ROT; DEPTH
    let program = [0x71, 0x72, 0x73, 0x6f, 0x03, 0x20, 0x6f, 0x88, 0x01, 0x6f, 0x23, 0x58, 0x68];
    let code =
        gram_cells::Cell::new(&program, program.len() * 8, &[], false).map_err(|e| CliError::Input(e.to_string()))?;
    let boc = gram_cells::boc::encode(&code, gram_cells::boc::EncodeMode::PLAIN)
        .map_err(|e| CliError::Input(e.to_string()))?;
    let decoded = gram_cells::boc::decode_single(&boc).map_err(|e| CliError::Input(e.to_string()))?;
    println!("code cell   {} ({} bits)", hex::encode(code.hash()), code.bit_len());
    println!("BoC         {} ({} bytes)", hex::encode(&boc), boc.len());
    println!("round trip  {}", if decoded.hash() == code.hash() { "same hash" } else { "DIFFERENT HASH" });
    println!("program     PUSHINT 1; PUSHINT 2; PUSHINT 3; TUPLE 3; DUP; TLEN; SWAP; UNTUPLE 3; ROT; DEPTH");
    let outcome = gram_vm::run(gram_vm::RunParams::new(code));
    println!("exit {}: {}", outcome.exit_code, gram_vm::exit_code_name(outcome.exit_code));
    println!("gas used    {}", outcome.gas_used);
    println!("steps       {}", outcome.steps);
    for (i, v) in outcome.stack.iter().enumerate() {
        println!("  s{}: {}", outcome.stack.len() - 1 - i, run::describe(v));
    }
    Ok(0)
}
