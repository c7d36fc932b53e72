//! Word tables for numbers in English news: number words, scales,
//! currencies, shares, hedges and the verbs that state a count as a change.
//!
//! Flat tables only; the parsing lives in `extract::number` and
//! `extract::count`. Every entry is lower case.

/// Number words below twenty, by value.
pub const UNITS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

/// Ordinal words, by value ("twenty-first" is read as "twenty" and
/// "first").
pub const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
];

/// Words that state a result as a score or tally right before it ("won
/// 3-1", "beat them 76-71").
pub const SCORE_VERBS: &[&str] = &[
    "beat",
    "beating",
    "beats",
    "defeated",
    "defeating",
    "defeats",
    "drew",
    "edged",
    "lead",
    "leading",
    "leads",
    "led",
    "lose",
    "loses",
    "losing",
    "lost",
    "routed",
    "thrashed",
    "tied",
    "trail",
    "trailed",
    "trailing",
    "trails",
    "trounced",
    "vote",
    "voted",
    "votes",
    "voting",
    "win",
    "winning",
    "wins",
    "won",
];

/// Nouns a score or tally stands before ("a 2-2 draw", "a 5-4 vote").
pub const SCORE_NOUNS: &[&str] = &[
    "decision",
    "defeat",
    "draw",
    "lead",
    "loss",
    "margin",
    "rout",
    "ruling",
    "scoreline",
    "thrashing",
    "tie",
    "triumph",
    "verdict",
    "victory",
    "vote",
    "win",
];

/// Tens, by value.
pub const TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Scale words written apart from the number ("1.2 million", "3 bn").
pub const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("crore", 1e7),
    ("mn", 1e6),
    ("mln", 1e6),
    ("bn", 1e9),
    ("bln", 1e9),
    ("tn", 1e12),
    ("trn", 1e12),
];

/// Scale abbreviations glued to digits ("200m", "3bn", "5k"), or written
/// apart only after a currency ("$5 m").
pub const GLUED_SCALES: &[(&str, f64)] = &[
    ("k", 1e3),
    ("m", 1e6),
    ("mn", 1e6),
    ("mln", 1e6),
    ("b", 1e9),
    ("bn", 1e9),
    ("bln", 1e9),
    ("tn", 1e12),
    ("trn", 1e12),
];

/// Vague plurals: "dozens of", "hundreds of" ... as (word, low, high).
pub const MANY: &[(&str, f64, f64)] = &[
    ("dozens", 24.0, 99.0),
    ("scores", 40.0, 99.0),
    ("hundreds", 200.0, 999.0),
    ("thousands", 2e3, 9_999.0),
    ("millions", 2e6, 9_999_999.0),
    ("billions", 2e9, 9_999_999_999.0),
];

/// Currency symbols and the noun they count.
pub const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("$", "dollar"),
    ("£", "pound"),
    ("¥", "yen"),
    ("₩", "won"),
    ("₪", "shekel"),
    ("₫", "dong"),
    ("€", "euro"),
    ("₱", "peso"),
    ("₹", "rupee"),
    ("₺", "lira"),
    ("₽", "ruble"),
];

/// Letters glued before a currency symbol to name the country ("US$",
/// "AU$", "GB£", "C$", "HK$", "R$").
pub const CURRENCY_PREFIXES: &[&str] = &[
    "a", "au", "c", "ca", "can", "gb", "hk", "nt", "nz", "r", "rmb", "s", "sg", "us", "z",
];

/// ISO codes and the noun they count ("USD 5 million", "$199 USD").
pub const CURRENCY_CODES: &[(&str, &str)] = &[
    ("aud", "dollar"),
    ("brl", "real"),
    ("cad", "dollar"),
    ("chf", "franc"),
    ("cny", "yuan"),
    ("eur", "euro"),
    ("gbp", "pound"),
    ("hkd", "dollar"),
    ("inr", "rupee"),
    ("jpy", "yen"),
    ("krw", "won"),
    ("mxn", "peso"),
    ("nzd", "dollar"),
    ("rmb", "yuan"),
    ("rub", "ruble"),
    ("sek", "krona"),
    ("sgd", "dollar"),
    ("usd", "dollar"),
];

/// Words that make a number a share: "40 percent", "40 pct".
pub const PERCENT_WORDS: &[&str] = &["pct", "percent", "percentage"];

/// Hedges meaning "about": [v - 10%, v + 10%].
pub const ABOUT: &[&str] = &[
    "about",
    "an estimated",
    "approximately",
    "around",
    "estimated",
    "or so",
    "roughly",
    "some",
];

/// Hedges meaning "nearly": [v - 10%, v].
pub const NEARLY: &[&str] = &["almost", "close to", "just short of", "nearly"];

/// Hedges meaning "more than": (v, infinity).
pub const MORE_THAN: &[&str] = &[
    "above",
    "in excess of",
    "just over",
    "more than",
    "over",
    "upwards of",
    "well over",
];

/// Hedges meaning "at least": [v, infinity).
pub const AT_LEAST: &[&str] = &["at least", "no fewer than", "no less than"];

/// Hedges meaning "fewer than": [0, v).
pub const FEWER_THAN: &[&str] = &["below", "fewer than", "just under", "less than", "under"];

/// Hedges meaning "at most": [0, v].
pub const AT_MOST: &[&str] = &[
    "as many as",
    "as much as",
    "at most",
    "no more than",
    "not more than",
    "up to",
];

/// Verbs that, followed by "to", state a count as a change ("rose to").
pub const CHANGE_TO_VERBS: &[&str] = &[
    "climb",
    "climbed",
    "climbing",
    "climbs",
    "cut",
    "declined",
    "decreased",
    "dropped",
    "edged",
    "fallen",
    "fell",
    "grew",
    "grown",
    "increased",
    "jumped",
    "lowered",
    "plunged",
    "raised",
    "reduced",
    "revised",
    "rise",
    "risen",
    "rises",
    "rising",
    "rose",
    "slipped",
    "slumped",
    "soared",
    "surged",
    "swelled",
    "tumbled",
    "updated",
];

/// Verbs that, followed by "at", state a count as a level reached ("now
/// stands at").
pub const CHANGE_AT_VERBS: &[&str] = &["stand", "standing", "stands", "stood"];

/// Month names and their abbreviations: a number beside one is a date.
pub const MONTHS: &[&str] = &[
    "apr",
    "april",
    "aug",
    "august",
    "dec",
    "december",
    "feb",
    "february",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "mar",
    "march",
    "may",
    "nov",
    "november",
    "oct",
    "october",
    "sep",
    "sept",
    "september",
];

/// Words after a number that make it a time of day.
pub const TIME_WORDS: &[&str] = &[
    "a.m", "a.m.", "am", "bst", "cet", "edt", "est", "gmt", "hrs", "o'clock", "p.m", "p.m.", "pdt",
    "pm", "pst", "utc",
];

/// Words before a number that make it an age, a rank or a label ("aged
/// 45", "No. 5", "number 3").
pub const LABEL_WORDS: &[&str] = &[
    "age", "aged", "ages", "chapter", "no", "number", "page", "room", "route", "section",
];

/// Words after a figure that make it an addition to one told before
/// ("20 additional troops", "three more bodies"; not "12 more than").
/// The checks never compare an increment with a total.
pub const INCREMENT_AFTER: &[&str] = &["additional", "extra", "further", "more"];

/// Words before a figure that make it an addition ("another 30").
pub const INCREMENT_BEFORE: &[&str] = &["additional", "another", "further"];

/// Whether `word` (lower case) is in `table` (a flat list).
#[inline]
pub fn is_in(table: &[&str], word: &str) -> bool {
    table.iter().any(|w| super::same_word(w, word))
}

/// The value of `word` (lower case) in a table of pairs.
#[inline]
pub fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table
        .iter()
        .find(|(w, _)| super::same_word(w, word))
        .map(|&(_, v)| v)
}
