//! reviewdog's rdjsonl: one `Diagnostic` JSON object per line, for
//! `reviewdog -f=rdjsonl` to post as review comments. Evidence goes in
//! `related_locations`. Columns count characters.

use crate::finding::{Finding, Severity};
use crate::fingerprint::portable_path;
use serde::Serialize;
use serde_json::Value;

fn severity(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Note => "INFO",
    }
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<Position>,
}

#[derive(Serialize)]
struct Location {
    path: String,
    range: Range,
}

#[derive(Serialize)]
struct Related {
    message: String,
    location: Location,
}

#[derive(Serialize)]
struct Source {
    name: &'static str,
}

#[derive(Serialize)]
struct Code {
    value: &'static str,
}

/// reviewdog's `Diagnostic`.
#[derive(Serialize)]
struct Diagnostic<'a> {
    message: &'a str,
    location: Location,
    severity: &'static str,
    source: Source,
    code: Code,
    related_locations: Vec<Related>,
}

fn diagnostic(f: &Finding) -> Value {
    let (end_line, end_col) = super::claim_end(f);
    let related = f
        .evidence
        .iter()
        .map(|e| {
            let mut message = e.text.clone();
            message.push_str(&super::evidence_suffix(e));
            Related {
                message,
                location: Location {
                    path: portable_path(&e.location.path),
                    range: Range {
                        start: Position {
                            line: e.location.line,
                            column: e.location.column,
                        },
                        end: None,
                    },
                },
            }
        })
        .collect();
    let d = Diagnostic {
        message: &f.message,
        location: Location {
            path: portable_path(&f.location.path),
            range: Range {
                start: Position {
                    line: f.location.line,
                    column: f.location.column,
                },
                end: Some(Position {
                    line: end_line,
                    column: end_col,
                }),
            },
        },
        severity: severity(f.severity),
        source: Source { name: "claimcheck" },
        code: Code { value: f.code },
        related_locations: related,
    };
    // Through `Value`: keys sorted, as every JSON format writes them.
    serde_json::to_value(d).unwrap_or(Value::Null)
}

/// One finding as one diagnostic, on one line (without its line break).
pub fn render_diagnostic(f: &Finding) -> String {
    diagnostic(f).to_string()
}

/// One diagnostic per line.
pub fn render_findings_rdjsonl(findings: &[Finding]) -> String {
    let mut s = String::new();
    for f in findings {
        s.push_str(&render_diagnostic(f));
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::tests::finding;

    #[test]
    fn lines_are_reviewdog_diagnostics() {
        let mut note = finding("b.md", 1, "CC003", "x");
        note.severity = Severity::Note;
        let out = render_findings_rdjsonl(&[finding("a.md", 2, "CC001", "14"), note]);
        let lines: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        let d = &lines[0];
        assert_eq!(d["location"]["path"], "a.md");
        assert_eq!(d["location"]["range"]["start"]["line"], 2);
        assert_eq!(d["location"]["range"]["end"]["column"], 3);
        assert_eq!(d["severity"], "ERROR");
        assert_eq!(d["code"]["value"], "CC001");
        assert_eq!(
            d["related_locations"][0]["location"]["path"],
            "rules/facts.yaml"
        );
        assert_eq!(lines[1]["severity"], "INFO");
    }
}
