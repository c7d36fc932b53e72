//! Baselines end to end: write, then check with it; only new findings
//! remain, and moved ones stay hidden.

use crate::ci_formats::{claimcheck, finding, Tree, UNUSED_MD};
use claimcheck::baseline::{load_baseline, Baseline};
use serde_json::Value;

#[test]
fn baseline_hides_recorded_findings_and_keeps_new_ones() {
    let old = finding("a.md", 3, "14 against 12");
    let baseline = Baseline::from_findings(std::slice::from_ref(&old));
    let mut moved = old.clone();
    moved.location.line = 40;
    moved.span = claimcheck::span::Span::new(400, 402);
    let mut new = finding("a.md", 5, "15 against 12");
    new.claim_text = "15".to_owned();
    assert_eq!(baseline.filter(vec![moved, new.clone()]), vec![new]);
}

#[test]
fn write_then_check_reports_only_new_findings() {
    let t = Tree::new();
    t.write("a.md", UNUSED_MD);
    let w = claimcheck(
        t.path(),
        &["baseline", "--write", "ci/baseline.json", "a.md"],
    );
    assert_eq!(w.code, 2, "the folder does not exist yet: {}", w.stderr);
    std::fs::create_dir_all(t.path().join("ci")).unwrap();
    let w = claimcheck(
        t.path(),
        &["baseline", "--write", "ci/baseline.json", "a.md"],
    );
    assert_eq!(w.code, 0, "{}", w.stderr);
    let recorded = load_baseline(&t.path().join("ci/baseline.json")).unwrap();
    assert_eq!(recorded.findings.len(), 1);
    assert_eq!(recorded.findings[0].code, "CC901");
    assert_eq!(recorded.findings[0].path, "a.md");

    let check = [
        "check",
        "a.md",
        "--baseline",
        "ci/baseline.json",
        "--format",
        "json",
    ];
    let out = claimcheck(t.path(), &check);
    assert_eq!(out.code, 0, "{}", out.stdout);

    // A line inserted above and a new reasonless directive below.
    t.write(
        "a.md",
        &format!(
            "New lead.\n\n{UNUSED_MD}\n<!-- claimcheck: ignore CC002 reason=\"x\" -->\nMore.\n"
        ),
    );
    let out = claimcheck(t.path(), &check);
    assert_eq!(out.code, 1);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    let lines: Vec<u64> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [8]);
}

#[test]
fn baseline_from_config_applies() {
    let t = Tree::new();
    t.write("a.md", UNUSED_MD);
    assert_eq!(
        claimcheck(t.path(), &["baseline", "--write", "b.json", "a.md"]).code,
        0
    );
    t.write("claimcheck.yaml", "baseline: b.json\n");
    assert_eq!(claimcheck(t.path(), &["check", "a.md"]).code, 0);
}

#[test]
fn unreadable_baseline_exits_2() {
    let t = Tree::new();
    t.write("a.md", UNUSED_MD).write("b.json", "not json");
    let out = claimcheck(t.path(), &["check", "a.md", "--baseline", "b.json"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("b.json:1:"), "{}", out.stderr);
}
