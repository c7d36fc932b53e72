//! The text layer: paragraphs, sentences, word tokens and quotation spans
//! over an article's prose, all as prose byte offsets.
//!
//! Built once per article in linear time; every extractor reads it. It knows
//! nothing about claims.

mod quotation;
mod sentence;
mod token;

pub use quotation::Quotation;
pub(crate) use token::is_common_letter;
pub use token::{Token, TokenKind};

use std::ops::Range;

/// One sentence.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Prose byte range.
    pub range: Range<usize>,
    /// Token index range.
    pub tokens: Range<usize>,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// An article's prose, segmented.
#[derive(Debug, Clone)]
pub struct Document {
    /// The prose text.
    pub text: String,
    /// `text` with ASCII letters lower-cased, byte for byte (so every
    /// offset holds): word lookups slice it instead of allocating.
    pub lower: String,
    /// Paragraph byte ranges.
    pub paragraphs: Vec<Range<usize>>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// Quotations in order of their start (nested ones after their parent).
    pub quotations: Vec<Quotation>,
}

impl Document {
    /// Segment `text`.
    pub fn new(text: &str) -> Document {
        let token::Tokenized {
            tokens,
            marks,
            paragraphs: para_tokens,
        } = token::tokenize_with_marks(text);
        let paragraphs: Vec<Range<usize>> = para_tokens
            .iter()
            .map(|r| tokens[r.start].start..tokens[r.end - 1].end)
            .collect();
        let mut sentences = Vec::new();
        let mut ranges = Vec::new();
        let mut next_mark = 0;
        for (pi, p) in para_tokens.iter().enumerate() {
            let m0 = next_mark;
            next_mark += marks[m0..].partition_point(|&m| m < p.end);
            let p_marks = &marks[m0..next_mark];
            sentence::split_sentences(text, &tokens, p.clone(), p_marks, &mut ranges);
            sentences.extend(ranges.drain(..).map(|r| Sentence {
                range: tokens[r.start].start..tokens[r.end - 1].end,
                tokens: r,
                paragraph: pi,
            }));
        }
        let quotations =
            quotation::find_quotations(text, &tokens, &marks, &paragraphs, &para_tokens);
        Document {
            text: text.to_owned(),
            lower: text.to_ascii_lowercase(),
            paragraphs,
            sentences,
            tokens,
            quotations,
        }
    }

    /// The text of token `i`.
    pub fn tok(&self, i: usize) -> &str {
        &self.text[self.tokens[i].range()]
    }

    /// The text of token `i` with ASCII letters lower-cased.
    pub fn tok_lower(&self, i: usize) -> &str {
        &self.lower[self.tokens[i].range()]
    }

    /// Index of the sentence holding prose offset `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.range.end <= offset);
        (i < self.sentences.len() && self.sentences[i].range.start <= offset).then_some(i)
    }

    /// Index of the first token starting at or after `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.start < offset)
    }

    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        &self.text[self.sentences[i].range.clone()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_carry_their_paragraph() {
        let d = Document::new("One. Two.\n\nThree.");
        assert_eq!(d.sentences.len(), 3);
        assert_eq!(d.sentences[2].paragraph, 1);
        assert_eq!(d.sentence_text(1), "Two.");
        assert_eq!(d.sentence_at(d.text.find("Three").unwrap()), Some(2));
    }
}
