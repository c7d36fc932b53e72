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

use super::entity::Capitals;
use super::{age, date, duration, entity, number, ordinal, time};
use crate::lexicon::numbers::ORDINALS;
use crate::lexicon::titles::{self, Classes};
use crate::lexicon::{be_window_at, has_byte, JointClasses, WordClasses, HIGH, SHORT};
use crate::text::{Document, Token, TokenKind};
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
    /// Mark every token of `doc`, in one pass: [`Cues::with_title_classes`]
    /// without the classes, for the extractors' tests.
    #[cfg(test)]
    pub(crate) fn new(doc: &Document) -> Cues {
        Cues::with_title_classes(doc, &vec![true; doc.tokens.len()]).0
    }

    /// Mark every token of `doc` with the cues of the extractors that may
    /// start there, and in the same pass find the title-table classes of
    /// each capitalised word not `quoted` (what [`entity::People`] asks of
    /// a name's words): each token is read once, and a short ASCII word is
    /// looked up once in both tables ([`JointClasses`]). The people's
    /// inputs are made here, not in `entity`, only because this is the
    /// one pass over the tokens that reads each word.
    ///
    /// Sixty-four tokens at a time, numbers and marks are marked first,
    /// in a loop that also sets a bit per word, and the words then, one
    /// set bit after another: words, numbers and marks follow one another
    /// with no pattern a branch predictor learns, and neither loop
    /// branches on the kind.
    pub(crate) fn with_title_classes(doc: &Document, quoted: &[bool]) -> (Cues, Capitals) {
        debug_assert_eq!(quoted.len(), doc.tokens.len());
        let text = doc.text.as_bytes();
        let (table, joint) = (classes(), joint());
        let n = doc.tokens.len();
        let mut cues = vec![0; n];
        let mut titles = vec![None; n];
        let mut capitals = Vec::with_capacity(n.div_ceil(64));
        let ins = doc.tokens.chunks(64).zip(quoted.chunks(64));
        let outs = cues.chunks_mut(64).zip(titles.chunks_mut(64));
        for ((tokens, quoted), (cues, titles)) in ins.zip(outs) {
            let mut words = 0u64;
            for (k, (t, cue)) in tokens.iter().zip(cues.iter_mut()).enumerate() {
                *cue = number_and_mark_cues(text, t);
                words |= u64::from(t.kind == TokenKind::Word) << k;
            }
            let mut bits = 0u64;
            for k in entity::ones(words) {
                let (cue, capital, title) = word_cues(table, joint, doc, &tokens[k], quoted[k]);
                cues[k] = cue;
                titles[k] = title;
                bits |= u64::from(capital) << k;
            }
            capitals.push(bits);
        }
        (Cues(cues), Capitals::new(titles, capitals))
    }

    /// The first token from `from` up to `end` carrying `cue`, else `end`.
    ///
    /// Eight cues are tested at once: packed into one `u128` and masked
    /// with `cue` in each of its 16-bit lanes, the first lane left
    /// non-zero is the first token carrying it. The loop runs an eighth
    /// as many rounds as a token-by-token scan, each a few instructions
    /// and one branch for eight tokens. The
    /// last `end - from` mod 8 tokens are read as the eight ending at
    /// `end`, with the lanes before them masked off, which are tokens
    /// already scanned or before `from`.
    #[inline]
    pub(crate) fn next(&self, from: usize, end: usize, cue: u16) -> usize {
        let Some(cues) = self.0.get(from..end) else {
            return end;
        };
        let lanes = u128::from(cue) * LANE_ONES;
        let mut rest = cues;
        let mut k = from;
        while let Some((c, tail)) = rest.split_first_chunk::<LANES>() {
            let hit = pack(c) & lanes;
            if hit != 0 {
                return k + first_lane(hit);
            }
            k += LANES;
            rest = tail;
        }
        match self.0[..end].last_chunk::<LANES>() {
            Some(c) => {
                // `rest.len()` is below LANES: the two shifts keep the top
                // `rest.len()` lanes, none when it is zero.
                let keep = u128::MAX << 16 << (16 * (LANES - 1 - rest.len()));
                let hit = pack(c) & lanes & keep;
                if hit != 0 {
                    end - LANES + first_lane(hit)
                } else {
                    end
                }
            }
            // Fewer than eight tokens before `end`.
            None => rest
                .iter()
                .position(|&c| c & cue != 0)
                .map_or(end, |k| end - rest.len() + k),
        }
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

/// How many cues [`Cues::next`] tests at once, 16 bits each in a `u128`.
const LANES: usize = 8;

/// 1 in each 16-bit lane of a `u128`: times a cue, the cue in every lane.
const LANE_ONES: u128 = u128::MAX / 0xFFFF;

/// Eight cues as one integer, the first in the lowest lane: fixed-size
/// loads the compiler joins, no loop.
#[inline]
fn pack(c: &[u16; LANES]) -> u128 {
    c.iter().rev().fold(0, |w, &x| w << 16 | u128::from(x))
}

/// The lane of the lowest set bit of `hit`, which is not zero.
#[inline]
fn first_lane(hit: u128) -> usize {
    hit.trailing_zeros() as usize / 16
}

/// The cue bits of token `t` when it is a number ("21st") or a mark ("$"
/// or a currency sign outside ASCII), 0 for a word, from its first and
/// last bytes, with no branch on its kind.
#[inline]
fn number_and_mark_cues(text: &[u8], t: &Token) -> u16 {
    let (first, last) = (text[t.start], text[t.end - 1]);
    let kind = t.kind as usize;
    // An ordinal ends in a letter (`may_be_ordinal`), and few numbers
    // do: one test of the last byte, kept for a number only, stops
    // nearly every token.
    let ordinal = (last | 0x20) & ORDINAL_LAST[kind] >= b'a'
        && ordinal::may_be_ordinal(&text[t.range()], None);
    FIRST_BYTE_CUES[kind][usize::from(first)] | cue_if(ordinal, ORDINAL)
}

/// Per [`TokenKind`], in the order of its variants, and per first byte,
/// the cues a token carries whatever its other bytes: [`NUMBER`] for
/// every number; [`COUNT`] for a mark "$" or outside ASCII (a currency
/// sign: a mark is one char, so a first byte "$" is all of it); none for
/// a word. One load, where tests of the kind and the byte take a dozen
/// instructions.
static FIRST_BYTE_CUES: [[u16; 256]; 3] = first_byte_cues();

/// [`FIRST_BYTE_CUES`].
const fn first_byte_cues() -> [[u16; 256]; 3] {
    let mut cues = [[0; 256]; 3];
    let mut b = 0;
    while b < 256 {
        cues[TokenKind::Number as usize][b] = NUMBER;
        if b == b'$' as usize || b >= 0x80 {
            cues[TokenKind::Punct as usize][b] = COUNT;
        }
        b += 1;
    }
    cues
}

/// Per [`TokenKind`], in the order of its variants, what
/// [`number_and_mark_cues`] keeps of a token's last byte for its ordinal
/// test: a number's all. A word's ordinals are in the tables, and no
/// table word starts with a digit.
static ORDINAL_LAST: [u8; 3] = [0, u8::MAX, 0];

/// The cue bits of the word `t`, whether it is capitalised and not
/// `quoted`, and then its title classes.
///
/// Most words are at most [`SHORT`] ASCII bytes: read as one integer,
/// every test is made on it, and a lookup of [`JointClasses`] answers
/// both tables; so for a word outside ASCII that neither table can hold
/// ("don’t"). Longer words and the other words outside ASCII, a few in a
/// hundred, go through the tables' own lookups ([`other_word_cues`]).
#[inline]
fn word_cues(
    words: &WordClasses,
    joint: &JointClasses,
    doc: &Document,
    t: &Token,
    quoted: bool,
) -> (u16, bool, Option<Classes>) {
    let text = doc.text.as_bytes();
    let len = t.end - t.start;
    if len > SHORT {
        return other_word_cues(words, doc, t, quoted, None);
    }
    let window = be_window_at(text, t.start);
    // The word's bytes, as `be_value` reads them.
    let v = window >> (8 * (16 - len));
    let first = (window >> 120) as u8;
    // A word outside ASCII in neither table ("don’t") goes on, one that
    // may be in one ("\u{212A}ing") or opens outside ASCII ("Élan", its
    // capital the char's) goes through the tables' own lookups.
    if v & HIGH != 0 && (first >= 0x80 || !joint.surely_lacks(v)) {
        return other_word_cues(words, doc, t, quoted, Some(v));
    }
    // Capitalised when its first byte is a capital. Every word asks the
    // cue words, a capitalised one the titles too.
    let capital = first.is_ascii_uppercase() & !quoted;
    let (found, title) = joint.of_ascii(v, len, 1 | u64::from(capital) << 1);
    // The date shape ([`may_be_date_shape`]) in the last two bytes, the
    // last case-blind: a possessive "'s" or "’s" (the last byte of "’" is
    // 0x99), or "q" and one more byte. A word of one byte reads a zero
    // before it, which is no apostrophe. The two possessives are tested
    // by a product, zero when either difference is (each is below 2^16,
    // so it cannot wrap to zero): two compares of one value may be made
    // a branch on it.
    let tail = v as u32 & 0xFFDF;
    let possessive = (tail ^ 0x2753) * (tail ^ 0x9953) == 0;
    let shape = possessive | (len == 2) & (tail & 0xDF00 == 0x5100);
    debug_assert_eq!(shape, may_be_date_shape(&text[t.range()]));
    let c = found | cue_if(shape, DATE);
    let c = if has_byte(v, b'-') {
        with_hyphen(&text[t.range()], c, true)
    } else {
        c
    };
    (
        c,
        capital,
        capital.then_some(Classes::from_table_bits(title)),
    )
}

/// [`word_cues`] of a word longer than [`SHORT`] bytes or outside ASCII
/// (`v` its bytes when it is short), through the tables' own lookups.
#[inline(never)]
fn other_word_cues(
    words: &WordClasses,
    doc: &Document,
    t: &Token,
    quoted: bool,
    v: Option<u128>,
) -> (u16, bool, Option<Classes>) {
    let b = &doc.text.as_bytes()[t.range()];
    let capital = !quoted & entity::is_capitalised_token(&doc.text, t);
    let c = words.of_ascii(b) | cue_if(may_be_date_shape(b), DATE);
    // A short word's hyphen in its bytes at once, not by a `memchr` call.
    let hyphen = v.map_or_else(|| b.contains(&b'-'), |v| has_byte(v, b'-'));
    (
        with_hyphen(b, c, hyphen),
        capital,
        capital.then(|| Classes::of_bytes(b)),
    )
}

/// The cue bits `c` of the word `b`, with what a hyphen in it may
/// make it: "twenty-first", "third-largest".
#[inline]
fn with_hyphen(b: &[u8], c: u16, hyphen: bool) -> u16 {
    if hyphen {
        let k = b.iter().position(|&c| c == b'-');
        c | HYPHENATED | cue_if(ordinal::may_be_ordinal(b, k), ORDINAL)
    } else {
        c
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

/// The cue words joined with the title tables ([`JointClasses`]): one
/// lookup of a short ASCII word answers both.
fn joint() -> &'static JointClasses {
    static JOINT: OnceLock<JointClasses> = OnceLock::new();
    JOINT.get_or_init(|| JointClasses::new(classes(), titles::word_classes()))
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

    /// The cue bits of token `t` as the extractors' own lookups give
    /// them, token by token: the pass before it packed each word once.
    fn looked_up(doc: &Document, t: &crate::text::Token) -> u16 {
        let b = &doc.text.as_bytes()[t.range()];
        match t.kind {
            TokenKind::Punct => cue_if(b == b"$" || b[0] >= 0x80, COUNT),
            TokenKind::Number => NUMBER | cue_if(ordinal::may_be_ordinal(b, None), ORDINAL),
            TokenKind::Word => {
                let c = classes().of_ascii(b) | cue_if(may_be_date_shape(b), DATE);
                match b.iter().position(|&c| c == b'-') {
                    Some(k) => {
                        c | HYPHENATED | cue_if(ordinal::may_be_ordinal(b, Some(k)), ORDINAL)
                    }
                    None => c,
                }
            }
        }
    }

    #[test]
    fn one_pass_marks_and_classes_as_the_lookups_do() {
        use crate::lexicon::{speech, titles};
        // Every table word, in three cases, among strangers, shapes and
        // words outside ASCII; quoted and not; the last ones within 16
        // bytes of the end.
        let mut words: Vec<String> = Vec::new();
        let count: Vec<&str> = number::cue_words().collect();
        let duration: Vec<&str> = duration::cue_words().collect();
        let time: Vec<&str> = time::cue_words().collect();
        let dates: Vec<&str> = date::cue_words().collect();
        let ordinals: Vec<&str> = ORDINALS.iter().map(|(w, _)| *w).collect();
        for table in [
            &count[..],
            &duration,
            &time,
            &dates,
            &ordinals,
            age::OPENING_WORDS,
            titles::TITLE_HEADS,
            titles::TITLE_MODIFIERS,
            titles::TITLE_OF_OBJECTS,
            titles::HONORIFICS,
            titles::NATIONALITIES,
            titles::NOT_NAME_WORDS,
            titles::NAME_SUFFIXES,
            titles::GROUP_NOUNS,
            titles::FEMALE_WORDS,
            titles::MALE_WORDS,
            speech::SPEECH_VERBS,
        ] {
            for w in table {
                let mut c = w.chars();
                let cap: String = c
                    .next()
                    .into_iter()
                    .flat_map(char::to_uppercase)
                    .chain(c)
                    .collect();
                words.extend([w.to_string(), w.to_uppercase(), cap, format!("{w}s")]);
            }
        }
        let text = format!(
            "Ana Ruiz’s Q3 q1 Qx IRS Tuesday's MONDAY’S twenty-first Third-Largest \
             48-hour Director-General Extraordinarily-Long-Words \u{212A}ing Spo\u{212A}esman Élysée \
             $5 € $$ 21st 3rd-place 1990s 3bn 21ST 22nd 4TH 1,000th 12.5m - — A-1 a’s s \
             \"Quoted Minister said Monday\" {} Senator Says Yesterday’s X",
            words.join(" ")
        );
        let d = Document::new(&text);
        let quoted = entity::quoted_tokens(&d);
        assert!(quoted.iter().any(|&q| q));
        let (cues, capitals) = Cues::with_title_classes(&d, &quoted);
        for (k, t) in d.tokens.iter().enumerate() {
            let w = d.tok(k);
            assert_eq!(cues.0[k], looked_up(&d, t), "{w}");
            let title = (!quoted[k] && entity::is_capitalised_token(&d.text, t))
                .then(|| Classes::of_bytes(w.as_bytes()));
            assert_eq!(capitals.classes[k], title, "{w}");
        }
        assert_eq!(Cues::new(&d).0, cues.0);
    }

    /// The first token from `from` up to `end` carrying `cue`, token by
    /// token: what [`Cues::next`] gave before it tested eight at once.
    fn scan(cues: &Cues, from: usize, end: usize, cue: u16) -> usize {
        let c = cues.0.get(from..end).unwrap_or_default();
        c.iter()
            .position(|&c| c & cue != 0)
            .map_or(end, |k| from + k)
    }

    #[test]
    fn next_finds_what_a_scan_finds() {
        // Random cue vectors, dense and sparse, of every length up to 40;
        // every `from` and `end`, out of range and reversed ones too; one
        // bit, several, all and none.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut rand = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let wanted = [0, COUNT, DATE, TIME | AGE, ORDINAL, 1 << 15, u16::MAX];
        for len in 0..=40 {
            for density in [1, 3, 8] {
                let v: Vec<u16> = (0..len)
                    .map(|_| {
                        let r = rand();
                        // Each bit set with chance density/16.
                        (0..16)
                            .filter(|b| (r >> (4 * b)) % 16 < density)
                            .fold(0, |c, b| c | 1 << b)
                    })
                    .collect();
                let cues = Cues(v);
                for from in 0..=len + 2 {
                    for end in 0..=len + 2 {
                        for &cue in &wanted {
                            let got = cues.next(from, end, cue);
                            assert_eq!(
                                got,
                                scan(&cues, from, end, cue),
                                "{:?} {from}..{end} {cue:#x}",
                                cues.0
                            );
                        }
                        let each: Vec<usize> = cues.each(from..end, DATE).collect();
                        let scanned: Vec<usize> = (from..end.min(len))
                            .filter(|&i| cues.has(i, DATE))
                            .collect();
                        let scanned = if end > len { Vec::new() } else { scanned };
                        assert_eq!(each, scanned);
                    }
                }
            }
        }
    }

    #[test]
    fn first_bytes_mark_numbers_and_currency_signs() {
        for b in 0..=255u8 {
            let cue = |k: TokenKind| FIRST_BYTE_CUES[k as usize][usize::from(b)];
            assert_eq!(cue(TokenKind::Word), 0);
            assert_eq!(cue(TokenKind::Number), NUMBER);
            let currency = b == b'$' || b >= 0x80;
            assert_eq!(cue(TokenKind::Punct), cue_if(currency, COUNT), "{b}");
        }
    }

    #[test]
    fn only_a_number_keeps_its_last_byte_for_the_ordinal_test() {
        assert_eq!(ORDINAL_LAST[TokenKind::Word as usize], 0);
        assert_eq!(ORDINAL_LAST[TokenKind::Number as usize], u8::MAX);
        assert_eq!(ORDINAL_LAST[TokenKind::Punct as usize], 0);
    }

    #[test]
    fn ordinary_words_and_punctuation_carry_no_cue() {
        let s = "Our crew said so, then left.";
        for w in ["Our", "crew", "said", "so", ",", "then", "left", "."] {
            assert_eq!(cues(s, w), 0, "{w}");
        }
    }
}
