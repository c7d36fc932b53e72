//! The Markdown discrepancy report of `check --report`: a summary table,
//! then one block per finding with a unified diff of the evidence line
//! against the article line, and the word diff for quotes.

use super::text::word_diff_line;
use crate::finding::Finding;
use std::fmt::Write;

/// What the report is about, for its header.
pub struct ReportHeader<'a> {
    /// Articles checked.
    pub articles: &'a [String],
    /// Coverage files compared with.
    pub coverage: usize,
    /// Rule files read.
    pub rules: &'a [String],
}

/// Escape a table cell: pipes and line breaks would break the table.
pub(crate) fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// Render the report.
pub fn render_report(header: &ReportHeader<'_>, findings: &[Finding]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# claimcheck report\n");
    let _ = writeln!(s, "- checked: {}", header.articles.join(", "));
    let _ = writeln!(s, "- against: {} earlier article(s)", header.coverage);
    if header.rules.is_empty() {
        let _ = writeln!(s, "- rules: none");
    } else {
        let _ = writeln!(s, "- rules: {}", header.rules.join(", "));
    }
    let count = |sev: &str| {
        findings
            .iter()
            .filter(|f| f.severity.as_str() == sev)
            .count()
    };
    let _ = writeln!(
        s,
        "- findings: {} error(s), {} warning(s), {} note(s)\n",
        count("error"),
        count("warning"),
        count("note")
    );
    if findings.is_empty() {
        s.push_str("No discrepancies found.\n");
        return s;
    }
    s.push_str("## Summary\n\n| # | finding | where | article says | evidence says | severity |\n|---|---|---|---|---|---|\n");
    for (i, f) in findings.iter().enumerate() {
        let evidence = f
            .expected
            .clone()
            .or_else(|| f.evidence.first().map(|e| e.text.clone()))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "| {} | {} {} | {}:{}:{} | {} | {} | {} |",
            i + 1,
            f.code,
            f.name,
            cell(&f.path.to_string_lossy()),
            f.line,
            f.column,
            cell(&f.claim_text),
            cell(&evidence),
            f.severity.as_str()
        );
    }
    for (i, f) in findings.iter().enumerate() {
        let _ = writeln!(
            s,
            "\n## {}. {} {}: {}:{}:{}\n\n{} ({})\n",
            i + 1,
            f.code,
            f.name,
            f.path.display(),
            f.line,
            f.column,
            f.message,
            f.severity.as_str()
        );
        let published = f.published.map_or("undated".to_owned(), |d| d.to_string());
        for e in &f.evidence {
            let what = match (&e.rule, e.published) {
                (Some(id), _) => format!("rule {id}"),
                (None, Some(d)) => d.to_string(),
                (None, None) => "undated".to_owned(),
            };
            let _ = writeln!(
                s,
                "```diff\n--- evidence ({}:{}, {what})\n+++ article ({}:{}, {published})\n-{}\n+{}\n```\n",
                e.path.display(),
                e.line,
                f.path.display(),
                f.line,
                e.line_text,
                f.line_text
            );
        }
        if let Some(diff) = &f.diff {
            let _ = writeln!(
                s,
                "Word diff: `{}`\n",
                word_diff_line(diff).replace('`', "'")
            );
        }
        for n in &f.notes {
            let _ = writeln!(s, "- also: {n}");
        }
    }
    s
}
