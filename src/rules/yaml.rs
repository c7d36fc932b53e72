//! YAML as rule files and the config file read it: strict, bounded, and
//! with errors in our words.
//!
//! Both file kinds parse through [`parse_yaml`]: one document, shallow
//! nesting, few alias replays (an alias bomb is refused in milliseconds),
//! only `true`/`false` as booleans, and no tags but the core schema's
//! (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!seq`, `!!map`):
//! `!!python/object`, `!!binary` or a local `!thing` is refused with its
//! position instead of being ignored or decoded. A value of the wrong type
//! is reported with the key it belongs to. Numbers read through
//! [`YamlNumber`], which refuses what an `f64` cannot hold exactly. This
//! module knows nothing of what the keys mean.

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::Deserialize;
use serde_saphyr::granit_parser::{Event, Parser};
use serde_saphyr::{Location, MessageFormatter, UserMessageFormatter};
use std::fmt;

/// Deepest nesting a rule file needs is five (`facts` > list > fact >
/// `values` > list > value); anything far deeper is hostile.
const MAX_DEPTH: usize = 32;

/// Alias replays allowed per file: real files use a handful of anchors, an
/// alias bomb needs millions.
const MAX_REPLAYED_EVENTS: usize = 50_000;

/// The largest magnitude up to which every whole number is an `f64`
/// (2^53): past it, 9007199254740993 reads as 9007199254740992 and two
/// different figures would compare equal.
pub(crate) const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

/// Why a YAML text was refused: 1-based line and column (0 when unknown)
/// and a message without the position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    pub(crate) line: usize,
    pub(crate) column: usize,
    pub(crate) message: String,
}

/// Parse `text` into `T`, strictly and within budget (see the module's
/// documentation). Blank text (comments only) is `T::default()`.
pub(crate) fn parse_yaml<T: DeserializeOwned + Default>(text: &str) -> Result<T, YamlError> {
    if is_blank_yaml(text) {
        return Ok(T::default());
    }
    check_tags(text)?;
    serde_saphyr::from_str_with_options::<T>(text, yaml_options()).map_err(|e| yaml_error(text, &e))
}

/// Strict, bounded parsing: one document, shallow nesting, few alias
/// replays, only `true`/`false` as booleans, no snippet in messages (we
/// print our own `path:line:column`).
pub(crate) fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_documents: 1,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_REPLAYED_EVENTS,
        },
        strict_booleans: true,
        reject_unsupported_tags: true,
        with_snippet: false,
    }
}

/// Whether the text holds nothing but comments and blank lines: an empty
/// file defines nothing, and is not an error.
fn is_blank_yaml(text: &str) -> bool {
    text.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#') || t == "---" || t == "..."
    })
}

/// Refuse any tag outside the core schema. The event stream is read once
/// without resolving aliases, so this costs one pass over the text; a
/// syntax error stops it quietly (the parse that follows reports it).
fn check_tags(text: &str) -> Result<(), YamlError> {
    for item in Parser::new_from_str(text) {
        let Ok((event, span)) = item else {
            return Ok(());
        };
        let tag = match &event {
            Event::Scalar(_, _, _, tag)
            | Event::SequenceStart(_, _, tag)
            | Event::MappingStart(_, _, tag) => tag,
            _ => continue,
        };
        let Some(tag) = tag.as_deref() else {
            continue;
        };
        if tag.is_yaml_core_schema() {
            continue;
        }
        let at = span.tag_start.unwrap_or(span.start);
        let (handle, suffix) = tag.parts();
        let written = match handle {
            "tag:yaml.org,2002:" => format!("!!{suffix}"),
            _ => format!("{handle}{suffix}"),
        };
        return Err(YamlError {
            line: at.line(),
            column: at.col() + 1,
            message: format!(
                "tag `{written}` is not allowed (only !!str, !!int, !!float, !!bool, !!null, !!seq and !!map)"
            ),
        });
    }
    Ok(())
}

/// Turn a parser error into ours, naming the key a wrongly typed value
/// belongs to.
fn yaml_error(text: &str, e: &serde_saphyr::Error) -> YamlError {
    let inner = e.without_snippet();
    let (line, column) = inner
        .location()
        .map(|l: Location| (l.line() as usize, l.column() as usize))
        .unwrap_or((0, 0));
    let mut message = yaml_message(inner);
    if is_type_error(inner) {
        if let Some(key) = key_before(text, line, column) {
            message = format!("`{key}`: {message}");
        }
    }
    YamlError {
        line,
        column,
        message,
    }
}

/// Whether the error is about a value of the wrong type or form (so that
/// naming its key helps), not about keys, structure or budgets.
fn is_type_error(e: &serde_saphyr::Error) -> bool {
    use serde_saphyr::Error as E;
    !matches!(
        e,
        E::SerdeUnknownField { .. }
            | E::SerdeMissingField { .. }
            | E::DuplicateMappingKey { .. }
            | E::Budget { .. }
            | E::AliasReplayLimitExceeded { .. }
            | E::AliasExpansionLimitExceeded { .. }
            | E::AliasReplayStackDepthExceeded { .. }
            | E::AliasReplayCounterOverflow { .. }
    )
}

fn yaml_message(e: &serde_saphyr::Error) -> String {
    use serde_saphyr::Error as E;
    match e {
        E::SerdeUnknownField {
            field, expected, ..
        } => {
            if expected.is_empty() {
                format!("unknown key `{field}`")
            } else {
                format!(
                    "unknown key `{field}` (expected one of: {})",
                    expected.join(", ")
                )
            }
        }
        E::SerdeMissingField { field, .. } => format!("missing key `{field}`"),
        E::DuplicateMappingKey { key: Some(k), .. } => format!("duplicate key `{k}`"),
        E::Budget { breach, .. } => format!("refused: {}", budget_message(breach)),
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::AliasReplayCounterOverflow { .. } => {
            "refused: aliases expand too far (an alias bomb?)".to_owned()
        }
        E::AliasError { error, .. } => yaml_message(error),
        _ => {
            let msg = lower_first(&strip_location(&formatted(e)));
            if msg.contains("recursion limit") {
                format!("refused: the file nests too deep ({msg})")
            } else {
                plain_type_message(&msg)
            }
        }
    }
}

/// What a budget breach means, in words (never Rust's debug output).
fn budget_message(breach: &serde_saphyr::budget::BudgetBreach) -> String {
    use serde_saphyr::budget::BudgetBreach as B;
    match breach {
        B::Documents { .. } => "more than one YAML document (`---`) in the file".to_owned(),
        B::Depth { .. } => format!("the file nests deeper than {MAX_DEPTH} levels"),
        B::Aliases { .. } | B::Anchors { .. } | B::AliasAnchorRatio { .. } => {
            "aliases expand too far (an alias bomb?)".to_owned()
        }
        _ => "the file is larger or more complex than a rule or config file can be".to_owned(),
    }
}

/// The parser's names for Rust types, in the words of a file's author.
fn plain_type_message(msg: &str) -> String {
    let m = msg.trim();
    match m {
        "invalid floating point" => "expected a number".to_owned(),
        "invalid i64" | "invalid u64" | "invalid i32" | "invalid u32" | "invalid usize" => {
            "expected a whole number".to_owned()
        }
        "expected string scalar" => "expected text".to_owned(),
        "expected sequence start" => "expected a list".to_owned(),
        "expected mapping start" => "expected keys and values".to_owned(),
        _ => m.to_owned(),
    }
}

/// The parser's message with control characters escaped (a file's text
/// quoted in it must not drive the terminal), quotes left as they are.
fn formatted(e: &serde_saphyr::Error) -> String {
    let mut out = String::new();
    for c in UserMessageFormatter.format_message(e).chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// The formatter may append "at line X, column Y"; we print our own.
fn strip_location(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

fn lower_first(msg: &str) -> String {
    let mut chars = msg.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
    .trim_end_matches('.')
    .to_owned()
}

/// The key written just before 1-based `line`:`column` on that line
/// (`value` in `  - value: twelve`), if any.
fn key_before(text: &str, line: usize, column: usize) -> Option<String> {
    let row = text.split('\n').nth(line.checked_sub(1)?)?;
    let before: String = row.chars().take(column.checked_sub(1)?).collect();
    let before = before.trim_end().strip_suffix(':')?.trim_end();
    let start = before
        .char_indices()
        .rfind(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let key = &before[start..];
    (!key.is_empty()).then(|| key.to_owned())
}

/// A number in a YAML file, refused when an `f64` cannot hold it exactly
/// enough to compare: beyond ±2^53 ([`MAX_EXACT`]). Integers are read as
/// integers (`!!int 12` is a number), text is refused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct YamlNumber(pub(crate) f64);

impl<'de> Deserialize<'de> for YamlNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NumberVisitor)
    }
}

struct NumberVisitor;

fn too_large<E: de::Error>(shown: impl fmt::Display) -> E {
    E::custom(format!(
        "{shown} is too large to compare exactly (the largest is 9007199254740992)"
    ))
}

impl Visitor<'_> for NumberVisitor {
    type Value = YamlNumber;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<YamlNumber, E> {
        if v > MAX_EXACT as u64 {
            return Err(too_large(v));
        }
        Ok(YamlNumber(v as f64))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<YamlNumber, E> {
        if v.unsigned_abs() > MAX_EXACT as u64 {
            return Err(too_large(v));
        }
        Ok(YamlNumber(v as f64))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<YamlNumber, E> {
        Err(too_large(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<YamlNumber, E> {
        Err(too_large(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<YamlNumber, E> {
        // A float as large as 2^53 may be a rounded larger one.
        if v.is_finite() && v.abs() >= MAX_EXACT {
            return Err(too_large(v));
        }
        Ok(YamlNumber(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<YamlNumber, E> {
        Err(E::custom(format!("expected a number, not `{v}`")))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<YamlNumber, E> {
        Err(E::custom(format!("expected a number, not {v}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        value: Option<YamlNumber>,
        name: Option<String>,
        count: Option<u32>,
    }

    fn err(yaml: &str) -> YamlError {
        parse_yaml::<Doc>(yaml).expect_err("refused")
    }

    #[test]
    fn a_wrongly_typed_value_names_its_key() {
        let e = err("name: x\nvalue: \"twelve\"\n");
        assert_eq!(e.line, 2);
        assert!(e.message.starts_with("`value`: "), "{}", e.message);
        assert!(e.message.contains("twelve"), "{}", e.message);
        let e = err("count: many\n");
        assert_eq!(e.message, "`count`: expected a whole number");
        let d: Doc = parse_yaml("count: 3\n").unwrap();
        assert_eq!(d.count, Some(3));
    }

    #[test]
    fn core_schema_tags_are_read_and_others_refused_with_their_place() {
        let d: Doc = parse_yaml("value: !!int 12\nname: !!str Ana\n").unwrap();
        assert_eq!(d.value, Some(YamlNumber(12.0)));
        assert_eq!(d.name.as_deref(), Some("Ana"));
        for (yaml, tag) in [
            ("name: !!python/object Ana\n", "!!python/object"),
            ("name: !!binary QW5h\n", "!!binary"),
            ("name: !thing Ana\n", "!thing"),
        ] {
            let e = err(yaml);
            assert_eq!((e.line, e.column), (1, 7), "{yaml}");
            assert!(e.message.contains(&format!("tag `{tag}`")), "{}", e.message);
        }
    }

    #[test]
    fn anchors_and_aliases_are_read() {
        let d: Doc = parse_yaml("name: &n Ana\nvalue: 3\n").unwrap();
        assert_eq!(d.name.as_deref(), Some("Ana"));
    }

    #[test]
    fn numbers_an_f64_cannot_hold_exactly_are_refused() {
        let d: Doc = parse_yaml("value: 9007199254740992\n").unwrap();
        assert_eq!(d.value, Some(YamlNumber(9_007_199_254_740_992.0)));
        for big in [
            "9007199254740993",
            "-9007199254740993",
            "18446744073709551616",
            "1e300",
        ] {
            let e = err(&format!("value: {big}\n"));
            assert!(e.message.contains("too large"), "{big}: {}", e.message);
            assert!(e.message.starts_with("`value`"), "{}", e.message);
        }
        let d: Doc = parse_yaml("value: 2.5\n").unwrap();
        assert_eq!(d.value, Some(YamlNumber(2.5)));
    }

    #[test]
    fn parser_messages_are_words_not_debug_output() {
        let e = err("name: x\n---\nname: y\n");
        assert!(
            e.message.contains("more than one YAML document"),
            "{}",
            e.message
        );
        let e = err("name: [x\n");
        assert!(!e.message.contains('\\'), "{}", e.message);
        let e = err("name: \"\u{1b}[31m\n");
        assert!(!e.message.contains('\u{1b}'), "{}", e.message);
    }

    #[test]
    fn alias_bomb_is_refused_quickly() {
        let mut yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n".to_owned();
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            yaml.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        let e = parse_yaml::<serde_json::Value>(&yaml).expect_err("expanded");
        assert!(e.message.contains("refused"), "{}", e.message);
    }

    #[test]
    fn key_before_reads_block_and_flow_keys() {
        assert_eq!(
            key_before("  - value: x\n", 1, 12).as_deref(),
            Some("value")
        );
        assert_eq!(
            key_before("{max-file-size: x}", 1, 17).as_deref(),
            Some("max-file-size")
        );
        assert_eq!(key_before("- x\n", 1, 3), None);
        assert_eq!(
            key_before("\u{a5}n\u{e9}: x", 1, 5).as_deref(),
            Some("n\u{e9}")
        );
        assert_eq!(key_before("\u{a5}: x", 1, 4), None);
    }
}
