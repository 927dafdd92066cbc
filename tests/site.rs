//! Builds the bundled example site (content/) into a temp dir and checks what a visitor sees.

mod common;
use common::*;

const ABS: &str = "https://www.example.gov.cn/xxgk/jxpj/";

const REPORTS: [(&str, &str); 4] = [
    ("lengshuitan", "2021"),
    ("daoxian", "2023"),
    ("wangcheng", "2019"),
    ("daxiang", "2021"),
];

fn read(out: &std::path::Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn every_report_and_unit_has_a_page_in_both_languages() {
    let (_tmp, out) = build_example();
    for (park, year) in REPORTS {
        for prefix in ["", "en/"] {
            let page = format!("{prefix}parks/{park}/{year}/index.html");
            let html = read(&out, &page);
            let lang = if prefix.is_empty() { "zh-CN" } else { "en" };
            assert!(
                html.starts_with(&format!("<!DOCTYPE html>\n<html lang=\"{lang}\">")),
                "{page}: html lang"
            );
            assert!(out.join(format!("{prefix}parks/{park}/index.html")).is_file());
        }
        assert!(out.join(format!("parks/{park}/{year}/report.json")).is_file());
        assert!(out.join(format!("parks/{park}/park.json")).is_file());
    }
    for page in [
        "index.html",
        "parks/index.html",
        "years/index.html",
        "404.html",
        "years/2019/index.html",
        "years/2021/index.html",
        "years/2023/index.html",
        "data/reports.json",
    ] {
        assert!(out.join(page).is_file(), "{page}");
        if page.ends_with(".html") {
            assert!(out.join("en").join(page).is_file(), "en/{page}");
        }
    }
}

#[test]
fn key_figures_appear_exactly_as_stated() {
    let (_tmp, out) = build_example();
    let zh = text(&read(&out, "parks/lengshuitan/2021/index.html"));
    for figure in [
        "1,545.30",
        "832.88",
        "712.42",
        "712.25",
        "120.63",
        "3.28",
        "2.57",
        "92",
        "优",
        "78 批 318 人次",
    ] {
        assert!(zh.contains(figure), "lengshuitan zh lacks {figure}");
    }
    let en = text(&read(&out, "en/parks/lengshuitan/2021/index.html"));
    for figure in [
        "1,545.30",
        "Personnel expenses",
        "Official hospitality (receptions)",
        "CNY 10,000",
        "Excellent",
    ] {
        assert!(en.contains(figure), "lengshuitan en lacks {figure}");
    }
    let wc = text(&read(&out, "parks/wangcheng/2019/index.html"));
    for figure in [
        "174,053.00",
        "166,246.71",
        "168,581.84",
        "2,585.13",
        "98.47%",
        "232.50%",
        "-1.39",
        "-13.15%",
        "587.00",
        "0.63",
    ] {
        assert!(wc.contains(figure), "wangcheng zh lacks {figure}");
    }
    let dx = text(&read(&out, "parks/daoxian/2023/index.html"));
    for figure in [
        "552.28",
        "464.79",
        "占基本支出 84.16%",
        "87.50",
        "16,372.53",
        "10,000",
        "93.6",
    ] {
        assert!(dx.contains(figure), "daoxian zh lacks {figure}");
    }
}

#[test]
fn undisclosed_figures_say_so_and_a_disclosed_zero_is_zero() {
    let (_tmp, out) = build_example();
    // 大祥 discloses no budget, expenditure, score or grade.
    let zh = read(&out, "parks/daxiang/2021/index.html");
    assert!(zh.contains("本报告未披露此部分数据"));
    let key = &zh[zh.find("class=\"key-figures\"").unwrap()..];
    let key = &key[..key.find("</ul>").unwrap()];
    assert_eq!(
        key.matches("未披露").count(),
        6,
        "all six key figures of 大祥 are undisclosed: {key}"
    );
    let en = read(&out, "en/parks/daxiang/2021/index.html");
    assert!(en.contains("Not disclosed in this report."));
    // 道县 states a score but no grade: the grade is not disclosed, not invented.
    let dx = text(&read(&out, "parks/daoxian/2023/index.html"));
    assert!(dx.contains("绩效等级 未披露"), "daoxian grade should be undisclosed");
    // 冷水滩 states 因公出国（境）费用0元: a disclosed zero.
    let ls = read(&out, "parks/lengshuitan/2021/index.html");
    let table = &ls[ls.find("id=\"fig-three-public\"").unwrap()..];
    let row = table.split("<tr>").find(|r| r.contains("因公出国（境）费")).unwrap();
    // budget not stated (未披露), actual stated as 0, in 元
    assert!(
        row.contains("<td class=\"nd\">未披露</td><td class=\"num\">0</td><td>元</td>"),
        "overseas travel must show 0: {row}"
    );
}

/// Every link, asset and form between pages is relative and names a file of the output (so
/// the folder works at any address and from `file://`); only what a standard requires
/// (canonical, hreflang, Open Graph) is absolute, and it names a page of the site.
#[test]
fn no_internal_link_or_asset_is_broken() {
    let (_tmp, out) = build_example();
    let all = files(&out);
    let mut checked = 0;
    for (rel, path) in all.iter().filter(|(r, _)| r.ends_with(".html")) {
        let html = std::fs::read_to_string(path).unwrap();
        let ids = attrs(&html, "id");
        // The search page's index folder and site root, for its script.
        for folder in attrs(&html, "data-index").into_iter().chain(attrs(&html, "data-root")) {
            let target = resolve(rel, &folder).unwrap_or_else(|| panic!("{rel}: folder {folder} is not relative"));
            let target = target.trim_start_matches('/');
            assert!(
                all.contains_key(&format!("{target}meta.json")) || all.contains_key(&format!("{target}index.html")),
                "{rel}: no folder {folder}"
            );
        }
        let links = ["href", "src", "action"].into_iter().flat_map(|a| attrs(&html, a));
        for link in links {
            // A 404 page's <base> (tests/hosting.rs: a_404_page_finds_its_links_at_any_depth…).
            if rel.ends_with("404.html") && html.contains(&format!("<base href=\"{link}\">")) {
                continue;
            }
            let frag = link.split_once('#').map(|(_, f)| f);
            if let Some(frag) = frag.filter(|_| link.starts_with('#') || link.starts_with("404.html#")) {
                assert!(ids.iter().any(|i| i == frag), "{rel}: broken fragment #{frag}");
                checked += 1;
                continue;
            }
            if let Some(p) = link.strip_prefix(ABS) {
                let target = if p.is_empty() || p.ends_with('/') {
                    format!("{p}index.html")
                } else {
                    p.to_string()
                };
                assert!(all.contains_key(&target), "{rel}: broken absolute link {link}");
                continue;
            }
            if link.starts_with("https://creativecommons.org/") {
                continue;
            }
            let target = resolve(rel, &link).unwrap_or_else(|| panic!("{rel}: a link that is not relative: {link}"));
            // A folder (`../2019/`) would open as a list of files from file://.
            assert!(
                all.contains_key(&target),
                "{rel}: broken link {link} (no file {target})"
            );
            checked += 1;
        }
    }
    assert!(checked > 500, "only {checked} links checked");
}

#[test]
fn hreflang_pairs_point_at_each_other() {
    let (_tmp, out) = build_example();
    let all = files(&out);
    for rel in all
        .keys()
        .filter(|r| r.ends_with("index.html") && !r.starts_with("en/"))
    {
        let zh = read(&out, rel);
        let en_rel = format!("en/{rel}");
        let en = read(&out, &en_rel);
        let page = rel.trim_end_matches("index.html");
        let zh_url = format!("{ABS}{page}");
        let en_url = format!("{ABS}en/{page}");
        for (html, which) in [(&zh, rel.as_str()), (&en, en_rel.as_str())] {
            let alts = alternates(html);
            assert!(
                alts.contains(&("zh-CN".into(), zh_url.clone())),
                "{which}: no zh alternate {zh_url}"
            );
            assert!(
                alts.contains(&("en".into(), en_url.clone())),
                "{which}: no en alternate {en_url}"
            );
        }
        // The language switcher leads to the same page in the other language.
        let switch = |html: &str| {
            let at = html.find("class=\"lang-switch\"").unwrap();
            attrs(&html[at..], "href")[0].clone()
        };
        assert_eq!(resolve(rel, &switch(&zh)), Some(en_rel.clone()), "{rel}: switcher");
        assert_eq!(resolve(&en_rel, &switch(&en)), Some(rel.clone()), "{en_rel}: switcher");
    }
}

#[test]
fn cjk_bold_renders_in_the_narrative() {
    let (_tmp, out) = build_example();
    let html = read(&out, "parks/daxiang/2021/index.html");
    assert!(
        html.contains("<strong>一是科学编制“十四五”发展规划。</strong>"),
        "bold lead phrase must render"
    );
    assert!(!text(&html).contains("**"), "no stray asterisks in the page");
}

#[test]
fn english_page_without_translation_says_the_narrative_is_chinese_only() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_example(&root);
    std::fs::remove_file(root.join("content/parks/daxiang/2021.en.md")).unwrap();
    gongkai::build(&root, None, false).unwrap();
    let en = std::fs::read_to_string(root.join("public/en/parks/daxiang/2021/index.html")).unwrap();
    assert!(en.contains("The text of this report is available in Chinese only."));
    assert!(en.contains("Hunan Daxiang Industrial Concentration Zone 2021 Department-wide Expenditure Performance Self-Evaluation Report"));
    assert!(text(&en).contains("Gross output of industrial enterprises above designated size 110.74 CNY 100 million"));
}

#[test]
fn output_is_deterministic() {
    let (_a, one) = build_example();
    let (_b, two) = build_example();
    let (fa, fb) = (files(&one), files(&two));
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (rel, p) in &fa {
        assert_eq!(
            std::fs::read(p).unwrap(),
            std::fs::read(&fb[rel]).unwrap(),
            "{rel} differs between builds"
        );
    }
}

#[test]
fn a_mismatch_shows_a_notice_in_both_languages_and_every_check_is_in_the_json() {
    let (_tmp, out) = build_example();
    let zh = text(&read(&out, "parks/wangcheng/2019/index.html"));
    assert!(zh.contains("数据不一致提示"), "zh notice");
    assert!(
        zh.contains("报告所列 36.40%，按其他数据计算为 36.76%"),
        "zh notice names the figures"
    );
    let en = text(&read(&out, "en/parks/wangcheng/2019/index.html"));
    assert!(en.contains("The figures below do not add up"));
    assert!(en.contains("stated 36.40%, the other figures give 36.76%"));
    // No notice where everything adds up (大祥 has too few figures to check anything).
    assert!(!text(&read(&out, "parks/daxiang/2021/index.html")).contains("数据不一致提示"));
    let json: serde_json::Value = serde_json::from_str(&read(&out, "parks/wangcheng/2019/report.json")).unwrap();
    let checks = json["checks"].as_array().unwrap();
    assert!(checks.len() >= 15, "{} checks", checks.len());
    let sum = &json["check_summary"];
    assert_eq!(sum["mismatch"], 1);
    assert_eq!(
        sum["passed"].as_u64().unwrap() + sum["rounding"].as_u64().unwrap() + 1,
        checks.len() as u64
    );
    let vehicles = checks
        .iter()
        .find(|c| c["rule"] == "three_public.vehicles.rate")
        .unwrap();
    assert_eq!(vehicles["status"], "mismatch");
    assert_eq!(vehicles["stated"].to_string(), "36.40");
    assert_eq!(vehicles["computed"].to_string(), "36.76");
    let dx: serde_json::Value = serde_json::from_str(&read(&out, "parks/daoxian/2023/report.json")).unwrap();
    let basic = dx["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["rule"] == "expenditure.basic = personnel + public")
        .unwrap();
    assert_eq!(basic["status"], "rounding");
}

#[test]
fn project_report_shows_goals_and_indicators_and_fills_indicators_csv() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_example(&root);
    let fixtures = repo().join("tests/fixtures");
    std::fs::copy(
        fixtures.join("project-report.md"),
        root.join("content/parks/lengshuitan/2022-factories.md"),
    )
    .unwrap();
    std::fs::copy(
        fixtures.join("project-report.en.md"),
        root.join("content/parks/lengshuitan/2022-factories.en.md"),
    )
    .unwrap();
    gongkai::build(&root, None, false).unwrap_or_else(|f| panic!("{:?}", f.diagnostics()));
    let out = root.join("public");
    let zh = text(&read(&out, "parks/lengshuitan/2022/index.html"));
    for s in [
        "年度总体目标",
        "新建标准厂房不少于10万平方米",
        "绩效指标",
        "新建标准厂房面积",
        "部分企业推迟入驻",
        "项目资金",
        "480.50",
        "96.10%",
    ] {
        assert!(zh.contains(s), "zh lacks {s}");
    }
    let en = text(&read(&out, "en/parks/lengshuitan/2022/index.html"));
    for s in [
        "Annual overall objectives",
        "Floor area of new standard factories",
        "Some enterprises postponed moving in",
        "Reasons for deviation and corrective measures",
    ] {
        assert!(en.contains(s), "en lacks {s}");
    }
    // Every indicator is translated: no Chinese left in the English form (tests/forms.rs
    // checks that an untranslated one is shown in Chinese, marked as such) but the grade as
    // printed, beside its English name.
    let page = read(&out, "en/parks/lengshuitan/2022/index.html");
    let form = form_of(&page);
    assert!(form.contains("Excellent (<span lang=\"zh-CN\">优</span>)"));
    assert!(
        !form
            .replace("<span lang=\"zh-CN\">优</span>", "")
            .contains("lang=\"zh-CN\"")
    );
    // 48 + 28.5 + 9 + funds row 9.61 = 95.11 = the stated score; weights 50 + 30 + 10 + 10 = 100:
    // nothing in the fixture's form disagrees (the form's rules are tested with the checks).
    let json: serde_json::Value = serde_json::from_str(&read(&out, "parks/lengshuitan/2022/report.json")).unwrap();
    let checks = json["checks"].as_array().unwrap();
    assert!(!checks.is_empty());
    assert!(checks.iter().all(|c| c["status"] != "mismatch"), "{checks:?}");
    let csv = read(&out, "data/indicators.csv");
    assert_eq!(
        csv.lines().count(),
        9,
        "header + 8 indicator rows (the blank one included)"
    );
    // The target and result read from the text (不少于20家 → >= 20 家; 18家 → 18: missed).
    assert!(csv.contains("lengshuitan-2022-project,5,效益指标,经济效益指标,入驻企业数,不少于20家,20,18家,18,,15,13.5,部分企业推迟入驻，下一步加强招商。,>=,家,家,false,Outcomes,Economic,Enterprises moving in,At least 20,18,Some enterprises postponed moving in; investment promotion will be stepped up."));
}

/// The self-evaluation form's section of a report page.
fn form_of(html: &str) -> &str {
    let at = html.find("<section class=\"form\"").expect("a form");
    &html[at..at + html[at..].find("</section>").unwrap()]
}

/// `<meta name="…" content="…">` values of a page.
fn meta(html: &str, name: &str) -> Option<String> {
    let needle = format!("<meta name=\"{name}\" content=\"");
    let start = html.find(&needle)? + needle.len();
    Some(html[start..start + html[start..].find('"')?].to_string())
}

#[test]
fn every_page_type_carries_the_government_site_metadata() {
    let (_tmp, out) = build_example();
    let pages = [
        "index.html",
        "parks/index.html",
        "parks/wangcheng/index.html",
        "parks/wangcheng/2019/index.html",
        "years/index.html",
        "years/2019/index.html",
        "data/index.html",
        "404.html",
    ];
    for lang in ["", "en/"] {
        for page in pages {
            let html = read(&out, &format!("{lang}{page}"));
            assert_eq!(meta(&html, "SiteName").as_deref(), Some("示例市财政局"), "{lang}{page}");
            assert_eq!(meta(&html, "SiteDomain").as_deref(), Some("www.example.gov.cn"));
            assert_eq!(meta(&html, "SiteIDCode").as_deref(), Some("0000000000"));
            for tag in [
                "ColumnName",
                "ColumnDescription",
                "ColumnKeywords",
                "ColumnType",
                "Keywords",
                "Description",
                "Author",
                "Url",
            ] {
                assert!(meta(&html, tag).is_some_and(|v| !v.is_empty()), "{lang}{page}: {tag}");
            }
            assert_eq!(meta(&html, "ColumnType").as_deref(), Some("信息公开"));
            assert!(html.contains("<meta property=\"og:title\"") && html.contains("<link rel=\"canonical\""));
            let article = page.starts_with("parks/wangcheng/2019/");
            assert_eq!(
                meta(&html, "ArticleTitle").is_some(),
                article,
                "{lang}{page}: ArticleTitle only on reports"
            );
            assert_eq!(meta(&html, "ContentSource").is_some(), article);
        }
    }
    let report = read(&out, "parks/wangcheng/2019/index.html");
    assert_eq!(
        meta(&report, "ContentSource").as_deref(),
        Some("望城经济技术开发区管理委员会")
    );
    assert_eq!(
        meta(&report, "Url").as_deref(),
        Some("https://www.example.gov.cn/xxgk/jxpj/parks/wangcheng/2019/")
    );
    // The seed reports give no publication time: no PubDate rather than a made-up one.
    assert!(meta(&report, "PubDate").is_none());
    assert!(
        !report.contains(&format!("{}", 2026)),
        "no build-time date leaks into the page"
    );
}

#[test]
fn pub_date_is_the_reports_own_publication_time() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_example(&root);
    let file = root.join("content/parks/wangcheng/2019.md");
    let source = std::fs::read_to_string(&file).unwrap().replacen(
        "\nyear: 2019\n",
        "\nyear: 2019\npublished: \"2020-06-28 10:30\"\nupdated: \"2020-07-02 09:00\"\n",
        1,
    );
    std::fs::write(&file, source).unwrap();
    gongkai::build(&root, None, false).unwrap_or_else(|f| panic!("{:?}", f.diagnostics()));
    let html = std::fs::read_to_string(root.join("public/parks/wangcheng/2019/index.html")).unwrap();
    assert_eq!(meta(&html, "PubDate").as_deref(), Some("2020-06-28 10:30"));
    assert!(html.contains("<meta property=\"article:published_time\" content=\"2020-06-28T10:30:00+08:00\">"));
    assert!(
        html.contains("<time datetime=\"2020-06-28T10:30\">2020-06-28 10:30</time>"),
        "published shown"
    );
    assert!(
        html.contains("<time datetime=\"2020-07-02T09:00\">2020-07-02 09:00</time>"),
        "last updated shown"
    );
    let feed = std::fs::read_to_string(root.join("public/feed.xml")).unwrap();
    assert!(
        feed.contains("<published>2020-06-28T10:30:00+08:00</published>")
            && feed.contains("<updated>2020-07-02T09:00:00+08:00</updated>")
    );
}

#[test]
fn two_kinds_in_one_year_get_kind_slugs_and_a_bureau_lists_its_parks() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_example(&root);
    // A project report in the same year as 冷水滩's department report.
    let project = std::fs::read_to_string(repo().join("tests/fixtures/project-report.md"))
        .unwrap()
        .replace("year: 2022", "year: 2021");
    std::fs::write(root.join("content/parks/lengshuitan/2021-factories.md"), project).unwrap();
    // A city bureau filing a special-fund report covering two parks.
    let bureau = root.join("content/parks/yongzhou-bureau");
    std::fs::create_dir_all(&bureau).unwrap();
    std::fs::write(bureau.join("_index.md"), "---\nname: 永州市工信局\nname_en: Yongzhou Bureau of Industry and Information Technology\nunit_type: bureau\ncovers: [lengshuitan, daoxian]\n---\n市级主管部门。\n").unwrap();
    gongkai::build(&root, None, false).unwrap_or_else(|f| panic!("{:?}", f.diagnostics()));
    let out = root.join("public");
    for lang in ["", "en/"] {
        assert!(
            out.join(format!("{lang}parks/lengshuitan/2021-department/index.html"))
                .is_file()
        );
        assert!(
            out.join(format!("{lang}parks/lengshuitan/2021-project/index.html"))
                .is_file()
        );
        assert!(!out.join(format!("{lang}parks/lengshuitan/2021/index.html")).exists());
    }
    let page = read(&out, "parks/yongzhou-bureau/index.html");
    assert!(page.contains("涉及园区") && page.contains("href=\"../lengshuitan/index.html\">冷水滩高科技工业园</a>"));
    assert!(read(&out, "en/parks/yongzhou-bureau/index.html").contains("Parks covered"));
}
