//! `claimcheck config`: the resolved settings, one per line, each with
//! where it came from. Output only; it decides nothing.
//!
//! The output is itself a valid config file: what is not a key of the file
//! (the config file's own path, the articles to check) is a comment. Paths
//! are shown relative to the current folder, globs relative to the config
//! file's folder, as they apply.

use super::FailOn;
use super::{Origin, Resolved};
use std::fmt::Write as _;
use std::path::PathBuf;

/// `s` as a YAML scalar: plain when that reads back the same, else double
/// quoted.
fn scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with(|c: char| c.is_whitespace() || "-?:,[]{}#&*!|>'\"%@`~".contains(c))
        && !s.ends_with(char::is_whitespace)
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.contains([',', '[', ']', '{', '}'])
        && !matches!(s, "null" | "true" | "false" | "yes" | "no");
    if plain {
        s.to_owned()
    } else {
        serde_json::to_string(s).unwrap_or_default()
    }
}

fn list<S: AsRef<str>>(v: &[S]) -> String {
    let v: Vec<String> = v.iter().map(|s| scalar(s.as_ref())).collect();
    format!("[{}]", v.join(", "))
}

fn paths(v: &[PathBuf]) -> String {
    let v: Vec<String> = v.iter().map(|p| p.display().to_string()).collect();
    list(&v)
}

impl Resolved {
    /// The settings and where each came from, for `claimcheck config`.
    pub fn describe(&self) -> String {
        let mut s = String::new();
        let file = self
            .file
            .as_ref()
            .map_or_else(|| "(none found)".to_owned(), |p| p.display().to_string());
        let _ = writeln!(s, "# config-file: {file}");
        let _ = writeln!(
            s,
            "# files: {}  # {} (the articles checked: named on the command line, not in the file)",
            paths(&self.files.value),
            self.files.origin
        );
        let mut line = |key: &str, value: String, origin: &Origin| {
            let _ = writeln!(s, "{key}: {value}  # {origin}");
        };
        line("rules", paths(&self.rules.value), &self.rules.origin);
        line("against", paths(&self.against.value), &self.against.origin);
        line(
            "index",
            self.index
                .value
                .as_ref()
                .map_or_else(|| "null".to_owned(), |p| scalar(&p.display().to_string())),
            &self.index.origin,
        );
        line("window", self.window.value.to_string(), &self.window.origin);
        line(
            "mode",
            self.mode.value.as_str().to_owned(),
            &self.mode.origin,
        );
        line(
            "fail-on",
            fail_on_name(self.fail_on.value).to_owned(),
            &self.fail_on.origin,
        );
        line(
            "published",
            self.published
                .value
                .map_or_else(|| "null".to_owned(), |d| d.to_string()),
            &self.published.origin,
        );
        line("include", list(&self.include.value), &self.include.origin);
        line("exclude", list(&self.exclude.value), &self.exclude.origin);
        line(
            "baseline",
            self.baseline
                .value
                .as_ref()
                .map_or_else(|| "null".to_owned(), |p| scalar(&p.display().to_string())),
            &self.baseline.origin,
        );
        line(
            "report-unused-suppressions",
            self.report_unused_suppressions.value.to_string(),
            &self.report_unused_suppressions.origin,
        );
        line(
            "max-file-size",
            self.max_file_size.value.to_string(),
            &self.max_file_size.origin,
        );
        line(
            "docs-url",
            self.docs_url
                .value
                .as_deref()
                .map_or_else(|| "null".to_owned(), scalar),
            &self.docs_url.origin,
        );
        line(
            "select",
            self.select
                .value
                .as_ref()
                .map_or_else(|| "null".to_owned(), |v| list(v)),
            &self.select.origin,
        );
        line("ignore", list(&self.ignore.value), &self.ignore.origin);
        if self.overrides.is_empty() {
            let _ = writeln!(s, "overrides: []");
        } else {
            let origin = self.file.clone().unwrap_or_default();
            let _ = writeln!(s, "overrides:  # {}", origin.display());
            for o in &self.overrides {
                let _ = writeln!(s, "  - files: {}", list(&o.files));
                if let Some(f) = o.fail_on {
                    let _ = writeln!(s, "    fail-on: {}", fail_on_name(f));
                }
                if !o.ignore.is_empty() {
                    let _ = writeln!(s, "    ignore: {}", list(&o.ignore));
                }
            }
        }
        s
    }
}

fn fail_on_name(f: FailOn) -> &'static str {
    f.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_are_quoted_only_when_yaml_would_misread_them() {
        assert_eq!(scalar("rules/a.yaml"), "rules/a.yaml");
        assert_eq!(scalar("../rules"), "../rules");
        assert_eq!(scalar("news/**"), "news/**");
        assert_eq!(scalar("*.md"), "\"*.md\"");
        assert_eq!(scalar("a, b"), "\"a, b\"");
        assert_eq!(scalar("null"), "\"null\"");
        assert_eq!(scalar(""), "\"\"");
    }
}
