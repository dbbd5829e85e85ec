//! The property the `boc_decode` fuzz target checks, shared with the corpus
//! replay test in gram-cells (`cells/tests/boc_fuzz_corpus.rs`):
//! decoding never panics; whatever decodes re-encodes (in a mode picked from
//! the input) and decodes again to the same roots, and the canonical bytes
//! are a fixed point of decode + encode.

use gram_cells::boc::{self, EncodeMode};

/// Checks the property on one input; panics (a fuzz finding) if it fails.
pub fn check(data: &[u8]) {
    let single = boc::decode_single(data);
    let Ok(roots) = boc::decode(data) else {
        assert!(single.is_err(), "decode_single accepted what decode rejected");
        return;
    };
    if let Ok(root) = &single {
        assert_eq!(roots.len(), 1);
        assert_eq!(root.hash(), roots[0].hash());
    }
    // Every mode bit set the reference knows, chosen by the last input byte.
    let bits = u32::from(data.last().copied().unwrap_or(0)) & 0b11011;
    let mut mode = EncodeMode::from_reference_bits(bits);
    mode.cache_bits &= mode.index;
    let bytes = boc::encode_many(&roots, mode).expect("decoded roots always encode");
    let again = boc::decode(&bytes).expect("canonical encoding decodes");
    assert_eq!(again.len(), roots.len());
    for (a, b) in again.iter().zip(&roots) {
        assert_eq!(a.hash(), b.hash());
        assert_eq!(a.depth(), b.depth());
        assert_eq!(a.level_mask(), b.level_mask());
    }
    assert_eq!(boc::encode_many(&again, mode).expect("re-encode"), bytes, "canonical bytes are a fixed point");
}
