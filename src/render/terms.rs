//! Links the first use of each glossary term on a page to its definition
//! (`glossary/#three-public`), so a citizen who meets 三公经费 or 决算 in a report, a table
//! head or a note can find out what it means without JavaScript. Works on the rendered HTML
//! of `<main>` so that narrative, tables and notes are treated alike; never inside a link,
//! a heading `h1`, a form control, a chart or a script. A term the page links to anyway (a
//! key-figure tile, wherever it is) is not linked again.

use super::glossary::TERMS;
use crate::lang::Labels;
use memchr::memmem::Finder;
use rustc_hash::FxHashMap;
use std::sync::{LazyLock, OnceLock};

/// The words that count as a use of each term, per language. The longest form at a
/// position wins, so 一般公共预算 is one use of its own term, not a use of 预算.
fn forms(id: &str) -> (&'static [&'static str], &'static [&'static str]) {
    match id {
        "self-evaluation-report" => (
            &["部门整体支出绩效自评报告", "整体支出绩效自评报告"],
            &["self-evaluation report"],
        ),
        "project-self-evaluation" => (
            &["项目支出绩效自评表", "项目支出绩效自评"],
            &[
                "project expenditure performance self-evaluation",
                "project self-evaluation",
            ],
        ),
        "performance-management" => (&["预算绩效管理"], &["budget performance management"]),
        "budget" => (&["预算"], &["budget"]),
        "final-accounts" => (&["决算"], &["final accounts"]),
        "general-public-budget" => (&["一般公共预算"], &["general public budget"]),
        "government-funds" => (
            &["政府性基金预算", "政府性基金"],
            &[
                "government-managed funds budget",
                "government-managed funds",
                "government funds",
            ],
        ),
        "state-capital" => (
            &["国有资本经营预算"],
            &["state capital operations budget", "state capital operations"],
        ),
        "social-insurance" => (&["社会保险基金预算"], &["social insurance funds budget"]),
        "fiscal-appropriations" => (&["财政拨款"], &["fiscal appropriations", "fiscal appropriation"]),
        "basic-expenditure" => (&["基本支出"], &["basic expenditure"]),
        "project-expenditure" => (&["项目支出"], &["project expenditure"]),
        "personnel-expenses" => (&["人员经费"], &["personnel expenses"]),
        "public-expenses" => (&["公用经费"], &["public expenses"]),
        "three-public" => (
            &["三公经费", "“三公”经费", "\"三公\"经费", "‘三公’经费"],
            &[
                "three public expenses",
                "“three public” expenses",
                "\"three public\" expenses",
                "three public",
            ],
        ),
        "overseas-travel" => (
            &["因公出国（境）费", "因公出国(境)费", "因公出国（境）"],
            &["overseas travel"],
        ),
        "hospitality" => (&["公务接待费"], &["official hospitality"]),
        "vehicles" => (
            &["公务用车购置及运行维护费", "公务用车购置及运行费", "公务用车"],
            &["official vehicles"],
        ),
        "operating-expenses" => (&["机关运行经费"], &["administrative operating expenses"]),
        "initial-budget" => (&["年初预算数", "年初预算"], &["initial budget"]),
        "full-year-budget" => (&["全年预算数"], &["full-year budget", "adjusted budget"]),
        "outturn" => (&["全年执行数"], &["outturn"]),
        "execution-rate" => (&["预算执行率", "执行率"], &["budget execution rate", "execution rate"]),
        "carry-forward" => (&["结转结余", "结转和结余"], &["carried forward", "carry-forward"]),
        "performance-objectives" => (&["绩效目标"], &["performance objectives", "performance targets"]),
        "performance-indicators" => (&["绩效指标"], &["performance indicators"]),
        "outputs-outcomes" => (&["产出指标", "效益指标"], &["output indicators", "outcome indicators"]),
        "satisfaction" => (&["服务对象满意度", "满意度指标"], &["beneficiary satisfaction"]),
        "target-actual" => (&["年度指标值", "实际完成值"], &["annual target"]),
        "weight-score" => (&["分值"], &[]),
        "self-evaluation-score" => (&["自评得分"], &["self-evaluation score"]),
        "grade" => (&["绩效等级"], &["performance grade"]),
        "deviation" => (&["偏差原因分析及改进措施", "偏差原因"], &["reasons for deviation"]),
        // 管理委员会 and the park types occur mostly inside names (望城经济技术开发区管理委员会):
        // a link in the middle of a name would break it up, so they are not linked.
        "wan-yuan" => (&["万元"], &["CNY 10,000"]),
        "not-disclosed" => (&["未披露"], &["not disclosed"]),
        "computed" => (&["计算值"], &["computed from the stated parts"]),
        _ => (&[], &[]),
    }
}

/// One form to look for: its text as it appears in escaped HTML, lower-cased for English.
struct Form {
    text: String,
    term: usize,
}

/// Forms keyed by their first character, longest first, for one language.
struct Index {
    by_first: FxHashMap<char, Vec<Form>>,
    /// Which characters below U+10000 start some form: most characters of a page start
    /// none, and a bit test is cheaper than a hash lookup (this runs over every page).
    starts: Vec<u64>,
    english: bool,
}

impl Index {
    /// The forms that start with `c` (lower-cased for English), longest first.
    fn starting_with(&self, c: char) -> Option<&[Form]> {
        let c = if self.english { c.to_ascii_lowercase() } else { c };
        let code = c as usize;
        if code < 0x10000 && self.starts[code / 64] & (1 << (code % 64)) == 0 {
            return None;
        }
        self.by_first.get(&c).map(Vec::as_slice)
    }
}

fn index(english: bool) -> &'static Index {
    static ZH: OnceLock<Index> = OnceLock::new();
    static EN: OnceLock<Index> = OnceLock::new();
    let build = || {
        let mut by_first: FxHashMap<char, Vec<Form>> = FxHashMap::default();
        for (term, t) in TERMS.iter().enumerate() {
            let (zh, en) = forms(t.id);
            for f in if english { en } else { zh } {
                let text = if english { f.to_lowercase() } else { (*f).to_string() };
                // Templates and Markdown escape a straight quote as &quot;.
                let mut variants = vec![text.clone()];
                if text.contains('"') {
                    variants.push(text.replace('"', "&quot;"));
                    variants.push(text.replace('"', "&#34;"));
                }
                for text in variants {
                    let first = text.chars().next().unwrap_or(' ');
                    by_first.entry(first).or_default().push(Form { text, term });
                }
            }
        }
        let mut starts = vec![0u64; 0x10000 / 64];
        for (first, forms) in by_first.iter_mut() {
            forms.sort_by(|a, b| b.text.len().cmp(&a.text.len()).then(a.text.cmp(&b.text)));
            let code = *first as usize;
            if code < 0x10000 {
                starts[code / 64] |= 1 << (code % 64);
            }
        }
        Index {
            by_first,
            starts,
            english,
        }
    };
    if english {
        EN.get_or_init(build)
    } else {
        ZH.get_or_init(build)
    }
}

/// Elements whose text is never linked: links (no link in a link), the page title, form
/// controls, details' summary (a link there would fight the toggle), definitions.
const SKIP: &[&str] = &[
    "a", "h1", "button", "label", "select", "option", "summary", "dfn", "abbr", "caption",
];
/// Elements skipped whole, without looking inside (their text is not prose).
const RAW: &[&str] = &["script", "style", "svg", "textarea", "template"];
/// Elements that have no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
];

fn one_of(name: &str, names: &[&str]) -> bool {
    names.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// `html` with the first use of each term inside `<main>` linked to `glossary` (the glossary
/// page's address, relative to this page).
pub fn link_first_uses(html: &str, labels: Labels, glossary: &str) -> String {
    let Some(start) = html.find("<main") else {
        return html.to_string();
    };
    let end = html.rfind("</main>").unwrap_or(html.len()).max(start);
    let index = index(labels == Labels::English);
    let mut seen = vec![false; TERMS.len()];
    let mut out = String::with_capacity(html.len() + 2048);
    out.push_str(&html[..start]);
    let body = &html[start..end];
    // Terms the template links anywhere on the page (key-figure tiles) are not linked again.
    static GLOSSARY: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("glossary/"));
    static HIDDEN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("visually-hidden"));
    let mut from = 0;
    while let Some(k) = GLOSSARY.find(&body.as_bytes()[from..]) {
        let at = from + k;
        let tag_start = body[..at].rfind('<').unwrap_or(0);
        let tag_end = body[at..].find('>').map_or(body.len(), |e| at + e);
        mark_linked(&body[tag_start..tag_end], &mut seen);
        from = tag_end.max(at + 1);
    }
    let mut unseen = seen.iter().filter(|s| !**s).count();
    // Open elements, each with whether its text is skipped (see SKIP, and visually hidden
    // text: a link there would be focusable yet invisible), and how many of them skip.
    let mut open: Vec<(&str, bool)> = Vec::new();
    let mut skipping = 0usize;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with("<!--") {
            let close = rest.find("-->").map_or(rest.len(), |k| k + 3);
            out.push_str(&rest[..close]);
            i += close;
            continue;
        }
        if rest.starts_with('<') {
            let close = rest.find('>').map_or(rest.len(), |k| k + 1);
            let tag = &rest[..close];
            out.push_str(tag);
            i += close;
            let (name, closing) = tag_name(tag);
            if closing {
                if let Some(k) = open.iter().rposition(|(n, _)| n.eq_ignore_ascii_case(name)) {
                    skipping -= open[k..].iter().filter(|(_, s)| *s).count();
                    open.truncate(k);
                }
                continue;
            }
            if one_of(name, RAW) {
                let after = &body[i..];
                let stop = find_end_tag(after, name).unwrap_or(after.len());
                out.push_str(&after[..stop]);
                i += stop;
                continue;
            }
            if !one_of(name, VOID) && !tag.ends_with("/>") {
                let skip = one_of(name, SKIP) || HIDDEN.find(tag.as_bytes()).is_some();
                skipping += usize::from(skip);
                open.push((name, skip));
            }
            continue;
        }
        let text_end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..text_end];
        if skipping == 0 && unseen > 0 {
            link_text(text, index, &mut seen, &mut unseen, glossary, &mut out);
        } else {
            out.push_str(text);
        }
        i += text_end;
    }
    out.push_str(&html[end..]);
    out
}

/// The element name of a tag (as written: compare it ignoring ASCII case), and whether it closes.
fn tag_name(tag: &str) -> (&str, bool) {
    let inner = tag.trim_start_matches('<');
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, inner),
    };
    let len = inner
        .bytes()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'-')
        .count();
    (&inner[..len], closing)
}

/// A link the template already made to a term (`glossary/#execution-rate`) counts as its use.
fn mark_linked(tag: &str, seen: &mut [bool]) {
    let Some(at) = tag.find("glossary/") else {
        return;
    };
    let after = &tag[at + "glossary/".len()..];
    let Some(after) = after.strip_prefix("index.html#").or_else(|| after.strip_prefix('#')) else {
        return;
    };
    let id: String = after
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if let Some(k) = TERMS.iter().position(|t| t.id == id) {
        seen[k] = true;
    }
}

/// Where `</name` starts in `hay`, in any ASCII case.
fn find_end_tag(hay: &str, name: &str) -> Option<usize> {
    let bytes = hay.as_bytes();
    memchr::memchr_iter(b'<', bytes).find(|&at| {
        let after = &bytes[at + 1..];
        after.len() > name.len() && after[0] == b'/' && after[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
    })
}

/// Copies `text` to `out`, linking the first use of each term not yet seen.
fn link_text(text: &str, index: &Index, seen: &mut [bool], unseen: &mut usize, glossary: &str, out: &mut String) {
    let mut copied = 0;
    let mut pos = 0;
    let mut prev: Option<char> = None;
    while pos < text.len() {
        let c = text[pos..].chars().next().unwrap_or(' ');
        // An English form starts a word: skip the inside of words without a lookup.
        let at_word = !index.english || !prev.is_some_and(|p| p.is_alphanumeric());
        let found = if at_word {
            index.starting_with(c).and_then(|forms| {
                forms.iter().find(|f| {
                    let hay = &text.as_bytes()[pos..];
                    hay.len() >= f.text.len()
                        && if index.english {
                            hay[..f.text.len()].eq_ignore_ascii_case(f.text.as_bytes())
                        } else {
                            hay.starts_with(f.text.as_bytes())
                        }
                        && (!index.english || word_edges(text, pos, pos + f.text.len()))
                })
            })
        } else {
            None
        };
        match found {
            Some(f) => {
                let stop = pos + f.text.len();
                if !seen[f.term] {
                    seen[f.term] = true;
                    *unseen -= 1;
                    out.push_str(&text[copied..pos]);
                    out.push_str("<a class=\"term\" href=\"");
                    out.push_str(glossary);
                    out.push('#');
                    out.push_str(TERMS[f.term].id);
                    out.push_str("\">");
                    out.push_str(&text[pos..stop]);
                    out.push_str("</a>");
                    copied = stop;
                }
                prev = text[..stop].chars().next_back();
                pos = stop;
            }
            None => {
                prev = Some(c);
                pos += c.len_utf8();
            }
        }
    }
    out.push_str(&text[copied..]);
}

/// An English form must be a whole word: "budget" not inside "budgetary".
fn word_edges(hay: &str, start: usize, end: usize) -> bool {
    let before = hay[..start].chars().next_back();
    let after = hay[end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_the_first_use_of_each_term_once() {
        let html = "<html><main><p>2021年“三公”经费支出5.85万元，三公经费下降。</p><p>决算支出</p></main></html>";
        let out = link_first_uses(html, Labels::Chinese, "../glossary/");
        assert_eq!(
            out,
            "<html><main><p>2021年<a class=\"term\" href=\"../glossary/#three-public\">“三公”经费</a>支出5.85<a class=\"term\" href=\"../glossary/#wan-yuan\">万元</a>，三公经费下降。</p><p><a class=\"term\" href=\"../glossary/#final-accounts\">决算</a>支出</p></main></html>"
        );
    }

    #[test]
    fn the_longest_form_wins_and_a_used_term_is_skipped_whole() {
        let html = "<main><p>一般公共预算</p><p>一般公共预算和预算</p></main>";
        let out = link_first_uses(html, Labels::Chinese, "g/");
        assert!(out.contains("<a class=\"term\" href=\"g/#general-public-budget\">一般公共预算</a></p><p>一般公共预算和<a class=\"term\" href=\"g/#budget\">预算</a>"), "{out}");
    }

    #[test]
    fn never_inside_links_headings_scripts_or_charts_nor_outside_main() {
        let html = "<header>预算</header><main><h1>决算</h1><a href=\"x\">预算</a><svg><text>决算</text></svg><script>if (a<b) 预算</script><p>决算</p></main><footer>预算</footer>";
        let out = link_first_uses(html, Labels::Chinese, "g/");
        assert_eq!(out.matches("class=\"term\"").count(), 1, "{out}");
        assert!(out.contains("<p><a class=\"term\" href=\"g/#final-accounts\">决算</a></p>"));
        assert!(out.starts_with("<header>预算</header>") && out.ends_with("<footer>预算</footer>"));
    }

    #[test]
    fn not_in_visually_hidden_text_and_nesting_is_followed() {
        let html = "<main><p><span class=\"visually-hidden\"><span>x</span>预算</span><br>预算</p></main>";
        let out = link_first_uses(html, Labels::Chinese, "g/");
        assert!(
            out.contains("预算</span><br><a class=\"term\" href=\"g/#budget\">预算</a>"),
            "{out}"
        );
    }

    #[test]
    fn a_term_the_page_already_links_counts_as_used() {
        let html = "<main><p>执行率98%</p><a href=\"../glossary/#execution-rate\">执行率</a></main>";
        let out = link_first_uses(html, Labels::Chinese, "../glossary/");
        assert!(!out.contains("class=\"term\""), "{out}");
        // Portable sites link `glossary/index.html#…`.
        let html = "<main><p>执行率98%</p><a href=\"../glossary/index.html#execution-rate\">执行率</a></main>";
        let out = link_first_uses(html, Labels::Chinese, "../glossary/index.html");
        assert!(!out.contains("class=\"term\""), "{out}");
    }

    #[test]
    fn english_matches_whole_words_in_any_case_and_keeps_the_text() {
        let html = "<main><p>Budgetary notes. The Final Accounts show a budget.</p></main>";
        let out = link_first_uses(html, Labels::English, "g/");
        assert!(out.contains("The <a class=\"term\" href=\"g/#final-accounts\">Final Accounts</a> show a <a class=\"term\" href=\"g/#budget\">budget</a>."), "{out}");
        assert!(out.contains("Budgetary notes"));
    }

    #[test]
    fn escaped_quotes_match() {
        let html = "<main><p>&quot;Three public&quot; expenses fell</p></main>";
        let out = link_first_uses(html, Labels::English, "g/");
        assert!(
            out.contains("<a class=\"term\" href=\"g/#three-public\">&quot;Three public&quot; expenses</a>"),
            "{out}"
        );
    }
}
