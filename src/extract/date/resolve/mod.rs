//! Turning a parsed date expression into a day or a span of days.
//!
//! Relative and year-less expressions resolve against the publication date
//! and the tense of the verb they belong to; without a publication date
//! they stay unresolved (`None`), never guessed. This module does not read
//! text: the parser hands it an [`Expr`] and a [`Tense`].

use super::calendar::{
    month_span, months_span, quarter_span, shift_month, week_of, week_of_month, year_span, ymd,
};
use crate::extract::DateRange;
use chrono::{Datelike, Duration, NaiveDate};

/// Calendar units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Weekend,
}

impl Unit {
    /// The unit of a [`crate::lexicon::dates::UNITS`] code.
    pub(crate) fn from_code(code: u8) -> Unit {
        match code {
            0 => Unit::Day,
            1 => Unit::Week,
            2 => Unit::Month,
            3 => Unit::Quarter,
            5 => Unit::Weekend,
            _ => Unit::Year,
        }
    }
}

/// Which year a year-less quarter or season belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearRef {
    /// Written out: "the first quarter of 2009".
    Abs(i32),
    /// Relative to the publication year: "of last year" is -1.
    Rel(i32),
    /// Not given: the nearest one consistent with tense.
    Open,
}

/// A parsed date expression, not yet resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expr {
    /// "September 9, 2025", "2025-09-09".
    Ymd(i32, u32, u32),
    /// "September 9".
    MonthDay(u32, u32),
    /// "Tuesday, September 9": month, day and weekday (Monday = 0).
    MonthDayOn(u32, u32, u32),
    /// "March 2024".
    MonthYear(i32, u32),
    /// "in March" (shift `None`), "last September" (Some(-1)).
    Month(u32, Option<i32>),
    /// "October of next year": month and years from publication.
    MonthOfYear(u32, i32),
    /// "the last week of March": nth full Monday-Sunday week inside the
    /// month, -1 for the last.
    WeekOfMonth(i32, u32, YearRef),
    /// "the same period last year": the date before it, a year earlier.
    SameYearBefore,
    /// "the year-ago period", "year-earlier" (false), "the year-ago
    /// quarter" (true): the period told before it, or the quarter of the
    /// day told before it, a year earlier.
    YearAgo(bool),
    /// "the 2030 period", "the 2030 quarter" (true): the period told
    /// before it (the quarter of a day told), in that year; the year alone
    /// when none was told.
    PeriodIn(i32, bool),
    /// "that year" (0), "the following month" (1): the unit of the date
    /// told before it, shifted.
    ThatUnit(Unit, i32),
    /// "the previous year": the unit before the one of the date before it.
    UnitBefore(Unit),
    /// "Thanksgiving": the `n`th weekday `wd` (Monday = 0) of month `m`,
    /// in the year the tense points to; shift -1 for "last Thanksgiving",
    /// 1 for "next Thanksgiving".
    NthWeekday(u32, u32, u32, Option<i32>),
    /// "by year-end", "since year end": the last day of this year ahead,
    /// of last year behind.
    YearEnd,
    /// "the year", "the full year": the year of the date told before it,
    /// else the publication year.
    TheYear,
    /// "1998".
    Year(i32),
    /// "the 1990s": the first year.
    Decade(i32),
    /// "on Sunday" (shift `None`), "last Friday" (Some(-1)).
    Weekday(u32, Option<i32>),
    /// "yesterday": days from publication.
    Day(i64),
    /// "last week": unit and offset from the current one.
    Span(Unit, i32),
    /// "over the weekend": shift as for weekdays.
    Weekend(Option<i32>),
    /// "two days ago".
    Ago(i64, Unit),
    /// "a year earlier": units before the date told before it.
    Before(i64, Unit),
    /// "the quarter", "the latest quarter": the quarter just told, else
    /// the last one completed, as earnings reports mean it.
    TheQuarter,
    /// "the third quarter of 2009".
    Quarter(u32, YearRef),
    /// "last summer" (-1), "this spring" (0), "next autumn" (1): first
    /// month and shift.
    SeasonShift(u32, i32),
    /// "the last quarter": quarters from the current one.
    QuarterRel(i32),
    /// "spring 2009": first month and year.
    Season(u32, YearRef),
}

impl Expr {
    /// Whether the expression is told from the date before it.
    pub(crate) fn is_anaphoric(self) -> bool {
        matches!(
            self,
            Expr::SameYearBefore
                | Expr::YearAgo(_)
                | Expr::PeriodIn(..)
                | Expr::ThatUnit(..)
                | Expr::UnitBefore(_)
                | Expr::TheYear
                | Expr::Before(..)
        )
    }

    /// Whether [`resolve_after`] may read the tense for the expression.
    /// False for those that name their dates outright ("2025", "March
    /// 2024") or count whole units from publication or from the date
    /// before ("last week", "two days ago", "the previous year"): none of
    /// their arms, nor [`resolve_relative`]'s `Span`, `Day` and `Ago`
    /// arms they reach, looks at it; so the extractor need not work the
    /// tense out for them. Anything else, new variants too, says true.
    pub(crate) fn needs_tense(self) -> bool {
        self.is_relative()
            && !matches!(
                self,
                Expr::Quarter(_, YearRef::Rel(_))
                    | Expr::Season(_, YearRef::Rel(_))
                    | Expr::Month(_, Some(_))
                    | Expr::MonthOfYear(..)
                    | Expr::SeasonShift(..)
                    | Expr::Span(..)
                    | Expr::Day(_)
                    | Expr::Ago(..)
                    | Expr::Before(..)
                    | Expr::QuarterRel(_)
                    | Expr::TheQuarter
                    | Expr::SameYearBefore
                    | Expr::YearAgo(_)
                    | Expr::PeriodIn(..)
                    | Expr::ThatUnit(..)
                    | Expr::UnitBefore(_)
                    | Expr::TheYear
            )
    }

    /// Whether the expression needs the publication date.
    pub(crate) fn is_relative(self) -> bool {
        !matches!(
            self,
            Expr::Ymd(..)
                | Expr::MonthYear(..)
                | Expr::Year(_)
                | Expr::Decade(_)
                | Expr::Quarter(_, YearRef::Abs(_))
                | Expr::Season(_, YearRef::Abs(_))
                | Expr::WeekOfMonth(_, _, YearRef::Abs(_))
        )
    }
}

/// The tense of the verb a date belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
    Unknown,
}

/// The year for a year-less day: the one nearest `pub_date`, preferring
/// the side the tense points to when that one is within about ten months.
fn year_for(month: u32, day: u32, pub_date: NaiveDate, tense: Tense) -> Option<NaiveDate> {
    let y = pub_date.year();
    let cands: Vec<NaiveDate> = (y - 1..=y + 1).filter_map(|y| ymd(y, month, day)).collect();
    let dist = |d: &NaiveDate| (*d - pub_date).num_days().abs();
    let within = |d: &NaiveDate| dist(d) <= 300;
    let pick = match tense {
        Tense::Past => cands.iter().filter(|d| **d <= pub_date && within(d)).max(),
        Tense::Future => cands.iter().filter(|d| **d >= pub_date && within(d)).min(),
        Tense::Unknown => None,
    };
    pick.or_else(|| cands.iter().min_by_key(|d| dist(d)))
        .copied()
}

/// The month `month` nearest the publication month, on the tense's side.
fn month_for(month: u32, pub_date: NaiveDate, tense: Tense) -> (i32, u32) {
    let y = pub_date.year();
    let here = y * 12 + pub_date.month() as i32 - 1;
    let cands = [y - 1, y, y + 1].map(|y| (y, y * 12 + month as i32 - 1));
    let pick = match tense {
        Tense::Past => cands.iter().filter(|c| c.1 <= here).max_by_key(|c| c.1),
        Tense::Future => cands.iter().filter(|c| c.1 >= here).min_by_key(|c| c.1),
        Tense::Unknown => cands
            .iter()
            .min_by_key(|c| ((c.1 - here).abs(), c.1 > here)),
    };
    (pick.map_or(y, |c| c.0), month)
}

/// The day of weekday `wd` (Monday = 0) that a news sentence means.
/// Past: the most recent one, the publication day included (an article of
/// a Sunday saying "on Sunday" in the past tense means that day). Future:
/// the next one, the publication day included. "last Wednesday" is the
/// Wednesday of the previous Monday-Sunday week (read on a Thursday, eight
/// days back: yesterday would be plain "Wednesday"); "next" is the coming
/// one after the publication day.
fn weekday_for(wd: u32, shift: Option<i32>, pub_date: NaiveDate, tense: Tense) -> NaiveDate {
    let today = pub_date.weekday().num_days_from_monday() as i64;
    let back = (today - wd as i64).rem_euclid(7);
    let ahead = (wd as i64 - today).rem_euclid(7);
    match (shift, tense) {
        (Some(-1), _) => pub_date - Duration::days(today + 7 - wd as i64),
        (Some(1), _) => pub_date + Duration::days(if ahead == 0 { 7 } else { ahead }),
        (_, Tense::Future) => pub_date + Duration::days(ahead),
        _ => pub_date - Duration::days(back),
    }
}

/// Resolve `e` told after the date `prev` (the last one before it in the
/// same stretch of text): "the same period last year" shifts `prev` a year
/// back, "the previous year" is the year before `prev`'s. Without `prev`
/// the first has no value and the second counts from publication.
pub(crate) fn resolve_after(
    e: Expr,
    prev: Option<DateRange>,
    pub_date: Option<NaiveDate>,
    tense: Tense,
) -> Option<DateRange> {
    let year_back = |d: NaiveDate| d.checked_sub_months(chrono::Months::new(12));
    match (e, prev) {
        (Expr::SameYearBefore, Some(p)) => Some(DateRange {
            start: year_back(p.start)?,
            end: year_back(p.end)?,
        }),
        (Expr::SameYearBefore | Expr::YearAgo(false) | Expr::ThatUnit(..), None) => None,
        // "the year-ago quarter" with no period told: the last quarter
        // completed, a year back, as earnings news compares them.
        (Expr::YearAgo(true), None) => {
            let quarter = resolve_relative(Expr::QuarterRel(-1), pub_date?, tense)?;
            shift_back(quarter, 1, Unit::Year)
        }
        (Expr::ThatUnit(u, n), Some(p)) => resolve_relative(Expr::Span(u, n), p.start, tense),
        (Expr::PeriodIn(y, quarter), Some(p)) if p.start.year() == p.end.year() => {
            let p = match (quarter, p.start == p.end) {
                (true, _) => resolve_relative(Expr::Span(Unit::Quarter, 0), p.start, tense)?,
                (false, true) => return year_span(y),
                (false, false) => p,
            };
            let back = i64::from(p.start.year() - y);
            if back >= 0 {
                shift_back(p, back, Unit::Year)
            } else {
                year_span(y)
            }
        }
        (Expr::PeriodIn(y, _), _) => year_span(y),
        (Expr::YearAgo(true), Some(p)) => {
            let quarter = resolve_relative(Expr::Span(Unit::Quarter, 0), p.start, tense)?;
            shift_back(quarter, 1, Unit::Year)
        }
        // A period a year back is not counted from a single day.
        (Expr::YearAgo(false), Some(p)) if p.start == p.end => None,
        (Expr::YearAgo(false), Some(p)) => shift_back(p, 1, Unit::Year),
        (Expr::Before(n, unit), Some(p)) => shift_back(p, n, unit),
        // "a year earlier" with no date told: counted from publication,
        // as "a year ago" is.
        (Expr::Before(n, unit), None) => resolve(Expr::Ago(n, unit), pub_date, tense),
        (Expr::TheQuarter, Some(p)) if is_quarter(p) => Some(p),
        // "from a year ago" after a quarter or a month: the same span a
        // year before, as financial news compares periods.
        (Expr::Ago(1, Unit::Year), Some(p)) if p.start != p.end => shift_back(p, 1, Unit::Year),
        (Expr::UnitBefore(u), Some(p)) => resolve_relative(Expr::Span(u, -1), p.start, tense),
        (Expr::TheYear, Some(p)) => year_span(p.start.year()),
        (Expr::TheYear, None) => resolve(Expr::Span(Unit::Year, 0), pub_date, tense),
        // "the previous year" alone is last year; "the day before" alone
        // is a relation to an event, not a date.
        (Expr::UnitBefore(Unit::Day | Unit::Week), None) => None,
        (Expr::UnitBefore(u), None) => resolve(Expr::Span(u, -1), pub_date, tense),
        _ => resolve(e, pub_date, tense),
    }
}

/// Whether the span is a calendar quarter.
fn is_quarter(p: DateRange) -> bool {
    p.start.day() == 1
        && p.start.month() % 3 == 1
        && quarter_span(p.start.year(), (p.start.month() - 1) / 3 + 1) == Some(p)
}

/// The span `p`, `n` units earlier, keeping its length in months or days.
fn shift_back(p: DateRange, n: i64, unit: Unit) -> Option<DateRange> {
    let months =
        |d: NaiveDate, m: i64| d.checked_sub_months(chrono::Months::new(u32::try_from(m).ok()?));
    let days = |d: NaiveDate, k: i64| d.checked_sub_signed(Duration::days(k));
    let (start, end) = match unit {
        Unit::Year => (
            months(p.start, 12 * n)?,
            months(p.end + Duration::days(1), 12 * n)? - Duration::days(1),
        ),
        Unit::Quarter => (
            months(p.start, 3 * n)?,
            months(p.end + Duration::days(1), 3 * n)? - Duration::days(1),
        ),
        Unit::Month => (
            months(p.start, n)?,
            months(p.end + Duration::days(1), n)? - Duration::days(1),
        ),
        Unit::Week | Unit::Weekend => (days(p.start, 7 * n)?, days(p.end, 7 * n)?),
        Unit::Day => (days(p.start, n)?, days(p.end, n)?),
    };
    Some(DateRange { start, end })
}

/// Resolve `e`; `None` when it needs a publication date and has none, or
/// names no real day.
pub(crate) fn resolve(e: Expr, pub_date: Option<NaiveDate>, tense: Tense) -> Option<DateRange> {
    match e {
        Expr::Ymd(y, m, d) => ymd(y, m, d).map(DateRange::day),
        Expr::MonthYear(y, m) => month_span(y, m),
        Expr::Year(y) => year_span(y),
        Expr::Decade(y) => Some(DateRange {
            start: ymd(y, 1, 1)?,
            end: ymd(y + 9, 12, 31)?,
        }),
        Expr::Quarter(q, YearRef::Abs(y)) => quarter_span(y, q),
        Expr::Season(m, YearRef::Abs(y)) => months_span(y, m, 3),
        Expr::WeekOfMonth(n, m, YearRef::Abs(y)) => week_of_month(n, y, m),
        _ => resolve_relative(e, pub_date?, tense),
    }
}

fn resolve_relative(e: Expr, p: NaiveDate, tense: Tense) -> Option<DateRange> {
    let y = p.year();
    match e {
        Expr::MonthDay(m, d) => year_for(m, d, p, tense).map(DateRange::day),
        Expr::MonthDayOn(m, d, wd) => {
            // The nearest year in which that day falls on that weekday.
            let on_wd = (y - 1..=y + 1)
                .filter_map(|y| ymd(y, m, d))
                .filter(|d| d.weekday().num_days_from_monday() == wd)
                .min_by_key(|d| (*d - p).num_days().abs());
            on_wd
                .or_else(|| year_for(m, d, p, tense))
                .map(DateRange::day)
        }
        Expr::Month(m, None) => {
            let (y, m) = month_for(m, p, tense);
            month_span(y, m)
        }
        Expr::Month(m, Some(s)) => {
            let y = match s {
                -1 if m >= p.month() => y - 1,
                1 if m <= p.month() => y + 1,
                _ => y,
            };
            month_span(y, m)
        }
        Expr::MonthOfYear(m, n) => month_span(y + n, m),
        Expr::Weekday(wd, shift) => Some(DateRange::day(weekday_for(wd, shift, p, tense))),
        Expr::Day(n) => Some(DateRange::day(p + Duration::days(n))),
        Expr::Span(unit, n) => match unit {
            Unit::Day => Some(DateRange::day(p + Duration::days(n as i64))),
            Unit::Week | Unit::Weekend => {
                let w = week_of(p + Duration::weeks(n as i64));
                Some(w)
            }
            Unit::Month => {
                let (y, m) = shift_month(y, p.month(), n);
                month_span(y, m)
            }
            Unit::Quarter => {
                let (y, m) = shift_month(y, (p.month() - 1) / 3 * 3 + 1, 3 * n);
                months_span(y, m, 3)
            }
            Unit::Year => year_span(y + n),
        },
        Expr::Weekend(shift) => {
            // The weekend's Saturday: past, the latest Saturday-Sunday that
            // has begun by publication; future, the next one not yet over.
            let sat = match (shift, tense) {
                (Some(1), _) | (_, Tense::Future) => weekday_for(5, None, p, Tense::Future),
                _ => weekday_for(5, None, p, Tense::Past),
            };
            let sat = if shift == Some(-1) && sat + Duration::days(1) >= p {
                sat - Duration::weeks(1)
            } else if shift == Some(1) && sat <= p {
                sat + Duration::weeks(1)
            } else {
                sat
            };
            Some(DateRange {
                start: sat,
                end: sat + Duration::days(1),
            })
        }
        Expr::Ago(n, unit) => {
            // "two days ago" and "a week ago" name a day; "two months
            // ago" and "five years ago" the month and the year that day falls
            // in, as precise as the writer was (TIMEX3 keeps the unit's
            // granularity).
            let months = match unit {
                Unit::Month => n,
                Unit::Quarter => 3 * n,
                Unit::Year => 12 * n,
                _ => 0,
            };
            let day = match unit {
                Unit::Day => p - Duration::days(n),
                Unit::Week | Unit::Weekend => p - Duration::weeks(n),
                _ => p.checked_sub_months(chrono::Months::new(u32::try_from(months).ok()?))?,
            };
            match unit {
                Unit::Month => month_span(day.year(), day.month()),
                Unit::Quarter => quarter_span(day.year(), (day.month() - 1) / 3 + 1),
                Unit::Year => year_span(day.year()),
                _ => Some(DateRange::day(day)),
            }
        }
        Expr::TheQuarter => resolve_relative(Expr::QuarterRel(-1), p, tense),
        Expr::NthWeekday(m, wd, n, shift) => {
            let day = |y: i32| {
                let first = ymd(y, m, 1)?;
                let lead = (wd + 7 - first.weekday().num_days_from_monday()) % 7;
                ymd(y, m, 1 + lead + 7 * (n - 1))
            };
            let cands: Vec<NaiveDate> = (y - 1..=y + 1).filter_map(day).collect();
            let past = || cands.iter().filter(|d| **d <= p).max();
            let ahead = || cands.iter().filter(|d| **d >= p).min();
            let near = |d: &&NaiveDate| (**d - p).num_days().abs() <= 300;
            let pick = match (shift, tense) {
                (Some(-1), _) => cands.iter().filter(|d| **d < p).max(),
                (Some(1), _) => cands.iter().filter(|d| **d > p).min(),
                (_, Tense::Past) => past().filter(near),
                (_, Tense::Future) => ahead().filter(near),
                _ => None,
            };
            pick.or_else(|| cands.iter().min_by_key(|d| (**d - p).num_days().abs()))
                .copied()
                .map(DateRange::day)
        }
        Expr::YearEnd => match tense {
            Tense::Past if p < ymd(y, 12, 31)? => ymd(y - 1, 12, 31).map(DateRange::day),
            _ => ymd(y, 12, 31).map(DateRange::day),
        },
        Expr::Quarter(q, YearRef::Rel(n)) => quarter_span(y + n, q),
        Expr::Quarter(q, _) => {
            let now = (p.month() - 1) / 3 + 1;
            // Ahead, the quarter just ended is still this year's: its
            // results are what "expects third-quarter earnings" awaits in
            // October; an earlier one is next year's.
            let y = match tense {
                Tense::Future if q + 1 < now => y + 1,
                Tense::Future => y,
                Tense::Past if q > now => y - 1,
                _ => y,
            };
            quarter_span(y, q)
        }
        Expr::WeekOfMonth(n, m, _) => {
            let (y, m) = month_for(m, p, tense);
            week_of_month(n, y, m)
        }
        Expr::QuarterRel(n) => resolve_relative(Expr::Span(Unit::Quarter, n), p, tense),
        Expr::Season(m, YearRef::Rel(n)) => months_span(y + n, m, 3),
        Expr::SeasonShift(m, s) => {
            // Last: the latest one already over; next: the first not begun.
            let here = y * 12 + p.month() as i32 - 1;
            let first = |y: i32| y * 12 + m as i32 - 1;
            let y = match s {
                -1 if first(y) + 2 < here => y,
                -1 => y - 1,
                1 if first(y) > here => y,
                1 => y + 1,
                _ => y,
            };
            months_span(y, m, 3)
        }
        Expr::Season(m, _) => {
            let (y, m) = month_for(m, p, tense);
            months_span(y, m, 3)
        }
        // Absolute forms never reach here; anaphoric ones go through
        // `resolve_after`, which hands them a date to count from.
        _ => resolve(e, None, tense),
    }
}

#[cfg(test)]
mod tests;
