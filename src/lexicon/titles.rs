//! Title words, honorifics, nationality adjectives and name particles: what
//! news puts around a person's name.
//!
//! Flat, lower-case, sorted tables of general English news usage, looked up
//! through one hash map built on first use. They name no particular person
//! or story, and decide nothing: `extract::role` and `extract::entity` read
//! them.

use super::wordset::{PairFilter, WordClasses};
use std::sync::OnceLock;

/// Words that end a title ("Prime *Minister*", "port authority
/// *spokeswoman*").
pub const TITLE_HEADS: &[&str] = &[
    "adviser",
    "advisor",
    "ambassador",
    "analyst",
    "anchor",
    "archbishop",
    "attorney",
    "author",
    "bishop",
    "boss",
    "captain",
    "cardinal",
    "ceo",
    "cfo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "consul",
    "coo",
    "correspondent",
    "councillor",
    "councilman",
    "councilor",
    "councilwoman",
    "cto",
    "delegate",
    "deputy",
    "detective",
    "diplomat",
    "director",
    "economist",
    "editor",
    "emir",
    "envoy",
    "executive",
    "founder",
    "general",
    "governor",
    "head",
    "inspector",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "legislator",
    "lieutenant",
    "manager",
    "marshal",
    "master",
    "mayor",
    "minister",
    "negotiator",
    "officer",
    "pastor",
    "police",
    "pope",
    "premier",
    "president",
    "prince",
    "princess",
    "principal",
    "professor",
    "prosecutor",
    "queen",
    "rabbi",
    "representative",
    "researcher",
    "secretary",
    "senator",
    "sergeant",
    "sheriff",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "superintendent",
    "treasurer",
    "trustee",
];

/// Abbreviated titles written with a dot before a name ("*Sen.* Ana
/// Ruiz", "*Lt.* Gov."): a head only with their dot, so "Gen Z" is none.
pub const TITLE_ABBREVIATIONS: &[&str] = &[
    "adm", "amb", "atty", "capt", "cmdr", "col", "det", "gen", "gov", "insp", "lt", "maj", "pres",
    "prof", "rep", "sen", "sgt", "supt",
];

/// Each of [`TITLE_ABBREVIATIONS`] written out, in the same order: "Sen."
/// and "Senator" name one office.
const TITLE_ABBREVIATIONS_IN_FULL: &[&str] = &[
    "admiral",
    "ambassador",
    "attorney",
    "captain",
    "commander",
    "colonel",
    "detective",
    "general",
    "governor",
    "inspector",
    "lieutenant",
    "major",
    "president",
    "professor",
    "representative",
    "senator",
    "sergeant",
    "superintendent",
];

/// Whether `word` (any case, without its dot) is an abbreviated title.
/// Every abbreviation is two to four ASCII letters, none of which another
/// character lower-cases into, so a length test and an ASCII case-blind
/// compare decide without copying the word (every word before a full
/// stop is asked).
pub fn is_title_abbreviation(word: &str) -> bool {
    (2..=4).contains(&word.len())
        && TITLE_ABBREVIATIONS
            .iter()
            .any(|a| word.eq_ignore_ascii_case(a))
}

/// The title word `lower` (lower case, without its dot) written out when
/// it is an abbreviation ("sen": "senator"), else `lower` itself.
pub fn title_word_in_full(lower: &str) -> &str {
    TITLE_ABBREVIATIONS
        .binary_search(&lower)
        .map_or(lower, |i| TITLE_ABBREVIATIONS_IN_FULL[i])
}

/// Title heads that are also common surnames ("Stephen *King*", "Hannah
/// *Judge*"): a name may end with one of them, never with another head
/// ("Chief *Strategy Officer*" is a longer title, not a name).
pub const SURNAME_HEADS: &[&str] = &[
    "bishop",
    "cardinal",
    "chancellor",
    "judge",
    "king",
    "marshal",
    "master",
    "pope",
    "prince",
    "queen",
    "sheriff",
    "speaker",
];

/// Whether a name ending with `word` is really a title: `word` is a title
/// head that is not also a surname.
pub fn is_title_not_surname(word: &str) -> bool {
    is_title_head(word) && !super::with_lowercase(word, |w| super::is_in_sorted(SURNAME_HEADS, w))
}

/// Words before an office that put it at another time than the article's,
/// or say it is held for now ("*former* Governor", "*outgoing* President",
/// "*acting* Mayor"). Sorted.
pub const TIME_QUALIFIERS: &[&str] = &["acting", "ex", "former", "incoming", "outgoing", "then"];

/// The office word joined to a time qualifier by a hyphen ("Senator" in
/// "then-Senator", "deputy" in "ex-deputy"), when `word` is such a join.
/// Inlined: the title loop asks of many words, and the byte scan that
/// answers most is shorter than a call.
#[inline]
pub fn after_joined_qualifier(word: &str) -> Option<&str> {
    // No hyphen, no join: one byte scan answers most words ("‑" opens
    // with 0xE2). A qualifier is two to eight ASCII letters, so the first
    // hyphen of a join is at byte 2 to 8: only those bytes are scanned (a
    // first hyphen elsewhere joins no qualifier either).
    let b = word.as_bytes();
    if !b
        .get(2..b.len().min(9))
        .is_some_and(|s| s.iter().any(|&b| b == b'-' || b == 0xE2))
    {
        return None;
    }
    let (q, rest) = word.split_once(['-', '‑'])?;
    (!rest.is_empty() && is_qualifier_word(q)).then_some(rest)
}

/// Whether `q` (any case) is one of [`TIME_QUALIFIERS`]. They are ASCII
/// letters none of which another character lower-cases into, so an ASCII
/// case-blind compare decides.
fn is_qualifier_word(q: &str) -> bool {
    TIME_QUALIFIERS.iter().any(|t| q.eq_ignore_ascii_case(t))
}

/// Whether `word` (any case) is a time qualifier of an office, alone or
/// joined to the office's first word ("then-deputy minister", "ex-minister").
pub fn is_time_qualifier(word: &str) -> bool {
    is_qualifier_word(word.split_once(['-', '‑']).map_or(word, |(q, _)| q))
}

/// Offices that many people hold at once (two senators of one state, the
/// lecturers of one university): one holder never contradicts another.
/// Sorted.
pub const SHARED_OFFICES: &[&str] = &[
    "adviser",
    "advisor",
    "aide",
    "analyst",
    "associate",
    "attorney",
    "candidate",
    "commissioner",
    "congressman",
    "congresswoman",
    "consultant",
    "correspondent",
    "councillor",
    "councilman",
    "councilor",
    "councilwoman",
    "delegate",
    "deputy",
    "economist",
    "editor",
    "fellow",
    "judge",
    "justice",
    "lawmaker",
    "lawyer",
    "lecturer",
    "member",
    "officer",
    "official",
    "professor",
    "reporter",
    "representative",
    "researcher",
    "scientist",
    "senator",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
    "trustee",
];

/// Whether the office whose head word is `head` (lower case) is one many
/// people hold at once.
pub fn is_shared_office(head: &str) -> bool {
    super::is_in_sorted(SHARED_OFFICES, head)
}

/// Words that may stand before a title head as part of the office
/// ("*Vice* President", "*Foreign* Minister", "*Special* Envoy"), the
/// nouns of compound offices among them ("*Fire* Marshal", "*School
/// Board* President", "*Homeland Security* Secretary"): a title's words
/// before its head are read back from the head through this table only.
pub const TITLE_MODIFIERS: &[&str] = &[
    "agriculture",
    "air",
    "army",
    "assistant",
    "associate",
    "attorney",
    "board",
    "border",
    "budget",
    "cabinet",
    "campaign",
    "chief",
    "city",
    "civil",
    "coast",
    "commerce",
    "communications",
    "county",
    "crown",
    "culture",
    "customs",
    "defence",
    "defense",
    "deputy",
    "district",
    "economy",
    "education",
    "election",
    "emergency",
    "energy",
    "environment",
    "executive",
    "federal",
    "finance",
    "financial",
    "fire",
    "first",
    "foreign",
    "founding",
    "general",
    "government",
    "grand",
    "harbor",
    "harbour",
    "health",
    "home",
    "homeland",
    "house",
    "housing",
    "human",
    "immigration",
    "information",
    "intelligence",
    "interim",
    "interior",
    "junior",
    "justice",
    "labor",
    "labour",
    "lead",
    "majority",
    "managing",
    "military",
    "minority",
    "national",
    "operating",
    "opposition",
    "patrol",
    "police",
    "presidential",
    "press",
    "prime",
    "principal",
    "public",
    "regional",
    "safety",
    "school",
    "security",
    "senate",
    "senior",
    "special",
    "state",
    "supreme",
    "technology",
    "tourism",
    "trade",
    "transport",
    "transportation",
    "treasury",
    "vice",
    "water",
    "white",
    "youth",
];

/// Words that follow a title head with "of" ("Secretary of *State*").
pub const TITLE_OF_OBJECTS: &[&str] = &[
    "commerce",
    "defence",
    "defense",
    "education",
    "energy",
    "finance",
    "health",
    "justice",
    "labor",
    "labour",
    "police",
    "staff",
    "state",
    "the",
    "treasury",
];

/// Honorifics that belong to the name they precede ("*Sheikh* Omar").
pub const HONORIFICS: &[&str] = &[
    "dame", "dr", "dr.", "lady", "lord", "madam", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
    "sayyid", "shaikh", "sheikh", "sheikha", "sir",
];

/// Generational suffixes that close a name ("Martin Lutz *Jr.*", "Henry
/// Ford *II*"): part of the name as written, not of its surname.
pub const NAME_SUFFIXES: &[&str] = &["ii", "iii", "iv", "jr", "jr.", "sr", "sr."];

/// Whether `word` (any case) is a generational suffix of a name. Every
/// suffix is two to four ASCII bytes, and no other character lower-cases
/// into one of their letters, so a length test and an ASCII case-blind
/// compare decide without copying the word (every name word is asked).
pub fn is_name_suffix(word: &str) -> bool {
    (2..=4).contains(&word.len()) && NAME_SUFFIXES.iter().any(|s| word.eq_ignore_ascii_case(s))
}

/// Title heads that also open names of companies and things ("*General*
/// Mills", "*Premier* Oil"): before a single capitalised word they give a
/// role only when the article names that word as a person elsewhere.
pub const ORG_OPENING_HEADS: &[&str] = &["cardinal", "general", "premier", "principal"];

/// Whether a title ending in `head` (any case) may open an organisation's
/// name.
pub fn is_org_opening_head(head: &str) -> bool {
    super::with_lowercase(head, |w| super::is_in_sorted(ORG_OPENING_HEADS, w))
}

/// Lower-case particles inside names ("Omar *bin* Said", "Ursula *von
/// der* Leyen").
pub const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "bint", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la",
    "le", "van", "von",
];

/// Nationality adjectives and country short forms that name a title's
/// organisation ("*Omani* Prime Minister", "*U.S.* Secretary of State").
pub const NATIONALITIES: &[&str] = &[
    "afghan",
    "african",
    "albanian",
    "algerian",
    "american",
    "argentine",
    "argentinian",
    "armenian",
    "australian",
    "austrian",
    "azerbaijani",
    "bahraini",
    "bangladeshi",
    "belarusian",
    "belgian",
    "bolivian",
    "bosnian",
    "brazilian",
    "british",
    "bulgarian",
    "burmese",
    "cambodian",
    "cameroonian",
    "canadian",
    "chilean",
    "chinese",
    "colombian",
    "congolese",
    "croatian",
    "cuban",
    "cypriot",
    "czech",
    "danish",
    "dutch",
    "ecuadorian",
    "egyptian",
    "emirati",
    "english",
    "eritrean",
    "estonian",
    "ethiopian",
    "eu",
    "european",
    "filipino",
    "finnish",
    "french",
    "georgian",
    "german",
    "ghanaian",
    "greek",
    "guatemalan",
    "haitian",
    "honduran",
    "hungarian",
    "icelandic",
    "indian",
    "indonesian",
    "iranian",
    "iraqi",
    "irish",
    "israeli",
    "italian",
    "ivorian",
    "jamaican",
    "japanese",
    "jordanian",
    "kazakh",
    "kenyan",
    "korean",
    "kosovar",
    "kurdish",
    "kuwaiti",
    "latvian",
    "lebanese",
    "libyan",
    "lithuanian",
    "malaysian",
    "maltese",
    "mexican",
    "moldovan",
    "mongolian",
    "moroccan",
    "nato",
    "nepalese",
    "nigerian",
    "north",
    "norwegian",
    "omani",
    "pakistani",
    "palestinian",
    "panamanian",
    "peruvian",
    "polish",
    "portuguese",
    "qatari",
    "romanian",
    "russian",
    "rwandan",
    "saudi",
    "scottish",
    "senegalese",
    "serbian",
    "singaporean",
    "slovak",
    "slovenian",
    "somali",
    "south",
    "spanish",
    "sudanese",
    "swedish",
    "swiss",
    "syrian",
    "taiwanese",
    "tanzanian",
    "thai",
    "tunisian",
    "turkish",
    "u.k.",
    "u.n.",
    "u.s.",
    "uae",
    "ugandan",
    "uk",
    "ukrainian",
    "un",
    "uruguayan",
    "us",
    "usa",
    "uzbek",
    "venezuelan",
    "vietnamese",
    "welsh",
    "yemeni",
    "zambian",
    "zimbabwean",
];

/// Capitalised words that are never a person's name, though they start
/// capitalised runs (sentence openers, calendar words, common heads of
/// organisations and places, and the roles that open a sentence before a
/// name without being an office: "*Striker* Kofi Mensah").
pub const NOT_NAME_WORDS: &[&str] = &[
    "a",
    "according",
    "act",
    "actor",
    "actress",
    "after",
    "agency",
    "airlines",
    "airport",
    "airways",
    "all",
    "also",
    "although",
    "an",
    "and",
    "april",
    "are",
    "arena",
    "army",
    "as",
    "association",
    "at",
    "august",
    "authority",
    "avenue",
    "bank",
    "bay",
    "because",
    "before",
    "bill",
    "board",
    "both",
    "bridge",
    "but",
    "by",
    "campaign",
    "can",
    "capital",
    "center",
    "centre",
    "church",
    "city",
    "club",
    "co",
    "college",
    "commission",
    "committee",
    "company",
    "corp",
    "corp.",
    "corporation",
    "could",
    "council",
    "county",
    "court",
    "daily",
    "december",
    "defender",
    "department",
    "despite",
    "during",
    "each",
    "earlier",
    "east",
    "eight",
    "even",
    "every",
    "february",
    "first",
    "five",
    "for",
    "force",
    "forces",
    "former",
    "foundation",
    "four",
    "friday",
    "from",
    "fund",
    "games",
    "goalkeeper",
    "government",
    "group",
    "hall",
    "harbor",
    "harbour",
    "he",
    "her",
    "herald",
    "here",
    "his",
    "holdings",
    "hospital",
    "house",
    "how",
    "however",
    "i",
    "if",
    "in",
    "inc",
    "inc.",
    "industries",
    "initiative",
    "instead",
    "institute",
    "is",
    "island",
    "islands",
    "it",
    "its",
    "january",
    "journal",
    "july",
    "june",
    "just",
    "kingdom",
    "lab",
    "laboratory",
    "labs",
    "lake",
    "last",
    "later",
    "launch",
    "law",
    "league",
    "linebacker",
    "llc",
    "ltd",
    "magazine",
    "many",
    "march",
    "may",
    "meanwhile",
    "media",
    "midfielder",
    "ministry",
    "mission",
    "monday",
    "motors",
    "museum",
    "my",
    "network",
    "new",
    "news",
    "next",
    "nine",
    "no",
    "north",
    "not",
    "novelist",
    "november",
    "now",
    "observatory",
    "october",
    "of",
    "office",
    "on",
    "once",
    "one",
    "only",
    "operation",
    "or",
    "other",
    "our",
    "park",
    "parliament",
    "partners",
    "party",
    "pictures",
    "pitcher",
    "plan",
    "plc",
    "police",
    "port",
    "post",
    "press",
    "program",
    "programme",
    "project",
    "province",
    "quarterback",
    "radio",
    "rapper",
    "records",
    "region",
    "republic",
    "review",
    "river",
    "road",
    "robotics",
    "rookie",
    "rover",
    "saturday",
    "school",
    "september",
    "series",
    "services",
    "seven",
    "several",
    "she",
    "should",
    "since",
    "six",
    "so",
    "society",
    "some",
    "south",
    "spacecraft",
    "speaking",
    "sports",
    "square",
    "stadium",
    "state",
    "states",
    "station",
    "still",
    "street",
    "striker",
    "studios",
    "such",
    "sunday",
    "system",
    "systems",
    "team",
    "teammate",
    "technologies",
    "technology",
    "telescope",
    "television",
    "ten",
    "that",
    "the",
    "their",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "three",
    "thursday",
    "thus",
    "times",
    "to",
    "today",
    "tonight",
    "tower",
    "tribune",
    "trust",
    "tuesday",
    "two",
    "union",
    "united",
    "university",
    "veteran",
    "wall",
    "war",
    "was",
    "we",
    "wednesday",
    "weekly",
    "were",
    "west",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "will",
    "winger",
    "with",
    "would",
    "yesterday",
    "yet",
    "you",
];

/// Honorifics and titles that say a person is a woman.
pub const FEMALE_WORDS: &[&str] = &[
    "chairwoman",
    "congresswoman",
    "councilwoman",
    "dame",
    "duchess",
    "empress",
    "lady",
    "madam",
    "miss",
    "mrs",
    "ms",
    "princess",
    "queen",
    "sheikha",
    "spokeswoman",
];

/// Honorifics and titles that say a person is a man.
pub const MALE_WORDS: &[&str] = &[
    "chairman",
    "congressman",
    "councilman",
    "duke",
    "emperor",
    "king",
    "lord",
    "mr",
    "prince",
    "sheikh",
    "sir",
    "spokesman",
];

/// Nouns that name a group or body able to speak ("US *officials* said",
/// "*police* said", "the *company* said").
pub const GROUP_NOUNS: &[&str] = &[
    "activists",
    "administration",
    "agency",
    "aide",
    "aides",
    "analyst",
    "analysts",
    "authorities",
    "authority",
    "board",
    "campaign",
    "company",
    "complaint",
    "council",
    "court",
    "critics",
    "data",
    "daughter",
    "department",
    "diplomats",
    "doctors",
    "document",
    "documents",
    "employees",
    "expert",
    "experts",
    "families",
    "family",
    "fans",
    "father",
    "filing",
    "firm",
    "friends",
    "government",
    "group",
    "husband",
    "insiders",
    "investigator",
    "investigators",
    "lawmakers",
    "lawsuit",
    "leaders",
    "letter",
    "members",
    "memo",
    "military",
    "ministry",
    "mother",
    "negotiators",
    "neighbors",
    "neighbours",
    "nurses",
    "observers",
    "office",
    "officer",
    "officers",
    "official",
    "officials",
    "organisers",
    "organizers",
    "parents",
    "people",
    "person",
    "players",
    "police",
    "prosecutors",
    "protesters",
    "relatives",
    "report",
    "researchers",
    "resident",
    "residents",
    "scientists",
    "son",
    "source",
    "sources",
    "spokesperson",
    "staff",
    "statement",
    "students",
    "study",
    "supporters",
    "survey",
    "teachers",
    "team",
    "union",
    "voters",
    "website",
    "wife",
    "witness",
    "witnesses",
    "workers",
];

const HEAD: u16 = 1;
const MODIFIER: u16 = 1 << 1;
const OF_OBJECT: u16 = 1 << 2;
const HONORIFIC: u16 = 1 << 3;
const NATIONALITY: u16 = 1 << 4;
const NOT_NAME: u16 = 1 << 5;
const GROUP: u16 = 1 << 6;
const SPEECH: u16 = 1 << 7;
const SUFFIX: u16 = 1 << 8;
const FEMALE: u16 = 1 << 9;
const MALE: u16 = 1 << 10;

/// Every table's words with the tables they are in, built once: one hash
/// lookup answers every question about a word.
pub(crate) fn word_classes() -> &'static WordClasses {
    static CLASSES: OnceLock<WordClasses> = OnceLock::new();
    CLASSES.get_or_init(|| {
        WordClasses::new(&[
            (TITLE_HEADS, HEAD),
            (TITLE_MODIFIERS, MODIFIER),
            (TITLE_OF_OBJECTS, OF_OBJECT),
            (HONORIFICS, HONORIFIC),
            (NATIONALITIES, NATIONALITY),
            (NOT_NAME_WORDS, NOT_NAME),
            (GROUP_NOUNS, GROUP),
            (super::speech::SPEECH_VERBS, SPEECH),
            (NAME_SUFFIXES, SUFFIX),
            (FEMALE_WORDS, FEMALE),
            (MALE_WORDS, MALE),
        ])
    })
}

/// The classes of `word`, any case.
fn class_of(word: &str) -> u16 {
    word_classes().of(word)
}

fn lookup(bit: u16, word: &str) -> bool {
    class_of(word) & bit != 0
}

/// The title-table classes of one word (and whether it is a speech verb
/// or a generational suffix): looked up once, then asked several
/// questions (a name run asks five or six of each word).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u16);

impl Classes {
    /// The classes of `word`, any case.
    pub fn of(word: &str) -> Classes {
        Classes(class_of(word))
    }

    /// [`Classes::of`] a word's UTF-8 bytes: for a caller holding a
    /// token's byte range, with no `str` slice (and its char-boundary
    /// checks) to make first.
    pub fn of_bytes(word: &[u8]) -> Classes {
        Classes(word_classes().of_bytes(word))
    }

    /// The classes of a word whose bits the caller found in
    /// [`word_classes`] itself (the cue pass looks its words up in that
    /// table joined with its own).
    pub(crate) fn from_table_bits(bits: u16) -> Classes {
        Classes(bits)
    }

    /// As [`is_title_of_object`].
    pub fn is_title_of_object(self) -> bool {
        self.0 & OF_OBJECT != 0
    }

    /// As [`is_not_name_word`].
    pub fn is_not_name_word(self) -> bool {
        self.0 & NOT_NAME != 0
    }

    /// As [`is_group_noun`].
    pub fn is_group_noun(self) -> bool {
        self.0 & GROUP != 0
    }

    /// As [`super::speech::is_speech_verb`].
    pub fn is_speech_verb(self) -> bool {
        self.0 & SPEECH != 0
    }

    /// As [`is_name_suffix`].
    pub fn is_name_suffix(self) -> bool {
        self.0 & SUFFIX != 0
    }

    /// As [`is_female_word`].
    pub fn is_female_word(self) -> bool {
        self.0 & FEMALE != 0
    }

    /// As [`is_male_word`].
    pub fn is_male_word(self) -> bool {
        self.0 & MALE != 0
    }

    /// As [`can_start_name`].
    pub fn can_start_name(self) -> bool {
        self.0 & (HEAD | MODIFIER | NATIONALITY | NOT_NAME) == 0
    }

    /// As [`is_title_head`].
    pub fn is_title_head(self) -> bool {
        self.0 & HEAD != 0
    }

    /// As [`is_title_modifier`].
    pub fn is_title_modifier(self) -> bool {
        self.0 & MODIFIER != 0
    }

    /// As [`is_honorific`].
    pub fn is_honorific(self) -> bool {
        self.0 & HONORIFIC != 0
    }

    /// As [`is_nationality`].
    pub fn is_nationality(self) -> bool {
        self.0 & NATIONALITY != 0
    }
}

/// Whether `word` ends a title.
pub fn is_title_head(word: &str) -> bool {
    lookup(HEAD, word)
}

/// Whether `word` may end a title: `false` only where [`is_title_head`]
/// is, by the first and last letters of the heads alone, before any
/// lookup (a loop over every word before a name asks; few are heads).
pub fn may_be_title_head(word: &str) -> bool {
    static HEADS: OnceLock<PairFilter> = OnceLock::new();
    HEADS
        .get_or_init(|| PairFilter::new(TITLE_HEADS))
        .may_hold(word.as_bytes())
}

/// Whether `word` may precede a title head inside the office's name.
pub fn is_title_modifier(word: &str) -> bool {
    lookup(MODIFIER, word)
}

/// Whether `word` may follow "of" inside a title.
pub fn is_title_of_object(word: &str) -> bool {
    lookup(OF_OBJECT, word)
}

/// Whether `word` is an honorific that belongs to the name.
pub fn is_honorific(word: &str) -> bool {
    lookup(HONORIFIC, word)
}

/// Whether `word` is a lower-case name particle. Every particle is two to
/// five lower-case ASCII letters: a word of another length or opening
/// with anything else is none, without a search (every name's end asks),
/// and so is one opening with a letter no particle opens with.
pub fn is_name_particle(word: &str) -> bool {
    may_be_name_particle(word.as_bytes())
        && PARTICLE_FIRSTS & (1 << (word.as_bytes()[0] - b'a')) != 0
        && super::is_in_sorted(NAME_PARTICLES, word)
}

/// Whether the word `b` has the shape of every name particle: two to
/// five bytes, opening with a lower-case ASCII letter. [`is_name_particle`]
/// says no to any other, so a caller can rule a word out before a call.
#[inline]
pub fn may_be_name_particle(b: &[u8]) -> bool {
    (2..=5).contains(&b.len()) && b[0].is_ascii_lowercase()
}

/// The letters [`NAME_PARTICLES`] open with, one bit each from `a`.
const PARTICLE_FIRSTS: u32 = {
    let mut m = 0;
    let mut i = 0;
    while i < NAME_PARTICLES.len() {
        m |= 1 << (NAME_PARTICLES[i].as_bytes()[0] - b'a');
        i += 1;
    }
    m
};

/// Whether `word` is a nationality adjective or country short form.
pub fn is_nationality(word: &str) -> bool {
    lookup(NATIONALITY, word)
}

/// Whether a capitalised `word` can never be part of a person's name.
pub fn is_not_name_word(word: &str) -> bool {
    lookup(NOT_NAME, word)
}

/// Whether `word` says its person is a woman.
pub fn is_female_word(word: &str) -> bool {
    lookup(FEMALE, word)
}

/// Whether `word` says its person is a man.
pub fn is_male_word(word: &str) -> bool {
    lookup(MALE, word)
}

/// Whether `word` names a group that can speak.
pub fn is_group_noun(word: &str) -> bool {
    lookup(GROUP, word)
}

/// Whether a capitalised `word` can start a person's name: not a title,
/// nationality or ordinary capitalised word.
pub fn can_start_name(word: &str) -> bool {
    class_of(word) & (HEAD | MODIFIER | NATIONALITY | NOT_NAME) == 0
}

#[cfg(test)]
mod time_and_shared_tests {
    use super::*;

    #[test]
    fn qualifier_and_shared_office_tables_are_sorted() {
        assert!(TIME_QUALIFIERS.windows(2).all(|w| w[0] < w[1]));
        assert!(TITLE_MODIFIERS.windows(2).all(|w| w[0] < w[1]));
        assert!(SHARED_OFFICES.windows(2).all(|w| w[0] < w[1]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_title_head_may_be_one() {
        for &h in TITLE_HEADS {
            let mut cap = h.to_string();
            cap[..1].make_ascii_uppercase();
            for w in [h.to_string(), h.to_uppercase(), cap] {
                assert!(is_title_head(&w) && may_be_title_head(&w), "{w}");
            }
        }
        // Most words are ruled out with no lookup.
        for w in ["and", "said", "Ana", "from", "that", "with"] {
            assert!(!is_title_head(w) && !may_be_title_head(w), "{w}");
        }
    }

    #[test]
    fn classes_answer_as_the_single_lookups_do() {
        for w in ["Minister", "Dr", "French", "Ana", "said"] {
            let c = Classes::of(w);
            assert_eq!(c.is_title_head(), is_title_head(w), "{w}");
            assert_eq!(c.is_honorific(), is_honorific(w), "{w}");
            assert_eq!(c.is_nationality(), is_nationality(w), "{w}");
        }
        for w in [
            "Jr.", "jr", "III", "Said", "TOLD", "Mills", "the", "Reuters", "State", "Vice", "é",
        ] {
            let c = Classes::of(w);
            assert_eq!(c.is_name_suffix(), is_name_suffix(w), "{w}");
            assert_eq!(
                c.is_speech_verb(),
                super::super::speech::is_speech_verb(w),
                "{w}"
            );
            assert_eq!(c.can_start_name(), can_start_name(w), "{w}");
            assert_eq!(c.is_not_name_word(), is_not_name_word(w), "{w}");
            assert_eq!(c.is_group_noun(), is_group_noun(w), "{w}");
            assert_eq!(c.is_title_of_object(), is_title_of_object(w), "{w}");
        }
        assert!(Classes::of("Minister").is_title_head());
        assert!(!Classes::of("Ana").is_title_head());
        assert!(Classes::of("Jr.").is_name_suffix());
        assert!(Classes::of("Said").is_speech_verb());
    }

    #[test]
    fn short_tables_compare_as_their_lookups_did() {
        let search = |t: &[&str], w: &str| {
            crate::lexicon::with_lowercase(w, |l| crate::lexicon::is_in_sorted(t, l))
        };
        for w in [
            "Sen", "sen", "LT", "Supt", "Gen", "General", "s", "", "Then", "EX", "former", "forme",
            "Mrs", "QUEEN", "Duke", "Sir", "sirs", "é", "ÉX",
        ] {
            assert_eq!(
                is_title_abbreviation(w),
                search(TITLE_ABBREVIATIONS, w),
                "{w}"
            );
            assert_eq!(is_qualifier_word(w), search(TIME_QUALIFIERS, w), "{w}");
            assert_eq!(is_female_word(w), search(FEMALE_WORDS, w), "{w}");
            assert_eq!(is_male_word(w), search(MALE_WORDS, w), "{w}");
        }
        assert_eq!(after_joined_qualifier("then-Senator"), Some("Senator"));
        assert_eq!(after_joined_qualifier("Ex‑minister"), Some("minister"));
        assert_eq!(after_joined_qualifier("well-known"), None);
        assert_eq!(after_joined_qualifier("former-"), None);
        assert!(is_time_qualifier("Then-deputy"));
        assert!(!is_time_qualifier("well-known"));
    }

    #[test]
    fn time_qualifiers_are_two_to_eight_ascii_letters() {
        // `after_joined_qualifier` looks for the hyphen at bytes 2 to 8.
        assert!(TIME_QUALIFIERS
            .iter()
            .all(|q| (2..=8).contains(&q.len()) && q.bytes().all(|b| b.is_ascii_lowercase())));
        assert_eq!(after_joined_qualifier("Outgoing-Mayor"), Some("Mayor"));
        assert_eq!(after_joined_qualifier("ex‑deputy"), Some("deputy"));
        assert_eq!(after_joined_qualifier("x-ex-deputy"), None);
        assert_eq!(after_joined_qualifier("ex-"), None);
    }

    #[test]
    fn title_heads_are_three_letters_or_more() {
        // `extract::role` looks no shorter word up.
        assert!(TITLE_HEADS.iter().all(|w| w.len() >= 3));
    }

    #[test]
    fn particles_are_short_lower_case_ascii() {
        for p in NAME_PARTICLES {
            assert!((2..=5).contains(&p.len()), "{p}");
            assert!(p.bytes().all(|b| b.is_ascii_lowercase()), "{p}");
        }
        assert!(NAME_PARTICLES.iter().all(|p| is_name_particle(p)));
        assert!(is_name_particle("bin"));
        assert!(!is_name_particle("Bin"));
        assert!(!is_name_particle("said"));
        assert!(!is_name_particle("b"));
    }

    #[test]
    fn every_abbreviation_is_written_out() {
        assert_eq!(TITLE_ABBREVIATIONS.len(), TITLE_ABBREVIATIONS_IN_FULL.len());
        for (a, full) in TITLE_ABBREVIATIONS.iter().zip(TITLE_ABBREVIATIONS_IN_FULL) {
            assert!(full.starts_with(&a[..1]), "{a} -> {full}");
        }
        assert_eq!(title_word_in_full("sen"), "senator");
        assert_eq!(title_word_in_full("senator"), "senator");
    }

    #[test]
    fn every_table_is_sorted_for_binary_search() {
        for t in [
            TITLE_HEADS,
            TITLE_MODIFIERS,
            TITLE_OF_OBJECTS,
            HONORIFICS,
            SURNAME_HEADS,
            NAME_PARTICLES,
            NAME_SUFFIXES,
            ORG_OPENING_HEADS,
            TITLE_ABBREVIATIONS,
            NATIONALITIES,
            NOT_NAME_WORDS,
            GROUP_NOUNS,
            FEMALE_WORDS,
            MALE_WORDS,
        ] {
            assert!(
                t.windows(2).all(|w| w[0] < w[1]),
                "{:?}",
                t.windows(2).find(|w| w[0] >= w[1])
            );
        }
    }

    #[test]
    fn lookups_ignore_case() {
        assert!(is_title_head("Minister"));
        assert!(is_nationality("U.S."));
        assert!(is_honorific("Sheikh"));
        assert!(!is_title_head("Washington"));
    }
}
