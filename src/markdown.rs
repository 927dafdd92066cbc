//! Markdown to HTML for report narratives.
//!
//! Two things CommonMark alone gets wrong for Chinese reports:
//! - `**公务接待费：**3.28万元` — the closing `**` follows punctuation and precedes a digit, so
//!   CommonMark's flanking rules leave the asterisks as text. We pair such leftover `**`/`__`
//!   delimiters within a paragraph and render them as the author meant.
//! - Headings need stable ids for links; we derive them from the heading text, keeping CJK.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::collections::HashMap;

/// A heading of the rendered document, for a table of contents.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// Rendered HTML and its headings.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
}

/// Renders Markdown to HTML. `demote` shifts headings down so `#` in a body never competes
/// with the page's `<h1>`.
pub fn render(source: &str) -> Rendered {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let events: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(source, options).into_offset_iter().collect();
    let events = fix_cjk_emphasis(source, events);
    let (events, headings) = heading_ids(events);
    let mut out = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    Rendered {
        html: sanitize(&out),
        headings,
    }
}

/// Keeps harmless markup (including tables pasted from Word) and removes what could run code
/// or deceive: scripts, event handlers, `javascript:`/`data:` URLs, iframes, forms, styles.
pub fn sanitize(html: &str) -> String {
    use std::sync::OnceLock;
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    let cleaner = CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.add_generic_attributes(["id"])
            .add_tag_attributes("td", ["colspan", "rowspan"])
            .add_tag_attributes("th", ["colspan", "rowspan", "scope"])
            .add_allowed_classes("div", ["footnote-definition"])
            .add_allowed_classes("sup", ["footnote-definition-label", "footnote-reference"])
            .add_allowed_classes("span", ["footnote-definition-label"])
            .link_rel(Some("noopener noreferrer"))
            // Ids the page itself uses (`main`, `h-…`, `fig-…`, `checks-…`) must not be taken
            // by the narrative; heading ids start with `s-` and footnotes use their label.
            .attribute_filter(|_, attribute, value| {
                let reserved = value == "main" || ["h-", "fig-", "checks"].iter().any(|p| value.starts_with(p));
                (!(attribute == "id" && reserved)).then(|| value.into())
            });
        b
    });
    cleaner.clean(html).to_string()
}

/// Pairs literal `**` / `__` runs that CommonMark left unmatched inside one inline container.
fn fix_cjk_emphasis<'a>(source: &'a str, events: Vec<(Event<'a>, std::ops::Range<usize>)>) -> Vec<Event<'a>> {
    // pulldown-cmark emits leftover delimiters one character at a time: join adjacent text
    // that stands literally in the source (an escaped `\*` does not, and is left alone).
    let mut joined: Vec<(Event<'a>, std::ops::Range<usize>)> = Vec::with_capacity(events.len());
    for (event, range) in events {
        let literal = matches!(&event, Event::Text(t) if source.get(range.clone()) == Some(t.as_ref()));
        if let (true, Some((Event::Text(prev), prev_range))) = (literal, joined.last_mut()) {
            if prev_range.end == range.start && source.get(prev_range.clone()) == Some(prev.as_ref()) {
                prev_range.end = range.end;
                *prev = CowStr::from(source[prev_range.clone()].to_string());
                continue;
            }
        }
        joined.push((event, range));
    }
    let events = joined;
    // Split text events at every delimiter run that stands literally in the source.
    let mut pieces: Vec<Event<'a>> = Vec::with_capacity(events.len());
    let mut markers: Vec<(usize, usize)> = Vec::new(); // (index in pieces, container depth)
    let mut depth = 0usize;
    let mut open_stack: Vec<Vec<usize>> = vec![Vec::new()];
    for (event, range) in events {
        match &event {
            Event::Start(tag) => {
                depth += 1;
                if is_inline_container(tag) {
                    open_stack.push(Vec::new());
                }
                pieces.push(event);
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                if is_inline_container_end(tag) {
                    let run = open_stack.pop().unwrap_or_default();
                    markers.extend(pair_up(&run).into_iter().map(|i| (i, depth)));
                }
                pieces.push(event);
            }
            Event::Text(text) => {
                let raw = source.get(range.clone()).unwrap_or("");
                if raw == text.as_ref() && (text.contains("**") || text.contains("__")) {
                    let mut rest: &str = text.as_ref();
                    let mut owned = String::new();
                    while let Some(pos) = find_delim(rest) {
                        owned.push_str(&rest[..pos]);
                        if !owned.is_empty() {
                            pieces.push(Event::Text(CowStr::from(std::mem::take(&mut owned))));
                        }
                        if let Some(top) = open_stack.last_mut() {
                            top.push(pieces.len());
                        }
                        pieces.push(Event::Text(CowStr::from(rest[pos..pos + 2].to_string())));
                        rest = &rest[pos + 2..];
                    }
                    owned.push_str(rest);
                    if !owned.is_empty() {
                        pieces.push(Event::Text(CowStr::from(owned)));
                    }
                } else {
                    pieces.push(event);
                }
            }
            _ => pieces.push(event),
        }
    }
    let mut out = pieces;
    let mut pairs: Vec<usize> = markers.into_iter().map(|(i, _)| i).collect();
    pairs.sort_unstable();
    for (n, idx) in pairs.iter().enumerate() {
        out[*idx] = if n % 2 == 0 {
            Event::Start(Tag::Strong)
        } else {
            Event::End(TagEnd::Strong)
        };
    }
    merge_text(out)
}

/// Indices of delimiter runs to convert, as (open, close) pairs flattened in order.
/// Only runs of the same kind pair up, left to right; an odd one out stays literal.
fn pair_up(run: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut chunks = run.chunks_exact(2);
    for pair in &mut chunks {
        out.extend_from_slice(pair);
    }
    out
}

fn find_delim(s: &str) -> Option<usize> {
    match (s.find("**"), s.find("__")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn is_inline_container(tag: &Tag) -> bool {
    matches!(tag, Tag::Paragraph | Tag::Heading { .. } | Tag::TableCell | Tag::Item)
}

fn is_inline_container_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::Item
    )
}

/// Joins adjacent text events so the HTML writer sees one text per run.
fn merge_text(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for e in events {
        if let (Some(Event::Text(prev)), Event::Text(cur)) = (out.last_mut(), &e) {
            let joined = format!("{prev}{cur}");
            *prev = CowStr::from(joined);
            continue;
        }
        out.push(e);
    }
    out
}

/// Gives every heading an id (unless the author set one) and collects the outline.
fn heading_ids(events: Vec<Event<'_>>) -> (Vec<Event<'_>>, Vec<Heading>) {
    let mut headings = Vec::new();
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut out = events;
    let mut i = 0;
    while i < out.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &out[i] {
            let level = demote(*level);
            let author_id = id.clone();
            let mut text = String::new();
            let mut j = i + 1;
            while j < out.len() && !matches!(out[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &out[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = author_id
                .map(|s| s.to_string())
                .unwrap_or_else(|| slugify_heading(&text));
            let n = used.entry(base.clone()).or_insert(0);
            *n += 1;
            let unique = if *n == 1 { base } else { format!("{base}-{n}") };
            if let Event::Start(Tag::Heading { id, level: l, .. }) = &mut out[i] {
                *id = Some(CowStr::from(unique.clone()));
                *l = level;
            }
            if let Event::End(TagEnd::Heading(l)) = &mut out[j] {
                *l = level;
            }
            headings.push(Heading {
                level: heading_number(level),
                id: unique,
                text: text.trim().to_string(),
            });
            i = j;
        }
        i += 1;
    }
    (out, headings)
}

fn heading_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// Narratives sit under the page's own `<h2>` section: `##` becomes `<h3>` so the outline
/// stays in order (the page has the only `<h1>`).
fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// An id from heading text: letters (including CJK) and digits kept, the rest become `-`.
pub fn slugify_heading(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "section".into()
    } else {
        format!("s-{out}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_bold_renders() {
        let r = render("**公务接待费：**3.28万元，共接待78批。\n");
        assert_eq!(r.html, "<p><strong>公务接待费：</strong>3.28万元，共接待78批。</p>\n");
    }

    #[test]
    fn two_cjk_bolds_in_one_paragraph() {
        let r = render("**一是科学编制。**内容；**二是扎实开展。**内容。\n");
        assert_eq!(
            r.html,
            "<p><strong>一是科学编制。</strong>内容；<strong>二是扎实开展。</strong>内容。</p>\n"
        );
    }

    #[test]
    fn ordinary_bold_and_escapes_untouched() {
        assert_eq!(render("**bold** text\n").html, "<p><strong>bold</strong> text</p>\n");
        assert_eq!(render("a \\*\\* b\n").html, "<p>a ** b</p>\n");
        assert_eq!(render("`**x：**1`\n").html, "<p><code>**x：**1</code></p>\n");
    }

    #[test]
    fn odd_delimiter_stays_literal() {
        assert_eq!(render("价格**：3元\n").html, "<p>价格**：3元</p>\n");
    }

    #[test]
    fn headings_get_ids() {
        let r = render("## 一、部门概况\n\n## 一、部门概况\n\n### Budget & Spend\n");
        assert_eq!(r.headings[0].id, "s-一-部门概况");
        assert_eq!(r.headings[1].id, "s-一-部门概况-2");
        assert_eq!(r.headings[2].id, "s-budget-spend");
        assert!(
            r.html.contains("<h3 id=\"s-一-部门概况\">"),
            "## is demoted under the page's h2: {}",
            r.html
        );
        assert_eq!(r.headings[0].level, 3);
    }

    #[test]
    fn raw_html_is_sanitised_but_word_tables_survive() {
        let src = "<table><tr><td colspan=\"2\" style=\"color:red\" onclick=\"x()\">人员经费</td></tr></table>\n\n\
                   <script>alert(1)</script>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n\
                   [a](javascript:alert(1)) <img src=\"data:image/png;base64,AAAA\"> <a href=\"https://gov.cn\" onmouseover=\"x()\">ok</a>\n\n\
                   <div id=\"main\" class=\"notice warning\">假通知</div>\n";
        let html = render(src).html;
        assert!(html.contains("<td colspan=\"2\">人员经费</td>"), "{html}");
        for bad in [
            "<script",
            "alert(1)</",
            "<iframe",
            "onclick",
            "onmouseover",
            "javascript:",
            "data:image",
            "style=",
            "id=\"main\"",
            "notice",
        ] {
            assert!(!html.contains(bad), "{bad} survived: {html}");
        }
        assert!(
            html.contains("<a href=\"https://gov.cn\" rel=\"noopener noreferrer\">ok</a>"),
            "{html}"
        );
    }

    #[test]
    fn footnotes_keep_their_links() {
        let html = render("正文[^1]\n\n[^1]: 注释\n").html;
        assert!(html.contains("href=\"#1\"") && html.contains("id=\"1\""), "{html}");
    }

    #[test]
    fn tables_render() {
        let r = render("| 项目 | 金额 |\n|---|---|\n| 人员经费 | 712.25 |\n");
        assert!(r.html.contains("<table>") && r.html.contains("<td>712.25</td>"));
    }
}
