//! The BoC codec against the reference's vectors
//! (conformance/vectors/cells/boc_vectors.json and boc_serialization_vectors.json,
//! produced by the C++ node code; see the README there).

use gram_cells::boc::{self, BocError, EncodeMode};
use gram_cells::Cell;
use serde_json::Value;

fn load(name: &str) -> Value {
    let path = format!("{}/../conformance/vectors/cells/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).expect("vector file")).expect("json")
}

fn hex_of(v: &Value) -> Vec<u8> {
    hex::decode(v.as_str().expect("hex string")).expect("hex")
}

/// Builds a vector's cells; children always come after their parents in
/// `canonical_cells`, but `tree.cells` may list them in any order, so build
/// on demand with an explicit stack.
fn build_tree(cells: &[Value], root: usize) -> Cell {
    let mut built: Vec<Option<Cell>> = vec![None; cells.len()];
    let mut stack = vec![root];
    while let Some(&i) = stack.last() {
        if built[i].is_some() {
            stack.pop();
            continue;
        }
        let refs: Vec<usize> =
            cells[i]["refs"].as_array().unwrap().iter().map(|r| r.as_u64().unwrap() as usize).collect();
        let missing: Vec<usize> = refs.iter().copied().filter(|&r| built[r].is_none()).collect();
        if !missing.is_empty() {
            stack.extend(missing);
            continue;
        }
        let refs: Vec<Cell> = refs.iter().map(|&r| built[r].clone().unwrap()).collect();
        let c = &cells[i];
        let cell = Cell::new(
            &hex_of(&c["data"]),
            c["bit_len"].as_u64().unwrap() as usize,
            &refs,
            c["exotic"].as_bool().unwrap(),
        )
        .expect("vector cells are valid");
        built[i] = Some(cell);
        stack.pop();
    }
    built[root].clone().unwrap()
}

#[test]
fn decode_accepts_and_rejects_like_the_reference() {
    let v = load("boc_vectors.json");
    let list = v["vectors"].as_array().unwrap();
    assert_eq!(list.len(), 119);
    let mut accepted = 0;
    for vector in list {
        let name = vector["name"].as_str().unwrap();
        let bytes = hex_of(&vector["boc"]);

        let multi = boc::decode(&bytes);
        let expect_multi = vector["bag_of_cells_deserialize"]["ok"].as_bool().unwrap();
        assert_eq!(multi.is_ok(), expect_multi, "{name}: decode gave {multi:?}");
        if let Ok(roots) = &multi {
            accepted += 1;
            let expected = vector["roots"].as_array().unwrap();
            assert_eq!(roots.len(), expected.len(), "{name}: root count");
            for (root, exp) in roots.iter().zip(expected) {
                assert_eq!(hex::encode(root.hash()), exp["repr_hash"].as_str().unwrap(), "{name}: root hash");
                assert_eq!(u64::from(root.level()), exp["level"].as_u64().unwrap(), "{name}: root level");
                assert_eq!(u64::from(root.depth()), exp["depth"].as_u64().unwrap(), "{name}: root depth");
            }
        }

        let single = boc::decode_single(&bytes);
        let expect_single = vector["std_boc_deserialize"]["ok"].as_bool().unwrap();
        assert_eq!(single.is_ok(), expect_single, "{name}: decode_single gave {single:?}");
        if let Ok(root) = &single {
            assert_eq!(hex::encode(root.hash()), vector["roots"][0]["repr_hash"].as_str().unwrap(), "{name}");
        }
    }
    assert_eq!(accepted, 48);
}

/// The error variant matches the reference's error text for each kind of rejection.
#[test]
fn rejections_name_the_reference_reason() {
    let v = load("boc_vectors.json");
    for vector in v["vectors"].as_array().unwrap() {
        let name = vector["name"].as_str().unwrap();
        let Some(reference) = vector["bag_of_cells_deserialize"]["error"].as_str() else { continue };
        let ours = boc::decode(&hex_of(&vector["boc"])).expect_err(name);
        let agrees = match &ours {
            BocError::NotEnoughBytes { .. } => reference.starts_with("(no error status"),
            BocError::InvalidHeader => reference.contains("invalid header"),
            BocError::CrcMismatch { .. } => reference.contains("CRC32C mismatch"),
            BocError::InvalidRootIndex(_) => reference.contains("invalid root index"),
            BocError::DataSizeMismatch { .. } => reference.contains("different from total data size"),
            BocError::CellTruncated { .. } => reference.contains("Not enough bytes"),
            BocError::UnusedSpace { .. } => reference.contains("unused space"),
            BocError::InvalidDescriptor { .. } => reference.contains("Invalid first byte"),
            BocError::AbsentCell { .. } => reference.contains("absent cells"),
            BocError::RefBackward { .. } => reference.contains("with smaller index"),
            BocError::RefOutOfRange { .. } => reference.contains("non-existent cell"),
            BocError::OverlongEncoding { .. } => reference.contains("overlong encoding"),
            BocError::LevelMaskMismatch { .. } => reference.contains("level mask mismatch"),
            BocError::HashMismatch { .. } => reference.contains("representation hash mismatch"),
            BocError::DepthMismatch { .. } => reference.contains(": depth mismatch"),
            BocError::LowerHashMismatch { .. } => reference.contains("lower hash mismatch"),
            BocError::LowerDepthMismatch { .. } => reference.contains("lower depth mismatch"),
            BocError::WrongCacheFlag { .. } => reference.contains("wrong cache flag"),
            BocError::InvalidCell { source, .. } => {
                let depth = matches!(source, gram_cells::CellError::DepthTooBig);
                (depth && reference.contains("Depth is too big"))
                    || (!depth && matches!(source, gram_cells::CellError::InvalidExotic(_)))
            }
            other => panic!("{name}: unexpected error {other}"),
        };
        assert!(agrees, "{name}: ours `{ours}` vs reference `{reference}`");
        // Messages are one line and say what they are about.
        assert!(ours.to_string().starts_with("bag of cells: "), "{name}: {ours}");
    }
}

/// The cell index in each per-cell error matches the `cell #N` of the reference text.
#[test]
fn rejections_point_at_the_same_cell() {
    let v = load("boc_vectors.json");
    for vector in v["vectors"].as_array().unwrap() {
        let name = vector["name"].as_str().unwrap();
        let Some(reference) = vector["bag_of_cells_deserialize"]["error"].as_str() else { continue };
        let Some(at) = reference.find("cell #") else { continue };
        let digits: String = reference[at + 6..].chars().take_while(char::is_ascii_digit).collect();
        let ours = boc::decode(&hex_of(&vector["boc"])).expect_err(name).to_string();
        assert!(ours.contains(&format!("cell #{digits}")), "{name}: ours `{ours}` vs reference `{reference}`");
    }
}

#[test]
fn encode_is_byte_identical_to_the_reference() {
    let v = load("boc_serialization_vectors.json");
    let list = v["vectors"].as_array().unwrap();
    assert_eq!(list.len(), 15);
    let mut compared = 0;
    for vector in list {
        let name = vector["name"].as_str().unwrap();
        let tree = &vector["tree"];
        let root = build_tree(tree["cells"].as_array().unwrap(), tree["root"].as_u64().unwrap() as usize);
        assert_eq!(hex::encode(root.hash()), vector["root_hash"].as_str().unwrap(), "{name}: tree hash");
        for (mode, expected) in vector["serialized"].as_object().unwrap() {
            let mode_bits: u32 = mode.parse().unwrap();
            let bytes = boc::encode(&root, EncodeMode::from_reference_bits(mode_bits)).unwrap();
            assert_eq!(hex::encode(&bytes), expected["boc"].as_str().unwrap(), "{name}: mode {mode}");
            // And the reference's bytes decode back to the same root.
            let decoded = boc::decode(&bytes).unwrap();
            assert_eq!(decoded.len(), 1);
            assert_eq!(decoded[0].hash(), root.hash(), "{name}: mode {mode} round trip");
            assert_eq!(boc::decode_single(&bytes).is_ok(), vector["std_boc_deserialize_ok"].as_bool().unwrap());
            compared += 1;
        }
    }
    assert_eq!(compared, 15 * 8);
}

/// Decoding the reference's canonical bytes and encoding again reproduces them
/// (the decoded tree shares cells differently from the vector's tree).
#[test]
fn reencoding_decoded_reference_bytes_is_identical() {
    let v = load("boc_serialization_vectors.json");
    for vector in v["vectors"].as_array().unwrap() {
        let name = vector["name"].as_str().unwrap();
        for (mode, expected) in vector["serialized"].as_object().unwrap() {
            let bytes = hex_of(&expected["boc"]);
            let root = boc::decode(&bytes).unwrap().remove(0);
            let mode = EncodeMode::from_reference_bits(mode.parse().unwrap());
            assert_eq!(boc::encode(&root, mode).unwrap(), bytes, "{name}: {mode:?}");
        }
    }
}

#[test]
fn encode_refuses_what_the_reference_refuses() {
    assert_eq!(boc::encode_many(&[], EncodeMode::PLAIN), Err(BocError::NoRoots));
    let cache_only = EncodeMode { cache_bits: true, ..EncodeMode::PLAIN };
    assert_eq!(boc::encode(&Cell::empty(), cache_only), Err(BocError::CacheBitsWithoutIndex));
}

#[test]
fn multiple_roots_round_trip_in_order() {
    let v = load("boc_vectors.json");
    let two_roots = v["vectors"].as_array().unwrap().iter().find(|x| x["name"] == "valid/two_roots").unwrap();
    let roots = boc::decode(&hex_of(&two_roots["boc"])).unwrap();
    assert_eq!(roots.len(), 2);
    for bits in [0, 1, 2, 3, 8, 17, 19, 31] {
        let mode = EncodeMode::from_reference_bits(bits);
        let mut list = roots.clone();
        list.push(roots[0].clone()); // a repeated root stays in the list
        let bytes = boc::encode_many(&list, mode).unwrap();
        let back = boc::decode(&bytes).unwrap();
        assert_eq!(back, list);
        assert!(matches!(boc::decode_single(&bytes), Err(BocError::TooManyRoots { count: 3, max: 1 })));
    }
}
