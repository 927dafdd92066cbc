//! Charts: every SVG parses as XML, is accessible (role, title, desc), shows the front
//! matter's figures exactly, and representative charts are pinned as snapshots. Charts are
//! inline in their pages only (the page script saves one as a file: tests/browser/charts.mjs).

mod common;
use common::*;
use std::path::Path;
use yaml_serde::Value as Yaml;

fn svg_texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect::<String>()
        })
        .collect()
}

/// Checks an SVG document is an accessible chart; returns its visible texts and description.
fn check_svg(text: &str, what: &str) -> (Vec<String>, String) {
    let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{what}: not XML: {e}"));
    let root = doc.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg"),
        "{what}"
    );
    assert_eq!(root.attribute("role"), Some("img"), "{what}");
    let title = root
        .children()
        .find(|n| n.has_tag_name("title"))
        .unwrap_or_else(|| panic!("{what}: no title"));
    let desc = root
        .children()
        .find(|n| n.has_tag_name("desc"))
        .unwrap_or_else(|| panic!("{what}: no desc"));
    assert!(
        !title.text().unwrap_or("").is_empty() && desc.text().unwrap_or("").len() > 10,
        "{what}"
    );
    let labelled = root.attribute("aria-labelledby").unwrap();
    assert_eq!(
        labelled,
        format!("{} {}", title.attribute("id").unwrap(), desc.attribute("id").unwrap())
    );
    // Presentation comes from the stylesheet (and the style the page script adds to a saved
    // file), not from attributes repeated in every chart.
    assert!(root.attribute("font-family").is_none(), "{what}");
    (svg_texts(&doc), desc.text().unwrap().to_string())
}

/// The chart `id` of the page in folder `dir` of the built site, as its page has it.
fn inline_chart(out: &Path, dir: &str, id: &str) -> String {
    let html = std::fs::read_to_string(out.join(dir).join("index.html")).unwrap_or_else(|e| panic!("{dir}: {e}"));
    let at = html
        .find(&format!("aria-labelledby=\"{id}-t "))
        .unwrap_or_else(|| panic!("{dir}: no chart {id}"));
    let start = html[..at].rfind("<svg ").unwrap();
    let end = at + html[at..].find("</svg>").unwrap() + "</svg>".len();
    html[start..end].to_string()
}

#[test]
fn every_chart_file_and_inline_chart_is_accessible_xml() {
    let (_tmp, out) = build_example();
    let mut inline = 0;
    for (rel, path) in files_of(&out) {
        // No chart file is written: the theme's images (the favicon) are the only .svg files.
        assert!(!rel.ends_with(".svg") || rel.starts_with("assets/"), "{rel}");
        if !rel.ends_with(".html") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (i, chunk) in text.split("<svg ").skip(1).enumerate() {
            let svg = format!("<svg {}</svg>", &chunk[..chunk.find("</svg>").unwrap()]);
            check_svg(&svg, &format!("{rel} chart {i}"));
            inline += 1;
            // Every chart has its save button (shown by the page script) and pairs its
            // numbers with a table.
            let id = svg[svg.find("aria-labelledby=\"").unwrap() + 17..]
                .split("-t ")
                .next()
                .unwrap()
                .to_string();
            let button = format!("<button type=\"button\" class=\"chart-save\" data-file=\"{id}.svg\" hidden>");
            assert!(chunk.contains(&button) && chunk.contains("<details>"), "{rel}: {id}");
        }
    }
    // The chart styles, with the CJK font stack, come first in the stylesheet, and the page
    // script carries the same for saved files.
    let assets: Vec<(String, std::path::PathBuf)> = files_of(&out)
        .into_iter()
        .filter(|(r, _)| r.starts_with("assets/"))
        .collect();
    let css = assets.iter().find(|(r, _)| r.ends_with(".css")).unwrap();
    let css = std::fs::read_to_string(&css.1).unwrap();
    let first = &css[..css.find('}').unwrap()];
    assert!(
        first.starts_with(".gk-chart{") && first.contains("font-family:") && first.contains("Noto Sans CJK SC"),
        "{first}"
    );
    let js = assets.iter().find(|(r, _)| r.starts_with("assets/options.")).unwrap();
    let js = std::fs::read_to_string(&js.1).unwrap();
    assert!(!js.contains("__GK_CHART_CSS__") && js.contains("Noto Sans CJK SC") && js.contains(".gk-e{"));
    // Every chart is drawn for a phone's width: 340 units across, shown at 100 % of its box.
    let css = std::fs::read_to_string(repo().join("themes/default/static/style.css")).unwrap();
    assert!(css.contains(".chart svg { display: block; width: 100%;") && !css.contains("min-width: 36em"));
    assert!(inline >= 50, "{inline} charts");
}

fn files_of(out: &Path) -> Vec<(String, std::path::PathBuf)> {
    files(out).into_iter().collect()
}

fn front(park: &str, year: &str) -> Yaml {
    let text = std::fs::read_to_string(repo().join(format!("content/parks/{park}/{year}.md"))).unwrap();
    let rest = text.strip_prefix("---\n").unwrap();
    yaml_serde::from_str(&rest[..rest.find("\n---\n").unwrap()]).unwrap()
}

/// A YAML number as the report writes it, with thousands separators.
fn grouped(v: &Yaml) -> String {
    let raw = match v {
        Yaml::Number(n) => n.to_string(),
        Yaml::String(s) => s.replace(',', ""),
        other => panic!("{other:?}"),
    };
    let (int, frac) = raw.split_once('.').map_or((raw.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    frac.map_or(out.clone(), |f| format!("{out}.{f}"))
}

/// Numbers in the YAML are parsed as floats by this independent reader, so `1545.30` would come
/// back as `1545.3`; the raw lines give the written form.
fn written(park: &str, year: &str, key_path: &[&str]) -> Option<String> {
    let fm = front(park, year);
    let mut v = &fm;
    for k in key_path {
        v = v.get(*k)?;
    }
    let text = std::fs::read_to_string(repo().join(format!("content/parks/{park}/{year}.md"))).unwrap();
    let key = key_path.last().unwrap();
    let shown = grouped(v);
    // Prefer the exact text of the line (keeps trailing zeros).
    let line = text.lines().find(|l| {
        l.trim_start().starts_with(&format!("{key}: "))
            && grouped(&Yaml::String(l.split_once(": ").unwrap().1.trim().to_string()))
                .replace(',', "")
                .parse::<f64>()
                .ok()
                == shown.replace(',', "").parse::<f64>().ok()
    });
    Some(
        line.map(|l| grouped(&Yaml::String(l.split_once(": ").unwrap().1.trim().to_string())))
            .unwrap_or(shown),
    )
}

#[test]
fn chart_numbers_match_the_front_matter() {
    let (_tmp, out) = build_example();
    let cases: &[(&str, &str, &str, &[&[&str]])] = &[
        (
            "lengshuitan",
            "2021",
            "chart-expenditure",
            &[
                &["expenditure", "personnel"],
                &["expenditure", "public"],
                &["expenditure", "project"],
            ],
        ),
        (
            "lengshuitan",
            "2021",
            "chart-three-public",
            &[
                &["three_public", "hospitality", "actual"],
                &["three_public", "vehicles", "actual"],
            ],
        ),
        (
            "wangcheng",
            "2019",
            "chart-three-public-budget",
            &[
                &["three_public", "total", "budget"],
                &["three_public", "total", "actual"],
                &["three_public", "overseas_travel", "budget"],
                &["three_public", "overseas_travel", "actual"],
                &["three_public", "hospitality", "budget"],
                &["three_public", "vehicles", "actual"],
                &["three_public", "vehicles", "rate"],
            ],
        ),
        (
            "wangcheng",
            "2019",
            "chart-budget-actual",
            &[
                &["budget", "expenditure"],
                &["expenditure", "total"],
                &["final_accounts", "execution_rate"],
            ],
        ),
        (
            "wangcheng",
            "2019",
            "chart-expenditure",
            &[&["expenditure", "basic"], &["expenditure", "project"]],
        ),
        (
            "daoxian",
            "2023",
            "chart-expenditure",
            &[&["expenditure", "personnel"], &["expenditure", "public"]],
        ),
    ];
    let mut compared = 0;
    for (park, year, chart, paths) in cases {
        for lang in ["", "en/"] {
            let rel = format!("{lang}parks/{park}/{year}/");
            let text = inline_chart(&out, &rel, chart);
            let (texts, desc) = check_svg(&text, &rel);
            let all = texts.join(" | ");
            for path in *paths {
                let want = written(park, year, path).unwrap_or_else(|| panic!("{park} lacks {path:?}"));
                assert!(all.contains(&want), "{rel}: {want} ({path:?}) not among {all}");
                assert!(desc.contains(&want), "{rel}: description lacks {want}");
                compared += 1;
            }
        }
    }
    // Undisclosed is written; a disclosed zero stated in 元 is drawn as 0 in the chart's unit
    // (万元), never labelled "0 元" inside a 万元 chart.
    let dx = inline_chart(&out, "parks/daoxian/2023/", "chart-expenditure");
    assert!(svg_texts(&roxmltree::Document::parse(&dx).unwrap()).contains(&"未披露".to_string()));
    let ls = inline_chart(&out, "parks/lengshuitan/2021/", "chart-three-public");
    let texts = svg_texts(&roxmltree::Document::parse(&ls).unwrap());
    assert!(
        texts.contains(&"0".to_string()) && !texts.iter().any(|t| t.contains('元') && t.starts_with('0')),
        "{texts:?}"
    );
    assert!(texts.contains(&"单位：万元".to_string()));
    let ls_en = inline_chart(&out, "en/parks/lengshuitan/2021/", "chart-three-public");
    assert!(ls_en.contains(">0</text>") && !ls_en.contains(">0 CNY</text>") && ls_en.contains("Amounts in CNY 10,000"));
    assert!(compared >= 30);
}

#[test]
fn unit_and_year_pages_have_their_charts() {
    let (_tmp, out) = build_example();
    for lang in ["", "en/"] {
        for (dir, id) in [
            ("parks/wangcheng/", "chart-trend"),
            ("parks/wangcheng/", "chart-scores"),
            ("years/2021/", "chart-compare"),
            ("years/2021/", "chart-score-spread"),
            ("", "chart-compare"),
        ] {
            check_svg(
                &inline_chart(&out, &format!("{lang}{dir}"), id),
                &format!("{lang}{dir} {id}"),
            );
        }
    }
    // 2021: 冷水滩 discloses 1,545.30, 大祥 does not: sorted, undisclosed last.
    let text = inline_chart(&out, "years/2021/", "chart-compare");
    let texts = svg_texts(&roxmltree::Document::parse(&text).unwrap());
    let ls = texts.iter().position(|t| t == "冷水滩高科技工业园").unwrap();
    let dx = texts.iter().position(|t| t == "湖南省大祥工业集中区").unwrap();
    assert!(ls < dx && texts.contains(&"1,545.30".to_string()) && texts.contains(&"未披露".to_string()));
}

/// Snapshot of a chart as its page has it (`dir/id.svg`: the page's folder and the chart's id);
/// `GONGKAI_UPDATE_SNAPSHOTS=1` rewrites them after a deliberate change.
fn snapshot(out: &Path, rel: &str, name: &str) {
    let (dir, file) = rel.rsplit_once('/').map_or(("", rel), |(d, f)| (d, f));
    let dir = if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    let got = inline_chart(out, &dir, file.trim_end_matches(".svg")) + "\n";
    let file = repo().join("tests/snapshots").join(name);
    if std::env::var("GONGKAI_UPDATE_SNAPSHOTS").is_ok() || !file.exists() && std::env::var("CI").is_err() {
        std::fs::write(&file, &got).unwrap();
    }
    let want = std::fs::read_to_string(&file).unwrap_or_else(|_| panic!("missing snapshot {name}"));
    assert_eq!(
        got, want,
        "{rel} differs from tests/snapshots/{name}; review and rerun with GONGKAI_UPDATE_SNAPSHOTS=1 if intended"
    );
}

#[test]
fn representative_charts_match_their_snapshots() {
    let (_tmp, out) = build_example();
    snapshot(
        &out,
        "parks/lengshuitan/2021/chart-expenditure.svg",
        "lengshuitan-2021-expenditure.zh.svg",
    );
    snapshot(
        &out,
        "parks/lengshuitan/2021/chart-three-public.svg",
        "lengshuitan-2021-three-public.zh.svg",
    );
    snapshot(
        &out,
        "en/parks/wangcheng/2019/chart-three-public-budget.svg",
        "wangcheng-2019-three-public-budget.en.svg",
    );
    snapshot(
        &out,
        "parks/daoxian/2023/chart-project-items.svg",
        "daoxian-2023-project-items.zh.svg",
    );
    snapshot(&out, "en/years/2021/chart-compare.svg", "year-2021-compare.en.svg");
    snapshot(&out, "parks/wangcheng/chart-trend.svg", "wangcheng-trend.zh.svg");
}
