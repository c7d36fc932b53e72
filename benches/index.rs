//! Coverage at archive scale: a generated archive written to disk, then
//! the `claimcheck` binary run on it as a user would, each run's peak
//! memory taken from the kernel (`wait4`'s rusage).
//!
//! - `extract --format jsonl` over a tenth of the archive and over all of
//!   it: peak RSS must stay flat (under 100 MB) whatever the size;
//! - `index build`: MB of articles per CPU-second (the bar: 10 MB/s per
//!   core), file size;
//! - `check DRAFT --against-index`: wall time and peak RSS (the bar: under
//!   1 s and 500 MB at 100,000 articles), beside `check --against` a tenth
//!   of the archive as files;
//! - `index update` after 100 files change.
//!
//! The archive is invented text by default (about 4 KB an article, dates
//! spread over a year: about 270 a day at 100,000). With
//! `CLAIMCHECK_BENCH_ZYTE=path/to/ground-truth.json` (the Zyte article
//! extraction benchmark) its article bodies are used instead, repeated
//! with varied dates, names and figures. `CLAIMCHECK_BENCH_ARTICLES` sets
//! the count (default 100,000); `CLAIMCHECK_BENCH_DIR` keeps the archive
//! and its index in that folder, and with `CLAIMCHECK_BENCH_REUSE=1` a
//! later run checks the draft against the index kept there without
//! writing, extracting or indexing the archive again. Run: `cargo bench
//! --bench index`.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const FIRST: &[&str] = &[
    "Dana", "Pieter", "Rosa", "Ames", "Tomas", "Ines", "Mara", "Orrin", "Lise", "Bram", "Nell",
    "Idris", "Sefa", "Kato", "Yara", "Edda",
];
const LAST: &[&str] = &[
    "Okafor", "Hale", "Lind", "Keller", "Vey", "Varga", "Quell", "Brandt", "Ostrow", "Fenn",
    "Marsh", "Adeyemi", "Torvik", "Calloway", "Ruiz", "Pell", "Hartig", "Moss",
];
const TITLES: &[&str] = &[
    "Transport Minister",
    "Mayor",
    "Police Chief",
    "Governor",
    "Health Minister",
    "Fire Commissioner",
    "Harbour Master",
];
const PLACES: &[&str] = &[
    "Eastwick",
    "Aldwick",
    "Kestrel",
    "Marlow",
    "Dunmore",
    "Brackenford",
    "Larkfield",
    "Porthaven",
    "Calder",
    "Wyndham",
    "Ostrand",
    "Fellmoor",
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
    "workers",
    "flights",
    "residents",
    "patients",
];
const VERBS: &[&str] = &[
    "closed",
    "opened",
    "reported",
    "inspected",
    "evacuated",
    "rebuilt",
    "counted",
    "visited",
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
const WORDS: &[&str] = &[
    "storm", "council", "budget", "repairs", "season", "crossing", "harbour", "inquiry", "strike",
    "river", "hospital", "station", "contract", "ferry", "plan", "review", "market", "shelter",
    "power", "water", "school", "union", "court", "airport",
];

/// A small deterministic generator (no dependency, same archive each run).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.next() % list.len()]
    }
}

/// The publication date of article `i`: spread over 2025.
fn date(i: usize) -> String {
    let d = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
        + chrono::Duration::days((i * 7919 % 365) as i64);
    d.to_string()
}

/// `n` invented words: what makes each quotation its own.
fn words(rng: &mut Rng, n: usize) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mer", "tis", "van", "ro", "del", "sun", "pa", "gri", "tol", "ben", "is", "ur",
        "fa", "nor",
    ];
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let len = 2 + rng.next() % 2;
        out.push((0..len).map(|_| rng.pick(SYLLABLES)).collect::<String>());
    }
    out.join(" ")
}

/// One invented article of about 4 KB: counts, dates, quotes and titles.
fn invented(i: usize, rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..12 {
        let (first, last, title) = (rng.pick(FIRST), rng.pick(LAST), rng.pick(TITLES));
        let (place, noun, verb, day) = (
            rng.pick(PLACES),
            rng.pick(NOUNS),
            rng.pick(VERBS),
            rng.pick(DAYS),
        );
        let n = 10 + rng.next() % 4000;
        let (w1, w2, w3) = (rng.pick(WORDS), rng.pick(WORDS), rng.pick(WORDS));
        s.push_str(&format!(
            "{title} {first} {last} said on {day} that crews had {verb} {n} {noun} in {place} \
             since the {w1} began, and that the {w2} would be settled within {} weeks. \
             \"The {w1} in {place} {}, and every one of the {n} {noun} will be counted \
             before the {w3} review,\" {last} said of the {w2} in article {i}.\n\n",
            1 + rng.next() % 9,
            words(rng, 8)
        ));
    }
    s
}

/// A Zyte body varied for article `i`: a lead naming someone, and every
/// figure written as digits nudged.
fn varied(body: &str, i: usize, rng: &mut Rng) -> String {
    let (first, last, title, place) = (
        rng.pick(FIRST),
        rng.pick(LAST),
        rng.pick(TITLES),
        rng.pick(PLACES),
    );
    let mut s = format!(
        "{title} {first} {last} of {place} said {} {} were affected (report {i}).\n\n",
        10 + rng.next() % 900,
        rng.pick(NOUNS)
    );
    let mut digits = String::new();
    for c in body.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            let n: u64 = digits.parse().unwrap_or(0);
            let nudge = if i % 3 == 0 { 1 } else { 0 };
            s.push_str(&(n + nudge).to_string());
            digits.clear();
        }
        s.push(c);
    }
    s.push_str(&digits);
    s
}

fn zyte_bodies() -> Option<Vec<String>> {
    let path = std::env::var("CLAIMCHECK_BENCH_ZYTE").ok()?;
    let text = std::fs::read_to_string(&path).expect("CLAIMCHECK_BENCH_ZYTE: readable");
    let v: serde_json::Value = serde_json::from_str(&text).expect("ground-truth JSON");
    let bodies: Vec<String> = v
        .as_object()?
        .values()
        .filter_map(|e| e["articleBody"].as_str().map(str::to_owned))
        .filter(|b| b.len() > 200)
        .collect();
    (!bodies.is_empty()).then_some(bodies)
}

/// Write `count` articles under `dir/part{0..9}/`, returning the bytes.
fn write_archive(dir: &Path, count: usize, bodies: Option<&[String]>) -> u64 {
    let mut rng = Rng(17);
    let mut bytes = 0u64;
    for part in 0..10 {
        std::fs::create_dir_all(dir.join(format!("part{part}"))).unwrap();
    }
    for i in 0..count {
        let body = match bodies {
            Some(b) => varied(&b[i % b.len()], i, &mut rng),
            None => invented(i, &mut rng),
        };
        let text = format!("---\npublished: {}\n---\n\n{body}", date(i));
        bytes += text.len() as u64;
        std::fs::write(dir.join(format!("part{}/{i:06}.md", i % 10)), text).unwrap();
    }
    bytes
}

/// One run of the binary: wall seconds, CPU seconds (user + system),
/// peak RSS in MB, exit status, stderr.
struct Run {
    wall: f64,
    cpu: f64,
    rss_mb: f64,
    status: i32,
    stderr: String,
}

// The child is waited for by wait4(2), which std's `wait` cannot stand in
// for: it does not hand back the child's rusage.
#[allow(clippy::zombie_processes)]
fn run(dir: &Path, args: &[&str]) -> Run {
    let start = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("claimcheck runs");
    let pid = child.id() as libc::pid_t;
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr {
        use std::io::Read;
        let _ = e.read_to_string(&mut stderr);
    }
    let mut status = 0;
    // SAFETY: plain-data out-parameters for wait4(2) on our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4");
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Run {
        wall: start.elapsed().as_secs_f64(),
        cpu: secs(usage.ru_utime) + secs(usage.ru_stime),
        // ru_maxrss is in kilobytes on Linux.
        rss_mb: usage.ru_maxrss as f64 / 1024.0,
        status: libc::WEXITSTATUS(status),
        stderr,
    }
}

/// `check DRAFT --against-index`, three times.
fn check_runs(dir: &Path, count: usize) {
    for i in 0..3 {
        let check = run(dir, &["check", "draft.md", "--against-index", "archive.db"]);
        assert!(check.status < 2, "{}", check.stderr);
        println!(
            "check draft --against-index ({count} articles), run {}: {:.2} s wall, {:.2} CPU-s, peak RSS {:.0} MB",
            i + 1,
            check.wall,
            check.cpu,
            check.rss_mb
        );
    }
}

fn main() {
    let count: usize = std::env::var("CLAIMCHECK_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let bodies = zyte_bodies();
    let kind = if bodies.is_some() {
        "Zyte bodies, varied"
    } else {
        "invented text"
    };
    // CLAIMCHECK_BENCH_DIR keeps the archive, the draft and the index
    // there (for the worked example in docs/scale.md).
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let kept = std::env::var_os("CLAIMCHECK_BENCH_DIR").map(std::path::PathBuf::from);
    let dir = kept.as_deref().unwrap_or(tmp.path());
    if kept.is_some() && std::env::var_os("CLAIMCHECK_BENCH_REUSE").is_some() {
        assert!(
            dir.join("archive.db").is_file() && dir.join("draft.md").is_file(),
            "CLAIMCHECK_BENCH_REUSE: no archive.db and draft.md kept in {}",
            dir.display()
        );
        check_runs(dir, count);
        return;
    }
    let _ = std::fs::remove_dir_all(dir.join("archive"));
    let t = Instant::now();
    let bytes = write_archive(&dir.join("archive"), count, bodies.as_deref());
    let mb = bytes as f64 / 1e6;
    println!(
        "index: archive of {count} articles ({kind}), {mb:.0} MB, written in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    // The draft: a new article in the middle of the year.
    let mut rng = Rng(99);
    let draft_body = match &bodies {
        Some(b) => varied(&b[7], count + 1, &mut rng),
        None => invented(count + 1, &mut rng),
    };
    std::fs::write(
        dir.join("draft.md"),
        format!("---\npublished: 2025-07-01\n---\n\n{draft_body}"),
    )
    .unwrap();

    let tenth = run(dir, &["extract", "archive/part0", "--format", "jsonl"]);
    let all = run(dir, &["extract", "archive", "--format", "jsonl"]);
    assert_eq!(all.status, 0, "{}", all.stderr);
    println!(
        "extract --format jsonl: {:.0} MB of articles: peak RSS {:.0} MB ({:.1} s); all {mb:.0} MB: peak RSS {:.0} MB ({:.1} s, {:.1} MB per CPU-second)",
        mb / 10.0,
        tenth.rss_mb,
        tenth.wall,
        all.rss_mb,
        all.wall,
        mb / all.cpu
    );

    let build = run(dir, &["index", "build", "archive", "--out", "archive.db"]);
    assert_eq!(build.status, 0, "{}", build.stderr);
    let size = std::fs::metadata(dir.join("archive.db")).unwrap().len() as f64 / 1e6;
    println!(
        "index build: {:.1} s wall, {:.1} CPU-s, {:.1} MB/s per core (CPU time), {:.1} MB/s wall; index file {size:.0} MB; peak RSS {:.0} MB",
        build.wall,
        build.cpu,
        mb / build.cpu,
        mb / build.wall,
        build.rss_mb
    );

    check_runs(dir, count);
    let files = run(dir, &["check", "draft.md", "--against", "archive/part0"]);
    println!(
        "check draft --against files ({} articles, for comparison): {:.2} s wall, peak RSS {:.0} MB",
        count / 10,
        files.wall,
        files.rss_mb
    );

    for i in (0..count).step_by((count / 100).max(1)).take(100) {
        let p = dir.join(format!("archive/part{}/{i:06}.md", i % 10));
        let mut text = std::fs::read_to_string(&p).unwrap();
        text.push_str("\nA correction: 12 more volunteers joined on Friday.\n");
        std::fs::write(&p, text).unwrap();
    }
    let update = run(dir, &["index", "update", "archive.db"]);
    assert_eq!(update.status, 0, "{}", update.stderr);
    println!(
        "index update (100 files changed): {:.1} s wall, {:.1} CPU-s; {}",
        update.wall,
        update.cpu,
        update.stderr.trim()
    );
}
