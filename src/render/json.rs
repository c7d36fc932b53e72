//! Findings as JSON (the contract in the eval README). Each piece of
//! evidence carries `published` (a date or null) and, when it is another
//! article, `relation` (`earlier`, `same-day`, `later`, or null when either
//! article is undated).

use crate::finding::{DiffOp, Evidence, Finding};
use serde::Serialize;
use serde_json::Value;

/// A finding as the JSON contract has it. Keys are written sorted (through
/// [`Value`], whose maps are ordered), so the output does not depend on
/// the order of these fields.
#[derive(Serialize)]
pub struct FindingJson<'a> {
    path: std::borrow::Cow<'a, str>,
    line: usize,
    column: usize,
    kind: &'a str,
    code: &'a str,
    name: &'a str,
    severity: &'a str,
    message: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<&'a str>,
    evidence: Vec<EvidenceJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    diff: Option<Vec<DiffJson<'a>>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
}

/// A piece of evidence: `rule` for a rule, else `relation` (null when
/// either article is undated).
#[derive(Serialize)]
pub struct EvidenceJson<'a> {
    path: std::borrow::Cow<'a, str>,
    line: usize,
    column: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relation: Option<Option<&'a str>>,
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alignment: Option<&'a crate::subject::Alignment>,
}

/// One step of a word diff.
#[derive(Serialize)]
pub struct DiffJson<'a> {
    op: &'static str,
    text: &'a str,
}

impl<'a> From<&'a Evidence> for EvidenceJson<'a> {
    fn from(e: &'a Evidence) -> Self {
        EvidenceJson {
            path: e.location.path.to_string_lossy(),
            line: e.location.line,
            column: e.location.column,
            text: &e.text,
            rule: e.rule.as_deref(),
            relation: e.rule.is_none().then(|| e.relation.map(|r| r.as_str())),
            published: e.published.map(|p| p.to_string()),
            alignment: e.alignment.as_ref(),
        }
    }
}

impl<'a> From<&'a Finding> for FindingJson<'a> {
    fn from(f: &'a Finding) -> Self {
        FindingJson {
            path: f.location.path.to_string_lossy(),
            line: f.location.line,
            column: f.location.column,
            kind: f.kind,
            code: f.code,
            name: f.name,
            severity: f.severity.as_str(),
            message: &f.message,
            text: &f.claim_text,
            expected: f.expected.as_deref(),
            evidence: f.evidence.iter().map(EvidenceJson::from).collect(),
            diff: f.diff.as_ref().map(|d| {
                d.iter()
                    .map(|op| match op {
                        DiffOp::Same(t) => DiffJson {
                            op: "same",
                            text: t,
                        },
                        DiffOp::Removed(t) => DiffJson {
                            op: "removed",
                            text: t,
                        },
                        DiffOp::Added(t) => DiffJson {
                            op: "added",
                            text: t,
                        },
                    })
                    .collect()
            }),
            notes: &f.notes,
        }
    }
}

/// One finding as a JSON object.
pub fn finding_json(f: &Finding) -> Value {
    serde_json::to_value(FindingJson::from(f)).unwrap_or(Value::Null)
}

/// `{"findings": [...]}`.
pub fn render_findings_json(findings: &[Finding]) -> String {
    let v =
        serde_json::json!({ "findings": findings.iter().map(finding_json).collect::<Vec<_>>() });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// One finding per line.
pub fn render_findings_jsonl(findings: &[Finding]) -> String {
    let mut s = String::new();
    for f in findings {
        s.push_str(&finding_json(f).to_string());
        s.push('\n');
    }
    s
}
