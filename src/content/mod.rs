//! Content: unit profiles and reports read from `content/parks/<id>/`.
//!
//! This stage reads and parses files and checks what a single file or the file layout can
//! tell (slugs, pairs of Chinese and English files, duplicates). Figure cross-checks come later.

pub mod document;
pub mod locate;
pub mod model;
pub mod text;

use crate::diagnostics::Diagnostic;
use crate::figures::catalog::{self, Known};
use document::{read_text, split};
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
    /// Profile body in English, from `_index.en.md`.
    pub body_en: Option<String>,
}

/// One report with its optional English translation.
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
    pub en: Option<Translation>,
}

/// The English sibling of a report.
#[derive(Clone, Debug)]
pub struct Translation {
    pub file: PathBuf,
    pub front: TranslationFront,
    pub body: String,
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

/// True for ids and file names we accept in URLs: `a-z`, `0-9`, `-`, not starting with `-`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn slug_help(name: &str) -> String {
    let suggestion: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .trim_matches('-')
        .to_string();
    if is_slug(&suggestion) {
        format!("rename it to `{suggestion}`: use only lowercase letters a–z, digits and hyphens")
    } else {
        "use only lowercase letters a–z, digits and hyphens (e.g. the park's name in pinyin: `lengshuitan`)".into()
    }
}

/// Reads `root/content/parks`. Returns the content and every problem found.
pub fn load(root: &Path) -> (Content, Vec<Diagnostic>) {
    let parks = root.join("content").join("parks");
    let mut problems = Vec::new();
    let mut content = Content::default();
    if !parks.is_dir() {
        problems.push(
            Diagnostic::error(&parks, "there is no content/parks folder")
                .help("create content/parks/<unit-id>/_index.md for each unit (see docs/content-format.md)"),
        );
        return (content, problems);
    }
    // Group files by unit folder; walkdir with sorted names keeps the order deterministic.
    let mut folders: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    let walker = walkdir::WalkDir::new(&parks)
        .min_depth(1)
        .max_depth(2)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                problems.push(Diagnostic::error(
                    e.path().unwrap_or(&parks),
                    format!("cannot read: {e}"),
                ));
                continue;
            }
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if entry.depth() == 1 {
            if entry.file_type().is_dir() {
                folders.entry(name).or_default();
            } else if !name.starts_with('.') {
                problems.push(
                    Diagnostic::warning(path, "files directly in content/parks are ignored")
                        .help("put each report in its unit's folder: content/parks/<unit-id>/"),
                );
            }
            continue;
        }
        let unit = entry
            .path()
            .parent()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().to_string());
        if let (Some(unit), true) = (unit, entry.file_type().is_file() && name.ends_with(".md")) {
            folders.entry(unit).or_default().push(path.to_path_buf());
        }
    }
    // Units load in parallel (thousands of files on a large site); results keep folder order.
    use rayon::prelude::*;
    let folders: Vec<(String, Vec<PathBuf>)> = folders.into_iter().collect();
    let loaded: Vec<(Content, Vec<Diagnostic>)> = folders
        .par_iter()
        .map(|(id, files)| {
            let mut c = Content::default();
            let mut p = Vec::new();
            load_unit(&parks.join(id), id, files, &mut c, &mut p);
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
/// [`load`] sorts them, and every problem found.
pub fn load_unit_folder(root: &Path, id: &str) -> (Content, Vec<Diagnostic>) {
    let dir = root.join("content").join("parks").join(id);
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.file_name().to_string_lossy().ends_with(".md"))
        .map(|e| e.path().to_path_buf())
        .collect();
    files.sort();
    let mut content = Content::default();
    let mut problems = Vec::new();
    load_unit(&dir, id, &files, &mut content, &mut problems);
    check_duplicates(&content.reports, &mut problems);
    content.reports.sort_by(report_order);
    (content, problems)
}

/// The order of reports everywhere: unit, year, kind, file name.
pub fn report_order(a: &Arc<Report>, b: &Arc<Report>) -> std::cmp::Ordering {
    (&a.park, a.front.year, a.front.kind, &a.stem).cmp(&(&b.park, b.front.year, b.front.kind, &b.stem))
}

fn load_unit(dir: &Path, id: &str, files: &[PathBuf], content: &mut Content, problems: &mut Vec<Diagnostic>) {
    if !is_slug(id) {
        problems.push(Diagnostic::error(dir, format!("the unit id `{id}` is not a slug")).help(slug_help(id)));
        return;
    }
    let name_of = |p: &PathBuf| {
        p.file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default()
    };
    let profile_file = dir.join("_index.md");
    let has_profile = files.iter().any(|f| name_of(f) == "_index.md");
    let report_files: Vec<&PathBuf> = files.iter().filter(|f| !name_of(f).starts_with("_index")).collect();
    if !has_profile {
        for f in &report_files {
            if !name_of(f).ends_with(".en.md") {
                problems.push(
                    Diagnostic::error(f, format!("this report belongs to unit `{id}`, which has no profile")).help(
                        format!(
                            "create {} with the unit's name, name_en and region",
                            profile_file.display()
                        ),
                    ),
                );
            }
        }
        return;
    }
    match load_profile(&profile_file, files.iter().any(|f| name_of(f) == "_index.en.md")) {
        Ok(unit) => content.units.push(Arc::new(Unit {
            id: id.to_string(),
            ..unit
        })),
        Err(mut d) => problems.append(&mut d),
    }
    for f in &report_files {
        let name = name_of(f);
        if let Some(stem) = name.strip_suffix(".en.md") {
            if !report_files.iter().any(|g| name_of(g) == format!("{stem}.md")) {
                problems.push(
                    Diagnostic::error(f, "this English file has no Chinese original").help(format!(
                        "the Chinese report must be {stem}.md in the same folder; rename one of them so the names match"
                    )),
                );
            }
            continue;
        }
        let stem = name.trim_end_matches(".md");
        if !is_slug(stem) {
            problems.push(Diagnostic::error(f, format!("the file name `{stem}` is not a slug")).help(slug_help(stem)));
            continue;
        }
        let en = dir.join(format!("{stem}.en.md"));
        let en = report_files.iter().any(|g| **g == en).then_some(en);
        if let Some(r) = load_report(f, id, stem, en.as_deref(), problems) {
            content.reports.push(Arc::new(r));
        }
    }
}

fn load_profile(file: &Path, has_en: bool) -> Result<Unit, Vec<Diagnostic>> {
    let text = read_text(file).map_err(|d| vec![d])?;
    let doc = split(&text, file).map_err(|d| vec![d])?;
    let profile: UnitProfile = crate::yaml::from_str(&doc.front, file, doc.front_line).map_err(|d| vec![d])?;
    let mut problems = Vec::new();
    if let Some(est) = &profile.established {
        if !is_partial_date(est) {
            problems.push(
                Diagnostic::error(file, format!("`{est}` is not a date"))
                    .at_opt(locate(&doc.front, doc.front_line, &[Seg::Key("established")]))
                    .help("write YYYY, YYYY-MM or YYYY-MM-DD in quotes, e.g. established: \"2004-04\""),
            );
        }
    }
    for (i, p) in profile.covers.iter().enumerate() {
        if !is_slug(p) {
            problems.push(
                Diagnostic::error(file, format!("`{p}` in covers is not a unit id")).at_opt(locate(
                    &doc.front,
                    doc.front_line,
                    &[Seg::Key("covers"), Seg::Index(i)],
                )),
            );
        }
    }
    let body_en = if has_en {
        let en_file = file.with_file_name("_index.en.md");
        let en_text = read_text(&en_file).map_err(|d| vec![d])?;
        let en_doc = split(&en_text, &en_file).map_err(|d| vec![d])?;
        let _: model::ProfileTranslationFront = crate::yaml::from_str(&en_doc.front, &en_file, en_doc.front_line)
            .map_err(|d| {
                vec![d.help(
                    "the English profile holds text only: names in English go in _index.md as name_en, region_en …",
                )]
            })?;
        Some(en_doc.body)
    } else {
        None
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Unit {
        id: String::new(),
        file: file.to_path_buf(),
        profile,
        body: doc.body,
        body_en,
    })
}

fn load_report(
    file: &Path,
    park: &str,
    stem: &str,
    en: Option<&Path>,
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
    if let Some(en_file) = en {
        match load_translation(en_file) {
            Ok(t)
                if t.front.indicators.len() > report.front.indicators.len()
                    || t.front.goals.len() > report.front.goals.len() =>
            {
                problems.push(
                    Diagnostic::error(
                        en_file,
                        "the English file lists more goals or indicators than the Chinese report",
                    )
                    .help("the English goals and indicators are translations of the Chinese ones, in the same order"),
                );
                return None;
            }
            Ok(t) => report.en = Some(t),
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
    let doc = match split(text, file) {
        Ok(d) => d,
        Err(d) => return (None, vec![d]),
    };
    if doc.front.trim().is_empty() {
        let d = Diagnostic::error(file, "the report has no front matter")
            .at(1, 1)
            .help("start the file with a block between two `---` lines holding at least title, year and kind");
        return (None, vec![d]);
    }
    let mut front: ReportFront = match crate::yaml::from_str(&doc.front, file, doc.front_line) {
        Ok(f) => f,
        Err(d) => return (None, vec![d]),
    };
    let mut problems = Vec::new();
    let loc = |path: &[Seg]| locate(&doc.front, doc.front_line, path);
    for (key, value) in [
        ("title", Some(&front.title)),
        ("project_name", front.project_name.as_ref()),
    ] {
        if value.is_some_and(|v| v.trim().is_empty()) {
            problems.push(
                Diagnostic::error(file, format!("`{key}` is empty"))
                    .at_opt(loc(&[Seg::Key(key)]))
                    .help(format!("write the report's {key} as printed")),
            );
        }
    }
    if !(1949..=2200).contains(&front.year) {
        problems.push(
            Diagnostic::error(file, format!("year {} is not a plausible fiscal year", front.year))
                .at_opt(loc(&[Seg::Key("year")])),
        );
    }
    for (key, value) in [("published", &front.published), ("updated", &front.updated)] {
        let Some(p) = value else { continue };
        if !is_datetime(p) {
            problems.push(
                Diagnostic::error(file, format!("`{p}` is not a publication date"))
                    .at_opt(loc(&[Seg::Key(key)]))
                    .help(format!(
                        "write \"YYYY-MM-DD HH:MM\" (or \"YYYY-MM-DD\"), e.g. {key}: \"2022-06-30 09:00\""
                    )),
            );
        }
    }
    // Government sites must carry PubDate as the real publication time (YYYY-MM-DD HH:MM).
    match &front.published {
        None => problems.push(
            Diagnostic::note(file, "no publication date: the page carries no PubDate tag")
                .at_opt(loc(&[Seg::Key("title")]))
                .help("add published: \"YYYY-MM-DD HH:MM\" with the time the report was first published"),
        ),
        Some(p) if p.len() == 10 && is_datetime(p) => problems.push(
            Diagnostic::note(
                file,
                format!("publication date `{p}` has no time: the page carries no PubDate tag"),
            )
            .at_opt(loc(&[Seg::Key("published")]))
            .help(format!("PubDate needs the time too: published: \"{p} HH:MM\"")),
        ),
        _ => {}
    }
    if let Some(a) = front.assets.as_ref().and_then(|a| a.as_of.as_ref()) {
        if !is_partial_date(a) {
            problems.push(
                Diagnostic::error(file, format!("`{a}` is not a date"))
                    .at_opt(loc(&[Seg::Key("assets"), Seg::Key("as_of")]))
                    .help("write \"YYYY-MM-DD\""),
            );
        }
    }
    if front.kind == Kind::Project && front.project_name.is_none() {
        problems.push(
            Diagnostic::warning(file, "a project report without project_name")
                .at_opt(loc(&[Seg::Key("kind")]))
                .help("add project_name: the project or special fund evaluated"),
        );
    }
    let mut lists: Vec<ItemList> = Vec::new();
    if let Some(b) = front.budget.as_mut() {
        lists.push((
            vec![Seg::Key("budget"), Seg::Key("income_sources")],
            &mut b.income_sources,
            Some(catalog::FUNDS),
        ));
    }
    if let Some(f) = front.final_accounts.as_mut() {
        lists.push((
            vec![Seg::Key("final_accounts"), Seg::Key("income_sources")],
            &mut f.income_sources,
            Some(catalog::FUNDS),
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
            Some(catalog::STAFF),
        ));
    }
    lists.push((vec![Seg::Key("economy")], &mut front.economy, Some(catalog::ECONOMY)));
    for (path, items, known) in lists {
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
    negatives(&front, &doc.front, doc.front_line, file, &mut problems);
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
        body: doc.body,
        en: None,
    };
    (Some(report), problems)
}

/// Amounts that may be below zero: changes, balances (a deficit) and economic results.
const MAY_BE_NEGATIVE: [&str; 5] = [
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
            Diagnostic::error(file, format!("`{}` cannot be negative ({number})", path.join(".")))
                .at_opt(locate(yaml, first_line, &segs))
                .help("write the amount as printed; a decrease against the previous year goes in `change` or `change_pct`"),
        );
    }
}

/// A list of items in the front matter: where it is, the items, and its known keys.
type ItemList<'a> = (Vec<Seg<'static>>, &'a mut Vec<Item>, Option<&'static [Known]>);

fn load_translation(file: &Path) -> Result<Translation, Diagnostic> {
    let text = read_text(file)?;
    let doc = split(&text, file)?;
    let front: TranslationFront = crate::yaml::from_str(&doc.front, file, doc.front_line).map_err(|d| {
        if d.message.starts_with("unknown key") {
            d.help("the English file carries translated text only (title, unit_name, summary, translation_note, notes, goals, indicators); figures live once, in the Chinese file")
        } else {
            d
        }
    })?;
    Ok(Translation {
        file: file.to_path_buf(),
        front,
        body: doc.body,
    })
}

/// Fills labels and units of known keys; checks that an item can be named.
fn complete_item(item: &mut Item, known: Option<&'static [Known]>) -> Result<(), Diagnostic> {
    if let Some(key) = &item.key {
        if !is_slug(&key.replace('_', "-")) {
            return Err(Diagnostic::error(
                "",
                format!("item key `{key}` must be lowercase letters, digits and underscores"),
            ));
        }
        if let Some(k) = known.and_then(|list| catalog::find(list, key)) {
            item.label.get_or_insert_with(|| k.zh.to_string());
            item.label_en.get_or_insert_with(|| k.en.to_string());
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
        let msg = match &item.key {
            Some(k) => format!("item key `{k}` is not a known figure, and the item has no label"),
            None => "this item has neither a key nor a name".to_string(),
        };
        let help = match hint {
            Some(h) => format!("did you mean `{h}`? Otherwise add `label:` (Chinese) and `label_en:` (English)"),
            None => format!(
                "add `label:` and `label_en:`; known keys here: {}",
                if keys.is_empty() {
                    "none (use name/name_en)".into()
                } else {
                    keys.join(", ")
                }
            ),
        };
        return Err(Diagnostic::error("", msg).help(help));
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
                    format!(
                        "a second {} report of unit `{}` for {} (the first is {})",
                        r.front.kind.slug(),
                        r.park,
                        r.front.year,
                        first.file.display()
                    ),
                )
                .at_opt(locate(&r.front_yaml, r.front_line, &[Seg::Key("year")]))
                .help("each unit files one report per year and kind: check the year and kind, or merge the files"),
            );
        }
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

    #[test]
    fn slugs() {
        assert!(is_slug("lengshuitan"));
        assert!(is_slug("2021-project"));
        for bad in ["", "Lengshuitan", "冷水滩", "../x", "a b", "-a", "a/b", "a."] {
            assert!(!is_slug(bad), "{bad}");
        }
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
        complete_item(&mut item, Some(catalog::ECONOMY)).unwrap();
        assert_eq!(item.label.as_deref(), Some("规模工业总产值"));
        assert_eq!(item.unit.as_deref(), Some("亿元"));
        let mut bad = Item {
            key: Some("industrial_outptu".into()),
            value: "1".parse().unwrap(),
            ..Default::default()
        };
        let d = complete_item(&mut bad, Some(catalog::ECONOMY)).unwrap_err();
        assert!(d.help.unwrap().contains("did you mean `industrial_output`"));
    }
}
