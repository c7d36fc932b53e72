//! Claims as JSON objects (the contract in the eval README) and as text.

use crate::extract::{Claim, ClaimData};
use crate::source::Article;
use serde::Serialize;
use serde_json::Value;

/// A claim as the JSON contract has it: the fields every claim has and
/// those of its kind (absent for other kinds). The fields are declared in
/// the byte order of their names, so that serialized they come out
/// sorted, as they do through [`Value`] ([`claim_json`]); [`ClaimJson::write`]
/// writes the same bytes by hand, and a test holds the two to them.
#[derive(Serialize, Default)]
pub struct ClaimJson<'a> {
    #[serde(skip_serializing_if = "is_false")]
    additional: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    anchor: Option<&'a str>,
    #[serde(skip_serializing_if = "is_false")]
    change: bool,
    column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group_kind: Option<&'a str>,
    #[serde(skip_serializing_if = "is_false")]
    increment: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    interval: Option<[Num; 2]>,
    kind: &'a str,
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    modifier: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    noun: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    org: Option<&'a str>,
    #[serde(skip_serializing_if = "is_false")]
    partitive: bool,
    path: std::borrow::Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    person: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    qualifier: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    qualifiers: &'a [String],
    /// A quote's speaker (null when unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker_text: Option<&'a str>,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    timex: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    /// A count's figure; a date's `{start, end}` (null when unresolved).
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<ValueJson>,
}

/// A number as the contract writes it: an integer when it is a whole one
/// ([`number`]), null when it is not finite (as a [`Value`] holds it).
#[derive(Clone, Copy)]
struct Num(f64);

impl Serialize for Num {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            s.serialize_i64(v as i64)
        } else {
            // Not finite: null, as both `serde_json` serializers write it.
            s.serialize_f64(v)
        }
    }
}

/// A claim's `value`: a count's figure, a figure and its other end, or a
/// date's range (null when unresolved).
enum ValueJson {
    Num(Num),
    Pair([Num; 2]),
    Dates(Option<DateRange>),
}

/// A date's range, its keys in byte order (`end` before `start`), as a
/// [`Value`] map sorts them.
#[derive(Serialize)]
struct DateRange {
    #[serde(serialize_with = "display")]
    end: chrono::NaiveDate,
    #[serde(serialize_with = "display")]
    start: chrono::NaiveDate,
}

fn display<S: serde::Serializer>(d: &chrono::NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

impl Serialize for ValueJson {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ValueJson::Num(n) => n.serialize(s),
            ValueJson::Pair(p) => p.serialize(s),
            ValueJson::Dates(d) => d.serialize(s),
        }
    }
}

fn is_false(b: &bool) -> bool {
    !b
}

impl<'a> ClaimJson<'a> {
    /// The JSON form of `claim`, found in `article`.
    pub fn new(article: &'a Article, claim: &'a Claim) -> Self {
        ClaimJson {
            path: article.path.to_string_lossy(),
            ..ClaimJson::without_path(article, claim)
        }
    }

    /// [`ClaimJson::new`] with an empty path, for [`ClaimJson::write`],
    /// which is given it.
    fn without_path(article: &'a Article, claim: &'a Claim) -> Self {
        let lc = article.lines.line_col(&article.source, claim.span.start);
        let mut j = ClaimJson {
            kind: claim.data.kind_name(),
            line: lc.line,
            column: lc.column,
            text: &claim.text,
            group: claim.group.map(|g| g.id),
            group_kind: claim.group.map(|g| g.kind.as_str()),
            ..ClaimJson::default()
        };
        match &claim.data {
            ClaimData::Count(c) => {
                j.value = Some(ValueJson::Num(Num(c.value)));
                j.noun = Some(&c.noun);
                j.modifier = Some(c.modifier.as_str());
                j.interval = Some([Num(c.interval.lo), Num(c.interval.hi)]);
                j.qualifiers = &c.qualifiers;
                j.partitive = c.partitive;
                j.change = c.change;
                j.increment = c.increment;
            }
            ClaimData::Date(d) => {
                j.value = Some(ValueJson::Dates(d.value.map(|r| DateRange {
                    end: r.end,
                    start: r.start,
                })));
                j.timex = d.timex.as_deref();
                j.anchor = d
                    .anchor
                    .as_ref()
                    .and_then(|a| article.prose.text().get(a.clone()));
            }
            ClaimData::Quote(q) => {
                j.speaker = Some(q.speaker.as_deref());
                j.speaker_text = q.speaker_text.as_deref();
            }
            ClaimData::Temporal(t) => j.timex = Some(&t.timex),
            ClaimData::Figure(f) => {
                j.value = Some(match f.other {
                    Some(b) => ValueJson::Pair([Num(f.value), Num(b)]),
                    None => ValueJson::Num(Num(f.value)),
                });
                j.person = f.person.as_deref();
                j.noun = f.noun.as_deref();
            }
            ClaimData::Role(r) => {
                j.person = Some(&r.person);
                j.title = Some(&r.title);
                j.org = r.org.as_deref();
                j.qualifier = r.qualifier.as_deref();
                j.additional = r.additional;
            }
        }
        j
    }

    /// Append this claim's JSON object to `out`, the bytes its `Serialize`
    /// gives but for the path, which is `path` (the path already written
    /// as a JSON string, once for all of an article's claims): keys are
    /// written as they are, not escaped one by one.
    fn write(&self, path: &[u8], out: &mut Vec<u8>) {
        let mut o = Object { out, open: false };
        if self.additional {
            o.value("additional", &true);
        }
        o.opt("anchor", self.anchor);
        if self.change {
            o.value("change", &true);
        }
        o.value("column", &self.column);
        o.opt("group", self.group);
        o.opt("group_kind", self.group_kind);
        if self.increment {
            o.value("increment", &true);
        }
        o.opt("interval", self.interval.as_ref());
        o.value("kind", self.kind);
        o.value("line", &self.line);
        o.opt("modifier", self.modifier);
        o.opt("noun", self.noun);
        o.opt("org", self.org);
        if self.partitive {
            o.value("partitive", &true);
        }
        o.key("path");
        o.out.extend_from_slice(path);
        o.opt("person", self.person);
        o.opt("qualifier", self.qualifier);
        if !self.qualifiers.is_empty() {
            o.value("qualifiers", self.qualifiers);
        }
        o.opt("speaker", self.speaker);
        o.opt("speaker_text", self.speaker_text);
        o.value("text", self.text);
        o.opt("timex", self.timex);
        o.opt("title", self.title);
        o.opt("value", self.value.as_ref());
        o.out.push(b'}');
    }
}

/// A JSON object being written: keys as they are (none needs escaping),
/// values through `serde_json`.
struct Object<'o> {
    out: &'o mut Vec<u8>,
    open: bool,
}

impl Object<'_> {
    fn key(&mut self, key: &str) {
        self.out.push(if self.open { b',' } else { b'{' });
        self.open = true;
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    fn value<T: Serialize + ?Sized>(&mut self, key: &str, v: &T) {
        self.key(key);
        // Writing to a `Vec` cannot fail, and none of these values is a
        // map with non-string keys.
        let _ = serde_json::to_writer(&mut *self.out, v);
    }

    fn opt<T: Serialize>(&mut self, key: &str, v: Option<T>) {
        if let Some(v) = v {
            self.value(key, &v);
        }
    }
}

/// One claim as the JSON object of the output contract.
pub fn claim_json(article: &Article, claim: &Claim) -> Value {
    serde_json::to_value(ClaimJson::new(article, claim)).unwrap_or(Value::Null)
}

/// The JSON lines of one article's claims, as `extract --format jsonl`
/// writes them: [`claim_json`] written out without building the
/// [`Value`], the article's path written once for all its claims.
pub struct ClaimLines<'a> {
    article: &'a Article,
    /// The path as a JSON string.
    path: Vec<u8>,
}

impl<'a> ClaimLines<'a> {
    /// The writer of `article`'s claims.
    pub fn new(article: &'a Article) -> Self {
        let mut path = Vec::new();
        let _ = serde_json::to_writer(&mut path, &article.path.to_string_lossy());
        ClaimLines { article, path }
    }

    /// Append `claim`'s JSON object (no line break) to `out`.
    pub fn write(&self, claim: &Claim, out: &mut Vec<u8>) {
        ClaimJson::without_path(self.article, claim).write(&self.path, out);
    }
}

/// [`claim_json`] written out, without building the [`Value`] first.
pub fn claim_json_string(article: &Article, claim: &Claim) -> String {
    let mut out = Vec::new();
    ClaimLines::new(article).write(claim, &mut out);
    String::from_utf8(out).unwrap_or_else(|_| "null".to_owned())
}

/// A number as an integer when it is one ([`Num`]).
fn number(v: f64) -> Value {
    serde_json::to_value(Num(v)).unwrap_or(Value::Null)
}

/// One claim as a line of text: `path:line:col: kind text (details)`.
pub fn claim_line(article: &Article, claim: &Claim) -> String {
    let lc = article.lines.line_col(&article.source, claim.span.start);
    let detail = match &claim.data {
        ClaimData::Count(c) => format!("{} {} ({})", number(c.value), c.noun, c.modifier.as_str()),
        ClaimData::Date(d) => match d.value {
            Some(r) if r.start == r.end => r.start.to_string(),
            Some(r) => format!("{}..{}", r.start, r.end),
            None => "unresolved".to_owned(),
        },
        ClaimData::Quote(q) => format!("speaker: {}", q.speaker.as_deref().unwrap_or("unknown")),
        ClaimData::Temporal(t) => t.timex.clone(),
        ClaimData::Figure(f) => {
            let v = match f.other {
                Some(b) => format!("{}-{}", number(f.value), number(b)),
                None => number(f.value).to_string(),
            };
            match f.person.as_ref().or(f.noun.as_ref()) {
                Some(w) => format!("{v} ({w})"),
                None => v,
            }
        }
        ClaimData::Role(r) => match &r.org {
            Some(o) => format!("{}: {} ({o})", r.person, r.title),
            None => format!("{}: {}", r.person, r.title),
        },
    };
    format!(
        "{}:{}:{}: {} \"{}\" -> {}",
        article.path.display(),
        lc.line,
        lc.column,
        claim.data.kind_name(),
        claim.text,
        detail
    )
}

/// The prose of articles as claimcheck reads it (`extract --format
/// prose`): one article's prose alone, several each under a `==> PATH <==`
/// line (as `head` prints several files). Paragraphs are separated by a
/// blank line.
pub fn render_prose(articles: &[&Article]) -> String {
    let mut out = String::new();
    for (i, article) in articles.iter().enumerate() {
        if articles.len() > 1 {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&format!("==> {} <==\n", article.path.display()));
        }
        let prose = article.prose.text().trim();
        if !prose.is_empty() {
            out.push_str(prose);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_claims;
    use crate::rules::RuleSet;

    #[test]
    fn numbers_are_integers_when_whole_and_null_when_not_finite() {
        let cases = [
            (48.0, "48"),
            (-0.0, "0"),
            (0.5, "0.5"),
            (2.02, "2.02"),
            (8.9e15, "8900000000000000"),
            (9.0e15, "9000000000000000.0"),
            (1.0e16, "1e+16"),
            (f64::INFINITY, "null"),
            (f64::NEG_INFINITY, "null"),
            (f64::NAN, "null"),
        ];
        for (v, written) in cases {
            assert_eq!(serde_json::to_string(&Num(v)).unwrap(), written, "{v}");
            assert_eq!(number(v).to_string(), written, "{v}");
        }
    }

    #[test]
    fn written_directly_a_claim_has_the_bytes_of_its_value() {
        let text = "Between 40 and 60 people, at least 12 of them children, were hurt \
                    on Monday, police said. \"We will rebuild,\" former Mayor Ana Ruiz, \
                    83, told reporters at 9 a.m. on the 70th anniversary. A 48-hour \
                    ceasefire began in 2008 and 2012; the home side won 76-71 and \
                    three more bodies were found over the past year.";
        let article = Article::from_source(
            "a/b \"c\".md".to_owned(),
            text.to_owned(),
            chrono::NaiveDate::from_ymd_opt(2024, 3, 6),
        );
        let claims = extract_claims(&article, &RuleSet::default()).claims;
        let mut kinds: Vec<&str> = claims.iter().map(|c| c.data.kind_name()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        for kind in [
            "age", "count", "date", "duration", "ordinal", "quote", "role", "score", "time",
        ] {
            assert!(kinds.contains(&kind), "{kind} missing from {kinds:?}");
        }
        // Groups, qualifiers and the optional fields are written too.
        assert!(claims.iter().any(|c| c.group.is_some()));
        assert!(claims
            .iter()
            .any(|c| matches!(&c.data, ClaimData::Role(r) if r.qualifier.is_some())));
        for c in &claims {
            assert_eq!(
                claim_json_string(&article, c),
                claim_json(&article, c).to_string()
            );
        }
    }
}
