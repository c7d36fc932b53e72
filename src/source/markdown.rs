//! Markdown articles: prose from pulldown-cmark's offset iterator, front
//! matter read for metadata and skipped as prose.
//!
//! Code blocks and HTML blocks are not prose; headings, paragraphs, list
//! items and block quotes each become their own paragraph.

use super::front_matter::{read_meta, split_front_matter};
use super::{Loaded, Prose};
use crate::span::Span;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub(crate) fn load_markdown(src: &str) -> Loaded {
    let (body_start, meta) = match split_front_matter(src) {
        Some(fm) => (fm.body_start, read_meta(fm.yaml)),
        None => (0, Default::default()),
    };
    let body = &src[body_start..];
    let mut prose = Prose::new();
    let mut skip_depth = 0usize;
    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        let at = body_start + range.start;
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Image { .. }) => {
                skip_depth += 1;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image) => {
                skip_depth = skip_depth.saturating_sub(1);
            }
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::BlockQuote(_))
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item)
            | Event::Rule => prose.push_paragraph_break(at),
            Event::Text(text) | Event::Code(text) if skip_depth == 0 => {
                let src_text = &src[body_start + range.start..body_start + range.end];
                if src_text == &*text {
                    prose.push_verbatim(&text, at);
                } else {
                    prose.push_decoded(&text, Span::new(at, body_start + range.end));
                }
            }
            Event::SoftBreak | Event::HardBreak if skip_depth == 0 => prose.push_space(at),
            _ => {}
        }
    }
    Loaded {
        prose,
        published: meta.published,
        title: meta.title,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_maps_back_past_front_matter_and_markup() {
        let src = "---\npublished: 2025-09-16\n---\n\n# Head\n\nSome *bold* 48 hostages.\n";
        let loaded = load_markdown(src);
        let text = loaded.prose.text();
        assert_eq!(text, "Head\n\nSome bold 48 hostages.\n\n");
        let at = text.find("48").unwrap();
        let span = loaded.prose.span(at, at + 2);
        assert_eq!(&src[span.range()], "48");
    }
}
