//! Markdown articles: prose from pulldown-cmark's offset iterator, front
//! matter read for metadata and skipped as prose.
//!
//! Headings, paragraphs, list items, block quotes and table cells each
//! become their own paragraph. Link text is prose; URLs, autolinks, images,
//! code blocks, raw HTML and HTML comments are not. Text the parser copies
//! from the file maps byte for byte; text it decoded (an entity, an escape)
//! maps onto its own source range. This loader does not render Markdown.

use super::front_matter::{read_meta, split_front_matter};
use super::{Loaded, Prose};
use crate::span::Span;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

pub(crate) fn load_markdown(src: &str) -> Loaded {
    let (body_start, meta) = match split_front_matter(src) {
        Some(fm) => (fm.body_start, read_meta(&fm)),
        // A byte order mark is not text.
        None if src.starts_with('\u{feff}') => ('\u{feff}'.len_utf8(), Ok(Default::default())),
        None => (0, Ok(Default::default())),
    };
    let body = &src[body_start..];
    let mut prose = Prose::new();
    // Open elements whose text is not prose: code blocks, HTML blocks,
    // images (alt text) and autolinks (the URL itself).
    let mut skip_depth = 0usize;
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let at = body_start + range.start;
        let end = body_start + range.end;
        match event {
            Event::Start(
                Tag::CodeBlock(_)
                | Tag::HtmlBlock
                | Tag::Image { .. }
                | Tag::Link {
                    link_type: LinkType::Autolink | LinkType::Email,
                    ..
                },
            ) => skip_depth += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image) => {
                skip_depth = skip_depth.saturating_sub(1);
            }
            Event::End(TagEnd::Link) if is_autolink(&src[at..end]) => {
                skip_depth = skip_depth.saturating_sub(1);
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::TableCell
                | Tag::FootnoteDefinition(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableCell
                | TagEnd::FootnoteDefinition,
            )
            | Event::Rule => prose.push_paragraph_break(at),
            Event::Text(text) if skip_depth == 0 => {
                if src[at..end] == *text {
                    prose.push_verbatim(&text, at);
                } else {
                    prose.push_decoded(&text, Span::new(at, end));
                }
            }
            Event::Code(text) if skip_depth == 0 => match src[at..end].find(&*text) {
                // The text inside the backticks, verbatim.
                Some(i) => prose.push_verbatim(&text, at + i),
                None => prose.push_decoded(&text, Span::new(at, end)),
            },
            Event::SoftBreak | Event::HardBreak if skip_depth == 0 => prose.push_space(at),
            // A line break written as HTML ends a paragraph, as in the HTML
            // loader.
            Event::InlineHtml(html) if is_br(&html) => prose.push_paragraph_break(at),
            _ => {}
        }
    }
    let (published, title, outlet) = match meta {
        Ok(m) => (Ok(m.published), m.title, m.outlet),
        Err(bad) => (Err(bad), None, None),
    };
    Loaded {
        prose,
        published,
        title,
        outlet,
        not_article: false,
    }
}

/// Whether inline HTML is a `<br>` tag.
fn is_br(html: &str) -> bool {
    let tag = html.trim_start_matches('<').trim_start_matches('/');
    tag.get(..2).is_some_and(|t| t.eq_ignore_ascii_case("br"))
        && !tag[2..].starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// Whether a link's source is an autolink (`<https://...>`), whose end event
/// does not say so.
fn is_autolink(link_src: &str) -> bool {
    link_src.starts_with('<') && link_src.ends_with('>')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Document;

    fn prose_of(src: &str) -> String {
        load_markdown(src).prose.text().trim_end().to_owned()
    }

    /// The source text that prose word `word` maps to.
    fn source_of<'a>(src: &'a str, word: &str) -> &'a str {
        let loaded = load_markdown(src);
        let at = loaded.prose.text().find(word).expect("word in prose");
        &src[loaded.prose.span(at, at + word.len()).range()]
    }

    #[test]
    fn prose_maps_back_past_front_matter_and_markup() {
        let src = "---\npublished: 2025-09-16\n---\n\n# Head\n\nSome *bold* 48 captives.\n";
        let loaded = load_markdown(src);
        let text = loaded.prose.text();
        assert_eq!(text, "Head\n\nSome bold 48 captives.\n\n");
        assert_eq!(source_of(src, "48"), "48");
    }

    #[test]
    fn front_matter_title_quotes_are_not_quotations() {
        let src = "---\ntitle: \"Talks 'stalled', minister says\"\ndate: 2025-01-01\n---\nBody.\n";
        let loaded = load_markdown(src);
        assert_eq!(loaded.prose.text().trim(), "Body.");
        assert!(Document::new(loaded.prose.text()).quotations.is_empty());
        assert_eq!(
            loaded.title.as_deref(),
            Some("Talks 'stalled', minister says")
        );
    }

    #[test]
    fn markdown_without_front_matter_is_all_body() {
        let src = "Plain paragraph.\n\nAnother one.";
        assert_eq!(prose_of(src), "Plain paragraph.\n\nAnother one.");
        assert_eq!(load_markdown(src).published.unwrap(), None);
    }

    #[test]
    fn link_text_is_prose_and_urls_are_not() {
        let src = "See [the report](https://example.com/a) and <https://example.com/b>.";
        assert_eq!(prose_of(src), "See the report and .");
    }

    #[test]
    fn inline_html_and_comments_are_not_prose() {
        let src =
            "One <span class=\"x\">two</span> three<!-- note -->.\n\n<!--\nhidden\n-->\n\nFour.";
        assert_eq!(prose_of(src), "One two three.\n\nFour.");
    }

    #[test]
    fn inline_br_tag_ends_a_paragraph() {
        assert_eq!(
            prose_of("By Jane Roe<br/>Reporter<BR>Desk <bro>"),
            "By Jane Roe\n\nReporter\n\nDesk"
        );
    }

    #[test]
    fn list_items_and_block_quotes_are_paragraphs() {
        let src = "- first item\n- second item\n\n> quoted line\n> goes on\n\nAfter.";
        assert_eq!(
            prose_of(src),
            "first item\n\nsecond item\n\nquoted line goes on\n\nAfter."
        );
    }

    #[test]
    fn code_and_images_are_not_prose_but_code_spans_map_inside_backticks() {
        let src = "Text ![alt words](i.png) `48`\n\n```\ncode 12\n```\n";
        assert_eq!(prose_of(src), "Text  48");
        assert_eq!(source_of(src, "48"), "48");
    }

    #[test]
    fn entities_and_escapes_map_onto_their_own_source() {
        let src = "AT&amp;T \\*12\\* said&nbsp;48 ships";
        assert_eq!(prose_of(src), "AT&T *12* said\u{a0}48 ships");
        assert_eq!(source_of(src, "&"), "&amp;");
        assert_eq!(source_of(src, "48"), "48");
        assert_eq!(source_of(src, "12"), "12");
    }
}
