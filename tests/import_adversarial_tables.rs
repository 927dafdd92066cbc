//! `gongkai import` on a reviewer's adversarial tables, workbooks and commands
//! (tests/fixtures/import/adversarial/): a figure the importer cannot be sure of stays empty;
//! the ones it can be sure of are filled.

mod common;

use gongkai::content::model::Kind;
use std::path::Path;

/// Imports `fixture` into a copy of the example site; the draft's front matter and the outcome.
fn import(
    root: &Path,
    fixture: &str,
    park: &str,
    year: u16,
    kind: Kind,
) -> (serde_json::Value, gongkai::import::Outcome) {
    let source = common::repo().join("tests/fixtures/import/adversarial").join(fixture);
    let done = gongkai::import::import(&gongkai::import::Request {
        root,
        source: &source,
        park,
        year,
        kind,
    })
    .unwrap_or_else(|d| panic!("{fixture}: {}", d.message.en()));
    let text = std::fs::read_to_string(&done.report).unwrap();
    let rest = text.strip_prefix("---\n").unwrap();
    let end = rest.find("\n---\n").unwrap();
    let front = yaml_serde::from_str(&rest[..end + 1]).expect("front matter parses");
    (front, done)
}

fn site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_example(tmp.path());
    tmp
}

/// The leaf at `a.b[key].c` (list items by their `key`), as written.
fn get(front: &serde_json::Value, path: &str) -> Option<String> {
    let mut v = front;
    for seg in path.split('.') {
        v = match seg.find('[') {
            Some(i) => {
                let key = &seg[i + 1..seg.len() - 1];
                v.get(&seg[..i])?
                    .as_array()?
                    .iter()
                    .find(|item| item.get("key").and_then(|k| k.as_str()) == Some(key))?
            }
            None => v.get(seg)?,
        };
    }
    match v {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn num(front: &serde_json::Value, path: &str) -> Option<rust_decimal::Decimal> {
    get(front, path).map(|s| s.parse().unwrap_or_else(|_| panic!("{path} = {s}")))
}

fn d(s: &str) -> Option<rust_decimal::Decimal> {
    Some(s.parse().unwrap())
}

fn conflicted(done: &gongkai::import::Outcome, path: &str) -> bool {
    done.decided.conflicts.iter().any(|(p, _)| p == path)
}

/// 04: a sub-row with an extra empty cell (其中：当年财政拨款⇥⇥250⇥270⇥250⇥—…) would read
/// shifted; its figures stay candidates, the rows that line up are filled.
#[test]
fn a_row_that_does_not_line_up_with_its_head_stays_empty() {
    let tmp = site();
    let (f, done) = import(tmp.path(), "04_project_tsv_swapped.txt", "wsc", 2023, Kind::Project);
    for k in ["initial", "full_year", "actual", "rate"] {
        assert_eq!(get(&f, &format!("project.rows[fiscal].{k}")), None, "{k}");
    }
    assert!(conflicted(&done, "project.rows[fiscal].full_year"));
    assert_eq!(num(&f, "project.actual"), d("288.00"));
    assert_eq!(num(&f, "project.rate"), d("90.00"));
    assert_eq!(num(&f, "project.rows[carryover].actual"), d("38.00"));
    assert_eq!(num(&f, "evaluation.score"), d("96"));
    // The report text names no unit: the new profile takes the form's 实施单位.
    let (_, name) = done.profile.expect("a profile draft");
    assert_eq!(name, "示例工业园管理委员会");
}

/// 06, 06b, 06c: a 三公 table's 上年决算数 row is last year's, never this year's actuals.
#[test]
fn last_years_three_public_row_gives_nothing() {
    let tmp = site();
    let (f, _) = import(
        tmp.path(),
        "06_threepublic_prev_row.docx",
        "smk2",
        2022,
        Kind::Department,
    );
    assert_eq!(num(&f, "three_public.total.actual"), d("15.50"));
    assert_eq!(num(&f, "three_public.hospitality.actual"), d("5.25"));
    assert_eq!(num(&f, "three_public.vehicles.operation"), d("10.25"));
    assert_eq!(num(&f, "three_public.total.budget"), d("18.00"));
    for fixture in [
        "06b_threepublic_prev_only.txt",
        "06c_threepublic_prev_only_labelled.txt",
    ] {
        let tmp = site();
        let (f, _) = import(tmp.path(), fixture, "smk3", 2022, Kind::Department);
        for line in ["total", "overseas_travel", "hospitality", "vehicles"] {
            assert_eq!(
                get(&f, &format!("three_public.{line}.actual")),
                None,
                "{fixture} {line}"
            );
        }
        // 06b's head lost its empty corner cell: the columns are aligned by the head.
        assert_eq!(num(&f, "three_public.total.budget"), d("18.00"), "{fixture}");
        assert_eq!(num(&f, "three_public.hospitality.budget"), d("6.00"), "{fixture}");
        assert_eq!(num(&f, "three_public.vehicles.budget"), d("12.00"), "{fixture}");
        assert_eq!(num(&f, "three_public.overseas_travel.budget"), d("0.00"), "{fixture}");
    }
}

/// 09: 收入支出决算总表 with columns 上年决算数 | 本年决算数: the second.
#[test]
fn final_accounts_read_this_years_column() {
    let tmp = site();
    let (f, _) = import(
        tmp.path(),
        "09_final_accounts_prevcol.txt",
        "fml",
        2022,
        Kind::Department,
    );
    assert_eq!(num(&f, "final_accounts.income"), d("1250.50"));
    assert_eq!(num(&f, "expenditure.total"), d("1230.40"));
    assert_eq!(num(&f, "final_accounts.opening_balance"), d("80.00"));
    assert_eq!(num(&f, "final_accounts.closing_balance"), d("100.10"));
    assert_eq!(num(&f, "final_accounts.sources_total"), d("1330.50"));
}

/// 25: 单位：万元 above, 金额（元） / 预算数（元） in the heads: the heads win, converted exactly.
#[test]
fn a_heads_unit_wins_over_the_unit_line_above() {
    let tmp = site();
    let (f, _) = import(tmp.path(), "25_unit_conflict_tables.txt", "ybs", 2022, Kind::Department);
    assert_eq!(num(&f, "final_accounts.income"), d("1250.5"));
    assert_eq!(num(&f, "expenditure.total"), d("1230.4"));
    assert_eq!(num(&f, "final_accounts.closing_balance"), d("100.1"));
    // 800 000.00 (a space inside) is not a plain figure.
    assert_eq!(get(&f, "final_accounts.opening_balance"), None);
    assert_eq!(num(&f, "three_public.total.budget"), d("13"));
    assert_eq!(num(&f, "three_public.total.actual"), d("9.82321"));
    assert_eq!(num(&f, "three_public.hospitality.actual"), d("3.28"));
    assert_eq!(num(&f, "three_public.vehicles.actual"), d("6.54321"));
}

/// 21a: the project form in 元 (项目资金（元）, 项目总投资（元）).
#[test]
fn a_project_form_in_yuan_is_converted() {
    let tmp = site();
    gongkai::scaffold::new_unit(tmp.path(), "fx", "示例工业园", "Example").unwrap();
    let (f, _) = import(tmp.path(), "21a_form_in_yuan.xlsx", "fx", 2023, Kind::Project);
    assert_eq!(num(&f, "project.investment"), d("800"));
    assert_eq!(num(&f, "project.investment_fiscal"), d("600"));
    assert_eq!(num(&f, "project.initial"), d("300"));
    assert_eq!(num(&f, "project.full_year"), d("320"));
    assert_eq!(num(&f, "project.actual"), d("304"));
    assert_eq!(num(&f, "project.rows[fiscal].actual"), d("304"));
    // Not amounts: as written.
    assert_eq!(num(&f, "project.rate"), d("95.00"));
    assert_eq!(num(&f, "project.weight"), d("10"));
    assert_eq!(num(&f, "project.score"), d("9.5"));
}

/// 08: a 填表说明 sheet holding an example form is skipped, and the summary says so.
#[test]
fn an_example_sheet_is_skipped() {
    let tmp = site();
    gongkai::scaffold::new_unit(tmp.path(), "dl", "示例工业园", "Example").unwrap();
    let (f, done) = import(
        tmp.path(),
        "08_form_merged_example_sheet.xlsx",
        "dl",
        2023,
        Kind::Project,
    );
    assert_eq!(get(&f, "project_name").as_deref(), Some("园区道路提质改造工程"));
    assert_eq!(num(&f, "project.actual"), d("1140.00"));
    assert_eq!(num(&f, "project.score"), d("9.5"));
    assert_eq!(get(&f, "project.investment"), None);
    assert_eq!(get(&f, "project.rows[carryover].actual"), None);
    assert!(done.decided.conflicts.is_empty(), "{:?}", done.decided.conflicts);
    assert!(done.notes.iter().any(|n| n.en().contains("填表说明")));
}

/// Command flow: no site.toml, nothing written; a title of another year warns; a year of
/// five digits gets help.
#[test]
fn the_command_checks_before_it_writes() {
    let empty = tempfile::tempdir().unwrap();
    let source = common::repo().join("tests/fixtures/import/adversarial/06c_threepublic_prev_only_labelled.txt");
    let req = |root: &Path, year: u16| {
        gongkai::import::import(&gongkai::import::Request {
            root,
            source: &source,
            park: "x",
            year,
            kind: Kind::Department,
        })
    };
    let e = req(empty.path(), 2022).unwrap_err();
    assert!(e.message.en().contains("site.toml"), "{}", e.message.en());
    assert_eq!(std::fs::read_dir(empty.path()).unwrap().count(), 0, "nothing written");

    let tmp = site();
    let e = req(tmp.path(), 20222).unwrap_err();
    assert!(e.help.unwrap().en().contains("--year 2022"));

    let done = req(tmp.path(), 2023).unwrap();
    assert!(
        done.notes
            .iter()
            .any(|n| n.en().contains("2022") && n.en().contains("2023") && n.zh().contains("2022")),
        "a warning naming both years"
    );
    let draft = std::fs::read_to_string(&done.report).unwrap();
    assert!(draft.starts_with("---\n# 注意："), "{draft}");
    assert!(draft.contains("# Warning: the report's title says 2022, but --year is 2023"));
}
