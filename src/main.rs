//! The `claimcheck` binary: parse arguments, run, map the outcome to an
//! exit status (0 clean, 1 findings, 2 could not run).

#![forbid(unsafe_code)]

mod cli;
mod run;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc: extraction and the audit make many small, short-lived
/// allocations (a string per claim, a list per sentence), for which
/// glibc's allocator spent about a fifth of the audit's instructions.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    if let Err(e) = claimcheck::output::remove_temp_files_on_signals() {
        eprintln!("claimcheck: cannot install signal handlers: {e}");
    }
    match run::run(&cli) {
        Ok(status) => ExitCode::from(status as u8),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("claimcheck: {}", claimcheck::error::printable(&message(&e)));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes, each said once: our errors already include
/// their cause's words ("path: permission denied"), and anyhow's `{:#}`
/// would repeat them.
fn message(e: &anyhow::Error) -> String {
    let mut out = e.to_string();
    for cause in e.chain().skip(1) {
        let cause = cause.to_string();
        if !out.contains(&cause) {
            out.push_str(": ");
            out.push_str(&cause);
        }
    }
    out
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
