//! Targets against results: reads a target as a report writes it (`不少于20家`, `≥90%`,
//! `≤1800元/平方米`, `100%`) and a result (`18家`), and says whether the target was met.
//! When the two cannot be compared (no number, different units, a target with no direction),
//! it says so rather than guessing. Exact decimals throughout.

use crate::content::model::{Goal, Indicator, Item};
use crate::decimal::Dec;

/// Which way a target points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// 不少于, 不低于, ≥, 以上, 至少.
    AtLeast,
    /// 不高于, 不多于, 不超过, ≤, 以内, 以下.
    AtMost,
    /// 大于, 高于, 超过, >.
    Above,
    /// 小于, 低于, <.
    Below,
    /// A bare figure: only meeting it exactly (or reaching 100%) is clear.
    Equal,
}

/// A target read from its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub direction: Direction,
    pub value: Dec,
    pub unit: String,
}

/// Whether a target was met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Met,
    NotMet,
    /// Some of a goal's targets met, some not.
    Partly,
    /// The target and the result cannot be compared.
    Unclear,
}

impl Outcome {
    /// CSS class and i18n key suffix.
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Met => "met",
            Outcome::NotMet => "not-met",
            Outcome::Partly => "partly",
            Outcome::Unclear => "unclear",
        }
    }
}

const AT_LEAST: [&str; 10] = [
    // 需达到30个, 确保达到: a level to reach (not 达 alone: 到达时间不超过30分钟 is a most).
    "达到",
    "不少于",
    "不低于",
    "不小于",
    "大于等于",
    "大于或等于",
    "至少",
    "≥",
    ">=",
    "＞＝",
];
const AT_MOST: [&str; 9] = [
    "不高于",
    "不多于",
    "不超过",
    "不大于",
    "小于等于",
    "小于或等于",
    "≤",
    "<=",
    "控制在",
];
const ABOVE: [&str; 5] = ["大于", "高于", "超过", ">", "＞"];
const BELOW: [&str; 4] = ["小于", "低于", "<", "＜"];

/// The first number in `s` (ASCII or full-width digits, `,` separators, one point) with what
/// follows it up to the next punctuation or space: `("18", "家")`; the byte range it covers.
/// `s` with full-width digits, point and comparison signs folded to ASCII.
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '％' => '%',
            c => c,
        })
        .collect()
}

/// The range is in terms of `s` folded ([`fold`]), which is `s` itself when it has no
/// full-width digits.
pub fn first_number(s: &str) -> Option<(Dec, String, usize, usize)> {
    let folded = fold(s);
    let start = folded.find(|c: char| c.is_ascii_digit())?;
    let rest = &folded[start..];
    let mut end = 0;
    let mut seen_point = false;
    let bytes = rest.as_bytes();
    while end < bytes.len() {
        let b = bytes[end];
        let next_digit = bytes.get(end + 1).is_some_and(|n| n.is_ascii_digit());
        if b.is_ascii_digit() || (b == b',' && next_digit) || (b == b'.' && !seen_point && next_digit) {
            seen_point |= b == b'.';
            end += 1;
        } else {
            break;
        }
    }
    let number = Dec::parse(&rest[..end]).ok()?;
    let after = &rest[end..];
    let unit: String = after
        .trim_start()
        .chars()
        .take_while(|c| {
            !matches!(
                c,
                '，' | '；'
                    | '。'
                    | ','
                    | ';'
                    | '、'
                    | '（'
                    | '('
                    | '）'
                    | ')'
                    | ' '
                    | '以'
                    | '及'
                    | '和'
                    | '“'
                    | '”'
                    | '"'
            ) && !c.is_ascii_digit()
        })
        .collect();
    Some((number, unit.trim().to_string(), start, start + end))
}

/// Reads a target: `不少于10万平方米`, `≥90%`, `≤1800元/平方米`, `90%以上`, `100%`.
pub fn parse_target(text: &str) -> Option<Target> {
    let folded = fold(text.trim());
    let t = folded.as_str();
    let (value, unit, start, _) = first_number(t)?;
    let before = &t[..start.min(t.len())];
    let mut unit = unit;
    let mut direction = if AT_LEAST.iter().any(|w| before.contains(w)) {
        Direction::AtLeast
    } else if AT_MOST.iter().any(|w| before.contains(w)) {
        Direction::AtMost
    } else if ABOVE.iter().any(|w| before.contains(w)) {
        Direction::Above
    } else if BELOW.iter().any(|w| before.contains(w)) {
        Direction::Below
    } else {
        Direction::Equal
    };
    // Suffixes: 90%以上, 5天以内, 10%以下.
    let tail = &t[start..];
    if direction == Direction::Equal {
        if tail.contains("以上") || tail.contains("及以上") {
            direction = Direction::AtLeast;
        } else if tail.contains("以内") || tail.contains("以下") {
            direction = Direction::AtMost;
        }
    }
    for suffix in ["及以上", "以上", "以内", "以下"] {
        if let Some(u) = unit.strip_suffix(suffix) {
            unit = u.to_string();
        }
    }
    Some(Target { direction, value, unit })
}

/// Whether `actual` (in `unit`) meets `target`; [`Outcome::Unclear`] when the units differ or
/// the target gives no direction and the result is not exactly it.
pub fn judge(target: &Target, actual: Dec, unit: &str) -> Outcome {
    if !target.unit.is_empty() && !unit.is_empty() && target.unit != unit {
        return Outcome::Unclear;
    }
    let (t, a) = (target.value.0, actual.0);
    let met = match target.direction {
        Direction::AtLeast => a >= t,
        Direction::AtMost => a <= t,
        Direction::Above => a > t,
        Direction::Below => a < t,
        Direction::Equal if a == t => true,
        // A share of 100% cannot be exceeded: anything below falls short.
        Direction::Equal if target.unit == "%" && t == rust_decimal::Decimal::ONE_HUNDRED => false,
        Direction::Equal => return Outcome::Unclear,
    };
    if met { Outcome::Met } else { Outcome::NotMet }
}

/// One target with its result, as the summary lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compared {
    /// The indicator's name (三级指标), or the goal's clause.
    pub name: String,
    pub target: String,
    pub actual: String,
    pub outcome: Outcome,
}

/// An indicator row's target against its result, when it states both.
pub fn indicator(ind: &Indicator) -> Option<Compared> {
    let target_text = ind.target.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let actual_text = ind.actual.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if target_text.is_none() && ind.target_value.is_none() {
        return None;
    }
    if actual_text.is_none() && ind.actual_value.is_none() {
        return None;
    }
    let unit = ind.unit.clone().unwrap_or_default();
    let parsed = target_text.and_then(parse_target);
    let target = match (parsed, ind.target_value) {
        (Some(mut t), Some(v)) => {
            t.value = v;
            if !unit.is_empty() {
                t.unit = unit.clone();
            }
            Some(t)
        }
        (Some(t), None) => Some(t),
        (None, Some(v)) => Some(Target {
            direction: Direction::Equal,
            value: v,
            unit: unit.clone(),
        }),
        (None, None) => None,
    };
    let actual = match ind.actual_value {
        Some(v) => Some((v, unit.clone())),
        None => actual_text.and_then(first_number).map(|(v, u, _, _)| (v, u)),
    };
    let outcome = match (&target, actual) {
        (Some(t), Some((v, u))) => judge(t, v, &u),
        _ => Outcome::Unclear,
    };
    let shown = |text: Option<&str>, value: Option<Dec>| {
        text.map(str::to_string)
            .or_else(|| value.map(|v| format!("{} {unit}", v.grouped()).trim().to_string()))
            .unwrap_or_default()
    };
    Some(Compared {
        name: ind.level3.clone().unwrap_or_default(),
        target: shown(target_text, ind.target_value),
        actual: shown(actual_text, ind.actual_value),
        outcome,
    })
}

/// The clauses of a goal's text: split at `，；。,;`.
fn clauses(text: &str) -> Vec<&str> {
    text.split(['，', '；', '。', ',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// A goal's targets against its results, clause by clause: each target clause with a number is
/// paired with the one result clause in the same unit. The goal as a whole is met when every
/// pair is, partly met when some are; unclear when no pair can be made.
pub fn goal(g: &Goal) -> Option<(Outcome, Vec<Compared>)> {
    let target = g.target.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    let actual = g.actual.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    let results: Vec<(&str, Dec, String)> = clauses(actual)
        .into_iter()
        .filter_map(|c| first_number(c).map(|(v, u, _, _)| (c, v, u)))
        .collect();
    let mut pairs = Vec::new();
    for clause in clauses(target) {
        let Some(t) = parse_target(clause) else { continue };
        let same: Vec<&(&str, Dec, String)> = results.iter().filter(|(_, _, u)| *u == t.unit).collect();
        let (actual_text, outcome) = match same.as_slice() {
            [(text, v, u)] => (text.to_string(), judge(&t, *v, u)),
            _ => (String::new(), Outcome::Unclear),
        };
        pairs.push(Compared {
            name: String::new(),
            target: clause.to_string(),
            actual: actual_text,
            outcome,
        });
    }
    let judged: Vec<Outcome> = pairs
        .iter()
        .map(|p| p.outcome)
        .filter(|o| *o != Outcome::Unclear)
        .collect();
    let overall = if judged.is_empty() || judged.len() < pairs.len() && judged.iter().all(|o| *o == Outcome::Met) {
        Outcome::Unclear
    } else if judged.iter().all(|o| *o == Outcome::Met) {
        Outcome::Met
    } else if judged.iter().all(|o| *o == Outcome::NotMet) && judged.len() == pairs.len() {
        Outcome::NotMet
    } else {
        Outcome::Partly
    };
    Some((overall, pairs))
}

/// An economic result with the target the report set for it (`economy[].target`): `30个以上`
/// against its value in the same unit, or a growth target — a target in % on a figure that is
/// not — against its stated change (`change_pct`). A growth target with no comparator
/// (确保总产值同比增长13%) is a floor: these plans set growth to reach, not to hit exactly.
/// `unit_shown` is the unit as the page writes it (万元, CNY 10,000); `chinese` picks the words
/// of a change (同比增长17.3% / up 17.3%).
pub fn economic(item: &Item, name: String, unit: &str, unit_shown: &str, chinese: bool) -> Option<Compared> {
    let target_text = item.target.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    let shown_value = format!("{} {unit_shown}", item.value.grouped()).trim().to_string();
    let mut compared = Compared {
        name,
        target: target_text.to_string(),
        actual: shown_value.clone(),
        outcome: Outcome::Unclear,
    };
    let Some(mut target) = parse_target(target_text) else {
        return Some(compared);
    };
    if target.unit == "%" && unit != "%" {
        let Some(change) = item.change_pct else {
            return Some(compared);
        };
        if target.direction == Direction::Equal {
            target.direction = Direction::AtLeast;
        }
        // A fall stated as 下降5% is a change of -5.
        if target_text.contains("下降") || target_text.contains("减少") {
            target.value = Dec(-target.value.0);
            target.direction = match target.direction {
                Direction::AtLeast => Direction::AtMost,
                Direction::AtMost => Direction::AtLeast,
                Direction::Above => Direction::Below,
                Direction::Below => Direction::Above,
                Direction::Equal => Direction::Equal,
            };
        }
        let (up, down, sep) = if chinese {
            ("同比增长", "同比下降", "，")
        } else {
            ("up ", "down ", ", ")
        };
        let word = if change.0.is_sign_negative() { down } else { up };
        compared.actual = format!("{shown_value}{sep}{word}{}%", Dec(change.0.abs()).grouped());
        compared.outcome = judge(&target, change, "%");
        return Some(compared);
    }
    compared.outcome = judge(&target, item.value, unit);
    Some(compared)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        Dec::parse(s).unwrap()
    }

    fn t(dir: Direction, v: &str, unit: &str) -> Target {
        Target {
            direction: dir,
            value: d(v),
            unit: unit.into(),
        }
    }

    #[test]
    fn targets_are_read_with_their_comparators_and_units() {
        assert_eq!(
            parse_target("不少于10万平方米"),
            Some(t(Direction::AtLeast, "10", "万平方米"))
        );
        assert_eq!(parse_target("≥90%"), Some(t(Direction::AtLeast, "90", "%")));
        assert_eq!(parse_target(">=500人"), Some(t(Direction::AtLeast, "500", "人")));
        assert_eq!(
            parse_target("≤1800元/平方米"),
            Some(t(Direction::AtMost, "1800", "元/平方米"))
        );
        assert_eq!(parse_target("不高于5%"), Some(t(Direction::AtMost, "5", "%")));
        assert_eq!(
            parse_target("不超过1,200万元"),
            Some(t(Direction::AtMost, "1200", "万元"))
        );
        assert_eq!(parse_target("90%以上"), Some(t(Direction::AtLeast, "90", "%")));
        assert_eq!(
            parse_target("5个工作日以内"),
            Some(t(Direction::AtMost, "5", "个工作日"))
        );
        assert_eq!(parse_target("100%"), Some(t(Direction::Equal, "100", "%")));
        assert_eq!(parse_target("大于80分"), Some(t(Direction::Above, "80", "分")));
        assert_eq!(parse_target("低于３%"), Some(t(Direction::Below, "3", "%")));
        assert_eq!(parse_target("不少于“20家”"), Some(t(Direction::AtLeast, "20", "家")));
        assert_eq!(parse_target("有效提升"), None);
        assert_eq!(parse_target(""), None);
    }

    #[test]
    fn results_are_judged_against_targets_exactly() {
        assert_eq!(
            judge(&t(Direction::AtLeast, "20", "家"), d("18"), "家"),
            Outcome::NotMet
        );
        assert_eq!(judge(&t(Direction::AtLeast, "20", "家"), d("20"), "家"), Outcome::Met);
        assert_eq!(
            judge(&t(Direction::AtMost, "1800", "元/平方米"), d("1750"), "元/平方米"),
            Outcome::Met
        );
        assert_eq!(
            judge(&t(Direction::AtMost, "0.1", "%"), d("0.10000001"), "%"),
            Outcome::NotMet
        );
        assert_eq!(judge(&t(Direction::Above, "80", "分"), d("80"), "分"), Outcome::NotMet);
        assert_eq!(judge(&t(Direction::Below, "3", "%"), d("2.99"), "%"), Outcome::Met);
        assert_eq!(judge(&t(Direction::Equal, "100", "%"), d("100"), "%"), Outcome::Met);
        assert_eq!(judge(&t(Direction::Equal, "100", "%"), d("98"), "%"), Outcome::NotMet);
        // A bare figure other than 100% has no direction: more may be better or worse.
        assert_eq!(judge(&t(Direction::Equal, "10", "个"), d("12"), "个"), Outcome::Unclear);
        // Different units are not compared.
        assert_eq!(
            judge(&t(Direction::AtLeast, "10", "万平方米"), d("12"), "平方米"),
            Outcome::Unclear
        );
        // A result with no unit is read in the target's.
        assert_eq!(judge(&t(Direction::AtLeast, "500", "人"), d("620"), ""), Outcome::Met);
    }

    #[test]
    fn indicator_rows_use_their_values_and_texts() {
        let row = Indicator {
            level3: Some("新建标准厂房面积".into()),
            target: Some("不少于10万平方米".into()),
            target_value: Some(d("10")),
            actual: Some("12万平方米".into()),
            actual_value: Some(d("12")),
            unit: Some("万平方米".into()),
            ..Default::default()
        };
        let c = indicator(&row).unwrap();
        assert_eq!(c.outcome, Outcome::Met);
        assert_eq!(
            (c.target.as_str(), c.actual.as_str()),
            ("不少于10万平方米", "12万平方米")
        );
        let row = Indicator {
            level3: Some("入驻企业数".into()),
            target: Some("不少于20家".into()),
            actual: Some("18家".into()),
            ..Default::default()
        };
        assert_eq!(indicator(&row).unwrap().outcome, Outcome::NotMet);
        let row = Indicator {
            level3: Some("群众满意度".into()),
            target: Some("明显提升".into()),
            actual: Some("有所提升".into()),
            ..Default::default()
        };
        assert_eq!(indicator(&row).unwrap().outcome, Outcome::Unclear);
        let row = Indicator {
            level3: Some("x".into()),
            target: Some("≥90%".into()),
            ..Default::default()
        };
        assert_eq!(indicator(&row), None);
    }

    #[test]
    fn goals_pair_clauses_by_unit() {
        let g = Goal {
            target: Some("新建标准厂房不少于10万平方米，引进入驻企业不少于20家。".into()),
            actual: Some("新建标准厂房12万平方米，入驻企业18家。".into()),
        };
        let (overall, pairs) = goal(&g).unwrap();
        assert_eq!(overall, Outcome::Partly);
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[0].outcome, Outcome::Met);
        assert_eq!(pairs[0].actual, "新建标准厂房12万平方米");
        assert_eq!(pairs[1].outcome, Outcome::NotMet);
        let g = Goal {
            target: Some("完成园区道路建设".into()),
            actual: Some("已完成".into()),
        };
        assert_eq!(goal(&g).unwrap().0, Outcome::Unclear);
        // Two results in the same unit: which one answers the target is not guessed.
        let g = Goal {
            target: Some("新签约项目不少于30个".into()),
            actual: Some("签约21个，开工13个".into()),
        };
        assert_eq!(goal(&g).unwrap().0, Outcome::Unclear);
    }

    fn item(yaml: &str) -> Item {
        yaml_serde::from_str(yaml).unwrap()
    }

    #[test]
    fn economic_targets_compare_the_value_or_the_growth() {
        let signed = item("key: projects_signed\nvalue: 21\nunit: 个\ntarget: 30个以上\n");
        let c = economic(&signed, "新签约项目".into(), "个", "个", true).unwrap();
        assert_eq!(
            (c.outcome, c.target.as_str(), c.actual.as_str()),
            (Outcome::NotMet, "30个以上", "21 个")
        );
        let output = item("key: industrial_output\nvalue: 663.4\nunit: 亿元\nchange_pct: 17.3\ntarget: 同比增长13%\n");
        let c = economic(&output, String::new(), "亿元", "亿元", true).unwrap();
        assert_eq!(c.outcome, Outcome::Met);
        assert_eq!(c.actual, "663.4 亿元，同比增长17.3%");
        let short = item("key: x\nvalue: 1\nunit: 亿元\nchange_pct: 9\ntarget: 增长10%\n");
        assert_eq!(
            economic(&short, String::new(), "亿元", "亿元", true).unwrap().outcome,
            Outcome::NotMet
        );
        // A growth target with no stated change cannot be judged.
        let none = item("key: x\nvalue: 1\nunit: 亿元\ntarget: 增长10%\n");
        assert_eq!(
            economic(&none, String::new(), "亿元", "亿元", true).unwrap().outcome,
            Outcome::Unclear
        );
        // A fall to reach: 下降5% met by -6.
        let fall = item("key: x\nvalue: 1\nunit: 吨\nchange_pct: -6\ntarget: 下降5%\n");
        assert_eq!(
            economic(&fall, String::new(), "吨", "吨", true).unwrap().outcome,
            Outcome::Met
        );
        assert!(economic(&item("key: x\nvalue: 1\n"), String::new(), "个", "个", true).is_none());
        assert_eq!(parse_target("需达到20个"), Some(t(Direction::AtLeast, "20", "个")));
        assert_eq!(
            parse_target("到达时间不超过30分钟"),
            Some(t(Direction::AtMost, "30", "分钟"))
        );
    }
}
