//! Command-line glue: settings from the parsed arguments, the library's
//! pipeline on them, the results rendered to stdout, and one mapping from
//! the run's summary to an exit status.
//!
//! One bad article does not stop the run: it is reported on stderr, the rest
//! is checked, and the status is 2 at the end (ripgrep's "errored" flag).

use crate::cli::{
    AuditArgs, BaselineArgs, CheckArgs, CheckCommand, Cli, Command, ExtractArgs, ExtractFormat,
    IndexCommand, RulesCommand,
};
use anyhow::Result;
use claimcheck::baseline::{write_baseline, Baseline};
use claimcheck::config::Resolved;
use claimcheck::error::printable;
use claimcheck::extract::Extraction;
use claimcheck::finding::Finding;
use claimcheck::pipeline::{
    self, AuditSettings, Changed, CheckSettings, Problem, Progress, Sink, Summary,
};
use claimcheck::render::{self, OutputFormat};
use claimcheck::report_path;
use claimcheck::rules::load_rules_limited;
use claimcheck::source::{Article, DEFAULT_MAX_FILE_SIZE};
use claimcheck::subject::Subjects;
use std::io::Write;
use std::path::{Path, PathBuf};

/// How a run ended, as an exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Status {
    /// Nothing at or above the failing level.
    Clean = 0,
    /// Findings at or above the failing level.
    Findings = 1,
    /// Some input could not be read.
    Errored = 2,
}

impl From<&Summary> for Status {
    /// The one mapping from a run to an exit status.
    fn from(s: &Summary) -> Status {
        if s.errors > 0 {
            Status::Errored
        } else if s.failing > 0 {
            Status::Findings
        } else {
            Status::Clean
        }
    }
}

/// Run a parsed command line.
pub(crate) fn run(cli: &Cli) -> Result<Status> {
    let quiet = cli.quiet;
    match &cli.command {
        Command::Extract(args) => run_extract(args),
        Command::Check(args) => run_check(cli.config.as_deref(), args, quiet),
        Command::Baseline(args) => run_baseline(cli.config.as_deref(), args, quiet),
        Command::Config(args) => run_config(cli.config.as_deref(), args),
        Command::Rules {
            command: RulesCommand::Check { rules },
        } => run_rules_check(cli.config.as_deref(), rules),
        Command::Audit(args) => run_audit(cli.config.as_deref(), args, quiet),
        Command::Index { command } => run_index(command),
        Command::Explain { code } => run_explain(code.as_deref()),
        Command::Server => {
            claimcheck::server::run_stdio(cli.config.as_deref())?;
            Ok(Status::Clean)
        }
    }
}

/// A problem on stderr, as it comes.
fn report_problem(problem: Problem) {
    match problem {
        Problem::Error(m) => eprintln!("claimcheck: {}", printable(&m)),
        Problem::Warning(m) => eprintln!("claimcheck: warning: {m}"),
        Problem::Note(m) => eprintln!("claimcheck: note: {m}"),
    }
}

/// Problems on stderr as they come; findings collected for rendering
/// (every format but jsonl needs the whole run).
#[derive(Default)]
struct Collect {
    findings: Vec<Finding>,
    /// Progress on the terminal (see [`Collect::with_progress`]).
    bar: Option<indicatif::ProgressBar>,
}

impl Collect {
    /// A sink that shows the run's progress on stderr when a person is
    /// watching a terminal (not piped, not in CI, not `--quiet`).
    fn with_progress(quiet: bool) -> Collect {
        use std::io::IsTerminal;
        let env = |k: &str| std::env::var(k).ok();
        let shown =
            claimcheck::progress::shows_progress(std::io::stderr().is_terminal(), &env, quiet);
        Collect {
            bar: shown.then(|| {
                indicatif::ProgressBar::with_draw_target(
                    Some(0),
                    indicatif::ProgressDrawTarget::stderr(),
                )
            }),
            ..Collect::default()
        }
    }

    /// Clear the progress display before the results are written.
    fn finish_progress(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

/// The progress display's look while files are read and while articles
/// are checked.
fn progress_style(what: &str) -> indicatif::ProgressStyle {
    let template = format!("{{bar:30}} {{pos}}/{{len}} {what}, {{eta}} left");
    indicatif::ProgressStyle::with_template(&template)
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> ")
}

impl Sink for Collect {
    fn problem(&mut self, problem: Problem) {
        let say = || match problem {
            Problem::Error(m) => eprintln!("claimcheck: {}", printable(&m)),
            Problem::Warning(m) => eprintln!("claimcheck: warning: {m}"),
            Problem::Note(m) => eprintln!("claimcheck: note: {m}"),
        };
        match &self.bar {
            Some(bar) => bar.suspend(say),
            None => say(),
        }
    }

    fn progress(&mut self, progress: Progress) {
        let Some(bar) = &self.bar else { return };
        match progress {
            Progress::Reading(n) => {
                if bar.length() == Some(0) {
                    bar.set_style(progress_style("files read"));
                }
                // The coverage's files add to the articles'.
                bar.inc_length(n as u64);
            }
            Progress::Read => bar.inc(1),
            Progress::Checking(n) => {
                bar.set_style(progress_style("articles checked"));
                bar.set_length(n as u64);
                bar.set_position(0);
                bar.reset_eta();
            }
        }
    }

    fn findings(&mut self, _article: &Article, findings: Vec<Finding>) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
        self.findings.extend(findings);
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

/// `extract`'s output, written as each article's claims come: memory
/// stays flat whatever the number of articles. A closed pipe stops the
/// writing quietly (as [`write_stdout`]).
struct StreamClaims<W: Write> {
    out: W,
    format: ExtractFormat,
    /// With `--format prose` from several files: a `==> path <==` line
    /// before each article's prose.
    headers: bool,
    /// Articles written so far.
    written: usize,
    closed: bool,
    failed: Option<std::io::Error>,
    /// A JSON line being written, kept from claim to claim.
    line: Vec<u8>,
}

impl<W: Write> StreamClaims<W> {
    fn write(&mut self, line: &str) {
        self.write_bytes(line.as_bytes());
    }

    fn write_bytes(&mut self, line: &[u8]) {
        if self.closed || self.failed.is_some() {
            return;
        }
        if let Err(e) = self
            .out
            .write_all(line)
            .and_then(|()| self.out.write_all(b"\n"))
        {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                self.closed = true;
            } else {
                self.failed = Some(e);
            }
        }
    }

    fn finish(mut self) -> Result<()> {
        if let Some(e) = self.failed.take() {
            return Err(e.into());
        }
        match self.out.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            flushed => Ok(flushed?),
        }
    }
}

impl<W: Write> Sink for StreamClaims<W> {
    fn problem(&mut self, problem: Problem) {
        report_problem(problem);
    }

    fn claims(&mut self, article: &Article, claims: &Extraction, subjects: Option<&Subjects>) {
        self.written += 1;
        if self.format == ExtractFormat::Prose {
            if self.headers {
                let gap = if self.written > 1 { "\n" } else { "" };
                self.write(&format!("{gap}==> {} <==", article.path.display()));
            }
            let prose = article.prose.text().trim();
            if !prose.is_empty() {
                self.write(prose);
            }
            return;
        }
        let lines = (self.format != ExtractFormat::Text && subjects.is_none())
            .then(|| render::claims::ClaimLines::new(article));
        for (ci, claim) in claims.claims.iter().enumerate() {
            match (self.format, subjects) {
                (ExtractFormat::Text, _) => {
                    self.write(&render::claims::claim_line(article, claim));
                }
                (_, Some(subjects)) => self.write(
                    &render::claim_keys::claim_json_with_keys(article, claims, subjects, ci)
                        .to_string(),
                ),
                _ => {
                    let Some(lines) = &lines else { continue };
                    let mut line = std::mem::take(&mut self.line);
                    line.clear();
                    lines.write(claim, &mut line);
                    self.write_bytes(&line);
                    self.line = line;
                }
            }
        }
    }
}

fn run_extract(args: &ExtractArgs) -> Result<Status> {
    let format = args.format;
    if args.keys && !matches!(format, ExtractFormat::Json | ExtractFormat::Jsonl) {
        anyhow::bail!("--keys adds fields to JSON: use it with --format jsonl or json");
    }
    let rules = pipeline::load_rule_set(&args.common.rules, DEFAULT_MAX_FILE_SIZE)?;
    let mut sink = StreamClaims {
        out: std::io::BufWriter::new(std::io::stdout().lock()),
        format,
        headers: args.files.len() > 1 || args.files.iter().any(|p| p.is_dir()),
        written: 0,
        closed: false,
        failed: None,
        line: Vec::new(),
    };
    let summary = pipeline::extract(
        &args.files,
        args.common.published,
        &rules,
        DEFAULT_MAX_FILE_SIZE,
        args.keys,
        &mut sink,
    );
    sink.finish()?;
    Ok(Status::from(&summary))
}

fn run_index(command: &IndexCommand) -> Result<Status> {
    let (changes, path) = match command {
        IndexCommand::Build {
            archive,
            out,
            published,
            rules,
        } => {
            let rules = pipeline::load_rule_set(rules, DEFAULT_MAX_FILE_SIZE)?;
            let inputs = report_path::run_inputs(
                rules.files.iter().map(PathBuf::as_path),
                archive.as_slice(),
            );
            report_path::refuse_unsafe_report_path(out, &inputs, None)?;
            let changes =
                claimcheck::index::build(out, archive, *published, &rules, DEFAULT_MAX_FILE_SIZE)?;
            (changes, out)
        }
        IndexCommand::Update { file } => (claimcheck::index::update(file)?, file),
    };
    eprintln!(
        "claimcheck: {}: {} added, {} changed, {} removed, {} unchanged",
        path.display(),
        changes.added,
        changes.changed,
        changes.removed,
        changes.unchanged
    );
    Ok(Status::Clean)
}

/// The settings of `check` and `baseline`.
fn check_settings(
    config: Option<&Path>,
    args: &CheckArgs,
    apply_baseline: bool,
) -> Result<CheckSettings> {
    let cwd = std::env::current_dir()?;
    let config = Resolved::resolve(config, &args.flags(), &cwd)?;
    let only = match &args.changed_since {
        Some(rev) => Some(Changed {
            since: rev.clone(),
            paths: claimcheck::git::changed_since(&cwd, rev)?
                .iter()
                .filter_map(|p| std::fs::canonicalize(p).ok())
                .collect(),
        }),
        None => None,
    };
    Ok(CheckSettings {
        config,
        only,
        apply_baseline,
    })
}

fn run_check(config: Option<&Path>, args: &CheckCommand, quiet: bool) -> Result<Status> {
    let settings = check_settings(config, &args.check, true)?;
    let config = settings.config.clone();
    let mut sink = Collect::with_progress(quiet);
    let summary = pipeline::check(settings, &mut sink);
    sink.finish_progress();
    let summary = summary?;
    let mut findings = sink.findings;
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let checked: Vec<PathBuf> = summary.checked.iter().map(|(p, _)| p.clone()).collect();
    let styled = args.format == OutputFormat::Text
        && anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never;
    let run = render::Findings {
        findings: &findings,
        articles: &checked,
        styled,
    };
    let mut out = Vec::new();
    args.format.renderer().render(&run, &mut out)?;
    // A count after an error reads like a clean run: the error stands
    // alone, and the exit status is 2.
    if args.format == OutputFormat::Text && summary.errors == 0 {
        out.extend_from_slice(summary_line(&summary).as_bytes());
    }
    write_stdout(&String::from_utf8_lossy(&out))?;
    if let Some(report) = &args.report {
        write_check_report(&config, &summary, &findings, report.as_deref())?;
    }
    Ok(Status::from(&summary))
}

/// The files a check run read: articles, coverage, rules, config file.
fn inputs_of(config: &Resolved, summary: &Summary) -> Vec<PathBuf> {
    let named = summary
        .checked
        .iter()
        .map(|(p, _)| p)
        .chain(&summary.rule_files)
        .chain(&config.file);
    report_path::run_inputs(named.map(PathBuf::as_path), &config.against.value)
}

/// Write the Markdown discrepancy report of a check run.
fn write_check_report(
    config: &Resolved,
    summary: &Summary,
    findings: &[Finding],
    path_given: Option<&Path>,
) -> Result<()> {
    let path = match (path_given, summary.checked.as_slice()) {
        (Some(p), _) => p.to_owned(),
        (None, [(one, published)]) => {
            claimcheck::output::default_report_path(one, *published, "md")
        }
        (None, _) => PathBuf::from(claimcheck::output::REPORTS_DIR).join("check-report.md"),
    };
    let mut inputs = inputs_of(config, summary);
    inputs.extend(config.baseline.value.clone());
    let default_root = path_given.is_none().then_some(config.root.as_path());
    report_path::refuse_unsafe_report_path(&path, &inputs, default_root)?;
    let articles: Vec<String> = summary
        .checked
        .iter()
        .map(|(p, _)| p.display().to_string())
        .collect();
    let rules: Vec<String> = summary
        .rule_files
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let header = render::report::ReportHeader {
        articles: &articles,
        coverage: summary.coverage,
        rules: &rules,
    };
    claimcheck::output::write_atomic(&path, &render::report::render_report(&header, findings))?;
    eprintln!("claimcheck: wrote {}", path.display());
    Ok(())
}

fn run_baseline(config: Option<&Path>, args: &BaselineArgs, quiet: bool) -> Result<Status> {
    let settings = check_settings(config, &args.check, false)?;
    let config = settings.config.clone();
    let mut sink = Collect::with_progress(quiet);
    let summary = pipeline::check(settings, &mut sink);
    sink.finish_progress();
    let mut summary = summary?;
    report_path::refuse_unsafe_report_path(&args.write, &inputs_of(&config, &summary), None)?;
    let mut findings = sink.findings;
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let baseline = Baseline::from_findings(&findings);
    write_baseline(&args.write, &baseline)?;
    eprintln!(
        "claimcheck: recorded {} finding(s) in {}",
        baseline.findings.len(),
        args.write.display()
    );
    // Recording a baseline never fails on the findings it records.
    summary.failing = 0;
    Ok(Status::from(&summary))
}

fn run_config(config: Option<&Path>, args: &CheckArgs) -> Result<Status> {
    let cwd = std::env::current_dir()?;
    let resolved = Resolved::resolve(config, &args.flags(), &cwd)?;
    write_stdout(&resolved.describe())?;
    Ok(Status::Clean)
}

/// The config file (found upward, or `--config`) under what the command
/// line says, for the commands that read only its rules, date and limits.
fn resolve_config(config: Option<&Path>, flags: &claimcheck::config::Flags) -> Result<Resolved> {
    let cwd = std::env::current_dir()?;
    Ok(Resolved::resolve(config, flags, &cwd)?)
}

fn run_audit(config: Option<&Path>, args: &AuditArgs, quiet: bool) -> Result<Status> {
    let format = OutputFormat::from(args.format);
    let config = resolve_config(
        config,
        &claimcheck::config::Flags {
            rules: args.common.rules.clone(),
            published: args.common.published,
            fail_on: args.fail_on.map(Into::into),
            ..claimcheck::config::Flags::default()
        },
    )?;
    let settings = AuditSettings {
        paths: args.paths.clone(),
        published: config.published.value,
        rules: config.rules.value,
        fail_on: config.fail_on.value.severity(),
        max_file_size: config.max_file_size.value,
        index: args.index.clone().or(config.index.value),
    };
    let mut sink = Collect::with_progress(quiet);
    let audit = pipeline::audit(&settings, &mut sink);
    sink.finish_progress();
    let audit = audit?;
    let report = render::audit::AuditReport {
        articles: audit.articles,
        subjects: &audit.subjects,
        findings: &audit.findings,
        bylines: &audit.bylines,
    };
    let Some(path_given) = &args.report else {
        let out = if format == OutputFormat::Text {
            render::audit::render_audit_markdown(&report)
        } else {
            render::audit::render_audit_json(&report)
        };
        write_stdout(&out)?;
        return Ok(Status::from(&audit.summary));
    };
    let path = path_given.clone().unwrap_or_else(|| {
        let date = audit.latest.map_or("undated".to_owned(), |d| d.to_string());
        PathBuf::from(claimcheck::output::REPORTS_DIR).join(format!("audit-{date}.md"))
    });
    let summary = &audit.summary;
    let inputs = report_path::run_inputs(
        summary
            .checked
            .iter()
            .map(|(p, _)| p.as_path())
            .chain(summary.rule_files.iter().map(PathBuf::as_path)),
        &[],
    );
    let cwd = std::env::current_dir()?;
    let default_root = path_given.is_none().then_some(cwd.as_path());
    report_path::refuse_unsafe_report_path(&path, &inputs, default_root)?;
    let is_html = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let contents = if is_html {
        render::audit_html::render_audit_html(&report)
    } else {
        render::audit::render_audit_markdown(&report)
    };
    claimcheck::output::write_atomic(&path, &contents)?;
    eprintln!("claimcheck: wrote {}", path.display());
    // The report is in the file: stdout gets its summary (JSON stays
    // whole, for machines).
    let out = if format == OutputFormat::Text {
        render::audit::render_audit_summary(&report)
    } else {
        render::audit::render_audit_json(&report)
    };
    write_stdout(&out)?;
    Ok(Status::from(&audit.summary))
}

fn summary_line(summary: &Summary) -> String {
    let c = summary.counts;
    format!(
        "{} error(s), {} warning(s), {} note(s)\n",
        c.error, c.warning, c.note
    )
}

fn run_rules_check(config: Option<&Path>, paths: &[PathBuf]) -> Result<Status> {
    let config = resolve_config(
        config,
        &claimcheck::config::Flags {
            rules: paths.to_vec(),
            ..claimcheck::config::Flags::default()
        },
    )?;
    let paths = &config.rules.value;
    if paths.is_empty() {
        anyhow::bail!("no rule files: pass --rules, or set `rules:` in claimcheck.yaml");
    }
    let rules = match load_rules_limited(paths, config.max_file_size.value) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}", printable(&e.to_string()));
            return Ok(Status::Errored);
        }
    };
    write_stdout(&claimcheck::rules::describe_rules(&rules))?;
    Ok(Status::Clean)
}

fn run_explain(code: Option<&str>) -> Result<Status> {
    let mut s = String::new();
    match code {
        Some(c) => {
            let check = claimcheck::registry::find(c).ok_or_else(|| {
                anyhow::anyhow!(
                    "unknown check '{c}'{}",
                    claimcheck::registry::unknown_check_hint(c)
                )
            })?;
            s.push_str(&explain_text(check));
        }
        None => {
            let width = claimcheck::registry::all()
                .map(|c| c.name().len())
                .max()
                .unwrap_or(0);
            for c in claimcheck::registry::all() {
                s.push_str(&format!(
                    "{}  {:width$}  {}\n",
                    c.code(),
                    c.name(),
                    claimcheck::registry::summary(c.code())
                ));
            }
        }
    }
    write_stdout(&s)?;
    Ok(Status::Clean)
}

/// What `explain CODE` prints.
pub(crate) fn explain_text(check: &dyn claimcheck::check::Check) -> String {
    format!(
        "{} ({})\n\n{}\n",
        check.code(),
        check.name(),
        claimcheck::check::doc_text(check.doc())
    )
}
