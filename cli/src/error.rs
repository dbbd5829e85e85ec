//! Errors of the command line; each prints as one line after `error: `.

use gram_cells::boc::BocError;
use thiserror::Error;

/// Everything that can make a `gram` command fail.
#[derive(Debug, Error)]
pub enum CliError {
    /// The input file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The path as given (`-` for stdin).
        path: String,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The output file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The path as given.
        path: String,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// Writing to stdout failed (a closed pipe is not reported).
    #[error("cannot write to stdout: {0}")]
    Stdout(std::io::Error),
    /// The input holds nothing but whitespace.
    #[error("input is empty")]
    EmptyInput,
    /// Text input that is neither hex nor base64.
    #[error("input is neither a binary bag of cells nor hex or base64 text")]
    UnknownText,
    /// The bag of cells was rejected, or could not be encoded.
    #[error(transparent)]
    Boc(#[from] BocError),
    /// A command-line value that is not usable (exit code 2).
    #[error("{0}")]
    Usage(String),
    /// Reading stdin failed.
    #[error("cannot read stdin: {0}")]
    Stdin(std::io::Error),
    /// The demo's embedded data did not give the published result.
    #[error("demo check failed: {0}")]
    DemoCheck(String),
}
