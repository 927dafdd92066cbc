//! Figure tables of a report page, in the page's language.
//!
//! Every standard figure of a section gets a row; a figure the report does not state is shown
//! with the theme's word for "not disclosed" (never 0). Values are printed from the exact decimals.

use crate::content::model::*;
use crate::decimal::Dec;
use crate::lang::Labels;
use crate::schema::{self, Body, Entry, Field, Get, Items, Kind as FieldKind, Label, Place, Section, Shown, Unit};
use crate::site::Lang;
use crate::theme::Words;
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
    pub words: Words<'a>,
}

impl Fmt<'_> {
    fn pick(&self, zh: &str, en: &str) -> String {
        self.words.pick(self.lang, zh, en)
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

    /// The theme's word for a figure not disclosed.
    pub fn not_disclosed(&self) -> String {
        self.words.get("not_disclosed").to_string()
    }

    /// A unit of measure in the page's language.
    pub fn unit_name(&self, unit: &str) -> String {
        self.words.unit(unit)
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

    /// A share with what it is a share of. A list whose rows are shares of different things
    /// (经济运行成果) names no denominator: the row's note names it, so in Chinese the share is
    /// left to the note when the note states it, and otherwise called a share (占比) without
    /// inventing a base; never `占 72%` / `72% of ` with the base missing.
    fn share(&self, v: Option<&Dec>, of_zh: &str, of_en: &str, note: Option<&str>) -> Option<Frag> {
        let d = v?;
        let pct = format!("{}%", d.grouped());
        let text = match (of_zh.trim().is_empty(), self.lang.labels()) {
            (false, _) => self.lang.pick(format!("占{of_zh} {pct}"), format!("{pct} of {of_en}")),
            (true, Labels::Chinese) if note.is_some_and(|n| n.contains(&pct)) => return None,
            (true, _) => self.lang.pick(format!("占比 {pct}"), format!("share: {pct}")),
        };
        Some(Frag { text, lang: None })
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

    /// A grade as the theme names it; on a page not in Chinese, with the grade as the report
    /// states it: `Good (良)`.
    pub fn grade(&self, g: Grade) -> String {
        let name = self.words.get(grade_key(g));
        match self.lang.labels() {
            Labels::Chinese => name.to_string(),
            Labels::English => format!("{name} ({})", schema::grade_names(g).0),
        }
    }

    /// A grade as a cell: on a page not in Chinese, the grade as the report states it is
    /// marked as Chinese (`Good (<span lang="zh-CN">良</span>)`).
    pub fn grade_cell(&self, g: Grade) -> Cell {
        let name = self.words.get(grade_key(g)).to_string();
        let parts = match self.lang.labels() {
            Labels::Chinese => vec![Frag { text: name, lang: None }],
            Labels::English => vec![
                Frag {
                    text: format!("{name} ("),
                    lang: None,
                },
                self.source_text(schema::grade_names(g).0),
                Frag {
                    text: ")".into(),
                    lang: None,
                },
            ],
        };
        Cell { parts, class: "" }
    }

    /// A form label in the page's language.
    fn name(&self, l: Label) -> String {
        self.pick(l.zh, l.en)
    }

    fn item_row(&self, item: &Item, share_of: (&str, &str), default_unit: &str) -> Vec<Cell> {
        let chinese = || item.label.clone().or(item.name.clone()).unwrap_or_default();
        let label = match self.lang.labels() {
            Labels::Chinese => self.pick(&chinese(), ""),
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
        let unit = item.unit.as_deref().unwrap_or(default_unit);
        let mut details = vec![
            self.share(item.share.as_ref(), share_of.0, share_of.1, item.note.as_deref()),
            self.change(item.change.as_ref(), item.change_pct.as_ref(), unit),
            item.fund.map(|f| Frag {
                text: self.name(schema::fund_label(f)),
                lang: None,
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
        // A rate carries its % in the value; the unit column then stays empty, so a unit is
        // never shown twice (`98.47% | %`).
        let (value, unit_text) = if unit == "%" {
            (self.pct(Some(&item.value)), String::new())
        } else {
            details.insert(0, self.approx(&item.value, unit));
            (self.num(Some(&item.value)), self.unit_name(unit))
        };
        vec![
            label_cell,
            value,
            self.text(unit_text),
            self.details(details.into_iter().flatten().collect()),
        ]
    }

    /// For a large sum of money, its human-scale reading (`约16.6亿元`, `about CNY 1.66
    /// billion`), first in the details beside the exact figure, which stays as stated.
    fn approx(&self, v: &Dec, unit: &str) -> Option<Frag> {
        super::human::approx(*v, unit, self.lang.labels()).map(|text| Frag { text, lang: None })
    }

    fn headers(&self, zh: &[&str], en: &[&str]) -> Vec<String> {
        zh.iter().zip(en).map(|(z, e)| self.pick(z, e)).collect()
    }

    fn table(
        &self,
        section: &Section,
        present: bool,
        headers: Vec<String>,
        rows: Vec<Vec<Cell>>,
        notes: Vec<Frag>,
    ) -> Table {
        let rows = if present { rows } else { Vec::new() };
        Table {
            id: format!("fig-{}", section.key.replace('_', "-")),
            title: self.name(section.title),
            headers,
            rows_html: rows_html(&rows),
            rows,
            empty: (!present).then(|| self.words.get("section_not_disclosed").to_string()),
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

/// The figure tables of a report, in the form's order ([`schema::SECTIONS`]), but for the
/// sections its self-evaluation form draws ([`super::form`]).
pub fn report_tables(front: &ReportFront, lang: Lang, words: Words) -> Vec<Table> {
    let f = Fmt {
        lang,
        unit: &front.amount_unit,
        words,
    };
    // A report with a self-evaluation form shows the form's sections as the form.
    let form = super::form::has_form(front);
    schema::SECTIONS
        .iter()
        .filter(|s| !(form && super::form::FORM_SECTIONS.contains(&s.key)))
        .filter_map(|s| f.section(front, s))
        .collect()
}

impl Fmt<'_> {
    /// One section's table; `None` when the section is not shown for this report.
    fn section(&self, front: &ReportFront, s: &Section) -> Option<Table> {
        let given = (s.given)(front);
        let shown = match s.shown {
            Shown::Always => true,
            Shown::WhenGiven => given,
            Shown::Project => given || front.kind == Kind::Project,
            Shown::Department => given || front.kind == Kind::Department,
        };
        if !shown {
            return None;
        }
        let (headers, rows, notes) = match s.body {
            Body::Rows(entries) => self.rows_body(front, entries),
            Body::Funds => self.funds_body(front),
            Body::List(items) => (self.basic_headers(), self.items_rows(front, &items), Vec::new()),
            Body::Lines(lines, _) => self.lines_body(front, lines),
            Body::Goals(_) | Body::Indicators(_) | Body::Matrix(..) | Body::Groups(_) => return None,
        };
        Some(self.table(s, given, headers, rows, notes))
    }

    /// Label | value | unit | details rows of a section of fields, with its notes.
    fn rows_body(&self, front: &ReportFront, entries: &[Entry]) -> (Vec<String>, Vec<Vec<Cell>>, Vec<Frag>) {
        let mut rows = Vec::new();
        let mut notes = Vec::new();
        for entry in entries {
            match entry {
                Entry::Items(items) => rows.extend(self.items_rows(front, items)),
                Entry::Field(field) => match field.place {
                    Place::Row | Place::Sub => rows.push(self.field_row(front, field, entries)),
                    Place::AsOf => notes.extend(self.text_of(front, field).map(|d| Frag {
                        text: self.words.fill("as_of", "date", &d),
                        lang: None,
                    })),
                    Place::Note => notes.extend(self.text_of(front, field).map(|n| self.source_text(&n))),
                    Place::ShareOf(..) | Place::ChangeOf(_) | Place::TextOf(_) | Place::InForm => {}
                },
            }
        }
        (self.basic_headers(), rows, notes)
    }

    fn text_of(&self, front: &ReportFront, field: &Field) -> Option<String> {
        match field.get {
            Get::Text(get) => get(front).map(str::to_string),
            _ => None,
        }
    }

    /// The row of one field, with the fields placed in its details.
    fn field_row(&self, front: &ReportFront, field: &Field, entries: &[Entry]) -> Vec<Cell> {
        let mut details: Vec<Option<Frag>> = Vec::new();
        let value = match field.get {
            Get::Grade(get) => Some(match get(front) {
                Some(g) => self.grade_cell(g),
                None => self.nd(),
            }),
            _ => None,
        };
        let mut v = field.get.num(front);
        if let (None, Some((fallback, note))) = (v, field.page_fallback) {
            v = fallback(front);
            details.push(v.map(|_| Frag {
                text: self.name(note),
                lang: None,
            }));
        }
        for other in entries.iter().filter_map(|e| match e {
            Entry::Field(f) => Some(f),
            Entry::Items(_) => None,
        }) {
            details.push(match other.place {
                Place::ShareOf(row, of) if row == field.key => {
                    self.share(other.get.num(front).as_ref(), of.zh, of.en, None)
                }
                Place::ChangeOf(row) if row == field.key => self.change(other.get.num(front).as_ref(), None, self.unit),
                Place::TextOf(row) if row == field.key => self.text_of(front, other).map(|t| self.source_text(&t)),
                _ => None,
            });
        }
        let unit = match field.unit {
            Unit::Amount => self.unit,
            Unit::Of(u) => u,
            Unit::None => "",
        };
        let value = value.unwrap_or_else(|| match (field.kind, v.as_ref()) {
            (FieldKind::Percent, _) => self.pct(v.as_ref()),
            (_, Some(d)) if unit == "%" => self.pct(Some(d)),
            _ => self.num(v.as_ref()),
        });
        if let (Unit::Amount, Some(d)) = (field.unit, v.as_ref()) {
            details.insert(0, self.approx(d, unit));
        }
        // Points always name their unit; amounts and counts only beside a figure; a rate carries
        // its % in the value, so its unit cell stays empty.
        let show_unit = match field.kind {
            FieldKind::Points => true,
            FieldKind::Percent => false,
            _ => v.is_some() && unit != "%",
        };
        vec![
            self.label(field.label.zh, field.label.en, field.place == Place::Sub),
            value,
            self.text(if show_unit && !unit.is_empty() {
                self.unit_name(unit)
            } else {
                String::new()
            }),
            self.details(details.into_iter().flatten().collect()),
        ]
    }

    /// A list of items as sub-rows.
    fn items_rows(&self, front: &ReportFront, items: &Items) -> Vec<Vec<Cell>> {
        let share_of = items.share_of.unwrap_or(schema::l("", ""));
        let unit = match items.unit {
            Unit::Of(u) => u,
            _ => self.unit,
        };
        (items.get)(front)
            .iter()
            .map(|i| self.item_row(i, (share_of.zh, share_of.en), unit))
            .collect()
    }

    /// Spending from each budget (expenditure.by_fund).
    fn funds_body(&self, front: &ReportFront) -> (Vec<String>, Vec<Vec<Cell>>, Vec<Frag>) {
        let headers = self.headers(
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
        let funds = front.expenditure.as_ref().map(|e| e.by_fund.as_slice()).unwrap_or(&[]);
        let rows = funds
            .iter()
            .map(|s| {
                let k = schema::fund_label(s.fund);
                vec![
                    self.label(k.zh, k.en, false),
                    self.num(s.total.as_ref()),
                    self.num(s.basic.as_ref()),
                    self.num(s.project.as_ref()),
                    self.unit_cell(None),
                    self.details(self.note(s.note.as_ref()).into_iter().collect()),
                ]
            })
            .collect();
        (headers, rows, Vec::new())
    }

    /// “三公”经费: one row per line, budget against actual.
    fn lines_body(&self, front: &ReportFront, lines: &[schema::Line]) -> (Vec<String>, Vec<Vec<Cell>>, Vec<Frag>) {
        let headers = self.headers(
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
        let tp = front.three_public.as_ref();
        let rows = lines
            .iter()
            .map(|line| self.line_row(line, tp.and_then(|tp| tp.line(line.key))))
            .collect();
        (headers, rows, Vec::new())
    }

    fn line_row(&self, line: &schema::Line, l: Option<&SpendingLine>) -> Vec<Cell> {
        let sub = line.key != "total";
        let Some(l) = l else {
            return vec![
                self.label(line.label.zh, line.label.en, sub),
                self.nd(),
                self.nd(),
                self.text(String::new()),
                self.text(String::new()),
                self.text(String::new()),
                self.details(vec![]),
            ];
        };
        let unit = l.unit.as_deref().unwrap_or(self.unit);
        let change = self
            .change(l.change.as_ref(), l.change_pct.as_ref(), unit)
            .map(|c| c.text)
            .unwrap_or_default();
        let change = change
            .trim_start_matches("较上年 ")
            .trim_end_matches(" on previous year")
            .to_string();
        vec![
            self.label(line.label.zh, line.label.en, sub),
            self.num(l.budget.as_ref()),
            self.num(l.actual.as_ref()),
            self.text(self.unit_name(unit)),
            l.rate
                .as_ref()
                .map(|r| self.pct(Some(r)))
                .unwrap_or_else(|| self.text(String::new())),
            self.text(change),
            self.details(self.line_details(l)),
        ]
    }

    /// Receptions, vehicle costs and the note of a “三公”经费 line.
    fn line_details(&self, l: &SpendingLine) -> Vec<Frag> {
        let mut details = Vec::new();
        if let Some(p) = l.previous {
            details.push(Frag {
                text: self.pick(
                    &format!("上年决算数 {}", p.grouped()),
                    &format!("previous year {}", p.grouped()),
                ),
                lang: None,
            });
        }
        if l.batches.is_some() || l.people.is_some() {
            let b = l.batches.map(|d| d.grouped()).unwrap_or_else(|| self.not_disclosed());
            let p = l.people.map(|d| d.grouped()).unwrap_or_else(|| self.not_disclosed());
            details.push(Frag {
                text: self.pick(
                    &format!("接待 {b} 批 {p} 人次"),
                    &format!("{b} batches, {p} person-visits received"),
                ),
                lang: None,
            });
        }
        if let Some(p) = l.purchase {
            details.push(Frag {
                text: self.pick(&format!("购置费 {}", p.grouped()), &format!("purchase {}", p.grouped())),
                lang: None,
            });
        }
        if let Some(o) = l.operation {
            details.push(Frag {
                text: self.pick(
                    &format!("运行维护费 {}", o.grouped()),
                    &format!("operation and maintenance {}", o.grouped()),
                ),
                lang: None,
            });
        }
        details.extend(self.note(l.note.as_ref()));
        details
    }
}

/// The i18n key of a grade's name as a page shows it.
pub fn grade_key(g: Grade) -> &'static str {
    match g {
        Grade::Excellent => "grade_excellent",
        Grade::Good => "grade_good",
        Grade::Fair => "grade_fair",
        Grade::Poor => "grade_poor",
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
