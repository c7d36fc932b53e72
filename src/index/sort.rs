//! Key rows put in key order for a build, so that SQLite files them into
//! their B-tree in order, each beside the last, without a staging table
//! or its sorter.
//!
//! Rows are gathered in memory up to [`RUN_ROWS`]; a build with more
//! writes each full buffer, sorted, as a run of fixed-width rows to one
//! anonymous temporary file beside the index (removed by the system when
//! closed, even when the build is killed), and merges the runs at the
//! end: memory stays flat whatever the archive's size. This module knows
//! nothing of SQLite or of what a key means.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// A key row: key, date, article, the order of the key table's primary
/// key (so that sorting rows sorts them as SQLite stores them).
pub(crate) type KeyRow = [i64; 3];

/// Rows sorted in memory before a run is written: 24 MiB.
const RUN_ROWS: usize = 1 << 20;

/// Bytes of a row in a run.
const ROW_BYTES: usize = 24;

/// Rows read from a run at a time while merging.
const READ_ROWS: usize = 2048;

/// Key rows gathered from a build's batches, handed back in order.
pub(crate) struct KeySorter {
    /// The folder runs are written in.
    dir: PathBuf,
    /// Rows not yet written to a run.
    rows: Vec<KeyRow>,
    /// The file of runs, once the first is written.
    file: Option<File>,
    /// Each run's first byte in the file and its rows.
    runs: Vec<(u64, u64)>,
    /// Bytes written to the file.
    written: u64,
    /// Rows held in memory before a run is written.
    run_rows: usize,
}

impl KeySorter {
    /// A sorter writing its runs, if it needs any, in `dir`.
    pub(crate) fn new(dir: &Path) -> KeySorter {
        KeySorter::with_run_rows(dir, RUN_ROWS)
    }

    /// A sorter writing a run every `run_rows` rows (small in tests).
    fn with_run_rows(dir: &Path, run_rows: usize) -> KeySorter {
        KeySorter {
            dir: dir.to_owned(),
            rows: Vec::new(),
            file: None,
            runs: Vec::new(),
            written: 0,
            run_rows,
        }
    }

    /// Take `rows` (the vector is left empty).
    pub(crate) fn push(&mut self, rows: &mut Vec<KeyRow>) -> io::Result<()> {
        for row in rows.drain(..) {
            self.rows.push(row);
            if self.rows.len() == self.run_rows {
                self.write_run()?;
            }
        }
        Ok(())
    }

    /// Sort the rows in memory and write them to the file as a run.
    fn write_run(&mut self) -> io::Result<()> {
        self.rows.sort_unstable();
        let file = match &mut self.file {
            Some(f) => f,
            None => self.file.insert(tempfile::tempfile_in(&self.dir)?),
        };
        let mut out = BufWriter::with_capacity(1 << 16, &*file);
        for row in &self.rows {
            for v in row {
                out.write_all(&v.to_le_bytes())?;
            }
        }
        out.flush()?;
        self.runs.push((self.written, self.rows.len() as u64));
        self.written += (self.rows.len() * ROW_BYTES) as u64;
        self.rows.clear();
        Ok(())
    }

    /// Every row taken, in order, each once.
    pub(crate) fn finish(mut self) -> io::Result<Sorted> {
        if self.file.is_none() {
            self.rows.sort_unstable();
            self.rows.dedup();
            return Ok(Sorted::Memory(self.rows.into_iter()));
        }
        if !self.rows.is_empty() {
            self.write_run()?;
        }
        let Some(file) = self.file else {
            return Ok(Sorted::Memory(Vec::new().into_iter()));
        };
        let mut runs: Vec<Run> = self
            .runs
            .into_iter()
            .map(|(at, rows)| Run {
                at,
                left: rows,
                buf: Vec::new(),
                next: 0,
            })
            .collect();
        let mut heap = BinaryHeap::with_capacity(runs.len());
        for (i, run) in runs.iter_mut().enumerate() {
            if let Some(row) = run.next_row(&file)? {
                heap.push(Reverse((row, i)));
            }
        }
        Ok(Sorted::Runs(Merge {
            file,
            runs,
            heap,
            last: None,
        }))
    }
}

/// One run being read back.
struct Run {
    /// Its next unread byte in the file.
    at: u64,
    /// Its rows not yet read from the file.
    left: u64,
    /// Rows read and not yet handed on.
    buf: Vec<KeyRow>,
    /// The next of them.
    next: usize,
}

impl Run {
    /// Its next row, reading more from `file` when its buffer is spent.
    fn next_row(&mut self, mut file: &File) -> io::Result<Option<KeyRow>> {
        if self.next == self.buf.len() {
            if self.left == 0 {
                return Ok(None);
            }
            let n = self.left.min(READ_ROWS as u64) as usize;
            let mut bytes = vec![0; n * ROW_BYTES];
            file.seek(SeekFrom::Start(self.at))?;
            file.read_exact(&mut bytes)?;
            self.at += bytes.len() as u64;
            self.left -= n as u64;
            self.buf.clear();
            self.buf.extend(bytes.chunks_exact(ROW_BYTES).map(|r| {
                let v = |i: usize| {
                    let mut b = [0; 8];
                    b.copy_from_slice(&r[i * 8..i * 8 + 8]);
                    i64::from_le_bytes(b)
                };
                [v(0), v(1), v(2)]
            }));
            self.next = 0;
        }
        let row = self.buf[self.next];
        self.next += 1;
        Ok(Some(row))
    }
}

/// The runs merged: the least row of their heads first.
pub(crate) struct Merge {
    /// The file of runs.
    file: File,
    /// The runs.
    runs: Vec<Run>,
    /// Each run's head and the run's number, least first.
    heap: BinaryHeap<Reverse<(KeyRow, usize)>>,
    /// The row handed on last, to hand each once.
    last: Option<KeyRow>,
}

/// The rows of a [`KeySorter`] in order.
pub(crate) enum Sorted {
    /// All fitted in memory.
    Memory(std::vec::IntoIter<KeyRow>),
    /// Merged from runs on disk.
    Runs(Merge),
}

impl Iterator for Sorted {
    type Item = io::Result<KeyRow>;

    fn next(&mut self) -> Option<io::Result<KeyRow>> {
        match self {
            Sorted::Memory(rows) => rows.next().map(Ok),
            Sorted::Runs(m) => loop {
                let Reverse((row, i)) = m.heap.pop()?;
                match m.runs[i].next_row(&m.file) {
                    Ok(Some(next)) => m.heap.push(Reverse((next, i))),
                    Ok(None) => {}
                    Err(e) => return Some(Err(e)),
                }
                if m.last != Some(row) {
                    m.last = Some(row);
                    return Some(Ok(row));
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows in a scrambled order, some twice.
    fn scrambled(n: i64) -> Vec<KeyRow> {
        let mut rows: Vec<KeyRow> = (0..n)
            .map(|i| {
                let x = i.wrapping_mul(0x9e37_79b9_7f4a_7c15_u64 as i64) % 97;
                [x, -(i % 5), i]
            })
            .collect();
        rows.extend_from_within(..n as usize / 10);
        rows
    }

    fn sorted_with(run_rows: usize, rows: &[KeyRow]) -> Vec<KeyRow> {
        let dir = tempfile::tempdir().unwrap();
        let mut s = KeySorter::with_run_rows(dir.path(), run_rows);
        for chunk in rows.chunks(37) {
            s.push(&mut chunk.to_vec()).unwrap();
        }
        let out = s.finish().unwrap().collect::<io::Result<Vec<_>>>().unwrap();
        // The runs' file has no name: nothing is left in the folder.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        out
    }

    #[test]
    fn rows_come_back_sorted_and_each_once_from_memory_or_from_runs() {
        let rows = scrambled(4500);
        let mut expected = rows.clone();
        expected.sort_unstable();
        expected.dedup();
        assert!(expected.len() < rows.len());
        assert_eq!(sorted_with(RUN_ROWS, &rows), expected);
        for run_rows in [1, 2, 100, 4949, 4950] {
            assert_eq!(sorted_with(run_rows, &rows), expected, "{run_rows}");
        }
        assert!(sorted_with(7, &[]).is_empty());
    }
}
