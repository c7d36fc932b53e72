//! Output formats: one file per format. Renderers read findings and claims;
//! they never decide anything.

pub mod audit;
pub mod audit_html;
pub mod claims;
pub mod json;
pub mod report;
pub mod text;

use clap::ValueEnum;

/// Output format chosen with `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum OutputFormat {
    /// For people: rustc-style snippets.
    #[default]
    Text,
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Jsonl,
}
