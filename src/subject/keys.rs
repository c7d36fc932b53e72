//! Subject keys: what makes two claims from different articles about the
//! same thing, so they meet in a hash map instead of being compared in
//! pairs.
//!
//! - a count's subject is its counted noun and qualifiers, with the general
//!   news sense of casualty figures ("people killed", "the dead", "death
//!   toll", "fatalities" are one subject);
//! - an event is a verb with its agent and object ("Varga arrived in
//!   Estovia"); a date without both is not keyed;
//! - a person is their surname; an office is its title words.

use crate::check::people::person_key;
use crate::extract::{Claim, Count};
use crate::lexicon::titles;
use crate::lexicon::verbs::stem;
use crate::text::{Document, TokenKind};

/// Counted nouns whose figures differ by subject in ways the noun cannot
/// tell (money, shares, time spans): never compared across articles.
const UNKEYED_NOUNS: &[&str] = &[
    "day",
    "dollar",
    "euro",
    "hour",
    "minute",
    "month",
    "percent",
    "percentage point",
    "point",
    "pound",
    "second",
    "time",
    "week",
    "year",
    "yen",
    "yuan",
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
    // A part of a group is no total; an increment ("three more bodies")
    // adds to a figure told before, so it states no total either.
    if count.partitive || count.increment || UNKEYED_NOUNS.contains(&count.noun.as_str()) {
        return None;
    }
    let human = matches!(
        count.noun.as_str(),
        "person" | "people" | "dead" | "death" | "fatality" | "casualty" | "victim"
    );
    if human {
        // Only casualty figures need the sentence's words: one pass over
        // them answers both lists.
        let (dead, injured) = sentence_holds(sentence, DEATH_WORDS, INJURY_WORDS);
        let has = |list: &[&str], in_sentence: bool| {
            in_sentence
                || list
                    .iter()
                    .any(|w| count.noun == *w || count.qualifiers.iter().any(|q| q == w))
        };
        if has(DEATH_WORDS, dead) {
            return Some("casualties:dead".to_owned());
        }
        if has(INJURY_WORDS, injured) {
            return Some("casualties:injured".to_owned());
        }
    }
    let mut quals: Vec<String> = count.qualifiers.iter().map(|q| stem(q)).collect();
    quals.sort();
    quals.dedup();
    Some(format!("{}|{}", count.noun, quals.join(",")))
}

/// Whether `sentence` holds a word of `a`, and one of `b`, in lower case:
/// its words are its runs of alphanumeric characters. The lists are
/// lower-case ASCII, so an ASCII word is compared without lower-casing it;
/// only a word outside ASCII (which lower-cases to ASCII rarely, as the
/// Kelvin sign does) is lower-cased first.
fn sentence_holds(sentence: &str, a: &[&str], b: &[&str]) -> (bool, bool) {
    let (mut in_a, mut in_b) = (false, false);
    for t in sentence.split(|c: char| !c.is_alphanumeric()) {
        if t.is_empty() {
            continue;
        }
        let is = |w: &&str| {
            if t.is_ascii() {
                t.eq_ignore_ascii_case(w)
            } else {
                t.to_lowercase() == *w
            }
        };
        in_a = in_a || a.iter().any(is);
        in_b = in_b || b.iter().any(is);
        if in_a && in_b {
            break;
        }
    }
    (in_a, in_b)
}

/// Words passed over between a counted noun and the verb saying what
/// happened to the group ("captives who were *released*").
const PREDICATE_SKIP: &[&str] = &[
    "already",
    "also",
    "are",
    "be",
    "been",
    "being",
    "believed",
    "had",
    "has",
    "have",
    "is",
    "now",
    "reportedly",
    "said",
    "still",
    "that",
    "thought",
    "were",
    "was",
    "which",
    "who",
];

/// Words after a counted noun that say nothing about what happened to the
/// group, or start another phrase: no predicate.
const PREDICATE_NONE: &[&str] = &[
    "across",
    "after",
    "against",
    "and",
    "as",
    "at",
    "before",
    "but",
    "by",
    "deserve",
    "during",
    "exist",
    "for",
    "from",
    "in",
    "include",
    "including",
    "into",
    "near",
    "need",
    "of",
    "on",
    "or",
    "over",
    "remain",
    "since",
    "stay",
    "to",
    "total",
    "under",
    "with",
    "within",
];

/// What the sentence says happened to a counted group, as a verb stem
/// ("were stranded" -> `strand`), when a verb follows the counted noun. Two
/// counts of one noun are one subject only when their predicates agree or
/// either has none: "60 passengers were taken to a school" is not a figure
/// for "400 passengers were stranded".
pub(crate) fn count_predicate(doc: &Document, claim: &Claim) -> Option<String> {
    let sentence = &doc.sentences[claim.sentence?];
    let mut i = doc.token_at(claim.prose.end);
    while i < sentence.tokens.end {
        // The tables are lower-case ASCII: a word's ASCII lower case finds
        // them; a verb is written in lower case, so it is its own stem's
        // input.
        let w = doc.tok(i);
        let lower = doc.tok_lower(i);
        if PREDICATE_SKIP.contains(&lower) {
            i += 1;
            continue;
        }
        let is_verbish = doc.tokens[i].kind == TokenKind::Word
            && w.chars().all(|c| c.is_lowercase())
            && !PREDICATE_NONE.contains(&lower);
        return is_verbish.then(|| stem(w));
    }
    None
}

/// Whether two predicates can describe one subject.
pub(crate) fn predicates_agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// An event: verb stem, agent key, object key.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct EventKey {
    pub(crate) verb: String,
    pub(crate) agent: String,
    pub(crate) object: String,
}

/// Words skipped between an agent and its verb ("Varga, who arrived").
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
/// Capitalised only because they open a sentence: never an agent. Sorted
/// ([`is_sentence_starter`] searches it).
const SENTENCE_STARTERS: &[&str] = &[
    "a", "after", "all", "also", "an", "and", "as", "at", "before", "but", "by", "despite",
    "during", "for", "from", "he", "her", "here", "his", "if", "in", "it", "its", "many", "most",
    "my", "no", "on", "one", "our", "she", "since", "so", "some", "that", "the", "their", "then",
    "there", "these", "they", "this", "those", "to", "under", "we", "when", "while", "with", "you",
];

/// Whether `lower` is one of [`SENTENCE_STARTERS`].
fn is_sentence_starter(lower: &str) -> bool {
    SENTENCE_STARTERS.binary_search(&lower).is_ok()
}

/// Words skipped between a verb and its object ("arrived in Estovia").
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
    let verb_text = doc.tok(ai).to_lowercase();
    // A noun anchor ("the strike on Tuesday") names an event without saying
    // who did it to whom; speech verbs date a statement, and one person
    // speaks on many days: neither is keyed.
    let after_determiner =
        ai > sentence.tokens.start && NOUN_MARKERS.contains(&doc.tok_lower(ai - 1));
    if after_determiner || crate::lexicon::speech::is_speech_verb(&verb_text) {
        return None;
    }
    let verb = stem(&verb_text);
    // Agent: the name or named thing right before the verb ("Varga, who
    // arrived", "the Aldwick bridge collapsed"), past a few words.
    let mut j = ai;
    while j > sentence.tokens.start && AGENT_SKIP.contains(&doc.tok_lower(j - 1)) {
        j -= 1;
    }
    let mut agent = None;
    let mut named_thing = false;
    if j > sentence.tokens.start {
        let head = j - 1;
        let w = doc.tok(head);
        let starter = is_sentence_starter(doc.tok_lower(head));
        if is_name_word(w) && !starter {
            agent = Some(person_key(w));
        } else if is_plain_word(w) {
            // A common noun: keyed only with the proper words before it.
            let mut k = head;
            let mut names = Vec::new();
            while k > sentence.tokens.start && k + 3 > head {
                k -= 1;
                let p = doc.tok(k);
                if is_sentence_starter(doc.tok_lower(k)) {
                    break;
                }
                if is_name_word(p) {
                    names.push(p.to_lowercase());
                } else if !is_plain_word(p) {
                    break;
                }
            }
            if !names.is_empty() {
                names.reverse();
                agent = Some(format!("{} {}", names.join(" "), w.to_lowercase()));
                named_thing = true;
            }
        }
    }
    // Object: a name after the verb, past prepositions and articles, never
    // the date expression itself.
    let mut k = ai + 1;
    let mut object = None;
    while k < sentence.tokens.end {
        if doc.tokens[k].start >= claim.prose.start && doc.tokens[k].end <= claim.prose.end {
            break;
        }
        let w = doc.tok(k);
        if OBJECT_SKIP.contains(&doc.tok_lower(k)) {
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
    // A named thing may act alone ("the Aldwick bridge collapsed"); a
    // person's event needs its object or place ("arrived in Estovia").
    let object = match object {
        Some(o) => o,
        None if named_thing => String::new(),
        None => return None,
    };
    Some(EventKey {
        verb,
        agent: agent?,
        object,
    })
}

/// Words that make the next word a noun ("the strike", "its attack").
const NOUN_MARKERS: &[&str] = &[
    "a", "an", "her", "his", "its", "our", "the", "their", "this", "that", "'s", "’s",
];

fn is_plain_word(w: &str) -> bool {
    w.chars().all(|c| c.is_lowercase())
}

fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
}

/// An office: its title words, lower case, abbreviations written out
/// ("Sen." and "Senator" are one office).
pub(crate) fn title_key(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| titles::title_word_in_full(&w.to_lowercase()).to_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The head word of a title ("minister" in "Foreign Minister").
pub(crate) fn title_head(title: &str) -> String {
    let key = title_key(title);
    let before_of = key.split(" of ").next().unwrap_or("");
    before_of.rsplit(' ').next().unwrap_or("").to_owned()
}

/// Whether one office is the other with words left off the front
/// ("officer" and "police officer", "Minister" and "Foreign Minister"): a
/// shorter way to name one office, not another office.
pub(crate) fn is_shortened(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.ends_with(short) && long[..long.len() - short.len()].ends_with(' ')
}

/// Titles for the one who speaks for an office or a campaign: one job,
/// however named.
const SPOKESPERSON_TITLES: &[&str] = &[
    "press secretary",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

/// Positions held within a body on top of an office ("the Senate majority
/// leader" is a senator too): never another office than the one they
/// come with.
const POSITIONS_WITHIN: &[&str] = &[
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "leader",
    "member",
    "whip",
];

/// Whether one person can hold the two offices (their [`title_key`]s) at
/// once: one office ([`same_office`]), or one of them a position within a
/// body ("leader", "whip", "chairman"), held on top of an office.
pub(crate) fn offices_compatible(a: &str, b: &str) -> bool {
    let within = |k: &str| {
        k.rsplit(' ')
            .next()
            .is_some_and(|head| POSITIONS_WITHIN.contains(&head))
    };
    same_office(a, b) || within(a) || within(b)
}

/// Whether two offices (their [`title_key`]s) name one job: the same
/// words, one the other shortened ([`is_shortened`]), or two names of the
/// spokesperson's job ("spokesman", "press secretary").
pub(crate) fn same_office(a: &str, b: &str) -> bool {
    // The title itself, or with words in front ("campaign spokesman").
    let speaks = |k: &str| {
        SPOKESPERSON_TITLES.iter().any(|t| {
            k.strip_suffix(t)
                .is_some_and(|front| front.is_empty() || front.ends_with(' '))
        })
    };
    a == b || is_shortened(a, b) || speaks(a) && speaks(b)
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_abbreviated_title_is_the_office_written_out() {
        use super::{same_office, title_key};
        assert_eq!(title_key("Lt. Gov."), "lieutenant governor");
        assert!(same_office(&title_key("Sen."), &title_key("Senator")));
        assert!(!same_office(&title_key("Sen."), &title_key("Governor")));
    }

    #[test]
    fn a_spokesman_and_a_press_secretary_hold_one_job() {
        use super::same_office;
        assert!(same_office("press secretary", "spokesman"));
        assert!(same_office("white house press secretary", "spokeswoman"));
        assert!(same_office("police officer", "officer"));
        assert!(!same_office("mayor", "governor"));
        assert!(!same_office("secretary", "spokesman"));
    }

    #[test]
    fn casualty_words_are_found_in_any_case_as_whole_words() {
        use super::sentence_holds;
        let (d, i) = (&["killed", "toll"][..], &["injured"][..]);
        assert_eq!(sentence_holds("Twelve were KILLED.", d, i), (true, false));
        assert_eq!(sentence_holds("The toll: 3; 4 injured", d, i), (true, true));
        // Parts of words and near-misses are not the words.
        assert_eq!(
            sentence_holds("Tollbooths, uninjured.", d, i),
            (false, false)
        );
        // A word outside ASCII is lower-cased in full: the Kelvin sign
        // lower-cases to "k".
        assert_eq!(
            sentence_holds("\u{212A}illed, ünjured", d, i),
            (true, false)
        );
    }

    #[test]
    fn sentence_starters_are_sorted() {
        assert!(super::SENTENCE_STARTERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_position_within_a_body_goes_with_an_office() {
        use super::offices_compatible;
        assert!(offices_compatible("senator", "majority leader"));
        assert!(offices_compatible("leader", "senator"));
        assert!(offices_compatible("committee chairman", "representative"));
        assert!(!offices_compatible("mayor", "chief justice"));
        assert!(!offices_compatible("governor", "senator"));
    }

    use super::*;
    use crate::extract::{extract_article, ClaimData};
    use crate::rules::RuleSet;
    use crate::source::Article;

    fn event_keys(text: &str) -> Vec<Option<EventKey>> {
        let article = Article::from_source(
            "a.md",
            text.to_owned(),
            chrono::NaiveDate::from_ymd_opt(2026, 3, 3),
        );
        let claims = extract_article(&article, &RuleSet::default());
        claims
            .claims
            .iter()
            .filter(|c| matches!(c.data, ClaimData::Date(_)))
            .map(|c| event_key(&claims.doc, c))
            .collect()
    }

    #[test]
    fn person_event_keys_on_agent_verb_and_place() {
        let k = event_keys("Okafor, who arrived in Eastwick on Sunday, spoke later.");
        assert_eq!(
            k,
            [Some(EventKey {
                verb: stem("arrived"),
                agent: "okafor".into(),
                object: "eastwick".into()
            })]
        );
    }

    #[test]
    fn named_thing_acts_alone() {
        let a = event_keys("The Aldwick rail bridge collapsed on Saturday after heavy rain.");
        let b = event_keys("SOMEWHERE — The Aldwick bridge collapsed on Friday.");
        assert!(a[0].is_some());
        assert_eq!(a, b);
    }

    #[test]
    fn speech_and_noun_anchors_are_not_keyed() {
        assert_eq!(
            event_keys("Okafor said on Monday that Eastwick would reopen."),
            [None]
        );
        assert_eq!(event_keys("The strike on Tuesday hit Eastwick."), [None]);
    }

    #[test]
    fn predicate_separates_what_happened_to_a_group() {
        let article = Article::from_source(
            "a.md",
            "About 60 passengers were taken to a school. More than 400 passengers were stranded. There are 48 captives in the city.".to_owned(),
            None,
        );
        let claims = extract_article(&article, &RuleSet::default());
        let preds: Vec<_> = claims
            .claims
            .iter()
            .map(|c| count_predicate(&claims.doc, c))
            .collect();
        assert_eq!(preds, [Some(stem("taken")), Some(stem("stranded")), None]);
    }

    #[test]
    fn title_head_is_the_office_word() {
        assert_eq!(title_head("Secretary of State"), "secretary");
        assert_eq!(title_head("Foreign Minister"), "minister");
    }
}
