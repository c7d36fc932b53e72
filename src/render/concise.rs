//! Findings one per line, `path:line:col: CODE message`, for editors'
//! quickfix lists and grep. No evidence, no colour.

use crate::finding::Finding;

/// One line per finding.
pub fn render_findings_concise(findings: &[Finding]) -> String {
    let mut s = String::new();
    for f in findings {
        let message = f.message.replace(['\r', '\n'], " ");
        s.push_str(&format!(
            "{}:{}:{}: {} {}\n",
            f.location.path.display(),
            f.location.line,
            f.location.column,
            f.code,
            message
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::tests::finding;

    #[test]
    fn one_line_per_finding_with_position_and_code() {
        let mut f = finding("a.md", 4, "CC001", "14 ministers");
        f.location.column = 7;
        f.message = "two\nlines".to_owned();
        assert_eq!(render_findings_concise(&[f]), "a.md:4:7: CC001 two lines\n");
    }
}
