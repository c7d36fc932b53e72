//! Speech verbs: the words that say someone spoke or wrote the quoted words.
//!
//! A flat table of general English news usage, every inflection spelled out
//! so a lookup is one hash probe. It holds no story's words and makes no
//! decision about who spoke: that is `extract::quote`'s job.

use super::wordset::WordClasses;
use std::sync::OnceLock;

/// Speech verbs in every form news uses, lower case, sorted.
pub const SPEECH_VERBS: &[&str] = &[
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "add",
    "added",
    "adds",
    "admit",
    "admits",
    "admitted",
    "announce",
    "announced",
    "announces",
    "answer",
    "answered",
    "answers",
    "argue",
    "argued",
    "argues",
    "ask",
    "asked",
    "asks",
    "assert",
    "asserted",
    "asserts",
    "boast",
    "boasted",
    "boasts",
    "call",
    "called",
    "calls",
    "caution",
    "cautioned",
    "cautions",
    "chant",
    "chanted",
    "chants",
    "claim",
    "claimed",
    "claims",
    "comment",
    "commented",
    "comments",
    "complain",
    "complained",
    "complains",
    "concede",
    "conceded",
    "concedes",
    "conclude",
    "concluded",
    "concludes",
    "confirm",
    "confirmed",
    "confirms",
    "contend",
    "contended",
    "contends",
    "continue",
    "continued",
    "continues",
    "counter",
    "countered",
    "counters",
    "declare",
    "declared",
    "declares",
    "demand",
    "demanded",
    "demands",
    "denied",
    "denies",
    "deny",
    "describe",
    "described",
    "describes",
    "emphasise",
    "emphasised",
    "emphasises",
    "emphasize",
    "emphasized",
    "emphasizes",
    "exclaim",
    "exclaimed",
    "exclaims",
    "explain",
    "explained",
    "explains",
    "insist",
    "insisted",
    "insists",
    "joke",
    "joked",
    "jokes",
    "lament",
    "lamented",
    "laments",
    "maintain",
    "maintained",
    "maintains",
    "mention",
    "mentioned",
    "mentions",
    "note",
    "noted",
    "notes",
    "observe",
    "observed",
    "observes",
    "pledge",
    "pledged",
    "pledges",
    "post",
    "posted",
    "posts",
    "predict",
    "predicted",
    "predicts",
    "promise",
    "promised",
    "promises",
    "quip",
    "quipped",
    "quips",
    "read",
    "reads",
    "recall",
    "recalled",
    "recalls",
    "recount",
    "recounted",
    "recounts",
    "remark",
    "remarked",
    "remarks",
    "repeat",
    "repeated",
    "repeats",
    "replied",
    "replies",
    "reply",
    "report",
    "reported",
    "reports",
    "respond",
    "responded",
    "responds",
    "retort",
    "retorted",
    "retorts",
    "reveal",
    "revealed",
    "reveals",
    "said",
    "say",
    "saying",
    "says",
    "scoff",
    "scoffed",
    "scoffs",
    "shout",
    "shouted",
    "shouts",
    "state",
    "stated",
    "states",
    "stress",
    "stressed",
    "stresses",
    "suggest",
    "suggested",
    "suggests",
    "tell",
    "telling",
    "tells",
    "testified",
    "testifies",
    "testify",
    "told",
    "tweet",
    "tweeted",
    "tweets",
    "urge",
    "urged",
    "urges",
    "vow",
    "vowed",
    "vows",
    "warn",
    "warned",
    "warns",
    "write",
    "writes",
    "wrote",
];

/// Verbs that report speech only with a quotation or "that"-clause right
/// after them; alone they are ordinary verbs ("he posted a photo").
pub const WEAK_SPEECH_VERBS: &[&str] = &[
    "call",
    "called",
    "calls",
    "continue",
    "continued",
    "continues",
    "counter",
    "countered",
    "counters",
    "describe",
    "described",
    "describes",
    "pledge",
    "pledged",
    "pledges",
    "post",
    "posted",
    "posts",
    "read",
    "reads",
    "recount",
    "recounted",
    "recounts",
    "report",
    "reported",
    "reports",
    "state",
    "states",
];

/// Words that may stand between a speaker and the speech verb ("he has
/// said", "she also told").
pub const SPEECH_AUXILIARIES: &[&str] = &[
    "again",
    "already",
    "also",
    "earlier",
    "further",
    "had",
    "has",
    "have",
    "later",
    "previously",
    "repeatedly",
    "then",
    "was",
    "were",
    "will",
    "would",
];

/// Subject pronouns that name a single person.
pub const PERSON_PRONOUNS: &[&str] = &["he", "i", "she"];

/// Subject pronouns that name a group, or a document or outlet ("it
/// added").
pub const GROUP_PRONOUNS: &[&str] = &["it", "they", "we"];

/// Whether `word` is a speech verb (any case).
pub fn is_speech_verb(word: &str) -> bool {
    static SET: OnceLock<WordClasses> = OnceLock::new();
    SET.get_or_init(|| WordClasses::new(&[(SPEECH_VERBS, 1)]))
        .of(word)
        != 0
}

/// Whether `word` is a speech verb only when a quote or "that" follows.
pub fn is_weak_speech_verb(word: &str) -> bool {
    super::with_lowercase(word, |w| WEAK_SPEECH_VERBS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verb_table_is_sorted_for_binary_search() {
        assert!(SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn speech_verbs_match_any_case_and_inflection() {
        assert!(is_speech_verb("Said"));
        assert!(is_speech_verb("insists"));
        assert!(is_speech_verb("told"));
        assert!(!is_speech_verb("visited"));
    }
}
