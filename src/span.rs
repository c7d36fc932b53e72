//! Byte ranges into the original file, and the line index that turns them
//! into line and column only when something is rendered.
//!
//! Spans are `u32` offsets (as in ruff's `TextRange`): articles over 4 GiB are
//! refused when they are read, so every offset fits.

use std::ops::Range;

/// A half-open byte range `[start, end)` into a file as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end` (swapped if given backwards).
    pub fn new(start: usize, end: usize) -> Self {
        let (s, e) = if start <= end {
            (start, end)
        } else {
            (end, start)
        };
        Span {
            start: s as u32,
            end: e as u32,
        }
    }

    /// The span as a `usize` range, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// A 1-based line and a 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
}

/// Start offsets of every line of one file, built once and shared by every
/// lookup (ruff's `LineIndex`): a lookup is a binary search, not a rescan.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<u32>,
    /// Every [`CHECKPOINT`] bytes (at a char boundary): the byte offset and
    /// the number of chars before it, so a column on a 5 MB line costs a
    /// short count, not a rescan of the line.
    checkpoints: Vec<(u32, u32)>,
}

/// Bytes between char-count checkpoints.
const CHECKPOINT: usize = 1024;

impl LineIndex {
    /// Index the lines of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 60 + 1);
        starts.push(0);
        starts.extend(memchr_newlines(text).map(|i| (i + 1) as u32));
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let (mut at, mut chars) = (0usize, 0usize);
        while at < text.len() {
            checkpoints.push((at as u32, chars as u32));
            // A char is at most 4 bytes, so this always moves forward.
            let next = floor_char_boundary(text, at + CHECKPOINT);
            chars += text[at..next].chars().count();
            at = next;
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// Number of chars in `text` before byte `offset` (a char boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let i = self
            .checkpoints
            .partition_point(|&(b, _)| b as usize <= offset)
            .saturating_sub(1);
        match self.checkpoints.get(i) {
            Some(&(b, c)) => c as usize + text[b as usize..offset].chars().count(),
            None => text[..offset].chars().count(),
        }
    }

    /// Line and column of byte `offset` in `text` (the same text the index
    /// was built from). Offsets past the end are clamped.
    pub fn line_col(&self, text: &str, offset: u32) -> LineCol {
        let offset = floor_char_boundary(text, (offset as usize).min(text.len()));
        let line = self.starts.partition_point(|&s| s as usize <= offset) - 1;
        let start = self.starts[line] as usize;
        // Most lines are shorter than a checkpoint's stride: counting the
        // line's own chars is one short count, not two.
        let chars = if offset - start <= CHECKPOINT {
            text[start..offset].chars().count()
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start)
        };
        let column = chars + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// The 1-based line holding byte `offset`, as [`LineIndex::line_col`]
    /// gives it, without counting the characters of its column.
    pub fn line(&self, offset: u32) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// Byte range of 1-based `line`, without its line break.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let i = line.saturating_sub(1).min(self.starts.len() - 1);
        let start = self.starts[i] as usize;
        let mut end = self.starts.get(i + 1).map_or(text.len(), |&e| e as usize);
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        start..end
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// Byte offsets of the `\n`s in `text`, in order: `str::find` of an ASCII
/// char is a word-at-a-time `memchr`, not a byte-by-byte loop.
fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let i = from + text[from..].find('\n')?;
        from = i + 1;
        Some(i)
    })
}

/// Longest line kept whole in a finding or evidence; a longer one (a whole
/// article on one line) is cut to [`LINE_CONTEXT`] bytes around the part
/// that matters, so that thousands of findings on one line do not each
/// carry a copy of it.
pub(crate) const MAX_LINE_TEXT: usize = 4096;

/// Bytes kept on each side of the part that matters in a cut line, and the
/// most of that part kept.
pub(crate) const LINE_CONTEXT: usize = 400;

/// The byte range of `line` to keep when the part at `start..end` (bytes
/// within `line`) matters: the whole line when it is short, else a window
/// around the start of that part, on char boundaries.
pub(crate) fn line_excerpt(line: &str, start: usize, end: usize) -> std::ops::Range<usize> {
    if line.len() <= MAX_LINE_TEXT {
        return 0..line.len();
    }
    let start = start.min(line.len());
    let end = end.clamp(start, start + LINE_CONTEXT);
    let from = floor_char_boundary(line, start.saturating_sub(LINE_CONTEXT));
    let mut to = (end + LINE_CONTEXT).min(line.len());
    while !line.is_char_boundary(to) {
        to += 1;
    }
    from..to
}

/// The line `line` (a byte range of `source`) as a finding keeps it, for a
/// claim at `span` whose 1-based character column is `column`: the text
/// (see [`line_excerpt`]) and the column at which that text starts.
pub(crate) fn finding_line(
    source: &str,
    line: std::ops::Range<usize>,
    span: Span,
    column: usize,
) -> (String, usize) {
    let text = &source[line.clone()];
    let start = (span.start as usize)
        .saturating_sub(line.start)
        .min(text.len());
    let end = (span.end as usize).saturating_sub(line.start);
    let keep = line_excerpt(text, start, end);
    let start = floor_char_boundary(text, start).max(keep.start);
    let cut = text[keep.start..start].chars().count();
    (text[keep].to_owned(), column.saturating_sub(cut).max(1))
}

/// The largest char boundary at or before `i`.
pub(crate) fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_around_the_part_that_matters() {
        assert_eq!(line_excerpt("short line", 2, 4), 0..10);
        let line = "\u{e9}".repeat(5000);
        let r = line_excerpt(&line, 4000, 4010);
        assert!(line.is_char_boundary(r.start) && line.is_char_boundary(r.end));
        assert!(r.start <= 4000 && r.end >= 4010 && r.len() <= 2 * LINE_CONTEXT + 12);
        let r = line_excerpt(&line, 0, line.len());
        assert_eq!(r.start, 0);
        assert!(r.len() <= 2 * LINE_CONTEXT + 2);
    }

    #[test]
    fn columns_count_the_line_s_characters_on_short_and_long_lines() {
        let text = format!("é x\n{}\n\n“{}”\nend", "ab".repeat(700), "é".repeat(900));
        let idx = LineIndex::new(&text);
        for (offset, _) in text.char_indices() {
            let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
            let column = text[start..offset].chars().count() + 1;
            assert_eq!(
                idx.line_col(&text, offset as u32).column,
                column,
                "{offset}"
            );
        }
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\n“é” x\n";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap() as u32;
        assert_eq!(idx.line_col(text, x), LineCol { line: 2, column: 5 });
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, column: 1 });
    }

    #[test]
    fn line_is_line_col_s_line_at_every_offset() {
        let text = "ab\n“é” x\n\nlast";
        let idx = LineIndex::new(text);
        for offset in 0..=text.len() as u32 + 2 {
            assert_eq!(
                idx.line(offset),
                idx.line_col(text, offset).line,
                "{offset}"
            );
        }
    }

    #[test]
    fn columns_on_long_lines_count_characters() {
        let text = format!("{}é{}x", "a".repeat(3000), "b".repeat(5000));
        let idx = LineIndex::new(&text);
        let x = text.find('x').unwrap() as u32;
        assert_eq!(idx.line_col(&text, x).column, 8002);
        let text2 = format!("line\n{}", "é".repeat(2000));
        let idx2 = LineIndex::new(&text2);
        assert_eq!(idx2.line_col(&text2, text2.len() as u32).column, 2001);
    }

    #[test]
    fn newlines_are_found_at_both_ends_and_in_a_row() {
        let found: Vec<usize> = memchr_newlines("\né\n\nx\n").collect();
        assert_eq!(found, [0, 3, 4, 6]);
        assert_eq!(memchr_newlines("no break").count(), 0);
    }

    #[test]
    fn line_range_drops_line_break() {
        let text = "one\r\ntwo\nthree";
        let idx = LineIndex::new(text);
        assert_eq!(&text[idx.line_range(text, 1)], "one");
        assert_eq!(&text[idx.line_range(text, 3)], "three");
    }
}
