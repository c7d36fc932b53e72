//! JUnit XML, for CI systems that show test reports: one test suite, one
//! test case per article checked; a case fails with one `<failure>` per
//! finding on that article. Articles without findings pass, so the report
//! shows what was checked, not only what failed.

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
        portable_path(&f.path),
        f.line,
        f.column,
        f.message
    );
    for e in &f.evidence {
        body.push_str(&format!(
            "\n  {}:{}: {}",
            portable_path(&e.path),
            e.line,
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
    let failing = articles
        .iter()
        .filter(|a| findings.iter().any(|f| &f.path == *a))
        .count();
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(&format!(
        "<testsuites name=\"claimcheck\" tests=\"{}\" failures=\"{failing}\">\n",
        articles.len()
    ));
    s.push_str(&format!(
        "  <testsuite name=\"claimcheck\" tests=\"{}\" failures=\"{failing}\" errors=\"0\">\n",
        articles.len()
    ));
    for a in articles {
        let name = escape_xml(&portable_path(a));
        let mine: Vec<&Finding> = findings.iter().filter(|f| &f.path == a).collect();
        if mine.is_empty() {
            s.push_str(&format!(
                "    <testcase name=\"{name}\" classname=\"claimcheck\" file=\"{name}\"/>\n"
            ));
        } else {
            s.push_str(&format!(
                "    <testcase name=\"{name}\" classname=\"claimcheck\" file=\"{name}\">\n"
            ));
            for f in mine {
                s.push_str(&failure(f));
            }
            s.push_str("    </testcase>\n");
        }
    }
    s.push_str("  </testsuite>\n</testsuites>\n");
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
    fn one_case_per_article_failing_only_with_findings() {
        let mut f = finding("a.md", 2, "CC001", "14");
        f.message = "<14> & more".to_owned();
        let out = render_findings_junit(&[f], &["a.md".into(), "b.md".into()]);
        assert!(out.contains("tests=\"2\" failures=\"1\""));
        assert!(out.contains("<testcase name=\"b.md\" classname=\"claimcheck\" file=\"b.md\"/>"));
        assert!(out
            .contains("<failure message=\"&lt;14&gt; &amp; more\" type=\"CC001 count-mismatch\">"));
        assert_eq!(out.matches("<testcase").count(), 2);
    }
}
