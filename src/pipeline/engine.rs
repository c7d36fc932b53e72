//! The engine: a rule set and a coverage, prepared once, and the one check
//! loop every caller goes through (`check`, `audit`, the editor server).
//! It checks one article at a time and reads no files but those
//! [`Engine::load`] is asked to.

use super::{checked, dedup_by_id, load_articles, load_rule_set, RunError, Sink};
use crate::check::{self, CheckContext, Checked, CoverageIndex, Lookups};
use crate::config::Resolved;
use crate::extract::{extract_article, ArticleClaims};
use crate::finding::{merge_findings, relate_evidence, Finding, Severity};
use crate::rules::RuleSet;
use crate::source::Article;
use crate::suppress::{apply_suppressions, parse_suppressions};

/// Rules and coverage, prepared once: the rule set compiled, the
/// coverage's claims extracted and indexed. Checking an article against
/// them costs only that article's extraction and checks, which is what an
/// editor needs on every change.
pub struct Engine {
    /// Selection and suppression settings; `None`: every check, unused
    /// suppressions reported.
    config: Option<Resolved>,
    window: i64,
    rules: RuleSet,
    coverage: Vec<(Article, ArticleClaims)>,
    index: CoverageIndex,
}

impl Engine {
    /// An engine over `rules` and `coverage` (extracted with `rules`),
    /// with `config`'s window, selection and suppression settings. An
    /// article checked that is itself among the coverage (same
    /// [`Article::id`]) is never compared with itself.
    pub fn new(config: Resolved, rules: RuleSet, coverage: Vec<(Article, ArticleClaims)>) -> Self {
        let window = config.window.value;
        let index = CoverageIndex::build(&checked(&coverage));
        Engine::build(Some(config), window, rules, coverage, index)
    }

    /// [`Engine::new`] for checking only the articles whose claims gave
    /// `lookups` ([`Lookups::of`]): the coverage is indexed under the keys
    /// they can look up alone, which spares indexing the rest and finds
    /// what [`Engine::new`]'s engine would on those articles. Checking
    /// any other article with it misses coverage.
    pub fn for_lookups(
        config: Resolved,
        rules: RuleSet,
        coverage: Vec<(Article, ArticleClaims)>,
        lookups: &Lookups,
    ) -> Self {
        let window = config.window.value;
        let index = CoverageIndex::build_for(&checked(&coverage), lookups);
        Engine::build(Some(config), window, rules, coverage, index)
    }

    /// An engine with the rules alone: every check, no coverage.
    pub fn rules_only(rules: RuleSet) -> Self {
        Engine::build(None, 0, rules, Vec::new(), CoverageIndex::default())
    }

    fn build(
        config: Option<Resolved>,
        window: i64,
        rules: RuleSet,
        coverage: Vec<(Article, ArticleClaims)>,
        index: CoverageIndex,
    ) -> Self {
        Engine {
            config,
            window,
            rules,
            coverage,
            index,
        }
    }

    /// Load `config`'s rules and its coverage (`against`), each unreadable
    /// coverage file a problem handed to `sink`.
    pub fn load(config: Resolved, sink: &mut dyn Sink) -> Result<Engine, RunError> {
        let max_size = config.max_file_size.value;
        let rules = load_rule_set(&config.rules.value, max_size)?;
        let (mut coverage, _) = load_articles(
            &config.against.value,
            config.published.value,
            &rules,
            max_size,
            sink,
        );
        dedup_by_id(&mut coverage);
        Ok(Engine::new(config, rules, coverage))
    }

    /// The configuration, when the engine has one.
    pub fn config(&self) -> Option<&Resolved> {
        self.config.as_ref()
    }

    /// The rule set.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The coverage articles with their claims.
    pub fn coverage(&self) -> &[(Article, ArticleClaims)] {
        &self.coverage
    }

    /// Extract `article`'s claims with the engine's rules.
    pub fn extract(&self, article: &Article) -> ArticleClaims {
        extract_article(article, &self.rules)
    }

    /// What every check finds on `article`, before selection and
    /// suppression: the one check loop, which `check` and `audit` share.
    fn run_checks(&self, article: &Article, claims: &ArticleClaims) -> Vec<Finding> {
        let mut pool = checked(&self.coverage);
        let target = Checked { article, claims };
        // The target itself among the coverage (a draft in the coverage
        // folder, checked as edited): its place in the pool holds the
        // target, as when articles are checked together, so that no check
        // compares it with its own saved version.
        let me = self.coverage.iter().position(|(a, _)| a.id == article.id);
        if let Some(me) = me {
            pool[me] = target;
        }
        let mut cx = CheckContext::new(target, &self.rules, &pool, &self.index, self.window);
        if let Some(config) = &self.config {
            cx.mode = config.mode.value;
        }
        if let Some(me) = me {
            cx = cx.without_coverage_article(me);
        }
        check::run_checks(&cx)
    }

    fn is_enabled(&self, f: &Finding) -> bool {
        self.config
            .as_ref()
            .is_none_or(|c| c.is_enabled(f.code, &f.location.path))
    }

    /// Every finding on `article` (claims extracted by [`Engine::extract`]):
    /// checked against the rules and the coverage, selected, suppressed
    /// by its own directives, merged and sorted. The baseline is the
    /// caller's (see [`check`]).
    pub fn check(&self, article: &Article, claims: &ArticleClaims) -> Vec<Finding> {
        let mut found = self.run_checks(article, claims);
        found.retain(|f| self.is_enabled(f));
        relate_evidence(&mut found);
        let sups = parse_suppressions(article);
        let report_unused = self
            .config
            .as_ref()
            .is_none_or(|c| c.report_unused_suppressions.value);
        let mut found = apply_suppressions(article, &sups, merge_findings(found), report_unused);
        // The suppression checks (CC900-CC902) are selected like the others.
        found.retain(|f| self.is_enabled(f));
        found.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        found
    }

    /// The rule errors on `article`, merged (what `audit` reports).
    pub fn rule_errors(&self, article: &Article, claims: &ArticleClaims) -> Vec<Finding> {
        if self.rules.is_empty() {
            return Vec::new();
        }
        let found = self
            .run_checks(article, claims)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        merge_findings(found)
    }
}
