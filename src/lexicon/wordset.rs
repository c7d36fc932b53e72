//! A fast case-insensitive lookup over the lexicon's word tables.
//!
//! Extractors ask "is this a title word? a speech verb?" of every token, so
//! a lookup must be a few instructions for the common miss: a letter-pair
//! filter rejects most words before any hashing, and the hash is a cheap
//! multiply-rotate (the tables are fixed, so no hash flooding is possible).
//! It knows nothing about what the words mean.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A multiply-rotate hasher, as rustc's FxHasher.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Lower-case words, each with a set of class bits.
pub(crate) struct WordClasses {
    map: HashMap<Box<[u8]>, u16, BuildHasherDefault<FxHasher>>,
    /// For each first byte (folded to 0..64), the last bytes seen.
    pairs: [u64; 64],
    max_len: usize,
}

fn fold(b: u8) -> usize {
    (b.to_ascii_lowercase() & 63) as usize
}

impl WordClasses {
    /// Build from `(table, bit)` pairs of lower-case words.
    pub(crate) fn new(tables: &[(&[&str], u16)]) -> WordClasses {
        let mut map: HashMap<Box<[u8]>, u16, BuildHasherDefault<FxHasher>> = HashMap::default();
        let mut pairs = [0u64; 64];
        let mut max_len = 0;
        for (table, bit) in tables {
            for w in *table {
                let lower = w.to_lowercase().into_bytes();
                if let (Some(&f), Some(&l)) = (lower.first(), lower.last()) {
                    pairs[fold(f)] |= 1 << fold(l);
                }
                max_len = max_len.max(lower.len());
                *map.entry(lower.into_boxed_slice()).or_insert(0) |= bit;
            }
        }
        WordClasses {
            map,
            pairs,
            max_len,
        }
    }

    /// The class bits of `word`, any case (0 when in no table).
    pub(crate) fn of(&self, word: &str) -> u16 {
        let b = word.as_bytes();
        let (Some(&f), Some(&l)) = (b.first(), b.last()) else {
            return 0;
        };
        if b.len() > self.max_len * 2 || self.pairs[fold(f)] & (1 << fold(l)) == 0 {
            return 0;
        }
        let mut buf = [0u8; 32];
        if b.len() <= buf.len() && word.is_ascii() {
            buf[..b.len()].copy_from_slice(b);
            buf[..b.len()].make_ascii_lowercase();
            self.map.get(&buf[..b.len()]).copied().unwrap_or(0)
        } else {
            self.map
                .get(word.to_lowercase().as_bytes())
                .copied()
                .unwrap_or(0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_ignores_case_and_rejects_strangers() {
        let c = WordClasses::new(&[(&["minister", "u.s."], 1), (&["said"], 2)]);
        assert_eq!(c.of("Minister"), 1);
        assert_eq!(c.of("U.S."), 1);
        assert_eq!(c.of("SAID"), 2);
        assert_eq!(c.of("sad"), 0);
        assert_eq!(c.of(""), 0);
        assert_eq!(c.of("Мinister"), 0);
    }
}
