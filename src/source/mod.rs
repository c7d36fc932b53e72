//! Loading articles: plain text, Markdown with YAML front matter, and HTML.
//!
//! Each format is a loader that turns the file into [`Prose`] (what the text
//! layer reads) while keeping a map back to the bytes as stored, so that a
//! claim found anywhere is reported at its true line and column. Loaders
//! find the publication date too. They do not interpret the prose.

mod front_matter;
mod html;
mod html_article;
mod html_entity;
mod html_meta;
mod html_text;
mod html_tree;
mod markdown;
mod plain;
mod prose;
mod published;
pub(crate) mod read;

pub use prose::Prose;
pub use published::parse_published;
pub use read::{DEFAULT_MAX_FILE_SIZE, MAX_MAX_FILE_SIZE};

use crate::error::{Error, Result};
use crate::span::LineIndex;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The input formats claimcheck reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt` and anything unknown.
    Plain,
    /// `.md`, `.markdown`.
    Markdown,
    /// `.html`, `.htm`.
    Html,
}

impl Format {
    /// The format a path's extension names.
    pub fn from_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown") => Format::Markdown,
            Some("html" | "htm") => Format::Html,
            _ => Format::Plain,
        }
    }
}

/// Extensions of the files that directory walks pick up.
pub const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "html", "htm"];

/// One article as loaded: its source, its prose and its metadata.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as given on the command line (or found by a walk), as
    /// output shows it.
    pub path: PathBuf,
    /// What identifies the file: its canonical path (absolute, links and
    /// `.`/`..` resolved) when read from disk, else `path`. Two spellings
    /// of one file are one article.
    pub id: PathBuf,
    /// The file as stored.
    pub source: String,
    /// Line index over `source`.
    pub lines: LineIndex,
    /// The prose with its map back into `source`.
    pub prose: Prose,
    /// Publication date from the file, else from `--published`.
    pub published: Option<NaiveDate>,
    /// Title from front matter or `<title>`, when there is one.
    pub title: Option<String>,
    /// Who published it: front matter `outlet:` or `source:`, or an HTML
    /// page's `og:site_name`.
    pub outlet: Option<String>,
    /// An HTML page that is not an article (an index or listing page):
    /// its prose is empty, and the run says so.
    pub not_article: bool,
    /// The detected format.
    pub format: Format,
}

impl Article {
    /// Build an article from text already in memory. `default_published`
    /// dates an article that carries no date of its own; an unreadable
    /// date in its metadata is an error, never overridden by the default.
    pub fn parse(
        path: impl Into<PathBuf>,
        source: String,
        default_published: Option<NaiveDate>,
    ) -> Result<Article> {
        match Article::assemble(path.into(), source, default_published) {
            (_, Some(bad)) => Err(bad),
            (article, None) => Ok(article),
        }
    }

    /// [`Article::parse`] for text known to be well formed (tests,
    /// benchmarks): an unreadable publication date leaves the article
    /// undated instead of failing. Files are read with [`load_article`],
    /// which refuses them.
    pub fn from_source(
        path: impl Into<PathBuf>,
        source: String,
        default_published: Option<NaiveDate>,
    ) -> Article {
        Article::assemble(path.into(), source, default_published).0
    }

    /// The article, and the error its publication date is when unreadable
    /// (the article is then undated).
    fn assemble(
        path: PathBuf,
        source: String,
        default_published: Option<NaiveDate>,
    ) -> (Article, Option<Error>) {
        let format = Format::from_path(&path);
        let loaded = match format {
            Format::Plain => plain::load_plain(&source),
            Format::Markdown => markdown::load_markdown(&source),
            Format::Html => html::load_html(&source),
        };
        let (published, bad) = match loaded.published {
            Ok(d) => (d.or(default_published), None),
            Err(bad) => (
                None,
                Some(Error::BadPublished {
                    path: path.clone(),
                    line: bad.line,
                    key: bad.key,
                    value: bad.value,
                }),
            ),
        };
        let article = Article {
            lines: LineIndex::new(&source),
            id: path.clone(),
            path,
            prose: loaded.prose,
            published,
            title: loaded.title,
            outlet: loaded.outlet,
            not_article: loaded.not_article,
            format,
            source,
        };
        (article, bad)
    }
}

/// How reports name an article: its headline and who published it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Byline {
    /// Front matter `title:`, or a page's `og:title` or `<title>`.
    pub headline: Option<String>,
    /// Front matter `outlet:`/`source:`, or a page's `og:site_name`.
    pub outlet: Option<String>,
    /// The publication date.
    pub published: Option<NaiveDate>,
}

impl Article {
    /// How reports name this article.
    pub fn byline(&self) -> Byline {
        Byline {
            headline: self.title.clone(),
            outlet: self.outlet.clone(),
            published: self.published,
        }
    }
}

/// What a format loader hands back.
pub(crate) struct Loaded {
    pub(crate) prose: Prose,
    pub(crate) published: Result<Option<NaiveDate>, BadDate>,
    pub(crate) title: Option<String>,
    pub(crate) outlet: Option<String>,
    pub(crate) not_article: bool,
}

/// A metadata publication date that is not a date.
#[derive(Debug)]
pub(crate) struct BadDate {
    /// 1-based line in the file.
    pub(crate) line: usize,
    /// The key it was under (`published`, `date`).
    pub(crate) key: String,
    /// The value as written.
    pub(crate) value: String,
}

/// Read and load one article file (at most [`DEFAULT_MAX_FILE_SIZE`] bytes).
pub fn load_article(path: &Path, default_published: Option<NaiveDate>) -> Result<Article> {
    load_article_limited(path, default_published, DEFAULT_MAX_FILE_SIZE)
}

/// Read and load one article file of at most `max_size` bytes.
pub fn load_article_limited(
    path: &Path,
    default_published: Option<NaiveDate>,
    max_size: u64,
) -> Result<Article> {
    let source = read_text_limited(path, max_size)?;
    let mut article = Article::parse(path, source, default_published)?;
    if let Ok(id) = std::fs::canonicalize(path) {
        article.id = id;
    }
    Ok(article)
}

/// Read a file of at most [`DEFAULT_MAX_FILE_SIZE`] bytes as UTF-8 text;
/// see [`read_text_limited`].
pub fn read_text(path: &Path) -> Result<String> {
    read_text_limited(path, DEFAULT_MAX_FILE_SIZE)
}

/// Read a regular file of at most `max_size` bytes as UTF-8 text, refusing
/// FIFOs and devices, binary data and invalid UTF-8 with the offending byte
/// offset (we refuse rather than read lossily: a checker that silently
/// replaces bytes could misreport a figure).
pub fn read_text_limited(path: &Path, max_size: u64) -> Result<String> {
    let bytes = read::read_limited(path, max_size.min(MAX_MAX_FILE_SIZE)).map_err(|e| match e {
        read::ReadError::Io(e) => io_error(path, e),
        read::ReadError::NotRegular(kind) => Error::NotRegular {
            path: path.to_owned(),
            kind,
        },
        read::ReadError::TooLarge { limit } => Error::TooLarge {
            path: path.to_owned(),
            limit,
        },
    })?;
    // `contains` of a byte is a word-at-a-time search; the first NUL's
    // offset is looked for only in a file that holds one.
    if bytes.contains(&0) {
        let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        return Err(Error::Binary {
            path: path.to_owned(),
            offset,
        });
    }
    String::from_utf8(bytes)
        .map(read::normalize_lone_cr)
        .map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let (line, column) = read::line_column(&e.as_bytes()[..offset]);
            Error::InvalidUtf8 {
                path: path.to_owned(),
                line,
                column,
                offset,
            }
        })
}

/// Turn an I/O error into ours, with "no such file" said plainly.
pub(crate) fn io_error(path: &Path, e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::NotFound {
        Error::NotFound {
            path: path.to_owned(),
        }
    } else {
        Error::Io {
            path: path.to_owned(),
            source: e,
        }
    }
}

/// Expand files and folders into article paths, sorted within each folder.
/// A folder with no articles is an error, not a silent skip; so is anything
/// in a folder that could not be read (the first error is returned; see
/// [`collect_article_paths_lenient`] for all of them and the rest).
pub fn collect_article_paths(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let (paths, mut errors) = collect_article_paths_lenient(inputs);
    if errors.is_empty() {
        Ok(paths)
    } else {
        Err(errors.swap_remove(0))
    }
}

/// Expand files and folders into article paths, sorted within each folder,
/// with an error for each thing that could not be read: a missing path, an
/// unreadable subfolder (its siblings are still walked), a symlink loop, a
/// FIFO or device with an article's name, a folder with no articles.
/// Symlinks inside folders are followed, so a folder of links to articles
/// is checked like a folder of articles.
pub fn collect_article_paths_lenient(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Error>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        let meta = match std::fs::metadata(input) {
            Ok(m) => m,
            Err(e) => {
                errors.push(io_error(input, e));
                continue;
            }
        };
        if !meta.is_dir() {
            out.push(input.clone());
            continue;
        }
        let before = out.len();
        let errors_before = errors.len();
        for entry in walkdir::WalkDir::new(input)
            .follow_links(true)
            .sort_by_file_name()
        {
            match entry {
                Ok(entry) if !is_article_path(entry.path()) || entry.file_type().is_dir() => {}
                Ok(entry) if entry.file_type().is_file() => out.push(entry.into_path()),
                Ok(entry) => errors.push(Error::NotRegular {
                    kind: read::file_kind(&entry.file_type()),
                    path: entry.into_path(),
                }),
                Err(e) if is_dangling_non_article(&e) => {}
                Err(e) => errors.push(walk_error(input, e)),
            }
        }
        if out.len() == before && errors.len() == errors_before {
            errors.push(Error::NoArticles {
                path: input.clone(),
            });
        }
    }
    (out, errors)
}

/// A broken symlink that would not have been read anyway (`notes.pdf`).
fn is_dangling_non_article(e: &walkdir::Error) -> bool {
    e.loop_ancestor().is_none()
        && e.path().is_some_and(|p| {
            !is_article_path(p)
                && std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink())
        })
}

/// A walk error, naming the path that could not be read (or the symlink
/// that leads back to a folder above it).
pub(crate) fn walk_error(input: &Path, e: walkdir::Error) -> Error {
    let path = e.path().unwrap_or(input).to_owned();
    if let Some(ancestor) = e.loop_ancestor() {
        return Error::Io {
            source: std::io::Error::other(format!(
                "symlink loop (leads back to {})",
                ancestor.display()
            )),
            path,
        };
    }
    match e.into_io_error() {
        Some(source) => io_error(&path, source),
        None => Error::Io {
            path,
            source: std::io::Error::other("could not be read"),
        },
    }
}

fn is_article_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_follows_the_extension_in_any_case() {
        assert_eq!(Format::from_path(Path::new("a.HTM")), Format::Html);
        assert_eq!(Format::from_path(Path::new("a.markdown")), Format::Markdown);
        assert_eq!(Format::from_path(Path::new("a")), Format::Plain);
    }
}
