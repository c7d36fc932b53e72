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
    "adding",
    "adds",
    "admit",
    "admits",
    "admitted",
    "announce",
    "announced",
    "announces",
    "announcing",
    "answer",
    "answered",
    "answering",
    "answers",
    "argue",
    "argued",
    "argues",
    "arguing",
    "ask",
    "asked",
    "asking",
    "asks",
    "assert",
    "asserted",
    "asserting",
    "asserts",
    "boast",
    "boasted",
    "boasting",
    "boasts",
    "call",
    "called",
    "calls",
    "caution",
    "cautioned",
    "cautions",
    "chant",
    "chanted",
    "chanting",
    "chants",
    "claim",
    "claimed",
    "claiming",
    "claims",
    "comment",
    "commented",
    "comments",
    "complain",
    "complained",
    "complaining",
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
    "declaring",
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
    "explaining",
    "explains",
    "insist",
    "insisted",
    "insisting",
    "insists",
    "joke",
    "joked",
    "jokes",
    "joking",
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
    "noting",
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
    "quipping",
    "quips",
    "read",
    "reads",
    "recall",
    "recalled",
    "recalling",
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
    "replying",
    "report",
    "reported",
    "reports",
    "respond",
    "responded",
    "responding",
    "responds",
    "retort",
    "retorted",
    "retorts",
    "reveal",
    "revealed",
    "reveals",
    "said",
    "sang",
    "say",
    "saying",
    "says",
    "scoff",
    "scoffed",
    "scoffs",
    "scold",
    "scolded",
    "scolding",
    "scolds",
    "shout",
    "shouted",
    "shouting",
    "shouts",
    "sing",
    "singing",
    "sings",
    "state",
    "stated",
    "states",
    "stress",
    "stressed",
    "stresses",
    "stressing",
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
    "tweeting",
    "tweets",
    "urge",
    "urged",
    "urges",
    "vow",
    "vowed",
    "vows",
    "warn",
    "warned",
    "warning",
    "warns",
    "write",
    "writes",
    "writing",
    "wrote",
    "yell",
    "yelled",
    "yelling",
    "yells",
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
    "sang",
    "sing",
    "singing",
    "sings",
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
    "frequently",
    "further",
    "had",
    "has",
    "have",
    "later",
    "often",
    "once",
    "previously",
    "publicly",
    "privately",
    "recently",
    "repeatedly",
    "reportedly",
    "then",
    "was",
    "were",
    "will",
    "would",
];

/// Auxiliaries that make a past participle passive ("a curfew *was*
/// announced"): its subject is what was said, not who said it.
pub const PASSIVE_AUXILIARIES: &[&str] = &["been", "is", "was", "were"];

/// Subject pronouns that name a single person.
pub const PERSON_PRONOUNS: &[&str] = &["he", "i", "she"];

/// Subject pronouns that name a group, or a document or outlet ("it
/// added").
pub const GROUP_PRONOUNS: &[&str] = &["it", "they", "we"];

/// The bit of [`VERB_OPENINGS`] for a word's first three bytes: the low
/// five bits of each, which an ASCII letter shares with its other case.
const fn opening(a: u8, b: u8, c: u8) -> usize {
    ((a & 0x1f) as usize) << 10 | ((b & 0x1f) as usize) << 5 | (c & 0x1f) as usize
}

/// One bit for each [`opening`] of a speech verb (every verb is three
/// lower-case letters or more). Other bytes may share a verb's bit: the
/// table only ever says no.
const VERB_OPENINGS: [u64; 1 << 15 >> 6] = {
    let mut t = [0u64; 1 << 15 >> 6];
    let mut i = 0;
    while i < SPEECH_VERBS.len() {
        let w = SPEECH_VERBS[i].as_bytes();
        let k = opening(w[0], w[1], w[2]);
        t[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    t
};

/// The bit of [`VERB_SHAPES`] for a word's [`opening`] `k` and length.
const fn shape(k: usize, len: usize) -> usize {
    let h = (k as u32).wrapping_mul(0x9E37_79B1) ^ (len as u32).wrapping_mul(0x85EB_CA6B);
    (h >> 20) as usize
}

/// One bit for each [`shape`] of a speech verb: its opening and length
/// together, for the words whose opening a verb shares but not its length
/// ("conference" beside "continue"). Like [`VERB_OPENINGS`], it only ever
/// says no.
const VERB_SHAPES: [u64; 1 << 12 >> 6] = {
    let mut t = [0u64; 1 << 12 >> 6];
    let mut i = 0;
    while i < SPEECH_VERBS.len() {
        let w = SPEECH_VERBS[i].as_bytes();
        let k = shape(opening(w[0], w[1], w[2]), w.len());
        t[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    t
};

/// Whether `word` is a speech verb (any case).
///
/// A word opening with three ASCII bytes lower-cases to a word opening
/// with their ASCII lower case (`to_lowercase` maps ASCII to ASCII, each
/// character on its own), which keeps their low five bits: when no verb
/// opens with those bits, the table need not be hashed. Most words a
/// frame asks about are no speech verb.
pub fn is_speech_verb(word: &str) -> bool {
    may_be_speech_verb(word.as_bytes()) && is_speech_verb_past_filter(word)
}

/// [`is_speech_verb`] of a word that [`may_be_speech_verb`] has let
/// through: the table lookup alone, for a caller that asked the filter
/// itself (asking it again would only repeat its answer).
pub(crate) fn is_speech_verb_past_filter(word: &str) -> bool {
    static SET: OnceLock<WordClasses> = OnceLock::new();
    SET.get_or_init(|| WordClasses::new(&[(SPEECH_VERBS, 1)]))
        .of(word)
        != 0
}

/// Whether the word of UTF-8 bytes `word` may be a speech verb, by its
/// first three bytes and, for a word all ASCII, its length (see
/// [`is_speech_verb`]; ASCII lower-cases to ASCII of the same length, and
/// keeps its low five bits): `false` only where it is none. Inlined, so a
/// caller holding a token's bytes asks before any call.
#[inline]
pub fn may_be_speech_verb(word: &[u8]) -> bool {
    if let [a, b, c, ..] = *word {
        let k = opening(a, b, c);
        if (a | b | c).is_ascii() && VERB_OPENINGS[k / 64] & (1 << (k % 64)) == 0 {
            return false;
        }
        let s = shape(k, word.len());
        if VERB_SHAPES[s / 64] & (1 << (s % 64)) == 0 && word.is_ascii() {
            return false;
        }
    }
    true
}

/// Whether `word` is a speech verb only when a quote or "that" follows.
pub fn is_weak_speech_verb(word: &str) -> bool {
    super::with_lowercase(word, is_weak_speech_verb_lowered)
}

/// [`is_weak_speech_verb`] of a word with its ASCII letters lower-cased
/// (a token of `Document::lower`), without lowering it again. No weak
/// verb holds a "k" (a test says so), the one ASCII letter a char outside
/// ASCII lowers to (the Kelvin sign), so a word lowered this way is one
/// exactly when its `to_lowercase` is.
pub(crate) fn is_weak_speech_verb_lowered(word: &str) -> bool {
    // The table is sorted (a test says so): a binary search.
    WEAK_SPEECH_VERBS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verb_table_is_sorted_for_binary_search() {
        assert!(SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn speech_verbs_are_three_letters_or_more() {
        // `extract::attribution::is_speech_verb_at` skips shorter words.
        assert!(SPEECH_VERBS.iter().all(|w| w.len() >= 3));
    }

    #[test]
    fn weak_speech_verb_table_is_sorted_for_binary_search() {
        assert!(WEAK_SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_weak_speech_verb("Called") && !is_weak_speech_verb("said"));
        assert!(WEAK_SPEECH_VERBS
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() && b != b'k')));
        assert!(is_weak_speech_verb_lowered("called") && !is_weak_speech_verb_lowered("Called"));
    }

    #[test]
    fn three_letter_openings_filter_no_verb_out() {
        for w in SPEECH_VERBS {
            assert!(is_speech_verb(w), "{w}");
            assert!(is_speech_verb(&w.to_uppercase()), "{w}");
        }
        assert!(!is_speech_verb("the"));
        assert!(!is_speech_verb("s-a"));
        assert!(!is_speech_verb("sa"));
        assert!(SPEECH_VERBS
            .iter()
            .all(|w| may_be_speech_verb(w.as_bytes())));
        assert!(!may_be_speech_verb(b"the") && may_be_speech_verb(b"s\xC3\xA9"));
        assert!(SPEECH_VERBS
            .iter()
            .all(|w| may_be_speech_verb(w.to_uppercase().as_bytes())));
    }

    #[test]
    fn speech_verbs_match_any_case_and_inflection() {
        assert!(is_speech_verb("Said"));
        assert!(is_speech_verb("insists"));
        assert!(is_speech_verb("told"));
        assert!(!is_speech_verb("visited"));
    }
}
