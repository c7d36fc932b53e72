//! Findings as JSON (the contract in the eval README). Each piece of
//! evidence carries `published` (a date or null) and, when it is another
//! article, `relation` (`earlier`, `same-day`, `later`, or null when either
//! article is undated).

use crate::finding::{DiffOp, Finding};
use serde_json::{json, Map, Value};

/// One finding as a JSON object.
pub fn finding_json(f: &Finding) -> Value {
    let mut m = Map::new();
    m.insert("path".into(), json!(f.path.to_string_lossy()));
    m.insert("line".into(), json!(f.line));
    m.insert("column".into(), json!(f.column));
    m.insert("kind".into(), json!(f.kind));
    m.insert("code".into(), json!(f.code));
    m.insert("name".into(), json!(f.name));
    m.insert("severity".into(), json!(f.severity.as_str()));
    m.insert("message".into(), json!(f.message));
    m.insert("text".into(), json!(f.claim_text));
    if let Some(e) = &f.expected {
        m.insert("expected".into(), json!(e));
    }
    let evidence: Vec<Value> = f
        .evidence
        .iter()
        .map(|e| {
            let mut o = Map::new();
            o.insert("path".into(), json!(e.path.to_string_lossy()));
            o.insert("line".into(), json!(e.line));
            o.insert("column".into(), json!(e.column));
            o.insert("text".into(), json!(e.text));
            match &e.rule {
                Some(r) => {
                    o.insert("rule".into(), json!(r));
                }
                None => {
                    o.insert("relation".into(), json!(e.relation.map(|r| r.as_str())));
                }
            }
            o.insert(
                "published".into(),
                json!(e.published.map(|p| p.to_string())),
            );
            if let Some(a) = &e.alignment {
                o.insert("alignment".into(), json!(a));
            }
            Value::Object(o)
        })
        .collect();
    m.insert("evidence".into(), Value::Array(evidence));
    if let Some(diff) = &f.diff {
        let ops: Vec<Value> = diff
            .iter()
            .map(|d| match d {
                DiffOp::Same(t) => json!({"op": "same", "text": t}),
                DiffOp::Removed(t) => json!({"op": "removed", "text": t}),
                DiffOp::Added(t) => json!({"op": "added", "text": t}),
            })
            .collect();
        m.insert("diff".into(), Value::Array(ops));
    }
    if !f.notes.is_empty() {
        m.insert("notes".into(), json!(f.notes));
    }
    Value::Object(m)
}

/// `{"findings": [...]}`.
pub fn render_findings_json(findings: &[Finding]) -> String {
    let v = json!({ "findings": findings.iter().map(finding_json).collect::<Vec<_>>() });
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
