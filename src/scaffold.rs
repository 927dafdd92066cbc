//! `gongkai new report` and `gongkai new unit`: write a file with every key present and
//! explained, ready to fill in. Never overwrites a file.

use crate::content::{is_slug, model::Kind};
use crate::diagnostics::Diagnostic;
use crate::messages::Msg;
use crate::msg;
use std::path::{Path, PathBuf};

/// Creates `content/parks/<park>/<year>[-project].md`; returns its path.
pub fn new_report(root: &Path, park: &str, year: u16, kind: Kind) -> Result<PathBuf, Diagnostic> {
    let dir = root.join("content").join("parks").join(park);
    if !is_slug(park) {
        return Err(Diagnostic::error(&dir, msg!(NotAUnitId, id = park)).help(Msg::UnitIdHelp));
    }
    if !(1949..=2200).contains(&year) {
        return Err(Diagnostic::error(&dir, msg!(NotAFiscalYear, year)));
    }
    if !dir.join("_index.md").is_file() {
        return Err(
            Diagnostic::error(dir.join("_index.md"), msg!(UnitHasNoProfile, id = park))
                .help(msg!(UnitHasNoProfileHelp, id = park)),
        );
    }
    let name = match kind {
        Kind::Department => format!("{year}.md"),
        Kind::Project => format!("{year}-project.md"),
    };
    let file = dir.join(name);
    if file.exists() {
        return Err(Diagnostic::error(&file, Msg::ReportExists).help(Msg::ReportExistsHelp));
    }
    write_new(&file, &template(year, kind))?;
    Ok(file)
}

/// The text of a new report: every key of the form, empty, with what it means.
pub fn template(year: u16, kind: Kind) -> String {
    crate::schema::scaffold_template(year, kind)
}

/// Creates `content/parks/<id>/_index.md` with the unit's names and every other key of a
/// profile (docs/content-format.md, "Unit profile") empty; returns its path.
pub fn new_unit(root: &Path, id: &str, name: &str, name_en: &str) -> Result<PathBuf, Diagnostic> {
    let dir = root.join("content").join("parks").join(id);
    let file = dir.join("_index.md");
    if !is_slug(id) {
        return Err(Diagnostic::error(&dir, msg!(NotAUnitId, id)).help(Msg::UnitIdHelp));
    }
    for (flag, value) in [("name", name), ("name-en", name_en)] {
        if value.trim().is_empty() {
            return Err(Diagnostic::error(&file, msg!(NameArgEmpty, flag)).help(Msg::NameArgHelp));
        }
        if value.chars().any(char::is_control) {
            return Err(Diagnostic::error(&file, msg!(NameArgControl, flag)).help(Msg::NameArgHelp));
        }
    }
    if file.exists() {
        return Err(Diagnostic::error(&file, Msg::ProfileExists).help(Msg::ProfileExistsHelp));
    }
    std::fs::create_dir_all(&dir).map_err(|e| Diagnostic::error(&dir, msg!(CannotCreateFolder, error = e)))?;
    write_new(&file, &unit_template(name.trim(), name_en.trim()))?;
    Ok(file)
}

/// Writes `text` to `file`, which must not exist yet (not even made by another program in
/// the meantime).
pub(crate) fn write_new(file: &Path, text: &str) -> Result<(), Diagnostic> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(|e| Diagnostic::error(file, msg!(CannotWriteFile, error = e)))
}

/// A unit profile with `name` and `name_en` filled in and every other key empty, each with
/// what it means (the keys of docs/content-format.md, "Unit profile").
pub fn unit_template(name: &str, name_en: &str) -> String {
    let rows: [(&str, String, &str); 15] = [
        ("name", quoted(name), "单位名称（中文）"),
        ("name_en", quoted(name_en), "单位名称（英文）"),
        (
            "unit_type",
            "park".into(),
            "park（园区）或 bureau（为多个园区填报的市级部门）",
        ),
        ("committee", String::new(), "填报机构（如与单位名称不同）"),
        ("committee_en", String::new(), "填报机构（英文）"),
        ("region", String::new(), "所在地区：去掉下面三行的 # 后填写"),
        ("#  province", String::new(), "省"),
        ("#  city", String::new(), "市"),
        ("#  county", String::new(), "县（区）"),
        (
            "region_en",
            String::new(),
            "所在地区（英文），写法同上，如 province: Hunan",
        ),
        ("level", String::new(), "园区级别：国家级 / 省级 / 市级 / 县级 / 其他"),
        (
            "established",
            String::new(),
            "设立时间，加引号：\"YYYY\"、\"YYYY-MM\" 或 \"YYYY-MM-DD\"",
        ),
        ("planned_area", String::new(), "规划面积（平方公里）"),
        ("built_area", String::new(), "建成区面积（平方公里）"),
        ("leading_industries", "[]".into(), "主导产业，如 [电子信息, 先进制造]"),
    ];
    let more: [(&str, String, &str); 2] = [
        ("leading_industries_en", "[]".into(), "主导产业（英文）"),
        (
            "covers",
            "[]".into(),
            "仅市级部门：报告涵盖的园区的单位标识，如 [lengshuitan, daoxian]",
        ),
    ];
    let mut out = String::from("---\n");
    out.push_str("# 单位简介：单位名称已填好；其余各项按实际填写，没有的留空。写法见 docs/content-format.md。\n");
    out.push_str("# Unit profile: fill in what applies and leave the rest empty. See docs/content-format.md.\n");
    for (key, value, comment) in rows.iter().chain(more.iter()) {
        let mut line = format!("{key}:");
        if !value.is_empty() {
            line.push(' ');
            line.push_str(value);
        }
        // Chinese characters take two columns in an editor.
        let width: usize = line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
        line.push_str(&" ".repeat(COMMENT_AT.saturating_sub(width).max(1)));
        line.push_str("# ");
        line.push_str(comment);
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str("---\n单位简介（Markdown）：概况、职能、机构设置……\n");
    out
}

/// Column where comments start in a new profile.
const COMMENT_AT: usize = 25;

/// `text` as a YAML double-quoted string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_parse_and_are_empty() {
        for kind in [Kind::Department, Kind::Project] {
            let text = template(2024, kind);
            let (report, problems) = crate::content::parse_report(&text, Path::new("new.md"), "p", "2024");
            let errors: Vec<_> = problems.iter().filter(|d| d.is_error()).collect();
            // The only error is the empty title (and project name), which the author must fill in.
            assert!(report.is_none());
            assert!(errors.iter().all(|d| d.message.contains("is empty")), "{errors:#?}");
            let filled =
                text.replacen("title: \"\"", "title: 报告", 1)
                    .replacen("project_name: \"\"", "project_name: 项目", 1);
            let (report, problems) = crate::content::parse_report(&filled, Path::new("new.md"), "p", "2024");
            let report = report.unwrap_or_else(|| panic!("{problems:#?}"));
            assert_eq!(report.front.kind, kind);
            match kind {
                Kind::Department => assert!(
                    report.front.expenditure.as_ref().unwrap().total.is_none(),
                    "every figure starts empty"
                ),
                // A project form has no department sections.
                Kind::Project => {
                    assert!(report.front.expenditure.is_none());
                    assert!(report.front.project.as_ref().unwrap().actual.is_none());
                }
            }
        }
    }

    #[test]
    fn a_new_unit_profile_parses_with_its_names_and_nothing_else() {
        let text = unit_template("某\"园区\"", "A \\ Park: East");
        let doc = crate::content::document::split(&text, Path::new("_index.md")).unwrap();
        let p: crate::content::model::UnitProfile =
            crate::yaml::from_str(&doc.front, Path::new("_index.md"), doc.front_line).unwrap();
        assert_eq!((p.name.as_str(), p.name_en.as_str()), ("某\"园区\"", "A \\ Park: East"));
        assert!(p.region.is_none() && p.region_en.is_none() && p.level.is_none() && p.established.is_none());
        assert!(p.leading_industries.is_empty() && p.covers.is_empty());
        // Every key of a profile is in the file, so the author sees what may be filled in.
        let schema = serde_json::to_value(schemars::schema_for!(crate::content::model::UnitProfile)).unwrap();
        let keys = schema["properties"].as_object().unwrap().keys();
        assert!(keys.len() >= 14);
        for key in keys {
            assert!(text.contains(&format!("\n{key}:")), "{key} missing from\n{text}");
        }
    }

    #[test]
    fn a_new_unit_never_overwrites_and_needs_its_names() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let file = new_unit(root, "xinyuan", "新园", "New Park").unwrap();
        assert_eq!(file, root.join("content/parks/xinyuan/_index.md"));
        let again = new_unit(root, "xinyuan", "新园", "New Park").unwrap_err();
        assert_eq!(again.message, "this unit already has a profile; nothing was written");
        assert_eq!(
            new_unit(root, "Xin Yuan", "新园", "New Park").unwrap_err().message,
            "`Xin Yuan` is not a unit id"
        );
        assert_eq!(new_unit(root, "b", " ", "B").unwrap_err().message, "--name is empty");
        assert_eq!(
            new_unit(root, "b", "乙", "B\nC").unwrap_err().message,
            "--name-en contains a line break or a control character"
        );
        assert!(!root.join("content/parks/b").exists());
        // The report the new unit needs can now be made.
        assert!(new_report(root, "xinyuan", 2024, Kind::Department).is_ok());
    }
}
