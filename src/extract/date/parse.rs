//! Recognising date expressions in a sentence's tokens.
//!
//! Each pattern starts at one token and looks a bounded number of tokens
//! ahead (and one or two back, for context such as "in" before a year), so
//! a pass over a document is linear. Word knowledge comes from
//! [`crate::lexicon::dates`]. This module does not resolve anything: it
//! returns an [`Expr`] and the token span it covers.

use super::named::{
    holiday, is_year_ago, season, spoken_year, the_year, thousands_year, year_ago, year_end,
};
use super::numeric::{ago, day_of_month, number_first};
use super::resolve::{Expr, Unit, YearRef};
use super::view::View;
use super::words::{
    word_bits, AFTER_THE, DETERMINER, HEDGE, MONTH, ORDINAL, OTHER_TRIGGER, PREPOSITION, SHIFT,
    TRIGGER, UNIT, WEEKDAY,
};
use crate::lexicon::dates::{self as lex, contains, lookup};
use crate::lexicon::same_word;
use crate::text::TokenKind;

/// A recognised expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    /// What it says.
    pub expr: Expr,
    /// First token of its surface text.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// Written as a possessive ("Tuesday's strike").
    pub possessive: bool,
}

pub(super) fn found(expr: Expr, start: usize, end: usize) -> Option<Found> {
    Some(Found {
        expr,
        start,
        end,
        possessive: false,
    })
}

/// The date expression starting at token `i`, if any.
pub(crate) fn parse_at(v: &View<'_>, i: usize) -> Option<Found> {
    let kind = v.doc.tokens[i].kind;
    debug_assert!(kind != TokenKind::Word || v.has(i, TRIGGER) == is_trigger(v.low(i)));
    let f = match kind {
        TokenKind::Number => number_first(v, i),
        // "the", the commonest start, is a trigger word (a test checks)
        // that goes to `the_first` at once: asked here, it need not be
        // classified, nor its text sliced as a `str`.
        TokenKind::Word => {
            if v.low_bytes(i) == b"the" {
                the_first(v, i)
            } else {
                // Classified once: `word_first` reads its table bits from
                // `c` rather than asking the view again.
                let c = v.class(i);
                if c & TRIGGER != 0 {
                    word_first(v, i, v.low(i), c)
                } else {
                    None
                }
            }
        }
        TokenKind::Punct => None,
    }?;
    let last = f.end - 1;
    Some(Found {
        possessive: v.is_possessive(last),
        ..f
    })
}

/// Whether a word (lower case) can start a date expression: in a table
/// of month, weekday, season, day, number, shift, hedge, ordinal or
/// holiday words, "new", "nineteen", "year", "that", "the", hyphenated, or
/// "q" and one more character. [`parse_at`] reads the same answer from the
/// token's [`super::words`] bits.
pub(crate) fn is_trigger(w: &str) -> bool {
    word_bits(w) & TRIGGER != 0
}

/// The value of token `i` in `table`, asked only when the token has the
/// table's [`super::words`] `bit` (the test inlined, the search not).
#[inline]
pub(super) fn in_table<T: Copy>(
    v: &View<'_>,
    i: usize,
    bit: u32,
    table: &[(&str, T)],
) -> Option<T> {
    if v.has(i, bit) {
        table_value(v.low(i), table)
    } else {
        None
    }
}

/// A bit per length of the keys of `table` (31 for 31 bytes or more).
const fn key_lengths<T>(table: &[(&str, T)]) -> u32 {
    let mut bits = 0;
    let mut k = 0;
    while k < table.len() {
        let n = table[k].0.len();
        bits |= 1 << if n < 31 { n } else { 31 };
        k += 1;
    }
    bits
}

/// The lengths of the day words ("today", "yesterday").
const DAY_WORD_LENGTHS: u32 = key_lengths(lex::DAY_WORDS);
/// The lengths of the seasons ("fall", "summer").
const SEASON_LENGTHS: u32 = key_lengths(lex::SEASONS);

/// Whether `w` has one of the key `lengths` of a table
/// ([`key_lengths`]): a word of another length is not in it, so its
/// search may be skipped ("a", "an" and "new", trigger words of other
/// tables, are not searched for among the day words).
#[inline]
fn fits(lengths: u32, w: &str) -> bool {
    lengths & (1 << w.len().min(31)) != 0
}

/// The value of `w` in `table`.
#[inline(never)]
fn table_value<T: Copy>(w: &str, table: &[(&str, T)]) -> Option<T> {
    if table.len() <= 8 {
        // A few keys: a scan comparing lengths and first bytes first
        // costs less than bisecting by string comparison.
        table.iter().find(|(k, _)| same_word(k, w)).map(|&(_, x)| x)
    } else {
        lookup(table, w)
    }
}

/// The month named by token `i`: a capitalised full name, or an
/// abbreviation ("Sept", "Sept.") when `abbrev` allows it. Lower-case
/// "may" and "march" are verbs, never months.
pub(super) fn month_word(v: &View<'_>, i: usize, abbrev: bool) -> Option<u32> {
    if !v.has(i, MONTH) || !v.is_cap(i) {
        return None;
    }
    let w = v.low(i);
    let m = lookup(lex::MONTHS, w)?;
    let full = w.len() >= 3 && (w == "may" || w.len() > 4 || w == "june" || w == "july");
    (full || abbrev).then_some(m)
}

/// The date starting at word `i`, `w` as [`View::low`] gives it and `c`
/// its [`super::words`] bits (each table's bit is read from `c`, not
/// asked of the view again).
fn word_first(v: &View<'_>, i: usize, w: &str, c: u32) -> Option<Found> {
    if w == "that" {
        return that_unit(v, i, i);
    }
    // (`month_word` asks the bit first; asked here, most words skip the
    // call.)
    if c & MONTH != 0 {
        if let Some(m) = month_word(v, i, true) {
            return month_first(v, i, m);
        }
    }
    if c & WEEKDAY != 0 {
        if let Some(wd) = table_value(w, lex::WEEKDAYS) {
            return weekday_first(v, i, wd, None, i);
        }
    }
    // Holidays ("new" of "New Year's Day" too) are among the other
    // trigger words.
    let other = c & OTHER_TRIGGER != 0;
    if other && v.is_cap(i) {
        if let Some(f) = holiday(v, i) {
            return Some(f);
        }
    }
    // (`in_table` of the other trigger words, from `w` at hand.)
    let day = if other && fits(DAY_WORD_LENGTHS, w) {
        table_value(w, lex::DAY_WORDS)
    } else {
        None
    };
    if let Some(n) = day {
        // "today's world", "in today's dollars", "the cars of tomorrow":
        // the present or the future in general, no day ("as of today" is).
        let prev = v.low(i.wrapping_sub(1));
        let generic = v.is_possessive(i) && contains(lex::TODAY_GENERIC, v.low(i + 1))
            || prev == "of" && !v.is(i.wrapping_sub(2), "as") && !v.is_word(i + 1);
        if generic {
            return None;
        }
        let mut end = i + 1;
        if !v.is_possessive(i) && contains(lex::DAY_PARTS, v.low(i + 1)) {
            end += 1;
        }
        let start = if matches!(v.low(i.wrapping_sub(1)), "earlier" | "later") {
            i - 1
        } else {
            i
        };
        return found(Expr::Day(n), start, end);
    }
    // "two days ago": a number word before a unit.
    if other && v.has(i + 1, UNIT) {
        if let Some(n) = lookup(lex::NUMBER_WORDS, w) {
            if let Some(f) = ago(v, i, n) {
                return Some(f);
            }
        }
    }
    // "nineteen" is among the other trigger words, and the only word
    // `spoken_year` starts from.
    if other && w == "nineteen" {
        if let Some((y, end)) = spoken_year(v, i) {
            return found(Expr::Year(y), i, end);
        }
    }
    if w == "year-end" || w == "year" && v.is(i + 1, "end") {
        return year_end(v, i, if w == "year" { i + 2 } else { i + 1 });
    }
    if c & SHIFT != 0 {
        if let Some(s) = table_value(w, lex::SHIFTS) {
            return shift_first(v, i, s, i);
        }
    }
    if c & HEDGE != 0 {
        if v.is(i + 1, "that") {
            return that_unit(v, i + 1, i);
        }
        if let Some(s) = in_table(v, i + 1, SHIFT, lex::SHIFTS) {
            return shift_first(v, i + 1, s, i);
        }
        return None;
    }
    if is_year_ago(w) {
        return year_ago(v, i, i);
    }
    if let Some(rest) = w.strip_prefix("mid-") {
        if let Some(m) = lookup(lex::MONTHS, rest).filter(|_| rest.len() > 3) {
            return found(Expr::Month(m, None), i, i + 1);
        }
        if let Ok(y @ 1000..=2199) = rest.parse::<i32>() {
            return found(Expr::Year(y), i, i + 1);
        }
    }
    // "Q3", "Q3 2019"
    if let Some(q @ 1..=4) = w.strip_prefix('q').and_then(|d| d.parse::<u32>().ok()) {
        if !v.text(i).starts_with('Q') {
            return None;
        }
        return match v.year(i + 1) {
            Some(y) => found(Expr::Quarter(q, YearRef::Abs(y)), i, i + 2),
            None => found(Expr::Quarter(q, YearRef::Open), i, i + 1),
        };
    }
    if let Some(q) = quarter_word(w) {
        return found(Expr::Quarter(q, YearRef::Open), i, i + 1);
    }
    // "Third quarter 2027 earnings", "first quarter of 2021" (without
    // "the", as results are headed).
    if c & ORDINAL != 0 && v.is(i + 1, "quarter") {
        if let Some(q) = table_value(w, lex::QUARTER_ORDINALS) {
            if !v.is_cap(i + 1) {
                let (year, end) = quarter_year(v, i + 2);
                return found(Expr::Quarter(q, year), i, end);
            }
        }
    }
    let season_month = if other && fits(SEASON_LENGTHS, w) {
        table_value(w, lex::SEASONS)
    } else {
        None
    };
    if let Some(m) = season_month {
        return season(v, i, m, i);
    }
    None
}

/// The calendar unit named by token `i`, singular, not the weekend.
fn unit_at(v: &View<'_>, i: usize) -> Option<Unit> {
    let u = Unit::from_code(in_table(v, i, UNIT, lex::UNITS)?);
    let w = v.low(i);
    (!w.ends_with('s') && u != Unit::Weekend).then_some(u)
}

/// "that year", "later that month": the unit of the date just told
/// (from `start`; "that day" is left alone, too often "that day care").
fn that_unit(v: &View<'_>, i: usize, start: usize) -> Option<Found> {
    let u = unit_at(v, i + 1).filter(|u| *u != Unit::Day)?;
    found(Expr::ThatUnit(u, 0), start, i + 2)
}

/// "third-quarter", "first-quarter" as one hyphenated word.
fn quarter_word(w: &str) -> Option<u32> {
    // No ordinal holds a hyphen: the same as splitting at the first one.
    let ord = w.strip_suffix("-quarter")?;
    lookup(lex::QUARTER_ORDINALS, ord)
}

fn month_first(v: &View<'_>, i: usize, m: u32) -> Option<Found> {
    let w = v.low(i);
    let dot = usize::from(v.text(i + 1) == ".");
    if let Some(d) = v.day(i + 1 + dot) {
        let j = i + 2 + dot;
        let comma = usize::from(v.text(j) == ",");
        if let Some(y) = v.year(j + comma) {
            return found(Expr::Ymd(y, m, d), i, j + comma + 1);
        }
        if v.is(j, "of") {
            if let Some(y) = v.year(j + 1) {
                return found(Expr::Ymd(y, m, d), i, j + 2);
            }
        }
        return found(Expr::MonthDay(m, d), i, j);
    }
    if let Some(y) = v.year(i + 1 + dot) {
        return found(Expr::MonthYear(y, m), i, i + 2 + dot);
    }
    if let Some((y, end)) = spoken_year(v, i + 1) {
        return found(Expr::MonthYear(y, m), i, end);
    }
    if month_word(v, i, false).is_none() || w.len() <= 3 && w != "may" {
        return None;
    }
    // A bare month needs a word that makes it a date: "in March", "since
    // January", "their January sales"; "May" and "March" open sentences
    // as verbs and follow "the" as names ("the March on Washington").
    let prev = v.low(i.wrapping_sub(1));
    let next_low = v.is_word(i + 1) && !v.is_cap(i + 1);
    // "for October", "for November deliveries" ("for May", "for March"
    // may name a person or a protest).
    let by_for = prev == "for" && !matches!(w, "may" | "march");
    let before = i.wrapping_sub(1);
    let by_prep = v.has(before, PREPOSITION | HEDGE) || by_for;
    let by_det = v.has(before, DETERMINER)
        && next_low
        && !v.has(i + 1, PREPOSITION)
        && !matches!(w, "may" | "march");
    if by_prep || by_det {
        let start = if v.has(before, HEDGE) { i - 1 } else { i };
        if let (Some(n), true) = (in_table(v, i + 1, SHIFT, lex::SHIFTS), v.is(i + 2, "year")) {
            return found(Expr::MonthOfYear(m, n), start, i + 3);
        }
        return match year_ref_after_of(v, i + 1) {
            (YearRef::Abs(y), end) => found(Expr::MonthYear(y, m), start, end),
            (YearRef::Rel(n), _) => found(Expr::MonthOfYear(m, n), start, i + 1),
            (YearRef::Open, _) => found(Expr::Month(m, None), start, i + 1),
        };
    }
    None
}

fn weekday_first(
    v: &View<'_>,
    i: usize,
    wd: u32,
    shift: Option<i32>,
    start: usize,
) -> Option<Found> {
    if !v.is_cap(i) {
        return None;
    }
    if contains(lex::WEEKDAY_NAME_BEFORE, v.low(i.wrapping_sub(1))) && start == i {
        return None;
    }
    if v.is_cap(i + 1) && contains(lex::WEEKDAY_NAME_AFTER, v.low(i + 1)) {
        return None;
    }
    // "Tuesday, September 9[, 2025]", "Tuesday 9 September": the written
    // date decides, and the weekday picks the year of a year-less one.
    if !v.is_possessive(i) {
        let j = i + 1 + usize::from(v.text(i + 1) == ",");
        let written = match month_word(v, j, true) {
            Some(m) => month_first(v, j, m),
            None if v.day(j).is_some() => number_first(v, j),
            None => None,
        };
        match written {
            Some(
                f @ Found {
                    expr: Expr::Ymd(..),
                    ..
                },
            ) => return found(f.expr, start, f.end),
            Some(
                f @ Found {
                    expr: Expr::MonthDay(m, d),
                    ..
                },
            ) => return found(Expr::MonthDayOn(m, d, wd), start, f.end),
            _ => {}
        }
    }
    let mut end = i + 1;
    if !v.is_possessive(i) && contains(lex::DAY_PARTS, v.low(i + 1)) {
        end += 1;
    }
    found(Expr::Weekday(wd, shift), start, end)
}

/// "the weekend", "the past week", "the third quarter of 2009".
fn the_first(v: &View<'_>, i: usize) -> Option<Found> {
    // Every pattern below needs one of these words after "the", or a
    // day number ("the 9th of May"): most "the"s stop here.
    let next_number = v.ok(i + 1) && v.doc.tokens[i + 1].kind == TokenKind::Number;
    if !next_number && !v.has(i + 1, UNIT | SHIFT | ORDINAL | AFTER_THE | OTHER_TRIGGER) {
        return None;
    }
    let w = v.low(i + 1);
    if v.is(i + 2, "week") && v.is(i + 3, "of") {
        let n = match w {
            "last" | "final" => -1,
            _ => in_table(v, i + 1, ORDINAL, lex::QUARTER_ORDINALS)? as i32,
        };
        let m = month_word(v, i + 4, false)?;
        return match v.year(i + 5) {
            Some(y) => found(Expr::WeekOfMonth(n, m, YearRef::Abs(y)), i, i + 6),
            None => found(Expr::WeekOfMonth(n, m, YearRef::Open), i, i + 5),
        };
    }
    if w == "weekend" {
        return found(Expr::Weekend(None), i, i + 2);
    }
    // "the following year": the unit after the date just told.
    if w == "following" {
        return found(Expr::ThatUnit(unit_at(v, i + 2)?, 1), i, i + 3);
    }
    // "the current year", "the current fiscal year": this one.
    if w == "current" {
        let j = i + 2 + usize::from(v.is(i + 2, "fiscal") && v.is(i + 3, "year"));
        let u = unit_at(v, j).filter(|u| *u != Unit::Day)?;
        return found(Expr::Span(u, 0), i, j + 1);
    }
    let k = if matches!(w, "comparable" | "corresponding") {
        i + 2
    } else {
        i + 1
    };
    if is_year_ago(v.low(k)) {
        return year_ago(v, k, i);
    }
    // "the quarter": the one just told; "the latest quarter", "the latest
    // period", "the most recent quarter": the last one completed, even
    // after a year-ago one was told.
    let q = match [w, v.low(i + 2), v.low(i + 3)] {
        ["quarter", ..] => Some((i + 2, Expr::TheQuarter)),
        ["latest", "quarter" | "period", _] => Some((i + 3, Expr::QuarterRel(-1))),
        ["most", "recent", "quarter"] => Some((i + 4, Expr::QuarterRel(-1))),
        _ => None,
    };
    if let Some((end, expr)) = q.filter(|&(e, _)| !v.is_cap(e - 1)) {
        return found(expr, i, end);
    }
    if let Some(f) = anaphoric(v, i) {
        return Some(f);
    }
    if v.is(i + 1, "year") && v.is(i + 2, "end") {
        return year_end(v, i + 1, i + 3);
    }
    // "the year two thousand and five", "the year nineteen sixty".
    if v.is(i + 1, "year") {
        if let Some((y, end)) = spoken_year(v, i + 2).or_else(|| thousands_year(v, i + 2)) {
            return found(Expr::Year(y), i, end);
        }
    }
    if let Some(f) = the_year(v, i) {
        return Some(f);
    }
    if let (Some(d), true) = (v.day(i + 1), v.is(i + 2, "of")) {
        return day_of_month(v, i + 1, d).map(|f| Found { start: i, ..f });
    }
    if let Some(m) = in_table(v, i + 1, OTHER_TRIGGER, lex::SEASONS) {
        return season(v, i + 1, m, i);
    }
    if let Some(s) = in_table(v, i + 1, SHIFT, lex::SHIFTS) {
        if s != 0 {
            let f = shift_first(v, i + 1, s, i)?;
            return matches!(
                f.expr,
                Expr::Span(..) | Expr::Weekend(_) | Expr::QuarterRel(_)
            )
            .then_some(f);
        }
        return None;
    }
    if let Some(q) = in_table(v, i + 1, ORDINAL, lex::QUARTER_ORDINALS) {
        if !v.is(i + 2, "quarter") {
            return None;
        }
        let (year, end) = quarter_year(v, i + 3);
        return found(Expr::Quarter(q, year), i, end);
    }
    None
}

/// Dates told from the date before them: "the same period last year",
/// "the previous year", "the year before" (at the end of a clause; "the
/// year before the war" is a relation to an event, not a date).
fn anaphoric(v: &View<'_>, i: usize) -> Option<Found> {
    let w = v.low(i + 1);
    let unit = |j: usize| {
        in_table(v, j, UNIT, lex::UNITS)
            .map(Unit::from_code)
            .filter(|u| !v.low(j).ends_with('s') && *u != Unit::Weekend)
    };
    let same = matches!(w, "same" | "comparable" | "corresponding");
    if same && (unit(i + 2).is_some() || matches!(v.low(i + 2), "period" | "time")) {
        let tail = [v.low(i + 3), v.low(i + 4), v.low(i + 5)];
        let end = match tail {
            ["last", "year", _] => i + 5,
            ["a" | "one", "year", "ago" | "earlier" | "before"] => i + 6,
            ["the", "previous" | "prior", "year"] | ["the", "year", "before"] => i + 6,
            _ => return None,
        };
        return found(Expr::SameYearBefore, i, end);
    }
    if matches!(w, "previous" | "prior") {
        return found(Expr::UnitBefore(unit(i + 2)?), i, i + 3);
    }
    let u = unit(i + 1)?;
    let closes = !v.is_word(i + 3) || v.is(i + 3, "and");
    (matches!(v.low(i + 2), "before" | "previous" | "earlier") && closes).then_some(Found {
        expr: Expr::UnitBefore(u),
        start: i,
        end: i + 3,
        possessive: false,
    })
}

/// What follows "of" after a quarter: "of 2009", "of this year", "of last
/// year"; returns the reference and the end token.
/// The year a quarter at `i` names: "of 2009", "of last year", or a
/// bare year ("the third quarter 2027").
fn quarter_year(v: &View<'_>, i: usize) -> (YearRef, usize) {
    match v.year(i) {
        Some(y) => (YearRef::Abs(y), i + 1),
        None => year_ref_after_of(v, i),
    }
}

fn year_ref_after_of(v: &View<'_>, i: usize) -> (YearRef, usize) {
    if v.is(i, "of") {
        if let Some(y) = v.year(i + 1) {
            return (YearRef::Abs(y), i + 2);
        }
        if let Some(s) = in_table(v, i + 1, SHIFT, lex::SHIFTS) {
            if v.is(i + 2, "year") {
                return (YearRef::Rel(s), i + 3);
            }
        }
    }
    (YearRef::Open, i)
}

/// After a shift word at `i` ("last", "this", "next", "past"), with the
/// expression's first token at `start`.
fn shift_first(v: &View<'_>, i: usize, s: i32, start: usize) -> Option<Found> {
    let here = v.low(i);
    let w = v.low(i + 1);
    // "this past spring": the last one.
    if here == "this" && w == "past" {
        return shift_first(v, i + 1, -1, start);
    }
    if matches!(here, "past" | "coming" | "previous") {
        let with_the = start < i && v.is(start, "the") || v.is(i.wrapping_sub(1), "the");
        let with_the = with_the || start < i && v.is(start, "this");
        let next_is_day = v.has(i + 1, WEEKDAY) || month_word(v, i + 1, false).is_some();
        if !with_the && !next_is_day {
            return None;
        }
    }
    if let Some(code) = in_table(v, i + 1, UNIT, lex::UNITS) {
        // "ABC's \"This Week\"": both words capitalised inside a sentence
        // make a title.
        if v.is_cap(i + 1) && v.is_cap(start) && start > v.lo {
            return None;
        }
        let unit = Unit::from_code(code);
        // Plurals ("the past three years") are durations; "the last week
        // of March" is a part of something else.
        let part_of = v.is(i + 2, "of")
            && (month_word(v, i + 3, false).is_some()
                || v.year(i + 3).is_some()
                || v.has(i + 3, DETERMINER));
        if w.ends_with('s') || part_of || unit == Unit::Day {
            return None;
        }
        let expr = match unit {
            Unit::Weekend => Expr::Weekend((s != 0).then_some(s)),
            Unit::Quarter => Expr::QuarterRel(s),
            _ => Expr::Span(unit, s),
        };
        return found(expr, start, i + 2);
    }
    if s == 0 && contains(lex::DAY_PARTS, w) && w != "night" {
        return found(Expr::Day(0), start, i + 2);
    }
    if here == "last" && w == "night" {
        return found(Expr::Day(-1), start, i + 2);
    }
    if let Some(m) = month_word(v, i + 1, false) {
        return found(Expr::Month(m, Some(s)), start, i + 2);
    }
    if let Some(wd) = in_table(v, i + 1, WEEKDAY, lex::WEEKDAYS) {
        let shift = (s != 0).then_some(s);
        return weekday_first(v, i + 1, wd, shift, start);
    }
    if let Some(m) = in_table(v, i + 1, OTHER_TRIGGER, lex::SEASONS) {
        return found(Expr::SeasonShift(m, s), start, i + 2);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_word_is_a_trigger_and_plain_words_are_not() {
        for (w, _) in lex::MONTHS.iter().chain(lex::WEEKDAYS) {
            assert!(is_trigger(w), "{w}");
        }
        // `parse_at` takes "the" as a start unasked.
        assert!(is_trigger("the") && is_trigger("q3") && is_trigger("mid-march"));
        assert!(!is_trigger("said") && !is_trigger("") && !is_trigger("théatre"));
    }

    #[test]
    fn every_key_fits_its_lengths() {
        for (w, _) in lex::DAY_WORDS {
            assert!(fits(DAY_WORD_LENGTHS, w), "{w}");
        }
        for (w, _) in lex::SEASONS {
            assert!(fits(SEASON_LENGTHS, w), "{w}");
        }
        assert!(!fits(DAY_WORD_LENGTHS, "a") && !fits(SEASON_LENGTHS, "an"));
    }

    #[test]
    fn word_first_may_try_the_before_the_tables() {
        // `parse_at` tries "the" before `word_first`'s tables: they must
        // not hold it.
        assert!(lookup(lex::MONTHS, "the").is_none() && lookup(lex::WEEKDAYS, "the").is_none());
        assert!(lookup(lex::HOLIDAYS, "the").is_none());
        assert!(lookup(lex::MOVABLE_HOLIDAYS, "the").is_none());
        assert!(lookup(lex::DAY_WORDS, "the").is_none());
        assert!(lookup(lex::NUMBER_WORDS, "the").is_none());
        // `quarter_word` cuts "-quarter" off the end, not at the first hyphen.
        assert!(lex::QUARTER_ORDINALS.iter().all(|(k, _)| !k.contains('-')));
    }
}
