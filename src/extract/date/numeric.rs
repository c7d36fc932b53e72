//! Date patterns that start with a number: "2025-09-09", "9/8/07",
//! "9 September 2025", "9th of May", "the 1990s", "in 1998", "since '82",
//! "two days ago".
//!
//! Bounded look-ahead from one token, like the word patterns in
//! [`super::parse`]. A number that counts something ("1500 workers",
//! "$2000", "2000 %") is not a year.

use super::parse::{found, in_table, month_word, Found};
use super::resolve::{Expr, Unit, YearRef};
use super::view::{as_year, View};
use super::words::{DETERMINER, HEDGE, ORDINAL, PREPOSITION, UNIT};
use crate::lexicon::dates::{self as lex, contains};

pub(super) fn number_first(v: &View<'_>, i: usize) -> Option<Found> {
    // The token's readings, each worked out once.
    let digits = v.digits(i);
    let year = as_year(digits);
    // A plain number is a day as `View::day` reads it exactly when it has
    // one or two digits and lies in 1..=31; only "9th" needs the reading.
    let day = match digits {
        Some((d, n)) => (n <= 2 && (1..=31).contains(&d)).then_some(d),
        None => v.day(i),
    };
    // 2025-09-09
    if let Some(y) = year {
        if v.touches(i) && v.bytes(i + 1) == b"-" && v.touches(i + 1) && v.touches(i + 2) {
            if let (Some((m, _)), Some((d, _))) = (v.digits(i + 2), v.digits(i + 4)) {
                if v.bytes(i + 3) == b"-" && v.touches(i + 3) {
                    return found(Expr::Ymd(y, m, d), i, i + 5);
                }
            }
        }
    }
    // 9/8/07, 9/8/2007 (US order)
    if let (Some((m, 1..=2)), b"/") = (digits, v.bytes(i + 1)) {
        if v.touches(i) && v.touches(i + 1) && v.touches(i + 2) && v.bytes(i + 3) == b"/" {
            if let (Some((d, 1..=2)), Some((y, n))) = (v.digits(i + 2), v.digits(i + 4)) {
                let y = match n {
                    2 if y < 50 => 2000 + y as i32,
                    2 => 1900 + y as i32,
                    4 => y as i32,
                    _ => return None,
                };
                if v.touches(i + 3) {
                    return found(Expr::Ymd(y, m, d), i, i + 5);
                }
            }
        }
    }
    // "9th of May": never a plain number, which `day_of_month` turns
    // down (all its bytes are digits).
    if digits.is_none() {
        if let Some(f) = day.and_then(|d| day_of_month(v, i, d)) {
            return Some(f);
        }
    }
    if let Some(f) = day.and_then(|d| second_day(v, i, d)) {
        return Some(f);
    }
    // 9 September [2025]
    if let Some(d) = day {
        if let Some(m) = month_word(v, i + 1, true) {
            return match v.year(i + 2) {
                Some(y) => found(Expr::Ymd(y, m, d), i, i + 3),
                None => found(Expr::MonthDay(m, d), i, i + 2),
            };
        }
    }
    // the '90s, the 1990s: never a plain number, which ends in no "s".
    if digits.is_none() {
        if let Some(f) = decade(v, i) {
            return Some(f);
        }
    }
    // since '82
    if let (Some((y, 2)), b"'" | &[0xE2, 0x80, 0x99]) = (digits, v.bytes(i.wrapping_sub(1))) {
        if v.touches(i - 1) && v.has(i.wrapping_sub(2), PREPOSITION) && !v.is_word(i + 1) {
            let y = if y < 30 { 2000 + y } else { 1900 + y };
            return found(Expr::Year(y as i32), i - 1, i + 1);
        }
    }
    // N days ago
    if let Some((n, _)) = digits {
        if let Some(f) = ago(v, i, n as i64) {
            return Some(f);
        }
    }
    year.and_then(|y| bare_year(v, i, y))
}

/// "the '90s", "the 1990s": a decade at token `i`.
fn decade(v: &View<'_>, i: usize) -> Option<Found> {
    let t = v.low(i);
    let apostrophe = matches!(v.text(i.wrapping_sub(1)), "'" | "’") && v.touches(i - 1);
    if t.len() == 3 && t.ends_with('s') && apostrophe {
        if let Ok(y @ 0..=99) = t[..2].parse::<i32>() {
            if y % 10 == 0 {
                let start = if v.is(i.wrapping_sub(2), "the") {
                    i - 2
                } else {
                    i - 1
                };
                return found(Expr::Decade(1900 + y), start, i + 1);
            }
        }
    }
    // the 1990s
    if t.len() == 5 && t.ends_with('s') {
        if let Ok(y) = t[..4].parse::<i32>() {
            if (1000..=2190).contains(&y) && y % 10 == 0 {
                let start = if v.is(i.wrapping_sub(1), "the") {
                    i - 1
                } else {
                    i
                };
                return found(Expr::Decade(y), start, i + 1);
            }
        }
    }
    None
}

/// "April 24 and 25", "May 3-5", "Sept. 3 and 4, 2024": the later day of
/// the month just named (not "between June 3 and 25 people").
fn second_day(v: &View<'_>, i: usize, d: u32) -> Option<Found> {
    // (Compared as bytes; "–" is U+2013.)
    if !matches!(
        v.low_bytes(i.wrapping_sub(1)),
        b"and" | b"to" | b"through" | b"or" | b"-" | &[0xE2, 0x80, 0x93]
    ) || v.day(i.wrapping_sub(2)).is_none()
        || v.is_word(i + 1) && !v.is_cap(i + 1)
    {
        return None;
    }
    let k = i.wrapping_sub(3);
    let k = if v.text(k) == "." {
        k.wrapping_sub(1)
    } else {
        k
    };
    let m = month_word(v, k, true)?;
    let comma = usize::from(v.text(i + 1) == ",");
    match v.year(i + 1 + comma) {
        Some(y) => found(Expr::Ymd(y, m, d), i, i + 2 + comma),
        None => found(Expr::MonthDay(m, d), i, i + 1),
    }
}

/// "9th of September [2025]": an ordinal day `d` at `i`, "of", a month.
pub(super) fn day_of_month(v: &View<'_>, i: usize, d: u32) -> Option<Found> {
    if !v.is(i + 1, "of") || v.text(i).bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let m = month_word(v, i + 2, true)?;
    let comma = usize::from(v.text(i + 3) == ",");
    match v.year(i + 3 + comma) {
        Some(y) => found(Expr::Ymd(y, m, d), i, i + 4 + comma),
        None => found(Expr::MonthDay(m, d), i, i + 3),
    }
}

/// A year standing alone: "in 1998", "the 2008 Olympics", "between 2014
/// and 2016"; not "1998 people" after a count word nor "$2000".
fn bare_year(v: &View<'_>, i: usize, y: i32) -> Option<Found> {
    let prev = v.low(i.wrapping_sub(1));
    let next = v.low(i + 1);
    if next == "%"
        || next == "percent"
        || v.text(i.wrapping_sub(1)) == "$"
        || contains(lex::NOT_YEAR_AFTER, next)
    {
        return None;
    }
    let before = i.wrapping_sub(1);
    let is_prep = v.has(before, PREPOSITION | HEDGE);
    let joined = matches!(prev, "and" | "or" | "to" | "-" | "–" | "—" | ",")
        && v.ok(i.wrapping_sub(2))
        && v.year(i.wrapping_sub(2)).is_some();
    // "2008-2012": the first end of a span of years.
    let span_start = matches!(next, "-" | "–") && v.ok(i + 2) && v.year(i + 2).is_some();
    // "2019 was a record year": a year as the subject.
    let subject = i == v.lo && contains(lex::YEAR_SUBJECT_VERBS, next);
    // "the 2028 Olympics", "a 1957 treaty", "its 2004 merger", "the
    // firm's 2031 results": a year between a determiner and its noun
    // (after other than "the", a modern year: "a 2182 score" is a count).
    let modern = (1800..=2100).contains(&y);
    let det_or_owner = v.has(before, DETERMINER) || v.is_possessive_word(before);
    let det = (prev == "the" || det_or_owner && modern) && v.is_word(i + 1)
        || prev == "year" && v.is(i.wrapping_sub(2), "the")
        || v.is_cap(i.wrapping_sub(1)) && contains(lex::EVENT_NOUNS, prev);
    // "for 2027,", "into 2031.", "both 2030 and 2031": a year closing its
    // phrase after a preposition that also takes counts.
    let closes = !v.is_word(i + 1) || matches!(next, "and" | "or" | "to" | "through");
    let loose_prep = matches!(prev, "for" | "into" | "both" | "due") && closes;
    // "dating back to 1994", "dates to 1990": a start in the past.
    let back_to = prev == "to" && matches!(v.low(i.wrapping_sub(2)), "back" | "dating" | "dates");
    // "his unsuccessful 2031 campaign": a year between a determiner with
    // its adjective and a noun.
    let det_adjective = modern
        && v.has(i.wrapping_sub(2), DETERMINER)
        && v.is_word(i.wrapping_sub(1))
        && !v.is_cap(i.wrapping_sub(1))
        && v.is_word(i + 1)
        && !v.is_cap(i + 1);
    // "fiscal 2029": the year a company's accounts are named by.
    let fiscal = prev == "fiscal";
    if prev == "the" && (next == "period" || next == "quarter") {
        // "the 2030 period", "the 2030 quarter": the period just told, in
        // that year.
        return found(Expr::PeriodIn(y, next == "quarter"), i - 1, i + 2);
    }
    if let Some(q) =
        in_table(v, i + 1, ORDINAL, lex::QUARTER_ORDINALS).filter(|_| v.is(i + 2, "quarter"))
    {
        if prev == "the" {
            return found(Expr::Quarter(q, YearRef::Abs(y)), i - 1, i + 3);
        }
    }
    if fiscal && !v.is_cap(i + 1) {
        return found(Expr::Year(y), i - 1, i + 1);
    }
    let ok = if matches!(
        prev,
        "and" | "or" | "to" | "as" | "on" | "-" | "–" | "—" | ","
    ) {
        joined || prev == "," && span_start || back_to
    } else {
        is_prep || det || subject || span_start || loose_prep || det_adjective
    };
    // "of 1500 workers": a count of a plural noun, not a year.
    let plural_after = v.is_word(i + 1)
        && !v.is_cap(i + 1)
        && next.len() > 3
        && next.ends_with('s')
        && !matches!(next, "this" | "was" | "has" | "its" | "his");
    let unit_after = v.has(i + 1, UNIT) || plural_after;
    (ok && !unit_after).then_some(Found {
        expr: Expr::Year(y),
        start: i,
        end: i + 1,
        possessive: false,
    })
}

/// "two days ago", "a week ago", "a year earlier" starting at the number.
pub(super) fn ago(v: &View<'_>, i: usize, n: i64) -> Option<Found> {
    let unit = Unit::from_code(in_table(v, i + 1, UNIT, lex::UNITS)?);
    let expr = match v.low(i + 2) {
        "ago" => Expr::Ago(n, unit),
        "earlier" => Expr::Before(n, unit),
        _ => return None,
    };
    (unit != Unit::Weekend).then_some(Found {
        expr,
        start: i,
        end: i + 3,
        possessive: false,
    })
}
