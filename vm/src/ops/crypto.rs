//! Hashing and cryptography instructions (cp0 category `app_crypto`), as the
//! reference's `crypto/vm/tonops.cpp` runs them: cell and slice hashes,
//! `HASHEXT*`, Ed25519, secp256k1, P-256, Ristretto255 and BLS12-381.

mod bls;
mod bls_blst;
mod hash;
mod p256;
mod rist255;
mod secp;
mod sign;

use gram_cells::{bits, CellSlice};

use crate::error::{excno, Trap};
use crate::int257::Int257;
use crate::table::TableBuilder;
use crate::vm::Vm;

/// Registers every instruction of the family.
pub(crate) fn register(t: &mut TableBuilder) {
    hash::register(t);
    sign::register(t);
    secp::register(t);
    p256::register(t);
    rist255::register(t);
    bls::register(t);
}

#[inline]
fn range_check() -> Trap {
    Trap::exc(excno::RANGE_CHECK)
}

#[inline]
fn cell_underflow() -> Trap {
    Trap::exc(excno::CELL_UNDERFLOW)
}

/// An integer (NaN = `None`) as 32 big-endian bytes, if it is in `0..2^256`
/// (the reference's `export_bytes(.., 32, false)`).
fn u256_bytes(x: &Option<Int257>) -> Option<[u8; 32]> {
    x.as_ref().and_then(Int257::to_u256_be)
}

/// The first `N` bytes of a slice, or `None` if it has fewer than `8 * N` bits
/// (the reference's `prefetch_bytes`).
fn prefix_bytes<const N: usize>(s: &CellSlice) -> Option<[u8; N]> {
    let mut out = [0u8; N];
    let mut probe = s.clone();
    probe.load_raw_into(&mut out, N * 8).ok()?;
    Some(out)
}

/// All the bits of a slice as bytes; cell underflow unless they are whole
/// bytes. Borrowed from the cell when the slice starts on a byte boundary,
/// else copied into `buf` (a cell holds at most 128 bytes).
fn whole_bytes_in<'a>(s: &'a CellSlice, buf: &'a mut [u8; 128]) -> Result<&'a [u8], Trap> {
    let bits = s.remaining_bits();
    if !bits.is_multiple_of(8) {
        return Err(cell_underflow());
    }
    let at = s.bit_offset();
    if at.is_multiple_of(8) {
        return Ok(&s.cell().data()[at / 8..(at + bits) / 8]);
    }
    bits::copy_bits(&mut buf[..], 0, s.cell().data_buffer(), at, bits);
    Ok(&buf[..bits / 8])
}

/// [`whole_bytes_in`] as an owned vector.
fn whole_bytes(s: &CellSlice) -> Result<Vec<u8>, Trap> {
    whole_bytes_in(s, &mut [0; 128]).map(<[u8]>::to_vec)
}

/// The signed data of a signature check, popped from the stack: for the `…S` forms a slice of
/// whole bytes, otherwise an integer hash in `0..2^256` as 32 bytes (range check).
fn pop_signed_data(vm: &mut Vm, from_slice: bool) -> Result<Vec<u8>, Trap> {
    if from_slice {
        let slice = vm.pop_slice()?;
        whole_bytes(&slice)
    } else {
        let hash = vm.pop_int_or_nan()?;
        Ok(u256_bytes(&hash).ok_or_else(range_check)?.to_vec())
    }
}
