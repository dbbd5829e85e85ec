//! VmStack / VmCont serialization: round trips of random values, malformed
//! input (typed errors, never a panic), nesting limits, and the layouts the
//! reference writes for a few fixed values (checked against cells produced by
//! the reference; see conformance/vectors/serial_vectors.json for the full
//! set, run by the gram-conformance runner).

use std::rc::Rc;

use gram_cells::{Cell, CellBuilder, CellSlice};
use gram_vm::program::Code;
use gram_vm::serial::{
    cont_to_cell, stack_to_cell, value_to_cell, DeserializeError, Reader, SerializeError, MAX_NESTING,
};
use gram_vm::{CodeCache, Cont, ControlData, Int257, Regs, Value};
use proptest::prelude::*;

fn cell_of(bytes: &[u8], bits: usize, refs: &[Cell]) -> Cell {
    Cell::new(bytes, bits, refs, false).unwrap()
}

fn ord(code: &Cell, data: ControlData) -> Rc<Cont> {
    let code = Code { prog: CodeCache::new().get(&CellSlice::new(code.clone()), 12), pc: 0 };
    Rc::new(Cont::Ord { data, code })
}

fn roundtrip(v: &Value) -> Result<(Cell, Cell), String> {
    let first = value_to_cell(v).map_err(|e| e.to_string())?;
    let back = Reader::new(12).value_from_cell(&first).map_err(|e| format!("read back: {e}"))?;
    let second = value_to_cell(&back).map_err(|e| format!("serialize again: {e}"))?;
    Ok((first, second))
}

// ----- strategies ----------------------------------------------------------------

fn int257() -> impl Strategy<Value = Int257> {
    prop_oneof![
        any::<i64>().prop_map(Int257::from_i64),
        Just(Int257::from_i64(i64::MIN)),
        Just(Int257::from_i64(i64::MAX)),
        prop::array::uniform32(any::<u8>()).prop_map(|b| Int257::from_u256_be(&b)),
        (prop::array::uniform32(any::<u8>())).prop_map(|b| Int257::from_u256_be(&b).checked_neg().unwrap()),
    ]
}

fn small_cell() -> impl Strategy<Value = Cell> {
    (prop::collection::vec(any::<u8>(), 0..8), 0usize..64, 0usize..3).prop_map(|(bytes, bits, refs)| {
        let bits = bits.min(bytes.len() * 8);
        let children: Vec<Cell> = (0..refs).map(|i| cell_of(&[i as u8], 8, &[])).collect();
        cell_of(&bytes, bits, &children)
    })
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(Value::NaN),
        int257().prop_map(Value::Int),
        small_cell().prop_map(Value::Cell),
        (small_cell(), 0usize..64, 0usize..64, 0usize..3).prop_map(|(c, a, b, r)| {
            let bits = c.bit_len();
            let (s, e) = (a.min(bits).min(b.min(bits)), a.min(bits).max(b.min(bits)));
            let refs = r.min(c.ref_count());
            Value::Slice(CellSlice::with_window(c.clone(), s..e, refs..c.ref_count()).unwrap())
        }),
        small_cell().prop_map(|c| Value::Builder(Rc::new(c.to_builder()))),
    ]
}

/// Values stored as `vm_stk_int` (wider than 64 bits) or `vm_stk_nan`.
fn wide_int_or_nan() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::NaN),
        prop::array::uniform32(any::<u8>()).prop_map(|mut b| {
            b[0] |= 1; // at least 249 bits: never a tinyint
            Value::Int(Int257::from_u256_be(&b).checked_neg().unwrap())
        }),
    ]
}

/// Continuations whose saved values are only integers and NaN: what the
/// reference can read back below a `vmc_while_cond`.
fn plain_cont() -> impl Strategy<Value = Rc<Cont>> {
    prop_oneof![
        any::<i32>().prop_map(|c| Rc::new(Cont::Quit(c))),
        Just(Rc::new(Cont::ExcQuit)),
        (small_cell(), -1i32..20, prop::option::of(prop::collection::vec(wide_int_or_nan(), 0..3))).prop_map(
            |(code, nargs, stack)| {
                let mut data = ControlData::new(0);
                data.nargs = nargs;
                data.stack = stack;
                ord(&code, data)
            }
        ),
    ]
}

fn regs(inner: BoxedStrategy<Value>) -> impl Strategy<Value = Regs> {
    (
        prop::option::of(plain_cont()),
        prop::option::of(small_cell()),
        prop::option::of(prop::collection::vec(inner, 0..4)),
    )
        .prop_map(|(c1, c4, c7)| {
            let mut r = Regs::default();
            r.c[1] = c1;
            r.d[0] = c4;
            r.c7 = c7.map(Rc::new);
            r
        })
}

fn cont(inner: BoxedStrategy<Value>) -> impl Strategy<Value = Rc<Cont>> {
    let conts = prop::collection::vec(plain_cont(), 3);
    let data = (
        -1i32..8192,
        prop::option::of(prop::collection::vec(inner.clone(), 0..3)),
        regs(inner),
        prop_oneof![Just(-1), Just(0), any::<i16>().prop_map(i32::from)],
    )
        .prop_map(|(nargs, stack, save, cp)| ControlData {
            stack,
            save,
            nargs,
            cp: if cp == -1 { -1 } else { cp },
        });
    (0u8..9, conts, data, small_cell(), any::<i32>(), 0i64..(1 << 40)).prop_map(|(kind, c, data, code, n, count)| {
        let (a, b, d) = (c[0].clone(), c[1].clone(), c[2].clone());
        Rc::new(match kind {
            0 => return ord(&code, data),
            1 => Cont::Envelope { data, ext: a },
            2 => Cont::PushInt { value: n, next: a },
            3 => Cont::Repeat { body: a, after: b, count },
            4 => Cont::Again { body: a },
            5 => Cont::Until { body: a, after: b },
            6 => Cont::While { cond: a, body: b, after: d, check_cond: true },
            7 => Cont::While { cond: a, body: b, after: d, check_cond: false },
            _ => Cont::Quit(n),
        })
    })
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(|items| Value::Tuple(Rc::new(items))),
            cont(inner.boxed()).prop_map(Value::Cont),
        ]
    })
}

fn random_cell() -> impl Strategy<Value = Cell> {
    let leaf = (prop::collection::vec(any::<u8>(), 0..16), 0usize..128).prop_map(|(b, bits)| {
        let bits = bits.min(b.len() * 8);
        cell_of(&b, bits, &[])
    });
    leaf.prop_recursive(4, 32, 4, |inner| {
        (prop::collection::vec(any::<u8>(), 0..16), 0usize..128, prop::collection::vec(inner, 0..4)).prop_map(
            |(b, bits, refs)| {
                let bits = bits.min(b.len() * 8);
                cell_of(&b, bits, &refs)
            },
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// serialize -> deserialize -> serialize gives the same cell, for every
    /// value that serializes at all.
    #[test]
    fn values_round_trip(v in value()) {
        // Values too big for their cells are skipped (proptest fails if that
        // happens too often, so the round trip is exercised).
        prop_assume!(value_to_cell(&v).is_ok());
        let (a, b) = roundtrip(&v).map_err(TestCaseError::fail)?;
        prop_assert_eq!(a.hash(), b.hash());
    }

    /// The same through a whole stack (top inline, the rest in a chain).
    #[test]
    fn stacks_round_trip(items in prop::collection::vec(value(), 0..6)) {
        let cell = stack_to_cell(&items);
        prop_assume!(cell.is_ok());
        let cell = cell.unwrap();
        let back = Reader::new(12).stack_from_cell(&cell).unwrap();
        prop_assert_eq!(back.len(), items.len());
        prop_assert_eq!(*stack_to_cell(&back).unwrap().hash(), *cell.hash());
    }

    /// Arbitrary cells read as values, stacks or continuations: a result or a
    /// typed error, never a panic; whatever is read serializes back to the
    /// bits it came from.
    #[test]
    fn arbitrary_cells_never_panic(cell in random_cell()) {
        let mut r = Reader::new(12);
        if let Ok(c) = r.cont_from_cell(&cell) {
            prop_assert_eq!(cont_to_cell(&c).map(|c| *c.hash()).ok(), Some(*cell.hash()));
        }
        let _ = r.value_from_cell(&cell);
        let _ = r.stack_from_cell(&cell);
    }
}

#[test]
fn nesting_beyond_the_limit_is_refused_not_a_crash() {
    let mut v = Value::Null;
    for _ in 0..MAX_NESTING + 10 {
        v = Value::Tuple(Rc::new(vec![v]));
    }
    assert!(value_to_cell(&v).is_err());
    // Within the limit the depth of the cells decides (1024 at most).
    let mut w = Value::Null;
    for _ in 0..1100 {
        w = Value::Tuple(Rc::new(vec![w]));
    }
    assert_eq!(value_to_cell(&w).unwrap_err(), SerializeError::Cell(gram_cells::CellError::DepthTooBig));
    // Unwind without deep recursive drops.
    for x in [v, w] {
        let mut cur = x;
        while let Value::Tuple(t) = cur {
            cur = Rc::try_unwrap(t).map(|mut items| items.pop().unwrap_or(Value::Null)).unwrap_or(Value::Null);
        }
    }
}

#[test]
fn deep_cells_read_without_overflowing_the_stack() {
    // 1000 nested single-item tuples: 07 0001 ^item.
    let mut cell = cell_of(&[0], 8, &[]);
    for _ in 0..1000 {
        cell = cell_of(&[7, 0, 1], 24, &[cell]);
    }
    let v = Reader::new(12).value_from_cell(&cell).unwrap();
    assert_eq!(value_to_cell(&v).unwrap().hash(), cell.hash());
    let mut cur = v;
    while let Value::Tuple(t) = cur {
        cur = Rc::try_unwrap(t).map(|mut items| items.pop().unwrap_or(Value::Null)).unwrap_or(Value::Null);
    }
}

#[test]
fn reference_layouts() {
    // vmc_quit$1000 exit_code:int32 and vmc_quit_exc$1001 (the oracle prints
    // these cells for PUSH c0 / PUSH c2 at the top level).
    let quit0 = cont_to_cell(&Cont::Quit(0)).unwrap();
    assert_eq!(quit0.bit_len(), 36);
    assert_eq!(quit0.data()[0], 0x80);
    assert_eq!(cont_to_cell(&Cont::ExcQuit).unwrap().data()[0] >> 4, 0b1001);
    // tinyint vs int257 at the 64-bit boundary.
    let tiny = value_to_cell(&Value::Int(Int257::from_i64(i64::MIN))).unwrap();
    assert_eq!((tiny.bit_len(), tiny.data()[0]), (72, 0x01));
    let big = Int257::from_i64(i64::MAX).add_small(1).unwrap();
    let wide = value_to_cell(&Value::Int(big)).unwrap();
    assert_eq!((wide.bit_len(), wide.data()[0], wide.data()[1] >> 7), (272, 0x02, 0));
    assert_eq!(value_to_cell(&Value::NaN).unwrap().data(), &[0x02, 0xff]);
    // A tuple of 3: head ^[^a ^b], tail ^c.
    let t = Value::Tuple(Rc::new(vec![Value::int(1), Value::int(2), Value::int(3)]));
    let cell = value_to_cell(&t).unwrap();
    assert_eq!((cell.bit_len(), cell.ref_count()), (24, 2));
    assert_eq!(cell.reference(0).unwrap().ref_count(), 2);
}

#[test]
fn malformed_continuations_give_typed_errors() {
    let mut r = Reader::new(12);
    let unknown = cell_of(&[0xE0], 8, &[]);
    assert_eq!(r.cont_from_cell(&unknown).unwrap_err(), DeserializeError::BadTag("continuation"));
    let trailing = cell_of(&[0x90], 8, &[]);
    assert_eq!(r.cont_from_cell(&trailing).unwrap_err(), DeserializeError::Trailing("continuation"));
    // vmc_std with an explicit cp of -1.
    let mut b = CellBuilder::new();
    b.store_uint(0b000001, 6).unwrap();
    b.store_uint(0xffff, 16).unwrap();
    b.store_reference(Cell::empty()).unwrap();
    b.store_uint(0, 26).unwrap();
    assert!(matches!(r.cont_from_cell(&b.build().unwrap()), Err(DeserializeError::Invalid(_))));
    // A stack deeper than 1024 entries.
    let mut b = CellBuilder::new();
    b.store_uint(0b0001, 4).unwrap();
    b.store_uint(1025, 24).unwrap();
    b.store_reference(Cell::empty()).unwrap();
    assert_eq!(r.cont_from_cell(&b.build().unwrap()).unwrap_err(), DeserializeError::StackTooDeep(1025));
}

#[test]
fn while_cond_children_read_saved_values_as_integers() {
    // An ordinary continuation with a saved stack [null] below a while_cond
    // is refused (the reference reads the entry as an integer); with [5]
    // (an int257 would be read, a tinyint is not) it is refused too, with a
    // 257-bit integer it is accepted.
    let code = Cell::empty();
    let with_stack = |v: Value| {
        let mut data = ControlData::new(0);
        data.stack = Some(vec![v]);
        ord(&code, data)
    };
    let quit = Rc::new(Cont::Quit(0));
    for (v, ok) in [
        (Value::Null, false),
        (Value::int(5), false),
        (Value::Int(Int257::from_i64(i64::MAX).add_small(1).unwrap()), true),
        (Value::NaN, true),
    ] {
        for check_cond in [true, false] {
            let w = Cont::While { cond: with_stack(v.clone()), body: quit.clone(), after: quit.clone(), check_cond };
            let cell = cont_to_cell(&w).unwrap();
            let read = Reader::new(12).cont_from_cell(&cell);
            assert_eq!(read.is_ok(), ok || !check_cond, "{v:?} check_cond={check_cond}");
        }
    }
}
