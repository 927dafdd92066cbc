//! Inputs an independent review wrote to break the importer's promise (no wrong figure: a
//! figure it is not sure of stays empty) through sentences and plain text: other years,
//! budgets read as spending, changes read as figures, parts and other entities, plans, foreign
//! currencies, digits split by PDF copies, and text files that are empty, UTF-16, GBK, huge,
//! or with old Mac line ends. Each is imported into a copy of the example site.

mod common;

use gongkai::content::model::Kind;

fn fixture(name: &str) -> std::path::PathBuf {
    common::repo().join("tests/fixtures/import/adversarial").join(name)
}

/// Imports `name` as a new unit's report for `year`; the draft's front matter and text.
fn import(name: &str, year: u16) -> (serde_json::Value, String) {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_example(tmp.path());
    let done = gongkai::import::import(&gongkai::import::Request {
        root: tmp.path(),
        source: &fixture(name),
        park: "adversarial",
        year,
        kind: Kind::Department,
    })
    .unwrap_or_else(|d| panic!("{name}: {}", d.message.en()));
    let text = std::fs::read_to_string(&done.report).unwrap();
    let front = text.split("\n---\n").next().unwrap().trim_start_matches("---\n");
    let v: serde_json::Value = yaml_serde::from_str(front).unwrap_or_else(|e| panic!("{name}: {e}\n{text}"));
    (v, text)
}

/// The value at a dotted path (`expenditure.total`, `economy[industrial_output].value`).
fn at<'a>(v: &'a serde_json::Value, path: &str) -> Option<&'a serde_json::Value> {
    let mut cur = v;
    for seg in path.split('.') {
        let (name, key) = match seg.find('[') {
            Some(i) => (&seg[..i], Some(seg[i + 1..seg.len() - 1].to_string())),
            None => (seg, None),
        };
        cur = cur.get(name)?;
        if let Some(k) = key {
            cur = cur.as_array()?.iter().find(|i| {
                i.get("key").and_then(|x| x.as_str()) == Some(k.as_str())
                    || i.get("fund").and_then(|x| x.as_str()) == Some(k.as_str())
            })?;
        }
    }
    (!cur.is_null()).then_some(cur)
}

fn text_of(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[track_caller]
fn absent(v: &serde_json::Value, path: &str) {
    assert!(at(v, path).is_none(), "{path} should be empty, is {:?}", at(v, path));
}

/// The figure at `path` is `want` (numbers compared as numbers: YAML reads 4.20 as 4.2).
#[track_caller]
fn is(v: &serde_json::Value, path: &str, want: &str) {
    let got = at(v, path).map(text_of);
    let same = match (
        got.as_deref().and_then(|g| g.parse::<f64>().ok()),
        want.parse::<f64>().ok(),
    ) {
        (Some(a), Some(b)) => a == b,
        _ => got.as_deref() == Some(want),
    };
    assert!(same, "{path}: {got:?}, not {want}");
}

/// Every economy item's (label or key, value, unit).
fn economy(v: &serde_json::Value) -> Vec<(String, String, String)> {
    v.get("economy")
        .and_then(|e| e.as_array())
        .map(|items| {
            items
                .iter()
                .map(|i| {
                    let name = i.get("key").or_else(|| i.get("label")).map(text_of).unwrap_or_default();
                    let val = i.get("value").map(text_of).unwrap_or_default();
                    let unit = i.get("unit").map(text_of).unwrap_or_default();
                    (name, val, unit)
                })
                .collect()
        })
        .unwrap_or_default()
}

fn error_of(name: &str, bytes: Option<&[u8]>) -> gongkai::diagnostics::Diagnostic {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_example(tmp.path());
    let source = match bytes {
        Some(b) => {
            let p = tmp.path().join(name);
            std::fs::write(&p, b).unwrap();
            p
        }
        None => fixture(name),
    };
    let d = gongkai::import::import(&gongkai::import::Request {
        root: tmp.path(),
        source: &source,
        park: "adversarial",
        year: 2022,
        kind: Kind::Department,
    })
    .expect_err(name);
    assert!(
        !tmp.path().join("content/parks/adversarial").exists(),
        "{name}: nothing is written"
    );
    d
}

#[test]
fn another_years_figures_are_not_entered() {
    // 07: the 2022 report states only 2021's figures.
    let (v, _) = import("07_prevyear_only_and_yuan_table.txt", 2022);
    for p in [
        "expenditure.total",
        "expenditure.basic",
        "expenditure.project",
        "expenditure.personnel",
        "expenditure.public",
        "assets.total",
        "assets.as_of",
        "evaluation.score",
        "evaluation.grade",
    ] {
        absent(&v, p);
    }
    // 19: 2023年收入预算数 in a 2022 report; 2022年支出预算数 is this year's.
    let (v, _) = import("19_expenditure_variants.txt", 2022);
    absent(&v, "budget.income");
    is(&v, "budget.expenditure", "1400.00");
    is(&v, "budget.basic", "500.00");
    // 23c: 2023年部门整体支出 (and under a plan heading).
    let (v, _) = import("23c_plan_section_nextyear.txt", 2022);
    absent(&v, "expenditure.total");
    absent(&v, "expenditure.basic");
    // 27: 2021年度绩效自评得分为89分，绩效等级为良; sub-scores and a satisfaction score.
    let (v, _) = import("27_scores.txt", 2022);
    absent(&v, "evaluation.score");
    absent(&v, "evaluation.grade");
}

#[test]
fn budgets_changes_and_parts_fill_no_figure() {
    let (v, _) = import("01_phrasing.txt", 2022);
    // 2022年部门整体支出预算数为1500.00万元: a budget, not the spending.
    absent(&v, "expenditure.total");
    // 规模工业增加值比上年减少1.2亿元: a change.
    assert!(
        !economy(&v).iter().any(|(k, ..)| k == "industrial_value_added"),
        "{:?}",
        economy(&v)
    );
    is(&v, "economy[industrial_output].value", "45.6");
    is(&v, "economy[industrial_output].unit", "亿元");
    // 上年为4.20万元 in a “三公” line is its previous year's figure.
    is(&v, "three_public.vehicles.previous", "4.20");
    is(&v, "three_public.vehicles.change", "-0.70");
    is(&v, "three_public.vehicles.actual", "3.50");
    is(&v, "expenditure.project", "777.78");
    is(&v, "evaluation.score", "88");
    // 力争2023年… under 存在的问题及改进措施.
    assert!(!economy(&v).iter().any(|(_, val, _)| val == "55" || val == "10"));

    let (v, _) = import("18_threepublic_sentences.txt", 2022);
    // 资产总额较上年增加120.00万元; 全年新增企业较上年少5家.
    absent(&v, "assets.total");
    assert!(
        !economy(&v)
            .iter()
            .any(|(k, val, _)| val == "5" && k != "projects_started"),
        "{:?}",
        economy(&v)
    );
    is(&v, "three_public.hospitality.change", "-2.50");
    is(&v, "three_public.hospitality.actual", "3.20");
    is(&v, "three_public.hospitality.previous", "5.70");
    is(&v, "three_public.total.previous", "12.00");
    // 上年自评得分为88分 is not this year's score.
    is(&v, "evaluation.score", "92.5");
    absent(&v, "staffing.authorized");

    let (v, _) = import("19b_change_as_total.txt", 2022);
    // 部门整体支出较上年减少200.00万元; 项目支出预算执行率为70.00%.
    absent(&v, "expenditure.total");
    absent(&v, "final_accounts.execution_rate");
    is(&v, "three_public.hospitality.change", "1.20");

    let (v, _) = import("19_expenditure_variants.txt", 2022);
    // 资金实际执行进度为100%，其中项目资金执行进度为95.5%.
    is(&v, "final_accounts.execution_rate", "100");
    is(&v, "expenditure.total", "1400.00");
    is(&v, "expenditure.basic", "480.00");
    absent(&v, "expenditure.project");

    let (v, _) = import("27b_subscore.txt", 2022);
    absent(&v, "evaluation.score");
}

#[test]
fn other_entities_and_percentage_points_are_not_the_units() {
    let (v, _) = import("26_other_entity_economy.txt", 2022);
    let e = economy(&v);
    // 全区…税收收入50亿元, 全市规模工业总产值1200亿元, 全县固定资产投资120亿元.
    for (k, _, _) in &e {
        assert!(!["tax_revenue", "industrial_output"].contains(&k.as_str()), "{e:?}");
    }
    // 高于全县平均水平5个百分点 is no count of 个.
    assert!(!e.iter().any(|(_, _, u)| u == "个"), "{e:?}");
    is(&v, "economy[fixed_asset_investment].value", "35");
    // 较上年增长15%，增加20亿元: a change without its figure.
    assert!(
        !e.iter().any(|(k, val, _)| k == "operating_revenue" || val == "20"),
        "{e:?}"
    );
}

#[test]
fn plans_and_targets_fill_nothing() {
    for name in [
        "23_targets_nonEconomy.txt",
        "23b_targets_only.txt",
        "23c_plan_section_nextyear.txt",
    ] {
        let (v, _) = import(name, 2022);
        for p in [
            "expenditure.total",
            "expenditure.basic",
            "expenditure.project",
            "three_public.total.budget",
            "three_public.total.actual",
            "three_public.hospitality.actual",
            "evaluation.score",
            "staffing.authorized",
        ] {
            absent(&v, p);
        }
        assert!(economy(&v).is_empty(), "{name}");
    }
}

#[test]
fn foreign_currencies_and_odd_units_are_not_entered() {
    let (v, _) = import("24_units.txt", 2022);
    // 1.65亿元 is not a 万元 figure of the form; 千元, 百万元, 美元, 港元 are never 万元.
    absent(&v, "expenditure.total");
    absent(&v, "expenditure.personnel");
    absent(&v, "expenditure.public");
    absent(&v, "expenditure.project");
    absent(&v, "three_public.vehicles.actual");
    absent(&v, "three_public.overseas_travel.actual");
    absent(&v, "assets.total");
    // The documented ones are: 154.53万 (no 元) as 万元, 32,800元 as 3.28万元.
    is(&v, "expenditure.basic", "154.53");
    is(&v, "three_public.hospitality.actual", "3.28");
}

#[test]
fn digits_split_by_a_copy_are_left_empty_with_both_readings() {
    let (v, text) = import("03_pdf_broken.txt", 2021);
    for p in [
        "three_public.hospitality.actual",
        "three_public.hospitality.batches",
        "assets.total",
        "expenditure.project",
        "expenditure.total",
        "expenditure.personnel",
        "three_public.vehicles.actual",
        "evaluation.score",
    ] {
        absent(&v, p);
    }
    for candidates in ["3.28 (line 18", "78 (line 18", "1587.00 (line 22", "712.42 (line 8"] {
        assert!(text.contains(candidates), "{candidates}");
    }
    is(&v, "three_public.hospitality.people", "318");
    is(&v, "expenditure.public", "120.63");
    // The page numbers stand apart in the text, not inside its sentences.
    assert!(text.contains("\n\n第 4 页 共 9 页\n\n"), "{text}");
    assert!(text.contains("\n\n— 3 —\n\n"), "{text}");

    // Word: “3.⏎28万元” and “2⇥.57万元” inside a paragraph.
    let (v, text) = import("20_docx_tracked_hidden.docx", 2022);
    absent(&v, "three_public.hospitality.actual");
    absent(&v, "three_public.vehicles.actual");
    assert!(text.contains("3.28 (paragraph"), "{text}");
    assert!(text.contains("2.57 (paragraph"), "{text}");
}

#[test]
fn text_files_in_other_encodings_and_line_ends() {
    // UTF-16 (Notepad's “Unicode”) is text: the same draft as the UTF-8 one.
    let (utf16, _) = import("12_utf16.txt", 2022);
    let (utf8, _) = import("01_phrasing.txt", 2022);
    assert_eq!(utf16, utf8);
    // Old Mac line ends: the lines and their numbers as with \n.
    let (cr, text) = import("22b_cr_only.txt", 2022);
    assert_eq!(cr, utf8);
    assert!(text.contains("## 一、部门概况"), "{text}");
    assert!(text.contains("(line 30)") || text.contains("# line 30:"), "{text}");
}

#[test]
fn empty_gbk_and_huge_text_files_are_refused_before_writing() {
    for name in ["10_empty.txt", "11_whitespace.txt"] {
        let d = error_of(name, None);
        assert!(d.message.en().contains("empty"), "{}", d.message.en());
        assert!(d.message.zh().contains("空"), "{}", d.message.zh());
    }
    let d = error_of("13_gbk.txt", None);
    assert!(d.message.en().contains("GBK"), "{}", d.message.en());
    assert!(d.message.zh().contains("GBK"), "{}", d.message.zh());
    let help = d.help.unwrap();
    assert!(
        help.en().contains("UTF-8") && help.en().contains("记事本"),
        "{}",
        help.en()
    );
    assert!(
        help.zh().contains("另存为") && help.zh().contains("WPS"),
        "{}",
        help.zh()
    );
    let huge = "2022年度报告正文。".repeat(200_000);
    let d = error_of("14_huge.txt", Some(huge.as_bytes()));
    assert!(d.message.en().contains("2 MB"), "{}", d.message.en());
    assert!(d.message.zh().contains("2 MB"), "{}", d.message.zh());
}

#[test]
fn figures_of_subsidiaries_and_sub_industries_are_not_the_units() {
    let (v, _) = import("02_subitems_targets.txt", 2023);
    // 所属园区开发公司部门整体支出为8800.00万元 is another body's.
    is(&v, "expenditure.total", "2345.60");
    // 其中电子信息产业实现规模工业总产值30亿元: left empty with both, never 30.
    assert!(
        !economy(&v).iter().any(|(k, ..)| k == "industrial_output"),
        "{:?}",
        economy(&v)
    );
    // 2024年… under 下一步工作计划.
    assert!(
        !economy(&v)
            .iter()
            .any(|(k, ..)| k == "projects_signed" || k == "infrastructure_investment")
    );
    is(&v, "evaluation.score", "95");
}
