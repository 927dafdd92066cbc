//! Figures from the report's sentences. These reports state their figures in a small set of
//! fixed phrases (部门整体支出为X万元，其中基本支出为X万元、项目支出为X万元; “三公”经费…支出预算为X万元，
//! 支出决算为X万元，完成预算的X%; 规模工业总产值X亿元，同比增长X%). Each paragraph is read clause by
//! clause: a clause's words before its number name the figure, or an attribute (预算, 决算, 占…比例,
//! 增长) of the figure the paragraph is talking about. Wording the rules do not know names no
//! figure, so new wording leaves a blank rather than a wrong figure.

use super::number::{Figure, figures};
use super::source::{Block, Origin};

/// One figure found, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Where it goes: `expenditure.total`, `three_public.hospitality.actual`,
    /// `staffing.categories[management].value`, `economy[industrial_output].change_pct`.
    pub path: String,
    /// The figure as written, separators removed (`174053.00`), or a text (`优`).
    pub value: String,
    /// Where in the source: `line 13`.
    pub at: String,
    /// The words that stated it.
    pub quote: String,
    /// What the draft should say beside it (a conversion, an odd unit).
    pub note: Option<String>,
}

/// A figure for a list whose items have no fixed key: a project item, or an economic result
/// the form has no key for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeItem {
    /// `economy` or `expenditure.project_items`.
    pub list: &'static str,
    pub label: String,
    pub value: String,
    pub unit: String,
    pub fund: Option<&'static str>,
    pub change_pct: Option<String>,
    pub share: Option<String>,
    pub at: String,
    pub quote: String,
    pub note: Option<String>,
}

/// Everything the sentences state.
#[derive(Debug, Default, Clone)]
pub struct Findings {
    pub found: Vec<Found>,
    pub items: Vec<FreeItem>,
    /// Figures seen but not used, with why (approximate, a target…), for the summary.
    pub skipped: Vec<(String, String, String)>,
    /// Economic results already listed: (label, value, unit) → their index in `items`.
    seen: std::collections::BTreeMap<(String, String, String), usize>,
}

/// What the paragraph is talking about, for clauses that name only an attribute.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Expenditure,
    Budget,
    Final,
}

/// The figure a following 占…比例 / 增长X% clause belongs to.
#[derive(Clone, Debug)]
enum Last {
    None,
    Path(String),
    ThreePublic,
    Keyed(String),
    Free(usize),
}

/// The “三公” lines, with the words that name them.
const THREE_PUBLIC: &[(&str, &[&str])] = &[
    ("total", &["“三公”经费", "\"三公\"经费", "三公经费", "‘三公’经费"]),
    ("overseas_travel", &["因公出国（境）", "因公出国(境)", "因公出国"]),
    ("hospitality", &["公务接待"]),
    ("vehicles", &["公务用车"]),
];

/// Economic results with a key of the form, by the words that name them (first match wins).
const ECONOMY_KEYS: &[(&str, &[&str])] = &[
    ("operating_revenue", &["规模以上工业企业营业收入"]),
    ("total_revenue", &["技工贸总收入"]),
    (
        "high_tech_output",
        &["高新技术产业营业收入", "高新技术产值", "高新技术产业产值"],
    ),
    ("industrial_output", &["规模工业总产值", "规模以上工业总产值"]),
    ("industrial_value_added", &["规模工业增加值", "规模以上工业增加值"]),
    ("industrial_enterprise_tax", &["规模工业企业实缴税收"]),
    ("industrial_tax", &["工业税收"]),
    ("taxes_paid", &["上交税金", "实缴税金"]),
    ("tax_revenue", &["税收收入"]),
    ("fixed_asset_investment", &["固定资产投资"]),
    ("infrastructure_investment", &["基础设施投入"]),
    ("retail_sales", &["社会消费品零售总额"]),
    ("trade_volume", &["进出口"]),
    (
        "new_industrial_enterprises",
        &["新增规模工业企业", "新入统规模工业企业", "新增规模以上工业企业"],
    ),
];

/// The figures that have a `_share` beside them.
const SHARES: &[&str] = &[
    "expenditure.basic",
    "expenditure.personnel",
    "expenditure.public",
    "expenditure.project",
    "assets.current",
    "assets.non_current",
];

/// Words that say a clause reports a result (not a target or a plan).
const RESULT_WORDS: &[&str] = &[
    "实现",
    "完成",
    "新增",
    "新培育",
    "新建",
    "引进",
    "举办",
    "开展",
    "解决",
    "下发",
    "达成",
    "招聘",
    "投入",
    "实施",
    "减负",
    "融资",
    "争资",
    "筹措",
    "处置",
    "整改",
    "签约",
    "开工",
    "竣工",
    "入统",
    "上交",
    "实缴",
    "帮代办",
    "选定",
    "承接",
    "收入",
    "总投资",
];

/// Words that make a sentence a target, a plan or a requirement: no results are read from it.
const TARGET_WORDS: &[&str] = &[
    "力争",
    "确保",
    "预期",
    "预计",
    "目标",
    "任务数",
    "计划",
    "需分别",
    "要求",
    "考核",
];

/// Units an economic result may have.
const ECONOMY_UNITS: &[&str] = &[
    "亿元",
    "亿美元",
    "万元",
    "家",
    "个",
    "亩",
    "万平方米",
    "项",
    "条",
    "次",
    "场次",
    "人次",
    "人",
    "份",
    "件",
];

/// Reads the figures of every paragraph, for the year the report's title names.
pub fn read(blocks: &[Block]) -> Findings {
    read_for_year(blocks, title_year(blocks))
}

/// The year in the report's title: 2022年度…报告 → 2022.
pub fn title_year(blocks: &[Block]) -> Option<u16> {
    let (title, _) = super::title_and_unit(blocks);
    years_in(&title).first().map(|(_, y)| *y)
}

/// Reads the figures of every paragraph. A figure stated for another year than `year` (the
/// year named nearest before it in its sentence) is not entered.
pub fn read_for_year(blocks: &[Block], year: Option<u16>) -> Findings {
    let mut out = Findings::default();
    let mut skip1 = false;
    let mut skip2 = false;
    let mut plan1 = Plan::No;
    let mut plan2 = Plan::No;
    for block in blocks {
        let Block::Paragraph { text, at } = block else {
            continue;
        };
        if super::narrative::page_marker(text) {
            continue;
        }
        match heading_level(text) {
            Some(1) => {
                skip1 = has_any(text, &["问题", "措施", "建议", "目标", "计划", "下一步", "安排"]);
                skip2 = false;
                plan1 = plan_heading(text);
                plan2 = Plan::No;
            }
            Some(_) => {
                skip2 = has_any(text, &["问题", "措施", "建议", "目标", "计划", "下一步", "安排"]);
                plan2 = plan_heading(text);
            }
            None => {}
        }
        let scope = Scope {
            year,
            plan: if plan2 != Plan::No { plan2 } else { plan1 },
        };
        paragraph(text, at, skip1 || skip2, &scope, &mut out);
    }
    out
}

/// Whether a heading is about plans or targets (目标, 计划, 下一步, 工作安排, 预算安排): the
/// figures under it are not results. Under a 预算安排 heading budget figures still are.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Plan {
    No,
    Budget,
    All,
}

fn plan_heading(text: &str) -> Plan {
    if !has_any(
        text,
        &[
            "目标",
            "计划",
            "下一步",
            "工作安排",
            "预算安排",
            "打算",
            "思路",
            "工作重点",
        ],
    ) {
        return Plan::No;
    }
    // 绩效目标完成情况 / 目标实现情况 report results.
    if has_any(text, &["完成", "实现", "情况", "结果"]) {
        return Plan::No;
    }
    if text.contains("预算安排")
        && !has_any(
            text,
            &["目标", "计划", "下一步", "工作安排", "打算", "思路", "工作重点"],
        )
    {
        return Plan::Budget;
    }
    Plan::All
}

/// What the paragraph's figures are allowed to be.
struct Scope {
    /// The report's year.
    year: Option<u16>,
    /// The heading the paragraph is under is about plans or targets.
    plan: Plan,
}

/// The years named in `s` (2021年, 2021年度), with their char positions (of the 年's end);
/// a year after 比 / 较 / 与 / 同 / 于 / 自 / 从 (a comparison or a date of founding) is left out.
fn years_in(s: &str) -> Vec<(usize, u16)> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 < cs.len() {
        let four = cs[i..i + 4].iter().all(char::is_ascii_digit);
        let edge = i == 0 || !cs[i - 1].is_ascii_digit();
        if four && edge && cs[i + 4] == '年' {
            let before = if i > 0 { cs[i - 1] } else { ' ' };
            if !"比较与同于自从".contains(before) {
                let y: String = cs[i..i + 4].iter().collect();
                if let Ok(y) = y.parse() {
                    out.push((i + 5, y));
                }
            }
            i += 5;
        } else {
            i += 1;
        }
    }
    out
}

/// The times a sentence names, by where they end (chars), in order: a year (2021年), or
/// `None` for 上年 / 去年 / 上一年 named as a time (not in a comparison: 比上年, 较上年).
fn time_marks(s: &str) -> Vec<(usize, Option<u16>)> {
    let mut marks: Vec<(usize, Option<u16>)> = years_in(s).into_iter().map(|(p, y)| (p, Some(y))).collect();
    let cs: Vec<char> = s.chars().collect();
    for w in ["上年", "去年", "上一年"] {
        let w: Vec<char> = w.chars().collect();
        for i in 0..cs.len().saturating_sub(w.len() - 1) {
            if cs[i..].starts_with(&w) && (i == 0 || !"比较与同".contains(cs[i - 1])) {
                marks.push((i + w.len(), None));
            }
        }
    }
    marks.sort_by_key(|m| m.0);
    marks
}

/// 上年 / 去年 / 上一年 named as the time of a figure (not in 比上年, 较上年, 与上年相比, 同比).
fn names_last_year(label: &str) -> bool {
    let cs: Vec<char> = label.chars().collect();
    ["上年", "去年", "上一年", "上年度"].iter().any(|w| {
        let w: Vec<char> = w.chars().collect();
        (0..cs.len().saturating_sub(w.len() - 1))
            .any(|i| cs[i..].starts_with(&w) && (i == 0 || !"比较与同".contains(cs[i - 1])))
    })
}

/// 1 for 一、 and short unnumbered lines, 2 for （一）; None for body text.
pub fn heading_level(text: &str) -> Option<u8> {
    let t = text.trim();
    let n = t.chars().count();
    let inner_stop = t.trim_end_matches(['。', '.']).contains('。');
    if inner_stop || n > 60 {
        return None;
    }
    let mut cs = t.chars();
    let first = cs.next()?;
    if is_cn_digit(first) {
        let rest: String = t.chars().skip_while(|c| is_cn_digit(*c)).take(1).collect();
        if rest == "、" {
            return Some(1);
        }
    }
    if first == '（' || first == '(' {
        let inner: String = t.chars().skip(1).take_while(|c| *c != '）' && *c != ')').collect();
        if !inner.is_empty() && inner.chars().all(is_cn_digit) {
            return Some(2);
        }
    }
    if n <= 20 && !t.contains(['，', '；', '。']) && !first.is_ascii_digit() && first != '（' && first != '(' {
        return Some(1);
    }
    None
}

fn is_cn_digit(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

fn has_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// The figures of one paragraph.
fn paragraph(text: &str, at: &Origin, skip_results: bool, scope: &Scope, out: &mut Findings) {
    let mut mode = Mode::Expenditure;
    let mut subject: Option<&'static str> = None;
    let mut last = Last::None;
    let at_s = at.to_string();
    if scope.plan == Plan::All {
        return;
    }
    let plan_budget = scope.plan == Plan::Budget;
    if scope.year.is_none_or(|y| years_in(text).iter().all(|(_, n)| *n == y)) {
        no_spending(text, &at_s, out);
    }
    // The year a position of the sentence is in: the year named nearest before it.
    // Whether the time named nearest before `pos` (a year, or 上年) is not the report's year.
    let other_year = |marks: &[(usize, Option<u16>)], pos: usize| -> bool {
        let i = marks.partition_point(|(p, _)| *p <= pos);
        match i.checked_sub(1).map(|i| marks[i].1) {
            None => false,
            Some(None) => true,
            Some(Some(n)) => scope.year.is_some_and(|y| n != y),
        }
    };
    for sentence in split_keep(text, &['。', '！', '？']) {
        let target_sentence = has_any(&sentence, TARGET_WORDS);
        let lists_items = sentence.contains("主要为") || sentence.contains("主要用于");
        let mut list_fund: Option<&'static str> = None;
        let marks = time_marks(&sentence);
        if let Some(g) = grade(&sentence)
            && !plan_budget
        {
            let pos = sentence.find("等级为").map_or(0, |i| sentence[..i].chars().count());
            if !other_year(&marks, pos) && !names_last_year(&sentence[..sentence.find("等级为").unwrap_or(0)]) {
                push(out, "evaluation.grade", &g, &at_s, &sentence, None);
            }
        }
        if let Some(d) = as_of(&sentence)
            && scope.year.is_none_or(|y| d.starts_with(&y.to_string()))
        {
            push(out, "assets.as_of", &d, &at_s, &sentence, None);
        }
        let mut part_start = 0usize;
        for part in split_keep(&sentence, &['，', '；', ',', ';', '：', ':']) {
            let part_offset = part_start;
            part_start += part.chars().count();
            if respectively(&part, &at_s, skip_results || target_sentence || plan_budget, out) {
                continue;
            }
            let figs = figures(&part);
            let chars: Vec<char> = part.chars().collect();
            let mut from = 0usize;
            let mut accepted_before = false;
            for (i, f) in figs.iter().enumerate() {
                let raw_label: String = chars[from.min(chars.len())..f.start].iter().collect();
                let tail: String = chars[f.end..chars.len().min(f.end + 6)].iter().collect();
                // Another year's figure (2021年部门整体支出为… in a 2022 report; 上年为…).
                let last_year =
                    names_last_year(&raw_label) && subject.is_none() && !has_any(&raw_label, THREE_PUBLIC_WORDS);
                // A change (比上年增长5%) belongs to the figure before it, whose year is checked.
                let its_change = is_change(&clean_label(&raw_label));
                // In a “三公” line, 上年 is the line's `previous`.
                let three_public_previous = subject.is_some() && names_last_year(&raw_label);
                if (!its_change && !three_public_previous && other_year(&marks, part_offset + f.start)) || last_year {
                    out.skipped.push((
                        format!("{}{}", f.text, f.unit),
                        at_s.clone(),
                        "stated for another year than the report's".into(),
                    ));
                    from = f.end;
                    last = Last::None;
                    continue;
                }
                // Another entity's figure: 全区 / 全市 / 全县 / 全省 / 全国.
                if !raw_label.trim_start().starts_with('占') && has_any(&raw_label, OTHER_ENTITIES) {
                    out.skipped.push((
                        format!("{}{}", f.text, f.unit),
                        at_s.clone(),
                        "a figure of another entity (全区/全市/全县…)".into(),
                    ));
                    from = f.end;
                    last = Last::None;
                    continue;
                }
                // Digits split by a space or a line break (3 .28万元, 7 8批, 1 587.00万元):
                // which number is meant is not sure, so both readings are candidates.
                if let Some((frag_start, joined)) = split_number(&chars, f) {
                    let Some(joined) = joined else {
                        out.skipped.push((
                            format!("{}{}", f.text, f.unit),
                            at_s.clone(),
                            "digits split by a space or line break".into(),
                        ));
                        from = f.end;
                        accepted_before = false;
                        last = Last::None;
                        continue;
                    };
                    let readings = [joined, f.text.clone()];
                    let words: String = chars[from.min(frag_start)..frag_start].iter().collect();
                    let label = clean_label(&words);
                    let quote: String = chars[from.min(f.start)..f.end].iter().collect();
                    let mut any = false;
                    let (m0, s0, l0) = (mode, subject, list_fund);
                    for r in &readings {
                        let (mut m, mut su, mut lf, mut la) = (m0, s0, l0, last.clone());
                        let mut scratch = Findings::default();
                        let g = Figure {
                            text: r.clone(),
                            ..f.clone()
                        };
                        let ctx = Ctx {
                            at: &at_s,
                            quote: quote.trim_start_matches(['、', '，', '；', '：']),
                            results_ok: false,
                            continues: false,
                            noun: "",
                            lists_items,
                            plan_budget,
                        };
                        clause(&label, &g, &ctx, &mut m, &mut su, &mut la, &mut lf, &mut scratch);
                        any |= !scratch.found.is_empty();
                        out.found.extend(scratch.found);
                        (mode, subject, list_fund) = (m, su, lf);
                    }
                    if !any {
                        out.skipped.push((
                            format!("{}{}", f.text, f.unit),
                            at_s.clone(),
                            "digits split by a space or line break".into(),
                        ));
                    }
                    from = f.end;
                    accepted_before = false;
                    last = Last::None;
                    continue;
                }
                if qualifier_after(&tail) || qualifier_before(&raw_label) {
                    if tail.trim_start().starts_with(['以', '上']) {
                        continue;
                    }
                    out.skipped.push((
                        format!("{}{}", f.text, f.unit),
                        at_s.clone(),
                        "approximate or a bound (约/余/以上…)".into(),
                    ));
                    from = f.end;
                    // A following 增长X% / 占X% belongs to this figure, not to the one before.
                    last = Last::None;
                    continue;
                }
                let continues = raw_label.trim_start().starts_with('、') && accepted_before;
                let label = clean_label(&raw_label);
                let next_start = figs.get(i + 1).map_or(chars.len(), |n| n.start);
                let noun: String = chars[f.end..next_start].iter().collect();
                // The clause that states the figure: its words, the figure, and what follows up
                // to the next figure (at most a few words).
                let quote_end = (f.end..next_start.min(f.end + 12))
                    .find(|&k| "，；、。,;".contains(chars[k]))
                    .unwrap_or(next_start.min(f.end + 12));
                let mut quote_start = from.min(f.start);
                if f.start - quote_start < 6 {
                    quote_start = f.start.saturating_sub(20);
                }
                let quote: String = chars[quote_start..quote_end].iter().collect();
                let quote = quote.trim_start_matches(['、', '，', '；', '：']).to_string();
                from = f.end;
                accepted_before = true;
                let ctx = Ctx {
                    at: &at_s,
                    quote: &quote,
                    results_ok: !skip_results && !target_sentence && !plan_budget,
                    continues,
                    noun: noun.trim_matches(|c: char| "，；、。 ".contains(c)),
                    lists_items,
                    plan_budget,
                };
                if !clause(&label, f, &ctx, &mut mode, &mut subject, &mut last, &mut list_fund, out) {
                    accepted_before = false;
                    last = Last::None;
                }
            }
        }
    }
}

/// Where a clause is and what surrounds it.
struct Ctx<'a> {
    at: &'a str,
    quote: &'a str,
    results_ok: bool,
    continues: bool,
    noun: &'a str,
    /// The sentence lists project items (主要为 / 主要用于).
    lists_items: bool,
    /// Under a 预算安排 heading: only budget figures.
    plan_budget: bool,
}

/// Words naming a larger area than the unit: its figures are not the unit's.
const OTHER_ENTITIES: &[&str] = &["全区", "全市", "全县", "全省", "全国", "全州", "全镇"];

/// The words of the “三公” lines, which have a `previous` field for 上年.
const THREE_PUBLIC_WORDS: &[&str] = &["三公", "因公出国", "公务接待", "公务用车"];

/// Whether the figure's digits continue, across a space or a line break, digits or a point
/// before it (3 .28万元, 7 8批, 1 587.00万元, 712. 42万元, 9⏎2分): then the figure is not sure.
/// Gives the joined reading when it is a number (`3.28`), or nothing when it is not
/// (two points).
fn split_number(chars: &[char], f: &Figure) -> Option<(usize, Option<String>)> {
    let mut k = f.start;
    let mut gap = false;
    let mut frag = String::new();
    while k > 0 {
        let c = chars[k - 1];
        if c.is_whitespace() || c == '\u{3000}' {
            if !frag.chars().any(|c| c.is_ascii_digit()) {
                gap = true;
            } else {
                break;
            }
        } else if c == '.' || c == '．' {
            frag.insert(0, '.');
        } else if let Some(d) = c.to_digit(10).and_then(|d| char::from_digit(d, 10)) {
            if !gap && frag.is_empty() {
                return None;
            }
            frag.insert(0, d);
        } else if c == ',' && frag.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            // 1,545.⏎30: the separator of the fragment.
        } else {
            break;
        }
        k -= 1;
    }
    if !gap || !frag.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // The fragment starts at its first digit or point.
    while k < f.start && !(chars[k].is_ascii_digit() || chars[k] == '.' || chars[k] == '．') {
        k += 1;
    }
    let frag = frag.trim_start_matches('.');
    let joined = format!("{frag}{}", f.text);
    Some((
        k,
        (joined.matches('.').count() <= 1 && joined != f.text).then_some(joined),
    ))
}

/// Assigns one figure; false when it names nothing known.
#[allow(clippy::too_many_arguments)]
fn clause(
    label: &str,
    f: &Figure,
    ctx: &Ctx,
    mode: &mut Mode,
    subject: &mut Option<&'static str>,
    last: &mut Last,
    list_fund: &mut Option<&'static str>,
    out: &mut Findings,
) -> bool {
    let (at, quote) = (ctx.at, ctx.quote);
    let unit = f.unit.as_str();
    let money = matches!(unit, "万元" | "元" | "万");
    let pct = unit == "%";
    let up = label.contains("增加") || label.contains("增长") || label.contains("上升");
    let down = label.contains("减少") || label.contains("下降") || label.contains("降低");
    let signed = |v: &str| if down { negate(v) } else { v.to_string() };
    // 比上年减少1.2亿元 / 较上年少5家: a change, never the figure itself.
    let change = is_change(label);
    let budgetish = budget_word(label);
    let actualish = label.contains("决算") || label.contains("实际");
    if !money && !pct && !matches!(unit, "亿元" | "亿美元") && (unit.contains('元') || unit.contains("港币")) {
        // 万美元, 港元, 千元, 百万元: not the form's money.
        out.skipped.push((
            format!("{}{}", f.text, unit),
            at.into(),
            format!("amount in {unit}, not 元/万元: not entered"),
        ));
        *last = Last::None;
        return false;
    }

    // 占…比例 / 占…的X%: the share of the figure before.
    if pct && label.starts_with('占') {
        let share_path = match last.clone() {
            Last::Path(p) if p.ends_with(".value") => Some(p.replace(".value", ".share")),
            // Only the shares the format has: 占总支出 after 整体支出 names no key.
            Last::Path(p) if SHARES.contains(&p.as_str()) => Some(format!("{p}_share")),
            Last::Keyed(k) => Some(format!("economy[{k}].share")),
            Last::Free(i) => {
                if let Some(item) = out.items.get_mut(i) {
                    item.share.get_or_insert_with(|| f.text.clone());
                }
                return true;
            }
            _ => None,
        };
        if let Some(p) = share_path {
            push(out, &p, &f.text, at, quote, None);
            return true;
        }
        return false;
    }

    // The “三公” lines. A clause naming something else (机关运行经费支出预算为…) ends the line.
    if let Some(line) = THREE_PUBLIC
        .iter()
        .find(|(_, words)| has_any(label, words))
        .map(|(k, _)| *k)
    {
        *subject = Some(line);
    } else if subject.is_some() && !attribute_only(label) {
        *subject = None;
    }
    if let Some(line) = *subject {
        let field = if pct && label.contains("完成预算") {
            Some("rate")
        } else if pct && (up || down) {
            Some("change_pct")
        } else if money && (up || down) {
            Some("change")
        } else if money && names_last_year(label) && !change {
            Some("previous")
        } else if unit == "批" || unit == "批次" {
            Some("batches")
        } else if unit == "人次" {
            Some("people")
        } else if money && label.contains("决算") {
            Some("actual")
        } else if money && label.contains("预算") {
            Some("budget")
        } else if money && label.contains("上年") {
            Some("previous")
        } else if money && THREE_PUBLIC.iter().any(|(_, w)| has_any(label, w)) {
            Some("actual")
        } else {
            None
        };
        let field = field.filter(|fl| {
            let is_change = matches!(*fl, "change" | "change_pct");
            let ok_change = is_change || !change;
            let ok_budget = *fl != "budget" || !actualish;
            let ok_plan = !ctx.plan_budget || *fl == "budget";
            ok_change && ok_budget && ok_plan
        });
        if let Some(field) = field {
            let path = format!("three_public.{line}.{field}");
            let (value, note) = amount(&f.text, unit, money);
            let value = if matches!(field, "change" | "change_pct") {
                signed(&value)
            } else {
                value
            };
            push(out, &path, &value, at, quote, note);
            *last = Last::ThreePublic;
            return true;
        }
    }

    // Budget, final accounts and spending.
    if budget_total(label).is_some() {
        *mode = Mode::Budget;
    }
    if label.contains("决算收入") || label.contains("结转结余") {
        *mode = Mode::Final;
    }
    let listing = list_fund.is_some() && (unit == "万元" || unit == "万");
    let path: Option<String> = if money {
        scalar_money(label, *mode, up, down).filter(|p| !listing || p.contains("by_fund"))
    } else if pct {
        scalar_pct(label)
    } else if unit == "分"
        && label.contains("自评")
        && (label.contains("得分") || label.contains("结果"))
        && !has_any(label, SUB_SCORES)
    {
        Some("evaluation.score".into())
    } else if unit == "人" {
        staff(label)
    } else if unit == "台" || unit == "辆" {
        if label.contains("车辆编制") {
            Some("staffing.vehicles_authorized".into())
        } else if label.contains("实有车辆") {
            Some("staffing.vehicles_actual".into())
        } else {
            None
        }
    } else {
        None
    };
    // A 预算 clause fills no actual figure, a 决算/实际 clause no budget figure, a change no
    // figure itself, and under a 预算安排 heading only budget figures are read.
    let path = path.filter(|p| {
        let actual_key = p.starts_with("expenditure.") || p.starts_with("final_accounts.") || p.starts_with("assets.");
        let is_change = p.ends_with("change") || p.ends_with("change_pct");
        let ok_actual = !actual_key || !budgetish || p.ends_with("execution_rate");
        let ok_budget = !p.starts_with("budget.") || !actualish;
        let ok_plan = !ctx.plan_budget || p.starts_with("budget.");
        ok_actual && ok_budget && (is_change || !change) && ok_plan
    });
    if let Some(path) = path {
        let (value, note) = amount(&f.text, unit, money);
        let value = if path.ends_with("change") {
            signed(&value)
        } else {
            value
        };
        if path == "staffing.authorized" {
            for t in ["事业编制", "行政编制"] {
                if label.contains(t) {
                    push(out, "staffing.authorized_type", t, at, quote, None);
                }
            }
        }
        if path.starts_with("expenditure.by_fund[") && ctx.lists_items {
            *list_fund = if path.contains("general_public") {
                Some("general_public")
            } else {
                Some("government_funds")
            };
        }
        push(out, &path, &value, at, quote, note);
        *last = Last::Path(path);
        return true;
    }

    // A listed project item, after 主要为 / 主要用于.
    if let Some(fund) = *list_fund
        && (unit == "万元" || unit == "万")
    {
        let name = label
            .trim_start_matches("主要为")
            .trim_start_matches("主要用于")
            .trim_start_matches("主要是")
            .trim();
        if !name.is_empty() {
            let note = (unit == "万").then(|| format!("printed “{}万” without 元; entered as 万元", f.text));
            out.items.push(FreeItem {
                list: "expenditure.project_items",
                label: name.to_string(),
                value: f.text.clone(),
                unit: "万元".into(),
                fund: Some(fund),
                change_pct: None,
                share: None,
                at: at.into(),
                quote: quote.into(),
                note,
            });
            *last = Last::None;
            return true;
        }
    }

    // Economic results.
    if !ctx.results_ok {
        return false;
    }
    if pct && (up || down) && label.chars().count() <= 8 {
        let v = signed(&f.text);
        match last.clone() {
            Last::Keyed(k) => push(out, &format!("economy[{k}].change_pct"), &v, at, quote, None),
            Last::Free(i) => {
                if let Some(item) = out.items.get_mut(i) {
                    item.change_pct.get_or_insert(v);
                }
            }
            _ => return false,
        }
        return true;
    }
    if !ECONOMY_UNITS.contains(&unit) || change {
        return false;
    }
    if label.contains("用时") || ctx.noun.starts_with('月') {
        return false;
    }
    let mut name = label.to_string();
    let result =
        (has_any(&name, RESULT_WORDS) || ctx.continues) && !name.contains("未完成") && !name.contains("未实现");
    let bare = name.is_empty()
        || ["新培育", "新增", "选定", "开展", "承接", "新建", "引进"].contains(&name.as_str())
        || name.ends_with('等')
        || name.ends_with('了')
        || name.ends_with('有');
    if bare && !ctx.noun.is_empty() {
        name = format!("{}{}", name.trim_end_matches(['等', '了', '有']), ctx.noun);
    }
    let key = (name == "新增企业")
        .then_some("new_enterprises")
        .or_else(|| {
            ECONOMY_KEYS
                .iter()
                .find(|(_, words)| has_any(&name, words))
                .map(|(k, _)| *k)
        })
        .or_else(|| project_key(&name, unit));
    if let Some(k) = key {
        push(out, &format!("economy[{k}].value"), &f.text, at, quote, None);
        push(out, &format!("economy[{k}].unit"), unit, at, quote, None);
        *last = Last::Keyed(k.into());
        return true;
    }
    if !result || name.is_empty() {
        return false;
    }
    let label = name
        .trim_start_matches(|c: char| "、，共已".contains(c))
        .trim_end_matches(['为', '是', '达', '约'])
        .to_string();
    let seen_key = (label.clone(), f.text.clone(), unit.to_string());
    if let Some(&i) = out.seen.get(&seen_key) {
        *last = Last::Free(i);
        return true;
    }
    out.items.push(FreeItem {
        list: "economy",
        label,
        value: f.text.clone(),
        unit: unit.to_string(),
        fund: None,
        change_pct: None,
        share: None,
        at: at.into(),
        quote: quote.into(),
        note: None,
    });
    out.seen.insert(seen_key, out.items.len() - 1);
    *last = Last::Free(out.items.len() - 1);
    true
}

/// Scores of a part, or of something else than the evaluation: 产出指标自评得分, 满意度得分.
const SUB_SCORES: &[&str] = &[
    "指标",
    "满意",
    "项目",
    "产出",
    "效益",
    "效果",
    "上年",
    "去年",
    "服务对象",
    "第三方",
];

/// Parts of the spending: a rate of one of them is not the whole's.
const SUB_ITEMS: &[&str] = &[
    "项目",
    "基本支出",
    "人员经费",
    "公用经费",
    "三公",
    "专项",
    "债券",
    "资本性",
];

/// Whether the words before a figure make it a change: 比上年 / 较上年 / 同比 / 与上年相比, or
/// 增加 / 减少 / 增长 / 下降 / 多 / 少 (增加值 is a name, not a change).
fn is_change(label: &str) -> bool {
    let l = label.replace("增加值", "");
    let l = l.trim_end_matches(['为', '了', '：', ':', ' ']);
    has_any(
        l,
        &[
            "增加",
            "增长",
            "上升",
            "减少",
            "下降",
            "降低",
            "比上年",
            "较上年",
            "同比",
            "与上年",
            "比去年",
            "较去年",
            "增收",
            "减收",
            "增幅",
            "降幅",
            "增速",
        ],
    ) || l.ends_with('多')
        || l.ends_with('少')
        || years_after(l, &['比', '较'])
}

/// 比2021年 / 较2021年: a comparison with a year.
fn years_after(l: &str, before: &[char]) -> bool {
    let cs: Vec<char> = l.chars().collect();
    cs.windows(6)
        .any(|w| before.contains(&w[0]) && w[1..5].iter().all(char::is_ascii_digit) && w[5] == '年')
}

/// Whether a label speaks of the budget (预算), not counting the names of the funds
/// (一般公共预算, 政府性基金预算 …) and the budget's execution (预算执行率).
fn budget_word(label: &str) -> bool {
    let mut l = label.to_string();
    for w in [
        "一般公共预算",
        "政府性基金预算",
        "国有资本经营预算",
        "社会保险基金预算",
        "预算执行",
        "完成预算",
    ] {
        l = l.replace(w, "");
    }
    l.contains("预算")
}

/// Whether `label` names only an attribute of the figure the paragraph is about (支出决算为,
/// 完成预算的, 与上年相比增加, 共接待), not a figure of its own.
fn attribute_only(label: &str) -> bool {
    const WORDS: &[&str] = &[
        "与上年相比",
        "比上年",
        "较上年",
        "同比",
        "支出",
        "预算",
        "决算",
        "完成",
        "增加",
        "减少",
        "增长",
        "下降",
        "共接待",
        "接待",
        "其中",
        "财政拨款",
        "拨款",
        "金额",
        "合计",
        "数",
        "为",
        "的",
        "是",
        "了",
        "共",
        "计",
        "：",
        ":",
    ];
    let mut rest = label.to_string();
    for w in WORDS {
        rest = rest.replace(w, "");
    }
    rest.trim().chars().count() <= 2
}

/// 新签约 / 新开工 / 竣工 projects (counted in 个).
fn project_key(name: &str, unit: &str) -> Option<&'static str> {
    if unit == "万平方米" && name.contains("标准厂房") && !name.contains("累计") {
        return Some("standard_factory_area");
    }
    if unit != "个" {
        return None;
    }
    if name.contains("签约") {
        Some("projects_signed")
    } else if name.contains("新开工") || name.contains("开工建设") {
        Some("projects_started")
    } else if name.contains("竣工") {
        Some("projects_completed")
    } else {
        None
    }
}

/// An amount's path from the words before it.
fn scalar_money(label: &str, mode: Mode, up: bool, down: bool) -> Option<String> {
    let p = |s: &str| Some(s.to_string());
    if label.contains("一般公共") && label.contains("项目支出") {
        return p("expenditure.by_fund[general_public].project");
    }
    if label.contains("政府性基金预算支出") {
        return p("expenditure.by_fund[government_funds].total");
    }
    if label.contains("年初结转结余") {
        return p("final_accounts.opening_balance");
    }
    if label.contains("年末结转结余") {
        return p("final_accounts.closing_balance");
    }
    if label.contains("资产合计") || (label.contains("资产总额") && !label.contains('占')) {
        return p("assets.total");
    }
    if label.contains("非流动资产") {
        return p("assets.non_current");
    }
    if label.contains("流动资产") {
        return p("assets.current");
    }
    if label.contains("固定资产净值") {
        return p("assets.fixed_net");
    }
    if label.contains("无形资产净值") {
        return p("assets.intangible_net");
    }
    if label.contains("年初预算数") {
        return p("budget.initial");
    }
    if label.contains("全年预算数") || label.contains("调整后预算") {
        return p("budget.full_year");
    }
    if label.contains("决算收入合计") || label.contains("本年收入合计") {
        return p("final_accounts.income");
    }
    if label.contains("决算支出合计") || label.contains("本年支出合计") || named(label, "整体支出") {
        return p("expenditure.total");
    }
    match mode {
        Mode::Budget => {
            if (up || down) && label.contains("收入预算") {
                return p("budget.income_change");
            }
            if (up || down) && label.contains("政府性基金收入") {
                return p("budget.income_sources[government_funds].change");
            }
            if up || down {
                return None;
            }
            if let Some(path) = budget_total(label) {
                return p(path);
            }
            if label.contains("一般公共预算") {
                return p("budget.income_sources[general_public].value");
            }
            if label.contains("政府性基金预算") {
                return p("budget.income_sources[government_funds].value");
            }
            if named(label, "基本支出") {
                return p("budget.basic");
            }
            if named(label, "项目支出") {
                return p("budget.project");
            }
            None
        }
        Mode::Final | Mode::Expenditure => {
            if up || down {
                return None;
            }
            if mode == Mode::Final && label.contains("财政拨款收入") {
                return p("final_accounts.income_sources[fiscal_appropriation].value");
            }
            if mode == Mode::Final && label.contains("其他收入") {
                return p("final_accounts.income_sources[other].value");
            }
            if named(label, "基本支出") {
                return p("expenditure.basic");
            }
            if named(label, "项目支出") {
                return p("expenditure.project");
            }
            if named(label, "人员经费") {
                return p("expenditure.personnel");
            }
            if named(label, "公用经费") {
                return p("expenditure.public");
            }
            if label.ends_with("会议费") {
                return p("expenditure.meetings");
            }
            if label.ends_with("培训费") {
                return p("expenditure.training");
            }
            None
        }
    }
}

/// 收入预算数 / 支出预算数 (of the unit, not of one of its funds).
fn budget_total(label: &str) -> Option<&'static str> {
    if ["收入预算数", "收入预算", "收入预算总额"]
        .iter()
        .any(|w| named(label, w))
    {
        Some("budget.income")
    } else if ["支出预算数", "支出预算", "支出预算总额"]
        .iter()
        .any(|w| named(label, w))
    {
        Some("budget.expenditure")
    } else {
        None
    }
}

/// Whether `label` names `what` itself, not something of it: 部门基本支出为 and 财政拨款基本支出 do,
/// 环保项目支出 does not.
fn named(label: &str, what: &str) -> bool {
    let l = label.trim_end_matches(['为', '是', '：', ':', ' ']);
    let Some(before) = l.strip_suffix(what) else {
        return false;
    };
    [
        "",
        "部门",
        "单位",
        "本年",
        "财政拨款",
        "日常",
        "本年度",
        "年度",
        "部门年度",
        "部门（单位）",
        "部门(单位)",
        "部门（单位）年度",
    ]
    .contains(&before)
}

/// A percentage's path from the words before it.
fn scalar_pct(label: &str) -> Option<String> {
    if (label.contains("执行进度") || label.contains("预算执行率")) && !has_any(label, SUB_ITEMS) {
        return Some("final_accounts.execution_rate".into());
    }
    None
}

/// A head count's path.
fn staff(label: &str) -> Option<String> {
    let p = |s: &str| Some(s.to_string());
    if label.contains("管理人员") {
        return p("staffing.categories[management].value");
    }
    if label.contains("专业技术人员") {
        return p("staffing.categories[technical].value");
    }
    if label.contains("工勤人员") {
        return p("staffing.categories[support].value");
    }
    if label.contains("政府雇员") {
        return p("staffing.categories[contract].value");
    }
    if label.contains("实有") || label.contains("在职在编") {
        return p("staffing.actual");
    }
    if label.contains("编制") {
        return p("staffing.authorized");
    }
    None
}

/// An amount as the form wants it: 万元 as written; 元 divided by 10000 (exact decimal
/// division) with a note saying so; zero as it is (zero in any unit).
fn amount(text: &str, unit: &str, money: bool) -> (String, Option<String>) {
    if !money || unit == "万元" {
        return (text.to_string(), None);
    }
    if unit == "万" {
        return (
            text.to_string(),
            Some(format!("printed “{text}万” without 元; entered as 万元")),
        );
    }
    // 元
    if let Ok(d) = text.parse::<rust_decimal::Decimal>() {
        if d.is_zero() {
            return (text.to_string(), None);
        }
        let w = d / rust_decimal::Decimal::from(10000);
        return (
            w.to_string(),
            Some(format!("printed {text}元; entered as {w}万元 (÷10000, exact)")),
        );
    }
    (text.to_string(), None)
}

fn negate(v: &str) -> String {
    match v.strip_prefix('-') {
        Some(rest) => rest.to_string(),
        None => format!("-{v}"),
    }
}

fn push(out: &mut Findings, path: &str, value: &str, at: &str, quote: &str, note: Option<String>) {
    out.found.push(Found {
        path: path.into(),
        value: value.into(),
        at: at.into(),
        quote: short(quote),
        note,
    });
}

/// A quote short enough for a comment line.
pub fn short(s: &str) -> String {
    let s = s.trim().trim_end_matches(['，', '；', '。']);
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(60).collect::<String>())
    } else {
        s.to_string()
    }
}

/// 等级为优 / 绩效等级为“良”.
fn grade(s: &str) -> Option<String> {
    let i = s.find("等级为")?;
    let rest = s[i + "等级为".len()..].trim_start_matches(['“', '"', '「']);
    let c = rest.chars().next()?;
    let after = rest[c.len_utf8()..].chars().next();
    ("优良中差".contains(c) && !matches!(after, Some(a) if a.is_alphanumeric() && !"等".contains(a)))
        .then(|| c.to_string())
}

/// 截至2019年12月31日 → "2019-12-31".
fn as_of(s: &str) -> Option<String> {
    let i = s.find("截至")?;
    let rest = &s[i + "截至".len()..];
    let mut parts = Vec::new();
    let mut num = String::new();
    for c in rest.chars() {
        if c.is_ascii_digit() {
            num.push(c);
        } else if matches!(c, '年' | '月' | '日') && !num.is_empty() {
            parts.push(std::mem::take(&mut num));
            if c == '日' {
                break;
            }
        } else {
            break;
        }
    }
    if parts.len() != 3 {
        return None;
    }
    let (y, m, d) = (&parts[0], parts[1].parse::<u32>().ok()?, parts[2].parse::<u32>().ok()?);
    (y.len() == 4 && (1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y}-{m:02}-{d:02}"))
}

/// 本单位2023年度无涉及国有资本经营的预算支出 → that budget's spending is 0.
fn no_spending(text: &str, at: &str, out: &mut Findings) {
    for (fund, words) in [("state_capital", "国有资本经营"), ("social_insurance", "社会保险基金")] {
        if (text.contains("无涉及") || text.contains("没有")) && text.contains(words) && text.contains("预算支出")
        {
            push(
                out,
                &format!("expenditure.by_fund[{fund}].total"),
                "0",
                at,
                text,
                Some("stated as none (无): entered as 0".into()),
            );
        }
    }
}

/// 新签约、新开工、新竣工…项目分别为27个、22个、15个: one figure per name.
fn respectively(part: &str, at: &str, skip: bool, out: &mut Findings) -> bool {
    let Some(i) = part.find("分别为").or_else(|| part.find("分别是")) else {
        return false;
    };
    let (names, values) = (&part[..i], &part[i + "分别为".len()..]);
    let names: Vec<&str> = names.split('、').collect();
    let values: Vec<Figure> = figures(values);
    if skip || names.len() < 2 || names.len() != values.len() {
        return !values.is_empty();
    }
    let suffix = names.last().map_or("", |n| n.trim());
    for (n, f) in names.iter().zip(&values) {
        let name = format!("{}{}", clean_label(n), suffix);
        if let Some(k) = project_key(&name, &f.unit) {
            push(out, &format!("economy[{k}].value"), &f.text, at, part, None);
            push(out, &format!("economy[{k}].unit"), &f.unit, at, part, None);
        } else {
            out.skipped.push((
                format!("{}{}", f.text, f.unit),
                at.into(),
                "分别为 list without a known key".into(),
            ));
        }
    }
    true
}

/// 约 / 近 / 超 before a figure: not an exact figure.
fn qualifier_before(label: &str) -> bool {
    let l = label.trim_end();
    [
        "约",
        "近",
        "超",
        "逾",
        "超过",
        "不低于",
        "不少于",
        "达到",
        "大于",
        "小于",
    ]
    .iter()
    .any(|q| l.ends_with(q))
}

/// 余 / 多 / 以上 / 左右 after a figure.
fn qualifier_after(tail: &str) -> bool {
    let t = tail.trim_start();
    ["余", "多", "以上", "以下", "以内", "左右", "上下"]
        .iter()
        .any(|q| t.starts_with(q))
}

/// The words before a figure without what every clause starts with (其中, the year, 本单位…).
fn clean_label(raw: &str) -> String {
    let mut s = raw.trim().trim_start_matches(['、', '，', '；', '：', ' ']).to_string();
    loop {
        let before = s.clone();
        for p in [
            "其中：",
            "其中:",
            "其中",
            "本单位",
            "我单位",
            "本部门",
            "今年来",
            "今年",
            "全年",
            "同时",
        ] {
            if let Some(r) = s.strip_prefix(p) {
                s = r.to_string();
            }
        }
        // A leading year: 2021年 / 2023年度.
        let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() == 4 {
            let rest = &s[4..];
            if let Some(r) = rest.strip_prefix("年度").or_else(|| rest.strip_prefix('年')) {
                s = r.to_string();
            }
        }
        s = s.trim_start_matches(['，', '、', '：', ' ']).to_string();
        if s == before {
            break;
        }
    }
    s.trim().to_string()
}

/// Splits at the separators, keeping each piece's own text (the separator goes with the piece
/// before it); separators inside （…） do not split.
fn split_keep(s: &str, seps: &[char]) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0i32;
    let cs: Vec<char> = s.chars().collect();
    for (i, &c) in cs.iter().enumerate() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = (depth - 1).max(0),
            _ => {}
        }
        cur.push(c);
        // A thousands separator is no clause break: 174,053.00.
        let in_number =
            c == ',' && i > 0 && cs[i - 1].is_ascii_digit() && cs.get(i + 1).is_some_and(char::is_ascii_digit);
        if depth == 0 && seps.contains(&c) && !in_number {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Findings {
        read(&[Block::Paragraph {
            text: text.into(),
            at: Origin::Line(7),
        }])
    }

    fn get<'a>(f: &'a Findings, path: &str) -> Vec<&'a str> {
        f.found
            .iter()
            .filter(|x| x.path == path)
            .map(|x| x.value.as_str())
            .collect()
    }

    #[test]
    fn spending_sentences() {
        let f = run("2021年部门整体支出为1545.30万元，其中基本支出为832.88万元、项目支出为712.42万元。");
        assert_eq!(get(&f, "expenditure.total"), ["1545.30"]);
        assert_eq!(get(&f, "expenditure.basic"), ["832.88"]);
        assert_eq!(get(&f, "expenditure.project"), ["712.42"]);
        assert_eq!(f.found[0].at, "line 7");
        let f = run(
            "2023年度财政拨款基本支出552.28万元，其中：人员经费464.79万元，占基本支出的84.16%,主要包括基本工资、公务接待费；公用经费87.50万元，占基本支出的15.84%，主要包括办公费。",
        );
        assert_eq!(get(&f, "expenditure.personnel_share"), ["84.16"]);
        assert_eq!(get(&f, "expenditure.public_share"), ["15.84"]);
        assert!(get(&f, "three_public.hospitality.actual").is_empty());
    }

    #[test]
    fn three_public_lines_carry_their_subject() {
        let f = run(
            "本单位2019年度“三公”经费财政拨款支出预算为93.00万元，支出决算为40.14万元，完成预算的43.16%，其中：因公出国（境）费支出预算为8万元，支出决算为18.60万元，完成预算的232.50%，决算数大于年初预算数的主要原因是工作需要。与上年相比增加15.22万元。公务用车购置费及运行维护费支出预算为25.00万元，支出决算为9.19万元，完成预算的36.40%，与上年相比减少1.39万元，减少13.15%,减少的主要原因是正常浮动。",
        );
        assert_eq!(get(&f, "three_public.total.budget"), ["93.00"]);
        assert_eq!(get(&f, "three_public.total.rate"), ["43.16"]);
        assert_eq!(get(&f, "three_public.overseas_travel.budget"), ["8"]);
        assert_eq!(get(&f, "three_public.overseas_travel.change"), ["15.22"]);
        assert_eq!(get(&f, "three_public.vehicles.change"), ["-1.39"]);
        assert_eq!(get(&f, "three_public.vehicles.change_pct"), ["-13.15"]);
        let f = run("2．公务接待费3.28万元，共接待78批318人次；");
        assert_eq!(get(&f, "three_public.hospitality.actual"), ["3.28"]);
        assert_eq!(get(&f, "three_public.hospitality.batches"), ["78"]);
        assert_eq!(get(&f, "three_public.hospitality.people"), ["318"]);
        let f = run("1．因公出国（境）费用0元；");
        assert_eq!(get(&f, "three_public.overseas_travel.actual"), ["0"]);
    }

    #[test]
    fn three_public_lines_end_where_another_figure_starts() {
        let f = run("“三公”经费支出预算为93.00万元，支出决算为40.14万元；机关运行经费支出预算为120.00万元。");
        assert_eq!(get(&f, "three_public.total.budget"), ["93.00"]);
        assert_eq!(get(&f, "three_public.total.actual"), ["40.14"]);
        assert!(f.found.iter().all(|x| x.value != "120.00"), "{f:?}");
        let f = run("公务接待费32800元，比上年减少2000元。");
        assert_eq!(get(&f, "three_public.hospitality.actual"), ["3.28"]);
        assert_eq!(get(&f, "three_public.hospitality.change"), ["-0.20"]);
        assert!(f.found[0].note.as_deref().unwrap().contains("÷10000"));
    }

    #[test]
    fn a_share_only_where_the_format_has_one() {
        let f = run("2021年部门整体支出为1545.30万元，占全区的2.5%。");
        assert_eq!(get(&f, "expenditure.total"), ["1545.30"]);
        assert_eq!(f.found.len(), 1, "{f:?}");
    }

    #[test]
    fn growth_after_an_approximate_figure_goes_nowhere() {
        let f = run("2021年完成规模工业总产值170亿元，完成基础设施投入约12亿元，同比增长5%。");
        assert_eq!(get(&f, "economy[industrial_output].value"), ["170"]);
        assert!(get(&f, "economy[industrial_output].change_pct").is_empty(), "{f:?}");
    }

    #[test]
    fn economy_results_and_their_growth() {
        let f = run(
            "2021年实现规模工业总产值170亿元，同比增长18%；规模工业企业实缴税收 18500万元；新建专家工作站1个，累计新建标准厂房约100万平方米。",
        );
        assert_eq!(get(&f, "economy[industrial_output].value"), ["170"]);
        assert_eq!(get(&f, "economy[industrial_output].change_pct"), ["18"]);
        assert_eq!(get(&f, "economy[industrial_enterprise_tax].value"), ["18500"]);
        assert_eq!(f.items.len(), 1);
        assert_eq!((f.items[0].value.as_str(), f.items[0].unit.as_str()), ("1", "个"));
        assert!(f.skipped.iter().any(|s| s.0 == "100万平方米"));
        let f = run("今年完成新签约、新开工、新竣工投资5000万元以上工业项目分别为27个、22个、15个，同时跟踪。");
        assert_eq!(get(&f, "economy[projects_started].value"), ["22"]);
    }

    #[test]
    fn targets_and_new_wording_fill_nothing() {
        let f = run("确保园区规模工业总产值同比增长13%，力争全年新增项目用地3000亩以上。");
        assert!(f.found.is_empty() && f.items.is_empty(), "{f:?}");
        let f = run("本年度花掉的钱为1545.30万元。");
        assert!(f.found.is_empty() && f.items.is_empty(), "{f:?}");
    }

    #[test]
    fn score_grade_staff_and_assets() {
        let f = run("本单位2021年绩效自评得分为92分，绩效等级为优。");
        assert_eq!(get(&f, "evaluation.score"), ["92"]);
        assert_eq!(get(&f, "evaluation.grade"), ["优"]);
        let f = run("事业编制50人，实有编制人员42人，其中管理人员35人，专业技术人员0人，工勤人员7人。");
        assert_eq!(get(&f, "staffing.authorized"), ["50"]);
        assert_eq!(get(&f, "staffing.authorized_type"), ["事业编制"]);
        assert_eq!(get(&f, "staffing.categories[technical].value"), ["0"]);
        let f = run("截至2019年12月31日，我单位资产合计587.00万元，其中流动资产0.63万元，占资产总额比例0.11%。");
        assert_eq!(get(&f, "assets.as_of"), ["2019-12-31"]);
        assert_eq!(get(&f, "assets.current_share"), ["0.11"]);
    }

    fn run_year(text: &str, year: u16) -> Findings {
        read_for_year(
            &[Block::Paragraph {
                text: text.into(),
                at: Origin::Line(7),
            }],
            Some(year),
        )
    }

    #[test]
    fn only_the_reports_year() {
        let f = run_year("2021年部门整体支出为1020.00万元，其中基本支出为520.00万元。", 2022);
        assert!(f.found.is_empty(), "{f:?}");
        let f = run_year("2022年规模工业总产值45.6亿元，比2021年增长13.43%。", 2022);
        assert_eq!(get(&f, "economy[industrial_output].value"), ["45.6"]);
        assert_eq!(get(&f, "economy[industrial_output].change_pct"), ["13.43"]);
        let f = run_year("2021年度绩效自评得分为89分，绩效等级为良。", 2022);
        assert!(f.found.is_empty(), "{f:?}");
        let f = run_year(
            "2022年基本支出为456.79万元。上年基本支出为469.13万元，其中人员经费为390.00万元。",
            2022,
        );
        assert_eq!(get(&f, "expenditure.basic"), ["456.79"]);
        assert!(get(&f, "expenditure.personnel").is_empty(), "{f:?}");
    }

    #[test]
    fn budgets_changes_parts_and_other_entities_fill_nothing() {
        for t in [
            "2022年部门整体支出预算数为1500.00万元。",
            "2022年部门整体支出较上年减少200.00万元。",
            "资产总额较上年增加120.00万元。",
            "项目支出预算执行率为70.00%。",
            "产出指标自评得分为45分。",
            "规模工业增加值比上年减少1.2亿元，下降8%。",
            "全年新增企业较上年少5家。",
            "全区实现税收收入50亿元，同比增长6%。",
            "园区规模工业增加值增速高于全县平均水平5个百分点。",
            "人员经费为100.00万美元、日常公用经费为54.53万港元，基本支出为1545.30千元。",
        ] {
            let f = run_year(t, 2022);
            assert!(f.found.is_empty() && f.items.is_empty(), "{t}: {f:?}");
        }
        let f = run_year("公务接待费较上年增加1.20万元。", 2022);
        assert_eq!(get(&f, "three_public.hospitality.change"), ["1.20"]);
    }

    #[test]
    fn split_digits_give_both_readings() {
        let f = run_year("2．公务接待费3 .28万元，共接待7 8批318人次；", 2022);
        assert_eq!(get(&f, "three_public.hospitality.actual"), ["3.28", "28"]);
        assert_eq!(get(&f, "three_public.hospitality.batches"), ["78", "8"]);
        assert_eq!(get(&f, "three_public.hospitality.people"), ["318"]);
        let f = run_year("公务用车购置及运行费2\t.57万元，项目支出为712.\n42万元。", 2022);
        assert_eq!(get(&f, "three_public.vehicles.actual"), ["2.57", "57"]);
        assert_eq!(get(&f, "expenditure.project"), ["712.42", "42"]);
    }

    #[test]
    fn nothing_under_a_plan_heading() {
        let blocks: Vec<Block> = [
            "（一）部门年度整体支出绩效目标",
            "部门整体支出为1600.00万元。",
            "四、下一步工作计划",
            "新签约项目30个。",
        ]
        .iter()
        .map(|t| Block::Paragraph {
            text: (*t).into(),
            at: Origin::Line(1),
        })
        .collect();
        let f = read_for_year(&blocks, Some(2022));
        assert!(f.found.is_empty() && f.items.is_empty(), "{f:?}");
    }

    #[test]
    fn listed_project_items() {
        let f = run(
            "2023年度一般公共项目支出156.48万元，主要为五好园区环境卫生整治（含入统、春风行动等）等活动支出43.48万元，招商引资工作经费79万元。",
        );
        assert_eq!(get(&f, "expenditure.by_fund[general_public].project"), ["156.48"]);
        assert_eq!(f.items.len(), 2);
        assert_eq!(f.items[0].label, "五好园区环境卫生整治（含入统、春风行动等）等活动支出");
        assert_eq!(f.items[1].fund, Some("general_public"));
    }
}
