//! Loading articles: plain text, Markdown with YAML front matter, and HTML.
//!
//! Each format is a loader that turns the file into [`Prose`] (what the text
//! layer reads) while keeping a map back to the bytes as stored, so that a
//! claim found anywhere is reported at its true line and column. Loaders
//! find the publication date too. They do not interpret the prose.

mod front_matter;
mod html;
mod html_entity;
mod html_meta;
mod html_text;
mod markdown;
mod plain;
mod prose;
mod published;

pub use prose::Prose;
pub use published::parse_published;

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
            format,
            source,
        };
        (article, bad)
    }
}

/// What a format loader hands back.
pub(crate) struct Loaded {
    pub(crate) prose: Prose,
    pub(crate) published: Result<Option<NaiveDate>, BadDate>,
    pub(crate) title: Option<String>,
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

/// Read and load one article file.
pub fn load_article(path: &Path, default_published: Option<NaiveDate>) -> Result<Article> {
    let source = read_text(path)?;
    let mut article = Article::parse(path, source, default_published)?;
    if let Ok(id) = std::fs::canonicalize(path) {
        article.id = id;
    }
    Ok(article)
}

/// Read a file as UTF-8 text, refusing binary data and invalid UTF-8 with
/// the offending byte offset (we refuse rather than read lossily: a checker
/// that silently replaces bytes could misreport a figure).
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
    if bytes.len() as u64 > u32::MAX as u64 {
        return Err(Error::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_owned(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        path: path.to_owned(),
        offset: e.utf8_error().valid_up_to(),
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
/// A folder with no articles is an error, not a silent skip.
pub fn collect_article_paths(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| io_error(input, e))?;
        if meta.is_dir() {
            let before = out.len();
            for entry in walkdir::WalkDir::new(input).sort_by_file_name() {
                let entry = entry.map_err(|e| Error::Io {
                    path: input.clone(),
                    source: e.into(),
                })?;
                if entry.file_type().is_file() && is_article_path(entry.path()) {
                    out.push(entry.into_path());
                }
            }
            if out.len() == before {
                return Err(Error::NoArticles {
                    path: input.clone(),
                });
            }
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
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
