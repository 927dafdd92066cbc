//! Content: unit profiles and reports read from `content/parks/<id>/`.
//!
//! This stage reads and parses files and checks what a single file or the file layout can
//! tell (slugs, pairs of Chinese files and their translations, duplicates). Figure cross-checks
//! come later.
//!
//! A translation is the Chinese file's name with the language's code before `.md`:
//! `2021.en.md`, `2021.zh-Hant.md`, `_index.en.md`, for every language but the first in
//! `site.toml`. A file named for a language the site does not build is not read (a warning).

pub mod document;
pub mod locate;
pub mod model;
pub mod text;

use crate::diagnostics::{self, Diagnostic};
use crate::lang::{Lang, is_language_tag};
use crate::messages::{Msg, Text};
use crate::msg;
use crate::schema::{self, Known};
use document::{Document, read_text, split};
use locate::{Seg, locate};
use model::{Item, Kind, ReportFront, TranslationFront, UnitProfile};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A unit (park or bureau) and its profile.
#[derive(Clone, Debug)]
pub struct Unit {
    pub id: String,
    pub file: PathBuf,
    pub profile: UnitProfile,
    /// Profile body (Markdown, Chinese).
    pub body: String,
    /// The profile body in other languages, from `_index.<code>.md`, in the site's order.
    pub translations: Vec<ProfileTranslation>,
}

/// A unit's profile text in another language.
#[derive(Clone, Debug)]
pub struct ProfileTranslation {
    pub lang: Lang,
    pub file: PathBuf,
    /// Markdown.
    pub body: String,
}

impl Unit {
    /// The profile body in `lang`, when there is one (the primary language's is [`Unit::body`]).
    pub fn body_in(&self, lang: Lang) -> Option<&str> {
        self.translations
            .iter()
            .find(|t| t.lang == lang)
            .map(|t| t.body.as_str())
    }
}

/// One report with its translations.
#[derive(Clone, Debug)]
pub struct Report {
    /// Unit id.
    pub park: String,
    /// File name without `.md` (`2021`).
    pub stem: String,
    pub file: PathBuf,
    pub front: ReportFront,
    /// The front matter text and its first line, to locate figures in messages.
    pub front_yaml: String,
    pub front_line: usize,
    /// Narrative (Markdown, Chinese).
    pub body: String,
    /// Translations that exist, in the site's order of languages.
    pub translations: Vec<Translation>,
}

/// A translation of a report: `2021.en.md` beside `2021.md`.
#[derive(Clone, Debug)]
pub struct Translation {
    pub lang: Lang,
    pub file: PathBuf,
    pub front: TranslationFront,
    pub body: String,
}

impl Report {
    /// The translation into `lang`, if there is one.
    pub fn translation(&self, lang: Lang) -> Option<&Translation> {
        self.translations.iter().find(|t| t.lang == lang)
    }

    /// The English translation, for the data files, whose columns are Chinese and English.
    pub fn en(&self) -> Option<&Translation> {
        self.translations.iter().find(|t| t.lang.code() == "en")
    }
}

/// Everything under `content/`.
#[derive(Clone, Debug, Default)]
pub struct Content {
    /// Sorted by id. Shared, so that `serve` can make the next version of the content
    /// after an edit without copying every report.
    pub units: Vec<Arc<Unit>>,
    /// Sorted by unit, year, kind.
    pub reports: Vec<Arc<Report>>,
}

/// Longest unit id or report file name: it becomes part of every web address of the unit.
pub const MAX_SLUG_LEN: usize = 64;

/// True for ids and file names we accept in URLs: `a-z`, `0-9`, `-`, not starting or ending
/// with `-`, at most [`MAX_SLUG_LEN`] characters.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_SLUG_LEN
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The message for `name` (a `what`: [`Msg::WhatUnitId`], [`Msg::WhatFileName`]) that is not
/// a slug; says so when its length is the problem.
fn not_a_slug(what: Msg, name: &str) -> Text {
    let n = name.chars().count();
    if n > MAX_SLUG_LEN {
        msg!(SlugTooLong, what, name, n, max = MAX_SLUG_LEN)
    } else {
        msg!(NotASlug, what, name)
    }
}

/// How to make `name` a slug: a suggested name when one can be derived.
/// [`slug_help`] for a report's file name, which may carry a language (`2023.EN`, `2023.zh`);
/// `langs` are the site's languages.
fn file_slug_help(stem: &str, langs: &[Lang]) -> Text {
    let lower = stem.to_lowercase();
    let translated = |code: &str| {
        langs
            .iter()
            .find(|l| !l.is_primary() && l.code().eq_ignore_ascii_case(code))
    };
    match lower.rsplit_once('.') {
        Some((base, code)) if is_slug(base) && translated(code).is_some() => {
            let code = translated(code).map_or(code, |l| l.code());
            msg!(TranslationNamedHelp, code, base)
        }
        Some((base, "zh" | "cn" | "zh-cn")) if is_slug(base) => msg!(ChineseNoLanguageHelp, base),
        _ => slug_help(stem),
    }
}

/// The language of a translation named `<stem>.<code>.md`: one of the site's languages other
/// than the first, written exactly as in site.toml.
fn translation_lang(stem: &str, langs: &[Lang]) -> Option<(String, Lang)> {
    let (base, code) = stem.rsplit_once('.')?;
    let lang = langs.iter().find(|l| !l.is_primary() && l.code() == code)?;
    Some((base.to_string(), *lang))
}

fn slug_help(name: &str) -> Text {
    let suggestion: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .trim_matches('-')
        .to_string();
    if is_slug(&suggestion) {
        msg!(RenameToSlugHelp, suggestion)
    } else {
        msg!(SlugRulesHelp, max = MAX_SLUG_LEN)
    }
}

/// Names that tools create beside an author's files and that are never content: hidden
/// files and folders (`.DS_Store`, `.2021.md.swp`, `.git`), editor backups (`2021.md~`,
/// `#2021.md#`), Office lock files (`~$报告.docx`) and Windows' `Thumbs.db` and
/// `desktop.ini`. They are skipped without a word; every other file that is not read gets a
/// warning.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || name.starts_with("~$")
        || name.eq_ignore_ascii_case("thumbs.db")
        || name.eq_ignore_ascii_case("desktop.ini")
}

/// Unit folders (by id) and the `.md` files in each that are read.
type Folders = BTreeMap<String, Vec<PathBuf>>;

/// Reads `root/content/parks` with the translations into `langs` (the site's languages, the
/// primary one first). Returns the content and every problem found.
pub fn load(root: &Path, langs: &[Lang]) -> (Content, Vec<Diagnostic>) {
    let parks = root.join("content").join("parks");
    let mut content = Content::default();
    if !parks.is_dir() {
        let problems = vec![Diagnostic::error(&parks, Msg::NoParksFolder).help(Msg::NoParksFolderHelp)];
        return (content, problems);
    }
    let (folders, mut problems) = scan(root, &root.join("content"), langs);
    // Units load in parallel (thousands of files on a large site); results keep folder order.
    use rayon::prelude::*;
    let folders: Vec<(String, Vec<PathBuf>)> = folders.into_iter().collect();
    let loaded: Vec<(Content, Vec<Diagnostic>)> = folders
        .par_iter()
        .map(|(id, files)| {
            let mut c = Content::default();
            let mut p = Vec::new();
            load_unit(&parks.join(id), id, files, langs, &mut c, &mut p);
            (c, p)
        })
        .collect();
    for (c, mut p) in loaded {
        content.units.extend(c.units);
        content.reports.extend(c.reports);
        problems.append(&mut p);
    }
    check_duplicates(&content.reports, &mut problems);
    content.reports.sort_by(report_order);
    (content, problems)
}

/// Reads one unit folder again (for `serve` after an edit): its profile and reports, sorted as
/// [`load`] sorts them, and every problem found (files not read included).
pub fn load_unit_folder(root: &Path, id: &str, langs: &[Lang]) -> (Content, Vec<Diagnostic>) {
    let dir = root.join("content").join("parks").join(id);
    let (folders, mut problems) = scan(root, &dir, langs);
    let files = folders.get(id).cloned().unwrap_or_default();
    let mut content = Content::default();
    load_unit(&dir, id, &files, langs, &mut content, &mut problems);
    check_duplicates(&content.reports, &mut problems);
    content.reports.sort_by(report_order);
    (content, problems)
}

/// Walks `start` (`content/` or one unit folder in it): the unit folders with the files to
/// read, and a problem for every file that is not read. Links are followed when they lead to
/// a place inside the site folder, and refused (an error) otherwise.
fn scan(root: &Path, start: &Path, langs: &[Lang]) -> (Folders, Vec<Diagnostic>) {
    let content = root.join("content");
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let problems = std::cell::RefCell::new(Vec::new());
    let mut folders = Folders::new();
    if !start.exists() {
        // A unit folder removed while `serve` runs: nothing to read, nothing lost.
        return (folders, Vec::new());
    }
    if let Some(d) = outside_link(start, &real_root) {
        return (folders, vec![d]);
    }
    if start != content {
        // One unit folder: it exists even when it holds no file.
        if let Some(id) = start.file_name() {
            folders.entry(id.to_string_lossy().to_string()).or_default();
        }
    }
    for entry in entries(start, &real_root, &problems) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problems.borrow_mut().push(walk_error(&e, start));
                continue;
            }
        };
        let path = entry.path();
        let rel: Vec<String> = path
            .strip_prefix(&content)
            .unwrap_or(path)
            .iter()
            .map(|p| p.to_string_lossy().to_string())
            .collect();
        let kind = entry.file_type();
        match rel.as_slice() {
            [parks, unit] if parks == "parks" && kind.is_dir() => {
                folders.entry(unit.clone()).or_default();
            }
            _ if kind.is_dir() => {}
            [parks, unit, name] if parks == "parks" && kind.is_file() => match unread_name(path, name, langs) {
                None => folders.entry(unit.clone()).or_default().push(path.to_path_buf()),
                Some(d) => problems.borrow_mut().push(d),
            },
            _ => problems.borrow_mut().push(not_read(path, &rel, kind.is_file())),
        }
    }
    (folders, problems.into_inner())
}

/// Everything below `start`, sorted by name so that problems come in the same order on every
/// system. Names tools leave behind are skipped; a link that leads outside the site folder
/// (`real_root`) is not followed, and is an error in `problems`.
fn entries<'a>(
    start: &Path,
    real_root: &'a Path,
    problems: &'a std::cell::RefCell<Vec<Diagnostic>>,
) -> impl Iterator<Item = walkdir::Result<walkdir::DirEntry>> + 'a {
    walkdir::WalkDir::new(start)
        .min_depth(1)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |e| {
            let name = e.file_name().to_string_lossy();
            if is_ignored_name(&name) {
                return false;
            }
            match e.path_is_symlink().then(|| outside_link(e.path(), real_root)).flatten() {
                Some(d) => {
                    problems.borrow_mut().push(d);
                    false
                }
                None => true,
            }
        })
}

/// An error when `path` is, or passes through, a link that leads outside the site folder:
/// following it could publish files nobody meant to publish, and skipping it would lose a
/// report without a word.
fn outside_link(path: &Path, real_root: &Path) -> Option<Diagnostic> {
    let target = std::fs::canonicalize(path).ok()?;
    if target.starts_with(real_root) {
        return None;
    }
    Some(
        Diagnostic::error(path, msg!(LinkOutside, target = target.display()))
            .help(msg!(LinkOutsideHelp, root = real_root.display())),
    )
}

/// A problem met while walking: a broken link, a link loop, a folder that cannot be read.
fn walk_error(e: &walkdir::Error, start: &Path) -> Diagnostic {
    let path = e.path().unwrap_or(start);
    if e.loop_ancestor().is_some() {
        return Diagnostic::error(path, Msg::LinkLoop).help(Msg::LinkLoopHelp);
    }
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        let target = std::fs::read_link(path)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        return Diagnostic::error(path, msg!(LinkBroken, target)).help(Msg::LinkBrokenHelp);
    }
    let why = e.io_error().map_or_else(|| e.to_string(), ToString::to_string);
    Diagnostic::error(path, msg!(CannotRead, error = why))
        .with_kind(diagnostics::Kind::CannotRead)
        .help(Msg::CannotReadFolderHelp)
}

/// A warning when a file in a unit folder will not be read because of its name (`langs`: the
/// site's languages).
/// Kinds of file a report's original may be (`source_file`): PDF, Word, WPS, OFD, Excel.
pub const ORIGINAL_EXTS: [&str; 8] = ["pdf", "doc", "docx", "wps", "ofd", "xls", "xlsx", "et"];

/// True for a file name with one of [`ORIGINAL_EXTS`].
fn is_original(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| ORIGINAL_EXTS.contains(&ext.to_lowercase().as_str()))
}

fn unread_name(path: &Path, name: &str, langs: &[Lang]) -> Option<Diagnostic> {
    let not_read = |why: Text, help: Text| Some(Diagnostic::warning(path, msg!(NotRead, why)).help(help));
    if let Some(stem) = name.strip_suffix(".md") {
        if let Some((base, code)) = stem.rsplit_once('.')
            && is_language_tag(code)
            && !langs.iter().any(|l| l.code().eq_ignore_ascii_case(code))
            && !["zh", "cn", "zh-cn"].contains(&code.to_lowercase().as_str())
            && (is_slug(base) || base == "_index")
        {
            return not_read(msg!(WhyNotSiteLanguage, code), msg!(AddLanguageHelp, code));
        }
        let profile_translation = stem
            .strip_prefix("_index.")
            .is_some_and(|code| langs.iter().any(|l| !l.is_primary() && l.code() == code));
        if stem.starts_with("_index") && stem != "_index" && !profile_translation {
            let (why, help) = profile_names(langs);
            return not_read(why, msg!(OrMoveOutHelp, help));
        }
        return None;
    }
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let ext = ext.to_lowercase();
    // An original file is read when a report names it (`source_file`); see `load_unit`.
    if ORIGINAL_EXTS.contains(&ext.as_str()) {
        return None;
    }
    if ext == "md" {
        return not_read(Msg::WhyMdLowercase.into(), msg!(RenameToMdHelp, stem));
    }
    if ["markdown", "mdown", "mkd", "mkdn", "mdwn", "txt", "text"].contains(&ext.as_str()) {
        return not_read(Msg::WhyOnlyMd.into(), msg!(RenameIfReportHelp, stem));
    }
    not_read(Msg::WhyOnlyReports.into(), Msg::NoOtherFilesHelp.into())
}

/// What a misnamed profile is told: the names a profile and its translations may have on
/// this site (`langs`), and the renames to choose from.
fn profile_names(langs: &[Lang]) -> (Text, Text) {
    let names: Vec<Text> = langs
        .iter()
        .filter(|l| !l.is_primary())
        .map(|l| Text::Raw(format!("`_index.{}.md`", l.code())))
        .collect();
    match names.as_slice() {
        [] => (Msg::WhyProfileName.into(), Msg::RenameIndexHelp.into()),
        [one] => (
            msg!(WhyProfileNameOne, one = one.clone()),
            msg!(RenameIndexOrHelp, one = one.clone()),
        ),
        [first @ .., last] => (
            msg!(WhyProfileNameMany, first = first.to_vec(), last = last.clone()),
            msg!(RenameIndexOrManyHelp, first = first.to_vec(), last = last.clone()),
        ),
    }
}

/// A warning for a file that is not where files are read (`rel` is its path below `content/`).
fn not_read(path: &Path, rel: &[String], regular: bool) -> Diagnostic {
    let warn = |why: Msg, help: Text| Diagnostic::warning(path, msg!(NotRead, why)).help(help);
    if !regular {
        return warn(Msg::WhyNotRegular, Msg::RemoveFromContentHelp.into());
    }
    let name = rel.last().map(String::as_str).unwrap_or("");
    match rel {
        [parks, _] if parks == "parks" => warn(Msg::WhyDirectlyInParks, Msg::PutInUnitFolderHelp.into()),
        [parks, unit, .., _] if parks == "parks" => {
            let help = if name.ends_with(".md") {
                msg!(MoveUpHelp, unit, name)
            } else {
                Msg::OnlyMdInUnitHelp.into()
            };
            warn(Msg::WhyNested, help)
        }
        _ => warn(Msg::WhyOutsideParks, Msg::MoveIntoParksHelp.into()),
    }
}

/// The order of reports everywhere: unit, year, kind, file name.
pub fn report_order(a: &Arc<Report>, b: &Arc<Report>) -> std::cmp::Ordering {
    (&a.park, a.front.year, a.front.kind, &a.stem).cmp(&(&b.park, b.front.year, b.front.kind, &b.stem))
}

/// Reads one unit folder (`dir`, named `id`): its profile, its reports and their translations,
/// into `content`; problems go to `problems`.
fn load_unit(
    dir: &Path,
    id: &str,
    files: &[PathBuf],
    langs: &[Lang],
    content: &mut Content,
    problems: &mut Vec<Diagnostic>,
) {
    if !is_slug(id) {
        problems.push(Diagnostic::error(dir, not_a_slug(Msg::WhatUnitId, id)).help(slug_help(id)));
        return;
    }
    let profile_file = dir.join("_index.md");
    if !files.iter().any(|f| file_name(f) == "_index.md") {
        problems.extend(without_profile(id, files, &profile_file));
        return;
    }
    let profile_translations: Vec<(Lang, PathBuf)> = langs
        .iter()
        .filter(|l| !l.is_primary())
        .map(|l| (*l, dir.join(format!("_index.{}.md", l.code()))))
        .filter(|(_, f)| files.contains(f))
        .collect();
    if let Some(unit) = load_profile(&profile_file, &profile_translations, problems) {
        content.units.push(Arc::new(Unit {
            id: id.to_string(),
            ..unit
        }));
    }
    let report_files: Vec<&PathBuf> = files
        .iter()
        .filter(|f| !file_name(f).starts_with("_index") && !is_original(&file_name(f)))
        .collect();
    let first = content.reports.len();
    load_reports(dir, id, &report_files, langs, content, problems);
    originals(&content.reports[first..], files, problems);
}

/// Each report's `source_file` is a file beside it, and every original file in the folder
/// belongs to a report: one no report names would silently never be published.
fn originals(reports: &[Arc<Report>], files: &[PathBuf], problems: &mut Vec<Diagnostic>) {
    let mut named = std::collections::BTreeSet::new();
    for r in reports {
        let Some(name) = r.front.source_file.as_deref() else {
            continue;
        };
        let at = locate(&r.front_yaml, r.front_line, &[Seg::Key("source_file")]);
        let plain = !name.contains(['/', '\\']) && name != ".." && is_original(name);
        if plain && files.iter().any(|f| file_name(f) == name) {
            named.insert(name.to_string());
            continue;
        }
        let d = Diagnostic::error(&r.file, msg!(SourceFileMissing, name))
            .at_opt(at)
            .help(msg!(SourceFileHelp, exts = ORIGINAL_EXTS.join(", ")));
        problems.push(d);
    }
    for f in files.iter().filter(|f| is_original(&file_name(f))) {
        if !named.contains(&file_name(f)) {
            problems.push(
                Diagnostic::warning(f, msg!(NotRead, why = Msg::WhyOriginalNotNamed))
                    .help(msg!(OriginalNotNamedHelp, name = file_name(f))),
            );
        }
    }
}

/// A file's name, for comparing with the names gongkai reads.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default()
}

/// An error for every file of unit `id`, which has no profile: nothing of such a unit is
/// read, and each file says so.
fn without_profile(id: &str, files: &[PathBuf], profile_file: &Path) -> Vec<Diagnostic> {
    files
        .iter()
        .map(|f| {
            let message = if file_name(f).starts_with("_index.") {
                msg!(TranslatedProfileWithoutUnit, id)
            } else {
                msg!(ReportWithoutUnit, id)
            };
            Diagnostic::error(f, message).help(msg!(CreateProfileHelp, file = profile_file.display(), id))
        })
        .collect()
}

/// Reads the reports of unit `id` with their translations, into `content`. A translation
/// is read with its Chinese report; one without a Chinese report is an error.
fn load_reports(
    dir: &Path,
    id: &str,
    report_files: &[&PathBuf],
    langs: &[Lang],
    content: &mut Content,
    problems: &mut Vec<Diagnostic>,
) {
    for f in report_files {
        let name = file_name(f);
        let stem = name.trim_end_matches(".md");
        if let Some((base, _)) = translation_lang(stem, langs) {
            if !report_files.iter().any(|g| file_name(g) == format!("{base}.md")) {
                problems.push(Diagnostic::error(f, Msg::NoChineseOriginal).help(msg!(NoChineseOriginalHelp, base)));
            }
            continue;
        }
        if !is_slug(stem) {
            problems.push(Diagnostic::error(f, not_a_slug(Msg::WhatFileName, stem)).help(file_slug_help(stem, langs)));
            continue;
        }
        let translations: Vec<(Lang, PathBuf)> = langs
            .iter()
            .filter(|l| !l.is_primary())
            .map(|l| (*l, dir.join(format!("{stem}.{}.md", l.code()))))
            .filter(|(_, t)| report_files.contains(&t))
            .collect();
        if let Some(r) = load_report(f, id, stem, &translations, problems) {
            content.reports.push(Arc::new(r));
        }
    }
}

/// Reads a unit's profile and its `translations` (language, file); problems go to `problems`.
fn load_profile(file: &Path, translations: &[(Lang, PathBuf)], problems: &mut Vec<Diagnostic>) -> Option<Unit> {
    let parsed = read_text(file).and_then(|text| split(&text, file)).and_then(|doc| {
        Ok((
            crate::yaml::from_str::<UnitProfile>(&doc.front, file, doc.front_line)?,
            doc,
        ))
    });
    let (profile, doc) = match parsed {
        Ok(p) => p,
        Err(d) => {
            problems.push(d);
            return None;
        }
    };
    let mut errors = profile_errors(&profile, &doc, file);
    let (body, warning) = text::clean_body(doc.body, doc.body_line, file);
    problems.extend(warning);
    let mut translated = Vec::new();
    for (lang, tr_file) in translations {
        match load_profile_translation(tr_file, *lang, problems) {
            Ok(t) => translated.push(t),
            Err(d) => {
                problems.push(d);
                return None;
            }
        }
    }
    if !errors.is_empty() {
        problems.append(&mut errors);
        return None;
    }
    Some(Unit {
        id: String::new(),
        file: file.to_path_buf(),
        profile,
        body,
        translations: translated,
    })
}

/// An error for a founding date that is not a date and for each entry of `covers` that is not
/// a unit id, at its line.
fn profile_errors(profile: &UnitProfile, doc: &Document, file: &Path) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    if let Some(est) = &profile.established
        && !is_partial_date(est)
    {
        errors.push(
            Diagnostic::error(file, msg!(NotADate, value = est))
                .at_opt(locate(&doc.front, doc.front_line, &[Seg::Key("established")]))
                .help(Msg::EstablishedHelp),
        );
    }
    for (i, p) in profile.covers.iter().enumerate() {
        if !is_slug(p) {
            errors.push(
                Diagnostic::error(file, msg!(CoversNotUnitId, value = p))
                    .at_opt(locate(&doc.front, doc.front_line, &[Seg::Key("covers"), Seg::Index(i)]))
                    .help(Msg::CoversHelp),
            );
        }
    }
    errors
}

/// Reads a unit's profile in `lang`; a warning about its body goes to `problems`. It holds
/// text only: an unknown key gets a hint saying where names in other languages go.
fn load_profile_translation(
    file: &Path,
    lang: Lang,
    problems: &mut Vec<Diagnostic>,
) -> Result<ProfileTranslation, Diagnostic> {
    let doc = read_text(file).and_then(|t| split(&t, file))?;
    crate::yaml::from_str::<model::ProfileTranslationFront>(&doc.front, file, doc.front_line).map_err(|d| {
        if d.kind == diagnostics::Kind::UnknownKey {
            d.help(Msg::ProfileTranslationKeysHelp)
        } else {
            d
        }
    })?;
    let (body, warning) = text::clean_body(doc.body, doc.body_line, file);
    problems.extend(warning);
    Ok(ProfileTranslation {
        lang,
        file: file.to_path_buf(),
        body,
    })
}

fn load_report(
    file: &Path,
    park: &str,
    stem: &str,
    translations: &[(Lang, PathBuf)],
    problems: &mut Vec<Diagnostic>,
) -> Option<Report> {
    let text = match read_text(file) {
        Ok(t) => t,
        Err(d) => {
            problems.push(d);
            return None;
        }
    };
    let (report, mut found) = parse_report(&text, file, park, stem);
    problems.append(&mut found);
    let mut report = report?;
    for (lang, tr_file) in translations {
        match load_translation(tr_file, *lang, problems) {
            Ok(t)
                if t.front.indicators.len() > report.front.indicators.len()
                    || t.front.goals.len() > report.front.goals.len() =>
            {
                problems.push(Diagnostic::error(tr_file, Msg::MoreGoalsInTranslation).help(Msg::MoreGoalsHelp));
                return None;
            }
            Ok(t) => report.translations.push(t),
            Err(d) => {
                problems.push(d);
                return None;
            }
        }
    }
    Some(report)
}

/// Parses a Chinese report file's text. Returns the report when it has no error, and every
/// problem found (warnings come back with a usable report).
pub fn parse_report(text: &str, file: &Path, park: &str, stem: &str) -> (Option<Report>, Vec<Diagnostic>) {
    let (doc, mut front) = match read_front(text, file) {
        Ok(parsed) => parsed,
        Err(d) => return (None, vec![d]),
    };
    let mut problems = Vec::new();
    check_names_and_year(&front, &doc, file, &mut problems);
    check_dates(&front, &doc, file, &mut problems);
    if front.kind == Kind::Project && front.project_name.is_none() {
        problems.push(
            Diagnostic::warning(file, Msg::ProjectWithoutName)
                .at_opt(locate(&doc.front, doc.front_line, &[Seg::Key("kind")]))
                .help(Msg::ProjectNameHelp),
        );
    }
    complete_items(&mut front, &doc, file, &mut problems);
    restated_paths(&front, &doc, file, &mut problems);
    source_and_corrections(&front, &doc, file, &mut problems);
    negatives(&front, &doc.front, doc.front_line, file, &mut problems);
    let (body, warning) = text::clean_body(doc.body, doc.body_line, file);
    problems.extend(warning);
    if problems.iter().any(Diagnostic::is_error) {
        return (None, problems);
    }
    let report = Report {
        park: park.to_string(),
        stem: stem.to_string(),
        file: file.to_path_buf(),
        front,
        front_yaml: doc.front,
        front_line: doc.front_line,
        body,
        translations: Vec::new(),
    };
    (Some(report), problems)
}

/// Splits a report and reads its front matter. An empty front matter gets a message of its
/// own, which says what to write, rather than the parser's.
fn read_front(text: &str, file: &Path) -> Result<(Document, ReportFront), Diagnostic> {
    let doc = split(text, file)?;
    if doc.front.trim().is_empty() {
        return Err(Diagnostic::error(file, Msg::NoFrontMatter)
            .at(1, 1)
            .help(Msg::NoFrontMatterHelp));
    }
    let front = crate::yaml::from_str(&doc.front, file, doc.front_line)?;
    Ok((doc, front))
}

/// An empty title or project name, and a year no fiscal year can be: the report's page and
/// address are made from them.
fn check_names_and_year(front: &ReportFront, doc: &Document, file: &Path, problems: &mut Vec<Diagnostic>) {
    let loc = |path: &[Seg]| locate(&doc.front, doc.front_line, path);
    for (key, value) in [
        ("title", Some(&front.title)),
        ("project_name", front.project_name.as_ref()),
    ] {
        if value.is_some_and(|v| v.trim().is_empty()) {
            problems.push(
                Diagnostic::error(file, msg!(KeyEmpty, key))
                    .at_opt(loc(&[Seg::Key(key)]))
                    .help(msg!(WriteAsPrintedHelp, key)),
            );
        }
    }
    if !(1949..=2200).contains(&front.year) {
        problems.push(
            Diagnostic::error(file, msg!(ImplausibleYear, year = front.year))
                .at_opt(loc(&[Seg::Key("year")]))
                .help(Msg::YearHelp),
        );
    }
}

/// Dates that are not dates are errors; a missing publication time is a note, because
/// government sites must carry PubDate as the real publication time (YYYY-MM-DD HH:MM).
fn check_dates(front: &ReportFront, doc: &Document, file: &Path, problems: &mut Vec<Diagnostic>) {
    let loc = |path: &[Seg]| locate(&doc.front, doc.front_line, path);
    for (key, value) in [("published", &front.published), ("updated", &front.updated)] {
        let Some(p) = value else { continue };
        if !is_datetime(p) {
            problems.push(
                Diagnostic::error(file, msg!(NotAPublicationDate, value = p))
                    .at_opt(loc(&[Seg::Key(key)]))
                    .help(msg!(PublicationDateHelp, key)),
            );
        }
    }
    match &front.published {
        None => problems.push(
            Diagnostic::note(file, Msg::NoPublicationDate)
                .at_opt(loc(&[Seg::Key("title")]))
                .help(Msg::NoPublicationDateHelp),
        ),
        Some(p) if p.len() == 10 && is_datetime(p) => problems.push(
            Diagnostic::note(file, msg!(PublicationWithoutTime, date = p))
                .at_opt(loc(&[Seg::Key("published")]))
                .help(msg!(PublicationWithoutTimeHelp, date = p)),
        ),
        _ => {}
    }
    if let Some(a) = front.assets.as_ref().and_then(|a| a.as_of.as_ref())
        && !is_partial_date(a)
    {
        problems.push(
            Diagnostic::error(file, msg!(NotADate, value = a))
                .at_opt(loc(&[Seg::Key("assets"), Seg::Key("as_of")]))
                .help(Msg::AsOfHelp),
        );
    }
}

/// The front matter's lists of items (income sources, project items, staff, economy), with
/// where each is and the keys its items may have, so one loop completes and checks them all.
fn item_lists(front: &mut ReportFront) -> Vec<ItemList<'_>> {
    let mut lists: Vec<ItemList> = Vec::new();
    if let Some(b) = front.budget.as_mut() {
        lists.push((
            vec![Seg::Key("budget"), Seg::Key("income_sources")],
            &mut b.income_sources,
            Some(schema::FUNDS),
        ));
    }
    if let Some(f) = front.final_accounts.as_mut() {
        lists.push((
            vec![Seg::Key("final_accounts"), Seg::Key("income_sources")],
            &mut f.income_sources,
            Some(schema::FUNDS),
        ));
        lists.push((
            vec![Seg::Key("final_accounts"), Seg::Key("by_function")],
            &mut f.by_function,
            None,
        ));
    }
    if let Some(e) = front.expenditure.as_mut() {
        lists.push((
            vec![Seg::Key("expenditure"), Seg::Key("project_items")],
            &mut e.project_items,
            None,
        ));
    }
    if let Some(s) = front.staffing.as_mut() {
        lists.push((
            vec![Seg::Key("staffing"), Seg::Key("categories")],
            &mut s.categories,
            Some(schema::STAFF),
        ));
    }
    lists.push((vec![Seg::Key("economy")], &mut front.economy, Some(schema::ECONOMY)));
    lists
}

/// Completes every item of the front matter's lists (see [`complete_item`]); an item that
/// cannot be completed is an error at its line.
fn complete_items(front: &mut ReportFront, doc: &Document, file: &Path, problems: &mut Vec<Diagnostic>) {
    for (path, items, known) in item_lists(front) {
        for (i, item) in items.iter_mut().enumerate() {
            let mut at = path.clone();
            at.push(Seg::Index(i));
            if let Err(d) = complete_item(item, known) {
                problems.push(
                    Diagnostic {
                        file: file.to_path_buf(),
                        ..d
                    }
                    .at_opt(locate(&doc.front, doc.front_line, &at)),
                );
            }
        }
    }
}

/// The numeric figures of the form by path, for "did you mean".
fn numeric_paths() -> Vec<String> {
    schema::SECTIONS
        .iter()
        .flat_map(|s| {
            schema::fields(s)
                .filter(|f| f.kind.is_number())
                .map(move |f| format!("{}.{}", s.path, f.key))
        })
        .collect()
}

/// `source_url` is a web address, and every correction names a figure of the form with a
/// date that exists.
fn source_and_corrections(front: &ReportFront, doc: &Document, file: &Path, problems: &mut Vec<Diagnostic>) {
    let loc = |path: &[Seg]| locate(&doc.front, doc.front_line, path);
    if let Some(url) = &front.source_url {
        let web = (url.starts_with("https://") || url.starts_with("http://"))
            && url.split_once("://").is_some_and(|(_, rest)| !rest.is_empty())
            && !url.chars().any(char::is_whitespace);
        if !web {
            problems.push(
                Diagnostic::error(file, msg!(SourceUrlNotWeb, url))
                    .at_opt(loc(&[Seg::Key("source_url")]))
                    .help(Msg::SourceUrlHelp),
            );
        }
    }
    for (i, c) in front.corrections.iter().enumerate() {
        let at = |key| loc(&[Seg::Key("corrections"), Seg::Index(i), Seg::Key(key)]);
        if schema::field(&c.figure).filter(|f| f.kind.is_number()).is_none() {
            let paths = numeric_paths();
            let hint = crate::diagnostics::did_you_mean(&c.figure, paths.iter().map(String::as_str))
                .map(|h| format!(" (`{h}`?)"))
                .unwrap_or_default();
            problems.push(
                Diagnostic::error(file, msg!(CorrectionNotAField, path = &c.figure))
                    .at_opt(at("figure"))
                    .help(msg!(CorrectionHelp, hint)),
            );
        }
        if let Some(d) = c.date.as_ref().filter(|d| !(d.len() == 10 && is_datetime(d))) {
            problems.push(
                Diagnostic::error(file, msg!(NotADate, value = d))
                    .at_opt(at("date"))
                    .help(msg!(PublicationDateHelp, key = "date")),
            );
        }
    }
}

/// Every path under the top-level `also_stated` names a figure of the form that the report
/// states: otherwise the second statement would be compared with nothing, silently.
fn restated_paths(front: &ReportFront, doc: &Document, file: &Path, problems: &mut Vec<Diagnostic>) {
    for path in front.also_stated.keys() {
        let at = locate(&doc.front, doc.front_line, &[Seg::Key("also_stated"), Seg::Key(path)]);
        let field = schema::field(path).filter(|f| f.kind.is_number());
        match field {
            None => {
                let numeric = numeric_paths();
                let hint = crate::diagnostics::did_you_mean(path, numeric.iter().map(String::as_str))
                    .map(|h| format!(" (`{h}`?)"))
                    .unwrap_or_default();
                problems.push(
                    Diagnostic::error(file, msg!(AlsoStatedNotAField, path))
                        .at_opt(at)
                        .help(msg!(AlsoStatedNotAFieldHelp, hint)),
                );
            }
            Some(f) if f.get.num(front).is_none() => problems.push(
                Diagnostic::warning(file, msg!(AlsoStatedWithoutFigure, path))
                    .at_opt(at)
                    .help(Msg::AlsoStatedWithoutFigureHelp),
            ),
            Some(_) => {}
        }
    }
}

/// Amounts that may be below zero: changes, balances (a deficit) and economic results.
const MAY_BE_NEGATIVE: [&str; 6] = [
    "adjustment",
    "change",
    "change_pct",
    "income_change",
    "opening_balance",
    "closing_balance",
];

/// Reports every negative figure where none is possible, at its line.
fn negatives(front: &ReportFront, yaml: &str, first_line: usize, file: &Path, problems: &mut Vec<Diagnostic>) {
    fn walk(v: &serde_json::Value, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    path.push(k.clone());
                    walk(x, path, out);
                    path.pop();
                }
            }
            serde_json::Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    path.push(i.to_string());
                    walk(x, path, out);
                    path.pop();
                }
            }
            serde_json::Value::Number(n) if n.to_string().starts_with('-') => out.push((path.clone(), n.to_string())),
            _ => {}
        }
    }
    let Ok(value) = serde_json::to_value(front) else { return };
    let mut found = Vec::new();
    walk(&value, &mut Vec::new(), &mut found);
    for (path, number) in found {
        let key = path.last().map(String::as_str).unwrap_or("");
        let economic = path.first().is_some_and(|p| p == "economy");
        if MAY_BE_NEGATIVE.contains(&key) || economic || key == "year" {
            continue;
        }
        let segs: Vec<Seg> = path
            .iter()
            .map(|p| p.parse::<usize>().map(Seg::Index).unwrap_or(Seg::Key(p.as_str())))
            .collect();
        problems.push(
            Diagnostic::error(file, msg!(CannotBeNegative, path = path.join("."), number))
                .at_opt(locate(yaml, first_line, &segs))
                .help(Msg::CannotBeNegativeHelp),
        );
    }
}

/// A list of items in the front matter: where it is, the items, and its known keys.
type ItemList<'a> = (Vec<Seg<'static>>, &'a mut Vec<Item>, Option<&'static [Known]>);

/// Reads the translation of a report into `lang`; a warning about its body goes to `problems`.
fn load_translation(file: &Path, lang: Lang, problems: &mut Vec<Diagnostic>) -> Result<Translation, Diagnostic> {
    let text = read_text(file)?;
    let doc = split(&text, file)?;
    let front: TranslationFront = crate::yaml::from_str(&doc.front, file, doc.front_line).map_err(|d| {
        if d.kind == diagnostics::Kind::UnknownKey {
            d.help(Msg::TranslationKeysHelp)
        } else {
            d
        }
    })?;
    let (body, warning) = text::clean_body(doc.body, doc.body_line, file);
    problems.extend(warning);
    Ok(Translation {
        lang,
        file: file.to_path_buf(),
        front,
        body,
    })
}

/// Fills labels and units of known keys; checks that an item can be named.
fn complete_item(item: &mut Item, known: Option<&'static [Known]>) -> Result<(), Diagnostic> {
    if let Some(key) = &item.key {
        if !is_slug(&key.replace('_', "-")) {
            return Err(Diagnostic::error("", msg!(ItemKeyNotSlug, key, max = MAX_SLUG_LEN)).help(Msg::ItemKeyHelp));
        }
        if let Some(k) = known.and_then(|list| schema::find(list, key)) {
            item.label.get_or_insert_with(|| k.label.zh.to_string());
            item.label_en.get_or_insert_with(|| k.label.en.to_string());
            if item.unit.is_none() {
                item.unit = k.unit.map(str::to_string);
            }
            return Ok(());
        }
    }
    if item.label.is_none() && item.name.is_none() {
        let keys: Vec<&str> = known.unwrap_or(&[]).iter().map(|k| k.key).collect();
        let hint = item
            .key
            .as_deref()
            .and_then(|k| crate::diagnostics::did_you_mean(k, keys.iter().copied()));
        let message = match &item.key {
            Some(k) => msg!(ItemUnknownWithoutLabel, key = k),
            None => Msg::ItemWithoutKeyOrName.into(),
        };
        let help = match hint {
            Some(h) => msg!(ItemDidYouMeanHelp, key = h),
            None => msg!(
                ItemAddLabelsHelp,
                keys = if keys.is_empty() {
                    Msg::NoKeysUseName.into()
                } else {
                    Text::Raw(keys.join(", "))
                }
            ),
        };
        return Err(Diagnostic::error("", message).help(help));
    }
    Ok(())
}

fn check_duplicates(reports: &[Arc<Report>], problems: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<(&str, u16, Kind), &Report> = BTreeMap::new();
    for r in reports {
        if let Some(first) = seen.insert((&r.park, r.front.year, r.front.kind), r) {
            problems.push(
                Diagnostic::error(
                    &r.file,
                    msg!(
                        SecondReport,
                        kind = kind_words(r.front.kind),
                        unit = &r.park,
                        year = r.front.year,
                        first = first.file.display()
                    ),
                )
                .at_opt(locate(&r.front_yaml, r.front_line, &[Seg::Key("year")]))
                .help(Msg::SecondReportHelp),
            );
        }
    }
}

/// A report kind in a message: its Chinese name and its key.
fn kind_words(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Department => ("部门整体支出", kind.slug()),
        Kind::Project => ("项目支出", kind.slug()),
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with plausible month and day.
fn is_partial_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize, max: u32| p.len() == len && p.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n));
    match parts.as_slice() {
        [y] => num(y, 4, 9999),
        [y, m] => num(y, 4, 9999) && num(m, 2, 12),
        [y, m, d] => num(y, 4, 9999) && num(m, 2, 12) && num(d, 2, days_in(y, m)),
        _ => false,
    }
}

fn days_in(y: &str, m: &str) -> u32 {
    let (y, m) = (y.parse::<u32>().unwrap_or(1), m.parse::<u32>().unwrap_or(1));
    match m {
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`.
fn is_datetime(s: &str) -> bool {
    let (date, time) = match s.split_once(' ') {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    date.len() == 10
        && is_partial_date(date)
        && time.is_none_or(|t| {
            let (h, m) = t.split_once(':').unwrap_or(("x", "x"));
            h.len() == 2
                && m.len() == 2
                && h.parse::<u8>().is_ok_and(|h| h < 24)
                && m.parse::<u8>().is_ok_and(|m| m < 60)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs() -> [Lang; 3] {
        [
            Lang::new("zh", true),
            Lang::new("en", false),
            Lang::new("zh-Hant", false),
        ]
    }

    #[test]
    fn language_in_a_file_name_gets_the_right_rename() {
        let langs = langs();
        assert!(file_slug_help("2023.EN", &langs).contains("`2023.en.md`"));
        assert_eq!(
            file_slug_help("2023.zh-hant", &langs),
            "a translation into `zh-Hant` is named `2023.zh-Hant.md`, written as in site.toml: rename it to that"
        );
        assert!(file_slug_help("2023.zh", &langs).contains("`2023.md`"));
        assert!(file_slug_help("2023 年", &langs).contains("`2023`"));
        assert_eq!(
            translation_lang("2023.zh-Hant", &langs),
            Some(("2023".into(), langs[2]))
        );
        assert_eq!(translation_lang("2023.zh", &langs), None);
        assert_eq!(translation_lang("2023.fr", &langs), None);
    }

    #[test]
    fn a_file_in_a_language_the_site_does_not_build_is_not_read() {
        let p = Path::new("x");
        let langs = langs();
        for name in [
            "2021.en.md",
            "2021.zh-Hant.md",
            "_index.zh-Hant.md",
            "2021.EN.md",
            "2021.zh.md",
        ] {
            assert!(unread_name(p, name, &langs).is_none(), "{name}");
        }
        let d = unread_name(p, "2021.fr.md", &langs).unwrap();
        assert!(d.is_warning());
        assert_eq!(
            d.message,
            "this file is not read: `fr` is not one of the site's languages"
        );
        assert_eq!(
            d.help.as_ref().map(ToString::to_string).as_deref(),
            Some(
                "to publish it, add \"fr\" to languages in site.toml and a UI strings file i18n/fr.toml to the theme; otherwise move it out of content/"
            )
        );
        let zh_only = &langs[..1];
        assert!(
            unread_name(p, "2021.en.md", zh_only)
                .unwrap()
                .message
                .contains("`en` is not one")
        );
        assert!(
            unread_name(p, "_index.en.md", zh_only)
                .unwrap()
                .message
                .contains("`en` is not one")
        );
        assert_eq!(
            unread_name(p, "_index.zh.md", &langs)
                .unwrap()
                .help
                .as_ref()
                .map(ToString::to_string)
                .as_deref(),
            Some("rename it to `_index.md`, `_index.en.md` or `_index.zh-Hant.md`, or move it out of content/")
        );
    }

    #[test]
    fn slugs() {
        assert!(is_slug("lengshuitan"));
        assert!(is_slug("2021-project"));
        for bad in ["", "Lengshuitan", "冷水滩", "../x", "a b", "-a", "a/b", "a."] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn slugs_have_a_stated_length_limit() {
        assert!(is_slug(&"a".repeat(MAX_SLUG_LEN)));
        assert!(!is_slug(&"a".repeat(MAX_SLUG_LEN + 1)));
        assert_eq!(
            not_a_slug(Msg::WhatUnitId, &"a".repeat(65)),
            format!(
                "the unit id `{}` is too long: 65 characters, at most 64",
                "a".repeat(65)
            )
        );
    }

    #[test]
    fn tool_files_are_ignored_and_others_explained() {
        for name in [
            ".DS_Store",
            ".2021.md.swp",
            "2021.md~",
            "#2021.md#",
            "~$报告.docx",
            "Thumbs.db",
            ".git",
        ] {
            assert!(is_ignored_name(name), "{name}");
        }
        for name in ["2021.md", "2021.MD", "notes.txt", "#tag", "_index.md"] {
            assert!(!is_ignored_name(name), "{name}");
        }
        let p = Path::new("x");
        let langs = &langs()[..2];
        assert!(unread_name(p, "2021.md", langs).is_none());
        assert!(unread_name(p, "_index.en.md", langs).is_none());
        assert_eq!(
            unread_name(p, "2021.Md", langs)
                .unwrap()
                .help
                .as_ref()
                .map(ToString::to_string)
                .as_deref(),
            Some("rename it to `2021.md`")
        );
        assert!(
            unread_name(p, "_index.zh.md", langs)
                .unwrap()
                .message
                .contains("`_index.md`")
        );
        assert!(
            unread_name(p, "2021.markdown", langs)
                .unwrap()
                .help
                .unwrap()
                .contains("`2021.md`")
        );
        // An original is read when a report names it (`originals` warns when none does).
        assert!(unread_name(p, "scan.pdf", langs).is_none());
        assert!(unread_name(p, "scan.jpg", langs).unwrap().is_warning());
    }

    #[test]
    fn dates() {
        assert!(is_partial_date("2004-04"));
        assert!(is_partial_date("2019-12-31"));
        assert!(!is_partial_date("2019-02-30"));
        assert!(is_datetime("2022-06-30 09:00"));
        assert!(!is_datetime("2022-06-30 25:00"));
        assert!(!is_datetime("2022/06/30"));
    }

    #[test]
    fn known_item_gets_labels() {
        let mut item = Item {
            key: Some("industrial_output".into()),
            value: "170".parse().unwrap(),
            ..Default::default()
        };
        complete_item(&mut item, Some(schema::ECONOMY)).unwrap();
        assert_eq!(item.label.as_deref(), Some("规模工业总产值"));
        assert_eq!(item.unit.as_deref(), Some("亿元"));
        let mut bad = Item {
            key: Some("industrial_outptu".into()),
            value: "1".parse().unwrap(),
            ..Default::default()
        };
        let d = complete_item(&mut bad, Some(schema::ECONOMY)).unwrap_err();
        assert!(d.help.unwrap().contains("did you mean `industrial_output`"));
    }

    #[test]
    fn also_stated_must_name_a_stated_figure_of_the_form() {
        let parse = |yaml: &str| {
            let text = format!("---\ntitle: t\nyear: 2021\nkind: department\n{yaml}---\n");
            parse_report(&text, Path::new("r.md"), "p", "2021")
        };
        // A misspelt path: an error at its line, with the likely path.
        let (report, problems) = parse("expenditure:\n  total: 5\nalso_stated:\n  expenditure.totl:\n    - value: 5\n");
        assert!(report.is_none());
        let d = problems.iter().find(|d| d.is_error()).expect("an error");
        assert_eq!(d.line, Some(8));
        let help = format!("{:?}", d.help);
        assert!(help.contains("expenditure.total"), "{help}");
        // A text field is not a figure.
        let (report, _) = parse("expenditure:\n  note: x\nalso_stated:\n  expenditure.note:\n    - value: 5\n");
        assert!(report.is_none());
        // A figure restated but never stated: a warning, the report is still read.
        let (report, problems) = parse("also_stated:\n  expenditure.total:\n    - value: 5\n");
        assert!(report.is_some());
        assert!(
            problems.iter().any(|d| !d.is_error() && d.line == Some(6)),
            "{problems:?}"
        );
    }
}
