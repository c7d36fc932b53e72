//! A sentence's tokens as the date patterns read them: text, lower-cased
//! text, capitals, digits, adjacency.
//!
//! Every accessor answers "nothing" outside the sentence, so patterns can
//! look ahead and back without bounds checks of their own. It knows no
//! calendar words.

use super::words::{low_of, token_class, Classes, PENDING, START};
use crate::text::{Document, TokenKind};
use std::cell::Cell;

/// One sentence's tokens, with lower-cased text beside them.
pub(crate) struct View<'a> {
    pub doc: &'a Document,
    /// `doc.text` lower-cased byte for byte (ASCII only, so offsets hold).
    pub lower: &'a str,
    /// First token of the sentence.
    pub lo: usize,
    /// One past its last token.
    pub hi: usize,
    /// The [`super::words`] bits of each token of the sentence (from `lo`),
    /// [`PENDING`] for a word not classified yet.
    pub classes: &'a [Cell<u32>],
}

impl View<'_> {
    #[inline]
    pub(crate) fn ok(&self, i: usize) -> bool {
        i >= self.lo && i < self.hi
    }

    /// The token's text as written ("" outside the sentence).
    pub(crate) fn text(&self, i: usize) -> &str {
        if self.ok(i) {
            self.doc.tok(i)
        } else {
            ""
        }
    }

    /// The token lower-cased, a possessive "'s" removed.
    pub(crate) fn low(&self, i: usize) -> &str {
        if !self.ok(i) {
            return "";
        }
        low_of(self.lower, self.doc.tokens[i].range())
    }

    /// The token's [`super::words`] bits (0 outside the sentence); a
    /// [`PENDING`] word is classified now, once.
    #[inline]
    pub(crate) fn class(&self, i: usize) -> u32 {
        if !self.ok(i) {
            return 0;
        }
        let cell = &self.classes[i - self.lo];
        match cell.get() {
            PENDING => {
                let c = token_class(self.doc, self.lower, i);
                cell.set(c);
                c
            }
            c => c,
        }
    }

    /// Whether token `i` of the sentence starts a date ([`START`]): every
    /// number, no punctuation, and a word only when
    /// [`Classes::may_trigger`] of `c` (the class table, fetched once per
    /// document) lets it be classified.
    #[inline]
    pub(crate) fn starts(&self, i: usize, c: &Classes) -> bool {
        let t = &self.doc.tokens[i];
        match t.kind {
            TokenKind::Number => true,
            TokenKind::Punct => false,
            TokenKind::Word => c.may_trigger(self.lower, t.range()) && self.has(i, START),
        }
    }

    /// Whether the token has any of the [`super::words`] bits `mask`.
    #[inline]
    pub(crate) fn has(&self, i: usize, mask: u32) -> bool {
        self.class(i) & mask != 0
    }

    #[inline]
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.ok(i) && self.doc.tokens[i].kind == TokenKind::Word
    }

    pub(crate) fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.text(i).starts_with(|c: char| c.is_uppercase())
    }

    /// A word with a possessive "'s" ("Estovia's strike").
    pub(crate) fn is_possessive_word(&self, i: usize) -> bool {
        self.is_word(i) && self.is_possessive(i)
    }

    pub(crate) fn is_possessive(&self, i: usize) -> bool {
        let t = self.text(i);
        t.ends_with("'s") || t.ends_with("’s")
    }

    /// Whether token `i` is followed by token `i + 1` with no space.
    pub(crate) fn touches(&self, i: usize) -> bool {
        self.ok(i + 1) && self.doc.tokens[i].end == self.doc.tokens[i + 1].start
    }

    /// The token as a plain number of up to four ASCII digits, with its
    /// digit count.
    pub(crate) fn digits(&self, i: usize) -> Option<(u32, usize)> {
        if !self.ok(i) || self.doc.tokens[i].kind != TokenKind::Number {
            // Only a number token starts with a digit.
            return None;
        }
        let t = self.text(i).as_bytes();
        if t.len() > 4 || !t.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let n = t.iter().fold(0, |n, b| n * 10 + u32::from(b - b'0'));
        Some((n, t.len()))
    }

    /// A day of the month: "9", "9th", "2nd".
    pub(crate) fn day(&self, i: usize) -> Option<u32> {
        if !self.ok(i) || self.doc.tokens[i].kind != TokenKind::Number {
            return None;
        }
        let t = self.low(i);
        let n = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &t[n.len()..];
        if !(suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix)) || n.len() > 2 {
            return None;
        }
        n.parse().ok().filter(|d| (1..=31).contains(d))
    }

    /// A four-digit year in the range news writes about.
    pub(crate) fn year(&self, i: usize) -> Option<i32> {
        as_year(self.digits(i))
    }

    pub(crate) fn is(&self, i: usize, word: &str) -> bool {
        self.low(i) == word
    }
}

/// [`View::digits`] as a four-digit year in the range news writes about.
pub(crate) fn as_year(digits: Option<(u32, usize)>) -> Option<i32> {
    match digits {
        Some((y, 4)) if (1000..=2199).contains(&y) => Some(y as i32),
        _ => None,
    }
}
