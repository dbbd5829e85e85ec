//! Bytes the reference decodes and rejects at run time: the disassembler's
//! recogniser agrees opcode by opcode with the VM's own table (where these
//! are registered under their reference names or `DIV_FAMILY_INVALID`), and
//! the disassembly names them and still assembles to the same cell.

use gram_asm::rejected::decode_rejected;
use gram_asm::{assemble, disassemble};
use gram_cells::{Cell, CellBuilder};
use gram_vm::table::{OpDef, Table};

/// Whether a VM table entry covering 24-bit `op` is one the reference rejects at run time.
fn vm_rejects(entry: &OpDef, op: u32) -> bool {
    let id = op & 0xFF;
    match entry.name {
        "DIV_FAMILY_INVALID" => true,
        "XCHG_IJ" => op >> 8 & 0xF0 == 0,
        "HASHEXT" | "HASHEXTR" | "HASHEXTA" | "HASHEXTAR" => (5..=254).contains(&id),
        _ => false,
    }
}

/// 24 opcode bits and 8 more (room for a shift byte).
fn code(op: u32) -> Cell {
    let mut b = CellBuilder::new();
    b.store_uint(u64::from(op), 24).unwrap();
    b.store_uint(0x07, 8).unwrap();
    b.build().unwrap()
}

#[test]
fn recogniser_matches_the_vm_table() {
    let table = Table::cp0();
    let entries = table.entries();
    let ranges = [(0x100000u32, 0x101000u32), (0xA90000, 0xAA0000), (0xB7A900, 0xB7AA00), (0xF90400, 0xF90800)];
    let mut rejected = 0;
    for (lo, hi) in ranges {
        for op in lo..hi {
            let entry = entries.iter().find(|e| e.min <= op && op < e.max);
            let vm = entry.filter(|e| vm_rejects(e, op));
            let ours = decode_rejected(&code(op).as_slice());
            match (vm, ours) {
                (Some(e), Some(r)) => {
                    assert_eq!(r.bits, e.tot_bits as usize, "{op:06x} {}", r.text);
                    rejected += 1;
                }
                (None, None) => {}
                (vm, ours) => panic!("{op:06x}: VM {:?} vs disassembler {ours:?}", vm.map(|e| e.name)),
            }
        }
    }
    // 16 * 256 XCHG_IJ s0, 4 * 250 HASHEXT, the division rounding-mode-3 bytes.
    assert!(rejected > 4096 + 1000, "{rejected}");
}

#[test]
fn disassembly_names_them_and_round_trips() {
    // XCHG_IJ s0 s2; DIV rounding 3 (A907); HASHEXTA id 9; quiet MULDIV rounding 3 (B7A98B);
    // A9 3F with its shift byte; then PUSHINT_4 1 still decodes.
    let bytes = [0x10, 0x02, 0xA9, 0x07, 0xF9, 0x06, 0x09, 0xB7, 0xA9, 0x8B, 0xA9, 0x3F, 0x10, 0x71];
    let code = Cell::new(&bytes, bytes.len() * 8, &[], false).unwrap();
    let text = disassemble(&code);
    insta::assert_snapshot!(text);
    assert!(text.contains("PUSHINT_4 1"), "{text}");
    assert_eq!(assemble(&text).expect("assembles").cell.hash(), code.hash());
}

#[test]
fn debug_table_looks_past_them() {
    // The ADD of an inline continuation after run-time-rejected bytes still maps to its line.
    let src = ".invalid x{1003}\nPUSHCONT_SHORT {\n  ADD\n}\n";
    let a = assemble(src).expect("assembles");
    let span = a.debug.lookup(a.cell.hash(), 24).expect("a mark at bit 24");
    assert_eq!(gram_asm::error::line_col(src, span.start).0, 3);
}
