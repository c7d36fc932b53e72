//! Alignment: whether two claims, each seen through its subject, state the
//! same fact.
//!
//! The slots both claims fill must agree (an owner named on both sides must
//! be the same, or be named in the other's sentence too), and their
//! sentences must say the same thing: the cosine of their content-word
//! sets. Each check sets how similar is similar enough for its kind of
//! claim (`docs/alignment.md` has the calibration); this module only
//! measures.

use super::{Stem, Terms};
use crate::lexicon::FxHasher;
use serde::Serialize;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// One claim as alignment sees it.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// Its sentence's terms.
    pub terms: &'a Terms,
    /// The name that owns or performs it.
    pub owner: Option<&'a str>,
}

/// Why two claims were taken as the same fact.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Alignment {
    /// The subject slots both claims fill and agree on (`noun`, `owner`,
    /// `speaker`, `event`, ...), in the order the check tested them.
    pub slots: Vec<&'static str>,
    /// How much their sentences say the same thing, in thousandths.
    pub permille: u16,
}

impl Alignment {
    /// How much their sentences say the same thing, 0.0 to 1.0.
    pub fn similarity(&self) -> f32 {
        f32::from(self.permille) / 1000.0
    }
}

impl Serialize for Alignment {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Alignment", 2)?;
        st.serialize_field("slots", &self.slots)?;
        st.serialize_field("similarity", &(f64::from(self.permille) / 1000.0))?;
        st.end()
    }
}

impl Alignment {
    /// A few words saying why, for the text renderings.
    pub fn describe(&self) -> String {
        let mut s = String::from("aligned on ");
        if !self.slots.is_empty() {
            s.push_str(&self.slots.join(", "));
            s.push_str("; ");
        }
        s.push_str(&format!(
            "sentence similarity {:.0}%",
            self.similarity() * 100.0
        ));
        s
    }
}

/// Whether `a` and `b` agree on the slots they both fill, and how similar
/// their sentences are; `None` when a slot disagrees. `slots` are the
/// slots the caller has already matched (the counted noun, say).
pub fn align(a: Side<'_>, b: Side<'_>, slots: &[&'static str]) -> Option<Alignment> {
    let mut slots = slots.to_vec();
    if let (Some(x), Some(y)) = (a.owner, b.owner) {
        let named =
            |who: &str, t: &Terms| t.names.binary_search_by(|n| n.as_str().cmp(who)).is_ok();
        if x == y || named(x, b.terms) || named(y, a.terms) {
            slots.push("owner");
        } else {
            return None;
        }
    }
    let permille = (similarity(a.terms, b.terms) * 1000.0).round() as u16;
    Some(Alignment { slots, permille })
}

/// The cosine of two sentences' content-word sets, 0.0 to 1.0.
pub fn similarity(a: &Terms, b: &Terms) -> f32 {
    if a.stems.is_empty() || b.stems.is_empty() {
        return 0.0;
    }
    let shared = shared_count(&a.stems, &b.stems);
    shared as f32 / ((a.stems.len() * b.stems.len()) as f32).sqrt()
}

/// How many items two sorted, deduplicated lists have in common, in one
/// pass over both.
pub fn shared_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// The sentences of some articles by content word, to find the one most
/// like a given sentence in the time of the postings it shares rather
/// than by comparing it with every sentence.
#[derive(Debug, Default)]
pub struct SentenceIndex {
    /// Content-word count of each sentence, by article.
    lengths: Vec<Vec<u32>>,
    /// For each content word, the (article, sentence) pairs that hold it.
    postings: HashMap<Stem, Vec<(u32, u32)>, BuildHasherDefault<FxHasher>>,
}

impl SentenceIndex {
    /// An index of the sentences of each article in `articles`, numbered
    /// in that order.
    pub fn new<'a>(articles: impl IntoIterator<Item = &'a [Terms]>) -> SentenceIndex {
        let mut index = SentenceIndex::default();
        for (a, sentences) in articles.into_iter().enumerate() {
            let mut lengths = Vec::with_capacity(sentences.len());
            for (i, t) in sentences.iter().enumerate() {
                lengths.push(t.stems.len() as u32);
                for &stem in &t.stems {
                    index
                        .postings
                        .entry(stem)
                        .or_default()
                        .push((a as u32, i as u32));
                }
            }
            index.lengths.push(lengths);
        }
        index
    }

    /// The sentence most like `t` by [`similarity`], as (similarity,
    /// article, sentence); the later one on a tie. `None` when no
    /// sentence shares a content word with it.
    pub fn best(&self, t: &Terms) -> Option<(f32, usize, usize)> {
        let mut shared: HashMap<(u32, u32), u32, BuildHasherDefault<FxHasher>> = HashMap::default();
        for stem in &t.stems {
            for &at in self.postings.get(stem).into_iter().flatten() {
                *shared.entry(at).or_default() += 1;
            }
        }
        let mine = t.stems.len() as f32;
        shared
            .into_iter()
            .map(|((a, i), n)| {
                let theirs = self.lengths[a as usize][i as usize] as f32;
                (n as f32 / (mine * theirs).sqrt(), a as usize, i as usize)
            })
            .max_by(|x, y| x.0.total_cmp(&y.0).then((x.1, x.2).cmp(&(y.1, y.2))))
    }
}

/// Share of a text's content words that one coverage article must hold
/// for the text to restate it (a summary, a rewrite, an update). Two
/// reports of one story on different days share far fewer.
pub const MIN_RESTATED: f32 = 0.5;

/// Whether a text with content words `text` restates an article with
/// content words `source` (both sorted): most of its words are the
/// article's.
pub fn restates<T: Ord>(text: &[T], source: &[T]) -> bool {
    !text.is_empty() && shared_share(text, source) >= MIN_RESTATED
}

/// Share of `text`'s content words that are `source`'s (both sorted); 0
/// for an empty text.
pub fn shared_share<T: Ord>(text: &[T], source: &[T]) -> f32 {
    let shared = text
        .iter()
        .filter(|w| source.binary_search(w).is_ok())
        .count();
    shared as f32 / text.len().max(1) as f32
}

/// Whether every name in the shorter of two quotations (a capitalised
/// word that does not open a sentence, other than "I") is in the longer:
/// "nothing is more important in Lisbon than the port" and "nothing is
/// more important to us than the story" share a stock phrase, not a
/// quotation.
pub fn names_kept(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut opens = true;
    for w in short.split_whitespace() {
        let word = w.trim_matches(|c: char| !c.is_alphanumeric());
        let is_name = !opens
            && word != "I"
            && !word.starts_with("I'")
            && !word.starts_with("I’")
            && word.starts_with(char::is_uppercase);
        if is_name && !long.contains(word) {
            return false;
        }
        opens = w.ends_with(['.', '?', '!', ':']) || word.is_empty() && opens;
    }
    true
}

/// Content words a quotation needs before it can be told from a stock
/// phrase ("We need to...", "Time will tell").
pub const MIN_QUOTATION_WORDS: usize = 3;

/// Share of the shorter quotation's content words that must appear, in
/// order, in the longer for the two to be one quotation.
pub const MIN_QUOTATION_SHARE: f32 = 0.75;

/// Whether two quotations (their words, lower case) are the same
/// quotation, one perhaps reworded: most of the shorter's content words
/// appear in the longer, in order, and the shorter has enough of them not
/// to be a stock phrase. Returns the share matched. Runs in
/// `O(n log m)`: each word of the shorter looks up its next position in
/// the longer.
pub fn same_quotation(a: &[String], b: &[String]) -> Option<f32> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let content: Vec<&str> = short
        .iter()
        .map(String::as_str)
        .filter(|w| is_quotation_content(w))
        .collect();
    if content.len() < MIN_QUOTATION_WORDS {
        return None;
    }
    let mut at: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (i, w) in long.iter().enumerate() {
        at.entry(w.as_str()).or_default().push(i);
    }
    let mut next = 0;
    let mut matched = 0;
    for w in &content {
        let Some(pos) = at.get(w) else { continue };
        let k = pos.partition_point(|&p| p < next);
        if let Some(&p) = pos.get(k) {
            matched += 1;
            next = p + 1;
        }
    }
    let share = matched as f32 / content.len() as f32;
    (matched >= MIN_QUOTATION_WORDS && share >= MIN_QUOTATION_SHARE).then_some(share)
}

/// Content words a quotation needs before it can be pinned on one person
/// rather than another: fewer, and it may be a slogan that several people
/// repeat ("too weak to keep the harbour safe").
pub const MIN_ATTRIBUTED_WORDS: usize = 5;

/// Whether two quotations (their words, lower case) are one quotation
/// that only one of two speakers can have said: the same words whole, or
/// [`same_quotation`] with at least [`MIN_ATTRIBUTED_WORDS`] content words
/// in the shorter. What a misattribution (CC103, the audit) needs.
pub fn same_attributed_quotation(a: &[String], b: &[String]) -> bool {
    let whole = a.len() >= MIN_QUOTATION_WORDS && a == b;
    let shorter = if a.len() <= b.len() { a } else { b };
    let content = shorter.iter().filter(|w| is_quotation_content(w)).count();
    whole || content >= MIN_ATTRIBUTED_WORDS && same_quotation(a, b).is_some()
}

/// Whether two quotations differ only in spacing, case, punctuation or
/// contractions ("4.5billion" and "4.5 billion", "we've" and "we have").
pub fn same_letters(a: &[String], b: &[String]) -> bool {
    letter_words(a).concat() == letter_words(b).concat()
}

/// Whether the shorter quotation is a run of the longer's words, read as
/// [`same_letters`] reads them: a quotation cut, not reworded ("the law"
/// is no part of "the laws").
pub fn is_part_of(a: &[String], b: &[String]) -> bool {
    let (a, b) = (letter_words(a), letter_words(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty() && long.windows(short.len()).any(|w| w == short.as_slice())
}

/// A quotation's words as letters and digits only, contractions written
/// out as two words.
fn letter_words(words: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        let w = w.replace('’', "'");
        let (stem, tail) = match w.rsplit_once('\'') {
            Some((stem, tail)) => match (stem, tail) {
                ("can", "t") => ("can", "not"),
                ("won", "t") => ("will", "not"),
                (stem, "t") if stem.ends_with('n') => (&stem[..stem.len() - 1], "not"),
                (stem, "ve") => (stem, "have"),
                (stem, "re") => (stem, "are"),
                (stem, "ll") => (stem, "will"),
                (stem, "m") => (stem, "am"),
                _ => (w.as_str(), ""),
            },
            None => (w.as_str(), ""),
        };
        for part in [stem, tail] {
            let part: String = part.chars().filter(|c| c.is_alphanumeric()).collect();
            if !part.is_empty() {
                out.push(part);
            }
        }
    }
    out
}

/// A content word of a quotation: not a function word or a contraction
/// ("it's", "don't").
fn is_quotation_content(w: &str) -> bool {
    w.chars().count() >= 3
        && !w.contains('\'')
        && !crate::lexicon::is_in_sorted(crate::lexicon::nouns::FUNCTION_WORDS, w)
}

#[cfg(test)]
mod tests {
    #[test]
    fn contractions_and_cuts_are_not_rewording() {
        use super::{is_part_of, same_letters};
        let words = |t: &str| -> Vec<String> { t.split(' ').map(str::to_owned).collect() };
        assert!(same_letters(
            &words("we've got to act"),
            &words("we have got to act")
        ));
        assert!(same_letters(
            &words("it can't wait"),
            &words("it cannot wait")
        ));
        assert!(is_part_of(
            &words("this is not who we are"),
            &words("look this is not who we are we've got to act")
        ));
        // Near-misses: another word, another order.
        assert!(!same_letters(
            &words("we've got to act"),
            &words("we had got to act")
        ));
        assert!(!is_part_of(
            &words("who we are is not this"),
            &words("look this is not who we are")
        ));
    }

    #[test]
    fn a_slogan_is_no_one_speakers_quotation() {
        use super::{same_attributed_quotation, same_quotation};
        let words = |t: &str| -> Vec<String> { t.split(' ').map(str::to_owned).collect() };
        let slogan = words("too weak to keep the harbour safe");
        let long = words(
            "he has ignored the dock workers for years which shows he is too weak to \
             keep the harbour safe",
        );
        assert!(same_quotation(&slogan, &long).is_some());
        assert!(!same_attributed_quotation(&slogan, &long));
        // Near-miss: a longer piece of the same quotation, or the slogan whole.
        let piece = words("ignored the dock workers for years which shows he is too weak");
        assert!(same_attributed_quotation(&piece, &long));
        assert!(same_attributed_quotation(&slogan, &slogan));
    }

    #[test]
    fn a_name_left_out_makes_another_quotation() {
        use super::names_kept;
        assert!(!names_kept(
            "Nothing is more important in Lisbon than the port.",
            "Nothing is more important to us than telling the story right."
        ));
        assert!(names_kept(
            "We will rebuild Porthaven.",
            "We will rebuild Porthaven, and I promise it."
        ));
        assert!(names_kept(
            "Police will rebuild the port.",
            "The police will rebuild the port soon."
        ));
    }

    use super::*;
    use crate::extract::extract_article;
    use crate::rules::RuleSet;
    use crate::source::Article;

    /// The side of the first count in `text`.
    fn first_count(text: &str) -> (crate::extract::ArticleClaims, usize) {
        let a = Article::from_source("x.txt", text.to_owned(), None);
        let claims = extract_article(&a, &RuleSet::default());
        let ci = claims
            .claims
            .iter()
            .position(|c| c.data.kind_name() == "count")
            .expect("a count");
        (claims, ci)
    }

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn a_stock_phrase_is_not_a_quotation_to_align() {
        assert!(same_quotation(
            &words("time will tell"),
            &words("time will tell us everything")
        )
        .is_none());
    }

    #[test]
    fn quotations_sharing_a_few_words_are_not_the_same() {
        let a = words("we need to rebuild every bridge before the winter storms arrive");
        let b = words("we need to talk about the budget and the hospital staff");
        assert!(same_quotation(&a, &b).is_none());
    }

    #[test]
    fn a_reworded_quotation_is_the_same_quotation() {
        let a = words("we will leave no stone unturned until every line is running again");
        let b = words("we will leave no stone unturned until every line is open again");
        assert!(same_quotation(&a, &b).is_some());
    }

    #[test]
    fn spacing_and_punctuation_are_not_rewording() {
        assert!(same_letters(
            &words("a 4.5billion deficit"),
            &words("a 4.5 billion deficit")
        ));
        assert!(!same_letters(
            &words("a 4.5 billion deficit"),
            &words("a 4.6 billion deficit")
        ));
    }

    #[test]
    fn counts_owned_by_different_names_do_not_align() {
        let (a, i) = first_count("The carmaker Kestrel plans to close 600 stores.");
        let (b, j) = first_count("The carmaker Ostrand plans to close 450 stores.");
        let sa = a.subjects.side(&a.claims, i);
        let sb = b.subjects.side(&b.claims, j);
        assert_eq!(sa.owner, Some("kestrel"));
        assert!(align(sa, sb, &["noun"]).is_none());
    }

    #[test]
    fn same_owner_and_sentence_align_with_high_similarity() {
        let (a, i) = first_count("On Monday, Kestrel said it plans to close 600 stores.");
        let (b, j) = first_count("Kestrel plans to close 450 stores, it said on Monday.");
        let al = align(
            a.subjects.side(&a.claims, i),
            b.subjects.side(&b.claims, j),
            &["noun"],
        )
        .expect("aligned");
        assert_eq!(al.slots, ["noun", "owner"]);
        assert!(al.similarity() > 0.6, "{al:?}");
    }

    #[test]
    fn the_index_finds_the_sentence_a_full_comparison_finds() {
        let terms = |stems: &[u64]| Terms {
            stems: stems.to_vec(),
            names: Vec::new(),
        };
        let first = [terms(&[1, 2, 3]), terms(&[4, 5]), terms(&[])];
        let second = [terms(&[2, 3, 9]), terms(&[1, 2, 3, 4, 5, 6, 7])];
        let index = SentenceIndex::new([&first[..], &second[..]]);
        for query in [terms(&[1, 2, 3]), terms(&[4, 5, 6]), terms(&[2, 3, 9, 10])] {
            let full = [&first[..], &second[..]]
                .iter()
                .enumerate()
                .flat_map(|(a, s)| s.iter().enumerate().map(move |(i, t)| (a, i, t)))
                .map(|(a, i, t)| (similarity(&query, t), a, i))
                .max_by(|x, y| x.0.total_cmp(&y.0).then((x.1, x.2).cmp(&(y.1, y.2))));
            assert_eq!(index.best(&query), full, "{query:?}");
        }
        assert_eq!(index.best(&terms(&[42])), None);
    }

    #[test]
    fn unrelated_sentences_are_dissimilar() {
        let (a, i) = first_count("The nation of 50 million people voted on Sunday.");
        let (b, j) = first_count("About 200 people marched to the stadium in the rain.");
        let al = align(
            a.subjects.side(&a.claims, i),
            b.subjects.side(&b.claims, j),
            &["noun"],
        )
        .expect("no owner on either side");
        assert!(al.similarity() < 0.3, "{al:?}");
    }
}
