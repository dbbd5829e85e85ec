//! Cell hashes, depths and levels against the reference's vectors
//! (conformance/vectors/cells/cell_hash_vectors.json, made by the C++ node code).

use gram_cells::Cell;
use serde_json::Value;

fn vectors() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../conformance/vectors/cells/cell_hash_vectors.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("vector file")).expect("json")
}

/// Builds every cell of a vector; cells are listed parents first, so build from the end.
fn build_cells(cells: &[Value]) -> Result<Vec<Cell>, gram_cells::CellError> {
    let mut built: Vec<Option<Cell>> = vec![None; cells.len()];
    for i in (0..cells.len()).rev() {
        let c = &cells[i];
        let data = hex::decode(c["data"].as_str().unwrap()).unwrap();
        let bit_len = c["bit_len"].as_u64().unwrap() as usize;
        let refs: Vec<Cell> = c["refs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| built[r.as_u64().unwrap() as usize].clone().expect("child built before parent"))
            .collect();
        built[i] = Some(Cell::new(&data, bit_len, &refs, c["exotic"].as_bool().unwrap())?);
    }
    Ok(built.into_iter().map(Option::unwrap).collect())
}

fn check(name: &str, cell: &Cell, expected: &Value) {
    assert_eq!(cell.cell_type().name(), expected["type"].as_str().unwrap(), "{name}: type");
    assert_eq!(cell.level() as u64, expected["level"].as_u64().unwrap(), "{name}: level");
    assert_eq!(cell.level_mask().mask() as u64, expected["level_mask"].as_u64().unwrap(), "{name}: mask");
    assert_eq!(hex::encode(cell.hash()), expected["repr_hash"].as_str().unwrap(), "{name}: repr hash");
    assert_eq!(cell.depth() as u64, expected["depth"].as_u64().unwrap(), "{name}: depth");
    for level in 0..4u8 {
        let h = expected["hashes"][level as usize].as_str().unwrap();
        assert_eq!(hex::encode(cell.hash_at(level)), h, "{name}: hash at level {level}");
        let d = expected["depths"][level as usize].as_u64().unwrap();
        assert_eq!(cell.depth_at(level) as u64, d, "{name}: depth at level {level}");
    }
}

#[test]
fn cell_hash_vectors_match_reference() {
    let v = vectors();
    let list = v["vectors"].as_array().unwrap();
    assert!(list.len() >= 50);
    for vector in list {
        let name = vector["name"].as_str().unwrap();
        let cells = build_cells(vector["cells"].as_array().unwrap()).unwrap_or_else(|e| panic!("{name}: {e}"));
        check(name, &cells[vector["root"].as_u64().unwrap() as usize], &vector["expected"]);
        if let Some(per_cell) = vector.get("cells_expected").and_then(Value::as_array) {
            for (i, expected) in per_cell.iter().enumerate() {
                check(&format!("{name}[{i}]"), &cells[i], expected);
            }
        }
    }
}

#[test]
fn deepest_chain_drops_without_recursion() {
    // The reference caps depth at 1024, so the deepest real chain is 1025
    // cells. Dropping it on a 32 KiB stack only works if drop is iterative
    // (a recursive drop needs far more than 32 bytes per level).
    let mut cell = Cell::empty();
    for _ in 0..gram_cells::MAX_DEPTH {
        cell = Cell::new(&[], 0, &[cell], false).unwrap();
    }
    assert_eq!(cell.depth(), gram_cells::MAX_DEPTH);
    assert_eq!(Cell::new(&[], 0, &[cell.clone()], false), Err(gram_cells::CellError::DepthTooBig));
    let handle = std::thread::Builder::new().stack_size(32 * 1024).spawn(move || drop(cell)).unwrap();
    handle.join().expect("dropping a 1025-cell chain must not overflow a small stack");
}
