//! Running a parsed command line: load, extract, check, render.
//!
//! One bad article does not stop the run: it is reported on stderr, the rest
//! is checked, and the status is 2 at the end (ripgrep's "errored" flag).

use crate::check::{self, CheckContext, Checked, CoverageIndex};
use crate::cli::{AuditArgs, CheckArgs, Cli, Command, ExtractArgs, RulesCommand};
use crate::error::Error;
use crate::extract::ArticleClaims;
use crate::finding::merge_findings;
use crate::render::{self, OutputFormat};
use crate::rules::{load_rules, RuleSet};
use crate::source::{collect_article_paths, load_article, Article};
use anyhow::Result;
use chrono::NaiveDate;
use std::io::Write;
use std::path::PathBuf;

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
        Command::Check(args) => run_check(args),
        Command::Rules {
            command: RulesCommand::Check { rules },
        } => run_rules_check(rules),
        Command::Audit(args) => run_audit(args),
        Command::Explain { code } => run_explain(code.as_deref()),
    }
}

fn parse_published(s: Option<&str>) -> Result<Option<NaiveDate>, Error> {
    s.map(|v| {
        NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| Error::BadDate {
            value: v.to_owned(),
        })
    })
    .transpose()
}

/// Articles loaded from paths, with the errors met on the way.
struct Loaded {
    articles: Vec<(Article, ArticleClaims)>,
    errored: bool,
}

fn load_all(paths: &[PathBuf], published: Option<NaiveDate>, rules: &RuleSet) -> Loaded {
    let mut errored = false;
    let mut articles = Vec::new();
    let files = match collect_article_paths(paths) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("claimcheck: {e}");
            // Still read the paths that exist, one by one.
            let mut files = Vec::new();
            for p in paths {
                match collect_article_paths(std::slice::from_ref(p)) {
                    Ok(f) => files.extend(f),
                    Err(e2) if e2.to_string() != e.to_string() => eprintln!("claimcheck: {e2}"),
                    Err(_) => {}
                }
            }
            errored = true;
            files
        }
    };
    let mut loaded = Vec::with_capacity(files.len());
    for path in &files {
        match load_article(path, published) {
            Ok(article) => loaded.push(article),
            Err(e) => {
                eprintln!("claimcheck: {e}");
                errored = true;
            }
        }
    }
    articles.extend(crate::extract::extract_all(loaded, rules));
    Loaded { articles, errored }
}

fn load_rule_set(paths: &[PathBuf]) -> Result<RuleSet, Error> {
    if paths.is_empty() {
        Ok(RuleSet::default())
    } else {
        load_rules(paths)
    }
}

fn write_stdout(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn run_extract(args: &ExtractArgs) -> Result<Status> {
    let published = parse_published(args.common.published.as_deref())?;
    let rules = load_rule_set(&args.common.rules)?;
    let loaded = load_all(&args.files, published, &rules);
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

fn run_check(args: &CheckArgs) -> Result<Status> {
    let published = parse_published(args.common.published.as_deref())?;
    let rules = load_rule_set(&args.common.rules)?;
    let targets = load_all(&args.files, published, &rules);
    let coverage = load_all(&args.against, published, &rules);
    let target_paths: Vec<&PathBuf> = targets.articles.iter().map(|(a, _)| &a.path).collect();
    let cov: Vec<Checked<'_>> = coverage
        .articles
        .iter()
        .filter(|(a, _)| !target_paths.contains(&&a.path))
        .map(|(article, claims)| Checked { article, claims })
        .collect();
    let index = CoverageIndex::build(&cov);
    let mut findings = Vec::new();
    for (article, claims) in &targets.articles {
        let cx = CheckContext::new(
            Checked { article, claims },
            &rules,
            &cov,
            &index,
            args.window,
        );
        findings.extend(check::run_checks(&cx));
    }
    let findings = merge_findings(findings);
    let out = match args.common.format {
        OutputFormat::Text => {
            let styled =
                anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never;
            let mut s = render::text::render_findings_text(&findings, styled);
            s.push_str(&summary_line(&findings));
            s
        }
        OutputFormat::Json => render::json::render_findings_json(&findings),
        OutputFormat::Jsonl => render::json::render_findings_jsonl(&findings),
    };
    write_stdout(&out)?;
    if let Some(report) = &args.report {
        let path = match report {
            Some(p) => p.clone(),
            None => match targets.articles.as_slice() {
                [(a, _)] => crate::output::default_report_path(&a.path, a.published, "md"),
                _ => PathBuf::from(crate::output::REPORTS_DIR).join("check-report.md"),
            },
        };
        let articles: Vec<String> = targets
            .articles
            .iter()
            .map(|(a, _)| a.path.display().to_string())
            .collect();
        let rule_files: Vec<String> = rules
            .files
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        let header = render::report::ReportHeader {
            articles: &articles,
            coverage: cov.len(),
            rules: &rule_files,
        };
        crate::output::write_atomic(&path, &render::report::render_report(&header, &findings))?;
        eprintln!("claimcheck: wrote {}", path.display());
    }
    let threshold = args.fail_on.severity();
    Ok(if targets.errored || coverage.errored {
        Status::Errored
    } else if findings.iter().any(|f| f.severity >= threshold) {
        Status::Findings
    } else {
        Status::Clean
    })
}

fn run_audit(args: &AuditArgs) -> Result<Status> {
    let published = parse_published(args.common.published.as_deref())?;
    let rules = load_rule_set(&args.common.rules)?;
    let loaded = load_all(&args.paths, published, &rules);
    let checked: Vec<Checked<'_>> = loaded
        .articles
        .iter()
        .map(|(article, claims)| Checked { article, claims })
        .collect();
    let subjects = crate::audit::audit_subjects(&checked);
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
    };
    write_stdout(&out)?;
    if let Some(report) = &args.report {
        let path = report.clone().unwrap_or_else(|| {
            let latest = checked.iter().filter_map(|c| c.article.published).max();
            let date = latest.map_or("undated".to_owned(), |d| d.to_string());
            PathBuf::from(crate::output::REPORTS_DIR).join(format!("audit-{date}.md"))
        });
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
            eprintln!("{e}");
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
            let check =
                check::find_check(c).ok_or_else(|| anyhow::anyhow!("unknown check '{c}'"))?;
            s.push_str(&format!(
                "{} ({})\n\n{}\n",
                check.code(),
                check.name(),
                check.doc()
            ));
        }
        None => {
            for c in check::CHECKS {
                s.push_str(&format!("{}  {}\n", c.code(), c.name()));
            }
        }
    }
    write_stdout(&s)?;
    Ok(Status::Clean)
}
