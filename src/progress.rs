//! Whether a run shows its progress (files read, articles checked, time
//! left) on stderr: only for a person watching a terminal. The display
//! itself is the binary's; this module only decides, from plain inputs, so
//! the decision can be tested without a terminal.

/// Whether to show progress: stderr is a terminal, the run is not in CI
/// (`CI` set to anything but empty, `0` or `false`, as CI services set
/// it), the terminal is not `TERM=dumb`, and `--quiet` was not given.
/// `env` reads an environment variable.
pub fn shows_progress(
    stderr_is_terminal: bool,
    env: &dyn Fn(&str) -> Option<String>,
    quiet: bool,
) -> bool {
    let in_ci = env("CI").is_some_and(|v| !matches!(v.trim(), "" | "0" | "false" | "FALSE"));
    let dumb = env("TERM").is_some_and(|t| t == "dumb");
    stderr_is_terminal && !in_ci && !dumb && !quiet
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(name, _)| *name == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn a_terminal_shows_progress() {
        assert!(shows_progress(true, &env_of(&[("TERM", "xterm")]), false));
    }

    #[test]
    fn piped_stderr_shows_none() {
        assert!(!shows_progress(false, &env_of(&[]), false));
    }

    #[test]
    fn ci_shows_none_even_on_a_terminal() {
        for ci in ["true", "1", "yes"] {
            assert!(
                !shows_progress(true, &env_of(&[("CI", ci)]), false),
                "CI={ci}"
            );
        }
        for not_ci in ["", "0", "false"] {
            assert!(
                shows_progress(true, &env_of(&[("CI", not_ci)]), false),
                "CI={not_ci}"
            );
        }
    }

    #[test]
    fn quiet_and_dumb_terminals_show_none() {
        assert!(!shows_progress(true, &env_of(&[]), true));
        assert!(!shows_progress(true, &env_of(&[("TERM", "dumb")]), false));
    }
}
