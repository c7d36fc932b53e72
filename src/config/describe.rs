//! `claimcheck config`: the resolved settings, one per line, each with
//! where it came from. Output only; it decides nothing.

use super::{Origin, Resolved};
use crate::cli::FailOn;
use clap::ValueEnum;
use std::fmt::Write as _;
use std::path::PathBuf;

impl Resolved {
    /// The settings and where each came from, for `claimcheck config`.
    pub fn describe(&self) -> String {
        fn paths(v: &[PathBuf]) -> String {
            let v: Vec<String> = v.iter().map(|p| p.display().to_string()).collect();
            format!("[{}]", v.join(", "))
        }
        let mut s = String::new();
        let file = self
            .file
            .as_ref()
            .map_or_else(|| "(none found)".to_owned(), |p| p.display().to_string());
        let _ = writeln!(s, "config-file: {file}");
        let mut line = |key: &str, value: String, origin: &Origin| {
            let _ = writeln!(s, "{key}: {value}  # {origin}");
        };
        line("files", paths(&self.files.value), &self.files.origin);
        line("rules", paths(&self.rules.value), &self.rules.origin);
        line("against", paths(&self.against.value), &self.against.origin);
        line("window", self.window.value.to_string(), &self.window.origin);
        line(
            "fail-on",
            fail_on_name(self.fail_on.value),
            &self.fail_on.origin,
        );
        line(
            "published",
            self.published
                .value
                .map_or_else(|| "null".to_owned(), |d| d.to_string()),
            &self.published.origin,
        );
        line(
            "include",
            format!("{:?}", self.include.value),
            &self.include.origin,
        );
        line(
            "exclude",
            format!("{:?}", self.exclude.value),
            &self.exclude.origin,
        );
        line(
            "baseline",
            self.baseline
                .value
                .as_ref()
                .map_or_else(|| "null".to_owned(), |p| p.display().to_string()),
            &self.baseline.origin,
        );
        line(
            "report-unused-suppressions",
            self.report_unused_suppressions.value.to_string(),
            &self.report_unused_suppressions.origin,
        );
        line(
            "select",
            self.select
                .value
                .as_ref()
                .map_or_else(|| "null".to_owned(), |v| format!("[{}]", v.join(", "))),
            &self.select.origin,
        );
        line(
            "ignore",
            format!("[{}]", self.ignore.value.join(", ")),
            &self.ignore.origin,
        );
        if self.overrides.is_empty() {
            let _ = writeln!(s, "overrides: []");
        } else {
            let _ = writeln!(s, "overrides:");
            let origin = self.file.clone().unwrap_or_default();
            for o in &self.overrides {
                let fail = o.fail_on.map_or_else(|| "-".to_owned(), fail_on_name);
                let _ = writeln!(
                    s,
                    "  - files: {:?}, fail-on: {fail}, ignore: [{}]  # {}",
                    o.files,
                    o.ignore.join(", "),
                    origin.display()
                );
            }
        }
        s
    }
}

fn fail_on_name(f: FailOn) -> String {
    f.to_possible_value()
        .map_or_else(String::new, |v| v.get_name().to_owned())
}
