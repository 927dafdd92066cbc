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
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("built 4 reports of 4 units"));
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
        json.contains("\"total\": 1545.30"),
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
        .find(|l| l.contains("公务用车购置及运行维护费完成预算的比例"))
        .expect("vehicles rate mismatch");
    assert!(
        vehicles.contains("wangcheng/2019.md:") && vehicles.contains(": warning: the figures do not add up"),
        "{vehicles}"
    );
    assert!(vehicles.contains("stated 36.40, computed 36.76"), "{vehicles}");
    // 道县 2023: 464.79 + 87.50 = 552.29 against a stated 552.28 is rounding, not a warning.
    let basic = err
        .lines()
        .find(|l| l.contains("daoxian/2023.md:") && l.contains("基本支出 = 人员经费 + 公用经费"))
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
    assert!(String::from_utf8_lossy(&o.stdout).contains("check passed: no errors, 2 warnings"));

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
