//! The CI gate of issue 12 end to end: it must not go green by accident.
//! How a path is spelled, how many articles are checked at once, a missing
//! or unreadable publication date, the report's file mode, and checks
//! switched off by `select`/`ignore`. Fixtures are small invented articles.

#[allow(unused_imports)]
use crate::ci_formats::{claimcheck, Tree};

/// Run the binary in `dir` under `umask 022`.
#[cfg(unix)]
fn claimcheck_umask_022(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new("sh")
        .current_dir(dir)
        .arg("-c")
        .arg("umask 022; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn reports_are_written_with_the_umask_not_0600() {
    use std::os::unix::fs::PermissionsExt;
    let t = Tree::new();
    t.write(
        "a.md",
        "---\npublished: 2026-02-02\n---\n\nThe council met on Tuesday.\n",
    );
    let out = claimcheck_umask_022(t.path(), &["check", "a.md", "--report", "out/r.md"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mode = std::fs::metadata(t.path().join("out/r.md"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644);
}
