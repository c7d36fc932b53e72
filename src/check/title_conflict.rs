//! CC105 title-conflict: coverage gives a person another office, or the
//! office to another person.

use super::people::{org_compatible, person_key};
use super::{article_evidence, finding_for, CheckContext, Run};
use crate::extract::{Claim, ClaimData, RoleClaim};
use crate::finding::{Finding, Severity};
use crate::lexicon::titles;
use crate::subject::keys::{is_shortened, title_head, title_key};

declare_check! {
    /// ## What it does
    /// Compares titles with coverage published within `--window` days (and
    /// with earlier titles in the article): one person given two offices
    /// with the same head word ("Foreign Minister" and "Defence Minister"),
    /// unless one is stated as additional ("who is also ..."); or one office
    /// given to two people. Two people may share a generic title in
    /// different organisations, so an office is only compared when both
    /// mentions name compatible organisations, or neither does and the
    /// title names its domain ("Secretary of State", "Minister of Health").
    ///
    /// ## Why is this bad
    /// Swapped titles ("Secretary of State JD Brennan") mislead readers about
    /// who holds power.
    ///
    /// ## Example
    /// Coverage: "Finance Minister Pieter Hale"; draft: "Transport Minister
    /// Pieter Hale": a warning. Coverage: "Secretary of State Dana Okafor";
    /// draft: "Secretary of State Pieter Hale": a warning too.
    pub(crate) struct TitleConflict {
        code: "CC105",
        name: "title-conflict",
    }
}

impl Run for TitleConflict {
    fn run(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        for (ci, claim) in cx.target.claims.claims.iter().enumerate() {
            let Some(role) = as_role(claim) else {
                continue;
            };
            // An office at another time ("former governor") is compatible
            // with any office now.
            if role.qualifier.is_some() {
                continue;
            }
            let person = person_key(&role.person);
            let office = title_key(&role.title);
            let mut conflicting = Vec::new();
            for (other, oc) in cx.related(|i| i.titles_by_person.get(&person), ci, true) {
                let Some(o) = as_role(oc) else { continue };
                if o.qualifier.is_none()
                    && !role.additional
                    && !o.additional
                    && title_key(&o.title) != office
                    && title_head(&o.title) == title_head(&role.title)
                    && !is_shortened(&title_key(&o.title), &office)
                    && org_compatible(cx.rules, o.org.as_deref(), role.org.as_deref())
                {
                    conflicting.push((other, oc, format!("{}: {}", o.person, o.title)));
                }
            }
            // Many people hold an office such as "senator" or "lecturer"
            // at once: another holder is no conflict.
            let shared = titles::is_shared_office(&title_head(&role.title));
            for (other, oc) in cx.related(|i| i.people_by_title.get(&office), ci, true) {
                let Some(o) = as_role(oc) else { continue };
                if shared || o.qualifier.is_some() {
                    continue;
                }
                let comparable = match (&role.org, &o.org) {
                    (Some(a), Some(b)) => org_compatible(cx.rules, Some(a), Some(b)),
                    (None, None) => office.contains(" of "),
                    _ => false,
                };
                if comparable && person_key(&o.person) != person {
                    conflicting.push((other, oc, format!("{}: {}", o.person, o.title)));
                }
            }
            let Some((first, _, what)) = conflicting.first() else {
                continue;
            };
            let message = format!(
                "{} is called {} here; coverage in {} has {what}",
                role.person,
                role.title,
                first.article.path.display()
            );
            let mut f = finding_for(
                self,
                cx.target.article,
                claim,
                "role",
                Severity::Warning,
                message,
            );
            f.expected = Some(what.clone());
            for (a, c, text) in &conflicting {
                f.evidence
                    .push(article_evidence(a.article, c, text.clone()));
            }
            out.push(f);
        }
    }
}

fn as_role(c: &Claim) -> Option<&RoleClaim> {
    match &c.data {
        ClaimData::Role(r) => Some(r),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_finds, assert_passes, Case};
    use crate::finding::Severity;

    const FINANCE: &str = "Finance Minister Pieter Hale opened the session.";

    fn passes(text: &str, coverage: &str, claim: &str) {
        assert_passes("CC105", text, &[coverage], "", claim);
    }

    #[test]
    fn person_given_another_office_with_the_same_head_is_a_warning() {
        let f = assert_finds(
            "CC105",
            "Transport Minister Pieter Hale opened the session.",
            &[FINANCE],
            "",
            "Transport Minister Pieter Hale",
        );
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.expected.as_deref(), Some("Pieter Hale: Finance Minister"));
    }

    #[test]
    fn added_title_with_who_is_also_is_consistent() {
        passes(
            "Pieter Hale, who is also Transport Minister, opened the session.",
            FINANCE,
            "Pieter Hale, who is also Transport Minister",
        );
    }

    #[test]
    fn an_abbreviated_title_is_the_same_office() {
        let coverage = "Attorney General Pieter Hale opened the session.";
        passes(
            "Atty. Gen. Pieter Hale opened the session.",
            coverage,
            "Atty. Gen. Pieter Hale",
        );
        // Near-miss: another office under the abbreviation.
        assert_finds(
            "CC105",
            "Lt. Gen. Pieter Hale opened the session.",
            &[coverage],
            "",
            "Lt. Gen. Pieter Hale",
        );
    }

    #[test]
    fn office_with_another_head_word_is_not_compared() {
        passes(
            "Deputy Mayor Pieter Hale opened the session.",
            FINANCE,
            "Deputy Mayor Pieter Hale",
        );
    }

    #[test]
    fn office_given_to_another_person_is_a_warning() {
        let f = assert_finds(
            "CC105",
            "Secretary of State Pieter Hale opened the session.",
            &["Secretary of State Dana Okafor opened the session."],
            "",
            "Secretary of State Pieter Hale",
        );
        assert!(f.message.contains("Dana Okafor"), "{}", f.message);
    }

    #[test]
    fn generic_office_without_orgs_may_be_held_by_two_people() {
        passes(
            "Prime Minister Yusuf Rahim opened the session.",
            "Prime Minister Omar Farouk opened the session.",
            "Prime Minister Yusuf Rahim",
        );
    }

    #[test]
    fn office_in_the_same_country_is_compared_by_org_adjective() {
        assert_finds(
            "CC105",
            "Omani Prime Minister Yusuf Rahim opened the session.",
            &["Omani Prime Minister Omar Farouk opened the session."],
            "",
            "Omani Prime Minister Yusuf Rahim",
        );
        passes(
            "Egyptian Prime Minister Yusuf Rahim opened the session.",
            "Omani Prime Minister Omar Farouk opened the session.",
            "Egyptian Prime Minister Yusuf Rahim",
        );
    }

    #[test]
    fn office_named_without_of_or_org_is_not_compared_across_people() {
        passes(
            "Transport Minister Pieter Hale opened the session.",
            "Transport Minister Dana Okafor opened the session.",
            "Transport Minister Pieter Hale",
        );
    }

    #[test]
    fn coverage_outside_the_window_is_not_compared() {
        Case::new("Transport Minister Pieter Hale opened the session.")
            .coverage_on(FINANCE, "2026-01-10")
            .passes("CC105", "Transport Minister Pieter Hale");
    }

    #[test]
    fn a_former_office_is_compatible_with_another_office_now() {
        passes(
            "Former Transport Minister Pieter Hale opened the session.",
            FINANCE,
            "Former Transport Minister Pieter Hale",
        );
        passes(
            "Finance Minister Pieter Hale opened the session.",
            "Former Finance Minister Anna Brandt opened the session.",
            "Finance Minister Pieter Hale",
        );
    }

    #[test]
    fn an_office_many_hold_at_once_never_conflicts_between_two_people() {
        passes(
            "Dutch Senator Pieter Hale opened the session.",
            "Dutch Senator Anna Brandt opened the session.",
            "Dutch Senator Pieter Hale",
        );
    }

    #[test]
    fn an_office_named_without_its_first_words_is_the_same_office() {
        passes(
            "Coach Pieter Hale praised the team.",
            "Head Coach Pieter Hale praised the team.",
            "Coach Pieter Hale",
        );
    }

    #[test]
    fn then_joined_to_the_office_is_a_time_qualifier() {
        passes(
            "The guild fell out with then-deputy minister Pieter Hale.",
            "Transport Minister Pieter Hale opened the session.",
            "then-deputy minister Pieter Hale",
        );
    }
}
