//! The story audit as Markdown and JSON: subjects first where coverage
//! disagrees, then those that changed over time, then the consistent ones;
//! each with its versions and the articles carrying them, and a timeline
//! table (date, article, figure, modifier, and what the rules say) for
//! every count subject. Articles are named as an editor knows them, by
//! headline and outlet, and each value stands beside the sentence that
//! says it; hedged figures read as stated ("more than 400"). It renders; it
//! decides nothing.

use super::report::{cell, push_cell};
use crate::audit::{Agreement, Mention, Subject, TimelinePoint};
use crate::check::fmt_num;
use crate::extract::Modifier;
use crate::finding::Finding;
use crate::lexicon::FxHasher;
use crate::source::Byline;
use serde_json::{json, Value};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::ffi::OsStr;
use std::fmt::Write;
use std::hash::BuildHasherDefault;
use std::path::{Path, PathBuf};

/// How many mentions a version lists before "and N more".
pub(crate) const MAX_MENTIONS: usize = 12;

/// What an audit report shows.
#[derive(Debug, Clone, Copy)]
pub struct AuditReport<'a> {
    /// How many articles were audited.
    pub articles: usize,
    /// The story's subjects.
    pub subjects: &'a [Subject],
    /// Rule findings.
    pub findings: &'a [Finding],
    /// Headline and outlet of each article, by path (an article missing
    /// here is named by its path).
    pub bylines: &'a BTreeMap<PathBuf, Byline>,
}

/// Each article's name as an editor knows it, looked up by its path's
/// bytes: built once per rendering, so naming the thousands of mentions
/// of a large story hashes each path once instead of comparing it, component
/// by component, down the bylines' tree.
pub(crate) struct Names<'a> {
    bylines: &'a BTreeMap<PathBuf, Byline>,
    /// Each article's byline and its name on its own date.
    by_bytes: HashMap<&'a OsStr, (&'a Byline, String), BuildHasherDefault<FxHasher>>,
}

impl<'a> Names<'a> {
    /// The names of `r`'s articles.
    pub(crate) fn new(r: &AuditReport<'a>) -> Self {
        Names {
            bylines: r.bylines,
            by_bytes: r
                .bylines
                .iter()
                .map(|(p, b)| (p.as_os_str(), (b, name(p, Some(b), b.published))))
                .collect(),
        }
    }

    /// An article as an editor knows it: "Headline (Outlet, 2026-03-01)",
    /// else its file name and date.
    pub(crate) fn article(
        &self,
        path: &Path,
        published: Option<chrono::NaiveDate>,
    ) -> Cow<'_, str> {
        match self.by_bytes.get(path.as_os_str()) {
            Some((b, named)) if b.published == published => Cow::Borrowed(named.as_str()),
            Some((b, _)) => Cow::Owned(name(path, Some(b), published)),
            // The same path written otherwise ("a//b") is found in the tree.
            None => Cow::Owned(name(path, self.bylines.get(path), published)),
        }
    }

    /// A mention: its article's name and where in the file.
    pub(crate) fn mention(&self, m: &Mention) -> String {
        format!(
            "{}, {}:{}",
            self.article(&m.path, m.published),
            m.path.display(),
            m.line
        )
    }
}

impl AuditReport<'_> {
    fn disputed(&self) -> usize {
        self.subjects.iter().filter(|x| x.is_disputed()).count()
    }

    fn changed(&self) -> usize {
        self.subjects
            .iter()
            .filter(|x| x.agreement() == Agreement::Changed)
            .count()
    }
}

/// A figure as stated: "more than 400", "about 1,200", "400".
pub(crate) fn stated(value: f64, modifier: Modifier) -> String {
    match modifier {
        Modifier::Exact => fmt_num(value),
        m => format!("{} {}", m.as_str().replace('-', " "), fmt_num(value)),
    }
}

/// An article's name from its byline, on `published`.
fn name(path: &Path, b: Option<&Byline>, published: Option<chrono::NaiveDate>) -> String {
    let date = published.map_or("undated".to_owned(), |d| d.to_string());
    match (
        b.and_then(|b| b.headline.as_deref()),
        b.and_then(|b| b.outlet.as_deref()),
    ) {
        (Some(h), Some(o)) => format!("{h} ({o}, {date})"),
        (Some(h), None) => format!("{h} ({date})"),
        (None, Some(o)) => format!("{} ({o}, {date})", path.display()),
        (None, None) => format!("{} ({date})", path.display()),
    }
}

/// How many subjects the short summary names.
const SUMMARY_SUBJECTS: usize = 5;

/// The audit in a few lines, for the terminal when the whole report is
/// written to a file: the counts, and the disputed subjects first.
pub fn render_audit_summary(r: &AuditReport<'_>) -> String {
    let mut s = format!(
        "{} article(s); {} subject(s) mentioned more than once: {} disputed, {} changed over time; {} rule finding(s)\n",
        r.articles,
        r.subjects.len(),
        r.disputed(),
        r.changed(),
        r.findings.len()
    );
    let disputed: Vec<&Subject> = r.subjects.iter().filter(|x| x.is_disputed()).collect();
    for x in disputed.iter().take(SUMMARY_SUBJECTS) {
        let values: Vec<&str> = x.versions.iter().map(|v| v.value.as_str()).collect();
        // A quotation's label is its first version: the versions say it.
        let label = if x.kind == "quote" {
            String::new()
        } else {
            format!(" {}", x.label)
        };
        let _ = writeln!(s, "  disputed {}{label}: {}", x.kind, values.join(" / "));
    }
    if disputed.len() > SUMMARY_SUBJECTS {
        let _ = writeln!(
            s,
            "  and {} more disputed",
            disputed.len() - SUMMARY_SUBJECTS
        );
    }
    s
}

/// Render the audit as Markdown.
pub fn render_audit_markdown(r: &AuditReport<'_>) -> String {
    AuditLayout::new(r).markdown()
}

impl AuditLayout<'_> {
    /// The audit as Markdown.
    pub fn markdown(&self) -> String {
        let r = &self.report;
        let (articles, subjects, findings) = (r.articles, r.subjects, r.findings);
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
        if !r.bylines.is_empty() {
            s.push_str("## Articles\n\n| date | headline | outlet | file |\n|---|---|---|---|\n");
            let mut rows: Vec<(&PathBuf, &Byline)> = r.bylines.iter().collect();
            rows.sort_by(|a, b| (a.1.published, a.0).cmp(&(b.1.published, b.0)));
            for (path, b) in rows {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} |",
                    b.published.map_or("undated".to_owned(), |d| d.to_string()),
                    cell(b.headline.as_deref().unwrap_or("")),
                    cell(b.outlet.as_deref().unwrap_or("")),
                    cell(&path.to_string_lossy())
                );
            }
            s.push('\n');
        }
        if !findings.is_empty() {
            s.push_str("## Against the rules\n\n| finding | where | article says | rules say | severity |\n|---|---|---|---|---|\n");
            for f in findings {
                let _ = writeln!(
                    s,
                    "| {} {} | {}:{}:{} | {} | {} | {} |",
                    f.code,
                    f.name,
                    cell(&f.location.path.to_string_lossy()),
                    f.location.line,
                    f.location.column,
                    cell(&super::text::said_text(f)),
                    cell(f.expected.as_deref().unwrap_or("")),
                    f.severity.as_str()
                );
            }
            s.push('\n');
        }
        let names = &self.names;
        for (subject, rows) in subjects.iter().zip(&self.timelines) {
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
            s.push_str("| version | where it is said |\n|---|---|\n");
            for v in &subject.versions {
                let said: Vec<String> = mention_list(names, &v.mentions)
                    .iter()
                    .map(|(name, excerpt)| match excerpt {
                        Some(e) => format!("{}: _{}_", cell(name), cell(e)),
                        None => cell(name),
                    })
                    .collect();
                let _ = writeln!(s, "| {} | {} |", cell(&v.value), said.join("<br>"));
            }
            if !subject.timeline.is_empty() {
                render_timeline(&mut s, names, subject, rows);
            }
            s.push('\n');
        }
        while s.ends_with("\n\n") {
            s.pop();
        }
        s
    }
}

/// One row of a timeline table: a figure on a date, with every article
/// that gave it that way, so that a story with thousands of articles
/// repeating one figure gets one row, not thousands.
pub(crate) struct TimelineRow<'a> {
    /// The first point of the row (date, figure, modifier, change, rule).
    pub(crate) point: &'a TimelinePoint,
    /// The points giving it, capped as mentions are; each is named
    /// `article, path:line` as it is written.
    pub(crate) points: Vec<&'a TimelinePoint>,
    /// How many more points give it past the cap ("and N more").
    pub(crate) more: usize,
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
    for p in order {
        match rows.last_mut() {
            Some(row) if same(row.point, p) => {
                if row.points.len() < MAX_MENTIONS {
                    row.points.push(p);
                } else {
                    row.more += 1;
                }
            }
            _ => rows.push(TimelineRow {
                point: p,
                points: vec![p],
                more: 0,
            }),
        }
    }
    rows
}

/// Each count subject's timeline rows and each article's name, laid out
/// once for every format the audit is rendered in.
pub struct AuditLayout<'a> {
    pub(crate) report: AuditReport<'a>,
    pub(crate) names: Names<'a>,
    /// Per subject, in order: its timeline's rows.
    pub(crate) timelines: Vec<Vec<TimelineRow<'a>>>,
}

impl<'a> AuditLayout<'a> {
    /// Lay out `report`.
    pub fn new(report: &AuditReport<'a>) -> Self {
        AuditLayout {
            report: *report,
            names: Names::new(report),
            timelines: report
                .subjects
                .iter()
                .map(|x| timeline_rows(&x.timeline))
                .collect(),
        }
    }
}

/// Write the articles of a timeline row, `article, path:line` each,
/// between `sep`, each piece through `escape`.
pub(crate) fn write_row_articles(
    s: &mut String,
    names: &Names<'_>,
    row: &TimelineRow<'_>,
    sep: &str,
    escape: fn(&mut String, &str),
) {
    for (i, p) in row.points.iter().enumerate() {
        if i > 0 {
            s.push_str(sep);
        }
        escape(s, &names.article(&p.path, p.published));
        s.push_str(", ");
        escape(s, &p.path.to_string_lossy());
        let _ = write!(s, ":{}", p.line);
    }
    if row.more > 0 {
        s.push_str(sep);
        let _ = write!(s, "and {} more", row.more);
    }
}

/// The timeline table of a count subject, with what the rules say on each
/// date when a rule names the subject.
fn render_timeline(s: &mut String, names: &Names<'_>, subject: &Subject, rows: &[TimelineRow<'_>]) {
    let with_rule = subject.rule.is_some();
    s.push_str("\n| date | article | figure as stated |");
    s.push_str(if with_rule {
        " rules say |\n|---|---|---|---|\n"
    } else {
        "\n|---|---|---|\n"
    });
    for row in rows {
        let p = row.point;
        let date = p.published.map_or("undated".to_owned(), |d| d.to_string());
        let change = if p.change {
            " (stated as a change)"
        } else {
            ""
        };
        let _ = write!(s, "| {date} | ");
        write_row_articles(s, names, row, "; ", push_cell);
        let _ = write!(s, " | {}{change} |", stated(p.value, p.modifier));
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

/// At most [`MAX_MENTIONS`] mentions, each named with the sentence that
/// says it, then "and N more".
pub(crate) fn mention_list(
    names: &Names<'_>,
    mentions: &[Mention],
) -> Vec<(String, Option<String>)> {
    let mut names: Vec<(String, Option<String>)> = mentions
        .iter()
        .take(MAX_MENTIONS)
        .map(|m| {
            let excerpt = (!m.excerpt.is_empty()).then(|| m.excerpt.clone());
            (names.mention(m), excerpt)
        })
        .collect();
    if mentions.len() > MAX_MENTIONS {
        names.push((format!("and {} more", mentions.len() - MAX_MENTIONS), None));
    }
    names
}

/// Render the audit as one JSON document.
pub fn render_audit_json(r: &AuditReport<'_>) -> String {
    let (articles, findings) = (r.articles, r.findings);
    let subjects: Vec<Value> = r
        .subjects
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
                        "excerpt": m.excerpt,
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
    let bylines: Vec<Value> = r
        .bylines
        .iter()
        .map(|(path, b)| {
            json!({
                "path": path.to_string_lossy(),
                "headline": b.headline,
                "outlet": b.outlet,
                "published": b.published.map(|d| d.to_string()),
            })
        })
        .collect();
    let v = json!({
        "articles": articles,
        "bylines": bylines,
        "subjects": subjects,
        "findings": findings.iter().map(super::json::finding_json).collect::<Vec<_>>(),
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}
