//! The canonical text syntax: tokens and the tree of blocks, instructions and
//! operands (see `SYNTAX.md`). Parsing never stops at the first problem: bad
//! tokens become diagnostics and parsing goes on.

use std::ops::Range;

use num_bigint::BigInt;
use num_traits::Num;

use crate::error::Diagnostic;

/// A slice literal: `x{...}` or `b{...}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SliceLit {
    /// Bits, left-aligned.
    pub data: Vec<u8>,
    /// Number of bits.
    pub bits: usize,
}

/// A `{ ... }` block: the content of one cell (or inline continuation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Items in order.
    pub items: Vec<Item>,
    /// From `{` to `}` (the whole file for the top level).
    pub span: Range<usize>,
}

/// One line of a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// `MNEMONIC operand...`
    Instr {
        /// The mnemonic as written.
        name: String,
        /// Where it is written.
        span: Range<usize>,
        /// Its operands.
        operands: Vec<Operand>,
    },
    /// `.bits x{...}` raw data (`.invalid x{...}` is the same, marking bits that are no instruction).
    Bits(SliceLit, Range<usize>),
    /// `.ref { ... }`: a reference of the current cell not taken by an instruction.
    Ref(Block),
    /// `.exotic`: the cell of this block is exotic (its first byte is the type).
    Exotic(Range<usize>),
}

/// An operand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Operand {
    /// An integer (decimal or `0x` hex, optionally negative).
    Int(BigInt, Range<usize>),
    /// A stack register `sN`.
    Stack(i64, Range<usize>),
    /// A control register `cN`.
    Ctrl(i64, Range<usize>),
    /// A slice literal.
    Slice(SliceLit, Range<usize>),
    /// A block (code or cell).
    Block(Block),
    /// `dict { KEY => { ... } ... }`: a dictionary of code slices.
    Dict(Vec<(BigInt, Block)>, Range<usize>),
}

impl Operand {
    /// Where the operand is written.
    pub fn span(&self) -> Range<usize> {
        match self {
            Operand::Int(_, s) | Operand::Stack(_, s) | Operand::Ctrl(_, s) | Operand::Slice(_, s) => s.clone(),
            Operand::Block(b) => b.span.clone(),
            Operand::Dict(_, s) => s.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Open,
    Close,
    Arrow,
    Slice(SliceLit),
    Word(String),
}

/// Splits source into tokens with byte spans; `;` and `//` start comments.
fn lex(src: &str, diags: &mut Vec<Diagnostic>) -> Vec<(Tok, Range<usize>)> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c == b';' || (c == b'/' && bytes.get(i + 1) == Some(&b'/')) {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if c == b'{' {
            out.push((Tok::Open, i..i + 1));
            i += 1;
        } else if c == b'}' {
            out.push((Tok::Close, i..i + 1));
            i += 1;
        } else if (c == b'x' || c == b'b') && bytes.get(i + 1) == Some(&b'{') {
            let start = i;
            let close = src[i..].find('}').map(|p| i + p);
            let Some(end) = close else {
                diags.push(
                    Diagnostic::new(start..src.len(), "unterminated slice literal").with_hint("close it with `}`"),
                );
                break;
            };
            let body = &src[i + 2..end];
            match parse_slice_body(c == b'x', body) {
                Some(lit) => out.push((Tok::Slice(lit), start..end + 1)),
                None => diags.push(
                    Diagnostic::new(start..end + 1, format!("bad slice literal `{}`", &src[start..end + 1])).with_hint(
                        if c == b'x' {
                            "x{...} takes hex digits and an optional trailing `_`"
                        } else {
                            "b{...} takes 0 and 1"
                        },
                    ),
                ),
            }
            i = end + 1;
        } else {
            let start = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'{' | b'}' | b';') {
                i += 1;
            }
            // Keep multi-byte characters whole.
            while i < bytes.len() && !src.is_char_boundary(i) {
                i += 1;
            }
            let word = &src[start..i];
            if word == "=>" {
                out.push((Tok::Arrow, start..i));
            } else {
                out.push((Tok::Word(word.to_owned()), start..i));
            }
        }
    }
    out
}

/// Parses the inside of `x{...}` (hex, `_` completion tag) or `b{...}` (binary).
pub fn parse_slice_body(hex: bool, body: &str) -> Option<SliceLit> {
    let body: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    if hex {
        if body.is_empty() {
            return Some(SliceLit { data: Vec::new(), bits: 0 });
        }
        if body.len() > 260 {
            return None;
        }
        let (data, bits) = gram_cells::parse_tagged_hex(&body)?;
        Some(SliceLit { data, bits })
    } else {
        if body.len() > 1023 {
            return None;
        }
        let mut data = vec![0u8; body.len().div_ceil(8)];
        for (i, ch) in body.chars().enumerate() {
            match ch {
                '0' => {}
                '1' => data[i / 8] |= 0x80 >> (i % 8),
                _ => return None,
            }
        }
        Some(SliceLit { data, bits: body.len() })
    }
}

/// Parses an integer literal: decimal, `0x` hex or `0b` binary, optional `-`.
pub fn parse_int(word: &str) -> Option<BigInt> {
    let (neg, rest) = match word.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, word),
    };
    if rest.is_empty() || rest.len() > 400 {
        return None;
    }
    let value = if let Some(h) = rest.strip_prefix("0x").or_else(|| rest.strip_prefix("0X")) {
        if h.is_empty() || !h.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        BigInt::from_str_radix(h, 16).ok()?
    } else if let Some(b) = rest.strip_prefix("0b") {
        if b.is_empty() || !b.chars().all(|c| c == '0' || c == '1') {
            return None;
        }
        BigInt::from_str_radix(b, 2).ok()?
    } else {
        if !rest.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        BigInt::from_str_radix(rest, 10).ok()?
    };
    Some(if neg { -value } else { value })
}

/// `sN` / `cN` register words.
fn parse_reg(word: &str, letter: char) -> Option<i64> {
    let rest = word.strip_prefix(letter)?;
    if rest.is_empty() || rest.len() > 4 || !rest.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    rest.parse().ok()
}

struct Parser<'a> {
    toks: Vec<(Tok, Range<usize>)>,
    pos: usize,
    diags: &'a mut Vec<Diagnostic>,
    src_len: usize,
    depth: usize,
}

/// Nesting deeper than this is refused (cells cannot be deeper than 1024 anyway).
const MAX_DEPTH: usize = 1100;

impl Parser<'_> {
    fn peek(&self) -> Option<&(Tok, Range<usize>)> {
        self.toks.get(self.pos)
    }

    fn is_operand_start(&self) -> bool {
        match self.peek() {
            Some((Tok::Open, _)) | Some((Tok::Slice(_), _)) => true,
            Some((Tok::Word(w), _)) => {
                w == "dict" || parse_int(w).is_some() || parse_reg(w, 's').is_some() || parse_reg(w, 'c').is_some()
            }
            _ => false,
        }
    }

    /// Items until `}` (when `nested`) or the end.
    fn items(&mut self, nested: bool) -> Vec<Item> {
        let mut items = Vec::new();
        loop {
            let Some((tok, span)) = self.peek().cloned() else {
                return items;
            };
            match tok {
                Tok::Close if nested => return items,
                Tok::Close => {
                    self.diags.push(Diagnostic::new(span, "unmatched `}`"));
                    self.pos += 1;
                }
                Tok::Word(w) if w.starts_with('.') && w.len() > 1 => {
                    self.pos += 1;
                    self.directive(&w, span, &mut items);
                }
                Tok::Word(w) if !self.is_operand_start() => {
                    self.pos += 1;
                    let mut operands = Vec::new();
                    while self.is_operand_start() {
                        if let Some(op) = self.operand() {
                            operands.push(op);
                        }
                    }
                    items.push(Item::Instr { name: w, span, operands });
                }
                _ => {
                    self.diags.push(
                        Diagnostic::new(span, "expected an instruction")
                            .with_hint("operands follow their mnemonic: `PUSHINT_8 100`"),
                    );
                    self.pos += 1;
                    // Skip a whole block so its content is not reported again.
                    if matches!(self.toks.get(self.pos - 1), Some((Tok::Open, _))) {
                        self.pos -= 1;
                        let _ = self.block();
                    }
                }
            }
        }
    }

    fn directive(&mut self, w: &str, span: Range<usize>, items: &mut Vec<Item>) {
        match w {
            ".bits" | ".invalid" => match self.peek().cloned() {
                Some((Tok::Slice(lit), s)) => {
                    self.pos += 1;
                    items.push(Item::Bits(lit, span.start..s.end));
                }
                _ => self
                    .diags
                    .push(Diagnostic::new(span, format!("`{w}` needs a slice literal")).with_hint("`.bits x{ABCD}`")),
            },
            ".ref" => match self.peek() {
                Some((Tok::Open, _)) => {
                    if let Some(b) = self.block() {
                        items.push(Item::Ref(b));
                    }
                }
                _ => self.diags.push(Diagnostic::new(span, "`.ref` needs a block").with_hint("`.ref { ... }`")),
            },
            ".exotic" => items.push(Item::Exotic(span)),
            _ => self.diags.push(
                Diagnostic::new(span, format!("unknown directive `{w}`"))
                    .with_hint("directives are .bits, .invalid, .ref and .exotic"),
            ),
        }
    }

    /// `{ items }`; the current token is `{`.
    fn block(&mut self) -> Option<Block> {
        let (_, open) = self.toks.get(self.pos).cloned()?;
        self.pos += 1;
        if self.depth >= MAX_DEPTH {
            self.diags.push(Diagnostic::new(open.clone(), "blocks nested too deeply"));
        }
        self.depth += 1;
        let items = if self.depth > MAX_DEPTH { self.skip_block_body() } else { self.items(true) };
        self.depth -= 1;
        match self.peek().cloned() {
            Some((Tok::Close, close)) => {
                self.pos += 1;
                Some(Block { items, span: open.start..close.end })
            }
            _ => {
                self.diags.push(Diagnostic::new(open, "unclosed `{`").with_hint("add `}` to close the block"));
                Some(Block { items, span: 0..self.src_len })
            }
        }
    }

    fn skip_block_body(&mut self) -> Vec<Item> {
        let mut level = 0usize;
        while let Some((tok, _)) = self.peek() {
            match tok {
                Tok::Open => level += 1,
                Tok::Close if level == 0 => break,
                Tok::Close => level -= 1,
                _ => {}
            }
            self.pos += 1;
        }
        Vec::new()
    }

    fn operand(&mut self) -> Option<Operand> {
        let (tok, span) = self.peek().cloned()?;
        match tok {
            Tok::Open => self.block().map(Operand::Block),
            Tok::Slice(lit) => {
                self.pos += 1;
                Some(Operand::Slice(lit, span))
            }
            Tok::Word(w) if w == "dict" => {
                self.pos += 1;
                self.dict(span)
            }
            Tok::Word(w) => {
                self.pos += 1;
                if let Some(v) = parse_reg(&w, 's') {
                    Some(Operand::Stack(v, span))
                } else if let Some(v) = parse_reg(&w, 'c') {
                    Some(Operand::Ctrl(v, span))
                } else {
                    parse_int(&w).map(|v| Operand::Int(v, span))
                }
            }
            _ => None,
        }
    }

    /// `dict { KEY => { ... } ... }` after the word `dict`.
    fn dict(&mut self, start: Range<usize>) -> Option<Operand> {
        if !matches!(self.peek(), Some((Tok::Open, _))) {
            self.diags.push(Diagnostic::new(start, "`dict` needs `{ KEY => { ... } ... }`"));
            return None;
        }
        self.pos += 1;
        let mut entries = Vec::new();
        loop {
            let Some((tok, span)) = self.peek().cloned() else {
                self.diags.push(Diagnostic::new(start.clone(), "unclosed dictionary"));
                return None;
            };
            match tok {
                Tok::Close => {
                    self.pos += 1;
                    return Some(Operand::Dict(entries, start.start..span.end));
                }
                Tok::Word(w) if parse_int(&w).is_some() => {
                    self.pos += 1;
                    let key = parse_int(&w)?;
                    if !matches!(self.peek(), Some((Tok::Arrow, _))) {
                        self.diags.push(Diagnostic::new(span, "expected `=>` after the key"));
                        continue;
                    }
                    self.pos += 1;
                    if !matches!(self.peek(), Some((Tok::Open, _))) {
                        self.diags.push(Diagnostic::new(span, "expected `{` after `=>`"));
                        continue;
                    }
                    if let Some(b) = self.block() {
                        entries.push((key, b));
                    }
                }
                _ => {
                    self.diags.push(Diagnostic::new(span, "expected `KEY => { ... }` in a dictionary"));
                    self.pos += 1;
                }
            }
        }
    }
}

/// Parses canonical assembly text into its top-level block; problems are
/// appended to `diags` (the tree is still returned, with bad parts left out).
pub fn parse(src: &str, diags: &mut Vec<Diagnostic>) -> Block {
    let toks = lex(src, diags);
    let mut p = Parser { toks, pos: 0, diags, src_len: src.len(), depth: 0 };
    let items = p.items(false);
    Block { items, span: 0..src.len() }
}
