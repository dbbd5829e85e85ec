//! gram-vm: a TVM-compatible virtual machine with exact gas accounting.

pub mod int257;
