//! A real editor's client on `claimcheck server`: Neovim, headless, with
//! its built-in LSP client, opening the bundled draft with the bundled
//! rules and coverage. Runs when `nvim` is on the machine (CI installs it);
//! elsewhere it says so and passes.

use std::path::Path;
use std::process::Command;

fn has_nvim() -> bool {
    Command::new("nvim")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn neovim_shows_the_bundled_drafts_findings() {
    if !has_nvim() {
        eprintln!("nvim not found: skipping the Neovim client test");
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let d = tempfile::tempdir().unwrap();
    let config = d.path().join("claimcheck.yaml");
    std::fs::write(
        &config,
        format!(
            "rules: [{}]\nagainst: [{}]\n",
            repo.join("rules").display(),
            repo.join("examples/valley-floods").display()
        ),
    )
    .unwrap();
    let out = d.path().join("diagnostics.json");
    let status = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-c"])
        .arg(format!(
            "luafile {}",
            repo.join("tests/editors/nvim.lua").display()
        ))
        .arg(repo.join("examples/valley-floods/2026-03-03-draft.md"))
        .env("CLAIMCHECK_BIN", env!("CARGO_BIN_EXE_claimcheck"))
        .env("CLAIMCHECK_CONFIG", &config)
        .env("CLAIMCHECK_OUT", &out)
        .current_dir(d.path())
        .status()
        .unwrap();
    assert!(status.success(), "{status:?}");
    let found: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let mut codes: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    codes.sort_unstable();
    assert_eq!(codes, ["CC001", "CC002", "CC003", "CC005"], "{found}");
    // Each with its evidence as related information.
    assert!(
        found
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["related"].as_u64().is_some_and(|n| n > 0)),
        "{found}"
    );
}
