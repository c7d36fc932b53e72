//! CC006 name-spelling: a rule entity's name written a letter or two off.
//!
//! It reads the capitalised words the subject layer lists, with the words
//! beside them, not the article's tokens.

use super::{finding_at, rule_evidence, CheckContext, Run};
use crate::finding::{Finding, Severity};
use crate::rules::{Entity, EntityKind};
use std::collections::HashSet;
use std::ops::Range;

declare_check! {
    /// ## What it does
    /// Looks at capitalised words where a name stands (beside another part
    /// of the same person's name, after a title, or beside a speech verb)
    /// and reports one that is one letter away from a part of a rule
    /// person's name or alias (two letters for parts of eight letters or
    /// more), with the right spelling. Title words and ordinary words are
    /// never compared.
    ///
    /// ## Why is this bad
    /// A misspelt name is a correction waiting to happen, and it breaks
    /// search and archives.
    ///
    /// ## Example
    /// With Dana Okafor in the rules, "Dana Okafr said" is reported with
    /// the suggestion "Okafor".
    pub(crate) struct NameSpelling {
        code: "CC006",
        name: "name-spelling",
    }
}

/// Words beside which a capitalised word stands as a name.
const NAME_CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "according",
    "wrote",
    "asked",
];

impl Run for NameSpelling {
    fn run(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let people: Vec<(&Entity, Vec<String>)> = cx
            .rules
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| (e, name_parts(e)))
            .collect();
        if people.is_empty() {
            return;
        }
        let known: HashSet<&str> = people
            .iter()
            .flat_map(|(_, p)| p.iter().map(String::as_str))
            .collect();
        let titles: HashSet<String> = cx
            .rules
            .entities
            .iter()
            .flat_map(|e| e.roles.iter())
            .flat_map(|r| r.title.split_whitespace().map(str::to_lowercase))
            .collect();
        // The prose the subject layer's name words point into.
        let prose = cx.target.claims.doc.text.as_str();
        let text = |r: &Range<usize>| &prose[r.clone()];
        for nw in &cx.target.claims.subjects.name_words {
            let word = text(&nw.word);
            if word.chars().count() < 4
                || known.contains(word)
                || titles.contains(&word.to_lowercase())
            {
                continue;
            }
            let before = nw.before.as_ref().map(text);
            let after = nw.after.as_ref().map(text);
            for (entity, parts) in &people {
                let Some(right) = parts.iter().find(|p| is_near(p, word)) else {
                    continue;
                };
                if !in_name_position(before, after, parts, &titles) {
                    continue;
                }
                let article = cx.target.article;
                let span = article.prose.span(nw.word.start, nw.word.end);
                let message = format!(
                    "\"{word}\" looks like a misspelling of {right} ({})",
                    entity.name
                );
                let mut f = finding_at(self, article, span, word, "name", Severity::Error, message);
                f.expected = Some(right.clone());
                f.evidence.push(rule_evidence(
                    &entity.loc,
                    &entity.name,
                    format!("name: {}", entity.name),
                ));
                out.push(f);
                break;
            }
        }
    }
}

fn name_parts(e: &Entity) -> Vec<String> {
    let mut parts: Vec<String> = std::iter::once(&e.name)
        .chain(&e.aliases)
        .flat_map(|n| n.split_whitespace())
        .filter(|w| w.chars().count() >= 3 && w.starts_with(char::is_uppercase))
        .map(str::to_owned)
        .collect();
    parts.sort();
    parts.dedup();
    parts
}

/// Whether a word with the words `before` and `after` it stands where a
/// name stands: beside another part of the same name, after a title word,
/// or beside a speech verb.
fn in_name_position(
    before: Option<&str>,
    after: Option<&str>,
    parts: &[String],
    titles: &HashSet<String>,
) -> bool {
    [before, after].into_iter().flatten().any(|w| {
        parts.iter().any(|p| p == w)
            || NAME_CUES.contains(&w.to_lowercase().as_str())
            || (Some(w) == before && titles.contains(&w.to_lowercase()))
    })
}

/// One edit away (two for parts of eight letters or more), not equal.
fn is_near(part: &str, word: &str) -> bool {
    let max = if part.chars().count() >= 8 { 2 } else { 1 };
    part != word && edit_distance(part, word, max) <= max
}

/// Optimal-string-alignment distance, stopping early above `max`.
fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut prev2 = vec![0usize; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        if cur.iter().min().copied().unwrap_or(0) > max {
            return max + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finds, assert_no_finding};

    #[test]
    fn one_letter_off_is_near_for_short_names() {
        assert!(is_near("Okafor", "Okafr"));
        assert!(is_near("Okafor", "Okafro"));
        assert!(!is_near("Okafor", "Okfr"));
        assert!(!is_near("Okafor", "Okafor"));
    }

    #[test]
    fn two_letters_off_is_near_for_long_names() {
        assert!(is_near("Halvorsen", "Halvosen"));
        assert!(is_near("Montgomerie", "Montgomarie"));
        assert!(!is_near("Hale", "Hall e"));
    }

    const RULES: &str = "
entities:
  - name: Dana Okafor
  - name: Annelise Vandermeer
  - name: Lena Mayr
    roles:
      - title: Mayor
";

    fn finds(text: &str, word: &str) -> crate::finding::Finding {
        assert_finds("CC006", text, &[], RULES, word)
    }

    fn finds_nothing(text: &str) {
        assert_no_finding("CC006", text, &[], RULES);
    }

    #[test]
    fn one_letter_off_a_short_name_is_reported_with_the_spelling() {
        let f = finds("Dana Okafr said the line would reopen.", "Okafr");
        assert_eq!(f.expected.as_deref(), Some("Okafor"));
        assert!(f.message.contains("Dana Okafor"), "{}", f.message);
    }

    #[test]
    fn two_letters_off_a_short_name_is_another_name() {
        finds_nothing("Dana Okfr said the line would reopen.");
    }

    #[test]
    fn two_letters_off_a_long_name_is_reported() {
        finds(
            "Annelise Vandrmeir said the line would reopen.",
            "Vandrmeir",
        );
    }

    #[test]
    fn three_letters_off_a_long_name_is_another_name() {
        finds_nothing("Annelise Vndrmeir said the line would reopen.");
    }

    #[test]
    fn title_words_are_never_compared_with_names() {
        finds_nothing("Mayor Lena Mayr said the line would reopen.");
    }

    #[test]
    fn ordinary_words_away_from_name_positions_are_not_compared() {
        finds_nothing("Okafer cooperatives and kale farms were flooded, residents said.");
        finds_nothing("Mayer Street was closed.");
        // The same words where a name stands are compared.
        finds("Okafer said the farms were flooded.", "Okafer");
        finds("Lena Mayer said the street was closed.", "Mayer");
    }

    #[test]
    fn right_spelling_is_consistent() {
        finds_nothing("Dana Okafor and Annelise Vandermeer said the line would reopen.");
    }
}
