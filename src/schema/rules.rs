//! The cross-checks (勾稽关系) the forms imply, in the order a report's results list them.
//!
//! Simple relations name their fields by key and are evaluated generically; relations over lists
//! or with conditions the form states in words (the grade bands, the indicator points) name the
//! check that evaluates them. `figures::checks` runs this list; rule ids and labels come from the
//! fields' own labels, so a relabelled field is relabelled in its checks too.

use super::*;

/// One relation between figures of a report.
pub enum Rule {
    /// `section.total = section.parts[0] + section.parts[1] + …`.
    Sum {
        section: &'static str,
        total: &'static str,
        parts: &'static [&'static str],
    },
    /// A stated share (a field placed as [`Place::ShareOf`]) = part ÷ whole × 100.
    Share {
        section: &'static str,
        share: &'static str,
        whole: &'static str,
    },
    /// A stated total = the sum of a list's items, converted to the amount unit.
    ItemsSum {
        section: &'static str,
        total: &'static str,
        items: &'static str,
        parts: Label,
    },
    /// Each `expenditure.by_fund` line: its project spending (or total) = its project items, and
    /// total = basic + project.
    FundLines,
    /// Each final-accounts income source's stated share of total income.
    IncomeShares,
    /// 年末结转结余 = 年初结转结余 + 本年收入 − 本年支出.
    Balance,
    /// 执行率 = 本年支出 ÷ 全年预算数 (or the funds available when no budget is stated).
    ExecutionRate,
    /// “三公”经费 total = its three lines, for budget and actual.
    ThreePublicTotals,
    /// Each “三公”经费 line's stated rate and change %.
    ThreePublicLines,
    /// 实有人数 = the in-post staff categories (contract staff are outside the posts).
    StaffInPost,
    /// Each economic result's stated growth = change ÷ previous year.
    EconomyGrowth,
    /// A figure stated twice (`also_stated`) agrees with itself.
    AlsoStated,
    /// 绩效等级 agrees with 自评得分 (优 ≥ 90, 良 80–90, 中 60–80, 差 < 60).
    GradeAgreesWithScore,
    /// Indicator points: score ≤ weight, weights add up to 100, scores to the self-evaluation
    /// score; rows the form prints blank count for nothing and switch nothing off.
    IndicatorPoints,
    /// The funds block of a self-evaluation form (`project`): 执行率 = 全年执行数 ÷ 全年预算数,
    /// 得分 = 执行率 × 分值 (at most 分值), and each group of rows adds up to 年度资金总额.
    FundsBlock,
    /// Each head of the indicator table: its weight = its rows' weights, its score = theirs,
    /// score ≤ weight.
    IndicatorGroups,
}

/// Every relation checked, in the order results are listed.
pub const RULES: &[Rule] = &[
    Rule::Sum {
        section: "expenditure",
        total: "total",
        parts: &["basic", "project"],
    },
    Rule::Sum {
        section: "expenditure",
        total: "basic",
        parts: &["personnel", "public"],
    },
    Rule::ItemsSum {
        section: "expenditure",
        total: "project",
        items: "project_items",
        parts: l("项目支出明细之和", "sum of project items"),
    },
    Rule::FundLines,
    Rule::Share {
        section: "expenditure",
        share: "basic_share",
        whole: "total",
    },
    Rule::Share {
        section: "expenditure",
        share: "project_share",
        whole: "total",
    },
    Rule::Share {
        section: "expenditure",
        share: "personnel_share",
        whole: "basic",
    },
    Rule::Share {
        section: "expenditure",
        share: "public_share",
        whole: "basic",
    },
    Rule::Sum {
        section: "budget",
        total: "full_year",
        parts: &["initial", "adjustment"],
    },
    Rule::ItemsSum {
        section: "budget",
        total: "income",
        items: "income_sources",
        parts: l("各收入来源之和", "sum of income sources"),
    },
    Rule::Sum {
        section: "budget",
        total: "expenditure",
        parts: &["basic", "project"],
    },
    Rule::ItemsSum {
        section: "final_accounts",
        total: "income",
        items: "income_sources",
        parts: l("各收入来源之和", "sum of income sources"),
    },
    Rule::IncomeShares,
    Rule::Sum {
        section: "final_accounts",
        total: "sources_total",
        parts: &["opening_balance", "income"],
    },
    Rule::ItemsSum {
        section: "final_accounts",
        total: "expenditure",
        items: "by_function",
        parts: l("按功能分类的支出之和", "sum of expenditure by function"),
    },
    Rule::Balance,
    Rule::ExecutionRate,
    Rule::ThreePublicTotals,
    Rule::ThreePublicLines,
    Rule::Sum {
        section: "assets",
        total: "total",
        parts: &["current", "non_current"],
    },
    Rule::Share {
        section: "assets",
        share: "current_share",
        whole: "total",
    },
    Rule::Share {
        section: "assets",
        share: "non_current_share",
        whole: "total",
    },
    Rule::StaffInPost,
    Rule::EconomyGrowth,
    Rule::AlsoStated,
    Rule::FundsBlock,
    Rule::IndicatorGroups,
    Rule::IndicatorPoints,
    Rule::GradeAgreesWithScore,
];

/// The list of items at `section.key` (income sources, project items …).
pub fn items(section: &str, key: &str) -> Option<&'static Items> {
    SECTIONS
        .iter()
        .filter(|s| s.path == section || s.path == format!("{section}.{key}"))
        .find_map(|s| match &s.body {
            Body::Rows(entries) => entries.iter().find_map(|e| match e {
                Entry::Items(i) if i.key == key => Some(i),
                _ => None,
            }),
            Body::List(i) if i.key == key => Some(i),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every field a rule names exists, so a renamed field cannot silently drop its checks.
    #[test]
    fn rules_name_fields_of_the_form() {
        for rule in RULES {
            match rule {
                Rule::Sum { section, total, parts } => {
                    for k in std::iter::once(total).chain(parts.iter()) {
                        assert!(field(&format!("{section}.{k}")).is_some(), "{section}.{k}");
                    }
                }
                Rule::Share { section, share, whole } => {
                    let f = field(&format!("{section}.{share}")).expect("share field");
                    assert!(matches!(f.place, Place::ShareOf(..)), "{share} is placed as a share");
                    assert!(field(&format!("{section}.{whole}")).is_some());
                }
                Rule::ItemsSum {
                    section,
                    total,
                    items: i,
                    ..
                } => {
                    assert!(field(&format!("{section}.{total}")).is_some());
                    assert!(items(section, i).is_some(), "{section}.{i}");
                }
                _ => {}
            }
        }
    }
}
