//! Property tests of the BoC codec: random cell graphs (with sharing and
//! exotic cells) survive encode -> decode in every mode, and damaged BoCs
//! never make the decoder panic.

use gram_cells::boc::{self, EncodeMode};
use gram_cells::{Cell, CellBuilder};
use proptest::prelude::*;

/// Every serializer mode of the reference's vectors.
const MODES: [u32; 8] = [0, 1, 2, 3, 8, 17, 19, 31];

/// One cell of a random graph; refs point to earlier cells, so cells are shared.
#[derive(Debug, Clone)]
enum Spec {
    Ordinary { data: Vec<u8>, bit_len: usize, refs: Vec<usize> },
    Pruned { mask: u8, seed: u8 },
    Library { seed: u8 },
    MerkleProof { child: usize },
}

fn spec_strategy() -> impl Strategy<Value = Spec> {
    prop_oneof![
        8 => (proptest::collection::vec(any::<u8>(), 0..128), 0usize..=1023, proptest::collection::vec(any::<usize>(), 0..=4))
            .prop_map(|(data, bits, refs)| {
                let bit_len = bits.min(data.len() * 8);
                Spec::Ordinary { data, bit_len, refs }
            }),
        1 => (1u8..8, any::<u8>()).prop_map(|(mask, seed)| Spec::Pruned { mask, seed }),
        1 => any::<u8>().prop_map(|seed| Spec::Library { seed }),
        1 => any::<usize>().prop_map(|child| Spec::MerkleProof { child }),
    ]
}

/// Builds the graph; cell `i` may only point to cells `0..i`.
fn build(specs: &[Spec]) -> Vec<Cell> {
    let mut cells: Vec<Cell> = Vec::with_capacity(specs.len());
    for spec in specs {
        let cell = match spec {
            Spec::Ordinary { data, bit_len, refs } => {
                let refs: Vec<Cell> = if cells.is_empty() {
                    Vec::new()
                } else {
                    refs.iter().map(|r| cells[r % cells.len()].clone()).collect()
                };
                Cell::new(data, *bit_len, &refs, false).ok()
            }
            Spec::Pruned { mask, seed } => {
                let mut b = CellBuilder::new();
                b.store_u8(1).unwrap().store_u8(*mask).unwrap();
                let stored = mask.count_ones() as usize;
                for i in 0..stored {
                    b.store_u256(&[seed.wrapping_add(i as u8); 32]).unwrap();
                }
                for i in 0..stored {
                    b.store_u16(u16::from(*seed) + i as u16).unwrap();
                }
                b.build_exotic().ok()
            }
            Spec::Library { seed } => {
                let mut b = CellBuilder::new();
                b.store_u8(2).unwrap().store_u256(&[*seed; 32]).unwrap();
                b.build_exotic().ok()
            }
            Spec::MerkleProof { child } if !cells.is_empty() => {
                let child = cells[child % cells.len()].clone();
                let mut b = CellBuilder::new();
                b.store_u8(3).unwrap().store_u256(child.hash_at(0)).unwrap().store_u16(child.depth_at(0)).unwrap();
                b.store_reference(child).unwrap();
                b.build_exotic().ok()
            }
            Spec::MerkleProof { .. } => None,
        };
        // Invalid combinations (too deep, ...) fall back to an empty cell.
        cells.push(cell.unwrap_or_else(Cell::empty));
    }
    cells
}

/// Picks roots: always the last cell, plus a few others (repeats allowed).
fn pick_roots(cells: &[Cell], extra: &[usize]) -> Vec<Cell> {
    let mut roots = vec![cells[cells.len() - 1].clone()];
    roots.extend(extra.iter().map(|i| cells[i % cells.len()].clone()));
    roots
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn encode_decode_round_trips_in_every_mode(
        specs in proptest::collection::vec(spec_strategy(), 1..60),
        extra in proptest::collection::vec(any::<usize>(), 0..3),
    ) {
        let cells = build(&specs);
        let roots = pick_roots(&cells, &extra);
        for bits in MODES {
            let mode = EncodeMode::from_reference_bits(bits);
            let bytes = boc::encode_many(&roots, mode).unwrap();
            let decoded = boc::decode(&bytes).unwrap();
            prop_assert_eq!(decoded.len(), roots.len());
            for (a, b) in decoded.iter().zip(&roots) {
                prop_assert_eq!(a.hash(), b.hash());
                prop_assert_eq!(a.level_mask(), b.level_mask());
                prop_assert_eq!(a.depth(), b.depth());
            }
            // Canonical: encoding what was decoded gives the same bytes.
            prop_assert_eq!(boc::encode_many(&decoded, mode).unwrap(), bytes);
        }
    }

    #[test]
    fn damaged_bocs_never_panic(
        specs in proptest::collection::vec(spec_strategy(), 1..20),
        mode_pick in 0usize..MODES.len(),
        edits in proptest::collection::vec((any::<usize>(), any::<u8>(), 0u8..4), 1..6),
    ) {
        let cells = build(&specs);
        let mut bytes = boc::encode(&cells[cells.len() - 1], EncodeMode::from_reference_bits(MODES[mode_pick])).unwrap();
        for (pos, value, kind) in edits {
            if bytes.is_empty() {
                break;
            }
            let pos = pos % bytes.len();
            match kind {
                0 => bytes[pos] = value,
                1 => bytes.truncate(pos),
                2 => bytes.insert(pos, value),
                _ => { bytes.remove(pos); }
            }
        }
        if let Ok(roots) = boc::decode(&bytes) {
            // Whatever decodes re-encodes and decodes to the same roots.
            let again = boc::decode(&boc::encode_many(&roots, EncodeMode::PLAIN).unwrap()).unwrap();
            prop_assert_eq!(again, roots);
        }
        let _ = boc::decode_single(&bytes);
    }
}
