//! Atom feeds of reports per language, sitemap.xml with hreflang alternates, robots.txt.
//!
//! Entry ids are the reports' permanent page addresses; dates come from the content: the
//! report's `published` (or `updated`) date, or — when the report gives none — the last day of
//! the fiscal year it reports on. Never the build time: the same input gives the same feed.

use super::OutputFile;
use crate::site::{Lang, ReportEntry, Site};

/// XML text escaping.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// `YYYY-MM-DD[ HH:MM]` as RFC 3339 in China Standard Time.
pub fn iso_date(date: &str) -> String {
    match date.split_once(' ') {
        Some((d, t)) => format!("{d}T{t}:00+08:00"),
        None => format!("{date}T00:00:00+08:00"),
    }
}

/// RFC 3339 date of a report: last updated, else published, else the end of its fiscal year.
pub fn report_date(e: &ReportEntry) -> String {
    let f = &e.report.front;
    match f.updated.as_ref().or(f.published.as_ref()) {
        Some(p) => iso_date(p),
        None => format!("{}-12-31T00:00:00+08:00", f.year),
    }
}

/// `feed.xml` in `lang`'s folder (`feed.xml`, `en/feed.xml`).
pub fn atom(site: &Site, lang: Lang) -> OutputFile {
    let c = &site.config.site;
    let title = lang.pick(&c.title, &c.title_en);
    let feed_path = "feed.xml";
    let mut entries: Vec<&ReportEntry> = site.reports.iter().collect();
    entries.sort_by_key(|e| std::cmp::Reverse((report_date(e), e.path())));
    let limit = site.config.site.feed_entries;
    if limit > 0 {
        entries.truncate(limit);
    }
    let updated = entries
        .first()
        .map(|e| report_date(e))
        .unwrap_or_else(|| "2000-01-01T00:00:00+08:00".into());
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        lang.html()
    ));
    xml.push_str(&format!("  <title>{}</title>\n", esc(title)));
    xml.push_str(&format!("  <id>{}</id>\n", esc(&site.absolute(lang, feed_path))));
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        esc(&site.absolute(lang, feed_path))
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        esc(&site.absolute(lang, ""))
    ));
    xml.push_str(&format!("  <updated>{updated}</updated>\n"));
    xml.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        esc(lang.pick(&c.publisher, &c.publisher_en))
    ));
    for e in entries {
        push_entry(&mut xml, site, lang, e);
    }
    xml.push_str("</feed>\n");
    OutputFile {
        path: lang.path(feed_path),
        bytes: xml.into_bytes(),
    }
}

/// A report's `<entry>`, in `lang`'s words where it has a translation; the enclosure is its
/// `report.json`, which exists once, in the primary language's folder.
fn push_entry(xml: &mut String, site: &Site, lang: Lang, e: &ReportEntry) {
    let f = &e.report.front;
    let tr = e.report.translation(lang).map(|t| &t.front);
    let (title, summary, author) = if lang.is_primary() {
        (
            f.title.clone(),
            f.summary.clone(),
            f.unit_name.clone().unwrap_or_else(|| e.unit.profile.name.clone()),
        )
    } else {
        (
            tr.and_then(|t| t.title.clone())
                .unwrap_or_else(|| super::pages::default_title(e, lang)),
            tr.and_then(|t| t.summary.clone()),
            tr.and_then(|t| t.unit_name.clone())
                .unwrap_or_else(|| lang.pick(&e.unit.profile.name, &e.unit.profile.name_en).clone()),
        )
    };
    let url = site.absolute(lang, &e.path());
    xml.push_str("  <entry>\n");
    xml.push_str(&format!("    <id>{}</id>\n", esc(&url)));
    xml.push_str(&format!("    <title>{}</title>\n", esc(&title)));
    xml.push_str(&format!(
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        esc(&url)
    ));
    xml.push_str(&format!(
        "    <link rel=\"enclosure\" type=\"application/json\" href=\"{}\"/>\n",
        esc(&site.absolute(site.primary(), &format!("{}report.json", e.path())))
    ));
    if let Some(p) = &f.published {
        xml.push_str(&format!("    <published>{}</published>\n", iso_date(p)));
    }
    xml.push_str(&format!("    <updated>{}</updated>\n", report_date(e)));
    xml.push_str(&format!("    <author><name>{}</name></author>\n", esc(&author)));
    if let Some(s) = summary {
        xml.push_str(&format!("    <summary>{}</summary>\n", esc(&s)));
    }
    xml.push_str("  </entry>\n");
}

/// Most addresses (`<url>`) one sitemap file may list (sitemaps.org).
const SITEMAP_URLS: usize = 50_000;
/// Most bytes one sitemap file may have, uncompressed (sitemaps.org: 50 MB).
const SITEMAP_BYTES: usize = 50 * 1000 * 1000;

const URLSET_OPEN: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_CLOSE: &str = "</urlset>\n";

/// `sitemap.xml`: every page (language-neutral `paths`, e.g. `parks/x/`) in every language,
/// with its alternates. One file while the protocol's limits allow; past them, `sitemap.xml`
/// is an index of `sitemap-N.xml` files that each keep within them.
pub fn sitemap(site: &Site, paths: &[String]) -> Vec<OutputFile> {
    let langs = site.languages();
    let entries = paths.iter().flat_map(|path| {
        langs.iter().map(move |&lang| {
            let mut entry = format!("  <url>\n    <loc>{}</loc>\n", esc(&site.absolute(lang, path)));
            for &alt in langs {
                entry.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    alt.html(),
                    esc(&site.absolute(alt, path))
                ));
            }
            entry.push_str("  </url>\n");
            entry
        })
    });
    split_sitemap(entries, &site.config.base_url, SITEMAP_URLS, SITEMAP_BYTES)
}

/// `<url>` entries into `sitemap.xml`, or into parts of at most `max_urls` entries and
/// `max_bytes` bytes each with `sitemap.xml` their index (`base_url`: the site's address
/// without its trailing slash).
fn split_sitemap(
    entries: impl Iterator<Item = String>,
    base_url: &str,
    max_urls: usize,
    max_bytes: usize,
) -> Vec<OutputFile> {
    let mut parts: Vec<String> = Vec::new();
    let mut xml = String::from(URLSET_OPEN);
    let mut urls = 0;
    for entry in entries {
        if urls > 0 && (urls == max_urls || xml.len() + entry.len() + URLSET_CLOSE.len() > max_bytes) {
            xml.push_str(URLSET_CLOSE);
            parts.push(std::mem::replace(&mut xml, String::from(URLSET_OPEN)));
            urls = 0;
        }
        xml.push_str(&entry);
        urls += 1;
    }
    xml.push_str(URLSET_CLOSE);
    if parts.is_empty() {
        return vec![OutputFile {
            path: "sitemap.xml".into(),
            bytes: xml.into_bytes(),
        }];
    }
    parts.push(xml);
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut files = vec![];
    for (k, part) in parts.into_iter().enumerate() {
        let name = format!("sitemap-{}.xml", k + 1);
        index.push_str(&format!(
            "  <sitemap><loc>{}</loc></sitemap>\n",
            esc(&format!("{base_url}/{name}"))
        ));
        files.push(OutputFile {
            path: name,
            bytes: part.into_bytes(),
        });
    }
    index.push_str("</sitemapindex>\n");
    files.insert(
        0,
        OutputFile {
            path: "sitemap.xml".into(),
            bytes: index.into_bytes(),
        },
    );
    files
}

/// True for `sitemap-N.xml`, a part of a split sitemap.
pub fn is_sitemap_part(path: &str) -> bool {
    path.strip_prefix("sitemap-")
        .and_then(|r| r.strip_suffix(".xml"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `robots.txt`. Crawlers read it only at the host's root; under a sub-path the host portal's
/// own robots.txt applies, so this one only points to the sitemap.
pub fn robots(site: &Site) -> OutputFile {
    let text = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}/sitemap.xml\n",
        site.config.base_url
    );
    OutputFile {
        path: "robots.txt".into(),
        bytes: text.into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(n: usize) -> impl Iterator<Item = String> {
        (0..n).map(|k| format!("  <url>\n    <loc>https://x.gov.cn/s/p{k}/</loc>\n  </url>\n"))
    }

    fn locs(file: &OutputFile) -> Vec<String> {
        let text = std::str::from_utf8(&file.bytes).unwrap();
        let doc = roxmltree::Document::parse(text).unwrap();
        doc.descendants()
            .filter(|n| n.has_tag_name("loc"))
            .map(|n| n.text().unwrap().to_string())
            .collect()
    }

    #[test]
    fn a_sitemap_within_the_limits_is_one_file() {
        let files = split_sitemap(entries(3), "https://x.gov.cn/s", 3, 10_000);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].path, "sitemap.xml");
        assert_eq!(locs(&files[0]).len(), 3);
    }

    #[test]
    fn past_the_address_limit_the_sitemap_is_an_index_of_parts() {
        let files = split_sitemap(entries(7), "https://x.gov.cn/s", 3, 10_000);
        let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            names,
            ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]
        );
        let index = std::str::from_utf8(&files[0].bytes).unwrap();
        assert!(index.contains("<sitemapindex "), "{index}");
        assert_eq!(
            locs(&files[0]),
            [
                "https://x.gov.cn/s/sitemap-1.xml",
                "https://x.gov.cn/s/sitemap-2.xml",
                "https://x.gov.cn/s/sitemap-3.xml"
            ]
        );
        let counts: Vec<usize> = files[1..].iter().map(|f| locs(f).len()).collect();
        assert_eq!(counts, [3, 3, 1]);
        let all: Vec<String> = files[1..].iter().flat_map(locs).collect();
        let want: Vec<String> = (0..7).map(|k| format!("https://x.gov.cn/s/p{k}/")).collect();
        assert_eq!(all, want, "every address once, in order");
        assert!(files[1..].iter().all(|f| is_sitemap_part(&f.path)));
        assert!(
            !is_sitemap_part("sitemap.xml") && !is_sitemap_part("sitemap-.xml") && !is_sitemap_part("sitemap-a.xml")
        );
    }

    #[test]
    fn past_the_byte_limit_the_sitemap_splits_too() {
        let one = entries(1).next().unwrap().len();
        let max = URLSET_OPEN.len() + 2 * one + URLSET_CLOSE.len();
        let files = split_sitemap(entries(5), "https://x.gov.cn/s", 50_000, max);
        assert_eq!(files.len(), 4, "parts of 2, 2 and 1 and the index");
        assert!(files[1..].iter().all(|f| f.bytes.len() <= max));
    }
}
