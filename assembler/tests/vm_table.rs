//! The assembler's instruction table (from cp0.json + errata) and the VM's own
//! table must not drift: every opcode range the VM registers belongs to the
//! assembler instruction of the same name, enabled from the same version.

use gram_asm::spec::Spec;
use gram_vm::table::Table;

/// VM entries registered wider than the instruction's valid operands: the
/// reference decodes them and fails at run time (errata.json,
/// `operand_restrictions`: XCHG_IJ with i = 0). The assembler cannot write them,
/// so it shows those bytes as `.invalid` raw bits (named in a comment, see
/// `rejected.rs`); only the valid part is compared.
fn valid_start(name: &str, min: u32) -> u32 {
    match name {
        "XCHG_IJ" => min.max(0x101000),
        _ => min,
    }
}

/// VM entries for bytes the reference decodes and then fails on at run time
/// (errata.json, `operand_restrictions`): division rounding mode 3, HASHEXT
/// ids 5..254. The assembler has no instruction for them (it shows `.invalid`
/// with a comment; `tests/rejected.rs` checks that recogniser against this table).
fn decode_then_fail(name: &str, min: u32, max: u32) -> bool {
    let hashext = matches!(name, "HASHEXT" | "HASHEXTR" | "HASHEXTA" | "HASHEXTAR");
    name == "DIV_FAMILY_INVALID" || (hashext && min & 0xFF >= 5 && (max - 1) & 0xFF <= 254)
}

/// The division "add" forms came with global version 4, but the reference
/// decodes them on every version and fails in execution (errata.json), so
/// the VM registers them from version 0.
fn same_version(asm: &gram_asm::spec::InstrDef, vm_since: u32) -> bool {
    asm.since == vm_since || (vm_since == 0 && asm.since == 4 && asm.category.starts_with("arithm"))
}

#[test]
fn vm_opcode_ranges_match_the_assembler_table() {
    let spec = Spec::get();
    let vm = Table::cp0().entries();
    assert!(vm.len() > 100, "the VM table is unexpectedly small");
    let mut problems = Vec::new();
    for op in vm.iter().filter(|op| !decode_then_fail(op.name, op.min, op.max)) {
        let first = spec.lookup(valid_start(op.name, op.min));
        let last = spec.lookup(op.max - 1);
        match (first, last) {
            (Some(a), Some(b)) if std::ptr::eq(a, b) => {
                if a.mnemonic != op.name {
                    problems.push(format!("{:06x}: VM {} vs asm {}", op.min, op.name, a.mnemonic));
                }
                if !same_version(a, op.since) {
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
    for op in Table::cp0().entries().iter().filter(|op| !decode_then_fail(op.name, op.min, op.max)) {
        let def = spec.lookup(valid_start(op.name, op.min)).expect("covered");
        assert_eq!(def.fixed_bits(), op.tot_bits as usize, "{}: fixed bits differ", op.name);
    }
}
