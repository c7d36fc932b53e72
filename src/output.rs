//! Writing report files: whole or not at all, and never outside the folder
//! they are meant for.
//!
//! A report is written to a temporary file beside its final path, flushed to
//! disk, then renamed over the path. A temporary file still being written is
//! listed in [`PENDING`], so that the binary's signal handler
//! ([`remove_temp_files_on_signals`]) can remove it on SIGINT or SIGTERM: a
//! signal ends the process without running destructors, and would otherwise
//! leave a `.tmpXXXXXX` file behind.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The folder default report names go into.
pub const REPORTS_DIR: &str = "reports";

/// Temporary files being written, not yet renamed. Process-wide because a
/// signal handler is: it must find them without being handed anything.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Write `contents` to `path` atomically: a temporary file in the same
/// folder, flushed to disk (fsync), then a rename, so a reader never sees
/// half a report, and a crash after the rename does not lose it. The file
/// gets the mode any new file would (0666 less the umask, so 0644 under the
/// usual 022), not the temporary file's private 0600.
pub fn write_atomic(path: &Path, contents: &str) -> Result<()> {
    let err = |message: String| Error::Write {
        path: path.to_owned(),
        message,
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| err(e.to_string()))?;
    }
    replace_file(path, contents.as_bytes()).map_err(|e| err(e.to_string()))
}

/// Replace `path` with `bytes` as [`write_atomic`] does, in a folder that
/// exists: a temporary file beside it, fsync'ed, renamed over it, removed
/// on a signal (see [`remove_temp_files_on_signals`]).
pub(crate) fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Passed to open(2), which applies the umask.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = {
        // Created and listed under the lock: a signal handler sees the
        // file as soon as it exists.
        let mut pending = pending();
        let tmp = builder.tempfile_in(&parent)?;
        pending.push(tmp.path().to_owned());
        tmp
    };
    let written = tmp
        .write_all(bytes)
        .and_then(|()| tmp.flush())
        .and_then(|()| pause_before_rename())
        .and_then(|()| tmp.as_file().sync_all());
    // Renamed under the lock: a signal handler that removes pending files
    // holds it until the process ends, so no rename follows a removal.
    let mut pending = pending();
    pending.retain(|p| p != tmp.path());
    written?;
    tmp.persist(path).map_err(|e| e.error)?;
    drop(pending);
    sync_folder(&parent);
    Ok(())
}

/// Flush the folder entry of a renamed file to disk (Unix; best effort: some
/// file systems refuse to sync a folder, and the report is already whole).
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

/// Test hook (debug builds only): `CLAIMCHECK_TEST_PAUSE_BEFORE_RENAME_MS`
/// holds a written temporary file for that long before the rename, so that
/// tests can interrupt a report write at a known point.
fn pause_before_rename() -> std::io::Result<()> {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("CLAIMCHECK_TEST_PAUSE_BEFORE_RENAME_MS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
    Ok(())
}

/// Remove the temporary files of writes in progress, and return the lock
/// that keeps new ones from starting or being renamed: hold it until the
/// process ends.
fn remove_pending_temp_files() -> MutexGuard<'static, Vec<PathBuf>> {
    let mut pending = pending();
    remove_all(&mut pending);
    pending
}

fn remove_all(paths: &mut Vec<PathBuf>) {
    for p in paths.drain(..) {
        let _ = std::fs::remove_file(p);
    }
}

/// On SIGINT, SIGTERM or SIGHUP, remove the temporary files of report
/// writes in progress, then end the process as the signal would have (so
/// the exit status still says which signal). For the binary: a library
/// caller keeps its own signal handling. Unix only; elsewhere a no-op.
pub fn remove_temp_files_on_signals() -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
        std::thread::Builder::new()
            .name("signals".to_owned())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    let _held = remove_pending_temp_files();
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    // Reached only if the default action did not end us.
                    std::process::exit(128 + signal);
                }
            })?;
    }
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
    fn pending_temp_files_are_removed_for_a_signal() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = dir.path().join(".tmp123");
        std::fs::write(&tmp, "half a rep").unwrap();
        // Not the process-wide list: other tests write reports meanwhile.
        let mut pending = vec![tmp.clone(), dir.path().join(".tmp-gone")];
        remove_all(&mut pending);
        assert!(!tmp.exists());
        assert!(pending.is_empty());
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
