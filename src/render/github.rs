//! GitHub Actions workflow commands: each finding becomes an annotation on
//! the pull request (`::error file=...,line=...::message`).
//!
//! Escaping follows the runner's rules: in the message (data) `%`, `\r` and
//! `\n`; in properties also `:` and `,`. Evidence goes in the message, one
//! piece per line. Nothing here talks to GitHub; the runner reads stdout.

use crate::finding::{Finding, Severity};
use crate::fingerprint::portable_path;

/// Escape workflow-command data (the message).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a workflow-command property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(sev: Severity) -> &'static str {
    match sev {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    }
}

/// The annotation message: the finding's message, then its evidence.
fn message(f: &Finding) -> String {
    let mut m = f.message.clone();
    for e in &f.evidence {
        m.push_str(&format!(
            "\n{}:{}: {}",
            portable_path(&e.location.path),
            e.location.line,
            e.text
        ));
        m.push_str(&super::evidence_suffix(e));
    }
    for n in &f.notes {
        m.push_str(&format!("\nalso: {n}"));
    }
    m
}

/// One workflow command per finding.
pub fn render_findings_github(findings: &[Finding]) -> String {
    let mut s = String::new();
    for f in findings {
        let (end_line, end_col) = super::claim_end(f);
        s.push_str(&format!(
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            command(f.severity),
            escape_property(&portable_path(&f.location.path)),
            f.location.line,
            f.location.column,
            end_line,
            end_col,
            escape_property(&format!("{} {}", f.code, f.name)),
            escape_data(&message(f)),
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::tests::finding;

    #[test]
    fn data_and_property_escapes_follow_runner_rules() {
        assert_eq!(escape_data("50%\r\nx: y, z"), "50%25%0D%0Ax: y, z");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn severities_map_to_commands() {
        let mut f = finding("a.md", 2, "CC001", "14");
        let out = |f: &Finding| render_findings_github(std::slice::from_ref(f));
        assert!(out(&f).starts_with("::error file=a.md,line=2,col=1,"));
        f.severity = Severity::Warning;
        assert!(out(&f).starts_with("::warning "));
        f.severity = Severity::Note;
        assert!(out(&f).starts_with("::notice "));
    }

    #[test]
    fn evidence_is_in_the_escaped_message() {
        let mut f = finding("dir,x/a.md", 2, "CC001", "14 ministers");
        f.message = "100% wrong".to_owned();
        let line = render_findings_github(&[f]);
        assert_eq!(line.matches('\n').count(), 1);
        assert!(line.contains("file=dir%2Cx/a.md,"));
        assert!(line.contains("title=CC001 count-mismatch::"));
        assert!(line
            .ends_with("::100%25 wrong%0Arules/facts.yaml:3: 12 ministers (rule cabinet-size)\n"));
    }
}
