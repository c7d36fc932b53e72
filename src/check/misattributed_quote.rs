//! CC004 misattributed-quote: a canonical quote put in someone else's mouth.

use super::people::same_person;
use super::quote_text::{canonical_quotes, is_same_words, quote_words};
use super::{finding_for, rule_evidence, CheckContext, Run};
use crate::extract::ClaimData;
use crate::finding::{Finding, Severity};

declare_check! {
    /// ## What it does
    /// Finds quotations whose words are a canonical quote's (all of them, a
    /// part of them, or a longer quotation that holds them) and checks that
    /// the article attributes them to the rule's speaker. Differences of
    /// case, quote marks, dashes, apostrophes and final punctuation, and an
    /// ellipsis or `[bracketed]` insertion, do not matter.
    ///
    /// ## Why is this bad
    /// A quote pinned on the wrong person is the most visible error a
    /// newsroom can make, and the hardest to retract gracefully.
    ///
    /// ## Example
    /// With a rule quote by Dana Okafor, `"We will leave no stone
    /// unturned," Hale said.` is reported. A quotation with no speaker in
    /// reach is not.
    pub(crate) struct MisattributedQuote {
        code: "CC004",
        name: "misattributed-quote",
    }
}

impl Run for MisattributedQuote {
    fn run(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if cx.rules.quotes.is_empty() {
            return;
        }
        let canon = canonical_quotes(cx.rules);
        for claim in &cx.target.claims.claims {
            let ClaimData::Quote(quote) = &claim.data else {
                continue;
            };
            let Some(speaker) = &quote.speaker else {
                continue;
            };
            let words = quote_words(&claim.text);
            for (rule, cw) in &canon {
                if !is_same_words(&words, cw) || same_person(cx.rules, speaker, &rule.speaker) {
                    continue;
                }
                let message = format!(
                    "quote attributed to {speaker} is {}'s (rule `{}`)",
                    rule.speaker, rule.id
                );
                let mut f = finding_for(
                    self,
                    cx.target.article,
                    claim,
                    "quote",
                    Severity::Error,
                    message,
                );
                f.expected = Some(format!("said by {}", rule.speaker));
                f.evidence.push(rule_evidence(
                    &rule.loc,
                    &rule.id,
                    format!("{}: \"{}\"", rule.speaker, rule.text),
                ));
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_finds, assert_passes};
    use crate::finding::Severity;

    const RULES: &str = "
entities:
  - name: Dana Okafor
  - name: Pieter Hale
quotes:
  - id: okafor-stone
    speaker: Dana Okafor
    text: \"We will leave no stone unturned until every line is running again.\"
";

    fn passes(text: &str, claim: &str) {
        assert_passes("CC004", text, &[], RULES, claim);
    }

    #[test]
    fn canonical_words_given_to_another_speaker_are_an_error() {
        let f = assert_finds(
            "CC004",
            "\"We will leave no stone unturned,\" Hale said.",
            &[],
            RULES,
            "We will leave no stone unturned,",
        );
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.expected.as_deref(), Some("said by Dana Okafor"));
        assert_eq!(f.evidence[0].rule.as_deref(), Some("okafor-stone"));
    }

    #[test]
    fn canonical_words_with_their_speaker_are_consistent() {
        passes(
            "\"We will leave no stone unturned,\" Okafor said.",
            "We will leave no stone unturned,",
        );
        passes(
            "\"We will leave no stone unturned until every line is running again,\" Dana Okafor said.",
            "We will leave no stone unturned until every line is running again,",
        );
    }

    #[test]
    fn partial_quote_with_its_speaker_is_consistent() {
        passes(
            "Okafor said crews would work \"until every line is running again.\"",
            "until every line is running again.",
        );
    }

    #[test]
    fn editor_cut_still_matches_the_canonical_speaker() {
        assert_finds(
            "CC004",
            "\"We will leave no stone unturned ... until every line is running again,\" Hale said.",
            &[],
            RULES,
            "We will leave no stone unturned ... until every line is running again,",
        );
    }

    #[test]
    fn quotation_without_a_speaker_is_not_judged() {
        passes(
            "The slogan \"We will leave no stone unturned\" was painted on a wall.",
            "We will leave no stone unturned",
        );
    }
}
