//! Which checks run: `select` and `ignore` from the config file, `ignore`
//! per `overrides` entry, and `--select`/`--ignore` on the command line,
//! with ruff's precedence. Each layer (the file, then the command line)
//! may replace the selection with its `select` and then takes its `ignore`
//! away, so within a layer `ignore` wins over `select`, and a `--select` on
//! the command line replaces the file's `select` and `ignore` alike. An
//! override's `ignore` applies last, to its files only. Codes are looked up
//! once, here; the rest of the program sees canonical codes.

use std::collections::BTreeSet;

/// The canonical code (`CC101`) of a check given by code or kebab-case
/// name, in any case; the suppression checks (CC900-CC902) included.
pub fn check_code(code_or_name: &str) -> Option<&'static str> {
    crate::registry::find(code_or_name.trim()).map(|k| k.code())
}

/// Every code, checks and suppression checks.
pub(super) fn all_codes() -> BTreeSet<&'static str> {
    crate::registry::all().map(|c| c.code()).collect()
}

/// One layer of selection: its `select` (replacing what came before) and
/// its `ignore`.
pub(super) struct Layer<'a> {
    pub(super) select: Option<&'a [&'static str]>,
    pub(super) ignore: &'a [&'static str],
}

/// The codes enabled after applying `layers` in order to all checks.
pub(super) fn enabled(layers: &[Layer<'_>]) -> BTreeSet<&'static str> {
    let mut set = all_codes();
    for layer in layers {
        if let Some(select) = layer.select {
            set = select.iter().copied().collect();
        }
        for code in layer.ignore {
            set.remove(code);
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_resolve_in_any_case() {
        assert_eq!(check_code("cc101"), Some("CC101"));
        assert_eq!(check_code("Count-Conflict"), Some("CC101"));
        assert_eq!(check_code("unused-suppression"), Some("CC901"));
        assert_eq!(check_code("CC999"), None);
    }

    #[test]
    fn ignore_wins_over_select_and_a_later_select_replaces_both() {
        let file = Layer {
            select: Some(&["CC001", "CC101"]),
            ignore: &["CC101"],
        };
        assert_eq!(enabled(&[file]), BTreeSet::from(["CC001"]));
        let file = Layer {
            select: None,
            ignore: &["CC101"],
        };
        let cli = Layer {
            select: Some(&["CC101"]),
            ignore: &[],
        };
        assert_eq!(enabled(&[file, cli]), BTreeSet::from(["CC101"]));
        let file = Layer {
            select: Some(&["CC001", "CC101"]),
            ignore: &[],
        };
        let cli = Layer {
            select: None,
            ignore: &["CC001"],
        };
        assert_eq!(enabled(&[file, cli]), BTreeSet::from(["CC101"]));
    }
}
