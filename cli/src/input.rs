//! Reading a bag of cells from a file or stdin, as binary, hex or base64.

use std::io::Read;

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::{alphabet, Engine};

use crate::error::CliError;

/// How the input was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Raw BoC bytes.
    Binary,
    /// Hex text.
    Hex,
    /// Base64 text (standard or URL-safe alphabet, padding optional).
    Base64,
}

/// First bytes of every magic the decoder accepts.
const MAGICS: [[u8; 4]; 3] = [[0xb5, 0xee, 0x9c, 0x72], [0x68, 0xff, 0x65, 0xf3], [0xac, 0xc3, 0xa7, 0x28]];

/// Reads all of `path` (`-` is stdin).
pub fn read_all(path: &str) -> Result<Vec<u8>, CliError> {
    let mut raw = Vec::new();
    let result = if path == "-" {
        std::io::stdin().lock().read_to_end(&mut raw).map(|_| ())
    } else {
        std::fs::read(path).map(|bytes| raw = bytes)
    };
    result.map_err(|source| CliError::Read { path: path.to_string(), source })?;
    Ok(raw)
}

/// Reads `path` and turns it into BoC bytes, detecting the format.
pub fn read_boc(path: &str) -> Result<(Vec<u8>, InputFormat), CliError> {
    detect(read_all(path)?)
}

/// Detects the format: a BoC magic means binary; otherwise text that is all
/// hex digits is hex, and text in the base64 alphabet is base64. Whitespace
/// in text is ignored. Other bytes are handed to the decoder as binary.
pub fn detect(raw: Vec<u8>) -> Result<(Vec<u8>, InputFormat), CliError> {
    if MAGICS.iter().any(|m| raw.starts_with(m)) {
        return Ok((raw, InputFormat::Binary));
    }
    let text: Vec<u8> = raw.iter().copied().filter(|b| !b.is_ascii_whitespace()).collect();
    if text.is_empty() {
        return Err(CliError::EmptyInput);
    }
    let printable = text.iter().all(|b| b.is_ascii_graphic());
    if !printable {
        return Ok((raw, InputFormat::Binary));
    }
    if text.len().is_multiple_of(2) && text.iter().all(u8::is_ascii_hexdigit) {
        if let Ok(bytes) = hex::decode(&text) {
            return Ok((bytes, InputFormat::Hex));
        }
    }
    let lenient = GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
    for alphabet in [&alphabet::STANDARD, &alphabet::URL_SAFE] {
        if let Ok(bytes) = GeneralPurpose::new(alphabet, lenient).decode(&text) {
            return Ok((bytes, InputFormat::Base64));
        }
    }
    Err(CliError::UnknownText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_format() {
        let bin = vec![0xb5, 0xee, 0x9c, 0x72, 1, 2];
        assert_eq!(detect(bin.clone()).unwrap(), (bin.clone(), InputFormat::Binary));
        assert_eq!(detect(b"b5ee9c72 0102\n".to_vec()).unwrap(), (bin.clone(), InputFormat::Hex));
        assert_eq!(
            detect(b"te6cctEC\n".to_vec()).unwrap(),
            (vec![0xb5, 0xee, 0x9c, 0x72, 0xd1, 0x02], InputFormat::Base64)
        );
        assert_eq!(detect(b"te6cc-_C".to_vec()).unwrap().1, InputFormat::Base64);
        assert!(matches!(detect(b" \n".to_vec()), Err(CliError::EmptyInput)));
        assert!(matches!(detect(b"not a boc!".to_vec()), Err(CliError::UnknownText)));
        assert_eq!(detect(vec![0, 1, 2]).unwrap().1, InputFormat::Binary);
    }
}
