//! The subject layer: what each claim is about, computed once per article
//! right after extraction, so that the checks and the audit compare claims
//! without re-reading the article's tokens.
//!
//! For every sentence it keeps the content words (stemmed with the Snowball
//! English stemmer, joined into word families where news uses several words
//! for one thing: "injured", "injuries", "hurt") and the names it mentions;
//! for every claim, the name that owns or performs it ("GM plans to close
//! 1,100 dealerships": GM). [`align`] decides from these whether two claims
//! state the same fact.
//!
//! It does not decide who is who among people (that is
//! `check::people`), and it holds no claim values: checks compare those.

mod align;
mod figures;
pub(crate) mod keys;
mod words;

pub use align::{
    align, is_part_of, names_kept, restates, same_attributed_quotation, same_letters,
    same_quotation, shared_count, shared_share, similarity, Alignment, SentenceIndex, Side,
};
pub use figures::{Figure, FigureValue, Unit};

use crate::extract::Claim;
use crate::lexicon::{titles, FxHasher};
use crate::text::{Document, TokenKind};
use rust_stemmers::Stemmer;
use std::ops::Range;
pub use words::StemTable;
use words::{is_function_calendar_or_number_word, WordMap};

/// What one sentence is about.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Terms {
    /// Content words, stemmed, sorted and deduplicated; function words,
    /// numbers, months and weekdays are left out.
    pub stems: Vec<Stem>,
    /// Names mentioned (the last word of each capitalised run, lower
    /// case), sorted and deduplicated.
    pub names: Vec<String>,
}

/// What every sentence and claim of one article is about.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Subjects {
    /// Per sentence of the document.
    pub sentences: Vec<Terms>,
    /// Per claim (in the claims' order): the name that owns or performs it,
    /// lower case, when one stands before it in its clause.
    pub owners: Vec<Option<String>>,
    /// Per claim: its subject keys (see [`keys`]).
    pub keys: Vec<ClaimKeys>,
    /// Every number, month and weekday written, in order.
    pub figures: Vec<Figure>,
    /// Every capitalised word, in order: where a name may be written.
    pub name_words: Vec<NameWord>,
}

/// A capitalised word of an article, where a name may stand, with the
/// words right beside it: what a check of names as written reads.
#[derive(Debug, Clone, PartialEq)]
pub struct NameWord {
    /// Its byte range in the prose.
    pub word: Range<usize>,
    /// The word right before it, when no punctuation stands between.
    pub before: Option<Range<usize>>,
    /// The word right after it, likewise.
    pub after: Option<Range<usize>>,
}

impl Subjects {
    /// The terms of `claim`'s sentence (empty when it has none).
    pub fn terms(&self, claim: &Claim) -> &Terms {
        static EMPTY: Terms = Terms {
            stems: Vec::new(),
            names: Vec::new(),
        };
        claim
            .sentence
            .and_then(|s| self.sentences.get(s))
            .unwrap_or(&EMPTY)
    }

    /// The content words of the whole article, sorted and deduplicated.
    pub fn vocabulary(&self) -> Vec<Stem> {
        let mut out: Vec<Stem> = self
            .sentences
            .iter()
            .flat_map(|t| t.stems.iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The side of an alignment that claim number `ci` stands on.
    pub fn side(&self, claims: &[Claim], ci: usize) -> Side<'_> {
        Side {
            terms: self.terms(&claims[ci]),
            owner: self.owners.get(ci).and_then(Option::as_deref),
        }
    }
}

/// What files a claim under a subject: for a count, its subject key (noun,
/// qualifiers, the casualty sense) and what happened to the group; for a
/// date, the event it dates (verb, agent, object).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimKeys {
    /// A count's subject key, `None` when it is never compared.
    pub(crate) count: Option<String>,
    /// A count's predicate ("released" in "captives who were released").
    pub(crate) predicate: Option<String>,
    /// A date's event.
    pub(crate) event: Option<keys::EventKey>,
}

impl ClaimKeys {
    fn of(doc: &Document, claim: &Claim) -> ClaimKeys {
        match &claim.data {
            crate::extract::ClaimData::Count(c) => {
                let sentence = claim.sentence.map_or("", |s| doc.sentence_text(s));
                ClaimKeys {
                    count: keys::count_subject(c, sentence),
                    predicate: keys::count_predicate(doc, claim),
                    event: None,
                }
            }
            crate::extract::ClaimData::Date(_) => ClaimKeys {
                event: keys::event_key(doc, claim),
                ..ClaimKeys::default()
            },
            _ => ClaimKeys::default(),
        }
    }
}

/// Words that one news sense shares: each maps to its family's stem.
/// Sorted by word.
const FAMILIES: &[(&str, &str)] = &[
    ("casualties", "casualti"),
    ("dead", "death"),
    ("death", "death"),
    ("deaths", "death"),
    ("die", "death"),
    ("died", "death"),
    ("dies", "death"),
    ("dying", "death"),
    ("fatalities", "death"),
    ("fatality", "death"),
    ("hurt", "injur"),
    ("injured", "injur"),
    ("injuries", "injur"),
    ("injuring", "injur"),
    ("injury", "injur"),
    ("killed", "death"),
    ("killing", "death"),
    ("wounded", "injur"),
];

/// How many tokens before a claim its owner may stand.
const OWNER_REACH: usize = 10;

/// Compute the subjects of `claims`, found in `doc`.
pub fn subjects(doc: &Document, claims: &[Claim]) -> Subjects {
    subjects_with(doc, claims, &mut StemTable::new())
}

/// [`subjects`], with the stems of words seen in earlier articles taken
/// from `table` (and this article's added to it).
pub fn subjects_with(doc: &Document, claims: &[Claim], table: &mut StemTable) -> Subjects {
    let cx = NameContext::new(doc);
    // Each distinct word is stemmed once per article.
    let mut stems: Stems<'_> = WordMap::new();
    let mut scratch = Scratch::default();
    let sentences = (0..doc.sentences.len())
        .map(|s| sentence_terms(&cx, s, table, &mut stems, &mut scratch))
        .collect();
    let owners = claims.iter().map(|c| owner(&cx, &stems, c)).collect();
    let keys = claims.iter().map(|c| ClaimKeys::of(doc, c)).collect();
    Subjects {
        sentences,
        owners,
        keys,
        figures: figures::figures(doc),
        name_words: name_words(doc),
    }
}

/// The capitalised words of `doc`, each with its neighbouring words.
fn name_words(doc: &Document) -> Vec<NameWord> {
    let word = |k: usize| {
        let t = doc.tokens.get(k)?;
        (t.kind == TokenKind::Word).then(|| t.range())
    };
    (0..doc.tokens.len())
        .filter(|&k| doc.tokens[k].kind == TokenKind::Word && is_capitalised(doc.tok(k)))
        .map(|k| NameWord {
            word: doc.tokens[k].range(),
            before: k.checked_sub(1).and_then(word),
            after: word(k + 1),
        })
        .collect()
}

/// A document with the words it writes in lower case somewhere: a
/// capitalised word that opens a sentence is a name when the document
/// never writes it in lower case ("Kestrel plans...", not "Officials said"
/// in an article that mentions officials again).
struct NameContext<'a> {
    doc: &'a Document,
    /// The capitalised words that open a sentence (lower case) which the
    /// document also writes in lower case.
    lower_words: WordMap<'a, ()>,
}

/// What the subject layer knows of each distinct word (lower case) of an
/// article, worked out once per word instead of once per token.
#[derive(Clone, Copy, Default)]
struct WordFacts {
    /// Its stem, `None` for a word that is not content.
    stem: Option<Stem>,
    /// Whether its table words rule out a name ([`is_never_name`]),
    /// answered when first written capitalised.
    never_name: Option<bool>,
}

type Stems<'a> = WordMap<'a, WordFacts>;

impl<'a> NameContext<'a> {
    fn new(doc: &'a Document) -> Self {
        // Only the words that open a sentence need the question asked.
        let mut openers = WordMap::new();
        for s in &doc.sentences {
            let k = s.tokens.start;
            if k < s.tokens.end && doc.tokens[k].kind == TokenKind::Word {
                openers.entry(doc.tok_lower(k), || ());
            }
        }
        let mut lower_words = WordMap::new();
        for k in 0..doc.tokens.len() {
            if doc.tokens[k].kind == TokenKind::Word
                && doc.tok(k).starts_with(|c: char| c.is_lowercase())
                && openers.get(doc.tok(k)).is_some()
            {
                lower_words.entry(doc.tok(k), || ());
            }
        }
        NameContext { doc, lower_words }
    }
}

/// Lists reused from sentence to sentence, so that each sentence's
/// [`Terms`] is allocated once at its final size.
#[derive(Default)]
struct Scratch<'a> {
    stems: Vec<Stem>,
    names: Vec<&'a str>,
}

fn sentence_terms<'a>(
    cx: &NameContext<'a>,
    s: usize,
    table: &mut StemTable,
    cache: &mut Stems<'a>,
    scratch: &mut Scratch<'a>,
) -> Terms {
    let doc = cx.doc;
    let sentence = &doc.sentences[s];
    let Scratch { stems, names } = scratch;
    stems.clear();
    names.clear();
    for k in sentence.tokens.clone() {
        if doc.tokens[k].kind != TokenKind::Word {
            continue;
        }
        let w = doc.tok_lower(k);
        let facts = cache.entry(w, || WordFacts {
            stem: is_content_word(w).then(|| table.stem(w, stem)),
            never_name: None,
        });
        if is_capitalised(doc.tok(k)) {
            let never = *facts.never_name.get_or_insert_with(|| is_never_name(w));
            if !never && is_name_at(cx, k, sentence.tokens.start) {
                names.push(trim_possessive(w));
            }
        }
        if let Some(id) = facts.stem {
            stems.push(id);
        }
    }
    stems.sort_unstable();
    stems.dedup();
    names.sort_unstable();
    names.dedup();
    Terms {
        stems: stems.to_vec(),
        names: names.iter().map(|&n| n.to_owned()).collect(),
    }
}

/// The family stem of a lower-case word, as a [`Stem`].
fn stem(w: &str, stemmer: &Stemmer) -> Stem {
    let w = trim_possessive(w);
    match FAMILIES.binary_search_by(|(k, _)| k.cmp(&w)) {
        Ok(i) => stem_id(FAMILIES[i].1),
        Err(_) => words::snowball_stem(w, stemmer),
    }
}

/// A stemmed content word, as a hash of its letters: sentences are
/// compared by sorted lists of these, without a string per word.
pub type Stem = u64;

/// The [`Stem`] of a stem's letters.
pub fn stem_id(stem: &str) -> Stem {
    use std::hash::Hasher;
    let mut h = FxHasher::default();
    h.write(stem.as_bytes());
    h.finish()
}

fn is_content_word(w: &str) -> bool {
    // An ASCII word (most) is read by bytes: its length is its count of
    // chars, and a letter test is a compare, not a char decoded.
    let letters = if w.is_ascii() {
        w.len() >= 3 && w.bytes().all(|b| b == b'\'' || b.is_ascii_alphabetic())
    } else {
        // Apostrophes first: `is_alphabetic` of a curly one is a table
        // search.
        w.chars().count() >= 3 && w.chars().all(|c| c == '\'' || c == '’' || is_letter(c))
    };
    letters && !is_function_calendar_or_number_word(w)
}

/// `char::is_alphabetic`, with ASCII and the letters of the scripts news
/// is mostly written in answered without the Unicode table search (a few
/// hundred instructions a char).
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || crate::text::is_common_letter(c) || c.is_alphabetic()
}

/// A name's word as compared: lower case, without a possessive.
fn name_word(w: &str) -> String {
    trim_possessive(w).to_owned()
}

/// `w` without its possessive endings: as
/// `w.trim_end_matches("'s").trim_end_matches("’s")`, without building a
/// string searcher per word.
fn trim_possessive(w: &str) -> &str {
    let mut w = w;
    while let Some(rest) = w.strip_suffix("'s") {
        w = rest;
    }
    while let Some(rest) = w.strip_suffix("’s") {
        w = rest;
    }
    w
}

/// Whether token `k` is part of a name: capitalised, not a function word,
/// month, weekday or title word; at a sentence's start only when written
/// all in capitals ("KLM") or never in lower case in the document.
///
/// Whether the word can be a name at all is read from `facts`, where
/// [`sentence_terms`] left it for every capitalised word of the document,
/// instead of asked of the tables again.
fn is_name(cx: &NameContext<'_>, facts: &Stems<'_>, k: usize, sentence_start: usize) -> bool {
    let lower = cx.doc.tok_lower(k);
    is_capitalised(cx.doc.tok(k))
        && !facts
            .get(lower)
            .and_then(|f| f.never_name)
            .unwrap_or_else(|| is_never_name(lower))
        && is_name_at(cx, k, sentence_start)
}

/// Whether `w` starts with a capital letter.
fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the lower-case `lower` is a function word, a month, weekday
/// or number word, or a title word: never part of a name.
fn is_never_name(lower: &str) -> bool {
    let title = titles::Classes::of(lower);
    is_function_calendar_or_number_word(lower)
        || title.is_title_head()
        || title.is_title_modifier()
        || title.is_honorific()
}

/// The rest of [`is_name`] for a capitalised word `k` of no table: at a
/// sentence's start only when written all in capitals or never in lower
/// case in the document.
fn is_name_at(cx: &NameContext<'_>, k: usize, sentence_start: usize) -> bool {
    let doc = cx.doc;
    let w = doc.tok(k);
    let lower = doc.tok_lower(k);
    let initial = k == sentence_start
        || (k > sentence_start && doc.tokens[k - 1].kind == TokenKind::Punct && {
            let p = doc.tok(k - 1);
            matches!(p, "\"" | "“" | "‘" | "'" | "(" | "—" | "-" | ":")
        });
    !initial
        || cx.lower_words.get(lower).is_none()
        || (w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !w.chars().any(char::is_lowercase))
}

/// The nearest name before `claim` in its clause; `facts` are the words
/// of the document as [`sentence_terms`] found them.
fn owner(cx: &NameContext<'_>, facts: &Stems<'_>, claim: &Claim) -> Option<String> {
    let doc = cx.doc;
    let sentence = &doc.sentences[claim.sentence?];
    let first = doc.token_at(claim.prose.start);
    let lo = first.saturating_sub(OWNER_REACH).max(sentence.tokens.start);
    (lo..first.min(sentence.tokens.end))
        .rev()
        .take_while(|&k| !matches!(doc.tok(k), ";" | "." | "?" | "!"))
        .find(|&k| {
            doc.tokens[k].kind == TokenKind::Word && is_name(cx, facts, k, sentence.tokens.start)
        })
        .map(|k| name_word(doc.tok_lower(k)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_by_range_are_alphabetic() {
        for c in (0..0x600).chain(0x3000..0x3100).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn content_words_by_bytes_and_by_chars_agree() {
        let by_chars = |w: &str| {
            w.chars().count() >= 3
                && w.chars()
                    .all(|c| c == '\'' || c == '’' || c.is_alphabetic())
                && !is_function_calendar_or_number_word(w)
        };
        for w in [
            "ab",
            "abc",
            "the",
            "don't",
            "don’t",
            "rock-n",
            "a1b",
            "x.y",
            "été",
            "éé",
            "ééé",
            "россия",
            "z²z",
            "'''",
            "’’’",
            "march",
            "seventy",
            "ḁḁḁ",
        ] {
            assert_eq!(is_content_word(w), by_chars(w), "{w}");
        }
    }

    fn terms(text: &str) -> Terms {
        let doc = Document::new(text);
        let s = subjects(&doc, &[]);
        s.sentences.into_iter().next().unwrap_or_default()
    }

    #[test]
    fn families_table_is_sorted() {
        assert!(FAMILIES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn words_of_one_family_share_a_stem() {
        let a = terms("Nine firefighters were injured.");
        let b = terms("The blaze hurt a dozen firefighters.");
        assert!(a.stems.contains(&stem_id("injur")), "{a:?}");
        assert!(b.stems.contains(&stem_id("injur")), "{b:?}");
        assert!(a.stems.contains(&stem_id("firefight")), "{a:?}");
    }

    #[test]
    fn function_words_numbers_and_months_are_not_content() {
        let t = terms("The council met in March with seven of the members.");
        let mut want: Vec<Stem> = ["council", "member", "met"].map(stem_id).to_vec();
        want.sort_unstable();
        assert_eq!(t.stems, want);
    }

    #[test]
    fn names_skip_the_capitalised_first_word_unless_in_capitals() {
        let t = terms("The minister met Okafor and Hale's aides. The talks ended.");
        assert_eq!(t.names, ["hale", "okafor"]);
        let t = terms("KXR will close 40 plants.");
        assert_eq!(t.names, ["kxr"]);
    }
}
