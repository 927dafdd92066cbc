//! The site model: which pages exist, their addresses, and how reports are grouped.
//!
//! Addresses are derived from ids only, so they stay stable across builds: `/parks/<id>/`,
//! `/parks/<id>/<year>/` (or `<year>-<kind>/` when a unit files two kinds in one year),
//! with the pages of every language but the first in a folder of their own (`/en/`, see
//! [`Lang::path`]).
//!
//! Pages link to each other and to their assets by relative links ([`relative`]), so one
//! output folder works at any address of any static server and from `file://`. Only what a
//! standard requires to be absolute uses `base_url` ([`Site::absolute`]): canonical and
//! hreflang links, Open Graph, the sitemap and the feeds.

use crate::config::Config;
use crate::content::{Report, Unit};
use crate::figures::Checked;
pub use crate::lang::Lang;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A report with its address.
pub struct ReportEntry<'a> {
    pub report: &'a Report,
    pub unit: &'a Unit,
    /// Results of the cross-checks (they travel with the report: see [`Checked`]).
    pub checks: &'a [crate::figures::checks::Check],
    /// Last path segment: `2021` or `2021-project`.
    pub slug: String,
}

impl ReportEntry<'_> {
    /// Path below the site root, language-neutral: `parks/lengshuitan/2021/`.
    pub fn path(&self) -> String {
        format!("parks/{}/{}/", self.unit.id, self.slug)
    }
}

/// Everything the renderers need, with addresses resolved.
pub struct Site<'a> {
    pub config: &'a Config,
    pub units: Vec<&'a Unit>,
    /// Sorted by unit id, then year, then kind.
    pub reports: Vec<ReportEntry<'a>>,
    /// Report indices of each unit, newest first (computed once: large sites have thousands).
    by_unit: std::collections::HashMap<String, Vec<usize>>,
    years: Vec<u16>,
}

impl<'a> Site<'a> {
    /// Resolves addresses. Reports whose unit is missing were already rejected by `content`.
    pub fn new(config: &'a Config, units: &'a [Arc<Unit>], reports: &'a [Checked]) -> Site<'a> {
        let units: Vec<&Unit> = units.iter().map(|u| &**u).collect();
        let mut per_year: BTreeMap<(&str, u16), usize> = BTreeMap::new();
        for c in reports {
            *per_year
                .entry((c.report.park.as_str(), c.report.front.year))
                .or_default() += 1;
        }
        // Looked up by id: a search through every unit for each report grows with their product.
        let unit_of: std::collections::HashMap<&str, &Unit> = units.iter().map(|u| (u.id.as_str(), *u)).collect();
        let reports: Vec<ReportEntry> = reports
            .iter()
            .filter_map(|Checked { report: r, checks }| {
                let unit = *unit_of.get(r.park.as_str())?;
                let slug = if per_year[&(r.park.as_str(), r.front.year)] > 1 {
                    format!("{}-{}", r.front.year, r.front.kind.slug())
                } else {
                    r.front.year.to_string()
                };
                Some(ReportEntry {
                    report: r,
                    unit,
                    checks,
                    slug,
                })
            })
            .collect();
        let mut by_unit: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
        for (i, e) in reports.iter().enumerate() {
            by_unit.entry(e.unit.id.clone()).or_default().push(i);
        }
        for list in by_unit.values_mut() {
            list.sort_by(|a, b| {
                let (x, y) = (&reports[*a].report.front, &reports[*b].report.front);
                (y.year, x.kind).cmp(&(x.year, y.kind))
            });
        }
        let mut years: Vec<u16> = reports.iter().map(|r| r.report.front.year).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        Site {
            config,
            units,
            reports,
            by_unit,
            years,
        }
    }

    /// Languages built, the primary one (Chinese) first.
    pub fn languages(&self) -> &[Lang] {
        &self.config.languages
    }

    /// The primary language: Chinese, at the site root.
    pub fn primary(&self) -> Lang {
        self.config.languages[0]
    }

    /// Absolute address of `path` in `lang`.
    pub fn absolute(&self, lang: Lang, path: &str) -> String {
        format!("{}/{}", self.config.base_url, lang.path(path))
    }

    /// Site-root path of a language's page (`/en/parks/x/`), as published in JSON and in the
    /// search index.
    pub fn root_path(&self, lang: Lang, path: &str) -> String {
        format!("/{}", lang.path(path))
    }

    /// Years with reports, newest first.
    pub fn years(&self) -> Vec<u16> {
        self.years.clone()
    }

    /// Reports of one unit, newest first.
    pub fn reports_of(&self, unit_id: &str) -> Vec<&ReportEntry<'a>> {
        self.by_unit
            .get(unit_id)
            .map(|ids| ids.iter().map(|i| &self.reports[*i]).collect())
            .unwrap_or_default()
    }
}

/// A link from the page folder `from` to `to`, both below the site root (`en/parks/x/2019/`,
/// `assets/style.css`, `parks/x/`): relative, so it holds wherever the output folder is
/// served or opened. A folder is linked by its `index.html`, because a browser opening the
/// output from `file://` shows a folder as a list of files, not as its page.
///
/// `relative("parks/x/2019/", "parks/x/")` is `../index.html`.
pub fn relative(from: &str, to: &str) -> String {
    let (dir, file) = match to.rfind('/') {
        Some(i) if i + 1 == to.len() => (to, "index.html"),
        Some(i) => (&to[..=i], &to[i + 1..]),
        None if to.is_empty() => ("", "index.html"),
        None => ("", to),
    };
    format!("{}{file}", relative_folder(from, dir))
}

/// The relative path from the folder `from` to the folder `to` (both below the site root,
/// empty or ending in `/`), ending in `/`; empty when they are the same folder.
///
/// `relative_folder("search/", "search/zh/")` is `zh/`.
pub fn relative_folder(from: &str, to: &str) -> String {
    let segments = |p: &'_ str| {
        p.split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let (from, to) = (segments(from), segments(to));
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut out = "../".repeat(from.len() - common);
    for s in &to[common..] {
        out.push_str(s);
        out.push('/');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{relative, relative_folder};

    #[test]
    fn links_are_relative_and_name_a_file() {
        for (from, to, want) in [
            ("", "", "index.html"),
            ("", "parks/", "parks/index.html"),
            ("", "assets/style.css", "assets/style.css"),
            ("parks/x/2019/", "parks/x/2019/", "index.html"),
            ("parks/x/2019/", "parks/x/", "../index.html"),
            ("parks/x/2019/", "parks/x/2020/", "../2020/index.html"),
            ("parks/x/2019/", "parks/x/2019/c1.svg", "c1.svg"),
            ("parks/x/2019/", "", "../../../index.html"),
            ("parks/x/2019/", "parks/x/2019/report.json", "report.json"),
            (
                "en/parks/x/2019/",
                "parks/x/2019/report.json",
                "../../../../parks/x/2019/report.json",
            ),
            ("en/parks/x/", "en/years/2021/", "../../years/2021/index.html"),
            ("en/", "", "../index.html"),
            ("en/search/", "assets/search.1a2b.js", "../../assets/search.1a2b.js"),
            ("parks/", "parks/parks/", "parks/index.html"),
        ] {
            assert_eq!(relative(from, to), want, "from {from:?} to {to:?}");
        }
        assert_eq!(relative_folder("search/", "search/zh/"), "zh/");
        assert_eq!(relative_folder("en/search/", "en/search/en/"), "en/");
        assert_eq!(relative_folder("en/search/", ""), "../../");
        assert_eq!(relative_folder("search/", "search/"), "");
    }
}
