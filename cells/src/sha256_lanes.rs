//! SHA-256 of many independent padded messages at once.
//!
//! A decoder knows whole groups of cells whose hashes do not depend on one
//! another (all cells of one depth). On a CPU with AVX-512 one vector
//! instruction runs a round step of sixteen messages, one per 32-bit lane:
//! about 11 ns per block with all lanes busy, against about 20 ns per block
//! for two messages side by side on the SHA extensions (their round
//! instruction is the limit there). [`LaneHasher`] holds up to sixteen
//! messages in lanes. While enough lanes are busy it advances them all by
//! one block with a vector step; with few busy lanes, a vector step would
//! be mostly empty, so it advances two lanes at a time on the SHA
//! extensions (see `sha256_pair`), taking the lanes a caller waits for
//! first. A caller that needs one message's digest before it can write the
//! next (a cell needs its refs' hashes) asks for that lane with
//! [`LaneHasher::finish_lane`].
//!
//! Without AVX-512 (and under Miri) the hasher holds two messages and only
//! pairs them.
//!
//! Messages are padded by the caller (see `sha256_pair`), at most
//! [`LANE_BYTES`] long.

use crate::sha256_pair::{advance_one, advance_pair, digest_of, BLOCK, INIT};

/// Messages hashed side by side.
pub(crate) const LANES: usize = 16;
/// Room for one message in a lane: the longest padded cell hash input.
pub(crate) const LANE_BYTES: usize = 320;
/// When a group ends with this many lanes or fewer still running, they are
/// finished on the SHA extensions (two at a time) instead of by vector
/// steps that would be mostly empty.
const VECTOR_MIN_LANES: u32 = 10;

/// One lane's message buffer.
pub(crate) type LaneInput = [u8; LANE_BYTES];

/// Hashes padded messages, up to [`LANES`] at once; see the module docs.
/// `T` identifies a message to the caller when its digest is reported.
pub(crate) struct LaneHasher<T: Copy> {
    /// The running states, transposed: word `i` of lane `j` is `state[i][j]`.
    state: State,
    inputs: [LaneInput; LANES],
    /// Offset of each lane's next block in its input.
    next: [u16; LANES],
    /// Padded length of each lane's message.
    end: [u16; LANES],
    tags: [Option<T>; LANES],
    /// Lanes with a message still running (bit `j` for lane `j`).
    busy: u16,
    /// Lanes in use at once: [`LANES`] with AVX-512, 2 without.
    capacity: u32,
}

/// Sixteen SHA-256 states, word-major, aligned for whole-vector loads.
#[repr(C, align(64))]
#[derive(Clone, Copy)]
struct State([[u32; LANES]; 8]);

impl<T: Copy> LaneHasher<T> {
    pub(crate) fn new() -> Self {
        let capacity = if vector::available() { LANES as u32 } else { 2 };
        LaneHasher {
            state: State([[0; LANES]; 8]),
            inputs: [[0; LANE_BYTES]; LANES],
            next: [0; LANES],
            end: [0; LANES],
            tags: [None; LANES],
            busy: 0,
            capacity,
        }
    }

    /// Hashes one more message: `fill` writes it, padded, into a lane's
    /// buffer and returns its length (a non-zero multiple of 64, at most
    /// [`LANE_BYTES`]). Digests of earlier messages may be reported to
    /// `done` to make room.
    #[inline]
    pub(crate) fn push(
        &mut self,
        tag: T,
        fill: impl FnOnce(&mut LaneInput) -> usize,
        done: &mut impl FnMut(T, [u8; 32]),
    ) {
        if self.busy.count_ones() >= self.capacity {
            self.make_room(done);
        }
        let lane = (!self.busy).trailing_zeros() as usize;
        let len = fill(&mut self.inputs[lane]);
        debug_assert!(len != 0 && len.is_multiple_of(BLOCK) && len <= LANE_BYTES, "bad padded length {len}");
        self.next[lane] = 0;
        self.end[lane] = len.min(LANE_BYTES) as u16;
        self.tags[lane] = Some(tag);
        for (word, init) in self.state.0.iter_mut().zip(INIT) {
            word[lane] = init;
        }
        self.busy |= 1 << lane;
    }

    /// Whether to use the vector unit (when the CPU has it): worth it only
    /// for callers that keep many lanes busy. Without it two lanes are used.
    /// Only changed between messages (the hasher must be empty).
    pub(crate) fn use_vector(&mut self, wanted: bool) {
        debug_assert_eq!(self.busy, 0);
        self.capacity = if wanted && vector::available() { LANES as u32 } else { 2 };
    }

    /// The busy lanes and their messages' tags.
    pub(crate) fn busy_tags(&self) -> impl Iterator<Item = (usize, T)> + '_ {
        let mut busy = self.busy;
        std::iter::from_fn(move || {
            let lane = busy.trailing_zeros() as usize;
            busy &= busy.wrapping_sub(1);
            Some((lane, self.tags.get(lane).copied()??))
        })
    }

    /// Runs lane `lane`'s message to its end (and others with it), reporting
    /// the digests of the messages that end.
    pub(crate) fn finish_lane(&mut self, lane: usize, done: &mut impl FnMut(T, [u8; 32])) {
        while self.busy & (1 << lane) != 0 {
            self.step(Some(lane), done);
        }
    }

    /// Finishes every message pushed so far, reporting each digest to `done`.
    pub(crate) fn flush(&mut self, done: &mut impl FnMut(T, [u8; 32])) {
        while self.busy != 0 {
            self.step(None, done);
        }
    }

    /// Frees at least one lane.
    fn make_room(&mut self, done: &mut impl FnMut(T, [u8; 32])) {
        let before = self.busy;
        while self.busy == before {
            self.step(None, done);
        }
    }

    /// Advances some busy lanes (`first` among them, if given): all of them
    /// by one block with a vector step when enough are busy, else two of
    /// them on the SHA extensions until the shorter ends.
    fn step(&mut self, first: Option<usize>, done: &mut impl FnMut(T, [u8; 32])) {
        if self.capacity == LANES as u32 && self.busy.count_ones() >= VECTOR_MIN_LANES {
            return self.vector_step(done);
        }
        // The lane asked for, or the one with the most blocks left, with
        // the other that has the most left (pairing long with long leaves
        // fewer blocks to run alone).
        let Some(a) = first.filter(|&lane| self.busy & (1 << lane) != 0).or_else(|| self.longest(self.busy)) else {
            return;
        };
        let Some(b) = self.longest(self.busy & !(1 << a)) else {
            let mut state = self.lane_state(a);
            advance_one(&mut state, self.rest(a));
            return self.report(a, digest_of(state), done);
        };
        let len = self.rest(a).len().min(self.rest(b).len());
        let (mut state_a, mut state_b) = (self.lane_state(a), self.lane_state(b));
        advance_pair(&mut state_a, &self.rest(a)[..len], &mut state_b, &self.rest(b)[..len]);
        for (lane, state) in [(a, state_a), (b, state_b)] {
            self.next[lane] += len as u16;
            if self.next[lane] >= self.end[lane] {
                self.report(lane, digest_of(state), done);
            } else {
                for (word, value) in self.state.0.iter_mut().zip(state) {
                    word[lane] = value;
                }
            }
        }
    }

    /// Of the lanes in `lanes`, the one with the most blocks left.
    fn longest(&self, mut lanes: u16) -> Option<usize> {
        let mut best: Option<(usize, u16)> = None;
        while lanes != 0 {
            let lane = lanes.trailing_zeros() as usize;
            lanes &= lanes - 1;
            let left = self.end[lane] - self.next[lane];
            if best.is_none_or(|(_, most)| left > most) {
                best = Some((lane, left));
            }
        }
        best.map(|(lane, _)| lane)
    }

    /// Runs one block of every busy lane with the vector unit and reports
    /// the messages that end.
    fn vector_step(&mut self, done: &mut impl FnMut(T, [u8; 32])) {
        static IDLE_BLOCK: [u8; BLOCK] = [0; BLOCK];
        let blocks: [&[u8; BLOCK]; LANES] = std::array::from_fn(|lane| {
            let at = usize::from(self.next[lane]);
            match self.inputs[lane].get(at..at + BLOCK) {
                Some(block) if self.busy & (1 << lane) != 0 => block.try_into().expect("a whole block"),
                _ => &IDLE_BLOCK,
            }
        });
        vector::compress(&mut self.state, &blocks);
        let mut running = self.busy;
        while running != 0 {
            let lane = running.trailing_zeros() as usize;
            running &= running - 1;
            self.next[lane] += BLOCK as u16;
            if self.next[lane] >= self.end[lane] {
                self.report(lane, digest_of(self.lane_state(lane)), done);
            }
        }
    }

    /// Ends lane `lane`'s message with `digest`.
    fn report(&mut self, lane: usize, digest: [u8; 32], done: &mut impl FnMut(T, [u8; 32])) {
        self.busy &= !(1 << lane);
        if let Some(tag) = self.tags[lane].take() {
            done(tag, digest);
        }
    }

    /// A lane's running state.
    fn lane_state(&self, lane: usize) -> [u32; 8] {
        std::array::from_fn(|i| self.state.0[i][lane])
    }

    /// The blocks a lane has still to run.
    fn rest(&self, lane: usize) -> &[u8] {
        &self.inputs[lane][usize::from(self.next[lane])..usize::from(self.end[lane])]
    }
}

/// The sixteen-lane compression function on AVX-512.
#[cfg(all(target_arch = "x86_64", not(miri)))]
mod vector {
    use super::{State, BLOCK, LANES};
    use crate::sha256_pair::{FeatureCache, K};
    use std::arch::x86_64::{
        __m512i, _mm512_add_epi32, _mm512_load_si512, _mm512_loadu_si512, _mm512_permutex2var_epi32, _mm512_ror_epi32,
        _mm512_set1_epi32, _mm512_set_epi32, _mm512_shuffle_epi8, _mm512_srli_epi32, _mm512_store_si512,
        _mm512_ternarylogic_epi32,
    };

    /// The cached answer of [`available`].
    static DETECTED: FeatureCache = FeatureCache::new();

    /// Whether the CPU has the AVX-512 subsets [`compress`] uses.
    pub(super) fn available() -> bool {
        DETECTED.get(|| std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("avx512bw"))
    }

    /// Runs the compression function of every lane over its block.
    /// Only called when [`available`] (the hasher's capacity says so).
    pub(super) fn compress(state: &mut State, blocks: &[&[u8; BLOCK]; LANES]) {
        assert!(available(), "AVX-512 compression without AVX-512");
        // SAFETY: the CPU supports the features `compress16` is compiled with.
        unsafe { compress16(state, blocks) }
    }

    /// `vpternlogd` truth tables (bit `4a + 2b + c` is the result for bits a, b, c).
    const XOR3: i32 = 0x96;
    /// `a ? b : c`, SHA-256's Ch.
    const CHOOSE: i32 = 0xCA;
    /// Majority of three, SHA-256's Maj.
    const MAJORITY: i32 = 0xE8;

    /// # Safety
    /// The CPU must support `avx512f` and `avx512bw`.
    #[target_feature(enable = "avx512f,avx512bw")]
    unsafe fn compress16(state: &mut State, blocks: &[&[u8; BLOCK]; LANES]) {
        // Each block is one vector (row = lane); the rounds want one vector
        // per message word (column = word): transpose the 16x16 words.
        let mut w: [__m512i; 16] = std::array::from_fn(|lane| {
            // SAFETY: a 64-byte load from a 64-byte array.
            unsafe { _mm512_loadu_si512(blocks[lane].as_ptr().cast()) }
        });
        transpose(&mut w);
        // Message words are big-endian.
        let byte_swap = _mm512_set_epi32(
            0x0c0d0e0f, 0x08090a0b, 0x04050607, 0x00010203, 0x0c0d0e0f, 0x08090a0b, 0x04050607, 0x00010203, 0x0c0d0e0f,
            0x08090a0b, 0x04050607, 0x00010203, 0x0c0d0e0f, 0x08090a0b, 0x04050607, 0x00010203,
        );
        for word in &mut w {
            *word = _mm512_shuffle_epi8(*word, byte_swap);
        }

        let rows: *mut [u32; LANES] = state.0.as_mut_ptr();
        // Row `i` of the state. SAFETY: `State` is 64-byte aligned, each of
        // its eight rows is 64 bytes, and `i < 8`.
        macro_rules! load {
            ($i:expr) => {
                unsafe { _mm512_load_si512(rows.add($i).cast()) }
            };
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut h] =
            [load!(0), load!(1), load!(2), load!(3), load!(4), load!(5), load!(6), load!(7)];

        // One round with message word `w[$i]` and constant K[$t].
        macro_rules! round {
            ($a:ident, $b:ident, $c:ident, $d:ident, $e:ident, $f:ident, $g:ident, $h:ident, $i:expr, $t:expr) => {{
                let big_sigma1 = _mm512_ternarylogic_epi32::<XOR3>(
                    _mm512_ror_epi32::<6>($e),
                    _mm512_ror_epi32::<11>($e),
                    _mm512_ror_epi32::<25>($e),
                );
                let choose = _mm512_ternarylogic_epi32::<CHOOSE>($e, $f, $g);
                let big_sigma0 = _mm512_ternarylogic_epi32::<XOR3>(
                    _mm512_ror_epi32::<2>($a),
                    _mm512_ror_epi32::<13>($a),
                    _mm512_ror_epi32::<22>($a),
                );
                let majority = _mm512_ternarylogic_epi32::<MAJORITY>($a, $b, $c);
                // The sums are grouped so the slowest term (a sigma, two
                // dependent instructions after e or a) comes last: from one
                // round's e and a to the next round's is then three
                // dependent instructions. `opaque` keeps LLVM from regrouping
                // them into one long chain of additions.
                let hwk = opaque(_mm512_add_epi32($h, _mm512_add_epi32(w[$i], _mm512_set1_epi32(K[$t] as i32))));
                let t1 = _mm512_add_epi32(opaque(_mm512_add_epi32(hwk, choose)), big_sigma1);
                $d = _mm512_add_epi32(opaque(_mm512_add_epi32(opaque(_mm512_add_epi32($d, hwk)), choose)), big_sigma1);
                $h = _mm512_add_epi32(opaque(_mm512_add_epi32(t1, majority)), big_sigma0);
            }};
        }
        // W[t] for t >= 16 into w[t % 16]: sigma1(W[t-2]) + W[t-7] + sigma0(W[t-15]) + W[t-16].
        macro_rules! schedule {
            ($i:expr) => {{
                let w15 = w[($i + 1) % 16];
                let w2 = w[($i + 14) % 16];
                let sigma0 = _mm512_ternarylogic_epi32::<XOR3>(
                    _mm512_ror_epi32::<7>(w15),
                    _mm512_ror_epi32::<18>(w15),
                    _mm512_srli_epi32::<3>(w15),
                );
                let sigma1 = _mm512_ternarylogic_epi32::<XOR3>(
                    _mm512_ror_epi32::<17>(w2),
                    _mm512_ror_epi32::<19>(w2),
                    _mm512_srli_epi32::<10>(w2),
                );
                w[$i] = _mm512_add_epi32(_mm512_add_epi32(w[$i], sigma0), _mm512_add_epi32(w[($i + 9) % 16], sigma1));
            }};
        }
        // Sixteen rounds from round `$base`; the working variables' names
        // rotate instead of their values moving.
        macro_rules! sixteen_rounds {
            ($base:expr, $scheduled:expr) => {{
                macro_rules! step {
                    ($a2:ident, $b2:ident, $c2:ident, $d2:ident, $e2:ident, $f2:ident, $g2:ident, $h2:ident, $i:expr) => {{
                        if $scheduled {
                            schedule!($i);
                        }
                        round!($a2, $b2, $c2, $d2, $e2, $f2, $g2, $h2, $i, $base + $i);
                    }};
                }
                step!(a, b, c, d, e, f, g, h, 0);
                step!(h, a, b, c, d, e, f, g, 1);
                step!(g, h, a, b, c, d, e, f, 2);
                step!(f, g, h, a, b, c, d, e, 3);
                step!(e, f, g, h, a, b, c, d, 4);
                step!(d, e, f, g, h, a, b, c, 5);
                step!(c, d, e, f, g, h, a, b, 6);
                step!(b, c, d, e, f, g, h, a, 7);
                step!(a, b, c, d, e, f, g, h, 8);
                step!(h, a, b, c, d, e, f, g, 9);
                step!(g, h, a, b, c, d, e, f, 10);
                step!(f, g, h, a, b, c, d, e, 11);
                step!(e, f, g, h, a, b, c, d, 12);
                step!(d, e, f, g, h, a, b, c, 13);
                step!(c, d, e, f, g, h, a, b, 14);
                step!(b, c, d, e, f, g, h, a, 15);
            }};
        }
        sixteen_rounds!(0, false);
        // A loop, not unrolled: the code of all 64 rounds would not stay in
        // the decoded-instruction cache.
        for base in [16, 32, 48] {
            sixteen_rounds!(base, true);
        }

        // The block's result is added to the state it started from (reread:
        // keeping it in registers would spill the working variables).
        for (i, word) in [a, b, c, d, e, f, g, h].into_iter().enumerate() {
            let sum = _mm512_add_epi32(word, load!(i));
            // SAFETY: as for `load!`.
            unsafe { _mm512_store_si512(rows.add(i).cast(), sum) };
        }
    }

    /// `x`, unchanged, in a way the optimiser cannot see through: keeps it
    /// from regrouping a sum into a longer chain of dependent additions.
    #[inline]
    #[target_feature(enable = "avx512f")]
    fn opaque(mut x: __m512i) -> __m512i {
        // SAFETY: an empty assembly block that only names the register.
        unsafe { std::arch::asm!("/* {0} */", inout(zmm_reg) x, options(pure, nomem, nostack, preserves_flags)) };
        x
    }

    /// Transposes sixteen vectors of sixteen 32-bit words: afterwards
    /// `rows[i]` holds word `i` of every former row. Four passes, each
    /// swapping one bit of the row index with the same bit of the word
    /// index between pairs of rows.
    #[inline(always)]
    fn transpose(rows: &mut [__m512i; 16]) {
        for bit in [1usize, 2, 4, 8] {
            // Word p of the new low row: the low row's word p when p has the
            // bit clear, else the high row's word p - bit; of the new high
            // row: the low row's word p + bit when clear, else the high row's p.
            // (Indexes 16.. select the second operand.)
            let low = index_vector(|p| if p & bit == 0 { p } else { 16 + (p - bit) });
            let high = index_vector(|p| if p & bit == 0 { p + bit } else { 16 + p });
            for row in (0..16).filter(|row| row & bit == 0) {
                let (lo, hi) = (rows[row], rows[row + bit]);
                // SAFETY: the caller (`compress16`) runs with avx512f.
                unsafe {
                    rows[row] = _mm512_permutex2var_epi32(lo, low, hi);
                    rows[row + bit] = _mm512_permutex2var_epi32(lo, high, hi);
                }
            }
        }
    }

    /// A vector of sixteen lane indexes.
    #[inline(always)]
    fn index_vector(index: impl Fn(usize) -> usize) -> __m512i {
        let lanes: [i32; 16] = std::array::from_fn(|p| index(p) as i32);
        // SAFETY: a 64-byte load from a 64-byte array; the caller runs with avx512f.
        unsafe { _mm512_loadu_si512(lanes.as_ptr().cast()) }
    }
}

/// Without AVX-512 intrinsics (other targets, Miri) there is no vector
/// path: the hasher's capacity stays at two and [`compress`] is never called.
#[cfg(not(all(target_arch = "x86_64", not(miri))))]
mod vector {
    use super::{State, BLOCK, LANES};

    pub(super) fn available() -> bool {
        false
    }

    pub(super) fn compress(_state: &mut State, _blocks: &[&[u8; BLOCK]; LANES]) {
        unreachable!("the vector path is never taken without AVX-512")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::Digest;

    /// Distinct bytes per seed (seeds 0 and 1 would coincide in the
    /// shared generator, which forces the low bit).
    fn pseudo_random(len: usize, seed: u64) -> Vec<u8> {
        crate::sha256_pair::tests::pseudo_random(len, seed.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    }

    /// Hashes `messages` through a hasher of the given capacity (flushing
    /// after `group` messages) and checks every digest against `sha2`.
    fn check(messages: &[Vec<u8>], group: usize, capacity: u32) {
        let mut hasher = LaneHasher::<usize>::new();
        hasher.capacity = hasher.capacity.min(capacity);
        let mut digests = vec![None; messages.len()];
        let mut done = |i: usize, digest: [u8; 32]| {
            assert!(digests[i].replace(digest).is_none(), "message {i} reported twice");
        };
        for (i, msg) in messages.iter().enumerate() {
            hasher.push(
                i,
                |buf| {
                    buf[..msg.len()].copy_from_slice(msg);
                    crate::sha256_pair::pad_in_place(buf, msg.len())
                },
                &mut done,
            );
            if (i + 1) % group == 0 {
                hasher.flush(&mut done);
            }
        }
        hasher.flush(&mut done);
        for (i, msg) in messages.iter().enumerate() {
            let expected: [u8; 32] = sha2::Sha256::digest(msg).into();
            assert_eq!(digests[i], Some(expected), "message {i} of {} bytes", msg.len());
        }
    }

    /// Every length a cell hash input can have, in a mixed order.
    fn messages(count: usize, seed: u64) -> Vec<Vec<u8>> {
        (0..count).map(|i| pseudo_random((i * 37 + seed as usize) % 311, seed + i as u64)).collect()
    }

    #[test]
    fn digests_match_sha2_for_mixed_lengths() {
        for group in [1, 2, 3, 5, 16, 17, 40, 1000] {
            check(&messages(300, group as u64), group, LANES as u32);
        }
    }

    #[test]
    fn two_lane_fallback_matches_sha2() {
        for group in [1, 2, 7, 1000] {
            check(&messages(100, 7), group, 2);
        }
    }

    #[test]
    fn every_padded_length_from_one_to_five_blocks() {
        let all: Vec<Vec<u8>> = (0..=311).map(|len| pseudo_random(len, len as u64)).collect();
        check(&all, 1000, LANES as u32);
        check(&all, 1000, 2);
    }

    /// A silent fallback on a CPU with AVX-512 would pass the tests above.
    #[cfg(all(target_arch = "x86_64", not(miri)))]
    #[test]
    fn vector_path_is_taken_when_the_cpu_has_avx512() {
        if std::is_x86_feature_detected!("avx512f") && std::is_x86_feature_detected!("avx512bw") {
            assert_eq!(LaneHasher::<u8>::new().capacity, LANES as u32);
        }
    }

    /// `finish_lane` reports the lane's message (and possibly others) and
    /// leaves the rest running, with vector steps or pairs.
    #[test]
    fn finish_lane_reports_that_message_first() {
        let msgs = messages(14, 11);
        for vector in [true, false] {
            let mut hasher = LaneHasher::<usize>::new();
            hasher.use_vector(vector);
            let digests = std::cell::RefCell::new(vec![None; msgs.len()]);
            let mut done = |i: usize, digest: [u8; 32]| digests.borrow_mut()[i] = Some(digest);
            for (i, msg) in msgs.iter().enumerate() {
                let fill = |buf: &mut LaneInput| {
                    buf[..msg.len()].copy_from_slice(msg);
                    crate::sha256_pair::pad_in_place(buf, msg.len())
                };
                hasher.push(i, fill, &mut done);
            }
            let (lane, wanted) = hasher.busy_tags().last().expect("a busy lane");
            hasher.finish_lane(lane, &mut done);
            assert!(hasher.busy_tags().all(|(_, i)| i != wanted));
            let expected: [u8; 32] = sha2::Sha256::digest(&msgs[wanted]).into();
            assert_eq!(digests.borrow()[wanted], Some(expected));
            hasher.flush(&mut done);
            for (i, msg) in msgs.iter().enumerate() {
                assert_eq!(digests.borrow()[i], Some(sha2::Sha256::digest(msg).into()), "message {i}");
            }
        }
    }

    #[test]
    fn transposed_state_survives_idle_lanes() {
        // One long message among short ones: its lane keeps running while
        // the others finish and take new messages.
        let mut msgs = vec![pseudo_random(300, 1)];
        msgs.extend(messages(50, 3));
        check(&msgs, 1000, LANES as u32);
    }
}
