//! Ages as claims of kind `age`: "a 34-year-old man", "five-year-olds",
//! "aged 71", "at the age of 83", "died at 83", and the news apposition
//! "Ana Ruiz, 64, said". The value is in years; the person is kept when
//! the words name them, else the noun ("man").
//!
//! Ages are not counts (nothing is counted), so the count extractor leaves
//! them alone and the gold sets do not score them; the checks compare them
//! as figures of a person.

use super::attribution::name_ending_at;
use super::cue::{self, Cues};
use super::entity::{self, People};
use super::number::small_whole;
use super::{ClaimData, Context, Extractor, FigureClaim, FigureKind, RawClaim};
use crate::text::{Document, TokenKind};
use std::ops::Range;

/// The age extractor.
pub(crate) struct AgeExtractor;

impl Extractor for AgeExtractor {
    fn name(&self) -> &'static str {
        "age"
    }

    fn extract(&self, cx: &Context<'_>, prior: &[RawClaim], out: &mut Vec<RawClaim>) {
        extract_ages(cx.doc, &cx.cues, &cx.people, prior, out);
    }
}

/// The oldest age read as one: anything above is a year or an amount.
const MAX_AGE: u32 = 125;

/// What follows a number in "34-year-old": the spellings news uses.
const YEAR_OLD: &[&str] = &[
    "-year-olds",
    "-year-old",
    "-year old",
    " year old",
    "-years-old",
    " years old",
];

fn extract_ages(
    doc: &Document,
    cues: &Cues,
    people: &People<'_>,
    prior: &[RawClaim],
    out: &mut Vec<RawClaim>,
) {
    let taken = |r: &Range<usize>| {
        prior
            .iter()
            .any(|c| c.range.start < r.end && r.start < c.range.end)
    };
    let quoted = people.quoted();
    for s in &doc.sentences {
        let toks = s.tokens.clone();
        let mut i = toks.start;
        while i < toks.end {
            if !cues.has(i, cue::AGE) || !may_open_age(doc, i) {
                i += 1;
                continue;
            }
            // A number opens no "aged 71" nor "died at 83" (words), a word
            // no apposition (a number): each token tries only its own.
            let found = year_old(doc, i, toks.end).or_else(|| match doc.tokens[i].kind {
                TokenKind::Number => apposition(doc, people, i, toks.end),
                _ => aged(doc, i, toks.end).or_else(|| died_at(doc, i, toks.end)),
            });
            let Some(a) = found else {
                i += 1;
                continue;
            };
            let range = doc.tokens[a.tokens.start].start..a.end_offset;
            if !taken(&range) {
                let named = a.person.is_some();
                let person = if quoted[i] {
                    None
                } else {
                    a.person
                        .clone()
                        .map(|r| people.canonical(&entity::name_text(doc, r)))
                };
                out.push(RawClaim {
                    range,
                    data: ClaimData::Figure(FigureClaim {
                        kind: FigureKind::Age,
                        value: f64::from(a.years),
                        other: None,
                        person,
                        noun: if named { None } else { a.noun },
                    }),
                    group: None,
                });
            }
            i = a.tokens.end.max(i + 1);
        }
    }
}

/// The words that open an age ("aged 71", "died at 83"), as written.
pub(super) const OPENING_WORDS: &[&str] = &["age", "aged", "died", "dies", "dead"];

/// Whether token `i` can open an age at all: a number, a word with a
/// hyphen ("34-year-old", "five-year-old"), or one of [`OPENING_WORDS`].
/// Cheap, for the tokens the cue pass marks.
fn may_open_age(doc: &Document, i: usize) -> bool {
    match doc.tokens[i].kind {
        TokenKind::Number => true,
        TokenKind::Punct => false,
        TokenKind::Word => {
            let w = doc.tok(i).as_bytes();
            OPENING_WORDS.iter().any(|o| o.as_bytes() == w) || w.contains(&b'-')
        }
    }
}

/// An age found at a token.
struct Found {
    years: u32,
    /// The tokens of the claim's words.
    tokens: Range<usize>,
    /// Where its text ends (inside a token for "34-year-old").
    end_offset: usize,
    /// The person's name tokens, when named.
    person: Option<Range<usize>>,
    /// The noun it describes ("man").
    noun: Option<String>,
}

/// "a 34-year-old man", "34 years old", "five-year-olds".
fn year_old(doc: &Document, i: usize, end: usize) -> Option<Found> {
    let t = &doc.tokens[i];
    let w = doc.tok(i);
    let (years, end_offset) = match t.kind {
        TokenKind::Number => {
            let rest = &doc.text[t.end..];
            // Every tail is a hyphen or a space, then "year": most numbers
            // stop at these two bytes, before the six comparisons.
            let r = rest.as_bytes();
            if r.len() < 2 || !matches!(r[0], b'-' | b' ') || !r[1].eq_ignore_ascii_case(&b'y') {
                return None;
            }
            let tail = YEAR_OLD.iter().find(|p| starts_with_word(rest, p))?;
            (small_whole(w)?, t.end + tail.len())
        }
        TokenKind::Word => {
            if !has_year_infix(w) {
                return None;
            }
            let lower = w.to_ascii_lowercase();
            let cut = lower.find("-year-old")?;
            (
                small_whole(&lower[..cut])?,
                t.start + cut + "-year-old".len(),
            )
        }
        TokenKind::Punct => return None,
    };
    if years > MAX_AGE || end_offset > doc.text.len() {
        return None;
    }
    let plural = doc.text[..end_offset].ends_with('s') || doc.text[end_offset..].starts_with('s');
    let end_offset = if doc.text[end_offset..].starts_with('s') {
        end_offset + 1
    } else {
        end_offset
    };
    let next = doc.token_at(end_offset);
    let tokens = i..next;
    // The noun it describes, or the person named right after it
    // ("34-year-old Ana Ruiz"), or the person it is in apposition to
    // ("Ana Ruiz, a 34-year-old nurse").
    let noun = (!plural && next < end)
        .then(|| super::noun::head_after(doc, next, end))
        .flatten();
    let after = (next < end && entity::is_capitalised(doc, next))
        .then(|| entity::name_at(doc, next))
        .flatten()
        .filter(|r| r.len() >= 2);
    let before = (i >= 3 && matches!(doc.tok(i - 1), "a" | "an") && doc.tok(i - 2) == ",")
        .then(|| name_ending_at(doc, i - 2, i.saturating_sub(8)))
        .flatten();
    Some(Found {
        years,
        tokens,
        end_offset,
        person: before.or(after),
        noun,
    })
}

/// "aged 71", "age 16", "at the age of 83".
fn aged(doc: &Document, i: usize, end: usize) -> Option<Found> {
    let w = doc.tok(i);
    let n = match w {
        "age" if i + 2 < end && doc.tok(i + 1) == "of" => i + 2,
        "aged" | "age" if i + 1 < end => i + 1,
        _ => return None,
    };
    let years = small_whole(doc.tok(n)).filter(|&y| y <= MAX_AGE)?;
    // "ages 17 to 20", "aged 18-24": a range of ages is no one's age.
    if n + 1 < end && matches!(doc.tok(n + 1), "to" | "-" | "–" | "and" | "or" | "%") {
        return None;
    }
    let person = (i >= 2 && doc.tok(i - 1) == ",")
        .then(|| name_ending_at(doc, i - 1, i.saturating_sub(7)))
        .flatten()
        .or_else(|| subject_of_died(doc, i));
    Some(Found {
        years,
        tokens: i..n + 1,
        end_offset: doc.tokens[n].end,
        person,
        noun: None,
    })
}

/// "Ana Ruiz, 64, said", "The girl, 9, was unhurt".
fn apposition(doc: &Document, people: &People<'_>, i: usize, end: usize) -> Option<Found> {
    if doc.tokens[i].kind != TokenKind::Number || i < 2 || doc.tok(i - 1) != "," {
        return None;
    }
    let years = small_whole(doc.tok(i)).filter(|&y| (1..=MAX_AGE).contains(&y))?;
    let closes = i + 1 >= end || matches!(doc.tok(i + 1), "," | "." | ";" | ")");
    if !closes {
        return None;
    }
    let person = name_ending_at(doc, i - 1, i.saturating_sub(7))
        .filter(|r| people.is_person(r.clone()) || r.len() >= 2);
    let noun = (person.is_none()
        && i >= 3
        && matches!(
            doc.tok(i - 3).to_ascii_lowercase().as_str(),
            "the" | "a" | "an"
        ))
    .then(|| noun_at(doc, i - 2))
    .flatten();
    if person.is_none() && noun.is_none() {
        return None;
    }
    Some(Found {
        years,
        tokens: i..i + 1,
        end_offset: doc.tokens[i].end,
        person,
        noun,
    })
}

/// "died at 83", "dies at 90 in Rome".
fn died_at(doc: &Document, i: usize, end: usize) -> Option<Found> {
    if !matches!(doc.tok(i), "died" | "dies" | "dead") || i + 2 >= end || doc.tok(i + 1) != "at" {
        return None;
    }
    let n = i + 2;
    if doc.tokens[n].kind != TokenKind::Number {
        return None;
    }
    let years = small_whole(doc.tok(n)).filter(|&y| (1..=MAX_AGE).contains(&y))?;
    // "died at 10 a.m.", "died at 5 Elm Street": the number must close
    // the phrase.
    let closes = n + 1 >= end
        || matches!(
            doc.tok(n + 1),
            "," | "." | ";" | "after" | "in" | "on" | "of"
        );
    if !closes {
        return None;
    }
    Some(Found {
        years,
        tokens: n..n + 1,
        end_offset: doc.tokens[n].end,
        person: name_ending_at(doc, i, i.saturating_sub(6)),
        noun: None,
    })
}

/// The person who died "at the age of 83": the name right before "died".
fn subject_of_died(doc: &Document, i: usize) -> Option<Range<usize>> {
    let d = (i.saturating_sub(4)..i).find(|&k| matches!(doc.tok(k), "died" | "dies"))?;
    name_ending_at(doc, d, d.saturating_sub(6))
}

/// The lower-case noun at token `k`, singular: "man", "girl".
fn noun_at(doc: &Document, k: usize) -> Option<String> {
    let w = doc.tok(k);
    (doc.tokens[k].kind == TokenKind::Word
        && w.chars().all(|c| c.is_lowercase())
        && !super::noun::is_function_word(w))
    .then(|| super::noun::singular(w))
}

/// Whether `w` holds "-year-" or "-Year-": a byte scan from each hyphen,
/// cheaper than two substring searches on every hyphenated word.
fn has_year_infix(w: &str) -> bool {
    let b = w.as_bytes();
    b.iter().enumerate().any(|(k, &c)| {
        c == b'-'
            && b.get(k + 1..k + 6)
                .is_some_and(|x| matches!(x[0], b'y' | b'Y') && &x[1..] == b"ear-")
    })
}

/// Whether `rest` starts with `p` followed by no letter or digit.
fn starts_with_word(rest: &str, p: &str) -> bool {
    rest.get(..p.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(p))
        && !rest[p.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() && c != 's')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    /// (text, years, person, noun) of each age in `text`.
    fn ages(text: &str) -> Vec<(String, f64, Option<String>, Option<String>)> {
        let d = Document::new(text);
        let r = RuleSet::default();
        let p = People::new(&d, &r);
        let mut out = Vec::new();
        extract_ages(&d, &Cues::new(&d), &p, &[], &mut out);
        out.into_iter()
            .map(|c| match c.data {
                ClaimData::Figure(f) => (d.text[c.range].to_owned(), f.value, f.person, f.noun),
                _ => unreachable!(),
            })
            .collect()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn year_infix_matches_both_spellings_only() {
        for (w, want) in [
            ("34-year-old", true),
            ("five-Year-olds", true),
            ("-year-", true),
            ("34-YEAR-old", false),
            ("34-year", false),
            ("year-old", false),
            ("long-term", false),
        ] {
            assert_eq!(
                has_year_infix(w),
                w.contains("-year-") || w.contains("-Year-"),
                "{w}"
            );
            assert_eq!(has_year_infix(w), want, "{w}");
        }
    }

    #[test]
    fn year_old_with_its_noun() {
        assert_eq!(
            ages("A 34-year-old man was held."),
            [("34-year-old".into(), 34.0, None, some("man"))]
        );
        assert_eq!(ages("A five-year-old girl won.")[0].1, 5.0);
        assert_eq!(ages("He is 34 years old.")[0].1, 34.0);
        assert_eq!(ages("Most were 18-year-olds.")[0].3, None);
    }

    #[test]
    fn year_old_in_apposition_to_a_person() {
        let a = ages("Ana Ruiz, a 34-year-old nurse, spoke.");
        assert_eq!(a[0].2, some("Ana Ruiz"));
        let a = ages("The 29-year-old Tom Hale scored.");
        assert_eq!(a[0].2, some("Tom Hale"));
    }

    #[test]
    fn aged_and_age_of() {
        assert_eq!(
            ages("Tom Hale, aged 71, left.")[0],
            ("aged 71".into(), 71.0, some("Tom Hale"), None)
        );
        let a = ages("Ana Ruiz died at the age of 83 in Lyon.");
        assert_eq!((a[0].1, a[0].2.clone()), (83.0, some("Ana Ruiz")));
        // A range of ages is nobody's age.
        assert!(ages("Voters aged 18 to 24 stayed home.").is_empty());
    }

    #[test]
    fn name_comma_age_comma() {
        assert_eq!(
            ages("Ana Ruiz, 64, said no.")[0],
            ("64".into(), 64.0, some("Ana Ruiz"), None)
        );
        assert_eq!(ages("The girl, 9, was unhurt.")[0].3, some("girl"));
        // A date, an amount or a list is no age.
        assert!(ages("On May 4, 2020, it rained.").is_empty());
        assert!(ages("In Lyon, 40 people marched.").is_empty());
        assert!(ages("The scores were 3, 4, and 9.").is_empty());
    }

    #[test]
    fn died_at_an_age_not_an_hour() {
        assert_eq!(ages("Ana Ruiz died at 83.")[0].2, some("Ana Ruiz"));
        assert!(ages("He died at 10 a.m. on Monday.").is_empty());
        assert!(ages("She died at 5 Elm Street.").is_empty());
    }
}
