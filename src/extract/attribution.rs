//! Who a speech verb's words belong to: the noun phrase around a speech
//! verb, and the speaker it names.
//!
//! Reads the tokens next to a speech verb ("X said", "said X", "X, who ...,
//! told reporters", "according to X") and resolves the phrase: a name to its
//! canonical form, "he"/"she" to the person named most recently, "the
//! minister" to the last person given that title, and anything else ("US
//! officials", "police") to itself as a group speaker. It does not decide
//! which quotation a verb attributes: `quote` does.

use super::entity::{self, People};
use crate::lexicon::{speech, titles, with_lowercase, FxHasher};
use crate::text::{Document, TokenKind};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Speaker {
    /// Canonical name, when known.
    pub name: Option<String>,
    /// The words naming the speaker.
    pub text: Option<String>,
    /// Their prose range.
    pub range: Option<Range<usize>>,
    /// Whether it names one person by name (not a pronoun or a group).
    pub named: bool,
}

/// A title given to a person, for resolving "the minister".
#[derive(Debug, Clone)]
pub(crate) struct TitledPerson {
    /// Prose offset of the mention.
    pub offset: usize,
    /// Canonical name.
    pub person: String,
    /// Last word of the title, lower case.
    pub head: String,
}

/// A map keyed by offsets or token indices, hashed by [`FxHasher`]: the
/// keys are the article's own positions, so no hash flooding is possible.
type PositionMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// What resolution may look at.
pub(crate) struct Resolver<'a> {
    pub doc: &'a Document,
    pub people: &'a People<'a>,
    pub titled: &'a [TitledPerson],
    /// Named speakers found so far (prose offset, canonical name), in
    /// order.
    pub named: Vec<(usize, String)>,
    /// Genders learnt from pronouns and titles, by canonical name.
    pub genders: HashMap<String, Gender>,
    /// The canonical name and honorific gender of each person mention a
    /// pronoun has weighed, by (offset, token range): the pronouns of a
    /// passage weigh the same few mentions again and again, and both
    /// depend on the mention alone.
    /// The name is an index into `names`, so that the candidates of a
    /// pronoun borrow their names rather than copy each.
    persons: PositionMap<(usize, usize, usize), (usize, Option<Gender>)>,
    /// The canonical names `persons` points into.
    names: Vec<String>,
    /// The canonical name of each name resolved as a speaker, by token
    /// range: reported speech and the quotations next to it resolve the
    /// same names, and the canonical name depends on the name alone.
    canonical: PositionMap<(usize, usize), String>,
}

impl<'a> Resolver<'a> {
    /// A resolver over `doc`, knowing the titled people found before.
    pub fn new(doc: &'a Document, people: &'a People<'a>, titled: &'a [TitledPerson]) -> Self {
        let mut genders = HashMap::new();
        for t in titled {
            if titles::is_female_word(&t.head) {
                genders.insert(t.person.clone(), Gender::Female);
            } else if titles::is_male_word(&t.head) {
                genders.insert(t.person.clone(), Gender::Male);
            }
        }
        Resolver {
            doc,
            people,
            titled,
            named: Vec::new(),
            genders,
            persons: HashMap::default(),
            names: Vec::new(),
            canonical: HashMap::default(),
        }
    }
}

/// Whether `l` (lower case) is a word that ends a subject phrase when
/// walking back from a verb. A `match`, not a table's `contains`: the
/// compiler turns it into a switch on the length and integer compares,
/// where `contains` compares the strings one by one, and the subject walk
/// asks it of every word it steps over.
fn is_clause_word(l: &str) -> bool {
    matches!(
        l,
        "after"
            | "although"
            | "as"
            | "because"
            | "before"
            | "but"
            | "if"
            | "since"
            | "so"
            | "that"
            | "though"
            | "when"
            | "where"
            | "whereas"
            | "which"
            | "while"
    )
}

/// Words that open a noun phrase naming a group or a described speaker
/// ("*the* source", "*two* people briefed on the talks").
const DETERMINERS: &[&str] = &[
    "a", "an", "another", "both", "each", "eight", "five", "four", "her", "his", "many", "my",
    "nine", "one", "our", "several", "seven", "six", "some", "ten", "the", "their", "three", "two",
];

/// Prepositions that end a speaker phrase's head ("a spokesperson *for*
/// the coalition").
const PREPOSITIONS: &[&str] = &["at", "for", "from", "in", "of", "on", "with"];

/// Words that end a phrase after a verb ("said Ana Ruiz *in* a statement").
const PHRASE_STOPS: &[&str] = &[
    "after", "as", "at", "before", "during", "from", "in", "of", "on", "that", "to", "when",
    "which", "while", "who", "with",
];

fn is_word(doc: &Document, k: usize) -> bool {
    doc.tokens[k].kind != TokenKind::Punct
}

/// Whether the "." at token `k` closes an abbreviation or an initial
/// ("Rep.", "J.") rather than a sentence.
pub(crate) fn is_abbreviation_dot(doc: &Document, k: usize) -> bool {
    if k == 0 || doc.tok(k) != "." || doc.tokens[k - 1].end != doc.tokens[k].start {
        return false;
    }
    let w = doc.tok(k - 1);
    // No sentence goes on with a comma after its full stop ("R-Ky.,"),
    // and a short capitalised word closing a parenthesis is a state or
    // party ("(D-Wis.)").
    let next = doc
        .tokens
        .get(k + 1)
        .filter(|t| t.start == doc.tokens[k].end)
        .map(|_| doc.tok(k + 1));
    let tail = w.rsplit('-').next().unwrap_or(w);
    let short_cap = tail.len() <= 4 && tail.chars().next().is_some_and(char::is_uppercase);
    if next == Some(",") || next == Some(")") && short_cap {
        return true;
    }
    doc.tokens[k - 1].kind == TokenKind::Word
        && (w.chars().count() == 1 && w.chars().all(char::is_uppercase)
            || crate::lexicon::is_abbreviation(w)
                && !crate::lexicon::is_abbreviation_before_number(w))
}

/// Whether token `k` is a speech verb.
#[inline]
pub(crate) fn is_speech_verb_at(doc: &Document, k: usize) -> bool {
    // Speech verbs in running text are lower case and three letters or
    // more, and open with one of few three-byte openings; skipping the
    // rest first, on the token's bytes, keeps this cheap on every token.
    let t = &doc.tokens[k];
    t.kind == TokenKind::Word
        && t.end - t.start >= 3
        && doc
            .text
            .as_bytes()
            .get(t.start..t.end)
            .is_some_and(|w| w[0].is_ascii_lowercase() && speech::may_be_speech_verb(w))
        && is_verb_not_noun(doc, k)
}

/// [`is_speech_verb_at`] past its byte tests (which are
/// [`speech::may_be_speech_verb`]'s: the table lookup follows at once).
fn is_verb_not_noun(doc: &Document, k: usize) -> bool {
    speech::is_speech_verb_past_filter(doc.tok(k)) && !(k > 0 && opens_noun(doc, k - 1))
}

/// Words that make the next word a noun ("*the* report", "*her*
/// comments"), lower case; [`lower`] reads a token for them.
const NOUN_OPENERS: &[&str] = &[
    "a", "an", "her", "his", "its", "my", "our", "the", "their", "this",
];

/// Whether token `k` makes the next word a noun: a determiner or a
/// possessive ("*the* report", "*her* comments", "*the mayor's*
/// remarks").
fn opens_noun(doc: &Document, k: usize) -> bool {
    let w = doc.tok(k);
    w.ends_with("'s") || w.ends_with("’s") || NOUN_OPENERS.contains(&lower(doc, k))
}

/// Token `k` with ASCII letters lower-cased, sliced from the document's
/// lowered text: for a test against lower-case ASCII words with no "k"
/// (every list this module reads that way; a test says so), it answers
/// as the word's `to_lowercase` would, without lowering anything. Outside
/// ASCII only the Kelvin sign lowers into ASCII, to "k": any other word
/// with a byte outside ASCII lowers to one outside ASCII too, which no
/// such list holds, and here keeps that byte, so matches nothing either.
fn lower(doc: &Document, k: usize) -> &str {
    doc.tok_lower(k)
}

/// The subject of the sentence whose first token is `floor`, when it is a
/// name or a pronoun: "Ana Ruiz" in "On May 4, 2020, Ana Ruiz, the port's
/// chief, met the crews", for a verb far from its subject ("..., tweeting",
/// "made the following statement:").
pub(crate) fn sentence_subject(doc: &Document, floor: usize, limit: usize) -> Option<Range<usize>> {
    let mut j = floor;
    while j < limit && doc.tokens[j].kind == TokenKind::Punct {
        j += 1;
    }
    if j >= limit {
        return None;
    }
    // An opening adverbial ("On May 4, 2020,", "After the vote,") ends at
    // the first comma followed by a word that is not a number.
    let l = lower(doc, j);
    if PREPOSITIONS.contains(&l)
        || is_clause_word(l)
        || matches!(l, "during" | "last" | "later" | "earlier" | "then")
    {
        let comma = (j..limit.min(j + 15)).find(|&c| {
            doc.tok(c) == ","
                && c + 1 < limit
                && doc.tokens[c + 1].kind == TokenKind::Word
                && !doc.tok(c + 1).starts_with(|ch: char| ch.is_ascii_digit())
        })?;
        j = comma + 1;
    }
    if is_pronoun(doc, j) && !doc.tok(j).eq_ignore_ascii_case("it") {
        return Some(j..j + 1);
    }
    if DETERMINERS.contains(&lower(doc, j)) {
        // "The band leader called them up, singing": the words up to the
        // verb, which ends in "-ed" or is a speech verb.
        let verb = (j + 1..limit.min(j + 8))
            .take_while(|&k| doc.tokens[k].kind == TokenKind::Word)
            .find(|&k| {
                !entity::is_capitalised(doc, k)
                    && (doc.tok(k).ends_with("ed") || speech::is_speech_verb(doc.tok(k)))
            })?;
        return (verb > j + 1).then_some(j..verb);
    }
    if !entity::is_capitalised(doc, j) {
        return None;
    }
    let r = entity::name_at(doc, j).filter(|r| r.end <= limit)?;
    // The name must be the whole subject: a verb, a comma or a
    // parenthesis follows it, not more of a noun phrase ("Ana Ruiz
    // Foundation officials").
    let next = doc.tokens.get(r.end).map(|_| doc.tok(r.end));
    let ok = next.is_some_and(|w| {
        matches!(w, "," | "(")
            || doc.tokens[r.end].kind == TokenKind::Word
                && w.starts_with(|c: char| c.is_lowercase())
    });
    ok.then_some(r)
}

/// The name ending right before token `v` ("footage of *Ana Ruiz*
/// asking").
pub(crate) fn name_ending_at(doc: &Document, v: usize, floor: usize) -> Option<Range<usize>> {
    if v <= floor || !entity::is_capitalised(doc, v - 1) {
        return None;
    }
    (floor.max(v.saturating_sub(6))..v)
        .filter(|&j| entity::is_capitalised(doc, j))
        .find_map(|j| entity::name_at(doc, j).filter(|r| r.end == v))
}

/// The subject of the "-ing" speech verb at token `v` ("X issued a
/// statement, saying", "X sang before asking", "footage of X asking").
fn subject_of_participle(doc: &Document, v: usize, floor: usize) -> Option<Range<usize>> {
    if v > floor && doc.tok(v - 1) == "," {
        // "X issued a statement, saying ...": the subject of the clause
        // before the comma, when it opens with a name or a pronoun.
        let c = v - 1;
        let lo = floor.max(v.saturating_sub(40));
        let mut a = (lo..c)
            .rev()
            .find(|&j| doc.tok(j) == ",")
            .map_or(lo, |j| j + 1);
        while a < c && doc.tokens[a].kind == TokenKind::Punct {
            a += 1;
        }
        if a < c && matches!(doc.tok(a), "and" | "but" | "then") {
            a += 1;
        }
        // A name alone between two commas is an apposition or a place
        // ("in Kestrel, Varno, arguing"), not a clause with a verb.
        if let Some(r) = sentence_subject(doc, a, c).filter(|r| r.end < c) {
            return Some(r);
        }
    }
    sentence_subject(doc, floor, v)
}

/// The subject phrase of the speech verb at token `v`, walking back no
/// further than token `floor`: "Ana Ruiz", "US officials", or "Ana Ruiz"
/// out of "Ana Ruiz, who met them on Monday,".
pub(crate) fn subject_before(doc: &Document, v: usize, floor: usize) -> Option<Range<usize>> {
    let participle = doc.tok(v).ends_with("ing");
    let mut k = v;
    while k > floor
        && (speech::SPEECH_AUXILIARIES.contains(&doc.tok(k - 1))
            || participle && matches!(doc.tok(k - 1), "is" | "are" | "been"))
    {
        // "A curfew was announced": what was said, not who said it.
        if !participle && speech::PASSIVE_AUXILIARIES.contains(&doc.tok(k - 1)) {
            return None;
        }
        k -= 1;
    }
    if participle {
        if let Some(r) = name_ending_at(doc, k, floor) {
            return Some(r);
        }
        let detached = k == floor || doc.tok(k - 1) == "," || {
            let l = lower(doc, k - 1);
            is_clause_word(l) || PREPOSITIONS.contains(&l) || l == "by"
        };
        if detached {
            return subject_of_participle(doc, k, floor);
        }
    }
    // "She laughed and said": the subject of the verb before.
    if k > floor + 1
        && doc.tok(k - 1) == "and"
        && doc.tokens[k - 2].kind == TokenKind::Word
        && doc.tok(k - 2).ends_with("ed")
        && !entity::is_capitalised(doc, k - 2)
    {
        return subject_before(doc, k - 2, floor);
    }
    // A short parenthesis after the name: "Ann Lee (D-Ohio) said".
    let before_paren = |k: usize| {
        if k > floor + 1 && doc.tok(k - 1) == ")" {
            let open = (k.saturating_sub(9).max(floor)..k - 1)
                .rev()
                .find(|&j| doc.tok(j) == "(");
            if let Some(j) = open {
                return j;
            }
        }
        k
    };
    k = before_paren(k);
    let sep = |c: usize| matches!(doc.tok(c), "," | "-" | "--" | "—" | "–");
    if k > floor && sep(k - 1) {
        // Skip an appositive or relative clause: ", who met them on Monday,"
        // (several commas deep: ", a fellow at the institute in Munich,
        // Germany, and co-author of the study,"): the subject is the
        // nearest earlier chunk that is a full name or a pronoun, else the
        // chunk right before the first comma skipped.
        let lo = floor.max(k.saturating_sub(60));
        // A dash written as two hyphens ("--") is one separator.
        // Read from the verb back, once each: no list is gathered.
        let commas = (lo..k)
            .rev()
            .filter(|&c| sep(c) && !(c + 1 < k && sep(c + 1) && doc.tok(c) != ","));
        let chunk_start = |c: usize| {
            let mut a = (lo..c).rev().find(|&j| sep(j)).map_or(lo, |j| j + 1);
            while a < c && doc.tokens[a].kind == TokenKind::Punct {
                a += 1;
            }
            a
        };
        let ends_in_name = |a: usize, c: usize| {
            let c = before_paren(c);
            // A subject chunk opens with its name or title ("General Mark
            // Milley"), maybe after a conjunction; "a vice president at
            // Boeing Defense" does not.
            let a = if matches!(doc.tok(a), "but" | "and" | "while") {
                a + 1
            } else {
                a
            };
            a < c
                && entity::is_capitalised(doc, a)
                && (a..c).any(|j| {
                    entity::is_capitalised(doc, j)
                        && entity::name_at(doc, j).is_some_and(|r| r.end == c && r.len() >= 2)
                })
        };
        let mut pick = None;
        for c in commas.clone().skip(1) {
            let a = chunk_start(c);
            if a >= c {
                continue;
            }
            let opens = a == floor
                && c - a <= 6
                && !{
                    let l = lower(doc, a);
                    is_clause_word(l) || PREPOSITIONS.contains(&l)
                };
            if ends_in_name(a, c) || c - a == 1 && is_pronoun(doc, a) || opens {
                pick = Some(c);
                break;
            }
        }
        let first = commas.clone().nth(1);
        match pick.or(first) {
            Some(c) if c > floor => k = before_paren(c),
            _ => return None,
        }
    }
    let end = k;
    if k > floor && is_pronoun(doc, k - 1) {
        return Some(k - 1..k);
    }
    while k > floor && end - k < 12 {
        let w = doc.tok(k - 1);
        let l = lower(doc, k - 1);
        let clause = is_clause_word(l) || SUBJECT_STOPS.contains(&l);
        if !is_word(doc, k - 1) && !matches!(w, "." | "-")
            || clause
                && !(k - 1 > floor
                    && end - k > 0
                    && w == "and"
                    && entity::is_capitalised(doc, k - 2))
        {
            break;
        }
        if w == "." && !is_abbreviation_dot(doc, k - 1) {
            break;
        }
        k -= 1;
    }
    // A lower-case word right before a verb that is not a noun phrase's
    // head is a verb or adverb: "officials say" fine, "is said" not.
    (k < end).then_some(k..end)
}

/// Words besides the clause words that end a subject phrase when walking
/// back from a verb, lower case ("the vote *was* close and officials
/// said").
const SUBJECT_STOPS: &[&str] = &[
    "and", "or", "nor", "what", "who", "whom", "was", "were", "is", "are", "has", "had", "have",
];

/// Whether token `k` is a subject pronoun, any case.
fn is_pronoun(doc: &Document, k: usize) -> bool {
    let l = lower(doc, k);
    speech::PERSON_PRONOUNS.contains(&l) || speech::GROUP_PRONOUNS.contains(&l)
}

/// The phrase after a speech verb at token `v` ("said Ana Ruiz, a ...").
pub(crate) fn subject_after(doc: &Document, v: usize, limit: usize) -> Option<Range<usize>> {
    let start = v + 1;
    let mut k = start;
    while k < limit && k - start < 8 {
        let w = doc.tok(k);
        if (!is_word(doc, k) && !is_abbreviation_dot(doc, k)) || PHRASE_STOPS.contains(&w) {
            break;
        }
        k += 1;
    }
    (k > start).then_some(start..k)
}

impl Resolver<'_> {
    /// Resolve the phrase in tokens `np` to a speaker.
    pub fn resolve(&mut self, np: Range<usize>) -> Option<Speaker> {
        let doc = self.doc;
        let range = doc.tokens[np.start].start..doc.tokens[np.end - 1].end;
        // The head comes before any preposition: "a spokesperson *for*
        // the coalition", "the head *of* the agency".
        if np.len() > 10 {
            return None;
        }
        if PREPOSITIONS.contains(&lower(doc, np.start)) {
            // "In an interview Ana Ruiz said": the name closing the
            // phrase, else nobody.
            let (last, _) = name_in(doc, np.start + 1..np.end);
            return match last.filter(|r| r.end == np.end && r.start > np.start + 1) {
                Some(r) => self.resolve(r),
                None => None,
            };
        }
        let mut np = match np.clone().skip(1).find(|&k| {
            PREPOSITIONS.contains(&doc.tok(k))
                && !(doc.tok(k) == "of"
                    && k + 1 < np.end
                    && titles::is_title_of_object(doc.tok(k + 1)))
        }) {
            Some(p) => np.start..p,
            None => np,
        };
        // A participle phrase after a plural or a name: "protesters
        // *marching* through the streets", "officials *attending* the talks"
        // (not "the *ruling* party").
        if let Some(p) = (np.start + 1..np.end.saturating_sub(1)).find(|&k| {
            let w = doc.tok(k);
            w.ends_with("ing")
                && !entity::is_capitalised(doc, k)
                && (doc.tok(k - 1).ends_with('s') || entity::is_capitalised(doc, k - 1))
        }) {
            np.end = p;
        }
        // Participles after the head: "two people *briefed* on the talks".
        while np.len() > 1 && {
            let w = doc.tok(np.end - 1);
            !entity::is_capitalised(doc, np.end - 1)
                && (w.ends_with("ed") || w.ends_with("ing") || matches!(w, "familiar" | "close"))
        } {
            np.end -= 1;
        }
        // The phrase's words are read in place (`doc.tok` over `np`), not
        // gathered, and its text is copied only into the speaker returned.
        let phrase = &doc.text[range.clone()];
        if np.len() == 1 {
            // The pronoun tables' own word, for the lower-cased phrase.
            // The phrase lowered as [`lower`] lowers a token (no pronoun
            // holds a "k").
            let l = &doc.lower[range.clone()];
            let is = |p: &&&str| **p == l;
            let pronoun = (speech::PERSON_PRONOUNS.iter().find(is).map(|&p| (p, true)))
                .or_else(|| speech::GROUP_PRONOUNS.iter().find(is).map(|&p| (p, false)));
            if let Some((lower, person)) = pronoun {
                // "I" outside a quotation is the writer, who is nobody named.
                let name = if !person || lower == "i" {
                    None
                } else {
                    self.antecedent(range.start, lower)
                };
                return Some(Speaker {
                    name,
                    text: Some(phrase.to_owned()),
                    range: Some(range),
                    named: false,
                });
            }
        }
        if np.is_empty() {
            return None;
        }
        let head = doc.tok(np.end - 1);
        let first = doc.tok(np.start);
        let has_and = np.clone().any(|k| matches!(doc.tok(k), "and" | "&"));
        // A name whose last word is the phrase's head.
        let (last_name, names) = name_in(doc, np.clone());
        let joint = has_and && names > 1;
        if !joint && entity::is_capitalised(doc, np.end - 1) && !titles::is_group_noun(head) {
            if let Some(name) = last_name.filter(|r| r.end == np.end) {
                let name_range = doc.tokens[name.start].start..doc.tokens[name.end - 1].end;
                let written = entity::name_text(doc, name.clone());
                let people = self.people;
                let canonical = self
                    .canonical
                    .entry((name.start, name.end))
                    .or_insert_with(|| people.canonical_at(&written, name_range.start))
                    .clone();
                let s = Speaker {
                    name: Some(canonical.clone()),
                    text: Some(written),
                    range: Some(name_range.clone()),
                    named: true,
                };
                self.named.push((name_range.start, canonical));
                return Some(s);
            }
        }
        if titles::is_title_head(head) && !head.chars().next().is_some_and(char::is_uppercase)
            || titles::is_title_head(head) && first.eq_ignore_ascii_case("the")
        {
            let h = head.to_lowercase();
            let person = self
                .titled
                .iter()
                .rev()
                .find(|t| t.offset < range.start && t.head == h)
                .map(|t| t.person.clone());
            return Some(Speaker {
                name: person.or_else(|| Some(strip_article(phrase).to_owned())),
                text: Some(phrase.to_owned()),
                range: Some(range),
                named: false,
            });
        }
        // Anything else speaks only as a group or body: "US officials",
        // "police", "an officer", "Reuters".
        let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
        let determined = np.len() <= 6
            && (DETERMINERS.contains(&lower(doc, np.start))
                || doc.tokens[np.start].kind == TokenKind::Number
                // "Ana Ruiz's former aide", "the agency's chief".
                || (np.start..np.end - 1).any(|k| possessive(doc.tok(k))))
            && !head.ends_with("ed")
            && !head.ends_with("ing")
            && !possessive(head);
        let group = titles::is_group_noun(head)
            || titles::is_title_head(head)
            || head.chars().next().is_some_and(char::is_uppercase)
                && !titles::is_not_name_word(head)
            || determined;
        let conj = matches!(lower(doc, np.start), "and" | "but" | "or" | "nor");
        if !group || conj || np.len() > 7 || !is_noun_like(doc, np.end - 1) {
            return None;
        }
        Some(Speaker {
            name: Some(strip_article(phrase).to_owned()),
            text: Some(phrase.to_owned()),
            range: Some(range),
            named: false,
        })
    }

    /// The person a pronoun at `offset` (`pronoun`, lower case) means
    /// (within two paragraphs): the most recent sentence subject or
    /// speaker whose known gender does not contradict the pronoun's, else
    /// the most recent person named.
    fn antecedent(&mut self, offset: usize, pronoun: &str) -> Option<String> {
        let doc = self.doc;
        let p = doc
            .sentence_at(offset)
            .map_or(0, |s| doc.sentences[s].paragraph);
        let floor = doc.paragraphs[p.saturating_sub(2)].start;
        let people = self.people;
        let found = people.persons_before(offset, floor);
        // Each candidate names its name by an index into `names` (`NAMED`
        // for the last named speaker's): only the name picked is copied.
        const NAMED: usize = usize::MAX;
        let mut cands: Vec<(usize, usize, bool, Option<Gender>)> =
            Vec::with_capacity(found.len() + 1);
        let (persons, names) = (&mut self.persons, &mut self.names);
        for (o, m, first) in found {
            let key = (o, m.tokens.start, m.tokens.end);
            let &mut (i, g) = persons.entry(key).or_insert_with(|| {
                let written = entity::name_text(doc, m.tokens.clone());
                let g = honorific_gender(doc, m.tokens.clone());
                names.push(people.canonical_at(&written, o));
                (names.len() - 1, g)
            });
            cands.push((o, i, first, g));
        }
        let named = self
            .named
            .iter()
            .rev()
            .find(|(o, _)| *o < offset && *o >= floor);
        if let Some((o, _)) = named {
            cands.push((*o, NAMED, true, None));
        }
        let names = &self.names;
        let name = |i: usize| match named {
            Some((_, n)) if i == NAMED => n.as_str(),
            _ => names[i].as_str(),
        };
        cands.sort_by_key(|c| (!c.2, std::cmp::Reverse(c.0)));
        let want = pronoun_gender(pronoun);
        let genders = &self.genders;
        let fits = |c: &&(usize, usize, bool, Option<Gender>)| {
            let known = c.3.or_else(|| genders.get(name(c.1)).copied());
            want.is_none() || known.is_none() || known == want
        };
        let pick = name(cands.iter().find(fits).or(cands.first())?.1);
        // Learn the gender only from a pronoun with one person in reach: a
        // guess among several would teach the next guess a wrong gender.
        let alone = cands.iter().all(|c| name(c.1) == pick);
        let pick = pick.to_owned();
        if let Some(g) = want.filter(|_| alone) {
            self.genders.entry(pick.clone()).or_insert(g);
        }
        Some(pick)
    }
}

/// A grammatical gender known for a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    /// "he".
    Male,
    /// "she".
    Female,
}

/// The gender of the pronoun `p`, lower case.
fn pronoun_gender(p: &str) -> Option<Gender> {
    match p {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender an honorific in (or right before) a name gives.
fn honorific_gender(doc: &Document, name: Range<usize>) -> Option<Gender> {
    let first = name.start.saturating_sub(1);
    (first..name.end).find_map(|k| {
        let c = titles::Classes::of(doc.tok(k).trim_end_matches('.'));
        if c.is_female_word() {
            Some(Gender::Female)
        } else if c.is_male_word() {
            Some(Gender::Male)
        } else {
            None
        }
    })
}

/// Whether the phrase's last token can end a noun phrase.
fn is_noun_like(doc: &Document, k: usize) -> bool {
    with_lowercase(doc.tok(k), |w| {
        !matches!(
            w,
            "is" | "was"
                | "are"
                | "were"
                | "be"
                | "been"
                | "it"
                | "not"
                | "who"
                | "also"
                | "has"
                | "had"
                | "have"
        ) && !w.ends_with("ly")
    })
}

fn strip_article(s: &str) -> &str {
    for a in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(r) = s.strip_prefix(a) {
            return r;
        }
    }
    s
}

/// The last name run inside tokens `np`, and how many there are.
fn name_in(doc: &Document, np: Range<usize>) -> (Option<Range<usize>>, usize) {
    let mut found = None;
    let mut count = 0;
    let mut k = np.start;
    while k < np.end {
        // No name starts at a word that is not capitalised: the call is
        // skipped, not its answer.
        if !entity::is_capitalised(doc, k) {
            k += 1;
            continue;
        }
        match entity::name_at(doc, k) {
            Some(r) if r.end <= np.end => {
                k = r.end;
                found = Some(r);
                count += 1;
            }
            _ => k += 1,
        }
    }
    (found, count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    fn subject(text: &str, verb: &str) -> String {
        let d = Document::new(text);
        let v = (0..d.tokens.len()).find(|&k| d.tok(k) == verb).unwrap();
        let r = subject_before(&d, v, 0).unwrap();
        d.text[d.tokens[r.start].start..d.tokens[r.end - 1].end].to_owned()
    }

    #[test]
    fn clause_words_are_matched_and_only_they() {
        const CLAUSE_WORDS: &[&str] = &[
            "after", "although", "as", "because", "before", "but", "if", "since", "so", "that",
            "though", "when", "where", "whereas", "which", "while",
        ];
        for w in CLAUSE_WORDS {
            assert!(is_clause_word(w), "{w}");
        }
        let others = [
            DETERMINERS,
            PREPOSITIONS,
            PHRASE_STOPS,
            speech::SPEECH_VERBS,
        ];
        for w in others
            .concat()
            .into_iter()
            .chain(["", "whe", "thus", "sinc", "After"])
        {
            assert_eq!(is_clause_word(w), CLAUSE_WORDS.contains(&w), "{w}");
        }
    }

    #[test]
    fn lists_read_through_lower_are_lower_case_ascii_without_k() {
        // `lower` stands in for `with_lowercase` only for such words.
        let clause_words = [
            "after", "although", "as", "because", "before", "but", "if", "since", "so", "that",
            "though", "when", "where", "whereas", "which", "while",
        ];
        let inline = [
            "during", "last", "later", "earlier", "then", "by", "and", "but", "or", "nor",
        ];
        let lists = [
            PREPOSITIONS,
            DETERMINERS,
            NOUN_OPENERS,
            SUBJECT_STOPS,
            speech::PERSON_PRONOUNS,
            speech::GROUP_PRONOUNS,
            &clause_words,
            &inline,
        ];
        for w in lists.concat() {
            assert!(
                w.bytes().all(|b| b.is_ascii_lowercase() && b != b'k'),
                "{w}"
            );
        }
        // Where it matters: every case, and words outside ASCII (the
        // Kelvin sign lowers to "k", the dotted capital I to two chars).
        let d = Document::new("THE The the İn In \u{212A}A Who WHO wHo Ünd ﬁ SHE It");
        for k in 0..d.tokens.len() {
            for list in lists {
                let want = with_lowercase(d.tok(k), |l| list.contains(&l));
                assert_eq!(list.contains(&lower(&d, k)), want, "{}", d.tok(k));
            }
        }
    }

    #[test]
    fn subject_skips_a_relative_clause() {
        assert_eq!(
            subject("Ana Ruiz, who met them on Monday, said it.", "said"),
            "Ana Ruiz"
        );
    }

    #[test]
    fn subject_stops_at_a_clause_comma() {
        assert_eq!(subject("Before leaving, Ruiz has said so.", "said"), "Ruiz");
    }

    #[test]
    fn pronoun_resolves_to_last_person() {
        let d = Document::new("Ana Ruiz arrived in Rome. He said so.");
        let r = RuleSet::default();
        let p = People::new(&d, &r);
        let mut res = Resolver::new(&d, &p, &[]);
        let he = d.token_at(d.text.find("He").unwrap());
        let s = res.resolve(he..he + 1).unwrap();
        assert_eq!(s.name.as_deref(), Some("Ana Ruiz"));
        assert_eq!(s.text.as_deref(), Some("He"));
    }

    #[test]
    fn group_speaker_is_itself() {
        let d = Document::new("US officials said so.");
        let r = RuleSet::default();
        let p = People::new(&d, &r);
        let mut res = Resolver::new(&d, &p, &[]);
        let s = res.resolve(0..2).unwrap();
        assert_eq!(s.name.as_deref(), Some("US officials"));
    }
}
