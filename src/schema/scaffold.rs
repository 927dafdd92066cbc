//! The text of a new report (`gongkai new report`): every key of the form, empty, each with its
//! Chinese name as a comment, so the author fills in the form they already know.

use super::*;
use crate::content::model::Kind as ReportKind;

/// Column where comments start, so the file reads as a form.
const COMMENT_AT: usize = 25;

/// `key: value   # comment`, with the comment aligned.
fn line(out: &mut String, indent: usize, key: &str, value: &str, comment: &str) {
    let mut text = format!("{}{key}:", "  ".repeat(indent));
    if !value.is_empty() {
        text.push(' ');
        text.push_str(value);
    }
    if !comment.is_empty() {
        // Chinese characters take two columns in an editor.
        let width: usize = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
        let pad = COMMENT_AT.saturating_sub(width).max(1);
        text.push_str(&" ".repeat(pad));
        text.push_str("# ");
        text.push_str(comment);
    }
    out.push_str(text.trim_end());
    out.push('\n');
}

/// What to write in a field's comment: its name, and how to write its value.
fn comment(f: &Field) -> String {
    let how = match (f.kind, f.unit) {
        (Kind::Count | Kind::Points, Unit::Of(u)) => format!("（{u}）"),
        (Kind::Grade | Kind::Date, _) => format!("：{}", f.hint),
        (kind, _) => how_to_write(kind).to_string(),
    };
    format!("{}{how}", f.label.zh)
}

fn how_to_write(kind: Kind) -> &'static str {
    match kind {
        Kind::Percent => "，%（不写 % 号）",
        Kind::Change => "（减少写负数）",
        _ => "",
    }
}

/// The new report's front matter and a placeholder body.
pub fn template(year: u16, kind: ReportKind) -> String {
    let mut out = String::from("---\n");
    out.push_str("# 填写说明：按报告原文照录数字（保留小数，如 1545.30）；报告没有的数据留空，网站会注明报告未列出（不是 0）。\n");
    out.push_str(
        "# Fill in figures exactly as printed; leave out what the report does not state. See docs/content-format.md.\n",
    );
    for a in ABOUT {
        if a.required == Required::Project && kind != ReportKind::Project {
            continue;
        }
        let value = a
            .scaffold
            .0
            .replace("{year}", &year.to_string())
            .replace("{kind}", kind.slug());
        line(&mut out, 0, a.key, &value, a.scaffold.1);
    }
    for s in SECTIONS {
        // A project form never has the department's sections; a department report attaches
        // its own 自评表 (funds, goals, indicators), so it keeps every section.
        let root = s
            .path
            .split('.')
            .next()
            .and_then(|p| SECTIONS.iter().find(|r| r.path == p));
        if root.unwrap_or(s).shown == Shown::Department && kind == ReportKind::Project {
            continue;
        }
        section(&mut out, s);
    }
    out.push_str("---\n## 一、基本情况\n\n（在此粘贴报告正文。）\n");
    out
}

/// One section: its fields nested under its key, or a list.
fn section(out: &mut String, s: &Section) {
    let (parent, key) = match s.path.split_once('.') {
        Some((parent, key)) => (Some(parent), key),
        None => (None, s.path),
    };
    let indent = usize::from(parent.is_some());
    match s.body {
        Body::Rows(entries) => {
            line(out, indent, key, "", "");
            for e in entries {
                match e {
                    Entry::Field(f) => line(out, indent + 1, f.key, "", &comment(f)),
                    Entry::Items(i) => line(out, indent + 1, i.key, "[]", &format!("例：{}", i.example)),
                }
            }
        }
        Body::List(i) => line(out, indent, key, "[]", &format!("例：{}", i.example)),
        Body::Funds => line(out, indent, key, "[]", "例：- fund: government_funds / total: 16372.53"),
        Body::Lines(lines, fields) => {
            line(out, 0, key, "", "");
            for l in lines {
                line(out, 1, l.key, "", l.label.zh);
                for x in fields.iter().filter(|x| x.only.is_none_or(|only| only == l.key)) {
                    line(out, 2, x.key, "", &format!("{}{}", x.label.zh, how_to_write(x.kind)));
                }
                line(out, 2, "unit", "", "单位（不是金额单位时填写，如 元）");
            }
        }
        Body::Goals(_) => line(out, 0, key, "[]", "例：- target: 预期目标 / actual: 实际完成情况"),
        Body::Matrix(..) => line(
            out,
            indent,
            key,
            "[]",
            "年度资金总额以下各行。项目表例：- key: fiscal / initial: … / full_year: … / actual: …；部门表的键：general_public、government_funds、state_capital、special_account、unit_funds（按收入性质分），basic、project（按支出性质分）；表中空白的行只写 key",
        ),
        Body::Groups(_) => line(
            out,
            0,
            key,
            "[]",
            "一级指标分值，例：- level1: 产出指标 / weight: 50 / score: 48",
        ),
        Body::Indicators(_) => line(
            out,
            0,
            key,
            "[]",
            "例：- level1: 产出指标 / level2: 数量指标 / level3: … / target: … / actual: … / weight: 10 / score: 10",
        ),
    }
}
