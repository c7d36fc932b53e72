//! Checks that span a whole rule set: facts, events and quotes share one id
//! namespace across all files, entity names are unique, and a quote's
//! speaker names an entity, always (so that a typo in a speaker cannot
//! silently disable the misattribution check, and a rule set with quotes
//! but no entities is refused rather than matching any speaker by
//! surname).
//!
//! It does not re-check what one file can show wrong; `convert` does that.

use super::resolve::normalize_name;
use super::{Entity, RuleLoc, RuleSet};
use crate::error::{Error, Result};
use std::collections::HashMap;

/// The ids and entity names already defined, with where.
pub(crate) struct IdIndex {
    ids: HashMap<String, RuleLoc>,
    entities: HashMap<String, RuleLoc>,
}

impl IdIndex {
    /// Index the rules already in `set`.
    pub(crate) fn of(set: &RuleSet) -> Self {
        let mut ids = HashMap::new();
        for (id, loc) in set
            .facts
            .iter()
            .map(|f| (&f.id, &f.loc))
            .chain(set.events.iter().map(|e| (&e.id, &e.loc)))
            .chain(set.quotes.iter().map(|q| (&q.id, &q.loc)))
        {
            ids.entry(id.clone()).or_insert_with(|| loc.clone());
        }
        let mut entities = HashMap::new();
        for e in &set.entities {
            entities
                .entry(normalize_name(&e.name))
                .or_insert_with(|| e.loc.clone());
        }
        IdIndex { ids, entities }
    }

    /// Record a fact, event or quote id; a second use is an error naming
    /// both places.
    pub(crate) fn add_id(&mut self, id: &str, loc: &RuleLoc) -> Result<()> {
        if let Some(first) = self.ids.get(id) {
            return Err(at(
                loc,
                format!("duplicate id '{id}': already defined at {}", place(first)),
            ));
        }
        self.ids.insert(id.to_owned(), loc.clone());
        Ok(())
    }

    /// Record an entity's name; two entities with one name would make
    /// every mention of it ambiguous.
    pub(crate) fn add_entity(&mut self, e: &Entity) -> Result<()> {
        let key = normalize_name(&e.name);
        if let Some(first) = self.entities.get(&key) {
            return Err(at(
                &e.loc,
                format!(
                    "duplicate entity '{}': already defined at {}",
                    e.name,
                    place(first)
                ),
            ));
        }
        self.entities.insert(key, e.loc.clone());
        Ok(())
    }
}

/// Check what needs every file of the set: each quote's speaker names an
/// entity (RULES.md: "an entity's name or alias").
pub fn check_rule_set(set: &RuleSet) -> Result<()> {
    if set.quotes.is_empty() {
        return Ok(());
    }
    // What `RuleSet::speaker_of` finds, indexed once: every name and alias.
    let names: std::collections::HashSet<String> = set
        .entities
        .iter()
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
        .map(|n| normalize_name(n))
        .collect();
    for q in &set.quotes {
        let speaker = normalize_name(&q.speaker);
        if set.entities.is_empty() {
            return Err(at(
                &q.loc,
                format!(
                    "quote '{}': `speaker` '{}' names no entity: the rules define no `entities` (add the speaker there, with the names articles use as `aliases`)",
                    q.id, q.speaker
                ),
            ));
        }
        if speaker.is_empty() || !names.contains(&speaker) {
            return Err(at(
                &q.loc,
                format!(
                    "quote '{}': `speaker` '{}' names no entity (add it to `entities`, or as an alias)",
                    q.id, q.speaker
                ),
            ));
        }
    }
    Ok(())
}

fn at(loc: &RuleLoc, message: String) -> Error {
    Error::Rule {
        path: loc.path.as_ref().clone(),
        line: loc.line,
        column: loc.column,
        message,
    }
}

fn place(loc: &RuleLoc) -> String {
    format!("{}:{}:{}", loc.path.display(), loc.line, loc.column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_rules;
    use std::path::Path;

    fn checked(files: &[(&str, &str)]) -> Result<RuleSet> {
        let mut set = RuleSet::default();
        for (name, yaml) in files {
            parse_rules(Path::new(name), yaml, &mut set)?;
        }
        check_rule_set(&set)?;
        Ok(set)
    }

    const QUOTE: &str = "quotes:\n  - id: hello\n    speaker: Ana Lopez\n    text: Hello there\n";

    #[test]
    fn quote_speaker_naming_no_entity_is_an_error() {
        let e = checked(&[
            ("p.yaml", "entities:\n  - name: Ana Lopes\n"),
            ("q.yaml", QUOTE),
        ])
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("q.yaml:2:"), "{e}");
        assert!(e.contains("'Ana Lopez' names no entity"), "{e}");
    }

    #[test]
    fn quote_speaker_may_be_defined_in_a_later_file() {
        checked(&[
            ("a.yaml", QUOTE),
            ("b.yaml", "entities:\n  - name: Ana Lopez\n"),
        ])
        .unwrap();
    }

    #[test]
    fn quote_speaker_may_be_an_alias() {
        let people = "entities:\n  - name: Ana María Lopez\n    aliases: [Ana Lopez]\n";
        checked(&[("p.yaml", people), ("q.yaml", QUOTE)]).unwrap();
    }

    #[test]
    fn quotes_without_any_entity_are_refused() {
        let e = checked(&[("q.yaml", QUOTE)]).unwrap_err().to_string();
        assert!(e.starts_with("q.yaml:2:"), "{e}");
        assert!(e.contains("'Ana Lopez' names no entity"), "{e}");
        assert!(e.contains("define no `entities`"), "{e}");
    }

    #[test]
    fn entities_without_quotes_need_nothing_more() {
        checked(&[("p.yaml", "entities:\n  - name: Ana Lopez\n")]).unwrap();
    }
}
