//! Exceptions and the non-local exits of the run loop.

use crate::value::Value;

/// TVM exception numbers (the reference's `Excno`).
pub mod excno {
    pub const NORMAL: i32 = 0;
    pub const ALTERNATIVE: i32 = 1;
    pub const STACK_UNDERFLOW: i32 = 2;
    pub const STACK_OVERFLOW: i32 = 3;
    pub const INT_OVERFLOW: i32 = 4;
    pub const RANGE_CHECK: i32 = 5;
    pub const INVALID_OPCODE: i32 = 6;
    pub const TYPE_CHECK: i32 = 7;
    pub const CELL_OVERFLOW: i32 = 8;
    pub const CELL_UNDERFLOW: i32 = 9;
    pub const DICT_ERROR: i32 = 10;
    pub const UNKNOWN: i32 = 11;
    pub const FATAL: i32 = 12;
    pub const OUT_OF_GAS: i32 = 13;
    pub const VIRTUALIZATION: i32 = 14;
    /// Exit code reported for an unhandled out-of-gas condition (`~13`).
    pub const OUT_OF_GAS_EXIT: i32 = -14;
}

/// Human name of a TVM exit code (`exit 9: cell underflow`).
pub fn exit_code_name(code: i32) -> &'static str {
    match code {
        0 => "success",
        1 => "alternative success",
        2 => "stack underflow",
        3 => "stack overflow",
        4 => "integer overflow",
        5 => "range check error",
        6 => "invalid opcode",
        7 => "type check error",
        8 => "cell overflow",
        9 => "cell underflow",
        10 => "dictionary error",
        11 => "unknown error",
        12 => "fatal error",
        13 | -14 => "out of gas",
        14 => "virtualization error",
        _ => "user exception",
    }
}

/// Why an instruction stopped the straight-line flow.
#[derive(Debug, Clone)]
pub enum Trap {
    /// A TVM exception with its argument (0 unless THROWARG-like).
    Exception { code: i32, arg: Value },
    /// The machine stopped with an exit code (jump to a quit continuation).
    Halt(i32),
    /// Gas ran out.
    OutOfGas,
}

impl Trap {
    /// An exception with argument 0.
    #[inline]
    pub fn exc(code: i32) -> Trap {
        Trap::Exception { code, arg: Value::int(0) }
    }
}

impl From<gram_cells::CellError> for Trap {
    /// Cell-layer errors map to the exceptions the reference raises for them.
    fn from(e: gram_cells::CellError) -> Self {
        use gram_cells::CellError as E;
        Trap::exc(match e {
            E::Underflow => excno::CELL_UNDERFLOW,
            E::Overflow | E::DepthTooBig | E::InvalidExotic(_) => excno::CELL_OVERFLOW,
            E::IntOutOfRange => excno::RANGE_CHECK,
            E::UnexpectedExotic => excno::CELL_UNDERFLOW,
        })
    }
}

/// Result of executing one instruction.
pub type Exec = Result<(), Trap>;
