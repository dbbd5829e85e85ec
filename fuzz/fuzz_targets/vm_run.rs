//! Fuzz target: arbitrary bytes as TVM code with a small stack and bounded
//! gas; no panic, and two runs agree exactly (see `../vm_property.rs`).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../vm_property.rs"]
mod vm_property;

fuzz_target!(|data: &[u8]| vm_property::check(data));
