//! gongkai (公开, "disclosure"): a static site generator for Chinese government expenditure
//! performance self-evaluation reports, in Chinese and English.
//!
//! The build reads as its list of stages: config → content → site model → renderers → output.

pub mod charts;
pub mod config;
pub mod content;
pub mod decimal;
pub mod diagnostics;
pub mod figures;
pub mod import;
pub mod incremental;
pub mod lang;
pub mod markdown;
pub mod messages;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod search;
pub mod serve;
pub mod site;
pub mod theme;
pub mod timing;
pub mod url;
pub mod yaml;

use config::Config;
use diagnostics::Diagnostic;
use messages::{Msg, Text};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What a build produced.
#[derive(Debug)]
pub struct BuildSummary {
    pub output: PathBuf,
    pub reports: usize,
    pub units: usize,
    pub files: usize,
    pub pages: usize,
    pub warnings: Vec<Diagnostic>,
    pub millis: u128,
    /// What changed in the output folder.
    pub written: output::Written,
}

/// Why a run failed.
#[derive(Debug)]
pub enum Failure {
    /// Problems in the content, settings or templates (exit code 1).
    Content(Vec<Diagnostic>),
    /// Problems reading or writing files before the output folder changed (exit code 2).
    Io(Vec<Diagnostic>),
    /// Writing failed after the output folder began to change (exit code 2). The journal
    /// beside it lets the next build finish the job.
    Interrupted(Vec<Diagnostic>),
}

impl Failure {
    /// The problems to print.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Failure::Content(d) | Failure::Io(d) | Failure::Interrupted(d) => d,
        }
    }

    /// Whether the output folder changed before the failure.
    pub fn output_changed(&self) -> bool {
        matches!(self, Failure::Interrupted(_))
    }
}

/// Everything loaded and validated, ready to render.
pub struct Loaded {
    pub config: Config,
    /// Sorted by id.
    pub units: Vec<std::sync::Arc<content::Unit>>,
    /// Each with its cross-check results; sorted by unit, year, kind.
    pub reports: Vec<figures::Checked>,
    pub theme: std::sync::Arc<theme::Theme>,
    /// Warnings and notes (errors stop the load).
    pub warnings: Vec<Diagnostic>,
}

impl Loaded {
    /// The site model: addresses and groupings of the units and reports.
    pub fn site(&self) -> site::Site<'_> {
        site::Site::new(&self.config, &self.units, &self.reports)
    }
}

/// Reads settings, content and theme, collecting every problem.
pub fn load(root: &Path) -> Result<Loaded, Failure> {
    let mut timer = timing::Timer::new();
    let config = Config::load(root).map_err(|d| {
        if d.iter().any(|x| x.kind == diagnostics::Kind::CannotRead) {
            Failure::Io(d)
        } else {
            Failure::Content(d)
        }
    })?;
    let (content, mut problems) = content::load(root, &config.languages);
    problems.extend(markdown::check_content(&content));
    timer.stage("load content");
    let theme = theme::Theme::load(root, &config.site.theme, &config.languages);
    let theme = match theme {
        Ok(t) => Some(t),
        Err(mut d) => {
            problems.append(&mut d);
            None
        }
    };
    timer.stage("theme");
    let content::Content { units, reports } = content;
    let reports: Vec<figures::Checked> = {
        use rayon::prelude::*;
        reports.into_par_iter().map(figures::Checked::new).collect()
    };
    problems.extend(reports.iter().flat_map(check_diagnostics));
    if let Some(theme) = &theme {
        let i18n = root.join("themes").join(&config.site.theme).join("i18n");
        problems.extend(figures::words::problems(theme, &config.languages, &reports, &i18n));
    }
    timer.stage("checks");
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = problems.into_iter().partition(Diagnostic::is_error);
    match theme {
        Some(theme) if errors.is_empty() => Ok(Loaded {
            config,
            units,
            reports,
            theme: theme.into(),
            warnings,
        }),
        _ => {
            let mut all = errors;
            all.extend(warnings);
            Err(Failure::Content(all))
        }
    }
}

/// The warnings and notes of a report's cross-checks.
pub(crate) fn check_diagnostics(checked: &figures::Checked) -> impl Iterator<Item = Diagnostic> + '_ {
    checked
        .checks
        .iter()
        .filter_map(|c| check_diagnostic(&checked.report, c))
}

/// A mismatch as a warning, a rounding difference as a note, at the stated figure.
pub(crate) fn check_diagnostic(report: &content::Report, c: &figures::checks::Check) -> Option<Diagnostic> {
    use figures::checks::Status;
    if let (Some((stated, earned)), Status::Mismatch) = (c.grades, c.status) {
        let d = Diagnostic::warning(
            &report.file,
            msg!(
                GradeMismatch,
                stated = schema::grade_names(stated).0,
                score = c.stated.grouped(),
                range = figures::checks::grade_range(earned),
                earned = schema::grade_names(earned).0
            ),
        )
        .help(Msg::GradeMismatchHelp);
        return Some(d.at_opt(c.line.zip(c.column)));
    }
    let text = if c.stated_twice {
        msg!(
            StatedTwice,
            rule = Text::Both(Box::new((c.rule_en.clone(), c.rule_zh.clone()))),
            first = c.stated.grouped(),
            second = c.computed.grouped()
        )
    } else {
        msg!(
            StatedComputed,
            rule = Text::Both(Box::new((c.rule_en.clone(), c.rule_zh.clone()))),
            stated = c.stated.grouped(),
            computed = c.computed_shown().grouped(),
            difference = c.difference_shown().signed()
        )
    };
    let d = match c.status {
        Status::Passed => return None,
        Status::Rounding => Diagnostic::note(&report.file, msg!(WithinRounding, text)),
        Status::Mismatch => {
            Diagnostic::warning(&report.file, msg!(FiguresDoNotAddUp, text)).help(Msg::FiguresDoNotAddUpHelp)
        }
    };
    Some(match (c.line, c.column) {
        (Some(l), Some(col)) => d.at(l, col),
        _ => d,
    })
}

/// True when `--strict` should fail on these problems.
fn has_warnings(problems: &[Diagnostic]) -> bool {
    problems.iter().any(Diagnostic::is_warning)
}

/// Renders every output file in memory (for `serve` and tests).
pub fn render(loaded: &Loaded) -> Result<Vec<render::OutputFile>, Failure> {
    let files = std::sync::Mutex::new(Vec::new());
    render_to(loaded, &|_, _| {}, &|f| {
        files.lock().unwrap_or_else(|e| e.into_inner()).push(f)
    })?;
    let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// Progress of a long build: (report pages done, report pages in all).
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// Where rendered files go as soon as they are ready (a staging folder, memory, nowhere).
pub type Sink<'a> = &'a (dyn Fn(render::OutputFile) + Sync);

/// What the renderers produced, counted on the way to the sink.
#[derive(Default)]
struct Collected {
    files: usize,
    /// Language-neutral addresses of the primary language's pages, for the sitemap.
    pages: Vec<String>,
    /// `(path, sha256)` of the data files, for SHA256SUMS.
    sums: Vec<(String, String)>,
}

/// Renders every output file into `sink`; returns (files, pages).
///
/// The search indexes need nothing from the pages, so they are built alongside the pages and
/// data files: their partly sequential stages fill the gaps and both cores stay busy.
pub fn render_to(loaded: &Loaded, progress: Progress, sink: Sink) -> Result<(usize, usize), Failure> {
    render_parts(loaded, sink, |site, put| {
        let (rendered, ()) = rayon::join(
            || render_pages_and_data(site, &loaded.theme, progress, put),
            || render_search(site, &loaded.theme, put),
        );
        rendered
    })
}

/// [`render_to`] one part after another, for `serve`, which keeps every file (compressed):
/// the bulk downloads and data files first, while few files are kept, then the search
/// indexes, then the pages. Slower than letting the parts overlap, but their working memory
/// (hundreds of megabytes each at 10,000 reports) is never needed at once.
pub fn render_to_in_turn(loaded: &Loaded, progress: Progress, sink: Sink) -> Result<(usize, usize), Failure> {
    render_parts(loaded, sink, |site, put| {
        let mut timer = timing::Timer::new();
        let downloads = render::package::downloads(site, put);
        timer.stage("csv tables");
        render::pages::render_site_pages(site, &loaded.theme, &downloads.list, put).map_err(Failure::Content)?;
        render_data_files(site, &downloads, put)?;
        timer.stage("data");
        render_search(site, &loaded.theme, put);
        render::pages::render_all(site, &loaded.theme, progress, put).map_err(Failure::Content)?;
        timer.stage("pages and charts");
        Ok(())
    })
}

/// Renders the feeds, assets, sitemap and SHA256SUMS around `parts`, which renders the pages,
/// data files and search indexes into the sink it is given; returns (files, pages).
fn render_parts(
    loaded: &Loaded,
    sink: Sink,
    parts: impl FnOnce(&site::Site, Sink) -> Result<(), Failure>,
) -> Result<(usize, usize), Failure> {
    let collected = std::sync::Mutex::new(Collected::default());
    let langs = &loaded.config.languages;
    let put = |f: render::OutputFile| {
        let primary = lang::language_of(langs, &f.path).is_some_and(|(l, _)| l.is_primary());
        let page =
            (f.path.ends_with("index.html") && primary).then(|| f.path.trim_end_matches("index.html").to_string());
        let sum =
            render::package::is_data_file(&f.path).then(|| (f.path.clone(), render::package::sha256_hex(&f.bytes)));
        {
            let mut c = collected.lock().unwrap_or_else(|e| e.into_inner());
            c.files += 1;
            c.pages.extend(page);
            c.sums.extend(sum);
        }
        sink(f);
    };
    let site = loaded.site();
    parts(&site, &put)?;
    let mut timer = timing::Timer::new();
    render_feeds_and_assets(&site, &loaded.theme, &put);
    let mut c = collected.into_inner().unwrap_or_else(|e| e.into_inner());
    c.pages.sort();
    let sitemap = render::feeds::sitemap(&site, &c.pages);
    let last = sitemap.len() + 1;
    sitemap.into_iter().for_each(&sink);
    sink(render::package::checksums(&c.sums));
    timer.stage("feeds, checksums");
    let pages = c.pages.len() * site.languages().len();
    Ok((c.files + last, pages))
}

/// The pages, charts and data files. The bulk downloads are written while the report pages
/// render (the data page and datapackage.json need only their descriptions).
fn render_pages_and_data(
    site: &site::Site,
    theme: &theme::Theme,
    progress: Progress,
    put: Sink,
) -> Result<(), Failure> {
    let mut timer = timing::Timer::new();
    let (downloads, pages) = rayon::join(
        || {
            let mut timer = timing::Timer::new();
            let downloads = render::package::downloads(site, put);
            timer.stage("csv tables");
            downloads
        },
        || render::pages::render_all(site, theme, progress, put),
    );
    pages.map_err(Failure::Content)?;
    render::pages::render_site_pages(site, theme, &downloads.list, put).map_err(Failure::Content)?;
    timer.stage("pages and charts");
    render_data_files(site, &downloads, put)?;
    timer.stage("data");
    Ok(())
}

/// The JSON files and `datapackage.json` (the CSV files of `downloads` are written already).
fn render_data_files(site: &site::Site, downloads: &render::package::Downloads, put: Sink) -> Result<(), Failure> {
    render::data::render_all(site, put).map_err(json_failure)?;
    put(render::package::render(site, downloads));
    Ok(())
}

/// Writing JSON failed (only when memory runs out): nothing was written yet.
pub(crate) fn json_failure(e: serde_json::Error) -> Failure {
    Failure::Io(vec![Diagnostic::error(
        "data",
        crate::msg!(CannotWriteJson, error = e.to_string()),
    )])
}

/// The search index of every language, the languages in parallel.
pub(crate) fn render_search(site: &site::Site, theme: &theme::Theme, put: Sink) {
    use rayon::prelude::*;
    let mut timer = timing::Timer::new();
    let indexes: Vec<Vec<render::OutputFile>> = site
        .languages()
        .par_iter()
        .map(|l| search::index::build(site, *l, theme.words(l.code())))
        .collect();
    indexes.into_iter().flatten().for_each(put);
    timer.stage("search");
}

/// [`render_search`] one language after another, each language's files handed on as soon
/// as they are made: for `serve`'s background step after an edit, where the whole site is
/// kept already and the languages' working memory at once would come on top of it (each
/// index is built in parallel itself).
pub(crate) fn render_search_in_turn(site: &site::Site, theme: &theme::Theme, put: Sink) {
    let mut timer = timing::Timer::new();
    for l in site.languages() {
        search::index::build(site, *l, theme.words(l.code()))
            .into_iter()
            .for_each(put);
    }
    timer.stage("search");
}

/// The feed of each language.
pub(crate) fn render_feeds(site: &site::Site, put: Sink) {
    for lang in site.languages() {
        put(render::feeds::atom(site, *lang));
    }
}

/// The feed of each language, the theme's scripts, images and stylesheet, favicon.ico and
/// robots.txt.
fn render_feeds_and_assets(site: &site::Site, theme: &theme::Theme, put: Sink) {
    render_feeds(site, put);
    for (hashed, text) in theme.scripts.values() {
        put(render::OutputFile {
            path: format!("assets/{hashed}"),
            bytes: text.clone().into_bytes(),
        });
    }
    put(render::OutputFile {
        path: format!("assets/{}", theme.css_name),
        bytes: theme.css.clone().into_bytes(),
    });
    if let Some(config::Badge::File { name, bytes }) = &site.config.badge {
        put(render::OutputFile {
            path: format!("assets/{name}"),
            bytes: bytes.to_vec(),
        });
    }
    if let Some(bytes) = &theme.favicon_ico {
        put(render::OutputFile {
            path: "favicon.ico".into(),
            bytes: bytes.clone(),
        });
    }
    put(render::feeds::robots(site));
}

/// `gongkai build`: loads, renders and publishes into `output` (default from site.toml).
pub fn build(root: &Path, output: Option<&Path>, strict: bool) -> Result<BuildSummary, Failure> {
    build_with(
        root,
        &BuildOptions {
            output,
            strict,
            ..BuildOptions::default()
        },
    )
}

/// How to build: the command line's choices.
#[derive(Clone, Copy)]
pub struct BuildOptions<'a> {
    /// `--output` (None: `output_dir` from site.toml).
    pub output: Option<&'a Path>,
    /// Warnings fail the build.
    pub strict: bool,
    /// Replace an output folder that holds files gongkai did not write.
    pub force: bool,
    /// Report pages done, for a progress bar.
    pub progress: Progress<'a>,
    /// What the user should see at once (waiting for another build; what `--force` removes).
    pub notify: &'a (dyn Fn(&Text) + Sync),
}

impl Default for BuildOptions<'_> {
    fn default() -> Self {
        BuildOptions {
            output: None,
            strict: false,
            force: false,
            progress: &|_, _| {},
            notify: &|_| {},
        }
    }
}

/// [`build`] with every option.
pub fn build_with(root: &Path, options: &BuildOptions) -> Result<BuildSummary, Failure> {
    let start = Instant::now();
    let loaded = load(root)?;
    if options.strict && has_warnings(&loaded.warnings) {
        return Err(Failure::Content(loaded.warnings));
    }
    let out = loaded.config.output_dir(options.output);
    // Files go straight into a staging folder as they are rendered; they replace the output
    // only when everything succeeded.
    let staging = output::Staging::begin(
        &out,
        output::Options {
            force: options.force,
            notify: Some(options.notify),
            root: Some(root),
        },
    )
    .map_err(|d| Failure::Io(vec![d]))?;
    let rendered = render_to(&loaded, options.progress, &|f| staging.write(&f));
    let (files, pages) = match rendered {
        Ok(counts) => counts,
        Err(e) => {
            staging.abort();
            return Err(e);
        }
    };
    let mut timer = timing::Timer::new();
    // Notes on what a build writes (robots.txt under a sub-path) come first.
    let mut warnings = loaded.config.build_notes.clone();
    warnings.extend(loaded.warnings);
    warnings.extend(staging.warnings.iter().cloned());
    let output = staging.output().to_path_buf();
    let written = staging.commit().map_err(|e| {
        if e.output_changed {
            Failure::Interrupted(vec![e.diagnostic])
        } else {
            Failure::Io(vec![e.diagnostic])
        }
    })?;
    timer.stage("write (move into place)");
    Ok(BuildSummary {
        output,
        reports: loaded.reports.len(),
        units: loaded.units.len(),
        pages,
        files,
        warnings,
        millis: start.elapsed().as_millis(),
        written,
    })
}

/// `gongkai check`: everything a build does except writing. Returns the warnings.
pub fn check(root: &Path, strict: bool) -> Result<Vec<Diagnostic>, Failure> {
    let loaded = load(root)?;
    if strict && has_warnings(&loaded.warnings) {
        return Err(Failure::Content(loaded.warnings));
    }
    render_to(&loaded, &|_, _| {}, &|_| {})?;
    Ok(loaded.warnings)
}
