//! SHA-256 of messages that the caller has already padded, one at a time or
//! two at a time.
//!
//! A cell hash is SHA-256 of a short preimage (one to five 64-byte blocks).
//! With the x86 SHA extensions one block is bound by the latency of the
//! dependent `sha256rnds2` chain, so the execution units sit mostly idle.
//! Running the rounds of two independent messages side by side fills them:
//! [`sha256_padded_pair`] does that when the CPU has the extensions and
//! otherwise hashes the two messages one after the other.
//!
//! "Padded" means the FIPS 180-4 (5.1.1) padding is already in the buffer: a
//! 0x80 byte, zeros, and the 64-bit big-endian bit length, so the length is a
//! non-zero multiple of 64. A length that is not a multiple of 64 is a caller
//! bug: debug builds assert, release builds ignore the trailing partial block
//! (a wrong hash, never an out-of-bounds access).

/// Bytes in one SHA-256 message block.
pub(crate) const BLOCK: usize = 64;

/// The SHA-256 initial hash value (FIPS 180-4, 5.3.3).
pub(crate) const INIT: [u32; 8] =
    [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/// Whether `len` is a valid padded-message length.
fn is_padded_len(len: usize) -> bool {
    len != 0 && len.is_multiple_of(BLOCK)
}

/// The digest bytes of a final state: the eight words big-endian (FIPS 180-4, 6.2.2 step 4).
pub(crate) fn digest_of(state: [u32; 8]) -> [u8; 32] {
    let mut digest = [0u8; 32];
    for (out, word) in digest.chunks_exact_mut(4).zip(state) {
        out.copy_from_slice(&word.to_be_bytes());
    }
    digest
}

/// Runs the compression function over every whole 64-byte block of `blocks`,
/// in one `compress256` call (cheaper than one call per block: the
/// implementation's CPU-feature check and state shuffles happen once).
fn compress_blocks(state: &mut [u32; 8], blocks: &[u8]) {
    let count = blocks.len() / BLOCK;
    // SAFETY: the element type (inferred from `compress256`, generic-array's
    // `GenericArray<u8, U64>`) is `repr(transparent)` over `[u8; 64]`, size 64
    // and alignment 1, so `count` of them occupy exactly the first
    // `count * 64` bytes of `blocks`, which are in bounds, initialised and
    // borrowed for the lifetime of the new slice.
    let blocks = unsafe { std::slice::from_raw_parts(blocks.as_ptr().cast(), count) };
    sha2::compress256(state, blocks);
}

/// SHA-256 of `msg`, which the caller has already padded (see the module
/// docs): its length is a non-zero multiple of 64.
pub(crate) fn sha256_padded(msg: &[u8]) -> [u8; 32] {
    debug_assert!(is_padded_len(msg.len()), "unpadded SHA-256 input of {} bytes", msg.len());
    let mut state = INIT;
    compress_blocks(&mut state, msg);
    digest_of(state)
}

/// Writes the SHA-256 padding after `buf[..len]` (a one bit, zeros, the
/// 64-bit bit length) and returns the padded length, whole 64-byte blocks.
/// `buf` must have room for it: `len + 9` bytes rounded up to a block.
pub(crate) fn pad_in_place(buf: &mut [u8], len: usize) -> usize {
    let total = (len + 9).div_ceil(BLOCK) * BLOCK;
    buf[len] = 0x80;
    buf[len + 1..total - 8].fill(0);
    buf[total - 8..total].copy_from_slice(&(len as u64 * 8).to_be_bytes());
    total
}

/// Longest message [`sha256`] pads on the stack (three blocks with padding):
/// every cell's data and every slice fits.
const ONE_SHOT_MAX: usize = 3 * BLOCK - 9;

/// SHA-256 of `msg`. Short messages (up to 183 bytes, the size of cell
/// data and slices) are padded on the stack and compressed in one call,
/// which costs about half of what the streaming hasher does for them;
/// longer ones go through the streaming hasher.
pub fn sha256(msg: &[u8]) -> [u8; 32] {
    if msg.len() > ONE_SHOT_MAX {
        use sha2::Digest;
        return sha2::Sha256::digest(msg).into();
    }
    let mut buf = [0u8; 3 * BLOCK];
    buf[..msg.len()].copy_from_slice(msg);
    let total = pad_in_place(&mut buf, msg.len());
    sha256_padded(&buf[..total])
}

/// SHA-256 of two padded messages (see the module docs), which may have
/// different block counts. Returns the digests of `a` and `b` in that order.
pub(crate) fn sha256_padded_pair(a: &[u8], b: &[u8]) -> ([u8; 32], [u8; 32]) {
    finish_pair(INIT, a, INIT, b)
}

/// Finishes two hashes: runs the compression function from `state_a` over
/// the blocks of `a` and from `state_b` over those of `b` (whole blocks, the
/// last one padded), both at once where the CPU allows, and returns the
/// two digests in that order.
pub(crate) fn finish_pair(state_a: [u32; 8], a: &[u8], state_b: [u32; 8], b: &[u8]) -> ([u8; 32], [u8; 32]) {
    debug_assert!(is_padded_len(a.len()), "unpadded SHA-256 input of {} bytes", a.len());
    debug_assert!(is_padded_len(b.len()), "unpadded SHA-256 input of {} bytes", b.len());
    #[cfg(all(target_arch = "x86_64", not(miri)))]
    if shani::available() {
        // SAFETY: `available` has checked that the CPU supports every feature
        // `shani::finish_pair` is compiled with.
        return unsafe { shani::finish_pair(state_a, a, state_b, b) };
    }
    (finish_one(state_a, a), finish_one(state_b, b))
}

/// Runs the compression function from `state` over the whole blocks of
/// `blocks` (a running hash, not finished).
pub(crate) fn advance_one(state: &mut [u32; 8], blocks: &[u8]) {
    compress_blocks(state, blocks);
}

/// Runs the compression function from `state_a` over the blocks of `a` and
/// from `state_b` over those of `b`, both at once where the CPU allows.
/// `a` and `b` have the same number of whole blocks.
pub(crate) fn advance_pair(state_a: &mut [u32; 8], a: &[u8], state_b: &mut [u32; 8], b: &[u8]) {
    debug_assert_eq!(a.len(), b.len());
    #[cfg(all(target_arch = "x86_64", not(miri)))]
    if shani::available() {
        // SAFETY: `available` has checked the CPU features `compress_pair`
        // is compiled with.
        return unsafe { shani::compress_pair(state_a, state_b, a, b) };
    }
    compress_blocks(state_a, a);
    compress_blocks(state_b, b);
}

/// Finishes one hash: the compression function from `state` over the
/// blocks of `rest` (whole blocks, the last one padded); returns the digest.
pub(crate) fn finish_one(mut state: [u32; 8], rest: &[u8]) -> [u8; 32] {
    debug_assert!(is_padded_len(rest.len()), "unpadded SHA-256 input of {} bytes", rest.len());
    compress_blocks(&mut state, rest);
    digest_of(state)
}

/// The SHA-256 round constants K0..K63 (FIPS 180-4, 4.2.2).
#[cfg(all(target_arch = "x86_64", not(miri)))]
pub(crate) static K: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
];

/// A CPU-feature answer detected once: afterwards one relaxed load, where
/// `is_x86_feature_detected!` would test a cache bit per feature.
#[cfg(all(target_arch = "x86_64", not(miri)))]
pub(crate) struct FeatureCache(std::sync::atomic::AtomicU8);

#[cfg(all(target_arch = "x86_64", not(miri)))]
impl FeatureCache {
    const UNKNOWN: u8 = 0;
    const ABSENT: u8 = 1;
    const PRESENT: u8 = 2;

    pub(crate) const fn new() -> Self {
        FeatureCache(std::sync::atomic::AtomicU8::new(Self::UNKNOWN))
    }

    /// The cached answer, running `detect` the first time.
    pub(crate) fn get(&self, detect: impl FnOnce() -> bool) -> bool {
        use std::sync::atomic::Ordering::Relaxed;
        match self.0.load(Relaxed) {
            Self::PRESENT => true,
            Self::ABSENT => false,
            _ => {
                let present = detect();
                self.0.store(if present { Self::PRESENT } else { Self::ABSENT }, Relaxed);
                present
            }
        }
    }
}

/// The two-lane compression function on the x86 SHA extensions.
///
/// Register layout (Intel, "Intel SHA Extensions", 2013): the eight working
/// variables live in two vectors, `abef` = [F, E, B, A] and `cdgh` =
/// [H, G, D, C] (lane 0 first). `sha256rnds2(cdgh, abef, wk)` runs two rounds
/// with the W+K words in lanes 0 and 1 of `wk` and returns the new `abef`;
/// the old `abef` is the new `cdgh`. `sha256msg1` and `sha256msg2` compute
/// the sigma0 and sigma1 halves of the message schedule four words at a time.
#[cfg(all(target_arch = "x86_64", not(miri)))]
mod shani {
    use super::{compress_blocks, digest_of, FeatureCache, BLOCK, K};
    use std::arch::x86_64::{
        __m128i, _mm_add_epi32, _mm_alignr_epi8, _mm_blend_epi16, _mm_loadu_si128, _mm_set_epi64x,
        _mm_sha256msg1_epu32, _mm_sha256msg2_epu32, _mm_sha256rnds2_epu32, _mm_shuffle_epi32, _mm_shuffle_epi8,
        _mm_storeu_si128, _mm_unpackhi_epi64, _mm_unpacklo_epi64,
    };

    /// The cached answer of [`available`].
    static DETECTED: FeatureCache = FeatureCache::new();

    /// Whether the CPU has every feature [`sha256_padded_pair`] needs.
    /// Detected once; afterwards one relaxed load, where
    /// `is_x86_feature_detected!` would test four cache bits.
    pub(super) fn available() -> bool {
        DETECTED.get(|| {
            std::is_x86_feature_detected!("sha")
                && std::is_x86_feature_detected!("sse2")
                && std::is_x86_feature_detected!("ssse3")
                && std::is_x86_feature_detected!("sse4.1")
        })
    }

    /// [`super::finish_pair`] on the SHA extensions: the blocks the two
    /// messages have in common go through [`compress_pair`], the longer
    /// message's remaining blocks through `sha2::compress256`.
    ///
    /// # Safety
    /// The CPU must support `sha`, `sse2`, `ssse3` and `sse4.1` (see [`available`]).
    #[target_feature(enable = "sha,sse2,ssse3,sse4.1")]
    pub(super) unsafe fn finish_pair(
        mut state_a: [u32; 8],
        a: &[u8],
        mut state_b: [u32; 8],
        b: &[u8],
    ) -> ([u8; 32], [u8; 32]) {
        let common = a.len().min(b.len()) / BLOCK * BLOCK;
        let (a_head, a_tail) = a.split_at(common);
        let (b_head, b_tail) = b.split_at(common);
        // SAFETY: this function's own contract is the one `compress_pair` needs.
        unsafe { compress_pair(&mut state_a, &mut state_b, a_head, b_head) };
        // At most one tail is non-empty; skipping the empty one saves a call
        // that would still check CPU features and shuffle the state.
        if a_tail.len() >= BLOCK {
            compress_blocks(&mut state_a, a_tail);
        }
        if b_tail.len() >= BLOCK {
            compress_blocks(&mut state_b, b_tail);
        }
        (digest_of(state_a), digest_of(state_b))
    }

    /// Runs the compression function over the blocks of `a` into `state_a`
    /// and the blocks of `b` into `state_b`, the two lanes' instructions
    /// interleaved. Processes as many whole blocks as the shorter input has.
    ///
    /// # Safety
    /// The CPU must support `sha`, `sse2`, `ssse3` and `sse4.1`.
    #[target_feature(enable = "sha,sse2,ssse3,sse4.1")]
    pub(super) unsafe fn compress_pair(state_a: &mut [u32; 8], state_b: &mut [u32; 8], a: &[u8], b: &[u8]) {
        // SAFETY: the caller guarantees the CPU features the intrinsics need.
        // Every unaligned load and store touches 16 bytes inside an object it
        // is given a pointer into: `state_*` (32 bytes, offsets 0 and 16), `K`
        // (256 bytes, offsets 0..=240 in steps of 16) and a 64-byte block
        // from `chunks_exact` (offsets 0, 16, 32, 48).
        unsafe {
            // Reverses the bytes of each 32-bit lane: message words are big-endian.
            let byte_swap = _mm_set_epi64x(0x0c0d_0e0f_0809_0a0b, 0x0405_0607_0001_0203);
            // Round constants K[4i..4i+4].
            macro_rules! k {
                ($i:expr) => {
                    _mm_loadu_si128(K.as_ptr().add(4 * $i).cast())
                };
            }

            // Loads a state into the [F, E, B, A] / [H, G, D, C] layout.
            macro_rules! load_state {
                ($state:expr) => {{
                    let abcd = _mm_loadu_si128($state.as_ptr().cast());
                    let efgh = _mm_loadu_si128($state.as_ptr().add(4).cast());
                    let badc = _mm_shuffle_epi32(abcd, 0b10_11_00_01);
                    let hgfe = _mm_shuffle_epi32(efgh, 0b00_01_10_11);
                    (_mm_alignr_epi8(badc, hgfe, 8), _mm_blend_epi16(hgfe, badc, 0xF0))
                }};
            }
            // Stores [F, E, B, A] / [H, G, D, C] back as [A..H].
            macro_rules! store_state {
                ($state:expr, $abef:expr, $cdgh:expr) => {{
                    let abef = _mm_shuffle_epi32($abef, 0b00_01_10_11);
                    let cdgh = _mm_shuffle_epi32($cdgh, 0b00_01_10_11);
                    _mm_storeu_si128($state.as_mut_ptr().cast(), _mm_unpacklo_epi64(abef, cdgh));
                    _mm_storeu_si128($state.as_mut_ptr().add(4).cast(), _mm_unpackhi_epi64(abef, cdgh));
                }};
            }
            // Message words 4i..4i+3 of a block, as integers.
            macro_rules! load_words {
                ($block:expr, $i:expr) => {
                    _mm_shuffle_epi8(_mm_loadu_si128($block.as_ptr().add(16 * $i).cast()), byte_swap)
                };
            }
            // W[t..t+4] from the previous sixteen words, oldest first:
            // W[t] = sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16].
            macro_rules! schedule {
                ($w0:expr, $w1:expr, $w2:expr, $w3:expr) => {
                    _mm_sha256msg2_epu32(
                        _mm_add_epi32(_mm_sha256msg1_epu32($w0, $w1), _mm_alignr_epi8($w3, $w2, 4)),
                        $w3,
                    )
                };
            }
            let (mut abef_a, mut cdgh_a): (__m128i, __m128i) = load_state!(state_a);
            let (mut abef_b, mut cdgh_b): (__m128i, __m128i) = load_state!(state_b);
            // Four rounds of both lanes (defined here so it can name the state variables) with message words `$wa` / `$wb` and constants `$k`.
            macro_rules! rounds {
                ($wa:expr, $wb:expr, $k:expr) => {{
                    let k = $k;
                    let wka = _mm_add_epi32($wa, k);
                    let wkb = _mm_add_epi32($wb, k);
                    cdgh_a = _mm_sha256rnds2_epu32(cdgh_a, abef_a, wka);
                    cdgh_b = _mm_sha256rnds2_epu32(cdgh_b, abef_b, wkb);
                    abef_a = _mm_sha256rnds2_epu32(abef_a, cdgh_a, _mm_shuffle_epi32(wka, 0b00_00_11_10));
                    abef_b = _mm_sha256rnds2_epu32(abef_b, cdgh_b, _mm_shuffle_epi32(wkb, 0b00_00_11_10));
                }};
            }

            for (block_a, block_b) in a.chunks_exact(BLOCK).zip(b.chunks_exact(BLOCK)) {
                let (start_abef_a, start_cdgh_a, start_abef_b, start_cdgh_b) = (abef_a, cdgh_a, abef_b, cdgh_b);
                let (mut a0, mut a1, mut a2, mut a3) = (
                    load_words!(block_a, 0),
                    load_words!(block_a, 1),
                    load_words!(block_a, 2),
                    load_words!(block_a, 3),
                );
                let (mut b0, mut b1, mut b2, mut b3) = (
                    load_words!(block_b, 0),
                    load_words!(block_b, 1),
                    load_words!(block_b, 2),
                    load_words!(block_b, 3),
                );
                rounds!(a0, b0, k!(0));
                rounds!(a1, b1, k!(1));
                rounds!(a2, b2, k!(2));
                rounds!(a3, b3, k!(3));
                // Rounds 16..64, four message words per group, the four
                // registers reused as a ring of the last sixteen words.
                for group in (4..16).step_by(4) {
                    a0 = schedule!(a0, a1, a2, a3);
                    b0 = schedule!(b0, b1, b2, b3);
                    rounds!(a0, b0, k!(group));
                    a1 = schedule!(a1, a2, a3, a0);
                    b1 = schedule!(b1, b2, b3, b0);
                    rounds!(a1, b1, k!(group + 1));
                    a2 = schedule!(a2, a3, a0, a1);
                    b2 = schedule!(b2, b3, b0, b1);
                    rounds!(a2, b2, k!(group + 2));
                    a3 = schedule!(a3, a0, a1, a2);
                    b3 = schedule!(b3, b0, b1, b2);
                    rounds!(a3, b3, k!(group + 3));
                }
                abef_a = _mm_add_epi32(abef_a, start_abef_a);
                cdgh_a = _mm_add_epi32(cdgh_a, start_cdgh_a);
                abef_b = _mm_add_epi32(abef_b, start_abef_b);
                cdgh_b = _mm_add_epi32(cdgh_b, start_cdgh_b);
            }
            store_state!(state_a, abef_a, cdgh_a);
            store_state!(state_b, abef_b, cdgh_b);
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use proptest::prelude::*;
    use sha2::{Digest, Sha256};

    #[test]
    fn one_shot_matches_the_streaming_hasher_at_every_length() {
        for len in 0..=400 {
            let msg: Vec<u8> = (0..len).map(|i| (i * 31 + 7) as u8).collect();
            let expected: [u8; 32] = Sha256::digest(&msg).into();
            assert_eq!(super::sha256(&msg), expected, "length {len}");
        }
    }

    use super::*;

    /// `msg` with its FIPS 180-4 padding appended.
    fn padded(msg: &[u8]) -> Vec<u8> {
        let mut out = msg.to_vec();
        out.push(0x80);
        while out.len() % BLOCK != BLOCK - 8 {
            out.push(0);
        }
        out.extend_from_slice(&(msg.len() as u64 * 8).to_be_bytes());
        out
    }

    fn reference(msg: &[u8]) -> [u8; 32] {
        Sha256::digest(msg).into()
    }

    /// Deterministic pseudo-random bytes (xorshift64*).
    pub(crate) fn pseudo_random(len: usize, seed: u64) -> Vec<u8> {
        let mut x = seed | 1;
        (0..len)
            .map(|_| {
                x ^= x >> 12;
                x ^= x << 25;
                x ^= x >> 27;
                (x.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 56) as u8
            })
            .collect()
    }

    /// Checks the pair function and the fallback against the streaming hasher.
    fn check_pair(a: &[u8], b: &[u8]) {
        let expected = (reference(a), reference(b));
        let (pa, pb) = (padded(a), padded(b));
        assert_eq!(sha256_padded_pair(&pa, &pb), expected, "lengths {} and {}", a.len(), b.len());
        let fallback = (finish_one(INIT, &pa), finish_one(INIT, &pb));
        assert_eq!(fallback, expected, "fallback, lengths {} and {}", a.len(), b.len());
    }

    #[test]
    fn known_answer_for_the_empty_message() {
        // FIPS 180-4 / NIST example value for the empty string.
        let expected = hex::decode("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").unwrap();
        assert_eq!(sha256_padded(&padded(b"")).as_slice(), expected.as_slice());
        let (a, b) = sha256_padded_pair(&padded(b""), &padded(b"abc"));
        assert_eq!(a.as_slice(), expected.as_slice());
        assert_eq!(b, reference(b"abc"));
    }

    #[test]
    fn single_matches_streaming_hasher_for_lengths_0_to_300() {
        for len in 0..=300 {
            let msg = pseudo_random(len, len as u64);
            assert_eq!(sha256_padded(&padded(&msg)), reference(&msg), "length {len}");
        }
    }

    #[test]
    fn pair_matches_streaming_hasher_for_lengths_0_to_300() {
        for len in 0..=300 {
            let a = pseudo_random(len, len as u64);
            let b = pseudo_random(300 - len, 7 * len as u64 + 3);
            check_pair(&a, &b);
            check_pair(&b, &a);
        }
    }

    #[test]
    fn pair_matches_for_every_pair_of_block_counts_up_to_4() {
        for blocks_a in 1..=4 {
            for blocks_b in 1..=4 {
                // The longest message that still pads to the wanted block count.
                let a = pseudo_random(blocks_a * BLOCK - 9, blocks_a as u64);
                let b = pseudo_random(blocks_b * BLOCK - 9, 100 + blocks_b as u64);
                assert_eq!(padded(&a).len(), blocks_a * BLOCK);
                assert_eq!(padded(&b).len(), blocks_b * BLOCK);
                check_pair(&a, &b);
            }
        }
    }

    #[test]
    fn pair_of_identical_inputs() {
        for len in [0, 1, 55, 56, 64, 119, 120, 200] {
            let msg = pseudo_random(len, 42);
            check_pair(&msg, &msg);
        }
    }

    /// A silent fallback on a CPU with the SHA extensions would pass every
    /// other test; this one fails instead.
    #[cfg(all(target_arch = "x86_64", not(miri)))]
    #[test]
    fn sha_extensions_path_is_taken_when_the_cpu_has_them() {
        if std::is_x86_feature_detected!("sha") {
            assert!(shani::available());
        }
    }

    /// The SHA-extension path called directly, including a long common run.
    #[cfg(all(target_arch = "x86_64", not(miri)))]
    #[test]
    fn sha_extensions_path_matches_streaming_hasher() {
        if !shani::available() {
            return;
        }
        for (len_a, len_b) in [(0, 0), (10, 1000), (1000, 10), (999, 1001), (4096, 4096)] {
            let a = pseudo_random(len_a, 1);
            let b = pseudo_random(len_b, 2);
            // SAFETY: `available` confirmed the CPU features.
            let got = unsafe { shani::finish_pair(INIT, &padded(&a), INIT, &padded(&b)) };
            assert_eq!(got, (reference(&a), reference(&b)), "lengths {len_a} and {len_b}");
        }
    }

    /// Release builds (no debug assertions) only: an unpadded length gives
    /// some hash of the whole blocks, without reading past the input.
    #[cfg(not(debug_assertions))]
    #[test]
    fn bad_length_is_not_out_of_bounds() {
        let msg = pseudo_random(100, 5);
        let _ = sha256_padded(&msg);
        let _ = sha256_padded_pair(&msg, &msg[..70]);
        let _ = sha256_padded_pair(&[], &msg);
    }

    /// Debug builds reject an unpadded length.
    #[cfg(debug_assertions)]
    #[test]
    #[should_panic(expected = "unpadded")]
    fn bad_length_fails_the_debug_assertion() {
        let _ = sha256_padded_pair(&[0; 64], &[0; 70]);
    }

    /// Under Miri: few cases (it is slow) and no failure file (its isolation forbids file access).
    fn proptest_config() -> ProptestConfig {
        if cfg!(miri) {
            ProptestConfig { cases: 4, failure_persistence: None, ..ProptestConfig::default() }
        } else {
            ProptestConfig::default()
        }
    }

    proptest! {
        #![proptest_config(proptest_config())]

        #[test]
        fn pair_matches_streaming_hasher_for_random_inputs(
            a in proptest::collection::vec(any::<u8>(), 0..400),
            b in proptest::collection::vec(any::<u8>(), 0..400),
        ) {
            let (pa, pb) = (padded(&a), padded(&b));
            prop_assert_eq!(sha256_padded_pair(&pa, &pb), (reference(&a), reference(&b)));
        }
    }
}
