//! Snapshots of what users see, on the invented ferry story under
//! `tests/fixtures/story/`: the terminal output, the JSON, the Markdown
//! report of `check --report`, and the audit as Markdown and JSON. The
//! binary runs in the fixture folder with relative paths, so no snapshot
//! holds a temporary path.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The fixture story's folder.
pub(crate) fn story() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/story")
}

/// The draft and the arguments that check it against the others and the
/// rules.
pub(crate) const CHECK_DRAFT: &[&str] = &[
    "check",
    "articles/2026-05-15-draft.md",
    "--against",
    "articles",
    "--rules",
    "rules.yaml",
];

/// The arguments that audit the whole story under the rules.
pub(crate) const AUDIT_STORY: &[&str] = &["audit", "articles", "--rules", "rules.yaml"];

/// Run the binary in `dir` with `env` set and colour variables from the
/// outside cleared; stdout, stderr and the exit status.
pub(crate) fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (String, String, i32) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    cmd.current_dir(dir)
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// Stdout of a run in the story folder with `NO_COLOR=1`.
fn stdout(args: &[&str]) -> String {
    let (out, err, code) = run_in(&story(), args, &[("NO_COLOR", "1")]);
    assert!(code == 0 || code == 1, "exit {code}: {err}");
    out
}

fn with(base: &[&str], more: &[&'static str]) -> Vec<String> {
    base.iter().chain(more).map(|s| (*s).to_owned()).collect()
}

fn args(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn check_text_output() {
    insta::assert_snapshot!("check_text", stdout(CHECK_DRAFT));
}

#[test]
fn check_json_output() {
    let a = with(CHECK_DRAFT, &["--format", "json"]);
    insta::assert_snapshot!("check_json", stdout(&args(&a)));
}

#[test]
fn check_markdown_report() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.md");
    let mut a = with(CHECK_DRAFT, &["--report"]);
    a.push(report.to_string_lossy().into_owned());
    stdout(&args(&a));
    insta::assert_snapshot!("check_report", std::fs::read_to_string(report).unwrap());
}

#[test]
fn audit_markdown() {
    insta::assert_snapshot!("audit_markdown", stdout(AUDIT_STORY));
}

#[test]
fn audit_json() {
    let a = with(AUDIT_STORY, &["--format", "json"]);
    insta::assert_snapshot!("audit_json", stdout(&args(&a)));
}
