//! `--changed-since REV`: which articles changed since a git revision, so
//! that CI on a pull request checks only what the pull request touched
//! (still against all the coverage and rules).
//!
//! Runs the `git` binary (`git diff --name-only REV` and the untracked
//! files) rather than linking a git library: CI images have git, and its
//! answer is the one users see. It only lists paths; it reads no contents.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Why the changed files could not be listed.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    /// `git` could not be started.
    #[error("cannot run git: {0}")]
    Spawn(std::io::Error),
    /// Not inside a git work tree.
    #[error("{dir}: not a git repository (--changed-since needs one)")]
    NotARepository {
        /// The folder asked about.
        dir: PathBuf,
    },
    /// git refused the revision or failed otherwise.
    #[error("git {args} failed: {stderr}")]
    Failed {
        /// The arguments given.
        args: String,
        /// What git said.
        stderr: String,
    },
}

fn git(dir: &Path, args: &[&str]) -> Result<String, GitError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(GitError::Spawn)?;
    if !out.status.success() {
        return Err(GitError::Failed {
            args: args.join(" "),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_owned(),
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Absolute paths of the files changed since `rev` in the repository
/// holding `dir`: modified, added or renamed since `rev` (committed or not)
/// plus untracked files that are not ignored. Deleted files are left out.
pub fn changed_since(dir: &Path, rev: &str) -> Result<Vec<PathBuf>, GitError> {
    let top = git(dir, &["rev-parse", "--show-toplevel"]).map_err(|e| match e {
        GitError::Failed { .. } => GitError::NotARepository {
            dir: dir.to_owned(),
        },
        other => other,
    })?;
    let top = PathBuf::from(top.trim_end_matches(['\n', '\r']));
    // `--end-of-options` keeps a revision starting with `-` from being read
    // as an option; `^{commit}` makes a bad revision fail here, clearly.
    git(
        dir,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|_| GitError::Failed {
        args: format!("rev-parse {rev}"),
        stderr: format!("unknown revision '{rev}'"),
    })?;
    let diff = git(
        &top,
        &[
            "-c",
            "core.quotepath=off",
            "diff",
            "--name-only",
            "-z",
            "--diff-filter=d",
            rev,
            "--",
        ],
    )?;
    let untracked = git(&top, &["ls-files", "-z", "--others", "--exclude-standard"])?;
    let mut out: Vec<PathBuf> = diff
        .split('\0')
        .chain(untracked.split('\0'))
        .filter(|p| !p.is_empty())
        .map(|p| top.join(p))
        .collect();
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_a_repository_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = changed_since(dir.path(), "HEAD").unwrap_err();
        assert!(
            matches!(err, GitError::NotARepository { .. } | GitError::Spawn(_)),
            "{err}"
        );
    }
}
