//! The claim index end to end: built from an archive, checked against,
//! updated, refused when of another version, left whole by a failed
//! write; and the same findings as the files it was built from.

use crate::ci_formats::{claimcheck, Out, Tree};
use serde_json::Value;

const GAZETTE: &str = include_str!("fixtures/story/articles/2026-05-12-harbour-gazette.md");
const COURIER: &str = include_str!("fixtures/story/articles/2026-05-13-coast-courier.md");
const POST: &str = include_str!("fixtures/story/articles/2026-05-14-island-post.md");
const DRAFT: &str = include_str!("fixtures/story/articles/2026-05-15-draft.md");

/// Months before the story: outside any window, so the index must find it
/// by its quotation key.
const EARLIER_QUOTE: &str = "---\npublished: 2026-01-20\n---\n\n\
    \"We will not determine the cause until the divers have finished their work,\" \
    said Coastguard Commander Alma Pike after an earlier grounding.\n";

/// Nothing in common with the draft: never loaded for it.
const UNRELATED: &str = "---\npublished: 2025-11-02\n---\n\n\
    The orchard festival drew 3,400 visitors to Brackenford on Saturday.\n";

fn archive() -> Tree {
    let t = Tree::new();
    t.write("archive/2026-05-12-gazette.md", GAZETTE)
        .write("archive/2026-05-13-courier.md", COURIER)
        .write("archive/2026-05-14-post.md", POST)
        .write("archive/older/2026-01-20-pike.md", EARLIER_QUOTE)
        .write("archive/older/2025-11-02-orchard.md", UNRELATED)
        .write("drafts/2026-05-15-draft.md", DRAFT)
        .write("rules.yaml", include_str!("fixtures/story/rules.yaml"));
    t
}

fn build(t: &Tree, extra: &[&str]) -> Out {
    let mut args = vec!["index", "build", "archive", "--out", "cov.db"];
    args.extend_from_slice(extra);
    claimcheck(t.path(), &args)
}

fn check(t: &Tree, coverage: &[&str], extra: &[&str]) -> Out {
    let mut args = vec!["check", "drafts/2026-05-15-draft.md", "--format", "json"];
    args.extend_from_slice(coverage);
    args.extend_from_slice(extra);
    claimcheck(t.path(), &args)
}

fn codes(out: &Out) -> Vec<String> {
    let v: Value = serde_json::from_str(&out.stdout).expect(&out.stdout);
    v["findings"]
        .as_array()
        .expect("an array of findings")
        .iter()
        .map(|f| f["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn findings_against_an_index_are_those_against_its_files() {
    let t = archive();
    let b = build(&t, &[]);
    assert_eq!(b.code, 0, "{}", b.stderr);
    assert!(b.stderr.contains("5 added"), "{}", b.stderr);
    let files = check(&t, &["--against", "archive"], &[]);
    let index = check(&t, &["--against-index", "cov.db"], &[]);
    assert_eq!(files.code, 1, "{}", files.stderr);
    assert_eq!(index.code, files.code, "{}", index.stderr);
    assert_eq!(index.stdout, files.stdout);
    // Coverage from the whole archive: the far earlier article is found
    // through its quotation, outside the window.
    assert!(
        files.stdout.contains("2026-01-20-pike.md"),
        "{}",
        files.stdout
    );
    assert!(codes(&files).len() >= 2, "{}", files.stdout);
}

#[test]
fn findings_are_the_same_with_rules_and_from_a_config_file() {
    let t = archive();
    let b = build(&t, &["--rules", "rules.yaml"]);
    assert_eq!(b.code, 0, "{}", b.stderr);
    let files = check(&t, &["--against", "archive"], &["--rules", "rules.yaml"]);
    t.write("claimcheck.yaml", "index: cov.db\nrules: [rules.yaml]\n");
    let index = check(&t, &[], &[]);
    assert_eq!(index.stdout, files.stdout, "{}", index.stderr);
    assert!(
        codes(&files).iter().any(|c| c == "CC001"),
        "{}",
        files.stdout
    );
    assert!(
        !index.stderr.contains("other rule files"),
        "{}",
        index.stderr
    );
}

#[test]
fn an_audit_of_an_index_is_the_audit_of_its_files() {
    let t = archive();
    assert_eq!(build(&t, &[]).code, 0);
    let files = claimcheck(t.path(), &["audit", "archive", "--format", "json"]);
    let index = claimcheck(
        t.path(),
        &["audit", "--index", "cov.db", "--format", "json"],
    );
    assert_eq!(files.code, 0, "{}", files.stderr);
    assert_eq!(index.stdout, files.stdout, "{}", index.stderr);
}

/// Run `index update` on `cov.db`: it succeeds and reports `summary`.
fn update_says(t: &Tree, summary: &str) {
    let u = claimcheck(t.path(), &["index", "update", "cov.db"]);
    assert_eq!(u.code, 0, "{}", u.stderr);
    assert!(u.stderr.contains(summary), "{}", u.stderr);
}

/// Change the archive of [`archive`] after its build: the courier gives
/// another figure (changed), a radio report comes (added), the island
/// post goes (deleted).
fn change_add_delete(t: &Tree) {
    t.write(
        "archive/2026-05-13-courier.md",
        &COURIER.replace("rose to 15", "rose to 19"),
    );
    t.write(
        "archive/2026-05-14-radio.md",
        "---\npublished: 2026-05-14\n---\n\nLifeboats rescued 212 passengers, and 17 people were injured.\n",
    );
    std::fs::remove_file(t.path().join("archive/2026-05-14-post.md")).unwrap();
}

#[test]
fn update_extracts_changed_and_new_files_and_drops_deleted_ones() {
    let t = archive();
    assert_eq!(build(&t, &[]).code, 0);
    change_add_delete(&t);
    update_says(&t, "1 added, 1 changed, 1 removed, 3 unchanged");
    let files = check(&t, &["--against", "archive"], &[]);
    let index = check(&t, &["--against-index", "cov.db"], &[]);
    assert_eq!(index.stdout, files.stdout, "{}", index.stderr);
    assert!(
        files.stdout.contains("2026-05-14-radio.md"),
        "{}",
        files.stdout
    );
    assert!(
        !index.stdout.contains("2026-05-14-post.md"),
        "{}",
        index.stdout
    );
    // Nothing changed since: nothing extracted again.
    update_says(&t, "0 added, 0 changed, 0 removed, 5 unchanged");
}

/// Every key row of the index at `db`, by the path of its article (none
/// when a row's article is gone), in order.
fn key_rows(db: &std::path::Path) -> Vec<(i64, i64, Option<String>)> {
    let db = rusqlite::Connection::open(db).unwrap();
    let mut st = db
        .prepare(
            "SELECT k.key, k.published, a.path FROM key k LEFT JOIN article a USING (aid)
             ORDER BY 1, 2, 3",
        )
        .unwrap();
    let rows = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

#[test]
fn an_update_leaves_the_key_rows_a_new_build_would_write() {
    let t = archive();
    assert_eq!(build(&t, &[]).code, 0);
    // Changed (a quotation reworded, a figure changed), added and deleted:
    // the rows of the changed and the deleted articles are found from
    // their stored claims and removed, none left behind.
    change_add_delete(&t);
    t.write(
        "archive/older/2026-01-20-pike.md",
        &EARLIER_QUOTE.replace("the divers have finished", "every diver has finished"),
    );
    std::fs::remove_file(t.path().join("archive/older/2025-11-02-orchard.md")).unwrap();
    let before = key_rows(&t.path().join("cov.db"));
    update_says(&t, "1 added, 2 changed, 2 removed, 1 unchanged");
    let fresh = claimcheck(
        t.path(),
        &["index", "build", "archive", "--out", "fresh.db"],
    );
    assert_eq!(fresh.code, 0, "{}", fresh.stderr);
    let updated = key_rows(&t.path().join("cov.db"));
    assert_ne!(updated, before);
    assert!(updated.iter().all(|(_, _, path)| path.is_some()));
    assert_eq!(updated, key_rows(&t.path().join("fresh.db")));
}

#[test]
fn an_index_of_another_schema_version_is_refused() {
    let t = archive();
    assert_eq!(build(&t, &[]).code, 0);
    let db = rusqlite::Connection::open(t.path().join("cov.db")).unwrap();
    db.pragma_update(None, "user_version", 99).unwrap();
    drop(db);
    for args in [
        &[
            "check",
            "drafts/2026-05-15-draft.md",
            "--against-index",
            "cov.db",
        ][..],
        &["audit", "--index", "cov.db"],
        &["index", "update", "cov.db"],
    ] {
        let out = claimcheck(t.path(), args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stdout);
        assert!(
            out.stderr
                .contains("cov.db: claim index of schema version 99")
                && out
                    .stderr
                    .contains("rebuild it with `claimcheck index build`"),
            "{args:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn a_file_that_is_not_an_index_is_refused() {
    let t = archive();
    t.write("notes.db", "just some notes, not a database\n");
    let out = check(&t, &["--against-index", "notes.db"], &[]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("notes.db: not a claimcheck index"),
        "{}",
        out.stderr
    );
    let missing = check(&t, &["--against-index", "missing.db"], &[]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("missing.db"), "{}", missing.stderr);
}

#[test]
fn a_failed_update_leaves_the_previous_index_usable() {
    let t = archive();
    assert_eq!(build(&t, &[]).code, 0);
    let before = check(&t, &["--against-index", "cov.db"], &[]);
    let bytes = std::fs::read(t.path().join("cov.db")).unwrap();
    // One file changed, and one that cannot be read: the update stops
    // after extracting the first, and writes none of it.
    t.write(
        "archive/2026-05-13-courier.md",
        &COURIER.replace("rose to 15", "rose to 19"),
    );
    t.write(
        "archive/zz-bad.md",
        "---\npublished: the day after tomorrow\n---\n\n12 boats.\n",
    );
    let u = claimcheck(t.path(), &["index", "update", "cov.db"]);
    assert_eq!(u.code, 2);
    assert!(u.stderr.contains("zz-bad.md"), "{}", u.stderr);
    assert_eq!(std::fs::read(t.path().join("cov.db")).unwrap(), bytes);
    let after = check(&t, &["--against-index", "cov.db"], &[]);
    assert_eq!(after.stdout, before.stdout, "{}", after.stderr);
}

#[test]
fn a_failed_build_writes_nothing_and_keeps_the_old_index() {
    let t = archive();
    assert_eq!(build(&t, &[]).code, 0);
    let bytes = std::fs::read(t.path().join("cov.db")).unwrap();
    t.write(
        "archive/zz-bad.md",
        "---\npublished: someday\n---\n\nText.\n",
    );
    let b = build(&t, &[]);
    assert_eq!(b.code, 2);
    assert!(b.stderr.contains("zz-bad.md"), "{}", b.stderr);
    assert_eq!(std::fs::read(t.path().join("cov.db")).unwrap(), bytes);
    let left: Vec<_> = std::fs::read_dir(t.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("claimcheck-index"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

/// The temporary files of builds in `dir`.
fn temps(dir: &std::path::Path) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".claimcheck-index-") && n.ends_with(".tmp"))
        .collect();
    found.sort();
    found
}

#[test]
fn a_killed_build_leaves_a_temporary_file_the_next_build_removes() {
    let t = archive();
    // Enough articles that the build is still running when it is killed.
    for i in 0..300 {
        t.write(&format!("archive/bulk/{i:03}.md"), COURIER);
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(t.path())
        .args(["index", "build", "archive", "--out", "cov.db"])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while temps(t.path()).is_empty() && started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(temps(t.path()).len(), 1, "the killed build's file");
    assert!(!t.path().join("cov.db").exists());
    let b = build(&t, &[]);
    assert_eq!(b.code, 0, "{}", b.stderr);
    assert!(temps(t.path()).is_empty(), "{:?}", temps(t.path()));
    assert!(check(&t, &["--against-index", "cov.db"], &[]).code < 2);
}

#[test]
fn build_and_update_remove_stale_temporary_files_but_not_those_in_use() {
    let t = archive();
    t.write("out/.claimcheck-index-left1.tmp", "half an index")
        .write("out/.claimcheck-index-left2.tmp", "")
        .write("out/claimcheck-index-notes.tmp", "not of our naming")
        .write("out/.claimcheck-index-notes.txt", "not of our naming");
    // A build in progress holds its file locked from its first write.
    let busy = rusqlite::Connection::open(t.path().join("out/.claimcheck-index-busy.tmp")).unwrap();
    busy.execute_batch("PRAGMA locking_mode = EXCLUSIVE; CREATE TABLE t (x);")
        .unwrap();
    let b = claimcheck(
        t.path(),
        &["index", "build", "archive", "--out", "out/cov.db"],
    );
    assert_eq!(b.code, 0, "{}", b.stderr);
    assert_eq!(temps(&t.path().join("out")), [".claimcheck-index-busy.tmp"]);
    assert!(t.path().join("out/claimcheck-index-notes.tmp").exists());
    assert!(t.path().join("out/.claimcheck-index-notes.txt").exists());
    // Once the build holding it is gone, the next update removes it.
    drop(busy);
    t.write("out/.claimcheck-index-left3.tmp", "");
    let u = claimcheck(t.path(), &["index", "update", "out/cov.db"]);
    assert_eq!(u.code, 0, "{}", u.stderr);
    assert!(temps(&t.path().join("out")).is_empty());
}

#[test]
fn extract_writes_claims_with_their_keys_as_json_lines() {
    let t = archive();
    let out = claimcheck(
        t.path(),
        &["extract", "archive", "--format", "jsonl", "--keys"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect(l))
        .collect();
    assert!(lines.len() >= 5);
    let count = lines
        .iter()
        .find(|v| v["kind"] == "count" && v["value"] == 212)
        .expect("212 passengers");
    assert_eq!(count["published"], "2026-05-12");
    assert!(
        count["subject"]
            .as_str()
            .is_some_and(|s| s.starts_with("count:")),
        "{count}"
    );
    assert!(count["stems"].as_array().is_some_and(|s| !s.is_empty()));
    let plain = claimcheck(
        t.path(),
        &["extract", "archive", "--format", "text", "--keys"],
    );
    assert_eq!(plain.code, 2, "--keys is for JSON");
}

#[test]
fn an_undated_article_of_the_index_is_coverage_for_a_dated_draft() {
    let t = archive();
    t.write(
        "archive/undated/harbour-notes.md",
        "Lifeboats rescued 230 passengers from the Marisol Star, the harbour office said.\n",
    );
    assert_eq!(build(&t, &[]).code, 0);
    let files = check(&t, &["--against", "archive"], &[]);
    let index = check(&t, &["--against-index", "cov.db"], &[]);
    assert_eq!(index.stdout, files.stdout, "{}", index.stderr);
    assert!(
        files.stdout.contains("harbour-notes.md"),
        "{}",
        files.stdout
    );
}

#[test]
fn a_restatement_is_checked_against_the_indexed_article_it_restates() {
    let t = archive();
    // A same-day rewrite of the courier's report with one figure changed:
    // CC107 needs the whole article it restates, found by its words.
    t.write(
        "drafts/2026-05-15-draft.md",
        &COURIER
            .replace(
                "published: 2026-05-13",
                "published: 2026-05-13\ntitle: rewrite",
            )
            .replace("rose to 15", "rose to 18"),
    );
    assert_eq!(build(&t, &[]).code, 0);
    let files = check(&t, &["--against", "archive"], &[]);
    let index = check(&t, &["--against-index", "cov.db"], &[]);
    assert_eq!(index.stdout, files.stdout, "{}", index.stderr);
    assert!(
        codes(&files).iter().any(|c| c == "CC107"),
        "{}",
        files.stdout
    );
}
