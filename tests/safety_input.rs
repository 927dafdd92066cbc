//! Issue 12, content stage: hostile or careless input never changes a figure, never drops a
//! file without a word, never exhausts the machine and never makes the output ill-formed.
//! Each test builds or checks a real site in a temp dir and pins what the publisher sees.

mod common;
use common::site_with;
use gongkai::diagnostics::{Diagnostic, Severity};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const PROFILE: &str = "---\nname: 示例园区\nname_en: Example Park\n---\n简介。\n";
const R: &str = "content/parks/demo/2021.md";
const P: &str = "content/parks/demo/_index.md";

fn report(extra: &str) -> String {
    format!(
        "---\ntitle: 2021年度部门整体支出绩效自评报告\nyear: 2021\nkind: department\npublished: \"2022-06-30 09:00\"\n{extra}---\n正文。\n"
    )
}

/// Every problem `gongkai check` reports for the site at `root`.
fn check(root: &Path) -> Vec<Diagnostic> {
    match gongkai::check(root, false) {
        Ok(w) => w,
        Err(f) => f.diagnostics().to_vec(),
    }
}

/// The problems of a site made of `files`.
fn problems(files: &[(&str, &[u8])]) -> Vec<Diagnostic> {
    let (_tmp, root) = site_with(files);
    check(&root)
}

/// The one problem about `file` (a path below the root), printed as the publisher sees it but
/// with the file relative to the root.
fn shown(problems: &[Diagnostic], root_free: &str) -> Vec<String> {
    problems
        .iter()
        .filter(|d| d.file.ends_with(root_free))
        .filter(|d| d.severity != Severity::Note)
        .map(|d| {
            let mut d = d.clone();
            d.file = PathBuf::from(root_free);
            d.to_string()
        })
        .collect()
}

// 1. Figures silently changed.

#[test]
fn a_space_inside_a_figure_is_an_error_at_the_space() {
    let text = report("expenditure:\n  total: 663 4\n");
    let ps = problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
    assert_eq!(
        shown(&ps, R),
        [
            "content/parks/demo/2021.md:7:13: error: `663 4` has a space inside the number in `expenditure.total`\n  help: write the figure without spaces, exactly as the report prints it: `6634`, or `663.4` if it stands for a decimal point"
        ]
    );
    let text = report("expenditure:\n  basic: \"0 6 3\"\n");
    let ps = problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
    assert_eq!(
        shown(&ps, R),
        [
            "content/parks/demo/2021.md:7:12: error: `0 6 3` has a space inside the number in `expenditure.basic`\n  help: write the figure without spaces, exactly as the report prints it: `063`"
        ]
    );
}

#[test]
fn an_invisible_character_inside_a_figure_is_named_at_its_column() {
    for (c, name, col) in [
        ('\u{200b}', "U+200B ZERO WIDTH SPACE", 16),
        ('\u{a0}', "U+00A0 NO-BREAK SPACE", 16),
        ('\u{3000}', "U+3000 IDEOGRAPHIC SPACE", 16),
    ] {
        let text = report(&format!("budget:\n  income: 1,545{c}.30\n"));
        let ps = problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
        assert_eq!(
            shown(&ps, R),
            [format!(
                "content/parks/demo/2021.md:7:{col}: error: `1,545<U+{:04X}>.30` has {name} inside the number in `budget.income`\n  help: write the figure without spaces, exactly as the report prints it: `1,545.30`",
                c as u32
            )]
        );
    }
    // A byte-order mark pasted into a figure: named, at its place, before YAML sees it.
    let text = report("budget:\n  income: 1545\u{feff}.30\n");
    let ps = problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
    assert_eq!(
        shown(&ps, R),
        [
            "content/parks/demo/2021.md:7:15: error: the front matter contains the invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE (byte-order mark)\n  help: delete it: it is invisible in most editors, so delete the text around line 7, column 15 and type it again (it usually comes from copying out of a PDF or Word)"
        ]
    );
}

#[test]
fn thousands_separators_and_spaces_around_a_figure_still_publish_it_exactly() {
    let text = report("budget:\n  income: \"174,053.00\"\n  expenditure: \" 174053.00\u{3000}\"\n");
    let (_tmp, root) = site_with(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
    gongkai::build(&root, None, false).unwrap_or_else(|f| panic!("{:#?}", f.diagnostics()));
    let json = std::fs::read_to_string(root.join("public/parks/demo/2021/report.json")).unwrap();
    assert!(json.contains("\"income\":174053.00"), "{json}");
    assert!(json.contains("\"expenditure\":174053.00"), "{json}");
}

// 2. Files silently dropped.

#[test]
fn every_file_that_is_not_read_gets_a_warning_saying_how_to_fix_it() {
    let r = report("");
    let r22 = r.replace("2021", "2022");
    let ps = problems(&[
        (P, PROFILE.as_bytes()),
        (R, r.as_bytes()),
        ("content/parks/demo/2022.MD", r22.as_bytes()),
        ("content/parks/demo/2020.markdown", b"---\n---\n"),
        ("content/parks/demo/notes.txt", b"notes"),
        ("content/parks/demo/old/2019.md", b"---\n---\n"),
        ("content/parks/demo/old/scan.pdf", b"%PDF"),
        ("content/parks/demo/_index.zh.md", PROFILE.as_bytes()),
        ("content/parks/readme.md", b"# readme"),
        ("content/about.md", b"# about"),
    ]);
    let warnings: Vec<String> = ps
        .iter()
        .filter(|d| d.is_warning())
        .map(|d| {
            let rel = d.file.to_string_lossy();
            let rel = &rel[rel.find("content/").unwrap()..];
            format!(
                "{rel}: {}\n  help: {}",
                d.message,
                d.help.as_ref().map(ToString::to_string).as_deref().unwrap()
            )
        })
        .collect();
    assert_eq!(
        warnings,
        [
            "content/about.md: this file is not read: only files in content/parks/<unit-id>/ are read\n  help: move it into content/parks/<unit-id>/ if it is a report; otherwise move it out of content/",
            "content/parks/demo/2020.markdown: this file is not read: only files ending in `.md` are read\n  help: if it is a report or a profile, rename it to `2020.md`; otherwise move it out of content/",
            "content/parks/demo/2022.MD: this file is not read: the name must end in `.md`, in lowercase\n  help: rename it to `2022.md`",
            "content/parks/demo/_index.zh.md: this file is not read: a unit's profile is `_index.md`, and its translation `_index.en.md`\n  help: rename it to `_index.md` or `_index.en.md`, or move it out of content/",
            "content/parks/demo/notes.txt: this file is not read: only files ending in `.md` are read\n  help: if it is a report or a profile, rename it to `notes.md`; otherwise move it out of content/",
            "content/parks/demo/old/2019.md: this file is not read: reports must be directly in their unit's folder, not in a folder inside it\n  help: move it up to content/parks/demo/2019.md",
            "content/parks/demo/old/scan.pdf: this file is not read: reports must be directly in their unit's folder, not in a folder inside it\n  help: move it out of content/: only `.md` files directly in a unit folder are read",
            "content/parks/readme.md: this file is not read: files directly in content/parks are not read\n  help: put each report in its unit's folder: content/parks/<unit-id>/",
        ]
    );
    assert!(!ps.iter().any(Diagnostic::is_error), "{ps:#?}");
}

#[test]
fn hidden_files_and_editor_backups_are_skipped_quietly() {
    let ps = problems(&[
        (P, PROFILE.as_bytes()),
        (R, report("").as_bytes()),
        ("content/parks/demo/.2021.md.swp", b"\0\0"),
        ("content/parks/demo/2021.md~", b"old"),
        ("content/parks/demo/#2021.md#", b"autosave"),
        ("content/parks/demo/~$报告.docx", b"lock"),
        ("content/parks/.DS_Store", b"\0"),
        ("content/parks/demo/Thumbs.db", b"\0"),
        ("content/.git/config", b"[core]"),
        ("content/parks/.drafts/2023.md", b"---\n---\n"),
    ]);
    assert!(ps.iter().all(|d| d.severity == Severity::Note), "{ps:#?}");
}

#[test]
fn english_files_of_a_unit_without_profile_are_not_dropped_silently() {
    let ps = problems(&[
        ("content/parks/demo/2021.en.md", b"---\ntitle: Report\n---\n"),
        ("content/parks/demo/_index.en.md", b"---\n---\nAbout.\n"),
    ]);
    let shown: Vec<String> = ps
        .iter()
        .map(|d| {
            let rel = d.file.to_string_lossy();
            format!("{}: {}", &rel[rel.find("content/").unwrap()..], d.message)
        })
        .collect();
    assert_eq!(
        shown,
        [
            "content/parks/demo/2021.en.md: this report belongs to unit `demo`, which has no profile",
            "content/parks/demo/_index.en.md: this translated profile belongs to unit `demo`, which has no profile",
        ]
    );
    assert!(ps.iter().all(|d| d.is_error() && d.help.is_some()));
}

#[cfg(unix)]
#[test]
fn links_inside_the_site_are_followed() {
    use std::os::unix::fs::symlink;
    let r19 = report("").replace("2021", "2019");
    let (_tmp, root) = site_with(&[
        (P, PROFILE.as_bytes()),
        (R, report("").as_bytes()),
        ("drafts/2019.md", r19.as_bytes()),
        ("shared/other/_index.md", PROFILE.as_bytes()),
    ]);
    symlink(root.join("drafts/2019.md"), root.join("content/parks/demo/2019.md")).unwrap();
    symlink("../../shared/other", root.join("content/parks/other")).unwrap();
    let summary = gongkai::build(&root, None, false).unwrap_or_else(|f| panic!("{:#?}", f.diagnostics()));
    assert_eq!((summary.reports, summary.units), (2, 2));
    assert!(root.join("public/parks/demo/2019/index.html").is_file());
    assert!(root.join("public/parks/other/index.html").is_file());
}

#[cfg(unix)]
#[test]
fn links_leading_outside_the_site_or_nowhere_are_refused() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    let real_outside = std::fs::canonicalize(outside.path()).unwrap();
    std::fs::write(outside.path().join("2019.md"), report("").replace("2021", "2019")).unwrap();
    std::fs::create_dir(outside.path().join("unit")).unwrap();
    std::fs::write(outside.path().join("unit/_index.md"), PROFILE).unwrap();
    let (_tmp, root) = site_with(&[(P, PROFILE.as_bytes()), (R, report("").as_bytes())]);
    symlink(outside.path().join("2019.md"), root.join("content/parks/demo/2019.md")).unwrap();
    symlink(outside.path().join("unit"), root.join("content/parks/unit")).unwrap();
    symlink("missing.md", root.join("content/parks/demo/2018.md")).unwrap();
    let ps = check(&root);
    let real_root = std::fs::canonicalize(&root).unwrap();
    let errors: Vec<String> = ps
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            format!(
                "{}: {}\n  help: {}",
                d.file.strip_prefix(&root).unwrap().display(),
                d.message,
                d.help.as_ref().map(ToString::to_string).as_deref().unwrap()
            )
        })
        .collect();
    let help_outside = format!(
        "copy the file or folder into {} instead of linking to it: only files inside the site folder (the one holding site.toml) are published",
        real_root.display()
    );
    assert_eq!(
        errors,
        [
            "content/parks/demo/2018.md: this is a link to missing.md, which does not exist\n  help: copy the file here instead of linking to it, or correct the link".to_string(),
            format!(
                "content/parks/demo/2019.md: this is a link to {}, outside the site folder: it is not read\n  help: {help_outside}",
                real_outside.join("2019.md").display()
            ),
            format!(
                "content/parks/unit: this is a link to {}, outside the site folder: it is not read\n  help: {help_outside}",
                real_outside.join("unit").display()
            ),
        ]
    );
}

// 3. YAML aliases and size.

/// Nested aliases: 9 levels of 9 copies each expand to 9^9 (387 million) strings.
fn billion_laughs() -> String {
    let mut y = String::from("notes: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for i in 1..10 {
        y.push_str(&format!(
            "n{i}: &a{i} [{}]\n",
            vec![format!("*a{}", i - 1); 9].join(",")
        ));
    }
    y
}

#[test]
fn alias_expansion_is_capped_with_a_clear_error() {
    // A long text repeated through aliases: 90 KB on disk, 45 MB once expanded. The error points
    // at the value that is repeated.
    let long = "很长的说明".repeat(6_000);
    let aliases = vec!["*t"; 500].join(", ");
    let text = report(&format!("summary: &t \"{long}\"\nnotes: [{aliases}]\n"));
    let start = Instant::now();
    let ps = problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
    assert!(start.elapsed() < Duration::from_secs(10), "{:?}", start.elapsed());
    assert_eq!(
        shown(&ps, R),
        [
            "content/parks/demo/2021.md:6:10: error: the front matter holds too much: more than 100000 values or 1 MB of text once YAML aliases (`*name`) are expanded\n  help: write each figure once, without `&anchor` and `*alias` (a report never needs them); a report has a few thousand values at most"
        ]
    );
    // The classic bomb, in the front matter of a profile.
    let profile = format!("---\nname: 示例园区\nname_en: Example Park\n{}---\n", billion_laughs());
    let start = Instant::now();
    let ps = problems(&[(P, profile.as_bytes())]);
    assert!(start.elapsed() < Duration::from_secs(10), "{:?}", start.elapsed());
    let d = ps.iter().find(|d| d.is_error()).unwrap();
    assert!(d.message.starts_with("the front matter holds too much"), "{d}");
    assert!(d.line.is_some() && d.help.is_some());
}

#[test]
fn an_oversized_front_matter_is_refused_before_it_is_parsed() {
    let notes: String = (0..12_000).map(|i| format!("  - 第{i}条说明文字\n")).collect();
    let text = report(&format!("notes:\n{notes}"));
    let ps = problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
    let shown = shown(&ps, R);
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(shown[0].starts_with("content/parks/demo/2021.md:"), "{}", shown[0]);
    assert!(
        shown[0].contains(": error: the front matter is too long: 318 KB, at most 256 KB\n  help: the front matter holds the figures and short texts; put the narrative below the closing `---`"),
        "{}",
        shown[0]
    );
}

#[test]
fn deeply_nested_brackets_are_refused_at_once() {
    // libyaml needs time proportional to the depth for every bracket: 240 KB took 40 s.
    let text = report(&format!("notes: {}{}\n", "[".repeat(20_000), "]".repeat(20_000)));
    let start = Instant::now();
    let ps = problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
    assert!(start.elapsed() < Duration::from_secs(10), "{:?}", start.elapsed());
    assert_eq!(
        shown(&ps, R),
        [
            "content/parks/demo/2021.md:6:136: error: the front matter is nested too deeply: more than 128 levels\n  help: a report's figures are at most four levels deep: check for stray `[`, `{` or `- ` that open a level and never close it"
        ]
    );
}

// 4. Control characters.

#[test]
fn a_control_character_in_a_title_is_an_error_naming_it() {
    let text = "---\ntitle: \"2021年度\\a绩效自评报告\"\nyear: 2021\nkind: department\n---\n正文。\n";
    let ps = problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
    assert_eq!(
        shown(&ps, R),
        [
            "content/parks/demo/2021.md:2:15: error: the value of `title` contains the control character U+0007 BELL\n  help: delete it: control characters cannot appear on a web page or in a feed (inside double quotes they are written as escapes such as `\\a`, `\\f` or `\\u0007`)"
        ]
    );
    // The same in an English translation, written as a \u escape.
    let en = "---\ntitle: \"Report\\u0008\"\n---\n";
    let ps = problems(&[
        (P, PROFILE.as_bytes()),
        (R, report("").as_bytes()),
        ("content/parks/demo/2021.en.md", en.as_bytes()),
    ]);
    assert_eq!(
        shown(&ps, "content/parks/demo/2021.en.md")[0].lines().next().unwrap(),
        "content/parks/demo/2021.en.md:2:15: error: the value of `title` contains the control character U+0008 BACKSPACE"
    );
}

#[test]
fn a_raw_nul_in_the_front_matter_is_named_at_its_line_and_column() {
    let text = report("summary: 部门\0整体\n");
    let ps = problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
    assert_eq!(
        shown(&ps, R),
        [
            "content/parks/demo/2021.md:6:12: error: the front matter contains the control character U+0000 NULL\n  help: delete it: it is invisible in most editors, so delete the text around line 6, column 12 and type it again (it usually comes from copying out of a PDF or Word)"
        ]
    );
}

#[test]
fn control_characters_in_a_narrative_are_removed_with_a_warning_and_the_feed_stays_well_formed() {
    let text = report("summary: 摘要\n").replace("正文。\n", "第一页\u{c}第二页\n\n响\u{7}铃\0。\n");
    let (_tmp, root) = site_with(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
    let summary = gongkai::build(&root, None, false).unwrap_or_else(|f| panic!("{:#?}", f.diagnostics()));
    let warnings: Vec<String> = summary
        .warnings
        .iter()
        .filter(|d| d.is_warning())
        .map(|d| {
            let mut d = d.clone();
            d.file = PathBuf::from(R);
            d.to_string()
        })
        .collect();
    assert_eq!(
        warnings,
        [
            "content/parks/demo/2021.md:8:4: warning: the text contains 3 control characters that cannot be published, removed from the page: U+000C FORM FEED (1×), U+0007 BELL (1×), U+0000 NULL (1×)\n  help: they are invisible and usually come from copying out of a PDF (a form feed marks a page break and became a line break); delete them from the file to silence this warning"
        ]
    );
    for page in [
        "public/parks/demo/2021/index.html",
        "public/en/parks/demo/2021/index.html",
        "public/parks/demo/2021/report.json",
    ] {
        let html = std::fs::read_to_string(root.join(page)).unwrap();
        assert!(
            !html.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r')),
            "{page}"
        );
    }
    let html = std::fs::read_to_string(root.join("public/parks/demo/2021/index.html")).unwrap();
    assert!(html.contains("响铃。"), "the text around the controls is kept");
    for feed in ["public/feed.xml", "public/en/feed.xml", "public/sitemap.xml"] {
        let xml = std::fs::read_to_string(root.join(feed)).unwrap();
        roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{feed}: {e}"));
    }
}

#[test]
fn a_control_character_in_site_toml_is_an_error_naming_it() {
    let (_tmp, root) = site_with(&[(P, PROFILE.as_bytes()), (R, report("").as_bytes())]);
    let toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
    let line = toml.lines().position(|l| l.starts_with("title = \"")).unwrap() + 1;
    let bad = toml.replacen("title = \"", "title = \"\\u001b", 1);
    std::fs::write(root.join("site.toml"), &bad).unwrap();
    let ps = check(&root);
    let d = ps.iter().find(|d| d.is_error()).unwrap();
    assert_eq!(d.message, "`title` contains the control character U+001B ESCAPE");
    assert_eq!((d.line, d.column), (Some(line), Some(10)));
    assert!(d.help.is_some());
    // Raw, not escaped: named at its place too.
    let raw = toml.replacen("title = \"", "title = \"\u{7}", 1);
    std::fs::write(root.join("site.toml"), &raw).unwrap();
    let ps = check(&root);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!(ps[0].message, "site.toml contains the control character U+0007 BELL");
    assert_eq!((ps[0].line, ps[0].column), (Some(line), Some(10)));
}

// 5. Messages that misled.

#[test]
fn a_key_written_twice_is_shown_where_it_repeats() {
    let text = report("title: 又一个标题\n");
    let ps = problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
    assert_eq!(
        shown(&ps, R),
        [
            "content/parks/demo/2021.md:6:1: error: key `title` appears twice (first on line 2)\n  help: keep one of them: a key may appear only once in the same block (if the second belongs to another section, indent it under that section)"
        ]
    );
    let text = report("expenditure:\n  total: 1\n  basic: 1\n  total: 2\n");
    let ps = problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
    assert_eq!(
        shown(&ps, R)[0].lines().next().unwrap(),
        "content/parks/demo/2021.md:9:3: error: key `total` appears twice in `expenditure` (first on line 7)"
    );
}

#[test]
fn toml_front_matter_is_named_as_such() {
    let plus = "+++\ntitle = \"报告\"\nyear = 2021\nkind = \"department\"\n+++\n正文。\n";
    let ps = problems(&[(P, PROFILE.as_bytes()), (R, plus.as_bytes())]);
    assert_eq!(
        shown(&ps, R),
        [
            "content/parks/demo/2021.md:1:1: error: front matter must be YAML between --- lines, not TOML between +++ lines\n  help: replace both `+++` lines by `---`, and write each `key = value` as `key: value` (e.g. `title: 2021年度部门整体支出绩效自评报告`)"
        ]
    );
    let dashes = plus.replace("+++", "---");
    let ps = problems(&[(P, PROFILE.as_bytes()), (R, dashes.as_bytes())]);
    assert_eq!(
        shown(&ps, R),
        [
            "content/parks/demo/2021.md:2:1: error: front matter must be YAML between --- lines (this looks like TOML)\n  help: write each setting as `key: value` with a colon and a space, not `key = value` (e.g. `title: 2021年度部门整体支出绩效自评报告`), nested figures indented under their section (see docs/content-format.md)"
        ]
    );
}

#[test]
fn an_id_too_long_says_the_limit() {
    let id = "a".repeat(65);
    let path = format!("content/parks/{id}/_index.md");
    let ps = problems(&[(&path, PROFILE.as_bytes())]);
    let d = ps.iter().find(|d| d.is_error()).unwrap();
    assert_eq!(
        d.message,
        format!("the unit id `{id}` is too long: 65 characters, at most 64")
    );
    assert_eq!(
        d.help.as_ref().map(ToString::to_string).as_deref(),
        Some(
            "use only lowercase letters a–z, digits and hyphens, at most 64 characters (e.g. the park's name in pinyin: `lengshuitan`)"
        )
    );
    let name = format!("2021-{}", "x".repeat(60));
    let ps = problems(&[
        (P, PROFILE.as_bytes()),
        (&format!("content/parks/demo/{name}.md"), report("").as_bytes()),
    ]);
    let d = ps.iter().find(|d| d.is_error()).unwrap();
    assert_eq!(
        d.message,
        format!("the file name `{name}` is too long: 65 characters, at most 64")
    );
}

#[test]
fn every_error_says_how_to_fix_it() {
    let cases: Vec<String> = vec![
        report("expenditure:\n  total: abc\n"),
        report("expenditure:\n  total: \"\"\n"),
        report("expenditure:\n  total: 98%\n"),
        report("expenditure:\n  total: 1,23\n"),
        report("expenditure:\n  total: 99999999999999999\n"),
        report("economy:\n  - key: Tax\n    value: 1\n    label: 税\n    label_en: Tax\n"),
        report("").replace("year: 2021", "year: 1800"),
        report("").replace("kind: department", "kind: department\nkind: project"),
        "---\ntitle: x\n year: 2021\n  - a\n---\n".to_string(),
        report(&"notes: [".repeat(200)),
    ];
    for text in cases {
        let ps = problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
        let errors: Vec<&Diagnostic> = ps.iter().filter(|d| d.is_error()).collect();
        assert!(!errors.is_empty(), "{text}");
        for d in errors {
            assert!(d.help.is_some(), "no help for: {d}");
        }
    }
    let profile = "---\nname: 示例园区\nname_en: Example Park\ncovers: [Bad Id]\n---\n";
    let ps = problems(&[(P, profile.as_bytes())]);
    assert!(ps.iter().filter(|d| d.is_error()).all(|d| d.help.is_some()), "{ps:#?}");
}

/// Reported by review: a full-width colon or a no-break space after a key (pasted from Word or
/// typed with a Chinese input method) gave "could not find expected ':' at line 3" on line 4.
#[test]
fn a_pasted_key_separator_is_named_where_it_is() {
    let help = "  help: write an ASCII colon and a normal space after every key, e.g. `year: 2023` (text pasted from Word or typed with a Chinese input method often has a full-width colon or a no-break space)";
    let text = report("").replacen("year: 2021", "year：2021", 1);
    let ps = problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
    assert_eq!(
        shown(&ps, R),
        [format!(
            "content/parks/demo/2021.md:3:5: error: after the key `year` comes U+FF1A FULLWIDTH COLON (：) instead of `:`\n{help}"
        )]
    );
    let text = report("").replacen("kind: ", "kind:\u{a0}", 1);
    let ps = problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
    assert_eq!(
        shown(&ps, R),
        [format!(
            "content/parks/demo/2021.md:4:6: error: after `kind:` comes U+00A0 NO-BREAK SPACE instead of a plain space\n{help}"
        )]
    );
}

/// Reported by review: a 15 MB report of one Markdown table took 24 s and 5.4 GB to render.
#[test]
fn a_report_file_over_two_megabytes_is_refused_before_it_is_read() {
    let row = "| 项目 | 1 | 2 | 3 |\n";
    let mut text = report("");
    text.push_str("| 名称 | a | b | c |\n|---|---|---|---|\n");
    while text.len() < 3 * 1024 * 1024 - row.len() {
        text.push_str(row);
    }
    let ps = problems(&[(P, PROFILE.as_bytes()), (R, text.as_bytes())]);
    assert_eq!(
        shown(&ps, R),
        [
            "content/parks/demo/2021.md: error: the file is too large: 3 MB, at most 2 MB\n  help: a report is text only; images, tables pasted as pictures or attached PDFs cannot be published from content/"
        ]
    );
}
