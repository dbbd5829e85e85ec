//! Code layout: filling cells with encoded instructions, continuing in a new
//! cell (referenced from the end of the full one) when an instruction does
//! not fit, as the Fift assembler does, and recording where each instruction
//! landed (the debug side table).

use std::ops::Range;

use gram_cells::{Cell, CellBuilder, CellError, HashBytes};

/// One debug mark: an instruction at bit `bit` of cell `cell` came from `span`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DebugEntry {
    /// Representation hash of the code cell.
    pub cell: HashBytes,
    /// Bit offset of the instruction in that cell's data.
    pub bit: usize,
    /// Byte range of the source it came from.
    pub span: Range<usize>,
}

/// Code position to source position map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DebugTable {
    /// Marks in the order instructions were placed.
    pub entries: Vec<DebugEntry>,
}

impl DebugTable {
    /// Records the marks of a builder that became (part of) cell `cell`, its
    /// bits starting at `offset` in that cell's data.
    pub fn record(&mut self, cell: &Cell, offset: usize, marks: &[Mark]) {
        for (bit, span) in marks {
            self.entries.push(DebugEntry { cell: *cell.hash(), bit: bit + offset, span: span.clone() });
        }
    }

    /// The source span of the instruction at bit `bit` of the cell with hash `cell`.
    pub fn lookup(&self, cell: &HashBytes, bit: usize) -> Option<Range<usize>> {
        self.entries.iter().find(|e| &e.cell == cell && e.bit == bit).map(|e| e.span.clone())
    }
}

/// A debug mark inside one builder: bit offset and source span.
pub type Mark = (usize, Range<usize>);

/// A chain of cell builders for one block of code: the last one is being
/// filled; each earlier one ends with a ref to the next when finished.
pub struct BlockBuilder {
    chain: Vec<(CellBuilder, Vec<Mark>)>,
    /// Bits reserved at the start of the first cell (removed again by [`BlockBuilder::finish`]).
    reserved: usize,
    exotic: bool,
    split: bool,
}

impl Default for BlockBuilder {
    fn default() -> Self {
        BlockBuilder::new()
    }
}

impl BlockBuilder {
    /// An empty block.
    pub fn new() -> BlockBuilder {
        BlockBuilder { chain: vec![(CellBuilder::new(), Vec::new())], reserved: 0, exotic: false, split: false }
    }

    /// An empty block whose first cell has `bits` fewer bits available (the
    /// Fift assembler starts procedure bodies with 32 zero bits and cuts them
    /// off at the end, so a body's first cell holds at most 991 bits of code).
    pub fn with_reserved(bits: usize) -> BlockBuilder {
        let mut b = BlockBuilder::new();
        // 32 bits always fit into an empty builder.
        let _ = b.chain[0].0.store_zeros(bits);
        b.reserved = bits;
        b
    }

    /// Marks the block's (first) cell as exotic.
    pub fn set_exotic(&mut self) {
        self.exotic = true;
    }

    /// The builder being filled.
    pub fn current(&self) -> &CellBuilder {
        &self.chain.last().expect("chain is never empty").0
    }

    /// Whether the block was continued in a new cell at least once.
    pub fn was_split(&self) -> bool {
        self.split
    }

    /// Whether `bits` and `refs` fit in the current cell leaving one ref free
    /// (for a later continuation), the Fift assembler's rule.
    pub fn fits(&self, bits: usize, refs: usize) -> bool {
        let cur = self.current();
        cur.spare_bits() >= bits && cur.spare_refs() > refs
    }

    /// Continues the block in a new cell.
    pub fn split(&mut self) {
        self.split = true;
        self.chain.push((CellBuilder::new(), Vec::new()));
    }

    /// Splits unless `bits` and `refs` fit (Fift's `@ensurebitrefs`).
    pub fn ensure(&mut self, bits: usize, refs: usize) {
        if !self.fits(bits, refs) {
            self.split();
        }
    }

    /// Appends an encoded instruction at the current position, recording `span`.
    pub fn append(&mut self, chunk: &CellBuilder, span: Option<Range<usize>>) -> Result<(), CellError> {
        let (b, marks) = self.chain.last_mut().expect("chain is never empty");
        let at = b.bit_len();
        b.store_builder(chunk)?;
        if let Some(span) = span {
            marks.push((at, span));
        }
        Ok(())
    }

    /// Appends with Fift's rule: split first unless it fits with a ref to spare.
    pub fn append_fitting(&mut self, chunk: &CellBuilder, span: Option<Range<usize>>) -> Result<(), CellError> {
        self.ensure(chunk.bit_len(), chunk.ref_count());
        self.append(chunk, span)
    }

    /// Appends a builder whose own marks are relative to its start, placed
    /// `header` bits after the current position (an inline continuation).
    pub fn append_marked(&mut self, chunk: &CellBuilder, header: usize, inner: &[Mark]) -> Result<(), CellError> {
        let (b, marks) = self.chain.last_mut().expect("chain is never empty");
        let at = b.bit_len() + header;
        b.store_builder(chunk)?;
        marks.extend(inner.iter().map(|(bit, span)| (bit + at, span.clone())));
        Ok(())
    }

    /// Folds the later cells of the chain into refs (recording their marks in
    /// `table`) and returns the first builder, still open, with its marks.
    pub fn finish_builder(mut self, table: &mut DebugTable) -> Result<(CellBuilder, Vec<Mark>), CellError> {
        let mut next: Option<Cell> = None;
        while self.chain.len() > 1 {
            let (mut b, marks) = self.chain.pop().expect("len > 1");
            if let Some(cell) = next.take() {
                b.store_reference(cell)?;
            }
            let cell = b.build()?;
            for (bit, span) in marks {
                table.entries.push(DebugEntry { cell: *cell.hash(), bit, span });
            }
            next = Some(cell);
        }
        let (mut b, marks) = self.chain.pop().expect("chain is never empty");
        if let Some(cell) = next {
            b.store_reference(cell)?;
        }
        Ok((b, marks))
    }

    /// Builds the cells from the last to the first and returns the first;
    /// debug marks go to `table`.
    pub fn finish(mut self, table: &mut DebugTable) -> Result<Cell, CellError> {
        let mut next: Option<Cell> = None;
        while let Some((mut b, marks)) = self.chain.pop() {
            if let Some(cell) = next.take() {
                b.store_reference(cell)?;
            }
            let first = self.chain.is_empty();
            let (cell, shift) = if first && self.reserved > 0 {
                let full = b.build()?;
                let mut s = full.as_slice();
                s.skip_bits(self.reserved)?;
                (s.to_cell()?, self.reserved)
            } else {
                (b.finalize(first && self.exotic)?, 0)
            };
            for (bit, span) in marks {
                table.entries.push(DebugEntry { cell: *cell.hash(), bit: bit.saturating_sub(shift), span });
            }
            next = Some(cell);
        }
        Ok(next.expect("chain is never empty"))
    }
}

impl DebugTable {
    /// Inline continuations (`PUSHCONT { ... }`) are assembled as cells of
    /// their own and then copied into their parent: moves the marks recorded
    /// for such content cells to where the content landed inside `root`'s tree.
    pub fn resolve_inline(&mut self, root: &Cell) {
        let mut seen = std::collections::HashSet::new();
        self.walk(root, &mut seen);
    }

    fn walk(&mut self, cell: &Cell, seen: &mut std::collections::HashSet<HashBytes>) {
        if !seen.insert(*cell.hash()) || cell.is_exotic() {
            return;
        }
        let mut s = cell.as_slice();
        loop {
            let Some(d) = crate::instr::decode_one(&s) else {
                // Bytes the reference decodes but rejects at run time: code goes on after them.
                match crate::rejected::decode_rejected(&s) {
                    Some(r) if s.skip_bits(r.bits).is_ok() => continue,
                    _ => break,
                }
            };
            let pos = s.bit_offset();
            for (op, arg) in d.def.operands.iter().zip(&d.args) {
                match (op, arg) {
                    (crate::spec::OperandDef::Subslice { hint, .. }, crate::instr::Arg::Slice(c))
                        if hint.continuation =>
                    {
                        // Resolve the content's own inline parts first, then lift them here.
                        self.walk(c, seen);
                        let header = d.bits.saturating_sub(c.bit_len());
                        let lifted: Vec<DebugEntry> = self
                            .entries
                            .iter()
                            .filter(|e| &e.cell == c.hash())
                            .map(|e| DebugEntry { cell: *cell.hash(), bit: pos + header + e.bit, span: e.span.clone() })
                            .collect();
                        self.entries.extend(lifted);
                    }
                    (_, crate::instr::Arg::Cell(c)) => self.walk(c, seen),
                    _ => {}
                }
            }
            if s.skip_bits(d.bits).is_err() || s.skip_refs(d.refs).is_err() {
                break;
            }
        }
        for i in 0..s.remaining_refs() {
            if let Ok(r) = s.preload_reference(i) {
                self.walk(&r, seen);
            }
        }
    }
}
