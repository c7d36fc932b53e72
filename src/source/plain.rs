//! Plain-text articles: the file is the prose, byte for byte, after an
//! optional front matter block (read for the publication date and title).
//!
//! Nothing is decoded or reflowed: a plain article's prose offsets are its
//! source offsets, shifted past the front matter.

use super::front_matter::{read_meta, split_front_matter};
use super::{Loaded, Prose};

pub(crate) fn load_plain(src: &str) -> Loaded {
    match split_front_matter(src) {
        Some(fm) => {
            let prose = Prose::verbatim(&src[fm.body_start..], fm.body_start);
            match read_meta(&fm) {
                Ok(meta) => Loaded {
                    prose,
                    published: Ok(meta.published),
                    title: meta.title,
                    outlet: meta.outlet,
                    not_article: false,
                },
                Err(bad) => Loaded {
                    prose,
                    published: Err(bad),
                    title: None,
                    outlet: None,
                    not_article: false,
                },
            }
        }
        None => {
            // A byte order mark is not text.
            let bom = if src.starts_with('\u{feff}') { 3 } else { 0 };
            Loaded {
                prose: Prose::verbatim(&src[bom..], bom),
                published: Ok(None),
                title: None,
                outlet: None,
                not_article: false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn front_matter_gives_the_date_and_is_not_prose() {
        let src = "---\ntitle: \"Talks resume\"\ndate: 2025-09-16\n---\nTalks resumed.\n";
        let loaded = load_plain(src);
        assert_eq!(loaded.prose.text(), "Talks resumed.\n");
        assert_eq!(
            loaded.published.unwrap(),
            NaiveDate::from_ymd_opt(2025, 9, 16)
        );
        assert_eq!(loaded.title.as_deref(), Some("Talks resume"));
        assert_eq!(&src[loaded.prose.span(0, 6).range()], "Talks ");
    }

    #[test]
    fn byte_order_mark_is_skipped_and_offsets_stay_true() {
        let src = "\u{feff}48 captives";
        let loaded = load_plain(src);
        assert_eq!(loaded.prose.text(), "48 captives");
        assert_eq!(&src[loaded.prose.span(0, 2).range()], "48");
    }

    #[test]
    fn text_without_front_matter_is_all_prose() {
        let src = "--- not a fence\nText.";
        let loaded = load_plain(src);
        assert_eq!(loaded.prose.text(), src);
        assert_eq!(loaded.published.unwrap(), None);
    }
}
