//! Replays every file of the fuzz corpus (fuzz/corpus/vm_run/) through the
//! property the `vm_run` fuzz target checks: no panic, and two runs of the
//! same input give identical exit code, gas, steps, stack and c4/c5.

#[path = "../../fuzz/vm_property.rs"]
mod vm_property;

#[test]
fn fuzz_corpus_keeps_the_property() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/corpus/vm_run");
    let mut files = 0;
    for entry in std::fs::read_dir(dir).expect("corpus directory") {
        let path = entry.unwrap().path();
        if !path.is_file() {
            continue;
        }
        let data = std::fs::read(&path).unwrap();
        let outcome = std::panic::catch_unwind(|| vm_property::check(&data));
        assert!(outcome.is_ok(), "{} breaks the property", path.display());
        files += 1;
    }
    assert!(files >= 500, "only {files} corpus files");
    eprintln!("{files} corpus files");
}
