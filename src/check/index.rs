//! The coverage index: every claim of the coverage filed under its subject
//! key, built once per run, so a claim meets the claims about the same
//! subject in one hash lookup instead of a scan of all pairs.

use super::keys::{count_subject, event_key, title_key, EventKey};
use super::people::person_key;
use super::quote_text::{quote_words, shingles};
use super::Checked;
use crate::extract::ClaimData;
use std::collections::HashMap;

/// Words per quotation shingle: short enough that a three-word quotation
/// is found, long enough that common phrases rarely collide.
pub(crate) const SHINGLE: usize = 3;

/// A claim of the indexed articles: (article, claim) indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimRef {
    /// Index of the article in the indexed slice.
    pub article: usize,
    /// Index of the claim in the article's claims.
    pub claim: usize,
}

/// Claims of a set of articles, by subject.
#[derive(Debug, Default)]
pub struct CoverageIndex {
    pub(crate) counts: HashMap<String, Vec<ClaimRef>>,
    pub(crate) events: HashMap<EventKey, Vec<ClaimRef>>,
    pub(crate) quotes: HashMap<u64, Vec<ClaimRef>>,
    pub(crate) titles_by_person: HashMap<String, Vec<ClaimRef>>,
    pub(crate) people_by_title: HashMap<String, Vec<ClaimRef>>,
}

impl CoverageIndex {
    /// Index every claim of `articles`.
    pub fn build(articles: &[Checked<'_>]) -> CoverageIndex {
        let mut idx = CoverageIndex::default();
        for (ai, a) in articles.iter().enumerate() {
            let doc = &a.claims.doc;
            for (ci, claim) in a.claims.claims.iter().enumerate() {
                let r = ClaimRef {
                    article: ai,
                    claim: ci,
                };
                match &claim.data {
                    ClaimData::Count(c) => {
                        let sentence = claim.sentence.map_or("", |s| doc.sentence_text(s));
                        if let Some(k) = count_subject(c, sentence) {
                            idx.counts.entry(k).or_default().push(r);
                        }
                    }
                    ClaimData::Date(_) => {
                        if let Some(k) = event_key(doc, claim) {
                            idx.events.entry(k).or_default().push(r);
                        }
                    }
                    ClaimData::Quote(_) => {
                        let words = quote_words(&claim.text);
                        if words.words.len() >= SHINGLE {
                            let mut sh = shingles(&words.words, SHINGLE);
                            sh.sort_unstable();
                            sh.dedup();
                            for s in sh {
                                idx.quotes.entry(s).or_default().push(r);
                            }
                        }
                    }
                    ClaimData::Role(role) => {
                        idx.titles_by_person
                            .entry(person_key(&role.person))
                            .or_default()
                            .push(r);
                        idx.people_by_title
                            .entry(title_key(&role.title))
                            .or_default()
                            .push(r);
                    }
                }
            }
        }
        idx
    }
}
