//! The one integration-test binary (one link on 2 cores, as in ripgrep):
//! each module below is a family of tests against the library or the
//! built `claimcheck` binary.

mod alignment;
mod bad_input;
mod baseline;
mod ci_formats;
mod cmd;
mod config;
mod corpus;
mod determinism;
mod editors;
mod gate;
mod index;
mod people;
mod pipeline;
mod properties;
mod reports;
mod restatement;
mod rules_files;
mod server;
mod snapshots;
mod suppress;
mod word_tables;
