//! CC106 context-conflict: a figure or date that the coverage states
//! nowhere, where a sentence of the coverage saying the same thing gives
//! another one.
//!
//! Subject keys (CC101, CC102) only meet claims whose noun phrase or event
//! is named the same way; a summary or rewrite often drops the agent, or
//! states money and shares, which are never keyed. This check keys by what
//! the sentence says instead: its content words. It will not compare a
//! claim the coverage states anywhere (same noun and an agreeing value, or
//! an overlapping date of the same length), nor claims within one article.

use super::{article_evidence, finding_for, CheckContext, Checked, Run};
use crate::extract::{Claim, ClaimData, Count, DateRange};
use crate::finding::{Finding, Severity};
use crate::source::Article;
use crate::subject::{restates, shared_count, Stem};
use std::collections::HashMap;

declare_check! {
    /// ## What it does
    /// For each count and each resolved date that no claim of the coverage
    /// (published within `--window` days) supports, with the same counted
    /// noun and an agreeing value, or an overlapping date of the same
    /// length, looks for coverage sentences that share most of the claim
    /// sentence's content words and hold a claim of the same noun or date
    /// length: those state the same fact with another value. A figure
    /// rounded from the coverage's ("$3.2 billion" for "$3.24 billion")
    /// agrees.
    ///
    /// ## Why is this bad
    /// A summary or rewrite that changes a figure, a share or a day while
    /// keeping the sentence reports a fact its source does not.
    ///
    /// ## Example
    /// Coverage: "The company said quarterly revenue rose 12 percent to
    /// $4.1 billion."; draft: "Quarterly revenue rose 15 percent to $4.1
    /// billion, the company said.": a warning on `15 percent`.
    pub(crate) struct ContextConflict {
        code: "CC106",
        name: "context-conflict",
    }
}

/// Content words two sentences must share to state the same fact.
const MIN_SHARED: usize = 3;

/// Content words shared that make two sentences state the same fact
/// whatever their lengths (a summary sentence merges two of the source's).
const MANY_SHARED: usize = 5;

/// Share of the shorter sentence's content words the other must hold.
const MIN_SHARED_RATIO: f32 = 0.6;

impl Run for ContextConflict {
    fn run(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let draft = cx.target.claims.subjects.vocabulary();
        let restated: Vec<bool> = cx.index.vocab.iter().map(|v| restates(&draft, v)).collect();
        if !restated.contains(&true) {
            return;
        }
        let position: HashMap<*const Article, usize> = cx
            .coverage
            .iter()
            .enumerate()
            .map(|(i, c)| (std::ptr::from_ref(c.article), i))
            .collect();
        for (ci, claim) in cx.target.claims.claims.iter().enumerate() {
            let Some(what) = Fact::of(claim) else {
                continue;
            };
            let Some(si) = claim.sentence else { continue };
            let related = match &what {
                Fact::Count(c) => cx.related(|i| i.counts_by_noun.get(&c.noun), ci, true),
                Fact::Date(d) => cx.related(|i| i.dates_by_length.get(&length(*d)), ci, true),
            };
            if related.iter().any(|(_, o)| what.agrees(o))
                || is_stated_elsewhere(cx, claim, ci)
                || is_written_in_restated(cx, claim, &restated)
                || (matches!(what, Fact::Date(_)) && dates_a_change(cx.target, si))
            {
                continue;
            }
            let mine = &cx.target.claims.subjects.sentences[si].stems;
            let conflicting: Vec<_> = related
                .into_iter()
                .filter(|(a, o)| {
                    !std::ptr::eq(a.article, cx.target.article)
                        && Fact::of(o).is_some()
                        && !is_another_days_report(cx, claim, *a, o)
                        && !is_stated_beside(cx.target, si, o)
                        && position
                            .get(&std::ptr::from_ref(a.article))
                            .is_some_and(|&i| restated[i])
                        && o.sentence
                            .is_some_and(|s| same_fact(mine, &a.claims.subjects.sentences[s].stems))
                })
                .collect();
            let Some((first, first_claim)) = conflicting.first() else {
                continue;
            };
            out.push(finding(
                self,
                cx,
                claim,
                &what,
                *first,
                first_claim,
                &conflicting,
            ));
        }
    }
}

fn finding(
    check: &ContextConflict,
    cx: &CheckContext<'_>,
    claim: &Claim,
    what: &Fact<'_>,
    first: Checked<'_>,
    first_claim: &Claim,
    conflicting: &[(Checked<'_>, &Claim)],
) -> Finding {
    let message = format!(
        "{} is not in the coverage; the same sentence in {} has {}",
        claim.text.trim(),
        first.article.path.display(),
        first_claim.text.trim()
    );
    let kind = match what {
        Fact::Count(_) => "count",
        Fact::Date(_) => "date",
    };
    // A figure stated as a change ("rose to 410") reports news, not a
    // contradiction: a note, as for CC101.
    let severity = match what {
        Fact::Count(c) if c.change => Severity::Note,
        _ => Severity::Warning,
    };
    let mut f = finding_for(check, cx.target.article, claim, kind, severity, message);
    f.expected = Some(first_claim.text.trim().to_owned());
    for (a, c) in conflicting {
        f.evidence
            .push(article_evidence(a.article, c, c.text.trim().to_owned()));
    }
    f
}

/// What a claim states, for this check.
enum Fact<'c> {
    Count(&'c Count),
    Date(DateRange),
}

impl<'c> Fact<'c> {
    fn of(claim: &'c Claim) -> Option<Fact<'c>> {
        match &claim.data {
            // An increment adds to a figure told before: no total.
            ClaimData::Count(c) if c.increment => None,
            ClaimData::Count(c) => Some(Fact::Count(c)),
            ClaimData::Date(d) => d.value.map(Fact::Date),
            _ => None,
        }
    }

    /// Whether `other` states the same: the same noun (the index's key)
    /// with a value that agrees, or an overlapping date.
    fn agrees(&self, other: &Claim) -> bool {
        match (self, &other.data) {
            // The same hedge on both ("up to 99%", "up to 133%") states
            // the same figure: overlapping is not enough.
            (Fact::Count(c), ClaimData::Count(o)) if c.modifier == o.modifier => {
                c.interval == o.interval || rounds_to(o.value, c.value)
            }
            (Fact::Count(c), ClaimData::Count(o)) => {
                c.interval.overlaps(&o.interval) || rounds_to(o.value, c.value)
            }
            (Fact::Date(d), ClaimData::Date(o)) => o.value.is_some_and(|v| v.overlaps(d)),
            _ => false,
        }
    }
}

/// A count value precise enough (three significant digits or more, 100
/// or more: "30,154", "868 million") that the coverage stating it with
/// another noun ("30,154 new cars" for "30,154 vehicles") supports it, as
/// the key of the index's `counts_by_value`.
pub(crate) fn distinctive_value(v: f64) -> Option<u64> {
    if !(100.0..1e15).contains(&v) {
        return None;
    }
    let significant = if v.fract() == 0.0 {
        // A whole number under 2^53 is exact as an integer, and `{v:.3}`
        // writes its digits then ".000": what counts is its digits
        // without the trailing zeros.
        let mut n = v as u64;
        while n % 10 == 0 {
            n /= 10;
        }
        n.checked_ilog10().map_or(0, |d| d as usize + 1)
    } else {
        let mut digits = format!("{v:.3}");
        digits.retain(|c| c.is_ascii_digit());
        digits.trim_start_matches('0').trim_end_matches('0').len()
    };
    (significant >= 3).then_some(v.to_bits())
}

/// Whether the count `claim` (number `ci` of the target) has a distinctive
/// value that the coverage states with any noun.
pub(crate) fn is_stated_elsewhere(cx: &CheckContext<'_>, claim: &Claim, ci: usize) -> bool {
    let ClaimData::Count(c) = &claim.data else {
        return false;
    };
    distinctive_value(c.value).is_some_and(|v| {
        !cx.related(|i| i.counts_by_value.get(&v), ci, true)
            .is_empty()
    })
}

/// Whether `precise` rounded to the precision `stated` is written with is
/// `stated` ("3.2 billion" for 3.24 billion).
fn rounds_to(precise: f64, stated: f64) -> bool {
    if stated <= 0.0 || precise <= 0.0 {
        return false;
    }
    let step = (-3..=15)
        .rev()
        .map(|k| 10f64.powi(k))
        .find(|p| ((stated / p).round() * p - stated).abs() <= stated * 1e-9)
        .unwrap_or(1.0);
    ((precise / step).round() * step - stated).abs() <= stated * 1e-9
}

/// A date's length in days, months and years as one length each, so that
/// a month is compared with months.
pub(crate) fn length(d: DateRange) -> i64 {
    match (d.end - d.start).num_days() {
        27..=30 => 30,
        89..=91 => 90,
        364..=365 => 365,
        n => n,
    }
}

/// Whether `other` says the same relative words as `claim` ("today")
/// in an article of another day: the same sentence in a daily report,
/// about another day.
/// Whether a date is written word for word in an article the draft
/// restates ("the first quarter" in both, whatever each resolves it to):
/// the same words cannot contradict themselves.
fn is_written_in_restated(cx: &CheckContext<'_>, claim: &Claim, restated: &[bool]) -> bool {
    if !matches!(claim.data, ClaimData::Date(_)) {
        return false;
    }
    let words = claim.text.trim().to_lowercase();
    !words.is_empty()
        && cx
            .coverage
            .iter()
            .zip(restated)
            .any(|(a, &r)| r && a.claims.doc.lower.contains(&words))
}

/// Whether sentence `si` of the draft reports a change ("three more were
/// arrested on Monday", "bringing the total to 15", "rose to"): its date
/// is the day of that news, which the earlier coverage cannot state.
fn dates_a_change(target: Checked<'_>, si: usize) -> bool {
    target.claims.claims.iter().any(|c| {
        c.sentence == Some(si) && matches!(&c.data, ClaimData::Count(n) if n.increment || n.change)
    })
}

/// Whether sentence `si` of the draft states `other`'s value itself: then
/// the claim stands beside it, as another fact, instead of replacing it
/// ("Monday's fire ..., officials said on Tuesday", where the coverage
/// dates the fire Monday).
fn is_stated_beside(target: Checked<'_>, si: usize, other: &Claim) -> bool {
    target
        .claims
        .claims
        .iter()
        .filter(|c| c.sentence == Some(si))
        .any(|c| Fact::of(c).is_some_and(|f| f.agrees(other)))
}

fn is_another_days_report(
    cx: &CheckContext<'_>,
    claim: &Claim,
    a: Checked<'_>,
    other: &Claim,
) -> bool {
    let relative = |c: &Claim| matches!(&c.data, ClaimData::Date(d) if d.relative);
    relative(claim)
        && relative(other)
        && a.article.published != cx.target.article.published
        && claim.text.trim().eq_ignore_ascii_case(other.text.trim())
}

/// Whether two sentences' content words say the same thing.
fn same_fact(a: &[Stem], b: &[Stem]) -> bool {
    let shared = shared_count(a, b);
    let shorter = a.len().min(b.len()).max(1);
    shared >= MIN_SHARED
        && (shared >= MANY_SHARED || shared as f32 >= MIN_SHARED_RATIO * shorter as f32)
}

#[cfg(test)]
mod tests {
    use super::super::testing::flagged;
    use super::*;

    const EARLIER: &str = "The company said quarterly revenue rose 12 percent to $4.1 \
                           billion. Its shares fell 3 percent on Monday.";

    #[test]
    fn a_changed_share_in_the_same_sentence_is_flagged() {
        let draft = "Quarterly revenue rose 15 percent to $4.1 billion, the company said.";
        assert_eq!(flagged(&ContextConflict, draft, EARLIER), ["15 percent"]);
    }

    #[test]
    fn a_figure_stated_anywhere_in_the_coverage_is_supported() {
        let draft = "Quarterly revenue rose 3 percent to $4.1 billion, the company said.";
        assert!(flagged(&ContextConflict, draft, EARLIER).is_empty());
    }

    #[test]
    fn a_rounded_figure_agrees() {
        let draft = "Quarterly revenue rose 12 percent to $4 billion, the company said.";
        assert!(flagged(&ContextConflict, draft, EARLIER).is_empty());
    }

    #[test]
    fn a_changed_weekday_in_the_same_sentence_is_flagged() {
        let draft = "The company's shares fell 3 percent on Tuesday.";
        assert_eq!(flagged(&ContextConflict, draft, EARLIER), ["Tuesday"]);
    }

    #[test]
    fn a_date_beside_the_coverage_date_is_another_fact() {
        // The fire was on Monday in both; Tuesday is when officials spoke.
        let earlier = "A fire at the port killed 12 workers on Monday, officials said.";
        let draft = "The toll from Monday's fire at the port rose, officials said on Tuesday.";
        assert!(flagged(&ContextConflict, draft, earlier).is_empty());
        // Near-miss: the same sentence with the fire moved to Tuesday.
        let draft = "The toll from Tuesday's fire at the port rose, officials said.";
        assert_eq!(flagged(&ContextConflict, draft, earlier), ["Tuesday"]);
    }

    #[test]
    fn the_date_of_a_change_is_new_news() {
        let earlier = "Police arrested 12 people after the march on Sunday, officials said.";
        let draft = "Police arrested three more people after the march on Monday, \
                     officials said.";
        assert!(flagged(&ContextConflict, draft, earlier).is_empty());
        // The new figure itself is a note (a change); its day is not flagged.
        let draft = "The number of people police arrested after the march rose to 15 \
                     on Monday, officials said.";
        assert_eq!(flagged(&ContextConflict, draft, earlier), ["15"]);
        // Near-miss: the same arrests moved to another day.
        let draft = "Police arrested 12 people after the march on Monday, officials said.";
        assert_eq!(flagged(&ContextConflict, draft, earlier), ["Monday"]);
    }

    #[test]
    fn a_draft_that_does_not_restate_the_coverage_is_not_compared() {
        let draft = "Quarterly revenue rose 15 percent to $4.1 billion, the company said. \
                     Its new chief executive toured factories in Ohio, Texas and Oregon, \
                     met union leaders and promised investment in batteries.";
        assert!(flagged(&ContextConflict, draft, EARLIER).is_empty());
    }

    #[test]
    fn a_precise_figure_stated_with_another_noun_is_supported() {
        let earlier = "Dealers sold 30,154 new cars and trucks in October. They sold \
                       208,560 new vehicles this year.";
        let draft = "Dealers sold 30,154 new vehicles in October.";
        assert!(flagged(&ContextConflict, draft, earlier).is_empty());
        let draft = "Dealers sold 30,514 new vehicles in October.";
        assert_eq!(
            flagged(&ContextConflict, draft, earlier),
            ["30,514 new vehicles"]
        );
    }

    #[test]
    fn three_significant_digits_make_a_value_distinctive() {
        assert!(distinctive_value(30_154.0).is_some());
        assert!(distinctive_value(868e6).is_some());
        assert!(distinctive_value(1_100.0).is_none());
        assert!(distinctive_value(45.0).is_none());
    }

    /// `distinctive_value` as it was, through `format!` for every value.
    fn distinctive_value_formatted(v: f64) -> Option<u64> {
        if !(100.0..1e15).contains(&v) {
            return None;
        }
        let mut digits = format!("{v:.3}");
        digits.retain(|c| c.is_ascii_digit());
        let significant = digits.trim_start_matches('0').trim_end_matches('0').len();
        (significant >= 3).then_some(v.to_bits())
    }

    #[test]
    fn distinctive_values_are_those_the_formatted_digits_give() {
        let mut values = vec![
            0.0,
            99.0,
            99.999,
            100.0,
            101.0,
            110.0,
            120.5,
            1_000.0,
            1_100.0,
            1_110.0,
            30_154.0,
            868e6,
            3.24e9,
            3.2e9,
            1e14,
            999_999_999_999_999.0,
            1e15,
            2.5e3,
            100.0004,
            100.0005,
            1234.5678,
            f64::NAN,
            f64::INFINITY,
            -500.0,
        ];
        for k in 2..15 {
            let p = 10f64.powi(k);
            for m in [1.0, 1.1, 1.2, 1.23, 1.5, 2.0, 9.99, 9.999, 1.001, 4.567_89] {
                values.push(m * p);
                values.push((m * p).round());
                values.push(m * p + 0.5);
            }
        }
        for v in values {
            assert_eq!(distinctive_value(v), distinctive_value_formatted(v), "{v}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_distinctive_value_is_the_formatted_digits_one(
            n in 0u64..2_000_000_000_000_000,
            frac in 0u32..4,
            exp in 0i32..4,
        ) {
            let v = n as f64 / 10f64.powi(exp) + f64::from(frac) * 0.125;
            proptest::prop_assert_eq!(distinctive_value(v), distinctive_value_formatted(v));
        }
    }

    #[test]
    fn the_same_hedge_with_another_figure_is_flagged() {
        let earlier = "More than 10 million users signed up on the first day, the company said.";
        let draft = "The company said more than 13 million users signed up on the first day.";
        assert_eq!(
            flagged(&ContextConflict, draft, earlier),
            ["more than 13 million users"]
        );
    }

    #[test]
    fn a_figure_in_an_unrelated_sentence_is_not_compared() {
        let draft = "Analysts expect 15 percent growth in cloud services next year.";
        assert!(flagged(&ContextConflict, draft, EARLIER).is_empty());
    }

    #[test]
    fn a_date_written_as_in_the_restated_article_is_not_a_conflict() {
        let coverage = "Sales at the chain rose in the first quarter, the company said on Monday.";
        super::super::testing::Case::new(
            "Sales at the chain rose in the first quarter, the company said.",
        )
        .coverage_on(coverage, "2026-03-03")
        .finds_nothing("CC106");
    }
}
