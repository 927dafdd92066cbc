//! Markdown to HTML for report narratives.
//!
//! Two things CommonMark alone gets wrong for Chinese reports:
//! - `**公务接待费：**3.28万元` — the closing `**` follows punctuation and precedes a digit, so
//!   CommonMark's flanking rules leave the asterisks as text. We pair such leftover `**`/`__`
//!   delimiters within a paragraph and render them as the author meant.
//! - Headings need stable ids for links; we derive them from the heading text, keeping CJK.
//!
//! Nesting is bounded ([`MAX_DEPTH`]): the sanitiser's HTML parser (html5ever, inside ammonia)
//! walks the whole stack of open elements for every block it opens, so 100 KB of `>` nested
//! 100,000 deep took minutes. [`check_content`] refuses such a narrative at its line before
//! anything is built, and [`render`] flattens what is nested deeper, so no input costs more
//! than time proportional to its length.

use crate::diagnostics::Diagnostic;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

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
    let events = flatten_deep(source, parser(source).collect());
    let events = fix_cjk_emphasis(source, events);
    let (events, headings) = heading_ids(events);
    let mut out = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    Rendered {
        html: sanitize(&out),
        headings,
    }
}

/// The Markdown parser with the extensions narratives use.
fn parser(source: &str) -> pulldown_cmark::OffsetIter<'_, pulldown_cmark::DefaultBrokenLinkCallback> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    Parser::new_ext(source, options).into_offset_iter()
}

/// How deeply quotes, lists, emphasis and HTML elements may nest in a narrative: far more than
/// any report needs, little enough that the sanitiser's cost per element stays small.
pub const MAX_DEPTH: usize = 100;

/// Byte offset in a narrative where it first nests deeper than [`MAX_DEPTH`].
pub fn too_deep(source: &str) -> Option<usize> {
    let mut nesting = Nesting::default();
    for (event, range) in parser(source) {
        if let Some(offset) = nesting.event(source, &event, &range) {
            return Some(offset);
        }
    }
    None
}

/// One error for each narrative of `content` (reports, translations, unit profiles) that nests
/// deeper than [`MAX_DEPTH`], at the line and column where it does.
pub fn check_content(content: &crate::content::Content) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let mut bodies: Vec<(std::path::PathBuf, &str)> = Vec::new();
    for r in &content.reports {
        bodies.push((r.file.clone(), &r.body));
        bodies.extend(r.translations.iter().map(|t| (t.file.clone(), t.body.as_str())));
    }
    for u in &content.units {
        bodies.push((u.file.clone(), &u.body));
        bodies.extend(u.translations.iter().map(|t| (t.file.clone(), t.body.as_str())));
    }
    bodies
        .par_iter()
        .filter_map(|(file, body)| too_deep(body).map(|offset| nesting_error(file, body, offset)))
        .collect()
}

/// The error for a narrative of `file` nested too deep at byte `offset` of `body`. The body
/// ends the file, so the file is read again (only then) to turn the offset into a line.
fn nesting_error(file: &Path, body: &str, offset: usize) -> Diagnostic {
    let text = crate::content::document::read_text(file).unwrap_or_default();
    let pos = text
        .ends_with(body)
        .then(|| crate::config::line_col(&text, text.len() - body.len() + offset));
    Diagnostic::error(file, crate::msg!(NarrativeTooDeep, max = MAX_DEPTH))
        .at_opt(pos)
        .help(crate::messages::Msg::NarrativeTooDeepHelp)
}

/// Drops what is nested deeper than [`MAX_DEPTH`]: Markdown containers lose their start and
/// end (their text stays), raw HTML that would go deeper is shown as text.
fn flatten_deep<'a>(source: &'a str, events: Vec<(Event<'a>, Range<usize>)>) -> Vec<(Event<'a>, Range<usize>)> {
    let mut nesting = Nesting::default();
    let mut kept: Vec<bool> = Vec::new(); // per open Markdown container: was its start kept?
    let mut out = Vec::with_capacity(events.len());
    for (event, range) in events {
        let event = match event {
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => event,
            Event::Start(_) if nesting.depth() >= MAX_DEPTH => {
                kept.push(false);
                continue;
            }
            Event::Start(_) => {
                kept.push(true);
                event
            }
            Event::End(_) if !kept.pop().unwrap_or(true) => continue,
            Event::Html(ref text) | Event::InlineHtml(ref text) => {
                let before = nesting.clone();
                if nesting.event(source, &event, &range).is_some() {
                    nesting = before;
                    out.push((Event::Text(text.clone()), range));
                } else {
                    out.push((event, range));
                }
                continue;
            }
            _ => event,
        };
        nesting.event(source, &event, &range);
        out.push((event, range));
    }
    out
}

/// An element the HTML parser holds open.
#[derive(Clone, Debug)]
enum Open {
    /// A Markdown container (`<blockquote>`, `<li>`, `<em>` …), closed by its end event.
    Markdown,
    /// A raw HTML element, by name.
    Html(String),
    /// Elements an end could not close, as the HTML parser would leave them: they stay open.
    Stuck,
}

/// The elements html5ever will hold open while it parses the rendered narrative, counted from
/// the Markdown events and the raw HTML in them. It errs towards more, never fewer: raw HTML
/// can be misnested, and the parser closes elements by rules this models only in part.
#[derive(Clone, Debug, Default)]
struct Nesting {
    stack: Vec<Open>,
    /// Formatting elements (`<b>`, `<font>` …) closed by something else than their own end
    /// tag: the parser opens them again at the next text, around everything that follows.
    reopened: Vec<String>,
    /// Inside `<!-- … -->`, or inside an element whose content is text (`<script>`, `<style>` …).
    skip_to: Option<String>,
}

impl Nesting {
    fn depth(&self) -> usize {
        self.stack.len() + self.reopened.len()
    }

    /// Applies one event; returns the source offset where it nests deeper than the limit.
    fn event(&mut self, source: &str, event: &Event, range: &Range<usize>) -> Option<usize> {
        match event {
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => None,
            Event::Start(_) => {
                self.stack.push(Open::Markdown);
                (self.depth() > MAX_DEPTH).then_some(range.start)
            }
            Event::End(_) => {
                self.end_markdown();
                None
            }
            Event::Html(text) | Event::InlineHtml(text) => {
                let at = self.html(text)?;
                // Offsets within the text are offsets in the source when the text is verbatim.
                let verbatim = source.get(range.clone()) == Some(text.as_ref());
                Some(range.start + if verbatim { at } else { 0 })
            }
            _ => None,
        }
    }

    /// Closes the innermost Markdown container, with the raw elements left open inside it
    /// unless one of them would stop the parser from closing it.
    fn end_markdown(&mut self) {
        let marker = self.stack.iter().rposition(|o| matches!(o, Open::Markdown));
        let Some(marker) = marker else { return };
        let stuck = self.stack[marker + 1..].iter().any(|o| match o {
            Open::Html(name) => is_special(name),
            _ => true,
        });
        if stuck {
            self.stack[marker] = Open::Stuck;
            return;
        }
        let closed: Vec<Open> = self.stack.drain(marker..).collect();
        self.reopen(closed);
    }

    /// Remembers the formatting elements among `closed`, which the parser will open again.
    fn reopen(&mut self, closed: Vec<Open>) {
        for open in closed {
            match open {
                Open::Html(name) if is_formatting(&name) => self.reopened.push(name),
                _ => {}
            }
        }
    }

    /// Reads the tags of raw HTML; returns the offset in `html` of the first tag that nests
    /// deeper than the limit.
    fn html(&mut self, html: &str) -> Option<usize> {
        let mut i = 0;
        while i < html.len() {
            if let Some(end) = self.skip_to.clone() {
                match find_ascii_ci(&html[i..], &end) {
                    Some(p) => {
                        i += p + end.len();
                        self.skip_to = None;
                        continue;
                    }
                    None => return None,
                }
            }
            let p = html[i..].find('<')?;
            let at = i + p;
            i = at + 1;
            let rest = &html[i..];
            if rest.starts_with("!--") {
                self.skip_to = Some("-->".into());
                i += 3;
                continue;
            }
            let closing = rest.starts_with('/');
            let name_start = i + usize::from(closing);
            let name: String = html[name_start..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .map(|c| c.to_ascii_lowercase())
                .collect();
            if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
                continue;
            }
            if closing {
                self.close(&name);
                continue;
            }
            if is_void(&name) || closes_itself(&name) {
                continue;
            }
            if is_raw_text(&name) {
                self.skip_to = Some(format!("</{name}"));
            }
            self.stack.push(Open::Html(name));
            if self.depth() > MAX_DEPTH {
                return Some(at);
            }
        }
        None
    }

    /// An end tag: closes the nearest open element of that name inside the current Markdown
    /// container, where the HTML parser would close it.
    fn close(&mut self, name: &str) {
        let mut found = None;
        for (k, open) in self.stack.iter().enumerate().rev() {
            match open {
                Open::Html(n) if n == name => {
                    found = Some(k);
                    break;
                }
                Open::Html(_) => {}
                _ => break,
            }
        }
        let Some(k) = found else {
            // A formatting element no longer open is dropped from those reopened.
            if let Some(r) = self.reopened.iter().rposition(|n| n == name) {
                self.reopened.remove(r);
            }
            return;
        };
        let blocked = |n: &str| {
            if closes_block(name) {
                is_scope_boundary(n)
            } else {
                is_special(n)
            }
        };
        let closable = self.stack[k + 1..].iter().all(|o| match o {
            Open::Html(n) => !blocked(n),
            _ => false,
        });
        if closable {
            let above: Vec<Open> = self.stack.drain(k..).skip(1).collect();
            self.reopen(above);
        }
    }
}

/// Offset of `needle` (ASCII) in `haystack`, ignoring ASCII case.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Elements without content (never open).
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "image"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements the parser closes when another like them starts (or ignores outside a table), so
/// they cannot pile up without an element counted here between them.
fn closes_itself(name: &str) -> bool {
    matches!(
        name,
        "p" | "li" | "dd" | "dt" | "tr" | "td" | "th" | "tbody" | "thead" | "tfoot" | "caption" | "colgroup"
    )
}

/// Elements whose content is text, not tags.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed" | "noframes"
    )
}

/// Formatting elements, which the parser reopens after an unexpected close.
fn is_formatting(name: &str) -> bool {
    matches!(
        name,
        "a" | "b" | "big" | "code" | "em" | "font" | "i" | "nobr" | "s" | "small" | "strike" | "strong" | "tt" | "u"
    )
}

/// End tags the parser honours through any element up to a scope boundary.
fn closes_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "button"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "header"
            | "hgroup"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "pre"
            | "search"
            | "section"
            | "summary"
            | "ul"
            | "applet"
            | "marquee"
            | "object"
            | "table"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
    )
}

/// Elements that stop the search for an element "in scope".
fn is_scope_boundary(name: &str) -> bool {
    matches!(
        name,
        "applet"
            | "caption"
            | "html"
            | "table"
            | "td"
            | "th"
            | "marquee"
            | "object"
            | "template"
            | "title"
            | "mi"
            | "mo"
            | "mn"
            | "ms"
            | "mtext"
            | "annotation-xml"
            | "foreignobject"
            | "desc"
    )
}

/// The HTML parser's "special" elements: an end tag for another element does not close them.
fn is_special(name: &str) -> bool {
    is_scope_boundary(name)
        || closes_block(name)
        || is_void(name)
        || closes_itself(name)
        || matches!(
            name,
            "body"
                | "frameset"
                | "head"
                | "iframe"
                | "li"
                | "noembed"
                | "noframes"
                | "noscript"
                | "plaintext"
                | "script"
                | "select"
                | "style"
                | "textarea"
                | "xmp"
        )
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
fn fix_cjk_emphasis<'a>(source: &'a str, events: Vec<(Event<'a>, Range<usize>)>) -> Vec<Event<'a>> {
    let (mut out, mut pairs) = split_at_delimiters(source, join_literal_text(source, events));
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

/// pulldown-cmark emits leftover delimiters one character at a time: joins adjacent text
/// that stands literally in the source (an escaped `\*` does not, and is left alone). A
/// joined run borrows the source, so a long run costs no more than its length.
fn join_literal_text<'a>(
    source: &'a str,
    events: Vec<(Event<'a>, Range<usize>)>,
) -> impl ExactSizeIterator<Item = (Event<'a>, Range<usize>)> {
    let mut joined: Vec<(Event<'a>, Range<usize>, bool)> = Vec::with_capacity(events.len());
    for (event, range) in events {
        let literal = matches!(&event, Event::Text(t) if source.get(range.clone()) == Some(t.as_ref()));
        if let (true, Some((Event::Text(prev), prev_range, true))) = (literal, joined.last_mut())
            && prev_range.end == range.start
        {
            prev_range.end = range.end;
            *prev = CowStr::Borrowed(&source[prev_range.clone()]);
            continue;
        }
        joined.push((event, range, literal));
    }
    joined.into_iter().map(|(event, range, _)| (event, range))
}

/// Splits text events at every delimiter run that stands literally in the source. Returns the
/// events and the indices of the runs to turn into `<strong>`: those that pair up inside the
/// inline container (paragraph, heading, table cell, list item) they stand in.
fn split_at_delimiters<'a>(
    source: &'a str,
    events: impl ExactSizeIterator<Item = (Event<'a>, Range<usize>)>,
) -> (Vec<Event<'a>>, Vec<usize>) {
    let mut pieces: Vec<Event<'a>> = Vec::with_capacity(events.len());
    let mut pairs: Vec<usize> = Vec::new();
    let mut open_stack: Vec<Vec<usize>> = vec![Vec::new()];
    for (event, range) in events {
        match &event {
            Event::Start(tag) => {
                if is_inline_container(tag) {
                    open_stack.push(Vec::new());
                }
                pieces.push(event);
            }
            Event::End(tag) => {
                if is_inline_container_end(tag) {
                    let run = open_stack.pop().unwrap_or_default();
                    pairs.extend(pair_up(&run));
                }
                pieces.push(event);
            }
            Event::Text(text) => {
                let raw = source.get(range.clone()).unwrap_or("");
                if raw == text.as_ref() && (text.contains("**") || text.contains("__")) {
                    push_split(text, &mut pieces, open_stack.last_mut());
                } else {
                    pieces.push(event);
                }
            }
            _ => pieces.push(event),
        }
    }
    (pieces, pairs)
}

/// Pushes `text` cut at each delimiter run, every run a piece of its own whose index goes to
/// `runs` (the runs of the open inline container).
fn push_split(text: &str, pieces: &mut Vec<Event<'_>>, mut runs: Option<&mut Vec<usize>>) {
    let mut rest = text;
    let mut owned = String::new();
    while let Some(pos) = find_delim(rest) {
        owned.push_str(&rest[..pos]);
        if !owned.is_empty() {
            pieces.push(Event::Text(CowStr::from(std::mem::take(&mut owned))));
        }
        if let Some(top) = runs.as_deref_mut() {
            top.push(pieces.len());
        }
        pieces.push(Event::Text(CowStr::from(rest[pos..pos + 2].to_string())));
        rest = &rest[pos + 2..];
    }
    owned.push_str(rest);
    if !owned.is_empty() {
        pieces.push(Event::Text(CowStr::from(owned)));
    }
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

/// Offset of the first `**` or `__`, in one pass (looking for each separately would read the
/// rest of a long run again for every delimiter).
fn find_delim(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(1)).find(|&i| matches!(b[i], b'*' | b'_') && b[i + 1] == b[i])
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

/// Joins adjacent text events so the HTML writer sees one text per run (each run copied once).
fn merge_text(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut run: Vec<CowStr> = Vec::new();
    for e in events {
        match e {
            Event::Text(t) => run.push(t),
            other => {
                push_run(&mut out, &mut run);
                out.push(other);
            }
        }
    }
    push_run(&mut out, &mut run);
    out
}

/// Appends the texts of `run` as one text event.
fn push_run<'a>(out: &mut Vec<Event<'a>>, run: &mut Vec<CowStr<'a>>) {
    match run.len() {
        0 => {}
        1 => out.extend(run.pop().map(Event::Text)),
        _ => {
            let text: String = run.iter().map(|t| t.as_ref()).collect();
            run.clear();
            out.push(Event::Text(CowStr::from(text)));
        }
    }
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

    /// Raw HTML the sanitiser's parser would nest deeper and deeper, each way it can.
    #[test]
    fn every_way_of_nesting_deep_is_found() {
        let many = |unit: &str| unit.repeat(MAX_DEPTH * 2);
        let numbered = |f: &dyn Fn(usize) -> String| (0..MAX_DEPTH * 2).map(f).collect::<String>();
        for (what, source) in [
            ("quotes", format!("{}x\n", many(">"))),
            ("quotes with spaces", format!("{}x\n", many("> "))),
            ("lists", format!("{}x\n", many("- "))),
            ("indented lists", numbered(&|i| format!("{}- x\n", "  ".repeat(i)))),
            ("emphasis", format!("{}x{}\n", many("*a "), many(" a*"))),
            ("divs", format!("{}\n", many("<div>"))),
            ("divs inline", format!("a{}\n", many("<div>"))),
            ("end tag that cannot close", format!("{}\n", many("<span><div></span>"))),
            ("tables across paragraphs", many("<table><td>x\n\n")),
            ("tables inside paragraphs", many("a<table><td>x\n\n")),
            (
                "unclosed emphasis across paragraphs",
                numbered(&|i| format!("<b class=\"c{i}\">x\n\n")),
            ),
            (
                "unclosed bold across paragraphs",
                "文字<span>红<b>粗\n\n".repeat(MAX_DEPTH * 2),
            ),
            ("div inside emphasis", format!("{}\n", many("*<div>a* "))),
            ("ruby", format!("a{}\n", many("<rb>"))),
            ("optgroup", format!("a{}\n", many("<optgroup>"))),
            ("svg", format!("<svg>{}\n", many("<g>"))),
            ("footnotes in quotes", format!("{}[^1]\n\n[^1]: x\n", many("> "))),
        ] {
            assert!(too_deep(&source).is_some(), "{what} not found");
        }
    }

    /// What reports contain, however long, is not too deep.
    #[test]
    fn long_ordinary_narratives_are_fine() {
        let n = MAX_DEPTH * 10;
        for (what, source) in [
            (
                "word table",
                format!(
                    "<table>{}</table>\n",
                    "<tr><td>a</td><td colspan=2>b</td></tr>".repeat(n)
                ),
            ),
            (
                "word table without end tags",
                format!("<table>{}</table>\n", "<tr><td>a<td>b".repeat(n)),
            ),
            ("unclosed spans", "文字<span>红\n\n".repeat(n)),
            ("paragraphs", "<p>a<p>b<li>c<dd>d\n".repeat(n)),
            ("comments", "<!-- <div><div><div> -->\n\n".repeat(n)),
            ("script text", format!("<script>{}</script>\n", "<div>".repeat(n))),
            ("closed bold", "<b>注：</b>文字\n\n**粗**<i>斜</i>\n\n".repeat(n)),
            ("closed divs", "<div class=\"x\">a</div>\n\n".repeat(n)),
            ("div around markdown", "<div>\n\n**加粗** 文字\n\n</div>\n\n".repeat(n)),
            ("line breaks", "a<br>b<br/>c<hr>\n".repeat(n)),
            ("nested lists", "- 一\n  - 二\n    - 三\n      > 引\n".repeat(n)),
        ] {
            assert_eq!(too_deep(&source), None, "{what}");
        }
    }

    #[test]
    fn the_offset_is_where_it_gets_too_deep() {
        let source = format!("正文\n\n{}x\n", ">".repeat(MAX_DEPTH + 5));
        assert_eq!(too_deep(&source), Some("正文\n\n".len() + MAX_DEPTH));
        let source = format!("<p>{}\n", "<div>".repeat(MAX_DEPTH + 5));
        assert_eq!(too_deep(&source), Some(3 + 5 * MAX_DEPTH));
    }

    #[test]
    fn render_flattens_what_is_too_deep() {
        let html = render(&format!("{}深处\n", ">".repeat(MAX_DEPTH * 3))).html;
        assert_eq!(html.matches("<blockquote>").count(), MAX_DEPTH);
        assert!(html.contains("深处"), "{html}");
        let html = render(&format!("{}深处\n", "<div>".repeat(MAX_DEPTH * 3))).html;
        assert!(html.matches("<div>").count() <= MAX_DEPTH, "{html}");
        assert!(html.contains("深处"), "{html}");
    }

    #[test]
    fn tables_render() {
        let r = render("| 项目 | 金额 |\n|---|---|\n| 人员经费 | 712.25 |\n");
        assert!(r.html.contains("<table>") && r.html.contains("<td>712.25</td>"));
    }
}
