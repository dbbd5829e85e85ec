// Deterministic randomness for the vector generators: a fixed seed gives the
// same sequence on every run, so a rerun reproduces the vector file.

/** The mulberry32 generator: a function giving the next number in [0, 1) of the sequence for seed. */
export function mulberry32(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = Math.imul(state ^ (state >>> 15), state | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
