//! Every JSON file parses and carries the same figures as the front matter it came from.
//!
//! The front matter is read here independently (generic YAML values, not gongkai's types) and
//! compared leaf by leaf with `figures` in each report.json.

mod common;
use common::*;
use rust_decimal::Decimal;
use serde_json::Value as Json;
use std::str::FromStr;
use yaml_serde::Value as Yaml;

const SECTIONS: [&str; 13] = [
    "evaluation",
    "budget",
    "final_accounts",
    "expenditure",
    "three_public",
    "assets",
    "staffing",
    "economy",
    "project",
    "goals",
    "indicators",
    "indicator_groups",
    "also_stated",
];

fn front_matter(path: &std::path::Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let rest = text
        .trim_start_matches('\u{feff}')
        .strip_prefix("---\n")
        .expect("front matter");
    rest[..rest.find("\n---\n").unwrap() + 1].to_string()
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(&s.replace(',', "")).unwrap_or_else(|_| panic!("not a number: {s}"))
}

/// Compares a YAML value with its JSON counterpart; returns the number of leaves compared.
fn same(yaml: &Yaml, json: &Json, at: &str) -> usize {
    match (yaml, json) {
        (Yaml::Mapping(m), Json::Object(o)) => m
            .iter()
            .map(|(k, v)| {
                let k = k.as_str().unwrap();
                let j = o.get(k).unwrap_or_else(|| panic!("{at}.{k} missing from JSON"));
                same(v, j, &format!("{at}.{k}"))
            })
            .sum(),
        (Yaml::Sequence(s), Json::Array(a)) => {
            assert_eq!(s.len(), a.len(), "{at}: list length");
            s.iter()
                .zip(a)
                .enumerate()
                .map(|(i, (y, j))| same(y, j, &format!("{at}[{i}]")))
                .sum()
        }
        (Yaml::Number(n), Json::Number(j)) => {
            assert_eq!(dec(&n.to_string()), dec(&j.to_string()), "{at}");
            1
        }
        (Yaml::String(s), Json::Number(j)) => {
            assert_eq!(dec(s), dec(&j.to_string()), "{at}");
            1
        }
        (Yaml::String(s), Json::String(j)) => {
            assert_eq!(s, j, "{at}");
            1
        }
        (y, j) => panic!("{at}: YAML {y:?} vs JSON {j}"),
    }
}

#[test]
fn report_json_carries_every_figure_of_the_front_matter() {
    let (_tmp, out) = build_example();
    let content = repo().join("content/parks");
    let mut reports = 0;
    let mut leaves = 0;
    for entry in walkdir::WalkDir::new(&content).min_depth(2).max_depth(2) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('_') || name.ends_with(".en.md") || !name.ends_with(".md") {
            continue;
        }
        let park = entry
            .path()
            .parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let fm_text = front_matter(entry.path());
        let fm: Yaml = yaml_serde::from_str(&fm_text).unwrap();
        let year = fm["year"].as_u64().unwrap();
        let json_text = std::fs::read_to_string(out.join(format!("parks/{park}/{year}/report.json"))).unwrap();
        let json: Json = serde_json::from_str(&json_text).unwrap();
        assert_eq!(json["park"], park);
        assert_eq!(json["year"], year);
        assert_eq!(json["kind"], fm["kind"].as_str().unwrap());
        assert_eq!(json["title"]["zh"], fm["title"].as_str().unwrap());
        for section in SECTIONS {
            match fm.get(section) {
                Some(y) => leaves += same(y, &json["figures"][section], section),
                None => assert!(
                    json["figures"][section].is_null()
                        || json["figures"][section] == Json::Array(vec![])
                        || json["figures"][section] == Json::Object(Default::default()),
                    "{park}: {section} is not disclosed and must be null"
                ),
            }
        }
        // Numbers keep the decimals written in the report (1545.30 stays 1545.30).
        for line in fm_text.lines() {
            if let Some((_, v)) = line.split_once(": ") {
                let v = v.trim();
                if !v.is_empty() && v.replace(',', "").parse::<f64>().is_ok() && v.contains('.') {
                    let literal = v.replace(',', "");
                    assert!(
                        json_text.contains(&format!(":{literal}")),
                        "{park}: {literal} lost its written form in report.json"
                    );
                }
            }
        }
        reports += 1;
    }
    assert_eq!(reports, 5);
    assert!(leaves > 150, "only {leaves} figures compared");
}

#[test]
fn reports_index_lists_every_report_with_working_paths() {
    let (_tmp, out) = build_example();
    let index: Json = serde_json::from_str(&std::fs::read_to_string(out.join("data/reports.json")).unwrap()).unwrap();
    let reports = index["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 5);
    for r in reports {
        for field in [
            "report_id",
            "park",
            "year",
            "kind",
            "url_zh",
            "url_en",
            "json_url",
            "csv_url",
        ] {
            assert!(!r[field].is_null(), "{field} missing in {r}");
        }
        assert!(r["title"]["zh"].is_string() && r["title"]["en"].is_string());
        // Absolute addresses with the base path: a journalist's urljoin is never needed.
        let page = |url: &Json| local(&out, url).join("index.html");
        assert!(page(&r["url_zh"]).is_file(), "{}", r["url_zh"]);
        assert!(page(&r["url_en"]).is_file(), "{}", r["url_en"]);
        // A report's CSV is its unit's slice of figures.csv, which holds its rows.
        let csv = local(&out, &r["csv_url"]);
        let rows = csv_maps(&csv);
        assert!(
            rows.iter()
                .any(|row| row["report_id"] == r["report_id"].as_str().unwrap())
                && rows.iter().all(|row| row["park"] == r["park"].as_str().unwrap()),
            "{}",
            csv.display()
        );
        let report: Json =
            serde_json::from_str(&std::fs::read_to_string(local(&out, &r["json_url"])).unwrap()).unwrap();
        assert_eq!(report["report_id"], r["report_id"]);
        assert_eq!(report["url_zh"], r["url_zh"]);
        assert_eq!(report["url_en"], r["url_en"]);
    }
}

#[test]
fn every_json_file_parses() {
    let (_tmp, out) = build_example();
    let mut n = 0;
    for (rel, path) in files(&out)
        .iter()
        .filter(|(r, _)| r.ends_with(".json") && !r.contains("search/"))
    {
        let v: Json =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap_or_else(|e| panic!("{rel}: {e}"));
        match rel.as_str() {
            "data/datapackage.json" => assert_eq!(v["profile"], "tabular-data-package"),
            "data/schema/report.schema.json" => {
                assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema")
            }
            _ => assert_eq!(v["schema_version"], 1, "{rel}"),
        }
        n += 1;
    }
    assert_eq!(
        n,
        5 + 4 + 4,
        "report.json ×5, park.json ×4, reports.json, all.json, datapackage, schema"
    );
}

#[test]
fn park_json_lists_its_reports() {
    let (_tmp, out) = build_example();
    let v: Json =
        serde_json::from_str(&std::fs::read_to_string(out.join("parks/wangcheng/park.json")).unwrap()).unwrap();
    assert_eq!(v["id"], "wangcheng");
    assert_eq!(v["name"], "望城经济技术开发区");
    assert_eq!(v["reports"][0]["year"], 2019);
    assert_eq!(v["url_en"], "https://www.example.gov.cn/xxgk/jxpj/en/parks/wangcheng/");
    assert_eq!(v["reports"][0]["report_id"], "wangcheng-2019-department");
}

/// The file in the built site `out` that an absolute address of the example site names.
fn local(out: &std::path::Path, url: &Json) -> std::path::PathBuf {
    let url = url.as_str().unwrap_or_else(|| panic!("not an address: {url}"));
    let rel = url
        .strip_prefix("https://www.example.gov.cn/xxgk/jxpj/")
        .unwrap_or_else(|| panic!("{url} is not an absolute address under the base path"));
    out.join(rel)
}

/// Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows.
fn parse_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("CSV starts with a BOM");
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\r'));
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {
                assert_eq!(chars.next(), Some('\n'));
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    rows
}

/// Columns of reports.csv for the scalar figures of report.json, and their JSON values.
fn expected_columns(figures: &Json) -> Vec<(String, Json)> {
    let mut out = Vec::new();
    let scalars = |prefix: &str, obj: &Json, out: &mut Vec<(String, Json)>| {
        for (k, v) in obj.as_object().into_iter().flatten() {
            if v.is_number() || (v.is_string() && !["note", "remark"].contains(&k.as_str())) {
                out.push((format!("{prefix}_{k}"), v.clone()));
            }
        }
    };
    for (section, prefix) in [
        ("evaluation", "evaluation"),
        ("budget", "budget"),
        ("final_accounts", "final"),
        ("expenditure", "expenditure"),
        ("assets", "assets"),
        ("staffing", "staffing"),
        ("project", "project"),
    ] {
        scalars(prefix, &figures[section], &mut out);
    }
    for line in ["total", "overseas_travel", "hospitality", "vehicles"] {
        // Amounts in 万元 in reports.csv, whatever unit the line is stated in.
        let l = &figures["three_public"][line];
        let factor = l["unit"].as_str().and_then(money).map(|f| f / Decimal::from(10_000));
        for (k, v) in l.as_object().into_iter().flatten() {
            if v.is_number() {
                let amount = ["budget", "actual", "previous", "change", "purchase", "operation"].contains(&k.as_str());
                let v = match factor {
                    Some(f) if amount && f != Decimal::ONE => {
                        let wan = (dec(&v.to_string()) * f).normalize().to_string();
                        Json::Number(serde_json::Number::from_str(&wan).unwrap())
                    }
                    _ => v.clone(),
                };
                out.push((format!("three_public_{line}_{k}"), v));
            }
        }
    }
    for (section, prefix) in [("budget", "budget_income"), ("final_accounts", "final_income")] {
        for i in figures[section]["income_sources"].as_array().into_iter().flatten() {
            let key = i["key"].as_str().unwrap();
            out.push((format!("{prefix}_{key}"), i["value"].clone()));
            if prefix == "final_income" && !i["share"].is_null() {
                out.push((format!("{prefix}_{key}_share"), i["share"].clone()));
            }
        }
    }
    for f in figures["expenditure"]["by_fund"].as_array().into_iter().flatten() {
        for what in ["total", "basic", "project"] {
            if !f[what].is_null() {
                out.push((
                    format!("expenditure_{}_{what}", f["fund"].as_str().unwrap()),
                    f[what].clone(),
                ));
            }
        }
    }
    for i in figures["staffing"]["categories"].as_array().into_iter().flatten() {
        out.push((format!("staffing_{}", i["key"].as_str().unwrap()), i["value"].clone()));
    }
    out
}

#[test]
fn reports_csv_rows_match_report_json_figure_by_figure() {
    // (every amount column is in 万元; the example states its amounts in 万元)
    let (_tmp, out) = build_example();
    let rows = parse_csv(&std::fs::read(out.join("data/reports.csv")).unwrap());
    let header = &rows[0];
    assert_eq!(&header[..4], &["report_id", "park", "year", "kind"]);
    assert_eq!(rows.len(), 6, "header + 5 reports");
    let descriptions = field_descriptions(&out, "reports");
    // No column of reports.csv is empty in every row, but the report's identity.
    for (i, name) in header.iter().enumerate() {
        assert!(
            rows[1..].iter().any(|r| !r[i].is_empty())
                || ["published", "url_en", "unit_name_zh"].contains(&name.as_str()),
            "{name} is empty for every report"
        );
        assert!(
            !name.ends_with("_unit") || name == "amount_unit",
            "{name}: one unit per column, no unit column"
        );
    }
    let mut compared = 0;
    for row in &rows[1..] {
        assert_eq!(row.len(), header.len());
        let cell = |name: &str| {
            row[header
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("no column {name}"))]
            .clone()
        };
        let json: Json =
            serde_json::from_str(&std::fs::read_to_string(local(&out, &Json::String(cell("json_url")))).unwrap())
                .unwrap();
        assert_eq!(cell("park"), json["park"]);
        assert_eq!(cell("year"), json["year"].to_string());
        assert_eq!(cell("title_zh"), json["title"]["zh"]);
        let expected = expected_columns(&json["figures"]);
        for (col, value) in &expected {
            let c = cell(col);
            match value {
                Json::Number(n) => assert_eq!(
                    c,
                    n.to_string(),
                    "{} {col}: CSV keeps the written decimals",
                    cell("report_id")
                ),
                Json::String(s) => assert_eq!(&c, s, "{col}"),
                _ => unreachable!(),
            }
            compared += 1;
        }
        // Every other figure column of this row is empty: not disclosed in the JSON either.
        for (i, name) in header.iter().enumerate() {
            let figure_column = [
                "budget_",
                "final_",
                "expenditure_",
                "three_public_",
                "assets_",
                "staffing_",
                "project_",
                "evaluation_",
            ]
            .iter()
            .any(|p| name.starts_with(p))
                && !name.ends_with("_unit")
                && !name.starts_with("project_name_")
                && !["expenditure_project_items", "final_by_function"].contains(&name.as_str());
            if figure_column && !expected.iter().any(|(c, _)| c == name) {
                assert_eq!(
                    row[i],
                    "",
                    "{} {name} should be empty (not disclosed)",
                    cell("report_id")
                );
            }
        }
        // Known economic results have their own columns, each in the one unit its
        // description names (亿元), converted exactly from the unit the report states.
        for item in json["figures"]["economy"].as_array().unwrap() {
            let key = item["key"].as_str().unwrap();
            let name = format!("economy_{key}");
            if let Some(pos) = header.iter().position(|h| h == &name) {
                let stated = item["unit"].as_str().unwrap();
                let column = column_unit(&descriptions[&name]);
                match (money(stated), money(column)) {
                    (Some(a), Some(b)) => {
                        assert_eq!(dec(&row[pos]) * b, dec(&item["value"].to_string()) * a, "{name}")
                    }
                    _ if stated == column => assert_eq!(row[pos], item["value"].to_string(), "{name}"),
                    _ => assert_eq!(row[pos], "", "{name}: stated in {stated}, not {column}"),
                }
                compared += 1;
            }
        }
    }
    assert!(compared > 100, "only {compared} figures compared");
}

#[test]
fn items_and_parks_csv_cover_every_list_item_and_unit() {
    let (_tmp, out) = build_example();
    let items = parse_csv(&std::fs::read(out.join("data/items.csv")).unwrap());
    let all: Json = serde_json::from_str(&std::fs::read_to_string(out.join("data/all.json")).unwrap()).unwrap();
    let mut expected = 0;
    for r in all["reports"].as_array().unwrap() {
        let f = &r["figures"];
        for list in [
            &f["budget"]["income_sources"],
            &f["final_accounts"]["income_sources"],
            &f["final_accounts"]["by_function"],
            &f["expenditure"]["project_items"],
            &f["staffing"]["categories"],
            &f["economy"],
        ] {
            expected += list.as_array().map_or(0, Vec::len);
        }
    }
    assert_eq!(items.len() - 1, expected);
    let h = &items[0];
    let value = h.iter().position(|c| c == "value").unwrap();
    let label = h.iter().position(|c| c == "label").unwrap();
    let row = items
        .iter()
        .find(|r| r[label] == "仓储物流中心建设项目")
        .expect("道县 project item");
    assert_eq!(row[value], "10000");
    let parks = parse_csv(&std::fs::read(out.join("data/parks.csv")).unwrap());
    assert_eq!(parks.len() - 1, all["parks"].as_array().unwrap().len());
    assert_eq!(all["reports"].as_array().unwrap().len(), 5);
}

#[test]
fn feed_entries_keeps_the_newest_reports_in_each_feed_and_the_sitemap_still_lists_every_report() {
    let (_tmp, root) = common::example_copy();
    common::edit(&root.join("site.toml"), "feed_entries = 50", "feed_entries = 2");
    let o = common::run(&["build", "--root", root.to_str().unwrap()], &root);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let out = root.join("public");
    let index: Json = serde_json::from_str(&std::fs::read_to_string(out.join("data/reports.json")).unwrap()).unwrap();
    for (feed, lang) in [("feed.xml", "zh"), ("en/feed.xml", "en")] {
        let text = std::fs::read_to_string(out.join(feed)).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap();
        let entries: Vec<(String, String)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("entry"))
            .map(|e| {
                let child = |name: &str| {
                    e.children()
                        .find(|c| c.has_tag_name(name))
                        .and_then(|n| n.text())
                        .unwrap()
                        .to_string()
                };
                (child("updated"), child("id"))
            })
            .collect();
        assert_eq!(entries.len(), 2, "{feed}");
        // The two newest of the five, newest first. The example's reports give no dates, so
        // each is dated the last day of its year (2023, 2022, 2021, 2021, 2019).
        let mut all: Vec<(u64, String)> = index["reports"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["year"].as_u64().unwrap(),
                    r[format!("url_{lang}").as_str()].as_str().unwrap().to_string(),
                )
            })
            .collect();
        all.sort();
        let newest: Vec<&str> = all.iter().rev().take(2).map(|(_, u)| u.as_str()).collect();
        let ids: Vec<&str> = entries.iter().map(|(_, id)| id.as_str()).collect();
        assert_eq!(ids, newest, "{feed}");
        assert!(entries[0].0 >= entries[1].0);
    }
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    for r in index["reports"].as_array().unwrap() {
        assert!(sitemap.contains(r["url_zh"].as_str().unwrap()));
    }
}

#[test]
fn feeds_and_sitemap_are_xml_listing_every_report_in_both_languages() {
    // The example's 5 reports are fewer than a feed's default 50 newest (`feed_entries`).
    let (_tmp, out) = build_example();
    let index: Json = serde_json::from_str(&std::fs::read_to_string(out.join("data/reports.json")).unwrap()).unwrap();
    let base = "https://www.example.gov.cn/xxgk/jxpj";
    for (feed, key) in [("feed.xml", "url_zh"), ("en/feed.xml", "url_en")] {
        let text = std::fs::read_to_string(out.join(feed)).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap_or_else(|e| panic!("{feed}: {e}"));
        let ids: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("entry"))
            .filter_map(|e| e.children().find(|c| c.has_tag_name("id")))
            .filter_map(|n| n.text())
            .collect();
        for r in index["reports"].as_array().unwrap() {
            let url = r[key].as_str().unwrap();
            assert!(url.starts_with(base), "{url}");
            assert!(ids.contains(&url), "{feed} lacks {url}");
        }
        assert_eq!(ids.len(), 5);
        for u in doc.descendants().filter(|n| n.has_tag_name("updated")) {
            assert!(u.text().unwrap().ends_with("+08:00"));
        }
    }
    let text = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    for r in index["reports"].as_array().unwrap() {
        for key in ["url_zh", "url_en"] {
            let url = r[key].as_str().unwrap();
            assert!(locs.contains(&url), "sitemap lacks {url}");
        }
    }
    let alternates = doc
        .descendants()
        .filter(|n| n.has_tag_name("link") && n.attribute("hreflang").is_some())
        .count();
    assert_eq!(alternates, locs.len() * 2, "every URL lists both languages");
    assert!(
        std::fs::read_to_string(out.join("robots.txt"))
            .unwrap()
            .contains(&format!("Sitemap: {base}/sitemap.xml"))
    );
}

#[test]
fn checksums_match_every_data_file() {
    use sha2::Digest;
    let (_tmp, out) = build_example();
    let sums = std::fs::read_to_string(out.join("data/SHA256SUMS")).unwrap();
    let mut n = 0;
    for line in sums.lines() {
        let (hex, rel) = line.split_once("  ").unwrap();
        // Paths from the site root, as on the site (no `../`).
        assert!(!rel.starts_with("../") && !rel.starts_with('/'), "{rel}");
        let bytes = std::fs::read(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
        let got: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(got, hex, "{rel}");
        n += 1;
    }
    // 7 CSV + reports.json + all.json + datapackage + schema, figures.csv per unit ×4 and per
    // year ×4, and report.json ×5 + park.json ×4
    assert_eq!(n, 11 + 8 + 9, "{sums}");
}

#[test]
fn every_report_page_links_its_json_and_csv() {
    let (_tmp, out) = build_example();
    // The files are the same in every language: the English page links the Chinese page's.
    for (lang, up) in [("", ""), ("en/", "../../../../parks/wangcheng/2019/")] {
        let html = std::fs::read_to_string(out.join(format!("{lang}parks/wangcheng/2019/index.html"))).unwrap();
        assert!(html.contains(&format!("href=\"{up}report.json\"")), "{lang}");
        let site = if lang.is_empty() { "../../../" } else { "../../../../" };
        assert!(
            html.contains(&format!("href=\"{site}data/parks/wangcheng/figures.csv\"")),
            "{lang}"
        );
    }
    // No CSV of its own beside the page: its unit's slice of figures.csv has every figure of
    // it, the same rows as figures.csv.
    assert!(!out.join("parks/wangcheng/2019/report.csv").exists());
    let unit = csv_maps(&out.join("data/parks/wangcheng/figures.csv"));
    let all: Vec<_> = csv_maps(&out.join("data/figures.csv"))
        .into_iter()
        .filter(|r| r["report_id"] == "wangcheng-2019-department")
        .collect();
    let mine: Vec<_> = unit
        .into_iter()
        .filter(|r| r["report_id"] == "wangcheng-2019-department")
        .collect();
    assert!(all.len() > 30);
    assert_eq!(mine, all);
}

/// The example site with the fixture project report (every cell of the 项目支出绩效自评表)
/// added as lengshuitan's 2022 report, as CI builds it.
fn build_with_project() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_example(&root);
    for (from, to) in [
        ("project-report.md", "2022-factories.md"),
        ("project-report.en.md", "2022-factories.en.md"),
    ] {
        std::fs::copy(
            repo().join("tests/fixtures").join(from),
            root.join("content/parks/lengshuitan").join(to),
        )
        .unwrap();
    }
    let out = root.join("public");
    gongkai::build(&root, Some(&out), false).unwrap_or_else(|f| panic!("build failed: {:?}", f.diagnostics()));
    (tmp, out)
}

/// Rows of a CSV file as maps from column name to cell.
fn csv_maps(path: &std::path::Path) -> Vec<std::collections::BTreeMap<String, String>> {
    let rows = parse_csv(&std::fs::read(path).unwrap());
    rows[1..]
        .iter()
        .map(|r| {
            assert_eq!(r.len(), rows[0].len(), "{}", path.display());
            rows[0].iter().cloned().zip(r.iter().cloned()).collect()
        })
        .collect()
}

#[test]
fn funds_csv_is_the_forms_funds_block_cell_by_cell() {
    let (_tmp, out) = build_with_project();
    let funds = csv_maps(&out.join("data/funds.csv"));
    let id = "lengshuitan-2022-project";
    let cell = |row: &str, column: &str| -> &std::collections::BTreeMap<String, String> {
        funds
            .iter()
            .find(|r| r["report_id"] == id && r["row"] == row && r["column"] == column)
            .unwrap_or_else(|| panic!("no {row} × {column}"))
    };
    // The 年度资金总额 row, then fiscal, carryover and the blank other row, six columns each.
    assert_eq!(funds.iter().filter(|r| r["report_id"] == id).count(), 4 * 6);
    let total = cell("total", "full_year");
    assert_eq!(total["value"], "500.00", "written as the report states it");
    assert_eq!(total["unit"], "万元");
    assert_eq!(total["row_label_zh"], "年度资金总额");
    assert_eq!(total["position"], "0");
    assert_eq!(total["group"], "");
    assert_eq!(cell("total", "actual")["value"], "480.50");
    assert_eq!(cell("total", "rate")["value"], "96.10");
    assert_eq!(cell("total", "rate")["unit"], "%");
    assert_eq!(cell("total", "weight")["value"], "10");
    assert_eq!(cell("total", "score")["unit"], "分");
    let fiscal = cell("fiscal", "actual");
    assert_eq!(fiscal["value"], "390.50");
    assert_eq!(fiscal["group"], "source");
    assert_eq!(fiscal["row_label_zh"], "其中：当年财政拨款");
    assert_eq!(fiscal["column_label_zh"], "全年执行数");
    assert_eq!(fiscal["blank_row"], "false");
    // A cell the form leaves blank on a row with figures: empty, not 0.
    assert_eq!(cell("fiscal", "score")["value"], "");
    assert_eq!(cell("carryover", "actual")["value"], "90.00");
    // The row the form prints blank: every cell there, every value empty, never 0.
    for c in ["initial", "full_year", "actual", "weight", "rate", "score"] {
        let other = cell("other", c);
        assert_eq!(other["value"], "", "other × {c} is blank, not 0");
        assert_eq!(other["blank_row"], "true");
        assert_eq!(other["row_label_zh"], "其他资金");
        assert_eq!(other["position"], "3");
    }
    // The sources add up to the total in every amount column (the fixture's figures).
    for c in ["initial", "full_year", "actual"] {
        let sum: Decimal = funds
            .iter()
            .filter(|r| r["report_id"] == id && r["group"] == "source" && r["column"] == c && !r["value"].is_empty())
            .map(|r| dec(&r["value"]))
            .sum();
        assert_eq!(sum, dec(&cell("total", c)["value"]), "{c}");
    }
    // report_id joins reports.csv, whose row has the same total-row figures.
    let reports = csv_maps(&out.join("data/reports.csv"));
    for r in &funds {
        assert!(
            reports
                .iter()
                .any(|x| x["report_id"] == r["report_id"] && x["park"] == r["park"] && x["year"] == r["year"]),
            "{} joins reports.csv",
            r["report_id"]
        );
    }
    let report = reports.iter().find(|r| r["report_id"] == id).unwrap();
    assert_eq!(report["project_full_year"], "500.00");
    // Reports without a funds block have no rows (the example's department reports).
    let with_block = reports
        .iter()
        .filter(|r| !r["project_full_year"].is_empty() || !r["project_actual"].is_empty())
        .count();
    let ids: std::collections::BTreeSet<&String> = funds.iter().map(|r| &r["report_id"]).collect();
    assert!(ids.len() >= with_block && ids.contains(&id.to_string()));
    // The data package describes every column, with its primary and foreign keys.
    let package: Json =
        serde_json::from_str(&std::fs::read_to_string(out.join("data/datapackage.json")).unwrap()).unwrap();
    let resource = package["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "funds")
        .expect("funds in the data package");
    let header = &parse_csv(&std::fs::read(out.join("data/funds.csv")).unwrap())[0];
    let names: Vec<&str> = resource["schema"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(&names, header);
    assert_eq!(
        resource["schema"]["primaryKey"],
        serde_json::json!(["report_id", "position", "column"])
    );
    assert_eq!(resource["schema"]["foreignKeys"][0]["reference"]["resource"], "reports");
    // The example site alone: a funds.csv with its header and no row (no report has a block).
    let (_tmp2, plain) = build_example();
    let plain = parse_csv(&std::fs::read(plain.join("data/funds.csv")).unwrap());
    assert_eq!(&plain[0], header, "same columns without any funds block");
}

#[test]
fn indicators_csv_carries_the_heads_weights_and_blank_rows() {
    let (_tmp, out) = build_with_project();
    let rows = csv_maps(&out.join("data/indicators.csv"));
    let rows: Vec<_> = rows
        .iter()
        .filter(|r| r["report_id"] == "lengshuitan-2022-project")
        .collect();
    assert_eq!(rows.len(), 8);
    let by = |level3: &str| rows.iter().find(|r| r["level3"] == level3).unwrap();
    let first = by("新建标准厂房面积");
    assert_eq!(
        (first["level1_weight"].as_str(), first["level1_score"].as_str()),
        ("50", "48")
    );
    assert_eq!(first["level2_weight"], "", "no level-two head is given");
    assert_eq!(first["blank"], "false");
    let jobs = by("入驻企业数");
    assert_eq!(
        (jobs["level1_weight"].as_str(), jobs["level1_score"].as_str()),
        ("30", "28.5")
    );
    // 生态效益指标 with no indicator under it: blank, its figures empty (not 0), its head known.
    let eco = rows.iter().find(|r| r["level2"] == "生态效益指标").unwrap();
    assert_eq!(eco["blank"], "true");
    assert_eq!((eco["weight"].as_str(), eco["score"].as_str()), ("", ""));
    assert_eq!(eco["level1_weight"], "30");
    assert_eq!(eco["level2_en"], "Ecological");
    assert_eq!(rows.iter().filter(|r| r["blank"] == "true").count(), 1);
}

#[test]
fn a_project_report_json_and_csv_carry_every_key_of_the_full_form() {
    let (_tmp, out) = build_with_project();
    let fixture = repo().join("tests/fixtures/project-report.md");
    let fm: Yaml = yaml_serde::from_str(&front_matter(&fixture)).unwrap();
    let json: Json =
        serde_json::from_str(&std::fs::read_to_string(out.join("parks/lengshuitan/2022/report.json")).unwrap())
            .unwrap();
    let mut leaves = 0;
    for section in SECTIONS {
        if let Some(y) = fm.get(section) {
            leaves += same(y, &json["figures"][section], section);
        }
    }
    assert!(leaves > 80, "only {leaves} figures compared");
    let figures = &json["figures"];
    assert_eq!(
        figures["project"]["rows"][2],
        serde_json::json!({
            "key": "other", "label": null, "label_en": null, "initial": null, "full_year": null,
            "actual": null, "rate": null, "weight": null, "score": null, "note": null
        }),
        "a blank row stays blank (null), never 0"
    );
    assert_eq!(figures["indicator_groups"][1]["weight"].to_string(), "30");
    assert_eq!(
        figures["also_stated"]["project.actual"][0]["value"].to_string(),
        "480.5"
    );
    assert!(
        figures["evaluation"]["remark"]
            .as_str()
            .unwrap()
            .starts_with("绩效自评综合得分")
    );
    for (key, zh, en) in [
        (
            "department",
            "冷水滩区工业和信息化局",
            "Lengshuitan District Bureau of Industry and Information Technology",
        ),
        (
            "implementer",
            "冷水滩高科技工业园管理委员会",
            "Administrative Committee of Lengshuitan High-tech Industrial Park",
        ),
        ("period", "2022年1月—2022年12月", "January–December 2022"),
    ] {
        assert_eq!(json[key]["zh"], zh, "{key}");
        assert_eq!(json[key]["en"], en, "{key}");
    }
    assert!(
        json["remark"]["en"]
            .as_str()
            .unwrap()
            .starts_with("A total score of 90")
    );
    // The JSON Schema names the new keys with the form's labels.
    let schema: Json =
        serde_json::from_str(&std::fs::read_to_string(out.join("data/schema/report.schema.json")).unwrap()).unwrap();
    let defs = &schema["$defs"];
    assert_eq!(defs["IndicatorGroup"]["properties"]["weight"]["x-label-zh"], "分值");
    assert_eq!(defs["FundsRow"]["properties"]["actual"]["x-label-zh"], "全年执行数");
    assert_eq!(
        defs["ProjectFunds"]["properties"]["investment"]["x-label-zh"],
        "项目总投资"
    );
    assert!(
        defs["ProjectFunds"]["properties"]["rows"]["x-known-keys"]
            .as_array()
            .unwrap()
            .len()
            >= 10
    );
    assert_eq!(defs["Indicator"]["properties"]["level3"]["x-label-zh"], "三级指标");
    for key in ["department", "implementer", "period", "remark"] {
        assert!(schema["properties"][key].is_object(), "{key} in the schema");
    }
    for key in ["indicator_groups", "also_stated"] {
        assert!(defs["Figures"]["properties"][key].is_object(), "{key} in the schema");
    }
    // reports.csv: the project form's heads and figures.
    let reports = csv_maps(&out.join("data/reports.csv"));
    let row = reports
        .iter()
        .find(|r| r["report_id"] == "lengshuitan-2022-project")
        .unwrap();
    for (column, value) in [
        ("department_zh", "冷水滩区工业和信息化局"),
        (
            "implementer_en",
            "Administrative Committee of Lengshuitan High-tech Industrial Park",
        ),
        ("period_zh", "2022年1月—2022年12月"),
        ("project_name_en", "Standard factory construction special fund"),
        ("project_investment", "1200.00"),
        ("project_investment_fiscal", "900.00"),
        ("project_actual", "480.50"),
        ("evaluation_score", "95.11"),
        ("indicators", "8"),
    ] {
        assert_eq!(row[column], value, "{column}");
    }
}

/// The descriptions of a resource's fields in datapackage.json, by column.
fn field_descriptions(out: &std::path::Path, resource: &str) -> std::collections::BTreeMap<String, String> {
    let package: Json =
        serde_json::from_str(&std::fs::read_to_string(out.join("data/datapackage.json")).unwrap()).unwrap();
    let r = package["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == resource)
        .unwrap_or_else(|| panic!("{resource} in the data package"));
    r["schema"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap().to_string(),
                f["description"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The unit a column's description names: `…, in 亿元 (…`.
fn column_unit(description: &str) -> &str {
    let rest = &description[description.find(", in ").expect("a unit") + 5..];
    rest.split([' ', ',']).next().unwrap()
}

/// Yuan per unit of a money unit.
fn money(unit: &str) -> Option<Decimal> {
    match unit {
        "元" => Some(Decimal::ONE),
        "万元" => Some(Decimal::from(10_000)),
        "亿元" => Some(Decimal::from(100_000_000)),
        _ => None,
    }
}

/// Every numeric leaf of a report.json's `figures`, with its JSON path and the unit the JSON
/// gives it: an item's `unit`, a “三公” line's `unit`, else `amount_unit` for amounts.
fn numeric_leaves(v: &Json, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        Json::Number(n) => out.push((at.to_string(), n.to_string())),
        Json::Object(o) => o.iter().for_each(|(k, v)| numeric_leaves(v, &format!("{at}.{k}"), out)),
        Json::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, v)| numeric_leaves(v, &format!("{at}[{i}]"), out)),
        _ => {}
    }
}

/// figures.csv of a built site, as maps.
fn figures_of(out: &std::path::Path) -> Vec<std::collections::BTreeMap<String, String>> {
    csv_maps(&out.join("data/figures.csv"))
}

/// The numeric leaves of `figures`, with their paths.
fn leaves_of(figures: &Json) -> Vec<(String, String)> {
    let mut leaves = Vec::new();
    numeric_leaves(figures, "figures", &mut leaves);
    leaves
}

#[test]
fn figures_csv_has_every_figure_of_every_report_once_with_its_unit() {
    for (_tmp, out) in [build_example(), build_with_project()] {
        let figures = figures_of(&out);
        let all: Json = serde_json::from_str(&std::fs::read_to_string(out.join("data/all.json")).unwrap()).unwrap();
        let mut seen = std::collections::BTreeSet::new();
        for r in all["reports"].as_array().unwrap() {
            let id = format!(
                "{}-{}-{}",
                r["park"].as_str().unwrap(),
                r["year"],
                r["kind"].as_str().unwrap()
            );
            // Totals the report leaves out are computed from their stated parts and marked; they
            // are checked below, and are not figures of report.json.
            let (computed, rows): (Vec<_>, Vec<_>) = figures
                .iter()
                .filter(|f| f["report_id"] == id)
                .partition(|f| f["computed"] == "true");
            for c in &computed {
                assert!(c["label_zh"].ends_with("（计算值）"), "{id} {}", c["key"]);
                assert!(leaves_of(&r["figures"]).iter().all(|(p, _)| !p.ends_with(&c["key"])));
            }
            if id == "lengshuitan-2021-department" {
                let tp = computed
                    .iter()
                    .find(|c| c["key"] == "three_public.total.actual")
                    .expect("三公 total");
                assert_eq!((tp["value"].as_str(), tp["value_wan"].as_str()), ("5.85", "5.85"));
            }
            // Every number of report.json is a row, exactly once (as a multiset of values).
            let mut leaves = Vec::new();
            numeric_leaves(&r["figures"], "figures", &mut leaves);
            let mut want: Vec<Decimal> = leaves.iter().map(|(_, v)| dec(v)).collect();
            let mut got: Vec<Decimal> = rows.iter().map(|f| dec(&f["value"])).collect();
            want.sort();
            got.sort();
            assert_eq!(got, want, "{id}: the numbers of report.json and figures.csv");
            assert!(!rows.is_empty(), "{id}");
            // Values are written exactly as report.json writes them.
            let texts: std::collections::BTreeSet<&str> = leaves.iter().map(|(_, v)| v.as_str()).collect();
            for f in &rows {
                assert!(
                    texts.contains(f["value"].as_str()),
                    "{id} {}: {} as written",
                    f["key"],
                    f["value"]
                );
                assert!(seen.insert((id.clone(), f["key"].clone())), "{id} {} twice", f["key"]);
                assert_eq!(f["computed"], "false");
                assert_eq!(f["park"], r["park"].as_str().unwrap());
                assert_eq!(f["year"], r["year"].to_string());
            }
            // Units as stated: economic results with their own unit, amounts in amount_unit.
            let figs = &r["figures"];
            let by_key = |k: &str| {
                rows.iter()
                    .find(|f| f["key"] == k)
                    .unwrap_or_else(|| panic!("{id}: no {k}"))
            };
            for item in figs["economy"].as_array().unwrap() {
                let key = item["key"].as_str().unwrap();
                if rows.iter().filter(|f| f["key"] == format!("economy.{key}")).count() == 1 {
                    let f = by_key(&format!("economy.{key}"));
                    assert_eq!(f["unit"], item["unit"].as_str().unwrap(), "{id} {key}");
                    assert_eq!(f["value"], item["value"].to_string());
                }
            }
            if !figs["expenditure"]["total"].is_null() {
                let f = by_key("expenditure.total");
                assert_eq!(f["unit"], figs["amount_unit"].as_str().unwrap());
                assert_eq!(f["value"], figs["expenditure"]["total"].to_string());
                assert_eq!(f["quantity"], "amount");
            }
            for line in ["total", "overseas_travel", "hospitality", "vehicles"] {
                let l = &figs["three_public"][line];
                if !l["actual"].is_null() {
                    let f = by_key(&format!("three_public.{line}.actual"));
                    let unit = l["unit"].as_str().unwrap_or(figs["amount_unit"].as_str().unwrap());
                    assert_eq!(f["unit"], unit, "{id} {line}");
                }
            }
        }
        assert!(figures.len() > 200, "only {} figures", figures.len());
        // value_wan = value × the unit's factor, exactly; empty for anything but money.
        for f in &figures {
            match money(&f["unit"]) {
                Some(factor) => {
                    assert_eq!(f["quantity"], "amount", "{f:?}");
                    assert_eq!(
                        dec(&f["value_wan"]) * Decimal::from(10_000),
                        dec(&f["value"]) * factor,
                        "{f:?}"
                    );
                }
                None => {
                    assert_eq!(f["value_wan"], "", "{f:?}");
                    assert_ne!(f["quantity"], "amount", "{f:?}");
                }
            }
        }
        // No column mixes units: `value` is read with its `unit` on the same row (a key may be
        // 元 in one report and 万元 in another), one key is one quantity, and value_wan, the
        // column to add up, is 万元 in every row.
        let mut quantities: std::collections::BTreeMap<(&str, &str), std::collections::BTreeSet<&str>> =
            Default::default();
        let mut of_unit: std::collections::BTreeMap<&str, std::collections::BTreeSet<&str>> = Default::default();
        for f in &figures {
            if !f["key"].starts_with("indicators.") {
                quantities
                    .entry((f["kind"].as_str(), f["key"].as_str()))
                    .or_default()
                    .insert(f["quantity"].as_str());
            }
            of_unit
                .entry(f["unit"].as_str())
                .or_default()
                .insert(f["quantity"].as_str());
        }
        for ((kind, key), q) in &quantities {
            assert_eq!(q.len(), 1, "{kind} {key}: {q:?}");
        }
        for (unit, q) in &of_unit {
            assert_eq!(q.len(), 1, "{unit}: {q:?}");
        }
        assert!(
            figures
                .iter()
                .any(|f| f["unit"] == "元" && f["key"].starts_with("three_public.")),
            "the example states a “三公” line in 元"
        );
        // The data package declares the keys, and figures.csv comes first.
        let package: Json =
            serde_json::from_str(&std::fs::read_to_string(out.join("data/datapackage.json")).unwrap()).unwrap();
        let first = &package["resources"][0];
        assert_eq!(first["name"], "figures");
        assert_eq!(first["schema"]["primaryKey"], serde_json::json!(["report_id", "key"]));
        assert_eq!(first["schema"]["foreignKeys"][0]["reference"]["resource"], "reports");
        assert!(package["version"].as_str().is_some_and(|v| !v.is_empty()));
        // The slices are the rows of their unit and year.
        for (path, column, value) in [
            ("data/parks/lengshuitan/figures.csv", "park", "lengshuitan"),
            ("data/years/2021/figures.csv", "year", "2021"),
        ] {
            let slice = csv_maps(&out.join(path));
            let want: Vec<_> = figures.iter().filter(|f| f[column] == value).cloned().collect();
            assert_eq!(slice, want, "{path}");
        }
    }
}

#[test]
fn indicators_csv_reads_targets_and_results() {
    let (_tmp, out) = build_with_project();
    let rows = csv_maps(&out.join("data/indicators.csv"));
    let by = |level3: &str| rows.iter().find(|r| r["level3"] == level3).unwrap();
    let area = by("新建标准厂房面积");
    assert_eq!(area["target"], "不少于10万平方米", "the text as stated");
    assert_eq!(
        (
            area["target_op"].as_str(),
            area["target_value"].as_str(),
            area["target_unit"].as_str()
        ),
        (">=", "10", "万平方米")
    );
    assert_eq!(area["met"], "true");
    let cost = by("单位面积建设成本");
    assert_eq!(
        (cost["target_op"].as_str(), cost["target_value"].as_str()),
        ("<=", "1800")
    );
    assert_eq!((cost["actual_value"].as_str(), cost["met"].as_str()), ("1750", "true"));
    assert!(rows.iter().any(|r| r["met"] == "false"), "a target missed");
    // Text columns are text in the data package, whatever they hold.
    let package: Json =
        serde_json::from_str(&std::fs::read_to_string(out.join("data/datapackage.json")).unwrap()).unwrap();
    for r in package["resources"].as_array().unwrap() {
        for f in r["schema"]["fields"].as_array().unwrap() {
            let name = f["name"].as_str().unwrap();
            if [
                "target",
                "actual",
                "unit",
                "target_op",
                "target_unit",
                "label_zh",
                "key",
                "level3",
            ]
            .contains(&name)
            {
                assert_eq!(f["type"], "string", "{} {name}", r["name"]);
            }
        }
    }
}

/// The pandas recipe of docs/data-format.md, run on the built data package (skipped when
/// python3 with pandas is not installed).
#[test]
fn the_pandas_recipe_of_the_docs_reads_every_file_with_its_types() {
    let has_pandas = std::process::Command::new("python3")
        .args(["-c", "import pandas"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_pandas {
        eprintln!("skipped: python3 with pandas is not installed");
        return;
    }
    let docs = std::fs::read_to_string(repo().join("docs/data-format.md")).unwrap();
    let start = docs.find("<!-- recipe -->").expect("the recipe in docs/data-format.md");
    let code = &docs[start..];
    let code = &code[code.find("```python\n").unwrap() + 10..];
    let code = &code[..code.find("```").unwrap()];
    let (_tmp, out) = build_with_project();
    let check = format!(
        "{code}\nassert str(tables['figures']['value'].dtype) == 'float64'\n\
         assert str(tables['indicators']['target'].dtype) in ('object', 'str', 'string')\n\
         assert str(tables['figures']['year'].dtype) == 'Int64'\n\
         assert tables['figures']['computed'].dtype == bool or str(tables['figures']['computed'].dtype) == 'boolean'\n\
         assert (tables['indicators']['target_op'].dropna().isin(['>=', '<=', '>', '<', '='])).all()\n\
         print(len(tables), 'tables', sum(len(t) for t in tables.values()), 'rows')\n"
    );
    let run = std::process::Command::new("python3")
        .arg("-c")
        .arg(&check)
        .current_dir(out.join("data"))
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}
