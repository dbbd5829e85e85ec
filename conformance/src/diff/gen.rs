//! Random but valid programs. The instruction under test is drawn from gram's
//! own instruction table (its opcode ranges give the legal operand values of
//! fixed-length instructions); variable-length operands (inline slices,
//! refs, code bodies, long integers) follow cp0.json's layout. The values the
//! instruction consumes are prepared with the types cp0.json's `value_flow`
//! names: on the entry stack where possible, else pushed by code (a
//! continuation can only be made by code, with `PUSHCONT`).

use gram_cells::dict::{DictKey, DictValue, Dictionary, NoGas, SetMode};
use gram_cells::{Cell, CellBuilder, CellSlice};
use gram_vm::json::cell_to_boc_text;
use gram_vm::table::{OpDef, Table};
use gram_vm::Int257;
use serde_json::{json, Value as Json};

use super::program::{Bits, Item, Program};
use super::rng::Rng;
use super::spec::{Input, InstrSpec, Operand, Spec, Subslice, ValueKind};
use gram_vm::program::CODE_REF_MNEMONICS;

/// Nesting depth of code bodies beyond which bodies stay trivial.
const MAX_DEPTH: u32 = 3;

/// Instructions that make the gas limit unbounded in a get method.
pub const UNBOUNDED_GAS_OPS: &[&str] = &["ACCEPT", "SETGASLIMIT"];

/// Settings of the generator.
#[derive(Clone, Debug)]
pub struct GenConfig {
    /// Gas limit of most programs (some get a small random one to run out of gas midway).
    pub gas_limit: i64,
    /// Global version whose instructions are used.
    pub version: u32,
    /// Blockchain config every request puts in c7 (base64 BoC), if any.
    pub c7_config: Option<String>,
}

/// Draws programs; deterministic for a given `Rng`.
pub struct Generator<'a> {
    spec: &'a Spec,
    /// Entries the instruction under test is drawn from (after `--filter`).
    focus: Vec<&'static OpDef>,
    /// Every usable entry (nested code and follow-up instructions).
    all: Vec<&'static OpDef>,
    config: GenConfig,
}

impl<'a> Generator<'a> {
    /// A generator over the table entries whose name `keep` accepts.
    /// `ACCEPT` and `SETGASLIMIT` lift a get method's gas limit to unbounded,
    /// so any endless loop after them never ends (on either side): they are
    /// only used when `keep` selects them, and never in nested code.
    pub fn new(spec: &'a Spec, config: GenConfig, keep: impl Fn(&str) -> bool) -> Generator<'a> {
        let usable = |d: &&'static OpDef| d.since <= config.version;
        let everything: Vec<&'static OpDef> = Table::cp0().entries().iter().filter(usable).collect();
        let focus = everything.iter().copied().filter(|d| keep(d.name)).collect();
        let all = everything.into_iter().filter(|d| !UNBOUNDED_GAS_OPS.contains(&d.name)).collect();
        Generator { spec, focus, all, config }
    }

    /// Number of table entries under test.
    pub fn focus_len(&self) -> usize {
        self.focus.len()
    }

    /// One program (retries until the code fits in its cells).
    pub fn program(&self, rng: &mut Rng) -> Program {
        loop {
            let mut stack = Vec::new();
            // Sometimes a deep stack, so stack copies beyond 32 entries cost gas.
            let filler = if rng.chance(1, 30) { rng.range(28, 40) as u64 } else { rng.below(3) };
            for _ in 0..filler {
                let kind = self.any_kind(rng, false);
                stack.push(self.json_value(rng, kind, 0));
            }
            let mut items = Vec::new();
            let mut in_code = false;
            self.snippet(rng, true, 0, &mut stack, &mut in_code, &mut items);
            for _ in 0..rng.below(3) {
                in_code = true;
                let from_focus = rng.chance(1, 2);
                self.snippet(rng, from_focus, 0, &mut stack, &mut in_code, &mut items);
            }
            if items.len() > 1 && rng.chance(1, 10) {
                let at = rng.below(items.len() as u64) as usize;
                let rest = items.split_off(at);
                items.push(Item::Tail(rest));
            }
            let gas_limit = if rng.chance(1, 20) { rng.range(20, 2000) } else { self.config.gas_limit };
            let program = Program {
                stack,
                sentinel: rng.range(i32::MIN as i64, i32::MAX as i64) as i32,
                items,
                data: rng.chance(3, 10).then(|| self.cell(rng, 0)),
                gas_limit,
                capture_c4c5: rng.chance(1, 3),
                c7_config: self.config.c7_config.clone(),
                // Now and then an older version: gating and old gas rules.
                global_version: rng.chance(1, 10).then(|| rng.range(4, 11) as u32),
            };
            if program.code().is_some() {
                return program;
            }
        }
    }

    /// Prepares the inputs of one instruction, then emits it. Inputs go on
    /// the entry stack until the first one that code must push.
    fn snippet(
        &self,
        rng: &mut Rng,
        from_focus: bool,
        depth: u32,
        stack: &mut Vec<Json>,
        in_code: &mut bool,
        items: &mut Vec<Item>,
    ) {
        let pool = if from_focus && !self.focus.is_empty() { &self.focus } else { &self.all };
        let def = *rng.pick(pool);
        let spec = self.spec.by_name.get(def.name);
        let dict_values = spec.and_then(|s| s.inputs.as_ref()).and_then(|inputs| self.dict_inputs(rng, inputs));
        if let Some(values) = dict_values {
            // Dictionary instructions: every input is data, so all of it can
            // go on the entry stack unless code already pushes values.
            for v in values {
                if *in_code {
                    items.push(self.code_push_json(rng, &v, depth));
                } else {
                    stack.push(v);
                }
            }
        } else if !rng.chance(1, 12) {
            let kinds = self.input_kinds(rng, spec.and_then(|s| s.inputs.as_ref()));
            for kind in kinds {
                if kind == ValueKind::Cont {
                    *in_code = true;
                }
                if *in_code {
                    items.push(self.code_push(rng, kind, depth));
                } else {
                    stack.push(self.json_value(rng, kind, 0));
                }
            }
        }
        items.push(self.instruction(rng, def, spec, depth));
    }

    /// The kinds of the values to prepare, bottom first.
    fn input_kinds(&self, rng: &mut Rng, inputs: Option<&Vec<Input>>) -> Vec<ValueKind> {
        let Some(inputs) = inputs else {
            // Stack manipulation: cp0 gives no types; a few values of any kind.
            return (0..rng.below(7)).map(|_| self.any_kind(rng, true)).collect();
        };
        let mut out = Vec::new();
        for input in inputs {
            match input {
                Input::Simple { kinds, .. } => {
                    let kind = *rng.pick(kinds);
                    out.push(if kind == ValueKind::Any { self.any_kind(rng, true) } else { kind });
                }
                Input::Array => out.extend((0..rng.below(4)).map(|_| self.any_kind(rng, true))),
            }
        }
        out
    }

    fn any_kind(&self, rng: &mut Rng, allow_cont: bool) -> ValueKind {
        const KINDS: [ValueKind; 7] = [
            ValueKind::Int,
            ValueKind::Int,
            ValueKind::Cell,
            ValueKind::Slice,
            ValueKind::Builder,
            ValueKind::Tuple,
            ValueKind::Null,
        ];
        if allow_cont && rng.chance(1, 12) {
            ValueKind::Cont
        } else {
            *rng.pick(&KINDS)
        }
    }

    /// The encoding of one instruction of the table.
    fn instruction(&self, rng: &mut Rng, def: &'static OpDef, spec: Option<&InstrSpec>, depth: u32) -> Item {
        let special = spec.filter(|s| {
            def.decode.is_some()
                && s.operands.iter().any(|o| matches!(o, Operand::Ref | Operand::Subslice(_) | Operand::PushIntLong))
        });
        match special {
            Some(spec) => self.variable_instruction(rng, def.name, spec, depth),
            None => {
                let shift = 24 - def.tot_bits as u32;
                let (lo, hi) = (def.min >> shift, def.max >> shift);
                let opcode = lo + rng.below((hi - lo) as u64) as u32;
                let mut bits = Bits::default();
                bits.push_uint(opcode as u64, def.tot_bits as u32);
                Item::Op { name: def.name, bits, refs: Vec::new() }
            }
        }
    }

    /// An instruction with inline data or refs, encoded from cp0's operand layout.
    fn variable_instruction(&self, rng: &mut Rng, name: &'static str, spec: &InstrSpec, depth: u32) -> Item {
        if name == "PUSHCONT" || name == "PUSHCONT_SHORT" {
            return Item::PushCont(self.body(rng, depth + 1));
        }
        let mut bits = Bits::from_tagged_hex(&spec.prefix).unwrap_or_default();
        let mut refs = Vec::new();
        let code_refs = CODE_REF_MNEMONICS.contains(&name);
        let mut bodies = Vec::new();
        for op in &spec.operands {
            match op {
                Operand::Uint { size, min, max } => bits.push_uint(rng.range(*min, *max) as u64, *size),
                Operand::Int { size, min, max } => bits.push_uint(rng.range(*min, *max) as u64, *size),
                Operand::Ref if code_refs => bodies.push(self.body(rng, depth + 1)),
                Operand::Ref => refs.push(self.cell(rng, 1)),
                Operand::PushIntLong => {
                    let len = rng.below(31);
                    bits.push_uint(len, 5);
                    for _ in 0..(8 * len + 19) {
                        bits.push_uint(rng.below(2), 1);
                    }
                }
                Operand::Subslice(layout) => self.subslice(rng, layout, &mut bits, &mut refs),
            }
        }
        if code_refs {
            Item::RefCode { name, bits, bodies }
        } else {
            Item::Op { name, bits, refs }
        }
    }

    /// Inline slice data: ref count and byte length fields, refs, padded bits.
    fn subslice(&self, rng: &mut Rng, layout: &Subslice, bits: &mut Bits, refs: &mut Vec<Cell>) {
        if layout.refs_len_bits > 0 {
            let count = rng.range(layout.refs_add as i64, layout.max_refs as i64) as u32;
            bits.push_uint((count - layout.refs_add) as u64, layout.refs_len_bits);
            refs.extend((0..count).map(|_| self.cell(rng, 1)));
        }
        let max_len = (1u64 << layout.bits_len_bits) - 1;
        let len = if rng.chance(1, 10) { rng.below(max_len + 1) } else { rng.below(max_len.min(6) + 1) };
        bits.push_uint(len, layout.bits_len_bits);
        let total = 8 * len as usize + layout.bits_padding as usize;
        if layout.completion_tag && total > 0 {
            let payload = rng.below(total as u64) as usize;
            (0..payload).for_each(|_| bits.push_uint(rng.below(2), 1));
            bits.push_uint(1, 1);
            bits.push_uint(0, (total - payload - 1) as u32);
        } else {
            (0..total).for_each(|_| bits.push_uint(rng.below(2), 1));
        }
    }

    /// A code body: a few instructions, each with its inputs pushed by code.
    fn body(&self, rng: &mut Rng, depth: u32) -> Vec<Item> {
        let mut items = Vec::new();
        if depth > MAX_DEPTH {
            if rng.chance(1, 2) {
                items.push(self.code_push(rng, ValueKind::Int, depth));
            }
            return items;
        }
        let mut unused = Vec::new();
        for _ in 0..rng.below(4) {
            let from_focus = rng.chance(1, 2);
            self.snippet(rng, from_focus, depth, &mut unused, &mut true, &mut items);
        }
        items
    }

    /// Coherent inputs of a dictionary instruction (cp0 names a `D` and an
    /// `n`): a real dictionary with `n`-bit keys, keys that are often in it,
    /// values of the kinds asked. `None` for other instructions.
    fn dict_inputs(&self, rng: &mut Rng, inputs: &[Input]) -> Option<Vec<Json>> {
        let names: Vec<&str> = inputs
            .iter()
            .map(|i| match i {
                Input::Simple { name, .. } => name.as_str(),
                Input::Array => "",
            })
            .collect();
        if !(names.contains(&"D") && names.contains(&"n")) || rng.chance(1, 10) {
            return None;
        }
        const KEY_LENGTHS: [usize; 10] = [0, 1, 4, 8, 8, 16, 16, 32, 64, 100];
        let n = *rng.pick(&KEY_LENGTHS);
        let random_key = |rng: &mut Rng| {
            let mut bits = Bits::default();
            let small = rng.chance(1, 2);
            for i in 0..n {
                // Small keys (mostly zero high bits) make integer keys fit.
                let bit = if small && i + 4 < n { 0 } else { rng.below(2) };
                bits.push_uint(bit, 1);
            }
            bits
        };
        let keys: Vec<Bits> = (0..rng.below(7)).map(|_| random_key(rng)).collect();
        let as_refs = rng.chance(1, 3);
        let mut dict = Dictionary::new(n).ok()?;
        for key in &keys {
            let dkey = DictKey::from_bits(&key.to_bytes(), n)?;
            let value = self.cell(rng, 1);
            let set = if as_refs {
                dict.set(&dkey, DictValue::Ref(&value), SetMode::Set, &mut NoGas)
            } else {
                dict.set(&dkey, DictValue::Slice(&CellSlice::new(value)), SetMode::Set, &mut NoGas)
            };
            set.ok()?;
        }
        let root = dict.into_root();
        let pick_key = |rng: &mut Rng| {
            if !keys.is_empty() && rng.chance(3, 5) {
                rng.pick(&keys).clone()
            } else {
                random_key(rng)
            }
        };
        let mut out = Vec::new();
        for (input, name) in inputs.iter().zip(&names) {
            let kinds: &[ValueKind] = match input {
                Input::Simple { kinds, .. } => kinds,
                Input::Array => &[],
            };
            let v = match (*name, kinds.first()) {
                ("D", _) => match &root {
                    Some(cell) if !rng.chance(1, 10) => json!({"type": "cell", "boc": cell_to_boc_text(cell)}),
                    _ => json!({"type": "null"}),
                },
                ("n", _) => json!({"type": "int", "value": n.to_string()}),
                ("l", _) => json!({"type": "int", "value": rng.below(n as u64 + 1).to_string()}),
                ("i" | "k", Some(ValueKind::Int)) => {
                    let key = pick_key(rng);
                    json!({"type": "int", "value": key_to_int(&key, rng.chance(1, 2)).to_string()})
                }
                ("k", Some(ValueKind::Slice)) => {
                    let key = pick_key(rng);
                    let cell = Cell::new(&key.to_bytes(), key.len(), &[], false).ok()?;
                    json!({"type": "slice", "boc": cell_to_boc_text(&cell)})
                }
                _ => {
                    let kind = kinds.first().copied().unwrap_or(ValueKind::Any);
                    self.json_value(rng, if kind == ValueKind::Any { ValueKind::Int } else { kind }, 0)
                }
            };
            out.push(v);
        }
        Some(out)
    }

    /// Code that pushes a value given in the oracle's JSON form (ints
    /// exactly; cells, slices and builders by their cell; others by kind).
    fn code_push_json(&self, rng: &mut Rng, v: &Json, depth: u32) -> Item {
        let cell = || v["boc"].as_str().and_then(|b| gram_vm::json::cell_from_boc_text(b).ok());
        let with_ref = |name: &'static str, opcode: u64, cell: Cell| {
            let mut bits = Bits::default();
            bits.push_uint(opcode, 8);
            Item::Op { name, bits, refs: vec![cell] }
        };
        match (v["type"].as_str(), cell()) {
            (Some("int"), _) => {
                let Some(value) = v["value"].as_str().and_then(|t| Int257::parse(t).ok()?.to_i128()) else {
                    return self.code_push(rng, ValueKind::Int, depth);
                };
                // PUSHINT with l = 13: 8 * 13 + 19 = 123 bits... too short for
                // i128; l = 14 gives 131 bits, the i128 sign-extended.
                let mut bits = Bits::default();
                bits.push_uint(0x82, 8);
                bits.push_uint(14, 5);
                bits.push_uint(if value < 0 { u64::MAX } else { 0 }, 131 - 128);
                value.to_be_bytes().iter().for_each(|b| bits.push_uint(*b as u64, 8));
                Item::Op { name: "PUSHINT_LONG", bits, refs: Vec::new() }
            }
            (Some("cell"), Some(c)) => with_ref("PUSHREF", 0x88, c),
            (Some("slice"), Some(c)) => with_ref("PUSHREFSLICE", 0x89, c),
            (Some("null"), _) => self.code_push(rng, ValueKind::Null, depth),
            (Some("builder"), _) => self.code_push(rng, ValueKind::Builder, depth),
            _ => self.code_push(rng, ValueKind::Tuple, depth),
        }
    }

    /// Code that pushes one value of `kind`.
    fn code_push(&self, rng: &mut Rng, kind: ValueKind, depth: u32) -> Item {
        let op = |name: &'static str, value: u64, n: u32| {
            let mut bits = Bits::default();
            bits.push_uint(value, n);
            Item::Op { name, bits, refs: Vec::new() }
        };
        match kind {
            ValueKind::Int => match rng.below(10) {
                0..=5 => op("PUSHINT_4", 0x70 | (rng.range(-5, 10) as u64 & 0xF), 8),
                6 => op("PUSHINT_8", 0x8000 | (rng.below(256)), 16),
                7 => op("PUSHINT_16", 0x81_0000 | rng.below(65536), 24),
                8 => op("PUSHNAN", 0x83FF, 16),
                _ => {
                    let len = rng.below(31);
                    let mut bits = Bits::default();
                    bits.push_uint(0x82, 8);
                    bits.push_uint(len, 5);
                    (0..8 * len + 19).for_each(|_| bits.push_uint(rng.below(2), 1));
                    Item::Op { name: "PUSHINT_LONG", bits, refs: Vec::new() }
                }
            },
            ValueKind::Null => op("PUSHNULL", 0x6D, 8),
            ValueKind::Builder => op("NEWC", 0xC8, 8),
            ValueKind::Tuple => op("NIL", 0x6F00, 16),
            ValueKind::Cell | ValueKind::Slice => {
                let (name, opcode) = if kind == ValueKind::Cell { ("PUSHREF", 0x88) } else { ("PUSHREFSLICE", 0x89) };
                let mut bits = Bits::default();
                bits.push_uint(opcode, 8);
                Item::Op { name, bits, refs: vec![self.cell(rng, 1)] }
            }
            ValueKind::Cont => Item::PushCont(self.body(rng, depth + 1)),
            ValueKind::Any => {
                let kind = self.any_kind(rng, false);
                self.code_push(rng, kind, depth)
            }
        }
    }

    /// A random ordinary cell: mostly short, sometimes long, with a few refs.
    pub fn cell(&self, rng: &mut Rng, depth: u32) -> Cell {
        let len = match rng.below(10) {
            0..=6 => rng.below(49),
            7 | 8 => rng.range(49, 300) as u64,
            _ => rng.range(300, 1023) as u64,
        } as usize;
        let mut b = CellBuilder::new();
        for _ in 0..len {
            let _ = b.store_bit(rng.chance(1, 2));
        }
        if depth < 2 {
            for _ in 0..[0, 0, 0, 1, 1, 2, 4][rng.below(7) as usize] {
                let _ = b.store_reference(self.cell(rng, depth + 1));
            }
        }
        b.build().unwrap_or_else(|_| Cell::empty())
    }

    /// A typed stack value for the entry stack (oracle format).
    pub fn json_value(&self, rng: &mut Rng, kind: ValueKind, depth: u32) -> Json {
        match kind {
            ValueKind::Int | ValueKind::Any if rng.chance(1, 40) => json!({"type": "nan"}),
            // A continuation cannot be given on the entry stack (code pushes
            // those); callers never ask, an int stands in if one did.
            ValueKind::Int | ValueKind::Any | ValueKind::Cont => {
                json!({"type": "int", "value": random_int(rng).to_string()})
            }
            ValueKind::Null => json!({"type": "null"}),
            ValueKind::Cell => json!({"type": "cell", "boc": cell_to_boc_text(&self.cell(rng, 0))}),
            ValueKind::Builder => json!({"type": "builder", "boc": cell_to_boc_text(&self.cell(rng, 1))}),
            ValueKind::Slice => {
                let cell = self.cell(rng, 0);
                let (bits, refs) = (cell.bit_len() as u64, cell.ref_count() as u64);
                let mut v = json!({"type": "slice", "boc": cell_to_boc_text(&cell)});
                if rng.chance(1, 4) {
                    let bs = rng.below(bits + 1);
                    let rs = rng.below(refs + 1);
                    v["bits_start"] = json!(bs);
                    v["bits_end"] = json!(bs + rng.below(bits - bs + 1));
                    v["refs_start"] = json!(rs);
                    v["refs_end"] = json!(rs + rng.below(refs - rs + 1));
                }
                v
            }
            ValueKind::Tuple => {
                let n = if depth > 1 { 0 } else { rng.below(5) };
                let items: Vec<Json> = (0..n)
                    .map(|_| {
                        let kind = self.any_kind(rng, false);
                        self.json_value(rng, kind, depth + 1)
                    })
                    .collect();
                json!({"type": "tuple", "items": items})
            }
        }
    }
}

/// A dictionary key read as an integer (two's complement if `signed`).
fn key_to_int(key: &Bits, signed: bool) -> Int257 {
    let mut bytes = [0u8; 32];
    let len = key.len().min(256);
    for (i, bit) in key.0[key.len() - len..].iter().enumerate() {
        if *bit {
            let pos = 256 - len + i;
            bytes[pos / 8] |= 0x80 >> (pos % 8);
        }
    }
    let value = Int257::from_u256_be(&bytes);
    match (signed && key.0.first() == Some(&true), Int257::pow2(len as u32)) {
        (true, Some(p)) if len > 0 => value.checked_sub(p).unwrap_or(value),
        _ => value,
    }
}

/// 2^k + delta, negated if asked; `None` outside the 257-bit range.
fn power_near(k: u32, delta: i64, negative: bool) -> Option<Int257> {
    let v = if k == 256 {
        let half = Int257::pow2(255)?;
        if negative && delta == 0 {
            return half.checked_neg()?.mul_small(2);
        }
        half.checked_add(half.add_small(delta)?)?
    } else {
        Int257::pow2(k)?.add_small(delta)?
    };
    if negative {
        v.checked_neg()
    } else {
        Some(v)
    }
}

/// An integer: small values, powers of two and their neighbours, random
/// 64-bit and 256-bit values, so range checks and overflows are hit.
pub fn random_int(rng: &mut Rng) -> Int257 {
    match rng.below(20) {
        0..=6 => Int257::from(rng.range(-3, 10)),
        7..=11 => {
            const POWERS: [u32; 14] = [1, 7, 8, 15, 16, 31, 32, 62, 63, 64, 127, 128, 255, 256];
            let k = *rng.pick(&POWERS);
            let delta = rng.range(-1, 1);
            power_near(k, delta, rng.chance(1, 2)).unwrap_or_else(|| Int257::from(0i64))
        }
        12..=15 => {
            let v = (rng.next_u64() >> rng.below(64)) as i64;
            Int257::from(if rng.chance(1, 2) { v } else { v.wrapping_neg() })
        }
        _ => {
            let mut bytes = [0u8; 32];
            bytes.iter_mut().for_each(|b| *b = rng.below(256) as u8);
            let shift = rng.below(256) as u32;
            let v = Int257::from_u256_be(&bytes).shr(shift, gram_vm::int257::Rounding::Floor);
            if rng.chance(1, 2) {
                v.checked_neg().unwrap_or(v)
            } else {
                v
            }
        }
    }
}
