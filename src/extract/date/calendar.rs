//! Calendar arithmetic: the days of a month, a quarter, a week, a year.
//!
//! Pure functions over `chrono` dates, `None` where a date does not exist;
//! nothing here knows about text or publication dates.

use crate::extract::DateRange;
use chrono::{Datelike, Duration, NaiveDate};

pub(super) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(super) fn month_span(y: i32, m: u32) -> Option<DateRange> {
    let start = ymd(y, m, 1)?;
    let next = if m == 12 {
        ymd(y + 1, 1, 1)?
    } else {
        ymd(y, m + 1, 1)?
    };
    Some(DateRange {
        start,
        end: next - Duration::days(1),
    })
}

pub(super) fn months_span(y: i32, m: u32, n: u32) -> Option<DateRange> {
    let first = month_span(y, m)?;
    let idx = y * 12 + m as i32 - 1 + n as i32 - 1;
    let last = month_span(idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)?;
    Some(DateRange {
        start: first.start,
        end: last.end,
    })
}

pub(super) fn year_span(y: i32) -> Option<DateRange> {
    Some(DateRange {
        start: ymd(y, 1, 1)?,
        end: ymd(y, 12, 31)?,
    })
}

pub(super) fn week_of(d: NaiveDate) -> DateRange {
    let start = d - Duration::days(d.weekday().num_days_from_monday() as i64);
    DateRange {
        start,
        end: start + Duration::days(6),
    }
}

/// Month index (year * 12 + month - 1) shifted by `n` months.
pub(super) fn shift_month(y: i32, m: u32, n: i32) -> (i32, u32) {
    let idx = y * 12 + m as i32 - 1 + n;
    (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)
}

/// The `n`th full Monday-Sunday week inside month `m` (-1: the last).
pub(super) fn week_of_month(n: i32, y: i32, m: u32) -> Option<DateRange> {
    let month = month_span(y, m)?;
    let first =
        month.start + Duration::days((7 - month.start.weekday().num_days_from_monday() as i64) % 7);
    let start = if n < 0 {
        let last_sun =
            month.end - Duration::days((month.end.weekday().num_days_from_monday() as i64 + 1) % 7);
        last_sun - Duration::days(6)
    } else {
        first + Duration::weeks(n as i64 - 1)
    };
    (start >= month.start && start + Duration::days(6) <= month.end).then(|| DateRange {
        start,
        end: start + Duration::days(6),
    })
}

pub(super) fn quarter_span(y: i32, q: u32) -> Option<DateRange> {
    months_span(y, (q - 1) * 3 + 1, 3)
}
