//! Whether a subject of the audit is disputed or only holds different
//! facts under one heading: two of its versions, from different articles,
//! must state the same fact, by the alignment the checks use.
//!
//! Each version is represented by a few of its mentions, so the work per
//! subject stays bounded however often a story repeats a figure.

use super::Filed;
use crate::check::people::{names_identify, same_person};
use crate::check::quote_text::normalised_words;
use crate::check::Checked;
use crate::extract::{ClaimData, Modifier};
use crate::rules::RuleSet;
use crate::subject::keys::{offices_compatible, title_key};
use crate::subject::{
    align, is_part_of, names_kept, same_attributed_quotation, same_letters, same_quotation,
};
use std::collections::BTreeMap;

/// Mentions of each version compared with the others'.
const PER_VERSION: usize = 8;

/// How similar two counts' or dates' sentences must be to state the same
/// fact: the threshold of CC101 and CC102 (`docs/alignment.md`).
const MIN_SIMILARITY: f32 = 0.3;

/// Whether two versions of a subject, from different articles, align.
pub(super) fn any_aligned(
    kind: &str,
    versions: &BTreeMap<String, Vec<Filed>>,
    articles: &[Checked<'_>],
    rules: &RuleSet,
) -> bool {
    let vs: Vec<&[Filed]> = versions.values().map(Vec::as_slice).collect();
    for (i, a) in vs.iter().enumerate() {
        for b in &vs[i + 1..] {
            for x in a.iter().take(PER_VERSION) {
                for y in b.iter().take(PER_VERSION) {
                    if x.at.0 != y.at.0 && pair_aligns(kind, x.at, y.at, articles, rules) {
                        return true;
                    }
                }
            }
        }
    }
    false
}

fn pair_aligns(
    kind: &str,
    x: (usize, usize),
    y: (usize, usize),
    articles: &[Checked<'_>],
    rules: &RuleSet,
) -> bool {
    let (ax, ay) = (articles[x.0], articles[y.0]);
    let (cx, cy) = (&ax.claims.claims[x.1], &ay.claims.claims[y.1]);
    match (kind, &cx.data, &cy.data) {
        // A vague figure ("thousands of homes") states an order of
        // magnitude, not a figure another can dispute.
        ("count", ClaimData::Count(a), ClaimData::Count(b))
            if a.modifier == Modifier::Many || b.modifier == Modifier::Many =>
        {
            false
        }
        ("count" | "date", _, _) => {
            let sx = ax.claims.subjects.side(&ax.claims.claims, x.1);
            let sy = ay.claims.subjects.side(&ay.claims.claims, y.1);
            align(sx, sy, &[]).is_some_and(|a| a.similarity() >= MIN_SIMILARITY)
        }
        // The same quotation, reworded or given to another speaker; other
        // quotations by one speaker are no dispute.
        // A dispute needs other words or another person.
        ("quote", ClaimData::Quote(qx), ClaimData::Quote(qy)) => {
            let (wx, wy) = (normalised_words(&cx.text), normalised_words(&cy.text));
            let other_speaker = match (&qx.speaker, &qy.speaker) {
                (Some(a), Some(b)) => !same_person(rules, a, b),
                _ => false,
            };
            // Given to another speaker, it must be more than a slogan
            // both repeat, and name what it names.
            let same = if other_speaker {
                same_attributed_quotation(&wx, &wy)
            } else {
                same_quotation(&wx, &wy).is_some()
            };
            // Reworded: not the same letters, nor a cut of the other.
            same && (other_speaker || !(same_letters(&wx, &wy) || is_part_of(&wx, &wy)))
                && (!other_speaker || names_kept(&cx.text, &cy.text))
        }
        // One person given two offices: a namesake
        // with another first name is another person; an office "former"
        // or at another time, an organisation given on one side only, or
        // the office named without its first words ("officer", "police
        // officer") is no other office.
        // Two offices are a dispute only for one person named so on both
        // sides (people::names_identify), offices that one person cannot
        // hold together, and at least one of them a title as formally
        // written before a name ("Mayor"); two jobs described in lower
        // case ("a chief of staff to...", "campaign manager") are what a
        // writer chose to say of a person, at any time of a career.
        ("role", ClaimData::Role(rx), ClaimData::Role(ry)) => {
            let (kx, ky) = (title_key(&rx.title), title_key(&ry.title));
            let formal = |t: &str| t.starts_with(char::is_uppercase);
            rx.qualifier.is_none()
                && ry.qualifier.is_none()
                && !rx.additional
                && !ry.additional
                && (formal(&rx.title) || formal(&ry.title))
                && names_identify(&rx.person, &ry.person)
                && !offices_compatible(&kx, &ky)
        }
        _ => false,
    }
}
