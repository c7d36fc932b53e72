//! Finding the entity a name in an article (or a rule) refers to, and
//! comparing organisations, as the checks need them.
//!
//! Names compare without case, dots or extra spaces ("J.D. Brennan" is "JD
//! Brennan"). A bare surname resolves only when one person has it: an
//! ambiguous name resolves to nobody rather than to the wrong person.

use super::{CanonQuote, Entity, EntityKind, RuleSet};
use crate::lexicon::places::{canonical_place, org_matches};

/// A name as compared: lower case, dots dropped, curly apostrophes
/// straightened, spaces collapsed.
pub(crate) fn normalize_name(name: &str) -> String {
    let mut s = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        if !s.is_empty() {
            s.push(' ');
        }
        for c in w.chars() {
            match c {
                '.' => {}
                '\u{2019}' | '\u{2018}' => s.push('\''),
                c => s.extend(c.to_lowercase()),
            }
        }
    }
    s
}

impl Entity {
    /// Whether `name` is this entity's name or one of its aliases.
    pub fn is_named(&self, name: &str) -> bool {
        let n = normalize_name(name);
        !n.is_empty()
            && (normalize_name(&self.name) == n
                || self.aliases.iter().any(|a| normalize_name(a) == n))
    }

    /// The last word of the canonical name ("Varga" for "Lena Varga").
    pub fn surname(&self) -> Option<&str> {
        self.name.split_whitespace().last()
    }
}

impl RuleSet {
    /// The entity whose name or alias is `name` (without case or dots).
    pub fn entity_named(&self, name: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.is_named(name))
    }

    /// The person `name` refers to: by name or alias, else by surname when
    /// exactly one person has it.
    pub fn person_named(&self, name: &str) -> Option<&Entity> {
        let persons = || {
            self.entities
                .iter()
                .filter(|e| e.kind == EntityKind::Person)
        };
        if let Some(e) = persons().find(|e| e.is_named(name)) {
            return Some(e);
        }
        let n = normalize_name(name);
        if n.is_empty() || n.contains(' ') {
            return None;
        }
        let mut hits = persons().filter(|e| e.surname().is_some_and(|s| normalize_name(s) == n));
        let first = hits.next()?;
        hits.next().is_none().then_some(first)
    }

    /// The entity a canonical quote's speaker names.
    pub fn speaker_of(&self, quote: &CanonQuote) -> Option<&Entity> {
        self.entity_named(&quote.speaker)
    }

    /// Whether the org written in an article fits a rule's org: by name,
    /// alias or adjective (see [`org_matches`]), or because both name the
    /// same organisation or place entity of the rule set.
    pub fn org_matches(&self, rule_org: &str, article_org: &str) -> bool {
        if org_matches(rule_org, article_org) {
            return true;
        }
        let is_org = |e: &&Entity| e.kind != EntityKind::Person;
        let same = |name: &str| {
            let canon = canonical_place(name);
            self.entities
                .iter()
                .filter(is_org)
                .find(|e| e.is_named(name) || e.is_named(&canon))
        };
        match (same(rule_org), same(article_org)) {
            (Some(a), Some(b)) => std::ptr::eq(a, b),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parse_rules;
    use std::path::Path;

    fn set(yaml: &str) -> RuleSet {
        let mut s = RuleSet::default();
        parse_rules(Path::new("t.yaml"), yaml, &mut s).unwrap();
        s
    }

    const PEOPLE: &str = "entities:
  - name: Ana Lopez
    aliases: [A.N. Lopez]
  - name: Ben Ortiz
  - name: Carla Ortiz
  - name: Northwind Trading Company
    kind: organization
    aliases: [Northwind, NTC]
";

    #[test]
    fn names_match_without_case_or_dots() {
        let s = set(PEOPLE);
        assert_eq!(s.entity_named("ana LOPEZ").unwrap().name, "Ana Lopez");
        assert_eq!(s.entity_named("AN Lopez").unwrap().name, "Ana Lopez");
        assert!(s.entity_named("Lopez Ana").is_none());
    }

    #[test]
    fn unique_surname_resolves_to_the_person() {
        let s = set(PEOPLE);
        assert_eq!(s.person_named("Lopez").unwrap().name, "Ana Lopez");
    }

    #[test]
    fn shared_surname_resolves_to_nobody() {
        let s = set(PEOPLE);
        assert!(s.person_named("Ortiz").is_none());
        assert_eq!(s.person_named("Carla Ortiz").unwrap().name, "Carla Ortiz");
    }

    #[test]
    fn org_matches_through_entity_aliases() {
        let s = set(PEOPLE);
        assert!(s.org_matches("Northwind Trading Company", "NTC"));
        assert!(s.org_matches("Northwind", "Northwind Trading Company"));
        assert!(!s.org_matches("Northwind", "Ana Lopez"));
        assert!(s.org_matches("United States", "U.S."));
    }
}
