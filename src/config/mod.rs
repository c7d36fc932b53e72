//! The project configuration file, `claimcheck.yaml` (or
//! `.claimcheck.yaml`), so that CI, pre-commit and editors run the same
//! check without repeating flags.
//!
//! The file is found by searching upward from the current folder, or named
//! with `--config`. Keys are kebab-case and strict, like rule files: an
//! unknown key is an error with line and column, never a silently ignored
//! setting. Paths and globs in the file are relative to the file's folder.
//! Command-line flags win over the file, the file over built-in defaults;
//! [`Resolved`] remembers which gave each value, for `claimcheck config`.
//! This module resolves settings; it reads no articles.

mod describe;
mod file;
mod select;
mod selection;

pub use file::{discover_config, CONFIG_NAMES};
pub use select::check_code;

use crate::finding::Severity;
use crate::source::read::read_small_to_string;
use crate::source::{DEFAULT_MAX_FILE_SIZE, MAX_MAX_FILE_SIZE};
use file::{compile, invalid, parse_file, relative_to, ConfigFile};
use globset::GlobSet;
use serde_saphyr::Spanned;
use std::path::{Component, Path, PathBuf};

/// The lowest severity that fails a run (exit status 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    /// Errors only.
    Error,
    /// Warnings and errors.
    Warning,
    /// Everything.
    Note,
}

impl FailOn {
    /// The severity threshold.
    pub fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Note => Severity::Note,
        }
    }

    /// The name as written in the config file and on the command line.
    pub fn as_str(self) -> &'static str {
        self.severity().as_str()
    }
}

/// What the command line (or an editor) says, before the config file and
/// the defaults fill in the rest: a plain type, so that this module knows
/// nothing of argument parsing. Empty lists and `None` mean "not given".
#[derive(Debug, Clone, Default)]
pub struct Flags {
    /// Articles to check, or folders of them.
    pub files: Vec<PathBuf>,
    /// Coverage to check against.
    pub against: Vec<PathBuf>,
    /// A claim index of coverage to check against.
    pub index: Option<PathBuf>,
    /// Rule files or folders.
    pub rules: Vec<PathBuf>,
    /// Publication date for files without one.
    pub published: Option<chrono::NaiveDate>,
    /// Days within which coverage must agree.
    pub window: Option<i64>,
    /// What the checked texts are to their coverage.
    pub mode: Option<crate::check::Mode>,
    /// Lowest failing severity.
    pub fail_on: Option<FailOn>,
    /// Baseline file.
    pub baseline: Option<PathBuf>,
    /// Checks to run (canonical codes).
    pub select: Vec<&'static str>,
    /// Checks not to run (canonical codes).
    pub ignore: Vec<&'static str>,
    /// Whether to report suppressions that silence nothing.
    pub report_unused_suppressions: Option<bool>,
}

/// Default for `window` (days).
pub const DEFAULT_WINDOW: i64 = 2;

/// Largest `window` accepted (days): a hundred years. Wider windows mean
/// nothing for news coverage, and keep date arithmetic far from overflow.
pub const MAX_WINDOW: i64 = 36_500;

/// Why the configuration could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The config file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Not valid YAML, an unknown key, or a value of the wrong type.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Invalid {
        /// The config file.
        path: PathBuf,
        /// 1-based line (0 when unknown).
        line: u64,
        /// 1-based column (0 when unknown).
        column: u64,
        /// What is wrong.
        message: String,
    },
    /// The config's `include`/`exclude` globs left none of the articles
    /// found under its folder.
    #[error("{}: `include`/`exclude` select none of the {walked} article(s) found: nothing would be checked", path.display())]
    NothingSelected {
        /// The config file.
        path: PathBuf,
        /// How many articles the globs were applied to.
        walked: usize,
    },
    /// No articles on the command line and no config file to say where.
    #[error("no articles given (name files or folders, or add a claimcheck.yaml)")]
    NoArticles,
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Built in.
    Default,
    /// The config file at this path.
    File(PathBuf),
    /// A command-line flag.
    CommandLine,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::File(p) => write!(f, "{}", p.display()),
            Origin::CommandLine => f.write_str("command line"),
        }
    }
}

/// A value with its origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    pub origin: Origin,
}

/// A per-path override from the file.
#[derive(Debug, Clone)]
pub struct Override {
    /// The globs as written.
    pub files: Vec<String>,
    /// The failing level for matching articles.
    pub fail_on: Option<FailOn>,
    /// Checks switched off for matching articles (canonical codes).
    pub ignore: Vec<&'static str>,
    set: GlobSet,
}

/// The configuration after the file and the command line are combined.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The config file used, if any.
    pub file: Option<PathBuf>,
    /// Articles to check.
    pub files: Setting<Vec<PathBuf>>,
    /// Rule files or folders.
    pub rules: Setting<Vec<PathBuf>>,
    /// Earlier coverage.
    pub against: Setting<Vec<PathBuf>>,
    /// A claim index of earlier coverage (`claimcheck index build`).
    pub index: Setting<Option<PathBuf>>,
    /// Days within which coverage must agree.
    pub window: Setting<i64>,
    /// What the checked texts are to their coverage.
    pub mode: Setting<crate::check::Mode>,
    /// Lowest failing severity.
    pub fail_on: Setting<FailOn>,
    /// Default publication date.
    pub published: Setting<Option<chrono::NaiveDate>>,
    /// Globs of articles to check (empty: all).
    pub include: Setting<Vec<String>>,
    /// Globs of articles to skip.
    pub exclude: Setting<Vec<String>>,
    /// Per-path overrides, in file order.
    pub overrides: Vec<Override>,
    /// Baseline file hiding known findings.
    pub baseline: Setting<Option<PathBuf>>,
    /// Whether unused suppressions are reported.
    pub report_unused_suppressions: Setting<bool>,
    /// Largest article or rule file read, in bytes.
    pub max_file_size: Setting<u64>,
    /// Where a check's documentation is, `{code}` and `{name}` filled in
    /// (an editor links each diagnostic there).
    pub docs_url: Setting<Option<String>>,
    /// `select` as given (canonical codes; `None`: every check).
    pub select: Setting<Option<Vec<&'static str>>>,
    /// `ignore` as given (canonical codes), the file's and the command
    /// line's.
    pub ignore: Setting<Vec<&'static str>>,
    /// The checks that run, everywhere but where an override ignores them.
    enabled: std::collections::BTreeSet<&'static str>,
    /// The folder globs are relative to (the config file's, else the
    /// current one), absolute.
    pub root: PathBuf,
    /// The folder relative paths are resolved from, absolute.
    cwd: PathBuf,
    include_set: Option<GlobSet>,
    exclude_set: GlobSet,
}

fn pick<T>(cli: Option<T>, file: Option<T>, default: T, file_origin: &Origin) -> Setting<T> {
    match (cli, file) {
        (Some(v), _) => Setting {
            value: v,
            origin: Origin::CommandLine,
        },
        (None, Some(v)) => Setting {
            value: v,
            origin: file_origin.clone(),
        },
        (None, None) => Setting {
            value: default,
            origin: Origin::Default,
        },
    }
}

fn non_empty<T>(v: Vec<T>) -> Option<Vec<T>> {
    (!v.is_empty()).then_some(v)
}

impl Resolved {
    /// Combine the config file (`--config`, else discovered from `cwd`)
    /// with the command line. `cwd` must be absolute.
    pub fn resolve(
        config_flag: Option<&Path>,
        args: &Flags,
        cwd: &Path,
    ) -> Result<Resolved, ConfigError> {
        let file_path = match config_flag {
            Some(p) => Some(cwd.join(p)),
            None => discover_config(cwd),
        };
        Self::resolve_file(file_path, args, cwd)
    }

    /// The command line over the built-in defaults, with no config file
    /// (an editor's fallback when the file is broken).
    pub fn defaults(args: &Flags, cwd: &Path) -> Result<Resolved, ConfigError> {
        Self::resolve_file(None, args, cwd)
    }

    fn resolve_file(
        file_path: Option<PathBuf>,
        args: &Flags,
        cwd: &Path,
    ) -> Result<Resolved, ConfigError> {
        let (file, dir) = match &file_path {
            Some(p) => {
                let text = read_small_to_string(p).map_err(|source| ConfigError::Io {
                    path: p.clone(),
                    source,
                })?;
                let dir = p.parent().map_or_else(|| cwd.to_owned(), Path::to_owned);
                (parse_file(&relative_to(p, cwd), &text)?, dir)
            }
            None => (ConfigFile::default(), cwd.to_owned()),
        };
        let shown = file_path.as_deref().map(|p| relative_to(p, cwd));
        let origin = Origin::File(shown.clone().unwrap_or_default());
        let err_path = shown.clone().unwrap_or_default();
        let from_file = |p: &PathBuf| relative_to(&dir.join(p), cwd);

        let codes = |v: &[Spanned<String>], key: &str| -> Result<Vec<&'static str>, ConfigError> {
            v.iter()
                .map(|c| {
                    select::check_code(&c.value).ok_or_else(|| {
                        invalid(
                            &err_path,
                            c.referenced,
                            format!(
                                "unknown check '{}' in `{key}`{}",
                                c.value,
                                crate::registry::unknown_check_hint(&c.value)
                            ),
                        )
                    })
                })
                .collect()
        };
        let file_select = file
            .select
            .as_deref()
            .map(|v| codes(v, "select"))
            .transpose()?;
        let file_ignore = codes(&file.ignore, "ignore")?;
        let cli_select = non_empty(args.select.clone());
        let enabled = select::enabled(&[
            select::Layer {
                select: file_select.as_deref(),
                ignore: &file_ignore,
            },
            select::Layer {
                select: cli_select.as_deref(),
                ignore: &args.ignore,
            },
        ]);
        let mut overrides = Vec::new();
        for o in &file.overrides {
            let files = o.files.value.list();
            let located: Vec<_> = files
                .iter()
                .map(|g| (g.clone(), o.files.referenced))
                .collect();
            overrides.push(Override {
                set: compile(&err_path, &located)?,
                files,
                fail_on: o.fail_on.map(FailOn::from),
                ignore: codes(&o.ignore, "ignore")?,
            });
        }
        let located = |v: &[Spanned<String>]| -> Vec<(String, serde_saphyr::Location)> {
            v.iter().map(|s| (s.value.clone(), s.referenced)).collect()
        };
        let include_set = if file.include.is_empty() {
            None
        } else {
            Some(compile(&err_path, &located(&file.include))?)
        };
        let exclude_set = compile(&err_path, &located(&file.exclude))?;
        if let Some(w) = &file.window {
            if !(0..=MAX_WINDOW).contains(&w.value) {
                return Err(invalid(
                    &err_path,
                    w.referenced,
                    format!(
                        "window: {} is out of range (0 to {MAX_WINDOW} days)",
                        w.value
                    ),
                ));
            }
        }
        if let Some(m) = &file.max_file_size {
            if !(1..=MAX_MAX_FILE_SIZE).contains(&m.value) {
                return Err(invalid(
                    &err_path,
                    m.referenced,
                    format!(
                        "max-file-size: {} is out of range (1 to {MAX_MAX_FILE_SIZE} bytes)",
                        m.value
                    ),
                ));
            }
        }
        let file_published = match &file.published {
            Some(p) => Some(crate::source::parse_published(&p.value).ok_or_else(|| {
                invalid(
                    &err_path,
                    p.referenced,
                    format!("invalid date '{}': expected YYYY-MM-DD", p.value),
                )
            })?),
            None => None,
        };
        let files = match (non_empty(args.files.clone()), &file_path) {
            (Some(f), _) => Setting {
                value: f,
                origin: Origin::CommandLine,
            },
            (None, Some(_)) => Setting {
                value: vec![relative_to(&dir, cwd)],
                origin: origin.clone(),
            },
            (None, None) => Setting {
                value: Vec::new(),
                origin: Origin::Default,
            },
        };
        Ok(Resolved {
            files,
            rules: pick(
                non_empty(args.rules.clone()),
                non_empty(file.rules.iter().map(from_file).collect()),
                Vec::new(),
                &origin,
            ),
            against: pick(
                non_empty(args.against.clone()),
                non_empty(file.against.iter().map(from_file).collect()),
                Vec::new(),
                &origin,
            ),
            index: pick(
                args.index.clone().map(Some),
                file.index.as_ref().map(|p| Some(from_file(p))),
                None,
                &origin,
            ),
            window: pick(
                args.window,
                file.window.map(|w| w.value),
                DEFAULT_WINDOW,
                &origin,
            ),
            mode: pick(args.mode, file.mode, crate::check::Mode::Auto, &origin),
            fail_on: pick(
                args.fail_on,
                file.fail_on.map(FailOn::from),
                FailOn::Warning,
                &origin,
            ),
            published: pick(
                args.published.map(Some),
                file_published.map(Some),
                None,
                &origin,
            ),
            include: pick(
                None,
                non_empty(file.include.iter().map(|s| s.value.clone()).collect()),
                Vec::new(),
                &origin,
            ),
            exclude: pick(
                None,
                non_empty(file.exclude.iter().map(|s| s.value.clone()).collect()),
                Vec::new(),
                &origin,
            ),
            overrides,
            baseline: pick(
                args.baseline.clone().map(Some),
                file.baseline.as_ref().map(|p| Some(from_file(p))),
                None,
                &origin,
            ),
            report_unused_suppressions: pick(
                args.report_unused_suppressions,
                file.report_unused_suppressions,
                true,
                &origin,
            ),
            max_file_size: pick(
                None,
                file.max_file_size.map(|m| m.value),
                DEFAULT_MAX_FILE_SIZE,
                &origin,
            ),
            docs_url: pick(None, file.docs_url.clone().map(Some), None, &origin),
            ignore: match (args.ignore.is_empty(), cli_select.is_some()) {
                // A command-line select drops the file's ignore.
                (false, true) => Setting {
                    value: args.ignore.clone(),
                    origin: Origin::CommandLine,
                },
                (false, false) => Setting {
                    value: file_ignore.iter().chain(&args.ignore).copied().collect(),
                    origin: Origin::CommandLine,
                },
                (true, true) => Setting {
                    value: Vec::new(),
                    origin: Origin::Default,
                },
                (true, false) => pick(None, non_empty(file_ignore), Vec::new(), &origin),
            },
            select: pick(cli_select.map(Some), file_select.map(Some), None, &origin),
            enabled,
            file: shown,
            root: dir,
            cwd: cwd.to_owned(),
            include_set,
            exclude_set,
        })
    }

    /// `path` relative to [`Resolved::root`], as globs see it; `None` when
    /// it lies outside.
    fn rooted(&self, path: &Path) -> Option<PathBuf> {
        let abs: PathBuf = self
            .cwd
            .join(path)
            .components()
            .filter(|c| *c != Component::CurDir)
            .collect();
        abs.strip_prefix(&self.root).ok().map(Path::to_owned)
    }

    /// Whether an article is checked under `include`/`exclude`. Articles
    /// outside the config's folder are checked unless excluded by name.
    pub fn is_included(&self, path: &Path) -> bool {
        let Some(rel) = self.rooted(path) else {
            return true;
        };
        let inside = |set: &GlobSet| {
            set.is_match(&rel)
                || rel
                    .ancestors()
                    .skip(1)
                    .any(|a| !a.as_os_str().is_empty() && set.is_match(a))
        };
        if inside(&self.exclude_set) {
            return false;
        }
        self.include_set.as_ref().is_none_or(inside)
    }

    /// Whether the check `code` runs on the article at `path`: selected,
    /// not ignored, and not ignored by an override matching `path`.
    pub fn is_enabled(&self, code: &str, path: &Path) -> bool {
        if !self.enabled.contains(code) {
            return false;
        }
        let rel = self.rooted(path);
        !self
            .overrides
            .iter()
            .any(|o| o.ignore.contains(&code) && rel.as_ref().is_some_and(|r| o.set.is_match(r)))
    }

    /// The documentation URL of the check `code` named `name`, when the
    /// config gives `docs-url`.
    pub fn docs_url_for(&self, code: &str, name: &str) -> Option<String> {
        let url = self.docs_url.value.as_ref()?;
        Some(url.replace("{code}", code).replace("{name}", name))
    }

    /// The failing severity for findings on `path`: `--fail-on` when given,
    /// else the last matching override, else the file's or the default.
    pub fn fail_on_for(&self, path: &Path) -> Severity {
        if self.fail_on.origin == Origin::CommandLine {
            return self.fail_on.value.severity();
        }
        let rel = self.rooted(path);
        self.overrides
            .iter()
            .rev()
            .filter(|o| rel.as_ref().is_some_and(|r| o.set.is_match(r)))
            .find_map(|o| o.fail_on)
            .unwrap_or(self.fail_on.value)
            .severity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The flags of `claimcheck check ARGV`, for the forms these tests use.
    fn check_args(argv: &[&str]) -> Flags {
        let mut f = Flags::default();
        let mut it = argv.iter();
        while let Some(a) = it.next() {
            let mut value = || *it.next().unwrap();
            match *a {
                "--window" => f.window = Some(value().parse().unwrap()),
                "--fail-on" => {
                    f.fail_on = Some(match value() {
                        "error" => FailOn::Error,
                        "warning" => FailOn::Warning,
                        _ => FailOn::Note,
                    });
                }
                "--select" => f
                    .select
                    .extend(value().split(',').map(|c| check_code(c).unwrap())),
                "--ignore" => f
                    .ignore
                    .extend(value().split(',').map(|c| check_code(c).unwrap())),
                file => f.files.push(file.into()),
            }
        }
        f
    }

    fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn discovery_searches_upward() {
        let d = tempfile::tempdir().unwrap();
        let cfg = write(d.path(), ".claimcheck.yaml", "window: 3\n");
        let deep = d.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(discover_config(&deep), Some(cfg));
    }

    #[test]
    fn unknown_key_is_an_error_with_position() {
        let d = tempfile::tempdir().unwrap();
        write(d.path(), "claimcheck.yaml", "window: 3\nfail_on: error\n");
        let err = Resolved::resolve(None, &check_args(&["x.md"]), d.path()).unwrap_err();
        match err {
            ConfigError::Invalid { line, column, .. } => assert_eq!((line, column), (2, 1)),
            other => panic!("{other}"),
        }
    }

    #[test]
    fn command_line_wins_and_origins_are_kept() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path(),
            "claimcheck.yaml",
            "window: 5\nfail-on: error\nrules: [rules]\n",
        );
        let r = Resolved::resolve(None, &check_args(&["x.md", "--window", "9"]), d.path()).unwrap();
        assert_eq!(r.window.value, 9);
        assert_eq!(r.window.origin, Origin::CommandLine);
        assert_eq!(r.fail_on.value, FailOn::Error);
        assert_eq!(r.fail_on.origin, Origin::File("claimcheck.yaml".into()));
        assert_eq!(r.rules.value, [PathBuf::from("rules")]);
        assert_eq!(r.against.origin, Origin::Default);
    }

    #[test]
    fn paths_are_relative_to_the_config_folder() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path(),
            "claimcheck.yaml",
            "rules: [rules/people.yaml]\ncoverage: [archive]\n",
        );
        let sub = d.path().join("drafts");
        std::fs::create_dir_all(&sub).unwrap();
        let r = Resolved::resolve(None, &check_args(&["x.md"]), &sub).unwrap();
        assert_eq!(r.rules.value, [PathBuf::from("../rules/people.yaml")]);
        assert_eq!(r.against.value, [PathBuf::from("../archive")]);
    }

    #[test]
    fn overrides_set_fail_on_per_path() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path(),
            "claimcheck.yaml",
            "fail-on: note\noverrides:\n  - files: \"opinion/**\"\n    fail-on: error\n",
        );
        let r = Resolved::resolve(None, &check_args(&["x.md"]), d.path()).unwrap();
        assert_eq!(
            r.fail_on_for(&d.path().join("opinion/a/b.md")),
            Severity::Error
        );
        assert_eq!(r.fail_on_for(&d.path().join("news/b.md")), Severity::Note);
        let r = Resolved::resolve(
            None,
            &check_args(&["x.md", "--fail-on", "warning"]),
            d.path(),
        )
        .unwrap();
        assert_eq!(
            r.fail_on_for(&d.path().join("opinion/b.md")),
            Severity::Warning
        );
    }

    #[test]
    fn include_and_exclude_filter_articles() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path(),
            "claimcheck.yaml",
            "include: [\"news/**\"]\nexclude: [\"news/wire/*.txt\"]\n",
        );
        let r = Resolved::resolve(None, &check_args(&[]), d.path()).unwrap();
        assert!(r.is_included(&d.path().join("news/a.md")));
        assert!(r.is_included(&d.path().join("news/wire/a.md")));
        assert!(!r.is_included(&d.path().join("news/wire/a.txt")));
        assert!(!r.is_included(&d.path().join("blog/a.md")));
        assert_eq!(r.files.value, [PathBuf::from(".")]);
    }

    #[test]
    fn bad_glob_and_bad_date_name_their_line() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path(),
            "claimcheck.yaml",
            "window: 1\nexclude: [\"a[\"]\n",
        );
        let err = Resolved::resolve(None, &check_args(&["x.md"]), d.path()).unwrap_err();
        assert!(matches!(err, ConfigError::Invalid { line: 2, .. }), "{err}");
        write(d.path(), "claimcheck.yaml", "published: 2025-13-40\n");
        let err = Resolved::resolve(None, &check_args(&["x.md"]), d.path()).unwrap_err();
        assert!(matches!(err, ConfigError::Invalid { line: 1, .. }), "{err}");
    }

    #[test]
    fn select_and_ignore_follow_ruffs_precedence() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path(),
            "claimcheck.yaml",
            "select: [CC001, count-conflict, CC102]\nignore: [cc102]\noverrides:\n  - files: \"opinion/**\"\n    ignore: [CC001]\n",
        );
        let news = d.path().join("news/a.md");
        let opinion = d.path().join("opinion/a.md");
        let r = Resolved::resolve(None, &check_args(&["x.md"]), d.path()).unwrap();
        assert!(r.is_enabled("CC001", &news));
        assert!(r.is_enabled("CC101", &news));
        assert!(!r.is_enabled("CC102", &news));
        assert!(!r.is_enabled("CC005", &news));
        assert!(!r.is_enabled("CC001", &opinion));
        let r =
            Resolved::resolve(None, &check_args(&["x.md", "--ignore", "CC101"]), d.path()).unwrap();
        assert!(!r.is_enabled("CC101", &news));
        assert!(r.is_enabled("CC001", &news));
        let r = Resolved::resolve(
            None,
            &check_args(&[
                "x.md",
                "--select",
                "CC102,CC005",
                "--select",
                "CC001",
                "--ignore",
                "CC005",
            ]),
            d.path(),
        )
        .unwrap();
        assert!(r.is_enabled("CC102", &news));
        assert!(!r.is_enabled("CC005", &news));
        assert!(!r.is_enabled("CC101", &news));
        assert!(!r.is_enabled("CC001", &opinion), "overrides apply last");
    }

    #[test]
    fn unknown_check_in_the_file_names_line_and_column() {
        let d = tempfile::tempdir().unwrap();
        write(
            d.path(),
            "claimcheck.yaml",
            "window: 1\nignore: [CC001, CC999]\n",
        );
        let err = Resolved::resolve(None, &check_args(&["x.md"]), d.path()).unwrap_err();
        assert!(
            matches!(
                err,
                ConfigError::Invalid {
                    line: 2,
                    column: 17,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("unknown check 'CC999'"), "{err}");
        write(
            d.path(),
            "claimcheck.yaml",
            "overrides:\n  - files: a\n    ignore: [nope]\n",
        );
        let err = Resolved::resolve(None, &check_args(&["x.md"]), d.path()).unwrap_err();
        assert!(matches!(err, ConfigError::Invalid { line: 3, .. }), "{err}");
    }

    #[test]
    fn no_config_and_no_files_leaves_files_empty() {
        let d = tempfile::tempdir().unwrap();
        let r = Resolved::resolve(Some(Path::new("none.yaml")), &check_args(&[]), d.path());
        assert!(matches!(r, Err(ConfigError::Io { .. })));
    }
}
