//! Which part of an HTML page is the article: a readability-style choice
//! among the page's elements, so that navigation, share widgets, "related
//! stories", cookie notices and footers are not read as prose.
//!
//! The HTML walk ([`super::html`]) runs twice over the same tokens. The
//! first walk builds a [`Tree`] ([`super::html_tree`]): every element with
//! its parent, what its class and id hint, and how much prose (and link
//! text) sits directly in it. [`choose_article`] scores the elements the way Mozilla's Readability
//! does (each paragraph of real prose scores its ancestors; link-heavy
//! elements lose), prefers the element a page marks as the article body
//! (`itemprop="articleBody"`, `<article>`, `<main>`), and keeps its best
//! siblings; inside the choice, link lists and elements whose class names
//! furniture are dropped. The second walk keeps only the prose of kept
//! elements, so every byte still maps to the file as stored.
//!
//! Nothing here reads text: it sees lengths, commas, names and attributes.

use super::html_tree::{Node, Tree};

/// Class and id words of elements that are never the article: removed
/// with their content unless they also name content ([`MAYBE`]).
const UNLIKELY: &[&str] = &[
    "agegate",
    "banner",
    "breadcrumb",
    "comment",
    "community",
    "consent",
    "cookie",
    "disqus",
    "footer",
    "gdpr",
    "masthead",
    "menu",
    "newsletter",
    "outbrain",
    "pagination",
    "popup",
    "recirc",
    "related",
    "remark",
    "replies",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "skyscraper",
    "social",
    "sponsor",
    "subscribe",
    "taboola",
    "trending",
];

/// Class and id words that keep an [`UNLIKELY`] element a candidate.
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "story",
];

/// Class and id words that raise an element's weight.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "main", "page", "post", "story", "text",
];

/// Class and id words that lower an element's weight.
const NEGATIVE: &[&str] = &[
    "byline",
    "caption",
    "combx",
    "comment",
    "contact",
    "credit",
    "foot",
    "hidden",
    "meta",
    "newsletter",
    "promo",
    "related",
    "scroll",
    "share",
    "shopping",
    "sidebar",
    "skyscraper",
    "sponsor",
    "tags",
    "tool",
    "widget",
];

/// Class and id words (whole words only) that lower an element's weight.
const NEGATIVE_WORDS: &[&str] = &["ad", "ads", "advert", "advertisement", "promo"];

/// Prose below which a block is not a paragraph worth scoring.
const MIN_PARAGRAPH: u32 = 25;

/// Fewer headlines than this never make a page an index.
const MIN_INDEX: u32 = 8;

/// A page with less prose than this is read whole: nothing to choose
/// between, and too little to call it something other than an article.
const MIN_PAGE: u32 = 1000;

/// What an element's attributes say of it.
#[derive(Debug, Default)]
pub(crate) struct Hints {
    /// Readability's class and id weight, plus 50 for a mark of the
    /// article body.
    pub(crate) weight: i32,
    /// Its class or id names furniture ([`UNLIKELY`]).
    pub(crate) unlikely: bool,
    /// It is marked as the article body (`itemprop="articleBody"`).
    pub(crate) marked: bool,
}

/// Read an element's class, id and `itemprop`; `attr` gives an
/// attribute's value, empty when absent.
pub(crate) fn element_hints(attr: &dyn Fn(&str) -> String) -> Hints {
    let (class, id) = (attr("class"), attr("id"));
    let names = format!("{class} {id}").to_ascii_lowercase();
    let marked = attr("itemprop")
        .split_ascii_whitespace()
        .any(|p| p.eq_ignore_ascii_case("articlebody"));
    Hints {
        weight: class_weight(&class) + class_weight(&id) + if marked { 50 } else { 0 },
        unlikely: has_any(&names, UNLIKELY) && !has_any(&names, MAYBE) && !marked,
        marked,
    }
}

/// What [`choose_article`] decided.
#[derive(Debug)]
pub(crate) enum Choice {
    /// Read the whole page (it is short, or nothing stands out).
    Whole,
    /// Read the prose of the elements marked `true`, by node id.
    Keep(Vec<bool>),
    /// The page is not an article (an index or listing page): no prose.
    NotArticle,
}

/// Sums over each element's subtree.
struct Totals {
    text: Vec<u32>,
    links: Vec<u32>,
    commas: Vec<u32>,
    paragraphs: Vec<u32>,
    items: Vec<u32>,
}

impl Totals {
    fn of(tree: &Tree) -> Totals {
        let n = tree.nodes.len();
        let mut t = Totals {
            text: tree.nodes.iter().map(|x| x.own_text).collect(),
            links: tree.nodes.iter().map(|x| x.own_links).collect(),
            commas: tree.nodes.iter().map(|x| x.own_commas).collect(),
            paragraphs: tree
                .nodes
                .iter()
                .map(|x| u32::from(&*x.name == "p" && x.own_text > 0))
                .collect(),
            items: tree
                .nodes
                .iter()
                .map(|x| u32::from(&*x.name == "li"))
                .collect(),
        };
        // Children come after their parents: one backward pass sums them.
        for i in (1..n).rev() {
            let p = tree.nodes[i].parent as usize;
            t.text[p] += t.text[i];
            t.links[p] += t.links[i];
            t.commas[p] += t.commas[i];
            t.paragraphs[p] += t.paragraphs[i];
            t.items[p] += t.items[i];
        }
        t
    }

    fn link_density(&self, i: usize) -> f64 {
        if self.text[i] == 0 {
            0.0
        } else {
            f64::from(self.links[i]) / f64::from(self.text[i])
        }
    }
}

/// Choose the elements whose prose is the article.
pub(crate) fn choose_article(tree: &Tree) -> Choice {
    let nodes = &tree.nodes;
    let totals = Totals::of(tree);
    if totals.text[0] < MIN_PAGE {
        return Choice::Whole;
    }
    // A class that names furniture on an element holding most of the page
    // is a layout wrapper's name ("content-sidebar-wrap"), not furniture.
    let is_unlikely = |i: usize| nodes[i].unlikely && totals.text[i] * 2 < totals.text[0];
    let unlikely = inherited(nodes, is_unlikely);
    // Each paragraph scores its ancestors: its parent in full, its
    // grandparent half, further ones less (Readability's scoring).
    let mut score: Vec<Option<f64>> = vec![None; nodes.len()];
    for (i, node) in nodes.iter().enumerate().skip(1) {
        if node.own_text < MIN_PARAGRAPH || unlikely[i] {
            continue;
        }
        let points =
            1.0 + f64::from(node.own_commas) + (f64::from(node.own_text) / 100.0).floor().min(3.0);
        let mut a = node.parent as usize;
        for level in 0..5 {
            if a == 0 {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => f64::from(level) * 3.0,
            };
            *score[a].get_or_insert(f64::from(nodes[a].hint + tag_weight(&nodes[a].name))) +=
                points / divider;
            a = nodes[a].parent as usize;
        }
    }
    let final_score = |i: usize| score[i].map(|s| s * (1.0 - totals.link_density(i)));
    let marked = (1..nodes.len()).find(|&i| nodes[i].marked && totals.text[i] >= MIN_PARAGRAPH * 4);
    let best = (1..nodes.len())
        .filter_map(|i| final_score(i).map(|s| (i, s)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    let Some((mut top, top_score)) = marked.map(|m| (m, final_score(m).unwrap_or(0.0))).or(best)
    else {
        return Choice::Whole;
    };
    // An element that is all its parent holds stands for the parent.
    while top != 0 {
        let p = nodes[top].parent as usize;
        if p == 0 || totals.text[p] != totals.text[top] || is_unlikely(p) {
            break;
        }
        top = p;
    }
    let mut roots = vec![false; nodes.len()];
    roots[top] = true;
    let parent = nodes[top].parent as usize;
    let threshold = (top_score * 0.2).max(10.0);
    // The page's own mark of its article body is taken as it is; a scored
    // choice takes its siblings that score nearly as well.
    let siblings = if marked.is_some() { 0 } else { nodes.len() };
    for s in (1..siblings).filter(|&s| s != top && nodes[s].parent as usize == parent) {
        if unlikely[s] {
            continue;
        }
        let ld = totals.link_density(s);
        let text = totals.text[s];
        let keep = final_score(s).is_some_and(|x| x >= threshold)
            || (&*nodes[s].name == "p"
                && ((text > 80 && ld < 0.25)
                    || (text > 0 && ld == 0.0 && nodes[s].own_sentence_end)));
        roots[s] = keep;
    }
    if !is_article(nodes, &roots) {
        return Choice::NotArticle;
    }
    let chosen: u32 = (1..nodes.len())
        .filter(|&i| roots[i])
        .map(|i| totals.text[i])
        .sum();
    let mut keep = vec![false; nodes.len()];
    for i in 1..nodes.len() {
        let p = nodes[i].parent as usize;
        // What holds most of the chosen prose is the article's own wrapper.
        let is_wrapper = totals.text[i] * 2 > chosen;
        keep[i] = roots[i] || (keep[p] && (is_wrapper || !is_furniture(nodes, &totals, i)));
    }
    Choice::Keep(keep)
}

/// Whether each element or one of its ancestors satisfies `f`.
fn inherited(nodes: &[Node], f: impl Fn(usize) -> bool) -> Vec<bool> {
    let mut out = vec![false; nodes.len()];
    for i in 1..nodes.len() {
        out[i] = f(i) || out[nodes[i].parent as usize];
    }
    out
}

/// Whether an element inside the article is furniture to drop: named as
/// such, mostly links, or a list of items with no paragraphs (Readability's
/// "clean conditionally").
fn is_furniture(nodes: &[Node], t: &Totals, i: usize) -> bool {
    let node = &nodes[i];
    if node.unlikely {
        return true;
    }
    if !matches!(
        &*node.name,
        "div" | "section" | "ul" | "ol" | "table" | "form" | "aside" | "figure" | "dl"
    ) {
        return false;
    }
    if node.hint < 0 && t.text[i] > 0 {
        return true;
    }
    if t.commas[i] >= 10 {
        return false;
    }
    let ld = t.link_density(i);
    let is_list = matches!(&*node.name, "ul" | "ol");
    (node.hint < 25 && ld > 0.2)
        || ld > 0.5
        || (!is_list && t.items[i] > t.paragraphs[i] && t.items[i] > 3 && ld > 0.1)
}

/// Whether the chosen prose reads as an article rather than an index of
/// links: not mostly link text, and, unless it has long paragraphs
/// (Readability's `isProbablyReaderable`: each paragraph of over 140
/// characters counts the square root of its excess, 20 in all), not a
/// list of stories: at least [`MIN_INDEX`] headline-sized links, as many
/// as its paragraphs (their teasers), a quarter of its text or more.
fn is_article(nodes: &[Node], roots: &[bool]) -> bool {
    let inside = inherited(nodes, |i| roots[i]);
    let (mut text, mut links, mut readable) = (0, 0, 0.0);
    let (mut headlines, mut paragraphs) = (0, 0);
    for (_, node) in nodes.iter().enumerate().filter(|&(i, _)| inside[i]) {
        text += node.own_text;
        links += node.own_links;
        if node.own_text > 140 && node.own_links * 4 < node.own_text {
            readable += f64::from(node.own_text - 140).sqrt();
        }
        if node.own_links * 2 > node.own_text && node.own_text >= 15 {
            headlines += 1;
        } else if node.own_text >= MIN_PARAGRAPH {
            paragraphs += 1;
        }
    }
    if links * 2 > text {
        return false;
    }
    let is_index = headlines >= MIN_INDEX && headlines >= paragraphs && links * 4 > text;
    readable > 20.0 || !is_index
}

/// Readability's weight of a class or id: +25 when it names content,
/// -25 when it names furniture.
fn class_weight(names: &str) -> i32 {
    let names = names.to_ascii_lowercase();
    if names.trim().is_empty() {
        return 0;
    }
    let mut w = 0;
    if has_any(&names, NEGATIVE) || words(&names).any(|x| NEGATIVE_WORDS.contains(&x)) {
        w -= 25;
    }
    if has_any(&names, POSITIVE) {
        w += 25;
    }
    w
}

/// Readability's weight of an element by its name, with the elements
/// that mean "the article" raised.
fn tag_weight(name: &str) -> i32 {
    match name {
        "article" | "main" => 10,
        "div" => 5,
        "pre" | "td" | "blockquote" => 3,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5,
        _ => 0,
    }
}

fn has_any(names: &str, list: &[&str]) -> bool {
    list.iter().any(|w| names.contains(w))
}

/// The words of class and id names (`story-body__inner`: story, body,
/// inner).
fn words(names: &str) -> impl Iterator<Item = &str> {
    names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::super::html::load_html;

    /// An invented paragraph of about 230 characters mentioning `n`.
    fn paragraph(n: usize) -> String {
        format!(
            "<p>The town council met for the {n}th time this year, and members \
             discussed the harbour wall, the school roof, and the bus timetable \
             at length, before agreeing to meet again after the summer recess \
             had ended.</p>\n"
        )
    }

    fn story(paragraphs: usize) -> String {
        (1..=paragraphs).map(paragraph).collect()
    }

    fn prose(html: &str) -> String {
        load_html(html).prose.text().to_owned()
    }

    #[test]
    fn furniture_around_the_story_is_dropped_and_offsets_stay_exact() {
        let html = format!(
            "<body><div class=\"cookie-banner\">We use 7 cookies.</div>\
             <div class=\"share-tools\"><a href=\"#\">Share 41</a></div>\
             <div class=\"post-body\">{}</div>\
             <div class=\"related\"><ul><li><a href=\"/x\">9 other stories</a></li></ul></div>\
             <div>{}</div></body>",
            story(6),
            "<a href=\"/a\">Home</a> <a href=\"/b\">News</a> <a href=\"/c\">Sport 24</a>"
        );
        let loaded = load_html(&html);
        let text = loaded.prose.text();
        assert!(
            text.starts_with("The town council met for the 1th"),
            "{text}"
        );
        for furniture in ["cookies", "Share 41", "9 other", "Sport 24"] {
            assert!(!text.contains(furniture), "{furniture} in {text}");
        }
        let at = text.find("6th").unwrap();
        let span = loaded.prose.span(at, at + 3);
        assert_eq!(&html[span.range()], "6th");
        assert!(!loaded.not_article);
    }

    #[test]
    fn the_marked_article_body_wins_over_longer_prose() {
        let letters: String = (10..=19).map(paragraph).collect();
        let html = format!(
            "<body><div itemprop=\"articleBody\">{}</div><div>{letters}</div></body>",
            story(3)
        );
        let text = prose(&html);
        assert!(text.contains("3th") && !text.contains("15th"), "{text}");
    }

    #[test]
    fn a_layout_wrapper_named_like_furniture_keeps_the_story() {
        let html = format!(
            "<body><div class=\"layout-with-sidebar\"><div>{}</div></div></body>",
            story(6)
        );
        assert!(prose(&html).contains("6th"));
    }

    #[test]
    fn a_list_of_headlines_and_teasers_is_not_an_article() {
        let cards: String = (1..=20)
            .map(|i| {
                format!(
                    "<div class=\"card\"><h2><a href=\"/{i}\">Headline number {i} about \
                     the harbour</a></h2><p>A teaser for story {i}, two lines long, \
                     about what happened.</p></div>"
                )
            })
            .collect();
        let loaded = load_html(&format!("<body><div class=\"latest\">{cards}</div></body>"));
        assert!(loaded.not_article);
        assert_eq!(loaded.prose.text(), "");
    }

    #[test]
    fn a_short_page_is_read_whole() {
        let html = "<div class=\"share\">Shared 3 times</div><p>One short note.</p>";
        assert_eq!(prose(html).trim_end(), "Shared 3 times\n\nOne short note.");
    }

    #[test]
    fn nesting_deeper_than_the_tree_keeps_its_prose() {
        let deep = "<div><span>".repeat(2 * super::super::html_tree::MAX_DEPTH);
        let html = format!("<body>{deep}{}{}</body>", story(6), "</span>".repeat(50));
        let text = prose(&html);
        assert!(text.contains("1th") && text.contains("6th"), "{text}");
    }

    #[test]
    fn misnested_and_unclosed_tags_do_not_lose_the_story() {
        let html = format!(
            "<body><div class=\"story\"><p>{}<li>stray</div></span></div></body>",
            story(6).replace("</p>", "")
        );
        assert!(prose(&html).contains("6th"));
    }
}
