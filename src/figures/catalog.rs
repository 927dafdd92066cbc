//! Names of every figure in Chinese and English, from shared/GLOSSARY.md.
//!
//! Pages, JSON and (later) CSV all take their labels from here, so a figure is called the same
//! thing everywhere.

/// A known key with its labels and default unit (`None`: the report's amount unit).
pub struct Known {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub unit: Option<&'static str>,
}

const fn k(key: &'static str, zh: &'static str, en: &'static str, unit: Option<&'static str>) -> Known {
    Known { key, zh, en, unit }
}

/// Budgets and income sources (`income_sources`, `by_fund`, `fund`).
pub const FUNDS: &[Known] = &[
    k("general_public", "一般公共预算", "General public budget", None),
    k(
        "government_funds",
        "政府性基金预算",
        "Government-managed funds budget",
        None,
    ),
    k(
        "state_capital",
        "国有资本经营预算",
        "State capital operations budget",
        None,
    ),
    k(
        "social_insurance",
        "社会保险基金预算",
        "Social insurance funds budget",
        None,
    ),
    k("fiscal_appropriation", "财政拨款收入", "Fiscal appropriations", None),
    k("other", "其他收入", "Other income", None),
];

/// Staffing categories.
pub const STAFF: &[Known] = &[
    k("management", "管理人员", "Management staff", Some("人")),
    k(
        "technical",
        "专业技术人员",
        "Professional and technical staff",
        Some("人"),
    ),
    k("support", "工勤人员", "Support staff", Some("人")),
    k(
        "contract",
        "政府雇员（编外）",
        "Government contract employees",
        Some("人"),
    ),
];

/// Economic results.
pub const ECONOMY: &[Known] = &[
    k(
        "industrial_output",
        "规模工业总产值",
        "Gross output of industrial enterprises above designated size",
        Some("亿元"),
    ),
    k(
        "industrial_value_added",
        "规模工业增加值",
        "Value added of industrial enterprises above designated size",
        Some("亿元"),
    ),
    k("tax_revenue", "税收收入", "Tax revenue", Some("亿元")),
    k("industrial_tax", "工业税收", "Industrial tax revenue", Some("亿元")),
    k(
        "fixed_asset_investment",
        "固定资产投资",
        "Fixed-asset investment",
        Some("亿元"),
    ),
    k(
        "infrastructure_investment",
        "基础设施投入",
        "Infrastructure investment",
        Some("亿元"),
    ),
    k(
        "high_tech_output",
        "高新技术产业产值",
        "High-tech industry output",
        Some("亿元"),
    ),
    k(
        "total_revenue",
        "技工贸总收入",
        "Total revenue of technology, industry and trade",
        Some("亿元"),
    ),
    k(
        "operating_revenue",
        "规模以上工业企业营业收入",
        "Operating revenue of industrial enterprises above designated size",
        Some("亿元"),
    ),
    k(
        "retail_sales",
        "社会消费品零售总额",
        "Total retail sales of consumer goods",
        Some("亿元"),
    ),
    k(
        "trade_volume",
        "进出口总额",
        "Total imports and exports",
        Some("亿美元"),
    ),
    k("new_enterprises", "新增企业", "New enterprises", Some("家")),
    k(
        "new_industrial_enterprises",
        "新增规模工业企业",
        "New industrial enterprises above designated size",
        Some("家"),
    ),
    k("projects_signed", "新签约项目", "Projects signed", Some("个")),
    k("projects_started", "新开工项目", "Projects started", Some("个")),
    k(
        "projects_completed",
        "竣工投产项目",
        "Projects completed and in production",
        Some("个"),
    ),
    k(
        "standard_factory_area",
        "新建标准厂房面积",
        "New standard factory floor area",
        Some("万平方米"),
    ),
];

/// Looks up a known key in one list.
pub fn find(list: &'static [Known], key: &str) -> Option<&'static Known> {
    list.iter().find(|k| k.key == key)
}

/// English name of a unit of measure, for English pages.
pub fn unit_en(unit: &str) -> String {
    match unit {
        "万元" => "CNY 10,000".into(),
        "元" => "CNY".into(),
        "亿元" => "CNY 100 million".into(),
        "亿美元" => "USD 100 million".into(),
        "万美元" => "USD 10,000".into(),
        "个" => "projects".into(),
        "家" => "enterprises".into(),
        "人" => "people".into(),
        "人次" => "person-times".into(),
        "批" => "batches".into(),
        "台" | "辆" => "vehicles".into(),
        "万平方米" => "10,000 m²".into(),
        "平方米" => "m²".into(),
        "平方公里" => "km²".into(),
        "亩" => "mu".into(),
        "%" => "%".into(),
        "次" => "times".into(),
        "件" => "items".into(),
        "场次" => "events".into(),
        other => other.to_string(),
    }
}

/// Field labels (zh, en) of the fixed figure sections.
pub fn field(section: &str, key: &str) -> Option<(&'static str, &'static str)> {
    Some(match (section, key) {
        ("evaluation", "score") => ("自评得分", "Self-evaluation score"),
        ("evaluation", "grade") => ("绩效等级", "Grade"),
        ("budget", "initial") => ("年初预算数", "Initial budget"),
        ("budget", "full_year") => ("全年预算数", "Full-year (adjusted) budget"),
        ("budget", "income") => ("收入预算合计", "Budgeted income, total"),
        ("budget", "income_change") => ("收入预算较上年增减", "Budgeted income, change on previous year"),
        ("budget", "expenditure") => ("支出预算合计", "Budgeted expenditure, total"),
        ("budget", "basic") => ("基本支出预算", "Basic expenditure budget"),
        ("budget", "project") => ("项目支出预算", "Project expenditure budget"),
        ("final_accounts", "opening_balance") => ("年初结转结余", "Balance carried forward at start of year"),
        ("final_accounts", "income") => ("本年收入合计", "Income for the year, total"),
        ("final_accounts", "expenditure") => ("本年支出合计", "Expenditure for the year, total"),
        ("final_accounts", "closing_balance") => ("年末结转结余", "Balance carried forward at end of year"),
        ("final_accounts", "execution_rate") => ("执行率", "Budget execution rate"),
        ("expenditure", "total") => ("整体支出", "Total expenditure"),
        ("expenditure", "basic") => ("基本支出", "Basic expenditure"),
        ("expenditure", "personnel") => ("人员经费", "Personnel expenses"),
        ("expenditure", "public") => ("公用经费", "Public (office and operating) expenses"),
        ("expenditure", "project") => ("项目支出", "Project expenditure"),
        ("three_public", "total") => ("“三公”经费合计", "\"Three public expenses\", total"),
        ("three_public", "overseas_travel") => ("因公出国（境）费", "Official overseas (outbound) travel"),
        ("three_public", "hospitality") => ("公务接待费", "Official hospitality (receptions)"),
        ("three_public", "vehicles") => (
            "公务用车购置及运行维护费",
            "Purchase, operation and maintenance of official vehicles",
        ),
        ("assets", "total") => ("资产合计", "Total assets"),
        ("assets", "current") => ("流动资产", "Current assets"),
        ("assets", "non_current") => ("非流动资产", "Non-current assets"),
        ("assets", "fixed_net") => ("固定资产净值", "Fixed assets, net"),
        ("assets", "intangible_net") => ("无形资产净值", "Intangible assets, net"),
        ("staffing", "authorized") => ("编制数", "Authorised posts"),
        ("staffing", "actual") => ("实有人数", "Staff in post"),
        ("staffing", "vehicles_authorized") => ("车辆编制数", "Authorised vehicles"),
        ("staffing", "vehicles_actual") => ("实有车辆", "Vehicles in use"),
        ("project", "initial") => ("年初预算数", "Initial budget"),
        ("project", "full_year") => ("全年预算数", "Full-year (adjusted) budget"),
        ("project", "actual") => ("全年执行数", "Full-year outturn (actual)"),
        ("project", "rate") => ("执行率", "Budget execution rate"),
        ("project", "weight") => ("分值", "Weight (maximum points)"),
        ("project", "score") => ("得分", "Score"),
        _ => return None,
    })
}

/// Section titles (zh, en).
pub fn section(key: &str) -> (&'static str, &'static str) {
    match key {
        "evaluation" => ("自评结果", "Self-evaluation result"),
        "budget" => ("预算", "Budget"),
        "final_accounts" => ("决算", "Final accounts"),
        "expenditure" => ("支出", "Expenditure"),
        "by_fund" => ("按预算来源的支出", "Expenditure by budget"),
        "project_items" => ("项目支出明细", "Project expenditure items"),
        "three_public" => ("“三公”经费", "\"Three public expenses\""),
        "assets" => ("资产", "Assets"),
        "staffing" => ("人员与车辆", "Staffing and vehicles"),
        "economy" => ("经济运行成果", "Economic results"),
        "project" => ("项目资金", "Project funds"),
        "goals" => ("年度总体目标", "Annual overall objectives"),
        "indicators" => ("绩效指标", "Performance indicators"),
        _ => ("", ""),
    }
}
