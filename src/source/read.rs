//! Reading an input file (article, rule file, config, baseline) without
//! trusting it: only regular files are opened for reading, and reading
//! stops at a size limit.
//!
//! A FIFO would block the run until something writes to it, and a device
//! such as `/dev/zero` (named directly or behind a symlink) never ends; both
//! are refused before a byte is read. A regular file that is too large, or
//! that grows while it is read, is refused once the limit is passed: the
//! limit is enforced by the read itself (`Read::take`), not by a size
//! checked beforehand. This module reads bytes; it does not decode them.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Default largest input file, in bytes (64 MiB): far above any article or
/// rule file, far below what would exhaust memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Largest `max-file-size` that can be set: spans are `u32` byte offsets.
pub const MAX_MAX_FILE_SIZE: u64 = u32::MAX as u64;

/// Why an input file was not read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// The operating system's error (missing, permission denied...).
    Io(io::Error),
    /// Not a regular file; the kind of file it is instead.
    NotRegular(&'static str),
    /// More bytes than the limit.
    TooLarge {
        /// The limit that was passed.
        limit: u64,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => e.fmt(f),
            ReadError::NotRegular(kind) => write!(f, "not a regular file ({kind}): refused"),
            ReadError::TooLarge { limit } => write!(
                f,
                "file too large: over the limit of {limit} bytes (max-file-size in claimcheck.yaml)"
            ),
        }
    }
}

impl From<ReadError> for io::Error {
    /// For callers whose errors carry an [`io::Error`]; the message is kept.
    fn from(e: ReadError) -> io::Error {
        match e {
            ReadError::Io(e) => e,
            other => io::Error::new(io::ErrorKind::InvalidInput, other.to_string()),
        }
    }
}

/// Read a whole regular file of at most `limit` bytes.
pub(crate) fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Looked at before opening: opening a FIFO for reading blocks, and
    // opening a device can have effects of its own.
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    refuse_special(&meta)?;
    let file = open_nonblocking(path).map_err(ReadError::Io)?;
    // And again on what was opened, in case the path changed in between.
    let meta = file.metadata().map_err(ReadError::Io)?;
    refuse_special(&meta)?;
    let hint = meta.len().min(limit).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(hint).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Read a regular file of at most [`DEFAULT_MAX_FILE_SIZE`] bytes as UTF-8,
/// for the small files around a run (config, baseline); invalid UTF-8 is
/// reported by line and column.
pub(crate) fn read_small_to_string(path: &Path) -> io::Result<String> {
    let bytes = read_limited(path, DEFAULT_MAX_FILE_SIZE)?;
    String::from_utf8(bytes)
        .map(normalize_lone_cr)
        .map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let (line, column) = line_column(&e.as_bytes()[..offset]);
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("line {line}, column {column}: invalid UTF-8 at byte {offset}"),
            )
        })
}

/// Old Mac line endings (a lone `\r`) become `\n`, byte for byte, so that
/// offsets into the text stay offsets into the file while every later
/// step (front matter, paragraphs, lines and columns) sees the line breaks
/// it knows. `\r\n` is left alone.
pub(crate) fn normalize_lone_cr(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // One ASCII byte replaced by another: still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The 1-based line and column (in characters) just after `valid`, the
/// valid UTF-8 before an error.
pub(crate) fn line_column(valid: &[u8]) -> (usize, usize) {
    let line_start = valid
        .iter()
        .rposition(|&b| b == b'\n' || b == b'\r')
        .map_or(0, |i| i + 1);
    let line = 1
        + valid.iter().filter(|&&b| b == b'\n').count()
        + valid
            .windows(2)
            .filter(|w| w[0] == b'\r' && w[1] != b'\n')
            .count()
        + usize::from(valid.last() == Some(&b'\r'));
    let column = 1 + std::str::from_utf8(&valid[line_start..]).map_or(0, |s| s.chars().count());
    (line, column)
}

fn refuse_special(meta: &std::fs::Metadata) -> Result<(), ReadError> {
    if meta.is_file() {
        Ok(())
    } else {
        Err(ReadError::NotRegular(file_kind(&meta.file_type())))
    }
}

/// The kind of a file that is not a regular one, in words.
pub(crate) fn file_kind(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() {
        "a directory"
    } else if t.is_file() {
        "a regular file"
    } else {
        "a special file"
    }
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: a FIFO swapped in after the check is opened without
    // waiting for a writer (and then refused); no effect on regular files.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_just_past_the_limit() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("a.txt");
        std::fs::write(&p, "0123456789").unwrap();
        assert_eq!(read_limited(&p, 10).unwrap().len(), 10);
        assert!(matches!(
            read_limited(&p, 9),
            Err(ReadError::TooLarge { limit: 9 })
        ));
    }

    #[test]
    fn line_and_column_count_any_line_ending_and_characters() {
        assert_eq!(line_column(b""), (1, 1));
        assert_eq!(line_column(b"ab"), (1, 3));
        assert_eq!(line_column("a\n\u{e9}x".as_bytes()), (2, 3));
        assert_eq!(line_column(b"a\r\nb\rc\r"), (4, 1));
    }

    #[test]
    fn lone_carriage_returns_become_line_feeds_in_place() {
        let text = "a\rb\r\nc\r\r\u{e9}\r".to_owned();
        let out = normalize_lone_cr(text.clone());
        assert_eq!(out, "a\nb\r\nc\n\n\u{e9}\n");
        assert_eq!(out.len(), text.len());
    }

    #[test]
    fn directories_are_refused() {
        let d = tempfile::tempdir().unwrap();
        let err = read_limited(d.path(), 10).unwrap_err();
        assert_eq!(err.to_string(), "not a regular file (a directory): refused");
    }

    #[cfg(unix)]
    #[test]
    fn dev_zero_behind_a_symlink_is_refused_at_once() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("zero.md");
        std::os::unix::fs::symlink("/dev/zero", &p).unwrap();
        let err = read_limited(&p, DEFAULT_MAX_FILE_SIZE).unwrap_err();
        assert!(err.to_string().contains("character device"), "{err}");
    }
}
