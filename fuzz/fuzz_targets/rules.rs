//! Rule files: parsing (`r.yaml`) and the checks run after the last file.
#![no_main]

use claimcheck::rules::{check_rule_set, parse_rules, RuleSet};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut set = RuleSet::default();
    if parse_rules(Path::new("r.yaml"), text, &mut set).is_ok() {
        let _ = check_rule_set(&set);
    }
});
