//! Calendar words of English news: months, weekdays, relative day words,
//! units, and the few words that turn a weekday into a name.
//!
//! Flat tables, every key lower case and sorted for binary search; no logic
//! beyond the lookups. Nothing here knows a particular story.

/// Month names and their abbreviations, with the month number.
pub const MONTHS: &[(&str, u32)] = &[
    ("apr", 4),
    ("april", 4),
    ("aug", 8),
    ("august", 8),
    ("dec", 12),
    ("december", 12),
    ("feb", 2),
    ("february", 2),
    ("jan", 1),
    ("january", 1),
    ("jul", 7),
    ("july", 7),
    ("jun", 6),
    ("june", 6),
    ("mar", 3),
    ("march", 3),
    ("may", 5),
    ("nov", 11),
    ("november", 11),
    ("oct", 10),
    ("october", 10),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
];

/// Weekday names, numbered from Monday = 0.
pub const WEEKDAYS: &[(&str, u32)] = &[
    ("friday", 4),
    ("monday", 0),
    ("saturday", 5),
    ("sunday", 6),
    ("thursday", 3),
    ("tuesday", 1),
    ("wednesday", 2),
];

/// Words that name a day by its distance from the publication day.
pub const DAY_WORDS: &[(&str, i64)] = &[
    ("today", 0),
    ("tomorrow", 1),
    ("tonight", 0),
    ("yesterday", -1),
];

/// Parts of a day that may follow a day ("Friday night", "this morning").
pub const DAY_PARTS: &[&str] = &["afternoon", "evening", "morning", "night"];

/// Calendar units, for "last week", "two years ago", "this quarter".
/// 0 day, 1 week, 2 month, 3 quarter, 4 year, 5 weekend.
pub const UNITS: &[(&str, u8)] = &[
    ("day", 0),
    ("days", 0),
    ("month", 2),
    ("months", 2),
    ("quarter", 3),
    ("quarters", 3),
    ("week", 1),
    ("weekend", 5),
    ("weeks", 1),
    ("year", 4),
    ("years", 4),
];

/// Words that shift a unit, a weekday or a month: "last week",
/// "next Friday", "this year", "the past week", "the coming week".
pub const SHIFTS: &[(&str, i32)] = &[
    ("coming", 1),
    ("last", -1),
    ("next", 1),
    ("past", -1),
    ("previous", -1),
    ("this", 0),
];

/// Words that narrow a span without changing it for our purposes:
/// "earlier this month", "late last year".
pub const SPAN_HEDGES: &[&str] = &["earlier", "early", "late", "later", "mid"];

/// Small number words, for "two days ago".
pub const NUMBER_WORDS: &[(&str, i64)] = &[
    ("a", 1),
    ("an", 1),
    ("eight", 8),
    ("eleven", 11),
    ("five", 5),
    ("four", 4),
    ("nine", 9),
    ("one", 1),
    ("seven", 7),
    ("six", 6),
    ("ten", 10),
    ("three", 3),
    ("twelve", 12),
    ("two", 2),
];

/// Ordinals naming a quarter: "the third quarter", "the final quarter".
pub const QUARTER_ORDINALS: &[(&str, u32)] = &[
    ("final", 4),
    ("first", 1),
    ("fourth", 4),
    ("second", 2),
    ("third", 3),
];

/// Seasons with their first month (meteorological, northern hemisphere:
/// the convention of TIMEX3 and of English-language wire copy).
pub const SEASONS: &[(&str, u32)] = &[("autumn", 9), ("fall", 9), ("spring", 3), ("summer", 6)];

/// Words before a weekday that make it a name, not a date of this week
/// ("Bloody Sunday", "Black Friday", "Super Tuesday").
pub const WEEKDAY_NAME_BEFORE: &[&str] = &[
    "ash", "black", "bloody", "cyber", "easter", "giving", "good", "holy", "maundy", "palm",
    "super",
];

/// Capitalised words after a weekday that make it a title ("the Sunday
/// Times", "Saturday Night Live").
pub const WEEKDAY_NAME_AFTER: &[&str] = &[
    "express",
    "herald",
    "independent",
    "league",
    "live",
    "mail",
    "mirror",
    "observer",
    "people",
    "post",
    "review",
    "school",
    "service",
    "sport",
    "star",
    "telegraph",
    "times",
    "tribune",
];

/// Prepositions and determiners that, right before a bare month or year,
/// show that it is a date ("in March", "since 1998", "by 2030").
pub const DATE_PREPOSITIONS: &[&str] = &[
    "after",
    "and",
    "around",
    "as",
    "before",
    "between",
    "by",
    "circa",
    "during",
    "from",
    "in",
    "of",
    "on",
    "or",
    "since",
    "through",
    "throughout",
    "till",
    "to",
    "until",
];

/// Words of the future: a date they govern lies ahead ("will meet on
/// Thursday", "is due Thursday", "is expected to vote on Friday").
pub const FUTURE_CUES: &[&str] = &[
    "'ll",
    "could",
    "due",
    "expected",
    "expects",
    "going",
    "might",
    "must",
    "plan",
    "planned",
    "planning",
    "plans",
    "scheduled",
    "set",
    "shall",
    "should",
    "upcoming",
    "will",
    "won't",
    "would",
    "’ll",
];

/// Past forms that do not end in "-ed": "met", "said", "was".
pub const IRREGULAR_PAST: &[&str] = &[
    "ate", "beat", "became", "began", "bought", "brought", "built", "came", "caught", "chose",
    "did", "drew", "drove", "fell", "felt", "fled", "fought", "found", "gave", "got", "grew",
    "had", "heard", "held", "hit", "hung", "kept", "knew", "laid", "led", "left", "lost", "made",
    "meant", "met", "paid", "ran", "rose", "said", "sank", "saw", "sent", "shot", "shut", "sold",
    "spent", "spoke", "stood", "struck", "swore", "thought", "threw", "told", "took", "was",
    "went", "were", "won", "wrote",
];

/// Words in "-ed" that are not past verbs.
pub const NOT_PAST_ED: &[&str] = &[
    "bed", "bred", "embed", "exceed", "feed", "freed", "hundred", "indeed", "need", "proceed",
    "red", "seed", "shed", "shred", "sled", "speed", "succeed", "weed",
];

/// Words that start a relation rather than a date ("a week after the
/// strike", "two days before"): the unit they follow is not a date.
pub const RELATION_WORDS: &[&str] = &["after", "before", "earlier", "later"];

/// Determiners and possessive pronouns: a word after one is a noun phrase.
pub const DETERMINERS: &[&str] = &[
    "a", "an", "her", "his", "its", "my", "our", "that", "the", "their", "this", "your",
];

/// Nouns of recurring events whose edition is named by a year after them
/// ("the Conference 2010", "World Cup 2018"); a year after any other
/// capitalised word is a model or a name ("Boeing 1998").
pub const EVENT_NOUNS: &[&str] = &[
    "budget",
    "census",
    "championship",
    "championships",
    "conference",
    "cup",
    "election",
    "elections",
    "expo",
    "festival",
    "forum",
    "games",
    "olympics",
    "summit",
];

/// Holidays on a fixed day: key word (lower case, without "'s"), month,
/// day, and whether "Day" or "Eve" must follow ("Valentine's Day"). "Eve"
/// is the day before. Movable feasts (Easter, Thanksgiving) are left out.
pub const HOLIDAYS: &[(&str, (u32, u32, bool))] = &[
    ("boxing", (12, 26, true)),
    ("christmas", (12, 25, false)),
    ("halloween", (10, 31, false)),
    ("valentine", (2, 14, true)),
];

/// Holidays on the nth weekday of a month (US usage): key word, month,
/// weekday (Monday = 0), n. "Thanksgiving" is the fourth Thursday of
/// November.
pub const MOVABLE_HOLIDAYS: &[(&str, (u32, u32, u32))] = &[("thanksgiving", (11, 3, 4))];

/// Words after a four-digit number that make it a time or an era, not a
/// year of ours ("by 1800 GMT", "around 1500 BC").
pub const NOT_YEAR_AFTER: &[&str] = &[
    "a.m.", "b.c.", "bc", "bce", "bst", "cet", "edt", "est", "gmt", "hours", "hrs", "p.m.", "pdt",
    "pst", "utc",
];

/// Auxiliary verbs: they carry tense but date nothing themselves.
pub const AUXILIARIES: &[&str] = &[
    "are", "be", "been", "did", "had", "has", "have", "is", "was", "were",
];

/// Modal verbs and the infinitive "to": the next word is a verb.
pub const MODALS: &[&str] = &[
    "can", "could", "might", "must", "shall", "should", "to", "will", "would",
];

/// Words right before a date that put it ahead: deadlines ("by
/// Thursday", "until Friday") and starts ("starting Monday", "effective
/// Jan. 1").
pub const DEADLINE_WORDS: &[&str] = &["beginning", "by", "effective", "starting", "till", "until"];

/// Words that open a clause or a phrase, never a noun or verb to anchor.
pub const CLAUSE_WORDS: &[&str] = &["against", "at", "for", "that", "which", "who", "with"];

/// Verbs after a year at the start of a sentence that make it the
/// subject ("2019 was a record year").
pub const YEAR_SUBJECT_VERBS: &[&str] = &["brought", "marked", "saw", "was"];

/// Words that refer to the present, the past or the future without
/// naming a date ("now", "recently"), with their TIMEX3 value. Sorted.
pub const REFERENCE_WORDS: &[(&str, &str)] = &[
    ("currently", "PRESENT_REF"),
    ("now", "PRESENT_REF"),
    ("recently", "PAST_REF"),
];

/// Adjectives that may stand in "the near future", "the recent past".
pub const REFERENCE_ADJECTIVES: &[&str] = &["distant", "immediate", "near", "recent"];

/// Words between "the" and "year" that keep it the year of accounts:
/// "the full year", "the fiscal year".
pub const YEAR_QUALIFIERS: &[&str] = &["entire", "financial", "fiscal", "full", "whole"];

/// Nouns of awards "of the year" ("player of the year"): a title, not a
/// date.
pub const AWARD_NOUNS: &[&str] = &[
    "album", "book", "car", "coach", "man", "manager", "person", "player", "rookie", "song",
    "team", "woman", "word",
];

/// Nouns after "today's" that make it the present in general, not a day
/// ("today's world", "in today's dollars").
pub const TODAY_GENERIC: &[&str] = &[
    "children",
    "dollars",
    "economy",
    "generation",
    "kids",
    "society",
    "standards",
    "terms",
    "world",
    "youth",
];

/// Verbs of schedules: in the present tense right before a date they
/// plan ahead ("the talks resume Monday", "leaders meet on Friday").
pub const SCHEDULE_VERBS: &[&str] = &[
    "arrive",
    "begin",
    "convene",
    "depart",
    "expire",
    "meet",
    "reconvene",
    "resume",
    "start",
    "travel",
    "visit",
];

/// Look `word` (lower case) up in a sorted `(key, value)` table: the
/// answer of the lexicon's keyed lookup, [`super::lookup_sorted`] (a test
/// checks), found as [`position`] finds it.
pub fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    position(table.len(), |k| table[k].0, word).map(|k| table[k].1)
}

/// Whether `word` (lower case) is in a sorted word list: the answer of
/// [`super::is_in_sorted`] (a test checks), found as [`position`] finds
/// it.
pub fn contains(table: &[&str], word: &str) -> bool {
    position(table.len(), |k| table[k], word).is_some()
}

/// Where `word` is among `n` distinct keys sorted by their bytes (`key`
/// gives each). The keys opening with its first byte follow one another:
/// a bisection on that byte alone finds the first of them (a byte
/// comparison a step, where bisecting by whole words calls `memcmp` at
/// each), and a scan of those few compares lengths before bytes.
#[inline]
fn position<'a>(n: usize, key: impl Fn(usize) -> &'a str, word: &str) -> Option<usize> {
    let w = word.as_bytes();
    let first = w.first()?;
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if key(mid).as_bytes().first() < Some(first) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    (lo..n)
        .take_while(|&k| key(k).as_bytes().first() == Some(first))
        .find(|&k| key(k).as_bytes() == w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`lookup`] and [`contains`] answer as the lexicon's bisection by
    /// whole words does, for every key of every keyed table and word list
    /// here and for words near them (a prefix, a longer word, another
    /// last byte, the empty word).
    #[test]
    fn lookups_answer_as_the_lexicon_bisection() {
        fn keys<T>(t: &[(&'static str, T)]) -> Vec<&'static str> {
            t.iter().map(|(k, _)| *k).collect()
        }
        let lists: Vec<Vec<&str>> = vec![
            keys(MONTHS),
            keys(WEEKDAYS),
            keys(DAY_WORDS),
            keys(UNITS),
            keys(SHIFTS),
            keys(NUMBER_WORDS),
            keys(QUARTER_ORDINALS),
            keys(SEASONS),
            keys(HOLIDAYS),
            keys(MOVABLE_HOLIDAYS),
            keys(REFERENCE_WORDS),
            keys(crate::lexicon::durations::DURATION_UNITS),
            keys(crate::lexicon::durations::DURATION_NUMBERS),
            keys(crate::lexicon::durations::FREQUENCY_WORDS),
            DAY_PARTS.to_vec(),
            SPAN_HEDGES.to_vec(),
            TODAY_GENERIC.to_vec(),
            NOT_YEAR_AFTER.to_vec(),
            DEADLINE_WORDS.to_vec(),
            YEAR_SUBJECT_VERBS.to_vec(),
            EVENT_NOUNS.to_vec(),
            WEEKDAY_NAME_BEFORE.to_vec(),
            WEEKDAY_NAME_AFTER.to_vec(),
        ];
        let mut asked = 0;
        for list in &lists {
            let table: Vec<(&str, usize)> = list.iter().enumerate().map(|(k, w)| (*w, k)).collect();
            let mut words: Vec<String> = vec![String::new(), "a".into(), "zzz".into(), "é".into()];
            for w in list {
                words.push(w.to_string());
                words.push(format!("{w}s"));
                words.push(w[..w.len() - 1].to_string());
                words.push(format!("{}x", &w[..w.len() - 1]));
            }
            for w in &words {
                assert_eq!(
                    lookup(&table, w),
                    crate::lexicon::lookup_sorted(&table, w),
                    "{w}"
                );
                assert_eq!(
                    contains(list, w),
                    crate::lexicon::is_in_sorted(list, w),
                    "{w}"
                );
                asked += 1;
            }
        }
        assert!(asked > 500);
    }

    fn sorted<T>(t: &[(&str, T)]) -> bool {
        t.windows(2).all(|w| w[0].0 < w[1].0)
    }

    fn sorted_words(t: &[&str]) -> bool {
        t.windows(2).all(|w| w[0] < w[1])
    }

    #[test]
    fn keyed_tables_are_sorted_for_binary_search() {
        assert!(sorted(MONTHS));
        assert!(sorted(WEEKDAYS));
        assert!(sorted(DAY_WORDS));
        assert!(sorted(UNITS));
        assert!(sorted(SHIFTS));
        assert!(sorted(NUMBER_WORDS));
        assert!(sorted(QUARTER_ORDINALS));
        assert!(sorted(SEASONS));
        assert!(sorted(HOLIDAYS));
        assert!(sorted(MOVABLE_HOLIDAYS));
        assert!(sorted(REFERENCE_WORDS));
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for t in [
            DAY_PARTS,
            SPAN_HEDGES,
            WEEKDAY_NAME_BEFORE,
            WEEKDAY_NAME_AFTER,
            DATE_PREPOSITIONS,
            FUTURE_CUES,
            IRREGULAR_PAST,
            NOT_PAST_ED,
            RELATION_WORDS,
            DETERMINERS,
            EVENT_NOUNS,
            NOT_YEAR_AFTER,
            AUXILIARIES,
            MODALS,
            DEADLINE_WORDS,
            CLAUSE_WORDS,
            YEAR_SUBJECT_VERBS,
            REFERENCE_ADJECTIVES,
            YEAR_QUALIFIERS,
            AWARD_NOUNS,
            TODAY_GENERIC,
            SCHEDULE_VERBS,
        ] {
            assert!(sorted_words(t), "{t:?}");
        }
    }

    #[test]
    fn abbreviated_months_resolve() {
        assert_eq!(lookup(MONTHS, "sept"), Some(9));
        assert_eq!(lookup(MONTHS, "mayday"), None);
    }
}
