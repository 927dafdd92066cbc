//! The front matter of unit profiles and reports, exactly as authors write it.
//!
//! Field names are the documented YAML keys (docs/content-format.md) and also the JSON field
//! names (docs/data-format.md): one vocabulary from the author's file to the journalist's
//! download. Every figure is optional: `None` means *not disclosed*, never zero.

use crate::decimal::Dec;
use serde::{Deserialize, Serialize};

/// `_index.md`: who files reports.
#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitProfile {
    pub name: String,
    pub name_en: String,
    #[serde(default)]
    pub unit_type: UnitType,
    #[serde(default)]
    pub committee: Option<String>,
    #[serde(default)]
    pub committee_en: Option<String>,
    #[serde(default)]
    pub region: Option<Region>,
    #[serde(default)]
    pub region_en: Option<Region>,
    #[serde(default)]
    pub level: Option<Level>,
    #[serde(default)]
    pub established: Option<String>,
    /// 规划面积, km².
    #[serde(default)]
    pub planned_area: Option<Dec>,
    /// 建成区面积, km².
    #[serde(default)]
    pub built_area: Option<Dec>,
    #[serde(default)]
    pub leading_industries: Vec<String>,
    #[serde(default)]
    pub leading_industries_en: Vec<String>,
    /// Bureaus: the parks their reports cover.
    #[serde(default)]
    pub covers: Vec<String>,
}

/// A park or a bureau.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum UnitType {
    #[default]
    Park,
    Bureau,
}

/// Province, city, county.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    #[serde(default)]
    pub province: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub county: Option<String>,
}

/// 园区级别.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub enum Level {
    #[serde(rename = "国家级")]
    National,
    #[serde(rename = "省级")]
    Provincial,
    #[serde(rename = "市级")]
    Municipal,
    #[serde(rename = "县级")]
    County,
    #[serde(rename = "其他")]
    Other,
}

/// Report kind.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// 部门整体支出绩效自评.
    Department,
    /// 项目支出 / 专项资金绩效自评.
    Project,
}

impl Kind {
    /// URL and JSON slug.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Department => "department",
            Kind::Project => "project",
        }
    }
}

/// 绩效等级.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub enum Grade {
    #[serde(rename = "优")]
    Excellent,
    #[serde(rename = "良")]
    Good,
    #[serde(rename = "中")]
    Fair,
    #[serde(rename = "差")]
    Poor,
}

/// The Chinese report file's front matter: all figures live here.
#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportFront {
    pub title: String,
    pub year: u16,
    pub kind: Kind,
    #[serde(default)]
    pub unit_name: Option<String>,
    #[serde(default)]
    pub project_name: Option<String>,
    /// 主管部门 (project form): the department the project's funds are budgeted under.
    #[serde(default)]
    pub department: Option<String>,
    /// 实施单位 (project form): who carried the project out.
    #[serde(default)]
    pub implementer: Option<String>,
    /// 项目实施期 / 项目总实施期, as the form writes it (`2021年—2023年`).
    #[serde(default)]
    pub period: Option<String>,
    #[serde(default)]
    pub published: Option<String>,
    /// Last updated (a correction or re-publication), same format as `published`.
    #[serde(default)]
    pub updated: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    /// The address of the original publication (an `http(s)://` address).
    #[serde(default)]
    pub source_url: Option<String>,
    /// The original file (PDF, Word) beside the report, copied into the output and linked from
    /// the report page as 报告原文.
    #[serde(default)]
    pub source_file: Option<String>,
    /// Figures corrected after first publication: what was first published, so the data can
    /// list every change.
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// 索引号: the report's number in the host portal's 政府信息公开目录.
    #[serde(default)]
    pub index_number: Option<String>,
    /// 发布机构: who published the report, as the 信息公开目录 names them.
    #[serde(default)]
    pub issuer: Option<String>,
    /// 文号: the number of the document that published the report (`某财绩〔2022〕3号`).
    #[serde(default)]
    pub document_number: Option<String>,
    /// 主题分类: the 信息公开目录's subject category (`财政、金融、审计`).
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default = "default_unit")]
    pub amount_unit: String,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub evaluation: Option<Evaluation>,
    #[serde(default)]
    pub budget: Option<Budget>,
    #[serde(default)]
    pub final_accounts: Option<FinalAccounts>,
    #[serde(default)]
    pub expenditure: Option<Expenditure>,
    #[serde(default)]
    pub three_public: Option<ThreePublic>,
    #[serde(default)]
    pub assets: Option<Assets>,
    #[serde(default)]
    pub staffing: Option<Staffing>,
    #[serde(default)]
    pub economy: Vec<Item>,
    #[serde(default)]
    pub project: Option<ProjectFunds>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// Level-one (and level-two) heads of the indicator table with their weights:
    /// 产出指标（50分）.
    #[serde(default)]
    pub indicator_groups: Vec<IndicatorGroup>,
    /// Any figure of the form stated a second time elsewhere in the report, by its front-matter
    /// path (`expenditure.total`): the checks compare the two within rounding.
    #[serde(default)]
    pub also_stated: std::collections::BTreeMap<String, Vec<AlsoStated>>,
}

fn default_unit() -> String {
    "万元".into()
}

/// A figure whose published value was corrected: its front-matter path (`expenditure.total`),
/// the value first published, and when and why it changed.
#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    pub figure: String,
    pub previous: Dec,
    /// `YYYY-MM-DD`; the report's `updated` when not given.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// 自评得分与等级.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    #[serde(default)]
    pub score: Option<Dec>,
    #[serde(default)]
    pub grade: Option<Grade>,
    /// 备注 of the form, as printed (often the grading scale in words).
    #[serde(default)]
    pub remark: Option<String>,
    /// The lowest score of each grade, where the form's 备注 sets a scale other than 90/80/60.
    #[serde(default)]
    pub scale: Option<GradeScale>,
    #[serde(default)]
    pub note: Option<String>,
}

/// The lowest score that earns each grade (差 is anything below `fair`).
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GradeScale {
    #[serde(default)]
    pub excellent: Option<Dec>,
    #[serde(default)]
    pub good: Option<Dec>,
    #[serde(default)]
    pub fair: Option<Dec>,
}

/// 预算.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    #[serde(default)]
    pub initial: Option<Dec>,
    #[serde(default)]
    pub full_year: Option<Dec>,
    /// 年中追加（调整）数: full-year budget − initial budget, signed.
    #[serde(default)]
    pub adjustment: Option<Dec>,
    #[serde(default)]
    pub income: Option<Dec>,
    #[serde(default)]
    pub income_change: Option<Dec>,
    #[serde(default)]
    pub income_sources: Vec<Item>,
    #[serde(default)]
    pub expenditure: Option<Dec>,
    #[serde(default)]
    pub basic: Option<Dec>,
    #[serde(default)]
    pub project: Option<Dec>,
    #[serde(default)]
    pub note: Option<String>,
}

/// 决算.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FinalAccounts {
    #[serde(default)]
    pub opening_balance: Option<Dec>,
    #[serde(default)]
    pub income: Option<Dec>,
    #[serde(default)]
    pub income_sources: Vec<Item>,
    /// 资金来源总计 (收入总计): income plus the balance brought forward.
    #[serde(default)]
    pub sources_total: Option<Dec>,
    #[serde(default)]
    pub expenditure: Option<Dec>,
    /// 按功能分类的支出 (一般公共服务支出 201 …).
    #[serde(default)]
    pub by_function: Vec<Item>,
    #[serde(default)]
    pub closing_balance: Option<Dec>,
    #[serde(default)]
    pub execution_rate: Option<Dec>,
    #[serde(default)]
    pub note: Option<String>,
}

/// 支出.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expenditure {
    #[serde(default)]
    pub total: Option<Dec>,
    #[serde(default)]
    pub basic: Option<Dec>,
    #[serde(default)]
    pub basic_share: Option<Dec>,
    #[serde(default)]
    pub personnel: Option<Dec>,
    #[serde(default)]
    pub personnel_share: Option<Dec>,
    #[serde(default)]
    pub public: Option<Dec>,
    #[serde(default)]
    pub public_share: Option<Dec>,
    /// 会议费, within public expenses.
    #[serde(default)]
    pub meetings: Option<Dec>,
    /// 培训费, within public expenses.
    #[serde(default)]
    pub training: Option<Dec>,
    #[serde(default)]
    pub project: Option<Dec>,
    #[serde(default)]
    pub project_share: Option<Dec>,
    #[serde(default)]
    pub by_fund: Vec<FundSpending>,
    #[serde(default)]
    pub project_items: Vec<Item>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Budget a spending line is paid from.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Fund {
    GeneralPublic,
    GovernmentFunds,
    StateCapital,
    SocialInsurance,
    FiscalAppropriation,
    Other,
}

impl Fund {
    /// The snake_case key, as written in front matter.
    pub fn key(self) -> &'static str {
        match self {
            Fund::GeneralPublic => "general_public",
            Fund::GovernmentFunds => "government_funds",
            Fund::StateCapital => "state_capital",
            Fund::SocialInsurance => "social_insurance",
            Fund::FiscalAppropriation => "fiscal_appropriation",
            Fund::Other => "other",
        }
    }
}

/// Spending from one budget (一般公共预算, 政府性基金预算 …).
#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FundSpending {
    pub fund: Fund,
    #[serde(default)]
    pub total: Option<Dec>,
    #[serde(default)]
    pub basic: Option<Dec>,
    #[serde(default)]
    pub project: Option<Dec>,
    #[serde(default)]
    pub note: Option<String>,
}

/// “三公”经费.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThreePublic {
    #[serde(default)]
    pub total: Option<SpendingLine>,
    #[serde(default)]
    pub overseas_travel: Option<SpendingLine>,
    #[serde(default)]
    pub hospitality: Option<SpendingLine>,
    #[serde(default)]
    pub vehicles: Option<SpendingLine>,
}

impl ThreePublic {
    /// The lines by key, total first, in the form's order.
    pub fn lines(&self) -> [(&'static str, Option<&SpendingLine>); 4] {
        [
            ("total", self.total.as_ref()),
            ("overseas_travel", self.overseas_travel.as_ref()),
            ("hospitality", self.hospitality.as_ref()),
            ("vehicles", self.vehicles.as_ref()),
        ]
    }

    /// The line with this key.
    pub fn line(&self, key: &str) -> Option<&SpendingLine> {
        self.lines().into_iter().find(|(k, _)| *k == key).and_then(|(_, l)| l)
    }
}

impl SpendingLine {
    /// A figure of the line by its key (`budget`, `actual`, `rate` …).
    pub fn figure(&self, key: &str) -> Option<Dec> {
        match key {
            "budget" => self.budget,
            "actual" => self.actual,
            "rate" => self.rate,
            "previous" => self.previous,
            "change" => self.change,
            "change_pct" => self.change_pct,
            "batches" => self.batches,
            "people" => self.people,
            "purchase" => self.purchase,
            "operation" => self.operation,
            _ => None,
        }
    }
}

/// One line of “三公”经费: budget against actual, with the stated rate and change.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SpendingLine {
    #[serde(default)]
    pub budget: Option<Dec>,
    #[serde(default)]
    pub actual: Option<Dec>,
    #[serde(default)]
    pub rate: Option<Dec>,
    /// 上年决算数.
    #[serde(default)]
    pub previous: Option<Dec>,
    #[serde(default)]
    pub change: Option<Dec>,
    #[serde(default)]
    pub change_pct: Option<Dec>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub batches: Option<Dec>,
    #[serde(default)]
    pub people: Option<Dec>,
    #[serde(default)]
    pub purchase: Option<Dec>,
    #[serde(default)]
    pub operation: Option<Dec>,
    #[serde(default)]
    pub note: Option<String>,
}

/// 资产.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assets {
    #[serde(default)]
    pub total: Option<Dec>,
    #[serde(default)]
    pub current: Option<Dec>,
    #[serde(default)]
    pub current_share: Option<Dec>,
    #[serde(default)]
    pub non_current: Option<Dec>,
    #[serde(default)]
    pub non_current_share: Option<Dec>,
    #[serde(default)]
    pub fixed_net: Option<Dec>,
    #[serde(default)]
    pub intangible_net: Option<Dec>,
    #[serde(default)]
    pub as_of: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// 人员与车辆.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Staffing {
    #[serde(default)]
    pub authorized: Option<Dec>,
    #[serde(default)]
    pub authorized_type: Option<String>,
    /// 内设机构数.
    #[serde(default)]
    pub internal_bodies: Option<Dec>,
    #[serde(default)]
    pub actual: Option<Dec>,
    #[serde(default)]
    pub categories: Vec<Item>,
    #[serde(default)]
    pub vehicles_authorized: Option<Dec>,
    #[serde(default)]
    pub vehicles_actual: Option<Dec>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A labelled figure in a list: an income source, a project item, an economic result.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    #[serde(default)]
    pub key: Option<String>,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub label_en: Option<String>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub name_en: Option<String>,
    pub value: Dec,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub share: Option<Dec>,
    #[serde(default)]
    pub change: Option<Dec>,
    #[serde(default)]
    pub change_pct: Option<Dec>,
    #[serde(default)]
    pub fund: Option<Fund>,
    /// The target the report set for this figure, as written (`30个以上`, `同比增长13%`):
    /// shown against the figure in the page's summary of targets and results.
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub target_en: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub also_stated: Vec<AlsoStated>,
}

/// The same figure stated differently elsewhere in the report.
#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AlsoStated {
    pub value: Dec,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(rename = "where", default)]
    pub place: Option<String>,
}

/// The funds block of a self-evaluation form: 项目资金 of the 项目支出绩效自评表, 年度预算资金 of
/// the 部门整体支出绩效自评表. Its own figures are the 年度资金总额 row; `rows` are the rows under it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectFunds {
    /// 项目总投资 (all years, all sources).
    #[serde(default)]
    pub investment: Option<Dec>,
    /// 其中：财政拨款, of the total investment.
    #[serde(default)]
    pub investment_fiscal: Option<Dec>,
    #[serde(default)]
    pub initial: Option<Dec>,
    #[serde(default)]
    pub full_year: Option<Dec>,
    #[serde(default)]
    pub actual: Option<Dec>,
    #[serde(default)]
    pub rate: Option<Dec>,
    #[serde(default)]
    pub weight: Option<Dec>,
    #[serde(default)]
    pub score: Option<Dec>,
    /// The rows under 年度资金总额: 当年财政拨款 / 上年结转资金 / 其他资金 (project form), by
    /// income and by spending (department form).
    #[serde(default)]
    pub rows: Vec<FundsRow>,
    #[serde(default)]
    pub note: Option<String>,
}

/// One row of a self-evaluation form's funds block. A row with no figures is a row the form
/// prints blank: shown blank, never 0 and never "not disclosed".
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FundsRow {
    /// A key of the form's rows (`fiscal`, `carryover`, `other`, `general_public` …).
    #[serde(default)]
    pub key: Option<String>,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub label_en: Option<String>,
    #[serde(default)]
    pub initial: Option<Dec>,
    #[serde(default)]
    pub full_year: Option<Dec>,
    #[serde(default)]
    pub actual: Option<Dec>,
    #[serde(default)]
    pub rate: Option<Dec>,
    #[serde(default)]
    pub weight: Option<Dec>,
    #[serde(default)]
    pub score: Option<Dec>,
    #[serde(default)]
    pub note: Option<String>,
}

impl FundsRow {
    /// A figure of the row by its column key.
    pub fn figure(&self, key: &str) -> Option<Dec> {
        match key {
            "initial" => self.initial,
            "full_year" => self.full_year,
            "actual" => self.actual,
            "rate" => self.rate,
            "weight" => self.weight,
            "score" => self.score,
            _ => None,
        }
    }
}

impl ProjectFunds {
    /// A figure of the 年度资金总额 row by its column key.
    pub fn figure(&self, key: &str) -> Option<Dec> {
        match key {
            "initial" => self.initial,
            "full_year" => self.full_year,
            "actual" => self.actual,
            "rate" => self.rate,
            "weight" => self.weight,
            "score" => self.score,
            _ => None,
        }
    }
}

/// A head of the indicator table with its weight: a level-one head (产出指标（50分）), or a
/// level-two head under one when `level2` is given.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorGroup {
    pub level1: String,
    #[serde(default)]
    pub level2: Option<String>,
    #[serde(default)]
    pub weight: Option<Dec>,
    #[serde(default)]
    pub score: Option<Dec>,
}

impl Indicator {
    /// A row the form prints with no indicator (成本指标 with nothing under it): no target,
    /// result, weight or score.
    pub fn is_blank(&self) -> bool {
        self.level3.as_deref().is_none_or(|s| s.trim().is_empty())
            && self.target.is_none()
            && self.actual.is_none()
            && self.weight.is_none()
            && self.score.is_none()
            && self.target_value.is_none()
            && self.actual_value.is_none()
    }
}

/// 年度总体目标: expected against achieved.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub actual: Option<String>,
}

/// One row of the indicator table.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    #[serde(default)]
    pub level1: Option<String>,
    #[serde(default)]
    pub level2: Option<String>,
    #[serde(default)]
    pub level3: Option<String>,
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub target_value: Option<Dec>,
    #[serde(default)]
    pub actual: Option<String>,
    #[serde(default)]
    pub actual_value: Option<Dec>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub weight: Option<Dec>,
    #[serde(default)]
    pub score: Option<Dec>,
    #[serde(default)]
    pub deviation: Option<String>,
}

/// The English file's front matter: translated text only, no figures.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TranslationFront {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub unit_name: Option<String>,
    #[serde(default)]
    pub project_name: Option<String>,
    /// 主管部门, translated.
    #[serde(default)]
    pub department: Option<String>,
    /// 实施单位, translated.
    #[serde(default)]
    pub implementer: Option<String>,
    /// 项目实施期, translated.
    #[serde(default)]
    pub period: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub translation_note: Option<String>,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub indicators: Vec<IndicatorText>,
    /// 备注 of the form, translated.
    #[serde(default)]
    pub remark: Option<String>,
}

/// Translated text of one indicator row.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorText {
    #[serde(default)]
    pub level1: Option<String>,
    #[serde(default)]
    pub level2: Option<String>,
    #[serde(default)]
    pub level3: Option<String>,
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub actual: Option<String>,
    #[serde(default)]
    pub deviation: Option<String>,
}

/// The English profile's front matter (optional; text only).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileTranslationFront {
    #[serde(default)]
    pub name: Option<String>,
}
