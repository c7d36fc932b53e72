//! Checks: claims compared with the rule files and with earlier coverage.
//!
//! One check per kind of discrepancy, each in its own file behind the
//! [`Check`] trait, with a stable code, a kebab-case name and a doc comment
//! that `claimcheck explain CODE` prints; all are registered in [`CHECKS`],
//! sorted by code. Checks emit findings; merging and sorting happen in
//! [`crate::finding::merge_findings`].

use crate::extract::{ArticleClaims, Claim};
use crate::finding::{Evidence, Finding, Severity};
use crate::rules::{RuleLoc, RuleSet};
use crate::source::Article;

/// One article with its claims.
pub struct Checked<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its claims.
    pub claims: &'a ArticleClaims,
}

/// What a check sees.
pub struct CheckContext<'a> {
    /// The article being checked.
    pub target: Checked<'a>,
    /// The rules (empty without `--rules`).
    pub rules: &'a RuleSet,
    /// Earlier coverage to compare with.
    pub coverage: &'a [Checked<'a>],
    /// Days within which coverage must agree on counts.
    pub window_days: i64,
}

/// One kind of discrepancy.
pub trait Check: Sync {
    /// Stable code, e.g. `CC001`.
    fn code(&self) -> &'static str;
    /// Kebab-case name, e.g. `count-mismatch`.
    fn name(&self) -> &'static str;
    /// User documentation: What it does / Why is this bad / Example.
    fn doc(&self) -> &'static str;
    /// Append findings on `cx.target` to `out`.
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>);
}

/// Every check, sorted by code.
pub static CHECKS: &[&dyn Check] = &[];

/// Find a check by code or kebab-case name (any case).
pub fn find_check(code_or_name: &str) -> Option<&'static dyn Check> {
    CHECKS.iter().copied().find(|c| {
        c.code().eq_ignore_ascii_case(code_or_name) || c.name().eq_ignore_ascii_case(code_or_name)
    })
}

/// Run every check on `cx.target`.
pub fn run_checks(cx: &CheckContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in CHECKS {
        c.check(cx, &mut out);
    }
    out
}

/// Start a finding on `claim` of `article`.
pub(crate) fn finding_for(
    check: &dyn Check,
    article: &Article,
    claim: &Claim,
    kind: &'static str,
    severity: Severity,
    message: String,
) -> Finding {
    let lc = article.lines.line_col(&article.source, claim.span.start);
    let line_text = article.source[article.lines.line_range(&article.source, lc.line)].to_owned();
    Finding {
        path: article.path.clone(),
        published: article.published,
        span: claim.span,
        line: lc.line,
        column: lc.column,
        line_text,
        kind,
        code: check.code(),
        name: check.name(),
        severity,
        message,
        claim_text: claim.text.clone(),
        expected: None,
        evidence: Vec::new(),
        diff: None,
        notes: Vec::new(),
    }
}

/// Evidence pointing at a rule in its YAML file.
pub(crate) fn rule_evidence(loc: &RuleLoc, id: &str, text: String) -> Evidence {
    Evidence {
        path: loc.path.as_ref().clone(),
        line: loc.line,
        column: loc.column,
        line_text: loc.text.clone(),
        highlight: (0, loc.text.len()),
        text,
        rule: Some(id.to_owned()),
        published: None,
    }
}

/// Evidence pointing at a claim of an earlier article.
pub(crate) fn article_evidence(article: &Article, claim: &Claim, text: String) -> Evidence {
    let lc = article.lines.line_col(&article.source, claim.span.start);
    let range = article.lines.line_range(&article.source, lc.line);
    let line_start = range.start;
    let line_text = article.source[range.clone()].to_owned();
    let hs = (claim.span.start as usize)
        .saturating_sub(line_start)
        .min(line_text.len());
    let he = (claim.span.end as usize)
        .saturating_sub(line_start)
        .clamp(hs, line_text.len());
    Evidence {
        path: article.path.clone(),
        line: lc.line,
        column: lc.column,
        line_text,
        highlight: (hs, he),
        text,
        rule: None,
        published: article.published,
    }
}
