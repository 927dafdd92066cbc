//! Problems found in the input, reported to a person who is not a programmer.
//!
//! Every problem says where (file, line, column), what is wrong, and how to fix it. Stages
//! collect their problems and hand them back together, so one run lists all of them.

use crate::messages::{Language, Msg, Text};
use crate::msg;
use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// For information (e.g. a difference within rounding); never fails a build.
    Note,
    /// The site can still be built; `--strict` turns it into an error.
    Warning,
    /// The input cannot be used as it is.
    Error,
}

/// What a problem is, for code that has to tell problems apart: callers match on this, never
/// on the message, which is written for people and may be reworded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    /// Any problem that no code tells apart from the others.
    #[default]
    Other,
    /// A file or folder could not be read. (For `site.toml` this fails the run with exit
    /// code 2, not 1: the site was not found, rather than found faulty.)
    CannotRead,
    /// A key the format does not have (the English files say what they may hold instead).
    UnknownKey,
    /// A template does not parse or fails to render.
    Template,
}

/// One problem in one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// What it is, for code; the message says it for people.
    pub kind: Kind,
    pub file: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// What is wrong, in words put into a language when printed.
    pub message: Text,
    /// What to do about it.
    pub help: Option<Text>,
}

impl Diagnostic {
    /// An error in `file`.
    pub fn error(file: impl AsRef<Path>, message: impl Into<Text>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind: Kind::Other,
            file: file.as_ref().to_path_buf(),
            line: None,
            column: None,
            message: message.into(),
            help: None,
        }
    }

    /// A warning in `file`.
    pub fn warning(file: impl AsRef<Path>, message: impl Into<Text>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    /// Sets the position.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Sets the position when one is known.
    pub fn at_opt(mut self, pos: Option<(usize, usize)>) -> Self {
        if let Some((l, c)) = pos {
            self.line = Some(l);
            self.column = Some(c);
        }
        self
    }

    /// Says what kind of problem this is.
    pub fn with_kind(mut self, kind: Kind) -> Self {
        self.kind = kind;
        self
    }

    /// Adds advice on how to fix the problem.
    pub fn help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// A note in `file`.
    pub fn note(file: impl AsRef<Path>, message: impl Into<Text>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(file, message)
        }
    }

    /// True for warnings.
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The problem as a person reads it in `lang`: `file:line:column: error: message`, then
    /// the help on a line of its own.
    pub fn render(&self, lang: Language) -> String {
        let mut place = self.file.display().to_string();
        if let Some(line) = self.line {
            place.push_str(&format!(":{line}"));
            if let Some(col) = self.column {
                place.push_str(&format!(":{col}"));
            }
        }
        let label = match self.severity {
            Severity::Error => Msg::LabelError,
            Severity::Warning => Msg::LabelWarning,
            Severity::Note => Msg::LabelNote,
        };
        let mut out = msg!(DiagnosticLine, place, label, message = self.message.clone()).render(lang);
        if let Some(help) = &self.help {
            out.push('\n');
            out.push_str(&msg!(DiagnosticHelp, help = help.clone()).render(lang));
        }
        out
    }
}

/// `problems` as a person reads them in `lang`: the errors first, then the warnings, each
/// whole; then the notes, each of them with `verbose`, else one line saying how many there are.
pub fn render_all(problems: &[Diagnostic], verbose: bool, lang: Language) -> Vec<String> {
    let mut out = Vec::new();
    for severity in [Severity::Error, Severity::Warning] {
        out.extend(
            problems
                .iter()
                .filter(|d| d.severity == severity)
                .map(|d| d.render(lang)),
        );
    }
    let notes: Vec<&Diagnostic> = problems.iter().filter(|d| d.severity == Severity::Note).collect();
    match notes.len() {
        0 => {}
        _ if verbose => out.extend(notes.iter().map(|d| d.render(lang))),
        1 => out.push(Text::new(Msg::OneNoteHidden).render(lang)),
        n => out.push(msg!(NotesHidden, n).render(lang)),
    }
    out
}

/// "2 warnings, 18 notes": how many warnings and notes there are among `problems`.
pub fn counts(problems: &[Diagnostic]) -> Text {
    let warnings = problems.iter().filter(|d| d.is_warning()).count();
    let notes = problems.iter().filter(|d| d.severity == Severity::Note).count();
    let warnings = match warnings {
        1 => Msg::OneWarning.into(),
        n => msg!(Warnings, n),
    };
    let notes = match notes {
        1 => Msg::OneNote.into(),
        n => msg!(Notes, n),
    };
    msg!(WarningsAndNotes, warnings, notes)
}

/// What failed a run: "3 errors"; with `--strict` and no errors, the warnings it promoted.
pub fn failure_count(problems: &[Diagnostic]) -> Text {
    let errors = problems.iter().filter(|d| d.is_error()).count();
    match problems.iter().filter(|d| d.is_warning()).count() {
        1 if errors == 0 => Msg::OneWarningStrict.into(),
        n if errors == 0 && n > 0 => msg!(WarningsStrict, n),
        _ if errors == 1 => Msg::OneError.into(),
        _ => msg!(Errors, n = errors),
    }
}

impl fmt::Display for Diagnostic {
    /// The problem in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Language::English))
    }
}

/// Names a character for a message: `U+0007 BELL`, `U+200B ZERO WIDTH SPACE`. Used for
/// characters an author cannot see (controls, invisible and unusual spaces), so the message
/// says exactly what to look for.
pub fn char_name(c: char) -> Text {
    let code = format!("U+{:04X}", c as u32);
    match char_label(c) {
        Some(name) => Text::Raw(format!("{code} {name}")),
        None if c.is_control() => msg!(CharControl, code),
        None => Text::Raw(code),
    }
}

/// The Unicode name (or, for controls, the usual alias) of the characters authors meet by
/// accident: pasted from PDFs, Word and web pages.
fn char_label(c: char) -> Option<&'static str> {
    const C0: [&str; 32] = [
        "NULL",
        "START OF HEADING",
        "START OF TEXT",
        "END OF TEXT",
        "END OF TRANSMISSION",
        "ENQUIRY",
        "ACKNOWLEDGE",
        "BELL",
        "BACKSPACE",
        "CHARACTER TABULATION",
        "LINE FEED",
        "LINE TABULATION",
        "FORM FEED",
        "CARRIAGE RETURN",
        "SHIFT OUT",
        "SHIFT IN",
        "DATA LINK ESCAPE",
        "DEVICE CONTROL ONE",
        "DEVICE CONTROL TWO",
        "DEVICE CONTROL THREE",
        "DEVICE CONTROL FOUR",
        "NEGATIVE ACKNOWLEDGE",
        "SYNCHRONOUS IDLE",
        "END OF TRANSMISSION BLOCK",
        "CANCEL",
        "END OF MEDIUM",
        "SUBSTITUTE",
        "ESCAPE",
        "INFORMATION SEPARATOR FOUR",
        "INFORMATION SEPARATOR THREE",
        "INFORMATION SEPARATOR TWO",
        "INFORMATION SEPARATOR ONE",
    ];
    if let Some(name) = C0.get(c as usize) {
        return Some(name);
    }
    Some(match c {
        ' ' => "SPACE",
        '\u{7f}' => "DELETE",
        '\u{85}' => "NEXT LINE",
        '\u{a0}' => "NO-BREAK SPACE",
        '\u{ff1a}' => "FULLWIDTH COLON (：)",
        '\u{fe55}' => "SMALL COLON (﹕)",
        '\u{ad}' => "SOFT HYPHEN",
        '\u{1680}' => "OGHAM SPACE MARK",
        '\u{180e}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{2000}' => "EN QUAD",
        '\u{2001}' => "EM QUAD",
        '\u{2002}' => "EN SPACE",
        '\u{2003}' => "EM SPACE",
        '\u{2004}' => "THREE-PER-EM SPACE",
        '\u{2005}' => "FOUR-PER-EM SPACE",
        '\u{2006}' => "SIX-PER-EM SPACE",
        '\u{2007}' => "FIGURE SPACE",
        '\u{2008}' => "PUNCTUATION SPACE",
        '\u{2009}' => "THIN SPACE",
        '\u{200a}' => "HAIR SPACE",
        '\u{200b}' => "ZERO WIDTH SPACE",
        '\u{200c}' => "ZERO WIDTH NON-JOINER",
        '\u{200d}' => "ZERO WIDTH JOINER",
        '\u{200e}' => "LEFT-TO-RIGHT MARK",
        '\u{200f}' => "RIGHT-TO-LEFT MARK",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{202a}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202b}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202c}' => "POP DIRECTIONAL FORMATTING",
        '\u{202d}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202e}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{202f}' => "NARROW NO-BREAK SPACE",
        '\u{205f}' => "MEDIUM MATHEMATICAL SPACE",
        '\u{2060}' => "WORD JOINER",
        '\u{2061}' => "FUNCTION APPLICATION",
        '\u{2062}' => "INVISIBLE TIMES",
        '\u{2063}' => "INVISIBLE SEPARATOR",
        '\u{2064}' => "INVISIBLE PLUS",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{3000}' => "IDEOGRAPHIC SPACE",
        '\u{feff}' => "ZERO WIDTH NO-BREAK SPACE (byte-order mark)",
        '\u{fffe}' | '\u{ffff}' => "(not a character)",
        _ => return None,
    })
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(3) / 3).max(1) + 1)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let keys = ["title", "year", "kind", "expenditure"];
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("expenditures", keys), Some("expenditure"));
        assert_eq!(did_you_mean("zzzzzz", keys), None);
    }

    #[test]
    fn names_invisible_characters() {
        assert_eq!(char_name('\u{7}'), "U+0007 BELL");
        assert_eq!(char_name('\0'), "U+0000 NULL");
        assert_eq!(char_name('\u{200b}'), "U+200B ZERO WIDTH SPACE");
        assert_eq!(char_name('\u{3000}'), "U+3000 IDEOGRAPHIC SPACE");
        assert_eq!(char_name('\u{9b}'), "U+009B (a control character)");
        assert_eq!(char_name('\u{ffff}'), "U+FFFF (not a character)");
    }

    #[test]
    fn errors_come_first_then_warnings_then_how_many_notes() {
        let problems = [
            Diagnostic::note("a.md", "n1"),
            Diagnostic::warning("a.md", "w"),
            Diagnostic::note("b.md", "n2"),
            Diagnostic::error("b.md", "e"),
        ];
        assert_eq!(
            render_all(&problems, false, Language::English),
            ["b.md: error: e", "a.md: warning: w", "2 notes (--verbose to list them)"]
        );
        assert_eq!(
            render_all(&problems, false, Language::Chinese),
            ["b.md: 错误：e", "a.md: 警告：w", "另有 2 条提示（加 --verbose 可列出）"]
        );
        assert_eq!(
            render_all(&problems, true, Language::English)[2..],
            ["a.md: note: n1", "b.md: note: n2"]
        );
        assert_eq!(
            render_all(&problems[..2], false, Language::English)[1],
            "1 note (--verbose to list it)"
        );
        assert_eq!(counts(&problems), "1 warning, 2 notes");
        assert_eq!(counts(&problems).zh(), "1 个警告，2 条提示");
        assert_eq!(failure_count(&problems), "1 error");
        assert_eq!(
            failure_count(&problems[..3]),
            "1 warning treated as an error (--strict)"
        );
    }

    #[test]
    fn displays_position_and_help() {
        let d = Diagnostic::error("content/a.md", "bad").at(3, 5).help("fix it");
        assert_eq!(d.to_string(), "content/a.md:3:5: error: bad\n  help: fix it");
        assert_eq!(
            d.render(Language::Chinese),
            "content/a.md:3:5: 错误：bad\n  建议：fix it"
        );
        let n = Diagnostic::note("site.toml", "n");
        assert_eq!(n.render(Language::Chinese), "site.toml: 提示：n");
        let w = Diagnostic::warning("a.md", "w").at(2, 1);
        assert_eq!(w.render(Language::English), "a.md:2:1: warning: w");
        assert_eq!(w.render(Language::Chinese), "a.md:2:1: 警告：w");
    }
}
