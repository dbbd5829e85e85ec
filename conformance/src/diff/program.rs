//! A generated program as a tree (so the shrinker can drop parts of it) and
//! its encoding into a code cell and a request line of the oracle's format.

use gram_cells::{parse_tagged_hex, Cell};
use gram_vm::json::cell_to_boc_text;
use serde_json::{json, Value as Json};

/// A bit string under construction.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bits(pub Vec<bool>);

impl Bits {
    /// The bits of tagged hex (`"8F_"` = `1000111`); `None` for bad hex.
    pub fn from_tagged_hex(text: &str) -> Option<Bits> {
        let (bytes, len) = parse_tagged_hex(text)?;
        Some(Bits((0..len).map(|i| bytes[i / 8] & (0x80 >> (i % 8)) != 0).collect()))
    }

    /// Appends the low `n` bits of `value`, most significant first.
    pub fn push_uint(&mut self, value: u64, n: u32) {
        for i in (0..n).rev() {
            self.0.push(i < 64 && (value >> i) & 1 == 1);
        }
    }

    /// Appends other bits.
    pub fn push_bits(&mut self, other: &Bits) {
        self.0.extend_from_slice(&other.0);
    }

    /// Number of bits.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no bits.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The bits packed into bytes (zero-padded).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = vec![0u8; self.0.len().div_ceil(8)];
        for (i, bit) in self.0.iter().enumerate() {
            if *bit {
                out[i / 8] |= 0x80 >> (i % 8);
            }
        }
        out
    }

    /// Tagged hex of the bits (what the oracle's `code_hex` takes).
    pub fn to_hex(&self) -> String {
        gram_cells::bits_to_tagged_hex(&self.to_bytes(), self.0.len())
    }
}

/// One element of generated code.
#[derive(Clone, Debug)]
pub enum Item {
    /// An instruction with its fixed bits (opcode and inline operands) and
    /// the data cells it references.
    Op { name: &'static str, bits: Bits, refs: Vec<Cell> },
    /// `PUSHCONT` of a body; the encoding (short, long or `PUSHREFCONT`) is
    /// chosen from the body's size when the code is built.
    PushCont(Vec<Item>),
    /// An instruction whose refs are code bodies (`CALLREF`, `IFREFELSEREF`...).
    RefCode { name: &'static str, bits: Bits, bodies: Vec<Vec<Item>> },
    /// The rest of the code, in a new cell reached by an implicit `JMPREF`.
    /// Only meaningful as the last item of a sequence.
    Tail(Vec<Item>),
}

/// The bits and refs of an encoded code sequence.
#[derive(Default)]
struct Encoded {
    bits: Bits,
    refs: Vec<Cell>,
}

impl Encoded {
    fn into_cell(self) -> Option<Cell> {
        Cell::new(&self.bits.to_bytes(), self.bits.len(), &self.refs, false).ok()
    }
}

fn encode_seq(items: &[Item]) -> Option<Encoded> {
    let mut out = Encoded::default();
    let mut tail = None;
    for item in items {
        match item {
            Item::Op { bits, refs, .. } => {
                out.bits.push_bits(bits);
                out.refs.extend(refs.iter().cloned());
            }
            Item::PushCont(body) => {
                let body = encode_seq(body)?;
                let bytes = body.bits.len() / 8;
                let aligned = body.bits.len() % 8 == 0;
                if aligned && body.refs.is_empty() && bytes <= 15 {
                    out.bits.push_uint(0x9, 4);
                    out.bits.push_uint(bytes as u64, 4);
                    out.bits.push_bits(&body.bits);
                } else if aligned && body.refs.len() <= 3 && bytes <= 127 {
                    out.bits.push_uint(0b1000111, 7);
                    out.bits.push_uint(body.refs.len() as u64, 2);
                    out.bits.push_uint(bytes as u64, 7);
                    out.bits.push_bits(&body.bits);
                    out.refs.extend(body.refs);
                } else {
                    out.bits.push_uint(0x8A, 8);
                    out.refs.push(body.into_cell()?);
                }
            }
            Item::RefCode { bits, bodies, .. } => {
                out.bits.push_bits(bits);
                for body in bodies {
                    out.refs.push(encode_seq(body)?.into_cell()?);
                }
            }
            Item::Tail(rest) => tail = Some(encode_seq(rest)?.into_cell()?),
        }
    }
    out.refs.extend(tail);
    (out.bits.len() <= gram_cells::MAX_BITS && out.refs.len() <= gram_cells::MAX_REFS).then_some(out)
}

/// Encodes a code sequence into one cell (with its refs); `None` if it does not fit.
pub fn encode(items: &[Item]) -> Option<Cell> {
    encode_seq(items)?.into_cell()
}

/// Human-readable listing of a sequence (names, operand bits as hex, nesting).
pub fn listing(items: &[Item]) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|item| match item {
            Item::Op { name, bits, refs } => {
                let refs = if refs.is_empty() { String::new() } else { format!(" +{} ref", refs.len()) };
                format!("{name}[{}]{refs}", bits.to_hex())
            }
            Item::PushCont(body) => format!("PUSHCONT {{ {} }}", listing(body)),
            Item::RefCode { name, bits, bodies } => {
                let bodies: Vec<String> = bodies.iter().map(|b| format!("{{ {} }}", listing(b))).collect();
                format!("{name}[{}] {}", bits.to_hex(), bodies.join(" "))
            }
            Item::Tail(rest) => format!("-> {{ {} }}", listing(rest)),
        })
        .collect();
    parts.join("; ")
}

/// `DROP`: every program starts with it to remove the int32 sentinel that
/// makes the oracle enter the code with exactly the given stack.
const DROP: u64 = 0x30;

/// One generated test program: entry stack, code and run settings.
#[derive(Clone, Debug)]
pub struct Program {
    /// Typed stack values (oracle format), bottom first, without the sentinel.
    pub stack: Vec<Json>,
    /// The int32 pushed last and dropped by the code's first instruction.
    pub sentinel: i32,
    /// The code after the leading `DROP`.
    pub items: Vec<Item>,
    /// c4 on entry (`None` = empty cell).
    pub data: Option<Cell>,
    pub gas_limit: i64,
    /// Whether to ask the oracle for c4/c5 (a second reference run).
    pub capture_c4c5: bool,
    /// Blockchain config for c7 (base64 BoC); `None` = the runner's default.
    pub c7_config: Option<String>,
    /// Global version to run at; `None` = 12.
    pub global_version: Option<u32>,
}

impl Program {
    /// The code cell: `DROP` then the items; `None` if it does not fit.
    pub fn code(&self) -> Option<Cell> {
        let mut drop = Bits::default();
        drop.push_uint(DROP, 8);
        let mut all = vec![Item::Op { name: "DROP", bits: drop, refs: Vec::new() }];
        all.extend(self.items.iter().cloned());
        encode(&all)
    }

    /// The request line for the oracle and for gram's JSON path.
    pub fn request(&self) -> Option<Json> {
        let code = self.code()?;
        let mut stack = self.stack.clone();
        stack.push(json!({"type": "int", "value": self.sentinel.to_string()}));
        let mut req = json!({
            "code": cell_to_boc_text(&code),
            "stack": stack,
            "gas_limit": self.gas_limit,
            "c4c5": self.capture_c4c5,
        });
        if let Some(data) = &self.data {
            req["data"] = json!(cell_to_boc_text(data));
        }
        if let Some(version) = self.global_version {
            req["global_version"] = json!(version);
        }
        if let Some(config) = &self.c7_config {
            req["c7"] = json!({ "config": config });
        }
        Some(req)
    }

    /// The code as a listing.
    pub fn listing(&self) -> String {
        format!("DROP; {}", listing(&self.items))
    }
}
