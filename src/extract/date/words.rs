//! What the date patterns ask of each word, answered once per token: which
//! calendar and clause tables of [`crate::lexicon::dates`] hold it (one
//! hashed lookup instead of a binary search per table and question), and a
//! few facts of its spelling ("-ed", "-ing", "'ll").
//!
//! The tables stay the source of truth: a class bit is set exactly when
//! the table holds the word as [`super::view::View::low`] gives it. Values
//! (a month's number) are still read from the tables, only for words whose
//! bit says they are there.

use crate::lexicon::dates as lex;
use crate::lexicon::WordClasses;
use crate::text::{Document, TokenKind};
use std::ops::Range;
use std::sync::OnceLock;

/// In [`lex::DETERMINERS`].
pub(super) const DETERMINER: u32 = 1;
/// In [`lex::AUXILIARIES`].
pub(super) const AUXILIARY: u32 = 1 << 1;
/// In [`lex::MODALS`], or ends in "'ll" (`is_modal`).
pub(super) const MODAL: u32 = 1 << 2;
/// In [`lex::FUTURE_CUES`], or ends in "'ll" (`is_future`).
pub(super) const FUTURE: u32 = 1 << 3;
/// In [`lex::IRREGULAR_PAST`].
pub(super) const IRREGULAR_PAST: u32 = 1 << 4;
/// In [`lex::DATE_PREPOSITIONS`].
pub(super) const PREPOSITION: u32 = 1 << 5;
/// In [`lex::CLAUSE_WORDS`].
pub(super) const CLAUSE: u32 = 1 << 6;
/// In [`lex::SCHEDULE_VERBS`], or one of them with an "-s".
pub(super) const SCHEDULE: u32 = 1 << 7;
/// In [`lex::UNITS`].
pub(super) const UNIT: u32 = 1 << 8;
/// In [`lex::MONTHS`].
pub(super) const MONTH: u32 = 1 << 9;
/// In [`lex::WEEKDAYS`].
pub(super) const WEEKDAY: u32 = 1 << 10;
/// In [`lex::SHIFTS`].
pub(super) const SHIFT: u32 = 1 << 11;
/// In [`lex::SPAN_HEDGES`].
pub(super) const HEDGE: u32 = 1 << 12;
/// In [`lex::QUARTER_ORDINALS`].
pub(super) const ORDINAL: u32 = 1 << 13;
/// The other words that may follow "the" in a date ("the following
/// year", "the full year"): with the units, shifts, ordinals and
/// [`OTHER_TRIGGER`] words, every word `parse::the_first` can start from.
pub(super) const AFTER_THE: u32 = 1 << 14;
/// The other words that may start a date: seasons, day words, number
/// words, holidays, and "new", "nineteen", "year", "that", "the".
pub(super) const OTHER_TRIGGER: u32 = 1 << 15;
/// The table bits of a word that may start a date.
pub(super) const TRIGGER_TABLES: u32 = MONTH | WEEKDAY | SHIFT | HEDGE | ORDINAL | OTHER_TRIGGER;
/// The table bits no spelling sets: all but [`MODAL`] and [`FUTURE`],
/// which "'ll" gives too. A token has one only when a table holds it.
pub(super) const PLAIN_TABLES: u32 = DETERMINER
    | AUXILIARY
    | IRREGULAR_PAST
    | PREPOSITION
    | CLAUSE
    | SCHEDULE
    | UNIT
    | MONTH
    | WEEKDAY
    | SHIFT
    | HEDGE
    | ORDINAL
    | AFTER_THE
    | OTHER_TRIGGER;

// Not table bits: facts of the token's spelling.

/// A word that may start a date: in a trigger table, hyphenated ("mid-March",
/// "third-quarter") or "q" and one more letter ("Q3").
pub(super) const TRIGGER: u32 = 1 << 16;
/// Punctuation that closes a clause (`clause::is_boundary`).
pub(super) const BOUNDARY: u32 = 1 << 17;
/// Four letters or more ending in "-ed".
pub(super) const ED: u32 = 1 << 18;
/// Ends in "-ing".
pub(super) const ING: u32 = 1 << 19;
/// "ago".
pub(super) const AGO: u32 = 1 << 20;
/// A token `parse::parse_at` tries: a number, or a word with [`TRIGGER`].
pub(super) const START: u32 = 1 << 21;
/// Not classified yet: [`super::view::View::class`] works the bits out
/// with [`token_class`] when first asked. Most tokens are only ever asked
/// whether they start a date, and a short test answers that without the
/// table probe.
pub(super) const PENDING: u32 = 1 << 31;

/// Words after "the" other than units, shifts, ordinals and trigger words.
const AFTER_THE_WORDS: &[&str] = &[
    "comparable",
    "corresponding",
    "current",
    "following",
    "latest",
    "most",
    "prior",
    "same",
    "year-ago",
    "year-earlier",
];

/// Trigger words not in a table of their own.
const TRIGGER_WORDS: &[&str] = &["new", "nineteen", "that", "the", "year"];

/// The class table, with a filter on each word's first and last byte
/// and length that answers most misses before any hashing.
pub(super) struct Classes {
    words: WordClasses,
    /// For each (first byte, last byte), folded to 0..32, what the table
    /// words with those ends have.
    ends: [[Ends; 32]; 32],
}

/// What the table words opening and ending with one pair of bytes have:
/// their lengths and their table bits.
#[derive(Clone, Copy, Default)]
struct Ends {
    /// A bit per length ([`length_bit`]).
    lengths: u32,
    /// The union of their table bits ([`PLAIN_TABLES`], [`MODAL`],
    /// [`FUTURE`]).
    bits: u32,
}

/// The words of the trigger tables ([`TRIGGER_TABLES`]): a word has one
/// of those bits exactly when it is one of these. The cue pass marks them
/// ([`crate::extract::cue::DATE`]).
pub(crate) fn trigger_words() -> impl Iterator<Item = &'static str> {
    fn keys<T>(t: &'static [(&'static str, T)]) -> impl Iterator<Item = &'static str> {
        t.iter().map(|(k, _)| *k)
    }
    keys(lex::MONTHS)
        .chain(keys(lex::WEEKDAYS))
        .chain(keys(lex::SHIFTS))
        .chain(lex::SPAN_HEDGES.iter().copied())
        .chain(keys(lex::QUARTER_ORDINALS))
        .chain(other_triggers())
}

/// The words of [`OTHER_TRIGGER`].
fn other_triggers() -> impl Iterator<Item = &'static str> {
    fn keys<T>(t: &'static [(&'static str, T)]) -> impl Iterator<Item = &'static str> {
        t.iter().map(|(k, _)| *k)
    }
    keys(lex::SEASONS)
        .chain(keys(lex::DAY_WORDS))
        .chain(keys(lex::NUMBER_WORDS))
        .chain(keys(lex::HOLIDAYS))
        .chain(keys(lex::MOVABLE_HOLIDAYS))
        .chain(TRIGGER_WORDS.iter().copied())
}

/// The class table, built on first use.
pub(super) fn classes() -> &'static Classes {
    static CLASSES: OnceLock<Classes> = OnceLock::new();
    CLASSES.get_or_init(|| {
        fn keys<T>(t: &[(&'static str, T)]) -> Vec<&'static str> {
            t.iter().map(|(k, _)| *k).collect()
        }
        let plurals: Vec<String> = lex::SCHEDULE_VERBS
            .iter()
            .map(|w| format!("{w}s"))
            .collect();
        let plurals: Vec<&str> = plurals.iter().map(String::as_str).collect();
        let others: Vec<&str> = other_triggers().collect();
        let u16_bit = |b: u32| b as u16;
        let (units, months, weekdays, shifts, ordinals) = (
            keys(lex::UNITS),
            keys(lex::MONTHS),
            keys(lex::WEEKDAYS),
            keys(lex::SHIFTS),
            keys(lex::QUARTER_ORDINALS),
        );
        let tables: [(&[&str], u16); 18] = [
            (lex::DETERMINERS, u16_bit(DETERMINER)),
            (lex::AUXILIARIES, u16_bit(AUXILIARY)),
            (lex::MODALS, u16_bit(MODAL)),
            (lex::FUTURE_CUES, u16_bit(FUTURE)),
            (lex::IRREGULAR_PAST, u16_bit(IRREGULAR_PAST)),
            (lex::DATE_PREPOSITIONS, u16_bit(PREPOSITION)),
            (lex::CLAUSE_WORDS, u16_bit(CLAUSE)),
            (lex::SCHEDULE_VERBS, u16_bit(SCHEDULE)),
            (&plurals, u16_bit(SCHEDULE)),
            (&units, u16_bit(UNIT)),
            (&months, u16_bit(MONTH)),
            (&weekdays, u16_bit(WEEKDAY)),
            (&shifts, u16_bit(SHIFT)),
            (lex::SPAN_HEDGES, u16_bit(HEDGE)),
            (&ordinals, u16_bit(ORDINAL)),
            (AFTER_THE_WORDS, u16_bit(AFTER_THE)),
            (lex::YEAR_QUALIFIERS, u16_bit(AFTER_THE)),
            (&others, u16_bit(OTHER_TRIGGER)),
        ];
        let mut ends = [[Ends::default(); 32]; 32];
        for (t, bit) in &tables {
            for w in t.iter() {
                // `classify` looks no number token up.
                debug_assert!(!w.starts_with(|c: char| c.is_ascii_digit()), "{w}");
                // The filters take the words as the probe finds them.
                debug_assert!(!w.bytes().any(|c| c.is_ascii_uppercase()), "{w}");
                let b = w.as_bytes();
                if let (Some(&f), Some(&l)) = (b.first(), b.last()) {
                    let e = &mut ends[fold(f)][fold(l)];
                    e.lengths |= length_bit(b.len());
                    e.bits |= u32::from(*bit);
                }
            }
        }
        Classes {
            words: WordClasses::new(&tables),
            ends,
        }
    })
}

fn fold(b: u8) -> usize {
    usize::from(b & 31)
}

/// A word length as one bit of a `u32` (31 for anything longer).
fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
}

/// The table bits of `w`, a word as written in the tables' case (ASCII
/// letters lower-cased): the tables hold ASCII words, and one "’ll".
pub(super) fn table_bits(w: &str) -> u32 {
    let c = classes();
    let b = w.as_bytes();
    let (Some(&f), Some(&l)) = (b.first(), b.last()) else {
        return 0;
    };
    if c.ends[fold(f)][fold(l)].lengths & length_bit(b.len()) == 0 {
        0
    } else if w.is_ascii() {
        u32::from(c.words.of(w))
    } else if w == "’ll" {
        FUTURE
    } else {
        0
    }
}

/// The token's text in lower case (ASCII letters), without a possessive
/// "'s".
#[inline]
pub(super) fn low_of(lower: &str, range: Range<usize>) -> &str {
    let s = &lower[range];
    // Cut after an ASCII byte or before "’": still a char boundary.
    &s[..without_possessive(s.as_bytes()).len()]
}

/// `b` less a final "'s" or "’s".
#[inline]
pub(super) fn without_possessive(b: &[u8]) -> &[u8] {
    if b.last() != Some(&b's') {
        return b;
    }
    b.strip_suffix(b"'s")
        .or_else(|| b.strip_suffix("’s".as_bytes()))
        .unwrap_or(b)
}

/// Punctuation that closes a clause for tense and anchor purposes.
/// Compared as bytes: one length test and a byte or three, where a match
/// on strings compares against each pattern in turn.
pub(super) fn is_boundary(t: &[u8]) -> bool {
    match t {
        [b',' | b';' | b':' | b'(' | b')' | b'"' | b'?' | b'!'] => true,
        // "–" (U+2013), "—" (U+2014), "“" (U+201C), "”" (U+201D).
        [0xE2, 0x80, 0x93 | 0x94 | 0x9C | 0x9D] => true,
        _ => false,
    }
}

/// All bits of word `w` (lower case, as [`low_of`] gives it).
pub(super) fn word_bits(w: &str) -> u32 {
    let mut c = table_bits(w);
    let b = w.as_bytes();
    if c & TRIGGER_TABLES != 0 || b.len() == 2 && b[0] == b'q' || b.contains(&b'-') {
        c |= TRIGGER;
    }
    c | suffix_bits(b)
}

/// The bits that [`word_bits`] reads from a word's ending.
#[inline]
fn suffix_bits(b: &[u8]) -> u32 {
    match b.last() {
        Some(b'l') if b.ends_with(b"'ll") || b.ends_with("’ll".as_bytes()) => MODAL | FUTURE,
        Some(b'd') if b.len() >= 4 && b[b.len() - 2] == b'e' => ED,
        Some(b'g') if b.ends_with(b"ing") => ING,
        Some(b'o') if b == b"ago" => AGO,
        _ => 0,
    }
}

/// The bits of token `i` of `doc`. [`super::view::View::class`] asks
/// for them the first time it reads a token, so a token no pattern looks
/// at is never classified: most are only asked whether they start a date,
/// which the cue pass's date mark ([`crate::extract::cue`]) answers
/// without it.
pub(super) fn token_class(doc: &Document, lower: &str, i: usize) -> u32 {
    let t = &doc.tokens[i];
    match t.kind {
        TokenKind::Punct => {
            // `lower` holds the same punctuation bytes as the text.
            if is_boundary(&lower.as_bytes()[t.range()]) {
                BOUNDARY
            } else {
                0
            }
        }
        // No table word starts with a digit (a test checks), and a number
        // holds no hyphen nor apostrophe; but it may end in "-ing" as far
        // as the patterns can tell.
        TokenKind::Number => suffix_bits(&lower.as_bytes()[t.range()]) | START,
        TokenKind::Word => {
            let bits = classes().token_bits(lower, t.range());
            if bits & TRIGGER != 0 {
                bits | START
            } else {
                bits
            }
        }
    }
}

impl Classes {
    /// Whether the word token at `range` of `lower` may have a bit of
    /// `mask`, table bits alone: false only when no table word with its
    /// first and last bytes and its length (possessive cut) has one. A
    /// table word a token equals has those ends and that length, so the
    /// answer "no" is one its class would give ("people" has no word of
    /// the months or units with its ends, though a clause word has). With
    /// [`PLAIN_TABLES`] for `mask`, it says "no" at least where
    /// [`Classes::token_bits`] and [`table_bits`] skip the probe.
    #[inline]
    pub(super) fn may_have(&self, lower: &str, range: Range<usize>, mask: u32) -> bool {
        let b = without_possessive(&lower.as_bytes()[range]);
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
            return true;
        };
        let e = self.ends[fold(first)][fold(last)];
        e.lengths & length_bit(b.len()) != 0 && e.bits & mask != 0
    }

    /// [`word_bits`] of the token at `range` of `lower`, as [`low_of`]
    /// gives it. A word of up to 15 bytes (nearly all) is read as one
    /// integer: its ASCII test, hyphen search and table key come from
    /// that integer, not from a loop over its bytes.
    #[inline]
    fn token_bits(&self, lower: &str, range: Range<usize>) -> u32 {
        const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
        const ONES: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;
        let all = lower.as_bytes();
        let start = range.start;
        let b = without_possessive(&all[range.clone()]);
        let len = b.len();
        let sixteen = all
            .get(start..start + 16)
            .and_then(|e| <[u8; 16]>::try_from(e).ok());
        let (Some(&first), Some(&last), Some(sixteen), true) =
            (b.first(), b.last(), sixteen, len < 16)
        else {
            return slow_token_bits(lower, range);
        };
        let x = u128::from_be_bytes(sixteen) >> (128 - 8 * len);
        let mut c = 0;
        if x & HIGH == 0 && self.ends[fold(first)][fold(last)].lengths & length_bit(len) != 0 {
            c = u32::from(self.words.of_packed(x, len));
        }
        // A zero byte in `x ^ "----..."` is a hyphen (the bytes above the
        // word are zero, not hyphens).
        let h = x ^ (ONES * u128::from(b'-'));
        let hyphen = h.wrapping_sub(ONES) & !h & HIGH != 0;
        if c & TRIGGER_TABLES != 0 || len == 2 && first == b'q' || hyphen {
            c |= TRIGGER;
        }
        c | suffix_bits(b)
    }
}

/// [`Classes::token_bits`] of a long token or one at the end of the text.
#[cold]
#[inline(never)]
fn slow_token_bits(lower: &str, range: Range<usize>) -> u32 {
    word_bits(low_of(lower, range))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cue;

    #[test]
    fn every_table_word_has_its_bit() {
        fn keyed<T>(t: &[(&'static str, T)]) -> Vec<&'static str> {
            t.iter().map(|(k, _)| *k).collect()
        }
        let lists: Vec<(Vec<&str>, u32)> = vec![
            (lex::DETERMINERS.to_vec(), DETERMINER),
            (lex::AUXILIARIES.to_vec(), AUXILIARY),
            (lex::MODALS.to_vec(), MODAL),
            (lex::FUTURE_CUES.to_vec(), FUTURE),
            (lex::IRREGULAR_PAST.to_vec(), IRREGULAR_PAST),
            (lex::DATE_PREPOSITIONS.to_vec(), PREPOSITION),
            (lex::CLAUSE_WORDS.to_vec(), CLAUSE),
            (lex::SCHEDULE_VERBS.to_vec(), SCHEDULE),
            (keyed(lex::MONTHS), MONTH | TRIGGER),
            (keyed(lex::WEEKDAYS), WEEKDAY | TRIGGER),
            (keyed(lex::SHIFTS), SHIFT | TRIGGER),
            (lex::SPAN_HEDGES.to_vec(), HEDGE | TRIGGER),
            (keyed(lex::QUARTER_ORDINALS), ORDINAL | TRIGGER),
            (keyed(lex::SEASONS), OTHER_TRIGGER | TRIGGER),
        ];
        for (words, bits) in lists {
            for w in words {
                assert_eq!(word_bits(w) & bits, bits, "{w}");
            }
        }
        assert_eq!(word_bits("meets") & SCHEDULE, SCHEDULE);
        for w in ["week", "years", "weekend"] {
            assert_ne!(table_bits(w) & UNIT, 0, "{w}");
        }
    }

    #[test]
    fn other_words_have_no_table_bits() {
        for w in [
            "",
            "house",
            "meetss",
            "the's",
            "x",
            "théâtre",
            "weeks-long",
            "ll",
        ] {
            assert_eq!(table_bits(w), 0, "{w}");
        }
        assert_eq!(word_bits("house"), 0);
        assert_eq!(word_bits("said"), IRREGULAR_PAST);
        assert_eq!(word_bits("mid-march") & TRIGGER, TRIGGER);
        assert_eq!(word_bits("q3") & TRIGGER, TRIGGER);
        assert_eq!(word_bits("we’ll") & (MODAL | FUTURE), MODAL | FUTURE);
        assert_eq!(word_bits("announced") & ED, ED);
        assert_eq!(word_bits("red") & ED, 0);
    }

    #[test]
    fn tokens_read_as_integers_get_the_bits_of_their_words() {
        let text = "The Tuesday's strike, set for mid-March, will've been \
                    re-scheduled: they’ll meet on Wednesday’s eve. Q3 sales in \
                    September ended 2,500 units ago; the year-earlier period was \
                    reconvened by Ünal's Kelvin wee\u{212A}, a nineteen-eighty thing \
                    meets. Planned";
        let doc = Document::new(text);
        let out: Vec<u32> = (0..doc.tokens.len())
            .map(|i| token_class(&doc, &doc.lower, i))
            .collect();
        let cues = cue::Cues::new(&doc);
        for (i, (t, bits)) in doc.tokens.iter().zip(&out).enumerate() {
            if bits & START != 0 {
                assert!(cues.has(i, cue::DATE), "{}", &text[t.range()]);
            }
            if t.kind == TokenKind::Word && bits & PLAIN_TABLES != 0 {
                assert!(
                    classes().may_have(&doc.lower, t.range(), bits & PLAIN_TABLES),
                    "{}",
                    &text[t.range()]
                );
            }
            if t.kind != TokenKind::Word {
                assert_eq!(bits & PLAIN_TABLES, 0, "{}", &text[t.range()]);
            }
            let expected = match t.kind {
                TokenKind::Punct if is_boundary(text[t.range()].as_bytes()) => BOUNDARY,
                TokenKind::Punct => 0,
                TokenKind::Number => word_bits(low_of(&doc.lower, t.range())) | START,
                TokenKind::Word => {
                    let b = word_bits(low_of(&doc.lower, t.range()));
                    if b & TRIGGER != 0 {
                        b | START
                    } else {
                        b
                    }
                }
            };
            assert_eq!(*bits, expected, "{}", &text[t.range()]);
        }
        let bits_of = |w: &str| {
            let k = doc.tokens.iter().position(|t| &text[t.range()] == w);
            out[k.unwrap()]
        };
        assert_ne!(bits_of("Tuesday's") & WEEKDAY, 0);
        assert_ne!(bits_of("they’ll") & FUTURE, 0);
        assert_ne!(bits_of("Planned") & FUTURE, 0);
        assert_ne!(bits_of("re-scheduled") & TRIGGER, 0);
        assert_eq!(bits_of("wee\u{212A}") & UNIT, 0);
    }

    /// The cue pass's [`cue::DATE`] is a necessary condition of [`START`]:
    /// over every word of every table, as written in the text (capitals,
    /// a possessive, a hyphen), over near misses and the shapes that make
    /// a trigger, each token with [`START`] carries the cue.
    /// Every word of the tables the classes are built from.
    fn table_words() -> Vec<&'static str> {
        let mut words: Vec<&str> = trigger_words().collect();
        for t in [
            lex::DETERMINERS,
            lex::AUXILIARIES,
            lex::MODALS,
            lex::FUTURE_CUES,
            lex::IRREGULAR_PAST,
            lex::DATE_PREPOSITIONS,
            lex::CLAUSE_WORDS,
            lex::SCHEDULE_VERBS,
            lex::YEAR_QUALIFIERS,
            AFTER_THE_WORDS,
        ] {
            words.extend(t);
        }
        words.extend(lex::UNITS.iter().map(|(k, _)| *k));
        words
    }

    #[test]
    fn every_start_carries_the_date_cue() {
        let mut words = table_words();
        words.extend([
            "q",
            "q3",
            "qs",
            "q34",
            "thee",
            "th",
            "mayor",
            "marches",
            "sundays",
            "'s",
            "’s",
            "x-",
            "-",
            "a-b",
            "nineteen-eighty",
            "weeK",
            "Ünal",
            "théâtre",
            "tomorrow",
        ]);
        let mut text = String::new();
        for w in &words {
            let mut cap = w.to_string();
            if let Some(first) = cap.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            for v in [
                w.to_string(),
                w.to_ascii_uppercase(),
                cap,
                format!("{w}'s"),
                format!("{w}’s"),
                format!("{}'S", w.to_ascii_uppercase()),
                format!("{}’S", w.to_ascii_uppercase()),
                format!("{w}-long"),
                format!("mid-{w}"),
                format!("{w}s"),
                format!("{w}x"),
            ] {
                text.push_str(&v);
                text.push_str(" 7 ");
            }
        }
        let doc = Document::new(&text);
        let cues = cue::Cues::new(&doc);
        let mut starts = 0;
        for (i, t) in doc.tokens.iter().enumerate() {
            if token_class(&doc, &doc.lower, i) & START != 0 {
                starts += 1;
                assert!(cues.has(i, cue::DATE), "{}", &text[t.range()]);
            }
        }
        assert!(starts > words.len());
        for w in trigger_words() {
            assert_ne!(word_bits(w) & TRIGGER, 0, "{w}");
        }
    }

    /// [`Classes::may_have`] says "no" only where the table would: every
    /// word of every table, bare or possessive, passes it for each of its
    /// own table bits.
    #[test]
    fn the_ends_filter_passes_every_table_word_for_its_bits() {
        let mut words: Vec<String> = table_words().into_iter().map(String::from).collect();
        words.extend(lex::SCHEDULE_VERBS.iter().map(|w| format!("{w}s")));
        let c = classes();
        let mut checked = 0;
        for w in &words {
            let bits = table_bits(w) & PLAIN_TABLES;
            for text in [w.clone(), format!("{w}'s"), format!("{w}’s")] {
                for k in 0..16 {
                    let bit = 1 << k;
                    if bits & bit != 0 {
                        assert!(c.may_have(&text, 0..text.len(), bit), "{text} {bit}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > words.len());
        // And it says "no" to a word of no table with those bits.
        assert!(!c.may_have("people", 0..6, MONTH | UNIT));
    }

    #[test]
    fn possessives_are_cut_before_lookup() {
        assert_eq!(low_of("tuesday's", 0..9), "tuesday");
        assert_eq!(low_of("tuesday’s", 0..11), "tuesday");
        assert_eq!(low_of("this", 0..4), "this");
    }
}
