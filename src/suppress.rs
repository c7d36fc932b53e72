//! Suppressions: an editor silences a check for one paragraph, and says why.
//!
//! In Markdown and HTML the directive is a comment,
//! `<!-- claimcheck: ignore CC001,count-mismatch reason="figure from the court filing" -->`;
//! in plain text it is a line of its own, `claimcheck: ignore CC001 reason="..."`.
//! It silences the listed checks (codes or kebab-case names) on the next
//! paragraph: the next block of non-blank lines after the directive, in
//! source bytes. Directives are read from the article as stored, in one
//! linear scan. A directive without a reason, one that silences nothing and
//! one naming an unknown check are findings of their own (CC900..CC902), so
//! that suppressions stay honest. This module does not decide what a
//! paragraph means in the markup; blank lines delimit blocks.

use crate::finding::{Finding, Location, Severity};
use crate::source::{Article, Format};
use crate::span::Span;

/// Code of the finding for a suppression without a reason.
pub const CODE_NO_REASON: &str = "CC900";
/// Code of the finding for a suppression that silenced nothing.
pub const CODE_UNUSED: &str = "CC901";
/// Code of the finding for a suppression naming no known check.
pub const CODE_UNKNOWN: &str = "CC902";

/// A check this module reports itself, while applying directives (see
/// [`apply_suppressions`]); listed in [`crate::registry`] with the others.
pub struct SuppressionCheck {
    code: &'static str,
    name: &'static str,
    doc: &'static str,
}

impl crate::check::Check for SuppressionCheck {
    fn code(&self) -> &'static str {
        self.code
    }
    fn name(&self) -> &'static str {
        self.name
    }
    fn doc(&self) -> &'static str {
        self.doc
    }
    /// Nothing to do on claims: these findings come from the directives.
    fn check(&self, _cx: &crate::check::CheckContext<'_>, _out: &mut Vec<Finding>) {}
}

/// The checks this module reports itself, sorted by code.
pub static SUPPRESSION_CHECKS: &[&dyn crate::check::Check] = &[
    &SuppressionCheck {
        code: CODE_NO_REASON,
        name: "suppression-without-reason",
        doc: "A `claimcheck: ignore` directive gives no `reason=\"...\"`. A silenced \
         check hides a possible error from every later reader; the reason tells \
         them why it is safe.",
    },
    &SuppressionCheck {
        code: CODE_UNUSED,
        name: "unused-suppression",
        doc: "A `claimcheck: ignore` directive silenced no finding on the paragraph \
         after it. Stale suppressions would hide future errors there; remove it.",
    },
    &SuppressionCheck {
        code: CODE_UNKNOWN,
        name: "unknown-suppression-code",
        doc: "A `claimcheck: ignore` directive names a code or name that is no check \
         of this version, so it silences nothing. Check the spelling.",
    },
];

const MARKER: &str = "claimcheck:";

/// One directive found in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// The codes or names as written.
    pub codes: Vec<String>,
    /// The reason, when given (may be empty if written `reason=""`).
    pub reason: Option<String>,
    /// The directive itself, in source bytes.
    pub span: Span,
    /// The paragraph it silences, in source bytes (empty when none follows).
    pub target: Span,
}

/// Find every directive in `article`'s source.
pub fn parse_suppressions(article: &Article) -> Vec<Suppression> {
    let plain_lines = article.format == Format::Plain;
    let mut found = parse_source(&article.source, plain_lines);
    if article.format == Format::Markdown && !found.is_empty() {
        // A directive shown in a fenced code block is an example, not one.
        let fences = fenced_ranges(&article.source);
        found.retain(|s| {
            let at = s.span.start as usize;
            let k = fences.partition_point(|r| r.end <= at);
            fences.get(k).is_none_or(|r| at < r.start)
        });
    }
    found
}

/// Byte ranges of Markdown fenced code blocks (``` or ~~~, up to three
/// spaces of indent), in order, in one pass. An unclosed fence runs to the
/// end, as CommonMark says.
fn fenced_ranges(src: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, u8, usize)> = None;
    let mut start = 0;
    for line in src.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let body = &line[indent..];
        let ch = body.bytes().next().unwrap_or(0);
        let run = body.bytes().take_while(|&b| b == ch).count();
        let is_fence = indent <= 3 && (ch == b'`' || ch == b'~') && run >= 3;
        match open {
            None if is_fence => open = Some((start, ch, run)),
            Some((from, c, n))
                if is_fence && ch == c && run >= n && body[run..].trim().is_empty() =>
            {
                out.push(from..start + line.len());
                open = None;
            }
            _ => {}
        }
        start += line.len();
    }
    if let Some((from, _, _)) = open {
        out.push(from..src.len());
    }
    out
}

/// The scan over `src`: every `claimcheck:` occurrence is tried as a
/// directive; each attempt reads at most to the end of its line and the
/// scan resumes after it, so the whole pass is linear.
pub(crate) fn parse_source(src: &str, plain_lines: bool) -> Vec<Suppression> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(rel) = src[pos..].find(MARKER) {
        let at = pos + rel;
        let line_end = memchr_line_end(bytes, at);
        // Only spaces and tabs may stand between the marker and what opens
        // it; each run of them is scanned once, so this stays linear.
        let mut k = at;
        while k > 0 && matches!(bytes[k - 1], b' ' | b'\t') {
            k -= 1;
        }
        let comment = src[..k].ends_with("<!--");
        let own_line = plain_lines && (k == 0 || bytes[k - 1] == b'\n');
        if !(comment || own_line) {
            pos = at + MARKER.len();
            continue;
        }
        let start = if comment { k - 4 } else { at };
        match parse_directive(src, at + MARKER.len(), line_end, comment) {
            Some((codes, reason, end)) => {
                out.push(Suppression {
                    codes,
                    reason,
                    span: Span::new(start, end),
                    target: Span::default(),
                });
                pos = end.max(at + MARKER.len());
            }
            None => pos = line_end.max(at + MARKER.len()),
        }
    }
    if !out.is_empty() {
        let blanks = blank_line_starts(src);
        for sup in &mut out {
            sup.target = next_block(src, sup.span.end as usize, &blanks);
        }
    }
    out
}

/// Start offsets of the lines that hold only whitespace, in one pass.
fn blank_line_starts(src: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in src.split_inclusive('\n') {
        if line.trim().is_empty() {
            out.push(start);
        }
        start += line.len();
    }
    out
}

fn memchr_line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| from + i)
}

/// Parse `ignore CODES [reason="..."]` from `i` up to `line_end`; a comment
/// must close with `-->` on the same line. Returns the codes, the reason and
/// the end of the directive.
fn parse_directive(
    src: &str,
    mut i: usize,
    line_end: usize,
    comment: bool,
) -> Option<(Vec<String>, Option<String>, usize)> {
    let line = &src[..line_end];
    i = skip_spaces(line, i);
    let rest = &line[i..];
    if !rest.starts_with("ignore") {
        return None;
    }
    i += "ignore".len();
    if !line[i..].starts_with(|c: char| c.is_whitespace()) {
        return None;
    }
    let mut codes = Vec::new();
    loop {
        i = skip_spaces(line, i);
        let len = line[i..]
            .char_indices()
            .find(|&(j, c)| {
                c.is_whitespace() || c == ',' || c == '"' || line[i + j..].starts_with("-->")
            })
            .map_or(line.len() - i, |(j, _)| j);
        if len == 0 {
            return None;
        }
        codes.push(line[i..i + len].to_owned());
        i = skip_spaces(line, i + len);
        match line[i..].strip_prefix(',') {
            Some(_) => i += 1,
            None => break,
        }
    }
    let mut reason = None;
    if let Some(after) = line[i..].strip_prefix("reason=") {
        let q = i + "reason=".len();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let body = q + 1;
        let close = line[body..].find(quote)?;
        reason = Some(line[body..body + close].to_owned());
        i = skip_spaces(line, body + close + 1);
    }
    if comment {
        let close = line[i..].find("-->")?;
        Some((codes, reason, i + close + 3))
    } else {
        Some((codes, reason, line[..line_end].trim_end().len().max(i)))
    }
}

fn skip_spaces(line: &str, i: usize) -> usize {
    i + (line.len() - i - line[i..].trim_start().len())
}

/// The next block of non-blank lines after byte `from`: whitespace (the
/// rest of the directive's line, blank lines) is skipped; the block ends
/// before the next blank line, found by binary search in `blanks`, so that
/// many directives over one block cost no rescans.
fn next_block(src: &str, from: usize, blanks: &[usize]) -> Span {
    let bytes = src.as_bytes();
    let mut i = from;
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    let start = i;
    let k = blanks.partition_point(|&b| b <= start);
    let stop = blanks.get(k).copied().unwrap_or(src.len());
    let end = start + src[start..stop].trim_end().len();
    Span::new(start, end)
}

/// Whether `code` is written like a check code or name: `CC` and three
/// digits, or a kebab-case name.
fn is_well_formed(code: &str) -> bool {
    let b = code.as_bytes();
    let is_code =
        b.len() == 5 && b[..2].eq_ignore_ascii_case(b"CC") && b[2..].iter().all(u8::is_ascii_digit);
    let is_name = !b.is_empty()
        && b[0].is_ascii_lowercase()
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && !code.ends_with('-')
        && !code.contains("--");
    is_code || is_name
}

/// Whether `code` names a check that exists. With no checks registered
/// (early versions) any well-formed code is accepted.
fn is_known(code: &str) -> bool {
    if !is_well_formed(code) {
        return false;
    }
    if crate::check::CHECKS.is_empty() {
        return true;
    }
    crate::registry::find(code).is_some()
}

fn silences(s: &Suppression, f: &Finding) -> bool {
    f.span.start >= s.target.start
        && f.span.start < s.target.end
        && s.codes
            .iter()
            .any(|c| c.eq_ignore_ascii_case(f.code) || c.eq_ignore_ascii_case(f.name))
}

/// Drop the findings on `article` that its directives silence, and add the
/// findings about the directives themselves (reasonless, unknown code, and
/// unused when `report_unused` is on). Findings on other paths pass
/// through untouched.
pub fn apply_suppressions(
    article: &Article,
    suppressions: &[Suppression],
    findings: Vec<Finding>,
    report_unused: bool,
) -> Vec<Finding> {
    let mut used = vec![false; suppressions.len()];
    let mut out: Vec<Finding> = findings
        .into_iter()
        .filter(|f| {
            if f.location.path != article.path {
                return true;
            }
            let mut keep = true;
            for (k, s) in suppressions.iter().enumerate() {
                if silences(s, f) {
                    used[k] = true;
                    keep = false;
                }
            }
            keep
        })
        .collect();
    for (k, s) in suppressions.iter().enumerate() {
        if s.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            out.push(directive_finding(
                article,
                s,
                CODE_NO_REASON,
                "suppression without a reason: add reason=\"...\" saying why".to_owned(),
            ));
        }
        let unknown: Vec<&str> = s
            .codes
            .iter()
            .map(String::as_str)
            .filter(|c| !is_known(c))
            .collect();
        if !unknown.is_empty() {
            out.push(directive_finding(
                article,
                s,
                CODE_UNKNOWN,
                format!("suppression names no known check: {}", unknown.join(", ")),
            ));
        } else if report_unused && !used[k] {
            out.push(directive_finding(
                article,
                s,
                CODE_UNUSED,
                format!(
                    "unused suppression: nothing to silence for {} on the next paragraph",
                    s.codes.join(", ")
                ),
            ));
        }
    }
    out
}

fn directive_finding(
    article: &Article,
    s: &Suppression,
    code: &'static str,
    message: String,
) -> Finding {
    let name = crate::registry::find(code).map_or("suppression", |c| c.name());
    let lc = article.lines.line_col(&article.source, s.span.start);
    let line = article.lines.line_range(&article.source, lc.line);
    let (line_text, line_text_column) =
        crate::span::finding_line(&article.source, line, s.span, lc.column);
    Finding {
        location: Location {
            path: article.path.clone(),
            line: lc.line,
            column: lc.column,
            line_text,
        },
        published: article.published,
        span: s.span,
        line_text_column,
        kind: "suppression",
        code,
        name,
        severity: Severity::Warning,
        message,
        claim_text: article.source[s.span.range()].to_owned(),
        expected: None,
        evidence: Vec::new(),
        diff: None,
        notes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fingerprint::tests::finding;

    fn article(path: &str, src: &str) -> Article {
        Article::from_source(path, src.to_owned(), None)
    }

    fn finding_at(a: &Article, needle: &str, code: &'static str) -> Finding {
        let at = a.source.find(needle).unwrap();
        let mut f = finding(a.path.to_str().unwrap(), 1, code, needle);
        f.span = Span::new(at, at + needle.len());
        f
    }

    fn codes(findings: &[Finding]) -> Vec<&str> {
        findings.iter().map(|f| f.code).collect()
    }

    const MD: &str = "Intro line.\n\n<!-- claimcheck: ignore CC001 reason=\"court filing\" -->\nThe cabinet has 14 ministers.\nStill the same paragraph.\n\nLater, 14 ministers again.\n";

    #[test]
    fn markdown_comment_silences_next_paragraph_only() {
        let a = article("a.md", MD);
        let sups = parse_suppressions(&a);
        assert_eq!(sups.len(), 1);
        assert_eq!(sups[0].codes, ["CC001"]);
        assert_eq!(sups[0].reason.as_deref(), Some("court filing"));
        assert_eq!(
            &a.source[sups[0].target.range()],
            "The cabinet has 14 ministers.\nStill the same paragraph."
        );
        let inside = finding_at(&a, "14 ministers.", "CC001");
        let outside = finding_at(&a, "14 ministers again", "CC001");
        let out = apply_suppressions(&a, &sups, vec![inside, outside.clone()], true);
        assert_eq!(out, vec![outside]);
    }

    #[test]
    fn suppression_matches_by_kebab_name_and_lists() {
        let src = "<!-- claimcheck: ignore CC006, count-mismatch reason=\"ok\" -->\n14 ministers\n";
        let a = article("a.md", src);
        let sups = parse_suppressions(&a);
        assert_eq!(sups[0].codes, ["CC006", "count-mismatch"]);
        let f = finding_at(&a, "14 ministers", "CC001");
        assert!(apply_suppressions(&a, &sups, vec![f], true).is_empty());
    }

    #[test]
    fn other_codes_are_not_silenced() {
        let src = "<!-- claimcheck: ignore CC002 reason=\"ok\" -->\n14 ministers\n";
        let a = article("a.md", src);
        let sups = parse_suppressions(&a);
        let f = finding_at(&a, "14 ministers", "CC001");
        let out = apply_suppressions(&a, &sups, vec![f], true);
        assert_eq!(codes(&out), ["CC001", CODE_UNUSED]);
    }

    #[test]
    fn html_comment_is_read() {
        let src = "<p>One.</p>\n<!--claimcheck: ignore CC001 reason='wire copy'-->\n<p>14 ministers</p>\n";
        let a = article("a.html", src);
        let sups = parse_suppressions(&a);
        assert_eq!(sups.len(), 1);
        assert_eq!(sups[0].reason.as_deref(), Some("wire copy"));
        assert_eq!(&a.source[sups[0].target.range()], "<p>14 ministers</p>");
    }

    #[test]
    fn plain_text_line_is_read_but_not_mid_sentence() {
        let src = "He said claimcheck: ignore CC001 reason=\"x\" in jest.\n\nclaimcheck: ignore CC001 reason=\"agency figure\"\n14 ministers\n";
        let a = article("a.txt", src);
        let sups = parse_suppressions(&a);
        assert_eq!(sups.len(), 1);
        assert_eq!(sups[0].reason.as_deref(), Some("agency figure"));
        assert_eq!(&a.source[sups[0].target.range()], "14 ministers");
    }

    #[test]
    fn directive_in_a_fenced_code_block_is_an_example() {
        let src = "```\n<!-- claimcheck: ignore CC001 -->\n```\n\n<!-- claimcheck: ignore CC002 reason=\"x\" -->\n14\n";
        let sups = parse_suppressions(&article("a.md", src));
        assert_eq!(sups.len(), 1);
        assert_eq!(sups[0].codes, ["CC002"]);
    }

    #[test]
    fn plain_text_line_is_ignored_in_markdown() {
        let a = article("a.md", "claimcheck: ignore CC001 reason=\"x\"\n14\n");
        assert!(parse_suppressions(&a).is_empty());
    }

    #[test]
    fn reasonless_suppression_is_a_warning() {
        let a = article("a.md", "<!-- claimcheck: ignore CC001 -->\n14 ministers\n");
        let sups = parse_suppressions(&a);
        assert_eq!(sups[0].reason, None);
        let f = finding_at(&a, "14 ministers", "CC001");
        let out = apply_suppressions(&a, &sups, vec![f], true);
        assert_eq!(codes(&out), [CODE_NO_REASON]);
        assert_eq!(out[0].severity, Severity::Warning);
        assert_eq!((out[0].location.line, out[0].location.column), (1, 1));
    }

    #[test]
    fn unused_suppression_is_reported_unless_turned_off() {
        let a = article(
            "a.md",
            "<!-- claimcheck: ignore CC001 reason=\"x\" -->\nNothing here.\n",
        );
        let sups = parse_suppressions(&a);
        assert_eq!(
            codes(&apply_suppressions(&a, &sups, vec![], true)),
            [CODE_UNUSED]
        );
        assert!(apply_suppressions(&a, &sups, vec![], false).is_empty());
    }

    #[test]
    fn malformed_code_is_unknown() {
        let a = article(
            "a.md",
            "<!-- claimcheck: ignore Count_Mismatch reason=\"x\" -->\n14\n",
        );
        let sups = parse_suppressions(&a);
        assert_eq!(
            codes(&apply_suppressions(&a, &sups, vec![], true)),
            [CODE_UNKNOWN]
        );
    }

    #[test]
    fn unclosed_comment_or_quote_is_not_a_directive() {
        let a = article(
            "a.md",
            "<!-- claimcheck: ignore CC001 reason=\"x\n14\n<!-- claimcheck: ignore CC001\n",
        );
        assert!(parse_suppressions(&a).is_empty());
    }

    #[test]
    fn directive_at_end_of_file_targets_nothing() {
        let a = article(
            "a.md",
            "Text.\n\n<!-- claimcheck: ignore CC001 reason=\"x\" -->",
        );
        let sups = parse_suppressions(&a);
        assert!(sups[0].target.is_empty());
    }

    #[test]
    fn findings_on_other_articles_pass_through() {
        let a = article(
            "a.md",
            "<!-- claimcheck: ignore CC001 reason=\"x\" -->\n14 ministers\n",
        );
        let sups = parse_suppressions(&a);
        let mut f = finding_at(&a, "14 ministers", "CC001");
        f.location.path = "b.md".into();
        let out = apply_suppressions(&a, &sups, vec![f], false);
        assert_eq!(codes(&out), ["CC001"]);
    }

    proptest::proptest! {
        #[test]
        fn any_text_parses_without_panic_and_spans_stay_in_bounds(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::prelude::Just("<!-- ".to_owned()),
                    proptest::prelude::Just("claimcheck: ignore ".to_owned()),
                    proptest::prelude::Just("reason=\"".to_owned()),
                    proptest::prelude::Just("-->".to_owned()),
                    proptest::prelude::Just("\n\n".to_owned()),
                    "\\PC{0,6}",
                ],
                0..24,
            ),
            plain in proptest::bool::ANY,
        ) {
            let src: String = parts.concat();
            for s in parse_source(&src, plain) {
                proptest::prop_assert!(src.is_char_boundary(s.span.start as usize));
                proptest::prop_assert!(src.is_char_boundary(s.span.end as usize));
                proptest::prop_assert!(s.target.end as usize <= src.len());
                proptest::prop_assert!(src.is_char_boundary(s.target.start as usize));
            }
        }
    }

    #[test]
    fn scanning_odd_input_never_panics() {
        for src in [
            "claimcheck:",
            "<!-- claimcheck: ignore",
            "<!-- claimcheck: ignore é,ü reason=\"ß\" -->\n“x”",
            "claimcheck: ignore CC001 reason=\"",
            "\n\n<!--claimcheck:claimcheck:claimcheck: ignore CC1-->",
        ] {
            let _ = parse_source(src, true);
            let _ = parse_source(src, false);
        }
    }
}
