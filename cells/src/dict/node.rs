//! Node-level helpers shared by all dictionary operations: loading a node
//! through the context, and building leaves, forks and re-labelled nodes.

use crate::dict::context::CellContext;
use crate::dict::error::{DictError, DictResult};
use crate::dict::label::{self, Check, Label};
use crate::{Cell, CellBuilder, CellSlice};

/// A value to store in a dictionary.
#[derive(Clone, Copy, Debug)]
pub enum DictValue<'a> {
    /// The bits and refs a slice shows (TVM `DICTSET`).
    Slice(&'a CellSlice),
    /// One ref and no bits (TVM `DICTSETREF`).
    Ref(&'a Cell),
    /// Everything a builder holds (TVM `DICTSETB`).
    Builder(&'a CellBuilder),
}

impl DictValue<'_> {
    /// Appends the value after a node's label.
    pub(crate) fn store_into(&self, b: &mut CellBuilder) -> DictResult<()> {
        let stored = match self {
            DictValue::Slice(s) => b.store_slice(s).map(|_| ()),
            DictValue::Ref(c) => b.store_reference((*c).clone()).map(|_| ()),
            DictValue::Builder(v) => b.store_builder(v).map(|_| ()),
        };
        stored.map_err(|_| DictError::CellOverflow("cannot store new value into a dictionary cell"))
    }
}

/// Reads a value stored as a single ref, as the `*REF` instructions want it.
pub fn value_to_ref(value: &CellSlice) -> DictResult<Cell> {
    if value.remaining_bits() == 0 && value.remaining_refs() == 1 {
        value.preload_reference(0).map_err(|_| DictError::Invalid("dictionary value is missing"))
    } else {
        Err(DictError::Invalid("dictionary value does not consist of exactly one reference"))
    }
}

/// Loads `cell` through the context and parses its label for an edge of at
/// most `max_len` bits (the reference's `LabelParser` on a `Ref<Cell>`).
#[inline]
pub(crate) fn load<C: CellContext + ?Sized>(
    ctx: &mut C,
    cell: &Cell,
    max_len: usize,
    check: Check,
) -> DictResult<(Cell, Label)> {
    let cell = ctx.load_cell(cell)?.unwrap_or_else(|| cell.clone());
    let label = label::parse(&cell, max_len, check)?;
    Ok((cell, label))
}

/// A node being read: borrowed from the tree while no cell on the way was
/// replaced by the context, owned below a replaced (library) cell.
pub(crate) enum NodeRef<'a> {
    Borrowed(&'a Cell),
    Owned(Cell),
}

impl<'a> NodeRef<'a> {
    /// The cell to read.
    #[inline]
    pub fn cell(&self) -> &Cell {
        match self {
            NodeRef::Borrowed(c) => c,
            NodeRef::Owned(c) => c,
        }
    }

    /// Loads the node through the context (as [`load`], without cloning
    /// ordinary cells) and parses its label.
    #[inline(always)]
    pub fn load<C: CellContext + ?Sized>(
        self,
        ctx: &mut C,
        max_len: usize,
        check: Check,
    ) -> DictResult<(NodeRef<'a>, Label)> {
        let node = match ctx.load_cell(self.cell())? {
            Some(target) => NodeRef::Owned(target),
            None => self,
        };
        let label = label::parse(node.cell(), max_len, check)?;
        Ok((node, label))
    }

    /// The child on side `bit`, borrowed when this node is.
    #[inline]
    pub fn child(&self, bit: bool) -> DictResult<NodeRef<'a>> {
        match self {
            NodeRef::Borrowed(c) => {
                let c: &'a Cell = c;
                c.reference(bit as usize).map(NodeRef::Borrowed)
            }
            NodeRef::Owned(c) => c.reference(bit as usize).cloned().map(NodeRef::Owned),
        }
        .ok_or(DictError::Invalid("invalid dictionary fork node"))
    }
}

/// The child of a fork on side `bit`, borrowed.
#[inline(always)]
pub(crate) fn child_ref(fork: &Cell, bit: bool) -> DictResult<&Cell> {
    fork.reference(bit as usize).ok_or(DictError::Invalid("invalid dictionary fork node"))
}

/// The child of a fork on side `bit`.
#[inline]
pub(crate) fn child(fork: &Cell, bit: bool) -> DictResult<Cell> {
    fork.reference(bit as usize).cloned().ok_or(DictError::Invalid("invalid dictionary fork node"))
}

/// Finalises a node, charging the context first as the reference does.
#[inline]
pub(crate) fn finish<C: CellContext + ?Sized>(ctx: &mut C, b: CellBuilder) -> DictResult<Cell> {
    ctx.on_create()?;
    b.into_cell(false).map_err(|e| DictError::from_build(e, "cannot create a dictionary cell"))
}

/// Appends the payload of an old node (its bits after the label and all its refs).
pub(crate) fn store_payload(b: &mut CellBuilder, payload: &CellSlice, what: &'static str) -> DictResult<()> {
    b.store_slice(payload).map(|_| ()).map_err(|_| DictError::CellOverflow(what))
}

/// Orders a new child and its untouched sibling as the refs of a fork: the
/// new child goes on side `bit`.
#[inline]
pub(crate) fn ordered(new_child: Cell, sibling: Cell, bit: bool) -> (Cell, Cell) {
    if bit {
        (sibling, new_child)
    } else {
        (new_child, sibling)
    }
}
