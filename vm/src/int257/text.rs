//! Decimal and hexadecimal text for `Int257`, without allocation beyond the
//! output string.

use std::fmt;

use thiserror::Error;

use super::limbs::{self, Reciprocal};
use super::Int257;

/// Why a string is not an `Int257`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum ParseIntError {
    /// No digits (empty string, a lone `-`, or `0x` with nothing after it).
    #[error("no digits")]
    Empty,
    /// A character that is not a digit of the base.
    #[error("invalid digit {0:?}")]
    InvalidDigit(char),
    /// The value is outside `[-2^256, 2^256 - 1]`.
    #[error("integer out of the 257-bit range")]
    OutOfRange,
}

/// `10^19`, the largest power of ten in a `u64` (its top bit is set, so it
/// needs no normalising for the reciprocal division).
const DEC_CHUNK: u64 = 10_000_000_000_000_000_000;
const DEC_RECIPROCAL: Reciprocal = Reciprocal::new(DEC_CHUNK);

impl Int257 {
    /// Parses decimal (`-123`) or hexadecimal with a `0x` prefix (`0x7f`,
    /// `-0x7F`), the forms the reference's `string_to_int256` accepts. No
    /// `+`, spaces or separators; leading zeros are fine.
    pub fn parse(text: &str) -> Result<Int257, ParseIntError> {
        let (neg, rest) = match text.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, text),
        };
        let (radix, digits) = match rest.strip_prefix("0x") {
            Some(d) => (16u32, d),
            None => (10u32, rest),
        };
        if digits.is_empty() {
            return Err(ParseIntError::Empty);
        }
        if let Some(bad) = digits.chars().find(|c| !c.is_digit(radix)) {
            return Err(ParseIntError::InvalidDigit(bad));
        }
        // Accumulate the magnitude in six limbs; anything past 2^256 is out
        // of range, so stop as soon as the sixth limb is needed.
        let mut mag = [0u64; 6];
        for c in digits.bytes() {
            let d = (c as char).to_digit(radix).unwrap_or(0) as u64;
            let mut carry = d as u128;
            for limb in mag.iter_mut() {
                let t = *limb as u128 * radix as u128 + carry;
                *limb = t as u64;
                carry = t >> 64;
            }
            if carry != 0 || mag[5] != 0 || mag[4] > 1 {
                return Err(ParseIntError::OutOfRange);
            }
        }
        Int257::from_sign_magnitude(neg, &mag).ok_or(ParseIntError::OutOfRange)
    }

    /// Hexadecimal with a `0x` prefix and a leading `-` when negative
    /// (`-0x1f`), lowercase: the inverse of [`Int257::parse`].
    pub fn to_hex_string(&self) -> String {
        format!("{self:#x}")
    }

    /// Writes the decimal digits of the magnitude into the end of `buf`,
    /// returning where they start.
    fn decimal_digits(&self, buf: &mut [u8; 80]) -> usize {
        let (_, mut mag) = self.sign_and_magnitude();
        let mut pos = buf.len();
        loop {
            // Peel off 19 digits at a time.
            let mut rem: u64 = 0;
            let used = limbs::used_limbs(&mag);
            for limb in mag[..used].iter_mut().rev() {
                let (q, r) = DEC_RECIPROCAL.div2by1(rem, *limb);
                *limb = q;
                rem = r;
            }
            let last = limbs::used_limbs(&mag) == 0;
            let mut written = 0;
            while rem > 0 || (!last && written < 19) || (last && written == 0) {
                pos -= 1;
                buf[pos] = b'0' + (rem % 10) as u8;
                rem /= 10;
                written += 1;
            }
            if last {
                return pos;
            }
        }
    }

    fn hex_digits(&self, buf: &mut [u8; 80], upper: bool) -> usize {
        let (_, mag) = self.sign_and_magnitude();
        let alphabet: &[u8; 16] = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
        let nibbles = (limbs::bit_len(&mag).div_ceil(4)).max(1) as usize;
        let mut pos = buf.len();
        for i in 0..nibbles {
            let nibble = (mag[i / 16] >> ((i % 16) * 4)) & 0xF;
            pos -= 1;
            buf[pos] = alphabet[nibble as usize];
        }
        pos
    }
}

fn ascii(buf: &[u8]) -> &str {
    // Only ASCII digits are ever written into these buffers.
    std::str::from_utf8(buf).unwrap_or("")
}

impl fmt::Display for Int257 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; 80];
        let start = self.decimal_digits(&mut buf);
        f.pad_integral(!self.is_negative(), "", ascii(&buf[start..]))
    }
}

impl fmt::Debug for Int257 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Sign and magnitude in hex: `{:x}` gives `-1f`, `{:#x}` gives `-0x1f`.
impl fmt::LowerHex for Int257 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; 80];
        let start = self.hex_digits(&mut buf, false);
        f.pad_integral(!self.is_negative(), "0x", ascii(&buf[start..]))
    }
}

/// Sign and magnitude in upper-case hex: `{:X}` gives `-1F`, `{:#X}` gives `-0x1F`.
impl fmt::UpperHex for Int257 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buf = [0u8; 80];
        let start = self.hex_digits(&mut buf, true);
        f.pad_integral(!self.is_negative(), "0x", ascii(&buf[start..]))
    }
}

impl std::str::FromStr for Int257 {
    type Err = ParseIntError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Int257::parse(s)
    }
}
