//! `gongkai import`: a draft report from the Word, Excel or pasted text staff already have.
//!
//! Reading (`txt`, `docx`, `xlsx`) turns a source into blocks; everything after works on the
//! blocks: the narrative (`narrative`), the figures stated in sentences (`phrases`) and in the
//! standard forms (`forms`), and the draft with a comment on every figure (`draft`). A figure
//! the importer is not sure of stays empty: a blank is safer than a wrong published figure.

pub mod docx;
pub mod draft;
pub mod forms;
pub mod narrative;
pub mod number;
pub mod phrases;
pub mod source;
pub mod txt;
pub mod xlsx;

use crate::content::is_slug;
use crate::content::model::Kind;
use crate::diagnostics::Diagnostic;
use crate::messages::{Msg, Text};
use crate::msg;
use source::{Block, ReadError, Source};
use std::path::{Path, PathBuf};

/// Reads a source by its extension, checked against its first bytes: an old Word file
/// renamed .docx is still an old Word file.
pub fn read(path: &Path) -> Result<Source, ReadError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "doc" => return Err(ReadError::OldWord),
        "xls" => return Err(ReadError::OldExcel),
        "pdf" | "wps" | "et" | "odt" | "rtf" | "ofd" | "jpg" | "jpeg" | "png" | "tif" | "tiff" => {
            return Err(ReadError::Unsupported(ext));
        }
        _ => {}
    }
    if path.is_dir() {
        return Err(ReadError::Io("it is a folder".into()));
    }
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io(e.to_string()))?;
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(if txt::contains(&bytes, &txt::utf16("EncryptedPackage")) {
            ReadError::Encrypted
        } else if ext == "xlsx" {
            ReadError::OldExcel
        } else {
            ReadError::OldWord
        });
    }
    match ext.as_str() {
        "docx" => docx::read(path),
        "xlsx" => xlsx::read(path),
        "txt" | "text" | "md" => txt::read(&bytes),
        other => Err(ReadError::Unsupported(if other.is_empty() {
            "(none)".into()
        } else {
            other.into()
        })),
    }
}

/// A read error as a message at the source file, with what to do.
pub fn read_error(path: &Path, e: &ReadError) -> Diagnostic {
    let (m, help): (Text, Msg) = match e {
        ReadError::Io(error) => (msg!(ImportCannotRead, error), Msg::ImportCannotReadHelp),
        ReadError::OldWord => (Msg::ImportOldWord.into(), Msg::ImportOldWordHelp),
        ReadError::OldExcel => (Msg::ImportOldExcel.into(), Msg::ImportOldExcelHelp),
        ReadError::Encrypted => (Msg::ImportEncrypted.into(), Msg::ImportEncryptedHelp),
        ReadError::Scanned => (Msg::ImportScanned.into(), Msg::ImportScannedHelp),
        ReadError::Corrupt(detail) => (msg!(ImportCorrupt, detail), Msg::ImportCorruptHelp),
        ReadError::Unsupported(ext) => (msg!(ImportUnsupported, ext), Msg::ImportUnsupportedHelp),
        ReadError::Empty => (Msg::ImportEmptyFile.into(), Msg::ImportEmptyFileHelp),
        ReadError::TooLarge(bytes) => (text_too_large(*bytes), Msg::ImportTooLargeHelp),
        ReadError::NotUtf8(encoding) => (msg!(ImportNotUtf8, encoding), Msg::ImportNotUtf8Help),
    };
    Diagnostic::error(path, m).help(help)
}

/// The message for a text file over 2 MB, with its size in MB (one decimal).
fn text_too_large(bytes: u64) -> Text {
    let size = format!("{:.1}", bytes as f64 / (1024.0 * 1024.0));
    msg!(ImportTooLarge, size)
}

/// What `gongkai import` was asked to do.
pub struct Request<'a> {
    pub root: &'a Path,
    pub source: &'a Path,
    pub park: &'a str,
    pub year: u16,
    pub kind: Kind,
}

/// What it did.
#[derive(Debug)]
pub struct Outcome {
    pub report: PathBuf,
    /// The profile draft, when the unit had none, and the name it took from the report.
    pub profile: Option<(PathBuf, String)>,
    pub decided: draft::Decided,
    /// Figures seen but not entered: (figure, where, why).
    pub skipped: Vec<(String, String, String)>,
    /// Warnings and notes for the summary: a title of another year, sheets skipped.
    pub notes: Vec<Text>,
}

/// Imports `req.source` as a draft report of `req.park`; never overwrites a file.
pub fn import(req: &Request) -> Result<Outcome, Diagnostic> {
    let dir = req.root.join("content").join("parks").join(req.park);
    if !is_slug(req.park) {
        return Err(Diagnostic::error(&dir, msg!(NotAUnitId, id = req.park)).help(Msg::UnitIdHelp));
    }
    if !(1949..=2200).contains(&req.year) {
        return Err(Diagnostic::error(&dir, msg!(NotAFiscalYear, year = req.year)).help(Msg::FiscalYearHelp));
    }
    // The site first: a root without a readable site.toml gets nothing written.
    crate::config::Config::load(req.root).map_err(|mut d| d.remove(0))?;
    let name = match req.kind {
        Kind::Department => format!("{}.md", req.year),
        Kind::Project => format!("{}-project.md", req.year),
    };
    let file = dir.join(name);
    if file.exists() {
        return Err(Diagnostic::error(&file, Msg::ReportExists).help(Msg::ReportExistsHelp));
    }
    let mut src = read(req.source).map_err(|e| read_error(req.source, &e))?;
    let mut notes: Vec<Text> = Vec::new();
    for name in drop_example_sheets(&mut src.blocks) {
        notes.push(msg!(ImportSkippedSheet, name));
    }
    let (title, mut unit) = title_and_unit(&src.blocks);
    // A title of another year: said in the summary and at the top of the draft.
    let mut year_warning = None;
    let mut other_year = false;
    if let Some(stated) = stated_year(&title)
        && stated != req.year
    {
        let m = msg!(ImportYearMismatch, stated, given = req.year);
        year_warning = Some(format!("# 注意：{}\n# Warning: {}\n", m.zh(), m.en()));
        notes.push(m);
        other_year = true;
    }
    // A report of another year than --year: every figure in it is that year's, whether or
    // not its sentence says so, so none is filed under --year (the narrative still is).
    let (mut findings, form_found) = if other_year {
        (phrases::Findings::default(), Vec::new())
    } else {
        (
            phrases::read_for_year(&src.blocks, Some(req.year)),
            forms::read_for(&src.blocks, Some(req.year)),
        )
    };
    let profile_file = dir.join("_index.md");
    let profile_text = if profile_file.exists() {
        None
    } else {
        if unit.is_none() {
            // A project form names its unit as 实施单位 (one name, not two).
            let named: Vec<&str> = form_found
                .iter()
                .filter(|f| f.path == "implementer")
                .map(|f| f.value.trim())
                .collect();
            if let Some(first) = named.first()
                && named.iter().all(|n| n == first)
                && !first.is_empty()
                && first.chars().count() <= 40
            {
                unit = Some(first.to_string());
                notes.push(Msg::ImportUnitFromForm.into());
            }
        }
        let Some(u) = unit.clone() else {
            return Err(
                Diagnostic::error(&profile_file, Msg::ImportNoUnitName).help(msg!(ImportNoUnitNameHelp, id = req.park))
            );
        };
        Some(profile_draft(&u))
    };
    findings.found.extend(form_found);
    let mut all = findings.found.clone();
    all.extend(draft::free_items_as_found(&findings));
    let decided = draft::decide(&all);
    let body = narrative::markdown(&src.blocks);
    let source_name = req.source.file_name().map_or_else(
        || req.source.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let text = draft::write(
        &draft::Head {
            source_name: &source_name,
            title: &title,
            year: req.year,
            kind: match req.kind {
                Kind::Department => "department",
                Kind::Project => "project",
            },
            unit_name: unit.as_deref(),
        },
        &decided,
        &body,
    );
    let text = match year_warning {
        Some(w) => format!("---\n{w}{}", text.strip_prefix("---\n").unwrap_or(&text)),
        None => text,
    };
    let mut profile = None;
    if let (Some(ptext), Some(u)) = (profile_text, unit) {
        std::fs::create_dir_all(&dir).map_err(|e| Diagnostic::error(&dir, msg!(CannotCreateFolder, error = e)))?;
        crate::scaffold::write_new(&profile_file, &ptext)?;
        profile = Some((profile_file, u));
    }
    crate::scaffold::write_new(&file, &text)?;
    Ok(Outcome {
        report: file,
        profile,
        decided,
        skipped: findings.skipped,
        notes,
    })
}

/// The year a title states: 2022年度… → 2022.
pub fn stated_year(title: &str) -> Option<u16> {
    let t = title.trim();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    (digits.len() == 4 && t[4..].starts_with('年'))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Whether a sheet is an example or instructions, by its name (填表说明, 示例, 样表, 模板) or
/// its words (请勿照抄, 以下为示例, （示例）). A real form's footnote 填表说明：… does not
/// make its sheet an example.
fn example_sheet(name: &str, texts: &[&str]) -> bool {
    let n = name.trim().to_lowercase();
    let by_name = [
        "填表说明",
        "填写说明",
        "示例",
        "样表",
        "模板",
        "范例",
        "instruction",
        "example",
        "sample",
        "template",
    ]
    .iter()
    .any(|w| n.contains(w))
        || n == "说明";
    let by_words = texts.iter().any(|t| {
        ["请勿照抄", "以下为示例", "（示例）", "(示例)", "示例：", "示例:"]
            .iter()
            .any(|w| t.contains(w))
    });
    by_name || by_words
}

/// Removes the blocks of a workbook's example and instructions sheets; their names.
pub fn drop_example_sheets(blocks: &mut Vec<Block>) -> Vec<String> {
    let sheet = |b: &Block| match b {
        Block::Paragraph {
            at: source::Origin::Sheet { name, .. },
            ..
        }
        | Block::Table {
            at: source::Origin::Sheet { name, .. },
            ..
        } => Some(name.clone()),
        _ => None,
    };
    let mut names: Vec<String> = Vec::new();
    for b in blocks.iter() {
        if let Some(n) = sheet(b)
            && !names.contains(&n)
        {
            names.push(n);
        }
    }
    let mut dropped = Vec::new();
    for name in names {
        let texts: Vec<&str> = blocks
            .iter()
            .filter(|b| sheet(b).as_deref() == Some(name.as_str()))
            .flat_map(|b| match b {
                Block::Paragraph { text, .. } => vec![text.as_str()],
                Block::Table { rows, .. } => rows.iter().flatten().map(String::as_str).collect(),
            })
            .collect();
        if example_sheet(&name, &texts) {
            dropped.push(name);
        }
    }
    blocks.retain(|b| sheet(b).is_none_or(|n| !dropped.contains(&n)));
    dropped
}

/// A unit profile with the name the report gives and no English name: the key is left out,
/// so that check stops on it until the clerk writes one (an empty one would publish blank
/// English pages).
fn profile_draft(name: &str) -> String {
    let text = crate::scaffold::unit_template(name, "-");
    let mut out = String::new();
    for l in text.lines() {
        if l.starts_with("name_en:") {
            out.push_str("# name_en: 必填：单位的英文名称 / required: the unit's English name");
        } else {
            out.push_str(l);
        }
        out.push('\n');
    }
    out
}

/// The report's title (its first lines, up to the one ending in 报告) and the unit it names.
pub fn title_and_unit(blocks: &[Block]) -> (String, Option<String>) {
    let mut title = String::new();
    for b in blocks.iter().take(3) {
        let Block::Paragraph { text, .. } = b else { break };
        if text.chars().count() > 60 {
            break;
        }
        title.push_str(text.trim());
        if text.trim_end().ends_with("报告") {
            break;
        }
    }
    if !title.ends_with("报告") {
        title = blocks
            .iter()
            .find_map(|b| match b {
                Block::Paragraph { text, .. } => Some(text.trim().to_string()),
                Block::Table { .. } => None,
            })
            .unwrap_or_default();
    }
    // 2019年度望城经济技术开发区管理委员会部门整体支出… → 望城经济技术开发区管理委员会
    let mut t = title.as_str();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits == 4 {
        t = t[4..].trim_start_matches("年度").trim_start_matches('年');
    }
    let unit = t
        .find("部门")
        .map(|i| t[..i].trim().to_string())
        .filter(|u| !u.is_empty() && u.chars().count() <= 40)
        .or_else(|| {
            // 冷水滩高科技工业园位于… in the first paragraph after the title.
            blocks.iter().skip(1).take(6).find_map(|b| match b {
                Block::Paragraph { text, .. } => {
                    let i = text.find("位于")?;
                    let u = text[..i].trim();
                    (u.chars().count() >= 4 && u.chars().count() <= 30 && !u.contains(['，', '。']))
                        .then(|| u.to_string())
                }
                Block::Table { .. } => None,
            })
        });
    (title, unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use source::Origin;

    #[test]
    fn extensions_and_magic_bytes_decide_the_reader() {
        let dir = tempfile::tempdir().unwrap();
        let w = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        };
        assert_eq!(read(&w("a.doc", b"x")), Err(ReadError::OldWord));
        assert_eq!(read(&w("a.xls", b"x")), Err(ReadError::OldExcel));
        assert_eq!(read(&w("a.pdf", b"%PDF")), Err(ReadError::Unsupported("pdf".into())));
        assert_eq!(read(&w("a.wps", b"x")), Err(ReadError::Unsupported("wps".into())));
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0];
        assert_eq!(read(&w("b.docx", &ole)), Err(ReadError::OldWord));
        ole.extend(txt::utf16("EncryptedPackage"));
        assert_eq!(read(&w("c.docx", &ole)), Err(ReadError::Encrypted));
        assert_eq!(read(&w("c.xlsx", &ole)), Err(ReadError::Encrypted));
        assert!(matches!(read(&dir.path().join("missing.txt")), Err(ReadError::Io(_))));
        assert!(read(&w("d.txt", "正文".as_bytes())).is_ok());
        let d = read_error(Path::new("a.doc"), &ReadError::OldWord);
        assert!(d.help.unwrap().en().contains(".docx"));
    }

    /// Odd input never panics and always gives a draft the YAML parser reads.
    #[test]
    fn odd_input_gives_a_draft_not_a_panic() {
        let odd = [
            "",
            "（",
            "）（）(((",
            "1,2,3,4万元 1..2万元 -万元 %%% ．5万元 ,5万元 5,万元",
            "占基本支出的84.16%，增长5%，减少1.39万元",
            "其中：\t\t\n\t\n\ta\tb\n\tc",
            "一、\n（一）\n1、\n（1）",
            "项目资金\t年初预算数\t全年执行数\n年度资金总额\n年度资金总额\t1\t2\t3\t4\t5\t6\t7\t8",
            "一级指标\t三级指标\n产出指标（50分）\n产出指标（分）\t\t\t\t\t\t\n总分\n等级\n备注",
            "“三公”经费\t因公出国\t公务接待\n预算数\n决算数\t1",
            "截至2019年13月99日，等级为优秀，分别为1个、2个",
            "\u{200b}\u{feff}\u{0301}公务接待费\u{3000}3.28万元，共接待批人次",
        ];
        for text in odd {
            let src = txt::parse(text.as_bytes()).unwrap();
            let mut findings = phrases::read(&src.blocks);
            findings.found.extend(forms::read(&src.blocks));
            let mut all = findings.found.clone();
            all.extend(draft::free_items_as_found(&findings));
            let decided = draft::decide(&all);
            let (title, unit) = title_and_unit(&src.blocks);
            let head = draft::Head {
                source_name: "odd.txt",
                title: &title,
                year: 2021,
                kind: "department",
                unit_name: unit.as_deref(),
            };
            let out = draft::write(&head, &decided, &narrative::markdown(&src.blocks));
            let front = out.split("\n---\n").next().unwrap().trim_start_matches("---\n");
            let parsed: Result<serde_json::Value, _> = yaml_serde::from_str(front);
            assert!(parsed.is_ok(), "{text:?}: {out}");
        }
    }

    /// A line of 20,000 figures is read through (this once took 50 s, quadratic in the
    /// figures of one line; speed itself is for benches, not test assertions).
    #[test]
    fn many_figures_on_one_line_are_read_through() {
        let text = "新增企业1家、".repeat(20_000);
        let src = txt::parse(text.as_bytes()).unwrap();
        let f = phrases::read(&src.blocks);
        let mut all = f.found.clone();
        all.extend(draft::free_items_as_found(&f));
        assert!(!all.is_empty());
        let _ = draft::decide(&all);
    }

    #[test]
    fn example_sheets_are_dropped() {
        let sheet = |name: &str, text: &str| Block::Paragraph {
            text: text.into(),
            at: Origin::Sheet {
                name: name.into(),
                row: 1,
            },
        };
        let mut blocks = vec![
            sheet("自评表", "主管部门 示例县交通运输局"),
            sheet("自评表", "填表说明：1．金额单位为万元。"),
            sheet("Sheet2", "以下为示例，请勿照抄"),
            sheet("模板", "项目名称"),
            Block::Paragraph {
                text: "正文".into(),
                at: Origin::Line(1),
            },
        ];
        assert_eq!(drop_example_sheets(&mut blocks), ["Sheet2", "模板"]);
        assert_eq!(blocks.len(), 3);
        assert_eq!(
            stated_year("2022年度石门坎产业园管理委员会部门整体支出绩效自评报告"),
            Some(2022)
        );
        assert_eq!(stated_year("部门整体支出绩效自评报告"), None);
    }

    #[test]
    fn title_and_unit_from_the_first_lines() {
        let p = |t: &str| Block::Paragraph {
            text: t.into(),
            at: Origin::Line(1),
        };
        let (t, u) = title_and_unit(&[
            p("2019年度望城经济技术开发区管理委员会"),
            p("部门整体支出预算绩效自评报告"),
            p("正文"),
        ]);
        assert_eq!(t, "2019年度望城经济技术开发区管理委员会部门整体支出预算绩效自评报告");
        assert_eq!(u.as_deref(), Some("望城经济技术开发区管理委员会"));
        let (_, u) = title_and_unit(&[
            p("2021年度部门整体支出绩效自评报告"),
            p("一、部门概况"),
            p("冷水滩高科技工业园位于冷水滩城区北部，始建于2004年4月。"),
        ]);
        assert_eq!(u.as_deref(), Some("冷水滩高科技工业园"));
    }
}
