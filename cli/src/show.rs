//! Printing a cell tree: one cell per line, indented by its depth in the
//! tree; a cell seen before is printed as a back-reference to its number.

use std::collections::HashMap;
use std::io::{self, Write};

use gram_cells::{bits_to_tagged_hex, Cell, HashBytes};

/// Describes one cell on a line (without indentation or number).
pub fn describe(cell: &Cell) -> String {
    format!(
        "{} bits={} refs={} depth={} level={} hash={} x{{{}}}",
        cell.cell_type().name(),
        cell.bit_len(),
        cell.ref_count(),
        cell.depth(),
        cell.level(),
        hex::encode(cell.hash()),
        bits_to_tagged_hex(cell.data(), cell.bit_len()),
    )
}

/// Writes the trees of `roots`. Cells are numbered `#0, #1, ...` in the
/// order they are first printed; numbering is shared between roots.
pub fn write_tree(out: &mut impl Write, roots: &[Cell]) -> io::Result<usize> {
    let mut numbers: HashMap<HashBytes, usize> = HashMap::new();
    // Explicit stack of (cell, indentation): trees can be 1024 levels deep.
    let mut stack: Vec<(&Cell, usize)> = Vec::new();
    for (r, root) in roots.iter().enumerate() {
        if roots.len() > 1 {
            writeln!(out, "root {r}:")?;
        }
        stack.push((root, 0));
        while let Some((cell, indent)) = stack.pop() {
            let pad = "  ".repeat(indent);
            if let Some(number) = numbers.get(cell.hash()) {
                writeln!(out, "{pad}-> #{number} (shared, printed above)")?;
                continue;
            }
            let number = numbers.len();
            numbers.insert(*cell.hash(), number);
            writeln!(out, "{pad}#{number} {}", describe(cell))?;
            for child in cell.references().collect::<Vec<_>>().into_iter().rev() {
                stack.push((child, indent + 1));
            }
        }
    }
    Ok(numbers.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use gram_cells::CellBuilder;

    #[test]
    fn shared_cells_print_once() {
        let leaf = Cell::new(&[0xA0], 3, &[], false).unwrap();
        let mut b = CellBuilder::new();
        b.store_u8(0xFF).unwrap().store_reference(leaf.clone()).unwrap().store_reference(leaf).unwrap();
        let root = b.build().unwrap();
        let mut out = Vec::new();
        assert_eq!(write_tree(&mut out, &[root]).unwrap(), 2);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("#0 ordinary bits=8 refs=2 depth=1 level=0 hash="), "{text}");
        assert!(lines[0].ends_with(" x{FF}"), "{text}");
        assert!(lines[1].starts_with("  #1 ordinary bits=3 refs=0 depth=0 level=0"), "{text}");
        assert!(lines[1].ends_with(" x{B_}"), "{text}");
        assert_eq!(lines[2], "  -> #1 (shared, printed above)");
    }
}
