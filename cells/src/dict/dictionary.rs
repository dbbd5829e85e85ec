//! `Dictionary`: `HashmapE n X` with fixed-width keys. Lookups, insertion in
//! its three modes, deletion and prefix sub-dictionaries, each following the
//! reference's `dict.cpp` step by step so the same cells are loaded and
//! created in the same order.

use crate::dict::context::CellContext;
use crate::dict::error::{DictError, DictResult};
use crate::dict::key::DictKey;
use crate::dict::label::{self, Check};
use crate::dict::node::{self, child, finish, load, ordered, DictValue, NodeRef};
use crate::{Cell, CellBuilder, CellSlice, MAX_BITS};

/// How an insertion treats existing and missing keys.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum SetMode {
    /// Insert or overwrite (`DICTSET`).
    Set,
    /// Overwrite only an existing key (`DICTREPLACE`).
    Replace,
    /// Insert only a missing key (`DICTADD`).
    Add,
}

/// What an insertion did.
#[derive(Clone, Debug)]
pub struct SetOutcome {
    /// Whether the dictionary changed.
    pub changed: bool,
    /// The value the key had before, when the reference reports it: on an
    /// overwrite, and on an `Add` refused because the key exists.
    pub old: Option<CellSlice>,
}

/// A dictionary with `key_bits`-bit keys (`HashmapE n X`), given by its root
/// cell (`None` = empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dictionary {
    root: Option<Cell>,
    key_bits: u16,
}

/// What a lookup does after reading one node.
enum GetStep {
    /// The label disagrees with the key.
    Missing,
    /// The key ends in this node: its payload is the value.
    Found,
    /// Go on to the child on this side.
    Child(bool),
}

/// Matches one node's label against the key at `pos` (with `rem` key bits
/// left) and moves `pos` / `rem` past the label and the branch bit.
#[inline(always)]
fn get_step(node: &Cell, label: &label::Label, key: &DictKey, pos: &mut usize, rem: &mut usize) -> GetStep {
    if label.common_prefix_len(node, key.buffer(), *pos, *rem) < label.len {
        return GetStep::Missing;
    }
    *rem -= label.len;
    if *rem == 0 {
        return GetStep::Found;
    }
    *pos += label.len;
    let bit = key.bit(*pos);
    *pos += 1;
    *rem -= 1;
    GetStep::Child(bit)
}

/// The rest of a lookup from `target`, the already loaded cell the context
/// replaced a node with: every node below is owned.
#[cold]
fn get_below<C: CellContext + ?Sized>(
    target: Cell,
    key: &DictKey,
    mut pos: usize,
    mut rem: usize,
    ctx: &mut C,
) -> DictResult<Option<CellSlice>> {
    let mut node = NodeRef::Owned(target);
    let mut label = label::parse(node.cell(), rem, Check::Fork)?;
    loop {
        match get_step(node.cell(), &label, key, &mut pos, &mut rem) {
            GetStep::Missing => return Ok(None),
            GetStep::Found => return Ok(Some(label.payload(node.cell()))),
            GetStep::Child(bit) => (node, label) = node.child(bit)?.load(ctx, rem, Check::Fork)?,
        }
    }
}

/// One fork passed on the way down: the loaded node, where its edge starts,
/// how many key bits remained there, and the side taken.
pub(super) struct Frame {
    pub(super) node: Cell,
    pub(super) label_len: usize,
    pub(super) pos: usize,
    pub(super) rem: usize,
    pub(super) bit: bool,
}

impl Dictionary {
    /// An empty dictionary. Fails for keys wider than 1023 bits.
    pub fn new(key_bits: usize) -> DictResult<Dictionary> {
        Dictionary::with_root(None, key_bits)
    }

    /// A dictionary with the given root cell (the cell a `HashmapE` refers to).
    pub fn with_root(root: Option<Cell>, key_bits: usize) -> DictResult<Dictionary> {
        if key_bits > MAX_BITS {
            return Err(DictError::KeyTooLong(key_bits));
        }
        Ok(Dictionary { root, key_bits: key_bits as u16 })
    }

    /// The root cell (`None` when empty).
    pub fn root(&self) -> Option<&Cell> {
        self.root.as_ref()
    }

    /// Takes the root cell out.
    pub fn into_root(self) -> Option<Cell> {
        self.root
    }

    /// Key width in bits.
    pub fn key_bits(&self) -> usize {
        self.key_bits as usize
    }

    /// Whether the dictionary is empty.
    pub fn is_empty(&self) -> bool {
        self.root.is_none()
    }

    /// The value stored under `key` (a slice of the leaf cell after its
    /// label), or `None`. A key of another width is never found.
    pub fn get<C: CellContext + ?Sized>(&self, key: &DictKey, ctx: &mut C) -> DictResult<Option<CellSlice>> {
        let n = self.key_bits();
        let Some(root) = &self.root else { return Ok(None) };
        if key.len() != n {
            return Ok(None);
        }
        // Walk borrowed nodes; only a cell the context replaces (a library
        // reference) makes the rest of the walk own its nodes.
        let (mut node, mut pos, mut rem) = (root, 0, n);
        loop {
            if let Some(target) = ctx.load_cell(node)? {
                return get_below(target, key, pos, rem, ctx);
            }
            let label = label::parse(node, rem, Check::Fork)?;
            match get_step(node, &label, key, &mut pos, &mut rem) {
                GetStep::Missing => return Ok(None),
                GetStep::Found => return Ok(Some(label.payload(node))),
                GetStep::Child(bit) => node = node::child_ref(node, bit)?,
            }
        }
    }

    /// The value under `key` read as a single ref (`DICTGETREF`); a value
    /// of another shape is an error.
    pub fn get_ref<C: CellContext + ?Sized>(&self, key: &DictKey, ctx: &mut C) -> DictResult<Option<Cell>> {
        self.get(key, ctx)?.as_ref().map(node::value_to_ref).transpose()
    }

    /// Stores `value` under `key` as `mode` allows; returns whether the
    /// dictionary changed (`DICTSET`, `DICTREPLACE`, `DICTADD`).
    pub fn set<C: CellContext + ?Sized>(
        &mut self,
        key: &DictKey,
        value: DictValue<'_>,
        mode: SetMode,
        ctx: &mut C,
    ) -> DictResult<bool> {
        Ok(self.set_get(key, value, mode, ctx)?.changed)
    }

    /// Like [`Dictionary::set`], also returning the old value
    /// (`DICTSETGET`, `DICTREPLACEGET`, `DICTADDGET`).
    pub fn set_get<C: CellContext + ?Sized>(
        &mut self,
        key: &DictKey,
        value: DictValue<'_>,
        mode: SetMode,
        ctx: &mut C,
    ) -> DictResult<SetOutcome> {
        let n = self.key_bits();
        let unchanged = |old| Ok(SetOutcome { changed: false, old });
        if key.len() != n {
            return unchanged(None);
        }
        let Some(root) = &self.root else {
            if mode == SetMode::Replace {
                return unchanged(None);
            }
            self.root = Some(make_leaf(ctx, key, 0, n, value)?);
            return Ok(SetOutcome { changed: true, old: None });
        };
        let mut path: Vec<Frame> = Vec::new();
        let mut cell = root.clone();
        let (mut pos, mut rem) = (0, n);
        let (mut new, old) = loop {
            let (node, label) = load(ctx, &cell, rem, Check::Fork)?;
            let common = label.common_prefix_len(&node, key.buffer(), pos, rem);
            if common < label.len {
                if mode == SetMode::Replace {
                    return unchanged(None);
                }
                break (split_edge(ctx, &node, &label, key, pos, rem, common, value)?, None);
            }
            if label.len == rem {
                let old = label.payload(&node);
                if mode == SetMode::Add {
                    return unchanged(Some(old));
                }
                break (make_leaf(ctx, key, pos, rem, value)?, Some(old));
            }
            let bit = key.bit(pos + label.len);
            cell = child(&node, bit)?;
            path.push(Frame { node, label_len: label.len, pos, rem, bit });
            pos += label.len + 1;
            rem -= label.len + 1;
        };
        // Rebuild the path bottom-up; each fork keeps its label (re-encoded from the key) and its other child.
        for frame in path.iter().rev() {
            let sibling = child(&frame.node, !frame.bit)?;
            new = make_fork(ctx, key.buffer(), frame.pos, frame.label_len, frame.rem, new, sibling, frame.bit)?;
        }
        self.root = Some(new);
        Ok(SetOutcome { changed: true, old })
    }

    /// Removes `key`; returns its value, or `None` if it was missing
    /// (`DICTDELGET`; `DICTDEL` reports only whether it was found).
    pub fn delete<C: CellContext + ?Sized>(&mut self, key: &DictKey, ctx: &mut C) -> DictResult<Option<CellSlice>> {
        let n = self.key_bits();
        let Some(root) = &self.root else { return Ok(None) };
        if key.len() != n {
            return Ok(None);
        }
        let mut path: Vec<Frame> = Vec::new();
        let mut cell = root.clone();
        let (mut pos, mut rem) = (0, n);
        let old = loop {
            let (node, label) = load(ctx, &cell, rem, Check::Fork)?;
            if label.common_prefix_len(&node, key.buffer(), pos, rem) < label.len {
                return Ok(None);
            }
            if label.len == rem {
                break label.payload(&node);
            }
            let bit = key.bit(pos + label.len);
            cell = child(&node, bit)?;
            path.push(Frame { node, label_len: label.len, pos, rem, bit });
            pos += label.len + 1;
            rem -= label.len + 1;
        };
        let mut new: Option<Cell> = None;
        for frame in path.iter().rev() {
            let sibling = child(&frame.node, !frame.bit)?;
            new = Some(match new {
                Some(changed) => {
                    make_fork(ctx, key.buffer(), frame.pos, frame.label_len, frame.rem, changed, sibling, frame.bit)?
                }
                None => merge_into_sibling(ctx, key, frame, sibling)?,
            });
        }
        self.root = new;
        Ok(Some(old))
    }

    /// Removes `key` and returns its value read as a single ref (`DICTDELGETREF`).
    pub fn delete_ref<C: CellContext + ?Sized>(&mut self, key: &DictKey, ctx: &mut C) -> DictResult<Option<Cell>> {
        self.delete(key, ctx)?.as_ref().map(node::value_to_ref).transpose()
    }

    /// The entries whose keys start with `prefix` (`SUBDICTGET`), or with the
    /// prefix cut off the keys (`SUBDICTRPGET`, `remove_prefix`; the result then
    /// has `key_bits - prefix.len()`-bit keys).
    pub fn subdict<C: CellContext + ?Sized>(
        &self,
        prefix: &DictKey,
        remove_prefix: bool,
        ctx: &mut C,
    ) -> DictResult<Dictionary> {
        let n = self.key_bits();
        let k = prefix.len();
        if k > n && remove_prefix {
            return Err(DictError::Invalid("cannot construct subdictionary by key prefix"));
        }
        let key_bits = if remove_prefix { self.key_bits - k as u16 } else { self.key_bits };
        let root = match self.prefix_subdict_root(prefix, remove_prefix, ctx)? {
            Some(changed) => changed,
            None => self.root.clone(),
        };
        Ok(Dictionary { root, key_bits })
    }

    /// The new root of a prefix sub-dictionary, or `None` when the root stays
    /// as it is (the reference's `extract_prefix_subdict_internal`).
    fn prefix_subdict_root<C: CellContext + ?Sized>(
        &self,
        prefix: &DictKey,
        remove_prefix: bool,
        ctx: &mut C,
    ) -> DictResult<Option<Option<Cell>>> {
        let n = self.key_bits();
        let k = prefix.len();
        let Some(root) = &self.root else { return Ok(None) };
        if k == 0 {
            return Ok(None);
        }
        if k > n {
            return Ok(Some(None));
        }
        let mut cell = root.clone();
        let mut m = 0;
        loop {
            let (node, label) = load(ctx, &cell, n - m, Check::Fork)?;
            let l = (k - m).min(label.len);
            if label.common_prefix_len(&node, prefix.buffer(), m, l) < l {
                return Ok(Some(None));
            }
            if m + label.len < k {
                m += label.len;
                cell = child(&node, prefix.bit(m))?;
                m += 1;
                continue;
            }
            // The whole prefix is consumed inside this edge.
            let mut b = CellBuilder::new();
            if !remove_prefix {
                if m == 0 {
                    return Ok(None);
                }
                // The new root edge is the consumed part of the prefix followed by this label.
                let mut full = DictKey::zeros(m + label.len).ok_or(DictError::KeyTooLong(m + label.len))?;
                full.write_bits(0, prefix.buffer(), 0, m);
                label.copy_to(&node, &mut full, m);
                label::write(&mut b, full.buffer(), 0, full.len(), n)?;
            } else {
                let keep = m + label.len - k;
                match label.same {
                    None => label::write(&mut b, node.data_buffer(), label.bits_at + label.len - keep, keep, n - k)?,
                    Some(bit) => label::write_same(&mut b, bit, keep, n - k)?,
                }
            }
            node::store_payload(
                &mut b,
                &label.payload(&node),
                "cannot create new dictionary root while constructing prefix subdictionary",
            )?;
            return Ok(Some(Some(finish(ctx, b)?)));
        }
    }
}

/// A leaf for the key bits `[pos, pos + len)` holding `value`.
pub(crate) fn make_leaf<C: CellContext + ?Sized>(
    ctx: &mut C,
    key: &DictKey,
    pos: usize,
    len: usize,
    value: DictValue<'_>,
) -> DictResult<Cell> {
    let mut b = CellBuilder::new();
    label::write(&mut b, key.buffer(), pos, len, len)?;
    value.store_into(&mut b)?;
    finish(ctx, b)
}

/// A fork whose label is `label_len` bits of `src` at `pos` (edge of at most
/// `max_len` bits), with `new_child` on side `bit` and `sibling` on the other.
#[allow(clippy::too_many_arguments)]
pub(crate) fn make_fork<C: CellContext + ?Sized>(
    ctx: &mut C,
    src: &[u8],
    pos: usize,
    label_len: usize,
    max_len: usize,
    new_child: Cell,
    sibling: Cell,
    bit: bool,
) -> DictResult<Cell> {
    let mut b = CellBuilder::new();
    label::write(&mut b, src, pos, label_len, max_len)?;
    let (left, right) = ordered(new_child, sibling, bit);
    store_refs(&mut b, left, right)?;
    finish(ctx, b)
}

fn store_refs(b: &mut CellBuilder, left: Cell, right: Cell) -> DictResult<()> {
    b.store_reference(left)
        .and_then(|b| b.store_reference(right))
        .map(|_| ())
        .map_err(|_| DictError::CellOverflow("cannot store branch references into a dictionary fork cell"))
}

/// Inserts a fork inside the edge of `node` where the key leaves it after
/// `common` bits: a new leaf for the key, the old node re-labelled with the
/// rest of its edge, and the fork over both (created in that order).
#[allow(clippy::too_many_arguments)]
fn split_edge<C: CellContext + ?Sized>(
    ctx: &mut C,
    node: &Cell,
    label: &label::Label,
    key: &DictKey,
    pos: usize,
    rem: usize,
    common: usize,
    value: DictValue<'_>,
) -> DictResult<Cell> {
    let m = rem - common - 1;
    let leaf = make_leaf(ctx, key, pos + common + 1, m, value)?;
    let rest = label.len - common - 1;
    let mut b = CellBuilder::new();
    match label.same {
        Some(bit) => label::write_same(&mut b, bit, rest, m)?,
        None => label::write(&mut b, node.data_buffer(), label.bits_at + common + 1, rest, m)?,
    }
    node::store_payload(&mut b, &label.payload(node), "cannot change label of an old dictionary cell (?)")?;
    let old = finish(ctx, b)?;
    make_fork(ctx, key.buffer(), pos, common, rem, leaf, old, key.bit(pos + common))
}

/// After the child on side `frame.bit` became empty, replaces the fork by its
/// other child with the two edges joined (loading that child).
fn merge_into_sibling<C: CellContext + ?Sized>(
    ctx: &mut C,
    key: &DictKey,
    frame: &Frame,
    sibling: Cell,
) -> DictResult<Cell> {
    let below = frame.rem - frame.label_len - 1;
    let (node, label) = load(ctx, &sibling, below, Check::Fork)?;
    let joined_len = frame.label_len + 1 + label.len;
    let mut joined = DictKey::zeros(joined_len).ok_or(DictError::KeyTooLong(joined_len))?;
    joined.write_bits(0, key.buffer(), frame.pos, frame.label_len);
    joined.set_bit(frame.label_len, !frame.bit);
    label.copy_to(&node, &mut joined, frame.label_len + 1);
    let mut b = CellBuilder::new();
    label::write(&mut b, joined.buffer(), 0, joined_len, frame.rem)?;
    node::store_payload(
        &mut b,
        &label.payload(&node),
        "cannot change label of an old dictionary cell while merging edges",
    )?;
    finish(ctx, b)
}
