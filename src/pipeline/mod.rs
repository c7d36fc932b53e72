//! The pipeline, owned by the library: load articles, extract their claims,
//! check them against the rules and the coverage, apply suppressions and
//! the baseline, and hand the results out article by article. The binary,
//! the tests and the editor server all call it.
//!
//! What a run stands on is prepared once and passed in: the rule set is
//! compiled once ([`load_rule_set`]), the coverage's claims are extracted
//! and indexed once ([`Engine`]), and every article is checked against
//! them. Results go to a [`Sink`] as they are ready, so output can stream;
//! the run ends with a [`Summary`] from which the caller decides its exit
//! status. This module renders nothing and writes nothing to stdout or
//! stderr: problems with the input are handed to the sink too.

mod engine;

pub use engine::Engine;

use crate::audit::{audit_subjects, Subject};
use crate::baseline::{load_baseline, BaselineError};
use crate::check::{Checked, Lookups};
use crate::config::{ConfigError, Origin, Resolved};
use crate::error::Error;
use crate::extract::{extract_claims, ArticleClaims, Extraction};
use crate::finding::{merge_findings, Finding, Severity};
use crate::index::{Index, IndexError};
use crate::rules::{load_rules_limited, RuleSet};
use crate::source::{collect_article_paths_lenient, load_article_limited, Article, Byline};
use crate::subject::{subjects_with, StemTable, Subjects};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// Why a run could not start (one unreadable article does not stop a run:
/// it is a [`Problem`], counted in [`Summary::errors`]).
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// A rule file could not be read or is invalid.
    #[error(transparent)]
    Rules(#[from] Error),
    /// The configuration could not be used.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The baseline file could not be read.
    #[error(transparent)]
    Baseline(#[from] BaselineError),
    /// The claim index could not be read.
    #[error(transparent)]
    Index(#[from] IndexError),
}

/// Something about the input the user should hear of, in lower case
/// without a trailing period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// An input that could not be read: the run goes on, and ends errored.
    Error(String),
    /// A warning: the run is not affected.
    Warning(String),
    /// Something worth knowing that is not wrong.
    Note(String),
}

/// How far a run has got, for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// This many more files are to be read.
    Reading(usize),
    /// One more file read (or found unreadable).
    Read,
    /// This many articles are to be checked; each is done when its
    /// findings reach the sink.
    Checking(usize),
}

/// Where a run's results go, as they are ready.
pub trait Sink {
    /// How far the run has got (for a progress display).
    fn progress(&mut self, progress: Progress) {
        let _ = progress;
    }
    /// A problem with the input.
    fn problem(&mut self, problem: Problem) {
        let _ = problem;
    }
    /// The claims of one article (`extract`), with their subjects when
    /// the run was asked for them.
    fn claims(&mut self, article: &Article, claims: &Extraction, subjects: Option<&Subjects>) {
        let _ = (article, claims, subjects);
    }
    /// The findings on one checked article, sorted by (path, offset, code).
    fn findings(&mut self, article: &Article, findings: Vec<Finding>) {
        let _ = (article, findings);
    }
}

/// Findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Errors.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Notes.
    pub note: usize,
}

impl Counts {
    fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Note => self.note += 1,
        }
    }
}

/// How a run went, once every article has been handed out.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// Every article checked, in order, with its publication date.
    pub checked: Vec<(PathBuf, Option<NaiveDate>)>,
    /// How many coverage articles they were checked against.
    pub coverage: usize,
    /// The rule files read.
    pub rule_files: Vec<PathBuf>,
    /// Findings reported, by severity.
    pub counts: Counts,
    /// Findings at or above the failing level of their article.
    pub failing: usize,
    /// Inputs that could not be read.
    pub errors: usize,
}

/// What `check` runs on: the resolved configuration, plus what only a
/// command line says.
#[derive(Debug)]
pub struct CheckSettings {
    /// The configuration (files, coverage, rules, window, selection...).
    pub config: Resolved,
    /// When set, only the articles changed since a revision are checked
    /// (still against all the coverage), as `--changed-since`.
    pub only: Option<Changed>,
    /// Whether to hide the findings of the configured baseline (off when
    /// recording a new one).
    pub apply_baseline: bool,
}

/// The articles changed since a revision.
#[derive(Debug, Clone)]
pub struct Changed {
    /// The revision, as given.
    pub since: String,
    /// Canonical paths of the articles changed since then.
    pub paths: HashSet<PathBuf>,
}

/// Load the rule files (none: an empty rule set), compiled once, refusing
/// any over `max_size` bytes.
pub fn load_rule_set(paths: &[PathBuf], max_size: u64) -> Result<RuleSet, Error> {
    if paths.is_empty() {
        Ok(RuleSet::default())
    } else {
        load_rules_limited(paths, max_size)
    }
}

/// Articles loaded and extracted, and how many inputs could not be read.
struct Loaded {
    articles: Vec<(Article, ArticleClaims)>,
    errors: usize,
}

/// Expand files and folders into article paths, each unreadable path a
/// problem.
fn collect_paths(paths: &[PathBuf], sink: &mut dyn Sink) -> (Vec<PathBuf>, usize) {
    let (files, errors) = collect_article_paths_lenient(paths);
    for e in &errors {
        sink.problem(Problem::Error(e.to_string()));
    }
    (files, errors.len())
}

fn load_files(
    files: &[PathBuf],
    errors: usize,
    published: Option<NaiveDate>,
    rules: &RuleSet,
    max_size: u64,
    sink: &mut dyn Sink,
) -> Loaded {
    let mut articles = Vec::with_capacity(files.len());
    let unread = stream_articles(
        files,
        published,
        max_size,
        sink,
        |a, stems| extract_claims(a, rules).with_subjects(stems),
        |_, a, c| articles.push((a, c)),
    );
    Loaded {
        articles,
        errors: errors + unread,
    }
}

/// Articles read ahead of the one handed on next: enough to keep every
/// core busy past a slow article, few enough that memory stays flat.
const READ_AHEAD: usize = 64;

/// Read `files` as articles and run `work` on each, on every core (each
/// thread with its own [`StemTable`] for the whole run), handing each
/// article and what `work` made of it to `each` in the order of `files`,
/// as soon as it and every file before it are done. An unreadable file is
/// a problem handed to `sink`, in its place in that order; returns how
/// many there were.
fn stream_articles<R: Send>(
    files: &[PathBuf],
    published: Option<NaiveDate>,
    max_size: u64,
    sink: &mut dyn Sink,
    work: impl Fn(&Article, &mut StemTable) -> R + Sync,
    mut each: impl FnMut(&mut dyn Sink, Article, R),
) -> usize {
    let mut unread = 0;
    sink.progress(Progress::Reading(files.len()));
    crate::parallel::stream_in_order(
        files,
        READ_AHEAD,
        StemTable::new,
        |stems, path| {
            let article = load_article_limited(path, published, max_size)?;
            let made = work(&article, stems);
            Ok::<_, Error>((article, made))
        },
        |read| {
            match read {
                Ok((article, made)) => {
                    if article.not_article {
                        sink.problem(Problem::Warning(not_article_message(&article)));
                    }
                    each(sink, article, made);
                }
                Err(e) => {
                    sink.problem(Problem::Error(e.to_string()));
                    unread += 1;
                }
            }
            sink.progress(Progress::Read);
        },
    );
    unread
}

/// The warning for a page that is not an article.
pub fn not_article_message(article: &Article) -> String {
    format!(
        "{}: not an article (an index or listing page: no paragraphs of prose \
         stand out from its links), so no claims are read from it",
        article.path.display()
    )
}

/// Load and extract the articles named by files and folders (each of at
/// most `max_size` bytes), each unreadable one a problem handed to `sink`.
pub fn load_articles(
    paths: &[PathBuf],
    published: Option<NaiveDate>,
    rules: &RuleSet,
    max_size: u64,
    sink: &mut dyn Sink,
) -> (Vec<(Article, ArticleClaims)>, usize) {
    let (files, errors) = collect_paths(paths, sink);
    let loaded = load_files(&files, errors, published, rules, max_size, sink);
    (loaded.articles, loaded.errors)
}

/// `extract`: hand each article's claims to `sink` as soon as it and every
/// article before it are extracted ([`stream_articles`]), so memory does
/// not grow with the number of articles. With `with_subjects`, each
/// article's subjects come too (what `extract --keys` writes); without,
/// the subject layer is not run.
pub fn extract(
    paths: &[PathBuf],
    published: Option<NaiveDate>,
    rules: &RuleSet,
    max_size: u64,
    with_subjects: bool,
    sink: &mut dyn Sink,
) -> Summary {
    let (files, errors) = collect_paths(paths, sink);
    let mut checked = Vec::with_capacity(files.len());
    // Each thread keeps its stems for the whole run: most words of an
    // article were stemmed for an earlier one.
    let unread = stream_articles(
        &files,
        published,
        max_size,
        sink,
        |a, stems| {
            let found = extract_claims(a, rules);
            let subjects = with_subjects.then(|| subjects_with(&found.doc, &found.claims, stems));
            (found, subjects)
        },
        |sink, article, (claims, subjects)| {
            sink.claims(&article, &claims, subjects.as_ref());
            checked.push((article.path, article.published));
        },
    );
    Summary {
        checked,
        rule_files: rules.files.clone(),
        errors: errors + unread,
        ..Summary::default()
    }
}

/// Keep the first of several spellings of one file (same [`Article::id`]).
pub(crate) fn dedup_by_id(articles: &mut Vec<(Article, ArticleClaims)>) {
    let mut seen = HashSet::new();
    articles.retain(|(a, _)| seen.insert(a.id.clone()));
}

/// How many undated coverage files a warning names before "and N more".
const UNDATED_NAMED: usize = 3;

/// Warn about articles without a publication date: each checked one by
/// name, with the fix; the coverage in one line.
fn warn_undated(
    targets: &[(Article, ArticleClaims)],
    coverage: &[(Article, ArticleClaims)],
    sink: &mut dyn Sink,
) {
    for (a, _) in targets.iter().filter(|(a, _)| a.published.is_none()) {
        sink.problem(Problem::Warning(format!(
            "{}: no publication date, so relative dates in it are not \
             resolved and coverage cannot be placed before or after it (add `published: \
             YYYY-MM-DD` front matter or pass --published)",
            a.path.display()
        )));
    }
    let undated: Vec<String> = coverage
        .iter()
        .filter(|(a, _)| a.published.is_none())
        .map(|(a, _)| a.path.display().to_string())
        .collect();
    if undated.is_empty() {
        return;
    }
    let mut names = undated[..undated.len().min(UNDATED_NAMED)].join(", ");
    if undated.len() > UNDATED_NAMED {
        names.push_str(&format!(" and {} more", undated.len() - UNDATED_NAMED));
    }
    sink.problem(Problem::Warning(format!(
        "{} coverage file(s) have no publication date ({names}); add \
         `published: YYYY-MM-DD` front matter to them",
        undated.len()
    )));
}

pub(crate) fn checked(articles: &[(Article, ArticleClaims)]) -> Vec<Checked<'_>> {
    articles
        .iter()
        .map(|(article, claims)| Checked { article, claims })
        .collect()
}

/// `check`: every article the settings name, against the rules, the
/// coverage and each other, handed to `sink` article by article.
pub fn check(settings: CheckSettings, sink: &mut dyn Sink) -> Result<Summary, RunError> {
    let CheckSettings {
        config,
        only,
        apply_baseline,
    } = settings;
    if config.files.value.is_empty() {
        return Err(ConfigError::NoArticles.into());
    }
    let published = config.published.value;
    let max_size = config.max_file_size.value;
    let rules = load_rule_set(&config.rules.value, max_size)?;
    let (mut files, collect_errors) = collect_paths(&config.files.value, sink);
    if config.files.origin != Origin::CommandLine {
        // Walked from the config's folder: `news/a.md`, not `./news/a.md`.
        for f in &mut files {
            if let Ok(rest) = f.strip_prefix(".") {
                *f = rest.to_owned();
            }
        }
    }
    let walked = files.len();
    files.retain(|p| config.is_included(p));
    config.refuse_empty_selection(walked, files.len())?;
    if let Some(only) = &only {
        files.retain(|p| std::fs::canonicalize(p).is_ok_and(|c| only.paths.contains(&c)));
        if files.is_empty() {
            sink.problem(Problem::Note(format!(
                "no article changed since {}: nothing to check",
                only.since
            )));
        }
    }
    let mut targets = load_files(&files, collect_errors, published, &rules, max_size, sink);
    dedup_by_id(&mut targets.articles);
    // Coverage is everything named by --against that is not checked; the
    // checked articles are coverage for each other.
    let (against, against_errors) = collect_paths(&config.against.value, sink);
    let target_ids: HashSet<&Path> = targets
        .articles
        .iter()
        .map(|(a, _)| a.id.as_path())
        .collect();
    let against: Vec<PathBuf> = against
        .into_iter()
        .filter(|p| std::fs::canonicalize(p).map_or(true, |c| !target_ids.contains(c.as_path())))
        .collect();
    let mut coverage = load_files(&against, against_errors, published, &rules, max_size, sink);
    dedup_by_id(&mut coverage.articles);
    // Coverage counted as the user named it: the files, and every article
    // of the index (of which only those that can bear on the targets are
    // loaded).
    let mut named_coverage = coverage.articles.len();
    if let Some(path) = &config.index.value {
        let index = Index::open(path)?;
        if !index.has_rules(&rules)? {
            sink.problem(Problem::Warning(format!(
                "{}: built with other rule files than this run's, so its claims may differ \
                 from the files' (rebuild it with this run's --rules, or run `claimcheck \
                 index update` when its own rule files were edited)",
                path.display()
            )));
        }
        named_coverage += index.len()?;
        coverage.articles.extend(index.coverage_for(
            &targets.articles,
            config.window.value,
            config.mode.value,
        )?);
    }
    dedup_by_id(&mut coverage.articles);
    warn_undated(&targets.articles, &coverage.articles, sink);
    let baseline = match &config.baseline.value {
        Some(path) if apply_baseline => Some(load_baseline(path)?),
        _ => None,
    };
    let errors = targets.errors + coverage.errors;
    // Only the targets are checked: the coverage is indexed under the
    // keys their claims look up.
    let lookups = Lookups::of(&checked(&targets.articles));
    // Several targets are coverage for each other: they join the pool,
    // from which each leaves itself out.
    let together = targets.articles.len() > 1;
    let n_coverage = coverage.articles.len();
    let mut pool = coverage.articles;
    let mut summary = Summary {
        coverage: named_coverage
            + if together {
                targets.articles.len() - 1
            } else {
                0
            },
        rule_files: rules.files.clone(),
        errors,
        ..Summary::default()
    };
    let own = if together {
        pool.extend(targets.articles);
        Vec::new()
    } else {
        targets.articles
    };
    let engine = Engine::for_lookups(config, rules, pool, &lookups);
    let config = engine.config().expect("built with a config");
    let targets: &[(Article, ArticleClaims)] = if together {
        &engine.coverage()[n_coverage..]
    } else {
        &own
    };
    sink.progress(Progress::Checking(targets.len()));
    for (article, claims) in targets {
        let mut found = engine.check(article, claims);
        if let Some(b) = &baseline {
            found = b.filter(found);
        }
        summary
            .checked
            .push((article.path.clone(), article.published));
        tally(&mut summary, &found, |f| {
            config.fail_on_for(&f.location.path)
        });
        sink.findings(article, found);
    }
    Ok(summary)
}

/// Count `found` into `summary`, each finding failing at or above the
/// level `fail_on` gives it.
fn tally(summary: &mut Summary, found: &[Finding], fail_on: impl Fn(&Finding) -> Severity) {
    for f in found {
        summary.counts.add(f.severity);
        if f.severity >= fail_on(f) {
            summary.failing += 1;
        }
    }
}

/// What `audit` runs on.
#[derive(Debug, Clone)]
pub struct AuditSettings {
    /// The story's articles, or folders of them.
    pub paths: Vec<PathBuf>,
    /// Publication date for files without one.
    pub published: Option<NaiveDate>,
    /// Rule files or folders.
    pub rules: Vec<PathBuf>,
    /// Lowest severity of rule findings that fails the run.
    pub fail_on: Severity,
    /// Largest article or rule file read, in bytes.
    pub max_file_size: u64,
    /// A claim index whose articles join the audit.
    pub index: Option<PathBuf>,
}

/// An audit: the story's subjects, and the rule errors of its articles.
#[derive(Debug)]
pub struct Audit {
    /// How many articles were audited.
    pub articles: usize,
    /// The latest publication date among them.
    pub latest: Option<NaiveDate>,
    /// Every subject, with its versions and timeline.
    pub subjects: Vec<Subject>,
    /// Rule errors, merged and sorted.
    pub findings: Vec<Finding>,
    /// How the report names each article, by path.
    pub bylines: BTreeMap<PathBuf, Byline>,
    /// How the run went.
    pub summary: Summary,
}

/// `audit`: every article against the rules (errors only: disagreements
/// between articles are the subjects' business), reported by subject. Each
/// article's rule errors go to `sink` too.
pub fn audit(settings: &AuditSettings, sink: &mut dyn Sink) -> Result<Audit, RunError> {
    let rules = load_rule_set(&settings.rules, settings.max_file_size)?;
    let (mut articles, errors) = load_articles(
        &settings.paths,
        settings.published,
        &rules,
        settings.max_file_size,
        sink,
    );
    if let Some(path) = &settings.index {
        articles.extend(Index::open(path)?.all()?);
        dedup_by_id(&mut articles);
    }
    let subjects = audit_subjects(&checked(&articles), &rules);
    let bylines = articles
        .iter()
        .map(|(a, _)| (a.path.clone(), a.byline()))
        .collect();
    let mut summary = Summary {
        rule_files: rules.files.clone(),
        errors,
        ..Summary::default()
    };
    let latest = articles.iter().filter_map(|(a, _)| a.published).max();
    let n = articles.len();
    let engine = Engine::rules_only(rules);
    let mut findings = Vec::new();
    sink.progress(Progress::Checking(articles.len()));
    for (article, claims) in &articles {
        summary
            .checked
            .push((article.path.clone(), article.published));
        let found = engine.rule_errors(article, claims);
        tally(&mut summary, &found, |_| settings.fail_on);
        findings.extend(found.iter().cloned());
        sink.findings(article, found);
    }
    Ok(Audit {
        articles: n,
        latest,
        subjects,
        findings: merge_findings(findings),
        bylines,
        summary,
    })
}
