//! Encoding, byte-identical to the reference serializer
//! (`BagOfCells::import_cells`, `reorder_cells`, `serialize_to`):
//!
//! 1. import: depth-first from each root, children left to right, cells
//!    numbered in post-order and deduplicated by representation hash;
//! 2. reorder: the reference's weight heuristic picks "heavy" cells and a
//!    three-phase walk (previsit, visit, allocate) fixes the final order;
//! 3. write: header, root list, optional index, cells, optional CRC32C.
//!
//! All walks use explicit stacks, so deep trees cannot overflow the call stack.

use super::header::MAGIC_GENERIC;
use super::BocError;
use crate::cell::{prefetch, CellRef};
use crate::{Cell, HashBytes, MAX_REFS};

/// Which optional parts to write. The default is the plain format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EncodeMode {
    /// Write the offset index (reference mode bit 1, header flag 0x80).
    pub index: bool,
    /// Append a CRC32C of the whole BoC (mode bit 2, flag 0x40).
    pub crc32c: bool,
    /// Store hashes and depths with the "heavy" cells (mode bit 8).
    pub int_hashes: bool,
    /// Mark cells referenced more than once in the index (mode bit 16,
    /// flag 0x20; needs `index`).
    pub cache_bits: bool,
}

impl EncodeMode {
    /// The plain format: no index, no CRC, no hashes, no cache bits.
    pub const PLAIN: EncodeMode = EncodeMode { index: false, crc32c: false, int_hashes: false, cache_bits: false };

    /// Converts the reference's `BagOfCells::Mode` bit set (1 WithIndex,
    /// 2 WithCRC32C, 4 WithTopHash, 8 WithIntHashes, 16 WithCacheBits).
    /// WithTopHash has no effect in the reference serializer, so it is ignored.
    pub fn from_reference_bits(mode: u32) -> EncodeMode {
        EncodeMode {
            index: mode & 1 != 0,
            crc32c: mode & 2 != 0,
            int_hashes: mode & 8 != 0,
            cache_bits: mode & 16 != 0,
        }
    }
}

/// Encodes one root in the reference's canonical layout.
pub fn encode(root: &Cell, mode: EncodeMode) -> Result<Vec<u8>, BocError> {
    encode_many(std::slice::from_ref(root), mode)
}

/// Encodes several roots (in this order; repeats are kept, as the reference does).
pub fn encode_many(roots: &[Cell], mode: EncodeMode) -> Result<Vec<u8>, BocError> {
    if roots.is_empty() {
        return Err(BocError::NoRoots);
    }
    if mode.cache_bits && !mode.index {
        return Err(BocError::CacheBitsWithoutIndex);
    }
    let spare = SPARE.try_with(|spare| spare.take()).ok().flatten().unwrap_or_default();
    let mut bag = Bag::import(roots, spare);
    bag.reorder();
    let out = bag.write(mode);
    if bag.nodes.len() <= SPARE_NODES_MAX {
        let spare = bag.into_spare();
        // Nothing to keep once the thread is being torn down.
        let _ = SPARE.try_with(|slot| slot.set(Some(spare)));
    }
    Ok(out)
}

/// Largest bag whose buffers are kept for the next encoding on the thread
/// (a few hundred KiB at most).
const SPARE_NODES_MAX: usize = 4096;

thread_local! {
    /// Buffers of the last (small) encoding on this thread, emptied: most
    /// bags are small, and then allocating the buffers cost about as much
    /// as the encoding itself.
    static SPARE: std::cell::Cell<Option<Spare>> = const { std::cell::Cell::new(None) };
}

/// The buffers of a [`Bag`], empty, ready for the next one.
#[derive(Default)]
struct Spare {
    nodes: Vec<Node<'static>>,
    post: Vec<u32>,
    roots: Vec<u32>,
    order: Vec<u32>,
    frames: Vec<Frame>,
    steps: Vec<Step>,
    index: CellIndex,
}

/// Empties a vector of nodes so its allocation can hold nodes of another
/// lifetime. (The standard library collects in place when the element
/// layouts match, which they do; if it ever did not, this would only
/// allocate.)
fn recycle<'b>(mut nodes: Vec<Node<'_>>) -> Vec<Node<'b>> {
    nodes.clear();
    nodes.into_iter().map(|_| unreachable!("the vector is empty")).collect()
}

/// Finds cells already reached, by hash, with one probe sequence per cell
/// reached; values are node ids. Open addressing with linear probing over
/// 8-byte entries (the first 32 bits of the hash, then the node id plus
/// one; zero is empty), kept at most half full, so a probe usually reads
/// one cache line. An equal tag is confirmed on the full hash, so crafted
/// tag collisions stay correct (only slower).
struct CellIndex {
    slots: Vec<u64>,
    len: usize,
}

impl Default for CellIndex {
    fn default() -> Self {
        CellIndex::with_capacity(32)
    }
}

/// The first 32 bits of a hash: the probe start and the entry tag.
#[inline]
fn hash_tag(hash: &HashBytes) -> u32 {
    u32::from_le_bytes([hash[0], hash[1], hash[2], hash[3]])
}

impl CellIndex {
    /// An empty index with room for about `cells` cells before it grows.
    fn with_capacity(cells: usize) -> Self {
        CellIndex { slots: vec![0; (cells * 2).next_power_of_two().max(16)], len: 0 }
    }

    /// The node of a cell equal to `cell` reached before, if any; otherwise
    /// `cell` is registered as node `new_id`. An equal cell reached before
    /// is always fully imported: a cell cannot contain itself.
    #[inline]
    fn reach(&mut self, cell: &Cell, new_id: u32, nodes: &[Node]) -> Option<u32> {
        let tag = hash_tag(cell.hash());
        let mask = self.slots.len() - 1;
        let mut at = tag as usize & mask;
        loop {
            let entry = self.slots[at];
            if entry == 0 {
                self.slots[at] = (u64::from(tag) << 32) | (u64::from(new_id) + 1);
                self.len += 1;
                if self.len * 2 > self.slots.len() {
                    self.grow();
                }
                return None;
            }
            if (entry >> 32) as u32 == tag {
                let id = (entry as u32).wrapping_sub(1);
                let other = &nodes[id as usize].cell;
                if Cell::ptr_eq(other, cell) || other.hash() == cell.hash() {
                    return Some(id);
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// Empties the table, keeping its size: only the slots of `nodes` (the
    /// cells it holds) are cleared, which is cheaper than the whole table
    /// when a big one is reused for a small bag.
    fn clear(&mut self, nodes: &[Node]) {
        let mask = self.slots.len() - 1;
        for (id, node) in nodes.iter().enumerate() {
            // Every node is in the table exactly once, somewhere after its
            // probe start; slots cleared before may have left gaps.
            let tag = hash_tag(node.cell.hash());
            let entry = (u64::from(tag) << 32) | (id as u64 + 1);
            let mut at = tag as usize & mask;
            for _ in 0..self.slots.len() {
                if self.slots[at] == entry {
                    self.slots[at] = 0;
                    self.len -= 1;
                    break;
                }
                at = (at + 1) & mask;
            }
        }
        if self.len != 0 {
            // Not the nodes this table was filled with: start afresh.
            debug_assert!(false, "the index held cells of other nodes");
            self.slots.fill(0);
            self.len = 0;
        }
    }

    /// Starts loading the slot where `cell`'s probe will start.
    #[inline]
    fn prefetch(&self, cell: &Cell) {
        let at = hash_tag(cell.hash()) as usize & (self.slots.len() - 1);
        prefetch(&self.slots[at]);
    }

    /// Doubles the table, placing every entry again by its tag.
    #[cold]
    fn grow(&mut self) {
        let mut slots = vec![0u64; self.slots.len() * 2];
        let mask = slots.len() - 1;
        for &entry in self.slots.iter().filter(|&&e| e != 0) {
            let mut at = (entry >> 32) as usize & mask;
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = entry;
        }
        self.slots = slots;
    }
}

/// Bags with at least this many nodes (a few hundred KiB of them) walk
/// with prefetching.
const FAR_APART_NODES: usize = 8192;

/// Highest weight a cell keeps before it counts as "heavy" (`max_cell_whs`).
const MAX_CELL_WEIGHT: i32 = 64;

/// A unique cell in the bag. Its id (position in `Bag::nodes`) is given
/// when the cell is first reached; `Bag::post` lists the ids in import
/// order (post-order, as the reference numbers cells).
struct Node<'a> {
    cell: CellRef<'a>,
    /// Children: node ids until the visit phase rewrites them to final indexes.
    refs: [u32; MAX_REFS],
    ref_count: u8,
    /// Weight; 0 after reordering marks a heavy cell (stored with hashes).
    weight: u8,
    /// Referenced more than once (by cells or the root list).
    should_cache: bool,
    /// Walk state: -1 new, -2 previsited, -3 visited, >= 0 final position.
    new_index: i32,
}

impl<'a> Node<'a> {
    /// A node for a newly reached cell, its children still to come.
    fn new(cell: CellRef<'a>) -> Self {
        Node {
            cell,
            refs: [0; MAX_REFS],
            ref_count: cell.ref_count() as u8,
            weight: 0,
            should_cache: false,
            new_index: -1,
        }
    }

    fn is_heavy(&self) -> bool {
        self.weight == 0
    }
}

/// One step of the reordering walk (each is one call of the reference's `revisit`,
/// or the code that runs after its recursive calls).
#[derive(Clone, Copy)]
enum Step {
    /// `revisit(x, 0)`.
    Previsit(u32),
    /// `revisit(x, 1)`.
    Visit(u32),
    /// A previsit's call on a child: `revisit(x, 1)` if `x` is heavy, else
    /// `revisit(x, 0)`. Deciding when the step runs, rather than when it is
    /// pushed, gives the child's node time to load.
    Descend(u32),
    /// End of a previsit: mark the cell previsited.
    MarkPrevisited(u32),
    /// End of a visit: allocate the children (last first), mark the cell visited.
    FinishVisit(u32),
}

struct Bag<'a> {
    /// The unique cells, by id (the order they were first reached).
    nodes: Vec<Node<'a>>,
    /// Node ids in import order (post-order: children before parents).
    post: Vec<u32>,
    /// Node id of each root, then its final index after reordering.
    roots: Vec<u32>,
    /// Node ids in final order (position = final index).
    order: Vec<u32>,
    /// Sum of the plain serialized sizes of the unique cells (no refs, no hashes).
    data_bytes: u64,
    /// References between unique cells.
    internal_refs: u64,
    /// Hashes stored when heavy cells carry theirs.
    internal_hashes: u64,
    /// The cells reached so far (import only).
    index: CellIndex,
    /// Buffers of the import and reorder walks, kept for the next bag.
    frames: Vec<Frame>,
    steps: Vec<Step>,
}

/// A cell being imported: its node, how many refs are done (their ids go
/// straight into the node) and the running weight sum.
struct Frame {
    node: u32,
    next: usize,
    weight_sum: u32,
}

/// Starts loading a newly reached cell's children, which the walk visits
/// next: their loads overlap instead of waiting one after another.
#[inline]
fn prefetch_refs(cell: &Cell) {
    for child in cell.refs() {
        child.prefetch();
    }
}

/// Bytes of a cell's descriptors and data.
fn plain_size(cell: &Cell) -> u64 {
    2 + cell.bit_len().div_ceil(8) as u64
}

impl<'a> Bag<'a> {
    /// Depth-first post-order import with deduplication by hash, in the
    /// buffers of `spare`.
    fn import(roots: &'a [Cell], spare: Spare) -> Bag<'a> {
        let mut bag = Bag {
            nodes: recycle(spare.nodes),
            post: spare.post,
            roots: spare.roots,
            order: spare.order,
            steps: spare.steps,
            index: spare.index,
            frames: Vec::new(),
            data_bytes: 0,
            internal_refs: 0,
            internal_hashes: 0,
        };
        let seen = &mut bag.index;
        let mut stack = spare.frames;
        for root in roots {
            let new_id = bag.nodes.len() as u32;
            if let Some(id) = seen.reach(root, new_id, &bag.nodes) {
                bag.nodes[id as usize].should_cache = true;
                bag.roots.push(id);
                continue;
            }
            prefetch_refs(root);
            bag.nodes.push(Node::new(CellRef::new(root)));
            bag.roots.push(new_id);
            stack.push(Frame { node: new_id, next: 0, weight_sum: 1 });
            while let Some(top) = stack.last_mut() {
                let cell = bag.nodes[top.node as usize].cell;
                if let Some(child) = cell.refs().get(top.next) {
                    // The next sibling's header was loaded when its parent
                    // was reached: start loading its table slot, which is
                    // needed after this child's subtree.
                    if let Some(sibling) = cell.refs().get(top.next + 1) {
                        seen.prefetch(sibling);
                    }
                    let new_id = bag.nodes.len() as u32;
                    match seen.reach(child, new_id, &bag.nodes) {
                        Some(id) => {
                            let node = &mut bag.nodes[id as usize];
                            node.should_cache = true;
                            top.weight_sum += u32::from(node.weight);
                            bag.nodes[top.node as usize].refs[top.next] = id;
                            top.next += 1;
                            bag.internal_refs += 1;
                        }
                        None => {
                            prefetch_refs(child);
                            bag.nodes.push(Node::new(CellRef::new(child)));
                            stack.push(Frame { node: new_id, next: 0, weight_sum: 1 });
                        }
                    }
                    continue;
                }
                let (id, weight) = (top.node, top.weight_sum.min(255) as u8);
                stack.pop();
                bag.nodes[id as usize].weight = weight;
                bag.post.push(id);
                bag.data_bytes += plain_size(&cell);
                if let Some(parent) = stack.last_mut() {
                    bag.nodes[parent.node as usize].refs[parent.next] = id;
                    parent.weight_sum += u32::from(weight);
                    parent.next += 1;
                    bag.internal_refs += 1;
                }
            }
        }
        bag.frames = stack;
        bag
    }

    /// Empties the bag's buffers for the next encoding.
    fn into_spare(mut self) -> Spare {
        self.index.clear(&self.nodes);
        self.post.clear();
        self.roots.clear();
        self.order.clear();
        self.steps.clear();
        Spare {
            nodes: recycle(self.nodes),
            post: self.post,
            roots: self.roots,
            order: self.order,
            frames: self.frames,
            steps: self.steps,
            index: self.index,
        }
    }

    /// The reference's `reorder_cells`: cap child weights, mark heavy cells,
    /// then walk from the roots to fix the final order.
    fn reorder(&mut self) {
        let nodes = &mut self.nodes;
        for &i in self.post.iter().rev() {
            let i = i as usize;
            let refs = nodes[i].refs;
            let s = i32::from(nodes[i].ref_count);
            let mut c = s;
            let mut sum = MAX_CELL_WEIGHT - 1;
            let mut light = 0u32;
            for j in 0..s {
                let w = i32::from(nodes[refs[j as usize] as usize].weight);
                if w <= (MAX_CELL_WEIGHT - 1 + j) / s {
                    sum -= w;
                    c -= 1;
                    light |= 1 << j;
                }
            }
            if c != 0 {
                for j in 0..s {
                    if light & (1 << j) == 0 {
                        let child = &mut nodes[refs[j as usize] as usize];
                        let limit = sum / c;
                        sum += 1;
                        if i32::from(child.weight) > limit {
                            child.weight = limit as u8;
                        }
                    }
                }
            }
        }
        for &i in &self.post {
            let i = i as usize;
            let node = &nodes[i];
            let sum: i32 = 1 + node.refs[..usize::from(node.ref_count)]
                .iter()
                .map(|&r| i32::from(nodes[r as usize].weight))
                .sum::<i32>();
            let node = &mut nodes[i];
            if sum <= i32::from(node.weight) {
                node.weight = sum as u8;
            } else {
                node.weight = 0;
                self.internal_hashes += node.cell.level_mask().hash_count() as u64;
            }
        }

        self.order.reserve(self.nodes.len());
        let mut steps = std::mem::take(&mut self.steps);
        for r in 0..self.roots.len() {
            let root = self.roots[r];
            self.run(Step::Previsit(root), &mut steps);
            self.run(Step::Visit(root), &mut steps);
        }
        self.steps = steps;
        for r in 0..self.roots.len() {
            self.roots[r] = self.allocate(self.roots[r]);
        }
    }

    /// Runs one `revisit` call to completion with an explicit stack. Steps
    /// are pushed in reverse so they run in the order of the recursive code.
    fn run(&mut self, first: Step, steps: &mut Vec<Step>) {
        // In a big bag nodes are far apart in memory: a child's node is
        // then read when its step runs, not when it is pushed.
        let far_apart = self.nodes.len() >= FAR_APART_NODES;
        steps.push(first);
        while let Some(step) = steps.pop() {
            match step {
                Step::Previsit(x) => {
                    let node = &self.nodes[x as usize];
                    if node.new_index != -1 {
                        continue; // previsited, visited or allocated
                    }
                    steps.push(Step::MarkPrevisited(x));
                    // Children last to first: push the first one deepest.
                    for &child in &node.refs[..usize::from(node.ref_count)] {
                        if far_apart {
                            prefetch(&self.nodes[child as usize]);
                            steps.push(Step::Descend(child));
                        } else {
                            let heavy = self.nodes[child as usize].is_heavy();
                            steps.push(if heavy { Step::Visit(child) } else { Step::Previsit(child) });
                        }
                    }
                }
                Step::Descend(x) => {
                    let heavy = self.nodes[x as usize].is_heavy();
                    steps.push(if heavy { Step::Visit(x) } else { Step::Previsit(x) });
                }
                Step::Visit(x) => {
                    let node = &self.nodes[x as usize];
                    if node.new_index >= 0 || node.new_index == -3 {
                        continue;
                    }
                    steps.push(Step::FinishVisit(x));
                    for &child in &node.refs[..usize::from(node.ref_count)] {
                        prefetch(&self.nodes[child as usize]);
                        steps.push(Step::Visit(child));
                    }
                    if node.is_heavy() {
                        steps.push(Step::Previsit(x));
                    }
                }
                Step::MarkPrevisited(x) => self.nodes[x as usize].new_index = -2,
                Step::FinishVisit(x) => {
                    let count = usize::from(self.nodes[x as usize].ref_count);
                    for j in (0..count).rev() {
                        let child = self.nodes[x as usize].refs[j];
                        self.nodes[x as usize].refs[j] = self.allocate(child);
                    }
                    self.nodes[x as usize].new_index = -3;
                }
            }
        }
    }

    /// `revisit(x, 2)`: gives the cell its final index, once.
    fn allocate(&mut self, x: u32) -> u32 {
        let node = &mut self.nodes[x as usize];
        if node.new_index >= 0 {
            return node.new_index as u32;
        }
        let index = self.order.len() as u32;
        node.new_index = index as i32;
        self.order.push(x);
        index
    }

    /// Serializes the reordered bag.
    fn write(&self, mode: EncodeMode) -> Vec<u8> {
        let cell_count = self.nodes.len();
        let ref_size = bytes_for(cell_count as u64);
        let hash_bytes = if mode.int_hashes { self.internal_hashes * 34 } else { 0 };
        let data_size = self.data_bytes + self.internal_refs * ref_size as u64 + hash_bytes;
        let max_offset = if mode.cache_bits { data_size * 2 } else { data_size };
        let offset_size = bytes_for(max_offset);

        let header_len = 6 + 3 * ref_size + offset_size + self.roots.len() * ref_size;
        let index_len = if mode.index { cell_count * offset_size } else { 0 };
        let total = header_len + index_len + data_size as usize + if mode.crc32c { 4 } else { 0 };
        let mut out = Vec::with_capacity(total);

        out.extend_from_slice(&MAGIC_GENERIC.to_be_bytes());
        let mut flags = ref_size as u8;
        if mode.index {
            flags |= 0x80;
        }
        if mode.crc32c {
            flags |= 0x40;
        }
        if mode.cache_bits {
            flags |= 0x20;
        }
        out.push(flags);
        out.push(offset_size as u8);
        write_be(&mut out, cell_count as u64, ref_size);
        write_be(&mut out, self.roots.len() as u64, ref_size);
        write_be(&mut out, 0, ref_size); // absent cells
        write_be(&mut out, data_size, offset_size);
        // Final index i is BoC cell `cell_count - 1 - i`: the last allocated comes first.
        let boc_index = |final_index: u32| (cell_count - 1 - final_index as usize) as u64;
        for &root in &self.roots {
            write_be(&mut out, boc_index(root), ref_size);
        }

        let stores_hashes = |node: &Node| mode.int_hashes && node.is_heavy();
        if mode.index {
            let mut end = 0u64;
            for &x in self.order.iter().rev() {
                let node = &self.nodes[x as usize];
                end += plain_size(&node.cell) + u64::from(node.ref_count) * ref_size as u64;
                if stores_hashes(node) {
                    end += node.cell.level_mask().hash_count() as u64 * 34;
                }
                let entry = if mode.cache_bits { end * 2 + u64::from(node.should_cache) } else { end };
                write_be(&mut out, entry, offset_size);
            }
        }
        for (i, &x) in self.order.iter().rev().enumerate() {
            // Nodes and cells are scattered in memory: start loading a node
            // a few steps ahead, and its cell once the node is at hand.
            let ahead = |distance: usize| self.order.len().checked_sub(i + 1 + distance).map(|at| self.order[at]);
            if let Some(node) = ahead(2 * WRITE_PREFETCH) {
                prefetch(&self.nodes[node as usize]);
            }
            if let Some(node) = ahead(WRITE_PREFETCH) {
                self.nodes[node as usize].cell.prefetch();
            }
            let node = &self.nodes[x as usize];
            write_cell(&mut out, &node.cell, stores_hashes(node));
            for &child in &node.refs[..usize::from(node.ref_count)] {
                write_be(&mut out, boc_index(child), ref_size);
            }
        }
        if mode.crc32c {
            let crc = crc32c::crc32c(&out);
            out.extend_from_slice(&crc.to_le_bytes());
        }
        debug_assert_eq!(out.len(), total);
        out
    }
}

/// How many cells ahead the write pass starts loading a cell.
const WRITE_PREFETCH: usize = 8;

/// Fewest bytes that hold `value` (the reference's size choice: `value < 256^n`).
fn bytes_for(value: u64) -> usize {
    let mut n = 0;
    while n < 8 && value >> (8 * n) != 0 {
        n += 1;
    }
    n
}

/// Appends the low `len` bytes of `value`, big-endian.
#[inline]
fn write_be(out: &mut Vec<u8>, value: u64, len: usize) {
    // Fixed lengths for the common sizes: each is a plain store, not a
    // variable-length copy.
    match len {
        1 => out.push(value as u8),
        2 => out.extend_from_slice(&(value as u16).to_be_bytes()),
        3 => out.extend_from_slice(&(value as u32).to_be_bytes()[1..]),
        4 => out.extend_from_slice(&(value as u32).to_be_bytes()),
        _ => out.extend_from_slice(&value.to_be_bytes()[8 - len..]),
    }
}

/// Appends a cell's descriptors, optional hashes and depths, and data with
/// its completion tag.
fn write_cell(out: &mut Vec<u8>, cell: &Cell, with_hashes: bool) {
    out.push(cell.d1() | if with_hashes { 16 } else { 0 });
    out.push(cell.d2());
    if with_hashes {
        let mask = cell.level_mask();
        let levels = (0..=mask.level()).filter(|&l| mask.is_significant(l));
        for level in levels.clone() {
            out.extend_from_slice(cell.hash_at(level));
        }
        for level in levels {
            out.extend_from_slice(&cell.depth_at(level).to_be_bytes());
        }
    }
    out.extend_from_slice(cell.data());
    let bit_len = cell.bit_len();
    if !bit_len.is_multiple_of(8) {
        let last = out.len() - 1;
        out[last] |= 0x80 >> (bit_len % 8);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two different cells whose hashes share the tag are still told apart.
    #[test]
    fn tag_collisions_fall_back_to_full_hashes() {
        let a = Cell::new(&[1], 8, &[], false).unwrap();
        let b = Cell::new(&[2], 8, &[], false).unwrap();
        let b_again = Cell::new(&[2], 8, &[], false).unwrap();
        let mut index = CellIndex::with_capacity(4);
        let mut nodes = vec![Node::new(CellRef::new(&a))];
        // Pretend `a` owns `b`'s tag, as a crafted collision would.
        let mask = index.slots.len() - 1;
        index.slots[hash_tag(b.hash()) as usize & mask] = (u64::from(hash_tag(b.hash())) << 32) | 1;
        index.len = 1;
        assert_eq!(index.reach(&b, 1, &nodes), None);
        nodes.push(Node::new(CellRef::new(&b)));
        assert_eq!(index.reach(&b_again, 2, &nodes), Some(1));
        assert_eq!(index.reach(&b, 2, &nodes), Some(1));
        assert_eq!(index.len, 2);
    }

    /// The table keeps every entry findable as it grows.
    #[test]
    fn the_index_grows_without_losing_cells() {
        let cells: Vec<Cell> = (0..1000u32).map(|i| Cell::new(&i.to_be_bytes(), 32, &[], false).unwrap()).collect();
        let mut index = CellIndex::with_capacity(1);
        let mut nodes = Vec::new();
        for (id, cell) in cells.iter().enumerate() {
            assert_eq!(index.reach(cell, id as u32, &nodes), None);
            nodes.push(Node::new(CellRef::new(cell)));
        }
        for (id, cell) in cells.iter().enumerate() {
            let again = Cell::new(cell.data(), 32, &[], false).unwrap();
            assert_eq!(index.reach(&again, 9999, &nodes), Some(id as u32));
        }
        assert!(index.slots.len() >= 2000);
    }

    /// Buffers kept from one encoding do not change the next one's bytes,
    /// whatever the sizes, and their index is left empty; big bags' buffers
    /// are not kept.
    #[test]
    fn kept_buffers_encode_like_fresh_ones() {
        // `leaves` distinct leaves under a 4-ary tree of joining cells.
        let wide = |leaves: u32, salt: u8| {
            let mut level: Vec<Cell> =
                (0..leaves).map(|i| Cell::new(&[salt, (i >> 8) as u8, i as u8], 24, &[], false).unwrap()).collect();
            while level.len() > 1 {
                level = level.chunks(4).map(|refs| Cell::new(&[salt], 8, refs, false).unwrap()).collect();
            }
            level.pop().unwrap()
        };
        let trees = [wide(3, 1), wide(900, 2), wide(5, 3), wide(6000, 4), wide(2, 5), wide(3, 1)];
        let fresh: Vec<Vec<u8>> = std::thread::scope(|scope| {
            trees.iter().map(|t| scope.spawn(|| encode(t, EncodeMode::PLAIN).unwrap()).join().unwrap()).collect()
        });
        for (tree, expected) in trees.iter().zip(&fresh) {
            assert_eq!(&encode(tree, EncodeMode::PLAIN).unwrap(), expected);
            let kept = SPARE.with(|slot| slot.take());
            let big = expected.len() > 20_000;
            assert_eq!(kept.is_none(), big, "buffers are kept exactly for small bags");
            if let Some(spare) = kept {
                assert!(spare.index.slots.iter().all(|&e| e == 0) && spare.nodes.is_empty());
                // The node allocation itself is kept (collected in place).
                assert!(spare.nodes.capacity() >= 2);
                SPARE.with(|slot| slot.set(Some(spare)));
            }
        }
        assert_eq!(fresh[0], fresh[5]);
    }

    #[test]
    fn size_fields_use_the_fewest_bytes() {
        assert_eq!([0, 1, 255, 256, 65535, 65536, u64::MAX].map(bytes_for), [0, 1, 1, 2, 2, 3, 8]);
    }
}
