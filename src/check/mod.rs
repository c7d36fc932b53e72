//! Checks: claims compared with the rule files and with earlier coverage.
//!
//! One check per kind of discrepancy, each in its own file behind the
//! [`Check`] trait, with a stable code, a kebab-case name and a doc comment
//! that `claimcheck explain CODE` prints; all are registered in [`CHECKS`],
//! sorted by code. Checks emit findings; merging and sorting happen in
//! [`crate::finding::merge_findings`].

/// Declare a check: its doc comment (printed by `claimcheck explain`), a
/// unit struct, its stable code and kebab-case name.
macro_rules! declare_check {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident { code: $code:literal, name: $kebab:literal, }
    ) => {
        $(#[doc = $doc])*
        $vis struct $name;

        impl $crate::check::Meta for $name {
            const CODE: &'static str = $code;
            const NAME: &'static str = $kebab;
            const DOC: &'static str = concat!($($doc, "\n"),*);
        }
    };
}

pub(crate) mod context_conflict;
mod count_conflict;
mod count_mismatch;
mod date_conflict;
mod event_date_mismatch;
mod index;
pub(crate) mod keys;
mod misattributed_quote;
mod misquote;
mod name_spelling;
pub(crate) mod people;
mod quote_attribution_conflict;
pub(crate) mod quote_text;
mod quote_wording_conflict;
#[cfg(test)]
mod testing;
mod title_conflict;
mod title_mismatch;

pub(crate) use count_mismatch::fmt_num;
pub(crate) use index::SHINGLE;
pub use index::{ClaimRef, CoverageIndex};
use index::{Group, MAX_GROUPS, PER_GROUP};

use crate::extract::{ArticleClaims, Claim};
use crate::finding::{Evidence, Finding, Severity};
use crate::rules::{RuleLoc, RuleSet};
use crate::source::Article;
use crate::span::Span;

/// One article with its claims.
#[derive(Debug, Clone, Copy)]
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
    /// The coverage's claims by subject.
    pub index: &'a CoverageIndex,
    /// The target's own claims by subject, for comparisons within it.
    local: CoverageIndex,
    /// Days within which coverage must agree on counts and titles.
    pub window_days: i64,
}

impl<'a> CheckContext<'a> {
    /// A context for checking `target` against `rules` and `coverage`
    /// (indexed once by the caller in `index`).
    pub fn new(
        target: Checked<'a>,
        rules: &'a RuleSet,
        coverage: &'a [Checked<'a>],
        index: &'a CoverageIndex,
        window_days: i64,
    ) -> Self {
        CheckContext {
            target,
            rules,
            coverage,
            index,
            local: CoverageIndex::build(std::slice::from_ref(&target)),
            window_days,
        }
    }

    /// Claims filed under the same subject as the target's claim number
    /// `claim`: the coverage's (within the window when `windowed`) and the
    /// target's own earlier ones (the later mention is the one at fault).
    /// A few claims of each group that say the same thing stand for all.
    pub(crate) fn related(
        &self,
        pick: impl Fn(&CoverageIndex) -> Option<&Vec<Group>>,
        claim: usize,
        windowed: bool,
    ) -> Vec<(Checked<'a>, &'a Claim)> {
        let mut out = Vec::new();
        let date = self.target.article.published;
        for group in pick(self.index).into_iter().flatten().take(MAX_GROUPS) {
            let refs = &group.refs;
            let in_window: &[_] = match (windowed, date) {
                (true, Some(d)) => {
                    let w = chrono::Duration::days(self.window_days);
                    let undated = refs.partition_point(|(x, _)| x.is_none());
                    let lo = refs.partition_point(|(x, _)| x.is_none_or(|x| x < d - w));
                    let hi = refs.partition_point(|(x, _)| x.is_none_or(|x| x <= d + w));
                    // Undated coverage is never out of the window.
                    out.extend(
                        refs[..undated]
                            .iter()
                            .take(PER_GROUP)
                            .map(|(_, r)| self.coverage_claim(*r)),
                    );
                    &refs[lo..hi]
                }
                _ => refs,
            };
            out.extend(
                in_window
                    .iter()
                    .take(PER_GROUP)
                    .map(|(_, r)| self.coverage_claim(*r)),
            );
        }
        let target = self.target;
        for group in pick(&self.local).into_iter().flatten().take(MAX_GROUPS) {
            out.extend(
                group
                    .refs
                    .iter()
                    .take_while(|(_, r)| r.claim < claim)
                    .take(PER_GROUP)
                    .map(|(_, r)| (target, &target.claims.claims[r.claim])),
            );
        }
        out
    }

    fn coverage_claim(&self, r: ClaimRef) -> (Checked<'a>, &'a Claim) {
        let other = self.coverage[r.article];
        (other, &other.claims.claims[r.claim])
    }
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

/// A check's identity, written by [`declare_check!`].
pub(crate) trait Meta {
    const CODE: &'static str;
    const NAME: &'static str;
    const DOC: &'static str;
}

/// A check's work: append findings on `cx.target`.
pub(crate) trait Run {
    fn run(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>);
}

impl<T: Meta + Run + Sync> Check for T {
    fn code(&self) -> &'static str {
        T::CODE
    }
    fn name(&self) -> &'static str {
        T::NAME
    }
    fn doc(&self) -> &'static str {
        T::DOC
    }
    fn check(&self, cx: &CheckContext<'_>, out: &mut Vec<Finding>) {
        self.run(cx, out);
    }
}

/// Every check, sorted by code.
pub static CHECKS: &[&dyn Check] = &[
    &count_mismatch::CountMismatch,
    &event_date_mismatch::EventDateMismatch,
    &title_mismatch::TitleMismatch,
    &misattributed_quote::MisattributedQuote,
    &misquote::Misquote,
    &name_spelling::NameSpelling,
    &count_conflict::CountConflict,
    &date_conflict::DateConflict,
    &quote_attribution_conflict::QuoteAttributionConflict,
    &quote_wording_conflict::QuoteWordingConflict,
    &title_conflict::TitleConflict,
    &context_conflict::ContextConflict,
];

/// Whether `word` occurs in `text` as a whole word, in any case.
pub(crate) fn words_in(text: &str, word: &str) -> bool {
    let w = word.trim();
    if w.is_empty() {
        return false;
    }
    let lower = text.to_lowercase();
    let wl = w.to_lowercase();
    lower.match_indices(&wl).any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + wl.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

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
    finding_at(
        check,
        article,
        claim.span,
        &claim.text,
        kind,
        severity,
        message,
    )
}

/// Start a finding on the source `span` of `article`, whose text is `text`.
pub(crate) fn finding_at(
    check: &dyn Check,
    article: &Article,
    span: Span,
    text: &str,
    kind: &'static str,
    severity: Severity,
    message: String,
) -> Finding {
    let lc = article.lines.line_col(&article.source, span.start);
    let line_text = article.source[article.lines.line_range(&article.source, lc.line)].to_owned();
    Finding {
        path: article.path.clone(),
        published: article.published,
        span,
        line: lc.line,
        column: lc.column,
        line_text,
        kind,
        code: check.code(),
        name: check.name(),
        severity,
        message,
        claim_text: text.to_owned(),
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
