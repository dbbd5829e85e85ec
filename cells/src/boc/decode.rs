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
use crate::cell::{prefetch, HashInput, PendingHash};
use crate::sha256_lanes::LaneHasher;
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
    // parent. Plain cells get their hashes as `PlainHashing` says.
    let mut slab = CellSlab::new(block_bytes);
    let mut hashing = if cell_count < WIDE_FROM {
        PlainHashing::Pairs(PairHasher::default())
    } else {
        PlainHashing::Deferred(PendingHashes::new())
    };
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
        let mut cells = BuiltCells { slots: &mut slots, cache_counts: &mut cache_counts };
        let cell = build_cell(index, bytes, ref_size, &mut cells, &mut slab, &mut hashing)?;
        slots[index].cell = Some(cell);
    }
    hashing.finish();

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

/// How the decoder hashes plain cells (ordinary, level 0, no stored
/// hashes): they are built without their hash (`Cell::plain_unhashed_in`),
/// which is set before any cell reads it.
// One value per decode, on the stack: boxing the pair buffers would cost
// small bags an allocation.
#[allow(clippy::large_enum_variant)]
enum PlainHashing {
    /// Small bags: as they are built, two at a time.
    Pairs(PairHasher),
    /// Bigger bags: later by depth, many at once. For small bags the
    /// scheduling costs more than it saves: there are few cells of each
    /// depth, and hashing as built overlaps the hashing with the building.
    Deferred(PendingHashes),
}

impl PlainHashing {
    /// Takes plain cell `cell`, just built.
    fn add(&mut self, cell: &Cell) {
        match self {
            PlainHashing::Pairs(pairs) => pairs.add(PendingHash::of(cell)),
            PlainHashing::Deferred(pending) => pending.push(cell),
        }
    }

    /// Sets every pending hash: the next (not plain) cell may need them.
    fn settle(&mut self) {
        match self {
            PlainHashing::Pairs(pairs) => pairs.hash_waiting(),
            PlainHashing::Deferred(pending) => pending.hash_all(),
        }
    }

    /// Sets every pending hash, after the last cell.
    fn finish(self) {
        match self {
            PlainHashing::Pairs(mut pairs) => pairs.hash_waiting(),
            PlainHashing::Deferred(mut pending) => {
                pending.hash_all();
                pending.keep();
            }
        }
    }
}

/// Bags with fewer cells hash them in pairs as they are built.
const WIDE_FROM: usize = 256;

/// Hashes plain cells two at a time as they are built: one waits, its hash
/// input written, for a partner that does not refer to it (two hashes at
/// once take about as long as one).
///
/// Sound for the same reasons as [`PendingHashes`]: every waiting cell is
/// alive until the decoder returns (owned by its slot or by a parent that
/// is), and a cell is hashed before a parent's hash input is written, and
/// before any cell that hashes its refs is built.
struct PairHasher {
    inputs: [HashInput; 2],
    /// The waiting cell, the length of its padded hash input and which
    /// input buffer holds it.
    waiting: Option<(PendingHash, usize, usize)>,
}

impl Default for PairHasher {
    fn default() -> Self {
        PairHasher { inputs: [[0; std::mem::size_of::<HashInput>()]; 2], waiting: None }
    }
}

impl PairHasher {
    /// Adds plain cell `cell`: hashed with the waiting cell, or left waiting.
    fn add(&mut self, cell: PendingHash) {
        // SAFETY (every `unsafe` here): see above; the waiting cell is
        // hashed first if it is a ref of `cell`.
        if self.waiting.is_some_and(|(waiting, _, _)| unsafe { cell.refers_to(waiting) }) {
            self.hash_waiting();
        }
        let at = self.waiting.map_or(0, |(_, _, waiting_at)| 1 - waiting_at);
        let len = unsafe { cell.write_hash_input(&mut self.inputs[at]) };
        match self.waiting.take() {
            None => self.waiting = Some((cell, len, at)),
            Some((partner, partner_len, partner_at)) => {
                let (partner_hash, hash) =
                    sha256_padded_pair(&self.inputs[partner_at][..partner_len], &self.inputs[at][..len]);
                unsafe {
                    partner.set_hash(partner_hash);
                    cell.set_hash(hash);
                }
            }
        }
    }

    /// Hashes the waiting cell, if any.
    fn hash_waiting(&mut self) {
        if let Some((cell, len, at)) = self.waiting.take() {
            // SAFETY: see above.
            unsafe { cell.set_hash(sha256_padded(&self.inputs[at][..len])) };
        }
    }
}

/// The plain cells built so far whose hashes are not computed yet. A
/// cell's hash input holds its refs' hashes, so a cell can be hashed only
/// after its refs; cells of equal depth never depend on each other. So the
/// cells are hashed by increasing depth, each depth's cells many at once
/// (see `sha256_lanes`), instead of one by one in bag order.
struct PendingHashes {
    scratch: Box<HashScratch>,
}

/// The buffers of [`PendingHashes`]. Kept per thread between decodes when
/// small: allocating and clearing them would cost a small bag about as
/// much as hashing it.
struct HashScratch {
    /// The pending cells and their depths, children before parents.
    cells: Vec<(PendingHash, u16)>,
    deepest: u16,
    /// The cells ordered by depth, and where each depth starts in it.
    by_depth: Vec<(PendingHash, u16)>,
    starts: Vec<u32>,
    /// Tags are the cells and their depths.
    hasher: LaneHasher<(PendingHash, u16)>,
}

/// Largest number of pending cells whose buffers are kept for the next
/// decode on the thread (a few tens of KiB).
const SCRATCH_CELLS_MAX: usize = 4096;

thread_local! {
    static SCRATCH: std::cell::Cell<Option<Box<HashScratch>>> = const { std::cell::Cell::new(None) };
}

impl PendingHashes {
    fn new() -> PendingHashes {
        let kept = SCRATCH.try_with(|kept| kept.take()).ok().flatten();
        let scratch = kept.unwrap_or_else(|| {
            Box::new(HashScratch {
                cells: Vec::new(),
                deepest: 0,
                by_depth: Vec::new(),
                starts: Vec::new(),
                hasher: LaneHasher::new(),
            })
        });
        PendingHashes { scratch }
    }

    /// Remembers a plain cell just built by `Cell::plain_unhashed_in`.
    /// Hashes the pending cells once there are [`HASH_WINDOW`] of them:
    /// they are still in the cache then.
    fn push(&mut self, cell: &Cell) {
        let scratch = &mut *self.scratch;
        scratch.deepest = scratch.deepest.max(cell.depth());
        scratch.cells.push((PendingHash::of(cell), cell.depth()));
        if scratch.cells.len() >= HASH_WINDOW {
            self.hash_all();
        }
    }

    /// Sets the hash of every pending cell.
    ///
    /// Sound because every pending cell is alive until the decoder returns
    /// (owned by its slot or by a parent that is) and no hash is read before
    /// this runs: the decoder calls it before building any cell that hashes
    /// its refs (see `build_cell`) and before handing out the roots.
    fn hash_all(&mut self) {
        let HashScratch { cells, deepest, by_depth, starts, hasher } = &mut *self.scratch;
        let Some(&first) = cells.first() else { return };
        // Few cells have few of each depth: then the vector unit would idle,
        // and the cells are hashed in the order built, two at a time.
        let wide = cells.len() >= WIDE_FROM;
        hasher.use_vector(wide);
        let order = if wide {
            sort_by_depth(cells, *deepest, by_depth, starts, first);
            &by_depth[..]
        } else {
            &cells[..]
        };

        // SAFETY (for `set_hash`): see above; each digest is reported once,
        // for the cell whose input it hashed.
        let mut done = |(cell, _): (PendingHash, u16), hash| unsafe { cell.set_hash(hash) };
        // No cell in the hasher is shallower than this.
        let mut settled = 0;
        for (i, &(cell, depth)) in order.iter().enumerate() {
            if let (true, Some(&(ahead, _))) = (wide, order.get(i + REFS_AHEAD)) {
                // SAFETY: the cell is alive (see above).
                unsafe { ahead.prefetch_refs() };
            }
            if settled < depth {
                settled = hasher.busy_tags().map(|(_, (_, d))| d).min().unwrap_or(depth).min(depth);
            }
            if settled < depth {
                // A shallower cell is still being hashed: if it is a ref of
                // this one, its hash must be ready first.
                // SAFETY: both cells are alive (see above).
                let waiting_on = |hasher: &LaneHasher<_>| {
                    let lane = hasher.busy_tags().find(|&(_, (busy, _))| unsafe { cell.refers_to(busy) });
                    lane.map(|(lane, _)| lane)
                };
                while let Some(lane) = waiting_on(hasher) {
                    hasher.finish_lane(lane, &mut done);
                }
            }
            // SAFETY: the cell is alive (see above), and its refs are not in
            // the hasher any more, so their hashes are set.
            hasher.push((cell, depth), |input| unsafe { cell.write_hash_input(input) }, &mut done);
            settled = settled.min(depth);
        }
        hasher.flush(&mut done);
        cells.clear();
        *deepest = 0;
    }
}

/// How many cells ahead of the hashing their refs' headers are prefetched
/// (refs built in an earlier window may have left the cache).
const REFS_AHEAD: usize = 8;
/// Most cells built before the pending ones are hashed (their blocks,
/// about 100-300 bytes each, stay in a 1 MiB cache).
const HASH_WINDOW: usize = 4096;

/// Writes `cells` into `by_depth` ordered by depth (a counting sort; `first`
/// only fills the vector before it is overwritten).
fn sort_by_depth(
    cells: &[(PendingHash, u16)],
    deepest: u16,
    by_depth: &mut Vec<(PendingHash, u16)>,
    starts: &mut Vec<u32>,
    first: (PendingHash, u16),
) {
    // `starts[d]` is where depth `d` begins.
    starts.clear();
    starts.resize(usize::from(deepest) + 2, 0);
    for &(_, depth) in cells {
        starts[usize::from(depth) + 1] += 1;
    }
    for d in 1..starts.len() {
        starts[d] += starts[d - 1];
    }
    by_depth.clear();
    by_depth.resize(cells.len(), first);
    for &(cell, depth) in cells {
        let at = &mut starts[usize::from(depth)];
        by_depth[*at as usize] = (cell, depth);
        *at += 1;
    }
}

impl PendingHashes {
    /// Keeps the buffers for the next decode on this thread, if small.
    /// (After an error they are simply dropped.)
    fn keep(self) {
        let scratch = self.scratch;
        if scratch.cells.capacity().max(scratch.by_depth.capacity()) <= SCRATCH_CELLS_MAX {
            // Nothing to keep once the thread is being torn down.
            let _ = SCRATCH.try_with(|kept| kept.set(Some(scratch)));
        }
    }
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

/// Builds cell `index` from its bytes; `cells` holds the cells after it.
/// A plain cell (ordinary, level 0, no stored hashes) is left to `hashing`
/// to hash; any other needs its refs' hashes, so `hashing` settles them first.
fn build_cell(
    index: usize,
    bytes: &[u8],
    ref_size: usize,
    cells: &mut BuiltCells,
    slab: &mut CellSlab,
    hashing: &mut PlainHashing,
) -> Result<Cell, BocError> {
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
        let cell = Cell::plain_unhashed_in(data, bit_len, refs, slab).map_err(invalid)?;
        hashing.add(&cell);
        return Ok(cell);
    }
    hashing.settle();
    let cell = Cell::from_parts_in(data, bit_len, refs, layout.exotic, slab).map_err(invalid)?;

    if cell.level_mask().mask() != layout.level_mask {
        return Err(BocError::LevelMaskMismatch { cell: index });
    }
    if layout.with_hashes {
        check_stored_hashes(&cell, bytes, &layout, index)?;
    }
    Ok(cell)
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
        // A short chain makes a small bag (hashed in pairs), a long one a
        // bigger bag (hashed later by depth, settled before the exotic cells).
        for chain_len in [40u32, WIDE_FROM as u32 + 60] {
            check_every_hashing_path(chain_len);
        }
    }

    fn check_every_hashing_path(chain_len: u32) {
        let leaf = |i: u8| Cell::new(&[i, i, i], 20, &[], false).unwrap();
        let mut chain = leaf(0);
        for i in 1..chain_len {
            let refs = if i % 7 == 0 { vec![chain, leaf(i as u8)] } else { vec![chain] };
            chain = Cell::new(&i.to_be_bytes(), 32, &refs, false).unwrap();
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

    /// In a bag hashed by depth, a cell that fails while many wait to be
    /// hashed is reported, and everything built so far is freed (Miri
    /// checks the freeing, and that no pending cell is touched after).
    #[test]
    fn errors_with_pending_hashes_free_everything() {
        let leaves: Vec<Cell> =
            (0..WIDE_FROM as u32 + 10).map(|i| Cell::new(&i.to_be_bytes(), 32, &[], false).unwrap()).collect();
        let mut level = leaves;
        while level.len() > 4 {
            level = level.chunks(4).map(|refs| Cell::new(&[1], 8, refs, false).unwrap()).collect();
        }
        let root = Cell::new(&[], 0, &level, false).unwrap();
        let mut bytes = encode(&root, EncodeMode::PLAIN).unwrap();
        // The root is the first cell: two descriptor bytes (no data), then its refs.
        let header = Header::parse(&bytes).unwrap();
        assert!(header.cell_count > WIDE_FROM && header.ref_size == 2);
        let root_at = header.data_offset as usize;
        let refs = usize::from(bytes[root_at]);
        assert_eq!(bytes[root_at..root_at + 2], [refs as u8, 0], "the root's descriptors");
        // Point the root's last ref at itself.
        let last_ref_at = root_at + 2 + (refs - 1) * header.ref_size;
        bytes[last_ref_at..last_ref_at + 2].copy_from_slice(&[0, 0]);
        assert!(
            matches!(decode_single(&bytes), Err(BocError::RefBackward { cell: 0, ref_index, target: 0 }) if ref_index == refs - 1)
        );
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
