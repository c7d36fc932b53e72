//! Word tokens with their prose offsets.
//!
//! A token is a word (letters, with inner apostrophes, hyphens and the dots
//! of abbreviations such as "U.S."), a number (digits with inner `,` and
//! `.`), or one punctuation character. Whitespace is not a token.

use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and inner `'`, `’`, `-`, `.`).
    Word,
    /// Digits (and inner `,` `.`), possibly with letters glued on ("3bn").
    Number,
    /// A single other character.
    Punct,
}

/// One token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the prose.
    pub start: usize,
    /// End of the byte range in the prose.
    pub end: usize,
    /// Kind of token.
    pub kind: TokenKind,
}

impl Token {
    /// The token's byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Character classes for the tokenizer's hot loop.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;

/// Characters below this get their class from a table built once.
const TABLE_END: usize = 0x2100;

/// The class of every character below [`TABLE_END`] (Latin, Greek,
/// Cyrillic, the curly quotes and dashes of General Punctuation), built
/// from `char::is_whitespace` and `char::is_alphanumeric` so the two can
/// never disagree: the Unicode lookups cost hundreds of instructions per
/// curly quote, the table one load.
fn class_table() -> &'static [u8] {
    static TABLE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..TABLE_END as u32)
            .map(|u| char::from_u32(u).map_or(0, class_of))
            .collect()
    })
}

fn class_of(c: char) -> u8 {
    if c.is_whitespace() {
        SPACE
    } else if c.is_alphanumeric() {
        ALNUM
    } else {
        0
    }
}

/// The character starting at byte `i` (a char boundary) and its length.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (char::from(b), 1)
    } else {
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        (c, c.len_utf8())
    }
}

/// Split `text` into tokens, in one pass.
pub fn tokenize(text: &str) -> Vec<Token> {
    let table = class_table();
    let class = |c: char| {
        table
            .get(c as usize)
            .copied()
            .unwrap_or_else(|| class_of(c))
    };
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        let (c, n) = char_at(text, i);
        let k = class(c);
        if k == SPACE {
            i += n;
            continue;
        }
        if k != ALNUM {
            out.push(Token {
                start: i,
                end: i + n,
                kind: TokenKind::Punct,
            });
            i += n;
            continue;
        }
        let numeric = c.is_ascii_digit();
        let mut all_digits = numeric;
        let mut dotted = false;
        let mut end = i + n;
        while end < bytes.len() {
            // ASCII letters and digits: the common case, no decoding.
            let b = bytes[end];
            if b.is_ascii_alphanumeric() {
                all_digits &= b.is_ascii_digit();
                end += 1;
                continue;
            }
            let (d, dn) = char_at(text, end);
            if b >= 0x80 && class(d) == ALNUM {
                all_digits = false;
                end += dn;
                continue;
            }
            let next = || text[end + dn..].chars().next();
            let joins = match d {
                ',' => all_digits && numeric && next().is_some_and(|n| n.is_ascii_digit()),
                '.' => {
                    next().is_some_and(|n| {
                        if numeric {
                            n.is_ascii_digit()
                        } else {
                            n.is_alphabetic()
                        }
                    }) && (numeric || is_abbreviation_dot(&text[i..end]))
                }
                '\'' | '’' | '-' | '‐' => !numeric && next().is_some_and(|n| class(n) == ALNUM),
                _ => false,
            };
            if !joins {
                break;
            }
            dotted |= d == '.';
            end += dn;
        }
        // "U.S." keeps its final dot when the token is dotted letters.
        if !numeric && dotted && bytes.get(end) == Some(&b'.') {
            end += 1;
        }
        out.push(Token {
            start: i,
            end,
            kind: if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
        });
        i = end;
    }
    out
}

/// Whether a dot after `word_so_far` joins a dotted abbreviation ("U.S",
/// "a.m", "Ph.D"): only when every piece so far is one or two letters.
fn is_abbreviation_dot(word_so_far: &str) -> bool {
    word_so_far
        .split('.')
        .all(|p| (1..=2).contains(&p.chars().count()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.range()]).collect()
    }

    #[test]
    fn numbers_keep_thousands_separators_and_decimals() {
        assert_eq!(
            words("1,200 flights, 12.5%"),
            ["1,200", "flights", ",", "12.5", "%"]
        );
    }

    #[test]
    fn dotted_abbreviations_are_one_token() {
        assert_eq!(words("the U.S. said"), ["the", "U.S.", "said"]);
        assert_eq!(words("end. Next"), ["end", ".", "Next"]);
    }

    #[test]
    fn inner_apostrophes_and_hyphens_join() {
        assert_eq!(words("Oman's forty-six"), ["Oman's", "forty-six"]);
        assert_eq!(words("\"Yes,\" he"), ["\"", "Yes", ",", "\"", "he"]);
    }

    #[test]
    fn curly_quotes_split_and_accented_letters_join() {
        assert_eq!(
            words("“Café naïve,” she said\u{a0}— São Paulo’s 1,5"),
            [
                "“",
                "Café",
                "naïve",
                ",",
                "”",
                "she",
                "said",
                "—",
                "São",
                "Paulo’s",
                "1,5"
            ]
        );
    }

    #[test]
    fn tokens_end_on_char_boundaries_for_any_script() {
        let text = "Ωmega ١٢٣ 東京 e\u{301}té x.y. 12.5.6 a-‐b";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
        assert_eq!(words("e.g. x"), ["e.g.", "x"]);
    }
}
