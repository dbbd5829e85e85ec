//! Continuations: the reference's OrdCont, QuitCont, ExcQuitCont, PushIntCont,
//! the loop continuations and ArgContExt, with their saved control data.

use std::rc::Rc;

use gram_cells::Cell;

use crate::program::Code;
use crate::value::{Tuple, Value};

/// Control registers saved in a continuation (or the live ones): c0-c3,
/// c4-c5 and c7. `None` means "not set".
#[derive(Clone, Default, Debug)]
pub struct Regs {
    pub c: [Option<Rc<Cont>>; 4],
    pub d: [Option<Cell>; 2],
    pub c7: Option<Tuple>,
}

impl Regs {
    /// Whether no register is set.
    pub fn is_empty(&self) -> bool {
        self.c.iter().all(Option::is_none) && self.d.iter().all(Option::is_none) && self.c7.is_none()
    }

    /// `cr ^= save`: every register set in `save` overrides ours.
    pub fn adopt(&mut self, save: Regs) {
        for (mine, theirs) in self.c.iter_mut().zip(save.c) {
            if theirs.is_some() {
                *mine = theirs;
            }
        }
        for (mine, theirs) in self.d.iter_mut().zip(save.d) {
            if theirs.is_some() {
                *mine = theirs;
            }
        }
        if save.c7.is_some() {
            self.c7 = save.c7;
        }
    }

    /// `cr &= save`: clears every register that `save` will set (frees
    /// references early, as the reference does before a jump).
    pub fn preclear(&mut self, save: &Regs) {
        for (mine, theirs) in self.c.iter_mut().zip(&save.c) {
            if theirs.is_some() {
                *mine = None;
            }
        }
        for (mine, theirs) in self.d.iter_mut().zip(&save.d) {
            if theirs.is_some() {
                *mine = None;
            }
        }
        if save.c7.is_some() {
            self.c7 = None;
        }
    }

    /// Reads register `i` (0-5, 7) as a stack value; `None` for invalid indexes.
    pub fn get(&self, i: usize) -> Option<Value> {
        Some(match i {
            0..=3 => self.c[i].clone().map_or(Value::Null, Value::Cont),
            4 | 5 => self.d[i - 4].clone().map_or(Value::Null, Value::Cell),
            7 => self.c7.clone().map_or(Value::Null, Value::Tuple),
            _ => return None,
        })
    }

    /// Whether register `i` is set.
    pub fn is_set(&self, i: usize) -> bool {
        match i {
            0..=3 => self.c[i].is_some(),
            4 | 5 => self.d[i - 4].is_some(),
            7 => self.c7.is_some(),
            _ => false,
        }
    }
}

/// What ordinary and envelope continuations carry besides their target.
#[derive(Clone, Debug)]
pub struct ControlData {
    /// Captured stack, if any (`None` = use the caller's).
    pub stack: Option<Vec<Value>>,
    /// Registers restored when the continuation is entered.
    pub save: Regs,
    /// Number of arguments expected, or -1 for "any".
    pub nargs: i32,
    /// Codepage, or -1 for "keep".
    pub cp: i32,
}

impl ControlData {
    /// Control data with nothing saved.
    pub fn new(cp: i32) -> ControlData {
        ControlData { stack: None, save: Regs::default(), nargs: -1, cp }
    }

    /// Whether entering needs the general (argument-passing) path.
    pub fn is_complex(&self) -> bool {
        self.stack.is_some() || self.nargs >= 0
    }
}

/// A continuation.
#[derive(Clone, Debug)]
pub enum Cont {
    /// Code to run with its control data.
    Ord { data: ControlData, code: Code },
    /// Stops the machine with an exit code.
    Quit(i32),
    /// Default exception handler: stops with the exception number on the stack.
    ExcQuit,
    /// Pushes a small integer, then continues with `next`.
    PushInt { value: i32, next: Rc<Cont> },
    /// `REPEAT`: runs `body` `count` more times, then `after`.
    Repeat { body: Rc<Cont>, after: Rc<Cont>, count: i64 },
    /// `AGAIN`: runs `body` forever.
    Again { body: Rc<Cont> },
    /// `UNTIL`: runs `body` until it leaves true on the stack.
    Until { body: Rc<Cont>, after: Rc<Cont> },
    /// `WHILE`: alternates `cond` and `body`; `check_cond` says which runs next.
    While { cond: Rc<Cont>, body: Rc<Cont>, after: Rc<Cont>, check_cond: bool },
    /// A continuation wrapped with extra control data (the reference's ArgContExt).
    Envelope { data: ControlData, ext: Rc<Cont> },
}

impl Cont {
    /// Control data, for the kinds that have it.
    pub fn cdata(&self) -> Option<&ControlData> {
        match self {
            Cont::Ord { data, .. } | Cont::Envelope { data, .. } => Some(data),
            _ => None,
        }
    }

    /// Mutable control data, for the kinds that have it.
    pub fn cdata_mut(&mut self) -> Option<&mut ControlData> {
        match self {
            Cont::Ord { data, .. } | Cont::Envelope { data, .. } => Some(data),
            _ => None,
        }
    }

    /// Whether c0 is saved in the continuation.
    pub fn has_c0(&self) -> bool {
        self.cdata().is_some_and(|d| d.save.c[0].is_some())
    }

    /// The reference's type name (`vmc_std`, `vmc_quit`, ...).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Cont::Ord { .. } => "vmc_std",
            Cont::Quit(_) => "vmc_quit",
            Cont::ExcQuit => "vmc_quit_exc",
            Cont::PushInt { .. } => "vmc_pushint",
            Cont::Repeat { .. } => "vmc_repeat",
            Cont::Again { .. } => "vmc_again",
            Cont::Until { .. } => "vmc_until",
            Cont::While { check_cond: true, .. } => "vmc_while_cond",
            Cont::While { check_cond: false, .. } => "vmc_while_body",
            Cont::Envelope { .. } => "vmc_envelope",
        }
    }
}

/// Returns the control data of `cont`, wrapping it in an envelope first if
/// its kind has none (the reference's `force_cdata`).
pub fn force_cdata(cont: &mut Rc<Cont>) -> &mut ControlData {
    if cont.cdata().is_none() {
        let inner = cont.clone();
        *cont = Rc::new(Cont::Envelope { data: ControlData::new(-1), ext: inner });
    }
    Rc::make_mut(cont).cdata_mut().expect("forced control data exists")
}
