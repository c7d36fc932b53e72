//! CI output formats end to end: SARIF, GitHub workflow commands, rdjsonl,
//! JUnit, concise, and `--changed-since`. Until checks are registered the
//! findings come from suppression directives (CC900/CC901), which this
//! crate produces itself; renderers are also fed constructed findings.
//! Also holds the small helpers the other CI test modules share.

use claimcheck::finding::{Evidence, Finding, Location, Severity};
use claimcheck::span::Span;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A temporary folder of articles.
pub(crate) struct Tree(pub(crate) tempfile::TempDir);

impl Tree {
    pub(crate) fn new() -> Tree {
        Tree(tempfile::tempdir().unwrap())
    }

    pub(crate) fn path(&self) -> &Path {
        self.0.path()
    }

    pub(crate) fn write(&self, rel: &str, text: &str) -> &Tree {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }
}

/// What a run of the binary gave back.
pub(crate) struct Out {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// Run the binary in `dir`.
pub(crate) fn claimcheck(dir: &Path, args: &[&str]) -> Out {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// A Markdown article whose only directive silences nothing (CC901) and,
/// without `reason`, gives CC900 too.
pub(crate) const UNUSED_MD: &str =
    "# Title\n\n<!-- claimcheck: ignore CC001 reason=\"agency figure\" -->\nThe cabinet has 14 ministers.\n";

/// A finding with one piece of rule evidence.
pub(crate) fn finding(path: &str, line: usize, message: &str) -> Finding {
    Finding {
        location: Location {
            path: PathBuf::from(path),
            line,
            column: 3,
            line_text: "A 14-member cabinet".to_owned(),
        },
        published: None,
        span: Span::new(line * 10, line * 10 + 2),
        line_text_column: 1,
        kind: "count",
        code: "CC001",
        name: "count-mismatch",
        severity: Severity::Error,
        message: message.to_owned(),
        claim_text: "14".to_owned(),
        expected: Some("12".to_owned()),
        evidence: vec![Evidence {
            location: Location {
                path: PathBuf::from("rules/cabinet.yaml"),
                line: 7,
                column: 9,
                line_text: "value: 12".to_owned(),
            },
            highlight: (0, 9),
            text: "12 members".to_owned(),
            rule: Some("cabinet-size".to_owned()),
            published: None,
            relation: None,
            alignment: None,
        }],
        diff: None,
        notes: Vec::new(),
    }
}

fn sarif_results(dir: &Path, args: &[&str]) -> Vec<Value> {
    let out = claimcheck(dir, args);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    v["runs"][0]["results"].as_array().unwrap().clone()
}

#[test]
fn sarif_has_the_2_1_0_structure() {
    let t = Tree::new();
    t.write("a.md", UNUSED_MD);
    let out = claimcheck(t.path(), &["check", "a.md", "--format", "sarif"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].as_str().unwrap().ends_with("sarif-2.1.0.json"));
    let driver = &v["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "claimcheck");
    assert!(driver["informationUri"].is_string());
    let rule = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "CC901")
        .unwrap();
    assert_eq!(rule["name"], "unused-suppression");
    assert!(rule["shortDescription"]["text"].is_string());
    assert!(rule["fullDescription"]["text"].is_string());
    let r = &v["runs"][0]["results"][0];
    assert_eq!(r["ruleId"], "CC901");
    assert_eq!(r["level"], "warning");
    let region = &r["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "a.md"
    );
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(3), Some(1))
    );
    assert!(r["relatedLocations"].is_array());
    assert!(r["partialFingerprints"]["claimcheck/v1"].is_string());
}

#[test]
fn sarif_related_locations_carry_every_piece_of_evidence() {
    let mut f = finding("news/a.md", 4, "14 members, rules say 12");
    let mut second = f.evidence[0].clone();
    second.location.path = PathBuf::from("archive/old.md");
    second.location.line = 12;
    second.rule = None;
    f.evidence.push(second);
    let v: Value =
        serde_json::from_str(&claimcheck::render::sarif::render_findings_sarif(&[f])).unwrap();
    let rel = v["runs"][0]["results"][0]["relatedLocations"]
        .as_array()
        .unwrap();
    assert_eq!(rel.len(), 2);
    let uris: Vec<&str> = rel
        .iter()
        .map(|r| {
            r["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(uris, ["rules/cabinet.yaml", "archive/old.md"]);
    assert_eq!(rel[1]["physicalLocation"]["region"]["startLine"], 12);
}

#[test]
fn sarif_fingerprints_survive_a_line_inserted_above() {
    let t = Tree::new();
    t.write("a.md", UNUSED_MD);
    let before = sarif_results(t.path(), &["check", "a.md", "--format", "sarif"]);
    t.write(
        "a.md",
        &format!("An unrelated new first line.\n\n{UNUSED_MD}"),
    );
    let after = sarif_results(t.path(), &["check", "a.md", "--format", "sarif"]);
    assert_eq!(before.len(), after.len());
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b["partialFingerprints"], a["partialFingerprints"]);
        let line =
            |r: &Value| r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64();
        assert_eq!(line(a), line(b).map(|l| l + 2));
    }
}

#[test]
fn github_lines_are_escaped_workflow_commands() {
    let t = Tree::new();
    t.write("a.md", UNUSED_MD);
    let out = claimcheck(t.path(), &["check", "a.md", "--format", "github"]);
    assert_eq!(out.code, 1);
    for line in out.stdout.lines() {
        assert!(
            line.starts_with("::warning file=a.md,line=3,col=1,"),
            "{line}"
        );
        let (props, message) = line[2..].split_once("::").unwrap();
        assert!(props.contains("title=CC9"));
        assert!(!message.is_empty());
    }
    let mut f = finding("x,y:z/a.md", 2, "100% off\nsecond line");
    f.severity = Severity::Note;
    let rendered = claimcheck::render::github::render_findings_github(&[f]);
    assert_eq!(rendered.lines().count(), 1);
    assert!(rendered.starts_with("::notice file=x%2Cy%3Az/a.md,line=2,col=3,"));
    assert!(rendered.contains("::100%25 off%0Asecond line%0Arules/cabinet.yaml:7: 12 members"));
}

#[test]
fn rdjsonl_lines_parse_as_reviewdog_diagnostics() {
    let t = Tree::new();
    t.write("a.md", UNUSED_MD);
    let out = claimcheck(t.path(), &["check", "a.md", "--format", "rdjsonl"]);
    let lines: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!lines.is_empty());
    for d in &lines {
        assert!(d["message"].is_string());
        assert_eq!(d["location"]["path"], "a.md");
        assert_eq!(d["location"]["range"]["start"]["line"], 3);
        assert!(d["location"]["range"]["end"]["column"].is_u64());
        assert_eq!(d["severity"], "WARNING");
        assert!(d["related_locations"].is_array());
    }
    let rendered = claimcheck::render::rdjsonl::render_findings_rdjsonl(&[finding("a.md", 2, "m")]);
    let d: Value = serde_json::from_str(rendered.trim_end()).unwrap();
    assert_eq!(d["severity"], "ERROR");
    assert_eq!(d["code"]["value"], "CC001");
    let rel = &d["related_locations"][0];
    assert!(rel["message"].as_str().unwrap().contains("12 members"));
    assert_eq!(rel["location"]["path"], "rules/cabinet.yaml");
    assert_eq!(rel["location"]["range"]["start"]["line"], 7);
}

/// A small well-formedness check: tags nest and close, attributes are
/// quoted, `&` starts a known entity, and no raw `<` or `>` is in text.
fn assert_well_formed_xml(xml: &str) {
    let body = xml
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .unwrap();
    let mut stack: Vec<String> = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        check_text(&rest[..lt]);
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        let gt = rest.find('>').expect("unclosed tag");
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "mismatched close tag");
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        let mut attrs = attrs.trim();
        while !attrs.is_empty() {
            let eq = attrs.find("=\"").expect("attribute without quoted value");
            let close = attrs[eq + 2..].find('"').expect("unclosed attribute") + eq + 2;
            check_text(&attrs[eq + 2..close]);
            attrs = attrs[close + 1..].trim_start();
        }
        if !self_closing {
            stack.push(name.to_owned());
        }
    }
    assert!(stack.is_empty(), "unclosed elements {stack:?}");
}

fn check_text(text: &str) {
    assert!(
        !text.contains('<') && !text.contains('>'),
        "raw markup in {text:?}"
    );
    for (i, _) in text.match_indices('&') {
        let ok = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
            .iter()
            .any(|e| text[i..].starts_with(e));
        assert!(ok, "bare & in {text:?}");
    }
}

#[test]
fn junit_is_well_formed_with_one_suite_per_article_and_one_case_per_finding() {
    let t = Tree::new();
    t.write("a.md", UNUSED_MD)
        .write("b.md", "Clean <b>copy</b> & more.\n");
    let out = claimcheck(t.path(), &["check", "a.md", "b.md", "--format", "junit"]);
    assert_well_formed_xml(&out.stdout);
    assert_eq!(out.stdout.matches("<testsuite ").count(), 2);
    assert_eq!(out.stdout.matches("<testcase ").count(), 2);
    assert!(out
        .stdout
        .contains("<testcase name=\"no findings\" classname=\"b.md\" file=\"b.md\"/>"));
    assert!(
        out.stdout
            .contains("<testcase name=\"CC901 unused-suppression at 3:1\" classname=\"a.md\""),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("type=\"CC901 unused-suppression\""));
    let f = finding("a&b.md", 1, "said <\"14\"> & 'more'");
    let xml = claimcheck::render::junit::render_findings_junit(&[f], &["a&b.md".into()]);
    assert_well_formed_xml(&xml);
    assert!(xml.contains("&lt;&quot;14&quot;&gt; &amp; &apos;more&apos;"));
}

#[test]
fn concise_is_one_line_per_finding() {
    let t = Tree::new();
    t.write("a.md", UNUSED_MD);
    let out = claimcheck(t.path(), &["check", "a.md", "--format", "concise"]);
    assert_eq!(
        out.stdout,
        "a.md:3:1: CC901 unused suppression: nothing to silence for CC001 on the next paragraph\n"
    );
}

#[test]
fn extract_refuses_findings_only_formats() {
    let t = Tree::new();
    t.write("a.md", UNUSED_MD);
    let out = claimcheck(t.path(), &["extract", "a.md", "--format", "sarif"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("invalid value 'sarif'"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("[possible values: text, json, jsonl, prose]"),
        "{}",
        out.stderr
    );
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn changed_since_checks_only_changed_and_untracked_articles() {
    let t = Tree::new();
    t.write("news/old.md", UNUSED_MD)
        .write("news/edited.md", "Plain.\n");
    git(t.path(), &["init", "-q"]);
    git(t.path(), &["add", "."]);
    git(t.path(), &["commit", "-q", "-m", "first"]);
    t.write("news/edited.md", UNUSED_MD)
        .write("news/new.md", UNUSED_MD);
    let out = claimcheck(
        t.path(),
        &[
            "check",
            "news",
            "--changed-since",
            "HEAD",
            "--format",
            "junit",
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.contains("name=\"news/edited.md\""));
    assert!(out.stdout.contains("name=\"news/new.md\""));
    assert!(!out.stdout.contains("old.md"), "{}", out.stdout);
}

#[test]
fn changed_since_with_bad_revision_or_outside_git_exits_2() {
    let t = Tree::new();
    t.write("a.md", UNUSED_MD);
    let out = claimcheck(t.path(), &["check", "a.md", "--changed-since", "HEAD"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("not a git repository"),
        "{}",
        out.stderr
    );
    git(t.path(), &["init", "-q"]);
    git(t.path(), &["add", "."]);
    git(t.path(), &["commit", "-q", "-m", "first"]);
    let out = claimcheck(
        t.path(),
        &["check", "a.md", "--changed-since", "no-such-rev"],
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no-such-rev"), "{}", out.stderr);
}
