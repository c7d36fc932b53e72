//! Number phrases over tokens: digits ("1,200", "12.5"), words ("forty-eight",
//! "two hundred and five", "a dozen", "half a million"), scales ("1.2
//! million", "3bn"), vague plurals ("dozens of"), ranges ("40-50", "40 to
//! 50"), money ("US$3.2 billion", "€200m", "500 USD") and shares ("40%",
//! "40 per cent").
//!
//! It reads a number and what is glued to it, nothing more: whether the
//! number is a count, a year or a label, and what it counts, is decided in
//! `count`. Every function looks at a bounded number of tokens, so a pass
//! over a document stays linear.

use crate::lexicon::be_value;
use crate::lexicon::numbers::{
    self, lookup, CURRENCY_CODES, CURRENCY_PREFIXES, CURRENCY_SYMBOLS, GLUED_SCALES, MANY,
    PERCENT_WORDS, SCALES, TENS, UNITS,
};
use crate::text::{Document, TokenKind};

/// A number as written, with the tokens it spans.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NumberPhrase {
    /// The (lower) value, scaled.
    pub value: f64,
    /// The upper value of a range or of a vague plural.
    pub hi: Option<f64>,
    /// A vague plural ("dozens of").
    pub many: bool,
    /// First token (a currency symbol or prefix when there is one).
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Written in digits (not words).
    pub digits: bool,
    /// A lone "one": as likely an article or pronoun as a count.
    pub lone_one: bool,
    /// Scaled by a word or suffix ("million", "bn").
    pub scaled: bool,
    /// The noun a currency or share gives it ("dollar", "percent").
    pub unit: Option<&'static str>,
}

/// The text of token `i`, lower-cased when it is short ASCII (the only
/// words the tables hold); `None` for anything else.
#[inline]
pub(crate) fn lower(doc: &Document, i: usize) -> Option<Lower<'_>> {
    let t = doc.tokens.get(i)?;
    (t.end - t.start <= 24).then(|| Lower(tok_lower(doc, i)))
}

/// A token's lower-cased text, borrowed from [`Document::lower`]: reads like
/// the `String` it replaces, without allocating one per lookup.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Lower<'a>(&'a str);

impl<'a> Lower<'a> {
    /// The text.
    pub(crate) fn as_str(&self) -> &'a str {
        self.0
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<Lower<'_>> for &str {
    fn eq(&self, other: &Lower<'_>) -> bool {
        *self == other.0
    }
}

impl std::fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// The text of token `i`: [`Document::tok`], inlined here for the hot
/// loops of the count extractor, which call it on every number's
/// neighbours (a call each, where the compiler does not inline across
/// modules).
#[inline]
pub(crate) fn tok(doc: &Document, i: usize) -> &str {
    let t = &doc.tokens[i];
    &doc.text[t.start..t.end]
}

/// The text of token `i` with ASCII letters lower-cased: [`Document::tok_lower`],
/// inlined as [`tok`].
#[inline]
pub(crate) fn tok_lower(doc: &Document, i: usize) -> &str {
    let t = &doc.tokens[i];
    &doc.lower[t.start..t.end]
}

/// Whether token `i` (before `end`) is the word `w`, in any case.
#[inline]
pub(crate) fn is_word(doc: &Document, i: usize, end: usize, w: &str) -> bool {
    i < end && tok(doc, i).eq_ignore_ascii_case(w)
}

/// Whether tokens `i` and `i + 1` touch (no space between).
fn touch(doc: &Document, i: usize) -> bool {
    doc.tokens
        .get(i + 1)
        .is_some_and(|t| t.start == doc.tokens[i].end)
}

/// Whether token `i` could open a number phrase; cheap, for the main loop
/// (it runs on every token, so it allocates nothing).
pub(crate) fn may_start_number(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => {
            // Every currency symbol but "$" is outside ASCII: skip the
            // table for the commas and full stops.
            let s = tok(doc, i);
            (s == "$" || !s.is_ascii()) && lookup(CURRENCY_SYMBOLS, s).is_some()
        }
        TokenKind::Word => {
            let s = tok(doc, i).as_bytes();
            if s.len() > 12 || !s.is_ascii() || !may_be_starting_word(s) {
                return false;
            }
            // The token lower-cased: ASCII, so the document's lower text.
            let lower = &doc.lower.as_bytes()[t.start..t.end];
            if matches!(lower, b"a" | b"an" | b"half") {
                // Only "a dozen", "a million", "half a million"...
                let big = |k: usize| {
                    doc.tokens
                        .get(k)
                        .is_some_and(|_| token_class(doc, k) & BIG != 0)
                };
                return big(i + 1) || (lower == b"half" && big(i + 2));
            }
            let class = number_word(lower).0 & STARTS;
            if class == 0 {
                return s.iter().position(|&b| b == b'-').is_some_and(|k| {
                    let tens = s[..k].to_ascii_lowercase();
                    std::str::from_utf8(&tens).is_ok_and(|t| lookup(TENS, t).is_some())
                });
            }
            // A currency prefix opens a number only glued to a currency
            // symbol ("US$"), a code only in capitals before digits ("USD
            // 5"), as `currency_before` reads them; and neither is a
            // number word that `parse_core` could read: "us" and "can" are
            // mostly plain words, and stop here.
            class & NUMBER_WORD != 0
                || (class & PREFIX != 0
                    && touch(doc, i)
                    && lookup(CURRENCY_SYMBOLS, tok(doc, i + 1)).is_some())
                || (class & CODE != 0
                    && s.iter().all(u8::is_ascii_uppercase)
                    && doc
                        .tokens
                        .get(i + 1)
                        .is_some_and(|t| t.kind == TokenKind::Number))
        }
    }
}

/// A filter before [`is_starting_word`] that rejects most words on their
/// first letter and length alone: for each letter, the lengths of the
/// words that can open a number phrase ("a", "an", "half" and the starting
/// words), and every length for the first letters of tens ("twenty-one").
fn may_be_starting_word(s: &[u8]) -> bool {
    static LENGTHS: std::sync::OnceLock<[u16; 26]> = std::sync::OnceLock::new();
    let lengths = LENGTHS.get_or_init(|| {
        let mut t = [0u16; 26];
        let mut mark = |w: &str, lengths: u16| {
            if let Some(k) = w.bytes().next().and_then(letter_index) {
                t[k] |= lengths;
            }
        };
        for w in cue_words() {
            if w.len() <= 12 {
                mark(w, 1 << w.len());
            }
        }
        for (w, _) in TENS {
            mark(w, u16::MAX);
        }
        t
    });
    s.first()
        .copied()
        .and_then(letter_index)
        .is_some_and(|k| lengths[k] & (1 << s.len()) != 0)
}

/// 0..26 for an ASCII letter, any case.
fn letter_index(b: u8) -> Option<usize> {
    b.is_ascii_alphabetic()
        .then(|| usize::from(b.to_ascii_lowercase() - b'a'))
}

/// A short word (1..=15 bytes) as one integer, so that the table lookup on
/// every token compares integers, not strings: its bytes big-endian
/// ([`be_value`], two overlapping loads), and its length in the top byte,
/// so that no two words share a key and none is 0. A longer or empty word
/// is 0, which no table word is.
fn pack(w: &[u8]) -> u128 {
    let n = w.len();
    if n == 0 || n > 15 {
        return 0;
    }
    be_value(w) | (n as u128) << 120
}

/// Class of [`number_words`]: a number word that opens a phrase ("five",
/// "twenty", "dozens", "tens").
const NUMBER_WORD: u8 = 1 << 0;
/// Class of [`number_words`]: a currency prefix ("us" in "US$").
const PREFIX: u8 = 1 << 1;
/// Class of [`number_words`]: a currency code ("usd").
const CODE: u8 = 1 << 2;
/// The classes of the words that may open a number phrase.
const STARTS: u8 = NUMBER_WORD | PREFIX | CODE;
/// Class of [`number_words`]: a word of [`UNITS`] or [`TENS`], with its
/// value.
const SMALL: u8 = 1 << 3;
/// Class of [`number_words`]: a word of [`SCALES`].
const SCALE: u8 = 1 << 4;
/// Class of [`number_words`]: a word of [`GLUED_SCALES`].
const GLUED: u8 = 1 << 5;
/// Class of [`number_words`]: a word of [`PERCENT_WORDS`], or "per".
const PERCENT: u8 = 1 << 6;
/// Class of [`number_words`]: "hundred", "dozen" or a word of [`SCALES`],
/// which "a", "an" and "half" open ("a dozen", "half a million").
const BIG: u8 = 1 << 7;

/// The number tables' words: [`NumberWords`].
struct NumberWords {
    /// For each first letter `a..=z`, bit `n` set when a word of `n` bytes
    /// starts with it: most words looked up (the nouns after numbers, the
    /// words after "a") stop here, before any packing or hashing.
    lengths: [u32; 26],
    /// The words, packed ([`pack`]), each with its classes and its value
    /// when [`SMALL`], in an open-addressing table at most half full: one
    /// multiply and about one probe per lookup, where each table took a
    /// walk comparing strings.
    table: Vec<(u128, u8, u8)>,
}

/// The number tables' words, in one [`NumberWords`].
fn number_words() -> &'static NumberWords {
    static WORDS: std::sync::OnceLock<NumberWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let small = UNITS.iter().chain(TENS).map(|&(w, v)| (w, SMALL, v as u8));
        let words: Vec<(&str, u8, u8)> = starting_word_classes()
            .map(|(w, class)| (w, class, 0))
            .chain(small)
            .chain(SCALES.iter().map(|&(w, _)| (w, SCALE | BIG, 0)))
            .chain(["hundred", "dozen"].map(|w| (w, BIG, 0)))
            .chain(GLUED_SCALES.iter().map(|&(w, _)| (w, GLUED, 0)))
            .chain(
                PERCENT_WORDS
                    .iter()
                    .chain(&["per"])
                    .map(|&w| (w, PERCENT, 0)),
            )
            .collect();
        let size = (words.len() * 2).next_power_of_two().max(64);
        let mut table = vec![(0u128, 0u8, 0u8); size];
        let mut lengths = [0u32; 26];
        for (w, class, value) in words {
            let first = w.as_bytes()[0];
            assert!(first.is_ascii_lowercase() && w.len() < 32, "{w}");
            lengths[usize::from(first - b'a')] |= 1 << w.len();
            let key = pack(w.as_bytes());
            assert!(key != 0, "{w}");
            let mut k = slot(key, size);
            while table[k].0 != 0 && table[k].0 != key {
                k = (k + 1) & (size - 1);
            }
            let (_, old_class, old_value) = table[k];
            table[k] = (key, old_class | class, old_value | value);
        }
        NumberWords { lengths, table }
    })
}

/// The words that may open a number phrase, for the cue pass
/// ([`super::cue`]): the starting words and "a", "an", "half".
pub(super) fn cue_words() -> impl Iterator<Item = &'static str> {
    ["a", "an", "half"].into_iter().chain(starting_word_list())
}

/// The words of the [`STARTS`] classes.
fn starting_word_list() -> impl Iterator<Item = &'static str> {
    starting_word_classes().map(|(w, _)| w)
}

/// The words of the [`STARTS`] classes, each with its class.
fn starting_word_classes() -> impl Iterator<Item = (&'static str, u8)> {
    UNITS
        .iter()
        .map(|(w, _)| *w)
        .chain(TENS.iter().map(|(w, _)| *w))
        .chain(MANY.iter().map(|(w, _, _)| *w))
        .chain(["tens"])
        .map(|w| (w, NUMBER_WORD))
        .chain(CURRENCY_PREFIXES.iter().map(|w| (*w, PREFIX)))
        .chain(CURRENCY_CODES.iter().map(|(w, _)| (*w, CODE)))
}

fn slot(w: u128, size: usize) -> usize {
    let x = (w as u64) ^ ((w >> 64) as u64);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & (size - 1)
}

/// The classes and value in [`number_words`] of word `w` as written: its
/// bytes, exactly, as the tables' `lookup` compares them ((0, 0) for none).
#[inline]
fn number_word(w: &[u8]) -> (u8, u8) {
    let words = number_words();
    let Some(&first) = w.first() else {
        return (0, 0);
    };
    let letter = usize::from(first.wrapping_sub(b'a'));
    if letter >= 26 || words.lengths[letter] & (1 << w.len().min(31)) == 0 {
        return (0, 0);
    }
    let key = pack(w);
    let table = &words.table;
    let mut k = slot(key, table.len());
    loop {
        match table[k] {
            (0, _, _) => return (0, 0),
            (x, class, value) if x == key => return (class, value),
            _ => k = (k + 1) & (table.len() - 1),
        }
    }
}

/// The classes in [`number_words`] of token `k` lower-cased: those of its
/// ASCII-lower-cased text, which equals a table word exactly when the
/// token does in any ASCII case.
#[inline]
fn token_class(doc: &Document, k: usize) -> u8 {
    let t = &doc.tokens[k];
    number_word(&doc.lower.as_bytes()[t.start..t.end]).0
}

/// The classes in [`number_words`] of `w` as written.
fn class_of(w: &str) -> u8 {
    number_word(w.as_bytes()).0
}

/// The value of `w` as written in [`UNITS`] or [`TENS`] (exact bytes, as
/// the tables' `lookup` compares them).
fn small_value(w: &[u8]) -> Option<u32> {
    let (class, value) = number_word(w);
    (class & SMALL != 0).then_some(u32::from(value))
}

/// Whether word `w` may open a number phrase.
#[cfg(test)]
fn is_starting_word(w: &[u8]) -> bool {
    number_word(w).0 & STARTS != 0
}

/// Read the number phrase starting at token `i` (tokens before `end`).
/// `and_joins` lets "and" join a range (after "between").
pub(crate) fn parse_number(
    doc: &Document,
    i: usize,
    end: usize,
    and_joins: bool,
) -> Option<NumberPhrase> {
    let (currency, j) = match currency_before(doc, i, end) {
        Some((noun, j)) => (Some(noun), j),
        None => (None, i),
    };
    let core = parse_core(doc, j, end, currency.is_some())?;
    let mut p = NumberPhrase {
        value: core.value,
        hi: core.hi,
        many: core.many,
        first: i,
        end: core.end,
        digits: core.digits,
        lone_one: core.lone_one && currency.is_none(),
        scaled: core.scaled,
        unit: currency,
    };
    if !p.many {
        extend_range(doc, &mut p, end, and_joins);
    }
    if p.unit.is_none() {
        if let Some((unit, k)) = unit_after(doc, p.end, end) {
            p.unit = Some(unit);
            p.end = k;
            p.lone_one = false;
        }
    } else if let Some(k) = code_after(doc, p.end, end) {
        p.end = k;
    }
    // From 2^53 on an `f64` rounds ("9,007,199,254,740,993" would equal
    // "...992"): such a figure is not read, rather than compared wrongly.
    let exact = |v: f64| v.abs() < crate::rules::yaml::MAX_EXACT;
    (exact(p.value) && p.hi.is_none_or(exact)).then_some(p)
}

/// A currency symbol, a prefixed symbol ("US$") or an ISO code ("USD")
/// right before a number: the noun and the token after it.
fn currency_before(doc: &Document, i: usize, end: usize) -> Option<(&'static str, usize)> {
    // A number token starts with a digit, which no currency symbol, prefix
    // or code does: the common case returns here.
    if doc.tokens[i].kind == TokenKind::Number {
        return None;
    }
    let num_at = |k: usize| k < end && doc.tokens[k].kind == TokenKind::Number;
    let s = tok(doc, i);
    if let Some(noun) = lookup(CURRENCY_SYMBOLS, s) {
        return num_at(i + 1).then_some((noun, i + 1));
    }
    if doc.tokens[i].kind != TokenKind::Word || i + 1 >= end {
        return None;
    }
    let w = lower(doc, i)?;
    if touch(doc, i) && CURRENCY_PREFIXES.contains(&w.as_str()) {
        if let Some(noun) = lookup(CURRENCY_SYMBOLS, tok(doc, i + 1)) {
            return num_at(i + 2).then_some((noun, i + 2));
        }
    }
    // A code in capitals right before a number: both cheaper than the table.
    if !(s.chars().all(|c| c.is_ascii_uppercase()) && num_at(i + 1)) {
        return None;
    }
    lookup(CURRENCY_CODES, &w).map(|noun| (noun, i + 1))
}

/// A number before any unit: digits or words, scaled.
struct Core {
    value: f64,
    hi: Option<f64>,
    many: bool,
    end: usize,
    digits: bool,
    lone_one: bool,
    scaled: bool,
}

fn parse_core(doc: &Document, i: usize, end: usize, money: bool) -> Option<Core> {
    if i >= end {
        return None;
    }
    let mut core = match doc.tokens[i].kind {
        TokenKind::Number => {
            let (value, scaled) = parse_digits(tok(doc, i))?;
            Core {
                value,
                hi: None,
                many: false,
                end: i + 1,
                digits: true,
                lone_one: false,
                scaled,
            }
        }
        TokenKind::Word => parse_many(doc, i, end).or_else(|| parse_words(doc, i, end))?,
        TokenKind::Punct => return None,
    };
    if core.many {
        return Some(core);
    }
    // A scale word after the number: "1.2 million", "3 bn", "$5 m".
    // One probe of the word after says whether it is a scale at all: most
    // are not ("people", "%").
    let class = if core.end < end {
        token_class(doc, core.end)
    } else {
        0
    };
    if class & (SCALE | GLUED) != 0 {
        let w = tok_lower(doc, core.end);
        let scale = lookup(SCALES, w).or_else(|| {
            (money && core.digits)
                .then(|| lookup(GLUED_SCALES, w))
                .flatten()
        });
        if let Some(scale) = scale.filter(|_| core.digits || !core.scaled) {
            core.value = scaled(core.value, scale);
            core.end += 1;
            core.scaled = true;
            core.lone_one = false;
        }
    }
    Some(core)
}

/// A whole number below a hundred written as one word: "five",
/// "twenty-five", "40".
pub(crate) fn small_whole(w: &str) -> Option<u32> {
    if !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok();
    }
    small_word(w)
}

/// The value of an ordinal written as one word: "21st", "3rd", "third",
/// "twenty-first".
pub(crate) fn ordinal_value(w: &str) -> Option<u32> {
    let split = w.find(|c: char| !c.is_ascii_digit()).unwrap_or(w.len());
    if split > 0 {
        let (num, suffix) = w.split_at(split);
        let n: u32 = num.parse().ok()?;
        let want = match (n % 100, n % 10) {
            (11..=13, _) => "th",
            (_, 1) => "st",
            (_, 2) => "nd",
            (_, 3) => "rd",
            _ => "th",
        };
        return suffix.eq_ignore_ascii_case(want).then_some(n);
    }
    if let Some(v) = lookup(numbers::ORDINALS, w) {
        return Some(v);
    }
    let (tens, unit) = w.split_once('-')?;
    Some(lookup(TENS, tens)? + lookup(numbers::ORDINALS, unit).filter(|&u| u < 10)?)
}

/// Digits with an optional glued scale ("3bn", "200m"): the value and
/// whether it was scaled. Ordinals ("21st"), decades ("1990s") and glued
/// units ("5km") are not read.
pub(crate) fn parse_digits(s: &str) -> Option<(f64, bool)> {
    // Bytes, not chars: a char outside ASCII stops the number at its first
    // byte as it would as a char.
    let split = s
        .bytes()
        .position(|b| !(b.is_ascii_digit() || b == b',' || b == b'.'))
        .unwrap_or(s.len());
    let (num, suffix) = s.split_at(split);
    let dots = num.bytes().filter(|&b| b == b'.').count();
    if num.is_empty() || num.ends_with(['.', ',']) || dots > 1 {
        return None;
    }
    let value: f64 = match whole_digits(num) {
        Some(n) => n as f64,
        None => num.replace(',', "").parse().ok()?,
    };
    if suffix.is_empty() {
        return Some((value, false));
    }
    // The tables are lower case: comparing without case is comparing the
    // lower-cased suffix, without building it.
    let find = |table: &[(&str, f64)]| {
        table
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(suffix))
            .map(|&(_, v)| v)
    };
    let scale = find(GLUED_SCALES).or_else(|| find(SCALES))?;
    Some((scaled(value, scale), true))
}

/// The whole number that digits and thousands separators spell ("1,200"),
/// when there is no decimal point and at most 15 digits: below 2^53, so
/// `as f64` is exact and equals what `parse` gives for the same digits,
/// without building a `String` or running the float parser for the
/// common case. `None` sends the caller to the general parse.
fn whole_digits(num: &str) -> Option<u64> {
    let mut n = 0u64;
    let mut count = 0;
    for b in num.bytes() {
        match b {
            b'0'..=b'9' => {
                n = n * 10 + u64::from(b - b'0');
                count += 1;
            }
            b',' => {}
            _ => return None,
        }
    }
    (1..=15).contains(&count).then_some(n)
}

/// `v` times a power-of-ten `scale`, without the binary fraction's dust
/// ("16.4 million" is 16400000, not 16399999.999999998).
fn scaled(v: f64, scale: f64) -> f64 {
    let r = v * scale;
    if scale >= 1.0 && (r - r.round()).abs() < 1e-6 * r.abs().max(1.0) {
        r.round()
    } else {
        r
    }
}

/// "dozens of", "hundreds of", "tens of thousands of".
fn parse_many(doc: &Document, i: usize, end: usize) -> Option<Core> {
    let w = lower(doc, i)?;
    let of = |k: usize| is_word(doc, k, end, "of");
    let (mut lo, mut hi) = if w == "tens" {
        (20.0, 99.0)
    } else {
        MANY.iter()
            .find(|(m, _, _)| *m == w)
            .map(|&(_, lo, hi)| (lo, hi))?
    };
    if !of(i + 1) {
        return None;
    }
    let mut k = i + 2;
    if let Some(&(_, lo2, _)) = (k < end)
        .then(|| lower(doc, k))
        .flatten()
        .and_then(|w2| MANY.iter().find(|(m, _, _)| *m == w2))
    {
        if lo2 >= 2000.0 && of(k + 1) {
            let base = lo2 / 2.0;
            lo *= base;
            hi *= base;
            k += 2;
        }
    }
    if w == "tens" && k == i + 2 {
        return None;
    }
    Some(Core {
        value: lo,
        hi: Some(hi),
        many: true,
        end: k,
        digits: false,
        lone_one: false,
        scaled: false,
    })
}

/// The value of one number word below a hundred ("seven", "forty-eight").
pub(crate) fn small_word(w: &str) -> Option<u32> {
    if let Some(v) = small_value(w.as_bytes()) {
        return Some(v);
    }
    let (tens, unit) = w.split_once('-')?;
    // The tens are 20 and up, the units below 20.
    let t = small_value(tens.as_bytes()).filter(|&t| t >= 20)?;
    let u = small_value(unit.as_bytes()).filter(|u| (1..10).contains(u))?;
    Some(t + u)
}

/// Spelled-out numbers: "two hundred and five", "a dozen", "half a
/// million", "three million".
fn parse_words(doc: &Document, i: usize, end: usize) -> Option<Core> {
    let word = |k: usize| (k < end).then(|| lower(doc, k)).flatten();
    let is_big = |w: &str| class_of(w) & BIG != 0;
    let first = word(i)?;
    let mut k = i;
    let mut half = false;
    let (mut total, mut group) = (0.0f64, 0.0f64);
    let mut last_small: Option<u32> = None;
    let mut used = 0;
    if first == "half" {
        let a = word(i + 1)?;
        let scale = word(i + 2)?;
        if !(matches!(a.as_str(), "a" | "an") && is_big(&scale)) {
            return None;
        }
        half = true;
        k = i + 2;
        group = 1.0;
        used = 1;
    }
    while let Some(w) = word(k) {
        if matches!(w.as_str(), "a" | "an") && used == 0 {
            match word(k + 1) {
                Some(next) if is_big(&next) => {
                    group = 1.0;
                    k += 1;
                    used += 1;
                    continue;
                }
                _ => break,
            }
        }
        // "twenty - five", as transcripts space a hyphen.
        let after_tens = last_small.is_some_and(|l| l >= 20 && l % 10 == 0);
        if w.as_str() == "-" && after_tens {
            if let Some(v) = word(k + 1).and_then(|n| small_word(&n)).filter(|v| *v < 10) {
                group += f64::from(v);
                last_small = Some(v);
                k += 2;
                used += 2;
                continue;
            }
        }
        if let Some(v) = small_word(&w) {
            let joins_tens = last_small.is_some_and(|l| l >= 20 && l % 10 == 0) && v < 10;
            if last_small.is_some() && !joins_tens {
                break;
            }
            group += f64::from(v);
            last_small = Some(v);
        } else if w == "hundred" && used > 0 {
            group = group.max(1.0) * 100.0;
            last_small = None;
        } else if w == "dozen" && used > 0 {
            group = group.max(1.0) * 12.0;
            last_small = None;
        } else if let Some(scale) = (used > 0 && w.len() > 3 && class_of(&w) & SCALE != 0)
            .then(|| lookup(SCALES, &w))
            .flatten()
        {
            total += group.max(1.0) * scale;
            group = 0.0;
            last_small = None;
        } else if w == "and"
            && used > 0
            && word(k + 1).as_deref() == Some("a")
            && word(k + 2).as_deref() == Some("half")
        {
            // "two and a half (million)".
            group += 0.5;
            last_small = None;
            k += 3;
            used += 3;
            continue;
        } else if w == "and" && used > 0 && last_small.is_none() {
            match word(k + 1) {
                Some(next) if small_word(&next).is_some() => {}
                _ => break,
            }
        } else {
            break;
        }
        k += 1;
        used += 1;
    }
    if used == 0 || (used == 1 && matches!(first.as_str(), "a" | "an")) {
        return None;
    }
    let mut value = total + group;
    if half {
        value /= 2.0;
    }
    let scaled = k - i > 1;
    Some(Core {
        value,
        hi: None,
        many: false,
        end: k,
        digits: false,
        lone_one: value == 1.0 && !scaled,
        scaled,
    })
}

/// Extend `p` into a range: "40-50", "40 to 50", "between 40 and 50"
/// (`and_joins`), "$10-20 million", "3 to 4 million". Not after "from"
/// ("from 40 to 50" states two values).
fn extend_range(doc: &Document, p: &mut NumberPhrase, end: usize, and_joins: bool) {
    let j = p.end;
    if j + 1 >= end {
        return;
    }
    let joiner = tok(doc, j);
    let dash = matches!(joiner, "-" | "–" | "—");
    let word_join = joiner.eq_ignore_ascii_case("to") || (and_joins && joiner == "and");
    if dash && !(touch(doc, j - 1) && touch(doc, j)) || !(dash || word_join) {
        return;
    }
    if !and_joins && p.first > 0 && is_word(doc, p.first - 1, end, "from") {
        return;
    }
    let mut k = j + 1;
    if p.unit.is_some() && lookup(CURRENCY_SYMBOLS, tok(doc, k)).is_some() {
        k += 1;
    }
    let Some(second) = parse_core(doc, k, end, p.unit.is_some()) else {
        return;
    };
    if second.many || second.digits != p.digits {
        return;
    }
    let mut lo = p.value;
    if second.scaled && !p.scaled {
        let raw_hi = parse_core(doc, k, end.min(k + 1), false).map_or(second.value, |c| c.value);
        if raw_hi > 0.0 && lo < raw_hi {
            lo = scaled(lo, second.value / raw_hi);
        }
    }
    if second.value > lo {
        p.value = lo;
        p.hi = Some(second.value);
        p.end = second.end;
        p.scaled |= second.scaled;
        p.lone_one = false;
    }
}

/// A share or currency word after a number: "%", "percent", "per cent",
/// "percentage points", "USD".
fn unit_after(doc: &Document, j: usize, end: usize) -> Option<(&'static str, usize)> {
    if j >= end {
        return None;
    }
    if tok(doc, j) == "%" {
        return Some(("percent", j + 1));
    }
    // One probe answers the common case, a word that is neither a share
    // nor a currency ("people").
    if token_class(doc, j) & (PERCENT | CODE) == 0 {
        return None;
    }
    let w = lower(doc, j)?;
    if w == "per" && is_word(doc, j + 1, end, "cent") {
        return Some(("percent", j + 2));
    }
    if numbers::is_in(PERCENT_WORDS, &w) {
        if w == "percentage" {
            let next = (j + 1 < end).then(|| lower(doc, j + 1)).flatten();
            return matches!(next.as_deref(), Some("point" | "points"))
                .then_some(("percentage point", j + 2));
        }
        return Some(("percent", j + 1));
    }
    // Only a code in capitals counts: test that before the table.
    if !tok(doc, j).chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    lookup(CURRENCY_CODES, &w).map(|noun| (noun, j + 1))
}

/// An ISO code repeating a currency already given ("$199 USD").
fn code_after(doc: &Document, j: usize, end: usize) -> Option<usize> {
    if j >= end || !tok(doc, j).chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let w = lower(doc, j)?;
    lookup(CURRENCY_CODES, &w).map(|_| j + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_starting_word_is_found_and_others_are_not() {
        for w in UNITS
            .iter()
            .map(|(w, _)| *w)
            .chain(TENS.iter().map(|(w, _)| *w))
        {
            assert!(
                is_starting_word(w.as_bytes()) && !is_starting_word(w.to_uppercase().as_bytes()),
                "{w}"
            );
        }
        assert!(is_starting_word(b"tens"));
        for w in starting_word_list().filter(|w| w.len() <= 12) {
            assert!(may_be_starting_word(w.to_uppercase().as_bytes()), "{w}");
        }
        assert!(may_be_starting_word(b"Twenty-seven") && may_be_starting_word(b"Half"));
        assert!(!may_be_starting_word(b"of") && !may_be_starting_word(b"x"));
        assert!(!is_starting_word(b"the"));
        assert!(!is_starting_word(b""));
        for w in [
            "a",
            "ab",
            "abc",
            "abcd",
            "abcdefg",
            "abcdefgh",
            "abcdefghijklmno",
        ] {
            let slow = w.bytes().fold(0, |acc, b| acc << 8 | u128::from(b));
            assert_eq!(pack(w.as_bytes()), slow | (w.len() as u128) << 120, "{w}");
        }
        assert_eq!(pack(b"abcdefghijklmnop"), 0);
    }

    #[test]
    fn one_probe_finds_every_table_word_in_its_tables_only() {
        let tables: [(Vec<&str>, u8); 7] = [
            (starting_word_list().collect(), STARTS),
            (UNITS.iter().chain(TENS).map(|(w, _)| *w).collect(), SMALL),
            (SCALES.iter().map(|(w, _)| *w).collect(), SCALE),
            (GLUED_SCALES.iter().map(|(w, _)| *w).collect(), GLUED),
            (
                PERCENT_WORDS.iter().copied().chain(["per"]).collect(),
                PERCENT,
            ),
            (
                SCALES
                    .iter()
                    .map(|(w, _)| *w)
                    .chain(["hundred", "dozen"])
                    .collect(),
                BIG,
            ),
            (CURRENCY_CODES.iter().map(|(w, _)| *w).collect(), CODE),
        ];
        for (words, bit) in &tables {
            for w in words {
                assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
                assert!(class_of(w) & bit != 0, "{w}");
                assert_eq!(class_of(&w.to_uppercase()), 0, "{w}");
            }
        }
        for w in [
            "", "the", "people", "a", "an", "half", "\u{212A}", "one\u{0}",
        ] {
            let found = tables.iter().any(|(t, _)| t.contains(&w));
            assert_eq!(class_of(w) != 0, found, "{w}");
        }
    }

    #[test]
    fn small_words_read_as_the_tables_do() {
        let slow = |w: &str| {
            lookup(UNITS, w).or_else(|| lookup(TENS, w)).or_else(|| {
                let (tens, unit) = w.split_once('-')?;
                Some(lookup(TENS, tens)? + lookup(UNITS, unit).filter(|u| (1..10).contains(u))?)
            })
        };
        let mut words: Vec<String> = Vec::new();
        for (t, _) in TENS {
            for (u, _) in UNITS {
                words.extend([format!("{t}-{u}"), format!("{u}-{t}"), format!("{t}-{t}")]);
            }
        }
        for (w, _) in UNITS.iter().chain(TENS) {
            words.extend([
                w.to_string(),
                w.to_uppercase(),
                format!("{w}-"),
                format!("-{w}"),
            ]);
        }
        words.extend(["", "-", "hundred", "million", "Twenty-One"].map(String::from));
        for w in &words {
            assert_eq!(small_word(w), slow(w), "{w}");
        }
    }

    #[test]
    fn every_number_phrase_starts_where_may_start_number_says() {
        // The currency prefixes and codes as plain words and as currencies.
        let text = "US$5 and us and can and C$ 3, A$4 or Rmb5 and RMB 5, USD 5, \
                    usd 5, Usd 5, USD five, CAN$ 9, a dozen, a hundred, A Million \
                    and half a billion, an bn, twenty-one, Forty-Two and dozens of \
                    them, tens of thousands, 5, £3 and S$ and NZ$12 and HK$ 4.";
        let doc = Document::new(text);
        let n = doc.tokens.len();
        let mut found = 0;
        // "a", "an" and "half" open a number only before a big word ("A$4"
        // is read from its "$").
        let article = |i: usize| matches!(doc.tok_lower(i), "a" | "an" | "half");
        for i in 0..n {
            if !article(i) && parse_number(&doc, i, n, false).is_some() {
                assert!(may_start_number(&doc, i), "{}", doc.tok(i));
                found += 1;
            }
        }
        assert!(found > 20, "{found}");
        for w in ["us", "can", "usd"] {
            let i = (0..n).find(|&i| doc.tok(i) == w).unwrap();
            assert!(!may_start_number(&doc, i), "{w}");
        }
    }

    #[test]
    fn currency_symbols_are_dollar_or_outside_ascii() {
        // `may_start_number` skips the table for ASCII punctuation but "$".
        assert!(CURRENCY_SYMBOLS
            .iter()
            .all(|(s, _)| *s == "$" || !s.is_ascii()));
    }

    /// The first number phrase in `text`: (value, hi, unit, surface text).
    fn number(text: &str) -> (f64, Option<f64>, Option<&'static str>, String) {
        let doc = Document::new(text);
        let n = doc.tokens.len();
        let p = (0..n)
            .filter(|&i| may_start_number(&doc, i))
            .find_map(|i| parse_number(&doc, i, n, i > 0 && doc.tok(i - 1) == "between"))
            .expect("a number");
        let surface = doc.text[doc.tokens[p.first].start..doc.tokens[p.end - 1].end].to_owned();
        (p.value, p.hi, p.unit, surface)
    }

    #[test]
    fn figures_beyond_exact_f64_range_are_not_read() {
        let doc = Document::new("9,007,199,254,740,993 boats");
        assert!(parse_number(&doc, 0, doc.tokens.len(), false).is_none());
        let doc = Document::new("10,000,000,000,000,000 boats");
        assert!(parse_number(&doc, 0, doc.tokens.len(), false).is_none());
        let doc = Document::new("9,007,199,254,740,991 boats");
        assert!(parse_number(&doc, 0, doc.tokens.len(), false).is_some());
    }

    fn value(text: &str) -> f64 {
        number(text).0
    }

    #[test]
    fn digits_drop_thousands_separators_and_keep_decimals() {
        assert_eq!(value("1,200 flights"), 1200.0);
        assert_eq!(value("12.5 tonnes"), 12.5);
    }

    #[test]
    fn scale_words_and_glued_scales_multiply() {
        assert_eq!(value("1.2 million people"), 1_200_000.0);
        assert_eq!(value("a 3bn deal"), 3e9);
        assert_eq!(value("$16.4 million"), 16_400_000.0);
        assert_eq!(value("$4.1556 a share"), 4.1556);
        assert_eq!(value("€200m"), 2e8);
        assert_eq!(value("50 lakh masks"), 5e6);
    }

    #[test]
    fn number_words_compose() {
        assert_eq!(value("nineteen boats"), 19.0);
        assert_eq!(value("forty-eight boats"), 48.0);
        assert_eq!(value("two hundred and five boats"), 205.0);
        assert_eq!(value("twenty one boats"), 21.0);
        assert_eq!(value("twenty - one boats"), 21.0);
        assert_eq!(value("three million boats"), 3e6);
    }

    #[test]
    fn dozen_and_half_scale_words() {
        assert_eq!(value("a dozen eggs"), 12.0);
        assert_eq!(value("two dozen eggs"), 24.0);
        assert_eq!(value("half a million people"), 500_000.0);
        assert_eq!(value("two and a half million people"), 2_500_000.0);
        assert_eq!(value("one and a half years"), 1.5);
    }

    #[test]
    fn article_alone_is_not_a_number() {
        let doc = Document::new("a new round");
        assert!(parse_number(&doc, 0, doc.tokens.len(), false).is_none());
    }

    #[test]
    fn currency_symbols_and_prefixes_give_the_noun() {
        assert_eq!(
            number("for US$40 billion"),
            (4e10, None, Some("dollar"), "US$40 billion".into())
        );
        assert_eq!(number("GB£20.1 billion").2, Some("pound"));
        assert_eq!(number("worth $3.2 billion").0, 3.2e9);
        assert_eq!(number("a US$7.2 bn deal").0, 7.2e9);
        assert_eq!(number("paid 500 USD").2, Some("dollar"));
    }

    #[test]
    fn shares_in_all_spellings_count_percent() {
        for t in ["40 percent", "40 per cent", "40%", "40 pct"] {
            assert_eq!(number(t), (40.0, None, Some("percent"), t.into()));
        }
        assert_eq!(number("2 percentage points").2, Some("percentage point"));
    }

    #[test]
    fn ranges_keep_both_ends() {
        assert_eq!(number("40-50 people").1, Some(50.0));
        assert_eq!(
            number("15-20% gains"),
            (15.0, Some(20.0), Some("percent"), "15-20%".into())
        );
        assert_eq!(number("between 40 and 50 people").1, Some(50.0));
        assert_eq!(number("3 to 4 million people").0, 3e6);
    }

    #[test]
    fn from_to_is_two_values_not_a_range() {
        assert_eq!(number("from 40 to 50").1, None);
    }

    #[test]
    fn vague_plurals_give_an_interval() {
        assert_eq!(number("dozens of people").1, Some(99.0));
        assert_eq!(number("tens of thousands of people").0, 20_000.0);
    }

    #[test]
    fn ordinals_decades_and_glued_units_are_not_read() {
        assert_eq!(parse_digits("21st"), None);
        assert_eq!(parse_digits("1990s"), None);
        assert_eq!(parse_digits("5km"), None);
        assert_eq!(parse_digits("1,234"), Some((1234.0, false)));
    }
}
