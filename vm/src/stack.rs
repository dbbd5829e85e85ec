//! Typed stack access for instruction handlers. Every pop checks depth
//! (stack underflow, exit 2) and type (type check, exit 7) as the reference does.

use std::rc::Rc;

use gram_cells::{Cell, CellBuilder, CellSlice};

use crate::cont::Cont;
use crate::error::{excno, Trap};
use crate::int257::Int257;
use crate::value::{Tuple, Value};
use crate::vm::Vm;

#[inline]
fn underflow() -> Trap {
    Trap::exc(excno::STACK_UNDERFLOW)
}

#[inline]
fn type_check() -> Trap {
    Trap::exc(excno::TYPE_CHECK)
}

impl Vm {
    /// Fails with stack underflow unless `n` entries are present.
    #[inline]
    pub fn check_depth(&self, n: usize) -> Result<(), Trap> {
        if self.stack.len() < n {
            Err(underflow())
        } else {
            Ok(())
        }
    }

    /// Pops any value.
    #[inline]
    pub fn pop(&mut self) -> Result<Value, Trap> {
        self.stack.pop().ok_or_else(underflow)
    }

    /// Pushes a value.
    #[inline]
    pub fn push(&mut self, v: Value) {
        self.stack.push(v);
    }

    /// Pushes an integer.
    #[inline]
    pub fn push_int(&mut self, v: Int257) {
        self.stack.push(Value::Int(v));
    }

    /// Pushes a small integer.
    #[inline]
    pub fn push_small(&mut self, v: i64) {
        self.stack.push(Value::int(v));
    }

    /// Pushes TVM's boolean (-1 / 0).
    #[inline]
    pub fn push_bool(&mut self, v: bool) {
        self.stack.push(Value::bool(v));
    }

    /// The entry `i` places below the top (`s(i)`).
    #[inline]
    pub fn peek(&self, i: usize) -> Result<&Value, Trap> {
        let len = self.stack.len();
        if i >= len {
            return Err(underflow());
        }
        Ok(&self.stack[len - 1 - i])
    }

    /// Pops an integer; NaN is a type error here? No: NaN is an integer
    /// value, so this returns `None` for NaN (the caller decides).
    #[inline]
    pub fn pop_int_or_nan(&mut self) -> Result<Option<Int257>, Trap> {
        match self.pop()? {
            Value::Int(v) => Ok(Some(v)),
            Value::NaN => Ok(None),
            _ => Err(type_check()),
        }
    }

    /// Pops a finite integer (NaN is an integer overflow, as in the reference).
    #[inline]
    pub fn pop_int(&mut self) -> Result<Int257, Trap> {
        match self.pop()? {
            Value::Int(v) => Ok(v),
            Value::NaN => Err(Trap::exc(excno::INT_OVERFLOW)),
            _ => Err(type_check()),
        }
    }

    /// Pops an integer in `0..=max` (range check error otherwise).
    #[inline]
    pub fn pop_smallint_range(&mut self, max: i64) -> Result<i64, Trap> {
        self.pop_smallint_between(0, max)
    }

    /// Pops an integer in `min..=max` (range check error otherwise).
    #[inline]
    pub fn pop_smallint_between(&mut self, min: i64, max: i64) -> Result<i64, Trap> {
        let v = self.pop_int_or_nan()?;
        match v.and_then(|v| v.to_i64()) {
            Some(x) if (min..=max).contains(&x) => Ok(x),
            _ => Err(Trap::exc(excno::RANGE_CHECK)),
        }
    }

    /// Pops an integer as a boolean (non-zero = true).
    #[inline]
    pub fn pop_bool(&mut self) -> Result<bool, Trap> {
        Ok(!self.pop_int()?.is_zero())
    }

    /// Pops a cell.
    pub fn pop_cell(&mut self) -> Result<Cell, Trap> {
        match self.pop()? {
            Value::Cell(c) => Ok(c),
            _ => Err(type_check()),
        }
    }

    /// Pops a cell or null.
    pub fn pop_maybe_cell(&mut self) -> Result<Option<Cell>, Trap> {
        match self.pop()? {
            Value::Cell(c) => Ok(Some(c)),
            Value::Null => Ok(None),
            _ => Err(type_check()),
        }
    }

    /// Takes the top entry out, leaving a null in its slot, for an
    /// instruction that replaces the top entry with its result
    /// ([`Vm::set_top`]); cheaper than a pop and a push. A failed
    /// instruction raises an exception, which clears the stack anyway.
    #[inline]
    fn take_top(&mut self) -> Result<Value, Trap> {
        self.stack.last_mut().map(|top| std::mem::replace(top, Value::Null)).ok_or_else(underflow)
    }

    /// [`Vm::take_top`] for a cell.
    #[inline]
    pub fn take_top_cell(&mut self) -> Result<Cell, Trap> {
        match self.take_top()? {
            Value::Cell(c) => Ok(c),
            _ => Err(type_check()),
        }
    }

    /// [`Vm::take_top`] for a slice.
    #[inline]
    pub fn take_top_slice(&mut self) -> Result<CellSlice, Trap> {
        match self.take_top()? {
            Value::Slice(s) => Ok(s),
            _ => Err(type_check()),
        }
    }

    /// Writes an instruction's result over the top entry it took.
    #[inline]
    pub fn set_top(&mut self, v: Value) {
        match self.stack.last_mut() {
            Some(top) => *top = v,
            None => self.stack.push(v),
        }
    }

    /// Pops a slice.
    pub fn pop_slice(&mut self) -> Result<CellSlice, Trap> {
        match self.pop()? {
            Value::Slice(s) => Ok(s),
            _ => Err(type_check()),
        }
    }

    /// Pops a builder.
    pub fn pop_builder(&mut self) -> Result<Rc<CellBuilder>, Trap> {
        match self.pop()? {
            Value::Builder(b) => Ok(b),
            _ => Err(type_check()),
        }
    }

    /// Pops a continuation.
    pub fn pop_cont(&mut self) -> Result<Rc<Cont>, Trap> {
        match self.pop()? {
            Value::Cont(c) => Ok(c),
            _ => Err(type_check()),
        }
    }

    /// Pops a tuple.
    pub fn pop_tuple(&mut self) -> Result<Tuple, Trap> {
        match self.pop()? {
            Value::Tuple(t) => Ok(t),
            _ => Err(type_check()),
        }
    }

    /// Pops a tuple of at most `max` entries (type check otherwise).
    pub fn pop_tuple_range(&mut self, max: usize) -> Result<Tuple, Trap> {
        let t = self.pop_tuple()?;
        if t.len() > max {
            return Err(type_check());
        }
        Ok(t)
    }

    /// Pops a tuple or null.
    pub fn pop_maybe_tuple(&mut self) -> Result<Option<Tuple>, Trap> {
        match self.pop()? {
            Value::Tuple(t) => Ok(Some(t)),
            Value::Null => Ok(None),
            _ => Err(type_check()),
        }
    }
}
