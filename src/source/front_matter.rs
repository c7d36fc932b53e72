//! YAML front matter at the top of a Markdown article: metadata, not prose.
//!
//! Only the publication date (`published:` or `date:`) and the `title:` are
//! read; the rest of the block is skipped, so an unusual front matter never
//! stops an article from being checked.

use chrono::NaiveDate;

/// The front matter block of a document, if it opens with one.
pub(crate) struct FrontMatter<'a> {
    /// The YAML between the fences.
    pub(crate) yaml: &'a str,
    /// Byte offset where the body starts (after the closing fence line).
    pub(crate) body_start: usize,
}

/// Find a front matter block: `---` on the first line, closed by `---` or
/// `...` on a line of its own.
pub(crate) fn split_front_matter(src: &str) -> Option<FrontMatter<'_>> {
    let src_nobom = src.strip_prefix('\u{feff}').unwrap_or(src);
    let bom = src.len() - src_nobom.len();
    let first_end = src_nobom.find('\n')?;
    if src_nobom[..first_end].trim_end() != "---" {
        return None;
    }
    let yaml_start = bom + first_end + 1;
    let mut pos = yaml_start;
    while pos <= src.len() {
        let line_end = src[pos..].find('\n').map_or(src.len(), |i| pos + i);
        let line = src[pos..line_end].trim_end();
        if line == "---" || line == "..." {
            let body_start = (line_end + 1).min(src.len());
            return Some(FrontMatter {
                yaml: &src[yaml_start..pos],
                body_start,
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

/// Read `published:`/`date:` and `title:` from top-level keys. `published`
/// wins over `date` when both are present.
pub(crate) fn read_meta(yaml: &str) -> Meta {
    let mut meta = Meta::default();
    let mut date = None;
    for line in yaml.lines() {
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        match key.trim() {
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
        let meta = read_meta(fm.yaml);
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2025, 9, 16));
        assert_eq!(meta.title.as_deref(), Some("A b"));
    }

    #[test]
    fn date_key_used_when_no_published() {
        let meta = read_meta("date: 2024-01-02T10:00:00Z\n");
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2024, 1, 2));
    }

    #[test]
    fn unclosed_front_matter_is_not_front_matter() {
        assert!(split_front_matter("---\ntitle: x\nno end").is_none());
    }
}
