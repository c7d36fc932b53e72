//! Claim extraction: counts, dates, quotes and titles (and times,
//! durations, ages, scores and ordinals), with spans.
//!
//! One extractor per claim family, each in its own file behind the
//! [`Extractor`] trait and registered in [`EXTRACTORS`]. Extractors read the
//! text layer ([`Document`]) and emit claims with prose ranges; this module
//! maps them to source spans. They do not compare anything: that is
//! `check`'s job.

mod age;
mod alias;
mod attribution;
mod claim;
mod count;
mod cue;
mod date;
mod duration;
mod entity;
mod frame;
mod noun;
mod number;
mod ordinal;
mod quote;
mod role;
mod score;
mod time;

pub use claim::{
    Claim, ClaimData, Count, DateClaim, DateRange, FigureClaim, FigureKind, Group, GroupKind,
    Interval, Modifier, QuoteClaim, RoleClaim, TemporalClaim, TemporalKind,
};

use crate::rules::RuleSet;
use crate::source::Article;
use crate::subject::{subjects_with, StemTable, Subjects};
use crate::text::Document;

use chrono::NaiveDate;
pub(crate) use number::small_word;
use std::ops::Range;

/// What an extractor sees.
pub struct Context<'a> {
    /// The segmented prose.
    pub doc: &'a Document,
    /// Publication date, when known.
    pub published: Option<NaiveDate>,
    /// The rule set (empty without `--rules`), for canonical names.
    pub rules: &'a RuleSet,
    /// The people the article names, found once for every extractor.
    pub(crate) people: entity::People<'a>,
    /// Per token, which extractors may start there.
    pub(crate) cues: cue::Cues,
}

impl<'a> Context<'a> {
    /// What extractors see of `doc`, its people found once.
    pub fn new(doc: &'a Document, published: Option<NaiveDate>, rules: &'a RuleSet) -> Self {
        // The cue pass reads every token, and finds the title classes of
        // the people's capitalised words as it goes.
        let quoted = entity::quoted_tokens(doc);
        let (cues, capitals) = cue::Cues::with_title_classes(doc, &quoted);
        Context {
            doc,
            published,
            rules,
            people: entity::People::with_capitals(doc, rules, quoted, capitals),
            cues,
        }
    }
}

/// A claim as an extractor emits it, before spans are mapped to the source.
#[derive(Debug, Clone)]
pub struct RawClaim {
    /// Prose byte range of the claim's surface text.
    pub range: Range<usize>,
    /// The claim.
    pub data: ClaimData,
    /// The range or list it belongs to; the id only needs to be unique
    /// within the extractor's own claims (renumbered per article).
    pub group: Option<Group>,
}

/// One claim family.
pub trait Extractor: Sync {
    /// Short name, for debugging and docs.
    fn name(&self) -> &'static str;
    /// Append the claims found in `cx.doc` to `out`. Runs after the
    /// extractors before it in [`EXTRACTORS`], whose claims are in `prior`.
    fn extract(&self, cx: &Context<'_>, prior: &[RawClaim], out: &mut Vec<RawClaim>);
}

/// Every extractor, in the order they run.
pub static EXTRACTORS: &[&dyn Extractor] = &[
    &count::CountExtractor,
    &date::DateExtractor,
    &duration::DurationExtractor,
    &time::TimeExtractor,
    &role::RoleExtractor,
    &quote::QuoteExtractor,
    &age::AgeExtractor,
    &score::ScoreExtractor,
    &ordinal::OrdinalExtractor,
];

/// What extraction finds in one article: its segmented text and its
/// claims, before the subject layer. `extract` writes this; the checks
/// read [`ArticleClaims`].
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The segmented prose.
    pub doc: Document,
    /// Claims in source order.
    pub claims: Vec<Claim>,
}

impl Extraction {
    /// The claims with what each sentence and claim is about: what the
    /// checks, the audit and the index read. `stems` carries the stems of
    /// words seen in earlier articles of the run.
    pub fn with_subjects(self, stems: &mut StemTable) -> ArticleClaims {
        let subjects = subjects_with(&self.doc, &self.claims, stems);
        ArticleClaims {
            doc: self.doc,
            claims: self.claims,
            subjects,
        }
    }
}

/// The claims of one article, with its segmented text and their subjects.
#[derive(Debug, Clone)]
pub struct ArticleClaims {
    /// The segmented prose.
    pub doc: Document,
    /// Claims in source order.
    pub claims: Vec<Claim>,
    /// What each sentence and claim is about, for comparing claims.
    pub subjects: Subjects,
}

/// Extract every claim of `article`, with its subjects.
pub fn extract_article(article: &Article, rules: &RuleSet) -> ArticleClaims {
    extract_claims(article, rules).with_subjects(&mut StemTable::new())
}

/// Extract every claim of `article`, without the subject layer (what
/// `extract` writes needs no more).
pub fn extract_claims(article: &Article, rules: &RuleSet) -> Extraction {
    let doc = Document::new(article.prose.text());
    let cx = Context::new(&doc, article.published, rules);
    let mut raw = Vec::new();
    for ex in EXTRACTORS {
        let mut found = Vec::new();
        ex.extract(&cx, &raw, &mut found);
        raw.extend(found);
    }
    let mut claims: Vec<Claim> = raw
        .into_iter()
        .map(|r| {
            let span = article.prose.span(r.range.start, r.range.end);
            let sentence = doc.sentence_at(r.range.start);
            Claim {
                span,
                text: doc.text[r.range.clone()].to_owned(),
                prose: r.range,
                sentence,
                data: r.data,
                group: r.group,
            }
        })
        .collect();
    claims.sort_by(|a, b| {
        (a.span.start, a.span.end, a.data.kind_name()).cmp(&(
            b.span.start,
            b.span.end,
            b.data.kind_name(),
        ))
    });
    number_groups(&mut claims);
    Extraction { doc, claims }
}

/// Renumber groups 1, 2, ... in source order, unique across extractors.
fn number_groups(claims: &mut [Claim]) {
    let mut seen: Vec<((&'static str, u32), u32)> = Vec::new();
    for c in claims.iter_mut() {
        let Some(g) = c.group.as_mut() else {
            continue;
        };
        let key = (c.data.kind_name(), g.id);
        g.id = match seen.iter().find(|(k, _)| *k == key) {
            Some((_, id)) => *id,
            None => {
                let id = seen.len() as u32 + 1;
                seen.push((key, id));
                id
            }
        };
    }
}

/// Extract the claims of many articles on every core; results come back in
/// the order given, so output never depends on the number of threads.
pub fn extract_all(articles: Vec<Article>, rules: &RuleSet) -> Vec<(Article, ArticleClaims)> {
    crate::parallel::map_in_order_with(articles, StemTable::new, |stems, a| {
        let c = extract_claims(&a, rules).with_subjects(stems);
        (a, c)
    })
}
