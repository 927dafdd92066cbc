//! Over time and across units (issue 16):
//! - a unit's figures over the years: every figure that more than one of its department
//!   reports states, as a small multiple with the change on the year before, values exact in
//!   a table;
//! - the units of a year compared on the key figures, in pre-sorted views (one page per sort,
//!   so sorting needs no JavaScript);
//! - yearly totals that add up only the department reports stating the figure, and say how
//!   many do.

use crate::content::model::{Kind, ReportFront};
use crate::decimal::Dec;
use crate::schema::{self, Body, Kind as FieldKind, Label, Unit as FieldUnit};
use crate::site::{ReportEntry, Site};
use rust_decimal::Decimal;
use serde::Serialize;

/// The page's language and its words: the same as the charts'.
pub use super::chart_specs::Cx;

/// One figure over the years.
#[derive(Serialize, Debug)]
pub struct Trend {
    /// `trend-expenditure-total`: the figure's element id.
    pub id: String,
    pub label: String,
    /// The unit in brackets, as the language writes them: "（万元）", " (CNY 10,000)".
    pub unit: String,
    /// Oldest first.
    pub rows: Vec<TrendRow>,
    /// Columns, one per year, drawn to scale (decorative: the table has the values).
    pub svg: String,
    /// The latest change in words, e.g. "比2021年增长 12.3%".
    pub latest: Option<String>,
}

#[derive(Serialize, Debug)]
pub struct TrendRow {
    pub year: u16,
    pub value: Option<String>,
    /// Against the previous report that states the figure.
    pub change: Option<String>,
}

/// A figure of a report, as compared across years: its key, name, kind and unit (money in
/// 万元, whatever the report's unit), and its value.
struct Figure {
    key: String,
    label: Label,
    kind: FieldKind,
    unit: &'static str,
    value: Dec,
}

/// The numeric figures a report states, in form order; money converted to 万元.
fn figures(f: &ReportFront) -> Vec<Figure> {
    let mut out = Vec::new();
    let money = |d: Dec| schema::money_factor(&f.amount_unit, "万元").map(|k| to_wan(d, k));
    for s in schema::SECTIONS {
        if !matches!(s.body, Body::Rows(_)) {
            continue;
        }
        for field in schema::fields(s) {
            if !matches!(
                field.kind,
                FieldKind::Amount | FieldKind::Percent | FieldKind::Count | FieldKind::Points
            ) {
                continue;
            }
            let Some(v) = field.get.num(f) else { continue };
            let (unit, value) = match field.unit {
                FieldUnit::Amount => match money(v) {
                    Some(m) => ("万元", m),
                    None => continue,
                },
                FieldUnit::Of(u) => (u, v),
                FieldUnit::None => ("", v),
            };
            out.push(Figure {
                key: format!("{}.{}", s.path, field.key),
                label: field.label,
                kind: field.kind,
                unit,
                value,
            });
        }
    }
    if let Some(v) = three_public(f).and_then(money) {
        out.push(Figure {
            key: "three_public.total".into(),
            label: schema::l("“三公”经费", "“Three public” expenses"),
            kind: FieldKind::Amount,
            unit: "万元",
            value: v,
        });
    }
    out
}

/// An amount times the factor to 万元: as written when it is in 万元 already.
fn to_wan(d: Dec, k: Decimal) -> Dec {
    if k == Decimal::ONE {
        d
    } else {
        Dec((d.0 * k).normalize())
    }
}

/// The “三公”经费 actually spent, as stated.
fn three_public(f: &ReportFront) -> Option<Dec> {
    f.three_public
        .as_ref()
        .and_then(|t| t.total.as_ref())
        .and_then(|l| l.actual)
}

/// Every figure stated by more than one of the unit's department reports, over the years.
pub fn trends(site: &Site, unit_id: &str, cx: Cx) -> Vec<Trend> {
    let mut reports: Vec<&ReportEntry> = site
        .reports_of(unit_id)
        .into_iter()
        .filter(|e| e.report.front.kind == Kind::Department)
        .collect();
    reports.sort_by_key(|e| e.report.front.year);
    let per_report: Vec<(u16, Vec<Figure>)> = reports
        .iter()
        .map(|e| (e.report.front.year, figures(&e.report.front)))
        .collect();
    // Figures in the order the form lists them, first met first.
    let mut keys: Vec<(String, Label, FieldKind, &'static str)> = Vec::new();
    for (_, figs) in &per_report {
        for f in figs {
            if !keys.iter().any(|k| k.0 == f.key) {
                keys.push((f.key.clone(), f.label, f.kind, f.unit));
            }
        }
    }
    let mut out = Vec::new();
    for (key, label, kind, unit) in keys {
        let values: Vec<(u16, Option<Dec>)> = per_report
            .iter()
            .map(|(y, figs)| {
                (
                    *y,
                    figs.iter().find(|f| f.key == key && f.unit == unit).map(|f| f.value),
                )
            })
            .collect();
        if values.iter().filter(|v| v.1.is_some()).count() < 2 {
            continue;
        }
        let mut rows = Vec::new();
        let mut prev: Option<(u16, Dec)> = None;
        for (year, v) in &values {
            let change = match (prev, v) {
                (Some(p), Some(v)) => Some(change_text(p, *v, kind, cx)),
                _ => None,
            };
            rows.push(TrendRow {
                year: *year,
                value: v.map(|d| d.grouped()),
                change,
            });
            if let Some(v) = v {
                prev = Some((*year, *v));
            }
        }
        let latest = rows.iter().rev().find_map(|r| r.change.clone());
        out.push(Trend {
            id: format!("trend-{}", key.replace(['.', '_'], "-")),
            label: cx.pick(label.zh, label.en),
            unit: if unit.is_empty() {
                String::new()
            } else {
                let u = cx.words.unit(unit);
                cx.pick(&format!("（{u}）"), &format!(" ({u})"))
            },
            svg: columns(&values),
            rows,
            latest,
        });
    }
    out
}

/// The change from the previous stated year `prev` to `v`, in words: percent for amounts and
/// counts, percentage points for rates, points for scores.
pub fn change_text(prev: (u16, Dec), v: Dec, kind: FieldKind, cx: Cx) -> String {
    let (year, p) = prev;
    let d = v.0 - p.0;
    if d.is_zero() {
        return cx.pick(&format!("与{year}年持平"), &format!("unchanged from {year}"));
    }
    let up = d.is_sign_positive();
    let (amount, zh_unit, en_unit) = match kind {
        FieldKind::Percent => (d.abs().round_dp(2), " 个百分点", " percentage points"),
        FieldKind::Points => (d.abs().round_dp(2), " 分", " points"),
        _ if p.0.is_zero() => {
            return cx.pick(
                &format!("{year}年为 0，本年为 {}", v.grouped()),
                &format!("0 in {year}, {} now", v.grouped()),
            );
        }
        _ => ((d / p.0.abs() * Decimal::ONE_HUNDRED).abs().round_dp(1), "%", "%"),
    };
    let n = Dec(amount.normalize()).grouped();
    if up {
        cx.pick(
            &format!("比{year}年增加 {n}{zh_unit}"),
            &format!("up {n}{en_unit} on {year}"),
        )
    } else {
        cx.pick(
            &format!("比{year}年减少 {n}{zh_unit}"),
            &format!("down {n}{en_unit} on {year}"),
        )
    }
}

/// Columns, one per year, from a common zero; an empty slot for a year without the figure.
fn columns(values: &[(u16, Option<Dec>)]) -> String {
    use rust_decimal::prelude::ToPrimitive;
    let max = values
        .iter()
        .filter_map(|v| v.1)
        .map(|d| d.0.abs())
        .max()
        .unwrap_or_default();
    let (w, h, gap) = (22.0, 40.0, 6.0);
    let width = values.len() as f64 * (w + gap);
    let mut svg = format!(
        "<svg class=\"trend-svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {h}\" width=\"{width}\" height=\"{h}\" aria-hidden=\"true\" focusable=\"false\">"
    );
    svg.push_str(&format!(
        "<line x1=\"0\" y1=\"{h}\" x2=\"{width}\" y2=\"{h}\" stroke=\"#767676\" stroke-width=\"1\"/>"
    ));
    for (i, (_, v)) in values.iter().enumerate() {
        let Some(v) = v else { continue };
        let share = if max.is_zero() {
            0.0
        } else {
            (v.0.abs() / max).to_f64().unwrap_or(0.0)
        };
        let bar = (share * (h - 2.0)).max(1.0);
        let x = i as f64 * (w + gap) + gap / 2.0;
        svg.push_str(&format!(
            "<rect x=\"{x}\" y=\"{:.1}\" width=\"{w}\" height=\"{bar:.1}\" fill=\"#0072b2\"/>",
            h - bar
        ));
    }
    svg.push_str("</svg>");
    svg
}

/// The sorts of the year comparison: key (the view's folder, `by-<key>/`; the unit's name is
/// the year page itself) and column name.
pub const SORTS: &[(&str, &str, &str)] = &[
    ("unit", "单位", "Unit"),
    ("total", "整体支出", "Total expenditure"),
    ("score", "自评得分", "Self-evaluation score"),
    ("rate", "执行率", "Budget execution rate"),
    ("three-public", "“三公”经费", "“Three public” expenses"),
];

/// The folder of a year's view sorted by `key`, below the site root.
pub fn sorted_path(year: u16, key: &str) -> String {
    if key == "unit" {
        format!("years/{year}/")
    } else {
        format!("years/{year}/by-{key}/")
    }
}

/// One unit's department report of the year, on the key figures.
#[derive(Serialize, Debug)]
pub struct CompareRow {
    pub unit: String,
    pub unit_lang: Option<&'static str>,
    pub unit_url: String,
    pub report_url: String,
    pub cells: Vec<Option<String>>,
}

/// A column of the comparison: its name, the view sorted by it, and whether this is that view.
#[derive(Serialize, Debug)]
pub struct CompareColumn {
    pub key: &'static str,
    pub name: String,
    pub unit: String,
    pub url: String,
    pub current: bool,
}

#[derive(Serialize, Debug)]
pub struct Compare {
    pub columns: Vec<CompareColumn>,
    pub rows: Vec<CompareRow>,
    pub sort: String,
}

/// The units' department reports of `year` on the key figures, sorted by `sort` (highest
/// first; not stated last; the unit's name otherwise). `url` makes a site path a link.
pub fn compare(site: &Site, year: u16, sort: &str, cx: Cx, url: &dyn Fn(&str) -> String) -> Compare {
    let mut rows: Vec<(String, Vec<Option<Dec>>, &ReportEntry)> = site
        .reports
        .iter()
        .filter(|e| e.report.front.year == year && e.report.front.kind == Kind::Department)
        .map(|e| {
            let f = &e.report.front;
            let money =
                |d: Option<Dec>| d.and_then(|d| schema::money_factor(&f.amount_unit, "万元").map(|k| to_wan(d, k)));
            let values = vec![
                money(f.expenditure.as_ref().and_then(|x| x.total)),
                f.evaluation.as_ref().and_then(|v| v.score),
                f.final_accounts.as_ref().and_then(|a| a.execution_rate),
                money(three_public(f)),
            ];
            (cx.pick(&e.unit.profile.name, &e.unit.profile.name_en), values, e)
        })
        .collect();
    let col = SORTS.iter().position(|s| s.0 == sort).unwrap_or(0);
    rows.sort_by(|a, b| {
        let by_name = a.0.cmp(&b.0).then_with(|| a.2.unit.id.cmp(&b.2.unit.id));
        if col == 0 {
            return by_name;
        }
        match (a.1[col - 1], b.1[col - 1]) {
            (Some(x), Some(y)) => y.0.cmp(&x.0).then(by_name),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => by_name,
        }
    });
    let units = ["", "万元", "分", "%", "万元"];
    let columns = SORTS
        .iter()
        .enumerate()
        .map(|(i, (key, zh, en))| CompareColumn {
            key,
            name: cx.pick(zh, en),
            unit: if units[i].is_empty() {
                String::new()
            } else {
                cx.words.unit(units[i])
            },
            url: url(&sorted_path(year, key)),
            current: i == col,
        })
        .collect();
    let rows = rows
        .into_iter()
        .map(|(name, values, e)| CompareRow {
            unit_lang: cx.lang.mark_chinese(&name),
            unit: name,
            unit_url: url(&format!("parks/{}/", e.unit.id)),
            report_url: url(&e.path()),
            cells: values.into_iter().map(|v| v.map(|d| d.grouped())).collect(),
        })
        .collect();
    Compare {
        columns,
        rows,
        sort: SORTS[col].0.to_string(),
    }
}

/// A year's total expenditure over its department reports that state it (project reports
/// count project money only, and are left out): the sum in 万元, how many state it, of how
/// many.
pub fn year_total(site: &Site, year: u16) -> (Option<Dec>, usize, usize) {
    let reports: Vec<&ReportEntry> = site
        .reports
        .iter()
        .filter(|e| e.report.front.year == year && e.report.front.kind == Kind::Department)
        .collect();
    let stated: Vec<Decimal> = reports
        .iter()
        .filter_map(|e| {
            let f = &e.report.front;
            let k = schema::money_factor(&f.amount_unit, "万元")?;
            f.expenditure.as_ref().and_then(|x| x.total).map(|d| d.0 * k)
        })
        .collect();
    let sum = (!stated.is_empty()).then(|| Dec(stated.iter().sum()));
    (sum, stated.len(), reports.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_scale_to_the_largest() {
        let svg = columns(&[
            (2019, Some(Dec(Decimal::from(50)))),
            (2020, None),
            (2021, Some(Dec(Decimal::from(100)))),
        ]);
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(
            svg.contains("height=\"38.0\"") && svg.contains("height=\"19.0\""),
            "{svg}"
        );
    }
}
