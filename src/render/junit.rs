//! JUnit XML, for CI systems that show test reports: one test suite per
//! article checked, one failing test case per finding on it (named by code,
//! check and position, as most readers list one row per case). An article
//! without findings is a suite with one passing case, so the report shows
//! what was checked, not only what failed.

use crate::finding::Finding;
use crate::fingerprint::portable_path;
use std::path::PathBuf;

/// Escape text for XML content and attribute values; characters XML 1.0
/// cannot carry become U+FFFD.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

fn failure(f: &Finding) -> String {
    let mut body = format!(
        "{}:{}:{}: {}",
        portable_path(&f.location.path),
        f.location.line,
        f.location.column,
        f.message
    );
    for e in &f.evidence {
        body.push_str(&format!(
            "\n  {}:{}: {}",
            portable_path(&e.location.path),
            e.location.line,
            e.text
        ));
        body.push_str(&super::evidence_suffix(e));
    }
    format!(
        "      <failure message=\"{}\" type=\"{} {}\">{}</failure>\n",
        escape_xml(&f.message),
        f.code,
        f.name,
        escape_xml(&body)
    )
}

/// The report over `articles` (every article checked, in order).
pub fn render_findings_junit(findings: &[Finding], articles: &[PathBuf]) -> String {
    let counted = |a: &PathBuf| findings.iter().filter(|f| &f.location.path == a).count();
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let tests: usize = articles.iter().map(|a| counted(a).max(1)).sum();
    let failures: usize = articles.iter().map(counted).sum();
    s.push_str(&format!(
        "<testsuites name=\"claimcheck\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">\n"
    ));
    for a in articles {
        let name = escape_xml(&portable_path(a));
        let mine: Vec<&Finding> = findings.iter().filter(|f| &f.location.path == a).collect();
        s.push_str(&format!(
            "  <testsuite name=\"{name}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
            mine.len().max(1),
            mine.len()
        ));
        if mine.is_empty() {
            s.push_str(&format!(
                "    <testcase name=\"no findings\" classname=\"{name}\" file=\"{name}\"/>\n"
            ));
        }
        for f in mine {
            s.push_str(&format!(
                "    <testcase name=\"{} {} at {}:{}\" classname=\"{name}\" file=\"{name}\" line=\"{}\">\n",
                f.code, f.name, f.location.line, f.location.column, f.location.line
            ));
            s.push_str(&failure(f));
            s.push_str("    </testcase>\n");
        }
        s.push_str("  </testsuite>\n");
    }
    s.push_str("</testsuites>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::tests::finding;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape_xml("a<b>&\"c'\u{1}"),
            "a&lt;b&gt;&amp;&quot;c&apos;\u{FFFD}"
        );
    }

    #[test]
    fn one_case_per_finding_in_one_suite_per_article() {
        let mut f = finding("a.md", 2, "CC001", "14");
        f.message = "<14> & more".to_owned();
        let g = finding("a.md", 5, "CC001", "15");
        let out = render_findings_junit(&[f, g], &["a.md".into(), "b.md".into()]);
        assert!(out.contains("<testsuites name=\"claimcheck\" tests=\"3\" failures=\"2\""));
        assert!(out.contains("<testsuite name=\"a.md\" tests=\"2\" failures=\"2\""));
        assert!(out.contains("<testsuite name=\"b.md\" tests=\"1\" failures=\"0\""));
        assert!(out.contains("<testcase name=\"no findings\" classname=\"b.md\" file=\"b.md\"/>"));
        assert!(
            out.contains(
                "<failure message=\"&lt;14&gt; &amp; more\" type=\"CC001 count-mismatch\">"
            ),
            "{out}"
        );
        assert_eq!(out.matches("<testcase").count(), 3);
        assert_eq!(out.matches("<failure").count(), 2);
        assert_eq!(out.matches("<testsuite ").count(), 2);
    }
}
