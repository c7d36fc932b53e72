//! The frames around a quotation where its attribution is written, and
//! the patterns read there: `"...," X said`, `"...," said X`, `"...,"
//! according to X`, `"..." of it, X said` after the quotation; `X said,
//! "..."`, `X told reporters: "..."`, `X called it "..."` before it.
//!
//! A frame never crosses a sentence end, a line break or another
//! quotation. Resolving the words found to a speaker is `attribution`'s
//! job; choosing between a quotation's own attribution and its neighbours'
//! is `quote`'s.

use super::attribution::{self, Resolver, Speaker};
use crate::lexicon::speech;
use crate::text::{Document, Quotation, TokenKind};

/// A quotation and the tokens at its marks, looked up once: every frame
/// and test around a quotation starts from them, and each lookup is a
/// binary search over all the article's tokens.
#[derive(Clone, Copy)]
pub(crate) struct Marked<'q> {
    /// The quotation.
    pub q: &'q Quotation,
    /// The first token at or after its opening mark
    /// (`doc.token_at(q.outer.start)`).
    pub open: usize,
    /// The first token at or after its end (`doc.token_at(q.outer.end)`).
    pub close: usize,
}

impl<'q> Marked<'q> {
    /// `q` with the tokens at its marks.
    pub(crate) fn new(doc: &Document, q: &'q Quotation) -> Self {
        Marked {
            q,
            open: doc.token_at(q.outer.start),
            close: doc.token_at(q.outer.end),
        }
    }

    /// `doc.token_at(offset)` for an offset within the quotation's marks
    /// (its words' ends included), searched among the quotation's own
    /// tokens: every token before `open` starts before the opening mark,
    /// and every token from `close` on at or after the quotation's end.
    pub(crate) fn token_at(&self, doc: &Document, offset: usize) -> usize {
        debug_assert!(self.q.outer.start <= offset && offset <= self.q.outer.end);
        self.open + doc.tokens[self.open..self.close].partition_point(|t| t.start < offset)
    }
}

/// Tokens from the start of the quotation's sentence (or `prev_close`,
/// the end token of the previous quotation) to the quotation.
pub(crate) fn before_frame(
    doc: &Document,
    m: &Marked<'_>,
    prev_close: Option<usize>,
) -> std::ops::Range<usize> {
    let end = m.open;
    let sent_start = doc
        .sentence_at(m.q.outer.start)
        .map_or(end, |s| doc.sentences[s].tokens.start);
    let floor = prev_close.map_or(sent_start, |p| sent_start.max(p));
    floor.min(end)..end
}

/// Tokens after the quotation up to a sentence end, the next quotation or
/// the paragraph's end.
pub(crate) fn after_frame(
    doc: &Document,
    m: &Marked<'_>,
    next_start: Option<usize>,
) -> std::ops::Range<usize> {
    if ends_its_sentence(doc, m.q) {
        return m.close..m.close;
    }
    frame_to_stop(doc, m, next_start)
}

/// Tokens after the quotation up to the next stop, line break, quotation
/// or paragraph end, even when the quoted words close with a full stop:
/// `"... in a day." Mayor Ann Lee said.` (no comma, as some outlets write).
pub(crate) fn frame_to_stop(
    doc: &Document,
    m: &Marked<'_>,
    next_start: Option<usize>,
) -> std::ops::Range<usize> {
    let q = m.q;
    let start = m.close;
    let para_end = doc.paragraphs[q.paragraph].end;
    let limit = next_start.unwrap_or(para_end).min(para_end);
    let bytes = doc.text.as_bytes();
    let mut k = start;
    let mut prev_end = q.outer.end;
    // The tokens' bytes are read in place: a stop is a one-byte token.
    while let Some(t) = doc
        .tokens
        .get(k)
        .filter(|t| t.start < limit && k - start < 60)
    {
        if t.end - t.start == 1
            && matches!(bytes[t.start], b'.' | b'!' | b'?' | b';')
            && !attribution::is_abbreviation_dot(doc, k)
        {
            break;
        }
        // A line break ends the frame too.
        if bytes[prev_end.min(t.start)..t.start].contains(&b'\n') {
            break;
        }
        prev_end = t.end;
        k += 1;
    }
    start..k
}

/// Whether the quoted words end with a full stop after a word (`...
/// pleased."`): the quotation closes its sentence, and words after it
/// start the next one (`"..." Apple has claimed that ...`) instead of
/// attributing it. News style writes `"...," X said`.
pub(crate) fn ends_its_sentence(doc: &Document, q: &Quotation) -> bool {
    let inner = doc.text.get(q.inner.clone()).unwrap_or("").trim_end();
    let mut rev = inner.chars().rev();
    rev.next() == Some('.')
        && rev
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// Words of description allowed between a quotation and its speaker's
/// name (`"...," lead researcher and NASA scientist X said`).
const MAX_DESCRIPTION: usize = 8;

/// `"...," X said`, `"...," said X`, `"...," according to X`.
pub(crate) fn attribute_after(
    doc: &Document,
    res: &mut Resolver<'_>,
    f: std::ops::Range<usize>,
) -> Option<Speaker> {
    let mut a = f.start;
    while a < f.end && matches!(doc.tok(a), "," | "—" | "–" | "-") {
        a += 1;
    }
    if a >= f.end {
        return None;
    }
    if attribution::is_speech_verb_at(doc, a) && doc.tok(a) != "saying" {
        let np = attribution::subject_after(doc, a, f.end)?;
        return res.resolve(np);
    }
    if a + 2 < f.end && doc.tok(a).eq_ignore_ascii_case("according") && doc.tok(a + 1) == "to" {
        let np = attribution::subject_after(doc, a + 1, f.end)?;
        return res.resolve(np);
    }
    // "call" after a quotation is rarely its attribution ("They call him
    // ..."): leave it to the verbs that are.
    // A speech word followed by a speech verb is a noun ("the report
    // said"): the verb is the next one.
    let v = (a..f.end.min(a + 50)).find(|&k| {
        attribution::is_speech_verb_at(doc, k)
            && !matches!(doc.tok(k), "call" | "calls" | "called" | "state" | "states")
            && !(k + 1 < f.end && attribution::is_speech_verb_at(doc, k + 1))
    })?;
    if v == a {
        return None;
    }
    // `X says:` and `X said that` introduce the words that follow.
    if v + 1 < f.end && matches!(doc.tok(v + 1), ":" | "that") {
        return None;
    }
    let np = attribution::subject_before(doc, v, a)?;
    // `"...," X said` or, after a partial quote, `"..." of them, X said`,
    // or after a description without punctuation (`"...," lead researcher
    // and NASA scientist X said`).
    let after_comma = np.start > a && doc.tok(np.start - 1) == ",";
    let described = np.start > a
        && np.start - a <= MAX_DESCRIPTION
        && (a..np.start).all(|k| doc.tokens[k].kind == TokenKind::Word)
        && super::entity::is_capitalised(doc, np.end - 1);
    if np.start != a && !after_comma && !described {
        return None;
    }
    res.resolve(np)
}

/// A credit after a dash, closing the quotation's line or on the line
/// after it: `"..." — Ann Lee`, `"..." ― Ann Lee, a nurse` (pull quotes
/// and reader comments). Only capitalised words may stand between the
/// dash and the line's end or a comma; on a line of its own the dash is a
/// long one (a hyphen there opens a list item).
pub(crate) fn dash_credit(
    doc: &Document,
    res: &mut Resolver<'_>,
    m: &Marked<'_>,
) -> Option<Speaker> {
    let q = m.q;
    let k = m.close;
    if k >= doc.tokens.len() || !matches!(doc.tok(k), "―" | "—" | "–" | "-" | "--") {
        return None;
    }
    let between = doc.text.get(q.outer.end..doc.tokens[k].start)?;
    if between.contains('\n')
        && (!between.trim().is_empty()
            || between.matches('\n').count() > 2
            || matches!(doc.tok(k), "-" | "--"))
    {
        return None;
    }
    let dash = doc.tokens[k].start;
    let paragraph_end = doc.sentence_at(dash).map_or(doc.text.len(), |s| {
        doc.paragraphs[doc.sentences[s].paragraph].end
    });
    let line_end = doc.text[dash..]
        .find('\n')
        .map_or(doc.text.len(), |n| dash + n)
        .min(paragraph_end);
    let mut end = k + 1;
    while end < doc.tokens.len() && doc.tokens[end].start < line_end && end - k <= 6 {
        let t = doc.tok(end);
        if t == "," {
            break;
        }
        let initial = t == "." && end > k + 1 && doc.tok(end - 1).chars().count() == 1;
        let name_word =
            doc.tokens[end].kind == TokenKind::Word && super::entity::is_capitalised(doc, end);
        if !name_word && !initial {
            break;
        }
        end += 1;
    }
    let closed = end >= doc.tokens.len()
        || doc.tokens[end].start >= line_end
        || matches!(doc.tok(end), "," | ".")
            && (end + 1 >= doc.tokens.len()
                || doc.tokens[end + 1].start >= line_end
                || doc.tok(end) == ",");
    if end == k + 1 || !closed {
        return None;
    }
    res.resolve(k + 1..end)
}

/// `X said, "..."`, `X told reporters: "..."`, `X called it "..."`,
/// `according to X, "..."`.
pub(crate) fn attribute_before(
    doc: &Document,
    res: &mut Resolver<'_>,
    f: std::ops::Range<usize>,
) -> Option<Speaker> {
    // `... such as Ana Ruiz -- "..." --`: a name set off by a dash right
    // before the quotation.
    let mut d = f.end;
    while d > f.start && matches!(doc.tok(d - 1), "-" | "--" | "—" | "–") {
        d -= 1;
    }
    if d < f.end && d > f.start {
        if let Some(r) = attribution::name_ending_at(doc, d, f.start) {
            return res.resolve(r);
        }
    }
    let v = f.clone().rev().find(|&k| {
        attribution::is_speech_verb_at(doc, k)
            && (!speech::is_weak_speech_verb_lowered(doc.tok_lower(k)) || f.end - k <= 8)
            // "As Ana Ruiz put it, "..."".
            || doc.tok(k) == "put" && k + 1 < f.end && doc.tok(k + 1) == "it"
    });
    if let Some(v) = v {
        if let Some(np) = attribution::subject_before(doc, v, f.start) {
            return res.resolve(np);
        }
    }
    // "Said Ana Ruiz: "..."": the verb opening the sentence, its speaker
    // after it.
    if f.len() >= 3
        && doc.tokens[f.start].kind == TokenKind::Word
        && speech::is_speech_verb(doc.tok(f.start))
        && !speech::is_weak_speech_verb_lowered(doc.tok_lower(f.start))
        && !doc.tok(f.start).ends_with("ing")
        && doc.tok(f.end - 1) == ":"
        && super::entity::is_capitalised(doc, f.start)
        && super::entity::is_capitalised(doc, f.start + 1)
    {
        let np = attribution::subject_after(doc, f.start, f.end - 1)?;
        return res.resolve(np);
    }
    let k = f
        .clone()
        .find(|&k| doc.tok(k).eq_ignore_ascii_case("according") && doc.tok(k + 1) == "to")?;
    let end = (k + 2..f.end)
        .find(|&j| doc.tokens[j].kind == TokenKind::Punct)
        .unwrap_or(f.end);
    let np = attribution::subject_after(doc, k + 1, end)?;
    res.resolve(np)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame_text(doc: &Document, r: std::ops::Range<usize>) -> String {
        r.map(|k| doc.tok(k)).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn after_frame_stops_at_the_sentence_end() {
        let d = Document::new("\"Yes,\" she said. Then it rained.");
        let q = Marked::new(&d, &d.quotations[0]);
        assert_eq!(frame_text(&d, after_frame(&d, &q, None)), "she said");
    }

    #[test]
    fn after_frame_stops_at_a_line_break() {
        let d = Document::new("\"Yes.\"\nThey call it home.");
        let q = Marked::new(&d, &d.quotations[0]);
        assert_eq!(frame_text(&d, after_frame(&d, &q, None)), "");
    }

    #[test]
    fn after_frame_is_empty_after_a_quotation_ending_its_sentence() {
        let d = Document::new("He said \"It works.\" Smith has claimed that it fails.");
        let q = Marked::new(&d, &d.quotations[0]);
        assert_eq!(frame_text(&d, after_frame(&d, &q, None)), "");
    }

    #[test]
    fn before_frame_starts_after_the_previous_quotation() {
        let d = Document::new("\"One,\" she said, and added: \"Two.\"");
        let q = Marked::new(&d, &d.quotations[1]);
        let prev = Some(d.token_at(d.quotations[0].outer.end));
        assert_eq!(
            frame_text(&d, before_frame(&d, &q, prev)),
            "she said , and added :"
        );
    }
}
