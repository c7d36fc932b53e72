//! CLI behaviour as documentation (trycmd, as in typos): each
//! `tests/cmd/<name>.toml` is one command line with its expected
//! `<name>.stdout` / `<name>.stderr` and exit status, run in its `<name>.in/`
//! folder or the folder named by `fs.cwd` (`tests/cmd/story/` for the output
//! formats); each `tests/checks/<CODE>/check.toml` shows one check's
//! finding on that folder's invented draft. Regenerate with
//! `TRYCMD=overwrite cargo test --test tests cmd` and read the diff.

#[test]
fn cmd() {
    trycmd::TestCases::new()
        .register_bin(
            "claimcheck",
            std::path::Path::new(env!("CARGO_BIN_EXE_claimcheck")),
        )
        .case("tests/cmd/*.toml")
        .case("tests/checks/*/check.toml");
}
