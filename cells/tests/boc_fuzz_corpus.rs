//! Replays every file of the fuzz corpus (fuzz/corpus/boc_decode/) through
//! the property the `boc_decode` fuzz target checks, so `cargo test` guards
//! against regressions on everything the fuzzer found interesting.

#[path = "../../fuzz/boc_property.rs"]
mod boc_property;

#[test]
fn fuzz_corpus_keeps_the_property() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/corpus/boc_decode");
    let mut files = 0;
    let mut decoded = 0;
    for entry in std::fs::read_dir(dir).expect("corpus directory") {
        let path = entry.unwrap().path();
        if !path.is_file() {
            continue;
        }
        let data = std::fs::read(&path).unwrap();
        if gram_cells::boc::decode(&data).is_ok() {
            decoded += 1;
        }
        let outcome = std::panic::catch_unwind(|| boc_property::check(&data));
        assert!(outcome.is_ok(), "{} breaks the property", path.display());
        files += 1;
    }
    // 208 distinct vector BoCs as seeds plus 292 inputs two fuzz runs found.
    assert!(files >= 500, "only {files} corpus files");
    assert!(decoded >= 200, "only {decoded} corpus files decode");
    eprintln!("{files} corpus files, {decoded} decode");
}
