//! Figure tables of a report page, in the page's language.
//!
//! Every standard figure of a section gets a row; a figure the report does not state is shown
//! as "未披露 / Not disclosed" (never 0). Values are printed from the exact decimals.

use crate::content::model::*;
use crate::decimal::Dec;
use crate::figures::catalog::{self, field, section, unit_en};
use crate::lang::Labels;
use crate::site::Lang;
use serde::Serialize;

/// A piece of text with the language it is written in, when that differs from the page.
#[derive(Clone, Debug, Serialize)]
pub struct Frag {
    pub text: String,
    pub lang: Option<&'static str>,
}

/// One table cell.
#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    pub parts: Vec<Frag>,
    /// `num`, `nd` (not disclosed), `sub` (a breakdown row label) or empty.
    pub class: &'static str,
}

/// One table of figures.
#[derive(Clone, Debug, Serialize)]
pub struct Table {
    pub id: String,
    pub title: String,
    pub headers: Vec<String>,
    /// First cell of each row is its header (`<th scope="row">`).
    #[serde(skip)]
    pub rows: Vec<Vec<Cell>>,
    /// The rows as HTML (`<tr>…</tr>` lines): the hottest loop of a large build, written here
    /// rather than interpreted from the template for each of thousands of pages.
    pub rows_html: String,
    /// Shown instead of rows when the whole section is not disclosed.
    pub empty: Option<String>,
    pub notes: Vec<Frag>,
}

/// Table rows as HTML; the first cell of a row is its header.
pub fn rows_html(rows: &[Vec<Cell>]) -> String {
    let mut out = String::with_capacity(rows.len() * 160);
    for row in rows {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            out.push_str(if i == 0 { "<th scope=\"row\"" } else { "<td" });
            if !c.class.is_empty() {
                out.push_str(" class=\"");
                escape_into(&mut out, c.class);
                out.push('"');
            }
            out.push('>');
            for p in &c.parts {
                match p.lang {
                    Some(lang) => {
                        out.push_str("<span lang=\"");
                        escape_into(&mut out, lang);
                        out.push_str("\">");
                        escape_into(&mut out, &p.text);
                        out.push_str("</span>");
                    }
                    None => escape_into(&mut out, &p.text),
                }
            }
            out.push_str(if i == 0 { "</th>" } else { "</td>" });
        }
        out.push_str("</tr>\n");
    }
    out
}

/// HTML-escapes text exactly as the templates do (`& < > " '`).
pub fn escape_into(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}

/// Builds cells and texts for one language.
pub struct Fmt<'a> {
    pub lang: Lang,
    pub unit: &'a str,
}

impl Fmt<'_> {
    fn pick(&self, zh: &str, en: &str) -> String {
        self.lang.pick(zh, en).to_string()
    }

    /// Chinese text from the report, marked as such on English pages.
    pub fn source_text(&self, text: &str) -> Frag {
        Frag {
            text: text.to_string(),
            lang: self.lang.mark_chinese(text),
        }
    }

    fn text(&self, text: String) -> Cell {
        Cell {
            parts: vec![Frag { text, lang: None }],
            class: "",
        }
    }

    fn label(&self, zh: &str, en: &str, sub: bool) -> Cell {
        Cell {
            parts: vec![Frag {
                text: self.pick(zh, en),
                lang: None,
            }],
            class: if sub { "sub" } else { "" },
        }
    }

    fn num(&self, v: Option<&Dec>) -> Cell {
        match v {
            Some(d) => Cell {
                parts: vec![Frag {
                    text: d.grouped(),
                    lang: None,
                }],
                class: "num",
            },
            None => self.nd(),
        }
    }

    fn pct(&self, v: Option<&Dec>) -> Cell {
        match v {
            Some(d) => Cell {
                parts: vec![Frag {
                    text: format!("{}%", d.grouped()),
                    lang: None,
                }],
                class: "num",
            },
            None => self.nd(),
        }
    }

    fn signed(&self, v: Option<&Dec>, pct: bool) -> Option<String> {
        v.map(|d| if pct { format!("{}%", d.signed()) } else { d.signed() })
    }

    /// The "not disclosed" cell.
    pub fn nd(&self) -> Cell {
        Cell {
            parts: vec![Frag {
                text: self.not_disclosed(),
                lang: None,
            }],
            class: "nd",
        }
    }

    /// "未披露" / "Not disclosed".
    pub fn not_disclosed(&self) -> String {
        self.pick("未披露", "Not disclosed")
    }

    /// A unit of measure in the page's language.
    pub fn unit_name(&self, unit: &str) -> String {
        self.lang.pick(unit.to_string(), unit_en(unit))
    }

    fn unit_cell(&self, unit: Option<&str>) -> Cell {
        self.text(self.unit_name(unit.unwrap_or(self.unit)))
    }

    fn details(&self, parts: Vec<Frag>) -> Cell {
        Cell {
            parts: join(parts, self.pick("；", "; ")),
            class: "",
        }
    }

    fn share(&self, v: Option<&Dec>, of_zh: &str, of_en: &str) -> Option<Frag> {
        v.map(|d| Frag {
            text: self.lang.pick(
                format!("占{of_zh} {}%", d.grouped()),
                format!("{}% of {of_en}", d.grouped()),
            ),
            lang: None,
        })
    }

    fn change(&self, amount: Option<&Dec>, pct: Option<&Dec>, unit: &str) -> Option<Frag> {
        let a = self
            .signed(amount, false)
            .map(|s| format!("{s} {}", self.unit_name(unit)));
        let p = self.signed(pct, true);
        let both = match (a, p) {
            (Some(a), Some(p)) => format!("{a} ({p})"),
            (Some(a), None) => a,
            (None, Some(p)) => p,
            (None, None) => return None,
        };
        Some(Frag {
            text: self.pick(&format!("较上年 {both}"), &format!("{both} on previous year")),
            lang: None,
        })
    }

    fn note(&self, note: Option<&String>) -> Option<Frag> {
        note.map(|n| self.source_text(n))
    }

    /// Row: label | value | unit | details.
    fn row(
        &self,
        section: &str,
        key: &str,
        v: Option<&Dec>,
        unit: Option<&str>,
        details: Vec<Option<Frag>>,
    ) -> Vec<Cell> {
        let (zh, en): (&str, &str) = field(section, key).unwrap_or((key, key));
        let sub = matches!(key, "personnel" | "public");
        vec![
            self.label(zh, en, sub),
            self.num(v),
            if v.is_some() {
                self.unit_cell(unit)
            } else {
                self.text(String::new())
            },
            self.details(details.into_iter().flatten().collect()),
        ]
    }

    fn item_row(&self, item: &Item, share_of: (&str, &str)) -> Vec<Cell> {
        let chinese = || item.label.clone().or(item.name.clone()).unwrap_or_default();
        let label = match self.lang.labels() {
            Labels::Chinese => chinese(),
            Labels::English => item.label_en.clone().or(item.name_en.clone()).unwrap_or_else(chinese),
        };
        let label_cell = Cell {
            parts: vec![if self.lang.mark_chinese(&label).is_some() {
                self.source_text(&label)
            } else {
                Frag {
                    text: label,
                    lang: None,
                }
            }],
            class: "sub",
        };
        let unit = item.unit.as_deref().unwrap_or(self.unit);
        let mut details = vec![
            self.share(item.share.as_ref(), share_of.0, share_of.1),
            self.change(item.change.as_ref(), item.change_pct.as_ref(), unit),
            item.fund.map(|f| {
                let k = catalog::find(catalog::FUNDS, f.key()).expect("every fund is in the catalogue");
                Frag {
                    text: self.pick(k.zh, k.en),
                    lang: None,
                }
            }),
            self.note(item.note.as_ref()),
        ];
        for a in &item.also_stated {
            let u = self.unit_name(a.unit.as_deref().unwrap_or(unit));
            let place = a.place.as_deref().map(|p| self.source_text(p));
            details.push(Some(Frag {
                text: self.pick(
                    &format!("报告另处所列：{} {u}", a.value.grouped()),
                    &format!("stated elsewhere in the report as {} {u}", a.value.grouped()),
                ),
                lang: None,
            }));
            details.push(place);
        }
        vec![
            label_cell,
            self.num(Some(&item.value)),
            self.text(self.unit_name(unit)),
            self.details(details.into_iter().flatten().collect()),
        ]
    }

    fn headers(&self, zh: &[&str], en: &[&str]) -> Vec<String> {
        self.lang.pick(zh, en).iter().map(|s| s.to_string()).collect()
    }

    fn table(&self, id: &str, present: bool, headers: Vec<String>, rows: Vec<Vec<Cell>>, notes: Vec<Frag>) -> Table {
        let (zh, en) = section(id);
        let rows = if present { rows } else { Vec::new() };
        Table {
            id: format!("fig-{}", id.replace('_', "-")),
            title: self.pick(zh, en),
            headers,
            rows_html: rows_html(&rows),
            rows,
            empty: (!present).then(|| self.pick("本报告未披露此部分数据。", "Not disclosed in this report.")),
            notes: if present { notes } else { Vec::new() },
        }
    }

    fn basic_headers(&self) -> Vec<String> {
        self.headers(&["项目", "数值", "单位", "说明"], &["Item", "Value", "Unit", "Details"])
    }
}

fn join(parts: Vec<Frag>, sep: String) -> Vec<Frag> {
    let mut out = Vec::new();
    for (i, p) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push(Frag {
                text: sep.clone(),
                lang: None,
            });
        }
        out.push(p);
    }
    out
}

/// True when `s` holds Chinese characters.
pub fn has_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF))
}

/// All figure tables of a report, in display order.
pub fn report_tables(front: &ReportFront, lang: Lang) -> Vec<Table> {
    let f = Fmt {
        lang,
        unit: &front.amount_unit,
    };
    let u = front.amount_unit.as_str();
    let mut out = Vec::new();

    let ev = front.evaluation.clone().unwrap_or_default();
    let grade = ev.grade.map(|g| {
        let (zh, en) = grade_names(g);
        f.text(f.pick(zh, &format!("{en} ({zh})")))
    });
    out.push(f.table(
        "evaluation",
        front.evaluation.is_some(),
        f.basic_headers(),
        vec![
            vec![
                f.label("自评得分", "Self-evaluation score", false),
                f.num(ev.score.as_ref()),
                f.text(f.pick("分", "points")),
                f.details(f.note(ev.note.as_ref()).into_iter().collect()),
            ],
            vec![
                f.label("绩效等级", "Grade", false),
                grade.unwrap_or_else(|| f.nd()),
                f.text(String::new()),
                f.details(Vec::new()),
            ],
        ],
        Vec::new(),
    ));

    let b = front.budget.clone().unwrap_or_default();
    let mut rows = vec![
        f.row("budget", "initial", b.initial.as_ref(), None, vec![]),
        f.row("budget", "full_year", b.full_year.as_ref(), None, vec![]),
        f.row(
            "budget",
            "income",
            b.income.as_ref(),
            None,
            vec![f.change(b.income_change.as_ref(), None, u)],
        ),
    ];
    rows.extend(
        b.income_sources
            .iter()
            .map(|i| f.item_row(i, ("收入预算", "budgeted income"))),
    );
    rows.push(f.row("budget", "expenditure", b.expenditure.as_ref(), None, vec![]));
    rows.push(f.row("budget", "basic", b.basic.as_ref(), None, vec![]));
    rows.push(f.row("budget", "project", b.project.as_ref(), None, vec![]));
    out.push(f.table(
        "budget",
        front.budget.is_some(),
        f.basic_headers(),
        rows,
        f.note(b.note.as_ref()).into_iter().collect(),
    ));

    let fa = front.final_accounts.clone().unwrap_or_default();
    let mut rows = vec![
        f.row(
            "final_accounts",
            "opening_balance",
            fa.opening_balance.as_ref(),
            None,
            vec![],
        ),
        f.row("final_accounts", "income", fa.income.as_ref(), None, vec![]),
    ];
    rows.extend(
        fa.income_sources
            .iter()
            .map(|i| f.item_row(i, ("总收入", "total income"))),
    );
    // 003-style reports state 决算支出合计 once, with its breakdown, under 支出: show it here too.
    let spent = fa
        .expenditure
        .as_ref()
        .or(front.expenditure.as_ref().and_then(|e| e.total.as_ref()));
    let see = (fa.expenditure.is_none() && spent.is_some()).then(|| Frag {
        text: f.pick("即“支出”部分的整体支出", "the total expenditure under Expenditure"),
        lang: None,
    });
    rows.push(f.row("final_accounts", "expenditure", spent, None, vec![see]));
    rows.push(f.row(
        "final_accounts",
        "closing_balance",
        fa.closing_balance.as_ref(),
        None,
        vec![],
    ));
    let (zh, en) = field("final_accounts", "execution_rate").unwrap_or_default();
    rows.push(vec![
        f.label(zh, en, false),
        f.pct(fa.execution_rate.as_ref()),
        f.text("%".into()),
        f.details(vec![]),
    ]);
    out.push(f.table(
        "final_accounts",
        front.final_accounts.is_some(),
        f.basic_headers(),
        rows,
        f.note(fa.note.as_ref()).into_iter().collect(),
    ));

    let e = front.expenditure.clone().unwrap_or_default();
    let rows = vec![
        f.row("expenditure", "total", e.total.as_ref(), None, vec![]),
        f.row(
            "expenditure",
            "basic",
            e.basic.as_ref(),
            None,
            vec![f.share(e.basic_share.as_ref(), "总支出", "total expenditure")],
        ),
        f.row(
            "expenditure",
            "personnel",
            e.personnel.as_ref(),
            None,
            vec![f.share(e.personnel_share.as_ref(), "基本支出", "basic expenditure")],
        ),
        f.row(
            "expenditure",
            "public",
            e.public.as_ref(),
            None,
            vec![f.share(e.public_share.as_ref(), "基本支出", "basic expenditure")],
        ),
        f.row(
            "expenditure",
            "project",
            e.project.as_ref(),
            None,
            vec![f.share(e.project_share.as_ref(), "总支出", "total expenditure")],
        ),
    ];
    out.push(f.table(
        "expenditure",
        front.expenditure.is_some(),
        f.basic_headers(),
        rows,
        f.note(e.note.as_ref()).into_iter().collect(),
    ));
    if !e.by_fund.is_empty() {
        let headers = f.headers(
            &["预算来源", "合计", "基本支出", "项目支出", "单位", "说明"],
            &[
                "Budget",
                "Total",
                "Basic expenditure",
                "Project expenditure",
                "Unit",
                "Details",
            ],
        );
        let rows = e
            .by_fund
            .iter()
            .map(|s| {
                let k = catalog::find(catalog::FUNDS, s.fund.key()).expect("every fund is in the catalogue");
                vec![
                    f.label(k.zh, k.en, false),
                    f.num(s.total.as_ref()),
                    f.num(s.basic.as_ref()),
                    f.num(s.project.as_ref()),
                    f.unit_cell(None),
                    f.details(f.note(s.note.as_ref()).into_iter().collect()),
                ]
            })
            .collect();
        out.push(f.table("by_fund", true, headers, rows, Vec::new()));
    }
    if !e.project_items.is_empty() {
        let rows = e
            .project_items
            .iter()
            .map(|i| f.item_row(i, ("项目支出", "project expenditure")))
            .collect();
        out.push(f.table("project_items", true, f.basic_headers(), rows, Vec::new()));
    }

    let tp = front.three_public.clone().unwrap_or_default();
    let headers = f.headers(
        &["项目", "预算数", "决算数", "单位", "完成预算", "较上年", "说明"],
        &[
            "Item",
            "Budget",
            "Actual",
            "Unit",
            "Share of budget used",
            "Change on previous year",
            "Details",
        ],
    );
    let lines = [
        ("total", &tp.total),
        ("overseas_travel", &tp.overseas_travel),
        ("hospitality", &tp.hospitality),
        ("vehicles", &tp.vehicles),
    ];
    let rows = lines
        .iter()
        .map(|(key, line)| {
            let (zh, en) = field("three_public", key).unwrap_or_default();
            let Some(l) = line else {
                return vec![
                    f.label(zh, en, *key != "total"),
                    f.nd(),
                    f.nd(),
                    f.text(String::new()),
                    f.text(String::new()),
                    f.text(String::new()),
                    f.details(vec![]),
                ];
            };
            let unit = l.unit.as_deref().unwrap_or(u);
            let mut details = Vec::new();
            if l.batches.is_some() || l.people.is_some() {
                let b = l.batches.map(|d| d.grouped()).unwrap_or_else(|| f.not_disclosed());
                let p = l.people.map(|d| d.grouped()).unwrap_or_else(|| f.not_disclosed());
                details.push(Frag {
                    text: f.pick(
                        &format!("接待 {b} 批 {p} 人次"),
                        &format!("{b} batches, {p} person-visits received"),
                    ),
                    lang: None,
                });
            }
            if let Some(p) = l.purchase {
                details.push(Frag {
                    text: f.pick(&format!("购置费 {}", p.grouped()), &format!("purchase {}", p.grouped())),
                    lang: None,
                });
            }
            if let Some(o) = l.operation {
                details.push(Frag {
                    text: f.pick(
                        &format!("运行维护费 {}", o.grouped()),
                        &format!("operation and maintenance {}", o.grouped()),
                    ),
                    lang: None,
                });
            }
            details.extend(f.note(l.note.as_ref()));
            let change = f
                .change(l.change.as_ref(), l.change_pct.as_ref(), unit)
                .map(|c| c.text)
                .unwrap_or_default();
            let change = change
                .trim_start_matches("较上年 ")
                .trim_end_matches(" on previous year")
                .to_string();
            vec![
                f.label(zh, en, *key != "total"),
                f.num(l.budget.as_ref()),
                f.num(l.actual.as_ref()),
                f.text(f.unit_name(unit)),
                l.rate
                    .as_ref()
                    .map(|r| f.pct(Some(r)))
                    .unwrap_or_else(|| f.text(String::new())),
                f.text(change),
                f.details(details),
            ]
        })
        .collect();
    out.push(f.table("three_public", front.three_public.is_some(), headers, rows, Vec::new()));

    let a = front.assets.clone().unwrap_or_default();
    let rows = vec![
        f.row("assets", "total", a.total.as_ref(), None, vec![]),
        f.row(
            "assets",
            "current",
            a.current.as_ref(),
            None,
            vec![f.share(a.current_share.as_ref(), "资产总额", "total assets")],
        ),
        f.row(
            "assets",
            "non_current",
            a.non_current.as_ref(),
            None,
            vec![f.share(a.non_current_share.as_ref(), "资产总额", "total assets")],
        ),
        f.row("assets", "fixed_net", a.fixed_net.as_ref(), None, vec![]),
        f.row("assets", "intangible_net", a.intangible_net.as_ref(), None, vec![]),
    ];
    let mut notes: Vec<Frag> = a
        .as_of
        .iter()
        .map(|d| Frag {
            text: f.pick(&format!("截至 {d}"), &format!("As of {d}")),
            lang: None,
        })
        .collect();
    notes.extend(f.note(a.note.as_ref()));
    out.push(f.table("assets", front.assets.is_some(), f.basic_headers(), rows, notes));

    let s = front.staffing.clone().unwrap_or_default();
    let mut rows = vec![
        f.row(
            "staffing",
            "authorized",
            s.authorized.as_ref(),
            Some("人"),
            vec![s.authorized_type.as_ref().map(|t| f.source_text(t))],
        ),
        f.row("staffing", "actual", s.actual.as_ref(), Some("人"), vec![]),
    ];
    rows.extend(s.categories.iter().map(|i| {
        f.item_row(
            &Item {
                unit: Some(i.unit.clone().unwrap_or_else(|| "人".into())),
                ..i.clone()
            },
            ("人员", "staff"),
        )
    }));
    rows.push(f.row(
        "staffing",
        "vehicles_authorized",
        s.vehicles_authorized.as_ref(),
        Some("辆"),
        vec![],
    ));
    rows.push(f.row(
        "staffing",
        "vehicles_actual",
        s.vehicles_actual.as_ref(),
        Some("辆"),
        vec![],
    ));
    out.push(f.table(
        "staffing",
        front.staffing.is_some(),
        f.basic_headers(),
        rows,
        f.note(s.note.as_ref()).into_iter().collect(),
    ));

    let rows = front.economy.iter().map(|i| f.item_row(i, ("", ""))).collect();
    out.push(f.table(
        "economy",
        !front.economy.is_empty(),
        f.basic_headers(),
        rows,
        Vec::new(),
    ));

    if front.kind == Kind::Project || front.project.is_some() {
        let p = front.project.clone().unwrap_or_default();
        let mut rows: Vec<Vec<Cell>> = ["initial", "full_year", "actual"]
            .iter()
            .map(|k| {
                f.row(
                    "project",
                    k,
                    match *k {
                        "initial" => p.initial.as_ref(),
                        "full_year" => p.full_year.as_ref(),
                        _ => p.actual.as_ref(),
                    },
                    None,
                    vec![],
                )
            })
            .collect();
        let (zh, en) = field("project", "rate").unwrap_or_default();
        rows.push(vec![
            f.label(zh, en, false),
            f.pct(p.rate.as_ref()),
            f.text("%".into()),
            f.details(vec![]),
        ]);
        rows.push(f.row("project", "weight", p.weight.as_ref(), Some("分"), vec![]));
        rows.push(f.row("project", "score", p.score.as_ref(), Some("分"), vec![]));
        out.push(f.table(
            "project",
            front.project.is_some(),
            f.basic_headers(),
            rows,
            f.note(p.note.as_ref()).into_iter().collect(),
        ));
    }
    out
}

/// Goals and indicator tables (project reports), with English text where translated.
/// The goal and indicator tables of a report in `lang`, with the text of `en`, the report's
/// translation into `lang` (none in the primary language).
pub fn project_tables(front: &ReportFront, en: Option<&TranslationFront>, lang: Lang) -> Vec<Table> {
    let f = Fmt {
        lang,
        unit: &front.amount_unit,
    };
    let mut out = Vec::new();
    if front.goals.is_empty() && front.indicators.is_empty() && front.kind != Kind::Project {
        return out;
    }
    let text = |zh: Option<&String>, tr: Option<&String>| -> Cell {
        match (tr, zh) {
            (Some(t), _) => f.text(t.clone()),
            (_, Some(z)) => Cell {
                parts: vec![f.source_text(z)],
                class: "",
            },
            _ => f.text(String::new()),
        }
    };
    let goals_en = en.map(|e| e.goals.as_slice()).unwrap_or(&[]);
    let rows = front
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let t = goals_en.get(i);
            vec![
                text(g.target.as_ref(), t.and_then(|t| t.target.as_ref())),
                text(g.actual.as_ref(), t.and_then(|t| t.actual.as_ref())),
            ]
        })
        .collect();
    let headers = f.headers(&["预期目标", "实际完成情况"], &["Expected objective", "Actual result"]);
    out.push(f.table("goals", !front.goals.is_empty(), headers, rows, Vec::new()));

    let ind_en = en.map(|e| e.indicators.as_slice()).unwrap_or(&[]);
    let headers = f.headers(
        &[
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ],
        &[
            "Level-1 indicator",
            "Level-2 indicator",
            "Level-3 indicator",
            "Annual target",
            "Actual result",
            "Weight",
            "Score",
            "Reasons for deviation and corrective measures",
        ],
    );
    let rows = front
        .indicators
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let t = ind_en.get(i);
            vec![
                text(r.level1.as_ref(), t.and_then(|t| t.level1.as_ref())),
                text(r.level2.as_ref(), t.and_then(|t| t.level2.as_ref())),
                text(r.level3.as_ref(), t.and_then(|t| t.level3.as_ref())),
                text(r.target.as_ref(), t.and_then(|t| t.target.as_ref())),
                text(r.actual.as_ref(), t.and_then(|t| t.actual.as_ref())),
                f.num(r.weight.as_ref()),
                f.num(r.score.as_ref()),
                text(r.deviation.as_ref(), t.and_then(|t| t.deviation.as_ref())),
            ]
        })
        .collect();
    out.push(f.table("indicators", !front.indicators.is_empty(), headers, rows, Vec::new()));
    out
}

/// Chinese and English names of a grade.
pub fn grade_names(g: Grade) -> (&'static str, &'static str) {
    match g {
        Grade::Excellent => ("优", "Excellent"),
        Grade::Good => ("良", "Good"),
        Grade::Fair => ("中", "Fair"),
        Grade::Poor => ("差", "Poor"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_html_with_header_cells_classes_languages_and_escaping() {
        let frag = |text: &str, lang| Frag {
            text: text.into(),
            lang,
        };
        let rows = vec![vec![
            Cell {
                parts: vec![frag("公务接待费 <a&b> \"q\" 'x'", None)],
                class: "sub",
            },
            Cell {
                parts: vec![frag("3.28", None), frag("万元", Some("zh-CN"))],
                class: "num",
            },
            Cell {
                parts: vec![],
                class: "",
            },
        ]];
        assert_eq!(
            rows_html(&rows),
            "<tr><th scope=\"row\" class=\"sub\">公务接待费 &lt;a&amp;b&gt; &quot;q&quot; &#39;x&#39;</th>\
             <td class=\"num\">3.28<span lang=\"zh-CN\">万元</span></td><td></td></tr>\n"
        );
    }
}
