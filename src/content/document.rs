//! Reading a content file and splitting its front matter from its body.
//!
//! Accepts what Windows editors produce (a UTF-8 byte-order mark, CRLF line endings) and
//! reports a file that is not UTF-8 with the position of the first bad byte.

use crate::config::line_col;
use crate::diagnostics::{Diagnostic, Kind};
use crate::messages::Msg;
use crate::msg;
use std::path::Path;

/// A content file split into its parts.
#[derive(Debug, PartialEq, Eq)]
pub struct Document {
    /// YAML between the `---` lines (may be empty).
    pub front: String,
    /// 1-based line in the file where the YAML starts.
    pub front_line: usize,
    /// Markdown after the closing `---`.
    pub body: String,
    /// 1-based line in the file where the body starts.
    pub body_line: usize,
}

/// Largest content file read, in bytes. A report is text, tens of kilobytes (the largest
/// bundled one is 57 KB); a 15 MB one-table narrative took 5.4 GB to render, so the cap is
/// kept well below that.
pub const MAX_FILE: u64 = 2 * 1024 * 1024;

/// Reads `path` as UTF-8 text with normalised line endings.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let cannot = |e: std::io::Error| {
        Diagnostic::error(path, msg!(CannotReadFile, error = e))
            .with_kind(Kind::CannotRead)
            .help(Msg::CannotReadFileHelp)
    };
    let size = std::fs::metadata(path).map_err(cannot)?.len();
    if size > MAX_FILE {
        return Err(Diagnostic::error(
            path,
            msg!(
                FileTooLarge,
                size = size.div_ceil(1024 * 1024),
                max = MAX_FILE / (1024 * 1024)
            ),
        )
        .help(Msg::FileTooLargeHelp));
    }
    let bytes = std::fs::read(path).map_err(cannot)?;
    decode(&bytes, path)
}

/// Decodes bytes as UTF-8, dropping a BOM and turning CRLF/CR into LF.
pub fn decode(bytes: &[u8], path: &Path) -> Result<String, Diagnostic> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, col) = line_col(good, good.len());
            return Err(Diagnostic::error(path, Msg::NotUtf8)
                .at(line, col)
                .help(Msg::NotUtf8Help));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    })
}

/// Splits `---` front matter from the body. A file without front matter is all body.
pub fn split(text: &str, path: &Path) -> Result<Document, Diagnostic> {
    if text.starts_with("+++\n") || text.trim_end() == "+++" {
        return Err(Diagnostic::error(path, Msg::PlusFrontMatter)
            .at(1, 1)
            .help(Msg::PlusFrontMatterHelp));
    }
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| (text.trim_end() == "---").then_some(""))
    else {
        return Ok(Document {
            front: String::new(),
            front_line: 1,
            body: text.to_string(),
            body_line: 1,
        });
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" || line.trim_end() == "..." {
            let front = rest[..offset].to_string();
            let body = rest[offset + line.len()..].to_string();
            // Opening line, the front matter's lines, closing line.
            let body_line = 3 + front.matches('\n').count();
            return Ok(Document {
                front,
                front_line: 2,
                body,
                body_line,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(path, Msg::FrontMatterNotClosed)
        .at(1, 1)
        .help(Msg::FrontMatterNotClosedHelp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_normalises() {
        let raw = "\u{feff}---\r\ntitle: x\r\n---\r\n正文\r\n".as_bytes();
        let text = decode(raw, Path::new("a.md")).unwrap();
        let doc = split(&text, Path::new("a.md")).unwrap();
        assert_eq!(doc.front, "title: x\n");
        assert_eq!(doc.body, "正文\n");
        assert_eq!(doc.front_line, 2);
        assert_eq!(doc.body_line, 4);
    }

    #[test]
    fn toml_front_matter_is_named() {
        let e = split("+++\ntitle = \"x\"\n+++\n", Path::new("a.md")).unwrap_err();
        assert_eq!(
            e.message,
            "front matter must be YAML between --- lines, not TOML between +++ lines"
        );
        assert!(e.help.unwrap().contains("`key: value`"));
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let doc = split("# hi\n", Path::new("a.md")).unwrap();
        assert_eq!(doc.front, "");
        assert_eq!(doc.body, "# hi\n");
    }

    #[test]
    fn unclosed_front_matter() {
        let e = split("---\ntitle: x\n", Path::new("a.md")).unwrap_err();
        assert!(e.message.contains("not closed"));
    }

    #[test]
    fn not_utf8_is_positioned() {
        let e = decode(b"ab\ncd\xc4\xe3", Path::new("a.md")).unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(3)));
    }
}
