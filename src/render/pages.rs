//! HTML pages in every language of the site, rendered through the theme's Tera templates.
//!
//! Templates receive typed views (below) with every number already formatted from exact
//! decimals, so no template ever does arithmetic or float formatting.

use super::OutputFile;
use super::tables::{self, Frag};
use crate::content::model::{Kind, Level, Region, UnitType};
use crate::content::{Report, Unit};
use crate::diagnostics::Diagnostic;
use crate::lang::Labels;
use crate::markdown::{self, Heading};
use crate::site::{Lang, ReportEntry, Site};
use crate::theme::Theme;
use serde::Serialize;

/// A link.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    pub text: String,
    pub url: String,
    /// Language of `text` when it differs from the page's.
    pub lang: Option<&'static str>,
}

/// Site-wide values.
#[derive(Serialize)]
struct SiteView {
    title: String,
    description: String,
    publisher: String,
    license: String,
    license_url: Option<String>,
    home: String,
    css: String,
    data_url: String,
    nav: Vec<Link>,
    feed: String,
    options_js: String,
    /// The theme's icon (`favicon.svg`), when it has one. The 404 page, shown at any depth
    /// and perhaps without its `<base>`, has none: the browser asks for /favicon.ico.
    favicon: Option<String>,
    search: String,
    /// The 名词解释 / glossary page.
    glossary: String,
    /// SiteName, SiteDomain, SiteIDCode from site.toml.
    gov: GovMeta,
    /// What a government website's footer shows besides the publisher and the licence.
    footer: FooterView,
}

/// The footer's portal records (政府网站 conventions), each `None` unless site.toml sets it:
/// nothing here is ever made up.
#[derive(Serialize)]
struct FooterView {
    /// 承办单位.
    operator: Option<Frag>,
    /// How to reach the publisher, as written (it carries its own labels: 电话：…).
    contact: Option<Frag>,
    /// 网站标识码.
    site_id_code: Option<String>,
    /// ICP备案号, linked to `icp_url`.
    icp_record: Option<Frag>,
    icp_url: &'static str,
    /// 公安备案号, linked to its record (`police_url`).
    police_record: Option<Frag>,
    police_url: Option<String>,
    /// The 党政机关网站标识 image's address, and where it links (if anywhere).
    badge: Option<String>,
    badge_url: Option<String>,
}

/// The 信息公开 block above a report: what the host portal's 信息公开目录 records of it.
#[derive(Serialize)]
struct DisclosureView {
    /// 索引号.
    index_number: Option<Frag>,
    /// 发布机构.
    issuer: Option<Frag>,
    /// 发布日期: the date of `published`, `YYYY-MM-DD`.
    date: Option<String>,
    /// 文号.
    document_number: Option<Frag>,
    /// 主题分类.
    subject: Option<Frag>,
}

#[derive(Serialize)]
struct GovMeta {
    site_name: String,
    site_domain: String,
    site_id_code: String,
}

/// Page metadata.
#[derive(Serialize)]
struct PageView {
    /// `home`, `parks`, `park`, `report`, `year`, `years`, `404`.
    kind: &'static str,
    title: String,
    title_lang: Option<&'static str>,
    description: String,
    canonical: String,
    /// `<link rel="alternate" hreflang>` for every language, this one included.
    alternates: Vec<Alternate>,
    /// The language switcher: this page in each of the other languages.
    switches: Vec<Link>,
    breadcrumbs: Vec<Link>,
    /// Column (栏目) metadata required of government websites.
    column: ColumnMeta,
    /// Article metadata, on report pages.
    article: Option<ArticleMeta>,
    keywords: String,
    author: String,
    og_type: &'static str,
    og_locale: &'static str,
    /// The Open Graph locales of the other languages.
    og_locale_alternates: Vec<&'static str>,
    /// The 我为政府网站找错 link for this page (site.toml's `error_report_url`).
    error_report: Option<String>,
    /// On 404 pages only: see [`NotFoundBase`].
    base: Option<NotFoundBase>,
}

/// A server shows a 404 page at whatever address was asked for, at any depth, so its
/// relative links would miss. Under `base_url`'s path it therefore carries
/// `<base href="{href}">`, the folder its file is in; a line of script removes that when the
/// page is opened as its own file (`…/404.html`, from `file://`) or served elsewhere (a staging
/// path, a server's root), where its relative links are right as they are. Its stylesheet and
/// script are inline: the browser would fetch linked ones through the `<base>` before the
/// script could remove it, and it shows styled at any address, even without JavaScript.
#[derive(Serialize)]
struct NotFoundBase {
    /// The folder of the 404 file at `base_url`'s path: `/xxgk/jxpj/en/`.
    href: String,
    /// `base_url`'s path as a JavaScript string (`"/xxgk/jxpj/"`), for the script.
    site_js: String,
    /// The page's own file, for in-page links (`404.html#main`): under a `<base>`, `#main`
    /// alone would lead to the home page.
    file: &'static str,
    /// The theme's stylesheet, for a `<style>` element.
    style: String,
    /// The theme's `options.js`, for a `<script>` element.
    script: String,
}

#[derive(Serialize)]
struct ColumnMeta {
    name: String,
    description: String,
    keywords: String,
    kind: String,
}

#[derive(Serialize)]
struct ArticleMeta {
    title: String,
    /// `YYYY-MM-DD HH:MM`, only when the report gives its publication time.
    pub_date: Option<String>,
    /// ISO 8601 for Open Graph.
    published_time: Option<String>,
    source: String,
}

#[derive(Serialize)]
struct Alternate {
    hreflang: &'static str,
    href: String,
}

/// One report in a list.
#[derive(Serialize)]
struct ReportRow {
    title: Link,
    unit: Link,
    year: u16,
    kind: String,
    score: Option<String>,
    grade: Option<String>,
    total: Option<String>,
    unit_of_total: String,
}

/// One unit in a list.
#[derive(Serialize)]
struct UnitRow {
    name: Link,
    region: String,
    level: String,
    years: Vec<Link>,
}

/// Label and value of a profile fact.
#[derive(Serialize)]
struct Fact {
    label: String,
    value: Frag,
    missing: bool,
}

/// One cross-check as shown on a report page.
#[derive(Serialize)]
struct CheckRow {
    rule: String,
    stated: String,
    computed: String,
    status: String,
    class: &'static str,
}

/// A key figure shown at the top of a report.
#[derive(Serialize)]
struct KeyFigure {
    label: String,
    value: String,
    unit: String,
    missing: bool,
    /// Not stated: the sum of the stated parts (计算值), marked as such.
    computed: bool,
    /// The human-scale reading of a large amount: `约16.6亿元`.
    approx: Option<String>,
    /// The glossary entry of the label (`../../glossary/#three-public`).
    term: Option<String>,
    /// Where the figure comes from when not from its own row (`决算本年支出合计`), or how it
    /// was computed.
    note: Option<String>,
}

/// A figure as the key figures show it: stated, computed from stated parts, or missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fig {
    Stated(crate::decimal::Dec),
    Computed(crate::decimal::Dec),
    Missing,
}

impl Fig {
    fn of(v: Option<crate::decimal::Dec>) -> Fig {
        v.map_or(Fig::Missing, Fig::Stated)
    }
    fn value(self) -> Option<crate::decimal::Dec> {
        match self {
            Fig::Stated(d) | Fig::Computed(d) => Some(d),
            Fig::Missing => None,
        }
    }
}

/// `v` in `from` expressed in `to`, exactly, for the units of money (元, 万元, 亿元); `None`
/// for units that are not both money.
fn convert(v: crate::decimal::Dec, from: &str, to: &str) -> Option<crate::decimal::Dec> {
    use rust_decimal::Decimal;
    let yuan = |u: &str| match u {
        "元" => Some(Decimal::ONE),
        "万元" => Some(Decimal::from(10_000)),
        "亿元" => Some(Decimal::from(100_000_000)),
        _ => None,
    };
    if from == to {
        return Some(v);
    }
    let (f, t) = (yuan(from)?, yuan(to)?);
    Some(crate::decimal::Dec((v.0 * f / t).normalize()))
}

/// The sum of `parts`, computed, when every part is known; stated parts keep their scale.
fn sum_of(parts: &[Option<crate::decimal::Dec>]) -> Option<crate::decimal::Dec> {
    parts
        .iter()
        .try_fold(rust_decimal::Decimal::ZERO, |acc, p| p.map(|d| acc + d.0))
        .map(crate::decimal::Dec)
}

/// 项目支出: as stated, or the sum over the budgets of their project spending when every
/// budget's is known: stated, or all of its total when its itemised projects add up to that
/// total exactly, or nothing when its total is 0.
fn project_figure(e: &crate::content::model::Expenditure) -> Fig {
    if let Some(p) = e.project {
        return Fig::Stated(p);
    }
    if e.by_fund.is_empty() {
        return Fig::Missing;
    }
    let parts: Vec<Option<crate::decimal::Dec>> = e
        .by_fund
        .iter()
        .map(|f| {
            if f.project.is_some() {
                return f.project;
            }
            let total = f.total?;
            if total.0.is_zero() {
                return Some(total);
            }
            let items = sum_of(
                &e.project_items
                    .iter()
                    .filter(|i| i.fund == Some(f.fund) && i.unit.is_none())
                    .map(|i| Some(i.value))
                    .collect::<Vec<_>>(),
            )?;
            (items.0 == total.0).then_some(total)
        })
        .collect();
    sum_of(&parts).map_or(Fig::Missing, Fig::Computed)
}

/// 整体支出: as stated; else the final accounts' 本年支出合计 (the same figure, stated in
/// another table); else basic + project, or the budgets' totals, computed.
fn total_figure(f: &crate::content::model::ReportFront) -> (Fig, bool) {
    let e = f.expenditure.as_ref();
    if let Some(t) = e.and_then(|e| e.total) {
        return (Fig::Stated(t), false);
    }
    if let Some(t) = f.final_accounts.as_ref().and_then(|a| a.expenditure) {
        return (Fig::Stated(t), true);
    }
    let Some(e) = e else { return (Fig::Missing, false) };
    if let (Some(b), Some(p)) = (e.basic, project_figure(e).value()) {
        return (Fig::Computed(crate::decimal::Dec(b.0 + p.0)), false);
    }
    let funds: Vec<Option<crate::decimal::Dec>> = e
        .by_fund
        .iter()
        .map(|x| x.total.or_else(|| sum_of(&[x.basic, x.project])))
        .collect();
    match (!funds.is_empty()).then(|| sum_of(&funds)).flatten() {
        Some(d) => (Fig::Computed(d), false),
        None => (Fig::Missing, false),
    }
}

/// “三公”经费 actually spent: the stated total, or the sum of its three lines when all three
/// are stated (each converted exactly into `unit`).
fn three_public_figure(f: &crate::content::model::ReportFront, unit: &str) -> Fig {
    let Some(tp) = f.three_public.as_ref() else {
        return Fig::Missing;
    };
    if let Some(t) = tp.total.as_ref()
        && let Some(a) = t.actual
    {
        return match t.unit.as_deref() {
            Some(u) if u != unit => convert(a, u, unit).map_or(Fig::Missing, Fig::Computed),
            _ => Fig::Stated(a),
        };
    }
    let lines = [&tp.overseas_travel, &tp.hospitality, &tp.vehicles];
    let parts: Vec<Option<crate::decimal::Dec>> = lines
        .iter()
        .map(|l| {
            let l = l.as_ref()?;
            convert(l.actual?, l.unit.as_deref().unwrap_or(unit), unit)
        })
        .collect();
    sum_of(&parts).map_or(Fig::Missing, Fig::Computed)
}

/// Targets against results on a report page.
#[derive(Serialize)]
struct ProgressView {
    counts: Vec<ProgressCount>,
    rows: Vec<ProgressRow>,
}

#[derive(Serialize)]
struct ProgressCount {
    class: &'static str,
    label: String,
    count: usize,
}

/// An indicator (with its name) or a goal, its target, its result and whether it was met.
#[derive(Serialize)]
struct ProgressRow {
    name: Option<Frag>,
    target: Frag,
    actual: Frag,
    outcome: String,
    class: &'static str,
    /// A goal's targets one by one, on Chinese pages (its clauses are read in Chinese).
    parts: Vec<ProgressPart>,
}

#[derive(Serialize)]
struct ProgressPart {
    target: Frag,
    actual: Option<Frag>,
    outcome: String,
    class: &'static str,
}

/// `text` as fragments, each run of Chinese characters marked as Chinese when `mark` (a page
/// in a language not written in Chinese): a column's Chinese name on the English data page.
fn zh_runs(text: &str, mark: bool) -> Vec<Frag> {
    let mut out: Vec<Frag> = Vec::new();
    for c in text.chars() {
        let lang = (mark && tables::has_cjk(c.encode_utf8(&mut [0; 4]))).then_some("zh-CN");
        match out.last_mut() {
            Some(last) if last.lang == lang => last.text.push(c),
            _ => out.push(Frag {
                text: c.to_string(),
                lang,
            }),
        }
    }
    out
}

/// Runs `each` with a renderer for every language; the files it pushes go to `sink`, the
/// problems are collected (pages render in parallel, so nothing stops at the first one).
fn per_language(
    site: &Site,
    theme: &Theme,
    sink: crate::Sink,
    each: impl Fn(&Renderer, &(dyn Fn(Result<OutputFile, Diagnostic>) + Sync)),
) -> Result<(), Vec<Diagnostic>> {
    let problems = std::sync::Mutex::new(Vec::new());
    let push = |res: Result<OutputFile, Diagnostic>| match res {
        Ok(f) => sink(f),
        Err(d) => problems.lock().unwrap_or_else(|e| e.into_inner()).push(d),
    };
    for lang in site.languages() {
        each(&Renderer::new(site, theme, *lang), &push);
    }
    let problems = problems.into_inner().unwrap_or_else(|e| e.into_inner());
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

/// Renders every page of the site, handing each file to `sink` as soon as it is ready (pages
/// are rendered in parallel; nothing accumulates in memory).
pub fn render_all(
    site: &Site,
    theme: &Theme,
    progress: crate::Progress,
    sink: crate::Sink,
) -> Result<(), Vec<Diagnostic>> {
    use rayon::prelude::*;
    let total = site.reports.len() * site.languages().len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    per_language(site, theme, sink, |r, push| {
        push(r.at("").home());
        push(r.at("parks/").parks_index());
        site.units
            .par_iter()
            .for_each(|unit| push(r.at(&unit_path(unit)).park(unit)));
        site.reports.par_iter().for_each(|entry| {
            push(r.at(&entry.path()).report(entry));
            progress(done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1, total);
        });
        push(r.at("years/").years_index());
        site.years().par_iter().for_each(|year| year_pages(r, *year, push));
    })
}

/// A year's page and its comparison sorted by each figure, on pages of their own.
fn year_pages(r: &Renderer, year: u16, push: &(dyn Fn(Result<OutputFile, Diagnostic>) + Sync)) {
    push(r.at(&year_path(year)).year(year));
    // Only a year with department reports has a comparison to sort.
    if super::overview::year_total(r.site, year).2 == 0 {
        return;
    }
    for (key, _, _) in &super::overview::SORTS[1..] {
        push(r.at(&super::overview::sorted_path(year, key)).year_sorted(year, key));
    }
}

/// The pages of the units `ids` (for `serve` after an edit): their unit pages and report
/// pages with charts, in every language.
pub fn render_units(site: &Site, theme: &Theme, ids: &[String], sink: crate::Sink) -> Result<(), Vec<Diagnostic>> {
    use rayon::prelude::*;
    let units: Vec<&Unit> = site.units.iter().copied().filter(|u| ids.contains(&u.id)).collect();
    let entries: Vec<&ReportEntry> = site.reports.iter().filter(|e| ids.contains(&e.unit.id)).collect();
    per_language(site, theme, sink, |r, push| {
        units
            .par_iter()
            .for_each(|unit| push(r.at(&unit_path(unit)).park(unit)));
        entries
            .par_iter()
            .for_each(|entry| push(r.at(&entry.path()).report(entry)));
    })
}

/// The listings that show units and reports (home, unit index, year index, the pages of
/// `years`), in every language.
pub fn render_listings(site: &Site, theme: &Theme, years: &[u16], sink: crate::Sink) -> Result<(), Vec<Diagnostic>> {
    use rayon::prelude::*;
    per_language(site, theme, sink, |r, push| {
        rayon::join(
            || {
                push(r.at("").home());
                push(r.at("parks/").parks_index());
                push(r.at("years/").years_index());
            },
            || years.par_iter().for_each(|year| year_pages(r, *year, push)),
        );
    })
}

/// The pages that summarise the whole site's data rather than show a unit: the data page
/// (row counts of the downloads), the search page (all units and years, for readers without
/// JavaScript) and the 404 page, in every language.
pub fn render_site_pages(
    site: &Site,
    theme: &Theme,
    downloads: &[super::package::Download],
    sink: crate::Sink,
) -> Result<(), Vec<Diagnostic>> {
    per_language(site, theme, sink, |r, push| {
        push(r.at("data/").data_page(downloads));
        push(r.at("search/").search_page());
        push(r.at(super::glossary::PATH).glossary_page());
        push(r.at("404.html").not_found());
    })
}

/// The page of a unit, below the site root: `parks/<id>/`.
fn unit_path(unit: &Unit) -> String {
    format!("parks/{}/", unit.id)
}

/// The page of a year, below the site root: `years/<year>/`.
fn year_path(year: u16) -> String {
    format!("years/{year}/")
}

/// Renders the pages of one language; [`Renderer::at`] places it at one page, which every
/// link it makes is relative to.
#[derive(Clone)]
struct Renderer<'a> {
    site: &'a Site<'a>,
    theme: &'a Theme,
    lang: Lang,
    /// The theme's templates with this language's UI strings as globals: converted once, not
    /// for each of thousands of pages.
    tera: std::sync::Arc<tera::Tera>,
    /// The folder of the page being rendered, below the site root with the language's folder
    /// (`en/parks/x/2019/`): links are relative to it (see [`crate::site::relative`]).
    here: String,
}

impl<'a> Renderer<'a> {
    fn new(site: &'a Site<'a>, theme: &'a Theme, lang: Lang) -> Renderer<'a> {
        let mut tera = theme.tera.clone();
        let globals = tera.global_context();
        globals.insert("lang", lang.code());
        globals.insert("is_primary", &lang.is_primary());
        globals.insert("html_lang", lang.html());
        globals.insert("t", theme.t(lang.code()));
        Renderer {
            site,
            theme,
            lang,
            tera: tera.into(),
            here: lang.path(""),
        }
    }

    /// This renderer placed at the page `path` (language-neutral, below the site root:
    /// `parks/x/`, `404.html`).
    fn at(&self, path: &str) -> Renderer<'a> {
        let full = self.lang.path(path);
        let here = full[..full.rfind('/').map_or(0, |i| i + 1)].to_string();
        Renderer { here, ..self.clone() }
    }
}

impl Renderer<'_> {
    /// `zh` or `en` by the language's built-in word set.
    fn pick(&self, zh: &str, en: &str) -> String {
        self.lang.pick(zh, en).to_string()
    }

    /// The language and words charts are drawn in.
    fn chart_cx(&self) -> super::chart_specs::Cx<'_> {
        super::chart_specs::Cx {
            lang: self.lang,
            words: self.theme.words(self.lang.code()),
        }
    }

    /// A unit of measure as the page's language writes it (theme i18n `[units]`).
    fn measure(&self, unit: &str) -> String {
        self.theme.words(self.lang.code()).unit(unit)
    }

    fn t(&self, key: &str) -> String {
        self.theme
            .t(self.lang.code())
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    /// Address of a theme script by its logical name.
    fn asset(&self, name: &str) -> String {
        let file = self
            .theme
            .scripts
            .get(name)
            .map(|(hashed, _)| hashed.as_str())
            .unwrap_or(name);
        self.file(&format!("assets/{file}"))
    }

    /// Link to the page `path` (language-neutral, below the site root) in this language.
    fn url(&self, path: &str) -> String {
        self.link(self.lang, path)
    }

    /// Link to the page `path` in `lang`.
    fn link(&self, lang: Lang, path: &str) -> String {
        crate::site::relative(&self.here, &lang.path(path))
    }

    /// Link to a file that is the same in every language (`data/…`, `assets/…`, a report's
    /// `report.json`): `path` below the site root.
    fn file(&self, path: &str) -> String {
        crate::site::relative(&self.here, path)
    }

    fn unit_name(&self, unit: &Unit) -> String {
        self.pick(&unit.profile.name, &unit.profile.name_en)
    }

    fn report_title(&self, entry: &ReportEntry) -> (String, Option<&'static str>) {
        let r = entry.report;
        if self.lang.is_primary() {
            return (r.front.title.clone(), None);
        }
        match r.translation(self.lang).and_then(|t| t.front.title.clone()) {
            Some(t) => (t, None),
            None => (default_title(entry, self.lang), None),
        }
    }

    /// A grade as the theme names it (`grade_good` …).
    fn grade_name(&self, g: crate::content::model::Grade) -> String {
        self.t(tables::grade_key(g))
    }

    /// The report kind as the theme names it (`kind_department`, `kind_project`).
    fn kind_name(&self, kind: Kind) -> String {
        self.t(match kind {
            Kind::Department => "kind_department",
            Kind::Project => "kind_project",
        })
    }

    fn site_view(&self) -> SiteView {
        let c = &self.site.config.site;
        SiteView {
            title: self.pick(&c.title, &c.title_en),
            description: self.pick(
                c.description.as_deref().unwrap_or(&c.title),
                c.description_en.as_deref().unwrap_or(&c.title_en),
            ),
            publisher: self.pick(&c.publisher, &c.publisher_en),
            license: c.data_license.clone(),
            license_url: c.data_license_url.clone(),
            home: self.url(""),
            css: self.file(&format!("assets/{}", self.theme.css_name)),
            data_url: self.file("data/reports.json"),
            nav: vec![
                Link {
                    text: self.t("nav_home"),
                    url: self.url(""),
                    lang: None,
                },
                Link {
                    text: self.t("nav_parks"),
                    url: self.url("parks/"),
                    lang: None,
                },
                Link {
                    text: self.t("nav_years"),
                    url: self.url("years/"),
                    lang: None,
                },
                Link {
                    text: self.t("nav_data"),
                    url: self.url("data/"),
                    lang: None,
                },
            ],
            feed: self.url("feed.xml"),
            options_js: self.asset("options.js"),
            favicon: self
                .theme
                .scripts
                .contains_key("favicon.svg")
                .then(|| self.asset("favicon.svg")),
            search: self.url("search/"),
            glossary: self.url(super::glossary::PATH),
            gov: GovMeta {
                site_name: c.site_name.clone().unwrap_or_default(),
                site_domain: c.site_domain.clone().unwrap_or_default(),
                site_id_code: c.site_id_code.clone().unwrap_or_default(),
            },
            footer: self.footer_view(),
        }
    }

    /// Text of a setting with an English twin: the twin on pages not in Chinese when it is
    /// set, else the Chinese text, marked as Chinese there.
    fn setting(&self, zh: Option<&String>, en: Option<&String>) -> Option<Frag> {
        let text = self.lang.pick(zh, en.or(zh))?.clone();
        Some(self.frag(text))
    }

    /// `text` as shown on this page, marked when it is Chinese on a page that is not.
    fn frag(&self, text: String) -> Frag {
        let lang = self.lang.mark_chinese(&text);
        Frag { text, lang }
    }

    fn footer_view(&self) -> FooterView {
        let config = self.site.config;
        let c = &config.site;
        FooterView {
            operator: self.setting(c.operator.as_ref(), c.operator_en.as_ref()),
            contact: self.setting(c.contact.as_ref(), c.contact_en.as_ref()),
            site_id_code: c.site_id_code.clone(),
            icp_record: c.icp_record.clone().map(|t| self.frag(t)),
            icp_url: crate::config::ICP_RECORD_URL,
            police_record: c.police_record.clone().map(|t| self.frag(t)),
            police_url: config.police_record_url(),
            badge: config.badge.as_ref().map(|b| match b {
                crate::config::Badge::Address(url) => url.clone(),
                crate::config::Badge::File { name, .. } => self.asset(name),
            }),
            badge_url: c.conac_badge_url.clone(),
        }
    }

    fn page(&self, kind: &'static str, path: &str, title: String, description: String, crumbs: Vec<Link>) -> PageView {
        let langs = self.site.languages();
        let mut alternates: Vec<Alternate> = langs
            .iter()
            .map(|l| Alternate {
                hreflang: l.html(),
                href: self.site.absolute(*l, path),
            })
            .collect();
        // Chinese is authoritative: it is the page for readers of any other language.
        alternates.push(Alternate {
            hreflang: "x-default",
            href: self.site.absolute(self.site.primary(), path),
        });
        let others: Vec<Lang> = langs.iter().copied().filter(|l| *l != self.lang).collect();
        let title_lang = self.lang.mark_chinese(&title);
        let mut breadcrumbs = vec![Link {
            text: self.t("nav_home"),
            url: self.url(""),
            lang: None,
        }];
        breadcrumbs.extend(crumbs);
        let c = &self.site.config.site;
        let (col_zh, col_en, desc_zh, desc_en) = match kind {
            "parks" | "park" => (
                "园区与单位",
                "Parks and units",
                "各园区管委会和部门的基本情况及绩效自评报告。",
                "Profiles and reports of park administrative committees and departments.",
            ),
            "years" | "year" => (
                "年度报告",
                "Reports by year",
                "按年度浏览绩效自评报告。",
                "Performance self-evaluation reports by year.",
            ),
            "report" => (
                "绩效自评报告",
                "Performance self-evaluation reports",
                "部门整体支出和项目支出绩效自评报告全文及数据。",
                "Full text and figures of expenditure performance self-evaluation reports.",
            ),
            "data" => (
                "数据下载",
                "Data",
                "全部报告数据的批量下载。",
                "Bulk downloads of every report's figures.",
            ),
            _ => (
                c.title.as_str(),
                c.title_en.as_str(),
                c.description.as_deref().unwrap_or(&c.title),
                c.description_en.as_deref().unwrap_or(&c.title_en),
            ),
        };
        let site_keywords = self.lang.pick(&c.keywords, &c.keywords_en).join(",");
        let column = ColumnMeta {
            name: self.pick(col_zh, col_en),
            description: self.pick(desc_zh, desc_en),
            keywords: site_keywords.clone(),
            kind: c.column_type.clone(),
        };
        PageView {
            column,
            article: None,
            keywords: site_keywords,
            author: self.pick(&c.publisher, &c.publisher_en),
            og_type: "website",
            og_locale: self.lang.og_locale(),
            og_locale_alternates: others.iter().map(|l| l.og_locale()).collect(),
            base: None,
            kind,
            title,
            title_lang,
            description,
            error_report: self.site.config.error_report_url(&self.site.absolute(self.lang, path)),
            canonical: self.site.absolute(self.lang, path),
            alternates,
            switches: others
                .iter()
                .map(|l| Link {
                    text: self.theme.t(l.code()).get("language_name").cloned().unwrap_or_default(),
                    url: self.link(*l, path),
                    lang: Some(l.html()),
                })
                .collect(),
            breadcrumbs,
        }
    }

    /// A top-level section page (`parks/`, `years/`, `data/`, `search/`): its own title as the
    /// one breadcrumb after the home page.
    fn section_page(&self, kind: &'static str, path: &str, title: String, description: String) -> PageView {
        let crumb = Link {
            text: title.clone(),
            url: self.url(path),
            lang: None,
        };
        self.page(kind, path, title, description, vec![crumb])
    }

    fn render(
        &self,
        template: &str,
        out_path: String,
        page: PageView,
        extra: impl FnOnce(&mut tera::Context),
    ) -> Result<OutputFile, Diagnostic> {
        let out = self.lang.path(&out_path);
        debug_assert_eq!(
            self.here,
            out[..out.rfind('/').map_or(0, |i| i + 1)],
            "{out_path} rendered by a renderer placed elsewhere: its links would be wrong"
        );
        let mut ctx = tera::Context::new();
        ctx.insert("page", &page);
        // Site-wide links are relative to the page, so the site view is made for each page.
        ctx.insert("site", &self.site_view());
        extra(&mut ctx);
        let html = self.tera.render(template, &ctx).map_err(|e| {
            crate::theme::template_error(
                &e,
                &self
                    .site
                    .config
                    .root
                    .join("themes")
                    .join(&self.site.config.site.theme)
                    .join("templates")
                    .join(template),
            )
        })?;
        let html = if template == "glossary.html" {
            html
        } else {
            super::terms::link_first_uses(&html, self.lang.labels(), &self.url(super::glossary::PATH))
        };
        Ok(OutputFile {
            path: out,
            bytes: html.into_bytes(),
        })
    }

    /// Draws `charts` for a page, inline: the page script saves one as an `.svg` file
    /// on request, so none is written beside the page.
    fn charts(&self, charts: Vec<crate::charts::BarChart>) -> Vec<ChartView> {
        charts
            .into_iter()
            .map(|c| {
                let drawn = c.draw();
                let file_name = format!("{}.svg", c.id);
                let headers = if c.series.is_empty() {
                    vec![self.t("chart_value")]
                } else {
                    c.series.clone()
                };
                let rows = c
                    .categories
                    .iter()
                    .map(|cat| ChartRow {
                        label: cat.label.clone(),
                        cells: cat
                            .values
                            .iter()
                            .map(|v| match v {
                                Some(v) => ChartCell {
                                    text: v.label.clone(),
                                    nd: false,
                                },
                                None => ChartCell {
                                    text: c.not_disclosed.clone(),
                                    nd: true,
                                },
                            })
                            .collect(),
                    })
                    .collect();
                ChartView {
                    id: c.id.clone(),
                    title: c.title.clone(),
                    unit_note: c.unit_note.clone(),
                    svg: drawn.inline,
                    file_name,
                    headers,
                    rows,
                }
            })
            .collect()
    }

    fn report_row(&self, e: &ReportEntry) -> ReportRow {
        let f = &e.report.front;
        let (title, lang) = self.report_title(e);
        ReportRow {
            title: Link {
                text: title,
                url: self.url(&e.path()),
                lang,
            },
            unit: Link {
                text: self.unit_name(e.unit),
                url: self.url(&unit_path(e.unit)),
                lang: None,
            },
            year: f.year,
            kind: self.kind_name(f.kind),
            score: f.evaluation.as_ref().and_then(|v| v.score).map(|s| s.grouped()),
            grade: f.evaluation.as_ref().and_then(|v| v.grade).map(|g| self.grade_name(g)),
            total: f.expenditure.as_ref().and_then(|x| x.total).map(|t| t.grouped()),
            unit_of_total: self.measure(&f.amount_unit),
        }
    }

    fn unit_row(&self, unit: &Unit) -> UnitRow {
        UnitRow {
            name: Link {
                text: self.unit_name(unit),
                url: self.url(&unit_path(unit)),
                lang: None,
            },
            region: self.region(unit).unwrap_or_default(),
            // The profile's level is the site's own metadata: left blank when not given,
            // never 未披露 (which would read as the government withholding it).
            level: unit.profile.level.map(|l| self.level(l)).unwrap_or_default(),
            years: self
                .site
                .reports_of(&unit.id)
                .iter()
                .map(|e| Link {
                    text: e.report.front.year.to_string(),
                    url: self.url(&e.path()),
                    lang: None,
                })
                .collect(),
        }
    }

    fn region(&self, unit: &Unit) -> Option<String> {
        let join = |r: &Region, sep: &str, rev: bool| {
            let mut parts: Vec<&str> = [&r.province, &r.city, &r.county]
                .iter()
                .filter_map(|p| p.as_deref())
                .collect();
            if rev {
                parts.reverse();
            }
            parts.join(sep)
        };
        let chinese = || unit.profile.region.as_ref().map(|r| join(r, "", false));
        match self.lang.labels() {
            Labels::Chinese => chinese(),
            Labels::English => unit
                .profile
                .region_en
                .as_ref()
                .map(|r| join(r, ", ", true))
                .or_else(chinese),
        }
        .filter(|s| !s.is_empty())
    }

    fn level(&self, level: Level) -> String {
        let (zh, en) = match level {
            Level::National => ("国家级", "National"),
            Level::Provincial => ("省级", "Provincial"),
            Level::Municipal => ("市级", "Municipal"),
            Level::County => ("县级", "County"),
            Level::Other => ("其他", "Other"),
        };
        self.pick(zh, en)
    }

    fn home(&self) -> Result<OutputFile, Diagnostic> {
        let site = self.site;
        let mut latest: Vec<&ReportEntry> = site.reports.iter().collect();
        latest.sort_by(|a, b| (b.report.front.year, &a.unit.id).cmp(&(a.report.front.year, &b.unit.id)));
        let latest: Vec<ReportRow> = latest.into_iter().take(10).map(|e| self.report_row(e)).collect();
        let units: Vec<UnitRow> = site.units.iter().map(|u| self.unit_row(u)).collect();
        let totals: Vec<YearTotal> = site.years().into_iter().map(|y| self.year_total(y)).collect();
        let stats = vec![
            (self.t("stat_units"), site.units.len().to_string()),
            (self.t("stat_reports"), site.reports.len().to_string()),
            (self.t("stat_years"), site.years().len().to_string()),
        ];
        let title = self.site_view().title;
        let page = self.page("home", "", title, self.site_view().description, Vec::new());
        // The home page compares units in the latest year where two or more department
        // reports state the total (a comparison of one is no comparison), else the latest.
        let compared = site
            .years()
            .into_iter()
            .find(|&y| super::overview::year_total(site, y).1 >= 2)
            .or_else(|| site.years().first().copied());
        let charts = match compared {
            Some(y) => self.charts(super::chart_specs::year(site, y, self.chart_cx())),
            None => Vec::new(),
        };
        self.render("home.html", "index.html".into(), page, |ctx| {
            ctx.insert("charts", &charts);
            ctx.insert("latest", &latest);
            ctx.insert("units", &units);
            ctx.insert("units_url", &self.url("parks/"));
            ctx.insert("totals", &totals);
            ctx.insert("stats", &stats);
        })
    }

    /// A year's total expenditure: the sum over the department reports that state it, and how
    /// many of how many do (project reports count only their project's money).
    fn year_total(&self, year: u16) -> YearTotal {
        let reports = self.site.reports.iter().filter(|e| e.report.front.year == year).count();
        let (sum, disclosed, department) = super::overview::year_total(self.site, year);
        let note = if department == 0 {
            self.pick("本年度没有部门整体支出报告", "No department report this year")
        } else {
            self.pick(
                &format!("{department} 份部门整体支出报告中有 {disclosed} 份列出"),
                &format!("{disclosed} of {department} department report(s) state it"),
            )
        };
        YearTotal {
            year: Link {
                text: year.to_string(),
                url: self.url(&year_path(year)),
                lang: None,
            },
            reports,
            department,
            disclosed,
            total: sum.map(|d| d.grouped()),
            unit: self.measure("万元"),
            note,
        }
    }

    fn parks_index(&self) -> Result<OutputFile, Diagnostic> {
        let units: Vec<UnitRow> = self.site.units.iter().map(|u| self.unit_row(u)).collect();
        let title = self.t("nav_parks");
        let page = self.section_page("parks", "parks/", title, self.t("parks_description"));
        self.render("parks.html", "parks/index.html".into(), page, |ctx| {
            ctx.insert("units", &units)
        })
    }

    fn park(&self, unit: &Unit) -> Result<OutputFile, Diagnostic> {
        let p = &unit.profile;
        let nd = self.t("not_disclosed");
        let fact = |label: &str, value: Option<String>| {
            let missing = value.is_none();
            let text = value.unwrap_or_else(|| nd.clone());
            Fact {
                label: label.to_string(),
                value: Frag {
                    lang: self.lang.mark_chinese(&text),
                    text,
                },
                missing,
            }
        };
        let industries = if self.lang.labels() == Labels::Chinese || p.leading_industries_en.is_empty() {
            p.leading_industries.join("、")
        } else {
            p.leading_industries_en.join("; ")
        };
        let area =
            |a: Option<crate::decimal::Dec>| a.map(|a| format!("{} {}", a.grouped(), self.pick("平方公里", "km²")));
        let committee = self.lang.pick(
            p.committee.clone(),
            p.committee_en.clone().or_else(|| p.committee.clone()),
        );
        let facts = vec![
            fact(&self.t("fact_name"), Some(self.pick(&p.name, &p.name_en))),
            fact(&self.t("fact_committee"), committee),
            fact(
                &self.t("fact_type"),
                Some(match p.unit_type {
                    UnitType::Park => self.t("type_park"),
                    UnitType::Bureau => self.t("type_bureau"),
                }),
            ),
            fact(&self.t("fact_region"), self.region(unit)),
            fact(&self.t("fact_level"), p.level.map(|l| self.level(l))),
            fact(&self.t("fact_established"), p.established.clone()),
            fact(&self.t("fact_planned_area"), area(p.planned_area)),
            fact(&self.t("fact_built_area"), area(p.built_area)),
            fact(
                &self.t("fact_industries"),
                (!industries.is_empty()).then_some(industries),
            ),
        ];
        // The profile is the site's own metadata: a fact not given is left out, not marked
        // 未披露 (which would read as the government withholding it).
        let facts: Vec<Fact> = facts.into_iter().filter(|f| !f.missing).collect();
        // A bureau's reports cover several parks: name them, linking those that have pages.
        let covers: Vec<Link> = p
            .covers
            .iter()
            .map(|id| match self.site.units.iter().find(|u| &u.id == id) {
                Some(u) => Link {
                    text: self.unit_name(u),
                    url: self.url(&format!("parks/{id}/")),
                    lang: None,
                },
                None => Link {
                    text: id.clone(),
                    url: String::new(),
                    lang: None,
                },
            })
            .collect();
        let (body, body_lang) = match unit.body_in(self.lang) {
            _ if self.lang.is_primary() => (markdown::render(&unit.body).html, None),
            Some(translated) => (markdown::render(translated).html, None),
            None => (markdown::render(&unit.body).html, Some(self.site.primary().html())),
        };
        let reports: Vec<ReportRow> = self
            .site
            .reports_of(&unit.id)
            .iter()
            .map(|e| self.report_row(e))
            .collect();
        let path = unit_path(unit);
        let charts = self.charts(super::chart_specs::unit(self.site, &unit.id, self.chart_cx()));
        let trends = super::overview::trends(self.site, &unit.id, self.chart_cx());
        let trends_words = TrendWords {
            heading: self.pick("历年变化", "Over the years"),
            lead: self.pick(
                "本单位两份及以上部门整体支出报告都列出的数据，按年度排列，并与上一份列出该数据的报告比较。",
                "Every figure that two or more of this unit's department reports state, year by year, compared with the previous report that states it.",
            ),
            value: self.pick("数值", "Value"),
            change: self.pick("比上年", "Change"),
            not_stated: self.pick("未列出", "not stated"),
        };
        let name = self.unit_name(unit);
        let description = self.pick(
            &format!("{name}的基本情况和历年绩效自评报告。"),
            &format!("Profile of {name} and its performance self-evaluation reports by year."),
        );
        let crumbs = vec![
            Link {
                text: self.t("nav_parks"),
                url: self.url("parks/"),
                lang: None,
            },
            Link {
                text: name.clone(),
                url: self.url(&path),
                lang: None,
            },
        ];
        let page = self.page("park", &path, name, description, crumbs);
        let json = self.file(&format!("{path}park.json"));
        self.render("park.html", format!("{path}index.html"), page, |ctx| {
            ctx.insert("facts", &facts);
            ctx.insert("covers", &covers);
            ctx.insert("body", &body);
            ctx.insert("body_lang", &body_lang);
            ctx.insert("reports", &reports);
            ctx.insert("charts", &charts);
            ctx.insert("trends", &trends);
            ctx.insert("trends_words", &trends_words);
            ctx.insert("json_url", &json);
        })
    }

    fn report(&self, entry: &ReportEntry) -> Result<OutputFile, Diagnostic> {
        let r: &Report = entry.report;
        let f = &r.front;
        let path = entry.path();
        let (title, _) = self.report_title(entry);
        let words = self.theme.words(self.lang.code());
        let tables = tables::report_tables(f, self.lang, words);
        let translation = r.translation(self.lang);
        let tr = translation.map(|t| &t.front);
        let key_figures = self.key_figures(r);
        let names = indicator_names(f, tr);
        let mut specs = super::chart_specs::report(f, self.chart_cx());
        for cat in specs.iter_mut().flat_map(|c| c.categories.iter_mut()) {
            cat.label = translate_names(&cat.label, &names);
        }
        let charts = self.charts(specs);
        let (narrative, narrative_lang, toc) = self.narrative(r, translation);
        let narrative_missing = !self.lang.is_primary() && narrative.is_empty();
        let summary = if self.lang.is_primary() {
            f.summary.clone()
        } else {
            tr.and_then(|t| t.summary.clone())
        };
        let notes = self.report_notes(f, tr);
        let filer = self.filer(entry, tr);
        let form = super::form::form(f, tr, &filer, self.lang, words);
        let others = self.other_reports(entry);
        let checks: Vec<CheckRow> = entry
            .checks
            .iter()
            .map(|c| {
                let mut row = self.check_row(c);
                row.rule = translate_names(&row.rule, &names);
                row
            })
            .collect();
        let mismatches = self.mismatch_lines(entry, &checks);
        let progress = self.progress(f, tr);
        let unit_name = self.unit_name(entry.unit);
        let description = summary
            .clone()
            .unwrap_or_else(|| self.report_description(&unit_name, f));
        let crumbs = self.report_crumbs(entry, &unit_name, &path);
        let mut page = self.page("report", &path, title, description, crumbs);
        page.og_type = "article";
        page.keywords = [
            unit_name.clone(),
            format!("{}", f.year),
            self.kind_name(f.kind),
            page.keywords.clone(),
        ]
        .into_iter()
        .filter(|k| !k.is_empty())
        .collect::<Vec<_>>()
        .join(",");
        page.author = filer.clone();
        page.article = Some(ArticleMeta {
            title: page.title.clone(),
            pub_date: f.published.as_ref().filter(|p| p.len() == 16).cloned(),
            published_time: f.published.as_ref().map(|p| crate::render::feeds::iso_date(p)),
            source: filer.clone(),
        });
        let json = self.file(&format!("{path}report.json"));
        let csv = self.file(&super::package::unit_csv(&entry.unit.id));
        let zh_url = self.link(self.site.primary(), &path);
        let meta = vec![(
            self.t("meta_unit"),
            Link {
                text: filer.clone(),
                url: self.url(&unit_path(entry.unit)),
                lang: self.lang.mark_chinese(&filer),
            },
        )];
        self.render("report.html", format!("{path}index.html"), page, |ctx| {
            ctx.insert("year", &f.year);
            ctx.insert("kind", &self.kind_name(f.kind));
            ctx.insert("meta", &meta);
            ctx.insert("published", &f.published);
            ctx.insert("disclosure", &self.disclosure(f));
            ctx.insert("updated", &f.updated);
            ctx.insert(
                "project_name",
                &tr.and_then(|t| t.project_name.clone()).or(f.project_name.clone()),
            );
            ctx.insert("summary", &summary);
            ctx.insert("key_figures", &key_figures);
            ctx.insert("progress", &progress);
            ctx.insert("glossary_url", &self.url(super::glossary::PATH));
            ctx.insert("form", &form);
            ctx.insert("tables", &tables);
            ctx.insert("charts", &charts);
            ctx.insert("checks", &checks);
            ctx.insert("mismatches", &mismatches);
            ctx.insert("notes", &notes);
            ctx.insert("narrative", &narrative);
            ctx.insert("narrative_lang", &narrative_lang);
            ctx.insert("narrative_missing", &narrative_missing);
            ctx.insert("toc", &toc);
            ctx.insert("json_url", &json);
            let original = super::data::source_file_path(entry);
            ctx.insert("source_file_url", &original.as_ref().map(|p| self.file(p)));
            ctx.insert("source_file_name", &f.source_file);
            ctx.insert("source_url", &f.source_url);
            ctx.insert("csv_url", &csv);
            ctx.insert("data_page", &self.url("data/"));
            ctx.insert("zh_url", &zh_url);
            ctx.insert("others", &others);
            ctx.insert("amount_unit", &self.measure(&f.amount_unit));
        })
    }

    /// Targets against results ([`super::progress`]): each indicator row and goal that states
    /// both, with whether it was met, and the counts; `None` when the report states none.
    fn progress(
        &self,
        f: &crate::content::model::ReportFront,
        tr: Option<&crate::content::model::TranslationFront>,
    ) -> Option<ProgressView> {
        use super::progress::{self, Outcome};
        let chinese = self.lang.labels() == Labels::Chinese;
        // Text of the page's language: the translation's where it gives it, else the report's,
        // marked as Chinese.
        // A sentence's full stop would sit before the `; result …` that follows it.
        let bare = |t: &str| t.trim().trim_end_matches(['。', '.']).to_string();
        let text =
            |own: &str, translated: Option<&String>| match translated.filter(|t| !chinese && !t.trim().is_empty()) {
                Some(t) => Frag {
                    text: bare(t),
                    lang: None,
                },
                None => self.frag(bare(own)),
            };
        let mut rows = Vec::new();
        for (i, ind) in f.indicators.iter().enumerate() {
            let Some(c) = progress::indicator(ind) else { continue };
            let t = tr.and_then(|t| t.indicators.get(i));
            rows.push(ProgressRow {
                name: Some(text(&c.name, t.and_then(|t| t.level3.as_ref()))),
                target: text(&c.target, t.and_then(|t| t.target.as_ref())),
                actual: text(&c.actual, t.and_then(|t| t.actual.as_ref())),
                outcome: self.t(&format!("progress_{}", c.outcome.key().replace('-', "_"))),
                class: c.outcome.key(),
                parts: Vec::new(),
            });
        }
        for (i, g) in f.goals.iter().enumerate() {
            let Some((overall, pairs)) = progress::goal(g) else {
                continue;
            };
            let t = tr.and_then(|t| t.goals.get(i));
            let parts = pairs
                .iter()
                .map(|p| ProgressPart {
                    target: self.frag(p.target.clone()),
                    actual: (!p.actual.is_empty()).then(|| self.frag(p.actual.clone())),
                    outcome: self.t(&format!("progress_{}", p.outcome.key().replace('-', "_"))),
                    class: p.outcome.key(),
                })
                .collect();
            rows.push(ProgressRow {
                name: None,
                target: text(
                    g.target.as_deref().unwrap_or_default(),
                    t.and_then(|t| t.target.as_ref()),
                ),
                actual: text(
                    g.actual.as_deref().unwrap_or_default(),
                    t.and_then(|t| t.actual.as_ref()),
                ),
                outcome: self.t(&format!("progress_{}", overall.key().replace('-', "_"))),
                class: overall.key(),
                parts: if chinese { parts } else { Vec::new() },
            });
        }
        // Economic results with the target the report set for them (`economy[].target`).
        for item in &f.economy {
            let zh = item.label.clone().or(item.name.clone()).unwrap_or_default();
            let en = item.label_en.clone().or(item.name_en.clone());
            let unit = item.unit.clone().unwrap_or_else(|| f.amount_unit.clone());
            let Some(c) = progress::economic(item, zh.clone(), &unit, &self.measure(&unit), chinese) else {
                continue;
            };
            let name = match en.filter(|_| !chinese) {
                Some(en) => Frag { text: en, lang: None },
                None => self.frag(zh),
            };
            rows.push(ProgressRow {
                name: Some(name),
                target: text(&c.target, item.target_en.as_ref()),
                actual: self.frag(c.actual),
                outcome: self.t(&format!("progress_{}", c.outcome.key().replace('-', "_"))),
                class: c.outcome.key(),
                parts: Vec::new(),
            });
        }
        if rows.is_empty() {
            return None;
        }
        let counts = [Outcome::Met, Outcome::NotMet, Outcome::Partly, Outcome::Unclear]
            .into_iter()
            .map(|o| ProgressCount {
                class: o.key(),
                label: self.t(&format!("progress_{}", o.key().replace('-', "_"))),
                count: rows.iter().filter(|r| r.class == o.key()).count(),
            })
            .filter(|c| c.count > 0)
            .collect();
        Some(ProgressView { counts, rows })
    }

    /// 名词解释 / Glossary: every term with its plain-language definition, each at its anchor.
    fn glossary_page(&self) -> Result<OutputFile, Diagnostic> {
        #[derive(Serialize)]
        struct TermView {
            id: &'static str,
            name: &'static str,
            /// The term in the other language, with that language's code.
            other: &'static str,
            other_lang: &'static str,
            definition: &'static str,
        }
        let chinese = self.lang.labels() == Labels::Chinese;
        let terms: Vec<TermView> = super::glossary::TERMS
            .iter()
            .map(|t| TermView {
                id: t.id,
                name: if chinese { t.zh } else { t.en },
                other: if chinese { t.en } else { t.zh },
                other_lang: if chinese { "en" } else { "zh-CN" },
                definition: if chinese { t.def_zh } else { t.def_en },
            })
            .collect();
        let title = self.t("nav_glossary");
        let page = self.section_page("glossary", super::glossary::PATH, title, self.t("glossary_description"));
        self.render(
            "glossary.html",
            format!("{}index.html", super::glossary::PATH),
            page,
            |ctx| {
                ctx.insert("terms", &terms);
            },
        )
    }

    /// The 信息公开 block: `None` when the report gives none of 索引号, 发布机构, 文号 and
    /// 主题分类 (a block with the publication date alone would repeat the line under the title).
    fn disclosure(&self, f: &crate::content::model::ReportFront) -> Option<DisclosureView> {
        let text = |v: &Option<String>| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| self.frag(v.to_string()))
        };
        let view = DisclosureView {
            index_number: text(&f.index_number),
            issuer: text(&f.issuer),
            date: f.published.as_ref().map(|p| p.chars().take(10).collect()),
            document_number: text(&f.document_number),
            subject: text(&f.subject),
        };
        let any = view.index_number.is_some()
            || view.issuer.is_some()
            || view.document_number.is_some()
            || view.subject.is_some();
        any.then_some(view)
    }

    /// The report's text in the page's language: the Chinese body, or its translation; none
    /// when the translation has no text (the page then says so).
    fn narrative<'t>(
        &self,
        r: &Report,
        translation: Option<&'t crate::content::Translation>,
    ) -> (String, Option<&'t str>, Vec<Heading>) {
        match translation {
            _ if self.lang.is_primary() => {
                let m = markdown::render(&r.body);
                (m.html, None, m.headings)
            }
            Some(t) if !t.body.trim().is_empty() => {
                let m = markdown::render(&t.body);
                (m.html, None, m.headings)
            }
            _ => (String::new(), None, Vec::new()),
        }
    }

    /// Notes on the figures: the translation's where it has them, else the report's own
    /// (marked as Chinese), then the translator's note.
    fn report_notes(
        &self,
        f: &crate::content::model::ReportFront,
        tr: Option<&crate::content::model::TranslationFront>,
    ) -> Vec<Frag> {
        let mut notes: Vec<Frag> = match tr {
            Some(t) if !t.notes.is_empty() => t
                .notes
                .iter()
                .map(|n| Frag {
                    text: n.clone(),
                    lang: None,
                })
                .collect(),
            _ => f
                .notes
                .iter()
                .map(|n| Frag {
                    text: n.clone(),
                    lang: self.lang.mark_chinese(n),
                })
                .collect(),
        };
        if let Some(note) = tr.and_then(|t| t.translation_note.clone()) {
            notes.push(Frag { text: note, lang: None });
        }
        notes
    }

    /// Who filed the report, as the page's language names them.
    fn filer(&self, entry: &ReportEntry, tr: Option<&crate::content::model::TranslationFront>) -> String {
        let f = &entry.report.front;
        let profile = &entry.unit.profile;
        match tr.and_then(|t| t.unit_name.clone()) {
            Some(name) => name,
            None => self.lang.pick(
                f.unit_name.clone().unwrap_or_else(|| profile.name.clone()),
                profile.committee_en.clone().unwrap_or_else(|| profile.name_en.clone()),
            ),
        }
    }

    /// Links to the unit's other reports.
    fn other_reports(&self, entry: &ReportEntry) -> Vec<Link> {
        let path = entry.path();
        self.site
            .reports_of(&entry.unit.id)
            .iter()
            .filter(|e| e.path() != path)
            .map(|e| Link {
                text: format!("{} · {}", e.report.front.year, self.kind_name(e.report.front.kind)),
                url: self.url(&e.path()),
                lang: None,
            })
            .collect()
    }

    /// One sentence per figure that does not add up, for the notice above the tables.
    fn mismatch_lines(&self, entry: &ReportEntry, checks: &[CheckRow]) -> Vec<String> {
        entry
            .checks
            .iter()
            .zip(checks)
            .filter(|(_, row)| row.class == "mismatch")
            .map(|(c, row)| {
                if let Some(notice) = c.grade_notice(self.lang.labels() == Labels::Chinese) {
                    return notice;
                }
                let twice = c.stated_twice;
                match (self.lang.labels(), twice) {
                    (Labels::Chinese, false) => format!(
                        "{}：报告所列 {}，按其他数据计算为 {}",
                        row.rule, row.stated, row.computed
                    ),
                    (Labels::Chinese, true) => {
                        format!("{}：报告一处所列 {}，另一处所列 {}", row.rule, row.stated, row.computed)
                    }
                    (Labels::English, false) => format!(
                        "{}: stated {}, the other figures give {}",
                        row.rule, row.stated, row.computed
                    ),
                    (Labels::English, true) => format!(
                        "{}: stated {} in one place and {} in another",
                        row.rule, row.stated, row.computed
                    ),
                }
            })
            .collect()
    }

    /// The page's description when the report gives no summary: what a report of its kind
    /// holds.
    fn report_description(&self, unit_name: &str, f: &crate::content::model::ReportFront) -> String {
        let kind = self.kind_name(f.kind);
        match (self.lang.labels(), f.kind) {
            (Labels::Chinese, Kind::Department) => {
                format!("{unit_name}{}年度{kind}报告，含预算、支出、“三公”经费等数据。", f.year)
            }
            (Labels::Chinese, Kind::Project) => format!(
                "{unit_name}{}年度{kind}报告，含项目资金执行、年度总体目标、绩效指标和自评得分。",
                f.year
            ),
            (Labels::English, Kind::Department) => format!(
                "{unit_name}: {} {} report, with budget, expenditure and other figures.",
                f.year,
                kind.to_lowercase()
            ),
            (Labels::English, Kind::Project) => format!(
                "{unit_name}: {} {} report, with the project's funds and their execution, its objectives, performance indicators and score.",
                f.year,
                kind.to_lowercase()
            ),
        }
    }

    /// Parks › unit › year.
    fn report_crumbs(&self, entry: &ReportEntry, unit_name: &str, path: &str) -> Vec<Link> {
        let f = &entry.report.front;
        vec![
            Link {
                text: self.t("nav_parks"),
                url: self.url("parks/"),
                lang: None,
            },
            Link {
                text: unit_name.to_string(),
                url: self.url(&unit_path(entry.unit)),
                lang: None,
            },
            Link {
                text: format!("{}", f.year),
                url: self.url(path),
                lang: None,
            },
        ]
    }

    fn check_row(&self, c: &crate::figures::checks::Check) -> CheckRow {
        use crate::figures::checks::Status;
        let (status, class) = match c.status {
            Status::Passed => (self.t("check_passed"), "passed"),
            Status::Rounding => (self.t("check_rounding"), "rounding"),
            Status::Mismatch => (self.t("check_mismatch"), "mismatch"),
        };
        // Percentages are the rates, shares and changes in % (by the figure checked, not the
        // rule's words: `project.score = rate × weight` is in points).
        let last = c.figure.rsplit('.').next().unwrap_or_default();
        let pct = last.ends_with("rate") || last.ends_with("share") || last == "change_pct";
        let fmt = |d: &crate::decimal::Dec| if pct { format!("{}%", d.grouped()) } else { d.grouped() };
        let (stated, computed) = match c.grades {
            Some((stated, earned)) => {
                // The theme's grade name: `Excellent` on an English page, not `优 (Excellent)`.
                let label = |g| self.grade_name(g);
                (label(stated), label(earned))
            }
            None if c.stated_twice => (fmt(&c.stated), fmt(&c.computed)),
            None => (fmt(&c.stated), fmt(&c.computed_shown())),
        };
        CheckRow {
            rule: self.pick(&c.rule_zh, &c.rule_en),
            stated,
            computed,
            status,
            class,
        }
    }

    fn key_figures(&self, r: &Report) -> Vec<KeyFigure> {
        let f = &r.front;
        let unit = self.measure(&f.amount_unit);
        let nd = self.t("not_disclosed");
        let labels = self.lang.labels();
        let glossary = |id: &str| Some(format!("{}#{id}", self.url(super::glossary::PATH)));
        let figure = |label: String, v: Fig, unit: &str, term: Option<String>, money: bool| KeyFigure {
            label,
            missing: v == Fig::Missing,
            computed: matches!(v, Fig::Computed(_)),
            value: v.value().map(|d| d.grouped()).unwrap_or_else(|| nd.clone()),
            unit: if v.value().is_some() {
                unit.to_string()
            } else {
                String::new()
            },
            approx: v
                .value()
                .filter(|_| money)
                .and_then(|d| super::human::approx(d, &f.amount_unit, labels)),
            term,
            note: matches!(v, Fig::Computed(_)).then(|| self.t("computed_note")),
        };
        let ev = f.evaluation.as_ref();
        let grade = ev.and_then(|e| e.grade).map(|g| self.grade_name(g));
        let score = figure(
            self.t("key_score"),
            Fig::of(ev.and_then(|e| e.score)),
            &self.pick("分", "points"),
            glossary("self-evaluation-score"),
            false,
        );
        let grade = KeyFigure {
            label: self.t("key_grade"),
            missing: grade.is_none(),
            value: grade.unwrap_or_else(|| nd.clone()),
            unit: String::new(),
            computed: false,
            approx: None,
            term: glossary("grade"),
            note: None,
        };
        // A project report's figures are its form's: the funds and their execution, then the
        // score. It has no department figures to show as missing.
        if f.kind == Kind::Project {
            let p = f.project.as_ref();
            let rate = p.and_then(|p| p.rate);
            return vec![
                figure(
                    self.t("key_full_year"),
                    Fig::of(p.and_then(|p| p.full_year)),
                    &unit,
                    glossary("full-year-budget"),
                    true,
                ),
                figure(
                    self.t("key_actual"),
                    Fig::of(p.and_then(|p| p.actual)),
                    &unit,
                    glossary("outturn"),
                    true,
                ),
                KeyFigure {
                    label: self.t("key_rate"),
                    missing: rate.is_none(),
                    value: rate.map(|r| format!("{}%", r.grouped())).unwrap_or_else(|| nd.clone()),
                    unit: String::new(),
                    computed: false,
                    approx: None,
                    term: glossary("execution-rate"),
                    note: None,
                },
                score,
                grade,
            ];
        }
        let exp = f.expenditure.as_ref();
        let (total, from_accounts) = total_figure(f);
        let mut total = figure(self.t("key_total"), total, &unit, glossary("final-accounts"), true);
        if from_accounts {
            total.note = Some(self.t("key_total_from_accounts"));
        }
        vec![
            score,
            grade,
            total,
            figure(
                self.t("key_basic"),
                Fig::of(exp.and_then(|e| e.basic)),
                &unit,
                glossary("basic-expenditure"),
                true,
            ),
            figure(
                self.t("key_project"),
                exp.map_or(Fig::Missing, project_figure),
                &unit,
                glossary("project-expenditure"),
                true,
            ),
            figure(
                self.t("key_three_public"),
                three_public_figure(f, &f.amount_unit),
                &unit,
                glossary("three-public"),
                true,
            ),
        ]
    }

    fn years_index(&self) -> Result<OutputFile, Diagnostic> {
        let totals: Vec<YearTotal> = self.site.years().into_iter().map(|y| self.year_total(y)).collect();
        let title = self.t("nav_years");
        let page = self.section_page("years", "years/", title, self.t("years_description"));
        self.render("years.html", "years/index.html".into(), page, |ctx| {
            ctx.insert("totals", &totals)
        })
    }

    fn year(&self, year: u16) -> Result<OutputFile, Diagnostic> {
        self.year_view(year, "unit")
    }

    /// The year's comparison of units sorted by `sort`, on a page of its own (`by-<sort>/`).
    fn year_sorted(&self, year: u16, sort: &str) -> Result<OutputFile, Diagnostic> {
        self.year_view(year, sort)
    }

    /// The year page (`sort` "unit"), or one of its sorted views: the units compared on the
    /// key figures, sorted by following the columns' links.
    fn year_view(&self, year: u16, sort: &str) -> Result<OutputFile, Diagnostic> {
        let full = sort == "unit";
        let reports: Vec<ReportRow> = if full {
            self.site
                .reports
                .iter()
                // Department reports are rows of the comparison, each with its link; listing
                // them again doubled the page on phones (13,500 px at 60 units).
                .filter(|e| e.report.front.year == year && e.report.front.kind != Kind::Department)
                .map(|e| self.report_row(e))
                .collect()
        } else {
            Vec::new()
        };
        let path = super::overview::sorted_path(year, sort);
        let compare = super::overview::compare(self.site, year, sort, self.chart_cx(), &|p| self.url(p));
        let sorted_by = compare
            .columns
            .iter()
            .find(|c| c.current)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        let title = if full {
            self.pick(&format!("{year}年度报告"), &format!("Reports for {year}"))
        } else {
            self.pick(
                &format!("{year}年度各单位对比：按{sorted_by}排序"),
                &format!("Units compared, {year}: by {}", sorted_by.to_lowercase()),
            )
        };
        let description = self.pick(
            &format!("{year}年度各单位绩效自评报告及主要数据。"),
            &format!("Performance self-evaluation reports for fiscal year {year}, with key figures."),
        );
        let mut crumbs = vec![
            Link {
                text: self.t("nav_years"),
                url: self.url("years/"),
                lang: None,
            },
            Link {
                text: year.to_string(),
                url: self.url(&year_path(year)),
                lang: None,
            },
        ];
        if !full {
            crumbs.push(Link {
                text: sorted_by.clone(),
                url: self.url(&path),
                lang: None,
            });
        }
        let page = self.page("year", &path, title, description, crumbs);
        let total = self.year_total(year);
        let charts = if full {
            self.charts(super::chart_specs::year(self.site, year, self.chart_cx()))
        } else {
            Vec::new()
        };
        let words = CompareWords {
            heading: self.pick("各单位主要数据对比", "Units compared on key figures"),
            caption: self.pick(
                &format!("{year}年度各单位主要数据（部门整体支出报告），按{sorted_by}排序"),
                &format!("Key figures of each unit's department report, {year}, sorted by {}", sorted_by.to_lowercase()),
            ),
            hint: self.pick(
                "点击列名可按该列排序（每种排序是一个单独的页面，不需要 JavaScript）；金额单位为万元，未列出的数据排在最后。",
                "Follow a column's name to sort by it (each sort is a page of its own, no JavaScript needed); amounts in CNY 10,000; figures not stated come last.",
            ),
            sorted: self.pick("（当前排序）", " (sorted)"),
            report: self.pick("报告", "Report"),
            back: self.pick(&format!("返回{year}年度报告"), &format!("Back to the reports for {year}")),
            back_url: self.url(&year_path(year)),
            projects: self.pick(&format!("{year}年度项目支出报告"), &format!("Project reports, {year}")),
        };
        self.render("year.html", format!("{path}index.html"), page, |ctx| {
            ctx.insert("reports", &reports);
            ctx.insert("charts", &charts);
            ctx.insert("total", &total);
            ctx.insert("compare", &compare);
            ctx.insert("compare_words", &words);
            ctx.insert("full", &full);
        })
    }

    fn data_page(&self, downloads: &[super::package::Download]) -> Result<OutputFile, Diagnostic> {
        let mark = self.lang.labels() == Labels::English;
        let files: Vec<DataFile> = downloads
            .iter()
            .map(|d| DataFile {
                title: self.pick(d.title_zh, d.title),
                url: self.file(&format!("data/{}.csv", d.name)),
                name: format!("{}.csv", d.name),
                description: zh_runs(&self.pick(d.description_zh, d.description), mark),
                rows: Some(d.rows),
                columns: d
                    .columns
                    .iter()
                    .map(|c| DataColumn {
                        name: c.name.clone(),
                        kind: c.kind.name(),
                        description: zh_runs(&c.description, mark),
                    })
                    .collect(),
            })
            .collect();
        let other = |name: &str, zh: &str, en: &str, dzh: &str, den: &str| DataFile {
            title: self.pick(zh, en),
            url: self.file(name),
            name: name.rsplit('/').next().unwrap_or(name).to_string(),
            description: zh_runs(&self.pick(dzh, den), mark),
            rows: None,
            columns: Vec::new(),
        };
        let others = vec![
            other(
                "data/all.json",
                "全部数据（JSON）",
                "Everything (JSON)",
                "全部报告和单位的全部数据，一个文件。",
                "Every report and unit with all figures, in one file.",
            ),
            other(
                "data/reports.json",
                "报告清单（JSON）",
                "List of reports (JSON)",
                "每份报告的标题、年度、类型和地址。",
                "Title, year, kind and addresses of every report.",
            ),
            other(
                crate::render::data::SCHEMA_PATH,
                "report.json 的 JSON Schema",
                "JSON Schema of report.json",
                "JSON Schema (2020-12)，说明每份报告 JSON 的全部字段。",
                "JSON Schema (2020-12) describing every field of a report's JSON.",
            ),
            other(
                "data/datapackage.json",
                "数据包说明（Frictionless）",
                "Data package (Frictionless)",
                "各 CSV 文件的字段类型、单位、主键和外键。",
                "Types, units, primary and foreign keys of the CSV files.",
            ),
            other(
                "data/SHA256SUMS",
                "校验和",
                "Checksums",
                "全部数据文件的 SHA-256 校验和（sha256sum -c 格式）。",
                "SHA-256 of every data file, for sha256sum -c.",
            ),
            other(
                &self.lang.path("feed.xml"),
                "订阅（Atom）",
                "Feed (Atom)",
                "新发布报告的订阅源。",
                "A feed of published reports.",
            ),
        ];
        let title = self.t("nav_data");
        let page = self.section_page("data", "data/", title, self.t("data_description"));
        self.render("data.html", "data/index.html".into(), page, |ctx| {
            ctx.insert("csv_files", &files);
            ctx.insert("other_files", &others);
        })
    }

    fn search_page(&self) -> Result<OutputFile, Diagnostic> {
        #[derive(Serialize)]
        struct Park {
            id: String,
            name: String,
        }
        #[derive(Serialize)]
        struct SearchView {
            action: String,
            /// The folder of this language's index, relative to the page.
            index: String,
            /// The site root relative to the page: the index gives each result's address
            /// from the site root (`/parks/x/2021/`).
            root: String,
            script: String,
            parks: Vec<Park>,
            years: Vec<u16>,
            grades: Vec<String>,
            year_links: Vec<Link>,
        }
        let units: Vec<UnitRow> = self.site.units.iter().map(|u| self.unit_row(u)).collect();
        let view = SearchView {
            action: self.url("search/"),
            index: crate::site::relative_folder(
                &self.here,
                &self.lang.path(&crate::search::index::search_folder(self.lang)),
            ),
            root: crate::site::relative_folder(&self.here, ""),
            script: self.asset("search.js"),
            parks: self
                .site
                .units
                .iter()
                .map(|u| Park {
                    id: u.id.clone(),
                    name: self.unit_name(u),
                })
                .collect(),
            years: self.site.years(),
            grades: ["优", "良", "中", "差"]
                .iter()
                .zip(["Excellent", "Good", "Fair", "Poor"])
                .map(|(z, e)| self.pick(z, e))
                .collect(),
            year_links: self
                .site
                .years()
                .into_iter()
                .map(|y| Link {
                    text: y.to_string(),
                    url: self.url(&year_path(y)),
                    lang: None,
                })
                .collect(),
        };
        let title = self.t("search_title");
        let page = self.section_page("search", "search/", title, self.t("search_description"));
        self.render("search.html", "search/index.html".into(), page, |ctx| {
            ctx.insert("search", &view);
            ctx.insert("units", &units);
        })
    }

    fn not_found(&self) -> Result<OutputFile, Diagnostic> {
        let mut page = self.page(
            "404",
            "404.html",
            self.t("not_found_title"),
            self.t("not_found_text"),
            Vec::new(),
        );
        for (switch, lang) in page
            .switches
            .iter_mut()
            .zip(self.site.languages().iter().filter(|l| **l != self.lang))
        {
            switch.url = self.link(*lang, "");
        }
        let base_path = &self.site.config.base_path;
        // A JSON string, with `<` escaped so that no `</script>` can end the script early.
        let site_js = serde_json::to_string(base_path)
            .unwrap_or_else(|_| "\"/\"".into())
            .replace('<', "\\u003c");
        // Neither can end its element early (`</style`, `</script`).
        let options = self
            .theme
            .scripts
            .get("options.js")
            .map_or("", |(_, text)| text.as_str());
        page.base = Some(NotFoundBase {
            href: format!("{base_path}{}", self.here),
            site_js,
            file: "404.html",
            style: without_scroll_timelines(&self.theme.css).replace("</", "<\\/"),
            script: options.replace("</", "<\\/"),
        });
        self.render("404.html", "404.html".into(), page, |_| {})
    }
}

/// The stylesheet without its scroll-timeline declarations, for the 404 page that inlines it:
/// the page has no tables to cue, and the Nu Html Checker's CSS parser, which checks inline
/// styles, does not know `animation-timeline` / `scroll-timeline` yet.
fn without_scroll_timelines(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    loop {
        let at = ["animation-timeline:", "scroll-timeline:"]
            .iter()
            .filter_map(|p| rest.find(p))
            .min();
        let Some(at) = at else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        // The declaration ends at `;` (dropped with it) or before the rule's `}` (kept).
        let end = tail.find([';', '}']).unwrap_or(tail.len());
        rest = if tail[end..].starts_with(';') {
            &tail[end + 1..]
        } else {
            &tail[end..]
        };
    }
}

/// A chart as the templates see it: inline SVG, its file, and its numbers as a table.
#[derive(Serialize)]
struct ChartView {
    id: String,
    title: String,
    unit_note: String,
    svg: String,
    /// The name the page script saves the chart under.
    file_name: String,
    headers: Vec<String>,
    rows: Vec<ChartRow>,
}

#[derive(Serialize)]
struct ChartRow {
    label: String,
    cells: Vec<ChartCell>,
}

#[derive(Serialize)]
struct ChartCell {
    text: String,
    nd: bool,
}

/// A download on the data page.
#[derive(Serialize)]
struct DataFile {
    title: String,
    url: String,
    name: String,
    description: Vec<Frag>,
    rows: Option<usize>,
    columns: Vec<DataColumn>,
}

#[derive(Serialize)]
struct DataColumn {
    name: String,
    kind: &'static str,
    /// The column's Chinese name (marked on other pages) and its meaning.
    description: Vec<Frag>,
}

/// Words of the unit's figures over the years.
#[derive(Serialize)]
struct TrendWords {
    heading: String,
    lead: String,
    value: String,
    change: String,
    not_stated: String,
}

/// Words of the year comparison.
#[derive(Serialize)]
struct CompareWords {
    heading: String,
    caption: String,
    hint: String,
    sorted: String,
    report: String,
    back: String,
    back_url: String,
    /// Heading of the year's project reports, listed below the comparison.
    projects: String,
}

/// Totals of one year.
#[derive(Serialize)]
struct YearTotal {
    year: Link,
    /// Reports of the year, of either kind.
    reports: usize,
    /// Department reports, and how many of them state the total.
    department: usize,
    disclosed: usize,
    total: Option<String>,
    unit: String,
    /// "3 份部门整体支出报告中有 2 份列出".
    note: String,
}

/// The title of a report in `lang` when its translation gives none: the Chinese title in a
/// language written in Chinese, otherwise [`default_title_en`].
/// The report's indicator names (一级, 二级, 三级) with their translation into the page's
/// language, longest first: chart labels and check texts name indicators as the report does,
/// and an English page should read them in English where the translation gives them.
fn indicator_names(
    f: &crate::content::model::ReportFront,
    tr: Option<&crate::content::model::TranslationFront>,
) -> Vec<(String, String)> {
    let Some(tr) = tr else { return Vec::new() };
    let mut out: Vec<(String, String)> = Vec::new();
    for (ind, t) in f.indicators.iter().zip(&tr.indicators) {
        for (zh, en) in [
            (&ind.level1, &t.level1),
            (&ind.level2, &t.level2),
            (&ind.level3, &t.level3),
        ] {
            if let (Some(zh), Some(en)) = (zh, en)
                && !zh.trim().is_empty()
                && !en.trim().is_empty()
                && !out.iter().any(|(z, _)| z == zh)
            {
                out.push((zh.clone(), en.clone()));
            }
        }
    }
    out.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.0.cmp(&b.0)));
    out
}

/// `text` with every indicator name in `names` replaced by its translation.
fn translate_names(text: &str, names: &[(String, String)]) -> String {
    let mut out = text.to_string();
    for (zh, en) in names {
        if out.contains(zh.as_str()) {
            out = out.replace(zh.as_str(), en);
        }
    }
    out
}

pub fn default_title(entry: &ReportEntry, lang: Lang) -> String {
    match lang.labels() {
        Labels::Chinese => entry.report.front.title.clone(),
        Labels::English => default_title_en(entry),
    }
}

/// The English title of a report without a translation.
pub fn default_title_en(entry: &ReportEntry) -> String {
    let kind = match entry.report.front.kind {
        Kind::Department => "Department-wide Expenditure Performance Self-Evaluation Report",
        Kind::Project => "Project Expenditure Performance Self-Evaluation Report",
    };
    format!("{} {} {kind}", entry.unit.profile.name_en, entry.report.front.year)
}

#[cfg(test)]
mod timeline_tests {
    #[test]
    fn the_inlined_stylesheet_has_no_scroll_timelines() {
        let css = ".a:before{content:\"x\";animation:c linear both;animation-timeline:--t}.a{scroll-timeline:--t inline;color:red}";
        assert_eq!(
            super::without_scroll_timelines(css),
            ".a:before{content:\"x\";animation:c linear both;}.a{color:red}"
        );
    }
}
