//! Issue 12, defences: what a hostile or mistaken input must not do to a visitor, a spreadsheet
//! user or the build. Each test reproduces a reported failure.

mod common;
use common::*;
use std::path::Path;
use std::process::Output;

/// 1-based line of the first line of `path` that contains `needle`.
fn line_of(path: &Path, needle: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

/// Records of an RFC 4180 file (BOM dropped, quotes undone), header first.
fn parse_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap();
    let mut records = Vec::new();
    let (mut record, mut cell) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                record.push(std::mem::take(&mut cell));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(record.is_empty() && cell.is_empty(), "file ends with CRLF");
    records
}

/// The cell of `column` in the row whose `key_col` is `key`.
fn cell(records: &[Vec<String>], key: &[(&str, &str)], column: &str) -> String {
    let head = &records[0];
    let idx = |name: &str| {
        head.iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let row = records[1..]
        .iter()
        .find(|r| key.iter().all(|(k, v)| r[idx(k)] == *v))
        .unwrap_or_else(|| panic!("no row {key:?}"));
    row[idx(column)].clone()
}

const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Reported: a name beginning with `=`, `+`, `-` or `@` went into items.csv and indicators.csv
/// as a live spreadsheet formula (and the BOM makes Excel open the file directly).
#[test]
fn csv_text_cells_never_start_a_formula_but_negative_numbers_stay_numbers() {
    let (_tmp, root) = example_copy();
    let report = root.join("content/parks/lengshuitan/2021.md");
    edit(
        &report,
        "unit_name: 冷水滩高科技工业园",
        "unit_name: \"=冷水滩高科技工业园\"",
    );
    edit(
        &report,
        "    label: 规模工业企业实缴税收\n",
        "    label: '=HYPERLINK(\"https://evil.example/\",\"点击\")'\n    change: -12.5\n",
    );
    let project = root.join("content/parks/lengshuitan/2022-factories.md");
    std::fs::copy(repo().join("tests/fixtures/project-report.md"), &project).unwrap();
    edit(&project, "level3: 新建标准厂房面积", "level3: \"+cmd|' /C calc'!A0\"");
    edit(&project, "target: 不少于10万平方米", "target: \"-10%\"");
    edit(&project, "actual: 12万平方米", "actual: \"\\t=1+1\"");
    edit(
        &project,
        "deviation: 部分企业",
        "deviation: \"@SUM(1+1)\"\n    unit: \"'原文\"\n    # ",
    );
    edit(&project, "    - key: other\n", "    - label: \"=1+1\"\n");
    let out = root.join("public");
    gongkai::build(&root, Some(&out), false).unwrap_or_else(|f| panic!("{:?}", f.diagnostics()));

    let read = |p: &str| parse_csv(&std::fs::read(out.join(p)).unwrap());
    let funds = read("data/funds.csv");
    let other = [
        ("report_id", "lengshuitan-2022-project"),
        ("position", "3"),
        ("column", "actual"),
    ];
    assert_eq!(cell(&funds, &other, "row_label_zh"), "'=1+1");
    let items = read("data/items.csv");
    let economy3 = [
        ("report_id", "lengshuitan-2021-department"),
        ("list", "economy"),
        ("position", "3"),
    ];
    assert_eq!(
        cell(&items, &economy3, "label"),
        "'=HYPERLINK(\"https://evil.example/\",\"点击\")"
    );
    assert_eq!(cell(&items, &economy3, "change"), "-12.5", "a number is never prefixed");
    let indicators = read("data/indicators.csv");
    let first = [("report_id", "lengshuitan-2022-project"), ("row", "1")];
    assert_eq!(cell(&indicators, &first, "level3"), "'+cmd|' /C calc'!A0");
    assert_eq!(cell(&indicators, &first, "target"), "'-10%");
    assert_eq!(cell(&indicators, &first, "actual"), "'\t=1+1");
    // The fixture's first deviation is on its fifth row.
    let second = [("report_id", "lengshuitan-2022-project"), ("row", "5")];
    assert_eq!(cell(&indicators, &second, "deviation"), "'@SUM(1+1)");
    assert_eq!(
        cell(&indicators, &second, "unit"),
        "''原文",
        "a text that starts with ' gets one more, so stripping one ' always gives the original"
    );
    let reports = read("data/reports.csv");
    let lengshuitan = [("report_id", "lengshuitan-2021-department")];
    assert_eq!(cell(&reports, &lengshuitan, "unit_name_zh"), "'=冷水滩高科技工业园");
    let wangcheng = [("report_id", "wangcheng-2019-department")];
    assert_eq!(cell(&reports, &wangcheng, "three_public_vehicles_change"), "-1.39");
    assert_eq!(cell(&reports, &wangcheng, "three_public_vehicles_change_pct"), "-13.15");

    // Every text cell of every CSV we write, typed by datapackage.json.
    let package: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("data/datapackage.json")).unwrap()).unwrap();
    let types = |name: &str| -> Vec<String> {
        let r = package["resources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .unwrap();
        r["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["type"].as_str().unwrap().to_string())
            .collect()
    };
    let mut csvs: Vec<(String, &str)> = ["reports", "funds", "indicators", "items", "parks"]
        .iter()
        .map(|n| (format!("data/{n}.csv"), *n))
        .collect();
    csvs.extend(
        files(&out)
            .into_keys()
            .filter(|p| p.starts_with("data/") && p.ends_with("/figures.csv"))
            .map(|p| (p, "figures")),
    );
    assert!(csvs.len() > 5);
    for (path, resource) in csvs {
        let types = types(resource);
        for row in &read(&path)[1..] {
            for (value, kind) in row.iter().zip(&types) {
                if kind == "string" {
                    assert!(
                        !value.starts_with(TRIGGERS),
                        "{path}: text cell {value:?} starts a formula"
                    );
                } else {
                    assert!(!value.starts_with('\''), "{path}: number {value:?} was prefixed");
                }
            }
        }
    }
}

/// Reported: `data_license_url = "javascript:…"` put a script link in every page's footer.
#[test]
fn a_script_address_in_site_toml_is_refused_with_its_position() {
    let (_tmp, root) = example_copy();
    let site = root.join("site.toml");
    edit(
        &site,
        "data_license_url = \"https://creativecommons.org/licenses/by/4.0/\"",
        "data_license_url = \"javascript:alert(document.cookie)\"",
    );
    let line = line_of(&site, "data_license_url");
    let o = run(&["build"], &root);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let expected = format!(
        "site.toml:{line}:1: error: data_license_url `javascript:alert(document.cookie)` is not a web address: only http:// and https:// addresses, or paths on this site, can be linked\n  \
         help: write the full address of the licence text, e.g. data_license_url = \"https://creativecommons.org/licenses/by/4.0/\", or remove the line"
    );
    assert!(
        stderr(&o).contains(&expected),
        "expected\n{expected}\nin\n{}",
        stderr(&o)
    );
    assert!(!root.join("public").exists(), "nothing is written");
}

/// The same rule for every way a browser would run or leave the site from a footer link.
#[test]
fn only_web_addresses_and_site_paths_are_accepted_as_links() {
    let (_tmp, root) = example_copy();
    let text = std::fs::read_to_string(root.join("site.toml")).unwrap();
    let with = |url: &str| {
        let toml_value = url.replace('\\', "\\\\").replace('\t', "\\t").replace('\n', "\\n");
        text.replace(
            "\"https://creativecommons.org/licenses/by/4.0/\"",
            &format!("\"{toml_value}\""),
        )
    };
    let parse = |url: &str| gongkai::config::Config::parse(&with(url), Path::new("site.toml"), &root);
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/licence",
        "\\\\evil.example\\licence",
        "https:evil.example",
        "https://",
        "https:// evil.example",
    ] {
        let errs = parse(bad).err().unwrap_or_else(|| panic!("{bad:?} was accepted"));
        assert_eq!(errs.len(), 1, "{bad:?}: {errs:?}");
        assert!(
            errs[0].message.starts_with("data_license_url `"),
            "{bad:?}: {}",
            errs[0].message
        );
        assert_eq!(errs[0].line, Some(line_of(&root.join("site.toml"), "data_license_url")));
        assert!(errs[0].help.is_some());
    }
    for good in [
        "https://creativecommons.org/licenses/by/4.0/",
        "HTTPS://creativecommons.org/licenses/by/4.0/deed.zh-hans",
        "http://www.example.gov.cn/xxgk/license.html?lang=zh#cc",
        "/xxgk/jxpj/license.html",
        "license/",
    ] {
        let config = parse(good).unwrap_or_else(|e| panic!("{good:?} refused: {e:?}"));
        assert_eq!(config.site.data_license_url.as_deref(), Some(good));
    }
}

/// The depth at which a narrative is refused: deeper than any report needs, shallow enough that
/// the HTML sanitiser's per-element cost (proportional to the depth) stays small.
const MAX_DEPTH: usize = 100;

/// Builds `root` after giving daxiang 2021 the narrative `body`; returns the CLI output and the
/// 1-based line of the narrative's first line.
fn check_with_body(root: &Path, body: &str) -> (Output, usize) {
    let report = root.join("content/parks/daxiang/2021.md");
    let text = std::fs::read_to_string(&report).unwrap();
    let end = text[4..].find("\n---\n").unwrap() + 4 + 5;
    let first = text[..end].lines().count() + 1;
    std::fs::write(&report, format!("{}{body}", &text[..end])).unwrap();
    (run(&["check"], root), first)
}

/// Reported: 100 KB of nested `>` took 46 s (quadratic in the depth). A narrative nested deeper
/// than any report needs is refused at the line where it gets too deep.
#[test]
fn deeply_nested_narratives_are_refused_at_their_line() {
    let (_tmp, root) = example_copy();
    let help = "  help: a report needs a few levels at most: remove the extra `>`, list markers, `*` or HTML tags on this line";
    let cases = [
        (
            "blockquotes",
            "正文。\n\n".to_string() + &">".repeat(2_000) + " 引文\n",
            3,
            101,
        ),
        (
            "lists",
            "正文。\n\n".to_string() + &"- ".repeat(2_000) + "项\n",
            3,
            2 * 50 + 1,
        ),
        (
            "raw HTML",
            "正文。\n\n".to_string() + &"<div>".repeat(2_000) + "\n",
            3,
            5 * 100 + 1,
        ),
    ];
    for (what, body, line, col) in cases {
        let (o, first) = check_with_body(&root, &body);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{what}: {err}");
        let expected = format!(
            "content/parks/daxiang/2021.md:{}:{col}: error: the narrative is nested more than {MAX_DEPTH} levels deep here (quotes, lists or HTML elements inside each other)\n{help}",
            first + line - 1
        );
        assert!(err.contains(&expected), "{what}: expected\n{expected}\nin\n{err}");
    }
    // Emphasis nested too deep is refused the same way, at its line.
    let body = "正文。\n\n".to_string() + &"*强调 ".repeat(2_000) + "字" + &" 强调*".repeat(2_000) + "\n";
    let (o, first) = check_with_body(&root, &body);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("content/parks/daxiang/2021.md:{}:", first + 2)),
        "{}",
        stderr(&o)
    );
    // A narrative that nests as reports do is fine.
    let body =
        "> 引文\n>\n> > 再引\n\n- 一\n  - 二\n    - 三\n\n<div><table><tr><td><b>表</b></td></tr></table></div>\n";
    let (o, _) = check_with_body(&root, body);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// English narratives and unit profiles are checked too.
#[test]
fn deep_nesting_is_refused_in_english_files_and_profiles() {
    let (_tmp, root) = example_copy();
    let en = root.join("content/parks/daxiang/2021.en.md");
    let text = std::fs::read_to_string(&en).unwrap();
    std::fs::write(&en, format!("{text}\n{}x\n", ">".repeat(500))).unwrap();
    let line = std::fs::read_to_string(&en).unwrap().lines().count();
    let profile = root.join("content/parks/wangcheng/_index.md");
    let text = std::fs::read_to_string(&profile).unwrap();
    std::fs::write(&profile, format!("{text}\n{}x\n", "* ".repeat(500))).unwrap();
    let profile_line = std::fs::read_to_string(&profile).unwrap().lines().count();
    let o = run(&["check"], &root);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "content/parks/daxiang/2021.en.md:{line}:101: error: the narrative is nested more than"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "content/parks/wangcheng/_index.md:{profile_line}:101: error: the narrative is nested more than"
        )),
        "{err}"
    );
}

/// Reported: a grade that does not match its score was reported as "stated 50, computed 50
/// (difference 0)".
#[test]
fn a_grade_that_does_not_match_its_score_is_called_that() {
    let (_tmp, root) = example_copy();
    let report = root.join("content/parks/lengshuitan/2021.md");
    edit(&report, "  grade: 优", "  grade: 良");
    let line = line_of(&report, "grade: 良");
    let o = run(&["check"], &root);
    assert!(o.status.success(), "a mismatch is a warning: {}", stderr(&o));
    let err = stderr(&o);
    let expected = format!(
        "content/parks/lengshuitan/2021.md:{line}:3: warning: grade 良 does not match score 92 (a score of 90 or more is 优)\n  \
         help: copy `evaluation.score` and `evaluation.grade` from the report again (优 90 or more, 良 80 to under 90, 中 60 to under 80, 差 under 60); if the report itself prints them so, keep them as printed (the page shows a notice)"
    );
    assert!(err.contains(&expected), "expected\n{expected}\nin\n{err}");
    assert!(!err.contains("difference 0"), "{err}");

    let out = root.join("public");
    gongkai::build(&root, Some(&out), false).unwrap_or_else(|f| panic!("{:?}", f.diagnostics()));
    let zh = text(&std::fs::read_to_string(out.join("parks/lengshuitan/2021/index.html")).unwrap());
    assert!(
        zh.contains("绩效等级“良”与自评得分 92 不符：90 分及以上应为“优”"),
        "{zh}"
    );
    assert!(!zh.contains("按其他数据计算为 92"), "{zh}");
    let en = text(&std::fs::read_to_string(out.join("en/parks/lengshuitan/2021/index.html")).unwrap());
    assert!(
        en.contains("The grade 良 (Good) does not match the score of 92: a score of 90 or more is 优 (Excellent)"),
        "{en}"
    );
    assert!(!en.contains("the other figures give 92"), "{en}");
    // The check table shows the two grades, not the score twice.
    assert!(zh.contains("良 优 不一致"), "{zh}");
    assert!(en.contains("Good Excellent Does not add up"), "{en}");
}

/// Reported: `--strict` failed with "failed: 0 errors".
#[test]
fn strict_failure_counts_the_warnings_it_promoted() {
    let (_tmp, root) = example_copy();
    for command in ["build", "check"] {
        let o = run(&[command, "--strict"], &root);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let err = stderr(&o);
        let want = match command {
            "build" => {
                "failed: 2 warnings treated as errors (--strict); nothing was written, the previous output is unchanged"
            }
            _ => "check failed: 2 warnings treated as errors (--strict)",
        };
        assert_eq!(err.lines().last().unwrap(), want, "{err}");
        assert!(!err.contains("0 errors"), "{err}");
    }
    assert!(!root.join("public").exists());
}
