//! Fuzz target: arbitrary text through both assembler dialects. Nothing may
//! panic; whatever the canonical assembler accepts must disassemble and
//! assemble again to the same cell.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(a) = gram_asm::assemble(text) {
        let again = gram_asm::disassemble(&a.cell);
        let b = gram_asm::assemble(&again).expect("disassembly must assemble");
        assert_eq!(a.cell.hash(), b.cell.hash(), "round trip changed the cell");
    } else if let Err(e) = gram_asm::assemble(text) {
        let _ = gram_asm::render("fuzz", text, &e.0);
    }
    if let Err(e) = gram_asm::fift::assemble_fift(text) {
        let _ = gram_asm::render("fuzz", text, &e.0);
    }
});
