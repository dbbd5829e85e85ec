//! The JSON-lines protocol of the reference runner (`../shared/oracle/runvm.mjs`):
//! typed stack values, request lines and result lines, so gram and the
//! reference can be compared field by field.

use std::rc::Rc;

use base64::Engine;
use gram_cells::{bits_to_tagged_hex, parse_tagged_hex, Cell, CellBuilder, CellSlice};
use serde_json::{json, Map, Value as Json};
use thiserror::Error;

use crate::{Int257, RunOutcome, RunParams, Value};

/// A request line that cannot be used.
#[derive(Debug, Error)]
pub enum JsonError {
    #[error("invalid JSON: {0}")]
    Syntax(#[from] serde_json::Error),
    #[error("{0}")]
    Field(String),
}

fn field_error(msg: impl Into<String>) -> JsonError {
    JsonError::Field(msg.into())
}

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// Decodes a base64 (or hex) bag of cells with one root.
pub fn cell_from_boc_text(text: &str) -> Result<Cell, JsonError> {
    let bytes = B64
        .decode(text.trim())
        .or_else(|_| hex::decode(text.trim()))
        .map_err(|_| field_error("cell: not base64 or hex"))?;
    gram_cells::boc::decode_single(&bytes).map_err(|e| field_error(format!("cell: {e}")))
}

/// Encodes a cell as base64 BoC (CRC32C, no index: what @ton/core writes).
pub fn cell_to_boc_text(cell: &Cell) -> String {
    let mode = gram_cells::boc::EncodeMode { crc32c: true, ..gram_cells::boc::EncodeMode::PLAIN };
    // Any finalised cell tree encodes; an error here would be a bug in the encoder.
    gram_cells::boc::encode(cell, mode).map(|bytes| B64.encode(bytes)).unwrap_or_default()
}

/// Parses a cell spec: a base64 BoC string, `{"boc": ...}`, or `{"hex": ..., "refs": [...]}`.
pub fn parse_cell_spec(spec: &Json) -> Result<Cell, JsonError> {
    match spec {
        Json::String(s) => cell_from_boc_text(s),
        Json::Object(m) => {
            if let Some(boc) = m.get("boc") {
                return parse_cell_spec(boc);
            }
            let hex = m.get("hex").and_then(Json::as_str).unwrap_or("");
            let (bytes, bits) = parse_tagged_hex(hex).ok_or_else(|| field_error("cell spec: bad hex"))?;
            let refs = match m.get("refs") {
                Some(Json::Array(list)) => list.iter().map(parse_cell_spec).collect::<Result<Vec<_>, _>>()?,
                None => Vec::new(),
                Some(_) => return Err(field_error("cell spec: refs must be an array")),
            };
            Cell::new(&bytes, bits, &refs, false).map_err(|e| field_error(format!("cell spec: {e}")))
        }
        _ => Err(field_error("cell spec must be a string or an object")),
    }
}

fn uint_field(m: &Map<String, Json>, key: &str, default: usize) -> Result<usize, JsonError> {
    match m.get(key) {
        None => Ok(default),
        Some(v) => v.as_u64().map(|x| x as usize).ok_or_else(|| field_error(format!("{key} must be a number"))),
    }
}

/// Parses one typed stack value.
pub fn parse_value(v: &Json) -> Result<Value, JsonError> {
    let m = v.as_object().ok_or_else(|| field_error("stack value must be an object"))?;
    let ty = m.get("type").and_then(Json::as_str).ok_or_else(|| field_error("stack value needs a type"))?;
    let cell_of = || -> Result<Cell, JsonError> {
        match m.get("boc") {
            Some(spec) => parse_cell_spec(spec),
            None => parse_cell_spec(v),
        }
    };
    Ok(match ty {
        "int" => {
            let text = match m.get("value") {
                Some(Json::String(s)) => s.clone(),
                Some(Json::Number(n)) => n.to_string(),
                _ => return Err(field_error("int needs a value")),
            };
            Value::Int(Int257::parse(&text).map_err(|_| field_error(format!("bad integer {text}")))?)
        }
        "nan" => Value::NaN,
        "null" => Value::Null,
        "cell" => Value::Cell(cell_of()?),
        "slice" => {
            let cell = cell_of()?;
            let bits = uint_field(m, "bits_start", 0)?..uint_field(m, "bits_end", cell.bit_len())?;
            let refs = uint_field(m, "refs_start", 0)?..uint_field(m, "refs_end", cell.ref_count())?;
            Value::Slice(
                CellSlice::with_window(cell, bits, refs).map_err(|_| field_error("slice window out of range"))?,
            )
        }
        "builder" => Value::Builder(Rc::new(cell_of()?.to_builder())),
        "tuple" => {
            let items = m.get("items").and_then(Json::as_array).ok_or_else(|| field_error("tuple needs items"))?;
            Value::Tuple(Rc::new(items.iter().map(parse_value).collect::<Result<_, _>>()?))
        }
        other => return Err(field_error(format!("unsupported stack value type {other}"))),
    })
}

fn hash_hex(cell: &Cell) -> String {
    hex::encode_upper(cell.hash())
}

/// Prints one stack value in the reference runner's format.
pub fn value_to_json(v: &Value) -> Json {
    match v {
        Value::Int(i) => json!({"type": "int", "value": i.to_string()}),
        Value::NaN => json!({"type": "nan"}),
        Value::Null => json!({"type": "null"}),
        Value::Cell(c) => json!({"type": "cell", "boc": cell_to_boc_text(c), "hash": hash_hex(c)}),
        Value::Slice(s) => {
            let content = s.to_cell().ok();
            json!({
                "type": "slice",
                "boc": cell_to_boc_text(s.cell()),
                "hash": hash_hex(s.cell()),
                "bits_start": s.bit_offset(),
                "bits_end": s.bit_end(),
                "refs_start": s.ref_offset(),
                "refs_end": s.ref_end(),
                "content_boc": content.as_ref().map(cell_to_boc_text),
                "content_hex": s.to_hex_tagged(),
            })
        }
        Value::Builder(b) => match b.build() {
            Ok(c) => json!({"type": "builder", "boc": cell_to_boc_text(&c), "hash": hash_hex(&c),
                            "bits": b.bit_len(), "refs": b.ref_count()}),
            Err(_) => json!({"type": "builder", "bits": b.bit_len(), "refs": b.ref_count()}),
        },
        Value::Tuple(items) => json!({"type": "tuple", "items": items.iter().map(value_to_json).collect::<Vec<_>>()}),
        Value::Cont(c) => json!({"type": "cont", "kind": c.kind_name()}),
    }
}

/// How a request enters the code (mirrors the reference runner's `mode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryMode {
    MethodId,
    Raw,
    RawDropPrefix,
}

impl EntryMode {
    fn name(self) -> &'static str {
        match self {
            EntryMode::MethodId => "method_id",
            EntryMode::Raw => "raw",
            EntryMode::RawDropPrefix => "raw_drop_prefix",
        }
    }
}

/// A parsed request line.
pub struct Request {
    pub id: Option<Json>,
    pub params: RunParams,
    pub mode: EntryMode,
    pub capture_c4c5: bool,
}

/// Parses one request line of the reference runner's format.
pub fn parse_request(line: &str) -> Result<Request, JsonError> {
    let v: Json = serde_json::from_str(line)?;
    let m = v.as_object().ok_or_else(|| field_error("request must be a JSON object"))?;
    let code = if let Some(spec) = m.get("code") {
        parse_cell_spec(spec)?
    } else if let Some(hex) = m.get("code_hex").and_then(Json::as_str) {
        parse_cell_spec(&json!({ "hex": hex }))?
    } else if let Some(spec) = m.get("code_cell") {
        parse_cell_spec(spec)?
    } else {
        return Err(field_error("one of code / code_hex / code_cell is required"));
    };
    let mut params = RunParams::new(code);
    if let Some(data) = m.get("data") {
        params.data = parse_cell_spec(data)?;
    }
    if let Some(stack) = m.get("stack") {
        let list = stack.as_array().ok_or_else(|| field_error("stack must be an array"))?;
        params.stack = list.iter().map(parse_value).collect::<Result<_, _>>()?;
    }
    if let Some(limit) = m.get("gas_limit") {
        let n = match limit {
            Json::Number(n) => n.as_i64(),
            Json::String(s) => s.parse().ok(),
            _ => None,
        };
        params.gas_limit = n.filter(|n| *n >= 1).ok_or_else(|| field_error("gas_limit must be an integer >= 1"))?;
    }
    if let Some(v) = m.get("global_version") {
        params.version = v.as_u64().ok_or_else(|| field_error("global_version must be a number"))? as u32;
    }
    if let Some(libs) = m.get("libs") {
        params.libraries = vec![parse_cell_spec(libs)?];
    }
    let mode = if let Some(id) = m.get("method_id") {
        let id = id
            .as_i64()
            .filter(|x| i32::try_from(*x).is_ok())
            .ok_or_else(|| field_error("method_id must be an int32"))?;
        params.stack.push(Value::int(id));
        EntryMode::MethodId
    } else if matches!(params.stack.last(), Some(Value::Int(i)) if i.to_i64().is_some_and(|x| i32::try_from(x).is_ok()))
    {
        EntryMode::Raw
    } else {
        EntryMode::RawDropPrefix
    };
    let capture_c4c5 = m.get("c4c5").and_then(Json::as_bool).unwrap_or(true);
    Ok(Request { id: m.get("id").cloned(), params, mode, capture_c4c5 })
}

/// The result line for a finished run.
pub fn outcome_to_json(req: &Request, out: &RunOutcome) -> Json {
    let mut m = Map::new();
    if let Some(id) = &req.id {
        m.insert("id".into(), id.clone());
    }
    m.insert("exit_code".into(), json!(out.exit_code));
    m.insert("gas_used".into(), json!(out.gas_used));
    m.insert("stack".into(), Json::Array(out.stack.iter().map(value_to_json).collect()));
    let committed = out.success().then_some(out.committed.as_ref()).flatten();
    match (req.capture_c4c5, committed) {
        (false, _) => {
            m.insert("c4".into(), Json::Null);
            m.insert("c5".into(), Json::Null);
            m.insert("c4c5_status".into(), json!("skipped"));
        }
        (true, Some(c)) => {
            m.insert("c4".into(), json!(cell_to_boc_text(&c.c4)));
            m.insert("c5".into(), json!(cell_to_boc_text(&c.c5)));
            m.insert("c4c5_status".into(), json!("committed"));
            m.insert("c4_hash".into(), json!(hash_hex(&c.c4)));
            m.insert("c5_hash".into(), json!(hash_hex(&c.c5)));
        }
        (true, None) => {
            m.insert("c4".into(), Json::Null);
            m.insert("c5".into(), Json::Null);
            m.insert("c4c5_status".into(), json!("not_committed"));
        }
    }
    m.insert("mode".into(), json!(req.mode.name()));
    if let Some(lib) = &out.missing_library {
        m.insert("missing_library".into(), json!(hex::encode_upper(lib)));
    }
    Json::Object(m)
}

/// Formats the bits of a builder or slice (helper for human output).
pub fn builder_hex(b: &CellBuilder) -> String {
    bits_to_tagged_hex(b.data(), b.bit_len())
}
