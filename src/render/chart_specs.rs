//! Which charts each page shows, built from the figures in the page's language.
//!
//! Report pages: composition of expenditure, named project items, “三公”经费 by item, budget
//! against actual (with the stated execution rates), funding by source, and — for project
//! reports — indicator points against weights by level-1 indicator. Unit pages: the trend over
//! the years. Year pages and the home page: units compared, and the spread of scores.
//!
//! Figure names come from the form ([`crate::schema`]); units and "not disclosed" from the
//! theme's words.

use crate::charts::{BarChart, Category, Value};
use crate::content::model::*;
use crate::decimal::Dec;
use crate::lang::Labels;
use crate::schema::{self, Label};
use crate::site::{Lang, ReportEntry, Site};
use crate::theme::Words;
use rust_decimal::Decimal;

fn pick(lang: Lang, zh: &str, en: &str) -> String {
    lang.pick(zh, en).to_string()
}

/// The page's language and its words.
#[derive(Clone, Copy)]
pub struct Cx<'a> {
    pub lang: Lang,
    pub words: Words<'a>,
}

impl Cx<'_> {
    pub(crate) fn pick(&self, zh: &str, en: &str) -> String {
        self.words.pick(self.lang, zh, en)
    }

    fn name(&self, l: Label) -> String {
        self.pick(l.zh, l.en)
    }

    /// A value in `unit`, drawn on a chart in `base`. The label is in the chart's unit (the
    /// exact conversion), with the figure as stated after it when the units differ: a "0 元"
    /// bar in a 万元 chart reads 0, and 12,345 元 reads 1.2345（12,345 元）.
    fn value(&self, d: Dec, unit: &str, base: &str) -> Option<Value> {
        let f = schema::money_factor(unit, base)?;
        let amount = d.0 * f;
        let label = if unit == base {
            d.grouped()
        } else if d.0.is_zero() {
            "0".to_string()
        } else {
            let stated = format!("{} {}", d.grouped(), self.words.unit(unit));
            let converted = Dec(amount.normalize()).grouped();
            self.pick(&format!("{converted}（{stated}）"), &format!("{converted} ({stated})"))
        };
        Some(Value { label, amount })
    }

    fn unit_note(&self, unit: &str) -> String {
        self.words.fill("chart_unit_note", "unit", &self.words.unit(unit))
    }
}

/// A figure's label by front-matter path.
fn label(path: &str) -> Label {
    schema::label(path)
}

struct Spec<'a> {
    cx: Cx<'a>,
    unit: String,
}

impl Spec<'_> {
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
            title: self.cx.pick(zh, en),
            unit_note: self.cx.unit_note(&self.unit),
            series,
            categories,
            max: None,
            ticks: None,
            not_disclosed: self.cx.words.get("not_disclosed").to_string(),
            summary,
        }
    }

    fn cat(&self, l: Label, values: Vec<Option<Value>>) -> Category {
        Category {
            label: self.cx.name(l),
            values,
        }
    }

    fn amount(&self, d: Option<Dec>) -> Option<Value> {
        d.and_then(|d| self.cx.value(d, &self.unit, &self.unit))
    }

    fn with_unit(&self, d: Option<Dec>, unit: Option<&str>) -> Option<Value> {
        d.and_then(|d| self.cx.value(d, unit.unwrap_or(&self.unit), &self.unit))
    }

    fn item_label(&self, i: &Item) -> String {
        let zh = i.label.as_ref().or(i.name.as_ref()).cloned().unwrap_or_default();
        match self.cx.lang.labels() {
            Labels::Chinese => self.cx.pick(&zh, ""),
            Labels::English => i.label_en.clone().or_else(|| i.name_en.clone()).unwrap_or(zh),
        }
    }

    /// An amount with the report's unit, for summaries.
    fn stated(&self, d: Dec) -> String {
        format!("{} {}", d.grouped(), self.cx.words.unit(&self.unit))
    }
}

/// Charts of one report page, in page order.
pub fn report(front: &ReportFront, cx: Cx) -> Vec<BarChart> {
    let s = Spec {
        cx,
        unit: front.amount_unit.clone(),
    };
    let mut out = Vec::new();
    out.extend(expenditure_chart(&s, front));
    out.extend(project_items_chart(&s, front));
    out.extend(three_public_chart(&s, front));
    out.extend(budget_actual_chart(&s, front));
    out.extend(three_public_budget_chart(&s, front));
    out.extend(funding_chart(&s, front));
    out.extend(indicators_chart(&s, front));
    out
}

/// Composition of expenditure: personnel and public (or basic), and project.
fn expenditure_chart(s: &Spec, f: &ReportFront) -> Option<BarChart> {
    let e = f.expenditure.as_ref()?;
    let mut cats = Vec::new();
    if e.personnel.is_some() || e.public.is_some() {
        cats.push(s.cat(label("expenditure.personnel"), vec![s.amount(e.personnel)]));
        cats.push(s.cat(label("expenditure.public"), vec![s.amount(e.public)]));
    } else {
        cats.push(s.cat(label("expenditure.basic"), vec![s.amount(e.basic)]));
    }
    cats.push(s.cat(label("expenditure.project"), vec![s.amount(e.project)]));
    let total = label("expenditure.total");
    let summary = match e.total {
        Some(t) => s.cx.pick(
            &format!("{} {}。", total.zh, s.stated(t)),
            &format!("{} {}.", total.en, s.stated(t)),
        ),
        None => s.cx.pick(
            &format!("{}{}。", total.zh, s.cx.words.get("not_disclosed")),
            &format!("{} is not disclosed.", total.en),
        ),
    };
    Some(s.chart(
        "expenditure",
        "支出构成",
        "Composition of expenditure",
        vec![],
        cats,
        summary,
    ))
}

fn project_items_chart(s: &Spec, f: &ReportFront) -> Option<BarChart> {
    let items = &f.expenditure.as_ref()?.project_items;
    if items.is_empty() {
        return None;
    }
    let cats = items
        .iter()
        .map(|i| Category {
            label: s.item_label(i),
            values: vec![s.with_unit(Some(i.value), i.unit.as_deref())],
        })
        .collect();
    let summary = s.cx.pick(
        &format!("{} 个项目支出明细。", items.len()),
        &format!("{} named project items.", items.len()),
    );
    let title = schema::section("project_items").map(|x| x.title).unwrap_or(label(""));
    Some(s.chart("project-items", title.zh, title.en, vec![], cats, summary))
}

fn three_public_chart(s: &Spec, f: &ReportFront) -> Option<BarChart> {
    let tp = f.three_public.as_ref()?;
    let cats = tp.lines()[1..]
        .iter()
        .map(|(k, l)| {
            s.cat(
                label(&format!("three_public.{k}")),
                vec![l.as_ref().and_then(|l| s.with_unit(l.actual, l.unit.as_deref()))],
            )
        })
        .collect();
    let total = tp.total.as_ref().and_then(|t| t.actual);
    let summary = match total {
        Some(t) => s.cx.pick(
            &format!("“三公”经费决算 {}。", s.stated(t)),
            &format!("\"Three public expenses\": {} in total.", s.stated(t)),
        ),
        None => s.cx.pick("“三公”经费各项支出。", "\"Three public expenses\" by item."),
    };
    let title = schema::section("three_public").map(|x| x.title).unwrap_or(label(""));
    Some(s.chart("three-public", title.zh, title.en, vec![], cats, summary))
}

fn budget_series(s: &Spec) -> Vec<String> {
    vec![s.cx.pick("预算数", "Budget"), s.cx.pick("决算数（执行数）", "Actual")]
}

/// "（完成 x%）": the stated execution rate after a category's name.
fn rate(s: &Spec, r: Option<Dec>) -> String {
    r.map(|r| {
        s.cx.pick(
            &format!("（完成 {}%）", r.grouped()),
            &format!(" ({}% used)", r.grouped()),
        )
    })
    .unwrap_or_default()
}

/// Budget against actual, where a budget is stated. Overall spending and “三公”经费 differ by
/// four orders of magnitude, so each gets its own chart and scale.
fn budget_actual_chart(s: &Spec, f: &ReportFront) -> Option<BarChart> {
    let mut cats = Vec::new();
    if let Some(b) = f.budget.as_ref().and_then(|b| b.expenditure.or(b.full_year)) {
        let actual = f
            .final_accounts
            .as_ref()
            .and_then(|a| a.expenditure)
            .or(f.expenditure.as_ref().and_then(|e| e.total));
        let r = f.final_accounts.as_ref().and_then(|a| a.execution_rate);
        cats.push(Category {
            label: format!("{}{}", s.cx.name(label("expenditure.total")), rate(s, r)),
            values: vec![s.amount(Some(b)), s.amount(actual)],
        });
    }
    if let Some(p) = f
        .project
        .as_ref()
        .filter(|p| p.full_year.is_some() || p.initial.is_some())
    {
        // The block is 项目资金 on the project form, 年度预算资金 on the department form.
        let name = match f.kind {
            Kind::Project => {
                s.cx.name(schema::section("project").map(|x| x.title).unwrap_or(label("")))
            }
            Kind::Department => s.cx.pick("年度预算资金", "Annual budget funds"),
        };
        cats.push(Category {
            label: format!("{name}{}", rate(s, p.rate)),
            values: vec![s.amount(p.full_year.or(p.initial)), s.amount(p.actual)],
        });
    }
    if cats.is_empty() {
        return None;
    }
    let summary = s.cx.pick(
        "预算数与实际支出对比，括号内为报告所列执行率。",
        "Budget against actual; the execution rate, as stated, in brackets.",
    );
    Some(s.chart(
        "budget-actual",
        "预算与执行",
        "Budget and actual",
        budget_series(s),
        cats,
        summary,
    ))
}

fn three_public_budget_chart(s: &Spec, f: &ReportFront) -> Option<BarChart> {
    let tp = f.three_public.as_ref()?;
    let cats: Vec<Category> = tp
        .lines()
        .iter()
        .filter_map(|(k, l)| {
            let l = l.as_ref().filter(|l| l.budget.is_some())?;
            Some(Category {
                label: format!("{}{}", s.cx.name(label(&format!("three_public.{k}"))), rate(s, l.rate)),
                values: vec![
                    s.with_unit(l.budget, l.unit.as_deref()),
                    s.with_unit(l.actual, l.unit.as_deref()),
                ],
            })
        })
        .collect();
    if cats.is_empty() {
        return None;
    }
    let summary = s.cx.pick(
        "“三公”经费预算数与决算数，括号内为报告所列完成预算的比例。",
        "\"Three public expenses\": budget against actual; the share of budget used, as stated, in brackets.",
    );
    Some(s.chart(
        "three-public-budget",
        "“三公”经费预算与决算",
        "\"Three public expenses\": budget and actual",
        budget_series(s),
        cats,
        summary,
    ))
}

/// Funding by source: final-accounts income, else budgeted income, else spending by budget.
fn funding_chart(s: &Spec, f: &ReportFront) -> Option<BarChart> {
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
        return Some(s.chart(
            "funding",
            "资金来源",
            "Funding by source",
            vec![],
            cats,
            s.cx.pick("收入按来源。", "Income by source."),
        ));
    }
    let e = f.expenditure.as_ref().filter(|e| !e.by_fund.is_empty())?;
    let project = label("expenditure.project");
    let cats = e
        .by_fund
        .iter()
        .map(|b| {
            let k = schema::fund_label(b.fund);
            let (v, suffix) = match (b.total, b.project) {
                (Some(t), _) => (Some(t), String::new()),
                (None, Some(p)) => (
                    Some(p),
                    s.cx.pick(
                        &format!("（{}）", project.zh),
                        &format!(" ({})", project.en.to_lowercase()),
                    ),
                ),
                (None, None) => (None, String::new()),
            };
            Category {
                label: format!("{}{suffix}", s.cx.name(k)),
                values: vec![s.amount(v)],
            }
        })
        .collect();
    let title = schema::section("by_fund").map(|x| x.title).unwrap_or(label(""));
    Some(s.chart(
        "funding",
        title.zh,
        title.en,
        vec![],
        cats,
        s.cx.pick("各预算来源的支出。", "Spending from each budget."),
    ))
}

/// Indicator points against weights, by level-1 indicator.
fn indicators_chart(s: &Spec, f: &ReportFront) -> Option<BarChart> {
    if f.indicators.is_empty() {
        return None;
    }
    let mut groups: Vec<(String, Option<Decimal>, Option<Decimal>)> = Vec::new();
    // A row the form leaves blank has no weight to add: it disables no sum.
    for ind in f.indicators.iter().filter(|i| !i.is_blank()) {
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
    // A head's stated weight and score are published as stated (产出指标（50分）), even where
    // its rows add up to something else: the checks say so, the chart does not correct it.
    for head in f.indicator_groups.iter().filter(|g| g.level2.is_none()) {
        let name = head.level1.trim();
        match groups.iter_mut().find(|g| g.0.trim() == name) {
            Some(g) => {
                g.1 = head.weight.map(|d| d.0).or(g.1);
                g.2 = head.score.map(|d| d.0).or(g.2);
            }
            None => groups.push((name.to_string(), head.weight.map(|d| d.0), head.score.map(|d| d.0))),
        }
    }
    if let Some(p) = &f.project
        && (p.weight.is_some() || p.score.is_some())
    {
        groups.insert(
            0,
            (
                s.cx.pick("资金执行率", "Budget execution"),
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
    let (weight, score) = (label("project.weight"), label("project.score"));
    let mut c = s.chart(
        "indicators",
        "指标得分与分值",
        "Indicator scores against weights",
        vec![s.cx.pick(weight.zh, "Weight"), s.cx.name(score)],
        cats,
        s.cx.pick(
            "各一级指标的分值与得分（报告列出的，否则为其下各指标之和）。",
            "Weights and scores of each level-1 indicator (as the report states them, else the sum of its rows).",
        ),
    );
    c.unit_note = s.cx.words.get("chart_points").to_string();
    Some(c)
}

fn score_chart(cx: Cx, id: &str, title: (&str, &str), categories: Vec<Category>, summary: String) -> BarChart {
    BarChart {
        id: format!("chart-{id}"),
        title: cx.pick(title.0, title.1),
        unit_note: cx.pick(
            "单位：分（优 ≥ 90，良 80–90，中 60–80，差 < 60）",
            "Points (Excellent ≥ 90, Good 80–90, Fair 60–80, Poor < 60)",
        ),
        series: vec![],
        categories,
        max: Some(Decimal::ONE_HUNDRED),
        ticks: Some([0, 60, 80, 90, 100].iter().map(|v| Decimal::from(*v)).collect()),
        not_disclosed: cx.words.get("not_disclosed").to_string(),
        summary,
    }
}

fn score_of(e: &ReportEntry) -> Option<Value> {
    e.report.front.evaluation.as_ref().and_then(|v| v.score).map(Value::of)
}

/// The unit page: totals by year, and scores by year. Reads well with a single year too.
pub fn unit(site: &Site, unit_id: &str, cx: Cx) -> Vec<BarChart> {
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
        cx,
        unit: "万元".into(),
    };
    let e_of = |e: &ReportEntry| e.report.front.expenditure.clone().unwrap_or_default();
    let conv = |e: &ReportEntry, d: Option<Dec>| d.and_then(|d| cx.value(d, &e.report.front.amount_unit, "万元"));
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
    let series = ["total", "basic", "project"]
        .map(|k| cx.name(label(&format!("expenditure.{k}"))))
        .to_vec();
    let years = reports.len();
    let summary = cx.pick(
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
        cx,
        "scores",
        ("历年自评得分", "Self-evaluation score by year"),
        cats,
        cx.pick("各年度自评得分。", "Score in each year."),
    ));
    out
}

/// Year page and home page: units compared (sorted), and the spread of scores.
pub fn year(site: &Site, year: u16, cx: Cx) -> Vec<BarChart> {
    let lang = cx.lang;
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
            .and_then(|d| cx.value(d, &e.report.front.amount_unit, "万元"))
    };
    let mut rows: Vec<(String, Option<Value>)> = reports.iter().map(|e| (name(e), total(e))).collect();
    sort_desc(&mut rows);
    let s = Spec {
        cx,
        unit: "万元".into(),
    };
    let disclosed = rows.iter().filter(|r| r.1.is_some()).count();
    let summary = cx.pick(
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
    out.push(score_bands(cx, year, &reports));
    out
}

/// The spread of a year's scores: how many units score in each band (优 ≥ 90, 良 80–90,
/// 中 60–80, 差 < 60), and how many state no score.
fn score_bands(cx: Cx, year: u16, reports: &[&ReportEntry]) -> BarChart {
    let bands: [(&str, &str, i64); 4] = [
        ("优（90 分及以上）", "Excellent (90 or more)", 90),
        ("良（80–90 分）", "Good (80–90)", 80),
        ("中（60–80 分）", "Fair (60–80)", 60),
        ("差（60 分以下）", "Poor (below 60)", i64::MIN),
    ];
    let mut counts = [0u32; 5];
    for e in reports {
        let score = e.report.front.evaluation.as_ref().and_then(|v| v.score);
        let band = match score {
            Some(s) => bands
                .iter()
                .position(|b| b.2 == i64::MIN || s.0 >= Decimal::from(b.2))
                .unwrap_or(3),
            None => 4,
        };
        counts[band] += 1;
    }
    let count = |n: u32| Some(Value::of(Dec(Decimal::from(n))));
    let mut categories: Vec<Category> = bands
        .iter()
        .enumerate()
        .map(|(i, b)| Category {
            label: cx.pick(b.0, b.1),
            values: vec![count(counts[i])],
        })
        .collect();
    if counts[4] > 0 {
        categories.push(Category {
            label: cx.pick("未列出得分", "No score stated"),
            values: vec![count(counts[4])],
        });
    }
    let [ex, good, fair, poor, none] = counts;
    let scored = ex + good + fair + poor;
    BarChart {
        id: "chart-score-spread".into(),
        title: cx.pick(&format!("{year}年度自评得分分布"), &format!("Spread of scores, {year}")),
        unit_note: cx.pick("单位：个单位（各档的单位数）", "Number of units in each band"),
        series: vec![],
        categories,
        max: None,
        ticks: None,
        not_disclosed: cx.words.get("not_disclosed").to_string(),
        summary: cx.pick(
            &format!(
                "{scored} 个单位列出自评得分：优 {ex} 个，良 {good} 个，中 {fair} 个，差 {poor} 个{}。得分为各单位自评。",
                if none > 0 { format!("；{none} 个单位未列出") } else { String::new() }
            ),
            &format!(
                "{scored} unit(s) state a score: {ex} excellent, {good} good, {fair} fair, {poor} poor{}. Scores are self-assessed.",
                if none > 0 { format!("; {none} state none") } else { String::new() }
            ),
        ),
    }
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
