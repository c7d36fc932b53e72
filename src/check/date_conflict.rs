//! CC102 date-conflict: the same event dated differently by coverage.

use super::{article_evidence, date_span, finding_for, is_later_range_member, CheckContext, Run};
use crate::extract::{Claim, ClaimData, DateRange};
use crate::finding::{Finding, Severity};

declare_check! {
    /// ## What it does
    /// Files every resolved date attached to a verb under its event: the
    /// verb with the name before it (who) and the name after it (whom or
    /// where), as in "Okafor visited Eastwick on Sunday". The same event in
    /// coverage, or earlier in the article, must have an overlapping date.
    /// "Okafor met Hale on Monday" and "Hale met with Okafor over the
    /// weekend" are different events.
    ///
    /// ## Why is this bad
    /// Dates slip as stories are rewritten: "on Sunday" becomes "on
    /// Monday" in the next day's copy.
    ///
    /// ## Example
    /// Coverage: "Okafor, who arrived in Eastwick on Sunday"; draft:
    /// "Okafor, who arrived in Eastwick on Monday": a warning.
    pub(crate) struct DateConflict {
        code: "CC102",
        name: "date-conflict",
    }
}

/// How similar two dates' sentences must be to date the same occasion
/// (`docs/alignment.md`).
const MIN_SIMILARITY: f32 = 0.3;

impl Run for DateConflict {
    fn run(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let claims = &cx.target.claims.claims;
        let keys = &cx.target.claims.subjects.keys;
        for (ci, claim) in claims.iter().enumerate() {
            // A range is one claim: judged on its first end, as a whole.
            if is_later_range_member(claims, ci) {
                continue;
            }
            let Some(value) = date_span(claims, ci) else {
                continue;
            };
            let Some(key) = keys[ci].event.as_ref() else {
                continue;
            };
            let related = cx.related_refs(|i| i.events.get(key), ci, false);
            // An event that recurs (talks held on two days) is supported by
            // any date that matches.
            if related.iter().any(|r| {
                date_span(&r.article.claims.claims, r.index).is_some_and(|v| v.overlaps(&value))
            }) {
                continue;
            }
            // The same verb, agent and object in a sentence that says
            // another thing is another occasion ("met on Monday to discuss
            // the budget", "met in May to sign the treaty").
            let conflicting: Vec<_> = related
                .into_iter()
                .filter(|r| resolved(r.claim).is_some())
                .filter_map(|r| {
                    let al = cx.alignment(ci, r.article, r.index, &["event"])?;
                    (al.similarity() >= MIN_SIMILARITY).then_some((r.article, r.claim, al))
                })
                .collect();
            let Some((first, first_claim, _)) = conflicting.first() else {
                continue;
            };
            let theirs = resolved(first_claim).map_or(String::new(), describe);
            let message = format!(
                "{} ({}) conflicts with coverage: {} ({theirs}) in {}",
                claim.text.trim(),
                describe(value),
                first_claim.text.trim(),
                first.article.path.display()
            );
            let mut f = finding_for(
                self,
                cx.target.article,
                claim,
                "date",
                Severity::Warning,
                message,
            );
            f.expected = Some(theirs);
            for (a, c, al) in conflicting {
                let text = format!(
                    "{} ({})",
                    c.text.trim(),
                    resolved(c).map_or(String::new(), describe)
                );
                let mut e = article_evidence(a.article, c, text);
                e.alignment = Some(al);
                f.evidence.push(e);
            }
            out.push(f);
        }
    }
}

fn resolved(c: &Claim) -> Option<DateRange> {
    match &c.data {
        ClaimData::Date(d) => d.value,
        _ => None,
    }
}

fn describe(r: DateRange) -> String {
    if r.start == r.end {
        r.start.to_string()
    } else {
        format!("{} to {}", r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_finds, assert_passes, Case};
    use crate::finding::Severity;

    /// Published Monday 2026-03-02: "on Sunday" is 2026-03-01.
    const ARRIVED: &str = "Okafor arrived in Eastwick on Sunday.";

    fn passes(text: &str, claim: &str) {
        assert_passes("CC102", text, &[ARRIVED], "", claim);
    }

    #[test]
    fn same_event_on_another_day_is_a_warning() {
        let f = assert_finds(
            "CC102",
            "Okafor arrived in Eastwick on Monday.",
            &[ARRIVED],
            "",
            "Monday",
        );
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.expected.as_deref(), Some("2026-03-01"));
        assert!(f.message.contains("2026-03-02"), "{}", f.message);
    }

    #[test]
    fn event_in_a_relative_clause_is_keyed_by_its_agent() {
        assert_finds(
            "CC102",
            "Okafor, who arrived in Eastwick on Monday, toured the depot.",
            &["Okafor, who arrived in Eastwick on Sunday, toured the depot."],
            "",
            "Monday",
        );
    }

    #[test]
    fn same_day_named_from_a_later_publication_date_is_consistent() {
        passes("Okafor arrived in Eastwick on Sunday.", "Sunday");
    }

    #[test]
    fn same_verb_with_another_agent_is_another_event() {
        passes("Hale arrived in Eastwick on Monday.", "Monday");
    }

    #[test]
    fn same_verb_with_another_place_is_another_event() {
        passes("Okafor arrived in Westport on Monday.", "Monday");
    }

    #[test]
    fn conflict_within_an_article_is_put_on_the_later_mention() {
        let f = assert_finds(
            "CC102",
            "Okafor arrived in Eastwick on Sunday.\n\nOkafor arrived in Eastwick on Monday, aides said.",
            &[],
            "",
            "Monday",
        );
        assert!(f.message.contains("x.md"), "{}", f.message);
        let found = Case::new(
            "Okafor arrived in Eastwick on Sunday.\n\nOkafor arrived in Eastwick on Monday, aides said.",
        )
        .run(Some("CC102"));
        assert_eq!(found.len(), 1, "only the later mention: {found:?}");
    }

    use super::super::testing::flagged;
    use super::*;

    const EARLIER: &str = "Okafor visited Eastwick on Monday. Okafor visited Eastwick \
                           again on Wednesday.";

    #[test]
    fn a_recurring_event_is_supported_by_any_matching_date() {
        let draft = "Okafor visited Eastwick on Wednesday.";
        assert!(flagged(&DateConflict, draft, EARLIER).is_empty());
    }

    #[test]
    fn a_date_matching_none_of_them_is_flagged() {
        let draft = "Okafor visited Eastwick on Tuesday.";
        assert_eq!(flagged(&DateConflict, draft, EARLIER), ["Tuesday"]);
    }

    #[test]
    fn two_dates_of_one_sentence_never_conflict() {
        Case::new("Okafor visited Eastwick on Monday and again on Wednesday.")
            .finds_nothing("CC102");
    }

    #[test]
    fn a_range_is_one_claim_a_date_inside_it_agrees() {
        Case::new("Okafor toured Eastwick between Feb. 2 and Feb. 6.")
            .coverage("Okafor toured Eastwick on Feb. 4.")
            .finds_nothing("CC102");
        let found = Case::new("Okafor toured Eastwick between Feb. 2 and Feb. 6.")
            .coverage("Okafor toured Eastwick on Feb. 14.")
            .run(Some("CC102"));
        assert_eq!(found.len(), 1, "one finding for the range: {found:?}");
    }
}
