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
mod misattributed_quote;
mod misquote;
mod name_spelling;
pub(crate) mod people;
mod quote_attribution_conflict;
pub(crate) mod quote_text;
mod quote_wording_conflict;
mod restatement_conflict;
#[cfg(test)]
pub(crate) mod testing;
mod title_conflict;
mod title_mismatch;

pub(crate) use count_mismatch::{fact_matches, fmt_num};
pub(crate) use event_date_mismatch::dates_event;
pub(crate) use index::SHINGLE;
pub use index::{ClaimRef, CoverageIndex, Lookups};
use index::{Group, MAX_GROUPS, PER_GROUP};
use quote_text::{quote_words, QuoteWords};

use crate::extract::{ArticleClaims, Claim, ClaimData, DateRange, GroupKind};
use crate::finding::{Evidence, Finding, Location, Severity};
use crate::rules::{RuleLoc, RuleSet};
use crate::source::Article;
use crate::span::Span;
use crate::subject::{align, Alignment};

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
    /// Whether the target restates its coverage (CC107).
    pub mode: Mode,
    /// The coverage article that is the target itself, never compared
    /// (articles checked together share one coverage and one index).
    skip: Option<usize>,
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
            // The command line and config refuse other values; a library
            // caller's are clamped so the date arithmetic below holds.
            window_days: window_days.clamp(0, crate::config::MAX_WINDOW),
            mode: Mode::Auto,
            skip: None,
        }
    }

    /// The same context, with coverage article number `article` (the
    /// target itself, when it is among the coverage) left out.
    pub fn without_coverage_article(mut self, article: usize) -> Self {
        self.skip = Some(article);
        self
    }

    /// The coverage articles other than the target itself, with their
    /// index in the coverage.
    pub(crate) fn other_articles(&self) -> impl Iterator<Item = (usize, Checked<'a>)> + '_ {
        self.coverage
            .iter()
            .enumerate()
            .filter(|(i, a)| self.skip != Some(*i) && !std::ptr::eq(a.article, self.target.article))
            .map(|(i, a)| (i, *a))
    }

    /// `refs` (sorted by date, article, claim) without the target's own
    /// claims, which are one run among them: found by binary search, so a
    /// group the target fills is not scanned.
    fn others<'r>(
        &self,
        refs: &'r [(Option<chrono::NaiveDate>, ClaimRef)],
    ) -> impl Iterator<Item = &'r (Option<chrono::NaiveDate>, ClaimRef)> {
        let (from, to) = match self.skip {
            Some(skip) => {
                let date = self.target.article.published;
                let at = |article| {
                    let first = (date, ClaimRef { article, claim: 0 });
                    refs.partition_point(|x| *x < first)
                };
                (at(skip), at(skip + 1))
            }
            None => (refs.len(), refs.len()),
        };
        refs[..from].iter().chain(&refs[to..])
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
        self.related_refs(pick, claim, windowed)
            .into_iter()
            .map(|r| (r.article, r.claim))
            .collect()
    }

    /// [`Self::related`], with each claim's index in its article, for
    /// alignment. The target's own claims in the same sentence as `claim`
    /// are left out: one sentence states the ends of a range, the members
    /// of a list or two different groups, never one fact twice.
    pub(crate) fn related_refs(
        &self,
        pick: impl Fn(&CoverageIndex) -> Option<&Vec<Group>>,
        claim: usize,
        windowed: bool,
    ) -> Vec<Related<'a>> {
        self.related_at(pick, claim, windowed)
            .into_iter()
            .map(|at| self.related_claim(at))
            .collect()
    }

    /// The quotations sharing the run of words `shingle` with the
    /// target's quotation number `claim` (as [`Self::related`] across all
    /// dates), each with its words as the index split them.
    pub(crate) fn related_quotes(
        &self,
        shingle: u64,
        claim: usize,
    ) -> Vec<(Related<'a>, std::borrow::Cow<'_, QuoteWords>)> {
        self.related_at(|i| i.quotes.get(&shingle), claim, false)
            .into_iter()
            .map(|at| {
                let (index, r) = match at {
                    At::Coverage(r) => (self.index, r),
                    At::Own(claim) => (&self.local, ClaimRef { article: 0, claim }),
                };
                let related = self.related_claim(at);
                let words = match index.quote_words.get(&r) {
                    Some(w) => std::borrow::Cow::Borrowed(w),
                    None => std::borrow::Cow::Owned(quote_words(&related.claim.text)),
                };
                (related, words)
            })
            .collect()
    }

    /// Where [`Self::related_refs`] finds its claims.
    fn related_at(
        &self,
        pick: impl Fn(&CoverageIndex) -> Option<&Vec<Group>>,
        claim: usize,
        windowed: bool,
    ) -> Vec<At> {
        let mut out = Vec::new();
        let date = self.target.article.published;
        // The groups a dated draft may meet: those with claims in its
        // window (or undated), however many groups of other days come
        // first; MAX_GROUPS bounds the ones looked at, not the ones skipped.
        let mut looked_at = 0;
        for group in pick(self.index).into_iter().flatten() {
            if looked_at == MAX_GROUPS {
                break;
            }
            let refs = &group.refs;
            let (undated, in_window): (&[_], &[_]) = match (windowed, date) {
                (true, Some(d)) => {
                    let w = chrono::Duration::days(self.window_days);
                    let from = d.checked_sub_signed(w).unwrap_or(chrono::NaiveDate::MIN);
                    let to = d.checked_add_signed(w).unwrap_or(chrono::NaiveDate::MAX);
                    let undated = refs.partition_point(|(x, _)| x.is_none());
                    let lo = refs.partition_point(|(x, _)| x.is_none_or(|x| x < from));
                    let hi = refs.partition_point(|(x, _)| x.is_none_or(|x| x <= to));
                    // Undated coverage is never out of the window.
                    (&refs[..undated], &refs[lo..hi])
                }
                _ => (&[], refs),
            };
            if undated.is_empty() && in_window.is_empty() {
                continue;
            }
            looked_at += 1;
            for part in [undated, in_window] {
                out.extend(
                    self.others(part)
                        .take(PER_GROUP)
                        .map(|(_, r)| At::Coverage(*r)),
                );
            }
        }
        let claims = &self.target.claims.claims;
        let sentence = claims[claim].sentence;
        for group in pick(&self.local).into_iter().flatten().take(MAX_GROUPS) {
            out.extend(
                group
                    .refs
                    .iter()
                    .take_while(|(_, r)| r.claim < claim)
                    .filter(|(_, r)| sentence.is_none() || claims[r.claim].sentence != sentence)
                    .take(PER_GROUP)
                    .map(|(_, r)| At::Own(r.claim)),
            );
        }
        out
    }

    fn related_claim(&self, at: At) -> Related<'a> {
        match at {
            At::Coverage(r) => self.coverage_claim(r),
            At::Own(claim) => Related {
                article: self.target,
                claim: &self.target.claims.claims[claim],
                index: claim,
            },
        }
    }

    /// Whether the target's claim number `claim` and claim number `other`
    /// of `article` state the same fact (see [`crate::subject::align`]),
    /// given the slots the caller has matched.
    pub(crate) fn alignment(
        &self,
        claim: usize,
        article: Checked<'_>,
        other: usize,
        slots: &[&'static str],
    ) -> Option<Alignment> {
        let mine = self
            .target
            .claims
            .subjects
            .side(&self.target.claims.claims, claim);
        let theirs = article.claims.subjects.side(&article.claims.claims, other);
        align(mine, theirs, slots)
    }

    fn coverage_claim(&self, r: ClaimRef) -> Related<'a> {
        let other = self.coverage[r.article];
        Related {
            article: other,
            claim: &other.claims.claims[r.claim],
            index: r.claim,
        }
    }
}

/// What a checked text is to its coverage, for CC107.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// Decide from the text: it restates a same-day coverage article when
    /// most of its words and sentences are that article's.
    #[default]
    Auto,
    /// An article that adds to its coverage: figures it alone states are
    /// news, not errors.
    Article,
    /// A summary, rewrite or update of its coverage: every figure, date
    /// and quotation must be in the coverage.
    Restatement,
}

impl Mode {
    /// `auto`, `article` or `restatement`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Auto => "auto",
            Mode::Article => "article",
            Mode::Restatement => "restatement",
        }
    }
}

impl std::str::FromStr for Mode {
    type Err = String;

    fn from_str(s: &str) -> Result<Mode, String> {
        match s {
            "auto" => Ok(Mode::Auto),
            "article" => Ok(Mode::Article),
            "restatement" => Ok(Mode::Restatement),
            _ => Err(format!(
                "unknown mode `{s}` (expected auto, article or restatement)"
            )),
        }
    }
}

/// Where a related claim was found: in the coverage, or earlier in the
/// target (its claim number).
#[derive(Clone, Copy)]
enum At {
    Coverage(ClaimRef),
    Own(usize),
}

/// A claim related to a checked one, with its index in its article.
#[derive(Clone, Copy)]
pub(crate) struct Related<'a> {
    pub(crate) article: Checked<'a>,
    pub(crate) claim: &'a Claim,
    pub(crate) index: usize,
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
    &restatement_conflict::RestatementConflict,
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

/// A check's documentation as plain text: doc comments keep the space
/// after `///`, which is dropped here when every line has it.
pub fn doc_text(doc: &str) -> String {
    let indented = doc.lines().all(|l| l.is_empty() || l.starts_with(' '));
    let mut out = String::with_capacity(doc.len());
    for line in doc.lines() {
        out.push_str(if indented {
            line.strip_prefix(' ').unwrap_or(line)
        } else {
            line
        });
        out.push('\n');
    }
    out.trim_end().to_owned()
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
    let line = article.lines.line_range(&article.source, lc.line);
    let (line_text, line_text_column) =
        crate::span::finding_line(&article.source, line, span, lc.column);
    Finding {
        location: Location {
            path: article.path.clone(),
            line: lc.line,
            column: lc.column,
            line_text,
        },
        published: article.published,
        span,
        line_text_column,
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
        location: Location {
            path: loc.path.as_ref().clone(),
            line: loc.line,
            column: loc.column,
            line_text: loc.text.clone(),
        },
        highlight: (0, loc.text.len()),
        text,
        rule: Some(id.to_owned()),
        published: None,
        relation: None,
        alignment: None,
    }
}

/// Evidence pointing at a claim of an earlier article.
pub(crate) fn article_evidence(article: &Article, claim: &Claim, text: String) -> Evidence {
    span_evidence(article, claim.span, text)
}

/// Evidence pointing at the source `span` of `article`, which says `text`.
fn span_evidence(article: &Article, span: Span, text: String) -> Evidence {
    let lc = article.lines.line_col(&article.source, span.start);
    let range = article.lines.line_range(&article.source, lc.line);
    let line_start = range.start;
    let line = &article.source[range.clone()];
    let hs = (span.start as usize)
        .saturating_sub(line_start)
        .min(line.len());
    let he = (span.end as usize)
        .saturating_sub(line_start)
        .clamp(hs, line.len());
    let (line_text, (hs, he)) = evidence_line(line, hs, he);
    Evidence {
        location: Location {
            path: article.path.clone(),
            line: lc.line,
            column: lc.column,
            line_text,
        },
        highlight: (hs, he),
        text,
        rule: None,
        published: article.published,
        relation: None,
        alignment: None,
    }
}

/// An evidence line as kept (see [`crate::span::line_excerpt`]) with its
/// highlight `hs..he` (bytes of `line`) moved into it.
fn evidence_line(line: &str, hs: usize, he: usize) -> (String, (usize, usize)) {
    let keep = crate::span::line_excerpt(line, hs, he);
    let hs = crate::span::floor_char_boundary(line, hs).max(keep.start);
    let he = crate::span::floor_char_boundary(line, he.min(keep.end)).max(hs);
    (
        line[keep.clone()].to_owned(),
        (hs - keep.start, he - keep.start),
    )
}

/// The days claim number `ci` of `claims` states: for an end of a range
/// ("between April and June"), the whole range, since the checks treat a
/// group as one claim.
pub(crate) fn date_span(claims: &[Claim], ci: usize) -> Option<DateRange> {
    let own = match &claims[ci].data {
        ClaimData::Date(d) => d.value?,
        _ => return None,
    };
    let Some(group) = claims[ci].group.filter(|g| g.kind == GroupKind::Range) else {
        return Some(own);
    };
    // Members of a group are close together in source order.
    let lo = ci.saturating_sub(GROUP_REACH);
    let hi = (ci + GROUP_REACH + 1).min(claims.len());
    let mut span = own;
    for c in &claims[lo..hi] {
        if let (Some(g), ClaimData::Date(d)) = (c.group, &c.data) {
            if g.id == group.id {
                if let Some(v) = d.value {
                    span.start = span.start.min(v.start);
                    span.end = span.end.max(v.end);
                }
            }
        }
    }
    Some(span)
}

/// How many claims on either side of a group member its other members
/// may lie.
const GROUP_REACH: usize = 8;

/// Whether claim number `ci` of `claims` is a later member of its range
/// (the group is judged, and reported, on its first member).
pub(crate) fn is_later_range_member(claims: &[Claim], ci: usize) -> bool {
    let Some(group) = claims[ci].group.filter(|g| g.kind == GroupKind::Range) else {
        return false;
    };
    claims[ci.saturating_sub(GROUP_REACH)..ci]
        .iter()
        .any(|c| c.group.is_some_and(|g| g.id == group.id))
}

/// Evidence pointing at sentence number `s` of a coverage article, whole.
pub(crate) fn sentence_evidence(a: Checked<'_>, s: usize) -> Evidence {
    let range = a.claims.doc.sentences[s].range.clone();
    let span = a.article.prose.span(range.start, range.end);
    let text = a.claims.doc.sentence_text(s).trim().to_owned();
    span_evidence(a.article, span, text)
}

#[cfg(test)]
mod tests {
    use super::testing::Case;
    use super::*;

    const RULES: &str = "
facts:
  - id: port-stranded
    noun: passenger
    context: [stranded]
    values:
      - value: 340
        from: 2026-03-01
";

    #[test]
    fn checks_are_sorted_by_code_with_unique_codes_and_names() {
        let codes: Vec<&str> = CHECKS.iter().map(|c| c.code()).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        let mut names: Vec<&str> = CHECKS.iter().map(|c| c.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CHECKS.len());
    }

    #[test]
    fn every_check_is_found_by_code_and_by_kebab_name_in_any_case() {
        for c in CHECKS {
            assert_eq!(find_check(c.code()).map(|k| k.code()), Some(c.code()));
            let lower = c.code().to_lowercase();
            assert_eq!(find_check(&lower).map(|k| k.code()), Some(c.code()));
            assert_eq!(find_check(c.name()).map(|k| k.code()), Some(c.code()));
            let upper = c.name().to_uppercase();
            assert_eq!(find_check(&upper).map(|k| k.code()), Some(c.code()));
        }
        assert!(find_check("CC999").is_none());
    }

    #[test]
    fn every_check_doc_has_the_three_headings() {
        for c in CHECKS {
            for h in ["## What it does", "## Why is this bad", "## Example"] {
                assert!(c.doc().contains(h), "{} lacks {h}", c.code());
            }
        }
    }

    #[test]
    fn rule_error_and_coverage_warning_on_one_claim_merge_into_one_error() {
        let found = Case::new("More than 400 passengers were stranded at the port.")
            .coverage("340 passengers were stranded at the port.")
            .rules(RULES)
            .run(None);
        assert_eq!(found.len(), 1, "{found:?}");
        let f = &found[0];
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.code, "CC001");
        assert_eq!(f.evidence.len(), 2, "{:?}", f.evidence);
        assert!(f
            .evidence
            .iter()
            .any(|e| e.rule.as_deref() == Some("port-stranded")));
        assert!(f
            .evidence
            .iter()
            .any(|e| e.location.path.to_str() == Some("cov0.md")));
        assert!(
            f.notes
                .iter()
                .any(|n| n.contains("conflicts with coverage")),
            "{:?}",
            f.notes
        );
    }

    #[test]
    fn findings_on_different_claims_stay_apart_sorted_by_offset() {
        let found = Case::new(
            "More than 400 passengers were stranded at the port.\n\nBy evening, 500 passengers were stranded at the port.",
        )
        .rules(RULES)
        .run(None);
        let texts: Vec<&str> = found.iter().map(|f| f.claim_text.trim()).collect();
        assert_eq!(texts, ["More than 400 passengers", "500 passengers"]);
        assert!(found.windows(2).all(|w| w[0].span.start < w[1].span.start));
    }

    #[test]
    fn whole_words_match_in_any_case_only() {
        assert!(words_in("Passengers were STRANDED.", "stranded"));
        assert!(!words_in("the strandedness of it", "stranded"));
        assert!(!words_in("anything", " "));
    }
}
