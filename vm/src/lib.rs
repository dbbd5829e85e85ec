//! gram-vm: a TVM-compatible virtual machine with exact gas accounting,
//! bit-exact with the reference TVM (global version 12).
//!
//! ```
//! use gram_cells::CellBuilder;
//! use gram_vm::{run, RunParams};
//!
//! // PUSHINT 1; PUSHINT 2; SWAP
//! let mut b = CellBuilder::new();
//! b.store_raw(&[0x71, 0x72, 0x01], 24).unwrap();
//! let outcome = run(RunParams::new(b.build().unwrap()));
//! assert_eq!(outcome.exit_code, 0);
//! assert_eq!(outcome.gas_used, 59); // 3 x 18 + implicit RET 5
//! assert_eq!(outcome.stack.len(), 2);
//! ```
//!
//! Threads: a machine and its values (continuations, tuples, builders,
//! decoded programs) are reference-counted with `Rc`, because atomic
//! reference counts on every continuation switch cost more than the
//! instructions themselves. Run one machine per thread; cells (`gram_cells`)
//! are `Send + Sync` and can be shared between threads freely.

pub mod c7;
pub mod cont;
pub mod error;
pub mod gas;
pub mod int257;
#[cfg(feature = "json")]
pub mod json;
mod libs;
mod ops;
pub mod program;
pub mod serial;
mod stack;
pub mod table;
pub mod trace;
pub mod value;
mod vm;

use std::rc::Rc;

use gram_cells::{Cell, CellSlice, HashBytes};

pub use crate::cont::{Cont, ControlData, Regs};
pub use crate::error::{excno, exit_code_name, Trap};
pub use crate::gas::{Gas, GAS_INFINITY};
pub use crate::int257::Int257;
pub use crate::program::CodeCache;
pub use crate::value::{Tuple, Value};
pub use crate::vm::{Committed, Vm};

/// The global version gram follows by default.
pub const DEFAULT_GLOBAL_VERSION: u32 = 12;

/// Everything a run starts from.
#[derive(Clone, Debug)]
pub struct RunParams {
    /// Code cell (c3 and the initial cc).
    pub code: Cell,
    /// c4 on entry.
    pub data: Cell,
    /// Initial stack, bottom first.
    pub stack: Vec<Value>,
    /// c7 on entry (an empty tuple if `None`).
    pub c7: Option<Tuple>,
    /// Gas limit.
    pub gas_limit: i64,
    /// Gas maximum (what `ACCEPT` lifts the limit to).
    pub gas_max: i64,
    /// Gas credit (external messages).
    pub gas_credit: i64,
    /// Global version.
    pub version: u32,
    /// Library collections (`HashmapE 256 ^Cell` roots).
    pub libraries: Vec<Cell>,
}

impl RunParams {
    /// Defaults of a get-method call: empty data, empty stack, 1,000,000 gas, no maximum.
    pub fn new(code: Cell) -> RunParams {
        RunParams {
            code,
            data: Cell::empty(),
            stack: Vec::new(),
            c7: None,
            gas_limit: 1_000_000,
            gas_max: GAS_INFINITY,
            gas_credit: 0,
            version: DEFAULT_GLOBAL_VERSION,
            libraries: Vec::new(),
        }
    }

    /// Uses the c7 built from `c7` and runs at its global version (the
    /// config's param 8), as the reference does for a get-method call.
    ///
    /// ```
    /// use gram_cells::CellBuilder;
    /// use gram_vm::c7::{BlockchainConfig, C7Params};
    /// use gram_vm::{run, RunParams, Value};
    ///
    /// // NOW
    /// let mut b = CellBuilder::new();
    /// b.store_raw(&[0xf8, 0x23], 16).unwrap();
    /// let code = b.build().unwrap();
    /// let mut c7 = C7Params::get_method(Some(code.clone()), Some(BlockchainConfig::sandbox_default().clone()));
    /// c7.now = 1_700_000_000;
    /// let outcome = run(RunParams::new(code).with_c7(&c7));
    /// assert!(matches!(&outcome.stack[..], [Value::Int(t)] if t.to_i64() == Some(1_700_000_000)));
    /// ```
    pub fn with_c7(mut self, c7: &c7::C7Params) -> RunParams {
        self.version = c7.global_version();
        self.c7 = Some(c7.build());
        self
    }
}

/// What a run produced.
#[derive(Clone, Debug)]
pub struct RunOutcome {
    /// Exit code: 0 / 1 success, exception number, or -14 out of gas.
    pub exit_code: i32,
    /// Gas consumed.
    pub gas_used: i64,
    /// Steps executed.
    pub steps: u64,
    /// Final stack, bottom first.
    pub stack: Vec<Value>,
    /// c4 / c5 committed (exit 0 or 1, or an explicit `COMMIT`).
    pub committed: Option<Committed>,
    /// A library the code needed and the collections lacked.
    pub missing_library: Option<HashBytes>,
}

impl RunOutcome {
    /// Whether the run succeeded (exit code 0 or 1).
    pub fn success(&self) -> bool {
        self.exit_code == 0 || self.exit_code == 1
    }
}

/// Runs code to completion with a fresh decode cache.
pub fn run(params: RunParams) -> RunOutcome {
    let mut cache = CodeCache::new();
    run_with_cache(params, &mut cache)
}

/// Runs code to completion, reusing (and filling) a decode cache.
pub fn run_with_cache(params: RunParams, cache: &mut CodeCache) -> RunOutcome {
    run_traced(params, cache, &mut trace::NoTrace)
}

/// Runs code to completion, calling `tracer` before every step and at every
/// exception (see [`trace::TextTracer`] for a ready-made text trace).
pub fn run_traced<T: trace::Tracer>(params: RunParams, cache: &mut CodeCache, tracer: &mut T) -> RunOutcome {
    let mut vm = prepare(params, std::mem::take(cache));
    let exit_code = vm.run_loop(tracer);
    let outcome = RunOutcome {
        exit_code,
        gas_used: vm.gas.consumed(),
        steps: vm.steps,
        stack: std::mem::take(&mut vm.stack),
        committed: vm.committed.clone(),
        missing_library: vm.missing_library,
    };
    *cache = vm.into_cache();
    outcome
}

/// Builds the machine for a run: c0/c1 quit, c2 the default handler, c3 the
/// code itself, c4 the data, c5 empty, c7 as given.
pub fn prepare(params: RunParams, mut cache: CodeCache) -> Vm {
    let code_slice = code_slice(&params.code);
    let code = program::Code { prog: cache.get(&code_slice, params.version), pc: 0 };
    let gas = Gas::new(params.gas_limit, params.gas_max, params.gas_credit);
    let mut vm = Vm::new(code.clone(), params.stack, gas, params.version, cache);
    vm.libraries = params.libraries;
    vm.regs.c[3] = Some(Rc::new(Cont::Ord { data: ControlData::new(0), code }));
    vm.regs.d[0] = Some(params.data);
    if let Some(c7) = params.c7 {
        vm.regs.c7 = Some(c7);
    }
    vm
}

/// The code slice the reference starts from: the cell itself, or (for a cell
/// that cannot be read as ordinary, like an unresolvable library) a cell
/// holding it as its only ref, which jumps there through an implicit JMPREF.
fn code_slice(code: &Cell) -> CellSlice {
    if code.is_exotic() {
        let wrapper = Cell::new(&[], 0, std::slice::from_ref(code), false).expect("one ref fits");
        return CellSlice::new(wrapper);
    }
    CellSlice::new(code.clone())
}
