//! Direct quotations and their speakers.
//!
//! Every double-quoted span that reads as speech is a claim: a full
//! quotation, or a partial one inside reported speech ("called the strike
//! "a dangerous gamble""). Its speaker comes from the attribution next to it
//! (`"...," X said`, `said X`, `X said: "..."`, `according to X`), else from
//! an earlier quotation of the same paragraph (a quote interrupted by its
//! attribution), else from the paragraph right before (`X said:`, `X added
//! that ...`). Scare quotes and titles of works are not quotations. It never
//! guesses across another paragraph: a quote with no attribution in reach
//! has no speaker.

use super::attribution::{self, Resolver, Speaker, TitledPerson};
use super::entity;
use super::frame::{
    after_frame, attribute_after, attribute_before, before_frame, dash_credit, ends_its_sentence,
    frame_to_stop, Marked,
};
use super::{Context, Extractor, RawClaim};
use crate::extract::{ClaimData, QuoteClaim};
use crate::lexicon::speech;
use crate::text::{Document, Quotation, TokenKind};

/// The quotation extractor.
pub struct QuoteExtractor;

impl Extractor for QuoteExtractor {
    fn name(&self) -> &'static str {
        "quote"
    }

    fn extract(&self, cx: &Context<'_>, prior: &[RawClaim], out: &mut Vec<RawClaim>) {
        let people = &cx.people;
        let titled: Vec<TitledPerson> = prior
            .iter()
            .filter_map(|c| match &c.data {
                ClaimData::Role(r) => Some(TitledPerson {
                    offset: c.range.start,
                    person: r.person.clone(),
                    head: r.title.split_whitespace().last()?.to_lowercase(),
                }),
                _ => None,
            })
            .collect();
        let mut res = Resolver::new(cx.doc, people, &titled);
        extract_quotes(cx.doc, &mut res, out);
    }
}

/// Words that keep their lower case in a title of a work.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with",
];

fn extract_quotes(doc: &Document, res: &mut Resolver<'_>, out: &mut Vec<RawClaim>) {
    let reported = reported_speech(doc, res);
    // The last quotation's paragraph, offset and speaker.
    let mut last: Option<(usize, usize, Option<Speaker>)> = None;
    // Each quotation's tokens at its marks are looked up once.
    let quotes: Vec<Marked<'_>> = doc
        .quotations
        .iter()
        .filter(|q| !q.nested)
        .map(|q| Marked::new(doc, q))
        .filter(|m| !is_nickname(doc, m))
        .collect();
    for (qi, m) in quotes.iter().enumerate() {
        let q = m.q;
        let next_start = quotes
            .get(qi + 1)
            .filter(|n| n.q.paragraph == q.paragraph)
            .map(|n| n.q.outer.start);
        let prev_close = qi
            .checked_sub(1)
            .map(|p| quotes[p])
            .filter(|p| p.q.paragraph == q.paragraph)
            .map(|p| p.close);
        let inner = trimmed(doc, q);
        if inner.is_empty() {
            continue;
        }
        // The quotation's word tokens, found once, and their count passed
        // on.
        let span = m.token_at(doc, inner.start)..m.token_at(doc, inner.end);
        let words = word_count(doc, span.clone());
        if is_title_of_work(doc, inner.clone(), span.clone(), false, words) {
            continue;
        }
        let before = before_frame(doc, m, prev_close);
        let after = after_frame(doc, m, next_start);
        let own_after =
            attribute_after(doc, res, after.clone()).or_else(|| dash_credit(doc, res, m));
        // A title-cased phrase with a comma inside the marks ("a song
        // called "Wild Rose," ...") is a quotation only when a speech verb
        // follows it at once ("Thank You Very Much," she said).
        if own_after.is_none() && is_title_of_work(doc, inner.clone(), span, true, words) {
            continue;
        }
        // A word or two without a closing stop is a partial quotation only
        // inside reported speech: a speech verb before it. The frame is
        // read only when a test asks: most quotations are settled before.
        let verb_before = || {
            before
                .clone()
                .any(|k| attribution::is_speech_verb_at(doc, k))
        };
        if words <= 2 && !ends_with_stop(doc, inner.clone()) && !verb_before() {
            continue;
        }
        // `X scolded him: "..." she said`: the name introducing the
        // quotation over a pronoun after it.
        let own_after = match own_after {
            Some(a) if !a.named && introduces(doc, before.clone()) => {
                attribute_before(doc, res, before.clone())
                    .filter(|b| b.named)
                    .or(Some(a))
            }
            other => other,
        };
        let own = own_after
            .or_else(|| attribute_before(doc, res, before.clone()))
            .or_else(|| {
                // `"... in a day." Mayor Ann Lee said.`: a quotation closed by
                // a full stop, then its speaker and verb with nothing else.
                ends_its_sentence(doc, q)
                    .then(|| attribute_after(doc, res, frame_to_stop(doc, m, next_start)))
                    .flatten()
            });
        if own.is_none() && !reads_as_speech(doc, inner.clone(), words, verb_before) {
            continue;
        }
        let speaker = own.or_else(|| {
            if q.continues {
                return last.as_ref().and_then(|l| l.2.clone());
            }
            // An earlier quotation of this paragraph ("...," he said. "..."),
            // or words reported earlier in it ("X told reporters that ...").
            let here = latest(&last, &reported, q.paragraph, q.outer.start);
            if here.is_some() {
                return here;
            }
            if opens_paragraph(doc, q) && q.paragraph > 0 {
                // A quote paragraph after one that introduces it ("X
                // continued:", "The newspaper reports:"), or that reports
                // someone's words.
                return introduced(doc, res, q.paragraph - 1)
                    .or_else(|| latest(&last, &reported, q.paragraph - 1, q.outer.start));
            }
            None
        });
        last = Some((q.paragraph, q.outer.start, speaker.clone()));
        let s = speaker.unwrap_or_default();
        out.push(RawClaim {
            range: inner,
            data: ClaimData::Quote(QuoteClaim {
                speaker: s.name,
                speaker_text: s.text,
                speaker_range: s.range,
            }),
            group: None,
        });
    }
}

/// The speaker of paragraph `p` when its last sentence ends with a colon
/// after a speech verb ("The governor told reporters:").
fn introduced(doc: &Document, res: &mut Resolver<'_>, p: usize) -> Option<Speaker> {
    let end = doc.paragraphs[p].end;
    let s = doc.sentence_at(end.checked_sub(1)?)?;
    let toks = doc.sentences[s].tokens.clone();
    if toks.is_empty() || doc.tok(toks.end - 1) != ":" {
        return None;
    }
    attribute_before(doc, res, toks.start..toks.end).or_else(|| {
        // "On May 4, Ana Ruiz made the following statement:".
        // Only a person or a pronoun: "Partial transcript:" is nobody.
        let np = attribution::sentence_subject(doc, toks.start, toks.end - 1)?;
        let person = np.len() == 1
            && speech::PERSON_PRONOUNS.contains(&doc.tok(np.start).to_lowercase().as_str())
            || res.people.is_person(np.clone());
        person.then(|| res.resolve(np)).flatten()
    })
}

/// Whether the frame before a quotation ends with a colon right before it
/// (`X told reporters: "..."`).
fn introduces(doc: &Document, before: std::ops::Range<usize>) -> bool {
    before.end > before.start && doc.tok(before.end - 1) == ":"
}

/// A nickname in quote marks inside a name (`Robert "Bobby" Lane`): no
/// quotation, and no end to the frames around the quotations near it.
fn is_nickname(doc: &Document, m: &Marked<'_>) -> bool {
    let q = m.q;
    let a = m.token_at(doc, q.inner.start);
    let b = m.token_at(doc, q.inner.end);
    let (before, after) = (m.open, m.close);
    b == a + 1
        && before > 0
        && after < doc.tokens.len()
        && entity::is_capitalised(doc, a)
        && entity::is_capitalised(doc, before - 1)
        && entity::is_capitalised(doc, after)
        && doc.tokens[after].start == q.outer.end + 1
}

/// The speaker of the latest quotation or reported speech in paragraph
/// `p` before offset `before`.
fn latest(
    last: &Option<(usize, usize, Option<Speaker>)>,
    reported: &[(usize, usize, Speaker)],
    p: usize,
    before: usize,
) -> Option<Speaker> {
    let quote = last
        .as_ref()
        .filter(|(lp, o, s)| *lp == p && *o < before && s.is_some())
        .map(|(_, o, s)| (*o, s.clone()));
    // `reported` is in text order: the entry right before `before` is the
    // only candidate.
    let i = reported.partition_point(|(_, o, _)| *o < before);
    let report = i
        .checked_sub(1)
        .map(|i| &reported[i])
        .filter(|(rp, _, _)| *rp == p)
        .map(|(_, o, s)| (*o, Some(s.clone())));
    match (quote, report) {
        (Some(a), Some(b)) => Some(if a.0 >= b.0 { a.1 } else { b.1 }),
        (a, b) => a.or(b).map(|x| x.1),
    }
    .flatten()
}

/// The quotation's words without surrounding white space.
fn trimmed(doc: &Document, q: &Quotation) -> std::ops::Range<usize> {
    let s = &doc.text[q.inner.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    q.inner.start + lead..q.inner.end - trail
}

/// Whether the quotation starts its paragraph.
fn opens_paragraph(doc: &Document, q: &Quotation) -> bool {
    doc.paragraphs[q.paragraph].start == q.outer.start
}

/// Whether an unattributed quotation of `words` words reads as speech:
/// not a title of a work, and not a scare quote of a word or two with no
/// speech verb before it (`verb_before`, asked only when the count alone
/// does not settle it).
fn reads_as_speech(
    doc: &Document,
    inner: std::ops::Range<usize>,
    words: usize,
    verb_before: impl Fn() -> bool,
) -> bool {
    let terminal = doc.text[inner].ends_with(['.', ',', '!', '?', '…']);
    words >= 6 || (terminal && words >= 3) || words >= 2 && verb_before()
}

/// The words among tokens `span` (a quotation's tokens).
fn words_of(doc: &Document, span: std::ops::Range<usize>) -> impl Iterator<Item = &str> {
    span.filter(|&k| doc.tokens[k].kind != TokenKind::Punct)
        .map(|k| doc.tok(k))
}

/// How many words tokens `span` hold.
fn word_count(doc: &Document, span: std::ops::Range<usize>) -> usize {
    words_of(doc, span).count()
}

/// Whether the quoted words `inner` (tokens `span`, `words` words) are a
/// title of a work ("One Hundred Years of Solitude"): every word
/// capitalised but small ones, no closing stop.
fn is_title_of_work(
    doc: &Document,
    inner: std::ops::Range<usize>,
    span: std::ops::Range<usize>,
    comma_ok: bool,
    words: usize,
) -> bool {
    let text = &doc.text[inner.clone()];
    let text = if comma_ok {
        text.strip_suffix(',').unwrap_or(text)
    } else {
        text
    };
    words >= 2
        && !text.ends_with(['.', ',', '!', '?', '…'])
        && words_of(doc, span).all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || TITLE_SMALL_WORDS.contains(&w)
        })
}

/// Whether the quoted words end with a stop or comma inside the marks.
fn ends_with_stop(doc: &Document, inner: std::ops::Range<usize>) -> bool {
    doc.text[inner].ends_with(['.', ',', '!', '?', '…'])
}

/// The last speaker of reported speech ("X added that ...", "X said:") in
/// each paragraph: (paragraph, verb offset, speaker).
///
/// Only paragraphs within reach of a quotation (its own and the two
/// before it) are read: elsewhere nobody would ask.
fn reported_speech(doc: &Document, res: &mut Resolver<'_>) -> Vec<(usize, usize, Speaker)> {
    let quoted = res.people.quoted();
    let mut wanted = vec![false; doc.paragraphs.len()];
    for q in &doc.quotations {
        for w in &mut wanted[q.paragraph.saturating_sub(2)..=q.paragraph] {
            *w = true;
        }
    }
    let mut out = Vec::new();
    for s in doc.sentences.iter().filter(|s| wanted[s.paragraph]) {
        for v in s.tokens.clone() {
            if quoted[v]
                || !attribution::is_speech_verb_at(doc, v)
                || speech::is_weak_speech_verb_lowered(doc.tok_lower(v))
            {
                continue;
            }
            if let Some(np) = attribution::subject_before(doc, v, s.tokens.start) {
                if np.clone().any(|k| quoted[k]) {
                    continue;
                }
                if let Some(sp) = res.resolve(np) {
                    out.push((s.paragraph, doc.tokens[v].start, sp));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::entity::People;
    use crate::rules::RuleSet;

    /// (quoted words, speaker, speaker text) of each quotation in `text`.
    fn quotes(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let d = Document::new(text);
        let r = RuleSet::default();
        let p = People::new(&d, &r);
        let mut res = Resolver::new(&d, &p, &[]);
        let mut out = Vec::new();
        extract_quotes(&d, &mut res, &mut out);
        out.into_iter()
            .map(|c| match c.data {
                ClaimData::Quote(q) => (d.text[c.range].to_owned(), q.speaker, q.speaker_text),
                _ => unreachable!(),
            })
            .collect()
    }

    fn speakers(text: &str) -> Vec<Option<String>> {
        quotes(text).into_iter().map(|q| q.1).collect()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    #[test]
    fn name_said_after_the_quote() {
        let q = quotes("\"We will stay open,\" Ana Ruiz said.");
        assert_eq!(
            q,
            [(
                "We will stay open,".into(),
                some("Ana Ruiz"),
                some("Ana Ruiz")
            )]
        );
    }

    #[test]
    fn a_war_is_no_one_to_quote() {
        // "World War II" looks like a name with a suffix ("Henry Ford II").
        let text = "The port flooded for the first time since World War II. What Mr. \
                    Hale has seen instead are the charts. \"They are terrifying,\" he said.";
        assert_eq!(speakers(text), [some("Mr. Hale")]);
        // Near-miss: a person with a suffix is one.
        let text = "Henry Ford II spoke of the floods. \"Nobody was ready,\" he said.";
        assert_eq!(speakers(text), [some("Henry Ford II")]);
    }

    #[test]
    fn speaker_introducing_the_next_quote_with_a_colon_is_not_the_previous_ones() {
        let text = "Ana Ruiz, a port official, says: \"Ships are waiting. Crews are \
                    tired.\" Li Wei, a dock manager, says: \"We are doing what we can.\"";
        assert_eq!(speakers(text), [some("Ana Ruiz"), some("Li Wei")]);
    }

    #[test]
    fn name_said_that_after_a_closed_quote_starts_new_reported_speech() {
        let text =
            "Ana Ruiz said, \"the port will reopen soon.\" Li Wei said that crews were tired.";
        assert_eq!(speakers(text), [some("Ana Ruiz")]);
    }

    #[test]
    fn a_role_opening_the_sentence_is_not_part_of_the_speakers_name() {
        let text = "Striker Kofi Mensah scored twice. \"We waited a long time,\" Mensah said.";
        assert_eq!(speakers(text), [some("Kofi Mensah")]);
    }

    #[test]
    fn description_before_the_name_after_the_quote() {
        let text = "\"We found water,\" lead researcher and planetary scientist Ana Ruiz said.";
        assert_eq!(speakers(text), [some("Ana Ruiz")]);
    }

    #[test]
    fn said_name_after_the_quote() {
        assert_eq!(
            speakers("\"We will stay open,\" said Ana Ruiz, a port official."),
            [some("Ana Ruiz")]
        );
    }

    #[test]
    fn name_said_comma_before_the_quote() {
        assert_eq!(
            speakers("Ana Ruiz said, \"We will stay open.\""),
            [some("Ana Ruiz")]
        );
    }

    #[test]
    fn name_told_reporters_colon_before_the_quote() {
        assert_eq!(
            speakers("Ana Ruiz told reporters: \"We will stay open.\""),
            [some("Ana Ruiz")]
        );
    }

    #[test]
    fn according_to_names_the_speaker() {
        assert_eq!(
            speakers("\"The port will stay open,\" according to Ana Ruiz."),
            [some("Ana Ruiz")]
        );
    }

    #[test]
    fn interrupted_quote_keeps_its_speaker() {
        assert_eq!(
            speakers("\"We stay,\" Ana Ruiz said. \"Nothing will change that for us.\""),
            [some("Ana Ruiz"), some("Ana Ruiz")]
        );
    }

    #[test]
    fn pronoun_resolves_to_the_surname_s_full_name() {
        let text = "Mayor Ana Ruiz spoke in Rome.\n\nBefore leaving, Ruiz praised the crews.\n\n\"They worked all night,\" she said.";
        let q = quotes(text);
        assert_eq!(q[0].1, some("Ana Ruiz"));
        assert_eq!(q[0].2, some("she"));
    }

    #[test]
    fn surname_speaker_gets_the_fullest_name() {
        assert_eq!(
            speakers("Mayor Ana Ruiz arrived.\n\n\"It is a good day for all of us,\" Ruiz said."),
            [some("Ana Ruiz")]
        );
    }

    #[test]
    fn quote_paragraph_after_said_colon() {
        assert_eq!(
            speakers("Ana Ruiz said:\n\n\"We will keep the port open for as long as we can.\""),
            [some("Ana Ruiz")]
        );
    }

    #[test]
    fn quote_paragraph_after_added_that() {
        assert_eq!(
            speakers("Ana Ruiz added that crews were tired.\n\n\"They have worked for three days without rest.\""),
            [some("Ana Ruiz")]
        );
    }

    #[test]
    fn quote_running_over_paragraphs_keeps_its_speaker() {
        let text = "Ana Ruiz said: \"The first part of it is long.\n\n\"And the second part is longer still.\"";
        assert_eq!(speakers(text), [some("Ana Ruiz"), some("Ana Ruiz")]);
    }

    #[test]
    fn group_speaker() {
        assert_eq!(
            speakers("\"Roads are closed,\" police said."),
            [some("police")]
        );
        assert_eq!(
            speakers("US officials stressed the need to \"find a new way\" forward."),
            [some("US officials")]
        );
    }

    #[test]
    fn partial_quote_in_reported_speech() {
        let q = quotes("Ana Ruiz called the ruling \"a betrayal of the court\" on Monday.");
        assert_eq!(
            q,
            [(
                "a betrayal of the court".into(),
                some("Ana Ruiz"),
                some("Ana Ruiz")
            )]
        );
    }

    #[test]
    fn title_description_resolves_to_titled_person() {
        let d = Document::new(
            "Mayor Ana Ruiz arrived.\n\n\"We are ready for the storm,\" the mayor said.",
        );
        let r = RuleSet::default();
        let p = People::new(&d, &r);
        let titled = [TitledPerson {
            offset: 0,
            person: "Ana Ruiz".into(),
            head: "mayor".into(),
        }];
        let mut res = Resolver::new(&d, &p, &titled);
        let mut out = Vec::new();
        extract_quotes(&d, &mut res, &mut out);
        let ClaimData::Quote(q) = &out[0].data else {
            unreachable!()
        };
        assert_eq!(q.speaker.as_deref(), Some("Ana Ruiz"));
        assert_eq!(q.speaker_text.as_deref(), Some("the mayor"));
    }

    #[test]
    fn unattributed_quote_has_no_speaker() {
        assert_eq!(
            speakers("It rained.\n\n\"Nobody knows what happens next in the city.\""),
            [None]
        );
    }

    #[test]
    fn no_guess_across_another_speakers_paragraph() {
        let text = "Ana Ruiz said the port was shut.\n\nThe storm hit at noon.\n\n\"It was the worst in a decade for the town.\"";
        assert_eq!(speakers(text), [None]);
    }

    #[test]
    fn scare_quotes_and_titles_are_not_quotations() {
        assert!(quotes("He thinks the plan is \"bold\".").is_empty());
        assert!(quotes("Her favourite film is \"The Last Days of Summer\".").is_empty());
        assert!(quotes("She says her film is \"The Last Days of Summer\".").is_empty());
        assert!(quotes("He wrote a song called \"Long Summer Road,\" a hit.").is_empty());
        assert!(quotes("It was a \"skinny\" deal, a source said.").is_empty());
        assert_eq!(
            speakers("\"Thank You Very Much,\" Ana Ruiz said."),
            [some("Ana Ruiz")]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside_their_quotation() {
        let q = quotes("\"This 'plan with no end' is good,\" Ana Ruiz said.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, "This 'plan with no end' is good,");
    }

    #[test]
    fn subject_behind_several_appositive_commas() {
        let text = "\"It works,\" Ana Ruiz, a fellow at the institute in Lyon, France, and co-author of the study, said.";
        assert_eq!(speakers(text), [some("Ana Ruiz")]);
    }

    #[test]
    fn saying_takes_the_subject_of_the_clause_before() {
        let text =
            "After the vote, Ana Ruiz issued a statement, saying, \"We will appeal the ruling.\"";
        assert_eq!(speakers(text), [some("Ana Ruiz")]);
    }

    #[test]
    fn sentence_final_attribution_after_a_partial_quote() {
        let text = "Crews must \"check every valve\" in the plant, Ana Ruiz said.";
        assert_eq!(speakers(text), [some("Ana Ruiz")]);
    }

    #[test]
    fn quote_after_reported_speech_in_the_same_paragraph() {
        let text = "Ana Ruiz told reporters the port was safe. \"Nobody was hurt in the fire last night.\"";
        assert_eq!(speakers(text), [some("Ana Ruiz")]);
    }

    #[test]
    fn group_speaker_head_comes_before_its_preposition() {
        let q = quotes("\"The claim is false,\" a spokesperson for the coalition said.");
        assert_eq!(q[0].2.as_deref(), Some("a spokesperson for the coalition"));
    }

    #[test]
    fn sentence_opening_conjunction_is_not_the_speaker() {
        let text = "Ana Ruiz spoke.\n\nBut she said the plan was \"too late for the town\" anyway.";
        let q = quotes(text);
        assert_eq!(q[0].1, some("Ana Ruiz"));
        assert_eq!(q[0].2, some("she"));
    }

    #[test]
    fn next_line_is_not_an_attribution() {
        let text = "\"I stay,\" said Ana Ruiz. \"I like it here.\"\nThey call him a hero.";
        assert_eq!(speakers(text), [some("Ana Ruiz"), some("Ana Ruiz")]);
    }

    #[test]
    fn credit_after_a_dash_names_the_speaker() {
        let text = "Readers wrote in after the vote.\n\n\u{201c}The bus never comes on time. We wait an hour.\u{201d} \u{2015} Mira Okafor\n\n\u{201c}Fix the roads first.\u{201d} \u{2014} Tom K. Brandt, a farmer\n";
        assert_eq!(speakers(text), [some("Mira Okafor"), some("Tom K. Brandt")]);
    }

    #[test]
    fn speaker_after_a_quotation_closed_by_a_full_stop() {
        let text = "The council met late.\n\n\u{201c}We will fix the bridge in a year.\u{201d} Mayor Ann Lee said on Friday. \u{201c}The money is there.\u{201d}\n";
        assert_eq!(speakers(text), [some("Ann Lee"), some("Ann Lee")]);
        // A new sentence with a clause after the verb is not a credit.
        let text =
            "\u{201c}The new engine works well.\u{201d} Dana Cole has claimed that it fails.\n";
        assert_eq!(speakers(text), [None]);
    }

    #[test]
    fn party_and_state_between_name_and_verb() {
        let text = "\u{201c}It is a tax on the poor.\u{201d} Gina Moss (D-Wis.) said Friday.\n\n\u{201c}We will wait a day,\u{201d} Sen. Bo Hale, R-Ky., said Tuesday.\n";
        assert_eq!(speakers(text), [some("Gina Moss"), some("Bo Hale")]);
    }

    #[test]
    fn documents_and_demands_are_sources() {
        let text = "\u{201c}Things are bad,\u{201d} the petition reads. \u{201c}We want more.\u{201d}\n\n\u{201c}Why is this allowed?\u{201d} Lena Park demanded.\n";
        let q = quotes(text);
        assert_eq!(q[0].2.as_deref(), Some("the petition"));
        assert_eq!(q[1].2.as_deref(), Some("the petition"));
        assert_eq!(q[2].1.as_deref(), Some("Lena Park"));
    }

    #[test]
    fn documents_speak_and_it_names_them_again() {
        let text = "The audit was blunt. \u{201c}Roads are failing,\u{201d} the report said. \u{201c}Repairs are late,\u{201d} it added.\n";
        let q = quotes(text);
        assert_eq!(q[0].2.as_deref(), Some("the report"));
        assert_eq!(q[1].2.as_deref(), Some("it"));
    }

    #[test]
    fn apposition_after_a_party_parenthesis() {
        let text = "\u{201c}The bridge is safe and the money is there.\u{201d} Rep. Jo Dunn (R-Ohio), a panel member, said in an interview.\n";
        assert_eq!(speakers(text), [some("Jo Dunn")]);
    }

    #[test]
    fn quote_paragraph_after_a_colon_introduction() {
        let text = "\u{201c}We are ready,\u{201d} said Kofi Mensah.\n\nMensah continued:\n\n\u{201c}The dam will hold. The town will be dry by spring.\u{201d}\n";
        assert_eq!(speakers(text), [some("Kofi Mensah"), some("Kofi Mensah")]);
    }

    #[test]
    fn lower_case_words_after_a_dash_are_no_credit() {
        let text =
            "\u{201c}Nobody asked me about the plan.\u{201d} \u{2014} and the hall went quiet.\n";
        assert_eq!(speakers(text), [None]);
    }

    #[test]
    fn pronoun_skips_a_person_of_the_other_gender() {
        let text = "Mayor Ana Ruiz spoke first.\n\n\"We are ready,\" she said.\n\nLater Mr. Tom Hale arrived. \"The roads are open again,\" she said.";
        assert_eq!(speakers(text), [some("Ana Ruiz"), some("Ana Ruiz")]);
    }

    #[test]
    fn participle_after_a_clause_word_takes_the_sentence_subject() {
        let text = "\u{201c}Keep the lights on,\u{201d} Lena Park sings to the crowd before asking them, \u{201c}Where do we go from here?\u{201d}\n";
        assert_eq!(speakers(text), [some("Lena Park"), some("Lena Park")]);
    }

    #[test]
    fn participle_right_after_a_name() {
        let text =
            "The advert shows footage of Lena Park asking, \u{201c}Why am I not ahead?\u{201d}\n";
        assert_eq!(speakers(text), [some("Lena Park")]);
    }

    #[test]
    fn participle_after_an_apposition_and_a_clause_naming_someone_else() {
        let text = "Tom Hale, a former party chairman and candidate, poked fun at Li Wei's cough during the debate, tweeting, \u{201c}Notice the coughing all night.\u{201d}\n";
        assert_eq!(speakers(text), [some("Tom Hale")]);
        let text = "At the fair, the band leader called the mayors to the stage, singing, \u{201c}We are the town tonight!\u{201d}\n";
        assert_eq!(quotes(text)[0].2.as_deref(), Some("the band leader"));
    }

    #[test]
    fn a_place_between_commas_is_not_the_subject_of_a_participle() {
        let text = "Ana Ruiz spoke about the floods in Kestrel, Varno, arguing that \
                    the delays were \u{201c}intolerable.\u{201d}\n";
        assert_eq!(speakers(text), [some("Ana Ruiz")]);
        // Near-miss: a clause of its own before the comma.
        let text = "The report came out on Monday, and Tom Hale issued a statement, \
                    saying it was \u{201c}long overdue.\u{201d}\n";
        assert_eq!(speakers(text), [some("Tom Hale")]);
    }

    #[test]
    fn a_possessive_makes_a_speech_word_a_noun() {
        let text = "\u{201c}The law stays,\u{201d} Ana Ruiz said at a briefing before Tom Hale\u{2019}s comments. \u{201c}We will defend it in every court.\u{201d}\n";
        assert_eq!(speakers(text), [some("Ana Ruiz"), some("Ana Ruiz")]);
    }

    #[test]
    fn name_closing_a_prepositional_phrase_before_the_verb() {
        let text =
            "In a radio interview Tom Hale declared \u{201c}the bridge is finished.\u{201d}\n";
        assert_eq!(speakers(text), [some("Tom Hale")]);
        // No name at the end: nobody.
        let text = "In a radio interview on Monday the host declared \u{201c}the bridge is finished.\u{201d}\n";
        assert_ne!(speakers(text), [some("Monday")]);
    }

    #[test]
    fn a_name_introducing_the_quotation_wins_over_a_pronoun_after_it() {
        let text = "Sen. Ana Ruiz (D-Ohio) scolded him: \u{201c}The evidence is against you,\u{201d} she said.\n";
        let q = quotes(text);
        assert_eq!(q[0].1, some("Ana Ruiz"));
        assert_eq!(q[0].2, some("Ana Ruiz"));
        // Without a colon the pronoun after the quotation stays.
        let text = "Ana Ruiz met him. \u{201c}The evidence is against you,\u{201d} she said.\n";
        assert_eq!(quotes(text)[0].2, some("she"));
    }

    #[test]
    fn a_possessive_description_is_a_speaker() {
        let text = "\u{201c}That was outrageous,\u{201d} Ana Ruiz's former campaign strategist said on Monday.\n";
        assert_eq!(
            quotes(text)[0].2.as_deref(),
            Some("Ana Ruiz's former campaign strategist")
        );
    }

    #[test]
    fn inverted_said_opening_the_sentence() {
        let text = "Tom Hale, a tax adviser, was blunt.\n\nSaid Hale: \u{201c}Nobody wants this plan.\u{201d}\n";
        assert_eq!(speakers(text), [some("Tom Hale")]);
    }

    #[test]
    fn family_speakers_and_the_writer() {
        let text =
            "The food spoiled. \u{201c}We live in hard times,\u{201d} my father often said.\n";
        assert_eq!(quotes(text)[0].2.as_deref(), Some("my father"));
        let text = "My mother was upset. I laughed and said, \u{201c}Nobody believes that any more.\u{201d}\n";
        let q = quotes(text);
        assert_eq!(q[0].2.as_deref(), Some("I"));
        assert_eq!(q[0].1, None);
    }

    #[test]
    fn a_nickname_in_quote_marks_does_not_cut_the_attribution() {
        let text = "\u{201c}This is our year!\u{201d} Hale's niece, state Rep. Mara \u{201c}Mimi\u{201d} Cole (D-Ohio), shouted to the crowd. \u{201c}We have to show up.\u{201d}\n";
        let q = quotes(text);
        assert_eq!(q.len(), 2);
        assert!(q[0].2.is_some() && q[1].2 == q[0].2);
    }

    #[test]
    fn a_paragraph_ending_with_a_colon_introduces_its_subject() {
        let text = "On May 4, 2020, Tom Hale made the following comment:\n\n\u{201c}The rate for young people is far too high.\u{201d}\n";
        assert_eq!(speakers(text), [some("Tom Hale")]);
        let text = "Partial transcript follows:\n\n\u{201c}The rate for young people is far too high.\u{201d}\n";
        assert_eq!(speakers(text), [None]);
    }

    #[test]
    fn a_passive_speech_verb_names_no_speaker() {
        let text = "A curfew was announced at noon. \u{201c}Nobody may be out after dark in the old town.\u{201d}\n";
        assert_eq!(speakers(text), [None]);
        let text = "A curfew was announced at noon. Protesters marching through the streets chanted \u{201c}What curfew?\u{201d}\n";
        assert!(quotes(text)[0]
            .2
            .as_deref()
            .is_some_and(|s| s.starts_with("Protesters")));
    }

    #[test]
    fn apposition_set_off_by_dashes() {
        let text = "Tom Hale, the head of Lark Films -- the studio that makes Ana Ruiz's show, which also airs abroad -- told me, ''We sell to anyone who pays.''\n";
        assert_eq!(speakers(text), [some("Tom Hale")]);
    }

    #[test]
    fn name_set_off_by_a_dash_before_the_quotation() {
        let text = "Many agreed, including the former mayor Ana Ruiz -- ''Release the figures now'' -- and others.\n";
        assert_eq!(speakers(text), [some("Ana Ruiz")]);
        // A dash after a plain noun is no credit.
        let text =
            "Many agreed with the plan -- ''Release the figures now, all of them'' -- and left.\n";
        assert_eq!(speakers(text), [None]);
    }

    #[test]
    fn as_name_put_it() {
        let text = "As Tom Hale, a tax lawyer, recently put it, \u{201c}Was it avoidance or evasion?\u{201d}\n";
        assert_eq!(speakers(text), [some("Tom Hale")]);
    }

    #[test]
    fn wire_copy_double_apostrophes_quote() {
        let text = "''We will appeal,'' said Ana Ruiz. ''The ruling is wrong.''\n";
        assert_eq!(speakers(text), [some("Ana Ruiz"), some("Ana Ruiz")]);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_slice_the_prose(s in "[\"“”‘’'a-zA-Z,.:;!? \n—é中]{0,200}") {
            let d = Document::new(&s);
            let r = RuleSet::default();
            let p = People::new(&d, &r);
            let mut res = Resolver::new(&d, &p, &[]);
            let mut out = Vec::new();
            extract_quotes(&d, &mut res, &mut out);
            super::super::role::extract_roles_for_test(&d, &p, &mut out);
            for c in out {
                proptest::prop_assert!(d.text.get(c.range.clone()).is_some());
            }
        }

        #[test]
        fn never_panics_on_word_soup(words in proptest::collection::vec(proptest::sample::select(vec![
            "\"", "“", "”", "'", "‘", "’", ",", ".", ":", "\n\n", "said", "Said", "told", "saying",
            "according", "to", "he", "She", "the", "a", "who", "is", "also", "minister", "Prime",
            "Minister", "President", "of", "State", "Secretary", "Ana", "Ruiz", "Sheikh", "bin", "Al",
            "US", "U.S.", "officials", "for", "and", "Dr.", "J.", "Oman's", "é", "中",
        ]), 0..80)) {
            let s = words.join(" ");
            let d = Document::new(&s);
            let r = RuleSet::default();
            let p = People::new(&d, &r);
            let mut res = Resolver::new(&d, &p, &[]);
            let mut out = Vec::new();
            extract_quotes(&d, &mut res, &mut out);
            super::super::role::extract_roles_for_test(&d, &p, &mut out);
            for c in out {
                proptest::prop_assert!(d.text.get(c.range.clone()).is_some());
            }
        }
    }
}
