//! The story audit as Markdown and JSON: subjects first where coverage
//! disagrees, then those that changed over time, then the consistent ones;
//! each with its versions and the articles carrying them, and a timeline
//! table (date, article, figure, modifier, and what the rules say) for
//! every count subject. It renders; it decides nothing.

use super::report::cell;
use crate::audit::{Agreement, Mention, Subject, TimelinePoint};
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
    let changed = subjects
        .iter()
        .filter(|x| x.agreement() == Agreement::Changed)
        .count();
    let _ = writeln!(
        s,
        "# claimcheck story audit\n\n- articles: {articles}\n- subjects mentioned more than once: {}\n- subjects on which coverage disagrees: {disputed}\n- subjects that changed over time: {changed}\n- rule findings: {}\n",
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
                cell(&super::text::said_text(f)),
                cell(f.expected.as_deref().unwrap_or("")),
                f.severity.as_str()
            );
        }
        s.push('\n');
    }
    for subject in subjects {
        let _ = writeln!(
            s,
            "## {} `{}` ({})\n",
            subject.kind,
            cell(&subject.label),
            subject.agreement().as_str()
        );
        if let Some(rule) = &subject.rule {
            let _ = writeln!(s, "Rule: `{rule}`\n");
        }
        s.push_str("| version | articles |\n|---|---|\n");
        for v in &subject.versions {
            let _ = writeln!(
                s,
                "| {} | {} |",
                cell(&v.value),
                cell(&mention_list(&v.mentions).join(", "))
            );
        }
        if !subject.timeline.is_empty() {
            render_timeline(&mut s, subject);
        }
        s.push('\n');
    }
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}

/// One row of a timeline table: a figure on a date, with every article
/// that gave it that way, so that a story with thousands of articles
/// repeating one figure gets one row, not thousands.
pub(crate) struct TimelineRow<'a> {
    /// The first point of the row (date, figure, modifier, change, rule).
    pub(crate) point: &'a TimelinePoint,
    /// `path:line` of each article giving it, capped as mentions are.
    pub(crate) articles: Vec<String>,
}

/// Timeline points grouped by (date, figure, modifier, stated as a change),
/// in date order, then by figure.
pub(crate) fn timeline_rows(points: &[TimelinePoint]) -> Vec<TimelineRow<'_>> {
    let mut order: Vec<&TimelinePoint> = points.iter().collect();
    order.sort_by(|a, b| {
        a.published
            .cmp(&b.published)
            .then(a.value.total_cmp(&b.value))
            .then(a.modifier.as_str().cmp(b.modifier.as_str()))
            .then(a.change.cmp(&b.change))
    });
    let same = |a: &TimelinePoint, b: &TimelinePoint| {
        a.published == b.published
            && a.value == b.value
            && a.modifier == b.modifier
            && a.change == b.change
    };
    let mut rows: Vec<TimelineRow<'_>> = Vec::new();
    let mut extra = 0usize;
    for p in order {
        let label = format!("{}:{}", p.path.display(), p.line);
        match rows.last_mut() {
            Some(row) if same(row.point, p) => {
                if row.articles.len() < MAX_MENTIONS {
                    row.articles.push(label);
                } else {
                    extra += 1;
                }
            }
            _ => {
                if let Some(row) = rows.last_mut() {
                    close_row(row, extra);
                }
                extra = 0;
                rows.push(TimelineRow {
                    point: p,
                    articles: vec![label],
                });
            }
        }
    }
    if let Some(row) = rows.last_mut() {
        close_row(row, extra);
    }
    rows
}

fn close_row(row: &mut TimelineRow<'_>, extra: usize) {
    if extra > 0 {
        row.articles.push(format!("and {extra} more"));
    }
}

/// The timeline table of a count subject, with what the rules say on each
/// date when a rule names the subject.
fn render_timeline(s: &mut String, subject: &Subject) {
    let with_rule = subject.rule.is_some();
    s.push_str("\n| date | article | figure | modifier |");
    s.push_str(if with_rule {
        " rules say |\n|---|---|---|---|---|\n"
    } else {
        "\n|---|---|---|---|\n"
    });
    for row in timeline_rows(&subject.timeline) {
        let p = row.point;
        let date = p.published.map_or("undated".to_owned(), |d| d.to_string());
        let change = if p.change {
            " (stated as a change)"
        } else {
            ""
        };
        let _ = write!(
            s,
            "| {date} | {} | {} | {}{change} |",
            cell(&row.articles.join(", ")),
            fmt_num(p.value),
            p.modifier.as_str()
        );
        if with_rule {
            let _ = write!(
                s,
                " {} |",
                p.rule_value_text().as_deref().unwrap_or("no value")
            );
        }
        s.push('\n');
    }
}

/// At most [`MAX_MENTIONS`] mentions, then "and N more".
pub(crate) fn mention_list(mentions: &[Mention]) -> Vec<String> {
    let mut names: Vec<String> = mentions
        .iter()
        .take(MAX_MENTIONS)
        .map(mention_label)
        .collect();
    if mentions.len() > MAX_MENTIONS {
        names.push(format!("and {} more", mentions.len() - MAX_MENTIONS));
    }
    names
}

/// Render the audit as one JSON document.
pub fn render_audit_json(articles: usize, subjects: &[Subject], findings: &[Finding]) -> String {
    let subjects: Vec<Value> = subjects
        .iter()
        .map(|x| {
            json!({
                "kind": x.kind,
                "label": x.label,
                "rule": x.rule,
                "agreement": x.agreement().as_str(),
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
                    "line": p.line,
                    "value": p.value,
                    "modifier": p.modifier.as_str(),
                    "change": p.change,
                    "rule_value": p.rule_value_text(),
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
