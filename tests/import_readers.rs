//! The .docx and .xlsx readers of `gongkai import` on the fixtures that
//! tests/fixtures/import/make_fixtures.py generates (python-docx and openpyxl, as a clerk's
//! Word and Excel would save them).

use gongkai::import::source::{Block, Origin, ReadError, Source};
use gongkai::import::{docx, xlsx};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// All the text of a source in block order (table cells row by row, repeats of merged
/// cells left out).
fn all_text(src: &Source) -> String {
    let mut out = String::new();
    for b in &src.blocks {
        match b {
            Block::Paragraph { text, .. } => out.push_str(text),
            Block::Table { rows, merged, .. } => {
                for (r, row) in rows.iter().enumerate() {
                    for (c, cell) in row.iter().enumerate() {
                        if !merged[r][c] {
                            out.push_str(cell);
                        }
                    }
                }
            }
        }
    }
    out
}

const SEEDS: [&str; 4] = [
    "000_c7e98e339452f934",
    "001_c77d7c7863d9a0c4",
    "003_7c77cef081ceeb38",
    "004_30f3d27d840c4c9e",
];

#[test]
fn seed_documents_read_back_every_character_in_order() {
    for stem in SEEDS {
        let seed = std::fs::read_to_string(fixture(&format!("{stem}.txt"))).unwrap();
        let src = docx::read(&fixture(&format!("{stem}.docx"))).unwrap_or_else(|e| panic!("{stem}.docx: {e:?}"));
        assert_eq!(no_space(&all_text(&src)), no_space(&seed), "{stem}");
        // One paragraph per non-empty line, numbered as Word counts them.
        let lines: Vec<&str> = seed.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(src.blocks.len(), lines.len(), "{stem}");
        for (i, (block, line)) in src.blocks.iter().zip(&lines).enumerate() {
            assert_eq!(
                block,
                &Block::Paragraph {
                    text: line.trim().to_string(),
                    at: Origin::Paragraph(i + 1)
                },
                "{stem}"
            );
        }
    }
}

/// The front matter of the illustrative project report the form fixtures are made from.
fn front_matter() -> yaml_serde::Value {
    let md = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content/parks/lengshuitan/2022-factories.md"),
    )
    .unwrap();
    let fm = md.split("---\n").nth(1).unwrap();
    yaml_serde::from_str(fm).unwrap()
}

/// The YAML number as the form shows money: two decimals. (The YAML holds `500.00`, which
/// parses to a float; printing it with two decimals gives back what was written.)
fn money(v: &yaml_serde::Value) -> String {
    format!("{:.2}", v.as_f64().unwrap())
}

fn form_table(src: &Source) -> (&Vec<Vec<String>>, &Vec<Vec<bool>>) {
    let tables: Vec<_> = src
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table { rows, merged, .. } => Some((rows, merged)),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 1, "{src:#?}");
    tables[0]
}

fn row_of<'a>(rows: &'a [Vec<String>], label: &str) -> &'a Vec<String> {
    rows.iter()
        .find(|r| r.iter().any(|c| c == label))
        .unwrap_or_else(|| panic!("no row {label}"))
}

/// What both forms must hold: the 产出指标 head down its rows, funds as in the YAML.
fn check_form(rows: &[Vec<String>], merged: &[Vec<bool>], what: &str) {
    let fm = front_matter();
    let width = rows[0].len();
    assert!(rows.iter().all(|r| r.len() == width), "{what}: ragged grid");
    assert!(merged.iter().all(|r| r.len() == width), "{what}: ragged flags");
    // The level-one head column: 一级指标 in the header, 产出指标（50分） on as many rows as the
    // YAML has output indicators, the first not merged and the rest repeats.
    let header = rows.iter().position(|r| r.contains(&"一级指标".to_string())).unwrap();
    let col = rows[header].iter().position(|c| c == "一级指标").unwrap();
    let outputs = fm["indicators"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter(|i| i["level1"].as_str() == Some("产出指标"))
        .count();
    assert_eq!(outputs, 4);
    for k in 0..outputs {
        let r = header + 1 + k;
        assert_eq!(rows[r][col], "产出指标（50分）", "{what}: row {r}");
        assert_eq!(merged[r][col], k > 0, "{what}: row {r}");
    }
    assert_eq!(rows[header + 1 + outputs][col], "效益指标（30分）", "{what}");
    assert!(!merged[header + 1 + outputs][col], "{what}");
    // 绩效指标 spans the header and every indicator row.
    assert_eq!(rows[header][0], "绩效指标");
    assert!(rows[header..header + 1 + outputs].iter().all(|r| r[0] == "绩效指标"));
    // Funds rows carry the YAML's numbers as the cells show them: money with two decimals,
    // the rate as a percentage with two decimals, weight and score as written.
    let p = &fm["project"];
    let total = row_of(rows, "年度资金总额");
    let n = total.len();
    assert_eq!(
        total[n - 6..],
        [
            money(&p["initial"]),
            money(&p["full_year"]),
            money(&p["actual"]),
            "10".to_string(),
            format!("{:.2}%", p["rate"].as_f64().unwrap()),
            p["score"].as_f64().unwrap().to_string(),
        ],
        "{what}"
    );
    assert_eq!(total[n - 6..n - 3], ["500.00", "500.00", "480.50"], "{what}");
    assert_eq!(total[n - 2], "96.10%", "{what}");
    for (label, key) in [("其中：当年财政拨款", "fiscal"), ("上年结转资金", "carryover")] {
        let yaml = fm["project"]["rows"]
            .as_sequence()
            .unwrap()
            .iter()
            .find(|r| r["key"].as_str() == Some(key))
            .unwrap();
        let row = row_of(rows, label);
        assert_eq!(
            row[n - 6..n - 3],
            [
                money(&yaml["initial"]),
                money(&yaml["full_year"]),
                money(&yaml["actual"])
            ],
            "{what}: {label}"
        );
    }
    // The 项目资金 head spans the five funds rows.
    let funds: Vec<_> = rows.iter().filter(|r| r[0] == "项目资金（万元）").collect();
    assert_eq!(funds.len(), 5, "{what}");
    // The total investment, and the score, grade and remark at the bottom.
    let investment = row_of(rows, "项目总投资（万元）");
    assert_eq!(
        investment[1..4],
        [
            money(&p["investment"]),
            money(&p["investment"]),
            money(&p["investment"])
        ]
    );
    assert_eq!(investment[4], "其中：财政拨款");
    assert_eq!(investment[5], money(&p["investment_fiscal"]));
    assert_eq!(investment[5], "900.00");
    let total = row_of(rows, "总分");
    assert!(total[..6].iter().all(|c| c == "总分"));
    assert_eq!(total[6..], ["100", "95.11", ""]);
    let ev = &fm["evaluation"];
    assert_eq!(row_of(rows, "等级")[1], ev["grade"].as_str().unwrap());
    assert_eq!(rows.last().unwrap()[8], ev["remark"].as_str().unwrap());
}

#[test]
fn project_form_docx_resolves_merged_cells() {
    let src = docx::read(&fixture("project-form.docx")).unwrap();
    let (rows, merged) = form_table(&src);
    assert_eq!(rows[0][0], "项目支出绩效自评表（2022年度）");
    assert!(rows[0].iter().all(|c| c == &rows[0][0]));
    assert_eq!(merged[0], [false, true, true, true, true, true, true, true, true]);
    check_form(&rows[1..], &merged[1..], "docx");
    // The narrative before the table comes first, in order.
    let Block::Paragraph { text, at } = &src.blocks[0] else {
        panic!()
    };
    assert_eq!(text, "2022年度标准厂房建设专项资金绩效自评报告");
    assert_eq!(*at, Origin::Paragraph(1));
    assert!(
        src.blocks
            .iter()
            .any(|b| matches!(b, Block::Paragraph { text, .. } if text == "全年执行480.5万元，执行率96.10%。"))
    );
}

#[test]
fn project_form_xlsx_resolves_merged_cells() {
    let src = xlsx::read(&fixture("project-form.xlsx")).unwrap();
    // The title row merged across the table is a paragraph of its own.
    assert_eq!(
        src.blocks[0],
        Block::Paragraph {
            text: "项目支出绩效自评表（2022年度）".into(),
            at: Origin::Sheet {
                name: "自评表".into(),
                row: 1
            }
        }
    );
    let Block::Table { at, .. } = &src.blocks[1] else {
        panic!()
    };
    assert_eq!(
        *at,
        Origin::Sheet {
            name: "自评表".into(),
            row: 2
        }
    );
    let (rows, merged) = form_table(&src);
    check_form(rows, merged, "xlsx");
}

/// The Word and the Excel form agree cell for cell. Both show numbers as the form prints
/// them (the xlsx reader renders 0.00 and 0.00% formats, so no further normalising is
/// needed); the one difference is the title, which the xlsx reader lifts out of the table
/// into a paragraph and the Word table keeps as its first row.
#[test]
fn project_form_docx_and_xlsx_agree() {
    let d = docx::read(&fixture("project-form.docx")).unwrap();
    let x = xlsx::read(&fixture("project-form.xlsx")).unwrap();
    let (drows, dmerged) = form_table(&d);
    let (xrows, xmerged) = form_table(&x);
    assert_eq!(&drows[1..], &xrows[..]);
    assert_eq!(&dmerged[1..], &xmerged[..]);
}

#[test]
fn bad_inputs_say_what_they_are() {
    assert_eq!(docx::read(&fixture("old-word.doc")), Err(ReadError::OldWord));
    assert_eq!(docx::read(&fixture("encrypted.docx")), Err(ReadError::Encrypted));
    assert_eq!(xlsx::read(&fixture("encrypted.docx")), Err(ReadError::Encrypted));
    assert_eq!(docx::read(&fixture("scanned.docx")), Err(ReadError::Scanned));
    assert_eq!(xlsx::read(&fixture("old-excel.xls")), Err(ReadError::OldExcel));
    assert!(matches!(
        docx::read(&fixture("not-a-zip.docx")),
        Err(ReadError::Corrupt(d)) if d.contains("not a zip")
    ));
    assert!(matches!(
        docx::read(&fixture("zip-no-document.docx")),
        Err(ReadError::Corrupt(d)) if d.starts_with("not a Word document") && d.contains("word/document.xml")
    ));
    assert!(matches!(
        xlsx::read(&fixture("zip-no-document.docx")),
        Err(ReadError::Corrupt(d)) if d == "not an Excel workbook: the zip has no xl/workbook.xml"
    ));
    // A Word file handed to the Excel reader and the other way round.
    assert!(matches!(
        xlsx::read(&fixture("project-form.docx")),
        Err(ReadError::Corrupt(d)) if d == "not an Excel workbook: it is a Word document"
    ));
    assert!(matches!(
        docx::read(&fixture("project-form.xlsx")),
        Err(ReadError::Corrupt(d)) if d == "not a Word document: its main part is a <workbook>"
    ));
    assert!(matches!(
        docx::read(&fixture("no-such-file.docx")),
        Err(ReadError::Io(_))
    ));
}
/// Headings whose numbers Word generates from numbering.xml (through the Heading styles)
/// read with their numbers, as the clerk sees them in Word.
#[test]
fn list_numbering_is_rendered_into_the_text() {
    let src = docx::read(&fixture("numbered.docx")).unwrap();
    let texts: Vec<&str> = src
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph { text, .. } => text.as_str(),
            Block::Table { .. } => panic!("no tables here"),
        })
        .collect();
    assert_eq!(
        texts,
        [
            "一、部门概况",
            "（一）部门基本情况",
            "1.主要职能",
            "2.机构设置",
            "本单位没有下属的二级机构。",
            "（二）年度绩效目标",
            "1.产出目标",
            "二、部门整体支出情况",
            "（一）基本支出",
            "1.人员经费",
            // Its own w:num restarts level 3 (startOverride).
            "1.日常公用经费",
            // The template's List Number list: decimal "%1." with a tab after it.
            "1.公务接待费",
            "2.公务用车运行费",
        ]
    );
}
fn sheet(name: &str, row: usize) -> Origin {
    Origin::Sheet { name: name.into(), row }
}

fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
}

/// Blocks split by empty rows, numbers as their formats show them, dates, the hidden sheet
/// left out and the empty one giving nothing.
#[test]
fn workbook_blocks_numbers_and_sheets() {
    let src = xlsx::read(&fixture("misc.xlsx")).unwrap();
    let unmerged = |rows: usize, cols: usize| vec![vec![false; cols]; rows];
    assert_eq!(
        src.blocks,
        [
            Block::Paragraph {
                text: "单位：万元".into(),
                at: sheet("收支", 1)
            },
            Block::Table {
                rows: strings(&[
                    &["项目", "预算数", "决算数", "执行率", "日期", "已公开"],
                    // #,##0.00; 0%; a date formatted yyyy-mm-dd; a boolean.
                    &["收入", "174,053.00", "174,053.00", "100%", "2019-12-31", "TRUE"],
                    // General; 0.00%; a date and time.
                    &["支出", "1545.3", "0.3", "98.47%", "2020-01-02 08:30:00", "FALSE"],
                ]),
                merged: unmerged(3, 6),
                at: sheet("收支", 3)
            },
            // A single cell alone is a paragraph, and a row of cells a table of one row.
            Block::Paragraph {
                text: "备注".into(),
                at: sheet("收支", 9)
            },
            Block::Table {
                rows: strings(&[&["第二张表", "说明"]]),
                merged: unmerged(1, 2),
                at: sheet("收支", 10)
            },
            // The hidden sheet "lookup" and the empty sheet give nothing.
            Block::Paragraph {
                text: "二级表".into(),
                at: sheet("表2", 3)
            },
            Block::Table {
                rows: strings(&[&["甲", "乙"]]),
                merged: unmerged(1, 2),
                at: sheet("表2", 4)
            },
        ]
    );
    assert_eq!(
        xlsx::read(&fixture("empty.xlsx")),
        Err(ReadError::Corrupt("empty workbook".into()))
    );
    // Two blocks, not a grid A1:XFD1048576.
    assert_eq!(
        xlsx::read(&fixture("far-cells.xlsx")).unwrap().blocks,
        [
            Block::Paragraph {
                text: "左上".into(),
                at: sheet("Sheet", 1)
            },
            Block::Paragraph {
                text: "右下".into(),
                at: sheet("Sheet", 1_048_576)
            },
        ]
    );
}

/// A small deterministic generator for the damage test (xorshift64).
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below.max(1) as u64) as usize
    }
}

/// Damages bytes: truncates, flips a few bytes, or zeroes a run.
fn damage(bytes: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut b = bytes.to_vec();
    match rng.next(3) {
        0 => b.truncate(rng.next(b.len())),
        1 => {
            for _ in 0..1 + rng.next(8) {
                let i = rng.next(b.len());
                b[i] ^= 1 << rng.next(8);
            }
        }
        _ => {
            let i = rng.next(b.len());
            let n = rng.next(64).min(b.len() - i);
            b[i..i + n].fill(0);
        }
    }
    b
}

fn parts(path: &str) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::fs::File::open(fixture(path)).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

fn zip_of(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in parts {
        w.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// Damaged files, and files whose XML parts are damaged inside a sound zip, give errors or
/// whatever text survives, never a panic. (A Word file's parts are damaged one at a time
/// and read without the template's 350 KB styles.xml, which is slow to parse in a debug
/// build; the whole-file damage reads it.)
#[test]
fn damaged_files_never_panic() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for name in ["project-form.docx", "numbered.docx", "project-form.xlsx", "misc.xlsx"] {
        let word = name.ends_with(".docx");
        let bytes = std::fs::read(fixture(name)).unwrap();
        for _ in 0..30 {
            let damaged = damage(&bytes, &mut rng);
            if word {
                let _ = docx::read_bytes(&damaged);
            } else {
                let _ = xlsx::read_bytes(&damaged);
            }
        }
        let parts = parts(name);
        let text = |part: &str| {
            let data = &parts.iter().find(|(n, _)| n == part).unwrap().1;
            String::from_utf8(data.clone()).unwrap()
        };
        if word {
            let (document, numbering) = (text("word/document.xml"), text("word/numbering.xml"));
            for _ in 0..200 {
                let damaged = |s: &str, rng: &mut Rng| String::from_utf8_lossy(&damage(s.as_bytes(), rng)).into_owned();
                if rng.next(2) == 0 {
                    let _ = docx::read_xml(&damaged(&document, &mut rng), Some(&numbering), None);
                } else {
                    let _ = docx::read_xml(&document, Some(&damaged(&numbering, &mut rng)), None);
                }
            }
        } else {
            let xml: Vec<usize> = (0..parts.len()).filter(|&i| parts[i].0.ends_with(".xml")).collect();
            // Fewer: calamine in a debug build takes some 20 ms a workbook.
            for _ in 0..80 {
                let mut damaged = parts.clone();
                let i = xml[rng.next(xml.len())];
                damaged[i].1 = damage(&damaged[i].1, &mut rng);
                let _ = xlsx::read_bytes(&zip_of(&damaged));
            }
        }
    }
}
