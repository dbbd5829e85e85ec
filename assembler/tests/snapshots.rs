//! insta snapshots: disassembly of real code, and the error messages (with
//! file:line:col, caret and hint) for typical mistakes. Plus the debug side table.

use gram_asm::fift::assemble_fift;
use gram_asm::{assemble, disassemble, render};
use gram_cells::boc;

fn errors(src: &str) -> String {
    match assemble(src) {
        Ok(_) => panic!("expected errors for {src:?}"),
        Err(e) => render("t.asm", src, &e.0),
    }
}

#[test]
fn disassembly_of_wallet_v3r2() {
    let code = boc::decode_single(include_bytes!("data/wallet_v3r2_code.boc")).expect("boc");
    insta::assert_snapshot!(disassemble(&code));
}

#[test]
fn disassembly_of_wallet_v4r2() {
    let code = boc::decode_single(include_bytes!("data/wallet_v4r2_code.boc")).expect("boc");
    insta::assert_snapshot!(disassemble(&code));
}

#[test]
fn disassembly_shows_invalid_opcodes_and_leftover_refs() {
    // PUSHINT_4 1, then FFFF (SETCP 255 is out of range: invalid), a data ref left over.
    let leaf = gram_cells::Cell::new(&[0xAB], 8, &[], false).expect("cell");
    let code = gram_cells::Cell::new(&[0x71, 0xFF, 0xFF, 0x80], 25, &[leaf], false).expect("cell");
    let text = disassemble(&code);
    insta::assert_snapshot!(text);
    assert_eq!(assemble(&text).expect("assembles").cell.hash(), code.hash());
}

#[test]
fn error_unknown_mnemonic_with_suggestion() {
    insta::assert_snapshot!(errors("PUSHINT_4 1\nPUHSINT_4 2\nPUHSINT 3\ns1 s2 XCHG\n"));
}

#[test]
fn error_operand_out_of_range() {
    insta::assert_snapshot!(errors("PUSHINT_8 300\nXCHG_0I s16\nPUSHCTR c6\n"));
}

#[test]
fn error_several_per_run() {
    let out = errors("ADD 1\nPUSHCONT_SHORT {\n  NOPE\n}\nPUSHSLICE x{XYZ}\nLDU\n");
    assert!(out.matches(": error: ").count() >= 4, "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn error_in_fift_dialect() {
    let src = "PROGRAM{\n  DECLPROC main\n  recv_internal PROC:<{\n    s1 s2 XCHG\n    300 THROWX\n  }>\n}END>c\n";
    let out = match assemble_fift(src) {
        Ok(_) => panic!("expected errors"),
        Err(e) => render("t.fif", src, &e.0),
    };
    insta::assert_snapshot!(out);
}

#[test]
fn debug_table_maps_code_positions_to_source_lines() {
    let src = "PUSHINT_4 1\nPUSHINT_4 2\nPUSHCONT_SHORT {\n  ADD\n}\n";
    let a = assemble(src).expect("assembles");
    let root = a.cell.hash();
    let line_of = |bit| a.debug.lookup(root, bit).map(|s| gram_asm::error::line_col(src, s.start).0);
    assert_eq!(line_of(0), Some(1));
    assert_eq!(line_of(8), Some(2));
    assert_eq!(line_of(16), Some(3));
    assert_eq!(line_of(24), Some(4), "the ADD inside the inline continuation");
}

#[test]
fn fift_debug_table_covers_procedure_bodies() {
    let src =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/contracts/out/func-wallet3-code.fif"))
            .expect("fif");
    let a = assemble_fift(&src).expect("assembles");
    let lines: std::collections::BTreeSet<usize> =
        a.debug.entries.iter().map(|e| gram_asm::error::line_col(&src, e.span.start).0).collect();
    // `ACCEPT` of recv_external is on its own line in the .fif; it must be mapped.
    let accept = src.lines().position(|l| l.trim() == "ACCEPT").expect("ACCEPT line") + 1;
    assert!(lines.contains(&accept), "lines mapped: {lines:?}");
}

#[test]
fn syntax_md_example_assembles_and_round_trips() {
    let doc = include_str!("../SYNTAX.md");
    let start = doc.find("```\n").expect("code block") + 4;
    let end = start + doc[start..].find("```").expect("end of block");
    let example = &doc[start..end];
    let a = assemble(example).unwrap_or_else(|e| panic!("{}", render("SYNTAX.md", example, &e.0)));
    let text = disassemble(&a.cell);
    assert_eq!(assemble(&text).expect("re-assembles").cell.hash(), a.cell.hash());
    insta::assert_snapshot!(text);
}
