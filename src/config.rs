//! `site.toml`: the site's settings.
//!
//! The file mirrors [`SiteConfig`]; unknown keys are errors that name the key, so a typo never
//! silently drops a setting.

use crate::content::text::{describe, escape_column, is_forbidden};
use crate::diagnostics::{Diagnostic, Kind};
use crate::lang::{Lang, is_language_tag};
use crate::messages::Msg;
use crate::msg;
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
    /// 承办单位: who runs the site for the publisher (主办), shown in the footer.
    #[serde(default)]
    pub operator: Option<String>,
    /// 承办单位 in English.
    #[serde(default)]
    pub operator_en: Option<String>,
    /// ICP备案号 as the MIIT record gives it (`湘ICP备12345678号-1`), linked to the MIIT record
    /// system.
    #[serde(default)]
    pub icp_record: Option<String>,
    /// 公安备案号 as the record gives it (`湘公网安备 43010202000123号`), linked to its record
    /// by the digits in it.
    #[serde(default)]
    pub police_record: Option<String>,
    /// The 党政机关网站标识 image: an `http(s)://` address, or a file in the site's `static/`
    /// folder (copied into the output).
    #[serde(default)]
    pub conac_badge: Option<String>,
    /// Where the badge links: the site's page in the 党政机关网站 register.
    #[serde(default)]
    pub conac_badge_url: Option<String>,
    /// The 我为政府网站找错 link, with `{site_id_code}` and `{url}` (the page's address) filled in.
    #[serde(default)]
    pub error_report_url: Option<String>,
    /// Theme folder under `themes/`.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Output folder, relative to the site root.
    #[serde(default = "default_output")]
    pub output_dir: String,
    /// How many reports each Atom feed lists, newest first; 0 lists every report. A feed is
    /// polled again and again by readers that want what is new: at 10,000 reports a feed of
    /// all of them is 6 MB per poll.
    #[serde(default = "default_feed_entries")]
    pub feed_entries: usize,
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
fn default_feed_entries() -> usize {
    50
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
    /// The 党政机关网站标识 image (`conac_badge`). [`Config::parse`] sets an address; a file in
    /// `static/` is read by [`Config::load`].
    pub badge: Option<Badge>,
    /// Notes on what a build writes, for its reader (see [`robots_note`]); `check` and
    /// `serve` write nothing and do not show them.
    pub build_notes: Vec<Diagnostic>,
}

/// The 党政机关网站标识 image as pages show it.
#[derive(Clone, Debug, PartialEq)]
pub enum Badge {
    /// An `http(s)://` address, linked as written.
    Address(String),
    /// A file of the site's `static/` folder, published as `assets/<name>`.
    File {
        /// `conac-badge.<hash>.<ext>`: a changed image gets a new name, so no browser keeps
        /// showing the old one.
        name: String,
        bytes: std::sync::Arc<[u8]>,
    },
}

/// Where portals link an ICP备案号: the MIIT record system (it has no page per record).
pub const ICP_RECORD_URL: &str = "https://beian.miit.gov.cn/";

/// Image files a badge in `static/` may be.
const BADGE_TYPES: [&str; 6] = ["png", "jpg", "jpeg", "gif", "svg", "webp"];

/// The fields `error_report_url` may hold: the site's code and the page's address.
const ERROR_REPORT_FIELDS: [&str; 2] = ["{site_id_code}", "{url}"];

impl Config {
    /// Reads and validates `root/site.toml`, and the badge image it names in `static/`.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let file = root.join("site.toml");
        let text = std::fs::read_to_string(&file).map_err(|e| {
            vec![
                Diagnostic::error(&file, msg!(CannotReadSiteToml, error = e))
                    .with_kind(Kind::CannotRead)
                    .help(Msg::CannotReadSiteTomlHelp),
            ]
        })?;
        let mut config = Config::parse(&text, &file, root)?;
        if let Some(path) = config.site.conac_badge.as_deref().filter(|_| config.badge.is_none()) {
            config.badge = Some(read_badge(root, path, &text, &file).map_err(|d| vec![d])?);
        }
        Ok(config)
    }

    /// Parses settings from text (`file` is used in messages only).
    pub fn parse(text: &str, file: &Path, root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut site = read_toml(text, file)?;
        let mut problems = unpublishable(&site, text, file);
        unset_blanks(&mut site);
        problems.extend(portal_problems(&site, text, file));
        let (base_url, base_path) = match split_base_url(&site.base_url) {
            Some(parts) => parts,
            None => {
                problems.push(
                    Diagnostic::error(file, msg!(BaseUrlNotWebAddress, url = &site.base_url))
                        .at_opt(find_key(text, "base_url"))
                        .help(Msg::BaseUrlHelp),
                );
                (String::new(), "/".into())
            }
        };
        problems.extend(setting_problems(&site, text, file));
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
        let badge = site
            .conac_badge
            .as_ref()
            .filter(|b| is_address(b))
            .map(|b| Badge::Address(b.clone()));
        let build_notes = robots_note(&base_url, &base_path, file, find_key(text, "base_url"))
            .into_iter()
            .collect();
        Ok(Config {
            site,
            root: root.to_path_buf(),
            base_path,
            base_url,
            languages,
            badge,
            build_notes,
        })
    }

    /// The 公安备案 record's page (`http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=…`),
    /// when `police_record` is set.
    pub fn police_record_url(&self) -> Option<String> {
        let code = record_code(self.site.police_record.as_deref()?)?;
        Some(format!(
            "http://www.beian.gov.cn/portal/registerSystemInfo?recordcode={code}"
        ))
    }

    /// The 我为政府网站找错 link of the page at `page_url`, when `error_report_url` is set.
    pub fn error_report_url(&self, page_url: &str) -> Option<String> {
        use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
        // encodeURIComponent, as the portals' own script encodes the page's address.
        const COMPONENT: &percent_encoding::AsciiSet = &NON_ALPHANUMERIC
            .remove(b'-')
            .remove(b'_')
            .remove(b'.')
            .remove(b'!')
            .remove(b'~')
            .remove(b'*')
            .remove(b'\'')
            .remove(b'(')
            .remove(b')');
        let template = self.site.error_report_url.as_deref()?;
        let code = self.site.site_id_code.as_deref().unwrap_or_default();
        Some(
            template
                .replace("{site_id_code}", &utf8_percent_encode(code, COMPONENT).to_string())
                .replace("{url}", &utf8_percent_encode(page_url, COMPONENT).to_string()),
        )
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

/// The settings as written. A character that is invisible in most editors is refused before
/// TOML reads the text, with its name and position, so that it can be found and deleted.
fn read_toml(text: &str, file: &Path) -> Result<SiteConfig, Vec<Diagnostic>> {
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| is_forbidden(c)) {
        let (line, col) = line_col(text, at);
        return Err(vec![
            Diagnostic::error(file, msg!(SiteTomlContains, what = describe(c)))
                .at(line, col)
                .help(msg!(DeleteInvisibleShortHelp, line, column = col)),
        ]);
    }
    toml::from_str(text).map_err(|e| {
        let pos = e.span().map(|s| line_col(text, s.start));
        vec![crate::yaml::explain_toml(e.message(), file).at_opt(pos)]
    })
}

/// An error for every setting that cannot be used: the default language, the languages, the
/// licence link, the theme's name, and the portal's metadata.
fn setting_problems(site: &SiteConfig, text: &str, file: &Path) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if site.default_language != "zh" {
        problems.push(
            Diagnostic::error(file, msg!(DefaultLanguageUnsupported, code = &site.default_language))
                .at_opt(find_key(text, "default_language"))
                .help(Msg::DefaultLanguageHelp),
        );
    }
    problems.extend(language_problems(site, text, file));
    if let Some(url) = &site.data_license_url {
        let pos = find_key(text, "data_license_url");
        problems.extend(crate::url::check_url(file, "data_license_url", url, pos, Msg::LicenceUrlHelp).err());
    }
    if !crate::content::is_slug(&site.theme) {
        problems.push(
            Diagnostic::error(file, msg!(ThemeNotFolderName, theme = &site.theme))
                .at_opt(find_key(text, "theme"))
                .help(Msg::ThemeNameHelp),
        );
    }
    problems.extend(missing_portal_metadata(site, file));
    problems
}

/// An error for each of the portal's site-level metadata that is not set: the host portal
/// assigns it, so gongkai never invents it.
fn missing_portal_metadata(site: &SiteConfig, file: &Path) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for (key, tag, value) in [
        ("site_name", "SiteName", &site.site_name),
        ("site_domain", "SiteDomain", &site.site_domain),
        ("site_id_code", "SiteIDCode", &site.site_id_code),
    ] {
        if value.as_deref().is_none_or(|v| v.trim().is_empty()) {
            problems.push(Diagnostic::error(file, msg!(PortalTagNotSet, key, tag)).help(msg!(PortalTagHelp, key, tag)));
        }
    }
    problems
}

/// Portal settings written as `""` (a placeholder in a template site.toml) are not set: the
/// footer leaves them out rather than showing a label with nothing after it.
fn unset_blanks(site: &mut SiteConfig) {
    for value in [
        &mut site.contact,
        &mut site.contact_en,
        &mut site.operator,
        &mut site.operator_en,
        &mut site.icp_record,
        &mut site.police_record,
        &mut site.conac_badge,
        &mut site.conac_badge_url,
        &mut site.error_report_url,
    ] {
        let trimmed = value.as_deref().map(|v| v.trim().to_string());
        *value = trimmed.filter(|v| !v.is_empty());
    }
}

/// The record number in a 公安备案号: its one run of digits.
fn record_code(record: &str) -> Option<&str> {
    let mut runs = record
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty());
    let code = runs.next()?;
    runs.next().is_none().then_some(code)
}

/// True when a `conac_badge` is meant as an address rather than a file in `static/`: it names
/// a scheme before any `/` (`https:`, and also `javascript:`, which is then refused as an
/// address).
fn is_address(value: &str) -> bool {
    value[..value.find('/').unwrap_or(value.len())].contains(':')
}

/// An error for every portal setting (the footer's records, badge and links) that cannot be
/// shown as it is written.
fn portal_problems(site: &SiteConfig, text: &str, file: &Path) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    if let Some(record) = &site.police_record
        && record_code(record).is_none()
    {
        problems.push(
            Diagnostic::error(file, msg!(PoliceRecordNoNumber, record))
                .at_opt(find_key(text, "police_record"))
                .help(Msg::PoliceRecordHelp),
        );
    }
    if let Some(badge) = &site.conac_badge {
        let example = Msg::BadgeExampleHelp;
        let pos = find_key(text, "conac_badge");
        if is_address(badge) {
            // With a scheme, only an http(s):// address passes.
            problems.extend(crate::url::check_url(file, "conac_badge", badge, pos, example).err());
        } else if let Err(why) = badge_path(badge) {
            problems.push(
                Diagnostic::error(file, crate::messages::Text::new(why).arg("badge", badge.as_str()))
                    .at_opt(pos)
                    .help(example),
            );
        }
    }
    if let Some(url) = &site.conac_badge_url {
        let pos = find_key(text, "conac_badge_url");
        let example = Msg::BadgeUrlExampleHelp;
        problems.extend(crate::url::check_url(file, "conac_badge_url", url, pos, example).err());
        if site.conac_badge.is_none() {
            problems.push(
                Diagnostic::error(file, Msg::BadgeUrlWithoutBadge)
                    .at_opt(pos)
                    .help(Msg::BadgeUrlWithoutBadgeHelp),
            );
        }
    }
    if let Some(url) = &site.error_report_url {
        let pos = find_key(text, "error_report_url");
        let example = Msg::ErrorReportExampleHelp;
        let mut rest = ERROR_REPORT_FIELDS
            .iter()
            .fold(url.clone(), |u, field| u.replace(field, ""));
        if let Some(start) = rest.find('{') {
            let field: String = rest
                .split_off(start)
                .chars()
                .take_while(|&c| c != '}')
                .chain(Some('}'))
                .collect();
            problems.push(
                Diagnostic::error(file, msg!(ErrorReportUnknownField, field))
                    .at_opt(pos)
                    .help(example),
            );
        } else {
            problems.extend(crate::url::check_url(file, "error_report_url", url, pos, example).err());
        }
    }
    problems
}

/// Why `path` cannot name a badge file in `static/`, if it cannot.
fn badge_path(path: &str) -> Result<(), Msg> {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if path.starts_with('/') || path.contains('\\') || path.split('/').any(|p| p.is_empty() || p == "." || p == "..") {
        Err(Msg::BadgeNotFileName)
    } else if !ext.is_some_and(|e| BADGE_TYPES.contains(&e.as_str())) {
        Err(Msg::BadgeNotImage)
    } else {
        Ok(())
    }
}

/// The badge file `static/<path>` of the site at `root`.
fn read_badge(root: &Path, path: &str, text: &str, file: &Path) -> Result<Badge, Diagnostic> {
    let source = root.join("static").join(path);
    let bytes = std::fs::read(&source).map_err(|e| {
        Diagnostic::error(
            file,
            msg!(BadgeCannotRead, path, file = source.display(), error = e.to_string()),
        )
        .at_opt(find_key(text, "conac_badge"))
        .help(Msg::BadgeCannotReadHelp)
    })?;
    let ext = path.rsplit_once('.').map_or("png", |(_, e)| e).to_ascii_lowercase();
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes) as u32;
    Ok(Badge::File {
        name: format!("conac-badge.{hash:08x}.{ext}"),
        bytes: bytes.into(),
    })
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
                Diagnostic::error(file, msg!(NotALanguageTag, code = lang))
                    .at_opt(find_key(text, "languages"))
                    .help(Msg::LanguageTagHelp),
            );
        } else if seen.contains(&lang.to_ascii_lowercase()) {
            problems.push(
                Diagnostic::error(file, msg!(LanguageTwice, code = lang))
                    .at_opt(find_key(text, "languages"))
                    .help(Msg::LanguageTwiceHelp),
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
            Diagnostic::error(file, msg!(SettingContains, key, what = describe(c)))
                .at_opt(pos)
                .help(Msg::SettingControlHelp),
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
        Diagnostic::note(file, msg!(RobotsNotAtRoot, host, path = base_path))
            .at_opt(pos)
            .help(msg!(RobotsNotAtRootHelp, url = base_url)),
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
        assert!(
            errs[0]
                .help
                .as_ref()
                .map(ToString::to_string)
                .as_deref()
                .unwrap()
                .contains("did you mean `title_en`")
        );
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
        assert!(
            errs[0]
                .help
                .as_ref()
                .map(ToString::to_string)
                .as_deref()
                .unwrap()
                .contains("site_id_code = ")
        );
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
        let messages: Vec<String> = errs.iter().map(|d| d.message.en()).collect();
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
    fn portal_settings_are_read_as_written_and_blank_ones_are_unset() {
        let text = format!(
            "{OK}operator = \"  某市财政局信息中心 \"\noperator_en = \"\"\nicp_record = \"湘ICP备00000000号-1\"\n\
             police_record = \"湘公网安备 43000000000000号\"\nconac_badge = \"https://www.example.gov.cn/red.png\"\n\
             error_report_url = \"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={{site_id_code}}&url={{url}}\"\n"
        );
        let c = Config::parse(&text, Path::new("site.toml"), Path::new(".")).unwrap();
        assert_eq!(c.site.operator.as_deref(), Some("某市财政局信息中心"));
        assert_eq!(c.site.operator_en, None);
        assert_eq!(c.site.contact, None);
        assert_eq!(
            c.police_record_url().as_deref(),
            Some("http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=43000000000000")
        );
        assert_eq!(
            c.badge,
            Some(Badge::Address("https://www.example.gov.cn/red.png".into()))
        );
        assert_eq!(
            c.error_report_url("https://www.example.gov.cn/xxgk/jxpj/parks/a b/?q=1")
                .as_deref(),
            Some(
                "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=0000000000&url=https%3A%2F%2Fwww.example.gov.cn%2Fxxgk%2Fjxpj%2Fparks%2Fa%20b%2F%3Fq%3D1"
            )
        );
        let c = Config::parse(OK, Path::new("site.toml"), Path::new(".")).unwrap();
        assert_eq!(
            (c.police_record_url(), c.error_report_url("x"), c.badge),
            (None, None, None)
        );
    }

    #[test]
    fn portal_settings_that_cannot_be_shown_are_errors_at_their_line() {
        let cases = [
            (
                "police_record = \"湘公网安备号\"",
                "police_record `湘公网安备号` does not hold one record number",
            ),
            (
                "police_record = \"湘公网安备 4300 0000号\"",
                "police_record `湘公网安备 4300 0000号` does not hold one record number",
            ),
            (
                "conac_badge = \"javascript:alert(1)\"",
                "conac_badge `javascript:alert(1)` is not a web address: only http:// and https:// addresses, or paths on this site, can be linked",
            ),
            (
                "conac_badge = \"/images/red.png\"",
                "conac_badge `/images/red.png` is not a file name in static/: write it relative to static/, without `..`",
            ),
            (
                "conac_badge = \"../red.png\"",
                "conac_badge `../red.png` is not a file name in static/: write it relative to static/, without `..`",
            ),
            (
                "conac_badge = \"red.html\"",
                "conac_badge `red.html` is not an image: the badge is a .png, .jpg, .jpeg, .gif, .svg or .webp file",
            ),
            (
                "conac_badge_url = \"https://bszs.conac.cn/\"",
                "conac_badge_url is set but conac_badge is not: the link needs the badge image",
            ),
            (
                "error_report_url = \"https://zfwzgl.www.gov.cn/?code={site_code}\"",
                "error_report_url has an unknown field `{site_code}`",
            ),
            (
                "error_report_url = \"javascript:alert({url})\"",
                "error_report_url `javascript:alert({url})` is not a web address: only http:// and https:// addresses, or paths on this site, can be linked",
            ),
        ];
        for (line, message) in cases {
            let text = format!("{OK}{line}\n");
            let errs = Config::parse(&text, Path::new("site.toml"), Path::new(".")).unwrap_err();
            let messages: Vec<String> = errs.iter().map(|d| d.message.en()).collect();
            assert_eq!(messages, [message], "{line}");
            assert_eq!((errs[0].line, errs[0].column), (Some(11), Some(1)), "{line}");
            assert!(errs[0].help.is_some());
        }
    }

    #[test]
    fn a_badge_in_static_is_read_and_named_by_its_content() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("static")).unwrap();
        std::fs::write(dir.path().join("static/red.PNG"), b"png bytes").unwrap();
        std::fs::write(dir.path().join("site.toml"), format!("{OK}conac_badge = \"red.PNG\"\n")).unwrap();
        let c = Config::load(dir.path()).unwrap();
        let Some(Badge::File { name, bytes }) = c.badge else {
            panic!("{:?}", c.badge)
        };
        assert!(name.starts_with("conac-badge.") && name.ends_with(".png"), "{name}");
        assert_eq!(&bytes[..], b"png bytes");
        std::fs::remove_file(dir.path().join("static/red.PNG")).unwrap();
        let errs = Config::load(dir.path()).unwrap_err();
        assert!(
            errs[0].message.starts_with("conac_badge `red.PNG`: cannot read "),
            "{}",
            errs[0].message
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
