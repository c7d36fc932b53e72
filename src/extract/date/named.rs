//! Dates named by words rather than written as numbers: holidays and
//! seasons, "the year-ago quarter", "by year-end", years said in words
//! ("nineteen eighty-two") and "the year" of a company's accounts. Split
//! from [`super::parse`], which calls each of them at the token that can
//! start one; like it, this module resolves nothing.

use super::parse::{found, in_table, Found};
use super::resolve::{Expr, YearRef};
use super::view::View;
use super::words::{AFTER_THE, DETERMINER, HEDGE, ORDINAL, OTHER_TRIGGER, PREPOSITION};
use crate::lexicon::dates::{self as lex, contains, lookup};
use crate::text::TokenKind;

/// "year-ago", "year-earlier": the period just told, a year back.
pub(super) fn is_year_ago(w: &str) -> bool {
    matches!(w, "year-ago" | "year-earlier")
}

/// "the year-ago quarter", "the comparable year-earlier period", "the
/// year-ago third quarter" (from `start`), or "year-earlier" alone before
/// another noun ("year-earlier profit"); `i` is the "year-ago" word.
pub(super) fn year_ago(v: &View<'_>, i: usize, start: usize) -> Option<Found> {
    let next = v.low(i + 1);
    let (quarter, end) = match next {
        "quarter" => (true, i + 2),
        "period" => (false, i + 2),
        _ if v.has(i + 1, ORDINAL) && v.is(i + 2, "quarter") => (true, i + 3),
        _ => return found(Expr::YearAgo(false), i, i + 1),
    };
    found(Expr::YearAgo(quarter), start, end)
}

/// "spring 2009", "in spring", "in the autumn", "their Autumn meetings";
/// not "spring water", "prices fall" nor "the fall of the city".
pub(super) fn season(v: &View<'_>, i: usize, m: u32, start: usize) -> Option<Found> {
    if let Some(y) = v.year(i + 1) {
        return found(Expr::Season(m, YearRef::Abs(y)), start, i + 2);
    }
    if v.is(i + 1, "of") {
        return None;
    }
    let before = if start < i {
        start.wrapping_sub(1)
    } else {
        i.wrapping_sub(1)
    };
    let prev = v.low(before);
    let by_prep = matches!(
        prev,
        "in" | "during" | "since" | "until" | "by" | "through" | "over" | "into" | "throughout"
    ) || v.has(before, HEDGE);
    let by_det = start == i
        && v.is_cap(i)
        && v.has(before, DETERMINER)
        && v.is_word(i + 1)
        && !v.is_cap(i + 1);
    let start = if v.has(before, HEDGE) && start == i {
        i - 1
    } else {
        start
    };
    (by_prep || by_det).then_some(Found {
        expr: Expr::Season(m, YearRef::Open),
        start,
        end: i + 1,
        possessive: false,
    })
}

/// "Christmas", "Christmas Eve", "Valentine's Day", "New Year's Eve":
/// a bare holiday only after a preposition ("by Christmas"), not in a
/// name ("Christmas Island") nor as a modifier ("Christmas trees").
pub(super) fn holiday(v: &View<'_>, i: usize) -> Option<Found> {
    if let Some(f) = movable_holiday(v, i) {
        return Some(f);
    }
    let (key, (m, d, needs_day)) = if v.is(i, "new") && v.is(i + 1, "year") && v.is_cap(i + 1) {
        (i + 1, (1, 1, true))
    } else {
        (i, lookup(lex::HOLIDAYS, v.low(i))?)
    };
    let suffix = v.is_cap(key + 1) && matches!(v.low(key + 1), "day" | "eve");
    let eve = suffix && v.is(key + 1, "eve");
    if !suffix {
        let prev = v.low(i.wrapping_sub(1));
        let by_prep = v.has(i.wrapping_sub(1), PREPOSITION) || matches!(prev, "at" | "over");
        if needs_day || !by_prep || v.is_cap(key + 1) {
            return None;
        }
    }
    let (m, d) = match (eve, m, d) {
        (true, 1, 1) => (12, 31),
        (true, m, d) => (m, d - 1),
        _ => (m, d),
    };
    found(Expr::MonthDay(m, d), i, key + 1 + usize::from(suffix))
}

/// "Thanksgiving Day", "on Thanksgiving", "last Thanksgiving"; not
/// "Thanksgiving dinner" nor "a Thanksgiving Parade".
pub(super) fn movable_holiday(v: &View<'_>, i: usize) -> Option<Found> {
    let (m, wd, n) = lookup(lex::MOVABLE_HOLIDAYS, v.low(i))?;
    let day = v.is_cap(i + 1) && v.is(i + 1, "day");
    let prev = v.low(i.wrapping_sub(1));
    let shift = match prev {
        "last" => Some(-1),
        "next" => Some(1),
        _ => None,
    };
    let by_prep = v.has(i.wrapping_sub(1), PREPOSITION) || matches!(prev, "at" | "over");
    if !(day || shift.is_some() || by_prep && !v.is_word(i + 1)) {
        return None;
    }
    let start = if shift.is_some() { i - 1 } else { i };
    found(
        Expr::NthWeekday(m, wd, n, shift),
        start,
        i + 1 + usize::from(day),
    )
}

/// "by year-end", "since year end", "before the year's end": after a
/// preposition only ("year-end bonuses" is no date).
pub(super) fn year_end(v: &View<'_>, i: usize, end: usize) -> Option<Found> {
    let start = if v.is(i.wrapping_sub(1), "the") {
        i - 1
    } else {
        i
    };
    let prev = v.low(start.wrapping_sub(1));
    let by_prep = v.has(start.wrapping_sub(1), PREPOSITION) || matches!(prev, "at" | "near");
    (by_prep && !v.is_word(end)).then_some(Found {
        expr: Expr::YearEnd,
        start,
        end,
        possessive: false,
    })
}

/// A year said in words, as broadcasts write them, from token `i`:
/// "nineteen eighty-two", "nineteen sixty"; the year and its end token.
pub(super) fn spoken_year(v: &View<'_>, i: usize) -> Option<(i32, usize)> {
    if !v.is(i, "nineteen") {
        return None;
    }
    let n = crate::extract::small_word(v.low(i + 1)).filter(|n| (10..=99).contains(n))?;
    Some((1900 + n as i32, i + 2))
}

/// "two thousand", "two thousand and eight", "two thousand ten" from
/// token `i` (a count anywhere else: only read after "the year").
pub(super) fn thousands_year(v: &View<'_>, i: usize) -> Option<(i32, usize)> {
    if !(v.is(i, "two") && v.is(i + 1, "thousand")) {
        return None;
    }
    let k = i + 2 + usize::from(v.is(i + 2, "and"));
    match crate::extract::small_word(v.low(k)).filter(|n| (1..=99).contains(n)) {
        Some(n) => Some((2000 + n as i32, k + 1)),
        None => Some((2000, i + 2)),
    }
}

/// "the year", "the full year", "the fiscal year" standing for a year of
/// accounts ("sales for the full year", "a high for the year"); not "the
/// year ended March 31" (a length), "the year 2000", "the year when ...",
/// "the rest of the year" (a span to its end), nor an award ("player of
/// the year").
pub(super) fn the_year(v: &View<'_>, i: usize) -> Option<Found> {
    let qualified = v.has(i + 1, AFTER_THE) && contains(lex::YEAR_QUALIFIERS, v.low(i + 1));
    let j = i + 1 + usize::from(qualified);
    if !v.is(j, "year") || v.is_cap(j) || v.is_possessive(j) && j > i + 1 {
        return None;
    }
    let next = v.low(j + 1);
    let award =
        v.is(i.wrapping_sub(1), "of") && contains(lex::AWARD_NOUNS, v.low(i.wrapping_sub(2)));
    // "the rest of the year": from now to its end, not the year.
    let rest = v.is(i.wrapping_sub(1), "of")
        && matches!(v.low(i.wrapping_sub(2)), "rest" | "remainder" | "balance");
    let clause = matches!(
        next,
        "ended" | "ending" | "to" | "when" | "that" | "which" | "in" | "after" | "before" | "since"
    );
    // "the year 2005", "the year two thousand and five": the year itself.
    let number = v.ok(j + 1) && v.doc.tokens[j + 1].kind == TokenKind::Number
        || in_table(v, j + 1, OTHER_TRIGGER, lex::NUMBER_WORDS).is_some();
    if award || rest || clause || number {
        return None;
    }
    found(Expr::TheYear, i, j + 1)
}
