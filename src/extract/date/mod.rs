//! Date claims: absolute dates ("September 9, 2025", "March 2024", "in
//! 1998"), relative ones ("on Sunday", "last week", "two days ago") resolved
//! against the publication date, and the verb or event noun each one dates.
//!
//! One pass over each sentence's tokens with table lookups; tense and anchor
//! come from a bounded window around the expression. It does not date
//! relations ("a week after the strike", "the other day"), durations ("two
//! years") or times of day, and it never guesses a publication date.

mod calendar;
mod clause;
mod group;
mod named;
mod numeric;
mod parse;
mod resolve;
mod timex;
mod view;
mod words;

use super::{ClaimData, Context, DateClaim, Extractor, Group, GroupKind, RawClaim};
use clause::{anchor_of, tense_of};
use parse::Found;
use std::ops::Range;
use view::View;

/// The date extractor.
pub(crate) struct DateExtractor;

/// The words that may start a date, for the cue pass's [`super::cue::DATE`]
/// mark ([`words::trigger_words`]).
pub(crate) fn cue_words() -> impl Iterator<Item = &'static str> {
    words::trigger_words()
}

impl Extractor for DateExtractor {
    fn name(&self) -> &'static str {
        "date"
    }

    fn extract(&self, cx: &Context<'_>, _prior: &[RawClaim], out: &mut Vec<RawClaim>) {
        extract_dates(cx, out);
    }
}

/// Every date of the document, in order. A claim's range is the date's
/// TIMEX3 extent: a preposition before it stays out ("on Sunday" gives
/// "Sunday"), determiners and shift words stay in ("the weekend", "last
/// week", "earlier this month"), and a possessive "'s" is cut.
fn extract_dates(cx: &Context<'_>, out: &mut Vec<RawClaim>) {
    let doc = cx.doc;
    let lower = &doc.lower;
    // The last date told, with its paragraph, for "the previous year".
    let mut last: Option<(usize, crate::extract::DateRange)> = None;
    let mut groups = 0;
    // Each token is classified when first read (see `View::class`): its
    // bits depend on the token alone, so one slot per token of the
    // document serves every sentence.
    let classes = vec![std::cell::Cell::new(words::PENDING); doc.tokens.len()];
    let table = words::classes();
    for s in &doc.sentences {
        // The date claimed just before in this sentence, with its index.
        let mut before: Option<(Found, usize)> = None;
        let v = View {
            doc,
            lower,
            lo: s.tokens.start,
            hi: s.tokens.end,
            classes: &classes,
            table,
            cues: &cx.cues,
        };
        let mut i = v.lo;
        loop {
            // Most tokens can start no date: skip them in one scan.
            i = v.next_start(i);
            if i >= v.hi {
                break;
            }
            let Some(f) = parse::parse_at(&v, i) else {
                i += 1;
                continue;
            };
            // The tense reads up to 32 words around the date: only for an
            // expression whose value may hang on it.
            let tense = if f.expr.needs_tense() {
                tense_of(&v, &f)
            } else {
                resolve::Tense::Unknown
            };
            let relative = f.expr.is_relative();
            let prev = last.filter(|(p, _)| s.paragraph <= p + 1).map(|(_, r)| r);
            // "the year" counts from a date of its own sentence only: a
            // forecast told two sentences before does not make "sales for
            // the full year" that year's.
            let prev = match f.expr {
                resolve::Expr::TheYear => before.as_ref().and_then(|(_, k)| match &out[*k].data {
                    ClaimData::Date(d) => d.value,
                    _ => None,
                }),
                _ => prev,
            };
            let value = resolve::resolve_after(f.expr, prev, cx.published, tense);
            // A date told relative to the last one ("the previous year")
            // does not become the reference itself: in "up from the same
            // period the previous year and from the previous quarter" both
            // count from the period told before them.
            if let Some(r) = value.filter(|_| !f.expr.is_anaphoric()) {
                last = Some((s.paragraph, r));
            }
            let unresolvable = cx.published.is_none() && relative && !f.expr.is_anaphoric();
            if value.is_some() || unresolvable {
                let part =
                    (f.end > f.start + 1 || v.is(f.start, "tonight")).then(|| v.low(f.end - 1));
                out.push(RawClaim {
                    range: surface(&v, &f),
                    data: ClaimData::Date(DateClaim {
                        value,
                        anchor: anchor_of(&v, &f).map(|a| doc.tokens[a].range()),
                        relative,
                        timex: value.and_then(|r| timex::timex_of(f.expr, r, part)),
                    }),
                    group: None,
                });
                if let Some((p, k)) = before {
                    join(&v, (&p, k), &f, out, &mut groups);
                }
                before = Some((f, out.len() - 1));
            }
            i = f.end;
        }
    }
}

/// Put the claim just pushed for `f` in one group with the claim `k` of
/// the date `p` before it, when the words between join them.
fn join(v: &View<'_>, (p, k): (&Found, usize), f: &Found, out: &mut [RawClaim], groups: &mut u32) {
    let Some(kind) = group::link(v, p, f) else {
        return;
    };
    let n = out.len() - 1;
    let group = match out[k].group {
        // "2008, 2010 and 2012": a list goes on.
        Some(g) if g.kind == GroupKind::List && kind == GroupKind::List => g,
        Some(_) => return,
        None => {
            *groups += 1;
            Group { id: *groups, kind }
        }
    };
    let (ClaimData::Date(a), ClaimData::Date(b)) = (&out[k].data, &out[n].data) else {
        return;
    };
    let (va, vb) = group::complete(kind, (p.expr, a.value), (f.expr, b.value));
    for (i, value) in [(k, va), (n, vb)] {
        out[i].group = Some(group);
        if let ClaimData::Date(d) = &mut out[i].data {
            if value.is_some() && value != d.value {
                d.timex = value.and_then(timex::range_timex);
            }
            d.value = value.or(d.value);
        }
    }
}

/// The prose range of the expression, without a possessive "'s".
fn surface(v: &View<'_>, f: &Found) -> Range<usize> {
    let start = v.doc.tokens[f.start].start;
    let mut end = v.doc.tokens[f.end - 1].end;
    if f.possessive {
        let t = v.text(f.end - 1);
        end -= if t.ends_with("’s") { "’s".len() } else { 2 };
    }
    start..end
}

#[cfg(test)]
mod tests;
