//! Text between HTML tags, appended to prose with its map to the source:
//! verbatim runs stay verbatim, each character reference is decoded onto
//! its own source range, and whitespace runs fold to one space, as a
//! browser shows them.
//!
//! It sees one run of text at a time and knows nothing of tags.

use super::html_entity::decode_entity;
use super::Prose;
use crate::span::{floor_char_boundary, Span};

/// Append the text of source bytes `start..end` to `prose`: verbatim runs
/// copied as they are, each character reference decoded onto its own
/// range, and whitespace runs folded to one space (none at the start of a
/// paragraph). `decoded` is the tokenizer's reading of the same text, used
/// only when the span cannot be sliced.
pub(crate) fn push_html_text(
    prose: &mut Prose,
    src: &str,
    mut start: usize,
    end: usize,
    decoded: &[u8],
) {
    if start == 0 && src.starts_with('\u{feff}') {
        // A byte order mark is not text.
        start = '\u{feff}'.len_utf8().min(end);
    }
    if start > end || end > src.len() || !src.is_char_boundary(start) || !src.is_char_boundary(end)
    {
        let s = floor_char_boundary(src, start.min(src.len()));
        let e = floor_char_boundary(src, end.min(src.len())).max(s);
        prose.push_decoded(&String::from_utf8_lossy(decoded), Span::new(s, e));
        return;
    }
    let bytes = src.as_bytes();
    let mut run = start;
    let mut i = start;
    while i < end {
        match bytes[i] {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => {
                let mut j = i + 1;
                while j < end && matches!(bytes[j], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') {
                    j += 1;
                }
                if bytes[i] == b' ' && j == i + 1 && run < i {
                    // One plain space inside a run of words stays verbatim.
                    i = j;
                    continue;
                }
                prose.push_verbatim(&src[run..i], run);
                push_space(prose, Span::new(i, j));
                i = j;
                run = j;
            }
            b'&' => match decode_entity(&src[i..end]) {
                Some((len, text)) => {
                    prose.push_verbatim(&src[run..i], run);
                    if text == " " {
                        push_space(prose, Span::new(i, i + len));
                    } else {
                        prose.push_decoded(&text, Span::new(i, i + len));
                    }
                    i += len;
                    run = i;
                }
                None => i += 1,
            },
            _ => i += 1,
        }
    }
    prose.push_verbatim(&src[run..end], run);
}

/// One space for a whitespace run, unless the prose is empty or already
/// ends in whitespace.
fn push_space(prose: &mut Prose, src: Span) {
    if !prose.text().is_empty() && !prose.text().ends_with(char::is_whitespace) {
        prose.push_decoded(" ", src);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pushed(runs: &[&str]) -> (String, Prose) {
        let src = runs.concat();
        let mut prose = Prose::new();
        let mut at = 0;
        for run in runs {
            push_html_text(&mut prose, &src, at, at + run.len(), run.as_bytes());
            at += run.len();
        }
        (src, prose)
    }

    #[test]
    fn whitespace_between_runs_folds_to_one_space() {
        let (_, prose) = pushed(&["  one \n ", "\t two ", " three"]);
        assert_eq!(prose.text(), "one two three");
    }

    #[test]
    fn single_spaces_stay_inside_one_verbatim_run() {
        let (src, prose) = pushed(&["a b c"]);
        assert_eq!(prose.text(), src);
        assert_eq!(&src[prose.span(2, 5).range()], "b c");
    }

    #[test]
    fn word_after_a_reference_maps_exactly() {
        let (src, prose) = pushed(&["x&eacute;48 &#8212; y"]);
        assert_eq!(prose.text(), "x\u{e9}48 \u{2014} y");
        let at = prose.text().find("48").unwrap();
        assert_eq!(&src[prose.span(at, at + 2).range()], "48");
    }

    #[test]
    fn a_span_off_char_boundaries_falls_back_to_the_decoded_text() {
        let src = "\u{e9}t\u{e9}";
        let mut prose = Prose::new();
        push_html_text(&mut prose, src, 1, 4, b"t");
        assert_eq!(prose.text(), "t");
        assert!(src.get(prose.span(0, 1).range()).is_some());
    }
}
