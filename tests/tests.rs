//! The integration tests, one binary (ripgrep's layout): each module is a
//! file beside this one.

mod baseline;
mod ci_formats;
mod config;
mod suppress;
