//! `claimcheck rules check` on rule files, valid and broken: what editors
//! see on stdout and stderr, and the exit status (0 valid, 2 invalid).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// A run of `claimcheck rules check --rules PATHS...`.
struct Run {
    status: i32,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

fn rules_check(paths: &[&Path]) -> Run {
    let start = Instant::now();
    let out: Output = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["rules", "check", "--rules"])
        .args(paths)
        .output()
        .expect("run claimcheck");
    Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        elapsed: start.elapsed(),
    }
}

fn write(dir: &TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write fixture");
    path
}

/// Run on one file holding `yaml`; expect exit 2 and an error that starts
/// with `file:line:column:` and contains `needle`.
fn assert_rejected(yaml: &str, line: usize, column: usize, needle: &str) {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "rules.yaml", yaml);
    let run = rules_check(&[&path]);
    assert_eq!(
        run.status, 2,
        "stdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    let prefix = format!("{}:{line}:{column}: ", path.display());
    assert!(
        run.stderr.starts_with(&prefix),
        "want {prefix}, got: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains(needle),
        "want {needle:?} in: {}",
        run.stderr
    );
}

const VALID: &str = "\
entities:
  - name: Ana Lopez
    aliases: [Lopez]
    roles:
      - title: Mayor
        org: Springfield
        from: 2021-01-04
facts:
  - id: shelter-beds
    noun: bed
    values:
      - value: 420
        until: 2025-03-31
      - min: 450
        max: 480
        from: 2025-04-01
events:
  - id: bridge-reopening
    words: [reopening, reopened]
    date: 2025-06-14
quotes:
  - id: lopez-bridge
    speaker: Lopez
    text: The bridge is open.
";

#[test]
fn valid_file_is_listed_and_exits_zero() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "city.yaml", VALID);
    let run = rules_check(&[&path]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    for want in [
        "Ana Lopez (person), also Lopez",
        "Mayor, Springfield: from 2021-01-04",
        "shelter-beds",
        "420: until 2025-03-31",
        "450 to 480: from 2025-04-01",
        "reopening, reopened: on 2025-06-14",
        "lopez-bridge: Ana Lopez",
        "\"The bridge is open.\"",
    ] {
        assert!(
            run.stdout.contains(want),
            "want {want:?} in:\n{}",
            run.stdout
        );
    }
}

#[test]
fn malformed_yaml_is_rejected_with_its_position() {
    assert_rejected("facts:\n  - id: \"unclosed\n    noun: bed\n", 2, 9, "quote");
}

#[test]
fn unknown_key_is_rejected_naming_the_key() {
    assert_rejected(
        "facts:\n  - id: beds\n    nouns: bed\n    values: []\n",
        3,
        5,
        "unknown key `nouns`",
    );
}

#[test]
fn impossible_date_is_rejected_naming_the_rule() {
    assert_rejected(
        "events:\n  - id: fire\n    words: fire\n    date: 2025-02-30\n",
        4,
        11,
        "event 'fire': `date` 2025-02-30",
    );
}

#[test]
fn duplicate_id_in_one_file_is_rejected_naming_both_places() {
    let yaml = "events:\n  - id: fire\n    words: fire\n    date: 2025-01-01\n  - id: fire\n    words: blaze\n    date: 2025-01-02\n";
    assert_rejected(yaml, 5, 5, "duplicate id 'fire': already defined at ");
    assert_rejected(yaml, 5, 5, "rules.yaml:2:5");
}

#[test]
fn duplicate_id_across_files_of_a_folder_names_both_files() {
    let dir = TempDir::new().unwrap();
    let quote = "quotes:\n  - id: q1\n    speaker: Ana\n    text: Hello.\n";
    let first = write(&dir, "a.yaml", quote);
    let second = write(&dir, "b.yml", quote);
    let run = rules_check(&[dir.path()]);
    assert_eq!(run.status, 2);
    let want = format!("{}:2:5: duplicate id 'q1'", second.display());
    assert!(run.stderr.starts_with(&want), "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("{}:2:5", first.display())),
        "{}",
        run.stderr
    );
}

#[test]
fn overlapping_values_are_rejected_naming_the_fact_and_both_lines() {
    assert_rejected(
        "facts:\n  - id: beds\n    noun: bed\n    values:\n      - value: 1\n        from: 2025-01-01\n      - value: 2\n        from: 2024-06-01\n        until: 2025-01-01\n",
        7,
        9,
        "fact 'beds': the value at line 7 overlaps the value at line 5",
    );
}

#[test]
fn quote_speaker_naming_no_entity_is_rejected() {
    let yaml = VALID.replace("speaker: Lopez", "speaker: Lopes");
    assert_rejected(&yaml, 22, 5, "'Lopes' names no entity");
}

#[test]
fn alias_bomb_is_refused_quickly_naming_the_file() {
    let mut bomb =
        String::from("entities:\n  - name: x\n    aliases: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        bomb.push_str(&format!("  - name: x{i}\n    aliases: &a{i} [{refs}]\n"));
    }
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "bomb.yaml", &bomb);
    let run = rules_check(&[&path]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.starts_with(&format!("{}:", path.display())),
        "{}",
        run.stderr
    );
    // Hang detection, not a speed test.
    assert!(run.elapsed < Duration::from_secs(5), "{:?}", run.elapsed);
}

#[test]
fn deep_nesting_is_refused_quickly_naming_the_file() {
    let deep = format!("facts: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "deep.yaml", &deep);
    let run = rules_check(&[&path]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.starts_with(&format!("{}:1:", path.display())),
        "{}",
        run.stderr
    );
    assert!(run.elapsed < Duration::from_secs(5), "{:?}", run.elapsed);
}

#[test]
fn folder_is_read_in_name_order_as_one_set() {
    let dir = TempDir::new().unwrap();
    std::fs::create_dir(dir.path().join("people")).unwrap();
    write(&dir, "people/ana.yaml", "entities:\n  - name: Ana\n");
    write(
        &dir,
        "b-quotes.yml",
        "quotes:\n  - id: q\n    speaker: Ana\n    text: Hi.\n",
    );
    write(&dir, "notes.md", "not a rule file");
    let run = rules_check(&[dir.path()]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let b = run.stdout.find("b-quotes.yml").unwrap();
    let p = run.stdout.find("ana.yaml").unwrap();
    assert!(b < p, "{}", run.stdout);
    assert!(!run.stdout.contains("notes.md"), "{}", run.stdout);
}

#[test]
fn folder_without_rule_files_is_an_error() {
    let dir = TempDir::new().unwrap();
    write(&dir, "notes.md", "no rules here");
    let run = rules_check(&[dir.path()]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("no rule files found"), "{}", run.stderr);
}

#[test]
fn missing_path_is_an_error() {
    let dir = TempDir::new().unwrap();
    let run = rules_check(&[&dir.path().join("nope.yaml")]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("no such file or directory"),
        "{}",
        run.stderr
    );
}

/// The shipped `rules/` folder must load, whatever rule files it holds.
#[test]
fn shipped_rule_files_are_valid() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let run = rules_check(&[&dir]);
    let empty = run.stderr.contains("no rule files found");
    assert!(run.status == 0 || empty, "{}", run.stderr);
}

/// Every YAML example in `rules/README.md` is a valid rule file.
#[test]
fn readme_examples_are_valid_rule_files() {
    let readme = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/README.md");
    let text = std::fs::read_to_string(readme).unwrap();
    let blocks: Vec<&str> = text
        .split("```yaml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap_or(""))
        .collect();
    assert!(!blocks.is_empty(), "no yaml example in rules/README.md");
    let dir = TempDir::new().unwrap();
    for (i, block) in blocks.iter().enumerate() {
        let path = write(&dir, &format!("example{i}.yaml"), block);
        let run = rules_check(&[&path]);
        assert_eq!(run.status, 0, "example {i}: {}", run.stderr);
    }
}
