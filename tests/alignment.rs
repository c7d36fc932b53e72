//! Alignment properties over generated articles: an article never
//! contradicts a copy of itself filed under another path, and the ends of a
//! range or the members of a list never conflict with each other, however
//! the sentences are drawn.

use claimcheck::check::{run_checks, CheckContext, Checked, CoverageIndex};
use claimcheck::extract::extract_article;
use claimcheck::finding::{Finding, Severity};
use claimcheck::rules::RuleSet;
use claimcheck::source::Article;
use proptest::prelude::*;

const NAMES: &[&str] = &["Dana Okafor", "Pieter Hale", "Rosa Lind", "Ames Keller"];
const NOUNS: &[&str] = &[
    "passengers",
    "homes",
    "volunteers",
    "schools",
    "firefighters",
];
const MONTHS: &[&str] = &["January", "March", "May", "July", "September", "November"];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Friday", "Sunday"];

/// One sentence of a story about invented people, figures and dates.
fn sentence() -> impl Strategy<Value = String> {
    let name = proptest::sample::select(NAMES);
    let noun = proptest::sample::select(NOUNS);
    let month = proptest::sample::select(MONTHS);
    let day = proptest::sample::select(DAYS);
    prop_oneof![
        (name.clone(), 2u32..5000, noun.clone(), day.clone())
            .prop_map(|(p, n, o, d)| format!("{p} said {n} {o} were affected on {d}.")),
        (2u32..400, 400u32..900, noun.clone())
            .prop_map(|(a, b, o)| format!("Between {a} and {b} {o} were moved to the hall.")),
        (month.clone(), month.clone())
            .prop_map(|(a, b)| format!("The repairs will last from {a} to {b}, the council said.")),
        (2001u32..2012, 2012u32..2025)
            .prop_map(|(a, b)| format!("The bridge flooded in {a} and again in {b}.")),
        (day.clone(), day.clone())
            .prop_map(|(a, b)| format!("Crews worked from {a} evening to {b} night.")),
        (name.clone(), 2u32..90).prop_map(|(p, n)| format!(
            "\"We have moved {n} families and we will not stop until the work is done,\" {p} said."
        )),
        (name, noun).prop_map(|(p, o)| format!("Transport Minister {p} visited the {o}.")),
    ]
}

/// A sentence stating a range or a list.
fn range_or_list() -> impl Strategy<Value = String> {
    let noun = proptest::sample::select(NOUNS);
    let month = proptest::sample::select(MONTHS);
    let day = proptest::sample::select(DAYS);
    prop_oneof![
        (2u32..400, 400u32..900, noun)
            .prop_map(|(a, b, o)| format!("Between {a} and {b} {o} were moved to the hall.")),
        (month.clone(), month.clone())
            .prop_map(|(a, b)| format!("The repairs will last from {a} to {b}, the council said.")),
        (month.clone(), month)
            .prop_map(|(a, b)| format!("The bridge was closed between {a} and {b}.")),
        (2001u32..2012, 2012u32..2025)
            .prop_map(|(a, b)| format!("The bridge flooded in {a} and again in {b}.")),
        (day.clone(), day)
            .prop_map(|(a, b)| format!("Crews worked from {a} evening to {b} night.")),
    ]
}

fn story() -> impl Strategy<Value = String> {
    proptest::collection::vec(sentence(), 1..8).prop_map(|s| s.join("\n\n"))
}

fn article(path: &str, body: &str) -> Article {
    Article::from_source(
        path,
        format!("---\npublished: 2026-03-03\n---\n\n{body}\n"),
        None,
    )
}

/// Warnings and errors on `draft` checked against `coverage`.
fn serious(draft: &Article, coverage: &[&Article]) -> Vec<Finding> {
    let rules = RuleSet::default();
    let target = extract_article(draft, &rules);
    let extracted: Vec<_> = coverage
        .iter()
        .map(|a| extract_article(a, &rules))
        .collect();
    let checked: Vec<Checked<'_>> = coverage
        .iter()
        .zip(&extracted)
        .map(|(article, claims)| Checked { article, claims })
        .collect();
    let index = CoverageIndex::build(&checked);
    let me = Checked {
        article: draft,
        claims: &target,
    };
    let cx = CheckContext::new(me, &rules, &checked, &index, 2);
    run_checks(&cx)
        .into_iter()
        .filter(|f| f.severity >= Severity::Warning)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_copy_under_another_path_never_contradicts_the_original(body in story()) {
        let original = article("desk/original.md", &body);
        let copy = article("wire/copy.md", &body);
        let found = serious(&copy, &[&original]);
        prop_assert!(found.is_empty(), "{body}\n{found:#?}");
    }

    #[test]
    fn ranges_and_lists_never_conflict_with_themselves(
        body in (range_or_list(), proptest::sample::select(NAMES), 2u32..5000).prop_map(
            |(r, p, n)| format!("{r}\n\n{p} said {n} homes were checked.")
        )
    ) {
        let alone = article("draft.md", &body);
        let found = serious(&alone, &[]);
        prop_assert!(found.is_empty(), "{body}\n{found:#?}");
    }
}
