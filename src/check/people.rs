//! Who is who, for comparing: one key per person across articles, and the
//! rule entity a name refers to.
//!
//! Articles name people in full once and by surname after; extractors give
//! the fullest form they saw, and the rules give canonical names and
//! aliases. Comparing by surname (the last word of the name, lower case)
//! joins "Lena Varga" and "Varga" without joining two different surnames.

use crate::rules::{Entity, EntityKind, RuleSet};

/// A person's comparison key: the last word of the name, lower case.
pub(crate) fn person_key(name: &str) -> String {
    name.split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The rule entity `name` refers to: by name or alias, else by a unique
/// surname among the person entities.
pub(crate) fn rule_entity<'r>(rules: &'r RuleSet, name: &str) -> Option<&'r Entity> {
    if let Some(e) = rules
        .person_named(name)
        .or_else(|| rules.entity_named(name))
    {
        return Some(e);
    }
    let key = person_key(name);
    if key.is_empty() {
        return None;
    }
    let mut found = rules.entities.iter().filter(|e| {
        e.kind == EntityKind::Person
            && (person_key(&e.name) == key || e.aliases.iter().any(|a| person_key(a) == key))
    });
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// Whether two speaker names are the same person (by rule entity when the
/// rules know both, else by surname).
pub(crate) fn same_person(rules: &RuleSet, a: &str, b: &str) -> bool {
    match (rule_entity(rules, a), rule_entity(rules, b)) {
        (Some(x), Some(y)) => std::ptr::eq(x, y),
        _ => {
            a.eq_ignore_ascii_case(b)
                || (person_key(a) == person_key(b) && first_names_compatible(a, b))
        }
    }
}

/// Whether two names with one surname can be one person: either gives no
/// first name, or their first names agree, one perhaps as an initial
/// ("J. Okafor", "Jane Okafor"). "Dana Okafor" and "Pieter Okafor" are two.
pub(crate) fn first_names_compatible(a: &str, b: &str) -> bool {
    match (first_name(a), first_name(b)) {
        (Some(x), Some(y)) => {
            x == y
                || (x.chars().count() == 1 && y.starts_with(&x))
                || (y.chars().count() == 1 && x.starts_with(&y))
        }
        _ => true,
    }
}

/// Whether two names identify one person by themselves, with no rule to
/// say so: one surname, and a first name on both sides that agrees (one
/// perhaps an initial). A surname alone ("Chief Justice Okafor", from an
/// article that never gives the first name) names someone the reader is
/// expected to know, not the "Dana Okafor" of another article.
pub(crate) fn names_identify(a: &str, b: &str) -> bool {
    person_key(a) == person_key(b)
        && first_name(a).is_some()
        && first_name(b).is_some()
        && first_names_compatible(a, b)
}

/// The first name of a name written as one ("Dana Okafor": dana), lower
/// case; `None` for a surname alone or words that do not read as a name
/// ("an advert ends with footage of Okafor", "Against Okafor").
fn first_name(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_name_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !crate::lexicon::is_in_sorted(
                crate::lexicon::nouns::FUNCTION_WORDS,
                &w.to_lowercase(),
            )
    };
    let name_like = (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| is_name_word(w) || crate::lexicon::titles::is_name_particle(w));
    name_like.then(|| {
        words[0]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    })
}

/// Whether an org in the rules and one in an article name the same body: an
/// unstated org fits any; otherwise by name, adjective or abbreviation.
pub(crate) fn org_compatible(
    rules: &RuleSet,
    rule_org: Option<&str>,
    article_org: Option<&str>,
) -> bool {
    match (rule_org, article_org) {
        (Some(r), Some(a)) => rules.org_matches(r, a),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_namesake_with_another_first_name_is_another_person() {
        let rules = RuleSet::default();
        assert!(!same_person(&rules, "Dana Okafor", "Pieter Okafor"));
        assert!(same_person(&rules, "D. Okafor", "Dana Okafor"));
        assert!(same_person(&rules, "Okafor", "Pieter Okafor"));
        // Words that are not a name never make a namesake.
        assert!(same_person(&rules, "Against Okafor", "Pieter Okafor"));
        assert!(same_person(
            &rules,
            "spot ends with Okafor",
            "Pieter Okafor"
        ));
    }

    #[test]
    fn only_first_names_that_agree_identify_a_person() {
        assert!(names_identify("Dana Okafor", "D. Okafor"));
        assert!(names_identify("Dana B. Okafor", "Dana Okafor"));
        assert!(!names_identify("Okafor", "Dana Okafor"));
        assert!(!names_identify("Pieter Okafor", "Dana Okafor"));
        assert!(!names_identify("Dana Hale", "Dana Okafor"));
    }

    #[test]
    fn surname_joins_full_and_short_names() {
        assert_eq!(person_key("Dana Okafor"), "okafor");
        assert!(same_person(&RuleSet::default(), "Dana Okafor", "Okafor"));
        assert!(!same_person(
            &RuleSet::default(),
            "Dana Okafor",
            "Pieter Hale"
        ));
    }
}
