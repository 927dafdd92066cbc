//! Which charts each page shows, built from the figures in the page's language.
//!
//! Report pages: composition of expenditure, named project items, “三公”经费 by item, budget
//! against actual (with the stated execution rates), funding by source, and — for project
//! reports — indicator points against weights by level-1 indicator. Unit pages: the trend over
//! the years. Year pages and the home page: units compared, and the spread of scores.

use crate::charts::{BarChart, Category, Value};
use crate::content::model::*;
use crate::decimal::Dec;
use crate::figures::catalog::{self, unit_en};
use crate::lang::Labels;
use crate::site::{Lang, ReportEntry, Site};
use rust_decimal::Decimal;

fn pick(lang: Lang, zh: &str, en: &str) -> String {
    lang.pick(zh, en).to_string()
}

/// Multiplier from `unit` to `base` (both among 元/万元/亿元), if convertible.
fn factor(unit: &str, base: &str) -> Option<Decimal> {
    let yuan = |u: &str| match u {
        "元" => Some(Decimal::ONE),
        "万元" => Some(Decimal::from(10_000)),
        "亿元" => Some(Decimal::from(100_000_000)),
        _ => None,
    };
    Some(yuan(unit)? / yuan(base)?)
}

/// A value in `unit`, drawn on a chart in `base`; labelled with its own unit when they differ.
fn value(d: Dec, unit: &str, base: &str, lang: Lang) -> Option<Value> {
    let f = factor(unit, base)?;
    let label = if unit == base {
        d.grouped()
    } else {
        format!("{} {}", d.grouped(), unit_name(unit, lang))
    };
    Some(Value { label, amount: d.0 * f })
}

fn unit_name(unit: &str, lang: Lang) -> String {
    lang.pick(unit.to_string(), unit_en(unit))
}

fn unit_note(unit: &str, lang: Lang) -> String {
    lang.pick(format!("单位：{unit}"), format!("Amounts in {}", unit_en(unit)))
}

struct Spec {
    lang: Lang,
    unit: String,
}

impl Spec {
    fn chart(
        &self,
        id: &str,
        zh: &str,
        en: &str,
        series: Vec<String>,
        categories: Vec<Category>,
        summary: String,
    ) -> BarChart {
        BarChart {
            id: format!("chart-{id}"),
            title: pick(self.lang, zh, en),
            unit_note: unit_note(&self.unit, self.lang),
            series,
            categories,
            max: None,
            ticks: None,
            not_disclosed: pick(self.lang, "未披露", "Not disclosed"),
            lang: self.lang.html(),
            summary,
        }
    }

    fn cat(&self, label: (&str, &str), values: Vec<Option<Value>>) -> Category {
        Category {
            label: pick(self.lang, label.0, label.1),
            values,
        }
    }

    fn amount(&self, d: Option<Dec>) -> Option<Value> {
        d.and_then(|d| value(d, &self.unit, &self.unit, self.lang))
    }

    fn with_unit(&self, d: Option<Dec>, unit: Option<&str>) -> Option<Value> {
        d.and_then(|d| value(d, unit.unwrap_or(&self.unit), &self.unit, self.lang))
    }

    fn item_label(&self, i: &Item) -> String {
        let zh = i.label.as_ref().or(i.name.as_ref()).cloned().unwrap_or_default();
        match self.lang.labels() {
            Labels::Chinese => zh,
            Labels::English => i.label_en.clone().or_else(|| i.name_en.clone()).unwrap_or(zh),
        }
    }
}

/// Charts of one report page.
pub fn report(front: &ReportFront, lang: Lang) -> Vec<BarChart> {
    let s = Spec {
        lang,
        unit: front.amount_unit.clone(),
    };
    let f = front;
    let mut out = Vec::new();
    let field = |section: &str, key: &str| catalog::field(section, key).unwrap_or(("", ""));

    if let Some(e) = &f.expenditure {
        let mut cats = Vec::new();
        if e.personnel.is_some() || e.public.is_some() {
            cats.push(s.cat(field("expenditure", "personnel"), vec![s.amount(e.personnel)]));
            cats.push(s.cat(field("expenditure", "public"), vec![s.amount(e.public)]));
        } else {
            cats.push(s.cat(field("expenditure", "basic"), vec![s.amount(e.basic)]));
        }
        cats.push(s.cat(field("expenditure", "project"), vec![s.amount(e.project)]));
        let summary = match e.total {
            Some(t) => pick(
                lang,
                &format!("整体支出 {} {}。", t.grouped(), s.unit),
                &format!("Total expenditure {} {}.", t.grouped(), unit_en(&s.unit)),
            ),
            None => pick(lang, "整体支出未披露。", "Total expenditure is not disclosed."),
        };
        out.push(s.chart(
            "expenditure",
            "支出构成",
            "Composition of expenditure",
            vec![],
            cats,
            summary,
        ));
        if !e.project_items.is_empty() {
            let cats = e
                .project_items
                .iter()
                .map(|i| Category {
                    label: s.item_label(i),
                    values: vec![s.with_unit(Some(i.value), i.unit.as_deref())],
                })
                .collect();
            let summary = pick(
                lang,
                &format!("{} 个项目支出明细。", e.project_items.len()),
                &format!("{} named project items.", e.project_items.len()),
            );
            out.push(s.chart(
                "project-items",
                "项目支出明细",
                "Project expenditure items",
                vec![],
                cats,
                summary,
            ));
        }
    }

    if let Some(tp) = &f.three_public {
        let lines = [
            ("overseas_travel", &tp.overseas_travel),
            ("hospitality", &tp.hospitality),
            ("vehicles", &tp.vehicles),
        ];
        let cats = lines
            .iter()
            .map(|(k, l)| {
                s.cat(
                    field("three_public", k),
                    vec![l.as_ref().and_then(|l| s.with_unit(l.actual, l.unit.as_deref()))],
                )
            })
            .collect();
        let total = tp.total.as_ref().and_then(|t| t.actual);
        let summary = match total {
            Some(t) => pick(
                lang,
                &format!("“三公”经费决算 {} {}。", t.grouped(), s.unit),
                &format!(
                    "\"Three public expenses\": {} {} in total.",
                    t.grouped(),
                    unit_en(&s.unit)
                ),
            ),
            None => pick(lang, "“三公”经费各项支出。", "\"Three public expenses\" by item."),
        };
        out.push(s.chart(
            "three-public",
            "“三公”经费",
            "\"Three public expenses\"",
            vec![],
            cats,
            summary,
        ));
    }

    // Budget against actual, where a budget is stated. Overall spending and “三公”经费 differ
    // by four orders of magnitude, so each gets its own chart and scale.
    let series = || vec![pick(lang, "预算数", "Budget"), pick(lang, "决算数（执行数）", "Actual")];
    let rate = |r: Option<Dec>| {
        r.map(|r| {
            pick(
                lang,
                &format!("（完成 {}%）", r.grouped()),
                &format!(" ({}% used)", r.grouped()),
            )
        })
        .unwrap_or_default()
    };
    let mut cats = Vec::new();
    if let Some(b) = f.budget.as_ref().and_then(|b| b.expenditure.or(b.full_year)) {
        let actual = f
            .final_accounts
            .as_ref()
            .and_then(|a| a.expenditure)
            .or(f.expenditure.as_ref().and_then(|e| e.total));
        let r = f.final_accounts.as_ref().and_then(|a| a.execution_rate);
        let (zh, en) = field("expenditure", "total");
        cats.push(Category {
            label: format!("{}{}", pick(lang, zh, en), rate(r)),
            values: vec![s.amount(Some(b)), s.amount(actual)],
        });
    }
    if let Some(p) = f
        .project
        .as_ref()
        .filter(|p| p.full_year.is_some() || p.initial.is_some())
    {
        cats.push(Category {
            label: format!("{}{}", pick(lang, "项目资金", "Project funds"), rate(p.rate)),
            values: vec![s.amount(p.full_year.or(p.initial)), s.amount(p.actual)],
        });
    }
    if !cats.is_empty() {
        let summary = pick(
            lang,
            "预算数与实际支出对比，括号内为报告所列执行率。",
            "Budget against actual; the execution rate, as stated, in brackets.",
        );
        out.push(s.chart(
            "budget-actual",
            "预算与执行",
            "Budget and actual",
            series(),
            cats,
            summary,
        ));
    }
    if let Some(tp) = &f.three_public {
        let cats: Vec<Category> = [
            ("total", &tp.total),
            ("overseas_travel", &tp.overseas_travel),
            ("hospitality", &tp.hospitality),
            ("vehicles", &tp.vehicles),
        ]
        .iter()
        .filter_map(|(k, l)| {
            let l = l.as_ref().filter(|l| l.budget.is_some())?;
            let (zh, en) = field("three_public", k);
            Some(Category {
                label: format!("{}{}", pick(lang, zh, en), rate(l.rate)),
                values: vec![
                    s.with_unit(l.budget, l.unit.as_deref()),
                    s.with_unit(l.actual, l.unit.as_deref()),
                ],
            })
        })
        .collect();
        if !cats.is_empty() {
            let summary = pick(
                lang,
                "“三公”经费预算数与决算数，括号内为报告所列完成预算的比例。",
                "\"Three public expenses\": budget against actual; the share of budget used, as stated, in brackets.",
            );
            out.push(s.chart(
                "three-public-budget",
                "“三公”经费预算与决算",
                "\"Three public expenses\": budget and actual",
                series(),
                cats,
                summary,
            ));
        }
    }

    // Funding by source.
    let sources = f
        .final_accounts
        .as_ref()
        .map(|a| a.income_sources.as_slice())
        .filter(|s| !s.is_empty())
        .or_else(|| {
            f.budget
                .as_ref()
                .map(|b| b.income_sources.as_slice())
                .filter(|s| !s.is_empty())
        });
    if let Some(items) = sources {
        let cats = items
            .iter()
            .map(|i| Category {
                label: s.item_label(i),
                values: vec![s.with_unit(Some(i.value), i.unit.as_deref())],
            })
            .collect();
        out.push(s.chart(
            "funding",
            "资金来源",
            "Funding by source",
            vec![],
            cats,
            pick(lang, "收入按来源。", "Income by source."),
        ));
    } else if let Some(e) = f.expenditure.as_ref().filter(|e| !e.by_fund.is_empty()) {
        let cats = e
            .by_fund
            .iter()
            .map(|b| {
                let k = catalog::find(catalog::FUNDS, b.fund.key())
                    .map(|k| (k.zh, k.en))
                    .unwrap_or(("", ""));
                let (v, suffix) = match (b.total, b.project) {
                    (Some(t), _) => (Some(t), ("", "")),
                    (None, Some(p)) => (Some(p), ("（项目支出）", " (project expenditure)")),
                    (None, None) => (None, ("", "")),
                };
                Category {
                    label: format!("{}{}", pick(lang, k.0, k.1), pick(lang, suffix.0, suffix.1)),
                    values: vec![s.amount(v)],
                }
            })
            .collect();
        out.push(s.chart(
            "funding",
            "支出按预算来源",
            "Expenditure by budget",
            vec![],
            cats,
            pick(lang, "各预算来源的支出。", "Spending from each budget."),
        ));
    }

    // Indicator points against weights, by level-1 indicator.
    if !f.indicators.is_empty() {
        let mut groups: Vec<(String, Option<Decimal>, Option<Decimal>)> = Vec::new();
        for ind in &f.indicators {
            let name = ind.level1.clone().unwrap_or_default();
            let pos = match groups.iter().position(|g| g.0 == name) {
                Some(p) => p,
                None => {
                    groups.push((name, Some(Decimal::ZERO), Some(Decimal::ZERO)));
                    groups.len() - 1
                }
            };
            let g = &mut groups[pos];
            g.1 = g.1.zip(ind.weight).map(|(a, b)| a + b.0);
            g.2 = g.2.zip(ind.score).map(|(a, b)| a + b.0);
        }
        if let Some(p) = &f.project
            && (p.weight.is_some() || p.score.is_some())
        {
            groups.insert(
                0,
                (
                    pick(lang, "资金执行率", "Budget execution"),
                    p.weight.map(|d| d.0),
                    p.score.map(|d| d.0),
                ),
            );
        }
        let pts = |d: Option<Decimal>| d.map(|d| Value::of(Dec(d)));
        let cats = groups
            .into_iter()
            .map(|(name, w, sc)| Category {
                label: name,
                values: vec![pts(w), pts(sc)],
            })
            .collect();
        let mut c = s.chart(
            "indicators",
            "指标得分与分值",
            "Indicator scores against weights",
            vec![pick(lang, "分值", "Weight"), pick(lang, "得分", "Score")],
            cats,
            pick(
                lang,
                "按一级指标汇总的分值与得分。",
                "Weights and scores summed by level-1 indicator.",
            ),
        );
        c.unit_note = pick(lang, "单位：分", "Points");
        out.push(c);
    }
    out
}

fn score_chart(lang: Lang, id: &str, title: (&str, &str), categories: Vec<Category>, summary: String) -> BarChart {
    BarChart {
        id: format!("chart-{id}"),
        title: pick(lang, title.0, title.1),
        unit_note: pick(
            lang,
            "单位：分（优 ≥ 90，良 80–90，中 60–80，差 < 60）",
            "Points (Excellent ≥ 90, Good 80–90, Fair 60–80, Poor < 60)",
        ),
        series: vec![],
        categories,
        max: Some(Decimal::ONE_HUNDRED),
        ticks: Some([0, 60, 80, 90, 100].iter().map(|v| Decimal::from(*v)).collect()),
        not_disclosed: pick(lang, "未披露", "Not disclosed"),
        lang: lang.html(),
        summary,
    }
}

fn score_of(e: &ReportEntry) -> Option<Value> {
    e.report.front.evaluation.as_ref().and_then(|v| v.score).map(Value::of)
}

/// The unit page: totals by year, and scores by year. Reads well with a single year too.
pub fn unit(site: &Site, unit_id: &str, lang: Lang) -> Vec<BarChart> {
    let mut reports = site.reports_of(unit_id);
    reports.reverse(); // oldest first, like a timeline
    let reports: Vec<&&ReportEntry> = reports
        .iter()
        .filter(|e| e.report.front.kind == Kind::Department)
        .collect();
    if reports.is_empty() {
        return Vec::new();
    }
    let s = Spec {
        lang,
        unit: "万元".into(),
    };
    let e_of = |e: &ReportEntry| e.report.front.expenditure.clone().unwrap_or_default();
    let conv = |e: &ReportEntry, d: Option<Dec>| d.and_then(|d| value(d, &e.report.front.amount_unit, "万元", lang));
    let cats: Vec<Category> = reports
        .iter()
        .map(|e| {
            let x = e_of(e);
            Category {
                label: e.report.front.year.to_string(),
                values: vec![conv(e, x.total), conv(e, x.basic), conv(e, x.project)],
            }
        })
        .collect();
    let series = vec![
        pick(lang, "整体支出", "Total expenditure"),
        pick(lang, "基本支出", "Basic expenditure"),
        pick(lang, "项目支出", "Project expenditure"),
    ];
    let years = reports.len();
    let summary = pick(
        lang,
        &format!("{years} 个年度的支出。"),
        &format!("Expenditure in {years} year(s)."),
    );
    let mut out = vec![s.chart("trend", "历年支出", "Expenditure by year", series, cats, summary)];
    let cats = reports
        .iter()
        .map(|e| Category {
            label: e.report.front.year.to_string(),
            values: vec![score_of(e)],
        })
        .collect();
    out.push(score_chart(
        lang,
        "scores",
        ("历年自评得分", "Self-evaluation score by year"),
        cats,
        pick(lang, "各年度自评得分。", "Score in each year."),
    ));
    out
}

/// Year page and home page: units compared (sorted), and the spread of scores.
pub fn year(site: &Site, year: u16, lang: Lang) -> Vec<BarChart> {
    let reports: Vec<&ReportEntry> = site
        .reports
        .iter()
        .filter(|e| e.report.front.year == year && e.report.front.kind == Kind::Department)
        .collect();
    if reports.is_empty() {
        return Vec::new();
    }
    let name = |e: &ReportEntry| pick(lang, &e.unit.profile.name, &e.unit.profile.name_en);
    let total = |e: &ReportEntry| {
        e.report
            .front
            .expenditure
            .as_ref()
            .and_then(|x| x.total)
            .and_then(|d| value(d, &e.report.front.amount_unit, "万元", lang))
    };
    let mut rows: Vec<(String, Option<Value>)> = reports.iter().map(|e| (name(e), total(e))).collect();
    sort_desc(&mut rows);
    let s = Spec {
        lang,
        unit: "万元".into(),
    };
    let disclosed = rows.iter().filter(|r| r.1.is_some()).count();
    let summary = pick(
        lang,
        &format!("{year} 年度各单位整体支出，从高到低；{disclosed} 个单位披露。"),
        &format!("Total expenditure of each unit in {year}, highest first; {disclosed} unit(s) disclose it."),
    );
    let cats = rows
        .into_iter()
        .map(|(label, v)| Category { label, values: vec![v] })
        .collect();
    let mut out = vec![s.chart(
        "compare",
        &format!("{year}年度各单位整体支出"),
        &format!("Total expenditure by unit, {year}"),
        vec![],
        cats,
        summary,
    )];
    let mut rows: Vec<(String, Option<Value>)> = reports.iter().map(|e| (name(e), score_of(e))).collect();
    sort_desc(&mut rows);
    let cats = rows
        .into_iter()
        .map(|(label, v)| Category { label, values: vec![v] })
        .collect();
    out.push(score_chart(
        lang,
        "score-spread",
        (&format!("{year}年度自评得分分布"), &format!("Spread of scores, {year}")),
        cats,
        pick(lang, "各单位自评得分，从高到低。", "Each unit's score, highest first."),
    ));
    out
}

/// Highest first; undisclosed last; ties by name (deterministic).
fn sort_desc(rows: &mut [(String, Option<Value>)]) {
    rows.sort_by(|a, b| match (&a.1, &b.1) {
        (Some(x), Some(y)) => y.amount.cmp(&x.amount).then_with(|| a.0.cmp(&b.0)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.0.cmp(&b.0),
    });
}
