//! The coverage index: every claim of the coverage filed under its subject
//! key, built once per run, so a claim meets the claims about the same
//! subject in one hash lookup instead of a scan of all pairs.
//!
//! Under each key, claims that say the same thing (the same interval, date,
//! words and speaker, or title) share a group, and a lookup hands back a
//! few representatives of each group: a story that repeats one figure in a
//! thousand articles costs one comparison per claim, not a thousand.

use super::context_conflict::{distinctive_value, length as date_length};
use super::people::person_key;
use super::quote_text::{normalised_words, quote_words, shingles, QuoteWords};
use super::Checked;
use crate::extract::{Claim, ClaimData};
use crate::lexicon::FxHasher;
use crate::subject::keys::{title_key, EventKey};
use crate::subject::ClaimKeys;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// A map hashed with [`FxHasher`]: its keys are short strings and hashes,
/// built and looked up in-process only.
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// Words per quotation shingle: short enough that a three-word quotation
/// is found, long enough that common phrases rarely collide.
pub(crate) const SHINGLE: usize = 3;

/// Representatives handed back per group of claims that say the same thing.
pub(crate) const PER_GROUP: usize = 4;

/// Groups looked at per key: a bound for keys shared by many different
/// claims (a common run of three words).
pub(crate) const MAX_GROUPS: usize = 256;

/// A claim of the indexed articles: (article, claim) indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimRef {
    /// Index of the article in the indexed slice.
    pub article: usize,
    /// Index of the claim in the article's claims.
    pub claim: usize,
}

/// Claims under one key that say the same thing, sorted by publication
/// date (undated first), then article and position.
#[derive(Debug, Default)]
pub(crate) struct Group {
    pub(crate) refs: Vec<Dated>,
}

/// Claims of a set of articles, by subject.
#[derive(Debug, Default)]
pub struct CoverageIndex {
    pub(crate) counts: FxMap<String, Vec<Group>>,
    pub(crate) events: FxMap<EventKey, Vec<Group>>,
    pub(crate) quotes: FxMap<u64, Vec<Group>>,
    pub(crate) titles_by_person: FxMap<String, Vec<Group>>,
    pub(crate) people_by_title: FxMap<String, Vec<Group>>,
    /// Every count by its noun alone, and every resolved date by its
    /// length, for CC106 (which keys by sentence, not subject).
    pub(crate) counts_by_noun: FxMap<String, Vec<Group>>,
    pub(crate) dates_by_length: FxMap<i64, Vec<Group>>,
    /// Counts with a distinctive value (see `distinctive_value`), by value.
    pub(crate) counts_by_value: FxMap<u64, Vec<Group>>,
    /// The words of every quotation of `quotes`' groups, split once here
    /// for the quotation checks, which compare them with each quotation
    /// they check.
    pub(crate) quote_words: FxMap<ClaimRef, QuoteWords>,
    /// Each article's content words, sorted, for CC106's test of whether
    /// a draft restates it.
    pub(crate) vocab: Vec<Vec<crate::subject::Stem>>,
}

/// A claim reference with its article's date, for windows.
type Dated = (Option<NaiveDate>, ClaimRef);

/// Builds one map of groups.
struct Filing<K> {
    groups: FxMap<(K, u64), Vec<Dated>>,
}

impl<K: Hash + Eq + Clone> Filing<K> {
    fn new() -> Self {
        Filing {
            groups: FxMap::default(),
        }
    }

    fn file(&mut self, key: K, sig: u64, date: Option<NaiveDate>, r: ClaimRef) {
        self.groups.entry((key, sig)).or_default().push((date, r));
    }

    /// The groups of each key, in order of their first claim. A claim is
    /// filed once under a key, so no two refs of a key are equal and an
    /// unstable sort orders them as a stable one would.
    fn finish(self) -> FxMap<K, Vec<Group>> {
        let mut out: FxMap<K, Vec<Group>> = FxMap::default();
        for ((key, _), mut refs) in self.groups {
            refs.sort_unstable();
            out.entry(key).or_default().push(Group { refs });
        }
        for groups in out.values_mut() {
            groups.sort_unstable_by_key(|g| g.refs[0]);
        }
        out
    }

    /// [`Filing::finish`] for a map looked up across all dates: a lookup
    /// there reads the first [`MAX_GROUPS`] groups of a key and no more
    /// (see [`CheckContext::related`]), so only those are kept.
    ///
    /// [`CheckContext::related`]: super::CheckContext::related
    fn finish_across_dates(self) -> FxMap<K, Vec<Group>> {
        let mut out = self.finish();
        for groups in out.values_mut() {
            groups.truncate(MAX_GROUPS);
        }
        out
    }
}

/// A hash of what a claim says, so that claims saying the same thing share
/// a group. `quote`: a quotation's normalised words, split once by the
/// caller.
fn signature(keys: &ClaimKeys, claim: &Claim, quote: &[String]) -> u64 {
    let mut h = FxHasher::default();
    match &claim.data {
        ClaimData::Count(c) => {
            keys.predicate.hash(&mut h);
            c.interval.lo.to_bits().hash(&mut h);
            c.interval.hi.to_bits().hash(&mut h);
            (c.interval.lo_open, c.interval.hi_open, c.change).hash(&mut h);
        }
        ClaimData::Date(d) => d.value.hash(&mut h),
        ClaimData::Quote(q) => {
            quote.hash(&mut h);
            q.speaker.as_deref().map(person_key).hash(&mut h);
        }
        ClaimData::Role(r) => {
            (person_key(&r.person), title_key(&r.title), r.additional).hash(&mut h);
            r.org.as_deref().map(str::to_lowercase).hash(&mut h);
        }
        ClaimData::Temporal(t) => (t.kind, &t.timex).hash(&mut h),
        ClaimData::Figure(f) => {
            (f.kind, f.value.to_bits(), f.other.map(f64::to_bits)).hash(&mut h);
            (&f.person, &f.noun).hash(&mut h);
        }
    }
    h.finish()
}

/// A key a claim is filed under, in one of the index's maps.
enum Key<'c> {
    Count(&'c str),
    Event(&'c EventKey),
    Quote(u64),
    Person(String),
    Title(String),
    Noun(&'c str),
    Length(i64),
    Value(u64),
}

/// Every key `claim` is filed under, into `out` (cleared first); with
/// `only`, those of its keys alone. `keys`: its subject keys; `words`:
/// its quotation's normalised words, split once by the caller. The checks
/// look a claim up by these same keys, so this one function says both
/// where a claim is filed and what it can look up ([`Lookups`]).
fn keys_of<'c>(
    claim: &'c Claim,
    keys: &'c ClaimKeys,
    words: &[String],
    only: Option<&Lookups>,
    out: &mut Vec<Key<'c>>,
) {
    out.clear();
    match &claim.data {
        ClaimData::Count(c) => {
            if let Some(k) = &keys.count {
                out.push(Key::Count(k));
            }
            out.push(Key::Noun(&c.noun));
            // A value `only` holds is distinctive (it holds no other
            // kind): the test is spared for the others.
            if only.is_none_or(|l| l.values.contains(&c.value.to_bits())) {
                if let Some(v) = distinctive_value(c.value) {
                    out.push(Key::Value(v));
                }
            }
        }
        ClaimData::Date(d) => {
            if let Some(k) = &keys.event {
                out.push(Key::Event(k));
            }
            if let Some(v) = d.value {
                out.push(Key::Length(date_length(v)));
            }
        }
        ClaimData::Quote(_) => {
            if words.len() >= SHINGLE {
                let mut sh = match only {
                    None => shingles(words, SHINGLE),
                    // A run of words that are not all words of `only`'s
                    // quotations is none of their runs: not hashed.
                    Some(l) => {
                        let held: Vec<bool> = words.iter().map(|w| l.words.contains(w)).collect();
                        (0..=words.len() - SHINGLE)
                            .filter(|&i| held[i..i + SHINGLE].iter().all(|&h| h))
                            .flat_map(|i| shingles(&words[i..i + SHINGLE], SHINGLE))
                            .collect()
                    }
                };
                sh.sort_unstable();
                sh.dedup();
                out.extend(sh.into_iter().map(Key::Quote));
            }
        }
        ClaimData::Role(role) => {
            out.push(Key::Person(person_key(&role.person)));
            out.push(Key::Title(title_key(&role.title)));
        }
        ClaimData::Temporal(_) | ClaimData::Figure(_) => {}
    }
    if let Some(l) = only {
        out.retain(|k| l.has(k));
    }
}

/// A quotation's normalised words (none for other claims).
fn words_of(claim: &Claim) -> Vec<String> {
    match claim.data {
        ClaimData::Quote(_) => normalised_words(&claim.text),
        _ => Vec::new(),
    }
}

/// The keys some articles' claims are filed under: every key the checks
/// can look up when they check those articles. Every lookup of the checks
/// is by a key of the checked claim itself ([`CheckContext::related`] with
/// its count subject, noun, distinctive value, event, date length,
/// quotation shingles, person or title), so an index of the coverage
/// holding only these keys hands the checks what a whole one would.
///
/// [`CheckContext::related`]: super::CheckContext::related
#[derive(Debug, Default)]
pub struct Lookups {
    counts: FxSet<String>,
    events: FxSet<EventKey>,
    quotes: FxSet<u64>,
    persons: FxSet<String>,
    titles: FxSet<String>,
    nouns: FxSet<String>,
    lengths: FxSet<i64>,
    values: FxSet<u64>,
    /// The words of the quotations, which every word of a run looked up
    /// is one of.
    words: FxSet<String>,
}

impl Lookups {
    /// Every key the claims of `articles` can look up.
    pub fn of(articles: &[Checked<'_>]) -> Lookups {
        let mut out = Lookups::default();
        let mut found = Vec::new();
        for a in articles {
            for (ci, claim) in a.claims.claims.iter().enumerate() {
                let words = words_of(claim);
                keys_of(claim, &a.claims.subjects.keys[ci], &words, None, &mut found);
                out.words.extend(words);
                for k in found.drain(..) {
                    match k {
                        Key::Count(k) => out.counts.insert(k.to_owned()),
                        Key::Event(k) => out.events.insert(k.clone()),
                        Key::Quote(k) => out.quotes.insert(k),
                        Key::Person(k) => out.persons.insert(k),
                        Key::Title(k) => out.titles.insert(k),
                        Key::Noun(k) => out.nouns.insert(k.to_owned()),
                        Key::Length(k) => out.lengths.insert(k),
                        Key::Value(k) => out.values.insert(k),
                    };
                }
            }
        }
        out
    }

    fn has(&self, k: &Key<'_>) -> bool {
        match k {
            Key::Count(k) => self.counts.contains(*k),
            Key::Event(k) => self.events.contains(*k),
            Key::Quote(k) => self.quotes.contains(k),
            Key::Person(k) => self.persons.contains(k),
            Key::Title(k) => self.titles.contains(k),
            Key::Noun(k) => self.nouns.contains(*k),
            Key::Length(k) => self.lengths.contains(k),
            Key::Value(k) => self.values.contains(k),
        }
    }
}

impl CoverageIndex {
    /// Index every claim of `articles`.
    pub fn build(articles: &[Checked<'_>]) -> CoverageIndex {
        CoverageIndex::build_filtered(articles, None)
    }

    /// Index the claims of `articles` under the keys of `lookups` alone:
    /// for checking only the articles `lookups` was made of, this index
    /// hands the checks what [`CoverageIndex::build`]'s would, groups and
    /// their order included (a key's groups are all kept or all left out).
    pub fn build_for(articles: &[Checked<'_>], lookups: &Lookups) -> CoverageIndex {
        CoverageIndex::build_filtered(articles, Some(lookups))
    }

    fn build_filtered(articles: &[Checked<'_>], lookups: Option<&Lookups>) -> CoverageIndex {
        let mut counts = Filing::new();
        let mut events = Filing::new();
        let mut quotes = Filing::new();
        let mut titles_by_person = Filing::new();
        let mut people_by_title = Filing::new();
        let mut counts_by_noun = Filing::new();
        let mut dates_by_length = Filing::new();
        let mut counts_by_value = Filing::new();
        let mut found = Vec::new();
        for (ai, a) in articles.iter().enumerate() {
            let date = a.article.published;
            for (ci, claim) in a.claims.claims.iter().enumerate() {
                let keys = &a.claims.subjects.keys[ci];
                let words = words_of(claim);
                keys_of(claim, keys, &words, lookups, &mut found);
                if found.is_empty() {
                    continue;
                }
                let r = ClaimRef {
                    article: ai,
                    claim: ci,
                };
                let sig = signature(keys, claim, &words);
                for k in found.drain(..) {
                    match k {
                        Key::Count(k) => counts.file(k.to_owned(), sig, date, r),
                        Key::Event(k) => events.file(k.clone(), sig, date, r),
                        Key::Quote(k) => quotes.file(k, sig, date, r),
                        Key::Person(k) => titles_by_person.file(k, sig, date, r),
                        Key::Title(k) => people_by_title.file(k, sig, date, r),
                        Key::Noun(k) => counts_by_noun.file(k.to_owned(), sig, date, r),
                        Key::Length(k) => dates_by_length.file(k, sig, date, r),
                        Key::Value(k) => counts_by_value.file(k, sig, date, r),
                    }
                }
            }
        }
        let quotes = quotes.finish_across_dates();
        // The words of the quotations the quotation checks can meet.
        let mut words_of_quotes = FxMap::default();
        for refs in quotes.values().flatten().map(|g| &g.refs) {
            for &(_, r) in refs {
                words_of_quotes.entry(r).or_insert_with(|| {
                    quote_words(&articles[r.article].claims.claims[r.claim].text)
                });
            }
        }
        CoverageIndex {
            counts: counts.finish(),
            events: events.finish_across_dates(),
            quotes,
            titles_by_person: titles_by_person.finish(),
            people_by_title: people_by_title.finish(),
            counts_by_noun: counts_by_noun.finish(),
            dates_by_length: dates_by_length.finish(),
            counts_by_value: counts_by_value.finish(),
            quote_words: words_of_quotes,
            vocab: articles
                .iter()
                .map(|a| a.claims.subjects.vocabulary())
                .collect(),
        }
    }
}
