//! What every page language needs to name a report's figures: a unit the theme can name, an
//! amount unit the checks and charts can convert, an English label for an item the author
//! named. Found at load time, each at its line, so a Chinese word never slips onto an English
//! page unannounced.

use crate::content::Report;
use crate::content::locate::{Seg, locate};
use crate::content::model::ReportFront;
use crate::diagnostics::Diagnostic;
use crate::figures::Checked;
use crate::lang::{Labels, Lang};
use crate::messages::Msg;
use crate::msg;
use crate::schema::{self, Body, Entry, Items};
use crate::theme::Theme;
use std::collections::BTreeSet;
use std::path::Path;

/// Every list of items of the form, with its front-matter path.
fn lists() -> Vec<(Vec<&'static str>, &'static Items)> {
    let mut out = Vec::new();
    for s in schema::SECTIONS {
        match &s.body {
            Body::Rows(entries) => out.extend(entries.iter().filter_map(|e| match e {
                Entry::Items(i) => Some((vec![s.path, i.key], i)),
                _ => None,
            })),
            Body::List(i) => out.push((s.path.split('.').collect(), i)),
            _ => {}
        }
    }
    out
}

/// Every unit of measure a report writes, with the front-matter path where it is written.
fn units_of(front: &ReportFront) -> Vec<(&str, Vec<Seg<'static>>)> {
    let mut out = vec![(front.amount_unit.as_str(), vec![Seg::Key("amount_unit")])];
    for (path, list) in lists() {
        for (n, item) in (list.get)(front).iter().enumerate() {
            let at = |key| {
                let mut p: Vec<Seg> = path.iter().map(|k| Seg::Key(k)).collect();
                p.extend([Seg::Index(n), Seg::Key(key)]);
                p
            };
            out.extend(item.unit.as_deref().map(|u| (u, at("unit"))));
            out.extend(
                item.also_stated
                    .iter()
                    .filter_map(|a| a.unit.as_deref())
                    .map(|u| (u, at("also_stated"))),
            );
        }
    }
    if let Some(tp) = &front.three_public {
        for (key, line) in tp.lines() {
            if let Some(u) = line.and_then(|l| l.unit.as_deref()) {
                out.push((u, vec![Seg::Key("three_public"), Seg::Key(key), Seg::Key("unit")]));
            }
        }
    }
    out
}

fn at(report: &Report, d: Diagnostic, path: &[Seg]) -> Diagnostic {
    match locate(&report.front_yaml, report.front_line, path) {
        Some((line, column)) => d.at(line, column),
        None => d,
    }
}

/// An empty amount unit is an error (nothing could be labelled); one the checks cannot convert
/// (not 元, 万元, 亿元) is a warning, since sums across units are then skipped.
fn amount_unit(report: &Report) -> Option<Diagnostic> {
    let unit = report.front.amount_unit.trim();
    let path = [Seg::Key("amount_unit")];
    if unit.is_empty() {
        let d = Diagnostic::error(&report.file, Msg::AmountUnitEmpty).help(Msg::AmountUnitEmptyHelp);
        return Some(at(report, d, &path));
    }
    if schema::money_factor(unit, unit).is_none() {
        let d = Diagnostic::warning(&report.file, msg!(AmountUnitUnconvertible, unit))
            .help(Msg::AmountUnitUnconvertibleHelp);
        return Some(at(report, d, &path));
    }
    None
}

/// Items the author named in Chinese only (a label without `label_en`, a project without
/// `name_en`): an English page would show the Chinese name.
fn english_names(report: &Report) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (path, list) in lists() {
        for (n, item) in (list.get)(&report.front).iter().enumerate() {
            let missing = match (&item.label, &item.label_en, &item.name, &item.name_en) {
                (Some(_), None, _, _) => Some("label_en"),
                (None, _, Some(_), None) => Some("name_en"),
                _ => None,
            };
            let Some(key) = missing else { continue };
            let shown = item.label.as_deref().or(item.name.as_deref()).unwrap_or_default();
            let d =
                Diagnostic::warning(&report.file, msg!(NoEnglishName, shown, key)).help(msg!(NoEnglishNameHelp, key));
            let mut p: Vec<Seg> = path.iter().map(|k| Seg::Key(k)).collect();
            p.push(Seg::Index(n));
            out.push(at(report, d, &p));
        }
    }
    out
}

/// The problems of every report, for the languages the site builds: unit names once per unit
/// and language (at the first report using it), the rest per report.
pub fn problems(theme: &Theme, langs: &[Lang], reports: &[Checked], i18n: &Path) -> Vec<Diagnostic> {
    let english: Vec<&Lang> = langs.iter().filter(|l| l.labels() == Labels::English).collect();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for r in reports.iter().map(|c| &*c.report) {
        out.extend(amount_unit(r));
        if english.iter().any(|l| l.code() == "en") {
            out.extend(english_names(r));
        }
        for (unit, path) in units_of(&r.front) {
            // A language written in Chinese shows a unit the theme does not name as the report
            // writes it, which reads right; only the others need a name.
            for lang in &english {
                if unit.trim().is_empty()
                    || theme.words(lang.code()).knows_unit(unit)
                    || !seen.insert((unit.to_string(), lang.code()))
                {
                    continue;
                }
                let file = i18n.join(format!("{}.toml", lang.code()));
                let d = Diagnostic::warning(&r.file, msg!(UnitUnnamed, unit, file = file.display()))
                    .help(msg!(UnitUnnamedHelp, unit));
                out.push(at(r, d, &path));
            }
        }
    }
    out
}
