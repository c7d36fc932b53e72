//! Rule files: what is known, with dates (the contract is RULES.md, version 1).
//!
//! Loading is strict: an unknown key, a bad date, a duplicate id or
//! overlapping value ranges is an error naming the file, line and column, so
//! a typo never switches a check off. Hostile YAML (alias bombs, deep
//! nesting) is refused by the parser's budget. These types are the typed,
//! validated rule set that checks read; they know nothing about articles.

mod convert;
mod describe;
mod index;
mod load;
mod raw;
mod resolve;
mod validate;
pub(crate) mod yaml;

pub use describe::describe_rules;
pub use load::{load_rules, load_rules_limited, parse_rules};
pub use validate::check_rule_set;

pub(crate) use index::EntityIndex;

use chrono::NaiveDate;
use std::path::PathBuf;
use std::sync::Arc;

/// Where a rule stands in its YAML file, for evidence and errors.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RuleLoc {
    /// The rule file.
    pub path: Arc<PathBuf>,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The text of that line, trimmed, for evidence.
    pub text: String,
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EntityKind {
    /// A person (the default).
    #[default]
    Person,
    /// An organisation.
    Organization,
    /// A place.
    Place,
}

/// A title held over a span of dates.
#[derive(Debug, Clone)]
pub struct Role {
    /// The office, e.g. "Secretary of State".
    pub title: String,
    /// The organisation or country, if given.
    pub org: Option<String>,
    /// First day (inclusive).
    pub from: Option<NaiveDate>,
    /// Last day (inclusive); `None` means it still holds.
    pub until: Option<NaiveDate>,
    /// Free text.
    pub note: Option<String>,
    /// Where it is written.
    pub loc: RuleLoc,
}

impl Role {
    /// Whether the role holds on `date`.
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// A person, organisation or place.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Other names.
    pub aliases: Vec<String>,
    /// Titles over time.
    pub roles: Vec<Role>,
    /// Where it is written.
    pub loc: RuleLoc,
}

/// One value of a fact, over a span of dates.
#[derive(Debug, Clone)]
pub struct FactValue {
    /// Lowest value (equals `max` for an exact value).
    pub min: f64,
    /// Highest value.
    pub max: f64,
    /// First day (inclusive).
    pub from: Option<NaiveDate>,
    /// Last day (inclusive).
    pub until: Option<NaiveDate>,
    /// Who says so.
    pub source: Option<String>,
    /// Where it is written.
    pub loc: RuleLoc,
}

impl FactValue {
    /// Whether the value is in force on `date`.
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// A count that changes over time.
#[derive(Debug, Clone)]
pub struct Fact {
    /// Unique id.
    pub id: String,
    /// Human description.
    pub about: Option<String>,
    /// Counted nouns, singular, lower case.
    pub nouns: Vec<String>,
    /// Words of which one must be in the claim's sentence.
    pub context: Vec<String>,
    /// Qualifiers that make a count a different claim.
    pub exclude: Vec<String>,
    /// Values over time, sorted by `from`.
    pub values: Vec<FactValue>,
    /// Where it is written.
    pub loc: RuleLoc,
}

/// An event with a date or span.
#[derive(Debug, Clone)]
pub struct Event {
    /// Unique id.
    pub id: String,
    /// Human description.
    pub about: Option<String>,
    /// Words that name the event.
    pub words: Vec<String>,
    /// Words of which one must be in the same sentence.
    pub near: Vec<String>,
    /// First day.
    pub from: NaiveDate,
    /// Last day (equals `from` for a single day).
    pub until: NaiveDate,
    /// Where it is written.
    pub loc: RuleLoc,
}

/// A canonical quote.
#[derive(Debug, Clone)]
pub struct CanonQuote {
    /// Unique id.
    pub id: String,
    /// Speaker as written in the rule (an entity's name or alias).
    pub speaker: String,
    /// The exact words.
    pub text: String,
    /// When it was said.
    pub date: Option<NaiveDate>,
    /// Where it was published.
    pub source: Option<String>,
    /// Where it is written.
    pub loc: RuleLoc,
}

/// Every rule file read, as one rule set.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    /// Entities.
    pub entities: Vec<Entity>,
    /// Count facts.
    pub facts: Vec<Fact>,
    /// Event dates.
    pub events: Vec<Event>,
    /// Canonical quotes.
    pub quotes: Vec<CanonQuote>,
    /// The files read.
    pub files: Vec<PathBuf>,
    /// The entities' names and aliases, indexed once.
    entity_index: index::IndexCell,
}

impl RuleSet {
    /// The entities' names and aliases as one automaton, built once for
    /// this rule set (change the entities before asking, not after).
    pub(crate) fn entity_index(&self) -> Option<&EntityIndex> {
        self.entity_index.of(self)
    }

    /// Whether no rule is defined.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
            && self.facts.is_empty()
            && self.events.is_empty()
            && self.quotes.is_empty()
    }
}
