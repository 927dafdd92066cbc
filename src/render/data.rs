//! Machine-readable JSON beside every page.
//!
//! - `parks/<id>/<slug>/report.json`: all figures of one report (the front matter's figure
//!   sections, with the same field names), plus metadata and both page addresses.
//! - `parks/<id>/park.json`: a unit's profile and its reports.
//! - `data/reports.json`: every report with its addresses.
//!
//! Addresses are paths from the site root (`/parks/…`), so they survive a move of the site;
//! `links` adds the absolute addresses. Amounts are JSON numbers written exactly as the report
//! states them (`1545.30`).

use super::OutputFile;
use super::pages::default_title_en;
use crate::content::model::*;
use crate::figures::checks::{Check, Status};
use crate::site::{ReportEntry, Site};
use serde::Serialize;

/// Version of the JSON layout; bumped on incompatible changes.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize, schemars::JsonSchema)]
struct Both {
    zh: String,
    en: String,
}

#[derive(Serialize, schemars::JsonSchema)]
struct OptBoth {
    zh: Option<String>,
    en: Option<String>,
}

/// The figure sections of a report, borrowed from its front matter.
#[derive(Serialize, schemars::JsonSchema)]
struct Figures<'a> {
    amount_unit: &'a str,
    amount_unit_en: String,
    evaluation: &'a Option<Evaluation>,
    budget: &'a Option<Budget>,
    final_accounts: &'a Option<FinalAccounts>,
    expenditure: &'a Option<Expenditure>,
    three_public: &'a Option<ThreePublic>,
    assets: &'a Option<Assets>,
    staffing: &'a Option<Staffing>,
    economy: &'a [Item],
    project: &'a Option<ProjectFunds>,
    goals: &'a [Goal],
    indicators: &'a [Indicator],
    /// Heads of the indicator table with their weights and scores (产出指标（50分）).
    indicator_groups: &'a [IndicatorGroup],
    /// Figures stated a second time elsewhere in the report, by front-matter path
    /// (`project.actual`); both values are published, neither is corrected.
    also_stated: &'a std::collections::BTreeMap<String, Vec<AlsoStated>>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct Links {
    zh: String,
    en: Option<String>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct ReportJson<'a> {
    schema_version: u32,
    /// `park-year-kind`: the same id as in every CSV.
    report_id: String,
    park: &'a str,
    year: u16,
    kind: Kind,
    title: Both,
    park_name: Both,
    unit_name: OptBoth,
    project_name: OptBoth,
    /// 主管部门 (project form): the department the funds are budgeted under.
    department: OptBoth,
    /// 实施单位 (project form): who carried the project out.
    implementer: OptBoth,
    /// 项目实施期 (project form), as written.
    period: OptBoth,
    /// 备注 of the self-evaluation form (the Chinese is also `figures.evaluation.remark`).
    remark: OptBoth,
    published: &'a Option<String>,
    updated: &'a Option<String>,
    source: &'a Option<String>,
    /// Where the original was published.
    source_url: &'a Option<String>,
    /// The original file (PDF, Word) as published on this site, an absolute address.
    source_file: Option<String>,
    /// Figures corrected after first publication, with the value first published.
    corrections: &'a [crate::content::model::Correction],
    summary: OptBoth,
    notes: &'a [String],
    narrative_languages: Vec<&'static str>,
    /// Absolute addresses (with the site's base path), so `urljoin` is never needed.
    url_zh: String,
    url_en: Option<String>,
    json_url: String,
    /// The unit's rows of figures.csv (every year), this report's among them.
    csv_url: String,
    links: Links,
    /// `null` means not disclosed, throughout.
    figures: Figures<'a>,
    /// Results of every cross-check between the figures.
    checks: &'a [Check],
    check_summary: CheckSummary,
}

#[derive(Serialize, schemars::JsonSchema)]
struct CheckSummary {
    passed: usize,
    rounding: usize,
    mismatch: usize,
}

/// One row of `data/reports.json`.
#[derive(Serialize, schemars::JsonSchema)]
struct ReportIndexRow<'a> {
    report_id: String,
    park: &'a str,
    year: u16,
    kind: Kind,
    title: Both,
    url_zh: String,
    url_en: Option<String>,
    json_url: String,
    /// The unit's rows of figures.csv (every year), this report's among them.
    csv_url: String,
}

#[derive(Serialize, schemars::JsonSchema)]
struct ReportsIndex<'a> {
    schema_version: u32,
    site: Both,
    base_url: &'a str,
    reports: Vec<ReportIndexRow<'a>>,
}

#[derive(Serialize, schemars::JsonSchema)]
struct ParkJson<'a> {
    schema_version: u32,
    id: &'a str,
    #[serde(flatten)]
    profile: &'a UnitProfile,
    url_zh: String,
    url_en: Option<String>,
    json_url: String,
    reports: Vec<ReportIndexRow<'a>>,
}

/// The head of `all.json`, before its reports and units. The file is written by hand around
/// the reports' JSON (see [`site_files`]): `{` and these fields, then `"reports":[` … `]`,
/// then `"parks":` and the units, then `}` (what serialising one struct of the five fields
/// in this order gives).
#[derive(Serialize)]
struct AllJsonHead<'a> {
    schema_version: u32,
    site: Both,
    base_url: &'a str,
}

/// How many reports go to one part of all.json (written in parallel, a few hundred
/// kilobytes each).
const PART: usize = 64;

/// All JSON files of the site, handed to `sink` as they are made. A report's CSV is its unit's
/// slice of figures.csv (see [`super::package::unit_csv`]), not a file of its own.
pub fn render_all(site: &Site, sink: crate::Sink) -> Result<(), serde_json::Error> {
    use rayon::prelude::*;
    let parts: Vec<Result<Vec<u8>, serde_json::Error>> = site
        .reports
        .par_chunks(PART)
        .map(|chunk| {
            let mut joined = Vec::new();
            for e in chunk {
                let f = file(format!("{}report.json", e.path()), &report_json(site, e))?;
                if !joined.is_empty() {
                    joined.push(b',');
                }
                // all.json holds each report.json as it is, without its line end.
                joined.extend_from_slice(f.bytes.strip_suffix(b"\n").unwrap_or(&f.bytes));
                sink(f);
                // The original file, beside the page (checked to exist when the report was read).
                if let (Some(out), Some(name)) = (source_file_path(e), e.report.front.source_file.as_deref()) {
                    let from = e.report.file.parent().unwrap_or(std::path::Path::new(".")).join(name);
                    let bytes = std::fs::read(&from).map_err(serde_json::Error::io)?;
                    sink(OutputFile { path: out, bytes });
                }
            }
            Ok(joined)
        })
        .collect();
    let parts = parts.into_iter().collect::<Result<Vec<_>, _>>()?;
    for unit in &site.units {
        sink(file(format!("parks/{}/park.json", unit.id), &park_json(site, unit))?);
    }
    site_files(site, parts, sink)
}

/// The data files of the units `ids` (for `serve` after an edit): each report's report.json,
/// and park.json.
pub fn render_units(site: &Site, ids: &[String], sink: crate::Sink) -> Result<(), serde_json::Error> {
    for e in site.reports.iter().filter(|e| ids.contains(&e.unit.id)) {
        sink(file(format!("{}report.json", e.path()), &report_json(site, e))?);
    }
    for unit in site.units.iter().filter(|u| ids.contains(&u.id)) {
        sink(file(format!("parks/{}/park.json", unit.id), &park_json(site, unit))?);
    }
    Ok(())
}

/// The site-wide JSON files alone: reports.json, all.json and the schema.
pub fn render_site_files(site: &Site, sink: crate::Sink) -> Result<(), serde_json::Error> {
    use rayon::prelude::*;
    let parts: Result<Vec<Vec<u8>>, _> = site
        .reports
        .par_chunks(PART)
        .map(|chunk| {
            let mut joined = Vec::new();
            for e in chunk {
                if !joined.is_empty() {
                    joined.push(b',');
                }
                serde_json::to_writer(&mut joined, &report_json(site, e))?;
            }
            Ok(joined)
        })
        .collect();
    site_files(site, parts?, sink)
}

/// reports.json, all.json (from `parts`, the reports' compact JSON joined by commas, a few
/// reports to a part, in order) and the schema. all.json is put together in one allocation of
/// its size, each part dropped once copied: it is the largest file of the site (84 MB at
/// 10,000 reports), and holding the reports' JSON and the file as it grows took three times
/// that.
fn site_files(site: &Site, parts: Vec<Vec<u8>>, sink: crate::Sink) -> Result<(), serde_json::Error> {
    let c = &site.config.site;
    let index = ReportsIndex {
        schema_version: SCHEMA_VERSION,
        site: Both {
            zh: c.title.clone(),
            en: c.title_en.clone(),
        },
        base_url: &c.base_url,
        reports: site.reports.iter().map(|e| index_row(site, e)).collect(),
    };
    sink(file("data/reports.json".into(), &index)?);
    let head = serde_json::to_vec(&AllJsonHead {
        schema_version: SCHEMA_VERSION,
        site: Both {
            zh: c.title.clone(),
            en: c.title_en.clone(),
        },
        base_url: &c.base_url,
    })?;
    let parks: Vec<ParkJson> = site.units.iter().map(|u| park_json(site, u)).collect();
    let parks = serde_json::to_vec(&parks)?;
    // all.json is large on big sites: compact, not pretty-printed.
    let head = head.strip_suffix(b"}").unwrap_or(&head);
    let size = head.len() + parts.iter().map(|p| p.len() + 1).sum::<usize>() + parks.len() + 32;
    let mut bytes = Vec::with_capacity(size);
    bytes.extend_from_slice(head);
    bytes.extend_from_slice(b",\"reports\":[");
    for (i, part) in parts.into_iter().filter(|p| !p.is_empty()).enumerate() {
        if i > 0 {
            bytes.push(b',');
        }
        bytes.extend_from_slice(&part);
    }
    bytes.extend_from_slice(b"],\"parks\":");
    bytes.extend_from_slice(&parks);
    bytes.extend_from_slice(b"}\n");
    sink(OutputFile {
        path: "data/all.json".into(),
        bytes,
    });
    sink(file(SCHEMA_PATH.into(), &report_schema(&site.config.base_url))?);
    Ok(())
}

/// Where the JSON Schema of report.json is published.
pub const SCHEMA_PATH: &str = "data/schema/report.schema.json";

/// JSON Schema (2020-12) of report.json, generated from the very types that write it.
pub fn report_schema(base_url: &str) -> serde_json::Value {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<ReportJson>();
    let mut value = serde_json::to_value(schema).unwrap_or_default();
    crate::schema::annotate_schema(&mut value);
    if let Some(map) = value.as_object_mut() {
        map.insert("$id".into(), format!("{base_url}/{SCHEMA_PATH}").into());
        map.insert("title".into(), "gongkai report.json".into());
        map.insert(
            "description".into(),
            "All figures of one performance self-evaluation report. null means not disclosed; amounts are in figures.amount_unit.".into(),
        );
    }
    value
}

fn park_json<'a>(site: &Site<'a>, unit: &'a crate::content::Unit) -> ParkJson<'a> {
    let path = format!("parks/{}/", unit.id);
    ParkJson {
        schema_version: SCHEMA_VERSION,
        id: &unit.id,
        profile: &unit.profile,
        url_zh: site.absolute(site.primary(), &path),
        url_en: site.config.language("en").map(|en| site.absolute(en, &path)),
        json_url: site.absolute(site.primary(), &format!("{path}park.json")),
        reports: site
            .reports_of(&unit.id)
            .into_iter()
            .map(|e| index_row(site, e))
            .collect(),
    }
}

/// Where a report's original file is published: beside its page, under its own name.
pub fn source_file_path(e: &ReportEntry) -> Option<String> {
    let name = e.report.front.source_file.as_deref()?;
    let name = std::path::Path::new(name).file_name()?.to_str()?;
    Some(format!("{}{name}", e.path()))
}

/// A JSON file, without indentation: a third of a report.json was spaces, and JSON viewers
/// and tools indent it themselves.
fn file<T: Serialize>(path: String, value: &T) -> Result<OutputFile, serde_json::Error> {
    let mut bytes = serde_json::to_vec(value)?;
    bytes.push(b'\n');
    Ok(OutputFile { path, bytes })
}

fn titles(e: &ReportEntry) -> Both {
    Both {
        zh: e.report.front.title.clone(),
        en: e
            .report
            .en()
            .and_then(|t| t.front.title.clone())
            .unwrap_or_else(|| default_title_en(e)),
    }
}

fn index_row<'a>(site: &Site, e: &ReportEntry<'a>) -> ReportIndexRow<'a> {
    let path = e.path();
    ReportIndexRow {
        report_id: super::csv::report_id(e),
        park: &e.unit.id,
        year: e.report.front.year,
        kind: e.report.front.kind,
        title: titles(e),
        url_zh: site.absolute(site.primary(), &path),
        url_en: site.config.language("en").map(|en| site.absolute(en, &path)),
        json_url: site.absolute(site.primary(), &format!("{path}report.json")),
        csv_url: site.absolute(site.primary(), &super::package::unit_csv(&e.unit.id)),
    }
}

fn report_json<'a>(site: &Site, e: &'a ReportEntry<'a>) -> ReportJson<'a> {
    let f = &e.report.front;
    let tr = e.report.en().map(|t| &t.front);
    let path = e.path();
    let en = site.config.language("en");
    let mut langs = vec!["zh"];
    if e.report.en().is_some_and(|t| !t.body.trim().is_empty()) {
        langs.push("en");
    }
    ReportJson {
        schema_version: SCHEMA_VERSION,
        report_id: super::csv::report_id(e),
        park: &e.unit.id,
        year: f.year,
        kind: f.kind,
        title: titles(e),
        park_name: Both {
            zh: e.unit.profile.name.clone(),
            en: e.unit.profile.name_en.clone(),
        },
        unit_name: OptBoth {
            zh: f.unit_name.clone(),
            en: tr.and_then(|t| t.unit_name.clone()),
        },
        project_name: OptBoth {
            zh: f.project_name.clone(),
            en: tr.and_then(|t| t.project_name.clone()),
        },
        department: OptBoth {
            zh: f.department.clone(),
            en: tr.and_then(|t| t.department.clone()),
        },
        implementer: OptBoth {
            zh: f.implementer.clone(),
            en: tr.and_then(|t| t.implementer.clone()),
        },
        period: OptBoth {
            zh: f.period.clone(),
            en: tr.and_then(|t| t.period.clone()),
        },
        remark: OptBoth {
            zh: f.evaluation.as_ref().and_then(|e| e.remark.clone()),
            en: tr.and_then(|t| t.remark.clone()),
        },
        published: &f.published,
        updated: &f.updated,
        source: &f.source,
        source_url: &f.source_url,
        source_file: source_file_path(e).map(|p| site.absolute(site.primary(), &p)),
        corrections: &f.corrections,
        summary: OptBoth {
            zh: f.summary.clone(),
            en: tr.and_then(|t| t.summary.clone()),
        },
        notes: &f.notes,
        narrative_languages: langs,
        url_zh: site.absolute(site.primary(), &path),
        url_en: en.map(|en| site.absolute(en, &path)),
        json_url: site.absolute(site.primary(), &format!("{path}report.json")),
        csv_url: site.absolute(site.primary(), &super::package::unit_csv(&e.unit.id)),
        links: Links {
            zh: site.absolute(site.primary(), &path),
            en: en.map(|en| site.absolute(en, &path)),
        },
        figures: Figures {
            amount_unit: &f.amount_unit,
            amount_unit_en: crate::schema::money_en(&f.amount_unit),
            evaluation: &f.evaluation,
            budget: &f.budget,
            final_accounts: &f.final_accounts,
            expenditure: &f.expenditure,
            three_public: &f.three_public,
            assets: &f.assets,
            staffing: &f.staffing,
            economy: &f.economy,
            project: &f.project,
            goals: &f.goals,
            indicators: &f.indicators,
            indicator_groups: &f.indicator_groups,
            also_stated: &f.also_stated,
        },
        checks: e.checks,
        check_summary: CheckSummary {
            passed: e.checks.iter().filter(|c| c.status == Status::Passed).count(),
            rounding: e.checks.iter().filter(|c| c.status == Status::Rounding).count(),
            mismatch: e.checks.iter().filter(|c| c.status == Status::Mismatch).count(),
        },
    }
}
