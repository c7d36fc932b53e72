//! CC003 title-mismatch: a title the rules do not give that person then.

use super::people::{org_compatible, rule_entity};
use super::{finding_for, rule_evidence, CheckContext, Run};
use crate::extract::ClaimData;
use crate::finding::{Finding, Severity};
use crate::rules::{Entity, Role, RuleSet};
use chrono::NaiveDate;

declare_check! {
    /// ## What it does
    /// For each title given to a person the rules know ("Secretary of State
    /// JD Brennan"), checks that one of the person's roles in force on the
    /// publication date has that title (case aside; "Minister" fits
    /// "Foreign Minister") and a compatible organisation (an unstated one
    /// fits any). When someone else holds that title then, names them.
    ///
    /// ## Why is this bad
    /// Swapped or outdated titles are common in fast-moving coverage and
    /// tell readers the desk does not know who is who.
    ///
    /// ## Example
    /// With rules giving Dana Okafor the title Transport Minister,
    /// "Transport Minister Pieter Hale" is reported, naming Dana Okafor as
    /// the holder.
    pub(crate) struct TitleMismatch {
        code: "CC003",
        name: "title-mismatch",
    }
}

impl Run for TitleMismatch {
    fn run(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        let Some(date) = cx.target.article.published else {
            return;
        };
        for claim in &cx.target.claims.claims {
            let ClaimData::Role(role) = &claim.data else {
                continue;
            };
            let Some(entity) = rule_entity(cx.rules, &role.person) else {
                continue;
            };
            if entity.roles.is_empty() {
                continue;
            }
            let org = role.org.as_deref();
            if entity.roles.iter().any(|r| {
                r.holds_on(date)
                    && title_fits(&r.title, &role.title)
                    && org_compatible(cx.rules, r.org.as_deref(), org)
            }) {
                continue;
            }
            let mut message = format!(
                "{} is not {} on {date} according to the rules",
                entity.name, role.title
            );
            if let Some(past) = entity
                .roles
                .iter()
                .find(|r| title_fits(&r.title, &role.title))
            {
                message.push_str(&format!(" (held {})", held(past)));
            }
            let holders = holders_on(cx.rules, date, &role.title, org, entity);
            if !holders.is_empty() {
                let names: Vec<&str> = holders.iter().map(|(e, _)| e.name.as_str()).collect();
                message.push_str(&format!(
                    "; the {} then is {}",
                    role.title,
                    names.join(", ")
                ));
            }
            let current: Vec<&Role> = entity.roles.iter().filter(|r| r.holds_on(date)).collect();
            let mut f = finding_for(
                self,
                cx.target.article,
                claim,
                "role",
                Severity::Error,
                message,
            );
            f.expected = Some(if current.is_empty() {
                format!("{}: no title in force", entity.name)
            } else {
                current
                    .iter()
                    .map(|r| r.title.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            for r in &current {
                f.evidence.push(rule_evidence(
                    &r.loc,
                    &entity.name,
                    format!("{}: {}", entity.name, r.title),
                ));
            }
            for (e, r) in holders {
                f.evidence.push(rule_evidence(
                    &r.loc,
                    &e.name,
                    format!("{}: {}", e.name, r.title),
                ));
            }
            out.push(f);
        }
    }
}

/// Other entities holding `title` on `date` with a compatible org.
fn holders_on<'r>(
    rules: &'r RuleSet,
    date: NaiveDate,
    title: &str,
    org: Option<&str>,
    except: &Entity,
) -> Vec<(&'r Entity, &'r Role)> {
    rules
        .entities
        .iter()
        .filter(|e| !std::ptr::eq(*e, except))
        .filter_map(|e| {
            e.roles
                .iter()
                .find(|r| {
                    r.holds_on(date)
                        && title_fits(&r.title, title)
                        && org_compatible(rules, r.org.as_deref(), org)
                })
                .map(|r| (e, r))
        })
        .collect()
}

fn held(r: &Role) -> String {
    match (r.from, r.until) {
        (Some(f), Some(u)) => format!("from {f} until {u}"),
        (Some(f), None) => format!("from {f}"),
        (None, Some(u)) => format!("until {u}"),
        (None, None) => "at some time".to_owned(),
    }
}

fn title_words(t: &str) -> Vec<String> {
    t.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether an article's title fits a rule's: the same words, or fewer
/// words of it in order ending in the same head word ("Minister" fits
/// "Foreign Minister").
pub(crate) fn title_fits(rule_title: &str, article_title: &str) -> bool {
    let r = title_words(rule_title);
    let a = title_words(article_title);
    if r == a {
        return true;
    }
    if a.is_empty() || a.len() > r.len() || r.last() != a.last() {
        return false;
    }
    let mut it = r.iter();
    a.iter().all(|w| it.any(|x| x == w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{assert_finds, assert_passes};
    use crate::finding::Severity;

    #[test]
    fn shorter_title_with_same_head_fits() {
        assert!(title_fits("Foreign Minister", "minister"));
        assert!(title_fits("Special Envoy", "Special Envoy"));
        assert!(!title_fits("Vice President", "Secretary of State"));
        assert!(!title_fits("Foreign Minister", "Prime Minister"));
    }

    /// Okafor took the transport post from Hale, who moved to finance.
    const RULES: &str = "
entities:
  - name: Dana Okafor
    roles:
      - title: Transport Minister
        from: 2025-06-01
  - name: Pieter Hale
    roles:
      - title: Transport Minister
        from: 2023-01-01
        until: 2025-05-31
      - title: Finance Minister
        from: 2025-06-01
  - name: Omar Farouk
    roles:
      - title: Prime Minister
        org: Oman
        from: 2024-01-01
";

    fn passes(text: &str, claim: &str) {
        assert_passes("CC003", text, &[], RULES, claim);
    }

    #[test]
    fn title_held_by_someone_else_names_the_holder() {
        let f = assert_finds(
            "CC003",
            "Transport Minister Pieter Hale toured the depot.",
            &[],
            RULES,
            "Transport Minister Pieter Hale",
        );
        assert_eq!(f.severity, Severity::Error);
        assert!(
            f.message
                .contains("the Transport Minister then is Dana Okafor"),
            "{}",
            f.message
        );
        assert!(
            f.message.contains("held from 2023-01-01 until 2025-05-31"),
            "{}",
            f.message
        );
        assert_eq!(f.expected.as_deref(), Some("Finance Minister"));
        assert!(f.evidence.iter().any(|e| e.text.contains("Dana Okafor")));
    }

    #[test]
    fn title_in_force_is_consistent() {
        passes(
            "Transport Minister Dana Okafor toured the depot.",
            "Transport Minister Dana Okafor",
        );
        passes(
            "Finance Minister Pieter Hale toured the depot.",
            "Finance Minister Pieter Hale",
        );
    }

    #[test]
    fn title_held_before_the_publication_date_is_reported_as_past() {
        let f = assert_finds(
            "CC003",
            "Transport Minister Pieter Hale toured the depot.",
            &[],
            RULES,
            "Transport Minister Pieter Hale",
        );
        assert!(f
            .message
            .contains("is not Transport Minister on 2026-03-03"));
    }

    #[test]
    fn org_adjective_fits_the_rule_org() {
        passes(
            "Omani Prime Minister Omar Farouk arrived in the capital.",
            "Omani Prime Minister Omar Farouk",
        );
    }

    #[test]
    fn another_country_org_is_a_mismatch() {
        assert_finds(
            "CC003",
            "Egyptian Prime Minister Omar Farouk arrived in the capital.",
            &[],
            RULES,
            "Egyptian Prime Minister Omar Farouk",
        );
    }

    #[test]
    fn person_unknown_to_the_rules_is_not_checked() {
        passes(
            "Transport Minister Lena Varga toured the depot.",
            "Transport Minister Lena Varga",
        );
    }
}
