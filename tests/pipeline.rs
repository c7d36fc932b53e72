//! The library's pipeline, called as the binary and the editor server call
//! it: settings in, findings out article by article through a sink, a
//! summary at the end.

use claimcheck::config::{Flags, Resolved};
use claimcheck::finding::Finding;
use claimcheck::pipeline::{self, CheckSettings, Problem, Sink};
use claimcheck::source::Article;
use std::path::PathBuf;

const RULES: &str = "\
facts:
  - id: ferry-stranded
    about: travellers stranded by the ferry strike
    noun: traveller
    context: [stranded]
    values:
      - value: 212
        from: 2026-04-01
";

#[derive(Default)]
struct Record {
    articles: Vec<(PathBuf, Vec<&'static str>)>,
    problems: Vec<Problem>,
}

impl Sink for Record {
    fn problem(&mut self, problem: Problem) {
        self.problems.push(problem);
    }
    fn findings(&mut self, article: &Article, findings: Vec<Finding>) {
        let codes = findings.iter().map(|f| f.code).collect();
        self.articles.push((article.path.clone(), codes));
    }
}

#[test]
fn check_hands_out_each_article_and_sums_up() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    std::fs::write(root.join("rules.yaml"), RULES).unwrap();
    let wrong = "---\npublished: 2026-04-03\n---\n\nThe ferry strike left 250 travellers stranded at the harbour.\n";
    let right = "---\npublished: 2026-04-03\n---\n\nThe ferry strike left 212 travellers stranded at the harbour.\n";
    std::fs::write(root.join("a.md"), wrong).unwrap();
    std::fs::write(root.join("b.md"), right).unwrap();
    let flags = Flags {
        files: vec![
            root.join("a.md"),
            root.join("b.md"),
            root.join("missing.md"),
        ],
        rules: vec![root.join("rules.yaml")],
        ..Flags::default()
    };
    let config = Resolved::defaults(&flags, root).unwrap();
    let settings = CheckSettings {
        config,
        only: None,
        apply_baseline: true,
    };
    let mut sink = Record::default();
    let summary = pipeline::check(settings, &mut sink).unwrap();
    let codes: Vec<&[&str]> = sink.articles.iter().map(|(_, c)| c.as_slice()).collect();
    assert!(codes[0].contains(&"CC001"), "{:?}", sink.articles);
    assert!(!codes[1].contains(&"CC001"), "{:?}", sink.articles);
    assert_eq!(summary.checked.len(), 2);
    assert!(summary.counts.error >= 1);
    assert!(summary.failing >= 1);
    // The missing file is a problem, and the run is errored, not stopped.
    assert_eq!(summary.errors, 1);
    assert!(
        matches!(&sink.problems[0], Problem::Error(m) if m.contains("missing.md")),
        "{:?}",
        sink.problems
    );
}

#[test]
fn engine_checks_text_in_memory_against_prepared_rules() {
    let d = tempfile::tempdir().unwrap();
    let rules_path = d.path().join("rules.yaml");
    std::fs::write(&rules_path, RULES).unwrap();
    let rules =
        pipeline::load_rule_set(&[rules_path], claimcheck::source::DEFAULT_MAX_FILE_SIZE).unwrap();
    let config = Resolved::defaults(&Flags::default(), d.path()).unwrap();
    let engine = pipeline::Engine::new(config, rules, Vec::new());
    let check = |text: &str| -> Vec<&'static str> {
        let a = Article::from_source("draft.md", text.to_owned(), None);
        let claims = engine.extract(&a);
        engine.check(&a, &claims).iter().map(|f| f.code).collect()
    };
    let text =
        "---\npublished: 2026-04-03\n---\n\nThe ferry strike left 250 travellers stranded.\n";
    assert_eq!(check(text), ["CC001"]);
    assert!(check(&text.replace("250", "212")).is_empty());
}
