//! A readable listing of what a rule set defines, for `claimcheck rules
//! check`: editors run it to see that the file says what they meant (which
//! role holds when, which value is in force when).
//!
//! Plain text, deterministic, in file order; it is not a serialisation and
//! cannot be read back.

use super::convert::span_text;
use super::{EntityKind, FactValue, RuleLoc, RuleSet};
use chrono::NaiveDate;
use std::fmt::Write;

/// Describe every rule of `set`, grouped by section.
pub fn describe_rules(set: &RuleSet) -> String {
    let mut s = String::new();
    for f in &set.files {
        let _ = writeln!(s, "read {}", f.display());
    }
    let _ = writeln!(
        s,
        "{} entit{}, {} fact(s), {} event(s), {} quote(s)",
        set.entities.len(),
        if set.entities.len() == 1 { "y" } else { "ies" },
        set.facts.len(),
        set.events.len(),
        set.quotes.len()
    );
    describe_entities(set, &mut s);
    describe_facts(set, &mut s);
    describe_events(set, &mut s);
    describe_quotes(set, &mut s);
    s
}

fn describe_entities(set: &RuleSet, s: &mut String) {
    if set.entities.is_empty() {
        return;
    }
    s.push_str("\nentities\n");
    for e in &set.entities {
        let kind = match e.kind {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
        };
        let _ = write!(s, "  {} ({kind})", e.name);
        if !e.aliases.is_empty() {
            let _ = write!(s, ", also {}", e.aliases.join(", "));
        }
        let _ = writeln!(s, "  [{}]", place(&e.loc));
        for r in &e.roles {
            let _ = write!(s, "    {}", r.title);
            if let Some(org) = &r.org {
                let _ = write!(s, ", {org}");
            }
            let _ = write!(s, ": {}", span_text(r.from, r.until));
            if let Some(note) = &r.note {
                let _ = write!(s, " ({note})");
            }
            s.push('\n');
        }
    }
}

fn describe_facts(set: &RuleSet, s: &mut String) {
    if set.facts.is_empty() {
        return;
    }
    s.push_str("\nfacts\n");
    for f in &set.facts {
        let _ = write!(s, "  {}", f.id);
        if let Some(about) = &f.about {
            let _ = write!(s, ": {about}");
        }
        let _ = writeln!(s, "  [{}]", place(&f.loc));
        let _ = write!(s, "    counts {}", f.nouns.join(", "));
        if !f.context.is_empty() {
            let _ = write!(s, "; with one of {}", f.context.join(", "));
        }
        if !f.exclude.is_empty() {
            let _ = write!(s, "; not {}", f.exclude.join(", "));
        }
        s.push('\n');
        for v in &f.values {
            let _ = write!(s, "    {}: {}", value_text(v), span_text(v.from, v.until));
            if let Some(src) = &v.source {
                let _ = write!(s, " ({src})");
            }
            s.push('\n');
        }
    }
}

fn value_text(v: &FactValue) -> String {
    match (v.min.is_finite(), v.max.is_finite()) {
        _ if v.min == v.max => number(v.min),
        (true, true) => format!("{} to {}", number(v.min), number(v.max)),
        (true, false) => format!("at least {}", number(v.min)),
        (false, true) => format!("at most {}", number(v.max)),
        (false, false) => "any number".to_owned(),
    }
}

/// A whole number without ".0"; others as written.
fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

fn describe_events(set: &RuleSet, s: &mut String) {
    if set.events.is_empty() {
        return;
    }
    s.push_str("\nevents\n");
    for e in &set.events {
        let _ = write!(s, "  {}", e.id);
        if let Some(about) = &e.about {
            let _ = write!(s, ": {about}");
        }
        let _ = writeln!(s, "  [{}]", place(&e.loc));
        let _ = write!(
            s,
            "    {}: {}",
            e.words.join(", "),
            event_span(e.from, e.until)
        );
        if !e.near.is_empty() {
            let _ = write!(s, "; near {}", e.near.join(", "));
        }
        s.push('\n');
    }
}

fn event_span(from: NaiveDate, until: NaiveDate) -> String {
    if from == until {
        return format!("on {from}");
    }
    let f = (from != NaiveDate::MIN).then_some(from);
    let u = (until != NaiveDate::MAX).then_some(until);
    span_text(f, u)
}

fn describe_quotes(set: &RuleSet, s: &mut String) {
    if set.quotes.is_empty() {
        return;
    }
    s.push_str("\nquotes\n");
    for q in &set.quotes {
        let speaker = set
            .speaker_of(q)
            .map_or(q.speaker.as_str(), |e| e.name.as_str());
        let _ = write!(s, "  {}: {speaker}", q.id);
        if let Some(d) = q.date {
            let _ = write!(s, ", {d}");
        }
        let _ = writeln!(s, "  [{}]", place(&q.loc));
        let text: Vec<&str> = q.text.split_whitespace().collect();
        let _ = writeln!(s, "    \"{}\"", text.join(" "));
    }
}

fn place(loc: &RuleLoc) -> String {
    format!("{}:{}", loc.path.display(), loc.line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_rules;
    use std::path::Path;

    fn describe(yaml: &str) -> String {
        let mut set = RuleSet::default();
        parse_rules(Path::new("r.yaml"), yaml, &mut set).unwrap();
        describe_rules(&set)
    }

    #[test]
    fn roles_are_listed_with_their_dates() {
        let out = describe(
            "entities:\n  - name: Ana\n    roles:\n      - title: Mayor\n        org: Springfield\n        from: 2020-01-02\n",
        );
        assert!(out.contains("  Ana (person)  [r.yaml:2]\n"), "{out}");
        assert!(
            out.contains("    Mayor, Springfield: from 2020-01-02\n"),
            "{out}"
        );
    }

    #[test]
    fn fact_values_read_as_numbers_and_ranges() {
        let out = describe(
            "facts:\n  - id: boats\n    noun: boat\n    values:\n      - value: 48\n        until: 2025-01-01\n      - min: 50\n        from: 2025-01-02\n",
        );
        assert!(out.contains("    48: until 2025-01-01\n"), "{out}");
        assert!(out.contains("    at least 50: from 2025-01-02\n"), "{out}");
    }

    #[test]
    fn single_day_event_reads_on_that_day() {
        let out = describe("events:\n  - id: fire\n    words: fire\n    date: 2025-09-09\n");
        assert!(out.contains("    fire: on 2025-09-09\n"), "{out}");
    }
}
