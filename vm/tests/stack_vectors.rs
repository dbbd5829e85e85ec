//! The `stack.*` and constant-pushing reference vectors (single-cell code,
//! integer stacks), run straight through the library API.

use gram_cells::{parse_tagged_hex, Cell};
use gram_vm::{run, Int257, RunParams, Value};
use serde_json::Value as Json;

fn int_of(v: &Json) -> Option<Value> {
    match v["type"].as_str()? {
        "int" => Some(Value::Int(Int257::parse(v["value"].as_str()?).ok()?)),
        "null" => Some(Value::Null),
        "nan" => Some(Value::NaN),
        _ => None,
    }
}

#[test]
fn stack_group_matches_reference() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../conformance/vectors/tvm_gas_vectors.json");
    let file: Json = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut checked = 0;
    for v in file["vectors"].as_array().unwrap() {
        let name = v["name"].as_str().unwrap();
        if !name.starts_with("stack.") && name != "int.pushint_forms" {
            continue;
        }
        let (bytes, bits) = parse_tagged_hex(v["code_hex"].as_str().unwrap()).unwrap();
        let mut params = RunParams::new(Cell::new(&bytes, bits, &[], false).unwrap());
        params.stack = v["stack_in"].as_array().unwrap().iter().map(|x| int_of(x).unwrap()).collect();
        params.gas_limit = v["gas_limit"].as_i64().unwrap();
        let out = run(params);
        let exp = &v["expected"];
        assert_eq!(out.exit_code as i64, exp["exit_code"].as_i64().unwrap(), "{name}: exit code");
        assert_eq!(out.gas_used, exp["gas_used"].as_i64().unwrap(), "{name}: gas");
        let expected: Vec<String> =
            exp["stack"].as_array().unwrap().iter().map(|x| x["value"].as_str().unwrap().to_string()).collect();
        let actual: Vec<String> = out
            .stack
            .iter()
            .map(|x| match x {
                Value::Int(i) => i.to_string(),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(actual, expected, "{name}: stack");
        checked += 1;
    }
    assert!(checked >= 14, "only {checked} vectors checked");
}
