//! Reading rule files into a [`RuleSet`]: find the files, parse the YAML
//! under a tight budget, and turn parser errors into ours.
//!
//! A folder is walked in sorted order and read as one rule set. Parsing is
//! strict (unknown keys, duplicate keys) and bounded: alias bombs and deep
//! nesting are refused by serde-saphyr's budget within milliseconds. This
//! module does not judge what the rules mean; `convert` and `validate` do.

use super::convert::convert_file;
use super::raw::RawFile;
use super::validate::{check_rule_set, IdIndex};
use super::yaml;
use super::RuleSet;
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Extensions of rule files inside a folder (any case).
const RULE_EXTENSIONS: &[&str] = &["yaml", "yml"];

/// Load every rule file under `paths` (files, or folders of `.yaml`/`.yml`)
/// as one rule set, and check what spans files (shared id namespace,
/// quote speakers naming entities).
pub fn load_rules(paths: &[PathBuf]) -> Result<RuleSet> {
    load_rules_limited(paths, crate::source::DEFAULT_MAX_FILE_SIZE)
}

/// [`load_rules`], refusing any rule file over `max_size` bytes.
pub fn load_rules_limited(paths: &[PathBuf], max_size: u64) -> Result<RuleSet> {
    let mut set = RuleSet::default();
    let mut ids = IdIndex::of(&set);
    for file in collect_rule_paths(paths)? {
        let text = crate::source::read_text_limited(&file, max_size)?;
        parse_rules_into(&file, &text, &mut set, &mut ids)?;
    }
    check_rule_set(&set)?;
    // Compiled once, here: the extractors of every article share it.
    let _ = set.entity_index();
    Ok(set)
}

/// Parse one rule file's text into `set`.
///
/// Ids are checked against the rules already in `set`. Checks that need
/// every file (a quote's speaker must name an entity) run in
/// [`load_rules`]; call [`check_rule_set`] after the last file when using
/// this function directly.
///
/// Each call indexes the ids already in `set`: to load many files, use
/// [`load_rules`], which indexes them once.
pub fn parse_rules(path: &Path, text: &str, set: &mut RuleSet) -> Result<()> {
    let mut ids = IdIndex::of(set);
    parse_rules_into(path, text, set, &mut ids)
}

/// [`parse_rules`] with the index of `set`'s ids kept by the caller.
fn parse_rules_into(path: &Path, text: &str, set: &mut RuleSet, ids: &mut IdIndex) -> Result<()> {
    let raw = parse_yaml(path, text)?;
    convert_file(path, text, raw, set, ids)?;
    set.files.push(path.to_owned());
    Ok(())
}

/// Expand files and folders into rule file paths, sorted within each
/// folder. A folder with no rule file is an error, not a silent skip.
fn collect_rule_paths(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| crate::source::io_error(input, e))?;
        if !meta.is_dir() {
            out.push(input.clone());
            continue;
        }
        let before = out.len();
        // Symlinks are followed (a loop is an error naming it), so a
        // folder of links to rule files loads like a folder of rule files.
        let walk = walkdir::WalkDir::new(input)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walk {
            let entry = entry.map_err(|e| crate::source::walk_error(input, e))?;
            if !is_rule_path(entry.path()) || entry.file_type().is_dir() {
                continue;
            }
            if !entry.file_type().is_file() {
                return Err(Error::NotRegular {
                    kind: crate::source::read::file_kind(&entry.file_type()),
                    path: entry.into_path(),
                });
            }
            out.push(entry.into_path());
        }
        if out.len() == before {
            return Err(Error::NoRules {
                path: input.clone(),
            });
        }
    }
    Ok(out)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

fn is_rule_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| RULE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Parse YAML text into the raw structs, strictly and within budget.
fn parse_yaml(path: &Path, text: &str) -> Result<RawFile> {
    yaml::parse_yaml::<RawFile>(text).map_err(|e| Error::Rule {
        path: path.to_owned(),
        line: e.line,
        column: e.column,
        message: e.message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_err(yaml: &str) -> (usize, usize, String) {
        let mut set = RuleSet::default();
        match parse_rules(Path::new("r.yaml"), yaml, &mut set) {
            Err(Error::Rule {
                line,
                column,
                message,
                ..
            }) => (line, column, message),
            other => panic!("expected a rule error, got {other:?}"),
        }
    }

    #[test]
    fn unknown_top_level_key_is_named_with_its_position() {
        let (line, column, msg) = parse_err("entities: []\nfactz: []\n");
        assert_eq!((line, column), (2, 1));
        assert!(msg.contains("unknown key `factz`"), "{msg}");
    }

    #[test]
    fn unknown_key_inside_a_role_is_an_error() {
        let yaml = "entities:\n  - name: A B\n    roles:\n      - title: Mayor\n        form: 2020-01-01\n";
        let (line, _, msg) = parse_err(yaml);
        assert_eq!(line, 5);
        assert!(msg.contains("`form`"), "{msg}");
    }

    #[test]
    fn malformed_yaml_reports_a_position() {
        let (line, _, msg) = parse_err("facts:\n  - id: [unclosed\n");
        assert!(line >= 2, "{line} {msg}");
        assert!(!msg.is_empty());
    }

    #[test]
    fn duplicate_key_is_an_error() {
        let (line, _, msg) = parse_err("facts: []\nfacts: []\n");
        assert_eq!(line, 2);
        assert!(msg.contains("facts"), "{msg}");
    }

    #[test]
    fn missing_required_key_is_named() {
        let (_, _, msg) = parse_err("facts:\n  - id: x\n    values: []\n");
        assert!(msg.contains("`noun`"), "{msg}");
    }

    #[test]
    fn empty_and_comment_only_files_define_nothing() {
        let mut set = RuleSet::default();
        parse_rules(Path::new("a.yaml"), "", &mut set).unwrap();
        parse_rules(Path::new("b.yaml"), "# nothing yet\n\n", &mut set).unwrap();
        assert!(set.is_empty());
        assert_eq!(set.files.len(), 2);
    }

    /// The classic "billion laughs": ten anchors, each ten of the last.
    fn alias_bomb(key_prefix: &str) -> String {
        let mut yaml = format!("{key_prefix}a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let p = format!("*a{}", i - 1);
            let refs = vec![p; 10].join(", ");
            yaml.push_str(&format!("{key_prefix}a{i}: &a{i} [{refs}]\n"));
        }
        yaml
    }

    #[test]
    fn alias_bomb_at_the_top_level_is_an_error() {
        let (line, _, msg) = parse_err(&alias_bomb(""));
        assert!(line > 0, "{msg}");
    }

    #[test]
    fn alias_bomb_in_a_rule_file_is_an_error() {
        let yaml = format!(
            "entities:\n  - name: x\n    aliases:\n{}",
            alias_bomb("      - ")
        );
        let (line, _, msg) = parse_err(&yaml);
        assert!(line > 0, "{msg}");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let yaml = format!("entities: {}{}\n", "[".repeat(5000), "]".repeat(5000));
        let (line, _, msg) = parse_err(&yaml);
        assert_eq!(line, 1);
        assert!(msg.contains("refused"), "{msg}");
    }

    #[test]
    fn rule_paths_match_yaml_extensions_in_any_case() {
        assert!(is_rule_path(Path::new("a/b.yaml")));
        assert!(is_rule_path(Path::new("b.YML")));
        assert!(!is_rule_path(Path::new("b.md")));
    }

    proptest::proptest! {
        #[test]
        fn any_text_loads_or_errors_without_panic(text in "\\PC{0,200}") {
            let _ = parse_rules(Path::new("p.yaml"), &text, &mut RuleSet::default());
        }

        #[test]
        fn yaml_shaped_text_loads_or_errors_without_panic(
            text in "(facts|events|quotes|entities|  - id|    noun|    values|      - value|        from|: |\\[|\\]|&a|\\*a|2025-0[0-9]-[0-3][0-9]|[a-z0-9 ]|\n){0,60}"
        ) {
            let _ = parse_rules(Path::new("p.yaml"), &text, &mut RuleSet::default());
        }
    }
}
