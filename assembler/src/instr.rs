//! One instruction to bits and back: decoding the next instruction of a code
//! slice, and encoding an instruction with explicit operand values, both driven
//! by the operand layout of [`crate::spec`].

use gram_cells::{Cell, CellBuilder, CellSlice};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::spec::{Hint, InstrDef, OperandDef, Spec};

/// An operand value in encoded form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// A fixed-width integer field, as stored (before display rules).
    Num(i64),
    /// The integer of PUSHINT_LONG.
    Big(BigInt),
    /// A reference operand.
    Cell(Cell),
    /// An inline slice operand: its content (bits after the completion tag is
    /// removed, and refs) as a cell.
    Slice(Cell),
}

/// A decoded instruction.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// The instruction.
    pub def: &'static InstrDef,
    /// Operand values in [`InstrDef::operands`] order.
    pub args: Vec<Arg>,
    /// Data bits the instruction occupies.
    pub bits: usize,
    /// Refs it takes from the code cell.
    pub refs: usize,
}

/// Why an instruction cannot be encoded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EncodeError {
    /// An operand is outside the values the encoding can hold.
    #[error("operand {value} out of range {min}..{max}")]
    OutOfRange {
        /// The value given.
        value: String,
        /// Smallest accepted value.
        min: i64,
        /// Largest accepted value.
        max: i64,
    },
    /// An operand value is in range but rejected by the reference VM.
    #[error("operand {0} is not accepted by the reference VM")]
    Rejected(i64),
    /// An inline slice is too long, or has too many or too few refs.
    #[error("slice of {bits} bits and {refs} refs does not fit this encoding")]
    SliceTooBig {
        /// Data bits.
        bits: usize,
        /// Refs.
        refs: usize,
    },
    /// An inline slice without completion tag must have 8 * n + padding bits.
    #[error("slice of {bits} bits: this encoding needs 8 * n + {padding} bits")]
    SliceAlignment {
        /// Data bits.
        bits: usize,
        /// Required remainder.
        padding: u8,
    },
    /// The operand kinds do not match the instruction.
    #[error("wrong operand kind")]
    WrongKind,
    /// The encoded bits select another instruction (a range check failed).
    #[error("operands out of range for {0}")]
    SelectsOther(String),
    /// More bits or refs than one cell holds.
    #[error("instruction does not fit in a cell")]
    Overflow,
}

/// Decodes the instruction at the front of `code`, or `None` when the bits
/// there are no valid instruction (unknown opcode, too few bits or refs, an
/// operand value the reference rejects).
pub fn decode_one(code: &CellSlice) -> Option<Decoded> {
    let rem = code.remaining_bits();
    if rem == 0 {
        return None;
    }
    let take = rem.min(24);
    let top = (code.get_uint(0, take).ok()? << (24 - take)) as u32;
    let spec = Spec::get();
    let def = spec.lookup(top)?;
    if def.fixed_bits() > rem {
        return None;
    }
    let mut s = code.clone();
    s.skip_bits(def.prefix_len as usize).ok()?;
    let mut args = Vec::with_capacity(def.operands.len());
    for op in &def.operands {
        let arg = match op {
            OperandDef::Uint { size, allowed, .. } => {
                let v = s.load_uint(*size as usize).ok()? as i64;
                if let Some(ok) = allowed {
                    if !ok.contains(&v) {
                        return None;
                    }
                }
                Arg::Num(v)
            }
            OperandDef::Int { size, .. } => Arg::Num(s.load_int(*size as usize).ok()?),
            OperandDef::Ref { .. } => Arg::Cell(s.load_reference().ok()?),
            OperandDef::PushIntLong => {
                let l = s.load_uint(5).ok()? as usize;
                Arg::Big(s.load_big_int(8 * l + 19).ok()?)
            }
            OperandDef::Subslice { refs_bits, refs_add, len_bits, padding, tag, .. } => {
                let r = if *refs_bits > 0 { s.load_uint(*refs_bits as usize).ok()? as usize } else { 0 };
                let refs = r + *refs_add as usize;
                let x = s.load_uint(*len_bits as usize).ok()? as usize;
                let bits = 8 * x + *padding as usize;
                let mut data = s.load_slice(bits, refs).ok()?;
                if *tag {
                    let zeros = data.count_trailing(false);
                    let cut = (zeros + 1).min(data.remaining_bits());
                    data.skip_last(cut, 0).ok()?;
                }
                Arg::Slice(data.to_cell().ok()?)
            }
        };
        args.push(arg);
    }
    Some(Decoded { def, args, bits: s.bit_offset() - code.bit_offset(), refs: s.ref_offset() - code.ref_offset() })
}

/// Smallest `l` such that `value` fits in `8 * l + 19` signed bits.
fn pushint_long_len(value: &BigInt) -> Option<u64> {
    let magnitude_bits = if value.is_negative() { (-value - 1u32).bits() } else { value.bits() };
    let need = magnitude_bits + 1;
    let l = need.saturating_sub(19).div_ceil(8);
    (l <= 30).then_some(l)
}

fn store_big_int(b: &mut CellBuilder, value: &BigInt, bits: usize) -> Result<(), EncodeError> {
    b.store_big_int(value, bits).map(|_| ()).map_err(|_| EncodeError::Overflow)
}

/// Encodes `def` with `args` (encoded values, see [`Arg`]) into a fresh builder.
pub fn encode(def: &InstrDef, args: &[Arg]) -> Result<CellBuilder, EncodeError> {
    if args.len() != def.operands.len() {
        return Err(EncodeError::WrongKind);
    }
    let mut b = CellBuilder::new();
    let ov = |_| EncodeError::Overflow;
    b.store_uint(def.prefix as u64, def.prefix_len as usize).map_err(ov)?;
    let mut refs: Vec<Cell> = Vec::new();
    for (op, arg) in def.operands.iter().zip(args) {
        match (op, arg) {
            (OperandDef::Uint { size, min, max, allowed, .. }, Arg::Num(v)) => {
                if v < min || v > max {
                    return Err(EncodeError::OutOfRange { value: v.to_string(), min: *min, max: *max });
                }
                if let Some(ok) = allowed {
                    if !ok.contains(v) {
                        return Err(EncodeError::Rejected(*v));
                    }
                }
                b.store_uint(*v as u64, *size as usize).map_err(ov)?;
            }
            (OperandDef::Int { size, .. }, Arg::Num(v)) => {
                let (min, max) = (-(1i64 << (size - 1)), (1i64 << (size - 1)) - 1);
                if v < &min || v > &max {
                    return Err(EncodeError::OutOfRange { value: v.to_string(), min, max });
                }
                b.store_int(*v, *size as usize).map_err(ov)?;
            }
            (OperandDef::Ref { .. }, Arg::Cell(c)) => refs.push(c.clone()),
            (OperandDef::PushIntLong, Arg::Big(v)) => {
                let l = pushint_long_len(v).ok_or(EncodeError::OutOfRange {
                    value: v.to_string(),
                    min: i64::MIN,
                    max: i64::MAX,
                })?;
                b.store_uint(l, 5).map_err(ov)?;
                store_big_int(&mut b, v, 8 * l as usize + 19)?;
            }
            (OperandDef::Subslice { refs_bits, refs_add, len_bits, padding, tag, .. }, Arg::Slice(c)) => {
                let (bits, nrefs) = (c.bit_len(), c.ref_count());
                let too_big = EncodeError::SliceTooBig { bits, refs: nrefs };
                let data_bits = bits + usize::from(*tag);
                let x = data_bits.saturating_sub(*padding as usize).div_ceil(8);
                if !*tag && 8 * x + *padding as usize != bits {
                    return Err(EncodeError::SliceAlignment { bits, padding: *padding });
                }
                if x >= 1 << len_bits || nrefs < *refs_add as usize {
                    return Err(too_big);
                }
                let r = nrefs - *refs_add as usize;
                if (*refs_bits == 0 && r > 0) || (*refs_bits > 0 && r >= 1 << refs_bits) {
                    return Err(too_big);
                }
                if *refs_bits > 0 {
                    b.store_uint(r as u64, *refs_bits as usize).map_err(ov)?;
                }
                b.store_uint(x as u64, *len_bits as usize).map_err(ov)?;
                b.store_slice_bits(&c.as_slice()).map_err(ov)?;
                let pad = 8 * x + *padding as usize - bits;
                if pad > 0 {
                    b.store_bit(true).map_err(ov)?;
                    b.store_zeros(pad - 1).map_err(ov)?;
                }
                refs.extend(c.references().cloned());
            }
            _ => return Err(EncodeError::WrongKind),
        }
    }
    for r in refs {
        b.store_reference(r).map_err(ov)?;
    }
    // The encoded bits must select this very instruction (range checks such as
    // XCHG_0I's i >= 1 are part of the opcode space, not of one operand).
    let probe = {
        let cell = b.build().map_err(ov)?;
        decode_one(&cell.as_slice())
    };
    match probe {
        Some(d) if std::ptr::eq(d.def, def) || d.def.mnemonic == def.mnemonic => Ok(b),
        _ => Err(EncodeError::SelectsOther(def.mnemonic.clone())),
    }
}

/// An operand value as shown in the canonical syntax (display rules applied).
pub fn display_value(hint: &Hint, encoded: i64) -> i64 {
    if hint.plduz {
        32 * (encoded + 1)
    } else if hint.pushint4 {
        if encoded > 10 {
            encoded - 16
        } else {
            encoded
        }
    } else if hint.optional_nargs && encoded == 15 {
        -1
    } else {
        encoded + hint.add
    }
}

/// The encoded value of a shown operand value, or `None` if no encoded value shows as it.
pub fn encoded_value(hint: &Hint, shown: i64) -> Option<i64> {
    if hint.plduz {
        (shown % 32 == 0 && shown >= 32).then(|| shown / 32 - 1)
    } else if hint.pushint4 {
        (-5..=10).contains(&shown).then_some(if shown < 0 { shown + 16 } else { shown })
    } else if hint.optional_nargs && shown == -1 {
        Some(15)
    } else {
        shown.checked_sub(hint.add)
    }
}

/// The integer value of a big integer operand if it fits in `i64`.
pub fn small(value: &BigInt) -> Option<i64> {
    if value.is_zero() {
        Some(0)
    } else {
        value.to_i64()
    }
}
