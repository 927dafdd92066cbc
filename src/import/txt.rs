//! Reading text copied out of a PDF or a web page into blocks. Each non-blank line is a
//! paragraph (the narrative re-joins lines the copy broke); runs of lines split into cells by
//! tabs, or by wide gaps of spaces, are a table. A file that is not text at all (an Office
//! file renamed to .txt, a binary) is refused with what to do instead.

use super::source::{Block, Origin, ReadError, Source};

/// The largest text file imported: a report over 2 MB is refused by the site's own check,
/// so a draft of it would only be written to be rejected.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;

/// A .txt file to import: its blocks, or why it cannot be imported. Besides what `parse`
/// refuses, an empty file (or one of spaces and line breaks only) and a file over 2 MB are
/// refused before anything is written.
pub fn read(bytes: &[u8]) -> Result<Source, ReadError> {
    let text = decode(bytes)?;
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(ReadError::Empty);
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(ReadError::TooLarge(text.len() as u64));
    }
    Ok(Source { blocks: blocks(&text) })
}

/// The blocks of `bytes`: UTF-8 (with or without a BOM) or UTF-16 with its BOM (Notepad's
/// “Unicode”). Binaries and GBK/GB18030 text are refused with what to do.
pub fn parse(bytes: &[u8]) -> Result<Source, ReadError> {
    Ok(Source {
        blocks: blocks(&decode(bytes)?),
    })
}

/// The text of a .txt file's bytes.
fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    for (bom, le) in [(&[0xFF, 0xFE], true), (&[0xFE, 0xFF], false)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|c| {
                    let pair = [c[0], c.get(1).copied().unwrap_or(0)];
                    if le {
                        u16::from_le_bytes(pair)
                    } else {
                        u16::from_be_bytes(pair)
                    }
                })
                .collect();
            return String::from_utf16(&units)
                .map_err(|_| ReadError::Corrupt("UTF-16 text with broken characters; save it as UTF-8 text".into()));
        }
    }
    if let Some(e) = binary_kind(bytes) {
        return Err(e);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok(t.to_string()),
        Err(_) if looks_gbk(bytes) => Err(ReadError::NotUtf8("GBK (GB18030)".into())),
        Err(e) => Err(ReadError::Corrupt(format!(
            "not UTF-8 text (byte {}); save it as UTF-8 text",
            e.valid_up_to()
        ))),
    }
}

/// Whether every byte outside ASCII pairs up as a GBK/GB18030 double-byte character (lead
/// 0x81–0xFE, trail 0x40–0xFE but not 0x7F), or a GB18030 four-byte one: how Chinese
/// Windows saves “ANSI” text.
fn looks_gbk(bytes: &[u8]) -> bool {
    let mut i = 0;
    let mut pairs = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        if !(0x81..=0xFE).contains(&b) {
            return false;
        }
        match bytes.get(i + 1) {
            Some(0x30..=0x39) => {
                let ok = matches!(bytes.get(i + 2), Some(0x81..=0xFE)) && matches!(bytes.get(i + 3), Some(0x30..=0x39));
                if !ok {
                    return false;
                }
                i += 4;
            }
            Some(&t) if (0x40..=0xFE).contains(&t) && t != 0x7F => i += 2,
            _ => return false,
        }
        pairs += 1;
    }
    pairs > 0
}

/// What a file that is not text is, judged by its first bytes and NUL bytes.
pub fn binary_kind(bytes: &[u8]) -> Option<ReadError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Some(if contains(bytes, &utf16("EncryptedPackage")) {
            ReadError::Encrypted
        } else {
            ReadError::OldWord
        });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Some(ReadError::Corrupt(
            "this is a Word or Excel file (a zip), not text; give it its .docx or .xlsx name".into(),
        ));
    }
    if bytes.starts_with(b"%PDF") {
        return Some(ReadError::Unsupported("pdf".into()));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Some(ReadError::Corrupt("binary data, not text".into()));
    }
    None
}

/// `s` as UTF-16LE bytes (how OLE2 directories name their streams).
pub fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
}

pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Splits a line into cells at tabs, or at gaps of two or more spaces (ASCII or full-width).
fn cells(line: &str) -> Vec<String> {
    let line = line.trim_matches(|c: char| c.is_whitespace());
    if line.contains('\t') {
        return line.split('\t').map(|c| c.trim().to_string()).collect();
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut gap = String::new();
    for c in line.chars() {
        if c == ' ' || c == '\u{3000}' {
            gap.push(c);
            continue;
        }
        if !gap.is_empty() {
            if gap.chars().count() >= 2 {
                out.push(std::mem::take(&mut cur));
            } else {
                cur.push_str(&gap);
            }
            gap.clear();
        }
        cur.push(c);
    }
    out.push(cur);
    out
}

/// The lines of `text` as blocks: tables where at least two lines in a row split into cells
/// (by tabs: two or more cells; by spaces: three or more), paragraphs otherwise.
fn blocks(text: &str) -> Vec<Block> {
    // Windows (\r\n), Unix (\n) and old Mac (\r alone) line ends all end a line.
    let text = text.replace("\r\n", "\n");
    let lines: Vec<&str> = text.split(['\n', '\r']).collect();
    let row_of = |l: &str| -> Option<Vec<String>> {
        let c = cells(l);
        let tabbed = l.trim().contains('\t');
        (c.len() >= if tabbed { 2 } else { 3 }).then_some(c)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let mut j = i;
        let mut rows = Vec::new();
        while j < lines.len() {
            match row_of(lines[j]) {
                Some(r) => rows.push(r),
                None => break,
            }
            j += 1;
        }
        if rows.len() >= 2 {
            let width = rows.iter().map(Vec::len).max().unwrap_or(0);
            for r in &mut rows {
                r.resize(width, String::new());
            }
            let merged = rows.iter().map(|r| vec![false; r.len()]).collect();
            out.push(Block::Table {
                rows,
                merged,
                at: Origin::Line(i + 1),
            });
            i = j;
            continue;
        }
        let text = lines[i].replace(['\u{c}', '\u{b}'], "");
        if !text.trim().is_empty() {
            out.push(Block::Paragraph {
                text: text.trim().to_string(),
                at: Origin::Line(i + 1),
            });
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_become_paragraphs_with_their_line_numbers() {
        let s = parse("标题\n\n一、概况\r\n正文。".as_bytes()).unwrap();
        assert_eq!(s.blocks.len(), 3);
        assert_eq!(
            s.blocks[1],
            Block::Paragraph {
                text: "一、概况".into(),
                at: Origin::Line(3)
            }
        );
    }

    #[test]
    fn tab_and_wide_space_rows_become_tables() {
        let s = parse("表1\n项目\t年初预算数\t全年执行数\n年度资金总额\t500\t480.50\n后文".as_bytes()).unwrap();
        match &s.blocks[1] {
            Block::Table { rows, at, .. } => {
                assert_eq!(rows[1], vec!["年度资金总额", "500", "480.50"]);
                assert_eq!(*at, Origin::Line(2));
            }
            b => panic!("{b:?}"),
        }
        let s = parse("项目  年初  执行\n总额　　500　　480\n".as_bytes()).unwrap();
        assert!(matches!(&s.blocks[0], Block::Table { rows, .. } if rows[1] == ["总额", "500", "480"]));
        // One spaced line is not a table, and a single space never splits.
        let s = parse("公务 接待费  3.28  万元\n正文".as_bytes()).unwrap();
        assert!(matches!(&s.blocks[0], Block::Paragraph { .. }));
    }

    #[test]
    fn binaries_are_refused_with_what_they_are() {
        let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        assert_eq!(parse(&ole), Err(ReadError::OldWord));
        ole.extend(utf16("EncryptedPackage"));
        assert_eq!(parse(&ole), Err(ReadError::Encrypted));
        assert!(matches!(parse(b"PK\x03\x04rest"), Err(ReadError::Corrupt(_))));
        assert!(matches!(parse(b"text\0more"), Err(ReadError::Corrupt(_))));
        // 你好 in GBK: named as such, with how to save it as UTF-8.
        assert!(matches!(parse(&[0xC4, 0xE3, 0xBA, 0xC3]), Err(ReadError::NotUtf8(_))));
        assert!(matches!(parse(&[0xC4, 0x20, 0xFF]), Err(ReadError::Corrupt(_))));
        assert!(parse("\u{feff}正文".as_bytes()).is_ok());
    }

    #[test]
    fn utf16_empty_huge_and_old_mac_text() {
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(utf16("标题\r\n正文。")).collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("标题\n正文。".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [le, be] {
            let s = read(&bytes).unwrap();
            assert_eq!(s.blocks.len(), 2);
            assert!(
                matches!(&s.blocks[1], Block::Paragraph { text, at } if text == "正文。" && *at == Origin::Line(2))
            );
        }
        assert_eq!(read(b""), Err(ReadError::Empty));
        assert_eq!(read(" \r\n\t\u{3000}".as_bytes()), Err(ReadError::Empty));
        assert_eq!(read(&[0xFF, 0xFE]), Err(ReadError::Empty));
        let huge = "正文。".repeat(MAX_TEXT_BYTES / 9 + 1);
        assert!(matches!(read(huge.as_bytes()), Err(ReadError::TooLarge(_))));
        let s = read("标题\r\r一、概况\r正文。".as_bytes()).unwrap();
        assert!(matches!(&s.blocks[1], Block::Paragraph { text, at } if text == "一、概况" && *at == Origin::Line(3)));
    }
}
