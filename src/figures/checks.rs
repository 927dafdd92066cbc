//! Cross-checks (勾稽关系) between the figures of one report, in exact decimal arithmetic.
//!
//! Each check compares a stated figure with what the other stated figures imply. Published
//! figures are rounded, so every input carries the uncertainty of its last written decimal
//! (`552.28` means 552.275–552.285). A check:
//! - **passes** when the computed value, rounded to the stated decimals, equals the stated one;
//! - is **rounding** when they differ but the ranges overlap (552.28 vs 464.79 + 87.50 = 552.29);
//! - is a **mismatch** otherwise: a warning, shown on the page and in `gongkai check`.
//!
//! Checks run only where every figure they need is disclosed.

use crate::content::Report;
use crate::content::locate::{Seg, locate};
use crate::content::model::*;
use crate::decimal::Dec;
use crate::schema::{self, Place, Rule, grade_names};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// Outcome of one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Passed,
    Rounding,
    Mismatch,
}

/// One check of one report.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Check {
    /// Stable identifier of the rule, e.g. `expenditure.basic = personnel + public`.
    pub rule: String,
    pub rule_zh: String,
    pub rule_en: String,
    /// Front-matter path of the stated figure.
    pub figure: String,
    pub stated: Dec,
    /// What the other figures imply, at a precision of 4 decimals beyond the stated ones.
    pub computed: Dec,
    pub difference: Dec,
    pub status: Status,
    /// Line of the stated figure in the report file.
    pub line: Option<usize>,
    #[serde(skip)]
    pub column: Option<usize>,
    /// For the grade check: the grade stated and the grade the score earns (`stated` and
    /// `computed` are then both the score, so they cannot say what is wrong).
    #[serde(skip)]
    pub grades: Option<(Grade, Grade)>,
    /// True when the check compares one figure stated in two places (`also_stated`): its
    /// `computed` is then the other statement, and messages say so.
    #[serde(skip)]
    pub stated_twice: bool,
}

impl Check {
    /// The computed value as readers see it: to the stated figure's decimals, so a rate
    /// computed from rounded amounts reads 100.00%, never 100.000002% (the data keep the
    /// extra decimals).
    pub fn computed_shown(&self) -> Dec {
        to_scale(self.computed, self.stated.scale())
    }

    /// The difference as readers see it, to the stated figure's decimals.
    pub fn difference_shown(&self) -> Dec {
        to_scale(self.difference, self.stated.scale())
    }

    /// The page's notice for a grade that does not match its score, in Chinese (`zh`) or
    /// English; `None` for every other check.
    pub fn grade_notice(&self, zh: bool) -> Option<String> {
        let (stated, earned) = self.grades?;
        let score = self.stated.grouped();
        let range = grade_range(earned);
        Some(if zh {
            format!(
                "绩效等级“{}”与自评得分 {score} 不符：{}应为“{}”",
                grade_label(stated, true),
                range.0,
                grade_label(earned, true)
            )
        } else {
            format!(
                "The grade {} does not match the score of {score}: {} is {}",
                grade_label(stated, false),
                range.1,
                grade_label(earned, false)
            )
        })
    }
}

/// `d` rounded (half away from zero) to at most `scale` decimals (a weight of 10 stays 10).
fn to_scale(d: Dec, scale: u32) -> Dec {
    Dec(d
        .0
        .round_dp_with_strategy(scale, RoundingStrategy::MidpointAwayFromZero))
}

/// A grade as the page shows it: `良`, or `良 (Good)` in English.
pub fn grade_label(g: Grade, zh: bool) -> String {
    let (name_zh, name_en) = crate::schema::grade_names(g);
    if zh {
        name_zh.to_string()
    } else {
        format!("{name_zh} ({name_en})")
    }
}

/// The scores that earn a grade, in Chinese and English (优 ≥ 90, 良 80 to under 90 …).
pub fn grade_range(g: Grade) -> (&'static str, &'static str) {
    match g {
        Grade::Excellent => ("90 分及以上", "a score of 90 or more"),
        Grade::Good => ("80 分至不足 90 分", "a score of 80 to under 90"),
        Grade::Fair => ("60 分至不足 80 分", "a score of 60 to under 80"),
        Grade::Poor => ("不足 60 分", "a score under 60"),
    }
}

/// A computed value with the range its rounded inputs allow.
#[derive(Clone, Copy, Debug)]
struct Approx {
    v: Decimal,
    lo: Decimal,
    hi: Decimal,
}

impl Approx {
    /// A stated figure, uncertain by half a unit of its last decimal (none for counts).
    fn stated(d: Dec, exact: bool) -> Approx {
        let h = if exact { Decimal::ZERO } else { half_unit(d) };
        Approx {
            v: d.0,
            lo: d.0 - h,
            hi: d.0 + h,
        }
    }

    fn scaled(self, factor: Decimal) -> Approx {
        let (a, b) = (self.lo * factor, self.hi * factor);
        Approx {
            v: self.v * factor,
            lo: a.min(b),
            hi: a.max(b),
        }
    }

    /// `self × factor`, or `None` beyond what a decimal holds (a rate of 10¹⁶ %).
    fn checked_scaled(self, factor: Decimal) -> Option<Approx> {
        let (a, b) = (self.lo.checked_mul(factor)?, self.hi.checked_mul(factor)?);
        Some(Approx {
            v: self.v.checked_mul(factor)?,
            lo: a.min(b),
            hi: a.max(b),
        })
    }

    fn add(self, o: Approx) -> Approx {
        Approx {
            v: self.v + o.v,
            lo: self.lo + o.lo,
            hi: self.hi + o.hi,
        }
    }

    fn sub(self, o: Approx) -> Approx {
        Approx {
            v: self.v - o.v,
            lo: self.lo - o.hi,
            hi: self.hi - o.lo,
        }
    }

    /// `self / o × 100`; `None` when the divisor's range includes zero or the result is
    /// beyond what a decimal holds (a ratio to a near-zero figure).
    fn pct(self, o: Approx) -> Option<Approx> {
        if o.lo <= Decimal::ZERO && o.hi >= Decimal::ZERO {
            return None;
        }
        let h = Decimal::ONE_HUNDRED;
        let div = |a: Decimal, b: Decimal| a.checked_div(b)?.checked_mul(h);
        let c = [
            div(self.lo, o.lo)?,
            div(self.lo, o.hi)?,
            div(self.hi, o.lo)?,
            div(self.hi, o.hi)?,
        ];
        let lo = c.iter().copied().fold(c[0], Decimal::min);
        let hi = c.iter().copied().fold(c[0], Decimal::max);
        Some(Approx {
            v: div(self.v, o.v)?,
            lo,
            hi,
        })
    }
}

fn half_unit(d: Dec) -> Decimal {
    Decimal::new(5, d.scale() + 1)
}

/// Compares a stated figure with a computed one: (status, computed shown, difference).
fn judge(stated: Dec, c: Approx) -> (Status, Dec, Dec) {
    let rounded =
        c.v.round_dp_with_strategy(stated.scale(), RoundingStrategy::MidpointAwayFromZero);
    let shown = Dec(c
        .v
        .round_dp_with_strategy(stated.scale() + 4, RoundingStrategy::MidpointAwayFromZero)
        .normalize());
    let diff = Dec((c.v - stated.0)
        .round_dp_with_strategy(stated.scale() + 4, RoundingStrategy::MidpointAwayFromZero)
        .normalize());
    if rounded == stated.0 {
        return (Status::Passed, shown, diff);
    }
    let h = half_unit(stated);
    let overlap = c.lo <= stated.0 + h && c.hi >= stated.0 - h;
    (if overlap { Status::Rounding } else { Status::Mismatch }, shown, diff)
}

/// Chinese and English names of a figure, for rule descriptions.
type Names<'n> = (&'n str, &'n str);

struct Ctx<'a> {
    report: &'a Report,
    out: Vec<Check>,
}

impl Ctx<'_> {
    /// Converts to the report's amount unit.
    fn unit_factor(&self, unit: Option<&str>) -> Option<Decimal> {
        let base = &self.report.front.amount_unit;
        schema::money_factor(unit.unwrap_or(base), base)
    }

    fn push(&mut self, rule: &str, zh: String, en: String, path: &[Seg], stated: Dec, computed: Option<Approx>) {
        let Some(c) = computed else { return };
        let (status, computed, difference) = judge(stated, c);
        let pos = locate(&self.report.front_yaml, self.report.front_line, path);
        self.out.push(Check {
            rule: rule.to_string(),
            rule_zh: zh,
            rule_en: en,
            figure: path_name(path),
            stated,
            computed,
            difference,
            status,
            line: pos.map(|p| p.0),
            column: pos.map(|p| p.1),
            grades: None,
            stated_twice: false,
        });
    }

    /// A check decided by exact comparison (points, counts, a figure stated twice).
    fn exact(
        &mut self,
        (rule, zh, en): (&str, String, String),
        path: &[Seg],
        stated: Dec,
        computed: Decimal,
        status: Status,
    ) {
        let pos = locate(&self.report.front_yaml, self.report.front_line, path);
        self.out.push(Check {
            rule: rule.to_string(),
            rule_zh: zh,
            rule_en: en,
            figure: path_name(path),
            stated,
            computed: Dec(computed.normalize()),
            difference: Dec((computed - stated.0).normalize()),
            status,
            line: pos.map(|p| p.0),
            column: pos.map(|p| p.1),
            grades: None,
            stated_twice: false,
        });
    }

    /// `stated = Σ parts`.
    fn sum(
        &mut self,
        rule: &str,
        total: Names,
        parts: &[Names<'_>],
        path: &[Seg],
        stated: Option<Dec>,
        values: &[Option<Approx>],
    ) {
        let (Some(stated), Some(first)) = (stated, values.first().copied().flatten()) else {
            return;
        };
        if values.iter().any(Option::is_none) {
            return;
        }
        let computed = values[1..].iter().flatten().fold(first, |acc, v| acc.add(*v));
        let zh = format!(
            "{} = {}",
            total.0,
            parts.iter().map(|p| p.0).collect::<Vec<_>>().join(" + ")
        );
        let en = format!(
            "{} = {}",
            total.1,
            parts.iter().map(|p| p.1).collect::<Vec<_>>().join(" + ")
        );
        self.push(rule, zh, en, path, stated, Some(computed));
    }

    /// `stated = Σ items` (units converted to the report's amount unit).
    fn items_sum(
        &mut self,
        rule: &str,
        total: Names,
        parts: Names,
        path: &[Seg],
        stated: Option<Dec>,
        items: &[&Item],
    ) {
        if items.is_empty() {
            return;
        }
        let values: Vec<Option<Approx>> = items.iter().map(|i| item_value(self, i)).collect();
        self.sum(rule, total, &[parts], path, stated, &[sum_all(&values)]);
    }

    /// `stated % = part / whole × 100`.
    fn share(
        &mut self,
        rule: &str,
        names: (String, String),
        path: &[Seg],
        stated: Option<Dec>,
        part: Option<Approx>,
        whole: Option<Approx>,
    ) {
        if let (Some(s), Some(p), Some(w)) = (stated, part, whole) {
            self.push(rule, names.0, names.1, path, s, p.pct(w));
        }
    }
}

fn path_name(path: &[Seg]) -> String {
    let parts: Vec<String> = path
        .iter()
        .map(|s| match s {
            Seg::Key(k) => k.to_string(),
            Seg::Index(i) => i.to_string(),
        })
        .collect();
    parts.join(".")
}

fn a(d: Option<Dec>) -> Option<Approx> {
    d.map(|d| Approx::stated(d, false))
}

/// Chinese and English names of a figure of the form, by front-matter path.
fn name(path: &str) -> Names<'static> {
    let l = schema::label(path);
    (l.zh, l.en)
}

/// A numeric field's value, by section and key.
fn num(f: &ReportFront, section: &str, key: &str) -> Option<Dec> {
    schema::field(&format!("{section}.{key}")).and_then(|x| x.get.num(f))
}

/// Runs every check of the form ([`schema::RULES`]) the report's figures allow.
pub fn check_report(report: &Report) -> Vec<Check> {
    let mut cx = Ctx {
        report,
        out: Vec::new(),
    };
    for rule in schema::RULES {
        apply(&mut cx, rule);
    }
    cx.out
}

fn apply(cx: &mut Ctx, rule: &Rule) {
    let f = &cx.report.front;
    use Seg::Key as K;
    match *rule {
        Rule::Sum { section, total, parts } => {
            let n = |k: &str| name(&format!("{section}.{k}"));
            let names: Vec<Names> = parts.iter().map(|p| n(p)).collect();
            let values: Vec<Option<Approx>> = parts.iter().map(|p| a(num(f, section, p))).collect();
            cx.sum(
                &format!("{section}.{total} = {}", parts.join(" + ")),
                n(total),
                &names,
                &[K(section), K(total)],
                num(f, section, total),
                &values,
            );
        }
        Rule::Share { section, share, whole } => {
            let field = schema::field(&format!("{section}.{share}")).expect("a rule names a field");
            let Place::ShareOf(part, _) = field.place else {
                return;
            };
            cx.share(
                &format!("{section}.{share}"),
                (field.label.zh.to_string(), field.label.en.to_string()),
                &[K(section), K(share)],
                num(f, section, share),
                a(num(f, section, part)),
                a(num(f, section, whole)),
            );
        }
        Rule::ItemsSum {
            section,
            total,
            items,
            parts,
        } => {
            let list = schema::list(section, items).expect("a rule names a list");
            let items_of: Vec<&Item> = (list.get)(f).iter().collect();
            cx.items_sum(
                &format!("{section}.{total} = sum of {items}"),
                name(&format!("{section}.{total}")),
                (parts.zh, parts.en),
                &[K(section), K(total)],
                num(f, section, total),
                &items_of,
            );
        }
        Rule::FundLines => fund_lines(cx),
        Rule::IncomeShares => income_shares(cx),
        Rule::Balance => balance(cx),
        Rule::ExecutionRate => execution_rate(cx),
        Rule::ThreePublicTotals => three_public_totals(cx),
        Rule::ThreePublicLines => three_public_lines(cx),
        Rule::StaffInPost => staff_in_post(cx),
        Rule::EconomyGrowth => economy_growth(cx),
        Rule::AlsoStated => also_stated(cx),
        Rule::GradeAgreesWithScore => grade_agrees(cx),
        Rule::IndicatorPoints => indicator_checks(cx),
        Rule::FundsBlock => funds_block(cx),
        Rule::IndicatorGroups => indicator_groups(cx),
    }
}

/// 决算支出: stated in final accounts, or once under 支出 (003-style reports).
fn spent(f: &ReportFront) -> Option<Dec> {
    f.final_accounts
        .as_ref()
        .and_then(|x| x.expenditure)
        .or(f.expenditure.as_ref().and_then(|e| e.total))
}

fn fund_lines(cx: &mut Ctx) {
    use Seg::Key as K;
    let Some(e) = cx.report.front.expenditure.as_ref() else {
        return;
    };
    let n = |k: &str| name(&format!("expenditure.{k}"));
    for (i, fund) in e.by_fund.iter().enumerate() {
        let label = schema::fund_label(fund.fund);
        let k = (label.zh, label.en);
        let items: Vec<&Item> = e.project_items.iter().filter(|it| it.fund == Some(fund.fund)).collect();
        // Project items add up to the budget's project spending; to its total only when it has
        // no basic spending (a total that includes basic spending is not theirs to match).
        let (key, stated, what) = match (fund.project, fund.basic) {
            (Some(p), _) => ("project", Some(p), ("项目支出", "project expenditure")),
            (None, None) => ("total", fund.total, ("支出", "expenditure")),
            (None, Some(_)) => continue,
        };
        let (zh, en) = (format!("{}{}", k.0, what.0), format!("{} {}", k.1, what.1));
        cx.items_sum(
            &format!(
                "expenditure.by_fund.{}.{key} = sum of its project_items",
                fund.fund.key()
            ),
            (&zh, &en),
            ("该预算来源的项目支出明细之和", "sum of its project items"),
            &[K("expenditure"), K("by_fund"), Seg::Index(i), K(key)],
            stated,
            &items,
        );
        if fund.total.is_some() && fund.basic.is_some() && fund.project.is_some() {
            cx.sum(
                &format!("expenditure.by_fund.{}.total = basic + project", fund.fund.key()),
                (k.0, k.1),
                &[n("basic"), n("project")],
                &[K("expenditure"), K("by_fund"), Seg::Index(i), K("total")],
                fund.total,
                &[a(fund.basic), a(fund.project)],
            );
        }
    }
}

fn income_shares(cx: &mut Ctx) {
    use Seg::Key as K;
    let Some(fa) = cx.report.front.final_accounts.as_ref() else {
        return;
    };
    for (i, item) in fa.income_sources.iter().enumerate() {
        let label = (
            item.label.clone().unwrap_or_default(),
            item.label_en.clone().unwrap_or_default(),
        );
        let names = (
            format!("{}占总收入的比例", label.0),
            format!("{}, share of total income", label.1),
        );
        let value = item_value(cx, item);
        cx.share(
            "final_accounts.income_sources.share",
            names,
            &[K("final_accounts"), K("income_sources"), Seg::Index(i), K("share")],
            item.share,
            value,
            a(fa.income),
        );
    }
}

fn balance(cx: &mut Ctx) {
    use Seg::Key as K;
    let f = &cx.report.front;
    let Some(fa) = f.final_accounts.as_ref() else {
        return;
    };
    if let (Some(close), Some(open), Some(inc), Some(out)) =
        (fa.closing_balance, fa.opening_balance, fa.income, spent(f))
    {
        let computed = Approx::stated(open, false)
            .add(Approx::stated(inc, false))
            .sub(Approx::stated(out, false));
        let (close_n, open_n) = (
            name("final_accounts.closing_balance"),
            name("final_accounts.opening_balance"),
        );
        cx.push(
            "final_accounts.closing_balance = opening_balance + income - expenditure",
            format!("{} = {} + 本年收入 − 本年支出", close_n.0, open_n.0),
            format!("{} = {} + income − expenditure", close_n.1, open_n.1),
            &[K("final_accounts"), K("closing_balance")],
            close,
            Some(computed),
        );
    }
}

fn execution_rate(cx: &mut Ctx) {
    use Seg::Key as K;
    let f = &cx.report.front;
    let Some(fa) = f.final_accounts.as_ref() else {
        return;
    };
    // 执行率 = 执行数 ÷ 预算数: the full-year budget where stated, otherwise the funds available.
    let (base, base_names) = match f.budget.as_ref().and_then(|b| b.full_year) {
        Some(fy) => (Some(Approx::stated(fy, false)), ("全年预算数", "full-year budget")),
        None => (
            a(fa.opening_balance).zip(a(fa.income)).map(|(o, i)| o.add(i)),
            ("年初结转结余与本年收入之和", "opening balance plus income"),
        ),
    };
    let rate = name("final_accounts.execution_rate");
    let names = (
        format!("{} = 本年支出 ÷ {}", rate.0, base_names.0),
        format!("{} = expenditure ÷ {}", rate.1, base_names.1),
    );
    cx.share(
        "final_accounts.execution_rate",
        names,
        &[K("final_accounts"), K("execution_rate")],
        fa.execution_rate,
        a(spent(f)),
        base,
    );
}

fn three_public_totals(cx: &mut Ctx) {
    use Seg::Key as K;
    let Some(tp) = cx.report.front.three_public.as_ref() else {
        return;
    };
    let Some(total) = &tp.total else { return };
    let n = |k: &str| name(&format!("three_public.{k}"));
    let all = tp.lines();
    let parts = &all[1..];
    for (what, zh, en) in [("actual", "决算数", "actual"), ("budget", "预算数", "budget")] {
        let get = |l: &SpendingLine| if what == "actual" { l.actual } else { l.budget };
        let values: Vec<Option<Approx>> = parts
            .iter()
            .map(|(_, l)| l.as_ref().and_then(|l| line_value(cx, l, get(l))))
            .collect();
        let keys: Vec<&str> = parts.iter().map(|(k, _)| *k).collect();
        let names: Vec<Names> = keys.iter().map(|k| n(k)).collect();
        let rule = format!("three_public.total.{what} = {}", keys.join(" + "));
        let t = n("total");
        let (tz, te) = (format!("{}{zh}", t.0), format!("{} ({en})", t.1));
        cx.sum(
            &rule,
            (&tz, &te),
            &names,
            &[K("three_public"), K("total"), K(what)],
            line_value(cx, total, get(total)).and(get(total)),
            &values,
        );
    }
}

fn three_public_lines(cx: &mut Ctx) {
    use Seg::Key as K;
    let Some(tp) = cx.report.front.three_public.as_ref() else {
        return;
    };
    for (key, line) in tp.lines() {
        let Some(l) = line else { continue };
        let label = name(&format!("three_public.{key}"));
        cx.share(
            &format!("three_public.{key}.rate"),
            (
                format!("{}完成预算的比例 = 决算数 ÷ 预算数", label.0),
                format!("{}: share of budget used = actual ÷ budget", label.1),
            ),
            &[K("three_public"), K(key), K("rate")],
            l.rate,
            a(l.actual),
            a(l.budget),
        );
        if let (Some(ch), Some(act), Some(prev)) = (l.change, l.actual, l.previous) {
            cx.push(
                &format!("three_public.{key}.change = actual - previous"),
                format!("{}较上年增减 = 决算数 − 上年决算数", label.0),
                format!("{}: change = actual − previous year", label.1),
                &[K("three_public"), K(key), K("change")],
                ch,
                Some(Approx::stated(act, false).sub(Approx::stated(prev, false))),
            );
        }
        if let (Some(pct), Some(ch), Some(act)) = (l.change_pct, l.change, l.actual) {
            let ch = Approx::stated(ch, false);
            let prev = Approx::stated(act, false).sub(ch);
            cx.push(
                &format!("three_public.{key}.change_pct"),
                format!("{}增减率 = 增减额 ÷ 上年数", label.0),
                format!("{}: change % = change ÷ previous year", label.1),
                &[K("three_public"), K(key), K("change_pct")],
                pct,
                ch.pct(prev),
            );
        }
    }
}

fn staff_in_post(cx: &mut Ctx) {
    use Seg::Key as K;
    let Some(st) = cx.report.front.staffing.as_ref() else {
        return;
    };
    // Only the in-post categories add up to 实有人数; contract staff are outside the posts.
    let in_post: Vec<Option<Approx>> = st
        .categories
        .iter()
        .filter(|c| matches!(c.key.as_deref(), Some("management" | "technical" | "support")))
        .map(|c| Some(Approx::stated(c.value, true)))
        .collect();
    if !in_post.is_empty() {
        cx.sum(
            "staffing.actual = management + technical + support",
            name("staffing.actual"),
            &[
                ("管理人员", "management"),
                ("专业技术人员", "technical"),
                ("工勤人员", "support staff"),
            ],
            &[K("staffing"), K("actual")],
            st.actual,
            &[sum_all(&in_post)],
        );
    }
}

fn economy_growth(cx: &mut Ctx) {
    use Seg::Key as K;
    let f = &cx.report.front;
    for (i, item) in f.economy.iter().enumerate() {
        if let (Some(pct), Some(ch)) = (item.change_pct, item.change) {
            let ch = Approx::stated(ch, false);
            let prev = Approx::stated(item.value, false).sub(ch);
            let label = (
                item.label.clone().unwrap_or_default(),
                item.label_en.clone().unwrap_or_default(),
            );
            cx.push(
                "economy.change_pct",
                format!("{}增长率 = 增加额 ÷ 上年数", label.0),
                format!("{}: growth = change ÷ previous year", label.1),
                &[K("economy"), Seg::Index(i), K("change_pct")],
                pct,
                ch.pct(prev),
            );
        }
    }
}

/// Compares one figure stated in two places. Published figures are rounded, so the two agree
/// when the more precise one, rounded to the other's decimals, equals it (861.67497 and
/// 861.675): that is a note (rounding), not a warning.
fn twice_status(stated: Dec, other: Decimal) -> Status {
    if stated.0 == other {
        return Status::Passed;
    }
    let scale = stated.scale().min(other.scale());
    let round = |d: Decimal| d.round_dp_with_strategy(scale, RoundingStrategy::MidpointAwayFromZero);
    if round(stated.0) == round(other) {
        Status::Rounding
    } else {
        Status::Mismatch
    }
}

/// The name of a list item in messages: its label, its project name, the form's name of its
/// key, else its place in the list.
fn item_names(item: &Item, list: &str, i: usize) -> (String, String) {
    let known = item.key.as_deref().and_then(|k| {
        let (section, key) = list.rsplit_once('.').unwrap_or(("", list));
        schema::list(section, key)
            .or_else(|| schema::list(list, list))
            .and_then(|l| schema::find(l.known, k))
    });
    let zh = item
        .label
        .clone()
        .or(item.name.clone())
        .or(known.map(|k| k.label.zh.to_string()))
        .unwrap_or_else(|| format!("第{}项", i + 1));
    let en = item
        .label_en
        .clone()
        .or(item.name_en.clone())
        .or(known.map(|k| k.label.en.to_string()))
        .or(item.label.clone().or(item.name.clone()))
        .unwrap_or_else(|| format!("item {}", i + 1));
    (zh, en)
}

/// A figure stated twice: a list item's `also_stated`, or any field of the form through the
/// report's top-level `also_stated` (keyed by the field's path).
fn also_stated(cx: &mut Ctx) {
    use Seg::Key as K;
    let f = &cx.report.front;
    let mut twice = Vec::new();
    let lists: [(&str, &[Item]); 2] = [
        ("economy", &f.economy),
        (
            "expenditure.project_items",
            f.expenditure
                .as_ref()
                .map(|e| e.project_items.as_slice())
                .unwrap_or(&[]),
        ),
    ];
    for (list, items) in lists {
        for (i, item) in items.iter().enumerate() {
            let mine = cx.unit_factor(item.unit.as_deref());
            for (j, other) in item.also_stated.iter().enumerate() {
                let u = cx.unit_factor(other.unit.as_deref().or(item.unit.as_deref()));
                if let (Some(u), Some(mine)) = (u, mine) {
                    let mut path: Vec<Seg> = list.split('.').map(K).collect();
                    path.extend([Seg::Index(i), K("value")]);
                    let names = item_names(item, list, i);
                    twice.push((
                        format!("{list}.also_stated"),
                        names,
                        path,
                        j,
                        item.value,
                        other.value.0 * u / mine,
                    ));
                }
            }
        }
    }
    for (key, others) in &f.also_stated {
        let Some(field) = schema::field(key) else { continue };
        let Some(stated) = field.get.num(f) else { continue };
        let path: Vec<Seg> = key.split('.').map(K).collect();
        for (j, other) in others.iter().enumerate() {
            // Amounts may be restated in another money unit; other kinds only in their own.
            let factor = match (field.unit, other.unit.as_deref()) {
                (_, None) => Some(Decimal::ONE),
                (schema::Unit::Amount, Some(u)) => cx.unit_factor(Some(u)),
                (schema::Unit::Of(own), Some(u)) if own == u => Some(Decimal::ONE),
                _ => None,
            };
            let Some(factor) = factor else { continue };
            let names = (field.label.zh.to_string(), field.label.en.to_string());
            twice.push((
                format!("{key}.also_stated"),
                names,
                path.clone(),
                j,
                stated,
                other.value.0 * factor,
            ));
        }
    }
    for (rule, label, path, j, stated, other) in twice {
        // Most figures are restated once; a second or third restatement is numbered.
        let (nth_zh, nth_en) = match j {
            0 => (String::new(), String::new()),
            _ => (format!("（另列之{}）", j + 1), format!(" (restatement {})", j + 1)),
        };
        let zh = format!("{}：报告另处所列应为同一数值{nth_zh}", label.0);
        let en = format!(
            "{}: stated again elsewhere in the report, the same figure{nth_en}",
            label.1
        );
        let status = twice_status(stated, other);
        cx.exact((&rule, zh, en), &path, stated, other, status);
        if let Some(check) = cx.out.last_mut() {
            check.stated_twice = true;
        }
    }
}

/// The lowest score of each grade: the form's own scale where its 备注 sets one, else the
/// standard 90 / 80 / 60.
fn scale_of(f: &ReportFront) -> [Decimal; 3] {
    let s = f.evaluation.as_ref().and_then(|e| e.scale.as_ref());
    let pick = |v: Option<Dec>, d: i64| v.map_or(Decimal::from(d), |v| v.0);
    [
        pick(s.and_then(|s| s.excellent), 90),
        pick(s.and_then(|s| s.good), 80),
        pick(s.and_then(|s| s.fair), 60),
    ]
}

fn grade_agrees(cx: &mut Ctx) {
    use Seg::Key as K;
    let f = &cx.report.front;
    let Some(ev) = &f.evaluation else { return };
    let (Some(score), Some(grade)) = (ev.score, ev.grade) else {
        return;
    };
    let scale = scale_of(f);
    let expected = grade_in(score, scale);
    let (zh, en) = grade_names(expected);
    let s = score.grouped();
    let [a, b, c] = scale.map(|d| d.normalize().to_string());
    let rule_zh = format!("等级与得分相符（优 ≥ {a}，良 {b}–{a}，中 {c}–{b}，差 < {c}；{s} 分应为“{zh}”）");
    let rule_en = format!(
        "Grade agrees with score (Excellent ≥ {a}, Good {b}–{a}, Fair {c}–{b}, Poor < {c}; {s} points is {en})"
    );
    cx.exact(
        ("evaluation.grade agrees with score", rule_zh, rule_en),
        &[K("evaluation"), K("grade")],
        score,
        score.0,
        if expected == grade {
            Status::Passed
        } else {
            Status::Mismatch
        },
    );
    if let Some(check) = cx.out.last_mut() {
        check.grades = Some((grade, expected));
    }
}

/// Checks that a score does not exceed its weight; the rule names the row, the score and the
/// weight, so the message says which row of the form is wrong.
fn score_within_weight(cx: &mut Ctx, rule: &str, row: (&str, &str), path: &[Seg], weight: Dec, score: Dec) {
    let (w, s) = (weight.grouped(), score.grouped());
    cx.exact(
        (
            rule,
            format!("{}：得分（{s}）应不超过分值（{w}）", row.0),
            format!("{}: the score ({s}) must not exceed the weight ({w})", row.1),
        ),
        path,
        score,
        weight.0,
        if score.0 <= weight.0 {
            Status::Passed
        } else {
            Status::Mismatch
        },
    );
}

/// The name of an indicator row: its level-three name, else its heads.
fn indicator_name(ind: &Indicator, i: usize) -> String {
    [&ind.level3, &ind.level2, &ind.level1]
        .into_iter()
        .flatten()
        .find(|s| !s.trim().is_empty())
        .cloned()
        .unwrap_or_else(|| format!("第{}行", i + 1))
}

/// The funds row's weight or score (0 when the form has no funds row).
fn funds_points(f: &ReportFront, get: fn(&ProjectFunds) -> Option<Dec>) -> Decimal {
    f.project.as_ref().and_then(get).map(|d| d.0).unwrap_or_default()
}

/// Indicator table: points are awarded, not measured, so they add up exactly. Rows the form
/// prints blank hold no points: they are left out of the sums, and switch no check off.
fn indicator_checks(cx: &mut Ctx) {
    let f = &cx.report.front;
    use Seg::Key as K;
    for (i, ind) in f.indicators.iter().enumerate() {
        if let (Some(w), Some(s)) = (ind.weight, ind.score) {
            let name = indicator_name(ind, i);
            score_within_weight(
                cx,
                "indicators.score <= weight",
                (&name, &name),
                &[K("indicators"), Seg::Index(i), K("score")],
                w,
                s,
            );
        }
    }
    let rows: Vec<&Indicator> = f.indicators.iter().filter(|i| !i.is_blank()).collect();
    if rows.is_empty() {
        return;
    }
    let weights: Option<Vec<Decimal>> = rows.iter().map(|i| i.weight.map(|d| d.0)).collect();
    let has = |word: &str| {
        rows.iter()
            .any(|i| i.level1.as_deref().is_some_and(|l| l.contains(word)))
    };
    // Only a whole table adds up to 100: one with outputs and outcomes, or with its heads.
    let whole = (has("产出") && has("效益")) || !f.indicator_groups.is_empty();
    if let (Some(ws), true) = (weights, whole) {
        let total = ws.iter().sum::<Decimal>() + funds_points(f, |p| p.weight);
        let hundred = Dec(Decimal::ONE_HUNDRED);
        cx.exact(
            (
                "indicators: total weight = 100",
                "分值合计为 100（含资金执行率分值）".into(),
                "Weights add up to 100 (including the funds line)".into(),
            ),
            &[K("indicators")],
            hundred,
            total,
            if total == hundred.0 {
                Status::Passed
            } else {
                Status::Mismatch
            },
        );
    }
    let scores: Option<Vec<Decimal>> = rows.iter().map(|i| i.score.map(|d| d.0)).collect();
    if let (Some(scores), Some(total)) = (scores, f.evaluation.as_ref().and_then(|e| e.score)) {
        let sum = scores.iter().sum::<Decimal>() + funds_points(f, |p| p.score);
        cx.exact(
            (
                "evaluation.score = sum of indicator scores",
                "总分 = 各指标得分之和（含资金执行率得分）".into(),
                "Total score = sum of indicator scores (including the funds line)".into(),
            ),
            &[K("evaluation"), K("score")],
            total,
            sum,
            if sum == total.0 {
                Status::Passed
            } else {
                Status::Mismatch
            },
        );
    }
}

/// Each head of the indicator table (产出指标（50分）): its weight and score are its rows'.
fn indicator_groups(cx: &mut Ctx) {
    use Seg::Key as K;
    let f = &cx.report.front;
    for (g, group) in f.indicator_groups.iter().enumerate() {
        let name = match &group.level2 {
            Some(l2) => format!("{}·{l2}", group.level1),
            None => group.level1.clone(),
        };
        let under: Vec<&Indicator> = f
            .indicators
            .iter()
            .filter(|i| !i.is_blank())
            .filter(|i| i.level1.as_deref().map(str::trim) == Some(group.level1.trim()))
            .filter(|i| {
                group
                    .level2
                    .as_deref()
                    .is_none_or(|l2| i.level2.as_deref().map(str::trim) == Some(l2.trim()))
            })
            .collect();
        if let (Some(w), Some(s)) = (group.weight, group.score) {
            score_within_weight(
                cx,
                "indicator_groups.score <= weight",
                (&name, &name),
                &[K("indicator_groups"), Seg::Index(g), K("score")],
                w,
                s,
            );
        }
        for (what, zh, en, stated, get) in [
            (
                "weight",
                "分值",
                "weight",
                group.weight,
                (|i: &Indicator| i.weight) as fn(&Indicator) -> Option<Dec>,
            ),
            ("score", "得分", "score", group.score, |i: &Indicator| i.score),
        ] {
            let values: Option<Vec<Decimal>> = under.iter().map(|i| get(i).map(|d| d.0)).collect();
            let (Some(stated), Some(values), false) = (stated, values, under.is_empty()) else {
                continue;
            };
            let sum: Decimal = values.iter().sum();
            cx.exact(
                (
                    &format!("indicator_groups.{what} = sum of its indicators"),
                    format!("{name}{zh} = 其下各指标{zh}之和"),
                    format!("{name}: {en} = sum of its indicators' {en}s"),
                ),
                &[K("indicator_groups"), Seg::Index(g), K(what)],
                stated,
                sum,
                if sum == stated.0 {
                    Status::Passed
                } else {
                    Status::Mismatch
                },
            );
        }
    }
}

/// A row of the funds block: its path, its names, and its six figures in the form's order.
type FundsLine<'p> = (Vec<Seg<'p>>, (String, String), [Option<Dec>; 6]);

/// The funds block of a self-evaluation form: each row's rate and score, and each group of
/// rows against 年度资金总额. Blank rows and blank cells add nothing and switch nothing off.
fn funds_block(cx: &mut Ctx) {
    use Seg::Key as K;
    let Some(p) = cx.report.front.project.as_ref() else {
        return;
    };
    let total = schema::l("年度资金总额", "Total funds for the year");
    let mut rows: Vec<FundsLine> = vec![(
        vec![K("project")],
        (total.zh.to_string(), total.en.to_string()),
        [p.initial, p.full_year, p.actual, p.rate, p.weight, p.score],
    )];
    for (i, r) in p.rows.iter().enumerate() {
        let known = r
            .key
            .as_deref()
            .and_then(|k| schema::FUNDS_ROWS.iter().find(|(x, _)| x.key == k));
        let zh = r
            .label
            .clone()
            .or(known.map(|(k, _)| k.label.zh.to_string()))
            .unwrap_or_else(|| format!("第{}行", i + 1));
        let en = r
            .label_en
            .clone()
            .or(known.map(|(k, _)| k.label.en.to_string()))
            .unwrap_or_else(|| format!("row {}", i + 1));
        rows.push((
            vec![K("project"), K("rows"), Seg::Index(i)],
            (zh, en),
            [r.initial, r.full_year, r.actual, r.rate, r.weight, r.score],
        ));
    }
    for (path, (zh, en), [_, full_year, actual, rate, weight, score]) in &rows {
        let at = |k| {
            let mut p = path.clone();
            p.push(K(k));
            p
        };
        cx.share(
            "project.rate = actual / full_year",
            (
                format!("{zh}执行率 = 全年执行数 ÷ 全年预算数"),
                format!("{en}: execution rate = actual ÷ full-year budget"),
            ),
            &at("rate"),
            *rate,
            a(*actual),
            a(*full_year),
        );
        if let (Some(w), Some(s)) = (*weight, *score) {
            score_within_weight(cx, "project.score <= weight", (zh, en), &at("score"), w, s);
            // 得分 = 执行率 × 分值, at most 分值; the stated rate where given, else the amounts'.
            let pct = a(*rate).or_else(|| a(*actual).zip(a(*full_year)).and_then(|(x, y)| x.pct(y)));
            if let Some(raw) = pct.and_then(|p| p.checked_scaled(w.0 / Decimal::ONE_HUNDRED)) {
                let cap = |d: Decimal| d.min(w.0);
                let earned = Approx {
                    v: cap(raw.v),
                    lo: cap(raw.lo),
                    hi: cap(raw.hi),
                };
                cx.push(
                    "project.score = rate × weight",
                    format!("{zh}得分 = 执行率 × 分值（不超过分值）"),
                    format!("{en}: score = execution rate × weight (at most the weight)"),
                    &at("score"),
                    s,
                    Some(earned),
                );
            }
        }
    }
    // Each group of rows (by source, by kind of income, by kind of spending) adds up to the
    // total row, column by column.
    let [t_initial, t_full, t_actual, ..] = rows[0].2;
    for group in ["source", "income", "spending"] {
        let members: Vec<&FundsRow> = p
            .rows
            .iter()
            .filter(|r| {
                r.key
                    .as_deref()
                    .and_then(|k| schema::FUNDS_ROWS.iter().find(|(x, _)| x.key == k))
                    .is_some_and(|(_, g)| *g == group)
            })
            .collect();
        if members.is_empty() {
            continue;
        }
        for (col, stated) in [("initial", t_initial), ("full_year", t_full), ("actual", t_actual)] {
            let values: Vec<Approx> = members.iter().filter_map(|r| a(r.figure(col))).collect();
            let Some(sum) = values.into_iter().reduce(Approx::add) else {
                continue;
            };
            let column = schema::FUNDS_COLUMNS.iter().find(|c| c.key == col).map(|c| c.label);
            let column = column.unwrap_or(total);
            let parts: Vec<(&str, &str)> = members
                .iter()
                .filter(|r| r.figure(col).is_some())
                .map(|r| {
                    r.key
                        .as_deref()
                        .and_then(|k| schema::FUNDS_ROWS.iter().find(|(x, _)| x.key == k))
                        .map_or(("", ""), |(k, _)| (k.label.zh.trim_start_matches("其中："), k.label.en))
                })
                .collect();
            let zh = format!(
                "{}{} = {}",
                total.zh,
                column.zh,
                parts.iter().map(|p| p.0).collect::<Vec<_>>().join(" + ")
            );
            let en = format!(
                "{} ({}) = {}",
                total.en,
                column.en,
                parts.iter().map(|p| p.1).collect::<Vec<_>>().join(" + ")
            );
            let names: Vec<&str> = members
                .iter()
                .filter(|r| r.figure(col).is_some())
                .filter_map(|r| r.key.as_deref())
                .collect();
            if let Some(stated) = stated {
                cx.push(
                    &format!("project.{col} = {}", names.join(" + ")),
                    zh,
                    en,
                    &[K("project"), K(col)],
                    stated,
                    Some(sum),
                );
            }
        }
    }
}

/// The grade a score earns on the standard scale.
pub fn grade_for(score: Dec) -> Grade {
    grade_in(score, [90, 80, 60].map(Decimal::from))
}

/// The grade a score earns on a scale of lowest scores (优, 良, 中).
fn grade_in(score: Dec, [excellent, good, fair]: [Decimal; 3]) -> Grade {
    let s = score.0;
    if s >= excellent {
        Grade::Excellent
    } else if s >= good {
        Grade::Good
    } else if s >= fair {
        Grade::Fair
    } else {
        Grade::Poor
    }
}

fn item_value(cx: &Ctx, item: &Item) -> Option<Approx> {
    cx.unit_factor(item.unit.as_deref())
        .map(|f| Approx::stated(item.value, false).scaled(f))
}

fn line_value(cx: &Ctx, line: &SpendingLine, v: Option<Dec>) -> Option<Approx> {
    let f = cx.unit_factor(line.unit.as_deref())?;
    v.map(|v| Approx::stated(v, false).scaled(f))
}

fn sum_all(values: &[Option<Approx>]) -> Option<Approx> {
    let all: Option<Vec<Approx>> = values.iter().copied().collect();
    all?.into_iter().reduce(Approx::add)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn checks(yaml: &str) -> Vec<Check> {
        let text = format!("---\ntitle: t\nyear: 2021\nkind: department\n{yaml}---\n");
        let (report, problems) = crate::content::parse_report(&text, Path::new("r.md"), "p", "2021");
        let report = report.unwrap_or_else(|| panic!("{problems:?}"));
        check_report(&report)
    }

    fn status(cs: &[Check], rule: &str) -> Status {
        cs.iter()
            .find(|c| c.rule == rule)
            .unwrap_or_else(|| panic!("no {rule} in {cs:#?}"))
            .status
    }

    #[test]
    fn sums_pass_round_or_mismatch() {
        let cs = checks(
            "expenditure:\n  total: 1545.30\n  basic: 832.88\n  project: 712.42\n  personnel: 464.79\n  public: 87.50\n",
        );
        assert_eq!(status(&cs, "expenditure.total = basic + project"), Status::Passed);
        // 464.79 + 87.50 = 552.29, stated 832.88: far off.
        assert_eq!(status(&cs, "expenditure.basic = personnel + public"), Status::Mismatch);
        let cs = checks("expenditure:\n  basic: 552.28\n  personnel: 464.79\n  public: 87.50\n");
        let c = cs
            .iter()
            .find(|c| c.rule == "expenditure.basic = personnel + public")
            .unwrap();
        assert_eq!(c.status, Status::Rounding);
        assert_eq!(c.computed.to_string(), "552.29");
        assert_eq!(c.line, Some(6));
    }

    #[test]
    fn shares_and_rates() {
        let cs = checks("expenditure:\n  basic: 552.28\n  personnel: 464.79\n  personnel_share: 84.16\n");
        assert_eq!(status(&cs, "expenditure.personnel_share"), Status::Passed);
        let cs = checks(
            "three_public:\n  vehicles:\n    budget: 25.00\n    actual: 9.19\n    rate: 36.40\n  hospitality:\n    budget: 60.00\n    actual: 12.35\n    rate: 20.58\n    change: 2.36\n    change_pct: 23.60\n",
        );
        assert_eq!(status(&cs, "three_public.vehicles.rate"), Status::Mismatch);
        assert_eq!(status(&cs, "three_public.hospitality.rate"), Status::Passed);
        // 2.36 / 9.99 = 23.62%; with the inputs' rounding 23.60 is possible.
        assert_eq!(status(&cs, "three_public.hospitality.change_pct"), Status::Rounding);
    }

    #[test]
    fn units_are_converted_before_adding() {
        let cs = checks(
            "three_public:\n  total:\n    actual: 5.85\n  overseas_travel:\n    actual: 0\n    unit: 元\n  hospitality:\n    actual: 3.28\n  vehicles:\n    actual: 2.57\n",
        );
        assert_eq!(
            status(
                &cs,
                "three_public.total.actual = overseas_travel + hospitality + vehicles"
            ),
            Status::Passed
        );
        let cs = checks(
            "three_public:\n  total:\n    actual: 5.86\n  overseas_travel:\n    actual: 100\n    unit: 元\n  hospitality:\n    actual: 3.28\n  vehicles:\n    actual: 2.57\n",
        );
        assert_eq!(
            status(
                &cs,
                "three_public.total.actual = overseas_travel + hospitality + vehicles"
            ),
            Status::Passed
        );
    }

    #[test]
    fn balances_execution_and_income() {
        let y = "final_accounts:\n  opening_balance: 0.00\n  income: 168831.84\n  income_sources:\n    - key: fiscal_appropriation\n      value: 168581.84\n      share: 99.85\n    - key: other\n      value: 250.00\n      share: 0.15\n  closing_balance: 2585.13\n  execution_rate: 98.47\nexpenditure:\n  total: 166246.71\n";
        let cs = checks(y);
        for rule in [
            "final_accounts.income = sum of income_sources",
            "final_accounts.closing_balance = opening_balance + income - expenditure",
            "final_accounts.execution_rate",
            "final_accounts.income_sources.share",
        ] {
            assert_eq!(status(&cs, rule), Status::Passed, "{rule}");
        }
        let cs = checks(&y.replace("2585.13", "2595.13"));
        assert_eq!(
            status(
                &cs,
                "final_accounts.closing_balance = opening_balance + income - expenditure"
            ),
            Status::Mismatch
        );
    }

    #[test]
    fn grade_and_indicators() {
        let cs = checks("evaluation:\n  score: 92\n  grade: 优\n");
        assert_eq!(status(&cs, "evaluation.grade agrees with score"), Status::Passed);
        let cs = checks("evaluation:\n  score: 50\n  grade: 优\n");
        let grade = cs
            .iter()
            .find(|c| c.rule == "evaluation.grade agrees with score")
            .unwrap();
        assert_eq!(
            grade.grade_notice(false).as_deref(),
            Some("The grade 优 (Excellent) does not match the score of 50: a score under 60 is 差 (Poor)")
        );
        let cs = checks("evaluation:\n  score: 89.9\n  grade: 优\n");
        assert_eq!(status(&cs, "evaluation.grade agrees with score"), Status::Mismatch);
        let grade = cs
            .iter()
            .find(|c| c.rule == "evaluation.grade agrees with score")
            .unwrap();
        assert_eq!(grade.grades, Some((Grade::Excellent, Grade::Good)));
        assert_eq!(
            grade.grade_notice(true).as_deref(),
            Some("绩效等级“优”与自评得分 89.9 不符：80 分至不足 90 分应为“良”")
        );
        assert_eq!(
            grade.grade_notice(false).as_deref(),
            Some("The grade 优 (Excellent) does not match the score of 89.9: a score of 80 to under 90 is 良 (Good)")
        );
        let sum = cs.iter().find(|c| c.rule != "evaluation.grade agrees with score");
        assert!(sum.is_none_or(|c| c.grade_notice(true).is_none()));
        let y = "evaluation:\n  score: 95\nproject:\n  weight: 10\n  score: 10\nindicators:\n  - level1: 产出指标\n    weight: 50\n    score: 45\n  - level1: 效益指标\n    weight: 40\n    score: 41\n";
        let cs = checks(y);
        assert_eq!(status(&cs, "indicators: total weight = 100"), Status::Passed);
        assert_eq!(
            status(&cs, "evaluation.score = sum of indicator scores"),
            Status::Mismatch
        );
        assert!(
            cs.iter()
                .any(|c| c.rule == "indicators.score <= weight" && c.status == Status::Mismatch)
        );
    }

    #[test]
    fn a_figure_stated_twice_differently_is_a_mismatch() {
        let cs = checks(
            "economy:\n  - key: tax_revenue\n    value: 18500\n    unit: 万元\n    also_stated:\n      - value: 16000\n",
        );
        assert_eq!(status(&cs, "economy.also_stated"), Status::Mismatch);
        let cs = checks(
            "economy:\n  - key: tax_revenue\n    value: 1.85\n    unit: 亿元\n    also_stated:\n      - value: 18500\n        unit: 万元\n",
        );
        assert_eq!(status(&cs, "economy.also_stated"), Status::Passed);
    }

    #[test]
    fn nothing_is_checked_without_the_figures() {
        assert!(checks("expenditure:\n  total: 10\n  basic: 4\n").is_empty());
    }

    /// A budget's total with basic spending in it is not compared with its project items.
    #[test]
    fn project_items_match_a_budgets_project_spending_not_a_total_with_basic_spending() {
        let items = "  project_items:\n    - name: a\n      value: 100\n      fund: general_public\n    - name: b\n      value: 56.48\n      fund: general_public\n";
        let with_basic = checks(&format!(
            "expenditure:\n  by_fund:\n    - fund: general_public\n      total: 708.76\n      basic: 552.28\n{items}"
        ));
        assert!(
            with_basic.iter().all(|c| !c.rule.starts_with("expenditure.by_fund")),
            "{with_basic:#?}"
        );
        let total_only = checks(&format!(
            "expenditure:\n  by_fund:\n    - fund: general_public\n      total: 156.48\n{items}"
        ));
        assert_eq!(
            status(
                &total_only,
                "expenditure.by_fund.general_public.total = sum of its project_items"
            ),
            Status::Passed
        );
    }

    /// A project report's front matter (the `checks` helper writes a department report).
    fn project_checks(yaml: &str) -> Vec<Check> {
        let text = format!("---\ntitle: t\nyear: 2022\nkind: project\nproject_name: p\n{yaml}---\n");
        let (report, problems) = crate::content::parse_report(&text, Path::new("r.md"), "p", "2022");
        let report = report.unwrap_or_else(|| panic!("{problems:?}"));
        check_report(&report)
    }

    fn find<'c>(cs: &'c [Check], rule: &str) -> &'c Check {
        cs.iter()
            .find(|c| c.rule == rule)
            .unwrap_or_else(|| panic!("no {rule} in {cs:#?}"))
    }

    /// The held-out project report's error: the funds row scores 100 against a 分值 of 10.
    #[test]
    fn a_score_over_its_weight_names_the_row_the_score_and_the_weight() {
        let cs = project_checks(
            "project:\n  full_year: 861.67\n  actual: 861.67\n  rate: 100\n  weight: 10\n  score: 100\n",
        );
        let c = find(&cs, "project.score <= weight");
        assert_eq!(c.status, Status::Mismatch);
        assert_eq!(c.rule_zh, "年度资金总额：得分（100）应不超过分值（10）");
        assert_eq!(c.line, Some(11));
        // 得分 = 执行率 × 分值 = 10, not 100.
        let c = find(&cs, "project.score = rate × weight");
        assert_eq!(
            (c.status, c.computed_shown().to_string().as_str()),
            (Status::Mismatch, "10")
        );
        let cs = project_checks("indicators:\n  - level1: 产出指标\n    level3: 面积\n    weight: 20\n    score: 25\n");
        let c = find(&cs, "indicators.score <= weight");
        assert_eq!(c.status, Status::Mismatch);
        assert_eq!(c.rule_en, "面积: the score (25) must not exceed the weight (20)");
    }

    #[test]
    fn funds_rate_and_score_are_checked_with_the_cap_and_rounding() {
        // 480.50 ÷ 500 = 96.10%; 96.10% × 10 = 9.61.
        let cs = project_checks(
            "project:\n  full_year: 500.00\n  actual: 480.50\n  rate: 96.10\n  weight: 10\n  score: 9.61\n",
        );
        assert_eq!(status(&cs, "project.rate = actual / full_year"), Status::Passed);
        assert_eq!(status(&cs, "project.score = rate × weight"), Status::Passed);
        // Spent more than budgeted: the score is capped at the weight.
        let cs = project_checks("project:\n  full_year: 100\n  actual: 105\n  rate: 105\n  weight: 10\n  score: 10\n");
        assert_eq!(status(&cs, "project.score = rate × weight"), Status::Passed);
        // Without a stated rate, the amounts give it; a score rounded to one decimal is within
        // rounding.
        let cs = project_checks("project:\n  full_year: 3\n  actual: 2\n  weight: 10\n  score: 6.7\n");
        assert_ne!(status(&cs, "project.score = rate × weight"), Status::Mismatch);
    }

    #[test]
    fn a_rate_computed_from_amounts_reads_with_the_stated_decimals() {
        // 861.67497 ÷ 861.675 × 100 = 99.999997…%: shown as the stated 100.00, never 99.999997.
        let cs = project_checks("project:\n  full_year: 861.675\n  actual: 861.67497\n  rate: 100.00\n");
        let c = find(&cs, "project.rate = actual / full_year");
        assert_eq!(c.status, Status::Passed);
        assert_eq!(c.computed_shown().to_string(), "100.00");
        assert_ne!(c.computed.to_string(), "100.00", "the data keep the extra decimals");
    }

    #[test]
    fn blank_rows_count_for_nothing_and_switch_no_check_off() {
        // 成本指标 and 生态效益指标 are printed blank; the weights still add up to 100 and the
        // scores to the total, which here is wrong (95 stated, 94 earned).
        let y = "evaluation:\n  score: 95\nproject:\n  weight: 10\n  score: 10\nindicators:\n  - level1: 产出指标\n    level2: 数量指标\n    level3: 面积\n    weight: 50\n    score: 45\n  - level1: 产出指标\n    level2: 成本指标\n    level3:\n  - level1: 效益指标\n    level2: 生态效益指标\n  - level1: 效益指标\n    level2: 社会效益指标\n    level3: 就业\n    weight: 40\n    score: 39\n";
        let cs = project_checks(y);
        assert_eq!(status(&cs, "indicators: total weight = 100"), Status::Passed);
        let c = find(&cs, "evaluation.score = sum of indicator scores");
        assert_eq!((c.status, c.computed.to_string().as_str()), (Status::Mismatch, "94"));
    }

    #[test]
    fn level_one_heads_add_up_their_rows() {
        let y = "indicator_groups:\n  - level1: 产出指标\n    weight: 50\n    score: 48\n  - level1: 效益指标\n    weight: 30\n    score: 31\nindicators:\n  - level1: 产出指标\n    level3: a\n    weight: 30\n    score: 30\n  - level1: 产出指标\n    level3: b\n    weight: 20\n    score: 18\n  - level1: 效益指标\n    level3: c\n    weight: 25\n    score: 25\n  - level1: 效益指标\n    level2: 生态效益指标\n";
        let cs = project_checks(y);
        let of = |rule: &str, head: &str| {
            cs.iter()
                .find(|c| c.rule == rule && c.rule_zh.starts_with(head))
                .unwrap_or_else(|| panic!("no {rule} for {head}"))
                .status
        };
        assert_eq!(
            of("indicator_groups.weight = sum of its indicators", "产出指标"),
            Status::Passed
        );
        assert_eq!(
            of("indicator_groups.score = sum of its indicators", "产出指标"),
            Status::Passed
        );
        // 效益指标: 30 stated, 25 in its rows; its score 31 is over its weight 30.
        assert_eq!(
            of("indicator_groups.weight = sum of its indicators", "效益指标"),
            Status::Mismatch
        );
        assert_eq!(of("indicator_groups.score <= weight", "效益指标"), Status::Mismatch);
        // With heads given, the table is whole: 50 + 25 = 75, not 100.
        assert_eq!(status(&cs, "indicators: total weight = 100"), Status::Mismatch);
    }

    #[test]
    fn funds_rows_add_up_by_group_and_blank_rows_add_nothing() {
        let y = "project:\n  initial: 500\n  full_year: 520\n  actual: 499.2\n  rows:\n    - key: fiscal\n      initial: 400\n      full_year: 420\n      actual: 405.2\n    - key: carryover\n      initial: 100\n      full_year: 100\n      actual: 90\n    - key: other\n";
        let cs = project_checks(y);
        assert_eq!(status(&cs, "project.initial = fiscal + carryover"), Status::Passed);
        assert_eq!(status(&cs, "project.full_year = fiscal + carryover"), Status::Passed);
        // 405.2 + 90 = 495.2, stated 499.2.
        let c = find(&cs, "project.actual = fiscal + carryover");
        assert_eq!((c.status, c.computed.to_string().as_str()), (Status::Mismatch, "495.2"));
        // The department form: by income and by kind of spending, each against the total.
        let y = "project:\n  full_year: 1000\n  actual: 950\n  rows:\n    - key: general_public\n      full_year: 800\n      actual: 760\n    - key: government_funds\n      full_year: 200\n      actual: 190\n    - key: basic\n      full_year: 300\n      actual: 300\n    - key: project\n      full_year: 700\n      actual: 600\n      rate: 85.71\n";
        let cs = checks(y);
        assert_eq!(
            status(&cs, "project.actual = general_public + government_funds"),
            Status::Passed
        );
        assert_eq!(status(&cs, "project.actual = basic + project"), Status::Mismatch);
        assert_eq!(status(&cs, "project.rate = actual / full_year"), Status::Passed);
    }

    #[test]
    fn grades_follow_the_forms_own_scale() {
        // The form's 备注 sets 优 at 85: 87 is 优 there, 良 on the standard scale.
        let cs =
            checks("evaluation:\n  score: 87\n  grade: 优\n  scale:\n    excellent: 85\n    good: 75\n    fair: 60\n");
        let c = find(&cs, "evaluation.grade agrees with score");
        assert_eq!(c.status, Status::Passed);
        assert!(c.rule_zh.contains("优 ≥ 85"), "{}", c.rule_zh);
        assert_eq!(
            status(
                &checks("evaluation:\n  score: 87\n  grade: 优\n"),
                "evaluation.grade agrees with score"
            ),
            Status::Mismatch
        );
    }

    #[test]
    fn a_figure_restated_within_rounding_is_a_note_and_any_field_may_be_restated() {
        // 861.675 in the text, 861.67497 in the table: the same figure, rounded.
        let cs = checks(
            "expenditure:\n  total: 861.67497\nalso_stated:\n  expenditure.total:\n    - value: 861.675\n      where: 正文\n",
        );
        let c = find(&cs, "expenditure.total.also_stated");
        assert_eq!(c.status, Status::Rounding);
        assert!(c.stated_twice);
        assert_eq!(c.rule_zh, "整体支出：报告另处所列应为同一数值");
        // 整体支出 in two sections, differently; in 元 the other time.
        let cs = checks(
            "expenditure:\n  total: 1545.30\nalso_stated:\n  expenditure.total:\n    - value: 15463000\n      unit: 元\n",
        );
        assert_eq!(status(&cs, "expenditure.total.also_stated"), Status::Mismatch);
        let cs = checks(
            "expenditure:\n  total: 1545.30\nalso_stated:\n  expenditure.total:\n    - value: 15453000\n      unit: 元\n",
        );
        assert_eq!(status(&cs, "expenditure.total.also_stated"), Status::Passed);
    }

    #[test]
    fn a_project_item_restated_is_named_even_without_a_label() {
        let cs = checks(
            "expenditure:\n  project_items:\n    - name: 标准厂房\n      value: 10\n      also_stated:\n        - value: 12\n    - key: x\n      name: 招商\n      value: 5\n",
        );
        let c = find(&cs, "expenditure.project_items.also_stated");
        assert_eq!(c.status, Status::Mismatch);
        assert!(c.rule_zh.starts_with("标准厂房："), "{}", c.rule_zh);
    }

    #[test]
    fn department_figures_of_the_final_accounts_add_up() {
        let y = "budget:\n  initial: 100\n  full_year: 130\n  adjustment: 30\nfinal_accounts:\n  opening_balance: 10\n  income: 90\n  sources_total: 100\n  expenditure: 80\n  by_function:\n    - label: 一般公共服务支出\n      label_en: General public services\n      value: 50\n    - label: 城乡社区支出\n      label_en: Urban and rural community affairs\n      value: 35\nthree_public:\n  hospitality:\n    actual: 3.28\n    previous: 2.00\n    change: 1.28\n";
        let cs = checks(y);
        assert_eq!(status(&cs, "budget.full_year = initial + adjustment"), Status::Passed);
        assert_eq!(
            status(&cs, "final_accounts.sources_total = opening_balance + income"),
            Status::Passed
        );
        assert_eq!(
            status(&cs, "final_accounts.expenditure = sum of by_function"),
            Status::Mismatch
        );
        assert_eq!(
            status(&cs, "three_public.hospitality.change = actual - previous"),
            Status::Passed
        );
    }
}
