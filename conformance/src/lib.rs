//! gram-conformance: runs the reference-generated vectors through gram and
//! reports every difference (exit code, gas, stack, c4, c5) side by side.

pub mod compare;
pub mod coverage;
pub mod diff;
pub mod vectors;
