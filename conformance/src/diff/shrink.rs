//! Shrinking a failing program: repeatedly try every one-step simpler
//! variant (drop an instruction anywhere in the code tree, hoist a code
//! body in place of its holder, drop or simplify an entry stack value, drop c4) and keep the first
//! that still fails, until none does.

use serde_json::json;

use super::program::{Item, Program};
use super::DiffError;

/// Most shrinking rounds (each round removes something, so programs of a
/// few dozen items end far earlier).
const MAX_ROUNDS: usize = 1000;

/// Every code sequence one step simpler than `items`.
fn seq_variants(items: &[Item]) -> Vec<Vec<Item>> {
    let mut out = Vec::new();
    for i in 0..items.len() {
        let mut v = items.to_vec();
        v.remove(i);
        out.push(v);
    }
    let replace = |i: usize, item: Item| {
        let mut v = items.to_vec();
        v[i] = item;
        v
    };
    // Hoisting a body in place of the instruction that holds it.
    let splice = |i: usize, body: &[Item]| {
        let mut v = items[..i].to_vec();
        v.extend(body.iter().cloned());
        v.extend(items[i + 1..].iter().cloned());
        v
    };
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Op { .. } => {}
            Item::PushCont(body) | Item::Tail(body) => out.push(splice(i, body)),
            Item::RefCode { bodies, .. } => out.extend(bodies.iter().map(|b| splice(i, b))),
        }
    }
    let mut nested = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Op { .. } => {}
            Item::PushCont(body) => {
                nested.extend(seq_variants(body).into_iter().map(|b| replace(i, Item::PushCont(b))));
            }
            Item::RefCode { name, bits, bodies } => {
                for (j, body) in bodies.iter().enumerate() {
                    for b in seq_variants(body) {
                        let mut bodies = bodies.clone();
                        bodies[j] = b;
                        nested.push(replace(i, Item::RefCode { name, bits: bits.clone(), bodies }));
                    }
                }
            }
            Item::Tail(rest) => {
                nested.extend(seq_variants(rest).into_iter().map(|r| replace(i, Item::Tail(r))));
            }
        }
    }
    out.extend(nested);
    out
}

/// Every program one step simpler than `p`, most reducing first.
pub fn candidates(p: &Program) -> Vec<Program> {
    let mut out = Vec::new();
    for items in seq_variants(&p.items) {
        out.push(Program { items, ..p.clone() });
    }
    for i in 0..p.stack.len() {
        let mut stack = p.stack.clone();
        stack.remove(i);
        out.push(Program { stack, ..p.clone() });
    }
    for (i, v) in p.stack.iter().enumerate() {
        let simpler = match v["type"].as_str() {
            Some("int") if v["value"] != "0" && v["value"] != "1" => {
                vec![json!({"type": "int", "value": "0"}), json!({"type": "int", "value": "1"})]
            }
            Some("tuple") if v["items"].as_array().is_some_and(|a| !a.is_empty()) => {
                vec![json!({"type": "tuple", "items": []})]
            }
            Some("slice") if v.get("bits_start").is_some() => vec![json!({"type": "slice", "boc": v["boc"]})],
            _ => Vec::new(),
        };
        for s in simpler {
            let mut stack = p.stack.clone();
            stack[i] = s;
            out.push(Program { stack, ..p.clone() });
        }
    }
    if p.data.is_some() {
        out.push(Program { data: None, ..p.clone() });
    }
    out.retain(|c| c.code().is_some());
    out
}

/// Judges a round of candidates: `true` where the problem is still there.
pub type Judge<'a> = dyn FnMut(&[Program]) -> Result<Vec<bool>, DiffError> + 'a;

/// Shrinks `p` while `still_bad` says the variant still shows the problem.
/// `still_bad` gets a whole round of candidates at once (one oracle batch).
pub fn shrink(p: &Program, still_bad: &mut Judge<'_>) -> Result<Program, DiffError> {
    let mut best = p.clone();
    for _ in 0..MAX_ROUNDS {
        let cands = candidates(&best);
        if cands.is_empty() {
            break;
        }
        let verdicts = still_bad(&cands)?;
        match cands.into_iter().zip(verdicts).find(|(_, bad)| *bad) {
            Some((c, _)) => best = c,
            None => break,
        }
    }
    Ok(best)
}
