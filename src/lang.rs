//! Languages: the list in `site.toml`, each language a small copyable value.
//!
//! The first language is the primary one, Chinese: it holds the figures, and its pages are at
//! the site root. Every other language's pages are in a folder named after its code in
//! lowercase (`en/`, `zh-hant/`); [`Lang::path`] is the one place that says so, and
//! [`language_of`] reads it back.
//!
//! Words written in Rust (units, kinds, grades) exist in Chinese and in English;
//! [`Lang::labels`] says which set a language uses: a code starting with `zh` Chinese, any
//! other English. Words written in the theme come from its `i18n/<code>.toml`.

use std::sync::Mutex;

/// The built-in word set (Chinese or English) a language falls back to for words written in
/// Rust.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Labels {
    Chinese,
    English,
}

/// What is known of one language. Made once per code and kept for the life of the process
/// (see [`Lang::new`]).
struct LangDef {
    /// As written in `site.toml`: `zh`, `en`, `zh-Hant`.
    code: String,
    /// The code in lowercase: the folder of the language's pages.
    folder: String,
    /// Value of `<html lang>` and `hreflang`.
    html: String,
    /// Open Graph locale (`zh_CN`).
    og_locale: String,
    labels: Labels,
    primary: bool,
}

/// A page language: a reference to its interned description, so it is `Copy` and compares by
/// address.
#[derive(Clone, Copy)]
pub struct Lang(&'static LangDef);

/// Every language made so far. `serve` rebuilds many times; a language already known is
/// reused, so this grows only with the number of distinct codes ever configured.
static KNOWN: Mutex<Vec<&'static LangDef>> = Mutex::new(Vec::new());

impl Lang {
    /// The language `code` (a valid tag, see [`is_language_tag`]); `primary` for the site's
    /// first language.
    pub fn new(code: &str, primary: bool) -> Lang {
        let mut known = KNOWN.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(def) = known.iter().find(|d| d.code == code && d.primary == primary) {
            return Lang(def);
        }
        let (html, og_locale) = match code {
            // The primary language is Chinese as written in mainland China.
            "zh" => ("zh-CN".to_string(), "zh_CN".to_string()),
            "en" => ("en".to_string(), "en_US".to_string()),
            _ => (code.to_string(), code.replace('-', "_")),
        };
        let labels = if code.to_ascii_lowercase().starts_with("zh") {
            Labels::Chinese
        } else {
            Labels::English
        };
        let def: &'static LangDef = Box::leak(Box::new(LangDef {
            code: code.to_string(),
            folder: code.to_ascii_lowercase(),
            html,
            og_locale,
            labels,
            primary,
        }));
        known.push(def);
        Lang(def)
    }

    /// The code as written in `site.toml`, used in file names: `zh`, `en`, `zh-Hant`.
    pub fn code(self) -> &'static str {
        &self.0.code
    }

    /// Value of `<html lang>` and `hreflang`: `zh-CN`, `en`, `zh-Hant`.
    pub fn html(self) -> &'static str {
        &self.0.html
    }

    /// Open Graph locale: `zh_CN`, `en_US`, otherwise the code with `_` for `-`.
    pub fn og_locale(self) -> &'static str {
        &self.0.og_locale
    }

    /// True for the site's first language, which holds the figures and sits at the root.
    pub fn is_primary(self) -> bool {
        self.0.primary
    }

    /// The built-in word set this language uses.
    pub fn labels(self) -> Labels {
        self.0.labels
    }

    /// `zh` or `en` by the language's built-in word set.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self.0.labels {
            Labels::Chinese => zh,
            Labels::English => en,
        }
    }

    /// `Some("zh-CN")` when `text` holds Chinese characters and this language's words are not
    /// Chinese: the mark for Chinese text left untranslated on the page.
    pub fn mark_chinese(self, text: &str) -> Option<&'static str> {
        (self.0.labels == Labels::English && crate::render::tables::has_cjk(text)).then_some("zh-CN")
    }

    /// The path of page or file `p` (below the site root) in this language: `p` itself in the
    /// primary language, `<code in lowercase>/p` in the others (`en/parks/`, `zh-hant/parks/`).
    pub fn path(self, p: &str) -> String {
        if self.0.primary {
            p.to_string()
        } else {
            format!("{}/{p}", self.0.folder)
        }
    }
}

/// The language of output path `path` (below the site root) among `langs` (the primary one
/// first), and the path without the language's folder: the inverse of [`Lang::path`].
pub fn language_of<'p>(langs: &[Lang], path: &'p str) -> Option<(Lang, &'p str)> {
    let other = langs.iter().filter(|l| !l.is_primary()).find_map(|l| {
        path.strip_prefix(l.0.folder.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
            .map(|rest| (*l, rest))
    });
    other.or_else(|| langs.iter().find(|l| l.is_primary()).map(|l| (*l, path)))
}

/// True for a language tag as `site.toml` and file names may use it: a primary subtag of two
/// or three ASCII letters, then subtags of one to eight letters or digits, joined by `-`
/// (`zh`, `en`, `zh-Hant`, `pt-BR`).
pub fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl PartialEq for Lang {
    fn eq(&self, other: &Lang) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Lang {}

impl std::hash::Hash for Lang {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.0.code.as_str(), self.0.primary).hash(state);
    }
}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_path_is_below_the_language_folder_except_in_the_primary_language() {
        let (zh, en, hant) = (
            Lang::new("zh", true),
            Lang::new("en", false),
            Lang::new("zh-Hant", false),
        );
        assert_eq!(zh.path("parks/x/"), "parks/x/");
        assert_eq!(zh.path(""), "");
        assert_eq!(en.path("parks/x/"), "en/parks/x/");
        assert_eq!(en.path(""), "en/");
        assert_eq!(hant.path("search/zh-hant/"), "zh-hant/search/zh-hant/");
        let langs = [zh, en, hant];
        for lang in langs {
            for p in ["", "parks/x/index.html", "feed.xml"] {
                assert_eq!(language_of(&langs, &lang.path(p)), Some((lang, p)));
            }
        }
        // A unit may be called `en`: only the first folder names a language.
        assert_eq!(language_of(&langs, "parks/en/"), Some((zh, "parks/en/")));
        assert_eq!(language_of(&langs, "english/"), Some((zh, "english/")));
    }

    #[test]
    fn languages_are_interned_and_described() {
        let hant = Lang::new("zh-Hant", false);
        assert_eq!(hant, Lang::new("zh-Hant", false));
        assert_ne!(hant, Lang::new("zh-Hant", true));
        assert_eq!(
            (hant.code(), hant.html(), hant.og_locale()),
            ("zh-Hant", "zh-Hant", "zh_Hant")
        );
        assert_eq!(Lang::new("zh", true).html(), "zh-CN");
        assert_eq!(hant.labels(), Labels::Chinese);
        assert_eq!(hant.pick("中", "en"), "中");
        assert_eq!(Lang::new("fr", false).pick("中", "en"), "en");
        assert_eq!(Lang::new("fr", false).mark_chinese("冷水滩"), Some("zh-CN"));
        assert_eq!(hant.mark_chinese("冷水灘"), None);
        for _ in 0..100 {
            Lang::new("zh-Hant", false);
        }
        let known = KNOWN.lock().unwrap();
        let count = known.iter().filter(|d| d.code == "zh-Hant" && !d.primary).count();
        assert_eq!(count, 1, "a known language is reused");
    }

    #[test]
    fn language_tags() {
        for ok in ["zh", "en", "zh-Hant", "pt-BR", "yue"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in [
            "",
            "e",
            "english",
            "zh_Hant",
            "zh-",
            "-zh",
            "zh-toolongsubtag",
            "中文",
            "2021",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
