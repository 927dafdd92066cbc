//! The key tables of docs/content-format.md, written from the form so the docs cannot drift
//! from what the build reads (a test compares them; `GONGKAI_UPDATE_DOCS=1 cargo test` rewrites
//! them).

use super::*;

/// Marks the generated part of docs/content-format.md.
pub const BEGIN: &str =
    "<!-- form:begin: generated from src/schema by `GONGKAI_UPDATE_DOCS=1 cargo test`; edit the schema, not this -->";
pub const END: &str = "<!-- form:end -->";

fn unit_text(kind: Kind, unit: Unit) -> String {
    match (kind, unit) {
        (Kind::Percent, _) => "%".into(),
        (_, Unit::Amount) => "`amount_unit`".into(),
        (_, Unit::Of(u)) => u.into(),
        (_, Unit::None) => String::new(),
    }
}

fn known_list(known: &[Known]) -> String {
    known
        .iter()
        .map(|k| format!("`{}` {}", k.key, k.label.zh))
        .collect::<Vec<_>>()
        .join(", ")
}

fn meaning(label: Label, hint: &str) -> String {
    if hint.is_empty() {
        label.en.to_string()
    } else {
        format!("{}; {hint}", label.en)
    }
}

/// The generated Markdown: the keys about the report, then one table per section of the form.
pub fn markdown() -> String {
    let mut out =
        format!("{BEGIN}\n\n### About the report\n\n| key | required | 中文 | meaning |\n|---|---|---|---|\n");
    for a in ABOUT {
        let required = match a.required {
            Required::Yes => "yes",
            Required::No => "no",
            Required::Project => "project reports",
        };
        out.push_str(&format!(
            "| `{}` | {required} | {} | {} |\n",
            a.key,
            a.label.zh,
            meaning(a.label, a.hint)
        ));
    }
    for s in SECTIONS {
        out.push_str(&format!("\n### `{}` — {} ({})\n\n", s.path, s.title.zh, s.title.en));
        section(&mut out, s);
    }
    out.push('\n');
    out.push_str(END);
    out
}

fn section(out: &mut String, s: &Section) {
    let head = "| key | 中文 | meaning | kind | unit |\n|---|---|---|---|---|\n";
    match s.body {
        Body::Rows(entries) => {
            out.push_str(head);
            for e in entries {
                out.push_str(&match e {
                    Entry::Field(f) => format!(
                        "| `{}` | {} | {} | {} | {} |\n",
                        f.key,
                        f.label.zh,
                        meaning(f.label, f.hint),
                        f.kind.name(),
                        unit_text(f.kind, f.unit)
                    ),
                    Entry::Items(i) => items_row(i),
                });
            }
        }
        Body::List(i) => {
            out.push_str(&format!("A list of **items** (see *Items* below). {}\n", list_text(&i)));
        }
        Body::Funds => {
            let funds = FUNDS.iter().filter(|k| k.key != "fiscal_appropriation");
            let keys: Vec<String> = funds.map(|k| format!("`{}` {}", k.key, k.label.zh)).collect();
            out.push_str(&format!(
                "A list of spending by budget: each `fund` ({}) with `total`, `basic`, `project` (amounts in `amount_unit`) and `note`.\n",
                keys.join(", ")
            ));
        }
        Body::Lines(lines, fields) => {
            let names: Vec<String> = lines.iter().map(|l| format!("`{}` ({})", l.key, l.label.zh)).collect();
            out.push_str(&format!(
                "Lines, each optional: {}. Each line has:\n\n",
                names.join(", ")
            ));
            out.push_str(head);
            for x in fields {
                let only = x.only.map(|l| format!(" ({l} only)")).unwrap_or_default();
                let unit = match x.kind {
                    Kind::Percent => "%",
                    Kind::Count | Kind::Text => "",
                    _ => "the line's `unit`, else `amount_unit`",
                };
                out.push_str(&format!(
                    "| `{}` | {} | {}{only} | {} | {unit} |\n",
                    x.key,
                    x.label.zh,
                    x.label.en,
                    x.kind.name()
                ));
            }
            out.push_str(
                "| `unit` | 单位 | the unit of this line's amounts, when not `amount_unit` (e.g. `元`) | text | |\n",
            );
        }
        Body::Goals(columns) => row_list(out, "A list of rows, each:", columns),
        Body::Indicators(columns) => row_list(out, "A list of indicator rows, each:", columns),
        Body::Groups(columns) => row_list(
            out,
            "A list of the indicator table's heads with their weights (产出指标（50分）), each:",
            columns,
        ),
        Body::Matrix(rows, columns) => {
            let names: Vec<String> = rows
                .iter()
                .map(|(k, group)| format!("`{}` {} ({group})", k.key, k.label.zh))
                .collect();
            out.push_str(&format!(
                "A list of the rows printed under 年度资金总额, in the form's order. Each row has a `key` of the form ({}), or a `label` and `label_en` for a row the form names otherwise; rows of one group add up to the total row. A row with nothing but its key is a row the form prints blank. Each row has:\n\n",
                names.join(", ")
            ));
            out.push_str(head);
            for x in columns {
                let unit = match x.kind {
                    Kind::Percent => "%",
                    Kind::Points => "分",
                    _ => "`amount_unit`",
                };
                out.push_str(&format!(
                    "| `{}` | {} | {} | {} | {unit} |\n",
                    x.key,
                    x.label.zh,
                    x.label.en,
                    x.kind.name()
                ));
            }
            out.push_str("| `note` | 说明 | note | text | |\n");
        }
    }
}

/// A list of rows with their columns (goals, indicators).
fn row_list<R, T>(out: &mut String, intro: &str, columns: &[Column<R, T>]) {
    out.push_str(&format!(
        "{intro}\n\n| key | 中文 | meaning | kind | translated |\n|---|---|---|---|---|\n"
    ));
    for c in columns {
        let translated = if c.translated.is_some() { "yes" } else { "" };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {translated} |\n",
            c.key,
            c.label.zh,
            c.label.en,
            c.kind.name()
        ));
    }
}

fn list_text(i: &Items) -> String {
    let known = if i.known.is_empty() {
        String::new()
    } else {
        format!(
            "Known keys (labels and units filled in for you): {}. Any other key needs `label` and `label_en`. ",
            known_list(i.known)
        )
    };
    format!("{known}Example: `{}`", i.example)
}

fn items_row(i: &Items) -> String {
    format!(
        "| `{}` | {} | list of **items** (see *Items* below). {} | list | {} |\n",
        i.key,
        i.label.zh,
        list_text(i),
        match i.unit {
            Unit::Of(u) => u.to_string(),
            _ => "`amount_unit`".into(),
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// docs/content-format.md carries the key tables of the form, exactly as generated.
    #[test]
    fn the_docs_key_tables_are_the_forms() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/content-format.md");
        let text = std::fs::read_to_string(&path).expect("docs/content-format.md");
        let (Some(a), Some(b)) = (text.find(BEGIN), text.find(END)) else {
            panic!("docs/content-format.md has no {BEGIN} … {END} block");
        };
        let current = &text[a..b + END.len()];
        let wanted = markdown();
        if current != wanted {
            if std::env::var_os("GONGKAI_UPDATE_DOCS").is_some() {
                let new = format!("{}{wanted}{}", &text[..a], &text[b + END.len()..]);
                std::fs::write(&path, new).expect("write docs");
            } else {
                panic!(
                    "docs/content-format.md's key tables differ from the schema; run `GONGKAI_UPDATE_DOCS=1 cargo test --lib schema` and commit the result"
                );
            }
        }
    }
}
