//! Running a parsed command line: load, extract, check, render.
//!
//! One bad article does not stop the run: it is reported on stderr, the rest
//! is checked, and the status is 2 at the end (ripgrep's "errored" flag).

use crate::baseline::{load_baseline, write_baseline, Baseline};
use crate::check::{self, CheckContext, Checked, CoverageIndex};
use crate::cli::{AuditArgs, BaselineArgs, CheckArgs, Cli, Command, ExtractArgs, RulesCommand};
use crate::config::{ConfigError, Origin, Resolved};
use crate::error::{printable, Error};
use crate::extract::ArticleClaims;
use crate::finding::{merge_findings, relate_evidence, Finding};
use crate::render::{self, OutputFormat};
use crate::report_path;
use crate::rules::{load_rules, load_rules_limited, RuleSet};
use crate::source::{
    collect_article_paths_lenient, load_article_limited, Article, DEFAULT_MAX_FILE_SIZE,
};
use crate::suppress::{apply_suppressions, parse_suppressions};
use anyhow::Result;
use chrono::NaiveDate;
use clap::ValueEnum;
use std::io::Write;
use std::path::{Path, PathBuf};

/// How a run ended, as an exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Status {
    /// Nothing at or above the failing level.
    Clean = 0,
    /// Findings at or above the failing level.
    Findings = 1,
    /// Some input could not be read.
    Errored = 2,
}

/// Run a parsed command line.
pub fn run(cli: &Cli) -> Result<Status> {
    match &cli.command {
        Command::Extract(args) => run_extract(args),
        Command::Check(args) => run_check(cli.config.as_deref(), args),
        Command::Baseline(args) => run_baseline(cli.config.as_deref(), args),
        Command::Config(args) => run_config(cli.config.as_deref(), args),
        Command::Rules {
            command: RulesCommand::Check { rules },
        } => run_rules_check(rules),
        Command::Audit(args) => run_audit(args),
        Command::Explain { code } => run_explain(code.as_deref()),
    }
}

/// Articles loaded from paths, with the errors met on the way.
struct Loaded {
    articles: Vec<(Article, ArticleClaims)>,
    errored: bool,
}

fn load_all(
    paths: &[PathBuf],
    published: Option<NaiveDate>,
    rules: &RuleSet,
    max_size: u64,
) -> Loaded {
    let (files, errored) = collect_paths(paths);
    load_files(files, errored, published, rules, max_size)
}

/// Expand files and folders into article paths; the flag says whether some
/// path could not be read (already reported on stderr).
fn collect_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, bool) {
    let (files, errors) = collect_article_paths_lenient(paths);
    for e in &errors {
        eprintln!("claimcheck: {}", printable(&e.to_string()));
    }
    (files, !errors.is_empty())
}

fn load_files(
    files: Vec<PathBuf>,
    mut errored: bool,
    published: Option<NaiveDate>,
    rules: &RuleSet,
    max_size: u64,
) -> Loaded {
    let mut loaded = Vec::with_capacity(files.len());
    for path in &files {
        match load_article_limited(path, published, max_size) {
            Ok(article) => loaded.push(article),
            Err(e) => {
                eprintln!("claimcheck: {}", printable(&e.to_string()));
                errored = true;
            }
        }
    }
    let articles = crate::extract::extract_all(loaded, rules);
    Loaded { articles, errored }
}

fn load_rule_set(paths: &[PathBuf], max_size: u64) -> Result<RuleSet, Error> {
    if paths.is_empty() {
        Ok(RuleSet::default())
    } else {
        load_rules_limited(paths, max_size)
    }
}

/// Write to stdout. A closed pipe (`claimcheck check ... | head`) is not an
/// error: the rest is dropped quietly and the run still ends with the status
/// it earned (as ripgrep does).
fn write_stdout(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        written => Ok(written?),
    }
}

fn run_extract(args: &ExtractArgs) -> Result<Status> {
    let format = args.common.format;
    if !format.renders_claims() {
        anyhow::bail!(
            "--format {} renders findings, not claims: use text, json or jsonl",
            format
                .to_possible_value()
                .map_or_else(String::new, |v| v.get_name().to_owned())
        );
    }
    let published = args.common.published;
    let rules = load_rule_set(&args.common.rules, DEFAULT_MAX_FILE_SIZE)?;
    let loaded = load_all(&args.files, published, &rules, DEFAULT_MAX_FILE_SIZE);
    let mut s = String::new();
    for (article, claims) in &loaded.articles {
        for claim in &claims.claims {
            match args.common.format {
                OutputFormat::Text => {
                    s.push_str(&render::claims::claim_line(article, claim));
                    s.push('\n');
                }
                OutputFormat::Json | OutputFormat::Jsonl => {
                    s.push_str(&render::claims::claim_json(article, claim).to_string());
                    s.push('\n');
                }
                _ => unreachable!("checked before loading"),
            }
        }
    }
    write_stdout(&s)?;
    Ok(if loaded.errored {
        Status::Errored
    } else {
        Status::Clean
    })
}

/// Keep the first of several spellings of one file (same [`Article::id`]).
fn dedup_by_id(articles: &mut Vec<(Article, ArticleClaims)>) {
    let mut seen = std::collections::HashSet::new();
    articles.retain(|(a, _)| seen.insert(a.id.clone()));
}

/// `paths` without the files whose canonical path is in `ids`.
fn without_ids(paths: Vec<PathBuf>, ids: &std::collections::HashSet<&Path>) -> Vec<PathBuf> {
    paths
        .into_iter()
        .filter(|p| std::fs::canonicalize(p).map_or(true, |c| !ids.contains(c.as_path())))
        .collect()
}

/// How many undated coverage files a warning names before "and N more".
const UNDATED_NAMED: usize = 3;

/// Warn on stderr about articles without a publication date: each checked
/// one by name, with the fix; the coverage in one line.
fn warn_undated(targets: &[(Article, ArticleClaims)], coverage: &[(Article, ArticleClaims)]) {
    for (a, _) in targets.iter().filter(|(a, _)| a.published.is_none()) {
        eprintln!(
            "claimcheck: warning: {}: no publication date, so relative dates in it are not \
             resolved and coverage cannot be placed before or after it (add `published: \
             YYYY-MM-DD` front matter or pass --published)",
            a.path.display()
        );
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
    eprintln!(
        "claimcheck: warning: {} coverage file(s) have no publication date ({names}); add \
         `published: YYYY-MM-DD` front matter to them",
        undated.len()
    );
}

/// What a check run found, before rendering.
struct CheckRun {
    config: Resolved,
    /// Every article checked, in order (for junit), with its date.
    checked: Vec<PathBuf>,
    /// Publication date of each article checked.
    published: Vec<Option<NaiveDate>>,
    /// How many coverage articles they were checked against.
    coverage: usize,
    /// Rule files read.
    rule_files: Vec<PathBuf>,
    findings: Vec<Finding>,
    errored: bool,
}

fn resolve_config(config: Option<&Path>, args: &CheckArgs) -> Result<Resolved> {
    let cwd = std::env::current_dir()?;
    let resolved = Resolved::resolve(config, args, &cwd)?;
    if resolved.files.value.is_empty() {
        return Err(ConfigError::NoArticles.into());
    }
    Ok(resolved)
}

/// Load, check, suppress: everything `check` and `baseline` share.
fn check_run(config: Option<&Path>, args: &CheckArgs) -> Result<CheckRun> {
    let config = resolve_config(config, args)?;
    let published = config.published.value;
    let max_size = config.max_file_size.value;
    let rules = load_rule_set(&config.rules.value, max_size)?;
    let (mut files, collect_errored) = collect_paths(&config.files.value);
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
    if let Some(rev) = &args.changed_since {
        let changed: std::collections::HashSet<PathBuf> =
            crate::git::changed_since(&std::env::current_dir()?, rev)?
                .iter()
                .filter_map(|p| std::fs::canonicalize(p).ok())
                .collect();
        files.retain(|p| std::fs::canonicalize(p).is_ok_and(|c| changed.contains(&c)));
        if files.is_empty() {
            eprintln!("claimcheck: note: no article changed since {rev}: nothing to check");
        }
    }
    let mut targets = load_files(files, collect_errored, published, &rules, max_size);
    dedup_by_id(&mut targets.articles);
    // Coverage is everything named by --against that is not checked; the
    // checked articles are coverage for each other.
    let (against, against_errored) = collect_paths(&config.against.value);
    let target_ids: std::collections::HashSet<&Path> = targets
        .articles
        .iter()
        .map(|(a, _)| a.id.as_path())
        .collect();
    let against = without_ids(against, &target_ids);
    let mut coverage = load_files(against, against_errored, published, &rules, max_size);
    dedup_by_id(&mut coverage.articles);
    warn_undated(&targets.articles, &coverage.articles);
    // Several targets are coverage for each other: one index for all, from
    // which each target leaves itself out.
    let together = targets.articles.len() > 1;
    let pool: Vec<Checked<'_>> = coverage
        .articles
        .iter()
        .chain(if together { &targets.articles[..] } else { &[] })
        .map(|(article, claims)| Checked { article, claims })
        .collect();
    let index = CoverageIndex::build(&pool);
    let mut findings = Vec::new();
    for (i, (article, claims)) in targets.articles.iter().enumerate() {
        let target = Checked { article, claims };
        let mut cx = CheckContext::new(target, &rules, &pool, &index, config.window.value);
        cx.mode = config.mode.value;
        if together {
            cx = cx.without_coverage_article(coverage.articles.len() + i);
        }
        let mut found = check::run_checks(&cx);
        found.retain(|f| config.is_enabled(f.code, &f.path));
        relate_evidence(&mut found);
        findings.extend(found);
    }
    // Suppressions: each article's directives see only its own findings.
    let mut by_path: std::collections::HashMap<PathBuf, Vec<Finding>> = Default::default();
    for f in merge_findings(findings) {
        by_path.entry(f.path.clone()).or_default().push(f);
    }
    let mut findings = Vec::new();
    for (article, _) in &targets.articles {
        let mine = by_path.remove(&article.path).unwrap_or_default();
        let sups = parse_suppressions(article);
        findings.extend(apply_suppressions(
            article,
            &sups,
            mine,
            config.report_unused_suppressions.value,
        ));
    }
    findings.extend(by_path.into_values().flatten());
    // The suppression checks (CC900-CC902) are selected like the others.
    findings.retain(|f| config.is_enabled(f.code, &f.path));
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    Ok(CheckRun {
        checked: targets
            .articles
            .iter()
            .map(|(a, _)| a.path.clone())
            .collect(),
        published: targets.articles.iter().map(|(a, _)| a.published).collect(),
        coverage: pool.len() - usize::from(together),
        rule_files: rules.files.clone(),
        errored: targets.errored || coverage.errored,
        config,
        findings,
    })
}

fn run_check(config: Option<&Path>, args: &CheckArgs) -> Result<Status> {
    let mut run = check_run(config, args)?;
    if let Some(path) = &run.config.baseline.value {
        run.findings = load_baseline(path)?.filter(run.findings);
    }
    let findings = &run.findings;
    let out = match args.common.format {
        OutputFormat::Text => {
            let styled =
                anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never;
            let mut s = render::text::render_findings_text(findings, styled);
            // A count after an error reads like a clean run: the error
            // stands alone, and the exit status is 2.
            if !run.errored {
                s.push_str(&summary_line(findings));
            }
            s
        }
        OutputFormat::Json => render::json::render_findings_json(findings),
        OutputFormat::Jsonl => render::json::render_findings_jsonl(findings),
        OutputFormat::Concise => render::concise::render_findings_concise(findings),
        OutputFormat::Github => render::github::render_findings_github(findings),
        OutputFormat::Sarif => render::sarif::render_findings_sarif(findings),
        OutputFormat::Rdjsonl => render::rdjsonl::render_findings_rdjsonl(findings),
        OutputFormat::Junit => render::junit::render_findings_junit(findings, &run.checked),
    };
    write_stdout(&out)?;
    if let Some(report) = &args.report {
        write_check_report(&run, report.as_deref())?;
    }
    Ok(if run.errored {
        Status::Errored
    } else if findings
        .iter()
        .any(|f| f.severity >= run.config.fail_on_for(&f.path))
    {
        Status::Findings
    } else {
        Status::Clean
    })
}

/// Write the Markdown discrepancy report of a check run.
fn write_check_report(run: &CheckRun, path_given: Option<&Path>) -> Result<()> {
    let path = match (path_given, run.checked.as_slice()) {
        (Some(p), _) => p.to_owned(),
        (None, [one]) => crate::output::default_report_path(one, run.published[0], "md"),
        (None, _) => PathBuf::from(crate::output::REPORTS_DIR).join("check-report.md"),
    };
    let mut inputs = inputs_of(run);
    inputs.extend(run.config.baseline.value.clone());
    let default_root = path_given.is_none().then_some(run.config.root.as_path());
    report_path::refuse_unsafe_report_path(&path, &inputs, default_root)?;
    let articles: Vec<String> = run
        .checked
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let rules: Vec<String> = run
        .rule_files
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let header = render::report::ReportHeader {
        articles: &articles,
        coverage: run.coverage,
        rules: &rules,
    };
    crate::output::write_atomic(
        &path,
        &render::report::render_report(&header, &run.findings),
    )?;
    eprintln!("claimcheck: wrote {}", path.display());
    Ok(())
}

/// The files a check run read: articles, coverage, rules, config file.
fn inputs_of(run: &CheckRun) -> Vec<PathBuf> {
    let c = &run.config;
    let named = run.checked.iter().chain(&run.rule_files).chain(&c.file);
    report_path::run_inputs(named.map(PathBuf::as_path), &c.against.value)
}

fn run_baseline(config: Option<&Path>, args: &BaselineArgs) -> Result<Status> {
    let run = check_run(config, &args.check)?;
    report_path::refuse_unsafe_report_path(&args.write, &inputs_of(&run), None)?;
    let baseline = Baseline::from_findings(&run.findings);
    write_baseline(&args.write, &baseline)?;
    eprintln!(
        "claimcheck: recorded {} finding(s) in {}",
        baseline.findings.len(),
        args.write.display()
    );
    Ok(if run.errored {
        Status::Errored
    } else {
        Status::Clean
    })
}

fn run_config(config: Option<&Path>, args: &CheckArgs) -> Result<Status> {
    let cwd = std::env::current_dir()?;
    let resolved = Resolved::resolve(config, args, &cwd)?;
    write_stdout(&resolved.describe())?;
    Ok(Status::Clean)
}

fn run_audit(args: &AuditArgs) -> Result<Status> {
    let published = args.common.published;
    let rules = load_rule_set(&args.common.rules, DEFAULT_MAX_FILE_SIZE)?;
    let loaded = load_all(&args.paths, published, &rules, DEFAULT_MAX_FILE_SIZE);
    let checked: Vec<Checked<'_>> = loaded
        .articles
        .iter()
        .map(|(article, claims)| Checked { article, claims })
        .collect();
    let subjects = crate::audit::audit_subjects(&checked, &rules);
    let empty = CoverageIndex::default();
    let mut findings = Vec::new();
    if !rules.is_empty() {
        for target in &checked {
            let cx = CheckContext::new(*target, &rules, &[], &empty, 0);
            findings.extend(
                check::run_checks(&cx)
                    .into_iter()
                    .filter(|f| f.severity == crate::finding::Severity::Error),
            );
        }
    }
    let findings = merge_findings(findings);
    let n = checked.len();
    let out = match args.common.format {
        OutputFormat::Json | OutputFormat::Jsonl => {
            render::audit::render_audit_json(n, &subjects, &findings)
        }
        OutputFormat::Text => render::audit::render_audit_markdown(n, &subjects, &findings),
        other => anyhow::bail!(
            "--format {} is not available for audit: use text, json or jsonl",
            other
                .to_possible_value()
                .map_or_else(String::new, |v| v.get_name().to_owned())
        ),
    };
    write_stdout(&out)?;
    if let Some(report) = &args.report {
        let path = report.clone().unwrap_or_else(|| {
            let latest = checked.iter().filter_map(|c| c.article.published).max();
            let date = latest.map_or("undated".to_owned(), |d| d.to_string());
            PathBuf::from(crate::output::REPORTS_DIR).join(format!("audit-{date}.md"))
        });
        let inputs = report_path::run_inputs(
            checked
                .iter()
                .map(|c| c.article.path.as_path())
                .chain(rules.files.iter().map(PathBuf::as_path)),
            &[],
        );
        let cwd = std::env::current_dir()?;
        let default_root = report.is_none().then_some(cwd.as_path());
        report_path::refuse_unsafe_report_path(&path, &inputs, default_root)?;
        let is_html = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
        let contents = if is_html {
            render::audit_html::render_audit_html(n, &subjects, &findings)
        } else {
            render::audit::render_audit_markdown(n, &subjects, &findings)
        };
        crate::output::write_atomic(&path, &contents)?;
        eprintln!("claimcheck: wrote {}", path.display());
    }
    let threshold = args.fail_on.severity();
    Ok(if loaded.errored {
        Status::Errored
    } else if findings.iter().any(|f| f.severity >= threshold) {
        Status::Findings
    } else {
        Status::Clean
    })
}

fn summary_line(findings: &[crate::finding::Finding]) -> String {
    use crate::finding::Severity;
    let n = |s| findings.iter().filter(|f| f.severity == s).count();
    format!(
        "{} error(s), {} warning(s), {} note(s)\n",
        n(Severity::Error),
        n(Severity::Warning),
        n(Severity::Note)
    )
}

fn run_rules_check(paths: &[PathBuf]) -> Result<Status> {
    let rules = match load_rules(paths) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}", printable(&e.to_string()));
            return Ok(Status::Errored);
        }
    };
    write_stdout(&crate::rules::describe_rules(&rules))?;
    Ok(Status::Clean)
}

fn run_explain(code: Option<&str>) -> Result<Status> {
    let mut s = String::new();
    match code {
        Some(c) => {
            let (code, name, doc) = check::find_check(c)
                .map(|k| (k.code(), k.name(), k.doc()))
                .or_else(|| {
                    crate::suppress::SUPPRESSION_CHECKS
                        .iter()
                        .copied()
                        .find(|(k, n, _)| k.eq_ignore_ascii_case(c) || n.eq_ignore_ascii_case(c))
                })
                .ok_or_else(|| anyhow::anyhow!("unknown check '{c}'"))?;
            s.push_str(&format!("{code} ({name})\n\n{}\n", check::doc_text(doc)));
        }
        None => {
            for c in check::CHECKS {
                s.push_str(&format!("{}  {}\n", c.code(), c.name()));
            }
            for (code, name, _) in crate::suppress::SUPPRESSION_CHECKS {
                s.push_str(&format!("{code}  {name}\n"));
            }
        }
    }
    write_stdout(&s)?;
    Ok(Status::Clean)
}
