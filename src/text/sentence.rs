//! Paragraphs and sentences over prose.
//!
//! Paragraphs are separated by blank lines. A sentence ends at `.`, `!` or
//! `?` (and any closing quotes or brackets after it) when what follows starts
//! a new sentence, unless the word before the dot is an abbreviation such as
//! "Mr." or "Sept." (see [`crate::lexicon::ABBREVIATIONS`]).

use super::token::{Token, TokenKind};
use crate::lexicon;
use std::ops::Range;

/// Byte ranges of paragraphs: runs of text separated by blank lines.
pub fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    loop {
        // The end of this line: the next newline, or the end of the text.
        let i = text[line_start..]
            .find('\n')
            .map_or(bytes.len(), |k| line_start + k);
        let line = &text[line_start..i];
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(trim_range(text, s..line_start));
            }
        } else if start.is_none() {
            start = Some(line_start);
        }
        line_start = i + 1;
        if i == bytes.len() {
            break;
        }
    }
    if let Some(s) = start {
        out.push(trim_range(text, s..text.len()));
    }
    out.retain(|r| !r.is_empty());
    out
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    r.start + lead..r.end - trail
}

/// Split one paragraph's tokens into sentences; returns token index ranges.
pub fn split_sentences(text: &str, tokens: &[Token], toks: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = toks.start;
    let mut i = toks.start;
    while i < toks.end {
        let t = &tokens[i];
        let s = &text[t.range()];
        if t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?" | "…") {
            // Swallow closing quotes/brackets and repeated marks.
            let mut j = i + 1;
            while j < toks.end
                && tokens[j].kind == TokenKind::Punct
                && matches!(
                    &text[tokens[j].range()],
                    "\"" | "”" | "’" | "'" | ")" | "]" | "." | "!" | "?"
                )
                && tokens[j].start == tokens[j - 1].end
            {
                j += 1;
            }
            let ends = j >= toks.end
                || (starts_sentence(text, &tokens[j]) && !is_abbrev_before(text, tokens, i, start));
            if ends {
                out.push(start..j);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start < toks.end {
        out.push(start..toks.end);
    }
    out
}

fn starts_sentence(text: &str, next: &Token) -> bool {
    let c = text[next.start..].chars().next().unwrap_or(' ');
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(' | '—' | '-')
}

/// Whether the dot at token `dot` closes an abbreviation rather than a
/// sentence.
fn is_abbrev_before(text: &str, tokens: &[Token], dot: usize, sent_start: usize) -> bool {
    if dot == sent_start || &text[tokens[dot].range()] != "." {
        return false;
    }
    let prev = &tokens[dot - 1];
    if prev.end != tokens[dot].start || prev.kind != TokenKind::Word {
        return false;
    }
    let w = &text[prev.range()];
    // A single capital letter is an initial ("J. Smith").
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        return true;
    }
    if lexicon::is_abbreviation_before_number(w) {
        return tokens
            .get(dot + 1)
            .is_some_and(|t| t.kind == TokenKind::Number);
    }
    lexicon::is_abbreviation(w)
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        split_sentences(text, &tokens, 0..tokens.len())
            .into_iter()
            .map(|r| text[tokens[r.start].start..tokens[r.end - 1].end].to_owned())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Mr. Smith met Gen. Jones in the U.S. on Sept. 9. Then he left."),
            [
                "Mr. Smith met Gen. Jones in the U.S. on Sept. 9.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            sentences("He said \"No.\" She left. \"Yes,\" he said."),
            ["He said \"No.\"", "She left.", "\"Yes,\" he said."]
        );
    }

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let text = "One.\nstill one.\n\n  Two.\n";
        let p = split_paragraphs(text);
        assert_eq!(p.len(), 2);
        assert_eq!(&text[p[1].clone()], "Two.");
    }
}
