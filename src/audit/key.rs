//! Keying claims for the story audit: which subject a claim is about
//! (a rule's fact or event where one matches, else the coverage keys of
//! `check::keys`), how its value is shown, and where it is. This is the
//! costly, per-article part of the audit, so it runs on every core; it
//! files nothing and clusters no quotations (that needs every earlier
//! quotation, and happens in the serial pass of `audit_subjects`).

use super::{Mention, TimelinePoint};
use crate::check::people::person_key;
use crate::check::quote_text::{normalised_words, shingles};
use crate::check::{dates_event, fact_matches, fmt_num, Checked};
use crate::extract::{Claim, ClaimData, Count, Modifier};
use crate::rules::{Fact, RuleSet};
use crate::subject::keys::title_key;
use crate::subject::ClaimKeys;
use crate::text::Document;
use chrono::NaiveDate;

/// What one claim contributes: its subject, how it is shown, its value.
pub(super) struct Keyed {
    /// `count`, `date`, `quote` or `role`.
    pub(super) kind: &'static str,
    /// The subject within its kind (empty for quotes until clustered).
    pub(super) key: String,
    /// The subject for people.
    pub(super) label: String,
    /// The fact or event naming the subject.
    pub(super) rule: Option<String>,
    /// What makes two values the same version.
    pub(super) value_key: String,
    /// The value as this article writes it.
    pub(super) value: String,
}

/// Articles keyed at once, on all cores, before their claims are filed.
pub(super) const BLOCK: usize = 1024;

/// One claim keyed, ready to file: everything but the quote cluster, which
/// needs every earlier quotation and so is found in the serial pass.
pub(super) struct Prepared {
    pub(super) keyed: Keyed,
    pub(super) mention: Mention,
    /// For counts: the timeline point.
    pub(super) point: Option<TimelinePoint>,
    /// For quotes: the word runs that join quotations into clusters.
    pub(super) shingles: Vec<u64>,
    /// The claim's index in its article.
    pub(super) claim: usize,
}

/// Key every claim of every article, on every core; one list per article,
/// in the order given.
pub(super) fn prepare_all(articles: &[Checked<'_>], rules: &RuleSet) -> Vec<Vec<Prepared>> {
    crate::parallel::map_in_order(articles.iter().collect(), |a| prepare_article(a, rules))
}

fn prepare_article(a: &Checked<'_>, rules: &RuleSet) -> Vec<Prepared> {
    let doc = &a.claims.doc;
    let published = a.article.published;
    // One path shared by the article's mentions and points.
    let path: std::sync::Arc<std::path::Path> = a.article.path.as_path().into();
    let mut out = Vec::new();
    for (ci, claim) in a.claims.claims.iter().enumerate() {
        let keys = &a.claims.subjects.keys[ci];
        let Some((keyed, shingles)) = key_claim(doc, claim, keys, rules) else {
            continue;
        };
        let line = a.article.lines.line(claim.span.start);
        let point = match &claim.data {
            ClaimData::Count(c) => {
                let fact = keyed
                    .rule
                    .as_deref()
                    .and_then(|id| rules.facts.iter().find(|f| f.id == id));
                Some(TimelinePoint {
                    published,
                    path: path.clone(),
                    line,
                    value: c.value,
                    modifier: c.modifier,
                    change: c.change,
                    rule_value: fact.zip(published).and_then(|(f, d)| fact_value_on(f, d)),
                })
            }
            _ => None,
        };
        out.push(Prepared {
            keyed,
            mention: Mention {
                published,
                path: path.clone(),
                line,
                text: claim.text.trim().to_owned(),
                excerpt: excerpt(
                    claim.sentence.map_or("", |s| doc.sentence_text(s)),
                    claim.text.trim(),
                ),
            },
            point,
            shingles,
            claim: ci,
        });
    }
    out
}

/// The sentence around a claim, whitespace folded, cut to about
/// [`super::EXCERPT_CHARS`] characters around the claim with an ellipsis
/// where cut.
fn excerpt(sentence: &str, claim: &str) -> String {
    // Most sentences are already folded: ASCII words one space apart.
    let b = sentence.as_bytes();
    let folded_already = b.len() <= super::EXCERPT_CHARS
        && b.first().is_none_or(|&c| c != b' ')
        && b.last().is_none_or(|&c| c != b' ')
        && b.iter().all(|&c| c == b' ' || c.is_ascii_graphic())
        && !b.windows(2).any(|w| w == b"  ");
    if folded_already {
        return sentence.to_owned();
    }
    let mut folded = String::with_capacity(sentence.len());
    for w in sentence.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(w);
    }
    // No more bytes than the limit: no more characters either.
    if folded.len() <= super::EXCERPT_CHARS {
        return folded;
    }
    let len = folded.chars().count();
    if len <= super::EXCERPT_CHARS {
        return folded;
    }
    let at = folded
        .find(claim)
        .map_or(0, |b| folded[..b].chars().count());
    let start = at.saturating_sub(super::EXCERPT_CHARS / 3);
    let end = (start + super::EXCERPT_CHARS).min(len);
    // Byte offsets of the chosen characters.
    let byte = |c: usize| {
        folded
            .char_indices()
            .nth(c)
            .map_or(folded.len(), |(b, _)| b)
    };
    let mut out = String::with_capacity(super::EXCERPT_CHARS * 4 + 6);
    if start > 0 {
        out.push('\u{2026}');
    }
    out.push_str(&folded[byte(start)..byte(end)]);
    if end < len {
        out.push('\u{2026}');
    }
    out
}

/// The subject and value of one claim, or `None` when it has no subject
/// to compare, with a quotation's word runs (its subject key is left to
/// the serial pass).
fn key_claim(
    doc: &Document,
    claim: &Claim,
    keys: &ClaimKeys,
    rules: &RuleSet,
) -> Option<(Keyed, Vec<u64>)> {
    let sentence = claim.sentence.map_or("", |s| doc.sentence_text(s));
    match &claim.data {
        ClaimData::Count(c) => {
            let value = count_value(c);
            let keyed = |kind, key, label, rule| Keyed {
                kind,
                key,
                label,
                rule,
                value_key: value.clone(),
                value: value.clone(),
            };
            if !c.partitive {
                if let Some(f) = rules.facts.iter().find(|f| fact_matches(f, c, sentence)) {
                    let label = f.about.clone().unwrap_or_else(|| f.id.clone());
                    return Some((
                        keyed("count", format!("fact:{}", f.id), label, Some(f.id.clone())),
                        Vec::new(),
                    ));
                }
            }
            let key = keys.count.clone()?;
            let label = count_label(&key);
            Some((keyed("count", key, label, None), Vec::new()))
        }
        ClaimData::Date(d) => {
            let v = d.value?;
            let value = if v.start == v.end {
                v.start.to_string()
            } else {
                format!("{} to {}", v.start, v.end)
            };
            let event = d.anchor.as_ref().and_then(|anchor| {
                rules
                    .events
                    .iter()
                    .find(|e| dates_event(e, doc, claim, anchor))
            });
            let (key, label, rule) = match event {
                Some(e) => (
                    format!("event:{}", e.id),
                    e.about.clone().unwrap_or_else(|| e.id.clone()),
                    Some(e.id.clone()),
                ),
                None => {
                    let k = keys.event.clone()?;
                    let label = format!("{} {} {}", k.agent, k.verb, k.object);
                    (label.clone(), label, None)
                }
            };
            let keyed = Keyed {
                kind: "date",
                key,
                label,
                rule,
                value_key: value.clone(),
                value,
            };
            Some((keyed, Vec::new()))
        }
        ClaimData::Quote(q) => {
            let words = normalised_words(&claim.text);
            if words.len() < crate::check::SHINGLE {
                return None;
            }
            let speaker = q.speaker.as_deref().unwrap_or("unknown speaker");
            let runs = shingles(&words, crate::check::SHINGLE);
            let keyed = Keyed {
                kind: "quote",
                key: String::new(),
                label: String::new(),
                rule: None,
                value_key: format!("{speaker}|{}", words.join(" ")),
                // As printed: the words with their own punctuation.
                value: format!("{speaker}: \u{201c}{}\u{201d}", claim.text.trim()),
            };
            Some((keyed, runs))
        }
        ClaimData::Role(r) => {
            let (value_key, value) = match &r.org {
                Some(o) => (
                    format!("{}|{}", title_key(&r.title), o.to_lowercase()),
                    format!("{} ({o})", r.title),
                ),
                None => (title_key(&r.title), r.title.clone()),
            };
            let keyed = Keyed {
                kind: "role",
                key: person_key(&r.person),
                label: r.person.clone(),
                rule: None,
                value_key,
                value,
            };
            Some((keyed, Vec::new()))
        }
        // Times, durations, sets, ages, scores and ordinals are not
        // audited yet.
        ClaimData::Temporal(_) | ClaimData::Figure(_) => None,
    }
}

/// "212", "about 200", "more than 40".
fn count_value(c: &Count) -> String {
    match c.modifier {
        Modifier::Exact => fmt_num(c.value),
        m => format!("{} {}", m.as_str().replace('-', " "), fmt_num(c.value)),
    }
}

/// A coverage key made readable: `passenger|injur` -> "passenger
/// (injur)", `casualties:dead` -> "casualties (dead)".
fn count_label(key: &str) -> String {
    let (head, quals) = key
        .split_once('|')
        .or_else(|| key.split_once(':'))
        .unwrap_or((key, ""));
    if quals.is_empty() {
        head.to_owned()
    } else {
        format!("{head} ({})", quals.replace(',', ", "))
    }
}

/// The fact's value in force on `date`.
fn fact_value_on(fact: &Fact, date: NaiveDate) -> Option<(f64, f64)> {
    let v = fact.values.iter().find(|v| v.holds_on(date))?;
    Some((v.min, v.max))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Interval;

    fn count(value: f64, modifier: Modifier) -> Count {
        Count {
            value,
            noun: "passenger".to_owned(),
            qualifiers: Vec::new(),
            modifier,
            interval: Interval::exact(value),
            partitive: false,
            change: false,
            increment: false,
        }
    }

    #[test]
    fn exact_counts_show_the_bare_figure_and_hedges_in_words() {
        assert_eq!(count_value(&count(212.0, Modifier::Exact)), "212");
        assert_eq!(
            count_value(&count(40.0, Modifier::MoreThan)),
            "more than 40"
        );
    }

    #[test]
    fn excerpts_fold_whitespace_whatever_the_sentence() {
        for (sentence, want) in [
            ("Nine were hurt.", "Nine were hurt."),
            ("Nine  were\thurt.", "Nine were hurt."),
            (" Nine were\u{b}hurt. ", "Nine were hurt."),
            ("Nine\u{a0}were hurt.", "Nine were hurt."),
            ("", ""),
        ] {
            assert_eq!(excerpt(sentence, "Nine"), want, "{sentence:?}");
        }
    }

    #[test]
    fn coverage_keys_read_as_words() {
        assert_eq!(count_label("passenger|"), "passenger");
        assert_eq!(
            count_label("passenger|injur,strand"),
            "passenger (injur, strand)"
        );
        assert_eq!(count_label("casualties:dead"), "casualties (dead)");
    }
}
