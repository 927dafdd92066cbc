//! What the one description of the form promises a reader: the same names for a figure on the
//! page, in the CSV and in the checks; no Chinese unit on an English page; a warning when a
//! report uses a unit the theme cannot name.

mod common;
use common::*;

/// True when `s` holds Chinese characters.
fn cjk(s: &str) -> bool {
    s.chars().any(|c| matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF))
}

/// The unit cells of a page's figure tables: the cell after each number.
fn unit_cells(html: &str) -> Vec<String> {
    html.split("<td class=\"num\">")
        .skip(1)
        .filter_map(|rest| {
            let after = rest.split_once("</td><td>")?.1;
            Some(after.split_once("</td>")?.0.to_string())
        })
        .collect()
}

#[test]
fn english_pages_of_the_bundled_reports_name_no_unit_in_chinese() {
    let (_tmp, out) = build_example();
    let mut seen = 0;
    for (park, year) in [
        ("lengshuitan", "2021"),
        ("daoxian", "2023"),
        ("wangcheng", "2019"),
        ("daxiang", "2021"),
    ] {
        let html = std::fs::read_to_string(out.join(format!("en/parks/{park}/{year}/index.html"))).unwrap();
        for cell in unit_cells(&html) {
            assert!(!cjk(&cell), "en/parks/{park}/{year}: unit cell `{cell}`");
            seen += 1;
        }
        for note in html.split("Amounts in ").skip(1) {
            let unit = note.split('<').next().unwrap_or_default();
            assert!(!cjk(unit), "en/parks/{park}/{year}: chart unit `{unit}`");
        }
        let zh = std::fs::read_to_string(out.join(format!("parks/{park}/{year}/index.html"))).unwrap();
        assert!(
            unit_cells(&zh).iter().any(|c| c == "万元"),
            "the Chinese page keeps 万元"
        );
    }
    assert!(seen > 150, "only {seen} unit cells found: the table markup changed?");
}

#[test]
fn a_unit_the_theme_cannot_name_in_english_is_a_warning_at_its_line() {
    let (_tmp, root) = example_copy();
    edit(
        &root.join("content/parks/wangcheng/2019.md"),
        "    unit: 条\n",
        "    unit: 公里管网\n",
    );
    let o = run(&["build"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let line = err
        .lines()
        .find(|l| l.contains("公里管网"))
        .unwrap_or_else(|| panic!("no warning for the unit: {err}"));
    assert!(
        line.starts_with("./content/parks/wangcheng/2019.md:291:5: warning: the unit `公里管网` has no name in ./themes/default/i18n/en.toml"),
        "{line}"
    );
    assert!(
        err.contains("add `\"公里管网\" = \"…\"` under [units] in that file"),
        "{err}"
    );
    // Named in en.toml alone (as the help says), the warning goes and the English page shows
    // the name; the Chinese page shows the unit as written.
    let en = root.join("themes/default/i18n/en.toml");
    let text = std::fs::read_to_string(&en).unwrap();
    std::fs::write(
        &en,
        text.replace("[units]\n", "[units]\n\"公里管网\" = \"km of pipes\"\n"),
    )
    .unwrap();
    let o = run(&["build"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("公里管网"), "{}", stderr(&o));
    let page = std::fs::read_to_string(root.join("public/en/parks/wangcheng/2019/index.html")).unwrap();
    assert!(page.contains("<td class=\"num\">16</td><td>km of pipes</td>"));
    let zh = std::fs::read_to_string(root.join("public/parks/wangcheng/2019/index.html")).unwrap();
    assert!(zh.contains("<td class=\"num\">16</td><td>公里管网</td>"));
}

#[test]
fn an_empty_amount_unit_is_an_error_and_one_that_cannot_be_converted_a_warning() {
    let (_tmp, root) = example_copy();
    let report = root.join("content/parks/daxiang/2021.md");
    edit(&report, "amount_unit: 万元\n", "amount_unit:\n");
    let o = run(&["build"], &root);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("./content/parks/daxiang/2021.md:6:1: error: `amount_unit` is empty\n  help: write the unit the report's amounts are in (万元, 元 or 亿元), or leave the key out for 万元"),
        "{}",
        stderr(&o)
    );
    edit(&report, "amount_unit:\n", "amount_unit: 千元\n");
    let o = run(&["build"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o)
            .contains("./content/parks/daxiang/2021.md:6:1: warning: `amount_unit: 千元` is not 元, 万元 or 亿元"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_item_named_in_chinese_only_is_a_warning_at_the_item() {
    let (_tmp, root) = example_copy();
    edit(
        &root.join("content/parks/wangcheng/2019.md"),
        "    label_en: Municipal roads on which construction started\n",
        "",
    );
    let o = run(&["build"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("./content/parks/wangcheng/2019.md:287:5: warning: `启动建设的市政道路` has no `label_en`: English pages show its Chinese name\n  help: add `label_en:` with the English name beside it"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_empty_ui_word_is_an_error() {
    let (_tmp, root) = example_copy();
    edit(
        &root.join("themes/default/i18n/en.toml"),
        "not_disclosed = \"Not disclosed\"",
        "not_disclosed = \"\"",
    );
    let o = run(&["build"], &root);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("./themes/default/i18n/en.toml: error: UI string `not_disclosed` is empty"),
        "{}",
        stderr(&o)
    );
}

/// A figure is called the same on the page, in the CSV's column description and in its checks.
#[test]
fn a_figure_has_one_name_on_the_page_in_the_csv_and_in_the_checks() {
    let (_tmp, out) = build_example();
    let page = std::fs::read_to_string(out.join("en/parks/lengshuitan/2021/index.html")).unwrap();
    let zh = std::fs::read_to_string(out.join("parks/lengshuitan/2021/index.html")).unwrap();
    let package = std::fs::read_to_string(out.join("data/datapackage.json")).unwrap();
    let json = std::fs::read_to_string(out.join("parks/lengshuitan/2021/report.json")).unwrap();
    // (a column no report of the site fills, such as budget_full_year, is left out of reports.csv)
    assert!(package.contains("支出：整体支出 Expenditure: Total expenditure"));
    for (zh_name, en_name) in [
        ("整体支出", "Total expenditure"),
        ("基本支出", "Basic expenditure"),
        ("公务接待费", "Official hospitality (receptions)"),
    ] {
        assert!(package.contains(zh_name), "{zh_name} in datapackage.json");
        assert!(package.contains(en_name), "{en_name} in datapackage.json");
        assert!(zh.contains(&format!(">{zh_name}</th>")), "{zh_name} on the page");
        assert!(page.contains(&format!(">{en_name}</th>")), "{en_name} on the page");
    }
    assert!(
        json.contains("\"rule_zh\":\"整体支出 = 基本支出 + 项目支出\""),
        "check labels from the form"
    );
    assert!(json.contains("\"rule_en\":\"Total expenditure = Basic expenditure + Project expenditure\""));
    // The old drifted label is gone everywhere.
    for text in [&page, &package] {
        assert!(!text.contains("Full-year budget,"), "drifted label");
    }
}

/// A third language written in Chinese names the form's figures its own way (zh-Hant.toml's
/// `[labels]`), and its units and grades from its own words.
#[test]
fn zh_hant_pages_name_the_forms_figures_in_traditional_characters() {
    let (_tmp, root) = example_copy();
    edit(
        &root.join("site.toml"),
        "languages = [\"zh\", \"en\"]",
        "languages = [\"zh\", \"en\", \"zh-Hant\"]",
    );
    let o = run(&["build"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = std::fs::read_to_string(root.join("public/zh-hant/parks/wangcheng/2019/index.html")).unwrap();
    for word in [
        ">整體支出</th>",
        ">“三公”經費</span></caption>",
        ">預算數</th>",
        "<td>萬元</td>",
        ">財政撥款收入</th>",
    ] {
        assert!(page.contains(word), "zh-Hant page lacks {word}");
    }
    for word in [">整体支出</th>", ">预算数</th>", "<td>万元</td>"] {
        assert!(!page.contains(word), "zh-Hant page has the Simplified {word}");
    }
}
