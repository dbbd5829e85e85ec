//! TL-B core types of `block.tlb` used by the executor and the CLI:
//! addresses, `VarUInteger` / `Coins`, currency collections, `StateInit`,
//! message headers, messages and output actions.
//!
//! Every type reads itself from a [`CellSlice`] with [`Load`] and writes
//! itself to a [`CellBuilder`] with [`Store`], bit for bit as the reference
//! node does. Reads validate what the reference's TL-B validator checks
//! (tags, `#<=` bounds, whole-cell use of `^X` references, dictionary
//! structure), so anything that loads here is accepted by the node and the
//! other way round.
//!
//! ```
//! use gram_cells::tlb::{Coins, CurrencyCollection, Load, Store};
//! let value = CurrencyCollection::from_grams(Coins(1_500_000_000));
//! let cell = value.to_cell().unwrap();
//! assert_eq!(CurrencyCollection::load_from_cell(&cell).unwrap(), value);
//! ```

mod address;
mod address_text;
mod bitstring;
mod currency;
mod error;
mod message;
mod msg_info;
mod num;
mod out_action;
mod state_init;

pub use address::{Anycast, ExtAddr, MsgAddress, MsgAddressExt, MsgAddressInt, StdAddr, VarAddr};
pub use address_text::{crc16_xmodem, FriendlyFlags};
pub use bitstring::BitString;
pub use currency::{CurrencyCollection, ExtraCurrencies};
pub use error::{AddressTextError, TlbError};
pub use message::{InitField, Message, MessageBody, MessageRelaxed};
pub use msg_info::{
    CommonMsgInfo, CommonMsgInfoRelaxed, ExtInMsgInfo, ExtOutMsgInfo, ExtOutMsgInfoRelaxed, IntMsgInfo,
    IntMsgInfoRelaxed,
};
pub use num::{Coins, VarInt, VarUint};
pub use out_action::{LibRef, OutAction, OutList};
pub use state_init::{Libraries, SimpleLib, StateInit, TickTock};

use crate::dict::{CellContext, DictError, DictKey, DictResult, DictValue, Dictionary, NoGas, SetMode};
use crate::{Cell, CellBuilder, CellSlice};

/// A TL-B type that can be read from the front of a slice.
pub trait Load: Sized {
    /// Reads one value and advances the slice past it. On error the slice
    /// may be partly consumed.
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError>;

    /// Reads a value that must fill `cell` exactly, as a `^X` reference
    /// does in the reference's validator: the cell is ordinary and no bits
    /// or refs are left over.
    fn load_from_cell(cell: &Cell) -> Result<Self, TlbError> {
        let mut slice = ordinary_slice(cell, short_type_name::<Self>())?;
        let value = Self::load(&mut slice)?;
        if !slice.is_empty() {
            return Err(TlbError::TrailingData { ty: short_type_name::<Self>() });
        }
        Ok(value)
    }
}

/// A TL-B type that can be appended to a builder.
pub trait Store {
    /// Appends the value's bits and refs.
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError>;

    /// Serialises the value as a cell of its own.
    fn to_cell(&self) -> Result<Cell, TlbError> {
        let mut builder = CellBuilder::new();
        self.store(&mut builder)?;
        Ok(builder.build()?)
    }
}

/// The last path segment of a type name, for error messages.
fn short_type_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    let base = full.split('<').next().unwrap_or(full);
    base.rsplit("::").next().unwrap_or(base)
}

/// A slice over an ordinary cell; exotic cells are refused, as the
/// reference's `load_cell_slice` does when parsing TL-B.
fn ordinary_slice(cell: &Cell, ty: &'static str) -> Result<CellSlice, TlbError> {
    if cell.is_exotic() {
        return Err(TlbError::UnexpectedExotic { ty });
    }
    Ok(cell.as_slice())
}

/// TL-B name used in errors about malformed dictionaries.
const HASHMAP: &str = "Hashmap";

/// A dictionary context for TL-B reads: reads ordinary cells only and
/// remembers whether it refused an exotic one, so that the error can say so.
#[derive(Default)]
struct TlbDictContext {
    saw_exotic: bool,
}

impl CellContext for TlbDictContext {
    fn load_cell(&mut self, cell: &Cell) -> DictResult<Option<Cell>> {
        if cell.is_exotic() {
            self.saw_exotic = true;
        }
        NoGas.load_cell(cell)
    }

    fn on_create(&mut self) -> DictResult<()> {
        Ok(())
    }
}

/// Maps a dictionary failure to the TL-B layer: a malformed tree is invalid
/// `Hashmap` data, an exotic node is an unexpected exotic cell, and a value
/// too large for its leaf is a cell overflow.
fn dict_error(err: DictError, saw_exotic: bool) -> TlbError {
    match err {
        _ if saw_exotic => TlbError::UnexpectedExotic { ty: HASHMAP },
        DictError::CellUnderflow(reason) | DictError::Invalid(reason) => TlbError::InvalidData { ty: HASHMAP, reason },
        DictError::CellOverflow(_) => TlbError::Cell(crate::CellError::Overflow),
        DictError::KeyTooLong(_) => TlbError::InvalidData { ty: HASHMAP, reason: "key longer than 1023 bits" },
    }
}

/// Reads every entry of the `Hashmap key_bits X` under `root` in ascending
/// key order with [`Dictionary::iter`], as strictly as the reference's
/// validator: every node is an ordinary cell, a fork holds only its label and
/// two refs, and `on_leaf` must read its value to the end of the leaf.
fn for_each_dict_entry(
    root: &Cell,
    key_bits: usize,
    on_leaf: &mut dyn FnMut(&DictKey, &mut CellSlice) -> Result<(), TlbError>,
) -> Result<(), TlbError> {
    let dict = Dictionary::with_root(Some(root.clone()), key_bits).map_err(|e| dict_error(e, false))?;
    let mut ctx = TlbDictContext::default();
    let mut entries = dict.iter(false, false, &mut ctx);
    while let Some(entry) = entries.next() {
        let (key, mut value) = match entry {
            Ok(entry) => entry,
            Err(err) => {
                drop(entries);
                return Err(dict_error(err, ctx.saw_exotic));
            }
        };
        on_leaf(&key, &mut value)?;
        if !value.is_empty() {
            return Err(TlbError::TrailingData { ty: HASHMAP });
        }
    }
    Ok(())
}

/// Builds a `Hashmap key_bits X` with the reference's layout (the one
/// [`Dictionary`] produces) from keys and values stored inline in the leaves.
/// Returns the root cell, or `None` when there are no entries.
fn build_dict<K: AsRef<[u8]>>(
    entries: impl IntoIterator<Item = (K, CellBuilder)>,
    key_bits: usize,
) -> Result<Option<Cell>, TlbError> {
    let mut dict = Dictionary::new(key_bits).map_err(|e| dict_error(e, false))?;
    for (key, value) in entries {
        let key = DictKey::from_bits(key.as_ref(), key_bits)
            .ok_or(TlbError::InvalidData { ty: HASHMAP, reason: "key of the wrong length" })?;
        dict.set(&key, DictValue::Builder(&value), SetMode::Set, &mut NoGas).map_err(|e| dict_error(e, false))?;
    }
    Ok(dict.into_root())
}

/// Reads `^X`: the next ref, which must hold exactly one `X`.
fn load_ref<T: Load>(slice: &mut CellSlice) -> Result<T, TlbError> {
    let cell = slice.load_reference()?;
    T::load_from_cell(&cell)
}

/// Writes `^X`: the value in a new cell, appended as a ref.
fn store_ref<T: Store>(builder: &mut CellBuilder, value: &T) -> Result<(), TlbError> {
    let cell = value.to_cell()?;
    builder.store_reference(cell)?;
    Ok(())
}

/// Reads `Maybe ^Cell`.
fn load_maybe_ref(slice: &mut CellSlice) -> Result<Option<Cell>, TlbError> {
    Ok(if slice.load_bit()? { Some(slice.load_reference()?) } else { None })
}

/// Writes `Maybe ^Cell`.
fn store_maybe_ref(builder: &mut CellBuilder, cell: Option<&Cell>) -> Result<(), TlbError> {
    match cell {
        Some(cell) => {
            builder.store_bit(true)?;
            builder.store_reference(cell.clone())?;
        }
        None => {
            builder.store_bit(false)?;
        }
    }
    Ok(())
}

/// Number of bits of `#<= max` (and of `#< max + 1`): the bit length of `max`.
const fn bits_for(max: usize) -> usize {
    (usize::BITS - max.leading_zeros()) as usize
}

impl Load for bool {
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        Ok(slice.load_bit()?)
    }
}

impl Store for bool {
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        builder.store_bit(*self)?;
        Ok(())
    }
}

impl<T: Load> Load for Option<T> {
    /// `Maybe X`: a presence bit, then the value.
    fn load(slice: &mut CellSlice) -> Result<Self, TlbError> {
        Ok(if slice.load_bit()? { Some(T::load(slice)?) } else { None })
    }
}

impl<T: Store> Store for Option<T> {
    /// `Maybe X`: a presence bit, then the value.
    fn store(&self, builder: &mut CellBuilder) -> Result<(), TlbError> {
        builder.store_bit(self.is_some())?;
        if let Some(value) = self {
            value.store(builder)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values wider than their field are refused when written, never truncated.
    #[test]
    fn stores_refuse_values_wider_than_their_field() {
        let too_wide = |r: Result<Cell, TlbError>| matches!(r, Err(TlbError::OutOfRange { .. }));
        assert!(too_wide(Coins(Coins::MAX.0 + 1).to_cell()));
        assert!(Coins::MAX.to_cell().is_ok());
        assert!(too_wide(VarUint::<16>(num_bigint::BigUint::from(1u8) << 120u32).to_cell()));
        assert!(too_wide(VarInt::<16>(num_bigint::BigInt::from(1u8) << 119u32).to_cell()));
        assert!(VarInt::<16>(-(num_bigint::BigInt::from(1u8) << 119u32)).to_cell().is_ok());
        assert!(too_wide(StateInit { split_depth: Some(32), ..StateInit::default() }.to_cell()));
        let long = BitString::new(&[0u8; 64], 512).unwrap();
        assert!(too_wide(VarAddr { anycast: None, workchain: 0, address: long.clone() }.to_cell()));
        assert!(too_wide(ExtAddr { address: long }.to_cell()));
        let lib = OutAction::ChangeLibrary { mode: 128, libref: LibRef::Hash([0; 32]) };
        assert!(too_wide(lib.to_cell()));
        assert!(OutAction::ChangeLibrary { mode: 127, libref: LibRef::Hash([0; 32]) }.to_cell().is_ok());
    }

    #[test]
    fn anycast_bounds() {
        assert!(Anycast::new(0, 0).is_err());
        assert!(Anycast::new(31, 0).is_err());
        assert!(Anycast::new(3, 8).is_err());
        assert_eq!(Anycast::new(30, (1 << 30) - 1).unwrap().prefix(), (1 << 30) - 1);
    }

    #[test]
    fn exotic_ref_body_is_refused_both_ways() {
        let mut data = vec![2u8];
        data.extend_from_slice(&[7u8; 32]);
        let library = Cell::new(&data, 8 + 256, &[], true).unwrap();
        let info = CommonMsgInfo::ExtIn(ExtInMsgInfo {
            src: MsgAddressExt::None,
            dest: MsgAddressInt::Std(StdAddr::new(0, [1; 32])),
            import_fee: Coins(0),
        });
        let mut message = Message::from(info);
        message.body = MessageBody::Ref(library.clone());
        assert_eq!(message.to_cell(), Err(TlbError::UnexpectedExotic { ty: "message body" }));
        // The same bits written by hand are refused when read.
        let mut b = CellBuilder::new();
        message.info.store(&mut b).unwrap();
        b.store_bit(false).unwrap();
        b.store_bit(true).unwrap();
        b.store_reference(library).unwrap();
        let cell = b.build().unwrap();
        assert_eq!(
            Message::<CommonMsgInfo>::load_from_cell(&cell),
            Err(TlbError::UnexpectedExotic { ty: "message body" })
        );
    }

    #[test]
    fn load_from_cell_wants_the_whole_cell() {
        let mut b = CellBuilder::new();
        Coins(5).store(&mut b).unwrap();
        b.store_bit(true).unwrap();
        let cell = b.build().unwrap();
        assert_eq!(Coins::load_from_cell(&cell), Err(TlbError::TrailingData { ty: "Coins" }));
        assert_eq!(Coins::load(&mut cell.as_slice()), Ok(Coins(5)));
    }

    fn read_u8_entries(root: &Cell, key_bits: usize) -> Result<Vec<(Vec<u8>, u8)>, TlbError> {
        let mut out = Vec::new();
        for_each_dict_entry(root, key_bits, &mut |key, value| {
            out.push((key.as_bytes().to_vec(), value.load_u8()?));
            Ok(())
        })?;
        Ok(out)
    }

    fn u8_value(v: u8) -> CellBuilder {
        let mut b = CellBuilder::new();
        b.store_u8(v).unwrap();
        b
    }

    #[test]
    fn dict_entries_round_trip_in_key_order() {
        let keys = [77u32, 0, 0xFFFF_FFFF, 1, 0x8000_0000, 2];
        let root = build_dict(keys.iter().map(|k| (k.to_be_bytes(), u8_value(*k as u8))), 32).unwrap().unwrap();
        let mut sorted = keys.to_vec();
        sorted.sort();
        let expected: Vec<(Vec<u8>, u8)> = sorted.iter().map(|k| (k.to_be_bytes().to_vec(), *k as u8)).collect();
        assert_eq!(read_u8_entries(&root, 32).unwrap(), expected);
        assert_eq!(build_dict(Vec::<([u8; 4], CellBuilder)>::new(), 32), Ok(None));
        assert!(build_dict([([0u8; 1], u8_value(0))], 32).is_err());
    }

    #[test]
    fn dict_single_entry_uses_the_reference_label() {
        // One 32-bit key 0: an all-zero label of 32 bits is hml_same$11 v=0, n=32 in 6 bits.
        let root = build_dict([(0u32.to_be_bytes(), u8_value(0xAB))], 32).unwrap().unwrap();
        let mut s = root.as_slice();
        assert_eq!(s.load_uint(3).unwrap(), 0b110);
        assert_eq!(s.load_uint(6).unwrap(), 32);
        assert_eq!(s.load_u8().unwrap(), 0xAB);
    }

    #[test]
    fn dict_leaf_with_leftover_data_is_rejected() {
        let mut b = CellBuilder::new();
        b.store_uint(0b110, 3).unwrap();
        b.store_uint(8, 4).unwrap();
        b.store_u8(1).unwrap();
        b.store_bit(true).unwrap();
        let root = b.build().unwrap();
        assert_eq!(read_u8_entries(&root, 8), Err(TlbError::TrailingData { ty: HASHMAP }));
    }

    #[test]
    fn dict_label_longer_than_key_is_rejected() {
        let mut b = CellBuilder::new();
        b.store_uint(0b111, 3).unwrap();
        b.store_uint(9, 4).unwrap(); // n = 9 > m = 8
        b.store_u8(1).unwrap();
        let root = b.build().unwrap();
        assert!(matches!(read_u8_entries(&root, 8), Err(TlbError::InvalidData { ty: HASHMAP, .. })));
    }

    #[test]
    fn dict_fork_with_extra_bits_is_rejected() {
        let leaf = |v: u8| {
            let mut b = CellBuilder::new();
            b.store_uint(0b110, 3).unwrap(); // hml_same, 7 bits of 0
            b.store_uint(7, 3).unwrap();
            b.store_u8(v).unwrap();
            b.build().unwrap()
        };
        let mut b = CellBuilder::new();
        b.store_uint(0, 2).unwrap(); // empty hml_short label
        b.store_bit(true).unwrap(); // one bit too many for a fork
        b.store_reference(leaf(1)).unwrap();
        b.store_reference(leaf(2)).unwrap();
        let root = b.build().unwrap();
        assert!(matches!(read_u8_entries(&root, 8), Err(TlbError::InvalidData { ty: HASHMAP, .. })));
    }

    #[test]
    fn dict_exotic_node_is_rejected() {
        let mut data = vec![2u8];
        data.extend_from_slice(&[7u8; 32]);
        let library = Cell::new(&data, 8 + 256, &[], true).unwrap();
        assert_eq!(read_u8_entries(&library, 8), Err(TlbError::UnexpectedExotic { ty: HASHMAP }));
    }
}
