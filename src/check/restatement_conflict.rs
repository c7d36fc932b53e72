//! CC107 restatement-conflict: a summary, rewrite or update that changes a
//! figure, date or quotation of the coverage it restates.

use super::quote_text::{is_same_words, quote_words};
use super::{finding_at, sentence_evidence, CheckContext, Checked, Mode, Run};
use crate::extract::{Claim, ClaimData, Interval, Modifier, TemporalKind};
use crate::finding::{Finding, Severity};
use crate::subject::{restates, shared_share, Figure, FigureValue, SentenceIndex, Unit};
use chrono::Datelike;

declare_check! {
    /// ## What it does
    /// Decides whether the checked text restates its coverage (most of its
    /// content words are those of one coverage article of the same day or
    /// undated, and most of its sentences say what one of the article's
    /// says: a summary, a rewrite for another desk, a wire update) or adds
    /// to it. In a
    /// restatement, every number (in digits or words, with its scale),
    /// month, weekday and quotation must be in the coverage it restates:
    /// one that is not is a warning, with the coverage sentence that says
    /// the same thing as evidence when there is one. A figure rounded from
    /// the coverage's ("3.2 billion" for "3,240 million") is the same
    /// figure. A figure stated as a change ("sales rose to $318 million")
    /// is no exception: a restatement reports the coverage's change, so
    /// its figure must be the coverage's. A text that adds to its coverage is left to the other
    /// checks. `mode: restatement` (or `--mode restatement`) takes the
    /// text as a restatement of all its coverage without deciding;
    /// `mode: article` switches this check off. A restatement with nothing
    /// to report gets a note saying what it was taken to restate.
    ///
    /// ## Why is this bad
    /// A restatement has nothing to add: a figure its source does not
    /// state was changed or invented on the way, which is the error a
    /// desk most wants caught.
    ///
    /// ## Example
    /// The coverage says "the storm closed 14 schools on Tuesday"; a
    /// summary of it says "the storm closed 41 schools on Tuesday": 41 is
    /// not in the coverage, a warning.
    pub(crate) struct RestatementConflict {
        code: "CC107",
        name: "restatement-conflict",
    }
}

/// How similar a coverage sentence must be to be shown as the one the
/// restated sentence comes from.
const MIN_SOURCE_SIMILARITY: f32 = 0.3;

impl Run for RestatementConflict {
    fn run(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let target = cx.target;
        let subjects = &target.claims.subjects;
        let vocabulary = subjects.vocabulary();
        let others = cx.other_articles().map(|(i, a)| (a, &cx.index.vocab[i]));
        let sources: Vec<Source<'_>> = match cx.mode {
            Mode::Article => return,
            Mode::Restatement => others.map(|(a, _)| Source::new(a)).collect(),
            Mode::Auto => others
                .filter(|(a, _)| is_same_day(target, *a))
                .filter_map(|(a, v)| {
                    let digest = is_digest(target, a, shared_share(&vocabulary, v));
                    if !digest && !restates(&vocabulary, v) {
                        return None;
                    }
                    let source = Source::new(a);
                    (digest || restates_sentences(target, &source, &vocabulary)).then_some(source)
                })
                .collect(),
        };
        if sources.is_empty() {
            return;
        }
        let articles: Vec<Checked<'_>> = sources.iter().map(|a| a.article).collect();
        let known = Known::of(&articles);
        let names: Vec<String> = articles
            .iter()
            .map(|a| a.article.path.display().to_string())
            .collect();
        let note = format!("checked as a restatement of {}", names.join(", "));
        let doc = &target.claims.doc;
        let before = out.len();
        let mut reported: Vec<std::ops::Range<usize>> = Vec::new();
        let claims = &target.claims.claims;
        // A figure of a length of time is judged with its length: "a
        // 12-month contract" restates "a one-year contract".
        let in_known_duration = first_holders(&subjects.figures, claims, |c| {
            matches!(&c.data, ClaimData::Temporal(t)
                if t.kind == TemporalKind::Duration
                    && duration_days(&t.timex)
                        .is_some_and(|d| known.durations.binary_search(&d).is_ok()))
        });
        // A figure inside a count or date claim is reported on the claim,
        // where the other checks report it too.
        let holders = first_holders(&subjects.figures, claims, |c| {
            matches!(c.data, ClaimData::Count(_) | ClaimData::Date(_))
        });
        for (k, fig) in subjects.figures.iter().enumerate() {
            let swapped = doc
                .sentence_at(fig.prose.start)
                .is_some_and(|s| is_swapped(target, s, fig, &sources));
            if !swapped && known.supports(fig) || in_known_duration[k].is_some() {
                continue;
            }
            let holder = holders[k];
            // A hedged count ("more than £800,000") is supported by a
            // figure of the coverage its wording allows (£861,450); a
            // range's ends are figures of their own.
            if let Some(ClaimData::Count(n)) = holder.map(|c| &c.data) {
                let hedged = !matches!(
                    n.modifier,
                    Modifier::Exact | Modifier::Range | Modifier::Many
                );
                if hedged && known.has_within(&near_bound(n)) {
                    continue;
                }
                // "Two friends, Ines and Tomas": as many names as the
                // count, each in the coverage, state it.
                let end = holder.map_or(fig.prose.end, |c| c.prose.end);
                if let Some(names) = names_listed_after(&doc.text[end..]) {
                    if names.len() as f64 == n.value
                        && names
                            .iter()
                            .all(|name| articles.iter().any(|a| a.claims.doc.text.contains(name)))
                    {
                        continue;
                    }
                }
            }
            let (range, kind) = match holder {
                Some(c) => (c.prose.clone(), c.data.kind_name()),
                None => match fig.value {
                    FigureValue::Number { .. } => (fig.prose.clone(), "count"),
                    _ => (fig.prose.clone(), "date"),
                },
            };
            if reported.contains(&range) {
                continue;
            }
            reported.push(range.clone());
            let text = &doc.text[range.clone()];
            let mut f = self.finding(cx, range, text, kind, &names);
            if let Some(s) = doc.sentence_at(fig.prose.start) {
                add_source_sentence(&mut f, target, s, &sources);
            }
            f.notes.push(note.clone());
            out.push(f);
        }
        // Claims the figures alone let pass: a length of time, an age,
        // score or ordinal, or a day the coverage never gives.
        for claim in &target.claims.claims {
            let Some(kind) = known.misses(claim) else {
                continue;
            };
            if reported.contains(&claim.prose) {
                continue;
            }
            reported.push(claim.prose.clone());
            let mut f = self.finding(cx, claim.prose.clone(), &claim.text, kind, &names);
            if let Some(s) = claim.sentence {
                add_source_sentence(&mut f, target, s, &sources);
            }
            f.notes.push(note.clone());
            out.push(f);
        }
        for claim in &target.claims.claims {
            if !matches!(claim.data, ClaimData::Quote(_)) {
                continue;
            }
            let words = quote_words(&claim.text);
            if words.words.len() < 3 || known.quotes(&words) {
                continue;
            }
            let mut f = self.finding(cx, claim.prose.clone(), &claim.text, "quote", &names);
            f.message = format!(
                "quotation \"{}\" is not in the coverage this restates ({})",
                claim.text.trim(),
                names.join(", ")
            );
            if let Some(s) = claim.sentence {
                add_source_sentence(&mut f, target, s, &sources);
            }
            f.notes.push(note.clone());
            out.push(f);
        }
        // A clean restatement says what it was taken to be (its warnings
        // say it in their notes): a desk reads a clean restatement
        // differently from a clean article.
        if out.len() > before {
            return;
        }
        if let Some(first) = doc.sentences.first() {
            let span = target
                .article
                .prose
                .span(first.range.start, first.range.end);
            let message = format!(
                "taken as a restatement of {}: its figures, dates and quotations were checked against it",
                names.join(", ")
            );
            let text = &doc.text[first.range.clone()];
            out.push(finding_at(
                self,
                target.article,
                span,
                text,
                "text",
                Severity::Note,
                message,
            ));
        }
    }
}

impl RestatementConflict {
    fn finding(
        &self,
        cx: &CheckContext<'_>,
        prose: std::ops::Range<usize>,
        text: &str,
        kind: &'static str,
        names: &[String],
    ) -> Finding {
        let article = cx.target.article;
        let span = article.prose.span(prose.start, prose.end);
        let message = format!(
            "{} is not in the coverage this restates ({})",
            text.trim(),
            names.join(", ")
        );
        finding_at(self, article, span, text, kind, Severity::Warning, message)
    }
}

/// For each figure of `figures` (in prose order), the first claim of
/// `claims` that `holds` and contains it: one pass over the claims, each
/// looking only at the figures inside it.
fn first_holders<'c>(
    figures: &[Figure],
    claims: &'c [Claim],
    holds: impl Fn(&Claim) -> bool,
) -> Vec<Option<&'c Claim>> {
    debug_assert!(figures.is_sorted_by_key(|f| f.prose.start));
    let mut out = vec![None; figures.len()];
    for c in claims.iter().filter(|c| holds(c)) {
        let from = figures.partition_point(|f| f.prose.start < c.prose.start);
        let inside = figures[from..]
            .iter()
            .take_while(|f| f.prose.start < c.prose.end);
        for (k, f) in inside.enumerate() {
            if f.prose.end <= c.prose.end && out[from + k].is_none() {
                out[from + k] = Some(c);
            }
        }
    }
    out
}

/// Sentences with fewer content words than this say too little to tell
/// a restatement from an article.
const MIN_SENTENCE_WORDS: usize = 3;

/// How similar a sentence must be to one of the coverage's to restate it.
const MIN_RESTATED_SIMILARITY: f32 = 0.2;

/// Share of the text's sentences that must restate one of the coverage
/// article's for the text to restate the article: a summary or rewrite
/// restates nearly all; a follow-up that adds facts, few.
const MIN_RESTATED_SENTENCES: f32 = 0.5;

/// Whether `source` could be what `target` restates in auto mode: undated,
/// or published the same day. A text dated days after its coverage
/// reports that day's news in the coverage's words (a market report, a
/// follow-up), and its new figures are news, not copying errors.
fn is_same_day(target: Checked<'_>, source: Checked<'_>) -> bool {
    match (target.article.published, source.article.published) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Most sentences a digest has: a headline with its standfirst, a
/// one-paragraph summary.
const MAX_DIGEST_SENTENCES: usize = 3;

/// Share of a digest's content words that must be its story's: enough to
/// be about the same story, however freely worded.
const MIN_DIGEST_SHARE: f32 = 0.2;

/// Whether `target` is a digest of `source`: a few sentences about the
/// same story (`shared`: the share of its content words that are the
/// story's) against an article at least twice as long. Checked against
/// the story it digests (same day or undated), a headline, standfirst or
/// summary has nothing of its own to add, however freely it words it.
fn is_digest(target: Checked<'_>, source: Checked<'_>, shared: f32) -> bool {
    let sentences = |a: Checked<'_>| {
        a.claims
            .subjects
            .sentences
            .iter()
            .filter(|t| t.stems.len() >= MIN_SENTENCE_WORDS)
            .count()
    };
    let mine = sentences(target);
    shared >= MIN_DIGEST_SHARE
        && (1..=MAX_DIGEST_SENTENCES).contains(&mine)
        && sentences(source) >= 2 * mine
}

/// Whether most of `target`'s sentences restate `source`: each says what
/// one of its sentences says, or is made of its words (a summary merges
/// several of the article's sentences into one).
fn restates_sentences(
    target: Checked<'_>,
    source: &Source<'_>,
    vocabulary: &[crate::subject::Stem],
) -> bool {
    let mine: Vec<_> = target
        .claims
        .subjects
        .sentences
        .iter()
        .filter(|t| t.stems.len() >= MIN_SENTENCE_WORDS)
        .collect();
    if mine.is_empty() {
        return false;
    }
    let restated = mine
        .iter()
        .filter(|t| {
            restates(&t.stems, vocabulary)
                || source
                    .sentences
                    .best(t)
                    .is_some_and(|(sim, _, _)| sim >= MIN_RESTATED_SIMILARITY)
        })
        .count();
    restated as f32 >= MIN_RESTATED_SENTENCES * mine.len() as f32
}

/// A coverage article the checked text restates, with its sentences
/// indexed by content word.
struct Source<'a> {
    article: Checked<'a>,
    sentences: SentenceIndex,
}

impl<'a> Source<'a> {
    fn new(article: Checked<'a>) -> Source<'a> {
        let sentences = SentenceIndex::new([article.claims.subjects.sentences.as_slice()]);
        Source { article, sentences }
    }
}

/// The coverage sentence most like sentence `s` of the target, with its
/// similarity; the later one on a tie.
fn best_source_sentence<'a>(
    target: Checked<'_>,
    s: usize,
    sources: &[Source<'a>],
) -> Option<(f32, Checked<'a>, usize)> {
    let mine = &target.claims.subjects.sentences[s];
    sources
        .iter()
        .enumerate()
        .filter_map(|(k, a)| a.sentences.best(mine).map(|(sim, _, i)| (sim, k, i)))
        .max_by(|x, y| x.0.total_cmp(&y.0).then((x.1, x.2).cmp(&(y.1, y.2))))
        .map(|(sim, k, i)| (sim, sources[k].article, i))
}

/// How similar the coverage sentence must be for its figure to be the
/// one a restated sentence must keep.
const MIN_SWAP_SIMILARITY: f32 = 0.5;

/// The figures of a unit in the prose range `range` of `a`.
fn figures_in<'a>(
    a: &'a crate::extract::ArticleClaims,
    range: &std::ops::Range<usize>,
    unit: Unit,
) -> Vec<&'a Figure> {
    a.subjects
        .figures
        .iter()
        .filter(|f| range.start <= f.prose.start && f.prose.end <= range.end)
        .filter(|f| matches!(f.value, FigureValue::Number { unit: u, .. } if u == unit))
        .collect()
}

/// Whether a figure of the target's sentence `s` was swapped for another
/// of the coverage: the sentence says nearly what one coverage sentence
/// says, each has exactly one figure of this unit, and the two differ
/// ("a 10% discount on orders" where the coverage's sentence offers 15%,
/// though 10% is in the coverage elsewhere).
fn is_swapped(target: Checked<'_>, s: usize, fig: &Figure, sources: &[Source<'_>]) -> bool {
    let FigureValue::Number { unit, .. } = fig.value else {
        return false;
    };
    if unit == Unit::Plain {
        return false;
    }
    let Some((sim, a, i)) = best_source_sentence(target, s, sources) else {
        return false;
    };
    let mine = figures_in(target.claims, &target.claims.doc.sentences[s].range, unit);
    let theirs = figures_in(a.claims, &a.claims.doc.sentences[i].range, unit);
    let [other] = theirs.as_slice() else {
        return false;
    };
    let FigureValue::Number { value, scaled, .. } = other.value else {
        return false;
    };
    sim >= MIN_SWAP_SIMILARITY
        && mine.len() == 1
        && !fig.value.intervals().iter().flatten().any(|&(lo, hi)| {
            [Some(value), scaled]
                .iter()
                .flatten()
                .any(|v| lo <= *v && *v <= hi)
        })
}

/// The coverage sentence most like sentence `s` of the target, as
/// evidence, when one is like it at all.
fn add_source_sentence(f: &mut Finding, target: Checked<'_>, s: usize, sources: &[Source<'_>]) {
    let best = best_source_sentence(target, s, sources);
    if let Some((sim, a, i)) = best.filter(|b| b.0 >= MIN_SOURCE_SIMILARITY) {
        let mut e = sentence_evidence(a, i);
        e.alignment = Some(crate::subject::Alignment {
            slots: vec!["sentence"],
            permille: (sim * 1000.0).round() as u16,
        });
        f.evidence.push(e);
    }
}

/// The names listed in apposition at the start of `rest`, the text right
/// after a count: ", Ines and Tomas," gives both. Each name is one or two
/// capitalised words; the list ends at a comma or a full stop.
fn names_listed_after(rest: &str) -> Option<Vec<&str>> {
    let list = rest.strip_prefix(", ")?;
    let end = list.find([',', '.', ';', ':']).unwrap_or(list.len());
    let (list, tail) = list.split_at(end);
    if !tail.is_empty() && !tail.starts_with([',', '.']) {
        return None;
    }
    let mut names = Vec::new();
    for part in list.split(" and ") {
        let words: Vec<&str> = part.split_whitespace().collect();
        let capitalised = words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(char::is_alphabetic)
        });
        if words.is_empty() || words.len() > 2 || !capitalised {
            return None;
        }
        names.push(part.trim());
    }
    (names.len() >= 2).then_some(names)
}

/// A TIMEX3 duration ("P6M", "P2W", "P1Y") as a length in days, months
/// counted as 30 and years as 360 so that "P1Y" and "P12M" agree; `None`
/// for times of day, vague or fractional lengths.
fn duration_days(timex: &str) -> Option<u32> {
    let rest = timex.strip_prefix('P')?;
    let unit = rest.chars().last()?;
    let n: u32 = rest[..rest.len() - unit.len_utf8()].parse().ok()?;
    let per = match unit {
        'D' => 1,
        'W' => 7,
        'M' => 30,
        'Y' => 360,
        _ => return None,
    };
    n.checked_mul(per)
}

/// How far above "more than N" (or below "fewer than N") a coverage figure
/// may lie for the hedge to restate it: "more than £800,000" for £861,450,
/// not for £2 million.
const HEDGE_REACH: f64 = 0.25;

/// The part of a hedged count's interval near its stated bound.
fn near_bound(n: &crate::extract::Count) -> Interval {
    let mut i = n.interval;
    if i.hi.is_infinite() {
        i.hi = n.value * (1.0 + HEDGE_REACH);
    }
    if i.lo == 0.0 && n.value > 0.0 {
        i.lo = n.value * (1.0 - HEDGE_REACH);
    }
    i
}

/// The unit a count's noun gives its value.
fn count_unit(noun: &str) -> Unit {
    match noun {
        "percent" => Unit::Percent,
        n if crate::lexicon::nouns::MONEY_NOUNS.contains(&n) => Unit::Money,
        _ => Unit::Plain,
    }
}

/// What the restated coverage states: its numbers (sorted), months,
/// weekdays and text as quotation words.
struct Known {
    numbers: Vec<(f64, Unit)>,
    /// The single days the coverage's dates name, sorted.
    days: Vec<chrono::NaiveDate>,
    /// The lengths of the coverage's durations in days (TIMEX3 values
    /// turned into days: "P1Y" and "P12M" are one length), sorted.
    durations: Vec<u32>,
    months: [bool; 13],
    weekdays: [bool; 7],
    texts: Vec<super::quote_text::QuoteWords>,
}

impl Known {
    fn of(sources: &[Checked<'_>]) -> Known {
        let mut k = Known {
            numbers: Vec::new(),
            days: Vec::new(),
            durations: Vec::new(),
            months: [false; 13],
            weekdays: [false; 7],
            texts: Vec::new(),
        };
        for a in sources {
            for fig in &a.claims.subjects.figures {
                match fig.value {
                    FigureValue::Number {
                        value,
                        scaled,
                        unit,
                        ..
                    } => {
                        // A scaled figure is its scaled value only.
                        k.numbers.push((scaled.unwrap_or(value), unit));
                    }
                    FigureValue::Ordinal(n) => k.numbers.push((f64::from(n), Unit::Plain)),
                    FigureValue::Month(m) => k.months[m as usize % 13] = true,
                    FigureValue::Weekday(d) => k.weekdays[d as usize % 7] = true,
                }
            }
            for c in &a.claims.claims {
                match &c.data {
                    ClaimData::Count(n) => k.numbers.push((n.value, count_unit(&n.noun))),
                    ClaimData::Date(d) => {
                        if let Some(v) = d.value {
                            k.add_dates(v.start, v.end);
                        }
                    }
                    ClaimData::Temporal(t) if t.kind == TemporalKind::Duration => {
                        k.durations.extend(duration_days(&t.timex));
                    }
                    _ => {}
                }
            }
            k.texts.push(quote_words(&a.claims.doc.text));
        }
        k.numbers.retain(|(v, _)| v.is_finite());
        k.numbers
            .sort_by(|a, b| a.0.total_cmp(&b.0).then((a.1 as u8).cmp(&(b.1 as u8))));
        k.numbers.dedup();
        k.days.sort_unstable();
        k.days.dedup();
        k.durations.sort_unstable();
        k.durations.dedup();
        k
    }

    /// The kind of `claim` when the coverage does not state it, for the
    /// claims a figure alone does not judge: a length of time the coverage
    /// never gives ("a 4-month trial" for its 9-month one, when it gives
    /// lengths at all), an age, score or ordinal it never states, or a
    /// day changed within a month it dates by day ("May 16" for its
    /// May 17).
    fn misses(&self, claim: &crate::extract::Claim) -> Option<&'static str> {
        match &claim.data {
            ClaimData::Temporal(t) if t.kind == TemporalKind::Duration => {
                let days = duration_days(&t.timex)?;
                (!self.durations.is_empty() && self.durations.binary_search(&days).is_err())
                    .then_some("duration")
            }
            ClaimData::Figure(g) => {
                let stated = |v: f64| self.has_within(&Interval::exact(v));
                (!(stated(g.value) && g.other.is_none_or(stated))).then_some("figure")
            }
            ClaimData::Date(d) => {
                let v = d.value.filter(|v| v.start == v.end && !d.relative)?;
                self.misses_day(v.start).then_some("date")
            }
            _ => None,
        }
    }

    /// Whether the coverage names other days of `day`'s month, but not
    /// `day`: "May 16" where the coverage's deadline is May 17.
    fn misses_day(&self, day: chrono::NaiveDate) -> bool {
        let first = day.with_day(1).unwrap_or(day);
        let i = self.days.partition_point(|d| *d < first);
        let same_month: Vec<_> = self.days[i..]
            .iter()
            .take_while(|d| (d.year(), d.month()) == (day.year(), day.month()))
            .collect();
        !same_month.is_empty() && !same_month.contains(&&day)
    }

    /// A resolved date of the coverage: its years, its month when it lies
    /// in one, its day and weekday when it is one day.
    fn add_dates(&mut self, start: chrono::NaiveDate, end: chrono::NaiveDate) {
        for y in start.year()..=end.year().min(start.year() + 1) {
            self.numbers.push((f64::from(y), Unit::Plain));
        }
        if (start.year(), start.month()) == (end.year(), end.month()) {
            self.months[start.month() as usize] = true;
        }
        if start == end {
            self.days.push(start);
            self.numbers.push((f64::from(start.day()), Unit::Plain));
            self.weekdays[start.weekday().num_days_from_monday() as usize] = true;
        }
    }

    fn supports(&self, fig: &Figure) -> bool {
        match fig.value {
            FigureValue::Ordinal(_) => true,
            FigureValue::Month(m) => self.months[m as usize % 13],
            FigureValue::Weekday(d) => self.weekdays[d as usize % 7],
            FigureValue::Number { unit, .. } => {
                fig.value.intervals().iter().flatten().any(|&(lo, hi)| {
                    let i = self.numbers.partition_point(|&(v, _)| v < lo);
                    self.numbers[i..]
                        .iter()
                        .take_while(|(v, _)| *v <= hi)
                        .any(|(_, u)| unit.supported_by(*u))
                })
            }
        }
    }

    /// Whether some number of the coverage lies in `interval`.
    fn has_within(&self, interval: &Interval) -> bool {
        let i = self.numbers.partition_point(|&(v, _)| v < interval.lo);
        self.numbers[i..]
            .iter()
            .take_while(|(v, _)| *v <= interval.hi)
            .any(|(v, _)| interval.contains(*v))
    }

    fn quotes(&self, words: &super::quote_text::QuoteWords) -> bool {
        self.texts.iter().any(|t| is_same_words(words, t))
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Case, PUBLISHED};
    use crate::finding::Severity;

    const STORY: &str =
        "The storm closed 14 schools across the county on Tuesday, officials said. \
        Repairs will cost $3.24 billion, the council said in March. \
        \"We have never seen water this high,\" the mayor said.";

    /// A text checked against [`STORY`] published the same day.
    fn summary(text: &str) -> Case<'_> {
        Case::new(text).coverage_on(STORY, PUBLISHED)
    }

    /// The warnings of every check on `text` restating `source`, with the
    /// text published on `on` and the source on `source_on`.
    fn warnings(text: &str, on: &str, source: &str, source_on: &str) -> Vec<String> {
        let mut case = Case::new(text)
            .published(Some(on))
            .coverage_on(source, source_on);
        case.mode = crate::check::Mode::Restatement;
        case.run(None)
            .into_iter()
            .filter(|f| f.severity >= Severity::Warning)
            .map(|f| format!("{} {}", f.code, f.message))
            .collect()
    }

    #[test]
    fn paraphrase_is_not_a_change() {
        let same_day = |text, source| warnings(text, PUBLISHED, source, PUBLISHED);
        // Another noun of the figure's family.
        let arrests = "Police made 95 arrests after the match, officers said.";
        assert_eq!(
            same_day(
                "95 people were arrested after the match, officers said.",
                arrests
            ),
            Vec::<String>::new()
        );
        assert_ne!(
            same_day(
                "59 people were arrested after the match, officers said.",
                arrests
            ),
            Vec::<String>::new()
        );
        // A rounded figure with a hedge.
        let homes = "The fire destroyed 1,187 homes in the valley.";
        assert_eq!(
            same_day("The fire destroyed about 1,200 homes in the valley.", homes),
            Vec::<String>::new()
        );
        assert_ne!(
            same_day("The fire destroyed 1,200 homes in the valley.", homes),
            Vec::<String>::new()
        );
        // A unit conversion the source gives.
        let area = "The fire burned 6,000 hectares, or about 15,000 acres, of forest.";
        assert_eq!(
            same_day("The fire burned about 15,000 acres of forest.", area),
            Vec::<String>::new()
        );
        // A quotation shortened with an ellipsis.
        let quote = "\"We have never seen water this high in the valley,\" the mayor said.";
        assert_eq!(
            same_day(
                "\"We have never seen water ... this high,\" the mayor said.",
                quote
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_percentage_is_stated_only_by_a_percentage() {
        let offer = "Members get a 12% discount on garden tools. \
                     Call us at 10:30 on Tuesday to book a visit.";
        let found = |text| warnings(text, PUBLISHED, offer, PUBLISHED);
        let changed = found("Members get a 10% discount on garden tools.");
        assert!(
            changed.iter().any(|w| w.starts_with("CC107")),
            "{changed:?}"
        );
        // A range's first end is a percentage too.
        let range = "Between 4 and 9% of members renewed in spring, the shop said.";
        let kept = warnings(
            "Between 4% and 9% of members renewed.",
            PUBLISHED,
            range,
            PUBLISHED,
        );
        assert_eq!(kept, Vec::<String>::new());
    }

    #[test]
    fn a_quotation_given_to_another_speaker_or_never_said_is_a_warning() {
        let source = "\"We have never seen water this high,\" said Mayor Ana Ruiz. \
                      Fire Chief Tom Berg said crews worked through the night.";
        let found = |text| warnings(text, PUBLISHED, source, PUBLISHED);
        let moved = found("\"We have never seen water this high,\" said Fire Chief Tom Berg.");
        assert!(moved.iter().any(|w| w.starts_with("CC103")), "{moved:?}");
        let invented = found("\"Crews saved the whole town tonight,\" said Fire Chief Tom Berg.");
        assert!(
            invented.iter().any(|w| w.starts_with("CC107")),
            "{invented:?}"
        );
        assert_eq!(
            found("\"We have never seen water this high,\" said Mayor Ana Ruiz."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_figure_swapped_for_another_of_the_coverage_is_a_warning() {
        let source = "Members get a 12% discount on all garden tools this spring. \
                      Delivery costs 8% of the order for everyone else.";
        let f = summary_of(
            source,
            "Members get a 8% discount on all garden tools this spring.",
        )
        .finds("CC107", "8%");
        assert!(f.evidence[0].text.contains("12%"), "{:?}", f.evidence);
        summary_of(
            source,
            "Members get a 12% discount on all garden tools this spring.",
        )
        .passes("CC107", "12%");
        // A sentence that merges two of the coverage's keeps both figures.
        summary_of(
            source,
            "Members save 12% on garden tools, others pay 8% of the order for delivery.",
        )
        .finds_nothing("CC107");
    }

    #[test]
    fn a_day_changed_within_a_month_the_coverage_dates_by_day_is_a_warning() {
        let source = "Customers who sign up before May 17, 2031 get the bundle for $100.";
        summary_of(
            source,
            "Customers who sign up before May 16, 2031 get the bundle.",
        )
        .finds("CC107", "May 16, 2031");
        summary_of(
            source,
            "Customers who sign up before May 17, 2031 get the bundle.",
        )
        .passes("CC107", "May 17, 2031");
        // A month the coverage gives no day of is left to the figures.
        summary_of(source, "Customers who sign up before June 16, 2031 get it.")
            .finds("CC107", "June 16, 2031");
    }

    #[test]
    fn a_length_of_time_the_coverage_never_gives_is_a_warning() {
        let source = "New members get a 9-month trial of the studio plan, the firm said.";
        summary_of(
            source,
            "New members get a 4-month trial of the studio plan.",
        )
        .finds("CC107", "4-month");
        summary_of(
            source,
            "New members get a 9-month trial of the studio plan.",
        )
        .passes("CC107", "9-month");
        // One length, other words.
        let year = "Members sign a one-year contract with the studio.";
        summary_of(year, "Members sign a 12-month contract with the studio.")
            .passes("CC107", "12-month");
    }

    #[test]
    fn an_age_or_score_the_coverage_never_states_is_a_warning() {
        let source = "Ana Ruiz, 64, led the club to a 3-1 win over Porthaven on Saturday.";
        summary_of(
            source,
            "Ana Ruiz, 46, led the club to a 3-1 win on Saturday.",
        )
        .finds("CC107", "46");
        summary_of(source, "Ana Ruiz led the club to a 3-2 win on Saturday.").finds("CC107", "3-2");
        summary_of(
            source,
            "Ana Ruiz, 64, led the club to a 3-1 win on Saturday.",
        )
        .finds_nothing("CC107");
    }

    #[test]
    fn a_tense_shift_or_a_weekday_for_its_date_is_not_a_change() {
        // Told on Wednesday 4 March as coming, on Saturday as done: one
        // Friday, 6 March.
        let coming = "The mayor is opening the new bridge on Friday, the council said.";
        assert_eq!(
            warnings(
                "The mayor opened the new bridge on Friday, the council said.",
                "2026-03-07",
                coming,
                "2026-03-04"
            ),
            Vec::<String>::new()
        );
        let done = "The mayor opened the new bridge on Friday, the council said.";
        assert_eq!(
            warnings(
                "The mayor opened the new bridge on March 6, the council said.",
                "2026-03-07",
                done,
                "2026-03-07"
            ),
            Vec::<String>::new()
        );
        assert_ne!(
            warnings(
                "The mayor opened the new bridge on March 5, the council said.",
                "2026-03-07",
                done,
                "2026-03-07"
            ),
            Vec::<String>::new()
        );
    }

    /// `text` as a same-day restatement of `source`.
    fn summary_of<'a>(source: &'a str, text: &'a str) -> Case<'a> {
        let mut case = Case::new(text).coverage_on(source, PUBLISHED);
        case.mode = crate::check::Mode::Restatement;
        case
    }

    #[test]
    fn the_output_says_when_a_text_was_taken_as_a_restatement() {
        let taken = |case: Case<'_>| {
            case.run(Some("CC107"))
                .into_iter()
                .filter(|f| f.severity == Severity::Note)
                .map(|f| f.message)
                .collect::<Vec<_>>()
        };
        let clean = "The storm closed 14 schools across the county on Tuesday, officials said.";
        let said = taken(summary(clean));
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(
            said[0].starts_with("taken as a restatement of cov0.md"),
            "{said:?}"
        );
        // One with warnings says it in their notes.
        let changed = "The storm closed 41 schools across the county on Tuesday, officials said.";
        assert_eq!(taken(summary(changed)), Vec::<String>::new());
        // A text of another day than its coverage is news of its own:
        // nothing is said.
        let later = Case::new(clean).coverage_on(STORY, "2031-05-01");
        assert_eq!(taken(later), Vec::<String>::new());
    }

    #[test]
    fn a_text_dated_after_its_coverage_is_not_taken_for_a_restatement() {
        Case::new("The storm closed 41 schools across the county on Tuesday.")
            .coverage(STORY)
            .passes("CC107", "41 schools");
    }

    #[test]
    fn a_changed_figure_in_a_summary_is_a_warning_with_the_source_sentence() {
        let f = summary("The storm closed 41 schools across the county on Tuesday.")
            .finds("CC107", "41 schools");
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.evidence.len(), 1, "{:?}", f.evidence);
        assert!(
            f.evidence[0].text.contains("14 schools"),
            "{:?}",
            f.evidence
        );
    }

    #[test]
    fn a_changed_weekday_or_month_is_a_warning() {
        summary("The storm closed 14 schools across the county on Wednesday.")
            .finds("CC107", "Wednesday");
        summary("Repairs will cost $3.24 billion, the council said in May.").finds("CC107", "May");
    }

    #[test]
    fn a_spelled_out_number_is_compared_by_value() {
        summary("The storm closed fourteen schools across the county on Tuesday.")
            .passes("CC107", "fourteen schools");
        summary("The storm closed forty schools across the county on Tuesday.")
            .finds("CC107", "forty schools");
    }

    #[test]
    fn a_rounded_figure_is_the_same_figure() {
        summary("Repairs to the county will cost $3.2 billion, the council said.")
            .passes("CC107", "$3.2 billion");
    }

    #[test]
    fn a_reworded_quotation_is_a_warning() {
        summary("\"We have never seen water this fast,\" the mayor said of the storm.")
            .finds("CC107", "We have never seen water this fast,");
    }

    #[test]
    fn a_one_sentence_digest_of_a_longer_story_is_a_restatement_however_worded() {
        // Few of the digest's words are the story's, but a standfirst has
        // nothing of its own to add.
        summary("The storm shut 41 village schools and left pupils at home.")
            .finds("CC107", "41 village schools");
        summary("The storm shut 14 village schools and left pupils at home.")
            .passes("CC107", "14 village schools");
    }

    #[test]
    fn an_article_that_adds_to_its_coverage_is_not_a_restatement() {
        summary(
            "Engineers from the national grid restored power to 900 homes in the northern \
             valley late on Friday, and volunteers handed out blankets at the library.",
        )
        .passes("CC107", "900 homes");
    }

    #[test]
    fn mode_restatement_checks_a_later_text_and_mode_article_never_does() {
        let later = "The storm closed 41 schools across the county on Tuesday.";
        let mut case = Case::new(later).coverage(STORY);
        case.mode = crate::check::Mode::Restatement;
        case.finds("CC107", "41 schools");
        let mut case = summary(later);
        case.mode = crate::check::Mode::Article;
        case.passes("CC107", "41 schools");
    }

    #[test]
    fn a_whole_number_with_trailing_zeros_is_not_a_rounding_unless_hedged() {
        let source = "The plan costs $245 a month, the agent said.";
        Case::new("The plan costs $250 a month, the agent said.")
            .coverage_on(source, PUBLISHED)
            .finds("CC107", "$250");
        Case::new("The plan costs about $250 a month, the agent said.")
            .coverage_on(source, PUBLISHED)
            .passes("CC107", "about $250");
    }

    #[test]
    fn a_count_of_people_named_in_apposition_is_stated_by_their_names() {
        let source = "Ines: fancy a walk by the harbour at the weekend? Tomas: yes, where?";
        let case = |text| {
            let mut case = Case::new(text).coverage_on(source, PUBLISHED);
            case.mode = crate::check::Mode::Restatement;
            case
        };
        case("Two friends, Ines and Tomas, plan to meet for a walk at the weekend.")
            .passes("CC107", "Two friends");
        case("Three friends, Ines and Tomas, plan to meet for a walk at the weekend.")
            .finds("CC107", "Three friends");
        case("Two friends, Ines and Maria, plan to meet for a walk at the weekend.")
            .finds("CC107", "Two friends");
    }

    #[test]
    fn a_hedged_figure_the_coverage_bears_out_is_supported() {
        summary("Repairs will cost more than $3 billion, the council said in March.")
            .passes("CC107", "more than $3 billion");
        summary("Repairs will cost more than $4 billion, the council said in March.")
            .finds("CC107", "more than $4 billion");
    }

    #[test]
    fn a_changed_figure_stated_as_a_rise_is_still_a_warning_in_a_summary() {
        let f = summary("Repairs rose to $3.9 billion, the council said in March.")
            .finds("CC107", "$3.9 billion");
        assert_eq!(f.severity, Severity::Warning);
    }

    #[test]
    fn a_quarter_in_digits_restates_one_in_words() {
        let source = "Sales rose in the fourth quarter, the firm said.";
        Case::new("Sales rose in 4Q, the firm said.")
            .coverage_on(source, PUBLISHED)
            .finds_nothing("CC107");
        Case::new("Sales rose in 3Q, the firm said.")
            .coverage_on(source, PUBLISHED)
            .finds("CC107", "3Q");
    }

    #[test]
    fn a_figure_in_another_unit_or_scale_is_another_figure() {
        summary("Repairs will cost 3.24% more, the council said in March.").finds("CC107", "3.24%");
        summary("The storm closed $14 billion of schools across the county on Tuesday.")
            .finds("CC107", "$14 billion");
    }
}
