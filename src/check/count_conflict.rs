//! CC101 count-conflict: a count that earlier coverage states differently.

use super::count_mismatch::fmt_num;
use super::{article_evidence, finding_for, CheckContext, Run};
use crate::extract::{Claim, ClaimData, Count};
use crate::finding::{Finding, Severity};
use crate::subject::keys::predicates_agree;

declare_check! {
    /// ## What it does
    /// Files every count under its subject (the counted noun and its
    /// qualifiers; casualty figures in the general news sense: "people
    /// killed", "the dead", "death toll" are one subject) and compares it
    /// with counts of the same subject in coverage published within
    /// `--window` days. Their intervals must overlap ("about 50" and "48"
    /// agree), with one of them at least: a figure that matches any count
    /// of its subject, in the coverage or earlier in the article, is
    /// supported. A count stated as
    /// a change ("rose to", "now stands at") is a note, not a conflict. A
    /// part of a group ("three of the injured") is never compared with a
    /// total; money, shares and time spans are not compared across articles.
    ///
    /// ## Why is this bad
    /// Two articles on one story a day apart should not disagree on how
    /// many people were stranded, unless the number changed and they say so.
    ///
    /// ## Example
    /// Coverage says "340 passengers were stranded"; the draft says "more
    /// than 400 passengers were stranded": a warning. "The number of
    /// passengers stranded at the port rose to 410" would be a note.
    pub(crate) struct CountConflict {
        code: "CC101",
        name: "count-conflict",
    }
}

/// How similar two counts' sentences must be to state the same fact
/// (`docs/alignment.md`).
const MIN_SIMILARITY: f32 = 0.3;

/// How similar the sentences of two counts of one noun filed under
/// different subjects (other qualifiers, other words for what happened)
/// must be to state the same fact.
const MIN_RETOLD_SIMILARITY: f32 = 0.5;

impl Run for CountConflict {
    fn run(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let keys = &cx.target.claims.subjects.keys;
        for (ci, claim) in cx.target.claims.claims.iter().enumerate() {
            let ClaimData::Count(count) = &claim.data else {
                continue;
            };
            let Some(subject) = keys[ci].count.as_ref() else {
                continue;
            };
            let predicate = keys[ci].predicate.as_deref();
            let related: Vec<_> = cx
                .related_refs(|i| i.counts.get(subject), ci, true)
                .into_iter()
                .filter(|r| {
                    subject.starts_with("casualties:")
                        || predicates_agree(
                            predicate,
                            r.article.claims.subjects.keys[r.index].predicate.as_deref(),
                        )
                })
                .collect();
            // The same fact told with other words ("a dozen firefighters
            // who were hurt", "nine injured firefighters") is filed under
            // another subject key: counts of the same noun elsewhere whose
            // sentences say nearly the same thing.
            let retold: Vec<_> = cx
                .related_refs(|i| i.counts_by_noun.get(&count.noun), ci, true)
                .into_iter()
                .filter(|r| {
                    !std::ptr::eq(r.article.article, cx.target.article)
                        && !related.iter().any(|k| std::ptr::eq(k.claim, r.claim))
                        && as_count(r.claim).is_some_and(|o| !o.partitive && !o.change)
                })
                .filter_map(|r| {
                    let al = cx.alignment(ci, r.article, r.index, &["noun"])?;
                    (al.similarity() >= MIN_RETOLD_SIMILARITY).then_some((r, al))
                })
                .collect();
            // One subject often carries several figures (two of the 28
            // people...): a figure that matches any of them is supported,
            // unless the two name different owners ("Estmotor will close
            // 450 stores" is not supported by its rival's 450).
            let supports = |r: &super::Related<'_>| {
                as_count(r.claim).is_some_and(|o| o.interval.overlaps(&count.interval))
                    && cx.alignment(ci, r.article, r.index, &[]).is_some()
            };
            if related.iter().any(supports)
                || retold.iter().any(|(r, _)| supports(r))
                || super::context_conflict::is_stated_elsewhere(cx, claim, ci)
            {
                continue;
            }
            // Within one article, two figures for one noun are nearly
            // always two groups ("Kestrel will close 600 stores, Ostrand
            // 450"): the article's own figures support, never contradict.
            // Across articles, a figure conflicts only with one that states
            // the same fact: the same owner where both name one, in a
            // sentence that says the same thing.
            let conflicting: Vec<_> = related
                .into_iter()
                .filter(|r| !std::ptr::eq(r.article.article, cx.target.article))
                .filter_map(|r| {
                    let al = cx.alignment(ci, r.article, r.index, &["noun"])?;
                    (al.similarity() >= MIN_SIMILARITY).then_some((r.article, r.claim, al))
                })
                .chain(retold.into_iter().map(|(r, al)| (r.article, r.claim, al)))
                .collect();
            let Some((first, first_claim, _)) = conflicting.first() else {
                continue;
            };
            let severity = if count.change {
                Severity::Note
            } else {
                Severity::Warning
            };
            let other = as_count(first_claim).map_or(0.0, |c| c.value);
            let where_ = format!("in {}", first.article.path.display());
            let message = if count.change {
                format!(
                    "figure changed: {} here, {} {where_}",
                    fmt_num(count.value),
                    fmt_num(other)
                )
            } else {
                format!(
                    "{} conflicts with coverage: {} {where_}",
                    claim.text.trim(),
                    first_claim.text.trim()
                )
            };
            let mut f = finding_for(self, cx.target.article, claim, "count", severity, message);
            f.expected = Some(first_claim.text.trim().to_owned());
            for (a, c, al) in conflicting {
                let mut e = article_evidence(a.article, c, c.text.trim().to_owned());
                e.alignment = Some(al);
                f.evidence.push(e);
            }
            out.push(f);
        }
    }
}

fn as_count(c: &Claim) -> Option<&Count> {
    match &c.data {
        ClaimData::Count(c) => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_finds, assert_passes, Case};
    use crate::finding::Severity;

    const STRANDED: &str = "340 passengers were stranded at the port.";

    #[test]
    fn coverage_in_the_window_is_found_behind_hundreds_of_older_figures() {
        // A year of daily figures for one subject, then the day before
        // the draft: the draft's window holds only the last.
        let old: Vec<String> = (0..300)
            .map(|n| format!("{} passengers were stranded at the port.", 1000 + n))
            .collect();
        let days: Vec<String> = (0..300)
            .map(|n| {
                let d = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
                    + chrono::Duration::days(n);
                d.to_string()
            })
            .collect();
        let mut case = Case::new("430 passengers were stranded at the port.");
        for (text, day) in old.iter().zip(&days) {
            case = case.coverage_on(text, day);
        }
        case.coverage(STRANDED).finds("CC101", "430 passengers");
    }

    fn passes(text: &str, coverage: &str, claim: &str) {
        assert_passes("CC101", text, &[coverage], "", claim);
    }

    #[test]
    fn count_that_coverage_states_differently_is_a_warning() {
        let f = assert_finds(
            "CC101",
            "More than 400 passengers were stranded at the port.",
            &[STRANDED],
            "",
            "More than 400 passengers",
        );
        assert_eq!(f.severity, Severity::Warning);
        assert!(f.message.contains("cov0.md"), "{}", f.message);
        assert_eq!(f.expected.as_deref(), Some("340 passengers"));
        assert_eq!(f.evidence.len(), 1);
        assert_eq!(f.evidence[0].location.path.to_str(), Some("cov0.md"));
    }

    #[test]
    fn overlapping_intervals_agree() {
        passes(
            "About 350 passengers were stranded at the port.",
            STRANDED,
            "About 350 passengers",
        );
        passes(
            "More than 300 passengers were stranded at the port.",
            STRANDED,
            "More than 300 passengers",
        );
    }

    #[test]
    fn count_stated_as_a_rise_is_a_note_not_a_warning() {
        let f = assert_finds(
            "CC101",
            "The number of passengers stranded at the port rose to 410.",
            &[STRANDED],
            "",
            "410",
        );
        assert_eq!(f.severity, Severity::Note);
        assert!(f.message.starts_with("figure changed"), "{}", f.message);
    }

    #[test]
    fn another_owners_figure_does_not_support() {
        let coverage = "Carmaker Estmotor said it would close 600 stores by the end of \
                        the year. Its rival Kestrel Cars plans to shut 450 stores over \
                        the same period.";
        assert_finds(
            "CC101",
            "Estmotor will close 450 stores this year, the carmaker said.",
            &[coverage],
            "",
            "450 stores",
        );
        // Near-miss: the rival's own figure, and a figure with no owner.
        passes(
            "Kestrel Cars will close 450 stores this year, the company said.",
            coverage,
            "450 stores",
        );
        passes(
            "About 450 stores will close this year.",
            coverage,
            "About 450 stores",
        );
    }

    #[test]
    fn part_of_a_group_is_never_compared_with_a_total() {
        passes(
            "Three of the injured were taken to hospital.",
            "Twelve people were injured in the collapse.",
            "Three of the injured",
        );
    }

    #[test]
    fn coverage_outside_the_window_is_not_compared() {
        let draft = "More than 400 passengers were stranded at the port.";
        Case::new(draft)
            .coverage_on(STRANDED, "2026-02-20")
            .passes("CC101", "More than 400 passengers");
        Case::new(draft)
            .coverage_on(STRANDED, "2026-02-20")
            .window(30)
            .finds("CC101", "More than 400 passengers");
    }

    #[test]
    fn a_library_callers_window_out_of_range_is_clamped_not_a_panic() {
        let draft = "More than 400 passengers were stranded at the port.";
        Case::new(draft)
            .coverage_on(STRANDED, "2026-02-20")
            .window(-3)
            .passes("CC101", "More than 400 passengers");
        Case::new(draft)
            .coverage_on(STRANDED, "2026-02-20")
            .window(i64::MAX)
            .finds("CC101", "More than 400 passengers");
    }

    #[test]
    fn money_and_percent_are_not_compared_across_articles() {
        let draft = "The repairs will cost $4 billion, or 45 percent of the budget.";
        let coverage = "The repairs will cost $3.2 billion, or 40 percent of the budget.";
        passes(draft, coverage, "$4 billion");
        passes(draft, coverage, "45 percent");
    }

    #[test]
    fn different_counted_nouns_are_not_compared() {
        passes(
            "More than 400 cars were stranded at the port.",
            STRANDED,
            "More than 400 cars",
        );
    }

    use super::super::testing::flagged;
    use super::*;

    const EARLIER: &str = "Two people were rescued from the ferry. Later 28 people were \
                           rescued from the river.";

    #[test]
    fn a_figure_matching_one_of_several_with_its_subject_is_supported() {
        let draft = "Officials said 28 people were rescued from the river.";
        assert!(flagged(&CountConflict, draft, EARLIER).is_empty());
    }

    #[test]
    fn a_precise_figure_stated_with_another_noun_is_supported() {
        let earlier = "Dealers sold 30,154 new cars and trucks in October. Buyers bought \
                       208,560 new vehicles this year.";
        let draft = "Dealers sold 30,154 new vehicles in October.";
        assert!(flagged(&CountConflict, draft, earlier).is_empty());
    }

    #[test]
    fn two_figures_for_one_noun_in_one_article_are_two_groups() {
        let draft = "Officials said 30 people were rescued from the ferry and 12 people \
                     were rescued from the river.";
        assert!(flagged(&CountConflict, draft, "The ferry sank.").is_empty());
    }

    #[test]
    fn a_figure_matching_none_of_them_is_flagged() {
        let draft = "Officials said 38 people were rescued from the river.";
        assert_eq!(flagged(&CountConflict, draft, EARLIER), ["38 people"]);
    }

    #[test]
    fn the_same_fact_told_with_other_words_is_compared() {
        assert_finds(
            "CC101",
            "A dozen firefighters were hurt in the blaze at the mill on Friday.",
            &["Nine injured firefighters were treated after the blaze at the mill on Friday."],
            "",
            "A dozen firefighters",
        );
    }

    #[test]
    fn counts_of_one_noun_in_sentences_about_other_things_are_not_compared() {
        passes(
            "A dozen firefighters were hurt in the blaze at the mill on Friday.",
            "Nine firefighters from the county graduated from the academy in spring.",
            "A dozen firefighters",
        );
    }

    #[test]
    fn another_owner_with_the_same_noun_is_another_fact() {
        passes(
            "The carmaker Kestrel will close 600 stores across the country this year.",
            "The carmaker Ostrand will close 450 stores across the country this year.",
            "600 stores",
        );
    }
}
