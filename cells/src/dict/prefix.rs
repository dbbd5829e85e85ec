//! `PrefixDictionary`: prefix-code dictionaries (`PfxHashmapE n X`), whose
//! keys have any length up to `n` and where no key is a prefix of another.
//! Each node carries a constructor bit after its label: `0` leaf (the value
//! follows), `1` fork (two refs). Mirrors the reference's `pfx_dict_*` code.
//!
//! ```text
//! phm_edge#_ {n:#} {X:Type} {l:#} {m:#} label:(HmLabel ~l n) {n = (~m) + l}
//!           node:(PfxHashmapNode m X) = PfxHashmap n X;
//! phmn_leaf$0 {n:#} {X:Type} value:X = PfxHashmapNode n X;
//! phmn_fork$1 {n:#} {X:Type} left:^(PfxHashmap n X) right:^(PfxHashmap n X) = PfxHashmapNode (n + 1) X;
//! ```

use crate::dict::context::CellContext;
use crate::dict::dictionary::{Frame, SetMode};
use crate::dict::error::{DictError, DictResult};
use crate::dict::key::DictKey;
use crate::dict::label::{self, Check, Label};
use crate::dict::node::{self, child, finish, load, ordered, DictValue, NodeRef};
use crate::{Cell, CellBuilder, CellSlice, MAX_BITS};

/// A prefix-code dictionary with keys of at most `key_bits` bits, given by
/// its root cell (`None` = empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrefixDictionary {
    root: Option<Cell>,
    key_bits: u16,
}

const NO_CONSTRUCTOR: DictError = DictError::Invalid("no node constructor in a prefix code dictionary");
const BAD_FORK: DictError = DictError::Invalid("invalid fork node in a prefix code dictionary");

/// What follows a node's label.
enum Node {
    /// A leaf; the slice is its value.
    Leaf(CellSlice),
    /// A fork with two children.
    Fork,
}

/// Reads the constructor bit after the label and checks a fork's shape.
fn node_kind(cell: &Cell, label: &Label) -> DictResult<Node> {
    let mut payload = label.payload(cell);
    match payload.load_bit() {
        Err(_) => Err(NO_CONSTRUCTOR),
        Ok(false) => Ok(Node::Leaf(payload)),
        Ok(true) if payload.remaining_bits() != 0 || payload.remaining_refs() != 2 => Err(BAD_FORK),
        Ok(true) => Ok(Node::Fork),
    }
}

impl PrefixDictionary {
    /// An empty dictionary for keys of at most `key_bits` bits.
    pub fn new(key_bits: usize) -> DictResult<PrefixDictionary> {
        PrefixDictionary::with_root(None, key_bits)
    }

    /// A dictionary with the given root cell.
    pub fn with_root(root: Option<Cell>, key_bits: usize) -> DictResult<PrefixDictionary> {
        if key_bits > MAX_BITS {
            return Err(DictError::KeyTooLong(key_bits));
        }
        Ok(PrefixDictionary { root, key_bits: key_bits as u16 })
    }

    /// The root cell (`None` when empty).
    pub fn root(&self) -> Option<&Cell> {
        self.root.as_ref()
    }

    /// Takes the root cell out.
    pub fn into_root(self) -> Option<Cell> {
        self.root
    }

    /// Longest key length in bits.
    pub fn key_bits(&self) -> usize {
        self.key_bits as usize
    }

    /// Finds the key that is a prefix of `input` (`PFXDICTGETQ`,
    /// `PFXDICTGETJMP`): its value and the key's length. `None` if no key is.
    pub fn lookup_prefix<C: CellContext + ?Sized>(
        &self,
        input: &DictKey,
        ctx: &mut C,
    ) -> DictResult<Option<(CellSlice, usize)>> {
        let Some(root) = &self.root else { return Ok(None) };
        let mut cell = NodeRef::Borrowed(root);
        let mut n = self.key_bits();
        let mut pos = 0;
        loop {
            let (node, label) = cell.load(ctx, n, Check::Label)?;
            let rem = input.len() - pos;
            if label.common_prefix_len(node.cell(), input.buffer(), pos, rem) < label.len {
                return Ok(None);
            }
            n -= label.len;
            pos += label.len;
            let mut payload = label.payload(node.cell());
            if !payload.load_bit().map_err(|_| NO_CONSTRUCTOR)? {
                return Ok(Some((payload, pos)));
            }
            if n == 0 {
                return Err(DictError::Invalid(
                    "a fork node in a prefix code dictionary with zero remaining key length",
                ));
            }
            if payload.remaining_bits() != 0 || payload.remaining_refs() != 2 {
                return Err(BAD_FORK);
            }
            if pos == input.len() {
                return Ok(None);
            }
            cell = node.child(input.bit(pos))?;
            pos += 1;
            n -= 1;
        }
    }

    /// The value stored under exactly `key` (`None` if missing or longer than `key_bits`).
    pub fn get<C: CellContext + ?Sized>(&self, key: &DictKey, ctx: &mut C) -> DictResult<Option<CellSlice>> {
        if key.len() > self.key_bits() {
            return Ok(None);
        }
        Ok(self.lookup_prefix(key, ctx)?.and_then(|(value, len)| (len == key.len()).then_some(value)))
    }

    /// Stores `value` under `key` as `mode` allows (`PFXDICTSET`,
    /// `PFXDICTREPLACE`, `PFXDICTADD`). Returns whether the dictionary
    /// changed: `false` also when the key is a prefix of an existing key or
    /// has one as its prefix, or is longer than `key_bits`.
    pub fn set<C: CellContext + ?Sized>(
        &mut self,
        key: &DictKey,
        value: DictValue<'_>,
        mode: SetMode,
        ctx: &mut C,
    ) -> DictResult<bool> {
        let m = key.len();
        let n = self.key_bits();
        if m > n {
            return Ok(false);
        }
        let Some(root) = &self.root else {
            if mode == SetMode::Replace {
                return Ok(false);
            }
            self.root = Some(make_leaf(ctx, key, 0, m, n, value)?);
            return Ok(true);
        };
        let mut path: Vec<Frame> = Vec::new();
        let mut cell = root.clone();
        let mut pos = 0;
        let mut rem = n;
        let mut new = loop {
            let (node, label) = load(ctx, &cell, rem, Check::Label)?;
            let key_rem = m - pos;
            let common = label.common_prefix_len(&node, key.buffer(), pos, key_rem);
            if common < label.len {
                if common == key_rem || mode == SetMode::Replace {
                    return Ok(false);
                }
                break split_edge(ctx, &node, &label, key, pos, rem, common, value)?;
            }
            match node_kind(&node, &label)? {
                Node::Leaf(_) => {
                    if common != key_rem || mode == SetMode::Add {
                        return Ok(false);
                    }
                    break make_leaf(ctx, key, pos, key_rem, rem, value)?;
                }
                Node::Fork => {
                    if common == key_rem {
                        return Ok(false);
                    }
                    let bit = key.bit(pos + common);
                    cell = child(&node, bit)?;
                    path.push(Frame { node, label_len: label.len, pos, rem, bit });
                    pos += common + 1;
                    rem -= common + 1;
                }
            }
        };
        for frame in path.iter().rev() {
            let sibling = child(&frame.node, !frame.bit)?;
            new = make_fork(ctx, key.buffer(), frame.pos, frame.label_len, frame.rem, new, sibling, frame.bit)?;
        }
        self.root = Some(new);
        Ok(true)
    }

    /// Removes exactly `key`; returns its value, or `None` if missing (`PFXDICTDEL`).
    pub fn delete<C: CellContext + ?Sized>(&mut self, key: &DictKey, ctx: &mut C) -> DictResult<Option<CellSlice>> {
        let m = key.len();
        let n = self.key_bits();
        if m > n {
            return Ok(None);
        }
        let Some(root) = &self.root else { return Ok(None) };
        let mut path: Vec<Frame> = Vec::new();
        let mut cell = root.clone();
        let mut pos = 0;
        let mut rem = n;
        let old = loop {
            let (node, label) = load(ctx, &cell, rem, Check::Label)?;
            let key_rem = m - pos;
            let common = label.common_prefix_len(&node, key.buffer(), pos, key_rem);
            if common < label.len {
                return Ok(None);
            }
            match node_kind(&node, &label)? {
                Node::Leaf(value) => {
                    if common < key_rem {
                        return Ok(None);
                    }
                    break value;
                }
                Node::Fork => {
                    if common == key_rem {
                        return Ok(None);
                    }
                    let bit = key.bit(pos + common);
                    cell = child(&node, bit)?;
                    path.push(Frame { node, label_len: label.len, pos, rem, bit });
                    pos += common + 1;
                    rem -= common + 1;
                }
            }
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
}

/// A leaf for `len` key bits at `pos` under an edge of at most `max_len` bits.
fn make_leaf<C: CellContext + ?Sized>(
    ctx: &mut C,
    key: &DictKey,
    pos: usize,
    len: usize,
    max_len: usize,
    value: DictValue<'_>,
) -> DictResult<Cell> {
    let mut b = CellBuilder::new();
    label::write(&mut b, key.buffer(), pos, len, max_len)?;
    b.store_bit(false).map_err(|_| DictError::CellOverflow("cannot store a prefix dictionary leaf tag"))?;
    value.store_into(&mut b)?;
    finish(ctx, b)
}

#[allow(clippy::too_many_arguments)]
fn make_fork<C: CellContext + ?Sized>(
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
    b.store_bit(true)
        .and_then(|b| b.store_reference(left))
        .and_then(|b| b.store_reference(right))
        .map_err(|_| DictError::CellOverflow("cannot store a prefix dictionary fork"))?;
    finish(ctx, b)
}

#[allow(clippy::too_many_arguments)]
fn split_edge<C: CellContext + ?Sized>(
    ctx: &mut C,
    node: &Cell,
    label: &Label,
    key: &DictKey,
    pos: usize,
    rem: usize,
    common: usize,
    value: DictValue<'_>,
) -> DictResult<Cell> {
    let q = common + 1;
    let leaf = make_leaf(ctx, key, pos + q, key.len() - pos - q, rem - q, value)?;
    let rest = label.len - q;
    let mut b = CellBuilder::new();
    match label.same {
        Some(bit) => label::write_same(&mut b, bit, rest, rem - q)?,
        None => label::write(&mut b, node.data_buffer(), label.bits_at + q, rest, rem - q)?,
    }
    node::store_payload(&mut b, &label.payload(node), "cannot change label of an old dictionary cell (?)")?;
    let old = finish(ctx, b)?;
    make_fork(ctx, key.buffer(), pos, common, rem, leaf, old, key.bit(pos + common))
}

fn merge_into_sibling<C: CellContext + ?Sized>(
    ctx: &mut C,
    key: &DictKey,
    frame: &Frame,
    sibling: Cell,
) -> DictResult<Cell> {
    let below = frame.rem - frame.label_len - 1;
    let (node, label) = load(ctx, &sibling, below, Check::Label)?;
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
        "cannot change label of an old prefix code dictionary cell while merging edges",
    )?;
    finish(ctx, b)
}
