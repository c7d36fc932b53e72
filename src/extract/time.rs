//! Times of day ("10:30 a.m.", "9 p.m. Tuesday", "noon") as claims of kind
//! `time`, with a TIMEX3 value on the day they belong to: the date written
//! right after them, else the nearest one-day date of their sentence, else
//! the publication date ("2025-09-16T10:30"; "XXXX-XX-XXT10:30" when none).
//!
//! It reads only clock times with a.m./p.m. and the two named hours; a
//! bare "at 10" is too often something else. Parts of a day ("Friday
//! night") stay on the date claim.
//!
//! The present, the past and the future named without a date ("now",
//! "currently", "recently", "the near future", "in the past") are `time`
//! claims too, with the TIMEX3 values `PRESENT_REF`, `PAST_REF` and
//! `FUTURE_REF`: points in time that are no calendar fact, so that no check
//! compares two of them across articles (the checks compare dates, counts
//! and durations, not times).

use super::cue::{self, Cues};
use super::{ClaimData, Context, DateRange, Extractor, RawClaim, TemporalClaim, TemporalKind};
use crate::lexicon::dates::{
    contains, lookup, DATE_PREPOSITIONS, REFERENCE_ADJECTIVES, REFERENCE_WORDS,
};
use crate::text::{Document, TokenKind};
use chrono::NaiveDate;
use std::ops::Range;

/// The time-of-day extractor.
pub(crate) struct TimeExtractor;

impl Extractor for TimeExtractor {
    fn name(&self) -> &'static str {
        "time"
    }

    fn extract(&self, cx: &Context<'_>, prior: &[RawClaim], out: &mut Vec<RawClaim>) {
        let days: Vec<(Range<usize>, Option<DateRange>)> = prior
            .iter()
            .filter_map(|c| match &c.data {
                ClaimData::Date(d) => Some((c.range.clone(), d.value)),
                _ => None,
            })
            .collect();
        extract_times(cx.doc, &cx.cues, &days, cx.published, out);
    }
}

/// Time zones that may stand between a time and its day ("9 a.m. EST
/// Tuesday").
const ZONES: &[&str] = &[
    "BST", "CDT", "CST", "EDT", "EST", "ET", "GMT", "PDT", "PST", "UTC",
];

fn extract_times(
    doc: &Document,
    cues: &Cues,
    days: &[(Range<usize>, Option<DateRange>)],
    published: Option<NaiveDate>,
    out: &mut Vec<RawClaim>,
) {
    for s in &doc.sentences {
        for i in cues.each(s.tokens.clone(), cue::TIME) {
            if let Some((toks, value)) = reference_at(doc, s.tokens.clone(), i) {
                let range = doc.tokens[toks.start].start..doc.tokens[toks.end - 1].end;
                if !days
                    .iter()
                    .any(|(r, _)| r.start < range.end && range.start < r.end)
                {
                    out.push(RawClaim {
                        range,
                        data: ClaimData::Temporal(TemporalClaim {
                            kind: TemporalKind::Time,
                            timex: value.to_owned(),
                        }),
                        group: None,
                    });
                }
                continue;
            }
            let Some((first, hour, minute)) = clock_at(doc, s.tokens.start, i) else {
                continue;
            };
            let mut end = i + 1;
            if end < s.tokens.end && ZONES.contains(&doc.tok(end)) {
                end += 1;
            }
            let start = doc.tokens[first].start;
            let mut stop = doc.tokens[i].end;
            // "9 p.m. Tuesday": the day written right after belongs to it.
            let next = (end < s.tokens.end).then(|| doc.tokens[end].start);
            let after = days.iter().find(|(r, _)| Some(r.start) == next);
            let day = match after {
                Some((r, v)) => {
                    stop = r.end;
                    v.filter(|v| v.start == v.end).map(|v| v.start)
                }
                None => days
                    .iter()
                    .filter(|(r, v)| {
                        r.start >= s.range.start
                            && r.end <= s.range.end
                            && v.is_some_and(|v| v.start == v.end)
                    })
                    .min_by_key(|(r, _)| r.start.abs_diff(start))
                    .and_then(|(_, v)| v.map(|v| v.start))
                    .or(published),
            };
            let date = day.map_or("XXXX-XX-XX".to_owned(), |d| d.to_string());
            let clock = if minute == 0 && hour == 24 {
                "24".to_owned()
            } else {
                format!("{hour:02}:{minute:02}")
            };
            out.push(RawClaim {
                range: start..stop,
                data: ClaimData::Temporal(TemporalClaim {
                    kind: TemporalKind::Time,
                    timex: format!("{date}T{clock}"),
                }),
                group: None,
            });
        }
    }
}

/// The words [`reference_at`] and [`clock_at`] start from (any case), for
/// the cue pass ([`super::cue`]), which runs them on no other token.
pub(super) fn cue_words() -> impl Iterator<Item = &'static str> {
    REFERENCE_WORDS.iter().map(|(w, _)| *w).chain([
        "current", "future", "past", "noon", "midday", "midnight", "am", "a.m", "a.m.", "pm",
        "p.m", "p.m.",
    ])
}

/// "now" ("right now"; not "Now, ..." opening a sentence), "currently", "recently", "the future", "the near
/// future", "the past" ending at token `i`: its tokens and TIMEX3 value.
/// Not "NOW" nor "Apocalypse Now" (capitals inside a sentence), "the
/// future king", "the future of the city" nor "the past week".
fn reference_at(
    doc: &Document,
    sent: Range<usize>,
    i: usize,
) -> Option<(Range<usize>, &'static str)> {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word {
        return None;
    }
    let written = doc.tok(i).as_bytes();
    let capital = |k: usize| doc.tok(k).as_bytes()[0].is_ascii_uppercase();
    if written[1..].iter().any(u8::is_ascii_uppercase) || i > sent.start && capital(i) {
        return None;
    }
    let w = doc.tok_lower(i);
    let before = |k: usize| (k > sent.start).then(|| doc.tok_lower(k - 1));
    if let Some(value) = lookup(REFERENCE_WORDS, w) {
        // "Now, ..." opening a sentence turns to a new point, not a time.
        if i == sent.start && i + 1 < sent.end && doc.tok(i + 1) == "," {
            return None;
        }
        let start = if w == "now" && before(i) == Some("right") {
            i - 1
        } else {
            i
        };
        return Some((start..i + 1, value));
    }
    // "current market conditions", "its current wife": the present, as
    // an adjective; not "current account", not the noun ("the current").
    if w == "current" {
        let next = (i + 1 < sent.end).then(|| doc.tok_lower(i + 1))?;
        let adjective = doc.tokens[i + 1].kind == TokenKind::Word
            && !capital(i + 1)
            && !next.starts_with("account")
            && !contains(DATE_PREPOSITIONS, next);
        return adjective.then_some((i..i + 1, "PRESENT_REF"));
    }
    let value = match w {
        "future" => "FUTURE_REF",
        "past" => "PAST_REF",
        _ => return None,
    };
    let mut start = i.checked_sub(1).filter(|&k| k >= sent.start)?;
    if contains(REFERENCE_ADJECTIVES, doc.tok_lower(start)) {
        start = start.checked_sub(1).filter(|&k| k >= sent.start)?;
    }
    if doc.tok_lower(start) != "the" {
        return None;
    }
    // The phrase must close here: "the future," "in the past that ...",
    // "the past and the present"; a noun after it makes it a modifier.
    let closes = i + 1 >= sent.end || {
        let next = doc.tok_lower(i + 1);
        doc.tokens[i + 1].kind == TokenKind::Punct
            || next != "of" && contains(DATE_PREPOSITIONS, next)
            || matches!(
                next,
                "but"
                    | "that"
                    | "when"
                    | "where"
                    | "if"
                    | "is"
                    | "was"
                    | "will"
                    | "it"
                    | "we"
                    | "they"
                    | "he"
                    | "she"
            )
    };
    closes.then_some((start..i + 1, value))
}

/// The clock time ending at token `i` ("a.m.", "p.m.", "noon",
/// "midnight"): its first token, hour (0-24) and minute.
fn clock_at(doc: &Document, floor: usize, i: usize) -> Option<(usize, u32, u32)> {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word {
        return None;
    }
    let w = doc.tok_lower(i);
    match w {
        "noon" | "midday" => return Some((i, 12, 0)),
        "midnight" => return Some((i, 24, 0)),
        _ => {}
    }
    let pm = match w.trim_end_matches('.') {
        "a.m" | "am" => false,
        "p.m" | "pm" => true,
        _ => return None,
    };
    let number = |k: usize| {
        (k >= floor && doc.tokens[k].kind == TokenKind::Number)
            .then(|| doc.tok(k).parse::<u32>().ok())
            .flatten()
    };
    let h = i.checked_sub(1)?;
    let (first, hour, minute) = match number(h) {
        Some(m) if h >= floor + 2 && doc.tok(h - 1) == ":" => (h - 2, number(h - 2)?, m),
        Some(hour) => (h, hour, 0),
        None => return None,
    };
    if !(1..=12).contains(&hour) || minute > 59 {
        return None;
    }
    let hour = match (pm, hour) {
        (false, 12) => 0,
        (true, 12) => 12,
        (true, h) => h + 12,
        (false, h) => h,
    };
    Some((first, hour, minute))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    /// (text, timex) of each time of day in `text`, published 2025-09-16.
    fn times(text: &str) -> Vec<(String, String)> {
        let doc = Document::new(text);
        let rules = RuleSet::default();
        let cx = Context::new(&doc, NaiveDate::from_ymd_opt(2025, 9, 16), &rules);
        let mut prior = Vec::new();
        super::super::date::DateExtractor.extract(&cx, &[], &mut prior);
        let mut out = Vec::new();
        TimeExtractor.extract(&cx, &prior, &mut out);
        out.into_iter()
            .map(|c| {
                let ClaimData::Temporal(t) = c.data else {
                    unreachable!()
                };
                (text[c.range].to_owned(), t.timex)
            })
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_owned(), b.to_owned())
    }

    #[test]
    fn clock_time_takes_the_day_written_after_it() {
        assert_eq!(
            times("The polls will close at 9 p.m. Wednesday."),
            [pair("9 p.m. Wednesday", "2025-09-17T21:00")]
        );
        assert_eq!(
            times("The blast came at 10:35 a.m. EST Monday."),
            [pair("10:35 a.m. EST Monday", "2025-09-15T10:35")]
        );
    }

    #[test]
    fn clock_time_alone_falls_back_to_the_sentence_or_publication() {
        assert_eq!(
            times("On Sunday, the ferry left at 6 a.m., officials said."),
            [pair("6 a.m.", "2025-09-14T06:00")]
        );
        assert_eq!(
            times("Doors open at noon."),
            [pair("noon", "2025-09-16T12:00")]
        );
    }

    #[test]
    fn numbers_without_a_clock_word_are_no_time() {
        assert!(times("I am 12 and he is 9 am I right").len() <= 1);
        assert!(times("The score was 10 to 9 at the break.").is_empty());
        assert!(times("I am tired.").is_empty());
    }

    #[test]
    fn now_recently_and_the_future_are_references_not_dates() {
        let found = times(
            "Prices are now higher than they were recently, and the firm \
             currently expects more rises in the near future.",
        );
        assert_eq!(
            found,
            [
                pair("now", "PRESENT_REF"),
                pair("recently", "PAST_REF"),
                pair("currently", "PRESENT_REF"),
                pair("the near future", "FUTURE_REF"),
            ]
        );
        assert_eq!(
            times("Right now the hall is empty, as in the past."),
            [
                pair("Right now", "PRESENT_REF"),
                pair("the past", "PAST_REF")
            ]
        );
        assert_eq!(
            times("What comes in the future is unclear; in the past it was calm."),
            [
                pair("the future", "FUTURE_REF"),
                pair("the past", "PAST_REF")
            ]
        );
        assert_eq!(
            times("Its current owner bought it."),
            [pair("current", "PRESENT_REF")]
        );
    }

    #[test]
    fn names_modifiers_and_calendar_phrases_are_no_references() {
        // An acronym, a title, a sentence turning to a new point.
        assert!(times("NOW said so. They watched Apocalypse Now.").is_empty());
        assert!(times("Now, the mayor said, the work begins.").is_empty());
        // "the future" and "the past" as modifiers or inside a date.
        assert!(times("The future king spoke about the future of the city.").is_empty());
        assert_eq!(
            times("Sales rose over the past week and the past 20 years."),
            []
        );
        // "current" as a noun and in "current account".
        assert!(times("The current account fell. He swam against the current.").is_empty());
    }

    #[test]
    fn references_on_different_days_are_no_conflict() {
        use crate::check::testing::Case;
        let coverage = "The mayor is now in Varnholt and currently plans no visit.";
        let draft = "The mayor is now in Varnholt and currently plans no visit. \
                     She recently met the council.";
        // A day apart, "now" is another day: still no fact to compare.
        let found = Case::new(draft).coverage(coverage).run(None);
        assert!(found.is_empty(), "{found:?}");
    }
}
