//! The report forms, described once as data (no I/O).
//!
//! A report is a filled-in form: the provinces' 部门整体支出绩效自评表 and, for projects, the
//! national 项目支出绩效自评表 (财预〔2020〕10号). [`SECTIONS`] lists the form's sections in page
//! order; each lists its fields with their labels in Chinese and English, kind, unit, place on
//! the page, CSV column and how the value is read from the front matter. [`RULES`] lists the
//! cross-checks that tie fields together. The page tables, `reports.csv`, the JSON Schema's
//! descriptions, the check labels, `gongkai new` and the key tables of docs/content-format.md
//! all iterate these lists, so a field is added in one place. A test compares the list of
//! fields with the front-matter types, so a field that exists in one and not the other fails.
//!
//! Words that are not the form's own (the word for a figure not disclosed, English names of
//! units, kind and grade names as a page shows them) live in the theme's i18n files, not here.

mod docs;
mod form;
mod json_schema;
mod rules;
mod scaffold;

pub use docs::markdown as docs_markdown;
pub use json_schema::{DEFS, annotate_schema};
pub use scaffold::template as scaffold_template;

pub use form::{ABOUT, ECONOMY, FUNDS, FUNDS_COLUMNS, FUNDS_ROWS, SECTIONS, STAFF};
pub use rules::{RULES, Rule, items as list};

use crate::content::model::{Goal, Grade, Indicator, IndicatorGroup, IndicatorText, Item, ReportFront};
use crate::decimal::Dec;

/// A name in Chinese (the form's own words) and its standard English name (GLOSSARY.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub zh: &'static str,
    pub en: &'static str,
}

/// Shorthand for a [`Label`].
pub const fn l(zh: &'static str, en: &'static str) -> Label {
    Label { zh, en }
}

/// What a value is; decides how it is read, printed, checked and typed in the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Money, in the report's `amount_unit` unless the field says otherwise.
    Amount,
    /// A change on the previous year, signed, in the amount unit.
    Change,
    /// A percentage, written without the % sign.
    Percent,
    /// A whole count of people, vehicles, batches.
    Count,
    /// Points of the self-evaluation.
    Points,
    /// 优 / 良 / 中 / 差.
    Grade,
    /// A date as printed, `YYYY-MM-DD`.
    Date,
    /// Free text from the report.
    Text,
}

impl Kind {
    /// Word for the kind in docs and the JSON Schema.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Amount => "amount",
            Kind::Change => "amount (signed)",
            Kind::Percent => "percentage",
            Kind::Count => "count",
            Kind::Points => "points",
            Kind::Grade => "grade",
            Kind::Date => "date",
            Kind::Text => "text",
        }
    }

    /// True for kinds printed as decimals.
    pub fn is_number(self) -> bool {
        matches!(
            self,
            Kind::Amount | Kind::Change | Kind::Percent | Kind::Count | Kind::Points
        )
    }
}

/// The unit a figure is stated in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// The report's `amount_unit` (万元 unless stated).
    Amount,
    /// A fixed unit: 人, 辆, 分, %.
    Of(&'static str),
    /// No unit (text, dates, grades).
    None,
}

/// Reads one number of a report.
pub type NumOf = fn(&ReportFront) -> Option<Dec>;

/// How a field's value is read from the front matter.
#[derive(Clone, Copy)]
pub enum Get {
    Num(NumOf),
    Text(fn(&ReportFront) -> Option<&str>),
    Grade(fn(&ReportFront) -> Option<Grade>),
}

impl Get {
    /// The value as a number, for numeric fields.
    pub fn num(self, f: &ReportFront) -> Option<Dec> {
        match self {
            Get::Num(g) => g(f),
            _ => None,
        }
    }
}

/// Where a field appears on the report page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// A row of its own.
    Row,
    /// A row of its own, indented under the row before (人员经费 under 基本支出).
    Sub,
    /// In the details of row `key`: "占{of} x%".
    ShareOf(&'static str, Label),
    /// In the details of row `key`: "较上年 +x".
    ChangeOf(&'static str),
    /// Text in the details of row `key` (编制类型).
    TextOf(&'static str),
    /// "截至 …" under the table.
    AsOf,
    /// A note under the table.
    Note,
    /// Shown in the self-evaluation form only (its 备注), not in its section's table.
    InForm,
}

/// A field's column in `reports.csv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Csv {
    /// `<section prefix>_<key>`.
    Column,
    /// Left out (notes: free text lives in the JSON).
    None,
}

/// One figure or text of a section.
#[derive(Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub label: Label,
    pub kind: Kind,
    pub unit: Unit,
    pub place: Place,
    pub csv: Csv,
    pub get: Get,
    /// Shown on the page in place of a figure the section does not state, with a note; never
    /// in the data (本年支出合计 falls back to 整体支出 on the page only).
    pub page_fallback: Option<(NumOf, Label)>,
    /// Extra words for docs (how to fill it in).
    pub hint: &'static str,
}

/// A named figure whose key an author may give to a list item.
pub struct Known {
    pub key: &'static str,
    pub label: Label,
    /// `None`: the report's amount unit.
    pub unit: Option<&'static str>,
}

/// What `reports.csv` holds of a list of items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemsCsv {
    /// A value column per known key.
    Values,
    /// A value and a stated-share column per known key.
    ValuesAndShares,
    /// Value, unit and growth columns per known key.
    ValuesUnitsGrowth,
    /// Only the count (items.csv has every item).
    Count,
}

/// A list of labelled items (income sources, staff categories, project items, results).
#[derive(Clone, Copy)]
pub struct Items {
    pub key: &'static str,
    pub label: Label,
    pub get: fn(&ReportFront) -> &[Item],
    /// Keys an item may use to take its label and unit from the form.
    pub known: &'static [Known],
    /// The whole a stated share is of ("占{of} x%").
    pub share_of: Option<Label>,
    /// Default unit of the values.
    pub unit: Unit,
    pub csv: ItemsCsv,
    /// Middle part of the value columns: `budget_<csv_name>_<known key>`.
    pub csv_name: &'static str,
    /// A column with the number of items, and its description.
    pub count_column: Option<(&'static str, &'static str)>,
    /// One item as an author writes it, for the scaffold and the docs.
    pub example: &'static str,
}

/// A row of a section: a field, or a list of items shown as sub-rows.
#[derive(Clone, Copy)]
pub enum Entry {
    Field(Field),
    Items(Items),
}

/// Whether a key about the report must be given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Required {
    Yes,
    No,
    /// Project reports only.
    Project,
}

/// A key that says what the report is (title, year, kind …), before its figures.
pub struct About {
    pub key: &'static str,
    pub required: Required,
    pub label: Label,
    /// How to fill it in (docs).
    pub hint: &'static str,
    /// Its line in a new report: the value and the comment (`gongkai new`).
    pub scaffold: (&'static str, &'static str),
}

/// One line of the “三公”经费 table.
pub struct Line {
    pub key: &'static str,
    pub label: Label,
}

/// A field of every “三公”经费 line, or of one line only.
pub struct LineField {
    pub key: &'static str,
    pub label: Label,
    pub kind: Kind,
    /// `Some(line)`: only that line has it.
    pub only: Option<&'static str>,
}

/// A column of a table of rows the report lists (goals, indicators): read from the row, and
/// from its translation where the column is text a translator translates.
pub struct Column<R: 'static, T: 'static> {
    pub key: &'static str,
    pub label: Label,
    pub kind: Kind,
    /// Shown on the page (the numbers parsed out of a text are in the data only).
    pub on_page: bool,
    pub text: Option<fn(&R) -> Option<&str>>,
    pub num: Option<fn(&R) -> Option<Dec>>,
    pub translated: Option<fn(&T) -> Option<&str>>,
}

/// How a section is laid out.
#[derive(Clone, Copy)]
pub enum Body {
    /// Label | value | unit | details rows.
    Rows(&'static [Entry]),
    /// One row per budget a unit spends from (expenditure.by_fund).
    Funds,
    /// A list of items on its own.
    List(Items),
    /// Lines against columns (“三公”经费).
    Lines(&'static [Line], &'static [LineField]),
    /// 年度总体目标: expected against achieved.
    Goals(&'static [Column<Goal, Goal>]),
    /// 绩效指标 rows.
    Indicators(&'static [Column<Indicator, IndicatorText>]),
    /// The rows under a funds block's total (`project.rows`): the form's rows against its
    /// columns.
    Matrix(&'static [(Known, &'static str)], &'static [LineField]),
    /// Heads of the indicator table with their weights.
    Groups(&'static [Column<IndicatorGroup, IndicatorText>]),
}

/// Which reports a section belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Every report shows it (a table saying "not disclosed" when absent).
    Always,
    /// Shown only when the report gives it.
    WhenGiven,
    /// Project reports always, other reports when given.
    Project,
    /// Department reports always (a table saying "not disclosed" when absent); project
    /// reports only when given, as a project form never has it.
    Department,
}

/// A section of the form.
#[derive(Clone, Copy)]
pub struct Section {
    /// Table id on the page (`fig-<key>`) and the name in docs.
    pub key: &'static str,
    /// Front-matter path of the section (`expenditure.by_fund`).
    pub path: &'static str,
    pub title: Label,
    /// Prefix of its columns in `reports.csv`.
    pub csv_prefix: &'static str,
    pub body: Body,
    /// Whether the report gives the section at all.
    pub given: fn(&ReportFront) -> bool,
    pub shown: Shown,
}

/// The section with this key.
pub fn section(key: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.key == key)
}

/// Every field of a rows section, in order.
pub fn fields(section: &Section) -> impl Iterator<Item = &'static Field> {
    let entries: &'static [Entry] = match section.body {
        Body::Rows(e) => e,
        _ => &[],
    };
    entries.iter().filter_map(|e| match e {
        Entry::Field(f) => Some(f),
        Entry::Items(_) => None,
    })
}

/// The form's fields and “三公”经费 lines by front-matter path, built once: checks, charts and
/// the search index look names up for every report.
fn by_path() -> &'static std::collections::HashMap<String, (Label, Option<&'static Field>)> {
    static INDEX: std::sync::OnceLock<std::collections::HashMap<String, (Label, Option<&'static Field>)>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for s in SECTIONS {
            for f in fields(s) {
                map.insert(format!("{}.{}", s.path, f.key), (f.label, Some(f)));
            }
            if let Body::Lines(lines, _) = s.body {
                for l in lines {
                    map.insert(format!("{}.{}", s.path, l.key), (l.label, None));
                }
            }
        }
        map
    })
}

/// The field at a front-matter path (`expenditure.basic`), if it is one of the form's.
pub fn field(path: &str) -> Option<&'static Field> {
    by_path().get(path).and_then(|(_, f)| *f)
}

/// The label of a field or of a “三公”经费 line, by path; empty for any other path.
pub fn label(path: &str) -> Label {
    by_path().get(path).map_or(l("", ""), |(label, _)| *label)
}

/// The form's name of a budget (`general_public` → 一般公共预算).
pub fn fund_label(fund: crate::content::model::Fund) -> Label {
    find(FUNDS, fund.key()).map_or(l("", ""), |k| k.label)
}

/// A known key in one list.
pub fn find(list: &'static [Known], key: &str) -> Option<&'static Known> {
    list.iter().find(|k| k.key == key)
}

/// The form's name of a grade, in Chinese and English (data files and check texts; pages take
/// theirs from the theme).
pub fn grade_names(g: Grade) -> (&'static str, &'static str) {
    match g {
        Grade::Excellent => ("优", "Excellent"),
        Grade::Good => ("良", "Good"),
        Grade::Fair => ("中", "Fair"),
        Grade::Poor => ("差", "Poor"),
    }
}

/// The units an `amount_unit` may name, with their value in yuan: the form's own vocabulary,
/// so the data files can name them in English without a theme.
pub const MONEY: &[(Known, u64)] = &[
    (
        Known {
            key: "元",
            label: l("元", "CNY"),
            unit: None,
        },
        1,
    ),
    (
        Known {
            key: "万元",
            label: l("万元", "CNY 10,000"),
            unit: None,
        },
        10_000,
    ),
    (
        Known {
            key: "亿元",
            label: l("亿元", "CNY 100 million"),
            unit: None,
        },
        100_000_000,
    ),
];

/// Multiplier from `unit` to `base` when both are money units (元, 万元, 亿元).
pub fn money_factor(unit: &str, base: &str) -> Option<rust_decimal::Decimal> {
    use rust_decimal::Decimal;
    let yuan = |u: &str| MONEY.iter().find(|(k, _)| k.key == u).map(|(_, y)| Decimal::from(*y));
    Some(yuan(unit)? / yuan(base)?)
}

/// The English name of a money unit (`CNY 10,000`); other units as written.
pub fn money_en(unit: &str) -> String {
    MONEY
        .iter()
        .find(|(k, _)| k.key == unit)
        .map(|(k, _)| k.label.en.to_string())
        .unwrap_or_else(|| unit.to_string())
}

/// Every unit the form itself names (the i18n files must name each in every language).
pub fn form_units() -> Vec<&'static str> {
    let mut out = vec!["万元", "元", "亿元", "%"];
    for s in SECTIONS {
        for f in fields(s) {
            if let Unit::Of(u) = f.unit {
                out.push(u);
            }
        }
        if let Body::Rows(entries) = s.body {
            for e in entries {
                if let Entry::Items(Items { unit: Unit::Of(u), .. }) = e {
                    out.push(u);
                }
            }
        }
    }
    for k in FUNDS.iter().chain(STAFF).chain(ECONOMY) {
        out.extend(k.unit);
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys of an object schema generated from the front-matter types.
    fn keys(schema: &serde_json::Value, def: &str) -> Vec<String> {
        let mut k: Vec<String> = schema["$defs"][def]["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("no definition {def}"))
            .keys()
            .cloned()
            .collect();
        k.sort();
        k
    }

    /// Every key of every fixed section is a field of the form, and the other way round: a
    /// field added to the types but not to the form (or the reverse) fails here.
    #[test]
    fn the_form_and_the_front_matter_types_name_the_same_keys() {
        let schema = serde_json::to_value(schemars::schema_for!(ReportFront)).unwrap();
        for &(path, def) in DEFS {
            let mut form: Vec<String> = SECTIONS
                .iter()
                .filter(|s| s.path == path || s.path.starts_with(&format!("{path}.")))
                .flat_map(|s| match s.body {
                    // A section nested in this one is one key of it (`evaluation.scale`).
                    _ if s.path != path => vec![s.path.rsplit('.').next().unwrap_or_default().to_string()],
                    Body::Rows(entries) => entries
                        .iter()
                        .map(|e| match e {
                            Entry::Field(f) => f.key.to_string(),
                            Entry::Items(i) => i.key.to_string(),
                        })
                        .collect::<Vec<_>>(),
                    Body::List(i) => vec![i.key.to_string()],
                    _ => Vec::new(),
                })
                .collect();
            form.sort();
            form.dedup();
            assert_eq!(form, keys(&schema, def), "section {path}");
        }
        let lines = match section("three_public").unwrap().body {
            Body::Lines(lines, fields) => {
                let mut l: Vec<String> = lines.iter().map(|l| l.key.to_string()).collect();
                l.sort();
                assert_eq!(l, keys(&schema, "ThreePublic"));
                let mut f: Vec<String> = fields.iter().map(|f| f.key.to_string()).collect();
                f.push("unit".into());
                f.sort();
                f
            }
            _ => panic!("three_public is lines"),
        };
        assert_eq!(lines, keys(&schema, "SpendingLine"));
    }

    #[test]
    fn fields_are_found_by_path_with_their_labels() {
        assert_eq!(label("expenditure.basic"), l("基本支出", "Basic expenditure"));
        assert_eq!(label("three_public.hospitality").zh, "公务接待费");
        assert_eq!(
            field("budget.full_year").unwrap().label.en,
            "Full-year (adjusted) budget"
        );
        assert!(field("budget.nothing").is_none());
    }

    #[test]
    fn every_csv_column_name_is_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for s in SECTIONS {
            for f in fields(s).filter(|f| f.csv == Csv::Column) {
                let name = format!("{}_{}", s.csv_prefix, f.key);
                assert!(seen.insert(name.clone()), "{name} twice");
            }
        }
    }
}
