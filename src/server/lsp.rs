//! Between claimcheck's data and the protocol's: byte offsets to UTF-16
//! positions, paths to `file:` URIs, findings to diagnostics. Pure
//! conversions; no state and no I/O.

use crate::finding::{Evidence, Finding, Severity};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString, Position, Range, Uri,
};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The LSP position (0-based line, UTF-16 column) of byte `offset` in
/// `text` (clamped to the text, and back to a character boundary).
pub(crate) fn position(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = text[start..offset].chars().map(char::len_utf16).sum();
    Position::new(line as u32, character as u32)
}

/// The range of bytes `start..end` of `text`.
pub(crate) fn range(text: &str, start: usize, end: usize) -> Range {
    Range::new(position(text, start), position(text, end))
}

/// Whether two ranges touch (an empty range inside or at the edge of the
/// other counts).
pub(crate) fn overlaps(a: &Range, b: &Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// The local path of a `file:` URI.
pub(crate) fn uri_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // `file:///a/b` (empty host) or `file://localhost/a/b`.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(PathBuf::from(String::from_utf8(out).ok()?))
}

/// The `file:` URI of an absolute path.
pub(crate) fn path_uri(path: &Path) -> Uri {
    let mut s = String::from("file://");
    let p = path.to_string_lossy();
    if !p.starts_with('/') {
        s.push('/');
    }
    for b in p.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            s.push(char::from(b));
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&s).unwrap_or_else(|_| Uri::from_str("file:///").expect("a valid URI"))
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Note => DiagnosticSeverity::INFORMATION,
    }
}

/// What a piece of evidence says, in one line.
pub(crate) fn evidence_message(e: &Evidence) -> String {
    match (&e.rule, e.relation, e.published) {
        (Some(rule), _, _) => format!("rule `{rule}`: {}", e.text),
        (None, Some(rel), Some(date)) => format!("{} coverage ({date}): {}", rel.as_str(), e.text),
        (None, _, _) => format!("coverage: {}", e.text),
    }
}

/// Where a piece of evidence is: its line, with the highlighted part.
fn evidence_location(e: &Evidence, base: &Path) -> Location {
    let path = if e.location.path.is_absolute() {
        e.location.path.clone()
    } else {
        base.join(&e.location.path)
    };
    let line = e.location.line.saturating_sub(1) as u32;
    // `column` is where the highlighted part starts (1-based characters);
    // the highlight is a byte range of `line_text`.
    let (hs, he) = e.highlight;
    let width: usize = e
        .location
        .line_text
        .get(hs.min(he)..he.min(e.location.line_text.len()))
        .map_or(0, |s| s.chars().map(char::len_utf16).sum());
    let start = e.location.column.saturating_sub(1) as u32;
    Location::new(
        path_uri(&path),
        Range::new(
            Position::new(line, start),
            Position::new(line, start + width as u32),
        ),
    )
}

/// The diagnostic of a finding on the document `text`; evidence paths
/// that are relative are taken from `base`; `docs` is the check's
/// documentation URL, when the config names one.
pub(crate) fn diagnostic(f: &Finding, text: &str, base: &Path, docs: Option<&str>) -> Diagnostic {
    let mut message = f.message.clone();
    if let Some(expected) = &f.expected {
        message.push_str(&format!(" (expected: {expected})"));
    }
    let related: Vec<DiagnosticRelatedInformation> = f
        .evidence
        .iter()
        .map(|e| DiagnosticRelatedInformation {
            location: evidence_location(e, base),
            message: evidence_message(e),
        })
        .collect();
    Diagnostic {
        range: range(text, f.span.start as usize, f.span.end as usize),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.code.to_owned())),
        source: Some("claimcheck".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        code_description: docs
            .and_then(|u| Uri::from_str(u).ok())
            .map(|href| CodeDescription { href }),
        ..Diagnostic::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        let text = "a\n\u{e9}\u{1F600}x\nlast";
        let at_x = text.find('x').unwrap();
        assert_eq!(position(text, at_x), Position::new(1, 3));
        assert_eq!(position(text, text.len()), Position::new(2, 4));
        // Inside a character: its start.
        assert_eq!(position(text, at_x - 1), Position::new(1, 1));
    }

    #[test]
    fn file_uris_round_trip_with_escapes() {
        let p = Path::new("/tmp/a b/caf\u{e9}.md");
        let uri = path_uri(p);
        assert_eq!(uri.as_str(), "file:///tmp/a%20b/caf%C3%A9.md");
        assert_eq!(uri_path(&uri).as_deref(), Some(p));
    }
}
