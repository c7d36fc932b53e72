//! The story audit: every article of a story's coverage, grouped by
//! subject (a count subject, an event, a quote, a person's titles), with
//! each distinct value and the articles that carry it.
//!
//! Where the rules name the subject (a fact for a count, an event for a
//! date), the rule is the subject, so every article's figure for "passengers
//! rescued" meets under one heading whatever words surround it; elsewhere
//! the coverage keys of `check::keys` decide. A count that moves over time
//! and says so ("rose to 15") is a change, not a dispute.
//!
//! Grouping is one pass over all claims into hash maps, so the work and the
//! report grow with the number of claims and subjects, never with pairs of
//! articles. This module decides nothing about rules: rule findings come
//! from the checks, and rendering lives in `render/audit*.rs`.

mod align;
mod key;

use crate::check::{fmt_num, Checked};
use crate::extract::Modifier;
use crate::lexicon::FxHasher;
use crate::rules::RuleSet;
use crate::subject::shared_count;
use chrono::NaiveDate;
use key::{prepare_all, BLOCK};
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;
use std::path::Path;
use std::sync::Arc;

/// Where a version of a subject is said.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mention {
    /// Publication date of the article.
    pub published: Option<NaiveDate>,
    /// The article.
    pub path: Arc<Path>,
    /// 1-based line.
    pub line: usize,
    /// The claim's text.
    pub text: String,
    /// The sentence that says it, as printed (whitespace folded, cut to
    /// about [`EXCERPT_CHARS`] characters around the claim).
    pub excerpt: String,
}

/// The longest sentence excerpt a mention carries, in characters.
pub const EXCERPT_CHARS: usize = 240;

/// One distinct value of a subject.
#[derive(Debug, Clone)]
pub struct Version {
    /// The value, as the earliest article wrote it.
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
    pub path: Arc<Path>,
    /// 1-based line of the figure.
    pub line: usize,
    /// The figure.
    pub value: f64,
    /// Its hedge.
    pub modifier: Modifier,
    /// Stated as a change ("rose to").
    pub change: bool,
    /// What the rule's fact says on that date (lowest, highest), when a
    /// rule names the subject and holds a value then.
    pub rule_value: Option<(f64, f64)>,
}

impl TimelinePoint {
    /// The rule's value as shown: "212", or "200 to 220" for a range.
    pub fn rule_value_text(&self) -> Option<String> {
        self.rule_value.map(|(lo, hi)| {
            if lo == hi {
                fmt_num(lo)
            } else {
                format!("{} to {}", fmt_num(lo), fmt_num(hi))
            }
        })
    }
}

/// Whether the coverage agrees on a subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Agreement {
    /// Different versions of one fact that no stated change explains.
    Disputed,
    /// A figure that moved, each move stated as a change.
    Changed,
    /// One version.
    Consistent,
    /// Different values under one heading that state different facts (no
    /// two of them align: other owners, sentences about other things,
    /// other quotations by one speaker, namesakes).
    Distinct,
}

impl Agreement {
    /// `disputed`, `changed over time` or `consistent`.
    pub fn as_str(self) -> &'static str {
        match self {
            Agreement::Disputed => "disputed",
            Agreement::Changed => "changed over time",
            Agreement::Consistent => "consistent",
            Agreement::Distinct => "different facts",
        }
    }

    /// A CSS class name for it.
    pub fn class(self) -> &'static str {
        match self {
            Agreement::Disputed => "disputed",
            Agreement::Changed => "changed",
            Agreement::Consistent => "consistent",
            Agreement::Distinct => "distinct",
        }
    }
}

/// A subject of the coverage.
#[derive(Debug, Clone)]
pub struct Subject {
    /// `count`, `date`, `quote` or `role`.
    pub kind: &'static str,
    /// What it is about, for people.
    pub label: String,
    /// The rule id naming the subject (a fact or an event), if any.
    pub rule: Option<String>,
    /// Distinct values, in order of first appearance.
    pub versions: Vec<Version>,
    /// For counts: every figure by date.
    pub timeline: Vec<TimelinePoint>,
    /// Whether two of its different versions, from different articles,
    /// state the same fact (see [`crate::subject::align`]); a subject
    /// named by a rule always does.
    pub aligned: bool,
}

impl Subject {
    /// Whether the coverage agrees. A count is disputed when, read by
    /// date, a figure differs from the one before it without being stated
    /// as a change.
    pub fn agreement(&self) -> Agreement {
        if self.versions.len() < 2 {
            return Agreement::Consistent;
        }
        if !self.aligned {
            return Agreement::Distinct;
        }
        if self.timeline.is_empty() {
            return Agreement::Disputed;
        }
        let mut current = self.timeline[0].value;
        let mut changed = false;
        for p in &self.timeline[1..] {
            if p.value == current {
                continue;
            }
            if !p.change {
                return Agreement::Disputed;
            }
            current = p.value;
            changed = true;
        }
        if changed {
            Agreement::Changed
        } else {
            Agreement::Consistent
        }
    }

    /// Whether the coverage disagrees on it.
    pub fn is_disputed(&self) -> bool {
        self.agreement() == Agreement::Disputed
    }
}

/// A mention as filed: its article's rank in (date, path) order and its
/// line sort it without comparing paths, component by component, for
/// every pair.
struct Filed {
    rank: u32,
    mention: Mention,
    /// The value as written there.
    value: String,
    /// Its article's index and its claim's index there, for alignment.
    at: (usize, usize),
}

impl Filed {
    fn order(&self) -> (u32, usize, &str) {
        (self.rank, self.mention.line, &self.mention.text)
    }
}

#[derive(Default)]
struct Builder {
    /// Value key -> its mentions.
    versions: BTreeMap<String, Vec<Filed>>,
    /// Figures with their article's rank and line.
    timeline: Vec<(u32, TimelinePoint)>,
    label: String,
    rule: Option<String>,
}

/// Subjects by kind and key, while they are filed.
type Groups = HashMap<(&'static str, String), Builder, BuildHasherDefault<FxHasher>>;

/// Group the claims of `articles` by subject, naming subjects after the
/// rules' facts and events where they match. Subjects mentioned once are
/// left out: there is nothing to compare.
///
/// Keying each claim (the costly part: quotation words, subject keys,
/// lines) runs on every core over a block of articles; filing runs after
/// each block, in article order, so the result never depends on the number
/// of threads.
pub fn audit_subjects(articles: &[Checked<'_>], rules: &RuleSet) -> Vec<Subject> {
    let mut groups: Groups = HashMap::default();
    let mut quote_clusters = QuoteClusters::default();
    let mut by_date: Vec<usize> = (0..articles.len()).collect();
    by_date.sort_by(|&x, &y| {
        let (a, b) = (articles[x].article, articles[y].article);
        (a.published, &a.path).cmp(&(b.published, &b.path))
    });
    let mut rank = vec![0u32; articles.len()];
    for (r, &i) in by_date.iter().enumerate() {
        rank[i] = r as u32;
    }
    // Blocks of articles bound the memory the keyed claims take before
    // they are filed.
    let prepared = articles
        .chunks(BLOCK)
        .flat_map(|block| prepare_all(block, rules));
    for (ai, (claims, &rank)) in prepared.zip(&rank).enumerate() {
        for p in claims {
            let mut k = p.keyed;
            if k.kind == "quote" {
                k.key = format!("q{}", quote_clusters.add(&p.shingles));
            }
            let b = groups.entry((k.kind, k.key)).or_default();
            if let Some(point) = p.point {
                b.timeline.push((rank, point));
            }
            if b.label.is_empty() || (k.kind == "role" && k.label.len() > b.label.len()) {
                b.label = k.label;
            }
            b.rule = b.rule.take().or(k.rule);
            b.versions.entry(k.value_key).or_default().push(Filed {
                rank,
                mention: p.mention,
                value: k.value,
                at: (ai, p.claim),
            });
        }
    }
    // Quotes: merge clusters joined after their first claims were filed.
    // Other subjects are filed under their final key already.
    let mut merged: Groups = HashMap::default();
    for ((kind, key), b) in groups {
        if kind != "quote" {
            merged.insert((kind, key), b);
            continue;
        }
        let id: usize = key[1..].parse().unwrap_or(0);
        let key = format!("q{}", quote_clusters.find(id));
        let m = merged.entry((kind, key)).or_default();
        for (v, ms) in b.versions {
            m.versions.entry(v).or_default().extend(ms);
        }
        m.timeline.extend(b.timeline);
        if m.label.len() < b.label.len() || (m.label.len() == b.label.len() && b.label < m.label) {
            m.label = b.label;
        }
        m.rule = m.rule.take().or(b.rule);
    }
    let mut out: Vec<Subject> = merged
        .into_iter()
        .filter_map(|((kind, _), b)| finish(kind, b, articles, rules))
        .collect();
    out.sort_by(|a, b| {
        (a.agreement(), a.kind, &a.label, &a.versions[0].mentions[0])
            .cmp(&(b.agreement(), b.kind, &b.label, &b.versions[0].mentions[0]))
            .then_with(|| a.versions[0].value.cmp(&b.versions[0].value))
    });
    out
}

fn finish(
    kind: &'static str,
    b: Builder,
    articles: &[Checked<'_>],
    rules: &RuleSet,
) -> Option<Subject> {
    let total: usize = b.versions.values().map(Vec::len).sum();
    if total < 2 {
        return None;
    }
    let aligned = b.rule.is_some() || align::any_aligned(kind, &b.versions, articles, rules);
    let mut versions: Vec<(Vec<Filed>, String)> = b
        .versions
        .into_values()
        .map(|mut ms| {
            ms.sort_by(|x, y| x.order().cmp(&y.order()));
            let value = ms[0].value.clone();
            (ms, value)
        })
        .collect();
    versions.sort_by(|(a, av), (b, bv)| a[0].order().cmp(&b[0].order()).then(av.cmp(bv)));
    let versions: Vec<Version> = versions
        .into_iter()
        .map(|(ms, value)| Version {
            value,
            mentions: ms.into_iter().map(|f| f.mention).collect(),
        })
        .collect();
    let mut timeline = b.timeline;
    timeline.sort_by(|(ra, a), (rb, b)| {
        (ra, a.line)
            .cmp(&(rb, b.line))
            .then(a.value.total_cmp(&b.value))
    });
    let timeline: Vec<TimelinePoint> = timeline.into_iter().map(|(_, p)| p).collect();
    let label = if kind == "quote" {
        versions[0].value.clone()
    } else {
        b.label
    };
    Some(Subject {
        kind,
        label,
        rule: b.rule,
        versions,
        timeline,
        aligned,
    })
}

/// Union-find over quotations: two join when a good share of the
/// shorter's runs of words are the longer's too ([`MIN_SHARED_RUNS`]): a
/// repeat, a part or a rewording of one quotation. A stock phrase two
/// quotations share ("I don't think that") is one run of many, and joins
/// nothing.
#[derive(Default)]
struct QuoteClusters {
    parent: Vec<usize>,
    /// Each quotation's runs, sorted and deduplicated.
    runs: Vec<Vec<u64>>,
    /// The first quotations filed under each run (up to [`PER_RUN`]).
    by_shingle: HashMap<u64, Vec<usize>, BuildHasherDefault<FxHasher>>,
}

/// Quotations a run of words remembers: enough to find the quotation a
/// repeat or rewording comes from, few enough that a stock phrase costs
/// little.
const PER_RUN: usize = 4;

/// Share of the shorter quotation's runs of words the longer must hold
/// for the two to be clustered as one quotation (two runs at least,
/// unless the shorter has only one).
const MIN_SHARED_RUNS: f32 = 0.4;

impl QuoteClusters {
    /// File a quotation by its word runs; its cluster id.
    fn add(&mut self, runs: &[u64]) -> usize {
        let id = self.parent.len();
        self.parent.push(id);
        let mut mine = runs.to_vec();
        mine.sort_unstable();
        mine.dedup();
        let mut candidates: Vec<usize> = Vec::new();
        for &s in &mine {
            let filed = self.by_shingle.entry(s).or_default();
            candidates.extend(filed.iter().copied());
            if filed.len() < PER_RUN {
                filed.push(id);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        for other in candidates {
            if self.find(other) != self.find(id) && shares_runs(&mine, &self.runs[other]) {
                self.union(id, other);
            }
        }
        self.runs.push(mine);
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

/// Whether at least [`MIN_SHARED_RUNS`] of the shorter of two sorted run
/// lists (and two of its runs) are in the other.
fn shares_runs(a: &[u64], b: &[u64]) -> bool {
    let short = a.len().min(b.len());
    let shared = shared_count(a, b);
    shared >= short.min(2) && shared as f32 >= MIN_SHARED_RUNS * short as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_all;
    use crate::source::Article;

    /// Audit dated Markdown articles `(date, body)` under `rules`.
    fn audit(articles: &[(&str, &str)], rules: &str) -> Vec<Subject> {
        let mut set = RuleSet::default();
        if !rules.is_empty() {
            crate::rules::parse_rules(std::path::Path::new("r.yaml"), rules, &mut set).unwrap();
        }
        let loaded: Vec<Article> = articles
            .iter()
            .map(|(date, body)| {
                let src = format!("---\npublished: {date}\n---\n\n{body}\n");
                Article::from_source(format!("{date}.md"), src, None)
            })
            .collect();
        let extracted = extract_all(loaded, &set);
        let checked: Vec<Checked<'_>> = extracted
            .iter()
            .map(|(article, claims)| Checked { article, claims })
            .collect();
        audit_subjects(&checked, &set)
    }

    fn subject<'a>(subjects: &'a [Subject], kind: &str) -> &'a Subject {
        subjects
            .iter()
            .find(|s| s.kind == kind)
            .unwrap_or_else(|| panic!("no {kind} subject in {subjects:#?}"))
    }

    #[test]
    fn a_figure_that_rises_to_a_new_value_is_a_change_not_a_dispute() {
        let s = audit(
            &[
                ("2026-04-01", "Nine people were injured in the blast."),
                ("2026-04-02", "The number of people injured rose to 15."),
                ("2026-04-03", "In all, 15 people were injured."),
            ],
            "",
        );
        let count = subject(&s, "count");
        assert_eq!(count.versions.len(), 2);
        assert_eq!(count.agreement(), Agreement::Changed);
    }

    #[test]
    fn a_different_figure_without_a_change_is_disputed() {
        let s = audit(
            &[
                ("2026-04-01", "Rescuers freed 212 passengers from the hull."),
                ("2026-04-02", "Rescuers freed 240 passengers from the hull."),
            ],
            "",
        );
        assert!(subject(&s, "count").is_disputed());
    }

    #[test]
    fn a_vague_figure_does_not_dispute_a_figure() {
        let s = audit(
            &[
                ("2026-04-01", "Rescuers freed 212 passengers from the hull."),
                (
                    "2026-04-02",
                    "Rescuers freed hundreds of passengers from the hull.",
                ),
            ],
            "",
        );
        let count = subject(&s, "count");
        assert_eq!(count.versions.len(), 2, "{s:#?}");
        assert!(!count.is_disputed(), "{s:#?}");
    }

    #[test]
    fn figures_of_different_owners_under_one_noun_are_different_facts() {
        let s = audit(
            &[
                (
                    "2026-04-01",
                    "The carmaker Kestrel will close 600 stores this year.",
                ),
                (
                    "2026-04-02",
                    "The carmaker Ostrand will close 450 stores this year.",
                ),
            ],
            "",
        );
        let count = subject(&s, "count");
        assert_eq!(count.agreement(), Agreement::Distinct);
        assert!(!count.is_disputed());
    }

    #[test]
    fn different_quotations_by_one_speaker_are_not_a_dispute() {
        let s = audit(
            &[
                (
                    "2026-04-01",
                    "\"We will rebuild the bridge before the winter comes,\" Okafor said.",
                ),
                (
                    "2026-04-02",
                    "\"We will rebuild the bridge and the school will reopen in May,\" Okafor said.",
                ),
            ],
            "",
        );
        assert!(
            s.iter().all(|x| !(x.kind == "quote" && x.is_disputed())),
            "{s:#?}"
        );
    }

    #[test]
    fn quotations_sharing_a_stock_phrase_are_not_one_subject() {
        let s = audit(
            &[
                (
                    "2026-04-01",
                    "\"I don't think that the bridge will be ready before winter,\" Okafor said.",
                ),
                (
                    "2026-04-02",
                    "\"I don't think that voters care about the harbour tax at all,\" Hale said.",
                ),
                (
                    "2026-04-03",
                    "\"I don't think that the bridge will be ready before the winter,\" Okafor said.",
                ),
            ],
            "",
        );
        let quotes: Vec<&Subject> = s.iter().filter(|x| x.kind == "quote").collect();
        // The two tellings of Okafor's quotation are one subject; Hale's,
        // which shares only "I don't think that", is not in it.
        assert!(
            quotes.iter().all(|q| q.versions.len() <= 2
                && q.versions.iter().all(|v| !v.value.starts_with("Hale"))
                || q.versions.len() == 1),
            "{quotes:#?}"
        );
        assert!(quotes.iter().any(|q| q.versions.len() == 2), "{quotes:#?}");
    }

    #[test]
    fn a_reworded_quotation_is_a_dispute() {
        let s = audit(
            &[
                (
                    "2026-04-01",
                    "\"We will rebuild the old bridge before the winter storms come,\" Okafor said.",
                ),
                (
                    "2026-04-02",
                    "\"We will rebuild the old bridge before the spring storms come,\" Okafor said.",
                ),
            ],
            "",
        );
        assert!(subject(&s, "quote").is_disputed(), "{s:#?}");
    }

    #[test]
    fn namesakes_with_other_first_names_do_not_dispute_a_title() {
        let s = audit(
            &[
                (
                    "2026-04-01",
                    "Finance Minister Dana Okafor opened the session.",
                ),
                (
                    "2026-04-02",
                    "Transport Minister Pieter Okafor opened the session.",
                ),
            ],
            "",
        );
        assert!(
            s.iter().all(|x| !(x.kind == "role" && x.is_disputed())),
            "{s:#?}"
        );
    }

    fn role_disputed(a: &str, b: &str) -> bool {
        let s = audit(&[("2026-04-01", a), ("2026-04-02", b)], "");
        // Both offices are read, under one heading.
        let role = subject(&s, "role");
        assert_eq!(role.versions.len(), 2, "{s:#?}");
        role.is_disputed()
    }

    #[test]
    fn one_named_person_given_two_offices_is_disputed() {
        assert!(role_disputed(
            "Mayor Dana Okafor opened the session.",
            "Governor Dana Okafor opened the session."
        ));
    }

    #[test]
    fn a_surname_alone_does_not_identify_the_person_of_another_article() {
        assert!(!role_disputed(
            "Mayor Dana Okafor opened the session.",
            "To understand the ruling, Chief Justice Okafor said, one should read it twice."
        ));
    }

    #[test]
    fn a_position_within_a_body_is_held_with_an_office() {
        assert!(!role_disputed(
            "Senator Dana Okafor opened the session.",
            "Senate Majority Leader Dana Okafor opened the session."
        ));
    }

    #[test]
    fn jobs_described_in_lower_case_do_not_dispute_each_other() {
        assert!(!role_disputed(
            "\"It went well,\" said Dana Okafor, a chief of staff to the governor.",
            "The campaign manager Dana Okafor opened the session."
        ));
    }

    #[test]
    fn an_office_named_with_or_without_its_organisation_or_first_words_is_no_dispute() {
        let s = audit(
            &[
                (
                    "2026-04-01",
                    "Police Officer Dana Okafor opened the session.",
                ),
                ("2026-04-02", "Officer Dana Okafor opened the session."),
            ],
            "",
        );
        assert!(
            s.iter().all(|x| !(x.kind == "role" && x.is_disputed())),
            "{s:#?}"
        );
    }

    #[test]
    fn the_same_words_from_one_speaker_are_no_dispute() {
        let quote = "\"We will rebuild the old bridge before the winter storms come,\"";
        let a = format!("{quote} Dana Okafor said.");
        let b = format!("{quote} Okafor said.");
        let s = audit(&[("2026-04-01", &a), ("2026-04-02", &b)], "");
        assert!(
            s.iter().all(|x| !(x.kind == "quote" && x.is_disputed())),
            "{s:#?}"
        );
    }

    #[test]
    fn counts_matching_a_fact_meet_under_the_fact_with_its_value() {
        let rules = "facts:\n  - id: freed\n    about: passengers freed\n    noun: passenger\n    context: [freed]\n    values:\n      - value: 212\n        from: 2026-04-01\n";
        let s = audit(
            &[
                ("2026-04-01", "Rescuers freed 212 passengers."),
                (
                    "2026-04-02",
                    "In all, 212 passengers were freed by the crews.",
                ),
            ],
            rules,
        );
        let count = subject(&s, "count");
        assert_eq!(count.rule.as_deref(), Some("freed"));
        assert_eq!(count.label, "passengers freed");
        assert_eq!(count.timeline[1].rule_value_text().as_deref(), Some("212"));
    }

    #[test]
    fn dates_of_a_rule_event_meet_under_the_event() {
        let rules = "events:\n  - id: fire\n    about: the depot fire\n    words: [fire]\n    near: [depot]\n    date: 2026-04-06\n";
        let s = audit(
            &[
                ("2026-04-07", "The fire on Monday destroyed the depot."),
                (
                    "2026-04-09",
                    "The depot fire on Sunday was put out by noon.",
                ),
            ],
            rules,
        );
        let date = subject(&s, "date");
        assert_eq!(date.rule.as_deref(), Some("fire"));
        let values: Vec<&str> = date.versions.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, ["2026-04-06", "2026-04-05"]);
        assert!(date.is_disputed());
    }

    #[test]
    fn titles_are_shown_as_written_and_grouped_without_case() {
        let s = audit(
            &[
                ("2026-04-01", "Mayor Tomas Reyes opened the hall."),
                ("2026-04-02", "MAYOR Tomas Reyes thanked the crews."),
            ],
            "",
        );
        let role = subject(&s, "role");
        assert_eq!(role.versions.len(), 1);
        assert_eq!(role.versions[0].value, "Mayor");
    }
}
