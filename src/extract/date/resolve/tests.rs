//! Resolution of parsed expressions against publication dates and tense.

use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn day(e: Expr, published: &str, tense: Tense) -> String {
    let r = resolve(e, Some(d(published)), tense).unwrap();
    if r.start == r.end {
        r.start.to_string()
    } else {
        format!("{}..{}", r.start, r.end)
    }
}

// 2025-09-16 is a Tuesday; 2025-09-14 a Sunday.

#[test]
fn on_sunday_resolves_to_previous_sunday() {
    assert_eq!(
        day(Expr::Weekday(6, None), "2025-09-16", Tense::Past),
        "2025-09-14"
    );
}

#[test]
fn on_sunday_published_sunday_past_is_that_day() {
    assert_eq!(
        day(Expr::Weekday(6, None), "2025-09-14", Tense::Past),
        "2025-09-14"
    );
}

#[test]
fn future_weekday_is_the_coming_one() {
    assert_eq!(
        day(Expr::Weekday(3, None), "2025-09-16", Tense::Future),
        "2025-09-18"
    );
}

#[test]
fn last_friday_skips_publication_day() {
    assert_eq!(
        day(Expr::Weekday(4, Some(-1)), "2025-09-19", Tense::Past),
        "2025-09-12"
    );
}

#[test]
fn over_the_weekend_on_monday_is_the_weekend_before() {
    assert_eq!(
        day(Expr::Weekend(None), "2025-09-15", Tense::Past),
        "2025-09-13..2025-09-14"
    );
}

#[test]
fn the_weekend_ahead_in_future_tense() {
    assert_eq!(
        day(Expr::Weekend(None), "2025-09-16", Tense::Future),
        "2025-09-20..2025-09-21"
    );
}

#[test]
fn last_week_is_monday_to_sunday_of_the_week_before() {
    assert_eq!(
        day(Expr::Span(Unit::Week, -1), "2025-09-16", Tense::Past),
        "2025-09-08..2025-09-14"
    );
}

#[test]
fn last_month_crosses_the_year() {
    assert_eq!(
        day(Expr::Span(Unit::Month, -1), "2025-01-10", Tense::Past),
        "2024-12-01..2024-12-31"
    );
}

#[test]
fn yearless_day_takes_the_nearest_past_year() {
    assert_eq!(
        day(Expr::MonthDay(12, 11), "2010-01-25", Tense::Past),
        "2009-12-11"
    );
    assert_eq!(
        day(Expr::MonthDay(2, 3), "2010-01-25", Tense::Future),
        "2010-02-03"
    );
}

#[test]
fn in_month_follows_tense() {
    assert_eq!(
        day(Expr::Month(10, None), "2009-06-05", Tense::Future),
        "2009-10-01..2009-10-31"
    );
    assert_eq!(
        day(Expr::Month(10, None), "2009-06-05", Tense::Past),
        "2008-10-01..2008-10-31"
    );
}

#[test]
fn yearless_fourth_quarter_in_past_is_last_years() {
    assert_eq!(
        day(Expr::Quarter(4, YearRef::Open), "2007-03-13", Tense::Past),
        "2006-10-01..2006-12-31"
    );
}

#[test]
fn yearless_quarter_ahead_is_the_one_just_ended_or_a_coming_one() {
    // Read in November: the third quarter is the one just ended, the
    // second is next year's, the fourth is under way.
    let ahead = |q| day(Expr::Quarter(q, YearRef::Open), "2031-11-04", Tense::Future);
    assert_eq!(ahead(3), "2031-07-01..2031-09-30");
    assert_eq!(ahead(2), "2032-04-01..2032-06-30");
    assert_eq!(ahead(4), "2031-10-01..2031-12-31");
    // Read in January, the fourth quarter ahead is this year's.
    assert_eq!(
        day(Expr::Quarter(4, YearRef::Open), "2031-01-20", Tense::Future),
        "2031-10-01..2031-12-31"
    );
}

#[test]
fn last_weekday_is_in_the_previous_calendar_week() {
    // 2019-01-31 is a Thursday.
    assert_eq!(
        day(Expr::Weekday(2, Some(-1)), "2019-01-31", Tense::Past),
        "2019-01-23"
    );
    assert_eq!(
        day(Expr::Weekday(4, Some(-1)), "2019-02-04", Tense::Past),
        "2019-02-01"
    );
}

#[test]
fn two_days_ago_is_a_day() {
    assert_eq!(
        day(Expr::Ago(2, Unit::Day), "2025-09-16", Tense::Past),
        "2025-09-14"
    );
}

#[test]
fn relative_without_publication_date_is_none() {
    assert_eq!(resolve(Expr::Day(-1), None, Tense::Past), None);
    assert!(resolve(Expr::Year(1998), None, Tense::Past).is_some());
}

#[test]
fn last_week_of_a_month_is_its_last_full_week() {
    let e = Expr::WeekOfMonth(-1, 3, YearRef::Abs(2009));
    assert_eq!(day(e, "2009-04-01", Tense::Past), "2009-03-23..2009-03-29");
    let e = Expr::WeekOfMonth(1, 3, YearRef::Abs(2009));
    assert_eq!(day(e, "2009-04-01", Tense::Past), "2009-03-02..2009-03-08");
}

#[test]
fn weekday_picks_the_year_of_a_yearless_date() {
    // 2024-12-30 is a Monday, 2025-12-30 a Tuesday.
    assert_eq!(
        day(Expr::MonthDayOn(12, 30, 0), "2025-06-01", Tense::Unknown),
        "2024-12-30"
    );
    assert_eq!(
        day(Expr::MonthDayOn(12, 30, 1), "2025-06-01", Tense::Unknown),
        "2025-12-30"
    );
}

#[test]
fn same_period_last_year_shifts_the_date_before() {
    let feb = resolve(Expr::Month(2, None), Some(d("2010-03-03")), Tense::Past);
    let r = resolve_after(
        Expr::SameYearBefore,
        feb,
        Some(d("2010-03-03")),
        Tense::Past,
    );
    assert_eq!(
        r.map(|r| (r.start, r.end)),
        Some((d("2009-02-01"), d("2009-02-28")))
    );
    assert_eq!(
        resolve_after(
            Expr::SameYearBefore,
            None,
            Some(d("2010-03-03")),
            Tense::Past
        ),
        None
    );
}

#[test]
fn previous_year_counts_from_the_date_before() {
    let y2017 = resolve(Expr::Year(2017), None, Tense::Past);
    let r = resolve_after(
        Expr::UnitBefore(Unit::Year),
        y2017,
        Some(d("2020-06-15")),
        Tense::Past,
    );
    assert_eq!(r.map(|r| r.start), Some(d("2016-01-01")));
}

#[test]
fn last_summer_in_autumn_is_this_years() {
    assert_eq!(
        day(Expr::SeasonShift(6, -1), "2025-10-10", Tense::Past),
        "2025-06-01..2025-08-31"
    );
    assert_eq!(
        day(Expr::SeasonShift(6, -1), "2025-07-10", Tense::Past),
        "2024-06-01..2024-08-31"
    );
    assert_eq!(
        day(Expr::SeasonShift(3, 1), "2025-07-10", Tense::Future),
        "2026-03-01..2026-05-31"
    );
}

#[test]
fn decade_spans_ten_years() {
    assert_eq!(
        day(Expr::Decade(1990), "2025-09-16", Tense::Past),
        "1990-01-01..1999-12-31"
    );
}

#[test]
fn expressions_said_not_to_need_the_tense_resolve_alike_in_every_tense() {
    let units = [
        Unit::Day,
        Unit::Week,
        Unit::Month,
        Unit::Quarter,
        Unit::Year,
        Unit::Weekend,
    ];
    let refs = [YearRef::Abs(2024), YearRef::Rel(-1), YearRef::Open];
    let mut exprs = vec![
        Expr::Ymd(2024, 2, 29),
        Expr::MonthDay(3, 9),
        Expr::MonthDayOn(3, 9, 1),
        Expr::MonthYear(2024, 3),
        Expr::Month(3, None),
        Expr::Month(3, Some(-1)),
        Expr::Month(11, Some(1)),
        Expr::MonthOfYear(10, 1),
        Expr::SameYearBefore,
        Expr::YearAgo(true),
        Expr::YearAgo(false),
        Expr::PeriodIn(2023, true),
        Expr::PeriodIn(2023, false),
        Expr::NthWeekday(11, 3, 4, None),
        Expr::YearEnd,
        Expr::TheYear,
        Expr::Year(1998),
        Expr::Decade(1990),
        Expr::Weekday(2, None),
        Expr::Weekend(None),
        Expr::Weekend(Some(-1)),
        Expr::TheQuarter,
        Expr::SeasonShift(6, -1),
        Expr::SeasonShift(9, 1),
        Expr::QuarterRel(-1),
    ];
    for n in [-2, -1, 0, 1, 2] {
        exprs.extend([Expr::Day(n.into()), Expr::Ago(n.into(), Unit::Year)]);
    }
    for u in units {
        exprs.extend([
            Expr::ThatUnit(u, 0),
            Expr::ThatUnit(u, 1),
            Expr::UnitBefore(u),
            Expr::Span(u, -1),
            Expr::Span(u, 0),
            Expr::Span(u, 1),
            Expr::Ago(1, u),
            Expr::Ago(3, u),
            Expr::Before(1, u),
            Expr::Before(2, u),
        ]);
    }
    for r in refs {
        for q in 1..=4 {
            exprs.push(Expr::Quarter(q, r));
        }
        exprs.extend([
            Expr::Season(3, r),
            Expr::Season(12, r),
            Expr::WeekOfMonth(-1, 3, r),
            Expr::WeekOfMonth(1, 2, r),
        ]);
    }
    let days = ["2024-01-01", "2024-03-31", "2024-12-31"].map(d);
    let prevs = [
        None,
        Some(DateRange::day(d("2023-06-15"))),
        year_span(2022),
        quarter_span(2023, 3),
        month_span(2024, 2),
    ];
    let mut free = 0;
    for e in exprs.into_iter().filter(|e| !e.needs_tense()) {
        free += 1;
        for published in days.map(Some).into_iter().chain([None]) {
            for prev in prevs {
                let past = resolve_after(e, prev, published, Tense::Past);
                for t in [Tense::Future, Tense::Unknown] {
                    assert_eq!(resolve_after(e, prev, published, t), past, "{e:?}");
                }
            }
        }
    }
    assert!(free > 60);
}
