//! The self-evaluation form drawn as the form: the national 项目支出绩效自评表 (财预〔2020〕10号)
//! on project reports, Hunan's 部门整体支出绩效自评表 on department reports that attach one.
//!
//! Citizens and auditors know these forms from the printed PDFs, so the page keeps their blocks
//! and order: the header, the funds matrix, 年度总体目标, the indicators grouped under their
//! level-one and level-two heads with their weights, 总分 and 等级, and 备注. Each block is a
//! table of its own with a caption and header scopes, so a screen reader can name every cell;
//! on a phone the theme stacks each row as label: value lines (`data-label`). A cell the form
//! leaves blank is blank here, never 0 and never "not disclosed".

use super::tables::{Fmt, Frag, escape_into};
use crate::content::model::{
    FundsRow, Indicator, IndicatorGroup, IndicatorText, Kind, ProjectFunds, ReportFront, TranslationFront,
};
use crate::decimal::Dec;
use crate::lang::Labels;
use crate::schema::{self, Body, Label};
use crate::site::Lang;
use crate::theme::Words;
use serde::Serialize;

/// The form as the report template places it.
#[derive(Clone, Debug, Serialize)]
pub struct FormView {
    /// 项目支出绩效自评表 or 部门整体支出绩效自评表.
    pub title: String,
    /// The form's tables and its 备注, as HTML.
    pub html: String,
}

/// True when the report has a self-evaluation form to draw: every project report (its form is
/// the report's core), and a department report that enters its form's funds, goals or
/// indicators.
pub fn has_form(front: &ReportFront) -> bool {
    front.kind == Kind::Project
        || front.project.is_some()
        || !front.goals.is_empty()
        || !front.indicators.is_empty()
        || !front.indicator_groups.is_empty()
}

/// The sections of [`schema::SECTIONS`] the form draws: the figure tables leave them out when
/// a form is drawn.
pub const FORM_SECTIONS: &[&str] = &["project", "funds_rows", "goals", "indicators", "indicator_groups"];

/// The report's form in `lang`, with the text of `tr` (the report's translation into `lang`,
/// none in the primary language); `filer` names the department on its form.
pub fn form(
    front: &ReportFront,
    tr: Option<&TranslationFront>,
    filer: &str,
    lang: Lang,
    words: Words,
) -> Option<FormView> {
    if !has_form(front) {
        return None;
    }
    let f = Form {
        fmt: Fmt {
            lang,
            unit: &front.amount_unit,
            words,
        },
        front,
        tr: if lang.is_primary() { None } else { tr },
    };
    let title = words
        .get(match front.kind {
            Kind::Project => "form_project",
            Kind::Department => "form_department",
        })
        .to_string();
    let mut html = String::with_capacity(8 * 1024);
    html.push_str("<p class=\"form-intro\">");
    escape_into(&mut html, words.get("form_intro"));
    html.push_str("</p>\n");
    f.head(&mut html, filer);
    f.funds(&mut html);
    f.goals(&mut html);
    f.indicators(&mut html);
    f.remark(&mut html);
    Some(FormView { title, html })
}

/// One rendering of a form: the report, its translation and the page's words.
struct Form<'a> {
    fmt: Fmt<'a>,
    front: &'a ReportFront,
    tr: Option<&'a TranslationFront>,
}

/// A cell of a form table.
struct Td {
    parts: Vec<Frag>,
    class: &'static str,
    /// The column's name, shown before the value when rows are stacked on a phone.
    label: Option<String>,
    colspan: usize,
}

impl Td {
    fn blank(label: &str) -> Td {
        Td {
            parts: Vec::new(),
            class: "blank",
            label: (!label.is_empty()).then(|| label.to_string()),
            colspan: 1,
        }
    }
}

/// Writes `parts`, each Chinese part on a page in another language marked as such.
fn write_parts(out: &mut String, parts: &[Frag]) {
    for p in parts {
        match p.lang {
            Some(lang) => {
                out.push_str("<span lang=\"");
                escape_into(out, lang);
                out.push_str("\">");
                escape_into(out, &p.text);
                out.push_str("</span>");
            }
            None => escape_into(out, &p.text),
        }
    }
}

/// An opening tag with attributes (values escaped); attributes with no value are left out.
fn open(out: &mut String, tag: &str, attrs: &[(&str, Option<&str>)]) {
    out.push('<');
    out.push_str(tag);
    for (name, value) in attrs {
        if let Some(v) = value {
            out.push(' ');
            out.push_str(name);
            out.push_str("=\"");
            escape_into(out, v);
            out.push('"');
        }
    }
    out.push('>');
}

fn write_td(out: &mut String, td: &Td) {
    let span = (td.colspan > 1).then(|| td.colspan.to_string());
    open(
        out,
        "td",
        &[
            ("class", (!td.class.is_empty()).then_some(td.class)),
            ("colspan", span.as_deref()),
            ("data-label", td.label.as_deref()),
        ],
    );
    write_parts(out, &td.parts);
    out.push_str("</td>");
}

/// A header cell: `scope` `row`, `col`, `rowgroup` or `colgroup`.
fn write_th(out: &mut String, scope: &str, class: Option<&str>, rowspan: usize, colspan: usize, parts: &[Frag]) {
    let rs = (rowspan > 1).then(|| rowspan.to_string());
    let cs = (colspan > 1).then(|| colspan.to_string());
    open(
        out,
        "th",
        &[
            ("scope", Some(scope)),
            ("class", class),
            ("rowspan", rs.as_deref()),
            ("colspan", cs.as_deref()),
        ],
    );
    write_parts(out, parts);
    out.push_str("</th>");
}

/// Opens a form table: its scrolling box (a keyboard can scroll it) and its caption.
fn open_table(out: &mut String, id: &str, class: &str, caption: &[Frag]) {
    // The indicator table stacks its rows on wider screens than the others (the theme's
    // `form-stack`): eight columns do not fit a small tablet.
    let stack = if class == "form-indicators" { " form-stack" } else { "" };
    out.push_str(&format!(
        "<div class=\"table-scroll form-part{stack}\" role=\"region\" aria-labelledby=\"{id}-cap\" tabindex=\"0\">\n\
         <table class=\"form-table {class}\" id=\"{id}\">\n<caption id=\"{id}-cap\">"
    ));
    write_parts(out, caption);
    out.push_str("</caption>\n");
}

fn close_table(out: &mut String) {
    out.push_str("</table>\n</div>\n");
}

/// A row of column heads.
fn head_row(out: &mut String, heads: &[String]) {
    out.push_str("<thead><tr>");
    for h in heads {
        write_th(
            out,
            "col",
            None,
            1,
            1,
            &[Frag {
                text: h.clone(),
                lang: None,
            }],
        );
    }
    out.push_str("</tr></thead>\n");
}

fn plain(text: String) -> Frag {
    Frag { text, lang: None }
}

impl Form<'_> {
    fn words(&self) -> Words<'_> {
        self.fmt.words
    }

    fn word(&self, key: &'static str) -> String {
        self.fmt.words.get(key).to_string()
    }

    /// A form label in the page's language.
    fn name(&self, l: Label) -> String {
        self.fmt.words.pick(self.fmt.lang, l.zh, l.en)
    }

    fn english(&self) -> bool {
        self.fmt.lang.labels() == Labels::English
    }

    /// Text from the report: the translation's where it has it, else the report's own (marked
    /// as Chinese on a page that is not).
    fn text(&self, own: Option<&str>, translated: Option<&str>) -> Option<Frag> {
        let translated = translated.map(str::trim).filter(|t| !t.is_empty());
        match (translated, own.map(str::trim).filter(|t| !t.is_empty())) {
            (Some(t), _) => Some(plain(t.to_string())),
            (None, Some(z)) => Some(self.fmt.source_text(z)),
            (None, None) => None,
        }
    }

    /// "项目资金（万元）": a caption with the unit its amounts are in.
    fn caption_with_unit(&self, title: &str) -> Vec<Frag> {
        let unit = self.fmt.unit_name(self.fmt.unit);
        vec![plain(
            self.words()
                .get("form_caption_unit")
                .replace("{title}", title)
                .replace("{unit}", &unit),
        )]
    }

    /// The header block: what was evaluated, and who was responsible (only what is stated).
    fn head(&self, out: &mut String, filer: &str) {
        let f = self.front;
        let tr = self.tr;
        let about = |key: &str| {
            schema::ABOUT
                .iter()
                .find(|a| a.key == key)
                .map(|a| self.name(a.label))
                .unwrap_or_default()
        };
        let amount =
            |d: Option<Dec>| d.map(|d| plain(format!("{} {}", d.grouped(), self.fmt.unit_name(self.fmt.unit))));
        let project = f.project.as_ref();
        let field_label = |path: &str| self.name(schema::label(path));
        let name = match f.kind {
            Kind::Project => (
                about("project_name"),
                self.text(f.project_name.as_deref(), tr.and_then(|t| t.project_name.as_deref())),
            ),
            Kind::Department => (self.word("form_unit_name"), self.text(Some(filer), None)),
        };
        // The form's rows: one field alone, or two side by side.
        let rows: Vec<Vec<(String, Option<Frag>)>> = vec![
            vec![name],
            vec![
                (
                    about("department"),
                    self.text(f.department.as_deref(), tr.and_then(|t| t.department.as_deref())),
                ),
                (
                    about("implementer"),
                    self.text(f.implementer.as_deref(), tr.and_then(|t| t.implementer.as_deref())),
                ),
            ],
            vec![(
                about("period"),
                self.text(f.period.as_deref(), tr.and_then(|t| t.period.as_deref())),
            )],
            vec![
                (
                    field_label("project.investment"),
                    amount(project.and_then(|p| p.investment)),
                ),
                (
                    field_label("project.investment_fiscal"),
                    amount(project.and_then(|p| p.investment_fiscal)),
                ),
            ],
        ];
        let rows: Vec<Vec<(String, Frag)>> = rows
            .into_iter()
            .map(|r| r.into_iter().filter_map(|(l, v)| v.map(|v| (l, v))).collect::<Vec<_>>())
            .filter(|r| !r.is_empty())
            .collect();
        if rows.is_empty() {
            return;
        }
        open_table(out, "form-head", "form-head", &[plain(self.word("form_head"))]);
        out.push_str("<tbody>\n");
        // Two label-value pairs a row where the form has them side by side; a field alone spans
        // the row (and no column is left without a cell that begins in it).
        let width = if rows.iter().any(|r| r.len() > 1) { 4 } else { 2 };
        for row in rows {
            out.push_str("<tr>");
            let alone = row.len() == 1;
            for (label, value) in row {
                write_th(out, "row", None, 1, 1, &[plain(label)]);
                write_td(
                    out,
                    &Td {
                        parts: vec![value],
                        class: "",
                        label: None,
                        colspan: if alone { width - 1 } else { 1 },
                    },
                );
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n");
        close_table(out);
    }

    /// The funds matrix: 年度资金总额 and the rows under it against the form's six columns.
    fn funds(&self, out: &mut String) {
        let empty = ProjectFunds::default();
        let p = self.front.project.as_ref().unwrap_or(&empty);
        let title = self.word(match self.front.kind {
            Kind::Project => "form_funds_project",
            Kind::Department => "form_funds_department",
        });
        let columns: Vec<String> = schema::FUNDS_COLUMNS.iter().map(|c| self.name(c.label)).collect();
        open_table(out, "form-funds", "form-funds", &self.caption_with_unit(&title));
        let mut heads = vec![self.word("form_funds_item")];
        heads.extend(columns.iter().cloned());
        head_row(out, &heads);
        out.push_str("<tbody>\n<tr>");
        write_th(
            out,
            "row",
            Some("form-total"),
            1,
            1,
            &[plain(self.word("form_funds_total"))],
        );
        for (c, label) in schema::FUNDS_COLUMNS.iter().zip(&columns) {
            // The total row carries every column of the form: a figure it lacks is not disclosed.
            let td = match p.figure(c.key) {
                Some(d) => self.figure_td(d, c.kind, label),
                None => Td {
                    label: Some(label.clone()),
                    colspan: 1,
                    ..self.nd_td()
                },
            };
            write_td(out, &td);
        }
        out.push_str("</tr>\n");
        let mut group = "";
        for row in &p.rows {
            let known = row
                .key
                .as_deref()
                .and_then(|k| schema::FUNDS_ROWS.iter().find(|(k2, _)| k2.key == k));
            let row_group = known.map_or("", |(_, g)| *g);
            // The department form heads its rows 按收入性质分 and 按支出性质分.
            if row_group != group && matches!(row_group, "income" | "spending") {
                out.push_str("</tbody>\n<tbody>\n<tr>");
                let key = if row_group == "income" {
                    "form_funds_income"
                } else {
                    "form_funds_spending"
                };
                write_th(
                    out,
                    "rowgroup",
                    Some("form-group"),
                    1,
                    columns.len() + 1,
                    &[plain(self.word(key))],
                );
                out.push_str("</tr>\n");
            }
            group = row_group;
            out.push_str("<tr>");
            let label = self.funds_row_label(row, known.map(|(k, _)| k.label));
            write_th(out, "row", Some("sub"), 1, 1, &[label]);
            for (c, col) in schema::FUNDS_COLUMNS.iter().zip(&columns) {
                write_td(out, &self.funds_row_cell(row, c.key, c.kind, col));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n");
        close_table(out);
        let mut notes: Vec<Vec<Frag>> = Vec::new();
        if let Some(n) = p.note.as_deref() {
            notes.push(vec![self.fmt.source_text(n)]);
        }
        for row in &p.rows {
            if let Some(n) = row.note.as_deref() {
                let known = row
                    .key
                    .as_deref()
                    .and_then(|k| schema::FUNDS_ROWS.iter().find(|(k2, _)| k2.key == k));
                let mut label = self.funds_row_label(row, known.map(|(k, _)| k.label));
                label.text.push_str(self.words().get("colon"));
                notes.push(vec![label, self.fmt.source_text(n)]);
            }
        }
        self.notes(out, &notes);
    }

    /// The name of a row under 年度资金总额: the form's for a known key, else the report's.
    fn funds_row_label(&self, row: &FundsRow, known: Option<Label>) -> Frag {
        if let Some(l) = known {
            return plain(self.name(l));
        }
        let en = if self.english() { row.label_en.as_deref() } else { None };
        self.text(row.label.as_deref(), en)
            .or_else(|| row.key.clone().map(plain))
            .unwrap_or_else(|| plain(String::new()))
    }

    /// A cell of a row under the total: a row the form leaves blank is blank in every column;
    /// otherwise an amount it lacks is not disclosed, and a weight, rate or score it lacks is
    /// blank, as the form prints those rows.
    fn funds_row_cell(&self, row: &FundsRow, key: &str, kind: schema::Kind, label: &str) -> Td {
        let blank = schema::FUNDS_COLUMNS.iter().all(|c| row.figure(c.key).is_none());
        match row.figure(key) {
            Some(d) => self.figure_td(d, kind, label),
            None if blank || kind != schema::Kind::Amount => Td::blank(label),
            None => Td {
                label: Some(label.to_string()),
                ..self.nd_td()
            },
        }
    }

    fn figure_td(&self, d: Dec, kind: schema::Kind, label: &str) -> Td {
        let text = match kind {
            schema::Kind::Percent => format!("{}%", d.grouped()),
            _ => d.grouped(),
        };
        Td {
            parts: vec![plain(text)],
            class: "num",
            label: Some(label.to_string()),
            colspan: 1,
        }
    }

    fn nd_td(&self) -> Td {
        Td {
            parts: vec![plain(self.fmt.not_disclosed())],
            class: "nd",
            label: None,
            colspan: 1,
        }
    }

    /// Notes under a block of the form.
    fn notes(&self, out: &mut String, notes: &[Vec<Frag>]) {
        for n in notes {
            out.push_str("<p class=\"table-note\">");
            write_parts(out, n);
            out.push_str("</p>\n");
        }
    }

    /// 年度总体目标: expected against achieved.
    fn goals(&self, out: &mut String) {
        let Some(s) = schema::section("goals") else {
            return;
        };
        let Body::Goals(columns) = s.body else {
            return;
        };
        let columns: Vec<_> = columns.iter().filter(|c| c.on_page).collect();
        let heads: Vec<String> = columns.iter().map(|c| self.name(c.label)).collect();
        open_table(out, "form-goals", "form-goals", &[plain(self.name(s.title))]);
        head_row(out, &heads);
        out.push_str("<tbody>\n");
        let tr = self.tr.map(|t| t.goals.as_slice()).unwrap_or(&[]);
        if self.front.goals.is_empty() {
            out.push_str("<tr>");
            write_td(
                out,
                &Td {
                    parts: vec![plain(self.word("section_not_disclosed"))],
                    class: "nd",
                    label: None,
                    colspan: columns.len(),
                },
            );
            out.push_str("</tr>\n");
        }
        for (i, goal) in self.front.goals.iter().enumerate() {
            out.push_str("<tr>");
            for (c, head) in columns.iter().zip(&heads) {
                let own = c.text.and_then(|get| get(goal));
                let translated = tr.get(i).zip(c.translated).and_then(|(t, get)| get(t));
                let td = match self.text(own, translated) {
                    Some(frag) => Td {
                        parts: vec![frag],
                        class: "",
                        label: Some(head.clone()),
                        colspan: 1,
                    },
                    None => Td::blank(head),
                };
                write_td(out, &td);
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n");
        close_table(out);
    }

    /// A head's name with its weight (and score) from `indicator_groups`: 产出指标（50分）.
    fn head_parts(&self, name: Option<Frag>, group: Option<&IndicatorGroup>) -> Vec<Frag> {
        let mut parts: Vec<Frag> = name.into_iter().collect();
        let words = self.words();
        let (w, s) = (group.and_then(|g| g.weight), group.and_then(|g| g.score));
        let after = match (w, s) {
            (Some(w), Some(s)) => Some(
                words
                    .get("form_weight_score")
                    .replace("{weight}", &w.grouped())
                    .replace("{score}", &s.grouped()),
            ),
            (Some(w), None) => Some(words.get("form_weight").replace("{weight}", &w.grouped())),
            (None, Some(s)) => Some(words.get("form_group_score").replace("{score}", &s.grouped())),
            (None, None) => None,
        };
        parts.extend(after.map(plain));
        parts
    }

    /// The indicators grouped under their level-one and level-two heads, with 总分 and 等级.
    fn indicators(&self, out: &mut String) {
        let Some(s) = schema::section("indicators") else {
            return;
        };
        let Body::Indicators(columns) = s.body else {
            return;
        };
        let columns: Vec<_> = columns.iter().filter(|c| c.on_page).collect();
        let heads: Vec<String> = columns.iter().map(|c| self.name(c.label)).collect();
        let inds = &self.front.indicators;
        let tr = self.tr.map(|t| t.indicators.as_slice()).unwrap_or(&[]);
        let key = |s: Option<&String>| s.map(|s| s.trim().to_string()).unwrap_or_default();
        // Level-one groups in the order they first appear; heads from indicator_groups with no
        // row under them are the form's blank rows.
        let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, ind) in inds.iter().enumerate() {
            let l1 = key(ind.level1.as_ref());
            match groups.iter_mut().find(|g| g.0 == l1) {
                Some(g) => g.1.push(i),
                None => groups.push((l1, vec![i])),
            }
        }
        for g in self.front.indicator_groups.iter().filter(|g| g.level2.is_none()) {
            let l1 = g.level1.trim().to_string();
            if !groups.iter().any(|x| x.0 == l1) {
                groups.push((l1, Vec::new()));
            }
        }
        let group_of = |l1: &str, l2: Option<&str>| {
            self.front
                .indicator_groups
                .iter()
                .find(|g| g.level1.trim() == l1 && g.level2.as_deref().map(str::trim) == l2)
        };
        open_table(out, "form-indicators", "form-indicators", &[plain(self.name(s.title))]);
        head_row(out, &heads);
        if groups.is_empty() {
            out.push_str("<tbody><tr>");
            write_td(
                out,
                &Td {
                    parts: vec![plain(self.word("section_not_disclosed"))],
                    class: "nd",
                    label: None,
                    colspan: columns.len(),
                },
            );
            out.push_str("</tr></tbody>\n");
        }
        for (l1, rows) in &groups {
            out.push_str("<tbody>\n");
            let first = rows.first().copied();
            let l1_name = self.text(
                (!l1.is_empty()).then_some(l1.as_str()),
                first.and_then(|i| tr.get(i)).and_then(|t| t.level1.as_deref()),
            );
            let l1_parts = self.head_parts(l1_name, group_of(l1, None));
            if rows.is_empty() {
                // A level-one head with nothing under it: its row is blank.
                out.push_str("<tr>");
                write_th(out, "row", Some("l1"), 1, 1, &l1_parts);
                for h in &heads[1..] {
                    write_td(out, &Td::blank(h));
                }
                out.push_str("</tr>\n</tbody>\n");
                continue;
            }
            for (n, &i) in rows.iter().enumerate() {
                let ind = &inds[i];
                let t = tr.get(i);
                out.push_str("<tr>");
                if n == 0 {
                    write_th(out, "rowgroup", Some("l1"), rows.len(), 1, &l1_parts);
                }
                // A level-two head spans the run of rows under it.
                let l2 = key(ind.level2.as_ref());
                let starts = n == 0 || key(inds[rows[n - 1]].level2.as_ref()) != l2;
                if starts {
                    let span = rows[n..]
                        .iter()
                        .take_while(|&&j| key(inds[j].level2.as_ref()) == l2)
                        .count();
                    let l2_name = self.text(
                        (!l2.is_empty()).then_some(l2.as_str()),
                        t.and_then(|t| t.level2.as_deref()),
                    );
                    let parts = self.head_parts(l2_name, group_of(l1, Some(l2.as_str())));
                    write_th(out, "row", Some("l2"), span, 1, &parts);
                }
                self.indicator_cells(out, ind, t, &columns[2..], &heads[2..]);
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n");
        }
        self.total_rows(out, columns.len());
        close_table(out);
    }

    /// The cells of one indicator from 三级指标 on: a blank row (成本指标 with no indicator) is
    /// blank in every cell.
    fn indicator_cells(
        &self,
        out: &mut String,
        ind: &Indicator,
        t: Option<&IndicatorText>,
        columns: &[&schema::Column<Indicator, IndicatorText>],
        heads: &[String],
    ) {
        let blank = ind.is_blank();
        for (c, head) in columns.iter().zip(heads) {
            if blank {
                write_td(out, &Td::blank(head));
                continue;
            }
            if let Some(num) = c.num {
                let td = match num(ind) {
                    Some(d) => self.figure_td(d, c.kind, head),
                    None => Td {
                        label: Some(head.clone()),
                        ..self.nd_td()
                    },
                };
                write_td(out, &td);
                continue;
            }
            let own = c.text.and_then(|get| get(ind));
            let translated = t.zip(c.translated).and_then(|(t, get)| get(t));
            let text = self.text(own, translated);
            if c.key == "level3" {
                match text {
                    Some(frag) => write_th(out, "row", Some("l3"), 1, 1, &[frag]),
                    None => write_td(out, &Td::blank(head)),
                }
                continue;
            }
            write_td(
                out,
                &match text {
                    Some(frag) => Td {
                        parts: vec![frag],
                        class: "",
                        label: Some(head.clone()),
                        colspan: 1,
                    },
                    None => Td::blank(head),
                },
            );
        }
    }

    /// 总分 and 等级 at the foot of the indicator table.
    fn total_rows(&self, out: &mut String, width: usize) {
        let ev = self.front.evaluation.as_ref();
        let score = match ev.and_then(|e| e.score) {
            Some(d) => vec![plain(d.grouped())],
            None => vec![plain(self.fmt.not_disclosed())],
        };
        // The grade as the report states it is marked as Chinese on other pages.
        let grade = match ev.and_then(|e| e.grade) {
            Some(g) => self.fmt.grade_cell(g).parts,
            None => vec![plain(self.fmt.not_disclosed())],
        };
        out.push_str("<tfoot>\n");
        for (word, value, missing, class) in [
            ("form_total", score, ev.and_then(|e| e.score).is_none(), "num"),
            ("form_grade", grade, ev.and_then(|e| e.grade).is_none(), "grade"),
        ] {
            // The figure sits in the 得分 column but is named by its row alone.
            let id = format!("form-{}", word.trim_start_matches("form_"));
            out.push_str("<tr>");
            open(
                out,
                "th",
                &[
                    ("scope", Some("row")),
                    ("class", Some("form-total")),
                    ("id", Some(&id)),
                    ("colspan", Some(&(width - 2).to_string())),
                ],
            );
            escape_into(out, &self.word(word));
            out.push_str("</th>");
            open(
                out,
                "td",
                &[
                    ("class", Some(if missing { "nd" } else { class })),
                    ("headers", Some(&id)),
                ],
            );
            write_parts(out, &value);
            out.push_str("</td>");
            write_td(out, &Td::blank(""));
            out.push_str("</tr>\n");
        }
        out.push_str("</tfoot>\n");
    }

    /// 备注 under the form, as printed.
    fn remark(&self, out: &mut String) {
        let own = self.front.evaluation.as_ref().and_then(|e| e.remark.as_deref());
        let Some(text) = self.text(own, self.tr.and_then(|t| t.remark.as_deref())) else {
            return;
        };
        out.push_str("<p class=\"form-remark\"><strong>");
        escape_into(out, self.words().get("form_remark"));
        escape_into(out, self.words().get("colon"));
        out.push_str("</strong>");
        write_parts(out, &[text]);
        out.push_str("</p>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn front(json: serde_json::Value) -> ReportFront {
        let mut base = serde_json::json!({"title": "t", "year": 2022, "kind": "project"});
        base.as_object_mut().unwrap().extend(json.as_object().unwrap().clone());
        serde_json::from_value(base).unwrap()
    }

    /// The form in Chinese with words that are their own keys (`not_disclosed` …).
    fn draw(f: &ReportFront) -> Option<FormView> {
        static WORDS: BTreeMap<String, String> = BTreeMap::new();
        form(f, None, "某管委会", Lang::new("zh", true), Words(&WORDS))
    }

    #[test]
    fn a_department_report_without_a_form_has_none_and_a_project_report_always_has_one() {
        assert!(draw(&front(serde_json::json!({"kind": "department"}))).is_none());
        let f = draw(&front(serde_json::json!({}))).unwrap();
        assert_eq!(f.title, "form_project");
        // Nothing entered: the total row and the blocks say so; no blank cell pretends otherwise.
        assert_eq!(f.html.matches("<td class=\"nd\" data-label=").count(), 6);
        assert_eq!(f.html.matches("section_not_disclosed").count(), 2);
        let d = draw(&front(
            serde_json::json!({"kind": "department", "goals": [{"target": "x"}]}),
        ))
        .unwrap();
        assert_eq!(d.title, "form_department");
        assert!(
            d.html
                .contains("<th scope=\"row\">form_unit_name</th><td>某管委会</td>")
        );
    }

    #[test]
    fn a_blank_row_is_blank_and_a_row_with_figures_says_what_it_lacks() {
        let f = draw(&front(serde_json::json!({"project": {"full_year": "10", "rows": [
            {"key": "other"},
            {"key": "fiscal", "full_year": "10"},
            {"label": "自筹资金"},
        ]}})))
        .unwrap();
        let row = |name: &str| {
            let at = f.html.find(name).unwrap();
            f.html[at..at + f.html[at..].find("</tr>").unwrap()].to_string()
        };
        let other = row("其他资金");
        assert_eq!(other.matches("class=\"blank\"").count(), 6, "{other}");
        let fiscal = row("其中：当年财政拨款");
        // 年初预算数 and 全年执行数 not disclosed; 分值, 执行率 and 得分 blank as on the form.
        assert_eq!(fiscal.matches("class=\"nd\"").count(), 2, "{fiscal}");
        assert_eq!(fiscal.matches("class=\"blank\"").count(), 3, "{fiscal}");
        assert!(fiscal.contains("<td class=\"num\" data-label=\"全年预算数\">10</td>"));
        assert_eq!(row("自筹资金").matches("class=\"blank\"").count(), 6);
    }

    #[test]
    fn a_level_one_head_carries_its_weight_and_a_head_with_no_rows_is_a_blank_row() {
        let f = draw(&front(serde_json::json!({
            "indicator_groups": [
                {"level1": "产出指标", "weight": "50"},
                {"level1": "成本指标", "weight": "0"},
            ],
            "indicators": [
                {"level1": "产出指标", "level2": "数量指标", "level3": "面积", "weight": "50", "score": "50"},
            ],
        })))
        .unwrap();
        assert!(
            f.html
                .contains("<th scope=\"rowgroup\" class=\"l1\">产出指标form_weight</th>")
        );
        let at = f.html.find("成本指标").unwrap();
        let row = &f.html[at..at + f.html[at..].find("</tr>").unwrap()];
        assert_eq!(row.matches("class=\"blank\"").count(), 7, "{row}");
    }
}
