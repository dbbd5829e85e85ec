//! Text forms of standard addresses, with the reference node's rules
//! (`block::StdAddress`):
//!
//! - friendly: 36 bytes `tag, workchain, account id (32), crc16` in 48
//!   base64 characters. The tag is `0x11` (bounceable) or `0x51` (not
//!   bounceable), plus `0x80` for testnet-only. Either base64 alphabet is
//!   read (even mixed, as the node does); printing picks one.
//! - raw: `workchain:hex`, the workchain in decimal and the account id as
//!   64 hex digits (printed in lower case, read in either case).

use std::fmt::Write as _;
use std::str::FromStr;

use super::{AddressTextError, StdAddr};

const TAG_BOUNCEABLE: u8 = 0x11;
const FLAG_NON_BOUNCEABLE: u8 = 0x40;
const FLAG_TESTNET: u8 = 0x80;
const FRIENDLY_LEN: usize = 48;

/// The flags a friendly address carries besides the address itself.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct FriendlyFlags {
    /// Senders should set `bounce` on messages to this address.
    pub bounceable: bool,
    /// The address is meant for the test network only.
    pub testnet: bool,
}

impl Default for FriendlyFlags {
    /// Bounceable, main network (what the node prints by default).
    fn default() -> Self {
        FriendlyFlags { bounceable: true, testnet: false }
    }
}

impl StdAddr {
    /// The raw form `workchain:hex` (lower-case hex).
    pub fn to_raw_string(&self) -> Result<String, AddressTextError> {
        if self.anycast.is_some() {
            return Err(AddressTextError::Anycast);
        }
        Ok(format!("{}:{}", self.workchain, hex::encode(self.address)))
    }

    /// Parses the raw form `workchain:hex`.
    pub fn parse_raw(text: &str) -> Result<StdAddr, AddressTextError> {
        let (wc, account) = text.split_once(':').ok_or(AddressTextError::UnknownForm)?;
        let workchain = parse_workchain(wc)?;
        if account.len() != 64 {
            return Err(AddressTextError::InvalidHex);
        }
        let mut address = [0u8; 32];
        hex::decode_to_slice(account, &mut address).map_err(|_| AddressTextError::InvalidHex)?;
        Ok(StdAddr::new(workchain, address))
    }

    /// The friendly form: base64url when `url_safe`, standard base64 otherwise.
    pub fn to_friendly(&self, flags: FriendlyFlags, url_safe: bool) -> Result<String, AddressTextError> {
        if self.anycast.is_some() {
            return Err(AddressTextError::Anycast);
        }
        let mut bytes = [0u8; 36];
        bytes[0] = TAG_BOUNCEABLE
            | if flags.bounceable { 0 } else { FLAG_NON_BOUNCEABLE }
            | if flags.testnet { FLAG_TESTNET } else { 0 };
        bytes[1] = self.workchain as u8;
        bytes[2..34].copy_from_slice(&self.address);
        let crc = crc16_xmodem(&bytes[..34]);
        bytes[34..].copy_from_slice(&crc.to_be_bytes());
        Ok(base64_encode_36(&bytes, url_safe))
    }

    /// Parses the friendly form (48 characters of either base64 alphabet).
    pub fn parse_friendly(text: &str) -> Result<(StdAddr, FriendlyFlags), AddressTextError> {
        if text.len() != FRIENDLY_LEN {
            return Err(AddressTextError::UnknownForm);
        }
        let bytes = base64_decode_48(text.as_bytes())?;
        let crc = crc16_xmodem(&bytes[..34]);
        if bytes[34..] != crc.to_be_bytes() {
            return Err(AddressTextError::BadChecksum);
        }
        let tag = bytes[0];
        if tag & !(FLAG_NON_BOUNCEABLE | FLAG_TESTNET) != TAG_BOUNCEABLE {
            return Err(AddressTextError::UnknownTag(tag));
        }
        let flags = FriendlyFlags { bounceable: tag & FLAG_NON_BOUNCEABLE == 0, testnet: tag & FLAG_TESTNET != 0 };
        let mut address = [0u8; 32];
        address.copy_from_slice(&bytes[2..34]);
        Ok((StdAddr::new(bytes[1] as i8, address), flags))
    }

    /// Parses either form, as the node's `StdAddress::parse_addr` does:
    /// friendly when the text is 48 characters without `:`, raw otherwise.
    /// The flags are returned for the friendly form only.
    pub fn parse_text(text: &str) -> Result<(StdAddr, Option<FriendlyFlags>), AddressTextError> {
        if text.len() == FRIENDLY_LEN && !text.contains(':') {
            let (addr, flags) = Self::parse_friendly(text)?;
            return Ok((addr, Some(flags)));
        }
        Ok((Self::parse_raw(text)?, None))
    }
}

impl FromStr for StdAddr {
    type Err = AddressTextError;

    /// Either text form; friendly flags are dropped.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(Self::parse_text(text)?.0)
    }
}

/// A decimal workchain in `-128..=127` (an optional `-`, then digits).
fn parse_workchain(text: &str) -> Result<i8, AddressTextError> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AddressTextError::InvalidWorkchain);
    }
    text.parse::<i8>().map_err(|_| AddressTextError::InvalidWorkchain)
}

/// CRC-16/XMODEM (polynomial 0x1021, initial value 0), the checksum of friendly addresses.
pub fn crc16_xmodem(data: &[u8]) -> u16 {
    let mut crc: u16 = 0;
    for &byte in data {
        crc ^= (byte as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
        }
    }
    crc
}

const ALPHABET_STD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const ALPHABET_URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// 36 bytes -> 48 base64 characters (no padding needed).
fn base64_encode_36(bytes: &[u8; 36], url_safe: bool) -> String {
    let alphabet = if url_safe { ALPHABET_URL } else { ALPHABET_STD };
    let mut out = String::with_capacity(FRIENDLY_LEN);
    for group in bytes.chunks_exact(3) {
        let n = (group[0] as u32) << 16 | (group[1] as u32) << 8 | group[2] as u32;
        for shift in [18, 12, 6, 0] {
            let _ = out.write_char(alphabet[(n >> shift & 63) as usize] as char);
        }
    }
    out
}

/// The 6-bit value of a character of either base64 alphabet.
fn base64_value(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    } as u32)
}

/// 48 base64 characters -> 36 bytes.
fn base64_decode_48(text: &[u8]) -> Result<[u8; 36], AddressTextError> {
    let mut out = [0u8; 36];
    for (group, chars) in out.chunks_exact_mut(3).zip(text.chunks_exact(4)) {
        let mut n = 0u32;
        for &c in chars {
            n = n << 6 | base64_value(c).ok_or(AddressTextError::InvalidBase64)?;
        }
        group.copy_from_slice(&n.to_be_bytes()[1..]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc16_xmodem_check_value() {
        // The catalogue check value of CRC-16/XMODEM over "123456789".
        assert_eq!(crc16_xmodem(b"123456789"), 0x31C3);
    }

    #[test]
    fn base64_round_trip_all_byte_values() {
        let mut bytes = [0u8; 36];
        for start in 0..=255u8 {
            for (i, b) in bytes.iter_mut().enumerate() {
                *b = start.wrapping_add(i as u8 * 7);
            }
            for url in [false, true] {
                let text = base64_encode_36(&bytes, url);
                assert_eq!(base64_decode_48(text.as_bytes()).unwrap(), bytes);
            }
        }
    }

    #[test]
    fn workchain_text() {
        assert_eq!(parse_workchain("-1"), Ok(-1));
        assert_eq!(parse_workchain("127"), Ok(127));
        assert_eq!(parse_workchain("-128"), Ok(-128));
        for bad in ["", "-", "+1", "128", "-129", " 1", "0x1", "1a"] {
            assert_eq!(parse_workchain(bad), Err(AddressTextError::InvalidWorkchain), "{bad:?}");
        }
    }
}
