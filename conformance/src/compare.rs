//! Field-by-field comparison of a gram result with a reference result, both
//! in the reference runner's JSON format.

use serde_json::Value as Json;

/// The first difference between two results, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// Which field differs (`exit_code`, `gas_used`, `stack[2]`, `c4`, ...).
    pub field: String,
    pub expected: String,
    pub actual: String,
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: expected {} but got {}", self.field, self.expected, self.actual)
    }
}

fn mismatch(field: impl Into<String>, expected: impl ToString, actual: impl ToString) -> Mismatch {
    Mismatch { field: field.into(), expected: expected.to_string(), actual: actual.to_string() }
}

/// The hash of a cell given as `{hash}` or as a BoC, upper-case hex.
fn cell_hash(v: &Json, boc_key: &str) -> Option<String> {
    if let Some(h) = v.get("hash").and_then(Json::as_str) {
        return Some(h.to_ascii_uppercase());
    }
    let boc = v.get(boc_key)?.as_str()?;
    let cell = gram_vm::json::cell_from_boc_text(boc).ok()?;
    Some(hex::encode_upper(cell.hash()))
}

fn hash_of_boc(v: &Json) -> Option<String> {
    let boc = v.as_str()?;
    let cell = gram_vm::json::cell_from_boc_text(boc).ok()?;
    Some(hex::encode_upper(cell.hash()))
}

/// Compares two typed stack values; `path` names the value in messages.
pub fn compare_value(path: &str, expected: &Json, actual: &Json) -> Result<(), Mismatch> {
    let ty = |v: &Json| v.get("type").and_then(Json::as_str).unwrap_or("?").to_string();
    if ty(expected) != ty(actual) {
        return Err(mismatch(path, expected, actual));
    }
    let same = |keys: &[&str]| keys.iter().all(|k| expected.get(*k) == actual.get(*k));
    let ok = match ty(expected).as_str() {
        "int" => same(&["value"]),
        "nan" | "null" => true,
        "cell" => cell_hash(expected, "boc") == cell_hash(actual, "boc"),
        "slice" => {
            cell_hash(expected, "boc") == cell_hash(actual, "boc")
                && same(&["bits_start", "bits_end", "refs_start", "refs_end"])
        }
        "builder" => cell_hash(expected, "boc") == cell_hash(actual, "boc"),
        // The raw VmCont serialization, when the reference gave one.
        "cont" => {
            same(&["kind"]) && (expected.get("boc").is_none() || cell_hash(expected, "boc") == cell_hash(actual, "boc"))
        }
        "tuple" => {
            let (e, a) = (expected["items"].as_array(), actual["items"].as_array());
            match (e, a) {
                (Some(e), Some(a)) if e.len() == a.len() => {
                    for (i, (x, y)) in e.iter().zip(a).enumerate() {
                        compare_value(&format!("{path}[{i}]"), x, y)?;
                    }
                    true
                }
                _ => false,
            }
        }
        _ => expected == actual,
    };
    if ok {
        Ok(())
    } else {
        Err(mismatch(path, expected, actual))
    }
}

/// Compares a whole result: exit code, gas, stack (bottom first), c4, c5.
pub fn compare_result(expected: &Json, actual: &Json) -> Result<(), Mismatch> {
    // The reference refused the run (e.g. a final stack it cannot serialize).
    if expected.get("error").is_some() || actual.get("error").is_some() {
        return match expected.get("error") == actual.get("error") {
            true => Ok(()),
            false => Err(mismatch("error", &expected["error"], &actual["error"])),
        };
    }
    for key in ["exit_code", "gas_used"] {
        if expected[key] != actual[key] {
            return Err(mismatch(key, &expected[key], &actual[key]));
        }
    }
    let empty = Vec::new();
    let e = expected["stack"].as_array().unwrap_or(&empty);
    let a = actual["stack"].as_array().unwrap_or(&empty);
    if e.len() != a.len() {
        return Err(mismatch("stack depth", e.len(), a.len()));
    }
    for (i, (x, y)) in e.iter().zip(a).enumerate() {
        compare_value(&format!("stack[{i}]"), x, y)?;
    }
    for key in ["c4", "c5"] {
        let (x, y) = (&expected[key], &actual[key]);
        if x.is_null() && y.is_null() {
            continue;
        }
        // A successful run without recorded c4/c5: the reference's capture run
        // could not see them (a program reading GASCONSUMED or MYCODE behaves
        // differently there), so there is nothing to compare.
        let success = matches!(expected["exit_code"].as_i64(), Some(0 | 1));
        if x.is_null() && success {
            continue;
        }
        if hash_of_boc(x) != hash_of_boc(y) {
            return Err(mismatch(key, x, y));
        }
    }
    Ok(())
}

/// Side-by-side rendering of two results for failure messages.
pub fn side_by_side(expected: &Json, actual: &Json) -> String {
    let mut out = String::new();
    for key in ["exit_code", "gas_used", "c4", "c5"] {
        out.push_str(&format!("  {key:<10} expected {:<30} actual {}\n", expected[key], actual[key]));
    }
    let empty = Vec::new();
    let e = expected["stack"].as_array().unwrap_or(&empty);
    let a = actual["stack"].as_array().unwrap_or(&empty);
    for i in 0..e.len().max(a.len()) {
        let show = |v: Option<&Json>| v.map_or("-".to_string(), |v| v.to_string());
        out.push_str(&format!("  stack[{i}]\n    expected {}\n    actual   {}\n", show(e.get(i)), show(a.get(i))));
    }
    out
}
