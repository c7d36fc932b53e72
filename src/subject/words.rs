//! The questions the subject layer asks of every word of an article (a
//! function word? a number, month or weekday?), answered by one lookup in
//! a table built once from the lexicon's tables instead of a search of
//! each table in turn; and the stem of each word, remembered. A speed
//! helper: the answers are the tables' and the stemmer's own, as the tests
//! check; it holds no words of its own.

use super::figures::ORDINALS;
use super::{stem_id, Stem};
use crate::lexicon::{be_value, dates, is_in_sorted, nouns, numbers, FxHasher, WordClasses};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

const FUNCTION: u16 = 1;
const MONTH: u16 = 1 << 1;
const WEEKDAY: u16 = 1 << 2;
/// Number words: units and tens.
const NUMBER: u16 = 1 << 3;
const SCALE: u16 = 1 << 4;

/// The function, calendar and number words, each table with its bit.
fn classes() -> &'static WordClasses {
    static CLASSES: OnceLock<WordClasses> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let keys = |t: &[(&'static str, u32)]| t.iter().map(|&(k, _)| k).collect::<Vec<_>>();
        let months = keys(dates::MONTHS);
        let weekdays = keys(dates::WEEKDAYS);
        let mut number_words = keys(numbers::UNITS);
        number_words.extend(keys(numbers::TENS));
        let scales: Vec<&str> = numbers::SCALES.iter().map(|&(k, _)| k).collect();
        WordClasses::new(&[
            (nouns::FUNCTION_WORDS, FUNCTION),
            (&months, MONTH),
            (&weekdays, WEEKDAY),
            (&number_words, NUMBER),
            (&scales, SCALE),
        ])
    })
}

/// The table bits of `lower` (a word as `Document::tok_lower` gives it:
/// ASCII letters in lower case), or `None` when it is not ASCII. Every
/// table word is lower-case ASCII (a test checks), so for an ASCII word a
/// bit is set exactly when the table holds the word as written; and for
/// an ASCII word the length filter of [`WordClasses::of_ascii`] holds.
fn bits(lower: &str) -> Option<u16> {
    lower
        .is_ascii()
        .then(|| classes().of_ascii(lower.as_bytes()))
}

fn is_calendar_or_number_word_slow(w: &str) -> bool {
    // The number tables are ordered by value, not by word: scan them.
    dates::lookup(dates::MONTHS, w).is_some()
        || dates::lookup(dates::WEEKDAYS, w).is_some()
        || numbers::UNITS.iter().any(|(k, _)| *k == w)
        || numbers::TENS.iter().any(|(k, _)| *k == w)
        || numbers::SCALES.iter().any(|(k, _)| *k == w)
}

/// Whether `lower` is a function word, or names a month or weekday, or is
/// a number word: never a content word nor part of a name.
pub(super) fn is_function_calendar_or_number_word(lower: &str) -> bool {
    match bits(lower) {
        Some(b) => b & (FUNCTION | MONTH | WEEKDAY | NUMBER | SCALE) != 0,
        None => {
            is_in_sorted(nouns::FUNCTION_WORDS, lower) || is_calendar_or_number_word_slow(lower)
        }
    }
}

/// The tables a figure written in words can come from, apart from the
/// function words: asked of every word of an article, a table without
/// the many function words turns most words away at its letter-pair and
/// length filter, before any probe.
fn figure_classes() -> &'static WordClasses {
    static CLASSES: OnceLock<WordClasses> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let keys = |t: &[(&'static str, u32)]| t.iter().map(|&(k, _)| k).collect::<Vec<_>>();
        let mut words = keys(dates::MONTHS);
        words.extend(keys(dates::WEEKDAYS));
        words.extend(keys(numbers::UNITS));
        words.extend(keys(numbers::TENS));
        words.extend(keys(ORDINALS));
        WordClasses::new(&[(&words, 1)])
    })
}

/// Whether `lower` may be a figure written in words: a number word
/// (hyphenated ones too: "forty-one"), an ordinal, a month, a weekday or
/// "tgif". `false` means it is none of them. Every word outside ASCII may
/// be one.
pub(super) fn may_be_figure_word(lower: &str) -> bool {
    let b = lower.as_bytes();
    // One pass for both: a byte outside ASCII, or a hyphen.
    b.iter().any(|&c| c >= 0x80 || c == b'-') || figure_classes().of_ascii(b) != 0 || b == b"tgif"
}

/// The [`Stem`] of `w` by the Snowball English `stemmer`. A run stems
/// each word once: the caller's [`StemTable`] keeps the result.
pub(super) fn snowball_stem(w: &str, stemmer: &Stemmer) -> Stem {
    stem_id(&stemmer.stem(w))
}

/// A word of 1 to 15 bytes as one integer: its length in the top byte,
/// its bytes below (big-endian, so the last byte is the lowest; read by
/// [`be_value`]'s two overlapping loads, not byte by byte), so no two
/// words share one and none is 0.
fn packed(w: &str) -> Option<u128> {
    let n = w.len();
    (1..=15)
        .contains(&n)
        .then(|| (n as u128) << 120 | be_value(w.as_bytes()))
}

/// A map from the words of one article to `V`, for a lookup per token:
/// a word of up to 15 bytes is one packed integer ([`packed`]) in an
/// open-addressing table at most half full, so a lookup is a multiply
/// and integer compares, with no hashing of bytes and no `memcmp`;
/// longer words go to a hash map. Keys are compared byte for byte, as a
/// `HashMap<&str, V>` compares them.
pub(super) struct WordMap<'a, V> {
    short: ShortMap<V>,
    long: HashMap<&'a str, V, BuildHasherDefault<FxHasher>>,
}

impl<'a, V: Copy + Default> WordMap<'a, V> {
    /// An empty map.
    pub(super) fn new() -> Self {
        WordMap {
            short: ShortMap::new(),
            long: HashMap::default(),
        }
    }

    /// The value of `w`, inserted by `f` when `w` has none.
    pub(super) fn entry(&mut self, w: &'a str, f: impl FnOnce() -> V) -> &mut V {
        match packed(w) {
            Some(key) => self.short.entry(key, f),
            None => self.long.entry(w).or_insert_with(f),
        }
    }

    /// The value of `w`, when it has one.
    pub(super) fn get(&self, w: &str) -> Option<V> {
        match packed(w) {
            Some(key) => self.short.get(key),
            None => self.long.get(w).copied(),
        }
    }
}

/// Packed words ([`packed`]) to values: an open-addressing table at most
/// half full.
struct ShortMap<V> {
    /// `(key, value)`, key 0 for a free slot; the length a power of two.
    slots: Vec<(u128, V)>,
    used: usize,
}

impl<V: Copy + Default> ShortMap<V> {
    fn new() -> Self {
        ShortMap {
            slots: vec![(0, V::default()); 256],
            used: 0,
        }
    }

    fn entry(&mut self, key: u128, f: impl FnOnce() -> V) -> &mut V {
        if (self.used + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let at = self.find(key);
        if self.slots[at].0 == 0 {
            self.slots[at] = (key, f());
            self.used += 1;
        }
        &mut self.slots[at].1
    }

    fn get(&self, key: u128) -> Option<V> {
        let (k, v) = self.slots[self.find(key)];
        (k != 0).then_some(v)
    }

    /// The slot holding `key`, or the free slot where it goes.
    fn find(&self, key: u128) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = slot(key) & mask;
        while self.slots[at].0 != 0 && self.slots[at].0 != key {
            at = (at + 1) & mask;
        }
        at
    }

    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![(0, V::default()); size]);
        for (k, v) in old {
            if k != 0 {
                let at = self.find(k);
                self.slots[at] = (k, v);
            }
        }
    }
}

/// The stems of the words seen so far, for a run that reads many
/// articles: most words of an article were seen in an earlier one, and
/// the Snowball stemmer is the subject layer's costliest step. The caller
/// owns the table and hands it to [`super::subjects_with`] for each
/// article (one table per thread); it holds only what the stemmer and the
/// family table answer, so results never depend on what was read before.
pub struct StemTable {
    stemmer: Stemmer,
    /// Words of up to 15 bytes (longer ones are stemmed each time).
    stems: ShortMap<Stem>,
}

/// Words a [`StemTable`] keeps before it starts again (about 4 MB).
const STEM_TABLE_WORDS: usize = 1 << 17;

impl StemTable {
    /// An empty table.
    pub fn new() -> Self {
        StemTable {
            stemmer: Stemmer::create(Algorithm::English),
            stems: ShortMap::new(),
        }
    }

    /// The stem of the lower-case `w`, worked out by `stem` from the
    /// stemmer the first time `w` is seen.
    pub(super) fn stem(&mut self, w: &str, stem: impl FnOnce(&str, &Stemmer) -> Stem) -> Stem {
        let Some(key) = packed(w) else {
            return stem(w, &self.stemmer);
        };
        if self.stems.used >= STEM_TABLE_WORDS {
            self.stems = ShortMap::new();
        }
        let stemmer = &self.stemmer;
        *self.stems.entry(key, || stem(w, stemmer))
    }
}

impl Default for StemTable {
    fn default() -> Self {
        StemTable::new()
    }
}

/// A packed word's starting slot in a table.
fn slot(key: u128) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables() -> Vec<Vec<&'static str>> {
        let keys = |t: &[(&'static str, u32)]| t.iter().map(|&(k, _)| k).collect::<Vec<_>>();
        vec![
            nouns::FUNCTION_WORDS.to_vec(),
            keys(dates::MONTHS),
            keys(dates::WEEKDAYS),
            keys(numbers::UNITS),
            keys(numbers::TENS),
            numbers::SCALES.iter().map(|&(k, _)| k).collect(),
            keys(ORDINALS),
        ]
    }

    #[test]
    fn table_words_are_lower_case_ascii() {
        for w in tables().concat() {
            assert!(
                w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()),
                "{w}"
            );
        }
    }

    #[test]
    fn answers_agree_with_the_tables() {
        let mut words = tables().concat();
        words.extend([
            "",
            "x",
            "officials",
            "mayor",
            "said",
            "Monday",
            "ünal",
            "élan",
            "twentyone",
        ]);
        for w in words {
            let lower = w.to_ascii_lowercase();
            assert_eq!(
                is_function_calendar_or_number_word(&lower),
                is_in_sorted(nouns::FUNCTION_WORDS, &lower)
                    || is_calendar_or_number_word_slow(&lower),
                "{w}"
            );
            let figure = is_calendar_or_number_word_slow(&lower)
                && !numbers::SCALES.iter().any(|(k, _)| *k == lower)
                || ORDINALS.iter().any(|(k, _)| *k == lower);
            // Exactly the figure tables' words, hyphenated words and
            // every word outside ASCII.
            let maybe = figure || !lower.is_ascii() || lower == "tgif" || lower.contains('-');
            assert_eq!(may_be_figure_word(&lower), maybe, "{w}");
        }
        assert!(!may_be_figure_word("officials"));
    }

    #[test]
    fn packed_is_the_length_then_the_bytes() {
        let by_bytes = |w: &str| {
            let b = w.as_bytes();
            (!b.is_empty() && b.len() <= 15).then(|| {
                b.iter().fold(0u128, |v, &x| (v << 8) | u128::from(x)) | (b.len() as u128) << 120
            })
        };
        let mut words: Vec<String> = (0..=16).map(|n| "a".repeat(n)).collect();
        words.extend((0..=16).map(|n| (0..n).map(|i| char::from(b'a' + i as u8)).collect()));
        words.extend(["été", "naïve", "fifteen-letters", "\u{ff}\u{ff}\u{ff}"].map(String::from));
        for w in &words {
            assert_eq!(packed(w), by_bytes(w), "{w:?}");
        }
    }

    #[test]
    fn word_map_finds_what_a_hash_map_finds() {
        let text = "the The a an ab abc fifteen-letters sixteen-letters! été \0 x y z";
        let mut words: Vec<String> = text.split(' ').map(str::to_owned).collect();
        words.extend((0..600).map(|i| format!("w{i}")));
        let mut map = WordMap::new();
        let mut want = HashMap::new();
        for (i, w) in words.iter().enumerate() {
            *map.entry(w, || i) += 0;
            want.entry(w.as_str()).or_insert(i);
        }
        for w in &words {
            assert_eq!(map.get(w), want.get(w.as_str()).copied(), "{w}");
        }
        assert_eq!(map.get("absent"), None);
        assert_eq!(map.get(""), None);
        *map.entry("", || 7) += 1;
        assert_eq!(map.get(""), Some(8));
    }
}
