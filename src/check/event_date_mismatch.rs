//! CC002 event-date-mismatch: a date given to a known event that is not its date.

use super::{finding_for, rule_evidence, words_in, CheckContext, Run};
use crate::extract::{Claim, ClaimData};
use crate::finding::{Finding, Severity};
use crate::lexicon::verbs::stem;
use crate::rules::Event;
use crate::text::Document;

declare_check! {
    /// ## What it does
    /// For each date attached to a word that names a rule event ("the
    /// collapse on Friday", "collapsed on Friday", "Friday's collapse"),
    /// with one of the event's `near` words in the same sentence, resolves
    /// the date against the publication date and checks that it falls on,
    /// or overlaps, the event's date. A date that belongs to another verb of
    /// the sentence, or a relation such as "a week after the collapse",
    /// dates something else and is not compared.
    ///
    /// ## Why is this bad
    /// Relative dates slip as a story ages: "on Saturday" in Sunday's paper
    /// is not "on Saturday" in Tuesday's.
    ///
    /// ## Example
    /// With the event `aldwick-bridge-collapse` on 2026-02-28, an article
    /// published on 2026-03-03 saying the bridge "collapsed on Friday"
    /// (2026-02-27) is reported.
    pub(crate) struct EventDateMismatch {
        code: "CC002",
        name: "event-date-mismatch",
    }
}

impl Run for EventDateMismatch {
    fn run(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if cx.rules.events.is_empty() {
            return;
        }
        let doc = &cx.target.claims.doc;
        for claim in &cx.target.claims.claims {
            let ClaimData::Date(date) = &claim.data else {
                continue;
            };
            let (Some(value), Some(anchor)) = (date.value, date.anchor.clone()) else {
                continue;
            };
            for event in cx
                .rules
                .events
                .iter()
                .filter(|e| dates_event(e, doc, claim, &anchor))
            {
                let span = crate::extract::DateRange {
                    start: event.from,
                    end: event.until,
                };
                if value.overlaps(&span) {
                    continue;
                }
                let expected = if event.from == event.until {
                    event.from.to_string()
                } else {
                    format!("{} to {}", event.from, event.until)
                };
                let said = if value.start == value.end {
                    value.start.to_string()
                } else {
                    format!("{} to {}", value.start, value.end)
                };
                let message = format!(
                    "{} ({said}) is not the date of `{}`: {expected}",
                    claim.text.trim(),
                    event.id
                );
                let mut f = finding_for(
                    self,
                    cx.target.article,
                    claim,
                    "date",
                    Severity::Error,
                    message,
                );
                f.expected = Some(expected.clone());
                let about = event.about.clone().unwrap_or_else(|| event.id.clone());
                f.evidence.push(rule_evidence(
                    &event.loc,
                    &event.id,
                    format!("{about}: {expected}"),
                ));
                out.push(f);
            }
        }
    }
}

/// Whether the date `claim`, attached at `anchor`, dates `event`.
pub(crate) fn dates_event(
    event: &Event,
    doc: &Document,
    claim: &Claim,
    anchor: &std::ops::Range<usize>,
) -> bool {
    let anchor_text = &doc.text[anchor.clone()];
    let rest = &doc.text[anchor.start..];
    let names = event.words.iter().any(|w| {
        if w.contains(' ') {
            starts_with_lowercase(rest, &w.to_lowercase())
        } else {
            stem(w) == stem(anchor_text)
        }
    });
    if !names {
        return false;
    }
    let sentence = claim.sentence.map_or("", |s| doc.sentence_text(s));
    event.near.is_empty() || event.near.iter().any(|n| near_in(sentence, n))
}

/// Whether `text` lower-cased starts with `prefix` (already lower case),
/// lower-casing only as much of `text` as the prefix needs: `text` is the
/// rest of the article.
fn starts_with_lowercase(text: &str, prefix: &str) -> bool {
    let mut lowered = text.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|c| lowered.next() == Some(c))
}

/// A `near` word in the sentence, or a place's adjective ("Omani" for
/// "Oman": the name followed by a few letters).
fn near_in(sentence: &str, near: &str) -> bool {
    if words_in(sentence, near) {
        return true;
    }
    let lower = sentence.to_lowercase();
    let n = near.to_lowercase();
    lower.match_indices(&n).any(|(i, _)| {
        let tail: String = lower[i + n.len()..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let before = lower[..i].chars().next_back();
        before.is_none_or(|c| !c.is_alphanumeric())
            && matches!(tail.as_str(), "i" | "ian" | "n" | "ese" | "ish")
    })
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_finds, assert_passes};
    use crate::finding::Severity;

    /// A collapse on Saturday 2026-02-28; the draft is published on
    /// Tuesday 2026-03-03.
    const RULES: &str = "
events:
  - id: bridge-collapse
    about: collapse of the Aldwick bridge
    words: [collapse]
    near: [Aldwick, Veloria]
    date: 2026-02-28
";

    fn passes(text: &str, claim: &str) {
        assert_passes("CC002", text, &[], RULES, claim);
    }

    #[test]
    fn wrong_weekday_for_the_event_is_an_error_with_its_date() {
        let f = assert_finds(
            "CC002",
            "The Aldwick bridge collapsed on Friday.",
            &[],
            RULES,
            "Friday",
        );
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.expected.as_deref(), Some("2026-02-28"));
        assert!(f.message.contains("2026-02-27"), "{}", f.message);
        assert_eq!(f.evidence[0].rule.as_deref(), Some("bridge-collapse"));
    }

    #[test]
    fn right_weekday_for_the_event_is_consistent() {
        passes("The Aldwick bridge collapsed on Saturday.", "Saturday");
    }

    #[test]
    fn event_word_without_a_near_word_is_another_event() {
        passes("The old pier collapsed on Friday.", "Friday");
    }

    #[test]
    fn place_adjective_counts_as_the_near_place() {
        assert_finds(
            "CC002",
            "The Velorian bridge collapsed on Friday.",
            &[],
            RULES,
            "Friday",
        );
    }

    #[test]
    fn date_of_another_verb_in_the_sentence_is_not_compared() {
        passes(
            "Hale, who visited Aldwick on Friday, said the collapse was avoidable.",
            "Friday",
        );
    }

    #[test]
    fn phrase_matches_in_any_case_without_lowering_the_rest() {
        assert!(super::starts_with_lowercase(
            "Gave Way on Friday",
            "gave way"
        ));
        assert!(super::starts_with_lowercase("GAVE WAY", "gave way"));
        assert!(!super::starts_with_lowercase("Gave", "gave way"));
        assert!(!super::starts_with_lowercase("gave  way", "gave way"));
        assert!(super::starts_with_lowercase(
            "\u{130}stanbul",
            "i\u{307}stanbul"
        ));
    }
}
