//! Claims with their subject keys, as JSON objects (`extract --format
//! jsonl --keys`): what an engine other than claimcheck needs to join
//! claims across articles, one article at a time (see docs/scale.md).
//!
//! Each claim's object of [`super::claims::claim_json`] gains the
//! article's publication date, the subject the claim is filed under (the
//! same key the coverage index files it under), its owner, and its
//! sentence's content-word stems (hex, for similarity in SQL). It decides
//! nothing about which claims agree.

use crate::check::people::person_key;
use crate::extract::{ClaimData, Extraction};
use crate::source::Article;
use crate::subject::keys::title_key;
use crate::subject::Subjects;
use serde_json::{json, Value};

/// Claim number `ci` of `claims` with its subject keys.
pub fn claim_json_with_keys(
    article: &Article,
    claims: &Extraction,
    subjects: &Subjects,
    ci: usize,
) -> Value {
    let claim = &claims.claims[ci];
    let mut v = super::claims::claim_json(article, claim);
    let keys = subjects.keys.get(ci);
    let subject = match &claim.data {
        ClaimData::Count(_) => keys
            .and_then(|k| k.count.as_deref())
            .map(|k| format!("count:{k}")),
        ClaimData::Date(_) => keys
            .and_then(|k| k.event.as_ref())
            .map(|e| format!("event:{}|{}|{}", e.verb, e.agent, e.object)),
        ClaimData::Role(r) => Some(format!("person:{}", person_key(&r.person))),
        ClaimData::Quote(q) => q
            .speaker
            .as_deref()
            .map(|s| format!("speaker:{}", person_key(s))),
        ClaimData::Temporal(_) | ClaimData::Figure(_) => None,
    };
    let Value::Object(m) = &mut v else {
        return v;
    };
    m.insert(
        "published".into(),
        json!(article.published.map(|d| d.to_string())),
    );
    m.insert("subject".into(), json!(subject));
    if let Some(p) = keys.and_then(|k| k.predicate.as_deref()) {
        m.insert("predicate".into(), json!(p));
    }
    if let ClaimData::Role(r) = &claim.data {
        m.insert("office".into(), json!(title_key(&r.title)));
    }
    m.insert(
        "owner".into(),
        json!(subjects.owners.get(ci).cloned().flatten()),
    );
    let stems: Vec<String> = subjects
        .terms(claim)
        .stems
        .iter()
        .map(|s| format!("{s:016x}"))
        .collect();
    m.insert("stems".into(), json!(stems));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_claims;
    use crate::rules::RuleSet;
    use crate::subject::subjects;

    #[test]
    fn a_count_carries_its_subject_date_and_stems() {
        let a = Article::from_source(
            "a.md",
            "---\npublished: 2026-03-03\n---\nThe flood closed 14 schools in Eastwick.\n"
                .to_owned(),
            None,
        );
        let c = extract_claims(&a, &RuleSet::default());
        let ci = c
            .claims
            .iter()
            .position(|c| matches!(c.data, ClaimData::Count(_)))
            .expect("a count");
        let v = claim_json_with_keys(&a, &c, &subjects(&c.doc, &c.claims), ci);
        assert_eq!(v["published"], "2026-03-03");
        assert!(
            v["subject"]
                .as_str()
                .is_some_and(|s| s.starts_with("count:") && s.contains("school")),
            "{v}"
        );
        assert!(!v["stems"].as_array().expect("stems").is_empty(), "{v}");
    }
}
