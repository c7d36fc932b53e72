//! Restatements on the command line: a summary checked against the
//! coverage it restates has every changed figure reported (CC107), and
//! `--mode` / `mode:` say what a text is when the desk knows better than
//! the guess.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn claimcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run claimcheck")
}

const SOURCE: &str = "---\npublished: 2026-06-02\n---\n\nThe flood closed 14 schools \
in the valley on Tuesday, the county said. Repairs to the levee will cost $3.24 million, \
engineers said.\n";

fn summary(date: &str, text: &str) -> String {
    format!("---\npublished: {date}\n---\n\n{text}\n")
}

/// The claims flagged as not in the restated coverage (CC107, perhaps
/// merged into another check's finding on the same claim).
fn restated(out: &Output) -> Vec<String> {
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| {
            f.to_string()
                .contains("is not in the coverage this restates")
        })
        .map(|f| f["text"].as_str().unwrap_or("").trim().to_owned())
        .collect()
}

/// `check summary.md --against source.md --format json` with `extra` args.
fn check_json(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "check",
        "summary.md",
        "--against",
        "source.md",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    claimcheck(dir, &args)
}

fn tree(summary_text: &str, config: Option<&str>) -> tempfile::TempDir {
    let d = tempfile::tempdir().expect("temp dir");
    std::fs::write(d.path().join("source.md"), SOURCE).expect("write");
    std::fs::write(d.path().join("summary.md"), summary_text).expect("write");
    if let Some(c) = config {
        std::fs::write(d.path().join("claimcheck.yaml"), c).expect("write");
    }
    d
}

const CHANGED: &str = "The flood closed 41 schools in the valley on Tuesday; levee repairs \
will cost $3.2 million, the county said.";

#[test]
fn a_same_day_summary_with_a_changed_figure_fails_and_a_rounded_one_passes() {
    let d = tree(&summary("2026-06-02", CHANGED), None);
    let out = check_json(d.path(), &[]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(restated(&out), ["41 schools"]);
}

#[test]
fn mode_article_on_the_command_line_switches_the_restatement_check_off() {
    let d = tree(&summary("2026-06-02", CHANGED), None);
    let out = check_json(d.path(), &["--mode", "article"]);
    assert!(
        restated(&out).is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn mode_restatement_in_the_config_checks_a_later_rewrite() {
    let later = summary("2026-06-05", CHANGED);
    let d = tree(&later, None);
    let out = check_json(d.path(), &[]);
    assert!(restated(&out).is_empty(), "a later text is taken for news");
    let d = tree(&later, Some("mode: restatement\n"));
    let out = check_json(d.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(restated(&out), ["41 schools"]);
}

#[test]
fn an_unknown_mode_is_refused() {
    let d = tree(&summary("2026-06-02", CHANGED), Some("mode: digest\n"));
    let out = claimcheck(d.path(), &["check", "summary.md", "--against", "source.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("claimcheck.yaml"));
    let out = claimcheck(d.path(), &["check", "summary.md", "--mode", "digest"]);
    assert_eq!(out.status.code(), Some(2));
}
