//! Turning one parsed rule file into typed rules, checking what one file can
//! show wrong: bad or impossible dates, `from` after `until`, a value with
//! neither or both of `value` and `min`/`max`, `min` above `max`,
//! overlapping value ranges, duplicate ids and entity names.
//!
//! Every rule keeps a [`RuleLoc`] (file, line, column, line text) so reports
//! can quote it. Checks that need every file of the set live in `validate`.

use super::raw::{RawEntity, RawEvent, RawFact, RawFile, RawQuote, RawRole, RawValue, Words};
use super::validate::IdIndex;
use super::{CanonQuote, Entity, EntityKind, Event, Fact, FactValue, Role, RuleLoc, RuleSet};
use crate::error::{Error, Result};
use chrono::NaiveDate;
use serde_saphyr::{Location, Spanned};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One file being converted: its path and lines, for locations.
pub(crate) struct FileCx<'t> {
    path: Arc<PathBuf>,
    lines: Vec<&'t str>,
}

impl<'t> FileCx<'t> {
    pub(crate) fn new(path: &Path, text: &'t str) -> Self {
        FileCx {
            path: Arc::new(path.to_owned()),
            lines: text.lines().collect(),
        }
    }

    /// The rule location of a parser location.
    pub(crate) fn loc(&self, at: Location) -> RuleLoc {
        let line = at.line() as usize;
        let text = line
            .checked_sub(1)
            .and_then(|i| self.lines.get(i))
            .map(|l| l.trim().to_owned())
            .unwrap_or_default();
        RuleLoc {
            path: Arc::clone(&self.path),
            line,
            column: at.column() as usize,
            text,
        }
    }

    /// An error at a parser location.
    pub(crate) fn err(&self, at: Location, message: String) -> Error {
        Error::Rule {
            path: self.path.as_ref().clone(),
            line: at.line() as usize,
            column: at.column() as usize,
            message,
        }
    }
}

/// Convert a parsed file into `set`, or say what is wrong with it. `ids`
/// indexes the rules already in `set` (kept by the caller across files, so
/// that loading many files stays linear) and is updated with this file's.
pub(crate) fn convert_file(
    path: &Path,
    text: &str,
    raw: RawFile,
    set: &mut RuleSet,
    ids: &mut IdIndex,
) -> Result<()> {
    let cx = FileCx::new(path, text);
    if let Some(v) = &raw.version {
        if v.value != 1 {
            return Err(cx.err(
                v.referenced,
                format!(
                    "unsupported `version` {} (this claimcheck reads version 1)",
                    v.value
                ),
            ));
        }
    }
    for e in raw.entities.unwrap_or_default() {
        let entity = convert_entity(&cx, e)?;
        ids.add_entity(&entity)?;
        set.entities.push(entity);
    }
    for f in raw.facts.unwrap_or_default() {
        let fact = convert_fact(&cx, f)?;
        ids.add_id(&fact.id, &fact.loc)?;
        set.facts.push(fact);
    }
    for e in raw.events.unwrap_or_default() {
        let event = convert_event(&cx, e)?;
        ids.add_id(&event.id, &event.loc)?;
        set.events.push(event);
    }
    for q in raw.quotes.unwrap_or_default() {
        let quote = convert_quote(&cx, q)?;
        ids.add_id(&quote.id, &quote.loc)?;
        set.quotes.push(quote);
    }
    Ok(())
}

fn convert_entity(cx: &FileCx<'_>, raw: Spanned<RawEntity>) -> Result<Entity> {
    let loc = cx.loc(raw.referenced);
    let raw = raw.value;
    let name = non_empty(cx, &raw.name, "entity `name`")?;
    let kind = match &raw.kind {
        None => EntityKind::Person,
        Some(k) => parse_kind(&k.value).ok_or_else(|| {
            cx.err(
                k.referenced,
                format!(
                    "entity '{name}': unknown `kind` '{}' (expected person, organization or place)",
                    k.value
                ),
            )
        })?,
    };
    let mut roles = Vec::new();
    for r in raw.roles.unwrap_or_default() {
        roles.push(convert_role(cx, &name, r)?);
    }
    Ok(Entity {
        aliases: clean_words(raw.aliases, false),
        name,
        kind,
        roles,
        loc,
    })
}

fn parse_kind(s: &str) -> Option<EntityKind> {
    match s.trim().to_ascii_lowercase().as_str() {
        "person" => Some(EntityKind::Person),
        "organization" | "organisation" => Some(EntityKind::Organization),
        "place" => Some(EntityKind::Place),
        _ => None,
    }
}

fn convert_role(cx: &FileCx<'_>, entity: &str, raw: Spanned<RawRole>) -> Result<Role> {
    let loc = cx.loc(raw.referenced);
    let raw = raw.value;
    let title = non_empty(cx, &raw.title, "role `title`")?;
    let owner = format!("role '{title}' of entity '{entity}'");
    let from = opt_date(cx, raw.from.as_ref(), "from", &owner)?;
    let until = opt_date(cx, raw.until.as_ref(), "until", &owner)?;
    check_order(cx, from, until, raw.until.as_ref(), &owner)?;
    Ok(Role {
        title,
        org: raw
            .org
            .map(|o| o.trim().to_owned())
            .filter(|o| !o.is_empty()),
        from,
        until,
        note: raw.note,
        loc,
    })
}

fn convert_fact(cx: &FileCx<'_>, raw: Spanned<RawFact>) -> Result<Fact> {
    let loc = cx.loc(raw.referenced);
    let raw = raw.value;
    let id = non_empty(cx, &raw.id, "fact `id`")?;
    let nouns = clean_words(Some(raw.noun.value), true);
    if nouns.is_empty() {
        return Err(cx.err(raw.noun.referenced, format!("fact '{id}': `noun` is empty")));
    }
    let mut values = Vec::new();
    for v in raw.values {
        values.push(convert_value(cx, &id, v)?);
    }
    values.sort_by_key(|v| v.from);
    check_overlaps(&id, &values)?;
    Ok(Fact {
        id,
        about: raw.about,
        nouns,
        context: clean_words(raw.context, false),
        exclude: clean_words(raw.exclude, true),
        values,
        loc,
    })
}

fn convert_value(cx: &FileCx<'_>, id: &str, raw: Spanned<RawValue>) -> Result<FactValue> {
    let at = raw.referenced;
    let loc = cx.loc(at);
    let raw = raw.value;
    let owner = format!("fact '{id}'");
    let (min, max) = match (&raw.value, &raw.min, &raw.max) {
        (Some(v), None, None) => (v.value.0, v.value.0),
        (None, None, None) => {
            return Err(cx.err(
                at,
                format!("{owner}: a value needs `value`, or `min` and/or `max`"),
            ))
        }
        (Some(v), _, _) => {
            return Err(cx.err(
                v.referenced,
                format!("{owner}: a value has both `value` and `min`/`max`; give one or the other"),
            ))
        }
        (None, min, max) => {
            let lo = min.as_ref().map_or(f64::NEG_INFINITY, |m| m.value.0);
            let hi = max.as_ref().map_or(f64::INFINITY, |m| m.value.0);
            if lo > hi {
                let at = max.as_ref().map_or(at, |m| m.referenced);
                return Err(cx.err(
                    at,
                    format!("{owner}: `min` {lo} is greater than `max` {hi}"),
                ));
            }
            (lo, hi)
        }
    };
    for (n, key) in [(&raw.value, "value"), (&raw.min, "min"), (&raw.max, "max")] {
        if let Some(n) = n {
            if n.value.0.is_nan() {
                return Err(cx.err(n.referenced, format!("{owner}: `{key}` is not a number")));
            }
        }
    }
    let from = opt_date(cx, raw.from.as_ref(), "from", &owner)?;
    let until = opt_date(cx, raw.until.as_ref(), "until", &owner)?;
    check_order(cx, from, until, raw.until.as_ref(), &owner)?;
    Ok(FactValue {
        min,
        max,
        from,
        until,
        source: raw.source,
        loc,
    })
}

/// Values sorted by `from`: one overlaps an earlier one when it starts on
/// or before the previous one's end (with no overlap so far, the previous
/// value is also the one that ends last).
fn check_overlaps(id: &str, values: &[FactValue]) -> Result<()> {
    let mut latest: Option<&FactValue> = None;
    for v in values {
        if let Some(prev) = latest {
            let prev_end = prev.until.unwrap_or(NaiveDate::MAX);
            let start = v.from.unwrap_or(NaiveDate::MIN);
            if start <= prev_end {
                let (first, second) = if prev.loc.line <= v.loc.line {
                    (prev, v)
                } else {
                    (v, prev)
                };
                return Err(Error::Rule {
                    path: second.loc.path.as_ref().clone(),
                    line: second.loc.line,
                    column: second.loc.column,
                    message: format!(
                        "fact '{id}': the value at line {} overlaps the value at line {} ({} and {})",
                        second.loc.line,
                        first.loc.line,
                        span_text(second.from, second.until),
                        span_text(first.from, first.until),
                    ),
                });
            }
        }
        latest = Some(v);
    }
    Ok(())
}

/// A date span as people read it: "2025-01-01..2025-02-01", "from
/// 2025-01-01", "until 2025-02-01", "always".
pub(crate) fn span_text(from: Option<NaiveDate>, until: Option<NaiveDate>) -> String {
    match (from, until) {
        (Some(f), Some(u)) => format!("{f}..{u}"),
        (Some(f), None) => format!("from {f}"),
        (None, Some(u)) => format!("until {u}"),
        (None, None) => "at any date".to_owned(),
    }
}

fn convert_event(cx: &FileCx<'_>, raw: Spanned<RawEvent>) -> Result<Event> {
    let at = raw.referenced;
    let loc = cx.loc(at);
    let raw = raw.value;
    let id = non_empty(cx, &raw.id, "event `id`")?;
    let owner = format!("event '{id}'");
    let words = clean_words(Some(raw.words.value), false);
    if words.is_empty() {
        return Err(cx.err(raw.words.referenced, format!("{owner}: `words` is empty")));
    }
    let date = opt_date(cx, raw.date.as_ref(), "date", &owner)?;
    let from = opt_date(cx, raw.from.as_ref(), "from", &owner)?;
    let until = opt_date(cx, raw.until.as_ref(), "until", &owner)?;
    let (from, until) = match (date, from, until) {
        (Some(d), None, None) => (d, d),
        (None, None, None) => {
            return Err(cx.err(at, format!("{owner}: needs `date`, or `from` and `until`")))
        }
        (Some(_), _, _) => {
            let bad = raw
                .from
                .as_ref()
                .or(raw.until.as_ref())
                .map_or(at, |s| s.referenced);
            return Err(cx.err(
                bad,
                format!("{owner}: has both `date` and `from`/`until`; give one or the other"),
            ));
        }
        (None, f, u) => {
            check_order(cx, f, u, raw.until.as_ref(), &owner)?;
            // An open end is a span still going on, or begun before records.
            (f.unwrap_or(NaiveDate::MIN), u.unwrap_or(NaiveDate::MAX))
        }
    };
    Ok(Event {
        id,
        about: raw.about,
        words,
        near: clean_words(raw.near, false),
        from,
        until,
        loc,
    })
}

fn convert_quote(cx: &FileCx<'_>, raw: Spanned<RawQuote>) -> Result<CanonQuote> {
    let loc = cx.loc(raw.referenced);
    let raw = raw.value;
    let id = non_empty(cx, &raw.id, "quote `id`")?;
    let owner = format!("quote '{id}'");
    let speaker = non_empty(cx, &raw.speaker, &format!("{owner}: `speaker`"))?;
    let text = non_empty(cx, &raw.text, &format!("{owner}: `text`"))?;
    Ok(CanonQuote {
        id,
        speaker,
        text,
        date: opt_date(cx, raw.date.as_ref(), "date", &owner)?,
        source: raw.source,
        loc,
    })
}

/// A trimmed string that must not be empty.
fn non_empty(cx: &FileCx<'_>, s: &Spanned<String>, what: &str) -> Result<String> {
    let t = s.value.trim();
    if t.is_empty() {
        return Err(cx.err(s.referenced, format!("{what} is empty")));
    }
    Ok(t.to_owned())
}

/// Trimmed, non-empty words; lower-cased where the rule compares them so.
fn clean_words(words: Option<Words>, lower: bool) -> Vec<String> {
    let mut out: Vec<String> = words
        .unwrap_or_default()
        .0
        .into_iter()
        .map(|w| w.trim().to_owned())
        .filter(|w| !w.is_empty())
        .map(|w| if lower { w.to_lowercase() } else { w })
        .collect();
    let mut seen = std::collections::HashSet::new();
    out.retain(|w| seen.insert(w.clone()));
    out
}

fn opt_date(
    cx: &FileCx<'_>,
    s: Option<&Spanned<String>>,
    key: &str,
    owner: &str,
) -> Result<Option<NaiveDate>> {
    s.map(|s| {
        parse_date(&s.value).map_err(|why| cx.err(s.referenced, format!("{owner}: `{key}` {why}")))
    })
    .transpose()
}

/// Parse a strict `YYYY-MM-DD`, saying why it is not one.
pub(crate) fn parse_date(s: &str) -> std::result::Result<NaiveDate, String> {
    let t = s.trim();
    let b = t.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err(format!("'{t}' is not a date (expected YYYY-MM-DD)"));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .map_err(|_| format!("{t} is not a day of the calendar"))
}

fn check_order(
    cx: &FileCx<'_>,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    until_span: Option<&Spanned<String>>,
    owner: &str,
) -> Result<()> {
    if let (Some(f), Some(u), Some(s)) = (from, until, until_span) {
        if f > u {
            return Err(cx.err(
                s.referenced,
                format!("{owner}: `from` {f} is after `until` {u}"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(yaml: &str) -> RuleSet {
        let mut set = RuleSet::default();
        match parse_rules_into(yaml, &mut set) {
            Ok(()) => set,
            Err(e) => panic!("expected valid rules, got {e}"),
        }
    }

    fn parse_rules_into(yaml: &str, set: &mut RuleSet) -> Result<()> {
        crate::rules::parse_rules(Path::new("r.yaml"), yaml, set)
    }

    /// The (line, column, message) of the error the rules give.
    fn rule_error(yaml: &str) -> (usize, usize, String) {
        match parse_rules_into(yaml, &mut RuleSet::default()) {
            Err(Error::Rule {
                line,
                column,
                message,
                ..
            }) => (line, column, message),
            other => panic!("expected a rule error, got {other:?}"),
        }
    }

    fn fact_with_values(values: &str) -> String {
        format!("facts:\n  - id: boats\n    noun: boat\n    values:\n{values}")
    }

    #[test]
    fn full_entity_converts_with_roles_and_locations() {
        let set = load(
            "entities:\n  - name: Ana Lopez\n    aliases: Lopez\n    roles:\n      - title: Mayor\n        org: Springfield\n        from: 2020-01-02\n        until: 2024-01-01\n",
        );
        let e = &set.entities[0];
        assert_eq!(e.kind, EntityKind::Person);
        assert_eq!(e.aliases, ["Lopez"]);
        assert_eq!(e.loc.line, 2);
        assert_eq!(e.loc.text, "- name: Ana Lopez");
        let r = &e.roles[0];
        assert_eq!(r.org.as_deref(), Some("Springfield"));
        assert_eq!(r.from, NaiveDate::from_ymd_opt(2020, 1, 2));
        assert_eq!(r.loc.line, 5);
    }

    #[test]
    fn unknown_entity_kind_is_an_error_naming_the_entity() {
        let (line, _, msg) = rule_error("entities:\n  - name: Ana\n    kind: robot\n");
        assert_eq!(line, 3);
        assert!(msg.contains("'Ana'") && msg.contains("robot"), "{msg}");
    }

    #[test]
    fn british_spelling_of_organisation_is_accepted() {
        let set = load("entities:\n  - name: Acme\n    kind: organisation\n");
        assert_eq!(set.entities[0].kind, EntityKind::Organization);
    }

    #[test]
    fn fact_nouns_are_lower_case_and_a_single_string_is_a_list() {
        let set = load(&fact_with_values("      - value: 3\n").replace("noun: boat", "noun: Boat"));
        assert_eq!(set.facts[0].nouns, ["boat"]);
        assert_eq!(set.facts[0].values[0].min, 3.0);
        assert_eq!(set.facts[0].values[0].max, 3.0);
    }

    #[test]
    fn impossible_date_is_an_error_at_the_date() {
        let (line, column, msg) = rule_error(&fact_with_values(
            "      - value: 3\n        from: 2025-02-30\n",
        ));
        assert_eq!((line, column), (6, 15));
        assert!(
            msg.contains("2025-02-30") && msg.contains("`from`"),
            "{msg}"
        );
        assert!(msg.contains("'boats'"), "{msg}");
    }

    #[test]
    fn non_date_is_an_error() {
        let (_, _, msg) = rule_error(&fact_with_values("      - value: 3\n        until: soon\n"));
        assert!(msg.contains("'soon' is not a date"), "{msg}");
    }

    #[test]
    fn from_after_until_is_an_error() {
        let (line, _, msg) = rule_error(&fact_with_values(
            "      - value: 3\n        from: 2025-03-01\n        until: 2025-02-01\n",
        ));
        assert_eq!(line, 7);
        assert!(msg.contains("after"), "{msg}");
    }

    #[test]
    fn value_with_neither_value_nor_range_is_an_error() {
        let (line, _, msg) = rule_error(&fact_with_values("      - source: census\n"));
        assert_eq!(line, 5);
        assert!(msg.contains("needs `value`"), "{msg}");
    }

    #[test]
    fn value_with_both_value_and_range_is_an_error() {
        let (_, _, msg) = rule_error(&fact_with_values("      - value: 3\n        min: 2\n"));
        assert!(msg.contains("both `value` and `min`/`max`"), "{msg}");
    }

    #[test]
    fn min_above_max_is_an_error() {
        let (line, _, msg) = rule_error(&fact_with_values("      - min: 9\n        max: 2\n"));
        assert_eq!(line, 6);
        assert!(msg.contains("`min` 9 is greater than `max` 2"), "{msg}");
    }

    #[test]
    fn min_alone_is_an_open_range() {
        let set = load(&fact_with_values("      - min: 9\n"));
        assert_eq!(set.facts[0].values[0].min, 9.0);
        assert!(set.facts[0].values[0].max.is_infinite());
    }

    #[test]
    fn overlapping_values_name_the_fact_and_both_lines() {
        let (line, _, msg) = rule_error(&fact_with_values(
            "      - value: 3\n        from: 2025-01-01\n        until: 2025-02-01\n      - value: 4\n        from: 2025-02-01\n",
        ));
        assert_eq!(line, 8);
        assert!(msg.contains("'boats'"), "{msg}");
        assert!(msg.contains("line 8") && msg.contains("line 5"), "{msg}");
    }

    #[test]
    fn adjacent_values_do_not_overlap_and_are_sorted() {
        let set = load(&fact_with_values(
            "      - value: 4\n        from: 2025-02-02\n      - value: 3\n        until: 2025-02-01\n",
        ));
        let v = &set.facts[0].values;
        assert_eq!((v[0].min, v[1].min), (3.0, 4.0));
    }

    #[test]
    fn two_undated_values_overlap() {
        let (_, _, msg) = rule_error(&fact_with_values("      - value: 3\n      - value: 4\n"));
        assert!(msg.contains("overlaps"), "{msg}");
    }

    #[test]
    fn event_date_is_a_one_day_span() {
        let set = load("events:\n  - id: fire\n    words: [fire, blaze]\n    date: 2025-09-09\n");
        let e = &set.events[0];
        assert_eq!(e.from, e.until);
        assert_eq!(e.words, ["fire", "blaze"]);
    }

    #[test]
    fn event_with_date_and_span_is_an_error() {
        let (_, _, msg) = rule_error(
            "events:\n  - id: fire\n    words: fire\n    date: 2025-09-09\n    from: 2025-09-01\n",
        );
        assert!(
            msg.contains("event 'fire'") && msg.contains("both `date`"),
            "{msg}"
        );
    }

    #[test]
    fn event_without_any_date_is_an_error() {
        let (_, _, msg) = rule_error("events:\n  - id: fire\n    words: fire\n");
        assert!(msg.contains("needs `date`"), "{msg}");
    }

    #[test]
    fn event_span_with_open_end_still_holds() {
        let set = load("events:\n  - id: war\n    words: war\n    from: 2022-02-24\n");
        assert_eq!(set.events[0].until, NaiveDate::MAX);
    }

    #[test]
    fn duplicate_id_across_sections_names_both_places() {
        let (line, _, msg) = rule_error(
            "events:\n  - id: x\n    words: w\n    date: 2025-01-01\nquotes:\n  - id: x\n    speaker: Ana\n    text: Hello there\n",
        );
        assert_eq!(line, 6);
        assert!(
            msg.contains("duplicate id 'x'") && msg.contains("r.yaml:2:"),
            "{msg}"
        );
    }

    #[test]
    fn duplicate_id_across_files_is_an_error() {
        let mut set = RuleSet::default();
        let yaml = "quotes:\n  - id: q\n    speaker: Ana\n    text: Hello\n";
        crate::rules::parse_rules(Path::new("a.yaml"), yaml, &mut set).unwrap();
        let e = crate::rules::parse_rules(Path::new("b.yaml"), yaml, &mut set).unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("b.yaml:2:"), "{msg}");
        assert!(msg.contains("a.yaml:2:"), "{msg}");
    }

    #[test]
    fn duplicate_entity_name_is_an_error() {
        let (line, _, msg) = rule_error("entities:\n  - name: Ana\n  - name: ana\n");
        assert_eq!(line, 3);
        assert!(msg.contains("duplicate entity"), "{msg}");
    }

    #[test]
    fn unsupported_version_is_an_error() {
        let (_, _, msg) = rule_error("version: 2\n");
        assert!(msg.contains("`version`"), "{msg}");
        load("version: 1\n");
    }

    #[test]
    fn empty_id_is_an_error() {
        let (_, _, msg) = rule_error("quotes:\n  - id: ''\n    speaker: A\n    text: b\n");
        assert!(msg.contains("`id` is empty"), "{msg}");
    }

    #[test]
    fn strict_date_shape_is_required() {
        assert!(parse_date("2025-9-9").is_err());
        assert!(parse_date("2025-09-09T10:00").is_err());
        assert!(parse_date("2024-02-29").is_ok());
        assert!(parse_date("2025-02-29").unwrap_err().contains("calendar"));
        assert!(parse_date("２０２５-09-09").is_err());
    }
}
