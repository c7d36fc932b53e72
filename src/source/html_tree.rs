//! The element tree of an HTML page, as far as choosing its article needs
//! it: every element with its parent, what its class and id hint, and how
//! much prose (and link text) sits directly in it. Built from the tag walk
//! of [`super::html`], it closes misnested and unclosed tags the way
//! browsers do for paragraphs, list items and table cells, and no further.
//!
//! It records; [`super::html_article`] decides.

use super::html_article::{element_hints, Hints};

/// The element tree of a page, as far as choosing the article needs it.
#[derive(Debug)]
pub(crate) struct Tree {
    pub(super) nodes: Vec<Node>,
    /// Open elements, innermost last (the document node 0 is never popped).
    stack: Vec<u32>,
    /// The open elements that are blocks (not [`INLINE`]), innermost last:
    /// where prose read now belongs.
    blocks: Vec<u32>,
    /// How many `<a>` elements are open.
    links_open: u32,
    /// Whether elements' classes and ids are read (the first walk); the
    /// second walk needs only the structure, for the same node ids.
    reads_hints: bool,
}

/// One element.
#[derive(Debug, Clone)]
pub(super) struct Node {
    pub(super) parent: u32,
    pub(super) name: Box<str>,
    /// Readability's class and id weight (±25 each), plus 50 for a mark
    /// of the article body.
    pub(super) hint: i32,
    /// Class or id names furniture that never holds an article
    /// (comments, share bars, related stories, cookie notices).
    pub(super) unlikely: bool,
    /// Marked as the article body (`itemprop="articleBody"`).
    pub(super) marked: bool,
    /// Prose characters directly in it (inline elements count for the
    /// block they sit in).
    pub(super) own_text: u32,
    /// Of those, characters inside links.
    pub(super) own_links: u32,
    pub(super) own_commas: u32,
    /// Whether its own prose ends like a sentence.
    pub(super) own_sentence_end: bool,
}

/// Elements whose prose belongs to the block around them.
const INLINE: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span",
    "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
];

/// Start tags that close an open `<p>`, as browsers do.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// Elements nested deeper than this are not opened (their prose belongs
/// to the deepest open one), so hostile nesting costs no more than this
/// per tag.
pub(super) const MAX_DEPTH: usize = 512;

impl Tree {
    /// A tree holding only the document node.
    pub(crate) fn new() -> Self {
        Tree {
            nodes: vec![Node {
                parent: 0,
                name: "#document".into(),
                hint: 0,
                unlikely: false,
                marked: false,
                own_text: 0,
                own_links: 0,
                own_commas: 0,
                own_sentence_end: false,
            }],
            stack: vec![0],
            blocks: vec![0],
            links_open: 0,
            reads_hints: true,
        }
    }

    /// A tree that records the elements' structure only (their ids are
    /// those of [`Tree::new`] over the same tokens).
    pub(crate) fn structure_only() -> Self {
        Tree {
            reads_hints: false,
            ..Tree::new()
        }
    }

    /// An element opens. `attr` reads its attributes; void and
    /// self-closing elements open nothing.
    pub(crate) fn open(&mut self, name: &str, self_closing: bool, attr: &dyn Fn(&str) -> String) {
        if CLOSES_P.contains(&name) {
            self.close_innermost("p");
        }
        match name {
            "li" => self.close_within("li", &["ul", "ol"]),
            "dt" | "dd" => self.close_within_any(&["dt", "dd"], &["dl"]),
            "tr" => self.close_within("tr", &["table", "tbody", "thead", "tfoot"]),
            "td" | "th" => self.close_within_any(&["td", "th"], &["tr", "table"]),
            _ => {}
        }
        if self_closing || super::html::VOID.contains(&name) || self.stack.len() >= MAX_DEPTH {
            return;
        }
        let Hints {
            weight: hint,
            unlikely,
            marked,
        } = if self.reads_hints {
            element_hints(attr)
        } else {
            Hints::default()
        };
        let parent = self.current();
        self.nodes.push(Node {
            parent,
            name: name.into(),
            hint,
            unlikely,
            marked,
            own_text: 0,
            own_links: 0,
            own_commas: 0,
            own_sentence_end: false,
        });
        let id = (self.nodes.len() - 1) as u32;
        self.stack.push(id);
        if name == "a" {
            self.links_open += 1;
        }
        if !INLINE.contains(&name) {
            self.blocks.push(id);
        }
    }

    /// Close the open elements from stack position `i` on.
    fn close_from(&mut self, i: usize) {
        while self.stack.len() > i.max(1) {
            let id = self.stack.pop().unwrap_or(0);
            if &*self.nodes[id as usize].name == "a" {
                self.links_open -= 1;
            }
            if self.blocks.last() == Some(&id) {
                self.blocks.pop();
            }
        }
    }

    /// An element closes: it and any left open inside it. An end tag
    /// with no open element of its name is ignored; an inline end tag (`</span>`) looks no further than the innermost
    /// block, as browsers do.
    pub(crate) fn close(&mut self, name: &str) {
        let inline = INLINE.contains(&name);
        for (i, &n) in self.stack.iter().enumerate().rev() {
            let node = &*self.nodes[n as usize].name;
            if node == name {
                if i > 0 {
                    self.close_from(i);
                }
                return;
            }
            if inline && !INLINE.contains(&node) {
                return;
            }
        }
    }

    fn close_innermost(&mut self, name: &str) {
        if self.stack.len() > 1 && &*self.nodes[self.current() as usize].name == name {
            self.close_from(self.stack.len() - 1);
        }
    }

    /// Close an open `name` unless one of `scopes` is opened after it.
    fn close_within(&mut self, name: &str, scopes: &[&str]) {
        self.close_within_any(&[name], scopes);
    }

    fn close_within_any(&mut self, names: &[&str], scopes: &[&str]) {
        for (i, &n) in self.stack.iter().enumerate().rev() {
            let node = &*self.nodes[n as usize].name;
            if scopes.contains(&node) {
                return;
            }
            if names.contains(&node) && i > 0 {
                self.close_from(i);
                return;
            }
        }
    }

    /// The innermost open element.
    pub(crate) fn current(&self) -> u32 {
        *self.stack.last().unwrap_or(&0)
    }

    /// Prose `text` read inside the open elements.
    pub(crate) fn add_text(&mut self, text: &str) {
        let chars = text.chars().filter(|c| !c.is_whitespace()).count() as u32;
        if chars == 0 {
            return;
        }
        let in_link = self.links_open > 0;
        let block = *self.blocks.last().unwrap_or(&0);
        let node = &mut self.nodes[block as usize];
        node.own_text += chars;
        if in_link {
            node.own_links += chars;
        }
        node.own_commas += text.matches([',', '\u{3001}', '\u{ff0c}']).count() as u32;
        if let Some(last) = text.trim_end().chars().last() {
            node.own_sentence_end = matches!(last, '.' | '!' | '?' | '"' | '\u{201d}' | '\u{3002}');
        }
    }
}
