//! The config file end to end: upward discovery, `--config`, per-path
//! overrides, include/exclude, strict keys, and `claimcheck config`.

use crate::ci_formats::{claimcheck, Tree, UNUSED_MD};

#[test]
fn config_is_found_upward_and_its_fail_on_applies() {
    let t = Tree::new();
    t.write("claimcheck.yaml", "fail-on: error\n")
        .write("desk/a.md", UNUSED_MD);
    let desk = t.path().join("desk");
    // CC901 is a warning: it fails by default, not under `fail-on: error`.
    assert_eq!(claimcheck(&desk, &["check", "a.md"]).code, 0);
    assert_eq!(
        claimcheck(&desk, &["check", "a.md", "--fail-on", "warning"]).code,
        1
    );
    let shown = claimcheck(&desk, &["config"]).stdout;
    assert!(shown.contains("config-file: ../claimcheck.yaml"), "{shown}");
    assert!(
        shown.contains("fail-on: error  # ../claimcheck.yaml"),
        "{shown}"
    );
    assert!(shown.contains("window: 2  # default"), "{shown}");
}

#[test]
fn dot_claimcheck_yaml_is_found_too() {
    let t = Tree::new();
    t.write(".claimcheck.yaml", "window: 7\n");
    let shown = claimcheck(t.path(), &["config", "--fail-on", "note"]).stdout;
    assert!(shown.contains("window: 7  # .claimcheck.yaml"), "{shown}");
    assert!(shown.contains("fail-on: note  # command line"), "{shown}");
}

#[test]
fn config_flag_overrides_discovery() {
    let t = Tree::new();
    t.write("claimcheck.yaml", "fail-on: error\n")
        .write("ci/strict.yaml", "fail-on: note\n")
        .write("a.md", UNUSED_MD);
    let shown = claimcheck(t.path(), &["config", "--config", "ci/strict.yaml"]).stdout;
    assert!(shown.contains("fail-on: note  # ci/strict.yaml"), "{shown}");
    assert_eq!(
        claimcheck(t.path(), &["--config", "ci/strict.yaml", "check", "a.md"]).code,
        1
    );
}

#[test]
fn overrides_set_fail_on_per_path() {
    let t = Tree::new();
    t.write(
        "claimcheck.yaml",
        "overrides:\n  - files: \"opinion/**\"\n    fail-on: error\n",
    )
    .write("opinion/col.md", UNUSED_MD)
    .write("news/story.md", UNUSED_MD);
    assert_eq!(claimcheck(t.path(), &["check", "opinion/col.md"]).code, 0);
    assert_eq!(claimcheck(t.path(), &["check", "news/story.md"]).code, 1);
}

#[test]
fn include_and_exclude_choose_articles_when_none_are_named() {
    let t = Tree::new();
    t.write(
        "claimcheck.yaml",
        "include: [\"news/**\"]\nexclude: [\"news/drafts/**\"]\n",
    )
    .write("news/story.md", UNUSED_MD)
    .write("news/drafts/d.md", UNUSED_MD)
    .write("blog/post.md", UNUSED_MD);
    let out = claimcheck(t.path(), &["check", "--format", "junit"]);
    assert!(
        out.stdout.contains("name=\"news/story.md\""),
        "{}",
        out.stdout
    );
    assert_eq!(
        out.stdout.matches("<testcase ").count(),
        1,
        "{}",
        out.stdout
    );
}

#[test]
fn unknown_key_exits_2_with_line_and_column() {
    let t = Tree::new();
    t.write("claimcheck.yaml", "rules: []\nfail_on: error\n")
        .write("a.md", UNUSED_MD);
    let out = claimcheck(t.path(), &["check", "a.md"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("claimcheck.yaml:2:1:"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("fail_on"), "{}", out.stderr);
}

#[test]
fn unknown_override_key_exits_2() {
    let t = Tree::new();
    t.write(
        "claimcheck.yaml",
        "overrides:\n  - files: a\n    severity: error\n",
    )
    .write("a.md", UNUSED_MD);
    let out = claimcheck(t.path(), &["check", "a.md"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("claimcheck.yaml:3:"), "{}", out.stderr);
}

#[test]
fn config_paths_are_relative_to_the_config_folder() {
    let t = Tree::new();
    t.write(
        "claimcheck.yaml",
        "rules: [rules]\nagainst: [archive]\nbaseline: ci/baseline.json\n",
    )
    .write("desk/a.md", UNUSED_MD);
    let shown = claimcheck(&t.path().join("desk"), &["config"]).stdout;
    assert!(shown.contains("rules: [../rules]"), "{shown}");
    assert!(shown.contains("against: [../archive]"), "{shown}");
    assert!(shown.contains("baseline: ../ci/baseline.json"), "{shown}");
}

#[test]
fn no_articles_and_no_config_exits_2() {
    let t = Tree::new();
    let out = claimcheck(t.path(), &["check"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no articles given"), "{}", out.stderr);
}

/// Each `key: value` of `claimcheck config`'s output, without the comments
/// saying where a value came from.
fn settings(shown: &str) -> Vec<String> {
    shown
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split("  #").next().unwrap_or(l).trim_end().to_owned())
        .collect()
}

#[test]
fn config_output_is_a_valid_config_file_with_the_same_settings() {
    let t = Tree::new();
    t.write(
        "claimcheck.yaml",
        "rules: [rules]\nagainst: [archive]\nwindow: 5\nmode: article\nfail-on: note\n\
         published: 2026-01-02\ninclude: [\"news/**\"]\nexclude: [\"news/wire/*.txt\"]\n\
         max-file-size: 1000000\ndocs-url: \"https://wiki.example/{code}\"\n\
         select: [CC001, count-conflict]\nignore: [CC106]\n\
         overrides:\n  - files: [\"news/opinion/**\"]\n    fail-on: error\n    ignore: [CC101]\n",
    )
    .write("rules/r.yaml", "")
    .write("archive/a.md", "Old.\n")
    .write("news/a.md", UNUSED_MD);
    let first = claimcheck(t.path(), &["config"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    t.write("claimcheck.yaml", &first.stdout);
    let second = claimcheck(t.path(), &["config"]);
    assert_eq!(second.code, 0, "{}\n{}", second.stderr, first.stdout);
    assert_eq!(settings(&second.stdout), settings(&first.stdout));
    assert!(
        second.stdout.contains("window: 5  # claimcheck.yaml"),
        "{}",
        second.stdout
    );
}
