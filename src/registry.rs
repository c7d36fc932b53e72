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
