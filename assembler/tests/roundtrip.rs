//! disasm -> asm gives the identical cell for real contract code.

use gram_asm::{assemble, disassemble};
use gram_cells::boc;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn round_trip(boc_bytes: &[u8]) -> (String, String) {
    let code = boc::decode_single(boc_bytes).expect("valid BoC");
    let text = disassemble(&code);
    let again = match assemble(&text) {
        Ok(a) => a.cell,
        Err(e) => panic!("{}\n{}", gram_asm::render("disasm", &text, &e.0), text),
    };
    assert_eq!(hex(again.hash()), hex(code.hash()), "round trip changed the code:\n{text}");
    (hex(code.hash()), text)
}

#[test]
fn wallet_v3r2_round_trip() {
    let (hash, text) = round_trip(include_bytes!("data/wallet_v3r2_code.boc"));
    assert_eq!(hash, "84dafa449f98a6987789ba232358072bc0f76dc4524002a5d0918b9a75d2d599");
    assert!(!text.contains(".invalid"), "{text}");
}

#[test]
fn wallet_v4r2_round_trip() {
    let (hash, text) = round_trip(include_bytes!("data/wallet_v4r2_code.boc"));
    assert_eq!(hash, "feb5ff6820e2ff0d9483e7e0d62c817d846789fb4ae580c878866d959dabd5c0");
    assert!(text.contains("85143 => { ; seqno"), "{text}");
}

#[test]
fn deepest_cell_chain_round_trips() {
    // 1023 nested refs (the deepest tree a cell allows), each cell `NOP` + ref,
    // disassembled and assembled on a thread with the main thread's stack size.
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(|| {
            let mut cell = gram_cells::Cell::new(&[0x00], 8, &[], false).expect("leaf");
            for _ in 0..1023 {
                cell = gram_cells::Cell::new(&[0x00], 8, &[cell], false).expect("cell");
            }
            let text = disassemble(&cell);
            let again = assemble(&text).map_err(|e| gram_asm::render("deep", &text, &e.0)).expect("assembles");
            assert_eq!(again.cell.hash(), cell.hash());
        })
        .expect("thread")
        .join()
        .expect("no panic");
}
