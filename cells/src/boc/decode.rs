//! Decoding, as the reference's `BagOfCells::deserialize`: parse and check the
//! header, check the CRC, find every cell's bytes (from the index, or by a
//! first scan over the data) and count the refs to each cell, then build
//! the cells from the last to the first so every ref is already built when
//! its parent needs it.
//!
//! Every count is checked against the input length before anything is
//! allocated (each cell takes at least 2 bytes), the work is linear in the
//! input, and nothing recurses on the tree depth.
//!
//! The cells of one bag are placed together in shared chunks of memory
//! (see `slab`): a chunk of up to 64 KiB is freed when the last of its
//! cells is, so a cell kept after the rest of its bag is dropped keeps its
//! chunk allocated.

use super::header::{as_c_int, read_be, Header};
use super::BocError;
use crate::cell::{prefetch, HashInput, UnhashedCell};
use crate::sha256_pair::{sha256_padded, sha256_padded_pair};
use crate::slab::CellSlab;
use crate::{Cell, LevelMask, MAX_REFS};

/// Roots the reference's multi-root parser accepts by default.
pub const DEFAULT_MAX_ROOTS: usize = 16384;

/// Decodes a bag of cells with any number of roots (up to
/// [`DEFAULT_MAX_ROOTS`]) and of any level, like the reference's
/// `BagOfCells::deserialize`. Roots come back in the order of the root list.
pub fn decode(data: &[u8]) -> Result<Vec<Cell>, BocError> {
    decode_with_max_roots(data, DEFAULT_MAX_ROOTS)
}

/// Decodes a bag of cells with exactly one root of level 0, like the
/// reference's `std_boc_deserialize`.
pub fn decode_single(data: &[u8]) -> Result<Cell, BocError> {
    let mut roots = decode_with_max_roots(data, 1)?;
    // A successful decode has between 1 and `max_roots` roots.
    let root = roots.pop().ok_or(BocError::TooManyRoots { count: 0, max: 1 })?;
    if root.level() != 0 {
        return Err(BocError::NonZeroLevelRoot);
    }
    Ok(root)
}

/// Decodes a bag of cells with at most `max_roots` roots.
pub fn decode_with_max_roots(data: &[u8], max_roots: usize) -> Result<Vec<Cell>, BocError> {
    let header = Header::parse(data)?;
    if header.total_size > data.len() as u64 {
        return Err(BocError::NotEnoughBytes { present: data.len(), required: header.total_size });
    }
    if header.root_count > max_roots {
        return Err(BocError::TooManyRoots { count: header.root_count, max: max_roots });
    }
    if header.has_crc32c {
        // The checksum sits in the last 4 bytes of the input, wherever the BoC ends.
        let (body, tail) = data.split_at(data.len() - 4);
        let computed = crc32c::crc32c(body);
        let stored = u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]);
        if computed != stored {
            return Err(BocError::CrcMismatch { computed, stored });
        }
    }
    // From here on every offset is below `total_size <= data.len()`.
    let cell_count = header.cell_count;
    let ref_size = header.ref_size;
    let mut cache_counts = if header.has_cache_bits { vec![0u8; cell_count] } else { Vec::new() };

    let mut root_indexes = Vec::with_capacity(header.root_count);
    let roots_at = header.roots_offset as usize;
    for i in 0..header.root_count {
        let raw = if header.has_roots { read_be(&data[roots_at + i * ref_size..][..ref_size]) } else { 0 };
        let index = as_c_int(raw);
        if index < 0 || index >= cell_count as i64 {
            return Err(BocError::InvalidRootIndex(raw));
        }
        root_indexes.push(index as usize);
        count_reference(&mut cache_counts, index as usize);
    }

    let data_at = header.data_offset as usize;
    let cells_data = &data[data_at..data_at + header.data_size as usize];
    // First pass: where each cell is (without an index), and how often each
    // cell will be taken as a ref, so that its last user can take it instead
    // of cloning (saves two atomic operations per ref).
    // It also adds up the memory the cells will take.
    let mut slots = vec![Slot::default(); cell_count];
    let mut block_bytes = 0;
    let locator = if header.has_index {
        let locator = CellLocator::Index {
            index: &data[header.index_offset as usize..data_at],
            offset_size: header.offset_size,
            cache_bits: header.has_cache_bits,
        };
        count_indexed_uses(&locator, cells_data, ref_size, &mut slots, &mut block_bytes);
        locator
    } else {
        CellLocator::Ends(scan_cells(cells_data, ref_size, &mut slots, &mut block_bytes)?)
    };
    for &root in &root_indexes {
        slots[root].uses = slots[root].uses.saturating_add(1);
    }

    // Cells are built from the last one, so every ref is built before its
    // parent. Plain cells are hashed in pairs (two hashes at once run
    // faster than one after another): one waits, unhashed, for a partner
    // that does not refer to it.
    let mut slab = CellSlab::new(block_bytes);
    let mut inputs: [HashInput; 2] = [[0; std::mem::size_of::<HashInput>()]; 2];
    let mut waiting: Option<WaitingCell> = None;
    let prefetching = cell_count >= PREFETCH_FROM;
    for index in (0..cell_count).rev() {
        // Refs point anywhere in the bag: start loading what the cells a
        // few steps ahead will take, so building rarely waits for memory.
        if let (true, Some(ahead)) = (prefetching, index.checked_sub(SLOTS_AHEAD)) {
            prefetch_refs(&locator, cells_data, ref_size, ahead, &slots, |slot| prefetch(slot));
        }
        if let (true, Some(ahead)) = (prefetching, index.checked_sub(CELLS_AHEAD)) {
            prefetch_refs(&locator, cells_data, ref_size, ahead, &slots, |slot| {
                if let Some(cell) = &slot.cell {
                    cell.prefetch();
                }
            });
        }
        let (start, end) = locator.bounds(index, cells_data.len())?;
        let bytes = &cells_data[start..end];
        if let Some(w) = waiting.take_if(|w| refers_to(bytes, ref_size, w.index)) {
            let at = w.index;
            slots[at].cell = Some(w.finish_alone(&inputs, &mut slab));
        }
        // The input buffer the waiting cell does not use.
        let input = waiting.as_ref().map_or(0, |w| 1 - w.input);
        let mut cells = BuiltCells { slots: &mut slots, cache_counts: &mut cache_counts };
        match build_cell(index, bytes, ref_size, &mut cells, &mut slab, &mut inputs[input])? {
            Built::Cell(cell) => slots[index].cell = Some(cell),
            Built::Unhashed(cell) => match waiting.take() {
                None => waiting = Some(WaitingCell { index, cell, input }),
                Some(w) => {
                    let (first, second) =
                        sha256_padded_pair(&inputs[w.input][..w.len()], &inputs[input][..cell.padded_len]);
                    slots[w.index].cell = Some(Cell::from_unhashed(w.cell, first, &mut slab));
                    slots[index].cell = Some(Cell::from_unhashed(cell, second, &mut slab));
                }
            },
        }
    }
    if let Some(w) = waiting {
        let at = w.index;
        slots[at].cell = Some(w.finish_alone(&inputs, &mut slab));
    }

    if let CellLocator::Index { cache_bits: true, .. } = locator {
        for (index, &count) in cache_counts.iter().enumerate() {
            let stored = locator.cache_bit(index);
            if (count > 1) != stored {
                return Err(BocError::WrongCacheFlag { cell: index, stored });
            }
        }
    }
    let mut cells = BuiltCells { slots: &mut slots, cache_counts: &mut [] };
    root_indexes.into_iter().map(|i| cells.take(i)).collect()
}

/// A plain cell built but for its hash, waiting for a second one to hash with.
struct WaitingCell<'d> {
    index: usize,
    cell: UnhashedCell<'d>,
    /// Which of the two input buffers holds its hash input.
    input: usize,
}

impl WaitingCell<'_> {
    fn len(&self) -> usize {
        self.cell.padded_len
    }

    /// Hashes and finishes the cell without a partner.
    fn finish_alone(self, inputs: &[HashInput; 2], slab: &mut CellSlab) -> Cell {
        let hash = sha256_padded(&inputs[self.input][..self.len()]);
        Cell::from_unhashed(self.cell, hash, slab)
    }
}

/// Whether the cell in `bytes` refers to cell `target` (false if it does
/// not parse: building it reports that).
fn refers_to(bytes: &[u8], ref_size: usize, target: usize) -> bool {
    let Ok(layout) = CellLayout::parse(bytes, ref_size, 0) else { return false };
    (0..layout.ref_count).any(|k| layout.raw_ref(bytes, ref_size, k) == target as u64)
}

/// Bags with fewer cells stay in the cache and are built without prefetching.
const PREFETCH_FROM: usize = 8192;
/// How many cells ahead of the build the slots of their refs are prefetched.
const SLOTS_AHEAD: usize = 6;
/// How many cells ahead the built refs' headers are prefetched (their
/// slots were prefetched earlier, so the pointers are at hand).
const CELLS_AHEAD: usize = 2;

/// Calls `prefetch` on the slot of every ref of cell `index` that is in
/// range. A cell that does not parse is skipped: the build reports it.
fn prefetch_refs(
    locator: &CellLocator,
    cells_data: &[u8],
    ref_size: usize,
    index: usize,
    slots: &[Slot],
    prefetch: impl Fn(&Slot),
) {
    let Ok((start, end)) = locator.bounds(index, cells_data.len()) else { return };
    let bytes = &cells_data[start..end];
    let Ok(layout) = CellLayout::parse(bytes, ref_size, index) else { return };
    for raw in layout.raw_refs(bytes, ref_size) {
        if let Some(slot) = usize::try_from(raw).ok().and_then(|t| slots.get(t)) {
            prefetch(slot);
        }
    }
}

/// Counts the refs of cell `index` (those the build pass will follow).
fn count_refs(bytes: &[u8], layout: &CellLayout, index: usize, ref_size: usize, uses: &mut UseCounter) {
    for raw in layout.raw_refs(bytes, ref_size) {
        let target = as_c_int(raw);
        if target > index as i64 && target < uses.slots.len() as i64 {
            uses.add(target as usize);
        }
    }
}

/// Refs counted but not yet added to their slots (a power of two).
const USE_QUEUE: usize = 16;

/// Adds counted refs to the slots' `uses`. The slots of a big bag are
/// spread over megabytes, so there each count waits in a short queue while
/// its slot loads, instead of stalling the scan.
struct UseCounter<'s> {
    slots: &'s mut [Slot],
    delayed: bool,
    queue: [u32; USE_QUEUE],
    /// Counts queued so far (the queue holds the last `USE_QUEUE`).
    queued: usize,
}

impl<'s> UseCounter<'s> {
    fn new(slots: &'s mut [Slot]) -> Self {
        let delayed = slots.len() >= PREFETCH_FROM;
        UseCounter { slots, delayed, queue: [0; USE_QUEUE], queued: 0 }
    }

    #[inline]
    fn bump(&mut self, target: usize) {
        let uses = &mut self.slots[target].uses;
        *uses = uses.saturating_add(1);
    }

    /// Counts one ref to cell `target` (below the cell count).
    #[inline]
    fn add(&mut self, target: usize) {
        if !self.delayed {
            return self.bump(target);
        }
        prefetch(&self.slots[target]);
        let at = self.queued % USE_QUEUE;
        if self.queued >= USE_QUEUE {
            self.bump(self.queue[at] as usize);
        }
        // Cell counts fit 32 bits (at most 4-byte refs).
        self.queue[at] = target as u32;
        self.queued += 1;
    }

    /// Adds the counts still queued.
    fn finish(mut self) {
        for i in self.queued.saturating_sub(USE_QUEUE)..self.queued {
            self.bump(self.queue[i % USE_QUEUE] as usize);
        }
    }
}

/// First pass with an index: counts the refs of every cell. It makes the
/// same bounds and layout checks as the build pass, so a cell skipped here
/// makes the build pass fail: counts can be too high (a rejected cell),
/// never too low.
fn count_indexed_uses(
    locator: &CellLocator,
    cells_data: &[u8],
    ref_size: usize,
    slots: &mut [Slot],
    block_bytes: &mut usize,
) {
    let mut uses = UseCounter::new(slots);
    for index in 0..uses.slots.len() {
        let Ok((start, end)) = locator.bounds(index, cells_data.len()) else { continue };
        let bytes = &cells_data[start..end];
        if let Ok(layout) = CellLayout::parse(bytes, ref_size, index) {
            count_refs(bytes, &layout, index, ref_size, &mut uses);
            *block_bytes += layout.block_size();
        }
    }
    uses.finish();
}

/// One cell of the bag: the cell once built, and how many refs to it
/// (and roots) are still to take it.
#[derive(Clone, Default)]
struct Slot {
    cell: Option<Cell>,
    uses: u32,
}

/// The cells built so far with their remaining uses.
struct BuiltCells<'a> {
    slots: &'a mut [Slot],
    cache_counts: &'a mut [u8],
}

impl BuiltCells<'_> {
    /// Hands out cell `index`: moved out on its last use, cloned before.
    fn take(&mut self, index: usize) -> Result<Cell, BocError> {
        let slot = &mut self.slots[index];
        slot.uses = slot.uses.saturating_sub(1);
        let cell = if slot.uses == 0 { slot.cell.take() } else { slot.cell.clone() };
        // The first pass never counts low, so the cell is still there.
        cell.ok_or(BocError::InvalidCell { cell: index, source: crate::CellError::Underflow })
    }
}

/// Counts one more reference to a cell, saturating at 2 ("referenced more than once").
#[inline]
fn count_reference(counts: &mut [u8], index: usize) {
    if let Some(count) = counts.get_mut(index) {
        if *count < 2 {
            *count += 1;
        }
    }
}

/// Where each cell's bytes are within the cell data.
enum CellLocator<'a> {
    /// Read from the stored index: entry `i` is the end offset of cell `i`
    /// (times 2 plus the cache bit when cache bits are on).
    Index { index: &'a [u8], offset_size: usize, cache_bits: bool },
    /// End offsets found by scanning the cells.
    Ends(Vec<usize>),
}

impl CellLocator<'_> {
    fn raw_entry(&self, index: usize) -> u64 {
        match self {
            CellLocator::Index { index: bytes, offset_size, .. } => {
                read_be(&bytes[index * offset_size..(index + 1) * offset_size])
            }
            CellLocator::Ends(ends) => ends[index] as u64,
        }
    }

    fn end_offset(&self, index: usize) -> u64 {
        match self {
            CellLocator::Index { cache_bits: true, .. } => self.raw_entry(index) / 2,
            _ => self.raw_entry(index),
        }
    }

    fn cache_bit(&self, index: usize) -> bool {
        self.raw_entry(index) % 2 == 1
    }

    /// The byte range of cell `index`, checked like the reference's
    /// `get_cell_slice` (ordered, inside the cell data).
    fn bounds(&self, index: usize, data_len: usize) -> Result<(usize, usize), BocError> {
        let start = if index == 0 { 0 } else { self.end_offset(index - 1) };
        let end = self.end_offset(index);
        if start > end || end > data_len as u64 {
            return Err(BocError::InvalidIndexEntry { cell: index, start, end });
        }
        Ok((start as usize, end as usize))
    }
}

/// The layout of one serialized cell, from its two descriptor bytes.
struct CellLayout {
    ref_count: usize,
    exotic: bool,
    with_hashes: bool,
    level_mask: u8,
    /// Number of hashes (and depths) stored when `with_hashes` is set.
    hash_count: usize,
    data_offset: usize,
    data_len: usize,
    /// Whether the last data byte carries a completion tag.
    tagged: bool,
    refs_offset: usize,
    end_offset: usize,
}

impl CellLayout {
    /// Reads the descriptors at the start of `bytes` and checks that the
    /// whole cell fits (reference: `CellSerializationInfo::init`).
    #[inline]
    fn parse(bytes: &[u8], ref_size: usize, cell: usize) -> Result<CellLayout, BocError> {
        let [d1, d2, ..] = *bytes else {
            return Err(BocError::CellTruncated { cell });
        };
        let ref_count = usize::from(d1 & 7);
        let with_hashes = d1 & 16 != 0;
        if ref_count > MAX_REFS {
            return Err(if ref_count == 7 && with_hashes {
                BocError::AbsentCell { cell }
            } else {
                BocError::InvalidDescriptor { cell }
            });
        }
        let level_mask = d1 >> 5;
        let hash_count = LevelMask::new(level_mask).hash_count();
        let data_offset = if with_hashes { 2 + hash_count * 34 } else { 2 };
        let data_len = usize::from(d2 >> 1) + usize::from(d2 & 1);
        let refs_offset = data_offset + data_len;
        let end_offset = refs_offset + ref_count * ref_size;
        if bytes.len() < end_offset {
            return Err(BocError::CellTruncated { cell });
        }
        Ok(CellLayout {
            ref_count,
            exotic: d1 & 8 != 0,
            with_hashes,
            level_mask,
            hash_count,
            data_offset,
            data_len,
            tagged: d2 & 1 != 0,
            refs_offset,
            end_offset,
        })
    }

    /// Ref `k` as stored (`bytes` is the cell's, as parsed).
    #[inline]
    fn raw_ref(&self, bytes: &[u8], ref_size: usize, k: usize) -> u64 {
        let at = self.refs_offset + k * ref_size;
        read_be(&bytes[at..at + ref_size])
    }

    /// The refs as stored, in order.
    #[inline]
    fn raw_refs<'b>(&'b self, bytes: &'b [u8], ref_size: usize) -> impl Iterator<Item = u64> + 'b {
        (0..self.ref_count).map(move |k| self.raw_ref(bytes, ref_size, k))
    }

    /// Memory the built cell will take (if it is valid: the level mask is
    /// the declared one).
    fn block_size(&self) -> usize {
        crate::cell::block_size(self.ref_count, LevelMask::new(self.level_mask), self.data_len)
            .next_multiple_of(crate::slab::WORD)
    }
}

/// First pass without an index: walks the cells to find where each ends
/// (together they must fill the cell data exactly) and counts their refs.
fn scan_cells(
    cells_data: &[u8],
    ref_size: usize,
    slots: &mut [Slot],
    block_bytes: &mut usize,
) -> Result<Vec<usize>, BocError> {
    let cell_count = slots.len();
    let mut ends = Vec::with_capacity(cell_count);
    let mut pos = 0;
    let mut uses = UseCounter::new(slots);
    for cell in 0..cell_count {
        let bytes = &cells_data[pos..];
        let layout = CellLayout::parse(bytes, ref_size, cell)?;
        count_refs(bytes, &layout, cell, ref_size, &mut uses);
        *block_bytes += layout.block_size();
        pos += layout.end_offset;
        ends.push(pos);
    }
    uses.finish();
    if pos != cells_data.len() {
        return Err(BocError::DataSizeMismatch {
            last_cell: cell_count - 1,
            end: pos as u64,
            size: cells_data.len() as u64,
        });
    }
    Ok(ends)
}

/// What [`build_cell`] made: a finished cell, or a plain one whose hash
/// input is written and which waits to be hashed.
enum Built<'d> {
    Cell(Cell),
    Unhashed(UnhashedCell<'d>),
}

/// Builds cell `index` from its bytes; `cells` holds the cells after it.
/// A plain cell (ordinary, of level 0, without stored hashes) is left
/// unhashed, its hash input written to `input`.
fn build_cell<'d>(
    index: usize,
    bytes: &'d [u8],
    ref_size: usize,
    cells: &mut BuiltCells,
    slab: &mut CellSlab,
    input: &mut HashInput,
) -> Result<Built<'d>, BocError> {
    let layout = CellLayout::parse(bytes, ref_size, index)?;
    if layout.end_offset != bytes.len() {
        return Err(BocError::UnusedSpace { cell: index });
    }
    let cell_count = cells.slots.len();
    let mut refs: [Option<Cell>; MAX_REFS] = Default::default();
    for (k, slot) in refs.iter_mut().enumerate().take(layout.ref_count) {
        let raw = layout.raw_ref(bytes, ref_size, k);
        let target = as_c_int(raw);
        if target <= index as i64 {
            return Err(BocError::RefBackward { cell: index, ref_index: k, target });
        }
        if target >= cell_count as i64 {
            return Err(BocError::RefOutOfRange { cell: index, ref_index: k, target: raw, count: cell_count });
        }
        *slot = Some(cells.take(target as usize)?);
        count_reference(cells.cache_counts, target as usize);
    }

    let data = &bytes[layout.data_offset..layout.data_offset + layout.data_len];
    let bit_len = if layout.tagged {
        // The completion tag is the lowest set bit of the last byte, and
        // a byte holding only the tag (or nothing) is not canonical.
        let last = data[data.len() - 1];
        if last & 0x7f == 0 {
            return Err(BocError::OverlongEncoding { cell: index });
        }
        (data.len() - 1) * 8 + 7 - last.trailing_zeros() as usize
    } else {
        data.len() * 8
    };
    let invalid = |source| BocError::InvalidCell { cell: index, source };
    let plain = !layout.exotic && !layout.with_hashes && layout.level_mask == 0;
    if plain && refs.iter().flatten().all(|r| r.level_mask() == LevelMask::ZERO) {
        return Ok(Built::Unhashed(Cell::unhashed(data, bit_len, refs, input).map_err(invalid)?));
    }
    let cell = Cell::from_parts_in(data, bit_len, refs, layout.exotic, slab).map_err(invalid)?;

    if cell.level_mask().mask() != layout.level_mask {
        return Err(BocError::LevelMaskMismatch { cell: index });
    }
    if layout.with_hashes {
        check_stored_hashes(&cell, bytes, &layout, index)?;
    }
    Ok(Built::Cell(cell))
}

/// Compares the hashes and depths stored with a cell to the computed ones:
/// first the representation hash and depth, then each lower significant level.
fn check_stored_hashes(cell: &Cell, bytes: &[u8], layout: &CellLayout, index: usize) -> Result<(), BocError> {
    let depths_at = 2 + 32 * layout.hash_count;
    let stored_hash = |i: usize| &bytes[2 + 32 * i..2 + 32 * (i + 1)];
    let stored_depth = |i: usize| u16::from_be_bytes([bytes[depths_at + 2 * i], bytes[depths_at + 2 * i + 1]]);
    let top = layout.hash_count - 1;
    if stored_hash(top) != cell.hash() {
        return Err(BocError::HashMismatch { cell: index });
    }
    if stored_depth(top) != cell.depth() {
        return Err(BocError::DepthMismatch { cell: index });
    }
    let mask = cell.level_mask();
    let mut hash_i = 0;
    for level in 0..mask.level() {
        if !mask.is_significant(level) {
            continue;
        }
        if stored_hash(hash_i) != cell.hash_at(level) {
            return Err(BocError::LowerHashMismatch { cell: index });
        }
        if stored_depth(hash_i) != cell.depth_at(level) {
            return Err(BocError::LowerDepthMismatch { cell: index });
        }
        hash_i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boc::{encode, encode_many, EncodeMode};

    /// A pruned branch of level 1 standing for `cell`.
    fn pruned(cell: &Cell) -> Cell {
        let mut data = vec![1u8, 1];
        data.extend_from_slice(cell.hash());
        data.extend_from_slice(&cell.depth().to_be_bytes());
        Cell::new(&data, data.len() * 8, &[], true).unwrap()
    }

    /// Decoding gives back cells equal (hash, data, refs) to the built ones,
    /// whichever way each cell is hashed: paired with a neighbour, alone
    /// because the next cell refers to it, or on the general path (exotic
    /// cells, cells of level > 0, cells with stored hashes).
    #[test]
    fn decoded_cells_match_built_ones_on_every_hashing_path() {
        let leaf = |i: u8| Cell::new(&[i, i, i], 20, &[], false).unwrap();
        let mut chain = leaf(0);
        for i in 1..40u8 {
            chain = Cell::new(&[i], 8, &[chain], false).unwrap();
        }
        let wide = Cell::new(&[7], 3, &[leaf(1), leaf(2), leaf(3), leaf(4)], false).unwrap();
        let hidden = Cell::new(&[9; 100], 800, &[leaf(5)], false).unwrap();
        let with_level = Cell::new(&[], 0, &[pruned(&hidden), leaf(6)], false).unwrap();
        let mut proof_data = vec![3u8];
        proof_data.extend_from_slice(with_level.hash_at(0));
        proof_data.extend_from_slice(&with_level.depth_at(0).to_be_bytes());
        let proof = Cell::new(&proof_data, proof_data.len() * 8, &[with_level], true).unwrap();
        let root = Cell::new(&[0xAB; 128], 1023, &[chain, wide, proof, hidden], false).unwrap();

        let modes = [
            EncodeMode::PLAIN,
            EncodeMode { index: true, crc32c: true, ..EncodeMode::PLAIN },
            EncodeMode { int_hashes: true, ..EncodeMode::PLAIN },
            EncodeMode { index: true, cache_bits: true, int_hashes: true, crc32c: false },
        ];
        for mode in modes {
            let bytes = encode(&root, mode).unwrap();
            let decoded = decode_single(&bytes).unwrap();
            assert_same_tree(&decoded, &root);
            // Several roots, some repeated, share one bag.
            let roots = [root.refs()[1].clone(), root.clone(), root.refs()[1].clone()];
            let decoded = decode(&encode_many(&roots, mode).unwrap()).unwrap();
            assert_eq!(decoded.len(), 3);
            for (got, want) in decoded.iter().zip(&roots) {
                assert_same_tree(got, want);
            }
        }
    }

    /// Big bags take the prefetching paths (queued use counts, refs loaded
    /// ahead); shared cells must still be counted and handed out exactly.
    #[test]
    fn big_bags_with_shared_cells_decode_exactly() {
        let shared = Cell::new(&[0x55; 4], 32, &[], false).unwrap();
        let mut level: Vec<Cell> = (0..PREFETCH_FROM as u32 + 100)
            .map(|i| {
                let refs = if i % 3 == 0 { vec![shared.clone()] } else { vec![] };
                Cell::new(&i.to_be_bytes(), 32, &refs, false).unwrap()
            })
            .collect();
        while level.len() > 1 {
            level = level.chunks(4).map(|refs| Cell::new(&[refs.len() as u8], 8, refs, false).unwrap()).collect();
        }
        let root = level.pop().unwrap();
        for mode in [EncodeMode::PLAIN, EncodeMode { index: true, cache_bits: true, ..EncodeMode::PLAIN }] {
            let decoded = decode_single(&encode(&root, mode).unwrap()).unwrap();
            assert_same_tree(&decoded, &root);
        }
    }

    fn assert_same_tree(got: &Cell, want: &Cell) {
        let mut stack = vec![(got.clone(), want.clone())];
        while let Some((got, want)) = stack.pop() {
            assert_eq!(got.hash(), want.hash());
            assert_eq!(got.depth(), want.depth());
            assert_eq!(got.level_mask(), want.level_mask());
            for level in 0..=3 {
                assert_eq!(got.hash_at(level), want.hash_at(level));
            }
            assert_eq!(got.data(), want.data());
            assert_eq!(got.bit_len(), want.bit_len());
            assert_eq!(got.ref_count(), want.ref_count());
            stack.extend(got.refs().iter().cloned().zip(want.refs().iter().cloned()));
        }
    }

    /// A cell that fails after another waits to be hashed is reported, and
    /// everything built so far is freed (Miri checks the freeing).
    #[test]
    fn errors_after_a_waiting_cell_free_everything() {
        let leaves: Vec<Cell> = (0..4u8).map(|i| Cell::new(&[i], 8, &[], false).unwrap()).collect();
        let root = Cell::new(&[], 0, &leaves, false).unwrap();
        let mut bytes = encode(&root, EncodeMode::PLAIN).unwrap();
        // The cell data (last 18 bytes) starts with the root: descriptors,
        // then one byte per ref. Point its first ref at itself.
        let root_at = bytes.len() - (2 + 4) - 4 * 3;
        assert_eq!(bytes[root_at], 4, "the root's descriptor: four refs");
        bytes[root_at + 2] = 0;
        assert!(matches!(decode_single(&bytes), Err(BocError::RefBackward { cell: 0, ref_index: 0, target: 0 })));
    }
}
