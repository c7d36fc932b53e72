//! CC104 quote-wording-conflict: a quotation reworded from earlier coverage.

use super::quote_attribution_conflict::quote_candidates;
use super::quote_text::{is_same_words, near_match, quote_words};
use super::{article_evidence, finding_for, CheckContext, Run};
use crate::extract::ClaimData;
use crate::finding::{Finding, Severity};
use crate::subject::{same_letters, same_quotation};

declare_check! {
    /// ## What it does
    /// Compares each quotation with quotations in coverage (and earlier in
    /// the article) that share words with it, over the best-matching
    /// stretch of the longer one, and reports one that is close but not the
    /// same words, with a word diff. This holds also when the earlier
    /// quotation's speaker is unknown. A part of a longer quotation is
    /// consistent; case, quote marks, dashes, apostrophes, final
    /// punctuation, an ellipsis and a `[bracketed]` insertion do not count.
    ///
    /// ## Why is this bad
    /// A quotation retyped from notes drifts a word at a time; the first
    /// published version is usually the one to keep.
    ///
    /// ## Example
    /// Coverage: "until every line is running again"; draft: "until every
    /// line is open again": a warning with `running` -> `open`.
    pub(crate) struct QuoteWordingConflict {
        code: "CC104",
        name: "quote-wording-conflict",
    }
}

impl Run for QuoteWordingConflict {
    fn run(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        for (ci, claim) in cx.target.claims.claims.iter().enumerate() {
            if !matches!(claim.data, ClaimData::Quote(_)) {
                continue;
            }
            let words = quote_words(&claim.text);
            let mut best = None;
            let candidates = quote_candidates(cx, &words.words, ci);
            // A quotation repeated word for word anywhere (an article may
            // quote a phrase, then the whole sentence with a variant) is
            // supported.
            if candidates
                .iter()
                .any(|(_, _, theirs)| is_same_words(&words, theirs))
            {
                continue;
            }
            for (other, oc, theirs) in candidates {
                // Only the same quotation can be reworded: most of the
                // shorter's content words, in order, in the longer; and
                // spacing or punctuation alone is not rewording.
                if same_quotation(&words.words, &theirs.words).is_none()
                    || same_letters(&words.words, &theirs.words)
                {
                    continue;
                }
                if let Some(m) = near_match(&words, &theirs) {
                    if best.as_ref().is_none_or(
                        |(_, _, b): &(_, _, super::quote_text::NearMatch)| m.ratio > b.ratio,
                    ) {
                        best = Some((other, oc, m));
                    }
                }
            }
            let Some((other, oc, m)) = best else {
                continue;
            };
            let message = format!(
                "quotation differs from coverage in {}",
                other.article.path.display()
            );
            let mut f = finding_for(
                self,
                cx.target.article,
                claim,
                "quote",
                Severity::Warning,
                message,
            );
            f.expected = Some(format!("\"{}\"", m.stretch));
            f.evidence.push(article_evidence(
                other.article,
                oc,
                format!("\"{}\"", oc.text.trim()),
            ));
            f.diff = Some(m.diff);
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_finds, assert_passes};
    use crate::finding::{DiffOp, Severity};

    const SAID: &str =
        "\"We will leave no stone unturned until every line is running again,\" Okafor said.";

    fn passes(text: &str, claim: &str) {
        assert_passes("CC104", text, &[SAID], "", claim);
    }

    #[test]
    fn reworded_quotation_is_a_warning_with_a_word_diff() {
        let f = assert_finds(
            "CC104",
            "\"We will leave no stone unturned until every line is open again,\" Okafor said.",
            &[SAID],
            "",
            "We will leave no stone unturned until every line is open again,",
        );
        assert_eq!(f.severity, Severity::Warning);
        let diff = f.diff.expect("a word diff");
        assert!(
            diff.contains(&DiffOp::Removed("running".into())),
            "{diff:?}"
        );
        assert!(diff.contains(&DiffOp::Added("open".into())), "{diff:?}");
    }

    #[test]
    fn rewording_is_found_when_the_earlier_speaker_is_unknown() {
        assert_finds(
            "CC104",
            "\"We will leave no stone unturned until every line is open again,\" Okafor said.",
            &["A sign read \"We will leave no stone unturned until every line is running again.\""],
            "",
            "We will leave no stone unturned until every line is open again,",
        );
    }

    #[test]
    fn partial_quote_is_consistent() {
        passes(
            "Okafor said crews would work \"until every line is running again.\"",
            "until every line is running again.",
        );
    }

    #[test]
    fn ellipsis_and_bracketed_insertion_are_consistent() {
        passes(
            "\"We will leave no stone unturned ... until every [rail] line is running again,\" Okafor said.",
            "We will leave no stone unturned ... until every [rail] line is running again,",
        );
    }

    #[test]
    fn case_quote_marks_dashes_and_apostrophes_are_consistent() {
        assert_passes(
            "CC104",
            "\u{201c}it\u{2019}s a hard day - but we\u{2019}ll rebuild the ALDWICK line together,\u{201d} Okafor said.",
            &["\"It's a hard day \u{2013} but we'll rebuild the Aldwick line together,\" Okafor said."],
            "",
            "it\u{2019}s a hard day - but we\u{2019}ll rebuild the ALDWICK line together,",
        );
    }

    use super::super::testing::flagged;
    use super::*;

    const EARLIER: &str = "The envoy warned that Beijing \"will not sit on its hands\" if \
                           unrest grew. \"The government would not sit on its hands and \
                           watch,\" Liu said.";

    #[test]
    fn a_quotation_the_coverage_has_word_for_word_is_supported() {
        let draft = "Beijing \"will not sit on its hands\", the envoy warned.";
        assert!(flagged(&QuoteWordingConflict, draft, EARLIER).is_empty());
    }

    #[test]
    fn a_reworded_quotation_is_flagged() {
        let draft = "\"The government would not sit on its hands and wait,\" Liu said.";
        assert_eq!(flagged(&QuoteWordingConflict, draft, EARLIER).len(), 1);
    }
}
