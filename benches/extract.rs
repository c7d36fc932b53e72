//! Extraction throughput: the whole extraction pass (every registered
//! extractor) over ~25 MB of article bodies, on one core; then the same
//! with the subject layer, which every command but `extract` adds.
//!
//! Input, in order of preference:
//! - `CLAIMCHECK_BENCH_DIR`: a folder of `.txt` articles;
//! - `CLAIMCHECK_BENCH_ZYTE`: the Zyte article-extraction benchmark's
//!   `ground-truth.json` (its `articleBody` fields), defaulting to
//!   `../shared/data/zyte-article-extraction-benchmark/ground-truth.json`;
//! - otherwise generated news-like text, so the bench runs anywhere.
//!
//! The bodies are run repeatedly until ~25 MB (`CLAIMCHECK_BENCH_MB`) have
//! been processed. Prints MB/s of wall time, MB/s per core (content MB per
//! CPU-second: the figure the speed bar is stated in, since it does not
//! depend on what else the machine runs) and the peak RSS (Linux `VmHWM`);
//! memory must stay flat because each article is dropped after extraction.
//!
//! Run: `cargo bench --bench extract`.

/// The allocator the `claimcheck` binary runs with, so the figures are its.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use claimcheck::extract::extract_claims;
use claimcheck::rules::RuleSet;
use claimcheck::source::Article;
use claimcheck::subject::StemTable;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let bodies = load_bodies();
    let unique: usize = bodies.iter().map(String::len).sum();
    let target_mb: f64 = std::env::var("CLAIMCHECK_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(25.0);
    let rounds = ((target_mb * 1e6) / unique.max(1) as f64).ceil().max(1.0) as usize;
    let rules = RuleSet::default();
    // Extraction alone (what `extract` runs), then with the subject layer
    // (what `check`, `audit` and `index build` run on every article).
    run(
        "extract",
        &bodies,
        rounds,
        |_| (),
        |a, ()| extract_claims(a, &rules).claims.len(),
    );
    // A run keeps the stems of the words it has seen (`StemTable`); the
    // bench starts a new table each round, so what a round saves is only
    // what its own distinct bodies share.
    run(
        "extract + subjects",
        &bodies,
        rounds,
        |_| StemTable::new(),
        |a, stems| extract_claims(a, &rules).with_subjects(stems).claims.len(),
    );
}

/// Time `f` over `rounds` passes of `bodies`, with a state made by
/// `round` at the start of each; print one line of figures.
fn run<S>(
    label: &str,
    bodies: &[String],
    rounds: usize,
    round: impl Fn(usize) -> S,
    f: impl Fn(&Article, &mut S) -> usize,
) {
    let published = chrono::NaiveDate::from_ymd_opt(2020, 1, 1);
    let mut bytes = 0usize;
    let mut claims = 0usize;
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    for r in 0..rounds {
        let mut state = round(r);
        for (i, body) in bodies.iter().enumerate() {
            let article = Article::from_source(format!("{r}-{i}.txt"), body.clone(), published);
            claims += f(&article, &mut state);
            bytes += body.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds().map(|c| c - cpu_start.unwrap_or(0.0));
    println!(
        "{label}: {} articles, {:.1} MB, {} claims, {:.2} s wall, {:.1} MB/s wall, {} per core (CPU time), peak RSS {}",
        bodies.len() * rounds,
        bytes as f64 / 1e6,
        claims,
        secs,
        bytes as f64 / 1e6 / secs,
        cpu.map_or("unknown".to_owned(), |c| format!("{:.1} MB/s", bytes as f64 / 1e6 / c)),
        peak_rss().map_or("unknown".to_owned(), |kb| format!(
            "{:.1} MB",
            kb as f64 / 1e3
        )),
    );
}

fn load_bodies() -> Vec<String> {
    if let Ok(dir) = std::env::var("CLAIMCHECK_BENCH_DIR") {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("CLAIMCHECK_BENCH_DIR is readable")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        return paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
    }
    let zyte = std::env::var("CLAIMCHECK_BENCH_ZYTE").unwrap_or_else(|_| {
        "../shared/data/zyte-article-extraction-benchmark/ground-truth.json".to_owned()
    });
    if let Ok(text) = std::fs::read_to_string(&zyte) {
        if let Ok(serde_json::Value::Object(map)) = serde_json::from_str(&text) {
            let bodies: Vec<String> = map
                .values()
                .filter_map(|v| v.get("articleBody")?.as_str().map(str::to_owned))
                .collect();
            if !bodies.is_empty() {
                eprintln!("bench input: {} bodies from {zyte}", bodies.len());
                return bodies;
            }
        }
    }
    eprintln!("bench input: generated text");
    generated_bodies()
}

/// News-like paragraphs with numbers, dates, quotes and titles.
fn generated_bodies() -> Vec<String> {
    let paras = [
        "Officials said on Tuesday that more than 1,200 flights were cancelled across the region, and about 40 percent of trains ran late.",
        "\"We are doing everything we can,\" Transport Minister Jane Doe told reporters. \"It will take time.\"",
        "The company reported $3.2 billion in revenue for the quarter, up from $2.9 billion a year earlier, according to two people familiar with the matter.",
        "Last week, the council voted 7-2 to approve the plan, which Mayor John Roe called \"a fair deal for everyone\".",
        "At least 12 people were killed and dozens injured when the storm hit over the weekend, police said.",
    ];
    (0..200)
        .map(|i| {
            (0..20)
                .map(|j| paras[(i + j) % paras.len()])
                .collect::<Vec<_>>()
                .join("\n\n")
        })
        .collect()
}

/// CPU time of this process (user + system), from `/proc/self/stat`: the
/// figure that does not depend on what else the machine is doing.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
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
