//! The original of a report (`source_file`, `source_url`) and its corrections, as a publisher
//! enters them and as a reader and a journalist find them.

mod common;

use common::*;
use serde_json::Value as Json;

/// The example with 望城 2019's original beside it and named in its front matter.
fn with_original(extra: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, root) = example_copy();
    let dir = root.join("content/parks/wangcheng");
    std::fs::write(dir.join("2019.pdf"), b"%PDF-1.4 original\n").unwrap();
    edit(
        &dir.join("2019.md"),
        "\nyear: 2019\n",
        &format!("\nyear: 2019\nsource_file: 2019.pdf\n{extra}"),
    );
    (tmp, root)
}

#[test]
fn the_original_is_published_beside_the_report_and_linked_in_both_languages() {
    let (_tmp, root) = with_original(
        "source_url: https://www.example.gov.cn/art/2020/6/30/1.html\ncorrections:\n  - figure: expenditure.total\n    previous: 1546.30\n    date: 2020-07-02\n    note: 更正录入错误\n",
    );
    gongkai::build(&root, None, false).unwrap_or_else(|f| panic!("{:?}", f.diagnostics()));
    let out = root.join("public");
    assert_eq!(
        std::fs::read(out.join("parks/wangcheng/2019/2019.pdf")).unwrap(),
        b"%PDF-1.4 original\n"
    );
    let zh = read(&out, "parks/wangcheng/2019/index.html");
    assert!(
        zh.contains("href=\"2019.pdf\" download>报告原文</a>"),
        "zh page lacks the link"
    );
    assert!(zh.contains("href=\"https://www.example.gov.cn/art/2020/6/30/1.html\""));
    let en = read(&out, "en/parks/wangcheng/2019/index.html");
    assert!(en.contains("href=\"../../../../parks/wangcheng/2019/2019.pdf\" download>The original report</a>"));
    let json: Json = serde_json::from_str(&read(&out, "parks/wangcheng/2019/report.json")).unwrap();
    assert_eq!(json["report_id"], "wangcheng-2019-department");
    assert_eq!(
        json["source_file"],
        "https://www.example.gov.cn/xxgk/jxpj/parks/wangcheng/2019/2019.pdf"
    );
    assert_eq!(json["corrections"][0]["figure"], "expenditure.total");
    assert_eq!(json["corrections"][0]["previous"].to_string(), "1546.30");
    // The original is a data file: its checksum is listed from the site root.
    let sums = read(&out, "data/SHA256SUMS");
    assert!(!sums.contains("2019.pdf") || sums.contains("  parks/wangcheng/2019/2019.pdf"));
}

fn read(out: &std::path::Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The problems of a failed build of `root`, one line each: file, line, message and help.
fn problems(root: &std::path::Path) -> Vec<String> {
    let failure = gongkai::build(root, None, false).expect_err("the build fails");
    assert!(!root.join("public").exists(), "nothing is written");
    failure
        .diagnostics()
        .iter()
        .map(|d| format!("{}:{:?} {} | {:?}", d.file.display(), d.line, d.message, d.help))
        .collect()
}

fn find<'a>(all: &'a [String], part: &str) -> &'a str {
    all.iter()
        .find(|d| d.contains(part))
        .unwrap_or_else(|| panic!("no {part} in {all:#?}"))
}

#[test]
fn a_missing_original_and_a_stray_one_are_reported() {
    let (_tmp, root) = with_original("");
    let dir = root.join("content/parks/wangcheng");
    std::fs::rename(dir.join("2019.pdf"), dir.join("2019-original.pdf")).unwrap();
    let all = problems(&root);
    // Lines: title 2, year 3, source_file 4.
    assert!(find(&all, "`source_file: 2019.pdf` is not a file beside the report").contains("2019.md:Some(4)"));
    assert!(find(&all, "2019-original.pdf").contains("no report names it as its `source_file`"));
}

#[test]
fn a_bad_address_and_a_correction_of_no_figure_are_errors_at_their_lines() {
    let (_tmp, root) = with_original(
        "source_url: javascript:alert(1)\ncorrections:\n  - figure: expenditure.totl\n    previous: 1\n    date: 2020-02-30\n",
    );
    let all = problems(&root);
    assert!(find(&all, "`source_url: javascript:alert(1)` is not a web address").contains("Some(5)"));
    let c = find(&all, "`corrections` names `expenditure.totl`");
    assert!(c.contains("Some(7)") && c.contains("expenditure.total"), "{c}");
    assert!(find(&all, "2020-02-30").contains("Some(9)"));
}
