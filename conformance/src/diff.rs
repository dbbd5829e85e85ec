//! Live differential runner: random valid TVM programs run through gram and
//! through the reference TVM (`../shared/oracle/runvm.mjs`); every difference
//! is shrunk to a minimal reproducer.

pub mod gen;
pub mod oracle;
pub mod program;
pub mod rng;
pub mod runner;
pub mod shrink;
pub mod spec;

pub use oracle::{NodeOracle, Reference};
pub use runner::{run, Options, Report};

/// Errors of the differential runner (the oracle process, files, options).
#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    #[error("oracle: {0}")]
    Oracle(String),
    #[error("spec: {0}")]
    Spec(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("bad option: {0}")]
    Option(String),
}
