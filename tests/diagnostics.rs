//! One fixture per kind of bad input: each asserts the file, the line and the message a
//! finance officer sees, and that the run lists the problem instead of panicking.

mod common;
use common::site_with;
use gongkai::diagnostics::{Diagnostic, Kind, Severity};
use std::path::Path;

const PROFILE: &str = "---\nname: 示例园区\nname_en: Example Park\n---\n简介。\n";

fn report(extra: &str) -> String {
    format!("---\ntitle: 2021年度部门整体支出绩效自评报告\nyear: 2021\nkind: department\n{extra}---\n正文。\n")
}

fn problems(files: &[(&str, &[u8])]) -> Vec<Diagnostic> {
    let (_tmp, root) = site_with(files);
    match gongkai::check(&root, false) {
        Ok(w) => w,
        Err(f) => f.diagnostics().to_vec(),
    }
}

/// The one diagnostic whose message contains `needle`; checks its file and line.
fn expect(problems: &[Diagnostic], file: &str, line: Option<usize>, needle: &str) -> Diagnostic {
    let found: Vec<&Diagnostic> = problems.iter().filter(|d| d.message.contains(needle)).collect();
    assert_eq!(
        found.len(),
        1,
        "expected one problem with {needle:?}, got {problems:#?}"
    );
    let d = found[0].clone();
    assert!(
        d.file.ends_with(Path::new(file)),
        "{needle}: file {} is not {file}",
        d.file.display()
    );
    assert_eq!(d.line, line, "{needle}: line");
    if line.is_some() {
        assert!(d.column.is_some(), "{needle}: column");
    }
    assert_eq!(d.severity, Severity::Error, "{needle}");
    assert!(!d.to_string().contains("panicked"));
    d
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

const R: &str = "content/parks/demo/2021.md";
const P: &str = "content/parks/demo/_index.md";

#[test]
fn yaml_syntax_error() {
    let text = report("expenditure:\n  total: 10: 20\n");
    let d = expect(
        &problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]),
        R,
        Some(6),
        "not valid YAML",
    );
    assert!(d.message.contains("mapping values are not allowed"), "{}", d.message);
    assert!(d.help.unwrap().contains("indentation"));
}

#[test]
fn missing_required_key() {
    let text = "---\ntitle: 报告\nyear: 2021\n---\n";
    let ps = problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
    let d = ps
        .iter()
        .find(|d| d.message == "missing required key `kind`")
        .expect("missing kind");
    assert!(d.file.ends_with(R) && d.line.is_some());
}

#[test]
fn unknown_key_with_did_you_mean() {
    let text = report("expenditure:\n  totl: 10\n");
    let d = expect(
        &problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]),
        R,
        Some(line_of(&text, "totl")),
        "unknown key `totl` in `expenditure`",
    );
    assert!(d.help.unwrap().starts_with("did you mean `total`?"));
}

#[test]
fn text_where_a_number_belongs() {
    let text = report("expenditure:\n  total: 一千万\n");
    expect(
        &problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]),
        R,
        Some(line_of(&text, "一千万")),
        "`一千万` is not a number in `expenditure.total`",
    );
}

#[test]
fn number_where_a_date_belongs() {
    let text = report("published: 2022\n");
    let d = expect(
        &problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]),
        R,
        Some(line_of(&text, "published")),
        "`2022` is not a publication date",
    );
    assert!(d.help.unwrap().contains("YYYY-MM-DD"));
}

#[test]
fn a_date_that_does_not_exist() {
    let text = report("published: \"2022-02-30\"\n");
    expect(
        &problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]),
        R,
        Some(line_of(&text, "published")),
        "is not a publication date",
    );
}

#[test]
fn negative_amount() {
    let text = report("three_public:\n  hospitality:\n    actual: -3.28\n");
    expect(
        &problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]),
        R,
        Some(line_of(&text, "-3.28")),
        "`three_public.hospitality.actual` cannot be negative",
    );
}

#[test]
fn a_decrease_may_be_negative() {
    let text = report("three_public:\n  vehicles:\n    actual: 9.19\n    change: -1.39\n    change_pct: -13.15\n");
    assert!(
        problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())])
            .iter()
            .all(|d| !d.is_error())
    );
}

#[test]
fn grade_that_does_not_exist() {
    let text = report("evaluation:\n  score: 92\n  grade: 好\n");
    let d = expect(
        &problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]),
        R,
        Some(line_of(&text, "好")),
        "`好` is not an allowed value in `evaluation.grade`",
    );
    assert_eq!(
        d.help.as_ref().map(ToString::to_string).as_deref(),
        Some("use one of: 优, 良, 中, 差")
    );
}

#[test]
fn unknown_item_key_without_label() {
    let text = report("economy:\n  - key: industrial_outptu\n    value: 170\n");
    let d = expect(
        &problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]),
        R,
        Some(line_of(&text, "industrial_outptu")),
        "item key `industrial_outptu` is not a known figure",
    );
    assert!(d.help.unwrap().contains("did you mean `industrial_output`"));
}

#[test]
fn two_reports_for_the_same_unit_year_and_kind() {
    let text = report("");
    let ps = problems(&[
        (P, PROFILE.as_bytes()),
        (R, text.as_bytes()),
        ("content/parks/demo/2021-copy.md", text.as_bytes()),
    ]);
    expect(
        &ps,
        "content/parks/demo/2021.md",
        Some(3),
        "a second department report of unit `demo` for 2021",
    );
}

#[test]
fn report_for_a_unit_with_no_profile() {
    let text = report("");
    let d = expect(
        &problems(&[(R, text.as_bytes())]),
        R,
        None,
        "unit `demo`, which has no profile",
    );
    assert!(d.help.unwrap().contains("_index.md"));
}

#[test]
fn english_file_with_no_chinese_original() {
    let ps = problems(&[
        (P, PROFILE.as_bytes()),
        ("content/parks/demo/2020.en.md", b"---\ntitle: Report\n---\n"),
    ]);
    let d = expect(
        &ps,
        "content/parks/demo/2020.en.md",
        None,
        "this translation has no Chinese original",
    );
    assert!(d.help.unwrap().contains("2020.md"));
}

#[test]
fn english_file_with_figures() {
    let en = "---\ntitle: Report\nevaluation:\n  score: 92\n---\n";
    let ps = problems(&[
        (P, PROFILE.as_bytes()),
        (R, report("").as_bytes()),
        ("content/parks/demo/2021.en.md", en.as_bytes()),
    ]);
    let d = expect(
        &ps,
        "content/parks/demo/2021.en.md",
        Some(3),
        "unknown key `evaluation`",
    );
    assert!(d.help.unwrap().contains("figures live once, in the Chinese file"));
}

#[test]
fn ids_that_are_not_slugs() {
    let ps = problems(&[("content/parks/Demo Park/_index.md", PROFILE.as_bytes())]);
    let d = expect(
        &ps,
        "content/parks/Demo Park",
        None,
        "the unit id `Demo Park` is not a slug",
    );
    assert!(d.help.unwrap().contains("`demo-park`"));
    let ps = problems(&[
        (P, PROFILE.as_bytes()),
        ("content/parks/demo/报告2021.md", report("").as_bytes()),
    ]);
    expect(
        &ps,
        "content/parks/demo/报告2021.md",
        None,
        "the file name `报告2021` is not a slug",
    );
}

#[test]
fn file_that_is_not_utf8() {
    let mut gbk = report("").into_bytes();
    gbk.extend_from_slice(b"\xb9\xab\xbf\xaa\n");
    let d = expect(
        &problems(&[(P, PROFILE.as_bytes()), (R, &gbk)]),
        R,
        Some(7),
        "the file is not UTF-8 text",
    );
    assert_eq!(d.column, Some(1));
}

#[test]
fn unclosed_front_matter() {
    expect(
        &problems(&[(P, PROFILE.as_bytes()), (R, b"---\ntitle: x\nyear: 2021\n")]),
        R,
        Some(1),
        "the front matter is not closed",
    );
}

#[test]
fn unknown_site_setting() {
    let (_tmp, root) = site_with(&[(P, PROFILE.as_bytes())]);
    let toml = std::fs::read_to_string(root.join("site.toml")).unwrap() + "base_ulr = \"x\"\n";
    std::fs::write(root.join("site.toml"), &toml).unwrap();
    let ps = gongkai::check(&root, false).unwrap_err().diagnostics().to_vec();
    let d = expect(
        &ps,
        "site.toml",
        Some(line_of(&toml, "base_ulr")),
        "unknown key `base_ulr`",
    );
    assert!(d.help.unwrap().starts_with("did you mean `base_url`?"));
}

#[test]
fn template_error_names_the_template_and_line() {
    let (_tmp, root) = site_with(&[(P, PROFILE.as_bytes()), (R, report("").as_bytes())]);
    let tpl = root.join("themes/default/templates/park.html");
    let text = std::fs::read_to_string(&tpl)
        .unwrap()
        .replacen("{% for f in facts %}", "{% for f in facts %", 1);
    std::fs::write(&tpl, text).unwrap();
    let ps = gongkai::check(&root, false).unwrap_err().diagnostics().to_vec();
    let d = ps.iter().find(|d| d.kind == Kind::Template).expect("template error");

    assert!(
        d.file.ends_with("themes/default/templates/park.html"),
        "{}",
        d.file.display()
    );
    assert_eq!((d.line, d.column), (Some(7), Some(37)));
    assert!(
        d.help
            .as_ref()
            .map(ToString::to_string)
            .as_deref()
            .unwrap()
            .contains("park.html:7:37"),
        "{:?}",
        d.help
    );
}

#[test]
fn windows_and_word_input_is_accepted() {
    let text = report("expenditure:\n  total: \"174,053.00\"\n  basic: １０５３．００\n").replace('\n', "\r\n");
    let bom = format!("\u{feff}{text}");
    let (_tmp, root) = site_with(&[(P, PROFILE.as_bytes()), (R, bom.as_bytes())]);
    let summary = gongkai::build(&root, None, false).unwrap_or_else(|f| panic!("{:?}", f.diagnostics()));
    assert_eq!(summary.reports, 1);
    let json = std::fs::read_to_string(root.join("public/parks/demo/2021/report.json")).unwrap();
    assert!(
        json.contains("\"total\":174053.00") && json.contains("\"basic\":1053.00"),
        "{json}"
    );
}

#[test]
fn every_problem_of_a_run_is_listed() {
    let bad1 = report("expenditure:\n  total: abc\n");
    let bad2 = "---\ntitle: x\nyear: 2022\nkind: departmnt\n---\n";
    let ps = problems(&[
        (P, PROFILE.as_bytes()),
        (R, bad1.as_bytes()),
        ("content/parks/demo/2022.md", bad2.as_bytes()),
        ("content/parks/demo/2019.en.md", b"---\n---\n"),
    ]);
    assert_eq!(ps.iter().filter(|d| d.is_error()).count(), 3, "{ps:#?}");
}
