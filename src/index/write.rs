//! Writing an index: `build` into a temporary file renamed into place once
//! whole (the next build or update removes one a killed build left), and
//! `update` in one transaction (a failed or killed update leaves the
//! previous index as it was). Articles are read, extracted and written in
//! batches, so memory stays flat whatever the archive's size.

use super::keys::{content_hash, filed_keys};
use super::sort::{KeyRow, KeySorter};
use super::{
    check_version, codec, day_number, sqlite, IndexError, APPLICATION_ID, SCHEMA, UNDATED,
};
use super::{Path, PathBuf, SCHEMA_VERSION};
use crate::extract::{extract_claims, ArticleClaims};
use crate::fingerprint::fnv1a64;
use crate::rules::RuleSet;
use crate::source::{collect_article_paths, read_text_limited, Article};
use crate::subject::StemTable;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::HashMap;

/// What a build or an update did, in articles.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    /// Articles new to the index.
    pub added: usize,
    /// Articles whose file changed, extracted again.
    pub changed: usize,
    /// Articles whose file is gone, removed.
    pub removed: usize,
    /// Articles left as they were.
    pub unchanged: usize,
    /// Bytes of articles read and extracted.
    pub bytes: u64,
}

/// Articles read per batch: enough to keep every core busy extracting,
/// few enough that memory does not grow with the archive.
const BATCH: usize = 256;

/// What an index was built from, kept in its `meta` table so that
/// `update` walks the same archive with the same rules.
struct Meta {
    /// The archive's files and folders, as given.
    roots: Vec<PathBuf>,
    /// The folder relative roots were given from.
    base: PathBuf,
    /// Publication date for files without one.
    published: Option<NaiveDate>,
    /// The rule files the claims were extracted with.
    rules: Vec<PathBuf>,
    /// Largest article read, in bytes.
    max_file_size: u64,
}

fn paths_json(paths: &[PathBuf]) -> String {
    serde_json::Value::from(
        paths
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect::<Vec<_>>(),
    )
    .to_string()
}

fn paths_from_json(s: &str) -> Option<Vec<PathBuf>> {
    let v: Vec<String> = serde_json::from_str(s).ok()?;
    Some(v.into_iter().map(PathBuf::from).collect())
}

impl Meta {
    fn write(&self, tx: &Transaction<'_>, rules_hash: &str) -> rusqlite::Result<()> {
        let rows = [
            ("roots", paths_json(&self.roots)),
            ("base", self.base.to_string_lossy().into_owned()),
            (
                "published",
                self.published.map(|d| d.to_string()).unwrap_or_default(),
            ),
            ("rules", paths_json(&self.rules)),
            ("rules-hash", rules_hash.to_owned()),
            ("max-file-size", self.max_file_size.to_string()),
            ("claimcheck", env!("CARGO_PKG_VERSION").to_owned()),
        ];
        let mut st = tx.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")?;
        for (k, v) in rows {
            st.execute(params![k, v])?;
        }
        Ok(())
    }

    fn read(conn: &Connection, path: &Path) -> Result<Meta, IndexError> {
        let get = |key: &str| -> Result<String, IndexError> {
            conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
                .optional()
                .map_err(sqlite(path))?
                .ok_or_else(|| IndexError::NotAnIndex {
                    path: path.to_owned(),
                })
        };
        let corrupt = || IndexError::NotAnIndex {
            path: path.to_owned(),
        };
        let published = get("published")?;
        Ok(Meta {
            roots: paths_from_json(&get("roots")?).ok_or_else(corrupt)?,
            base: PathBuf::from(get("base")?),
            published: if published.is_empty() {
                None
            } else {
                Some(published.parse().map_err(|_| corrupt())?)
            },
            rules: paths_from_json(&get("rules")?).ok_or_else(corrupt)?,
            max_file_size: get("max-file-size")?.parse().map_err(|_| corrupt())?,
        })
    }
}

/// A hash of the rule files' contents: claims extracted with other rules
/// are extracted again by `update`.
pub(crate) fn rules_hash(rules: &RuleSet) -> String {
    let mut bytes = Vec::new();
    for f in &rules.files {
        bytes.extend_from_slice(f.to_string_lossy().as_bytes());
        bytes.push(0);
        bytes.extend_from_slice(&std::fs::read(f).unwrap_or_default());
        bytes.push(0);
    }
    format!("{:016x}", fnv1a64(&bytes))
}

/// The articles under `roots`, each as it is shown (the root as given,
/// joined with the rest of the path) and as it is read (from `base`).
fn walk(roots: &[PathBuf], base: &Path) -> Result<Vec<(PathBuf, PathBuf)>, IndexError> {
    let mut out = Vec::new();
    for root in roots {
        let abs = base.join(root);
        let found = collect_article_paths(std::slice::from_ref(&abs))
            .map_err(|source| IndexError::Article { source })?;
        for read in found {
            let shown = if root.is_absolute() {
                read.clone()
            } else {
                match read.strip_prefix(&abs) {
                    Ok(rest) if rest.as_os_str().is_empty() => root.clone(),
                    Ok(rest) => root.join(rest),
                    Err(_) => read.clone(),
                }
            };
            out.push((shown, read));
        }
    }
    Ok(out)
}

/// One file to extract: shown path, canonical id, source, hash.
struct Pending {
    shown: PathBuf,
    id: PathBuf,
    source: String,
    hash: i64,
    ord: i64,
    /// The row it replaces.
    replaces: Option<i64>,
}

/// The files read and waiting to be extracted, with what one batch hands
/// the next.
#[derive(Default)]
struct Batch {
    pending: Vec<Pending>,
    /// Each thread's word stems, kept from batch to batch: most words of
    /// an article were stemmed for an earlier one.
    stems: Vec<StemTable>,
    /// The key rows of the articles written, for the caller to file.
    keys: Vec<KeyRow>,
}

/// An article ready to be written: what its row and its keys hold.
struct Encoded {
    article: Article,
    claims: Vec<u8>,
    vocab: Vec<u8>,
    /// Its keys, sorted, each once.
    keys: Vec<i64>,
}

/// Parse, extract and encode one article (on any core).
fn encode(
    p: Pending,
    published: Option<NaiveDate>,
    rules: &RuleSet,
    stems: &mut StemTable,
) -> Result<Encoded, IndexError> {
    let mut article = Article::parse(&p.shown, p.source, published)
        .map_err(|source| IndexError::Article { source })?;
    article.id = p.id;
    let ArticleClaims {
        claims, subjects, ..
    } = extract_claims(&article, rules).with_subjects(stems);
    Ok(Encoded {
        claims: codec::encode(&claims, &subjects),
        vocab: codec::encode_stems(&subjects.vocabulary()),
        keys: filed_keys(&claims, &subjects),
        article,
    })
}

/// Key rows written by one statement: a statement per row costs more
/// than SQLite's work on the row.
const KEY_ROWS: usize = 100;

/// File `rows` into the key table (in key order they are filed fastest).
fn insert_keys(tx: &Transaction<'_>, rows: &[KeyRow]) -> rusqlite::Result<()> {
    let statement = |n: usize| {
        let values = vec!["(?, ?, ?)"; n].join(", ");
        format!("INSERT OR IGNORE INTO key (key, published, aid) VALUES {values}")
    };
    let mut chunks = rows.chunks_exact(KEY_ROWS);
    let mut many = tx.prepare_cached(&statement(KEY_ROWS))?;
    for chunk in &mut chunks {
        many.execute(rusqlite::params_from_iter(chunk.iter().flatten()))?;
    }
    let mut one = tx.prepare_cached(&statement(1))?;
    for row in chunks.remainder() {
        one.execute(rusqlite::params_from_iter(row))?;
    }
    Ok(())
}

/// Extract the pending files of `batch` and write their articles; their
/// key rows are appended to `batch.keys`, for the caller to file.
fn flush(
    tx: &Transaction<'_>,
    path: &Path,
    batch: &mut Batch,
    published: Option<NaiveDate>,
    rules: &RuleSet,
) -> Result<(), IndexError> {
    if batch.pending.is_empty() {
        return Ok(());
    }
    let err = sqlite(path);
    let rows: Vec<(i64, i64, Option<i64>)> = batch
        .pending
        .iter()
        .map(|p| (p.hash, p.ord, p.replaces))
        .collect();
    let encoded = crate::parallel::map_in_order_keeping(
        std::mem::take(&mut batch.pending),
        &mut batch.stems,
        StemTable::new,
        |t, p| encode(p, published, rules, t),
    );
    let mut insert = tx
        .prepare_cached(
            "INSERT INTO article (ord, path, id, published, hash, source, claims, vocab)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .map_err(&err)?;
    for (encoded, (hash, ord, replaces)) in encoded.into_iter().zip(rows) {
        let Encoded {
            article,
            claims,
            vocab,
            keys: article_keys,
        } = encoded?;
        if let Some(aid) = replaces {
            remove(tx, path, aid)?;
        }
        let published = article.published.map(day_number);
        insert
            .execute(params![
                ord,
                article.path.to_string_lossy(),
                article.id.to_string_lossy(),
                published,
                hash,
                article.source,
                claims,
                vocab,
            ])
            .map_err(&err)?;
        let aid = tx.last_insert_rowid();
        let published = published.unwrap_or(UNDATED);
        batch
            .keys
            .extend(article_keys.into_iter().map(|k| [k, published, aid]));
    }
    Ok(())
}

/// File a batch's key rows in key order, and empty `keys`.
fn file_keys(tx: &Transaction<'_>, path: &Path, keys: &mut Vec<KeyRow>) -> Result<(), IndexError> {
    keys.sort_unstable();
    insert_keys(tx, keys).map_err(sqlite(path))?;
    keys.clear();
    Ok(())
}

/// Remove the article `aid` and its key rows. The index has no index of
/// key rows by article: its keys are computed again from its stored
/// claims, as the build computed them, and each row deleted by its
/// primary key.
fn remove(tx: &Transaction<'_>, path: &Path, aid: i64) -> Result<(), IndexError> {
    let err = sqlite(path);
    let (article, published, claims): (String, Option<i64>, Vec<u8>) = tx
        .prepare_cached("SELECT path, published, claims FROM article WHERE aid = ?1")
        .and_then(|mut st| st.query_row([aid], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))))
        .map_err(&err)?;
    let (claims, subjects) = codec::decode(&claims).map_err(|_| IndexError::Corrupt {
        path: path.to_owned(),
        article,
    })?;
    let published = published.unwrap_or(UNDATED);
    let mut delete = tx
        .prepare_cached("DELETE FROM key WHERE key = ?1 AND published = ?2 AND aid = ?3")
        .map_err(&err)?;
    for key in filed_keys(&claims, &subjects) {
        delete.execute(params![key, published, aid]).map_err(&err)?;
    }
    tx.prepare_cached("DELETE FROM article WHERE aid = ?1")
        .and_then(|mut st| st.execute([aid]))
        .map_err(&err)?;
    Ok(())
}

/// Read one file of the archive: its canonical id and its text.
fn read(path: &Path, max: u64) -> Result<(PathBuf, String), IndexError> {
    let source = read_text_limited(path, max).map_err(|source| IndexError::Article { source })?;
    let id = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    Ok((id, source))
}

fn open_new(path: &Path) -> Result<Connection, IndexError> {
    let conn = Connection::open(path).map_err(sqlite(path))?;
    // No journal while building: the file is a temporary one, renamed
    // into place only when whole. A page cache of 32 MB: articles and
    // keys are both filed in order, each page written once, so a larger
    // one (256 MB) only held more memory for the same time.
    // Exclusive locking: the lock the first write takes is held until the
    // connection closes, which tells a build in progress from a killed
    // one's leftovers.
    conn.execute_batch(&format!(
        "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
         PRAGMA cache_size = -32768;
         PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {SCHEMA_VERSION};
         {SCHEMA}"
    ))
    .map_err(sqlite(path))?;
    Ok(conn)
}

/// How a build names its temporary file (with random letters between):
/// files so named that no build holds are left from a killed one.
const TEMP_PREFIX: &str = ".claimcheck-index-";
const TEMP_SUFFIX: &str = ".tmp";

/// A new temporary file in `dir` for a build, and the index being built
/// in it: held locked (see [`remove_stale_temps`]) until the build is done
/// with it.
fn temp_in(dir: &Path) -> Result<(tempfile::NamedTempFile, Connection), IndexError> {
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Passed to open(2), which applies the umask: the mode any new
        // file gets, not the temporary file's private 0600.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    loop {
        let temp = builder.tempfile_in(dir).map_err(|source| IndexError::Io {
            path: dir.to_owned(),
            source,
        })?;
        let conn = open_new(temp.path())?;
        // Another build's clean-up may have removed the file between its
        // creation and the lock the first write took: then make another.
        if is_same_file(temp.as_file(), temp.path()) {
            return Ok((temp, conn));
        }
    }
}

/// Whether `path` still names the file `file` has open.
fn is_same_file(file: &std::fs::File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(held), Ok(named)) => held.ino() == named.ino() && held.dev() == named.dev(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        // Elsewhere a file open in another process cannot be removed.
        let _ = file;
        path.is_file()
    }
}

/// Remove the temporary files a killed build left in `dir`: those of a
/// build's naming that no running build holds. A build holds its file
/// locked from its first write to the end (SQLite's exclusive locking
/// mode, [`open_new`]), so one that SQLite can read now is left from a
/// build that ended without cleaning up. Best effort: a file that cannot
/// be removed is left.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let path = entry.path();
        if is_held(&path) {
            continue;
        }
        let _ = std::fs::remove_file(&path);
    }
}

/// Whether a build in progress holds the file at `path`: SQLite cannot
/// take even a shared lock on it. (A file that is not a database at all,
/// empty or half written before a kill, is held by no one.)
fn is_held(path: &Path) -> bool {
    let Ok(conn) = Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) else {
        return false;
    };
    let _ = conn.busy_timeout(std::time::Duration::ZERO);
    matches!(
        conn.query_row("PRAGMA schema_version", [], |r| r.get::<_, i64>(0)),
        Err(rusqlite::Error::SqliteFailure(f, _))
            if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// Build an index of the articles under `roots` (files and folders) at
/// `out`, extracted with `rules`; `published` dates files without a date
/// of their own. The index is written to a temporary file beside `out`
/// and renamed into place once whole: `out` is never left half written.
/// Any article that cannot be read stops the build (nothing is written).
pub fn build(
    out: &Path,
    roots: &[PathBuf],
    published: Option<NaiveDate>,
    rules: &RuleSet,
    max_file_size: u64,
) -> Result<Changes, IndexError> {
    let io = |source| IndexError::Io {
        path: out.to_owned(),
        source,
    };
    let base = std::env::current_dir().map_err(io)?;
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    remove_stale_temps(&dir);
    let (temp, mut conn) = temp_in(&dir)?;
    let meta = Meta {
        roots: roots.to_vec(),
        base,
        published,
        rules: rules.files.clone(),
        max_file_size,
    };
    let files = walk(&meta.roots, &meta.base)?;
    let tx = conn.transaction().map_err(sqlite(out))?;
    meta.write(&tx, &rules_hash(rules)).map_err(sqlite(out))?;
    let mut changes = Changes::default();
    let mut batch = Batch::default();
    let mut sorter = KeySorter::new(&dir);
    let runs = |source| IndexError::Io {
        path: dir.clone(),
        source,
    };
    for (ord, (shown, path)) in files.iter().enumerate() {
        let (id, source) = read(path, max_file_size)?;
        changes.added += 1;
        changes.bytes += source.len() as u64;
        batch.pending.push(Pending {
            shown: shown.clone(),
            id,
            hash: content_hash(&source),
            source,
            ord: ord as i64,
            replaces: None,
        });
        if batch.pending.len() == BATCH {
            flush(&tx, out, &mut batch, published, rules)?;
            sorter.push(&mut batch.keys).map_err(runs)?;
        }
    }
    flush(&tx, out, &mut batch, published, rules)?;
    sorter.push(&mut batch.keys).map_err(runs)?;
    // Keys were gathered as they came; filed into their B-tree in key
    // order at once, each row beside the last, which is many times faster
    // than in the order they came.
    let mut keys = Vec::with_capacity(KEY_ROWS);
    for row in sorter.finish().map_err(runs)? {
        keys.push(row.map_err(runs)?);
        if keys.len() == KEY_ROWS {
            insert_keys(&tx, &keys).map_err(sqlite(out))?;
            keys.clear();
        }
    }
    insert_keys(&tx, &keys).map_err(sqlite(out))?;
    tx.commit().map_err(sqlite(out))?;
    conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;")
        .map_err(sqlite(out))?;
    // Synced and renamed while the connection still holds the file
    // locked, so that no other build takes it for a stale one; nothing
    // is written through the connection after.
    temp.as_file().sync_all().map_err(io)?;
    temp.persist(out).map_err(|e| io(e.error))?;
    drop(conn);
    Ok(changes)
}

/// Bring the index at `path` up to date with its archive: files whose
/// content changed are extracted again, new ones added and deleted ones
/// removed, all in one transaction. When the rule files it was built with
/// changed, every article is extracted again. Any article that cannot be
/// read stops the update and leaves the index as it was.
pub fn update(path: &Path) -> Result<Changes, IndexError> {
    if !path.is_file() {
        return Err(IndexError::Io {
            path: path.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
        });
    }
    if let Some(dir) = path.parent() {
        remove_stale_temps(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        });
    }
    let mut conn = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
        .map_err(sqlite(path))?;
    check_version(&conn, path)?;
    let err = sqlite(path);
    let meta = Meta::read(&conn, path)?;
    let rules = crate::pipeline::load_rule_set(&meta.rules, meta.max_file_size)
        .map_err(|source| IndexError::Article { source })?;
    let hash_now = rules_hash(&rules);
    let hash_then: String = conn
        .query_row("SELECT value FROM meta WHERE key = 'rules-hash'", [], |r| {
            r.get(0)
        })
        .map_err(&err)?;
    let all_again = hash_now != hash_then;
    let mut known: HashMap<String, (i64, i64)> = HashMap::new();
    {
        let mut st = conn
            .prepare("SELECT aid, id, hash FROM article")
            .map_err(&err)?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, String>(1)?, (r.get(0)?, r.get(2)?))))
            .map_err(&err)?;
        for row in rows {
            let (id, v) = row.map_err(&err)?;
            known.insert(id, v);
        }
    }
    let files = walk(&meta.roots, &meta.base)?;
    let tx = conn.transaction().map_err(&err)?;
    let mut changes = Changes::default();
    let mut batch = Batch::default();
    for (ord, (shown, file)) in files.iter().enumerate() {
        let (id, source) = read(file, meta.max_file_size)?;
        let hash = content_hash(&source);
        let id_text = id.to_string_lossy().into_owned();
        let replaces = match known.remove(&id_text) {
            Some((aid, h)) if h == hash && !all_again => {
                changes.unchanged += 1;
                tx.prepare_cached("UPDATE article SET ord = ?1, path = ?2 WHERE aid = ?3")
                    .and_then(|mut st| {
                        st.execute(params![ord as i64, shown.to_string_lossy(), aid])
                    })
                    .map_err(&err)?;
                continue;
            }
            Some((aid, _)) => {
                changes.changed += 1;
                Some(aid)
            }
            None => {
                changes.added += 1;
                None
            }
        };
        changes.bytes += source.len() as u64;
        batch.pending.push(Pending {
            shown: shown.clone(),
            id,
            hash,
            source,
            ord: ord as i64,
            replaces,
        });
        if batch.pending.len() == BATCH {
            flush(&tx, path, &mut batch, meta.published, &rules)?;
            file_keys(&tx, path, &mut batch.keys)?;
        }
    }
    flush(&tx, path, &mut batch, meta.published, &rules)?;
    file_keys(&tx, path, &mut batch.keys)?;
    for (aid, _) in known.into_values() {
        remove(&tx, path, aid)?;
        changes.removed += 1;
    }
    meta.write(&tx, &hash_now).map_err(&err)?;
    tx.commit().map_err(&err)?;
    Ok(changes)
}
