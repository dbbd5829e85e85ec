//! `Int257` against answers of the reference TVM: every case in
//! `conformance/vectors/int257/int257_vectors.json` (made by
//! `gen_int257_vectors.mjs` next to it, through `../shared/oracle`).
//!
//! Each instruction is evaluated the way the VM will use the API: quiet
//! instructions turn `None` into NaN, the division family keeps the
//! remainder when only the quotient overflows, stores and loads go through
//! `store_to` / `load_from`. `INT257_VECTORS=<file>` runs another vector
//! file of the same format (for one-off soaks with more random cases).

use std::path::PathBuf;

use gram_cells::{CellBuilder, CellError};
use gram_vm::int257::{DivRem, Int257, Rounding, WideInt};
use serde_json::Value;

#[derive(Debug, PartialEq, Eq)]
enum Item {
    Int(Int257),
    Nan,
    CellHash(String),
}

/// What an instruction leaves: the result stack, or an exception number.
type Outcome = Result<Vec<Item>, i64>;

fn int_or_nan(v: Option<Int257>) -> Item {
    v.map_or(Item::Nan, Item::Int)
}

/// Quotient then remainder, as the quiet division instructions push them.
fn quot_rem(d: Option<DivRem>) -> Outcome {
    Ok(match d {
        None => vec![Item::Nan, Item::Nan],
        Some(d) => vec![int_or_nan(d.quot), Item::Int(d.rem)],
    })
}

fn int(v: &Value) -> Int257 {
    Int257::parse(v.as_str().expect("string input")).expect("input is a 257-bit integer")
}

fn small(v: &Value) -> u32 {
    int(v).to_u64().and_then(|n| u32::try_from(n).ok()).expect("small non-negative input")
}

fn rounding(suffix: char) -> Rounding {
    match suffix {
        'F' => Rounding::Floor,
        'R' => Rounding::Nearest,
        'C' => Rounding::Ceil,
        _ => panic!("unknown rounding suffix {suffix}"),
    }
}

fn hex_bytes(text: &str) -> Vec<u8> {
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex")).collect()
}

fn store(x: Int257, bits: usize, signed: bool) -> Outcome {
    let mut b = CellBuilder::new();
    match x.store_to(&mut b, bits, signed) {
        Ok(()) => {
            let cell = b.build().expect("a cell");
            let hash: String = cell.hash().iter().map(|byte| format!("{byte:02X}")).collect();
            Ok(vec![Item::CellHash(hash)])
        }
        Err(CellError::IntOutOfRange) => Err(5),
        Err(CellError::Overflow) => Err(8),
        Err(e) => panic!("unexpected store error {e:?}"),
    }
}

fn load(hex: &str, bits: usize, signed: bool) -> Outcome {
    let bytes = hex_bytes(hex);
    let mut b = CellBuilder::new();
    b.store_raw(&bytes, bytes.len() * 8).expect("slice bits");
    let cell = b.build().expect("a cell");
    let mut s = cell.as_slice();
    match Int257::load_from(&mut s, bits, signed) {
        Ok(x) => Ok(vec![Item::Int(x)]),
        Err(CellError::Underflow) => Err(9),
        Err(e) => panic!("unexpected load error {e:?}"),
    }
}

/// Runs one instruction of the vector file on `Int257`.
fn evaluate(op: &str, input: &[Value]) -> Outcome {
    let one = |v: Option<Int257>| Ok(vec![int_or_nan(v)]);
    let a = |i: usize| int(&input[i]);
    if let Some(c) = op.strip_prefix("QADDINT ") {
        return one(a(0).add_small(c.parse().expect("constant")));
    }
    if let Some(c) = op.strip_prefix("QMULINT ") {
        return one(a(0).mul_small(c.parse().expect("constant")));
    }
    match op {
        "QADD" => return one(a(0).checked_add(a(1))),
        "QSUB" => return one(a(0).checked_sub(a(1))),
        "QNEGATE" => return one(a(0).checked_neg()),
        "QMUL" => return one(a(0).checked_mul(a(1))),
        "QABS" => return one(a(0).checked_abs()),
        "ADD" => return a(0).checked_add(a(1)).map(|v| vec![Item::Int(v)]).ok_or(4),
        "MUL" => return a(0).checked_mul(a(1)).map(|v| vec![Item::Int(v)]).ok_or(4),
        "QLSHIFT" => return one(a(0).shl(small(&input[1]))),
        "QRSHIFT" => return one(Some(a(0).shr(small(&input[1]), Rounding::Floor))),
        "QPOW2" => return one(Int257::pow2(small(&input[0]))),
        "QAND" => return one(Some(a(0).and(a(1)))),
        "QOR" => return one(Some(a(0).or(a(1)))),
        "QXOR" => return one(Some(a(0).xor(a(1)))),
        "QNOT" => return one(Some(a(0).not())),
        "QFITSX" => return one(Some(a(0)).filter(|x| x.fits_signed(small(&input[1])))),
        "QUFITSX" => return one(Some(a(0)).filter(|x| x.fits_unsigned(small(&input[1])))),
        "QBITSIZE" => return one(Some(Int257::from_u64(a(0).bit_size_signed() as u64))),
        "QUBITSIZE" => return one(a(0).bit_size_unsigned().map(|n| Int257::from_u64(n as u64))),
        "CMP" => return one(Some(Int257::from_i64(a(0).cmp(&a(1)) as i64))),
        "SGN" => return one(Some(Int257::from_i64(a(0).sign() as i64))),
        "STIX" => return store(a(0), small(&input[1]) as usize, true),
        "STUX" => return store(a(0), small(&input[1]) as usize, false),
        "PLDIX" => return load(input[0].as_str().expect("hex"), small(&input[1]) as usize, true),
        "PLDUX" => return load(input[0].as_str().expect("hex"), small(&input[1]) as usize, false),
        _ => {}
    }
    // The division family: the last letter is the rounding mode.
    let (family, suffix) = op.split_at(op.len() - 1);
    let r = rounding(suffix.chars().next().expect("suffix"));
    match family {
        "QDIVMOD" => quot_rem(a(0).div_rem_parts(a(1), r)),
        "QADDDIVMOD" => quot_rem(WideInt::from_int(a(0)).add_int(a(1)).div_rem(a(2), r)),
        "QRSHIFTMOD" => {
            let (q, rem) = a(0).shr_rem(small(&input[1]), r).expect("shift <= 256");
            Ok(vec![Item::Int(q), Item::Int(rem)])
        }
        "QADDRSHIFTMOD" => quot_rem(WideInt::from_int(a(0)).add_int(a(1)).shr_rem(small(&input[2]), r)),
        "QMULDIVMOD" => quot_rem(WideInt::mul(a(0), a(1)).div_rem(a(2), r)),
        "QMULADDDIVMOD" => quot_rem(WideInt::mul(a(0), a(1)).add_int(a(2)).div_rem(a(3), r)),
        "QMULRSHIFTMOD" => quot_rem(WideInt::mul(a(0), a(1)).shr_rem(small(&input[2]), r)),
        "QMULADDRSHIFTMOD" => quot_rem(WideInt::mul(a(0), a(1)).add_int(a(2)).shr_rem(small(&input[3]), r)),
        "QLSHIFTDIVMOD" => {
            let wide = WideInt::shl_of(a(0), small(&input[2])).expect("shift <= 256");
            quot_rem(wide.div_rem(a(1), r))
        }
        "QLSHIFTADDDIVMOD" => {
            let wide = WideInt::shl_of(a(0), small(&input[3])).expect("shift <= 256");
            quot_rem(wide.add_int(a(1)).div_rem(a(2), r))
        }
        _ => panic!("the test does not know instruction {op}"),
    }
}

fn expected(case: &Value) -> Outcome {
    let exit = case["exit_code"].as_i64().expect("exit_code");
    if exit != 0 {
        return Err(exit);
    }
    let stack = case["stack"].as_array().expect("stack");
    Ok(stack
        .iter()
        .map(|s| match s {
            Value::String(t) if t == "nan" => Item::Nan,
            Value::String(t) => Item::Int(Int257::parse(t).expect("result integer")),
            Value::Object(o) => Item::CellHash(o["cell_hash"].as_str().expect("cell_hash").to_string()),
            other => panic!("unexpected stack item {other}"),
        })
        .collect())
}

fn vector_file() -> PathBuf {
    match std::env::var_os("INT257_VECTORS") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../conformance/vectors/int257/int257_vectors.json"),
    }
}

#[test]
fn every_reference_case_matches() {
    let path = vector_file();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: Value = serde_json::from_str(&text).expect("vector JSON");
    assert_eq!(doc["format"], "int257-vectors/1");
    let cases = doc["cases"].as_array().expect("cases");
    assert_eq!(cases.len() as u64, doc["count"].as_u64().expect("count"));
    assert!(cases.len() > 1000, "the vector file looks truncated");
    let mut failures = Vec::new();
    for case in cases {
        let op = case["op"].as_str().expect("op");
        let input = case["input"].as_array().expect("input");
        let got = evaluate(op, input);
        let want = expected(case);
        if got != want {
            failures.push(format!("{op} {input:?}: reference {want:?}, Int257 {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}
