//! Timing regression benchmarks for the three paths that were super-linear
//! on hostile input (issue 14), each against its budget:
//!
//! - quotations: a 2,000-word quotation checked against a different
//!   4,000-word canonical quote, against a reworded stretch of it, and
//!   against the stretch reversed (budget 0.1 s each);
//! - event dates: a 4 MB article full of dates, checked against an event
//!   whose `words` include a two-word phrase (budget 2 s);
//! - rule loading: 10,000 rule files in one folder (budget 1 s);
//! - restatements: a 2,000-sentence rewrite with every figure changed,
//!   checked against its 2,000-sentence source (budget 1 s; it was
//!   quadratic in sentences before the sentence index).
//!
//! Run: `cargo bench --bench hostile` (release build). It prints each time
//! and exits 1 when one is over its budget. The inputs are generated; no
//! real article text is used.

/// The allocator the `claimcheck` binary runs with, so the figures are its.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use claimcheck::check::{run_checks, CheckContext, Checked, CoverageIndex};
use claimcheck::extract::extract_all;
use claimcheck::rules::{load_rules, parse_rules, RuleSet};
use claimcheck::source::Article;
use std::path::Path;
use std::time::{Duration, Instant};

/// Invented words, a few hundred of them, for text no one wrote.
fn word(i: usize) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ren", "tu", "vas", "el", "dor", "fin", "sa",
    ];
    let a = SYLLABLES[i % SYLLABLES.len()];
    let b = SYLLABLES[(i / SYLLABLES.len()) % SYLLABLES.len()];
    let c = SYLLABLES[(i / 100) % SYLLABLES.len()];
    format!("{a}{b}{c}")
}

/// `n` invented words from a stream seeded by `seed`.
fn words(n: usize, seed: usize) -> Vec<String> {
    let mut x = seed as u64 * 2_654_435_761 + 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            word((x % 600) as usize)
        })
        .collect()
}

fn rules_from(yaml: &str) -> RuleSet {
    let mut set = RuleSet::default();
    parse_rules(Path::new("bench.yaml"), yaml, &mut set).expect("bench rules parse");
    set
}

/// Check `article` against `rules`; the time and the number of findings.
fn time_check(article: String, rules: &RuleSet) -> (Duration, usize) {
    let start = Instant::now();
    let articles = extract_all(vec![Article::from_source("bench.md", article, None)], rules);
    let (a, c) = &articles[0];
    let target = Checked {
        article: a,
        claims: c,
    };
    let index = CoverageIndex::default();
    let cx = CheckContext::new(target, rules, &[], &index, 2);
    let found = run_checks(&cx).len();
    (start.elapsed(), found)
}

fn quote_rules(canon: &[String]) -> RuleSet {
    rules_from(&format!(
        "entities:\n  - name: Dana Okafor\nquotes:\n  - id: long-speech\n    speaker: Dana Okafor\n    text: \"{}\"\n    date: 2026-03-01\n",
        canon.join(" ")
    ))
}

fn quote_article(quote: &[String]) -> String {
    format!(
        "---\npublished: 2026-03-03\n---\n\nDana Okafor said: \u{201c}{}.\u{201d}\n",
        quote.join(" ")
    )
}

fn bench_quotes() -> Vec<(String, Duration, Duration)> {
    let canon = words(4000, 1);
    let rules = quote_rules(&canon);
    let budget = Duration::from_millis(100);
    // Extraction alone, to subtract: the budget is the comparison's.
    let empty = RuleSet::default();
    let mut out = Vec::new();
    let different = words(2000, 2);
    let (base, _) = time_check(quote_article(&different), &empty);
    let (t, _) = time_check(quote_article(&different), &rules);
    out.push((
        "2,000-word quotation vs a different 4,000-word one".to_owned(),
        t.saturating_sub(base),
        budget,
    ));
    let mut reworded = canon[1000..3000].to_vec();
    for i in (0..reworded.len()).step_by(40) {
        reworded[i] = "changed".to_owned();
    }
    let (base, _) = time_check(quote_article(&reworded), &empty);
    let (t, found) = time_check(quote_article(&reworded), &rules);
    assert!(found > 0, "the reworded stretch is a misquote");
    out.push((
        "2,000-word reworded stretch of a 4,000-word quote".to_owned(),
        t.saturating_sub(base),
        budget,
    ));
    // The worst case for the window search: every window near the stretch
    // shares all its words with the quotation, in another order.
    let mut reversed = canon[1000..3000].to_vec();
    reversed.reverse();
    let (base, _) = time_check(quote_article(&reversed), &empty);
    let (t, _) = time_check(quote_article(&reversed), &rules);
    out.push((
        "2,000-word reversed stretch of a 4,000-word quote".to_owned(),
        t.saturating_sub(base),
        budget,
    ));
    out
}

fn bench_event_dates() -> (String, Duration, Duration) {
    let rules = rules_from(
        "events:\n  - id: span-collapse\n    about: collapse of the span\n    words: [collapse, collapsed, gave way]\n    near: [bridge]\n    date: 2026-02-28\n",
    );
    let sentence = "The old bridge gave way on Friday, officials said on Monday. ";
    let mut article = String::from("---\npublished: 2026-03-03\n---\n\n");
    while article.len() < 4_000_000 {
        article.push_str(sentence);
        if article.len() % 1000 < sentence.len() {
            article.push_str("\n\n");
        }
    }
    let (t, found) = time_check(article, &rules);
    assert!(found > 0, "the dates are checked");
    (
        "4 MB article, event with a two-word phrase".to_owned(),
        t,
        Duration::from_secs(2),
    )
}

fn bench_rule_files() -> (String, Duration, Duration) {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..10_000 {
        let yaml = format!(
            "entities:\n  - name: Person{i} Example\nfacts:\n  - id: fact-{i}\n    about: item {i}\n    noun: item\n    values:\n      - value: {i}\n        from: 2026-01-01\nevents:\n  - id: event-{i}\n    words: [happening{i}]\n    date: 2026-02-01\nquotes:\n  - id: quote-{i}\n    speaker: Person{i} Example\n    text: \"Words number {i} were said.\"\n",
        );
        std::fs::write(dir.path().join(format!("r{i:05}.yaml")), yaml).expect("write rule file");
    }
    let start = Instant::now();
    let set = load_rules(&[dir.path().to_owned()]).expect("rules load");
    let t = start.elapsed();
    assert_eq!(set.files.len(), 10_000);
    ("10,000 rule files".to_owned(), t, Duration::from_secs(1))
}

/// A text of `n` sentences, each made of invented words and one figure,
/// published on the bench's day.
fn figure_sentences(n: usize, seed: usize, offset: usize) -> String {
    let mut text = String::from("---\npublished: 2026-03-03\n---\n\n");
    for i in 0..n {
        let w = words(12, seed + i);
        text.push_str(&format!(
            "The {} {} sold {} {} to the {} {} for {} {}.\n\n",
            w[0],
            w[1],
            i + offset,
            w[2],
            w[3],
            w[4],
            w[5],
            w[6..].join(" ")
        ));
    }
    text
}

/// A 2,000-sentence rewrite checked against its 2,000-sentence source of
/// the same day, every figure changed: CC107 finds each sentence's source
/// through the source's word index, not by comparing every pair.
fn bench_restatement() -> (String, Duration, Duration) {
    let n = 2_000;
    let empty = RuleSet::default();
    let source = extract_all(
        vec![Article::from_source(
            "source.md",
            figure_sentences(n, 7, 10_000),
            None,
        )],
        &empty,
    );
    let (sa, sc) = &source[0];
    let coverage = [Checked {
        article: sa,
        claims: sc,
    }];
    let index = CoverageIndex::build(&coverage);
    let rewrite = extract_all(
        vec![Article::from_source(
            "rewrite.md",
            figure_sentences(n, 7, 20_000),
            None,
        )],
        &empty,
    );
    let (a, c) = &rewrite[0];
    let target = Checked {
        article: a,
        claims: c,
    };
    let start = Instant::now();
    let cx = CheckContext::new(target, &empty, &coverage, &index, 2);
    let found = run_checks(&cx).iter().filter(|f| f.code == "CC107").count();
    let t = start.elapsed();
    assert!(found >= n / 2, "the changed figures are found ({found})");
    (
        "2,000-sentence rewrite of a 2,000-sentence source".to_owned(),
        t,
        Duration::from_secs(1),
    )
}

/// Print one result as soon as it is known; whether it is over budget.
fn report(name: &str, t: Duration, budget: Duration) -> bool {
    let over = t > budget;
    let verdict = if over { "OVER BUDGET" } else { "ok" };
    println!(
        "{name}: {:.3} s (budget {:.1} s) {verdict}",
        t.as_secs_f64(),
        budget.as_secs_f64()
    );
    over
}

fn main() {
    // `cargo bench --bench hostile -- rules` runs the cases whose group
    // (quotes, events, rules, restatement) is named; no name runs all.
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let runs = |group: &str| wanted.is_empty() || wanted.iter().any(|w| w == group);
    let mut over = false;
    if runs("quotes") {
        for (name, t, budget) in bench_quotes() {
            over |= report(&name, t, budget);
        }
    }
    if runs("events") {
        let (name, t, budget) = bench_event_dates();
        over |= report(&name, t, budget);
    }
    if runs("rules") {
        let (name, t, budget) = bench_rule_files();
        over |= report(&name, t, budget);
    }
    if runs("restatement") {
        let (name, t, budget) = bench_restatement();
        over |= report(&name, t, budget);
    }
    if over {
        std::process::exit(1);
    }
}
