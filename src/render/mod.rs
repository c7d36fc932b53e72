//! Output formats: one file per format. Renderers read findings and claims;
//! they never decide anything.

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
    /// JUnit XML: one test case per article checked (findings only).
    Junit,
}

impl OutputFormat {
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
    let text = &f.line_text;
    let start = text
        .char_indices()
        .nth(f.column.saturating_sub(f.line_text_column))
        .map_or(text.len(), |(i, _)| i);
    let end = crate::span::floor_char_boundary(text, start + f.span.len());
    let before = f.line_text_column.saturating_sub(1);
    (f.line, before + text[..end.max(start)].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::tests::finding;

    #[test]
    fn claim_end_counts_characters_and_stops_at_line_end() {
        let mut f = finding("a.md", 2, "CC001", "“14” ministers");
        f.line_text = "x “14” ministers".to_owned();
        f.column = 3;
        let four = "“14”".len();
        f.span = crate::span::Span::new(10, 10 + four);
        assert_eq!(claim_end(&f), (2, 7));
        f.span = crate::span::Span::new(10, 10 + 500);
        assert_eq!(claim_end(&f), (2, 17));
    }
}
