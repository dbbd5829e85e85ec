//! Hashes of cells, slices and builders (`HASHCU`, `HASHSU`, `HASHBU`,
//! `SHA256U`) and the `HASHEXT` family over several slices and builders.

use std::rc::Rc;

use blake2::Blake2b512;
use gram_cells::{bits, CellBuilder};
use sha2::{Digest, Sha256, Sha512};
use sha3::{Keccak256, Keccak512};

use super::{cell_underflow, range_check, whole_bytes_in};
use crate::error::{excno, Exec, Trap};
use crate::int257::Int257;
use crate::program::Instr;
use crate::table::TableBuilder;
use crate::value::Value;
use crate::vm::Vm;

/// Gas per hashed entry of `HASHEXT` (the reference's `hash_ext_entry_gas_price`).
const HASH_EXT_ENTRY_GAS: i64 = 1;

/// `hash_id` 255 in the opcode: the hash id comes from the stack.
const HASH_ID_FROM_STACK: u32 = 255;

fn push_hash(vm: &mut Vm, hash: &[u8; 32]) {
    vm.push_int(Int257::from_u256_be(hash));
}

fn exec_hashcu(vm: &mut Vm, _: &Instr) -> Exec {
    let cell = vm.pop_cell()?;
    push_hash(vm, cell.hash());
    Ok(())
}

/// `HASHSU` builds a new cell from the slice, which costs a cell creation.
fn exec_hashsu(vm: &mut Vm, _: &Instr) -> Exec {
    let slice = vm.pop_slice()?;
    let mut b = CellBuilder::new();
    b.store_slice(&slice)?;
    let cell = b.build()?;
    vm.register_cell_create()?;
    push_hash(vm, cell.hash());
    Ok(())
}

/// `HASHBU` finalizes a copy of the builder without charging for it.
fn exec_hashbu(vm: &mut Vm, _: &Instr) -> Exec {
    let builder = vm.pop_builder()?;
    let cell = builder.build()?;
    push_hash(vm, cell.hash());
    Ok(())
}

fn exec_sha256u(vm: &mut Vm, _: &Instr) -> Exec {
    let slice = vm.take_top_slice()?;
    let mut buf = [0; 128];
    let hash = gram_cells::sha256(whole_bytes_in(&slice, &mut buf)?);
    vm.set_top(Value::Int(Int257::from_u256_be(&hash)));
    Ok(())
}

/// The hash functions `HASHEXT` knows, by id.
#[derive(Clone, Copy)]
enum HashKind {
    Sha256,
    Sha512,
    Blake2b,
    Keccak256,
    Keccak512,
}

impl HashKind {
    fn from_id(id: u32) -> Option<HashKind> {
        Some(match id {
            0 => HashKind::Sha256,
            1 => HashKind::Sha512,
            2 => HashKind::Blake2b,
            3 => HashKind::Keccak256,
            4 => HashKind::Keccak512,
            _ => return None,
        })
    }

    /// Bytes hashed per unit of gas.
    fn bytes_per_gas_unit(self) -> usize {
        match self {
            HashKind::Sha256 => 33,
            HashKind::Sha512 => 16,
            HashKind::Blake2b => 19,
            HashKind::Keccak256 => 11,
            HashKind::Keccak512 => 6,
        }
    }
}

/// Feeds a bit string to a hash as it arrives, in whole bytes: an entry may
/// end mid-byte, and the next one continues that byte.
struct BitFeed<D> {
    hasher: D,
    /// Bits not yet hashed (fewer than 8), left-aligned.
    pending: u8,
    pending_bits: usize,
    /// Bits fed so far.
    bits: usize,
}

impl<D: Digest> BitFeed<D> {
    fn new() -> BitFeed<D> {
        BitFeed { hasher: D::new(), pending: 0, pending_bits: 0, bits: 0 }
    }

    /// Appends `len` bits of `src` starting at bit `src_offset` (at most one cell's 1023 bits).
    fn append(&mut self, src: &[u8], src_offset: usize, len: usize) {
        self.bits += len;
        if self.pending_bits == 0 && src_offset.is_multiple_of(8) {
            let start = src_offset / 8;
            self.hasher.update(&src[start..start + len / 8]);
            self.pending_bits = len % 8;
            if self.pending_bits != 0 {
                self.pending = src[start + len / 8] & (0xff << (8 - self.pending_bits));
            }
            return;
        }
        // Realign through a stack buffer: the pending bits, then the new ones.
        let mut buf = [0u8; 130];
        buf[0] = self.pending;
        let total = self.pending_bits + len;
        bits::copy_bits(&mut buf, self.pending_bits, src, src_offset, len);
        self.hasher.update(&buf[..total / 8]);
        self.pending_bits = total % 8;
        self.pending = if self.pending_bits != 0 { buf[total / 8] & (0xff << (8 - self.pending_bits)) } else { 0 };
    }
}

/// `HASHEXT[A][R] id`: hashes the concatenated bits of `n` slices or builders.
/// Arguments: bits 0-7 hash id (255 = from the stack), bit 8 reverse order,
/// bit 9 append the hash to a builder.
fn exec_hashext(vm: &mut Vm, ins: &Instr) -> Exec {
    let rev = (ins.args >> 8) & 1 != 0;
    let append = (ins.args >> 9) & 1 != 0;
    let mut hash_id = ins.args & 255;
    let v9 = vm.version >= 9;
    if hash_id == HASH_ID_FROM_STACK {
        if v9 {
            vm.check_depth(2)?;
        }
        hash_id = vm.pop_smallint_range(254)? as u32;
    }
    let max_cnt = vm.stack.len() as i64 - 1 - i64::from(v9 && append);
    let cnt = vm.pop_smallint_range(max_cnt)? as usize;
    let kind = HashKind::from_id(hash_id).ok_or_else(range_check)?;
    // One monomorphic loop per hash: no dispatch per entry, no hasher moved around.
    let mut digest = [0u8; 64];
    let len = match kind {
        HashKind::Sha256 => hash_entries::<Sha256>(vm, cnt, rev, kind, &mut digest)?,
        HashKind::Sha512 => hash_entries::<Sha512>(vm, cnt, rev, kind, &mut digest)?,
        HashKind::Blake2b => hash_entries::<Blake2b512>(vm, cnt, rev, kind, &mut digest)?,
        HashKind::Keccak256 => hash_entries::<Keccak256>(vm, cnt, rev, kind, &mut digest)?,
        HashKind::Keccak512 => hash_entries::<Keccak512>(vm, cnt, rev, kind, &mut digest)?,
    };
    let hash = &digest[..len];
    if append {
        let builder = vm.pop_builder()?;
        if !builder.can_store(hash.len() * 8, 0) {
            return Err(Trap::exc(excno::CELL_OVERFLOW));
        }
        let mut builder = Rc::unwrap_or_clone(builder);
        builder.store_raw(hash, hash.len() * 8)?;
        vm.push(Value::Builder(Rc::new(builder)));
    } else if hash.len() <= 32 {
        vm.push_int(int_from_be(hash));
    } else {
        let parts: Vec<Value> = hash.chunks(32).map(|c| Value::Int(int_from_be(c))).collect();
        vm.push(Value::Tuple(Rc::new(parts)));
    }
    Ok(())
}

/// Hashes the top `cnt` entries (slices or builders) in `HASHEXT` order,
/// charging gas entry by entry, pops them, and writes the digest to `out`;
/// returns the digest length.
fn hash_entries<D: Digest>(
    vm: &mut Vm,
    cnt: usize,
    rev: bool,
    kind: HashKind,
    out: &mut [u8; 64],
) -> Result<usize, Trap> {
    let per_gas = kind.bytes_per_gas_unit();
    let mut feed = BitFeed::<D>::new();
    let mut gas_consumed = 0i64;
    let depth = vm.stack.len();
    for i in 0..cnt {
        // Entry `i` in hashing order: the deepest first, or the top first when reversed.
        let idx = if rev { i } else { cnt - 1 - i };
        match &vm.stack[depth - 1 - idx] {
            Value::Slice(s) => feed.append(s.cell().data_buffer(), s.bit_offset(), s.remaining_bits()),
            Value::Builder(b) => feed.append(b.data(), 0, b.bit_len()),
            _ => {
                vm.stack.truncate(depth - cnt);
                return Err(Trap::exc(excno::TYPE_CHECK));
            }
        }
        let gas_total = (i as i64 + 1) * HASH_EXT_ENTRY_GAS + (feed.bits / 8 / per_gas) as i64;
        vm.charge(gas_total - gas_consumed)?;
        gas_consumed = gas_total;
    }
    vm.stack.truncate(depth - cnt);
    if !feed.bits.is_multiple_of(8) {
        return Err(cell_underflow());
    }
    let digest = feed.hasher.finalize();
    out[..digest.len()].copy_from_slice(&digest);
    Ok(digest.len())
}

/// An unsigned big-endian number of at most 32 bytes.
fn int_from_be(bytes: &[u8]) -> Int257 {
    let mut full = [0u8; 32];
    full[32 - bytes.len()..].copy_from_slice(bytes);
    Int257::from_u256_be(&full)
}

/// cp0 names of the four forms: one per known hash id, then ids 5..254, then the stack form.
const NAMES: [(u32, [&str; 7]); 4] = [
    (
        0xf904,
        [
            "HASHEXT_SHA256",
            "HASHEXT_SHA512",
            "HASHEXT_BLAKE2B",
            "HASHEXT_KECCAK256",
            "HASHEXT_KECCAK512",
            "HASHEXT",
            "HASHEXT_VAR",
        ],
    ),
    (
        0xf905,
        [
            "HASHEXTR_SHA256",
            "HASHEXTR_SHA512",
            "HASHEXTR_BLAKE2B",
            "HASHEXTR_KECCAK256",
            "HASHEXTR_KECCAK512",
            "HASHEXTR",
            "HASHEXTR_VAR",
        ],
    ),
    (
        0xf906,
        [
            "HASHEXTA_SHA256",
            "HASHEXTA_SHA512",
            "HASHEXTA_BLAKE2B",
            "HASHEXTA_KECCAK256",
            "HASHEXTA_KECCAK512",
            "HASHEXTA",
            "HASHEXTA_VAR",
        ],
    ),
    (
        0xf907,
        [
            "HASHEXTAR_SHA256",
            "HASHEXTAR_SHA512",
            "HASHEXTAR_BLAKE2B",
            "HASHEXTAR_KECCAK256",
            "HASHEXTAR_KECCAK512",
            "HASHEXTAR",
            "HASHEXTAR_VAR",
        ],
    ),
];

/// Registers the hash instructions.
pub(super) fn register(t: &mut TableBuilder) {
    t.simple(0xf900, 16, "HASHCU", exec_hashcu);
    t.simple(0xf901, 16, "HASHSU", exec_hashsu);
    t.simple(0xf902, 16, "SHA256U", exec_sha256u);
    t.simple(0xf916, 16, "HASHBU", exec_hashbu).since(12);
    // The reference registers f904..f907 with a 10-bit argument as one
    // instruction; cp0 names the known hash ids and the stack form. Ids
    // 5..254 are valid opcodes that fail with a range check when run.
    for (prefix, names) in NAMES {
        let base = prefix << 8;
        for (id, name) in names.iter().take(5).enumerate() {
            let op = base | id as u32;
            t.fixed_range(op, op + 1, 24, name, exec_hashext).since(4);
        }
        t.fixed_range(base | 5, base | 255, 24, names[5], exec_hashext).since(4);
        t.fixed_range(base | 255, base + 256, 24, names[6], exec_hashext).since(4);
    }
}
