//! Exact decimal figures.
//!
//! Every amount in a report is kept as the author wrote it: `1545.30` keeps its scale, so it is
//! shown and exported as `1545.30`, never through a binary float. Input may carry thousands
//! separators or full-width digits, as text pasted from Word or a PDF does.

use crate::content::text::{is_invisible, visible};
use crate::diagnostics::char_name;
use crate::messages::{Msg, Text};
use crate::msg;
use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Most digits accepted before the decimal point (10^16 万元 is far beyond any budget).
pub const MAX_INT_DIGITS: usize = 16;
/// Most digits accepted after the decimal point.
pub const MAX_DECIMALS: usize = 10;

/// An exact decimal figure, with the scale the author wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Dec(pub Decimal);

/// Why a text is not a figure, and how to write it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadNumber {
    /// A [`Msg::SpaceInside`] message tells the YAML reader to point at the space itself
    /// rather than at the start of the value.
    pub message: Text,
    pub help: Text,
}

impl Dec {
    /// Parses a figure as written in a report: ASCII or full-width digits, optional sign,
    /// optional thousands separators (`174,053.00`). Returns a message for the author (in
    /// English) on failure.
    pub fn parse(text: &str) -> Result<Dec, String> {
        Dec::parse_explained(text).map_err(|e| e.message.en())
    }

    /// Like [`Dec::parse`], with advice on how to write the figure. Spaces and invisible
    /// characters around the figure are dropped; inside it they are an error, because
    /// `663 4` may mean 6634 or 663.4 and only the author knows which.
    pub fn parse_explained(text: &str) -> Result<Dec, BadNumber> {
        let bad = |message: Text, help: Msg| BadNumber {
            message,
            help: help.into(),
        };
        let trimmed = text.trim_matches(is_invisible);
        if trimmed.is_empty() {
            return Err(bad(Msg::ValueEmpty.into(), Msg::ValueEmptyHelp));
        }
        if let Some(c) = trimmed.chars().find(|&c| is_invisible(c)) {
            return Err(space_inside(trimmed, c));
        }
        let folded = fold_width(trimmed);
        if let Some(number) = folded.strip_suffix('%') {
            return Err(BadNumber {
                message: msg!(PercentSign, text),
                help: msg!(PercentSignHelp, number),
            });
        }
        let digits = strip_separators(&folded).ok_or_else(|| bad(msg!(BadSeparators, text), Msg::BadSeparatorsHelp))?;
        if !is_plain_number(&digits) {
            return Err(bad(msg!(NotANumber, value = visible(text)), Msg::NotANumberHelp));
        }
        let unsigned = digits.strip_prefix('+').unwrap_or(&digits);
        let (int, frac) = unsigned
            .trim_start_matches('-')
            .split_once('.')
            .unwrap_or((unsigned.trim_start_matches('-'), ""));
        // Limits leave headroom for exact arithmetic in the cross-checks (no overflow).
        if int.trim_start_matches('0').len() > MAX_INT_DIGITS || frac.len() > MAX_DECIMALS {
            return Err(bad(
                msg!(TooManyDigits, text, max_int = MAX_INT_DIGITS, max_frac = MAX_DECIMALS),
                Msg::CheckTypingHelp,
            ));
        }
        Decimal::from_str(unsigned)
            .map(Dec)
            .map_err(|_| bad(msg!(TooLarge, text), Msg::CheckTypingHelp))
    }

    /// True when the figure is below zero.
    pub fn is_negative(&self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// Number of decimals as written (`87.50` → 2).
    pub fn scale(&self) -> u32 {
        self.0.scale()
    }

    /// The figure with thousands separators, keeping its written decimals: `174,053.00`.
    pub fn grouped(&self) -> String {
        let plain = self.0.to_string();
        let (sign, rest) = match plain.strip_prefix('-') {
            Some(r) => ("-", r),
            None => ("", plain.as_str()),
        };
        let (int, frac) = match rest.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (rest, None),
        };
        let mut out = String::with_capacity(plain.len() + int.len() / 3);
        out.push_str(sign);
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        if let Some(f) = frac {
            out.push('.');
            out.push_str(f);
        }
        out
    }

    /// Signed display for changes: `+15.22`, `-1.39`, `0`.
    pub fn signed(&self) -> String {
        if self.0.is_sign_positive() && !self.0.is_zero() {
            format!("+{}", self.grouped())
        } else {
            self.grouped()
        }
    }
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Maps full-width digits and punctuation (as typed with a Chinese IME) to ASCII.
fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '，' => ',',
            '－' | '−' => '-',
            '＋' => '+',
            '％' => '%',
            _ => c,
        })
        .collect()
}

/// The error for a space or an invisible character `c` inside `number` (already trimmed).
fn space_inside(number: &str, c: char) -> BadNumber {
    let what = match c {
        ' ' => Msg::ASpace.into(),
        '\t' => Msg::ATab.into(),
        _ => msg!(TheChar, name = char_name(c)),
    };
    let parts: Vec<&str> = number.split(is_invisible).filter(|p| !p.is_empty()).collect();
    let alt = if parts.len() == 2 && !number.contains(['.', '．', '。']) {
        msg!(SpaceInsideAlt, decimal = parts.join("."))
    } else {
        Text::Raw(String::new())
    };
    BadNumber {
        message: msg!(SpaceInside, number = visible(number), what),
        help: msg!(SpaceInsideHelp, digits = parts.concat(), alt),
    }
}

/// Digits with an optional sign and an optional decimal part (`-1.39`, `+2`, `174053.00`):
/// the only shape a figure has once its separators are gone; `1.`, `.5` and `1e3` are not.
fn is_plain_number(digits: &str) -> bool {
    let unsigned = digits.strip_prefix(['-', '+']).unwrap_or(digits);
    let mut parts = unsigned.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// Removes thousands separators, checking they group the integer part by three.
fn strip_separators(text: &str) -> Option<String> {
    if !text.contains(',') {
        return Some(text.to_string());
    }
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    if frac.is_some_and(|f| f.contains(',')) {
        return None;
    }
    let unsigned = int.trim_start_matches(['-', '+']);
    let groups: Vec<&str> = unsigned.split(',').collect();
    let first_ok = !groups[0].is_empty() && groups[0].len() <= 3;
    if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
        return None;
    }
    let mut out: String = int.chars().filter(|&c| c != ',').collect();
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

impl FromStr for Dec {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Dec::parse(s)
    }
}

impl<'de> Deserialize<'de> for Dec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DecVisitor;
        impl Visitor<'_> for DecVisitor {
            type Value = Dec;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number such as 1545.30")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Dec, E> {
                Dec::parse_explained(v).map_err(|e| {
                    E::custom(format!(
                        "{}{}{}",
                        e.message.pack(),
                        crate::yaml::HELP_SEP,
                        e.help.pack()
                    ))
                })
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Dec, E> {
                Ok(Dec(Decimal::from(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Dec, E> {
                Ok(Dec(Decimal::from(v)))
            }
        }
        // Asking for a string makes the YAML reader hand over the scalar exactly as written.
        deserializer.deserialize_str(DecVisitor)
    }
}

impl Serialize for Dec {
    /// Serialises as a JSON number with the written scale (`1545.30`), not via f64.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match serde_json::Number::from_str(&self.0.to_string()) {
            Ok(n) => n.serialize(serializer),
            Err(_) => serializer.serialize_str(&self.0.to_string()),
        }
    }
}

impl schemars::JsonSchema for Dec {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Decimal".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "description": "An exact decimal, written with the decimals the report states (1545.30)."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        Dec::parse(s).unwrap()
    }

    #[test]
    fn keeps_written_scale() {
        assert_eq!(d("1545.30").to_string(), "1545.30");
        assert_eq!(d("3.28").to_string(), "3.28");
        assert_eq!(d("0").to_string(), "0");
        assert_eq!(d("8250.00").to_string(), "8250.00");
    }

    #[test]
    fn accepts_separators_and_full_width() {
        assert_eq!(d("174,053.00").to_string(), "174053.00");
        assert_eq!(d("１７４０５３．００").to_string(), "174053.00");
        assert_eq!(d("１，２３４"), d("1234"));
        assert_eq!(d("-1.39").to_string(), "-1.39");
        assert_eq!(d("+15.22").to_string(), "15.22");
        assert_eq!(d("－1.39").to_string(), "-1.39");
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for bad in [
            "abc",
            "1,23",
            "12,3456",
            "1.2.3",
            "",
            "98.47%",
            "1.",
            ".5",
            "1e5",
            "1,234,5.0",
        ] {
            assert!(Dec::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(Dec::parse("98.47%").unwrap_err().contains("percent"));
    }

    #[test]
    fn spaces_inside_a_number_are_errors() {
        let e = Dec::parse_explained("663 4").unwrap_err();
        assert_eq!(e.message, "`663 4` has a space inside the number");
        assert_eq!(
            e.help,
            "write the figure without spaces, exactly as the report prints it: `6634`, or `663.4` if it stands for a decimal point"
        );
        let e = Dec::parse_explained("0 6 3").unwrap_err();
        assert_eq!(
            e.help,
            "write the figure without spaces, exactly as the report prints it: `063`"
        );
        let e = Dec::parse_explained("663\u{200b}4").unwrap_err();
        assert_eq!(
            e.message,
            "`663<U+200B>4` has U+200B ZERO WIDTH SPACE inside the number"
        );
        for inner in ['\u{a0}', '\u{3000}', '\u{feff}', '\t', '\u{2009}'] {
            assert!(Dec::parse(&format!("1{inner}545.30")).is_err(), "{inner:?}");
        }
        // Around the figure they change nothing and are dropped.
        assert_eq!(d("\u{3000}6634\u{a0}").to_string(), "6634");
        assert_eq!(d("\u{feff}1,545.30\u{200b}").to_string(), "1545.30");
    }

    #[test]
    fn every_error_says_how_to_fix_it() {
        for bad in ["", "abc", "1,23", "98.47%", "99999999999999999", "1.12345678901", "1 2"] {
            let e = Dec::parse_explained(bad).unwrap_err();
            assert!(!e.help.en().is_empty(), "{bad}");
        }
        assert_eq!(
            Dec::parse_explained("98.47%").unwrap_err().help,
            "remove the % sign: write `98.47`"
        );
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(d("174053.00").grouped(), "174,053.00");
        assert_eq!(d("166246.71").grouped(), "166,246.71");
        assert_eq!(d("999").grouped(), "999");
        assert_eq!(d("1000").grouped(), "1,000");
        assert_eq!(d("-1234.5").grouped(), "-1,234.5");
        assert_eq!(d("15.22").signed(), "+15.22");
        assert_eq!(d("-1.39").signed(), "-1.39");
    }

    #[test]
    fn serialises_exactly_to_json() {
        let v = vec![d("1545.30"), d("0.10"), d("-1.39")];
        assert_eq!(serde_json::to_string(&v).unwrap(), "[1545.30,0.10,-1.39]");
    }
}
