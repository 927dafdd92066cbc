//! `gongkai import` on the four seed texts (tests/fixtures/import/, copied as given from the
//! published reports): each draft's figures against the bundled hand-authored report of the
//! same year, the draft built, and `check` on both.
//!
//! What counts as a figure (the recall's denominator): every numeric leaf of the bundled
//! report's front matter, except `year` and the `also_stated` restatements (the importer
//! never writes `also_stated`: a figure stated twice differently is left empty instead).
//! List items are matched by their key (`key`, `fund`); items without a key the importer
//! knows (an economic result the form has no key for, a project item) are matched by value,
//! unit and a shared pair of characters in their names. A filled figure is wrong when the
//! bundled report has a different figure in its place; a filled figure the bundled report
//! does not have at all is an extra (listed, not counted as wrong: the bundled reports leave
//! out many figures their text states).

mod common;

use gongkai::content::model::Kind;
use gongkai::diagnostics::Severity;
use gongkai::messages::Msg;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::str::FromStr;

const SEEDS: &[(&str, &str, u16, &str)] = &[
    ("000_c7e98e339452f934.txt", "lengshuitan", 2021, "2021.md"),
    ("001_c77d7c7863d9a0c4.txt", "daoxian", 2023, "2023.md"),
    ("003_7c77cef081ceeb38.txt", "wangcheng", 2019, "2019.md"),
    ("004_30f3d27d840c4c9e.txt", "daxiang", 2021, "2021.md"),
];

fn front(text: &str) -> serde_json::Value {
    let rest = text.strip_prefix("---\n").expect("front matter");
    let end = rest.find("\n---\n").expect("end of front matter");
    yaml_serde::from_str(&rest[..end + 1]).expect("front matter parses")
}

fn dec(v: &serde_json::Value) -> Option<Decimal> {
    match v {
        serde_json::Value::Number(n) => Decimal::from_str(&n.to_string())
            .ok()
            .or_else(|| Decimal::from_scientific(&n.to_string()).ok()),
        serde_json::Value::String(s) => Decimal::from_str(&s.replace(',', "")).ok(),
        _ => None,
    }
}

/// One list item: its identity, name, unit and numeric fields.
#[derive(Debug, Clone)]
struct Item {
    list: String,
    index: usize,
    id: Option<String>,
    name: String,
    unit: String,
    fund: String,
    nums: BTreeMap<String, Decimal>,
}

/// Numeric leaves at plain paths, and list items.
fn flatten(v: &serde_json::Value, path: &str, leaves: &mut BTreeMap<String, Decimal>, items: &mut Vec<Item>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                if k == "also_stated" || (path.is_empty() && k == "year") {
                    continue;
                }
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                flatten(x, &p, leaves, items);
            }
        }
        serde_json::Value::Array(a) => {
            for (index, x) in a.iter().enumerate() {
                let Some(m) = x.as_object() else { continue };
                let s = |k: &str| m.get(k).and_then(|v| v.as_str()).map(str::to_string);
                let mut nums = BTreeMap::new();
                for (k, y) in m {
                    if k != "also_stated"
                        && let Some(d) = dec(y)
                        && !y.is_string()
                    {
                        nums.insert(k.clone(), d);
                    }
                }
                items.push(Item {
                    list: path.to_string(),
                    index,
                    id: s("key").or_else(|| if path.ends_with("by_fund") { s("fund") } else { None }),
                    name: s("label").or_else(|| s("name")).unwrap_or_default(),
                    unit: s("unit").unwrap_or_default(),
                    fund: s("fund").unwrap_or_default(),
                    nums,
                });
            }
        }
        _ => {
            if let Some(d) = dec(v)
                && !v.is_string()
            {
                leaves.insert(path.to_string(), d);
            }
        }
    }
}

fn bigrams(s: &str) -> BTreeSet<(char, char)> {
    let cs: Vec<char> = s.chars().filter(|c| !c.is_ascii_punctuation()).collect();
    cs.windows(2).map(|w| (w[0], w[1])).collect()
}

/// Keys of the form's known economy items and list items (so an imported keyed item
/// compares by key).
fn known_id(item: &Item, imported: &[Item]) -> bool {
    item.id.is_some() && imported.iter().any(|i| i.list == item.list && i.id == item.id)
}

struct Score {
    total: usize,
    right: usize,
    wrong: Vec<String>,
    extra: Vec<String>,
    missing: Vec<String>,
}

fn compare(bundled: &serde_json::Value, draft: &serde_json::Value, conflicts: &BTreeSet<String>) -> Score {
    let (mut bl, mut bi) = (BTreeMap::new(), Vec::new());
    flatten(bundled, "", &mut bl, &mut bi);
    let (mut dl, mut di) = (BTreeMap::new(), Vec::new());
    flatten(draft, "", &mut dl, &mut di);
    let total = bl.len() + bi.iter().map(|i| i.nums.len()).sum::<usize>();
    let mut s = Score {
        total,
        right: 0,
        wrong: Vec::new(),
        extra: Vec::new(),
        missing: Vec::new(),
    };
    for (p, v) in &dl {
        match bl.get(p) {
            Some(b) if b == v => s.right += 1,
            Some(b) => s.wrong.push(format!("{p}: draft {v}, bundled {b}")),
            None => s.extra.push(format!("{p} = {v}")),
        }
    }
    for p in bl.keys().filter(|p| !dl.contains_key(*p)) {
        s.missing.push(p.clone());
    }
    let mut used = vec![false; bi.len()];
    for d in &di {
        // By key first, then by value, unit and name.
        let by_key =
            d.id.as_ref()
                .and_then(|id| bi.iter().position(|b| b.list == d.list && b.id.as_deref() == Some(id)));
        // The form's rows without keys (goals, indicators) match by position.
        let positional = ["goals", "indicators", "indicator_groups"].contains(&d.list.as_str());
        let by_key = if positional {
            bi.iter().position(|b| b.list == d.list && b.index == d.index)
        } else {
            by_key
        };
        let found = by_key.or_else(|| {
            let value = d.nums.get("value")?;
            let names = bigrams(&d.name);
            bi.iter().enumerate().position(|(i, b)| {
                !used[i]
                    && b.list == d.list
                    && !known_id(b, &di)
                    && !b
                        .id
                        .as_ref()
                        .is_some_and(|k| conflicts.iter().any(|c| c.contains(&format!("[{k}]"))))
                    && b.nums.get("value") == Some(value)
                    && (b.unit == d.unit || d.list != "economy")
                    && b.fund == d.fund
                    && !bigrams(&b.name).is_disjoint(&names)
            })
        });
        let label = format!("{}[{}]", d.list, d.id.clone().unwrap_or_else(|| d.name.clone()));
        match found {
            Some(i) => {
                used[i] = true;
                for (k, v) in &d.nums {
                    match bi[i].nums.get(k) {
                        Some(b) if b == v => s.right += 1,
                        Some(b) => s.wrong.push(format!("{label}.{k}: draft {v}, bundled {b}")),
                        None => s.extra.push(format!("{label}.{k} = {v}")),
                    }
                }
            }
            None => s.extra.push(format!("{label} = {:?}", d.nums.get("value"))),
        }
    }
    for (i, b) in bi.iter().enumerate() {
        if !used[i] {
            s.missing.push(format!(
                "{}[{}]",
                b.list,
                b.id.clone().unwrap_or_else(|| b.name.clone())
            ));
        }
    }
    s
}

/// The cross-check findings `check` gives on `file` (figures that do not add up, warnings,
/// and differences within rounding, notes), as English text; and its other warnings.
fn findings_on(root: &Path, file: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let all = gongkai::check(root, false).unwrap_or_else(|f| panic!("check failed: {:#?}", f.diagnostics()));
    let mut cross = BTreeSet::new();
    let mut other = BTreeSet::new();
    for d in all.iter().filter(|d| d.file.ends_with(file)) {
        match d.message.key() {
            Some(Msg::FiguresDoNotAddUp) | Some(Msg::WithinRounding) => {
                cross.insert(format!("{:?}: {}", d.severity, d.message.en()));
            }
            _ if d.severity == Severity::Warning => {
                other.insert(d.message.en());
            }
            _ => {}
        }
    }
    (cross, other)
}

#[test]
fn seeds_import_with_their_figures_right() {
    let mut table = vec![format!(
        "{:<12} {:<5} {:>8} {:>7} {:>7} {:>6} {:>6}",
        "seed", "from", "figures", "filled", "recall", "wrong", "extra"
    )];
    let mut failures = Vec::new();
    // The .docx of each seed (tests/fixtures/import/make_fixtures.py: a Word paragraph per
    // line, headings as Word headings) must give the same figures as its text.
    let mut from_text: BTreeMap<&str, BTreeMap<String, Decimal>> = BTreeMap::new();
    for (seed, park, year, name) in SEEDS.iter().flat_map(|s| {
        let docx = s.0.replace(".txt", ".docx");
        [(s.0.to_string(), s.1, s.2, s.3), (docx, s.1, s.2, s.3)]
    }) {
        let (seed, year, name) = (seed.as_str(), &year, name);
        let tmp = tempfile::tempdir().unwrap();
        common::copy_example(tmp.path());
        let root = tmp.path();
        let report = root.join("content/parks").join(park).join(name);
        let rel = format!("{park}/{name}");
        let bundled_text = std::fs::read_to_string(&report).unwrap();
        let (bundled_warnings, _) = findings_on(root, &rel);
        std::fs::remove_file(&report).unwrap();
        let source = common::repo().join("tests/fixtures/import").join(seed);
        let done = gongkai::import::import(&gongkai::import::Request {
            root,
            source: &source,
            park,
            year: *year,
            kind: Kind::Department,
        })
        .unwrap_or_else(|d| panic!("{seed}: {}", d.message.en()));
        assert_eq!(done.report, report);
        assert!(done.profile.is_none(), "the unit has a profile");
        let draft_text = std::fs::read_to_string(&report).unwrap();
        let conflicts: BTreeSet<String> = done.decided.conflicts.iter().map(|(p, _)| p.clone()).collect();
        let s = compare(&front(&bundled_text), &front(&draft_text), &conflicts);
        let recall = s.right as f64 / s.total as f64;
        let mut leaves = BTreeMap::new();
        flatten(&front(&draft_text), "", &mut leaves, &mut Vec::new());
        if seed.ends_with(".txt") {
            from_text.insert(park, leaves);
        } else if from_text.get(park) != Some(&leaves) {
            let txt = &from_text[park];
            let differ: Vec<_> = txt
                .iter()
                .filter(|(k, v)| leaves.get(*k) != Some(*v))
                .map(|(k, _)| k)
                .chain(leaves.keys().filter(|k| !txt.contains_key(*k)))
                .collect();
            failures.push(format!("{seed}: figures differ from the text's draft at {differ:?}"));
        }
        table.push(format!(
            "{:<12} {:<5} {:>8} {:>7} {:>6.1}% {:>6} {:>6}",
            park,
            seed.rsplit('.').next().unwrap_or(""),
            s.total,
            s.right,
            recall * 100.0,
            s.wrong.len(),
            s.extra.len()
        ));
        println!("== {park}: wrong {:?}", s.wrong);
        println!("   not filled ({}): {:?}", s.missing.len(), s.missing);
        println!("   extra, not in the bundled report ({}): {:?}", s.extra.len(), s.extra);
        println!("   left empty as conflicting: {conflicts:?}");
        if !s.wrong.is_empty() {
            failures.push(format!("{park}: wrong figures {:?}", s.wrong));
        }
        // The draft builds, and check finds no cross-check problem the bundled report lacks.
        let out = root.join("public");
        gongkai::build(root, Some(&out), false)
            .unwrap_or_else(|f| panic!("{park}: build failed: {:#?}", f.diagnostics()));
        let (draft_warnings, other) = findings_on(root, &rel);
        let only_draft: Vec<_> = draft_warnings.difference(&bundled_warnings).collect();
        let only_bundled: Vec<_> = bundled_warnings.difference(&draft_warnings).collect();
        println!(
            "   cross-check findings on both: {:?}",
            draft_warnings.intersection(&bundled_warnings).collect::<Vec<_>>()
        );
        println!("   cross-check findings only on the draft: {only_draft:?}");
        println!("   cross-check findings only on the bundled report: {only_bundled:?}");
        println!(
            "   other warnings on the draft (names for the clerk to translate): {}",
            other.len()
        );
        if !only_draft.is_empty() {
            failures.push(format!(
                "{park}: findings the bundled report does not have: {only_draft:?}"
            ));
        }
        table_recall_floor(park, recall, &mut failures);
    }
    println!("{}", table.join("\n"));
    assert!(failures.is_empty(), "{failures:#?}");
}

/// A synthetic 项目支出绩效自评表 (tests/fixtures/import/project-form.txt: the form of
/// content/parks/lengshuitan/2022-factories.md as tab-separated text, level-one heads repeated
/// on every row as merged cells copy, one row shifted a column) imported as a project report:
/// every figure of the form is filled and none differs.
#[test]
fn a_project_form_imports_from_tab_separated_text() {
    project_form_imports("project-form.txt");
}

/// The same form as a real Word table and as an Excel sheet, with merged cells
/// (tests/fixtures/import/make_fixtures.py): every figure filled is right, and the same
/// cross-check findings as the bundled report.
#[test]
fn a_project_form_imports_from_word_and_excel_with_merged_cells() {
    project_form_imports("project-form.docx");
    project_form_imports("project-form.xlsx");
}

fn project_form_imports(file: &str) {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_example(tmp.path());
    let root = tmp.path();
    let dir = root.join("content/parks/lengshuitan");
    let bundled_text = std::fs::read_to_string(dir.join("2022-factories.md")).unwrap();
    let (bundled_findings, _) = findings_on(root, "lengshuitan/2022-factories.md");
    std::fs::remove_file(dir.join("2022-factories.md")).unwrap();
    std::fs::remove_file(dir.join("2022-factories.en.md")).unwrap();
    let source = common::repo().join("tests/fixtures/import").join(file);
    let done = gongkai::import::import(&gongkai::import::Request {
        root,
        source: &source,
        park: "lengshuitan",
        year: 2022,
        kind: Kind::Project,
    })
    .unwrap_or_else(|d| panic!("{}", d.message.en()));
    assert_eq!(done.report, dir.join("2022-project.md"));
    let draft_text = std::fs::read_to_string(&done.report).unwrap();
    let draft = front(&draft_text);
    let s = compare(&front(&bundled_text), &draft, &BTreeSet::new());
    println!("{file}: {} of {} figures, wrong {:?}", s.right, s.total, s.wrong);
    println!("   not filled: {:?}", s.missing);
    println!("   extra: {:?}", s.extra);
    assert!(s.wrong.is_empty(), "{:?}", s.wrong);
    assert!(s.right * 100 >= s.total * 80, "{} of {}", s.right, s.total);
    assert_eq!(draft["project_name"], "标准厂房建设专项资金");
    assert_eq!(draft["indicators"][6]["level2"], "生态效益指标");
    assert_eq!(draft["indicators"][3]["level3"], "单位面积建设成本");
    let (draft_findings, _) = findings_on(root, "lengshuitan/2022-project.md");
    assert_eq!(draft_findings, bundled_findings);
    gongkai::build(root, Some(&root.join("public")), false).unwrap_or_else(|f| panic!("{:#?}", f.diagnostics()));
}

/// The target: at least 80% of the bundled report's figures filled, on every seed.
fn table_recall_floor(park: &str, recall: f64, failures: &mut Vec<String>) {
    if recall < 0.80 {
        failures.push(format!("{park}: recall {:.1}% below 80%", recall * 100.0));
    }
}

/// No text is lost: every character of each seed (spaces aside) is in the draft's body, in
/// the same order.
#[test]
fn the_narrative_keeps_every_character_in_order() {
    for (seed, ..) in SEEDS {
        let path = common::repo().join("tests/fixtures/import").join(seed);
        let source = gongkai::import::read(&path).unwrap();
        let body = gongkai::import::narrative::markdown(&source.blocks);
        let text = std::fs::read_to_string(&path).unwrap();
        let mut wanted = text.chars().filter(|c| !c.is_whitespace());
        let mut next = wanted.next();
        for c in body.chars() {
            if Some(c) == next {
                next = wanted.next();
            }
        }
        let left: String = next.into_iter().chain(wanted).take(40).collect();
        assert!(left.is_empty(), "{seed}: lost from “{left}”");
        // Nothing is added but headings' #, escapes and line breaks.
        let added =
            body.chars().filter(|c| !c.is_whitespace()).count() - text.chars().filter(|c| !c.is_whitespace()).count();
        let marks = body.chars().filter(|c| *c == '#' || *c == '\\').count();
        assert_eq!(added, marks, "{seed}");
    }
}

/// A unit without a profile gets a profile draft with the name the report gives; the
/// profile's English name is left for the clerk, and check says so.
#[test]
fn a_new_unit_gets_a_profile_draft() {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_example(tmp.path());
    let root = tmp.path();
    let source = common::repo().join("tests/fixtures/import").join(SEEDS[2].0);
    let done = gongkai::import::import(&gongkai::import::Request {
        root,
        source: &source,
        park: "wangcheng-new",
        year: 2019,
        kind: Kind::Department,
    })
    .unwrap();
    let (profile, name) = done.profile.expect("a profile draft");
    assert_eq!(name, "望城经济技术开发区管理委员会");
    let text = std::fs::read_to_string(&profile).unwrap();
    assert!(text.contains("name: \"望城经济技术开发区管理委员会\""), "{text}");
    // Never overwritten: a second import stops before writing anything.
    let again = gongkai::import::import(&gongkai::import::Request {
        root,
        source: &source,
        park: "wangcheng-new",
        year: 2019,
        kind: Kind::Department,
    })
    .unwrap_err();
    assert!(again.message.en().contains("already exists"), "{}", again.message.en());
    assert_eq!(std::fs::read_to_string(&profile).unwrap(), text);
    let problems = match gongkai::check(root, false) {
        Ok(w) => w,
        Err(f) => f.diagnostics().to_vec(),
    };
    assert!(
        problems
            .iter()
            .any(|d| d.file == profile && d.message.en().contains("name_en")),
        "{:#?}",
        problems
            .iter()
            .filter(|d| d.file == profile)
            .map(|d| d.message.en())
            .collect::<Vec<_>>()
    );
}

/// Sources gongkai cannot read get an error that says what to do, from the command line.
#[test]
fn unreadable_sources_say_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_example(tmp.path());
    let cases: &[(&str, &[u8], &str)] = &[
        ("report.doc", b"\xD0\xCF\x11\xE0rest", "save it as .docx"),
        ("report.pdf", b"%PDF-1.7", "copy its text"),
        ("report.txt", b"PK\x03\x04zip", "not text"),
        (
            "report.docx",
            b"\xD0\xCF\x11\xE0E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0",
            "remove the protection",
        ),
    ];
    for (name, bytes, says) in cases {
        let file = tmp.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .args([
                "import",
                "--lang",
                "en",
                "--park",
                "lengshuitan",
                "--year",
                "2030",
                "--root",
            ])
            .arg(tmp.path())
            .arg(&file)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(stderr.contains(says), "{name}: {stderr}");
        assert!(stderr.contains(name), "{name}: {stderr}");
    }
    assert!(!tmp.path().join("content/parks/lengshuitan/2030.md").exists());
}

/// The command says what it filled, what it left empty and why, then checks the site; in
/// Chinese with --lang zh.
#[test]
fn the_command_reports_and_checks() {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_example(tmp.path());
    let report = tmp.path().join("content/parks/lengshuitan/2021.md");
    std::fs::remove_file(&report).unwrap();
    let run = |lang: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_gongkai"))
            .args([
                "import",
                "--lang",
                lang,
                "--park",
                "lengshuitan",
                "--year",
                "2021",
                "--root",
            ])
            .arg(tmp.path())
            .arg(common::repo().join("tests/fixtures/import").join(SEEDS[0].0))
            .output()
            .unwrap()
    };
    let out = run("en");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("wrote the draft"), "{stdout}");
    assert!(stdout.contains("  expenditure.total = 1545.30  (line 13)"), "{stdout}");
    assert!(
        stdout
            .contains("left empty because the report states them differently (candidates in the draft's comments): 1"),
        "{stdout}"
    );
    assert!(
        stdout.contains("economy[industrial_enterprise_tax].value: 18500 (line 11), 16000 (line 24)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("approximations or bounds (约, 余, 以上 …), figures of another year"),
        "{stdout}"
    );
    assert!(stdout.contains("check passed"), "{stdout}");
    // A second run writes nothing, in Chinese.
    let before = std::fs::read(&report).unwrap();
    let out = run("zh");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("此报告文件已存在"), "{stderr}");
    assert_eq!(std::fs::read(&report).unwrap(), before);
}

/// `--year` that differs from the year the report states: a warning naming both years, and
/// no figure the report states for its own year filed under the other (2021年部门整体支出 is
/// not 2031's).
#[test]
fn a_year_other_than_the_reports_files_none_of_its_figures() {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_example(tmp.path());
    let root = tmp.path();
    let source = common::repo().join("tests/fixtures/import/000_c7e98e339452f934.txt");
    let done = gongkai::import::import(&gongkai::import::Request {
        root,
        source: &source,
        park: "lengshuitan",
        year: 2031,
        kind: Kind::Department,
    })
    .unwrap_or_else(|d| panic!("{}", d.message.en()));
    let text = std::fs::read_to_string(&done.report).unwrap();
    assert!(
        text.contains("2021") && text.contains("2031"),
        "the draft warns: {text}"
    );
    let draft = front(&text);
    assert_eq!(draft["year"], 2031);
    for key in ["expenditure", "evaluation", "three_public"] {
        assert!(draft.get(key).is_none(), "{key} filed under 2031: {}", draft[key]);
    }
}
