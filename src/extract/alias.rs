//! Rule entities' names and aliases as one automaton, built once per rule
//! set: thousands of aliases cost nothing per article.
//!
//! The index is cached for the last rule set seen (keyed by where its
//! entities live, how many there are and the first and last names), so each
//! article only looks it up. It finds and names entities; it does not
//! decide who is a person in an article (`entity` does).

use crate::rules::RuleSet;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Rule entities' names and aliases, indexed once per rule set.
#[derive(Debug)]
pub(crate) struct EntityIndex {
    /// Finds any name or alias in prose.
    pub finder: Option<AhoCorasick>,
    /// Pattern id -> entity index.
    pub pattern_entity: Vec<usize>,
    /// Lower-case name or alias -> entity index.
    pub by_name: HashMap<String, usize>,
}

impl EntityIndex {
    fn build(rules: &RuleSet) -> EntityIndex {
        let mut patterns = Vec::new();
        let mut pattern_entity = Vec::new();
        let mut by_name = HashMap::new();
        for (i, e) in rules.entities.iter().enumerate() {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                if n.trim().is_empty() {
                    continue;
                }
                patterns.push(n.clone());
                pattern_entity.push(i);
                by_name.entry(n.to_lowercase()).or_insert(i);
            }
        }
        let finder = (!patterns.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .ok()
            })
            .flatten();
        EntityIndex {
            finder,
            pattern_entity,
            by_name,
        }
    }
}

/// Cache key of a rule set: where its entities live and how many there are,
/// with the first and last names, so one rule set builds its index once.
type IndexKey = (usize, usize, String, String);

static INDEX: Mutex<Option<(IndexKey, Arc<EntityIndex>)>> = Mutex::new(None);

/// The entity index of `rules`, built on first use and cached, so that
/// thousands of aliases cost nothing per article.
pub(crate) fn entity_index(rules: &RuleSet) -> Option<Arc<EntityIndex>> {
    if rules.entities.is_empty() {
        return None;
    }
    let key: IndexKey = (
        rules.entities.as_ptr() as usize,
        rules.entities.len(),
        rules.entities[0].name.clone(),
        rules.entities[rules.entities.len() - 1].name.clone(),
    );
    let mut cache = INDEX.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((k, idx)) = cache.as_ref() {
        if *k == key {
            return Some(Arc::clone(idx));
        }
    }
    let idx = Arc::new(EntityIndex::build(rules));
    *cache = Some((key, Arc::clone(&idx)));
    Some(idx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Entity, EntityKind, RuleLoc};

    fn rules(names: &[&str]) -> RuleSet {
        let mut r = RuleSet::default();
        for n in names {
            r.entities.push(Entity {
                name: (*n).into(),
                kind: EntityKind::Person,
                aliases: vec![n.rsplit(' ').next().unwrap_or(n).into()],
                roles: vec![],
                loc: RuleLoc {
                    path: Arc::new("r.yaml".into()),
                    line: 1,
                    column: 1,
                    text: String::new(),
                },
            });
        }
        r
    }

    #[test]
    fn index_is_built_once_per_rule_set() {
        let r = rules(&["Ana Ruiz", "Tom Hale"]);
        let a = entity_index(&r).unwrap();
        let b = entity_index(&r).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(a.by_name.get("hale"), Some(&1));
    }

    #[test]
    fn no_entities_no_index() {
        assert!(entity_index(&RuleSet::default()).is_none());
    }
}
