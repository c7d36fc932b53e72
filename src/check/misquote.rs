//! CC005 misquote: a quotation close to a canonical quote but not its words.

use super::quote_text::{near_match, quote_words};
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
    /// "decide the next step" is not what was said if the words were
    /// "determine the next step".
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
        let canon: Vec<_> = cx
            .rules
            .quotes
            .iter()
            .map(|q| (q, quote_words(&q.text)))
            .collect();
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
