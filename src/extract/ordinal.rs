//! Ordinals as claims of kind `ordinal`: "the third time", "finished
//! 21st", "the 70th anniversary", "the third-largest city". The value is
//! the number; the noun is what it ranks, when written after it.
//!
//! Ordinals inside dates ("June 21st", "the third quarter") belong to the
//! date claim. A spelled ordinal needs a determiner or a verb of placing
//! before it ("the first", "finished second"): "at first" and "a second
//! later" are not ranks.

use super::cue::{self, Cues};
use super::number::ordinal_value;
use super::{ClaimData, Context, Extractor, FigureClaim, FigureKind, RawClaim};
use crate::text::{Document, TokenKind};

/// The ordinal extractor.
pub(crate) struct OrdinalExtractor;

impl Extractor for OrdinalExtractor {
    fn name(&self) -> &'static str {
        "ordinal"
    }

    fn extract(&self, cx: &Context<'_>, prior: &[RawClaim], out: &mut Vec<RawClaim>) {
        extract_ordinals(cx.doc, &cx.cues, prior, out);
    }
}

/// Words after which a spelled ordinal is a rank.
const BEFORE: &[&str] = &[
    "a", "came", "come", "comes", "finish", "finished", "finishes", "her", "his", "its", "my",
    "our", "placed", "rank", "ranked", "ranks", "the", "their", "this", "whose", "your",
];

/// Adjectives between an ordinal and its noun ("the third *straight*
/// win").
const BETWEEN: &[&str] = &["annual", "consecutive", "straight", "successive"];

fn extract_ordinals(doc: &Document, cues: &Cues, prior: &[RawClaim], out: &mut Vec<RawClaim>) {
    for s in &doc.sentences {
        for i in s.tokens.clone().filter(|&i| cues.has(i, cue::ORDINAL)) {
            let Some((n, digits)) = ordinal_at(doc, i) else {
                continue;
            };
            let range = doc.tokens[i].start..doc.tokens[i].end;
            if prior
                .iter()
                .any(|c| c.range.start < range.end && range.start < c.range.end)
            {
                continue;
            }
            let before = (i > s.tokens.start)
                .then(|| doc.tok(i - 1))
                .is_some_and(|w| {
                    crate::lexicon::with_lowercase(w, |l| BEFORE.contains(&l))
                        || w.ends_with("'s")
                        || w.ends_with("’s")
                });
            // A capitalised spelled ordinal inside a sentence is a name
            // ("Second Avenue", "First Lady").
            let opens = i == s.tokens.start;
            let capital = doc.tok(i).starts_with(|c: char| c.is_uppercase());
            if !digits && !opens && (!before || capital) {
                continue;
            }
            let noun = noun_after(doc, i, s.tokens.end);
            // "a second" alone is a unit of time.
            if !digits && n == 2 && noun.is_none() {
                continue;
            }
            out.push(RawClaim {
                range,
                data: ClaimData::Figure(FigureClaim {
                    kind: FigureKind::Ordinal,
                    value: f64::from(n),
                    other: None,
                    person: None,
                    noun,
                }),
                group: None,
            });
        }
    }
}

/// Whether a token's bytes, with the offset of their first hyphen, can be
/// an ordinal: every one ends in "st", "nd", "rd" or "th" before any
/// hyphen. The cue pass ([`super::cue`]) marks with it.
#[inline]
pub(super) fn may_be_ordinal(b: &[u8], hyphen: Option<usize>) -> bool {
    let ends_right = |b: &[u8]| {
        b.len() >= 3
            && matches!(
                [b[b.len() - 2] | 0x20, b[b.len() - 1] | 0x20],
                [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
            )
    };
    if b.len() > 24 {
        return false;
    }
    ends_right(b) || hyphen.is_some_and(|k| ends_right(&b[..k]))
}

/// The ordinal at token `i` and whether it is written in digits; "third"
/// in "third-largest".
fn ordinal_at(doc: &Document, i: usize) -> Option<(u32, bool)> {
    let t = &doc.tokens[i];
    let b = doc.tok(i).as_bytes();
    if t.kind == TokenKind::Punct || !may_be_ordinal(b, b.iter().position(|&c| c == b'-')) {
        return None;
    }
    let lower = super::number::lower(doc, i)?;
    let lower = lower.as_str();
    let word = match lower.split_once('-') {
        // "third-largest", "21st-century"; "twenty-first" stays whole.
        Some((_, tail)) if tail.contains('-') => return None,
        Some((head, tail)) if ordinal_value(tail).is_none() => head,
        _ => lower,
    };
    let n = ordinal_value(word)?;
    Some((n, t.kind == TokenKind::Number))
}

/// The noun an ordinal ranks: the next lower-case word, past a few
/// adjectives of sequence ("straight").
fn noun_after(doc: &Document, i: usize, end: usize) -> Option<String> {
    let mut k = i + 1;
    while k < end && BETWEEN.contains(&doc.tok(k)) {
        k += 1;
    }
    super::noun::head_after(doc, k, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ordinals(text: &str) -> Vec<(String, f64, Option<String>)> {
        let d = Document::new(text);
        let mut out = Vec::new();
        extract_ordinals(&d, &Cues::new(&d), &[], &mut out);
        out.into_iter()
            .map(|c| match c.data {
                ClaimData::Figure(f) => (d.text[c.range].to_owned(), f.value, f.noun),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn spelled_and_digit_ordinals_with_their_noun() {
        assert_eq!(
            ordinals("It was the third time."),
            [("third".into(), 3.0, Some("time".into()))]
        );
        assert_eq!(
            ordinals("The 70th anniversary is near.")[0],
            ("70th".into(), 70.0, Some("anniversary".into()))
        );
        assert_eq!(ordinals("She finished 21st.")[0].1, 21.0);
        assert_eq!(ordinals("It is the twenty-first race.")[0].1, 21.0);
        assert_eq!(
            ordinals("Their third straight win came late.")[0].2,
            Some("win".into())
        );
        assert_eq!(ordinals("Lyon is the third-largest city.")[0].1, 3.0);
        assert_eq!(
            ordinals("The first presidential debate was long.")[0].2,
            Some("debate".into())
        );
        assert_eq!(ordinals("The third received less.")[0].2, None);
    }

    #[test]
    fn words_that_only_look_like_ordinals() {
        assert!(ordinals("At first, nobody came.").is_empty());
        assert!(ordinals("Wait a second.").is_empty());
        assert!(ordinals("They met on Second Avenue.").is_empty());
        assert!(ordinals("The 21th try and the 3th one.").is_empty());
        assert!(ordinals("She came first, then left.").len() == 1);
    }
}
