//! The serialized header of a bag of cells, parsed with the reference's
//! checks (`BagOfCells::Info::parse_serialized_header`).
//!
//! ```text
//! serialized_boc#b5ee9c72 has_idx:(## 1) has_crc32c:(## 1) has_cache_bits:(## 1)
//!   flags:(## 2) size:(## 3) off_bytes:(## 8) cells:(##(size * 8)) roots:(##(size * 8))
//!   absent:(##(size * 8)) tot_cells_size:(##(off_bytes * 8)) root_list:(roots * ##(size * 8))
//!   index:(cells * ##(off_bytes * 8)) cell_data:(tot_cells_size * [ uint8 ]) crc32c:has_crc32c?uint32
//! ```

use super::BocError;

/// Magic of the generic format (the only one the serializer writes).
pub(crate) const MAGIC_GENERIC: u32 = 0xb5ee_9c72;
/// Legacy magic: index implied, one root, no root list.
pub(crate) const MAGIC_INDEXED: u32 = 0x68ff_65f3;
/// Legacy magic: as [`MAGIC_INDEXED`] plus a CRC32C.
pub(crate) const MAGIC_INDEXED_CRC32C: u32 = 0xacc3_a728;

/// The header fields and the offsets derived from them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Header {
    pub has_index: bool,
    pub has_crc32c: bool,
    pub has_cache_bits: bool,
    /// Whether a root list follows the header (generic magic only).
    pub has_roots: bool,
    /// Bytes per cell reference (1..=4).
    pub ref_size: usize,
    /// Bytes per offset (1..=8).
    pub offset_size: usize,
    pub cell_count: usize,
    pub root_count: usize,
    pub absent_count: usize,
    /// Bytes of cell data (`tot_cells_size`).
    pub data_size: u64,
    pub roots_offset: u64,
    pub index_offset: u64,
    pub data_offset: u64,
    /// Size of the whole BoC including the CRC.
    pub total_size: u64,
}

/// Reads a big-endian unsigned integer of `bytes.len()` bytes (at most 8).
#[inline]
pub(crate) fn read_be(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b))
}

/// The reference reads counts and indexes into a C `int`: values of 2^31 and
/// more turn negative there. This gives the value the reference sees.
#[inline]
pub(crate) fn as_c_int(value: u64) -> i64 {
    i64::from(value as u32 as i32)
}

impl Header {
    /// Parses and checks the header at the start of `data`. A header cut short
    /// gives [`BocError::NotEnoughBytes`] with the size the reference asks for.
    pub(crate) fn parse(data: &[u8]) -> Result<Header, BocError> {
        let short = |required: u64| BocError::NotEnoughBytes { present: data.len(), required };
        if data.len() < 4 {
            return Err(short(10));
        }
        let magic = read_be(&data[..4]) as u32;
        if magic != MAGIC_GENERIC && magic != MAGIC_INDEXED && magic != MAGIC_INDEXED_CRC32C {
            return Err(BocError::InvalidHeader);
        }
        if data.len() < 5 {
            return Err(short(10));
        }
        let flags = data[4];
        let generic = magic == MAGIC_GENERIC;
        let (has_index, has_crc32c, has_cache_bits) = if generic {
            (flags & 0x80 != 0, flags & 0x40 != 0, flags & 0x20 != 0)
        } else {
            (true, magic == MAGIC_INDEXED_CRC32C, false)
        };
        // Bits 0x18 are reserved flags; the reference ignores them.
        if has_cache_bits && !has_index {
            return Err(BocError::InvalidHeader);
        }
        let ref_size = usize::from(flags & 7);
        if !(1..=4).contains(&ref_size) {
            return Err(BocError::InvalidHeader);
        }
        if data.len() < 6 {
            return Err(short(7 + 3 * ref_size as u64));
        }
        let offset_size = usize::from(data[5]);
        if !(1..=8).contains(&offset_size) {
            return Err(BocError::InvalidHeader);
        }
        let roots_offset = (6 + 3 * ref_size + offset_size) as u64;
        let field = |i: usize| read_be(&data[6 + i * ref_size..6 + (i + 1) * ref_size]);
        let rest = data.len() - 6;

        if rest < ref_size {
            return Err(short(roots_offset));
        }
        let cell_count = as_c_int(field(0));
        if cell_count <= 0 {
            return Err(BocError::InvalidHeader);
        }
        if rest < 2 * ref_size {
            return Err(short(roots_offset));
        }
        let root_count = as_c_int(field(1));
        if root_count <= 0 {
            return Err(BocError::InvalidHeader);
        }
        let index_offset = if generic {
            roots_offset + root_count as u64 * ref_size as u64
        } else {
            if root_count != 1 {
                return Err(BocError::InvalidHeader);
            }
            roots_offset
        };
        let data_offset = if has_index { index_offset + cell_count as u64 * offset_size as u64 } else { index_offset };
        if rest < 3 * ref_size {
            return Err(short(roots_offset));
        }
        let absent_count = as_c_int(field(2));
        if absent_count < 0 || absent_count > cell_count {
            return Err(BocError::InvalidHeader);
        }
        if rest < 3 * ref_size + offset_size {
            return Err(short(roots_offset));
        }
        let at = 6 + 3 * ref_size;
        let data_size = read_be(&data[at..at + offset_size]);
        let cells = cell_count as u64;
        // At most 1024 bytes per cell, at most 1 TiB, at least the smallest cells.
        if data_size > cells << 10 || data_size > 1 << 40 || data_size < cells * (2 + ref_size as u64) - ref_size as u64
        {
            return Err(BocError::InvalidHeader);
        }
        let total_size = data_offset + data_size + if has_crc32c { 4 } else { 0 };
        Ok(Header {
            has_index,
            has_crc32c,
            has_cache_bits,
            has_roots: generic,
            ref_size,
            offset_size,
            cell_count: cell_count as usize,
            root_count: root_count as usize,
            absent_count: absent_count as usize,
            data_size,
            roots_offset,
            index_offset,
            data_offset,
            total_size,
        })
    }
}
