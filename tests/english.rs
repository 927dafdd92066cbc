//! English pages read in English: no Chinese characters outside elements marked as Chinese
//! (`lang="zh…"`: names and quotations), and the report pages' glossary, human-scale amounts,
//! key figures and targets in both languages.

mod common;
use common::*;

/// True for Han characters and CJK or full-width punctuation.
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// The visible text of `html` (and its `title`, `alt`, `aria-label`, `placeholder`
/// attributes) that holds Chinese characters outside any element whose `lang` starts with
/// `zh`. A small walker over the tags: our pages are well formed (the Nu checker sees to it);
/// `<script>` and `<style>` are not text, nor are `<meta>` values (SiteName …, the portal's
/// records, which are Chinese by rule).
fn han_outside_zh(html: &str) -> Vec<String> {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "!doctype",
    ];
    let mut found = Vec::new();
    // Open elements: (name, inside Chinese).
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut rest = html;
    let zh_now = |stack: &Vec<(String, bool)>| stack.last().is_some_and(|(_, zh)| *zh);
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if !zh_now(&stack) && rest.chars().any(is_han) {
                found.push(rest.trim().to_string());
            }
            break;
        };
        let text = &rest[..lt];
        if !zh_now(&stack) && text.chars().any(is_han) {
            found.push(text.trim().to_string());
        }
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            rest = &rest[rest.find("-->").map_or(rest.len(), |i| i + 3)..];
            continue;
        }
        let gt = rest.find('>').expect("unclosed tag");
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim().to_ascii_lowercase();
            while let Some((open, _)) = stack.pop() {
                if open == name {
                    break;
                }
            }
            continue;
        }
        let name: String = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let lang = attrs(&format!(" {tag}"), "lang").into_iter().next();
        let zh = match &lang {
            Some(l) => l.to_ascii_lowercase().starts_with("zh"),
            None => zh_now(&stack),
        };
        if !zh && name != "meta" {
            for attr in ["title", "alt", "aria-label", "placeholder"] {
                for v in attrs(&format!(" {tag}"), attr) {
                    if v.chars().any(is_han) {
                        found.push(format!("{attr}=\"{v}\""));
                    }
                }
            }
        }
        if name == "script" || name == "style" {
            let end = format!("</{name}");
            rest = &rest[rest.find(&end).unwrap_or(rest.len())..];
            continue;
        }
        if VOID.contains(&name.as_str()) || tag.ends_with('/') {
            continue;
        }
        stack.push((name, zh));
    }
    found
}

#[test]
fn the_walker_sees_chinese_only_outside_chinese_elements() {
    assert!(han_outside_zh("<p lang=\"zh-CN\">三公 <b>经费</b></p><p>ok</p>").is_empty());
    assert_eq!(han_outside_zh("<p>325 项</p>"), vec!["325 项"]);
    assert_eq!(
        han_outside_zh("<div lang=\"zh\"><p lang=\"en\">x 条</p></div>"),
        vec!["x 条"]
    );
    assert!(han_outside_zh("<script>// 适老化</script><style>/* 中 */</style><meta content=\"信息公开\">").is_empty());
    assert_eq!(han_outside_zh("<a title=\"名词\">x</a>"), vec!["title=\"名词\""]);
    assert!(han_outside_zh("<br><img alt=\"\"><!-- 注释 --><span lang=\"zh-CN\">优</span>").is_empty());
}

#[test]
fn every_english_page_has_no_chinese_outside_elements_marked_chinese() {
    let (_tmp, out) = build_example();
    let mut problems = Vec::new();
    let mut pages = 0;
    for (rel, path) in files(&out) {
        if !(rel.starts_with("en/") && rel.ends_with(".html")) {
            continue;
        }
        pages += 1;
        let html = std::fs::read_to_string(path).unwrap();
        for f in han_outside_zh(&html) {
            problems.push(format!("{rel}: {}", f.chars().take(80).collect::<String>()));
        }
    }
    assert!(pages >= 15, "only {pages} English pages");
    assert!(
        problems.is_empty(),
        "{} Chinese fragments:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

fn read(out: &std::path::Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The key-figure tiles of a report page, as text.
fn tiles(html: &str) -> String {
    let a = html.find("<ul class=\"key-figures\">").unwrap();
    let b = a + html[a..].find("</ul>").unwrap();
    text(&html[a..b])
}

#[test]
fn glossary_pages_define_every_term_at_its_anchor_and_reports_link_to_them() {
    let (_tmp, out) = build_example();
    let zh = read(&out, "glossary/index.html");
    let en = read(&out, "en/glossary/index.html");
    for id in [
        "three-public",
        "final-accounts",
        "budget",
        "basic-expenditure",
        "project-expenditure",
        "personnel-expenses",
        "public-expenses",
        "execution-rate",
        "self-evaluation-score",
        "grade",
        "initial-budget",
        "full-year-budget",
        "carry-forward",
        "performance-indicators",
        "computed",
    ] {
        for page in [&zh, &en] {
            assert!(page.contains(&format!("id=\"{id}\"")), "glossary lacks #{id}");
        }
    }
    assert!(text(&zh).contains("三公经费"));
    assert!(text(&zh).contains("不是审计"));
    assert!(text(&en).contains("Three public expenses"));
    assert!(en.contains("<span class=\"term-other\" lang=\"zh-CN\">三公经费</span>"));
    // Every page links to the glossary from its footer.
    for (page, href) in [
        ("index.html", "glossary/index.html"),
        ("parks/wangcheng/2019/index.html", "../../../glossary/index.html"),
        ("en/parks/wangcheng/2019/index.html", "../../../glossary/index.html"),
    ] {
        assert!(read(&out, page).contains(&format!("<a href=\"{href}\">")), "{page}");
    }
    // Report tiles link their terms; the page says the score is the unit's own.
    let report = read(&out, "parks/lengshuitan/2021/index.html");
    assert!(report.contains("href=\"../../../glossary/index.html#three-public\">“三公”经费</a>"));
    assert!(report.contains("href=\"../../../glossary/index.html#self-evaluation-score\">自评得分</a>"));
    assert!(text(&report).contains("给自己打的分（自评），不是审计结论"));
    let report = read(&out, "en/parks/lengshuitan/2021/index.html");
    assert!(
        text(&report).contains("the unit's own self-evaluation")
            || report.contains("the unit&#39;s own self-evaluation")
    );
}

#[test]
fn large_amounts_are_also_given_at_human_scale_and_exact_as_stated() {
    let (_tmp, out) = build_example();
    let zh = read(&out, "parks/wangcheng/2019/index.html");
    let t = tiles(&zh);
    assert!(t.contains("166,246.71 万元 约16.6亿元"), "{t}");
    assert!(
        text(&zh).contains("166,246.71 万元 约16.6亿元"),
        "tables give the reading first in the details"
    );
    let en = read(&out, "en/parks/wangcheng/2019/index.html");
    let t = tiles(&en);
    assert!(t.contains("166,246.71 CNY 10,000 about CNY 1.66 billion"), "{t}");
    // Below 1亿元 a Chinese page adds nothing.
    let t = tiles(&read(&out, "parks/lengshuitan/2021/index.html"));
    assert!(t.contains("1,545.30 万元") && !t.contains("1,545.30 万元 约"), "{t}");
}

#[test]
fn tiles_show_stated_figures_and_sums_of_stated_parts_marked_as_computed() {
    let (_tmp, out) = build_example();
    // 道县 states no total, but its basic spending and every budget's project spending.
    let t = tiles(&read(&out, "parks/daoxian/2023/index.html"));
    assert!(t.contains("整体支出 17,081.29 万元 约1.71亿元 计算值"), "{t}");
    assert!(t.contains("项目支出 16,529.01 万元 约1.65亿元 计算值"), "{t}");
    assert!(
        t.contains("基本支出 552.28 万元 项目支出"),
        "stated figures are not marked: {t}"
    );
    // 冷水滩 states the three lines of “三公”经费 (one in 元) but not their total.
    let t = tiles(&read(&out, "parks/lengshuitan/2021/index.html"));
    assert!(t.contains("“三公”经费 5.85 万元 计算值"), "{t}");
    let t = tiles(&read(&out, "en/parks/lengshuitan/2021/index.html"));
    assert!(t.contains("5.85 CNY 10,000 Computed"), "{t}");
    // 望城 states its total: not computed.
    let t = tiles(&read(&out, "parks/wangcheng/2019/index.html"));
    assert!(t.contains("“三公”经费 40.14 万元") && !t.contains("计算值"), "{t}");
}

#[test]
fn missing_site_metadata_is_hidden_and_shares_keep_their_base() {
    let (_tmp, out) = build_example();
    for page in ["parks/wangcheng/2019/index.html", "en/parks/wangcheng/2019/index.html"] {
        let html = read(&out, page);
        let meta = &html[html.find("<dl class=\"report-meta\">").unwrap()..];
        let meta = text(&meta[..meta.find("</dl>").unwrap()]);
        for word in [
            "发布日期",
            "最后更新",
            "Published",
            "Last updated",
            "未披露",
            "Not disclosed",
        ] {
            assert!(!meta.contains(word), "{page}: {word} in {meta}");
        }
    }
    let zh = text(&read(&out, "parks/wangcheng/2019/index.html"));
    assert!(!zh.contains("占 72%"), "share without its base");
    assert!(zh.contains("高新技术产值，占工业总产值的72%"));
    let en = text(&read(&out, "en/parks/wangcheng/2019/index.html"));
    assert!(!en.contains("72% of ;") && en.contains("share: 72%"), "English share");
    assert!(en.contains("99.85% of total income"));
}

/// The glossary links put on the first use of each term on a page: (term id, linked text).
fn term_links(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("<a class=\"term\" href=\"") {
        rest = &rest[i..];
        let href_end = rest.find("\">").unwrap();
        let id = rest[..href_end].rsplit('#').next().unwrap().to_string();
        let close = rest.find("</a>").unwrap();
        out.push((id, rest[href_end + 2..close].to_string()));
        rest = &rest[close..];
    }
    out
}

#[test]
fn the_first_use_of_each_term_on_a_page_links_to_its_definition() {
    let (_tmp, out) = build_example();
    let glossary = read(&out, "glossary/index.html");
    for page in [
        "parks/wangcheng/2019/index.html",
        "parks/daoxian/2023/index.html",
        "parks/lengshuitan/2022/index.html",
        "en/parks/wangcheng/2019/index.html",
        "index.html",
        "years/2021/index.html",
        "parks/lengshuitan/index.html",
    ] {
        let html = read(&out, page);
        let links = term_links(&html);
        assert!(!links.is_empty(), "{page}: no term linked");
        let mut ids: Vec<&String> = links.iter().map(|(id, _)| id).collect();
        ids.sort();
        let before = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), before, "{page}: a term linked twice: {links:?}");
        for (id, _) in &links {
            assert!(
                glossary.contains(&format!("id=\"{id}\"")),
                "{page}: #{id} is not on the glossary page"
            );
            // A term a tile already links is not linked again.
            assert!(
                !html.contains(&format!("<a href=\"../../../glossary/index.html#{id}\">")),
                "{page}: #{id} linked by a tile and again in the text"
            );
        }
        // Only inside <main>, never in the page title.
        let main = html.find("<main").unwrap();
        assert!(html[..main].find("class=\"term\"").is_none(), "{page}");
        let h1 = html.find("<h1").unwrap();
        let h1_end = h1 + html[h1..].find("</h1>").unwrap();
        assert!(!html[h1..h1_end].contains("class=\"term\""), "{page}");
    }
    // The report's narrative and tables: the first 一般公共预算 and 财政拨款 of 望城 are
    // linked, and the longest term wins (一般公共预算 is not a use of 预算).
    let links = term_links(&read(&out, "parks/wangcheng/2019/index.html"));
    for (id, text) in [
        ("general-public-budget", "一般公共预算"),
        ("budget", "预算"),
        ("fiscal-appropriations", "财政拨款"),
        ("execution-rate", "执行率"),
        ("target-actual", "实际完成值"),
    ] {
        assert!(
            links.contains(&(id.to_string(), text.to_string())),
            "{id} {text}: {links:?}"
        );
    }
    let links = term_links(&read(&out, "en/parks/wangcheng/2019/index.html"));
    assert!(
        links
            .iter()
            .any(|(id, t)| id == "fiscal-appropriations" && t.eq_ignore_ascii_case("fiscal appropriations")),
        "{links:?}"
    );
    // Names are never broken up by links (管理委员会, 工业园 are not linked).
    let html = read(&out, "parks/lengshuitan/2022/index.html");
    assert!(html.contains("冷水滩高科技工业园管理委员会"));
}

#[test]
fn targets_are_compared_with_results_near_the_top_of_the_report() {
    let (_tmp, out) = build_example();
    let html = read(&out, "parks/lengshuitan/2022/index.html");
    let at = html.find("id=\"h-progress\"").expect("targets summary");
    assert!(
        at < html.find("id=\"h-figures\"").unwrap(),
        "summary is above the tables"
    );
    // Without the spaces `text` puts where tags were.
    let t: String = text(&html[at..]).chars().filter(|c| *c != ' ').collect();
    assert!(
        t.contains("已达成：5") && t.contains("未达成：2") && t.contains("部分达成：1"),
        "{}",
        &t[..300]
    );
    assert!(t.contains("未达成入驻企业数：目标不少于20家，实际18家"));
    assert!(t.contains("未达成按期完工率：目标≥90%，实际85%"));
    assert!(t.contains("已达成单位面积建设成本：目标≤1800元/平方米，实际1750元/平方米"));
    assert!(t.contains("部分达成年度总体目标"));
    let en = text(&read(&out, "en/parks/lengshuitan/2022/index.html"))
        .replace(" :", ":")
        .replace(" ;", ";");
    assert!(
        en.contains("Not met Enterprises moving in: target At least 20; result 18"),
        "{en}"
    );
    assert!(en.contains("Partly met Annual objective"));
    // Economic targets the report sets (`economy[].target`): a count against its value, a
    // growth target against the stated change.
    let t: String = text(&read(&out, "parks/lengshuitan/2021/index.html"))
        .chars()
        .filter(|c| *c != ' ')
        .collect();
    assert!(t.contains("未达成：3"), "{t}");
    assert!(t.contains("未达成新签约项目：目标30个以上，实际21个"), "{t}");
    assert!(t.contains("未达成新开工项目：目标需达到20个，实际13个"));
    let t: String = text(&read(&out, "parks/wangcheng/2019/index.html"))
        .chars()
        .filter(|c| *c != ' ')
        .collect();
    assert!(
        t.contains("已达成规模工业总产值：目标同比增长13%，实际663.4亿元，同比增长17.3%"),
        "{t}"
    );
    assert!(t.contains("无法比较高新技术产业产值：目标高新技术企业产值同比增长13%，实际475.6亿元"));
    let en = text(&read(&out, "en/parks/wangcheng/2019/index.html"))
        .replace(" :", ":")
        .replace(" ;", ";");
    assert!(
        en.contains("Met Tax revenue: target growth of 15%; result 42.15 CNY 100 million, up 24.8%"),
        "{en}"
    );
    // A report that states no targets shows no summary.
    assert!(!read(&out, "parks/daxiang/2021/index.html").contains("h-progress"));
}
