//! Every code claimcheck reports, in one list: the checks of `check/` and
//! the suppression checks (CC900-CC902) that `suppress` reports while
//! applying directives. `explain`, SARIF's rule table, `select`/`ignore`
//! and suppression directives all read this list and no other, so a code
//! is known everywhere or nowhere. It registers; it runs nothing.

use crate::check::{Check, CHECKS};
use crate::suppress::SUPPRESSION_CHECKS;

/// Every check, sorted by code (the suppression checks come last: their
/// codes are the highest).
pub fn all() -> impl Iterator<Item = &'static dyn Check> {
    CHECKS.iter().chain(SUPPRESSION_CHECKS).copied()
}

/// The check with this code or kebab-case name, in any case.
pub fn find(code_or_name: &str) -> Option<&'static dyn Check> {
    all().find(|c| {
        c.code().eq_ignore_ascii_case(code_or_name) || c.name().eq_ignore_ascii_case(code_or_name)
    })
}

/// One line per code, for `claimcheck explain` without a code (as `ruff
/// rule --all` lists rules); kept in step with [`all`] by a test.
const SUMMARIES: &[(&str, &str)] = &[
    (
        "CC001",
        "a count differs from the rule fact in force on the publication date",
    ),
    ("CC002", "a rule event is given another date"),
    (
        "CC003",
        "a person is given a title the rules do not have them hold on that date",
    ),
    (
        "CC004",
        "a canonical quote is attributed to someone other than its speaker",
    ),
    (
        "CC005",
        "a canonical quote with a word changed, dropped or added",
    ),
    ("CC006", "a name one letter away from a rule entity's name"),
    (
        "CC101",
        "a count differs from the same count in recent coverage",
    ),
    ("CC102", "an event is given another date than in coverage"),
    (
        "CC103",
        "a quotation is attributed to another speaker than in coverage",
    ),
    (
        "CC104",
        "a quotation is worded differently than in coverage",
    ),
    (
        "CC105",
        "a person is given another office than in recent coverage",
    ),
    (
        "CC106",
        "a figure or date in a sentence that coverage states otherwise",
    ),
    (
        "CC107",
        "a restatement (summary, rewrite) has a figure its coverage does not",
    ),
    ("CC900", "a suppression directive gives no reason"),
    ("CC901", "a suppression directive silences nothing"),
    ("CC902", "a suppression directive names no known check"),
];

/// The one-line summary of a check, by code.
pub fn summary(code: &str) -> &'static str {
    SUMMARIES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("", |(_, s)| s)
}

/// `name` without case, dashes, underscores or spaces: "countmismatch",
/// "Count_Mismatch" and "count-mismatch" are one spelling.
fn compact(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Checks whose code or name `input` may have meant: the same name
/// written without dashes or in another case first, then names and codes
/// within a few edits. Empty when nothing is close, or too much is.
pub fn suggest(input: &str) -> Vec<&'static dyn Check> {
    let want = compact(input);
    let exact: Vec<_> = all().filter(|c| compact(c.name()) == want).collect();
    if !exact.is_empty() {
        return exact;
    }
    let mut near: Vec<(usize, &'static dyn Check)> = all()
        .filter_map(|c| {
            let d = edit_distance(&want, &compact(c.name()))
                .min(edit_distance(&want, &compact(c.code())));
            let limit = if want.len() <= 5 { 1 } else { 3 };
            (d <= limit).then_some((d, c))
        })
        .collect();
    near.sort_by_key(|(d, c)| (*d, c.code()));
    let best: Vec<_> = near
        .iter()
        .take_while(|(d, _)| Some(d) == near.first().map(|(d, _)| d))
        .map(|(_, c)| *c)
        .collect();
    // "CC008" is one edit from six codes: no suggestion beats a wrong one.
    if best.len() > 2 {
        return Vec::new();
    }
    best
}

/// What follows "unknown check 'X'" in an error: ": did you mean
/// `count-mismatch` (CC001)?" when a check is close, else a pointer to the
/// list.
pub fn unknown_check_hint(input: &str) -> String {
    let found = suggest(input);
    if found.is_empty() {
        return " (`claimcheck explain` lists the codes and names)".to_owned();
    }
    let names: Vec<String> = found
        .iter()
        .map(|c| format!("`{}` ({})", c.name(), c.code()))
        .collect();
    format!(": did you mean {}?", names.join(" or "))
}

/// Levenshtein distance over chars (the names are short).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(ca != *cb)).min(up + 1).min(row[j] + 1);
            diag = up;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_and_unique_across_checks_and_suppressions() {
        let codes: Vec<&str> = all().map(|c| c.code()).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        let mut names: Vec<&str> = all().map(|c| c.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), codes.len());
    }

    #[test]
    fn every_code_has_one_summary_line() {
        let codes: Vec<&str> = all().map(|c| c.code()).collect();
        let summarised: Vec<&str> = SUMMARIES.iter().map(|(c, _)| *c).collect();
        assert_eq!(codes, summarised);
        for (code, line) in SUMMARIES {
            assert!(!line.is_empty() && !line.contains('\n'), "{code}");
            assert!(line.len() <= 80, "{code}: {line}");
        }
    }

    #[test]
    fn compact_or_misspelt_names_suggest_the_check() {
        let codes = |s: &str| suggest(s).iter().map(|c| c.code()).collect::<Vec<_>>();
        assert_eq!(codes("countmismatch"), ["CC001"]);
        assert_eq!(codes("Count_Mismatch"), ["CC001"]);
        assert_eq!(codes("misquot"), ["CC005"]);
        assert_eq!(codes("CC0001"), ["CC001"]);
        assert!(codes("weather").is_empty());
        assert!(codes("CC008").is_empty());
        assert_eq!(
            unknown_check_hint("countmismatch"),
            ": did you mean `count-mismatch` (CC001)?"
        );
        assert!(unknown_check_hint("weather").contains("claimcheck explain"));
    }

    #[test]
    fn suppression_checks_are_found_by_code_and_name() {
        assert_eq!(
            find("cc900").map(|c| c.name()),
            Some("suppression-without-reason")
        );
        assert_eq!(find("unused-suppression").map(|c| c.code()), Some("CC901"));
        assert_eq!(find("CC001").map(|c| c.name()), Some("count-mismatch"));
        assert!(find("CC999").is_none());
    }
}
