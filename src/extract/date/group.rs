//! Dates stated together: the two ends of a range ("between April and
//! June", "from Monday to Wednesday", "2008-2012") and the members of a
//! list ("in 2008, 2010 and 2012").
//!
//! Each end or member stays a claim of its own (the gold sets score them
//! one by one); this module only decides how two neighbouring dates of one
//! sentence are joined, and lends a year or a weekday order from one end to
//! the other. It does not read durations ("for three days") or relations
//! between events ("a week after the vote").

use super::calendar::month_span;
use super::parse::Found;
use super::resolve::Expr;
use super::view::View;
use crate::extract::{DateRange, GroupKind};
use chrono::{Duration, NaiveDate};

/// How the date `prev` and the date `next` found after it in one sentence
/// are joined, if they are.
pub(super) fn link(v: &View<'_>, prev: &Found, next: &Found) -> Option<GroupKind> {
    if next.start - prev.end > 2 {
        return None;
    }
    let between: Vec<&str> = (prev.end..next.start).map(|i| v.low(i)).collect();
    let before = if prev.start > v.lo {
        v.low(prev.start - 1)
    } else {
        ""
    };
    match between.as_slice() {
        ["to" | "through" | "thru" | "until" | "till" | "-" | "–" | "—"] => {
            Some(GroupKind::Range)
        }
        ["and"] if before == "between" => Some(GroupKind::Range),
        ["and" | "or" | "," | "/"] | [",", "and" | "or"] => Some(GroupKind::List),
        _ => None,
    }
}

/// The year an expression states outright, if any.
fn year_of(e: Expr) -> Option<i32> {
    match e {
        Expr::Ymd(y, _, _) | Expr::MonthYear(y, _) => Some(y),
        _ => None,
    }
}

/// The values of two joined dates after each lends the other what it
/// left unsaid: "April" in "between April and June 2008" takes 2008 (the
/// year before when the months wrap, "from December to March 2009"); the
/// later weekday of "from Monday to Wednesday" follows the first.
pub(super) fn complete(
    kind: GroupKind,
    first: (Expr, Option<DateRange>),
    second: (Expr, Option<DateRange>),
) -> (Option<DateRange>, Option<DateRange>) {
    let (e1, mut v1) = first;
    let (e2, mut v2) = second;
    if let Some(y) = year_of(e2) {
        let m2 = match e2 {
            Expr::Ymd(_, m, _) | Expr::MonthYear(_, m) => m,
            _ => 0,
        };
        let wrap = |m1: u32| i32::from(kind == GroupKind::Range && m1 > m2);
        match e1 {
            Expr::Month(m, None) => v1 = month_span(y - wrap(m), m),
            Expr::MonthDay(m, d) => {
                v1 = NaiveDate::from_ymd_opt(y - wrap(m), m, d).map(DateRange::day);
            }
            _ => {}
        }
    }
    // "April 24 and 25": a day of the same month takes the first one's
    // year.
    if let (Expr::MonthDay(m1, _), Expr::MonthDay(m2, d), Some(s)) = (e1, e2, v1) {
        if m1 == m2 {
            v2 = NaiveDate::from_ymd_opt(chrono::Datelike::year(&s.start), m2, d)
                .map(DateRange::day)
                .or(v2);
        }
    }
    if let (GroupKind::Range, Expr::Weekday(a, None), Expr::Weekday(b, None), Some(s), Some(_)) =
        (kind, e1, e2, v1, v2)
    {
        let ahead = (i64::from(b) - i64::from(a)).rem_euclid(7);
        v2 = Some(DateRange::day(s.start + Duration::days(ahead)));
    }
    (v1, v2)
}
