//! CC103 quote-attribution-conflict: the same words, another speaker.

use super::index::SHINGLE;
use super::people::same_person;
use super::quote_text::{is_same_words, quote_words, shingles, QuoteWords};
use super::{article_evidence, finding_for, CheckContext, Checked, Run};
use crate::extract::{Claim, ClaimData, QuoteClaim};
use crate::finding::{Finding, Severity};
use crate::lexicon::speech::{GROUP_PRONOUNS, PERSON_PRONOUNS};
use crate::subject::same_attributed_quotation;
use std::borrow::Cow;

declare_check! {
    /// ## What it does
    /// Finds quotations in coverage (and earlier in the article) with the
    /// same words, or a part of them, or a longer quotation holding them,
    /// and reports the quotation when both are attributed and the speakers
    /// differ.
    ///
    /// ## Why is this bad
    /// Quotes migrate between speakers when copy is merged from several
    /// reporters' notes.
    ///
    /// ## Example
    /// Coverage: `"We will leave no stone unturned," Okafor said.`; draft:
    /// `"We will leave no stone unturned," Hale said.`: a warning.
    pub(crate) struct QuoteAttributionConflict {
        code: "CC103",
        name: "quote-attribution-conflict",
    }
}

impl Run for QuoteAttributionConflict {
    fn run(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        for (ci, claim) in cx.target.claims.claims.iter().enumerate() {
            let Some(q) = as_quote(claim) else {
                continue;
            };
            let Some(speaker) = q.speaker.as_ref().filter(|_| is_named_here(q)) else {
                continue;
            };
            let words = quote_words(&claim.text);
            let mut conflicting = Vec::new();
            let mut supported = false;
            for (other, oc, their_words) in quote_candidates(cx, &words.words, ci) {
                let Some(theirs) = as_quote(oc).and_then(|o| o.speaker.as_ref()) else {
                    continue;
                };
                // The same quotation, not a shared stock phrase or a few
                // words quoted from someone else's claim: a short one only
                // when both quote it whole.
                if !is_same_words(&words, &their_words)
                    || !same_attributed_quotation(&words.words, &their_words.words)
                {
                    continue;
                }
                if same_person(cx.rules, speaker, theirs) {
                    supported = true;
                } else if is_proper_name(theirs) {
                    conflicting.push((other, oc, theirs.clone()));
                }
            }
            // An article may repeat a quotation, once with a pronoun that
            // resolves wrongly: one matching speaker is enough.
            if supported {
                continue;
            }
            let Some((first, _, theirs)) = conflicting.first() else {
                continue;
            };
            let message = format!(
                "quote attributed to {speaker} here is attributed to {theirs} in {}",
                first.article.path.display()
            );
            let mut f = finding_for(
                self,
                cx.target.article,
                claim,
                "quote",
                Severity::Warning,
                message,
            );
            f.expected = Some(format!("said by {theirs}"));
            for (a, c, who) in &conflicting {
                f.evidence.push(article_evidence(
                    a.article,
                    c,
                    format!("{who}: \"{}\"", c.text.trim()),
                ));
            }
            out.push(f);
        }
    }
}

/// Whether the quotation's speaker is named at the attribution ("Okafor
/// said"), not reached through a pronoun, which a short summary resolves
/// against less context than the article did, and is a proper name, not a
/// description ("a spokesperson", "the report") that may be the other
/// article's named person.
fn is_named_here(q: &QuoteClaim) -> bool {
    let pronoun = q.speaker_text.as_deref().is_none_or(|t| {
        let t = t.trim().to_lowercase();
        PERSON_PRONOUNS.contains(&t.as_str()) || GROUP_PRONOUNS.contains(&t.as_str())
    });
    !pronoun && q.speaker.as_deref().is_some_and(is_proper_name)
}

/// Whether a speaker reads as a proper name: its last word is capitalised.
fn is_proper_name(name: &str) -> bool {
    name.split_whitespace()
        .next_back()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

pub(crate) fn as_quote(c: &Claim) -> Option<&QuoteClaim> {
    match &c.data {
        ClaimData::Quote(q) => Some(q),
        _ => None,
    }
}

/// A quotation sharing words with a checked one, with its words.
pub(crate) type Candidate<'a, 's> = (Checked<'a>, &'a Claim, Cow<'s, QuoteWords>);

/// Quotations sharing a run of words with `words`, each once, with their
/// words as the coverage index split them.
pub(crate) fn quote_candidates<'a, 's>(
    cx: &'s CheckContext<'a>,
    words: &[String],
    claim: usize,
) -> Vec<Candidate<'a, 's>> {
    if words.len() < SHINGLE {
        return Vec::new();
    }
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for s in shingles(words, SHINGLE) {
        for (r, their_words) in cx.related_quotes(s, claim) {
            if seen.insert(std::ptr::from_ref(r.claim)) {
                out.push((r.article, r.claim, their_words));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_finds, assert_passes};
    use crate::finding::Severity;

    const SAID: &str =
        "\"We will leave no stone unturned until every line is running again,\" Okafor said.";

    fn passes(text: &str, claim: &str) {
        assert_passes("CC103", text, &[SAID], "", claim);
    }

    #[test]
    fn same_words_from_another_speaker_are_a_warning() {
        let f = assert_finds(
            "CC103",
            "\"We will leave no stone unturned until every line is running again,\" Hale said.",
            &[SAID],
            "",
            "We will leave no stone unturned until every line is running again,",
        );
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.expected.as_deref(), Some("said by Okafor"));
    }

    #[test]
    fn part_of_the_words_from_another_speaker_is_a_warning() {
        assert_finds(
            "CC103",
            "\"Leave no stone unturned until every line is running,\" Hale said.",
            &[SAID],
            "",
            "Leave no stone unturned until every line is running,",
        );
        // Near-miss: a stock phrase of a few words, which anyone may say.
        passes(
            "\"We will leave no stone unturned,\" Hale said.",
            "We will leave no stone unturned,",
        );
    }

    #[test]
    fn same_speaker_by_full_name_is_consistent() {
        passes(
            "\"We will leave no stone unturned,\" Dana Okafor said.",
            "We will leave no stone unturned,",
        );
    }

    #[test]
    fn unattributed_quotation_is_not_judged() {
        passes(
            "The slogan \"We will leave no stone unturned\" was painted on a wall.",
            "We will leave no stone unturned",
        );
    }

    #[test]
    fn different_words_from_another_speaker_are_not_a_conflict() {
        passes(
            "\"The trains will be back when the engineers say so,\" Hale said.",
            "The trains will be back when the engineers say so,",
        );
    }

    use super::super::testing::flagged;
    use super::*;

    const EARLIER: &str = "Dana Okafor arrived on Monday. \"We will leave no stone \
                           unturned,\" Okafor said. Pieter Hale stayed home.";

    #[test]
    fn same_words_from_another_named_speaker_are_flagged() {
        let draft = "\"We will leave no stone unturned,\" Hale said.";
        assert_eq!(flagged(&QuoteAttributionConflict, draft, EARLIER).len(), 1);
    }

    #[test]
    fn a_pronoun_speaker_resolved_in_a_short_draft_is_not_compared() {
        let draft = "Pieter Hale stayed home. \"We will leave no stone unturned,\" she said.";
        assert!(flagged(&QuoteAttributionConflict, draft, EARLIER).is_empty());
    }

    #[test]
    fn a_described_speaker_is_not_a_different_person() {
        let draft = "\"We will leave no stone unturned,\" a spokesperson said.";
        assert!(flagged(&QuoteAttributionConflict, draft, EARLIER).is_empty());
    }

    #[test]
    fn one_matching_speaker_among_repeats_supports_the_quote() {
        let earlier =
            format!("{EARLIER} Later Hale spoke. \"We will leave no stone unturned,\" he said.");
        let draft = "\"We will leave no stone unturned,\" Okafor said.";
        assert!(flagged(&QuoteAttributionConflict, draft, &earlier).is_empty());
    }
}
