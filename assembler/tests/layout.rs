//! The layout engine: code longer than a cell continues in a referenced cell
//! (the VM's implicit jump runs it), and the result still round-trips.

use gram_asm::{assemble, disassemble};

#[test]
fn long_code_is_split_into_a_chain_the_vm_runs() {
    // 150 x PUSHINT_8 (16 bits each) = 2400 bits: three cells.
    let src: String = (0..150).map(|i| format!("PUSHINT_8 {}\n", i % 100)).collect();
    let a = assemble(&src).expect("assembles");
    let root = &a.cell;
    assert!(root.bit_len() <= 1023 && root.ref_count() == 1, "root holds what fits, then one continuation ref");
    let second = root.reference(0).expect("continuation");
    assert_eq!(second.ref_count(), 1);
    assert_eq!(second.reference(0).expect("third").ref_count(), 0);
    // Every cell but the last is filled as far as 16-bit instructions go.
    assert_eq!(root.bit_len(), 1008);
    assert_eq!(second.bit_len(), 1008);

    let out = gram_vm::run(gram_vm::RunParams::new(root.clone()));
    assert_eq!(out.exit_code, 0);
    assert_eq!(out.stack.len(), 150);

    // The disassembly shows the chain explicitly and assembles to the same cells.
    let text = disassemble(root);
    assert_eq!(text.matches(".ref {").count(), 2);
    assert_eq!(assemble(&text).expect("re-assembles").cell.hash(), root.hash());
}

#[test]
fn a_block_that_fits_exactly_is_one_cell() {
    // 4 refs and 1023 bits: fits without the spare ref the split rule keeps.
    // 4 PUSHREF (32 bits) + 30 x 32 bits + 31 bits = 1023 bits.
    let src = "PUSHREF {}\nPUSHREF {}\nPUSHREF {}\nPUSHREF {}\n".to_owned()
        + &".bits x{00000000}\n".repeat(30)
        + ".bits b{1111111111111111111111111111111}\n";
    let a = assemble(&src).expect("assembles");
    assert_eq!(a.cell.bit_len(), 1023);
    assert_eq!(a.cell.ref_count(), 4);
    // One bit more does not fit: the block is split with Fift's rule instead.
    let over = src + ".bits b{1}\n";
    let b = assemble(&over).expect("assembles");
    assert!(b.cell.bit_len() < 1023);
    assert_eq!(assemble(&disassemble(&b.cell)).expect("re-assembles").cell.hash(), b.cell.hash());
}
