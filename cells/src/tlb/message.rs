//! Messages:
//!
//! ```text
//! message$_ {X:Type} info:CommonMsgInfo
//!   init:(Maybe (Either StateInit ^StateInit))
//!   body:(Either X ^X) = Message X;
//! message$_ {X:Type} info:CommonMsgInfoRelaxed
//!   init:(Maybe (Either StateInit ^StateInit))
//!   body:(Either X ^X) = MessageRelaxed X;
//! ```
//!
//! The body is `Any` (whatever the receiver makes of it). Whether the
//! state init and the body sit inline or in a ref is kept as data, so a
//! message re-serialises to the same cell it was read from.

use crate::{Cell, CellBuilder, CellSlice};

use super::{
    load_ref, ordinary_slice, store_ref, CommonMsgInfo, CommonMsgInfoRelaxed, Load, StateInit, Store, TlbError,
};

/// The `init` field: a state init, inline (`left$0`) or in a ref (`right$1`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InitField {
    /// The state init.
    pub state_init: StateInit,
    /// Stored as `^StateInit` rather than inline.
    pub in_ref: bool,
}

/// The `body` field (`Either X ^X` with `X = Any`). The node's validator
/// refuses an exotic cell as the `^X` body (while refs inside an inline
/// body may be anything), so `Ref` must hold an ordinary cell.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum MessageBody {
    /// `left$0`: the body is the rest of the message cell; the cell holds
    /// exactly those bits and refs.
    Inline(Cell),
    /// `right$1`: the body is the referenced cell.
    Ref(Cell),
}

impl MessageBody {
    /// An empty inline body.
    pub fn empty() -> Self {
        MessageBody::Inline(Cell::empty())
    }

    /// The body's contents as a slice (the whole cell in both cases).
    pub fn as_slice(&self) -> CellSlice {
        match self {
            MessageBody::Inline(cell) | MessageBody::Ref(cell) => cell.as_slice(),
        }
    }
}

/// `Message Any` (with `I = CommonMsgInfo`) or `MessageRelaxed Any`
/// (with `I = CommonMsgInfoRelaxed`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Message<I = CommonMsgInfo> {
    /// The header.
    pub info: I,
    /// Optional state init for deploying the receiver.
    pub init: Option<InitField>,
    /// The body.
    pub body: MessageBody,
}

/// `MessageRelaxed Any`: a message as an output action writes it.
pub type MessageRelaxed = Message<CommonMsgInfoRelaxed>;

impl<I: Load> Load for Message<I> {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        let info = I::load(slice)?;
        let init = if slice.load_bit()? {
            let in_ref = slice.load_bit()?;
            let state_init = if in_ref { load_ref(slice)? } else { StateInit::load(slice)? };
            Some(InitField { state_init, in_ref })
        } else {
            None
        };
        let body = if slice.load_bit()? {
            let cell = slice.load_reference()?;
            if cell.is_exotic() {
                return Err(TlbError::UnexpectedExotic { ty: "message body" });
            }
            MessageBody::Ref(cell)
        } else {
            // `X = Any` takes everything that is left.
            let rest = slice.to_cell()?;
            slice.skip_bits(slice.remaining_bits())?;
            slice.skip_refs(slice.remaining_refs())?;
            MessageBody::Inline(rest)
        };
        Ok(Message { info, init, body })
    }
}

impl<I: Store> Store for Message<I> {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        self.info.store(builder)?;
        match &self.init {
            None => {
                builder.store_bit(false)?;
            }
            Some(init) => {
                builder.store_bit(true)?;
                builder.store_bit(init.in_ref)?;
                if init.in_ref {
                    store_ref(builder, &init.state_init)?;
                } else {
                    init.state_init.store(builder)?;
                }
            }
        }
        match &self.body {
            MessageBody::Inline(cell) => {
                builder.store_bit(false)?;
                builder.store_slice(&ordinary_slice(cell, "inline message body")?)?;
            }
            MessageBody::Ref(cell) => {
                if cell.is_exotic() {
                    return Err(TlbError::UnexpectedExotic { ty: "message body" });
                }
                builder.store_bit(true)?;
                builder.store_reference(cell.clone())?;
            }
        }
        Ok(())
    }
}

impl From<CommonMsgInfo> for Message {
    /// A message with no state init and an empty inline body.
    fn from(info: CommonMsgInfo) -> Self {
        Message { info, init: None, body: MessageBody::empty() }
    }
}

impl From<CommonMsgInfoRelaxed> for MessageRelaxed {
    /// A message with no state init and an empty inline body.
    fn from(info: CommonMsgInfoRelaxed) -> Self {
        Message { info, init: None, body: MessageBody::empty() }
    }
}
