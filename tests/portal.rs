//! Portal conventions: the footer's records (网站标识码, ICP备案号, 公安备案号, 党政机关网站标识,
//! 主办/承办, contact, 我为政府网站找错) and the 信息公开 block above a report show exactly what
//! site.toml and the front matter give, in every language, and nothing when they give nothing.

mod common;
use common::*;
use std::path::Path;

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The `<footer>` element of a page.
/// The footer of a page, without its link to the glossary (which every footer has, at the
/// relative address of each page; `glossary_link` checks it).
fn footer(html: &str) -> String {
    let start = html.find("<footer").expect("a footer");
    let end = html.find("</footer>").expect("a footer end") + "</footer>".len();
    html[start..end]
        .lines()
        .filter(|l| !glossary_link(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// True for the footer's line linking the glossary (名词解释 / Glossary).
fn glossary_link(line: &str) -> bool {
    line.trim_start().starts_with("<p><a href=\"")
        && (line.contains("index.html\">名词解释</a>") || line.contains("index.html\">Glossary</a>"))
}

/// The 信息公开 block of a page, if it has one.
fn disclosure(html: &str) -> Option<&str> {
    let start = html.find("<section class=\"disclosure\"")?;
    let end = start + html[start..].find("</section>").unwrap() + "</section>".len();
    Some(&html[start..end])
}

fn append(path: &Path, text: &str) {
    let mut old = std::fs::read_to_string(path).unwrap();
    old.push_str(text);
    std::fs::write(path, old).unwrap();
}

fn build(root: &Path) -> std::path::PathBuf {
    gongkai::build(root, None, false).unwrap_or_else(|f| panic!("build failed: {:?}", f.diagnostics()));
    root.join("public")
}

/// Every page of the site: (path below the output, html).
fn pages(out: &Path) -> Vec<(String, String)> {
    files(out)
        .into_iter()
        .filter(|(rel, _)| rel.ends_with(".html"))
        .map(|(rel, path)| (rel, std::fs::read_to_string(path).unwrap()))
        .collect()
}

const SETTINGS: &str = r#"
operator = "示例市财政局信息中心"
operator_en = "Information Centre of the Example City Finance Bureau"
icp_record = "湘ICP备00000000号-1"
police_record = "湘公网安备 43000000000000号"
conac_badge = "red.png"
conac_badge_url = "https://bszs.conac.cn/sitename?method=show&id=0000"
error_report_url = "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={site_id_code}&url={url}"
"#;

#[test]
fn the_footer_and_the_disclosure_block_show_exactly_the_configured_values() {
    let (_tmp, root) = example_copy();
    append(&root.join("site.toml"), SETTINGS);
    std::fs::create_dir(root.join("static")).unwrap();
    std::fs::write(root.join("static/red.png"), b"the portal's badge").unwrap();
    edit(
        &root.join("content/parks/lengshuitan/2021.md"),
        "kind: department\n",
        "kind: department\nindex_number: 000000000/2022-00001\nissuer: 冷水滩区财政局\npublished: \"2022-06-30 09:00\"\n\
         document_number: 冷财绩〔2022〕1号\nsubject: 财政、金融、审计\n",
    );
    edit(
        &root.join("content/parks/daxiang/2021.md"),
        "kind: department\n",
        "kind: department\ndocument_number: 大财〔2022〕1号\n",
    );
    let out = build(&root);

    // The badge is copied from static/ and linked where it was published.
    let badge: Vec<String> = files(&out.join("assets"))
        .into_keys()
        .filter(|name| name.starts_with("conac-badge."))
        .collect();
    assert_eq!(badge.len(), 1, "{badge:?}");
    let badge = &badge[0];
    assert!(badge.ends_with(".png"), "{badge}");
    assert_eq!(
        std::fs::read(out.join("assets").join(badge)).unwrap(),
        b"the portal's badge"
    );

    let page_url = "https%3A%2F%2Fwww.example.gov.cn%2Fxxgk%2Fjxpj%2Fparks%2Flengshuitan%2F2021%2F";
    let zh = read(&out, "parks/lengshuitan/2021/index.html");
    let expected = format!(
        r#"<footer class="site-footer">
  <div class="wrap footer-row">
    <div class="footer-text">
    <p>主办：示例市财政局 · 承办：<span>示例市财政局信息中心</span></p>
    <p>电话：0000-00000000</p>
    <p class="records"><span>网站标识码：0000000000</span> <span>ICP备案号：<a href="https://beian.miit.gov.cn/">湘ICP备00000000号-1</a></span> <span>公安备案号：<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=43000000000000">湘公网安备 43000000000000号</a></span></p>
    <p>数据许可：<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a></p>
    </div>
    <div class="footer-marks">
    <a href="https://bszs.conac.cn/sitename?method=show&amp;id=0000"><img src="../../../assets/{badge}" alt="党政机关网站标识"></a>
    <a class="error-report" href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=0000000000&amp;url={page_url}">我为政府网站找错</a>
    </div>
  </div>
</footer>"#,
    );
    assert_eq!(footer(&zh), expected);
    assert_eq!(
        disclosure(&zh),
        Some(
            r#"<section class="disclosure" aria-label="信息公开">
<dl>
<div><dt>索引号</dt><dd>000000000/2022-00001</dd></div>
<div><dt>发布机构</dt><dd>冷水滩区财政局</dd></div>
<div><dt>发布日期</dt><dd><time datetime="2022-06-30">2022-06-30</time></dd></div>
<div><dt>文号</dt><dd>冷财绩〔2022〕1号</dd></div>
<div><dt>主题分类</dt><dd>财政、金融、审计</dd></div>
</dl>
</section>"#
        )
    );
    // Above the report: before its title.
    assert!(zh.find("class=\"disclosure\"").unwrap() < zh.find("<h1").unwrap());

    let en = read(&out, "en/parks/lengshuitan/2021/index.html");
    let en_url = page_url.replace("jxpj%2F", "jxpj%2Fen%2F");
    let expected = format!(
        r#"<footer class="site-footer">
  <div class="wrap footer-row">
    <div class="footer-text">
    <p>Published by: Example City Finance Bureau · Operated by: <span>Information Centre of the Example City Finance Bureau</span></p>
    <p>Telephone: +86 0000 00000000</p>
    <p class="records"><span>Website identifier: 0000000000</span> <span>ICP filing: <a href="https://beian.miit.gov.cn/" lang="zh-CN">湘ICP备00000000号-1</a></span> <span>Public security filing: <a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=43000000000000" lang="zh-CN">湘公网安备 43000000000000号</a></span></p>
    <p>Data licence: <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a> · In case of discrepancy the Chinese version prevails.</p>
    </div>
    <div class="footer-marks">
    <a href="https://bszs.conac.cn/sitename?method=show&amp;id=0000"><img src="../../../../assets/{badge}" alt="Party and government website badge"></a>
    <a class="error-report" href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=0000000000&amp;url={en_url}">Report an error on this government website</a>
    </div>
  </div>
</footer>"#,
    );
    assert_eq!(footer(&en), expected);
    assert_eq!(
        disclosure(&en),
        Some(
            r#"<section class="disclosure" aria-label="Government information disclosure">
<dl>
<div><dt>Index number</dt><dd>000000000/2022-00001</dd></div>
<div><dt>Issued by</dt><dd lang="zh-CN">冷水滩区财政局</dd></div>
<div><dt>Date published</dt><dd><time datetime="2022-06-30">2022-06-30</time></dd></div>
<div><dt>Document number</dt><dd lang="zh-CN">冷财绩〔2022〕1号</dd></div>
<div><dt>Subject</dt><dd lang="zh-CN">财政、金融、审计</dd></div>
</dl>
</section>"#
        )
    );

    // A report with one entry shows that line alone; one with none shows no block.
    for (page, block) in [
        (
            "parks/daxiang/2021/index.html",
            "<section class=\"disclosure\" aria-label=\"信息公开\">\n<dl>\n<div><dt>文号</dt><dd>大财〔2022〕1号</dd></div>\n</dl>\n</section>",
        ),
        (
            "en/parks/daxiang/2021/index.html",
            "<section class=\"disclosure\" aria-label=\"Government information disclosure\">\n<dl>\n<div><dt>Document number</dt><dd lang=\"zh-CN\">大财〔2022〕1号</dd></div>\n</dl>\n</section>",
        ),
    ] {
        assert_eq!(disclosure(&read(&out, page)), Some(block), "{page}");
    }
    for page in ["parks/wangcheng/2019/index.html", "en/parks/daoxian/2023/index.html"] {
        assert_eq!(disclosure(&read(&out, page)), None, "{page}");
    }

    // Every page has the footer of its language, its 找错 link naming the page itself.
    for (rel, html) in pages(&out) {
        let (lang_footer, lang_url, prefix) = if rel.starts_with("en/") {
            (footer(&en), &en_url, "en/")
        } else {
            (footer(&zh), &page_url.to_string(), "")
        };
        let path = rel.trim_start_matches(prefix).trim_end_matches("index.html");
        let this_url = format!("https%3A%2F%2Fwww.example.gov.cn%2Fxxgk%2Fjxpj%2F{prefix}{path}").replace('/', "%2F");
        // The badge is linked relative to each page: as many `../` as the page is deep.
        let up = "../".repeat(rel.matches('/').count());
        let deep = if prefix.is_empty() {
            "../../../assets/"
        } else {
            "../../../../assets/"
        };
        assert_eq!(
            footer(&html),
            lang_footer
                .replace(lang_url.as_str(), &this_url)
                .replace(deep, &format!("{up}assets/")),
            "{rel}"
        );
    }
}

#[test]
fn nothing_is_shown_that_is_not_set() {
    let (_tmp, root) = example_copy();
    let toml = root.join("site.toml");
    edit(&toml, "contact = \"电话：0000-00000000\"\n", "");
    edit(&toml, "contact_en = \"Telephone: +86 0000 00000000\"\n", "");
    // Written but empty, as in a template site.toml: not set.
    append(
        &toml,
        "operator = \"\"\noperator_en = \" \"\nicp_record = \"\"\npolice_record = \"\"\nconac_badge = \"\"\nerror_report_url = \"\"\n",
    );
    // A publication date alone, or empty catalogue keys, make no block.
    edit(
        &root.join("content/parks/lengshuitan/2021.md"),
        "kind: department\n",
        "kind: department\npublished: \"2022-06-30 09:00\"\nindex_number: \"\"\nissuer:\nsubject: \" \"\n",
    );
    let out = build(&root);
    let zh = r#"<footer class="site-footer">
  <div class="wrap footer-row">
    <div class="footer-text">
    <p>主办：示例市财政局</p>
    <p class="records"><span>网站标识码：0000000000</span></p>
    <p>数据许可：<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a></p>
    </div>
  </div>
</footer>"#;
    let en = r#"<footer class="site-footer">
  <div class="wrap footer-row">
    <div class="footer-text">
    <p>Published by: Example City Finance Bureau</p>
    <p class="records"><span>Website identifier: 0000000000</span></p>
    <p>Data licence: <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a> · In case of discrepancy the Chinese version prevails.</p>
    </div>
  </div>
</footer>"#;
    let all = pages(&out);
    assert!(all.len() > 30, "{} pages", all.len());
    for (rel, html) in &all {
        let expected = if rel.starts_with("en/") { en } else { zh };
        assert_eq!(footer(html), expected, "{rel}");
        assert!(html.lines().any(glossary_link), "{rel} links the glossary");
        assert_eq!(disclosure(html), None, "{rel}");
        for absent in [
            "class=\"disclosure\"",
            "class=\"footer-marks\"",
            "conac",
            "beian",
            "jiucuo",
            "找错",
            "承办：",
            "Operated by",
            "ICP",
            "公安备案号",
            "Public security filing",
            "索引号",
            "Index number",
        ] {
            assert!(!html.contains(absent), "{rel} has {absent}");
        }
    }
    assert!(files(&out.join("assets")).keys().all(|f| !f.starts_with("conac-badge")));
}

/// Link settings follow the rule of every link in site.toml: web addresses (or paths on the
/// site) only, refused at their line otherwise.
#[test]
fn portal_links_are_web_addresses_only() {
    let (_tmp, root) = example_copy();
    let text = std::fs::read_to_string(root.join("site.toml")).unwrap();
    let lines = text.lines().count();
    for key in ["conac_badge", "conac_badge_url", "error_report_url"] {
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//evil.example/x",
            "https:// evil.example",
        ] {
            let mut with = format!("{text}{key} = \"{bad}\"\n");
            if key == "conac_badge_url" {
                with.push_str("conac_badge = \"https://www.example.gov.cn/red.png\"\n");
            }
            let errs = gongkai::config::Config::parse(&with, Path::new("site.toml"), &root)
                .err()
                .unwrap_or_else(|| panic!("{key} = {bad:?} was accepted"));
            let messages: Vec<String> = errs.iter().map(|d| d.message.en()).collect();
            let expected = if key == "conac_badge" && bad.starts_with("//") {
                format!("conac_badge `{bad}` is not a file name in static/: write it relative to static/, without `..`")
            } else {
                format!(
                    "{key} `{bad}` is not a web address: only http:// and https:// addresses, or paths on this site, can be linked"
                )
            };
            assert_eq!(messages, [expected.as_str()], "{key} = {bad:?}");
            assert_eq!(errs[0].line, Some(lines + 1), "{key} = {bad:?}");
        }
    }
}
