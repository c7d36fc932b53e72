//! What a date belongs to: the tense of its clause (which decides "on
//! Sunday" past or coming) and its anchor, the verb or event noun it dates
//! ("arrived", "strike").
//!
//! Reads a bounded window of the sentence around the expression; it does
//! not parse syntax, it follows news word order.

use super::parse::Found;
use super::resolve::Tense;
use super::view::View;
use super::words::{
    AGO, AUXILIARY, BOUNDARY, CLAUSE, DETERMINER, ED, FUTURE, ING, IRREGULAR_PAST, MODAL,
    PREPOSITION, SCHEDULE,
};
use crate::lexicon::dates::{self as lex, contains};

/// Whether token `j` is a past verb form.
fn is_past(v: &View<'_>, j: usize) -> bool {
    let c = v.class(j);
    c & IRREGULAR_PAST != 0
        || c & ED != 0 && {
            let w = v.low(j);
            w.bytes().all(|b| b.is_ascii_lowercase()) && !contains(lex::NOT_PAST_ED, w)
        }
}

/// The tense of the clause around `f`: the nearest future or past cue in
/// its clause, else in its sentence. "by"/"until" before it mark a
/// deadline, which lies ahead unless the clause tells of the past ("had
/// been brought to safety by Sunday", "was due by Friday").
pub(super) fn tense_of(v: &View<'_>, f: &Found) -> Tense {
    // "until 9 a.m. Tuesday": the word before the clock time.
    let before = skip_clock(v, f.start.wrapping_sub(1));
    // "since March": a time that began before.
    if v.is(before, "since") {
        return Tense::Past;
    }
    if contains(lex::DEADLINE_WORDS, v.low(before)) {
        let mut j = before;
        for _ in 0..12 {
            if j <= v.lo || v.has(j - 1, BOUNDARY) {
                break;
            }
            j -= 1;
            if matches!(v.low(j), "had" | "was" | "were") {
                return Tense::Past;
            }
        }
        // "Until Thursday, police had not named him": the clause after
        // tells of the past.
        let pluperfect = (f.end..(f.end + 6).min(v.hi)).any(|k| v.is(k, "had"));
        return if pluperfect {
            Tense::Past
        } else {
            Tense::Future
        };
    }
    let cue = |j: usize| {
        let c = v.class(j);
        // A word with none of these bits is no cue (each test below needs
        // one: "was", "were" are irregular pasts, "set" a future cue,
        // "has", "have" auxiliaries).
        if c & (FUTURE | ING | IRREGULAR_PAST | SCHEDULE | ED | AUXILIARY | AGO) == 0 {
            return None;
        }
        let w = v.low(j);
        // "be completed", "is heard": a participle after "be" takes its
        // tense from the modal or auxiliary before it, not from its "-ed".
        let p = j.wrapping_sub(1);
        let prev = v.low(p);
        let after_be = matches!(prev, "be" | "being" | "is" | "are" | "am");
        // "a still unspecified date", "the planned merger": an adjective.
        let adjective = v.has(p, DETERMINER)
            || (prev == "still" || prev.ends_with("ly")) && v.has(j.wrapping_sub(2), DETERMINER);
        // "set Friday as the deadline" is past; "set to vote", "will
        // set" ahead.
        let set_alone = w == "set" && !matches!(v.low(j + 1), "to" | "for");
        let set_past = set_alone && !v.has(p, MODAL | AUXILIARY);
        // "is meeting on Friday": a present progressive before the date
        // plans ahead ("results show Ford is making progress" does not).
        let progressive = j < f.start && c & ING != 0 && matches!(prev, "is" | "are");
        // "was planning to leave on Tuesday", "were expected Friday": a
        // plan told in the past still lies ahead.
        let planned = matches!(w, "was" | "were") && v.has(j + 1, FUTURE);
        // A capitalised word is a name ("United", "Reed"), not a verb,
        // unless it opens the sentence.
        let name = v.is_cap(j) && j != v.lo;
        // "the talks resume Monday", "leaders meet on Friday": a schedule
        // in the present tense, right before the date.
        let scheduled = j < f.start
            && f.start - j <= 3
            && c & SCHEDULE != 0
            && !v.has(p, DETERMINER)
            && !v.has(p, MODAL);
        if c & FUTURE != 0 && !set_alone || progressive || planned || scheduled {
            Some(Tense::Future)
        } else if is_past(v, j) && !after_be && !adjective && !name
            || set_past
            || matches!(w, "has" | "have" | "ago")
        {
            Some(Tense::Past)
        } else {
            None
        }
    };
    for clause_only in [true, false] {
        let (mut l, mut r) = (f.start, f.end);
        let (mut l_open, mut r_open) = (true, true);
        for _ in 0..16 {
            if l_open && l > v.lo {
                l -= 1;
                if clause_only && v.has(l, BOUNDARY) {
                    l_open = false;
                } else if let Some(t) = cue(l) {
                    return t;
                }
            }
            if r_open && r < v.hi {
                if clause_only && v.has(r, BOUNDARY) {
                    r_open = false;
                } else if let Some(t) = cue(r) {
                    return t;
                }
                r += 1;
            }
        }
    }
    Tense::Unknown
}

/// The token before a clock time ending at `i` ("9 a.m.", "10:30 p.m.
/// EST", "noon"), else `i` itself.
fn skip_clock(v: &View<'_>, i: usize) -> usize {
    let mut j = i;
    if matches!(
        v.text(j),
        "EST" | "EDT" | "GMT" | "UTC" | "CET" | "PST" | "PDT" | "BST"
    ) {
        j = j.wrapping_sub(1);
    }
    match v.low(j).trim_end_matches('.') {
        "noon" | "midnight" => return j.wrapping_sub(1),
        "a.m" | "p.m" | "am" | "pm" if v.day(j.wrapping_sub(1)).is_some() => {}
        _ => return i,
    }
    let mut k = j - 1;
    if v.text(k.wrapping_sub(1)) == ":" {
        k = k.wrapping_sub(2);
    }
    k.wrapping_sub(1)
}

fn is_verb_at(v: &View<'_>, j: usize) -> bool {
    if !v.is_word(j) || v.is_cap(j) && j != v.lo {
        return false;
    }
    let c = v.class(j);
    if c & (AUXILIARY | MODAL | PREPOSITION) != 0 {
        return false;
    }
    is_past(v, j) || j > v.lo && v.has(j - 1, MODAL) && c & DETERMINER == 0
}

/// Prepositions, determiners, auxiliaries, modals and clause words.
fn is_function_word(v: &View<'_>, j: usize) -> bool {
    v.has(j, PREPOSITION | DETERMINER | AUXILIARY | MODAL | CLAUSE)
}

/// The last word of the noun phrase starting at `j`: "Tuesday's deadly
/// strike" gives "strike".
fn noun_after(v: &View<'_>, j: usize) -> Option<usize> {
    let mut last = None;
    for k in j..(j + 3).min(v.hi) {
        if !v.is_word(k) || is_function_word(v, k) || is_past(v, k) && last.is_some() {
            break;
        }
        last = Some(k);
    }
    last
}

/// Token `j` as the head of a noun phrase that the date modifies: "the
/// strike (in Varno) on Tuesday" when the phrase is a subject or follows a
/// preposition ("came after the airstrike in Varno on October 14"). When
/// a verb takes the phrase as its object ("struck the base on Tuesday"),
/// the date belongs to the verb: the search goes on and finds it.
fn event_noun_at(v: &View<'_>, j: usize) -> Option<usize> {
    if !v.is_word(j) || v.is_cap(j) || is_function_word(v, j) || is_past(v, j) {
        return None;
    }
    let det = (1..=3)
        .map(|k| j.wrapping_sub(k))
        .find(|&d| v.ok(d) && (v.has(d, DETERMINER) || v.is_possessive_word(d)))?;
    let before = det.wrapping_sub(1);
    let opens = det == v.lo || v.has(before, BOUNDARY | PREPOSITION | CLAUSE);
    opens.then_some(j)
}

/// The token the date is attached to: the noun after a possessive or
/// attributive date ("Tuesday's strike", "a June 3 hearing"), the noun
/// before its preposition ("the strike on Tuesday"), else the nearest verb
/// of its clause, looking back first ("who met Y over the weekend").
pub(super) fn anchor_of(v: &View<'_>, f: &Found) -> Option<usize> {
    let before = f.start.wrapping_sub(1);
    if f.possessive || v.has(before, DETERMINER) && v.is_word(f.end) {
        if let Some(n) = noun_after(v, f.end) {
            return Some(n);
        }
    }
    let prep = v.has(before, PREPOSITION) || v.is(before, "at");
    let mut j = if prep { before } else { f.start };
    for _ in 0..12 {
        if j <= v.lo {
            break;
        }
        j -= 1;
        if v.has(j, BOUNDARY) {
            break;
        }
        if is_verb_at(v, j) {
            return Some(j);
        }
        if let Some(n) = event_noun_at(v, j) {
            return Some(n);
        }
    }
    let mut j = f.end;
    if v.text(j) == "," {
        j += 1;
    }
    for _ in 0..12 {
        if j >= v.hi || matches!(v.text(j), ";" | ":" | "(" | "\"" | "“") {
            break;
        }
        if is_verb_at(v, j) {
            return Some(j);
        }
        j += 1;
    }
    None
}
