//! Search: the query set in tests/search-queries.json against the built index, with the hit
//! rate printed, plus properties of the index files.

mod common;
use common::*;
use gongkai::lang::Lang;
use gongkai::search::query::{Filters, Index};

/// The language with code `code` on the example site (Chinese first).
fn lang(code: &str) -> Lang {
    Lang::new(code, code == "zh")
}

#[test]
fn query_set_hit_rate() {
    let (_tmp, out) = build_example();
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(repo().join("tests/search-queries.json")).unwrap()).unwrap();
    assert!(cases.len() >= 30);
    let (mut zh, mut en) = (
        Index::open(&out, lang("zh")).unwrap(),
        Index::open(&out, lang("en")).unwrap(),
    );
    let mut hits = 0;
    let mut top1 = 0;
    let mut misses = Vec::new();
    let mut max_bytes = 0;
    for c in &cases {
        let index = if c["lang"] == "en" { &mut en } else { &mut zh };
        index.reset_bytes();
        let q = c["q"].as_str().unwrap();
        // Addresses in the index are paths from the site root, whatever base_url is.
        let want = c["expect"].as_str().unwrap().to_string();
        let within = c["within"].as_u64().unwrap() as usize;
        let results = index.search(q, &Filters::default());
        max_bytes = max_bytes.max(index.bytes);
        let pos = results.iter().position(|h| h.url == want);
        if pos.is_some_and(|p| p < within) {
            hits += 1;
        } else {
            misses.push(format!(
                "{q:?}: want {want} within {within}, got {:?}",
                results.iter().take(3).map(|h| &h.url).collect::<Vec<_>>()
            ));
        }
        top1 += usize::from(pos == Some(0));
    }
    println!(
        "search query set: {hits}/{} within the expected rank, {top1} first; at most {max_bytes} bytes fetched for one query",
        cases.len()
    );
    for m in &misses {
        println!("  miss: {m}");
    }
    assert!(
        hits * 100 >= cases.len() * 95,
        "hit rate {hits}/{}:\n{}",
        cases.len(),
        misses.join("\n")
    );
}

#[test]
fn exact_phrases_rank_first_and_stray_bigrams_drop_out() {
    let (_tmp, out) = build_example();
    let mut zh = Index::open(&out, lang("zh")).unwrap();
    // 国家知识产权示范园区 appears only in 望城's report; its bigrams (国家, 园区 …) are everywhere.
    let r = zh.search("国家知识产权示范园区", &Filters::default());
    assert!(
        !r.is_empty() && r.iter().all(|h| h.phrase && h.url.contains("/parks/wangcheng/")),
        "{r:?}"
    );
    // Without the phrase check, every report would match some of its bigrams.
    let any = zh.search("国家 知识 产权 示范 园区", &Filters::default());
    assert!(any.len() > r.len(), "{any:?}");
    // Punctuation inside a phrase does not hide it: 冷水滩 prints “五好”园区.
    let r = zh.search("五好园区", &Filters::default());
    assert!(r.iter().any(|h| h.url.ends_with("/parks/lengshuitan/2021/")), "{r:?}");
}

#[test]
fn filters_narrow_the_results() {
    let (_tmp, out) = build_example();
    let mut zh = Index::open(&out, lang("zh")).unwrap();
    let all = zh.search("园区", &Filters::default());
    assert!(all.len() >= 6);
    let park = zh.search(
        "园区",
        &Filters {
            park: Some("daoxian".into()),
            ..Default::default()
        },
    );
    assert!(!park.is_empty() && park.iter().all(|h| h.url.contains("/parks/daoxian/")));
    let year = zh.search(
        "园区",
        &Filters {
            year: Some(2021),
            ..Default::default()
        },
    );
    assert!(
        year.iter().all(|h| h.url.contains("/2021/")) && year.len() == 2,
        "{year:?}"
    );
    let units = zh.search(
        "园区",
        &Filters {
            kind: Some(0),
            ..Default::default()
        },
    );
    assert!(
        units.iter().all(|h| h.url.matches('/').count() == 3),
        "unit pages only: {units:?}"
    );
    let excellent = zh.search(
        "园区",
        &Filters {
            grade: Some(1),
            ..Default::default()
        },
    );
    assert_eq!(
        excellent.len(),
        2,
        "only 冷水滩 (2021 and the illustrative 2022 project report) states 优"
    );
}

#[test]
fn index_files_are_compressed_json_with_hashed_names_and_deterministic() {
    use gongkai::search::store::inflate;
    let (_a, one) = build_example();
    let (_b, two) = build_example();
    let files_one: Vec<String> = files(&one).into_keys().filter(|k| k.contains("search/")).collect();
    assert!(
        files_one
            .iter()
            .all(|f| f.ends_with("/meta.json") || f.ends_with(".bin") || f.ends_with("index.html")),
        "{files_one:?}"
    );
    for dir in ["search/zh/", "en/search/en/"] {
        let meta: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(one.join(dir).join("meta.json")).unwrap()).unwrap();
        let hash = meta["hash"].as_str().unwrap();
        let shards: Vec<&String> = files_one
            .iter()
            .filter(|f| f.starts_with(dir) && !f.ends_with("meta.json"))
            .collect();
        assert!(
            !shards.is_empty() && shards.iter().all(|f| f.contains(hash)),
            "content-hashed names in {dir}"
        );
        // Every file inflates: the dictionary to text of the size meta.json gives, the others
        // to JSON (the text chunks with the dictionary, which the real reports share clauses
        // enough to have).
        let z = meta["z"].as_u64().unwrap() as usize;
        assert!(z > 0, "{dir}: no dictionary");
        let dict = inflate(
            &std::fs::read(one.join(dir).join(format!("z.{hash}.bin"))).unwrap(),
            b"",
        )
        .unwrap();
        assert_eq!(dict.len(), z, "{dir}");
        let mut texts = 0;
        let mut sizes = (0, 0);
        for f in shards.iter().filter(|f| !f.contains("/z.")) {
            let name = f.rsplit('/').next().unwrap();
            let packed = std::fs::read(one.join(f)).unwrap();
            let json = if name.starts_with('d') {
                texts += 1;
                assert!(inflate(&packed, b"").is_err(), "{f} needs its dictionary");
                inflate(&packed, &dict).unwrap()
            } else {
                inflate(&packed, b"").unwrap()
            };
            sizes.0 += packed.len();
            sizes.1 += json.len();
            serde_json::from_slice::<serde_json::Value>(&json).unwrap_or_else(|e| panic!("{f}: {e}"));
        }
        assert!(
            sizes.0 * 2 < sizes.1,
            "{dir}: {} bytes packed, {} as JSON",
            sizes.0,
            sizes.1
        );
        assert_eq!(
            texts,
            meta["n"].as_u64().unwrap().div_ceil(meta["chunk"].as_u64().unwrap()),
            "{dir}"
        );
    }
    for f in &files_one {
        assert_eq!(
            std::fs::read(one.join(f)).unwrap(),
            std::fs::read(two.join(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn search_page_works_without_javascript_by_listing_units_and_years() {
    let (_tmp, out) = build_example();
    for lang in ["", "en/"] {
        let html = std::fs::read_to_string(out.join(format!("{lang}search/index.html"))).unwrap();
        assert!(html.contains("id=\"search-nojs\"") && html.contains("<form id=\"search-form\""));
        assert!(html.contains("role=\"status\" aria-live=\"polite\""));
        // Opened from a folder (file://), the script shows this instead of the form.
        assert!(html.contains("<div id=\"search-file\" class=\"notice\" hidden>"));
        // The index and the results' addresses are found relative to the page.
        assert!(html.contains(&format!(
            "data-index=\"{}/\" data-root=\"{}\"",
            if lang.is_empty() { "zh" } else { "en" },
            if lang.is_empty() { "../" } else { "../../" }
        )));
        for park in ["lengshuitan", "daoxian", "wangcheng", "daxiang"] {
            assert!(
                html.contains(&format!("href=\"../parks/{park}/index.html\"")),
                "{lang} lists {park}"
            );
        }
        assert!(html.contains("href=\"../years/2019/index.html\""));
    }
    // Every other page has a search box leading to the search page.
    let report = std::fs::read_to_string(out.join("parks/daxiang/2021/index.html")).unwrap();
    assert!(
        report.contains(
            "<form class=\"search-box\" role=\"search\" action=\"../../../search/index.html\" method=\"get\">"
        )
    );
}

/// On a built corpus (`GONGKAI_SEARCH_SITE=…/public cargo test --release --test search --
/// --ignored --nocapture`): bytes read per query of benches/corpus-queries.json, with and
/// without filters, and the tiered evaluation gives what reading every posting gives.
#[test]
#[ignore]
fn corpus_queries_read_little_and_agree_with_reading_everything() {
    let site = std::path::PathBuf::from(std::env::var("GONGKAI_SEARCH_SITE").expect("GONGKAI_SEARCH_SITE"));
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(repo().join("benches/corpus-queries.json")).unwrap()).unwrap();
    let mut sizes = Vec::new();
    for c in &cases {
        let lang = lang(c["lang"].as_str().unwrap());
        let (mut tiered, mut all) = (Index::open(&site, lang).unwrap(), Index::open(&site, lang).unwrap());
        all.exhaustive = true;
        // The unit of the first result of the query without filters, for the unit filter.
        let first = tiered.search(c["q"].as_str().unwrap(), &Filters::default());
        let park = first
            .first()
            .and_then(|h| h.url.split("/parks/").nth(1)?.split('/').next().map(str::to_string));
        let filters = [
            Filters::default(),
            Filters {
                year: Some(2021),
                ..Default::default()
            },
            Filters {
                kind: Some(2),
                grade: Some(1),
                ..Default::default()
            },
            Filters {
                park,
                ..Default::default()
            },
        ];
        for (i, f) in filters.iter().enumerate() {
            tiered.reset_bytes();
            all.reset_bytes();
            let q = c["q"].as_str().unwrap();
            let (a, b) = (tiered.search(q, f), all.search(q, f));
            let mut by_kind: std::collections::BTreeMap<char, (usize, usize)> = Default::default();
            for (name, n) in &tiered.read {
                let e = by_kind.entry(name.chars().next().unwrap_or('?')).or_default();
                e.0 += 1;
                e.1 += n;
            }
            println!(
                "{q:?} filters {i}: {} bytes ({} reading everything), {} hits; files (count, bytes): {by_kind:?}",
                tiered.bytes,
                all.bytes,
                a.len()
            );
            assert_eq!(a, b, "{q:?} {f:?}");
            let urls: Vec<&str> = a.iter().map(|h| h.url.as_str()).collect();
            println!("  {q} {i} {} {}", tiered.bytes, urls.join(" "));
            if i == 0 {
                sizes.push(tiered.bytes);
            }
        }
    }
    sizes.sort_unstable();
    println!(
        "bytes per query: median {}, max {}",
        sizes[sizes.len() / 2],
        sizes[sizes.len() - 1]
    );
}

/// The index build alone on a corpus (`GONGKAI_SEARCH_ROOT=/tmp/c10k cargo test --release
/// --test search -- --ignored --nocapture index_build_time`): both languages at once, like
/// the build does, with wall and CPU time (set `GONGKAI_TIMINGS=1` for the stages; the files
/// are written under `GONGKAI_SEARCH_OUT` when set).
#[test]
#[ignore]
fn index_build_time() {
    let root = std::path::PathBuf::from(std::env::var("GONGKAI_SEARCH_ROOT").expect("GONGKAI_SEARCH_ROOT"));
    let loaded = gongkai::load(&root).unwrap_or_else(|f| panic!("{:?}", f.diagnostics()));
    let site = loaded.site();
    let langs = site.languages();
    let cpu = || {
        let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
        // utime and stime, in ticks of 10 ms, after the command name.
        let f: Vec<u64> = stat
            .rsplit_once(')')
            .map(|r| r.1.split_whitespace().map(|x| x.parse().unwrap_or(0)).collect())
            .unwrap_or_default();
        (f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0)) * 10
    };
    let (c0, t0) = (cpu(), std::time::Instant::now());
    let (a, b) = rayon::join(
        || gongkai::search::index::build(&site, langs[0], loaded.theme.words(langs[0].code())),
        || {
            langs
                .get(1)
                .map(|l| gongkai::search::index::build(&site, *l, loaded.theme.words(l.code())))
                .unwrap_or_default()
        },
    );
    let (wall, used) = (t0.elapsed().as_millis(), cpu() - c0);
    if let Some(out) = std::env::var_os("GONGKAI_SEARCH_OUT") {
        for f in a.iter().chain(&b) {
            let path = std::path::Path::new(&out).join(&f.path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, &f.bytes).unwrap();
        }
    }
    let files = a.len() + b.len();
    let bytes: usize = a.iter().chain(&b).map(|f| f.bytes.len()).sum();
    let peak = std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("")
        .to_string();
    println!("search index: {wall} ms wall, {used} ms cpu, {files} files, {bytes} bytes; {peak} (process)");
}

/// The `id`s of a built page.
fn ids(out: &std::path::Path, url: &str) -> Vec<String> {
    let html = std::fs::read_to_string(out.join(url.trim_start_matches('/')).join("index.html")).unwrap();
    attrs(&html, "id")
}

/// Issue 16: the text writes “三公”经费; a search for 三公经费 finds it, marks it in an excerpt
/// taken from where it stands, and links to the section it is in.
#[test]
fn quoted_terms_match_with_a_marked_excerpt_and_a_section_link() {
    let (_tmp, out) = build_example();
    let mut zh = Index::open(&out, lang("zh")).unwrap();
    let page = zh.search_page("三公经费", &Filters::default(), 0);
    let hit = page
        .hits
        .iter()
        .find(|h| h.url == "/parks/lengshuitan/2021/")
        .unwrap_or_else(|| panic!("{page:?}"));
    assert!(hit.phrase, "the exact phrase, across the quotes: {hit:?}");
    assert!(hit.excerpt.contains("<mark>三公”经费</mark>"), "{}", hit.excerpt);
    // Not the opening paragraph: the excerpt starts near the match.
    assert!(hit.excerpt.starts_with('…'), "{}", hit.excerpt);
    let section = hit.section.clone().expect("the match is under a heading");
    assert!(ids(&out, &hit.url).contains(&section), "#{section} is on the page");
    assert_eq!(hit.link(), format!("/parks/lengshuitan/2021/#{section}"));
    // With the quotes typed, and with full-width ones, the same results.
    for q in ["“三公”经费", "＂三公＂经费", "三公 经费"] {
        let other = zh.search_page(q, &Filters::default(), 0);
        assert_eq!(
            other.hits.iter().map(|h| &h.url).collect::<Vec<_>>(),
            page.hits.iter().map(|h| &h.url).collect::<Vec<_>>(),
            "{q}"
        );
    }
    // The first page of the tiered search agrees with the counted one.
    assert_eq!(zh.search("三公经费", &Filters::default()), page.hits);
}

/// Every section a result links to is a heading of its page, in both languages.
#[test]
fn result_sections_are_headings_of_their_pages() {
    let (_tmp, out) = build_example();
    let mut linked = 0;
    for (code, queries) in [
        (
            "zh",
            &[
                "公务接待费",
                "标准厂房",
                "污水处理站",
                "党史学习教育",
                "资产合计",
                "湘江",
                "人员经费",
            ][..],
        ),
        (
            "en",
            &["reception", "standard factories", "sewage", "lithium", "assets"][..],
        ),
    ] {
        let mut index = Index::open(&out, lang(code)).unwrap();
        for q in queries {
            for h in index.search_page(q, &Filters::default(), 0).hits {
                assert!(h.excerpt.contains("<mark>") || h.section.is_none(), "{q}: {h:?}");
                if let Some(s) = &h.section {
                    assert!(ids(&out, &h.url).contains(s), "{q}: #{s} on {}", h.url);
                    linked += 1;
                }
            }
        }
    }
    assert!(linked >= 10, "{linked} results link to a section");
}

/// Issue 16: with every report matching, the count is every report, not the first page's ten,
/// and the pages give each result once.
#[test]
fn the_count_is_every_match_and_pages_reach_them_all() {
    let reports = 60;
    let (_tmp, _root, out) = generated_site(reports);
    let mut zh = Index::open(&out, lang("zh")).unwrap();
    // Every report page has 绩效 (its title says 绩效自评); unit pages may too.
    zh.reset_bytes();
    let first = zh.search_page("绩效", &Filters::default(), 0);
    let bytes = zh.bytes;
    zh.reset_bytes();
    let tiered = zh.search("绩效", &Filters::default());
    let tiered_bytes = zh.bytes;
    assert_eq!(tiered, first.hits, "the count does not change the first page");
    assert!(first.total >= reports, "{} of at least {reports}", first.total);
    assert_eq!(first.hits.len(), 10);
    let mut seen = std::collections::BTreeSet::new();
    let mut page = 0;
    loop {
        let p = zh.search_page("绩效", &Filters::default(), page);
        assert_eq!(p.total, first.total);
        if p.hits.is_empty() {
            break;
        }
        for h in p.hits {
            assert!(seen.insert(h.url.clone()), "{} twice", h.url);
        }
        page += 1;
    }
    assert_eq!(seen.len(), first.total);
    assert_eq!(page, first.total.div_ceil(10));
    // 三公经费: the reports that state 三公 figures (their labels) or write it.
    let sangong = zh.search_page("三公经费", &Filters::default(), 0);
    assert!(sangong.total > 10 && sangong.hits.len() == 10, "{}", sangong.total);
    // A filter counts within it.
    let year = zh.search_page(
        "绩效",
        &Filters {
            year: Some(2021),
            ..Default::default()
        },
        0,
    );
    assert!(year.total > 0 && year.total < first.total);
    println!(
        "count on {reports} generated reports: 绩效 {} results, first page {bytes} bytes ({tiered_bytes} without the count); 三公经费 {}; 2021 {}",
        first.total, sangong.total, year.total
    );
    assert!(bytes < tiered_bytes + 8_000, "{bytes} bytes for a page and the count");
}
