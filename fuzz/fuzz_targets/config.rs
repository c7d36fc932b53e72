//! Config files: the text is written to `claimcheck.yaml` in a folder of
//! its own and resolved with no command-line flags (the file parser is
//! private to `claimcheck::config`; `Resolved::resolve` is its entry).
#![no_main]

use claimcheck::config::{Flags, Resolved};
use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("temporary folder"))
        .path()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let cwd: PathBuf = dir().to_owned();
    let file = cwd.join("claimcheck.yaml");
    std::fs::write(&file, text).expect("write config");
    let _ = Resolved::resolve(Some(&file), &Flags::default(), &cwd);
});
