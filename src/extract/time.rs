//! Times of day ("10:30 a.m.", "9 p.m. Tuesday", "noon") as claims of kind
//! `time`, with a TIMEX3 value on the day they belong to: the date written
//! right after them, else the nearest one-day date of their sentence, else
//! the publication date ("2025-09-16T10:30"; "XXXX-XX-XXT10:30" when none).
//!
//! It reads only clock times with a.m./p.m. and the two named hours; a
//! bare "at 10" is too often something else. Parts of a day ("Friday
//! night") stay on the date claim.

use super::{ClaimData, Context, DateRange, Extractor, RawClaim, TemporalClaim, TemporalKind};
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
        extract_times(cx.doc, &days, cx.published, out);
    }
}

/// Time zones that may stand between a time and its day ("9 a.m. EST
/// Tuesday").
const ZONES: &[&str] = &[
    "BST", "CDT", "CST", "EDT", "EST", "ET", "GMT", "PDT", "PST", "UTC",
];

fn extract_times(
    doc: &Document,
    days: &[(Range<usize>, Option<DateRange>)],
    published: Option<NaiveDate>,
    out: &mut Vec<RawClaim>,
) {
    for s in &doc.sentences {
        for i in s.tokens.clone() {
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

/// The clock time ending at token `i` ("a.m.", "p.m.", "noon",
/// "midnight"): its first token, hour (0-24) and minute.
fn clock_at(doc: &Document, floor: usize, i: usize) -> Option<(usize, u32, u32)> {
    let t = &doc.tokens[i];
    // Every clock word starts with a, p, n or m and is 2 to 8 bytes long.
    let first = doc.lower.as_bytes()[t.start];
    if t.kind != TokenKind::Word
        || !(2..=8).contains(&(t.end - t.start))
        || !matches!(first, b'a' | b'p' | b'n' | b'm')
    {
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
}
