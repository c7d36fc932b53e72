//! Counts: "more than 1,200 cancelled flights", "two sources", "$3.2
//! billion", "40%", "of whom about 20 are believed to be alive".
//!
//! One pass over each sentence's tokens: find a number phrase (`number`),
//! drop the ones that are years, dates, times, ages, labels or parts of
//! names, read the hedge before it and the counted noun after it (or the
//! group it is a part of, or the antecedent it refers to), and the
//! qualities the sentence states of the group. Every look-around is bounded,
//! so the pass is linear. It does not judge whether a count is right: that
//! is `check`'s job. Counts with no noun to count are not reported: a bare
//! number is seldom a claim worth checking.

use super::cue::{self, Cues};
use super::noun::{clause_qualifiers, is_function_word, is_plural, noun_phrase, singular, Head};
use super::number::{is_word, lower, may_start_number, parse_number, tok, tok_lower, NumberPhrase};
use super::{ClaimData, Context, Count, Extractor, Interval, Modifier, RawClaim};
use crate::lexicon::nouns::{BE_FORMS, DURATION_NOUNS, PARTITIVE_DETERMINERS};
use crate::lexicon::numbers::{
    self, ABOUT, AT_LEAST, AT_MOST, CHANGE_AT_VERBS, CHANGE_TO_VERBS, FEWER_THAN, INCREMENT_AFTER,
    INCREMENT_BEFORE, LABEL_WORDS, MONTHS, MORE_THAN, NEARLY, TIME_WORDS,
};
use crate::lexicon::WordClasses;
use crate::text::{Document, TokenKind};
use std::ops::Range;

/// The count extractor.
pub(crate) struct CountExtractor;

impl Extractor for CountExtractor {
    fn name(&self) -> &'static str {
        "count"
    }

    fn extract(&self, cx: &Context<'_>, _prior: &[RawClaim], out: &mut Vec<RawClaim>) {
        for s in &cx.doc.sentences {
            extract_sentence(cx.doc, &cx.cues, s.tokens.clone(), out);
        }
    }
}

/// The counted group of the last count in a sentence, for "of whom":
/// its noun and qualifiers, borrowed from the claim already written.
type Group<'a> = (&'a str, &'a [String]);

fn extract_sentence(doc: &Document, cues: &Cues, toks: Range<usize>, out: &mut Vec<RawClaim>) {
    // The last count's index in `out`: its group is copied only when an
    // "of whom" asks for it.
    let mut last: Option<usize> = None;
    // The hedge of the last count and the token after it: a conversion
    // right after it keeps it ("at least 16,000 hectares - or 40,000
    // acres").
    let mut converted: Option<(Modifier, usize)> = None;
    let mut i = toks.start;
    loop {
        // Straight to the next token the cue pass marked: most tokens
        // carry no count cue, and are skipped in one scan of the marks.
        i = cues.next(i, toks.end, cue::COUNT);
        if i >= toks.end {
            break;
        }
        if !may_start_number(doc, i) {
            i += 1;
            continue;
        }
        let between = i > toks.start && tok(doc, i - 1).eq_ignore_ascii_case("between");
        let Some(p) = parse_number(doc, i, toks.end, between) else {
            i += 1;
            continue;
        };
        let hedge = hedge_before(doc, i, toks.start).or_else(|| {
            let (modifier, end) = converted?;
            is_conversion_link(doc, end, i).then_some((Hedge::Modifier(modifier), i))
        });
        let mut next = p.end.max(i + 1);
        let group = last.and_then(|k| match &out[k].data {
            ClaimData::Count(c) => Some((c.noun.as_str(), c.qualifiers.as_slice())),
            _ => None,
        });
        if let Some(count) = count_claim(doc, &p, hedge, &toks, group) {
            if let ClaimData::Count(c) = &count.data {
                last = Some(out.len());
                let bound = !matches!(
                    c.modifier,
                    Modifier::Exact | Modifier::Range | Modifier::Many
                );
                converted = bound.then_some((c.modifier, doc.token_at(count.range.end)));
            }
            // Numbers inside the claim ("five new 737 jets") are not counts.
            next = next.max(doc.token_at(count.range.end));
            out.push(count);
        }
        i = next;
    }
}

/// Whether tokens `from..to` link a count to the same amount in other
/// units: "- or", ", or", "(or", "(".
fn is_conversion_link(doc: &Document, from: usize, to: usize) -> bool {
    match to.checked_sub(from) {
        Some(1) => matches!(tok_lower(doc, from), "(" | "or"),
        Some(2) => {
            matches!(tok_lower(doc, from), "-" | "–" | "—" | "," | "(")
                && tok_lower(doc, from + 1) == "or"
        }
        _ => false,
    }
}

/// A hedge before a number.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Hedge {
    Modifier(Modifier),
    Between,
}

/// The longest hedge ending right before token `i` (not before `floor`),
/// and its first token.
fn hedge_before(doc: &Document, i: usize, floor: usize) -> Option<(Hedge, usize)> {
    static HEDGES: std::sync::OnceLock<Vec<(Vec<&'static str>, Hedge)>> =
        std::sync::OnceLock::new();
    static LAST_WORDS: std::sync::OnceLock<WordClasses> = std::sync::OnceLock::new();
    let hedges = HEDGES.get_or_init(|| {
        let tables: [(&[&'static str], Hedge); 7] = [
            (ABOUT, Hedge::Modifier(Modifier::About)),
            (NEARLY, Hedge::Modifier(Modifier::Nearly)),
            (MORE_THAN, Hedge::Modifier(Modifier::MoreThan)),
            (AT_LEAST, Hedge::Modifier(Modifier::AtLeast)),
            (FEWER_THAN, Hedge::Modifier(Modifier::FewerThan)),
            (AT_MOST, Hedge::Modifier(Modifier::AtMost)),
            (&["between"], Hedge::Between),
        ];
        tables
            .iter()
            .flat_map(|(t, h)| t.iter().map(move |p| (p.split(' ').collect(), *h)))
            .collect()
    });
    if i == floor || doc.tokens[i - 1].kind != TokenKind::Word {
        return None;
    }
    // Every hedge ends with one of a few words: most numbers have none of
    // them before, and skip the walk over the hedges. One packed-table
    // probe; a word it lets through is still matched word by word below.
    let last_words = LAST_WORDS.get_or_init(|| {
        let v: Vec<&'static str> = hedges
            .iter()
            .filter_map(|(w, _)| w.last().copied())
            .collect();
        WordClasses::new(&[(&v, 1)])
    });
    if last_words.of_ascii(tok(doc, i - 1).as_bytes()) == 0 {
        return None;
    }
    let mut best: Option<(Hedge, usize)> = None;
    for (words, hedge) in hedges {
        let n = words.len();
        if i < floor + n {
            continue;
        }
        let start = i - n;
        let matches = words
            .iter()
            .enumerate()
            .all(|(k, w)| tok(doc, start + k).eq_ignore_ascii_case(w));
        if matches && best.is_none_or(|(_, s)| start < s) {
            best = Some((*hedge, start));
        }
    }
    best
}

/// Build the claim for number phrase `p`, or `None` when it is not a count.
fn count_claim(
    doc: &Document,
    p: &NumberPhrase,
    hedge: Option<(Hedge, usize)>,
    toks: &Range<usize>,
    last: Option<Group<'_>>,
) -> Option<RawClaim> {
    if p.lone_one || is_not_a_count(doc, p, hedge.is_some(), toks) {
        return None;
    }
    let start = hedge.map_or(p.first, |(_, s)| s);
    let change = is_change(doc, start, toks.start);
    // "20 additional troops", "another 30 were hurt": a figure added to
    // one told before; the noun comes after "additional".
    let after = |k: usize| (k < toks.end).then(|| tok_lower(doc, k));
    // The word after it is the noun: "3.24% more," and "12 more than"
    // compare, they add nothing.
    let more = after(p.end).is_some_and(|w| numbers::is_in(INCREMENT_AFTER, w))
        && p.end + 1 < toks.end
        && doc.tokens[p.end + 1].kind == TokenKind::Word
        && after(p.end + 1) != Some("than");
    let another =
        p.first > toks.start && numbers::is_in(INCREMENT_BEFORE, tok_lower(doc, p.first - 1));
    let shifted;
    let p = if more {
        shifted = NumberPhrase {
            end: p.end + 1,
            ..p.clone()
        };
        &shifted
    } else {
        p
    };
    let found = find_noun(doc, p, start, change, toks, last)?;
    let start = if another && hedge.is_none() {
        p.first - 1
    } else {
        start
    };
    let modifier = match (p.many, p.hi, hedge) {
        (true, _, _) => Modifier::Many,
        (_, Some(_), _) => Modifier::Range,
        (_, None, Some((Hedge::Modifier(m), _))) => m,
        _ => Modifier::Exact,
    };
    let claim_end = found.end.max(p.end);
    Some(RawClaim {
        range: doc.tokens[start].start..doc.tokens[claim_end - 1].end,
        data: ClaimData::Count(Count {
            // A range states its noun with its upper end ("25,000 to 30,000
            // jobs"); the interval keeps both ends.
            value: if p.many {
                p.value
            } else {
                p.hi.unwrap_or(p.value)
            },
            noun: found.noun,
            qualifiers: found.qualifiers,
            modifier,
            interval: Interval::for_modifier(modifier, p.value, p.hi),
            partitive: found.partitive,
            change,
            increment: more || another,
        }),
        group: None,
    })
}

/// Years, dates, times, ages, labels, numbers in names, phone numbers and
/// list numbers.
fn is_not_a_count(doc: &Document, p: &NumberPhrase, hedged: bool, toks: &Range<usize>) -> bool {
    // "the two companies", "these three men": a small spelled-out number
    // after a definite determiner points back at a group already named.
    let after_the = p.first > toks.start
        && matches!(
            lower(doc, p.first - 1).as_deref(),
            Some("the" | "these" | "those")
        );
    if after_the && !p.digits && p.unit.is_none() && p.value <= 3.0 {
        return true;
    }
    // Words, and money or shares, carry their own evidence.
    if !p.digits || p.unit.is_some() {
        return false;
    }
    let first = p.first;
    let last = p.end - 1;
    // Empty above the longest word `lower` keeps, longer than any word
    // asked of it here.
    let short_lower = |k: usize| lower(doc, k).unwrap_or_default();
    let touches = |a: usize, b: usize| doc.tokens[a].end == doc.tokens[b].start;
    // The token before, skipping an abbreviation's dot ("Sept. 9").
    let prev = (first > toks.start).then(|| first - 1);
    let prev_word = prev.map(|k| {
        if tok(doc, k) == "." && k > toks.start {
            k - 1
        } else {
            k
        }
    });
    let is_month = |k: usize| {
        let s = tok(doc, k);
        s.starts_with(|c: char| c.is_ascii_uppercase()) && numbers::is_in(MONTHS, &short_lower(k))
    };
    if prev_word.is_some_and(is_month) || (last + 1 < toks.end && is_month(last + 1)) {
        return true;
    }
    if prev_word.is_some_and(|k| numbers::is_in(LABEL_WORDS, &short_lower(k))) {
        return true;
    }
    if let Some(k) = prev {
        let s = tok(doc, k);
        let glued = ":/#-–.+'’";
        if s.chars().all(|c| glued.contains(c)) && touches(k, first) {
            return true;
        }
        let w = short_lower(k);
        // A name before it: "Boeing 737", "Apollo 11", "iPhone 4".
        let capital = s.chars().any(char::is_uppercase);
        if !hedged && capital && doc.tokens[k].kind == TokenKind::Word && !is_function_word(&w) {
            return true;
        }
    }
    if last + 1 < toks.end {
        let s = tok(doc, last + 1);
        if matches!(s, ":" | "/" | "-" | "–") && touches(last, last + 1) {
            return true;
        }
        if numbers::is_in(TIME_WORDS, &short_lower(last + 1)) {
            return true;
        }
        // A list number: "1." or "2)" opening a sentence.
        if first == toks.start && matches!(s, "." | ")") {
            return true;
        }
    }
    false
}

/// Whether the digits of `p` look like a year ("2025", "1998").
fn is_year_like(doc: &Document, p: &NumberPhrase) -> bool {
    let s = tok(doc, p.first);
    p.digits
        && p.end == p.first + 1
        && p.unit.is_none()
        && s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && (1000.0..=2100.0).contains(&p.value)
}

/// Whether the count is stated as a change: "rose to", "now stands at".
fn is_change(doc: &Document, start: usize, floor: usize) -> bool {
    if start < floor + 2 {
        return false;
    }
    let verb = lower(doc, start - 2).unwrap_or_default();
    match lower(doc, start - 1).as_deref() {
        Some("to") => numbers::is_in(CHANGE_TO_VERBS, &verb),
        Some("at") => numbers::is_in(CHANGE_AT_VERBS, &verb),
        _ => false,
    }
}

/// The counted group of a number.
struct Found {
    noun: String,
    qualifiers: Vec<String>,
    partitive: bool,
    /// One past the last token of the claim's surface text.
    end: usize,
}

fn find_noun(
    doc: &Document,
    p: &NumberPhrase,
    start: usize,
    change: bool,
    toks: &Range<usize>,
    last: Option<Group<'_>>,
) -> Option<Found> {
    let end = toks.end;
    if let Some(unit) = p.unit {
        return Some(Found {
            noun: unit.to_owned(),
            qualifiers: Vec::new(),
            partitive: false,
            end: p.end,
        });
    }
    let of = is_word(doc, p.end, end, "of");
    // "50 captives ..., about 20 of whom are believed to be alive".
    if of && matches!(lower(doc, p.end + 1).as_deref(), Some("whom" | "which")) {
        let (noun, mut qualifiers) = match last {
            Some((noun, qualifiers)) => (noun.to_owned(), qualifiers.to_vec()),
            None => (antecedent_before(doc, start, toks.start)?, Vec::new()),
        };
        qualifiers.extend(clause_qualifiers(doc, p.end + 2, end, false));
        return Some(Found {
            noun,
            qualifiers,
            partitive: false,
            end: p.end,
        });
    }
    // "three of the injured", "two of Oman's neighbours".
    if of && p.end + 1 < end {
        let det = tok(doc, p.end + 1);
        let lower_det = tok_lower(doc, p.end + 1);
        let possessive = doc.tokens[p.end + 1].kind == TokenKind::Word
            && (det.ends_with("'s") || det.ends_with("’s") || det.ends_with("s'"));
        if numbers::is_in(PARTITIVE_DETERMINERS, lower_det) || possessive {
            let (head, mut qualifiers) = noun_phrase(doc, p.end + 2, end, Head::Nominal)?;
            qualifiers.extend(clause_qualifiers(doc, head + 1, end, true));
            return Some(Found {
                noun: singular(tok(doc, head)),
                qualifiers,
                partitive: true,
                end: head + 1,
            });
        }
        return None;
    }
    let rule = match (p.value == 1.0, p.digits) {
        (true, _) => Head::First,
        (false, true) => Head::PluralOrMoney,
        (false, false) => Head::Plural,
    };
    if let Some((head, mut qualifiers)) = noun_phrase(doc, p.end, end, rule) {
        let noun = singular(tok(doc, head));
        if is_year_like(doc, p) && (head != p.end || year_context(doc, p.first, toks.start)) {
            return None;
        }
        // Durations ("four years", "48 hours") measure time; they are
        // dates' business, not counts.
        if numbers::is_in(DURATION_NOUNS, &noun) {
            return None;
        }
        qualifiers.extend(clause_qualifiers(doc, head + 1, end, true));
        return Some(Found {
            noun,
            qualifiers,
            partitive: false,
            end: head + 1,
        });
    }
    if is_year_like(doc, p) {
        return None;
    }
    // "48 captives ..., of whom about 20 are believed to be alive".
    if start >= toks.start + 2
        && is_word(doc, start - 2, end, "of")
        && matches!(lower(doc, start - 1).as_deref(), Some("whom" | "which"))
    {
        let (noun, mut qualifiers) = match last {
            Some((noun, qualifiers)) => (noun.to_owned(), qualifiers.to_vec()),
            None => (antecedent_before(doc, start - 2, toks.start)?, Vec::new()),
        };
        qualifiers.extend(clause_qualifiers(doc, p.end, end, false));
        return Some(Found {
            noun,
            qualifiers,
            partitive: false,
            end: p.end,
        });
    }
    // "the number of dead climbed to 212".
    let before = start
        .checked_sub(1)
        .map(|k| lower(doc, k).unwrap_or_default());
    let stated = change || before.is_some_and(|w| numbers::is_in(BE_FORMS, &w));
    if stated {
        let floor = toks.start.max(start.saturating_sub(12));
        for k in (floor..start.saturating_sub(2)).rev() {
            if is_word(doc, k, end, "number") && is_word(doc, k + 1, end, "of") {
                let (head, qualifiers) = noun_phrase(doc, k + 2, start, Head::FirstNominal)?;
                return Some(Found {
                    noun: singular(tok(doc, head)),
                    qualifiers,
                    partitive: false,
                    end: p.end,
                });
            }
        }
    }
    None
}

/// Whether the word before a year-like number makes it a year ("in 2008").
fn year_context(doc: &Document, first: usize, floor: usize) -> bool {
    first > floor
        && matches!(
            lower(doc, first - 1).as_deref(),
            Some(
                "in" | "since"
                    | "by"
                    | "from"
                    | "until"
                    | "of"
                    | "during"
                    | "before"
                    | "after"
                    | "year"
                    | "fiscal"
                    | "early"
                    | "late"
                    | "mid"
            )
        )
}

/// The plural noun right before ", of whom": "the captives, of whom".
fn antecedent_before(doc: &Document, of: usize, floor: usize) -> Option<String> {
    let mut k = of.checked_sub(1)?;
    if tok(doc, k) == "," {
        k = k.checked_sub(1)?;
    }
    let w = lower(doc, k)?;
    (k >= floor && doc.tokens[k].kind == TokenKind::Word && is_plural(&w)).then(|| singular(&w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    /// The counts in `text`.
    fn counts(text: &str) -> Vec<(String, Count)> {
        let doc = Document::new(text);
        let rules = RuleSet::default();
        let cx = Context::new(&doc, None, &rules);
        let mut out = Vec::new();
        CountExtractor.extract(&cx, &[], &mut out);
        out.into_iter()
            .map(|r| match r.data {
                ClaimData::Count(c) => (text[r.range].to_owned(), c),
                _ => unreachable!("only counts"),
            })
            .collect()
    }

    /// The single count in `text`.
    fn one(text: &str) -> (String, Count) {
        let mut all = counts(text);
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0)
    }

    /// (surface, value, noun) of every count in `text`.
    fn brief(text: &str) -> Vec<(String, f64, String)> {
        counts(text)
            .into_iter()
            .map(|(s, c)| (s, c.value, c.noun))
            .collect()
    }

    fn b(s: &str, v: f64, n: &str) -> (String, f64, String) {
        (s.to_owned(), v, n.to_owned())
    }

    #[test]
    fn digits_count_the_plural_noun_after_them() {
        assert_eq!(
            brief("Militants hold 48 captives."),
            [b("48 captives", 48.0, "captive")]
        );
    }

    #[test]
    fn word_numbers_need_a_noun_after_them() {
        assert_eq!(
            brief("He spoke to two sources."),
            [b("two sources", 2.0, "source")]
        );
        assert!(counts("The two met on Monday.").is_empty());
    }

    #[test]
    fn adjectives_before_the_noun_are_qualifiers() {
        let (s, c) = one("There are 20 living captives.");
        assert_eq!(
            (s.as_str(), c.noun.as_str()),
            ("20 living captives", "captive")
        );
        assert_eq!(c.qualifiers, ["living"]);
        let (_, c) = one("More than 1,200 cancelled flights were refunded.");
        assert_eq!(
            (c.noun.as_str(), c.qualifiers[0].as_str()),
            ("flight", "cancelled")
        );
        assert_eq!(c.modifier, Modifier::MoreThan);
    }

    #[test]
    fn words_after_the_plural_noun_are_not_the_noun() {
        let (s, c) = one("Two sources familiar with the talks said so.");
        assert_eq!((s.as_str(), c.noun.as_str()), ("Two sources", "source"));
    }

    #[test]
    fn of_whom_counts_the_antecedent_with_its_stated_quality() {
        let found = counts("There are 48 captives, of whom about 20 are believed to be alive.");
        assert_eq!(found.len(), 2);
        let (s, c) = &found[1];
        assert_eq!(
            (s.as_str(), c.noun.as_str(), c.value),
            ("about 20", "captive", 20.0)
        );
        assert_eq!(c.qualifiers, ["alive"]);
        assert_eq!(c.modifier, Modifier::About);
        assert_eq!((c.interval.lo, c.interval.hi), (18.0, 22.0));
    }

    #[test]
    fn relative_clause_with_be_states_a_quality() {
        let (_, c) = one("Officials named 30 prisoners who were released on Monday.");
        assert_eq!(c.qualifiers, ["released"]);
    }

    #[test]
    fn wish_or_obligation_states_no_quality() {
        let (_, c) = one("There are still 48 captives who deserve to be freed.");
        assert!(c.qualifiers.is_empty());
    }

    #[test]
    fn of_whom_after_the_number_counts_the_antecedent() {
        let found =
            counts("Officials say 50 captives remain, about 20 of whom are thought to be alive.");
        let (s, c) = &found[1];
        assert_eq!(
            (s.as_str(), c.noun.as_str(), c.value),
            ("about 20", "captive", 20.0)
        );
        assert_eq!(c.qualifiers, ["alive"]);
    }

    #[test]
    fn the_two_points_back_and_is_not_a_count() {
        assert!(counts("A deal between the two companies.").is_empty());
        assert_eq!(brief("The deal between the 12 companies.").len(), 1);
    }

    #[test]
    fn a_past_tense_verb_after_the_number_is_not_its_noun() {
        assert!(counts("Later the two held talks.").is_empty());
    }

    #[test]
    fn part_of_a_group_is_partitive() {
        let (s, c) = one("Three of the injured were flown out.");
        assert_eq!(
            (s.as_str(), c.noun.as_str()),
            ("Three of the injured", "injured")
        );
        assert!(c.partitive);
        let (_, c) = one("Two of Germany's neighbours objected.");
        assert_eq!(c.noun, "neighbour");
        assert!(c.partitive);
    }

    #[test]
    fn number_of_dead_counts_the_dead_as_a_change() {
        let (s, c) = one("The number of dead climbed to 212 on Friday.");
        assert_eq!(
            (s.as_str(), c.noun.as_str(), c.value),
            ("212", "dead", 212.0)
        );
        assert!(c.change);
    }

    #[test]
    fn rose_to_and_stands_at_are_changes() {
        assert!(one("The toll rose to 30 deaths.").1.change);
        assert!(one("The count was revised to 30 votes.").1.change);
        assert!(one("Output increased to 30 ships.").1.change);
        assert!(one("Output fell to 30 ships.").1.change);
        assert!(one("It now stands at 12 ships.").1.change);
        assert!(!one("They own 12 ships.").1.change);
    }

    #[test]
    fn money_counts_its_currency() {
        assert_eq!(
            brief("A $3.2 billion deal and a €200m loan and 3bn yen."),
            [
                b("$3.2 billion", 3.2e9, "dollar"),
                b("€200m", 2e8, "euro"),
                b("3bn yen", 3e9, "yen")
            ]
        );
        assert_eq!(brief("It cost US$40 billion.")[0].2, "dollar");
        assert_eq!(brief("It cost 12 euros.")[0], b("12 euros", 12.0, "euro"));
    }

    #[test]
    fn shares_count_percent() {
        assert_eq!(
            brief("Sales fell 40 percent, or 40 per cent, or 40%."),
            [
                b("40 percent", 40.0, "percent"),
                b("40 per cent", 40.0, "percent"),
                b("40%", 40.0, "percent")
            ]
        );
    }

    #[test]
    fn a_conversion_keeps_the_hedge_of_the_figure_it_converts() {
        let text = "At least 6,000 hectares - or 15,000 acres - burned, and 200 homes, or 80 farms, were lost.";
        let got: Vec<(String, Modifier)> = counts(text)
            .into_iter()
            .map(|(s, c)| (s, c.modifier))
            .collect();
        assert_eq!(
            got,
            [
                ("At least 6,000 hectares".to_owned(), Modifier::AtLeast),
                ("15,000 acres".to_owned(), Modifier::AtLeast),
                ("200 homes".to_owned(), Modifier::Exact),
                ("80 farms".to_owned(), Modifier::Exact),
            ]
        );
    }

    #[test]
    fn hedges_set_the_modifier() {
        let m = |t: &str| one(t).1.modifier;
        assert_eq!(m("at least 40 people died"), Modifier::AtLeast);
        assert_eq!(m("nearly 50 people died"), Modifier::Nearly);
        assert_eq!(m("close to 50 people died"), Modifier::Nearly);
        assert_eq!(m("no more than 40 people came"), Modifier::AtMost);
        assert_eq!(m("up to 40 people came"), Modifier::AtMost);
        assert_eq!(m("fewer than 40 people came"), Modifier::FewerThan);
        assert_eq!(m("some 40 people came"), Modifier::About);
        assert_eq!(m("an estimated 40 people came"), Modifier::About);
        assert_eq!(m("less than 40 people came"), Modifier::FewerThan);
        assert_eq!(m("more than 40 people came"), Modifier::MoreThan);
        assert_eq!(m("almost 40 people came"), Modifier::Nearly);
        assert_eq!(m("roughly 40 people came"), Modifier::About);
        assert_eq!(m("at most 40 people came"), Modifier::AtMost);
        assert_eq!(one("over 2,400 units sold").0, "over 2,400 units");
    }

    #[test]
    fn ranges_and_vague_plurals_give_intervals() {
        let (s, c) = one("between 40 and 50 people came");
        assert_eq!(
            (s.as_str(), c.modifier),
            ("between 40 and 50 people", Modifier::Range)
        );
        assert_eq!((c.interval.lo, c.interval.hi), (40.0, 50.0));
        assert_eq!(one("40 to 50 people came").1.interval.hi, 50.0);
        assert_eq!(one("40-50 people came").1.interval.hi, 50.0);
        assert_eq!(one("thousands of people came").1.interval.lo, 2000.0);
        assert_eq!(one("hundreds of people came").1.interval.hi, 999.0);
        let (_, c) = one("dozens of people came");
        assert_eq!(
            (c.modifier, c.interval.lo, c.interval.hi),
            (Modifier::Many, 24.0, 99.0)
        );
    }

    #[test]
    fn years_dates_and_times_are_not_counts() {
        assert!(counts("It began in 1998 and ended in 2025.").is_empty());
        assert!(counts("They struck on Sept. 9 and on 9 September.").is_empty());
        assert!(counts("They met at 10 a.m. and left at 16:08 GMT.").is_empty());
        assert!(counts("In 2008 sales fell.").is_empty());
    }

    #[test]
    fn ages_and_compound_adjectives_are_not_counts() {
        assert!(counts("A man aged 45 and a 45-year-old woman.").is_empty());
        assert!(counts("They signed a 10-year lease.").is_empty());
    }

    #[test]
    fn ordinals_and_lone_one_are_not_counts() {
        assert!(counts("The third and 21st rounds.").is_empty());
        assert!(counts("One day a new round of talks began, one of the few.").is_empty());
    }

    #[test]
    fn numbers_in_names_and_labels_are_not_counts() {
        assert!(counts("A Boeing 737 and Apollo 11 and COVID-19 and the G7.").is_empty());
        assert!(counts("See No. 5 and call 555-1234 at 10 Downing Street.").is_empty());
        assert!(counts("1. Open the box.").is_empty());
    }

    #[test]
    fn increments_are_marked() {
        let c = counts("Divers found 20 additional bodies and another 30 people were hurt.");
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(
            (c[0].0.as_str(), c[0].1.noun.as_str()),
            ("20 additional bodies", "body")
        );
        assert!(c[0].1.increment);
        assert_eq!(c[1].0, "another 30 people");
        assert!(c[1].1.increment);
        let c = counts("Rescuers freed 40 miners and 12 more than planned.");
        assert!(c.iter().all(|(_, c)| !c.increment), "{c:?}");
        assert!(!counts("The firm bought 14 new trucks.")[0].1.increment);
    }

    #[test]
    fn durations_are_not_counts() {
        assert!(counts("It closed three years ago after 48 hours of talks.").is_empty());
        assert!(counts("He called four times.").is_empty());
    }

    #[test]
    fn a_singular_noun_after_digits_is_a_label() {
        assert!(counts("The 737 jet and a 1991 settlement and the No. 1 seller.").is_empty());
        assert!(counts("New iPhone 4 owners and iLife '11 users.").is_empty());
        assert_eq!(brief("It lost 12 cent per share.")[0].2, "cent");
    }

    #[test]
    fn numbers_inside_a_counted_phrase_are_not_counted_again() {
        assert_eq!(brief("They bought five new 737 jets.").len(), 1);
    }

    #[test]
    fn a_range_states_its_upper_end() {
        let (_, c) = one("It will cut 25,000 to 30,000 jobs.");
        assert_eq!(
            (c.value, c.interval.lo, c.interval.hi),
            (30000.0, 25000.0, 30000.0)
        );
    }

    #[test]
    fn a_participle_after_one_is_not_its_noun() {
        assert!(counts("He made 1 tackle (1 combined).")
            .iter()
            .all(|(_, c)| c.noun == "tackle"));
    }

    #[test]
    fn bare_numbers_are_not_counts() {
        assert!(counts("The score was 3.").is_empty());
    }

    #[test]
    fn mass_units_count_too() {
        assert_eq!(brief("They walked 5 kilometres.")[0].2, "kilometre");
        assert_eq!(brief("It weighs 12 tonnes.")[0].2, "tonne");
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_claims_on_char_boundaries(
            text in "([0-9]{1,4}|[,.%$€£-]|US|of|whom|the|two|million|people|about| |\\PC){0,40}"
        ) {
            let doc = Document::new(&text);
            let rules = RuleSet::default();
            let cx = Context::new(&doc, None, &rules);
            let mut out = Vec::new();
            CountExtractor.extract(&cx, &[], &mut out);
            for r in out {
                proptest::prop_assert!(r.range.start < r.range.end && r.range.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(r.range.start));
                proptest::prop_assert!(text.is_char_boundary(r.range.end));
            }
        }

        #[test]
        fn thousands_separators_round_trip(n in 0u64..100_000_000_000) {
            let digits = n.to_string();
            let mut grouped = String::new();
            for (k, c) in digits.chars().enumerate() {
                if k > 0 && (digits.len() - k) % 3 == 0 {
                    grouped.push(',');
                }
                grouped.push(c);
            }
            let text = format!("{grouped} people");
            let (_, c) = one(&text);
            proptest::prop_assert_eq!(c.value, n as f64);
        }
    }

    #[test]
    fn any_utf8_is_safe() {
        for t in [
            "€",
            "$",
            "5 €",
            "١٢ ساعة",
            "3 — 4",
            "“48” captives",
            "½ 🙂 2bn",
        ] {
            let _ = counts(t);
        }
    }
}
