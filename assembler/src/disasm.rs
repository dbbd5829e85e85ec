//! Cells to canonical text. Every instruction is printed so that assembling
//! the text gives back the same bits; what does not decode, or decodes to an
//! encoding the assembler would not choose, is printed as raw `.bits`
//! (`.invalid` for bits that are no instruction). Never panics.

use std::fmt::Write as _;

use gram_cells::dict::{DictKey, DictValue, Dictionary, NoGas, SetMode};
use gram_cells::{Cell, CellSlice};

use crate::instr::{decode_one, display_value, encode, Arg, Decoded};
use crate::spec::OperandDef;

/// Names of well-known method ids (entry points and common get-methods).
pub fn method_name(id: i64) -> Option<String> {
    match id {
        0 => return Some("recv_internal".into()),
        -1 => return Some("recv_external".into()),
        -2 => return Some("run_ticktock".into()),
        -3 => return Some("split_prepare".into()),
        -4 => return Some("split_install".into()),
        _ => {}
    }
    const GETTERS: &[&str] = &[
        "seqno",
        "get_public_key",
        "get_subwallet_id",
        "get_plugin_list",
        "is_plugin_installed",
        "get_wallet_data",
        "get_jetton_data",
        "get_wallet_address",
        "get_nft_data",
        "get_collection_data",
        "get_nft_address_by_index",
        "get_nft_content",
        "royalty_params",
        "get_static_data",
        "get_counter",
        "counter",
        "get_balance",
        "get_owner",
        "get_extensions",
        "get_is_signature_allowed",
        "get_sale_data",
        "dnsresolve",
        "get_storage_params",
        "get_channel_state",
        "get_channel_data",
    ];
    GETTERS.iter().find(|n| method_id(n) == id).map(|n| (*n).to_owned())
}

/// The method id FunC and Tolk give a get-method: `(crc16(name) & 0xffff) | 0x10000`.
pub fn method_id(name: &str) -> i64 {
    let mut crc: u16 = 0;
    for byte in name.bytes() {
        crc ^= (byte as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
        }
    }
    (crc as i64) | 0x10000
}

/// Disassembles a code cell into canonical text.
pub fn disassemble(code: &Cell) -> String {
    let mut p = Printer { out: String::new() };
    if code.is_exotic() {
        p.raw_items(code, 0);
    } else {
        p.code_items(code.as_slice(), 0);
    }
    p.out
}

struct Printer {
    out: String,
}

/// Nesting limit for printing (cells are at most 1024 deep; text nesting stays readable).
const MAX_NEST: usize = 1100;

impl Printer {
    fn line(&mut self, indent: usize, text: &str) {
        for _ in 0..indent.min(64) {
            self.out.push_str("  ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// Prints `head {`, the body, and `}` (or `head {}` when the body is empty).
    fn nested(&mut self, indent: usize, head: &str, body: impl FnOnce(&mut Printer, usize)) {
        let mark = self.out.len();
        self.line(indent, &format!("{head}{{"));
        let inner_start = self.out.len();
        body(self, indent + 1);
        if self.out.len() == inner_start {
            self.out.truncate(mark);
            self.line(indent, &format!("{head}{{}}"));
        } else {
            self.line(indent, "}");
        }
    }

    /// The instructions of a code slice, then raw leftovers.
    fn code_items(&mut self, mut s: CellSlice, indent: usize) {
        if indent > MAX_NEST {
            self.raw_slice(s, indent);
            return;
        }
        while s.remaining_bits() > 0 {
            let Some(d) = decode_one(&s) else {
                // Bytes the reference decodes and rejects at run time: raw bits, named in a comment.
                let Some(r) = crate::rejected::decode_rejected(&s) else { break };
                let Ok(head) = s.load_slice(r.bits, 0) else { break };
                let hex = head.to_hex_tagged();
                self.line(indent, &format!(".invalid x{{{hex}}} ; {} (decodes, fails at run time)", r.text));
                continue;
            };
            let Ok(head) = s.load_slice(d.bits, d.refs) else { break };
            if canonical(&d, &head) {
                self.instruction(&d, indent);
            } else {
                self.line(
                    indent,
                    &format!(".bits x{{{}}} ; {} (non-canonical encoding)", head.to_hex_tagged(), d.def.mnemonic),
                );
                for i in 0..head.remaining_refs() {
                    if let Ok(r) = head.preload_reference(i) {
                        self.nested(indent, ".ref ", |p, ind| p.raw_items(&r, ind));
                    }
                }
            }
        }
        if s.remaining_bits() > 0 {
            let rest = s.clone();
            self.line(indent, &format!(".invalid x{{{}}}", rest.to_hex_tagged()));
        }
        for i in 0..s.remaining_refs() {
            if let Ok(r) = s.preload_reference(i) {
                self.nested(indent, ".ref ", |p, ind| p.cell_as_code(&r, ind));
            }
        }
    }

    fn cell_as_code(&mut self, cell: &Cell, indent: usize) {
        if cell.is_exotic() {
            self.raw_items(cell, indent);
        } else {
            self.code_items(cell.as_slice(), indent);
        }
    }

    /// A data cell: `.exotic`, `.bits` and `.ref` items.
    fn raw_items(&mut self, cell: &Cell, indent: usize) {
        if cell.is_exotic() {
            self.line(indent, ".exotic");
        }
        let s = CellSlice::with_window(cell.clone(), 0..cell.bit_len(), 0..cell.ref_count());
        match s {
            Ok(s) => self.raw_slice(s, indent),
            Err(_) => self.line(indent, "; unreadable cell"),
        }
    }

    fn raw_slice(&mut self, s: CellSlice, indent: usize) {
        if s.remaining_bits() > 0 {
            self.line(indent, &format!(".bits x{{{}}}", s.to_hex_tagged()));
        }
        for i in 0..s.remaining_refs() {
            if let Ok(r) = s.preload_reference(i) {
                if indent > MAX_NEST {
                    self.line(indent, "; nesting too deep");
                    continue;
                }
                self.nested(indent, ".ref ", |p, ind| p.raw_items(&r, ind));
            }
        }
    }

    fn instruction(&mut self, d: &Decoded, indent: usize) {
        let mut head = d.def.mnemonic.clone();
        let mut blocks: Vec<(String, Block)> = Vec::new();
        let dict_bits = d.args.iter().zip(&d.def.operands).find_map(|(a, o)| match (a, o) {
            (Arg::Num(n), OperandDef::Uint { .. }) => Some(*n),
            _ => None,
        });
        for (op, arg) in d.def.operands.iter().zip(&d.args) {
            match (op, arg) {
                (OperandDef::Uint { hint, .. }, Arg::Num(v)) => {
                    let shown = display_value(hint, *v);
                    let text = if hint.stack {
                        format!("s{shown}")
                    } else if hint.register {
                        format!("c{shown}")
                    } else {
                        shown.to_string()
                    };
                    push_word(&mut head, &mut blocks, &text);
                }
                (OperandDef::Int { .. }, Arg::Num(v)) => push_word(&mut head, &mut blocks, &v.to_string()),
                (OperandDef::PushIntLong, Arg::Big(v)) => push_word(&mut head, &mut blocks, &v.to_string()),
                (OperandDef::Ref { hint }, Arg::Cell(c)) => {
                    let block = if hint.dictionary {
                        match dict_entries(c, dict_bits.unwrap_or(0) as usize) {
                            Some(entries) => Block::Dict(entries),
                            None => Block::Raw(c.clone()),
                        }
                    } else if hint.continuation {
                        Block::Code(c.clone())
                    } else {
                        Block::Raw(c.clone())
                    };
                    blocks.push((String::new(), block));
                }
                (OperandDef::Subslice { hint, .. }, Arg::Slice(c)) => {
                    if hint.continuation {
                        blocks.push((String::new(), Block::Code(c.clone())));
                    } else {
                        let s = c.as_slice();
                        push_word(&mut head, &mut blocks, &format!("x{{{}}}", s.to_hex_tagged()));
                        for r in c.references() {
                            blocks.push((String::new(), Block::Raw(r.clone())));
                        }
                    }
                }
                _ => {}
            }
        }
        if blocks.is_empty() {
            self.line(indent, &head);
            return;
        }
        // `HEAD {` ... `} {` ... `} WORDS`: blocks follow each other on the closing lines.
        for (i, (after, block)) in blocks.into_iter().enumerate() {
            let kw = if matches!(block, Block::Dict(_)) { "dict " } else { "" };
            if i == 0 {
                self.line(indent, &format!("{head} {kw}{{"));
            } else {
                self.out.pop();
                let _ = writeln!(self.out, " {kw}{{");
            }
            let body_start = self.out.len();
            match block {
                Block::Code(c) => self.cell_as_code(&c, indent + 1),
                Block::Raw(c) => self.raw_items(&c, indent + 1),
                Block::Dict(entries) => {
                    for (key, value) in entries {
                        let name = method_name(key).map(|n| format!(" ; {n}")).unwrap_or_default();
                        self.line(indent + 1, &format!("{key} => {{{name}"));
                        let inner = self.out.len();
                        self.code_items(value, indent + 2);
                        if self.out.len() == inner && name.is_empty() {
                            self.out.pop();
                            self.out.push_str("}\n");
                        } else {
                            self.line(indent + 1, "}");
                        }
                    }
                }
            }
            if self.out.len() == body_start {
                self.out.pop();
                let _ = writeln!(self.out, "}}{after}");
            } else {
                self.line(indent, &format!("}}{after}"));
            }
        }
    }
}

enum Block {
    Code(Cell),
    Raw(Cell),
    Dict(Vec<(i64, CellSlice)>),
}

/// Adds a word to the instruction line, or after the last block.
fn push_word(head: &mut String, blocks: &mut [(String, Block)], word: &str) {
    match blocks.last_mut() {
        Some((after, _)) => {
            after.push(' ');
            after.push_str(word);
        }
        None => {
            head.push(' ');
            head.push_str(word);
        }
    }
}

/// Whether re-encoding the decoded instruction gives exactly `original`.
fn canonical(d: &Decoded, original: &CellSlice) -> bool {
    let Ok(b) = encode(d.def, &d.args) else { return false };
    let Ok(cell) = b.build() else { return false };
    let again = cell.as_slice();
    again.remaining_bits() == original.remaining_bits()
        && again.remaining_refs() == original.remaining_refs()
        && again.content_eq(original)
}

/// The entries of a dictionary with signed `key_bits`-bit keys, if rebuilding
/// it from them gives the same root (so it can be printed as `dict { ... }`).
fn dict_entries(root: &Cell, key_bits: usize) -> Option<Vec<(i64, CellSlice)>> {
    if key_bits == 0 || key_bits > 63 {
        return None;
    }
    let dict = Dictionary::with_root(Some(root.clone()), key_bits).ok()?;
    let mut entries = Vec::new();
    for item in dict.iter(false, true, &mut NoGas) {
        let (key, value) = item.ok()?;
        let k = crate::instr::small(&key.to_big_int(true))?;
        entries.push((k, value));
        if entries.len() > 100_000 {
            return None;
        }
    }
    let mut again = Dictionary::new(key_bits).ok()?;
    for (k, v) in &entries {
        let key = DictKey::from_int(*k, key_bits)?;
        // The value must print and re-assemble to the same cell content.
        let cell = v.to_cell().ok()?;
        again.set(&key, DictValue::Slice(&cell.as_slice()), SetMode::Set, &mut NoGas).ok()?;
    }
    (again.root().map(|c| c.hash()) == Some(root.hash())).then_some(entries)
}
