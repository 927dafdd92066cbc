//! Labels, kinds and units of the form, written into the JSON Schema of report.json, so a
//! researcher reading the schema learns what each number is without the docs.

use super::*;
use serde_json::{Value, json};

/// The section each front-matter type holds (names as schemars gives them in `$defs`).
pub const DEFS: &[(&str, &str)] = &[
    ("evaluation", "Evaluation"),
    ("budget", "Budget"),
    ("final_accounts", "FinalAccounts"),
    ("expenditure", "Expenditure"),
    ("assets", "Assets"),
    ("staffing", "Staffing"),
    ("project", "ProjectFunds"),
    ("evaluation.scale", "GradeScale"),
];

fn unit_name(kind: Kind, unit: Unit) -> Option<&'static str> {
    match (kind, unit) {
        (Kind::Percent, _) => Some("%"),
        (_, Unit::Amount) => Some("amount_unit"),
        (_, Unit::Of(u)) => Some(u),
        (_, Unit::None) => None,
    }
}

/// Annotates one property: `title` (中文 English), `description` (what and in which unit),
/// and `x-label-zh`, `x-label-en`, `x-kind`, `x-unit` for programs.
fn annotate(prop: &mut Value, label: Label, kind: Kind, unit: Option<&str>) {
    let Some(map) = prop.as_object_mut() else { return };
    map.insert("title".into(), format!("{} {}", label.zh, label.en).into());
    let unit_words = match unit {
        Some("amount_unit") => ", in the report's amount_unit".to_string(),
        Some("unit") => ", in the line's unit, else the report's amount_unit".to_string(),
        Some("%") => ", a percentage written without %".to_string(),
        Some("row.unit") => ", in the row's own `unit`".to_string(),
        Some(u) => format!(", in {u}"),
        None => String::new(),
    };
    map.insert(
        "description".into(),
        format!("{} ({}){unit_words}", label.en, kind.name()).into(),
    );
    map.insert("x-label-zh".into(), label.zh.into());
    map.insert("x-label-en".into(), label.en.into());
    map.insert("x-kind".into(), kind.name().into());
    if let Some(u) = unit {
        map.insert("x-unit".into(), u.into());
    }
}

/// Writes the form's labels into the `$defs` of a schemars-generated schema of report.json.
pub fn annotate_schema(schema: &mut Value) {
    let Some(defs) = schema.get_mut("$defs") else { return };
    for (path, def) in DEFS {
        let Some(sec) = SECTIONS.iter().find(|s| s.path == *path) else {
            continue;
        };
        let Some(obj) = defs.get_mut(*def) else { continue };
        if let Some(map) = obj.as_object_mut() {
            map.insert("title".into(), format!("{} {}", sec.title.zh, sec.title.en).into());
        }
        for s in SECTIONS
            .iter()
            .filter(|s| s.path == *path || s.path.starts_with(&format!("{path}.")))
        {
            annotate_section(obj, s);
        }
    }
    if let Some(props) = defs.pointer_mut("/FundsRow/properties") {
        for x in FUNDS_COLUMNS {
            let unit = match x.kind {
                Kind::Percent => Some("%"),
                Kind::Points => Some("分"),
                _ => Some("amount_unit"),
            };
            if let Some(p) = props.get_mut(x.key) {
                annotate(p, x.label, x.kind, unit);
            }
        }
    }
    if let Some(props) = defs.pointer_mut("/FundsRow/properties") {
        for (key, label) in [
            ("label", l("行名称", "Row label")),
            ("label_en", l("行名称（英文）", "Row label in English")),
        ] {
            if let Some(p) = props.get_mut(key) {
                annotate(p, label, Kind::Text, None);
            }
        }
    }
    for (key, def) in [("indicators", "Indicator"), ("indicator_groups", "IndicatorGroup")] {
        let Some(s) = section(key) else { continue };
        let Some(obj) = defs.get_mut(def) else { continue };
        if let Some(map) = obj.as_object_mut() {
            map.insert("title".into(), format!("{} {}", s.title.zh, s.title.en).into());
        }
        let Some(props) = obj.get_mut("properties") else {
            continue;
        };
        match s.body {
            Body::Indicators(columns) => annotate_columns(props, columns),
            Body::Groups(columns) => annotate_columns(props, columns),
            _ => {}
        }
    }
    if let Some(Body::Lines(lines, fields)) = section("three_public").map(|s| s.body) {
        if let Some(props) = defs.pointer_mut("/ThreePublic/properties") {
            for l in lines {
                if let Some(p) = props.get_mut(l.key) {
                    let map = p.as_object_mut();
                    if let Some(map) = map {
                        map.insert("title".into(), format!("{} {}", l.label.zh, l.label.en).into());
                    }
                }
            }
        }
        if let Some(props) = defs.pointer_mut("/SpendingLine/properties") {
            for x in fields {
                let unit = match x.kind {
                    Kind::Percent => Some("%"),
                    Kind::Amount | Kind::Change => Some("unit"),
                    _ => None,
                };
                if let Some(p) = props.get_mut(x.key) {
                    annotate(p, x.label, x.kind, unit);
                }
            }
        }
    }
}

/// The columns of a table of rows (indicators, indicator heads): points in 分, the numbers
/// parsed from an indicator's text in the row's own `unit`.
fn annotate_columns<R, T>(props: &mut Value, columns: &[Column<R, T>]) {
    for c in columns {
        let unit = match c.kind {
            Kind::Points => Some("分"),
            Kind::Count => Some("row.unit"),
            _ => None,
        };
        if let Some(p) = props.get_mut(c.key) {
            annotate(p, c.label, c.kind, unit);
        }
    }
}

fn annotate_section(obj: &mut Value, s: &Section) {
    let Some(props) = obj.get_mut("properties") else { return };
    let key = s.path.rsplit('.').next().unwrap_or(s.path);
    match s.body {
        Body::Rows(entries) => {
            for e in entries {
                match e {
                    Entry::Field(f) => {
                        if let Some(p) = props.get_mut(f.key) {
                            annotate(p, f.label, f.kind, unit_name(f.kind, f.unit));
                        }
                    }
                    Entry::Items(i) => list(props, i.key, i.label, i.known),
                }
            }
        }
        Body::List(i) => list(props, key, i.label, i.known),
        Body::Funds => list(props, key, s.title, FUNDS),
        Body::Matrix(rows, _) => {
            let known: Vec<Known> = rows
                .iter()
                .map(|(k, _)| Known {
                    key: k.key,
                    label: k.label,
                    unit: None,
                })
                .collect();
            list(props, key, s.title, &known);
        }
        _ => {}
    }
}

/// A list of items: its title, and the keys an item may take from the form.
fn list(props: &mut Value, key: &str, label: Label, known: &[Known]) {
    let Some(map) = props.get_mut(key).and_then(Value::as_object_mut) else {
        return;
    };
    map.insert("title".into(), format!("{} {}", label.zh, label.en).into());
    if !known.is_empty() {
        let keys: Vec<Value> = known
            .iter()
            .map(|k| json!({"key": k.key, "zh": k.label.zh, "en": k.label.en, "unit": k.unit}))
            .collect();
        map.insert("x-known-keys".into(), keys.into());
    }
}
