//! Front matter at the top of a Markdown or plain-text article: metadata,
//! not prose.
//!
//! YAML between `---` fences (Jekyll, Hugo, Pandoc) and TOML between `+++`
//! fences (Hugo) are recognised. Only the publication date (`published` or
//! `date`) and the `title` are read, line by line; the rest of the block is
//! skipped, so an unusual front matter never stops an article from being
//! checked. A fenced block with no `key: value` line is not front matter
//! (in Markdown it is a rule and a heading).

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

/// Read `published`/`date` and `title` from top-level keys. `published`
/// wins over `date` when both are present.
pub(crate) fn read_meta(fm: &FrontMatter<'_>) -> Meta {
    let mut meta = Meta::default();
    let mut date = None;
    for line in fm.yaml.lines() {
        let Some((key, value)) = key_value(line, fm.toml) else {
            continue;
        };
        match key {
            "published" => meta.published = super::parse_date_prefix(value),
            "date" => date = super::parse_date_prefix(value),
            "title" => {
                let t = value.trim().trim_matches(|c| c == '"' || c == '\'');
                if !t.is_empty() {
                    meta.title = Some(t.to_owned());
                }
            }
            _ => {}
        }
    }
    meta.published = meta.published.or(date);
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_gives_date_and_body_start() {
        let src = "---\ntitle: \"A b\"\npublished: 2025-09-16\n---\n\nBody.";
        let fm = split_front_matter(src).unwrap();
        assert_eq!(&src[fm.body_start..], "\nBody.");
        let meta = read_meta(&fm);
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2025, 9, 16));
        assert_eq!(meta.title.as_deref(), Some("A b"));
    }

    #[test]
    fn date_key_used_when_no_published() {
        let fm = split_front_matter("---\ndate: 2024-01-02T10:00:00Z\n---\n").unwrap();
        assert_eq!(
            read_meta(&fm).published,
            NaiveDate::from_ymd_opt(2024, 1, 2)
        );
    }

    #[test]
    fn toml_front_matter_between_plus_fences() {
        let src = "+++\ntitle = \"T\"\ndate = 2023-04-05\n+++\nBody";
        let fm = split_front_matter(src).unwrap();
        assert_eq!(&src[fm.body_start..], "Body");
        assert_eq!(
            read_meta(&fm).published,
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
            read_meta(&fm).published,
            NaiveDate::from_ymd_opt(2025, 1, 2)
        );
    }

    #[test]
    fn unclosed_front_matter_is_not_front_matter() {
        assert!(split_front_matter("---\ntitle: x\nno end").is_none());
    }
}
