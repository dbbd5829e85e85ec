//! The assembler's instruction table (from cp0.json + errata) and the VM's own
//! table must not drift: every opcode range the VM registers belongs to the
//! assembler instruction of the same name, enabled from the same version.

use gram_asm::spec::Spec;
use gram_vm::table::Table;

/// VM entries registered wider than the instruction's valid operands: the
/// reference decodes them and fails at run time (errata.json,
/// `operand_restrictions`: XCHG_IJ with i = 0). The assembler cannot write them,
/// so it shows those bytes as `.invalid` raw bits; only the valid part is compared.
fn valid_start(name: &str, min: u32) -> u32 {
    match name {
        "XCHG_IJ" => min.max(0x101000),
        _ => min,
    }
}

#[test]
fn vm_opcode_ranges_match_the_assembler_table() {
    let spec = Spec::get();
    let vm = Table::cp0().entries();
    assert!(vm.len() > 100, "the VM table is unexpectedly small");
    let mut problems = Vec::new();
    for op in vm {
        let first = spec.lookup(valid_start(op.name, op.min));
        let last = spec.lookup(op.max - 1);
        match (first, last) {
            (Some(a), Some(b)) if std::ptr::eq(a, b) => {
                if a.mnemonic != op.name {
                    problems.push(format!("{:06x}: VM {} vs asm {}", op.min, op.name, a.mnemonic));
                }
                if a.since != op.since {
                    problems.push(format!("{}: VM since {} vs asm since {}", op.name, op.since, a.since));
                }
                if valid_start(op.name, op.min) < a.lo || op.max > a.hi {
                    problems.push(format!("{}: VM range {:06x}..{:06x} outside asm range", op.name, op.min, op.max));
                }
            }
            _ => problems.push(format!("{} {:06x}..{:06x}: not one assembler instruction", op.name, op.min, op.max)),
        }
    }
    assert!(problems.is_empty(), "{} mismatches:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn vm_and_assembler_agree_on_every_registered_opcode_start() {
    // Every instruction the VM knows decodes in the assembler with the same fixed length.
    let spec = Spec::get();
    for op in Table::cp0().entries() {
        let def = spec.lookup(valid_start(op.name, op.min)).expect("covered");
        assert_eq!(def.fixed_bits(), op.tot_bits as usize, "{}: fixed bits differ", op.name);
    }
}
