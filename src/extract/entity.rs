//! People named in one article, linked: "Lena Varga", "Varga" and
//! "Secretary of State Lena Varga" are one person.
//!
//! Names are capitalised runs (with honorifics, particles such as "bin" or
//! "de la", and suffixes such as "Jr." or "II"); a run is a person's full
//! name when it has two name words and nothing of an organisation or place
//! in it, and a single word is a person when it is the surname of such a
//! full name or a rule entity's name or alias. With rules, the canonical
//! name is the rule entity's `name`; without, the fullest form the article
//! uses. Two people who share a surname stay two: a bare surname goes to
//! the one named most recently before it, or to nobody when the last
//! sentence naming one of them names the other too. This module does no
//! coreference of pronouns or descriptions (that needs the attribution
//! context in `quote`), and it does not tell organisations from places.

use super::alias::{entity_index, EntityIndex};
use crate::lexicon::titles::{self, Classes};
use crate::lexicon::FxHasher;
use crate::rules::{EntityKind, RuleSet};
use crate::text::{Document, Token, TokenKind};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;

/// A capitalised name run in the prose (outside quotations).
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// Token range of the name.
    pub tokens: Range<usize>,
    /// Prose byte range of the name.
    pub range: Range<usize>,
    /// Whether it names a person.
    pub person: bool,
}

/// What one article's names are, found once and shared by the extractors
/// that ask (see [`People::with_capitals`]).
#[derive(Debug)]
pub(crate) struct Found {
    /// Name mentions in order.
    pub mentions: Vec<Mention>,
    /// Whether each token lies inside a double-quoted quotation.
    pub quoted: Vec<bool>,
    /// The title-table classes of each capitalised token outside
    /// quotations, looked up once: a name's words are asked about five
    /// times each.
    classes: Vec<Option<Classes>>,
    /// Every word-suffix of a full name (lower-case words, honorifics and
    /// generational suffixes dropped, joined by single spaces; see
    /// [`NameWords`]) -> the names ending with it, as an index into
    /// `holders`: the linking pass after the first reaches them by index,
    /// with no second hash of the same words.
    full: HashMap<Box<[u8]>, usize, BuildHasherDefault<FxHasher>>,
    /// The names ending with each suffix in `full`.
    holders: Vec<Holders>,
    /// Every holder's mentions (see [`Holders::mentions`]), each holder's
    /// run in one piece: one buffer for the article, not one per suffix.
    holder_mentions: Vec<(usize, Range<usize>)>,
}

/// The full names that end with one run of words ("berg" ends "Ana Berg"
/// and "Tom Berg").
#[derive(Debug, Clone)]
struct Holders {
    /// Word count and text (its prose range) of the fullest name ending
    /// with the words.
    words: usize,
    text: Range<usize>,
    /// Each mention of a full name ending with the words: its prose offset
    /// and which person it names (its own fullest form, as a prose range),
    /// in order, as a range of [`Found::holder_mentions`]. [`find`] counts
    /// them in its length; [`Found::link_holders`] places and fills them.
    mentions: Range<usize>,
    /// Whether the mentions name more than one person.
    shared: bool,
}

/// The people of one article.
pub(crate) struct People<'a> {
    doc: &'a Document,
    rules: &'a RuleSet,
    index: Option<&'a EntityIndex>,
    found: Found,
}

impl<'a> People<'a> {
    /// Find and link the names of `doc`, for the extractors' tests: the
    /// context finds them once per article ([`People::with_capitals`])
    /// and hands them to every extractor.
    #[cfg(test)]
    pub fn new(doc: &'a Document, rules: &'a RuleSet) -> People<'a> {
        let quoted = quoted_tokens(doc);
        let (_, capitals) = super::cue::Cues::with_title_classes(doc, &quoted);
        People::with_capitals(doc, rules, quoted, capitals)
    }

    /// Find and link the names of `doc`, given the tokens' quoted flags
    /// ([`quoted_tokens`]) and capitalised words
    /// ([`super::cue::Cues::with_title_classes`]): once per article, by
    /// [`super::Context::new`], which finds them in its cue pass and hands
    /// the people to every extractor.
    pub fn with_capitals(
        doc: &'a Document,
        rules: &'a RuleSet,
        quoted: Vec<bool>,
        capitals: Capitals,
    ) -> People<'a> {
        let index = entity_index(rules);
        let found = find(doc, rules, index, quoted, capitals);
        People {
            doc,
            rules,
            index,
            found,
        }
    }

    /// Name mentions in order.
    pub fn mentions(&self) -> &[Mention] {
        &self.found.mentions
    }

    /// Whether the name at tokens `r` is a person's.
    pub fn is_person(&self, r: Range<usize>) -> bool {
        let m = self.mentions();
        let k = m.partition_point(|x| x.tokens.start < r.start);
        m.get(k)
            .is_some_and(|x| x.tokens.start == r.start && x.tokens.end == r.end && x.person)
    }

    /// Whether each token lies inside a double-quoted quotation.
    pub fn quoted(&self) -> &[bool] {
        &self.found.quoted
    }

    /// The title-table classes of token `k` (as [`Classes::of`] its text)
    /// when already looked up (a capitalised word outside quotations),
    /// else `None`: the caller has a cheaper test to try before a lookup.
    pub fn known_classes(&self, k: usize) -> Option<Classes> {
        self.found.classes[k]
    }

    /// Of the people whose names end with the same words, the one named
    /// most recently before `offset`; `None` when the sentence naming them
    /// last names another of them too, or none is named before.
    fn nearest_holder(&self, h: &Holders, offset: usize) -> Option<&'a str> {
        let mentions = &self.found.holder_mentions[h.mentions.clone()];
        let k = mentions.partition_point(|(o, _)| *o < offset);
        let (last, who) = mentions[..k].last()?;
        let text = &self.doc.text;
        let who = &text[who.clone()];
        let sentence = self.doc.sentence_at(*last);
        let other_there = mentions[..k]
            .iter()
            .rev()
            .take_while(|(o, _)| self.doc.sentence_at(*o) == sentence)
            .any(|(_, w)| !same_person(&text[w.clone()], who));
        (!other_there).then_some(who)
    }

    /// The canonical name for the name written `text`: the rule entity's
    /// name, else the fullest form in the article, else `text` itself. A
    /// surname two people share goes to the first named; where the
    /// mention's place is known, [`People::canonical_at`] does better.
    pub fn canonical(&self, text: &str) -> String {
        self.canonical_among(text, None)
    }

    /// [`People::canonical`] for the name written `text` at prose offset
    /// `offset`: a surname two people of the article share ("Berg" after
    /// "Ana Berg" and "Tom Berg") goes to the one named most recently
    /// before it, and stays as written when the last sentence naming one of
    /// them names the other too, or when neither is named before it.
    pub fn canonical_at(&self, text: &str, offset: usize) -> String {
        self.canonical_among(text, Some(offset))
    }

    fn canonical_among(&self, text: &str, offset: Option<usize>) -> String {
        let mut words = JoinedWords::with_capacity(text.len());
        for w in text.split_whitespace().map(strip_possessive).filter(|w| {
            let c = Classes::of(w);
            !c.is_honorific() && !c.is_name_suffix()
        }) {
            words.push(w);
        }
        let held = words.get().and_then(|w| self.found.holder(w));
        let fullest = match (held, offset) {
            (Some(h), Some(offset)) if h.shared => self.nearest_holder(h, offset).unwrap_or(text),
            (Some(h), _) => &self.doc.text[h.text.clone()],
            (None, _) => text,
        }
        .to_owned();
        if let Some(idx) = &self.index {
            for cand in [text, fullest.as_str()] {
                if let Some(&e) = idx.by_name.get(&cand.to_lowercase()) {
                    return self.rules.entities[e].name.clone();
                }
            }
        }
        fullest
    }

    /// The people a pronoun at `offset` may mean, most likely first: the
    /// persons named first in a sentence (subjects, usually), most recent
    /// first, then the others; none before `floor`. Each comes with the
    /// offset and whether it was a sentence's first person.
    pub fn persons_before(&self, offset: usize, floor: usize) -> Vec<(usize, &Mention, bool)> {
        let mentions = self.mentions();
        let end = mentions.partition_point(|m| m.range.start < offset);
        let first_in_sentence = |k: usize| {
            let s = self.doc.sentence_at(mentions[k].range.start);
            !mentions[..k]
                .iter()
                .rev()
                .take_while(|p| self.doc.sentence_at(p.range.start) == s)
                .any(|p| p.person)
        };
        let mut out: Vec<(usize, &Mention, bool)> = mentions[..end]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, m)| m.range.start >= floor)
            .filter(|(_, m)| m.person && m.range.end <= offset)
            .take(12)
            .map(|(k, m)| (m.range.start, m, first_in_sentence(k)))
            .collect();
        out.sort_by_key(|&(o, _, first)| (!first, std::cmp::Reverse(o)));
        out
    }
}

/// The words of the person mentions, as [`find`] first lowered them: for
/// each mention, its index and the `holders` index of each of its word
/// suffixes, longest first (the first is its own full name's).
#[derive(Default)]
struct PersonSuffixes {
    /// Per person mention: its index in `mentions` and its range in
    /// `holders`.
    spans: Vec<(usize, Range<usize>)>,
    /// The `holders` indices, all mentions' runs one after another.
    holders: Vec<usize>,
}

/// Find the names of `doc` and link them.
/// `quoted` and `capitals` as [`People::with_capitals`] takes them.
fn find(
    doc: &Document,
    rules: &RuleSet,
    index: Option<&EntityIndex>,
    quoted: Vec<bool>,
    capitals: Capitals,
) -> Found {
    let Capitals { classes, bits } = capitals;
    let class = |k: usize| class_at(&classes, doc, k);
    let mut mentions = Vec::new();
    let mut i = 0;
    // Only a capitalised word outside quotations opens a name: skip to the
    // next by its bit (most tokens are none).
    while let Some(k) = next_set(&bits, i) {
        i = k;
        match name_run(doc, i, class) {
            Some(r) => {
                let det = i > 0 && is_determiner_at(doc, i - 1);
                let RunWords { words, org } = run_words(doc, r.clone(), class);
                // Two name words, or one after "Mr.", "Ms.", "Dr."...: a
                // person ("Mr. Hale said").
                let honoured = class(r.start).is_honorific();
                let person = !det && !org && (words >= 2 || words == 1 && honoured);
                mentions.push(Mention {
                    range: doc.tokens[r.start].start..doc.tokens[r.end - 1].end,
                    tokens: r.clone(),
                    person,
                });
                i = r.end;
            }
            None => i += 1,
        }
    }
    trim_glued_words(doc, class, &mut mentions);
    let mut full: HashMap<Box<[u8]>, usize, BuildHasherDefault<FxHasher>> = HashMap::default();
    let mut holders: Vec<Holders> = Vec::new();
    let mut surnames = Surnames::new();
    let mut suffixes = PersonSuffixes {
        spans: Vec::with_capacity(mentions.len()),
        holders: Vec::with_capacity(2 * mentions.len()),
    };
    let mut words = NameWords::with_capacity(64);
    for mi in set_bits(sieve(&mentions, |m| m.person)) {
        let m = &mentions[mi];
        name_words_into(doc, m.tokens.clone(), class, &mut words);
        if words.is_empty() {
            continue;
        }
        let text = name_range(doc, m.tokens.clone());
        let first = suffixes.holders.len();
        for k in 0..words.len() {
            // Look up by `&[u8]` first: most suffixes (surnames) repeat,
            // and only a new one needs its own key.
            let at = match full.get(words.from(k)) {
                Some(&at) => {
                    let e = &mut holders[at];
                    if words.len() > e.words {
                        e.words = words.len();
                        e.text = text.clone();
                    }
                    e.mentions.end += 1;
                    at
                }
                None => {
                    full.insert(words.from(k).into(), holders.len());
                    holders.push(Holders {
                        words: words.len(),
                        text: text.clone(),
                        mentions: 0..1,
                        shared: false,
                    });
                    holders.len() - 1
                }
            };
            suffixes.holders.push(at);
        }
        suffixes.spans.push((mi, first..suffixes.holders.len()));
        surnames.insert(words.from(words.len() - 1));
    }
    let mut found = Found {
        mentions,
        quoted,
        classes,
        full,
        holders,
        holder_mentions: Vec::new(),
    };
    found.link_holders(doc, &suffixes);
    found.mark_surnames(doc, &surnames);
    if let Some(idx) = index {
        found.mark_rule_mentions(doc, rules, idx);
    }
    found
}

/// The capitalised words outside quotations of an article, as the cue
/// pass finds them ([`super::cue::Cues::with_title_classes`]): what [`find`] reads
/// first.
pub(crate) struct Capitals {
    /// Per token, the title-table classes of a capitalised word outside
    /// quotations, else `None`.
    pub(super) classes: Vec<Option<Classes>>,
    /// The same tokens as a bit set, bit `k % 64` of word `k / 64`: the
    /// next one is found a word of 64 tokens at a time.
    bits: Vec<u64>,
}

impl Capitals {
    /// Per token `classes` (`Some` just where `bits` has the token's bit,
    /// no bit set past the last token).
    pub(crate) fn new(classes: Vec<Option<Classes>>, bits: Vec<u64>) -> Capitals {
        debug_assert!(classes
            .iter()
            .enumerate()
            .all(|(k, c)| c.is_some() == (bits[k / 64] >> (k % 64) & 1 == 1)));
        debug_assert_eq!(bits.len(), classes.len().div_ceil(64));
        Capitals { classes, bits }
    }
}

/// Which of `items` pass `test`, as bit sets of 64 (bit `k % 64` of set
/// `k / 64`): each item is tested with no branch on its answer. A loop
/// over the few mentions that are persons (or are not) branches on
/// every mention, and mispredicts on many; one over the bits
/// ([`set_bits`]) branches once per item found.
fn sieve<T>(items: &[T], test: impl Fn(&T) -> bool) -> Vec<u64> {
    items
        .chunks(64)
        .map(|c| {
            c.iter()
                .enumerate()
                .fold(0, |bits, (k, x)| bits | u64::from(test(x)) << k)
        })
        .collect()
}

/// The indices of the set bits of `sets` (as [`sieve`] makes them), in
/// order.
fn set_bits(sets: Vec<u64>) -> impl Iterator<Item = usize> {
    sets.into_iter()
        .enumerate()
        .flat_map(|(w, bits)| ones(bits).map(move |k| w * 64 + k))
}

/// The positions of the set bits of `bits`, lowest first: one branch a
/// set bit, none for the clear ones (the 64-token sieves of the cue pass,
/// the role scan and the name finder).
#[inline]
pub(crate) fn ones(mut bits: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (bits != 0).then(|| {
            let k = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            k
        })
    })
}

/// The first token from `i` on whose bit is set in `bits`.
fn next_set(bits: &[u64], i: usize) -> Option<usize> {
    let mut w = i / 64;
    let mut word = bits.get(w)? & (u64::MAX << (i % 64));
    while word == 0 {
        w += 1;
        word = *bits.get(w)?;
    }
    Some(w * 64 + word.trailing_zeros() as usize)
}

impl Found {
    /// The names ending with the lower-case words `words` (joined by
    /// single spaces), if a full name does.
    fn holder(&self, words: &[u8]) -> Option<&Holders> {
        self.full.get(words).map(|&at| &self.holders[at])
    }

    /// Record, under each word-suffix of every full-name mention, where it
    /// is and whom it names (its own fullest form), so that a surname two
    /// people share can go to the nearer one. Linear in the names' words:
    /// `suffixes` holds each person mention's suffixes as [`find`] found
    /// them (the same mentions, none marked since), so none is lowered or
    /// hashed again.
    ///
    /// Each holder's run of [`Found::holder_mentions`] is placed from the
    /// counts [`find`] left in its `mentions` (a counting sort), then
    /// filled in mention order: its end is the fill point.
    fn link_holders(&mut self, doc: &Document, suffixes: &PersonSuffixes) {
        let mut at = 0;
        for h in &mut self.holders {
            let n = h.mentions.len();
            h.mentions = at..at;
            at += n;
        }
        let mut flat = vec![(0, 0..0); at];
        for (mi, run) in &suffixes.spans {
            let start = self.mentions[*mi].range.start;
            let run = &suffixes.holders[run.clone()];
            let who = self.holders[run[0]].text.clone();
            for &at in run {
                let h = &mut self.holders[at];
                h.shared |= !h.mentions.is_empty() && {
                    let w = &flat[h.mentions.start].1;
                    !same_person(&doc.text[w.clone()], &doc.text[who.clone()])
                };
                flat[h.mentions.end] = (start, who.clone());
                h.mentions.end += 1;
            }
        }
        self.holder_mentions = flat;
    }

    /// A single-word or short mention is a person when it ends a full name.
    /// A full name's words end with its surname, so a mention whose last
    /// word is no full name's last word (`surnames` says so for most) is
    /// passed over without lowering or hashing its words.
    fn mark_surnames(&mut self, doc: &Document, surnames: &Surnames) {
        if self.full.is_empty() {
            return;
        }
        let class = |k: usize| class_at(&self.classes, doc, k);
        let mut words = NameWords::with_capacity(64);
        for k in set_bits(sieve(&self.mentions, |m| !m.person)) {
            let m = &self.mentions[k];
            let det = m.tokens.start > 0 && is_determiner_at(doc, m.tokens.start - 1);
            if det {
                continue;
            }
            let Some(last) = m
                .tokens
                .clone()
                .rev()
                .find(|&k| is_name_word(doc, k, class))
            else {
                continue;
            };
            if !surnames.may_hold(strip_possessive(doc.tok(last))) {
                continue;
            }
            name_words_into(doc, m.tokens.clone(), class, &mut words);
            if !words.is_empty() && self.full.contains_key(words.from(0)) {
                self.mentions[k].person = true;
            }
        }
    }

    /// Rule entities of kind person found in the prose are person mentions.
    fn mark_rule_mentions(&mut self, doc: &Document, rules: &RuleSet, idx: &EntityIndex) {
        let Some(finder) = &idx.finder else {
            return;
        };
        let text = &doc.text;
        let mut added = Vec::new();
        for m in finder.find_iter(text) {
            let e = &rules.entities[idx.pattern_entity[m.pattern().as_usize()]];
            let bounded = !text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !text[m.end()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if !bounded || e.kind != EntityKind::Person {
                continue;
            }
            let t0 = doc.token_at(m.start());
            if self.quoted.get(t0).copied().unwrap_or(true) {
                continue;
            }
            // The mention holding the match, if any: the last one starting
            // at or before it.
            let k = self
                .mentions
                .partition_point(|x| x.range.start <= m.start());
            match k
                .checked_sub(1)
                .filter(|&k| m.end() <= self.mentions[k].range.end)
            {
                Some(k) => self.mentions[k].person = true,
                None => added.push(Mention {
                    tokens: t0..doc.token_at(m.end()),
                    range: m.start()..m.end(),
                    person: true,
                }),
            }
        }
        if !added.is_empty() {
            self.mentions.extend(added);
            self.mentions.sort_by_key(|m| m.range.start);
        }
    }
}

/// The last words of an article's full names, lower case, as a bloom of
/// 4096 bits: an article names some tens of people, so a word that is
/// none of theirs finds its bit clear nearly always.
struct Surnames([u64; 64]);

impl Surnames {
    /// No words.
    fn new() -> Surnames {
        Surnames([0; 64])
    }

    /// The word and bit for the lower-case bytes `lower`.
    fn bit(lower: impl Iterator<Item = u8>) -> (usize, u64) {
        let h = lower.fold(0u64, |h, b| {
            (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
        });
        let b = h >> 52;
        ((b >> 6) as usize, 1 << (b & 63))
    }

    /// Add the lower-case word `lower`.
    fn insert(&mut self, lower: &[u8]) {
        let (word, bit) = Surnames::bit(lower.iter().copied());
        self.0[word] |= bit;
    }

    /// Whether the word `w`, any case, may be one added: `false` only for
    /// an ASCII word whose lower case (its bytes ASCII-lowered, as
    /// [`push_lower`] makes it) finds its bit clear. Another word may
    /// lower to anything, and passes.
    fn may_hold(&self, w: &str) -> bool {
        if !w.is_ascii() {
            return true;
        }
        let (word, bit) = Surnames::bit(w.bytes().map(|b| b.to_ascii_lowercase()));
        self.0[word] & bit != 0
    }
}

/// Whether two full names that end alike name one person: they open with
/// the same word too ("Ana Berg" and "Ana Maria Berg"; not "Tom Berg").
fn same_person(a: &str, b: &str) -> bool {
    let first = |s: &str| {
        s.split_whitespace()
            .find(|w| !titles::is_honorific(w))
            .map(str::to_lowercase)
    };
    a == b || first(a) == first(b)
}

/// Drop a first word glued onto a name: a word the article also uses on
/// its own ("envoy to *Ukraine* Kurt Volker" when "Ukraine" stands alone
/// elsewhere), or a sentence-opening "-ing"/"-ly" word ("*Hosting* Tim
/// Cook").
///
/// Few mentions can lose a word (persons of three tokens or more), so the
/// single-word mentions' byte ranges are gathered once, at the first of
/// them, and scanned for each of the first few rather than hashed into a
/// set for every article; past [`SCANS_BEFORE_SET`] of them, the set is
/// built once. Only mentions of three tokens or more change, and they
/// keep two, so the single-word mentions are the same throughout.
fn trim_glued_words(doc: &Document, class: impl Fn(usize) -> Classes, mentions: &mut [Mention]) {
    let mut single: Option<std::collections::HashSet<&str, BuildHasherDefault<FxHasher>>> = None;
    let mut alone: Option<Vec<Range<usize>>> = None;
    let mut scans = 0;
    for i in set_bits(sieve(mentions, |m| m.person & (m.tokens.len() >= 3))) {
        let m = &mentions[i];
        let first = m.tokens.start;
        if class(first).is_honorific() {
            continue;
        }
        let w = doc.tok(first);
        let opens_sentence = doc
            .sentence_at(m.range.start)
            .is_some_and(|s| doc.sentences[s].tokens.start == first);
        let glued = opens_sentence && (w.ends_with("ing") || w.ends_with("ly")) || {
            let alone_at = alone.get_or_insert_with(|| {
                mentions
                    .iter()
                    .filter(|x| x.tokens.len() == 1)
                    .map(|x| doc.tokens[x.tokens.start].range())
                    .collect()
            });
            if scans < SCANS_BEFORE_SET {
                scans += 1;
                let bytes = doc.text.as_bytes();
                alone_at
                    .iter()
                    .any(|r| r.len() == w.len() && bytes[r.clone()] == *w.as_bytes())
            } else {
                single
                    .get_or_insert_with(|| alone_at.iter().map(|r| &doc.text[r.clone()]).collect())
                    .contains(w)
            }
        };
        if glued {
            let m = &mut mentions[i];
            m.tokens.start += 1;
            m.range.start = doc.tokens[m.tokens.start].start;
        }
    }
}

/// How many long person mentions [`trim_glued_words`] checks by scanning
/// the mentions before it builds a set of the single words: a bound on
/// the scans' cost in an article of many long names.
const SCANS_BEFORE_SET: usize = 16;

/// Whether each token lies inside a double-quoted quotation.
pub(crate) fn quoted_tokens(doc: &Document) -> Vec<bool> {
    let mut out = vec![false; doc.tokens.len()];
    for q in doc.quotations.iter().filter(|q| !q.nested) {
        let a = doc.token_at(q.outer.start);
        let b = doc.token_at(q.outer.end);
        for x in &mut out[a..b.min(doc.tokens.len())] {
            *x = true;
        }
    }
    out
}

/// The determiners. Each is one to five ASCII letters, and no other
/// character lower-cases into one.
const DETERMINERS: [&str; 10] = [
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "our",
];

/// A word of one to five bytes, `v` big-endian, as [`is_determiner_at`]
/// compares it, `len` its length in bytes (the word's own, which may be
/// longer): each byte of `v` with bit 0x20 set, the length above them.
/// For a word of letters the bit lower-cases ASCII and nothing else: a
/// byte with it set equals a lower-case letter only when the byte is that
/// letter in either case.
const fn determiner_key(v: u64, head: usize, len: usize) -> u64 {
    v | SPACES[head] | (len as u64) << 40
}

/// Bit 0x20 in each of the last `k` bytes, at index `k`.
const SPACES: [u64; 6] = [0, 0x20, 0x2020, 0x20_2020, 0x2020_2020, 0x20_2020_2020];

/// The slot of [`DETERMINER_SLOTS`] for the key `key`: a multiplicative
/// hash, its factor chosen so that the determiners' keys fall in ten
/// different slots (the table's construction fails to compile otherwise).
const fn determiner_slot(key: u64) -> usize {
    (key.wrapping_mul(0x8712_b8bc_076f_3787) >> 60) as usize
}

/// Each determiner's key ([`determiner_key`]) in its slot
/// ([`determiner_slot`]), 0 (no word's key) in the others: a word is a
/// determiner when its key is the one in its slot.
const DETERMINER_SLOTS: [u64; 16] = {
    let mut slots = [0; 16];
    let mut i = 0;
    while i < DETERMINERS.len() {
        let w = DETERMINERS[i].as_bytes();
        let mut v = 0;
        let mut k = 0;
        while k < w.len() {
            v = v << 8 | w[k] as u64;
            k += 1;
        }
        let key = determiner_key(v, w.len(), w.len());
        assert!(slots[determiner_slot(key)] == 0);
        slots[determiner_slot(key)] = key;
        i += 1;
    }
    slots
};

/// Whether token `k` is a determiner, any case: its first five bytes are
/// read as one integer and its key ([`determiner_key`]) compared with the
/// one determiner's in its slot, with no loop whose exit is a branch on
/// the word's length or letters (a longer word's length matches none).
fn is_determiner_at(doc: &Document, k: usize) -> bool {
    let t = &doc.tokens[k];
    let bytes = doc.text.as_bytes();
    // A token is at least one byte long.
    let len = t.end - t.start;
    let head = len.min(5);
    let v = match bytes.get(t.start..t.start + 8) {
        Some(b) => u64::from_be_bytes(b.try_into().unwrap_or_default()) >> (64 - 8 * head),
        None => bytes[t.start..t.start + head]
            .iter()
            .fold(0, |v, &b| v << 8 | u64::from(b)),
    };
    let key = determiner_key(v, head, len.min(255));
    DETERMINER_SLOTS[determiner_slot(key)] == key
}

/// The classes of token `k`: as looked up once in `classes`, else looked
/// up now.
fn class_at(classes: &[Option<Classes>], doc: &Document, k: usize) -> Classes {
    classes[k].unwrap_or_else(|| Classes::of(doc.tok(k)))
}

/// Whether token `i` is a capitalised word. Asked of nearly every token:
/// an ASCII first byte answers at once.
#[inline]
pub(crate) fn is_capitalised(doc: &Document, i: usize) -> bool {
    is_capitalised_token(&doc.text, &doc.tokens[i])
}

/// [`is_capitalised`] of token `t` of `text`, for a loop that walks the
/// tokens themselves. A token's first byte is read whatever its kind
/// (every token has one), so an ASCII one answers with no branch on the
/// kind: words and punctuation alternate too irregularly to predict.
#[inline]
pub(super) fn is_capitalised_token(text: &str, t: &Token) -> bool {
    let b = text.as_bytes()[t.start];
    let word = t.kind == TokenKind::Word;
    if b.is_ascii() {
        word & b.is_ascii_uppercase()
    } else {
        word && opens_with_capital(&text[t.range()])
    }
}

#[cold]
fn opens_with_capital(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether token `k` is `.` written right after the token before it.
fn is_glued_dot(doc: &Document, k: usize) -> bool {
    let t = &doc.tokens[k];
    t.end == t.start + 1 && doc.text.as_bytes()[t.start] == b'.' && t.start == doc.tokens[k - 1].end
}

/// The name run starting at token `i`: honorifics, then capitalised words
/// joined by particles and initials. The first name word must not be a
/// title, nationality or ordinary capitalised word.
pub(crate) fn name_at(doc: &Document, i: usize) -> Option<Range<usize>> {
    name_run(doc, i, |k| Classes::of(doc.tok(k)))
}

/// [`name_at`], with each token's classes from `class`.
fn name_run(doc: &Document, i: usize, class: impl Fn(usize) -> Classes) -> Option<Range<usize>> {
    let n = doc.tokens.len();
    let mut j = i;
    let first = loop {
        if j >= n || !is_capitalised(doc, j) {
            return None;
        }
        let c = class(j);
        if !c.is_honorific() {
            break c;
        }
        j += 1;
        if j < n && is_glued_dot(doc, j) {
            j += 1;
        }
    };
    if !can_start_name(doc.tok(j), first) {
        return None;
    }
    let mut end = j + 1;
    let mut k = j + 1;
    if has_possessive(doc.tok(j)) {
        return Some(i..end);
    }
    let bytes = doc.text.as_bytes();
    while k < n {
        if line_break_between(bytes, doc.tokens[k - 1].end, doc.tokens[k].start) {
            break;
        }
        let w = doc.tok(k);
        // A title inside a run starts a new phrase: "Disney | Chief
        // Executive Bob Iger". Only a capitalised word's classes matter.
        let goes_on = is_capitalised(doc, k).then(|| class(k)).filter(|&c| {
            let title_next = c.is_title_head() && k + 1 < n && is_capitalised(doc, k + 1);
            let headline_verb = k - j >= 2 && is_headline_verb(w, c);
            !(c.is_nationality() || c.is_honorific() || title_next || headline_verb)
        });
        if let Some(c) = goes_on {
            // An initial: "J." joined to the next word.
            end = k + 1;
            k += 1;
            let dot_next = k < n && is_glued_dot(doc, k);
            if c.is_name_suffix() {
                // "Jr." and "II" close the name, their dot with them.
                if dot_next && !w.ends_with('.') {
                    end = k + 1;
                }
                break;
            }
            if dot_next && is_one_char(w) {
                k += 1;
            }
            if has_possessive(w) {
                break;
            }
        } else if let Some(j) = may_be_particle(doc, k)
            .then(|| after_particles(doc, k))
            .flatten()
        {
            k = j;
        } else {
            break;
        }
    }
    Some(i..end)
}

/// Whether the gap `end..start` of `bytes` between two tokens holds a
/// line break. Most gaps are one space or none: for those the byte at
/// `end` (the next token's first when there is no gap) answers, with no
/// branch on which.
#[inline]
fn line_break_between(bytes: &[u8], end: usize, start: usize) -> bool {
    if start - end <= 1 {
        (start - end == 1) & (bytes[end] == b'\n')
    } else {
        bytes[end..start].contains(&b'\n')
    }
}

/// Whether `w` is one character.
fn is_one_char(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some() && c.next().is_none()
}

/// Whether token `k` may be a name particle, by its kind and shape alone
/// ([`titles::may_be_name_particle`]), so most tokens after a name are
/// ruled out before any call.
#[inline]
fn may_be_particle(doc: &Document, k: usize) -> bool {
    let t = &doc.tokens[k];
    t.kind == TokenKind::Word && titles::may_be_name_particle(&doc.text.as_bytes()[t.range()])
}

/// After a run of up to three name particles at token `k` ("de la", "van
/// der", "bin"), the capitalised word that goes on with the name.
fn after_particles(doc: &Document, k: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let mut j = k;
    while j < n
        && j - k < 3
        && doc.tokens[j].kind == TokenKind::Word
        && titles::is_name_particle(doc.tok(j))
    {
        j += 1;
    }
    (j > k && j < n && is_capitalised(doc, j)).then_some(j)
}

/// A verb of saying as a headline writes it after a full name ("Ana
/// Ruiz *Calls* Plan A Disgrace"): the name ends before it.
fn is_headline_verb(w: &str, c: Classes) -> bool {
    (w.ends_with('s') || w.ends_with("ed")) && c.is_speech_verb()
}

/// Whether the word `w`, of classes `c`, can open a name: no title,
/// nationality, ordinary capitalised word or speech verb, and not all
/// capitals unless short ("NATO" no, "Li" and "AJ" yes).
fn can_start_name(w: &str, c: Classes) -> bool {
    let s = strip_possessive(w);
    let c = if s.len() == w.len() {
        c
    } else {
        Classes::of(s)
    };
    c.can_start_name() && !c.is_speech_verb() && has_lower_or_is_short(s)
}

/// Whether `s` has a lower-case letter or is at most three chars long.
/// One scan of the bytes: an ASCII lower-case letter answers at once
/// (it is a lower-case char whatever else `s` holds), and only a word
/// with a byte outside ASCII before one goes char by char.
fn has_lower_or_is_short(s: &str) -> bool {
    for b in s.bytes() {
        if b.is_ascii_lowercase() {
            return true;
        }
        if !b.is_ascii() {
            return s.chars().any(char::is_lowercase) || s.chars().count() <= 3;
        }
    }
    s.len() <= 3
}

fn has_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s")
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// Whether token `k` is one of a name's words: not an honorific, a
/// generational suffix or punctuation.
fn is_name_word(doc: &Document, k: usize, class: impl Fn(usize) -> Classes) -> bool {
    doc.tokens[k].kind == TokenKind::Word && {
        let c = class(k);
        !c.is_honorific() && !c.is_name_suffix()
    }
}

/// What [`find`] asks of a name run's words, in one pass over them.
struct RunWords {
    /// How many name words the run has ([`is_name_word`]).
    words: usize,
    /// Whether a word after the first is no name's ([`Classes::is_not_name_word`]):
    /// an organisation's or a place's.
    org: bool,
}

/// [`RunWords`] of the run `r`: one loop over its tokens, with no branch
/// in it, rather than one loop for each question (a run's short, varying
/// length makes each loop's exit a branch that mispredicts).
fn run_words(doc: &Document, r: Range<usize>, class: impl Fn(usize) -> Classes) -> RunWords {
    let first = r.start;
    let mut out = RunWords {
        words: 0,
        org: false,
    };
    for k in r {
        let c = class(k);
        let word = doc.tokens[k].kind == TokenKind::Word;
        out.words += usize::from(word & !c.is_honorific() & !c.is_name_suffix());
        out.org |= (k > first) & c.is_not_name_word();
    }
    out
}

/// A name's words, each lower case, joined by single spaces, and where
/// each word starts: the words from the `k`th on are one byte string, so
/// a run of words is looked up with one hash of its bytes. Words hold no
/// white space, so no two runs of words join alike.
#[derive(Debug, Default)]
struct NameWords {
    text: Vec<u8>,
    starts: Vec<usize>,
}

impl NameWords {
    /// Empty, with room for `len` bytes of words: one allocation for an
    /// article's names rather than a few growths.
    fn with_capacity(len: usize) -> NameWords {
        NameWords {
            text: Vec::with_capacity(len),
            starts: Vec::with_capacity(8),
        }
    }

    fn clear(&mut self) {
        self.text.clear();
        self.starts.clear();
    }

    fn len(&self) -> usize {
        self.starts.len()
    }

    fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The words from the `k`th on, joined.
    fn from(&self, k: usize) -> &[u8] {
        &self.text[self.starts[k]..]
    }

    /// Add `w`, lower-cased (see [`push_lower`]).
    fn push(&mut self, w: &str) {
        if !self.starts.is_empty() {
            self.text.push(b' ');
        }
        self.starts.push(self.text.len());
        push_lower(&mut self.text, w);
    }
}

/// A name's words lower-cased and joined by single spaces, for one lookup
/// ([`People::canonical_among`]): [`NameWords`] without the word starts,
/// in one buffer sized for the usual name.
struct JoinedWords {
    text: Vec<u8>,
    /// Whether a word was pushed (an empty word is a word).
    any: bool,
}

impl JoinedWords {
    /// Room for `len` bytes of words: lower-casing keeps the length of
    /// ASCII text, so most names need no second allocation.
    fn with_capacity(len: usize) -> JoinedWords {
        JoinedWords {
            text: Vec::with_capacity(len),
            any: false,
        }
    }

    /// Add `w`, lower-cased (see [`push_lower`]).
    fn push(&mut self, w: &str) {
        if self.any {
            self.text.push(b' ');
        }
        self.any = true;
        push_lower(&mut self.text, w);
    }

    /// The joined words, or `None` when there are none.
    fn get(&self) -> Option<&[u8]> {
        self.any.then_some(&self.text[..])
    }
}

/// Append `w` to `out` lower-cased: ASCII byte for byte, anything else as
/// `to_lowercase` does (final sigma and all). The ASCII lowering and the
/// test for other bytes are one pass, with no copy of the word; a word
/// found not ASCII is taken back and lowered again, char by char.
fn push_lower(out: &mut Vec<u8>, w: &str) {
    let at = out.len();
    let mut high = 0;
    out.extend(w.bytes().map(|b| {
        high |= b;
        b.to_ascii_lowercase()
    }));
    if high >= 0x80 {
        out.truncate(at);
        push_lower_unicode(out, w);
    }
}

/// [`push_lower`] of a word not all ASCII ("Pérez", "O’Brien"), into
/// `out` with no `String` of its own, its ASCII chars lowered in place.
/// `str::to_lowercase` lowers each char as `char::to_lowercase` does, but
/// for a capital sigma (its form depends on the letters around it): a
/// word with one is taken back and goes the slow way.
#[cold]
fn push_lower_unicode(out: &mut Vec<u8>, w: &str) {
    let at = out.len();
    let mut buf = [0u8; 4];
    for c in w.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase() as u8);
        } else if c == 'Σ' {
            out.truncate(at);
            out.extend_from_slice(w.to_lowercase().as_bytes());
            return;
        } else {
            for l in c.to_lowercase() {
                out.extend(l.encode_utf8(&mut buf).bytes());
            }
        }
    }
}

/// The name's words, lower case, honorifics, suffixes and possessives
/// dropped, into `out`, reusing its buffers: every capitalised run is
/// looked up this way, and most are not names.
fn name_words_into(
    doc: &Document,
    r: Range<usize>,
    class: impl Fn(usize) -> Classes,
    out: &mut NameWords,
) {
    out.clear();
    for k in r.filter(|&k| is_name_word(doc, k, &class)) {
        out.push(strip_possessive(doc.tok(k)));
    }
}

/// The name as written, possessive dropped.
pub(crate) fn name_text(doc: &Document, r: Range<usize>) -> String {
    doc.text[name_range(doc, r)].to_owned()
}

/// The prose range of the name as written, possessive dropped.
fn name_range(doc: &Document, r: Range<usize>) -> Range<usize> {
    let start = doc.tokens[r.start].start;
    let end = doc.tokens[r.end - 1].end;
    start..start + strip_possessive(&doc.text[start..end]).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people_of(text: &str) -> (Document, RuleSet) {
        (Document::new(text), RuleSet::default())
    }

    #[test]
    fn name_words_reuse_the_buffer_and_drop_honorifics() {
        let d = Document::new("Dr. Ana Ruiz's aide met ΟΔΥΣΣΕΑΣ Pérez.");
        let mut words = NameWords::default();
        words.push("X");
        let class = |k: usize| Classes::of(d.tok(k));
        name_words_into(&d, 0..4, class, &mut words);
        assert_eq!(words.len(), 2);
        assert_eq!(words.from(0), b"ana ruiz");
        assert_eq!(words.from(1), b"ruiz");
        let n = d.tokens.len();
        name_words_into(&d, n - 3..n - 1, class, &mut words);
        assert_eq!(words.from(0), "οδυσσεας pérez".as_bytes());
        assert_eq!(words.from(1), "pérez".as_bytes());
    }

    #[test]
    fn name_words_lower_case_as_to_lowercase_does() {
        for w in [
            "Ana",
            "Pérez",
            "İSTANBUL",
            "ΟΔΥΣΣΕΑΣ",
            "ΣΑΣ",
            "ẞTRAẞE",
            "Ǆemal",
            "K",
            "O’BRIEN",
            "\u{212A}ING",
            "ȺȾ",
            "ΌΣΟ",
            "Σ",
            "AΣ",
            "\0A",
        ] {
            let mut words = NameWords::default();
            words.push(w);
            assert_eq!(words.from(0), w.to_lowercase().as_bytes(), "{w}");
            let mut joined = JoinedWords::with_capacity(0);
            joined.push(w);
            assert_eq!(joined.get(), Some(w.to_lowercase().as_bytes()), "{w}");
        }
    }

    #[test]
    fn surnames_hold_every_word_added_in_any_case() {
        let mut s = Surnames::new();
        let names = ["ruiz", "o’brien", "pérez", "berg"];
        for w in names {
            s.insert(w.as_bytes());
        }
        for w in names {
            for v in [w.to_owned(), w.to_uppercase()] {
                assert!(s.may_hold(&v), "{v}");
            }
        }
        assert!(s.may_hold("Ruiz") && s.may_hold("BERG"));
        // Most other words are ruled out; any word not ASCII passes.
        let out = ["Washington", "Monday", "Reuters", "Senate", "Berlin"];
        assert!(out.iter().filter(|w| !s.may_hold(w)).count() >= 4);
        assert!(s.may_hold("Müller"));
    }

    #[test]
    fn lower_or_short_as_the_two_scans_said() {
        let two_scans = |s: &str| {
            if s.is_ascii() {
                s.bytes().any(|b| b.is_ascii_lowercase()) || s.len() <= 3
            } else {
                s.chars().any(char::is_lowercase) || s.chars().count() <= 3
            }
        };
        for s in [
            "NATO",
            "Li",
            "AJ",
            "Ana",
            "ÉÉÉÉ",
            "ÉÉ",
            "Éa",
            "aÉÉÉÉ",
            "ÉLYSÉE",
            "Élysée",
            "",
            "ΣΣΣΣ",
            "ΣΣσΣ",
            "A1B2",
        ] {
            assert_eq!(has_lower_or_is_short(s), two_scans(s), "{s}");
        }
    }

    #[test]
    fn a_headline_verb_ends_a_name() {
        let name = |text: &str| {
            let d = Document::new(text);
            name_at(&d, 0).map(|r| name_text(&d, r))
        };
        assert_eq!(
            name("Ana Ruiz Calls Tom Hale A Disgrace.").as_deref(),
            Some("Ana Ruiz")
        );
        // Near-misses: a surname ending in "s" that is no verb, and a name
        // with no verb in it.
        assert_eq!(
            name("Ana Ruiz Stevens spoke.").as_deref(),
            Some("Ana Ruiz Stevens")
        );
        assert_eq!(
            name("Ana Maria Ruiz spoke.").as_deref(),
            Some("Ana Maria Ruiz")
        );
    }

    #[test]
    fn every_particle_may_be_one() {
        for p in titles::NAME_PARTICLES {
            let d = Document::new(&format!("Ana {p} Silva"));
            assert!(may_be_particle(&d, 1), "{p}");
        }
        let d = Document::new("Ana Von Silva, 5 b a");
        assert!((0..d.tokens.len()).all(|k| !may_be_particle(&d, k)));
    }

    #[test]
    fn sieve_finds_what_a_filter_finds() {
        for n in [0usize, 1, 63, 64, 65, 130] {
            for step in [1, 3, 7, 64, 200] {
                let items: Vec<usize> = (0..n).collect();
                let test = |k: &usize| k % step == step - 1;
                let found: Vec<usize> = set_bits(sieve(&items, test)).collect();
                let filtered: Vec<usize> = items.iter().copied().filter(test).collect();
                assert_eq!(found, filtered, "{n} {step}");
            }
        }
    }

    #[test]
    fn next_set_finds_what_a_scan_finds() {
        for n in [0usize, 1, 63, 64, 65, 130] {
            for step in [1, 3, 7, 64, 200] {
                let set: Vec<bool> = (0..n).map(|k| k % step == step - 1).collect();
                let mut bits = vec![0u64; n.div_ceil(64)];
                for (k, _) in set.iter().enumerate().filter(|(_, &s)| s) {
                    bits[k / 64] |= 1 << (k % 64);
                }
                for i in 0..=n {
                    let scan = set[i..].iter().position(|&s| s).map(|k| i + k);
                    assert_eq!(next_set(&bits, i), scan, "{n} {step} {i}");
                }
            }
        }
    }

    #[test]
    fn determiner_matches_any_case_and_nothing_longer() {
        let is_determiner = |w: &str| {
            let d = Document::new(&format!("{w} x"));
            d.tokens[0].end == w.len() && is_determiner_at(&d, 0)
        };
        assert!(is_determiner("The"));
        assert!(is_determiner("THOSE"));
        assert!(is_determiner("a"));
        assert!(!is_determiner("theirs"));
        assert!(!is_determiner("thé"));
        assert!(!is_determiner("Thé"));
    }

    #[test]
    fn determiner_key_is_the_case_blind_compare() {
        let search = |w: &[u8]| {
            DETERMINERS
                .iter()
                .any(|d| w.eq_ignore_ascii_case(d.as_bytes()))
        };
        // Every byte value in every place of a word of each length, as
        // the key reads it.
        for len in 1..=7 {
            for at in 0..len {
                for b in 0..=255u8 {
                    for base in [&b"those!!"[..], b"their!!", b"an!!!!!", b"a!!!!!!"] {
                        let mut w = base[..len].to_vec();
                        w[at] = b;
                        let head = len.min(5);
                        let v = w[..head].iter().fold(0, |v, &b| v << 8 | u64::from(b));
                        let key = determiner_key(v, head, len);
                        let found = DETERMINER_SLOTS[determiner_slot(key)] == key;
                        assert_eq!(found, search(&w), "{w:?}");
                    }
                }
            }
        }
        // And as tokens of a text, where the word is read from it.
        let mut words: Vec<String> = DETERMINERS
            .iter()
            .flat_map(|d| {
                [
                    d.to_string(),
                    d.to_uppercase(),
                    format!("{d}s"),
                    d[1..].to_string(),
                ]
            })
            .collect();
        words.extend(["tha", "thE", "@N", "\u{212A}", "th@", "ITS", "the"].map(String::from));
        let text = words.join(" ");
        let d = Document::new(&text);
        for k in 0..d.tokens.len() {
            assert_eq!(
                is_determiner_at(&d, k),
                search(d.tok(k).as_bytes()),
                "{}",
                d.tok(k)
            );
        }
    }

    #[test]
    fn line_breaks_found_in_any_gap() {
        for gap in ["", " ", "\n", "  ", " \n", "\n ", "\r\n", "\t"] {
            let bytes = format!("a{gap}b");
            let found = line_break_between(bytes.as_bytes(), 1, 1 + gap.len());
            assert_eq!(found, gap.contains('\n'), "{gap:?}");
        }
    }

    #[test]
    fn surname_links_to_the_fullest_name() {
        let (d, r) = people_of("Senator Ana Ruiz met voters. Later Ruiz left.");
        let p = People::new(&d, &r);
        assert_eq!(p.canonical("Ruiz"), "Ana Ruiz");
        assert!(p.mentions().last().unwrap().person);
    }

    #[test]
    fn a_middle_name_does_not_make_a_second_person() {
        let (d, r) = people_of("Ana Maria Berg spoke. Ana Berg left. Later Berg said no.");
        let p = People::new(&d, &r);
        let at = d.text.rfind("Berg").unwrap();
        assert_eq!(p.canonical_at("Berg", at), "Ana Maria Berg");
    }

    #[test]
    fn a_shared_surname_goes_to_the_nearer_person() {
        let (d, r) = people_of("Ana Berg spoke. Tom Berg left. Later Berg said no.");
        let p = People::new(&d, &r);
        let at = d.text.rfind("Berg").unwrap();
        assert_eq!(p.canonical_at("Berg", at), "Tom Berg");
        assert_eq!(p.canonical_at("Berg", 0), "Berg");
    }

    #[test]
    fn honorific_and_particles_stay_in_the_name() {
        let (d, r) = people_of("Yesterday Sheikh Omar bin Said Al Nouri arrived. Al Nouri spoke.");
        let p = People::new(&d, &r);
        assert_eq!(p.canonical("Al Nouri"), "Sheikh Omar bin Said Al Nouri");
    }

    #[test]
    fn name_after_a_determiner_is_not_a_person() {
        let (d, r) = people_of("Ana Ruiz spoke. The Ruiz campaign answered.");
        let p = People::new(&d, &r);
        let last = p.mentions().last().unwrap();
        assert!(!last.person);
    }

    #[test]
    fn places_are_not_people() {
        let (d, r) = people_of("Officials in the Old Harbour area met in Berlin.");
        let p = People::new(&d, &r);
        assert!(p.mentions().iter().all(|m| !m.person));
    }

    #[test]
    fn rule_alias_gives_the_entity_name() {
        let d = Document::new("Ruiz spoke.");
        let mut r = RuleSet::default();
        r.entities.push(crate::rules::Entity {
            name: "Ana Ruiz Soto".into(),
            kind: EntityKind::Person,
            aliases: vec!["Ruiz".into()],
            roles: vec![],
            loc: crate::rules::RuleLoc {
                path: std::sync::Arc::new("r.yaml".into()),
                line: 1,
                column: 1,
                text: String::new(),
            },
        });
        let p = People::new(&d, &r);
        assert_eq!(p.canonical("Ruiz"), "Ana Ruiz Soto");
        assert!(p.mentions()[0].person);
    }

    #[test]
    fn word_used_alone_elsewhere_is_not_part_of_the_name() {
        let (d, r) = people_of(
            "He went to Ukraine last year. The envoy to Ukraine Kurt Volker spoke. Volker left.",
        );
        let p = People::new(&d, &r);
        assert_eq!(p.canonical("Volker"), "Kurt Volker");
    }
}
