//! One config's state in the server: the engine (rules and coverage,
//! loaded once), what to watch for changes, and the files that could not
//! be read, each as a diagnostic. Loading never fails: a broken file falls
//! back to the defaults or to no rules.

use crate::config::{Flags, Resolved};
use crate::error::Error;
use crate::pipeline::{load_articles, load_rule_set, Engine, Problem, Sink};
use crate::rules::RuleSet;
use lsp_types::{Diagnostic, DiagnosticSeverity, Position, Range};
use std::path::{Path, PathBuf};

/// What one config's documents are checked with.
pub(super) struct Project {
    pub(super) engine: Engine,
    /// The config file, rule files and coverage folders: a change under
    /// one of them reloads the project.
    pub(super) watched: Vec<PathBuf>,
    /// Files that could not be read as config or rules, with their
    /// diagnostic.
    pub(super) broken: Vec<(PathBuf, Diagnostic)>,
}

/// Problems met loading coverage: kept out of the editor (the coverage's
/// own documents show theirs when opened).
struct Quiet;

impl Sink for Quiet {
    fn problem(&mut self, _problem: Problem) {}
}

/// The diagnostic for a file that could not be read as config or rules.
pub(super) fn file_problem(line: usize, column: usize, message: String) -> Diagnostic {
    let pos = Position::new(
        line.saturating_sub(1) as u32,
        column.saturating_sub(1) as u32,
    );
    Diagnostic {
        range: Range::new(pos, Position::new(pos.line, pos.character + 1)),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some("claimcheck".to_owned()),
        message,
        ..Diagnostic::default()
    }
}

/// Load the project of `key` (a config file, or a folder without one).
/// Nothing here fails: a broken config falls back to the defaults, a
/// broken rule file to no rules, each with a diagnostic on that file.
pub(super) fn load_project(key: &Path, forced: bool) -> Project {
    let is_file = forced || key.is_file();
    let dir = if is_file {
        key.parent().unwrap_or(Path::new("/")).to_owned()
    } else {
        key.to_owned()
    };
    let mut broken = Vec::new();
    let flags = Flags::default();
    let config_flag = is_file.then_some(key);
    let config = match Resolved::resolve(config_flag, &flags, &dir) {
        Ok(c) => c,
        Err(e) => {
            let (line, column) = match &e {
                crate::config::ConfigError::Invalid { line, column, .. } => {
                    (*line as usize, *column as usize)
                }
                _ => (1, 1),
            };
            broken.push((key.to_owned(), file_problem(line, column, e.to_string())));
            Resolved::defaults(&flags, &dir).expect("the defaults need no file")
        }
    };
    let mut config = config;
    // Paths in the config are relative to its folder; the server's own
    // folder is anyone's.
    for p in config
        .rules
        .value
        .iter_mut()
        .chain(config.against.value.iter_mut())
    {
        *p = dir.join(&*p);
    }
    let max_size = config.max_file_size.value;
    let rules = match load_rule_set(&config.rules.value, max_size) {
        Ok(r) => r,
        Err(e) => {
            let (path, line, column) = match &e {
                Error::Rule {
                    path, line, column, ..
                } => (path.clone(), *line, *column),
                _ => (key.to_owned(), 1, 1),
            };
            broken.push((dir.join(path), file_problem(line, column, e.to_string())));
            RuleSet::default()
        }
    };
    let (coverage, _) = load_articles(
        &config.against.value,
        config.published.value,
        &rules,
        max_size,
        &mut Quiet,
    );
    let mut watched: Vec<PathBuf> = config
        .rules
        .value
        .iter()
        .chain(&config.against.value)
        .cloned()
        .collect();
    if is_file {
        watched.push(key.to_owned());
    }
    // Canonical spellings too, for editors that report resolved paths.
    let canonical: Vec<PathBuf> = watched
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    watched.extend(canonical);
    Project {
        engine: Engine::new(config, rules, coverage),
        watched,
        broken,
    }
}
