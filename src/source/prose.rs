//! Prose: the article text that extractors read, with a map back to the bytes
//! of the file as stored.
//!
//! Loaders (plain text, Markdown, HTML) append pieces of prose one at a time,
//! each with the source range it came from. A piece copied verbatim maps byte
//! for byte; a piece that was decoded (an HTML entity, a Markdown escape) maps
//! as a whole onto its source range. Paragraph breaks are inserted as `"\n\n"`.
//! This module does not know any input format.

use crate::span::Span;

/// One run of prose and the source bytes it came from.
#[derive(Debug, Clone, Copy)]
struct Segment {
    prose_start: u32,
    src_start: u32,
    src_end: u32,
    verbatim: bool,
}

/// Article prose with its map to source offsets.
#[derive(Debug, Clone, Default)]
pub struct Prose {
    text: String,
    segments: Vec<Segment>,
}

impl Prose {
    /// Empty prose.
    pub fn new() -> Self {
        Self::default()
    }

    /// Prose that is the whole of `src`, verbatim from offset `base`.
    pub fn verbatim(src: &str, base: usize) -> Self {
        let mut p = Prose::new();
        p.push_verbatim(src, base);
        p
    }

    /// The prose text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Append `text`, copied verbatim from the source at `src_start`.
    pub fn push_verbatim(&mut self, text: &str, src_start: usize) {
        if text.is_empty() {
            return;
        }
        self.segments.push(Segment {
            prose_start: self.text.len() as u32,
            src_start: src_start as u32,
            src_end: (src_start + text.len()) as u32,
            verbatim: true,
        });
        self.text.push_str(text);
    }

    /// Append `text`, decoded from the source range `src` (so offsets inside
    /// it map to the whole range).
    pub fn push_decoded(&mut self, text: &str, src: Span) {
        if text.is_empty() {
            return;
        }
        self.segments.push(Segment {
            prose_start: self.text.len() as u32,
            src_start: src.start,
            src_end: src.end,
            verbatim: text.len() == src.len(),
        });
        self.text.push_str(text);
    }

    /// End the current paragraph (a no-op at the start or after a break),
    /// mapped to source offset `at`.
    pub fn push_paragraph_break(&mut self, at: usize) {
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        let sep = if self.text.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        self.push_decoded(sep, Span::new(at, at));
    }

    /// Append a single space between inline pieces (a soft line break),
    /// mapped to source offset `at`.
    pub fn push_space(&mut self, at: usize) {
        if !self.text.is_empty() && !self.text.ends_with(char::is_whitespace) {
            self.push_decoded(" ", Span::new(at, at + 1));
        }
    }

    /// Map a prose offset to a source offset. Offsets inside a decoded piece
    /// map to its start when `is_end` is false, to its end otherwise.
    pub fn to_source(&self, offset: usize, is_end: bool) -> u32 {
        if self.segments.is_empty() {
            return 0;
        }
        let off = offset as u32;
        let i = self
            .segments
            .partition_point(|s| s.prose_start <= off)
            .saturating_sub(1);
        let seg = self.segments[i];
        if is_end && off == seg.prose_start && i > 0 {
            // An end offset at a segment start belongs to the previous one.
            let prev = self.segments[i - 1];
            return if prev.verbatim {
                prev.src_start + (off - prev.prose_start)
            } else {
                prev.src_end
            };
        }
        if seg.verbatim {
            (seg.src_start + (off - seg.prose_start)).min(seg.src_end)
        } else if is_end || off > seg.prose_start {
            if is_end {
                seg.src_end
            } else {
                seg.src_start
            }
        } else {
            seg.src_start
        }
    }

    /// Map a prose range to a source span.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let s = self.to_source(start, false);
        let e = self.to_source(end, true).max(s);
        Span { start: s, end: e }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_pieces_map_byte_for_byte() {
        let mut p = Prose::new();
        p.push_verbatim("Hello", 10);
        p.push_paragraph_break(20);
        p.push_verbatim("world", 30);
        assert_eq!(p.text(), "Hello\n\nworld");
        assert_eq!(p.span(7, 12), Span { start: 30, end: 35 });
        assert_eq!(p.span(1, 3), Span { start: 11, end: 13 });
    }

    #[test]
    fn decoded_piece_maps_to_its_whole_source_range() {
        let mut p = Prose::new();
        p.push_verbatim("A ", 0);
        p.push_decoded("&", Span::new(2, 7));
        p.push_verbatim(" B", 7);
        assert_eq!(p.span(2, 3), Span { start: 2, end: 7 });
        assert_eq!(p.span(0, 5), Span { start: 0, end: 9 });
    }
}
