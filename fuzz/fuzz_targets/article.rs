//! Article loading and claim extraction, every format: the first byte
//! picks plain text, Markdown (front matter and all) or HTML.
#![no_main]

use claimcheck::extract::extract_article;
use claimcheck::rules::RuleSet;
use claimcheck::source::Article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let path = match first % 3 {
        0 => "a.txt",
        1 => "a.md",
        _ => "a.html",
    };
    let source = String::from_utf8_lossy(rest).into_owned();
    let article = Article::from_source(path, source, None);
    let rules = RuleSet::default();
    let _ = extract_article(&article, &rules);
});
