//! Quotation spans: where quoted words are, not who said them.
//!
//! Double quotes, straight (`"`) or curly (`“ ”`), open and close a
//! quotation; single quotes (`‘ ’`, or `'` at a word edge) inside one open a
//! nested quotation. A quotation left open at the end of a paragraph runs on
//! into the next paragraph when that paragraph opens with a quote mark (the
//! news convention for long quotes); otherwise it ends with its paragraph, so
//! a stray quote mark never swallows the rest of the article.

use super::token::{Token, TokenKind};
use std::ops::Range;

/// One quotation in the prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// The quoted words, without the marks (prose byte range).
    pub inner: Range<usize>,
    /// The quoted words with their marks (a mark may be missing at a
    /// paragraph end).
    pub outer: Range<usize>,
    /// Index of the paragraph it starts in.
    pub paragraph: usize,
    /// Whether it continues a quotation left open in the previous paragraph.
    pub continues: bool,
    /// Whether it was left open at its paragraph's end and runs on.
    pub runs_on: bool,
    /// Whether it is a single-quoted quotation nested in a double-quoted one.
    pub nested: bool,
}

fn is_open_double(c: char) -> bool {
    matches!(c, '“' | '„' | '«')
}
fn is_close_double(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Whether a paragraph opens with a double quote mark (`"`, `“`, `''`).
fn opens_with_double(ptext: &str) -> bool {
    ptext.starts_with("''")
        || ptext
            .chars()
            .next()
            .is_some_and(|c| c == '"' || is_open_double(c))
}

/// Find the quotations of each paragraph (`paragraphs` as prose ranges,
/// `para_tokens` as the same paragraphs' ranges of `tokens`).
/// Only the tokens at `marks` are read (see [`super::token::is_mark`]).
pub fn find_quotations(
    text: &str,
    tokens: &[Token],
    marks: &[usize],
    paragraphs: &[Range<usize>],
    para_tokens: &[Range<usize>],
) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut carried = false;
    let mut next_mark = 0;
    for (pi, (para, toks)) in paragraphs.iter().zip(para_tokens).enumerate() {
        let m0 = next_mark;
        next_mark += marks[m0..].partition_point(|&m| m < toks.end);
        let ptext = &text[para.clone()];
        let continues = carried && opens_with_double(ptext);
        carried = false;
        let mut open: Option<(usize, usize)> = None; // (outer start, inner start)
        let mut is_continuation = continues;
        let mut skip_to = 0;
        let mut depth = 0;
        let quote_marks = candidates(text, tokens, &marks[m0..next_mark], |b| {
            matches!(b, b'"' | b'\'' | 0xC2 | 0xE2)
        });
        for (at, c) in quote_marks {
            let off = at - para.start;
            if off < skip_to {
                continue;
            }
            // Two straight single quotes are one double mark (`''`), as
            // some wire copy writes them; one alone is an apostrophe.
            let len = if c == '\'' {
                if !ptext[off + 1..].starts_with('\'') {
                    continue;
                }
                skip_to = off + 2;
                2
            } else {
                c.len_utf8()
            };
            let c = if c == '\'' { '"' } else { c };
            let after = at + len;
            let straight = c == '"';
            match open {
                None if is_open_double(c) || (straight && opens_here(ptext, off)) => {
                    open = Some((at, after));
                }
                None if straight || is_close_double(c) => {}
                // A curly quotation inside a curly one (“... calls “hell”
                // than ...”): its close mark is not the outer one's.
                Some(_) if c == '“' => depth += 1,
                Some(_) if c == '”' && depth > 0 => depth -= 1,
                Some((o, i)) if is_close_double(c) || straight => {
                    out.push(Quotation {
                        inner: i..at,
                        outer: o..after,
                        paragraph: pi,
                        continues: is_continuation,
                        runs_on: false,
                        nested: false,
                    });
                    is_continuation = false;
                    open = None;
                    depth = 0;
                }
                _ => {}
            }
        }
        if let Some((o, i)) = open {
            let next_opens = paragraphs
                .get(pi + 1)
                .is_some_and(|n| opens_with_double(&text[n.clone()]));
            out.push(Quotation {
                inner: i..para.end,
                outer: o..para.end,
                paragraph: pi,
                continues: is_continuation,
                runs_on: next_opens,
                nested: false,
            });
            carried = next_opens;
        }
    }
    let nested: Vec<Quotation> = out
        .iter()
        .flat_map(|q| find_nested(text, tokens, marks, q))
        .collect();
    out.extend(nested);
    out.sort_by_key(|q| (q.outer.start, q.nested));
    out
}

/// The punctuation characters among the `tokens` at `marks` whose first
/// byte passes `first`, with their prose offsets. Every quote mark this
/// module reads is a punctuation token of its own (an apostrophe inside a
/// word, as in "it's", is neither an open nor a close mark, nor the first
/// of two), and is ASCII or starts with 0xC2 (`«` `»`) or 0xE2
/// (`“ ” „ ‘ ’`), so only those tokens are decoded.
fn candidates<'a>(
    text: &'a str,
    tokens: &'a [Token],
    marks: &'a [usize],
    first: impl Fn(u8) -> bool + 'a,
) -> impl Iterator<Item = (usize, char)> + 'a {
    let bytes = text.as_bytes();
    marks
        .iter()
        .map(|&m| &tokens[m])
        .filter(move |t| t.kind == TokenKind::Punct && first(bytes[t.start]))
        .filter_map(|t| Some((t.start, text[t.start..].chars().next()?)))
}

/// A straight quote opens when it is not glued to a preceding word.
fn opens_here(ptext: &str, off: usize) -> bool {
    let prev = ptext[..off].chars().next_back();
    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':' | '/'))
}

/// Single-quoted quotations inside a double-quoted one (or inside reported
/// speech, for `‘ ’`).
fn find_nested(text: &str, tokens: &[Token], marks: &[usize], q: &Quotation) -> Vec<Quotation> {
    let inner = &text[q.inner.clone()];
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // Its tokens: a quotation's marks are tokens, so `inner` starts and
    // ends on token edges.
    let m0 = marks.partition_point(|&m| tokens[m].start < q.inner.start);
    let m1 = m0 + marks[m0..].partition_point(|&m| tokens[m].start < q.inner.end);
    let inner_marks = &marks[m0..m1];
    for (at, c) in candidates(text, tokens, inner_marks, |b| matches!(b, b'\'' | 0xE2)) {
        let off = at - q.inner.start;
        let prev = inner[..off].chars().next_back();
        let next = inner[off + c.len_utf8()..].chars().next();
        let opening = (c == '‘' || c == '\'')
            && prev.is_none_or(|p| !p.is_alphanumeric())
            && next.is_some_and(char::is_alphanumeric);
        let closing = (c == '’' || c == '\'')
            && prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '.' | ',' | '!' | '?'))
            && next.is_none_or(|n| !n.is_alphanumeric());
        match open {
            None if opening => open = Some(at),
            Some(o) if closing => {
                out.push(Quotation {
                    inner: o + 1..at,
                    outer: o..at + c.len_utf8(),
                    paragraph: q.paragraph,
                    continues: false,
                    runs_on: false,
                    nested: true,
                });
                open = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::Document;

    fn quotes(text: &str) -> Vec<(String, bool, bool)> {
        Document::new(text)
            .quotations
            .into_iter()
            .map(|q| (text[q.inner].to_owned(), q.continues, q.nested))
            .collect()
    }

    #[test]
    fn straight_and_curly_quotes() {
        assert_eq!(
            quotes("\"Yes,\" he said. “No,” she said."),
            [("Yes,".into(), false, false), ("No,".into(), false, false)]
        );
    }

    #[test]
    fn quote_runs_over_paragraphs_when_reopened() {
        let q = quotes("He said: \"First part.\n\n\"Second part.\" Then.");
        assert_eq!(q[0], ("First part.".into(), false, false));
        assert_eq!(q[1], ("Second part.".into(), true, false));
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        let q = quotes("He said \"never closed.\n\nNext paragraph \"x y\" here.");
        assert_eq!(q[0].0, "never closed.");
        assert_eq!(q[1], ("x y".into(), false, false));
    }

    #[test]
    fn nested_single_quotes() {
        let q = quotes("\"He called it 'a betrayal' today,\" she said.");
        assert!(q.contains(&("a betrayal".into(), false, true)));
    }

    #[test]
    fn two_straight_single_quotes_are_one_double_mark() {
        assert_eq!(
            quotes("''It is late,'' said Ana. ''We go.'' It's Ana's car."),
            [
                ("It is late,".into(), false, false),
                ("We go.".into(), false, false)
            ]
        );
        let q = quotes("He said: ''First part.\n\n''Second part.'' Then.");
        assert_eq!(q[1], ("Second part.".into(), true, false));
        // Apostrophes alone open nothing.
        assert!(quotes("The players' union and the owners' league met.").is_empty());
    }

    #[test]
    fn curly_quotation_inside_a_curly_one() {
        assert_eq!(
            quotes("“I would rather live in what he calls “hell” than this,” she said."),
            [(
                "I would rather live in what he calls “hell” than this,".into(),
                false,
                false
            )]
        );
    }

    #[test]
    fn guillemets_and_low_quotes_open_and_close() {
        assert_eq!(
            quotes("Er sagte „ja“ — « oui » é \"ok\""),
            [
                ("ja“ — « oui ".into(), false, false),
                ("ok".into(), false, false)
            ]
        );
    }
}
