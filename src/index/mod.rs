//! The claim index: the claims of an archive extracted once and kept on
//! disk, so that a draft is checked against a year of coverage without
//! reading and extracting that year again.
//!
//! The store is SQLite (through rusqlite, with SQLite built in): one file,
//! transactions that leave the previous state whole when a write fails or
//! is killed, B-tree indexes for the two lookups a check needs (articles by
//! publication date, articles by subject key) and nothing to run beside
//! the binary. Each article is one row: its path, canonical id, date,
//! content hash, the file as stored, its claims with their subject
//! layer ([`codec`]) and its content words; a second table files it under its lookup keys
//! ([`keys`]). `docs/scale.md` says why this store and how it scales.
//!
//! The file carries a schema version; a file of another version is refused
//! with a message to rebuild it, never read. This module does not check
//! anything: the pipeline loads the coverage a draft needs from it and
//! checks as it would with files.

mod codec;
mod keys;
mod load;
mod sort;
mod write;

pub use load::Index;
pub use write::{build, update, Changes};

use std::path::{Path, PathBuf};

/// The layout of the index file this claimcheck reads and writes. Bumped
/// whenever a table, the claim encoding or a key changes (3: key rows by
/// date, and the subject layer's name words; 4: offices filed with their
/// abbreviations written out, increments under no count key; 5: no index
/// of key rows by article, which only `update` read and which cost a
/// third of filing the keys: `update` finds an article's key rows from
/// its stored claims instead). Since 5 a change to how keys are computed
/// must bump it: `update` deletes an article's rows by the keys computed
/// again from its claims, and would miss rows filed under other keys.
pub const SCHEMA_VERSION: i64 = 5;

/// SQLite's application id for claimcheck's index files ("ccix").
const APPLICATION_ID: i64 = 0x6363_6978;

/// Why an index could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// SQLite refused the file or an operation on it.
    #[error("{}: {source}", path.display())]
    Sqlite {
        /// The index file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// The file is not a claimcheck index.
    #[error("{}: not a claimcheck index (build one with `claimcheck index build ARCHIVE... --out FILE`)", path.display())]
    NotAnIndex {
        /// The file.
        path: PathBuf,
    },
    /// The file is an index of another schema version.
    #[error(
        "{}: claim index of schema version {found}, but this claimcheck reads version {}: rebuild it with `claimcheck index build`",
        path.display(),
        SCHEMA_VERSION
    )]
    Version {
        /// The file.
        path: PathBuf,
        /// The version it carries.
        found: i64,
    },
    /// A stored article does not decode: the file is damaged.
    #[error("{}: the claims stored for {article} are damaged: rebuild the index with `claimcheck index build`", path.display())]
    Corrupt {
        /// The index file.
        path: PathBuf,
        /// The article whose row is damaged.
        article: String,
    },
    /// An article of the archive could not be read: nothing was written.
    #[error("{source} (the index was not written)")]
    Article {
        /// Why.
        source: crate::error::Error,
    },
    /// A file could not be written or moved into place.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

fn sqlite(path: &Path) -> impl Fn(rusqlite::Error) -> IndexError + '_ {
    move |source| IndexError::Sqlite {
        path: path.to_owned(),
        source,
    }
}

/// The tables of a new index.
const SCHEMA: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE article (
    aid INTEGER PRIMARY KEY,
    ord INTEGER NOT NULL,
    path TEXT NOT NULL,
    id TEXT NOT NULL UNIQUE,
    published INTEGER,
    hash INTEGER NOT NULL,
    source TEXT NOT NULL,
    claims BLOB NOT NULL,
    vocab BLOB NOT NULL
);
CREATE INDEX article_published ON article (published);
CREATE TABLE key (key INTEGER NOT NULL, published INTEGER NOT NULL, aid INTEGER NOT NULL,
    PRIMARY KEY (key, published, aid)) WITHOUT ROWID;
";

/// Refuse a file that is not an index of [`SCHEMA_VERSION`].
fn check_version(conn: &rusqlite::Connection, path: &Path) -> Result<(), IndexError> {
    let pragma = |name: &str| -> Result<i64, IndexError> {
        conn.pragma_query_value(None, name, |r| r.get(0))
            .map_err(|e| match e {
                rusqlite::Error::SqliteFailure(f, _)
                    if f.code == rusqlite::ErrorCode::NotADatabase =>
                {
                    IndexError::NotAnIndex {
                        path: path.to_owned(),
                    }
                }
                e => sqlite(path)(e),
            })
    };
    if pragma("application_id")? != APPLICATION_ID {
        return Err(IndexError::NotAnIndex {
            path: path.to_owned(),
        });
    }
    let found = pragma("user_version")?;
    if found != SCHEMA_VERSION {
        return Err(IndexError::Version {
            path: path.to_owned(),
            found,
        });
    }
    Ok(())
}

/// Days from the common era: how dates are stored, so that a window is a
/// range scan.
fn day_number(d: chrono::NaiveDate) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(&d))
}

/// The date a key row gives an undated article: below every day, so that
/// a key's rows are ordered by date with the undated first, and a window
/// and the undated are two range scans of one key's rows.
const UNDATED: i64 = i64::MIN;

fn from_day_number(n: i64) -> Option<chrono::NaiveDate> {
    i32::try_from(n)
        .ok()
        .and_then(chrono::NaiveDate::from_num_days_from_ce_opt)
}
