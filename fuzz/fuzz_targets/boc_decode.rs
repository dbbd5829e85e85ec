//! Fuzz target: arbitrary bytes through the BoC decoder, then encode and
//! decode again (see `../boc_property.rs`).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../boc_property.rs"]
mod boc_property;

fuzz_target!(|data: &[u8]| boc_property::check(data));
