//! figures.csv: every figure a report states, one row each (a "tidy" long table), with its
//! unit as stated, what kind of quantity it is, and every money amount also in 万元, so that a
//! sum over a column never mixes units or concepts.
//!
//! The figures are walked through the form's description ([`schema::SECTIONS`]), so a field
//! added to the form is in figures.csv too. Each figure has a key that is stable and unique
//! within its report: the front-matter path of a field (`expenditure.total`), of a list item by
//! its key or else its position (`economy.tax_revenue`, `expenditure.project_items.2`), of a
//! “三公”经费 line and column (`three_public.hospitality.actual`).

use super::csv::{CsvFile, Joining, Table, WAN, convert, report_id};
use crate::content::model::*;
use crate::decimal::Dec;
use crate::schema::{self, Body, Entry, Get, Items, Kind, Unit};
use crate::site::{ReportEntry, Site};

/// One stated figure of a report.
#[derive(Clone, Debug)]
pub struct Figure {
    /// Section of the form (`expenditure`, `three_public`, `economy` …).
    pub section: &'static str,
    pub key: String,
    pub label_zh: String,
    pub label_en: String,
    pub value: Dec,
    /// As stated (万元, 亿元, %, 人, 分 …); empty where the report gives none.
    pub unit: String,
    pub kind: Kind,
    /// Not stated: the sum of stated parts, for a total the report leaves out.
    pub computed: bool,
}

impl Figure {
    /// What is measured: `amount` (money in CNY: `value_wan` is filled), `percent`, `count`,
    /// `points`, `area` or `other`; figures of one quantity may be added up once in one unit.
    pub fn quantity(&self) -> &'static str {
        quantity(&self.unit, self.kind)
    }

    /// The amount in 万元, exactly; `None` for anything but money in CNY.
    pub fn value_wan(&self) -> Option<Dec> {
        convert(self.value, &self.unit, WAN)
    }
}

/// Units that count things.
const COUNTS: &[&str] = &[
    "人", "辆", "个", "家", "批", "批次", "人次", "次", "场", "场次", "项", "件", "户", "所", "座", "台", "套", "条",
    "间",
];

/// Units of area.
const AREAS: &[&str] = &["平方米", "万平方米", "亩", "万亩", "平方公里", "公顷", "km²", "m²"];

/// The quantity of a figure in `unit` of the form's `kind`.
pub fn quantity(unit: &str, kind: Kind) -> &'static str {
    if schema::money_factor(unit, WAN).is_some() {
        "amount"
    } else if unit == "%" || (unit.is_empty() && kind == Kind::Percent) {
        "percent"
    } else if unit == "分" || (unit.is_empty() && kind == Kind::Points) {
        "points"
    } else if COUNTS.contains(&unit) {
        "count"
    } else if AREAS.contains(&unit) {
        "area"
    } else {
        "other"
    }
}

struct Out<'a> {
    f: &'a ReportFront,
    list: Vec<Figure>,
}

impl Out<'_> {
    fn push(
        &mut self,
        section: &'static str,
        key: String,
        label: (String, String),
        value: Option<Dec>,
        unit: &str,
        kind: Kind,
    ) {
        if let Some(value) = value {
            self.list.push(Figure {
                section,
                key,
                label_zh: label.0,
                label_en: label.1,
                value,
                unit: unit.to_string(),
                kind,
                computed: false,
            });
        }
    }

    fn unit(&self, unit: Unit) -> String {
        match unit {
            Unit::Of(u) => u.to_string(),
            _ => self.f.amount_unit.clone(),
        }
    }

    /// The items of a list: value, and the share, change and growth the report states of each.
    fn items(&mut self, section: &'static str, prefix: &str, items: &Items) {
        let list = (items.get)(self.f);
        for (n, i) in list.iter().enumerate() {
            let id = item_id(list.iter().map(|i| i.key.as_deref()), n);
            let key = format!("{prefix}.{id}");
            let known = i.key.as_deref().and_then(|k| schema::find(items.known, k));
            let zh = i
                .label
                .clone()
                .or(i.name.clone())
                .or(known.map(|k| k.label.zh.to_string()))
                .unwrap_or_default();
            let en = i
                .label_en
                .clone()
                .or(i.name_en.clone())
                .or(known.map(|k| k.label.en.to_string()))
                .unwrap_or_default();
            let unit = i.unit.clone().unwrap_or_else(|| self.unit(items.unit));
            let kind = if schema::money_factor(&unit, WAN).is_some() {
                Kind::Amount
            } else {
                Kind::Count
            };
            self.push(
                section,
                key.clone(),
                (zh.clone(), en.clone()),
                Some(i.value),
                &unit,
                kind,
            );
            let of = items.share_of.map_or(("", ""), |l| (l.zh, l.en));
            self.push(
                section,
                format!("{key}.share"),
                (format!("{zh}占{}比例", of.0), format!("{en}, share of {}", of.1)),
                i.share,
                "%",
                Kind::Percent,
            );
            self.push(
                section,
                format!("{key}.change"),
                (format!("{zh}较上年增减"), format!("{en}, change on previous year")),
                i.change,
                &unit,
                Kind::Change,
            );
            self.push(
                section,
                format!("{key}.change_pct"),
                (format!("{zh}增长率"), format!("{en}, change on previous year (%)")),
                i.change_pct,
                "%",
                Kind::Percent,
            );
            for (m, a) in i.also_stated.iter().enumerate() {
                self.push(
                    "also_stated",
                    format!("{key}.also_stated.{}", m + 1),
                    (format!("{zh}（另处所列）"), format!("{en} (as stated elsewhere)")),
                    Some(a.value),
                    a.unit.as_deref().unwrap_or(&unit),
                    kind,
                );
            }
        }
    }
}

/// An item's id within its list: its key when no other item of the list has it, else its
/// position from 1.
fn item_id<'a>(mut keys: impl Iterator<Item = Option<&'a str>> + Clone, n: usize) -> String {
    let key = keys.clone().nth(n).flatten();
    match key {
        Some(k) if keys.by_ref().filter(|x| *x == Some(k)).count() == 1 => k.to_string(),
        _ => (n + 1).to_string(),
    }
}

fn both(l: schema::Label) -> (String, String) {
    (l.zh.to_string(), l.en.to_string())
}

/// Every figure a report states, in the form's order.
pub fn of(f: &ReportFront) -> Vec<Figure> {
    let mut out = Out { f, list: Vec::new() };
    for s in schema::SECTIONS {
        match s.body {
            Body::Rows(entries) => {
                for entry in entries {
                    match entry {
                        Entry::Field(field) => {
                            if let Get::Num(get) = field.get {
                                let unit = out.unit(field.unit);
                                out.push(
                                    s.key,
                                    format!("{}.{}", s.path, field.key),
                                    (
                                        format!("{}：{}", s.title.zh, field.label.zh),
                                        format!("{}: {}", s.title.en, field.label.en),
                                    ),
                                    get(f),
                                    &unit,
                                    field.kind,
                                );
                            }
                        }
                        Entry::Items(items) => out.items(s.key, &format!("{}.{}", s.path, items.key), items),
                    }
                }
            }
            Body::List(items) => out.items(s.key, s.path, &items),
            Body::Funds => {
                let list = f.expenditure.as_ref().map(|e| e.by_fund.as_slice()).unwrap_or(&[]);
                for (n, line) in list.iter().enumerate() {
                    let id = item_id(list.iter().map(|l| Some(l.fund.key())), n);
                    let fund = schema::fund_label(line.fund);
                    for (what, v) in [("total", line.total), ("basic", line.basic), ("project", line.project)] {
                        let label = schema::label(&format!("expenditure.{what}"));
                        out.push(
                            s.key,
                            format!("{}.{id}.{what}", s.path),
                            (
                                format!("{}：{}", fund.zh, label.zh),
                                format!("{}: {}", fund.en, label.en),
                            ),
                            v,
                            &f.amount_unit,
                            Kind::Amount,
                        );
                    }
                }
            }
            Body::Lines(lines, fields) => {
                let Some(tp) = &f.three_public else { continue };
                for line in lines {
                    let Some(l) = tp.line(line.key) else { continue };
                    for x in fields.iter().filter(|x| x.kind.is_number()) {
                        let unit = match (x.kind, x.key) {
                            (Kind::Percent, _) => "%".to_string(),
                            (_, "batches") => "批".to_string(),
                            (_, "people") => "人次".to_string(),
                            _ => l.unit.clone().unwrap_or_else(|| f.amount_unit.clone()),
                        };
                        out.push(
                            s.key,
                            format!("{}.{}.{}", s.path, line.key, x.key),
                            (
                                format!("{}：{}", line.label.zh, x.label.zh),
                                format!("{}: {}", line.label.en, x.label.en),
                            ),
                            l.figure(x.key),
                            &unit,
                            x.kind,
                        );
                    }
                }
            }
            Body::Matrix(known, columns) => {
                let rows = f.project.as_ref().map(|p| p.rows.as_slice()).unwrap_or(&[]);
                for (n, row) in rows.iter().enumerate() {
                    let id = item_id(rows.iter().map(|r| r.key.as_deref()), n);
                    let k = known.iter().find(|(k, _)| Some(k.key) == row.key.as_deref());
                    let zh = row
                        .label
                        .clone()
                        .or(k.map(|(k, _)| k.label.zh.to_string()))
                        .unwrap_or_default();
                    let en = row
                        .label_en
                        .clone()
                        .or(k.map(|(k, _)| k.label.en.to_string()))
                        .unwrap_or_default();
                    for c in columns {
                        let unit = match c.kind {
                            Kind::Percent => "%",
                            Kind::Points => "分",
                            _ => f.amount_unit.as_str(),
                        };
                        out.push(
                            s.key,
                            format!("{}.{id}.{}", s.path, c.key),
                            (format!("{zh}：{}", c.label.zh), format!("{en}: {}", c.label.en)),
                            row.figure(c.key),
                            unit,
                            c.kind,
                        );
                    }
                }
            }
            Body::Indicators(columns) => {
                for (n, ind) in f.indicators.iter().enumerate() {
                    let name = ind.level3.clone().or(ind.level2.clone()).unwrap_or_default();
                    for c in columns.iter().filter(|c| c.num.is_some()) {
                        let Some(num) = c.num else { continue };
                        let unit = match c.kind {
                            Kind::Points => "分".to_string(),
                            _ => ind.unit.clone().unwrap_or_default(),
                        };
                        out.push(
                            s.key,
                            format!("{}.{}.{}", s.path, n + 1, c.key),
                            (format!("{name}：{}", c.label.zh), c.label.en.to_string()),
                            num(ind),
                            &unit,
                            c.kind,
                        );
                    }
                }
            }
            Body::Groups(columns) => {
                for (n, g) in f.indicator_groups.iter().enumerate() {
                    let name = match &g.level2 {
                        Some(l2) => format!("{}·{l2}", g.level1),
                        None => g.level1.clone(),
                    };
                    for c in columns.iter() {
                        let Some(num) = c.num else { continue };
                        out.push(
                            s.key,
                            format!("{}.{}.{}", s.path, n + 1, c.key),
                            (format!("{name}：{}", c.label.zh), c.label.en.to_string()),
                            num(g),
                            "分",
                            c.kind,
                        );
                    }
                }
            }
            Body::Goals(_) => {}
        }
    }
    // Figures stated a second time elsewhere, in the unit of the figure they restate.
    for (path, list) in &f.also_stated {
        let of = out.list.iter().find(|x| &x.key == path).cloned();
        for (m, a) in list.iter().enumerate() {
            let label = of.as_ref().map_or_else(
                || both(schema::label(path)),
                |x| (x.label_zh.clone(), x.label_en.clone()),
            );
            let unit = a
                .unit
                .clone()
                .or(of.as_ref().map(|x| x.unit.clone()))
                .unwrap_or_else(|| f.amount_unit.clone());
            out.push(
                "also_stated",
                format!("also_stated.{path}.{}", m + 1),
                (
                    format!("{}（另处所列）", label.0),
                    format!("{} (as stated elsewhere)", label.1),
                ),
                Some(a.value),
                &unit,
                of.as_ref().map_or(Kind::Amount, |x| x.kind),
            );
        }
    }
    let computed = computed_totals(f, &out.list);
    out.list.extend(computed);
    out.list
}

/// Totals a report leaves out but whose every part it states: 整体支出 (基本支出 + 项目支出) and
/// the “三公”经费 total of the three lines (budget and actual, each line in its own unit,
/// converted exactly). Marked `computed`, so they are never read as stated.
fn computed_totals(f: &ReportFront, stated: &[Figure]) -> Vec<Figure> {
    let get = |key: &str| stated.iter().find(|x| x.key == key && !x.computed);
    let mut out = Vec::new();
    let mut total = |section: &'static str, key: &str, parts: &[&str], label: (String, String)| {
        if get(key).is_some() {
            return;
        }
        let values: Option<Vec<Dec>> = parts
            .iter()
            .map(|p| get(p).and_then(|x| convert(x.value, &x.unit, &f.amount_unit)))
            .collect();
        if let Some(values) = values {
            let sum = values.iter().fold(rust_decimal::Decimal::ZERO, |a, v| a + v.0);
            out.push(Figure {
                section,
                key: key.to_string(),
                label_zh: format!("{}（计算值）", label.0),
                label_en: format!("{} (computed from the stated parts)", label.1),
                value: Dec(sum),
                unit: f.amount_unit.clone(),
                kind: Kind::Amount,
                computed: true,
            });
        }
    };
    total(
        "expenditure",
        "expenditure.total",
        &["expenditure.basic", "expenditure.project"],
        both(schema::label("expenditure.total")),
    );
    for col in ["budget", "actual"] {
        let parts: Vec<String> = ["overseas_travel", "hospitality", "vehicles"]
            .iter()
            .map(|l| format!("three_public.{l}.{col}"))
            .collect();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        let line = schema::label("three_public.total");
        let column = if col == "budget" {
            ("预算数", "budget")
        } else {
            ("决算数", "actual")
        };
        let label = (
            format!("{}{}", line.zh, column.0),
            format!("{} ({})", line.en, column.1),
        );
        total("three_public", &format!("three_public.total.{col}"), &parts, label);
    }
    out
}

/// figures.csv: every figure of every report, one row each; with where each report's rows
/// are in the file (byte ranges, in the order of the site's reports), from which its slices
/// are cut.
pub fn figures(site: &Site) -> (CsvFile, Vec<std::ops::Range<usize>>) {
    use rayon::prelude::*;
    // A batch of reports at a time, written in parts of a few reports in parallel, each part
    // copied into the file and dropped: the parts of the whole file are never held at once.
    const BATCH: usize = 1024;
    let mut file = Joining::default();
    let mut ranges = Vec::with_capacity(site.reports.len());
    let mut done = 0;
    for batch in site.reports.chunks(BATCH) {
        let parts: Vec<(Table, Vec<usize>)> = batch
            .par_chunks(32)
            .map(|chunk| {
                let mut t = Table::default();
                let mut ends = Vec::with_capacity(chunk.len());
                for e in chunk {
                    let id = report_id(e);
                    for x in of(&e.report.front) {
                        figure_row(&mut t, e, &id, &x);
                    }
                    ends.push(t.written());
                }
                (t, ends)
            })
            .collect();
        for (t, ends) in parts {
            let start = file.push(t);
            let mut from = 0;
            for end in ends {
                ranges.push(start + from..start + end);
                from = end;
            }
        }
        done += batch.len();
        if done == batch.len() && done < site.reports.len() {
            // Room for the whole file as the first batch suggests, with a little to spare,
            // rather than growing it by doubling (a copy, and the old and new beside each
            // other).
            let guess = file.len() / done * (site.reports.len() - done);
            file.reserve(guess + guess / 16);
        }
    }
    if file.is_empty() {
        let mut t = Table::default();
        super::csv::with_empty_report(|e| {
            let x = Figure {
                section: "",
                key: String::new(),
                label_zh: String::new(),
                label_en: String::new(),
                value: Dec::default(),
                unit: String::new(),
                kind: Kind::Amount,
                computed: false,
            };
            figure_row(&mut t, e, "", &x);
        });
        t.clear();
        file.push(t);
    }
    (file.finish(), ranges)
}

fn figure_row(t: &mut Table, e: &ReportEntry, id: &str, x: &Figure) {
    let f = &e.report.front;
    t.text("report_id", "Report (reports.csv): park-year-kind", Some(id));
    t.text("park", "Unit id (parks.csv)", Some(&e.unit.id));
    t.int("year", "Fiscal year reported on", Some(u64::from(f.year)));
    t.text(
        "kind",
        "department (部门整体支出) or project (项目支出): sum one kind at a time",
        Some(f.kind.slug()),
    );
    t.text(
        "section",
        "Section of the form: evaluation, budget, final_accounts, expenditure, by_fund, project_items, three_public, assets, staffing, economy, project, funds_rows, indicators, indicator_groups, also_stated",
        Some(x.section),
    );
    t.text(
        "key",
        "Stable key of the figure, unique within the report: its front-matter path (expenditure.total), a list item by its key or else its position from 1 (economy.tax_revenue, expenditure.project_items.2), a line and column (three_public.hospitality.actual, project.rows.fiscal.actual); a figure stated twice is also_stated.<key>.<n>",
        Some(&x.key),
    );
    t.text("label_zh", "The figure as the form names it", Some(&x.label_zh));
    t.text("label_en", "The figure in English", Some(&x.label_en));
    t.num(
        "value",
        "The figure exactly as the report states it (decimals as written), in `unit`",
        Some(x.value),
    );
    t.text(
        "unit",
        "Unit of value, as stated: 万元, 亿元, 元, %, 人, 分 (points), 个 … (empty where the report gives none)",
        Some(&x.unit),
    );
    t.text(
        "quantity",
        "What value measures: amount (money in CNY; value_wan is filled), percent, count, points, area, other. Add up only rows of one quantity, and amounts only through value_wan",
        Some(x.quantity()),
    );
    t.num(
        "value_wan",
        "Amounts (quantity = amount) converted exactly to 万元 (CNY 10,000) from the stated unit: the column to add up; empty for anything that is not money in CNY",
        x.value_wan(),
    );
    t.bool(
        "computed",
        "false: stated by the report; true: a total the report leaves out, computed by gongkai as the exact sum of the parts it states (整体支出 = 基本支出 + 项目支出; “三公”经费 total = its three lines), labelled 计算值",
        x.computed,
    );
    t.end_row();
}

/// corrections.csv: every figure corrected after first publication, from each report's
/// `corrections`.
pub fn corrections(site: &Site) -> CsvFile {
    let mut t = Table::default();
    for e in &site.reports {
        let f = &e.report.front;
        if f.corrections.is_empty() {
            continue;
        }
        let id = report_id(e);
        let figures = of(f);
        for (n, c) in f.corrections.iter().enumerate() {
            correction_row(&mut t, &id, f, n, c, figures.iter().find(|x| x.key == c.figure));
        }
    }
    if t.is_empty() {
        let c = Correction {
            figure: String::new(),
            previous: Dec::default(),
            date: None,
            note: None,
        };
        super::csv::with_empty_report(|e| correction_row(&mut t, "", &e.report.front, 0, &c, None));
        t.clear();
    }
    t.finish()
}

fn correction_row(t: &mut Table, id: &str, f: &ReportFront, n: usize, c: &Correction, now: Option<&Figure>) {
    t.text("report_id", "Report (reports.csv)", Some(id));
    t.int(
        "position",
        "Position in the report's corrections, from 1",
        Some(n as u64 + 1),
    );
    t.text(
        "key",
        "The figure corrected: its front-matter path, the key of figures.csv",
        Some(&c.figure),
    );
    let label = schema::label(&c.figure);
    let (zh, en) = match now {
        Some(x) => (x.label_zh.clone(), x.label_en.clone()),
        None => (label.zh.to_string(), label.en.to_string()),
    };
    t.text("label_zh", "The figure as the form names it", Some(&zh));
    t.text("label_en", "The figure in English", Some(&en));
    t.num("previous", "The value first published, in `unit`", Some(c.previous));
    t.num(
        "current",
        "The value the report states now, in `unit` (figures.csv)",
        now.map(|x| x.value),
    );
    let unit = now.map_or(f.amount_unit.as_str(), |x| x.unit.as_str());
    t.text("unit", "Unit of previous and current, as stated", Some(unit));
    let date = c
        .date
        .as_deref()
        .or(f.updated.as_deref())
        .map(|d| d.get(..10).unwrap_or(d));
    t.text(
        "date",
        "Date of the correction, YYYY-MM-DD (the report's updated date when the entry gives none)",
        date,
    );
    t.text(
        "note",
        "Why the figure changed, as the editors word it",
        c.note.as_deref(),
    );
    t.end_row();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_figure_has_a_unique_key_and_amounts_convert_exactly() {
        let f: ReportFront = yaml_serde::from_str(
            "title: t\nyear: 2021\nkind: department\namount_unit: 万元\n\
             expenditure: {total: 1545.30, basic_share: 40.1}\n\
             three_public: {hospitality: {actual: 3000, unit: 元, batches: 12}}\n\
             economy:\n  - {key: tax_revenue, value: 3.4978, unit: 亿元}\n  - {label: 其他, value: 2, unit: 个}\n  - {label: 其他, value: 3, unit: 个}\n",
        )
        .unwrap();
        let all = of(&f);
        let get = |k: &str| all.iter().find(|x| x.key == k).unwrap_or_else(|| panic!("{k}"));
        assert_eq!(get("expenditure.total").value_wan().unwrap().to_string(), "1545.30");
        assert_eq!(get("expenditure.basic_share").quantity(), "percent");
        assert_eq!(get("expenditure.basic_share").value_wan(), None);
        let h = get("three_public.hospitality.actual");
        assert_eq!(
            (h.unit.as_str(), h.value_wan().unwrap().to_string().as_str()),
            ("元", "0.3")
        );
        assert_eq!(get("three_public.hospitality.batches").quantity(), "count");
        let tax = get("economy.tax_revenue");
        assert_eq!(tax.value_wan().unwrap().to_string(), "34978");
        assert_eq!(tax.label_zh, "税收收入");
        assert_eq!(get("economy.2").value.to_string(), "2");
        assert_eq!(get("economy.3").quantity(), "count");
        let mut keys: Vec<&str> = all.iter().map(|x| x.key.as_str()).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "keys are unique");
    }
    /// 冷水滩 2021 states the three “三公”经费 lines (one of them in 元) but no total: the total
    /// is computed exactly and marked, never passed off as stated; a stated total is left alone.
    #[test]
    fn totals_left_out_are_computed_from_their_stated_parts_and_marked() {
        let f: ReportFront = yaml_serde::from_str(
            "title: t\nyear: 2021\nkind: department\n\
             expenditure: {basic: 832.88, project: 712.42}\n\
             three_public: {overseas_travel: {actual: 0, unit: 元}, hospitality: {actual: 3.28, budget: 4}, vehicles: {actual: 2.57}}\n",
        )
        .unwrap();
        let all = of(&f);
        let get = |k: &str| all.iter().find(|x| x.key == k).unwrap_or_else(|| panic!("{k}"));
        let tp = get("three_public.total.actual");
        assert!(tp.computed);
        assert_eq!((tp.value.to_string().as_str(), tp.unit.as_str()), ("5.85", "万元"));
        assert_eq!(tp.label_zh, "“三公”经费合计决算数（计算值）");
        let total = get("expenditure.total");
        assert!(total.computed);
        assert_eq!(total.value.to_string(), "1545.30");
        // The budget of two lines is not stated: no total budget.
        assert!(all.iter().all(|x| x.key != "three_public.total.budget"));
        let stated: ReportFront = yaml_serde::from_str(
            "title: t\nyear: 2021\nkind: department\nexpenditure: {total: 1, basic: 832.88, project: 712.42}\n",
        )
        .unwrap();
        let all = of(&stated);
        assert_eq!(all.iter().filter(|x| x.key == "expenditure.total").count(), 1);
        assert!(all.iter().all(|x| !x.computed));
    }
}
