//! Shared memory chunks for cells decoded together.
//!
//! Decoding a bag of cells makes thousands of small blocks that usually
//! die together. One allocation per cell made the general-purpose
//! allocator the largest cost of decoding and freeing big trees, so the
//! decoder places its cells one after another in chunks of up to
//! [`CHUNK_MAX`] bytes instead. A chunk counts its live cells and is freed
//! with the last one; a cell kept from a decoded bag therefore keeps at
//! most one chunk alive.
//!
//! A chunk starts with a [`ChunkHeader`]; a cell placed in it records its
//! distance to that header (in 8-byte words) so freeing can find it.

use std::alloc::{self, Layout};
use std::ptr::NonNull;
use std::sync::atomic::{self, AtomicUsize, Ordering};

/// The largest chunk, header included, unless one block needs more.
/// Below the allocator's default threshold for mapping memory directly, so
/// chunks are recycled like ordinary blocks.
pub(crate) const CHUNK_MAX: usize = 64 * 1024;

/// Every block placed in a chunk starts at a multiple of this.
pub(crate) const WORD: usize = 8;

/// The start of every chunk.
#[repr(C)]
struct ChunkHeader {
    /// Cells placed in the chunk and not freed yet, plus [`OPEN`] while the
    /// slab may still place more.
    live: AtomicUsize,
    /// Total size of the chunk allocation, header included.
    size: usize,
}

const CHUNK_HEADER: usize = std::mem::size_of::<ChunkHeader>();

/// Added to a chunk's live count while it is open, so cells freed before
/// the chunk is full cannot bring the count to zero.
const OPEN: usize = 1 << (usize::BITS - 2);

/// Places blocks for one decoding: a bump pointer in the current chunk.
/// Dropping it closes the current chunk; cells already placed stay valid.
pub(crate) struct CellSlab {
    /// Bytes the decoder still expects to place (sizes the next chunk so a
    /// small bag of cells takes one exact chunk).
    expected: usize,
    chunk: Option<NonNull<ChunkHeader>>,
    /// Offset of the next free byte in the current chunk.
    next: usize,
    /// Blocks placed in the current chunk.
    placed: usize,
}

impl CellSlab {
    /// A slab expecting about `expected` bytes of blocks (a hint only).
    pub(crate) fn new(expected: usize) -> CellSlab {
        CellSlab { expected, chunk: None, next: 0, placed: 0 }
    }

    /// Room for a block of `size` bytes (alignment [`WORD`]): its address
    /// and its distance to the chunk header in words (never zero).
    pub(crate) fn place(&mut self, size: usize) -> (NonNull<u8>, u32) {
        let size = size.next_multiple_of(WORD);
        let chunk = match self.chunk {
            // SAFETY: an open chunk is live (its count includes `OPEN`).
            Some(chunk) if self.next + size <= unsafe { chunk.as_ref() }.size => chunk,
            _ => self.open_chunk(size),
        };
        let at = self.next;
        self.next += size;
        self.placed += 1;
        self.expected = self.expected.saturating_sub(size);
        // SAFETY: `at + size` is within the chunk allocation.
        let block = unsafe { chunk.cast::<u8>().add(at) };
        // A chunk is at most a little over `CHUNK_MAX` bytes, so this fits.
        (block, (at / WORD) as u32)
    }

    /// Closes the current chunk and opens one with room for at least `size` bytes.
    #[cold]
    fn open_chunk(&mut self, size: usize) -> NonNull<ChunkHeader> {
        self.close_chunk();
        let want = CHUNK_HEADER + size.max(self.expected.min(CHUNK_MAX - CHUNK_HEADER));
        let layout = chunk_layout(want);
        // SAFETY: the layout has a non-zero size; the header is written before use.
        let chunk = unsafe {
            let raw = alloc::alloc(layout);
            let Some(raw) = NonNull::new(raw) else { alloc::handle_alloc_error(layout) };
            let chunk = raw.cast::<ChunkHeader>();
            chunk.write(ChunkHeader { live: AtomicUsize::new(OPEN), size: want });
            chunk
        };
        self.chunk = Some(chunk);
        self.next = CHUNK_HEADER;
        self.placed = 0;
        chunk
    }

    /// Gives up the slab's hold on the current chunk: from now on only its
    /// cells keep it alive.
    fn close_chunk(&mut self) {
        if let Some(chunk) = self.chunk.take() {
            // The chunk now counts exactly its cells that are still alive.
            // SAFETY: the chunk is live until this hold is given up.
            unsafe { release_cells(chunk.cast::<u8>(), OPEN - self.placed) };
        }
    }
}

impl Drop for CellSlab {
    fn drop(&mut self) {
        self.close_chunk();
    }
}

/// The layout of a chunk of `size` bytes.
fn chunk_layout(size: usize) -> Layout {
    // A little over `CHUNK_MAX` bytes at most, alignment 8: always valid.
    Layout::from_size_align(size, WORD).expect("a chunk is at most a few tens of KiB")
}

/// The chunk of a block placed `words` words after the chunk's start.
///
/// # Safety
/// `block` was placed by a [`CellSlab`] that returned `words` for it.
#[inline]
pub(crate) unsafe fn chunk_of(block: *mut u8, words: u32) -> NonNull<u8> {
    // SAFETY: the chunk header is `words` words before the block, in the same allocation.
    unsafe { NonNull::new_unchecked(block.sub(words as usize * WORD)) }
}

/// Counts `freed` cells of `chunk` as gone, and frees the chunk if none is left.
///
/// # Safety
/// `chunk` is live, and the caller no longer uses the `freed` cells' blocks.
pub(crate) unsafe fn release_cells(chunk: NonNull<u8>, freed: usize) {
    let header = chunk.cast::<ChunkHeader>();
    // Release/Acquire as in `Arc::drop`: every use of the chunk's cells
    // happens before the chunk is freed.
    // SAFETY: the chunk is live (the caller's cells were counted in it).
    let before = unsafe { header.as_ref() }.live.fetch_sub(freed, Ordering::Release);
    if before == freed {
        atomic::fence(Ordering::Acquire);
        // SAFETY: no cell and no slab uses the chunk any more.
        unsafe {
            let size = header.as_ref().size;
            alloc::dealloc(chunk.as_ptr(), chunk_layout(size));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cell::block_size;
    use crate::{Cell, LevelMask, MAX_REFS};

    /// Builds `count` cells in `slab`, in chains of 1000 (each cell refs
    /// the previous one, except at the start of a chain).
    fn chain_in(slab: &mut CellSlab, count: usize) -> Vec<Cell> {
        let mut cells: Vec<Cell> = Vec::new();
        for i in 0..count {
            let mut refs: [Option<Cell>; MAX_REFS] = Default::default();
            refs[0] = if i % 1000 == 0 { None } else { cells.last().cloned() };
            let data = (i as u32).to_be_bytes();
            cells.push(Cell::from_parts_in(&data, 32, refs, false, slab).unwrap());
        }
        cells
    }

    #[test]
    fn blocks_fill_chunks_and_stay_valid_after_the_slab_closes() {
        let per_cell = block_size(1, LevelMask::ZERO, 4).next_multiple_of(WORD);
        // Enough cells for several chunks.
        let count = 3 * CHUNK_MAX / per_cell;
        let mut slab = CellSlab::new(count * per_cell);
        let cells = chain_in(&mut slab, count);
        drop(slab);
        for (i, cell) in cells.iter().enumerate() {
            assert_eq!(cell.data(), (i as u32).to_be_bytes());
            assert_eq!(cell.ref_count(), usize::from(i % 1000 > 0));
        }
        let fresh = Cell::new(&(count as u32 - 1).to_be_bytes(), 32, &[cells[count - 2].clone()], false).unwrap();
        assert_eq!(fresh.hash(), cells[count - 1].hash());
    }

    #[test]
    fn a_kept_cell_outlives_its_neighbours_and_the_slab() {
        let mut slab = CellSlab::new(0);
        let cells = chain_in(&mut slab, 2000);
        let kept = cells[1234].clone();
        let hash = *kept.hash();
        drop(cells);
        drop(slab);
        // The kept cell holds its chain down to the first cell.
        assert_eq!(kept.hash(), &hash);
        let mut depth = 0;
        let mut at = kept.clone();
        while let Some(next) = at.reference(0).cloned() {
            at = next;
            depth += 1;
        }
        assert_eq!(depth, 234);
        assert_eq!(at.data(), 1000u32.to_be_bytes());
    }

    #[test]
    fn slab_cells_mix_with_heap_cells_and_other_threads() {
        let heap_leaf = Cell::new(&[9], 8, &[], false).unwrap();
        let mut slab = CellSlab::new(100);
        let mut refs: [Option<Cell>; MAX_REFS] = Default::default();
        refs[0] = Some(heap_leaf.clone());
        let slab_cell = Cell::from_parts_in(&[1], 8, refs, false, &mut slab).unwrap();
        let heap_parent = Cell::new(&[], 0, &[slab_cell.clone(), slab_cell.clone()], false).unwrap();
        drop(slab);
        drop(slab_cell);
        let handle = std::thread::spawn(move || {
            assert_eq!(heap_parent.refs()[0].refs()[0].data(), &[9]);
            drop(heap_parent);
        });
        handle.join().unwrap();
        assert_eq!(heap_leaf.data(), &[9]);
    }
}
