//! The pure-arithmetic programs of the reference vectors
//! (`conformance/vectors/tvm_gas_vectors.json`, groups `int.*` and one
//! `nan.*`), recomputed with `Int257`. Each program is written out below as
//! the API calls the VM makes for it; the expected exit code and stack come
//! from the vector file (the reference TVM), not from this file.

use std::path::PathBuf;

use gram_vm::int257::{Int257, Rounding};
use serde_json::Value;

/// The final stack (bottom first, `None` = NaN) or the exception number.
type Outcome = Result<Vec<Option<Int257>>, i64>;

const INT_OVERFLOW: i64 = 4;

/// A non-quiet instruction: `None` is an integer overflow.
fn ovf<T>(v: Option<T>) -> Result<T, i64> {
    v.ok_or(INT_OVERFLOW)
}

fn i(v: i64) -> Int257 {
    Int257::from_i64(v)
}

fn flag(b: bool) -> Int257 {
    if b {
        Int257::MINUS_ONE
    } else {
        Int257::ZERO
    }
}

fn ok(values: Vec<Int257>) -> Outcome {
    Ok(values.into_iter().map(Some).collect())
}

/// The operand of every `PUSHINT` in an asm line, parsed with `Int257::parse`.
fn pushed(asm: &str) -> Vec<Int257> {
    asm.split(';')
        .filter_map(|ins| ins.trim().strip_prefix("PUSHINT "))
        .map(|n| Int257::parse(n).expect("PUSHINT operand"))
        .collect()
}

/// Marks a vector that is not one of the arithmetic programs below.
const NOT_ARITHMETIC: i64 = i64::MIN;

/// Recomputes the program of vector `name` (`input` = its `stack_in`).
fn program(name: &str, asm: &str, input: &[Int257]) -> Outcome {
    match name {
        "int.add_small" => ok(vec![ovf(i(1).checked_add(i(2)))?]),
        "int.pushint_forms" | "int.pushint_257_max" | "int.pushint_257_min" => ok(pushed(asm)),
        "int.add_overflow" => ok(vec![ovf(pushed(asm)[0].add_small(1))?]),
        "int.mul_overflow" => {
            let p = ovf(Int257::pow2(255))?;
            ok(vec![ovf(p.checked_mul(p))?])
        }
        "int.negate_min_overflow" => ok(vec![ovf(pushed(asm)[0].checked_neg())?]),
        "int.mul_sub_negate" => ok(vec![ovf(ovf(ovf(i(10).checked_mul(i(5)))?.checked_sub(i(7)))?.checked_neg())?]),
        "int.addconst_mulconst" => ok(vec![ovf(ovf(i(5).add_small(-7))?.mul_small(-3))?]),
        "int.div_mod_floor" | "int.divmod" => {
            let (q, r) = ovf(input[0].div_rem(input[1], Rounding::Floor))?;
            ok(vec![q, r])
        }
        "int.divr_divc" => {
            let (qr, _) = ovf(input[0].div_rem(input[1], Rounding::Nearest))?;
            let (qc, _) = ovf(input[0].div_rem(input[1], Rounding::Ceil))?;
            ok(vec![qr, qc])
        }
        "int.div_by_zero" => ok(vec![ovf(i(10).div_rem(i(0), Rounding::Floor))?.0]),
        "int.muldivmod" => {
            let (q, r) = ovf(input[0].mul_div_rem(input[1], input[2], Rounding::Floor))?;
            ok(vec![q, r])
        }
        "int.muldivr" => ok(vec![ovf(input[0].mul_div_rem(input[1], input[2], Rounding::Nearest))?.0]),
        "int.muldiv_wide" => ok(vec![ovf(ovf(Int257::pow2(255))?.mul_div_rem(i(4), i(8), Rounding::Floor))?.0]),
        "int.muldiv_overflow" => ok(vec![ovf(ovf(Int257::pow2(255))?.mul_div_rem(i(4), i(1), Rounding::Floor))?.0]),
        "int.shifts" => ok(vec![ovf(i(1).shl(255))?, i(-5).shr(1, Rounding::Floor), ovf(i(5).shl(3))?]),
        "int.lshift_overflow" => ok(vec![ovf(i(1).shl(256))?]),
        "int.pow2_overflow" => ok(vec![ovf(Int257::pow2(256))?]),
        "int.bitwise" => ok(vec![i(12).and(i(10)), i(12).or(i(10)), i(12).xor(i(10)), i(5).not()]),
        "int.compare" => ok(vec![
            flag(i(5) < i(3)),
            flag(i(5) > i(3)),
            flag(i(3) == i(3)),
            i(i(5).cmp(&i(3)) as i64),
            i(i(3).cmp(&i(5)) as i64),
        ]),
        "int.compare_imm" => ok(vec![flag(i(5) == i(5)), flag(i(5) < i(10)), flag(i(5) > i(5)), flag(i(5) != i(4))]),
        "int.min_max_abs" => ok(vec![i(5).min(i(3)), i(5).max(i(3)), ovf(i(-7).checked_abs())?]),
        "int.abs_overflow" => ok(vec![ovf(pushed(asm)[0].checked_abs())?]),
        // FITS / UFITS turn a value that does not fit into NaN; pushing NaN
        // in a non-quiet instruction is an integer overflow.
        "int.fits_ok" => ok(vec![ovf(Some(i(127)).filter(|x| x.fits_signed(8)))?]),
        "int.fits_overflow" => ok(vec![ovf(Some(i(128)).filter(|x| x.fits_signed(8)))?]),
        "int.ufits_negative" => ok(vec![ovf(Some(i(-1)).filter(|x| x.fits_unsigned(8)))?]),
        "int.bitsize" => {
            let size = |n: u32| Int257::from_u64(n as u64);
            ok(vec![
                size(i(255).bit_size_signed()),
                size(i(255).bit_size_unsigned().ok_or(5)?),
                size(i(-1).bit_size_signed()),
                size(i(0).bit_size_signed()),
            ])
        }
        // QDIV by zero: both results NaN, only the quotient is kept.
        "nan.qdiv_by_zero" => Ok(vec![i(10).div_rem_parts(i(0), Rounding::Floor).and_then(|d| d.quot)]),
        _ => Err(NOT_ARITHMETIC),
    }
}

#[test]
fn arithmetic_vectors_match_the_reference() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../conformance/vectors/tvm_gas_vectors.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc: Value = serde_json::from_str(&text).expect("vector JSON");
    let mut checked = 0;
    for v in doc["vectors"].as_array().expect("vectors") {
        let name = v["name"].as_str().expect("name");
        let asm = v["asm"].as_str().expect("asm");
        let input: Vec<Int257> = v["stack_in"]
            .as_array()
            .expect("stack_in")
            .iter()
            .filter_map(|s| s["value"].as_str().map(|t| Int257::parse(t).expect("int input")))
            .collect();
        let got = program(name, asm, &input);
        if got == Err(NOT_ARITHMETIC) {
            continue;
        }
        let exit = v["expected"]["exit_code"].as_i64().expect("exit_code");
        let want: Outcome = if exit == 0 {
            Ok(v["expected"]["stack"]
                .as_array()
                .expect("stack")
                .iter()
                .map(|s| match s["type"].as_str() {
                    Some("nan") => None,
                    _ => Some(Int257::parse(s["value"].as_str().expect("value")).expect("result")),
                })
                .collect())
        } else {
            Err(exit)
        };
        assert_eq!(got, want, "vector {name} ({asm})");
        checked += 1;
    }
    // All 29 int.* vectors are pure arithmetic, plus nan.qdiv_by_zero.
    assert_eq!(checked, 30, "some arithmetic vectors were not found");
}
