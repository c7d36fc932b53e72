//! The CI gate of issue 12 end to end: it must not go green by accident.
//! How a path is spelled, how many articles are checked at once, a missing
//! or unreadable publication date, the report's file mode, and checks
//! switched off by `select`/`ignore`. Fixtures are small invented articles.

use crate::ci_formats::{claimcheck, Out, Tree};
use serde_json::Value;

/// An earlier article and a later one that disagree on a count.
const FIRST: &str =
    "---\npublished: 2026-04-01\n---\n\nWardens said 120 hikers were stranded on the moor.\n";
const SECOND: &str = "---\npublished: 2026-04-02\n---\n\nWardens said more than 200 hikers were stranded on the moor.\n";

/// `desk/` with the two articles.
fn desk() -> Tree {
    let t = Tree::new();
    t.write("desk/2026-04-01-first.md", FIRST)
        .write("desk/2026-04-02-second.md", SECOND);
    t
}

fn findings(out: &Out) -> Vec<Value> {
    let v: Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {} {}", out.stdout, out.stderr));
    v["findings"].as_array().unwrap().clone()
}

/// What a finding says, without the paths' spelling.
fn gist(f: &Value) -> (String, String, u64, u64, Vec<String>) {
    let file = |p: &Value| {
        std::path::Path::new(p.as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    (
        f["code"].as_str().unwrap().to_owned(),
        f["severity"].as_str().unwrap().to_owned(),
        f["line"].as_u64().unwrap(),
        f["column"].as_u64().unwrap(),
        f["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| file(&e["path"]))
            .collect(),
    )
}

/// Run the binary in `dir` under `umask 022`.
#[cfg(unix)]
fn claimcheck_umask_022(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new("sh")
        .current_dir(dir)
        .arg("-c")
        .arg("umask 022; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn reports_are_written_with_the_umask_not_0600() {
    use std::os::unix::fs::PermissionsExt;
    let t = Tree::new();
    t.write(
        "a.md",
        "---\npublished: 2026-02-02\n---\n\nThe council met on Tuesday.\n",
    );
    let out = claimcheck_umask_022(t.path(), &["check", "a.md", "--report", "out/r.md"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mode = std::fs::metadata(t.path().join("out/r.md"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644);
}

#[test]
fn every_spelling_of_a_path_finds_the_same() {
    let t = desk();
    let root = t.path();
    let abs = |rel: &str| root.join(rel).display().to_string();
    let plain = claimcheck(
        root,
        &[
            "check",
            "desk/2026-04-02-second.md",
            "--against",
            "desk",
            "--format",
            "json",
        ],
    );
    assert_eq!(plain.code, 1, "{}", plain.stderr);
    let expected: Vec<_> = findings(&plain).iter().map(gist).collect();
    assert_eq!(expected.len(), 1, "{}", plain.stdout);
    assert_eq!(expected[0].4, ["2026-04-01-first.md"]);
    let second = abs("desk/2026-04-02-second.md");
    let desk_abs = abs("desk");
    let cases: Vec<(&std::path::Path, Vec<&str>, &str)> = vec![
        (
            root,
            vec!["./desk/2026-04-02-second.md", "--against", "desk"],
            "./desk/2026-04-02-second.md",
        ),
        (
            root,
            vec!["desk/2026-04-02-second.md", "--against", "./desk/"],
            "desk/2026-04-02-second.md",
        ),
        (
            root,
            vec!["desk/2026-04-02-second.md", "--against", &desk_abs],
            "desk/2026-04-02-second.md",
        ),
        (root, vec![&second, "--against", &desk_abs], &second),
        (root, vec![&second, "--against", "desk/../desk"], &second),
    ];
    let in_desk = root.join("desk");
    let mut cases = cases;
    cases.push((
        &in_desk,
        vec!["2026-04-02-second.md", "--against", "."],
        "2026-04-02-second.md",
    ));
    cases.push((
        &in_desk,
        vec!["./2026-04-02-second.md", "--against", "../desk"],
        "./2026-04-02-second.md",
    ));
    for (dir, args, shown) in cases {
        let mut argv = vec!["check"];
        argv.extend(&args);
        argv.extend(["--format", "json"]);
        let out = claimcheck(dir, &argv);
        assert_eq!(out.code, 1, "{argv:?}: {}", out.stderr);
        let found = findings(&out);
        let got: Vec<_> = found.iter().map(gist).collect();
        assert_eq!(got, expected, "{argv:?}");
        // The path stays as given on the command line.
        assert_eq!(found[0]["path"], shown, "{argv:?}");
    }
}

#[test]
fn a_namesake_in_another_folder_is_still_coverage() {
    let t = Tree::new();
    t.write("desk/2026-04-02-second.md", SECOND)
        .write("archive/2026-04-02-second.md", FIRST);
    let out = claimcheck(
        &t.path().join("desk"),
        &[
            "check",
            "2026-04-02-second.md",
            "--against",
            "../archive",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(findings(&out).len(), 1, "{}", out.stdout);
}

#[test]
fn articles_checked_together_are_compared_with_each_other() {
    let t = desk();
    t.write(
        "desk/2026-04-02-same-day.md",
        &SECOND.replace("more than 200", "about 90"),
    );
    for args in [
        &["check", "desk", "--against", "desk", "--format", "json"][..],
        &["check", "desk", "--format", "json"][..],
    ] {
        let out = claimcheck(t.path(), args);
        assert_eq!(out.code, 1, "{args:?}: {}", out.stderr);
        let found = findings(&out);
        assert_eq!(found.len(), 3, "{args:?}: {}", out.stdout);
        for f in &found {
            for e in f["evidence"].as_array().unwrap() {
                let date = e["published"].as_str().unwrap();
                let mine = &f["path"].as_str().unwrap()[5..15];
                let relation = match date.cmp(mine) {
                    std::cmp::Ordering::Less => "earlier",
                    std::cmp::Ordering::Equal => "same-day",
                    std::cmp::Ordering::Greater => "later",
                };
                assert_eq!(e["relation"], relation, "{f}");
            }
        }
        // The earliest article is contradicted only by later coverage: a note.
        let first = found
            .iter()
            .find(|f| f["path"] == "desk/2026-04-01-first.md")
            .unwrap();
        assert_eq!(first["severity"], "note", "{first}");
    }
    let text = claimcheck(t.path(), &["check", "desk"]).stdout;
    assert!(
        text.contains("note: later coverage (2026-04-02): "),
        "{text}"
    );
    assert!(
        text.contains("note: same-day coverage (2026-04-02): "),
        "{text}"
    );
    assert!(
        text.contains("note: earlier coverage (2026-04-01): "),
        "{text}"
    );
    for format in ["github", "junit", "rdjsonl", "sarif"] {
        let out = claimcheck(t.path(), &["check", "desk", "--format", format]).stdout;
        assert!(
            out.contains("(later coverage, 2026-04-02)"),
            "{format}: {out}"
        );
        assert!(
            out.contains("(earlier coverage, 2026-04-01)"),
            "{format}: {out}"
        );
    }
}

#[test]
fn a_config_driven_run_compares_the_drafts() {
    let t = desk();
    t.write("claimcheck.yaml", "include: [\"desk/**\"]\n");
    let out = claimcheck(t.path(), &["check", "--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(findings(&out).len(), 2, "{}", out.stdout);
}

#[test]
fn an_unreadable_publication_date_is_an_error_with_its_line() {
    let t = Tree::new();
    t.write("a.md", "---\ntitle: Ridge\npublished: April 2, 2026\n---\n\nWardens said 120 hikers were stranded.\n");
    for extra in [&[][..], &["--published", "2026-04-02"][..]] {
        let mut args = vec!["check", "a.md"];
        args.extend(extra);
        let out = claimcheck(t.path(), &args);
        assert_eq!(out.code, 2, "{args:?}");
        assert!(out.stderr.contains("a.md:3:"), "{}", out.stderr);
        assert!(out.stderr.contains("'April 2, 2026'"), "{}", out.stderr);
    }
}

#[test]
fn metadata_dates_in_the_accepted_shapes_date_the_evidence() {
    let t = Tree::new();
    t.write("draft.md", SECOND)
        .write("cov/jekyll.md", &FIRST.replace("published: 2026-04-01", "date: 2026-04-01 09:30:00 +0100\nlayout: post\npublisd: typo"))
        .write(
            "cov/page.html",
            "<html><head><meta property=\"article:published_time\" content=\"Fri, 03 Apr 2026 08:00:00 +0000\"></head>\n<body><p>Wardens said 120 hikers were stranded on the moor.</p></body></html>\n",
        );
    let out = claimcheck(
        t.path(),
        &["check", "draft.md", "--against", "cov", "--format", "json"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    let found = findings(&out);
    let dates: Vec<(&str, &str)> = found[0]["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["published"].as_str().unwrap(),
                e["relation"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(dates, [("2026-04-01", "earlier"), ("2026-04-03", "later")]);
}

#[test]
fn undated_articles_are_warned_about_once() {
    let t = Tree::new();
    let undated = "Wardens said 120 hikers were stranded on the moor.\n";
    t.write("draft.md", undated);
    for i in 0..5 {
        t.write(&format!("cov/{i}.md"), undated);
    }
    let out = claimcheck(t.path(), &["check", "draft.md", "--against", "cov"]);
    let warnings: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("warning"))
        .collect();
    assert_eq!(warnings.len(), 2, "{}", out.stderr);
    assert!(
        warnings[0].contains("draft.md: no publication date"),
        "{}",
        out.stderr
    );
    assert!(warnings[0].contains("--published"), "{}", out.stderr);
    assert!(warnings[1].contains("5 coverage file(s)"), "{}", out.stderr);
    assert!(
        warnings[1].contains("cov/0.md, cov/1.md, cov/2.md and 2 more"),
        "{}",
        out.stderr
    );
    // --published dates them all: no warning.
    let out = claimcheck(
        t.path(),
        &[
            "check",
            "draft.md",
            "--against",
            "cov",
            "--published",
            "2026-04-02",
        ],
    );
    assert!(!out.stderr.contains("warning"), "{}", out.stderr);
}

#[test]
fn checks_are_switched_off_by_select_and_ignore() {
    let t = desk();
    let codes = |dir: &std::path::Path, args: &[&str]| -> (i32, Vec<String>) {
        let mut argv = vec!["check", "desk/2026-04-02-second.md", "--against", "desk"];
        argv.extend(args);
        argv.extend(["--format", "json"]);
        let out = claimcheck(dir, &argv);
        let found = findings(&out);
        let codes = found.iter().map(|f| f["code"].as_str().unwrap().to_owned());
        (out.code, codes.collect())
    };
    assert_eq!(codes(t.path(), &[]), (1, vec!["CC101".to_owned()]));
    // CC106 found the same claim; merged into CC101's finding until then.
    assert_eq!(
        codes(t.path(), &["--ignore", "count-conflict"]),
        (1, vec!["CC106".to_owned()])
    );
    assert_eq!(
        codes(t.path(), &["--ignore", "count-conflict,context-conflict"]),
        (0, vec![])
    );
    assert_eq!(
        codes(t.path(), &["--ignore", "CC106", "--ignore", "cc101"]),
        (0, vec![])
    );
    assert_eq!(codes(t.path(), &["--select", "CC001,CC102"]), (0, vec![]));
    assert_eq!(
        codes(t.path(), &["--select", "CC101", "--ignore", "CC101"]),
        (0, vec![])
    );
    // The file's ignore; a --select on the command line replaces it.
    t.write("claimcheck.yaml", "ignore: [count-conflict, CC106]\n");
    assert_eq!(codes(t.path(), &[]), (0, vec![]));
    assert_eq!(codes(t.path(), &["--select", "CC101"]).1, ["CC101"]);
    // An override's ignore applies to its files only.
    t.write(
        "claimcheck.yaml",
        "overrides:\n  - files: \"desk/2026-04-02-*\"\n    ignore: [CC101, CC106]\n",
    );
    assert_eq!(codes(t.path(), &[]), (0, vec![]));
    let shown = claimcheck(t.path(), &["config", "--ignore", "CC005"]).stdout;
    assert!(shown.contains("ignore: [CC005]  # command line"), "{shown}");
}

#[test]
fn an_unknown_check_is_refused_with_its_position() {
    let t = desk();
    let out = claimcheck(
        t.path(),
        &["check", "desk", "--ignore", "CC101,count-confict"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown check 'count-confict'"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--ignore"), "{}", out.stderr);
    t.write(
        "claimcheck.yaml",
        "window: 2\nselect:\n  - CC101\n  - CC1O1\n",
    );
    let out = claimcheck(t.path(), &["check", "desk"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("claimcheck.yaml:4:5: unknown check 'CC1O1' in `select`"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_missing_input_is_not_followed_by_a_clean_count() {
    let t = desk();
    let out = claimcheck(t.path(), &["check", "nosuch.md"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("nosuch.md: no such file"),
        "{}",
        out.stderr
    );
    assert!(!out.stdout.contains("error(s)"), "{}", out.stdout);
    let out = claimcheck(t.path(), &["check", "desk", "nosuch.md"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.contains("warning[CC101]"), "{}", out.stdout);
    assert!(!out.stdout.contains("error(s)"), "{}", out.stdout);
}

#[test]
fn config_prints_a_config_file_that_reads_back_the_same() {
    let t = desk();
    t.write(
        "claimcheck.yaml",
        "rules: []\nagainst: [desk]\nwindow: 3\npublished: 2026-04-01T08:00:00Z\ninclude: [\"desk/**\"]\nexclude: [\"*.txt\"]\nselect: [CC101, context-conflict]\nignore: [CC106]\noverrides:\n  - files: \"desk/2026-04-02-*\"\n    fail-on: error\n    ignore: [CC101]\n  - files: [a, b]\n",
    );
    let shown = claimcheck(t.path(), &["config"]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(
        !shown.stdout.lines().any(|l| l.starts_with("files:")),
        "{}",
        shown.stdout
    );
    t.write("copy.yaml", &shown.stdout);
    let again = claimcheck(t.path(), &["config", "--config", "copy.yaml"]);
    assert_eq!(again.code, 0, "{}\n{}", again.stderr, shown.stdout);
    let settings = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split("  #").next().unwrap().to_owned())
            .collect()
    };
    assert_eq!(settings(&again.stdout), settings(&shown.stdout));
}
