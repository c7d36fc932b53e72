//! Rules-free knowledge of English news: flat word tables, no logic.
//!
//! Each table holds only what is true of English news in general (month
//! names, speech verbs, title words...), never anything from a particular
//! story. Lookups are case-insensitive where the table says so.

pub mod dates;
pub mod durations;
pub mod nouns;
pub mod numbers;
pub mod places;
pub mod speech;
pub mod titles;
pub mod verbs;
mod wordset;

#[cfg(test)]
pub(crate) use wordset::KELVIN;
pub(crate) use wordset::{
    be_value, be_window_at, fold, has_byte, FxHasher, JointClasses, WordClasses, HIGH, KELVIN_UTF8,
    SHORT,
};

/// Words that, followed by a dot, do not end a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "a.m", "adm", "ala", "apr", "ariz", "aug", "brig", "calif", "capt", "cmdr", "co", "col",
    "colo", "conn", "corp", "cpl", "dec", "del", "dept", "dr", "e.g", "est", "etc", "feb", "fig",
    "fla", "fr", "ft", "ga", "gen", "gov", "hon", "i.e", "ill", "inc", "jan", "jr", "jul", "jun",
    "kan", "ky", "la", "lt", "ltd", "maj", "mar", "mass", "md", "messrs", "mich", "minn", "miss",
    "mo", "mont", "mr", "mrs", "ms", "msgr", "mt", "no", "nov", "oct", "okla", "ore", "p.m", "pa",
    "ph.d", "pres", "prof", "pvt", "rep", "reps", "rev", "sen", "sens", "sep", "sept", "sgt", "sr",
    "st", "supt", "tenn", "tex", "u.k", "u.n", "u.s", "va", "vs", "vt", "wash", "wis", "wyo",
];

/// Whether `word` (without its final dot) is an abbreviation.
pub fn is_abbreviation(word: &str) -> bool {
    with_abbreviation_key(word, |w| is_in_sorted(ABBREVIATIONS, w))
}

/// Call `f` with `word` less its final dots, ASCII letters lower-cased, in
/// a buffer on the stack; `false` when that is longer than any abbreviation
/// (six bytes: a test checks both tables fit).
fn with_abbreviation_key(word: &str, f: impl FnOnce(&str) -> bool) -> bool {
    let mut w = word.as_bytes();
    while let [rest @ .., b'.'] = w {
        w = rest;
    }
    let mut buf = [0u8; 6];
    let Some(key) = buf.get_mut(..w.len()) else {
        return false;
    };
    key.copy_from_slice(w);
    key.make_ascii_lowercase();
    // Cut before an ASCII dot and lower-cased byte for byte: still UTF-8.
    std::str::from_utf8(key).is_ok_and(f)
}

/// Abbreviations that are also ordinary words ("No.", "Fig."): they hold a
/// sentence open only before a number ("No. 5").
const ABBREVIATIONS_BEFORE_NUMBER: &[&str] = &[
    "fig", "ill", "la", "mar", "mass", "miss", "mo", "no", "pa", "va", "wash",
];

/// Whether `word` is an abbreviation only when a number follows.
pub fn is_abbreviation_before_number(word: &str) -> bool {
    with_abbreviation_key(word, |w| {
        ABBREVIATIONS_BEFORE_NUMBER.iter().any(|a| same_word(a, w))
    })
}

/// `a.cmp(b)`, deciding on the first bytes when they differ: most steps of
/// a binary search over a word table do, and then no `memcmp` is called.
#[inline]
pub(crate) fn cmp_words(a: &str, b: &str) -> std::cmp::Ordering {
    match a.as_bytes().first().cmp(&b.as_bytes().first()) {
        std::cmp::Ordering::Equal => a.cmp(b),
        o => o,
    }
}

/// Whether `word` is in the sorted `table`, by [`cmp_words`].
#[inline]
pub(crate) fn is_in_sorted(table: &[&str], word: &str) -> bool {
    table.binary_search_by(|k| cmp_words(k, word)).is_ok()
}

/// The value of `word` in the sorted `(key, value)` `table`, by
/// [`cmp_words`]. With [`is_in_sorted`], the lexicon's one way to search a
/// table by bisection (`tests/word_tables.rs` checks every such table is
/// sorted).
#[inline]
pub(crate) fn lookup_sorted<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table
        .binary_search_by(|(k, _)| cmp_words(k, word))
        .ok()
        .map(|i| table[i].1)
}

/// `a == b`, comparing lengths and first bytes before any `memcmp`.
#[inline]
pub(crate) fn same_word(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}

/// Call `f` with `word` in lower case, without allocating for short ASCII
/// words, and without copying an ASCII word that has no capital (most
/// words asked).
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let b = word.as_bytes();
    if b.is_ascii() {
        if !b.iter().any(u8::is_ascii_uppercase) {
            return f(word);
        }
        let mut buf = [0u8; 24];
        if let Some(lower) = buf.get_mut(..b.len()) {
            lower.copy_from_slice(b);
            lower.make_ascii_lowercase();
            return f(std::str::from_utf8(lower).unwrap_or_default());
        }
    }
    f(&word.to_lowercase())
}

/// Whether `str::to_lowercase` gives `w` back unchanged: each char lowers
/// to itself (as `to_lowercase` lowers each char, but a capital sigma,
/// which does not lower to itself either). For a document's
/// ASCII-lower-cased token, whether that text is its lower case too.
pub(crate) fn lowers_to_itself(w: &str) -> bool {
    w.chars()
        .all(|c| (c.is_ascii() && !c.is_ascii_uppercase()) || lower_is_itself(c))
}

/// Whether `c` lowers to itself alone.
#[inline]
fn lower_is_itself(c: char) -> bool {
    let mut lower = c.to_lowercase();
    lower.next() == Some(c) && lower.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_lowercase_gives_the_lower_case_word_on_every_path() {
        for w in [
            "said",
            "Said",
            "SAID",
            "",
            "Ünïted",
            "ÉTÉ",
            "a-very-long-Hyphenated-word-of-thirty",
            "a-very-long-hyphenated-word-of-thirty",
            "Company’s",
            "company’s",
            "ΟΔΟΣ",
            "ǅemal",
            "Ⓐb",
            "İstanbul",
            "KELVIN\u{212A}",
            "a-very-long-word-with-a-curly’s-Ending",
        ] {
            assert_eq!(with_lowercase(w, str::to_owned), w.to_lowercase(), "{w}");
        }
    }

    #[test]
    fn lowers_to_itself_only_where_to_lowercase_changes_nothing() {
        for w in [
            "said",
            "Said",
            "",
            "café",
            "CAFÉ",
            "company’s",
            "ΟΔΟΣ",
            "ǅemal",
            "Ⓐ",
            "İ",
            "\u{212A}",
        ] {
            assert_eq!(lowers_to_itself(w), w.to_lowercase() == w, "{w}");
        }
    }

    #[test]
    fn abbreviation_table_is_sorted_for_binary_search() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn abbreviations_match_any_case() {
        assert!(is_abbreviation("Sept"));
        assert!(is_abbreviation("U.S."));
        assert!(is_abbreviation("MESSRS.."));
        assert!(!is_abbreviation("Sunday"));
        assert!(!is_abbreviation("Messrs-"));
        assert!(!is_abbreviation("Gén"));
        assert!(is_abbreviation_before_number("No."));
        assert!(is_abbreviation_before_number("WASH"));
        assert!(!is_abbreviation_before_number("Nov."));
        assert!(!is_abbreviation_before_number("Washington"));
    }

    #[test]
    fn abbreviations_fit_the_lookup_buffer() {
        for a in ABBREVIATIONS.iter().chain(ABBREVIATIONS_BEFORE_NUMBER) {
            assert!(a.len() <= 6 && with_abbreviation_key(a, |k| k == *a), "{a}");
        }
    }

    #[test]
    fn word_comparison_agrees_with_str_ordering() {
        let words = ["", "a", "ab", "b", "ba", "bin", "de", "Ünal", "z"];
        for a in words {
            for b in words {
                assert_eq!(cmp_words(a, b), a.cmp(b), "{a} {b}");
                assert_eq!(same_word(a, b), a == b);
            }
        }
        assert!(is_in_sorted(&["bin", "de", "van"], "de"));
        assert!(!is_in_sorted(&["bin", "de", "van"], "De"));
    }
}
