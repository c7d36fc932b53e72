//! The story audit as Markdown and JSON: subjects first where coverage
//! disagrees, each with its versions and the articles carrying them, and a
//! timeline table for every count subject.

use super::report::cell;
use crate::audit::{Mention, Subject};
use crate::check::fmt_num;
use crate::finding::Finding;
use serde_json::{json, Value};
use std::fmt::Write;

/// How many mentions a version lists before "and N more".
pub(crate) const MAX_MENTIONS: usize = 12;

pub(crate) fn mention_label(m: &Mention) -> String {
    let date = m.published.map_or("undated".to_owned(), |d| d.to_string());
    format!("{}:{} ({date})", m.path.display(), m.line)
}

/// Render the audit as Markdown.
pub fn render_audit_markdown(
    articles: usize,
    subjects: &[Subject],
    findings: &[Finding],
) -> String {
    let mut s = String::new();
    let disputed = subjects.iter().filter(|x| x.is_disputed()).count();
    let _ = writeln!(
        s,
        "# claimcheck story audit\n\n- articles: {articles}\n- subjects mentioned more than once: {}\n- subjects on which coverage disagrees: {disputed}\n- rule findings: {}\n",
        subjects.len(),
        findings.len()
    );
    if !findings.is_empty() {
        s.push_str("## Against the rules\n\n| finding | where | article says | rules say | severity |\n|---|---|---|---|---|\n");
        for f in findings {
            let _ = writeln!(
                s,
                "| {} {} | {}:{}:{} | {} | {} | {} |",
                f.code,
                f.name,
                cell(&f.path.to_string_lossy()),
                f.line,
                f.column,
                cell(&f.claim_text),
                cell(f.expected.as_deref().unwrap_or("")),
                f.severity.as_str()
            );
        }
        s.push('\n');
    }
    for subject in subjects {
        let flag = if subject.is_disputed() {
            "disputed"
        } else {
            "consistent"
        };
        let _ = writeln!(
            s,
            "## {} `{}` ({flag})\n",
            subject.kind,
            cell(&subject.label)
        );
        s.push_str("| version | articles |\n|---|---|\n");
        for v in &subject.versions {
            let mut names: Vec<String> = v
                .mentions
                .iter()
                .take(MAX_MENTIONS)
                .map(mention_label)
                .collect();
            if v.mentions.len() > MAX_MENTIONS {
                names.push(format!("and {} more", v.mentions.len() - MAX_MENTIONS));
            }
            let _ = writeln!(s, "| {} | {} |", cell(&v.value), cell(&names.join(", ")));
        }
        if !subject.timeline.is_empty() {
            s.push_str("\n| date | article | figure | modifier |\n|---|---|---|---|\n");
            for p in &subject.timeline {
                let date = p.published.map_or("undated".to_owned(), |d| d.to_string());
                let change = if p.change {
                    " (stated as a change)"
                } else {
                    ""
                };
                let _ = writeln!(
                    s,
                    "| {date} | {} | {} | {}{change} |",
                    cell(&p.path.to_string_lossy()),
                    fmt_num(p.value),
                    p.modifier.as_str()
                );
            }
        }
        s.push('\n');
    }
    s
}

/// Render the audit as one JSON document.
pub fn render_audit_json(articles: usize, subjects: &[Subject], findings: &[Finding]) -> String {
    let subjects: Vec<Value> = subjects
        .iter()
        .map(|x| {
            json!({
                "kind": x.kind,
                "label": x.label,
                "disputed": x.is_disputed(),
                "versions": x.versions.iter().map(|v| json!({
                    "value": v.value,
                    "mentions": v.mentions.iter().map(|m| json!({
                        "path": m.path.to_string_lossy(),
                        "line": m.line,
                        "published": m.published.map(|d| d.to_string()),
                        "text": m.text,
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
                "timeline": x.timeline.iter().map(|p| json!({
                    "published": p.published.map(|d| d.to_string()),
                    "path": p.path.to_string_lossy(),
                    "value": p.value,
                    "modifier": p.modifier.as_str(),
                    "change": p.change,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let v = json!({
        "articles": articles,
        "subjects": subjects,
        "findings": findings.iter().map(super::json::finding_json).collect::<Vec<_>>(),
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}
