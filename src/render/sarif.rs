//! SARIF 2.1.0, the format code-scanning services read (GitHub's
//! `upload-sarif`, among others).
//!
//! One run; the tool's rules are every registered check plus the
//! suppression checks, documented from their doc comments; each finding is
//! a result with its evidence as related locations and a stable
//! fingerprint (`crate::fingerprint`) so that a service tracks it across
//! unrelated edits. Columns count Unicode characters (`columnKind`).

use crate::finding::{Finding, Severity};
use crate::fingerprint::{finding_fingerprint, portable_path};
use serde::Serialize;
use serde_json::json;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The project's home: Cargo.toml's `repository`, when set.
fn information_uri() -> &'static str {
    match env!("CARGO_PKG_REPOSITORY") {
        "" => "https://crates.io/crates/claimcheck",
        repo => repo,
    }
}

/// The first paragraph of a check's doc, headings left out, for
/// `shortDescription`.
fn short(doc: &str) -> String {
    let mut words = Vec::new();
    for line in doc.lines().map(str::trim) {
        if line.starts_with('#') {
            continue;
        }
        if line.is_empty() {
            if words.is_empty() {
                continue;
            }
            break;
        }
        words.extend(line.split_whitespace());
    }
    words.join(" ")
}

/// SARIF's `{ "text": ... }` message.
#[derive(Serialize)]
struct Text {
    text: String,
}

fn text(t: impl Into<String>) -> Text {
    Text { text: t.into() }
}

/// A rule's help, as text and Markdown.
#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

/// `reportingDescriptor`: one check.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Help,
}

fn rule(code: &'static str, name: &'static str, doc: &str) -> Rule {
    Rule {
        id: code,
        name,
        short_description: text(short(doc)),
        full_description: text(doc),
        help: Help {
            text: doc.to_owned(),
            markdown: doc.to_owned(),
        },
    }
}

/// Every rule the tool can report, sorted by code.
fn rules() -> Vec<Rule> {
    crate::registry::all()
        .map(|c| rule(c.code(), c.name(), &crate::check::doc_text(c.doc())))
        .collect()
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation {
    id: usize,
    message: Text,
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
struct Properties {
    kind: &'static str,
    name: &'static str,
}

/// One finding as a SARIF `result`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    related_locations: Vec<RelatedLocation>,
    partial_fingerprints: std::collections::BTreeMap<&'static str, String>,
    properties: Properties,
}

/// A relative path as a URI reference: `/` kept, everything outside
/// RFC 3986's unreserved characters percent-encoded.
fn uri(path: &std::path::Path) -> String {
    let mut out = String::new();
    for b in portable_path(path).bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn level(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn result(f: &Finding) -> SarifResult {
    let (end_line, end_col) = super::claim_end(f);
    let related = f
        .evidence
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut message = e.text.clone();
            message.push_str(&super::evidence_suffix(e));
            RelatedLocation {
                id: i + 1,
                message: text(message),
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: uri(&e.location.path),
                    },
                    region: Region {
                        start_line: e.location.line,
                        start_column: e.location.column,
                        end_line: None,
                        end_column: None,
                        snippet: None,
                    },
                },
            }
        })
        .collect();
    let mut message = f.message.clone();
    for n in &f.notes {
        message.push_str(&format!(" Also: {n}"));
    }
    SarifResult {
        rule_id: f.code,
        level: level(f.severity),
        message: text(message),
        locations: [Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation {
                    uri: uri(&f.location.path),
                },
                region: Region {
                    start_line: f.location.line,
                    start_column: f.location.column,
                    end_line: Some(end_line),
                    end_column: Some(end_col),
                    snippet: Some(text(f.claim_text.clone())),
                },
            },
        }],
        related_locations: related,
        partial_fingerprints: [("claimcheck/v1", finding_fingerprint(f))].into(),
        properties: Properties {
            kind: f.kind,
            name: f.name,
        },
    }
}

/// The whole SARIF log.
pub fn render_findings_sarif(findings: &[Finding]) -> String {
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "claimcheck",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": information_uri(),
                    "rules": rules(),
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": findings.iter().map(result).collect::<Vec<_>>(),
        }]
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::tests::finding;
    use serde_json::Value;

    fn parse(findings: &[Finding]) -> Value {
        serde_json::from_str(&render_findings_sarif(findings)).unwrap()
    }

    #[test]
    fn log_has_version_tool_and_rules() {
        let v = parse(&[]);
        assert_eq!(v["version"], "2.1.0");
        assert!(v["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
        let driver = &v["runs"][0]["tool"]["driver"];
        assert_eq!(driver["name"], "claimcheck");
        let ids: Vec<&str> = driver["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert!(ids.contains(&"CC901"));
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn result_has_location_related_locations_and_fingerprint() {
        let v = parse(&[finding("./drafts/a.md", 4, "CC001", "14 ministers")]);
        let r = &v["runs"][0]["results"][0];
        assert_eq!(r["ruleId"], "CC001");
        assert_eq!(r["level"], "error");
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "drafts/a.md");
        assert_eq!(loc["region"]["startLine"], 4);
        assert_eq!(loc["region"]["endColumn"], 13);
        let rel = &r["relatedLocations"][0];
        assert_eq!(
            rel["physicalLocation"]["artifactLocation"]["uri"],
            "rules/facts.yaml"
        );
        assert_eq!(rel["physicalLocation"]["region"]["startLine"], 3);
        assert!(rel["message"]["text"]
            .as_str()
            .unwrap()
            .contains("cabinet-size"));
        assert_eq!(
            r["partialFingerprints"]["claimcheck/v1"]
                .as_str()
                .unwrap()
                .len(),
            16
        );
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(
            uri(std::path::Path::new("./a b/é#1.md")),
            "a%20b/%C3%A9%231.md"
        );
    }

    #[test]
    fn short_description_is_first_paragraph() {
        assert_eq!(
            short("## What it does\nChecks\ncounts.\n\nMore."),
            "Checks counts."
        );
    }
}
