//! The editor's latency: re-checking a 5,000-word draft against 200
//! coverage articles and a rule set after an edit, with the rules and the
//! coverage's claims prepared once (the language server's [`Engine`]). The
//! bar: under 100 ms per re-check.
//!
//! Run: `cargo bench --bench server`.

/// The allocator the `claimcheck` binary runs with, so the figures are its.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use claimcheck::config::{Flags, Resolved};
use claimcheck::pipeline::Engine;
use claimcheck::rules::{check_rule_set, parse_rules, RuleSet};
use claimcheck::source::Article;
use std::path::Path;
use std::time::{Duration, Instant};

const PEOPLE: &[(&str, &str, &str)] = &[
    ("Harbour Master", "Ines", "Varro"),
    ("Mayor", "Odile", "Brask"),
    ("Fire Chief", "Teodor", "Quill"),
    ("Governor", "Mirela", "Stroud"),
];
const NOUNS: &[&str] = &[
    "travellers",
    "ferries",
    "crews",
    "cabins",
    "piers",
    "lorries",
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const PLACES: &[&str] = &["Quellport", "Ardlow", "Fenmere", "Saltby"];

const RULES: &str = "\
entities:
  - name: Ines Varro
    kind: person
    aliases: [Varro]
    roles:
      - title: Harbour Master
        org: Quellport
        from: 2020-01-01
  - name: Odile Brask
    kind: person
    aliases: [Brask]
    roles:
      - title: Mayor
        org: Ardlow
        from: 2021-05-01
facts:
  - id: ferry-stranded
    about: travellers stranded by the ferry strike
    noun: traveller
    context: [stranded]
    values:
      - value: 212
        from: 2026-04-01
";

/// One paragraph of about 100 words with a few claims.
fn paragraph(k: usize) -> String {
    let (title, first, last) = PEOPLE[k % PEOPLE.len()];
    let noun = NOUNS[k % NOUNS.len()];
    let place = PLACES[k % PLACES.len()];
    let day = DAYS[k % DAYS.len()];
    let n = 100 + (k % 11) * 7;
    format!(
        "{title} {first} {last} went to {place} on {day}, where about {n} {noun} were stranded \
         by the strike. The harbour office said the queue of vehicles reached the ring road by \
         noon and that volunteers handed out water and blankets through the afternoon. \
         \"We will keep every pier open in {place} until all {n} {noun} are moved,\" {last} \
         said, adding that the talks with the unions would resume before the weekend if the \
         weather allowed the evening crossings to run again.\n\n"
    )
}

fn article(i: usize, paragraphs: usize) -> String {
    let day = 1 + i % 5;
    let mut s = format!("---\npublished: 2026-04-{day:02}\n---\n\n");
    for p in 0..paragraphs {
        s.push_str(&paragraph(i * 13 + p * 3));
    }
    s
}

fn main() {
    let mut rules = RuleSet::default();
    parse_rules(Path::new("rules.yaml"), RULES, &mut rules).expect("valid rules");
    check_rule_set(&rules).expect("valid rules");
    let t = Instant::now();
    let coverage: Vec<Article> = (0..200)
        .map(|i| Article::from_source(format!("coverage/{i:03}.md"), article(i, 5), None))
        .collect();
    let coverage = claimcheck::extract::extract_all(coverage, &rules);
    let config = Resolved::defaults(&Flags::default(), Path::new("/")).expect("defaults");
    let engine = Engine::new(config, rules, coverage);
    let t_prepare = t.elapsed();
    let draft = article(7, 62);
    let words = draft.split_whitespace().count();
    let mut times: Vec<Duration> = Vec::new();
    let mut findings = 0;
    for edit in 0..20 {
        // An edit: one figure changed.
        let text = draft.replacen("about 1", &format!("about {}", 2 + edit % 7), 1);
        let t = Instant::now();
        let article = Article::from_source("draft.md", text, None);
        let claims = engine.extract(&article);
        findings = engine.check(&article, &claims).len();
        times.push(t.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "server: {words}-word draft against 200 coverage articles (prepared in {:.0} ms): \
         re-check after an edit median {:.1} ms, max {:.1} ms ({findings} findings; bar 100 ms)",
        ms(t_prepare),
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1]),
    );
}
