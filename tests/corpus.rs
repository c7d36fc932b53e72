//! Corpus tests: whole articles of our own writing, in several domains
//! (business earnings, a sports result, a court case, a natural disaster),
//! run through extraction as a reader would meet them. Each asserts every
//! claim found (kind, line, text and what it says, exactly: a new false
//! positive fails as surely as a miss) and that every claim's span slices
//! the real source text, front matter and heading included.

use claimcheck::extract::{extract_article, ClaimData};
use claimcheck::rules::RuleSet;
use claimcheck::source::{load_article, Article};
use std::path::Path;

/// One expected claim: kind, 1-based line, surface text, and what it says
/// (count: `VALUE NOUN MODIFIER`; date: `START..END`; quote: the speaker;
/// role: `PERSON: TITLE`, with `/ ORG` when an organisation is given;
/// age, score, ordinal: the value (`3-1` for a score) and the person or
/// noun).
type Want = (&'static str, usize, &'static str, &'static str);

fn load(name: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus")
        .join(name);
    load_article(&path, None).expect("fixture loads")
}

/// Every claim of the article as (kind, line, text, what it says).
fn claims_of(article: &Article) -> Vec<(String, usize, String, String)> {
    let claims = extract_article(article, &RuleSet::default());
    claims
        .claims
        .iter()
        .map(|c| {
            let line = article.lines.line_col(&article.source, c.span.start).line;
            let says = match &c.data {
                ClaimData::Count(n) => {
                    format!("{} {} {}", n.value, n.noun, n.modifier.as_str())
                }
                ClaimData::Date(d) => d.value.map_or("unresolved".to_owned(), |v| {
                    format!("{}..{}", v.start, v.end)
                }),
                ClaimData::Quote(q) => q.speaker.clone().unwrap_or_default(),
                ClaimData::Temporal(t) => t.timex.clone(),
                ClaimData::Figure(f) => {
                    let v = match f.other {
                        Some(b) => format!("{}-{b}", f.value),
                        None => f.value.to_string(),
                    };
                    match f.person.as_ref().or(f.noun.as_ref()) {
                        Some(w) => format!("{v} {w}"),
                        None => v,
                    }
                }
                ClaimData::Role(r) => match &r.org {
                    Some(org) => format!("{}: {} / {org}", r.person, r.title),
                    None => format!("{}: {}", r.person, r.title),
                },
            };
            (c.data.kind_name().to_owned(), line, c.text.clone(), says)
        })
        .collect()
}

/// The article's claims are exactly `want`, and each span slices the
/// source on char boundaries into the claim's own text.
fn assert_corpus(name: &str, want: &[Want]) {
    let article = load(name);
    for c in extract_article(&article, &RuleSet::default()).claims {
        let slice = article
            .source
            .get(c.span.start as usize..c.span.end as usize)
            .unwrap_or_else(|| panic!("{name}: span {:?} off the source", c.span));
        assert_eq!(
            slice, c.text,
            "{name}: span does not slice the claim's text"
        );
    }
    let got = claims_of(&article);
    let want: Vec<_> = want
        .iter()
        .map(|(k, l, t, s)| ((*k).to_owned(), *l, (*t).to_owned(), (*s).to_owned()))
        .collect();
    assert_eq!(got, want, "{name}");
}

#[test]
fn business_earnings_article() {
    assert_corpus(
        "earnings.md",
        &[
            ("date", 8, "Tuesday", "2024-05-07..2024-05-07"),
            ("count", 8, "12 percent", "12 percent exact"),
            ("count", 8, "$4.2 billion", "4200000000 dollar exact"),
            ("date", 8, "the first quarter", "2024-01-01..2024-03-31"),
            ("count", 10, "about 18,000 people", "18000 person about"),
            ("count", 10, "14 countries", "14 country exact"),
            ("time", 10, "now", "PRESENT_REF"),
            ("count", 10, "$3.10", "3.1 dollar exact"),
            (
                "quote",
                12,
                "Shoppers kept coming back to our brands even as prices rose,",
                "Marta Lindqvist",
            ),
            (
                "role",
                12,
                "Chief Executive Marta Lindqvist",
                "Marta Lindqvist: Chief Executive",
            ),
            (
                "role",
                14,
                "Chief Financial Officer Tomas Reyes",
                "Tomas Reyes: Chief Financial Officer",
            ),
            ("count", 14, "two plants", "2 plant exact"),
            ("date", 14, "the year", "2024-01-01..2024-12-31"),
            ("count", 16, "6 percent", "6 percent exact"),
        ],
    );
}

#[test]
fn sports_result_article() {
    assert_corpus(
        "football.md",
        &[
            ("ordinal", 8, "first", "1 time"),
            ("duration", 8, "31 years", "P31Y"),
            ("score", 8, "3-1", "3-1"),
            ("date", 8, "Sunday", "2024-03-10..2024-03-10"),
            ("count", 8, "42,000 fans", "42000 fan exact"),
            ("ordinal", 10, "second", "2 half"),
            (
                "quote",
                12,
                "We have waited a long time for a day like this,",
                "Kofi Mensah",
            ),
            (
                "role",
                14,
                "Head coach Elena Vasquez",
                "Elena Vasquez: Head coach",
            ),
            ("count", 14, "three players", "3 player exact"),
            ("date", 14, "Wednesday", "2024-03-13..2024-03-13"),
            ("date", 16, "May 18", "2024-05-18..2024-05-18"),
        ],
    );
}

#[test]
fn court_case_article() {
    assert_corpus(
        "court.md",
        &[
            ("date", 8, "Thursday", "2024-09-19..2024-09-19"),
            ("duration", 8, "six years", "P6Y"),
            (
                "count",
                8,
                "more than $2.3 million",
                "2300000 dollar more-than",
            ),
            (
                "role",
                10,
                "Judge Harriet Okonkwo",
                "Harriet Okonkwo: Judge",
            ),
            (
                "quote",
                10,
                "betrayed the trust of every worker in this town.",
                "Harriet Okonkwo",
            ),
            ("count", 12, "17 bank accounts", "17 account exact"),
            ("date", 12, "2016", "2016-01-01..2016-12-31"),
            ("date", 12, "2021", "2021-01-01..2021-12-31"),
            (
                "quote",
                14,
                "The sentence reflects the scale of the harm,",
                "Samuel Achebe",
            ),
            (
                "role",
                14,
                "District Attorney Samuel Achebe",
                "Samuel Achebe: District Attorney",
            ),
        ],
    );
}

#[test]
fn natural_disaster_article() {
    assert_corpus(
        "earthquake.md",
        &[
            ("date", 8, "Tuesday", "2024-02-13..2024-02-13"),
            ("count", 8, "at least 38 people", "38 person at-least"),
            ("count", 10, "about 15 people", "15 person about"),
            ("count", 10, "three villages", "3 village exact"),
            (
                "quote",
                12,
                "Many houses simply collapsed on the families inside,",
                "Amina Farouk",
            ),
            (
                "role",
                14,
                "Interior Minister Jonas Berg",
                "Jonas Berg: Interior Minister",
            ),
            ("date", 14, "Wednesday", "2024-02-14..2024-02-14"),
            ("count", 14, "$50 million", "50000000 dollar exact"),
            ("count", 16, "Nearly 4,000 people", "4000 person nearly"),
        ],
    );
}

#[test]
fn council_vote_article_with_ages_scores_and_introduced_quotes() {
    assert_corpus(
        "harbour.md",
        &[
            ("score", 8, "7-2", "7-2"),
            ("date", 8, "Monday", "2024-06-03..2024-06-03"),
            ("ordinal", 8, "third", "3 time"),
            ("duration", 8, "a decade", "P10Y"),
            ("role", 10, "Mayor Ana Ruiz", "Ana Ruiz: Mayor"),
            ("age", 10, "58", "58 Ana Ruiz"),
            (
                "quote",
                12,
                "We cannot wait for the next storm. The wall goes up this year.",
                "Ana Ruiz",
            ),
            ("date", 12, "this year", "2024-01-01..2024-12-31"),
            ("age", 14, "71-year-old", "71 Tom Hale"),
            ("quote", 14, "Nobody asked the boats.", "Tom Hale"),
            (
                "quote",
                16,
                "It is a good plan, but it is late,",
                "town's chief engineer",
            ),
        ],
    );
}
