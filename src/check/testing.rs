//! Test helpers for the checks: build articles from invented text, rules
//! from a YAML string, run one check or all of them, and assert on what
//! they find.
//!
//! Every check's tests sit at the bottom of its own file and use these, so
//! a case reads as the story it tells: a draft, the coverage before it, the
//! rules, and the claim at fault (or none). This module holds no checking
//! logic of its own and is compiled only for tests.

use super::{find_check, run_checks, Check, CheckContext, Checked, CoverageIndex, Lookups};
use crate::extract::{extract_article, ArticleClaims};
use crate::finding::{merge_findings, Finding, Severity};
use crate::rules::{check_rule_set, parse_rules, RuleSet};
use crate::source::Article;
use chrono::NaiveDate;
use std::path::Path;

/// The draft's publication date, unless a case says otherwise.
pub(crate) const PUBLISHED: &str = "2026-03-03";

/// The coverage's publication date, unless a case says otherwise: the day
/// before the draft, inside the default window.
pub(crate) const COVERAGE_PUBLISHED: &str = "2026-03-02";

/// The default `--window`, in days.
pub(crate) const WINDOW: i64 = 2;

/// A date from `YYYY-MM-DD`.
pub(crate) fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// A rule set from one YAML file's text (empty text: no rules).
pub(crate) fn rules(yaml: &str) -> RuleSet {
    let mut set = RuleSet::default();
    if yaml.trim().is_empty() {
        return set;
    }
    parse_rules(Path::new("rules.yaml"), yaml, &mut set).expect("test rules parse");
    check_rule_set(&set).expect("test rules are consistent");
    set
}

/// A draft, the coverage before it and the rules: one check run's input.
pub(crate) struct Case<'a> {
    target: &'a str,
    published: Option<NaiveDate>,
    coverage: Vec<(&'a str, Option<NaiveDate>)>,
    rules: &'a str,
    window: i64,
    /// What the draft is to its coverage (CC107).
    pub(crate) mode: super::Mode,
}

impl<'a> Case<'a> {
    /// A draft `x.md` published on [`PUBLISHED`], with no coverage or rules.
    pub(crate) fn new(target: &'a str) -> Self {
        Case {
            target,
            published: Some(date(PUBLISHED)),
            coverage: Vec::new(),
            rules: "",
            mode: super::Mode::Auto,
            window: WINDOW,
        }
    }

    /// The draft's publication date (`None`: undated).
    pub(crate) fn published(mut self, d: Option<&str>) -> Self {
        self.published = d.map(date);
        self
    }

    /// An earlier article, published on [`COVERAGE_PUBLISHED`].
    pub(crate) fn coverage(self, text: &'a str) -> Self {
        self.coverage_on(text, COVERAGE_PUBLISHED)
    }

    /// An earlier article published on `d`.
    pub(crate) fn coverage_on(mut self, text: &'a str, d: &str) -> Self {
        self.coverage.push((text, Some(date(d))));
        self
    }

    /// Rules from YAML text.
    pub(crate) fn rules(mut self, yaml: &'a str) -> Self {
        self.rules = yaml;
        self
    }

    /// The `--window` in days.
    pub(crate) fn window(mut self, days: i64) -> Self {
        self.window = days;
        self
    }

    /// Run the check `code` (or every check, merged, when `None`).
    pub(crate) fn run(&self, code: Option<&str>) -> Vec<Finding> {
        self.run_with_claims(code).0
    }

    /// Run as [`Case::run`], also handing back the texts of the draft's
    /// claims, so a near-miss can show that its claim was read at all.
    fn run_with_claims(&self, code: Option<&str>) -> (Vec<Finding>, Vec<String>) {
        let rules = rules(self.rules);
        let load = |path: String, text: &str, d| {
            let article = Article::from_source(path, text.to_owned(), d);
            let claims = extract_article(&article, &rules);
            (article, claims)
        };
        let target: (Article, ArticleClaims) = load("x.md".into(), self.target, self.published);
        let coverage: Vec<(Article, ArticleClaims)> = self
            .coverage
            .iter()
            .enumerate()
            .map(|(i, (text, d))| load(format!("cov{i}.md"), text, *d))
            .collect();
        let cov: Vec<Checked<'_>> = coverage
            .iter()
            .map(|(article, claims)| Checked { article, claims })
            .collect();
        let checked = Checked {
            article: &target.0,
            claims: &target.1,
        };
        // Every case runs twice: against the whole coverage index, and
        // against one built under the draft's own keys alone (what `check`
        // builds), which must find the same.
        let whole = CoverageIndex::build(&cov);
        let looked_up = CoverageIndex::build_for(&cov, &Lookups::of(&[checked]));
        let [found, filtered] = [&whole, &looked_up].map(|index| {
            let mut cx = CheckContext::new(checked, &rules, &cov, index, self.window);
            cx.mode = self.mode;
            match code {
                Some(code) => {
                    let check = find_check(code).unwrap_or_else(|| panic!("no check {code}"));
                    let mut out = Vec::new();
                    check.check(&cx, &mut out);
                    out
                }
                None => merge_findings(run_checks(&cx)),
            }
        });
        assert_eq!(
            found, filtered,
            "an index under the draft's keys alone finds what the whole one does"
        );
        let claims = target.1.claims.iter().map(|c| c.text.trim().to_owned());
        (found, claims.collect())
    }

    /// The finding of check `code` on the claim whose text is `claim`;
    /// panics, listing what was found, when there is none.
    pub(crate) fn finds(&self, code: &str, claim: &str) -> Finding {
        let found = self.run(Some(code));
        found
            .iter()
            .find(|f| f.claim_text.trim() == claim)
            .cloned()
            .unwrap_or_else(|| panic!("expected {code} on {claim:?}, found:\n{}", describe(&found)))
    }

    /// A near-miss: the draft has the claim `claim` (so the check had
    /// something to judge), and check `code` finds nothing to act on (a
    /// note, such as CC107 saying what it took the text to be, is allowed).
    pub(crate) fn passes(&self, code: &str, claim: &str) {
        let (mut found, claims) = self.run_with_claims(Some(code));
        found.retain(|f| f.severity >= Severity::Warning);
        assert!(
            claims.iter().any(|c| c == claim),
            "no claim {claim:?} in the draft; its claims: {claims:?}"
        );
        assert!(
            found.is_empty(),
            "expected no {code}, found:\n{}",
            describe(&found)
        );
    }

    /// Panics, listing what was found, when check `code` finds anything
    /// to act on (a warning or an error).
    pub(crate) fn finds_nothing(&self, code: &str) {
        let mut found = self.run(Some(code));
        found.retain(|f| f.severity >= Severity::Warning);
        assert!(
            found.is_empty(),
            "expected no {code}, found:\n{}",
            describe(&found)
        );
    }
}

/// A near-miss: `claim` is read from `target`, and check `code` finds
/// nothing in it against `coverage` and the rules.
pub(crate) fn assert_passes(
    code: &str,
    target: &str,
    coverage: &[&str],
    rules_yaml: &str,
    claim: &str,
) {
    with_coverage(Case::new(target), coverage)
        .rules(rules_yaml)
        .passes(code, claim);
}

/// The finding of check `code` on `claim` in `target` checked against
/// `coverage` (published the day before) and the rules in `rules_yaml`.
pub(crate) fn assert_finds(
    code: &str,
    target: &str,
    coverage: &[&str],
    rules_yaml: &str,
    claim: &str,
) -> Finding {
    with_coverage(Case::new(target), coverage)
        .rules(rules_yaml)
        .finds(code, claim)
}

/// Check `code` finds nothing in `target` against `coverage` and the rules.
pub(crate) fn assert_no_finding(code: &str, target: &str, coverage: &[&str], rules_yaml: &str) {
    with_coverage(Case::new(target), coverage)
        .rules(rules_yaml)
        .finds_nothing(code);
}

fn with_coverage<'a>(mut case: Case<'a>, coverage: &[&'a str]) -> Case<'a> {
    for c in coverage {
        case = case.coverage(c);
    }
    case
}

/// One line per finding, for failure messages.
fn describe(found: &[Finding]) -> String {
    if found.is_empty() {
        return "  (nothing)".to_owned();
    }
    found
        .iter()
        .map(|f| {
            format!(
                "  {} {:?} {:?}: {}",
                f.code,
                f.severity,
                f.claim_text.trim(),
                f.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The publication date both texts of [`flagged`] carry.
const FLAGGED_PUBLISHED: &str = "2024-03-06";

/// Error and warning findings of `check` on `draft` against `coverage`, as
/// their claim texts.
pub(crate) fn flagged(check: &dyn Check, draft: &str, coverage: &str) -> Vec<String> {
    let date = FLAGGED_PUBLISHED.parse().ok();
    let rules = RuleSet::default();
    let target = Article::from_source("draft.txt", draft.to_owned(), date);
    let earlier = Article::from_source("earlier.txt", coverage.to_owned(), date);
    let (tc, ec) = (
        extract_article(&target, &rules),
        extract_article(&earlier, &rules),
    );
    let coverage = [Checked {
        article: &earlier,
        claims: &ec,
    }];
    let index = CoverageIndex::build(&coverage);
    let target = Checked {
        article: &target,
        claims: &tc,
    };
    let cx = CheckContext::new(target, &rules, &coverage, &index, 2);
    let mut out = Vec::new();
    check.check(&cx, &mut out);
    out.into_iter().map(|f| f.claim_text).collect()
}
