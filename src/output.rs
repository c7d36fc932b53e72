//! Writing report files: whole or not at all, and never outside the folder
//! they are meant for.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder default report names go into.
pub const REPORTS_DIR: &str = "reports";

/// Write `contents` to `path` atomically: a temporary file in the same
/// folder, then a rename, so a reader never sees half a report. The file
/// gets the mode any new file would (0666 less the umask, so 0644 under the
/// usual 022), not the temporary file's private 0600.
pub fn write_atomic(path: &Path, contents: &str) -> Result<()> {
    let err = |message: String| Error::Write {
        path: path.to_owned(),
        message,
    };
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| err(e.to_string()))?;
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Passed to open(2), which applies the umask.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(&parent)
        .map_err(|e| err(e.to_string()))?;
    tmp.write_all(contents.as_bytes())
        .and_then(|()| tmp.flush())
        .map_err(|e| err(e.to_string()))?;
    tmp.persist(path).map_err(|e| err(e.error.to_string()))?;
    Ok(())
}

/// A file-name-safe form of `s`: letters, digits, `-`, `_` and `.` only,
/// no leading dot, at most 80 characters; so an article named
/// `../../etc/passwd` cannot steer a report out of its folder.
pub fn safe_file_stem(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    while out.contains("--") {
        out = out.replace("--", "-");
    }
    let out = out.trim_matches(|c| c == '-' || c == '.');
    let out: String = out.chars().take(80).collect();
    if out.is_empty() {
        "article".to_owned()
    } else {
        out
    }
}

/// The default report path for checking one article: under `reports/`,
/// named from the article's file name and date.
pub fn default_report_path(
    article: &Path,
    published: Option<chrono::NaiveDate>,
    ext: &str,
) -> PathBuf {
    let stem = article
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let date = published.map_or("undated".to_owned(), |d| d.to_string());
    let stem = safe_file_stem(&stem);
    let name = if stem.starts_with(&date) {
        format!("{stem}-report.{ext}")
    } else {
        format!("{stem}-{date}-report.{ext}")
    };
    Path::new(REPORTS_DIR).join(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_article_names_stay_in_reports() {
        let p = default_report_path(Path::new("../../etc/..passwd"), None, "md");
        assert_eq!(p, Path::new("reports/article-undated-report.md"));
        let p = default_report_path(Path::new("../../etc/pass..wd.md"), None, "md");
        assert_eq!(p, Path::new("reports/pass-wd-undated-report.md"));
        let p = default_report_path(Path::new("a/b/../x y$.md"), None, "md");
        assert_eq!(p.parent(), Some(Path::new("reports")));
    }

    #[test]
    fn dated_names_are_not_dated_twice() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 3);
        let p = default_report_path(Path::new("x/2026-03-03-draft.md"), d, "md");
        assert_eq!(p, Path::new("reports/2026-03-03-draft-report.md"));
    }

    #[test]
    fn atomic_write_leaves_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/r.md");
        write_atomic(&p, "hello").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "hello");
        assert_eq!(
            std::fs::read_dir(dir.path().join("sub")).unwrap().count(),
            1
        );
    }
}
