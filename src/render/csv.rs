//! CSV downloads for spreadsheets and pandas: RFC 4180 (CRLF, quoted where needed), UTF-8
//! with a byte-order mark so Excel on Chinese Windows opens them right, decimals as written.
//!
//! Every file is described column by column ([`Column`]), and the same descriptions feed the
//! Frictionless data package, so the documentation cannot drift from the data.
//!
//! A text cell that a spreadsheet would read as a formula (`=…`, `+…`, `-…`, `@…`) is written
//! with a leading `'` ([`text_cell`]): the files open straight into Excel, so a name typed into a
//! report must never run there. Numbers are never prefixed.

use crate::content::model::*;
use crate::decimal::Dec;
use crate::figures::checks::Status;
use crate::schema::{self, Body, Csv, Entry, Field, Get, Items, ItemsCsv, Kind, Line, LineField, Place, Section, Unit};
use crate::site::{ReportEntry, Site};

/// Type of a column, as Frictionless Table Schema names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    String,
    Integer,
    Number,
    /// `true` / `false`.
    Boolean,
}

impl Type {
    pub fn name(self) -> &'static str {
        match self {
            Type::String => "string",
            Type::Integer => "integer",
            Type::Number => "number",
            Type::Boolean => "boolean",
        }
    }
}

/// One column: its stable English name, type and description (with the unit).
#[derive(Clone, Debug)]
pub struct Column {
    pub name: String,
    pub kind: Type,
    pub description: String,
}

/// A table being written: its columns are declared while the first row is filled, and each
/// row goes into the file's bytes as it ends (a table is never held cell by cell: at 100,000
/// reports the rows of figures.csv as strings took five gigabytes).
///
/// A big table is written in parts (a report or a few each, in parallel) that
/// [`CsvFile::join`] puts together in order.
pub struct Table {
    /// The columns the rows have (every column, also those [`Table::keeping`] leaves out).
    pub columns: Vec<Column>,
    /// How many rows were written.
    pub rows: usize,
    /// The rows, CSV-encoded (no byte-order mark, no header).
    out: ::csv::Writer<Vec<u8>>,
    declared: bool,
    /// Column of the next cell of the current row.
    at: usize,
    /// Per column: whether a row has a value (a cell that is not empty) in it.
    filled: Vec<bool>,
    /// Per column: whether it is written (every column when `None`).
    keep: Option<Vec<bool>>,
    /// Only notes the columns and which are filled; writes nothing.
    scan: bool,
}

impl Default for Table {
    fn default() -> Self {
        Table {
            columns: Vec::new(),
            rows: 0,
            out: writer(Vec::new()),
            declared: false,
            at: 0,
            filled: Vec::new(),
            keep: None,
            scan: false,
        }
    }
}

/// A CSV writer into `out`: CRLF line ends, quoted only where needed.
fn writer(out: Vec<u8>) -> ::csv::Writer<Vec<u8>> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(out)
}

impl Table {
    /// A table that writes nothing: it declares the columns and notes which of them a row
    /// fills (the first pass over a table whose empty columns are left out).
    pub fn scanning() -> Table {
        Table {
            scan: true,
            ..Table::default()
        }
    }

    /// A table that writes only the columns `keep` marks (in the order of its columns).
    pub fn keeping(keep: Vec<bool>) -> Table {
        Table {
            keep: Some(keep),
            ..Table::default()
        }
    }

    fn col(&mut self, name: &str, kind: Type, description: &str, value: &str) {
        if !self.declared {
            self.columns.push(Column {
                name: name.to_string(),
                kind,
                description: description.to_string(),
            });
            self.filled.push(false);
        }
        if !value.is_empty()
            && let Some(filled) = self.filled.get_mut(self.at)
        {
            *filled = true;
        }
        let written = self
            .keep
            .as_ref()
            .is_none_or(|keep| keep.get(self.at).copied().unwrap_or(false));
        if written && !self.scan {
            // Writing into memory fails only when memory runs out.
            let _ = self.out.write_field(value);
        }
        self.at += 1;
    }

    /// A text cell, made safe to open in a spreadsheet; `None` is empty.
    pub fn text(&mut self, name: &str, description: &str, value: Option<&str>) {
        let cell = text_cell(value.unwrap_or_default());
        self.col(name, Type::String, description, &cell);
    }

    /// A decimal cell, written as the report states it; `None` (not disclosed) is empty.
    pub fn num(&mut self, name: &str, description: &str, value: Option<Dec>) {
        let cell = value.map(|d| d.to_string()).unwrap_or_default();
        self.col(name, Type::Number, description, &cell);
    }

    /// A whole number.
    pub fn int(&mut self, name: &str, description: &str, value: Option<u64>) {
        let cell = value.map(|v| v.to_string()).unwrap_or_default();
        self.col(name, Type::Integer, description, &cell);
    }

    /// A yes/no cell, written `true` or `false`.
    pub fn bool(&mut self, name: &str, description: &str, value: bool) {
        self.col(name, Type::Boolean, description, if value { "true" } else { "false" });
    }

    /// A yes/no cell that may be unknown (empty).
    pub fn maybe_bool(&mut self, name: &str, description: &str, value: Option<bool>) {
        let cell = value.map_or("", |v| if v { "true" } else { "false" });
        self.col(name, Type::Boolean, description, cell);
    }

    /// Finishes the current row.
    pub fn end_row(&mut self) {
        self.declared = true;
        self.at = 0;
        self.rows += 1;
        if !self.scan {
            let _ = self.out.write_record(None::<&[u8]>);
        }
    }

    /// Forgets the rows written (a table with no row declares its columns with one), keeping
    /// the columns.
    pub fn clear(&mut self) {
        self.rows = 0;
        self.filled.iter_mut().for_each(|f| *f = false);
        self.out = writer(Vec::new());
    }

    /// Position of the column `name`.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }

    /// Per column: whether a row fills it.
    pub fn filled(&self) -> &[bool] {
        &self.filled
    }

    /// How many bytes the rows written so far take.
    pub fn written(&mut self) -> usize {
        let _ = self.out.flush();
        self.out.get_ref().len()
    }

    /// True when no row was written.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// The columns the file has: those written.
    fn written_columns(&self) -> Vec<Column> {
        match &self.keep {
            Some(keep) => self
                .columns
                .iter()
                .zip(keep)
                .filter(|(_, k)| **k)
                .map(|(c, _)| c.clone())
                .collect(),
            None => self.columns.clone(),
        }
    }

    /// The rows' bytes.
    fn into_body(self) -> Vec<u8> {
        self.out.into_inner().unwrap_or_default()
    }

    /// The file: BOM, header, rows, CRLF line ends.
    pub fn finish(self) -> CsvFile {
        CsvFile::join(vec![self])
    }
}

/// A CSV file as published: its columns, how many rows, and its bytes (BOM, header, rows).
pub struct CsvFile {
    pub columns: Vec<Column>,
    pub rows: usize,
    pub bytes: Vec<u8>,
    /// Where the rows start in `bytes` (after the header).
    pub body: usize,
}

impl CsvFile {
    /// The file of `parts`, tables of the same columns written one after another (the columns
    /// of the first that has any), put together in one allocation of the file's size.
    pub fn join(mut parts: Vec<Table>) -> CsvFile {
        let mut file = Joining::default();
        file.reserve(parts.iter_mut().map(Table::written).sum::<usize>() + 4096);
        for p in parts {
            file.push(p);
        }
        file.finish()
    }

    /// The header alone: BOM and the row of column names.
    pub fn header(&self) -> &[u8] {
        &self.bytes[..self.body]
    }
}

/// A CSV file being put together from tables of the same columns, written in parts (in
/// parallel, a few reports each): each part is copied in and dropped as it comes, so that the
/// parts of the whole file are never held beside it.
#[derive(Default)]
pub struct Joining {
    columns: Option<Vec<Column>>,
    rows: usize,
    bytes: Vec<u8>,
    body: usize,
}

impl Joining {
    /// Appends the rows of `part`; returns where they start in the file. The header is
    /// written with the first part that has columns.
    pub fn push(&mut self, part: Table) -> usize {
        if self.columns.is_none() && part.declared {
            let columns = part.written_columns();
            let header = header(&columns);
            self.body = header.len();
            // In front of the parts before, which have no rows; keeping the room reserved.
            self.bytes.splice(0..0, header);
            self.columns = Some(columns);
        }
        self.rows += part.rows;
        let start = self.bytes.len();
        self.bytes.extend_from_slice(&part.into_body());
        start
    }

    /// Makes room for `additional` more bytes (a guess: room not written to is never
    /// touched, so never resident).
    pub fn reserve(&mut self, additional: usize) {
        self.bytes.reserve_exact(additional);
    }

    /// How many bytes the file has so far.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// True when nothing was written.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn finish(self) -> CsvFile {
        let columns = self.columns.unwrap_or_default();
        let (bytes, body) = if self.bytes.is_empty() {
            let bytes = header(&columns);
            let body = bytes.len();
            (bytes, body)
        } else {
            (self.bytes, self.body)
        };
        CsvFile {
            columns,
            rows: self.rows,
            bytes,
            body,
        }
    }
}

/// BOM and the header row of `columns`.
fn header(columns: &[Column]) -> Vec<u8> {
    let mut w = writer("\u{feff}".as_bytes().to_vec());
    let _ = w.write_record(columns.iter().map(|c| c.name.as_str()));
    w.into_inner().unwrap_or_default()
}

/// First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula
/// (OWASP "CSV injection": `=`, `+`, `-`, `@`, tab, carriage return), their full-width forms
/// (typed by Chinese input methods), and `'` itself, so that removing one leading `'` from a text
/// cell always gives back the text as written.
const FORMULA_STARTS: [char; 11] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', '\''];

/// A text cell as written to a CSV file: prefixed with `'` when it starts like a formula, so a
/// spreadsheet shows it as text instead of running it.
pub fn text_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(FORMULA_STARTS) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// The page addresses and its downloads (`json` beside the page, `csv` from the site's top),
/// absolute with the site's base path, so a download opened anywhere links back without
/// `urljoin`.
fn addresses(t: &mut Table, site: &Site, path: &str, json: &str, csv: Option<&str>) {
    t.text(
        "url_zh",
        "Chinese page, absolute address",
        Some(&site.absolute(site.primary(), path)),
    );
    let en = site.config.language("en").map(|en| site.absolute(en, path));
    t.text("url_en", "English page, absolute address", en.as_deref());
    t.text(
        "json_url",
        &format!("{json}, absolute address"),
        Some(&site.absolute(site.primary(), &format!("{path}{json}"))),
    );
    if let Some(csv) = csv {
        t.text(
            "csv_url",
            "The unit's rows of figures.csv (every year, this report's among them), absolute address",
            Some(&site.absolute(site.primary(), csv)),
        );
    }
}

/// Stable id of a report across downloads: `lengshuitan-2021-department`.
pub fn report_id(e: &ReportEntry) -> String {
    format!("{}-{}-{}", e.unit.id, e.report.front.year, e.report.front.kind.slug())
}

/// The one unit of every amount column of reports.csv.
pub const WAN: &str = "万元";

const AMOUNT: &str = "in 万元 (CNY 10,000), converted where the report states another unit";

/// `value`, stated in `unit`, in the money unit `to`, exactly; as stated when the units are
/// the same. `None` when either is not a money unit (元, 万元, 亿元).
pub fn convert(value: Dec, unit: &str, to: &str) -> Option<Dec> {
    if unit == to {
        return Some(value);
    }
    let factor = schema::money_factor(unit, to)?;
    value.0.checked_mul(factor).map(|d| Dec(d.normalize()))
}

/// The description of a field's column: its labels, then its unit. A part of the row above
/// (其中：财政拨款 under 项目总投资) is named with that row, as the form reads.
fn describe(s: &Section, field: &Field, above: Option<&Field>) -> String {
    let name = match above.filter(|_| field.place == Place::Sub && field.label.zh.starts_with("其中")) {
        Some(a) => format!(
            "{}：{}，{} {}: {}, {}",
            s.title.zh, a.label.zh, field.label.zh, s.title.en, a.label.en, field.label.en
        ),
        None => format!("{}：{} {}: {}", s.title.zh, field.label.zh, s.title.en, field.label.en),
    };
    let unit = match field.unit {
        Unit::Of(u) if u != "%" => format!(", in {u}"),
        _ => String::new(),
    };
    match field.kind {
        Kind::Amount => format!("{name}, {AMOUNT}"),
        Kind::Change => format!("{name} (signed), {AMOUNT}"),
        Kind::Percent => format!("{name}, % (as stated)"),
        Kind::Count | Kind::Points => format!("{name}{unit}"),
        Kind::Grade => format!("{name}: 优 / 良 / 中 / 差"),
        Kind::Date => format!("{name}, YYYY-MM-DD"),
        Kind::Text => name,
    }
}

/// Fills one row of reports.csv: the report's identity, then every section of the form.
fn report_row(t: &mut Table, site: &Site, e: &ReportEntry) {
    about_columns(t, site, e);
    let f = &e.report.front;
    for s in schema::SECTIONS {
        match s.body {
            Body::Rows(entries) => {
                let mut above = None;
                for entry in entries {
                    match entry {
                        Entry::Field(field) => {
                            field_column(t, s, field, above, f);
                            if field.place == Place::Row {
                                above = Some(field);
                            }
                        }
                        Entry::Items(items) => item_columns(t, s, items, f),
                    }
                }
            }
            Body::Funds => fund_columns(t, s, f),
            Body::List(items) => item_columns(t, s, &items, f),
            Body::Lines(lines, fields) => line_columns(t, s, lines, fields, f),
            Body::Goals(_) | Body::Matrix(..) | Body::Groups(_) => {}
            Body::Indicators(_) => t.int(
                "indicators",
                "Number of indicator rows (indicators.csv)",
                Some(f.indicators.len() as u64),
            ),
        }
    }
    let count = |st: Status| Some(e.checks.iter().filter(|c| c.status == st).count() as u64);
    t.int(
        "checks_passed",
        "Cross-checks that agree (report.json has each)",
        count(Status::Passed),
    );
    t.int(
        "checks_rounding",
        "Cross-checks that differ within rounding",
        count(Status::Rounding),
    );
    t.int(
        "checks_mismatch",
        "Cross-checks that do not add up",
        count(Status::Mismatch),
    );
    t.end_row();
}

/// Which report this row is, and where to find it.
fn about_columns(t: &mut Table, site: &Site, e: &ReportEntry) {
    let f = &e.report.front;
    let tr = e.report.en().map(|x| &x.front);
    t.text("report_id", "Stable report id: park-year-kind", Some(&report_id(e)));
    t.text("park", "Unit id (parks.csv)", Some(&e.unit.id));
    t.int("year", "Fiscal year reported on", Some(u64::from(f.year)));
    t.text(
        "kind",
        "department (部门整体支出) or project (项目支出)",
        Some(f.kind.slug()),
    );
    t.text("title_zh", "Report title in Chinese", Some(&f.title));
    let title_en = tr
        .and_then(|x| x.title.clone())
        .unwrap_or_else(|| super::pages::default_title_en(e));
    t.text("title_en", "Report title in English", Some(&title_en));
    t.text(
        "unit_name_zh",
        "Filing body as named in the report",
        f.unit_name.as_deref(),
    );
    t.text(
        "project_name_zh",
        "Project or special fund evaluated (project reports)",
        f.project_name.as_deref(),
    );
    t.text(
        "project_name_en",
        "Project or special fund in English",
        tr.and_then(|x| x.project_name.as_deref()),
    );
    // The heads of the project form (主管部门, 实施单位, 实施期), as written and translated.
    let heads: [(&str, Option<&str>, Option<&str>); 3] = [
        (
            "department",
            f.department.as_deref(),
            tr.and_then(|x| x.department.as_deref()),
        ),
        (
            "implementer",
            f.implementer.as_deref(),
            tr.and_then(|x| x.implementer.as_deref()),
        ),
        ("period", f.period.as_deref(), tr.and_then(|x| x.period.as_deref())),
    ];
    for (key, zh, en) in heads {
        let label = schema::ABOUT
            .iter()
            .find(|a| a.key == key)
            .map_or(schema::l("", ""), |a| a.label);
        t.text(
            &format!("{key}_zh"),
            &format!("{} {}, as the form writes it (project form)", label.zh, label.en),
            zh,
        );
        t.text(&format!("{key}_en"), &format!("{} in English", label.en), en);
    }
    t.text(
        "published",
        "Publication date as given (YYYY-MM-DD or YYYY-MM-DD HH:MM)",
        f.published.as_deref(),
    );
    t.text(
        "amount_unit",
        "Unit the report states its amounts in; every amount column of this file is converted to 万元 (figures.csv keeps them as stated)",
        Some(&f.amount_unit),
    );
    addresses(
        t,
        site,
        &e.path(),
        "report.json",
        Some(&super::package::unit_csv(&e.unit.id)),
    );
}

/// `<prefix>_<key>`: a field's column.
fn field_column(t: &mut Table, s: &Section, field: &Field, above: Option<&Field>, f: &ReportFront) {
    if field.csv != Csv::Column {
        return;
    }
    let name = format!("{}_{}", s.csv_prefix, field.key);
    let description = describe(s, field, above);
    match field.get {
        Get::Num(get) if field.unit == Unit::Amount => t.num(
            &name,
            &description,
            get(f).and_then(|v| convert(v, &f.amount_unit, WAN)),
        ),
        Get::Num(get) => t.num(&name, &description, get(f)),
        Get::Text(get) => t.text(&name, &description, get(f)),
        Get::Grade(get) => t.text(&name, &description, get(f).map(|g| schema::grade_names(g).0)),
    }
}

/// The columns of a list of items: one per known key, or just how many there are.
fn item_columns(t: &mut Table, s: &Section, items: &Items, f: &ReportFront) {
    let list = (items.get)(f);
    let prefix = match items.csv_name {
        "" => s.csv_prefix.to_string(),
        name => format!("{}_{name}", s.csv_prefix),
    };
    let unit = match items.unit {
        Unit::Of(u) => format!(", in {u}"),
        _ => format!(", {AMOUNT}"),
    };
    for k in items.known {
        let i = item(list, k.key);
        let name = format!("{prefix}_{}", k.key);
        let what = format!("{} · {}：{} {}", s.title.zh, items.label.zh, k.label.zh, k.label.en);
        match items.csv {
            ItemsCsv::Count => {}
            ItemsCsv::Values | ItemsCsv::ValuesAndShares => {
                let value = i.and_then(|i| match items.unit {
                    Unit::Amount => convert(i.value, i.unit.as_deref().unwrap_or(&f.amount_unit), WAN),
                    _ => Some(i.value),
                });
                t.num(&name, &format!("{what}{unit}"), value);
                if items.csv == ItemsCsv::ValuesAndShares {
                    let of = items.share_of.unwrap_or(schema::l("", ""));
                    t.num(
                        &format!("{name}_share"),
                        &format!(
                            "{}占{} {}, share of {}, % (as stated)",
                            k.label.zh, of.zh, k.label.en, of.en
                        ),
                        i.and_then(|i| i.share),
                    );
                }
            }
            ItemsCsv::ValuesUnitsGrowth => {
                // One unit per column: the form's unit of the key; a figure stated in a unit
                // that does not convert to it is in figures.csv only.
                let to = k.unit.unwrap_or(WAN);
                let value = i.and_then(|i| convert(i.value, i.unit.as_deref().unwrap_or(&f.amount_unit), to));
                t.num(
                    &name,
                    &format!(
                        "{} {}, in {to} (converted where stated in another money unit; empty where stated in a unit that does not convert: figures.csv has it as stated)",
                        k.label.zh, k.label.en
                    ),
                    value,
                );
                t.num(
                    &format!("{name}_change_pct"),
                    &format!(
                        "{}增长率 {}: growth on previous year, % (as stated)",
                        k.label.zh, k.label.en
                    ),
                    i.and_then(|i| i.change_pct),
                );
            }
        }
    }
    if let Some((name, description)) = items.count_column {
        t.int(name, description, Some(list.len() as u64));
    }
}

/// Spending from each budget: total, basic and project columns per budget.
fn fund_columns(t: &mut Table, s: &Section, f: &ReportFront) {
    let funds = f.expenditure.as_ref().map(|e| e.by_fund.as_slice()).unwrap_or(&[]);
    let parts = ["total", "basic", "project"].map(|k| (k, schema::label(&format!("expenditure.{k}"))));
    for k in schema::FUNDS.iter().filter(|k| k.key != "fiscal_appropriation") {
        let line = funds.iter().find(|s| s.fund.key() == k.key);
        for (what, label) in parts {
            let v = line.and_then(|s| match what {
                "total" => s.total,
                "basic" => s.basic,
                _ => s.project,
            });
            t.num(
                &format!("{}_{}_{what}", s.csv_prefix, k.key),
                &format!("{}：{} {}: {}, {AMOUNT}", k.label.zh, label.zh, k.label.en, label.en),
                v.and_then(|v| convert(v, &f.amount_unit, WAN)),
            );
        }
    }
}

/// “三公”经费: each line's figures and unit, then the figures only one line has.
fn line_columns(t: &mut Table, s: &Section, lines: &[Line], fields: &[LineField], f: &ReportFront) {
    let get = |key: &str| f.three_public.as_ref().and_then(|tp| tp.line(key));
    // Amounts in 万元 whatever unit the line is stated in (元 in some reports).
    let value = |l: Option<&SpendingLine>, x: &LineField| {
        let l = l?;
        let v = l.figure(x.key)?;
        match x.kind {
            Kind::Amount | Kind::Change => convert(v, l.unit.as_deref().unwrap_or(&f.amount_unit), WAN),
            _ => Some(v),
        }
    };
    let numbers = |x: &&LineField| x.kind.is_number();
    for line in lines {
        let stated = get(line.key);
        let c = format!("{}_{}", s.csv_prefix, line.key);
        for x in fields.iter().filter(numbers).filter(|x| x.only.is_none()) {
            t.num(&format!("{c}_{}", x.key), &line_column(line, x), value(stated, x));
        }
    }
    for x in fields.iter().filter(numbers) {
        let Some(only) = x.only else { continue };
        let line = lines.iter().find(|l| l.key == only).expect("a line field names a line");
        let c = format!("{}_{}", s.csv_prefix, line.key);
        t.num(&format!("{c}_{}", x.key), &line_column(line, x), value(get(only), x));
    }
}

fn line_column(line: &Line, x: &LineField) -> String {
    let name = format!("{} {} {}: {}", line.label.zh, x.label.zh, line.label.en, x.label.en);
    match x.kind {
        Kind::Percent => format!("{name}, % (as stated)"),
        Kind::Change => format!("{name} (signed), {AMOUNT}"),
        Kind::Count => name,
        _ => format!("{name}, {AMOUNT}"),
    }
}

fn item<'a>(items: &'a [Item], key: &str) -> Option<&'a Item> {
    items.iter().find(|i| i.key.as_deref() == Some(key))
}

/// reports.csv: one row per report, every figure a column. The columns no report of the site
/// fills are left out (figures.csv has every figure); the report's identity is always there.
/// Made in two passes over the reports: which columns are filled, then the rows of those.
pub fn reports(site: &Site) -> CsvFile {
    use rayon::prelude::*;
    const CHUNK: usize = 64;
    let scans: Vec<Table> = site
        .reports
        .par_chunks(CHUNK)
        .map(|chunk| {
            let mut t = Table::scanning();
            for e in chunk {
                report_row(&mut t, site, e);
            }
            t
        })
        .collect();
    let mut scan = Table::scanning();
    if site.reports.is_empty() {
        declare_empty(&mut scan, site);
    }
    let declared = scans.iter().find(|t| t.declared).unwrap_or(&scan);
    let keep: Vec<bool> = declared
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            ABOUT_COLUMNS.contains(&c.name.as_str()) || scans.iter().any(|t| t.filled().get(i) == Some(&true))
        })
        .collect();
    drop(scans);
    let mut parts: Vec<Table> = site
        .reports
        .par_chunks(CHUNK)
        .map(|chunk| {
            let mut t = Table::keeping(keep.clone());
            for e in chunk {
                report_row(&mut t, site, e);
            }
            t
        })
        .collect();
    if site.reports.is_empty() {
        let mut t = Table::keeping(keep);
        declare_empty(&mut t, site);
        parts.push(t);
    }
    CsvFile::join(parts)
}

/// The columns of reports.csv kept even when empty: which report a row is.
const ABOUT_COLUMNS: &[&str] = &[
    "report_id",
    "park",
    "year",
    "kind",
    "title_zh",
    "title_en",
    "published",
    "amount_unit",
    "url_zh",
    "url_en",
    "json_url",
    "csv_url",
];

/// The header of reports.csv when there is no report: declared from an empty report.
fn declare_empty(t: &mut Table, site: &Site) {
    with_empty_report(|e| report_row(t, site, e));
    t.clear();
}

/// Calls `f` with an empty report of an empty unit: declares a table's columns when the
/// site has no row for it.
pub(crate) fn with_empty_report(f: impl FnOnce(&ReportEntry)) {
    let front: ReportFront =
        yaml_serde::from_str("title: ''\nyear: 2000\nkind: department").expect("minimal front matter parses");
    let report = crate::content::Report {
        park: String::new(),
        stem: String::new(),
        file: Default::default(),
        front,
        front_yaml: String::new(),
        front_line: 1,
        body: String::new(),
        translations: Vec::new(),
    };
    let unit = crate::content::Unit {
        id: String::new(),
        file: Default::default(),
        profile: yaml_serde::from_str("name: ''\nname_en: ''").expect("minimal profile parses"),
        body: String::new(),
        translations: Vec::new(),
    };
    f(&ReportEntry {
        report: &report,
        unit: &unit,
        checks: &[],
        slug: String::new(),
    });
}

/// indicators.csv: one row per indicator of every indicator table.
pub fn indicators(site: &Site) -> CsvFile {
    let mut t = Table::default();
    for e in &site.reports {
        let en = e.report.en().map(|x| x.front.indicators.as_slice()).unwrap_or(&[]);
        let groups = &e.report.front.indicator_groups;
        for (n, ind) in e.report.front.indicators.iter().enumerate() {
            indicator_row(&mut t, &report_id(e), n, ind, en.get(n), groups);
        }
    }
    if t.is_empty() {
        indicator_row(&mut t, "", 0, &Indicator::default(), None, &[]);
        t.clear();
    }
    t.finish()
}

/// The head of `groups` an indicator sits under: its level-one head (`level2: None`), or its
/// level-two head under that level one.
fn head<'a>(groups: &'a [IndicatorGroup], ind: &Indicator, level2: bool) -> Option<&'a IndicatorGroup> {
    let same = |a: Option<&str>, b: Option<&str>| a.map(str::trim) == b.map(str::trim);
    let level1 = ind.level1.as_deref()?;
    groups.iter().find(|g| {
        same(Some(&g.level1), Some(level1))
            && if level2 {
                ind.level2.is_some() && same(g.level2.as_deref(), ind.level2.as_deref())
            } else {
                g.level2.is_none()
            }
    })
}

fn indicator_row(
    t: &mut Table,
    id: &str,
    n: usize,
    ind: &Indicator,
    en: Option<&IndicatorText>,
    groups: &[IndicatorGroup],
) {
    t.text("report_id", "Report (reports.csv)", Some(id));
    t.int(
        "row",
        "Position in the report's indicator table, from 1",
        Some(n as u64 + 1),
    );
    let Some(Body::Indicators(columns)) = schema::section("indicators").map(|s| s.body) else {
        return;
    };
    let cmp = super::targets::compare(
        ind.target.as_deref(),
        ind.target_value,
        ind.actual.as_deref(),
        ind.actual_value,
        ind.unit.as_deref(),
    );
    for c in columns {
        let description = match c.kind {
            Kind::Text if c.translated.is_some() => format!("{} {}, as printed", c.label.zh, c.label.en),
            Kind::Points => format!("{} {} (points)", c.label.zh, c.label.en),
            _ => c.label.en.to_string(),
        };
        match (c.key, c.text, c.num) {
            ("target_value", _, _) => t.num(
                c.key,
                "The number of the target: as the report gives it, else read from the target text (不少于10万平方米 → 10)",
                cmp.target_value,
            ),
            ("actual_value", _, _) => t.num(
                c.key,
                "The number of the result: as the report gives it, else read from the result text when it is a plain figure (10.5万平方米 → 10.5)",
                cmp.actual_value,
            ),
            (_, Some(text), _) => t.text(c.key, &description, text(ind)),
            (_, None, Some(num)) => t.num(c.key, &description, num(ind)),
            (_, None, None) => {}
        }
    }
    t.text(
        "target_op",
        "Comparator of the target read from its text: >= (不少于, 不低于, ≥, …以上), <= (不高于, 不超过, ≤, …以内), >, <, = (a bare figure such as 100%); empty when the text is not a comparator and a number",
        cmp.op.map(super::targets::Op::symbol),
    );
    t.text(
        "target_unit",
        "Unit of target_value: from the target text (万平方米, %, 元/平方米), else the indicator's unit",
        cmp.target_unit.as_deref(),
    );
    t.text(
        "actual_unit",
        "Unit of actual_value: from the result text, else the indicator's unit",
        cmp.actual_unit.as_deref(),
    );
    t.maybe_bool(
        "met",
        "Whether actual_value meets the target (target_op target_value), where both are numbers in the same unit; empty when they cannot be compared (text, a number missing, units that differ). The form's own judgement is the score",
        cmp.met,
    );
    for c in columns {
        if let Some(tr) = c.translated {
            t.text(
                &format!("{}_en", c.key),
                &format!("{} in English", c.label.en),
                en.and_then(tr),
            );
        }
    }
    t.bool(
        "blank",
        "true for a row the form prints blank (a head such as 生态效益指标 with no indicator under it): its cells are empty, never 0",
        ind.is_blank(),
    );
    let l1 = head(groups, ind, false);
    let l2 = head(groups, ind, true);
    t.num(
        "level1_weight",
        "分值 Weight of the row's level-one head (产出指标（50分）), from indicator_groups (points)",
        l1.and_then(|g| g.weight),
    );
    t.num(
        "level1_score",
        "得分 Score of the row's level-one head, from indicator_groups (points)",
        l1.and_then(|g| g.score),
    );
    t.num(
        "level2_weight",
        "分值 Weight of the row's level-two head, where the form gives one (points)",
        l2.and_then(|g| g.weight),
    );
    t.num(
        "level2_score",
        "得分 Score of the row's level-two head, where the form gives one (points)",
        l2.and_then(|g| g.score),
    );
    t.end_row();
}

/// The label of the funds block's own row, 年度资金总额 (its figures are `project.*`).
const TOTAL_ROW: schema::Label = schema::l("年度资金总额", "Total annual funds");

/// funds.csv: the funds block of every self-evaluation form as a long table, one row per
/// report, form row and column, so that a pivot gives the form back. Every column of every
/// row is written, so a row the form prints blank is there with empty values (never 0).
pub fn funds(site: &Site) -> CsvFile {
    let mut t = Table::default();
    for e in &site.reports {
        let f = &e.report.front;
        let Some(p) = &f.project else { continue };
        let id = report_id(e);
        let total = FundsRow {
            key: Some("total".into()),
            initial: p.initial,
            full_year: p.full_year,
            actual: p.actual,
            rate: p.rate,
            weight: p.weight,
            score: p.score,
            ..FundsRow::default()
        };
        for (n, row) in std::iter::once(&total).chain(&p.rows).enumerate() {
            for c in schema::FUNDS_COLUMNS {
                funds_row(&mut t, e, &id, n, row, c);
            }
        }
    }
    if t.is_empty() {
        with_empty_report(|e| funds_row(&mut t, e, "", 0, &FundsRow::default(), &schema::FUNDS_COLUMNS[0]));
        t.clear();
    }
    t.finish()
}

/// One cell of a funds block: which report, which row and column, the value and its unit.
fn funds_row(t: &mut Table, e: &ReportEntry, id: &str, n: usize, row: &FundsRow, c: &schema::LineField) {
    let f = &e.report.front;
    let key = row.key.as_deref().unwrap_or_default();
    let known = schema::FUNDS_ROWS.iter().find(|(k, _)| k.key == key);
    let label = if key == "total" {
        Some(TOTAL_ROW)
    } else {
        known.map(|(k, _)| k.label)
    };
    t.text("report_id", "Report (reports.csv)", Some(id));
    t.text("park", "Unit id (parks.csv)", Some(&e.unit.id));
    t.int("year", "Fiscal year reported on", Some(u64::from(f.year)));
    t.text(
        "kind",
        "department (the form's 年度预算资金) or project (项目资金)",
        Some(f.kind.slug()),
    );
    t.int(
        "position",
        "Row of the funds block, from 0: 0 is 年度资金总额, then the rows under it in the form's order",
        Some(n as u64),
    );
    t.text(
        "row",
        "Row key: total (年度资金总额), a key of the form's rows (fiscal, carryover, other; general_public … unit_funds; basic, project), or empty for a row the report names only by its label",
        Some(key),
    );
    t.text(
        "row_label_zh",
        "Row as the form names it",
        row.label.as_deref().or(label.map(|l| l.zh)),
    );
    t.text(
        "row_label_en",
        "Row in English",
        row.label_en.as_deref().or(label.map(|l| l.en)),
    );
    t.text(
        "group",
        "Rows of one group add up to the total row: source (project form: fiscal + carryover + other), income or spending (department form); empty for the total and for rows named only by label",
        known.map(|(_, g)| *g),
    );
    t.bool(
        "blank_row",
        "true for a row the form prints blank (no figure in any column): its values are empty, never 0",
        n > 0 && schema::FUNDS_COLUMNS.iter().all(|c| row.figure(c.key).is_none()),
    );
    t.text(
        "column",
        "Column key: initial, full_year, actual, weight, rate, score (the form's order)",
        Some(c.key),
    );
    t.text("column_label_zh", "Column as the form names it", Some(c.label.zh));
    t.text("column_label_en", "Column in English", Some(c.label.en));
    t.num(
        "value",
        "The figure as the report states it, in `unit`; empty: the cell is blank on the form or not stated (never 0)",
        row.figure(c.key),
    );
    let unit = match c.kind {
        Kind::Percent => "%",
        Kind::Points => "分",
        _ => f.amount_unit.as_str(),
    };
    t.text(
        "unit",
        "Unit of value: the report's amount_unit (万元 …) for amounts, % for the rate, 分 (points) for weight and score",
        Some(unit),
    );
    t.text("note", "Note on the row, as the report words it", row.note.as_deref());
    t.end_row();
}

/// items.csv: every item of every list (income sources, spending by function, project items,
/// staffing categories, economic results), with its unit.
pub fn items(site: &Site) -> CsvFile {
    let mut t = Table::default();
    for e in &site.reports {
        let f = &e.report.front;
        let id = report_id(e);
        let lists: [(&str, &[Item]); 6] = [
            (
                "budget.income_sources",
                f.budget.as_ref().map(|b| b.income_sources.as_slice()).unwrap_or(&[]),
            ),
            (
                "final_accounts.income_sources",
                f.final_accounts
                    .as_ref()
                    .map(|b| b.income_sources.as_slice())
                    .unwrap_or(&[]),
            ),
            (
                "final_accounts.by_function",
                f.final_accounts
                    .as_ref()
                    .map(|b| b.by_function.as_slice())
                    .unwrap_or(&[]),
            ),
            (
                "expenditure.project_items",
                f.expenditure
                    .as_ref()
                    .map(|b| b.project_items.as_slice())
                    .unwrap_or(&[]),
            ),
            (
                "staffing.categories",
                f.staffing.as_ref().map(|b| b.categories.as_slice()).unwrap_or(&[]),
            ),
            ("economy", &f.economy),
        ];
        for (list, items) in lists {
            for (n, i) in items.iter().enumerate() {
                item_row(&mut t, &id, list, n, i, &f.amount_unit);
            }
        }
    }
    if t.is_empty() {
        item_row(&mut t, "", "", 0, &Item::default(), "");
        t.clear();
    }
    t.finish()
}

fn item_row(t: &mut Table, id: &str, list: &str, n: usize, i: &Item, amount_unit: &str) {
    t.text("report_id", "Report (reports.csv)", Some(id));
    t.text("list", "Which list: budget.income_sources, final_accounts.income_sources, final_accounts.by_function, expenditure.project_items, staffing.categories or economy", Some(list));
    t.int("position", "Position in the list, from 1", Some(n as u64 + 1));
    t.text(
        "key",
        "Stable key of a known figure (docs/content-format.md)",
        i.key.as_deref(),
    );
    t.text("label", "Name in Chinese", i.label.as_deref().or(i.name.as_deref()));
    t.text(
        "label_en",
        "Name in English",
        i.label_en.as_deref().or(i.name_en.as_deref()),
    );
    t.num("value", "The figure, as stated, in `unit`", Some(i.value));
    t.text(
        "unit",
        "Unit of value and change",
        Some(i.unit.as_deref().unwrap_or(amount_unit)),
    );
    t.num("share", "Stated share, %", i.share);
    t.num("change", "Stated change on previous year (signed), in `unit`", i.change);
    t.num("change_pct", "Stated change on previous year, % (signed)", i.change_pct);
    t.text(
        "fund",
        "Budget the item is paid from (project items)",
        i.fund.map(Fund::key),
    );
    t.text(
        "target",
        "The target the report set for the figure, as written",
        i.target.as_deref(),
    );
    t.text("target_en", "The target in English", i.target_en.as_deref());
    t.text("note", "Note", i.note.as_deref());
    t.end_row();
}

/// parks.csv: one row per unit.
pub fn parks(site: &Site) -> CsvFile {
    let mut t = Table::default();
    for u in &site.units {
        park_row(&mut t, site, u);
    }
    if site.units.is_empty() {
        let unit = crate::content::Unit {
            id: String::new(),
            file: Default::default(),
            profile: yaml_serde::from_str("name: ''\nname_en: ''").expect("minimal profile parses"),
            body: String::new(),
            translations: Vec::new(),
        };
        park_row(&mut t, site, &unit);
        t.clear();
    }
    t.finish()
}

fn park_row(t: &mut Table, site: &Site, u: &crate::content::Unit) {
    let p = &u.profile;
    let path = format!("parks/{}/", u.id);
    let r = p.region.clone().unwrap_or_default();
    let re = p.region_en.clone().unwrap_or_default();
    t.text("park", "Unit id", Some(&u.id));
    t.text("name", "Name in Chinese", Some(&p.name));
    t.text("name_en", "Name in English", Some(&p.name_en));
    t.text(
        "unit_type",
        "park or bureau",
        Some(match p.unit_type {
            UnitType::Park => "park",
            UnitType::Bureau => "bureau",
        }),
    );
    t.text("committee", "Filing body (管委会) in Chinese", p.committee.as_deref());
    t.text("committee_en", "Filing body in English", p.committee_en.as_deref());
    t.text("province", "省 Province", r.province.as_deref());
    t.text("city", "市 City", r.city.as_deref());
    t.text("county", "县/区 County or district", r.county.as_deref());
    t.text("province_en", "Province in English", re.province.as_deref());
    t.text("city_en", "City in English", re.city.as_deref());
    t.text("county_en", "County or district in English", re.county.as_deref());
    let level = p.level.map(|l| {
        serde_json::to_value(l)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    });
    t.text(
        "level",
        "级别 Level: 国家级 / 省级 / 市级 / 县级 / 其他",
        level.as_deref(),
    );
    t.text(
        "established",
        "设立时间 Established (YYYY, YYYY-MM or YYYY-MM-DD)",
        p.established.as_deref(),
    );
    t.num("planned_area_km2", "规划面积 Planned area, km²", p.planned_area);
    t.num("built_area_km2", "建成区面积 Built-up area, km²", p.built_area);
    t.text(
        "leading_industries",
        "主导产业, separated by 、",
        Some(&p.leading_industries.join("、"))
            .filter(|s| !s.is_empty())
            .map(String::as_str),
    );
    t.text(
        "leading_industries_en",
        "Leading industries in English, separated by ; ",
        Some(&p.leading_industries_en.join("; "))
            .filter(|s| !s.is_empty())
            .map(String::as_str),
    );
    t.int(
        "reports",
        "Number of reports on the site",
        Some(site.reports_of(&u.id).len() as u64),
    );
    addresses(t, site, &path, "park.json", None);
    t.end_row();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The file of one row of text cells.
    fn one_row(cells: &[&str]) -> String {
        let mut t = Table::default();
        for (i, c) in cells.iter().enumerate() {
            t.text(&format!("c{i}"), "", Some(c));
        }
        t.end_row();
        let text = String::from_utf8(t.finish().bytes).unwrap();
        text.split_once("\r\n").unwrap().1.to_string()
    }

    /// The columns and the cells of every row of a table's file, read back.
    fn read(t: Table) -> (Vec<Column>, Vec<Vec<String>>) {
        let file = t.finish();
        let mut r = ::csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(&file.bytes[3..]);
        let rows = r
            .records()
            .map(|x| x.unwrap().iter().map(str::to_string).collect())
            .collect();
        (file.columns, rows)
    }

    #[test]
    fn quotes_only_what_needs_quoting() {
        assert_eq!(one_row(&["1545.30", "x"]), "1545.30,x\r\n");
        assert_eq!(one_row(&["a,b", "x"]), "\"a,b\",x\r\n");
        assert_eq!(one_row(&["他说\"好\"", "x"]), "\"他说\"\"好\"\"\",x\r\n");
        assert_eq!(one_row(&["两行\n文字", "x"]), "\"两行\n文字\",x\r\n");
    }

    #[test]
    fn empty_columns_are_left_out_of_the_file() {
        let rows = |t: &mut Table| {
            for v in ["1", "2"] {
                t.text("id", "", Some(v));
                t.num("empty", "", None);
                t.num("full", "", Some(Dec::parse(v).unwrap()));
                t.end_row();
            }
        };
        let mut scan = Table::scanning();
        rows(&mut scan);
        assert_eq!(scan.filled(), [true, false, true]);
        let keep = scan
            .columns
            .iter()
            .zip(scan.filled())
            .map(|(c, f)| *f || c.name == "id")
            .collect();
        let mut t = Table::keeping(keep);
        rows(&mut t);
        let file = t.finish();
        assert_eq!(
            String::from_utf8(file.bytes).unwrap(),
            "\u{feff}id,full\r\n1,1\r\n2,2\r\n"
        );
        assert_eq!(file.columns.len(), 2);
        assert_eq!(file.rows, 2);
    }

    #[test]
    fn parts_join_in_order_under_one_header() {
        let part = |vs: &[&str]| {
            let mut t = Table::default();
            for v in vs {
                t.text("a", "", Some(v));
                t.text("b", "", Some("x,y"));
                t.end_row();
            }
            t
        };
        let mut empty = Table::default();
        empty.text("a", "", Some("gone"));
        empty.text("b", "", None);
        empty.end_row();
        empty.clear();
        let mut second = part(&["2", "3"]);
        assert_eq!(second.written(), "2,\"x,y\"\r\n3,\"x,y\"\r\n".len());
        let file = CsvFile::join(vec![empty, part(&["1"]), Table::default(), second]);
        let text = "\u{feff}a,b\r\n1,\"x,y\"\r\n2,\"x,y\"\r\n3,\"x,y\"\r\n";
        assert_eq!(String::from_utf8(file.bytes.clone()).unwrap(), text);
        assert_eq!(file.header(), "\u{feff}a,b\r\n".as_bytes());
        assert_eq!(file.rows, 3);
    }

    #[test]
    fn amounts_convert_exactly_between_money_units() {
        let d = |s: &str| Dec::parse(s).unwrap();
        assert_eq!(convert(d("1545.30"), "万元", "万元").unwrap().to_string(), "1545.30");
        assert_eq!(convert(d("3.4978"), "亿元", "万元").unwrap().to_string(), "34978");
        assert_eq!(convert(d("18500.0"), "万元", "亿元").unwrap().to_string(), "1.85");
        assert_eq!(convert(d("3000"), "元", "万元").unwrap().to_string(), "0.3");
        assert_eq!(convert(d("3"), "个", "万元"), None);
    }

    #[test]
    fn text_that_starts_like_a_formula_is_prefixed_and_numbers_are_not() {
        for (text, cell) in [
            ("=1+1", "'=1+1"),
            ("+86 0000", "'+86 0000"),
            ("-5%", "'-5%"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("＝1+1", "'＝1+1"),
            ("'原文", "''原文"),
            ("园区 = 1", "园区 = 1"),
            ("", ""),
        ] {
            assert_eq!(text_cell(text), cell, "{text:?}");
        }
        let mut t = Table::default();
        t.num("change", "C", Some("-12.50".parse().unwrap()));
        t.text("label", "L", Some("-12.50"));
        t.int("n", "N", Some(3));
        t.end_row();
        assert_eq!(read(t).1, [["-12.50", "'-12.50", "3"]]);
    }

    #[test]
    fn a_blank_funds_row_is_written_blank_and_never_zero() {
        let mut t = Table::default();
        let other = FundsRow {
            key: Some("other".into()),
            ..FundsRow::default()
        };
        let fiscal = FundsRow {
            key: Some("fiscal".into()),
            actual: Some("390.50".parse().unwrap()),
            ..FundsRow::default()
        };
        with_empty_report(|e| {
            for c in schema::FUNDS_COLUMNS {
                funds_row(&mut t, e, "x", 1, &fiscal, c);
                funds_row(&mut t, e, "x", 3, &other, c);
            }
        });
        let (columns, cells) = read(t);
        let col = |name: &str| columns.iter().position(|c| c.name == name).unwrap();
        let (value, blank, unit, column) = (col("value"), col("blank_row"), col("unit"), col("column"));
        let get = |key: &str, column_key: &str| {
            cells
                .iter()
                .find(|r| r[col("row")] == key && r[column] == column_key)
                .unwrap()
                .clone()
        };
        assert_eq!(get("fiscal", "actual")[value], "390.50");
        assert_eq!(get("fiscal", "actual")[blank], "false");
        assert_eq!(get("fiscal", "rate")[value], "", "a blank cell is empty");
        assert_eq!(get("fiscal", "rate")[unit], "%");
        assert_eq!(get("fiscal", "score")[unit], "分");
        assert_eq!(get("fiscal", "initial")[unit], "万元");
        for c in schema::FUNDS_COLUMNS {
            assert_eq!(get("other", c.key)[value], "", "other × {}", c.key);
            assert_eq!(get("other", c.key)[blank], "true");
        }
        assert_eq!(columns[col("blank_row")].kind, Type::Boolean);
    }

    #[test]
    fn file_has_bom_header_and_crlf() {
        let mut t = Table::default();
        t.num("a", "A", Some("1.50".parse().unwrap()));
        t.text("b", "B", None);
        t.end_row();
        t.num("a", "A", None);
        t.text("b", "B", Some("x,y"));
        t.end_row();
        assert_eq!(
            String::from_utf8(t.finish().bytes).unwrap(),
            "\u{feff}a,b\r\n1.50,\r\n,\"x,y\"\r\n"
        );
    }
}
