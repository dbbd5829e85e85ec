//! The instruction set, read from `conformance/spec/cp0.json` and `errata.json`
//! (the tvm-spec description of codepage 0, MIT, see `conformance/spec/LICENSE-tvm-spec`).
//!
//! Only instructions enabled at global version 12 or lower are kept, with the
//! errata applied (904 instructions): the same set the reference VM decodes.

use std::sync::OnceLock;

use serde::Deserialize;

const CP0_JSON: &str = include_str!("../../conformance/spec/cp0.json");
const ERRATA_JSON: &str = include_str!("../../conformance/spec/errata.json");

/// The highest global version whose instructions are kept.
pub const MAX_VERSION: u32 = 12;

/// How an integer operand is shown and read back in the canonical syntax.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hint {
    /// Shown as a stack register `sN`.
    pub stack: bool,
    /// Shown as a control register `cN`.
    pub register: bool,
    /// Shown value = encoded value + `add`.
    pub add: i64,
    /// 4-bit PUSHINT: encoded values above 10 mean value - 16.
    pub pushint4: bool,
    /// PLDUZ: shown value = 32 * (encoded + 1).
    pub plduz: bool,
    /// Encoded 15 means -1.
    pub optional_nargs: bool,
    /// A continuation (for refs and subslices): shown as a code block.
    pub continuation: bool,
    /// A dictionary ref whose key length is the named operand.
    pub dictionary: bool,
}

/// One operand of an instruction, in encoding order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OperandDef {
    /// Unsigned integer of `size` bits.
    Uint {
        /// Field name in cp0.json.
        name: String,
        /// Width in bits.
        size: u8,
        /// Smallest encoded value.
        min: i64,
        /// Largest encoded value.
        max: i64,
        /// Display rule.
        hint: Hint,
        /// Encoded values the reference accepts, when it is narrower than `min..=max` (errata).
        allowed: Option<Vec<i64>>,
    },
    /// Signed (two's complement) integer of `size` bits.
    Int {
        /// Field name in cp0.json.
        name: String,
        /// Width in bits.
        size: u8,
    },
    /// The next reference of the code cell.
    Ref {
        /// Display rule (continuation / dictionary).
        hint: Hint,
    },
    /// PUSHINT_LONG: 5-bit length `l`, then an `8 * l + 19`-bit signed integer.
    PushIntLong,
    /// Inline slice: ref count, byte length, data bits and refs.
    Subslice {
        /// Width of the ref count field (0: no refs).
        refs_bits: u8,
        /// Added to the ref count field.
        refs_add: u8,
        /// Width of the byte length field.
        len_bits: u8,
        /// Data bits = 8 * length + padding.
        padding: u8,
        /// The data ends with a completion tag (`1` then zeros).
        tag: bool,
        /// Display rule (continuation).
        hint: Hint,
    },
}

/// One instruction of codepage 0.
#[derive(Clone, Debug)]
pub struct InstrDef {
    /// Mnemonic of cp0.json / errata.json (the canonical name).
    pub mnemonic: String,
    /// Prefix bits (right-aligned) and their count.
    pub prefix: u32,
    /// Number of prefix bits.
    pub prefix_len: u8,
    /// First 24-bit left-aligned opcode of the range.
    pub lo: u32,
    /// One past the last 24-bit opcode of the range.
    pub hi: u32,
    /// Operands in encoding order.
    pub operands: Vec<OperandDef>,
    /// Global version that enables it.
    pub since: u32,
    /// tvm-spec category.
    pub category: String,
    /// Lines of `doc.fift` (Fift-assembler syntax).
    pub fift: Vec<String>,
    /// Added by errata.json (opcodes the reference VM has and cp0.json lacks;
    /// the Fift assembler has no mnemonic for them).
    pub from_errata: bool,
}

impl InstrDef {
    /// Bits of the fixed part: prefix plus fixed-size operands and length fields.
    pub fn fixed_bits(&self) -> usize {
        let mut bits = self.prefix_len as usize;
        for op in &self.operands {
            bits += match op {
                OperandDef::Uint { size, .. } | OperandDef::Int { size, .. } => *size as usize,
                OperandDef::Ref { .. } => 0,
                OperandDef::PushIntLong => 5,
                OperandDef::Subslice { refs_bits, len_bits, .. } => (*refs_bits + *len_bits) as usize,
            };
        }
        bits
    }
}

/// A fixed-operand shorthand (SWAP = XCHG_0I 1).
#[derive(Clone, Debug)]
pub struct AliasDef {
    /// The alias name.
    pub mnemonic: String,
    /// Index of the instruction it stands for.
    pub target: usize,
    /// Encoded operand values by operand name.
    pub operands: Vec<(String, i64)>,
}

/// The whole instruction set.
pub struct Spec {
    /// Instructions sorted by `lo`.
    pub instrs: Vec<InstrDef>,
    /// Aliases whose target is in `instrs`.
    pub aliases: Vec<AliasDef>,
}

#[derive(Deserialize)]
struct RawSpec {
    instructions: Vec<RawInstr>,
    aliases: Vec<RawAlias>,
}

#[derive(Deserialize)]
struct RawInstr {
    mnemonic: String,
    since_version: u32,
    doc: RawDoc,
    bytecode: RawBytecode,
}

#[derive(Deserialize)]
struct RawDoc {
    category: String,
    #[serde(default)]
    fift: String,
}

#[derive(Deserialize)]
struct RawBytecode {
    prefix: String,
    #[serde(default)]
    operands: Vec<RawOperand>,
    operands_range_check: Option<RawRangeCheck>,
}

#[derive(Deserialize)]
struct RawRangeCheck {
    length: u32,
    from: u32,
    to: u32,
}

#[derive(Deserialize)]
struct RawOperand {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    size: u8,
    min_value: Option<i64>,
    max_value: Option<i64>,
    #[serde(default)]
    display_hints: Vec<RawHint>,
    #[serde(default)]
    bits_length_var_size: u8,
    #[serde(default)]
    bits_padding: u8,
    #[serde(default)]
    completion_tag: bool,
    #[serde(default)]
    refs_add: u8,
    #[serde(default)]
    refs_length_var_size: u8,
}

#[derive(Deserialize)]
struct RawHint {
    #[serde(rename = "type")]
    kind: String,
    value: Option<i64>,
}

#[derive(Deserialize)]
struct RawAlias {
    mnemonic: String,
    alias_of: String,
    operands: serde_json::Map<String, serde_json::Value>,
}

#[derive(Deserialize)]
struct RawErrata {
    missing_in_cp0: Vec<RawInstr>,
    not_in_reference_vm: Vec<RawDrop>,
    operand_restrictions: Vec<RawRestriction>,
}

#[derive(Deserialize)]
struct RawDrop {
    mnemonic: String,
    prefix: String,
}

#[derive(Deserialize)]
struct RawRestriction {
    mnemonics: Vec<String>,
    operand: String,
    reference_valid_values: serde_json::Value,
}

/// Prefix text (hex, trailing `_` = completion tag) to (value, bit count).
pub fn prefix_bits(prefix: &str) -> (u32, u8) {
    let tagged = prefix.ends_with('_');
    let hex = prefix.trim_end_matches('_');
    let mut value: u32 = u32::from_str_radix(hex, 16).unwrap_or(0);
    let mut len = (hex.len() * 4) as u8;
    if tagged && value != 0 {
        let zeros = value.trailing_zeros() as u8;
        value >>= zeros + 1;
        len -= zeros + 1;
    }
    (value, len)
}

fn convert_hint(raw: &[RawHint]) -> Hint {
    let mut hint = Hint::default();
    for h in raw {
        match h.kind.as_str() {
            "stack" => hint.stack = true,
            "register" => hint.register = true,
            "add" => hint.add = h.value.unwrap_or(0),
            "pushint4" => hint.pushint4 = true,
            "plduz" => hint.plduz = true,
            "optional_nargs" => hint.optional_nargs = true,
            "continuation" => hint.continuation = true,
            "dictionary" => hint.dictionary = true,
            _ => {}
        }
    }
    hint
}

fn convert_instr(raw: RawInstr) -> InstrDef {
    let (prefix, prefix_len) = prefix_bits(&raw.bytecode.prefix);
    let (lo, hi) = match &raw.bytecode.operands_range_check {
        Some(rc) => {
            let shift = 24 - prefix_len as u32 - rc.length;
            let base = prefix << rc.length;
            ((base + rc.from) << shift, (base + rc.to + 1) << shift)
        }
        None => {
            let shift = 24 - prefix_len as u32;
            (prefix << shift, (prefix + 1) << shift)
        }
    };
    let operands = raw
        .bytecode
        .operands
        .iter()
        .map(|op| {
            let hint = convert_hint(&op.display_hints);
            match op.kind.as_str() {
                "uint" => OperandDef::Uint {
                    name: op.name.clone(),
                    size: op.size,
                    min: op.min_value.unwrap_or(0),
                    max: op.max_value.unwrap_or((1i64 << op.size) - 1),
                    hint,
                    allowed: None,
                },
                "int" => OperandDef::Int { name: op.name.clone(), size: op.size },
                "ref" => OperandDef::Ref { hint },
                "pushint_long" => OperandDef::PushIntLong,
                _ => OperandDef::Subslice {
                    refs_bits: op.refs_length_var_size,
                    refs_add: op.refs_add,
                    len_bits: op.bits_length_var_size,
                    padding: op.bits_padding,
                    tag: op.completion_tag,
                    hint,
                },
            }
        })
        .collect();
    InstrDef {
        mnemonic: raw.mnemonic,
        prefix,
        prefix_len,
        lo,
        hi,
        operands,
        since: raw.since_version,
        category: raw.doc.category,
        fift: raw.doc.fift.lines().map(str::to_owned).collect(),
        from_errata: false,
    }
}

/// Encoded values from an errata `reference_valid_values` (a list or `"a..b"`).
fn restriction_values(value: &serde_json::Value) -> Option<Vec<i64>> {
    match value {
        serde_json::Value::Array(items) => Some(items.iter().filter_map(|v| v.as_i64()).collect()),
        serde_json::Value::String(text) => {
            let (a, b) = text.split_once("..")?;
            let (a, b) = (a.trim().parse::<i64>().ok()?, b.trim().parse::<i64>().ok()?);
            Some((a..=b).collect())
        }
        _ => None,
    }
}

fn build() -> Spec {
    let raw: RawSpec = serde_json::from_str(CP0_JSON).expect("cp0.json is valid (checked by tests)");
    let errata: RawErrata = serde_json::from_str(ERRATA_JSON).expect("errata.json is valid (checked by tests)");
    let dropped: Vec<(String, String)> =
        errata.not_in_reference_vm.iter().map(|d| (d.mnemonic.clone(), d.prefix.clone())).collect();
    let added = errata.missing_in_cp0.len();
    let mut instrs: Vec<InstrDef> = raw
        .instructions
        .into_iter()
        .map(|i| (i, false))
        .chain(errata.missing_in_cp0.into_iter().map(|i| (i, true)))
        .filter(|(i, _)| i.since_version <= MAX_VERSION)
        .filter(|(i, _)| !dropped.contains(&(i.mnemonic.clone(), i.bytecode.prefix.clone())))
        .map(|(i, from_errata)| InstrDef { from_errata, ..convert_instr(i) })
        .collect();
    debug_assert!(instrs.iter().filter(|d| d.from_errata).count() <= added);
    for r in &errata.operand_restrictions {
        let Some(values) = restriction_values(&r.reference_valid_values) else { continue };
        for def in instrs.iter_mut().filter(|d| r.mnemonics.contains(&d.mnemonic)) {
            for op in def.operands.iter_mut() {
                if let OperandDef::Uint { name, allowed, .. } = op {
                    if *name == r.operand {
                        *allowed = Some(values.clone());
                    }
                }
            }
        }
    }
    instrs.sort_by_key(|d| d.lo);
    let aliases = raw
        .aliases
        .into_iter()
        .filter_map(|a| {
            let target = instrs.iter().position(|d| d.mnemonic == a.alias_of)?;
            let operands = a.operands.iter().filter_map(|(k, v)| Some((k.clone(), v.as_i64()?))).collect::<Vec<_>>();
            // Aliases with non-integer operands (slices) are left out.
            (operands.len() == a.operands.len()).then_some(AliasDef { mnemonic: a.mnemonic, target, operands })
        })
        .collect();
    Spec { instrs, aliases }
}

impl Spec {
    /// The instruction set (built once).
    pub fn get() -> &'static Spec {
        static SPEC: OnceLock<Spec> = OnceLock::new();
        SPEC.get_or_init(build)
    }

    /// The instruction whose range holds the 24-bit left-aligned `opcode`.
    pub fn lookup(&self, opcode: u32) -> Option<&InstrDef> {
        let i = self.instrs.partition_point(|d| d.lo <= opcode);
        let def = self.instrs.get(i.checked_sub(1)?)?;
        (opcode < def.hi).then_some(def)
    }

    /// Index of the instruction named `mnemonic` (case-insensitive).
    pub fn find(&self, mnemonic: &str) -> Option<usize> {
        self.instrs.iter().position(|d| d.mnemonic.eq_ignore_ascii_case(mnemonic))
    }

    /// The alias named `mnemonic` (case-insensitive).
    pub fn find_alias(&self, mnemonic: &str) -> Option<&AliasDef> {
        self.aliases.iter().find(|a| a.mnemonic.eq_ignore_ascii_case(mnemonic))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_set_has_904_disjoint_instructions() {
        let spec = Spec::get();
        assert_eq!(spec.instrs.len(), 904);
        for pair in spec.instrs.windows(2) {
            assert!(pair[0].hi <= pair[1].lo, "{} overlaps {}", pair[0].mnemonic, pair[1].mnemonic);
        }
        let mut names: Vec<&str> = spec.instrs.iter().map(|d| d.mnemonic.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 904, "mnemonics are unique in the target set");
    }

    #[test]
    fn prefixes_with_completion_tags() {
        assert_eq!(prefix_bits("8F_"), (0b1000111, 7));
        assert_eq!(prefix_bits("F12_"), (0b11_1100_0100, 10));
        assert_eq!(prefix_bits("CFC_"), (0b1_1001_1111, 9));
        assert_eq!(prefix_bits("D72A_").1, 14);
    }
}
