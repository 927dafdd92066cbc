//! The one place that reads YAML (front matter).
//!
//! Errors are turned into [`Diagnostic`]s with the position in the *file* (not in the YAML
//! snippet) and a plain-language message: unknown keys get a "did you mean", type errors say
//! what was expected, a key written twice says where it was first.
//!
//! Before the front matter is read into the report's fields it is checked as text and as plain
//! YAML: its size, characters that cannot be published (a raw control character, or one written
//! as an escape such as `"\a"`), and how many values it holds once aliases (`*name`) are
//! expanded. The last bounds time and memory: a few hundred bytes of nested aliases otherwise
//! expand to gigabytes ("billion laughs").

use crate::config::line_col;
use crate::content::locate::key_places;
use crate::content::text::{describe, escape_column, is_forbidden};
use crate::diagnostics::{Diagnostic, Kind, did_you_mean};
use crate::messages::{Msg, Text};
use crate::msg;
use serde::de::{self, DeserializeOwned, DeserializeSeed, Visitor};
use std::fmt;
use std::path::Path;

/// Largest front matter read, in bytes. A report's figures and texts take 5–30 KB; the rest
/// of a report belongs in the body.
pub const MAX_FRONT_MATTER: usize = 256 * 1024;
/// Most values (scalars, lists and mappings) in one front matter, aliases expanded.
pub const MAX_VALUES: usize = 100_000;
/// Most bytes of text in one front matter, aliases expanded.
pub const MAX_TEXT: usize = 1024 * 1024;

/// Deepest nesting of `[` and `{` read: yaml_serde stops at 128 levels, and libyaml's scanner
/// takes time proportional to the depth for every token (240 KB of `[` took 40 s).
pub const MAX_FLOW_DEPTH: usize = 128;

/// Separates a message from its help in errors raised inside deserialisation (our own parsers
/// can only return a string there).
pub(crate) const HELP_SEP: &str = "\nhelp: ";

/// Parses `yaml`, which starts at line `first_line` (1-based) of `file`.
pub fn from_str<T: DeserializeOwned>(yaml: &str, file: &Path, first_line: usize) -> Result<T, Diagnostic> {
    // An empty front matter block means "no keys", which YAML reads as null.
    let text = if yaml.trim().is_empty() { "{}" } else { yaml };
    precheck(text, file, first_line)?;
    yaml_serde::from_str(text).map_err(|err| diagnose(&err, text, file, first_line))
}

/// Size, characters and expanded size: everything that must hold before the front matter is
/// read into typed fields.
fn precheck(text: &str, file: &Path, first_line: usize) -> Result<(), Diagnostic> {
    if text.len() > MAX_FRONT_MATTER {
        let (line, col) = line_col(text, floor_char_boundary(text, MAX_FRONT_MATTER));
        return Err(Diagnostic::error(
            file,
            msg!(
                FrontMatterTooLong,
                size = text.len().div_ceil(1024),
                max = MAX_FRONT_MATTER / 1024
            ),
        )
        .at(line + first_line - 1, col)
        .help(Msg::FrontMatterTooLongHelp));
    }
    // libyaml refuses these too, but names neither the character nor its place.
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| is_forbidden(c) || c == '\u{feff}') {
        let (line, col) = line_col(text, at);
        return Err(Diagnostic::error(file, msg!(FrontMatterContains, what = describe(c)))
            .at(line + first_line - 1, col)
            .help(msg!(DeleteInvisibleHelp, line = line + first_line - 1, column = col)));
    }
    if let Some(at) = too_deep(text) {
        let (line, col) = line_col(text, at);
        return Err(nested_too_deeply(file, None).at(line + first_line - 1, col));
    }
    // Without an alias (`*name`) nothing can expand, and without a backslash no escape can
    // write a control character: the census (a second parse) is needed only with either.
    if !text.contains(['*', '\\']) {
        return Ok(());
    }
    let mut census = Census::default();
    match de::Deserializer::deserialize_any(yaml_serde::Deserializer::from_str(text), &mut census) {
        Ok(()) => Ok(()),
        Err(err) => {
            let pos = err.location().map(|l| (l.line() + first_line - 1, l.column()));
            Err(match census.failure {
                Some(Failure::TooMuch) => too_much(file).at_opt(pos),
                Some(Failure::Forbidden(c)) => forbidden(&err, c, text, file, first_line),
                None => diagnose(&err, text, file, first_line),
            })
        }
    }
}

/// Byte offset of the `[` or `{` that opens level [`MAX_FLOW_DEPTH`] + 1, if any. Brackets in
/// quoted text and comments do not count; the rest is YAML's plain text, where an unbalanced
/// bracket is rare and 129 of them never happen.
fn too_deep(text: &str) -> Option<usize> {
    if !text.contains(['[', '{']) {
        return None;
    }
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut prev = '\n';
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some('"'), '\\') => {
                chars.next();
            }
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if prev.is_whitespace() || matches!(prev, '[' | '{' | ',' | ':') => quote = Some(c),
            (None, '#') if prev.is_whitespace() => while chars.next_if(|&(_, c)| c != '\n').is_some() {},
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_FLOW_DEPTH {
                    return Some(i);
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        prev = c;
    }
    None
}

/// The error for lists or mappings nested beyond [`MAX_FLOW_DEPTH`] (`path`: where).
fn nested_too_deeply(file: &Path, path: Option<&str>) -> Diagnostic {
    Diagnostic::error(
        file,
        msg!(NestedTooDeeply, place = in_place(path), max = MAX_FLOW_DEPTH),
    )
    .help(Msg::NestedTooDeeplyHelp)
}

/// " in `budget.income`" (nothing without a path).
fn in_place(path: Option<&str>) -> Text {
    match path {
        Some(path) => msg!(InPlace, path),
        None => Text::Raw(String::new()),
    }
}

/// The largest char boundary at or below `i`.
fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The error for a front matter that expands beyond [`MAX_VALUES`] or [`MAX_TEXT`].
fn too_much(file: &Path) -> Diagnostic {
    Diagnostic::error(
        file,
        msg!(TooMuch, max_values = MAX_VALUES, max_mb = MAX_TEXT / (1024 * 1024)),
    )
    .help(Msg::TooMuchHelp)
}

/// The error for a value that holds character `c` written as an escape (`"\a"`).
fn forbidden(err: &yaml_serde::Error, c: char, text: &str, file: &Path, first_line: usize) -> Diagnostic {
    let msg = message_of(err);
    let (path, _) = split_path(&msg);
    let place = match path {
        Some(path) => msg!(OfPlace, path),
        None => Text::Raw(String::new()),
    };
    let pos = err.location().map(|l| {
        let source = text.lines().nth(l.line().saturating_sub(1)).unwrap_or("");
        let col = escape_column(source, l.column(), c).unwrap_or(l.column());
        (l.line() + first_line - 1, col)
    });
    Diagnostic::error(file, msg!(ValueContains, place, what = describe(c)))
        .at_opt(pos)
        .help(Msg::ValueControlHelp)
}

/// Why the census stopped.
enum Failure {
    TooMuch,
    Forbidden(char),
}

/// Walks every value of a YAML document, aliases expanded, counting values and text and
/// looking for unpublishable characters; it stops at the first limit crossed, so its own
/// work is bounded too.
#[derive(Default)]
struct Census {
    values: usize,
    text: usize,
    failure: Option<Failure>,
}

impl Census {
    /// Counts one value with `text`; fails past a limit or on a forbidden character.
    fn count<E: de::Error>(&mut self, text: &str) -> Result<(), E> {
        self.values += 1;
        self.text += text.len();
        if self.values > MAX_VALUES || self.text > MAX_TEXT {
            self.failure = Some(Failure::TooMuch);
            return Err(E::custom("too much"));
        }
        if let Some(c) = text.chars().find(|&c| is_forbidden(c)) {
            self.failure = Some(Failure::Forbidden(c));
            return Err(E::custom("forbidden character"));
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for &mut Census {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for &mut Census {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.count("")
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.count("")
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.count("")
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<(), E> {
        self.count("")
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<(), E> {
        self.count("")
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.count("")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.count(v)
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<(), E> {
        self.count(&String::from_utf8_lossy(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.count("")
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.count("")
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_newtype_struct<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.count("")?;
        while seq.next_element_seed(&mut *self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.count("")?;
        while map.next_key_seed(&mut *self)?.is_some() {
            map.next_value_seed(&mut *self)?;
        }
        Ok(())
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        use de::VariantAccess;
        self.count("")?;
        let ((), variant) = data.variant_seed(&mut *self)?;
        variant.newtype_variant_seed(&mut *self)
    }
}

/// The error's message without yaml_serde's trailing " at line N column M".
fn message_of(err: &yaml_serde::Error) -> String {
    let raw = err.to_string();
    match err.location() {
        Some(l) => raw
            .strip_suffix(&format!(" at line {} column {}", l.line(), l.column()))
            .map(str::to_string)
            .unwrap_or(raw),
        None => raw,
    }
}

/// Splits serde's "budget.income: message" into the path of the value and the message.
fn split_path(msg: &str) -> (Option<&str>, &str) {
    if Text::unpack(msg).is_some() {
        return (None, msg);
    }
    match msg.split_once(": ") {
        Some((p, d)) if !p.contains(' ') && !p.is_empty() => (Some(p), d),
        _ => (None, msg),
    }
}

/// A YAML error in the front matter as a diagnostic at its place in the file.
fn diagnose(err: &yaml_serde::Error, text: &str, file: &Path, first_line: usize) -> Diagnostic {
    let msg = message_of(err);
    let (path, detail) = split_path(&msg);
    let pos = err.location().map(|l| (l.line() + first_line - 1, l.column()));
    if let Some(line) = toml_line(text) {
        return toml_front_matter(file).at(line + first_line, 1);
    }
    if let Some((line, column, c)) = bad_key_separator(text) {
        let key: String = text
            .lines()
            .nth(line)
            .unwrap_or("")
            .trim_start_matches([' ', '-'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        let what = crate::diagnostics::char_name(c);
        let message = if c == '\u{ff1a}' || c == '\u{fe55}' {
            msg!(KeyThenWideColon, key, what)
        } else {
            msg!(KeyThenOddSpace, key, what)
        };
        return Diagnostic::error(file, message)
            .at(line + first_line, column)
            .help(Msg::KeySeparatorHelp);
    }
    if let (Some(rest), Some(at)) = (detail.strip_prefix("duplicate field `"), pos) {
        let key = rest.split('`').next().unwrap_or(rest);
        return duplicate(file, text, first_line, at, key, path);
    }
    let d = explain(&msg, file).at_opt(pos);
    let inside_number = detail
        .split(HELP_SEP)
        .next()
        .and_then(Text::unpack)
        .is_some_and(|t| t.key() == Some(Msg::SpaceInside));
    if inside_number && let Some(l) = err.location() {
        let source = text.lines().nth(l.line().saturating_sub(1)).unwrap_or("");
        return d.at(l.line() + first_line - 1, space_column(source, l.column()));
    }
    d
}

/// The first `key：value` or `key:<no-break space>value` line: (0-based line, 1-based column of
/// the wrong character, the character). Only consulted when the YAML parser failed.
fn bad_key_separator(text: &str) -> Option<(usize, usize, char)> {
    text.lines().enumerate().find_map(|(i, l)| {
        let body = l.trim_start_matches([' ', '-']);
        let indent = l.chars().count() - body.chars().count();
        let key_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(body.len());
        if key_len == 0 {
            return None;
        }
        let rest = &body[key_len..];
        let mut chars = rest.chars();
        let (first, second) = (chars.next()?, chars.next());
        let column = indent + key_len + 1;
        match (first, second) {
            ('\u{ff1a}' | '\u{fe55}', _) => Some((i, column, first)),
            (':', Some(c @ ('\u{a0}' | '\u{3000}' | '\u{2002}'..='\u{200b}' | '\u{feff}'))) => Some((i, column + 1, c)),
            _ => None,
        }
    })
}

/// The 0-based line of a TOML-style `key = value` or `[table]` line at the left margin, if any:
/// Hugo-style front matter written for another tool.
fn toml_line(text: &str) -> Option<usize> {
    text.lines().position(|l| {
        let key_len = l
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(l.len());
        let table = l.starts_with('[') && l.trim_end().ends_with(']') && !l.contains(',') && l.len() > 2;
        (key_len > 0 && l[key_len..].trim_start().starts_with('=')) || table
    })
}

/// The error for TOML written where YAML belongs.
pub(crate) fn toml_front_matter(file: &Path) -> Diagnostic {
    Diagnostic::error(file, Msg::TomlFrontMatter).help(Msg::TomlFrontMatterHelp)
}

/// The error for key `key` written twice in the mapping whose first key is at `at`.
fn duplicate(
    file: &Path,
    text: &str,
    first_line: usize,
    at: (usize, usize),
    key: &str,
    path: Option<&str>,
) -> Diagnostic {
    let place = in_place(path);
    let places = key_places(text, first_line, at, key);
    match places.as_slice() {
        [first, second, ..] => Diagnostic::error(file, msg!(KeyTwiceFirstOn, key, place, first = first.0))
            .at(second.0, second.1)
            .help(Msg::KeyTwiceSectionHelp),
        _ => Diagnostic::error(file, msg!(KeyTwice, key, place))
            .at(at.0, at.1)
            .help(Msg::KeyTwiceSectionHelp),
    }
}

/// Column of the first space or invisible character inside the value that starts at column
/// `from` of `line` (after an opening quote). Falls back to `from`.
fn space_column(line: &str, from: usize) -> usize {
    let chars: Vec<char> = line.chars().collect();
    let mut i = from.saturating_sub(1);
    if matches!(chars.get(i), Some('"' | '\'')) {
        i += 1;
    }
    let mut seen_digit = false;
    while let Some(&c) = chars.get(i) {
        let gap = crate::content::text::is_invisible(c) || c == '\\';
        if gap && seen_digit {
            return i + 1;
        }
        if c == '"' || c == '\'' {
            break;
        }
        seen_digit |= !gap;
        i += 1;
    }
    from
}

/// Like [`explain`], for `site.toml`: a syntax error names TOML, not front matter.
pub(crate) fn explain_toml(raw: &str, file: &Path) -> Diagnostic {
    explain_in(raw, file, Format::Toml)
}

/// Rewrites a YAML/serde error message in words a finance officer understands.
pub(crate) fn explain(raw: &str, file: &Path) -> Diagnostic {
    explain_in(raw, file, Format::Yaml)
}

/// The file's format: what a syntax error names, and how the help writes a value or a line.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    /// Front matter.
    Yaml,
    /// `site.toml`.
    Toml,
}

impl Format {
    /// A syntax error: the parser's `detail`, naming the format.
    fn syntax(self, file: &Path, detail: &str) -> Diagnostic {
        match self {
            Format::Yaml => Diagnostic::error(file, msg!(NotValidYaml, detail)).help(Msg::NotValidYamlHelp),
            Format::Toml => Diagnostic::error(file, msg!(NotValidToml, detail)).help(Msg::NotValidTomlHelp),
        }
    }

    /// How to add the missing `key`.
    fn missing_key_help(self, key: &str) -> Text {
        match self {
            Format::Yaml => msg!(MissingKeyHelp, key),
            Format::Toml => msg!(MissingKeyTomlHelp, key),
        }
    }

    /// How numbers, text and lists are written.
    fn wrong_kind_help(self) -> Msg {
        match self {
            Format::Yaml => Msg::WrongKindHelp,
            Format::Toml => Msg::WrongKindTomlHelp,
        }
    }
}

/// [`explain`] for a file in `format`.
fn explain_in(raw: &str, file: &Path, format: Format) -> Diagnostic {
    // Drop the parser's " at line N column M" (counted from the front matter, not the file):
    // we print the position ourselves.
    let owned = without_positions(raw);
    let msg = owned.as_str();
    // serde_yaml prefixes the path of the offending value: "budget.income: invalid type …".
    let (path, detail) = split_path(msg);
    let place = in_place(path);

    if let Some(rest) = detail.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let d = Diagnostic::error(file, msg!(UnknownKey, key = field, place)).with_kind(Kind::UnknownKey);
        let list = allowed.join(", ");
        return match did_you_mean(field, allowed.iter().copied()) {
            Some(s) => d.help(msg!(DidYouMeanKeysHere, key = s, list)),
            None if !list.is_empty() => d.help(msg!(KeysAllowedHere, list)),
            None => d.help(Msg::NoKeysAllowedHelp),
        };
    }
    if let Some(rest) = detail.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return Diagnostic::error(file, msg!(MissingKey, key = field, place)).help(format.missing_key_help(field));
    }
    if let Some(rest) = detail.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return Diagnostic::error(file, msg!(NotAllowedValue, value, place))
            .help(msg!(UseOneOf, list = allowed.join(", ")));
    }
    if let Some(rest) = detail
        .strip_prefix("duplicate field `")
        .or_else(|| detail.strip_prefix("duplicate key `"))
    {
        let key = rest.split('`').next().unwrap_or(rest);
        return Diagnostic::error(file, msg!(KeyTwice, key, place)).help(Msg::KeyTwiceHelp);
    }
    if detail.starts_with("invalid type") || detail.starts_with("invalid value") {
        return Diagnostic::error(file, msg!(WrongKind, place, detail = plain_kinds(detail, format)))
            .help(format.wrong_kind_help());
    }
    if detail.starts_with("recursion limit exceeded") {
        return nested_too_deeply(file, path);
    }
    if detail.starts_with("repetition limit exceeded") {
        return too_much(file);
    }
    if path.is_some() {
        // A message from our own parsers (numbers, dates, slugs) with the path in front.
        let (message, help) = match detail.rsplit_once(HELP_SEP) {
            Some((m, h)) => (
                Text::unpack(m).unwrap_or_else(|| m.into()),
                Text::unpack(h).unwrap_or_else(|| h.into()),
            ),
            None => (
                Text::unpack(detail).unwrap_or_else(|| detail.into()),
                Msg::SeeDocsForValueHelp.into(),
            ),
        };
        return Diagnostic::error(file, msg!(MessageInPlace, message, place)).help(help);
    }
    format.syntax(file, detail)
}

/// `raw` without every " at line N" / " at line N column M".
fn without_positions(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let after = &rest[i + " at line ".len()..];
        let digits = after.find(|c: char| !c.is_ascii_digit()).unwrap_or(after.len());
        let mut tail = &after[digits..];
        if let Some(col) = tail.strip_prefix(" column ") {
            let d = col.find(|c: char| !c.is_ascii_digit()).unwrap_or(col.len());
            tail = &col[d..];
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// serde's "invalid type: string \"abc\", expected u16" in words a clerk knows: no Rust
/// type names, and a list or block written as `format` writes it.
fn plain_kinds(detail: &str, format: Format) -> Text {
    let text = detail
        .strip_prefix("invalid type: ")
        .or_else(|| detail.strip_prefix("invalid value: "))
        .unwrap_or(detail);
    let (found, expected) = text.split_once(", expected ").unwrap_or((text, ""));
    let found = if let Some(v) = found.strip_prefix("string ") {
        msg!(FoundText, value = v)
    } else if let Some(v) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        msg!(FoundNumber, value = v)
    } else {
        match found {
            "sequence" => Msg::FoundList.into(),
            "map" if format == Format::Toml => Msg::FoundTable.into(),
            "map" => Msg::FoundBlock.into(),
            "unit value" => Msg::FoundNothing.into(),
            other => Text::Raw(other.to_string()),
        }
    };
    let expected: Text = match expected.trim() {
        "" => return msg!(KindFound, found),
        "u8" | "u16" | "u32" | "u64" | "usize" if format == Format::Toml => Msg::ExpectWholeNumber.into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => Msg::ExpectYear.into(),
        "i8" | "i16" | "i32" | "i64" => Msg::ExpectWholeNumber.into(),
        "f32" | "f64" => Msg::ExpectNumber.into(),
        "a number such as 1545.30" => Msg::ExpectFigure.into(),
        "a string" => Msg::ExpectText.into(),
        "a boolean" => Msg::ExpectBool.into(),
        "a sequence" if format == Format::Toml => Msg::ExpectTomlList.into(),
        "a sequence" => Msg::ExpectList.into(),
        e if e.starts_with("struct ") || e == "a map" => Msg::ExpectBlock.into(),
        e => Text::Raw(e.to_string()),
    };
    msg!(KindFoundExpected, found, expected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[test]
    fn parser_positions_are_dropped_from_the_text() {
        assert_eq!(
            without_positions(
                "could not find expected ':' at line 3 column 1, while scanning a simple key at line 2 column 1"
            ),
            "could not find expected ':', while scanning a simple key"
        );
    }

    #[test]
    fn a_pasted_key_separator_is_named() {
        assert_eq!(
            bad_key_separator("title: x\nyear\u{ff1a}2023\n"),
            Some((1, 5, '\u{ff1a}'))
        );
        assert_eq!(bad_key_separator("a:\n  year:\u{a0}2023\n"), Some((1, 8, '\u{a0}')));
        assert_eq!(bad_key_separator("title: 时间：2023\nyear: 1\n"), None);
    }

    #[test]
    fn kinds_are_named_without_rust_types() {
        assert_eq!(
            plain_kinds("invalid type: string \"abc\", expected u16", Format::Yaml),
            "found the text \"abc\", expected a whole number (digits only, e.g. 2023)"
        );
        assert_eq!(
            plain_kinds(
                "invalid type: floating point `93.6`, expected struct Evaluation",
                Format::Yaml
            ),
            "found the number `93.6`, expected a block of `key: value` lines, indented below its key"
        );
        assert_eq!(
            plain_kinds("invalid value: integer `70000`, expected u16", Format::Yaml),
            "found the number `70000`, expected a whole number (digits only, e.g. 2023)"
        );
    }

    #[test]
    fn site_toml_errors_write_values_as_toml_does() {
        let file = Path::new("site.toml");
        let d = explain_toml("invalid type: string \"zh\", expected a sequence", file);
        let text = d.to_string();
        assert!(
            text.contains("found the text \"zh\", expected a list in square brackets ([\"zh\", \"en\"])"),
            "{text}"
        );
        assert!(text.contains("text in double quotes"), "{text}");
        assert!(!text.contains("`- `"), "no YAML list in a TOML help: {text}");
        let d = explain_toml("invalid type: string \"all\", expected usize", file);
        assert!(
            d.to_string()
                .contains("found the text \"all\", expected a whole number"),
            "{d}"
        );
        assert!(!d.to_string().contains("2023"), "a setting is not a year: {d}");
        let d = explain_toml("missing field `title`", file);
        assert!(d.to_string().contains("add a line `title = \"…\"` to site.toml"), "{d}");
        // Front matter keeps YAML's words.
        let d = explain("invalid type: string \"zh\", expected a sequence", Path::new("2021.md"));
        assert!(d.to_string().contains("one `- ` line per item"), "{d}");
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: String,
        year: u16,
        amount: Option<crate::decimal::Dec>,
        #[serde(default)]
        notes: Vec<String>,
        #[serde(default)]
        budget: Option<B>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct B {
        income: Option<crate::decimal::Dec>,
        note: Option<String>,
    }

    fn err(yaml: &str) -> Diagnostic {
        from_str::<T>(yaml, Path::new("a.md"), 2).unwrap_err()
    }

    #[test]
    fn unknown_key_suggests_the_right_one() {
        let d = err("title: x\nyear: 2021\ntitel: y\n");
        assert_eq!(d.message, "unknown key `titel`");
        assert!(d.help.unwrap().starts_with("did you mean `title`?"));
        assert_eq!(d.line, Some(4));
    }

    #[test]
    fn missing_and_wrong_type() {
        assert_eq!(err("title: x\n").message, "missing required key `year`");
        let d = err("title: x\nyear: 2021\namount: abc\n");
        assert_eq!(d.message, "`abc` is not a number in `amount`");
        assert_eq!((d.line, d.column), (Some(4), Some(9)));
        assert!(d.help.unwrap().starts_with("write the figure in digits"));
    }

    #[test]
    fn syntax_error_is_positioned() {
        let d = err("title: x\n year: 2021\n  - a\n");
        assert!(
            d.message.starts_with("the front matter is not valid YAML"),
            "{}",
            d.message
        );
        assert!(d.line.is_some());
    }

    #[test]
    fn a_space_inside_a_number_is_pointed_at() {
        let d = err("title: x\nyear: 2021\namount: 663 4\n");
        assert_eq!(d.message, "`663 4` has a space inside the number in `amount`");
        assert_eq!((d.line, d.column), (Some(4), Some(12)));
        let d = err("title: x\nyear: 2021\namount: \"0 6 3\"\n");
        assert_eq!((d.line, d.column), (Some(4), Some(11)));
        let d = err("title: x\nyear: 2021\namount: 1\u{3000}545\n");
        assert_eq!(
            d.message,
            "`1<U+3000>545` has U+3000 IDEOGRAPHIC SPACE inside the number in `amount`"
        );
        assert_eq!((d.line, d.column), (Some(4), Some(10)));
    }

    #[test]
    fn a_key_written_twice_is_shown_where_it_repeats() {
        let d = err("title: x\nyear: 2021\ntitle: y\n");
        assert_eq!(d.message, "key `title` appears twice (first on line 2)");
        assert_eq!((d.line, d.column), (Some(4), Some(1)));
        let d = err("title: x\nyear: 2021\nbudget:\n  income: 1\n  note: n\n  income: 2\n");
        assert_eq!(d.message, "key `income` appears twice in `budget` (first on line 5)");
        assert_eq!((d.line, d.column), (Some(7), Some(3)));
    }

    #[test]
    fn control_characters_are_named_where_they_are() {
        let d = err("title: \"T\\aitle\"\nyear: 2021\n");
        assert_eq!(
            d.message,
            "the value of `title` contains the control character U+0007 BELL"
        );
        assert_eq!((d.line, d.column), (Some(2), Some(10)));
        let d = err("title: x\nyear: 20\u{0}21\n");
        assert_eq!(d.message, "the front matter contains the control character U+0000 NULL");
        assert_eq!((d.line, d.column), (Some(3), Some(9)));
        let d = err("title: x\nnotes: [\"a\", \"b\\u0000\"]\nyear: 2021\n");
        assert_eq!(
            d.message,
            "the value of `notes[1]` contains the control character U+0000 NULL"
        );
        assert_eq!((d.line, d.column), (Some(3), Some(16)));
    }

    #[test]
    fn toml_is_recognised() {
        let d = err("title = \"x\"\nyear = 2021\n");
        assert_eq!(
            d.message,
            "front matter must be YAML between --- lines (this looks like TOML)"
        );
        assert_eq!(d.line, Some(2));
    }

    #[test]
    fn aliases_cannot_blow_up() {
        let mut y = String::from(
            "title: x\nyear: 2021\nnotes: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        for i in 1..10 {
            y.push_str(&format!(
                "n{i}: &a{i} [{}]\n",
                vec![format!("*a{}", i - 1); 9].join(",")
            ));
        }
        let start = std::time::Instant::now();
        let d = err(&y);
        assert!(
            d.message.starts_with("the front matter holds too much"),
            "{}",
            d.message
        );
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
        // A few aliases are fine.
        let ok: T = from_str("title: &t x\nyear: 2021\nnotes: [*t, *t]\n", Path::new("a.md"), 2).unwrap();
        assert_eq!(ok.notes, ["x", "x"]);
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let y = format!(
            "title: x\nyear: 2021\nnotes: {}{}\n",
            "[".repeat(20_000),
            "]".repeat(20_000)
        );
        let start = std::time::Instant::now();
        let d = err(&y);
        assert_eq!(d.message, "the front matter is nested too deeply: more than 128 levels");
        assert_eq!((d.line, d.column), (Some(4), Some(136)));
        assert!(start.elapsed() < std::time::Duration::from_secs(1));
        // Brackets in quotes and comments do not count.
        let quoted = format!("title: \"{}\" # {}\nyear: 2021\n", "[".repeat(200), "{".repeat(200));
        assert!(from_str::<T>(&quoted, Path::new("a.md"), 2).is_ok());
        assert!(too_deep("a: 'it''s [[['\nb: \"\\\" [[\"\nc: [[1], {d: [2]}]\n").is_none());
    }

    #[test]
    fn oversized_front_matter_is_refused() {
        let y = format!(
            "title: x\nyear: 2021\nnotes:\n{}",
            "  - 一二三四五六七八九十\n".repeat(10_000)
        );
        let d = err(&y);
        assert_eq!(d.message, "the front matter is too long: 342 KB, at most 256 KB");
        assert!(d.line.is_some() && d.help.is_some());
    }
}
