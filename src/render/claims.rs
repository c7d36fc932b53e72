//! Claims as JSON objects (the contract in the eval README) and as text.

use crate::extract::{Claim, ClaimData};
use crate::source::Article;
use serde::Serialize;
use serde_json::{json, Value};

/// A claim as the JSON contract has it: the fields every claim has and
/// those of its kind (absent for other kinds). The fields are declared in
/// the byte order of their names, so that written directly
/// ([`claim_json_string`]) the keys come out sorted, as they do through
/// [`Value`] ([`claim_json`]); a test holds the two to the same bytes.
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
    interval: Option<[Value; 2]>,
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
    value: Option<Value>,
}

fn is_false(b: &bool) -> bool {
    !b
}

impl<'a> ClaimJson<'a> {
    /// The JSON form of `claim`, found in `article`.
    pub fn new(article: &'a Article, claim: &'a Claim) -> Self {
        let lc = article.lines.line_col(&article.source, claim.span.start);
        let mut j = ClaimJson {
            path: article.path.to_string_lossy(),
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
                j.value = Some(number(c.value));
                j.noun = Some(&c.noun);
                j.modifier = Some(c.modifier.as_str());
                let hi = if c.interval.hi.is_finite() {
                    number(c.interval.hi)
                } else {
                    Value::Null
                };
                j.interval = Some([number(c.interval.lo), hi]);
                j.qualifiers = &c.qualifiers;
                j.partitive = c.partitive;
                j.change = c.change;
                j.increment = c.increment;
            }
            ClaimData::Date(d) => {
                j.value = Some(d.value.map_or(
                    Value::Null,
                    |r| json!({"start": r.start.to_string(), "end": r.end.to_string()}),
                ));
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
                    Some(b) => json!([number(f.value), number(b)]),
                    None => number(f.value),
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
}

/// One claim as the JSON object of the output contract.
pub fn claim_json(article: &Article, claim: &Claim) -> Value {
    serde_json::to_value(ClaimJson::new(article, claim)).unwrap_or(Value::Null)
}

/// [`claim_json`] written out, without building the [`Value`] first: the
/// line `extract --format jsonl` writes for each claim.
pub fn claim_json_string(article: &Article, claim: &Claim) -> String {
    serde_json::to_string(&ClaimJson::new(article, claim)).unwrap_or_else(|_| "null".to_owned())
}

/// A number as an integer when it is one.
fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
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
