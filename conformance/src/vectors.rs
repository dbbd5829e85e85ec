//! Vector files in the `tvm-gas-vectors/1` format: loading, running through
//! gram, and comparing with the reference's recorded result.

use std::path::{Path, PathBuf};

use gram_vm::json::{outcome_to_json, parse_request};
use serde_json::{json, Value as Json};

use crate::compare::{compare_result, side_by_side, Mismatch};

/// One vector: a program, its entry state and the reference's result.
#[derive(Clone, Debug)]
pub struct Vector {
    pub file: String,
    pub name: String,
    pub request: Json,
    pub expected: Json,
}

/// How one vector went.
#[derive(Debug)]
pub enum Verdict {
    Pass,
    /// The program uses opcodes gram does not implement yet (listed).
    NotImplemented(Vec<u32>),
    Fail {
        mismatch: Mismatch,
        report: String,
    },
}

/// The folder holding the vectors (`conformance/vectors`).
pub fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors")
}

/// Loads every `*vectors.json` file of the TVM format in `dir`.
pub fn load_all(dir: &Path) -> Result<Vec<Vector>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let doc: Json = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        if doc["format"] != "tvm-gas-vectors/1" {
            continue;
        }
        let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        out.extend(parse_file(&file, &doc)?);
    }
    Ok(out)
}

/// Parses the vectors of one file.
pub fn parse_file(file: &str, doc: &Json) -> Result<Vec<Vector>, String> {
    let list = doc["vectors"].as_array().ok_or_else(|| format!("{file}: no vectors array"))?;
    let defaults = &doc["defaults"];
    list.iter()
        .map(|v| {
            let name = v["name"].as_str().ok_or_else(|| format!("{file}: vector without a name"))?.to_string();
            let mut request = json!({
                "code": v["code_boc"],
                "stack": v["stack_in"],
                "gas_limit": v["gas_limit"],
            });
            if let Some(data) = v.get("data").filter(|d| !d.is_null()).or(defaults.get("data")) {
                request["data"] = data.clone();
            }
            // c7 parameters: the vector's own, else the file's defaults.
            if let Some(c7) = v.get("c7").filter(|x| !x.is_null()).or(defaults.get("c7")) {
                request["c7"] = c7.clone();
            }
            // Optional per-vector run settings (cell_ops_vectors.json uses both).
            for key in ["global_version", "libs", "method_id"] {
                if let Some(x) = v.get(key).filter(|x| !x.is_null()) {
                    request[key] = x.clone();
                }
            }
            Ok(Vector { file: file.to_string(), name, request, expected: v["expected"].clone() })
        })
        .collect()
}

/// Runs one vector through gram and compares.
pub fn check(vector: &Vector) -> Verdict {
    let request = match parse_request(&vector.request.to_string()) {
        Ok(r) => r,
        Err(e) => {
            let mismatch =
                Mismatch { field: "request".into(), expected: "a usable request".into(), actual: e.to_string() };
            return Verdict::Fail { report: mismatch.to_string(), mismatch };
        }
    };
    let unknown = gram_vm::program::unknown_opcodes(&request.params.code, request.params.version);
    if !unknown.is_empty() && vector.expected["exit_code"] != 6 {
        return Verdict::NotImplemented(unknown);
    }
    let outcome = gram_vm::run(request.params.clone());
    let actual = outcome_to_json(&request, &outcome);
    match compare_result(&vector.expected, &actual) {
        Ok(()) => Verdict::Pass,
        Err(mismatch) => {
            let report =
                format!("{} / {}: {mismatch}\n{}", vector.file, vector.name, side_by_side(&vector.expected, &actual));
            Verdict::Fail { mismatch, report }
        }
    }
}
