//! The report's text as the draft's Markdown body. Headings come from the report's own
//! numbering (一、 → `##`, （一） → `###`, a short 1． / 1、 line → `####`, a short （1） line →
//! `#####`); lines the copy broke in mid-sentence are joined again; tables become Markdown
//! tables. Nothing is dropped: every character of the source is in the body, in order.

use super::source::Block;

/// The Markdown body of `blocks`.
pub fn markdown(blocks: &[Block]) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut prev_open = false; // the previous paragraph may continue on this one
    for block in blocks {
        match block {
            Block::Paragraph { text, .. } => {
                let text = text.trim();
                // A page header or footer copied from a PDF stays, on its own: the sentence
                // it interrupted is not joined across it.
                if page_marker(text) {
                    paras.push(escape(text));
                    prev_open = false;
                    continue;
                }
                let level = heading(text);
                if prev_open
                    && level.is_none()
                    && !starts_numbered(text)
                    && let Some(last) = paras.last_mut()
                {
                    last.push_str(&escape(text));
                } else {
                    paras.push(match level {
                        Some(n) => format!("{} {}", "#".repeat(n), escape(text)),
                        None => escape(text),
                    });
                }
                prev_open = level.is_none() && broken(text);
            }
            Block::Table { rows, merged, .. } => {
                paras.push(table(rows, merged));
                prev_open = false;
            }
        }
    }
    let mut out = paras.join("\n\n");
    out.push('\n');
    out
}

/// A page number line copied from a PDF: 第 4 页, 第 4 页 共 9 页, 共9页 第4页, — 3 —, - 3 -,
/// 3 / 9.
pub fn page_marker(text: &str) -> bool {
    let s: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    let page = |t: &str| {
        t.strip_prefix('第')
            .and_then(|r| r.strip_suffix('页'))
            .is_some_and(digits)
    };
    let total = |t: &str| {
        t.strip_prefix('共')
            .and_then(|r| r.strip_suffix('页'))
            .is_some_and(digits)
    };
    if page(&s) {
        return true;
    }
    if let Some(i) = s.find("页共").or_else(|| s.find("页第")) {
        let (a, b) = s.split_at(i + '页'.len_utf8());
        return (page(a) && total(b)) || (total(a) && page(b));
    }
    if let Some((a, b)) = s.split_once('/') {
        return digits(a) && digits(b) && s.len() <= 9;
    }
    let dash = |c: char| matches!(c, '—' | '-' | '–' | '－' | '─');
    let inner = s.trim_start_matches(dash);
    let stripped = inner.trim_end_matches(dash);
    s.starts_with(dash) && inner.len() != stripped.len() && digits(stripped) && stripped.len() <= 4
}

/// A line the copy broke: long, and not ending a sentence.
fn broken(text: &str) -> bool {
    let last = text.chars().last().unwrap_or('。');
    text.chars().count() >= 25 && !"。；！？：:;.!?”\"）)".contains(last)
}

fn is_cn_digit(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// Whether a line starts with the report's numbering of any level.
fn starts_numbered(t: &str) -> bool {
    numbering(t).is_some()
}

/// The numbering's level and length in chars: 一、 (2), （一） (3), 1． / 1、 / 1. (4), （1） (5).
fn numbering(t: &str) -> Option<(usize, usize)> {
    let cs: Vec<char> = t.chars().collect();
    let first = *cs.first()?;
    if is_cn_digit(first) {
        let n = cs.iter().take_while(|c| is_cn_digit(**c)).count();
        return (cs.get(n) == Some(&'、')).then_some((2, n + 1));
    }
    if first == '（' || first == '(' {
        let n = cs[1..]
            .iter()
            .take_while(|c| is_cn_digit(**c) || c.is_ascii_digit())
            .count();
        if n > 0 && matches!(cs.get(n + 1), Some('）') | Some(')')) {
            let level = if is_cn_digit(cs[1]) { 3 } else { 5 };
            return Some((level, n + 2));
        }
        return None;
    }
    if first.is_ascii_digit() {
        let n = cs.iter().take_while(|c| c.is_ascii_digit()).count();
        if matches!(cs.get(n), Some('．') | Some('、') | Some('.')) && !cs.get(n + 1).is_some_and(char::is_ascii_digit)
        {
            return Some((4, n + 1));
        }
    }
    None
}

/// A heading's Markdown level: numbered, short, and not a sentence.
fn heading(t: &str) -> Option<usize> {
    let (level, _) = numbering(t)?;
    let n = t.chars().count();
    let body = t.trim_end_matches(['。', '.']);
    let sentence = body.contains(['。', '；', '，', ',', ';']);
    let max = if level <= 3 { 40 } else { 24 };
    // Below （一）, a line ending in 。 is a sentence, however short.
    let stop = level > 3 && t.ends_with(['。', '；', ';']);
    (n <= max && !sentence && !stop).then_some(level)
}

/// Text safe in Markdown: characters that would start a structure or emphasis are escaped.
fn escape(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '#' | '|' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    // A leading "1. " or "- " would start a list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && out[digits..].starts_with(". ") {
        out.insert(digits, '\\');
    } else if out.starts_with("- ") || out.starts_with("+ ") {
        out.insert(0, '\\');
    }
    out
}

/// A Markdown table; cells that repeat a merged cell are left blank.
fn table(rows: &[Vec<String>], merged: &[Vec<bool>]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let mut out = String::new();
    for (r, row) in rows.iter().enumerate() {
        out.push('|');
        for c in 0..width {
            let repeat = merged.get(r).and_then(|m| m.get(c)).copied().unwrap_or(false);
            let cell = if repeat {
                ""
            } else {
                row.get(c).map_or("", String::as_str)
            };
            out.push(' ');
            out.push_str(&escape(&cell.replace(['\n', '\r'], " ")));
            out.push_str(" |");
        }
        out.push('\n');
        if r == 0 {
            out.push('|');
            out.push_str(&"---|".repeat(width));
            out.push('\n');
        }
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::source::Origin;

    fn p(t: &str, n: usize) -> Block {
        Block::Paragraph {
            text: t.into(),
            at: Origin::Line(n),
        }
    }

    #[test]
    fn numbering_makes_headings_and_sentences_stay_text() {
        let md = markdown(&[
            p("一、部门概况", 1),
            p("（一）部门基本情况。", 2),
            p("1．主要职能", 3),
            p(
                "1、高科园内设：规划建设环保林业招商部、经济发展人力人才资源部、财务部。",
                4,
            ),
            p("（1）负责贯彻执行党和国家关于高新区的方针政策。", 5),
        ]);
        let lines: Vec<&str> = md.split("\n\n").collect();
        assert_eq!(lines[0], "## 一、部门概况");
        assert_eq!(lines[1], "### （一）部门基本情况。");
        assert_eq!(lines[2], "#### 1．主要职能");
        assert!(lines[3].starts_with("1、高科园"));
        assert!(lines[4].starts_with("（1）负责"), "{md}");
    }

    #[test]
    fn lines_broken_mid_sentence_are_joined() {
        let md = markdown(&[
            p(
                "2021年，在区委区政府的坚强领导下，冷水滩高科园按照区委经济工作会议精神，聚焦",
                1,
            ),
            p("湘南湘西承接产业转移示范区建设。", 2),
            p("二、下一节", 3),
        ]);
        assert!(md.starts_with("2021年，在区委区政府的坚强领导下，冷水滩高科园按照区委经济工作会议精神，聚焦湘南湘西"));
        assert!(md.contains("\n\n## 二、下一节"));
    }

    #[test]
    fn page_numbers_copied_from_a_pdf_break_no_sentence() {
        for m in ["第 4 页 共 9 页", "— 3 —", "- 3 -", "第3页", "共9页 第4页", "3 / 9"] {
            assert!(page_marker(m), "{m}");
        }
        for t in ["第一章", "-3", "3", "2021年部门整体支出为1,545."] {
            assert!(!page_marker(t), "{t}");
        }
        let md = markdown(&[
            p("2021年部门基本支出为832.88万元，其中人员经费为712", 1),
            p("第 4 页 共 9 页", 2),
            p(".25万元、日常公用经费为120.63万元。", 3),
        ]);
        assert_eq!(
            md,
            "2021年部门基本支出为832.88万元，其中人员经费为712\n\n第 4 页 共 9 页\n\n.25万元、日常公用经费为120.63万元。\n"
        );
    }

    #[test]
    fn tables_escape_pipes_and_blank_repeats() {
        let md = markdown(&[Block::Table {
            rows: vec![
                vec!["一级指标".into(), "三级指标".into()],
                vec!["产出指标".into(), "a|b".into()],
                vec!["产出指标".into(), "c".into()],
            ],
            merged: vec![vec![false, false], vec![false, false], vec![true, false]],
            at: Origin::Table(1),
        }]);
        assert_eq!(
            md,
            "| 一级指标 | 三级指标 |\n|---|---|\n| 产出指标 | a\\|b |\n|  | c |\n"
        );
    }
}
