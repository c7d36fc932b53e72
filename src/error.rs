//! Errors: input that could not be read. Findings are not errors.
//!
//! Every variant names the file, and the line and column where there is one,
//! so a message on stderr is enough to find the problem.

use std::path::PathBuf;

/// What went wrong reading articles, rules or configuration.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file or folder could not be read at all.
    #[error("{path}: {source}")]
    Io {
        /// The path as given.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A path that does not exist.
    #[error("{path}: no such file or directory")]
    NotFound {
        /// The path as given.
        path: PathBuf,
    },
    /// A folder that holds no article files.
    #[error("{path}: no articles found (looked for .md, .markdown, .txt, .html, .htm)")]
    NoArticles {
        /// The folder as given.
        path: PathBuf,
    },
    /// A folder that holds no rule files.
    #[error("{path}: no rule files found (looked for .yaml, .yml)")]
    NoRules {
        /// The folder as given.
        path: PathBuf,
    },
    /// Bytes that are not UTF-8 text.
    #[error("{path}:{line}:{column}: invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// 1-based column (in characters) of the first invalid byte.
        column: usize,
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// Binary data, not text.
    #[error("{path}: not a text file (binary data at byte {offset})")]
    Binary {
        /// The file.
        path: PathBuf,
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// A file larger than the size limit (`max-file-size`).
    #[error("{path}: file too large: over the limit of {limit} bytes (max-file-size in claimcheck.yaml)")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A FIFO, device, socket or folder where a file was expected.
    #[error("{path}: not a regular file ({kind}): refused")]
    NotRegular {
        /// The path as given.
        path: PathBuf,
        /// What it is instead ("a FIFO").
        kind: &'static str,
    },
    /// A rule file that is not valid YAML or breaks the rule contract.
    #[error("{path}:{line}:{column}: {message}")]
    Rule {
        /// The rule file.
        path: PathBuf,
        /// 1-based line (0 when unknown).
        line: usize,
        /// 1-based column (0 when unknown).
        column: usize,
        /// What is wrong, naming the key or id.
        message: String,
    },
    /// A date that could not be parsed (for example `--published`).
    #[error("invalid date '{value}': expected YYYY-MM-DD")]
    BadDate {
        /// The text given.
        value: String,
    },
    /// A publication date in an article's metadata that is not a date.
    #[error(
        "{path}:{line}: unreadable publication date '{value}' in `{key}:` (use an ISO 8601 date such as 2026-03-03 or 2026-03-03T10:00:00+01:00, or an RFC 2822 date)"
    )]
    BadPublished {
        /// The article.
        path: PathBuf,
        /// 1-based line of the key.
        line: usize,
        /// The key (`published`, `date`).
        key: String,
        /// The value as written.
        value: String,
    },
    /// A report or output file that could not be written.
    #[error("{path}: cannot write: {message}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        message: String,
    },
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// `message` safe to print on a terminal: control characters (an escape
/// sequence in a file name, a carriage return) are shown escaped
/// (`\u{1b}`), so a hostile name cannot rewrite the screen.
pub fn printable(message: &str) -> std::borrow::Cow<'_, str> {
    if !message.chars().any(|c| c.is_control() && c != '\n') {
        return message.into();
    }
    let mut out = String::with_capacity(message.len() + 8);
    for c in message.chars() {
        if c.is_control() && c != '\n' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(super::printable("a.md: x"), "a.md: x");
        assert_eq!(
            super::printable("\u{1b}[2Ja.md\r: x"),
            "\\u{1b}[2Ja.md\\r: x"
        );
    }
}
