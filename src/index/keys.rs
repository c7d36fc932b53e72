//! The lookup keys an article is filed under in the index, so that a draft
//! loads only the coverage that can bear on it.
//!
//! Each key is a 64-bit hash of a family tag and the subject it names: the
//! same subjects the checks look claims up by ([`crate::check::CoverageIndex`]).
//! Families the checks look up within the `window` around the draft's
//! date (counts, titles) need no keys for a dated draft: the articles of
//! those days are loaded whole. The others (events, quotations) are looked
//! up across the whole archive. Hashes are computed here, with a fixed
//! function (FNV-1a), so that an index built by one run is read alike by
//! the next.

use crate::check::context_conflict::distinctive_value;
use crate::check::people::person_key;
use crate::check::quote_text::normalised_words_into;
use crate::check::SHINGLE;
use crate::extract::{Claim, ClaimData};
use crate::fingerprint::{fnv1a64, Fnv1a};
use crate::subject::keys::title_key;
use crate::subject::Subjects;

/// Which claims a key files, and whether the checks look it up by window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Family {
    /// A date's event (verb, agent, object): looked up across all dates.
    Event = b'E',
    /// Three words of a quotation in a row: looked up across all dates.
    Quote = b'Q',
    /// A count's subject key.
    Count = b'C',
    /// A count's noun alone.
    Noun = b'N',
    /// A count's value, when distinctive.
    Value = b'V',
    /// A person given a title.
    Person = b'P',
    /// A title given to someone.
    Title = b'T',
}

impl Family {
    /// Whether the checks compare claims of this family only within the
    /// window around a dated draft.
    pub(crate) fn is_windowed(self) -> bool {
        !matches!(self, Family::Event | Family::Quote)
    }
}

/// The content hash stored for each file, to tell a changed file.
pub(crate) fn content_hash(source: &str) -> i64 {
    fnv1a64(source.as_bytes()) as i64
}

/// A key: FNV-1a (fixed, so stored keys stay valid across runs) over the
/// family tag and the parts, each ended by a byte no UTF-8 text holds.
/// Hashed as it goes, without gathering the bytes.
fn key<'a>(family: Family, parts: impl IntoIterator<Item = &'a str>) -> (Family, i64) {
    let mut h = Fnv1a::new();
    h.write(&[family as u8]);
    for p in parts {
        h.write(p.as_bytes());
        h.write(&[0xff]);
    }
    (family, h.finish() as i64)
}

/// Every key of an article's claims, sorted and deduplicated, each with
/// its family.
pub(crate) fn article_keys(claims: &[Claim], subjects: &Subjects) -> Vec<(Family, i64)> {
    let mut out = Vec::new();
    each_key(claims, subjects, |k| out.push(k));
    out.sort_unstable_by_key(|&(f, k)| (k, f as u8));
    out.dedup();
    out
}

/// The keys an article's key rows carry: those of [`article_keys`]
/// without their families, sorted, each once (what a build files an
/// article under, and what `update` deletes when it goes).
pub(crate) fn filed_keys(claims: &[Claim], subjects: &Subjects) -> Vec<i64> {
    let mut out = Vec::new();
    each_key(claims, subjects, |(_, k)| out.push(k));
    out.sort_unstable();
    out.dedup();
    out
}

/// Hand each key of an article's claims to `out`, in the claims' order,
/// some more than once.
fn each_key(claims: &[Claim], subjects: &Subjects, mut out: impl FnMut((Family, i64))) {
    // A quotation's words and where each ends, reused from one to the next.
    let mut buf = String::new();
    let mut ends = Vec::new();
    // A value's decimal digits, written without allocating.
    let mut digits = [0u8; 20];
    for (ci, claim) in claims.iter().enumerate() {
        let keys = subjects.keys.get(ci);
        match &claim.data {
            ClaimData::Count(c) => {
                if let Some(k) = keys.and_then(|k| k.count.as_deref()) {
                    out(key(Family::Count, [k]));
                }
                out(key(Family::Noun, [c.noun.as_str()]));
                if let Some(v) = distinctive_value(c.value) {
                    out(key(Family::Value, [decimal(v, &mut digits)]));
                }
            }
            ClaimData::Date(_) => {
                if let Some(e) = keys.and_then(|k| k.event.as_ref()) {
                    out(key(
                        Family::Event,
                        [e.verb.as_str(), e.agent.as_str(), e.object.as_str()],
                    ));
                }
            }
            ClaimData::Quote(_) => {
                normalised_words_into(&claim.text, &mut buf, &mut ends);
                let start = |i: usize| if i == 0 { 0 } else { ends[i - 1] };
                for first in 0..(ends.len() + 1).saturating_sub(SHINGLE) {
                    let run = (first..first + SHINGLE).map(|i| &buf[start(i)..ends[i]]);
                    out(key(Family::Quote, run));
                }
            }
            ClaimData::Role(r) => {
                out(key(Family::Person, [person_key(&r.person).as_str()]));
                out(key(Family::Title, [title_key(&r.title).as_str()]));
            }
            ClaimData::Temporal(_) | ClaimData::Figure(_) => {}
        }
    }
}

/// `n` in decimal, as `to_string` writes it, written at the end of `buf`
/// (20 bytes hold any `u64`).
fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_article;
    use crate::rules::RuleSet;
    use crate::source::Article;

    fn keys_of(text: &str) -> Vec<(Family, i64)> {
        let a = Article::from_source("a.md", text.to_owned(), None);
        let c = extract_article(&a, &RuleSet::default());
        article_keys(&c.claims, &c.subjects)
    }

    #[test]
    fn the_same_quotation_gives_the_same_keys_in_two_articles() {
        let a = keys_of("\"We will rebuild the bridge within a year,\" Okafor said.\n");
        let b = keys_of("Later, Okafor said: \"We will rebuild the bridge within a year.\"\n");
        let quotes = |k: &[(Family, i64)]| -> Vec<i64> {
            k.iter()
                .filter(|(f, _)| *f == Family::Quote)
                .map(|(_, k)| *k)
                .collect()
        };
        assert!(!quotes(&a).is_empty());
        assert_eq!(quotes(&a), quotes(&b));
    }

    #[test]
    fn decimal_digits_are_to_string_s() {
        let mut buf = [0u8; 20];
        let mut values = vec![0, 1, 9, 10, 99, 100, 101, u64::MAX, u64::MAX - 1];
        values.extend((0..64).map(|b| 1u64 << b));
        values.extend((0..20).map(|k| 10u64.pow(k)));
        values.extend((1..20).map(|k| 10u64.pow(k) - 1));
        values.extend([30_154.0f64, 868e6, 3.24e9, 1e14].map(f64::to_bits));
        for v in values {
            assert_eq!(decimal(v, &mut buf), v.to_string());
        }
    }

    #[test]
    fn different_counts_give_different_keys() {
        let a = keys_of("The storm closed 14 schools.\n");
        let b = keys_of("The storm closed 14 bridges.\n");
        assert!(a.iter().any(|(f, _)| *f == Family::Noun));
        assert_ne!(a, b);
    }
}
