//! Human-scale amounts beside the exact ones: `166,246.71 万元（约16.6亿元）`, and in English
//! `about CNY 1.66 billion`. The exact figure is always shown as stated; this only adds a
//! rounded reading of it, computed in exact decimals (never a float).

use crate::decimal::Dec;
use crate::lang::Labels;
use rust_decimal::{Decimal, RoundingStrategy};

/// The amount in yuan, when `unit` is a unit of money this knows (元, 万元, 亿元).
fn in_yuan(value: Dec, unit: &str) -> Option<Decimal> {
    let factor = match unit {
        "元" => Decimal::ONE,
        "万元" => Decimal::from(10_000),
        "亿元" => Decimal::from(100_000_000),
        _ => return None,
    };
    value.0.checked_mul(factor)
}

/// `d` rounded to three significant figures (at most two decimals), as plain digits with
/// thousands separators for what is left of the point: `16.6`, `1.66`, `166`, `1,662`.
fn three_figures(d: Decimal) -> String {
    let int_digits = d.trunc().abs().to_string().trim_start_matches('0').len() as u32;
    let dp = 3u32.saturating_sub(int_digits.max(1)).min(2);
    let r = d
        .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
        .normalize();
    Dec(r).grouped()
}

/// The rounded reading of an amount, or `None` when the exact figure is already easy to read
/// (or is not money). Chinese: `约16.6亿元` for 1亿元 and more, `约3.3万元` for an amount in 元
/// of 1万元 and more. English: `about CNY 1.66 billion` / `about CNY 15.5 million` for
/// amounts stated in 万元 or 亿元 of one million yuan and more (a reader of English does not
/// count in 万), `about CNY 33 thousand` for amounts in 元 of 10,000 and more.
pub fn approx(value: Dec, unit: &str, labels: Labels) -> Option<String> {
    let yuan = in_yuan(value, unit)?;
    if yuan.is_sign_negative() {
        return None;
    }
    let yi = Decimal::from(100_000_000);
    let wan = Decimal::from(10_000);
    let billion = Decimal::from(1_000_000_000);
    let million = Decimal::from(1_000_000);
    match labels {
        Labels::Chinese => {
            if yuan >= yi && unit != "亿元" {
                Some(format!("约{}亿元", three_figures(yuan / yi)))
            } else if unit == "元" && yuan >= wan {
                Some(format!("约{}万元", three_figures(yuan / wan)))
            } else {
                None
            }
        }
        Labels::English => {
            if yuan >= billion && unit != "元" {
                Some(format!("about CNY {} billion", three_figures(yuan / billion)))
            } else if yuan >= million && unit != "元" {
                Some(format!("about CNY {} million", three_figures(yuan / million)))
            } else if unit == "元" && yuan >= billion {
                Some(format!("about CNY {} billion", three_figures(yuan / billion)))
            } else if unit == "元" && yuan >= million {
                Some(format!("about CNY {} million", three_figures(yuan / million)))
            } else if unit == "元" && yuan >= wan {
                Some(format!(
                    "about CNY {} thousand",
                    three_figures(yuan / Decimal::from(1000))
                ))
            } else {
                None
            }
        }
    }
}

/// [`approx`] in the page's brackets: `（约16.6亿元）` in Chinese, ` (about CNY 1.66 billion)`
/// in English.
pub fn bracketed(value: Dec, unit: &str, labels: Labels) -> Option<String> {
    approx(value, unit, labels).map(|a| match labels {
        Labels::Chinese => format!("（{a}）"),
        Labels::English => format!(" ({a})"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        Dec::parse(s).unwrap()
    }

    #[test]
    fn chinese_gives_yi_for_a_hundred_million_and_more() {
        assert_eq!(
            approx(d("166246.71"), "万元", Labels::Chinese).as_deref(),
            Some("约16.6亿元")
        );
        assert_eq!(
            approx(d("174053.00"), "万元", Labels::Chinese).as_deref(),
            Some("约17.4亿元")
        );
        assert_eq!(
            approx(d("16372.53"), "万元", Labels::Chinese).as_deref(),
            Some("约1.64亿元")
        );
        assert_eq!(approx(d("10000"), "万元", Labels::Chinese).as_deref(), Some("约1亿元"));
        assert_eq!(
            approx(d("1234567"), "万元", Labels::Chinese).as_deref(),
            Some("约123亿元")
        );
        assert_eq!(
            approx(d("99999999"), "万元", Labels::Chinese).as_deref(),
            Some("约10,000亿元")
        );
        // Below 1亿元 a 万元 figure is already readable.
        assert_eq!(approx(d("9999.99"), "万元", Labels::Chinese), None);
        assert_eq!(approx(d("1545.30"), "万元", Labels::Chinese), None);
        // A figure in 亿元 is already in 亿.
        assert_eq!(approx(d("663.4"), "亿元", Labels::Chinese), None);
    }

    #[test]
    fn chinese_gives_wan_for_amounts_in_yuan() {
        assert_eq!(approx(d("32800"), "元", Labels::Chinese).as_deref(), Some("约3.28万元"));
        assert_eq!(approx(d("9999"), "元", Labels::Chinese), None);
        assert_eq!(approx(d("0"), "元", Labels::Chinese), None);
        assert_eq!(
            approx(d("250000000"), "元", Labels::Chinese).as_deref(),
            Some("约2.5亿元")
        );
    }

    #[test]
    fn english_counts_in_millions_and_billions() {
        assert_eq!(
            approx(d("166246.71"), "万元", Labels::English).as_deref(),
            Some("about CNY 1.66 billion")
        );
        assert_eq!(
            approx(d("1545.30"), "万元", Labels::English).as_deref(),
            Some("about CNY 15.5 million")
        );
        assert_eq!(
            approx(d("663.4"), "亿元", Labels::English).as_deref(),
            Some("about CNY 66.3 billion")
        );
        assert_eq!(approx(d("99.99"), "万元", Labels::English), None);
        assert_eq!(
            approx(d("32800"), "元", Labels::English).as_deref(),
            Some("about CNY 32.8 thousand")
        );
    }

    #[test]
    fn rounding_is_exact_half_away_from_zero_and_not_money_is_left_alone() {
        // 1.665 exactly: a float would make it 1.66.
        assert_eq!(
            approx(d("16650"), "万元", Labels::Chinese).as_deref(),
            Some("约1.67亿元")
        );
        assert_eq!(approx(d("170"), "万平方米", Labels::Chinese), None);
        assert_eq!(approx(d("-20000"), "万元", Labels::Chinese), None);
        assert_eq!(
            bracketed(d("166246.71"), "万元", Labels::Chinese).as_deref(),
            Some("（约16.6亿元）")
        );
        assert_eq!(
            bracketed(d("166246.71"), "万元", Labels::English).as_deref(),
            Some(" (about CNY 1.66 billion)")
        );
    }
}
