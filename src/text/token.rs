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
/// A byte that [`is_mark`], as the table marks it: the table answers
/// without the branches of a comparison with each.
const MARK: u8 = 4;
/// A byte that may join a word without being a letter or digit (`,` `.`
/// `'` `-`), or one from 0x80 up: the word's end needs a closer look.
const JOIN: u8 = 8;
/// A byte from 0x80 up: the character must be decoded.
const NON_ASCII: u8 = 32;
/// The lead byte of a two-byte letter: Latin-1 letters (`0xC3`, but for
/// `×` and `÷`), Latin Extended and IPA (`0xC4..=0xCA`), Cyrillic (`0xD0`,
/// `0xD1`); a test checks every such character is a letter.
const LEAD2: u8 = 64;

/// The class of every byte: for ASCII as [`class_of`] gives it (a test
/// checks they agree), with [`JOIN`], [`LEAD2`] and [`MARK`] marked.
const BYTE_CLASS: [u8; 256] = {
    let mut t = [NON_ASCII | JOIN; 256];
    let mut b = 0xC3;
    while b <= 0xD1 {
        if b <= 0xCA || b >= 0xD0 {
            t[b] |= LEAD2;
        }
        b += 1;
    }
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        t[b] = if matches!(c, b' ' | b'\t'..=b'\r') {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b',' | b'.' | b'\'' | b'-') {
            JOIN
        } else {
            0
        };
        b += 1;
    }
    let mut b = 0;
    while b < 0x100 {
        if is_mark(b as u8) {
            t[b] |= MARK;
        }
        b += 1;
    }
    t
};

/// The class of a character from `char::is_whitespace` and
/// `char::is_alphanumeric`.
fn class_of(c: char) -> u8 {
    if c.is_whitespace() {
        SPACE
    } else if c.is_alphanumeric() {
        ALNUM
    } else {
        0
    }
}

/// [`class_of`] a non-ASCII character, with the blocks news text is mostly
/// written in (Latin, Cyrillic, the spaces, quotes and dashes of General
/// Punctuation, Hangul, CJK) answered by range, not by the Unicode lookups
/// (hundreds of instructions each); a test checks the two agree on every
/// character.
#[inline]
fn class_non_ascii(c: char) -> u8 {
    if is_common_letter(c) {
        return ALNUM;
    }
    match c as u32 {
        0xA0 | 0x2000..=0x200A | 0x2028 | 0x2029 | 0x202F | 0x205F | 0x3000 => SPACE,
        0xAB | 0xBB | 0x200B..=0x2027 | 0x202A..=0x202E | 0x2030..=0x205E | 0x2060..=0x206F => 0,
        _ => class_of(c),
    }
}

/// Whether `c` is a letter of the blocks outside ASCII that news text is
/// mostly written in (Latin, Cyrillic, kana, CJK, Hangul), by range: each
/// is alphabetic (a test checks), so a caller can answer for it without
/// the Unicode tables; a `false` says nothing.
#[inline]
pub(crate) fn is_common_letter(c: char) -> bool {
    matches!(
        c as u32,
        0xC0..=0xD6
            | 0xD8..=0xF6
            | 0xF8..=0x2C1
            | 0x400..=0x481
            | 0x48A..=0x52F
            | 0x3041..=0x3096
            | 0x30A1..=0x30FA
            | 0x4E00..=0x9FFF
            | 0xAC00..=0xD7A3
    )
}

/// The class of the character `c`.
#[inline]
fn class(c: char) -> u8 {
    if c.is_ascii() {
        BYTE_CLASS[c as usize] & (SPACE | ALNUM)
    } else {
        class_non_ascii(c)
    }
}

/// The character starting at byte `i` of `bytes` (a char boundary of a
/// `str`) and its length in bytes; `None` at the end.
#[inline]
fn char_at(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let b0 = *bytes.get(i)?;
    if b0 < 0x80 {
        return Some((char::from(b0), 1));
    }
    let cont = |k: usize| u32::from(bytes.get(i + k).map_or(0, |b| b & 0x3F));
    let (u, n) = if b0 < 0xE0 {
        ((u32::from(b0 & 0x1F) << 6) | cont(1), 2)
    } else if b0 < 0xF0 {
        ((u32::from(b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            (u32::from(b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    };
    Some((char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER), n))
}

/// Split `text` into tokens.
#[cfg(test)]
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_with_marks(text).tokens
}

/// A text's tokens, with what the tokenizer notes on its way through.
pub struct Tokenized {
    /// The tokens in order.
    pub tokens: Vec<Token>,
    /// The indices of the punctuation tokens that may end a sentence or
    /// mark a quotation (see [`is_mark`]): the only tokens the passes
    /// after read one by one.
    pub marks: Vec<usize>,
    /// The paragraphs as ranges of `tokens`, as the sentence module's
    /// `split_paragraphs` defines them (a test checks they agree): runs of
    /// tokens no blank line parts.
    pub paragraphs: Vec<Range<usize>>,
}

/// Split `text` into tokens, in one pass: bytes are classed by one table
/// load each, but a word's ASCII letters and digits, which are read eight
/// at a time ([`word_end`]); only bytes from 0x80 up are decoded. On the way it notes the
/// marks and the paragraphs (see [`Tokenized`]): a paragraph ends where
/// the white space between two tokens holds two line breaks, and the
/// tokenizer steps over every byte of that white space but single spaces,
/// so it counts them where it steps, and no pass over the tokens after
/// need compare their gaps.
pub fn tokenize_with_marks(text: &str) -> Tokenized {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 4 + 8);
    let mut marks = Vec::with_capacity(text.len() / 32 + 8);
    let mut paragraphs = Vec::new();
    let mut para_start = 0;
    // Line breaks seen in the white space before token `newlines_before`.
    let mut newlines = 0;
    let mut newlines_before = usize::MAX;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let mut k = BYTE_CLASS[usize::from(b)];
        let mut n = 1;
        // White space and bytes from 0x80 up are the rare cases: one
        // branch for both leaves the common ones (a word or punctuation)
        // one more to take.
        if k & (NON_ASCII | SPACE) != 0 {
            if k & NON_ASCII != 0 {
                let (c, cn) = char_at(bytes, i).unwrap_or((char::REPLACEMENT_CHARACTER, 1));
                k = class_non_ascii(c) | (k & MARK);
                n = cn;
            }
            if k & SPACE != 0 {
                if b == b'\n' {
                    if newlines_before != out.len() {
                        newlines_before = out.len();
                        newlines = 0;
                    }
                    newlines += 1;
                    // A blank line after a token: the next token, if any,
                    // opens a paragraph (with none, the last push is the
                    // same as the one after the loop).
                    if newlines == 2 && !out.is_empty() {
                        paragraphs.push(para_start..out.len());
                        para_start = out.len();
                    }
                }
                i += n;
                continue;
            }
        }
        if k & ALNUM == 0 {
            // Every punctuation token's index is pushed, and dropped again
            // unless it is a mark: the table's bit (kept in `k` for a
            // character outside ASCII too) sets the length, where a test
            // of the byte mispredicts on the mix of commas, full stops and
            // quotes.
            marks.push(out.len());
            marks.truncate(marks.len() - usize::from(k & MARK == 0));
            out.push(Token {
                start: i,
                end: i + n,
                kind: TokenKind::Punct,
            });
            i = skip_space(bytes, i + n);
            continue;
        }
        let numeric = b.is_ascii_digit();
        let end = word_end(text, i, i + n);
        out.push(Token {
            start: i,
            end,
            kind: if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
        });
        i = skip_space(bytes, end);
    }
    if para_start < out.len() {
        paragraphs.push(para_start..out.len());
    }
    Tokenized {
        tokens: out,
        marks,
        paragraphs,
    }
}

/// Whether a punctuation token starting with byte `b` may end a sentence
/// (`.` `!` `?` `…`) or be a quote mark (`"` `'` `«` `»` `“` `”` `„` `‘`
/// `’`, whose lead bytes are 0xC2 and 0xE2).
pub const fn is_mark(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b'"' | b'\'' | 0xC2 | 0xE2)
}

/// `i`, or past the one space there: most tokens end before one, and the
/// main loop need not class it.
#[inline]
fn skip_space(bytes: &[u8], i: usize) -> usize {
    i + usize::from(bytes.get(i) == Some(&b' '))
}

/// The end of the word or number that starts at `start` and runs at least
/// to `end`.
#[inline]
fn word_end(text: &str, start: usize, mut end: usize) -> usize {
    let bytes = text.as_bytes();
    let numeric = bytes[start].is_ascii_digit();
    let mut dotted = false;
    loop {
        // ASCII letters and digits, the common case, eight at a time: a
        // loop with a branch a byte mispredicts its exit once a word, this
        // one only on words of nine bytes or more.
        let w = load8(bytes, end);
        let stop = not_alnum(w);
        let at = stop.trailing_zeros() & !7;
        end += (at / 8) as usize;
        if stop == 0 {
            continue;
        }
        // The byte the scan stopped at (zero past the end of the text,
        // where the word ends as at a NUL), and whether the one after it
        // is ASCII but no letter or digit, or past the end (unknown, so
        // `false`, when the stop is the last of the eight).
        let b = (w >> at) as u8;
        let c = BYTE_CLASS[usize::from(b)];
        let next_ends = (stop & !w) >> at & 0x8000 != 0;
        // Most words end at a space or punctuation that is no joining
        // byte (every byte from 0x80 up, a letter's lead byte too, is
        // one), or at an ASCII joining byte (`,` `.` `'` `-`) before no
        // letter or digit (after most words that a comma or full stop
        // ends), without a call; `join` says no to the rest.
        if c & JOIN == 0 || (c & NON_ASCII == 0 && next_ends) {
            break;
        }
        if c & LEAD2 != 0 && is_two_byte_letter(bytes, end) {
            // A run of them (a word in Cyrillic, "Łódź") is stepped over
            // here, a few instructions a letter, where the eight-byte
            // scan, stopping at each lead byte, would cost a whole round.
            end += 2;
            while bytes
                .get(end)
                .is_some_and(|&b| BYTE_CLASS[usize::from(b)] & LEAD2 != 0)
                && is_two_byte_letter(bytes, end)
            {
                end += 2;
            }
            continue;
        }
        let Some((n, dot)) = join(text, start, end, numeric) else {
            break;
        };
        // Only a word of letters keeps a final dot, so only its dots are
        // noted: the test after the loop is then one, rarely true, where
        // a test of `numeric` first would mispredict.
        dotted |= dot & !numeric;
        end += n;
    }
    // "U.S." keeps its final dot when the token is dotted letters.
    if dotted && bytes.get(end) == Some(&b'.') {
        end += 1;
    }
    end
}

/// Eight copies of a byte, one in each byte of a `u64`.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The high bit of every byte of a `u64`.
const HIGH: u64 = splat(0x80);

/// The eight bytes of `bytes` from `i` as one little-endian `u64` (the
/// byte at `i` lowest), with zeros for those past the end: a zero is no
/// letter or digit, so a scan stops at the end of the text.
#[inline]
fn load8(bytes: &[u8], i: usize) -> u64 {
    match bytes.get(i..i + 8) {
        Some(b) => u64::from_le_bytes(b.try_into().unwrap_or_default()),
        None => load_tail(bytes, i),
    }
}

/// [`load8`] within eight bytes of the end, which only the last word or
/// two of a text reach: out of line.
#[cold]
#[inline(never)]
fn load_tail(bytes: &[u8], i: usize) -> u64 {
    let rest = bytes.get(i..).unwrap_or_default();
    rest.iter().rev().fold(0, |w, &b| (w << 8) | u64::from(b))
}

/// The high bit set in each byte of `w` that is not an ASCII letter or
/// digit (as [`BYTE_CLASS`] has [`ALNUM`]; a test checks every byte
/// value). Each byte's low seven bits are compared with the ranges by
/// adding what carries them into the high bit at the range's start and
/// past its end: no sum carries into the next byte, as seven bits plus at
/// most 0x50 stay below 0x100. Folding case (setting bit 5) maps the
/// capitals onto the small letters and nothing else onto them; a byte
/// from 0x80 up is no ASCII letter or digit whatever its low bits.
#[inline]
fn not_alnum(w: u64) -> u64 {
    let x = w & !HIGH;
    let l = x | splat(0x20);
    let letter = (l + splat(0x80 - b'a')) & !(l + splat(0x7F - b'z'));
    let digit = (x + splat(0x80 - b'0')) & !(x + splat(0x7F - b'9'));
    (!(letter | digit) | w) & HIGH
}

/// Whether the character at `i`, whose lead byte is [`LEAD2`], is a
/// letter: all are but `×` and `÷`.
#[inline]
fn is_two_byte_letter(bytes: &[u8], i: usize) -> bool {
    bytes[i] != 0xC3 || !matches!(bytes.get(i + 1), Some(0x97 | 0xB7))
}

/// Whether the character at `end` (a [`JOIN`] byte), inside the word or
/// number started at `start`, continues it: its length if so, and whether
/// it is a dot. A comma joins digits before a digit ("1,200", not "3a,5");
/// a dot joins digits before a digit ("12.5") and one- or two-letter
/// pieces before a letter ("U.S"); an apostrophe or hyphen joins letters
/// before a letter or digit; any other letter joins.
#[inline(never)]
fn join(text: &str, start: usize, end: usize, numeric: bool) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let joins = match bytes[end] {
        b',' => {
            numeric
                && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
                && bytes[start..end]
                    .iter()
                    .all(|&b| b.is_ascii_digit() || b == b',' || b == b'.')
        }
        b'.' => {
            let joins = if numeric {
                bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
            } else {
                char_at(bytes, end + 1).is_some_and(|(n, _)| n.is_alphabetic())
                    && is_abbreviation_dot(&text[start..end])
            };
            return joins.then_some((1, true));
        }
        b'\'' | b'-' => !numeric && next_is_alnum(bytes, end + 1),
        _ => {
            let (d, dn) = char_at(bytes, end)?;
            if class_non_ascii(d) == ALNUM {
                return Some((dn, false));
            }
            let joins = !numeric && matches!(d, '’' | '‐') && next_is_alnum(bytes, end + dn);
            return joins.then_some((dn, false));
        }
    };
    joins.then_some((1, false))
}

/// Whether the character at byte `i` is a letter or digit.
#[inline]
fn next_is_alnum(bytes: &[u8], i: usize) -> bool {
    char_at(bytes, i).is_some_and(|(c, _)| class(c) == ALNUM)
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

    #[test]
    fn common_letters_are_alphabetic() {
        let found = (0x80..0x1_0000)
            .filter_map(char::from_u32)
            .filter(|&c| is_common_letter(c))
            .inspect(|&c| assert!(c.is_alphabetic(), "{c:?}"))
            .count();
        assert!(found > 30_000, "{found}");
    }

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
    fn a_joining_byte_before_a_space_or_the_end_ends_the_word() {
        assert_eq!(
            words("the players' union, pre- and post-war U.S."),
            ["the", "players", "'", "union", ",", "pre", "-", "and", "post-war", "U.S."]
        );
        assert_eq!(words("it's 1,200."), ["it's", "1,200", "."]);
        assert_eq!(words("end-"), ["end", "-"]);
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
    fn fast_classes_agree_with_the_unicode_ones() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            assert_eq!(class(c), class_of(c), "{c:?}");
            let mut buf = [0u8; 4];
            let n = c.encode_utf8(&mut buf).len();
            assert_eq!(char_at(&buf, 0), Some((c, n)), "{c:?}");
            if BYTE_CLASS[usize::from(buf[0])] & LEAD2 != 0 {
                assert_eq!(is_two_byte_letter(&buf, 0), class(c) == ALNUM, "{c:?}");
            }
        }
    }

    #[test]
    fn long_words_and_numbers_and_two_byte_letters() {
        assert_eq!(
            words("internationalization 12345678901234,5 1234567a,5 Zz09@[`{/:~\u{7f}"),
            [
                "internationalization",
                "12345678901234,5",
                "1234567a",
                ",",
                "5",
                "Zz09",
                "@",
                "[",
                "`",
                "{",
                "/",
                ":",
                "~",
                "\u{7f}"
            ]
        );
        assert_eq!(
            words("abcdefgh×ijk Дмитрий-Ёж"),
            ["abcdefgh", "×", "ijk", "Дмитрий-Ёж"]
        );
    }

    #[test]
    fn scripts_beyond_the_fast_ranges_still_join() {
        assert_eq!(
            words("Ωμέγα שָׁלוֹם ١٢٣ 東京の’s 한국어, ½x"),
            ["Ωμέγα", "שָׁלוֹם", "١٢٣", "東京の’s", "한국어", ",", "½x"]
        );
        assert_eq!(
            words("1,a 1a,2 x,1 3.5. 1.a 5é,5 7.5,3"),
            [
                "1", ",", "a", "1a", ",", "2", "x", ",", "1", "3.5", ".", "1", ".", "a", "5é", ",",
                "5", "7.5,3"
            ]
        );
    }

    #[test]
    fn the_mark_bit_is_is_mark() {
        for b in 0..=255u8 {
            assert_eq!(BYTE_CLASS[usize::from(b)] & MARK != 0, is_mark(b), "{b:#x}");
        }
    }

    #[test]
    fn the_eight_byte_scan_classes_every_byte_as_the_table() {
        for b in 0..=255u8 {
            let alnum = BYTE_CLASS[usize::from(b)] & ALNUM != 0;
            for at in 0..8 {
                for fill in [b'a', b'Z', b'5', b' ', 0x80, 0xFF] {
                    let mut w = [fill; 8];
                    w[at] = b;
                    let stop = not_alnum(u64::from_le_bytes(w));
                    assert_eq!(stop >> (8 * at + 7) & 1 == 0, alnum, "{b:#x} at {at}");
                }
            }
        }
        assert_eq!(load8(b"abc", 0), u64::from_le_bytes(*b"abc\0\0\0\0\0"));
        assert_eq!(load8(b"abc", 3), 0);
    }

    /// [`word_end`] as it was written before the eight-byte scan: one
    /// table load and one branch a byte.
    fn word_end_bytewise(text: &str, start: usize, mut end: usize) -> usize {
        let bytes = text.as_bytes();
        let numeric = bytes[start].is_ascii_digit();
        let mut dotted = false;
        while let Some(&b) = bytes.get(end) {
            let c = BYTE_CLASS[usize::from(b)];
            if c & ALNUM != 0 {
                end += 1;
                continue;
            }
            if c & JOIN == 0 {
                break;
            }
            if c & LEAD2 != 0 && is_two_byte_letter(bytes, end) {
                end += 2;
                continue;
            }
            if b < 0x80
                && bytes
                    .get(end + 1)
                    .is_none_or(|&n| BYTE_CLASS[usize::from(n)] & (ALNUM | NON_ASCII) == 0)
            {
                break;
            }
            let Some((n, dot)) = join(text, start, end, numeric) else {
                break;
            };
            dotted |= dot;
            end += n;
        }
        if !numeric && dotted && bytes.get(end) == Some(&b'.') {
            end += 1;
        }
        end
    }

    #[test]
    fn word_ends_agree_with_the_bytewise_scan_on_random_text() {
        let pieces = [
            "a",
            "Z",
            "q",
            "7",
            "0",
            " ",
            ",",
            ".",
            "'",
            "-",
            "’",
            "‐",
            "é",
            "×",
            "÷",
            "Ж",
            "ł",
            "ё",
            "Ͱ",
            "東",
            "“",
            "\u{a0}",
            "\n",
            "!",
            "\"",
            "9,",
            "U.S",
            "ab",
            "x.",
            "\u{7f}",
            "@",
            "`",
            "{",
            "/",
            ":",
            "[",
            "internationally",
        ];
        // A fixed xorshift, so a failure repeats.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = 1 + (seed % 24) as usize;
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            for (i, c) in text.char_indices() {
                if class(c) == ALNUM {
                    let n = c.len_utf8();
                    assert_eq!(
                        word_end(&text, i, i + n),
                        word_end_bytewise(&text, i, i + n),
                        "{text:?} at {i}"
                    );
                }
            }
        }
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
