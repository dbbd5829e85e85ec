//! Ordered access: minimum and maximum keys, the nearest key before or after
//! a given one, and removal of the minimum or maximum, for unsigned and
//! signed (two's complement) key order, as the reference's
//! `dict_lookup_minmax` and `dict_lookup_nearest` walk the tree.

use crate::dict::context::CellContext;
use crate::dict::dictionary::Dictionary;
use crate::dict::error::{DictError, DictResult};
use crate::dict::key::DictKey;
use crate::dict::label::Check;
use crate::dict::node::{child, load};
use crate::{Cell, CellSlice};

/// Which branch a walk prefers: at key bit 0 and at every later bit. Signed
/// order differs from unsigned only at bit 0 (the sign bit).
#[derive(Copy, Clone, Debug)]
pub(crate) struct Direction {
    first: bool,
    rest: bool,
}

impl Direction {
    /// Towards larger keys (`up`) or smaller ones, in signed or unsigned order.
    pub(crate) fn new(up: bool, signed: bool) -> Direction {
        Direction { first: up ^ signed, rest: up }
    }

    /// The preferred branch at key bit `pos`.
    #[inline]
    pub(crate) fn at(self, pos: usize) -> bool {
        if pos == 0 {
            self.first
        } else {
            self.rest
        }
    }

    fn reverse(self) -> Direction {
        Direction { first: !self.first, rest: !self.rest }
    }
}

/// Walks from `cell` (the edge starting at key bit `pos`) to the extreme leaf
/// in direction `dir`, writing the key bits into `key`.
fn descend<C: CellContext + ?Sized>(
    ctx: &mut C,
    mut cell: Cell,
    key: &mut DictKey,
    mut pos: usize,
    dir: Direction,
) -> DictResult<CellSlice> {
    let n = key.len();
    loop {
        let (node, label) = load(ctx, &cell, n - pos, Check::Fork)?;
        label.copy_to(&node, key, pos);
        pos += label.len;
        if pos == n {
            return Ok(label.payload(&node));
        }
        let bit = dir.at(pos);
        key.set_bit(pos, bit);
        cell = child(&node, bit)?;
        pos += 1;
    }
}

impl Dictionary {
    /// The smallest key and its value (`DICTMIN`; `signed` = `DICTIMIN` order).
    pub fn min<C: CellContext + ?Sized>(&self, signed: bool, ctx: &mut C) -> DictResult<Option<(DictKey, CellSlice)>> {
        self.extreme(Direction::new(false, signed), ctx)
    }

    /// The largest key and its value (`DICTMAX`; `signed` = `DICTIMAX` order).
    pub fn max<C: CellContext + ?Sized>(&self, signed: bool, ctx: &mut C) -> DictResult<Option<(DictKey, CellSlice)>> {
        self.extreme(Direction::new(true, signed), ctx)
    }

    fn extreme<C: CellContext + ?Sized>(
        &self,
        dir: Direction,
        ctx: &mut C,
    ) -> DictResult<Option<(DictKey, CellSlice)>> {
        let Some(root) = self.root() else { return Ok(None) };
        let mut key = DictKey::zeros(self.key_bits()).ok_or(DictError::KeyTooLong(self.key_bits()))?;
        let value = descend(ctx, root.clone(), &mut key, 0, dir)?;
        Ok(Some((key, value)))
    }

    /// Removes the smallest key (`DICTREMMIN`): finds it, then deletes it
    /// (the reference walks the path twice, so the cells are loaded twice).
    pub fn remove_min<C: CellContext + ?Sized>(
        &mut self,
        signed: bool,
        ctx: &mut C,
    ) -> DictResult<Option<(DictKey, CellSlice)>> {
        self.remove_extreme(Direction::new(false, signed), ctx)
    }

    /// Removes the largest key (`DICTREMMAX`).
    pub fn remove_max<C: CellContext + ?Sized>(
        &mut self,
        signed: bool,
        ctx: &mut C,
    ) -> DictResult<Option<(DictKey, CellSlice)>> {
        self.remove_extreme(Direction::new(true, signed), ctx)
    }

    fn remove_extreme<C: CellContext + ?Sized>(
        &mut self,
        dir: Direction,
        ctx: &mut C,
    ) -> DictResult<Option<(DictKey, CellSlice)>> {
        let Some((key, value)) = self.extreme(dir, ctx)? else { return Ok(None) };
        if self.delete(&key, ctx)?.is_none() {
            // Both walks read the same cells with the same checks, so the key is there.
            return Err(DictError::Invalid("extreme key vanished during removal"));
        }
        Ok(Some((key, value)))
    }

    /// The first key after `key` (`allow_eq`: or equal to it) and its value
    /// (`DICTGETNEXT`, `DICTGETNEXTEQ`; `signed` = `DICTIGETNEXT` order).
    pub fn get_next<C: CellContext + ?Sized>(
        &self,
        key: &DictKey,
        allow_eq: bool,
        signed: bool,
        ctx: &mut C,
    ) -> DictResult<Option<(DictKey, CellSlice)>> {
        self.nearest(key, Direction::new(true, signed), allow_eq, ctx)
    }

    /// The last key before `key` (`allow_eq`: or equal to it) and its value
    /// (`DICTGETPREV`, `DICTGETPREVEQ`).
    pub fn get_prev<C: CellContext + ?Sized>(
        &self,
        key: &DictKey,
        allow_eq: bool,
        signed: bool,
        ctx: &mut C,
    ) -> DictResult<Option<(DictKey, CellSlice)>> {
        self.nearest(key, Direction::new(false, signed), allow_eq, ctx)
    }

    /// Walks down along `key`; where the tree leaves the key, either every key
    /// below is on the wanted side (take the extreme one there, loading that
    /// node again as the reference does) or none is (back up to the deepest
    /// fork whose other side is the wanted one).
    fn nearest<C: CellContext + ?Sized>(
        &self,
        key: &DictKey,
        dir: Direction,
        allow_eq: bool,
        ctx: &mut C,
    ) -> DictResult<Option<(DictKey, CellSlice)>> {
        let n = self.key_bits();
        let Some(root) = self.root() else { return Ok(None) };
        if key.len() != n {
            return Ok(None);
        }
        let mut out = key.clone();
        let mut forks: Vec<(Cell, usize, bool)> = Vec::new();
        let mut cell = root.clone();
        let mut pos = 0;
        loop {
            let (node, label) = load(ctx, &cell, n - pos, Check::Fork)?;
            let common = label.common_prefix_len(&node, out.buffer(), pos, n - pos);
            if common < label.len {
                let at = pos + common;
                if out.bit(at) == dir.at(at) {
                    break;
                }
                let value = descend(ctx, cell, &mut out, pos, dir.reverse())?;
                return Ok(Some((out, value)));
            }
            pos += label.len;
            if pos == n {
                if allow_eq {
                    return Ok(Some((out, label.payload(&node))));
                }
                break;
            }
            let bit = out.bit(pos);
            cell = child(&node, bit)?;
            forks.push((node, pos, bit));
            pos += 1;
        }
        while let Some((node, at, bit)) = forks.pop() {
            let wanted = dir.at(at);
            if bit == wanted {
                continue;
            }
            out.set_bit(at, wanted);
            let value = descend(ctx, child(&node, wanted)?, &mut out, at + 1, dir.reverse())?;
            return Ok(Some((out, value)));
        }
        Ok(None)
    }
}
