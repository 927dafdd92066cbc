//! Rebuilding after an edit (for `serve`): only what the edited unit folders affect.
//!
//! An edit to files in `content/parks/<unit>/` re-reads that folder alone and makes the next
//! version of the content, sharing every other unit's parsed and checked reports with the
//! previous one ([`Edit::read`]). Then, in two steps:
//! 1. [`Edit::render_units`]: the unit's page and its reports' pages, charts and data files:
//!    a few dozen files, so the edited page reloads at once even on a site of 10,000 reports;
//! 2. [`Edit::render_rest`]: the listings that show the unit (home, unit index, the years
//!    whose reports changed) and what summarises the whole site (bulk downloads, all.json,
//!    both search indexes, feeds, data and search pages), which `serve` runs in the
//!    background; [`Edit::finish`] then derives the sitemap and SHA256SUMS from the files as
//!    they will be served.
//!
//! [`update`] runs the steps one after the other on a set of files in memory; `serve` runs the
//! same functions, with its lock around each `put_*`. Anything else (site.toml, the theme, a
//! unit folder added or removed, a fiscal year appearing or disappearing) needs the full
//! build. `tests/incremental.rs` checks that the result is byte-identical to a full build of
//! the edited content, and `tests/serve.rs` that `serve` then answers with those bytes.

use crate::diagnostics::Diagnostic;
use crate::figures::Checked;
use crate::lang::{Lang, language_of};
use crate::render::OutputFile;
use crate::{Failure, Loaded, content, render, site};
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
            [unit, _] if loaded.units.iter().any(|u| &u.id == unit) && parks.join(unit).is_dir() => {
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
    let mut reports: Vec<Checked> = old
        .reports
        .iter()
        .filter(|c| !units.contains(&c.report.park))
        .cloned()
        .collect();
    let mut unit_list: Vec<Arc<content::Unit>> = old.units.iter().filter(|u| !units.contains(&u.id)).cloned().collect();
    for c in fresh.into_values() {
        unit_list.extend(c.units);
        for r in c.reports {
            let checked = Checked::new(r);
            problems.extend(crate::check_diagnostics(&checked));
            reports.push(checked);
        }
    }
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = problems.into_iter().partition(Diagnostic::is_error);
    if !errors.is_empty() {
        let mut all = errors;
        all.extend(warnings);
        return Err(Failure::Content(all));
    }
    unit_list.sort_by(|a, b| a.id.cmp(&b.id));
    reports.sort_by(|a, b| content::report_order(&a.report, &b.report));
    let years = |reports: &[Checked]| reports.iter().map(|c| c.report.front.year).collect::<BTreeSet<u16>>();
    if years(&old.reports) != years(&reports) {
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
    Ok(Some(Loaded {
        config: old.config.clone(),
        units: unit_list,
        reports,
        theme: Arc::clone(&old.theme),
        warnings: kept,
    }))
}

/// The files `render` hands to its sink, for the site model of `loaded`.
fn collect(
    loaded: &Loaded,
    render: impl FnOnce(&site::Site, crate::Sink) -> Result<(), Failure>,
) -> Result<Vec<OutputFile>, Failure> {
    let site = loaded.site();
    let files = Mutex::new(Vec::new());
    render(&site, &|f| files.lock().unwrap_or_else(|e| e.into_inner()).push(f))?;
    Ok(files.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// Step 1: the pages, charts and data files of the units `ids`.
pub fn render_units(loaded: &Loaded, ids: &BTreeSet<String>) -> Result<Vec<OutputFile>, Failure> {
    let ids: Vec<String> = ids.iter().cloned().collect();
    collect(loaded, |site, sink| {
        render::pages::render_units(site, &loaded.theme, &ids, sink).map_err(Failure::Content)?;
        render::data::render_units(site, &ids, sink).map_err(crate::json_failure)
    })
}

/// Step 2a: the listings (home, unit index, year index, the pages of `years`).
fn render_listings(site: &site::Site, loaded: &Loaded, years: &[u16], sink: crate::Sink) -> Result<(), Failure> {
    render::pages::render_listings(site, &loaded.theme, years, sink).map_err(Failure::Content)
}

/// Step 2b: the files that summarise the whole site, except the sitemap and SHA256SUMS (see
/// [`Edit::finish`]).
fn render_site_files(site: &site::Site, loaded: &Loaded, sink: crate::Sink) -> Result<(), Failure> {
    let mut timer = crate::timing::Timer::new();
    // Each CSV file is handed on as soon as it is written: only their descriptions are kept.
    let downloads = render::package::downloads(site, sink);
    timer.stage("csv tables");
    render::pages::render_site_pages(site, &loaded.theme, &downloads.list, sink).map_err(Failure::Content)?;
    render::data::render_site_files(site, sink).map_err(crate::json_failure)?;
    sink(render::package::render(site, &downloads));
    drop(downloads);
    timer.stage("data");
    crate::render_search_in_turn(site, &loaded.theme, sink);
    crate::render_feeds(site, sink);
    Ok(())
}

/// Removes the files of the units `ids` (everything below `parks/<id>/` in every language;
/// [`render_units`] makes them again) from a sorted set of files.
fn remove_units<V>(files: &mut BTreeMap<String, V>, ids: &BTreeSet<String>, langs: &[Lang]) {
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

/// True for the files the sitemap and SHA256SUMS are made from: the primary language's pages
/// and the data files.
fn finish_reads(path: &str, langs: &[Lang]) -> bool {
    let page = path.ends_with("index.html") && language_of(langs, path).is_some_and(|(l, _)| l.is_primary());
    page || (render::package::is_data_file(path) && path != "data/SHA256SUMS")
}

/// The sitemap (with its parts, when split) and SHA256SUMS, from the complete set of files
/// (they list pages and data files); `files` maps output paths to the SHA-256 (hex) of data
/// files (`None` for the other files) and holds at least the files [`finish_reads`] accepts.
fn finish(loaded: &Loaded, files: &BTreeMap<&str, Option<&str>>) -> Vec<OutputFile> {
    let site = loaded.site();
    let langs = &loaded.config.languages;
    let mut pages: Vec<String> = files
        .keys()
        .filter(|p| p.ends_with("index.html") && language_of(langs, p).is_some_and(|(l, _)| l.is_primary()))
        .map(|p| p.trim_end_matches("index.html").to_string())
        .collect();
    pages.sort();
    let sums: Vec<(String, String)> = files
        .iter()
        .filter(|(p, _)| render::package::is_data_file(p) && **p != "data/SHA256SUMS")
        .filter_map(|(p, sum)| Some((p.to_string(), (*sum)?.to_string())))
        .collect();
    let mut last = render::feeds::sitemap(&site, &pages);
    last.push(render::package::checksums(&sums));
    last
}

/// True for the files of the search indexes (`search/<lang>/…` in each language's folder,
/// content-hashed names that change with every edit), which [`Edit::put_rest`] replaces as a
/// whole.
fn is_search_index(path: &str, langs: &[Lang]) -> bool {
    let p = language_of(langs, path).map_or(path, |(_, p)| p);
    p.strip_prefix("search/").is_some_and(|rest| rest.contains('/'))
}

/// The year pages an edit of the units `ids` touches: the years of the reports that were
/// added, removed or changed, or every year of the units whose profile changed (their name is
/// on every year page).
fn touched_years(old: &Loaded, new: &Loaded, ids: &BTreeSet<String>) -> Vec<u16> {
    let reports = |l: &Loaded| -> BTreeMap<(String, String), (u16, String)> {
        l.reports
            .iter()
            .map(|c| &c.report)
            .filter(|r| ids.contains(&r.park))
            .map(|r| ((r.park.clone(), r.stem.clone()), (r.front.year, format!("{r:?}"))))
            .collect()
    };
    let units = |l: &Loaded| -> BTreeMap<String, String> {
        l.units
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

/// An edit of some unit folders, read and checked, to be applied to a complete set of files
/// (path → contents, as `Vec<u8>` or any type made from one) in two steps:
/// [`Edit::render_units`] then [`Edit::put_units`]; [`Edit::render_rest`], [`Edit::finish`],
/// then [`Edit::put_rest`]. Between the steps the set is consistent for the edited units'
/// pages, and stale only in the listings and site-wide files.
pub struct Edit {
    /// The next version of the site.
    pub loaded: Arc<Loaded>,
    /// The edited units.
    pub ids: BTreeSet<String>,
    /// The year pages to render again.
    years: Vec<u16>,
}

impl Edit {
    /// Reads the folders of `ids` again (see [`reload`]): `Ok(None)` when the edit needs a
    /// full build after all.
    pub fn read(old: &Loaded, root: &Path, ids: &BTreeSet<String>) -> Result<Option<Edit>, Failure> {
        let Some(new) = reload(old, root, ids)? else {
            return Ok(None);
        };
        let years = touched_years(old, &new, ids);
        Ok(Some(Edit {
            loaded: Arc::new(new),
            ids: ids.clone(),
            years,
        }))
    }

    /// True for the files [`Edit::finish`] reads (see [`finish_reads`]): a caller that holds
    /// its files under a lock copies just these.
    pub fn reads(&self, path: &str) -> bool {
        finish_reads(path, &self.loaded.config.languages)
    }

    /// Step 1: the edited units' pages, charts and data files.
    pub fn render_units(&self) -> Result<Vec<OutputFile>, Failure> {
        render_units(&self.loaded, &self.ids)
    }

    /// Puts step 1's files in place of the edited units' old ones.
    pub fn put_units<V: From<Vec<u8>>>(&self, files: &mut BTreeMap<String, V>, rendered: Vec<OutputFile>) {
        self.put_units_as(files, rendered.into_iter().map(|f| (f.path, V::from(f.bytes))));
    }

    /// [`Edit::put_units`] for files already made into the caller's form (compressed, say,
    /// outside the caller's lock).
    pub fn put_units_as<V>(&self, files: &mut BTreeMap<String, V>, rendered: impl IntoIterator<Item = (String, V)>) {
        remove_units(files, &self.ids, &self.loaded.config.languages);
        files.extend(rendered);
    }

    /// Step 2: the listings the edit touches and the files that summarise the whole site,
    /// except the sitemap and SHA256SUMS.
    pub fn render_rest(&self) -> Result<Vec<OutputFile>, Failure> {
        collect(&self.loaded, |site, sink| self.render_rest_of(site, sink))
    }

    /// [`Edit::render_rest`] into `sink`, each file as soon as it is ready: a caller that
    /// keeps files compressed never holds all of them (hundreds of megabytes at 10,000
    /// reports) as they are.
    pub fn render_rest_to(&self, sink: crate::Sink) -> Result<(), Failure> {
        self.render_rest_of(&self.loaded.site(), sink)
    }

    fn render_rest_of(&self, site: &site::Site, sink: crate::Sink) -> Result<(), Failure> {
        render_listings(site, &self.loaded, &self.years, sink)?;
        render_site_files(site, &self.loaded, sink)
    }

    /// The sitemap (with its parts, when split) and SHA256SUMS for `files` (after step 1) with
    /// `rest` (step 2) over them. Only what [`finish_reads`] is read, so `files` may hold just
    /// that.
    pub fn finish<'a>(
        &self,
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
        rest: &'a [OutputFile],
    ) -> Vec<OutputFile> {
        use rayon::prelude::*;
        let langs = &self.loaded.config.languages;
        let mut view: BTreeMap<&str, &[u8]> = files.into_iter().filter(|(p, _)| finish_reads(p, langs)).collect();
        view.extend(
            rest.iter()
                .map(|f| (f.path.as_str(), f.bytes.as_slice()))
                .filter(|(p, _)| finish_reads(p, langs)),
        );
        let view: Vec<(&str, &[u8])> = view.into_iter().collect();
        let sums: Vec<Option<String>> = view
            .par_iter()
            .map(|(p, b)| render::package::is_data_file(p).then(|| render::package::sha256_hex(b)))
            .collect();
        self.finish_from_sums(view.iter().map(|(p, _)| *p).zip(sums.iter().map(Option::as_deref)))
    }

    /// [`Edit::finish`] from each file's path and, for a data file, the SHA-256 (hex) of its
    /// contents (what SHA256SUMS lists): for a caller that keeps files compressed and their
    /// checksums beside them, so that an edit need not decompress every data file. `files`
    /// are the files after step 1 followed by step 2's (a later path replaces an earlier
    /// one); a data file without its checksum is left out of SHA256SUMS.
    pub fn finish_from_sums<'a>(&self, files: impl IntoIterator<Item = (&'a str, Option<&'a str>)>) -> Vec<OutputFile> {
        let langs = &self.loaded.config.languages;
        let view: BTreeMap<&str, Option<&str>> = files.into_iter().filter(|(p, _)| finish_reads(p, langs)).collect();
        finish(&self.loaded, &view)
    }

    /// Puts step 2's files in place: the search indexes as a whole, the other files over the
    /// old ones, then the sitemap and SHA256SUMS (`last`, from [`Edit::finish`]).
    pub fn put_rest<V: From<Vec<u8>>>(
        &self,
        files: &mut BTreeMap<String, V>,
        rest: Vec<OutputFile>,
        last: Vec<OutputFile>,
    ) {
        self.put_rest_as(files, rest.into_iter().chain(last).map(|f| (f.path, V::from(f.bytes))));
    }

    /// [`Edit::put_rest`] for files already made into the caller's form; `rest` ends with
    /// the sitemap and SHA256SUMS.
    pub fn put_rest_as<V>(&self, files: &mut BTreeMap<String, V>, rest: impl IntoIterator<Item = (String, V)>) {
        // The search indexes, the slices of figures.csv and the parts of a split sitemap are
        // made whole by every edit (a year or unit may have gone).
        files.retain(|p, _| {
            !is_search_index(p, &self.loaded.config.languages)
                && !render::package::is_slice(p)
                && !render::feeds::is_sitemap_part(p)
        });
        files.extend(rest);
    }
}

/// Applies an edit to a complete set of files in memory, both steps at once (what `serve`
/// does, without its lock and background thread): the next version of the site, or `Ok(None)`
/// when the edit needs a full build.
pub fn update<V: From<Vec<u8>> + AsRef<[u8]>>(
    old: &Loaded,
    root: &Path,
    ids: &BTreeSet<String>,
    files: &mut BTreeMap<String, V>,
) -> Result<Option<Arc<Loaded>>, Failure> {
    let Some(edit) = Edit::read(old, root, ids)? else {
        return Ok(None);
    };
    let units = edit.render_units()?;
    edit.put_units(files, units);
    let rest = edit.render_rest()?;
    let last = edit.finish(files.iter().map(|(p, b)| (p.as_str(), b.as_ref())), &rest);
    edit.put_rest(files, rest, last);
    Ok(Some(edit.loaded))
}
