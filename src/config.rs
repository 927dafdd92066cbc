//! `site.toml`: the site's settings.
//!
//! The file mirrors [`SiteConfig`]; unknown keys are errors that name the key, so a typo never
//! silently drops a setting.

use crate::content::text::{describe, escape_column, is_forbidden};
use crate::diagnostics::{Diagnostic, Kind};
use crate::lang::{Lang, is_language_tag};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Settings read from `site.toml`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Site title in Chinese.
    pub title: String,
    /// Site title in English.
    pub title_en: String,
    /// One-sentence description (Chinese), used in page metadata.
    #[serde(default)]
    pub description: Option<String>,
    /// One-sentence description (English).
    #[serde(default)]
    pub description_en: Option<String>,
    /// Where the site is published, possibly with a sub-path: `https://www.example.gov.cn/xxgk/jxpj/`.
    pub base_url: String,
    /// The language at the root of the site, which holds the figures. Only `zh` is supported.
    #[serde(default = "default_language")]
    pub default_language: String,
    /// Languages built, as language tags (`zh`, `en`, `zh-Hant`); the default language is
    /// always built, first.
    #[serde(default = "default_languages")]
    pub languages: Vec<String>,
    /// Who publishes the site (Chinese).
    pub publisher: String,
    /// Who publishes the site (English).
    pub publisher_en: String,
    /// How to reach the publisher (telephone, e-mail or address).
    #[serde(default)]
    pub contact: Option<String>,
    /// Contact in English, if different.
    #[serde(default)]
    pub contact_en: Option<String>,
    /// Licence of the published data, e.g. `CC BY 4.0`.
    pub data_license: String,
    /// A link to the licence text, optional.
    #[serde(default)]
    pub data_license_url: Option<String>,
    /// SiteName (政府网站发展指引): the site's name as registered by the host portal.
    #[serde(default)]
    pub site_name: Option<String>,
    /// SiteDomain: the registered domain, e.g. `www.example.gov.cn`.
    #[serde(default)]
    pub site_domain: Option<String>,
    /// SiteIDCode: the site identifier assigned by the host portal.
    #[serde(default)]
    pub site_id_code: Option<String>,
    /// ColumnType of the site's columns (栏目类型), e.g. `信息公开`.
    #[serde(default = "default_column_type")]
    pub column_type: String,
    /// Keywords of the site (Chinese), used in ColumnKeywords and Keywords.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Keywords in English.
    #[serde(default)]
    pub keywords_en: Vec<String>,
    /// Theme folder under `themes/`.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Output folder, relative to the site root.
    #[serde(default = "default_output")]
    pub output_dir: String,
}

fn default_language() -> String {
    "zh".into()
}
fn default_languages() -> Vec<String> {
    vec!["zh".into(), "en".into()]
}
fn default_column_type() -> String {
    "信息公开".into()
}
fn default_theme() -> String {
    "default".into()
}
fn default_output() -> String {
    "public".into()
}

/// Validated settings plus where they came from.
#[derive(Clone, Debug)]
pub struct Config {
    pub site: SiteConfig,
    /// Folder holding `site.toml`, `content/` and `themes/`.
    pub root: PathBuf,
    /// Path part of `base_url`, always starting and ending with `/` (`/xxgk/jxpj/`).
    pub base_path: String,
    /// `base_url` without its trailing slash, for absolute links.
    pub base_url: String,
    /// Languages built: the default language first, then the others in the order of
    /// `languages`.
    pub languages: Vec<Lang>,
    /// Notes on what a build writes, for its reader (see [`robots_note`]); `check` and
    /// `serve` write nothing and do not show them.
    pub build_notes: Vec<Diagnostic>,
}

impl Config {
    /// Reads and validates `root/site.toml`.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let file = root.join("site.toml");
        let text = std::fs::read_to_string(&file).map_err(|e| {
            vec![
                Diagnostic::error(&file, format!("cannot read site.toml: {e}"))
                    .with_kind(Kind::CannotRead)
                    .help("run gongkai in the folder that holds site.toml, or pass --root DIR"),
            ]
        })?;
        Config::parse(&text, &file, root)
    }

    /// Parses settings from text (`file` is used in messages only).
    pub fn parse(text: &str, file: &Path, root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if let Some((at, c)) = text.char_indices().find(|&(_, c)| is_forbidden(c)) {
            let (line, col) = line_col(text, at);
            return Err(vec![
                Diagnostic::error(file, format!("site.toml contains {}", describe(c)))
                    .at(line, col)
                    .help(format!(
                        "delete it: it is invisible in most editors, so delete the text around line {line}, column {col} and type it again"
                    )),
            ]);
        }
        let site: SiteConfig = toml::from_str(text).map_err(|e| {
            let pos = e.span().map(|s| line_col(text, s.start));
            vec![crate::yaml::explain_toml(e.message(), file).at_opt(pos)]
        })?;
        let mut problems = unpublishable(&site, text, file);
        let (base_url, base_path) = match split_base_url(&site.base_url) {
            Some(parts) => parts,
            None => {
                problems.push(
                    Diagnostic::error(file, format!("base_url `{}` is not a web address", site.base_url))
                        .at_opt(find_key(text, "base_url"))
                        .help("write the full address, e.g. base_url = \"https://www.example.gov.cn/xxgk/jxpj/\""),
                );
                (String::new(), "/".into())
            }
        };
        if site.default_language != "zh" {
            problems.push(
                Diagnostic::error(
                    file,
                    format!("default_language `{}` is not supported", site.default_language),
                )
                .at_opt(find_key(text, "default_language"))
                .help("set default_language = \"zh\"; the pages of the other languages in `languages` are built in a folder each, e.g. /en/"),
            );
        }
        problems.extend(language_problems(&site, text, file));
        if let Some(url) = &site.data_license_url {
            let example = "write the full address of the licence text, e.g. data_license_url = \"https://creativecommons.org/licenses/by/4.0/\", or remove the line";
            let pos = find_key(text, "data_license_url");
            problems.extend(crate::url::check_url(file, "data_license_url", url, pos, example).err());
        }
        if !crate::content::is_slug(&site.theme) {
            problems.push(
                Diagnostic::error(file, format!("theme `{}` is not a folder name", site.theme))
                    .at_opt(find_key(text, "theme"))
                    .help("use the name of a folder under themes/, e.g. theme = \"default\""),
            );
        }
        // Site-level metadata is assigned by the host portal: gongkai never invents it.
        for (key, tag, value) in [
            ("site_name", "SiteName", &site.site_name),
            ("site_domain", "SiteDomain", &site.site_domain),
            ("site_id_code", "SiteIDCode", &site.site_id_code),
        ] {
            if value.as_deref().is_none_or(|v| v.trim().is_empty()) {
                problems.push(
                    Diagnostic::error(
                        file,
                        format!("`{key}` is not set: pages need the {tag} tag that government websites must carry"),
                    )
                    .help(format!(
                        "the host portal assigns {tag}; ask its administrator and add {key} = \"…\" to site.toml"
                    )),
                );
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let languages = std::iter::once(Lang::new(&site.default_language, true))
            .chain(
                site.languages
                    .iter()
                    .filter(|l| !l.eq_ignore_ascii_case(&site.default_language))
                    .map(|l| Lang::new(l, false)),
            )
            .collect();
        let build_notes = robots_note(&base_url, &base_path, file, find_key(text, "base_url"))
            .into_iter()
            .collect();
        Ok(Config {
            site,
            root: root.to_path_buf(),
            base_path,
            base_url,
            languages,
            build_notes,
        })
    }

    /// The output folder (`--output` wins over `output_dir`).
    pub fn output_dir(&self, cli: Option<&Path>) -> PathBuf {
        match cli {
            Some(p) => p.to_path_buf(),
            None => self.root.join(&self.site.output_dir),
        }
    }

    /// The built language with code `code`, if any.
    pub fn language(&self, code: &str) -> Option<Lang> {
        self.languages.iter().copied().find(|l| l.code() == code)
    }
}

/// An error for every entry of `languages` that is not a language tag, or that names a
/// language twice (the pages of a language are in a folder named after its code in lowercase,
/// so `zh-Hant` and `zh-hant` would share one).
fn language_problems(site: &SiteConfig, text: &str, file: &Path) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for lang in &site.languages {
        if !is_language_tag(lang) {
            problems.push(
                Diagnostic::error(file, format!("language `{lang}` is not a language tag"))
                    .at_opt(find_key(text, "languages"))
                    .help("write language tags such as \"zh\", \"en\" or \"zh-Hant\": two or three letters, then optional parts joined by `-`, e.g. languages = [\"zh\", \"en\"]"),
            );
        } else if seen.contains(&lang.to_ascii_lowercase()) {
            problems.push(
                Diagnostic::error(file, format!("language `{lang}` is listed twice"))
                    .at_opt(find_key(text, "languages"))
                    .help("list each language once (codes that differ only in capitals are one language)"),
            );
        }
        seen.push(lang.to_ascii_lowercase());
    }
    problems
}

/// An error for every text setting that holds a character no page or feed can carry (written
/// as an escape such as `\u0007`: raw ones are refused before parsing), at the escape.
fn unpublishable(site: &SiteConfig, text: &str, file: &Path) -> Vec<Diagnostic> {
    let Ok(serde_json::Value::Object(settings)) = serde_json::to_value(site) else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    for (key, value) in &settings {
        let texts: Vec<&str> = match value {
            serde_json::Value::String(s) => vec![s],
            serde_json::Value::Array(items) => items.iter().filter_map(|v| v.as_str()).collect(),
            _ => Vec::new(),
        };
        let Some(c) = texts.iter().flat_map(|t| t.chars()).find(|&c| is_forbidden(c)) else {
            continue;
        };
        let pos = find_key(text, key).map(|(line, col)| {
            let source = text.lines().nth(line - 1).unwrap_or("");
            (line, escape_column(source, col, c).unwrap_or(col))
        });
        problems.push(
            Diagnostic::error(file, format!("`{key}` contains {}", describe(c)))
                .at_opt(pos)
                .help("delete it: control characters cannot appear on a web page or in a feed (in site.toml they are written as escapes such as `\\u0007` or `\\f`)"),
        );
    }
    problems
}

/// Crawlers read `robots.txt` only at a host's root. A site under a sub-path still gets one
/// (its `Sitemap:` line is what the host's needs), with this note saying where it belongs.
fn robots_note(base_url: &str, base_path: &str, file: &Path, pos: Option<(usize, usize)>) -> Option<Diagnostic> {
    if base_path == "/" {
        return None;
    }
    let host = base_url
        .strip_suffix(base_path.trim_end_matches('/'))
        .unwrap_or(base_url);
    Some(
        Diagnostic::note(
            file,
            format!(
                "crawlers read robots.txt only at the host's root ({host}/robots.txt); the site is at {base_path}, where its own robots.txt is never read"
            ),
        )
        .at_opt(pos)
        .help(format!(
            "ask the portal's administrator to add this line to the host's robots.txt: Sitemap: {base_url}/sitemap.xml"
        )),
    )
}

/// Splits `https://host/sub/` into (`https://host/sub`, `/sub/`).
fn split_base_url(url: &str) -> Option<(String, String)> {
    if !crate::url::is_linkable(url) {
        return None;
    }
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/"),
    };
    if host.is_empty() || host.contains(char::is_whitespace) || path.contains(['?', '#', ' ']) {
        return None;
    }
    let mut base_path = path.to_string();
    if !base_path.ends_with('/') {
        base_path.push('/');
    }
    let scheme_len = url.len() - rest.len();
    let base_url = format!("{}{}{}", &url[..scheme_len], host, base_path.trim_end_matches('/'));
    Some((base_url, base_path))
}

/// 1-based line and column of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Position of `key = …` at the start of a line.
fn find_key(text: &str, key: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, l)| {
        let t = l.trim_start();
        (t.starts_with(key) && t[key.len()..].trim_start().starts_with('=')).then(|| (i + 1, l.len() - t.len() + 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = r#"
title = "园区绩效"
title_en = "Park performance"
base_url = "https://www.example.gov.cn/xxgk/jxpj/"
publisher = "某市财政局"
publisher_en = "Finance Bureau"
data_license = "CC BY 4.0"
site_name = "某市财政局"
site_domain = "www.example.gov.cn"
site_id_code = "0000000000"
"#;

    #[test]
    fn sub_path_is_kept() {
        let c = Config::parse(OK, Path::new("site.toml"), Path::new(".")).unwrap();
        assert_eq!(c.base_path, "/xxgk/jxpj/");
        assert_eq!(c.base_url, "https://www.example.gov.cn/xxgk/jxpj");
        assert_eq!(c.site.output_dir, "public");
    }

    #[test]
    fn a_sub_path_notes_where_robots_txt_belongs() {
        let c = Config::parse(OK, Path::new("site.toml"), Path::new(".")).unwrap();
        let notes: Vec<String> = c.build_notes.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            notes,
            [
                "site.toml:4:1: note: crawlers read robots.txt only at the host's root (https://www.example.gov.cn/robots.txt); the site is at /xxgk/jxpj/, where its own robots.txt is never read\n  help: ask the portal's administrator to add this line to the host's robots.txt: Sitemap: https://www.example.gov.cn/xxgk/jxpj/sitemap.xml"
            ]
        );
        let at_root = OK.replace("/xxgk/jxpj/", "/");
        let c = Config::parse(&at_root, Path::new("site.toml"), Path::new(".")).unwrap();
        assert!(c.build_notes.is_empty(), "{:?}", c.build_notes);
    }

    #[test]
    fn unknown_key_is_named() {
        let text = format!("{OK}titel_en = \"x\"\n");
        let errs = Config::parse(&text, Path::new("site.toml"), Path::new(".")).unwrap_err();
        assert_eq!(errs[0].message, "unknown key `titel_en`");
        assert_eq!(errs[0].line, Some(11));
        assert!(errs[0].help.as_deref().unwrap().contains("did you mean `title_en`"));
    }

    #[test]
    fn portal_metadata_is_required_and_named() {
        let text = OK.replace("site_id_code = \"0000000000\"\n", "");
        let errs = Config::parse(&text, Path::new("site.toml"), Path::new(".")).unwrap_err();
        assert!(
            errs[0].message.starts_with("`site_id_code` is not set"),
            "{}",
            errs[0].message
        );
        assert!(errs[0].help.as_deref().unwrap().contains("site_id_code = "));
    }

    #[test]
    fn control_characters_are_refused_where_they_are() {
        let text = OK.replace("title = \"园区绩效\"", "title = \"园区\\u0007绩效\"");
        let errs = Config::parse(&text, Path::new("site.toml"), Path::new(".")).unwrap_err();
        assert_eq!(errs[0].message, "`title` contains the control character U+0007 BELL");
        assert_eq!((errs[0].line, errs[0].column), (Some(2), Some(12)));
        let text = OK.replace("\"Park performance\"", "\"Park\u{c}performance\"");
        let errs = Config::parse(&text, Path::new("site.toml"), Path::new(".")).unwrap_err();
        assert_eq!(
            errs[0].message,
            "site.toml contains the control character U+000C FORM FEED"
        );
        assert_eq!((errs[0].line, errs[0].column), (Some(3), Some(17)));
        assert!(errs[0].help.is_some());
    }

    #[test]
    fn licence_link_must_be_a_web_address() {
        let text = OK.replace(
            "data_license = \"CC BY 4.0\"\n",
            "data_license = \"CC BY 4.0\"\ndata_license_url = \"javascript:alert(1)\"\n",
        );
        let errs = Config::parse(&text, Path::new("site.toml"), Path::new(".")).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert!(
            errs[0]
                .message
                .starts_with("data_license_url `javascript:alert(1)` is not a web address")
        );
        assert_eq!((errs[0].line, errs[0].column), (Some(8), Some(1)));
        let text = text.replace("javascript:alert(1)", "https://creativecommons.org/licenses/by/4.0/");
        assert!(Config::parse(&text, Path::new("site.toml"), Path::new(".")).is_ok());
    }

    #[test]
    fn languages_are_a_list_with_the_default_first() {
        let c = Config::parse(OK, Path::new("site.toml"), Path::new(".")).unwrap();
        let codes: Vec<&str> = c.languages.iter().map(|l| l.code()).collect();
        assert_eq!(codes, ["zh", "en"]);
        assert!(c.languages[0].is_primary() && !c.languages[1].is_primary());
        let text = format!("{OK}languages = [\"en\", \"zh-Hant\", \"zh\"]\n");
        let c = Config::parse(&text, Path::new("site.toml"), Path::new(".")).unwrap();
        let codes: Vec<&str> = c.languages.iter().map(|l| l.code()).collect();
        assert_eq!(codes, ["zh", "en", "zh-Hant"]);
        assert_eq!(c.language("zh-Hant"), Some(c.languages[2]));
        let text = format!("{OK}languages = [\"zh\", \"zh_Hant\", \"en\", \"EN\"]\n");
        let errs = Config::parse(&text, Path::new("site.toml"), Path::new(".")).unwrap_err();
        let messages: Vec<&str> = errs.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "language `zh_Hant` is not a language tag",
                "language `EN` is listed twice"
            ]
        );
        assert_eq!(errs[0].line, Some(11));
    }

    #[test]
    fn bad_base_url() {
        for bad in [
            "www.example",
            "javascript://www.example.gov.cn/",
            "https://www.example.gov.cn/a\tb/",
        ] {
            let text = OK.replace("https://www.example.gov.cn/xxgk/jxpj/", bad);
            let errs = Config::parse(&text, Path::new("site.toml"), Path::new(".")).unwrap_err();
            assert!(errs[0].message.contains("not a web address"), "{bad:?}");
            assert_eq!(errs[0].line, Some(4));
        }
    }
}
