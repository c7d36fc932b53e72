//! Titles given to people: "Secretary of State Lena Varga", "Maya Lind, a
//! spokeswoman for the port authority", "Al Nouri, who is also Oman's
//! foreign minister".
//!
//! A title is a run of title words (modifiers such as "Vice" or "Foreign",
//! then a head such as "President" or "minister", then "of State"-style
//! objects) right before a name or in an appositive right after one. The
//! nationality or organisation ("Omani", "U.S.", "Oman's", "for the port
//! authority") goes to `org`, never into the title. A title with no named
//! person ("its prime minister said") gives no claim; titles inside
//! quotations are not read. A time qualifier before the office ("former",
//! "acting", "then-" joined to it) goes to `qualifier`, never into the
//! title. A title gives a role only to a person: its name on the title's
//! line, and a single word after a title that also opens company names
//! ("General Mills") only when the article names that word as a person.
//! A bare "head" is a description ("the agency's head"), not an office,
//! unless "of" follows.

use super::entity::{self, People};
use super::{Context, Extractor, RawClaim};
use crate::extract::{ClaimData, RoleClaim};
use crate::lexicon::{fold, titles, KELVIN_UTF8};
use crate::text::{Document, TokenKind};
use std::ops::Range;

/// The title extractor.
pub struct RoleExtractor;

impl Extractor for RoleExtractor {
    fn name(&self) -> &'static str {
        "role"
    }

    fn extract(&self, cx: &Context<'_>, _prior: &[RawClaim], out: &mut Vec<RawClaim>) {
        extract_roles(cx.doc, &cx.people, out);
    }
}

/// A title found in the tokens.
#[derive(Debug, Clone)]
pub(crate) struct TitleSpan {
    /// Tokens of the whole phrase, organisation included.
    pub tokens: Range<usize>,
    /// Tokens of the office.
    pub title: Range<usize>,
    /// Tokens of the organisation or nationality.
    pub org: Option<Range<usize>>,
    /// The token of a time qualifier before the office ("former"); the
    /// title's first token when the qualifier is joined to it
    /// ("then-Senator").
    pub qualifier: Option<usize>,
}

impl TitleSpan {
    /// The prose offset where the office's words begin: after the hyphen
    /// of a joined qualifier ("Senator" of "then-Senator").
    fn office_start(&self, doc: &Document) -> usize {
        let t = &doc.tokens[self.title.start];
        match titles::after_joined_qualifier(doc.tok(self.title.start)) {
            Some(rest) if self.qualifier == Some(self.title.start) => t.end - rest.len(),
            _ => t.start,
        }
    }
}

/// The office word of token `k`: the token, or the part after a time
/// qualifier joined to it ("Senator" of "then-Senator").
fn office_word(doc: &Document, k: usize) -> &str {
    let w = doc.tok(k);
    titles::after_joined_qualifier(w).unwrap_or(w)
}

/// Whether the office word of token `k` is capitalised.
fn is_office_capitalised(doc: &Document, k: usize) -> bool {
    match titles::after_joined_qualifier(doc.tok(k)) {
        Some(rest) => rest.chars().next().is_some_and(char::is_uppercase),
        None => entity::is_capitalised(doc, k),
    }
}

/// Whether the office word of token `k` is a title head: the token's
/// classes, looked up once for the article, unless a time qualifier is
/// joined to it ("then-Senator"). No head is under three letters: "in",
/// "of" and "to" are no lookup. A word not looked up yet (lower case)
/// goes through the heads' letter filter first: most are ruled out there.
fn is_title_head_at(doc: &Document, people: &People<'_>, k: usize) -> bool {
    let w = doc.tok(k);
    match titles::after_joined_qualifier(w) {
        Some(rest) => titles::is_title_head(rest),
        None => {
            w.len() >= 3
                && match people.known_classes(k) {
                    Some(c) => c.is_title_head(),
                    None => titles::may_be_title_head(w) && titles::is_title_head(w),
                }
        }
    }
}

/// Whether token `k` is an abbreviated title with its dot ("Sen."). The
/// dot is tested on the token's bytes: a one-byte token that is `.`.
fn is_abbreviated_title(doc: &Document, k: usize) -> bool {
    k + 1 < doc.tokens.len() && {
        let dot = &doc.tokens[k + 1];
        dot.end == dot.start + 1
            && doc.text.as_bytes()[dot.start] == b'.'
            && dot.start == doc.tokens[k].end
            && titles::is_title_abbreviation(doc.tok(k))
    }
}

/// Whether a line break separates tokens `a` and `b`.
fn line_between(doc: &Document, a: usize, b: usize) -> bool {
    doc.text[doc.tokens[a].end..doc.tokens[b].start].contains('\n')
}

/// Whether the title is a bare lower-case "head" with no "of" after it:
/// "the agency's head" describes a person, it names no office.
fn is_bare_head(doc: &Document, t: &TitleSpan) -> bool {
    t.title.len() == 1
        && doc.tok(t.title.start) == "head"
        && doc
            .tokens
            .get(t.title.end)
            .is_none_or(|_| doc.tok(t.title.end) != "of")
}

/// Whether a token whose next token opens with byte `b` may be a title
/// before a name (or "of State", or an abbreviated title before its full
/// stop): `b` is a capital, "o", a full stop or outside ASCII. The first
/// sieve of [`extract_roles`]' scan, one load per token.
const MAY_PRECEDE_NAME: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_uppercase() || c == b'o' || c == b'.' || c >= 0x80;
        b += 1;
    }
    t
};

/// Some words' first letters, last letters and lengths in bytes, to rule
/// a word out by its first and last bytes and its length before any
/// lookup: per first letter (folded, [`fold`]), the last letters seen as
/// a bit set and the lengths seen (63 for any longer). Index
/// [`NO_LETTER`] holds none.
struct Shapes {
    lasts: [u64; 65],
    lengths: [u64; 65],
}

/// The [`Shapes`] index of a first byte that opens no word of a table.
const NO_LETTER: usize = 64;

impl Shapes {
    /// No words.
    const EMPTY: Shapes = Shapes {
        lasts: [0; 65],
        lengths: [0; 65],
    };

    /// `self` with a word opening with byte `f`, ending with `l`, `len`
    /// bytes long. Both are ASCII letters (the tables fail to compile
    /// otherwise): [`FIRST_LETTER`] and [`LAST_LETTER`] read no other
    /// byte of ASCII as a letter.
    const fn with(mut self, f: u8, l: u8, len: usize) -> Shapes {
        assert!(f.is_ascii_alphabetic() && l.is_ascii_alphabetic());
        self.lasts[fold(f)] |= 1 << fold(l);
        self.lengths[fold(f)] |= 1 << capped_len(len);
        self
    }

    /// Whether a word opening with byte `f`, ending with `l`, `len` bytes
    /// long may be one of the words: `true` for each of them in any case
    /// (see [`FIRST_LETTER`] and [`LAST_LETTER`]).
    #[inline]
    fn may_hold(&self, f: u8, l: u8, len: usize) -> bool {
        let at = usize::from(FIRST_LETTER[usize::from(f)]);
        (self.lasts[at] & LAST_LETTER[usize::from(l)] != 0)
            & (self.lengths[at] >> capped_len(len) & 1 != 0)
    }
}

/// A length as [`Shapes`] keep it: 63 for any longer.
const fn capped_len(len: usize) -> usize {
    if len < 63 {
        len
    } else {
        63
    }
}

/// The [`Shapes`] index of each first byte: its letter folded for an
/// ASCII letter, "k" for the first byte of the Kelvin sign, U+212A (and
/// of other characters, which only lets more words through), and
/// [`NO_LETTER`] for any other byte: a word opening with one outside
/// ASCII lower-cases into no ASCII word, and no word of the tables opens
/// with one in it ([`Shapes::with`]).
const FIRST_LETTER: [u8; 256] = {
    let mut t = [NO_LETTER as u8; 256];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphabetic() {
            t[b] = fold(b as u8) as u8;
        }
        b += 1;
    }
    t[KELVIN_UTF8[0] as usize] = fold(b'k') as u8;
    t
};

/// The [`Shapes`] bit of each last byte: its letter folded for an ASCII
/// letter, "k" for the last byte of the Kelvin sign (U+212A), none for
/// any other byte (as [`FIRST_LETTER`]).
const LAST_LETTER: [u64; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphabetic() {
            t[b] = 1 << fold(b as u8);
        }
        b += 1;
    }
    t[KELVIN_UTF8[2] as usize] = 1 << fold(b'k');
    t
};

/// The number of "k"s in `w`: each may be written as the Kelvin sign
/// (U+212A), two bytes longer.
const fn k_count(w: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < w.len() {
        n += (w[i] == b'k') as usize;
        i += 1;
    }
    n
}

/// The shapes of the words [`is_title_head_at`] says yes to: each title
/// head, with each "k" written either way, alone or joined to a time
/// qualifier by either hyphen ("then-Senator", "ex‑minister").
const HEAD_SHAPES: Shapes = {
    let mut s = Shapes::EMPTY;
    let heads = titles::TITLE_HEADS;
    let mut i = 0;
    while i < heads.len() {
        let h = heads[i].as_bytes();
        let (f, l) = (h[0], h[h.len() - 1]);
        let mut k = 0;
        while k <= k_count(h) {
            let len = h.len() + 2 * k;
            s = s.with(f, l, len);
            let mut q = 0;
            while q < titles::TIME_QUALIFIERS.len() {
                let qb = titles::TIME_QUALIFIERS[q].as_bytes();
                s = s.with(qb[0], l, qb.len() + 1 + len);
                s = s.with(qb[0], l, qb.len() + '‑'.len_utf8() + len);
                q += 1;
            }
            k += 1;
        }
        i += 1;
    }
    s
};

/// The shapes of the abbreviated titles: [`titles::is_title_abbreviation`]
/// compares ASCII bytes, any case.
const ABBREVIATION_SHAPES: Shapes = {
    let mut s = Shapes::EMPTY;
    let words = titles::TITLE_ABBREVIATIONS;
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        s = s.with(w[0], w[w.len() - 1], w.len());
        i += 1;
    }
    s
};

/// Whether token `i` (not the last) may open a title before a name, by
/// the shapes of it and of the token after, with no branch: a word
/// outside quotations shaped as a title head (or a qualifier joined to
/// one) before a token that may be a capitalised word or is "of", or
/// shaped as an abbreviated title before a full stop. `false` only where
/// [`title_before_name`] finds nothing: a head with a full stop after it
/// has no name after it, and an abbreviation is read only before its dot.
#[inline]
fn may_open_title(doc: &Document, quoted: &[bool], i: usize) -> bool {
    let bytes = doc.text.as_bytes();
    let (t, next) = (&doc.tokens[i], &doc.tokens[i + 1]);
    let (f, l, len) = (bytes[t.start], bytes[t.end - 1], t.end - t.start);
    let (nf, nl) = (bytes[next.start], bytes[next.end - 1]);
    let next_len = next.end - next.start;
    let name_or_of =
        nf.is_ascii_uppercase() | (nf >= 0x80) | (next_len == 2) & (nf == b'o') & (nl == b'f');
    let dot = (next_len == 1) & (nf == b'.');
    let head = HEAD_SHAPES.may_hold(f, l, len) & name_or_of;
    let abbreviation = ABBREVIATION_SHAPES.may_hold(f, l, len) & dot;
    (t.kind == TokenKind::Word) & !quoted[i] & (head | abbreviation)
}

/// Whether a token opening with byte `b` may be shaped as a title head,
/// a qualifier joined to one or an abbreviated title: some of them open
/// with its letter ([`Shapes::may_hold`] asks this first). Punctuation,
/// digits and most letters outside ASCII open none.
const MAY_OPEN_TITLE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let at = FIRST_LETTER[b] as usize;
        t[b] = HEAD_SHAPES.lasts[at] | ABBREVIATION_SHAPES.lasts[at] != 0;
        b += 1;
    }
    t
};

fn extract_roles(doc: &Document, people: &People<'_>, out: &mut Vec<RawClaim>) {
    let quoted = people.quoted();
    let tokens = &doc.tokens;
    let bytes = doc.text.as_bytes();
    // The tokens are sieved 64 at a time, with no branch per token: first
    // by their own first byte and the next token's (most words are
    // followed by a lower-case word or punctuation, and no title opens
    // with punctuation), then the few left by their shapes
    // ([`may_open_title`]); only what both pass is read, in order. A
    // branch per token mispredicts on every few.
    let mut base = 0;
    while base + 1 < tokens.len() {
        let end = (base + 64).min(tokens.len() - 1);
        let mut sieve = 0u64;
        for (k, pair) in tokens[base..=end].windows(2).enumerate() {
            let may = MAY_OPEN_TITLE[usize::from(bytes[pair[0].start])]
                & MAY_PRECEDE_NAME[usize::from(bytes[pair[1].start])];
            sieve |= u64::from(may) << k;
        }
        let mut open = 0u64;
        for k in entity::ones(sieve) {
            open |= u64::from(may_open_title(doc, quoted, base + k)) << k;
        }
        for k in entity::ones(open) {
            title_before_name(doc, people, base + k, out);
        }
        base = end;
    }
    for m in people.mentions().iter().filter(|m| m.person) {
        if quoted.get(m.tokens.start).copied().unwrap_or(true) {
            continue;
        }
        if let Some((t, additional)) = appositive_title(doc, m.tokens.end) {
            push_role(
                doc,
                people,
                &t,
                m.tokens.clone(),
                m.tokens.start..t.title.end,
                additional,
                out,
            );
        }
    }
}

/// The title whose head (or abbreviation) is token `i`, not the last,
/// before a name: pushed as a role when there is one.
fn title_before_name(doc: &Document, people: &People<'_>, i: usize, out: &mut Vec<RawClaim>) {
    let n = doc.tokens.len();
    let bytes = doc.text.as_bytes();
    let (t, next) = (&doc.tokens[i], &doc.tokens[i + 1]);
    if people.quoted()[i] || t.kind != TokenKind::Word {
        return;
    }
    // The next token is a full stop or "of" when its bytes are: no
    // slice of the text to check for char boundaries.
    let dot_next = next.end == next.start + 1 && bytes[next.start] == b'.';
    let named_next =
        dot_next || entity::is_capitalised(doc, i + 1) || bytes[next.start..next.end] == *b"of";
    if !named_next {
        return;
    }
    // An abbreviated title has its dot next ([`is_abbreviated_title`]
    // with that test done).
    let abbreviated = dot_next && next.start == t.end && titles::is_title_abbreviation(doc.tok(i));
    let after = if abbreviated {
        i + 2
    } else if is_title_head_at(doc, people, i) {
        title_objects_end(doc, i + 1)
    } else {
        return;
    };
    if after < n && doc.tokens[after].kind == TokenKind::Word && !line_between(doc, i, after) {
        // One capitalised word after a title that also opens company
        // names ("General Mills", "Premier Oil") is a person's name
        // only when the article says so elsewhere.
        let is_person = |r: &Range<usize>| {
            r.len() > 1
                || !titles::is_org_opening_head(office_word(doc, i))
                || people.is_person(r.clone())
        };
        if let Some(name) = entity::name_at(doc, after)
            .filter(|r| !r.clone().any(|k| titles::is_not_name_word(doc.tok(k))))
            .filter(|r| !titles::is_title_not_surname(doc.tok(r.end - 1)))
            .filter(|r| !is_abbreviated_title(doc, r.start))
            .filter(is_person)
        {
            if let Some(t) = title_ending_at(doc, i, after).filter(|t| !is_bare_head(doc, t)) {
                push_role(
                    doc,
                    people,
                    &t,
                    name.clone(),
                    t.tokens.start..name.end,
                    false,
                    out,
                );
            }
        }
    }
}

/// [`extract_roles`] for other modules' tests.
#[cfg(test)]
pub(crate) fn extract_roles_for_test(doc: &Document, people: &People<'_>, out: &mut Vec<RawClaim>) {
    extract_roles(doc, people, out);
}

fn push_role(
    doc: &Document,
    people: &People<'_>,
    t: &TitleSpan,
    name: Range<usize>,
    whole: Range<usize>,
    additional: bool,
    out: &mut Vec<RawClaim>,
) {
    let person = people.canonical_at(
        &entity::name_text(doc, name.clone()),
        doc.tokens[name.start].start,
    );
    let text =
        |r: Range<usize>| doc.text[doc.tokens[r.start].start..doc.tokens[r.end - 1].end].to_owned();
    let office = doc.text[t.office_start(doc)..doc.tokens[t.title.end - 1].end].to_owned();
    let org = t.org.clone().map(|r| {
        let s = text(r);
        s.strip_prefix("the ").unwrap_or(&s).to_owned()
    });
    out.push(RawClaim {
        range: doc.tokens[whole.start].start..doc.tokens[whole.end - 1].end,
        data: ClaimData::Role(RoleClaim {
            person,
            title: office,
            org,
            additional,
            qualifier: t.qualifier.map(|k| {
                let w = doc.tok_lower(k);
                w.split_once(['-', '‑']).map_or(w, |(q, _)| q).to_owned()
            }),
        }),
        group: None,
    });
}

/// After a title head at `i - 1`, skip "of State", "of the Treasury".
fn title_objects_end(doc: &Document, i: usize) -> usize {
    let n = doc.tokens.len();
    if i + 1 < n && doc.tok(i) == "of" {
        let mut j = i + 1;
        if doc.tok(j).eq_ignore_ascii_case("the") && j + 1 < n {
            j += 1;
        }
        let w = doc.tok(j);
        if titles::is_title_of_object(w) && !w.eq_ignore_ascii_case("the") {
            return j + 1;
        }
    }
    i
}

/// The title whose head is token `head` and which ends before token `end`:
/// modifiers and heads before it, then the organisation before those.
pub(crate) fn title_ending_at(doc: &Document, head: usize, end: usize) -> Option<TitleSpan> {
    let capital = is_office_capitalised(doc, head);
    // A sentence's first word is capitalised whatever it is ("Head coach").
    let opens_sentence = |k: usize| {
        doc.sentence_at(doc.tokens[k].start)
            .is_some_and(|s| doc.sentences[s].tokens.start == k)
    };
    let same_case = |k: usize| is_office_capitalised(doc, k) == capital || opens_sentence(k);
    // A qualifier joined to the office's first word ("then-Senator",
    // "ex-deputy minister") ends the walk back.
    let joined = |k: usize| titles::after_joined_qualifier(doc.tok(k)).is_some();
    let mut start = head;
    while start > 0 && !joined(start) {
        let k = start - 1;
        // "Lt." before "Gov.".
        if k > 0 && is_abbreviated_title(doc, k - 1) {
            start = k - 1;
            continue;
        }
        let w = office_word(doc, k);
        if doc.tokens[k].kind == TokenKind::Word
            && same_case(k)
            && (titles::is_title_modifier(w) || titles::is_title_head(w))
            && !titles::is_nationality(w)
        {
            start = k;
        } else {
            break;
        }
    }
    let title = start..end;
    let qualifier = if joined(start) {
        Some(start)
    } else {
        (start > 0 && titles::is_time_qualifier(doc.tok(start - 1))).then(|| start - 1)
    };
    let outer = qualifier.unwrap_or(start);
    let mut org_start = outer;
    while org_start > 0 {
        let k = org_start - 1;
        let w = doc.tok(k);
        let is_org_word = doc.tokens[k].kind == TokenKind::Word
            && (titles::is_nationality(w)
                || is_acronym(w)
                || w.ends_with("'s")
                || w.ends_with("’s")
                || (!capital && entity::is_capitalised(doc, k) && !titles::is_not_name_word(w)));
        if is_org_word && org_start - k <= 4 {
            org_start = k;
            if w.ends_with("'s") || w.ends_with("’s") {
                break;
            }
        } else {
            break;
        }
    }
    Some(TitleSpan {
        tokens: org_start..end,
        title,
        org: (org_start < outer).then_some(org_start..outer),
        qualifier,
    })
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.')
}

/// A title in an appositive after a name ending at token `i`:
/// ", a spokeswoman for the port authority", ", who is also Oman's foreign
/// minister". Returns the title and whether it is stated as additional.
fn appositive_title(doc: &Document, i: usize) -> Option<(TitleSpan, bool)> {
    let n = doc.tokens.len();
    if i >= n || doc.tok(i) != "," {
        return None;
    }
    let mut j = i + 1;
    let mut additional = false;
    if j + 1 < n
        && doc.tok(j).eq_ignore_ascii_case("who")
        && matches!(doc.tok(j + 1), "is" | "was" | "has been")
    {
        j += 2;
        if j < n && doc.tok(j) == "also" {
            additional = true;
            j += 1;
        }
    }
    // No other character lower-cases into these ASCII letters.
    if j < n
        && ["a", "an", "the"]
            .iter()
            .any(|d| doc.tok(j).eq_ignore_ascii_case(d))
    {
        j += 1;
    }
    let limit = (j + 7).min(n);
    let mut k = j;
    while k < limit && doc.tokens[k].kind == TokenKind::Word {
        let w = office_word(doc, k);
        // "a top aide *to* the mayor": the office after a preposition is
        // someone else's.
        if matches!(
            w,
            "to" | "of" | "for" | "at" | "in" | "with" | "who" | "and" | "on" | "from" | "by"
        ) {
            return None;
        }
        if titles::is_title_head(w) {
            let after = title_objects_end(doc, k + 1);
            let boundary = after >= n || {
                let b = doc.tok(after);
                matches!(b, "," | "." | ";" | ")" | "—" | "–")
                    || matches!(
                        b,
                        "for" | "of" | "at" | "with" | "who" | "in" | "to" | "and" | "since"
                    )
            };
            let next_head = after < n && titles::is_title_head(doc.tok(after));
            if boundary && !next_head {
                let mut t = title_ending_at(doc, k, after)?;
                if t.tokens.start < j || is_bare_head(doc, &t) {
                    return None;
                }
                if t.org.is_none() {
                    // Org words before the title that the case rule left out.
                    if t.title.start > j {
                        t.org = Some(j..t.title.start);
                    } else if after < n && matches!(doc.tok(after), "for" | "of" | "at") {
                        t.org = org_phrase(doc, after + 1);
                    }
                }
                return Some((t, additional));
            }
        }
        k += 1;
    }
    None
}

/// "the port authority" after "for": words up to a comma, stop or clause.
fn org_phrase(doc: &Document, i: usize) -> Option<Range<usize>> {
    let n = doc.tokens.len();
    let mut j = i;
    while j < n && j - i < 6 {
        let t = &doc.tokens[j];
        let w = doc.tok(j);
        if t.kind == TokenKind::Punct
            || matches!(w, "who" | "which" | "that" | "and" | "said" | "says")
        {
            break;
        }
        j += 1;
    }
    (j > i).then_some(i..j)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::KELVIN;
    use crate::rules::RuleSet;

    #[test]
    fn may_precede_name_table_is_the_byte_test() {
        for b in 0..=255u8 {
            let may = b.is_ascii_uppercase() || b == b'o' || b == b'.' || !b.is_ascii();
            assert_eq!(MAY_PRECEDE_NAME[usize::from(b)], may, "{b}");
        }
    }

    #[test]
    fn may_open_title_is_the_shapes_first_test() {
        for b in 0..=255u8 {
            let may = [&HEAD_SHAPES, &ABBREVIATION_SHAPES]
                .iter()
                .any(|s| (0..=255u8).any(|l| (1..=64).any(|len| s.may_hold(b, l, len))));
            assert_eq!(MAY_OPEN_TITLE[usize::from(b)], may, "{b}");
        }
        assert!(!MAY_OPEN_TITLE[usize::from(b'.')] && !MAY_OPEN_TITLE[0xD0]);
    }

    /// `w` in lower case, upper case and capitalised.
    fn cases(w: &str) -> [String; 3] {
        let mut cap = w.to_owned();
        cap[..1].make_ascii_uppercase();
        [w.to_owned(), w.to_uppercase(), cap]
    }

    /// Whether `shapes` may hold the word `w`.
    fn holds(shapes: &Shapes, w: &str) -> bool {
        let b = w.as_bytes();
        shapes.may_hold(b[0], b[b.len() - 1], b.len())
    }

    #[test]
    fn every_title_word_passes_its_shapes() {
        let kelvin = KELVIN.to_string();
        for h in titles::TITLE_HEADS {
            for w in cases(h) {
                // Each "k" written as the Kelvin sign, or only the first.
                let all = w.replace(['k', 'K'], &kelvin);
                let first = w.replacen(['k', 'K'], &kelvin, 1);
                assert!(titles::is_title_head(&w), "{w}");
                for w in [w.clone(), all, first] {
                    assert!(holds(&HEAD_SHAPES, &w), "{w}");
                    for q in titles::TIME_QUALIFIERS.iter().flat_map(|q| cases(q)) {
                        for joined in [format!("{q}-{w}"), format!("{q}\u{2011}{w}")] {
                            assert!(titles::after_joined_qualifier(&joined).is_some());
                            assert!(holds(&HEAD_SHAPES, &joined), "{joined}");
                        }
                    }
                }
            }
        }
        for a in titles::TITLE_ABBREVIATIONS {
            for w in cases(a) {
                assert!(titles::is_title_abbreviation(&w), "{w}");
                assert!(holds(&ABBREVIATION_SHAPES, &w), "{w}");
            }
        }
        // Most other words are ruled out.
        let words = [
            "the", "and", "said", "in", "of", "Monday", "Reuters", "ново",
        ];
        assert!(words.iter().all(|w| !holds(&HEAD_SHAPES, w)));
        assert!(words.iter().all(|w| !holds(&ABBREVIATION_SHAPES, w)));
    }

    #[test]
    fn the_sieve_reads_every_title_the_token_scan_reads() {
        let texts = [
            "They met Secretary of State Ana Ruiz and Sen. Tom Hale. Gov. Li spoke.",
            "Then-Senator Ana Ruiz, ex\u{2011}minister Bo Lind and former President Tom Hale met.",
            "The \u{212A}ing Charles and \u{212A}ING Harald met PRESIDENT Ana Ruiz of the U.S.",
            "\"Senator Ana Ruiz\" spoke, said President \"Tom\" Hale. Lt. Gov. Ana Berg left.",
            "Omani Prime Minister Sheikh Omar bin Said Al Nouri arrived; prime minister Ana Ruiz too.",
            "SEN. ANA RUIZ and Rep. Tom Hale met CEO Ivo Marsh, chief executive Ana Lind and ceo Bo.",
            "Minister of the Treasury Ana Ruiz met minister of Defence Tom Hale. President.",
        ];
        // Three copies of each: the titles fall on other places of the
        // sieve's 64-token words; and one text after 55 to 70 words, so
        // that its titles and the names after them fall on each side of
        // the first boundary.
        let padded = (55..=70).map(|n| {
            format!(
                "{}Sen. Tom Hale and Secretary of State Ana Ruiz met.",
                "x ".repeat(n)
            )
        });
        let copied = texts.iter().map(|t| [*t; 3].join(" A b c. "));
        for text in copied.chain(padded) {
            let d = Document::new(&text);
            let r = RuleSet::default();
            let p = People::new(&d, &r);
            let mut sieved = Vec::new();
            extract_roles(&d, &p, &mut sieved);
            let mut every = Vec::new();
            for i in 0..d.tokens.len() - 1 {
                title_before_name(&d, &p, i, &mut every);
            }
            assert!(!every.is_empty(), "{text}");
            let every: Vec<_> = every.iter().map(|c| format!("{c:?}")).collect();
            let sieved: Vec<_> = sieved.iter().map(|c| format!("{c:?}")).collect();
            assert_eq!(sieved[..every.len()], every[..], "{text}");
        }
    }

    fn roles(text: &str) -> Vec<(String, String, String, Option<String>, bool)> {
        let d = Document::new(text);
        let r = RuleSet::default();
        let p = People::new(&d, &r);
        let mut out = Vec::new();
        extract_roles(&d, &p, &mut out);
        out.into_iter()
            .map(|c| match c.data {
                ClaimData::Role(r) => (
                    d.text[c.range].to_owned(),
                    r.person,
                    r.title,
                    r.org,
                    r.additional,
                ),
                _ => unreachable!(),
            })
            .collect()
    }

    fn one(text: &str) -> (String, String, Option<String>, bool) {
        let r = roles(text);
        assert_eq!(r.len(), 1, "{r:?}");
        let (_, p, t, o, a) = r.into_iter().next().unwrap();
        (p, t, o, a)
    }

    #[test]
    fn a_longer_title_after_a_title_word_is_not_a_name() {
        assert!(roles("She joined as Chief Strategy Officer last year.").is_empty());
        assert_eq!(
            one("They met Author Stephen King on Monday.").0,
            "Stephen King"
        );
    }

    #[test]
    fn sentence_opening_modifier_stays_in_the_title() {
        assert_eq!(
            one("Head coach Elena Vasquez rested three players."),
            ("Elena Vasquez".into(), "Head coach".into(), None, false)
        );
    }

    #[test]
    fn title_of_state_before_name() {
        assert_eq!(
            one("They met Secretary of State Ana Ruiz on Monday."),
            ("Ana Ruiz".into(), "Secretary of State".into(), None, false)
        );
    }

    #[test]
    fn nationality_goes_to_org_and_honorific_stays_in_name() {
        assert_eq!(
            one("Later, Omani Prime Minister Sheikh Omar bin Said Al Nouri arrived."),
            (
                "Sheikh Omar bin Said Al Nouri".into(),
                "Prime Minister".into(),
                Some("Omani".into()),
                false
            )
        );
    }

    #[test]
    fn dotted_country_goes_to_org() {
        let (_, t, o, _) = one("They met U.S. Secretary of State Ana Ruiz.");
        assert_eq!(
            (t.as_str(), o.as_deref()),
            ("Secretary of State", Some("U.S."))
        );
    }

    #[test]
    fn compound_titles_before_name() {
        let r = roles(
            "He met Vice President Tom Hale, Special Envoy Bo Lind and Harbour Master Ines Vega.",
        );
        let titles: Vec<_> = r.iter().map(|x| (x.1.as_str(), x.2.as_str())).collect();
        assert_eq!(
            titles,
            [
                ("Tom Hale", "Vice President"),
                ("Bo Lind", "Special Envoy"),
                ("Ines Vega", "Harbour Master")
            ]
        );
    }

    #[test]
    fn appositive_title_with_org_after_for() {
        assert_eq!(
            one("Maya Lind, a spokeswoman for the port authority, said it was closed."),
            (
                "Maya Lind".into(),
                "spokeswoman".into(),
                Some("port authority".into()),
                false
            )
        );
    }

    #[test]
    fn who_is_also_gives_an_additional_title() {
        assert_eq!(
            one("Omar Nouri, who is also Oman's foreign minister, left."),
            (
                "Omar Nouri".into(),
                "foreign minister".into(),
                Some("Oman's".into()),
                true
            )
        );
    }

    #[test]
    fn title_without_a_name_gives_no_role() {
        assert!(roles("Peace will hold, its prime minister said.").is_empty());
        assert!(roles("It was the Secretary of State's visit.").is_empty());
    }

    #[test]
    fn surname_of_a_titled_person_links_to_full_name() {
        let r = roles("President Ana Ruiz spoke. Ruiz, the party leader, left.");
        assert_eq!(r[1].1, "Ana Ruiz");
        assert_eq!(r[1].2, "leader");
    }
}
