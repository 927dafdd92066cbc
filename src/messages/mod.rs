//! Every text gongkai prints, in Chinese and in English.
//!
//! The texts live in one catalogue, `src/messages/catalogue.rs`: a key ([`Msg`]) with its
//! English and Chinese wording, `{name}` marking where an argument goes (`{{` and `}}` are
//! braces). Code never writes a message's words: it builds a [`Text`], a key and its named
//! arguments (with [`msg!`](crate::msg)), and the text is put into words only when it is
//! printed, in the [`Language`] the user chose (`--lang`, or the locale: `LC_ALL`,
//! `LC_MESSAGES`, `LANG`). So a [`Diagnostic`](crate::diagnostics::Diagnostic) made deep in a
//! stage stays language-neutral, and a test can render it in either language.
//!
//! An argument is plain text (a key, a number, a path, the user's own words), another
//! [`Text`] (a phrase that is itself translated), or a pair of words already known in both
//! languages (a grade's name). Text that comes from outside gongkai (an operating system's
//! error, a parser's detail, a template engine's report) is [`Text::Raw`]: shown as it is in
//! both languages, inside a translated frame.

mod catalogue;

pub use catalogue::Msg;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The language messages are printed in (not a page language: see [`crate::lang`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Language {
    #[default]
    English,
    Chinese,
}

impl Language {
    /// The language `--lang` names: `zh` or `en`.
    pub fn from_code(code: &str) -> Option<Language> {
        match code.to_ascii_lowercase().as_str() {
            "zh" => Some(Language::Chinese),
            "en" => Some(Language::English),
            _ => None,
        }
    }

    /// The language of the environment: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is
    /// set and not empty decides (as for every program); Chinese when it starts with `zh`
    /// (`zh_CN.UTF-8`), English otherwise and when none is set.
    pub fn from_env() -> Language {
        Language::from_locale(|name| std::env::var(name).ok())
    }

    /// [`Language::from_env`] with the variables read through `var`.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Language {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()));
        match value {
            Some(v) if v.to_ascii_lowercase().starts_with("zh") => Language::Chinese,
            _ => Language::English,
        }
    }
}

/// A message ready to be put into words: a catalogue key with its arguments, or text from
/// outside gongkai.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Text {
    /// A catalogue message and its named arguments (boxed: a diagnostic carries two texts and
    /// stays small).
    Msg(Box<(Msg, Vec<(String, Arg)>)>),
    /// Words gongkai did not write (an operating system's, a parser's), the same in every
    /// language.
    Raw(String),
    /// Words gongkai wrote in both languages outside the catalogue (a check's rule, named
    /// from the form's labels): English, then Chinese.
    Both(Box<(String, String)>),
}

/// One argument of a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arg {
    /// Shown as it is: a key, a number, a file name, the user's own text.
    Plain(String),
    /// A phrase from the catalogue, in the same language as the message around it.
    Text(Text),
    /// Words known in both languages (a grade's name, a rule's label).
    Pair { zh: String, en: String },
    /// Phrases listed one after the other: `a, b` in English, `a、b` in Chinese.
    List(Vec<Text>),
}

impl Text {
    /// The message `key`, without arguments yet.
    pub fn new(key: Msg) -> Text {
        Text::Msg(Box::new((key, Vec::new())))
    }

    /// Adds the argument `name` (a `{name}` of the message).
    pub fn arg(mut self, name: &str, value: impl Into<Arg>) -> Text {
        if let Text::Msg(m) = &mut self {
            m.1.push((name.to_string(), value.into()));
        }
        self
    }

    /// The text in `lang`.
    pub fn render(&self, lang: Language) -> String {
        match self {
            Text::Raw(text) => text.clone(),
            Text::Both(b) => match lang {
                Language::English => b.0.clone(),
                Language::Chinese => b.1.clone(),
            },
            Text::Msg(m) => fill(m.0.text(lang), &m.1, lang),
        }
    }

    /// The text in English (what tests pin, and what `Display` shows).
    pub fn en(&self) -> String {
        self.render(Language::English)
    }

    /// The text in Chinese.
    pub fn zh(&self) -> String {
        self.render(Language::Chinese)
    }

    /// True when the English text contains `part` (for tests).
    pub fn contains(&self, part: &str) -> bool {
        self.en().contains(part)
    }

    /// True when the English text starts with `part` (for tests).
    pub fn starts_with(&self, part: &str) -> bool {
        self.en().starts_with(part)
    }

    /// The catalogue key, for a [`Text::Msg`].
    pub fn key(&self) -> Option<Msg> {
        match self {
            Text::Msg(m) => Some(m.0),
            Text::Raw(_) | Text::Both(_) => None,
        }
    }

    /// The text packed into one line, to pass through an interface that carries only a
    /// string (serde's custom errors); [`Text::unpack`] gets it back.
    pub(crate) fn pack(&self) -> String {
        format!("{PACKED}{}", serde_json::to_string(self).unwrap_or_default())
    }

    /// The text [`Text::pack`] packed into `s`, if it is one.
    pub(crate) fn unpack(s: &str) -> Option<Text> {
        serde_json::from_str(s.strip_prefix(PACKED)?).ok()
    }
}

/// Marks a packed text; no message a parser writes starts with it.
const PACKED: &str = "\u{1}gongkai-text:";

/// Compares the English text: tests pin what an English reader sees.
impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.en() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.en() == *other
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.en() == other
    }
}

impl fmt::Display for Text {
    /// The English text.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

impl From<Msg> for Text {
    fn from(key: Msg) -> Text {
        Text::new(key)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text::Raw(text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::Raw(text.to_string())
    }
}

impl From<Text> for Arg {
    fn from(t: Text) -> Arg {
        Arg::Text(t)
    }
}

impl From<Vec<Text>> for Arg {
    fn from(items: Vec<Text>) -> Arg {
        Arg::List(items)
    }
}

impl From<Msg> for Arg {
    fn from(key: Msg) -> Arg {
        Arg::Text(Text::new(key))
    }
}

impl From<(&str, &str)> for Arg {
    /// `(Chinese, English)`.
    fn from((zh, en): (&str, &str)) -> Arg {
        Arg::Pair {
            zh: zh.to_string(),
            en: en.to_string(),
        }
    }
}

impl From<std::path::Display<'_>> for Arg {
    fn from(p: std::path::Display<'_>) -> Arg {
        Arg::Plain(p.to_string())
    }
}

impl From<&std::io::Error> for Arg {
    fn from(e: &std::io::Error) -> Arg {
        Arg::Plain(e.to_string())
    }
}

impl From<std::io::Error> for Arg {
    fn from(e: std::io::Error) -> Arg {
        Arg::Plain(e.to_string())
    }
}

/// Plain arguments from the types messages show.
macro_rules! plain_args {
    ($($t:ty),*) => {
        $(impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                Arg::Plain(v.to_string())
            }
        })*
    };
}
plain_args!(String, &str, &String, char, u16, u32, u64, u128, usize, i64);

impl Arg {
    fn render(&self, lang: Language) -> String {
        match self {
            Arg::Plain(s) => s.clone(),
            Arg::Text(t) => t.render(lang),
            Arg::Pair { zh, en } => match lang {
                Language::Chinese => zh.clone(),
                Language::English => en.clone(),
            },
            Arg::List(items) => {
                let sep = match lang {
                    Language::Chinese => "、",
                    Language::English => ", ",
                };
                items.iter().map(|t| t.render(lang)).collect::<Vec<_>>().join(sep)
            }
        }
    }
}

/// A message of the catalogue with its arguments: `msg!(UnknownKey, key = field, place)`
/// (a lone name is an argument of that name and value, as in `format!`).
#[macro_export]
macro_rules! msg {
    ($key:ident $(, $name:ident $(= $value:expr)?)* $(,)?) => {
        $crate::messages::Text::new($crate::messages::Msg::$key)
            $(.arg(stringify!($name), $crate::msg!(@value $name $($value)?)))*
    };
    (@value $name:ident $value:expr) => { $value };
    (@value $name:ident) => { $name };
}

/// One piece of a message's wording.
#[derive(Debug, PartialEq, Eq)]
enum Piece<'a> {
    Words(&'a str),
    Brace(char),
    Slot(&'a str),
}

/// Splits a catalogue text into words, escaped braces and `{name}` slots; `None` when a brace
/// is unmatched or a slot is not a name.
fn pieces(text: &str) -> Option<Vec<Piece<'_>>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        if i > 0 {
            out.push(Piece::Words(&rest[..i]));
        }
        let after = &rest[i + 1..];
        let c = rest.as_bytes()[i] as char;
        if after.starts_with(c) {
            out.push(Piece::Brace(c));
            rest = &after[1..];
        } else if c == '{' {
            let end = after.find('}')?;
            let name = &after[..end];
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                return None;
            }
            out.push(Piece::Slot(name));
            rest = &after[end + 1..];
        } else {
            return None;
        }
    }
    if !rest.is_empty() {
        out.push(Piece::Words(rest));
    }
    Some(out)
}

/// The names of the `{name}` slots of a catalogue text, sorted, each once.
pub fn slots(text: &str) -> Option<Vec<&str>> {
    let mut names: Vec<&str> = pieces(text)?
        .into_iter()
        .filter_map(|p| match p {
            Piece::Slot(n) => Some(n),
            _ => None,
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    Some(names)
}

/// `template` with its slots filled from `args` in `lang`. A slot without an argument stays as
/// `{name}` (the catalogue test and debug builds catch that).
fn fill(template: &str, args: &[(String, Arg)], lang: Language) -> String {
    let Some(parts) = pieces(template) else {
        return template.to_string();
    };
    let mut out = String::with_capacity(template.len() + 16);
    for p in parts {
        match p {
            Piece::Words(w) => out.push_str(w),
            Piece::Brace(c) => out.push(c),
            Piece::Slot(name) => match args.iter().find(|(n, _)| n == name) {
                Some((_, a)) => out.push_str(&a.render(lang)),
                None => {
                    debug_assert!(false, "message {template:?} has no argument `{name}`");
                    out.push_str(&format!("{{{name}}}"));
                }
            },
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages_with_the_same_slots() {
        let mut problems = Vec::new();
        for &key in Msg::ALL {
            let (en, zh) = (key.text(Language::English), key.text(Language::Chinese));
            if en.trim().is_empty() || zh.trim().is_empty() {
                problems.push(format!("{key:?}: a language is empty"));
                continue;
            }
            match (slots(en), slots(zh)) {
                (Some(a), Some(b)) if a == b => {}
                (Some(a), Some(b)) => problems.push(format!("{key:?}: English has {a:?}, Chinese {b:?}")),
                _ => problems.push(format!("{key:?}: an unmatched brace")),
            }
            // Chinese means Chinese: every text but a bare layout of slots has a Chinese word
            // or a full-width mark.
            let words: String = pieces(zh)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|p| match p {
                    Piece::Words(w) => Some(w),
                    _ => None,
                })
                .collect();
            let chinese = words.chars().any(|c| c as u32 >= 0x2e80);
            if !chinese && words.chars().any(|c| c.is_ascii_alphabetic()) {
                problems.push(format!("{key:?}: the Chinese text is not in Chinese: {zh:?}"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(Msg::ALL.len() > 100);
    }

    #[test]
    fn every_message_is_used() {
        let mut source = String::new();
        for e in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")) {
            let e = e.unwrap();
            if e.path().extension().is_some_and(|x| x == "rs") && !e.path().ends_with("catalogue.rs") {
                source.push_str(&std::fs::read_to_string(e.path()).unwrap());
            }
        }
        // The names after `msg!(` and `Msg::`.
        let mut used = std::collections::BTreeSet::new();
        for start in ["msg!(", "Msg::"] {
            for (i, _) in source.match_indices(start) {
                let rest = source[i + start.len()..].trim_start();
                let end = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
                used.insert(&rest[..end]);
            }
        }
        let unused: Vec<String> = Msg::ALL
            .iter()
            .map(|k| format!("{k:?}"))
            .filter(|name| !used.contains(name.as_str()))
            .collect();
        assert!(unused.is_empty(), "messages no code uses: {unused:?}");
    }

    #[test]
    fn renders_arguments_nested_texts_and_braces() {
        let t = msg!(UnknownKey, key = "titel", place = msg!(InPlace, path = "budget"));
        assert_eq!(t.en(), "unknown key `titel` in `budget`");
        assert_eq!(t, "unknown key `titel` in `budget`");
        assert!(t.zh().contains("titel") && t.zh().contains("budget"), "{}", t.zh());
        assert_eq!(
            fill(
                "a {{b}} {c}",
                &[("c".into(), Arg::Plain("d".into()))],
                Language::English
            ),
            "a {b} d"
        );
        let pair = Text::new(Msg::GradeMismatch)
            .arg("stated", ("优", "Excellent"))
            .arg("score", "85")
            .arg("range", ("80 分至不足 90 分", "a score of 80 to under 90"))
            .arg("earned", ("良", "Good"));
        assert!(pair.zh().contains("优") && pair.en().contains("Excellent"));
        assert_eq!(Text::from("as is").zh(), "as is");
    }

    #[test]
    fn packed_texts_come_back_whole() {
        let t = msg!(NotANumber, value = "1545.3O");
        let packed = t.pack();
        assert!(!packed.contains('\n'));
        assert_eq!(Text::unpack(&packed), Some(t));
        assert_eq!(Text::unpack("invalid type: string"), None);
    }

    #[test]
    fn the_locale_picks_the_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
        };
        use Language::*;
        assert_eq!(Language::from_locale(env(&[])), English);
        assert_eq!(Language::from_locale(env(&[("LANG", "zh_CN.UTF-8")])), Chinese);
        assert_eq!(Language::from_locale(env(&[("LANG", "zh_TW.UTF-8")])), Chinese);
        assert_eq!(Language::from_locale(env(&[("LANG", "C.UTF-8")])), English);
        assert_eq!(
            Language::from_locale(env(&[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")])),
            English
        );
        assert_eq!(
            Language::from_locale(env(&[("LC_ALL", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")])),
            Chinese
        );
        assert_eq!(
            Language::from_locale(env(&[("LC_ALL", ""), ("LANG", "zh_CN")])),
            Chinese
        );
        assert_eq!(Language::from_code("zh"), Some(Chinese));
        assert_eq!(Language::from_code("fr"), None);
    }
}
