//! Words of lengths of time and of recurring times: units with their
//! TIMEX3 codes, and the adverbs of frequency.
//!
//! Flat tables of general English; the patterns that read them live in
//! `extract::duration`. Every table is sorted for binary search.

/// A unit of a duration: its TIMEX3 letter, how many of that letter one
/// unit is, and whether it is a time unit (written after "PT").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DurationUnit {
    /// TIMEX3 unit letter: `S`, `M`, `H`, `D`, `W`, `Y`.
    pub code: char,
    /// Units of `code` in one: 10 years in a decade.
    pub factor: u32,
    /// Hours, minutes and seconds take the `T` of ISO 8601.
    pub time: bool,
}

const fn unit(code: char, factor: u32, time: bool) -> DurationUnit {
    DurationUnit { code, factor, time }
}

/// Unit words, singular and plural, lower case, sorted.
pub const DURATION_UNITS: &[(&str, DurationUnit)] = &[
    ("centuries", unit('Y', 100, false)),
    ("century", unit('Y', 100, false)),
    ("day", unit('D', 1, false)),
    ("days", unit('D', 1, false)),
    ("decade", unit('Y', 10, false)),
    ("decades", unit('Y', 10, false)),
    ("hour", unit('H', 1, true)),
    ("hours", unit('H', 1, true)),
    ("minute", unit('M', 1, true)),
    ("minutes", unit('M', 1, true)),
    ("month", unit('M', 1, false)),
    ("months", unit('M', 1, false)),
    ("second", unit('S', 1, true)),
    ("seconds", unit('S', 1, true)),
    ("week", unit('W', 1, false)),
    ("weeks", unit('W', 1, false)),
    ("year", unit('Y', 1, false)),
    ("years", unit('Y', 1, false)),
];

/// Number words that count units, lower case, sorted ("a" and "an" are one).
pub const DURATION_NUMBERS: &[(&str, u32)] = &[
    ("a", 1),
    ("an", 1),
    ("eight", 8),
    ("eighteen", 18),
    ("eighty", 80),
    ("eleven", 11),
    ("fifteen", 15),
    ("fifty", 50),
    ("five", 5),
    ("forty", 40),
    ("four", 4),
    ("fourteen", 14),
    ("nine", 9),
    ("nineteen", 19),
    ("ninety", 90),
    ("one", 1),
    ("seven", 7),
    ("seventeen", 17),
    ("seventy", 70),
    ("six", 6),
    ("sixteen", 16),
    ("sixty", 60),
    ("ten", 10),
    ("thirteen", 13),
    ("thirty", 30),
    ("three", 3),
    ("twelve", 12),
    ("twenty", 20),
    ("two", 2),
];

/// Words for an unstated number of units ("several years": `PXY`).
pub const VAGUE_NUMBERS: &[&str] = &["few", "many", "several"];

/// Words before a count of units that make it a period up to or from now
/// ("the past 20 years"); they belong to the expression.
pub const PERIOD_SHIFTS: &[&str] = &["coming", "last", "next", "past", "previous"];

/// Words after a count of units that make it a point in time or an age,
/// not a length ("two days ago", "a year earlier", "20 years old"). "Three
/// days later" keeps its length: TIMEX3 marks "three days" there.
pub const NOT_DURATION_AFTER: &[&str] = &["ago", "earlier", "like", "old", "older", "younger"];

/// Words before "a"/"an" + unit that make it a rate ("twice a day", "$5 an
/// hour"), not a length.
pub const RATE_BEFORE: &[&str] = &["once", "per", "times", "twice"];

/// Words before "a"/"an" + unit that make it a length ("for a week",
/// "in a year", "nearly a decade"); elsewhere "a day" is a noun ("a day
/// like this").
pub const LENGTH_BEFORE_ARTICLE: &[&str] = &[
    "about", "after", "almost", "around", "for", "in", "just", "nearly", "only", "over", "than",
    "under", "within",
];

/// Adverbs and adjectives of frequency with their TIMEX3 value.
pub const FREQUENCY_WORDS: &[(&str, &str)] = &[
    ("annually", "P1Y"),
    ("daily", "P1D"),
    ("hourly", "PT1H"),
    ("monthly", "P1M"),
    ("nightly", "P1D"),
    ("weekly", "P1W"),
    ("yearly", "P1Y"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        assert!(DURATION_UNITS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(DURATION_NUMBERS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(FREQUENCY_WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        for t in [
            VAGUE_NUMBERS,
            PERIOD_SHIFTS,
            NOT_DURATION_AFTER,
            RATE_BEFORE,
        ] {
            assert!(t.windows(2).all(|w| w[0] < w[1]));
        }
    }
}
