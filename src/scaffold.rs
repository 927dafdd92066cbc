//! `gongkai new report`: writes a report file with every key present and explained, values
//! empty, ready to fill in. Never overwrites a file.

use crate::content::{is_slug, model::Kind};
use crate::diagnostics::Diagnostic;
use std::path::{Path, PathBuf};

/// Creates `content/parks/<park>/<year>[-project].md`; returns its path.
pub fn new_report(root: &Path, park: &str, year: u16, kind: Kind) -> Result<PathBuf, Diagnostic> {
    let dir = root.join("content").join("parks").join(park);
    if !is_slug(park) {
        return Err(Diagnostic::error(&dir, format!("`{park}` is not a unit id"))
            .help("unit ids are lowercase letters, digits and hyphens, e.g. lengshuitan"));
    }
    if !(1949..=2200).contains(&year) {
        return Err(Diagnostic::error(
            &dir,
            format!("{year} is not a plausible fiscal year"),
        ));
    }
    if !dir.join("_index.md").is_file() {
        return Err(
            Diagnostic::error(dir.join("_index.md"), format!("unit `{park}` has no profile yet")).help(
                "create its _index.md first (name, name_en, region …; see docs/content-format.md), or check the id",
            ),
        );
    }
    let name = match kind {
        Kind::Department => format!("{year}.md"),
        Kind::Project => format!("{year}-project.md"),
    };
    let file = dir.join(name);
    if file.exists() {
        return Err(
            Diagnostic::error(&file, "this report file already exists; nothing was written")
                .help("edit it, or remove it first if you mean to start again"),
        );
    }
    std::fs::write(&file, template(year, kind))
        .map_err(|e| Diagnostic::error(&file, format!("cannot write the file: {e}")))?;
    Ok(file)
}

/// The text of a new report: every key, empty, with what it means.
pub fn template(year: u16, kind: Kind) -> String {
    let mut t = DEPARTMENT
        .replace("{year}", &year.to_string())
        .replace("{kind}", kind.slug());
    if kind == Kind::Project {
        t.push_str(PROJECT);
    }
    t.push_str("---\n## 一、基本情况\n\n（在此粘贴报告正文。）\n");
    t
}

const DEPARTMENT: &str = r#"---
# 填写说明：按报告原文照录数字（保留小数，如 1545.30）；报告没有的数据留空（显示为“未披露”，不是 0）。
# Fill in figures exactly as printed; leave out what the report does not state. See docs/content-format.md.
title: ""                # 报告标题（原文）
year: {year}
kind: {kind}
unit_name:               # 报告单位（如与单位名称不同）
published:               # 发布时间 "YYYY-MM-DD HH:MM"（政府网站 PubDate 需要）
updated:                 # 最后更新时间（如有）
source:                  # 原文出处
amount_unit: 万元         # 金额单位
summary:                 # 一两句话摘要
notes: []                # 数据说明，如：某数据报告中两处不一致
evaluation:
  score:                 # 自评得分
  grade:                 # 优 / 良 / 中 / 差
budget:
  initial:               # 年初预算数
  full_year:             # 全年预算数
  income:                # 收入预算合计
  income_change:         # 较上年增减（减少写负数）
  income_sources: []     # 例：- key: general_public / value: 29053.00
  expenditure:           # 支出预算合计
  basic:                 # 基本支出预算
  project:               # 项目支出预算
final_accounts:
  opening_balance:       # 年初结转结余
  income:                # 本年收入合计
  income_sources: []     # 例：- key: fiscal_appropriation / value: … / share: 99.85
  expenditure:           # 本年支出合计（如已填 expenditure.total 可留空）
  closing_balance:       # 年末结转结余
  execution_rate:        # 执行率，%（不写 % 号）
expenditure:
  total:                 # 整体支出
  basic:                 # 基本支出
  basic_share:           # 基本支出占总支出 %
  personnel:             # 人员经费
  personnel_share:       # 人员经费占基本支出 %
  public:                # 公用经费
  public_share:          # 公用经费占基本支出 %
  project:               # 项目支出
  project_share:         # 项目支出占总支出 %
  by_fund: []            # 例：- fund: government_funds / total: 16372.53
  project_items: []      # 例：- name: 招商引资工作经费 / name_en: … / value: 79 / fund: general_public
three_public:
  total:
    budget:              # “三公”经费预算数
    actual:              # 决算数
    rate:                # 完成预算 %
  overseas_travel:
    budget:              # 因公出国（境）费
    actual:
  hospitality:
    budget:              # 公务接待费
    actual:
    batches:             # 接待批次
    people:              # 接待人次
  vehicles:
    budget:              # 公务用车购置及运行维护费
    actual:
assets:
  total:                 # 资产合计
  current:               # 流动资产
  non_current:           # 非流动资产
  fixed_net:             # 固定资产净值
  intangible_net:        # 无形资产净值
  as_of:                 # "YYYY-MM-DD"
staffing:
  authorized:            # 编制数
  authorized_type:       # 行政编制 / 事业编制
  actual:                # 实有人数
  categories: []         # 例：- key: management / value: 35
  vehicles_authorized:   # 车辆编制数
  vehicles_actual:       # 实有车辆
economy: []              # 例：- key: industrial_output / value: 170 / unit: 亿元 / change_pct: 18
"#;

const PROJECT: &str = r#"project_name: ""         # 项目或专项资金名称
project:
  initial:               # 年初预算数
  full_year:             # 全年预算数
  actual:                # 全年执行数
  rate:                  # 执行率 %
  weight:                # 分值
  score:                 # 得分
goals: []                # 例：- target: 预期目标 / actual: 实际完成情况
indicators: []           # 例：- level1: 产出指标 / level2: 数量指标 / level3: … / target: … / actual: … / weight: 10 / score: 10
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_parse_and_are_empty() {
        for kind in [Kind::Department, Kind::Project] {
            let text = template(2024, kind);
            let (report, problems) = crate::content::parse_report(&text, Path::new("new.md"), "p", "2024");
            let errors: Vec<_> = problems.iter().filter(|d| d.is_error()).collect();
            // The only error is the empty title (and project name), which the author must fill in.
            assert!(report.is_none());
            assert!(errors.iter().all(|d| d.message.contains("is empty")), "{errors:#?}");
            let filled =
                text.replacen("title: \"\"", "title: 报告", 1)
                    .replacen("project_name: \"\"", "project_name: 项目", 1);
            let (report, problems) = crate::content::parse_report(&filled, Path::new("new.md"), "p", "2024");
            let report = report.unwrap_or_else(|| panic!("{problems:#?}"));
            assert_eq!(report.front.kind, kind);
            assert!(
                report.front.expenditure.as_ref().unwrap().total.is_none(),
                "every figure starts empty"
            );
        }
    }
}
