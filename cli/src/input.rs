//! Reading a bag of cells from a file or stdin: binary, hex or base64, auto-detected.

use std::io::Read;

use base64::Engine;
use gram_cells::Cell;

use crate::CliError;

/// Reads the bytes of `path` (`-` = stdin).
pub fn read_bytes(path: &str) -> Result<Vec<u8>, CliError> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| CliError::Io(format!("stdin: {e}")))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| CliError::Io(format!("{path}: {e}")))
    }
}

/// Turns file contents into BoC bytes: binary as is, otherwise hex or base64 text.
pub fn boc_bytes(raw: &[u8]) -> Result<Vec<u8>, CliError> {
    const MAGICS: [[u8; 4]; 3] = [[0xb5, 0xee, 0x9c, 0x72], [0x68, 0xff, 0x65, 0xf3], [0xac, 0xc3, 0xa7, 0x28]];
    if raw.len() >= 4 && MAGICS.iter().any(|m| raw[..4] == m[..]) {
        return Ok(raw.to_vec());
    }
    let text: String = String::from_utf8_lossy(raw).split_whitespace().collect();
    if let Ok(bytes) = hex::decode(&text) {
        return Ok(bytes);
    }
    base64::engine::general_purpose::STANDARD
        .decode(&text)
        .or_else(|_| base64::engine::general_purpose::URL_SAFE.decode(&text))
        .map_err(|_| CliError::Input("input is neither a binary bag of cells, nor hex, nor base64".into()))
}

/// Reads one root cell from `path`.
pub fn read_cell(path: &str) -> Result<Cell, CliError> {
    let bytes = boc_bytes(&read_bytes(path)?)?;
    gram_cells::boc::decode_single(&bytes).map_err(|e| CliError::Input(e.to_string()))
}
