//! Gas accounting with the reference's limit / max / credit rules.

/// Gas prices of the reference TVM.
pub mod price {
    pub const BASE_INSTR: i64 = 10;
    pub const CELL_LOAD: i64 = 100;
    pub const CELL_RELOAD: i64 = 25;
    pub const CELL_CREATE: i64 = 500;
    pub const EXCEPTION: i64 = 50;
    pub const TUPLE_ENTRY: i64 = 1;
    pub const IMPLICIT_JMPREF: i64 = 10;
    pub const IMPLICIT_RET: i64 = 5;
    pub const FREE_STACK_DEPTH: usize = 32;
    pub const STACK_ENTRY: i64 = 1;
    pub const FREE_NESTED_CONT_JUMP: u32 = 8;
}

/// "No limit" as the reference spells it.
pub const GAS_INFINITY: i64 = i64::MAX;

/// Gas state: `remaining` counts down; consumed = `base - remaining`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gas {
    pub max: i64,
    pub limit: i64,
    pub credit: i64,
    pub remaining: i64,
    pub base: i64,
}

impl Gas {
    /// Limits as the reference's `GasLimits(limit, max, credit)`.
    pub fn new(limit: i64, max: i64, credit: i64) -> Gas {
        let remaining = limit.saturating_add(credit);
        Gas { max, limit, credit, remaining, base: remaining }
    }

    /// Gas consumed so far.
    #[inline]
    pub fn consumed(&self) -> i64 {
        self.base - self.remaining
    }

    /// Charges without checking (the reference checks after the step).
    #[inline]
    pub fn consume(&mut self, amount: i64) {
        self.remaining -= amount;
    }

    /// Whether the gas is exhausted.
    #[inline]
    pub fn is_exhausted(&self) -> bool {
        self.remaining < 0
    }

    /// `ACCEPT` / `SETGASLIMIT`: a new limit, clamped to `[0, max]`, and no credit.
    pub fn change_limit(&mut self, limit: i64) {
        let limit = limit.clamp(0, self.max);
        self.credit = 0;
        self.limit = limit;
        self.change_base(limit);
    }

    fn change_base(&mut self, base: i64) {
        self.remaining += base - self.base;
        self.base = base;
    }

    /// Whether the run may end successfully (no credit left in use).
    pub fn final_ok(&self) -> bool {
        self.remaining >= self.credit
    }
}
