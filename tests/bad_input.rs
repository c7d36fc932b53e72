//! Bad input: what the binary does with files it cannot read, and with
//! files that are readable but hostile (huge, empty, unbalanced). One bad
//! article never hides the others: they are still reported, and the exit
//! status is 2.

use claimcheck::source::Article;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

/// Run the binary with `args` from `dir`.
fn claimcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run claimcheck")
}

/// A temp dir holding `files` (name, bytes).
fn dir_with(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bytes) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, bytes).expect("write");
    }
    dir
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const GOOD: &[u8] = b"Officials said on Tuesday that 12 people were hurt.\n\
\"We are working on it,\" Transport Minister Jane Roe said.\n";

#[test]
fn missing_file_exits_2_naming_it() {
    let dir = dir_with(&[]);
    let out = claimcheck(dir.path(), &["extract", "nope.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nope.md"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_rules_path_exits_2_naming_it() {
    let dir = dir_with(&[("a.txt", GOOD)]);
    let out = claimcheck(dir.path(), &["check", "a.txt", "--rules", "missing.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.yaml"), "{}", stderr(&out));
}

#[test]
fn folder_without_articles_exits_2_with_one_line_naming_it() {
    let dir = dir_with(&[("empty/notes.pdf", b"%PDF"), ("empty/data.json", b"{}")]);
    let out = claimcheck(dir.path(), &["extract", "empty"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("empty"), "{err}");
}

#[test]
fn invalid_utf8_exits_2_naming_file_and_byte_offset() {
    let dir = dir_with(&[("latin1.txt", b"Caf\xe9 owners said 12 people came.")]);
    let out = claimcheck(dir.path(), &["extract", "latin1.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("latin1.txt"), "{err}");
    assert!(err.contains("byte 3"), "{err}");
}

#[test]
fn binary_data_is_not_a_text_file() {
    let dir = dir_with(&[("image.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")]);
    let out = claimcheck(dir.path(), &["extract", "image.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("image.md"), "{err}");
    assert!(err.contains("not a text file"), "{err}");
}

#[test]
fn empty_article_exits_0_without_output() {
    for name in ["empty.txt", "empty.md", "empty.html"] {
        let dir = dir_with(&[(name, b"")]);
        let out = claimcheck(dir.path(), &["extract", "--format", "jsonl", name]);
        assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{name}");
        assert!(out.stderr.is_empty(), "{name}: {}", stderr(&out));
    }
}

#[test]
fn five_megabytes_on_one_line_are_checked() {
    let sentence = "Officials said 12 people were hurt on Tuesday, the mayor said. ";
    let line = sentence.repeat(5_000_000 / sentence.len() + 1);
    let dir = dir_with(&[("long.txt", line.as_bytes())]);
    let out = claimcheck(dir.path(), &["check", "long.txt", "--against", "long.txt"]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
}

#[test]
fn quote_never_closed_is_checked() {
    let mut text = String::from("\u{201c}The talks will go on, the minister said. ");
    text.push_str(
        &"He added that 3 rounds were held on Monday and more would follow. ".repeat(20_000),
    );
    text.push_str("\n\nOpen \" quote at the end");
    let dir = dir_with(&[("open.md", text.as_bytes())]);
    let out = claimcheck(dir.path(), &["check", "open.md"]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
}

#[test]
fn one_bad_file_does_not_hide_the_good_ones() {
    let dir = dir_with(&[("a.txt", GOOD), ("b.txt", b"bad \xff byte"), ("c.md", GOOD)]);
    let alone = claimcheck(
        dir.path(),
        &["extract", "--format", "jsonl", "a.txt", "c.md"],
    );
    assert_eq!(alone.status.code(), Some(0), "{}", stderr(&alone));
    let mixed = claimcheck(
        dir.path(),
        &[
            "extract",
            "--format",
            "jsonl",
            "a.txt",
            "b.txt",
            "missing.txt",
            "c.md",
        ],
    );
    assert_eq!(mixed.status.code(), Some(2));
    assert_eq!(stdout(&mixed), stdout(&alone));
    let err = stderr(&mixed);
    assert!(
        err.contains("b.txt") && err.contains("missing.txt"),
        "{err}"
    );
    assert!(!err.contains("a.txt") && !err.contains("c.md"), "{err}");
}

#[test]
fn jsonl_output_is_only_json_lines() {
    let dir = dir_with(&[
        ("a.txt", GOOD),
        ("b.html", b"<p>Some 12 people said &ldquo;yes&rdquo;.</p>"),
    ]);
    let out = claimcheck(
        dir.path(),
        &["extract", "--format", "jsonl", "a.txt", "b.html"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for line in stdout(&out).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        for key in ["path", "kind", "line", "column", "text"] {
            assert!(v.get(key).is_some(), "{key} missing in {line}");
        }
    }
}

#[test]
fn same_path_twice_is_output_twice() {
    let dir = dir_with(&[("a.txt", GOOD)]);
    let once = claimcheck(dir.path(), &["extract", "--format", "jsonl", "a.txt"]);
    let twice = claimcheck(
        dir.path(),
        &["extract", "--format", "jsonl", "a.txt", "a.txt"],
    );
    assert_eq!(twice.status.code(), Some(0), "{}", stderr(&twice));
    assert_eq!(stdout(&twice), stdout(&once).repeat(2));
}

/// Line and column (1-based, column in characters) where prose `word`
/// starts in the file as stored, through the article's own maps.
fn mapped_line_col(path: &str, source: &str, word: &str) -> (usize, usize) {
    let article = Article::from_source(PathBuf::from(path), source.to_owned(), None);
    let at = article.prose.text().find(word).expect("word in prose");
    let span = article.prose.span(at, at + word.len());
    assert_eq!(&source[span.range()], word);
    let lc = article.lines.line_col(&article.source, span.start);
    (lc.line, lc.column)
}

#[test]
fn html_claim_maps_to_its_line_and_column_past_tags_and_entities() {
    let html = "<!doctype html>\n<html><head><title>Caf&eacute; \u{201c}news\u{201d}</title>\n\
        <meta property=\"article:published_time\" content=\"2025-09-16\"></head>\n<body>\n\
        <nav><a href=\"/\">Home 99</a></nav>\n\
        <p>The caf&eacute;&rsquo;s &ldquo;owner&rdquo; <b>said</b> 36 captives remain.</p>\n";
    assert_eq!(mapped_line_col("a.html", html, "36"), (6, 60));
    assert_eq!(mapped_line_col("a.html", html, "owner"), (6, 35));
    let article = Article::from_source("a.html", html.to_owned(), None);
    assert!(!article.prose.text().contains("99"));
    assert_eq!(
        article.published.map(|d| d.to_string()).as_deref(),
        Some("2025-09-16")
    );
}

#[test]
fn markdown_claim_maps_to_its_line_and_column_past_front_matter() {
    let md = "---\ntitle: \"Caf\u{e9} talks\"\npublished: 2025-09-16\n---\n\n# Talks\n\n\
        Caf\u{e9} *owners* &amp; [staff](https://example.com/12) said 36 captives remain.\n";
    assert_eq!(mapped_line_col("a.md", md, "36"), (8, 58));
    assert_eq!(mapped_line_col("a.md", md, "staff"), (8, 22));
    let article = Article::from_source("a.md", md.to_owned(), None);
    assert!(!article.prose.text().contains("12"));
}

#[test]
fn plain_text_front_matter_dates_the_article_and_is_not_prose() {
    let txt = "---\npublished: 2025-09-16\n---\nOn Tuesday 48 people left.\n";
    assert_eq!(mapped_line_col("a.txt", txt, "48"), (4, 12));
    let article = Article::from_source("a.txt", txt.to_owned(), None);
    assert_eq!(
        article.published.map(|d| d.to_string()).as_deref(),
        Some("2025-09-16")
    );
    assert!(!article.prose.text().contains("published"));
}

/// Two dated articles that report the same count differently, so that the
/// window is used.
fn dated_pair() -> TempDir {
    dir_with(&[
        (
            "a.md",
            b"---\ndate: 2025-03-04\n---\nOfficials said 12 people were hurt in the crash.\n",
        ),
        (
            "b.md",
            b"---\ndate: 2025-03-05\n---\nOfficials said 14 people were hurt in the crash.\n",
        ),
    ])
}

#[test]
fn out_of_range_window_on_the_command_line_exits_2() {
    let dir = dated_pair();
    for window in ["-3", "36501", "100000000000", "106751991167301", "x"] {
        let arg = format!("--window={window}");
        let out = claimcheck(dir.path(), &["check", "a.md", "--against", "b.md", &arg]);
        assert_eq!(out.status.code(), Some(2), "{window}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("--window"),
            "{window}: {}",
            stderr(&out)
        );
    }
    for window in ["0", "36500"] {
        let arg = format!("--window={window}");
        let out = claimcheck(dir.path(), &["check", "a.md", "--against", "b.md", &arg]);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{window}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn out_of_range_window_in_the_config_exits_2_naming_file_and_line() {
    let dir = dated_pair();
    for window in ["-3", "100000000000"] {
        let yaml = format!("fail-on: error\nwindow: {window}\n");
        std::fs::write(dir.path().join("claimcheck.yaml"), yaml).expect("write");
        let out = claimcheck(dir.path(), &["check", "a.md", "--against", "b.md"]);
        assert_eq!(out.status.code(), Some(2), "{window}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("claimcheck.yaml:2:"), "{window}: {err}");
        assert!(err.contains("window"), "{window}: {err}");
    }
}

/// Run the binary with a time limit: a child still running after `secs`
/// is killed and the test fails (a hang must not hang the test suite).
#[cfg(unix)]
fn claimcheck_within(dir: &Path, args: &[&str], secs: u64) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run claimcheck");
    let start = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > std::time::Duration::from_secs(secs) {
            child.kill().expect("kill");
            panic!("claimcheck {args:?} still running after {secs} s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn fifo_and_endless_device_are_refused_at_once_naming_them() {
    let dir = dir_with(&[("a.md", GOOD), ("rules/ok.yaml", b"")]);
    mkfifo(&dir.path().join("pipe.md"));
    mkfifo(&dir.path().join("pipe.yaml"));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.txt")).expect("symlink");
    let out = claimcheck_within(dir.path(), &["check", "pipe.md", "zero.txt", "a.md"], 20);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("pipe.md: not a regular file (a FIFO)"),
        "{err}"
    );
    assert!(err.contains("zero.txt: not a regular file"), "{err}");
    assert!(!err.contains("claimcheck: a.md"), "{err}");
    let out = claimcheck_within(dir.path(), &["check", "a.md", "--rules", "pipe.yaml"], 20);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("pipe.yaml"), "{}", stderr(&out));
    let out = claimcheck_within(dir.path(), &["--config", "pipe.yaml", "check", "a.md"], 20);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("pipe.yaml"), "{}", stderr(&out));
}

#[test]
fn files_over_max_file_size_are_refused_naming_them() {
    let big = "Officials said 12 people were hurt. ".repeat(100);
    let dir = dir_with(&[
        ("claimcheck.yaml", b"max-file-size: 1000\n"),
        ("small.md", GOOD),
        ("big.md", big.as_bytes()),
        ("big.yaml", format!("# {big}\n").as_bytes()),
    ]);
    let out = claimcheck(dir.path(), &["check", "small.md", "big.md"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("big.md: file too large"), "{err}");
    assert!(err.contains("max-file-size"), "{err}");
    assert!(!err.contains("claimcheck: small.md"), "{err}");
    let out = claimcheck(dir.path(), &["check", "small.md", "--rules", "big.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("big.yaml: file too large"),
        "{}",
        stderr(&out)
    );
    // Under the default limit (64 MiB) both are read.
    std::fs::remove_file(dir.path().join("claimcheck.yaml")).expect("rm");
    let out = claimcheck(dir.path(), &["check", "small.md", "big.md"]);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
}

#[test]
fn max_file_size_out_of_range_names_the_config_line() {
    let dir = dir_with(&[
        ("claimcheck.yaml", b"fail-on: error\nmax-file-size: 0\n"),
        ("a.md", GOOD),
    ]);
    let out = claimcheck(dir.path(), &["check", "a.md"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("claimcheck.yaml:2:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn report_over_an_input_is_refused_and_the_input_kept() {
    let dir = dir_with(&[
        ("a.md", GOOD),
        ("archive/b.md", GOOD),
        ("rules/r.yaml", b""),
    ]);
    let base = ["check", "a.md", "--against", "archive", "--rules", "rules"];
    for target in [
        "a.md",
        "./a.md",
        "archive/../a.md",
        "archive/b.md",
        "rules/r.yaml",
    ] {
        let mut args = base.to_vec();
        args.extend(["--report", target]);
        let out = claimcheck(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{target}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains(target) && err.contains("inputs"),
            "{target}: {err}"
        );
        let kept = std::fs::read(dir.path().join(target)).expect("still there");
        assert!(kept == GOOD || kept.is_empty(), "{target} was replaced");
    }
    let out = claimcheck(dir.path(), &["audit", "a.md", "--report", "a.md"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read(dir.path().join("a.md")).expect("a.md"), GOOD);
}

#[cfg(unix)]
#[test]
fn report_over_a_device_fifo_or_folder_is_refused() {
    let dir = dir_with(&[("a.md", GOOD), ("out/keep.txt", b"")]);
    mkfifo(&dir.path().join("pipe"));
    for target in ["/dev/null", "pipe", "out"] {
        for cmd in ["check", "audit"] {
            let out = claimcheck_within(dir.path(), &[cmd, "a.md", "--report", target], 20);
            assert_eq!(
                out.status.code(),
                Some(2),
                "{cmd} {target}: {}",
                stderr(&out)
            );
            assert!(
                stderr(&out).contains(target),
                "{cmd} {target}: {}",
                stderr(&out)
            );
        }
    }
    let meta = std::fs::metadata("/dev/null").expect("/dev/null");
    assert!(!meta.is_file(), "/dev/null was replaced");
}

#[cfg(unix)]
#[test]
fn default_reports_through_a_symlink_out_of_the_project_are_refused() {
    let outside = tempfile::tempdir().expect("temp dir");
    let dir = dir_with(&[("a.md", GOOD), ("claimcheck.yaml", b"fail-on: error\n")]);
    std::os::unix::fs::symlink(outside.path(), dir.path().join("reports")).expect("symlink");
    for cmd in ["check", "audit"] {
        let out = claimcheck(dir.path(), &[cmd, "a.md", "--report"]);
        assert_eq!(out.status.code(), Some(2), "{cmd}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("reports") && err.contains("symlink"),
            "{cmd}: {err}"
        );
    }
    assert_eq!(std::fs::read_dir(outside.path()).expect("ls").count(), 0);
    // A symlink that stays inside the project is fine.
    std::fs::remove_file(dir.path().join("reports")).expect("rm");
    std::fs::create_dir(dir.path().join("kept")).expect("mkdir");
    std::os::unix::fs::symlink("kept", dir.path().join("reports")).expect("symlink");
    let out = claimcheck(dir.path(), &["check", "a.md", "--report"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_dir(dir.path().join("kept"))
            .expect("ls")
            .count(),
        1
    );
}

/// Files in `dir` whose names start with `.tmp` (tempfile's prefix).
fn temp_files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .expect("ls")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(".tmp"))
        })
        .collect()
}

#[cfg(unix)]
#[test]
fn a_signal_during_a_report_write_leaves_no_temp_file() {
    use std::os::unix::process::ExitStatusExt;
    // The pause before the rename is a debug-build test hook.
    if !cfg!(debug_assertions) {
        return;
    }
    for signal in ["INT", "TERM"] {
        let dir = dir_with(&[("a.md", GOOD)]);
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .current_dir(dir.path())
            .args(["check", "a.md", "--report", "out/r.md"])
            .env("CLAIMCHECK_TEST_PAUSE_BEFORE_RENAME_MS", "30000")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("run claimcheck");
        let out = dir.path().join("out");
        let start = std::time::Instant::now();
        while !out.is_dir() || temp_files_in(&out).is_empty() {
            assert!(start.elapsed().as_secs() < 20, "no temp file appeared");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let kill = Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .expect("kill");
        assert!(kill.success());
        let status = child.wait().expect("wait");
        assert!(status.signal().is_some(), "{signal}: {status:?}");
        assert_eq!(temp_files_in(&out), Vec::<PathBuf>::new(), "{signal}");
        assert!(!out.join("r.md").exists(), "{signal}");
    }
}

#[test]
fn a_report_replaces_an_earlier_one_whole() {
    let dir = dir_with(&[("a.md", GOOD), ("out/r.md", b"OLD REPORT")]);
    let out = claimcheck(dir.path(), &["check", "a.md", "--report", "out/r.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = std::fs::read_to_string(dir.path().join("out/r.md")).expect("report");
    assert!(!report.contains("OLD REPORT"), "{report}");
    assert!(temp_files_in(&dir.path().join("out")).is_empty());
}

#[cfg(unix)]
#[test]
fn symlinked_articles_and_rules_in_folders_are_followed_and_loops_reported() {
    let dir = dir_with(&[
        ("real/a.md", GOOD),
        ("real/rules.yaml", b"entities:\n  - name: Jane Roe\n"),
    ]);
    let link = |target: &str, name: &str| {
        std::os::unix::fs::symlink(target, dir.path().join(name)).expect("symlink");
    };
    std::fs::create_dir_all(dir.path().join("desk/rules")).expect("mkdir");
    link("../real/a.md", "desk/a.md");
    link("../../real/rules.yaml", "desk/rules/rules.yaml");
    let out = claimcheck(
        dir.path(),
        &[
            "extract",
            "--format",
            "jsonl",
            "desk",
            "--rules",
            "desk/rules",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("desk/a.md"), "{}", stdout(&out));
    let out = claimcheck(dir.path(), &["rules", "check", "--rules", "desk/rules"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Jane Roe"), "{}", stdout(&out));
    // A link back to its own folder: reported, the rest still checked.
    link(".", "desk/loop");
    let out = claimcheck(dir.path(), &["extract", "--format", "jsonl", "desk"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("desk/loop"), "{}", stderr(&out));
    assert!(stderr(&out).contains("loop"), "{}", stderr(&out));
    assert!(stdout(&out).contains("desk/a.md"), "{}", stdout(&out));
}

#[cfg(unix)]
#[test]
fn an_unreadable_subfolder_is_reported_and_the_rest_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir_with(&[
        ("news/a.md", GOOD),
        ("news/locked/b.md", GOOD),
        ("news/z.md", GOOD),
    ]);
    let locked = dir.path().join("news/locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read_dir(&locked).is_ok() {
        // Running as root: permissions do not stop us, nothing to test.
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        return;
    }
    let out = claimcheck(dir.path(), &["extract", "--format", "jsonl", "news"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("news/locked"), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("news/a.md") && text.contains("news/z.md"),
        "{text}"
    );
}

#[test]
fn config_globs_selecting_nothing_exit_2_unless_files_are_named() {
    let dir = dir_with(&[
        ("claimcheck.yaml", b"include: [\"nwes/**\"]\n"),
        ("news/a.md", GOOD),
    ]);
    let out = claimcheck(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("claimcheck.yaml") && err.contains("include"),
        "{err}"
    );
    let out = claimcheck(dir.path(), &["check", "news/a.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_closed_pipe_is_quiet_and_keeps_the_status_the_run_earned() {
    // More output than a pipe holds, so the write meets the closed end.
    let many = "Officials said on Tuesday that 12 people were hurt.\n".repeat(5000);
    let dir = dir_with(&[("a.txt", many.as_bytes())]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir.path())
        .args(["extract", "--format", "jsonl", "a.txt", "missing.txt"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run claimcheck");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("missing.txt"), "{err}");
    assert!(!err.to_lowercase().contains("pipe"), "{err}");
}

#[test]
fn a_baseline_over_an_input_or_a_folder_is_refused() {
    let dir = dir_with(&[("a.md", GOOD), ("old/keep.txt", b"")]);
    for target in ["a.md", "old"] {
        let out = claimcheck(dir.path(), &["baseline", "--write", target, "a.md"]);
        assert_eq!(out.status.code(), Some(2), "{target}: {}", stderr(&out));
        assert!(stderr(&out).contains(target), "{target}: {}", stderr(&out));
    }
    assert_eq!(std::fs::read(dir.path().join("a.md")).expect("a.md"), GOOD);
    let out = claimcheck(dir.path(), &["baseline", "--write", "base.json", "a.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn invalid_utf8_in_rules_and_config_is_reported_by_line_once() {
    let dir = dir_with(&[
        ("a.md", GOOD),
        ("r.yaml", b"facts:\n  - id: caf\xe9\n"),
        ("c.yaml", b"window: 3\nfail-on: caf\xe9\n"),
    ]);
    let out = claimcheck(dir.path(), &["check", "a.md", "--rules", "r.yaml"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("r.yaml:2:12: invalid UTF-8"),
        "{}",
        stderr(&out)
    );
    let out = claimcheck(dir.path(), &["--config", "c.yaml", "check", "a.md"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("c.yaml: line 2, column 13: invalid UTF-8"),
        "{err}"
    );
    assert_eq!(err.matches("invalid UTF-8").count(), 1, "{err}");
}

#[test]
fn terminal_escapes_in_file_names_are_printed_escaped() {
    let dir = dir_with(&[("a.md", GOOD)]);
    let name = "\u{1b}[2Jevil.md";
    let out = claimcheck(dir.path(), &["extract", "a.md", name]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("\\u{1b}[2Jevil.md"), "{err:?}");
    let out = claimcheck(dir.path(), &["check", "a.md", "--rules", name]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!stderr(&out).contains('\u{1b}'), "{:?}", stderr(&out));
}

#[test]
fn findings_on_a_very_long_line_keep_their_columns_and_carets() {
    let filler = "Filler words stand here. ".repeat(400);
    let article = format!(
        "---\npublished: 2026-03-03\n---\n\n{filler}The old bridge gave way on Friday, officials said.\n"
    );
    let rules = "events:\n  - id: span-collapse\n    words: [collapse, collapsed, gave way]\n    near: [bridge]\n    date: 2026-02-28\n";
    let dir = dir_with(&[
        ("long.md", article.as_bytes()),
        ("r.yaml", rules.as_bytes()),
    ]);
    let column = filler.chars().count() + "The old bridge gave way on ".len() + 1;
    let out = claimcheck(
        dir.path(),
        &[
            "check", "long.md", "--rules", "r.yaml", "--format", "concise",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("long.md:5:{column}: CC002")),
        "{}",
        stdout(&out)
    );
    let out = claimcheck(
        dir.path(),
        &["check", "long.md", "--rules", "r.yaml", "--format", "sarif"],
    );
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("SARIF");
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startColumn"], column);
    assert_eq!(region["endColumn"], column + "Friday".len());
    let out = claimcheck(dir.path(), &["check", "long.md", "--rules", "r.yaml"]);
    let text = stdout(&out);
    let caret = text
        .lines()
        .find(|l| l.contains("^^^^^^ article says: Friday"))
        .expect("a caret line");
    assert!(caret.len() < 2000, "the line is cut around the claim");
    let shown = text
        .lines()
        .find(|l| l.contains("gave way on Friday"))
        .expect("the line");
    let at = |l: &str, s: &str| l.find(s).expect("found");
    assert_eq!(at(shown, "Friday"), at(caret, "^"), "{shown}\n{caret}");
}
