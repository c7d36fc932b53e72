//! The TIMEX3 value of a resolved date: "2013-03-22", "2013-W12",
//! "2013-03", "2013-Q1", "2013", "201" (a decade), with the time of day of
//! "Friday night" ("2013-03-22TNI") and the unit's granularity for "two
//! years ago" ("2011", not a day).
//!
//! It writes what the expression states, nothing finer; a span that is
//! none of these (a range of days) has no value.

use super::resolve::{Expr, Unit};
use crate::extract::DateRange;
use chrono::{Datelike, Duration, NaiveDate};

/// The TIMEX3 value of the date `expr` resolved to `r`; `part` is the
/// part of the day written after it ("morning"), lower case.
pub(super) fn timex_of(expr: Expr, r: DateRange, part: Option<&str>) -> Option<String> {
    if let (Expr::Ago(_, unit), true) = (expr, r.start == r.end) {
        let d = r.start;
        return Some(match unit {
            Unit::Year => format!("{:04}", d.year()),
            Unit::Month => format!("{:04}-{:02}", d.year(), d.month()),
            Unit::Week | Unit::Weekend => week(d),
            Unit::Quarter => format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1),
            Unit::Day => d.to_string(),
        });
    }
    let value = range_timex(r)?;
    let part = part.and_then(|p| match p {
        "morning" => Some("MO"),
        "afternoon" => Some("AF"),
        "evening" => Some("EV"),
        "night" | "tonight" => Some("NI"),
        _ => None,
    });
    match part {
        Some(p) if r.start == r.end => Some(format!("{value}T{p}")),
        _ => Some(value),
    }
}

fn week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    next.map(|n| n - Duration::days(1))
}

/// A span written as TIMEX3: a day, an ISO week, a weekend, a month, a
/// quarter, a season, a year, a decade or a century.
pub(super) fn range_timex(r: DateRange) -> Option<String> {
    let (a, b) = (r.start, r.end);
    if a == b {
        return Some(a.to_string());
    }
    let days = (b - a).num_days();
    if a.weekday().num_days_from_monday() == 0 && days == 6 {
        return Some(week(a));
    }
    if a.weekday().num_days_from_monday() == 5 && days == 1 {
        return Some(format!("{}-WE", week(a)));
    }
    let whole_months = a.day() == 1 && last_of_month(b.year(), b.month()) == Some(b);
    if !whole_months {
        return None;
    }
    if a.year() == b.year() {
        return match (a.month(), b.month()) {
            (m, n) if m == n => Some(format!("{:04}-{m:02}", a.year())),
            (1, 12) => Some(format!("{:04}", a.year())),
            (m, n) if m % 3 == 1 && n == m + 2 => Some(format!("{:04}-Q{}", a.year(), m / 3 + 1)),
            (3, 5) => Some(format!("{:04}-SP", a.year())),
            (6, 8) => Some(format!("{:04}-SU", a.year())),
            (9, 11) => Some(format!("{:04}-FA", a.year())),
            _ => None,
        };
    }
    match (a.month(), b.month(), b.year() - a.year()) {
        (1, 12, 9) if a.year() % 10 == 0 => Some(format!("{:03}", a.year() / 10)),
        (1, 12, 99) if a.year() % 100 == 0 => Some(format!("{:02}", a.year() / 100)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(a: &str, b: &str) -> DateRange {
        DateRange {
            start: a.parse().unwrap(),
            end: b.parse().unwrap(),
        }
    }

    #[test]
    fn spans_as_timex_values() {
        let t = |a, b| range_timex(span(a, b));
        assert_eq!(t("2013-03-22", "2013-03-22").as_deref(), Some("2013-03-22"));
        assert_eq!(t("2013-03-18", "2013-03-24").as_deref(), Some("2013-W12"));
        assert_eq!(
            t("2013-03-23", "2013-03-24").as_deref(),
            Some("2013-W12-WE")
        );
        assert_eq!(t("2013-03-01", "2013-03-31").as_deref(), Some("2013-03"));
        assert_eq!(t("2013-04-01", "2013-06-30").as_deref(), Some("2013-Q2"));
        assert_eq!(t("2013-06-01", "2013-08-31").as_deref(), Some("2013-SU"));
        assert_eq!(t("2013-01-01", "2013-12-31").as_deref(), Some("2013"));
        assert_eq!(t("1990-01-01", "1999-12-31").as_deref(), Some("199"));
        assert_eq!(t("2013-03-02", "2013-03-05"), None);
    }

    #[test]
    fn ago_keeps_the_granularity_of_its_unit() {
        let d = span("2011-09-16", "2011-09-16");
        assert_eq!(
            timex_of(Expr::Ago(2, Unit::Year), d, None).as_deref(),
            Some("2011")
        );
        assert_eq!(
            timex_of(Expr::Ago(5, Unit::Month), d, None).as_deref(),
            Some("2011-09")
        );
        assert_eq!(
            timex_of(Expr::Ago(3, Unit::Day), d, None).as_deref(),
            Some("2011-09-16")
        );
    }

    #[test]
    fn part_of_day_follows_the_day() {
        let d = span("2013-03-22", "2013-03-22");
        assert_eq!(
            timex_of(Expr::Weekday(4, None), d, Some("night")).as_deref(),
            Some("2013-03-22TNI")
        );
        assert_eq!(
            timex_of(Expr::Day(0), d, Some("morning")).as_deref(),
            Some("2013-03-22TMO")
        );
    }
}
