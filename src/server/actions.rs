//! What the editor offers on a finding: the hover (the check's
//! documentation, as `claimcheck explain` prints it, and each piece of
//! evidence) and the code actions (a suppression directive for the check;
//! the rule's expected value in place of the claim's). Edits are computed
//! from the finding and the document's text; nothing here checks anything.

use super::lsp::{evidence_message, range};
use crate::finding::Finding;
use crate::source::Format;
use chrono::{Datelike, NaiveDate};

/// The Markdown of the hover on `f`.
pub(crate) fn hover_markdown(f: &Finding) -> String {
    let mut s = format!(
        "**{}** `{}` ({})\n\n{}\n",
        f.severity.as_str(),
        f.code,
        f.name,
        f.message
    );
    if let Some(e) = &f.expected {
        s.push_str(&format!("\nExpected: `{e}`\n"));
    }
    if !f.evidence.is_empty() {
        s.push_str("\n**Evidence**\n\n");
        for e in &f.evidence {
            s.push_str(&format!(
                "- {} ({}:{})\n",
                evidence_message(e),
                e.location.path.display(),
                e.location.line
            ));
        }
    }
    for n in &f.notes {
        s.push_str(&format!("\n_{n}_\n"));
    }
    if let Some(check) = crate::registry::find(f.code) {
        s.push_str(&format!(
            "\n---\n\n### {} ({})\n\n{}\n",
            check.code(),
            check.name(),
            crate::check::doc_text(check.doc())
        ));
    }
    s
}

/// A text edit as byte range and new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Edit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) text: String,
}

impl Edit {
    /// The protocol's text edit on `text`.
    pub(crate) fn to_lsp(&self, text: &str) -> lsp_types::TextEdit {
        lsp_types::TextEdit::new(range(text, self.start, self.end), self.text.clone())
    }
}

/// The directive that silences `f`'s check on its paragraph, inserted at
/// the start of that paragraph. The reason is left empty for the writer
/// to fill in (until then the directive is itself reported, CC900).
pub(crate) fn suppression_edit(f: &Finding, text: &str, format: Format) -> Edit {
    let at = (f.span.start as usize).min(text.len());
    // The paragraph starts after the last blank line before the finding.
    let (mut start, mut pos) = (0, 0);
    for line in text[..at].split_inclusive('\n') {
        pos += line.len();
        if line.trim().is_empty() && line.ends_with('\n') {
            start = pos;
        }
    }
    let directive = match format {
        Format::Plain => format!("claimcheck: ignore {} reason=\"\"\n", f.code),
        Format::Markdown | Format::Html => {
            format!("<!-- claimcheck: ignore {} reason=\"\" -->\n", f.code)
        }
    };
    Edit {
        start,
        end: start,
        text: directive,
    }
}

/// The edit that puts the rule's expected value in place of the claim's,
/// when a rule gives one and the claim's text shows where it goes.
pub(crate) fn fix_edit(f: &Finding, text: &str) -> Option<Edit> {
    let expected = f.expected.as_deref()?;
    if !f.evidence.iter().any(|e| e.rule.is_some()) {
        return None;
    }
    let (start, end) = (f.span.start as usize, f.span.end as usize);
    let claim = text.get(start..end)?;
    let (from, to, new) = match f.kind {
        // The figure, with any hedge before it ("more than 400").
        "count" => {
            let figure = first_figure(claim)?;
            (0, figure.end, expected.to_owned())
        }
        "date" => {
            let date = NaiveDate::parse_from_str(expected, "%Y-%m-%d").ok()?;
            let weekday = is_weekday(claim.trim());
            let new = if weekday {
                date.format("%A").to_string()
            } else {
                format!("{} {}, {}", date.format("%B"), date.day(), date.year())
            };
            (0, claim.len(), new)
        }
        // The quotation's words, marks kept.
        "quote" => {
            let words = expected.trim_matches(|c| matches!(c, '"' | '\u{201c}' | '\u{201d}'));
            let inner = claim.trim_matches(|c| matches!(c, '"' | '\u{201c}' | '\u{201d}'));
            // Punctuation the writer put inside the marks stays, unless
            // the rule's quotation has its own.
            let is_punct = |c: char| matches!(c, ',' | '.' | ';' | ':' | '!' | '?');
            let end = if words.ends_with(is_punct) {
                inner.len()
            } else {
                inner.trim_end_matches(is_punct).len()
            };
            let lead = claim.find(inner)?;
            (lead, lead + end, words.to_owned())
        }
        "role" => {
            let title = role_title(claim, &f.message)?;
            (title.0, title.1, expected.to_owned())
        }
        _ => return None,
    };
    Some(Edit {
        start: start + from,
        end: start + to,
        text: new,
    })
}

/// The byte range of the first figure (digits, with separators) in `s`.
fn first_figure(s: &str) -> Option<std::ops::Range<usize>> {
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let len = s[start..]
        .char_indices()
        .take_while(|(i, c)| {
            c.is_ascii_digit()
                || (matches!(c, ',' | '.')
                    && s[start + i + 1..].starts_with(|d: char| d.is_ascii_digit()))
        })
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(start..start + len)
}

fn is_weekday(s: &str) -> bool {
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .contains(&s.to_lowercase().as_str())
}

/// Where the title is in a role claim's text: the words before the
/// person's name that the message quotes as the title ("Pieter Hale is
/// not Transport Minister ..."), found in the claim.
fn role_title(claim: &str, message: &str) -> Option<(usize, usize)> {
    let (_, rest) = message.split_once(" is not ")?;
    let lower = claim.to_lowercase();
    // The longest prefix of the rest of the message that the claim holds.
    let words: Vec<&str> = rest.split_whitespace().collect();
    for n in (1..=words.len().min(6)).rev() {
        let title = words[..n].join(" ");
        if let Some(i) = lower.find(&title.to_lowercase()) {
            return Some((i, i + title.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_figure_takes_separators_inside_numbers_only() {
        assert_eq!(first_figure("More than 1,400 people."), Some(10..15));
        assert_eq!(first_figure("400, said"), Some(0..3));
        assert_eq!(first_figure("none"), None);
    }

    #[test]
    fn role_title_is_found_from_the_message() {
        let claim = "Transport Minister Pieter Hale";
        let msg = "Pieter Hale is not Transport Minister on 2026-03-03 according to the rules";
        assert_eq!(role_title(claim, msg), Some((0, 18)));
    }
}
