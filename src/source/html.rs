//! HTML articles: prose from the body's text, with scripts, styles and
//! navigation skipped and entities decoded; the publication date from
//! `article:published_time`, JSON-LD `datePublished` or `<time datetime>`.
//!
//! The page is read with html5gum's tokenizer, whose tokens carry byte
//! spans: text between tags is copied verbatim from the source, each
//! character reference is decoded onto its own source range, and whitespace
//! runs fold to one space, so a claim right after an entity or a tag still
//! maps to its exact line and column. The walk runs twice: the first
//! builds the element tree [`super::html_article`] chooses the article
//! from, the second keeps only the prose of the chosen elements (a short
//! page is read whole after the first). It is not a full DOM: misnested
//! tags are closed as far as choosing the article needs.

use super::html_article::{choose_article, Choice};
use super::html_meta::HtmlMeta;
use super::html_text::push_html_text;
use super::html_tree::Tree;
use super::{Loaded, Prose};
use crate::span::Span;
use html5gum::{DefaultEmitter, EndTag, HtmlString, StartTag, Token, Tokenizer};

/// Elements whose content is never article prose.
const SKIPPED: &[&str] = &[
    "aside", "audio", "button", "canvas", "footer", "form", "head", "header", "iframe", "map",
    "math", "nav", "noscript", "object", "script", "select", "style", "svg", "template",
    "textarea", "video",
];

/// ARIA roles that mark page furniture, skipped like the elements of the
/// same meaning (`role="navigation"` is a `<nav>`).
const SKIPPED_ROLES: &[&str] = &[
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "navigation",
    "search",
];

/// Class names that hide an element from sighted readers (screen-reader
/// text, skip links, CSS frameworks' hidden class): whole class names only,
/// so `hidden-xs` or `has-comments` never hide an article.
const HIDDEN_CLASSES: &[&str] = &[
    "element-invisible",
    "hidden",
    "screen-reader-only",
    "screen-reader-text",
    "skip-link",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
];

/// Elements that never have content or an end tag.
pub(super) const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Skipped elements that sit between blocks: entering or leaving one ends
/// the paragraph.
const SKIPPED_BLOCKS: &[&str] = &[
    "aside", "footer", "form", "head", "header", "nav", "template",
];

/// Skipped elements whose content the tokenizer reads as raw text up to the
/// closing tag, so `<script/>` still opens one.
const RAW_TEXT: &[&str] = &[
    "iframe", "noscript", "script", "style", "template", "textarea",
];

/// Elements that begin and end a paragraph of prose.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements allowed inside `<head>`: any other start tag ends a head whose
/// `</head>` was left out, as browsers do.
const HEAD_CONTENT: &[&str] = &[
    "base", "link", "meta", "noscript", "script", "style", "template", "title",
];

pub(crate) fn load_html(src: &str) -> Loaded {
    let survey = walk(src, None);
    let (prose, not_article) = match choose_article(&survey.tree) {
        Choice::Whole => (survey.prose, false),
        Choice::Keep(keep) => (walk(src, Some(keep)).prose, false),
        Choice::NotArticle => (Prose::new(), true),
    };
    let published = survey.meta.published();
    let outlet = survey.meta.outlet.clone();
    Loaded {
        prose,
        published: Ok(published),
        title: survey.meta.into_title(),
        outlet,
        not_article,
    }
}

/// Walk the page's tokens, keeping the prose of the elements `keep` marks
/// (by node id of the tree the walk builds), or all of it.
fn walk(src: &str, keep: Option<Vec<bool>>) -> Walker<'_> {
    let mut walker = Walker {
        src,
        prose: Prose::new(),
        skipping: vec![0; SKIPPED.len()],
        kept: vec![0; SKIPPED.len()],
        in_article: 0,
        hidden: None,
        in_title: false,
        in_json_ld: false,
        buffer: String::new(),
        meta: HtmlMeta::default(),
        tree: if keep.is_some() {
            Tree::structure_only()
        } else {
            Tree::new()
        },
        keep,
        seen_text: false,
    };
    for token in tokens(src, true) {
        walker.token(token);
    }
    walker
}

/// The tokens of `src`, with their byte spans; with `naive`, html5gum
/// switches to raw text after `<script>` and the like itself. The page
/// walk and the entity decoder ([`super::html_entity`]) share this one
/// tokenizer type, so html5gum's state machine is compiled once.
pub(super) fn tokens(src: &str, naive: bool) -> impl Iterator<Item = Token<usize>> + '_ {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(naive);
    Tokenizer::new_with_emitter(src, emitter).map(|token| {
        let Ok(token) = token;
        token
    })
}

/// State of the walk over the page's tokens.
struct Walker<'a> {
    src: &'a str,
    prose: Prose,
    /// Open count of each element of [`SKIPPED`].
    skipping: Vec<u32>,
    /// Open count of each element of [`SKIPPED`] kept as prose (see
    /// [`Walker::is_kept`]).
    kept: Vec<u32>,
    /// Open `<article>` and `<main>` elements.
    in_article: u32,
    /// An element hidden by its attributes (`hidden`, `aria-hidden`, a
    /// furniture `role`, `display:none`), with the open count of elements
    /// of its name inside it, so the right end tag ends the skip.
    hidden: Option<(String, u32)>,
    in_title: bool,
    in_json_ld: bool,
    /// Text of the `<title>` or JSON-LD script being read.
    buffer: String,
    meta: HtmlMeta,
    /// The page's elements, with the prose in each (first walk).
    tree: Tree,
    /// Which elements' prose to keep, by node id (second walk).
    keep: Option<Vec<bool>>,
    /// Whether any prose has been read, kept or not.
    seen_text: bool,
}

impl Walker<'_> {
    fn token(&mut self, token: Token<usize>) {
        match token {
            Token::StartTag(tag) => self.start_tag(&tag),
            Token::EndTag(tag) => self.end_tag(&tag),
            Token::String(s) => {
                if self.in_title || self.in_json_ld {
                    self.buffer.push_str(&String::from_utf8_lossy(&s.value));
                } else if !self.is_skipping() {
                    self.push_text(s.span.start, s.span.end, &s);
                }
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }

    /// Text between tags: into the tree on the first walk, into the prose
    /// when its element is kept.
    fn push_text(&mut self, start: usize, end: usize, decoded: &[u8]) {
        if !self.is_kept_here() {
            if !self.seen_text {
                let mut scratch = Prose::new();
                push_html_text(&mut scratch, self.src, start, end, decoded);
                self.seen_text = !scratch.text().trim().is_empty();
            }
            return;
        }
        let before = self.prose.text().len();
        push_html_text(&mut self.prose, self.src, start, end, decoded);
        let added = &self.prose.text()[before..];
        self.seen_text |= !added.trim().is_empty();
        if self.keep.is_none() {
            self.tree.add_text(added);
        }
    }

    /// Whether the innermost open element's prose is kept.
    fn is_kept_here(&self) -> bool {
        self.keep
            .as_ref()
            .is_none_or(|k| k.get(self.tree.current() as usize).copied().unwrap_or(true))
    }

    fn is_skipping(&self) -> bool {
        self.hidden.is_some() || self.skipping.iter().any(|&n| n > 0)
    }

    fn start_tag(&mut self, tag: &StartTag<usize>) {
        let name = lossy(&tag.name);
        let name = name.as_ref();
        let attr = |key: &str| tag.attributes.get(key.as_bytes()).map(|v| lossy(v));
        self.tree.open(name, tag.self_closing, &|k| {
            attr(k).map(|v| v.into_owned()).unwrap_or_default()
        });
        let head = position(SKIPPED, "head");
        if self.skipping[head] > 0 && !HEAD_CONTENT.contains(&name) {
            self.skipping[head] = 0;
        }
        match name {
            "meta" => {
                let key = attr("property")
                    .or_else(|| attr("name"))
                    .or_else(|| attr("itemprop"));
                if let (Some(k), Some(c)) = (key, attr("content")) {
                    self.meta.read_meta_tag(&k, &c);
                }
            }
            "time" => {
                if let Some(d) = attr("datetime") {
                    // A `<time>` marked as the publication date is as good
                    // as the `<meta>` that says so.
                    let marked = tag.attributes.contains_key(b"pubdate".as_slice())
                        || attr("itemprop")
                            .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"));
                    if marked {
                        self.meta.read_meta_tag("datePublished", &d);
                    }
                    self.meta.read_time_tag(&d);
                }
            }
            "title" if self.meta.title.is_none() && !self.in_svg() => {
                self.in_title = true;
                self.buffer.clear();
            }
            "script" if attr("type").is_some_and(|t| t.contains("ld+json")) => {
                self.in_json_ld = true;
                self.buffer.clear();
            }
            _ => {}
        }
        if let Some((hidden, depth)) = &mut self.hidden {
            if hidden == name && !tag.self_closing {
                *depth += 1;
            }
        } else if !VOID.contains(&name) && !tag.self_closing && is_hidden(tag) {
            if BLOCKS.contains(&name) && !self.is_skipping() {
                self.prose.push_paragraph_break(tag.span.start);
            }
            self.hidden = Some((name.to_owned(), 1));
        }
        if matches!(name, "article" | "main") && !self.is_skipping() && !tag.self_closing {
            self.in_article += 1;
        }
        if let Some(i) = SKIPPED.iter().position(|s| *s == name) {
            if self.is_kept(name) {
                self.kept[i] += 1;
                self.prose.push_paragraph_break(tag.span.start);
                return;
            }
            if !tag.self_closing || RAW_TEXT.contains(&name) {
                self.skipping[i] += 1;
            }
            if SKIPPED_BLOCKS.contains(&name) && !self.is_skipping_other_than(i) {
                self.prose.push_paragraph_break(tag.span.start);
            }
            return;
        }
        if self.is_skipping() {
            return;
        }
        if BLOCKS.contains(&name) {
            self.prose.push_paragraph_break(tag.span.start);
        } else if name == "q" && self.is_kept_here() {
            // The quotation marks a browser draws around `<q>`.
            self.prose.push_decoded("\u{201c}", span(tag.span));
        }
    }

    fn end_tag(&mut self, tag: &EndTag<usize>) {
        let name = lossy(&tag.name);
        let name = name.as_ref();
        let was_kept = self.is_kept_here();
        self.tree.close(name);
        match name {
            "title" if self.in_title => {
                self.in_title = false;
                self.meta.title = Some(std::mem::take(&mut self.buffer));
            }
            "script" if self.in_json_ld => {
                self.in_json_ld = false;
                let json = std::mem::take(&mut self.buffer);
                self.meta.read_json_ld(&json);
            }
            _ => {}
        }
        if let Some((hidden, depth)) = &mut self.hidden {
            if hidden == name {
                *depth -= 1;
                if *depth == 0 {
                    self.hidden = None;
                }
            }
        }
        if matches!(name, "article" | "main") && !self.is_skipping() {
            self.in_article = self.in_article.saturating_sub(1);
        }
        if let Some(i) = SKIPPED.iter().position(|s| *s == name) {
            if self.skipping[i] == 0 && self.kept[i] > 0 {
                self.kept[i] -= 1;
                self.prose.push_paragraph_break(tag.span.start);
                return;
            }
            self.skipping[i] = self.skipping[i].saturating_sub(1);
            if SKIPPED_BLOCKS.contains(&name) && !self.is_skipping() {
                self.prose.push_paragraph_break(tag.span.end);
            }
            return;
        }
        if self.is_skipping() {
            return;
        }
        if BLOCKS.contains(&name) {
            self.prose.push_paragraph_break(tag.span.start);
        } else if name == "q" && was_kept {
            self.prose.push_decoded("\u{201d}", span(tag.span));
        }
    }

    /// Whether a furniture element is kept as prose where it opens: the
    /// header and footer of an article (its headline, byline, correction
    /// notes), and a `<form>` that wraps the whole page (as ASP.NET pages
    /// do) rather than a search box or a sign-up form.
    fn is_kept(&self, name: &str) -> bool {
        if self.is_skipping() {
            return false;
        }
        match name {
            "header" | "footer" => self.in_article > 0,
            "form" => self.in_article == 0 && !self.seen_text,
            _ => false,
        }
    }

    fn in_svg(&self) -> bool {
        self.skipping[position(SKIPPED, "svg")] > 0
    }

    fn is_skipping_other_than(&self, i: usize) -> bool {
        self.skipping
            .iter()
            .enumerate()
            .any(|(j, &n)| j != i && n > 0)
    }
}

/// Whether a start tag's attributes hide it from readers.
fn is_hidden(tag: &StartTag<usize>) -> bool {
    let attr = |key: &str| tag.attributes.get(key.as_bytes()).map(|v| lossy(v));
    tag.attributes.contains_key(b"hidden".as_slice())
        || attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        || attr("role").is_some_and(|v| SKIPPED_ROLES.contains(&v.trim()))
        || attr("class").is_some_and(|v| {
            v.split_ascii_whitespace()
                .any(|c| HIDDEN_CLASSES.contains(&c))
        })
        || attr("style").is_some_and(|v| {
            let compact: String = v.chars().filter(|c| !c.is_whitespace()).collect();
            compact.to_ascii_lowercase().contains("display:none")
        })
}

fn position(list: &[&str], name: &str) -> usize {
    list.iter().position(|s| *s == name).unwrap_or(0)
}

fn lossy(s: &HtmlString) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(s)
}

fn span(s: html5gum::Span<usize>) -> Span {
    Span::new(s.start, s.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn prose_of(html: &str) -> String {
        load_html(html).prose.text().trim_end().to_owned()
    }

    /// The source text that prose word `word` maps to.
    fn source_of<'a>(html: &'a str, word: &str) -> &'a str {
        let loaded = load_html(html);
        let at = loaded.prose.text().find(word).expect("word in prose");
        &html[loaded.prose.span(at, at + word.len()).range()]
    }

    #[test]
    fn body_text_without_page_furniture() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <nav>Home</nav><header>Site</header><p>Hello <b>big</b> world.</p>\
            <script>var x = 1;</script><aside>Ad</aside><footer>(c)</footer></body></html>";
        assert_eq!(prose_of(html), "Hello big world.");
    }

    #[test]
    fn blocks_are_paragraphs_and_inline_tags_do_not_split_words() {
        let html = "<h1>Head</h1><p>One <em>two</em>three</p><ul><li>A</li><li>B</li></ul>x<br>y";
        assert_eq!(prose_of(html), "Head\n\nOne twothree\n\nA\n\nB\n\nx\n\ny");
    }

    #[test]
    fn newlines_inside_a_paragraph_are_one_space() {
        let html = "<p>\n  Officials said\n\n   on Tuesday\n</p>";
        assert_eq!(prose_of(html), "Officials said on Tuesday");
    }

    #[test]
    fn entities_are_decoded_and_text_after_them_maps_exactly() {
        let html = "<p>AT&amp;T&#8217;s 48&nbsp;captives &ldquo;x&rdquo;</p>";
        assert_eq!(
            prose_of(html),
            "AT&T\u{2019}s 48 captives \u{201c}x\u{201d}"
        );
        assert_eq!(source_of(html, "48"), "48");
        assert_eq!(source_of(html, "captives"), "captives");
        assert_eq!(source_of(html, "\u{2019}"), "&#8217;");
    }

    #[test]
    fn crlf_and_multibyte_text_keep_exact_offsets() {
        let html = "<p>caf\u{e9}\r\n\u{1f600} 48 x</p>\r\n<p>\u{201c}y\u{201d} 7</p>";
        assert_eq!(
            prose_of(html),
            "caf\u{e9} \u{1f600} 48 x\n\n\u{201c}y\u{201d} 7"
        );
        assert_eq!(source_of(html, "48"), "48");
        assert_eq!(source_of(html, "7"), "7");
    }

    #[test]
    fn publication_date_from_meta_property() {
        let html = r#"<head><meta property="article:published_time" content="2025-09-16T10:00:00Z"></head><p>x</p>"#;
        assert_eq!(
            load_html(html).published.unwrap(),
            NaiveDate::from_ymd_opt(2025, 9, 16)
        );
    }

    #[test]
    fn publication_date_from_json_ld_then_time() {
        let html = r#"<script type="application/ld+json">{"datePublished": "2024-05-06"}</script>
            <p><time datetime="2020-01-01">then</time></p>"#;
        assert_eq!(
            load_html(html).published.unwrap(),
            NaiveDate::from_ymd_opt(2024, 5, 6)
        );
        let html = r#"<p>By X, <time datetime="2020-01-02T09:00">Jan 2</time></p>"#;
        assert_eq!(
            load_html(html).published.unwrap(),
            NaiveDate::from_ymd_opt(2020, 1, 2)
        );
    }

    #[test]
    fn time_marked_as_published_outranks_json_ld() {
        let html = r#"<script type="application/ld+json">{"datePublished": "2024-05-06"}</script>
            <p><time datetime="2019-01-01">old</time>
            <time itemprop="datePublished" datetime="2024-05-07">new</time></p>"#;
        assert_eq!(
            load_html(html).published.unwrap(),
            NaiveDate::from_ymd_opt(2024, 5, 7)
        );
    }

    #[test]
    fn title_from_title_element_is_not_prose() {
        let loaded = load_html("<title>A &amp; B</title><p>Body</p>");
        assert_eq!(loaded.title.as_deref(), Some("A & B"));
        assert_eq!(loaded.prose.text().trim(), "Body");
    }

    #[test]
    fn head_without_closing_tag_ends_at_first_body_element() {
        assert_eq!(prose_of("<head><title>T</title><p>Body text"), "Body text");
    }

    #[test]
    fn hidden_elements_and_furniture_roles_are_skipped_to_their_own_end() {
        let html = "<p>Kept</p><div role=\"navigation\"><div>Menu</div><div>More</div></div>\
            <p>Also kept</p><span hidden>Secret</span><div style=\"display: none\">X</div>\
            <div aria-hidden=\"true\">Y</div><a class=\"skip-link x\" href=\"#\">Skip</a><p>End <span hidden>Z</span>here</p>";
        assert_eq!(prose_of(html), "Kept\n\nAlso kept\n\nEnd here");
    }

    #[test]
    fn an_articles_own_header_is_prose_but_the_page_header_is_not() {
        let html = "<header>Site name</header><article><header><h1>Strike kills 3</h1>\
            </header><p>Body.</p><footer>Correction: an earlier version erred.</footer></article>\
            <footer>Contact us</footer>";
        assert_eq!(
            prose_of(html),
            "Strike kills 3\n\nBody.\n\nCorrection: an earlier version erred."
        );
    }

    #[test]
    fn page_wrapping_form_is_prose_but_a_sign_up_form_is_not() {
        let html = "<body><form id=\"page\"><div><p>Body.</p>\
            <form><label>Email</label><button>Sign up</button></form><p>More.</p></div></form>";
        assert_eq!(prose_of(html), "Body.\n\nMore.");
    }

    #[test]
    fn byte_order_mark_is_not_prose() {
        assert_eq!(prose_of("\u{feff}Text <p>More"), "Text \n\nMore");
    }

    #[test]
    fn q_element_gets_quotation_marks() {
        assert_eq!(
            prose_of("<p>He said <q>no</q>.</p>"),
            "He said \u{201c}no\u{201d}."
        );
    }

    #[test]
    fn comments_and_svg_titles_are_not_prose() {
        let html = "<p>A<!-- hidden --> B<svg><title>icon</title></svg></p>";
        assert_eq!(prose_of(html), "A B");
        assert_eq!(load_html(html).title, None);
    }

    #[test]
    fn unclosed_tags_and_stray_brackets_do_not_panic() {
        for html in [
            "<p>a < b",
            "<",
            "&",
            "&#",
            "<p>x</",
            "<!--",
            "<script>",
            "é&é;<é",
        ] {
            let loaded = load_html(html);
            let n = loaded.prose.text().len();
            let s = loaded.prose.span(0, n);
            assert!(html.get(s.range()).is_some(), "{html:?}");
        }
    }
}
