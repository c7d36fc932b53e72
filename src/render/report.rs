//! The Markdown discrepancy report of `check --report`: a summary table,
//! then one block per finding with a unified diff of the evidence line
//! against the article line, and the word diff for quotes.

use super::text::{said_text, word_diff_line};
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
    if !s.bytes().any(|b| matches!(b, b'|' | b'\n' | b'\r')) {
        return s.to_owned();
    }
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// Write `s` to `out` as a table cell (see [`cell`]).
pub(crate) fn push_cell(out: &mut String, s: &str) {
    if !s.bytes().any(|b| matches!(b, b'|' | b'\n' | b'\r')) {
        out.push_str(s);
        return;
    }
    out.push_str(&cell(s));
}

/// A code fence longer than any run of backticks in `body`, so that no
/// article line can close the block early.
fn fence_for(body: &str) -> String {
    let longest = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

/// End what came before with exactly one blank line.
fn end_block(s: &mut String) {
    while s.ends_with("\n\n") {
        s.pop();
    }
    s.push_str(if s.ends_with('\n') { "\n" } else { "\n\n" });
}

/// Render the report.
pub fn render_report(header: &ReportHeader<'_>, findings: &[Finding]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# claimcheck report\n");
    let _ = writeln!(s, "- checked: {}", header.articles.join(", "));
    let _ = writeln!(s, "- against: {} other article(s)", header.coverage);
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
            cell(&f.location.path.to_string_lossy()),
            f.location.line,
            f.location.column,
            cell(&said_text(f)),
            cell(&evidence),
            f.severity.as_str()
        );
    }
    for (i, f) in findings.iter().enumerate() {
        end_block(&mut s);
        let _ = writeln!(
            s,
            "## {}. {} {}: {}:{}:{}\n\n**{}**: {}\n",
            i + 1,
            f.code,
            f.name,
            f.location.path.display(),
            f.location.line,
            f.location.column,
            f.severity.as_str(),
            f.message
        );
        let published = f.published.map_or("undated".to_owned(), |d| d.to_string());
        for e in &f.evidence {
            let what = match (&e.rule, e.published, e.relation) {
                (Some(id), _, _) => format!("rule {id}"),
                (None, Some(d), Some(r)) => format!("{}, {d}", r.as_str()),
                (None, Some(d), None) => d.to_string(),
                (None, None, _) => "undated".to_owned(),
            };
            let source = match &e.rule {
                Some(id) => format!("rule `{id}`"),
                None => format!("{} ({what})", e.location.path.display()),
            };
            let body = format!(
                "--- evidence ({}:{}, {what})\n+++ article ({}:{}, {published})\n-{}\n+{}",
                e.location.path.display(),
                e.location.line,
                f.location.path.display(),
                f.location.line,
                e.location.line_text,
                f.location.line_text
            );
            let fence = fence_for(&body);
            let _ = writeln!(
                s,
                "Evidence, {source}: {}\n\n{fence}diff\n{body}\n{fence}\n",
                e.text.replace('\n', " ")
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
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Evidence, Location};
    use crate::fingerprint::tests::finding;
    use std::path::PathBuf;

    fn header() -> ReportHeader<'static> {
        ReportHeader {
            articles: &[],
            coverage: 0,
            rules: &[],
        }
    }

    fn with_evidence(line_text: &str) -> Finding {
        let mut f = finding("draft.md", 4, "CC001", "240 passengers");
        f.location.line_text = "Crews rescued 240 passengers.".to_owned();
        f.evidence = vec![Evidence {
            location: Location {
                path: PathBuf::from("earlier.md"),
                line: 9,
                column: 5,
                line_text: line_text.to_owned(),
            },
            highlight: (0, 3),
            text: "212 passengers".to_owned(),
            rule: None,
            published: chrono::NaiveDate::from_ymd_opt(2026, 5, 14),
            relation: None,
            alignment: None,
        }];
        f
    }

    #[test]
    fn no_findings_says_so() {
        assert!(render_report(&header(), &[]).ends_with("No discrepancies found.\n"));
    }

    #[test]
    fn each_evidence_gets_a_unified_diff_with_paths_lines_and_dates() {
        let r = render_report(&header(), &[with_evidence("All 212 passengers.")]);
        assert!(r.contains(
            "```diff\n--- evidence (earlier.md:9, 2026-05-14)\n+++ article (draft.md:4, undated)\n-All 212 passengers.\n+Crews rescued 240 passengers.\n```"
        ));
        assert!(r.contains("Evidence, earlier.md (2026-05-14): 212 passengers"));
    }

    #[test]
    fn blocks_are_separated_by_one_blank_line() {
        let f = with_evidence("All 212 passengers.");
        let r = render_report(&header(), &[f.clone(), f]);
        assert!(!r.contains("\n\n\n"), "{r}");
        assert!(r.contains("|\n\n## 1. "));
        assert!(r.contains("```\n\n## 2. "));
        assert!(r.ends_with("```\n"));
    }

    #[test]
    fn backticks_in_a_line_cannot_close_the_diff_block() {
        let r = render_report(&header(), &[with_evidence("a ```` b")]);
        assert!(r.contains("`````diff\n"));
    }

    #[test]
    fn pipes_in_a_claim_do_not_break_the_table() {
        let mut f = with_evidence("x");
        f.claim_text = "a | b".to_owned();
        let r = render_report(&header(), &[f]);
        assert!(r.contains("| a \\| b |"));
    }
}
