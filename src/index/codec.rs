//! The stored form of an article's claims and subject layer: a compact
//! binary encoding written and read field by field.
//!
//! Every struct is taken apart with an exhaustive pattern, so a field added
//! to a claim or to the subject layer is a compile error here until it is
//! stored; a change of layout bumps [`super::SCHEMA_VERSION`]. The
//! segmented text (`ArticleClaims::doc`) is not stored: it is computed
//! again from the article's prose, which is cheaper than storing it.
//! Nothing here decides what to store beyond that.

use crate::extract::{
    Claim, ClaimData, Count, DateClaim, DateRange, FigureClaim, FigureKind, Group, GroupKind,
    Interval, Modifier, QuoteClaim, RoleClaim, TemporalClaim, TemporalKind,
};
use crate::span::Span;
use crate::subject::keys::EventKey;
use crate::subject::{ClaimKeys, Figure, FigureValue, NameWord, Subjects, Terms, Unit};
use chrono::{Datelike, NaiveDate};
use std::ops::Range;

/// A stored blob that does not decode: the index is damaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Corrupt;

type Decoded<T> = Result<T, Corrupt>;

/// Encode an article's claims and subjects.
pub(crate) fn encode(claims: &[Claim], subjects: &Subjects) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(256 + claims.len() * 64));
    w.len(claims.len());
    for c in claims {
        w.claim(c);
    }
    w.subjects(subjects);
    w.0
}

/// Decode what [`encode`] wrote.
pub(crate) fn decode(bytes: &[u8]) -> Decoded<(Vec<Claim>, Subjects)> {
    let mut r = Reader { bytes, at: 0 };
    let n = r.len()?;
    let mut claims = Vec::with_capacity(n);
    for _ in 0..n {
        claims.push(r.claim()?);
    }
    let subjects = r.subjects()?;
    if r.at != bytes.len() {
        return Err(Corrupt);
    }
    Ok((claims, subjects))
}

/// An article's content words (sorted), 8 bytes each.
pub(crate) fn encode_stems(stems: &[u64]) -> Vec<u8> {
    stems.iter().flat_map(|s| s.to_le_bytes()).collect()
}

/// Decode what [`encode_stems`] wrote.
pub(crate) fn decode_stems(bytes: &[u8]) -> Decoded<Vec<u64>> {
    if bytes.len() % 8 != 0 {
        return Err(Corrupt);
    }
    Ok(bytes
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
        .collect())
}

struct Writer(Vec<u8>);

impl Writer {
    fn u64(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }
    fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }
    fn byte(&mut self, b: u8) {
        self.0.push(b);
    }
    fn bool(&mut self, b: bool) {
        self.byte(u8::from(b));
    }
    fn f64(&mut self, v: f64) {
        self.0.extend_from_slice(&v.to_bits().to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn opt<T>(&mut self, v: Option<&T>, f: impl FnOnce(&mut Self, &T)) {
        match v {
            None => self.byte(0),
            Some(v) => {
                self.byte(1);
                f(self, v);
            }
        }
    }
    fn range(&mut self, r: &Range<usize>) {
        self.len(r.start);
        self.len(r.end);
    }
    fn date(&mut self, d: NaiveDate) {
        // Days from the common era, offset to stay positive.
        self.u64((i64::from(d.num_days_from_ce()) + (1 << 31)) as u64);
    }
    fn strings(&mut self, v: &[String]) {
        self.len(v.len());
        for s in v {
            self.str(s);
        }
    }

    fn claim(&mut self, c: &Claim) {
        let Claim {
            span: Span { start, end },
            text,
            prose,
            sentence,
            data,
            group,
        } = c;
        self.u64(u64::from(*start));
        self.u64(u64::from(*end));
        self.str(text);
        self.range(prose);
        self.opt(sentence.as_ref(), |w, s| w.len(*s));
        self.opt(group.as_ref(), |w, g| {
            let Group { id, kind } = g;
            w.u64(u64::from(*id));
            w.byte(match kind {
                GroupKind::Range => 0,
                GroupKind::List => 1,
            });
        });
        match data {
            ClaimData::Count(c) => {
                self.byte(0);
                let Count {
                    value,
                    noun,
                    qualifiers,
                    modifier,
                    interval,
                    partitive,
                    change,
                    increment,
                } = c;
                self.f64(*value);
                self.str(noun);
                self.strings(qualifiers);
                self.byte(*modifier as u8);
                let Interval {
                    lo,
                    hi,
                    lo_open,
                    hi_open,
                } = interval;
                self.f64(*lo);
                self.f64(*hi);
                self.bool(*lo_open);
                self.bool(*hi_open);
                self.bool(*partitive);
                self.bool(*change);
                self.bool(*increment);
            }
            ClaimData::Date(d) => {
                self.byte(1);
                let DateClaim {
                    value,
                    anchor,
                    relative,
                    timex,
                } = d;
                self.opt(value.as_ref(), |w, r| {
                    w.date(r.start);
                    w.date(r.end);
                });
                self.opt(anchor.as_ref(), Self::range);
                self.bool(*relative);
                self.opt(timex.as_ref(), |w, t| w.str(t));
            }
            ClaimData::Quote(q) => {
                self.byte(2);
                let QuoteClaim {
                    speaker,
                    speaker_text,
                    speaker_range,
                } = q;
                self.opt(speaker.as_ref(), |w, s| w.str(s));
                self.opt(speaker_text.as_ref(), |w, s| w.str(s));
                self.opt(speaker_range.as_ref(), Self::range);
            }
            ClaimData::Role(r) => {
                self.byte(3);
                let RoleClaim {
                    person,
                    title,
                    org,
                    additional,
                    qualifier,
                } = r;
                self.str(person);
                self.str(title);
                self.opt(org.as_ref(), |w, s| w.str(s));
                self.bool(*additional);
                self.opt(qualifier.as_ref(), |w, s| w.str(s));
            }
            ClaimData::Temporal(t) => {
                self.byte(4);
                let TemporalClaim { kind, timex } = t;
                self.byte(match kind {
                    TemporalKind::Time => 0,
                    TemporalKind::Duration => 1,
                    TemporalKind::Set => 2,
                });
                self.str(timex);
            }
            ClaimData::Figure(f) => {
                self.byte(5);
                let FigureClaim {
                    kind,
                    value,
                    other,
                    person,
                    noun,
                } = f;
                self.byte(match kind {
                    FigureKind::Age => 0,
                    FigureKind::Score => 1,
                    FigureKind::Ordinal => 2,
                });
                self.f64(*value);
                self.opt(other.as_ref(), |w, v| w.f64(*v));
                self.opt(person.as_ref(), |w, s| w.str(s));
                self.opt(noun.as_ref(), |w, s| w.str(s));
            }
        }
    }

    fn subjects(&mut self, s: &Subjects) {
        let Subjects {
            sentences,
            owners,
            keys,
            figures,
            name_words,
        } = s;
        self.len(sentences.len());
        for t in sentences {
            let Terms { stems, names } = t;
            self.len(stems.len());
            for &s in stems {
                self.0.extend_from_slice(&s.to_le_bytes());
            }
            self.strings(names);
        }
        self.len(owners.len());
        for o in owners {
            self.opt(o.as_ref(), |w, s| w.str(s));
        }
        self.len(keys.len());
        for k in keys {
            let ClaimKeys {
                count,
                predicate,
                event,
            } = k;
            self.opt(count.as_ref(), |w, s| w.str(s));
            self.opt(predicate.as_ref(), |w, s| w.str(s));
            self.opt(event.as_ref(), |w, e| {
                let EventKey {
                    verb,
                    agent,
                    object,
                } = e;
                w.str(verb);
                w.str(agent);
                w.str(object);
            });
        }
        self.len(figures.len());
        for f in figures {
            let Figure {
                prose,
                spelled,
                value,
            } = f;
            self.range(prose);
            self.bool(*spelled);
            match value {
                FigureValue::Number {
                    value,
                    scaled,
                    step,
                    unit,
                } => {
                    self.byte(0);
                    self.f64(*value);
                    self.opt(scaled.as_ref(), |w, v| w.f64(*v));
                    self.f64(*step);
                    self.byte(match unit {
                        Unit::Plain => 0,
                        Unit::Money => 1,
                        Unit::Percent => 2,
                    });
                }
                FigureValue::Ordinal(n) => {
                    self.byte(1);
                    self.u64(u64::from(*n));
                }
                FigureValue::Month(n) => {
                    self.byte(2);
                    self.u64(u64::from(*n));
                }
                FigureValue::Weekday(n) => {
                    self.byte(3);
                    self.u64(u64::from(*n));
                }
            }
        }
        self.len(name_words.len());
        for w in name_words {
            let NameWord {
                word,
                before,
                after,
            } = w;
            self.range(word);
            self.opt(before.as_ref(), Self::range);
            self.opt(after.as_ref(), Self::range);
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

const MODIFIERS: [Modifier; 9] = [
    Modifier::Exact,
    Modifier::About,
    Modifier::Nearly,
    Modifier::MoreThan,
    Modifier::AtLeast,
    Modifier::FewerThan,
    Modifier::AtMost,
    Modifier::Many,
    Modifier::Range,
];

impl Reader<'_> {
    fn byte(&mut self) -> Decoded<u8> {
        let b = *self.bytes.get(self.at).ok_or(Corrupt)?;
        self.at += 1;
        Ok(b)
    }
    fn u64(&mut self) -> Decoded<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(Corrupt)
    }
    fn u32(&mut self) -> Decoded<u32> {
        u32::try_from(self.u64()?).map_err(|_| Corrupt)
    }
    fn len(&mut self) -> Decoded<usize> {
        let n = usize::try_from(self.u64()?).map_err(|_| Corrupt)?;
        // No length can exceed what is left to read.
        if n > self.bytes.len() {
            return Err(Corrupt);
        }
        Ok(n)
    }
    fn bool(&mut self) -> Decoded<bool> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Corrupt),
        }
    }
    fn take(&mut self, n: usize) -> Decoded<&[u8]> {
        let end = self.at.checked_add(n).ok_or(Corrupt)?;
        let s = self.bytes.get(self.at..end).ok_or(Corrupt)?;
        self.at = end;
        Ok(s)
    }
    fn f64(&mut self) -> Decoded<f64> {
        let b: [u8; 8] = self.take(8)?.try_into().map_err(|_| Corrupt)?;
        Ok(f64::from_bits(u64::from_le_bytes(b)))
    }
    fn str(&mut self) -> Decoded<String> {
        let n = self.len()?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| Corrupt)
    }
    fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> Decoded<T>) -> Decoded<Option<T>> {
        match self.byte()? {
            0 => Ok(None),
            1 => Ok(Some(f(self)?)),
            _ => Err(Corrupt),
        }
    }
    fn range(&mut self) -> Decoded<Range<usize>> {
        Ok(self.len_any()?..self.len_any()?)
    }
    /// An offset (not a length: not bounded by the blob).
    fn len_any(&mut self) -> Decoded<usize> {
        usize::try_from(self.u64()?).map_err(|_| Corrupt)
    }
    fn date(&mut self) -> Decoded<NaiveDate> {
        let days = i64::try_from(self.u64()?).map_err(|_| Corrupt)? - (1 << 31);
        let days = i32::try_from(days).map_err(|_| Corrupt)?;
        NaiveDate::from_num_days_from_ce_opt(days).ok_or(Corrupt)
    }
    fn strings(&mut self) -> Decoded<Vec<String>> {
        let n = self.len()?;
        (0..n).map(|_| self.str()).collect()
    }

    fn claim(&mut self) -> Decoded<Claim> {
        let start = self.u32()?;
        let end = self.u32()?;
        let text = self.str()?;
        let prose = self.range()?;
        let sentence = self.opt(Self::len_any)?;
        let group = self.opt(|r| {
            let id = r.u32()?;
            let kind = match r.byte()? {
                0 => GroupKind::Range,
                1 => GroupKind::List,
                _ => return Err(Corrupt),
            };
            Ok(Group { id, kind })
        })?;
        let data = match self.byte()? {
            0 => {
                let value = self.f64()?;
                let noun = self.str()?;
                let qualifiers = self.strings()?;
                let modifier = *MODIFIERS.get(usize::from(self.byte()?)).ok_or(Corrupt)?;
                let interval = Interval {
                    lo: self.f64()?,
                    hi: self.f64()?,
                    lo_open: self.bool()?,
                    hi_open: self.bool()?,
                };
                ClaimData::Count(Count {
                    value,
                    noun,
                    qualifiers,
                    modifier,
                    interval,
                    partitive: self.bool()?,
                    change: self.bool()?,
                    increment: self.bool()?,
                })
            }
            1 => ClaimData::Date(DateClaim {
                value: self.opt(|r| {
                    Ok(DateRange {
                        start: r.date()?,
                        end: r.date()?,
                    })
                })?,
                anchor: self.opt(Self::range)?,
                relative: self.bool()?,
                timex: self.opt(Self::str)?,
            }),
            2 => ClaimData::Quote(QuoteClaim {
                speaker: self.opt(Self::str)?,
                speaker_text: self.opt(Self::str)?,
                speaker_range: self.opt(Self::range)?,
            }),
            3 => ClaimData::Role(RoleClaim {
                person: self.str()?,
                title: self.str()?,
                org: self.opt(Self::str)?,
                additional: self.bool()?,
                qualifier: self.opt(Self::str)?,
            }),
            4 => {
                let kind = match self.byte()? {
                    0 => TemporalKind::Time,
                    1 => TemporalKind::Duration,
                    2 => TemporalKind::Set,
                    _ => return Err(Corrupt),
                };
                ClaimData::Temporal(TemporalClaim {
                    kind,
                    timex: self.str()?,
                })
            }
            5 => {
                let kind = match self.byte()? {
                    0 => FigureKind::Age,
                    1 => FigureKind::Score,
                    2 => FigureKind::Ordinal,
                    _ => return Err(Corrupt),
                };
                ClaimData::Figure(FigureClaim {
                    kind,
                    value: self.f64()?,
                    other: self.opt(Self::f64)?,
                    person: self.opt(Self::str)?,
                    noun: self.opt(Self::str)?,
                })
            }
            _ => return Err(Corrupt),
        };
        Ok(Claim {
            span: Span { start, end },
            text,
            prose,
            sentence,
            data,
            group,
        })
    }

    fn subjects(&mut self) -> Decoded<Subjects> {
        let n = self.len()?;
        let mut sentences = Vec::with_capacity(n);
        for _ in 0..n {
            let k = self.len()?;
            let mut stems = Vec::with_capacity(k);
            for _ in 0..k {
                let b: [u8; 8] = self.take(8)?.try_into().map_err(|_| Corrupt)?;
                stems.push(u64::from_le_bytes(b));
            }
            sentences.push(Terms {
                stems,
                names: self.strings()?,
            });
        }
        let n = self.len()?;
        let owners = (0..n)
            .map(|_| self.opt(Self::str))
            .collect::<Decoded<_>>()?;
        let n = self.len()?;
        let mut keys = Vec::with_capacity(n);
        for _ in 0..n {
            keys.push(ClaimKeys {
                count: self.opt(Self::str)?,
                predicate: self.opt(Self::str)?,
                event: self.opt(|r| {
                    Ok(EventKey {
                        verb: r.str()?,
                        agent: r.str()?,
                        object: r.str()?,
                    })
                })?,
            });
        }
        let n = self.len()?;
        let mut figures = Vec::with_capacity(n);
        for _ in 0..n {
            let prose = self.range()?;
            let spelled = self.bool()?;
            let value = match self.byte()? {
                0 => FigureValue::Number {
                    value: self.f64()?,
                    scaled: self.opt(Self::f64)?,
                    step: self.f64()?,
                    unit: match self.byte()? {
                        0 => Unit::Plain,
                        1 => Unit::Money,
                        2 => Unit::Percent,
                        _ => return Err(Corrupt),
                    },
                },
                1 => FigureValue::Ordinal(self.u32()?),
                2 => FigureValue::Month(self.u32()?),
                3 => FigureValue::Weekday(self.u32()?),
                _ => return Err(Corrupt),
            };
            figures.push(Figure {
                prose,
                spelled,
                value,
            });
        }
        let n = self.len()?;
        let mut name_words = Vec::with_capacity(n);
        for _ in 0..n {
            name_words.push(NameWord {
                word: self.range()?,
                before: self.opt(Self::range)?,
                after: self.opt(Self::range)?,
            });
        }
        Ok(Subjects {
            sentences,
            owners,
            keys,
            figures,
            name_words,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_article;
    use crate::rules::RuleSet;
    use crate::source::Article;

    const STORY: &str = "---\npublished: 2026-03-03\n---\n\
        Interior Minister Dana Okafor said on Sunday that more than 1,200 \
        flights were cancelled. \"We will reopen the bridge by Friday,\" \
        Okafor said. About 40 people were hurt between March 1 and March 2, \
        and the airport closed for three days at 10:30 a.m.\n";

    #[test]
    fn claims_and_subjects_round_trip() {
        let article = Article::from_source("story.md", STORY.to_owned(), None);
        let extracted = extract_article(&article, &RuleSet::default());
        assert!(extracted.claims.len() >= 4, "{:?}", extracted.claims);
        let blob = encode(&extracted.claims, &extracted.subjects);
        let (claims, subjects) = decode(&blob).expect("decodes");
        assert_eq!(claims, extracted.claims);
        assert_eq!(subjects, extracted.subjects);
    }

    #[test]
    fn a_truncated_or_extended_blob_is_corrupt_not_a_panic() {
        let article = Article::from_source("story.md", STORY.to_owned(), None);
        let extracted = extract_article(&article, &RuleSet::default());
        let blob = encode(&extracted.claims, &extracted.subjects);
        for cut in 0..blob.len() {
            assert_eq!(decode(&blob[..cut]).err(), Some(Corrupt), "cut at {cut}");
        }
        let mut longer = blob.clone();
        longer.push(0);
        assert_eq!(decode(&longer).err(), Some(Corrupt));
    }
}
