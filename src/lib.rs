//! claimcheck: checks news writing for factual consistency.
//!
//! Data flows one way: `source` (load an article, keep byte offsets) ->
//! `text` (sentences, tokens, quotation spans) -> `extract` (claims with
//! spans) -> `check` (claims against rules and each other) -> `render`.
//! `rules` loads the YAML rule files the checks read; `pipeline` runs the
//! whole flow on given settings, for the binary, the tests and the editor
//! server alike.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod audit;
pub mod baseline;
pub mod check;
pub mod config;
pub mod error;
pub mod extract;
pub mod finding;
pub mod fingerprint;
pub mod git;
pub mod index;
pub mod lexicon;
pub mod output;
mod parallel;
pub mod pipeline;
pub mod progress;
pub mod registry;
pub mod render;
pub mod report_path;
pub mod rules;
pub mod server;
pub mod source;
pub mod span;
pub mod subject;
pub mod suppress;
pub mod text;
