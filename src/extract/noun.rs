//! Counted nouns: the head of the noun phrase after a number, the
//! qualifiers before it and in a clause attached to it, and a general
//! singularizer.
//!
//! No part-of-speech tagger: function words end a phrase, a plural marks
//! the head, and flat tables (`lexicon::nouns`) hold the exceptions. It
//! reads a bounded number of tokens per call; what the number is and
//! whether it is a count are `number`'s and `count`'s business.

use crate::lexicon::nouns::{
    BE_FORMS, FUNCTION_WORDS, INVARIANT_PLURALS, IRREGULAR_PLURALS, MONEY_NOUNS, NOT_QUALIFIERS,
    PAST_TENSE_VERBS, RELATIVES, REPORT_VERBS, SINGULARS_IN_S,
};
use crate::lexicon::numbers::{self, ABOUT, AT_LEAST, AT_MOST, FEWER_THAN, MORE_THAN, NEARLY};
use crate::lexicon::{lookup_sorted, WordClasses};
use crate::text::{Document, TokenKind};

use super::number::lower;
use std::borrow::Cow;

/// Bit of [`table_bits`]: a key of [`IRREGULAR_PLURALS`].
const IRREGULAR: u16 = 1 << 0;
/// Bit of [`table_bits`]: in [`INVARIANT_PLURALS`].
const INVARIANT: u16 = 1 << 1;
/// Bit of [`table_bits`]: in [`SINGULARS_IN_S`].
const SINGULAR_IN_S: u16 = 1 << 2;
/// Bit of [`table_bits`]: a function word or the first word of a hedge.
const FUNCTION: u16 = 1 << 3;

/// Which of the noun tables hold `w` exactly as written. Every table word
/// is lower-case ASCII (a test checks), so a word with a capital or a byte
/// outside ASCII is in none; for the rest one packed-table probe answers
/// all four tables at once, where each took a search before.
fn table_bits(w: &str) -> u16 {
    static CLASSES: std::sync::OnceLock<WordClasses> = std::sync::OnceLock::new();
    let b = w.as_bytes();
    if b.is_empty() || !b.iter().all(|c| c.is_ascii() && !c.is_ascii_uppercase()) {
        return 0;
    }
    CLASSES
        .get_or_init(|| {
            let irregular: Vec<&str> = IRREGULAR_PLURALS.iter().map(|&(k, _)| k).collect();
            let mut function: Vec<&str> = FUNCTION_WORDS.to_vec();
            function.extend(hedge_heads());
            WordClasses::new(&[
                (&irregular, IRREGULAR),
                (INVARIANT_PLURALS, INVARIANT),
                (SINGULARS_IN_S, SINGULAR_IN_S),
                (&function, FUNCTION),
            ])
        })
        .of_ascii(b)
}

/// The first words of the hedges ("more", "nearly").
fn hedge_heads() -> impl Iterator<Item = &'static str> {
    [ABOUT, NEARLY, MORE_THAN, AT_LEAST, FEWER_THAN, AT_MOST]
        .into_iter()
        .flat_map(|t| t.iter().filter_map(|h| h.split(' ').next()))
}

/// Whether `w` (lower case) ends a noun phrase: a function word or the
/// first word of a hedge ("more", "nearly").
pub(crate) fn is_function_word(w: &str) -> bool {
    table_bits(w) & FUNCTION != 0
}

/// The head of the plain noun phrase starting at token `k`: the last of
/// up to three lower-case words before a function word, punctuation or a
/// verb form ("presidential *debate*" after "the first"), singular.
pub(crate) fn head_after(doc: &Document, k: usize, end: usize) -> Option<String> {
    let mut last = None;
    for j in k..end.min(k + 3) {
        let w = doc.tok(j);
        let plain = doc.tokens[j].kind == TokenKind::Word
            && w.chars().all(|c| c.is_lowercase() || c == '-')
            && !is_function_word(w)
            && !w.ends_with("ed")
            && !w.ends_with("ly")
            && !crate::lexicon::verbs::is_irregular_past(w)
            && !crate::lexicon::speech::is_speech_verb(w);
        if !plain {
            break;
        }
        last = Some(w);
    }
    last.map(singular)
}

/// How to pick the head of a noun phrase when no plural is found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Head {
    /// Only a plural (a number word: "two sources", not "the two met").
    Plural,
    /// A plural, else a money word (digits: "12 cent per share"); a
    /// singular noun after digits is a label ("the 737 jet", "iOS 4
    /// system") or an attribute ("a 1991 settlement").
    PluralOrMoney,
    /// A plural, else the last word, adjectives too ("three of the injured").
    Nominal,
    /// The first plain word ("one source"), not a participle.
    First,
    /// The first plain word, adjectives too ("the number of dead").
    FirstNominal,
}

/// The head noun of the phrase at token `j` and the qualifiers before it:
/// words up to a function word, punctuation or the sixth token. The head is
/// the first plural, else what `rule` allows.
pub(crate) fn noun_phrase(
    doc: &Document,
    j: usize,
    end: usize,
    rule: Head,
) -> Option<(usize, Vec<String>)> {
    // At most six words: on the stack, borrowed from the document's
    // lower-case text when that equals `to_lowercase` (ASCII, and most
    // words outside it: "company’s"), each with whether it is the plural
    // that ends the phrase.
    let mut slots: [(usize, Cow<'_, str>, bool); 6] =
        std::array::from_fn(|_| (0, Cow::Borrowed(""), false));
    let mut n = 0;
    let mut k = j;
    while k < end && k < j + 6 {
        let t = &doc.tokens[k];
        let s = doc.tok(k);
        if t.kind == TokenKind::Number && k > j {
            k += 1;
            continue;
        }
        if t.kind != TokenKind::Word {
            break;
        }
        let lower = doc.tok_lower(k);
        let w = if s.is_ascii() || crate::lexicon::lowers_to_itself(lower) {
            Cow::Borrowed(lower)
        } else {
            Cow::Owned(s.to_lowercase())
        };
        let capital = s.starts_with(|c: char| c.is_uppercase());
        let acronym = s.len() > 1 && s.chars().all(|c| c.is_uppercase() || c == '.');
        if is_function_word(&w) && !(acronym || capital && k > j) {
            break;
        }
        // "the two held talks": a verb, not a qualifier.
        if k == j && numbers::is_in(PAST_TENSE_VERBS, &w) {
            break;
        }
        let plural = !capital && !matches!(rule, Head::First | Head::FirstNominal) && is_plural(&w);
        slots[n] = (k, w, plural);
        n += 1;
        if plural {
            break;
        }
        k += 1;
    }
    let words = &slots[..n];
    let plain = |&&(h, ref w, _): &&(usize, Cow<'_, str>, bool)| {
        !w.is_empty()
            && !doc.tok(h).starts_with(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && (matches!(rule, Head::Nominal | Head::FirstNominal)
                || !(w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly")))
    };
    // A plural ends the phrase, so only the last word can be one (for a
    // rule that looks for plurals, and not capitalised: tested above).
    let head_pos = match (words.last(), rule) {
        (Some(&(h, _, true)), _) => Some(h),
        (_, Head::First | Head::FirstNominal) => words.iter().find(plain).map(|(h, _, _)| *h),
        (_, Head::Nominal) => words.iter().rev().find(plain).map(|(h, _, _)| *h),
        (_, Head::PluralOrMoney) => words
            .iter()
            .rev()
            .find(|(_, w, _)| numbers::is_in(MONEY_NOUNS, w))
            .map(|(h, _, _)| *h),
        (_, Head::Plural) => None,
    }?;
    let qualifiers = words
        .iter()
        .filter(|(h, w, _)| *h < head_pos && !w.is_empty() && !numbers::is_in(NOT_QUALIFIERS, w))
        .map(|(_, w, _)| w.to_string())
        .collect();
    Some((head_pos, qualifiers))
}

/// Qualities a clause states of the group: ", who were released", "are
/// believed to be alive". `relative` requires the relative pronoun. A
/// verb of wish or obligation ("who deserve to be freed") states none.
pub(crate) fn clause_qualifiers(
    doc: &Document,
    mut k: usize,
    end: usize,
    relative: bool,
) -> Vec<String> {
    // Borrowed: only the quality kept at the end is copied.
    let word = |k: usize| {
        (k < end)
            .then(|| lower(doc, k))
            .flatten()
            .unwrap_or_default()
            .as_str()
    };
    if doc.tokens.get(k).is_some_and(|_| word(k) == ",") {
        k += 1;
    }
    if relative {
        if !numbers::is_in(RELATIVES, word(k)) {
            return Vec::new();
        }
        k += 1;
    }
    let skip_adverbs = |mut k: usize| {
        while matches!(word(k), "still" | "now" | "all" | "also" | "currently") {
            k += 1;
        }
        k
    };
    k = skip_adverbs(k);
    if matches!(word(k), "have" | "has" | "had") && word(k + 1) == "been" {
        k += 1;
    }
    if !numbers::is_in(BE_FORMS, word(k)) {
        return Vec::new();
    }
    k = skip_adverbs(k + 1);
    if numbers::is_in(REPORT_VERBS, word(k)) && word(k + 1) == "to" {
        k += 2;
        if word(k) == "have" && word(k + 1) == "been" {
            k += 1;
        }
        if !matches!(word(k), "be" | "been") {
            return Vec::new();
        }
        k = skip_adverbs(k + 1);
    }
    let w = word(k);
    let plain = !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '-');
    if plain && !is_function_word(w) && !doc.tok(k).starts_with(char::is_uppercase) {
        vec![w.to_owned()]
    } else {
        Vec::new()
    }
}

/// Whether `w` (lower case) looks like a plural noun.
pub(crate) fn is_plural(w: &str) -> bool {
    let bits = table_bits(w);
    if bits & (IRREGULAR | INVARIANT) != 0 {
        return true;
    }
    if bits & SINGULAR_IN_S != 0 || w.len() < 3 {
        return false;
    }
    if w.ends_with("men") && w.len() >= 5 {
        return true;
    }
    // An "s" not after "s", "u" ("us", "ous"), "i" or an apostrophe ("'s",
    // "’s"), read on the last bytes rather than with a search per ending.
    match *w.as_bytes() {
        [.., 0xE2, 0x80, 0x99, b's'] => false,
        [.., b's' | b'u' | b'i' | b'\'', b's'] => false,
        [.., b's'] => true,
        _ => false,
    }
}

/// The singular of a noun, lower case: "captives" -> "captive", "people"
/// -> "person", "cities" -> "city", "news" -> "news".
pub(crate) fn singular(word: &str) -> String {
    // Lower-cased on the stack for short ASCII words (`to_lowercase` for the
    // rest), so that the one `String` built is the result.
    crate::lexicon::with_lowercase(word, |w| {
        let (stem, ending) = singular_parts(w);
        let mut out = String::with_capacity(stem.len() + ending.len());
        out.push_str(stem);
        out.push_str(ending);
        out
    })
}

/// The singular of `w` (lower case) as a stem and an ending to append.
fn singular_parts(w: &str) -> (&str, &'static str) {
    let bits = table_bits(w);
    if let Some(s) = (bits & IRREGULAR != 0)
        .then(|| lookup_sorted(IRREGULAR_PLURALS, w))
        .flatten()
    {
        return (s, "");
    }
    if bits & (INVARIANT | SINGULAR_IN_S) != 0 {
        return (w, "");
    }
    if w.ends_with("men") && w.len() >= 5 {
        return (&w[..w.len() - 2], "an");
    }
    if w.len() > 4 && w.ends_with("ies") {
        return (&w[..w.len() - 3], "y");
    }
    if ["sses", "xes", "ches", "shes", "zzes"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        return (&w[..w.len() - 2], "");
    }
    if is_plural(w) && w.ends_with('s') {
        return (&w[..w.len() - 1], "");
    }
    (w, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_handles_irregular_and_invariant_nouns() {
        let cases = [
            ("people", "person"),
            ("children", "child"),
            ("women", "woman"),
            ("policemen", "policeman"),
            ("feet", "foot"),
            ("cities", "city"),
            ("buses", "bus"),
            ("boxes", "box"),
            ("churches", "church"),
            ("houses", "house"),
            ("news", "news"),
            ("series", "series"),
            ("species", "species"),
            ("bus", "bus"),
            ("Captives", "captive"),
            ("calories", "calorie"),
            ("troops", "troop"),
        ];
        for (plural, one) in cases {
            assert_eq!(singular(plural), one, "{plural}");
        }
    }

    #[test]
    fn words_in_s_that_are_not_plurals_are_left_alone() {
        for w in ["status", "analysis", "famous", "class", "bus", "Oman's"] {
            assert!(!is_plural(&w.to_lowercase()), "{w}");
        }
        for w in ["captives", "people", "aircraft", "firemen"] {
            assert!(is_plural(w), "{w}");
        }
    }

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn table_words_are_lower_case_ascii_and_found_as_written() {
        let lower =
            |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase());
        let tables: [(Vec<&str>, u16); 4] = [
            (
                IRREGULAR_PLURALS.iter().map(|&(k, _)| k).collect(),
                IRREGULAR,
            ),
            (INVARIANT_PLURALS.to_vec(), INVARIANT),
            (SINGULARS_IN_S.to_vec(), SINGULAR_IN_S),
            (
                FUNCTION_WORDS
                    .iter()
                    .copied()
                    .chain(hedge_heads())
                    .collect(),
                FUNCTION,
            ),
        ];
        for (words, bit) in tables {
            for w in words {
                assert!(lower(w), "{w}");
                assert!(table_bits(w) & bit != 0, "{w}");
                assert_eq!(table_bits(&w.to_uppercase()), 0, "{w}");
            }
        }
        assert_eq!(table_bits("captives"), 0);
        assert_eq!(table_bits(""), 0);
        assert!(is_function_word("the") && !is_function_word("The"));
    }
}
