//! Rule entities' names and aliases as one automaton, built once per rule
//! set and kept with it: thousands of aliases cost nothing per article.
//! It finds and names entities; it does not decide who is a person in an
//! article (`extract::entity` does).

use super::RuleSet;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::sync::OnceLock;

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
    pub(crate) fn build(rules: &RuleSet) -> EntityIndex {
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

/// A rule set's entity index: built the first time it is asked for (at
/// the latest; [`super::load_rules`] builds it while loading) and kept with
/// the rule set. A clone builds its own, so an index never outlives the
/// entities it was built from in another rule set.
#[derive(Default)]
pub(crate) struct IndexCell(OnceLock<Option<EntityIndex>>);

impl IndexCell {
    /// The index of `rules` (whose cell this is); `None` without entities.
    pub(crate) fn of<'r>(&'r self, rules: &RuleSet) -> Option<&'r EntityIndex> {
        self.0
            .get_or_init(|| (!rules.entities.is_empty()).then(|| EntityIndex::build(rules)))
            .as_ref()
    }
}

impl Clone for IndexCell {
    fn clone(&self) -> Self {
        IndexCell::default()
    }
}

impl std::fmt::Debug for IndexCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.get().is_some() {
            "IndexCell(built)"
        } else {
            "IndexCell(not built)"
        })
    }
}
