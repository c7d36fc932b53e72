//! Front matter at the top of a Markdown or plain-text article: metadata,
//! not prose.
//!
//! YAML between `---` fences (Jekyll, Hugo, Pandoc) and TOML between `+++`
//! fences (Hugo) are recognised. Only the publication date (`published` or
//! `date`), the `title` and the outlet (`outlet` or `source`) are read, line by line; the rest of the block is
//! skipped (it belongs to the site generator: unknown keys are allowed). A
//! publication date that is not a date ([`super::parse_published`]) is an
//! error with its line, never a silently undated article. A fenced block
//! with no `key: value` line is not front matter (in Markdown it is a rule
//! and a heading).

use super::BadDate;
use chrono::NaiveDate;

/// The front matter block of a document, if it opens with one.
pub(crate) struct FrontMatter<'a> {
    /// The YAML between the fences.
    pub(crate) yaml: &'a str,
    /// Byte offset where the body starts (after the closing fence line).
    pub(crate) body_start: usize,
    /// Whether the block is TOML (`+++` fences, `key = value`).
    pub(crate) toml: bool,
}

/// Find a front matter block: `---` (or `+++`) on the first line, closed by
/// the same fence (or `...` for YAML) on a line of its own.
pub(crate) fn split_front_matter(src: &str) -> Option<FrontMatter<'_>> {
    let src_nobom = src.strip_prefix('\u{feff}').unwrap_or(src);
    let bom = src.len() - src_nobom.len();
    // The fence line is `---` or `+++` and trailing white space: a text
    // that opens otherwise (most, often with a long first paragraph) is
    // answered before its first line break is looked for.
    if !src_nobom.starts_with("---") && !src_nobom.starts_with("+++") {
        return None;
    }
    let first_end = src_nobom.find('\n')?;
    let fence = src_nobom[..first_end].trim_end();
    let toml = match fence {
        "---" => false,
        "+++" => true,
        _ => return None,
    };
    let yaml_start = bom + first_end + 1;
    let mut pos = yaml_start;
    while pos <= src.len() {
        let line_end = src[pos..].find('\n').map_or(src.len(), |i| pos + i);
        let line = src[pos..line_end].trim_end();
        if line == fence || (!toml && line == "...") {
            let body_start = (line_end + 1).min(src.len());
            let yaml = &src[yaml_start..pos];
            let has_keys =
                yaml.trim().is_empty() || yaml.lines().any(|l| key_value(l, toml).is_some());
            return has_keys.then_some(FrontMatter {
                yaml,
                body_start,
                toml,
            });
        }
        if line_end >= src.len() {
            break;
        }
        pos = line_end + 1;
    }
    None
}

/// Metadata read from front matter.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub(crate) published: Option<NaiveDate>,
    pub(crate) title: Option<String>,
    /// `outlet:` or `source:`: who published the article.
    pub(crate) outlet: Option<String>,
}

/// A top-level `key: value` (YAML) or `key = value` (TOML) line, split.
fn key_value(line: &str, toml: bool) -> Option<(&str, &str)> {
    if line.starts_with([' ', '\t', '#']) {
        return None;
    }
    let (key, value) = line.split_once(if toml { '=' } else { ':' })?;
    let key = key.trim();
    let is_key = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'));
    is_key.then_some((key, value))
}

/// A date value without a YAML comment after it (`2026-03-03 # draft`);
/// `None` when empty.
fn date_value(value: &str, toml: bool) -> Option<&str> {
    let v = value.trim();
    let v = match v.find(" #") {
        Some(i) if !v.starts_with(['"', '\'']) || toml => v[..i].trim_end(),
        _ => v,
    };
    let unquoted = v.trim_matches(|c| c == '"' || c == '\'').trim();
    (!unquoted.is_empty()).then_some(v)
}

/// Read `published`/`date`, `title` and `outlet`/`source` from top-level
/// keys. `published`
/// wins over `date` when both are present; a value of either that is not a
/// date is an error naming its line (the block's first line is the file's
/// second, after the fence).
pub(crate) fn read_meta(fm: &FrontMatter<'_>) -> Result<Meta, BadDate> {
    let mut meta = Meta::default();
    let mut date = None;
    for (i, line) in fm.yaml.lines().enumerate() {
        let Some((key, value)) = key_value(line, fm.toml) else {
            continue;
        };
        match key {
            "published" | "date" => {
                let Some(v) = date_value(value, fm.toml) else {
                    continue;
                };
                let parsed = super::parse_published(v).ok_or_else(|| BadDate {
                    line: i + 2,
                    key: key.to_owned(),
                    value: v.to_owned(),
                })?;
                if key == "published" {
                    meta.published = Some(parsed);
                } else {
                    date = Some(parsed);
                }
            }
            "title" | "outlet" | "source" => {
                let t = value.trim().trim_matches(|c| c == '"' || c == '\'');
                if t.is_empty() {
                    continue;
                }
                if key == "title" {
                    meta.title = Some(t.to_owned());
                } else if meta.outlet.is_none() || key == "outlet" {
                    meta.outlet = Some(t.to_owned());
                }
            }
            _ => {}
        }
    }
    meta.published = meta.published.or(date);
    Ok(meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_gives_date_and_body_start() {
        let src = "---\ntitle: \"A b\"\npublished: 2025-09-16\n---\n\nBody.";
        let fm = split_front_matter(src).unwrap();
        assert_eq!(&src[fm.body_start..], "\nBody.");
        let meta = read_meta(&fm).unwrap();
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2025, 9, 16));
        assert_eq!(meta.title.as_deref(), Some("A b"));
    }

    #[test]
    fn outlet_from_outlet_or_source_key() {
        let fm = split_front_matter("---\noutlet: The Daily Example\nsource: x\n---\n").unwrap();
        assert_eq!(
            read_meta(&fm).unwrap().outlet.as_deref(),
            Some("The Daily Example")
        );
        let fm = split_front_matter("---\nsource: \"Wire Service\"\n---\n").unwrap();
        assert_eq!(
            read_meta(&fm).unwrap().outlet.as_deref(),
            Some("Wire Service")
        );
    }

    #[test]
    fn date_key_used_when_no_published() {
        let fm = split_front_matter("---\ndate: 2024-01-02T10:00:00Z\n---\n").unwrap();
        assert_eq!(
            read_meta(&fm).unwrap().published,
            NaiveDate::from_ymd_opt(2024, 1, 2)
        );
    }

    #[test]
    fn toml_front_matter_between_plus_fences() {
        let src = "+++\ntitle = \"T\"\ndate = 2023-04-05\n+++\nBody";
        let fm = split_front_matter(src).unwrap();
        assert_eq!(&src[fm.body_start..], "Body");
        assert_eq!(
            read_meta(&fm).unwrap().published,
            NaiveDate::from_ymd_opt(2023, 4, 5)
        );
    }

    #[test]
    fn fenced_prose_without_keys_is_not_front_matter() {
        assert!(split_front_matter("---\nJust a line of text.\n---\nMore").is_none());
    }

    #[test]
    fn crlf_front_matter_and_bom_are_read() {
        let src = "\u{feff}---\r\npublished: 2025-01-02\r\n---\r\nBody";
        let fm = split_front_matter(src).unwrap();
        assert_eq!(&src[fm.body_start..], "Body");
        assert_eq!(
            read_meta(&fm).unwrap().published,
            NaiveDate::from_ymd_opt(2025, 1, 2)
        );
    }

    #[test]
    fn only_a_fence_at_the_very_start_opens_front_matter() {
        assert!(split_front_matter(" ---\ntitle: x\n---\n").is_none());
        assert!(split_front_matter("--\ntitle: x\n--\n").is_none());
        assert!(split_front_matter("\u{feff}+++ \ntitle = \"x\"\n+++\n").is_some());
    }

    #[test]
    fn unclosed_front_matter_is_not_front_matter() {
        assert!(split_front_matter("---\ntitle: x\nno end").is_none());
    }

    #[test]
    fn unreadable_date_is_an_error_naming_its_line() {
        let fm = split_front_matter("---\ntitle: T\npublished: March 3, 2026\n---\n").unwrap();
        let bad = read_meta(&fm).unwrap_err();
        assert_eq!((bad.line, bad.key.as_str()), (3, "published"));
        assert_eq!(bad.value, "March 3, 2026");
    }

    #[test]
    fn jekyll_date_comments_and_unknown_keys_are_read() {
        let src = "---\nlayout: post\npublisd: x\ndate: 2026-03-03 10:00:00 +0100 # local\n---\n";
        let fm = split_front_matter(src).unwrap();
        assert_eq!(
            read_meta(&fm).unwrap().published,
            NaiveDate::from_ymd_opt(2026, 3, 3)
        );
        let fm = split_front_matter("---\ndate:\ntitle: T\npublished: \"\"\n---\n").unwrap();
        assert_eq!(read_meta(&fm).unwrap().published, None);
    }
}
