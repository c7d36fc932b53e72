//! Rule entities' names and aliases as one automaton, built once per rule
//! set: thousands of aliases cost nothing per article.
//!
//! The index is built with the rule set and kept in it (see
//! `rules::index`); this module is how extractors ask for it. It finds and
//! names entities; it does not decide who is a person in an article
//! (`entity` does).

pub(crate) use crate::rules::EntityIndex;
use crate::rules::RuleSet;

/// The entity index of `rules`, built once per rule set; `None` without
/// entities.
pub(crate) fn entity_index(rules: &RuleSet) -> Option<&EntityIndex> {
    rules.entity_index()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Entity, EntityKind, RuleLoc};
    use std::sync::Arc;

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
        assert!(std::ptr::eq(a, b));
        assert_eq!(a.by_name.get("hale"), Some(&1));
    }

    #[test]
    fn another_rule_set_gets_its_own_index() {
        let a = rules(&["Ana Ruiz"]);
        let mut b = a.clone();
        b.entities[0].aliases = vec!["Ruizo".into()];
        assert_eq!(entity_index(&a).unwrap().by_name.get("ruiz"), Some(&0));
        assert_eq!(entity_index(&b).unwrap().by_name.get("ruiz"), None);
        assert_eq!(entity_index(&b).unwrap().by_name.get("ruizo"), Some(&0));
    }

    #[test]
    fn no_entities_no_index() {
        assert!(entity_index(&RuleSet::default()).is_none());
    }
}
