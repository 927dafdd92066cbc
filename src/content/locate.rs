//! Finds the line of a key in block-style YAML, for messages about values that parsed fine
//! but make no sense (an unknown item key, a malformed date).

/// One step of a path: a mapping key or a list index.
#[derive(Clone, Copy, Debug)]
pub enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// 1-based (line, column) of the value at `path` in `yaml`, counting from `first_line`.
pub fn locate(yaml: &str, first_line: usize, path: &[Seg]) -> Option<(usize, usize)> {
    let lines: Vec<Line> = yaml.lines().map(Line::new).collect();
    let mut start = 0usize;
    let mut parent: isize = -1; // indentation of the owning key or dash
    let mut in_item = false; // the first line to scan is the item's own `- ` line
    let mut found = None;
    for seg in path {
        let hit = match *seg {
            Seg::Key(k) => find_key(&lines, start, parent, in_item, k),
            Seg::Index(n) => find_index(&lines, start, parent, n),
        };
        let (line, indent) = hit?;
        found = Some((line, indent));
        match seg {
            Seg::Key(_) => {
                start = line + 1;
                parent = indent as isize;
                in_item = false;
            }
            Seg::Index(_) => {
                start = line;
                parent = indent as isize - 2;
                in_item = true;
            }
        }
    }
    found.map(|(l, c)| (l + first_line, c + 1))
}

/// Every place (1-based line and column) where `key:` is written among the keys of the block
/// mapping whose first key is at (`line`, `column`) of a file whose YAML starts at
/// `first_line`: where a key written twice is.
pub fn key_places(yaml: &str, first_line: usize, at: (usize, usize), key: &str) -> Vec<(usize, usize)> {
    let (Some(start), Some(col)) = (at.0.checked_sub(first_line), at.1.checked_sub(1)) else {
        return Vec::new();
    };
    let mut places = Vec::new();
    for (i, text) in yaml.lines().enumerate().skip(start) {
        let l = Line::new(text);
        if l.blank {
            continue;
        }
        if i > start && l.raw < col {
            break;
        }
        let named = [key.to_string(), format!("\"{key}\""), format!("'{key}'")]
            .iter()
            .any(|k| {
                l.body
                    .strip_prefix(k.as_str())
                    .is_some_and(|r| r.trim_start().starts_with(':'))
            });
        if l.eff == col && named {
            places.push((i + first_line, col + 1));
        }
    }
    places
}

/// A line's raw indentation, the indentation of its content after `- ` markers, and content.
struct Line<'a> {
    raw: usize,
    eff: usize,
    body: &'a str,
    dash: bool,
    blank: bool,
}

impl<'a> Line<'a> {
    fn new(line: &'a str) -> Line<'a> {
        let trimmed = line.trim_start();
        let raw = line.len() - trimmed.len();
        let mut body = trimmed;
        while let Some(rest) = body.strip_prefix("- ") {
            body = rest.trim_start();
        }
        let dash = trimmed.starts_with("- ") || trimmed == "-";
        Line {
            raw,
            eff: line.len() - body.len(),
            body,
            dash,
            blank: trimmed.is_empty() || trimmed.starts_with('#'),
        }
    }
}

fn find_key(lines: &[Line], start: usize, parent: isize, in_item: bool, key: &str) -> Option<(usize, usize)> {
    let mut child = None;
    for (i, l) in lines.iter().enumerate().skip(start) {
        if l.blank {
            continue;
        }
        let first = in_item && i == start;
        if !first && (l.raw as isize) <= parent {
            return None;
        }
        let c = *child.get_or_insert(l.eff);
        if l.eff < c {
            return None;
        }
        if l.eff == c && l.body.strip_prefix(key).is_some_and(|r| r.starts_with(':')) {
            return Some((i, l.eff));
        }
    }
    None
}

fn find_index(lines: &[Line], start: usize, parent: isize, n: usize) -> Option<(usize, usize)> {
    let mut child = None;
    let mut seen = 0;
    for (i, l) in lines.iter().enumerate().skip(start) {
        if l.blank {
            continue;
        }
        if (l.raw as isize) < parent || ((l.raw as isize) == parent && !l.dash) {
            return None;
        }
        if l.dash && *child.get_or_insert(l.raw) == l.raw {
            if seen == n {
                return Some((i, l.raw + 2));
            }
            seen += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use Seg::*;

    const Y: &str = "title: x\neconomy:\n  - key: a\n    value: 1\n  - key: b\n    value: 2\nbudget:\n  income: 3\n";

    #[test]
    fn finds_keys_and_items() {
        assert_eq!(locate(Y, 2, &[Key("title")]), Some((2, 1)));
        assert_eq!(locate(Y, 2, &[Key("economy"), Index(1), Key("value")]), Some((7, 5)));
        assert_eq!(locate(Y, 2, &[Key("economy"), Index(0), Key("key")]), Some((4, 5)));
        assert_eq!(locate(Y, 2, &[Key("budget"), Key("income")]), Some((9, 3)));
        assert_eq!(locate(Y, 2, &[Key("budget"), Key("nope")]), None);
    }

    #[test]
    fn finds_a_key_written_twice() {
        let y = "title: x\nbudget:\n  income: 1\n  note: a\n  income: 2\nincome: 3\n";
        assert_eq!(key_places(y, 2, (4, 3), "income"), vec![(4, 3), (6, 3)]);
        assert_eq!(key_places(y, 2, (2, 1), "title"), vec![(2, 1)]);
        let items = "economy:\n  - key: a\n    value: 1\n    value: 2\n  - key: b\n    value: 3\n";
        assert_eq!(key_places(items, 1, (2, 5), "value"), vec![(3, 5), (4, 5)]);
    }

    #[test]
    fn lists_at_key_indentation() {
        let y = "notes:\n- a\n- b\nyear: 1\n";
        assert_eq!(locate(y, 1, &[Key("notes"), Index(1)]), Some((3, 3)));
        assert_eq!(locate(y, 1, &[Key("year")]), Some((4, 1)));
    }
}
