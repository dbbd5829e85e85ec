//! The JSON-lines protocol of the reference runner (`../shared/oracle/runvm.mjs`):
//! typed stack values, request lines and result lines, so gram and the
//! reference can be compared field by field.

use std::rc::Rc;

use base64::Engine;
use gram_cells::{bits_to_tagged_hex, parse_tagged_hex, Cell, CellBuilder, CellSlice};
use serde_json::{json, Map, Value as Json};
use thiserror::Error;

use crate::c7::{BlockchainConfig, C7Params};
use crate::serial::{cont_to_cell, stack_to_cell, Reader};
use crate::{Int257, RunOutcome, RunParams, Value, DEFAULT_GLOBAL_VERSION};

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

/// Encodes a cell as base64 BoC byte for byte as the reference runner
/// prints it (@ton/core's `toBoc({idx: false, crc32: true})`): one root,
/// CRC32C, no index, and @ton/core's cell order (see [`toncore_order`]).
pub fn cell_to_boc_text(cell: &Cell) -> String {
    B64.encode(toncore_boc(cell))
}

/// The cells of a tree, each once, in @ton/core's `topologicalSort` order:
/// cells are first listed breadth first; then, taking the first cell of
/// that list not yet placed, a depth-first walk (refs last to first) places
/// each cell after everything it refers to; the result is that placement
/// reversed, so every cell comes before its refs.
fn toncore_order(root: &Cell) -> Vec<Cell> {
    use std::collections::{HashMap, HashSet};
    let mut listed: Vec<Cell> = Vec::new();
    let mut index: HashMap<[u8; 32], usize> = HashMap::new();
    let mut level = vec![root.clone()];
    while !level.is_empty() {
        let mut next = Vec::new();
        for cell in level {
            if index.contains_key(cell.hash()) {
                continue;
            }
            index.insert(*cell.hash(), listed.len());
            next.extend(cell.references().cloned());
            listed.push(cell);
        }
        level = next;
    }
    let mut placed: Vec<usize> = Vec::with_capacity(listed.len());
    let mut done: HashSet<usize> = HashSet::new();
    for start in 0..listed.len() {
        if done.contains(&start) {
            continue;
        }
        // Iterative post-order walk: (cell, next ref to visit, counting down).
        let mut stack: Vec<(usize, usize)> = vec![(start, listed[start].ref_count())];
        done.insert(start);
        while let Some((at, left)) = stack.last_mut() {
            if *left == 0 {
                placed.push(*at);
                stack.pop();
                continue;
            }
            *left -= 1;
            let child = listed[*at].reference(*left).map(|c| index[c.hash()]);
            if let Some(child) = child.filter(|c| done.insert(*c)) {
                stack.push((child, listed[child].ref_count()));
            }
        }
    }
    placed.iter().rev().map(|&i| listed[i].clone()).collect()
}

/// Bytes of the smallest big-endian width (at least 1) that holds `n`.
fn width_for(n: usize) -> usize {
    (usize::BITS - n.leading_zeros()).div_ceil(8).max(1) as usize
}

fn put_be(out: &mut Vec<u8>, value: usize, bytes: usize) {
    out.extend_from_slice(&(value as u64).to_be_bytes()[8 - bytes..]);
}

/// @ton/core's BoC serialization of one root (see [`cell_to_boc_text`]).
fn toncore_boc(root: &Cell) -> Vec<u8> {
    let cells = toncore_order(root);
    let position: std::collections::HashMap<[u8; 32], usize> =
        cells.iter().enumerate().map(|(i, c)| (*c.hash(), i)).collect();
    let size_bytes = width_for(cells.len());
    let mut body = Vec::new();
    for cell in &cells {
        let bits = cell.bit_len();
        let d1 = cell.ref_count() + 8 * usize::from(cell.is_exotic()) + 32 * cell.level_mask().mask() as usize;
        body.push(d1 as u8);
        body.push((bits.div_ceil(8) + bits / 8) as u8);
        let mut data = cell.data()[..bits.div_ceil(8)].to_vec();
        if bits % 8 != 0 {
            // Completion tag: a 1 bit after the data, then zeros.
            let last = data.len() - 1;
            data[last] |= 0x80 >> (bits % 8);
        }
        body.extend_from_slice(&data);
        for r in cell.references() {
            put_be(&mut body, position[r.hash()], size_bytes);
        }
    }
    let offset_bytes = width_for(body.len());
    let mut out = vec![0xb5, 0xee, 0x9c, 0x72];
    out.push(0x40 | size_bytes as u8); // no index, CRC32C, no cache bits
    out.push(offset_bytes as u8);
    put_be(&mut out, cells.len(), size_bytes);
    put_be(&mut out, 1, size_bytes);
    put_be(&mut out, 0, size_bytes);
    put_be(&mut out, body.len(), offset_bytes);
    put_be(&mut out, 0, size_bytes);
    out.extend_from_slice(&body);
    let crc = crc32c::crc32c(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    out
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

/// Parses one typed stack value (continuations decode their code for the
/// default global version).
pub fn parse_value(v: &Json) -> Result<Value, JsonError> {
    parse_value_in(v, &mut Reader::new(DEFAULT_GLOBAL_VERSION), Place::Stack)
}

/// Where a typed value sits in the `VmStack` the reference runner builds
/// from the request: that decides how much room a continuation has and
/// whether data after it is read at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The top entry of the serialized stack: inline in its root cell after
    /// the 24-bit depth and the 8-bit tag. The emulator reads it without
    /// checking that nothing follows.
    StackTop,
    /// Another stack entry: a cell with the link to the rest and the 8-bit tag.
    Stack,
    /// A tuple item: a cell of its own with the 8-bit tag.
    TupleItem,
}

/// The error the reference's emulator reports (and the runner prints as
/// `{"error": ...}`) when the stack it is given cannot be read.
pub const STACK_DESERIALIZE_ERROR: &str = "emulator error: Couldn't deserialize stack";

/// Parses a `{"type":"cont","boc":...}` value: the cell holds the raw
/// `VmCont` serialization, read as the reference's emulator reads the stack
/// the runner builds around it.
fn parse_cont(cell: &Cell, reader: &mut Reader, place: Place) -> Result<Value, JsonError> {
    // The runner (@ton/core) copies the cell's bits and refs after the 8-bit
    // tag (in the stack, after a ref to the rest of the stack; the top entry
    // then moves into the root after the 24-bit depth); it must fit there.
    // Its builder takes up to 1025 bits and refuses more at once; the cell
    // refuses more than 1023 when it is made; refs are checked as stored.
    let link = usize::from(place != Place::TupleItem);
    let entry_bits = 8 + cell.bit_len();
    if entry_bits > 1025 {
        return Err(field_error("BitBuilder overflow"));
    }
    if cell.ref_count() + link > 4 {
        return Err(field_error("Too many references"));
    }
    let bits_checked = if place == Place::StackTop { [entry_bits, 24 + entry_bits] } else { [entry_bits, 0] };
    for total in bits_checked {
        if total > 1025 {
            return Err(field_error("BitBuilder overflow"));
        }
        if total > 1023 {
            return Err(field_error(format!("Bits overflow: {total} > 1023")));
        }
    }
    // What the emulator cannot read, it refuses with this message.
    let refused = || field_error(STACK_DESERIALIZE_ERROR);
    if cell.is_exotic() {
        return Err(refused());
    }
    let mut cs = CellSlice::new(cell.clone());
    let cont = reader.load_cont(&mut cs).map_err(|_| refused())?;
    if place != Place::StackTop && (cs.remaining_bits() > 0 || cs.remaining_refs() > 0) {
        return Err(refused());
    }
    Ok(Value::Cont(cont))
}

/// Parses one typed stack value at `place`, decoding continuation code with `reader`.
pub fn parse_value_in(v: &Json, reader: &mut Reader, place: Place) -> Result<Value, JsonError> {
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
            let items = items.iter().map(|item| parse_value_in(item, reader, Place::TupleItem));
            Value::Tuple(Rc::new(items.collect::<Result<_, _>>()?))
        }
        "cont" => parse_cont(&cell_of()?, reader, place)?,
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
        Value::Cont(c) => match cont_to_cell(c) {
            Ok(cell) => json!({"type": "cont", "kind": c.kind_name(), "boc": cell_to_boc_text(&cell)}),
            // Not serializable: the whole result is an error (see `outcome_to_json`).
            Err(_) => json!({"type": "cont", "kind": c.kind_name()}),
        },
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

/// Whether a typed value is an int that fits in 32 signed bits (the
/// runner then hands it to the emulator as the method id).
fn is_int32(v: &Json) -> bool {
    v.get("type").and_then(Json::as_str) == Some("int")
        && matches!(parse_value(v), Ok(Value::Int(i)) if i.to_i64().is_some_and(|x| i32::try_from(x).is_ok()))
}

/// Parses the request's stack (bottom first). The entry the runner puts on
/// top of the serialized stack is the last one, or the one below an int32
/// that becomes the method id (raw mode).
fn parse_stack(list: &[Json], method_id: bool, version: u32) -> Result<Vec<Value>, JsonError> {
    let top = match list.last() {
        Some(last) if !method_id && is_int32(last) => list.len().checked_sub(2),
        _ => list.len().checked_sub(1),
    };
    let mut reader = Reader::new(version);
    list.iter()
        .enumerate()
        .map(|(i, v)| parse_value_in(v, &mut reader, if Some(i) == top { Place::StackTop } else { Place::Stack }))
        .collect()
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
    if let Some(v) = m.get("global_version") {
        params.version = v.as_u64().ok_or_else(|| field_error("global_version must be a number"))? as u32;
    }
    if let Some(stack) = m.get("stack") {
        let list = stack.as_array().ok_or_else(|| field_error("stack must be an array"))?;
        params.stack = parse_stack(list, m.contains_key("method_id"), params.version)?;
    }
    if let Some(limit) = m.get("gas_limit") {
        let n = match limit {
            Json::Number(n) => n.as_i64(),
            Json::String(s) => s.parse().ok(),
            _ => None,
        };
        params.gas_limit = n.filter(|n| *n >= 1).ok_or_else(|| field_error("gas_limit must be an integer >= 1"))?;
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
    let global_version = m.get("global_version").map(|_| params.version);
    // The oracle runs `raw_drop_prefix` requests on the code with a DROP in front: c7 shows that cell.
    let c7_code = if mode == EntryMode::RawDropPrefix { prefix_drop(&params.code) } else { params.code.clone() };
    params.c7 = Some(parse_c7(m.get("c7"), global_version, c7_code)?.build());
    let capture_c4c5 = m.get("c4c5").and_then(Json::as_bool).unwrap_or(true);
    Ok(Request { id: m.get("id").cloned(), params, mode, capture_c4c5 })
}

/// The reference runner's c7 defaults: `now`, `balance` (nanotons), `address`, `rand_seed`.
pub const C7_DEFAULT_NOW: u32 = 1_700_000_000;
/// Default balance of the reference runner's c7 (1 TON).
pub const C7_DEFAULT_BALANCE: u64 = 1_000_000_000;
/// Default seed of the reference runner's c7 (32 bytes 0x42).
pub const C7_DEFAULT_RAND_SEED: [u8; 32] = [0x42; 32];

/// Builds the c7 parameters the reference runner uses for a request: its
/// `c7` object (`now`, `balance`, `address`, `rand_seed`, `config`) over the
/// runner's defaults, the config patched to `global_version` if given, and
/// `code` as the contract's code.
pub fn parse_c7(spec: Option<&Json>, global_version: Option<u32>, code: Cell) -> Result<C7Params, JsonError> {
    let empty = Map::new();
    let m = match spec {
        None | Some(Json::Null) => &empty,
        Some(Json::Object(m)) => m,
        Some(_) => return Err(field_error("c7: expected an object")),
    };
    let mut config = match m.get("config") {
        Some(spec) => BlockchainConfig::from_root(parse_cell_spec(spec)?).map_err(|e| field_error(e.to_string()))?,
        None => BlockchainConfig::sandbox_default().clone(),
    };
    if let Some(v) = global_version {
        config = config.with_global_version(v).map_err(|e| field_error(e.to_string()))?;
    }
    let mut p = C7Params::get_method(Some(code), Some(config));
    p.now = match m.get("now") {
        None => C7_DEFAULT_NOW,
        Some(v) => {
            v.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(|| field_error("c7.now: expected a uint32"))?
        }
    };
    p.balance = match m.get("balance") {
        None => Int257::from_u64(C7_DEFAULT_BALANCE),
        Some(v) => {
            let text = match v {
                Json::String(s) => s.clone(),
                Json::Number(n) => n.to_string(),
                _ => return Err(field_error("c7.balance: expected an integer")),
            };
            let n: u64 = text.parse().map_err(|_| field_error("c7.balance: expected a uint64"))?;
            // The emulator stores the balance as a signed 64-bit number (2^64-1 reads as -1).
            Int257::from_i64(n as i64)
        }
    };
    if let Some(v) = m.get("address") {
        let text = v.as_str().ok_or_else(|| field_error("c7.address: expected a string"))?;
        let (addr, _) =
            gram_cells::tlb::StdAddr::parse_text(text).map_err(|e| field_error(format!("c7.address: {e}")))?;
        p.address = addr;
    }
    p.rand_seed = C7_DEFAULT_RAND_SEED;
    if let Some(v) = m.get("rand_seed") {
        let text = v.as_str().ok_or_else(|| field_error("c7.rand_seed: expected 64 hex digits"))?;
        hex::decode_to_slice(text, &mut p.rand_seed)
            .map_err(|_| field_error("c7.rand_seed: expected 64 hex digits"))?;
    }
    Ok(p)
}

/// The root code cell with one `DROP` (0x30) in front, as the reference runner
/// runs `raw_drop_prefix` requests (the code itself when that does not fit).
fn prefix_drop(code: &Cell) -> Cell {
    if code.is_exotic() {
        return code.clone();
    }
    let mut b = CellBuilder::new();
    let refs: Vec<Cell> = code.references().cloned().collect();
    let ok = b.store_u8(0x30).is_ok()
        && b.store_slice_bits(&CellSlice::new(code.clone())).is_ok()
        && refs.into_iter().all(|r| b.store_reference(r).is_ok());
    if !ok {
        return code.clone();
    }
    b.build().unwrap_or_else(|_| code.clone())
}

/// The error the reference's emulator reports (and the runner prints as
/// `{"error": ...}`) when the final stack cannot be serialized as a `VmStack`.
pub const STACK_SERIALIZE_ERROR: &str = "emulator error: Couldn't serialize stack";

/// The result line for a finished run. A final stack the reference could
/// not serialize (a continuation that overflows its cell, for one) gives the
/// runner's error line instead, as the reference does.
pub fn outcome_to_json(req: &Request, out: &RunOutcome) -> Json {
    let mut m = Map::new();
    if let Some(id) = &req.id {
        m.insert("id".into(), id.clone());
    }
    if stack_to_cell(&out.stack).is_err() {
        m.insert("error".into(), json!(STACK_SERIALIZE_ERROR));
        return Json::Object(m);
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
