//! Bit-level reads and writes on big-endian byte buffers (bit 0 is the most
//! significant bit of byte 0), the layout TON cells use.

/// Reads `len <= 64` bits starting at bit `offset` as an unsigned integer.
/// The caller guarantees `offset + len <= data.len() * 8`.
#[inline]
pub fn read_u64(data: &[u8], offset: usize, len: u32) -> u64 {
    debug_assert!(len <= 64);
    if len == 0 {
        return 0;
    }
    let first = offset / 8;
    let shift = (offset % 8) as u32;
    // Fast paths: one 8-byte big-endian load when the bits fit in it, else
    // one 16-byte load (the bits span at most 9 bytes).
    if shift + len <= 64 {
        if let Some(window) = data.get(first..first + 8) {
            let word = u64::from_be_bytes(window.try_into().expect("8 bytes"));
            return (word << shift) >> (64 - len);
        }
    }
    if let Some(window) = data.get(first..first + 16) {
        let acc = u128::from_be_bytes(window.try_into().expect("16 bytes"));
        return ((acc << shift) >> (128 - len)) as u64;
    }
    let total = shift + len; // at most 71 bits, so at most 9 bytes
    let byte_count = total.div_ceil(8) as usize;
    let mut acc: u128 = 0;
    for &b in &data[first..first + byte_count] {
        acc = (acc << 8) | b as u128;
    }
    let unused_tail = byte_count as u32 * 8 - total;
    let value = acc >> unused_tail;
    (value & (u128::MAX >> (128 - len))) as u64
}

/// Writes the low `len <= 64` bits of `value` at bit `offset`, leaving the
/// other bits of the touched bytes as they were.
#[inline]
pub fn write_u64(data: &mut [u8], offset: usize, len: u32, value: u64) {
    debug_assert!(len <= 64);
    if len == 0 {
        return;
    }
    let first = offset / 8;
    let shift = (offset % 8) as u32;
    let total = shift + len;
    let byte_count = total.div_ceil(8) as usize;
    let unused_tail = byte_count as u32 * 8 - total;
    let value_mask = u128::MAX >> (128 - len);
    // Fast path: read-modify-write one 16-byte big-endian window.
    if let Some(window) = data.get_mut(first..first + 16) {
        let unused = 128 - total;
        let acc = u128::from_be_bytes((&*window).try_into().expect("16 bytes"));
        let acc = (acc & !(value_mask << unused)) | (((value as u128) & value_mask) << unused);
        window.copy_from_slice(&acc.to_be_bytes());
        return;
    }
    let window_mask = value_mask << unused_tail;
    let window_value = ((value as u128) & value_mask) << unused_tail;
    let window = &mut data[first..first + byte_count];
    let mut acc: u128 = 0;
    for &b in window.iter() {
        acc = (acc << 8) | b as u128;
    }
    acc = (acc & !window_mask) | window_value;
    for (i, b) in window.iter_mut().enumerate().rev() {
        *b = (acc >> (8 * (byte_count - 1 - i))) as u8;
    }
}

/// Copies `len` bits from `src` at bit `src_offset` to `dst` at bit `dst_offset`.
pub fn copy_bits(dst: &mut [u8], dst_offset: usize, src: &[u8], src_offset: usize, len: usize) {
    if len == 0 {
        return;
    }
    if dst_offset.is_multiple_of(8) && src_offset.is_multiple_of(8) {
        let whole = len / 8;
        let d = dst_offset / 8;
        let s = src_offset / 8;
        dst[d..d + whole].copy_from_slice(&src[s..s + whole]);
        let rest = (len % 8) as u32;
        if rest != 0 {
            let v = read_u64(src, src_offset + whole * 8, rest);
            write_u64(dst, dst_offset + whole * 8, rest, v);
        }
        return;
    }
    let mut done = 0;
    while done < len {
        let chunk = (len - done).min(56) as u32;
        let v = read_u64(src, src_offset + done, chunk);
        write_u64(dst, dst_offset + done, chunk, v);
        done += chunk as usize;
    }
}

/// Number of leading bits equal to `bit` in `len` bits at `offset`.
#[inline]
pub fn count_leading(data: &[u8], offset: usize, len: usize, bit: bool) -> usize {
    let mut count = 0;
    while count < len {
        let chunk = (len - count).min(64) as u32;
        let mut v = read_u64(data, offset + count, chunk);
        if bit {
            v = !v & (u64::MAX >> (64 - chunk));
        }
        // `v` now has a 1 where the bit differs from `bit`.
        let same = if v == 0 { chunk } else { v.leading_zeros() - (64 - chunk) };
        count += same as usize;
        if same < chunk {
            break;
        }
    }
    count
}

/// Number of trailing bits equal to `bit` in `len` bits at `offset`.
pub fn count_trailing(data: &[u8], offset: usize, len: usize, bit: bool) -> usize {
    let mut count = 0;
    while count < len {
        let chunk = (len - count).min(64) as u32;
        let start = offset + len - count - chunk as usize;
        let mut v = read_u64(data, start, chunk);
        if bit {
            v = !v & (u64::MAX >> (64 - chunk));
        }
        let same = if v == 0 { chunk } else { v.trailing_zeros() };
        count += same as usize;
        if same < chunk {
            break;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_write_round_trip_at_every_offset() {
        for offset in 0..16 {
            for len in 0..=64u32 {
                let mut buf = [0xA5u8; 24];
                let value = 0x1234_5678_9ABC_DEF0u64 & (u64::MAX >> (64 - len.max(1)));
                let value = if len == 0 { 0 } else { value };
                write_u64(&mut buf, offset, len, value);
                assert_eq!(read_u64(&buf, offset, len), value, "offset {offset} len {len}");
                // Bits outside the window are untouched.
                if offset > 0 {
                    assert_eq!(read_u64(&buf, 0, offset as u32), read_u64(&[0xA5; 4], 0, offset as u32));
                }
            }
        }
    }

    /// Bit `i` of `data`, the slow obvious way.
    fn bit(data: &[u8], i: usize) -> u64 {
        u64::from(data[i / 8] >> (7 - i % 8) & 1)
    }

    /// Every offset and length in a 20-byte buffer: the 16-byte fast paths
    /// (far from the end) and the byte loops (near it) agree with a
    /// bit-by-bit model, and writes leave every other bit alone.
    #[test]
    fn fast_and_tail_paths_match_a_bit_model() {
        let pattern: Vec<u8> = (0..20u32).map(|i| (i.wrapping_mul(0x9E) ^ 0x5A) as u8).collect();
        for offset in 0..160 {
            for len in 0..=64u32.min(160 - offset as u32) {
                let expected = (0..len as usize).fold(0u64, |acc, i| (acc << 1) | bit(&pattern, offset + i));
                assert_eq!(read_u64(&pattern, offset, len), expected, "read at {offset} len {len}");

                let value = 0xF0E1_D2C3_B4A5_9687u64 & (u64::MAX >> (64 - len.max(1)));
                let value = if len == 0 { 0 } else { value };
                let mut written = pattern.clone();
                write_u64(&mut written, offset, len, value);
                for i in 0..160 {
                    let want = if (offset..offset + len as usize).contains(&i) {
                        value >> (len as usize - 1 - (i - offset)) & 1
                    } else {
                        bit(&pattern, i)
                    };
                    assert_eq!(bit(&written, i), want, "write at {offset} len {len}: bit {i}");
                }
            }
        }
    }

    #[test]
    fn copy_unaligned() {
        let src = [0b1011_0011u8, 0b0101_1100, 0xFF];
        let mut dst = [0u8; 4];
        copy_bits(&mut dst, 3, &src, 1, 17);
        assert_eq!(read_u64(&dst, 3, 17), read_u64(&src, 1, 17));
    }

    #[test]
    fn leading_and_trailing() {
        let data = [0b0001_1111u8, 0xFF, 0b1110_0000];
        assert_eq!(count_leading(&data, 0, 24, false), 3);
        assert_eq!(count_leading(&data, 3, 21, true), 16);
        assert_eq!(count_trailing(&data, 0, 24, false), 5);
        assert_eq!(count_trailing(&data, 0, 19, true), 16);
    }
}
