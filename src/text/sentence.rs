//! Paragraphs and sentences over prose.
//!
//! Paragraphs are separated by blank lines. A sentence ends at `.`, `!` or
//! `?` (and any closing quotes or brackets after it) when what follows starts
//! a new sentence, unless the word before the dot is an abbreviation such as
//! "Mr." or "Sept." (see [`crate::lexicon::ABBREVIATIONS`]).

use super::token::{Token, TokenKind};
use crate::lexicon;
use std::ops::Range;

/// The paragraphs of `text`, runs of lines separated by blank lines, as
/// ranges of its `tokens` (so a paragraph's prose runs from its first token
/// to its last). Tokens cover every character but whitespace, so two tokens
/// are a blank line apart exactly when the whitespace between them holds
/// two line breaks. The tokenizer finds the same paragraphs on its way
/// ([`super::token::Tokenized`]); this is their definition, for tests.
#[cfg(test)]
pub fn split_paragraphs(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for (j, w) in tokens.windows(2).enumerate() {
        let (a, b) = (w[0].end, w[1].start);
        if b - a >= 2 && bytes[a..b].iter().filter(|&&b| b == b'\n').nth(1).is_some() {
            out.push(start..j + 1);
            start = j + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// Split one paragraph's tokens `toks` into sentences, appending their
/// token index ranges to `out`. `marks` are the indices of its punctuation
/// tokens that may end a sentence (and others, passed over).
pub fn split_sentences(
    text: &str,
    tokens: &[Token],
    toks: Range<usize>,
    marks: &[usize],
    out: &mut Vec<Range<usize>>,
) {
    let bytes = text.as_bytes();
    let mut start = toks.start;
    // Tokens before `next` are in a sentence already ended.
    let mut next = toks.start;
    for &m in marks {
        let t = &tokens[m];
        if m >= next && t.kind == TokenKind::Punct && is_end_mark(&bytes[t.range()]) {
            let i = m;
            // Swallow closing quotes/brackets and repeated marks.
            let mut j = i + 1;
            while j < toks.end
                && tokens[j].kind == TokenKind::Punct
                && is_closing(&bytes[tokens[j].range()])
                && tokens[j].start == tokens[j - 1].end
            {
                j += 1;
            }
            let ends = j >= toks.end
                || (starts_sentence(text, &tokens[j]) && !is_abbrev_before(text, tokens, i, start));
            if ends {
                out.push(start..j);
                start = j;
                next = j;
            }
        }
    }
    if start < toks.end {
        out.push(start..toks.end);
    }
}

/// Whether a punctuation token may end a sentence.
fn is_end_mark(t: &[u8]) -> bool {
    matches!(t, b"." | b"!" | b"?") || t == "…".as_bytes()
}

/// Whether a punctuation token closes a sentence after its end mark.
fn is_closing(t: &[u8]) -> bool {
    matches!(t, b"\"" | b"'" | b")" | b"]" | b"." | b"!" | b"?")
        || t == "”".as_bytes()
        || t == "’".as_bytes()
}

fn starts_sentence(text: &str, next: &Token) -> bool {
    let c = text[next.start..].chars().next().unwrap_or(' ');
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(' | '—' | '-')
}

/// Whether the dot at token `dot` closes an abbreviation rather than a
/// sentence.
fn is_abbrev_before(text: &str, tokens: &[Token], dot: usize, sent_start: usize) -> bool {
    if dot == sent_start || &text.as_bytes()[tokens[dot].range()] != b"." {
        return false;
    }
    let prev = &tokens[dot - 1];
    if prev.end != tokens[dot].start || prev.kind != TokenKind::Word {
        return false;
    }
    let w = &text[prev.range()];
    // A single capital letter is an initial ("J. Smith").
    if w.chars()
        .next()
        .is_some_and(|c| c.len_utf8() == w.len() && c.is_uppercase())
    {
        return true;
    }
    // No abbreviation is longer than six bytes less its final dots (as
    // the lexicon's lookups read a word, which say no to a longer one
    // themselves): most words ending a sentence are, and need no lookup.
    if w.trim_end_matches('.').len() > 6 {
        return false;
    }
    if lexicon::is_abbreviation_before_number(w) {
        return tokens
            .get(dot + 1)
            .is_some_and(|t| t.kind == TokenKind::Number);
    }
    may_be_abbreviation(w) && lexicon::is_abbreviation(w)
}

/// For each ASCII letter, a bit for the last letter of each of
/// [`lexicon::ABBREVIATIONS`] that starts with it (case folded as the
/// lookup folds it). A word asked about loses its final dots first, as
/// the lookup's key does; the table's words have none.
const ABBREVIATION_ENDS: [u32; 32] = {
    let mut t = [0u32; 32];
    let mut i = 0;
    while i < lexicon::ABBREVIATIONS.len() {
        let a = lexicon::ABBREVIATIONS[i].as_bytes();
        t[(a[0] & 0x1F) as usize] |= 1 << (a[a.len() - 1] & 0x1F);
        i += 1;
    }
    t
};

/// Whether `w` may be one of [`lexicon::ABBREVIATIONS`], by its first and
/// last letter (before its final dots): most short words ending a
/// sentence ("said", "year", "him") are not, and need no lookup. Every
/// abbreviation is ASCII letters and dots, starting and ending with a
/// letter (a test checks, and that each passes), and the lookup folds
/// ASCII case alone, so a word it finds has the same first and last
/// letter but for case; the five low bits of a letter fold its case.
fn may_be_abbreviation(w: &str) -> bool {
    let w = w.trim_end_matches('.').as_bytes();
    let (Some(&a), Some(&z)) = (w.first(), w.last()) else {
        return false;
    };
    a.is_ascii_alphabetic()
        && z.is_ascii_alphabetic()
        && ABBREVIATION_ENDS[usize::from(a & 0x1F)] & (1 << (z & 0x1F)) != 0
}

#[cfg(test)]
mod tests {
    use super::super::token::{tokenize, tokenize_with_marks};
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let t = tokenize_with_marks(text);
        let (tokens, marks) = (t.tokens, t.marks);
        let mut out = Vec::new();
        split_sentences(text, &tokens, 0..tokens.len(), &marks, &mut out);
        out.into_iter()
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
    fn every_abbreviation_passes_the_length_test() {
        // `lexicon`'s own test checks the words before numbers too.
        assert!(lexicon::ABBREVIATIONS
            .iter()
            .all(|a| a.trim_end_matches('.').len() <= 6));
        assert_eq!(
            sentences("They met in Washington. Then Gen. Ruiz left."),
            ["They met in Washington.", "Then Gen. Ruiz left."]
        );
    }

    #[test]
    fn every_abbreviation_passes_the_letter_filter() {
        for a in lexicon::ABBREVIATIONS {
            let b = a.as_bytes();
            assert!(
                b[0].is_ascii_lowercase() && b[b.len() - 1].is_ascii_lowercase(),
                "{a}"
            );
            assert!(
                b.iter().all(|&c| c.is_ascii_lowercase() || c == b'.'),
                "{a}"
            );
            for w in [a.to_string(), a.to_ascii_uppercase(), format!("{a}..")] {
                assert!(may_be_abbreviation(&w), "{w}");
                assert!(lexicon::is_abbreviation(&w), "{w}");
            }
        }
        for w in ["said", "Year", "him", "", ".", "é", "U.S", "Dé"] {
            assert_eq!(may_be_abbreviation(w), w == "U.S", "{w}");
        }
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
        let text = "One.\nstill one.\n \u{a0}\r\n  Two.\n";
        let tokens = tokenize(text);
        let p = split_paragraphs(text, &tokens);
        assert_eq!(p.len(), 2);
        assert_eq!(
            &text[tokens[p[1].start].start..tokens[p[1].end - 1].end],
            "Two."
        );
        // A line break alone, or a line of other spaces, does not part them.
        let text = "One.\u{2028}\u{2028}still one.\n \u{a0}";
        assert_eq!(split_paragraphs(text, &tokenize(text)).len(), 1);
    }

    #[test]
    fn the_tokenizer_finds_the_same_paragraphs() {
        for text in [
            "",
            "\n\n",
            "\n\nOne.\n\n",
            "One.\nstill one.\n \u{a0}\r\n  Two.\n",
            "One.\n\n\n\nTwo. \n \nThree\n\u{2028}\nFour\n\n",
            "One.\u{2028}\u{2028}still one.\n \u{a0}",
            "“A”\n\n«B»\n\n\n—C\n",
            "x\r\n\r\ny\n\t\nz\n\n",
        ] {
            let t = tokenize_with_marks(text);
            assert_eq!(t.paragraphs, split_paragraphs(text, &t.tokens), "{text:?}");
        }
    }
}
