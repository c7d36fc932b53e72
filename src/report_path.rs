//! Where a report (or baseline) may be written: never over one of the
//! run's own inputs, never over a folder or a special file, and, for
//! default report names, never through a `reports/` symlink that leads out
//! of the project.
//!
//! A report is written by renaming a temporary file over the path (see
//! `output`), which would silently replace a device node with a regular file
//! or an article with its own report. This module only decides; it writes
//! nothing.

use crate::error::{Error, Result};
use crate::source::read::file_kind;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Refuse `path` as a report path when it is one of `inputs` (compared by
/// canonical path), a folder, or not a regular file. With `root` (default
/// report names only), also refuse a path whose folders include a symlink
/// leading outside `root`.
pub fn refuse_unsafe_report_path(
    path: &Path,
    inputs: &[PathBuf],
    root: Option<&Path>,
) -> Result<()> {
    let refuse = |message: String| Error::Write {
        path: path.to_owned(),
        message,
    };
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() {
            return Err(refuse(format!(
                "it is {}, not a file to write (refused)",
                file_kind(&meta.file_type())
            )));
        }
    }
    if let Some(target) = canonical_target(path) {
        let inputs: HashSet<PathBuf> = inputs
            .iter()
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect();
        if inputs.contains(&target) {
            return Err(refuse(
                "it is one of this run's inputs (refused: writing here would replace it)"
                    .to_owned(),
            ));
        }
    }
    if let Some(root) = root {
        if let Some(link) = symlink_leading_outside(path, root) {
            return Err(refuse(format!(
                "{} is a symlink leading outside the project folder {} (refused)",
                link.display(),
                root.display()
            )));
        }
    }
    Ok(())
}

/// A run's input files: `files` as they are, and the articles under the
/// `walked` files and folders (coverage named by folder).
pub fn run_inputs<'a>(
    files: impl IntoIterator<Item = &'a Path>,
    walked: &[PathBuf],
) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = files.into_iter().map(Path::to_owned).collect();
    // Unreadable paths were reported when the run read them.
    out.extend(crate::source::collect_article_paths_lenient(walked).0);
    out
}

/// The canonical path a write to `path` would land on: the file's own when
/// it exists (following symlinks), else its folder's joined with its name.
fn canonical_target(path: &Path) -> Option<PathBuf> {
    if let Ok(c) = std::fs::canonicalize(path) {
        return Some(c);
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::canonicalize(parent).ok().map(|p| p.join(name))
}

/// The first of `path`'s folders that is a symlink whose target lies
/// outside `root` (both resolved), if any.
fn symlink_leading_outside(path: &Path, root: &Path) -> Option<PathBuf> {
    let root = std::fs::canonicalize(root).ok()?;
    let parent = path.parent()?;
    let mut folder = PathBuf::new();
    for c in parent.components() {
        folder.push(c);
        if root.starts_with(&folder) {
            // Above the root (say /tmp on a system where it is a link).
            continue;
        }
        let is_link = std::fs::symlink_metadata(&folder).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            continue;
        }
        // A dangling link, or one leading out, is refused alike.
        match std::fs::canonicalize(&folder) {
            Ok(target) if target.starts_with(&root) => {}
            _ => return Some(folder),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_input_is_refused_by_any_name() {
        let d = tempfile::tempdir().unwrap();
        let a = d.path().join("a.md");
        std::fs::write(&a, "x").unwrap();
        let other = d.path().join("sub/../a.md");
        std::fs::create_dir(d.path().join("sub")).unwrap();
        let err = refuse_unsafe_report_path(&other, std::slice::from_ref(&a), None).unwrap_err();
        assert!(err.to_string().contains("inputs"), "{err}");
        let fresh = d.path().join("report.md");
        assert!(refuse_unsafe_report_path(&fresh, &[a], None).is_ok());
    }

    #[test]
    fn folders_are_refused() {
        let d = tempfile::tempdir().unwrap();
        let err = refuse_unsafe_report_path(d.path(), &[], None).unwrap_err();
        assert!(err.to_string().contains("a directory"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_reports_symlink_out_of_the_root_is_refused() {
        let d = tempfile::tempdir().unwrap();
        let root = d.path().join("project");
        let outside = d.path().join("elsewhere");
        std::fs::create_dir_all(root.join("inside")).unwrap();
        std::fs::create_dir(&outside).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("reports")).unwrap();
        std::os::unix::fs::symlink(root.join("inside"), root.join("ok")).unwrap();
        let err =
            refuse_unsafe_report_path(&root.join("reports/r.md"), &[], Some(&root)).unwrap_err();
        assert!(err.to_string().contains("symlink"), "{err}");
        assert!(refuse_unsafe_report_path(&root.join("ok/r.md"), &[], Some(&root)).is_ok());
        assert!(refuse_unsafe_report_path(&root.join("new/r.md"), &[], Some(&root)).is_ok());
    }
}
