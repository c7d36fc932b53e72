//! Reading an index: the coverage a draft needs, and nothing more.
//!
//! For a dated draft: every article of the window around its date (and
//! every undated one) filed under one of the draft's windowed keys
//! (counts, titles), which is all the windowed checks compare it with;
//! the whole window when the draft restates one of its articles (the
//! content words, stored apart, tell without loading them), for the
//! restatement checks; and across all dates, the [`MAX_RELATED`] articles
//! sharing the most event and quotation keys with it (a key filed by more
//! than [`COMMON_KEY`] articles is a stock phrase, not followed). For an
//! undated draft, the articles sharing the most keys of any family.
//! Articles come back in archive order, with their claims and subject
//! layer as stored and their text segmented again, so the checks see what
//! they would have seen from the files.

use super::keys::article_keys;
use super::{check_version, codec, day_number, from_day_number, sqlite, IndexError, UNDATED};
use super::{Path, PathBuf};
use crate::check::Mode;
use crate::extract::ArticleClaims;
use crate::source::Article;
use crate::subject::restates;
use crate::text::Document;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OpenFlags};
use std::collections::{BTreeSet, HashMap};

/// Articles a key may file before it is taken for a stock phrase or an
/// event as common as "said" and not followed: a draft is then compared,
/// for it, with the coverage of its window alone. (Checking against files,
/// the checks bound such keys too, to the first groups of claims under
/// them.)
pub const COMMON_KEY: usize = 1000;

/// Articles loaded for the keys a draft shares across all dates (its
/// events and quotations), those sharing the most first: a story's own
/// coverage shares many, an unrelated article one.
pub const MAX_RELATED: usize = 256;

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
        mode: Mode,
    ) -> Result<Vec<(Article, ArticleClaims)>, IndexError> {
        let mut aids = BTreeSet::new();
        for draft in drafts {
            aids.extend(self.candidates(draft, window_days, mode)?);
        }
        let drafts: BTreeSet<String> = drafts
            .iter()
            .map(|(a, _)| a.id.to_string_lossy().into_owned())
            .collect();
        self.load(aids.into_iter().collect(), &drafts)
    }

    /// The articles one draft is checked against (row ids).
    fn candidates(
        &self,
        (article, claims): &(Article, ArticleClaims),
        window_days: i64,
        mode: Mode,
    ) -> Result<BTreeSet<i64>, IndexError> {
        let err = sqlite(&self.path);
        let mut aids = BTreeSet::new();
        let day = article.published.map(day_number);
        let (from, to) = match day {
            Some(d) => (d - window_days, d + window_days),
            None => (i64::MIN, i64::MAX),
        };
        // The window, whole, when the draft restates an article of it (or
        // is said to restate them all): the restatement checks read every
        // article they might restate, and what the window says.
        if let Some(d) = day {
            let vocabulary = claims.subjects.vocabulary();
            let mut st = self
                .conn
                .prepare_cached(
                    "SELECT aid, vocab FROM article WHERE published BETWEEN ?1 AND ?2 \
                     OR published IS NULL",
                )
                .map_err(&err)?;
            let mut window = Vec::new();
            let mut restates_one = mode == Mode::Restatement;
            let rows = st
                .query_map(params![d - window_days, d + window_days], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))
                })
                .map_err(&err)?;
            for row in rows {
                let (aid, vocab) = row.map_err(&err)?;
                window.push(aid);
                if !restates_one && mode == Mode::Auto {
                    let vocab = codec::decode_stems(&vocab).map_err(|_| IndexError::Corrupt {
                        path: self.path.clone(),
                        article: format!("row {aid}"),
                    })?;
                    restates_one = restates(&vocabulary, &vocab);
                }
            }
            if restates_one {
                aids.extend(window);
            }
        }
        // Keys the checks look up within the window: every article of the
        // window filed under them. Keys looked up across all dates (and
        // every key of an undated draft): the articles sharing the most
        // keys with the draft, a common key not followed.
        // Rows are ordered by (key, date): a window is a range scan, and
        // the undated rows (dated UNDATED, below every day) another.
        let mut by_key = self
            .conn
            .prepare_cached(
                "SELECT aid FROM key WHERE key = ?1 AND published BETWEEN ?2 AND ?3 \
                 UNION ALL SELECT aid FROM key WHERE key = ?1 AND published = ?4 LIMIT ?5",
            )
            .map_err(&err)?;
        let mut shared: HashMap<i64, usize> = HashMap::new();
        for (family, key) in article_keys(&claims.claims, &claims.subjects) {
            let windowed = day.is_some() && family.is_windowed();
            let (lo, hi, limit) = if windowed {
                (from, to, -1)
            } else {
                (UNDATED + 1, i64::MAX, COMMON_KEY as i64 + 1)
            };
            let found: Vec<i64> = by_key
                .query_map(params![key, lo, hi, UNDATED, limit], |r| r.get(0))
                .and_then(Iterator::collect)
                .map_err(&err)?;
            if windowed {
                aids.extend(found);
            } else if found.len() <= COMMON_KEY {
                for aid in found {
                    *shared.entry(aid).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(usize, i64)> = shared.into_iter().map(|(a, n)| (n, a)).collect();
        ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        aids.extend(ranked.into_iter().take(MAX_RELATED).map(|(_, a)| a));
        Ok(aids)
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
        let path = &self.path;
        crate::parallel::map_in_order(rows, |row| article_of(row, path))
            .into_iter()
            .collect()
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
