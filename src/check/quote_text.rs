//! Comparing quotations word by word, the way an editor would.
//!
//! Case, quote marks, dashes, apostrophes and punctuation are not words, so
//! they never make a misquote; an ellipsis or a `[bracketed]` insertion
//! marks an editor's cut or addition and splits a quotation into pieces that
//! must each appear, in order. What is left is compared as word sequences:
//! the same words (or a part of them, or a longer quotation holding them),
//! or close words over the best-matching stretch, with a word diff.

use crate::finding::DiffOp;
use similar::{capture_diff_slices, Algorithm, DiffTag};
use std::ops::Range;

/// A quotation as comparable words.
#[derive(Debug, Clone)]
pub(crate) struct QuoteWords {
    /// Normalised words: lower case, straight apostrophes.
    pub(crate) words: Vec<String>,
    /// The words as written, for diffs.
    pub(crate) display: Vec<String>,
    /// Word ranges between editor's cuts and insertions.
    pub(crate) pieces: Vec<Range<usize>>,
}

/// Split a quotation into words and pieces.
pub(crate) fn quote_words(text: &str) -> QuoteWords {
    let mut words = Vec::new();
    let mut display = Vec::new();
    let mut pieces = Vec::new();
    let mut piece_start = 0;
    let mut depth = 0usize;
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    let mut dots = 0;
    let flush = |cur: &mut String, words: &mut Vec<String>, display: &mut Vec<String>| {
        let w = cur.trim_matches('\'');
        if !w.is_empty() {
            words.push(w.to_lowercase());
            display.push(w.to_owned());
        }
        cur.clear();
    };
    while let Some(c) = chars.next() {
        let c = if matches!(c, '’' | '‘' | '`' | 'ʼ') {
            '\''
        } else {
            c
        };
        if c == '.' {
            dots += 1;
        } else {
            dots = 0;
        }
        let cut = c == '…' || dots == 3 || c == '[' || c == ']';
        if c == '[' {
            depth += 1;
        }
        let apostrophe =
            c == '\'' && !cur.is_empty() && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if depth == 0 && (c.is_alphanumeric() || apostrophe) {
            cur.push(c);
        } else {
            flush(&mut cur, &mut words, &mut display);
        }
        if c == ']' {
            depth = depth.saturating_sub(1);
        }
        if cut && words.len() > piece_start {
            pieces.push(piece_start..words.len());
            piece_start = words.len();
        }
    }
    flush(&mut cur, &mut words, &mut display);
    if words.len() > piece_start {
        pieces.push(piece_start..words.len());
    }
    QuoteWords {
        words,
        display,
        pieces,
    }
}

/// Where `needle` occurs in `hay` as a contiguous run, from `from`.
fn find_run(hay: &[String], needle: &[String], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(from);
    }
    if needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

/// The rules' canonical quotes with their words, for the two checks that
/// compare quotations with them.
pub(crate) fn canonical_quotes(
    rules: &crate::rules::RuleSet,
) -> Vec<(&crate::rules::CanonQuote, QuoteWords)> {
    rules
        .quotes
        .iter()
        .map(|q| (q, quote_words(&q.text)))
        .collect()
}

/// Whether `quote` says the same words as `canon`: every piece of it occurs
/// in `canon` in order, or it holds all of `canon`.
pub(crate) fn is_same_words(quote: &QuoteWords, canon: &QuoteWords) -> bool {
    if quote.words.is_empty() || canon.words.is_empty() {
        return false;
    }
    let mut from = 0;
    let pieces_in_canon =
        quote.pieces.iter().all(
            |p| match find_run(&canon.words, &quote.words[p.clone()], from) {
                Some(i) => {
                    from = i + p.len();
                    true
                }
                None => false,
            },
        );
    pieces_in_canon
        || canon
            .pieces
            .iter()
            .all(|p| find_run(&quote.words, &canon.words[p.clone()], 0).is_some())
}

/// A near match of a quotation against a stretch of a canonical text.
#[derive(Debug, Clone)]
pub(crate) struct NearMatch {
    /// Similarity in [0, 1] over the stretch.
    pub(crate) ratio: f32,
    /// Word diff from the canonical stretch to the quotation.
    pub(crate) diff: Vec<DiffOp>,
    /// The canonical stretch as written.
    pub(crate) stretch: String,
}

/// Smallest quotation, in words, that can be called a misquote: shorter
/// ones are too easily close by chance.
pub(crate) const MIN_MISQUOTE_WORDS: usize = 4;

/// Similarity a stretch needs to count as the same quotation reworded.
pub(crate) const MISQUOTE_RATIO: f32 = 0.75;

/// The best-matching stretch of `canon` for `quote` (each piece of the
/// quote compared separately, the worst piece deciding), when close enough
/// to be a misquote and not the same words.
pub(crate) fn near_match(quote: &QuoteWords, canon: &QuoteWords) -> Option<NearMatch> {
    if quote.words.len() < MIN_MISQUOTE_WORDS || is_same_words(quote, canon) {
        return None;
    }
    let mut best: Option<(f32, Range<usize>)> = None;
    let n = quote.words.len();
    let m = canon.words.len();
    if n >= m {
        let r = ratio(&canon.words, &quote.words);
        best = Some((r, 0..m));
    } else {
        for len in n.saturating_sub(2).max(1)..=(n + 2).min(m) {
            for start in 0..=m - len {
                let r = ratio(&canon.words[start..start + len], &quote.words);
                if best.as_ref().is_none_or(|(b, _)| r > *b) {
                    best = Some((r, start..start + len));
                }
            }
        }
    }
    let (r, window) = best?;
    if r < MISQUOTE_RATIO {
        return None;
    }
    let old = &canon.words[window.clone()];
    let ops = capture_diff_slices(Algorithm::Myers, old, &quote.words);
    let mut diff = Vec::new();
    for op in ops {
        let (tag, o, nr) = op.as_tag_tuple();
        let old_text = canon.display[window.start + o.start..window.start + o.end].join(" ");
        let new_text = quote.display[nr].join(" ");
        match tag {
            DiffTag::Equal => diff.push(DiffOp::Same(old_text)),
            DiffTag::Delete => diff.push(DiffOp::Removed(old_text)),
            DiffTag::Insert => diff.push(DiffOp::Added(new_text)),
            DiffTag::Replace => {
                diff.push(DiffOp::Removed(old_text));
                diff.push(DiffOp::Added(new_text));
            }
        }
    }
    Some(NearMatch {
        ratio: r,
        diff,
        stretch: canon.display[window].join(" "),
    })
}

fn ratio(old: &[String], new: &[String]) -> f32 {
    let ops = capture_diff_slices(Algorithm::Myers, old, new);
    similar::diff_ratio(&ops, old.len(), new.len())
}

/// Hashes of every run of `k` consecutive words, for finding candidate
/// quotations in an index without comparing all pairs.
pub(crate) fn shingles(words: &[String], k: usize) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let k = k.min(words.len()).max(1);
    if words.is_empty() {
        return Vec::new();
    }
    words
        .windows(k)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        is_same_words(&quote_words(a), &quote_words(b))
    }

    #[test]
    fn case_marks_dashes_and_final_stop_are_not_differences() {
        assert!(same("“what is done, is done”", "What is done, is done."));
        assert!(same("the US–Israel alliance’s", "the US-Israel alliance's"));
    }

    #[test]
    fn a_part_or_a_longer_quotation_is_the_same_words() {
        assert!(same("done, is done", "What is done, is done."));
        assert!(same(
            "He said: what is done, is done. Really",
            "What is done, is done."
        ));
    }

    #[test]
    fn ellipsis_and_brackets_are_editor_cuts() {
        assert!(same(
            "We will act ... with strength",
            "We will act now and with strength"
        ));
        assert!(same("We [the government] will act", "We will act"));
        assert!(!same(
            "We will ... strength now",
            "We will act now and with strength"
        ));
    }

    #[test]
    fn changed_word_is_a_near_match_with_diff() {
        let q = quote_words("Now we have to act quickly and repair the line,");
        let c = quote_words("Now we have to act quickly and rebuild the line. Because then more.");
        let m = near_match(&q, &c).unwrap();
        assert!(m.diff.contains(&DiffOp::Removed("rebuild".into())));
        assert!(m.diff.contains(&DiffOp::Added("repair".into())));
        assert_eq!(m.stretch, "Now we have to act quickly and rebuild the line");
    }

    #[test]
    fn unrelated_words_are_not_a_near_match() {
        let q = quote_words("The weather will be fine on the coast tomorrow");
        let c = quote_words("We will continue our efforts to bring an end to the war");
        assert!(near_match(&q, &c).is_none());
    }

    #[test]
    fn short_quotes_are_never_misquotes() {
        let q = quote_words("dangerous risk");
        let c = quote_words("a dangerous gamble");
        assert!(near_match(&q, &c).is_none());
    }
}
