//! Figures from the standard forms, recognised by their heads wherever the copy put them:
//! the 项目支出 / 部门整体支出绩效自评表 (funds matrix, goals, indicators, 总分, 等级, 备注) and the
//! 部门决算 tables a report may embed (收入支出决算总表, “三公”经费). A row is read by finding its
//! own label (年度资金总额, 上年结转资金, 产出指标 …), so a head repeated in merged cells or shifted
//! a column moves the columns with it. A cell that is not a plain figure fills nothing.

use super::phrases::{Found, short};
use super::source::{Block, Origin};
use rust_decimal::Decimal;

/// The funds matrix's columns, by their heads.
const FUND_COLUMNS: &[(&str, &[&str])] = &[
    ("initial", &["年初预算数", "年初预算"]),
    ("full_year", &["全年预算数", "调整后预算"]),
    ("actual", &["全年执行数", "执行数"]),
    ("weight", &["分值"]),
    ("rate", &["执行率"]),
    ("score", &["得分"]),
];

/// The rows under 年度资金总额, by the words that name them.
const FUND_ROWS: &[(&str, &[&str])] = &[
    ("fiscal", &["当年财政拨款"]),
    ("carryover", &["上年结转"]),
    ("other", &["其他资金"]),
    ("general_public", &["一般公共预算"]),
    ("government_funds", &["政府性基金预算"]),
    ("state_capital", &["国有资本经营预算"]),
    ("special_account", &["财政专户管理资金"]),
    ("unit_funds", &["单位资金"]),
    ("basic", &["基本支出"]),
    ("project", &["项目支出"]),
];

/// The indicator table's columns.
const INDICATOR_COLUMNS: &[(&str, &[&str])] = &[
    ("level1", &["一级指标"]),
    ("level2", &["二级指标"]),
    ("level3", &["三级指标"]),
    ("target", &["年度指标值", "指标值"]),
    ("actual", &["实际完成值", "完成值"]),
    ("weight", &["分值"]),
    ("score", &["得分"]),
    ("deviation", &["偏差原因"]),
];

/// Level-one heads of the indicator table.
const LEVEL1: &[&str] = &[
    "产出指标",
    "效益指标",
    "满意度指标",
    "成本指标",
    "管理指标",
    "履职效能",
    "决策",
    "过程",
    "产出",
    "效益",
];

/// Labels of the 收入支出决算总表 and where their figures go.
const ACCOUNTS: &[(&str, &str)] = &[
    ("本年收入合计", "final_accounts.income"),
    ("本年支出合计", "expenditure.total"),
    ("年初结转和结余", "final_accounts.opening_balance"),
    ("年初结转结余", "final_accounts.opening_balance"),
    ("年末结转和结余", "final_accounts.closing_balance"),
    ("年末结转结余", "final_accounts.closing_balance"),
    ("收入总计", "final_accounts.sources_total"),
];

/// The “三公” lines by their heads.
const LINES: &[(&str, &[&str])] = &[
    ("total", &["合计"]),
    ("overseas_travel", &["因公出国"]),
    ("hospitality", &["公务接待"]),
    ("vehicles", &["公务用车"]),
];

/// The start of the note of a figure the importer read but is not sure of: the draft leaves
/// its key empty with the figure as a candidate (`draft::decide`).
pub const DOUBT: &str = "not sure: ";

/// The figures of every form table in `blocks`, for a report of an unstated year.
pub fn read(blocks: &[Block]) -> Vec<Found> {
    read_for(blocks, None)
}

/// The figures of every form table in `blocks` of a report of `year`: rows and columns of
/// another year (上年决算数, 2021年) give nothing.
pub fn read_for(blocks: &[Block], year: Option<u16>) -> Vec<Found> {
    let mut out = Vec::new();
    let mut unit: Option<String> = None;
    let mut counters = Counters::default();
    for block in blocks {
        match block {
            Block::Paragraph { text, .. } => {
                if let Some(u) = stated_unit(text) {
                    unit = Some(u);
                }
            }
            Block::Table { rows, merged, at } => {
                let t = Table { rows, merged, at };
                let table_unit = rows
                    .iter()
                    .take(2)
                    .flatten()
                    .find_map(|c| stated_unit(c))
                    .or(unit.clone());
                self_evaluation(&t, &mut counters, &mut out);
                accounts(&t, table_unit.as_deref(), year, &mut out);
                three_public(&t, table_unit.as_deref(), year, &mut out);
                unit = None;
            }
        }
    }
    out
}

/// Numbering of the items of free lists, across tables.
#[derive(Default)]
struct Counters {
    goals: usize,
    indicators: usize,
    groups: usize,
    /// Level-one heads already given their weight.
    heads: std::collections::BTreeSet<String>,
    /// The indicator rows' heads and shift so far, for rows whose merged heads the copy left
    /// blank.
    last_level1: String,
    last_level2: String,
    last_offset: Option<isize>,
}

struct Table<'a> {
    rows: &'a [Vec<String>],
    merged: &'a [Vec<bool>],
    at: &'a Origin,
}

impl Table<'_> {
    fn cell(&self, r: usize, c: usize) -> &str {
        self.rows.get(r).and_then(|row| row.get(c)).map_or("", |s| s.trim())
    }
    /// Whether the cell repeats a merged cell above it.
    fn repeat_above(&self, r: usize, c: usize) -> bool {
        r > 0
            && self.merged.get(r).and_then(|m| m.get(c)).copied().unwrap_or(false)
            && self.cell(r - 1, c) == self.cell(r, c)
    }
    /// Where row `r` is: its own line in a text file, its own row of a sheet, else the
    /// table and the row.
    fn at(&self, r: usize) -> String {
        match self.at {
            Origin::Line(n) => format!("line {}", n + r),
            Origin::Sheet { name, row } => format!("sheet {name} row {}", row + r),
            other => format!("{other} row {}", r + 1),
        }
    }
}

/// 单位：万元 / 金额单位：元.
fn stated_unit(text: &str) -> Option<String> {
    let i = text.find("单位")?;
    let rest = text[i + "单位".len()..].trim_start_matches(['：', ':', ' ']);
    ["万元", "元"]
        .iter()
        .find(|u| rest.starts_with(**u))
        .map(|u| u.to_string())
}

/// The unit a head cell gives its column or row: 金额（元）, 预算数(万元), 单位：元.
fn cell_unit(text: &str) -> Option<String> {
    let t = text.replace(' ', "");
    for (open, close) in [('（', '）'), ('(', ')')] {
        for u in ["万元", "元"] {
            if t.contains(&format!("{open}{u}{close}")) {
                return Some(u.to_string());
            }
        }
    }
    stated_unit(&t)
}

/// Whether a row or column head names another year than the report's: 上年决算数, 去年,
/// 2021年 (in a report of 2022).
pub fn other_year(head: &str, year: Option<u16>) -> bool {
    if ["上年", "去年", "上一年", "前年", "上年度"]
        .iter()
        .any(|w| head.contains(w))
    {
        return true;
    }
    let chars: Vec<char> = head.chars().collect();
    for i in 0..chars.len() {
        let four: String = chars.iter().skip(i).take(4).collect();
        let before = i > 0 && chars[i - 1].is_ascii_digit();
        if !before
            && four.len() == 4
            && four.chars().all(|c| c.is_ascii_digit())
            && chars.get(i + 4) == Some(&'年')
            && let (Ok(y), Some(report)) = (four.parse::<u16>(), year)
            && y != report
        {
            return true;
        }
    }
    false
}

/// A figure of `path` read but not sure: the draft leaves the key empty with it as a
/// candidate, saying why.
fn doubtful(path: String, value: &str, at: String, quote: &str, why: &str) -> Found {
    found(path, value, at, quote, Some(format!("{DOUBT}{why}")))
}

/// A cell that is a plain figure: `480.50`, `96.10%`, `1,200.00`; the digits as written.
pub fn figure(cell: &str) -> Option<String> {
    let t = cell.trim().trim_end_matches(['%', '％']).replace(',', "");
    if t.is_empty() || t.chars().any(|c| !(c.is_ascii_digit() || c == '.' || c == '-')) {
        return None;
    }
    t.parse::<Decimal>().ok().map(|_| t)
}

fn has_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

fn found(path: String, value: &str, at: String, quote: &str, note: Option<String>) -> Found {
    Found {
        path,
        value: value.to_string(),
        at,
        quote: short(quote),
        note,
    }
}

/// The columns of a head row: (field, column) for each head found.
fn head_columns(row: &[String], cols: &[(&'static str, &[&str])]) -> Vec<(&'static str, usize)> {
    let mut out: Vec<(&'static str, usize)> = Vec::new();
    for (c, cell) in row.iter().enumerate() {
        // 上年执行数 is last year's column, not this year's 执行数.
        if other_year(cell, None) {
            continue;
        }
        for (field, words) in cols {
            if has_any(cell, words) && !out.iter().any(|(f, col)| f == field || *col == c) {
                out.push((field, c));
                break;
            }
        }
    }
    out
}

/// The 自评表: funds matrix, goals, indicators, 总分, 等级, 备注.
fn self_evaluation(t: &Table, n: &mut Counters, out: &mut Vec<Found>) {
    let mut funds: Option<Vec<(&'static str, usize)>> = None;
    // The funds matrix's unit, from its head (项目资金（元）); 万元 when it says none.
    let mut fund_unit: Option<String> = None;
    let mut head_len = 0;
    let mut indicators: Option<Vec<(&'static str, usize)>> = None;
    let mut goals = false;
    for (r, row) in t.rows.iter().enumerate() {
        let line = row.join(" ");
        // Heads.
        let f = head_columns(row, FUND_COLUMNS);
        if f.iter().any(|(k, _)| *k == "initial" || *k == "full_year") && f.iter().any(|(k, _)| *k == "actual") {
            funds = Some(f);
            fund_unit = row.iter().find_map(|c| cell_unit(c));
            head_len = row.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |i| i + 1);
            continue;
        }
        let i = head_columns(row, INDICATOR_COLUMNS);
        if i.iter().any(|(k, _)| *k == "level1") && i.iter().any(|(k, _)| *k == "level3") {
            indicators = Some(i);
            goals = false;
            funds = None;
            continue;
        }
        if line.contains("预期目标") && line.contains("实际完成") {
            goals = true;
            funds = None;
            continue;
        }
        // Cells naming a field, with the figure or text after them.
        for (label, path, text) in [
            ("项目名称", "project_name", true),
            ("主管部门", "department", true),
            ("实施单位", "implementer", true),
            ("项目实施期", "period", true),
            ("备注", "evaluation.remark", true),
        ] {
            if let Some(v) = after_label(row, label)
                && text
            {
                out.push(found(path.into(), &v, t.at(r), &line, None));
            }
        }
        if let Some(c) = row.iter().position(|c| c.contains("项目总投资")) {
            let unit = cell_unit(&row[c]).unwrap_or_else(|| "万元".into());
            if let Some(v) = row[c + 1..].iter().find_map(|x| figure(x))
                && let Some((v, note)) = in_wan(&v, Some(&unit))
            {
                out.push(found("project.investment".into(), &v, t.at(r), &line, note));
            }
            if let Some(c2) = row
                .iter()
                .position(|x| x.contains("财政拨款") && !x.contains("项目总投资"))
                && let Some(v) = row[c2 + 1..].iter().find_map(|x| figure(x))
                && let Some((v, note)) = in_wan(&v, Some(&unit))
            {
                out.push(found("project.investment_fiscal".into(), &v, t.at(r), &line, note));
            }
            continue;
        }
        if let Some(c) = row
            .iter()
            .position(|x| x.trim() == "总分" || x.trim() == "总分值" || x.trim() == "合计得分")
        {
            let score_col = indicators
                .as_ref()
                .and_then(|h| h.iter().find(|(k, _)| *k == "score"))
                .map(|(_, c)| *c);
            let v = match score_col {
                Some(sc) if sc > c => figure(t.cell(r, sc)),
                _ => {
                    let nums: Vec<String> = row[c + 1..].iter().filter_map(|x| figure(x)).collect();
                    // 总分 | 100 | 95.11: the second is the score; one figure alone is ambiguous.
                    (nums.len() == 2 && nums[0] == "100").then(|| nums[1].clone())
                }
            };
            if let Some(v) = v {
                out.push(found("evaluation.score".into(), &v, t.at(r), &line, None));
            }
            continue;
        }
        if let Some(g) = grade(row) {
            out.push(found("evaluation.grade".into(), &g, t.at(r), &line, None));
            continue;
        }
        if row.iter().any(|c| c.trim().starts_with("备注")) {
            continue;
        }
        // Rows of the blocks.
        if let Some(cols) = &funds {
            fund_row(t, r, cols, (fund_unit.as_deref(), head_len), out);
        } else if let Some(cols) = &indicators {
            indicator_row(t, r, cols, n, out);
        } else if goals {
            let cells: Vec<&str> = distinct_cells(row)
                .into_iter()
                .filter(|c| !c.contains("年度总体目标") && !c.contains("总体目标"))
                .collect();
            if cells.len() == 2 {
                n.goals += 1;
                out.push(found(
                    format!("goals[#{}].target", n.goals),
                    cells[0],
                    t.at(r),
                    &line,
                    None,
                ));
                out.push(found(
                    format!("goals[#{}].actual", n.goals),
                    cells[1],
                    t.at(r),
                    &line,
                    None,
                ));
            }
        }
    }
}

/// The non-empty cells of a row, each once (merged cells repeat their text).
fn distinct_cells(row: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for c in row {
        let c = c.trim();
        if !c.is_empty() && out.last() != Some(&c) {
            out.push(c);
        }
    }
    out
}

/// The cell after a label cell (or the rest of a `label：value` cell).
fn after_label(row: &[String], label: &str) -> Option<String> {
    let c = row.iter().position(|x| x.trim().starts_with(label))?;
    let cell = row[c].trim();
    if let Some(rest) = cell
        .strip_prefix(label)
        .map(|r| r.trim_start_matches(['：', ':', ' ']))
        .filter(|r| !r.is_empty())
    {
        return Some(rest.to_string());
    }
    row[c + 1..]
        .iter()
        .map(|x| x.trim())
        .find(|x| !x.is_empty() && *x != cell)
        .map(str::to_string)
}

/// 等级 | 优, or 等级：优.
fn grade(row: &[String]) -> Option<String> {
    let c = row
        .iter()
        .position(|x| x.trim().starts_with("等级") || x.trim().starts_with("绩效等级"))?;
    let v = after_label(row, row[c].trim().split(['：', ':']).next().unwrap_or("等级"))?;
    let v = v.trim();
    ["优", "良", "中", "差"].contains(&v).then(|| v.to_string())
}

/// One row of the funds matrix; `head` is the matrix's unit and its head row's width.
fn fund_row(t: &Table, r: usize, cols: &[(&'static str, usize)], head: (Option<&str>, usize), out: &mut Vec<Found>) {
    let (unit, head_len) = head;
    let row = &t.rows[r];
    let line = row.join(" ");
    // The row's own label: the last cell naming a row (a level-one head merged on the left
    // repeats, and is not the label).
    let label_col = row
        .iter()
        .rposition(|c| c.contains("年度资金总额") || FUND_ROWS.iter().any(|(_, w)| has_any(c, w)));
    let Some(lc) = label_col else { return };
    let label = row[lc].as_str();
    let base = if label.contains("年度资金总额") {
        "project".to_string()
    } else {
        match FUND_ROWS.iter().find(|(_, w)| has_any(label, w)) {
            Some((k, _)) => format!("project.rows[{k}]"),
            None => return,
        }
    };
    // The head's first figure column against this row's first cell after its label: a
    // shifted row moves every column by the same amount.
    let head_first = cols.iter().map(|(_, c)| *c).min().unwrap_or(0);
    let offset = (lc + 1) as isize - head_first as isize;
    let mut got: Vec<(&str, String)> = Vec::new();
    for (field, c) in cols {
        let col = *c as isize + offset;
        if col < 0 {
            continue;
        }
        let col = col as usize;
        if t.repeat_above(r, col) {
            continue;
        }
        if let Some(v) = figure(t.cell(r, col)) {
            got.push((field, v));
        }
    }
    // Cells that do not line up with the head's columns: a row longer than its head, a
    // sub-row (其中：…) with figures under 分值 / 执行率 / 得分 (those are the total's alone),
    // a rate no execution rate can be. The figures stay candidates.
    let width = row.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |i| i + 1);
    let why = if offset == 0 && head_len > 0 && width > head_len {
        Some("the row has more cells than its head, so its figures cannot be matched to the head's columns")
    } else if base != "project" && got.iter().any(|(f, _)| ["weight", "rate", "score"].contains(f)) {
        Some(
            "the row's figures do not line up with the head's columns (a sub-row with figures under 分值 / 执行率 / 得分)",
        )
    } else if got
        .iter()
        .any(|(f, v)| *f == "rate" && v.parse::<Decimal>().is_ok_and(|d| d > Decimal::from(1000)))
    {
        Some("the row's 执行率 is over 1000%, so its cells do not line up with the head")
    } else {
        None
    };
    for (field, v) in got {
        let amount = ["initial", "full_year", "actual"].contains(&field);
        let (v, note) = if amount && unit == Some("元") {
            match in_wan(&v, Some("元")) {
                Some(x) => x,
                None => continue,
            }
        } else {
            (v, None)
        };
        let path = format!("{base}.{field}");
        match why {
            Some(why) => out.push(doubtful(path, &v, t.at(r), &line, why)),
            None => out.push(found(path, &v, t.at(r), &line, note)),
        }
    }
}

/// One row of the indicator table.
fn indicator_row(t: &Table, r: usize, cols: &[(&'static str, usize)], n: &mut Counters, out: &mut Vec<Found>) {
    let row = &t.rows[r];
    let line = row.join(" ");
    let Some(&(_, head_l1)) = cols.iter().find(|(k, _)| *k == "level1") else {
        return;
    };
    // Where this row's level-one head is: a head shifted or repeated a column moves the row.
    // A copy that left a merged head blank below its first row keeps the row where the last
    // head was, and the head carries down.
    let offset = match row.iter().position(|c| LEVEL1.iter().any(|h| c.trim().starts_with(h))) {
        Some(l1_col) => l1_col as isize - head_l1 as isize,
        None => match n.last_offset {
            Some(o) => o,
            None => return,
        },
    };
    n.last_offset = Some(offset);
    let get = |field: &str| -> Option<String> {
        let (_, c) = cols.iter().find(|(k, _)| *k == field)?;
        let col = *c as isize + offset;
        (col >= 0)
            .then(|| t.cell(r, col as usize).to_string())
            .filter(|s| !s.is_empty())
    };
    let level3 = get("level3");
    let carried = get("level1").is_none();
    if carried && level3.is_none() {
        return;
    }
    let level1_raw = get("level1").unwrap_or_else(|| n.last_level1.clone());
    if level1_raw.is_empty() {
        return;
    }
    let (level1, weight1) = head_weight(&level1_raw);
    let level2 = get("level2")
        .map(|s| head_weight(&s).0)
        .or_else(|| carried.then(|| n.last_level2.clone()).filter(|s| !s.is_empty()));
    n.last_level1 = level1_raw.clone();
    n.last_level2 = level2.clone().unwrap_or_default();
    if level3.as_deref() == Some(level1_raw.as_str()) || level2.as_deref() == Some(level3.as_deref().unwrap_or("")) {
        return;
    }
    // A level-one head with its weight, once per head.
    if let Some(w) = weight1
        && n.heads.insert(level1.clone())
    {
        n.groups += 1;
        out.push(found(
            format!("indicator_groups[#{}].level1", n.groups),
            &level1,
            t.at(r),
            &level1_raw,
            None,
        ));
        out.push(found(
            format!("indicator_groups[#{}].weight", n.groups),
            &w,
            t.at(r),
            &level1_raw,
            None,
        ));
    }
    n.indicators += 1;
    let p = |f: &str| format!("indicators[#{}].{f}", n.indicators);
    out.push(found(p("level1"), &level1, t.at(r), &line, None));
    if let Some(l2) = level2 {
        out.push(found(p("level2"), &l2, t.at(r), &line, None));
    }
    if let Some(l3) = level3 {
        out.push(found(p("level3"), &l3, t.at(r), &line, None));
        for field in ["target", "actual", "deviation"] {
            if let Some(v) = get(field) {
                out.push(found(p(field), &v, t.at(r), &line, None));
            }
        }
        for field in ["weight", "score"] {
            if let Some(v) = get(field).and_then(|v| figure(&v)) {
                out.push(found(p(field), &v, t.at(r), &line, None));
            }
        }
    }
}

/// 产出指标（50分） → (产出指标, 50).
fn head_weight(s: &str) -> (String, Option<String>) {
    let s = s.trim();
    for open in ['（', '('] {
        if let Some(i) = s.find(open) {
            let inner = s[i + open.len_utf8()..]
                .trim_end_matches(['）', ')'])
                .trim_end_matches('分');
            if let Some(w) = figure(inner) {
                return (s[..i].trim().to_string(), Some(w));
            }
        }
    }
    (s.to_string(), None)
}

/// An amount in a table's unit: 万元 as written; 元 divided by 10000 (exact) with a note;
/// no stated unit, nothing.
fn in_wan(v: &str, unit: Option<&str>) -> Option<(String, Option<String>)> {
    match unit {
        Some("万元") => Some((v.to_string(), None)),
        Some("元") => {
            let d = v.parse::<Decimal>().ok()?;
            let w = d / Decimal::from(10000);
            Some((
                w.to_string(),
                Some(format!("the table is in 元: {v}元 entered as {w}万元 (÷10000, exact)")),
            ))
        }
        _ => None,
    }
}

/// The unit of a column or row whose head states one, else the table's; a head's unit is
/// nearer the figure and wins over a 单位 line above, and the note says so.
fn unit_of(head: Option<&str>, table: Option<&str>) -> (Option<String>, Option<String>) {
    match (head, table) {
        (Some(h), Some(t)) if h != t => (
            Some(h.to_string()),
            Some(format!(
                "the head of the figure's column or row says {h}, the table's 单位 line {t}: read in {h}"
            )),
        ),
        (Some(h), _) => (Some(h.to_string()), None),
        (None, t) => (t.map(str::to_string), None),
    }
}

fn with_note(note: Option<String>, more: Option<String>) -> Option<String> {
    match (note, more) {
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b),
    }
}

/// The 收入支出决算总表: a label cell, then its amount in the column whose head is this
/// year's (上年决算数 | 本年决算数: the second).
fn accounts(t: &Table, unit: Option<&str>, year: Option<u16>, out: &mut Vec<Found>) {
    let whole: String = t.rows.iter().take(3).flatten().cloned().collect();
    if !(whole.contains("收入") && whole.contains("支出") && (whole.contains("决算") || whole.contains("金额")))
    {
        return;
    }
    let is_label = |cell: &str| ACCOUNTS.iter().any(|(l, _)| cell.replace(' ', "").contains(l));
    // The head row: the first row naming no account but heading columns.
    let head: Option<&Vec<String>> = t.rows.iter().take(3).find(|row| {
        !row.iter().any(|c| is_label(c))
            && row
                .iter()
                .any(|c| has_any(c, &["决算", "金额", "上年", "本年", "预算", "（元）", "(元)"]))
    });
    for (r, row) in t.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let Some((_, path)) = ACCOUNTS.iter().find(|(l, _)| cell.replace(' ', "").contains(l)) else {
                continue;
            };
            let end = (c + 1..row.len()).find(|&i| is_label(&row[i])).unwrap_or(row.len());
            // The figure columns up to the next label, by their heads: another year's or a
            // budget's give nothing.
            let mut picked: Vec<(usize, String)> = Vec::new();
            for (i, value) in row.iter().enumerate().take(end).skip(c + 1) {
                let h = head.and_then(|h| h.get(i)).map_or("", |x| x.trim());
                if other_year(h, year) || (h.contains("预算") && !h.contains("决算")) {
                    continue;
                }
                if let Some(v) = figure(value) {
                    picked.push((i, v));
                }
                if head.is_none() {
                    break;
                }
            }
            let Some((i, v)) = picked.first().cloned() else {
                continue;
            };
            let h = head.and_then(|h| h.get(i)).map_or("", |x| x.as_str());
            let (u, unit_note) = unit_of(cell_unit(h).as_deref(), unit);
            let Some((v, note)) = in_wan(&v, u.as_deref()) else {
                continue;
            };
            let note = with_note(note, unit_note);
            if picked.len() > 1 {
                out.push(doubtful(
                    (*path).into(),
                    &v,
                    t.at(r),
                    &row.join(" "),
                    "the row has several figure columns and their heads do not say which is this year's 决算数",
                ));
            } else {
                out.push(found((*path).into(), &v, t.at(r), &row.join(" "), note));
            }
        }
    }
}

/// The “三公”经费 table, lines as columns (rows 预算数 / 决算数) or as rows. Rows of another
/// year (上年决算数) give nothing; a row whose head states its unit (预算数（元）) is read in it.
fn three_public(t: &Table, unit: Option<&str>, year: Option<u16>, out: &mut Vec<Found>) {
    let Some(head) = t.rows.iter().position(|row| {
        row.iter()
            .filter(|c| LINES[1..].iter().any(|(_, w)| has_any(c, w)))
            .count()
            >= 2
    }) else {
        return;
    };
    let head_row = &t.rows[head];
    // The vehicles line may split into 小计 / 购置费 / 运行费 on the next row.
    let sub = t.rows.get(head + 1);
    let mut columns: Vec<(String, usize)> = Vec::new();
    for (c, cell) in head_row.iter().enumerate() {
        let Some((line, _)) = LINES.iter().find(|(_, w)| has_any(cell, w)) else {
            continue;
        };
        let sub_cell = sub.map_or("", |s| s.get(c).map_or("", |x| x.trim()));
        let field = if *line == "vehicles" && sub_cell.contains("购置") {
            format!("{line}.purchase")
        } else if *line == "vehicles" && sub_cell.contains("运行") {
            format!("{line}.operation")
        } else {
            if columns.iter().any(|(f, _)| f == line) {
                continue;
            }
            (*line).to_string()
        };
        if !columns.iter().any(|(f, _)| *f == field) {
            columns.push((field, c));
        }
    }
    let table_unit = unit_of(head_row.iter().find_map(|c| cell_unit(c)).as_deref(), unit);
    let first_col = columns.iter().map(|(_, c)| *c).min().unwrap_or(0);
    let head_width = head_row.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |i| i + 1);
    for (r, row) in t.rows.iter().enumerate().skip(head + 1) {
        let Some((label_col, kind)) = row.iter().take(2).enumerate().find_map(|(i, c)| {
            if c.contains("决算") {
                Some((i, "actual"))
            } else if c.contains("预算") {
                Some((i, "budget"))
            } else {
                None
            }
        }) else {
            continue;
        };
        if other_year(&row[label_col], year) {
            continue;
        }
        // A head that lost its empty corner cell (a copy trims a leading tab) puts its first
        // line over the row's label: the row's figures start one column later. Any other
        // overlap cannot be aligned.
        let width = row.iter().rposition(|c| !c.trim().is_empty()).map_or(0, |i| i + 1);
        let offset = if label_col >= first_col {
            if label_col == first_col && width == head_width + 1 {
                label_col + 1 - first_col
            } else {
                continue;
            }
        } else {
            0
        };
        let (row_unit, unit_note) = match cell_unit(&row[label_col]) {
            Some(u) => unit_of(Some(&u), unit),
            None => table_unit.clone(),
        };
        for (field, c) in &columns {
            let Some(v) = row.get(*c + offset).and_then(|x| figure(x)) else {
                continue;
            };
            let Some((v, note)) = in_wan(&v, row_unit.as_deref()) else {
                continue;
            };
            let path = if field.contains('.') {
                if kind != "actual" {
                    continue;
                }
                format!("three_public.{field}")
            } else {
                format!("three_public.{field}.{kind}")
            };
            out.push(found(
                path,
                &v,
                t.at(r),
                &row.join(" "),
                with_note(note, unit_note.clone()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::source::Origin;

    fn table(rows: &[&[&str]]) -> Block {
        let rows: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|mut r| {
                r.resize(width, String::new());
                r
            })
            .collect();
        // A text cell repeating the one above is a merged cell.
        let merged = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                r.iter()
                    .enumerate()
                    // (Figures that happen to repeat are not merged.)
                    .map(|(c, x)| i > 0 && !x.is_empty() && figure(x).is_none() && rows[i - 1][c] == *x)
                    .collect()
            })
            .collect();
        Block::Table {
            rows,
            merged,
            at: Origin::Table(1),
        }
    }

    fn get(found: &[Found], path: &str) -> Option<String> {
        found.iter().find(|f| f.path == path).map(|f| f.value.clone())
    }

    /// content/parks/lengshuitan/2022-factories.md's form, as Word lays it out: level-one
    /// heads merged down their rows (repeated in every grid cell they cover).
    fn factories() -> Vec<&'static [&'static str]> {
        vec![
            &[
                "项目名称",
                "标准厂房建设专项资金",
                "标准厂房建设专项资金",
                "标准厂房建设专项资金",
                "标准厂房建设专项资金",
                "标准厂房建设专项资金",
                "标准厂房建设专项资金",
                "标准厂房建设专项资金",
            ],
            &[
                "主管部门",
                "冷水滩区工业和信息化局",
                "冷水滩区工业和信息化局",
                "实施单位",
                "冷水滩高科技工业园管理委员会",
                "冷水滩高科技工业园管理委员会",
                "冷水滩高科技工业园管理委员会",
                "冷水滩高科技工业园管理委员会",
            ],
            &[
                "项目资金（万元）",
                "",
                "年初预算数",
                "全年预算数",
                "全年执行数",
                "分值",
                "执行率",
                "得分",
            ],
            &[
                "项目资金（万元）",
                "年度资金总额",
                "500.00",
                "500.00",
                "480.50",
                "10",
                "96.10%",
                "9.61",
            ],
            &[
                "项目资金（万元）",
                "其中：当年财政拨款",
                "400.00",
                "400.00",
                "390.50",
                "—",
                "—",
                "—",
            ],
            &[
                "项目资金（万元）",
                "上年结转资金",
                "100.00",
                "100.00",
                "90.00",
                "—",
                "—",
                "—",
            ],
            &["项目资金（万元）", "其他资金", "", "", "", "—", "—", "—"],
            &[
                "年度总体目标",
                "预期目标",
                "预期目标",
                "预期目标",
                "实际完成情况",
                "实际完成情况",
                "实际完成情况",
                "实际完成情况",
            ],
            &[
                "年度总体目标",
                "新建标准厂房不少于10万平方米，引进入驻企业不少于20家。",
                "新建标准厂房不少于10万平方米，引进入驻企业不少于20家。",
                "新建标准厂房不少于10万平方米，引进入驻企业不少于20家。",
                "新建标准厂房12万平方米，入驻企业18家。",
                "新建标准厂房12万平方米，入驻企业18家。",
                "新建标准厂房12万平方米，入驻企业18家。",
                "新建标准厂房12万平方米，入驻企业18家。",
            ],
            &[
                "绩效指标",
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
                "绩效指标",
                "产出指标（50分）",
                "数量指标",
                "新建标准厂房面积",
                "不少于10万平方米",
                "12万平方米",
                "20",
                "20",
                "",
            ],
            &[
                "绩效指标",
                "产出指标（50分）",
                "质量指标",
                "工程验收合格率",
                "100%",
                "100%",
                "10",
                "10",
                "",
            ],
            &[
                "绩效指标",
                "产出指标（50分）",
                "时效指标",
                "按期完工率",
                "≥90%",
                "85%",
                "10",
                "8",
                "两栋厂房因雨季推迟交付，已督促施工单位加快进度。",
            ],
            &["绩效指标", "效益指标（30分）", "生态效益指标", "", "", "", "", "", ""],
            &[
                "绩效指标",
                "满意度指标（10分）",
                "服务对象满意度指标",
                "入驻企业满意度",
                "≥90%",
                "95%",
                "10",
                "9",
                "",
            ],
            &["总分", "总分", "总分", "总分", "总分", "总分", "100", "95.11", ""],
            &["等级", "优", "优", "优", "优", "优", "优", "优", ""],
        ]
    }

    #[test]
    fn a_row_of_a_sheet_is_named_by_its_own_row_number() {
        let at = Origin::Sheet {
            name: "自评表".into(),
            row: 2,
        };
        let rows = vec![vec!["a".to_string()], vec!["b".to_string()], vec!["c".to_string()]];
        let merged = vec![vec![false]; 3];
        let t = Table {
            rows: &rows,
            merged: &merged,
            at: &at,
        };
        assert_eq!(t.at(0), "sheet 自评表 row 2");
        assert_eq!(t.at(3), "sheet 自评表 row 5");
        let at = Origin::Table(3);
        let t = Table {
            rows: &rows,
            merged: &merged,
            at: &at,
        };
        assert_eq!(t.at(1), "table 3 row 2");
    }

    #[test]
    fn the_project_form_with_merged_heads() {
        let found = read(&[table(&factories())]);
        assert_eq!(get(&found, "project_name").as_deref(), Some("标准厂房建设专项资金"));
        assert_eq!(
            get(&found, "implementer").as_deref(),
            Some("冷水滩高科技工业园管理委员会")
        );
        assert_eq!(get(&found, "project.initial").as_deref(), Some("500.00"));
        assert_eq!(get(&found, "project.rate").as_deref(), Some("96.10"));
        assert_eq!(get(&found, "project.score").as_deref(), Some("9.61"));
        assert_eq!(get(&found, "project.rows[fiscal].actual").as_deref(), Some("390.50"));
        assert_eq!(
            get(&found, "project.rows[carryover].initial").as_deref(),
            Some("100.00")
        );
        assert_eq!(get(&found, "project.rows[fiscal].weight"), None);
        assert_eq!(
            get(&found, "goals[#1].actual").as_deref(),
            Some("新建标准厂房12万平方米，入驻企业18家。")
        );
        assert_eq!(get(&found, "indicator_groups[#1].weight").as_deref(), Some("50"));
        assert_eq!(get(&found, "indicators[#1].level1").as_deref(), Some("产出指标"));
        assert_eq!(get(&found, "indicators[#3].score").as_deref(), Some("8"));
        assert_eq!(
            get(&found, "indicators[#3].deviation").as_deref(),
            Some("两栋厂房因雨季推迟交付，已督促施工单位加快进度。")
        );
        // The blank 生态效益指标 row: heads only.
        assert_eq!(get(&found, "indicators[#4].level2").as_deref(), Some("生态效益指标"));
        assert_eq!(get(&found, "indicators[#4].target"), None);
        assert_eq!(get(&found, "indicators[#5].actual").as_deref(), Some("95%"));
        assert_eq!(get(&found, "evaluation.score").as_deref(), Some("95.11"));
        assert_eq!(get(&found, "evaluation.grade").as_deref(), Some("优"));
    }

    #[test]
    fn heads_shifted_a_column_move_the_row_with_them() {
        // The copy lost the 绩效指标 column on some rows and the 项目资金 column on others.
        let found = read(&[table(&[
            &[
                "项目资金（万元）",
                "",
                "年初预算数",
                "全年预算数",
                "全年执行数",
                "分值",
                "执行率",
                "得分",
            ],
            &["年度资金总额", "500.00", "500.00", "480.50", "10", "96.10%", "9.61"],
            &[
                "绩效指标",
                "一级指标",
                "二级指标",
                "三级指标",
                "年度指标值",
                "实际完成值",
                "分值",
                "得分",
            ],
            &[
                "产出指标（50分）",
                "数量指标",
                "新建标准厂房面积",
                "不少于10万平方米",
                "12万平方米",
                "20",
                "20",
            ],
            &[
                "绩效指标",
                "产出指标（50分）",
                "质量指标",
                "工程验收合格率",
                "100%",
                "100%",
                "10",
                "10",
            ],
        ])]);
        assert_eq!(get(&found, "project.actual").as_deref(), Some("480.50"));
        assert_eq!(get(&found, "project.score").as_deref(), Some("9.61"));
        assert_eq!(
            get(&found, "indicators[#1].level3").as_deref(),
            Some("新建标准厂房面积")
        );
        assert_eq!(get(&found, "indicators[#1].weight").as_deref(), Some("20"));
        assert_eq!(get(&found, "indicators[#2].target").as_deref(), Some("100%"));
        assert_eq!(
            found
                .iter()
                .filter(|f| f.path.ends_with("].weight") && f.path.starts_with("indicator_groups"))
                .count(),
            1
        );
    }

    #[test]
    fn merged_heads_left_blank_carry_down() {
        // Copied from Word, a merged cell keeps its text in its first row only.
        let found = read(&[table(&[
            &[
                "一级指标",
                "二级指标",
                "三级指标",
                "年度指标值",
                "实际完成值",
                "分值",
                "得分",
            ],
            &[
                "产出指标（50分）",
                "数量指标",
                "新建标准厂房面积",
                "不少于10万平方米",
                "12万平方米",
                "20",
                "20",
            ],
            &["", "", "新建道路长度", "≥2公里", "2.5公里", "10", "10"],
            &["", "质量指标", "工程验收合格率", "100%", "100%", "20", "18"],
            &[
                "效益指标（30分）",
                "社会效益指标",
                "新增就业人数",
                "≥500人",
                "620人",
                "30",
                "30",
            ],
            &["总分", "", "", "", "", "100", "78"],
        ])]);
        assert_eq!(get(&found, "indicators[#2].level1").as_deref(), Some("产出指标"));
        assert_eq!(get(&found, "indicators[#2].level2").as_deref(), Some("数量指标"));
        assert_eq!(get(&found, "indicators[#2].score").as_deref(), Some("10"));
        assert_eq!(get(&found, "indicators[#3].level2").as_deref(), Some("质量指标"));
        assert_eq!(get(&found, "indicators[#4].level1").as_deref(), Some("效益指标"));
        assert_eq!(get(&found, "indicators[#5].level1"), None);
        assert_eq!(get(&found, "evaluation.score").as_deref(), Some("78"));
    }

    /// The 部门整体支出绩效自评表 of docs/content-format.md: rows by kind of income and spending.
    #[test]
    fn the_department_form() {
        let found = read(&[table(&[
            &[
                "年度预算资金（万元）",
                "",
                "",
                "年初预算数",
                "全年预算数",
                "全年执行数",
                "分值",
                "执行率",
                "得分",
            ],
            &[
                "年度预算资金（万元）",
                "年度资金总额",
                "年度资金总额",
                "1600.00",
                "1580.00",
                "1545.30",
                "10",
                "97.80%",
                "9.78",
            ],
            &[
                "年度预算资金（万元）",
                "按收入性质分",
                "一般公共预算",
                "1600.00",
                "1580.00",
                "1545.30",
                "",
                "",
                "",
            ],
            &[
                "年度预算资金（万元）",
                "按收入性质分",
                "政府性基金预算",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
            &[
                "年度预算资金（万元）",
                "按支出性质分",
                "基本支出",
                "850.00",
                "850.00",
                "832.88",
                "",
                "",
                "",
            ],
            &[
                "年度预算资金（万元）",
                "按支出性质分",
                "项目支出",
                "750.00",
                "730.00",
                "712.42",
                "",
                "",
                "",
            ],
        ])]);
        assert_eq!(get(&found, "project.actual").as_deref(), Some("1545.30"));
        assert_eq!(
            get(&found, "project.rows[general_public].full_year").as_deref(),
            Some("1580.00")
        );
        assert_eq!(get(&found, "project.rows[basic].actual").as_deref(), Some("832.88"));
        assert_eq!(get(&found, "project.rows[project].initial").as_deref(), Some("750.00"));
        assert!(!found.iter().any(|f| f.path.contains("government_funds")));
    }

    #[test]
    fn heads_of_another_year_and_units_in_heads() {
        assert!(other_year("上年决算数", Some(2022)));
        assert!(other_year("去年", None));
        assert!(other_year("2021年决算数", Some(2022)));
        assert!(!other_year("2022年决算数", Some(2022)));
        assert!(!other_year("2021年决算数", None));
        assert!(!other_year("本年决算数", Some(2022)));
        assert_eq!(cell_unit("金额（元）").as_deref(), Some("元"));
        assert_eq!(cell_unit("项目资金(万元)").as_deref(), Some("万元"));
        assert_eq!(cell_unit("单位：元").as_deref(), Some("元"));
        assert_eq!(cell_unit("决算数"), None);
        // A funds head's 上年执行数 column is not 执行数.
        let found = read(&[table(&[
            &[
                "项目资金（万元）",
                "",
                "年初预算数",
                "全年预算数",
                "上年执行数",
                "全年执行数",
            ],
            &[
                "项目资金（万元）",
                "年度资金总额",
                "500.00",
                "500.00",
                "400.00",
                "480.50",
            ],
        ])]);
        assert_eq!(get(&found, "project.actual").as_deref(), Some("480.50"));
    }

    #[test]
    fn final_accounts_and_three_public_tables() {
        let found = read(&[
            Block::Paragraph {
                text: "单位：万元".into(),
                at: Origin::Line(1),
            },
            table(&[
                &["收入", "决算数", "支出", "决算数"],
                &["本年收入合计", "168,831.84", "本年支出合计", "166,246.71"],
                &["年初结转和结余", "0.00", "年末结转和结余", "2,585.13"],
            ]),
            table(&[
                &[
                    "项目",
                    "合计",
                    "因公出国（境）费",
                    "公务接待费",
                    "公务用车购置及运行费",
                    "公务用车购置及运行费",
                    "公务用车购置及运行费",
                ],
                &[
                    "项目",
                    "合计",
                    "因公出国（境）费",
                    "公务接待费",
                    "小计",
                    "购置费",
                    "运行费",
                ],
                &["预算数", "93.00", "8", "60.00", "25.00", "", "25.00"],
                &["决算数", "40.14", "18.60", "12.35", "9.19", "0", "9.19"],
            ]),
        ]);
        assert_eq!(get(&found, "final_accounts.income").as_deref(), Some("168831.84"));
        assert_eq!(get(&found, "expenditure.total").as_deref(), Some("166246.71"));
        assert_eq!(
            get(&found, "final_accounts.closing_balance").as_deref(),
            Some("2585.13")
        );
        // The 三公 table follows without a unit line: nothing from it.
        assert_eq!(get(&found, "three_public.total.budget"), None);
        let found = read(&[table(&[
            &["单位：元", "", "", "", "", "", ""],
            &[
                "项目",
                "合计",
                "因公出国（境）费",
                "公务接待费",
                "公务用车购置及运行费",
                "公务用车购置及运行费",
                "公务用车购置及运行费",
            ],
            &[
                "项目",
                "合计",
                "因公出国（境）费",
                "公务接待费",
                "小计",
                "购置费",
                "运行费",
            ],
            &["预算数", "930000", "80000", "600000", "250000", "", "250000"],
            &["决算数", "401400", "186000", "123500", "91900", "0", "91900"],
        ])]);
        assert_eq!(get(&found, "three_public.total.budget").as_deref(), Some("93"));
        assert_eq!(get(&found, "three_public.hospitality.actual").as_deref(), Some("12.35"));
        assert_eq!(get(&found, "three_public.vehicles.actual").as_deref(), Some("9.19"));
        assert_eq!(get(&found, "three_public.vehicles.operation").as_deref(), Some("9.19"));
        assert_eq!(get(&found, "three_public.vehicles.purchase").as_deref(), Some("0"));
        assert!(
            found
                .iter()
                .any(|f| f.note.as_deref().is_some_and(|n| n.contains("÷10000")))
        );
    }
}
