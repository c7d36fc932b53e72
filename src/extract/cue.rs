//! Cues: one pass over an article's tokens marking, per token, which
//! extractors could find a claim starting there.
//!
//! Each extractor used to test every token itself, each with its own
//! lower-casing and table probe: ten passes over the same bytes. Here each
//! token's bytes are read once, with one hashed lookup over the words that
//! open a claim, and each extractor skips every token without its bit. A
//! cue is a cheap necessary condition, never a decision: the extractor
//! still runs its own test on every token marked for it, so a cue may say
//! "maybe" too often but must never say "no" where the extractor would
//! find something.
//!
//! The words come from the extractors' own tables (count's starting words,
//! duration's units and frequency words, time's reference and clock words,
//! age's opening words, the spelled ordinals, date's trigger words); the
//! shapes (digits, hyphens, ordinal endings, possessives) from their own
//! byte tests.

use super::{age, date, duration, number, ordinal, time};
use crate::lexicon::numbers::ORDINALS;
use crate::lexicon::WordClasses;
use crate::text::{Document, TokenKind};
use std::ops::Range;
use std::sync::OnceLock;

/// A number phrase may open here (count).
pub(crate) const COUNT: u16 = 1 << 0;
/// A duration or a set may be triggered here (duration).
pub(crate) const DURATION: u16 = 1 << 1;
/// A time of day or a reference to the present, past or future may
/// stand here (time).
pub(crate) const TIME: u16 = 1 << 2;
/// An age may open here (age).
pub(crate) const AGE: u16 = 1 << 3;
/// A score may open here (score).
pub(crate) const SCORE: u16 = 1 << 4;
/// An ordinal may stand here (ordinal).
pub(crate) const ORDINAL: u16 = 1 << 5;
/// A date may start here (date): a number, a word of the date trigger
/// tables, or a word whose shape may make it a trigger once the date
/// extractor has read it (a hyphen, "q" and one more byte, a possessive
/// "'s" that it cuts before its lookup).
pub(crate) const DATE: u16 = 1 << 6;

/// What every digit token may open.
const NUMBER: u16 = COUNT | AGE | SCORE | DATE;
/// What a word with a hyphen may be: "twenty-one", "48-hour",
/// "five-year-old".
const HYPHENATED: u16 = COUNT | DURATION | AGE | DATE;

/// Per token, the cue bits of the extractors that may start there.
#[derive(Debug, Clone)]
pub(crate) struct Cues(Vec<u16>);

impl Cues {
    /// Mark every token of `doc`, in one pass.
    pub(crate) fn new(doc: &Document) -> Cues {
        let classes = classes();
        let bytes = doc.text.as_bytes();
        Cues(
            doc.tokens
                .iter()
                .map(|t| {
                    let b = &bytes[t.start..t.end];
                    match t.kind {
                        TokenKind::Punct => {
                            // "$" or a currency sign outside ASCII.
                            cue_if(b == b"$" || b[0] >= 0x80, COUNT)
                        }
                        TokenKind::Number => {
                            // "21st"; no word of the tables starts with a
                            // digit, and no number holds a hyphen.
                            NUMBER | cue_if(ordinal::may_be_ordinal(b, None), ORDINAL)
                        }
                        TokenKind::Word => {
                            let c = classes.of_ascii(b) | cue_if(may_be_date_shape(b), DATE);
                            match b.iter().position(|&c| c == b'-') {
                                // "twenty-first", "third-largest".
                                Some(k) => {
                                    c | HYPHENATED
                                        | cue_if(ordinal::may_be_ordinal(b, Some(k)), ORDINAL)
                                }
                                None => c,
                            }
                        }
                    }
                })
                .collect(),
        )
    }

    /// The first token from `from` up to `end` carrying `cue`, else `end`.
    #[inline]
    pub(crate) fn next(&self, from: usize, end: usize, cue: u16) -> usize {
        let cues = self.0.get(from..end).unwrap_or_default();
        cues.iter()
            .position(|&c| c & cue != 0)
            .map_or(end, |k| from + k)
    }

    /// The tokens of `range` carrying `cue`, in order ([`Self::next`]).
    pub(crate) fn each(&self, range: Range<usize>, cue: u16) -> impl Iterator<Item = usize> + '_ {
        let end = range.end;
        let mut i = range.start;
        std::iter::from_fn(move || {
            let k = self.next(i, end, cue);
            i = k + 1;
            (k < end).then_some(k)
        })
    }

    /// Whether token `i` carries `cue`.
    #[inline]
    pub(crate) fn has(&self, i: usize, cue: u16) -> bool {
        self.0.get(i).is_some_and(|&c| c & cue != 0)
    }
}

/// Whether a word's shape may make it a date trigger whatever its table
/// lookup says: "q" and one more byte ("Q3"), or a possessive "'s" or
/// "’s" in either case (the last byte of "’" is 0x99), which the date
/// extractor cuts from the lower-cased word before its own lookup
/// ("Tuesday's", "MONDAY'S"). A hyphen is marked with
/// [`HYPHENATED`].
#[inline]
fn may_be_date_shape(b: &[u8]) -> bool {
    match *b {
        [q, _] if q | 0x20 == b'q' => true,
        [.., a, s] if s | 0x20 == b's' => a == b'\'' || a == 0x99,
        _ => false,
    }
}

fn cue_if(test: bool, cue: u16) -> u16 {
    if test {
        cue
    } else {
        0
    }
}

/// The words that open a claim, each with its extractors' bits.
fn classes() -> &'static WordClasses {
    static CLASSES: OnceLock<WordClasses> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let count: Vec<&str> = number::cue_words().collect();
        let duration: Vec<&str> = duration::cue_words().collect();
        let time: Vec<&str> = time::cue_words().collect();
        let ordinals: Vec<&str> = ORDINALS.iter().map(|(w, _)| *w).collect();
        let dates: Vec<&str> = date::cue_words().collect();
        WordClasses::new(&[
            (&count, COUNT),
            (&duration, DURATION),
            (&time, TIME),
            (age::OPENING_WORDS, AGE),
            (&ordinals, ORDINAL),
            (&dates, DATE),
        ])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(text: &str, word: &str) -> u16 {
        let d = Document::new(text);
        let c = Cues::new(&d);
        let i = (0..d.tokens.len()).find(|&i| d.tok(i) == word).unwrap();
        c.0[i]
    }

    #[test]
    fn words_and_shapes_mark_their_extractors() {
        let s = "A 23-year-old won 76-71 on his third try, 12 years after three friends left now for $5.";
        assert_eq!(cues(s, "23"), NUMBER);
        assert_eq!(cues(s, "year-old"), HYPHENATED);
        assert_eq!(cues(s, "third"), ORDINAL | DATE);
        assert_eq!(cues(s, "years"), DURATION);
        assert_eq!(cues(s, "three"), COUNT | DATE);
        assert_eq!(cues(s, "now"), TIME);
        assert_eq!(cues("They met at 9 a.m. on the 21st.", "a.m."), TIME);
        assert_eq!(
            cues("They met at 9 a.m. on the 21st.", "21st"),
            NUMBER | ORDINAL
        );
        assert_eq!(
            cues("It is the twenty-first.", "twenty-first"),
            HYPHENATED | ORDINAL
        );
        assert_eq!(cues(s, "$"), COUNT);
        assert_eq!(cues("Aged 71, she died.", "died"), AGE);
        let d = "The Q3 report came out on Sunday's vote, not Sunday’s.";
        for w in ["The", "Q3", "Sunday's", "Sunday’s"] {
            assert_eq!(cues(d, w) & DATE, DATE, "{w}");
        }
        assert_eq!(cues(d, "report") & DATE, 0);
    }

    #[test]
    fn ordinary_words_and_punctuation_carry_no_cue() {
        let s = "Our crew said so, then left.";
        for w in ["Our", "crew", "said", "so", ",", "then", "left", "."] {
            assert_eq!(cues(s, w), 0, "{w}");
        }
    }
}
