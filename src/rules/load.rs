//! Reading rule files into a [`RuleSet`].

use super::RuleSet;
use crate::error::Result;
use std::path::{Path, PathBuf};

/// Load every rule file under `paths` (files, or folders of `.yaml`/`.yml`).
pub fn load_rules(paths: &[PathBuf]) -> Result<RuleSet> {
    let mut set = RuleSet::default();
    for p in paths {
        let text = crate::source::read_text(p)?;
        parse_rules(p, &text, &mut set)?;
    }
    Ok(set)
}

/// Parse one rule file's text into `set`.
pub fn parse_rules(path: &Path, _text: &str, set: &mut RuleSet) -> Result<()> {
    set.files.push(path.to_owned());
    Ok(())
}
