//! Scores and tallies as claims of kind `score`: "won 3-1", "a 2-2 draw",
//! "beat the Suns 76-71", "a 5-4 vote". The value is the pair as written.
//!
//! Two whole numbers joined by a hyphen or dash are a score only next to
//! a word of winning, losing or voting; elsewhere "3-1" is a range, a ratio
//! or a label, which the count extractor reads when it counts something.

use super::cue::{self, Cues};
use super::{ClaimData, Context, Extractor, FigureClaim, FigureKind, RawClaim};
use crate::lexicon::numbers::{SCORE_NOUNS, SCORE_VERBS};
use crate::text::{Document, TokenKind};

/// The score extractor.
pub(crate) struct ScoreExtractor;

impl Extractor for ScoreExtractor {
    fn name(&self) -> &'static str {
        "score"
    }

    fn extract(&self, cx: &Context<'_>, prior: &[RawClaim], out: &mut Vec<RawClaim>) {
        extract_scores(cx.doc, &cx.cues, prior, out);
    }
}

/// The highest side of a score read as one (basketball reaches the 100s).
const MAX_SIDE: u32 = 250;

fn extract_scores(doc: &Document, cues: &Cues, prior: &[RawClaim], out: &mut Vec<RawClaim>) {
    for s in &doc.sentences {
        let toks = s.tokens.clone();
        for i in (toks.start..toks.end.saturating_sub(2)).filter(|&i| cues.has(i, cue::SCORE)) {
            let Some((a, b)) = pair_at(doc, i) else {
                continue;
            };
            let range = doc.tokens[i].start..doc.tokens[i + 2].end;
            // A year range ("2008-2012") or a date the date extractor took.
            if prior.iter().any(|c| {
                matches!(c.data, ClaimData::Date(_))
                    && c.range.start < range.end
                    && range.start < c.range.end
            }) {
                continue;
            }
            let word_before =
                (toks.start.max(i.saturating_sub(4))..i).any(|k| is_in(SCORE_VERBS, doc.tok(k)));
            // "a 2-2 draw", "a 5-4 vote", "the 76-71 victory".
            let noun_after = (i + 3..toks.end.min(i + 5)).any(|k| is_in(SCORE_NOUNS, doc.tok(k)));
            if !word_before && !noun_after {
                continue;
            }
            out.push(RawClaim {
                range,
                data: ClaimData::Figure(FigureClaim {
                    kind: FigureKind::Score,
                    value: f64::from(a),
                    other: Some(f64::from(b)),
                    person: None,
                    noun: None,
                }),
                group: None,
            });
        }
    }
}

/// Two whole numbers joined by a hyphen or dash, with no space: "3-1",
/// "76–71".
fn pair_at(doc: &Document, i: usize) -> Option<(u32, u32)> {
    let t = &doc.tokens;
    // The integer tests first, and the chain test only for a pair: most
    // numbers are followed by a space and stop at the second comparison.
    let joined = t[i].kind == TokenKind::Number
        && t[i].end == t[i + 1].start
        && t[i + 2].kind == TokenKind::Number
        && t[i + 1].end == t[i + 2].start
        && matches!(doc.tok(i + 1), "-" | "–" | "—");
    if !joined {
        return None;
    }
    // Not the middle of a longer chain ("1-2-3") or a glued figure.
    let alone = (i == 0 || t[i - 1].end < t[i].start || doc.tok(i - 1) == "(")
        && t.get(i + 3)
            .is_none_or(|n| n.start > t[i + 2].end || !matches!(doc.tok(i + 3), "-" | "–" | "—"));
    if !alone {
        return None;
    }
    let side = |k: usize| {
        let w = doc.tok(k);
        (w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<u32>().ok())
            .flatten()
            .filter(|&v| v <= MAX_SIDE)
    };
    Some((side(i)?, side(i + 2)?))
}

fn is_in(table: &[&str], w: &str) -> bool {
    crate::lexicon::with_lowercase(w, |l| table.contains(&l))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores(text: &str) -> Vec<(String, f64, Option<f64>)> {
        let d = Document::new(text);
        let mut out = Vec::new();
        extract_scores(&d, &Cues::new(&d), &[], &mut out);
        out.into_iter()
            .map(|c| match c.data {
                ClaimData::Figure(f) => (d.text[c.range].to_owned(), f.value, f.other),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn won_and_beat_give_the_pair_as_written() {
        assert_eq!(
            scores("The hosts won 3-1 on Sunday."),
            [("3-1".into(), 3.0, Some(1.0))]
        );
        assert_eq!(scores("The Lakers beat the Suns 76–71.")[0].2, Some(71.0));
        assert_eq!(scores("They lost 0-2 at home.")[0].1, 0.0);
    }

    #[test]
    fn a_noun_of_result_after_the_pair() {
        assert_eq!(scores("It ended in a 2-2 draw.")[0].0, "2-2");
        assert_eq!(scores("The court ruled in a 5-4 decision.")[0].0, "5-4");
        assert_eq!(scores("The board voted 7-2 to close it.")[0].0, "7-2");
    }

    #[test]
    fn ranges_ratios_and_labels_are_no_scores() {
        assert!(scores("Between 40-50 people came.").is_empty());
        assert!(scores("Mix it 3-1 with water.").is_empty());
        assert!(scores("They won in 2008-2012 every year.").is_empty());
        assert!(scores("The team won on Route 9-1-1 again.").is_empty());
    }
}
