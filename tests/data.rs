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

const SECTIONS: [&str; 11] = [
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
                    json["figures"][section].is_null() || json["figures"][section] == Json::Array(vec![]),
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
                        json_text.contains(&format!(": {literal}")),
                        "{park}: {literal} lost its written form in report.json"
                    );
                }
            }
        }
        reports += 1;
    }
    assert_eq!(reports, 4);
    assert!(leaves > 150, "only {leaves} figures compared");
}

#[test]
fn reports_index_lists_every_report_with_working_paths() {
    let (_tmp, out) = build_example();
    let index: Json = serde_json::from_str(&std::fs::read_to_string(out.join("data/reports.json")).unwrap()).unwrap();
    let reports = index["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 4);
    for r in reports {
        for field in ["park", "year", "kind", "url_zh", "url_en", "json"] {
            assert!(!r[field].is_null(), "{field} missing in {r}");
        }
        assert!(r["title"]["zh"].is_string() && r["title"]["en"].is_string());
        let page = |url: &Json| {
            out.join(url.as_str().unwrap().trim_start_matches('/'))
                .join("index.html")
        };
        assert!(page(&r["url_zh"]).is_file(), "{}", r["url_zh"]);
        assert!(page(&r["url_en"]).is_file(), "{}", r["url_en"]);
        let json = out.join(r["json"].as_str().unwrap().trim_start_matches('/'));
        let report: Json = serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
        assert_eq!(report["url_zh"], r["url_zh"]);
        assert_eq!(report["url_en"], r["url_en"]);
    }
}

#[test]
fn every_json_file_parses() {
    let (_tmp, out) = build_example();
    let mut n = 0;
    for (rel, path) in files(&out).iter().filter(|(r, _)| r.ends_with(".json")) {
        let v: Json =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert_eq!(v["schema_version"], 1, "{rel}");
        n += 1;
    }
    assert_eq!(n, 4 + 4 + 1, "report.json ×4, park.json ×4, reports.json");
}

#[test]
fn park_json_lists_its_reports() {
    let (_tmp, out) = build_example();
    let v: Json =
        serde_json::from_str(&std::fs::read_to_string(out.join("parks/wangcheng/park.json")).unwrap()).unwrap();
    assert_eq!(v["id"], "wangcheng");
    assert_eq!(v["name"], "望城经济技术开发区");
    assert_eq!(v["reports"][0]["year"], 2019);
    assert_eq!(v["url_en"], "/en/parks/wangcheng/");
}
