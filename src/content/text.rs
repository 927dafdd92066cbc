//! Characters that must never reach a page or a feed, and characters an author cannot see.
//!
//! XML 1.0 (feed.xml, sitemap.xml) allows tab, line feed, carriage return and the characters
//! from U+0020 up, except U+FFFE and U+FFFF; HTML also treats DELETE and the C1 controls
//! (U+0080–U+009F) as errors. None of them is ever meant in a report: they come from copying
//! text out of PDFs and old systems. Front matter and `site.toml` refuse them with an error
//! (a title is short and must be exactly right); Markdown bodies lose them with a warning (a
//! form feed between two PDF pages should not stop a publication).

use crate::diagnostics::{Diagnostic, char_name};
use crate::messages::{Msg, Text};
use crate::msg;
use std::path::Path;

/// True for a character that cannot be published: a control other than tab, line feed and
/// carriage return, or one of the non-characters U+FFFE and U+FFFF.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// True for a character that shows as nothing or as a blank: spaces of every width,
/// zero-width and direction marks, the byte-order mark, controls. Inside a figure it hides
/// a typing error, so it is named in the message.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{ad}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}' | '\u{fffe}' | '\u{ffff}')
}

/// `text` with every invisible character but the plain space written as `<U+200B>`, so a
/// message shows what the author cannot see.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c != ' ' && is_invisible(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// "the control character U+0007 BELL", "the invisible character U+FEFF …": what a message
/// calls `c`.
pub fn describe(c: char) -> Text {
    if c.is_control() {
        msg!(CharControlNamed, name = char_name(c))
    } else {
        msg!(CharInvisibleNamed, name = char_name(c))
    }
}

/// 1-based column in `line` where `target` is written, searching from column `from`: either
/// the character itself or a backslash escape that stands for it (`\a`, `\x07`, `\u0007`,
/// as YAML double-quoted and TOML strings write them).
pub fn escape_column(line: &str, from: usize, target: char) -> Option<usize> {
    let chars: Vec<char> = line.chars().collect();
    let mut i = from.saturating_sub(1);
    while i < chars.len() {
        if chars[i] == target {
            return Some(i + 1);
        }
        if chars[i] == '\\' {
            let (decoded, len) = unescape(&chars[i + 1..]);
            if decoded == Some(target) {
                return Some(i + 1);
            }
            i += 1 + len.max(1);
            continue;
        }
        i += 1;
    }
    None
}

/// The character a backslash escape stands for, and how many characters follow the backslash.
fn unescape(rest: &[char]) -> (Option<char>, usize) {
    let hex = |n: usize| -> (Option<char>, usize) {
        let digits: String = rest.iter().skip(1).take(n).collect();
        let c = (digits.len() == n)
            .then(|| u32::from_str_radix(&digits, 16).ok())
            .flatten()
            .and_then(char::from_u32);
        (c, 1 + n)
    };
    let simple = |c: char| (Some(c), 1);
    match rest.first() {
        Some('0') => simple('\0'),
        Some('a') => simple('\u{7}'),
        Some('b') => simple('\u{8}'),
        Some('t') => simple('\t'),
        Some('n') => simple('\n'),
        Some('v') => simple('\u{b}'),
        Some('f') => simple('\u{c}'),
        Some('r') => simple('\r'),
        Some('e') => simple('\u{1b}'),
        Some('N') => simple('\u{85}'),
        Some('_') => simple('\u{a0}'),
        Some('L') => simple('\u{2028}'),
        Some('P') => simple('\u{2029}'),
        Some('x') => hex(2),
        Some('u') => hex(4),
        Some('U') => hex(8),
        Some(&c) => simple(c),
        None => (None, 0),
    }
}

/// Removes unpublishable characters from a Markdown body that starts at line `first_line` of
/// `file`. A form feed or line tabulation (a page break copied from a PDF) becomes a line
/// break; any other such character is dropped. Returns the clean text and, when something was
/// removed, a warning at the first one that says what and how many.
pub fn clean_body(body: String, first_line: usize, file: &Path) -> (String, Option<Diagnostic>) {
    if !body.chars().any(is_forbidden) {
        return (body, None);
    }
    let mut out = String::with_capacity(body.len());
    let mut first = None;
    let mut counts: Vec<(char, usize)> = Vec::new();
    let (mut line, mut col) = (first_line, 1);
    for c in body.chars() {
        if is_forbidden(c) {
            first.get_or_insert((line, col));
            match counts.iter_mut().find(|(k, _)| *k == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c, 1)),
            }
            if matches!(c, '\u{b}' | '\u{c}') {
                out.push('\n');
            }
        } else {
            out.push(c);
        }
        if c == '\n' {
            (line, col) = (line + 1, 1);
        } else {
            col += 1;
        }
    }
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let list: Vec<Text> = counts
        .iter()
        .map(|(c, n)| msg!(CharCount, name = char_name(*c), n = *n))
        .collect();
    let message = if total == 1 {
        msg!(BodyControlsOne, list)
    } else {
        msg!(BodyControlsMany, total, list)
    };
    let warning = Diagnostic::warning(file, message)
        .at_opt(first)
        .help(Msg::BodyControlsHelp);
    (out, Some(warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_follows_xml_and_html() {
        for c in [
            '\0', '\u{7}', '\u{c}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}', '\u{fffe}', '\u{ffff}',
        ] {
            assert!(is_forbidden(c), "{c:?}");
        }
        for c in ['\t', '\n', '\r', ' ', 'a', '中', '\u{a0}', '\u{200b}', '\u{feff}'] {
            assert!(!is_forbidden(c), "{c:?}");
        }
    }

    #[test]
    fn invisible_characters_are_shown() {
        assert_eq!(visible("663\u{200b}4"), "663<U+200B>4");
        assert_eq!(visible("1 5\u{3000}4"), "1 5<U+3000>4");
        assert!(!is_invisible('1') && is_invisible('\u{a0}') && is_invisible('\u{feff}'));
    }

    #[test]
    fn finds_escapes_and_raw_characters() {
        assert_eq!(escape_column(r#"title: "T\aitle""#, 8, '\u{7}'), Some(10));
        assert_eq!(escape_column(r#"title: "a\\b\u0007""#, 8, '\u{7}'), Some(13));
        assert_eq!(escape_column(r#"t = "x\x07""#, 1, '\u{7}'), Some(7));
        assert_eq!(escape_column("value: 663\u{a0}4", 8, '\u{a0}'), Some(11));
        assert_eq!(escape_column(r#"t: "\\a""#, 1, '\u{7}'), None);
    }

    #[test]
    fn bodies_lose_controls_with_one_warning() {
        let (text, w) = clean_body("第一页\u{c}第二页\n响\u{7}铃\u{7}\n".into(), 7, Path::new("a.md"));
        assert_eq!(text, "第一页\n第二页\n响铃\n");
        let w = w.unwrap();
        assert_eq!((w.line, w.column), (Some(7), Some(4)));
        assert_eq!(
            w.message,
            "the text contains 3 control characters that cannot be published, removed from the page: U+000C FORM FEED (1×), U+0007 BELL (2×)"
        );
        let (same, none) = clean_body("正文\n".into(), 1, Path::new("a.md"));
        assert_eq!((same.as_str(), none), ("正文\n", None));
    }
}
