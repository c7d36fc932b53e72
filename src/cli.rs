//! Command-line arguments (clap derive): parsing only, and the plain
//! settings the library runs on, built from them. `run.rs` runs them.

use chrono::NaiveDate;
use claimcheck::config::Flags;
use claimcheck::render::OutputFormat;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// `--select`/`--ignore`: a check's canonical code from the moment it is
/// parsed.
fn check_code(s: &str) -> Result<&'static str, String> {
    claimcheck::config::check_code(s).ok_or_else(|| {
        format!(
            "unknown check '{s}'{}",
            claimcheck::registry::unknown_check_hint(s)
        )
    })
}

/// `--published`: a date from the moment it is parsed.
fn published_date(s: &str) -> Result<NaiveDate, String> {
    claimcheck::source::parse_published(s)
        .ok_or_else(|| format!("'{s}' is not a date: expected YYYY-MM-DD (ISO 8601)"))
}

/// Check news writing for factual consistency against rule files and
/// earlier coverage.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, about, long_about = None)]
pub struct Cli {
    /// Config file to use instead of searching for claimcheck.yaml or
    /// .claimcheck.yaml upward from the current folder.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Show no progress on the terminal (it is never shown when stderr is
    /// not a terminal or in CI).
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the claims found in articles (counts, dates, quotes, titles).
    Extract(ExtractArgs),
    /// Check articles against rule files and earlier coverage.
    Check(CheckCommand),
    /// Work with rule files.
    Rules {
        /// What to do with them.
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Audit a story's whole coverage: every article against the rules and
    /// the others, reported by subject.
    Audit(AuditArgs),
    /// Record the current findings in a baseline file, so that `check
    /// --baseline FILE` reports only new ones.
    Baseline(BaselineArgs),
    /// Print the resolved configuration and where each value came from.
    Config(CheckArgs),
    /// Keep an archive's claims in an index file, for `check
    /// --against-index` and `audit --index` (see docs/scale.md).
    Index {
        /// What to do.
        #[command(subcommand)]
        command: IndexCommand,
    },
    /// Run the language server on stdin and stdout, for editors (see
    /// docs/editors.md).
    Server,
    /// Print the documentation of a check, by code or name.
    Explain {
        /// A check's code (CC001) or kebab-case name (count-mismatch); all
        /// checks when omitted.
        code: Option<String>,
    },
}

/// `rules` subcommands.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Validate rule files and print what they define.
    Check {
        /// Rule files or folders (default: the config file's `rules`).
        #[arg(long = "rules", value_name = "FILE_OR_DIR", num_args = 1..)]
        rules: Vec<PathBuf>,
    },
}

/// Output formats of `extract` and `audit`, which render claims and
/// subjects, not only findings: the help lists only what they accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClaimsFormat {
    /// For people.
    Text,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Jsonl,
}

impl From<ClaimsFormat> for OutputFormat {
    fn from(f: ClaimsFormat) -> Self {
        match f {
            ClaimsFormat::Text => OutputFormat::Text,
            ClaimsFormat::Json => OutputFormat::Json,
            ClaimsFormat::Jsonl => OutputFormat::Jsonl,
        }
    }
}

/// Output formats of `extract`: its claims, or the prose they come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// For people.
    Text,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// The prose claimcheck reads from each file, without markup or page
    /// furniture.
    Prose,
}

/// `index` subcommands.
#[derive(Debug, Subcommand)]
pub enum IndexCommand {
    /// Extract the claims of an archive into a new index file (written
    /// whole or not at all).
    Build {
        /// The archive: articles, or folders of them.
        #[arg(required = true, value_name = "ARCHIVE")]
        archive: Vec<PathBuf>,
        /// The index file to write.
        #[arg(long, value_name = "FILE", required = true)]
        out: PathBuf,
        /// Publication date for files that carry none of their own.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = published_date)]
        published: Option<NaiveDate>,
        /// Rule files or folders the claims are extracted with (as for
        /// `check --rules`).
        #[arg(long = "rules", value_name = "FILE_OR_DIR", num_args = 1..)]
        rules: Vec<PathBuf>,
    },
    /// Bring an index up to date with its archive: extract changed and new
    /// files again, drop deleted ones.
    Update {
        /// The index file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

/// Options shared by `extract` and `check`.
#[derive(Debug, Args)]
pub struct CommonArgs {
    /// Publication date for files that carry none of their own (YYYY-MM-DD;
    /// it never replaces an unreadable date in a file).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = published_date)]
    pub published: Option<NaiveDate>,
    /// Rule files or folders of them.
    #[arg(long = "rules", value_name = "FILE_OR_DIR", num_args = 1..)]
    pub rules: Vec<PathBuf>,
}

/// `extract` arguments.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Articles, or folders of them.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,
    /// With `--format jsonl` or `json`: add each claim's subject keys,
    /// owner and publication date, for joining claims across articles in
    /// another engine (see docs/scale.md).
    #[arg(long)]
    pub keys: bool,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// The lowest severity that makes the exit status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Errors only.
    Error,
    /// Warnings and errors.
    Warning,
    /// Everything.
    Note,
}

impl From<FailOn> for claimcheck::config::FailOn {
    fn from(f: FailOn) -> Self {
        match f {
            FailOn::Error => Self::Error,
            FailOn::Warning => Self::Warning,
            FailOn::Note => Self::Note,
        }
    }
}

/// `check` arguments. Options left out here come from the config file, else
/// from the defaults (see `claimcheck config`).
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Articles to check, or folders of them (default: the config file's
    /// folder).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Earlier coverage to check against (files or folders).
    #[arg(long, value_name = "FILE_OR_DIR", num_args = 1..)]
    pub against: Vec<PathBuf>,
    /// Earlier coverage kept in a claim index (`claimcheck index build`).
    #[arg(long, value_name = "FILE")]
    pub against_index: Option<PathBuf>,
    /// Days within which coverage must agree on counts, 0 to 36500
    /// [default: 2].
    #[arg(long, value_parser = clap::value_parser!(i64).range(0..=claimcheck::config::MAX_WINDOW))]
    pub window: Option<i64>,
    /// What the checked texts are to their coverage: `restatement` (a
    /// summary or rewrite: every figure must be in the coverage),
    /// `article` (adds news of its own) or `auto` (decide per text)
    /// [default: auto].
    #[arg(long, value_parser = parse_mode, value_name = "MODE")]
    pub mode: Option<claimcheck::check::Mode>,
    /// Lowest severity that fails the run (exit status 1) [default: warning].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Hide the findings recorded in this baseline file; report only new
    /// ones.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Check only the articles changed since this git revision (and
    /// untracked ones), still against all the coverage and rules.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    /// Run only these checks (codes or kebab-case names, comma-separated or
    /// repeated); replaces the config file's `select` and `ignore`.
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = check_code)]
    pub select: Vec<&'static str>,
    /// Do not run these checks (codes or names, comma-separated or
    /// repeated); wins over --select and adds to the config's `ignore`.
    #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = check_code)]
    pub ignore: Vec<&'static str>,
    /// Report suppressions that silence nothing [default: true].
    #[arg(long, value_name = "BOOL", action = clap::ArgAction::Set)]
    pub report_unused_suppressions: Option<bool>,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}

/// `check` arguments: what to check, and how to show it (`config` and
/// `baseline` take the first part only, and list no format they ignore).
#[derive(Debug, Args)]
pub struct CheckCommand {
    /// What to check.
    #[command(flatten)]
    pub check: CheckArgs,
    /// Write a Markdown discrepancy report (default: under reports/, named
    /// from the article and its date).
    #[arg(long, value_name = "PATH", num_args = 0..=1)]
    pub report: Option<Option<PathBuf>>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

impl CheckArgs {
    /// What the command line says, for the config to fill in.
    pub fn flags(&self) -> Flags {
        Flags {
            files: self.files.clone(),
            against: self.against.clone(),
            index: self.against_index.clone(),
            rules: self.common.rules.clone(),
            published: self.common.published,
            window: self.window,
            mode: self.mode,
            fail_on: self.fail_on.map(Into::into),
            baseline: self.baseline.clone(),
            select: self.select.clone(),
            ignore: self.ignore.clone(),
            report_unused_suppressions: self.report_unused_suppressions,
        }
    }
}

/// `baseline` arguments.
#[derive(Debug, Args)]
pub struct BaselineArgs {
    /// The baseline file to write.
    #[arg(long, value_name = "FILE", required = true)]
    pub write: PathBuf,
    /// What to check, as for `check`.
    #[command(flatten)]
    pub check: CheckArgs,
}
/// `audit` arguments.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// The story's articles, or folders of them.
    #[arg(required_unless_present = "index", value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Audit the articles of this claim index too (`claimcheck index
    /// build`).
    #[arg(long, value_name = "FILE")]
    pub index: Option<PathBuf>,
    /// Lowest severity of rule findings that fails the run (exit status 1)
    /// [default: the config file's `fail-on`, else warning].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Write the audit report: Markdown, or HTML with charts when the path
    /// ends in .html (default: under reports/).
    #[arg(long, value_name = "PATH", num_args = 0..=1)]
    pub report: Option<Option<PathBuf>>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Text)]
    pub format: ClaimsFormat,
    /// Shared options.
    #[command(flatten)]
    pub common: CommonArgs,
}

fn parse_mode(s: &str) -> Result<claimcheck::check::Mode, String> {
    s.parse()
}
