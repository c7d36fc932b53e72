//! Suppression directives end to end, and the filter as a pure function on
//! constructed findings.

use crate::ci_formats::{claimcheck, finding, Tree};
use claimcheck::source::Article;
use claimcheck::span::Span;
use claimcheck::suppress::{apply_suppressions, parse_suppressions};
use serde_json::Value;

fn codes(dir: &std::path::Path, args: &[&str]) -> Vec<(String, u64)> {
    let out = claimcheck(dir, args);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn pair(code: &str, line: u64) -> (String, u64) {
    (code.to_owned(), line)
}

#[test]
fn markdown_comment_without_reason_is_a_warning() {
    let t = Tree::new();
    t.write(
        "a.md",
        "Lead.\n\n<!-- claimcheck: ignore CC001 -->\nThe 14 ministers met.\n",
    );
    let found = codes(t.path(), &["check", "a.md", "--format", "json"]);
    assert_eq!(found, [pair("CC900", 3), pair("CC901", 3)]);
}

#[test]
fn html_comment_is_read() {
    let t = Tree::new();
    t.write(
        "a.html",
        "<html><body>\n<!-- claimcheck: ignore count-mismatch reason=\"wire copy\" -->\n<p>The 14 ministers met.</p>\n</body></html>\n",
    );
    let found = codes(t.path(), &["check", "a.html", "--format", "json"]);
    assert_eq!(found, [pair("CC901", 2)]);
}

#[test]
fn plain_text_line_is_read() {
    let t = Tree::new();
    t.write(
        "a.txt",
        "Lead.\n\nclaimcheck: ignore CC001, CC002 reason=\"court record\"\nThe 14 ministers met.\n",
    );
    let found = codes(t.path(), &["check", "a.txt", "--format", "json"]);
    assert_eq!(found, [pair("CC901", 3)]);
}

#[test]
fn unused_suppressions_can_be_left_unreported() {
    let t = Tree::new();
    t.write(
        "a.md",
        "<!-- claimcheck: ignore CC001 reason=\"x\" -->\nText.\n",
    );
    let args = [
        "check",
        "a.md",
        "--format",
        "json",
        "--report-unused-suppressions",
        "false",
    ];
    assert!(codes(t.path(), &args).is_empty());
    assert_eq!(claimcheck(t.path(), &args).code, 0);
    t.write("claimcheck.yaml", "report-unused-suppressions: false\n");
    assert!(codes(t.path(), &["check", "a.md", "--format", "json"]).is_empty());
}

#[test]
fn a_suppression_silences_its_paragraph_and_is_then_used() {
    let src = "<!-- claimcheck: ignore CC001 reason=\"court filing\" -->\nThe 14 ministers met.\n\nLater 14 again.\n";
    let article = Article::from_source("a.md", src.to_owned(), None);
    let sups = parse_suppressions(&article);
    let at = |needle: &str| {
        let s = src.find(needle).unwrap();
        let mut f = finding("a.md", 2, "14 against 12");
        f.span = Span::new(s, s + 2);
        f
    };
    let silenced = at("14 ministers");
    let kept = at("14 again");
    let out = apply_suppressions(&article, &sups, vec![silenced, kept.clone()], true);
    assert_eq!(out, vec![kept]);
}

#[test]
fn explain_knows_the_suppression_codes() {
    let t = Tree::new();
    let out = claimcheck(t.path(), &["explain", "CC900"]);
    assert_eq!(out.code, 0);
    assert!(out.stdout.starts_with("CC900 (suppression-without-reason)"));
}
