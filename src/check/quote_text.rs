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
    split_quotation(text, true)
}

/// A quotation's normalised words alone, as [`quote_words`] gives them,
/// for callers that never show a diff.
pub(crate) fn normalised_words(text: &str) -> Vec<String> {
    split_quotation(text, false).words
}

/// A quotation's normalised words, as [`normalised_words`] gives them,
/// written one after another into `buf` (cleared first), with the end of
/// each in `ends` (so word `i` is `buf[ends[i - 1]..ends[i]]`): one pass,
/// and no allocation per word, for callers that only hash the words.
pub(crate) fn normalised_words_into(text: &str, buf: &mut String, ends: &mut Vec<usize>) {
    buf.clear();
    ends.clear();
    each_word(text, |t| {
        if let Token::Word(w) = t {
            lower_into(w, buf);
            ends.push(buf.len());
        }
    });
}

/// A word in lower case, as `str::to_lowercase` writes it.
fn lower(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    lower_into(w, &mut s);
    s
}

/// Append `w` in lower case to `buf`, as `str::to_lowercase` writes it.
fn lower_into(w: &str, buf: &mut String) {
    if w.is_ascii() {
        let start = buf.len();
        buf.push_str(w);
        buf[start..].make_ascii_lowercase();
    } else {
        buf.push_str(&w.to_lowercase());
    }
}

/// What a quotation is read as, in order, by [`each_word`].
enum Token<'a> {
    /// A word as written, with straight apostrophes.
    Word(&'a str),
    /// An editor's cut or insertion: an ellipsis or a bracket.
    Cut,
}

/// Hand each word and each cut of a quotation to `out`, in order: the one
/// definition of what a word is, for [`split_quotation`] and
/// [`normalised_words_into`].
///
/// A word is a run of letters and digits, with apostrophes between them;
/// it is always one stretch of `text`, handed on as that slice unless it
/// has a curly apostrophe to straighten.
fn each_word(text: &str, mut out: impl FnMut(Token<'_>)) {
    let mut depth = 0usize;
    let mut dots = 0;
    // The word being read: where it starts, and whether it has a curly
    // apostrophe.
    let mut word: Option<(usize, bool)> = None;
    let mut straight = String::new();
    let mut i = 0;
    while let Some(&b) = text.as_bytes().get(i) {
        if depth == 0 && b.is_ascii_alphanumeric() {
            // A run of ASCII letters and digits: all one word, as the
            // steps below would read them one by one.
            word.get_or_insert((i, false));
            dots = 0;
            i += text.as_bytes()[i..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            continue;
        }
        if b == b' ' {
            // A space ends a word and is nothing else.
            dots = 0;
            if let Some((start, curly)) = word.take() {
                emit(&text[start..i], curly, &mut straight, &mut out);
            }
            i += 1;
            continue;
        }
        let raw = if b.is_ascii() {
            char::from(b)
        } else {
            text[i..].chars().next().unwrap_or_default()
        };
        let next = i + raw.len_utf8();
        let curly = is_curly_apostrophe(raw);
        let c = if curly { '\'' } else { raw };
        if c == '.' {
            dots += 1;
        } else {
            dots = 0;
        }
        let cut = c == '…' || dots == 3 || c == '[' || c == ']';
        if c == '[' {
            depth += 1;
        }
        let apostrophe = c == '\''
            && word.is_some()
            && text[next..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        if depth == 0 && (c.is_alphanumeric() || apostrophe) {
            word.get_or_insert((i, false)).1 |= curly;
        } else if let Some((start, curly)) = word.take() {
            emit(&text[start..i], curly, &mut straight, &mut out);
        }
        if c == ']' {
            depth = depth.saturating_sub(1);
        }
        if cut {
            out(Token::Cut);
        }
        i = next;
    }
    if let Some((start, curly)) = word {
        emit(&text[start..], curly, &mut straight, &mut out);
    }
}

/// Whether `c` is an apostrophe other than the straight one (`’`, `‘`,
/// a backtick, `ʼ`), read as the straight one.
fn is_curly_apostrophe(c: char) -> bool {
    matches!(c, '’' | '‘' | '`' | 'ʼ')
}

/// Hand the word `w` to `out`, its apostrophes straightened (in
/// `straight`) when `curly`, without apostrophes at its ends.
fn emit(w: &str, curly: bool, straight: &mut String, out: &mut impl FnMut(Token<'_>)) {
    let w = if curly {
        straight.clear();
        straight.extend(
            w.chars()
                .map(|c| if is_curly_apostrophe(c) { '\'' } else { c }),
        );
        straight.as_str()
    } else {
        w
    };
    let w = w.trim_matches('\'');
    if !w.is_empty() {
        out(Token::Word(w));
    }
}

/// A quotation's words, and with `keep_display` the words as written,
/// split into pieces at the editor's cuts.
fn split_quotation(text: &str, keep_display: bool) -> QuoteWords {
    let mut words = Vec::new();
    let mut display = Vec::new();
    let mut pieces = Vec::new();
    let mut piece_start = 0;
    each_word(text, |t| match t {
        Token::Word(w) => {
            words.push(lower(w));
            if keep_display {
                display.push(w.to_owned());
            }
        }
        Token::Cut => {
            if words.len() > piece_start {
                pieces.push(piece_start..words.len());
                piece_start = words.len();
            }
        }
    });
    if words.len() > piece_start {
        pieces.push(piece_start..words.len());
    }
    QuoteWords {
        words,
        display,
        pieces,
    }
}

/// Where `needle` occurs in `hay` as a contiguous run, from `from`
/// (Knuth-Morris-Pratt: linear in both, even on repetitive words).
fn find_run(hay: &[String], needle: &[String], from: usize) -> Option<usize> {
    if needle.is_empty() {
        return Some(from);
    }
    if needle.len() > hay.len().saturating_sub(from) {
        return None;
    }
    // fail[i]: length of the longest proper border of needle[..=i].
    let mut fail = vec![0usize; needle.len()];
    let mut k = 0;
    for i in 1..needle.len() {
        while k > 0 && needle[i] != needle[k] {
            k = fail[k - 1];
        }
        if needle[i] == needle[k] {
            k += 1;
        }
        fail[i] = k;
    }
    let mut k = 0;
    for (i, w) in hay.iter().enumerate().skip(from) {
        while k > 0 && *w != needle[k] {
            k = fail[k - 1];
        }
        if *w == needle[k] {
            k += 1;
        }
        if k == needle.len() {
            return Some(i + 1 - k);
        }
    }
    None
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

/// Longest quotation, in words, compared word by word for a near match:
/// one diff costs up to the square of the length, and no quotation in news
/// comes near this. Longer ones are still compared for the same words.
pub(crate) const MAX_NEAR_MATCH_WORDS: usize = 4_000;

/// Similarity a stretch needs to count as the same quotation reworded.
pub(crate) const MISQUOTE_RATIO: f32 = 0.75;

/// The best-matching stretch of `canon` for `quote` (each piece of the
/// quote compared separately, the worst piece deciding), when close enough
/// to be a misquote and not the same words.
pub(crate) fn near_match(quote: &QuoteWords, canon: &QuoteWords) -> Option<NearMatch> {
    if !(MIN_MISQUOTE_WORDS..=MAX_NEAR_MATCH_WORDS).contains(&quote.words.len())
        || is_same_words(quote, canon)
    {
        return None;
    }
    let n = quote.words.len();
    let m = canon.words.len();
    let best = if n >= m {
        Some((ratio(&canon.words, &quote.words), 0..m))
    } else {
        best_window(quote, canon, max_windows_diffed(n))
    };
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

/// Most windows diffed for one quotation: the windows are tried from the
/// most to the least promising, and normal quotations settle within a few;
/// only hostile ones (a long quotation whose words all recur, in another
/// order, across a long text) reach the cap.
const MAX_WINDOWS_DIFFED: usize = 32;

/// Work allowed for the diffs of one quotation, in word pairs (a diff of
/// `n` words against `n` costs up to `n * n`): long quotations get fewer
/// windows diffed, down to one.
const DIFF_BUDGET: usize = 1_000_000;

/// How many windows a quotation of `n` words may have diffed.
fn max_windows_diffed(n: usize) -> usize {
    (DIFF_BUDGET / n.saturating_mul(n).max(1)).clamp(1, MAX_WINDOWS_DIFFED)
}

/// The stretch of `canon` (longer than the quote) that the quote matches
/// best: among windows of the quote's length give or take
/// two words, the one with the highest diff ratio, the earliest on a tie.
///
/// Diffing every window is cubic. Instead, one pass per window length
/// slides a bag of words over `canon`, counting the words a window shares
/// with the quote: a diff can match no more words than that, so the count
/// bounds the window's ratio from above. Windows whose bound is under
/// [`MISQUOTE_RATIO`] cannot be a misquote and are never diffed; the rest
/// are diffed from the highest bound down, stopping as soon as no bound left
/// can beat the best ratio found. The result is the exhaustive search's,
/// in time linear in the quotations' length (plus a sort and at most
/// `max_diffs` diffs; see [`max_windows_diffed`]).
fn best_window(
    quote: &QuoteWords,
    canon: &QuoteWords,
    max_diffs: usize,
) -> Option<(f32, Range<usize>)> {
    let n = quote.words.len();
    let m = canon.words.len();
    let mut ids = std::collections::HashMap::new();
    let quote_ids = word_ids(&mut ids, &quote.words);
    let canon_ids = word_ids(&mut ids, &canon.words);
    let mut wanted = vec![0usize; ids.len()];
    for &w in &quote_ids {
        wanted[w] += 1;
    }
    // (bound, position in the exhaustive search's order, window)
    let mut candidates: Vec<(f32, usize, Range<usize>)> = Vec::new();
    let mut order = 0;
    for len in n.saturating_sub(2).max(1)..=(n + 2).min(m) {
        let mut have = vec![0usize; ids.len()];
        let mut shared = 0usize;
        for &w in &canon_ids[..len] {
            shared += usize::from(have[w] < wanted[w]);
            have[w] += 1;
        }
        for start in 0..=m - len {
            if start > 0 {
                let out = canon_ids[start - 1];
                have[out] -= 1;
                shared -= usize::from(have[out] < wanted[out]);
                let inc = canon_ids[start + len - 1];
                shared += usize::from(have[inc] < wanted[inc]);
                have[inc] += 1;
            }
            // The same expression as `similar::diff_ratio`'s, so the bound
            // is never below a ratio after rounding.
            let bound = 2.0 * shared as f32 / (len + n) as f32;
            if bound >= MISQUOTE_RATIO {
                candidates.push((bound, order, start..start + len));
            }
            order += 1;
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut best: Option<(f32, usize, Range<usize>)> = None;
    for (bound, order, window) in candidates.into_iter().take(max_diffs) {
        if let Some((r, at, _)) = &best {
            if bound < *r || (bound == *r && order > *at) {
                break;
            }
        }
        let r = ratio(&canon.words[window.clone()], &quote.words);
        if best
            .as_ref()
            .is_none_or(|(b, at, _)| r > *b || (r == *b && order < *at))
        {
            best = Some((r, order, window));
        }
    }
    best.map(|(r, _, window)| (r, window))
}

/// Each word's number in `ids`, numbering new words as they come.
fn word_ids<'a>(
    ids: &mut std::collections::HashMap<&'a str, usize>,
    words: &'a [String],
) -> Vec<usize> {
    words
        .iter()
        .map(|w| {
            let next = ids.len();
            *ids.entry(w.as_str()).or_insert(next)
        })
        .collect()
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
        assert!(same("the US–Oman alliance’s", "the US-Oman alliance's"));
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

    /// The exhaustive search `best_window` replaces: every window diffed.
    fn best_window_exhaustive(
        quote: &QuoteWords,
        canon: &QuoteWords,
    ) -> Option<(f32, Range<usize>)> {
        let mut best: Option<(f32, Range<usize>)> = None;
        let (n, m) = (quote.words.len(), canon.words.len());
        for len in n.saturating_sub(2).max(1)..=(n + 2).min(m) {
            for start in 0..=m - len {
                let r = ratio(&canon.words[start..start + len], &quote.words);
                if best.as_ref().is_none_or(|(b, _)| r > *b) {
                    best = Some((r, start..start + len));
                }
            }
        }
        best.filter(|(r, _)| *r >= MISQUOTE_RATIO)
    }

    fn words_of(ids: &[u8]) -> QuoteWords {
        const VOCAB: [&str; 6] = ["we", "will", "act", "now", "and", "rebuild"];
        let text: Vec<&str> = ids.iter().map(|&i| VOCAB[usize::from(i) % 6]).collect();
        quote_words(&text.join(" "))
    }

    proptest::proptest! {
        #[test]
        fn pruned_window_search_finds_what_the_exhaustive_one_does(
            q in proptest::collection::vec(0u8..6, 4..12),
            c in proptest::collection::vec(0u8..6, 12..40),
        ) {
            let (q, c) = (words_of(&q), words_of(&c));
            proptest::prop_assert_eq!(
                best_window(&q, &c, usize::MAX).filter(|(r, _)| *r >= MISQUOTE_RATIO),
                best_window_exhaustive(&q, &c)
            );
        }

        #[test]
        fn linear_run_search_agrees_with_the_naive_one(
            hay in proptest::collection::vec(0u8..3, 0..30),
            needle in proptest::collection::vec(0u8..3, 0..5),
            from in 0usize..30,
        ) {
            let hay = words_of(&hay).words;
            let needle = words_of(&needle).words;
            let naive = if needle.is_empty() {
                Some(from)
            } else {
                (from..hay.len().saturating_sub(needle.len() - 1))
                    .find(|&i| hay[i..i + needle.len()] == *needle)
            };
            proptest::prop_assert_eq!(find_run(&hay, &needle, from), naive);
        }
    }

    #[test]
    fn a_long_reworded_stretch_of_a_long_text_is_found() {
        let canon: Vec<String> = (0..4000).map(|i| format!("w{}", i % 997)).collect();
        let mut quote: Vec<String> = canon[1500..3500].to_vec();
        quote[700] = "changed".to_owned();
        let q = quote_words(&quote.join(" "));
        let c = quote_words(&canon.join(" "));
        let m = near_match(&q, &c).expect("a near match");
        assert!(m.ratio > 0.99, "{}", m.ratio);
        assert!(m.diff.contains(&DiffOp::Added("changed".into())));
    }

    #[test]
    fn quotations_over_the_cap_are_not_diffed() {
        let canon: Vec<String> = (0..MAX_NEAR_MATCH_WORDS + 10)
            .map(|i| format!("w{i}"))
            .collect();
        let mut quote = canon[..=MAX_NEAR_MATCH_WORDS].to_vec();
        quote[5] = "changed".to_owned();
        let c = quote_words(&canon.join(" "));
        assert!(near_match(&quote_words(&quote.join(" ")), &c).is_none());
        quote.pop();
        assert!(near_match(&quote_words(&quote.join(" ")), &c).is_some());
    }

    /// The words [`normalised_words_into`] writes, one string each.
    fn words_into(text: &str) -> Vec<String> {
        let (mut buf, mut ends) = (String::from("stale"), vec![9]);
        normalised_words_into(text, &mut buf, &mut ends);
        let mut start = 0;
        ends.iter()
            .map(|&end| {
                let w = buf[start..end].to_owned();
                start = end;
                w
            })
            .collect()
    }

    #[test]
    fn words_into_a_buffer_are_the_normalised_words() {
        for text in [
            "",
            "...",
            "“We won’t stop,” she said ‘today’.",
            "rock ’n’ roll isn`t dead ʼtil 'then'",
            "We will act ... with [the] strength…now.. and. . .end",
            "“He said ‘we [the party] won’t … ever’ fail”",
            "ÉLYSÉE Straße İstanbul ΟΔΟΣ naïve café",
            "U.S. 3.5% rise, 1,200 jobs; co-op -- e-mail",
            "[[nested] still inside] out ]] again [",
            "''a'' ''b '' c' d''e",
        ] {
            assert_eq!(words_into(text), normalised_words(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn words_into_agree_on_any_mix_of_marks(
            text in "[aZé Σ'’‘`ʼ.…\\[\\]“”,0-9-]{0,40}",
        ) {
            proptest::prop_assert_eq!(words_into(&text), normalised_words(&text));
        }
    }

    #[test]
    fn short_quotes_are_never_misquotes() {
        let q = quote_words("dangerous risk");
        let c = quote_words("a dangerous gamble");
        assert!(near_match(&q, &c).is_none());
    }
}
