//! HTML character references (`&amp;`, `&#8220;`, `&rsquo;`) decoded one at
//! a time, so that the HTML loader can map each one onto its own source
//! range and keep the text around it verbatim.
//!
//! The common references are decoded here; the rest go through html5gum's
//! own table (the full WHATWG list), one short snippet at a time. This
//! module does not scan documents: it decodes the reference at the start of
//! the text it is given.

use html5gum::Token;
use std::borrow::Cow;

/// The longest name or number we try to read after `&`. Real references are
/// at most 32 characters long; a longer run is text.
const MAX_REF_LEN: usize = 40;

/// Named references common in news copy, decoded without the tokenizer.
/// A no-break space decodes to a plain space: for the checker it separates
/// words like any other.
const COMMON: &[(&str, &str)] = &[
    ("amp", "&"),
    ("apos", "'"),
    ("bull", "\u{2022}"),
    ("eacute", "\u{e9}"),
    ("euro", "\u{20ac}"),
    ("gt", ">"),
    ("hellip", "\u{2026}"),
    ("laquo", "\u{ab}"),
    ("ldquo", "\u{201c}"),
    ("lsquo", "\u{2018}"),
    ("lt", "<"),
    ("mdash", "\u{2014}"),
    ("nbsp", " "),
    ("ndash", "\u{2013}"),
    ("pound", "\u{a3}"),
    ("quot", "\""),
    ("raquo", "\u{bb}"),
    ("rdquo", "\u{201d}"),
    ("rsquo", "\u{2019}"),
    ("shy", ""),
    ("thinsp", " "),
];

/// What the numeric references `&#128;` to `&#159;` mean: browsers read
/// them as Windows-1252, and old CMSes still write `&#146;` for an
/// apostrophe. `None` marks the five unassigned bytes.
const WINDOWS_1252: [Option<char>; 32] = [
    Some('\u{20ac}'),
    None,
    Some('\u{201a}'),
    Some('\u{192}'),
    Some('\u{201e}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{2c6}'),
    Some('\u{2030}'),
    Some('\u{160}'),
    Some('\u{2039}'),
    Some('\u{152}'),
    None,
    Some('\u{17d}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201c}'),
    Some('\u{201d}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{2dc}'),
    Some('\u{2122}'),
    Some('\u{161}'),
    Some('\u{203a}'),
    Some('\u{153}'),
    None,
    Some('\u{17e}'),
    Some('\u{178}'),
];

/// Decode the character reference at the start of `text` (which starts
/// with `&`). Returns its length in bytes and what it stands for, or `None`
/// when the `&` is a plain ampersand.
pub(crate) fn decode_entity(text: &str) -> Option<(usize, Cow<'static, str>)> {
    let rest = text.strip_prefix('&')?;
    if let Some(num) = rest.strip_prefix('#') {
        return decode_numeric(num).map(|(len, c)| (len + 2, Cow::Owned(c.to_string())));
    }
    let name_len = rest
        .bytes()
        .take(MAX_REF_LEN + 1)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if name_len == 0 || name_len > MAX_REF_LEN {
        return None;
    }
    let name = &rest[..name_len];
    let has_semicolon = rest[name_len..].starts_with(';');
    let len = 1 + name_len + usize::from(has_semicolon);
    if has_semicolon {
        if let Some(&(_, v)) = COMMON.iter().find(|(n, _)| *n == name) {
            return Some((len, Cow::Borrowed(v)));
        }
    }
    decode_with_tokenizer(&text[..len]).map(|s| (len, Cow::Owned(s)))
}

/// `&#NNN;` or `&#xHHH;` after the `&#`: the digits' length (with `x` and
/// `;`) and the character, with the HTML spec's replacements.
fn decode_numeric(num: &str) -> Option<(usize, char)> {
    let (radix, digits_at) = match num.as_bytes().first() {
        Some(b'x' | b'X') => (16, 1),
        _ => (10, 0),
    };
    let digits = num[digits_at..]
        .bytes()
        .take(MAX_REF_LEN + 1)
        .take_while(|b| b.is_ascii_digit() || (radix == 16 && b.is_ascii_hexdigit()))
        .count();
    if digits == 0 || digits > MAX_REF_LEN {
        return None;
    }
    let end = digits_at + digits;
    let len = end + usize::from(num[end..].starts_with(';'));
    let value = u32::from_str_radix(&num[digits_at..end], radix).unwrap_or(u32::MAX);
    let c = match value {
        0x80..=0x9f => WINDOWS_1252[(value - 0x80) as usize].unwrap_or('\u{fffd}'),
        0 => '\u{fffd}',
        v => char::from_u32(v).unwrap_or('\u{fffd}'),
    };
    Some((len, c))
}

/// Decode a named reference with html5gum's full table. `None` when the
/// tokenizer leaves the snippet as it is (not a reference).
fn decode_with_tokenizer(snippet: &str) -> Option<String> {
    let mut out = String::new();
    for token in super::html::tokens(snippet, false) {
        if let Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s.value));
        }
    }
    (out != snippet).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(text: &str) -> Option<(usize, String)> {
        decode_entity(text).map(|(len, s)| (len, s.into_owned()))
    }

    #[test]
    fn common_named_references_decode() {
        assert_eq!(decoded("&amp; more"), Some((5, "&".into())));
        assert_eq!(decoded("&rsquo;s"), Some((7, "\u{2019}".into())));
        assert_eq!(decoded("&nbsp;"), Some((6, " ".into())));
    }

    #[test]
    fn rare_named_references_use_the_full_table() {
        assert_eq!(decoded("&aacute;"), Some((8, "\u{e1}".into())));
        assert_eq!(decoded("&frac12;"), Some((8, "\u{bd}".into())));
    }

    #[test]
    fn numeric_references_decode_in_both_radixes() {
        assert_eq!(decoded("&#8220;x"), Some((7, "\u{201c}".into())));
        assert_eq!(decoded("&#x201D;"), Some((8, "\u{201d}".into())));
        assert_eq!(decoded("&#39"), Some((4, "'".into())));
    }

    #[test]
    fn windows_1252_numbers_mean_what_browsers_show() {
        assert_eq!(decoded("&#146;"), Some((6, "\u{2019}".into())));
        assert_eq!(decoded("&#151;"), Some((6, "\u{2014}".into())));
    }

    #[test]
    fn out_of_range_numbers_become_replacement_characters() {
        assert_eq!(decoded("&#xD800;"), Some((8, "\u{fffd}".into())));
        assert_eq!(decoded("&#99999999999999;"), Some((17, "\u{fffd}".into())));
    }

    #[test]
    fn plain_ampersands_are_not_references() {
        assert_eq!(decoded("& more"), None);
        assert_eq!(decoded("&madeupname;"), None);
        assert_eq!(decoded("&#;"), None);
        assert_eq!(decoded("&#x;"), None);
    }
}
