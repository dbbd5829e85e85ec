//! The machine state and the control-flow primitives every instruction
//! builds on: call, jump, return, exceptions, cell loads, the run loop.

use crate::trace::Tracer;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use gram_cells::{Cell, CellSlice, CellType, HashBytes};

use crate::cont::{Cont, ControlData, Regs};
use crate::error::{excno, Exec, Trap};
use crate::gas::{price, Gas};
use crate::program::{Code, CodeCache, Instr};
use crate::value::Value;

/// Hashes a cell hash by its first eight bytes (they are already uniform).
#[derive(Default)]
pub(crate) struct CellHashHasher(u64);

impl Hasher for CellHashHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8).take(1) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 ^= u64::from_le_bytes(word);
        }
    }
}

type CellHashSet = HashSet<HashBytes, BuildHasherDefault<CellHashHasher>>;

/// Slots of the recently-loaded cache in front of [`LoadedCells`]' set.
const RECENT_SLOTS: usize = 128;

/// The cells loaded so far in a run (they decide the load / reload price).
/// A small direct-mapped cache of recently loaded cells sits in front of the
/// hash set: dictionary walks load the same nodes again and again, and a
/// pointer comparison is much cheaper than a set lookup. The cache holds its
/// cells, so no other cell can reuse a cached address.
pub(crate) struct LoadedCells {
    set: CellHashSet,
    recent: Box<[Option<Cell>; RECENT_SLOTS]>,
}

impl Default for LoadedCells {
    fn default() -> Self {
        // Room for a typical get-method's loads, so the set rarely grows.
        let set = CellHashSet::with_capacity_and_hasher(32, BuildHasherDefault::default());
        LoadedCells { set, recent: Box::new(std::array::from_fn(|_| None)) }
    }
}

impl LoadedCells {
    /// Records a load of `cell`; returns whether it is the first in the run.
    #[inline]
    fn insert(&mut self, cell: &Cell) -> bool {
        let hash = cell.hash();
        let slot = hash[0] as usize % RECENT_SLOTS;
        if self.recent[slot].as_ref().is_some_and(|c| Cell::ptr_eq(c, cell)) {
            return false;
        }
        let first = self.set.insert(*hash);
        self.recent[slot] = Some(cell.clone());
        first
    }
}

/// c4 and c5 as committed at the end of a successful run (or by `COMMIT`).
#[derive(Clone, Debug)]
pub struct Committed {
    pub c4: Cell,
    pub c5: Cell,
}

/// Depth limit for committed c4 / c5.
const MAX_DATA_DEPTH: u16 = 512;

/// The running machine.
pub struct Vm {
    /// The stack, bottom first.
    pub stack: Vec<Value>,
    /// The code being run (`cc`).
    pub code: Code,
    /// Control registers.
    pub regs: Regs,
    /// Gas state.
    pub gas: Gas,
    /// Instructions executed (the reference's step count, exceptions included).
    pub steps: u64,
    /// Global version the run follows.
    pub version: u32,
    /// Current codepage.
    pub cp: i32,
    /// State committed by `COMMIT` or at the end of the run.
    pub committed: Option<Committed>,
    /// Library cells for `XLOAD` / code in library cells.
    pub libraries: Vec<Cell>,
    /// Hash of a library cell the code needed and the libraries lacked.
    pub missing_library: Option<HashBytes>,
    /// Signature checks so far (the first ten are free).
    pub chksign_counter: u32,
    /// Gas the free signature checks would have cost (charged by an isolated `RUNVM`).
    pub free_gas_consumed: i64,
    /// `GETEXTRABALANCE` calls so far (the first few are cheap).
    pub extra_balance_counter: u32,
    loaded_cells: LoadedCells,
    cache: CodeCache,
    quit0: Rc<Cont>,
    quit1: Rc<Cont>,
    /// Machines suspended by `RUNVM`, innermost last (only the running child holds them).
    parents: Vec<ParentVm>,
}

/// A machine suspended while its `RUNVM` child runs, with what it wants back.
struct ParentVm {
    state: Vm,
    return_data: bool,
    return_actions: bool,
    return_gas: bool,
    isolate_gas: bool,
    ret_vals: i32,
}

/// How a `RUNVM` child is started (the reference's `run_child_vm` arguments).
pub(crate) struct ChildVmParams {
    /// Code of the child.
    pub code: CellSlice,
    /// Initial stack of the child, bottom first.
    pub stack: Vec<Value>,
    /// Gas limit of the child.
    pub gas_limit: i64,
    /// Gas maximum of the child.
    pub gas_max: i64,
    /// c3 is the code itself (mode +1); otherwise c3 quits with exit code 11.
    pub same_c3: bool,
    /// Push an implicit 0 before running (mode +2, only together with `same_c3`).
    pub push_0: bool,
    /// c4 of the child (the empty cell if `None`).
    pub data: Option<Cell>,
    /// c7 of the child (the empty tuple if `None`).
    pub c7: Option<crate::value::Tuple>,
    /// Return the committed c4 (mode +4).
    pub return_data: bool,
    /// Return the committed c5 (mode +32).
    pub return_actions: bool,
    /// Return the gas the child consumed (mode +8).
    pub return_gas: bool,
    /// Separate set of loaded cells and signature-check counters (mode +128).
    pub isolate_gas: bool,
    /// Values to return on success (-1 = the whole stack; mode +256).
    pub ret_vals: i32,
}

impl Vm {
    pub(crate) fn new(code: Code, stack: Vec<Value>, gas: Gas, version: u32, cache: CodeCache) -> Vm {
        let quit0 = Rc::new(Cont::Quit(0));
        let quit1 = Rc::new(Cont::Quit(1));
        let mut regs = Regs::default();
        regs.c[0] = Some(quit0.clone());
        regs.c[1] = Some(quit1.clone());
        regs.c[2] = Some(Rc::new(Cont::ExcQuit));
        regs.c[3] = Some(Rc::new(Cont::Quit(11)));
        let empty = Cell::empty();
        regs.d = [Some(empty.clone()), Some(empty)];
        regs.c7 = Some(Rc::new(Vec::new()));
        Vm {
            stack,
            code,
            regs,
            gas,
            steps: 0,
            version,
            cp: 0,
            committed: None,
            libraries: Vec::new(),
            missing_library: None,
            chksign_counter: 0,
            free_gas_consumed: 0,
            extra_balance_counter: 0,
            loaded_cells: LoadedCells::default(),
            cache,
            quit0,
            quit1,
            parents: Vec::new(),
        }
    }

    /// Takes the decode cache out of a finished machine, for reuse.
    pub fn into_cache(self) -> CodeCache {
        self.cache
    }

    // ----- gas -------------------------------------------------------------

    /// Charges gas as the reference's `consume_gas` does: from global
    /// version 4 on, running out stops the instruction at once (before
    /// version 4 exhaustion is noticed after the instruction).
    #[inline]
    pub fn charge(&mut self, amount: i64) -> Exec {
        self.gas.consume(amount);
        if self.version >= 4 && self.gas.is_exhausted() {
            Err(Trap::OutOfGas)
        } else {
            Ok(())
        }
    }

    /// Charges gas and stops at once if it runs out, whatever the version
    /// (the reference's `consume_gas_chk`).
    #[inline]
    pub fn charge_checked(&mut self, amount: i64) -> Exec {
        self.gas.consume(amount);
        if self.gas.is_exhausted() {
            Err(Trap::OutOfGas)
        } else {
            Ok(())
        }
    }

    /// Charges for a new stack of `depth` entries beyond the free 32.
    #[inline]
    pub fn charge_stack(&mut self, depth: usize) -> Exec {
        let extra = depth.saturating_sub(price::FREE_STACK_DEPTH);
        self.charge(extra as i64 * price::STACK_ENTRY)
    }

    /// Charges for creating a tuple of `len` entries.
    #[inline]
    pub fn charge_tuple(&mut self, len: usize) -> Exec {
        self.charge(len as i64 * price::TUPLE_ENTRY)
    }

    // ----- cells -----------------------------------------------------------

    /// Charges the load (100) or reload (25) of a cell.
    #[inline]
    pub fn register_cell_load(&mut self, cell: &Cell) -> Exec {
        let first = self.loaded_cells.insert(cell);
        self.charge(if first { price::CELL_LOAD } else { price::CELL_RELOAD })
    }

    /// Marks a cell as loaded without charging; returns whether this is its
    /// first load (the reference's `register_cell_load_free`, which the cheap
    /// `GETEXTRABALANCE` calls use to price loads themselves).
    pub fn register_cell_load_free(&mut self, cell: &Cell) -> bool {
        self.loaded_cells.insert(cell)
    }

    /// Charges the creation of a cell (500).
    #[inline]
    pub fn register_cell_create(&mut self) -> Exec {
        self.charge(price::CELL_CREATE)
    }

    /// Loads a cell for reading as the reference's `load_cell_slice` does:
    /// charges gas, resolves library cells, rejects other exotic cells.
    /// Takes the cell by value: moving it into the slice saves a reference
    /// count round trip on hot paths like `CTOS`.
    pub fn load_cell(&mut self, cell: Cell) -> Result<CellSlice, Trap> {
        self.register_cell_load(&cell)?;
        if !cell.is_exotic() {
            return Ok(CellSlice::new(cell));
        }
        if cell.cell_type() == CellType::LibraryReference {
            let target = self.resolve_library(&cell)?;
            if target.is_exotic() {
                // Libraries pointing at libraries are refused (global version >= 5).
                return Err(Trap::exc(excno::CELL_UNDERFLOW));
            }
            return Ok(CellSlice::new(target));
        }
        Err(Trap::exc(excno::CELL_UNDERFLOW))
    }

    /// Loads a cell that may be exotic; returns the slice and whether it is exotic.
    pub fn load_cell_special(&mut self, cell: Cell) -> Result<(CellSlice, bool), Trap> {
        self.register_cell_load(&cell)?;
        let exotic = cell.is_exotic();
        Ok((CellSlice::new(cell), exotic))
    }

    fn resolve_library(&mut self, cell: &Cell) -> Result<Cell, Trap> {
        let mut hash = [0u8; 32];
        hash.copy_from_slice(&cell.data()[1..33]);
        for root in &self.libraries {
            if let Some(found) = crate::libs::lookup(root, &hash) {
                return Ok(found);
            }
        }
        self.missing_library = Some(hash);
        Err(Trap::exc(excno::CELL_UNDERFLOW))
    }

    // ----- code ------------------------------------------------------------

    /// The decoded program for a code slice.
    pub fn program_for(&mut self, slice: &CellSlice) -> Code {
        Code { prog: self.cache.get(slice, self.version), pc: 0 }
    }

    /// An ordinary continuation running the inline code constant `index` of the current program.
    pub fn const_cont(&mut self, index: u32) -> Rc<Cont> {
        let prog = self.code.prog.clone();
        let body = self.cache.const_code(&prog, index, self.version).expect("decoder stored inline code here");
        Rc::new(Cont::Ord { data: ControlData::new(self.cp), code: Code { prog: body, pc: 0 } })
    }

    /// An ordinary continuation running `slice`.
    pub fn ord_cont(&mut self, slice: &CellSlice) -> Rc<Cont> {
        let code = self.program_for(slice);
        Rc::new(Cont::Ord { data: ControlData::new(self.cp), code })
    }

    // ----- control flow ------------------------------------------------------

    /// Calls `cont`, making the rest of the current code the return continuation (c0).
    pub fn call(&mut self, cont: Rc<Cont>) -> Exec {
        if let Some(data) = cont.cdata() {
            if data.save.c[0].is_some() {
                return self.jump(cont);
            }
            if data.is_complex() {
                return self.call_args(cont, -1, -1);
            }
        }
        let mut data = ControlData::new(self.cp);
        data.save.c[0] = self.regs.c[0].take();
        let ret = Cont::Ord { data, code: self.code.clone() };
        self.regs.c[0] = Some(Rc::new(ret));
        self.jump_to(cont)
    }

    /// Calls `cont` passing `pass_args` values (-1 = all) and expecting
    /// `ret_args` back (-1 = any).
    pub fn call_args(&mut self, mut cont: Rc<Cont>, pass_args: i32, ret_args: i32) -> Exec {
        let depth = self.stack.len() as i32;
        if let Some(data) = cont.cdata() {
            if data.save.c[0].is_some() {
                return self.jump_args(cont, pass_args);
            }
            if pass_args > depth || data.nargs > depth {
                return Err(Trap::exc(excno::STACK_UNDERFLOW));
            }
            if data.nargs > pass_args && pass_args >= 0 {
                return Err(Trap::exc(excno::STACK_UNDERFLOW));
            }
            let old_c0 = self.regs.c[0].take();
            self.regs.preclear(&data.save);
            let mut copy = data.nargs;
            let mut skip = 0;
            if pass_args >= 0 {
                if copy >= 0 {
                    skip = pass_args - copy;
                } else {
                    copy = pass_args;
                }
            }
            let new_stack = if data.stack.as_ref().is_some_and(|s| !s.is_empty()) {
                let copy = if copy < 0 { self.stack.len() } else { copy as usize };
                let mut new_stack = take_cont_stack(&mut cont);
                let from = self.stack.len() - copy;
                new_stack.extend(self.stack.drain(from..));
                if skip > 0 {
                    let keep = self.stack.len() - skip as usize;
                    self.stack.truncate(keep);
                }
                self.charge_stack(new_stack.len())?;
                Some(new_stack)
            } else if copy >= 0 {
                let from = self.stack.len() - copy as usize;
                let new_stack: Vec<Value> = self.stack.drain(from..).collect();
                let keep = self.stack.len() - skip as usize;
                self.stack.truncate(keep);
                self.charge_stack(new_stack.len())?;
                Some(new_stack)
            } else {
                None
            };
            // The return continuation keeps what is left of the stack; when the
            // whole stack moves on, it keeps none (not an empty one).
            let rest = new_stack.map(|new_stack| std::mem::replace(&mut self.stack, new_stack));
            self.install_return(rest, ret_args, old_c0);
            self.jump_to(cont)
        } else {
            if pass_args > depth {
                return Err(Trap::exc(excno::STACK_UNDERFLOW));
            }
            let rest = if pass_args >= 0 {
                let from = self.stack.len() - pass_args as usize;
                let s: Vec<Value> = self.stack.drain(from..).collect();
                self.charge_stack(s.len())?;
                Some(std::mem::replace(&mut self.stack, s))
            } else {
                None
            };
            let old_c0 = self.regs.c[0].take();
            self.install_return(rest, ret_args, old_c0);
            self.jump_to(cont)
        }
    }

    /// Sets c0 to the rest of the current code, keeping the caller's
    /// remaining stack (`None` when it all moved on), expecting `ret_args`
    /// values back, and restoring `old_c0` when it returns.
    fn install_return(&mut self, rest: Option<Vec<Value>>, ret_args: i32, old_c0: Option<Rc<Cont>>) {
        let mut data = ControlData::new(self.cp);
        data.stack = rest;
        data.nargs = ret_args;
        data.save.c[0] = old_c0;
        self.regs.c[0] = Some(Rc::new(Cont::Ord { data, code: self.code.clone() }));
    }

    /// Jumps to `cont`.
    pub fn jump(&mut self, cont: Rc<Cont>) -> Exec {
        if cont.cdata().is_some_and(ControlData::is_complex) {
            self.jump_args(cont, -1)
        } else {
            self.jump_to(cont)
        }
    }

    /// Jumps to `cont` passing `pass_args` values (-1 = all).
    pub fn jump_args(&mut self, cont: Rc<Cont>, pass_args: i32) -> Exec {
        let cont = self.adjust_jump_cont(cont, pass_args)?;
        self.jump_to(cont)
    }

    /// Builds the stack a jump to `cont` sees (the reference's `adjust_jump_cont`).
    fn adjust_jump_cont(&mut self, mut cont: Rc<Cont>, pass_args: i32) -> Result<Rc<Cont>, Trap> {
        let depth = self.stack.len() as i32;
        if let Some(data) = cont.cdata() {
            if pass_args > depth || data.nargs > depth {
                return Err(Trap::exc(excno::STACK_UNDERFLOW));
            }
            if data.nargs > pass_args && pass_args >= 0 {
                return Err(Trap::exc(excno::STACK_UNDERFLOW));
            }
            self.regs.preclear(&data.save);
            let mut copy = data.nargs;
            if pass_args >= 0 && copy < 0 {
                copy = pass_args;
            }
            if data.stack.as_ref().is_some_and(|s| !s.is_empty()) {
                let copy = if copy < 0 { self.stack.len() } else { copy as usize };
                let mut new_stack = take_cont_stack(&mut cont);
                let from = self.stack.len() - copy;
                new_stack.extend(self.stack.drain(from..));
                let depth = new_stack.len();
                self.stack = new_stack;
                self.charge_stack(depth)?;
            } else if copy >= 0 && (copy as usize) < self.stack.len() {
                let drop = self.stack.len() - copy as usize;
                self.stack.drain(..drop);
                self.charge_stack(copy as usize)?;
            }
            Ok(cont)
        } else {
            if pass_args >= 0 {
                if pass_args > depth {
                    return Err(Trap::exc(excno::STACK_UNDERFLOW));
                } else if pass_args < depth {
                    self.stack.drain(..(depth - pass_args) as usize);
                    self.charge_stack(pass_args as usize)?;
                }
            }
            Ok(cont)
        }
    }

    /// Enters `cont` and whatever it chains to, until code is set or the machine stops.
    pub fn jump_to(&mut self, mut cont: Rc<Cont>) -> Exec {
        let mut count = 0u32;
        loop {
            let next = self.enter(cont);
            // A jump that stops the machine counts too; an exception does not.
            if let Err(Trap::Exception { .. }) = next {
                return next.map(|_| ());
            }
            count += 1;
            if count > price::FREE_NESTED_CONT_JUMP && self.version >= 9 {
                self.charge(1)?;
            }
            match next? {
                None => return Ok(()),
                Some(c) => {
                    cont = c;
                    if self.version >= 9 && cont.cdata().is_some_and(ControlData::is_complex) {
                        cont = self.adjust_jump_cont(cont, -1)?;
                    }
                }
            }
        }
    }

    /// One step of entering a continuation; returns the next one to enter, if any.
    fn enter(&mut self, mut cont: Rc<Cont>) -> Result<Option<Rc<Cont>>, Trap> {
        // A loop continuation nobody else holds is advanced in place: no
        // allocation per iteration.
        match Rc::get_mut(&mut cont) {
            Some(Cont::Repeat { body, count, .. }) if *count > 0 && !body.has_c0() => {
                *count -= 1;
                let body = body.clone();
                self.regs.c[0] = Some(cont);
                return Ok(Some(body));
            }
            Some(Cont::While { cond, body, after, check_cond }) => {
                let next = if *check_cond {
                    if !self.pop_bool()? {
                        return Ok(Some(after.clone()));
                    }
                    body.clone()
                } else {
                    cond.clone()
                };
                if !next.has_c0() {
                    *check_cond = !*check_cond;
                    self.regs.c[0] = Some(cont);
                }
                return Ok(Some(next));
            }
            _ => {}
        }
        match &*cont {
            Cont::Ord { data, code } if data.save.is_empty() => {
                // Nothing to restore (loop bodies, most calls): keep the
                // continuation's code, skip the register merge.
                self.code = code.clone();
                if data.cp != self.cp {
                    // Only a continuation read from outside can carry another codepage (or none).
                    self.force_cp(data.cp)?;
                }
                Ok(None)
            }
            Cont::Ord { .. } => {
                let (data, code, cp) = match Rc::try_unwrap(cont) {
                    Ok(Cont::Ord { data, code }) => (data.save, code, data.cp),
                    Err(shared) => match &*shared {
                        Cont::Ord { data, code } => (data.save.clone(), code.clone(), data.cp),
                        _ => unreachable!("matched as ordinary above"),
                    },
                    Ok(_) => unreachable!("matched as ordinary above"),
                };
                self.regs.adopt(data);
                self.code = code;
                if cp != self.cp {
                    self.force_cp(cp)?;
                }
                Ok(None)
            }
            Cont::Quit(n) => Err(Trap::Halt(*n)),
            Cont::ExcQuit => {
                let n = match self.pop_smallint_range(0xffff) {
                    Ok(n) => n as i32,
                    Err(Trap::Exception { code, .. }) => code,
                    Err(other) => return Err(other),
                };
                Err(Trap::Halt(n))
            }
            Cont::PushInt { value, next } => {
                self.stack.push(Value::int(*value as i64));
                Ok(Some(next.clone()))
            }
            Cont::Repeat { body, after, count } => {
                if *count <= 0 {
                    return Ok(Some(after.clone()));
                }
                if body.has_c0() {
                    return Ok(Some(body.clone()));
                }
                let body = body.clone();
                let again = Cont::Repeat { body: body.clone(), after: after.clone(), count: count - 1 };
                self.regs.c[0] = Some(Rc::new(again));
                Ok(Some(body))
            }
            Cont::Again { body } => {
                let body = body.clone();
                if !body.has_c0() {
                    self.regs.c[0] = Some(cont);
                }
                Ok(Some(body))
            }
            Cont::Until { body, after } => {
                if self.pop_bool()? {
                    return Ok(Some(after.clone()));
                }
                let body = body.clone();
                if !body.has_c0() {
                    self.regs.c[0] = Some(cont);
                }
                Ok(Some(body))
            }
            Cont::While { cond, body, after, check_cond } => {
                if *check_cond {
                    if !self.pop_bool()? {
                        return Ok(Some(after.clone()));
                    }
                    let body = body.clone();
                    if !body.has_c0() {
                        let next = Cont::While {
                            cond: cond.clone(),
                            body: body.clone(),
                            after: after.clone(),
                            check_cond: false,
                        };
                        self.regs.c[0] = Some(Rc::new(next));
                    }
                    Ok(Some(body))
                } else {
                    let cond = cond.clone();
                    if !cond.has_c0() {
                        let next = Cont::While {
                            cond: cond.clone(),
                            body: body.clone(),
                            after: after.clone(),
                            check_cond: true,
                        };
                        self.regs.c[0] = Some(Rc::new(next));
                    }
                    Ok(Some(cond))
                }
            }
            Cont::Envelope { data, ext } => {
                let cp = data.cp;
                let ext = ext.clone();
                let save = match Rc::try_unwrap(cont) {
                    Ok(Cont::Envelope { data, .. }) => data.save,
                    Ok(_) => unreachable!("matched as envelope above"),
                    Err(shared) => shared.cdata().map(|d| d.save.clone()).unwrap_or_default(),
                };
                self.regs.adopt(save);
                if cp != -1 {
                    self.force_cp(cp)?;
                }
                Ok(Some(ext))
            }
        }
    }

    /// Switches codepage; only codepage 0 exists.
    pub fn force_cp(&mut self, cp: i32) -> Exec {
        if cp != 0 {
            return Err(Trap::exc(excno::INVALID_OPCODE));
        }
        self.cp = cp;
        Ok(())
    }

    /// Returns through c0.
    pub fn ret(&mut self) -> Exec {
        let cont = self.regs.c[0].replace(self.quit0.clone()).unwrap_or_else(|| self.quit0.clone());
        self.jump(cont)
    }

    /// Returns through c0 passing `n` values.
    pub fn ret_args(&mut self, n: i32) -> Exec {
        let cont = self.regs.c[0].replace(self.quit0.clone()).unwrap_or_else(|| self.quit0.clone());
        self.jump_args(cont, n)
    }

    /// Returns through c1.
    pub fn ret_alt(&mut self) -> Exec {
        let cont = self.regs.c[1].replace(self.quit1.clone()).unwrap_or_else(|| self.quit1.clone());
        self.jump(cont)
    }

    /// Returns through c1 passing `n` values.
    pub fn ret_alt_args(&mut self, n: i32) -> Exec {
        let cont = self.regs.c[1].replace(self.quit1.clone()).unwrap_or_else(|| self.quit1.clone());
        self.jump_args(cont, n)
    }

    /// The current continuation as a value (the reference's `extract_cc`):
    /// `save` bits 1/2/4 move c0/c1/c2 into it; `stack_copy` values stay
    /// on the new stack (-1 = all); the rest goes with the continuation.
    pub fn extract_cc(&mut self, save: u32, stack_copy: i32, cc_args: i32) -> Result<Rc<Cont>, Trap> {
        let moves_all = stack_copy < 0 || stack_copy as usize == self.stack.len();
        let new_stack = if moves_all {
            std::mem::take(&mut self.stack)
        } else if stack_copy > 0 {
            if stack_copy as usize > self.stack.len() {
                return Err(Trap::exc(excno::STACK_UNDERFLOW));
            }
            let from = self.stack.len() - stack_copy as usize;
            let s: Vec<Value> = self.stack.drain(from..).collect();
            self.charge_stack(s.len())?;
            s
        } else {
            Vec::new()
        };
        let rest = std::mem::replace(&mut self.stack, new_stack);
        let mut data = ControlData::new(self.cp);
        // When the whole stack moves on, the continuation keeps no stack at all.
        data.stack = if moves_all { None } else { Some(rest) };
        data.nargs = cc_args;
        if save & 1 != 0 {
            data.save.c[0] = self.regs.c[0].replace(self.quit0.clone());
        }
        if save & 2 != 0 {
            data.save.c[1] = self.regs.c[1].replace(self.quit1.clone());
        }
        if save & 4 != 0 {
            data.save.c[2] = self.regs.c[2].clone();
        }
        Ok(Rc::new(Cont::Ord { data, code: self.code.clone() }))
    }

    /// Raises an exception: the stack becomes `[arg, code]`, 50 gas, jump to c2.
    pub fn throw_exception(&mut self, code: i32, arg: Value) -> Exec {
        self.stack.clear();
        self.stack.push(arg);
        self.stack.push(Value::int(code as i64));
        self.charge_checked(price::EXCEPTION)?;
        let handler = self.regs.c[2].clone().unwrap_or_else(|| Rc::new(Cont::ExcQuit));
        self.jump(handler)
    }

    /// Commits c4 and c5 if they are valid (depth <= 512, level 0).
    pub fn try_commit(&mut self) -> bool {
        match (&self.regs.d[0], &self.regs.d[1]) {
            (Some(c4), Some(c5))
                if c4.depth() <= MAX_DATA_DEPTH
                    && c5.depth() <= MAX_DATA_DEPTH
                    && c4.level() == 0
                    && c5.level() == 0 =>
            {
                self.committed = Some(Committed { c4: c4.clone(), c5: c5.clone() });
                true
            }
            _ => false,
        }
    }

    // ----- the loop --------------------------------------------------------

    /// Runs until the machine stops; returns the exit code. A `RUNVM`
    /// child runs in this same loop: when it stops, its parent resumes.
    pub(crate) fn run_loop<T: Tracer>(&mut self, tracer: &mut T) -> i32 {
        let mut exit = self.run_inner(tracer);
        while let Some(parent) = self.parents.pop() {
            exit = match self.restore_parent_vm(parent, exit) {
                Ok(()) => self.run_inner(tracer),
                Err(_) => self.out_of_gas(),
            };
        }
        exit
    }

    /// Runs the current machine until it stops (the reference's `run_inner`).
    fn run_inner<T: Tracer>(&mut self, tracer: &mut T) -> i32 {
        let exit = loop {
            let pc = self.code.pc as usize;
            let ins = self.code.prog.instrs[pc];
            tracer.step(self, &ins);
            self.code.pc += 1;
            self.steps += 1;
            self.gas.consume(ins.gas as i64);
            // From global version 4 on, an instruction whose own price runs
            // the gas out stops before doing anything (the reference's `consume_gas`).
            let outcome =
                if self.gas.is_exhausted() && self.version >= 4 { Err(Trap::OutOfGas) } else { (ins.exec)(self, &ins) };
            let outcome = match outcome {
                Ok(()) if !self.gas.is_exhausted() => continue,
                Ok(()) => Err(Trap::OutOfGas),
                Err(Trap::Halt(n)) if self.gas.is_exhausted() => {
                    let _ = n;
                    Err(Trap::OutOfGas)
                }
                Err(trap) => Err(trap),
            };
            match outcome {
                Err(Trap::Exception { code, arg }) => {
                    tracer.exception(self, code);
                    self.steps += 1;
                    match self.throw_exception(code, arg) {
                        Ok(()) => continue,
                        Err(Trap::Halt(n)) => break n,
                        Err(Trap::OutOfGas) => break self.out_of_gas(),
                        // An exception while raising one ends the run with its number.
                        Err(Trap::Exception { code, .. }) => return code,
                    }
                }
                Err(Trap::Halt(n)) => break n,
                Err(Trap::OutOfGas) => break self.out_of_gas(),
                Ok(()) => unreachable!("handled above"),
            }
        };
        if (exit == 0 || exit == 1) && !self.try_commit() {
            self.stack.clear();
            self.stack.push(Value::int(0));
            return excno::CELL_OVERFLOW;
        }
        exit
    }

    fn out_of_gas(&mut self) -> i32 {
        self.steps += 1;
        self.stack.clear();
        self.stack.push(Value::int(self.gas.consumed()));
        excno::OUT_OF_GAS_EXIT
    }

    // ----- child machines (RUNVM) ------------------------------------------

    /// Suspends this machine and makes a child the running one, as the
    /// reference's `run_child_vm`: the child shares the libraries, the decode
    /// cache, the signature-check counters and (unless isolated) the set of
    /// loaded cells; its gas is capped by what this machine has left.
    pub(crate) fn run_child_vm(&mut self, p: ChildVmParams) -> Exec {
        if p.isolate_gas {
            self.charge(self.free_gas_consumed)?;
            self.chksign_counter = 0;
            self.extra_balance_counter = 0;
            self.free_gas_consumed = 0;
        }
        let (mut gas_limit, mut gas_max) = (p.gas_limit, p.gas_max);
        if self.version >= 10 {
            gas_limit = gas_limit.min(self.gas.remaining);
            gas_max = gas_max.min(self.gas.remaining);
        }
        let mut cache = std::mem::take(&mut self.cache);
        let code = Code { prog: cache.get(&p.code, self.version), pc: 0 };
        let mut child = Vm::new(code.clone(), p.stack, Gas::new(gas_limit, gas_max, 0), self.version, cache);
        if p.same_c3 {
            child.regs.c[3] = Some(Rc::new(Cont::Ord { data: ControlData::new(0), code }));
            if p.push_0 {
                child.stack.push(Value::int(0));
            }
        }
        if let Some(data) = p.data {
            child.regs.d[0] = Some(data);
        }
        if let Some(c7) = p.c7 {
            child.regs.c7 = Some(c7);
        }
        child.libraries = std::mem::take(&mut self.libraries);
        if !p.isolate_gas {
            child.loaded_cells = std::mem::take(&mut self.loaded_cells);
        }
        child.chksign_counter = self.chksign_counter;
        child.free_gas_consumed = self.free_gas_consumed;
        child.extra_balance_counter = self.extra_balance_counter;
        child.parents = std::mem::take(&mut self.parents);
        let state = std::mem::replace(self, child);
        self.parents.push(ParentVm {
            state,
            return_data: p.return_data,
            return_actions: p.return_actions,
            return_gas: p.return_gas,
            isolate_gas: p.isolate_gas,
            ret_vals: p.ret_vals,
        });
        Ok(())
    }

    /// Resumes the parent after its child stopped with exit code `res`, as the
    /// reference's `restore_parent_vm`: charges the child's gas, then pushes
    /// the returned values, the exit code, and c4 / c5 / gas as asked.
    fn restore_parent_vm(&mut self, parent: ParentVm, mut res: i32) -> Exec {
        let outer = std::mem::take(&mut self.parents);
        let mut child = std::mem::replace(self, parent.state);
        self.parents = outer;
        self.libraries = std::mem::take(&mut child.libraries);
        self.cache = std::mem::take(&mut child.cache);
        self.steps += child.steps;
        if !parent.isolate_gas {
            self.loaded_cells = std::mem::take(&mut child.loaded_cells);
        }
        self.chksign_counter = child.chksign_counter;
        self.extra_balance_counter = child.extra_balance_counter;
        self.free_gas_consumed = child.free_gas_consumed;
        self.charge(child.gas.consumed().min(child.gas.limit.saturating_add(1)))?;
        let depth = child.stack.len();
        let ret_cnt = if res == 0 || res == 1 {
            match usize::try_from(parent.ret_vals) {
                Ok(wanted) if depth >= wanted => wanted,
                // Too few values: the reference reports `~stk_und` (-3) and a 0.
                Ok(_) => {
                    res = !excno::STACK_UNDERFLOW;
                    self.stack.push(Value::int(0));
                    0
                }
                Err(_) => depth,
            }
        } else {
            depth.min(1)
        };
        self.charge_stack(ret_cnt)?;
        self.stack.extend(child.stack.drain(depth - ret_cnt..));
        self.stack.push(Value::int(res as i64));
        let committed = child.committed.take();
        if parent.return_data {
            self.stack.push(committed.as_ref().map_or(Value::Null, |c| Value::Cell(c.c4.clone())));
        }
        if parent.return_actions {
            self.stack.push(committed.as_ref().map_or(Value::Null, |c| Value::Cell(c.c5.clone())));
        }
        if parent.return_gas {
            self.stack.push(Value::int(child.gas.consumed()));
        }
        Ok(())
    }
}

/// Takes the captured stack out of a continuation, without copying when we
/// hold the only reference.
fn take_cont_stack(cont: &mut Rc<Cont>) -> Vec<Value> {
    match Rc::get_mut(cont) {
        Some(c) => c.cdata_mut().and_then(|d| d.stack.take()).unwrap_or_default(),
        None => cont.cdata().and_then(|d| d.stack.clone()).unwrap_or_default(),
    }
}

/// The implicit `RET` at the end of a code window (5 gas, checked at once).
pub(crate) fn exec_implicit_ret(vm: &mut Vm, _: &Instr) -> Exec {
    vm.charge_checked(price::IMPLICIT_RET)?;
    vm.ret()
}

/// The implicit `JMPREF` to the first remaining ref at the end of a window.
pub(crate) fn exec_implicit_jmpref(vm: &mut Vm, _: &Instr) -> Exec {
    let slice = vm.code.slice_at(vm.code.pc as usize - 1);
    let target = slice.preload_reference(0)?;
    vm.charge_checked(price::IMPLICIT_JMPREF)?;
    let code = vm.load_cell(target)?;
    let cont = vm.ord_cont(&code);
    vm.jump(cont)
}
