//! HTML articles: prose from the body's text, with scripts, styles and
//! navigation skipped and entities decoded; the publication date from
//! `article:published_time`, JSON-LD `datePublished` or `<time datetime>`.

use super::{Loaded, Prose};

pub(crate) fn load_html(src: &str) -> Loaded {
    // Placeholder until the HTML loader lands: tags dropped, text verbatim.
    let mut prose = Prose::new();
    let mut in_tag = false;
    let mut start = 0;
    for (i, c) in src.char_indices() {
        match (c, in_tag) {
            ('<', false) => {
                prose.push_verbatim(&src[start..i], start);
                in_tag = true;
            }
            ('>', true) => {
                in_tag = false;
                start = i + 1;
            }
            _ => {}
        }
    }
    if !in_tag {
        prose.push_verbatim(&src[start..], start);
    }
    Loaded {
        prose,
        published: None,
        title: None,
    }
}
