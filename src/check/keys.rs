//! Subject keys: what makes two claims from different articles about the
//! same thing, so they meet in a hash map instead of being compared in
//! pairs.
//!
//! - a count's subject is its counted noun and qualifiers, with the general
//!   news sense of casualty figures ("people killed", "the dead", "death
//!   toll", "fatalities" are one subject);
//! - an event is a verb with its agent and object ("Rubio arrived in
//!   Israel"); a date without both is not keyed;
//! - a person is their surname; an office is its title words.

use super::people::person_key;
use crate::extract::{Claim, Count};
use crate::lexicon::verbs::stem;
use crate::text::{Document, TokenKind};

/// Counted nouns whose figures differ by subject in ways the noun cannot
/// tell (money, shares, time spans): never compared across articles.
const UNKEYED_NOUNS: &[&str] = &[
    "day", "dollar", "euro", "hour", "minute", "month", "percent", "point", "pound", "second",
    "time", "week", "year", "yen", "yuan",
];

const DEATH_WORDS: &[&str] = &[
    "dead",
    "death",
    "deaths",
    "died",
    "fatalities",
    "fatality",
    "killed",
    "toll",
];
const INJURY_WORDS: &[&str] = &["injured", "injuries", "injury", "wounded", "hurt"];

/// The subject of a count, or `None` when it should not be compared.
pub(crate) fn count_subject(count: &Count, sentence: &str) -> Option<String> {
    if count.partitive || UNKEYED_NOUNS.contains(&count.noun.as_str()) {
        return None;
    }
    let lower = sentence.to_lowercase();
    let has = |words: &[&str]| {
        words.iter().any(|w| {
            count.noun == *w
                || count.qualifiers.iter().any(|q| q == w)
                || lower.split(|c: char| !c.is_alphanumeric()).any(|t| t == *w)
        })
    };
    let human = matches!(
        count.noun.as_str(),
        "person" | "people" | "dead" | "death" | "fatality" | "casualty" | "victim"
    );
    if human && has(DEATH_WORDS) {
        return Some("casualties:dead".to_owned());
    }
    if human && has(INJURY_WORDS) {
        return Some("casualties:injured".to_owned());
    }
    let mut quals: Vec<String> = count.qualifiers.iter().map(|q| stem(q)).collect();
    quals.sort();
    quals.dedup();
    Some(format!("{}|{}", count.noun, quals.join(",")))
}

/// An event: verb stem, agent key, object key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct EventKey {
    pub(crate) verb: String,
    pub(crate) agent: String,
    pub(crate) object: String,
}

/// Words skipped between an agent and its verb ("Rubio, who arrived").
const AGENT_SKIP: &[&str] = &[
    ",",
    "who",
    "which",
    "had",
    "has",
    "have",
    "also",
    "then",
    "first",
    "finally",
    "reportedly",
    "was",
    "were",
    "is",
];
/// Capitalised only because they open a sentence: never an agent.
const SENTENCE_STARTERS: &[&str] = &[
    "a", "after", "all", "also", "an", "and", "as", "at", "before", "but", "by", "despite",
    "during", "for", "from", "he", "her", "here", "his", "if", "in", "it", "its", "many", "most",
    "my", "no", "on", "one", "our", "she", "since", "so", "some", "that", "the", "their", "then",
    "there", "these", "they", "this", "those", "to", "under", "we", "when", "while", "with", "you",
];

/// Words skipped between a verb and its object ("arrived in Israel").
const OBJECT_SKIP: &[&str] = &[
    "in", "at", "to", "with", "into", "for", "from", "the", "a", "an", "on", "upon",
];

/// The event a date claim anchored at a verb dates: the verb with the
/// proper name before it (the agent) and after it (the object or place).
pub(crate) fn event_key(doc: &Document, claim: &Claim) -> Option<EventKey> {
    let crate::extract::ClaimData::Date(date) = &claim.data else {
        return None;
    };
    let anchor = date.anchor.clone()?;
    let sentence = &doc.sentences[claim.sentence?];
    let ai = doc.token_at(anchor.start);
    if ai >= sentence.tokens.end || doc.tokens[ai].kind != TokenKind::Word {
        return None;
    }
    let verb = stem(doc.tok(ai));
    // Agent: nearest capitalised word before the verb, skipping a few words.
    let mut j = ai;
    let mut agent = None;
    while j > sentence.tokens.start {
        j -= 1;
        let w = doc.tok(j);
        if AGENT_SKIP.contains(&w.to_lowercase().as_str()) {
            continue;
        }
        let starter =
            j == sentence.tokens.start && SENTENCE_STARTERS.contains(&w.to_lowercase().as_str());
        if is_name_word(w) && !starter {
            agent = Some(person_key(w));
        }
        break;
    }
    // Object: capitalised word after the verb, past prepositions/articles.
    let mut k = ai + 1;
    let mut object = None;
    while k < sentence.tokens.end {
        let w = doc.tok(k);
        if OBJECT_SKIP.contains(&w.to_lowercase().as_str()) {
            k += 1;
            continue;
        }
        if is_name_word(w) {
            let mut last = k;
            while last + 1 < sentence.tokens.end && is_name_word(doc.tok(last + 1)) {
                last += 1;
            }
            object = Some(person_key(doc.tok(last)));
        }
        break;
    }
    Some(EventKey {
        verb,
        agent: agent?,
        object: object?,
    })
}

fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
}

/// An office: its title words, lower case.
pub(crate) fn title_key(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The head word of a title ("minister" in "Foreign Minister").
pub(crate) fn title_head(title: &str) -> String {
    let key = title_key(title);
    let before_of = key.split(" of ").next().unwrap_or("");
    before_of.rsplit(' ').next().unwrap_or("").to_owned()
}
