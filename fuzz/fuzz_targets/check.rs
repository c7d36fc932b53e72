//! One article checked against a second (its coverage) and a small fixed
//! rule set. Input: one byte for the window, one for the formats, then the
//! two articles separated by the first NUL byte.
#![no_main]

use claimcheck::check::{run_checks, CheckContext, Checked, CoverageIndex};
use claimcheck::extract::extract_article;
use claimcheck::rules::{parse_rules, RuleSet};
use claimcheck::source::Article;
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

const RULES: &str = "\
entities:
  - name: Dana Okafor
    kind: person
    aliases: [Okafor]
    roles:
      - title: Transport Minister
        org: Northland
        from: 2024-06-01
  - name: Northland Rail
    kind: organization
facts:
  - id: stranded-passengers
    about: passengers stranded by the bridge collapse
    noun: passenger
    context: [stranded]
    values:
      - value: 340
        from: 2026-02-28
        source: Northland Rail statement
events:
  - id: bridge-collapse
    about: collapse of the rail bridge
    words: [collapse, collapsed]
    near: [bridge]
    date: 2026-02-28
quotes:
  - id: okafor-stone
    speaker: Dana Okafor
    text: \"We will leave no stone unturned.\"
    date: 2026-03-01
";

fn rules() -> &'static RuleSet {
    static RULES_SET: OnceLock<RuleSet> = OnceLock::new();
    RULES_SET.get_or_init(|| {
        let mut set = RuleSet::default();
        parse_rules(Path::new("fuzz.yaml"), RULES, &mut set).expect("fixed rules parse");
        set
    })
}

fn path(bits: u8, name: &str) -> String {
    let ext = match bits % 3 {
        0 => "txt",
        1 => "md",
        _ => "html",
    };
    format!("{name}.{ext}")
}

fuzz_target!(|data: &[u8]| {
    let [window, formats, rest @ ..] = data else {
        return;
    };
    // Mostly small windows, sometimes far past the accepted maximum (the
    // library clamps) or negative.
    let window_days = match window >> 6 {
        0 => i64::from(*window & 0x3f),
        1 => -i64::from(*window & 0x3f),
        2 => i64::from(*window) * 1_000,
        _ => i64::MAX - i64::from(*window),
    };
    let (a, b) = match rest.iter().position(|&c| c == 0) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, &[][..]),
    };
    let rules = rules();
    let draft = Article::from_source(
        path(*formats, "draft"),
        String::from_utf8_lossy(a).into_owned(),
        None,
    );
    let earlier = Article::from_source(
        path(*formats / 3, "earlier"),
        String::from_utf8_lossy(b).into_owned(),
        None,
    );
    let draft_claims = extract_article(&draft, rules);
    let earlier_claims = extract_article(&earlier, rules);
    let coverage = [Checked {
        article: &earlier,
        claims: &earlier_claims,
    }];
    let index = CoverageIndex::build(&coverage);
    let target = Checked {
        article: &draft,
        claims: &draft_claims,
    };
    let cx = CheckContext::new(target, rules, &coverage, &index, window_days);
    let _ = run_checks(&cx);
});
