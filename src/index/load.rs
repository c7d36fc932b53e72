//! Reading an index: the coverage a draft needs, and nothing more.
//!
//! For a dated draft that is every article published within the window
//! around its date (and every undated one), which is all the windowed
//! checks and the restatement checks compare it with, plus every article
//! filed under one of the draft's event or quotation keys, which the
//! checks compare across all dates. For an undated draft, every article
//! sharing any key with it. Articles come back in archive order, with
//! their claims and subject layer as stored and their text segmented
//! again, so the checks see what they would have seen from the files.

use super::keys::article_keys;
use super::{check_version, codec, day_number, from_day_number, sqlite, IndexError};
use super::{Path, PathBuf};
use crate::extract::ArticleClaims;
use crate::source::Article;
use crate::text::Document;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OpenFlags};
use std::collections::BTreeSet;

/// An index opened for reading.
pub struct Index {
    conn: Connection,
    path: PathBuf,
}

/// A stored row, before it is turned back into an article.
struct Row {
    ord: i64,
    path: String,
    id: String,
    published: Option<i64>,
    source: String,
    claims: Vec<u8>,
}

impl Index {
    /// Open the index at `path` for reading, refusing a file that is not
    /// an index of this schema version.
    pub fn open(path: &Path) -> Result<Index, IndexError> {
        if !path.is_file() {
            return Err(IndexError::Io {
                path: path.to_owned(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sqlite(path))?;
        check_version(&conn, path)?;
        Ok(Index {
            conn,
            path: path.to_owned(),
        })
    }

    /// The index file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many articles it holds.
    pub fn len(&self) -> Result<usize, IndexError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM article", [], |r| r.get(0))
            .map_err(sqlite(&self.path))?;
        Ok(n as usize)
    }

    /// Whether it holds no article.
    pub fn is_empty(&self) -> Result<bool, IndexError> {
        Ok(self.len()? == 0)
    }

    /// Whether its claims were extracted with the rule files `rules` (as
    /// they are now).
    pub fn has_rules(&self, rules: &crate::rules::RuleSet) -> Result<bool, IndexError> {
        let stored: String = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'rules-hash'", [], |r| {
                r.get(0)
            })
            .map_err(sqlite(&self.path))?;
        Ok(stored == super::write::rules_hash(rules))
    }

    /// Every article of the index, in archive order.
    pub fn all(&self) -> Result<Vec<(Article, ArticleClaims)>, IndexError> {
        let aids: Vec<i64> = self
            .conn
            .prepare("SELECT aid FROM article")
            .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
            .map_err(sqlite(&self.path))?;
        self.load(aids, &BTreeSet::new())
    }

    /// The coverage that can bear on `drafts` (see the module's doc), in
    /// archive order, without the drafts themselves (by [`Article::id`]).
    pub fn coverage_for(
        &self,
        drafts: &[(Article, ArticleClaims)],
        window_days: i64,
    ) -> Result<Vec<(Article, ArticleClaims)>, IndexError> {
        let err = sqlite(&self.path);
        let mut aids = BTreeSet::new();
        let mut by_key = self
            .conn
            .prepare_cached("SELECT aid FROM key WHERE key = ?1")
            .map_err(&err)?;
        let mut by_date = self
            .conn
            .prepare_cached(
                "SELECT aid FROM article WHERE published BETWEEN ?1 AND ?2 OR published IS NULL",
            )
            .map_err(&err)?;
        for (article, claims) in drafts {
            if let Some(d) = article.published {
                let day = day_number(d);
                let rows = by_date
                    .query_map(params![day - window_days, day + window_days], |r| r.get(0))
                    .map_err(&err)?;
                for aid in rows {
                    aids.insert(aid.map_err(&err)?);
                }
            }
            let dated = article.published.is_some();
            for (family, key) in article_keys(&claims.claims, &claims.subjects) {
                if dated && family.is_windowed() {
                    continue;
                }
                let rows = by_key.query_map([key], |r| r.get(0)).map_err(&err)?;
                for aid in rows {
                    aids.insert(aid.map_err(&err)?);
                }
            }
        }
        let drafts: BTreeSet<String> = drafts
            .iter()
            .map(|(a, _)| a.id.to_string_lossy().into_owned())
            .collect();
        self.load(aids.into_iter().collect(), &drafts)
    }

    /// The articles `aids`, less those whose id is in `skip`, in archive
    /// order: rows read in turn, turned into articles on every core.
    fn load(
        &self,
        aids: Vec<i64>,
        skip: &BTreeSet<String>,
    ) -> Result<Vec<(Article, ArticleClaims)>, IndexError> {
        let err = sqlite(&self.path);
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT ord, path, id, published, source, claims FROM article WHERE aid = ?1",
            )
            .map_err(&err)?;
        let mut rows = Vec::with_capacity(aids.len());
        for aid in aids {
            let row = st
                .query_row([aid], |r| {
                    Ok(Row {
                        ord: r.get(0)?,
                        path: r.get(1)?,
                        id: r.get(2)?,
                        published: r.get(3)?,
                        source: r.get(4)?,
                        claims: r.get(5)?,
                    })
                })
                .map_err(&err)?;
            if !skip.contains(&row.id) {
                rows.push(row);
            }
        }
        rows.sort_by_key(|r| r.ord);
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(rows.len().max(1));
        let chunk = rows.len().div_ceil(threads).max(1);
        let mut parts: Vec<Vec<Row>> = Vec::new();
        let mut it = rows.into_iter();
        loop {
            let part: Vec<Row> = it.by_ref().take(chunk).collect();
            if part.is_empty() {
                break;
            }
            parts.push(part);
        }
        let path = &self.path;
        std::thread::scope(|scope| {
            let handles: Vec<_> = parts
                .into_iter()
                .map(|part| {
                    scope.spawn(move || {
                        part.into_iter()
                            .map(|row| article_of(row, path))
                            .collect::<Result<Vec<_>, _>>()
                    })
                })
                .collect();
            let mut out = Vec::new();
            for h in handles {
                out.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))?);
            }
            Ok(out)
        })
    }
}

/// A stored row as the article and claims it was built from.
fn article_of(row: Row, index: &Path) -> Result<(Article, ArticleClaims), IndexError> {
    let (claims, subjects) = codec::decode(&row.claims).map_err(|_| IndexError::Corrupt {
        path: index.to_owned(),
        article: row.path.clone(),
    })?;
    let published: Option<NaiveDate> = row.published.and_then(from_day_number);
    let mut article = Article::from_source(&row.path, row.source, None);
    article.id = PathBuf::from(row.id);
    article.published = published;
    let doc = Document::new(article.prose.text());
    Ok((
        article,
        ArticleClaims {
            doc,
            claims,
            subjects,
        },
    ))
}
