//! Property test: random bytes, random front matter and mutated real reports never make the
//! parser, the cross-checks or the Markdown renderer panic. Bounded in iterations and time.

mod common;
use common::Rng;
use gongkai::content::parse_report;
use gongkai::figures::checks::check_report;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

/// Keys the random front matter is made of: every key of the form (from the schema, so a new
/// field is fuzzed the day it is added), item keys, and a few near misses.
fn keys() -> Vec<&'static str> {
    use gongkai::schema::{ABOUT, Body, Entry, SECTIONS};
    let mut out: Vec<&'static str> = ABOUT.iter().map(|a| a.key).collect();
    for s in SECTIONS {
        out.extend(s.path.split('.'));
        match s.body {
            Body::Rows(entries) => out.extend(entries.iter().map(|e| match e {
                Entry::Field(f) => f.key,
                Entry::Items(i) => i.key,
            })),
            Body::Lines(lines, fields) => {
                out.extend(lines.iter().map(|l| l.key));
                out.extend(fields.iter().map(|f| f.key));
                out.push("unit");
            }
            Body::Matrix(rows, columns) => {
                out.extend(rows.iter().map(|(k, _)| k.key));
                out.extend(columns.iter().map(|c| c.key));
            }
            Body::Groups(columns) => out.extend(columns.iter().map(|c| c.key)),
            Body::List(_) | Body::Funds | Body::Goals(_) | Body::Indicators(_) => {}
        }
    }
    out.extend([
        "fund",
        "key",
        "value",
        "label",
        "name",
        "share",
        "also_stated",
        "weight",
        "target",
        "level1",
        "titel",
        "yaer",
        "..",
        "---",
        "<<",
        "",
    ]);
    out.sort_unstable();
    out.dedup();
    out
}

const VALUES: &[&str] = &[
    "0",
    "1545.30",
    "-1.39",
    "174,053.00",
    "１７４０５３．００",
    "1,2,3",
    "abc",
    "\"\"",
    "~",
    "null",
    "[]",
    "{}",
    "[1, 2",
    "优",
    "好",
    "department",
    "project",
    "万元",
    "元",
    "亿元",
    "%",
    "98.47%",
    "1e308",
    "99999999999999999999999999999999",
    "0.0000000000000000000000000001",
    "2022-02-30",
    "&a 1",
    "*a",
    "!!str 5",
    "|\n  text",
    ">",
    "'quoted",
    "- x",
    "general_public",
    "industrial_output",
    "\u{feff}",
    "663 4",
    "\"0 6 3\"",
    "1\u{200b}2",
    "1\u{3000}2",
    "\"\\a\"",
    "\"x\\u0000\"",
    "\"\\uFFFF\"",
    "\u{7}",
    "\u{c}",
    "[[[[[[[[",
    "&b [*a, *a, *a]",
    "+++",
    "x = 1",
    "\t",
    "-",
    "?",
    ": :",
    "..",
    "---",
];

fn random_front(rng: &mut Rng, keys: &[&str]) -> String {
    let mut out = String::from("---\n");
    if rng.below(4) > 0 {
        out.push_str("title: t\nyear: 2021\nkind: department\n");
    }
    for _ in 0..rng.below(30) {
        let indent = "  ".repeat(rng.below(4));
        let dash = if rng.below(4) == 0 { "- " } else { "" };
        let key = rng.pick(keys);
        let value = if rng.below(3) == 0 {
            String::new()
        } else {
            rng.pick(VALUES).to_string()
        };
        out.push_str(&format!("{indent}{dash}{key}: {value}\n"));
    }
    out.push_str("---\n**公务接待费：**3.28万元 <script>x</script> [^1] | a | b |\n|---|\n");
    out
}

/// A well-formed report whose figures are random: exercises every cross-check with odd
/// numbers (zeros, huge values, many decimals, negatives where allowed).
fn random_figures(rng: &mut Rng) -> String {
    const NUMS: &[&str] = &[
        "0",
        "0.00",
        "1",
        "3.28",
        "552.28",
        "9999999999999999.9999999999",
        "9999999999999999",
        "0.0000000001",
        "100",
        "99.99",
        "1,000",
        "１２",
        "-0",
        "8",
        "0.5",
    ];
    fn section(out: &mut String, rng: &mut Rng, name: &str, keys: &[&str], indent: &str) {
        out.push_str(&format!("{indent}{name}:\n"));
        for k in keys {
            if rng.below(5) > 0 {
                out.push_str(&format!("{indent}  {k}: {}\n", rng.pick(NUMS)));
            }
        }
    }
    let mut out = String::from("---\ntitle: t\nyear: 2021\nkind: project\nproject_name: p\n");
    // Every numeric field of the form, from the schema.
    use gongkai::schema::{Body, Entry, SECTIONS};
    for s in SECTIONS.iter().filter(|s| s.path != "staffing") {
        match s.body {
            Body::Rows(entries) => {
                let keys: Vec<&str> = entries
                    .iter()
                    .filter_map(|e| match e {
                        Entry::Field(f) if f.kind.is_number() => Some(f.key),
                        _ => None,
                    })
                    .collect();
                section(&mut out, rng, s.path, &keys, "");
            }
            Body::Lines(lines, fields) => {
                out.push_str(&format!("{}:\n", s.path));
                for line in lines {
                    let keys: Vec<&str> = fields
                        .iter()
                        .filter(|f| f.kind.is_number() && f.only.is_none_or(|o| o == line.key))
                        .map(|f| f.key)
                        .collect();
                    section(&mut out, rng, line.key, &keys, "  ");
                    if rng.below(3) == 0 {
                        out.push_str(&format!("    unit: {}\n", rng.pick(&["元", "万元", "亿元", "个"])));
                    }
                }
            }
            _ => {}
        }
    }
    out.push_str("staffing:\n  actual: 4\n  categories:\n    - key: management\n      value: 3\n");
    out.push_str("indicators:\n");
    for l1 in ["产出指标", "效益指标"] {
        out.push_str(&format!(
            "  - level1: {l1}\n    weight: {}\n    score: {}\n",
            rng.pick(NUMS),
            rng.pick(NUMS)
        ));
    }
    out.push_str("economy:\n");
    for _ in 0..rng.below(4) {
        let unit = rng.pick(&["亿元", "万元", "元", "家"]);
        out.push_str(&format!("  - key: tax_revenue\n    value: {}\n    unit: {unit}\n    change: {}\n    change_pct: {}\n    also_stated:\n      - value: {}\n        unit: {}\n", rng.pick(NUMS), rng.pick(NUMS), rng.pick(NUMS), rng.pick(NUMS), rng.pick(&["亿元", "万元", "元"])));
    }
    out.push_str("---\n");
    out
}

fn mutate(rng: &mut Rng, text: &str) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(8) {
        if bytes.is_empty() {
            break;
        }
        let at = rng.below(bytes.len());
        match rng.below(4) {
            0 => {
                bytes.remove(at);
            }
            1 => bytes.insert(at, rng.next() as u8),
            2 => {
                let pool = b"-:\n #[]{}&*!|>'\",.0123456789";
                bytes[at] = pool[rng.below(pool.len())];
            }
            _ => {
                let len = rng.below(40).min(bytes.len() - at);
                let chunk: Vec<u8> = bytes[at..at + len].to_vec();
                let to = rng.below(bytes.len());
                bytes.splice(to..to, chunk);
            }
        }
    }
    bytes
}

/// Runs one input through everything; true when it parsed into a report (and was checked).
fn exercise(bytes: &[u8]) -> bool {
    let path = Path::new("fuzz.md");
    let Ok(text) = gongkai::content::document::decode(bytes, path) else {
        return false;
    };
    let _ = gongkai::markdown::render(&text);
    let (report, problems) = parse_report(&text, path, "p", "2021");
    assert!(
        report.is_some() || problems.iter().any(|d| d.is_error()),
        "a rejected input must say why"
    );
    if let Some(d) = problems.iter().find(|d| d.help.is_none()) {
        panic!("every problem says how to fix it, not: {d}");
    }
    match report {
        Some(r) => {
            let _ = check_report(&r);
            true
        }
        None => false,
    }
}

#[test]
fn parser_checks_and_markdown_never_panic() {
    let seed: u64 = std::env::var("GONGKAI_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E3779B97F4A7C15);
    let mut rng = Rng(seed);
    let seeds: Vec<String> = [
        "lengshuitan/2021.md",
        "daoxian/2023.md",
        "wangcheng/2019.md",
        "daxiang/2021.md",
    ]
    .iter()
    .map(|p| std::fs::read_to_string(common::repo().join("content/parks").join(p)).unwrap())
    .collect();
    let keys = keys();
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut runs = 0;
    let mut parsed = 0;
    while runs < 4000 && Instant::now() < deadline {
        let input: Vec<u8> = match runs % 4 {
            0 => (0..rng.below(400)).map(|_| rng.next() as u8).collect(),
            1 => random_front(&mut rng, &keys).into_bytes(),
            2 => random_figures(&mut rng).into_bytes(),
            _ => {
                let i = rng.below(seeds.len());
                mutate(&mut rng, &seeds[i])
            }
        };
        match catch_unwind(AssertUnwindSafe(|| exercise(&input))) {
            Ok(ok) => parsed += usize::from(ok),
            Err(_) => panic!(
                "panic on input (seed {seed}, run {runs}):\n{}",
                String::from_utf8_lossy(&input)
            ),
        }
        runs += 1;
    }
    assert!(runs >= 500, "only {runs} inputs tried before the deadline");
    assert!(parsed * 10 >= runs, "only {parsed} of {runs} inputs reached the checks");
}
