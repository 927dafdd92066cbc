//! `serve`'s incremental rebuild: after an edit, the files it produces must be byte-identical
//! to a full build of the edited content — pages, charts, data files, search index, sitemap
//! and checksums alike — whether the steps run at once ([`incremental::update`]) or as
//! `serve` runs them (the units first, the rest later, its checksums from a copy of the pages
//! and data files).

mod common;

use bytes::Bytes;
use gongkai::incremental::{self, Edit, Scope};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn full(root: &Path) -> (gongkai::Loaded, BTreeMap<String, Vec<u8>>) {
    let loaded = gongkai::load(root).unwrap_or_else(|f| panic!("{:?}", f.diagnostics()));
    let files = gongkai::render(&loaded)
        .unwrap()
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect();
    (loaded, files)
}

fn assert_same<V: AsRef<[u8]>>(incremental: &BTreeMap<String, V>, full: &BTreeMap<String, Vec<u8>>) {
    let a: BTreeSet<&String> = incremental.keys().collect();
    let b: BTreeSet<&String> = full.keys().collect();
    assert_eq!(
        a.symmetric_difference(&b).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "same file list"
    );
    for (path, bytes) in full {
        assert!(
            incremental[path].as_ref() == bytes,
            "{path} differs from the full build"
        );
    }
}

/// Edits files of one unit, updates incrementally, and compares with a full build.
fn check_edit(edit: impl FnOnce(&Path)) -> usize {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    common::copy_example(root);
    let (old, mut files) = full(root);
    let dir = root.join("content/parks/daoxian");
    edit(&dir);
    let changed: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    let Scope::Units(ids) = incremental::scope(root, &changed, &old) else {
        panic!("an edit inside a unit folder is incremental");
    };
    assert_eq!(ids, BTreeSet::from(["daoxian".to_string()]));
    let unit_files = incremental::render_units(&old, &ids).unwrap().len();
    let mut served: BTreeMap<String, Bytes> = files.iter().map(|(p, b)| (p.clone(), Bytes::from(b.clone()))).collect();
    incremental::update(&old, root, &ids, &mut files)
        .unwrap_or_else(|f| panic!("{:?}", f.diagnostics()))
        .expect("no full build needed");
    let (_, expected) = full(root);
    assert_same(&files, &expected);
    as_served(&old, root, &ids, &mut served, &expected);
    assert_same(&served, &expected);
    unit_files
}

/// The edit applied as `serve` applies it: the units' files first (then the edited unit's
/// pages are already those of the full build), the rest later, with the sitemap and
/// checksums made from a copy of just the pages and data files.
fn as_served(
    old: &gongkai::Loaded,
    root: &Path,
    ids: &BTreeSet<String>,
    served: &mut BTreeMap<String, Bytes>,
    expected: &BTreeMap<String, Vec<u8>>,
) {
    let edit = Edit::read(old, root, ids).unwrap().expect("no full build needed");
    edit.put_units(served, edit.render_units().unwrap());
    for (path, bytes) in expected.iter().filter(|(p, _)| p.starts_with("parks/daoxian/")) {
        assert!(served[path] == bytes, "{path} is not up to date after the first step");
    }
    let rest = edit.render_rest().unwrap();
    let listed: Vec<(String, Bytes)> = served
        .iter()
        .filter(|(p, _)| edit.reads(p))
        .map(|(p, b)| (p.clone(), b.clone()))
        .collect();
    let last = edit.finish(listed.iter().map(|(p, b)| (p.as_str(), b.as_ref())), &rest);
    edit.put_rest(served, rest, last);
}

#[test]
fn an_edited_figure_and_narrative_match_a_full_build() {
    let unit_files = check_edit(|dir| {
        let f = dir.join("2023.md");
        let text = std::fs::read_to_string(&f).unwrap();
        let edited = text.replacen("\n## ", "\n一段新增的说明文字：标准厂房与污水处理。\n\n## ", 1);
        assert_ne!(edited, text);
        std::fs::write(&f, edited).unwrap();
    });
    // The edited unit's pages, charts and data: a small share of the site.
    assert!(unit_files < 40, "{unit_files} files re-rendered for the unit");
}

#[test]
fn a_new_report_in_the_same_year_renames_folders_like_a_full_build() {
    check_edit(|dir| {
        std::fs::copy(
            common::repo().join("tests/fixtures/project-report.md"),
            dir.join("2023-project.md"),
        )
        .unwrap();
        let text = std::fs::read_to_string(dir.join("2023-project.md")).unwrap();
        let text = regex_year(&text, 2023);
        std::fs::write(dir.join("2023-project.md"), text).unwrap();
    });
}

#[test]
fn a_removed_translation_matches_a_full_build() {
    check_edit(|dir| std::fs::remove_file(dir.join("2023.en.md")).unwrap());
}

#[test]
fn errors_keep_the_old_content_and_other_changes_need_a_full_build() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    common::copy_example(root);
    let (old, _) = full(root);
    let f = root.join("content/parks/daoxian/2023.md");
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, text.replacen("year: 2023", "year: twenty", 1)).unwrap();
    let ids = BTreeSet::from(["daoxian".to_string()]);
    let failure = incremental::reload(&old, root, &ids)
        .err()
        .expect("a broken report fails");
    assert!(
        failure
            .diagnostics()
            .iter()
            .any(|d| d.file.ends_with("2023.md") && d.line.is_some())
    );
    // A changed year set, site.toml and the theme go through the full build.
    std::fs::write(&f, text.replacen("year: 2023", "year: 2024", 1)).unwrap();
    assert!(incremental::reload(&old, root, &ids).unwrap().is_none());
    for other in [
        "site.toml",
        "themes/default/templates/base.html",
        "content/parks/newunit/_index.md",
    ] {
        assert_eq!(
            incremental::scope(root, &[root.join(other)], &old),
            Scope::Everything,
            "{other}"
        );
    }
    // Editors' swap files are ignored.
    assert_eq!(
        incremental::scope(root, &[root.join("content/parks/daoxian/.2023.md.swp")], &old),
        Scope::Units(BTreeSet::new())
    );
}

/// The fixture's `year:` set to `year`.
fn regex_year(text: &str, year: u16) -> String {
    text.lines()
        .map(|l| {
            if l.starts_with("year:") {
                format!("year: {year}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
