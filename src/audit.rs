//! The story audit: every article of a story's coverage, grouped by
//! subject (a count subject, an event, a quote, a person's titles), with
//! each distinct value and the articles that carry it.
//!
//! Grouping is one pass over all claims into hash maps, so the work and the
//! report grow with the number of claims and subjects, never with pairs of
//! articles. Rule checks run per article; comparisons between articles are
//! what the subject view shows.

use crate::check::keys::{count_subject, event_key, title_key};
use crate::check::people::person_key;
use crate::check::quote_text::{quote_words, shingles};
use crate::check::Checked;
use crate::extract::{ClaimData, Modifier};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// Where a version of a subject is said.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mention {
    /// Publication date of the article.
    pub published: Option<NaiveDate>,
    /// The article.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// The claim's text.
    pub text: String,
}

/// One distinct value of a subject.
#[derive(Debug, Clone)]
pub struct Version {
    /// The value, as shown.
    pub value: String,
    /// Where it is said, sorted by date, path, line.
    pub mentions: Vec<Mention>,
}

/// A point of a count subject's timeline.
#[derive(Debug, Clone)]
pub struct TimelinePoint {
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// The article.
    pub path: PathBuf,
    /// The figure.
    pub value: f64,
    /// Its hedge.
    pub modifier: Modifier,
    /// Stated as a change.
    pub change: bool,
}

/// A subject of the coverage.
#[derive(Debug, Clone)]
pub struct Subject {
    /// `count`, `date`, `quote` or `role`.
    pub kind: &'static str,
    /// What it is about, for people.
    pub label: String,
    /// Distinct values, in order of first appearance.
    pub versions: Vec<Version>,
    /// For counts: every figure by date.
    pub timeline: Vec<TimelinePoint>,
}

impl Subject {
    /// Whether the coverage disagrees on it.
    pub fn is_disputed(&self) -> bool {
        self.versions.len() > 1
    }
}

#[derive(Default)]
struct Builder {
    versions: BTreeMap<String, Vec<Mention>>,
    timeline: Vec<TimelinePoint>,
    label: String,
}

/// Group the claims of `articles` by subject. Subjects mentioned once are
/// left out: there is nothing to compare.
pub fn audit_subjects(articles: &[Checked<'_>]) -> Vec<Subject> {
    let mut groups: HashMap<(&'static str, String), Builder> = HashMap::new();
    let mut quote_clusters = QuoteClusters::default();
    for a in articles {
        let doc = &a.claims.doc;
        for claim in &a.claims.claims {
            let lc = a
                .article
                .lines
                .line_col(&a.article.source, claim.span.start);
            let mention = Mention {
                published: a.article.published,
                path: a.article.path.clone(),
                line: lc.line,
                text: claim.text.trim().to_owned(),
            };
            let (kind, key, label, value) = match &claim.data {
                ClaimData::Count(c) => {
                    let sentence = claim.sentence.map_or("", |s| doc.sentence_text(s));
                    let Some(key) = count_subject(c, sentence) else {
                        continue;
                    };
                    let label = key.replace('|', " ").trim().to_owned();
                    let value =
                        format!("{} {}", c.modifier.as_str(), crate::check::fmt_num(c.value));
                    let b = groups.entry(("count", key.clone())).or_default();
                    b.timeline.push(TimelinePoint {
                        published: a.article.published,
                        path: a.article.path.clone(),
                        value: c.value,
                        modifier: c.modifier,
                        change: c.change,
                    });
                    ("count", key, label, value)
                }
                ClaimData::Date(d) => {
                    let (Some(key), Some(v)) = (event_key(doc, claim), d.value) else {
                        continue;
                    };
                    let label = format!("{} {} {}", key.agent, key.verb, key.object);
                    let value = if v.start == v.end {
                        v.start.to_string()
                    } else {
                        format!("{} to {}", v.start, v.end)
                    };
                    ("date", label.clone(), label, value)
                }
                ClaimData::Quote(q) => {
                    let words = quote_words(&claim.text);
                    if words.words.len() < crate::check::SHINGLE {
                        continue;
                    }
                    let id = quote_clusters.add(&words.words);
                    let speaker = q
                        .speaker
                        .clone()
                        .unwrap_or_else(|| "unknown speaker".to_owned());
                    let value = format!("{speaker}: \"{}\"", words.display.join(" "));
                    ("quote", format!("q{id}"), String::new(), value)
                }
                ClaimData::Role(r) => {
                    let key = person_key(&r.person);
                    let value = match &r.org {
                        Some(o) => format!("{} ({o})", title_key(&r.title)),
                        None => title_key(&r.title),
                    };
                    ("role", key, r.person.clone(), value)
                }
            };
            let b = groups.entry((kind, key)).or_default();
            if b.label.is_empty() || (kind == "role" && label.len() > b.label.len()) {
                b.label = label;
            }
            b.versions.entry(value).or_default().push(mention);
        }
    }
    // Quotes: merge clusters joined after their first claims were filed.
    let mut merged: HashMap<(&'static str, String), Builder> = HashMap::new();
    for ((kind, key), b) in groups {
        let key = if kind == "quote" {
            let id: usize = key[1..].parse().unwrap_or(0);
            format!("q{}", quote_clusters.find(id))
        } else {
            key
        };
        let m = merged.entry((kind, key)).or_default();
        for (v, ms) in b.versions {
            m.versions.entry(v).or_default().extend(ms);
        }
        m.timeline.extend(b.timeline);
        if m.label.len() < b.label.len() {
            m.label = b.label;
        }
    }
    let mut out: Vec<Subject> = merged
        .into_iter()
        .filter_map(|((kind, _), b)| finish(kind, b))
        .collect();
    out.sort_by(|a, b| {
        (
            !a.is_disputed(),
            a.kind,
            &a.label,
            &a.versions[0].mentions[0],
        )
            .cmp(&(
                !b.is_disputed(),
                b.kind,
                &b.label,
                &b.versions[0].mentions[0],
            ))
    });
    out
}

fn finish(kind: &'static str, b: Builder) -> Option<Subject> {
    let total: usize = b.versions.values().map(Vec::len).sum();
    if total < 2 {
        return None;
    }
    let mut versions: Vec<Version> = b
        .versions
        .into_iter()
        .map(|(value, mut mentions)| {
            mentions.sort();
            Version { value, mentions }
        })
        .collect();
    versions.sort_by(|a, b| {
        a.mentions[0]
            .cmp(&b.mentions[0])
            .then(a.value.cmp(&b.value))
    });
    let mut timeline = b.timeline;
    timeline.sort_by(|a, b| {
        (a.published, &a.path)
            .cmp(&(b.published, &b.path))
            .then(a.value.total_cmp(&b.value))
    });
    let label = if kind == "quote" {
        versions[0].value.clone()
    } else {
        b.label
    };
    Some(Subject {
        kind,
        label,
        versions,
        timeline,
    })
}

/// Union-find over quotations that share a run of words.
#[derive(Default)]
struct QuoteClusters {
    parent: Vec<usize>,
    by_shingle: HashMap<u64, usize>,
}

impl QuoteClusters {
    fn add(&mut self, words: &[String]) -> usize {
        let id = self.parent.len();
        self.parent.push(id);
        for s in shingles(words, crate::check::SHINGLE) {
            match self.by_shingle.get(&s) {
                Some(&other) => self.union(id, other),
                None => {
                    self.by_shingle.insert(s, id);
                }
            }
        }
        id
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}
