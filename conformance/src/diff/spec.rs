//! What the generator needs to know about each instruction, read from
//! `conformance/spec/cp0.json` (+ `errata.json`): its category, the layout of
//! its operands and the types of the stack values it consumes.

use std::collections::HashMap;

use serde_json::Value as Json;

use super::DiffError;

/// One operand of an instruction's encoding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Operand {
    /// An unsigned field of `size` bits, legal values `min..=max`.
    Uint { size: u32, min: i64, max: i64 },
    /// A signed field of `size` bits, legal values `min..=max`.
    Int { size: u32, min: i64, max: i64 },
    /// One reference (a cell or a code body).
    Ref,
    /// Inline data: `refs` length field, `bits` length field, padded data.
    Subslice(Subslice),
    /// `PUSHINT`'s long form: a 5-bit length then an `8 * l + 19`-bit integer.
    PushIntLong,
}

/// Layout of an inline slice operand (cp0's `subslice`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subslice {
    /// Bits of the ref count field (0 = no field).
    pub refs_len_bits: u32,
    /// Added to the ref count field's value.
    pub refs_add: u32,
    /// Most refs allowed.
    pub max_refs: u32,
    /// Bits of the data length field (counts bytes).
    pub bits_len_bits: u32,
    /// Data bits = 8 * length + padding.
    pub bits_padding: u32,
    /// Whether the data ends with a completion tag (`1` then zeros).
    pub completion_tag: bool,
}

/// The kind of value an instruction reads from the stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ValueKind {
    Int,
    Cell,
    Slice,
    Builder,
    Cont,
    Tuple,
    Null,
    /// Anything (untyped inputs).
    Any,
}

/// One stack input, bottom first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// One value of one of these kinds; `name` is cp0's (`D`, `n`, `i`, ...).
    Simple { name: String, kinds: Vec<ValueKind> },
    /// A variable number of values (tuple elements, call arguments).
    Array,
}

/// Everything known about one mnemonic.
#[derive(Clone, Debug)]
pub struct InstrSpec {
    pub category: String,
    /// Opcode prefix as tagged hex (`"CB"`, `"8F_"`).
    pub prefix: String,
    pub operands: Vec<Operand>,
    /// Stack inputs bottom first; `None` when cp0 does not say (stack ops).
    pub inputs: Option<Vec<Input>>,
}

/// The instruction specs by mnemonic.
#[derive(Debug, Default)]
pub struct Spec {
    pub by_name: HashMap<String, InstrSpec>,
}

fn field_u32(o: &Json, key: &str) -> u32 {
    o.get(key).and_then(Json::as_u64).unwrap_or(0) as u32
}

fn parse_operand(o: &Json) -> Result<Operand, DiffError> {
    let ty = o["type"].as_str().unwrap_or("");
    let size = field_u32(o, "size");
    let min = o.get("min_value").and_then(Json::as_i64).unwrap_or(0);
    let max = o.get("max_value").and_then(Json::as_i64).unwrap_or((1i64 << size.min(62)) - 1);
    Ok(match ty {
        "uint" => Operand::Uint { size, min, max },
        "int" => Operand::Int { size, min, max },
        "ref" => Operand::Ref,
        "pushint_long" => Operand::PushIntLong,
        "subslice" => Operand::Subslice(Subslice {
            refs_len_bits: field_u32(o, "refs_length_var_size"),
            refs_add: field_u32(o, "refs_add"),
            max_refs: field_u32(o, "max_refs"),
            bits_len_bits: field_u32(o, "bits_length_var_size"),
            bits_padding: field_u32(o, "bits_padding"),
            completion_tag: o["completion_tag"].as_bool().unwrap_or(false),
        }),
        other => return Err(DiffError::Spec(format!("unknown operand type {other}"))),
    })
}

fn parse_kind(name: &str) -> ValueKind {
    match name {
        "Integer" => ValueKind::Int,
        "Cell" => ValueKind::Cell,
        "Slice" => ValueKind::Slice,
        "Builder" => ValueKind::Builder,
        "Continuation" => ValueKind::Cont,
        "Tuple" => ValueKind::Tuple,
        "Null" => ValueKind::Null,
        _ => ValueKind::Any,
    }
}

fn parse_inputs(entry: &Json) -> Option<Vec<Input>> {
    let list = entry.get("value_flow")?.get("inputs")?.get("stack")?.as_array()?;
    Some(
        list.iter()
            .map(|i| match i["type"].as_str() {
                Some("simple") => {
                    let kinds: Vec<ValueKind> = i["value_types"]
                        .as_array()
                        .map(|t| t.iter().filter_map(Json::as_str).map(parse_kind).collect())
                        .unwrap_or_default();
                    let name = i["name"].as_str().unwrap_or("").to_string();
                    Input::Simple { name, kinds: if kinds.is_empty() { vec![ValueKind::Any] } else { kinds } }
                }
                _ => Input::Array,
            })
            .collect(),
    )
}

fn parse_entry(entry: &Json) -> Result<(String, InstrSpec), DiffError> {
    let name = entry["mnemonic"].as_str().ok_or_else(|| DiffError::Spec("entry without mnemonic".into()))?;
    let operands = entry["bytecode"]["operands"]
        .as_array()
        .map(|ops| ops.iter().map(parse_operand).collect::<Result<Vec<_>, _>>())
        .transpose()?
        .unwrap_or_default();
    Ok((
        name.to_string(),
        InstrSpec {
            category: entry["doc"]["category"].as_str().unwrap_or("unknown").to_string(),
            prefix: entry["bytecode"]["prefix"].as_str().unwrap_or("").to_string(),
            operands,
            inputs: parse_inputs(entry),
        },
    ))
}

impl Spec {
    /// Parses cp0.json and the `missing_in_cp0` part of errata.json.
    pub fn parse(cp0: &str, errata: &str) -> Result<Spec, DiffError> {
        let bad = |e: serde_json::Error| DiffError::Spec(e.to_string());
        let cp0: Json = serde_json::from_str(cp0).map_err(bad)?;
        let errata: Json = serde_json::from_str(errata).map_err(bad)?;
        let mut by_name = HashMap::new();
        let lists = [&cp0["instructions"], &errata["missing_in_cp0"]];
        for entry in lists.into_iter().filter_map(Json::as_array).flatten() {
            let (name, spec) = parse_entry(entry)?;
            by_name.entry(name).or_insert(spec);
        }
        Ok(Spec { by_name })
    }

    /// Loads the copies in `conformance/spec/`.
    pub fn load() -> Result<Spec, DiffError> {
        let dir = crate::coverage::crate_dir().join("spec");
        let cp0 = std::fs::read_to_string(dir.join("cp0.json"))?;
        let errata = std::fs::read_to_string(dir.join("errata.json"))?;
        Spec::parse(&cp0, &errata)
    }

    /// The category of a mnemonic (`"unknown"` when cp0 lacks it).
    pub fn category(&self, name: &str) -> &str {
        self.by_name.get(name).map_or("unknown", |s| s.category.as_str())
    }
}
