//! Tests of the date extractor on whole sentences.

use super::*;
use crate::rules::RuleSet;
use crate::text::Document;
use chrono::NaiveDate;

/// (surface text, "start..end" or "start", anchor text) of each date.
fn dates_on(text: &str, published: Option<&str>) -> Vec<(String, String, String)> {
    let doc = Document::new(text);
    let rules = RuleSet::default();
    let cx = Context::new(
        &doc,
        published.map(|p| p.parse::<NaiveDate>().unwrap()),
        &rules,
    );
    let mut out = Vec::new();
    extract_dates(&cx, &mut out);
    out.iter()
        .map(|c| {
            let ClaimData::Date(d) = &c.data else {
                unreachable!()
            };
            let value = match d.value {
                None => "none".to_owned(),
                Some(r) if r.start == r.end => r.start.to_string(),
                Some(r) => format!("{}..{}", r.start, r.end),
            };
            let anchor = d
                .anchor
                .clone()
                .map_or(String::new(), |a| text[a].to_owned());
            (text[c.range.clone()].to_owned(), value, anchor)
        })
        .collect()
}

/// Dates in `text` published on Tuesday 2025-09-16, as (text, value).
fn dates(text: &str) -> Vec<(String, String)> {
    dates_on(text, Some("2025-09-16"))
        .into_iter()
        .map(|(t, v, _)| (t, v))
        .collect()
}

fn one(text: &str) -> (String, String) {
    let d = dates(text);
    assert_eq!(d.len(), 1, "{d:?}");
    d[0].clone()
}

fn anchor(text: &str) -> String {
    let d = dates_on(text, Some("2025-09-16"));
    assert_eq!(d.len(), 1, "{d:?}");
    d[0].2.clone()
}

fn pair(t: &str, v: &str) -> (String, String) {
    (t.to_owned(), v.to_owned())
}

#[test]
fn on_sunday_resolves_to_previous_sunday() {
    assert_eq!(one("He arrived on Sunday."), pair("Sunday", "2025-09-14"));
}

#[test]
fn on_sunday_in_a_sunday_article_is_that_day() {
    let d = dates_on("He arrived on Sunday.", Some("2025-09-14"));
    assert_eq!(d[0].1, "2025-09-14");
}

#[test]
fn future_weekday_is_the_coming_one() {
    assert_eq!(one("They will meet on Thursday.").1, "2025-09-18");
    assert_eq!(one("The report is due Thursday.").1, "2025-09-18");
    assert_eq!(one("Bids must arrive by Thursday.").1, "2025-09-18");
    assert_eq!(one("The leaders are meeting on Friday.").1, "2025-09-19");
    assert_eq!(one("New fares apply starting Monday.").1, "2025-09-22");
}

#[test]
fn a_plan_told_in_the_past_lies_ahead() {
    assert_eq!(
        one("The couple was planning to leave on Thursday.").1,
        "2025-09-18"
    );
    assert_eq!(
        one("Growers said a rally on Saturday was planned.").1,
        "2025-09-20"
    );
    // Near miss: a plan carried out is behind.
    assert_eq!(
        one("The couple left on Thursday as planned.").1,
        "2025-09-11"
    );
}

#[test]
fn a_capitalised_word_in_ed_is_a_name_not_a_past_verb() {
    assert_eq!(
        one("Ms. Vale would be flying to the United Kingdom on Thursday.").1,
        "2025-09-18"
    );
    assert_eq!(one("Ted Ames arrived Thursday.").1, "2025-09-11");
}

#[test]
fn deadline_in_a_past_clause_is_behind() {
    assert_eq!(
        one("All had been brought to safety by Sunday.").1,
        "2025-09-14"
    );
    assert_eq!(
        one("The report was due by Friday, officials said.").1,
        "2025-09-12"
    );
    assert_eq!(one("Bids must arrive by Thursday.").1, "2025-09-18");
}

#[test]
fn weekend_spans_saturday_and_sunday() {
    assert_eq!(
        one("Over the weekend, she met the envoy."),
        pair("the weekend", "2025-09-13..2025-09-14")
    );
}

#[test]
fn written_dates_resolve_with_and_without_year() {
    assert_eq!(one("It began on September 9, 2024.").1, "2024-09-09");
    assert_eq!(one("It began Sept. 9.").1, "2025-09-09");
    assert_eq!(one("It began on 9 September.").1, "2025-09-09");
    assert_eq!(one("Filed 2025-09-09 in court.").1, "2025-09-09");
    assert_eq!(one("It opened in March 2024.").1, "2024-03-01..2024-03-31");
}

#[test]
fn year_after_preposition_is_a_year_but_not_a_count() {
    assert_eq!(one("The law passed in 1998.").1, "1998-01-01..1998-12-31");
    assert!(dates("About 1998 people came.").is_empty());
    assert!(dates("It cost $2000 to fix.").is_empty());
    assert!(dates("Polls close by 2000 GMT.").is_empty());
    assert!(dates("It was built around 1500 BC.").is_empty());
}

#[test]
fn decade_with_article() {
    assert_eq!(
        one("Prices rose in the 1990s."),
        pair("the 1990s", "1990-01-01..1999-12-31")
    );
    assert_eq!(
        one("Prices rose in the '80s."),
        pair("the '80s", "1980-01-01..1989-12-31")
    );
    assert_eq!(
        one("It ended in the year 2008.").1,
        "2008-01-01..2008-12-31"
    );
}

#[test]
fn relative_words_resolve_against_publication() {
    assert_eq!(one("Markets fell yesterday.").1, "2025-09-15");
    assert_eq!(one("He spoke this morning.").1, "2025-09-16");
    assert_eq!(one("Sales fell last week.").1, "2025-09-08..2025-09-14");
    assert_eq!(one("Sales fell last month.").1, "2025-08-01..2025-08-31");
    assert_eq!(
        one("Sales rose earlier this month."),
        pair("earlier this month", "2025-09-01..2025-09-30")
    );
    assert_eq!(one("It closed two days ago.").1, "2025-09-14");
    assert_eq!(one("Sales fell last year.").1, "2024-01-01..2024-12-31");
}

#[test]
fn bare_month_takes_the_tense() {
    assert_eq!(one("Sales fell in March.").1, "2025-03-01..2025-03-31");
    assert_eq!(
        one("The plant will open in March.").1,
        "2026-03-01..2026-03-31"
    );
}

#[test]
fn weekday_night_and_possessive() {
    assert_eq!(
        one("Shots rang out Friday night."),
        pair("Friday night", "2025-09-12")
    );
    assert_eq!(
        one("Tuesday's strike killed six."),
        pair("Tuesday", "2025-09-16")
    );
}

#[test]
fn quarters_resolve() {
    assert_eq!(
        one("It lost money in the first quarter of 2009.").1,
        "2009-01-01..2009-03-31"
    );
    assert_eq!(
        one("Our third-quarter results improved.").1,
        "2025-07-01..2025-09-30"
    );
    assert_eq!(
        one("Third quarter 2027 earnings were up.").1,
        "2027-07-01..2027-09-30"
    );
    assert_eq!(
        one("Sales rose in the second quarter 2021.").1,
        "2021-04-01..2021-06-30"
    );
}

#[test]
fn dates_told_relative_to_one_period_all_count_from_it() {
    let d = dates(
        "Profit in the third quarter of 2027 rose from the same period in the \
         previous year and from the previous quarter.",
    );
    assert_eq!(d.len(), 3, "{d:?}");
    assert_eq!(d[1].1, "2026-01-01..2026-12-31");
    assert_eq!(d[2], pair("the previous quarter", "2027-04-01..2027-06-30"));
}

#[test]
fn q_quarters_resolve() {
    assert_eq!(one("Profit fell in Q3 2019.").1, "2019-07-01..2019-09-30");
    assert_eq!(one("Profit fell in Q1.").1, "2025-01-01..2025-03-31");
    assert!(dates("The Q7 engine and the q3 file.").is_empty());
}

#[test]
fn fixed_holidays_resolve() {
    assert_eq!(
        one("It opened on Christmas Eve."),
        pair("Christmas Eve", "2024-12-24")
    );
    assert_eq!(one("Talks will end by Christmas.").1, "2025-12-25");
    assert_eq!(one("They met on New Year's Day.").1, "2025-01-01");
    assert!(dates("He flew to Christmas Island.").is_empty());
    assert!(dates("Christmas trees sold out.").is_empty());
}

#[test]
fn relative_date_without_publication_is_unresolved() {
    let d = dates_on("He arrived on Sunday.", None);
    assert_eq!(d[0].1, "none");
    let d = dates_on("It began on September 9, 2024.", None);
    assert_eq!(d[0].1, "2024-09-09");
}

#[test]
fn weekday_with_written_date_is_one_expression() {
    assert_eq!(
        one("It opened on Tuesday, September 9."),
        pair("Tuesday, September 9", "2025-09-09")
    );
}

#[test]
fn may_and_march_the_verbs_are_not_months() {
    assert!(dates("They joined the March on Washington.").is_empty());
    assert!(dates("Officials may resign.").is_empty());
    assert!(dates("May officials resign?").is_empty());
    assert!(dates("Protesters march through town.").is_empty());
    assert!(dates("March through the streets, they said.").is_empty());
}

#[test]
fn weekday_in_a_name_is_not_a_date() {
    assert!(dates("He wrote for the Sunday Times.").is_empty());
    assert!(dates("They marked Bloody Sunday.").is_empty());
    assert!(dates("Shops opened early for Black Friday.").is_empty());
}

#[test]
fn idioms_and_relations_are_not_dates() {
    assert!(dates("At the end of the day, it worked.").is_empty());
    assert!(dates("Going forward, these days are hard.").is_empty());
    assert!(dates("I saw him the other day.").is_empty());
    assert!(dates("It came a week after the strike.").is_empty());
}

#[test]
fn anchor_is_the_verb_of_its_own_clause() {
    assert_eq!(
        anchor("Varga, who arrived in Estovia on Sunday, is expected to speak."),
        "arrived"
    );
    assert_eq!(
        anchor("The envoy, who met Ines over the weekend, called the strike a crime."),
        "met"
    );
    assert_eq!(anchor("On Sunday, the minister resigned."), "resigned");
}

#[test]
fn anchor_is_the_event_noun_when_the_date_modifies_it() {
    assert_eq!(anchor("The strike on Tuesday killed six."), "strike");
    assert_eq!(anchor("Tuesday's strike killed six."), "strike");
    assert_eq!(anchor("Troops struck on Tuesday."), "struck");
    assert_eq!(
        anchor("The visit came a week after the raid in Kestrel Bay on October 14."),
        "raid"
    );
}

#[test]
fn anchor_is_the_verb_when_the_noun_is_its_object() {
    assert_eq!(anchor("Troops shelled the base on Tuesday."), "shelled");
}

#[test]
fn month_with_relative_year() {
    assert_eq!(
        one("It ended in May last year."),
        pair("May last year", "2024-05-01..2024-05-31")
    );
    assert_eq!(
        one("It ended in May this year.").1,
        "2025-05-01..2025-05-31"
    );
}

#[test]
fn dates_told_from_the_date_before() {
    assert_eq!(
        dates("Sales rose in February from the same period last year."),
        [
            pair("February", "2025-02-01..2025-02-28"),
            pair("the same period last year", "2024-02-01..2024-02-28")
        ]
    );
    assert_eq!(
        dates("Deaths rose in 2017, up from the previous year.")[1],
        pair("the previous year", "2016-01-01..2016-12-31")
    );
    assert!(dates("It was the year before the war.").is_empty());
    assert!(dates("The day before, the team won.").is_empty());
}

#[test]
fn that_year_and_the_following_year_count_from_the_date_told() {
    assert_eq!(
        dates("She fled in June 2029 and returned later that year.")[1],
        pair("later that year", "2029-01-01..2029-12-31")
    );
    assert_eq!(
        dates("On May 3, 2027, he was promoted, and the following year he retired.")[1],
        pair("the following year", "2028-01-01..2028-12-31")
    );
    // With no date told before, nothing; "that day care" is no date.
    assert!(dates("Sales that year were weak.").is_empty());
    assert_eq!(
        dates("On May 3, 2027, he said that day care costs rose.").len(),
        1
    );
}

#[test]
fn the_current_year_and_this_past_season() {
    assert_eq!(
        one("Sales will grow in the current fiscal year.").1,
        "2025-01-01..2025-12-31"
    );
    assert_eq!(
        one("The current quarter began well.").1,
        "2025-07-01..2025-09-30"
    );
    assert_eq!(
        one("The plant closed this past spring."),
        pair("this past spring", "2025-03-01..2025-05-31")
    );
    assert_eq!(
        one("Rivals cut prices over the summer.").1,
        "2025-06-01..2025-08-31"
    );
    assert!(dates("The current account is in deficit.").is_empty());
}

#[test]
fn ordinal_day_of_month() {
    assert_eq!(
        one("It opened on the 9th of May."),
        pair("the 9th of May", "2025-05-09")
    );
    assert_eq!(one("It opened on 3rd of March 2020.").1, "2020-03-03");
}

#[test]
fn year_between_a_determiner_and_its_noun() {
    assert_eq!(one("It broke a 1957 treaty.").1, "1957-01-01..1957-12-31");
    assert_eq!(one("Its 2004 merger failed.").1, "2004-01-01..2004-12-31");
    assert_eq!(
        one("The mill's 2030 output fell.").1,
        "2030-01-01..2030-12-31"
    );
    // Near misses: counts of people or things.
    assert!(dates("Its 2004 workers struck.").is_empty());
    assert!(dates("Its 2,004 staff struck.").is_empty());
    assert!(dates("The laptop posted a 2182 score.").is_empty());
}

#[test]
fn fiscal_years_and_years_closing_a_phrase() {
    assert_eq!(
        one("In fiscal 2030, it earned more."),
        pair("fiscal 2030", "2030-01-01..2030-12-31")
    );
    assert_eq!(
        one("For 2029, the bank earned less.").1,
        "2029-01-01..2029-12-31"
    );
    assert_eq!(
        one("Growth will go on into 2032.").1,
        "2032-01-01..2032-12-31"
    );
    assert_eq!(dates("Costs rise in both 2031 and 2032.").len(), 2);
    // Near miss: a count after "for".
    assert!(dates("Tickets went for 2000 apiece.").is_empty());
}

#[test]
fn the_year_period_is_the_period_told_in_that_year() {
    assert_eq!(
        dates("Profit rose in the third quarter of 2031, after a loss in the 2030 period.")[1],
        pair("the 2030 period", "2030-07-01..2030-09-30")
    );
    assert_eq!(
        one("Sales fell in the 2030 second quarter."),
        pair("the 2030 second quarter", "2030-04-01..2030-06-30")
    );
}

#[test]
fn year_before_a_plural_noun_is_a_count() {
    assert!(dates("A crowd of 1500 workers rallied.").is_empty());
}

#[test]
fn modal_verbs_point_ahead() {
    assert_eq!(
        one("The deal should close in October.").1,
        "2025-10-01..2025-10-31"
    );
}

#[test]
fn month_of_next_year_dates_the_month_only() {
    assert_eq!(
        dates("Leases end after October of next year."),
        [
            pair("October", "2026-10-01..2026-10-31"),
            pair("next year", "2026-01-01..2026-12-31")
        ]
    );
}

#[test]
fn seasons_need_a_preposition_or_a_year() {
    assert_eq!(
        one("Sales rose in spring 2024.").1,
        "2024-03-01..2024-05-31"
    );
    assert_eq!(
        one("It will open in the autumn.").1,
        "2025-09-01..2025-11-30"
    );
    assert!(dates("Spring water prices fall.").is_empty());
    assert!(dates("After the fall of the city, they left.").is_empty());
}

#[test]
fn apostrophe_year_after_preposition() {
    assert_eq!(one("The lowest since '82.").1, "1982-01-01..1982-12-31");
}

#[test]
fn days_ago_name_a_day_and_years_ago_the_year() {
    assert_eq!(one("It hit two months ago.").1, "2025-07-01..2025-07-31");
    assert_eq!(one("It shut five years ago.").1, "2020-01-01..2020-12-31");
    assert_eq!(one("It hit ten days ago.").1, "2025-09-06");
    assert_eq!(one("It hit a week ago.").1, "2025-09-09");
}

#[test]
fn year_ranges_and_subject_years() {
    assert_eq!(dates("It ran in 2009-2011.").len(), 2);
    assert_eq!(one("2019 was a record year.").1, "2019-01-01..2019-12-31");
    assert!(dates("2000 were hurt.").is_empty());
}

#[test]
fn week_of_a_month() {
    assert_eq!(
        one("Sales rebounded in the last week of March."),
        pair("the last week of March", "2025-03-24..2025-03-30")
    );
}

/// (surface text, value, group kind and id) of each date in `text`.
fn grouped(text: &str) -> Vec<(String, String, String)> {
    let doc = Document::new(text);
    let rules = RuleSet::default();
    let published = NaiveDate::from_ymd_opt(2025, 9, 16);
    let cx = Context::new(&doc, published, &rules);
    let mut out = Vec::new();
    extract_dates(&cx, &mut out);
    dates(text)
        .into_iter()
        .zip(&out)
        .map(|((t, v), c)| {
            let g = c
                .group
                .map_or("-".to_owned(), |g| format!("{} {}", g.kind.as_str(), g.id));
            (t, v, g)
        })
        .collect()
}

fn triple(t: &str, v: &str, g: &str) -> (String, String, String) {
    (t.to_owned(), v.to_owned(), g.to_owned())
}

#[test]
fn a_year_earlier_is_the_period_just_told_a_year_back() {
    assert_eq!(
        dates("Profit doubled in the third quarter of 2024 from a year earlier."),
        [
            pair("the third quarter of 2024", "2024-07-01..2024-09-30"),
            pair("a year earlier", "2023-07-01..2023-09-30"),
        ]
    );
    assert_eq!(
        dates("Sales fell in March 2025 from a year ago.")[1],
        pair("a year ago", "2024-03-01..2024-03-31")
    );
    // With no period told before, "a year ago" and "a year earlier" are
    // counted from the publication date, and "the year-ago quarter" is
    // the last quarter completed, a year back.
    assert_eq!(
        one("A year ago, the plant was shut.").1,
        "2024-01-01..2024-12-31"
    );
    assert_eq!(
        one("A year earlier, the plant was shut.").1,
        "2024-01-01..2024-12-31"
    );
    assert_eq!(
        one("In the year-ago quarter, the plant was shut.").1,
        "2024-04-01..2024-06-30"
    );
}

#[test]
fn year_ago_and_year_earlier_periods_are_the_period_told_a_year_back() {
    assert_eq!(
        dates(
            "Profit rose in the second quarter of 2031 from the year-ago quarter, \
             and year-earlier sales were restated."
        ),
        [
            pair("the second quarter of 2031", "2031-04-01..2031-06-30"),
            pair("the year-ago quarter", "2030-04-01..2030-06-30"),
            pair("year-earlier", "2030-04-01..2030-06-30"),
        ]
    );
    assert_eq!(
        dates("Sales in March 2031 beat the comparable year-earlier period.")[1],
        pair(
            "the comparable year-earlier period",
            "2030-03-01..2030-03-31"
        )
    );
    assert_eq!(
        dates("Costs fell in 2031 from the corresponding period last year.")[1],
        pair(
            "the corresponding period last year",
            "2030-01-01..2030-12-31"
        )
    );
    // The year-ago quarter of a quarter told by its last day.
    assert_eq!(
        dates("Profit to June 30, 2031, beat the year-ago quarter.")[1],
        pair("the year-ago quarter", "2030-04-01..2030-06-30")
    );
    // With no period told before, there is nothing to count from.
    assert!(dates("Year-earlier results were restated.").is_empty());
    assert!(dates("On June 30, 2031, year-earlier results were restated.").len() == 1);
}

#[test]
fn the_quarter_is_the_one_just_told_else_the_last_completed() {
    assert_eq!(
        dates("Sales rose in the second quarter of 2024, and the quarter ended well.")[1],
        pair("the quarter", "2024-04-01..2024-06-30")
    );
    assert_eq!(
        one("Profit in the latest quarter fell 5%."),
        pair("the latest quarter", "2025-04-01..2025-06-30")
    );
    assert!(dates("They met in the French Quarter.").is_empty());
}

#[test]
fn range_of_months_gives_each_end_the_stated_year() {
    assert_eq!(
        grouped("Sales fell between April and June 2008, the firm said."),
        [
            triple("April", "2008-04-01..2008-04-30", "range 1"),
            triple("June 2008", "2008-06-01..2008-06-30", "range 1"),
        ]
    );
    assert_eq!(
        grouped("The dig ran from November to February 2011.")[0].1,
        "2010-11-01..2010-11-30"
    );
}

#[test]
fn weekday_range_ends_after_it_starts() {
    assert_eq!(
        grouped("The fair runs from Monday to Wednesday in the old port."),
        [
            triple("Monday", "2025-09-15", "range 1"),
            triple("Wednesday", "2025-09-17", "range 1"),
        ]
    );
}

#[test]
fn year_span_with_a_hyphen_is_a_range() {
    let g = grouped("The mayor served 2004-2009 before moving north.");
    assert_eq!(g.len(), 2, "{g:?}");
    assert_eq!(g[0].2, "range 1");
    assert_eq!(g[1].2, "range 1");
}

#[test]
fn list_of_years_shares_one_group() {
    let g = grouped("Floods struck the valley in 1997, 2003 and 2011.");
    let kinds: Vec<&str> = g.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(kinds, ["list 1", "list 1", "list 1"]);
}

#[test]
fn dates_apart_in_a_sentence_are_not_grouped() {
    let g = grouped("He left on Monday and the team returned late on Friday.");
    assert_eq!(g.len(), 2);
    assert!(g.iter().all(|t| t.2 == "-"), "{g:?}");
    let g = grouped("It opened in 1998; in 2004 it closed.");
    assert!(g.iter().all(|t| t.2 == "-"), "{g:?}");
}

#[test]
fn two_ranges_in_one_sentence_get_two_ids() {
    let g = grouped("Rates rose from 2001 to 2003 and fell between 2006 and 2008.");
    let kinds: Vec<&str> = g.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(kinds, ["range 1", "range 1", "range 2", "range 2"]);
}

proptest::proptest! {
    #[test]
    fn spans_stay_on_char_boundaries(text in "\\PC{0,80}") {
        let doc = Document::new(&text);
        let rules = RuleSet::default();
        let published = NaiveDate::from_ymd_opt(2025, 9, 16);
        let cx = Context::new(&doc, published, &rules);
        let mut out = Vec::new();
        extract_dates(&cx, &mut out);
        for c in out {
            proptest::prop_assert!(text.get(c.range.clone()).is_some());
        }
    }

    #[test]
    fn date_words_in_any_order_never_panic(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "the", "last", "week", "of", "March", "May", "9", "9th", "2025", "-", "/",
                "'", "Sunday's", "ago", "two", "mid-", "third-quarter", "spring", ",", ".",
                "next", "year", "in", "on", "weekend", "Sept", "’s", "1990s", "by",
            ]),
            0..12,
        )
    ) {
        let text = words.join(" ");
        let _ = dates(&text);
        let _ = dates(&words.concat());
    }
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "",
        "’s",
        "Sept.",
        "the",
        "2025-",
        "9/",
        "May 31",
        "Sunday’s",
        "é 1998 ü",
    ] {
        let _ = dates(t);
    }
}

// Published Tuesday 2025-09-16: Friday 12 is behind, Friday 19 ahead.

#[test]
fn since_points_back_and_a_clock_time_keeps_its_deadline() {
    assert_eq!(
        one("The ship has been at sea since March and is due home soon."),
        pair("March", "2025-03-01..2025-03-31")
    );
    // Near miss: "in March" with a plan lies ahead.
    assert_eq!(
        one("The ship is due home in March."),
        pair("March", "2026-03-01..2026-03-31")
    );
    assert_eq!(
        one("The council gave the tenants until 9 a.m. Friday to leave, the clerk said."),
        pair("Friday", "2025-09-19")
    );
}

#[test]
fn a_deadline_before_a_pluperfect_clause_is_behind() {
    assert_eq!(
        one("Until Friday, the police had not named the driver."),
        pair("Friday", "2025-09-12")
    );
    assert_eq!(
        one("Until Friday, the police will not name the driver."),
        pair("Friday", "2025-09-19")
    );
}

#[test]
fn set_without_to_is_a_past_verb_and_plans_as_a_noun_do_not_count() {
    assert_eq!(
        one("The board ruled that the fee should be paid, and set Friday as the deadline."),
        pair("Friday", "2025-09-12")
    );
    assert_eq!(
        one("The board is set to vote on Friday."),
        pair("Friday", "2025-09-19")
    );
}

#[test]
fn participles_after_is_and_adjectives_after_determiners_are_no_past() {
    assert_eq!(
        one("The appeal will be lost unless the case is heard in March."),
        pair("March", "2026-03-01..2026-03-31")
    );
    assert_eq!(
        one("Dividends would be paid on a still unspecified date in March."),
        pair("March", "2026-03-01..2026-03-31")
    );
    // Near miss: a past verb after a noun still dates the past.
    assert_eq!(
        one("The case was heard in March."),
        pair("March", "2025-03-01..2025-03-31")
    );
}

#[test]
fn the_year_of_accounts_is_the_year_of_its_sentence_or_this_one() {
    assert_eq!(
        one("Sales for the full year rose 4 percent."),
        pair("the full year", "2025-01-01..2025-12-31")
    );
    assert_eq!(
        dates("In 2021 the firm sold 12 ships, its best result for the year."),
        [
            pair("2021", "2021-01-01..2021-12-31"),
            pair("the year", "2021-01-01..2021-12-31"),
        ]
    );
    // Near misses: a length of accounts, the year itself, a relation, an award.
    assert!(dates("Profit for the year ended March 31 fell.")
        .iter()
        .all(|(t, _)| t == "March 31"));
    assert_eq!(one("Fireworks marked the year 2000.").0, "2000");
    assert!(dates("She recalls the year when the river froze.").is_empty());
    assert!(dates("He was named player of the year.").is_empty());
    assert!(dates("Stores should do well for the remainder of the year.").is_empty());
}

#[test]
fn years_after_due_back_to_and_an_adjective() {
    assert_eq!(one("The notes fall due 2031, the firm said.").0, "2031");
    assert_eq!(one("Records dating back to 1994 were lost.").0, "1994");
    assert_eq!(one("He lost his unsuccessful 2016 campaign.").0, "2016");
    // Near misses: counts after "to" and after an adjective, with a plural.
    assert!(dates("Staff numbers rose to 1994.").is_empty());
    assert!(dates("The remaining 2000 shares were sold.").is_empty());
}

#[test]
fn a_month_after_for_is_a_date_but_not_may_or_march() {
    assert_eq!(one("Turnover for October is high.").0, "October");
    assert!(dates("Crowds voted for May in the end.").is_empty());
}

#[test]
fn years_said_in_words() {
    assert_eq!(
        one("In nineteen eighty-three the bank failed."),
        pair("nineteen eighty-three", "1983-01-01..1983-12-31")
    );
    assert_eq!(
        one("It happened in January nineteen eighty-four."),
        pair("January nineteen eighty-four", "1984-01-01..1984-01-31")
    );
    assert_eq!(
        one("They planned for the year two thousand and five."),
        pair("the year two thousand and five", "2005-01-01..2005-12-31")
    );
    // Near misses: counts in words.
    assert!(dates("Nineteen people and two thousand sheep came.").is_empty());
    assert!(dates("She taught nineteen ninety-year-olds.").is_empty());
}

#[test]
fn year_end_after_a_preposition_follows_the_tense() {
    assert_eq!(
        one("The sale should close by year-end."),
        pair("year-end", "2025-12-31")
    );
    assert_eq!(
        one("Shares have gained 8% since year end."),
        pair("year end", "2024-12-31")
    );
    assert_eq!(
        one("The bridge opens before the year's end."),
        pair("the year's end", "2025-12-31")
    );
    // Near miss: a modifier, no date.
    assert!(dates("The year-end bonus was paid.").is_empty());
}

#[test]
fn today_in_general_and_a_programme_title_are_no_dates() {
    assert!(dates("It matters for today's youth and the cars of tomorrow.").is_empty());
    assert!(dates("She said so on ABC's This Week programme.").is_empty());
    // Near misses: a day's event, "as of today", this week in a sentence.
    assert_eq!(one("Today's vote was close.").1, "2025-09-16");
    assert_eq!(one("The office is shut as of today.").1, "2025-09-16");
    assert_eq!(one("This Week the office is shut.").0, "This Week");
}

#[test]
fn years_ago_after_a_period_count_from_publication_beyond_one() {
    // "a year ago" after a month is that month a year back; "41 years
    // ago" is a year counted from publication.
    assert_eq!(
        dates("Sales fell in March 2025, and the plant opened 41 years ago.")[1],
        pair("41 years ago", "1984-01-01..1984-12-31")
    );
}

#[test]
fn a_schedule_in_the_present_tense_lies_ahead() {
    assert_eq!(
        one("The two leaders meet separately Friday with the envoy."),
        pair("Friday", "2025-09-19")
    );
    assert_eq!(one("Talks resume on Friday.").1, "2025-09-19");
    // Near misses: the past form, and the noun after a determiner.
    assert_eq!(one("The two leaders met Friday.").1, "2025-09-12");
    assert_eq!(
        one("The meeting was held, and the visit Friday went well.").1,
        "2025-09-12"
    );
}

#[test]
fn thanksgiving_is_the_fourth_thursday_of_november() {
    // Published Tuesday 2025-09-16; Thanksgiving 2024 fell on November 28.
    assert_eq!(
        one("The boy was found on Thanksgiving Day."),
        pair("Thanksgiving Day", "2024-11-28")
    );
    assert_eq!(
        one("The family will gather on Thanksgiving."),
        pair("Thanksgiving", "2025-11-27")
    );
    assert_eq!(
        one("They met last Thanksgiving."),
        pair("last Thanksgiving", "2024-11-28")
    );
    // Near miss: a modifier.
    assert!(dates("Thanksgiving dinner was cold.").is_empty());
}

#[test]
fn a_second_day_after_a_month_and_day_is_a_date_of_that_month() {
    assert_eq!(
        dates("The summit meets on April 24 and 25."),
        [pair("April 24", "2026-04-24"), pair("25", "2026-04-25"),]
    );
    assert_eq!(
        dates("Voting ran Sept. 3 and 4, 2024.")[0],
        pair("Sept. 3", "2024-09-03")
    );
    // Near miss: a count after the day.
    assert_eq!(dates("Between June 3 and 25 people came.").len(), 1);
}

#[test]
fn the_latest_quarter_is_the_last_completed_even_after_a_year_ago_one() {
    assert_eq!(
        dates("Profit beat the year-ago quarter; in the latest quarter, sales rose.")[1],
        pair("the latest quarter", "2025-04-01..2025-06-30")
    );
    assert_eq!(
        one("The latest period had gains.").1,
        "2025-04-01..2025-06-30"
    );
    // Near miss: "the quarter" is the one just told.
    assert_eq!(
        dates("Sales rose in the first quarter of 2024, and the quarter ended well.")[1],
        pair("the quarter", "2024-01-01..2024-03-31")
    );
}
