//! The theme: Tera templates, UI strings per language, and the stylesheet.
//!
//! Templates are compiled once per build. UI strings live in `i18n/<code>.toml`, one file for
//! each language in `site.toml`; every file must define the same keys, so no page shows a
//! missing label.

use crate::diagnostics::{Diagnostic, Kind};
use crate::lang::Lang;
use crate::messages::Msg;
use crate::msg;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A loaded theme.
pub struct Theme {
    pub tera: tera::Tera,
    /// UI strings by language code.
    pub strings: BTreeMap<String, BTreeMap<String, String>>,
    /// Minified CSS and its content-hashed file name (`style.1a2b3c4d.css`).
    pub css: String,
    pub css_name: String,
    /// Scripts and images from `static/*.js` and `static/*.svg`: logical name (`options.js`,
    /// `favicon.svg`) → (hashed file name, text).
    pub scripts: BTreeMap<String, (String, String)>,
    /// `static/favicon.ico`, copied to the site's root (where browsers look for it unasked).
    pub favicon_ico: Option<Vec<u8>>,
}

impl Theme {
    /// Loads `root/themes/<name>/` with the UI strings of `langs`.
    pub fn load(root: &Path, name: &str, langs: &[Lang]) -> Result<Theme, Vec<Diagnostic>> {
        let dir = root.join("themes").join(name);
        if !dir.is_dir() {
            return Err(vec![
                Diagnostic::error(&dir, msg!(ThemeNotFound, name)).help(Msg::ThemeNotFoundHelp),
            ]);
        }
        let mut problems = Vec::new();
        let tera = load_templates(&dir.join("templates")).map_err(|d| vec![d]);
        let strings = load_strings(&dir.join("i18n"), langs, &mut problems);
        let css_file = dir.join("static").join("style.css");
        let css = match std::fs::read_to_string(&css_file) {
            // Chart styles live with the chart code; the theme may override their variables.
            Ok(text) => crate::render::css::minify(&format!("{}\n{text}", crate::charts::CHART_CSS), &css_file)
                .map_err(|d| problems.push(d))
                .ok(),
            Err(e) => {
                problems.push(
                    Diagnostic::error(&css_file, msg!(CannotReadStylesheet, error = e)).with_kind(Kind::CannotRead),
                );
                None
            }
        };
        let tera = match tera {
            Ok(t) => Some(t),
            Err(mut d) => {
                problems.append(&mut d);
                None
            }
        };
        let scripts = load_scripts(&dir.join("static"), &mut problems);
        match (tera, css) {
            (Some(tera), Some(css)) if problems.is_empty() => {
                let css_name = format!("style.{:08x}.css", fnv1a(css.as_bytes()) as u32);
                Ok(Theme {
                    tera,
                    strings,
                    css,
                    css_name,
                    scripts,
                    favicon_ico: std::fs::read(dir.join("static").join("favicon.ico")).ok(),
                })
            }
            _ => Err(problems),
        }
    }

    /// UI words of one language, for renderers.
    pub fn words(&self, lang: &str) -> Words<'_> {
        Words(self.t(lang))
    }

    /// UI strings of one language.
    pub fn t(&self, lang: &str) -> &BTreeMap<String, String> {
        static EMPTY: BTreeMap<String, String> = BTreeMap::new();
        self.strings.get(lang).unwrap_or(&EMPTY)
    }
}

/// The UI words of one language, as renderers written in Rust ask for them (not disclosed, units,
/// grade and kind names): they live in the theme's i18n files, never in code.
#[derive(Clone, Copy)]
pub struct Words<'a>(pub &'a BTreeMap<String, String>);

impl<'a> Words<'a> {
    /// The word for `key`; the key itself when the theme lacks it (theme loading reports
    /// every key the renderers need, so this shows only with a theme that failed to load).
    pub fn get(&self, key: &'a str) -> &'a str {
        self.0.get(key).map(String::as_str).unwrap_or(key)
    }

    /// A unit of measure as this language writes it (`unit.万元` in the i18n file); a unit
    /// the theme does not name is shown as the report writes it.
    pub fn unit(&self, unit: &str) -> String {
        self.0
            .get(&format!("unit.{unit}"))
            .cloned()
            .unwrap_or_else(|| unit.to_string())
    }

    /// Words written in Rust in Chinese and English (the form's labels, table headings), in
    /// this language: the theme's `[labels]` entry for the Chinese words where it has one (a
    /// language such as zh-Hant writes them its own way), else the Chinese or English words by
    /// the language's kind.
    pub fn pick(&self, lang: Lang, zh: &str, en: &str) -> String {
        match self.0.get(&format!("label.{zh}")) {
            Some(own) => own.clone(),
            None => lang.pick(zh, en).to_string(),
        }
    }

    /// True when the theme names `unit` in this language.
    pub fn knows_unit(&self, unit: &str) -> bool {
        self.0.contains_key(&format!("unit.{unit}"))
    }

    /// The word for `key` with `{name}` replaced by `value`.
    pub fn fill(&self, key: &'a str, name: &str, value: &str) -> String {
        self.get(key).replace(&format!("{{{name}}}"), value)
    }
}

/// [`crate::charts::CHART_CSS`] as a JavaScript string literal.
fn chart_css_literal() -> String {
    serde_json::to_string(crate::charts::CHART_CSS).unwrap_or_else(|_| "\"\"".to_string())
}

/// `static/*.js` and `static/*.svg`, each under a content-hashed name so a changed file is never
/// served stale.
fn load_scripts(dir: &Path, problems: &mut Vec<Diagnostic>) -> BTreeMap<String, (String, String)> {
    let mut out = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "js" || x == "svg"))
    {
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                // A search.js copied with the theme before the index format changed would fetch
                // files that are no longer written, and find nothing, silently.
                let marker = crate::search::index::FORMAT_MARKER;
                if path.file_name().is_some_and(|n| n == "search.js") && !text.contains(marker) {
                    problems
                        .push(Diagnostic::error(&path, msg!(OldSearchScript, marker)).help(Msg::OldSearchScriptHelp));
                }
                // The page script saves charts as files with the same styles the page uses.
                let text = text.replace("\"__GK_CHART_CSS__\"", &chart_css_literal());
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default();
                let name = path
                    .file_name()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default();
                let ext = path
                    .extension()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default();
                let hashed = format!("{stem}.{:08x}.{ext}", fnv1a(text.as_bytes()) as u32);
                out.insert(name, (hashed, text));
            }
            Err(e) => {
                problems.push(Diagnostic::error(&path, msg!(CannotReadScript, error = e)).with_kind(Kind::CannotRead))
            }
        }
    }
    out
}

fn load_templates(dir: &Path) -> Result<tera::Tera, Diagnostic> {
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            Diagnostic::error(dir, msg!(CannotReadTemplates, error = e.to_string())).with_kind(Kind::CannotRead)
        })?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|x| x == "html") {
            let name = entry
                .path()
                .strip_prefix(dir)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .replace('\\', "/");
            files.push((name, entry.path().to_path_buf()));
        }
    }
    let mut sources = Vec::new();
    for (name, path) in &files {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Diagnostic::error(path, msg!(CannotReadTemplate, error = e)).with_kind(Kind::CannotRead))?;
        sources.push((name.clone(), text));
    }
    let mut tera = tera::Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| template_error(&e, dir))?;
    Ok(tera)
}

/// A Tera error as a diagnostic at the template's file, line and column.
///
/// Tera reports the place as ` --> name:line:col`; `dir` is the templates folder (or, for
/// render errors, the template file itself).
pub fn template_error(err: &tera::Error, dir: &Path) -> Diagnostic {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(s) = source {
        text.push_str(&format!("\n  caused by: {s}"));
        source = s.source();
    }
    let place = text
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .and_then(|p| {
            let mut parts = p.rsplitn(3, ':');
            let col = parts.next()?.trim().parse::<usize>().ok()?;
            let line = parts.next()?.trim().parse::<usize>().ok()?;
            Some((parts.next()?.to_string(), line, col))
        });
    let message = text
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches("error: ")
        .to_string();
    let d = Diagnostic::error(dir, msg!(TemplateError, message))
        .with_kind(Kind::Template)
        .help(msg!(TemplateErrorHelp, text));
    match place {
        Some((name, line, col)) => {
            let folder = if dir.extension().is_some() {
                dir.parent().unwrap_or(dir)
            } else {
                dir
            };
            Diagnostic {
                file: folder.join(name),
                ..d
            }
            .at(line, col)
        }
        None => d,
    }
}

/// An i18n file: words by key, and a `[units]` table of units of measure.
#[derive(serde::Deserialize)]
struct Strings {
    #[serde(default)]
    units: BTreeMap<String, String>,
    /// The form's labels (by their Chinese words) as this language writes them.
    #[serde(default)]
    labels: BTreeMap<String, String>,
    #[serde(flatten)]
    words: BTreeMap<String, String>,
}

impl Strings {
    /// One map: units become `unit.<unit>` keys.
    fn flatten(self) -> BTreeMap<String, String> {
        let mut out = self.words;
        out.extend(self.units.into_iter().map(|(u, name)| (format!("unit.{u}"), name)));
        out.extend(self.labels.into_iter().map(|(zh, own)| (format!("label.{zh}"), own)));
        out
    }
}

/// The UI strings of every language in `langs` (by code), from `<code>.toml` in `dir`.
fn load_strings(
    dir: &Path,
    langs: &[Lang],
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for lang in langs {
        let code = lang.code();
        let file = dir.join(format!("{code}.toml"));
        if !file.exists() {
            problems.push(Diagnostic::error(&file, msg!(NoUiStrings, code)).help(msg!(
                NoUiStringsHelp,
                code,
                file = dir.join(format!("{}.toml", langs[0].code())).display()
            )));
            continue;
        }
        let parsed: Result<BTreeMap<String, String>, Diagnostic> = std::fs::read_to_string(&file)
            .map_err(|e| Diagnostic::error(&file, msg!(CannotReadUiStrings, error = e)).with_kind(Kind::CannotRead))
            .and_then(|text| {
                toml::from_str::<Strings>(&text).map(Strings::flatten).map_err(|e| {
                    let pos = e.span().map(|s| crate::config::line_col(&text, s.start));
                    Diagnostic::error(&file, msg!(UiStringsInvalid, detail = e.message())).at_opt(pos)
                })
            });
        match parsed {
            Ok(map) => {
                for (key, _) in map.iter().filter(|(_, v)| v.trim().is_empty()) {
                    let key = match key.strip_prefix("unit.") {
                        Some(unit) => format!("\"{unit}\" under [units]"),
                        None => format!("`{key}`"),
                    };
                    problems.push(Diagnostic::error(&file, msg!(UiStringEmpty, key)).help(Msg::UiStringEmptyHelp));
                }
                out.insert(code.to_string(), map);
            }
            Err(d) => problems.push(d),
        }
    }
    if out.len() == langs.len() && langs.len() > 1 {
        let files: Vec<String> = langs.iter().map(|l| format!("{}.toml", l.code())).collect();
        // Every word in every language; a unit only the form uses everywhere (a unit a report
        // adds may be named only where it needs a name, e.g. en.toml).
        let mut every: std::collections::BTreeSet<String> = out
            .values()
            .flat_map(|m| {
                m.keys()
                    .filter(|k| !k.starts_with("unit.") && !k.starts_with("label."))
                    .cloned()
            })
            .collect();
        // The words the renderers ask for by name, and the units the form itself uses: a theme
        // made before they existed must say so, not show the key on a page.
        every.extend(RENDERER_WORDS.iter().map(|k| k.to_string()));
        every.extend(crate::schema::form_units().into_iter().map(|u| format!("unit.{u}")));
        for lang in langs {
            let strings = &out[lang.code()];
            for key in every.iter().filter(|k| !strings.contains_key(*k)) {
                let message = match key.strip_prefix("unit.") {
                    Some(unit) => msg!(UiUnitMissing, unit),
                    None => msg!(UiStringMissing, key),
                };
                problems.push(
                    Diagnostic::error(dir.join(format!("{}.toml", lang.code())), message)
                        .help(msg!(UiStringMissingHelp, files = files.join(", "))),
                );
            }
        }
    }
    out
}

/// UI words the renderers written in Rust ask for by key ([`Words::get`]).
const RENDERER_WORDS: &[&str] = &[
    "not_disclosed",
    "section_not_disclosed",
    "as_of",
    "chart_unit_note",
    "chart_points",
    "chart_caption",
    "grade_excellent",
    "grade_good",
    "grade_fair",
    "grade_poor",
    "kind_department",
    "kind_project",
    "colon",
    "form_project",
    "form_department",
    "form_intro",
    "form_head",
    "form_unit_name",
    "form_funds_project",
    "form_funds_department",
    "form_funds_item",
    "form_funds_total",
    "form_funds_income",
    "form_funds_spending",
    "form_caption_unit",
    "form_weight",
    "form_group_score",
    "form_weight_score",
    "form_total",
    "form_grade",
    "form_remark",
];

/// A small stable hash for content-addressed file names (FNV-1a, 64-bit).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}
