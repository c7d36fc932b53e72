//! Whether the config's `include`/`exclude` globs left anything to check:
//! globs that select nothing would check no article and pass, which for a
//! gate is a silent skip. This module judges the selection; it walks
//! nothing.

use super::{ConfigError, Origin, Resolved};

impl Resolved {
    /// Refuse a selection where the articles were found from the config
    /// (none named on the command line), `walked` of them were found, and
    /// the `include`/`exclude` globs kept none.
    pub fn refuse_empty_selection(&self, walked: usize, kept: usize) -> Result<(), ConfigError> {
        let globbed = !self.include.value.is_empty() || !self.exclude.value.is_empty();
        if self.files.origin == Origin::CommandLine || !globbed || walked == 0 || kept > 0 {
            return Ok(());
        }
        Err(ConfigError::NothingSelected {
            path: self.file.clone().unwrap_or_default(),
            walked,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Flags, Resolved};

    /// The config of `claimcheck check FILES...` run in `dir`.
    fn resolve(dir: &std::path::Path, files: &[&str]) -> Resolved {
        let flags = Flags {
            files: files.iter().map(Into::into).collect(),
            ..Flags::default()
        };
        Resolved::resolve(None, &flags, dir).unwrap()
    }

    #[test]
    fn globs_that_keep_nothing_are_an_error_unless_files_are_named() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("claimcheck.yaml"), "include: [\"nwes/**\"]\n").unwrap();
        let r = resolve(d.path(), &[]);
        let err = r.refuse_empty_selection(3, 0).unwrap_err();
        assert!(err.to_string().starts_with("claimcheck.yaml: "), "{err}");
        assert!(r.refuse_empty_selection(3, 1).is_ok());
        assert!(resolve(d.path(), &["a.md"])
            .refuse_empty_selection(3, 0)
            .is_ok());
    }
}
