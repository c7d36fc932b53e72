//! Story audit at scale: 10,000 generated articles with about 50 claims
//! each, extracted on every core, grouped by subject, rendered as Markdown
//! and HTML. The bar: under 5 s on 2 cores and under 1 GB.
//!
//! Run: `cargo bench --bench audit` (`CLAIMCHECK_BENCH_ARTICLES` to change
//! the count).

/// The allocator the `claimcheck` binary runs with, so the figures are its.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use claimcheck::audit::audit_subjects;
use claimcheck::check::Checked;
use claimcheck::extract::extract_all;
use claimcheck::render::audit::{AuditLayout, AuditReport};
use claimcheck::rules::RuleSet;
use claimcheck::source::Article;
use std::time::Instant;

const PEOPLE: &[(&str, &str, &str)] = &[
    ("Transport Minister", "Dana", "Okafor"),
    ("Mayor", "Pieter", "Hale"),
    ("Police Chief", "Rosa", "Lind"),
    ("Governor", "Ames", "Keller"),
    ("Health Minister", "Tomas", "Vey"),
];
const NOUNS: &[&str] = &[
    "passengers",
    "homes",
    "bridges",
    "trains",
    "volunteers",
    "schools",
    "roads",
    "families",
];
const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const PLACES: &[&str] = &["Eastwick", "Aldwick", "Kestrel", "Marlow", "Dunmore"];

/// One generated article: about 50 claims over 10 paragraphs.
fn article(i: usize) -> String {
    let day = 1 + i % 28;
    let mut s = format!("---\ntitle: Generated story {i}\npublished: 2026-03-{day:02}\n---\n\n");
    for p in 0..10 {
        let k = i * 31 + p * 7;
        let (title, first, last) = PEOPLE[k % PEOPLE.len()];
        let noun = NOUNS[k % NOUNS.len()];
        let n = 100 + (k % 13) * 10 + usize::from(i % 97 == 0);
        let place = PLACES[k % PLACES.len()];
        let dayname = DAYS[k % DAYS.len()];
        s.push_str(&format!(
            "{title} {first} {last} visited {place} on {dayname}, where about {n} {noun} were affected. \
             \"We will rebuild every road in {place} and help all {n} {noun},\" {last} said.\n\n"
        ));
    }
    s
}

fn main() {
    let count: usize = std::env::var("CLAIMCHECK_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let start = Instant::now();
    let articles: Vec<Article> = (0..count)
        .map(|i| Article::from_source(format!("story/{i:05}.md"), article(i), None))
        .collect();
    let bytes: usize = articles.iter().map(|a| a.source.len()).sum();
    let rules = RuleSet::default();
    let extracted = extract_all(articles, &rules);
    let t_extract = start.elapsed();
    let claims: usize = extracted.iter().map(|(_, c)| c.claims.len()).sum();
    let mut kinds: std::collections::BTreeMap<&str, usize> = Default::default();
    for claim in extracted.iter().flat_map(|(_, c)| &c.claims) {
        *kinds.entry(claim.data.kind_name()).or_default() += 1;
    }
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let checked: Vec<Checked<'_>> = extracted
        .iter()
        .map(|(article, claims)| Checked { article, claims })
        .collect();
    let t = Instant::now();
    let subjects = audit_subjects(&checked, &rules);
    let t_group = t.elapsed();
    let t = Instant::now();
    let bylines = checked
        .iter()
        .map(|c| (c.article.path.clone(), c.article.byline()))
        .collect();
    let report = AuditReport {
        articles: checked.len(),
        subjects: &subjects,
        findings: &[],
        bylines: &bylines,
    };
    // Timeline rows and article names laid out once for both formats.
    let layout = AuditLayout::new(&report);
    let md = layout.markdown();
    let t_md = t.elapsed();
    let t = Instant::now();
    let html = layout.html();
    let t_html = t.elapsed();
    let total = start.elapsed();
    println!(
        "audit: {count} articles, {:.1} MB, {claims} claims ({:.1} per article: {}), {} subjects, \
         extract {:.2} s, group {:.2} s, markdown {:.2} s, html {:.2} s, total {:.2} s, report {} KB md / {} KB html, peak RSS {}",
        bytes as f64 / 1e6,
        claims as f64 / count.max(1) as f64,
        kinds.join(", "),
        subjects.len(),
        t_extract.as_secs_f64(),
        t_group.as_secs_f64(),
        t_md.as_secs_f64(),
        t_html.as_secs_f64(),
        total.as_secs_f64(),
        md.len() / 1024,
        html.len() / 1024,
        peak_rss().map_or("unknown".to_owned(), |kb| format!(
            "{:.0} MB",
            kb as f64 / 1e3
        )),
    );
}

fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}
