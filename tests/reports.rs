//! Reports as files and as terminal output: colour only where it belongs,
//! files written whole or not at all and never outside their folder, the
//! HTML audit self-contained, and every output byte-identical across runs.

use crate::snapshots::{run_in, story, AUDIT_STORY, CHECK_DRAFT};
use std::path::Path;

/// A copy of the fixture story in a temporary folder, to write into.
fn story_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = story();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    for entry in std::fs::read_dir(src.join("articles")).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, dir.path().join("articles").join(p.file_name().unwrap())).unwrap();
    }
    std::fs::copy(src.join("rules.yaml"), dir.path().join("rules.yaml")).unwrap();
    dir
}

/// Every file under `dir`, relative, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    out.sort();
    out
}

#[test]
fn piped_output_is_plain() {
    let (out, _, code) = run_in(&story(), CHECK_DRAFT, &[]);
    assert_eq!(code, 1);
    assert!(out.contains("error[CC001]"));
    assert!(!out.contains('\x1b'));
}

#[test]
fn forced_colour_is_styled_unless_no_color_is_set() {
    let (out, _, _) = run_in(&story(), CHECK_DRAFT, &[("CLICOLOR_FORCE", "1")]);
    assert!(out.contains("\x1b["));
    let (out, _, _) = run_in(
        &story(),
        CHECK_DRAFT,
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert!(!out.contains('\x1b'));
}

#[test]
fn terminal_output_shows_caret_evidence_and_word_diff() {
    let (out, _, _) = run_in(&story(), CHECK_DRAFT, &[]);
    // The draft's line, a caret under the claim.
    let at = out.find("Lifeboats rescued 240 passengers").unwrap();
    let caret_line = out[at..].lines().nth(1).unwrap();
    assert!(caret_line.contains("^^^^^^^^^^^^^^ article says: 240 passengers"));
    // Earlier coverage with its date and path; the rule in its file.
    assert!(out.contains("note: earlier coverage (2026-05-14): 212 passengers"));
    assert!(out.contains("--> articles/2026-05-14-island-post.md:9:5"));
    assert!(out.contains("--> rules.yaml:27:1"));
    assert!(out.contains("word diff: We will not [-determine-] {+decide+} the cause"));
}

#[test]
fn a_failed_report_write_leaves_no_partial_file() {
    let dir = story_copy();
    std::fs::create_dir(dir.path().join("taken.md")).unwrap();
    let mut args = CHECK_DRAFT.to_vec();
    args.extend(["--report", "taken.md"]);
    let before = files_under(dir.path());
    let (_, err, code) = run_in(dir.path(), &args, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("taken.md"), "{err}");
    assert!(dir.path().join("taken.md").is_dir());
    assert_eq!(files_under(dir.path()), before);
    assert_eq!(
        std::fs::read_dir(dir.path().join("taken.md"))
            .unwrap()
            .count(),
        0
    );
}

#[test]
fn hostile_article_names_cannot_steer_the_report_out_of_reports() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let name = "..%2F..%2Fescape ..$(x).md";
    std::fs::write(
        work.join(name),
        "---\ntitle: ../../../outside\npublished: 2026-05-15\n---\n\nLifeboats rescued 240 passengers.\n",
    )
    .unwrap();
    let (_, err, code) = run_in(&work, &["check", name, "--report"], &[]);
    assert_eq!(code, 0, "{err}");
    let (_, err, code) = run_in(&work, &["audit", name, "--report"], &[]);
    assert_eq!(code, 0, "{err}");
    let files = files_under(dir.path());
    assert_eq!(files.len(), 3, "{files:?}");
    let reports: Vec<&String> = files
        .iter()
        .filter(|f| *f != &format!("work/{name}"))
        .collect();
    for f in &reports {
        assert!(f.starts_with("work/reports/"), "{f}");
        assert!(!f["work/reports/".len()..].contains(['/', '$', ' ']), "{f}");
    }
}

#[test]
fn audit_html_loads_nothing_from_outside() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("audit.html");
    let mut args = AUDIT_STORY.to_vec();
    let path = html.to_string_lossy().into_owned();
    args.extend(["--report", &path]);
    run_in(&story(), &args, &[]);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<svg"), "no chart");
    let lower = page.to_lowercase();
    for banned in ["<script", "<link", "<img", "<iframe", "@import", "url("] {
        assert!(!lower.contains(banned), "{banned}");
    }
    let without_xmlns = lower.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assert!(!without_xmlns.contains("http://"));
    assert!(!without_xmlns.contains("https://"));
}

#[test]
fn outputs_are_byte_identical_across_runs_and_argument_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<String> = std::fs::read_dir(story().join("articles"))
        .unwrap()
        .map(|e| format!("articles/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    files.sort();
    let mut reversed = files.clone();
    reversed.reverse();
    let mut outputs = Vec::new();
    for (i, order) in [&files, &files, &reversed].into_iter().enumerate() {
        let run = |ext: &str, format: &str| {
            let report = dir.path().join(format!("{i}.{ext}"));
            let report = report.to_string_lossy().into_owned();
            let mut args = vec!["audit"];
            args.extend(order.iter().map(String::as_str));
            args.extend([
                "--rules",
                "rules.yaml",
                "--format",
                format,
                "--report",
                &report,
            ]);
            let (out, _, _) = run_in(&story(), &args, &[]);
            (out, std::fs::read(&report).unwrap())
        };
        outputs.push((run("html", "json"), run("md", "text")));
    }
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
    let mut reports = Vec::new();
    for i in 0..2 {
        let report = dir.path().join(format!("check-{i}.md"));
        let report = report.to_string_lossy().into_owned();
        let mut args = CHECK_DRAFT.to_vec();
        args.extend(["--format", "json", "--report", &report]);
        let (out, _, _) = run_in(&story(), &args, &[]);
        reports.push((out, std::fs::read(&report).unwrap()));
    }
    assert_eq!(reports[0], reports[1]);
}

#[test]
fn audit_with_a_report_file_prints_a_summary_not_the_whole_audit() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("audit.md");
    let report = report.to_string_lossy().into_owned();
    let mut args = AUDIT_STORY.to_vec();
    args.extend(["--report", &report]);
    let (out, err, _) = run_in(&story(), &args, &[]);
    let whole = std::fs::read_to_string(&report).unwrap();
    assert!(whole.contains("## Articles"), "{whole}");
    assert!(out.starts_with("4 article(s);"), "{out}");
    assert!(out.contains("\n  disputed count "), "{out}");
    assert!(!out.contains("## "), "{out}");
    assert!(out.lines().count() <= 8, "{out}");
    assert!(err.contains("wrote"), "{err}");
}
