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

/// `sitemap.xml`: every page (language-neutral `paths`, e.g. `parks/x/`) with its alternates.
pub fn sitemap(site: &Site, paths: &[String]) -> OutputFile {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str(
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let langs = site.languages();
    for path in paths {
        for &lang in langs {
            xml.push_str(&format!(
                "  <url>\n    <loc>{}</loc>\n",
                esc(&site.absolute(lang, path))
            ));
            for &alt in langs {
                xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    alt.html(),
                    esc(&site.absolute(alt, path))
                ));
            }
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    OutputFile {
        path: "sitemap.xml".into(),
        bytes: xml.into_bytes(),
    }
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
