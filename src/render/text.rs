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
        out.push_str(&renderer.render(&finding_report(f)));
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

fn finding_report(f: &Finding) -> Vec<Group<'_>> {
    let path = f.path.to_string_lossy().into_owned();
    let mut label = match &f.expected {
        Some(e) => format!("article says: {}; expected: {e}", f.claim_text),
        None => format!("article says: {}", f.claim_text),
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
        let title = match (&e.rule, e.published) {
            (Some(id), _) => format!("rule `{id}`: {}", e.text),
            (None, Some(d)) => format!("earlier coverage ({d}): {}", e.text),
            (None, None) => format!("other coverage: {}", e.text),
        };
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
        groups.push(Group::with_title(
            Level::HELP.secondary_title(format!("word diff: {}", word_diff_line(diff))),
        ));
    }
    for n in &f.notes {
        groups.push(Group::with_title(Level::NOTE.secondary_title(n.clone())));
    }
    groups
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
