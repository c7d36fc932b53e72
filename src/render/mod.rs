//! Output formats: one file per format. Renderers read findings and claims;
//! they never decide anything. Every format of findings (`--format`) is a
//! [`Render`]: one interface, writing to any [`std::io::Write`], chosen by
//! [`OutputFormat::renderer`].

pub mod audit;
pub mod audit_html;
pub mod claim_keys;
pub mod claims;
pub mod concise;
pub mod github;
pub mod json;
pub mod junit;
pub mod rdjsonl;
pub mod report;
pub mod sarif;
pub mod text;

use crate::finding::{Evidence, Finding};
use clap::ValueEnum;

/// What a piece of evidence is, after its text in one-line formats:
/// ` (rule ID)`, ` (later coverage, DATE)` (or earlier, same-day), or
/// ` (published DATE)` when the checked article is undated.
pub(crate) fn evidence_suffix(e: &Evidence) -> String {
    match (&e.rule, e.relation, e.published) {
        (Some(r), _, _) => format!(" (rule {r})"),
        (None, Some(rel), Some(d)) => format!(" ({} coverage, {d})", rel.as_str()),
        (None, None, Some(d)) => format!(" (published {d})"),
        (None, _, None) => String::new(),
    }
}

/// Output format chosen with `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum OutputFormat {
    /// For people: rustc-style snippets.
    #[default]
    Text,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// `path:line:col: CODE message`, one finding per line (findings only).
    Concise,
    /// GitHub Actions workflow commands: annotations on pull requests
    /// (findings only).
    Github,
    /// SARIF 2.1.0, for code scanning (findings only).
    Sarif,
    /// reviewdog's rdjsonl diagnostics, one JSON object per line (findings
    /// only).
    Rdjsonl,
    /// JUnit XML: one test suite per article, one test case per finding
    /// (findings only).
    Junit,
}

/// What a findings renderer is given: a run's findings, sorted, and every
/// article checked, in order (JUnit lists the clean ones too).
#[derive(Debug, Clone, Copy)]
pub struct Findings<'a> {
    /// The findings, sorted by (path, offset, code).
    pub findings: &'a [Finding],
    /// Every article checked.
    pub articles: &'a [std::path::PathBuf],
    /// Whether the text format may colour its output.
    pub styled: bool,
}

/// One output format of findings.
pub trait Render {
    /// Write `run` in this format to `out`.
    fn render(&self, run: &Findings<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()>;
}

/// A renderer from a function that renders the whole run as text.
struct Whole(fn(&Findings<'_>) -> String);

impl Render for Whole {
    fn render(&self, run: &Findings<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all((self.0)(run).as_bytes())
    }
}

/// One JSON object per finding, each written as it is made.
struct Lines(fn(&Finding) -> String);

impl Render for Lines {
    fn render(&self, run: &Findings<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        for f in run.findings {
            out.write_all((self.0)(f).as_bytes())?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}

impl OutputFormat {
    /// The renderer of this format.
    pub fn renderer(self) -> &'static dyn Render {
        match self {
            OutputFormat::Text => &Whole(|r| text::render_findings_text(r.findings, r.styled)),
            OutputFormat::Json => &Whole(|r| json::render_findings_json(r.findings)),
            OutputFormat::Jsonl => &Lines(|f| json::finding_json(f).to_string()),
            OutputFormat::Concise => &Whole(|r| concise::render_findings_concise(r.findings)),
            OutputFormat::Github => &Whole(|r| github::render_findings_github(r.findings)),
            OutputFormat::Sarif => &Whole(|r| sarif::render_findings_sarif(r.findings)),
            OutputFormat::Rdjsonl => &Lines(rdjsonl::render_diagnostic),
            OutputFormat::Junit => &Whole(|r| junit::render_findings_junit(r.findings, r.articles)),
        }
    }

    /// Whether this format can render claims (`extract`), not only findings.
    pub fn renders_claims(self) -> bool {
        matches!(
            self,
            OutputFormat::Text | OutputFormat::Json | OutputFormat::Jsonl
        )
    }
}

/// 1-based line and character column where the claim of `f` ends
/// (exclusive), when it ends on its own line; else the end of that line.
pub(crate) fn claim_end(f: &Finding) -> (usize, usize) {
    let text = &f.location.line_text;
    let start = text
        .char_indices()
        .nth(f.location.column.saturating_sub(f.line_text_column))
        .map_or(text.len(), |(i, _)| i);
    let end = crate::span::floor_char_boundary(text, start + f.span.len());
    let before = f.line_text_column.saturating_sub(1);
    (
        f.location.line,
        before + text[..end.max(start)].chars().count() + 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::tests::finding;

    #[test]
    fn every_format_renders_through_the_one_interface_as_its_function_does() {
        let f = finding("a.md", 2, "CC001", "14 ministers");
        let findings = [f];
        let articles = ["a.md".into(), "b.md".into()];
        let run = Findings {
            findings: &findings,
            articles: &articles,
            styled: false,
        };
        let expect = |format: OutputFormat| match format {
            OutputFormat::Text => text::render_findings_text(&findings, false),
            OutputFormat::Json => json::render_findings_json(&findings),
            OutputFormat::Jsonl => json::render_findings_jsonl(&findings),
            OutputFormat::Concise => concise::render_findings_concise(&findings),
            OutputFormat::Github => github::render_findings_github(&findings),
            OutputFormat::Sarif => sarif::render_findings_sarif(&findings),
            OutputFormat::Rdjsonl => rdjsonl::render_findings_rdjsonl(&findings),
            OutputFormat::Junit => junit::render_findings_junit(&findings, &articles),
        };
        for format in OutputFormat::value_variants() {
            let mut out = Vec::new();
            format.renderer().render(&run, &mut out).unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                expect(*format),
                "{format:?}"
            );
        }
    }

    #[test]
    fn claim_end_counts_characters_and_stops_at_line_end() {
        let mut f = finding("a.md", 2, "CC001", "“14” ministers");
        f.location.line_text = "x “14” ministers".to_owned();
        f.location.column = 3;
        let four = "“14”".len();
        f.span = crate::span::Span::new(10, 10 + four);
        assert_eq!(claim_end(&f), (2, 7));
        f.span = crate::span::Span::new(10, 10 + 500);
        assert_eq!(claim_end(&f), (2, 17));
    }
}
