//! The rule file as written: serde structs that mirror RULES.md version 1.
//!
//! Every struct denies unknown fields, so a misspelt key is an error with its
//! line and column instead of a silently disabled rule. Values stay close to
//! the text (dates are strings, kinds are strings) so that `convert` can say
//! exactly what is wrong with them; nothing here validates meaning.

use super::yaml::YamlNumber;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use serde_saphyr::Spanned;
use std::fmt;

/// A whole rule file. Every section is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    pub(crate) version: Option<Spanned<u32>>,
    pub(crate) entities: Option<Vec<Spanned<RawEntity>>>,
    pub(crate) facts: Option<Vec<Spanned<RawFact>>>,
    pub(crate) events: Option<Vec<Spanned<RawEvent>>>,
    pub(crate) quotes: Option<Vec<Spanned<RawQuote>>>,
}

/// A person, organisation or place.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEntity {
    pub(crate) name: Spanned<String>,
    pub(crate) kind: Option<Spanned<String>>,
    pub(crate) aliases: Option<Words>,
    pub(crate) roles: Option<Vec<Spanned<RawRole>>>,
}

/// A title held over a span of dates.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRole {
    pub(crate) title: Spanned<String>,
    pub(crate) org: Option<String>,
    pub(crate) from: Option<Spanned<String>>,
    pub(crate) until: Option<Spanned<String>>,
    pub(crate) note: Option<String>,
}

/// A count that changes over time.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFact {
    pub(crate) id: Spanned<String>,
    pub(crate) about: Option<String>,
    pub(crate) noun: Spanned<Words>,
    pub(crate) context: Option<Words>,
    pub(crate) exclude: Option<Words>,
    pub(crate) values: Vec<Spanned<RawValue>>,
}

/// One value of a fact: `value`, or `min`/`max`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawValue {
    pub(crate) value: Option<Spanned<YamlNumber>>,
    pub(crate) min: Option<Spanned<YamlNumber>>,
    pub(crate) max: Option<Spanned<YamlNumber>>,
    pub(crate) from: Option<Spanned<String>>,
    pub(crate) until: Option<Spanned<String>>,
    pub(crate) source: Option<String>,
}

/// An event with a date or a span.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEvent {
    pub(crate) id: Spanned<String>,
    pub(crate) about: Option<String>,
    pub(crate) words: Spanned<Words>,
    pub(crate) near: Option<Words>,
    pub(crate) date: Option<Spanned<String>>,
    pub(crate) from: Option<Spanned<String>>,
    pub(crate) until: Option<Spanned<String>>,
}

/// A canonical quote.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawQuote {
    pub(crate) id: Spanned<String>,
    pub(crate) speaker: Spanned<String>,
    pub(crate) text: Spanned<String>,
    pub(crate) date: Option<Spanned<String>>,
    pub(crate) source: Option<String>,
}

/// A word list written either as one string or as a YAML list, since
/// editors write `noun: captive` as often as `noun: [captive, prisoner]`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Words(pub(crate) Vec<String>);

impl<'de> Deserialize<'de> for Words {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(WordsVisitor)
    }
}

struct WordsVisitor;

impl<'de> Visitor<'de> for WordsVisitor {
    type Value = Words;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or a list of strings")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Words, E> {
        Ok(Words(vec![v.to_owned()]))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Words, A::Error> {
        let mut out = Vec::new();
        while let Some(w) = seq.next_element::<String>()? {
            out.push(w);
        }
        Ok(Words(out))
    }
}
