//! Titles and people on invented articles: compound offices whole at a
//! sentence's start and inside it, time qualifiers kept apart from the
//! office, descriptions and companies given no title, names with suffixes
//! and particles kept whole, and two people who share a surname kept two.
//! Each case comes with a near miss that must not change.

use claimcheck::extract::{extract_article, ClaimData};
use claimcheck::rules::RuleSet;
use claimcheck::source::Article;

/// (person, title, org, qualifier) of every role claim in `text`.
fn roles(text: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
    let article = Article::from_source("story.txt", text.to_owned(), None);
    extract_article(&article, &RuleSet::default())
        .claims
        .into_iter()
        .filter_map(|c| match c.data {
            ClaimData::Role(r) => Some((r.person, r.title, r.org, r.qualifier)),
            _ => None,
        })
        .collect()
}

/// (person, title) of every role claim in `text`.
fn titles(text: &str) -> Vec<(String, String)> {
    roles(text).into_iter().map(|(p, t, _, _)| (p, t)).collect()
}

/// The speaker of every quotation in `text`, in order (`-` for none).
fn speakers(text: &str) -> Vec<String> {
    let article = Article::from_source("story.txt", text.to_owned(), None);
    extract_article(&article, &RuleSet::default())
        .claims
        .into_iter()
        .filter_map(|c| match c.data {
            ClaimData::Quote(q) => Some(q.speaker.unwrap_or_else(|| "-".to_owned())),
            _ => None,
        })
        .collect()
}

fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
    want.iter()
        .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
        .collect()
}

#[test]
fn compound_offices_are_whole_at_a_sentence_start_and_inside_one() {
    let text = "Fire Marshal Dana Kroll closed the road. Crews later met Fire Marshal \
                Ivo Brandt at the depot. School Board President Eva Lund spoke, and so \
                did Homeland Security Secretary Tim Rask and Border Patrol Chief Ken Aho. \
                Deputy Health Minister Omar Talib and Police Chief Rosa Lind arrived.";
    assert_eq!(
        titles(text),
        pairs(&[
            ("Dana Kroll", "Fire Marshal"),
            ("Ivo Brandt", "Fire Marshal"),
            ("Eva Lund", "School Board President"),
            ("Tim Rask", "Homeland Security Secretary"),
            ("Ken Aho", "Border Patrol Chief"),
            ("Omar Talib", "Deputy Health Minister"),
            ("Rosa Lind", "Police Chief"),
        ])
    );
}

#[test]
fn an_organisation_before_an_office_is_not_part_of_it() {
    // Near miss: a party is the organisation, not the office.
    let r = roles("Ana Ruiz, the party leader, spoke. Omani Prime Minister Omar Nouri left.");
    assert_eq!(
        r,
        [
            (
                "Ana Ruiz".to_owned(),
                "leader".to_owned(),
                Some("party".to_owned()),
                None
            ),
            (
                "Omar Nouri".to_owned(),
                "Prime Minister".to_owned(),
                Some("Omani".to_owned()),
                None
            ),
        ]
    );
}

#[test]
fn abbreviated_titles_keep_their_dot() {
    assert_eq!(
        titles("Sen. Max Udo objected, and Lt. Gov. Pia Kurz agreed with Rep. Ivy Tan."),
        pairs(&[
            ("Max Udo", "Sen."),
            ("Pia Kurz", "Lt. Gov."),
            ("Ivy Tan", "Rep.")
        ])
    );
    // Near miss: no dot, no title.
    assert!(titles("Gen Z voters stayed home, polls showed.").is_empty());
}

#[test]
fn every_time_qualifier_is_kept_apart_from_the_office() {
    let text = "The council heard acting Mayor Bo Dean. Acting Mayor Kit Brennan left. \
                Former Governor Lia Stone spoke, as did then-Senator Pat Orr and \
                ex-Minister Ugo Fenn. Incoming President Ada Moss met outgoing \
                Chancellor Rex Haller. The then-deputy minister Eli Roth stayed.";
    let got: Vec<(String, String, Option<String>)> = roles(text)
        .into_iter()
        .map(|(p, t, _, q)| (p, t, q))
        .collect();
    let want = [
        ("Bo Dean", "Mayor", "acting"),
        ("Kit Brennan", "Mayor", "acting"),
        ("Lia Stone", "Governor", "former"),
        ("Pat Orr", "Senator", "then"),
        ("Ugo Fenn", "Minister", "ex"),
        ("Ada Moss", "President", "incoming"),
        ("Rex Haller", "Chancellor", "outgoing"),
        ("Eli Roth", "deputy minister", "then"),
    ];
    let want: Vec<_> = want
        .iter()
        .map(|(p, t, q)| ((*p).to_owned(), (*t).to_owned(), Some((*q).to_owned())))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn acting_as_a_verb_is_no_qualifier() {
    let r = roles(
        "Acting on a tip, Detective Ana Sol found the car. Mayor Bo Dean, acting on advice, left.",
    );
    assert_eq!(
        r,
        [
            ("Ana Sol".to_owned(), "Detective".to_owned(), None, None),
            ("Bo Dean".to_owned(), "Mayor".to_owned(), None, None),
        ]
    );
}

#[test]
fn descriptions_are_not_titles() {
    let text = "Tom Rudd, the agency's head, resigned. Lia Moe, a top aide to Governor \
                Ken Ash, left. A top aide, Sara Vick, said nothing.";
    // Only the governor holds an office here.
    assert_eq!(titles(text), pairs(&[("Ken Ash", "Governor")]));
    // Near misses: "head of" an agency and an office after the article are
    // titles.
    let r = roles(
        "Tom Rudd, head of the agency, resigned. Sara Vick, a spokeswoman for the mayor, spoke.",
    );
    assert_eq!(
        r,
        [
            (
                "Tom Rudd".to_owned(),
                "head".to_owned(),
                Some("agency".to_owned()),
                None
            ),
            (
                "Sara Vick".to_owned(),
                "spokeswoman".to_owned(),
                Some("mayor".to_owned()),
                None
            ),
        ]
    );
}

#[test]
fn capitalised_things_that_are_not_people_get_no_role() {
    let text = "Solution Partner: Premier\n\nSolution Partner: Premier Systems Ltd.\n\n\
                General Mills fell and Premier Oil rose. General Electric slipped.";
    assert_eq!(titles(text), []);
    // Near misses: a premier and a general who are people.
    let text = "Premier Rosa Dahl answered. Gen. Ivo Marr agreed. Later Dahl met \
                Oskar Brun, and General Brun saluted.";
    assert_eq!(
        titles(text),
        pairs(&[
            ("Rosa Dahl", "Premier"),
            ("Ivo Marr", "Gen."),
            ("Oskar Brun", "General"),
        ])
    );
}

#[test]
fn a_title_does_not_reach_across_a_line_break() {
    assert_eq!(
        titles("Our partners\n\nPresident\nAna Ruiz and Tom Hale"),
        pairs(&[])
    );
}

#[test]
fn names_with_suffixes_and_particles_are_one_person() {
    let text = "Martin Lutz Jr. opened the session. \"We are ready,\" Lutz said.\n\n\
                Henry Ford II followed. \"We are not,\" Ford said.\n\n\
                Vincent van Dijk spoke next. \"Maybe,\" Van Dijk said.\n\n\
                Mayor Maria de la Cruz came last. \"Never,\" said Cruz.";
    assert_eq!(
        speakers(text),
        [
            "Martin Lutz Jr.",
            "Henry Ford II",
            "Vincent van Dijk",
            "Maria de la Cruz"
        ]
    );
    assert_eq!(titles(text), pairs(&[("Maria de la Cruz", "Mayor")]));
}

#[test]
fn two_people_who_share_a_surname_stay_two() {
    // The later surname goes to the one named most recently.
    let text = "Ana Berg, the mayor, spoke first on Monday. Later, Tom Berg, a lawyer, \
                took the stand. \"I saw nothing,\" Berg said.\n\n\
                Ana Berg answered him. \"He is wrong,\" Berg said.";
    assert_eq!(speakers(text), ["Tom Berg", "Ana Berg"]);
    // Both named in the sentence before: nobody's name is guessed.
    let text = "Ana Berg, the mayor, met Tom Berg, a lawyer, on Friday. \"We will \
                appeal,\" Berg said.";
    assert_eq!(speakers(text), ["Berg"]);
    // Near miss: one Berg only, however far back.
    let text = "Ana Berg, the mayor, spoke on Monday. The council met later. The vote \
                was put off. \"We will wait,\" Berg said.";
    assert_eq!(speakers(text), ["Ana Berg"]);
}

#[test]
fn a_shared_surname_after_a_title_goes_to_the_nearer_person() {
    let text = "Ana Berg won the seat in May. Tom Berg lost it. Senator Berg took office in June.";
    assert_eq!(titles(text), pairs(&[("Tom Berg", "Senator")]));
}

#[test]
fn a_pull_quote_is_credited_on_the_line_after_it() {
    let text = "The storm hit on Monday.\n\n\
                \"Nobody saw it coming, and nobody was ready.\"\n\n\
                - Tom Hale and Ida Berg were on duty.\n\n\
                The water rose overnight.\n\n\
                \"We lost the roof in an hour, and the walls went next.\"\n\
                — Ana Ruiz, a resident";
    // Near miss: a hyphen opening the next paragraph is a list item, and
    // its names are no credit.
    assert_eq!(speakers(text), ["-", "Ana Ruiz"]);
}
