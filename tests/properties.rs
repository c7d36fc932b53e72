//! Properties that hold for any input: loading and extraction never panic,
//! and every span they produce lies inside the source and on char
//! boundaries, whatever the format (plain text, Markdown with front matter,
//! HTML).

use claimcheck::extract::extract_article;
use claimcheck::rules::RuleSet;
use claimcheck::source::Article;
use claimcheck::text::Document;
use proptest::prelude::*;

/// Whether `start..end` slices `source`.
fn slices(source: &str, start: u32, end: u32) -> bool {
    start <= end && source.get(start as usize..end as usize).is_some()
}

/// Load `source` as `path`, extract, and check every span.
fn assert_spans_in_bounds(path: &str, source: String) -> Result<(), TestCaseError> {
    let article = Article::from_source(path, source, None);
    let src = &article.source;
    let prose = article.prose.text();
    let doc = Document::new(prose);
    let mut last_start = 0;
    for t in &doc.tokens {
        prop_assert!(prose.get(t.range()).is_some());
        let s = article.prose.span(t.start, t.end);
        prop_assert!(slices(src, s.start, s.end), "token {:?} -> {:?}", t, s);
        // Prose runs in source order, so claims sort by position.
        prop_assert!(s.start >= last_start, "token {:?} -> {:?} goes back", t, s);
        last_start = s.start;
    }
    for q in &doc.quotations {
        for r in [&q.inner, &q.outer] {
            let s = article.prose.span(r.start, r.end);
            prop_assert!(slices(src, s.start, s.end), "quotation -> {:?}", s);
        }
    }
    let claims = extract_article(&article, &RuleSet::default());
    for c in &claims.claims {
        prop_assert!(slices(src, c.span.start, c.span.end), "claim {:?}", c);
        let lc = article.lines.line_col(src, c.span.start);
        prop_assert!(lc.line >= 1 && lc.line <= article.lines.line_count());
    }
    Ok(())
}

/// Text rich in what loaders treat specially: tags, entities, quotes,
/// fences, markup, multi-byte characters and line breaks.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 ,.;:!?'\"\n-]{0,20}",
        Just("<p>".to_owned()),
        Just("</p>".to_owned()),
        Just("<script>".to_owned()),
        Just("<!--".to_owned()),
        Just("-->".to_owned()),
        Just("&amp;".to_owned()),
        Just("&#8220;".to_owned()),
        Just("&rsquo".to_owned()),
        Just("&#x;".to_owned()),
        Just("\u{201c}".to_owned()),
        Just("\u{201d}".to_owned()),
        Just("\u{e9}\u{1f600}".to_owned()),
        Just("\r\n".to_owned()),
        Just("\n---\n".to_owned()),
        Just("`".to_owned()),
        Just("[a](b)".to_owned()),
        Just("> ".to_owned()),
        Just("* ".to_owned()),
        Just(" 48 ".to_owned()),
        Just("Sept. 9".to_owned()),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_loads_with_spans_in_bounds(s in any::<String>()) {
        for path in ["a.txt", "a.md", "a.html"] {
            assert_spans_in_bounds(path, s.clone())?;
        }
    }

    #[test]
    fn plain_text_tokens_map_to_the_same_bytes(s in newsy_text()) {
        let article = Article::from_source("a.txt", s.clone(), None);
        let prose = article.prose.text();
        for t in &Document::new(prose).tokens {
            let span = article.prose.span(t.start, t.end);
            prop_assert_eq!(&s[span.range()], &prose[t.range()]);
        }
    }

    #[test]
    fn markup_heavy_text_loads_with_spans_in_bounds(s in newsy_text()) {
        for path in ["a.txt", "a.md", "a.html"] {
            assert_spans_in_bounds(path, s.clone())?;
        }
    }

    #[test]
    fn markdown_with_front_matter_keeps_spans_in_bounds(s in newsy_text()) {
        let md = format!("---\ntitle: \"{s}\"\npublished: 2025-09-16\n---\n\n{s}");
        assert_spans_in_bounds("a.md", md.clone())?;
        assert_spans_in_bounds("a.txt", md)?;
    }

    #[test]
    fn html_page_keeps_spans_in_bounds(s in newsy_text()) {
        let html = format!(
            "<!doctype html><html><head><title>{s}</title>\
             <meta property=\"article:published_time\" content=\"{s}\"></head>\
             <body><article><p>{s}</p><p>x &amp; {s}</p></article></body></html>"
        );
        assert_spans_in_bounds("a.html", html)?;
    }
}
