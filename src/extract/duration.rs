//! Durations ("three years", "a 48-hour ceasefire", "the past 20 years")
//! and recurring times ("every Monday", "weekly") as claims of their own
//! kinds, each with its TIMEX3 value ("P3Y", "PT48H", "XXXX-WXX-1").
//!
//! A unit word triggers a short look back for its number; word knowledge
//! is in [`crate::lexicon::durations`]. It leaves alone what the date
//! extractor already claimed ("two days ago"), ages ("a 23-year-old") and
//! rates ("twice a day", "$5 an hour"); it does not anchor a duration to
//! the calendar.

use super::cue::{self, Cues};
use super::{ClaimData, Context, Extractor, RawClaim, TemporalClaim, TemporalKind};
use crate::lexicon::dates::{lookup, WEEKDAYS, YEAR_QUALIFIERS};
use crate::lexicon::durations::{
    DurationUnit, DURATION_NUMBERS, DURATION_UNITS, FREQUENCY_WORDS, LENGTH_BEFORE_ARTICLE,
    NOT_DURATION_AFTER, PERIOD_SHIFTS, RATE_BEFORE, VAGUE_NUMBERS,
};
use crate::lexicon::is_in_sorted;
use crate::text::{Document, TokenKind};
use std::ops::Range;

/// The duration and set extractor.
pub(crate) struct DurationExtractor;

impl Extractor for DurationExtractor {
    fn name(&self) -> &'static str {
        "duration"
    }

    fn extract(&self, cx: &Context<'_>, prior: &[RawClaim], out: &mut Vec<RawClaim>) {
        let taken: Vec<Range<usize>> = prior
            .iter()
            .filter(|c| matches!(c.data, ClaimData::Date(_)))
            .map(|c| c.range.clone())
            .collect();
        extract_durations(cx.doc, &cx.cues, &taken, out);
    }
}

/// A found expression: token span, kind and TIMEX3 value.
struct Found {
    toks: Range<usize>,
    kind: TemporalKind,
    timex: String,
}

fn extract_durations(doc: &Document, cues: &Cues, taken: &[Range<usize>], out: &mut Vec<RawClaim>) {
    for s in &doc.sentences {
        let mut i = s.tokens.start;
        loop {
            i = cues.next(i, s.tokens.end, cue::DURATION);
            if i >= s.tokens.end {
                break;
            }
            let Some(f) = found_at(doc, s.tokens.clone(), i) else {
                i += 1;
                continue;
            };
            let range = doc.tokens[f.toks.start].start..doc.tokens[f.toks.end - 1].end;
            if !taken
                .iter()
                .any(|t| t.start < range.end && range.start < t.end)
            {
                out.push(RawClaim {
                    range,
                    data: ClaimData::Temporal(TemporalClaim {
                        kind: f.kind,
                        timex: f.timex,
                    }),
                    group: None,
                });
            }
            i = f.toks.end.max(i + 1);
        }
    }
}

/// The expression whose trigger is token `i` (a unit word, a frequency
/// word, or "every"/"each").
fn found_at(doc: &Document, sent: Range<usize>, i: usize) -> Option<Found> {
    let w = doc.tok_lower(i);
    // Every trigger is 3 to 10 bytes long and starts with one of these
    // letters (or holds a hyphen): most tokens stop here, before any lookup.
    let maybe = (3..=10).contains(&w.len())
        && matches!(
            w.as_bytes()[0],
            b'a' | b'c' | b'd' | b'e' | b'h' | b'm' | b'n' | b's' | b'w' | b'y'
        )
        && is_trigger(w);
    if doc.tokens[i].kind == TokenKind::Punct {
        return None;
    }
    if !maybe {
        return if w.contains('-') {
            hyphenated(w, i)
        } else {
            None
        };
    }
    // "Daily" opening a name ("the Daily Star") is no frequency. Every
    // frequency word ends in "ly" and no other trigger does: the units
    // skip that search.
    let lower_case = doc.tok(i).as_bytes()[0].is_ascii_lowercase();
    let frequency = w.ends_with("ly").then(|| lookup(FREQUENCY_WORDS, w));
    if let Some(v) = frequency.flatten().filter(|_| lower_case) {
        return Some(Found {
            toks: i..i + 1,
            kind: TemporalKind::Set,
            timex: v.to_owned(),
        });
    }
    if matches!(w, "every" | "each") && i + 1 < sent.end {
        return recurring(doc, sent, i);
    }
    let unit = lookup(DURATION_UNITS, w)?;
    // "60 Minutes", "The Hours": a capitalised unit inside a sentence
    // is a title.
    if i > sent.start && !lower_case {
        return None;
    }
    length(doc, sent, i, unit)
}

/// The words that trigger an expression, for the cue pass
/// ([`super::cue`]): the units, the frequency words, "every" and "each".
pub(super) fn cue_words() -> impl Iterator<Item = &'static str> {
    DURATION_UNITS
        .iter()
        .map(|(w, _)| *w)
        .chain(FREQUENCY_WORDS.iter().map(|(w, _)| *w))
        .chain(["every", "each"])
}

/// Whether `w` (lower case) can end or start an expression: a unit, a
/// frequency word, "every" or "each". A `match` the compiler turns into
/// length and byte comparisons; a test keeps it in step with the tables.
fn is_trigger(w: &str) -> bool {
    matches!(
        w,
        "centuries"
            | "century"
            | "day"
            | "days"
            | "decade"
            | "decades"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "month"
            | "months"
            | "second"
            | "seconds"
            | "week"
            | "weeks"
            | "year"
            | "years"
            | "annually"
            | "daily"
            | "hourly"
            | "monthly"
            | "nightly"
            | "weekly"
            | "yearly"
            | "every"
            | "each"
    )
}

/// "48-hour", "two-day": one token, a number and a unit ("23-year-old"
/// is an age).
fn hyphenated(w: &str, i: usize) -> Option<Found> {
    let (n, u) = w.split_once('-')?;
    // Most hyphenated words ("long-term", "year-old") end in no trigger:
    // the `match` says so before the search.
    let unit = is_trigger(u).then(|| lookup(DURATION_UNITS, u)).flatten()?;
    if u.ends_with('s') || matches!(n, "a" | "an") {
        return None;
    }
    let n = number(n)??;
    Some(Found {
        toks: i..i + 1,
        kind: TemporalKind::Duration,
        timex: timex(Some(n), unit),
    })
}

/// "every Monday", "each year", "every two weeks".
fn recurring(doc: &Document, sent: Range<usize>, i: usize) -> Option<Found> {
    let next = doc.tok_lower(i + 1);
    if let Some(wd) = lookup(WEEKDAYS, next) {
        return Some(Found {
            toks: i..i + 2,
            kind: TemporalKind::Set,
            timex: format!("XXXX-WXX-{}", wd + 1),
        });
    }
    let (n, u) = match lookup(DURATION_UNITS, next) {
        Some(_) => (Some(1.0), i + 1),
        None if i + 2 < sent.end => (number(doc.tok_lower(i + 1))?, i + 2),
        None => return None,
    };
    let unit = lookup(DURATION_UNITS, doc.tok_lower(u))?;
    Some(Found {
        toks: i..u + 1,
        kind: TemporalKind::Set,
        timex: timex(Some(n?), unit),
    })
}

/// "three years", "a 48-hour ceasefire", "the past 20 years", "two and a
/// half years", "several months", "for years"; the unit is token `u`.
fn length(doc: &Document, sent: Range<usize>, u: usize, unit: DurationUnit) -> Option<Found> {
    let after = |k: usize| (k < sent.end).then(|| doc.tok_lower(k));
    // Ages and points in time: "20 years old", "a 23-year-old", "two days ago".
    if after(u + 1).is_some_and(|w| is_in_sorted(NOT_DURATION_AFTER, w) || w == "-") {
        return None;
    }
    let before = |k: usize| (k > sent.start).then(|| doc.tok_lower(k - 1));
    // "the year ended March 31", "the fiscal year ending in June": one
    // year of accounts, told by its last day.
    if unit.code == 'Y' && unit.factor == 1 && matches!(after(u + 1), Some("ended" | "ending")) {
        let mut start = u;
        if before(start).is_some_and(|w| is_in_sorted(YEAR_QUALIFIERS, w)) {
            start -= 1;
        }
        return (before(start) == Some("the")).then(|| Found {
            toks: start - 1..u + 1,
            kind: TemporalKind::Duration,
            timex: timex(Some(1.0), unit),
        });
    }
    let mut start = u;
    let mut n: Option<f64>;
    let half = before(u) == Some("half")
        && before(u - 1) == Some("a")
        && before(u - 2) == Some("and")
        && u >= sent.start + 4;
    // "5 1/2 hours": a whole number and a half written as a fraction.
    let slash_half = u >= sent.start + 4
        && before(u) == Some("2")
        && before(u - 1) == Some("/")
        && before(u - 2) == Some("1");
    // "a year and a half", "an hour and a half".
    let and_half =
        after(u + 1) == Some("and") && after(u + 2) == Some("a") && after(u + 3) == Some("half");
    if half || slash_half {
        n = number(doc.tok_lower(u - 4)).flatten().map(|v| v + 0.5);
        start = u - 4;
        n?;
    } else if before(u) == Some("-") && u >= sent.start + 2 {
        // "48-hour": written with a hyphen.
        n = number(doc.tok_lower(u - 2))?;
        start = u - 2;
        n?;
    } else {
        let w = before(u)?;
        match number(w) {
            Some(v) => {
                n = v;
                start = u - 1;
                let plural = doc.tok_lower(u).ends_with('s');
                if matches!(w, "a" | "an") {
                    // "twice a day", "$5 an hour", "a second time".
                    let prev = before(start);
                    let rate = prev.is_some_and(|p| {
                        is_in_sorted(RATE_BEFORE, p) || p.bytes().any(|b| b.is_ascii_digit())
                    });
                    let length = prev.is_some_and(|p| is_in_sorted(LENGTH_BEFORE_ARTICLE, p));
                    if rate || plural || unit.code == 'S' || !length && !and_half {
                        return None;
                    }
                }
                if v.is_none() && before(start) == Some("a") {
                    start -= 1;
                }
            }
            None if w == "for" && doc.tok_lower(u).ends_with('s') => n = None,
            // "in recent years", "in coming weeks": an unstated number.
            None if matches!(w, "recent" | "coming") && doc.tok_lower(u).ends_with('s') => {
                n = None;
                start = u - 1;
            }
            // "the past decade", "the last century": one of a long unit.
            None if is_in_sorted(PERIOD_SHIFTS, w) && unit.factor >= 10 && unit.code == 'Y' => {
                n = Some(1.0);
                start = u - 1;
            }
            None => return None,
        }
    }
    if before(start).is_some_and(|w| is_in_sorted(PERIOD_SHIFTS, w)) {
        start -= 1;
    }
    let mut end = u + 1;
    if and_half && !half && !slash_half {
        n = n.map(|v| v + 0.5);
        end = u + 4;
    }
    Some(Found {
        toks: start..end,
        kind: TemporalKind::Duration,
        timex: timex(n, unit),
    })
}

/// The number a word or numeral states: `Some(None)` for a vague one
/// ("several"), `None` when it is no number.
fn number(w: &str) -> Option<Option<f64>> {
    // No number word opens with a digit: a numeral skips both searches.
    if !w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        if let Some(n) = lookup(DURATION_NUMBERS, w) {
            return Some(Some(f64::from(n)));
        }
        if is_in_sorted(VAGUE_NUMBERS, w) {
            return Some(None);
        }
    }
    // The numeral without its commas ("1,000"): a copy only when it has
    // one, and none for a word that is no numeral.
    if w.is_empty()
        || !w
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let digits = if w.contains(',') {
        std::borrow::Cow::Owned(w.replace(',', ""))
    } else {
        std::borrow::Cow::Borrowed(w)
    };
    if digits.is_empty() {
        return None;
    }
    digits.parse::<f64>().ok().filter(|v| *v > 0.0).map(Some)
}

/// The TIMEX3 value of `n` units: "P3Y", "PT48H", "P2.5Y", "PT5H30M", "PXY".
fn timex(n: Option<f64>, unit: DurationUnit) -> String {
    let t = if unit.time { "T" } else { "" };
    match n {
        Some(v) => {
            let v = v * f64::from(unit.factor);
            // A fraction of an hour or a minute in the next smaller unit,
            // as TIMEX3 writes clock lengths ("PT5H30M", "PT1M30S"); of a
            // day, week, month or year as a decimal ("P2.5Y").
            let smaller = match (unit.code, unit.time) {
                ('H', true) => Some((60.0, 'M')),
                ('M', true) => Some((60.0, 'S')),
                _ => None,
            };
            let part = smaller.map(|(k, c)| (v.fract() * k, c));
            match part {
                _ if v.fract() == 0.0 => format!("P{t}{}{}", v as i64, unit.code),
                Some((p, c)) if p.fract() == 0.0 => {
                    format!("P{t}{}{}{}{c}", v.trunc() as i64, unit.code, p as i64)
                }
                _ => format!("P{t}{v}{}", unit.code),
            }
        }
        None => format!("P{t}X{}", unit.code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, kind, timex) of each duration and set in `text`.
    fn found(text: &str) -> Vec<(String, &'static str, String)> {
        let doc = Document::new(text);
        let mut out = Vec::new();
        extract_durations(&doc, &Cues::new(&doc), &[], &mut out);
        out.into_iter()
            .map(|c| {
                let ClaimData::Temporal(t) = &c.data else {
                    unreachable!()
                };
                let kind = c.data.kind_name();
                (text[c.range].to_owned(), kind, t.timex.clone())
            })
            .collect()
    }

    fn one(text: &str) -> (String, String) {
        let f = found(text);
        assert_eq!(f.len(), 1, "{f:?}");
        (f[0].0.clone(), f[0].2.clone())
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_owned(), b.to_owned())
    }

    #[test]
    fn trigger_match_covers_the_tables() {
        for w in cue_words() {
            assert!(is_trigger(w), "{w}");
        }
        // The frequency words, and only they, end in "ly" (the units skip
        // their search by that).
        for w in cue_words() {
            assert_eq!(
                w.ends_with("ly"),
                lookup(FREQUENCY_WORDS, w).is_some(),
                "{w}"
            );
        }
    }

    #[test]
    fn number_words_open_with_no_digit() {
        for (w, _) in DURATION_NUMBERS {
            assert!(!w.as_bytes()[0].is_ascii_digit(), "{w}");
        }
        for w in VAGUE_NUMBERS {
            assert!(!w.as_bytes()[0].is_ascii_digit(), "{w}");
        }
        assert_eq!(number("1,000"), Some(Some(1000.0)));
        assert_eq!(number("2.5"), Some(Some(2.5)));
        assert_eq!(number("three"), Some(Some(3.0)));
        assert_eq!(number("several"), Some(None));
        for w in [",", "", "0", "1a", "x", ",,"] {
            assert_eq!(number(w), None, "{w}");
        }
    }

    #[test]
    fn number_and_unit_is_a_duration() {
        assert_eq!(
            one("The strike lasted three weeks."),
            pair("three weeks", "P3W")
        );
        assert_eq!(
            one("He served 12 years in office."),
            pair("12 years", "P12Y")
        );
        assert_eq!(
            one("The talks took five hours."),
            pair("five hours", "PT5H")
        );
        assert_eq!(found("The talks took five hours.")[0].1, "duration");
    }

    #[test]
    fn hyphenated_length_before_a_noun() {
        assert_eq!(
            one("They agreed a 48-hour truce."),
            pair("48-hour", "PT48H")
        );
        assert_eq!(one("It was a two-day visit."), pair("two-day", "P2D"));
    }

    #[test]
    fn trailing_period_keeps_its_shift_word() {
        assert_eq!(
            one("Prices doubled over the past 20 years."),
            pair("past 20 years", "P20Y")
        );
    }

    #[test]
    fn recent_years_and_the_past_decade() {
        assert_eq!(
            one("Prices rose in recent years."),
            pair("recent years", "PXY")
        );
        assert_eq!(
            one("More cuts are due in coming weeks."),
            pair("coming weeks", "PXW")
        );
        assert_eq!(
            one("Output doubled over the past decade."),
            pair("past decade", "P10Y")
        );
        // Near misses: a recent year is no length; "last year" is a date.
        assert!(found("The most recent year was calm.").is_empty());
        assert!(found("It fell last year.").is_empty());
    }

    #[test]
    fn vague_and_fractional_lengths() {
        assert_eq!(
            one("It took several months."),
            pair("several months", "PXM")
        );
        assert_eq!(one("They waited for years."), pair("years", "PXY"));
        assert_eq!(
            one("The bridge is two and a half years late."),
            pair("two and a half years", "P2.5Y")
        );
        assert_eq!(
            one("Repairs took nearly a decade."),
            pair("a decade", "P10Y")
        );
        assert!(found("We waited for a day like this.").is_empty());
        assert!(found("It was a day of anger.").is_empty());
    }

    #[test]
    fn ages_rates_and_points_are_not_durations() {
        assert!(found("A 23-year-old man was hurt.").is_empty());
        assert!(found("She is 40 years old.").is_empty());
        assert!(found("Trains run twice a day.").is_empty());
        assert!(found("Cleaners earn $9 an hour.").is_empty());
        assert!(found("He tried a second time.").is_empty());
        assert!(found("The second day was calm.").is_empty());
    }

    #[test]
    fn recurring_times_are_sets() {
        let f = found("The market opens every Monday and the paper comes out weekly.");
        assert_eq!(
            f,
            [
                ("every Monday".to_owned(), "set", "XXXX-WXX-1".to_owned()),
                ("weekly".to_owned(), "set", "P1W".to_owned()),
            ]
        );
        assert_eq!(one("Tests are run every two weeks.").1, "P2W");
        assert_eq!(one("Fees rise each year.").1, "P1Y");
    }

    #[test]
    fn the_year_ended_a_day_is_one_year_of_accounts() {
        assert_eq!(
            one("Profit for the year ended March 31 fell."),
            pair("the year", "P1Y")
        );
        assert_eq!(
            one("In the fiscal year ending in June, sales rose."),
            pair("the fiscal year", "P1Y")
        );
        // Near misses: no "the", or no end told.
        assert!(found("It was a year ended in tears.").is_empty());
        assert!(found("Sales for the year rose.").is_empty());
    }

    #[test]
    fn a_length_before_later_is_still_a_length() {
        assert_eq!(
            one("Three days later, the bridge reopened."),
            pair("Three days", "P3D")
        );
        // Near misses: a point in time and an age.
        assert!(found("Three days ago, the bridge reopened.").is_empty());
        assert!(found("The bridge is three years old.").is_empty());
    }

    #[test]
    fn halves_written_as_fractions_and_after_the_unit() {
        assert_eq!(
            one("The talks lasted 5 1/2 hours."),
            pair("5 1/2 hours", "PT5H30M")
        );
        assert_eq!(
            one("But a minute and a half later, the lights failed."),
            pair("a minute and a half", "PT1M30S")
        );
        assert_eq!(
            one("The works took a year and a half."),
            pair("a year and a half", "P1.5Y")
        );
        // Near misses: a date-like fraction and a half of something else.
        assert!(found("Shares rose 1/2 point.").is_empty());
        assert!(found("It was a day and a half-empty hall.").is_empty());
    }

    #[test]
    fn a_capitalised_unit_inside_a_sentence_is_a_title() {
        assert!(found("She spoke on CBS's 60 Minutes about it.").is_empty());
        assert_eq!(
            one("Minutes later, it ended in 60 minutes."),
            pair("60 minutes", "PT60M")
        );
    }
}
