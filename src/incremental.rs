//! Rebuilding after an edit (for `serve`): only what the edited unit folders affect.
//!
//! An edit to files in `content/parks/<unit>/` re-reads that folder alone and makes the next
//! version of the content, sharing every other unit's parsed reports with the previous one.
//! Then, in two steps:
//! 1. [`render_units`]: the unit's page and its reports' pages, charts and data files: a few
//!    dozen files, so the edited page reloads at once even on a site of 10,000 reports;
//! 2. [`render_listings`] and [`render_site_files`]: the listings that show the unit (home,
//!    unit index, the years whose reports changed) and what summarises the whole site (bulk
//!    downloads, all.json, both search indexes, feeds, data and search pages), which `serve`
//!    runs in the background; [`finish`] then derives the sitemap and SHA256SUMS from the
//!    served files.
//!
//! Anything else (site.toml, the theme, a unit folder added or removed, a fiscal year
//! appearing or disappearing) needs the full build. `tests/incremental.rs` checks that the
//! result is byte-identical to a full build of the edited content.

use crate::diagnostics::Diagnostic;
use crate::lang::{Lang, language_of};
use crate::render::OutputFile;
use crate::{Failure, Loaded, content, figures, render, search, site};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, Mutex};

/// What an edit touched, as far as the incremental path can tell.
#[derive(Debug, PartialEq, Eq)]
pub enum Scope {
    /// Only Markdown files inside these existing unit folders.
    Units(BTreeSet<String>),
    /// Something that needs a full build.
    Everything,
}

/// Classifies changed paths (absolute or relative to `root`).
pub fn scope(root: &Path, changed: &[std::path::PathBuf], loaded: &Loaded) -> Scope {
    let parks = root.join("content").join("parks");
    let mut units = BTreeSet::new();
    for path in changed {
        let Ok(rel) = path.strip_prefix(&parks) else {
            return Scope::Everything;
        };
        let parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().to_string()).collect();
        match parts.as_slice() {
            // Editors' swap, backup and temporary files are not content; any other file in
            // a unit folder is, if only for the warning that says why it is not read.
            [_, name] if content::is_ignored_name(name) => {}
            [unit, _] if loaded.content.units.iter().any(|u| &u.id == unit) && parks.join(unit).is_dir() => {
                units.insert(unit.clone());
            }
            _ => return Scope::Everything,
        }
    }
    Scope::Units(units)
}

/// The next version of the content: the folders of `units` read again, everything else shared
/// with `old`. Errors in the edited files come back as a failure (and `old` stays valid);
/// `None` means the edit needs a full build after all (a unit disappeared, or the fiscal years
/// of the site changed).
pub fn reload(old: &Loaded, root: &Path, units: &BTreeSet<String>) -> Result<Option<Loaded>, Failure> {
    let mut problems = Vec::new();
    let mut fresh: BTreeMap<&str, content::Content> = BTreeMap::new();
    for id in units {
        let (c, mut p) = content::load_unit_folder(root, id, &old.config.languages);
        problems.append(&mut p);
        problems.extend(crate::markdown::check_content(&c));
        if c.units.is_empty() && !problems.iter().any(Diagnostic::is_error) {
            return Ok(None);
        }
        fresh.insert(id, c);
    }
    let mut pairs: Vec<(Arc<content::Report>, Arc<[figures::checks::Check]>)> = old
        .content
        .reports
        .iter()
        .zip(&old.checks)
        .filter(|(r, _)| !units.contains(&r.park))
        .map(|(r, c)| (Arc::clone(r), Arc::clone(c)))
        .collect();
    let mut unit_list: Vec<Arc<content::Unit>> = old
        .content
        .units
        .iter()
        .filter(|u| !units.contains(&u.id))
        .cloned()
        .collect();
    for c in fresh.into_values() {
        unit_list.extend(c.units);
        for r in c.reports {
            let checks = figures::checks::check_report(&r);
            problems.extend(checks.iter().filter_map(|c| crate::check_diagnostic(&r, c)));
            pairs.push((r, checks.into()));
        }
    }
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = problems.into_iter().partition(Diagnostic::is_error);
    if !errors.is_empty() {
        let mut all = errors;
        all.extend(warnings);
        return Err(Failure::Content(all));
    }
    unit_list.sort_by(|a, b| a.id.cmp(&b.id));
    pairs.sort_by(|a, b| content::report_order(&a.0, &b.0));
    let years = |reports: &mut dyn Iterator<Item = &Arc<content::Report>>| {
        reports.map(|r| r.front.year).collect::<BTreeSet<u16>>()
    };
    if years(&mut old.content.reports.iter()) != years(&mut pairs.iter().map(|p| &p.0)) {
        return Ok(None);
    }
    // Keep the other files' warnings; replace the edited folders'.
    let dirs: Vec<std::path::PathBuf> = units
        .iter()
        .map(|u| root.join("content").join("parks").join(u))
        .collect();
    let mut kept: Vec<Diagnostic> = old
        .warnings
        .iter()
        .filter(|w| !dirs.iter().any(|d| w.file.starts_with(d)))
        .cloned()
        .collect();
    kept.extend(warnings);
    let (reports, checks) = pairs.into_iter().unzip();
    Ok(Some(Loaded {
        config: old.config.clone(),
        content: content::Content {
            units: unit_list,
            reports,
        },
        theme: Arc::clone(&old.theme),
        checks,
        warnings: kept,
    }))
}

/// The files `render` hands to its sink, for the site model of `loaded`.
fn collect(
    loaded: &Loaded,
    render: impl FnOnce(&site::Site, crate::Sink) -> Result<(), Failure>,
) -> Result<Vec<OutputFile>, Failure> {
    let site = site::Site::new(&loaded.config, &loaded.content, &loaded.checks);
    let files = Mutex::new(Vec::new());
    render(&site, &|f| files.lock().unwrap_or_else(|e| e.into_inner()).push(f))?;
    Ok(files.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// Step 1: the pages, charts and data files of the units `ids`.
pub fn render_units(loaded: &Loaded, ids: &BTreeSet<String>) -> Result<Vec<OutputFile>, Failure> {
    let ids: Vec<String> = ids.iter().cloned().collect();
    collect(loaded, |site, sink| {
        render::pages::render_units(site, &loaded.theme, &ids, sink).map_err(Failure::Content)?;
        render::data::render_units(site, &ids, sink).map_err(json_failure)
    })
}

/// Step 2a: the listings (home, unit index, year index, the pages of `years`).
pub fn render_listings(loaded: &Loaded, years: &[u16]) -> Result<Vec<OutputFile>, Failure> {
    collect(loaded, |site, sink| {
        render::pages::render_listings(site, &loaded.theme, years, sink).map_err(Failure::Content)
    })
}

/// Step 2b: the files that summarise the whole site, except the sitemap and SHA256SUMS (see
/// [`finish`]).
pub fn render_site_files(loaded: &Loaded) -> Result<Vec<OutputFile>, Failure> {
    collect(loaded, |site, sink| {
        let downloads = render::package::downloads(site);
        render::pages::render_site_pages(site, &loaded.theme, &downloads, sink).map_err(Failure::Content)?;
        render::data::render_site_files(site, sink).map_err(json_failure)?;
        render::package::render(site, &downloads).into_iter().for_each(sink);
        let langs = site.languages();
        let indexes: Vec<Vec<OutputFile>> = {
            use rayon::prelude::*;
            langs.par_iter().map(|l| search::index::build(site, *l)).collect()
        };
        indexes.into_iter().flatten().for_each(sink);
        for lang in langs {
            sink(render::feeds::atom(site, *lang));
        }
        Ok(())
    })
}

/// Removes the files of the units `ids` (everything below `parks/<id>/` in every language;
/// [`render_units`] makes them again) from a sorted set of files.
pub fn remove_units<V>(files: &mut BTreeMap<String, V>, ids: &BTreeSet<String>, langs: &[Lang]) {
    for id in ids {
        for prefix in langs.iter().map(|l| l.path(&format!("parks/{id}/"))) {
            let gone: Vec<String> = files
                .range(prefix.clone()..)
                .take_while(|(p, _)| p.starts_with(&prefix))
                .map(|(p, _)| p.clone())
                .collect();
            for p in gone {
                files.remove(&p);
            }
        }
    }
}

/// The sitemap and SHA256SUMS, from the complete set of files (they list pages and data
/// files); `files` maps output paths to contents.
pub fn finish(loaded: &Loaded, files: &BTreeMap<&str, &[u8]>) -> Vec<OutputFile> {
    let site = site::Site::new(&loaded.config, &loaded.content, &loaded.checks);
    let langs = &loaded.config.languages;
    let mut pages: Vec<String> = files
        .keys()
        .filter(|p| p.ends_with("index.html") && language_of(langs, p).is_some_and(|(l, _)| l.is_primary()))
        .map(|p| p.trim_end_matches("index.html").to_string())
        .collect();
    pages.sort();
    let sums: Vec<(String, String)> = {
        use rayon::prelude::*;
        let data: Vec<(&&str, &&[u8])> = files
            .iter()
            .filter(|(p, _)| render::package::is_data_file(p) && **p != "data/SHA256SUMS")
            .collect();
        data.par_iter()
            .map(|(p, b)| (p.to_string(), render::package::sha256_hex(b)))
            .collect()
    };
    vec![render::feeds::sitemap(&site, &pages), render::package::checksums(&sums)]
}

fn json_failure(e: serde_json::Error) -> Failure {
    Failure::Io(vec![Diagnostic::error("data", format!("cannot write JSON: {e}"))])
}

/// True for the files of the search indexes (`search/<lang>/…` in each language's folder,
/// content-hashed names that change with every edit), which [`render_site_files`] replaces as
/// a whole.
pub fn is_search_index(path: &str, langs: &[Lang]) -> bool {
    let p = language_of(langs, path).map_or(path, |(_, p)| p);
    p.strip_prefix("search/").is_some_and(|rest| rest.contains('/'))
}

/// The year pages an edit of the units `ids` touches: the years of the reports that were
/// added, removed or changed, or every year of the units whose profile changed (their name is
/// on every year page).
pub fn touched_years(old: &Loaded, new: &Loaded, ids: &BTreeSet<String>) -> Vec<u16> {
    let reports = |l: &Loaded| -> BTreeMap<(String, String), (u16, String)> {
        l.content
            .reports
            .iter()
            .filter(|r| ids.contains(&r.park))
            .map(|r| ((r.park.clone(), r.stem.clone()), (r.front.year, format!("{r:?}"))))
            .collect()
    };
    let units = |l: &Loaded| -> BTreeMap<String, String> {
        l.content
            .units
            .iter()
            .filter(|u| ids.contains(&u.id))
            .map(|u| (u.id.clone(), format!("{u:?}")))
            .collect()
    };
    let (before, after) = (reports(old), reports(new));
    let (units_before, units_after) = (units(old), units(new));
    let mut years = BTreeSet::new();
    for key in before.keys().chain(after.keys()) {
        let (a, b) = (before.get(key), after.get(key));
        let profile_changed = units_before.get(&key.0) != units_after.get(&key.0);
        if a != b || profile_changed {
            years.extend(a.iter().chain(b.iter()).map(|x| x.0));
        }
    }
    years.into_iter().collect()
}

/// Applies an edit to a complete set of files in memory (what `serve` does, in one step):
/// `Ok(None)` when the edit needs a full build.
pub fn update(
    old: &Loaded,
    root: &Path,
    ids: &BTreeSet<String>,
    files: &mut BTreeMap<String, Vec<u8>>,
) -> Result<Option<Loaded>, Failure> {
    let Some(new) = reload(old, root, ids)? else {
        return Ok(None);
    };
    let years = touched_years(old, &new, ids);
    let unit_files = render_units(&new, ids)?;
    let listings = render_listings(&new, &years)?;
    let site_files = render_site_files(&new)?;
    remove_units(files, ids, &new.config.languages);
    files.retain(|p, _| !is_search_index(p, &new.config.languages));
    for f in unit_files.into_iter().chain(listings).chain(site_files) {
        files.insert(f.path, f.bytes);
    }
    let view: BTreeMap<&str, &[u8]> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    let last = finish(&new, &view);
    for f in last {
        files.insert(f.path, f.bytes);
    }
    Ok(Some(new))
}
