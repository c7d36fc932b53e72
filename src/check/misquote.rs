//! CC005 misquote: a quotation close to a canonical quote but not its words.

use super::quote_text::{canonical_quotes, near_match, quote_words};
use super::{finding_for, rule_evidence, CheckContext, Run};
use crate::extract::ClaimData;
use crate::finding::{Finding, Severity};

declare_check! {
    /// ## What it does
    /// Compares each quotation with the best-matching stretch of every
    /// canonical quote, word by word. A quotation that is close (a changed,
    /// dropped or added word) but not the same words is reported with a
    /// word-level diff. Case, quote marks, dashes, apostrophes, a final
    /// comma or full stop, an ellipsis and a `[bracketed]` insertion are not
    /// differences.
    ///
    /// ## Why is this bad
    /// Quotations are the one place where a paraphrase is a falsehood:
    /// "repair the line" is not what was said if the words were "rebuild
    /// the line".
    ///
    /// ## Example
    /// Against the canonical "We will leave no stone unturned until every
    /// line is running again", the quotation "We will leave no stone
    /// unturned until every line is open again" is reported: `running` ->
    /// `open`.
    pub(crate) struct Misquote {
        code: "CC005",
        name: "misquote",
    }
}

impl Run for Misquote {
    fn run(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        if cx.rules.quotes.is_empty() {
            return;
        }
        let canon = canonical_quotes(cx.rules);
        for claim in &cx.target.claims.claims {
            if !matches!(claim.data, ClaimData::Quote(_)) {
                continue;
            }
            let words = quote_words(&claim.text);
            let best = canon
                .iter()
                .filter_map(|(rule, cw)| near_match(&words, cw).map(|m| (rule, m)))
                .max_by(|a, b| a.1.ratio.total_cmp(&b.1.ratio));
            let Some((rule, m)) = best else {
                continue;
            };
            let message = format!("misquote of {} (rule `{}`)", rule.speaker, rule.id);
            let mut f = finding_for(
                self,
                cx.target.article,
                claim,
                "quote",
                Severity::Error,
                message,
            );
            f.expected = Some(format!("\"{}\"", m.stretch));
            f.evidence.push(rule_evidence(
                &rule.loc,
                &rule.id,
                format!("{}: \"{}\"", rule.speaker, rule.text),
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

    const RULES: &str = "
entities:
  - name: Dana Okafor
quotes:
  - id: okafor-stone
    speaker: Dana Okafor
    text: \"We will leave no stone unturned until every line is running again.\"
  - id: okafor-rebuild
    speaker: Dana Okafor
    text: \"It's a hard day – but we'll rebuild the Aldwick line together.\"
";

    fn passes(text: &str, claim: &str) {
        assert_passes("CC005", text, &[], RULES, claim);
    }

    #[test]
    fn changed_word_is_a_misquote_with_a_word_diff() {
        let f = assert_finds(
            "CC005",
            "\"We will leave no stone unturned until every line is open again,\" Okafor said.",
            &[],
            RULES,
            "We will leave no stone unturned until every line is open again,",
        );
        assert_eq!(f.severity, Severity::Error);
        let diff = f.diff.expect("a word diff");
        assert!(
            diff.contains(&DiffOp::Removed("running".into())),
            "{diff:?}"
        );
        assert!(diff.contains(&DiffOp::Added("open".into())), "{diff:?}");
    }

    #[test]
    fn dropped_word_is_a_misquote() {
        assert_finds(
            "CC005",
            "\"We will leave no stone unturned until line is running again,\" Okafor said.",
            &[],
            RULES,
            "We will leave no stone unturned until line is running again,",
        );
    }

    #[test]
    fn partial_quote_is_not_a_misquote() {
        passes(
            "Okafor said crews would work \"until every line is running again.\"",
            "until every line is running again.",
        );
    }

    #[test]
    fn ellipsis_cut_is_not_a_misquote() {
        passes(
            "\"We will leave no stone unturned ... until every line is running again,\" Okafor said.",
            "We will leave no stone unturned ... until every line is running again,",
        );
    }

    #[test]
    fn bracketed_insertion_is_not_a_misquote() {
        passes(
            "\"We will leave no stone unturned until every [rail] line is running again,\" Okafor said.",
            "We will leave no stone unturned until every [rail] line is running again,",
        );
        // The editor's word stands in for one of the speaker's.
        passes(
            "\"We will leave no stone unturned until [each] line is running again,\" Okafor said.",
            "We will leave no stone unturned until [each] line is running again,",
        );
    }

    #[test]
    fn case_quote_marks_dashes_and_apostrophes_are_not_a_misquote() {
        passes(
            "\u{201c}it\u{2019}s a hard day - but we\u{2019}ll rebuild the ALDWICK line together,\u{201d} Okafor said.",
            "it\u{2019}s a hard day - but we\u{2019}ll rebuild the ALDWICK line together,",
        );
    }

    #[test]
    fn unrelated_quotation_is_not_a_misquote() {
        passes(
            "\"The trains will be back when the engineers say so,\" Okafor said.",
            "The trains will be back when the engineers say so,",
        );
    }
}
