//! The one place that reads YAML (front matter).
//!
//! Errors are turned into [`Diagnostic`]s with the position in the *file* (not in the YAML
//! snippet) and a plain-language message: unknown keys get a "did you mean", type errors say
//! what was expected.

use crate::diagnostics::{Diagnostic, did_you_mean};
use serde::de::DeserializeOwned;
use std::path::Path;

/// Parses `yaml`, which starts at line `first_line` (1-based) of `file`.
pub fn from_str<T: DeserializeOwned>(yaml: &str, file: &Path, first_line: usize) -> Result<T, Diagnostic> {
    // An empty front matter block means "no keys", which YAML reads as null.
    let text = if yaml.trim().is_empty() { "{}" } else { yaml };
    yaml_serde::from_str(text).map_err(|err| {
        let pos = err.location().map(|l| (l.line() + first_line - 1, l.column()));
        explain(&err.to_string(), file).at_opt(pos)
    })
}

/// Rewrites a YAML/serde error message in words a finance officer understands.
pub(crate) fn explain(raw: &str, file: &Path) -> Diagnostic {
    // Drop the trailing " at line N column M": we print the position ourselves.
    let msg = match raw.rfind(" at line ") {
        Some(i) => &raw[..i],
        None => raw,
    };
    // serde_yaml prefixes the path of the offending value: "budget.income: invalid type …".
    let (path, detail) = match msg.split_once(": ") {
        Some((p, d)) if !p.contains(' ') && !p.is_empty() => (Some(p), d),
        _ => (None, msg),
    };
    let place = path.map(|p| format!(" in `{p}`")).unwrap_or_default();

    if let Some(rest) = detail.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let mut d = Diagnostic::error(file, format!("unknown key `{field}`{place}"));
        let list = allowed.join(", ");
        d = match did_you_mean(field, allowed.iter().copied()) {
            Some(s) => d.help(format!("did you mean `{s}`? Keys allowed here: {list}")),
            None if !list.is_empty() => d.help(format!("keys allowed here: {list}")),
            None => d,
        };
        return d;
    }
    if let Some(rest) = detail.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return Diagnostic::error(file, format!("missing required key `{field}`{place}"))
            .help(format!("add a line `{field}: …` (see docs/content-format.md)"));
    }
    if let Some(rest) = detail.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return Diagnostic::error(file, format!("`{value}` is not an allowed value{place}"))
            .help(format!("use one of: {}", allowed.join(", ")));
    }
    if detail.starts_with("invalid type") || detail.starts_with("invalid value") {
        return Diagnostic::error(
            file,
            format!(
                "wrong kind of value{place}: {}",
                detail.replacen("invalid type: ", "found ", 1)
            ),
        )
        .help("numbers are written plainly (1545.30), text as text, lists with `- ` on each line");
    }
    if path.is_some() {
        // A message from our own parsers (numbers, dates, slugs) with the path in front.
        return Diagnostic::error(file, format!("{detail}{place}"));
    }
    Diagnostic::error(file, format!("the front matter is not valid YAML: {detail}"))
        .help("check indentation (spaces, not tabs), that every `key:` has a space after the colon, and that quotes are closed")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: String,
        year: u16,
        amount: Option<crate::decimal::Dec>,
    }

    fn err(yaml: &str) -> Diagnostic {
        from_str::<T>(yaml, Path::new("a.md"), 2).unwrap_err()
    }

    #[test]
    fn unknown_key_suggests_the_right_one() {
        let d = err("title: x\nyear: 2021\ntitel: y\n");
        assert_eq!(d.message, "unknown key `titel`");
        assert!(d.help.unwrap().starts_with("did you mean `title`?"));
        assert_eq!(d.line, Some(4));
    }

    #[test]
    fn missing_and_wrong_type() {
        assert_eq!(err("title: x\n").message, "missing required key `year`");
        let d = err("title: x\nyear: 2021\namount: abc\n");
        assert_eq!(d.message, "`abc` is not a number in `amount`");
        assert_eq!((d.line, d.column), (Some(4), Some(9)));
    }

    #[test]
    fn syntax_error_is_positioned() {
        let d = err("title: x\n year: 2021\n  - a\n");
        assert!(
            d.message.starts_with("the front matter is not valid YAML"),
            "{}",
            d.message
        );
        assert!(d.line.is_some());
    }
}
