//! CC001 count-mismatch: a count that the rules' figure in force does not fit.

use super::{finding_for, rule_evidence, words_in, CheckContext, Run};
use crate::extract::{ClaimData, Count};
use crate::finding::{Finding, Severity};
use crate::rules::{Fact, FactValue};

declare_check! {
    /// ## What it does
    /// Compares each count in the article with the rule facts about the same
    /// counted noun (and context words, and without excluded qualifiers), using
    /// the value in force on the article's publication date. The article's
    /// wording is an interval ("about 50" is 45 to 55, "more than 40" is above
    /// 40); the count is at fault when the value in force lies outside it.
    ///
    /// ## Why is this bad
    /// Figures drift between drafts ("340 stranded" becomes "400"); a stale figure
    /// that was true last week is still wrong today.
    ///
    /// ## Example
    /// With a fact `passengers stranded: 340 from 2026-02-28`, the sentence
    /// "More than 400 passengers were stranded" is reported, with the rule and
    /// its source as evidence. A part of a group ("three of the stranded
    /// passengers") is never compared with a total.
    pub(crate) struct CountMismatch {
        code: "CC001",
        name: "count-mismatch",
    }
}

impl Run for CountMismatch {
    fn run(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let article = cx.target.article;
        let Some(date) = article.published else {
            return;
        };
        for claim in &cx.target.claims.claims {
            let ClaimData::Count(count) = &claim.data else {
                continue;
            };
            if count.partitive {
                continue;
            }
            let sentence = claim
                .sentence
                .map_or("", |s| cx.target.claims.doc.sentence_text(s));
            for fact in cx
                .rules
                .facts
                .iter()
                .filter(|f| fact_matches(f, count, sentence))
            {
                let in_force = fact.values.iter().find(|v| v.holds_on(date));
                let Some(value) = in_force else {
                    continue;
                };
                if value_fits(value, count) {
                    continue;
                }
                let expected = describe_value(value);
                let mut message = format!(
                    "{} contradicts rule `{}`: {} on {date}",
                    claim.text.trim(),
                    fact.id,
                    expected
                );
                if let Some(source) = &value.source {
                    message.push_str(&format!(" ({source})"));
                }
                if let Some(stale) = fact
                    .values
                    .iter()
                    .find(|v| !std::ptr::eq(*v, value) && value_fits(v, count))
                {
                    message.push_str(&format!(
                        "; the article's figure is stale: it held {}",
                        describe_span(stale)
                    ));
                }
                let mut f = finding_for(self, article, claim, "count", Severity::Error, message);
                f.expected = Some(expected.clone());
                f.evidence.push(rule_evidence(
                    &value.loc,
                    &fact.id,
                    match &fact.about {
                        Some(about) => format!("{expected} ({about})"),
                        None => format!("{expected} {}", fact.nouns.join("/")),
                    },
                ));
                out.push(f);
            }
        }
    }
}

/// Whether `fact` is about what `count` counts (RULES.md: noun, exclude,
/// context).
pub(crate) fn fact_matches(fact: &Fact, count: &Count, sentence: &str) -> bool {
    let noun_ok = fact.nouns.iter().any(|n| nouns_equal(n, &count.noun));
    let excluded = count
        .qualifiers
        .iter()
        .any(|q| fact.exclude.iter().any(|e| e.eq_ignore_ascii_case(q)));
    let context_ok = fact.context.is_empty() || fact.context.iter().any(|w| words_in(sentence, w));
    noun_ok && !excluded && context_ok
}

/// Rule nouns are singular, but editors write plurals too.
fn nouns_equal(rule_noun: &str, noun: &str) -> bool {
    let r = rule_noun.to_lowercase();
    r == noun
        || r.strip_suffix('s').is_some_and(|s| s == noun)
        || (r == "people" && noun == "person")
        || (r == "person" && noun == "people")
}

fn value_fits(value: &FactValue, count: &Count) -> bool {
    let iv = &count.interval;
    // Some point of [min, max] must lie in the count's interval.
    let lo_ok = if iv.hi_open {
        value.min < iv.hi
    } else {
        value.min <= iv.hi
    };
    let hi_ok = if iv.lo_open {
        value.max > iv.lo
    } else {
        value.max >= iv.lo
    };
    lo_ok && hi_ok
}

fn describe_value(v: &FactValue) -> String {
    if v.min == v.max {
        fmt_num(v.min)
    } else {
        format!("{} to {}", fmt_num(v.min), fmt_num(v.max))
    }
}

fn describe_span(v: &FactValue) -> String {
    match (v.from, v.until) {
        (Some(f), Some(u)) => format!("from {f} until {u}"),
        (Some(f), None) => format!("from {f}"),
        (None, Some(u)) => format!("until {u}"),
        (None, None) => "earlier".to_owned(),
    }
}

/// A number without a needless `.0`.
pub(crate) fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_finds, assert_passes, Case};
    use crate::finding::Severity;

    /// 340 stranded passengers from 2026-03-02, 260 before; a count of
    /// rescued passengers is another figure.
    const RULES: &str = "
facts:
  - id: port-stranded
    about: passengers stranded at the port
    noun: passenger
    context: [stranded]
    exclude: [rescued]
    values:
      - value: 260
        from: 2026-02-27
        until: 2026-03-01
      - value: 340
        from: 2026-03-02
        until: 2026-03-10
        source: port authority
";

    fn finds(text: &str, claim: &str) -> crate::finding::Finding {
        assert_finds("CC001", text, &[], RULES, claim)
    }

    fn passes(text: &str, claim: &str) {
        assert_passes("CC001", text, &[], RULES, claim);
    }

    #[test]
    fn count_outside_the_figure_in_force_is_an_error_citing_the_rule() {
        let f = finds(
            "More than 400 passengers were stranded at the port.",
            "More than 400 passengers",
        );
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.expected.as_deref(), Some("340"));
        assert!(f.message.contains("port-stranded"), "{}", f.message);
        assert!(f.message.contains("port authority"), "{}", f.message);
        assert_eq!(f.evidence.len(), 1);
        assert_eq!(f.evidence[0].rule.as_deref(), Some("port-stranded"));
    }

    #[test]
    fn hedged_count_whose_interval_holds_the_figure_is_consistent() {
        passes(
            "About 350 passengers were stranded at the port.",
            "About 350 passengers",
        );
        passes(
            "340 passengers were stranded at the port.",
            "340 passengers",
        );
        passes(
            "At least 300 passengers were stranded at the port.",
            "At least 300 passengers",
        );
    }

    #[test]
    fn part_of_a_group_is_never_compared_with_the_total() {
        passes(
            "Three of the stranded passengers were taken to hospital.",
            "Three of the stranded passengers",
        );
    }

    #[test]
    fn excluded_qualifier_makes_another_figure() {
        passes(
            "12 rescued passengers were stranded at the port.",
            "12 rescued passengers",
        );
    }

    #[test]
    fn count_without_a_context_word_is_not_the_fact() {
        passes(
            "More than 400 passengers boarded the ferry.",
            "More than 400 passengers",
        );
    }

    #[test]
    fn stale_figure_says_since_when_it_no_longer_holds() {
        let f = finds(
            "260 passengers were stranded at the port.",
            "260 passengers",
        );
        assert!(
            f.message
                .contains("stale: it held from 2026-02-27 until 2026-03-01"),
            "{}",
            f.message
        );
    }

    #[test]
    fn no_value_in_force_gives_no_verdict() {
        let case = Case::new("More than 400 passengers were stranded at the port.").rules(RULES);
        case.published(Some("2026-02-01"))
            .passes("CC001", "More than 400 passengers");
    }

    #[test]
    fn undated_article_gives_no_verdict() {
        Case::new("More than 400 passengers were stranded at the port.")
            .rules(RULES)
            .published(None)
            .passes("CC001", "More than 400 passengers");
    }
}
