//! Numbers with their units in running text, kept exactly as written: `174,053.00万元` is the
//! figure `174053.00` in `万元` (separators dropped, every digit and trailing zero kept).
//! A number without a unit is no figure here (years, item numbers, document numbers).

/// A number followed by a unit, by char positions in the text it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub start: usize,
    pub end: usize,
    /// ASCII digits, `.` and `-` only.
    pub text: String,
    pub unit: String,
}

/// Units, longest first so that 万元 wins over 万.
const UNITS: &[&str] = &[
    // Not money of the form (a foreign currency, 千元, 百万元) and percentage points: units of
    // their own, so that 100.00万美元 is never read as 100.00万 and 5个百分点 never as 5个.
    "个百分点",
    "百分点",
    "万澳门元",
    "亿澳门元",
    "澳门元",
    "万亿元",
    "百万元",
    "千万元",
    "千元",
    "万美元",
    "万港元",
    "万欧元",
    "万日元",
    "万英镑",
    "万韩元",
    "万澳元",
    "亿港元",
    "亿欧元",
    "亿日元",
    "亿英镑",
    "美元",
    "港元",
    "港币",
    "欧元",
    "日元",
    "英镑",
    "韩元",
    "澳元",
    "卢布",
    "亿美元",
    "万平方米",
    "平方米",
    "亿元",
    "万元",
    "人次",
    "场次",
    "批次",
    "元",
    "万",
    "亿",
    "%",
    "％",
    "人",
    "家",
    "个",
    "亩",
    "项",
    "条",
    "次",
    "份",
    "件",
    "台",
    "辆",
    "批",
    "分",
    "支",
    "名",
];

fn digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

/// The figures of `s`, outside parentheses.
pub fn figures(s: &str) -> Vec<Figure> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = (depth - 1).max(0),
            _ => {}
        }
        if depth > 0 || digit(c).is_none() || (i > 0 && (digit(cs[i - 1]).is_some() || cs[i - 1].is_ascii_alphabetic()))
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut text = String::new();
        let mut j = i;
        while j < cs.len() {
            if let Some(d) = digit(cs[j]) {
                text.push(d);
                j += 1;
            } else if cs[j] == ','
                && j + 3 < cs.len() + 1
                && (1..=3).all(|k| cs.get(j + k).and_then(|c| digit(*c)).is_some())
                && cs.get(j + 4).and_then(|c| digit(*c)).is_none()
                && !text.contains('.')
            {
                j += 1;
            } else if (cs[j] == '.' || cs[j] == '．')
                && !text.contains('.')
                && cs.get(j + 1).and_then(|c| digit(*c)).is_some()
            {
                text.push('.');
                j += 1;
            } else {
                break;
            }
        }
        let mut k = j;
        while k < cs.len() && (cs[k] == ' ' || cs[k] == '\u{a0}') {
            k += 1;
        }
        let rest: String = cs[k..cs.len().min(k + 4)].iter().collect();
        if let Some(u) = UNITS.iter().find(|u| rest.starts_with(**u)) {
            let unit = if *u == "％" { "%" } else { u };
            let end = k + u.chars().count();
            out.push(Figure {
                start,
                end,
                text,
                unit: unit.to_string(),
            });
            i = end;
        } else {
            i = j;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_keep_their_digits() {
        let f = figures("收入预算数174,053.00万元，增长23.60%，共78批318人次");
        let got: Vec<(&str, &str)> = f.iter().map(|f| (f.text.as_str(), f.unit.as_str())).collect();
        assert_eq!(
            got,
            [("174053.00", "万元"), ("23.60", "%"), ("78", "批"), ("318", "人次")]
        );
        assert_eq!(f[0].start, 5);
    }

    #[test]
    fn years_items_and_parentheses_are_not_figures() {
        assert!(figures("2019年12月31日，1．因公，财行〔2017〕434号").is_empty());
        let f = figures("税收收入42.15亿元（核心区28.67亿元）");
        assert_eq!(f.len(), 1);
        assert_eq!(figures("收入 3758 万元")[0].text, "3758");
        assert_eq!(figures("１２．５万元")[0].text, "12.5");
        let units: Vec<String> =
            figures("人员经费为100.00万美元、54.53万港元、1545.30千元、5.87百万元，高于平均水平5个百分点")
                .into_iter()
                .map(|f| f.unit)
                .collect();
        assert_eq!(units, ["万美元", "万港元", "千元", "百万元", "个百分点"]);
    }
}
