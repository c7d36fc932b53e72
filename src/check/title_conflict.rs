//! CC105 title-conflict: coverage gives a person another office, or the
//! office to another person.

use super::keys::{title_head, title_key};
use super::people::{org_compatible, person_key};
use super::{article_evidence, finding_for, CheckContext, Run};
use crate::extract::{Claim, ClaimData, RoleClaim};
use crate::finding::{Finding, Severity};

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
    /// Swapped titles ("Secretary of State JD Vance") mislead readers about
    /// who holds power.
    ///
    /// ## Example
    /// Coverage: "Transport Minister Dana Okafor"; draft: "Transport
    /// Minister Pieter Hale": a warning.
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
            let person = person_key(&role.person);
            let office = title_key(&role.title);
            let mut conflicting = Vec::new();
            for (other, oc) in cx.related(|i| i.titles_by_person.get(&person), ci, true) {
                let Some(o) = as_role(oc) else { continue };
                if !role.additional
                    && !o.additional
                    && title_key(&o.title) != office
                    && title_head(&o.title) == title_head(&role.title)
                    && org_compatible(cx.rules, o.org.as_deref(), role.org.as_deref())
                {
                    conflicting.push((other, oc, format!("{}: {}", o.person, o.title)));
                }
            }
            for (other, oc) in cx.related(|i| i.people_by_title.get(&office), ci, true) {
                let Some(o) = as_role(oc) else { continue };
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
