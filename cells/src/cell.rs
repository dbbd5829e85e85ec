//! Immutable cells: data, refs, and the hashes and depths of every level,
//! computed once when the cell is finalised.

use std::fmt;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::error::{CellError, CellResult};

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
#[derive(Clone)]
pub struct Cell(Arc<CellInner>);

/// Fields in declaration order (`repr(C)`): what a tree walk reads of every
/// cell (refs, sizes, the start of the data) shares the first cache line with
/// the reference counts; the hashes, read once per cell by codecs, come last.
#[repr(C)]
struct CellInner {
    refs: [Option<Cell>; MAX_REFS],
    bit_len: u16,
    repr_depth: u16,
    ref_count: u8,
    cell_type: CellType,
    level_mask: LevelMask,
    data: [u8; 128],
    repr_hash: HashBytes,
    /// Hashes and depths of the significant levels below the top one
    /// (empty for level-0 cells, so no allocation in the common case).
    lower: Box<[(HashBytes, u16)]>,
}

impl Drop for CellInner {
    /// Drops deep trees iteratively: a cell whose last owner goes away hands
    /// its children to a work list instead of recursing into them.
    fn drop(&mut self) {
        if self.ref_count == 0 {
            return;
        }
        let mut pending: Vec<Cell> = Vec::new();
        for slot in self.refs.iter_mut() {
            if let Some(child) = slot.take() {
                pending.push(child);
            }
        }
        while let Some(mut cell) = pending.pop() {
            // `get_mut` (not `into_inner`) so the cell is emptied in place, not moved out.
            if let Some(inner) = Arc::get_mut(&mut cell.0) {
                for slot in inner.refs.iter_mut() {
                    if let Some(child) = slot.take() {
                        pending.push(child);
                    }
                }
                inner.ref_count = 0;
            }
        }
    }
}

impl Cell {
    /// Finalises a cell from its data bits and refs. `data` holds at least
    /// `bit_len` bits; bits past `bit_len` are ignored. Exotic cells are
    /// checked against the reference's rules; depth is limited to 1024.
    pub fn new(data: &[u8], bit_len: usize, refs: &[Cell], exotic: bool) -> CellResult<Cell> {
        if bit_len > MAX_BITS || refs.len() > MAX_REFS {
            return Err(CellError::Overflow);
        }
        let byte_len = bit_len.div_ceil(8);
        if data.len() < byte_len {
            return Err(CellError::Underflow);
        }
        let mut buf = [0u8; 128];
        buf[..byte_len].copy_from_slice(&data[..byte_len]);
        let mut slots: [Option<Cell>; MAX_REFS] = Default::default();
        for (slot, r) in slots.iter_mut().zip(refs) {
            *slot = Some(r.clone());
        }
        Cell::from_parts(buf, bit_len, slots, exotic)
    }

    /// Finalises a cell from an owned data buffer and ref slots (refs fill
    /// the first slots, in order). Used by builders and decoders to avoid copies.
    pub(crate) fn from_parts(
        mut data: [u8; 128],
        bit_len: usize,
        refs: [Option<Cell>; MAX_REFS],
        exotic: bool,
    ) -> CellResult<Cell> {
        if bit_len > MAX_BITS {
            return Err(CellError::Overflow);
        }
        if bit_len % 8 != 0 {
            data[bit_len / 8] &= 0xFFu8 << (8 - bit_len % 8);
        }
        let ref_count = refs.iter().take_while(|r| r.is_some()).count();
        let cell_type = if exotic { exotic_type(&data, bit_len)? } else { CellType::Ordinary };
        let level_mask = check_and_level(cell_type, &data, bit_len, &refs[..ref_count])?;
        // Hashed before the cell is put together, so the cell is moved into
        // its allocation once, complete.
        let hashes = compute_hashes(&data, bit_len, cell_type, level_mask, &refs[..ref_count])?;
        Ok(Cell(Arc::new(CellInner {
            refs,
            bit_len: bit_len as u16,
            repr_depth: hashes.repr_depth,
            ref_count: ref_count as u8,
            cell_type,
            level_mask,
            data,
            repr_hash: hashes.repr_hash,
            lower: hashes.lower,
        })))
    }

    /// The empty ordinary cell (no bits, no refs).
    pub fn empty() -> Cell {
        Cell::new(&[], 0, &[], false).expect("the empty cell is valid")
    }

    /// Representation hash (the hash at the highest level).
    #[inline]
    pub fn hash(&self) -> &HashBytes {
        &self.0.repr_hash
    }

    /// Depth at the highest level.
    #[inline]
    pub fn depth(&self) -> u16 {
        self.0.repr_depth
    }

    /// Hash at `level` (levels above the cell's level give the representation hash).
    pub fn hash_at(&self, level: u8) -> &HashBytes {
        let index = self.0.level_mask.hash_index(level.min(MAX_LEVEL));
        match self.0.lower.get(index) {
            Some((hash, _)) => hash,
            None => &self.0.repr_hash,
        }
    }

    /// Depth at `level`.
    pub fn depth_at(&self, level: u8) -> u16 {
        let index = self.0.level_mask.hash_index(level.min(MAX_LEVEL));
        match self.0.lower.get(index) {
            Some((_, depth)) => *depth,
            None => self.0.repr_depth,
        }
    }

    /// The cell's level mask.
    #[inline]
    pub fn level_mask(&self) -> LevelMask {
        self.0.level_mask
    }

    /// The cell's level (0..=3).
    #[inline]
    pub fn level(&self) -> u8 {
        self.0.level_mask.level()
    }

    /// The cell's kind.
    #[inline]
    pub fn cell_type(&self) -> CellType {
        self.0.cell_type
    }

    /// Whether the cell is exotic.
    #[inline]
    pub fn is_exotic(&self) -> bool {
        self.0.cell_type.is_exotic()
    }

    /// Number of data bits.
    #[inline]
    pub fn bit_len(&self) -> usize {
        self.0.bit_len as usize
    }

    /// The data bytes (`ceil(bit_len / 8)` of them, unused low bits zero).
    #[inline]
    pub fn data(&self) -> &[u8] {
        &self.0.data[..(self.0.bit_len as usize).div_ceil(8)]
    }

    /// The full 128-byte data buffer (zero past `bit_len`); lets readers
    /// fetch whole words without bounds juggling.
    #[inline]
    pub fn data_buffer(&self) -> &[u8; 128] {
        &self.0.data
    }

    /// Number of refs.
    #[inline]
    pub fn ref_count(&self) -> usize {
        self.0.ref_count as usize
    }

    /// The ref at `index`, if present.
    #[inline]
    pub fn reference(&self, index: usize) -> Option<&Cell> {
        self.0.refs.get(index).and_then(Option::as_ref)
    }

    /// Iterates over the refs in order.
    pub fn references(&self) -> impl Iterator<Item = &Cell> + '_ {
        self.0.refs[..self.ref_count()].iter().flatten()
    }

    /// First descriptor byte: refs + 8 * exotic + 32 * level mask.
    pub fn d1(&self) -> u8 {
        descriptor_d1(self.ref_count(), self.is_exotic(), self.0.level_mask)
    }

    /// Second descriptor byte: floor(bits / 8) + ceil(bits / 8).
    pub fn d2(&self) -> u8 {
        descriptor_d2(self.bit_len())
    }

    /// Whether two handles point at the same allocation.
    pub fn ptr_eq(a: &Cell, b: &Cell) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
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

fn exotic_type(data: &[u8; 128], bit_len: usize) -> CellResult<CellType> {
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
const DEPTH_BITS: usize = 16;

fn check_and_level(kind: CellType, data: &[u8; 128], bit_len: usize, refs: &[Option<Cell>]) -> CellResult<LevelMask> {
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
fn check_merkle_child(data: &[u8; 128], hash_at: usize, depth_at: usize, child: &Cell) -> CellResult<()> {
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
fn compute_hashes(
    data: &[u8; 128],
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
    let byte_len = bit_len.div_ceil(8);
    let ref_count = refs.len();

    // The hash input of one level, written into one stack buffer and hashed
    // in a single call: descriptors, data (or the previous level's hash),
    // child depths, child hashes.
    let mut preimage = [0u8; PREIMAGE_MAX];
    let mut computed: [(HashBytes, u16); 4] = [([0; 32], 0); 4];
    let mut computed_len = 0;
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
            preimage[2..2 + byte_len].copy_from_slice(&data[..byte_len]);
            if bit_len % 8 != 0 {
                // The completion tag: a one bit right after the data.
                preimage[1 + byte_len] |= 0x80 >> (bit_len % 8);
            }
            len += byte_len;
        } else {
            preimage[2..34].copy_from_slice(&computed[computed_len - 1].0);
            len += 32;
        }
        let child_level = (level + child_shift).min(MAX_LEVEL);
        let mut depth = 0u16;
        for r in refs.iter().flatten() {
            let child_depth = r.depth_at(child_level);
            depth = depth.max(child_depth + 1);
            preimage[len..len + 2].copy_from_slice(&child_depth.to_be_bytes());
            len += 2;
        }
        if depth > MAX_DEPTH {
            return Err(CellError::DepthTooBig);
        }
        for r in refs.iter().flatten() {
            preimage[len..len + 32].copy_from_slice(r.hash_at(child_level));
            len += 32;
        }
        computed[computed_len] = (Sha256::digest(&preimage[..len]).into(), depth);
        computed_len += 1;
    }

    let (repr_hash, repr_depth) = computed[computed_len - 1];
    let lower = if is_pruned {
        let stored = hash_count - 1;
        let depths_at = 2 + 32 * stored;
        (0..stored)
            .map(|i| {
                let mut hash = [0u8; 32];
                hash.copy_from_slice(&data[2 + 32 * i..2 + 32 * (i + 1)]);
                let depth = u16::from_be_bytes([data[depths_at + 2 * i], data[depths_at + 2 * i + 1]]);
                (hash, depth)
            })
            .collect()
    } else if computed_len > 1 {
        computed[..computed_len - 1].to_vec().into_boxed_slice()
    } else {
        Box::new([])
    };
    Ok(Hashes { repr_hash, repr_depth, lower })
}

/// The hashes and depths of a cell, as [`compute_hashes`] finds them.
struct Hashes {
    repr_hash: HashBytes,
    repr_depth: u16,
    lower: Box<[(HashBytes, u16)]>,
}
