//! The claim types that extractors produce and checks compare.

use crate::span::Span;
use chrono::NaiveDate;
use std::ops::Range;

/// How a count is hedged (RULES.md's table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Modifier {
    /// "48".
    Exact,
    /// "about", "around", "roughly", "some", "approximately".
    About,
    /// "nearly", "almost", "close to".
    Nearly,
    /// "more than", "over".
    MoreThan,
    /// "at least".
    AtLeast,
    /// "fewer than", "less than", "under".
    FewerThan,
    /// "at most", "up to", "no more than".
    AtMost,
    /// "dozens of", "hundreds of", "thousands of".
    Many,
    /// "between 40 and 50", "40 to 50", "40-50".
    Range,
}

impl Modifier {
    /// The kebab-case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Modifier::Exact => "exact",
            Modifier::About => "about",
            Modifier::Nearly => "nearly",
            Modifier::MoreThan => "more-than",
            Modifier::AtLeast => "at-least",
            Modifier::FewerThan => "fewer-than",
            Modifier::AtMost => "at-most",
            Modifier::Many => "many",
            Modifier::Range => "range",
        }
    }
}

/// A closed or open interval of numbers. Bounds are inclusive unless the
/// flag says open.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lower bound.
    pub lo: f64,
    /// Upper bound (`f64::INFINITY` for none).
    pub hi: f64,
    /// Whether `lo` itself is excluded ("more than 40").
    pub lo_open: bool,
    /// Whether `hi` itself is excluded ("fewer than 40").
    pub hi_open: bool,
}

impl Interval {
    /// The interval `[v, v]`.
    pub fn exact(v: f64) -> Self {
        Interval {
            lo: v,
            hi: v,
            lo_open: false,
            hi_open: false,
        }
    }

    /// The interval RULES.md gives a value stated with `modifier`
    /// (`hi` is the upper value of a range).
    pub fn for_modifier(modifier: Modifier, value: f64, hi: Option<f64>) -> Self {
        let closed = |lo: f64, hi: f64| Interval {
            lo,
            hi,
            lo_open: false,
            hi_open: false,
        };
        match modifier {
            Modifier::Exact => closed(value, value),
            Modifier::About => {
                let d = (value * 0.1).max(1.0);
                closed((value - d).max(0.0), value + d)
            }
            Modifier::Nearly => {
                let d = (value * 0.1).max(1.0);
                closed((value - d).max(0.0), value)
            }
            Modifier::MoreThan => Interval {
                lo: value,
                hi: f64::INFINITY,
                lo_open: true,
                hi_open: false,
            },
            Modifier::AtLeast => closed(value, f64::INFINITY),
            Modifier::FewerThan => Interval {
                lo: 0.0,
                hi: value,
                lo_open: false,
                hi_open: true,
            },
            Modifier::AtMost => closed(0.0, value),
            Modifier::Many => closed(value, hi.unwrap_or(value)),
            Modifier::Range => closed(value, hi.unwrap_or(value)),
        }
    }

    /// Whether `v` lies inside.
    pub fn contains(&self, v: f64) -> bool {
        let above = if self.lo_open {
            v > self.lo
        } else {
            v >= self.lo
        };
        let below = if self.hi_open {
            v < self.hi
        } else {
            v <= self.hi
        };
        above && below
    }

    /// Whether two intervals share a point.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let lo_ok = if self.hi_open || other.lo_open {
            other.lo < self.hi
        } else {
            other.lo <= self.hi
        };
        let hi_ok = if other.hi_open || self.lo_open {
            self.lo < other.hi
        } else {
            self.lo <= other.hi
        };
        lo_ok && hi_ok
    }
}

/// A stated count: "more than 1,200 flights".
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    /// The number as stated (scaled: 3.2e9 for "$3.2 billion").
    pub value: f64,
    /// The counted noun, singular, lower case.
    pub noun: String,
    /// Qualifiers of the counted group ("living", "alive"), lower case.
    pub qualifiers: Vec<String>,
    /// The hedge.
    pub modifier: Modifier,
    /// What the wording allows.
    pub interval: Interval,
    /// Part of a larger group ("three of the injured").
    pub partitive: bool,
    /// Stated as a change ("rose to", "now stands at").
    pub change: bool,
    /// Added to an earlier figure ("three more bodies", "another 30").
    pub increment: bool,
}

/// A day or a span of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateRange {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

impl DateRange {
    /// A single day.
    pub fn day(d: NaiveDate) -> Self {
        DateRange { start: d, end: d }
    }

    /// Whether the two spans share a day.
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

/// A date expression, resolved when there is a publication date.
#[derive(Debug, Clone, PartialEq)]
pub struct DateClaim {
    /// The resolved range, or `None` when it cannot be resolved.
    pub value: Option<DateRange>,
    /// What the date is attached to: the verb or event noun it dates
    /// ("arrived", "strike"), as a prose range, when found.
    pub anchor: Option<Range<usize>>,
    /// Whether the expression was relative to the publication date.
    pub relative: bool,
    /// The TIMEX3 value of what the words state ("2013-W12", "2011" for
    /// "two years ago", "2013-03-22TNI" for "Friday night"), when resolved.
    pub timex: Option<String>,
}

/// A direct quotation with its speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteClaim {
    /// Canonical speaker name, when attributed.
    pub speaker: Option<String>,
    /// The words naming the speaker at the attribution ("he", "Varga").
    pub speaker_text: Option<String>,
    /// Prose range of `speaker_text`.
    pub speaker_range: Option<Range<usize>>,
}

/// A title given to a person: "Secretary of State Lena Varga".
#[derive(Debug, Clone, PartialEq)]
pub struct RoleClaim {
    /// Canonical name of the person.
    pub person: String,
    /// The office without nationality or organisation.
    pub title: String,
    /// The nationality or organisation, when given.
    pub org: Option<String>,
    /// Stated as additional ("who is also ...").
    pub additional: bool,
    /// The time qualifier of the office as written ("former", "incoming"),
    /// lower case: the office at another time than the article's.
    pub qualifier: Option<String>,
}

/// What a temporal claim other than a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TemporalKind {
    /// A time of day: "10:30 a.m.", "noon".
    Time,
    /// A length of time: "three years", "a 48-hour ceasefire".
    Duration,
    /// A recurring time: "every Monday", "weekly".
    Set,
}

/// A time of day, a duration or a set, with its TIMEX3 value.
#[derive(Debug, Clone, PartialEq)]
pub struct TemporalClaim {
    /// Which of the three.
    pub kind: TemporalKind,
    /// The TIMEX3 value: "P3Y", "PT48H", "XXXX-WXX-1", "2025-09-16T10:30".
    pub timex: String,
}

/// What a figure other than a count is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FigureKind {
    /// An age in years: "a 34-year-old man", "aged 71", "Ana Ruiz, 64,".
    Age,
    /// A score or tally: "won 3-1", "a 2-2 draw", "a 5-4 vote".
    Score,
    /// An ordinal: "the third time", "finished 21st", "the 70th anniversary".
    Ordinal,
}

/// An age, a score or an ordinal: figures the checks compare like counts,
/// though nothing is counted.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureClaim {
    /// Which of the three.
    pub kind: FigureKind,
    /// The age in years, the ordinal's number, or a score's first side.
    pub value: f64,
    /// A score's second side, as written after the first.
    pub other: Option<f64>,
    /// Who has the age, when named.
    pub person: Option<String>,
    /// The noun it belongs to, singular, lower case: "man" in "a
    /// 34-year-old man", "anniversary" in "the 70th anniversary".
    pub noun: Option<String>,
}

/// The data of a claim, by family.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimData {
    /// A count.
    Count(Count),
    /// A date.
    Date(DateClaim),
    /// A quotation.
    Quote(QuoteClaim),
    /// A title.
    Role(RoleClaim),
    /// A time of day, a duration or a set.
    Temporal(TemporalClaim),
    /// An age, a score or an ordinal.
    Figure(FigureClaim),
}

impl ClaimData {
    /// The kind name used in JSON: `count`, `date`, `quote`, `role`,
    /// `time`, `duration`, `set`, `age`, `score`, `ordinal`.
    pub fn kind_name(&self) -> &'static str {
        match self {
            ClaimData::Count(_) => "count",
            ClaimData::Date(_) => "date",
            ClaimData::Quote(_) => "quote",
            ClaimData::Role(_) => "role",
            ClaimData::Temporal(t) => match t.kind {
                TemporalKind::Time => "time",
                TemporalKind::Duration => "duration",
                TemporalKind::Set => "set",
            },
            ClaimData::Figure(f) => match f.kind {
                FigureKind::Age => "age",
                FigureKind::Score => "score",
                FigureKind::Ordinal => "ordinal",
            },
        }
    }
}

/// How the claims of a group relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupKind {
    /// The two ends of one range: "between April and June", "2008-2012".
    Range,
    /// The members of one list: "in 2008 and 2012".
    List,
}

impl GroupKind {
    /// The name used in JSON: `range` or `list`.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupKind::Range => "range",
            GroupKind::List => "list",
        }
    }
}

/// Claims stated together as one: the ends of a range or the members of a
/// list. Every member carries the same group; the checks treat the group
/// as one claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Group {
    /// Unique within the article (numbered from 1 in source order).
    pub id: u32,
    /// Range or list.
    pub kind: GroupKind,
}

/// A claim located in its article.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Source byte span of the surface text.
    pub span: Span,
    /// Surface text (for a quote, the words without the marks).
    pub text: String,
    /// Prose byte range.
    pub prose: Range<usize>,
    /// Index of the sentence holding it.
    pub sentence: Option<usize>,
    /// The claim.
    pub data: ClaimData,
    /// The range or list it belongs to, when stated with others.
    pub group: Option<Group>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_is_ten_percent_each_side_at_least_one() {
        let i = Interval::for_modifier(Modifier::About, 50.0, None);
        assert_eq!((i.lo, i.hi), (45.0, 55.0));
        let i = Interval::for_modifier(Modifier::About, 5.0, None);
        assert_eq!((i.lo, i.hi), (4.0, 6.0));
    }

    #[test]
    fn more_than_excludes_its_bound() {
        let i = Interval::for_modifier(Modifier::MoreThan, 40.0, None);
        assert!(!i.contains(40.0));
        assert!(i.contains(41.0));
        assert!(!i.overlaps(&Interval::exact(40.0)));
        assert!(i.overlaps(&Interval::exact(48.0)));
    }
}
