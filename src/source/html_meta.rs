//! Publication date and title of an HTML article, from the metadata pages
//! carry: `<meta>` tags, JSON-LD and `<time datetime>`.
//!
//! Sources rank: a `<meta>` publication date (in the order of
//! [`PUBLISHED_META`]) wins over JSON-LD `datePublished`, which wins over the
//! first `<time datetime>`. This module only collects; it does not read
//! dates out of prose.

use super::parse_published;
use chrono::NaiveDate;
use serde_json::Value;

/// `<meta>` names and properties that carry the publication date, best
/// first (compared without case).
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "published_time",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "date",
];

/// Metadata found while walking a page.
#[derive(Debug, Default)]
pub(crate) struct HtmlMeta {
    /// Best `<meta>` date so far, with its rank in [`PUBLISHED_META`].
    meta_date: Option<(usize, NaiveDate)>,
    json_ld_date: Option<NaiveDate>,
    time_date: Option<NaiveDate>,
    og_title: Option<String>,
    /// Text of the first `<title>`.
    pub(crate) title: Option<String>,
    /// `og:site_name`: the outlet.
    pub(crate) outlet: Option<String>,
}

impl HtmlMeta {
    /// A `<meta>` tag's name (`name=`, `property=` or `itemprop=`) and
    /// `content=`.
    pub(crate) fn read_meta_tag(&mut self, key: &str, content: &str) {
        let key = key.trim().to_ascii_lowercase();
        if key == "og:site_name" && self.outlet.is_none() {
            let t = collapse_spaces(content);
            if !t.is_empty() {
                self.outlet = Some(t);
            }
            return;
        }
        if key == "og:title" && self.og_title.is_none() {
            let t = collapse_spaces(content);
            if !t.is_empty() {
                self.og_title = Some(t);
            }
            return;
        }
        let Some(rank) = PUBLISHED_META.iter().position(|k| *k == key) else {
            return;
        };
        if self.meta_date.is_some_and(|(r, _)| r <= rank) {
            return;
        }
        if let Some(d) = parse_published(content) {
            self.meta_date = Some((rank, d));
        }
    }

    /// The `datetime=` of a `<time>` element: only the first one that holds
    /// a date counts.
    pub(crate) fn read_time_tag(&mut self, datetime: &str) {
        if self.time_date.is_none() {
            self.time_date = parse_published(datetime);
        }
    }

    /// The text of a `<script type="application/ld+json">`.
    pub(crate) fn read_json_ld(&mut self, json: &str) {
        if self.json_ld_date.is_none() {
            self.json_ld_date = json_ld_date_published(json);
        }
    }

    /// The publication date, by the ranking in the module docs.
    pub(crate) fn published(&self) -> Option<NaiveDate> {
        self.meta_date
            .map(|(_, d)| d)
            .or(self.json_ld_date)
            .or(self.time_date)
    }

    /// `og:title` when given (it has no site name appended), else `<title>`.
    pub(crate) fn into_title(self) -> Option<String> {
        self.og_title
            .or(self.title.map(|t| collapse_spaces(&t)))
            .filter(|t| !t.is_empty())
    }
}

/// `datePublished` anywhere in a JSON-LD block (top level, `@graph`, nested
/// objects or arrays). Falls back to a plain scan when the block is not
/// valid JSON, which is common (trailing commas, several objects).
fn json_ld_date_published(json: &str) -> Option<NaiveDate> {
    match serde_json::from_str::<Value>(json) {
        Ok(v) => find_key(&v, "datePublished", 0),
        Err(_) => scan_key(json, "\"datePublished\""),
    }
}

/// Depth-first search for a string-valued `key`. Depth is bounded so a
/// hostile document cannot overflow the stack.
fn find_key(v: &Value, key: &str, depth: usize) -> Option<NaiveDate> {
    if depth > 64 {
        return None;
    }
    match v {
        Value::Object(map) => map
            .get(key)
            .and_then(Value::as_str)
            .and_then(parse_published)
            .or_else(|| map.values().find_map(|x| find_key(x, key, depth + 1))),
        Value::Array(items) => items.iter().find_map(|x| find_key(x, key, depth + 1)),
        _ => None,
    }
}

/// `"key" : "value"` found by a linear scan.
fn scan_key(json: &str, quoted_key: &str) -> Option<NaiveDate> {
    let mut rest = json;
    while let Some(i) = rest.find(quoted_key) {
        rest = &rest[i + quoted_key.len()..];
        let after = rest.trim_start();
        if let Some(v) = after.strip_prefix(':') {
            if let Some(v) = v.trim_start().strip_prefix('"') {
                if let Some(d) = parse_published(v.split('"').next().unwrap_or("")) {
                    return Some(d);
                }
            }
        }
    }
    None
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn article_published_time_outranks_a_generic_date_meta() {
        let mut m = HtmlMeta::default();
        m.read_meta_tag("date", "2020-01-01");
        m.read_meta_tag("article:published_time", "2025-09-16T08:00:00+03:00");
        m.read_meta_tag("pubdate", "2021-01-01");
        assert_eq!(m.published(), date(2025, 9, 16));
    }

    #[test]
    fn json_ld_date_found_inside_a_graph() {
        let mut m = HtmlMeta::default();
        m.read_json_ld(r#"{"@graph":[{"@type":"WebPage"},{"datePublished":"2024-03-05"}]}"#);
        m.read_time_tag("2001-01-01");
        assert_eq!(m.published(), date(2024, 3, 5));
    }

    #[test]
    fn broken_json_ld_is_still_scanned() {
        let mut m = HtmlMeta::default();
        m.read_json_ld(r#"{"headline": "x", "datePublished" : "2023-07-08T10:00Z",}"#);
        assert_eq!(m.published(), date(2023, 7, 8));
    }

    #[test]
    fn first_dated_time_element_is_the_last_resort() {
        let mut m = HtmlMeta::default();
        m.read_time_tag("not a date");
        m.read_time_tag("2022-02-02");
        m.read_time_tag("2023-03-03");
        assert_eq!(m.published(), date(2022, 2, 2));
    }

    #[test]
    fn outlet_from_og_site_name() {
        let mut m = HtmlMeta::default();
        m.read_meta_tag("og:site_name", "  The Quay  Post ");
        m.read_meta_tag("og:site_name", "Other");
        assert_eq!(m.outlet.as_deref(), Some("The Quay Post"));
    }

    #[test]
    fn og_title_wins_over_page_title() {
        let mut m = HtmlMeta {
            title: Some("Story  | Site".into()),
            ..Default::default()
        };
        assert_eq!(
            HtmlMeta {
                title: m.title.clone(),
                ..Default::default()
            }
            .into_title()
            .as_deref(),
            Some("Story | Site")
        );
        m.read_meta_tag("og:title", "Story");
        assert_eq!(m.into_title().as_deref(), Some("Story"));
    }
}
