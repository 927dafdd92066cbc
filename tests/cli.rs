//! The `gongkai` command as a finance officer runs it: exit codes, messages, safe output.

mod common;
use common::*;

#[test]
fn build_writes_public_by_default_and_check_writes_nothing() {
    let (_tmp, root) = example_copy();
    let o = run(&["check"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("check passed"));
    assert!(!root.join("public").exists(), "check must not write");
    let o = run(&["build"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("built 5 reports of 4 units"));
    assert!(root.join("public/parks/lengshuitan/2021/index.html").is_file());
}

#[test]
fn build_with_root_and_output() {
    let (tmp, root) = example_copy();
    let out = tmp.path().join("elsewhere");
    let o = run(
        &[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ],
        tmp.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(out.join("en/index.html").is_file());
}

#[test]
fn a_wrong_value_names_file_line_and_column_and_keeps_the_old_site() {
    let (_tmp, root) = example_copy();
    assert!(run(&["build"], &root).status.success());
    let before = files(&root.join("public"));
    let snapshot: Vec<Vec<u8>> = before.values().map(|p| std::fs::read(p).unwrap()).collect();

    let report = root.join("content/parks/lengshuitan/2021.md");
    edit(&report, "total: 1545.30", "total: 1545.3O");
    let o = run(&["build"], &root);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let text = std::fs::read_to_string(&report).unwrap();
    let line = text.lines().position(|l| l.contains("1545.3O")).unwrap() + 1;
    let col = text.lines().nth(line - 1).unwrap().find("1545.3O").unwrap() + 1;
    let expected = format!("2021.md:{line}:{col}: error: `1545.3O` is not a number in `expenditure.total`");
    assert!(err.contains(&expected), "expected {expected} in:\n{err}");
    assert!(err.contains("the previous output is unchanged"));

    let after = files(&root.join("public"));
    assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>());
    for (p, old) in after.values().zip(&snapshot) {
        assert_eq!(&std::fs::read(p).unwrap(), old, "{} changed", p.display());
    }
}

#[test]
fn unknown_key_suggests_the_intended_one() {
    let (_tmp, root) = example_copy();
    let report = root.join("content/parks/daxiang/2021.md");
    edit(&report, "\nyear: 2021", "\nyaer: 2021");
    let o = run(&["check"], &root);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("error: unknown key `yaer`"), "{err}");
    assert!(err.contains("did you mean `year`?"), "{err}");
}

#[test]
fn unknown_site_setting_is_named() {
    let (_tmp, root) = example_copy();
    edit(&root.join("site.toml"), "theme = ", "them = ");
    let o = run(&["check"], &root);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("site.toml:") && err.contains("unknown key `them`") && err.contains("did you mean `theme`"),
        "{err}"
    );
}

#[test]
fn a_theme_whose_search_script_reads_an_older_index_is_refused_before_anything_is_written() {
    // A site upgraded to this gongkai with its theme copied from an earlier one: its search.js
    // would fetch index files no longer written and find nothing.
    let (tmp, root) = example_copy();
    edit(
        &root.join("themes/default/static/search.js"),
        "gongkai-search-index: 3",
        "(an earlier format)",
    );
    let out = tmp.path().join("public");
    let o = run(&["build", "--output", out.to_str().unwrap()], &root);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("search.js: error: this script reads an older search index")
            && err.contains("gongkai-search-index: 3")
            && err.contains("help: replace it with static/search.js of the default theme"),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn all_problems_are_listed_together() {
    let (_tmp, root) = example_copy();
    edit(
        &root.join("content/parks/daxiang/2021.md"),
        "\nyear: 2021",
        "\nyear: abc",
    );
    edit(
        &root.join("content/parks/wangcheng/2019.md"),
        "\nkind: department",
        "\nkind: departmnt",
    );
    std::fs::write(
        root.join("content/parks/daoxian/2022.en.md"),
        "---\ntitle: Orphan\n---\n",
    )
    .unwrap();
    let o = run(&["check"], &root);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("daxiang/2021.md:") && err.contains("in `year`"), "{err}");
    assert!(
        err.contains("`departmnt` is not an allowed value") && err.contains("use one of: department, project"),
        "{err}"
    );
    assert!(
        err.contains("2022.en.md: error: this translation has no Chinese original"),
        "{err}"
    );
    assert!(err.contains("failed: 3 errors"), "{err}");
}

#[test]
fn report_for_a_unit_without_profile_and_bad_ids() {
    let (_tmp, root) = example_copy();
    std::fs::create_dir_all(root.join("content/parks/newpark")).unwrap();
    std::fs::write(
        root.join("content/parks/newpark/2021.md"),
        "---\ntitle: x\nyear: 2021\nkind: department\n---\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("content/parks/New Park")).unwrap();
    std::fs::write(
        root.join("content/parks/New Park/_index.md"),
        "---\nname: x\nname_en: x\n---\n",
    )
    .unwrap();
    let o = run(&["check"], &root);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("unit `newpark`, which has no profile"), "{err}");
    assert!(
        err.contains("the unit id `New Park` is not a slug") && err.contains("rename it to `new-park`"),
        "{err}"
    );
}

#[test]
fn windows_files_are_accepted() {
    let (_tmp, root) = example_copy();
    let report = root.join("content/parks/lengshuitan/2021.md");
    let text = std::fs::read_to_string(&report)
        .unwrap()
        .replace("total: 1545.30", "total: １，５４５．３０");
    let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    std::fs::write(&report, crlf).unwrap();
    let o = run(&["build"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    let json = std::fs::read_to_string(root.join("public/parks/lengshuitan/2021/report.json")).unwrap();
    assert!(
        json.contains("\"total\":1545.30"),
        "full-width amount must read as 1545.30"
    );
}

#[test]
fn missing_site_toml_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(&["build"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot read site.toml"));
    let o = run(&["frobnicate"], tmp.path());
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn non_utf8_file_is_reported_with_position() {
    let (_tmp, root) = example_copy();
    let report = root.join("content/parks/daxiang/2021.md");
    let mut bytes = std::fs::read(&report).unwrap();
    bytes.extend_from_slice(b"\n\xb9\xab\xbf\xaa\n"); // 公开 in GBK
    std::fs::write(&report, bytes).unwrap();
    let o = run(&["check"], &root);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("error: the file is not UTF-8 text"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn text_from_content_is_escaped() {
    let (_tmp, root) = example_copy();
    let report = root.join("content/parks/daxiang/2021.md");
    let text = std::fs::read_to_string(&report).unwrap();
    let title = text.lines().find(|l| l.starts_with("title: ")).unwrap();
    edit(&report, title, "title: \"<script>alert(1)</script>报告\"");
    let o = run(&["build"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(root.join("public/parks/daxiang/2021/index.html")).unwrap();
    assert!(!html.contains("<script>alert(1)"), "title must be escaped");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;报告")
            || html.contains("&lt;script&gt;alert(1)&lt;/script&gt;报告")
    );
}

#[test]
fn check_finds_the_published_mismatch_and_rounding() {
    let o = run(&["check"], &repo());
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    // 望城 2019: 公务用车 9.19 of a 25.00 budget is 36.76%, the report prints 36.40%.
    let vehicles = err
        .lines()
        .find(|l| l.contains("Purchase, operation and maintenance of official vehicles: share of budget used"))
        .expect("vehicles rate mismatch");
    assert!(
        vehicles.contains("wangcheng/2019.md:") && vehicles.contains(": warning: the figures do not add up"),
        "{vehicles}"
    );
    assert!(vehicles.contains("stated 36.40, computed 36.76"), "{vehicles}");
    // Notes are counted, not listed, after the warnings (one of the 8: the illustrative project
    // report 2022-factories.md has no publication date, as it was never published).
    assert!(!err.contains(": note: "), "{err}");
    assert!(
        err.ends_with("  help: if the report prints these figures, keep them as printed (the page shows a notice); otherwise correct the typing\n8 notes (--verbose to list them)\n"),
        "{err}"
    );
    let verbose = stderr(&run(&["check", "--verbose"], &repo()));
    // 道县 2023: 464.79 + 87.50 = 552.29 against a stated 552.28 is rounding, not a warning.
    let basic = verbose
        .lines()
        .find(|l| l.contains("daoxian/2023.md:") && l.contains("Basic expenditure = Personnel expenses + Public"))
        .expect("daoxian rounding");
    assert!(
        basic.contains(": note: within rounding") && basic.contains("stated 552.28, computed 552.29"),
        "{basic}"
    );
    // 冷水滩 2021: 实缴税收 stated as 18500 and 16000.
    assert!(
        err.contains("lengshuitan/2021.md:") && err.contains("stated 18,500 in one place, 16,000 in another"),
        "{err}"
    );
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "check passed: no errors, 2 warnings, 8 notes\n"
    );

    let strict = run(&["check", "--strict"], &repo());
    assert_eq!(
        strict.status.code(),
        Some(1),
        "--strict turns the warnings into a failure"
    );
}

#[test]
fn files_of_a_removed_report_do_not_linger() {
    let (_tmp, root) = example_copy();
    assert!(run(&["build"], &root).status.success());
    assert!(root.join("public/parks/daxiang/2021/index.html").is_file());
    std::fs::remove_file(root.join("content/parks/daxiang/2021.md")).unwrap();
    std::fs::remove_file(root.join("content/parks/daxiang/2021.en.md")).unwrap();
    let o = run(&["build"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!root.join("public/parks/daxiang/2021").exists());
    assert!(!root.join("public/en/parks/daxiang/2021").exists());
    assert!(
        root.join("public/parks/daxiang/index.html").is_file(),
        "the unit page stays"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().contains("staging") || n.to_string_lossy().ends_with(".old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn new_report_writes_a_file_ready_to_fill_in() {
    let (_tmp, root) = example_copy();
    let o = run(&["new", "report", "--park", "lengshuitan", "--year", "2024"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    let file = root.join("content/parks/lengshuitan/2024.md");
    let text = std::fs::read_to_string(&file).unwrap();
    for key in [
        "title:",
        "published:",
        "evaluation:",
        "three_public:",
        "hospitality:",
        "staffing:",
        "economy:",
    ] {
        assert!(text.contains(key), "{key}");
    }
    // Until the title is filled in, check says so, at the title's line.
    let o = run(&["check"], &root);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("2024.md:4:1: error: `title` is empty"),
        "{}",
        stderr(&o)
    );
    edit(&file, "title: \"\"", "title: 2024年度部门整体支出绩效自评报告");
    let o = run(&["check"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    // Never overwrites; a project report gets its own file.
    let again = run(&["new", "report", "--park", "lengshuitan", "--year", "2024"], &root);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already exists"));
    let project = run(
        &[
            "new",
            "report",
            "--park",
            "lengshuitan",
            "--year",
            "2024",
            "--kind",
            "project",
        ],
        &root,
    );
    assert!(project.status.success());
    assert!(root.join("content/parks/lengshuitan/2024-project.md").is_file());
    let missing = run(&["new", "report", "--park", "nowhere", "--year", "2024"], &root);
    assert!(stderr(&missing).contains("has no profile yet"));
}

/// A report with one wrong figure (`expenditure.total` of 冷水滩 2021); the site and the line
/// and column of the figure.
fn site_with_a_wrong_figure() -> (tempfile::TempDir, std::path::PathBuf, usize, usize) {
    let (tmp, root) = example_copy();
    let report = root.join("content/parks/lengshuitan/2021.md");
    edit(&report, "total: 1545.30", "total: 1545.3O");
    let text = std::fs::read_to_string(&report).unwrap();
    let line = text.lines().position(|l| l.contains("1545.3O")).unwrap() + 1;
    let col = text.lines().nth(line - 1).unwrap().find("1545.3O").unwrap() + 1;
    (tmp, root, line, col)
}

#[test]
fn messages_are_in_chinese_in_a_chinese_locale() {
    let (_tmp, root, line, col) = site_with_a_wrong_figure();
    let o = run_in_locale(&["check"], &root, &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "./content/parks/lengshuitan/2021.md:{line}:{col}: 错误：`1545.3O` 不是数字（`expenditure.total`）
  建议：按报告原文用阿拉伯数字填写（`1545.30`、`-1.39`、`174,053.00`）；报告没有列出的，删去这个键
./content/parks/wangcheng/2019.md:66:5: 警告：数字对不上：公务用车购置及运行维护费完成预算的比例 = 决算数 ÷ 预算数：报告为 36.40，计算得 36.76（相差 +0.36）
  建议：如果报告原文就是这些数字，照原文保留（网页会显示说明）；否则请改正录入错误
另有 7 条提示（加 --verbose 可列出）
检查未通过：1 个错误
"
        )
    );
    // LC_ALL wins over LANG, LC_MESSAGES over LANG.
    let o = run_in_locale(&["check"], &root, &[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")]);
    assert!(stderr(&o).ends_with("检查未通过：1 个错误\n"), "{}", stderr(&o));
    let o = run_in_locale(&["check"], &root, &[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "C")]);
    assert!(stderr(&o).ends_with("check failed: 1 error\n"), "{}", stderr(&o));
}

#[test]
fn lang_chooses_the_language_whatever_the_locale() {
    let (_tmp, root, line, col) = site_with_a_wrong_figure();
    let o = run_in_locale(&["check", "--lang", "en"], &root, &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        format!(
            "./content/parks/lengshuitan/2021.md:{line}:{col}: error: `1545.3O` is not a number in `expenditure.total`
  help: write the figure in digits as the report prints it (`1545.30`, `-1.39`, `174,053.00`); leave the key out when the report does not state it
./content/parks/wangcheng/2019.md:66:5: warning: the figures do not add up: Purchase, operation and maintenance of official vehicles: share of budget used = actual ÷ budget: stated 36.40, computed 36.76 (difference +0.36)
  help: if the report prints these figures, keep them as printed (the page shows a notice); otherwise correct the typing
7 notes (--verbose to list them)
check failed: 1 error
"
        )
    );
    // `build` says the output is untouched; with --verbose the notes are listed.
    let o = run(&["--lang", "zh", "build", "--verbose"], &root);
    let err = stderr(&o);
    assert!(err.contains(": 提示：在舍入误差之内："), "{err}");
    assert!(
        err.ends_with("失败：1 个错误；没有写入任何内容，原有输出未变\n"),
        "{err}"
    );
}

#[test]
fn new_unit_writes_a_profile_then_new_report_can_follow() {
    let (_tmp, root) = example_copy();
    // Without the unit, new report says how to make it.
    let o = run(&["new", "report", "--park", "xinyuan", "--year", "2024"], &root);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "./content/parks/xinyuan/_index.md: error: unit `xinyuan` has no profile yet
  help: create it first with gongkai new unit xinyuan --name … --name-en …, or check the id
failed: 1 error
"
    );
    let o = run(
        &[
            "new",
            "unit",
            "xinyuan",
            "--name",
            "新园工业园",
            "--name-en",
            "Xinyuan Industrial Park",
        ],
        &root,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "created ./content/parks/xinyuan/_index.md: fill in the profile, then add a report with gongkai new report --park xinyuan --year YYYY\n"
    );
    let profile = std::fs::read_to_string(root.join("content/parks/xinyuan/_index.md")).unwrap();
    assert!(profile.contains("\nname: \"新园工业园\"") && profile.contains("\nname_en: \"Xinyuan Industrial Park\""));
    // The site still checks, with the new unit in it.
    let o = run(&["check"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
    // Never overwrites.
    let again = run(
        &["new", "unit", "xinyuan", "--name", "另一个", "--name-en", "Other"],
        &root,
    );
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(root.join("content/parks/xinyuan/_index.md")).unwrap(),
        profile
    );
    let o = run(&["new", "report", "--park", "xinyuan", "--year", "2024"], &root);
    assert!(o.status.success(), "{}", stderr(&o));
}
