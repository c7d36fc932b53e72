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

impl FxHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Whole 8-byte words are loaded directly (a variable-length copy
        // into a buffer is a `memcpy` call per word, and whole articles
        // are hashed); only the zero-padded tail goes through a buffer.
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let mut b = [0u8; 8];
            b.copy_from_slice(w);
            self.mix(u64::from_le_bytes(b));
        }
        let tail = words.remainder();
        if !tail.is_empty() {
            let mut b = [0u8; 8];
            b[..tail.len()].copy_from_slice(tail);
            self.mix(u64::from_le_bytes(b));
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
    /// Words of up to [`SHORT`] bytes, packed with their length into one
    /// integer ([`key`]), in an open-addressing table at most half full
    /// (0 marks a free slot): a lookup is a multiply and an integer compare,
    /// no hashing of bytes and no `memcmp`.
    short: Vec<(u128, u16)>,
    /// One bit per short word's key ([`bloom_bit`]): a key whose bit is
    /// clear is no word, with no probe of `short`. Most keys looked up are
    /// no word (names, ordinary capitalised words), and a miss would
    /// otherwise probe to a free slot, two probes on average.
    bloom: Vec<u64>,
    /// Longer words.
    long: HashMap<Box<[u8]>, u16, BuildHasherDefault<FxHasher>>,
    /// For each first byte (folded to 0..64), the last bytes seen.
    pairs: [u64; 64],
    /// For each first byte (folded), the lengths seen (31 for any longer).
    lengths: [u32; 64],
    max_len: usize,
    /// Whether every word is ASCII: then a word that lower-cases to
    /// anything else is in no table, and the lowering can stop there.
    ascii_words: bool,
}

/// The longest word kept in the packed table.
pub(crate) const SHORT: usize = 15;

/// An ASCII letter folded for a table indexed by first and last letters:
/// lowered, then its low six bits (so "P" and "p" are one letter).
pub(crate) const fn fold(b: u8) -> usize {
    (b.to_ascii_lowercase() & 63) as usize
}

/// A word of 1..=[`SHORT`] bytes as one integer: its length in the top
/// byte, its bytes below, so no two words share a key and none is 0.
fn key(bytes: impl Iterator<Item = u8>, len: usize) -> u128 {
    // Right-aligned in a 16-byte buffer and read big-endian: the same
    // integer as shifting each byte in, without a 128-bit shift per byte.
    let mut buf = [0u8; 16];
    for (slot, b) in buf[16 - len..].iter_mut().zip(bytes) {
        *slot = b;
    }
    buf[0] = len as u8;
    u128::from_be_bytes(buf)
}

/// [`key`] of `b` (1..=[`SHORT`] bytes) with ASCII letters lower-cased,
/// or `None` when `b` is not ASCII: the bytes are tested and lower-cased
/// all at once in one integer, not one by one.
fn ascii_key_lower(b: &[u8]) -> Option<u128> {
    let v = be_value(b);
    (v & HIGH == 0).then(|| exact_key(v, b.len()))
}

/// [`key`] of the ASCII word of `len` bytes (1..=[`SHORT`]) read as
/// [`be_value`] reads it, lower-cased.
#[inline]
fn exact_key(v: u128, len: usize) -> u128 {
    lower_ascii(v) | (len as u128) << 120
}

/// The top bit of every byte of a `u128`.
pub(crate) const HIGH: u128 = 0x8080_8080_8080_8080_8080_8080_8080_8080;
/// The low bit of every byte of a `u128`.
const ONES: u128 = 0x0101_0101_0101_0101_0101_0101_0101_0101;

/// The ASCII bytes of `v` (every byte below 0x80) with their capitals
/// lower-cased, all at once, in either byte order.
#[inline]
fn lower_ascii(v: u128) -> u128 {
    // Every byte is below 0x80, so these sums carry into no other byte:
    // the high bit says "at least b'A'" and "above b'Z'".
    let from_a = v.wrapping_add(ONES * u128::from(0x80 - b'A')) & HIGH;
    let above_z = v.wrapping_add(ONES * u128::from(0x80 - b'Z' - 1)) & HIGH;
    // 0x80 >> 2 is 0x20, the bit that makes an ASCII capital lower case.
    v | ((from_a & !above_z) >> 2)
}

/// The 16 bytes of `text` from `start` as one big-endian integer, zeros
/// past the end of `text`: one load for any word not within 16 bytes of
/// the end. Shifted right by `8 * (16 - len)`, it is [`be_value`] of the
/// word of `len` bytes (1..=16) there, and its top byte is the word's
/// first.
#[inline]
pub(crate) fn be_window_at(text: &[u8], start: usize) -> u128 {
    match text.get(start..start + 16) {
        Some(b) => {
            let mut buf = [0u8; 16];
            buf.copy_from_slice(b);
            u128::from_be_bytes(buf)
        }
        None => be_window_tail(text, start),
    }
}

/// [`be_window_at`] within 16 bytes of the end of `text`.
#[cold]
fn be_window_tail(text: &[u8], start: usize) -> u128 {
    let mut buf = [0u8; 16];
    let rest = text.get(start..).unwrap_or_default();
    buf[..rest.len()].copy_from_slice(rest);
    u128::from_be_bytes(buf)
}

/// Whether a byte of `v` is `byte`: the zero-byte test of `v` with every
/// byte XOR-ed with `byte`, exact for "any" (a borrow can only mark a byte
/// above a true zero).
#[inline]
pub(crate) fn has_byte(v: u128, byte: u8) -> bool {
    let x = v ^ (ONES * u128::from(byte));
    x.wrapping_sub(ONES) & !x & HIGH != 0
}

/// `b` (at most 16 bytes) as a big-endian integer, from two overlapping
/// loads rather than a copy byte by byte (a `memcpy` call on every
/// lookup): where the loads overlap they hold the same bytes, so OR-ing
/// the shifted halves gives each byte once.
pub(crate) fn be_value(b: &[u8]) -> u128 {
    let n = b.len();
    if n >= 8 {
        let (mut head, mut tail) = ([0u8; 8], [0u8; 8]);
        head.copy_from_slice(&b[..8]);
        tail.copy_from_slice(&b[n - 8..]);
        (u128::from(u64::from_be_bytes(head)) << (8 * (n - 8)))
            | u128::from(u64::from_be_bytes(tail))
    } else if n >= 4 {
        let (mut head, mut tail) = ([0u8; 4], [0u8; 4]);
        head.copy_from_slice(&b[..4]);
        tail.copy_from_slice(&b[n - 4..]);
        u128::from(
            (u64::from(u32::from_be_bytes(head)) << (8 * (n - 4)))
                | u64::from(u32::from_be_bytes(tail)),
        )
    } else {
        b.iter().fold(0, |acc, &x| acc << 8 | u128::from(x))
    }
}

/// The hash of a packed key: bits 32 and up pick its slot, the top
/// [`BLOOM_BITS`] its bit in the [`WordClasses`] bloom.
fn mix(key: u128) -> u64 {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    x.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

fn slot(key: u128, size: usize) -> usize {
    (mix(key) >> 32) as usize & (size - 1)
}

/// Bits of the short words' bloom, as a power of two: 32768 bits (4 KiB)
/// for about a thousand words leaves some 97% of them clear.
const BLOOM_BITS: u32 = 15;

/// The word and the bit of [`WordClasses::bloom`] for the key hashed
/// `h`.
fn bloom_bit(h: u64) -> (usize, u64) {
    let b = h >> (64 - BLOOM_BITS);
    ((b >> 6) as usize, 1 << (b & 63))
}

impl WordClasses {
    /// Build from `(table, bit)` pairs of lower-case words.
    pub(crate) fn new(tables: &[(&[&str], u16)]) -> WordClasses {
        let mut all: HashMap<Box<[u8]>, u16, BuildHasherDefault<FxHasher>> = HashMap::default();
        let mut pairs = [0u64; 64];
        let mut lengths = [0u32; 64];
        let mut max_len = 0;
        let mut ascii_words = true;
        for (table, bit) in tables {
            for w in *table {
                let lower = w.to_lowercase().into_bytes();
                if let (Some(&f), Some(&l)) = (lower.first(), lower.last()) {
                    pairs[fold(f)] |= 1 << fold(l);
                    lengths[fold(f)] |= 1 << lower.len().min(31);
                }
                max_len = max_len.max(lower.len());
                ascii_words &= lower.is_ascii();
                *all.entry(lower.into_boxed_slice()).or_insert(0) |= bit;
            }
        }
        let n_short = all
            .keys()
            .filter(|w| (1..=SHORT).contains(&w.len()))
            .count();
        let size = (n_short * 2).next_power_of_two().max(16);
        let mut short = vec![(0u128, 0u16); size];
        let mut bloom = vec![0u64; 1 << (BLOOM_BITS - 6)];
        let mut long = HashMap::default();
        for (w, bits) in all {
            if (1..=SHORT).contains(&w.len()) {
                let k = key(w.iter().copied(), w.len());
                let (word, bit) = bloom_bit(mix(k));
                bloom[word] |= bit;
                let mut at = slot(k, size);
                while short[at].0 != 0 {
                    at = (at + 1) & (size - 1);
                }
                short[at] = (k, bits);
            } else {
                long.insert(w, bits);
            }
        }
        WordClasses {
            short,
            bloom,
            long,
            pairs,
            lengths,
            max_len,
            ascii_words,
        }
    }

    /// The bits of a packed short word.
    #[inline]
    fn short_bits(&self, k: u128) -> u16 {
        let h = mix(k);
        let (word, bit) = bloom_bit(h);
        if self.bloom[word] & bit == 0 {
            return 0;
        }
        let mask = self.short.len() - 1;
        let mut at = (h >> 32) as usize & mask;
        loop {
            match self.short[at] {
                (0, _) => return 0,
                (x, bits) if x == k => return bits,
                _ => at = (at + 1) & mask,
            }
        }
    }

    /// The bits of `lower`, already lower-case.
    fn bits_of_lower(&self, lower: &[u8]) -> u16 {
        if (1..=SHORT).contains(&lower.len()) {
            self.short_bits(key(lower.iter().copied(), lower.len()))
        } else {
            self.long.get(lower).copied().unwrap_or(0)
        }
    }

    /// The bits of a lower-case ASCII word of 1..=15 bytes already loaded
    /// as an integer: its bytes read big-endian, right-aligned (the word
    /// "ab" is `0x6162`). Skips the letter-pair filter and the lower-casing
    /// of [`WordClasses::of`], for callers that have done both.
    pub(crate) fn of_packed(&self, word: u128, len: usize) -> u16 {
        debug_assert!((1..=SHORT).contains(&len) && word >> (8 * len) == 0);
        self.short_bits(word | (len as u128) << 120)
    }

    /// The class bits of `word`, any case (0 when in no table).
    pub(crate) fn of(&self, word: &str) -> u16 {
        self.of_bytes(word.as_bytes())
    }

    /// [`Self::of`] for a word's UTF-8 bytes (0 when they are not UTF-8).
    /// The letter-pair filter is inlined into the caller's loop: most
    /// words stop there, before a call.
    #[inline]
    pub(crate) fn of_bytes(&self, b: &[u8]) -> u16 {
        let (Some(&f), Some(&l)) = (b.first(), b.last()) else {
            return 0;
        };
        if b.len() > self.max_len * 2 || self.pairs[fold(f)] & (1 << fold(l)) == 0 {
            return 0;
        }
        self.of_candidate(b)
    }

    /// [`Self::of_bytes`] for a caller that only needs words written in
    /// ASCII found (one that compares with ASCII-lower-cased text): the
    /// word's length joins the letter-pair filter, which a word outside
    /// ASCII could pass with another length once lower-cased.
    #[inline]
    pub(crate) fn of_ascii(&self, b: &[u8]) -> u16 {
        let (Some(&f), Some(&l)) = (b.first(), b.last()) else {
            return 0;
        };
        if self.pairs[fold(f)] & (1 << fold(l)) == 0
            || self.lengths[fold(f)] & (1 << b.len().min(31)) == 0
        {
            return 0;
        }
        self.of_candidate(b)
    }

    /// [`Self::of_bytes`] past the letter-pair filter.
    #[inline(never)]
    fn of_candidate(&self, b: &[u8]) -> u16 {
        if let Some(k) = (b.len() <= SHORT).then(|| ascii_key_lower(b)).flatten() {
            self.short_bits(k)
        } else if b.len() <= 32 && b.is_ascii() {
            let mut buf = [0u8; 32];
            buf[..b.len()].copy_from_slice(b);
            buf[..b.len()].make_ascii_lowercase();
            self.bits_of_lower(&buf[..b.len()])
        } else {
            std::str::from_utf8(b).map_or(0, |w| self.of_unicode(w))
        }
    }

    /// [`Self::of_candidate`] of a word not all ASCII (or long). With
    /// every table word ASCII, a word is found only when each of its chars
    /// lowers to ASCII ("\u{212A}" lowers to "k"): the chars are lowered
    /// one by one onto the stack (ASCII ones in place), stopping at the
    /// first that does not ("don’t" stops at "’"), or once longer than any
    /// table word. `str::to_lowercase` lowers each char as
    /// `char::to_lowercase` does but a capital sigma, whose lower case is
    /// never ASCII either.
    #[cold]
    fn of_unicode(&self, w: &str) -> u16 {
        if !self.ascii_words || self.max_len > 64 {
            return self.bits_of_lower(w.to_lowercase().as_bytes());
        }
        let mut buf = [0u8; 64];
        let mut n = 0;
        for c in w.chars() {
            let mut push = |l: char| {
                if !l.is_ascii() || n == self.max_len {
                    return false;
                }
                buf[n] = l.to_ascii_lowercase() as u8;
                n += 1;
                true
            };
            let ok = if c.is_ascii() {
                push(c)
            } else {
                c.to_lowercase().all(push)
            };
            if !ok {
                return 0;
            }
        }
        self.bits_of_lower(&buf[..n])
    }
}

/// Two word tables joined for a pass that asks both of most tokens (the
/// cue pass: its cue words, and the title tables for capitalised words):
/// for a short ASCII word, one hash and one load of a filter answer both,
/// and most words, in neither, stop there.
///
/// A word is hashed folded ([`folded`]: every byte OR 0x20), not
/// lower-cased: two instructions where lowering takes a dozen. Folding
/// joins more than capitals with their letters ("@" with "`", a control
/// byte with a digit), so the filter may say "maybe" for a word in no
/// table, and a slot found is confirmed by the word's exact lower-case
/// [`key`], as the tables hold it. A word whose lower case is a table
/// word folds as that word does, so none is missed.
pub(crate) struct JointClasses {
    /// Two bits per slot of [`JOINT_BITS`] bits of the folded hash: bit 0
    /// set where a word of the first table lands, bit 1 the second.
    filter: Box<[u64; JOINT_FILTER_WORDS]>,
    /// The short ASCII words of both tables, each as its exact key (0
    /// marks a free slot) with its bits in the first table and in the
    /// second, placed by its folded hash in a table at most half full.
    slots: Vec<(u128, u16, u16)>,
    /// Whether both tables find a word outside ASCII only when each of
    /// its chars lowers to ASCII ([`WordClasses::of_unicode`] with ASCII
    /// words): then a word with a char that does not is in neither.
    ascii_only: bool,
}

/// Bits of the folded hash that pick a slot of [`JointClasses`]' filter:
/// 32768 slots for some three thousand words leave about 90% clear.
const JOINT_BITS: u32 = 15;

/// The filter's words, 32 slots of two bits each.
const JOINT_FILTER_WORDS: usize = 1 << (JOINT_BITS - 5);

/// The Kelvin sign, the one character outside ASCII that lower-cases
/// into ASCII ("k"; a test walks every char): a lookup that lower-cases a
/// word before it looks may find a table word written with it.
pub(crate) const KELVIN: char = '\u{212A}';

/// [`KELVIN`] in UTF-8.
pub(crate) const KELVIN_UTF8: [u8; 3] = {
    let mut b = [0; 3];
    KELVIN.encode_utf8(&mut b);
    b
};

/// The last byte of [`KELVIN`]'s UTF-8 ([`JointClasses::surely_lacks`]).
const KELVIN_LAST: u8 = KELVIN_UTF8[2];

/// A word's bytes as [`be_value`] reads them (1..=[`SHORT`] of them),
/// with every byte OR 0x20: the same for a word and its lower case. With
/// no length, the bytes before a word read as spaces ("a" folds as " a"
/// does), which no table word holds; the exact key tells any two apart.
#[inline]
fn folded(v: u128) -> u128 {
    v | (ONES * 0x20)
}

impl JointClasses {
    /// `first` and `second` joined, for their words of 1..=[`SHORT`]
    /// ASCII bytes.
    pub(crate) fn new<'a>(first: &'a WordClasses, second: &'a WordClasses) -> JointClasses {
        // A word outside ASCII is never asked: its key has a byte with
        // the top bit set, as no ASCII word's has.
        let ascii = |t: &'a WordClasses| {
            t.short
                .iter()
                .filter(|(k, _)| *k != 0 && *k & HIGH == 0)
                .copied()
        };
        let size = (2 * (ascii(first).count() + ascii(second).count()))
            .next_power_of_two()
            .max(16);
        let mut slots = vec![(0u128, 0u16, 0u16); size];
        let mut filter = Box::new([0u64; JOINT_FILTER_WORDS]);
        for (table, in_second) in [(first, false), (second, true)] {
            for (k, bits) in ascii(table) {
                let h = mix(folded(k & (u128::MAX >> 8)));
                let at = (h >> (64 - JOINT_BITS)) as usize;
                filter[at / 32] |= (1 + u64::from(in_second)) << (at % 32 * 2);
                // The word's slot, if the first table put it there, else
                // the free one after its run.
                let mut s = (h >> 32) as usize & (size - 1);
                while slots[s].0 != 0 && slots[s].0 != k {
                    s = (s + 1) & (size - 1);
                }
                let slot = &mut slots[s];
                slot.0 = k;
                if in_second {
                    slot.2 |= bits;
                } else {
                    slot.1 |= bits;
                }
            }
        }
        let lowers = |t: &WordClasses| t.ascii_words && t.max_len <= 64;
        JointClasses {
            filter,
            slots,
            ascii_only: lowers(first) && lowers(second),
        }
    }

    /// The bits of the ASCII word `v` of `len` bytes (1..=[`SHORT`], read
    /// as [`be_value`] reads them) in the first table and in the second,
    /// any case, as [`WordClasses::of_bytes`] gives them. `want` says
    /// which are asked: bit 0 the first, bit 1 the second; a table not
    /// asked may answer its bits or 0. A word outside ASCII answers (0,
    /// 0), its exact key holding a byte with the top bit set, as no ASCII
    /// word's does.
    #[inline]
    pub(crate) fn of_ascii(&self, v: u128, len: usize, want: u64) -> (u16, u16) {
        debug_assert!((1..=SHORT).contains(&len) && v >> (8 * len) == 0);
        let h = mix(folded(v));
        let at = (h >> (64 - JOINT_BITS)) as usize;
        if (self.filter[at / 32] >> (at % 32 * 2)) & want == 0 {
            return (0, 0);
        }
        self.confirm(exact_key(v, len), h)
    }

    /// Whether the word `v` of 1..=[`SHORT`] bytes, opening with an ASCII
    /// byte and holding one outside ASCII, is in neither table, by one
    /// test of its bytes: when both tables hold ASCII words only and no
    /// byte of it is 0xAA. The one char outside ASCII that lowers to
    /// ASCII, the Kelvin sign ("\u{212A}", lowered "k"), is the three
    /// bytes E2 84 AA (a test walks every char), so a word without 0xAA
    /// holds a char that does not, and its lower case is not ASCII.
    #[inline]
    pub(crate) fn surely_lacks(&self, v: u128) -> bool {
        self.ascii_only && !has_byte(v, KELVIN_LAST)
    }

    /// The bits of the word of exact key `k` whose folded hash is `h`.
    #[inline]
    fn confirm(&self, k: u128, h: u64) -> (u16, u16) {
        let mask = self.slots.len() - 1;
        let mut at = (h >> 32) as usize & mask;
        loop {
            let (x, a, b) = self.slots[at];
            if x == k {
                return (a, b);
            }
            if x == 0 {
                return (0, 0);
            }
            at = (at + 1) & mask;
        }
    }
}

/// The first and last letters of some words, to rule a word out before
/// any lookup of it: one load and a bit test. It answers for a word
/// opening and ending with ASCII bytes, whose lower case opens and ends
/// with those bytes lowered whatever lies between (`str::to_lowercase`
/// lowers ASCII chars as ASCII); any other word may be one of them.
pub(crate) struct PairFilter {
    /// For each first byte (folded to 0..64), the last bytes seen.
    pairs: [u64; 64],
}

impl PairFilter {
    /// A filter passing every word of `words`, any case.
    pub(crate) fn new(words: &[&str]) -> PairFilter {
        let mut pairs = [0u64; 64];
        for w in words {
            let lower = w.to_lowercase().into_bytes();
            match (lower.first(), lower.last()) {
                (Some(&f), Some(&l)) => pairs[fold(f)] |= 1 << fold(l),
                // A word the test cannot rule out: no word is ruled out.
                _ => pairs = [u64::MAX; 64],
            }
        }
        PairFilter { pairs }
    }

    /// Whether `b` may be one of the words, any case: `false` only when
    /// it opens and ends with ASCII bytes no word opens and ends with.
    #[inline]
    pub(crate) fn may_hold(&self, b: &[u8]) -> bool {
        match (b.first(), b.last()) {
            (Some(&f), Some(&l)) if f.is_ascii() && l.is_ascii() => {
                self.pairs[fold(f)] & (1 << fold(l)) != 0
            }
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hasher_pads_the_tail_as_a_whole_word() {
        let hash = |b: &[u8]| {
            let mut h = FxHasher::default();
            h.write(b);
            h.finish()
        };
        let mut one = FxHasher::default();
        one.mix(u64::from_le_bytes(*b"abcdefgh"));
        one.mix(u64::from_le_bytes(*b"ij\0\0\0\0\0\0"));
        assert_eq!(hash(b"abcdefghij"), one.finish());
        assert_ne!(hash(b"abcdefghij"), hash(b"abcdefghik"));
        assert_eq!(hash(b""), 0);
    }

    #[test]
    fn packed_key_is_length_then_bytes() {
        let shifted = |w: &[u8]| {
            w.iter().fold(0u128, |acc, &b| (acc << 8) | u128::from(b)) | (w.len() as u128) << 120
        };
        for w in [&b"a"[..], b"said", b"fifteen-letters", b"\x00a"] {
            assert_eq!(key(w.iter().copied(), w.len()), shifted(w));
        }
        let all: Vec<u8> = (0u8..0x80).collect();
        for w in all
            .chunks(15)
            .chain(all.chunks(7))
            // Every length, for each way the bytes are loaded.
            .chain((1..=15).map(|n| &all[60..60 + n]))
            .chain([&b"MiNiStEr@[`{Z"[..]])
        {
            let lower: Vec<u8> = w.iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(ascii_key_lower(w), Some(shifted(&lower)), "{w:?}");
        }
        assert_eq!(ascii_key_lower("été".as_bytes()), None);
    }

    #[test]
    fn lookup_ignores_case_and_rejects_strangers() {
        let c = WordClasses::new(&[(&["minister", "u.s."], 1), (&["said"], 2)]);
        assert_eq!(c.of("Minister"), 1);
        assert_eq!(c.of("U.S."), 1);
        assert_eq!(c.of("SAID"), 2);
        assert_eq!(c.of("sad"), 0);
        assert_eq!(
            c.of_packed(u128::from_be_bytes(*b"\0\0\0\0\0\0\0\0\0\0\0\0said"), 4),
            2
        );
        assert_eq!(
            c.of_packed(u128::from_be_bytes(*b"\0\0\0\0\0\0\0\0\0\0\0\0\0sad"), 3),
            0
        );
        assert_eq!(c.of(""), 0);
        assert_eq!(c.of("Мinister"), 0);
        // The ASCII lookup agrees on ASCII words, and the length filter
        // rejects a word whose letters pass the pair filter.
        for w in ["Minister", "U.S.", "SAID", "sad", "", "sid", "saiid"] {
            assert_eq!(c.of_ascii(w.as_bytes()), c.of(w), "{w}");
        }
    }

    #[test]
    fn packed_keys_look_up_as_the_bytes_do() {
        let c = WordClasses::new(&[
            (&["minister", "u.s.", "a", "fifteen-letters", "q"], 1),
            (&["said", "o'neill"], 2),
        ]);
        let d = WordClasses::new(&[(&["a", "u.s.", "a-1", "été"], 4), (&["said"], 8)]);
        let joint = JointClasses::new(&c, &d);
        // "A\r\x11" folds as "a-1" does, "U\x0eS\x0e" as "u.s.", "@" as
        // "`": the filter may pass them, the exact key rejects them.
        let text = "Minister U.S. SAID said sad a A x fifteen-letters Fifteen-LETTERZ \
                    été O'Neill o’neill -- - ab-c @[`{ Q q A-1 A\r\x11 U\x0eS\x0e @ ` Said";
        let bytes = text.as_bytes();
        let mut start = 0;
        for w in text.split(' ') {
            let b = w.as_bytes();
            let len = b.len();
            let window = be_window_at(bytes, start);
            assert_eq!(window >> 120, u128::from(b[0]), "{w}");
            if (1..=SHORT).contains(&len) {
                let v = window >> (8 * (16 - len));
                assert_eq!(v, be_value(b), "{w}");
                assert_eq!(has_byte(v, b'-'), b.contains(&b'-'), "{w}");
                if b.is_ascii() {
                    assert_eq!(Some(exact_key(v, len)), ascii_key_lower(b), "{w}");
                    let both = (c.of_bytes(b), d.of_bytes(b));
                    assert_eq!(both.0, c.of_ascii(b), "{w}");
                    assert_eq!(joint.of_ascii(v, len, 3), both, "{w}");
                    assert_eq!(joint.of_ascii(v, len, 1).0, both.0, "{w}");
                    assert_eq!(joint.of_ascii(v, len, 2).1, both.1, "{w}");
                } else {
                    assert_eq!(ascii_key_lower(b), None, "{w}");
                }
            }
            start += len + 1;
        }
        assert_eq!(start, text.len() + 1);
        // Every byte value, at each place in a word.
        for len in 1..=16 {
            for byte in 0..=255u8 {
                for at in 0..len {
                    let mut b = vec![b'a'; len];
                    b[at] = byte;
                    let v = be_value(&b);
                    assert_eq!(has_byte(v, b'-'), byte == b'-', "{b:?}");
                }
            }
        }
    }

    #[test]
    fn long_and_non_ascii_words_are_found() {
        let c = WordClasses::new(&[
            (&["director-general", "a", "ab", "fifteen-letters"], 1),
            (&["été", "fünfzehnbuchstabenwort"], 2),
        ]);
        assert_eq!(c.of("Director-General"), 1);
        assert_eq!(c.of("A"), 1);
        assert_eq!(c.of("AB"), 1);
        assert_eq!(c.of("Fifteen-Letters"), 1);
        assert_eq!(c.of("Été"), 2);
        assert_eq!(c.of("Fünfzehnbuchstabenwort"), 2);
        assert_eq!(c.of("b"), 0);
        assert_eq!(c.of("\0a"), 0);
    }

    #[test]
    fn every_short_word_is_in_the_bloom() {
        let words: Vec<String> = (0..3000).map(|i| format!("w{i}")).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let c = WordClasses::new(&[(&words, 1)]);
        for &(k, _) in c.short.iter().filter(|(k, _)| *k != 0) {
            let (word, bit) = bloom_bit(mix(k));
            assert!(c.bloom[word] & bit != 0);
        }
        assert!(words.iter().all(|w| c.of(w) == 1));
        // Most strangers stop at the bloom.
        let clear = (0..3000)
            .filter(|i| {
                let k = ascii_key_lower(format!("x{i}").as_bytes()).unwrap();
                let (word, bit) = bloom_bit(mix(k));
                c.bloom[word] & bit == 0
            })
            .count();
        assert!(clear > 2500, "{clear}");
    }

    #[test]
    fn pair_filter_passes_its_words_in_any_case() {
        let words = ["minister", "u.s.", "été", "a", "Kelvin"];
        let f = PairFilter::new(&words);
        for w in words {
            for v in [w.to_owned(), w.to_uppercase(), w.to_lowercase()] {
                assert!(f.may_hold(v.as_bytes()), "{v}");
            }
        }
        // Its lower case opens and ends as the word does ("\u{212A}"
        // lowers to "k"): not ASCII at an end, so not ruled out.
        assert!(f.may_hold("\u{212A}elvin".as_bytes()));
        assert!(f.may_hold("ÉTÉ".as_bytes()));
        assert!(f.may_hold(b""));
        assert!(!f.may_hold(b"said"));
        assert!(!f.may_hold(b"Monday"));
        assert!(!PairFilter::new(&[]).may_hold(b"a"));
        assert!(PairFilter::new(&[""]).may_hold(b"a"));
    }

    #[test]
    fn only_the_kelvin_sign_lowers_to_ascii_from_outside_it() {
        assert!(KELVIN.to_lowercase().eq("k".chars()));
        assert_eq!(KELVIN_LAST, 0xAA);
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            if c.to_lowercase().all(|l| l.is_ascii()) {
                assert_eq!(c, KELVIN, "{:X}", c as u32);
            }
        }
        let ascii = WordClasses::new(&[(&["king", "don't"], 1)]);
        let joint = JointClasses::new(&ascii, &ascii);
        for w in ["don’t", "DON’T", "\u{212A}ing", "Élan"] {
            let v = be_value(w.as_bytes());
            let lacks = joint.surely_lacks(v);
            assert!(!lacks || ascii.of(w) == 0, "{w}");
            assert_eq!(lacks, w != "\u{212A}ing", "{w}");
        }
        let mixed = WordClasses::new(&[(&["été"], 1)]);
        assert!(!JointClasses::new(&ascii, &mixed).surely_lacks(be_value("xé".as_bytes())));
    }

    #[test]
    fn unicode_words_lower_as_to_lowercase_does() {
        // ASCII tables: a word is found only when it lowers to ASCII.
        let ascii = WordClasses::new(&[(&["king", "sigma", "istanbul"], 1)]);
        let mixed = WordClasses::new(&[(&["king", "ǆemal", "σας"], 2)]);
        for w in [
            "\u{212A}ing",
            "\u{212A}ING",
            "KİNG",
            "İstanbul",
            "ΣΑΣ",
            "σας",
            "Ǆemal",
            "ǅEMAL",
            "Kingé",
            "\u{212A}\u{212A}\u{212A}\u{212A}\u{212A}\u{212A}\u{212A}",
            "é",
        ] {
            for c in [&ascii, &mixed] {
                let slow = c.bits_of_lower(w.to_lowercase().as_bytes());
                assert_eq!(c.of_candidate(w.as_bytes()), slow, "{w}");
            }
        }
        assert_eq!(ascii.of_candidate("\u{212A}ing".as_bytes()), 1);
        assert_eq!(mixed.of_candidate("ΣΑΣ".as_bytes()), 2);
    }
}
