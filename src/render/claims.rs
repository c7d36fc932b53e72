//! Claims as JSON objects (the contract in the eval README) and as text.

use crate::extract::{Claim, ClaimData};
use crate::source::Article;
use serde_json::{json, Map, Value};

/// One claim as the JSON object of the output contract.
pub fn claim_json(article: &Article, claim: &Claim) -> Value {
    let lc = article.lines.line_col(&article.source, claim.span.start);
    let mut m = Map::new();
    m.insert("path".into(), json!(article.path.to_string_lossy()));
    m.insert("kind".into(), json!(claim.data.kind_name()));
    m.insert("line".into(), json!(lc.line));
    m.insert("column".into(), json!(lc.column));
    m.insert("text".into(), json!(claim.text));
    if let Some(g) = claim.group {
        m.insert("group".into(), json!(g.id));
        m.insert("group_kind".into(), json!(g.kind.as_str()));
    }
    match &claim.data {
        ClaimData::Count(c) => {
            m.insert("value".into(), number(c.value));
            m.insert("noun".into(), json!(c.noun));
            m.insert("modifier".into(), json!(c.modifier.as_str()));
            let hi = if c.interval.hi.is_finite() {
                number(c.interval.hi)
            } else {
                Value::Null
            };
            m.insert("interval".into(), json!([number(c.interval.lo), hi]));
            if !c.qualifiers.is_empty() {
                m.insert("qualifiers".into(), json!(c.qualifiers));
            }
            if c.partitive {
                m.insert("partitive".into(), json!(true));
            }
            if c.change {
                m.insert("change".into(), json!(true));
            }
            if c.increment {
                m.insert("increment".into(), json!(true));
            }
        }
        ClaimData::Date(d) => {
            let v = d.value.map_or(
                Value::Null,
                |r| json!({"start": r.start.to_string(), "end": r.end.to_string()}),
            );
            m.insert("value".into(), v);
            if let Some(t) = &d.timex {
                m.insert("timex".into(), json!(t));
            }
            if let Some(anchor) = &d.anchor {
                if let Some(t) = article.prose.text().get(anchor.clone()) {
                    m.insert("anchor".into(), json!(t));
                }
            }
        }
        ClaimData::Quote(q) => {
            m.insert("speaker".into(), json!(q.speaker));
            if let Some(t) = &q.speaker_text {
                m.insert("speaker_text".into(), json!(t));
            }
        }
        ClaimData::Temporal(t) => {
            m.insert("timex".into(), json!(t.timex));
        }
        ClaimData::Role(r) => {
            m.insert("person".into(), json!(r.person));
            m.insert("title".into(), json!(r.title));
            if let Some(o) = &r.org {
                m.insert("org".into(), json!(o));
            }
            if let Some(q) = &r.qualifier {
                m.insert("qualifier".into(), json!(q));
            }
            if r.additional {
                m.insert("additional".into(), json!(true));
            }
        }
    }
    Value::Object(m)
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
