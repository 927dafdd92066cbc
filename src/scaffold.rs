//! `gongkai new report`: writes a report file with every key present and explained, values
//! empty, ready to fill in. Never overwrites a file.

use crate::content::{is_slug, model::Kind};
use crate::diagnostics::Diagnostic;
use std::path::{Path, PathBuf};

/// Creates `content/parks/<park>/<year>[-project].md`; returns its path.
pub fn new_report(root: &Path, park: &str, year: u16, kind: Kind) -> Result<PathBuf, Diagnostic> {
    let dir = root.join("content").join("parks").join(park);
    if !is_slug(park) {
        return Err(Diagnostic::error(&dir, format!("`{park}` is not a unit id"))
            .help("unit ids are lowercase letters, digits and hyphens, e.g. lengshuitan"));
    }
    if !(1949..=2200).contains(&year) {
        return Err(Diagnostic::error(
            &dir,
            format!("{year} is not a plausible fiscal year"),
        ));
    }
    if !dir.join("_index.md").is_file() {
        return Err(
            Diagnostic::error(dir.join("_index.md"), format!("unit `{park}` has no profile yet")).help(
                "create its _index.md first (name, name_en, region …; see docs/content-format.md), or check the id",
            ),
        );
    }
    let name = match kind {
        Kind::Department => format!("{year}.md"),
        Kind::Project => format!("{year}-project.md"),
    };
    let file = dir.join(name);
    if file.exists() {
        return Err(
            Diagnostic::error(&file, "this report file already exists; nothing was written")
                .help("edit it, or remove it first if you mean to start again"),
        );
    }
    std::fs::write(&file, template(year, kind))
        .map_err(|e| Diagnostic::error(&file, format!("cannot write the file: {e}")))?;
    Ok(file)
}

/// The text of a new report: every key of the form, empty, with what it means.
pub fn template(year: u16, kind: Kind) -> String {
    crate::schema::scaffold_template(year, kind)
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
            assert!(
                report.front.expenditure.as_ref().unwrap().total.is_none(),
                "every figure starts empty"
            );
        }
    }
}
