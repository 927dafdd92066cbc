//! Languages are a list in site.toml: the example site with a third language, `zh-Hant`,
//! checked the way a reader meets it — its pages, links, language switcher, hreflang,
//! sitemap, feed and search index.

mod common;
use common::*;
use gongkai::lang::Lang;
use gongkai::search::query::{Filters, Index};
use std::path::{Path, PathBuf};

/// The `<base>` of the zh-Hant 404 page.
const BASE_HANT: &str = "/xxgk/jxpj/zh-hant/";
const ABS: &str = "https://www.example.gov.cn/xxgk/jxpj/";

/// The translated report: its title, and a word (橫衝, a park's name in Traditional
/// characters) that no other text of the site contains.
const TRANSLATION: &str = "---
title: 湖南省大祥工業集中區管理委員會部門整體支出績效評價報告
unit_name: 湖南省大祥工業集中區管理委員會
summary: 2021年，大祥工業集中區完成規模以上工業總產值110.74億元、實繳稅金4.92億元。
---
## 一、績效管理工作開展情況

積極推進橫衝科技產業園污水處理站項目建設。
";
const TITLE: &str = "湖南省大祥工業集中區管理委員會部門整體支出績效評價報告";

/// The example site with `zh-Hant` added and the daxiang 2021 report translated into it.
fn three_languages() -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = example_copy();
    edit(
        &root.join("site.toml"),
        "languages = [\"zh\", \"en\"]",
        "languages = [\"zh\", \"en\", \"zh-Hant\"]",
    );
    std::fs::write(root.join("content/parks/daxiang/2021.zh-Hant.md"), TRANSLATION).unwrap();
    (tmp, root)
}

fn build(root: &Path) -> (PathBuf, gongkai::BuildSummary) {
    let out = root.join("public");
    let summary =
        gongkai::build(root, Some(&out), false).unwrap_or_else(|f| panic!("build failed: {:#?}", f.diagnostics()));
    (out, summary)
}

/// The folder of each language below the site root, with its `hreflang`.
const LANGS: [(&str, &str); 3] = [("", "zh-CN"), ("en/", "en"), ("zh-hant/", "zh-Hant")];

/// The `href`s of the language switcher's links.
fn switcher(html: &str) -> Vec<String> {
    html.split("class=\"lang-switch\" href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

#[test]
fn a_third_language_gets_every_page_with_links_hreflang_sitemap_and_search() {
    let (_tmp, root) = three_languages();
    let (out, summary) = build(&root);
    let all = files(&out);
    // Every page of the site, as its language-neutral path (from the Chinese pages).
    let pages: Vec<String> = all
        .keys()
        .filter(|p| p.ends_with("index.html") && !p.starts_with("en/") && !p.starts_with("zh-hant/"))
        .map(|p| p.trim_end_matches("index.html").to_string())
        .collect();
    assert!(pages.len() >= 16, "{pages:?}");
    assert_eq!(summary.pages, pages.len() * 3);
    for page in &pages {
        for (folder, hreflang) in LANGS {
            let file = format!("{folder}{page}index.html");
            let html = std::fs::read_to_string(out.join(&file)).unwrap_or_else(|_| panic!("no {file}"));
            assert!(html.contains(&format!("<html lang=\"{hreflang}\">")), "{file}");
            // hreflang for all three languages and x-default, the Chinese page.
            let want: Vec<(String, String)> = LANGS
                .iter()
                .map(|(f, h)| (h.to_string(), format!("{ABS}{f}{page}")))
                .chain([("x-default".to_string(), format!("{ABS}{page}"))])
                .collect();
            assert_eq!(alternates(&html), want, "{file}");
            // The switcher links to the page in the two other languages, in the site's order.
            let others: Vec<Option<String>> = LANGS
                .iter()
                .filter(|(f, _)| *f != folder)
                .map(|(f, _)| Some(format!("{f}{page}index.html")))
                .collect();
            let linked: Vec<Option<String>> = switcher(&html).iter().map(|l| resolve(&file, l)).collect();
            assert_eq!(linked, others, "{file}");
        }
    }
    for file in ["zh-hant/404.html", "zh-hant/feed.xml", "zh-hant/search/index.html"] {
        assert!(all.contains_key(file), "no {file}");
    }

    // The translated report shows its translated title and text; the others fall back to the
    // Chinese title, with the notice that their text is in Simplified Chinese only.
    let report = std::fs::read_to_string(out.join("zh-hant/parks/daxiang/2021/index.html")).unwrap();
    assert!(report.contains(&format!("<h1>{TITLE}</h1>")), "{report}");
    assert!(report.contains(&format!("<title>{TITLE} - ")));
    assert!(text(&report).contains("積極推進橫衝科技產業園污水處理站項目建設"));
    assert!(
        report.contains("以簡體中文版為準"),
        "a translation says the Chinese prevails"
    );
    let other = std::fs::read_to_string(out.join("zh-hant/parks/lengshuitan/2021/index.html")).unwrap();
    assert!(text(&other).contains("本報告正文僅有簡體中文版。"));
    assert!(
        other.contains("<h1>2021年度部门整体支出绩效自评报告</h1>"),
        "the Chinese title"
    );
    let feed = std::fs::read_to_string(out.join("zh-hant/feed.xml")).unwrap();
    assert!(feed.contains("xml:lang=\"zh-Hant\"") && feed.contains(&format!("<title>{TITLE}</title>")));

    // The sitemap lists every page in every language, each with its three alternates.
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    for page in &pages {
        for (folder, _) in LANGS {
            assert!(
                sitemap.contains(&format!("<loc>{ABS}{folder}{page}</loc>")),
                "{folder}{page}"
            );
        }
    }
    assert_eq!(sitemap.matches("<loc>").count(), pages.len() * 3);
    assert_eq!(sitemap.matches("hreflang=\"zh-Hant\"").count(), pages.len() * 3);

    // The zh-Hant search index finds the word only its translation holds.
    let search_page = std::fs::read_to_string(out.join("zh-hant/search/index.html")).unwrap();
    assert!(search_page.contains("data-index=\"zh-hant/\" data-root=\"../../\""));
    let mut index = Index::open(&out, Lang::new("zh-Hant", false)).unwrap();
    let hits = index.search("橫衝", &Filters::default());
    assert_eq!(
        hits.first().map(|h| h.url.as_str()),
        Some("/zh-hant/parks/daxiang/2021/")
    );
    let mut zh = Index::open(&out, Lang::new("zh", true)).unwrap();
    assert!(
        zh.search("橫衝", &Filters::default()).is_empty(),
        "only zh-Hant holds the word"
    );

    // No link on a zh-Hant page leads to a file that is not there.
    let mut checked = 0;
    for (rel, path) in all
        .iter()
        .filter(|(r, _)| r.starts_with("zh-hant/") && r.ends_with(".html"))
    {
        let html = std::fs::read_to_string(path).unwrap();
        for link in attrs(&html, "href").into_iter().chain(attrs(&html, "src")) {
            if link.starts_with('#') || link.starts_with("https://creativecommons.org/") || link == BASE_HANT {
                continue; // a fragment, the licence, the 404 page's <base>
            }
            let target = match link.strip_prefix(ABS) {
                Some(p) if p.is_empty() || p.ends_with('/') => format!("{p}index.html"),
                Some(p) => p.to_string(),
                None => resolve(rel, &link).unwrap_or_else(|| panic!("{rel}: a link that is not relative: {link}")),
            };
            assert!(all.contains_key(&target), "{rel}: broken link {link} (no {target})");
            checked += 1;
        }
    }
    assert!(checked > 300, "only {checked} links checked");
}

#[test]
fn a_language_without_ui_strings_is_an_error_that_says_what_to_add() {
    let (_tmp, root) = three_languages();
    let strings = root.join("themes/default/i18n/zh-Hant.toml");
    std::fs::remove_file(&strings).unwrap();
    let failure = gongkai::build(&root, Some(&root.join("public")), false).unwrap_err();
    let messages: Vec<String> = failure
        .diagnostics()
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.to_string())
        .collect();
    assert_eq!(
        messages,
        [format!(
            "{}: error: the theme has no UI strings for language `zh-Hant`\n  help: site.toml lists `zh-Hant` in languages: copy {} to zh-Hant.toml and translate its strings, or remove `zh-Hant` from languages",
            strings.display(),
            root.join("themes/default/i18n/zh.toml").display()
        )]
    );
}

#[test]
fn a_translation_into_a_language_the_site_does_not_build_is_not_read() {
    let (_tmp, root) = example_copy();
    std::fs::write(root.join("content/parks/daxiang/2021.zh-Hant.md"), TRANSLATION).unwrap();
    let (out, summary) = build(&root);
    let warning = summary
        .warnings
        .iter()
        .find(|d| d.file.ends_with("2021.zh-Hant.md"))
        .expect("a warning for the file");
    assert_eq!(
        warning.to_string(),
        format!(
            "{}: warning: this file is not read: `zh-Hant` is not one of the site's languages\n  help: to publish it, add \"zh-Hant\" to languages in site.toml and a UI strings file i18n/zh-Hant.toml to the theme; otherwise move it out of content/",
            root.join("content/parks/daxiang/2021.zh-Hant.md").display()
        )
    );
    assert!(!out.join("zh-hant").exists());
}

/// Every output file of a full build of `root`, and what was loaded.
fn render(root: &Path) -> (gongkai::Loaded, std::collections::BTreeMap<String, Vec<u8>>) {
    let loaded = gongkai::load(root).unwrap_or_else(|f| panic!("{:?}", f.diagnostics()));
    let files = gongkai::render(&loaded)
        .unwrap()
        .into_iter()
        .map(|f| (f.path, f.bytes))
        .collect();
    (loaded, files)
}

#[test]
fn serve_updates_a_third_language_like_a_full_build() {
    let (_tmp, root) = three_languages();
    let (old, mut files) = render(&root);
    // A new translation of the daoxian report: its page and the zh-Hant index change.
    let translation = TRANSLATION.replace("2021年", "2023年");
    std::fs::write(root.join("content/parks/daoxian/2023.zh-Hant.md"), translation).unwrap();
    let ids = std::collections::BTreeSet::from(["daoxian".to_string()]);
    gongkai::incremental::update(&old, &root, &ids, &mut files)
        .unwrap_or_else(|f| panic!("{:?}", f.diagnostics()))
        .expect("no full build needed");
    let (_, expected) = render(&root);
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "same file list"
    );
    for (path, bytes) in &expected {
        assert!(files[path] == *bytes, "{path} differs from the full build");
    }
    let page = String::from_utf8(files["zh-hant/parks/daoxian/2023/index.html"].clone()).unwrap();
    assert!(page.contains(&format!("<h1>{TITLE}</h1>")));
}
