//! The binary end to end where the checks meet users: the same input gives
//! byte-identical output whatever the run, the thread count or the order
//! the files were written in; `--fail-on` sets the exit status by severity;
//! `explain` documents every registered check.
//!
//! The articles are invented here and generated in a loop, so the folder is
//! large enough (24 articles) for extraction to be spread over threads.

use crate::ci_formats::{claimcheck, Out, Tree};
use claimcheck::check::CHECKS;
use std::path::Path;
use std::process::Command;

const RULES: &str = "
entities:
  - name: Dana Okafor
    roles:
      - title: Transport Minister
        from: 2025-06-01
  - name: Pieter Hale
    roles:
      - title: Finance Minister
        from: 2025-06-01
quotes:
  - id: okafor-stone
    speaker: Dana Okafor
    text: \"We will leave no stone unturned until every line is running again.\"
facts:
  - id: port-stranded
    noun: passenger
    context: [stranded]
    values:
      - value: 340
        from: 2026-02-27
";

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Article number `i`: counts, dates, quotes and titles that disagree
/// from one article to the next, and a count that changes within it.
fn article(i: usize) -> String {
    let day = 1 + i % 6;
    let count = 300 + (i % 4) * 40;
    let later = count + 10 * (i % 3);
    let weekday = WEEKDAYS[i % 7];
    let speaker = ["Okafor", "Hale", "Varga"][(i / 2) % 3];
    let word = ["running", "open", "working"][i % 3];
    let title = ["Transport Minister", "Finance Minister"][i % 2];
    let words = format!("We will leave no stone unturned until every line is {word} again");
    let quote = if i % 5 == 0 {
        format!("A banner read \"{words}.\"")
    } else {
        format!("\"{words},\" {speaker} said.")
    };
    format!(
        "---\npublished: 2026-03-0{day}\n---\n# Port update {i}\n\n\
         {count} passengers were stranded at the port, officials said.\n\n\
         Okafor arrived in Eastwick on {weekday}.\n\n\
         {quote}\n\n\
         {title} Pieter Hale said the repairs would take weeks. \
         By evening, {later} passengers were stranded at the port.\n"
    )
}

/// A folder of 10 drafts and 14 coverage articles, written in `order`.
fn story(order: impl Iterator<Item = usize>) -> Tree {
    let t = Tree::new();
    t.write("rules.yaml", RULES);
    for i in order {
        let folder = if i < 10 { "drafts" } else { "coverage" };
        t.write(&format!("{folder}/update-{i:02}.md"), &article(i));
    }
    t
}

const CHECK_JSON: &[&str] = &[
    "check",
    "drafts",
    "--against",
    "coverage",
    "--rules",
    "rules.yaml",
    "--format",
    "json",
];

/// Run the binary on one core, when `taskset` is there to pin it.
fn claimcheck_one_core(dir: &Path, args: &[&str]) -> Option<Out> {
    let out = Command::new("taskset")
        .args(["-c", "0"])
        .arg(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .args(args)
        .output()
        .ok()?;
    out.status.code().map(|code| Out {
        code,
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    })
}

#[test]
fn check_json_is_byte_identical_across_runs() {
    let t = story(0..24);
    let first = claimcheck(t.path(), CHECK_JSON);
    assert_eq!(first.code, 1, "{}", first.stderr);
    let json: serde_json::Value = serde_json::from_str(&first.stdout).unwrap();
    let text = json.to_string();
    // Many kinds of finding, so that the order of each kind is exercised.
    let codes: std::collections::BTreeSet<&str> = [
        "CC001", "CC101", "CC102", "CC103", "CC104", "CC105", "CC106", "CC107",
    ]
    .into_iter()
    .filter(|c| text.contains(c))
    .collect();
    assert!(codes.len() >= 4, "too few kinds of finding: {codes:?}");
    for _ in 0..3 {
        let again = claimcheck(t.path(), CHECK_JSON);
        assert_eq!(again.code, first.code);
        assert_eq!(again.stdout, first.stdout);
    }
}

#[test]
fn check_json_is_byte_identical_on_one_core_and_on_all() {
    let t = story(0..24);
    let all = claimcheck(t.path(), CHECK_JSON);
    let Some(one) = claimcheck_one_core(t.path(), CHECK_JSON) else {
        // No taskset here: the runs above and below still compare.
        return;
    };
    assert_eq!(one.code, all.code, "{}", one.stderr);
    assert_eq!(one.stdout, all.stdout);
}

#[test]
fn check_json_does_not_depend_on_the_order_files_were_written() {
    let forward = story(0..24);
    let backward = story((0..24).rev());
    let a = claimcheck(forward.path(), CHECK_JSON);
    let b = claimcheck(backward.path(), CHECK_JSON);
    assert_eq!(a.stdout, b.stdout);
}

const STRANDED: &str =
    "---\npublished: 2026-03-02\n---\n340 passengers were stranded at the port.\n";

/// Exit status of `check draft.md --against coverage.md` with `extra` args.
fn status(draft: &str, extra: &[&str]) -> i32 {
    let t = Tree::new();
    t.write(
        "draft.md",
        &format!("---\npublished: 2026-03-03\n---\n{draft}\n"),
    )
    .write("coverage.md", STRANDED)
    .write("rules.yaml", RULES);
    let mut args = vec!["check", "draft.md", "--against", "coverage.md"];
    args.extend_from_slice(extra);
    let out = claimcheck(t.path(), &args);
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
    out.code
}

#[test]
fn note_fails_the_run_only_at_fail_on_note() {
    let rose = "The number of passengers stranded at the port rose to 410.";
    assert_eq!(status(rose, &[]), 0);
    assert_eq!(status(rose, &["--fail-on", "warning"]), 0);
    assert_eq!(status(rose, &["--fail-on", "note"]), 1);
}

#[test]
fn warning_fails_the_run_by_default_but_not_at_fail_on_error() {
    let more = "More than 400 passengers were stranded at the port.";
    assert_eq!(status(more, &[]), 1);
    assert_eq!(status(more, &["--fail-on", "note"]), 1);
    assert_eq!(status(more, &["--fail-on", "error"]), 0);
}

#[test]
fn rule_error_fails_the_run_at_every_level() {
    let more = "More than 400 passengers were stranded at the port.";
    for level in ["error", "warning", "note"] {
        assert_eq!(
            status(more, &["--rules", "rules.yaml", "--fail-on", level]),
            1
        );
    }
}

#[test]
fn consistent_draft_passes_at_every_level() {
    let same = "About 340 passengers were stranded at the port.";
    for level in ["error", "warning", "note"] {
        assert_eq!(
            status(same, &["--rules", "rules.yaml", "--fail-on", level]),
            0
        );
    }
}

#[test]
fn explain_prints_every_check_doc_by_code_and_by_name() {
    let t = Tree::new();
    for c in CHECKS {
        let by_code = claimcheck(t.path(), &["explain", c.code()]);
        assert_eq!(by_code.code, 0, "{}", by_code.stderr);
        let head = format!("{} ({})", c.code(), c.name());
        assert!(by_code.stdout.starts_with(&head), "{}", by_code.stdout);
        for h in ["## What it does", "## Why is this bad", "## Example"] {
            assert!(by_code.stdout.contains(h), "{} lacks {h}", c.code());
        }
        let by_name = claimcheck(t.path(), &["explain", c.name()]);
        assert_eq!(by_name.stdout, by_code.stdout);
        let lower = claimcheck(t.path(), &["explain", &c.code().to_lowercase()]);
        assert_eq!(lower.stdout, by_code.stdout);
    }
}

#[test]
fn explain_without_a_code_lists_every_check() {
    let t = Tree::new();
    let out = claimcheck(t.path(), &["explain"]);
    assert_eq!(out.code, 0);
    for c in claimcheck::registry::all() {
        let line = out
            .stdout
            .lines()
            .find(|l| l.starts_with(c.code()))
            .unwrap_or_else(|| panic!("{} missing", c.code()));
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(words[1], c.name(), "{line}");
        // A one-line summary after the name.
        assert!(words.len() > 3, "{line}");
    }
}

#[test]
fn explain_an_unknown_check_fails() {
    let t = Tree::new();
    let out = claimcheck(t.path(), &["explain", "no-such-check"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("unknown check"), "{}", out.stderr);
}
