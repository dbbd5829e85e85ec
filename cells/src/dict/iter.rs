//! Iteration over all entries in key order (unsigned or signed, forwards or
//! backwards), loading each node once through the context.

use crate::dict::context::CellContext;
use crate::dict::dictionary::Dictionary;
use crate::dict::error::DictResult;
use crate::dict::key::DictKey;
use crate::dict::label::Check;
use crate::dict::node::{child, load};
use crate::dict::order::Direction;
use crate::{Cell, CellSlice};

/// Iterator over `(key, value)` entries; see [`Dictionary::iter`]. After an
/// error (a malformed node) it yields that error once and then stops.
pub struct DictIter<'c, C: CellContext + ?Sized> {
    ctx: &'c mut C,
    key: DictKey,
    first_branch: Direction,
    /// Subtrees still to visit, the next one last: the cell, the key bit
    /// position of the branch leading to it, and that bit.
    pending: Vec<(Cell, usize, bool)>,
    root: Option<Cell>,
    done: bool,
}

impl Dictionary {
    /// Iterates over the entries in key order: unsigned or `signed`
    /// (two's complement), ascending or `reverse`.
    pub fn iter<'c, C: CellContext + ?Sized>(&self, reverse: bool, signed: bool, ctx: &'c mut C) -> DictIter<'c, C> {
        DictIter {
            ctx,
            key: DictKey::zeros(self.key_bits()).unwrap_or_else(|| DictKey::zeros(0).expect("empty key")),
            first_branch: Direction::new(reverse, signed),
            pending: Vec::new(),
            root: self.root().cloned(),
            done: false,
        }
    }
}

impl<C: CellContext + ?Sized> DictIter<'_, C> {
    /// Goes down from `cell` (edge starting at key bit `pos`) to the first
    /// leaf in iteration order, remembering the other side of each fork.
    fn descend(&mut self, mut cell: Cell, mut pos: usize) -> DictResult<(DictKey, CellSlice)> {
        let n = self.key.len();
        loop {
            let (node, label) = load(self.ctx, &cell, n - pos, Check::Fork)?;
            label.copy_to(&node, &mut self.key, pos);
            pos += label.len;
            if pos == n {
                return Ok((self.key.clone(), label.payload(&node)));
            }
            let first = self.first_branch.at(pos);
            self.pending.push((child(&node, !first)?, pos, !first));
            self.key.set_bit(pos, first);
            cell = child(&node, first)?;
            pos += 1;
        }
    }
}

impl<C: CellContext + ?Sized> Iterator for DictIter<'_, C> {
    type Item = DictResult<(DictKey, CellSlice)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let start = match self.root.take() {
            Some(root) => Some((root, 0)),
            None => self.pending.pop().map(|(cell, at, bit)| {
                self.key.set_bit(at, bit);
                (cell, at + 1)
            }),
        };
        let Some((cell, pos)) = start else {
            self.done = true;
            return None;
        };
        let item = self.descend(cell, pos);
        if item.is_err() {
            self.done = true;
        }
        Some(item)
    }
}
