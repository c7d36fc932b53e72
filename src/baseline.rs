//! Baselines: adopt claimcheck on an archive without fixing it all first.
//!
//! `claimcheck baseline --write FILE` records today's findings by
//! fingerprint (`crate::fingerprint`); `claimcheck check --baseline FILE`
//! hides them and reports only findings that are new. Entries count: a
//! baseline holding a fingerprint twice hides two findings with it, not
//! every future copy. The file is JSON, sorted, with path, code and
//! message beside each fingerprint for people reading diffs; only the
//! fingerprint is matched. Writes are atomic (a temporary file in the same
//! folder, then a rename), so an interrupted run never leaves half a file.

use crate::finding::Finding;
use crate::fingerprint::{finding_fingerprint, portable_path};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The baseline file format's version.
pub const BASELINE_VERSION: u32 = 1;

/// Why a baseline could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    /// The file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The baseline file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is not a baseline.
    #[error("{path}:{line}:{column}: not a claimcheck baseline: {message}")]
    Parse {
        /// The baseline file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A baseline written by a newer claimcheck.
    #[error("{path}: baseline version {found} is not supported (this claimcheck reads version {BASELINE_VERSION})")]
    Version {
        /// The baseline file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
    },
}

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    /// The article.
    pub path: String,
    /// The check's code.
    pub code: String,
    /// The fingerprint matched on.
    pub fingerprint: String,
    /// The message, for people.
    pub message: String,
}

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Format version.
    pub version: u32,
    /// Entries, sorted.
    pub findings: Vec<BaselineEntry>,
}

impl Baseline {
    /// Record `findings`.
    pub fn from_findings(findings: &[Finding]) -> Baseline {
        let mut entries: Vec<BaselineEntry> = findings
            .iter()
            .map(|f| BaselineEntry {
                path: portable_path(&f.location.path),
                code: f.code.to_owned(),
                fingerprint: finding_fingerprint(f),
                message: f.message.clone(),
            })
            .collect();
        entries.sort();
        Baseline {
            version: BASELINE_VERSION,
            findings: entries,
        }
    }

    /// Drop the findings the baseline records, keeping new ones in order.
    pub fn filter(&self, findings: Vec<Finding>) -> Vec<Finding> {
        let mut left: HashMap<&str, usize> = HashMap::new();
        for e in &self.findings {
            *left.entry(e.fingerprint.as_str()).or_default() += 1;
        }
        findings
            .into_iter()
            .filter(|f| match left.get_mut(finding_fingerprint(f).as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .collect()
    }
}

/// Read a baseline file.
pub fn load_baseline(path: &Path) -> Result<Baseline, BaselineError> {
    let text =
        crate::source::read::read_small_to_string(path).map_err(|source| BaselineError::Io {
            path: path.to_owned(),
            source,
        })?;
    let b: Baseline = serde_json::from_str(&text).map_err(|e| BaselineError::Parse {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    if b.version > BASELINE_VERSION {
        return Err(BaselineError::Version {
            path: path.to_owned(),
            found: b.version,
        });
    }
    Ok(b)
}

/// Write a baseline file atomically.
pub fn write_baseline(path: &Path, baseline: &Baseline) -> Result<(), BaselineError> {
    let io = |source| BaselineError::Io {
        path: path.to_owned(),
        source,
    };
    let mut text = serde_json::to_string_pretty(baseline).map_err(|e| io(e.into()))?;
    text.push('\n');
    // Written as reports are: whole or not at all, no temp file left on a
    // signal.
    crate::output::replace_file(path, text.as_bytes()).map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::tests::finding;

    #[test]
    fn recorded_findings_are_hidden_and_new_ones_kept() {
        let old = finding("a.md", 3, "CC001", "14 ministers");
        let b = Baseline::from_findings(std::slice::from_ref(&old));
        let mut moved = old.clone();
        moved.location.line = 30;
        let new = finding("a.md", 5, "CC001", "15 ministers");
        assert_eq!(b.filter(vec![moved, new.clone()]), vec![new]);
    }

    #[test]
    fn entries_count_occurrences() {
        let old = finding("a.md", 3, "CC001", "14 ministers");
        let b = Baseline::from_findings(std::slice::from_ref(&old));
        let again = finding("a.md", 9, "CC001", "14 ministers");
        assert_eq!(b.filter(vec![old, again.clone()]), vec![again]);
    }

    #[test]
    fn write_then_load_round_trips_sorted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("baseline.json");
        let b = Baseline::from_findings(&[
            finding("b.md", 1, "CC001", "x"),
            finding("a.md", 1, "CC002", "y"),
        ]);
        write_baseline(&path, &b).unwrap();
        let back = load_baseline(&path).unwrap();
        assert_eq!(back, b);
        assert_eq!(back.findings[0].path, "a.md");
    }

    #[test]
    fn garbage_is_a_parse_error_with_position() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.json");
        std::fs::write(&path, "{\n  \"version\": 1,\n  \"oops\": 2\n}").unwrap();
        match load_baseline(&path) {
            Err(BaselineError::Parse { line, .. }) => assert_eq!(line, 3),
            other => panic!("expected a parse error, got {other:?}"),
        }
    }
}
