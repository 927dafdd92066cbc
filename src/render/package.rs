//! Bulk downloads: the CSV files, a Frictionless data package that describes them (types,
//! units, primary and foreign keys), and SHA256SUMS for every data file.

use super::OutputFile;
use super::csv::{self, Column, CsvFile};
use super::tidy;
use crate::site::Site;
use rustc_hash::FxHashMap;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// A CSV download as the data page and `datapackage.json` describe it: file name, title,
/// description, columns and rows (the file itself is handed on as soon as it is written).
pub struct Download {
    pub name: &'static str,
    pub title: &'static str,
    pub title_zh: &'static str,
    pub description: &'static str,
    pub description_zh: &'static str,
    pub columns: Vec<Column>,
    pub rows: usize,
    pub primary_key: &'static [&'static str],
    /// (field, resource, field there)
    pub foreign_keys: &'static [(&'static str, &'static str, &'static str)],
}

/// The CSV downloads, in the order the data page lists them: each file is written, handed to
/// `put` (figures.csv after its slices) and dropped before the next is made, so that at most
/// one of them is held at once.
pub fn downloads(site: &Site, put: crate::Sink) -> Downloads {
    let mut out = Downloads {
        list: Vec::with_capacity(7),
        hash: Sha256::new(),
    };
    let (figures, ranges) = tidy::figures(site);
    slices(site, &figures, &ranges, put);
    drop(ranges);
    out.publish(
        Download {
            name: "figures",
            title: "Figures (main download)",
            title_zh: "全部数据（主表）",
            description: "The main download: every figure every report states, one row each (a long table): report_id, park, year, kind, section, a stable key (expenditure.total, economy.tax_revenue, three_public.hospitality.actual), labels, the value and unit exactly as stated, the quantity it measures (amount, percent, count, points, area, other) and every amount also in 万元 (value_wan). Add up value_wan of one key and one kind; never a column across quantities. A figure a report does not state has no row.",
            description_zh: "主表：每份报告列出的每一项数据一行（长表）：report_id、单位、年度、报告类型、部分、固定的数据键（如 expenditure.total、economy.tax_revenue、three_public.hospitality.actual）、名称、按原文照录的数值和单位、数据类别（金额、百分比、数量、分值、面积、其他），金额另折算为万元（value_wan）。汇总时按同一数据键、同一报告类型对 value_wan 求和，不要跨类别相加。报告未列出的数据没有对应的行。",
            columns: Vec::new(),
            rows: 0,
            primary_key: &["report_id", "key"],
            foreign_keys: &[("report_id", "reports", "report_id"), ("park", "parks", "park")],
        },
        figures,
        put,
    );
    out.publish(
        Download {
            name: "reports",
            title: "Reports",
            title_zh: "报告数据表",
            description: "One row per report, the common figures as columns, every amount in 万元; columns that no report of the site fills are left out. figures.csv has every figure, with the unit as stated. Empty means not disclosed, never zero.",
            description_zh: "每份报告一行，常用数据各占一列，金额一律折算为万元；本站没有任何报告填写的列不列出。全部数据（含原文单位）见 figures.csv。空白表示报告没有列出该数据，不等于零。",
            columns: Vec::new(),
            rows: 0,
            primary_key: &["report_id"],
            foreign_keys: &[("park", "parks", "park")],
        },
        csv::reports(site),
        put,
    );
    out.publish(
        Download {
            name: "funds",
            title: "Funds of the self-evaluation forms",
            title_zh: "自评表资金表",
            description: "The funds block of every self-evaluation form (项目资金 of the 项目支出绩效自评表, 年度预算资金 of the 部门整体支出绩效自评表), one row per report, form row and column: the 年度资金总额 row (row = total), then the rows under it. Pivot on report_id, row and column to get the form back. Every cell of every row is listed: an empty value is a cell the form leaves blank or the report does not state, never zero; blank_row marks a row the form prints blank.",
            description_zh: "各报告自评表的资金部分（项目支出绩效自评表的项目资金、部门整体支出绩效自评表的年度预算资金），每份报告、每行、每列一条：先是年度资金总额行（row = total），再是其下各行。按 report_id、row、column 透视即还原表格。每行的每一格都列出：数值空白表示表中该格空白或报告未列，不等于零；blank_row 标出表中整行空白的行。",
            columns: Vec::new(),
            rows: 0,
            primary_key: &["report_id", "position", "column"],
            foreign_keys: &[("report_id", "reports", "report_id")],
        },
        csv::funds(site),
        put,
    );
    out.publish(
        Download {
            name: "indicators",
            title: "Performance indicators",
            title_zh: "绩效指标表",
            description: "One row per indicator of every indicator table (项目支出绩效自评表), with the weight and score of its level-one (and level-two) head; blank marks a row the form prints blank.",
            description_zh: "各报告绩效指标表的每一项指标一行，附所属一级（二级）指标的分值和得分；blank 标出表中空白的行。",
            columns: Vec::new(),
            rows: 0,
            primary_key: &["report_id", "row"],
            foreign_keys: &[("report_id", "reports", "report_id")],
        },
        csv::indicators(site),
        put,
    );
    out.publish(
        Download {
            name: "items",
            title: "Itemised figures",
            title_zh: "明细数据表",
            description: "Every item of every list: income sources, spending by function, named project items, staffing categories and economic results, each with its unit.",
            description_zh: "收入来源、按功能分类的支出、项目支出明细、人员类别和经济运行成果的每一项，注明单位。",
            columns: Vec::new(),
            rows: 0,
            primary_key: &["report_id", "list", "position"],
            foreign_keys: &[("report_id", "reports", "report_id")],
        },
        csv::items(site),
        put,
    );
    out.publish(
        Download {
            name: "corrections",
            title: "Corrections",
            title_zh: "更正记录",
            description: "Every figure corrected after a report was first published: the value first published, the value now, when and why.",
            description_zh: "报告首次公开后更正过的每一项数据：原公布数、现数、更正日期和原因。",
            columns: Vec::new(),
            rows: 0,
            primary_key: &["report_id", "position"],
            foreign_keys: &[("report_id", "reports", "report_id")],
        },
        tidy::corrections(site),
        put,
    );
    out.publish(
        Download {
            name: "parks",
            title: "Units",
            title_zh: "单位表",
            description: "One row per unit (park administrative committee or bureau).",
            description_zh: "每个报告单位（园区管委会或部门）一行。",
            columns: Vec::new(),
            rows: 0,
            primary_key: &["park"],
            foreign_keys: &[],
        },
        csv::parks(site),
        put,
    );
    out
}

/// The CSV downloads, described, and the hash of their files (for the dataset's version).
pub struct Downloads {
    pub list: Vec<Download>,
    hash: Sha256,
}

impl Downloads {
    /// Hands the file of `d` to `put`, keeping its description.
    fn publish(&mut self, mut d: Download, file: CsvFile, put: crate::Sink) {
        let path = format!("data/{}.csv", d.name);
        self.hash.update(path.as_bytes());
        self.hash.update(&file.bytes);
        d.columns = file.columns;
        d.rows = file.rows;
        self.list.push(d);
        put(OutputFile {
            path,
            bytes: file.bytes,
        });
    }
}

/// `datapackage.json`, which describes the CSV files (see [`downloads`]).
pub fn render(site: &Site, downloads: &Downloads) -> OutputFile {
    let c = &site.config.site;
    let resources: Vec<Value> = downloads.list.iter().map(resource).collect();
    let mut license = json!({"name": c.data_license, "title": c.data_license});
    if let Some(url) = &c.data_license_url {
        license["path"] = url.clone().into();
    }
    let mut package = json!({
        "profile": "tabular-data-package",
        "name": "gongkai-reports",
        "title": format!("{} / {}", c.title, c.title_en),
        "description": "Figures of expenditure performance self-evaluation reports. figures.csv is the main table: every figure as stated, with its unit, and every amount also in 万元 (value_wan). reports.csv has the common figures of each report in one row, every amount in 万元. Percentages are numbers without %; an empty cell is not disclosed (in funds.csv and indicators.csv also a cell the form prints blank), never zero. Per-unit and per-year slices of figures.csv are at parks/<unit id>/figures.csv and years/<year>/figures.csv beside this file.",
        "homepage": format!("{}/", site.config.base_url),
        "version": version(site, downloads.hash.clone()),
        "licenses": [license],
        "contributors": [{"title": c.publisher_en, "role": "publisher"}],
        "resources": resources,
    });
    if let Some(created) = created(site) {
        package["created"] = created.into();
    }
    let mut bytes = serde_json::to_vec_pretty(&package).unwrap_or_default();
    bytes.push(b'\n');
    OutputFile {
        path: "data/datapackage.json".into(),
        bytes,
    }
}

/// The latest `updated` or `published` date of any report, as a date-time at 00:00 China time
/// (or at the time given): when the data last changed, from the content, never the clock.
fn created(site: &Site) -> Option<String> {
    let latest = site
        .reports
        .iter()
        .flat_map(|e| [e.report.front.updated.as_deref(), e.report.front.published.as_deref()])
        .flatten()
        .filter(|d| d.len() >= 10 && d.is_char_boundary(10))
        .max_by_key(|d| (&d[..10], d.get(11..16).unwrap_or("")))?;
    let time = latest
        .get(11..16)
        .filter(|t| t.len() == 5 && t.as_bytes()[2] == b':')
        .unwrap_or("00:00");
    Some(format!("{}T{time}:00+08:00", &latest[..10]))
}

/// The dataset's version: the date of its latest content (when any report gives one) and the
/// first 12 hex digits of the SHA-256 of its CSV files (`hash`, over each file's path and
/// bytes), so any change of a figure changes it.
fn version(site: &Site, hash: Sha256) -> String {
    let hash: String = hash.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect();
    match created(site) {
        Some(date) => format!("{}+{hash}", &date[..10]),
        None => hash,
    }
}

/// True for the slices of figures.csv (all made again on every build and edit).
pub fn is_slice(path: &str) -> bool {
    (path.starts_with("data/parks/") || path.starts_with("data/years/")) && path.ends_with("/figures.csv")
}

/// Where a unit's slice of figures.csv is published: the CSV of its page and of its reports'
/// pages (every report's rows are in it, with `report_id`).
pub fn unit_csv(unit_id: &str) -> String {
    format!("data/parks/{unit_id}/figures.csv")
}

/// figures.csv cut per unit (`data/parks/<id>/figures.csv`) and per year
/// (`data/years/<year>/figures.csv`), for spreadsheet users; linked from the unit and year
/// pages. `ranges` are where each report's rows are in `figures` (in the order of the site's
/// reports, as [`tidy::figures`] gives them): a slice is the header and its reports' rows,
/// copied from the file, each slice handed to `put` as soon as it is made.
pub fn slices(site: &Site, figures: &CsvFile, ranges: &[std::ops::Range<usize>], put: crate::Sink) {
    // The reports of each unit and year, in their order, in one pass: a pass over every row
    // for each unit took minutes at 100,000 reports (20,000 units × 5 million rows).
    let mut by_unit: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut by_year: BTreeMap<u16, Vec<usize>> = BTreeMap::new();
    for (i, e) in site.reports.iter().enumerate() {
        by_unit.entry(e.unit.id.as_str()).or_default().push(i);
        by_year.entry(e.report.front.year).or_default().push(i);
    }
    let slice = |reports: Option<&Vec<usize>>| {
        let reports = reports.map_or(&[][..], Vec::as_slice);
        let rows = reports.iter().filter_map(|&i| ranges.get(i));
        let mut bytes = Vec::with_capacity(figures.body + rows.clone().map(|r| r.len()).sum::<usize>());
        bytes.extend_from_slice(figures.header());
        for r in rows {
            bytes.extend_from_slice(&figures.bytes[r.clone()]);
        }
        bytes
    };
    for u in &site.units {
        put(OutputFile {
            path: unit_csv(&u.id),
            bytes: slice(by_unit.get(u.id.as_str())),
        });
    }
    let mut years: Vec<u16> = site.reports.iter().map(|e| e.report.front.year).collect();
    years.sort_unstable();
    years.dedup();
    for y in years {
        put(OutputFile {
            path: format!("data/years/{y}/figures.csv"),
            bytes: slice(by_year.get(&y)),
        });
    }
}

/// A CSV file's entry in `datapackage.json` (a tabular data resource): how to read the file,
/// and its columns with their types, primary key and references to the other files.
fn resource(d: &Download) -> Value {
    let fields: Vec<Value> = d
        .columns
        .iter()
        .map(|col| json!({"name": col.name, "type": col.kind.name(), "description": col.description}))
        .collect();
    let fks: Vec<Value> = d
        .foreign_keys
        .iter()
        .map(|(f, r, to)| json!({"fields": [f], "reference": {"resource": r, "fields": [to]}}))
        .collect();
    let mut schema = json!({"fields": fields, "primaryKey": d.primary_key, "missingValues": [""]});
    if !fks.is_empty() {
        schema["foreignKeys"] = Value::Array(fks);
    }
    json!({
        "name": d.name,
        "path": format!("{}.csv", d.name),
        "title": format!("{} {}", d.title_zh, d.title),
        "description": d.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "profile": "tabular-data-resource",
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true, "header": true},
        "schema": schema,
    })
}

/// SHA-256 of bytes, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// True for the files SHA256SUMS covers: everything under data/ and the JSON/CSV beside pages.
pub fn is_data_file(path: &str) -> bool {
    let data = path.starts_with("data/") && !path.ends_with(".html");
    data || path.ends_with("/report.json") || path.ends_with("/park.json")
}

/// `data/SHA256SUMS`, in `sha256sum -c` format, with paths relative to the site root: checked
/// with `sha256sum -c data/SHA256SUMS` from the top of a download of the whole site, and a
/// single file's line matches its address on the site.
pub fn checksums(sums: &[(String, String)]) -> OutputFile {
    let mut lines: Vec<(String, &str)> = sums.iter().map(|(path, hex)| (path.clone(), hex.as_str())).collect();
    lines.sort();
    let text: String = lines.iter().map(|(rel, hex)| format!("{hex}  {rel}\n")).collect();
    OutputFile {
        path: "data/SHA256SUMS".into(),
        bytes: text.into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums_are_sha256sum_format() {
        let files = [
            ("data/a.csv", &b"abc"[..]),
            ("parks/x/2021/report.json", &b""[..]),
            ("index.html", &b"x"[..]),
        ];
        let sums: Vec<(String, String)> = files
            .iter()
            .filter(|f| is_data_file(f.0))
            .map(|(p, b)| (p.to_string(), sha256_hex(b)))
            .collect();
        let sums = String::from_utf8(checksums(&sums).bytes).unwrap();
        assert_eq!(
            sums,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  data/a.csv\n\
             e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  parks/x/2021/report.json\n"
        );
    }
}
