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
            Unit::Year => year(d.year()),
            Unit::Month => month(d.year(), d.month()),
            Unit::Week | Unit::Weekend => week(d),
            Unit::Quarter => quarter(d.year(), (d.month() - 1) / 3 + 1),
            Unit::Day => day(d),
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
        Some(p) if r.start == r.end => {
            let mut value = value;
            value.push('T');
            value.push_str(p);
            Some(value)
        }
        _ => Some(value),
    }
}

// The values are written digit by digit, not with `format!`, whose
// formatting machinery costs several times more for these few digits
// (a test checks they read as `format!` would write them).

/// `n` in decimal with at least `width` digits, zero-padded: what
/// `format!("{n:0width$}")` writes.
fn push_number(s: &mut String, n: i32, width: usize) {
    if !(0..10_000).contains(&n) || width > 4 {
        // Outside the years news writes about: `format!` itself.
        s.push_str(&format!("{n:0width$}"));
        return;
    }
    let n = n as u32;
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let len = match n {
        1000.. => 4,
        100.. => 3,
        10.. => 2,
        _ => 1,
    };
    for d in &digits[4 - len.max(width)..] {
        s.push(char::from(b'0' + *d as u8));
    }
}

/// A year, "2013": a new value opening with year `y` in four digits or
/// more, for the finer units to go on.
fn year(y: i32) -> String {
    let mut s = String::with_capacity(16);
    push_number(&mut s, y, 4);
    s
}

/// A month: "2013-03".
fn month(y: i32, m: u32) -> String {
    let mut s = year(y);
    s.push('-');
    push_number(&mut s, m as i32, 2);
    s
}

/// A quarter: "2013-Q1".
fn quarter(y: i32, q: u32) -> String {
    let mut s = year(y);
    s.push_str("-Q");
    push_number(&mut s, q as i32, 1);
    s
}

/// A day, as chrono writes a `NaiveDate`: "2013-03-22" (a year past
/// 9999 or before 0 with its sign, as chrono writes it).
fn day(d: NaiveDate) -> String {
    if !(0..10_000).contains(&d.year()) {
        return d.to_string();
    }
    let mut s = month(d.year(), d.month());
    s.push('-');
    push_number(&mut s, d.day() as i32, 2);
    s
}

fn week(d: NaiveDate) -> String {
    let w = d.iso_week();
    let mut s = year(w.year());
    s.push_str("-W");
    push_number(&mut s, w.week() as i32, 2);
    s
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
        return Some(day(a));
    }
    let days = (b - a).num_days();
    if a.weekday().num_days_from_monday() == 0 && days == 6 {
        return Some(week(a));
    }
    if a.weekday().num_days_from_monday() == 5 && days == 1 {
        let mut s = week(a);
        s.push_str("-WE");
        return Some(s);
    }
    let whole_months = a.day() == 1 && last_of_month(b.year(), b.month()) == Some(b);
    if !whole_months {
        return None;
    }
    if a.year() == b.year() {
        let season = |name: &str| {
            let mut s = year(a.year());
            s.push('-');
            s.push_str(name);
            Some(s)
        };
        return match (a.month(), b.month()) {
            (m, n) if m == n => Some(month(a.year(), m)),
            (1, 12) => Some(year(a.year())),
            (m, n) if m % 3 == 1 && n == m + 2 => Some(quarter(a.year(), m / 3 + 1)),
            (3, 5) => season("SP"),
            (6, 8) => season("SU"),
            (9, 11) => season("FA"),
            _ => None,
        };
    }
    let mut s = String::new();
    match (a.month(), b.month(), b.year() - a.year()) {
        (1, 12, 9) if a.year() % 10 == 0 => push_number(&mut s, a.year() / 10, 3),
        (1, 12, 99) if a.year() % 100 == 0 => push_number(&mut s, a.year() / 100, 2),
        _ => return None,
    }
    Some(s)
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
    fn numbers_are_written_as_format_writes_them() {
        for n in [-12345, -5, 0, 7, 42, 199, 999, 2013, 9999, 10_000, 123_456] {
            for width in 1..=4 {
                let mut s = String::new();
                push_number(&mut s, n, width);
                assert_eq!(s, format!("{n:0width$}"), "{n} {width}");
            }
        }
        for (y, m, d) in [
            (2013, 3, 22),
            (9, 1, 5),
            (9999, 12, 31),
            (-44, 3, 15),
            (12345, 1, 1),
        ] {
            let d = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(day(d), d.to_string());
            let w = d.iso_week();
            assert_eq!(week(d), format!("{:04}-W{:02}", w.year(), w.week()));
        }
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
