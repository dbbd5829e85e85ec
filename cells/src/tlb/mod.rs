//! TL-B core types.
