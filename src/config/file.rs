//! The config file as written: its serde types, strict parsing with line
//! and column, globs, discovery, and paths relative to its folder. What
//! the settings mean once combined with the command line is `super`'s.

use super::ConfigError;
use super::FailOn;
use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::path::{Component, Path, PathBuf};

/// File names looked for in each folder, in order.
pub const CONFIG_NAMES: &[&str] = &["claimcheck.yaml", ".claimcheck.yaml"];

/// A severity as written in the file.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(super) enum Level {
    Error,
    Warning,
    Note,
}

impl From<Level> for FailOn {
    fn from(l: Level) -> FailOn {
        match l {
            Level::Error => FailOn::Error,
            Level::Warning => FailOn::Warning,
            Level::Note => FailOn::Note,
        }
    }
}

/// One glob or a list of them.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(super) enum Globs {
    One(String),
    Many(Vec<String>),
}

impl Globs {
    pub(super) fn list(&self) -> Vec<String> {
        match self {
            Globs::One(g) => vec![g.clone()],
            Globs::Many(v) => v.clone(),
        }
    }
}

/// `overrides:` entry as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct OverrideFile {
    pub(super) files: Spanned<Globs>,
    pub(super) fail_on: Option<Level>,
    #[serde(default)]
    pub(super) ignore: Vec<Spanned<String>>,
}

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct ConfigFile {
    #[serde(default)]
    pub(super) rules: Vec<PathBuf>,
    #[serde(default, alias = "coverage")]
    pub(super) against: Vec<PathBuf>,
    pub(super) index: Option<PathBuf>,
    pub(super) window: Option<Spanned<i64>>,
    pub(super) mode: Option<crate::check::Mode>,
    pub(super) fail_on: Option<Level>,
    pub(super) published: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) include: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) exclude: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) overrides: Vec<OverrideFile>,
    pub(super) baseline: Option<PathBuf>,
    pub(super) report_unused_suppressions: Option<bool>,
    pub(super) max_file_size: Option<Spanned<u64>>,
    pub(super) docs_url: Option<String>,
    pub(super) select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub(super) ignore: Vec<Spanned<String>>,
}

/// The config file governing `start`: the first of [`CONFIG_NAMES`] found
/// in `start` or a folder above it.
pub fn discover_config(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|dir| {
        CONFIG_NAMES
            .iter()
            .map(|n| dir.join(n))
            .find(|p| p.is_file())
    })
}

pub(super) fn invalid(path: &Path, loc: serde_saphyr::Location, message: String) -> ConfigError {
    ConfigError::Invalid {
        path: path.to_owned(),
        line: loc.line(),
        column: loc.column(),
        message,
    }
}

pub(super) fn compile(
    path: &Path,
    globs: &[(String, serde_saphyr::Location)],
) -> Result<GlobSet, ConfigError> {
    let mut b = GlobSetBuilder::new();
    for (g, loc) in globs {
        b.add(glob(g).map_err(|e| invalid(path, *loc, format!("invalid glob '{g}': {e}")))?);
    }
    b.build()
        .map_err(|e| invalid(path, serde_saphyr::Location::UNKNOWN, e.to_string()))
}

/// `*` stays within a folder; `**` crosses folders; a glob naming a folder
/// (`drafts/**` or `drafts`) matches what is inside it.
pub(super) fn glob(g: &str) -> Result<Glob, globset::Error> {
    let g = g.trim_start_matches("./");
    GlobBuilder::new(g).literal_separator(true).build()
}

pub(super) fn parse_file(path: &Path, text: &str) -> Result<ConfigFile, ConfigError> {
    crate::rules::yaml::parse_yaml(text).map_err(|e| ConfigError::Invalid {
        path: path.to_owned(),
        line: e.line as u64,
        column: e.column as u64,
        message: e.message,
    })
}

/// `path` relative to `base` when both are absolute (with `..` as needed),
/// so that paths from the file print as the user would type them.
pub(super) fn relative_to(path: &Path, base: &Path) -> PathBuf {
    if !path.is_absolute() || !base.is_absolute() {
        return path.to_owned();
    }
    let p: Vec<Component> = path.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return path.to_owned();
    }
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c);
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_to_walks_up_with_dot_dot() {
        assert_eq!(
            relative_to(Path::new("/a/b/c"), Path::new("/a/d")),
            PathBuf::from("../b/c")
        );
        assert_eq!(
            relative_to(Path::new("/a"), Path::new("/a")),
            PathBuf::from(".")
        );
    }
}
