//! Figures: every number an article writes, in digits or in words, and
//! every month and weekday it names, with the value a reader takes from
//! it. A restatement is checked figure by figure against its coverage, so
//! this list is exhaustive where claims are selective: a figure need not
//! count a noun to be copied wrong.

use crate::extract::small_word;
use crate::lexicon::{dates, numbers};
use crate::text::{Document, TokenKind};
use std::ops::Range;

/// The unit written with a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// None written.
    Plain,
    /// A currency sign or word ("$30", "30 dollars").
    Money,
    /// A percentage ("30%", "30 per cent").
    Percent,
}

impl Unit {
    /// Whether a number written with `self` can be one written with
    /// `other`: the same unit, or one of them gives none.
    pub fn fits(self, other: Unit) -> bool {
        self == other || self == Unit::Plain || other == Unit::Plain
    }

    /// Whether a number written with `self` is stated by one written with
    /// `other`: a percentage only by a percentage, since a bare number
    /// is as often a time, a phone number or a count.
    pub fn supported_by(self, other: Unit) -> bool {
        match self {
            Unit::Percent => other == Unit::Percent,
            _ => self.fits(other),
        }
    }
}

/// What a figure states.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FigureValue {
    /// A number: as written, and scaled by a scale word after it ("3.2
    /// billion": 3.2 and 3.2e9), with the step its precision gives
    /// (0.1 for "3.2" and "3.2 billion", 1000 for "3,000").
    Number {
        /// The number as written.
        value: f64,
        /// Scaled by the scale word after it, when there is one.
        scaled: Option<f64>,
        /// Half of this is how far a rounded figure may lie from the
        /// precise one ("3.2" for "3.24"), as written (before scaling).
        step: f64,
        /// The unit written with it.
        unit: Unit,
    },
    /// An ordinal word ("fourth"): what a figure such as "4Q" or "4th"
    /// restates. Never itself checked: "second" is as often a unit of time.
    Ordinal(u32),
    /// A month (1-12).
    Month(u32),
    /// A weekday (0 = Monday).
    Weekday(u32),
}

/// One figure, where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Prose byte range of the figure as written (with its scale word).
    pub prose: Range<usize>,
    /// Spelled out in words ("seven") rather than digits.
    pub spelled: bool,
    /// What it states.
    pub value: FigureValue,
}

/// Every figure of `doc`, in order.
pub(crate) fn figures(doc: &Document) -> Vec<Figure> {
    let mut out = Vec::new();
    let n = doc.tokens.len();
    let mut k = 0;
    while k < n {
        let tok = &doc.tokens[k];
        let lower = doc.tok_lower(k);
        match tok.kind {
            TokenKind::Number => {
                if let Some((value, decimals, glued)) = parse_digits(lower) {
                    let (scale, end) = match glued {
                        Some(s) => (Some(s), tok.end),
                        None => match scale_after(doc, k) {
                            Some(s) => (Some(s), doc.tokens[k + 1].end),
                            None => (None, tok.end),
                        },
                    };
                    let last = if glued.is_none() && scale.is_some() {
                        k + 1
                    } else {
                        k
                    };
                    out.push(Figure {
                        prose: tok.start..end,
                        spelled: false,
                        value: FigureValue::Number {
                            value,
                            scaled: scale.map(|s| value * s),
                            step: step_of(decimals),
                            unit: unit_around(doc, k, last),
                        },
                    });
                }
            }
            // Most words are no figure: one table lookup says so.
            TokenKind::Word if !super::words::may_be_figure_word(lower) => {}
            TokenKind::Word => {
                if let Some((v, words_end)) = spelled_number(doc, k) {
                    let (v, words_end, step) = spoken_decimal(doc, v, words_end);
                    let scale = scale_after(doc, words_end);
                    let last = if scale.is_some() {
                        words_end + 1
                    } else {
                        words_end
                    };
                    let unit = unit_around(doc, k, last);
                    // "nine euros and forty cents": one sum of money.
                    let (v, last, step) = match cents_after(doc, last, unit) {
                        Some((cents, end)) => (v + cents / 100.0, end, 0.01),
                        None => (v, last, step),
                    };
                    out.push(Figure {
                        prose: tok.start..doc.tokens[last].end,
                        spelled: true,
                        value: FigureValue::Number {
                            value: v,
                            scaled: scale.map(|s| v * s),
                            step,
                            unit,
                        },
                    });
                    k = last;
                } else if lower == "tgif" {
                    // "Thank God it's Friday".
                    out.push(Figure {
                        prose: tok.range(),
                        spelled: true,
                        value: FigureValue::Weekday(4),
                    });
                } else if let Some(n) = ORDINALS.iter().find(|(w, _)| *w == lower).map(|&(_, n)| n)
                {
                    out.push(Figure {
                        prose: tok.range(),
                        spelled: true,
                        value: FigureValue::Ordinal(n),
                    });
                } else if let Some(m) = month(doc, k) {
                    out.push(Figure {
                        prose: tok.range(),
                        spelled: true,
                        value: FigureValue::Month(m),
                    });
                } else if let Some(d) = dates::lookup(dates::WEEKDAYS, lower) {
                    if doc.tok(k).starts_with(char::is_uppercase) {
                        out.push(Figure {
                            prose: tok.range(),
                            spelled: true,
                            value: FigureValue::Weekday(d),
                        });
                    }
                }
            }
            TokenKind::Punct => {}
        }
        k += 1;
    }
    out
}

/// A number in words spoken with its decimals ("nine point five",
/// "nine dot forty"): its value, last word and rounding step; else the
/// whole number `v` ending at token `end` as it is.
fn spoken_decimal(doc: &Document, v: f64, end: usize) -> (f64, usize, f64) {
    let n = doc.tokens.len();
    if end + 2 < n && matches!(doc.tok_lower(end + 1), "point" | "dot") {
        if let Some((d, d_end)) = spelled_number(doc, end + 2) {
            let digits = if d >= 10.0 { 2 } else { 1 };
            let step = 10f64.powi(-digits);
            return (v + d * step, d_end, step);
        }
    }
    (v, end, 1.0)
}

/// Words for the hundredth part of a currency.
const CENT_WORDS: &[&str] = &["cent", "centimes", "cents", "pence", "penny"];

/// "... and fifty cents" after a sum of money ending at token `last`: the
/// cents and the index of their word.
fn cents_after(doc: &Document, last: usize, unit: Unit) -> Option<(f64, usize)> {
    let n = doc.tokens.len();
    // After the currency word, when one names it ("nine euros and").
    let last = if last + 1 < n && MONEY_WORDS.contains(&doc.tok_lower(last + 1)) {
        last + 1
    } else {
        last
    };
    if unit != Unit::Money || last + 3 >= n || doc.tok_lower(last + 1) != "and" {
        return None;
    }
    let (c, c_end) = spelled_number(doc, last + 2)?;
    let word = c_end + 1;
    (c < 100.0 && word < doc.tokens.len() && CENT_WORDS.contains(&doc.tok_lower(word)))
        .then_some((c, word))
}

/// Ordinal words up to twelfth, by value: the first twelve of the
/// lexicon's (which lists them in order of value).
pub(super) const ORDINALS: &[(&str, u32)] = numbers::ORDINALS.split_at(12).0;
const _: () = assert!(ORDINALS[11].1 == 12);

/// Words after a number that make it money.
const MONEY_WORDS: &[&str] = &[
    "cent", "cents", "dollar", "dollars", "euro", "euros", "pence", "pound", "pounds", "rupees",
    "yen", "yuan",
];

/// The unit of the number at token `first` (ending at token `last`, its
/// scale word): a currency sign before it, "%", "percent" or a currency
/// word after it.
fn unit_around(doc: &Document, first: usize, last: usize) -> Unit {
    let unit = unit_written(doc, first, last);
    // The first end of a range takes the unit written after the second:
    // "from 5 to 10%", "between 5 and 10 per cent", "5-10%".
    let (link, end) = (last + 1, last + 2);
    if unit == Unit::Plain
        && end < doc.tokens.len()
        && matches!(doc.tok_lower(link), "to" | "and" | "or" | "-" | "–")
        && doc.tokens[end].kind == TokenKind::Number
        && unit_written(doc, end, end) == Unit::Percent
    {
        return Unit::Percent;
    }
    unit
}

/// The unit written around the number at tokens `first..=last`.
fn unit_written(doc: &Document, first: usize, last: usize) -> Unit {
    if first > 0 {
        let before = doc.tok(first - 1);
        if matches!(before, "$" | "£" | "€" | "¥" | "₹") || before.ends_with('$') {
            return Unit::Money;
        }
    }
    let after = last + 1;
    if after < doc.tokens.len() {
        let w = doc.tok_lower(after);
        if w == "%" || w == "percent" || w == "pct" {
            return Unit::Percent;
        }
        if w == "per" && after + 1 < doc.tokens.len() && doc.tok_lower(after + 1) == "cent" {
            return Unit::Percent;
        }
        if MONEY_WORDS.contains(&w) {
            return Unit::Money;
        }
    }
    Unit::Plain
}

/// A month name, capitalised, not the verb "may" or "march" in lower case.
fn month(doc: &Document, k: usize) -> Option<u32> {
    let w = doc.tok(k);
    if !w.starts_with(char::is_uppercase) || w.len() < 3 {
        return None;
    }
    let m = dates::lookup(dates::MONTHS, doc.tok_lower(k))?;
    // "May" opening a sentence is the modal verb far more often.
    // Sentences are in token order: a binary search finds one opening at `k`.
    let opens = doc
        .sentences
        .binary_search_by_key(&k, |s| s.tokens.start)
        .is_ok();
    (!(opens && m == 5)).then_some(m)
}

/// A number in words from two up at token `k` ("one" is mostly a
/// pronoun: "one of them"), with the index of its last word: "seven",
/// "forty-eight", and as transcripts write it "forty eight" or
/// "forty - eight".
fn spelled_number(doc: &Document, k: usize) -> Option<(f64, usize)> {
    let w = doc.tok_lower(k);
    if w == "one" {
        return None;
    }
    let v = small_word(w)?;
    let unit_at = |j: usize| {
        (j < doc.tokens.len() && doc.tokens[j].kind == TokenKind::Word)
            .then(|| small_word(doc.tok_lower(j)))
            .flatten()
            .filter(|u| (1..10).contains(u))
    };
    if v >= 20 && v % 10 == 0 && !w.contains('-') {
        if let Some(u) = unit_at(k + 1) {
            return Some((f64::from(v + u), k + 1));
        }
        if k + 1 < doc.tokens.len() && doc.tok(k + 1) == "-" {
            if let Some(u) = unit_at(k + 2) {
                return Some((f64::from(v + u), k + 2));
            }
        }
    }
    Some((f64::from(v), k))
}

/// The scale word right after token `k` ("million", "bn").
fn scale_after(doc: &Document, k: usize) -> Option<f64> {
    let next = k + 1;
    if next >= doc.tokens.len() || doc.tokens[next].kind != TokenKind::Word {
        return None;
    }
    let w = doc.tok_lower(next);
    numbers::SCALES
        .iter()
        .find(|(s, _)| *s == w)
        .map(|&(_, v)| v)
}

/// Digits with inner `,` and `.`, perhaps with a scale glued on ("3bn",
/// "4.5billion"): the value, its count of decimals and the glued scale.
fn parse_digits(t: &str) -> Option<(f64, usize, Option<f64>)> {
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(t.len());
    let (digits, rest) = t.split_at(end);
    let digits = digits.trim_end_matches(['.', ',']);
    let glued = if rest.is_empty() {
        None
    } else {
        let scale = numbers::GLUED_SCALES
            .iter()
            .chain(numbers::SCALES)
            .find(|(s, _)| *s == rest)
            .map(|&(_, v)| v);
        // "1st", "3rd", "10am": keep the number, no scale.
        Some(scale.unwrap_or(1.0))
    };
    let plain: String = digits.chars().filter(|&c| c != ',').collect();
    let value: f64 = plain.parse().ok()?;
    let decimals = plain.split_once('.').map_or(0, |(_, d)| d.len());
    Some((value, decimals, glued.filter(|&s| s != 1.0)))
}

/// The rounding step a figure's writing implies: its last decimal. A
/// whole number stands for itself: "$2,000" is not a rounding of $1,500
/// ("about $2,000" is, and the hedge says so).
fn step_of(decimals: usize) -> f64 {
    10f64.powi(-(decimals as i32))
}

impl FigureValue {
    /// The numbers this figure may stand for, as closed intervals: the
    /// value as written and scaled, each widened by half its rounding
    /// step ("3.2 billion" stands for 3.15 to 3.25 billion).
    pub fn intervals(&self) -> [Option<(f64, f64)>; 2] {
        let FigureValue::Number {
            value,
            scaled,
            step,
            ..
        } = *self
        else {
            return [None, None];
        };
        let around = |v: f64, half: f64| {
            let slack = half + v.abs() * 1e-9;
            (v - slack, v + slack)
        };
        // A scaled figure is its scaled value: "$30 billion" is not "30%".
        [
            scaled.is_none().then(|| around(value, step / 2.0)),
            scaled.map(|s| {
                let ratio = if value == 0.0 { 1.0 } else { (s / value).abs() };
                around(s, step / 2.0 * ratio)
            }),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<FigureValue> {
        figures(&Document::new(text))
            .into_iter()
            .map(|f| f.value)
            .collect()
    }

    #[test]
    fn numbers_in_words_as_transcripts_write_them() {
        let v =
            values("They bought thirty seven lamps, thirty - eight chairs and forty-one desks.");
        let plain = |value: f64| FigureValue::Number {
            value,
            scaled: None,
            step: 1.0,
            unit: Unit::Plain,
        };
        assert_eq!(v, [plain(37.0), plain(38.0), plain(41.0)]);
        assert_eq!(values("twenty years, five days"), [plain(20.0), plain(5.0)]);
    }

    #[test]
    fn sums_and_decimals_as_they_are_spoken() {
        let money = |value: f64, step: f64| FigureValue::Number {
            value,
            scaled: None,
            step,
            unit: Unit::Money,
        };
        assert_eq!(
            values("It costs nine euros and forty cents."),
            [money(9.4, 0.01)]
        );
        assert_eq!(values("It costs nine dot forty euros."), [money(9.4, 0.01)]);
        assert_eq!(values("It costs nine point five euros."), [money(9.5, 0.1)]);
        assert_eq!(values("TGIF"), [FigureValue::Weekday(4)]);
    }

    #[test]
    fn digits_words_and_scales_are_figures() {
        let v = values("The firm lost $3.2 billion and seven staff, 4.5bn in all, on 1,200 sites.");
        assert_eq!(
            v,
            [
                FigureValue::Number {
                    value: 3.2,
                    scaled: Some(3.2e9),
                    step: 0.1,
                    unit: Unit::Money
                },
                FigureValue::Number {
                    value: 7.0,
                    scaled: None,
                    step: 1.0,
                    unit: Unit::Plain
                },
                FigureValue::Number {
                    value: 4.5,
                    scaled: Some(4.5e9),
                    step: 0.1,
                    unit: Unit::Plain
                },
                FigureValue::Number {
                    value: 1200.0,
                    scaled: None,
                    step: 1.0,
                    unit: Unit::Plain
                },
            ]
        );
    }

    #[test]
    fn months_and_weekdays_are_figures_but_not_may_the_verb() {
        let v = values("It may rain. On Monday, in March, the vote was held. May I?");
        assert_eq!(v, [FigureValue::Weekday(0), FigureValue::Month(3)]);
    }

    /// The unit of each number figure of `text`.
    fn units(text: &str) -> Vec<Unit> {
        figures(&Document::new(text))
            .into_iter()
            .filter_map(|f| match f.value {
                FigureValue::Number { unit, .. } => Some(unit),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn units_are_read_around_the_number() {
        let units = units("It cost $5, 6% more, 7 per cent, 8 euros and 9 m.");
        assert_eq!(
            units,
            [
                Unit::Money,
                Unit::Percent,
                Unit::Percent,
                Unit::Money,
                Unit::Plain
            ]
        );
    }

    #[test]
    fn a_range_s_first_end_takes_the_percent_written_after_the_second() {
        let units = units("It rose from 5 to 10%, between 6 and 9 per cent, 2-3%, at 10:30.");
        assert_eq!(&units[..6], [Unit::Percent; 6]);
        assert!(units[6..].iter().all(|u| *u == Unit::Plain));
    }

    #[test]
    fn one_is_not_a_figure() {
        assert!(values("One of them left.").is_empty());
    }
}
