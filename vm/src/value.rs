//! Stack values: what a TVM stack entry can hold.

use std::rc::Rc;

use gram_cells::{Cell, CellBuilder, CellSlice};

use crate::cont::Cont;
use crate::int257::Int257;

/// A tuple: an immutable, shared list of values (copied on write).
pub type Tuple = Rc<Vec<Value>>;

/// One TVM stack entry.
#[derive(Clone, Debug)]
pub enum Value {
    Null,
    Int(Int257),
    NaN,
    Cell(Cell),
    Slice(CellSlice),
    Builder(Rc<CellBuilder>),
    Cont(Rc<Cont>),
    Tuple(Tuple),
}

impl Value {
    /// A small integer value.
    #[inline]
    pub fn int(v: i64) -> Value {
        Value::Int(Int257::from_i64(v))
    }

    /// TVM's `-1` (true) / `0` (false).
    #[inline]
    pub fn bool(v: bool) -> Value {
        Value::int(if v { -1 } else { 0 })
    }

    /// The name the reference uses for the value's type.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Int(_) | Value::NaN => "int",
            Value::Cell(_) => "cell",
            Value::Slice(_) => "slice",
            Value::Builder(_) => "builder",
            Value::Cont(_) => "cont",
            Value::Tuple(_) => "tuple",
        }
    }

    /// Whether the value is null.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

impl From<Int257> for Value {
    fn from(v: Int257) -> Self {
        Value::Int(v)
    }
}
