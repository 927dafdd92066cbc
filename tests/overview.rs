//! Over time and across units (issue 16), on the example site and on a small generated
//! multi-year site: a unit's figures over the years, the year's units compared in pre-sorted
//! views, yearly totals that say what they count, and the spread of scores in bands.

mod common;
use common::*;
use std::path::Path;

fn read(out: &Path, page: &str) -> String {
    std::fs::read_to_string(out.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"))
}

/// The report.json files of the built site: (unit, year, kind, figures).
fn reports(out: &Path) -> Vec<(String, u64, String, serde_json::Value)> {
    let mut list = Vec::new();
    for unit in std::fs::read_dir(out.join("parks")).unwrap() {
        let unit = unit.unwrap().path();
        if !unit.is_dir() {
            continue;
        }
        for r in std::fs::read_dir(&unit).unwrap() {
            let json = r.unwrap().path().join("report.json");
            if let Ok(text) = std::fs::read_to_string(&json) {
                let v: serde_json::Value = serde_json::from_str(&text).unwrap();
                list.push((
                    v["park"].as_str().unwrap().to_string(),
                    v["year"].as_u64().unwrap(),
                    v["kind"].as_str().unwrap().to_string(),
                    v["figures"].clone(),
                ));
            }
        }
    }
    list.sort_by(|a, b| (&a.0, a.1, &a.2).cmp(&(&b.0, b.1, &b.2)));
    list
}

/// The rows of the first table after `marker` in `html`: each row's cells as text.
fn rows_after(html: &str, marker: &str) -> Vec<Vec<String>> {
    let at = html.find(marker).unwrap_or_else(|| panic!("{marker}"));
    let table = &html[at..];
    let table = &table[..table.find("</table>").unwrap()];
    let body = &table[table.find("<tbody>").unwrap()..];
    body.split("<tr>")
        .skip(1)
        .map(|row| {
            let mut cells = Vec::new();
            let mut rest = row;
            while let Some(i) = rest.find('<') {
                let tag = &rest[i + 1..];
                if (tag.starts_with("td") || tag.starts_with("th")) && !tag.starts_with("thead") {
                    let end_open = tag.find('>').unwrap();
                    let close = tag.find(if tag.starts_with("td") { "</td>" } else { "</th>" }).unwrap();
                    cells.push(text(&tag[end_open + 1..close]));
                    rest = &tag[close..];
                } else {
                    rest = &rest[i + 1..];
                }
            }
            cells
        })
        .collect()
}

fn num(s: &str) -> Option<f64> {
    s.split_whitespace().next()?.replace(',', "").parse().ok()
}

/// Each unit page shows every figure two or more of its department reports state, year by
/// year, with the change in words; a unit with one report shows none (no one-bar charts).
#[test]
fn unit_pages_show_figures_over_the_years() {
    let (_tmp, _root, out) = generated_site(40);
    let all = reports(&out);
    let mut units_checked = 0;
    for unit in all
        .iter()
        .map(|r| r.0.clone())
        .collect::<std::collections::BTreeSet<_>>()
    {
        let dept: Vec<&(String, u64, String, serde_json::Value)> =
            all.iter().filter(|r| r.0 == unit && r.2 == "department").collect();
        let html = read(&out, &format!("parks/{unit}/index.html"));
        let totals: Vec<(u64, f64)> = dept
            .iter()
            .filter_map(|r| Some((r.1, r.3["expenditure"]["total"].as_f64()?)))
            .collect();
        if totals.len() < 2 {
            continue;
        }
        assert!(html.contains("<h2 id=\"h-trends\">历年变化</h2>"), "{unit}");
        let rows = rows_after(&html, "id=\"trend-expenditure-total\"");
        assert_eq!(rows.len(), dept.len(), "{unit}: a row per department report");
        let mut prev: Option<(u64, f64)> = None;
        for (year, v) in &totals {
            let row = rows.iter().find(|r| r[0] == year.to_string()).unwrap();
            assert!((num(&row[1]).unwrap() - v).abs() < 0.005, "{unit} {year}: {row:?}");
            if let Some((py, pv)) = prev {
                let change = &row[2];
                assert!(change.contains(&format!("{py}年")), "{unit} {year}: {change}");
                let word = if v > &pv {
                    "增加"
                } else if v < &pv {
                    "减少"
                } else {
                    "持平"
                };
                assert!(change.contains(word), "{unit} {year}: {change}");
            }
            prev = Some((*year, *v));
        }
        // A small multiple per figure, each drawn (the values are in its table).
        let figures = html.matches("<figure class=\"trend\"").count();
        assert!(figures >= 5, "{unit}: {figures}");
        assert_eq!(html.matches("class=\"trend-svg\"").count(), figures);
        // The English page says it in English.
        let en = read(&out, &format!("en/parks/{unit}/index.html"));
        assert!(en.contains("<h2 id=\"h-trends\">Over the years</h2>"));
        assert!(en.contains(" on ") && (en.contains("up ") || en.contains("down ")));
        units_checked += 1;
    }
    assert!(units_checked >= 3, "{units_checked}");
    // The example's units have one department report each: nothing over time to show.
    let (_tmp, example) = build_example();
    for unit in ["lengshuitan", "daoxian", "wangcheng", "daxiang"] {
        assert!(!read(&example, &format!("parks/{unit}/index.html")).contains("h-trends"));
    }
}

/// A year page compares its units on the key figures; each column's name links to the view
/// sorted by it, a page of its own, sorted highest first with the unstated last.
#[test]
fn year_pages_compare_units_in_sorted_views() {
    let (_tmp, _root, out) = generated_site(40);
    let all = reports(&out);
    let year = 2021;
    let dept: Vec<_> = all.iter().filter(|r| r.1 == year && r.2 == "department").collect();
    let page = format!("years/{year}/index.html");
    let html = read(&out, &page);
    assert!(html.contains("<table class=\"list compare-table\">"));
    assert!(html.contains("<th scope=\"col\" aria-sort=\"ascending\">"));
    let links = attrs(&html, "href");
    for key in ["total", "score", "rate", "three-public"] {
        let view = format!("years/{year}/by-{key}/index.html");
        let dir = &view[..view.len() - "index.html".len()];
        assert!(
            links
                .iter()
                .any(|l| resolve(&page, l).is_some_and(|t| t == view || t == dir)),
            "{key}: {links:?}"
        );
        let sorted = read(&out, &view);
        assert!(sorted.contains("aria-sort=\"descending\""), "{key}");
        // Every link of the view leads to a file of the site.
        for l in attrs(&sorted, "href") {
            if let Some(target) = resolve(&view, &l) {
                let file = if target.ends_with('/') {
                    format!("{target}index.html")
                } else {
                    target
                };
                assert!(out.join(&file).exists(), "{view}: {l}");
            }
        }
        let rows = rows_after(&sorted, "class=\"list compare-table\"");
        assert_eq!(rows.len(), dept.len(), "{key}: a row per department report");
        let col = ["total", "score", "rate", "three-public"]
            .iter()
            .position(|k| *k == key)
            .unwrap()
            + 1;
        let values: Vec<Option<f64>> = rows.iter().map(|r| num(&r[col])).collect();
        let stated: Vec<f64> = values.iter().flatten().copied().collect();
        assert!(stated.windows(2).all(|w| w[0] >= w[1]), "{key}: {values:?}");
        let first_missing = values.iter().position(Option::is_none).unwrap_or(values.len());
        assert!(
            values[first_missing..].iter().all(Option::is_none),
            "{key}: unstated last"
        );
    }
    // The scores on the page are the reports'.
    let rows = rows_after(
        &read(&out, &format!("years/{year}/by-score/index.html")),
        "compare-table",
    );
    let mut want: Vec<f64> = dept
        .iter()
        .filter_map(|r| r.3["evaluation"]["score"].as_f64())
        .collect();
    want.sort_by(|a, b| b.partial_cmp(a).unwrap());
    let got: Vec<f64> = rows.iter().filter_map(|r| num(&r[2])).collect();
    assert_eq!(got, want);
    // The example too, in both languages.
    let (_tmp, example) = build_example();
    for lang in ["", "en/"] {
        let html = read(&example, &format!("{lang}years/2021/by-total/index.html"));
        assert!(html.contains("compare-table") && html.contains("aria-sort=\"descending\""));
    }
    assert!(read(&example, "index.html").contains("<caption><span class=\"cap\">全部单位</span></caption>"));
}

/// Each report of a year is linked once from the year page: department reports from their
/// comparison row, project reports from the list below it (listing them all again doubled the
/// page's height on phones). A home page with many units links to the list of units.
#[test]
fn year_pages_link_each_report_once_and_big_home_pages_link_the_unit_list() {
    let (_tmp, _root, out) = generated_site(110);
    let all = reports(&out);
    // Each report of the year is linked once from the year page: department reports from
    // their comparison row, project reports from the list below it (not listed twice, which
    // doubled the page's height on phones).
    let year = 2023;
    let page = format!("years/{year}/index.html");
    let html = read(&out, &page);
    let dept: Vec<_> = all.iter().filter(|r| r.1 == year && r.2 == "department").collect();
    let projects: Vec<_> = all.iter().filter(|r| r.1 == year && r.2 == "project").collect();
    if dept.is_empty() {
        assert!(!html.contains("compare-table"), "no department reports, no comparison");
    } else {
        assert_eq!(rows_after(&html, "class=\"list compare-table\"").len(), dept.len());
    }
    let hrefs = attrs(&html, "href");
    let mut report_dirs = Vec::new();
    for unit in std::fs::read_dir(out.join("parks")).unwrap() {
        let unit = unit.unwrap().path();
        for r in std::fs::read_dir(&unit).into_iter().flatten() {
            let dir = r.unwrap().path();
            if let Ok(text) = std::fs::read_to_string(dir.join("report.json")) {
                let v: serde_json::Value = serde_json::from_str(&text).unwrap();
                if v["year"].as_u64() == Some(year) {
                    report_dirs.push(format!("{}/", dir.strip_prefix(&out).unwrap().to_str().unwrap()));
                }
            }
        }
    }
    assert_eq!(report_dirs.len(), dept.len() + projects.len());
    for dir in &report_dirs {
        let n = hrefs
            .iter()
            .filter(|l| resolve(&page, l).is_some_and(|t| t.trim_end_matches("index.html") == dir.as_str()))
            .count();
        assert_eq!(n, 1, "{dir} is linked {n} times from the year page");
    }
    assert!(!projects.is_empty(), "the corpus has project reports in {year}");
    assert!(html.contains("id=\"h-projects\""));
    assert!(
        !read(&out, "years/2021/index.html").contains("id=\"h-projects\""),
        "no project reports in 2021"
    );
    // The home page of a site with many units links to the list of units instead of
    // repeating it.
    let home = read(&out, "index.html");
    let units = std::fs::read_dir(out.join("parks"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().is_dir())
        .count();
    assert!(units > 20, "{units} units");
    assert!(!home.contains("<caption><span class=\"cap\">全部单位</span></caption>"));
    assert!(home.contains(&format!("全部单位 · {units} →")), "{units}");
}

/// The yearly totals add up only department reports that state the total, and say how many
/// of how many do; project reports are not counted in 整体支出.
#[test]
fn yearly_totals_count_only_reports_that_state_the_figure() {
    let (_tmp, _root, out) = generated_site(40);
    let all = reports(&out);
    let home = read(&out, "index.html");
    let rows = rows_after(&home, "<caption><span class=\"cap\">各年度合计</span></caption>");
    let years: std::collections::BTreeSet<u64> = all.iter().map(|r| r.1).collect();
    assert_eq!(rows.len(), years.len());
    for row in &rows {
        let year: u64 = row[0].parse().unwrap();
        let dept: Vec<_> = all.iter().filter(|r| r.1 == year && r.2 == "department").collect();
        let stated: Vec<f64> = dept
            .iter()
            .filter_map(|r| r.3["expenditure"]["total"].as_f64())
            .collect();
        assert_eq!(row[2], format!("{} / {}", stated.len(), dept.len()), "{year}");
        let note = if dept.is_empty() {
            "本年度没有部门整体支出报告".to_string()
        } else {
            format!("{} 份部门整体支出报告中有 {} 份列出", dept.len(), stated.len())
        };
        assert!(row[3].contains(&note), "{year}: {row:?}");
        assert_eq!(
            row[3].contains("未披露"),
            !dept.is_empty() && stated.is_empty(),
            "{year}: {row:?}"
        );
        if stated.is_empty() {
            continue;
        }
        let sum: f64 = stated.iter().sum();
        assert!(
            (num(&row[3]).unwrap() - sum).abs() < 0.01,
            "{year}: {row:?} against {sum}"
        );
    }
    // The example: 2022 has only 冷水滩's project report, so no department total.
    let (_tmp, example) = build_example();
    let home = read(&example, "index.html");
    let rows = rows_after(&home, "<caption><span class=\"cap\">各年度合计</span></caption>");
    let y2022 = rows.iter().find(|r| r[0] == "2022").unwrap();
    assert_eq!(y2022[2], "0 / 0", "{y2022:?}");
    let en = read(&example, "en/index.html");
    assert!(en.contains("department report(s) state it"));
}

/// The score chart counts units per band (优/良/中/差), not one bar per unit from 0.
#[test]
fn score_chart_shows_bands_with_counts() {
    let (_tmp, _root, out) = generated_site(40);
    let all = reports(&out);
    for year in [2019u64, 2021] {
        let scores: Vec<f64> = all
            .iter()
            .filter(|r| r.1 == year && r.2 == "department")
            .filter_map(|r| r.3["evaluation"]["score"].as_f64())
            .collect();
        let band = |lo: f64, hi: f64| scores.iter().filter(|s| **s >= lo && **s < hi).count();
        let html = read(&out, &format!("years/{year}/index.html"));
        let rows = rows_after(&html, "id=\"chart-score-spread-fig\"");
        let want = [band(90.0, 1000.0), band(80.0, 90.0), band(60.0, 80.0), band(-1.0, 60.0)];
        let labels = ["优", "良", "中", "差"];
        for (i, w) in want.iter().enumerate() {
            assert!(rows[i][0].starts_with(labels[i]), "{rows:?}");
            assert_eq!(rows[i][1], w.to_string(), "{year} {}: {rows:?}", labels[i]);
        }
        let svg = &html[html.find("aria-labelledby=\"chart-score-spread-t").unwrap()..];
        assert!(svg[..svg.find("</svg>").unwrap()].contains("优"));
    }
}
