//! Reads a comparator and a number out of an indicator's target or result as the form prints
//! it: 不少于10万平方米, ≥95%, ≤5%, 100%, 不高于1800元/平方米, 10个以上. Text that is more
//! than a comparator, a number and a short unit (按期完成, 2022年12月前) is not parsed: the
//! data then leaves the parsed columns empty and keeps the text as stated.

use crate::decimal::Dec;

/// How a result is compared with the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    AtLeast,
    AtMost,
    Above,
    Below,
    Equal,
}

impl Op {
    /// As written in the data: `>=`, `<=`, `>`, `<`, `=`.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::AtLeast => ">=",
            Op::AtMost => "<=",
            Op::Above => ">",
            Op::Below => "<",
            Op::Equal => "=",
        }
    }

    /// Whether `actual` meets a target of `target` under this comparator.
    pub fn met(self, actual: Dec, target: Dec) -> bool {
        match self {
            Op::AtLeast => actual >= target,
            Op::AtMost => actual <= target,
            Op::Above => actual > target,
            Op::Below => actual < target,
            Op::Equal => actual == target,
        }
    }
}

/// A parsed target or result: comparator, number and unit (empty when none is written).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub op: Op,
    pub value: Dec,
    pub unit: String,
}

/// Words and signs before the number, longest first.
const BEFORE: &[(&str, Op)] = &[
    ("大于等于", Op::AtLeast),
    ("小于等于", Op::AtMost),
    ("大于或等于", Op::AtLeast),
    ("小于或等于", Op::AtMost),
    ("不少于", Op::AtLeast),
    ("不低于", Op::AtLeast),
    ("不小于", Op::AtLeast),
    ("不高于", Op::AtMost),
    ("不多于", Op::AtMost),
    ("不超过", Op::AtMost),
    ("不大于", Op::AtMost),
    ("不超出", Op::AtMost),
    ("至少", Op::AtLeast),
    ("达到", Op::AtLeast),
    ("超过", Op::Above),
    ("大于", Op::Above),
    ("高于", Op::Above),
    ("多于", Op::Above),
    ("小于", Op::Below),
    ("低于", Op::Below),
    ("少于", Op::Below),
    ("控制在", Op::AtMost),
    ("等于", Op::Equal),
    (">=", Op::AtLeast),
    ("<=", Op::AtMost),
    ("≥", Op::AtLeast),
    ("≧", Op::AtLeast),
    ("≤", Op::AtMost),
    ("≦", Op::AtMost),
    ("＞", Op::Above),
    ("＜", Op::Below),
    (">", Op::Above),
    ("<", Op::Below),
    ("＝", Op::Equal),
    ("=", Op::Equal),
];

/// Words after the unit.
const AFTER: &[(&str, Op)] = &[
    ("及以上", Op::AtLeast),
    ("以上", Op::AtLeast),
    ("及以下", Op::AtMost),
    ("以下", Op::AtMost),
    ("以内", Op::AtMost),
];

/// Most characters a unit may have (万平方米, 元/平方米, 人次).
const MAX_UNIT: usize = 6;

/// Parses `text`; `None` when it is not a comparator, one number and a short unit.
pub fn parse(text: &str) -> Option<Parsed> {
    let folded: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '％' => '%',
            c => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut rest = folded.as_str();
    let mut op = None;
    if let Some((word, o)) = BEFORE.iter().find(|(w, _)| rest.starts_with(w)) {
        op = Some(*o);
        rest = &rest[word.len()..];
    }
    let digits = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let (number, mut unit) = rest.split_at(digits);
    let number = number.replace(',', "");
    if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let value = Dec::parse(&number).ok()?;
    if let Some((word, o)) = AFTER.iter().find(|(w, _)| unit.ends_with(w)) {
        if op.is_some() {
            return None;
        }
        op = Some(*o);
        unit = &unit[..unit.len() - word.len()];
    }
    if unit.chars().count() > MAX_UNIT
        || unit
            .chars()
            .any(|c| c.is_ascii_digit() || "，,；;。（()）—-~～至".contains(c))
    {
        return None;
    }
    Some(Parsed {
        op: op.unwrap_or(Op::Equal),
        value,
        unit: unit.to_string(),
    })
}

/// An indicator's target and result, compared where they can be.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Compared {
    pub op: Option<Op>,
    pub target_value: Option<Dec>,
    pub target_unit: Option<String>,
    pub actual_value: Option<Dec>,
    pub actual_unit: Option<String>,
    /// `None` when the two cannot be compared (no comparator, a number missing, or units that
    /// differ).
    pub met: Option<bool>,
}

/// Compares a target with a result. The numbers the report gives (`target_value`,
/// `actual_value` with `unit`) win over the numbers read from the text.
pub fn compare(
    target: Option<&str>,
    target_value: Option<Dec>,
    actual: Option<&str>,
    actual_value: Option<Dec>,
    unit: Option<&str>,
) -> Compared {
    let t = target.and_then(parse);
    let a = actual.and_then(parse).filter(|a| a.op == Op::Equal);
    let given = unit.map(str::to_string).filter(|u| !u.is_empty());
    let pick = |stated: Option<Dec>, parsed: &Option<Parsed>| match (stated, parsed) {
        (Some(v), _) => (
            Some(v),
            given.clone().or_else(|| parsed.as_ref().map(|p| p.unit.clone())),
        ),
        (None, Some(p)) => (
            Some(p.value),
            Some(p.unit.clone()).filter(|u| !u.is_empty()).or_else(|| given.clone()),
        ),
        (None, None) => (None, None),
    };
    let (target_value, target_unit) = pick(target_value, &t);
    let (actual_value, actual_unit) = pick(actual_value, &a);
    let op = t.as_ref().map(|t| t.op);
    let met = match (op, target_value, actual_value) {
        (Some(op), Some(tv), Some(av)) if target_unit == actual_unit => Some(op.met(av, tv)),
        _ => None,
    };
    Compared {
        op,
        target_value,
        target_unit,
        actual_value,
        actual_unit,
        met,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Option<(&'static str, String, String)> {
        parse(text).map(|p| (p.op.symbol(), p.value.to_string(), p.unit))
    }

    fn s(op: &'static str, v: &str, u: &str) -> Option<(&'static str, String, String)> {
        Some((op, v.to_string(), u.to_string()))
    }

    #[test]
    fn reads_comparators_numbers_and_units() {
        assert_eq!(p("不少于10万平方米"), s(">=", "10", "万平方米"));
        assert_eq!(p("≥95%"), s(">=", "95", "%"));
        assert_eq!(p("≤5%"), s("<=", "5", "%"));
        assert_eq!(p("100%"), s("=", "100", "%"));
        assert_eq!(p("不高于1800元/平方米"), s("<=", "1800", "元/平方米"));
        assert_eq!(p("≤1800元/平方米"), s("<=", "1800", "元/平方米"));
        assert_eq!(p("大于90%"), s(">", "90", "%"));
        assert_eq!(p("10个以上"), s(">=", "10", "个"));
        assert_eq!(p("不少于10"), s(">=", "10", ""));
        assert_eq!(p("１２．５万元"), s("=", "12.5", "万元"));
        assert_eq!(p(" ≥ 1,200 人 "), s(">=", "1200", "人"));
        assert_eq!(p("3天以内"), s("<=", "3", "天"));
    }

    #[test]
    fn leaves_text_that_is_more_than_a_number() {
        for text in [
            "按期完成",
            "2022年12月前完成",
            "有效提升",
            "",
            "≥",
            "1-2个",
            "不少于5家，带动就业200人",
            "不少于10个以上",
            "较上年提高",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn compares_only_like_with_like() {
        let d = |s: &str| Dec::parse(s).unwrap();
        let c = compare(Some("不少于10万平方米"), None, Some("10.5万平方米"), None, None);
        assert_eq!(c.met, Some(true));
        assert_eq!(c.actual_value, Some(d("10.5")));
        assert_eq!(c.target_unit.as_deref(), Some("万平方米"));
        let c = compare(Some("≤5%"), None, Some("6%"), None, None);
        assert_eq!(c.met, Some(false));
        // Units that differ: not compared.
        let c = compare(Some("≥95%"), None, Some("95分"), None, None);
        assert_eq!((c.met, c.actual_value), (None, Some(d("95"))));
        // A result that is not a plain figure: not compared.
        let c = compare(Some("≥95%"), None, Some("基本完成"), None, None);
        assert_eq!((c.met, c.actual_value), (None, None));
        // Stated numbers win; the unit given applies to both.
        let c = compare(
            Some("不少于10"),
            Some(d("10")),
            Some("12"),
            Some(d("12")),
            Some("万平方米"),
        );
        assert_eq!(c.met, Some(true));
        assert_eq!(c.target_unit.as_deref(), Some("万平方米"));
        // A stated number without a comparator in the text: not compared.
        let c = compare(Some("按期完成"), Some(d("1")), Some("完成"), Some(d("1")), None);
        assert_eq!((c.op, c.met), (None, None));
    }
}
