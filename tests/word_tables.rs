//! Every word table searched by bisection is sorted: a binary search over a
//! table that is not sorted fails in silence (CC106 once missed 37 of 40
//! number words that way). The test reads the crate's own source: it finds
//! each bisection (`is_in_sorted(TABLE, ..)`, `lookup_sorted(TABLE, ..)`,
//! `TABLE.binary_search..`, and `lexicon::dates`'s `lookup(TABLE, ..)` and
//! `contains(TABLE, ..)` in files that import them), then the table's
//! definition, and checks that its keys are in strictly ascending byte
//! order. A new table searched by bisection is covered without being
//! listed anywhere.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn is_table_name(s: &str) -> bool {
    s.len() > 1
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit())
        && s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// The identifier right after `at` (a path like `lex::MONTHS` gives
/// `MONTHS`), with the module path before it.
fn ident_at(src: &str, at: usize) -> (String, String) {
    let rest = src[at..].trim_start();
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .unwrap_or(rest.len());
    let path = &rest[..end];
    match path.rsplit_once("::") {
        Some((module, name)) => (module.to_owned(), name.to_owned()),
        None => (String::new(), path.to_owned()),
    }
}

/// The identifier right before `at` (`TABLE` in `TABLE.binary_search`).
fn ident_before(src: &str, at: usize) -> String {
    let before = &src[..at];
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    before[start..].to_owned()
}

/// Tables searched by bisection: name -> (module path as written, file).
fn bisected_tables(files: &[(PathBuf, String)]) -> BTreeMap<String, Vec<(String, PathBuf)>> {
    let mut found: BTreeMap<String, Vec<(String, PathBuf)>> = BTreeMap::new();
    for (path, src) in files {
        let code = strip_comments(src);
        let dates_lookups = path.ends_with("lexicon/dates.rs")
            || code.lines().any(|l| {
                l.trim_start().starts_with("use crate::lexicon::dates::")
                    && (l.contains("lookup") || l.contains("contains"))
            });
        let mut calls = vec!["is_in_sorted(", "lookup_sorted("];
        if dates_lookups {
            calls.extend(["lookup(", "contains("]);
        }
        for call in calls {
            for (i, _) in code.match_indices(call) {
                let prev = code[..i].chars().next_back();
                if prev.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                    continue;
                }
                let (module, name) = ident_at(&code, i + call.len());
                if is_table_name(&name) {
                    found.entry(name).or_default().push((module, path.clone()));
                }
            }
        }
        for (i, _) in code.match_indices(".binary_search") {
            let name = ident_before(&code, i);
            if is_table_name(&name) {
                found
                    .entry(name)
                    .or_default()
                    .push((String::new(), path.clone()));
            }
        }
    }
    found
}

/// The source without `//` comments (string literals holding `//` are
/// kept: a comment starts only outside a literal).
fn strip_comments(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    for line in src.lines() {
        let mut in_str = false;
        let mut prev = ' ';
        let mut cut = line.len();
        for (i, c) in line.char_indices() {
            if c == '"' && prev != '\\' {
                in_str = !in_str;
            }
            if !in_str && c == '/' && prev == '/' {
                cut = i - 1;
                break;
            }
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
        }
        out.push_str(&line[..cut]);
        out.push('\n');
    }
    out
}

/// The keys of the table `name` defined in `src` (`const NAME: &[&str] =
/// &[...]` or `&[(&str, T)]`: the first string of each entry), if defined
/// there.
fn table_keys(src: &str, name: &str) -> Option<Vec<String>> {
    let code = strip_comments(src);
    let def = [format!("const {name}: &"), format!("static {name}: &")]
        .iter()
        .find_map(|d| code.find(d.as_str()))?;
    let body_start = def + code[def..].find("= &[")? + 4;
    let mut keys = Vec::new();
    let (mut depth, mut i) = (0i32, body_start);
    let bytes = code.as_bytes();
    let mut want_key = true;
    while i < bytes.len() {
        match bytes[i] {
            b'[' | b'(' => {
                depth += 1;
                want_key = true;
            }
            b']' | b')' if depth == 0 => break,
            b']' | b')' => depth -= 1,
            b',' if depth == 0 => want_key = true,
            b'"' => {
                let mut j = i + 1;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if want_key {
                    keys.push(code[i + 1..j].to_owned());
                    want_key = false;
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    Some(keys)
}

#[test]
fn every_table_searched_by_bisection_is_sorted() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rust_files(&root, &mut paths);
    paths.sort();
    let files: Vec<(PathBuf, String)> = paths
        .into_iter()
        .map(|p| {
            let s = std::fs::read_to_string(&p).unwrap();
            (p, s)
        })
        .collect();
    let tables = bisected_tables(&files);
    assert!(
        tables.len() >= 20,
        "the scan found too few bisected tables: {:?}",
        tables.keys()
    );
    let mut unsorted = Vec::new();
    let mut checked = 0;
    for (name, uses) in &tables {
        // Defined in the file that searches it, else in the module the
        // path names (`lex::` and `dates::` are lexicon::dates), else
        // anywhere in the lexicon.
        let (module, user) = &uses[0];
        let home = files
            .iter()
            .filter(|(p, _)| p == user)
            .chain(files.iter().filter(|(p, _)| {
                (module == "lex" || module.ends_with("dates")) && p.ends_with("lexicon/dates.rs")
            }))
            .chain(files.iter().filter(|(p, _)| {
                !module.is_empty()
                    && module != "lex"
                    && p.ends_with(format!("{}.rs", module.rsplit("::").next().unwrap()))
            }))
            .chain(
                files
                    .iter()
                    .filter(|(p, _)| p.starts_with(root.join("lexicon"))),
            )
            .chain(files.iter())
            .find_map(|(p, s)| table_keys(s, name).map(|k| (p, k)));
        let Some((path, keys)) = home else {
            panic!("no definition found for bisected table {name} (used in {user:?})");
        };
        assert!(!keys.is_empty(), "{name} in {path:?}: no keys read");
        checked += 1;
        if let Some(w) = keys.windows(2).find(|w| w[0].as_bytes() >= w[1].as_bytes()) {
            unsorted.push(format!(
                "{name} ({}): {:?} before {:?}",
                path.display(),
                w[0],
                w[1]
            ));
        }
    }
    assert!(
        unsorted.is_empty(),
        "unsorted tables searched by bisection:\n{}",
        unsorted.join("\n")
    );
    assert_eq!(checked, tables.len());
}

#[test]
fn the_table_reader_reads_flat_and_keyed_tables() {
    let src = "const A: &[&str] = &[\"b\", \"a\"]; // \"z\"\nconst B: &[(&str, u8)] = &[(\"x\", 1), (\"y\", 2)];\n";
    assert_eq!(table_keys(src, "A").unwrap(), ["b", "a"]);
    assert_eq!(table_keys(src, "B").unwrap(), ["x", "y"]);
    assert!(table_keys(src, "C").is_none());
}
