//! Signed 257-bit integers (filled in by the Int257 work).
