//! COVERAGE.md must be regenerated whenever the table or the vectors change.

#[test]
fn coverage_report_is_fresh() {
    let fresh = gram_conformance::coverage::render().expect("coverage renders (needs python3)");
    let on_disk = std::fs::read_to_string(gram_conformance::coverage::report_path()).unwrap_or_default();
    assert!(fresh == on_disk, "conformance/COVERAGE.md is stale: run `cargo run -p gram-conformance -- coverage`");
}
