//! Stable fingerprints of findings, for baselines and SARIF's
//! `partialFingerprints`.
//!
//! A fingerprint must survive unrelated edits (a paragraph inserted above
//! the claim) and be the same on every machine and Rust release, so it is
//! built from what the finding says, never from where it stands: the path,
//! the check code, the kind of claim, the claim's text with case and
//! whitespace normalised, and the evidence's rule ids and texts. Line
//! numbers and byte offsets are left out on purpose. The hash is FNV-1a
//! 64-bit, written out here because std's `DefaultHasher` promises no
//! stability across releases. This is not a cryptographic hash.

use crate::finding::Finding;
use std::path::Path;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a 64-bit, incrementally.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv1a(u64);

impl Fnv1a {
    pub(crate) fn new() -> Self {
        Fnv1a(FNV_OFFSET)
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
    }

    /// Write a field followed by a separator byte that text never holds,
    /// so that ("ab", "c") and ("a", "bc") hash apart.
    pub(crate) fn field(&mut self, s: &str) {
        self.write(s.as_bytes());
        self.write(&[0x1f]);
    }

    pub(crate) fn finish(self) -> u64 {
        self.0
    }
}

/// FNV-1a 64 of `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h = Fnv1a::new();
    h.write(bytes);
    h.finish()
}

/// A path as fingerprints and reports spell it: `/` separators, no leading
/// `./`, so that the same file named two ways on one machine matches.
pub fn portable_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let mut t = s.as_str();
    while let Some(rest) = t.strip_prefix("./") {
        t = rest;
    }
    t.to_owned()
}

/// Lower case, runs of whitespace collapsed to one space, trimmed.
fn normalize_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The fingerprint of a finding: 16 lower-case hex digits.
pub fn finding_fingerprint(f: &Finding) -> String {
    let mut h = Fnv1a::new();
    h.field("claimcheck/v1");
    h.field(&portable_path(&f.location.path));
    h.field(f.code);
    h.field(f.kind);
    h.field(&normalize_text(&f.claim_text));
    let mut evidence: Vec<(String, String)> = f
        .evidence
        .iter()
        .map(|e| (e.rule.clone().unwrap_or_default(), normalize_text(&e.text)))
        .collect();
    evidence.sort();
    for (rule, text) in &evidence {
        h.field(rule);
        h.field(text);
    }
    format!("{:016x}", h.finish())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::finding::{Evidence, Location, Severity};
    use crate::span::Span;
    use std::path::PathBuf;

    /// A finding on `path` at `line`, for tests across the CI modules.
    pub(crate) fn finding(path: &str, line: usize, code: &'static str, claim: &str) -> Finding {
        Finding {
            location: Location {
                path: PathBuf::from(path),
                line,
                column: 1,
                line_text: claim.to_owned(),
            },
            published: None,
            span: Span::new(line * 100, line * 100 + claim.len()),
            line_text_column: 1,
            kind: "count",
            code,
            name: "count-mismatch",
            severity: Severity::Error,
            message: format!("{claim} disagrees with the rules"),
            claim_text: claim.to_owned(),
            expected: None,
            evidence: vec![Evidence {
                location: Location {
                    path: PathBuf::from("rules/facts.yaml"),
                    line: 3,
                    column: 5,
                    line_text: "value: 12".to_owned(),
                },
                highlight: (0, 9),
                text: "12 ministers".to_owned(),
                rule: Some("cabinet-size".to_owned()),
                published: None,
                relation: None,
                alignment: None,
            }],
            diff: None,
            notes: Vec::new(),
        }
    }

    #[test]
    fn fnv1a_matches_published_test_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn fingerprint_ignores_line_and_offset() {
        let a = finding("a.md", 3, "CC001", "14 ministers");
        let b = finding("a.md", 9, "CC001", "14 ministers");
        assert_eq!(finding_fingerprint(&a), finding_fingerprint(&b));
    }

    #[test]
    fn fingerprint_ignores_case_whitespace_and_dot_slash() {
        let a = finding("./a.md", 3, "CC001", "14  Ministers");
        let b = finding("a.md", 3, "CC001", "14 ministers");
        assert_eq!(finding_fingerprint(&a), finding_fingerprint(&b));
    }

    #[test]
    fn fingerprint_differs_by_code_path_claim_and_evidence() {
        let base = finding("a.md", 3, "CC001", "14 ministers");
        let fp = finding_fingerprint(&base);
        assert_ne!(
            fp,
            finding_fingerprint(&finding("b.md", 3, "CC001", "14 ministers"))
        );
        assert_ne!(
            fp,
            finding_fingerprint(&finding("a.md", 3, "CC002", "14 ministers"))
        );
        assert_ne!(
            fp,
            finding_fingerprint(&finding("a.md", 3, "CC001", "15 ministers"))
        );
        let mut other_rule = base.clone();
        other_rule.evidence[0].rule = Some("other".to_owned());
        assert_ne!(fp, finding_fingerprint(&other_rule));
    }

    #[test]
    fn fingerprint_is_sixteen_hex_digits() {
        let fp = finding_fingerprint(&finding("a.md", 1, "CC001", "x"));
        assert_eq!(fp.len(), 16);
        assert!(fp.bytes().all(|b| b.is_ascii_hexdigit()));
    }
}
