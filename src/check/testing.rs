//! Test helpers for the checks: run one check on a draft against one
//! earlier article, both written inline, and read back the codes found.
//! Only compiled for tests; it knows no rules.

use super::{Check, CheckContext, Checked, CoverageIndex};
use crate::extract::extract_article;
use crate::rules::RuleSet;
use crate::source::Article;

/// The publication date both texts carry.
const PUBLISHED: &str = "2024-03-06";

/// Error and warning findings of `check` on `draft` against `coverage`, as
/// their claim texts.
pub(crate) fn flagged(check: &dyn Check, draft: &str, coverage: &str) -> Vec<String> {
    let date = PUBLISHED.parse().ok();
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
