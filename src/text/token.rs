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

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.')
}

/// Split `text` into tokens, in one pass.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut end = i + c.len_utf8();
            let mut all_digits = numeric;
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    all_digits &= d.is_ascii_digit();
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                let next = text[j + d.len_utf8()..].chars().next();
                let joins = match d {
                    ',' => all_digits && numeric && next.is_some_and(|n| n.is_ascii_digit()),
                    '.' => {
                        next.is_some_and(|n| {
                            if numeric {
                                n.is_ascii_digit()
                            } else {
                                n.is_alphabetic()
                            }
                        }) && (numeric || is_abbreviation_dot(&text[i..j]))
                    }
                    _ if is_inner_joiner(d) => !numeric && next.is_some_and(char::is_alphanumeric),
                    _ => false,
                };
                if joins {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            // "U.S." keeps its final dot when the token is dotted letters.
            if !numeric && text[i..end].contains('.') && text[end..].starts_with('.') {
                end += 1;
                it.next();
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
        } else {
            out.push(Token {
                start: i,
                end: i + c.len_utf8(),
                kind: TokenKind::Punct,
            });
        }
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
        assert_eq!(words("Qatar's forty-eight"), ["Qatar's", "forty-eight"]);
        assert_eq!(words("\"Yes,\" he"), ["\"", "Yes", ",", "\"", "he"]);
    }
}
