//! Findings for people, rendered like rustc with annotate-snippets: the
//! article line with a caret under the claim, then each piece of evidence,
//! then the word diff for quotes.

use crate::finding::{DiffOp, Evidence, Finding, Relation, Severity};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// Render findings; `styled` adds colour.
pub fn render_findings_text(findings: &[Finding], styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for f in findings {
        out.push_str(&renderer.render(&finding_report(f, styled)));
        out.push_str("\n\n");
    }
    out
}

fn level(sev: Severity) -> Level<'static> {
    match sev {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
    }
}

/// Byte range of the claim within its line.
fn claim_range(f: &Finding) -> std::ops::Range<usize> {
    let col_byte = f
        .location
        .line_text
        .char_indices()
        .nth(f.location.column.saturating_sub(f.line_text_column))
        .map_or(f.location.line_text.len(), |(i, _)| i);
    let len = f.span.len().min(f.location.line_text.len() - col_byte);
    let end = crate::span::floor_char_boundary(&f.location.line_text, col_byte + len);
    col_byte..end.max(col_byte)
}

/// What the article says, as shown: a quotation in quote marks without
/// the comma or full stop that closed it in the sentence.
pub(crate) fn said_text(f: &Finding) -> String {
    if f.kind == "quote" {
        let words = f
            .claim_text
            .trim()
            .trim_end_matches([',', '.', ';', ':'])
            .trim_end();
        format!("\"{words}\"")
    } else {
        f.claim_text.clone()
    }
}

fn finding_report(f: &Finding, styled: bool) -> Vec<Group<'_>> {
    let path = f.location.path.to_string_lossy().into_owned();
    let said = said_text(f);
    let mut label = match &f.expected {
        Some(e) => format!("article says: {said}; expected: {e}"),
        None => format!("article says: {said}"),
    };
    if let Some(d) = f.published {
        label.push_str(&format!(" (published {d})"));
    }
    let mut groups = vec![level(f.severity)
        .primary_title(f.message.clone())
        .id(f.code)
        .element(
            Snippet::source(f.location.line_text.clone())
                .line_start(f.location.line)
                .path(path)
                .annotation(AnnotationKind::Primary.span(claim_range(f)).label(label)),
        )];
    for e in &f.evidence {
        let mut title = evidence_title(f, e);
        if let Some(a) = &e.alignment {
            title.push_str(&format!(" ({})", a.describe()));
        }
        let hl = e.highlight.0.min(e.location.line_text.len())
            ..e.highlight.1.min(e.location.line_text.len());
        groups.push(
            Group::with_title(Level::NOTE.secondary_title(title)).element(
                Snippet::source(e.location.line_text.clone())
                    .line_start(e.location.line)
                    .path(e.location.path.to_string_lossy().into_owned())
                    .annotation(AnnotationKind::Context.span(hl)),
            ),
        );
    }
    if let Some(diff) = &f.diff {
        let line = if styled {
            word_diff_styled(diff)
        } else {
            word_diff_line(diff)
        };
        groups.push(Group::with_title(
            Level::HELP.secondary_title(format!("word diff: {line}")),
        ));
    }
    for n in &f.notes {
        groups.push(Group::with_title(Level::NOTE.secondary_title(n.clone())));
    }
    groups
}

/// What a piece of evidence is: a rule, an earlier line of the article
/// itself, or another article and how it relates in time to this one.
fn evidence_title(f: &Finding, e: &Evidence) -> String {
    let what = match (&e.rule, e.relation, e.published) {
        (Some(id), _, _) => format!("rule `{id}`"),
        (None, _, _) if e.location.path == f.location.path => "earlier in this article".to_owned(),
        (None, Some(Relation::Earlier), Some(d)) => format!("earlier coverage ({d})"),
        (None, Some(Relation::SameDay), Some(d)) => format!("same-day coverage ({d})"),
        (None, Some(Relation::Later), Some(d)) => format!("later coverage ({d})"),
        (None, _, Some(d)) => format!("coverage ({d})"),
        (None, _, None) => "undated coverage".to_owned(),
    };
    format!("{what}: {}", e.text)
}

/// The word diff with removed words in red and added words in green, the
/// markers kept so that the meaning does not rest on colour alone.
fn word_diff_styled(diff: &[DiffOp]) -> String {
    const RED: &str = "\x1b[31m";
    const GREEN: &str = "\x1b[32m";
    const RESET: &str = "\x1b[0m";
    let mut s = String::new();
    for op in diff {
        if !s.is_empty() {
            s.push(' ');
        }
        match op {
            DiffOp::Same(t) => s.push_str(t),
            DiffOp::Removed(t) => s.push_str(&format!("{RED}[-{t}-]{RESET}")),
            DiffOp::Added(t) => s.push_str(&format!("{GREEN}{{+{t}+}}{RESET}")),
        }
    }
    s
}

/// `keep [-removed-] {+added+}` in one line.
pub fn word_diff_line(diff: &[DiffOp]) -> String {
    let mut s = String::new();
    for op in diff {
        if !s.is_empty() {
            s.push(' ');
        }
        match op {
            DiffOp::Same(t) => s.push_str(t),
            DiffOp::Removed(t) => s.push_str(&format!("[-{t}-]")),
            DiffOp::Added(t) => s.push_str(&format!("{{+{t}+}}")),
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Location;
    use crate::fingerprint::tests::finding;

    fn quote_finding() -> Finding {
        let mut f = finding("a.md", 3, "CC005", "we will not decide");
        f.kind = "quote";
        f.claim_text = "We will not decide,".to_owned();
        f.location.line_text = "\"We will not decide,\" she said.".to_owned();
        f.location.column = 2;
        f.span = crate::span::Span::new(40, 40 + "We will not decide,".len());
        f.diff = Some(vec![
            DiffOp::Same("We will not".to_owned()),
            DiffOp::Removed("determine".to_owned()),
            DiffOp::Added("decide".to_owned()),
        ]);
        f
    }

    #[test]
    fn plain_output_has_no_escape_codes_and_styled_output_has() {
        let f = [quote_finding()];
        assert!(!render_findings_text(&f, false).contains('\x1b'));
        assert!(render_findings_text(&f, true).contains('\x1b'));
    }

    #[test]
    fn caret_sits_under_the_claim() {
        let out = render_findings_text(&[quote_finding()], false);
        let line = out.lines().find(|l| l.contains('^')).unwrap();
        let caret = line.find('^').unwrap();
        let source = out.lines().find(|l| l.contains("she said")).unwrap();
        assert_eq!(&source[caret - 1..caret], "\"");
        assert!(line.contains("article says: \"We will not decide\""));
    }

    #[test]
    fn evidence_says_how_it_relates_in_time() {
        let f = quote_finding();
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 4);
        let mut e = Evidence {
            location: Location {
                path: "other.md".into(),
                line: 1,
                column: 1,
                line_text: "We will not determine.".to_owned(),
            },
            highlight: (0, 4),
            text: "we will not determine".to_owned(),
            rule: None,
            published: d,
            relation: Some(Relation::Later),
            alignment: None,
        };
        let title = |e: &Evidence| evidence_title(&f, e);
        assert_eq!(
            title(&e),
            "later coverage (2026-03-04): we will not determine"
        );
        e.relation = Some(Relation::SameDay);
        assert!(title(&e).starts_with("same-day coverage (2026-03-04)"));
        e.relation = Some(Relation::Earlier);
        assert!(title(&e).starts_with("earlier coverage (2026-03-04)"));
        e.relation = None;
        assert!(title(&e).starts_with("coverage (2026-03-04)"));
        e.published = None;
        assert!(title(&e).starts_with("undated coverage"));
        e.location.path = f.location.path.clone();
        assert!(title(&e).starts_with("earlier in this article"));
    }

    #[test]
    fn word_diff_marks_removed_and_added_words() {
        let f = quote_finding();
        assert_eq!(
            word_diff_line(f.diff.as_deref().unwrap()),
            "We will not [-determine-] {+decide+}"
        );
    }
}
