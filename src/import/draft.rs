//! The draft report: the figures found, in the format's order, each with a comment saying
//! where it came from, and the figures the importer would not decide, as comments listing
//! what it saw. The result is an ordinary report file: `gongkai check` reads it like any other.

use super::phrases::{Findings, Found};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The order of the keys, as the format lists them (`[]` stands for any item of a list).
const ORDER: &[&str] = &[
    "project_name",
    "department",
    "implementer",
    "period",
    "evaluation.score",
    "evaluation.grade",
    "evaluation.remark",
    "budget.initial",
    "budget.full_year",
    "budget.adjustment",
    "budget.income",
    "budget.income_change",
    "budget.income_sources[].value",
    "budget.income_sources[].share",
    "budget.income_sources[].change",
    "budget.expenditure",
    "budget.basic",
    "budget.project",
    "final_accounts.opening_balance",
    "final_accounts.income",
    "final_accounts.income_sources[].value",
    "final_accounts.income_sources[].share",
    "final_accounts.sources_total",
    "final_accounts.expenditure",
    "final_accounts.closing_balance",
    "final_accounts.execution_rate",
    "expenditure.total",
    "expenditure.basic",
    "expenditure.basic_share",
    "expenditure.personnel",
    "expenditure.personnel_share",
    "expenditure.public",
    "expenditure.public_share",
    "expenditure.meetings",
    "expenditure.training",
    "expenditure.project",
    "expenditure.project_share",
    "expenditure.by_fund[].total",
    "expenditure.by_fund[].basic",
    "expenditure.by_fund[].project",
    "expenditure.project_items[].name",
    "expenditure.project_items[].value",
    "expenditure.project_items[].fund",
    "three_public.total",
    "three_public.overseas_travel",
    "three_public.hospitality",
    "three_public.vehicles",
    "assets.total",
    "assets.current",
    "assets.current_share",
    "assets.non_current",
    "assets.non_current_share",
    "assets.fixed_net",
    "assets.intangible_net",
    "assets.as_of",
    "staffing.authorized",
    "staffing.authorized_type",
    "staffing.internal_bodies",
    "staffing.actual",
    "staffing.categories[].value",
    "staffing.vehicles_authorized",
    "staffing.vehicles_actual",
    "economy[].label",
    "economy[].value",
    "economy[].unit",
    "economy[].share",
    "economy[].change_pct",
    "project.investment",
    "project.investment_fiscal",
    "project.initial",
    "project.full_year",
    "project.actual",
    "project.rate",
    "project.weight",
    "project.score",
    "project.rows[].initial",
    "project.rows[].full_year",
    "project.rows[].actual",
    "project.rows[].rate",
    "project.rows[].weight",
    "project.rows[].score",
    "goals[].target",
    "goals[].actual",
    "indicator_groups[].level1",
    "indicator_groups[].level2",
    "indicator_groups[].weight",
    "indicator_groups[].score",
    "indicators[].level1",
    "indicators[].level2",
    "indicators[].level3",
    "indicators[].target",
    "indicators[].actual",
    "indicators[].weight",
    "indicators[].score",
    "indicators[].deviation",
];

/// The fields of a “三公” line, in order.
const LINE_FIELDS: &[&str] = &[
    "budget",
    "actual",
    "rate",
    "previous",
    "change",
    "change_pct",
    "batches",
    "people",
    "purchase",
    "operation",
    "unit",
];

/// How the findings were decided, for the draft and the summary.
#[derive(Debug, Default, Clone)]
pub struct Decided {
    /// Path → the figure, with every place that states it.
    pub filled: Vec<(String, Found, Vec<String>)>,
    /// Path → the different figures seen; left empty.
    pub conflicts: Vec<(String, Vec<Found>)>,
}

/// A path's segments: `a.b[k].c` → `a`, `b`, `[k]`, `c`.
fn segments(path: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in path.split('.') {
        match part.find('[') {
            Some(i) => {
                out.push(part[..i].to_string());
                out.push(part[i..].to_string());
            }
            None => out.push(part.to_string()),
        }
    }
    out
}

/// The path with its item keys blanked: `economy[x].value` → `economy[].value`.
fn template(path: &str) -> String {
    let mut out = String::new();
    let mut skip = false;
    for c in path.chars() {
        match c {
            '[' => {
                skip = true;
                out.push('[');
            }
            ']' => {
                skip = false;
                out.push(']');
            }
            _ if skip => {}
            _ => out.push(c),
        }
    }
    out
}

fn rank(path: &str) -> (usize, usize) {
    let t = template(path);
    if let Some(i) = ORDER.iter().position(|o| *o == t) {
        return (i, 0);
    }
    // three_public.<line>.<field>
    let s: Vec<&str> = t.split('.').collect();
    if s.len() == 3
        && let Some(i) = ORDER.iter().position(|o| *o == format!("{}.{}", s[0], s[1]))
    {
        return (i, LINE_FIELDS.iter().position(|f| *f == s[2]).unwrap_or(99));
    }
    (ORDER.len(), 0)
}

fn same(a: &str, b: &str) -> bool {
    match (a.parse::<Decimal>(), b.parse::<Decimal>()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Decides each path: one value (however often stated) fills it; different values leave it
/// empty with all of them as candidates.
pub fn decide(found: &[Found]) -> Decided {
    let mut by_path: Vec<(String, Vec<Found>)> = Vec::new();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for f in found {
        match index.get(f.path.as_str()) {
            Some(&i) => by_path[i].1.push(f.clone()),
            None => {
                index.insert(&f.path, by_path.len());
                by_path.push((f.path.clone(), vec![f.clone()]));
            }
        }
    }
    let mut d = Decided::default();
    for (path, all) in by_path {
        let first = all[0].clone();
        // A figure a form read but is not sure of (its cells may not line up) stays a
        // candidate even when it is the only one.
        let doubt = all
            .iter()
            .any(|f| f.note.as_deref().is_some_and(|n| n.starts_with(super::forms::DOUBT)));
        if !doubt && all.iter().all(|f| same(&f.value, &first.value)) {
            let also: Vec<String> = all[1..]
                .iter()
                .map(|f| f.at.clone())
                .filter(|a| *a != first.at)
                .collect();
            d.filled.push((path, first, also));
        } else {
            let mut distinct: Vec<Found> = Vec::new();
            for f in all {
                if !distinct.iter().any(|g| same(&g.value, &f.value) && g.at == f.at) {
                    distinct.push(f);
                }
            }
            d.conflicts.push((path, distinct));
        }
    }
    // An item without its value cannot be written: its other fields go, its value's
    // candidates stay.
    let item_of = |p: &str| p.find(']').map(|i| p[..=i].to_string());
    let valued: std::collections::BTreeSet<String> = d
        .filled
        .iter()
        .filter(|(p, _, _)| p.ends_with("].value"))
        .filter_map(|(p, _, _)| item_of(p))
        .collect();
    d.filled.retain(|(p, _, _)| match item_of(p) {
        Some(item) => !needs_value(&item) || valued.contains(&item),
        None => true,
    });
    d
}

/// Items of these lists need a `value`.
fn needs_value(item: &str) -> bool {
    ["economy[", "income_sources[", "categories[", "project_items["]
        .iter()
        .any(|l| item.contains(l))
}

/// Turns free items into paths `list[#n].field`.
pub fn free_items_as_found(f: &Findings) -> Vec<Found> {
    let mut out = Vec::new();
    for (n, item) in f.items.iter().enumerate() {
        let base = format!("{}[#{}]", item.list, n + 1);
        let mk = |field: &str, value: &str, note: Option<String>| Found {
            path: format!("{base}.{field}"),
            value: value.into(),
            at: item.at.clone(),
            quote: super::phrases::short(&item.quote),
            note,
        };
        let first = if item.list == "economy" { "label" } else { "name" };
        out.push(mk(first, &item.label, None));
        out.push(mk("value", &item.value, item.note.clone()));
        if item.list == "economy" {
            out.push(mk("unit", &item.unit, None));
        }
        if let Some(fund) = item.fund {
            out.push(mk("fund", fund, None));
        }
        if let Some(s) = &item.share {
            out.push(mk("share", s, None));
        }
        if let Some(c) = &item.change_pct {
            out.push(mk("change_pct", c, None));
        }
    }
    out
}

/// What a draft says about itself.
pub struct Head<'a> {
    pub source_name: &'a str,
    pub title: &'a str,
    pub year: u16,
    pub kind: &'a str,
    pub unit_name: Option<&'a str>,
}

fn q(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

fn is_number(s: &str) -> bool {
    s.parse::<Decimal>().is_ok()
}

/// Whether the key at `path` holds text (quoted even when it looks like a number: a target
/// of `100`).
fn is_text(path: &str) -> bool {
    let last = path.rsplit('.').next().unwrap_or("");
    let free_list =
        path.starts_with("goals[") || path.starts_with("indicators[") || path.starts_with("indicator_groups[");
    matches!(
        last,
        "level1"
            | "level2"
            | "level3"
            | "deviation"
            | "label"
            | "name"
            | "unit"
            | "grade"
            | "remark"
            | "as_of"
            | "authorized_type"
            | "fund"
            | "project_name"
            | "department"
            | "implementer"
            | "period"
    ) || (free_list && matches!(last, "target" | "actual"))
}

/// A scalar as YAML: numbers as written, everything else quoted.
fn yaml_value(path: &str, s: &str) -> String {
    if is_number(s) && !is_text(path) {
        s.to_string()
    } else {
        q(s)
    }
}

/// The comment beside a filled figure.
fn provenance(f: &Found, also: &[String]) -> String {
    let mut c = format!("# {}: “{}”", f.at, f.quote.replace(['\n', '\r'], " "));
    if !also.is_empty() {
        let _ = write!(c, " (also {})", also.join(", "));
    }
    if let Some(n) = &f.note {
        let _ = write!(c, " — {n}");
    }
    c
}

fn candidates(path: &str, all: &[Found]) -> String {
    let list: Vec<String> = all
        .iter()
        .map(|f| format!("{} ({} “{}”)", f.value, f.at, f.quote.replace(['\n', '\r'], " ")))
        .collect();
    if let Some(why) = all
        .iter()
        .find_map(|f| f.note.as_deref().and_then(|n| n.strip_prefix(super::forms::DOUBT)))
    {
        return format!(
            "# {path}: left empty — not sure: {why}: {} — check the source and enter it",
            list.join("; ")
        );
    }
    format!(
        "# {path}: left empty — the report states different figures: {} — check the source and enter one",
        list.join("; ")
    )
}

/// The whole draft file: front matter and body.
pub fn write(head: &Head, decided: &Decided, body: &str) -> String {
    let mut out = String::from("---\n");
    let _ = writeln!(
        out,
        "# 由 gongkai import 从 {} 导入的草稿：每个数字后面的注释写明它在原文中的位置，请逐一核对。",
        head.source_name.replace('\n', " ")
    );
    let _ = writeln!(
        out,
        "# Draft imported by gongkai import from {}: each figure's comment says where the report states it; check every one.",
        head.source_name.replace('\n', " ")
    );
    out.push_str("# 没有把握的数字留空，并在注释中列出候选值。Figures the importer was not sure of are left empty, with the candidates in a comment.\n");
    let _ = writeln!(out, "title: {}", q(head.title));
    let _ = writeln!(out, "year: {}", head.year);
    let _ = writeln!(out, "kind: {}", head.kind);
    if let Some(u) = head.unit_name {
        let _ = writeln!(out, "unit_name: {}", q(u));
    }
    out.push_str("amount_unit: 万元\n");

    // Leaves: filled ones and, outside list items, conflicting ones (as comments).
    enum Leaf<'a> {
        Filled(&'a Found, &'a [String]),
        Conflict(&'a [Found]),
    }
    let mut leaves: Vec<(String, Leaf)> = Vec::new();
    for (p, f, also) in &decided.filled {
        leaves.push((p.clone(), Leaf::Filled(f, also)));
    }
    let mut late = Vec::new();
    for (p, all) in &decided.conflicts {
        if p.contains('[') {
            late.push(candidates(p, all));
        } else {
            leaves.push((p.clone(), Leaf::Conflict(all)));
        }
    }
    // Item order: first appearance in the findings.
    let mut item_order: BTreeMap<String, usize> = BTreeMap::new();
    for (p, _) in &leaves {
        if let Some(i) = p.find(']') {
            let n = item_order.len();
            item_order.entry(p[..=i].to_string()).or_insert(n);
        }
    }
    let key = |p: &str| -> (usize, usize, usize) {
        let (r, sub) = rank(p);
        match p.find(']') {
            Some(i) => {
                let list_t = template(&p[..=i]);
                let first = ORDER.iter().position(|o| o.starts_with(&list_t)).unwrap_or(ORDER.len());
                (first, item_order.get(&p[..=i]).copied().unwrap_or(0), r * 100 + sub)
            }
            None => (r, 0, sub),
        }
    };
    leaves.sort_by_key(|(p, _)| key(p));

    let mut open: Vec<String> = Vec::new();
    for (path, leaf) in &leaves {
        let segs = segments(path);
        let common = open.iter().zip(&segs).take_while(|(a, b)| a == b).count();
        let common = common.min(segs.len() - 1);
        // Indent of each segment.
        // Each segment, a key or a list item, indents its children by two.
        let indent_of = |k: usize| -> usize { 2 * k };
        let mut dash = false;
        for (k, seg) in segs.iter().enumerate().take(segs.len() - 1).skip(common) {
            let ind = " ".repeat(indent_of(k));
            if let Some(id) = seg.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
                if id.starts_with('#') {
                    dash = true;
                } else {
                    let field = match segs[k - 1].as_str() {
                        "by_fund" => "fund",
                        _ => "key",
                    };
                    let _ = writeln!(out, "{ind}- {field}: {id}");
                }
            } else {
                let _ = writeln!(out, "{ind}{seg}:");
            }
        }
        let last = segs.len() - 1;
        let ind_n = indent_of(last);
        let ind = if dash {
            format!("{}- ", " ".repeat(ind_n.saturating_sub(2)))
        } else {
            " ".repeat(ind_n)
        };
        match leaf {
            Leaf::Filled(f, also) => {
                let _ = writeln!(
                    out,
                    "{ind}{}: {}  {}",
                    segs[last],
                    yaml_value(path, &f.value),
                    provenance(f, also)
                );
            }
            Leaf::Conflict(all) => {
                let _ = writeln!(out, "{}{}", " ".repeat(ind_n), candidates(path, all));
            }
        }
        open = segs;
    }
    for l in late {
        let _ = writeln!(out, "{l}");
    }
    out.push_str("---\n");
    out.push_str(body);
    if !body.ends_with('\n') {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(path: &str, value: &str, at: &str) -> Found {
        Found {
            path: path.into(),
            value: value.into(),
            at: at.into(),
            quote: "原文".into(),
            note: None,
        }
    }

    #[test]
    fn one_value_fills_two_leave_it_empty() {
        let d = decide(&[
            f("expenditure.total", "1545.30", "line 3"),
            f("expenditure.total", "1545.3", "line 9"),
            f("economy[industrial_enterprise_tax].value", "18500", "line 4"),
            f("economy[industrial_enterprise_tax].unit", "万元", "line 4"),
            f("economy[industrial_enterprise_tax].value", "16000", "line 20"),
        ]);
        assert_eq!(d.filled.len(), 1);
        assert_eq!(d.filled[0].2, ["line 9"]);
        assert_eq!(d.conflicts.len(), 1);
        let text = write(
            &Head {
                source_name: "a.txt",
                title: "报告",
                year: 2021,
                kind: "department",
                unit_name: None,
            },
            &d,
            "正文",
        );
        assert!(
            text.contains("expenditure:\n  total: 1545.30  # line 3: “原文” (also line 9)\n"),
            "{text}"
        );
        assert!(
            text.contains("# economy[industrial_enterprise_tax].value: left empty"),
            "{text}"
        );
        assert!(!text.contains("unit: 万元  #"), "{text}");
    }

    #[test]
    fn keys_come_in_the_format_order_with_items() {
        let d = decide(&[
            f("staffing.categories[support].value", "7", "line 2"),
            f("expenditure.basic", "1", "line 1"),
            f("staffing.authorized", "50", "line 2"),
            f("expenditure.by_fund[state_capital].total", "0", "line 5"),
            f("economy[#1].label", "新建专家工作站", "line 6"),
            f("economy[#1].value", "1", "line 6"),
            f("three_public.hospitality.batches", "78", "line 8"),
            f("three_public.hospitality.actual", "3.28", "line 8"),
        ]);
        let head = Head {
            source_name: "a.txt",
            title: "报告",
            year: 2021,
            kind: "department",
            unit_name: Some("某园区"),
        };
        let text = write(&head, &d, "");
        let front = text.split("---\n").nth(1).unwrap();
        let lines: Vec<&str> = front
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split("  #").next().unwrap())
            .collect();
        assert_eq!(
            lines[5..].to_vec(),
            [
                "expenditure:",
                "  basic: 1",
                "  by_fund:",
                "    - fund: state_capital",
                "      total: 0",
                "three_public:",
                "  hospitality:",
                "    actual: 3.28",
                "    batches: 78",
                "staffing:",
                "  authorized: 50",
                "  categories:",
                "    - key: support",
                "      value: 7",
                "economy:",
                "  - label: \"新建专家工作站\"",
                "    value: 1",
            ]
        );
    }
}
