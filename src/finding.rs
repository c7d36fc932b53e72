//! Findings: a claim at fault, where it is, and the evidence against it.
//!
//! Findings are data; rendering is separate (`render/`). One claim at fault
//! gets one finding carrying all its evidence at the highest severity among
//! them ([`merge_findings`]).

use crate::span::Span;
use chrono::NaiveDate;
use std::path::PathBuf;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// A change over time, worth knowing.
    Note,
    /// A conflict with other coverage.
    Warning,
    /// A contradicted rule.
    Error,
}

impl Severity {
    /// `note`, `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// How the date of an article given as evidence relates to the checked
/// article's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relation {
    /// Published before the checked article.
    Earlier,
    /// Published the same day.
    SameDay,
    /// Published after the checked article.
    Later,
}

impl Relation {
    /// The relation of an article published `evidence` to one published
    /// `article`; `None` when either is undated.
    pub fn between(evidence: Option<NaiveDate>, article: Option<NaiveDate>) -> Option<Relation> {
        Some(match evidence?.cmp(&article?) {
            std::cmp::Ordering::Less => Relation::Earlier,
            std::cmp::Ordering::Equal => Relation::SameDay,
            std::cmp::Ordering::Greater => Relation::Later,
        })
    }

    /// `earlier`, `same-day` or `later`.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Earlier => "earlier",
            Relation::SameDay => "same-day",
            Relation::Later => "later",
        }
    }
}

/// Where in which file: what a finding and each piece of its evidence
/// point at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The file.
    pub path: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters) of the part pointed at.
    pub column: usize,
    /// The line, as stored (a very long one only around the part pointed at).
    pub line_text: String,
}

/// One piece of evidence: a line of another article or of a rule file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Evidence {
    /// Where the evidence is; `column` is that of the highlighted part.
    pub location: Location,
    /// Byte range within `line_text` to underline (start, end).
    pub highlight: (usize, usize),
    /// What the evidence says, in a few words ("340 passengers").
    pub text: String,
    /// The rule id, for rule evidence.
    pub rule: Option<String>,
    /// The other article's publication date.
    pub published: Option<NaiveDate>,
    /// How the other article relates in time to the checked one (see
    /// [`relate_evidence`]); `None` for rules and undated articles.
    pub relation: Option<Relation>,
    /// Why the claim and this evidence were taken as the same fact.
    pub alignment: Option<crate::subject::Alignment>,
}

impl Evidence {
    /// Whether `other` points at the same place: the same line, with the
    /// same words or a part of them (a claim within its sentence).
    fn same_place(&self, other: &Evidence) -> bool {
        let within = |a: (usize, usize), b: (usize, usize)| a.0 >= b.0 && a.1 <= b.1;
        let (a, b) = (&self.location, &other.location);
        (&a.path, a.line, &self.rule) == (&b.path, b.line, &other.rule)
            && (self.text == other.text
                || within(self.highlight, other.highlight)
                || within(other.highlight, self.highlight))
    }
}

/// A word-level difference between what the evidence says and what the
/// article says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffOp {
    /// Words in both.
    Same(String),
    /// Words only in the evidence.
    Removed(String),
    /// Words only in the article.
    Added(String),
}

/// A discrepancy found in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Where the claim at fault is: the article, and the claim's line and
    /// column; a very long line is stored only around the claim.
    pub location: Location,
    /// The article's publication date.
    pub published: Option<NaiveDate>,
    /// Source span of the claim at fault.
    pub span: Span,
    /// 1-based column (characters) at which `line_text` starts in the line:
    /// 1, unless a very long line was cut.
    pub line_text_column: usize,
    /// Kind of claim at fault: `count`, `date`, `quote`, `role`, `name`.
    pub kind: &'static str,
    /// Stable code of the check ("CC001").
    pub code: &'static str,
    /// Kebab-case name of the check.
    pub name: &'static str,
    /// Severity.
    pub severity: Severity,
    /// One-line message.
    pub message: String,
    /// What the article says.
    pub claim_text: String,
    /// What the evidence says, in short.
    pub expected: Option<String>,
    /// Evidence, sorted.
    pub evidence: Vec<Evidence>,
    /// Word diff (for quotes).
    pub diff: Option<Vec<DiffOp>>,
    /// Further notes ("also: ...") from merged findings.
    pub notes: Vec<String>,
}

impl Finding {
    /// The sort key: path, offset, code.
    pub fn sort_key(&self) -> (&PathBuf, u32, &'static str) {
        (&self.location.path, self.span.start, self.code)
    }
}

/// Date each article's evidence relative to the finding's article, and
/// make a conflict whose article evidence is only later coverage a note:
/// what was published after the article cannot have been known to its
/// writer. Findings with rule evidence keep their severity. Run on one
/// article's findings before [`merge_findings`].
pub fn relate_evidence(findings: &mut [Finding]) {
    for f in findings {
        for e in f.evidence.iter_mut().filter(|e| e.rule.is_none()) {
            e.relation = Relation::between(e.published, f.published);
        }
        let has_rule = f.evidence.iter().any(|e| e.rule.is_some());
        let mut articles = f.evidence.iter().filter(|e| e.rule.is_none()).peekable();
        let only_later =
            articles.peek().is_some() && articles.all(|e| e.relation == Some(Relation::Later));
        if !has_rule && only_later {
            f.severity = Severity::Note;
        }
    }
}

/// Merge findings on the same claim into one carrying all the evidence at
/// the highest severity, then sort by (path, offset, code).
pub fn merge_findings(mut findings: Vec<Finding>) -> Vec<Finding> {
    findings.sort_by(|a, b| {
        (
            &a.location.path,
            a.span,
            a.kind,
            std::cmp::Reverse(a.severity),
            a.code,
        )
            .cmp(&(
                &b.location.path,
                b.span,
                b.kind,
                std::cmp::Reverse(b.severity),
                b.code,
            ))
    });
    let mut out: Vec<Finding> = Vec::with_capacity(findings.len());
    for f in findings {
        if let Some(last) = out.last_mut() {
            if last.location.path == f.location.path && last.span == f.span && last.kind == f.kind {
                for e in f.evidence {
                    // The same line from two checks is one piece of
                    // evidence; keep the alignment one of them measured.
                    match last.evidence.iter_mut().find(|x| x.same_place(&e)) {
                        Some(x) if x.alignment.is_none() => x.alignment = e.alignment,
                        Some(_) => {}
                        None => last.evidence.push(e),
                    }
                }
                if f.message != last.message && !last.notes.contains(&f.message) {
                    last.notes.push(f.message);
                }
                if last.diff.is_none() {
                    last.diff = f.diff;
                }
                if last.expected.is_none() {
                    last.expected = f.expected;
                }
                continue;
            }
        }
        out.push(f);
    }
    for f in &mut out {
        f.evidence.sort();
    }
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, 3, d)
    }

    fn with_evidence(published: Option<NaiveDate>, rule: Option<&str>) -> Finding {
        let mut f = crate::fingerprint::tests::finding("a.md", 3, "CC007", "x");
        f.severity = Severity::Warning;
        f.published = day(3);
        f.evidence = vec![Evidence {
            location: Location {
                path: PathBuf::from("b.md"),
                line: 1,
                column: 1,
                line_text: String::new(),
            },
            highlight: (0, 0),
            text: String::new(),
            rule: rule.map(str::to_owned),
            published,
            relation: None,
            alignment: None,
        }];
        f
    }

    #[test]
    fn relation_follows_the_dates_and_is_unknown_without_one() {
        assert_eq!(Relation::between(day(2), day(3)), Some(Relation::Earlier));
        assert_eq!(Relation::between(day(3), day(3)), Some(Relation::SameDay));
        assert_eq!(Relation::between(day(4), day(3)), Some(Relation::Later));
        assert_eq!(Relation::between(None, day(3)), None);
        assert_eq!(Relation::between(day(3), None), None);
    }

    #[test]
    fn conflict_with_only_later_coverage_is_a_note() {
        let mut v = vec![
            with_evidence(day(4), None),
            with_evidence(day(2), None),
            with_evidence(day(3), None),
            with_evidence(None, None),
        ];
        relate_evidence(&mut v);
        let sev: Vec<Severity> = v.iter().map(|f| f.severity).collect();
        assert_eq!(
            sev,
            [
                Severity::Note,
                Severity::Warning,
                Severity::Warning,
                Severity::Warning
            ]
        );
        assert_eq!(v[0].evidence[0].relation, Some(Relation::Later));
        assert_eq!(v[2].evidence[0].relation, Some(Relation::SameDay));
    }

    #[test]
    fn rule_evidence_has_no_relation_and_keeps_severity() {
        let mut v = vec![with_evidence(None, Some("r"))];
        v[0].severity = Severity::Error;
        relate_evidence(&mut v);
        assert_eq!(v[0].evidence[0].relation, None);
        assert_eq!(v[0].severity, Severity::Error);
    }
}
