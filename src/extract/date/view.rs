//! A sentence's tokens as the date patterns read them: text, lower-cased
//! text, capitals, digits, adjacency.
//!
//! Every accessor answers "nothing" outside the sentence, so patterns can
//! look ahead and back without bounds checks of their own. It knows no
//! calendar words.

use super::words::{low_of, token_class, without_possessive, Classes, PENDING, PLAIN_TABLES};
use crate::extract::cue::{self, Cues};
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
    /// The [`super::words`] bits of each token of the document,
    /// [`PENDING`] for a token not classified yet.
    pub classes: &'a [Cell<u32>],
    /// The class table ([`super::words::classes`]), fetched once.
    pub table: &'a Classes,
    /// The document's cues, for their date mark (see
    /// [`View::next_start`]).
    pub cues: &'a Cues,
}

impl View<'_> {
    #[inline]
    pub(crate) fn ok(&self, i: usize) -> bool {
        i >= self.lo && i < self.hi
    }

    /// The token's text as written ("" outside the sentence).
    #[inline]
    pub(crate) fn text(&self, i: usize) -> &str {
        if self.ok(i) {
            self.doc.tok(i)
        } else {
            ""
        }
    }

    /// The token's text as written, as bytes (none outside the
    /// sentence): for comparing with punctuation, without the char
    /// boundary checks of a `str` slice.
    #[inline]
    pub(crate) fn bytes(&self, i: usize) -> &[u8] {
        if self.ok(i) {
            &self.doc.text.as_bytes()[self.doc.tokens[i].range()]
        } else {
            b""
        }
    }

    /// The token lower-cased, a possessive "'s" removed.
    #[inline]
    pub(crate) fn low(&self, i: usize) -> &str {
        if !self.ok(i) {
            return "";
        }
        low_of(self.lower, self.doc.tokens[i].range())
    }

    /// [`View::low`] as bytes: the same bytes, without the char boundary
    /// checks of a `str` slice, for comparing with a word.
    #[inline]
    pub(crate) fn low_bytes(&self, i: usize) -> &[u8] {
        if !self.ok(i) {
            return b"";
        }
        without_possessive(&self.lower.as_bytes()[self.doc.tokens[i].range()])
    }

    /// The token's [`super::words`] bits (0 outside the sentence); a
    /// [`PENDING`] word is classified now, once.
    #[inline]
    pub(crate) fn class(&self, i: usize) -> u32 {
        if !self.ok(i) {
            return 0;
        }
        match self.classes[i].get() {
            PENDING => self.classify(i),
            c => c,
        }
    }

    /// Classify token `i` of the sentence now, and keep its bits.
    #[inline(never)]
    fn classify(&self, i: usize) -> u32 {
        let c = token_class(self.doc, self.lower, i);
        self.classes[i].set(c);
        c
    }

    /// The first token from `from` on that may start a date, or
    /// [`View::hi`]: the next token the cue pass marks with
    /// [`cue::DATE`], which every token with [`START`](super::words::START) carries (a test
    /// checks), so that most tokens are passed over by a scan of the
    /// cues alone, without being read. A marked token may still start
    /// none: `parse::parse_at` tests it as it would any token.
    #[inline]
    pub(crate) fn next_start(&self, from: usize) -> usize {
        self.cues.next(from, self.hi, cue::DATE)
    }

    /// Whether the token has any of the [`super::words`] bits `mask`.
    /// For a mask of [`PLAIN_TABLES`] bits alone (known when compiled), a
    /// token not classified yet is first tested with
    /// [`View::plain_class`], which mostly answers without the table probe.
    #[inline]
    pub(crate) fn has(&self, i: usize, mask: u32) -> bool {
        if !self.ok(i) {
            return false;
        }
        let c = match self.classes[i].get() {
            PENDING if mask & !PLAIN_TABLES == 0 => self.plain_class(i, mask),
            PENDING => self.classify(i),
            c => c,
        };
        c & mask != 0
    }

    /// The bits of token `i`, not classified yet, as far as a question
    /// about the [`PLAIN_TABLES`] bits `mask` needs them. Those a token
    /// gets from a table only: a number or punctuation never has one (no
    /// table word starts with a digit or is punctuation), nor a word that
    /// [`Classes::may_have`] rejects for `mask` (a word after "the" with
    /// the ends of no unit, shift or trigger word). Such a token answers 0
    /// and stays unclassified; any other is classified.
    #[inline(never)]
    fn plain_class(&self, i: usize, mask: u32) -> u32 {
        let t = &self.doc.tokens[i];
        if t.kind != TokenKind::Word || !self.table.may_have(self.lower, t.range(), mask) {
            return 0;
        }
        self.classify(i)
    }

    #[inline]
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.ok(i) && self.doc.tokens[i].kind == TokenKind::Word
    }

    /// A word starting with a capital. An ASCII first byte (nearly all)
    /// is read as a byte: an ASCII character is upper case exactly when
    /// it is an ASCII capital.
    #[inline]
    pub(crate) fn is_cap(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let first = self.doc.text.as_bytes()[self.doc.tokens[i].range()].first();
        match first {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => self.text(i).starts_with(|c: char| c.is_uppercase()),
        }
    }

    /// A word with a possessive "'s" ("Estovia's strike").
    pub(crate) fn is_possessive_word(&self, i: usize) -> bool {
        self.is_word(i) && self.is_possessive(i)
    }

    pub(crate) fn is_possessive(&self, i: usize) -> bool {
        let t = self.bytes(i);
        t.ends_with(b"'s") || t.ends_with("’s".as_bytes())
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
        let t = self.bytes(i);
        if t.len() > 4 {
            return None;
        }
        // Tested and summed in one pass over the bytes.
        let mut n = 0;
        for &b in t {
            let d = b.wrapping_sub(b'0');
            if d > 9 {
                return None;
            }
            n = n * 10 + u32::from(d);
        }
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

    /// Whether the token, as [`View::low`] gives it, is `word` (compared
    /// as bytes, which is the same).
    #[inline]
    pub(crate) fn is(&self, i: usize, word: &str) -> bool {
        self.low_bytes(i) == word.as_bytes()
    }
}

/// [`View::digits`] as a four-digit year in the range news writes about.
pub(crate) fn as_year(digits: Option<(u32, usize)>) -> Option<i32> {
    match digits {
        Some((y, 4)) if (1000..=2199).contains(&y) => Some(y as i32),
        _ => None,
    }
}
