//! Findings for people, rendered like rustc with annotate-snippets: the
//! article line with a caret under the claim, then each piece of evidence,
//! then the word diff for quotes.

use crate::finding::{DiffOp, Finding, Severity};
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
        .line_text
        .char_indices()
        .nth(f.column.saturating_sub(1))
        .map_or(f.line_text.len(), |(i, _)| i);
    let len = f.span.len().min(f.line_text.len() - col_byte);
    let end = crate::span::floor_char_boundary(&f.line_text, col_byte + len);
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
    let path = f.path.to_string_lossy().into_owned();
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
            Snippet::source(f.line_text.clone())
                .line_start(f.line)
                .path(path)
                .annotation(AnnotationKind::Primary.span(claim_range(f)).label(label)),
        )];
    for e in &f.evidence {
        let mut title = match (&e.rule, e.published) {
            (Some(id), _) => format!("rule `{id}`: {}", e.text),
            (None, Some(d)) => format!("earlier coverage ({d}): {}", e.text),
            (None, None) => format!("other coverage: {}", e.text),
        };
        if let Some(a) = &e.alignment {
            title.push_str(&format!(" ({})", a.describe()));
        }
        let hl = e.highlight.0.min(e.line_text.len())..e.highlight.1.min(e.line_text.len());
        groups.push(
            Group::with_title(Level::NOTE.secondary_title(title)).element(
                Snippet::source(e.line_text.clone())
                    .line_start(e.line)
                    .path(e.path.to_string_lossy().into_owned())
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
    use crate::fingerprint::tests::finding;

    fn quote_finding() -> Finding {
        let mut f = finding("a.md", 3, "CC005", "we will not decide");
        f.kind = "quote";
        f.claim_text = "We will not decide,".to_owned();
        f.line_text = "\"We will not decide,\" she said.".to_owned();
        f.column = 2;
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
    fn word_diff_marks_removed_and_added_words() {
        let f = quote_finding();
        assert_eq!(
            word_diff_line(f.diff.as_deref().unwrap()),
            "We will not [-determine-] {+decide+}"
        );
    }
}
