//! Immutable cells: data, refs, and the hashes and depths of every level,
//! computed once when the cell is finalised.

use std::alloc::{self, Layout};
use std::fmt;
use std::marker::PhantomData;
use std::ptr::NonNull;
use std::sync::atomic::{self, AtomicU32, Ordering};

use crate::error::{CellError, CellResult};
use crate::sha256_pair::{pad_in_place, sha256_padded};
use crate::slab::{self, CellSlab};

/// Most data bits a cell holds.
pub const MAX_BITS: usize = 1023;
/// Most refs a cell holds.
pub const MAX_REFS: usize = 4;
/// Deepest tree the reference accepts (depth of the root at any level).
pub const MAX_DEPTH: u16 = 1024;
/// Highest cell level.
pub const MAX_LEVEL: u8 = 3;

/// A 256-bit representation hash.
pub type HashBytes = [u8; 32];

/// The set of levels at which a cell's hash differs (bit `i` = level `i + 1`).
#[derive(Copy, Clone, Default, PartialEq, Eq, Hash, Debug)]
pub struct LevelMask(u8);

impl LevelMask {
    /// The mask of a level-0 cell.
    pub const ZERO: LevelMask = LevelMask(0);

    /// Wraps a raw mask; only the low three bits are meaningful.
    pub const fn new(mask: u8) -> Self {
        LevelMask(mask)
    }

    /// The raw mask bits.
    pub const fn mask(self) -> u8 {
        self.0
    }

    /// The level: index of the highest set bit plus one.
    pub const fn level(self) -> u8 {
        8 - self.0.leading_zeros() as u8
    }

    /// How many distinct hashes a cell with this mask has.
    pub const fn hash_count(self) -> usize {
        self.0.count_ones() as usize + 1
    }

    /// Keeps only the levels up to and including `level`.
    pub const fn apply(self, level: u8) -> LevelMask {
        let keep = if level >= 8 { 0xFF } else { (1u16 << level) as u8 - 1 };
        LevelMask(self.0 & keep)
    }

    /// Whether a hash is stored for `level` (level 0 always is).
    pub const fn is_significant(self, level: u8) -> bool {
        level == 0 || (self.0 >> (level - 1)) & 1 == 1
    }

    /// Index into the list of hashes of the hash that serves `level`.
    pub const fn hash_index(self, level: u8) -> usize {
        self.apply(level).hash_count() - 1
    }

    /// The mask seen through one Merkle layer (every level shifted down).
    pub const fn shift_right(self) -> LevelMask {
        LevelMask(self.0 >> 1)
    }
}

/// The kind of a cell; exotic kinds carry their TL-B type byte.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
#[repr(u8)]
pub enum CellType {
    Ordinary = 0,
    PrunedBranch = 1,
    LibraryReference = 2,
    MerkleProof = 3,
    MerkleUpdate = 4,
}

impl CellType {
    /// Whether the cell is exotic (has the special flag).
    pub const fn is_exotic(self) -> bool {
        !matches!(self, CellType::Ordinary)
    }

    /// Whether children are seen one level up (Merkle proof and update).
    pub const fn is_merkle(self) -> bool {
        matches!(self, CellType::MerkleProof | CellType::MerkleUpdate)
    }

    /// Short lower-case name for display.
    pub const fn name(self) -> &'static str {
        match self {
            CellType::Ordinary => "ordinary",
            CellType::PrunedBranch => "pruned_branch",
            CellType::LibraryReference => "library",
            CellType::MerkleProof => "merkle_proof",
            CellType::MerkleUpdate => "merkle_update",
        }
    }
}

/// A finalised, immutable cell. Cloning is cheap (reference counted).
///
/// A cell is one heap block sized to its contents: a fixed header (owner
/// count, sizes, kind, level mask, representation hash and depth), then the
/// refs, the hashes and depths of the lower levels (only for cells of
/// level > 0), and the data bytes followed by [`DATA_SLACK`] zero bytes.
#[repr(transparent)]
pub struct Cell(NonNull<CellHeader>);

/// A cell handle that borrows its cell instead of owning it, for walks
/// over a tree someone else keeps alive: copying it changes no count, and
/// reaching the cell takes one pointer instead of two (as `&Cell` would).
#[derive(Clone, Copy)]
#[repr(transparent)]
pub(crate) struct CellRef<'a>(NonNull<CellHeader>, PhantomData<&'a Cell>);

impl<'a> CellRef<'a> {
    #[inline]
    pub(crate) fn new(cell: &'a Cell) -> Self {
        CellRef(cell.0, PhantomData)
    }

    /// The refs, borrowed for as long as the tree is.
    #[inline]
    pub(crate) fn refs(self) -> &'a [Cell] {
        // SAFETY: the block (with its refs) lives for 'a, as the cell this
        // handle was made from does.
        unsafe {
            let header = self.0.as_ref();
            std::slice::from_raw_parts(
                self.0.as_ptr().cast::<u8>().add(HEADER_SIZE).cast::<Cell>(),
                usize::from(header.ref_count),
            )
        }
    }
}

impl std::ops::Deref for CellRef<'_> {
    type Target = Cell;

    #[inline]
    fn deref(&self) -> &Cell {
        // SAFETY: `CellRef` and `Cell` are both a transparent pointer to the
        // block, which lives for 'a; a `&Cell` never drops the cell.
        unsafe { &*(self as *const CellRef<'_>).cast::<Cell>() }
    }
}

// SAFETY: a cell never changes after construction except for its atomic
// owner count, so handles can be shared and sent between threads.
unsafe impl Send for Cell {}
// SAFETY: as above.
unsafe impl Sync for Cell {}

/// The fixed part at the start of a cell's block. `repr(C)`: the tail
/// offsets below depend on its exact size. Aligned for the refs (pointers)
/// that follow it and the pending-list link kept in the hash.
#[repr(C, align(8))]
struct CellHeader {
    /// Owners.
    count: AtomicU32,
    /// For a cell placed in a shared chunk by the decoder: its distance to
    /// the chunk's start in 8-byte words. Zero for a block of its own.
    chunk_words: u32,
    bit_len: u16,
    repr_depth: u16,
    ref_count: u8,
    cell_type: CellType,
    level_mask: LevelMask,
    /// Byte offset of the data from the start of the block.
    data_at: u8,
    /// Once the cell has no owners left, the freeing loop keeps its list
    /// of pending blocks in the first 8 bytes of this field.
    repr_hash: HashBytes,
}

/// Size of [`CellHeader`]; the refs start right after it.
const HEADER_SIZE: usize = std::mem::size_of::<CellHeader>();
/// Alignment of a cell block (that of the header and of the refs).
const BLOCK_ALIGN: usize = std::mem::align_of::<CellHeader>();
// The refs right after the header are pointers, and decoders place blocks
// on `slab::WORD` boundaries.
const _: () = assert!(HEADER_SIZE == 48 && BLOCK_ALIGN == std::mem::align_of::<Cell>() && BLOCK_ALIGN == slab::WORD);
/// Zero bytes kept after the data, so readers may fetch a whole word
/// starting at any data byte without a bounds case.
pub const DATA_SLACK: usize = 8;

/// The hash and depth of one lower level, as stored in a cell's tail.
#[derive(Copy, Clone)]
#[repr(C)]
struct LevelHash {
    hash: HashBytes,
    depth: [u8; 2],
}

const LEVEL_HASH_SIZE: usize = std::mem::size_of::<LevelHash>();

impl LevelHash {
    const ZERO: LevelHash = LevelHash { hash: [0; 32], depth: [0; 2] };
}

impl CellHeader {
    /// Offset of the lower-level hashes in the block.
    #[inline]
    fn lower_at(&self) -> usize {
        HEADER_SIZE + usize::from(self.ref_count) * std::mem::size_of::<Cell>()
    }

    /// Number of lower-level hashes stored (one per significant level below the top).
    #[inline]
    fn lower_count(&self) -> usize {
        self.level_mask.hash_count() - 1
    }

    /// The block layout of this cell (what it was allocated with).
    #[inline]
    fn layout(&self) -> Layout {
        block_layout(usize::from(self.data_at), usize::from(self.bit_len).div_ceil(8))
    }
}

/// The block layout of a cell whose data starts at `data_at` and is `byte_len` long.
#[inline]
fn block_layout(data_at: usize, byte_len: usize) -> Layout {
    // At most 48 + 32 + 102 + 128 + 8 bytes with alignment 8: always valid.
    Layout::from_size_align(data_at + byte_len + DATA_SLACK, BLOCK_ALIGN).expect("a cell block is a few hundred bytes")
}

/// Offset of the data in the block of a cell with these refs and level mask.
#[inline]
fn data_offset(ref_count: usize, level_mask: LevelMask) -> usize {
    HEADER_SIZE + ref_count * std::mem::size_of::<Cell>() + (level_mask.hash_count() - 1) * LEVEL_HASH_SIZE
}

/// Bytes of the block of a cell with these refs, level mask and data bytes
/// (what a decoder reserves for it).
pub(crate) fn block_size(ref_count: usize, level_mask: LevelMask, byte_len: usize) -> usize {
    data_offset(ref_count, level_mask) + byte_len + DATA_SLACK
}

impl Clone for Cell {
    #[inline]
    fn clone(&self) -> Self {
        // Relaxed as in `Arc::clone`: a new owner needs no ordering, only a count.
        let old = self.header().count.fetch_add(1, Ordering::Relaxed);
        if old > i32::MAX as u32 {
            // Billions of leaked clones: stop rather than wrap the count.
            std::process::abort();
        }
        Cell(self.0)
    }
}

impl Drop for Cell {
    #[inline]
    fn drop(&mut self) {
        // Release/Acquire as in `Arc::drop`: every owner's use of the cell
        // happens before the block is freed.
        if release_owner(&self.header().count) {
            // SAFETY: this was the last owner.
            unsafe { free_unowned(self.0) }
        }
    }
}

/// Gives up one owner of a cell; true if it was the last one (the caller
/// then frees the cell). The sole owner is recognised with a plain load:
/// nobody else can add an owner without holding one, and unlike the atomic
/// decrement the load does not stall on a cache miss while later loads wait,
/// which matters when whole trees are freed.
#[inline]
fn release_owner(count: &AtomicU32) -> bool {
    // Acquire (and Release on the decrement) as in `Arc::drop`: every other
    // owner's use of the cell happens before it is freed.
    if count.load(Ordering::Acquire) == 1 {
        return true;
    }
    if count.fetch_sub(1, Ordering::Release) != 1 {
        return false;
    }
    atomic::fence(Ordering::Acquire);
    true
}

/// How many freed blocks wait for their children's headers to load.
const LOOKAHEAD: usize = 8;

/// Frees the block of a cell that has no owners left, and every descendant
/// this leaves without owners. Deep trees are freed without recursion and
/// without allocating: blocks waiting to be freed are chained through
/// their (no longer used) hash fields. Cells from a decoder's chunk are
/// counted off the chunk in runs, one atomic operation per run.
///
/// # Safety
/// `first` points at a live cell block whose count has dropped to zero.
#[inline(never)]
unsafe fn free_unowned(first: NonNull<CellHeader>) {
    /// The link to the next pending block, in a pending block's hash field.
    fn link(cell: *mut CellHeader) -> *mut *mut CellHeader {
        // The hash is at offset 16 of an 8-aligned block: aligned for a pointer.
        // SAFETY (of the projection): `cell` points at a live header.
        unsafe { std::ptr::addr_of_mut!((*cell).repr_hash).cast::<*mut CellHeader>() }
    }
    let mut pending = first.as_ptr();
    // Blocks taken off the list wait here a few turns while their
    // children's headers load, so the loop rarely stalls on a cache miss.
    let mut ahead = [std::ptr::null_mut::<CellHeader>(); LOOKAHEAD];
    let (mut ahead_first, mut ahead_len) = (0, 0);
    // Consecutive freed cells of one chunk, counted off it together.
    let mut run: Option<(NonNull<u8>, usize)> = None;
    // SAFETY (whole body): blocks on the list or waiting ahead are unowned,
    // so this loop is their only user; their refs are live cells holding
    // one count each. A chunk outlives its pending cells: they are counted
    // off only once this loop is done with them.
    unsafe {
        link(pending).write(std::ptr::null_mut());
        loop {
            while ahead_len < LOOKAHEAD && !pending.is_null() {
                let cell = pending;
                pending = link(cell).read();
                let refs = cell.cast::<u8>().add(HEADER_SIZE).cast::<Cell>();
                for i in 0..usize::from((*cell).ref_count) {
                    (*refs.add(i)).prefetch();
                }
                ahead[(ahead_first + ahead_len) % LOOKAHEAD] = cell;
                ahead_len += 1;
            }
            if ahead_len == 0 {
                break;
            }
            let cell = ahead[ahead_first];
            ahead_first = (ahead_first + 1) % LOOKAHEAD;
            ahead_len -= 1;
            let refs = cell.cast::<u8>().add(HEADER_SIZE).cast::<NonNull<CellHeader>>();
            for i in 0..usize::from((*cell).ref_count) {
                let child = (*refs.add(i)).as_ptr();
                if release_owner(&(*child).count) {
                    link(child).write(pending);
                    pending = child;
                }
            }
            let words = (*cell).chunk_words;
            if words == 0 {
                alloc::dealloc(cell.cast::<u8>(), (*cell).layout());
                continue;
            }
            let chunk = slab::chunk_of(cell.cast::<u8>(), words);
            run = match run {
                Some((current, freed)) if current == chunk => Some((current, freed + 1)),
                Some((current, freed)) => {
                    slab::release_cells(current, freed);
                    Some((chunk, 1))
                }
                None => Some((chunk, 1)),
            };
        }
        if let Some((chunk, freed)) = run {
            slab::release_cells(chunk, freed);
        }
    }
}

/// The data bytes of a cell of `bit_len` bits (at most [`MAX_BITS`], and
/// `data` must hold them) and its ref count (refs fill the first slots).
#[inline(always)]
fn checked_parts<'d>(data: &'d [u8], bit_len: usize, refs: &[Option<Cell>]) -> CellResult<(&'d [u8], usize)> {
    if bit_len > MAX_BITS {
        return Err(CellError::Overflow);
    }
    let Some(data) = data.get(..bit_len.div_ceil(8)) else {
        return Err(CellError::Underflow);
    };
    Ok((data, refs.iter().take_while(|r| r.is_some()).count()))
}

/// Asks the CPU to start loading the cache line at `at` (a hint only: it
/// never faults and changes nothing).
#[inline(always)]
pub(crate) fn prefetch<T>(at: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: SSE is part of the x86-64 baseline, and a prefetch never
    // faults or changes memory, whatever the address.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(at.cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = at;
}

impl Cell {
    /// Finalises a cell from its data bits and refs. `data` holds at least
    /// `bit_len` bits; bits past `bit_len` are ignored. Exotic cells are
    /// checked against the reference's rules; depth is limited to 1024.
    pub fn new(data: &[u8], bit_len: usize, refs: &[Cell], exotic: bool) -> CellResult<Cell> {
        if refs.len() > MAX_REFS {
            return Err(CellError::Overflow);
        }
        let mut slots: [Option<Cell>; MAX_REFS] = Default::default();
        for (slot, r) in slots.iter_mut().zip(refs) {
            *slot = Some(r.clone());
        }
        Cell::from_parts(data, bit_len, slots, exotic)
    }

    /// Finalises a cell from its data bytes (at least `ceil(bit_len / 8)`;
    /// bits past `bit_len` are ignored) and owned ref slots (refs fill the
    /// first slots, in order). Used by builders and decoders to avoid copies.
    pub(crate) fn from_parts(
        data: &[u8],
        bit_len: usize,
        refs: [Option<Cell>; MAX_REFS],
        exotic: bool,
    ) -> CellResult<Cell> {
        Cell::finalise(data, bit_len, refs, exotic, |layout| {
            // SAFETY: a cell layout has a non-zero size.
            let block = unsafe { alloc::alloc(layout) };
            let Some(block) = NonNull::new(block) else { alloc::handle_alloc_error(layout) };
            (block, 0)
        })
    }

    /// [`Cell::from_parts`] for a decoder: the block is placed in `slab`.
    // Kept out of the decoder's loop, which then stays small, while the
    // hashing inlines here.
    #[inline(never)]
    pub(crate) fn from_parts_in(
        data: &[u8],
        bit_len: usize,
        refs: [Option<Cell>; MAX_REFS],
        exotic: bool,
        slab: &mut CellSlab,
    ) -> CellResult<Cell> {
        Cell::finalise(data, bit_len, refs, exotic, |layout| slab.place(layout.size()))
    }

    /// Checks the cell, computes its hashes and writes it into the block
    /// `place` returns for its layout (with the chunk distance to record).
    #[inline(always)]
    fn finalise(
        data: &[u8],
        bit_len: usize,
        refs: [Option<Cell>; MAX_REFS],
        exotic: bool,
        place: impl FnOnce(Layout) -> (NonNull<u8>, u32),
    ) -> CellResult<Cell> {
        let (data, ref_count) = checked_parts(data, bit_len, &refs)?;
        let cell_type = if exotic { exotic_type(data, bit_len)? } else { CellType::Ordinary };
        let level_mask = check_and_level(cell_type, data, bit_len, &refs[..ref_count])?;
        let hashes = compute_hashes(data, bit_len, cell_type, level_mask, &refs[..ref_count])?;
        Ok(Cell::write_block(data, bit_len, refs, ref_count, cell_type, level_mask, &hashes, place))
    }

    /// Checks an ordinary cell whose refs all have level 0 and writes it
    /// into `slab` without its hash, which stays zero: a decoder hashes many
    /// such cells at once afterwards, through [`PendingHash`]. The depth is
    /// computed (and checked) here from the refs' depths, which are set even
    /// when their hashes are still pending.
    pub(crate) fn plain_unhashed_in(
        data: &[u8],
        bit_len: usize,
        refs: [Option<Cell>; MAX_REFS],
        slab: &mut CellSlab,
    ) -> CellResult<Cell> {
        let (data, ref_count) = checked_parts(data, bit_len, &refs)?;
        debug_assert!(refs.iter().flatten().all(|r| r.level_mask() == LevelMask::ZERO));
        let depth = refs.iter().flatten().map(|r| r.depth() + 1).max().unwrap_or(0);
        if depth > MAX_DEPTH {
            return Err(CellError::DepthTooBig);
        }
        let hashes = Hashes { repr_hash: [0; 32], repr_depth: depth, lower: [LevelHash::ZERO; 3] };
        Ok(Cell::write_block(data, bit_len, refs, ref_count, CellType::Ordinary, LevelMask::ZERO, &hashes, |layout| {
            slab.place(layout.size())
        }))
    }

    /// Writes a checked and hashed cell into the block `place` returns for
    /// its layout (with the chunk distance to record). `refs` fill the first
    /// `ref_count` slots; `data` is `ceil(bit_len / 8)` bytes.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn write_block(
        data: &[u8],
        bit_len: usize,
        refs: [Option<Cell>; MAX_REFS],
        ref_count: usize,
        cell_type: CellType,
        level_mask: LevelMask,
        hashes: &Hashes,
        place: impl FnOnce(Layout) -> (NonNull<u8>, u32),
    ) -> Cell {
        let byte_len = data.len();
        let lower_count = level_mask.hash_count() - 1;
        let data_at = data_offset(ref_count, level_mask);
        let (block, chunk_words) = place(block_layout(data_at, byte_len));
        // SAFETY: `block` has the layout's size and alignment; every byte of
        // it is written below before the pointer becomes a `Cell`: the
        // header, the refs (moved in), the lower hashes, the data and the
        // zero slack.
        unsafe {
            let header = block.cast::<CellHeader>();
            header.write(CellHeader {
                count: AtomicU32::new(1),
                chunk_words,
                bit_len: bit_len as u16,
                repr_depth: hashes.repr_depth,
                ref_count: ref_count as u8,
                cell_type,
                level_mask,
                data_at: data_at as u8,
                repr_hash: hashes.repr_hash,
            });
            let ref_slots = block.as_ptr().add(HEADER_SIZE).cast::<Cell>();
            // Slots after the first empty one are not part of the cell; they drop here.
            for (i, r) in refs.into_iter().enumerate() {
                if let (true, Some(r)) = (i < ref_count, r) {
                    ref_slots.add(i).write(r);
                }
            }
            let lower_at = HEADER_SIZE + ref_count * std::mem::size_of::<Cell>();
            std::ptr::copy_nonoverlapping(
                hashes.lower.as_ptr().cast::<u8>(),
                block.as_ptr().add(lower_at),
                lower_count * LEVEL_HASH_SIZE,
            );
            let data_ptr = block.as_ptr().add(data_at);
            std::ptr::copy_nonoverlapping(data.as_ptr(), data_ptr, byte_len);
            if !bit_len.is_multiple_of(8) {
                *data_ptr.add(byte_len - 1) &= 0xFFu8 << (8 - bit_len % 8);
            }
            std::ptr::write_bytes(data_ptr.add(byte_len), 0, DATA_SLACK);
            Cell(header)
        }
    }

    /// Asks the CPU to start loading this cell's header (count, sizes, hash,
    /// refs) into the cache, for walks that know which cell they visit next.
    /// Only a hint: it changes nothing and costs next to nothing.
    #[inline]
    pub(crate) fn prefetch(&self) {
        prefetch(self.0.as_ptr());
    }

    /// The header at the start of the block.
    #[inline]
    fn header(&self) -> &CellHeader {
        // SAFETY: the block lives as long as this handle.
        unsafe { self.0.as_ref() }
    }

    /// The start of the block.
    #[inline]
    fn block(&self) -> *const u8 {
        self.0.as_ptr().cast::<u8>().cast_const()
    }

    /// The hashes and depths of the significant levels below the top one.
    #[inline]
    fn lower(&self) -> &[LevelHash] {
        let header = self.header();
        // SAFETY: `lower_count` entries were written at `lower_at` (`LevelHash` has alignment 1).
        unsafe {
            std::slice::from_raw_parts(self.block().add(header.lower_at()).cast::<LevelHash>(), header.lower_count())
        }
    }

    /// The empty ordinary cell (no bits, no refs).
    pub fn empty() -> Cell {
        Cell::new(&[], 0, &[], false).expect("the empty cell is valid")
    }

    /// Representation hash (the hash at the highest level).
    #[inline]
    pub fn hash(&self) -> &HashBytes {
        &self.header().repr_hash
    }

    /// Depth at the highest level.
    #[inline]
    pub fn depth(&self) -> u16 {
        self.header().repr_depth
    }

    /// Hash at `level` (levels above the cell's level give the representation hash).
    pub fn hash_at(&self, level: u8) -> &HashBytes {
        if self.header().level_mask == LevelMask::ZERO {
            return self.hash();
        }
        let index = self.header().level_mask.hash_index(level.min(MAX_LEVEL));
        match self.lower().get(index) {
            Some(entry) => &entry.hash,
            None => self.hash(),
        }
    }

    /// Depth at `level`.
    pub fn depth_at(&self, level: u8) -> u16 {
        if self.header().level_mask == LevelMask::ZERO {
            return self.depth();
        }
        let index = self.header().level_mask.hash_index(level.min(MAX_LEVEL));
        match self.lower().get(index) {
            Some(entry) => u16::from_be_bytes(entry.depth),
            None => self.depth(),
        }
    }

    /// The cell's level mask.
    #[inline]
    pub fn level_mask(&self) -> LevelMask {
        self.header().level_mask
    }

    /// The cell's level (0..=3).
    #[inline]
    pub fn level(&self) -> u8 {
        self.header().level_mask.level()
    }

    /// The cell's kind.
    #[inline]
    pub fn cell_type(&self) -> CellType {
        self.header().cell_type
    }

    /// Whether the cell is exotic.
    #[inline]
    pub fn is_exotic(&self) -> bool {
        self.header().cell_type.is_exotic()
    }

    /// Number of data bits.
    #[inline]
    pub fn bit_len(&self) -> usize {
        self.header().bit_len as usize
    }

    /// The data bytes (`ceil(bit_len / 8)` of them, unused low bits zero).
    #[inline]
    pub fn data(&self) -> &[u8] {
        let buffer = self.data_buffer();
        &buffer[..buffer.len() - DATA_SLACK]
    }

    /// The data bytes followed by [`DATA_SLACK`] zero bytes (the unused low
    /// bits of the last data byte are zero too); lets readers fetch whole
    /// words without bounds juggling.
    #[inline]
    pub fn data_buffer(&self) -> &[u8] {
        let header = self.header();
        let len = usize::from(header.bit_len).div_ceil(8) + DATA_SLACK;
        // SAFETY: the data and the zero slack were written at `data_at`.
        unsafe { std::slice::from_raw_parts(self.block().add(usize::from(header.data_at)), len) }
    }

    /// Number of refs.
    #[inline]
    pub fn ref_count(&self) -> usize {
        self.header().ref_count as usize
    }

    /// The refs, in order.
    #[inline]
    pub fn refs(&self) -> &[Cell] {
        // SAFETY: `ref_count` live cells were moved in right after the header.
        unsafe { std::slice::from_raw_parts(self.block().add(HEADER_SIZE).cast::<Cell>(), self.ref_count()) }
    }

    /// The ref at `index`, if present.
    #[inline]
    pub fn reference(&self, index: usize) -> Option<&Cell> {
        self.refs().get(index)
    }

    /// Iterates over the refs in order.
    pub fn references(&self) -> impl Iterator<Item = &Cell> + '_ {
        self.refs().iter()
    }

    /// First descriptor byte: refs + 8 * exotic + 32 * level mask.
    pub fn d1(&self) -> u8 {
        descriptor_d1(self.ref_count(), self.is_exotic(), self.header().level_mask)
    }

    /// Second descriptor byte: floor(bits / 8) + ceil(bits / 8).
    pub fn d2(&self) -> u8 {
        descriptor_d2(self.bit_len())
    }

    /// Whether two handles point at the same cell.
    #[inline]
    pub fn ptr_eq(a: &Cell, b: &Cell) -> bool {
        a.0 == b.0
    }

    /// Starts reading this cell (exotic cells included; the caller decides
    /// whether that is allowed).
    pub fn as_slice(&self) -> crate::CellSlice {
        crate::CellSlice::new(self.clone())
    }

    /// A builder holding this cell's data and refs (as the TVM `CTOS`, `STSLICE` pair would).
    pub fn to_builder(&self) -> crate::CellBuilder {
        let mut b = crate::CellBuilder::new();
        b.store_slice(&self.as_slice()).expect("a cell fits in a builder");
        b
    }
}

impl PartialEq for Cell {
    fn eq(&self, other: &Self) -> bool {
        self.hash() == other.hash()
    }
}

impl Eq for Cell {}

impl std::hash::Hash for Cell {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.hash().hash(state)
    }
}

impl fmt::Debug for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Cell({}{} bits={} refs={} hash={})",
            if self.is_exotic() { self.cell_type().name() } else { "" },
            if self.is_exotic() { "," } else { "" },
            self.bit_len(),
            self.ref_count(),
            hex::encode(self.hash())
        )
    }
}

pub(crate) fn descriptor_d1(refs: usize, exotic: bool, mask: LevelMask) -> u8 {
    refs as u8 + if exotic { 8 } else { 0 } + mask.mask() * 32
}

pub(crate) fn descriptor_d2(bit_len: usize) -> u8 {
    (bit_len / 8 + bit_len.div_ceil(8)) as u8
}

fn exotic_type(data: &[u8], bit_len: usize) -> CellResult<CellType> {
    if bit_len < 8 {
        return Err(CellError::InvalidExotic("not enough data for a special cell"));
    }
    Ok(match data[0] {
        1 => CellType::PrunedBranch,
        2 => CellType::LibraryReference,
        3 => CellType::MerkleProof,
        4 => CellType::MerkleUpdate,
        _ => return Err(CellError::InvalidExotic("unknown special cell type")),
    })
}

const HASH_BITS: usize = 256;
/// Longest hash input: descriptors, 128 data bytes, four depths, four hashes.
const PREIMAGE_MAX: usize = 2 + 128 + MAX_REFS * (2 + 32);
/// The preimage buffer: room for the longest input and its SHA-256 padding.
const PREIMAGE_BUFFER: usize = (PREIMAGE_MAX + 9).div_ceil(64) * 64;
/// A buffer for one hash input of a cell, with room for its padding.
pub(crate) type HashInput = [u8; PREIMAGE_BUFFER];

/// A plain cell (ordinary, level 0) made by [`Cell::plain_unhashed_in`]
/// whose hash is still to be set: a raw handle a decoder keeps while it
/// schedules the hashing. It owns nothing.
#[derive(Clone, Copy)]
pub(crate) struct PendingHash(NonNull<CellHeader>);

impl PendingHash {
    /// The handle of `cell`, which must come from [`Cell::plain_unhashed_in`].
    pub(crate) fn of(cell: &Cell) -> PendingHash {
        debug_assert!(cell.cell_type() == CellType::Ordinary && cell.level_mask() == LevelMask::ZERO);
        PendingHash(cell.0)
    }

    /// The cell, borrowed.
    ///
    /// # Safety
    /// The cell must still be alive (some `Cell` handle owns it), and the
    /// borrow must end before [`PendingHash::set_hash`] is called.
    unsafe fn cell(&self) -> &Cell {
        // SAFETY: `PendingHash` and `Cell` are both the block pointer; the
        // caller keeps the block alive for the borrow.
        unsafe { &*(self as *const PendingHash).cast::<Cell>() }
    }

    /// Writes the cell's padded hash input into `input` (descriptors, data
    /// with its completion tag, the refs' depths and hashes) and returns its
    /// length in whole blocks.
    ///
    /// # Safety
    /// The cell must be alive, and the hashes of its refs set.
    pub(crate) unsafe fn write_hash_input(self, input: &mut HashInput) -> usize {
        // SAFETY: the caller's guarantee; the borrow ends in this function.
        let cell = unsafe { self.cell() };
        let refs = cell.refs();
        input[0] = descriptor_d1(refs.len(), false, LevelMask::ZERO);
        input[1] = descriptor_d2(cell.bit_len());
        let mut len = 2 + write_tagged_data(&mut input[2..], cell.data(), cell.bit_len());
        for r in refs {
            input[len..len + 2].copy_from_slice(&r.depth().to_be_bytes());
            len += 2;
        }
        for r in refs {
            input[len..len + 32].copy_from_slice(r.hash());
            len += 32;
        }
        pad_in_place(input, len)
    }

    /// Asks the CPU to start loading the headers of the cell's refs (their
    /// hashes and depths go into its hash input).
    ///
    /// # Safety
    /// The cell must be alive.
    pub(crate) unsafe fn prefetch_refs(self) {
        // SAFETY: the caller's guarantee; the borrow ends in this function.
        for r in unsafe { self.cell() }.refs() {
            r.prefetch();
        }
    }

    /// Whether `child` is one of the cell's refs.
    ///
    /// # Safety
    /// The cell must be alive.
    pub(crate) unsafe fn refers_to(self, child: PendingHash) -> bool {
        // SAFETY: the caller's guarantee; the borrow ends in this function.
        unsafe { self.cell() }.refs().iter().any(|r| r.0 == child.0)
    }

    /// Sets the cell's hash.
    ///
    /// # Safety
    /// The cell must be alive, and nothing may have read its hash yet or
    /// hold a borrow of it (the decoder hands cells out only after every
    /// pending hash is set).
    pub(crate) unsafe fn set_hash(self, hash: HashBytes) {
        // SAFETY: the block is alive and written through the pointer it was
        // allocated with; no reference to the hash field exists (the
        // caller's guarantee), so this write aliases nothing.
        unsafe { std::ptr::addr_of_mut!((*self.0.as_ptr()).repr_hash).write(hash) };
    }
}

/// Writes a cell's data as hashed (bits past `bit_len` cleared, then the
/// completion tag when the last byte is partial) and returns its length.
fn write_tagged_data(out: &mut [u8], data: &[u8], bit_len: usize) -> usize {
    let byte_len = data.len();
    out[..byte_len].copy_from_slice(data);
    if !bit_len.is_multiple_of(8) {
        let last = &mut out[byte_len - 1];
        *last = (*last & (0xFFu8 << (8 - bit_len % 8))) | (0x80 >> (bit_len % 8));
    }
    byte_len
}

/// Writes the refs' part of a hash input after `input[..len]`: the
/// children's depths, then their hashes, both at `child_level`. Returns the
/// new length and the cell's depth (one more than its deepest child),
/// which must be within [`MAX_DEPTH`].
#[inline(always)]
fn write_refs_input(
    input: &mut HashInput,
    mut len: usize,
    refs: &[Option<Cell>],
    child_level: u8,
) -> CellResult<(usize, u16)> {
    let mut depth = 0u16;
    for r in refs.iter().flatten() {
        let child_depth = r.depth_at(child_level);
        depth = depth.max(child_depth + 1);
        input[len..len + 2].copy_from_slice(&child_depth.to_be_bytes());
        len += 2;
    }
    if depth > MAX_DEPTH {
        return Err(CellError::DepthTooBig);
    }
    for r in refs.iter().flatten() {
        input[len..len + 32].copy_from_slice(r.hash_at(child_level));
        len += 32;
    }
    Ok((len, depth))
}

/// SHA-256 of `buf[..len]`, padded in place (`buf` has room for the padding:
/// `len + 9` bytes rounded up to whole 64-byte blocks). Cheaper than the
/// streaming hasher for inputs that are already in one buffer.
fn sha256_in_place(buf: &mut HashInput, len: usize) -> HashBytes {
    let total = pad_in_place(buf, len);
    sha256_padded(&buf[..total])
}

const DEPTH_BITS: usize = 16;

fn check_and_level(kind: CellType, data: &[u8], bit_len: usize, refs: &[Option<Cell>]) -> CellResult<LevelMask> {
    let nth = |i: usize| refs[i].as_ref().expect("ref slots are filled in order");
    match kind {
        CellType::Ordinary => Ok(LevelMask(refs.iter().flatten().fold(0, |m, r| m | r.level_mask().mask()))),
        CellType::PrunedBranch => {
            if !refs.is_empty() {
                return Err(CellError::InvalidExotic("pruned branch has a reference"));
            }
            if bit_len < 16 {
                return Err(CellError::InvalidExotic("not enough data for a pruned branch"));
            }
            let mask = LevelMask(data[1]);
            let level = mask.level();
            if level == 0 || level > MAX_LEVEL {
                return Err(CellError::InvalidExotic("pruned branch has an invalid level"));
            }
            let stored = mask.hash_count() - 1;
            if bit_len != 16 + stored * (HASH_BITS + DEPTH_BITS) {
                return Err(CellError::InvalidExotic("pruned branch has a wrong data length"));
            }
            // The reference applies the depth limit to the stored depths too.
            let depths_at = 2 + 32 * stored;
            for i in 0..stored {
                let depth = u16::from_be_bytes([data[depths_at + 2 * i], data[depths_at + 2 * i + 1]]);
                if depth > MAX_DEPTH {
                    return Err(CellError::DepthTooBig);
                }
            }
            Ok(mask)
        }
        CellType::LibraryReference => {
            if bit_len != 8 + HASH_BITS {
                return Err(CellError::InvalidExotic("library cell has a wrong data length"));
            }
            if !refs.is_empty() {
                return Err(CellError::InvalidExotic("library cell has a reference"));
            }
            Ok(LevelMask::ZERO)
        }
        CellType::MerkleProof => {
            if bit_len != 8 + HASH_BITS + DEPTH_BITS || refs.len() != 1 {
                return Err(CellError::InvalidExotic("merkle proof must have 280 bits and one reference"));
            }
            check_merkle_child(data, 8, 8 + HASH_BITS, nth(0))?;
            Ok(nth(0).level_mask().shift_right())
        }
        CellType::MerkleUpdate => {
            if bit_len != 8 + 2 * (HASH_BITS + DEPTH_BITS) || refs.len() != 2 {
                return Err(CellError::InvalidExotic("merkle update must have 552 bits and two references"));
            }
            check_merkle_child(data, 8, 8 + 2 * HASH_BITS, nth(0))?;
            check_merkle_child(data, 8 + HASH_BITS, 8 + 2 * HASH_BITS + DEPTH_BITS, nth(1))?;
            let mask = nth(0).level_mask().mask() | nth(1).level_mask().mask();
            Ok(LevelMask(mask).shift_right())
        }
    }
}

/// A Merkle cell stores the level-0 hash and depth of each child; they must match.
fn check_merkle_child(data: &[u8], hash_at: usize, depth_at: usize, child: &Cell) -> CellResult<()> {
    let stored_hash = &data[hash_at / 8..hash_at / 8 + 32];
    if stored_hash != child.hash_at(0) {
        return Err(CellError::InvalidExotic("merkle cell hash mismatch"));
    }
    let stored_depth = u16::from_be_bytes([data[depth_at / 8], data[depth_at / 8 + 1]]);
    if stored_depth != child.depth_at(0) {
        return Err(CellError::InvalidExotic("merkle cell depth mismatch"));
    }
    Ok(())
}

/// Computes the hash and depth of every significant level, the reference's
/// way: the lowest computed level hashes the data, each higher one hashes the
/// previous level's hash in its place; children are seen one level up
/// through Merkle cells. Pruned branches store their lower hashes instead.
/// `data` is `ceil(bit_len / 8)` bytes; bits past `bit_len` may be set.
fn compute_hashes(
    data: &[u8],
    bit_len: usize,
    cell_type: CellType,
    mask: LevelMask,
    refs: &[Option<Cell>],
) -> CellResult<Hashes> {
    let hash_count = mask.hash_count();
    let is_pruned = cell_type == CellType::PrunedBranch;
    let first_computed = if is_pruned { hash_count - 1 } else { 0 };
    let child_shift = u8::from(cell_type.is_merkle());
    let exotic = cell_type.is_exotic();
    let ref_count = refs.len();

    // The hash input of one level, written into one stack buffer and hashed
    // in a single call: descriptors, data (or the previous level's hash),
    // child depths, child hashes.
    let mut preimage = [0u8; PREIMAGE_BUFFER];
    let mut hashes = Hashes { repr_hash: [0; 32], repr_depth: 0, lower: [LevelHash::ZERO; 3] };
    let mut computed = 0;
    let mut hash_index = 0;
    for level in 0..=mask.level() {
        if !mask.is_significant(level) {
            continue;
        }
        let this_index = hash_index;
        hash_index += 1;
        if this_index < first_computed {
            continue;
        }
        preimage[0] = descriptor_d1(ref_count, exotic, mask.apply(level));
        preimage[1] = descriptor_d2(bit_len);
        let mut len = 2;
        if this_index == first_computed {
            len += write_tagged_data(&mut preimage[2..], data, bit_len);
        } else {
            preimage[2..34].copy_from_slice(&hashes.lower[computed - 1].hash);
            len += 32;
        }
        let child_level = (level + child_shift).min(MAX_LEVEL);
        let (len, depth) = write_refs_input(&mut preimage, len, refs, child_level)?;
        let hash = sha256_in_place(&mut preimage, len);
        if hash_index == hash_count {
            hashes.repr_hash = hash;
            hashes.repr_depth = depth;
        } else {
            hashes.lower[computed] = LevelHash { hash, depth: depth.to_be_bytes() };
            computed += 1;
        }
    }

    if is_pruned {
        let stored = hash_count - 1;
        let depths_at = 2 + 32 * stored;
        for i in 0..stored {
            let entry = &mut hashes.lower[i];
            entry.hash.copy_from_slice(&data[2 + 32 * i..2 + 32 * (i + 1)]);
            entry.depth = [data[depths_at + 2 * i], data[depths_at + 2 * i + 1]];
        }
    }
    Ok(hashes)
}

/// The hashes and depths of a cell, as [`compute_hashes`] finds them:
/// the first `hash_count - 1` entries of `lower` are used.
struct Hashes {
    repr_hash: HashBytes,
    repr_depth: u16,
    lower: [LevelHash; MAX_LEVEL as usize],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_place_sha256_matches_the_streaming_hasher() {
        use sha2::{Digest, Sha256};
        for len in [0, 1, 55, 56, 63, 64, 119, 120, 200, PREIMAGE_MAX] {
            let input: Vec<u8> = (0..len).map(|i| (i * 7 + 3) as u8).collect();
            let mut buf = [0xEEu8; PREIMAGE_BUFFER];
            buf[..len].copy_from_slice(&input);
            let expected: HashBytes = Sha256::digest(&input).into();
            assert_eq!(sha256_in_place(&mut buf, len), expected, "length {len}");
        }
    }

    #[test]
    fn data_is_masked_and_followed_by_zero_slack() {
        let cell = Cell::new(&[0xFF, 0xFF, 0xFF], 9, &[], false).unwrap();
        assert_eq!(cell.data(), &[0xFF, 0x80]);
        let buffer = cell.data_buffer();
        assert_eq!(buffer.len(), 2 + DATA_SLACK);
        assert!(buffer[2..].iter().all(|&b| b == 0));
        assert_eq!(Cell::empty().data_buffer(), &[0u8; DATA_SLACK]);
    }

    #[test]
    fn refs_fill_the_first_slots_only() {
        let leaf = Cell::new(&[7], 8, &[], false).unwrap();
        let cell = Cell::from_parts(&[], 0, [Some(leaf.clone()), None, Some(leaf.clone()), None], false).unwrap();
        assert_eq!(cell.ref_count(), 1);
        assert!(Cell::ptr_eq(&cell.refs()[0], &leaf));
        assert!(cell.reference(1).is_none());
        // The stray third slot was dropped, not leaked: only `leaf` and `cell`'s ref remain.
        drop(cell);
        assert_eq!(leaf.header().count.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn shared_children_outlive_their_parents() {
        let child = Cell::new(&[1, 2, 3], 24, &[], false).unwrap();
        let hash = *child.hash();
        let a = Cell::new(&[], 0, &[child.clone(), child.clone()], false).unwrap();
        let b = Cell::new(&[0xAA], 8, &[a.clone(), child.clone()], false).unwrap();
        drop(child);
        drop(a);
        let child = b.refs()[1].clone();
        drop(b);
        assert_eq!(child.hash(), &hash);
        assert_eq!(child.data(), &[1, 2, 3]);
        assert_eq!(child.header().count.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn clones_and_drops_from_many_threads_keep_the_count() {
        let leaf = Cell::new(&[5], 8, &[], false).unwrap();
        let root = Cell::new(&[], 0, &[leaf.clone(), leaf.clone()], false).unwrap();
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let root = root.clone();
                std::thread::spawn(move || {
                    for _ in 0..10_000 {
                        let copy = root.clone();
                        let inner = copy.refs()[0].clone();
                        drop(copy);
                        assert_eq!(inner.data(), &[5]);
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(root.header().count.load(Ordering::Relaxed), 1);
        assert_eq!(leaf.header().count.load(Ordering::Relaxed), 3);
    }
}
