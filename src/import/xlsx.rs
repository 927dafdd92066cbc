//! Reading a .xlsx into blocks, with `calamine`.
//!
//! Each visible worksheet in workbook order (hidden sheets, which usually hold lookup
//! lists, are skipped; chart sheets have no cells; hidden rows and columns are read like
//! the others, calamine does not say which they are). Formulas give the value Excel last
//! saved with them. On a sheet:
//! - rows in use (with a value, or covered by a merged region whose top-left cell has
//!   one) are grouped into runs of consecutive rows, each its own grid over the columns
//!   it uses, so a stray value at XFD1048576 costs nothing (a single run of more than 5
//!   million cells is refused as Corrupt);
//! - merged regions are resolved as in a Word table: the top-left cell's text is repeated
//!   in every cell of the region, and every cell but the top-left is marked merged;
//! - fully empty rows separate blocks. In a block, a leading row whose only non-empty cell
//!   is one (possibly merged) cell, followed by more rows, is a title: a
//!   [`Block::Paragraph`]; so is a block that is a single cell. The rest of the block is
//!   one [`Block::Table`], cut to the columns that hold text in it.
//!
//! Cell text is what Excel shows, as far as the number format says it:
//! - text as entered; booleans as `TRUE`/`FALSE`; errors as `#DIV/0!` etc.;
//! - numbers: with a fixed-decimals format (`0.00`, `#,##0.0`, …) that many decimals, with
//!   thousands separators if the format has them and the format's literal text around
//!   them (`0.00"万元"` → `12.00万元`, `[$¥-804]#,##0.00` → `¥1,234.50`); with a percent
//!   format (`0.00%`) as the percentage (0.961 → `96.10%`). A negative number takes a
//!   minus sign even where its format would show parentheses or another section's text.
//!   Otherwise (General, text `@`, scientific, fractions, thousands scaling `#,##0,`) the
//!   number to Excel's 15 significant digits without trailing zeros (1545.3 → `1545.3`, a
//!   computed 0.30000000000000004 → `0.3`). No arithmetic is done on the binary value: it
//!   is printed to 15 significant digits and parsed as a decimal, and rounding (half away
//!   from zero, as Excel) and the ×100 for percentages are done on that decimal;
//! - dates and times as `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` or `HH:MM:SS` (not the
//!   workbook's own date format).
//!
//! Errors: an OLE2 file is an old .xls ([`ReadError::OldExcel`]) or a password-protected
//! workbook ([`ReadError::Encrypted`]); anything else calamine cannot open is
//! [`ReadError::Corrupt`], and a workbook without a single non-empty cell is
//! `Corrupt("empty workbook")`.

use super::source::{Block, Origin, ReadError, Source};
use calamine::{Data, Reader, SheetType, SheetVisible, Xlsx};
use rust_decimal::{Decimal, RoundingStrategy};
use std::io::Cursor;
use std::path::Path;

/// The most cells one grid may have: some 130 MB of cells and flags. A self-evaluation
/// form has a few hundred; a run of rows A1:XFD1048576 stops here.
const CELL_LIMIT: u64 = 5_000_000;
/// The most text the repeats of merged cells may add to one grid.
const REPEAT_LIMIT: usize = 512 * 1024 * 1024;

pub fn read(path: &Path) -> Result<Source, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io(format!("{}: {e}", path.display())))?;
    read_bytes(&bytes)
}

fn corrupt(e: impl std::fmt::Display) -> ReadError {
    ReadError::Corrupt(e.to_string())
}

/// Reads a .xlsx from its bytes.
pub fn read_bytes(bytes: &[u8]) -> Result<Source, ReadError> {
    // calamine is a large parser of hostile input; should it ever panic on a damaged
    // workbook, the clerk gets "damaged" rather than a crash.
    std::panic::catch_unwind(|| read_workbook(bytes)).unwrap_or_else(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(ReadError::Corrupt(format!("the workbook could not be read: {why}")))
    })
}

fn read_workbook(bytes: &[u8]) -> Result<Source, ReadError> {
    match super::docx::ole2_kind(bytes) {
        Some(true) => return Err(ReadError::Encrypted),
        Some(false) => return Err(ReadError::OldExcel),
        None => {}
    }
    if !bytes.starts_with(b"PK") {
        return Err(ReadError::Corrupt(
            "not an Excel workbook: the file is not a zip archive".into(),
        ));
    }
    // Refuse zip bombs before calamine inflates anything.
    {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| ReadError::Corrupt(format!("not an Excel workbook: {e}")))?;
        // The sizes the zip declares, which its reader enforces while inflating.
        if let Some(size) = zip.decompressed_size()
            && size > super::docx::PART_LIMIT as u128
        {
            return Err(ReadError::Corrupt(format!(
                "the workbook is larger than {} MB uncompressed",
                super::docx::PART_LIMIT / 1024 / 1024
            )));
        }
        let main = super::docx::relationship_target(&mut zip, "_rels/.rels", "", "officeDocument")
            .unwrap_or_else(|| "xl/workbook.xml".to_string());
        if main.starts_with("word/") {
            return Err(ReadError::Corrupt(
                "not an Excel workbook: it is a Word document".into(),
            ));
        }
        if main.starts_with("ppt/") {
            return Err(ReadError::Corrupt(
                "not an Excel workbook: it is a PowerPoint presentation".into(),
            ));
        }
        if zip.index_for_name(&main).is_none() {
            return Err(ReadError::Corrupt(format!(
                "not an Excel workbook: the zip has no {main}"
            )));
        }
    }
    let mut book: Xlsx<_> = match Xlsx::new(Cursor::new(bytes)) {
        Ok(b) => b,
        Err(calamine::XlsxError::Password) => return Err(ReadError::Encrypted),
        Err(e) => return Err(corrupt(format!("not a readable Excel workbook: {e}"))),
    };
    let sheets: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible && s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    let mut blocks = Vec::new();
    for name in sheets {
        // Cells one by one, not calamine's worksheet_range: that allocates the whole
        // rectangle from the first used cell to the last, and two values at A1 and
        // XFD1048576 would ask for billions of cells. sheet_blocks bounds the grid instead.
        let mut values = Vec::new();
        {
            let mut reader = book
                .worksheet_cells_reader(&name)
                .map_err(|e| corrupt(format!("sheet {name}: {e}")))?;
            while let Some(cell) = reader.next_cell().map_err(|e| corrupt(format!("sheet {name}: {e}")))? {
                let value = Data::from(cell.get_value().clone());
                if !matches!(value, Data::Empty) {
                    let (r, c) = cell.get_position();
                    values.push((r, c, value));
                }
            }
        }
        let merges = book
            .merge_cells_by_sheet_name(&name)
            .map_err(|e| corrupt(format!("sheet {name}: {e}")))?;
        // Styles only matter for numbers; a sheet whose styles cannot be read still reads.
        let styles = book.worksheet_style(&name).ok();
        let mut cells = Vec::with_capacity(values.len());
        for (r, c, value) in values {
            let format = styles
                .as_ref()
                .and_then(|s| s.get((r, c)))
                .and_then(|s| s.number_format.as_ref())
                .map(|f| f.format_code.as_str());
            let text = cell_text(&value, format);
            if !text.is_empty() {
                cells.push((r, c, text));
            }
        }
        let merges: Vec<Region> = merges.iter().map(|d| (d.start, d.end)).collect();
        blocks.extend(sheet_blocks(&name, &cells, &merges)?);
    }
    if blocks.is_empty() {
        return Err(ReadError::Corrupt("empty workbook".into()));
    }
    Ok(Source { blocks })
}

/// A merged region: its top-left and bottom-right cells, (row, column), 0-based.
pub type Region = ((u32, u32), (u32, u32));

/// The blocks of one sheet from its non-empty cells `(row, col, text)` (0-based) and its
/// merged regions `(top-left, bottom-right)`.
///
/// Rows in use (a cell's row, the rows a merged region with text covers) are grouped into
/// runs of consecutive rows first, and each run gets its own grid, so a stray value far
/// below or to the right costs nothing; a single run wider × taller than 5 million cells
/// is refused as Corrupt.
pub fn sheet_blocks(name: &str, cells: &[(u32, u32, String)], merges: &[Region]) -> Result<Vec<Block>, ReadError> {
    let with_text: std::collections::HashSet<(u32, u32)> = cells.iter().map(|&(r, c, _)| (r, c)).collect();
    let merges: Vec<Region> = merges
        .iter()
        .copied()
        .filter(|&(s, e)| s.0 <= e.0 && s.1 <= e.1)
        .collect();
    let mut spans: Vec<(u32, u32)> = cells.iter().map(|&(r, _, _)| (r, r)).collect();
    // A merged region with text holds its rows together; an empty one only marks cells
    // inside a grid that is there anyway.
    spans.extend(
        merges
            .iter()
            .filter(|(s, _)| with_text.contains(s))
            .map(|&(s, e)| (s.0, e.0)),
    );
    spans.sort_unstable();
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for (a, b) in spans {
        match runs.last_mut() {
            Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
            _ => runs.push((a, b)),
        }
    }
    let mut sorted = cells.to_vec();
    sorted.sort_by_key(|&(r, c, _)| (r, c));
    let mut merges = merges;
    merges.sort_unstable();
    let mut blocks = Vec::new();
    for (a, b) in runs {
        let from = sorted.partition_point(|&(r, _, _)| r < a);
        let to = sorted.partition_point(|&(r, _, _)| r <= b);
        let m_from = merges.partition_point(|&(s, _)| s.0 < a);
        let m_to = merges.partition_point(|&(s, _)| s.0 <= b);
        blocks.extend(grid_blocks(name, &sorted[from..to], &merges[m_from..m_to])?);
    }
    Ok(blocks)
}

/// The blocks of one run of rows: cells and merged regions resolved into one grid, then
/// split by empty rows. The grid spans the cells and the merged regions that start at one
/// of them; an empty merged region only marks the cells of it that fall in the grid.
fn grid_blocks(name: &str, cells: &[(u32, u32, String)], merges: &[Region]) -> Result<Vec<Block>, ReadError> {
    if cells.is_empty() {
        return Ok(Vec::new());
    }
    let with_text: std::collections::HashSet<(u32, u32)> = cells.iter().map(|&(r, c, _)| (r, c)).collect();
    let (mut r0, mut c0, mut r1, mut c1) = (u32::MAX, u32::MAX, 0, 0);
    for &(r, c, _) in cells {
        (r0, c0, r1, c1) = (r0.min(r), c0.min(c), r1.max(r), c1.max(c));
    }
    for &(s, e) in merges.iter().filter(|(s, _)| with_text.contains(s)) {
        (r0, c0, r1, c1) = (r0.min(s.0), c0.min(s.1), r1.max(e.0), c1.max(e.1));
    }
    let height = (r1 - r0 + 1) as usize;
    let width = (c1 - c0 + 1) as usize;
    if height as u64 * width as u64 > CELL_LIMIT {
        return Err(ReadError::Corrupt(format!(
            "sheet {name} is too large ({height} rows × {width} columns)"
        )));
    }
    let mut grid = vec![vec![String::new(); width]; height];
    // Where a cell repeats the one above it / to its left because of a merged region.
    let mut above = vec![vec![false; width]; height];
    let mut left = vec![vec![false; width]; height];
    for (r, c, text) in cells {
        grid[(r - r0) as usize][(c - c0) as usize] = text.clone();
    }
    // Repeating a merged cell's text multiplies it: bound what the repeats add.
    let mut repeated = 0usize;
    for &(s, e) in merges {
        if s.0 < r0 || s.1 < c0 || s.0 > r1 || s.1 > c1 {
            continue;
        }
        let top = grid[(s.0 - r0) as usize][(s.1 - c0) as usize].clone();
        for r in s.0..=e.0.min(r1) {
            for c in s.1..=e.1.min(c1) {
                let (gr, gc) = ((r - r0) as usize, (c - c0) as usize);
                if (r, c) != s {
                    repeated += top.len();
                    if repeated > REPEAT_LIMIT {
                        return Err(ReadError::Corrupt(format!(
                            "sheet {name}: its merged cells repeat more than {} MB of text",
                            REPEAT_LIMIT / 1024 / 1024
                        )));
                    }
                    grid[gr][gc] = top.clone();
                }
                above[gr][gc] = r > s.0;
                left[gr][gc] = c > s.1;
            }
        }
    }
    let blank = |t: &String| t.trim().is_empty();
    let empty = |r: usize| grid[r].iter().all(blank);
    let mut blocks = Vec::new();
    let mut r = 0;
    while r < height {
        if empty(r) {
            r += 1;
            continue;
        }
        let start = r;
        while r < height && !empty(r) {
            r += 1;
        }
        let mut first = start;
        // Title rows: one non-empty cell (a merged one counts once), continuing nothing
        // from the row above, with more rows below (or alone).
        while first < r {
            let own: Vec<usize> = (0..width)
                .filter(|&c| !blank(&grid[first][c]) && !left[first][c] && !above[first][c])
                .collect();
            let continues = (first > start) && (0..width).any(|c| above[first][c] && !blank(&grid[first][c]));
            let alone = first == start && r - start == 1;
            if own.len() == 1 && !continues && (first + 1 < r || alone) {
                blocks.push(Block::Paragraph {
                    text: grid[first][own[0]].clone(),
                    at: Origin::Sheet {
                        name: name.to_string(),
                        row: r0 as usize + first + 1,
                    },
                });
                first += 1;
            } else {
                break;
            }
        }
        if first == r {
            continue;
        }
        let used: Vec<usize> = (0..width)
            .filter(|&c| (first..r).any(|row| !blank(&grid[row][c])))
            .collect();
        let (lo, hi) = (used[0], used[used.len() - 1]);
        blocks.push(Block::Table {
            rows: (first..r).map(|row| grid[row][lo..=hi].to_vec()).collect(),
            // A region cut by the table's edge (its start was a title row, say) does not
            // repeat anything inside the table.
            merged: (first..r)
                .map(|row| {
                    (lo..=hi)
                        .map(|c| (above[row][c] && row > first) || (left[row][c] && c > lo))
                        .collect()
                })
                .collect(),
            at: Origin::Sheet {
                name: name.to_string(),
                row: r0 as usize + first + 1,
            },
        });
    }
    Ok(blocks)
}

/// What a cell shows.
pub fn cell_text(value: &Data, format: Option<&str>) -> String {
    match value {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::Error(e) => e.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => number_text(Decimal::from(*i), &i.to_string(), format),
        Data::Float(f) => match excel_decimal(*f) {
            Some(d) => number_text(d, &d.to_string(), format),
            None => shortest(*f),
        },
        Data::DateTime(dt) => {
            if dt.is_duration() {
                return shortest(dt.as_f64());
            }
            let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            let has_date = dt.as_f64() >= 1.0;
            let has_time = (h, mi, s) != (0, 0, 0);
            match (has_date, has_time) {
                (true, false) => format!("{y:04}-{mo:02}-{d:02}"),
                (true, true) => format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}"),
                (false, _) => format!("{h:02}:{mi:02}:{s:02}"),
            }
        }
    }
}

/// The number Excel shows for `f`: rounded to 15 significant digits, Excel's precision,
/// trailing zeros dropped. A value typed into a cell comes back as typed (1545.3); a
/// computed one loses the binary noise Excel hides too (0.1+0.2 → 0.3). This is formatting
/// (`{:.14e}`), not arithmetic on the f64. `None` past what a decimal holds (about 7.9e28,
/// or more than 28 decimal places).
fn excel_decimal(f: f64) -> Option<Decimal> {
    if !f.is_finite() {
        return None;
    }
    let d = Decimal::from_scientific(&format!("{f:.14e}")).ok()?.normalize();
    Some(if d.is_zero() { Decimal::ZERO } else { d })
}

/// The shortest decimal text that reads back as `f` (Rust's `Display` for `f64`).
fn shortest(f: f64) -> String {
    if f == 0.0 {
        return "0".into();
    }
    format!("{f}")
}

/// A number as its format shows it: fixed decimals, thousands separators, percent.
/// `plain` is the text to use when the format is not one of those.
fn number_text(value: Decimal, plain: &str, format: Option<&str>) -> String {
    let Some(format) = format else {
        return plain.to_string();
    };
    // The first section is for positive numbers (and for all, when it is the only one); a
    // negative number is shown with a minus sign whatever its own section says.
    let section = format.split(';').next().unwrap_or("");
    // Text before the number placeholders, the placeholders, text after them.
    let (mut prefix, mut core, mut suffix) = (String::new(), String::new(), String::new());
    let mut percent = false;
    let mut chars = section.chars();
    while let Some(c) = chars.next() {
        let literal: String = match c {
            '0' | '#' | '?' | '.' | ',' => {
                if !suffix.is_empty() {
                    // Placeholders after text (fractions, "0 0"): not a plain number.
                    return plain.to_string();
                }
                core.push(c);
                continue;
            }
            '%' => {
                percent = true;
                "%".into()
            }
            '"' => chars.by_ref().take_while(|&c| c != '"').collect(),
            '\\' => chars.next().map(String::from).unwrap_or_default(),
            '[' => {
                // [Red], [>100]: nothing shown; [$¥-804]: the currency symbol.
                let inner: String = chars.by_ref().take_while(|&c| c != ']').collect();
                match inner.strip_prefix('$') {
                    Some(cur) => cur.split('-').next().unwrap_or("").to_string(),
                    None => String::new(),
                }
            }
            // Padding to a character's width, and fill: no text.
            '_' | '*' => {
                chars.next();
                continue;
            }
            // General, scientific, dates, text (@): shown plainly.
            '@' => return plain.to_string(),
            c if c.is_ascii_alphabetic() => return plain.to_string(),
            c => c.to_string(),
        };
        if core.is_empty() {
            prefix.push_str(&literal);
        } else {
            suffix.push_str(&literal);
        }
    }
    if !core.contains(['0', '#', '?']) || core.ends_with(',') {
        // No digits, or thousands scaling ("#,##0,"): shown plainly.
        return plain.to_string();
    }
    let (int_part, frac_part) = core.split_once('.').unwrap_or((&core, ""));
    let decimals = frac_part.chars().filter(|c| matches!(c, '0' | '#' | '?')).count() as u32;
    let grouping = int_part.contains(',');
    let value = if percent {
        match value.checked_mul(Decimal::ONE_HUNDRED) {
            Some(v) => v,
            None => return plain.to_string(),
        }
    } else {
        value
    };
    let mut rounded = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(decimals);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let mut digits = rounded.abs().to_string();
    if grouping {
        digits = group_thousands(&digits);
    }
    let sign = if negative { "-" } else { "" };
    format!("{sign}{prefix}{digits}{suffix}")
}

fn group_thousands(text: &str) -> String {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(list: &[(u32, u32, &str)]) -> Vec<(u32, u32, String)> {
        list.iter().map(|&(r, c, t)| (r, c, t.to_string())).collect()
    }

    #[test]
    fn numbers_as_their_format_shows_them() {
        let f = |v: f64, fmt: Option<&str>| cell_text(&Data::Float(v), fmt);
        assert_eq!(f(1545.3, None), "1545.3");
        assert_eq!(f(1545.3, Some("General")), "1545.3");
        assert_eq!(f(0.1 + 0.2, None), "0.3");
        assert_eq!(f(174053.0 / 3.0, None), "58017.6666666667");
        assert_eq!(f(-0.0, None), "0");
        assert_eq!(f(1e-7, None), "0.0000001");
        assert_eq!(f(1e30, None), "1000000000000000000000000000000");
        assert_eq!(f(123456789012345680.0, None), "123456789012346000");
        assert_eq!(f(500.0, Some("0.00")), "500.00");
        assert_eq!(f(390.5, Some("0.00")), "390.50");
        assert_eq!(f(2.675, Some("0.00")), "2.68");
        assert_eq!(f(0.961, Some("0.00%")), "96.10%");
        assert_eq!(f(0.9847, Some("0.00%")), "98.47%");
        assert_eq!(f(0.5, Some("0%")), "50%");
        assert_eq!(f(174053.0, Some("#,##0.00")), "174,053.00");
        assert_eq!(f(-1234567.891, Some("#,##0.0;[Red]-#,##0.0")), "-1,234,567.9");
        assert_eq!(f(12.0, Some("\"¥\"0.00")), "¥12.00");
        assert_eq!(f(12.0, Some("0.00\"万元\"")), "12.00万元");
        assert_eq!(
            f(-1234.5, Some("[$¥-804]#,##0.00;[Red]\\-[$¥-804]#,##0.00")),
            "-¥1,234.50"
        );
        assert_eq!(f(0.25, Some("0.0 %")), "25.0 %");
        assert_eq!(f(1234.0, Some("_(* #,##0_);_(* (#,##0)")), "1,234");
        assert_eq!(f(1234567.0, Some("#,##0,")), "1234567");
        assert_eq!(f(0.5, Some("# ?/?")), "0.5");
        assert_eq!(f(5.0, Some("@")), "5");
        assert_eq!(f(-0.001, Some("0.00")), "0.00");
        assert_eq!(f(12.5, Some("0.00E+00")), "12.5");
        assert_eq!(f(20.0, None), "20");
        assert_eq!(cell_text(&Data::Int(7), Some("0.0")), "7.0");
        assert_eq!(cell_text(&Data::Bool(true), None), "TRUE");
    }

    #[test]
    fn merged_regions_repeat_and_are_flagged() {
        // Title across A1:C1, a head down A2:A3, a header across B2:C2.
        let c = cells(&[
            (0, 0, "自评表"),
            (1, 0, "产出指标"),
            (1, 1, "数量"),
            (2, 1, "10"),
            (2, 2, "12"),
        ]);
        let merges = [((0, 0), (0, 2)), ((1, 0), (2, 0)), ((1, 1), (1, 2))];
        let blocks = sheet_blocks("表1", &c, &merges).unwrap();
        assert_eq!(
            blocks[0],
            Block::Paragraph {
                text: "自评表".into(),
                at: Origin::Sheet {
                    name: "表1".into(),
                    row: 1
                }
            }
        );
        assert_eq!(
            blocks[1],
            Block::Table {
                rows: vec![
                    vec!["产出指标".into(), "数量".into(), "数量".into()],
                    vec!["产出指标".into(), "10".into(), "12".into()],
                ],
                merged: vec![vec![false, false, true], vec![true, false, false]],
                at: Origin::Sheet {
                    name: "表1".into(),
                    row: 2
                }
            }
        );
    }

    #[test]
    fn empty_rows_separate_blocks() {
        let c = cells(&[(0, 0, "说明"), (2, 1, "a"), (2, 2, "b"), (3, 1, "c"), (5, 3, "单独")]);
        let blocks = sheet_blocks("S", &c, &[]).unwrap();
        assert_eq!(blocks.len(), 3);
        assert!(matches!(&blocks[0], Block::Paragraph { text, .. } if text == "说明"));
        assert_eq!(
            blocks[1],
            Block::Table {
                rows: vec![vec!["a".into(), "b".into()], vec!["c".into(), "".into()]],
                merged: vec![vec![false, false], vec![false, false]],
                at: Origin::Sheet {
                    name: "S".into(),
                    row: 3
                }
            }
        );
        assert!(matches!(&blocks[2], Block::Paragraph { text, at: Origin::Sheet { row: 6, .. } } if text == "单独"));
    }

    #[test]
    fn far_apart_cells_make_separate_small_grids() {
        let c = cells(&[
            (0, 0, "a"),
            (0, 1, "b"),
            (5_000, 16_000, "远"),
            (1_048_575, 16_383, "角"),
        ]);
        let blocks = sheet_blocks("S", &c, &[]).unwrap();
        assert_eq!(blocks.len(), 3);
        assert!(
            matches!(&blocks[2], Block::Paragraph { text, at: Origin::Sheet { row: 1_048_576, .. } } if text == "角")
        );
        // A merged region joins the rows it covers into one run.
        let c = cells(&[(0, 0, "头"), (0, 1, "x"), (2, 1, "y")]);
        let blocks = sheet_blocks("S", &c, &[((0, 0), (2, 0))]).unwrap();
        assert_eq!(blocks.len(), 1, "{blocks:?}");
        // One run too large is refused.
        let c = cells(&[(0, 0, "a"), (0, 16_383, "b")]);
        let tall = [((0, 0), (1_048_575, 0))];
        assert!(matches!(sheet_blocks("S", &c, &tall), Err(ReadError::Corrupt(d)) if d.contains("too large")));
    }

    #[test]
    fn bad_bytes() {
        assert!(matches!(read_bytes(b"plain text"), Err(ReadError::Corrupt(_))));
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        ole.extend([0u8; 600]);
        assert_eq!(read_bytes(&ole), Err(ReadError::OldExcel));
    }
}
