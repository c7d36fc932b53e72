//! Publication dates as metadata writes them: ISO 8601 dates and
//! date-times, with or without a zone (`2026-03-03`,
//! `2026-03-03T10:00:00`, `2026-03-03T10:00:00+01:00`, Jekyll's
//! `2026-03-03 10:00:00 +0100`), and RFC 2822 dates (`Tue, 3 Mar 2026
//! 10:00:00 +0000`). The date is the calendar day as written, not converted
//! to UTC. Nothing else is a date here: `March 3, 2026` is refused, so that
//! an unreadable date is an error rather than a silently undated article.

use chrono::NaiveDate;

/// The calendar day of a publication date, or `None` when `value` is not
/// one of the accepted shapes. Surrounding quotes and spaces are ignored.
pub fn parse_published(value: &str) -> Option<NaiveDate> {
    let v = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    parse_iso(v).or_else(|| {
        chrono::DateTime::parse_from_rfc2822(v)
            .ok()
            .map(|d| d.date_naive())
    })
}

/// `YYYY-MM-DD`, optionally followed by `T` or a space and a time of day
/// (`HH:MM`, `HH:MM:SS`, fractions of a second), optionally followed by a
/// zone (`Z`, `+01:00`, `+0100`, `+01`, with or without a space before it).
fn parse_iso(v: &str) -> Option<NaiveDate> {
    let date = NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()?;
    let rest = &v[10..];
    if rest.is_empty() {
        return Some(date);
    }
    let time = rest.strip_prefix(['T', 't', ' '])?;
    let time = strip_zone(time)?;
    let ok = ["%H:%M:%S%.f", "%H:%M"]
        .iter()
        .any(|f| chrono::NaiveTime::parse_from_str(time, f).is_ok());
    ok.then_some(date)
}

/// The time of day without its zone; `None` when the zone is malformed.
fn strip_zone(time: &str) -> Option<&str> {
    if let Some(t) = time.strip_suffix(['Z', 'z']) {
        return Some(t);
    }
    let Some(i) = time.rfind(['+', '-']) else {
        return Some(time.trim_end());
    };
    let zone = time[i + 1..].replace(':', "");
    let well_formed = matches!(zone.len(), 2 | 4) && zone.bytes().all(|b| b.is_ascii_digit());
    well_formed.then(|| time[..i].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, 3, 3)
    }

    #[test]
    fn iso_dates_and_date_times_with_or_without_a_zone_parse() {
        for v in [
            "2026-03-03",
            "\"2026-03-03\"",
            "'2026-03-03'",
            "2026-03-03T10:00:00",
            "2026-03-03T10:00",
            "2026-03-03T10:00:00.250Z",
            "2026-03-03T10:00:00+01:00",
            "2026-03-03T23:30:00-05:00",
            "2026-03-03 10:00:00 +0100",
            "2026-03-03 10:00:00",
            "2026-03-03T10:00:00+01",
        ] {
            assert_eq!(parse_published(v), day(), "{v}");
        }
    }

    #[test]
    fn rfc_2822_dates_parse() {
        assert_eq!(parse_published("Tue, 3 Mar 2026 10:00:00 +0000"), day());
        assert_eq!(parse_published("3 Mar 2026 10:00:00 GMT"), day());
    }

    #[test]
    fn other_shapes_are_not_dates() {
        for v in [
            "March 3, 2026",
            "2026/03/03",
            "2026-03-03garbage",
            "2026-03-03T",
            "2026-03-03T25:00",
            "2026-03-03T10:00:00+1",
            "2026-13-03",
            "2026-03-\u{e9}\u{e9}\u{e9}",
            "",
            "yesterday",
        ] {
            assert_eq!(parse_published(v), None, "{v}");
        }
    }
}
