//! The self-evaluation form drawn as the form, and the report page of each kind: builds the
//! example site with the full-form project report of tests/fixtures and checks what a reader
//! sees in both languages.

mod common;
use common::*;
use std::path::{Path, PathBuf};

const PAGE: &str = "parks/lengshuitan/2022/index.html";

/// The example site plus the fixture project report (and its translation), built; `edit`
/// changes the copied site first.
fn build_with_project(edit: impl FnOnce(&Path)) -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = example_copy();
    let fixtures = repo().join("tests/fixtures");
    let dir = root.join("content/parks/lengshuitan");
    std::fs::copy(fixtures.join("project-report.md"), dir.join("2022-factories.md")).unwrap();
    std::fs::copy(fixtures.join("project-report.en.md"), dir.join("2022-factories.en.md")).unwrap();
    edit(&root);
    gongkai::build(&root, None, false).unwrap_or_else(|f| panic!("{:?}", f.diagnostics()));
    let out = root.join("public");
    (tmp, out)
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The HTML from `start` up to the next `end` after it.
fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let at = html.find(start).unwrap_or_else(|| panic!("no {start}"));
    let rest = &html[at..];
    &rest[..rest.find(end).unwrap_or_else(|| panic!("no {end} after {start}"))]
}

/// The form's section.
fn form(html: &str) -> &str {
    between(html, "<section class=\"form\"", "</section>")
}

/// The table with this id.
fn table<'a>(html: &'a str, id: &str) -> &'a str {
    between(
        html,
        &format!("<table class=\"form-table {id}\" id=\"{id}\""),
        "</table>",
    )
}

/// The row (`<tr>…</tr>`) of `table` that holds `text`.
fn row<'a>(table: &'a str, text: &str) -> &'a str {
    table
        .split("<tr>")
        .find(|r| r.contains(text))
        .map(|r| &r[..r.find("</tr>").unwrap()])
        .unwrap_or_else(|| panic!("no row with {text}"))
}

/// The texts of the header and data cells in `html`, in order (empty for a blank cell).
fn cells(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<t") {
        rest = &rest[i + 2..];
        let tag = match rest.as_bytes() {
            [b'h' | b'd', b' ' | b'>', ..] => &rest[..1],
            _ => continue,
        };
        let start = rest.find('>').unwrap() + 1;
        let end = rest.find(&format!("</t{tag}>")).unwrap();
        out.push(text(&common::without_term_links(&rest[start..end])));
        rest = &rest[end..];
    }
    out
}

/// The key-figure tiles of a page, as "label value unit" texts.
fn tiles(html: &str) -> Vec<String> {
    between(html, "<ul class=\"key-figures\">", "</ul>")
        .split("<li")
        .skip(1)
        .map(|li| text(&format!("<li{li}")))
        .collect()
}

#[test]
fn a_project_report_draws_every_cell_of_its_form_in_chinese() {
    let (_tmp, out) = build_with_project(|_| {});
    let html = read(&out, PAGE);
    let f = form(&html);
    assert!(f.contains("<h2 id=\"h-form\">项目支出绩效自评表</h2>"));

    // The header block: only what the form states, each with its label as a row header.
    let head = table(f, "form-head");
    assert_eq!(cells(row(head, "项目名称")), ["项目名称", "标准厂房建设专项资金"]);
    assert_eq!(
        cells(row(head, "主管部门")),
        [
            "主管部门",
            "冷水滩区工业和信息化局",
            "实施单位",
            "冷水滩高科技工业园管理委员会"
        ]
    );
    assert_eq!(cells(row(head, "项目实施期")), ["项目实施期", "2022年1月—2022年12月"]);
    assert_eq!(
        cells(row(head, "项目总投资")),
        ["项目总投资", "1,200.00 万元", "其中：财政拨款", "900.00 万元"]
    );

    // The funds matrix: the form's six columns, the total row and the three rows under it.
    let funds = table(f, "form-funds");
    assert!(funds.contains("<caption id=\"form-funds-cap\">项目资金（万元）</caption>"));
    assert_eq!(
        cells(between(funds, "<thead>", "</thead>")),
        [
            "资金",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分"
        ]
    );
    assert_eq!(
        cells(row(funds, "年度资金总额")),
        ["年度资金总额", "500.00", "500.00", "480.50", "10", "96.10%", "9.61"]
    );
    assert_eq!(
        cells(row(funds, "其中：当年财政拨款")),
        ["其中：当年财政拨款", "400.00", "400.00", "390.50", "", "", ""]
    );
    assert_eq!(
        cells(row(funds, "上年结转资金")),
        ["上年结转资金", "100.00", "100.00", "90.00", "", "", ""]
    );
    // `other` is entered with its key only: the form prints it blank, so it is blank here.
    let other = row(funds, "其他资金");
    assert_eq!(cells(other), ["其他资金", "", "", "", "", "", ""]);
    assert_eq!(other.matches("<td class=\"blank\"").count(), 6, "{other}");
    assert!(!other.contains("未披露") && !other.contains(">0<"), "{other}");

    // 年度总体目标.
    let goals = table(f, "form-goals");
    assert_eq!(
        cells(row(goals, "新建标准厂房不少于")),
        [
            "新建标准厂房不少于10万平方米，引进入驻企业不少于20家。",
            "新建标准厂房12万平方米，入驻企业18家。"
        ]
    );

    // 绩效指标, grouped under level-one heads that carry their weights and scores.
    let unlinked = without_term_links(table(f, "form-indicators"));
    let ind = unlinked.as_str();
    assert_eq!(
        cells(between(ind, "<thead>", "</thead>")),
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施"
        ]
    );
    assert!(ind.contains("<th scope=\"rowgroup\" class=\"l1\" rowspan=\"4\">产出指标（50分，得分 48）</th>"));
    assert!(ind.contains("<th scope=\"rowgroup\" class=\"l1\" rowspan=\"3\">效益指标（30分，得分 28.5）</th>"));
    assert!(ind.contains("<th scope=\"rowgroup\" class=\"l1\">满意度指标（10分，得分 9）</th>"));
    assert_eq!(ind.matches("<tbody>").count(), 3, "one row group per level-one head");
    assert_eq!(
        cells(row(ind, "按期完工率")),
        [
            "时效指标",
            "按期完工率",
            "≥90%",
            "85%",
            "10",
            "8",
            "两栋厂房因雨季推迟交付，已督促施工单位加快进度。"
        ]
    );
    // 生态效益指标 has no indicator under it: a blank row, not zeros and not "not disclosed".
    let eco = row(ind, "生态效益指标");
    assert_eq!(cells(eco), ["生态效益指标", "", "", "", "", "", ""]);
    assert_eq!(eco.matches("<td class=\"blank\"").count(), 6, "{eco}");
    assert!(!eco.contains("未披露"));
    // 总分 and 等级 at the foot, each figure named by its row.
    let foot = between(ind, "<tfoot>", "</tfoot>");
    assert_eq!(cells(row(foot, "总分")), ["总分", "95.11", ""]);
    assert_eq!(cells(row(foot, "等级")), ["等级", "优", ""]);
    assert!(foot.contains("headers=\"form-total\">95.11</td>"));
    // 备注 under the form.
    assert!(
        text(f).contains(
            "备注： 绩效自评综合得分90（含）—100分为优、80（含）—90分为良、60（含）—80分为中、60分以下为差。"
        )
    );

    // A real table for a screen reader: a caption for each block, scoped headers.
    assert_eq!(f.matches("<caption").count(), 4);
    assert!(!f.contains("<th>"), "every header cell has a scope");
    assert!(!f.contains("class=\"nd\""), "the fixture fills every cell of its form");
}

#[test]
fn a_project_report_shows_project_tiles_and_no_department_sections() {
    let (_tmp, out) = build_with_project(|_| {});
    let html = read(&out, PAGE);
    assert_eq!(
        tiles(&html),
        [
            "全年预算数 500.00 万元",
            "全年执行数 480.50 万元",
            "执行率 96.10%",
            "自评得分 95.11 分",
            "绩效等级 优"
        ]
    );
    for absent in ["基本支出", "“三公”经费", "整体支出", "项目支出 "] {
        assert!(
            !text(between(&html, "<ul class=\"key-figures\">", "</ul>")).contains(absent),
            "tile {absent}"
        );
    }
    // No table or chart of a section a project form never has, and the form's own sections
    // are drawn as the form, not again as tables.
    for id in [
        "fig-budget",
        "fig-final-accounts",
        "fig-expenditure",
        "fig-three-public",
        "fig-assets",
        "fig-staffing",
        "fig-economy",
        "fig-project",
        "fig-goals",
        "fig-indicators",
        "chart-expenditure",
        "chart-three-public",
        "chart-three-public-budget",
        "chart-funding",
    ] {
        assert!(!html.contains(&format!("id=\"{id}")), "{id} on a project report");
    }
    assert!(!text(&html).contains("资产") && !text(&html).contains("人员与车辆"));
    // The description says what a project report holds.
    let description = between(&html, "<meta name=\"Description\" content=\"", "\">");
    assert!(!description.contains("三公"), "{description}");
    assert!(description.contains("绩效指标"), "{description}");
    // Its funds are 项目资金 on the budget chart.
    assert!(html.contains("<th scope=\"row\">项目资金（完成 96.10%）</th>"));
    // A blank row disables no sum: 效益指标 is charted with its weight 15 + 15.
    assert!(html.contains("效益指标: 分值 30, 得分 28.5"));
    // A department report keeps its tiles, and has no form when it enters none.
    let dept = read(&out, "parks/lengshuitan/2021/index.html");
    assert_eq!(tiles(&dept).len(), 6);
    assert!(text(between(&dept, "<ul class=\"key-figures\">", "</ul>")).contains("“三公”经费"));
    assert!(!dept.contains("<section class=\"form\""));
}

#[test]
fn the_english_page_draws_the_same_form_with_translated_heads() {
    let (_tmp, out) = build_with_project(|root| {
        // One indicator left untranslated: shown in Chinese, marked as such.
        edit(
            &root.join("content/parks/lengshuitan/2022-factories.en.md"),
            "    level3: Satisfaction of enterprises moved in\n",
            "",
        );
    });
    let html = read(&out, &format!("en/{PAGE}"));
    let f = form(&html);
    assert!(f.contains("<h2 id=\"h-form\">Project expenditure performance self-evaluation form</h2>"));
    let head = table(f, "form-head");
    assert_eq!(
        cells(row(head, "Competent department")),
        [
            "Competent department",
            "Lengshuitan District Bureau of Industry and Information Technology",
            "Implementing unit",
            "Administrative Committee of Lengshuitan High-tech Industrial Park"
        ]
    );
    assert_eq!(
        cells(row(head, "Implementation period")),
        ["Implementation period", "January–December 2022"]
    );
    assert_eq!(
        cells(row(head, "Total project investment")),
        [
            "Total project investment",
            "1,200.00 CNY 10,000",
            "of which fiscal appropriations",
            "900.00 CNY 10,000"
        ]
    );
    let funds = table(f, "form-funds");
    assert!(funds.contains(">Project funds (CNY 10,000)</caption>"));
    assert_eq!(
        cells(between(funds, "<thead>", "</thead>")),
        [
            "Funds",
            "Initial budget",
            "Full-year (adjusted) budget",
            "Full-year outturn (actual)",
            "Weight (maximum points)",
            "Budget execution rate",
            "Score"
        ]
    );
    assert_eq!(
        cells(row(funds, "Total annual funds")),
        [
            "Total annual funds",
            "500.00",
            "500.00",
            "480.50",
            "10",
            "96.10%",
            "9.61"
        ]
    );
    assert_eq!(
        cells(row(funds, "Other funds")),
        ["Other funds", "", "", "", "", "", ""]
    );
    assert!(funds.contains("data-label=\"Initial budget\""));
    let goals = table(f, "form-goals");
    assert!(text(goals).contains("Expected objective Actual result At least 100,000 m²"));
    let ind = table(f, "form-indicators");
    for s in [
        "Level-1 indicator",
        "Reasons for deviation and corrective measures",
        "Outputs (50 points, scored 48)",
        "Outcomes (30 points, scored 28.5)",
        "Floor area of new standard factories",
        "Some enterprises postponed moving in",
    ] {
        assert!(text(ind).contains(s), "en form lacks {s}");
    }
    assert_eq!(cells(row(ind, "Ecological")), ["Ecological", "", "", "", "", "", ""]);
    assert!(ind.contains("<th scope=\"row\" class=\"l3\"><span lang=\"zh-CN\">入驻企业满意度</span></th>"));
    let foot = between(ind, "<tfoot>", "</tfoot>");
    assert_eq!(cells(row(foot, "Total score")), ["Total score", "95.11", ""]);
    // The grade as printed is marked as Chinese.
    assert_eq!(cells(row(foot, "Grade")), ["Grade", "Excellent ( 优 )", ""]);
    assert!(foot.contains("Excellent (<span lang=\"zh-CN\">优</span>)"));
    assert!(text(f).contains("Remarks: A total score of 90 to 100 is Excellent"));
    assert_eq!(
        tiles(&html),
        [
            "Full-year budget 500.00 CNY 10,000 about CNY 5 million",
            "Full-year outturn 480.50 CNY 10,000 about CNY 4.81 million",
            "Execution rate 96.10%",
            "Self-evaluation score 95.11 points",
            "Grade Excellent"
        ]
    );
    let description = between(&html, "<meta name=\"Description\" content=\"", "\">");
    assert!(description.contains("performance indicators"), "{description}");
}

#[test]
fn a_department_report_that_enters_its_form_gets_the_department_form() {
    let (_tmp, out) = build_with_project(|root| {
        edit(
            &root.join("content/parks/wangcheng/2019.md"),
            "\nyear: 2019\n",
            "\nyear: 2019\nproject:\n  initial: 174053.00\n  full_year: 170000.00\n  actual: 166246.71\n  rate: 97.79\n  weight: 20\n  score: 19.56\n  rows:\n    - key: general_public\n      full_year: 25000.00\n      actual: 24000.00\n    - key: government_funds\n      full_year: 145000.00\n      actual: 142246.71\n    - key: state_capital\n    - key: basic\n      full_year: 1053.00\n      actual: 1000.00\n    - key: project\n      full_year: 168947.00\n      actual: 165246.71\ngoals:\n  - target: 完成年度目标\n    actual: 已完成\n",
        );
    });
    let html = read(&out, "parks/wangcheng/2019/index.html");
    let f = form(&html);
    assert!(f.contains("<h2 id=\"h-form\">部门整体支出绩效自评表</h2>"));
    assert_eq!(
        cells(row(table(f, "form-head"), "部门（单位）名称")),
        ["部门（单位）名称", "望城经济技术开发区管理委员会"]
    );
    let funds = table(f, "form-funds");
    assert!(funds.contains(">年度预算资金（万元）</caption>"));
    assert!(funds.contains("<th scope=\"rowgroup\" class=\"form-group\" colspan=\"7\">按收入性质分</th>"));
    assert!(funds.contains("<th scope=\"rowgroup\" class=\"form-group\" colspan=\"7\">按支出性质分</th>"));
    assert_eq!(
        cells(row(funds, "国有资本经营预算")),
        ["国有资本经营预算", "", "", "", "", "", ""]
    );
    // A row that states some amounts lacks the others: not disclosed, unlike a blank row.
    assert_eq!(
        cells(row(funds, "政府性基金预算")),
        ["政府性基金预算", "未披露", "145,000.00", "142,246.71", "", "", ""]
    );
    // The funds block is the department's 年度预算资金, not 项目资金.
    assert!(html.contains("<th scope=\"row\">年度预算资金（完成 97.79%）</th>"));
    assert!(!html.contains("项目资金（完成"));
    // The indicators are not entered: the form says so rather than leaving out the block.
    assert!(text(table(f, "form-indicators")).contains("本报告未披露此部分数据。"));
    // It keeps its department tiles and sections.
    assert_eq!(tiles(&html).len(), 6);
    assert!(html.contains("id=\"fig-three-public\""));
    let en = read(&out, "en/parks/wangcheng/2019/index.html");
    assert!(form(&en).contains("Department-wide expenditure performance self-evaluation form"));
    assert!(en.contains("Annual budget funds (CNY 10,000)"));
}
