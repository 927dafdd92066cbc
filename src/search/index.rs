//! Builds the search index of one language.
//!
//! Layout (every name but `meta.json` carries the content hash of the whole index; the others
//! are `.bin`, the raw DEFLATE of their JSON (see [`store`]), an extension every web server
//! serves — IIS refuses unknown ones):
//! - `search/<lang>/meta.json`: a few numbers that do not grow with the site — documents,
//!   term shards, documents per text chunk, unit buckets, the content hash, the first year,
//!   the size of the text dictionary.
//! - `t<bucket>`: the terms hashed to that bucket, each with its document frequency, idf × 10⁶
//!   and its first block of postings (the highest weights); plus `f`, English word forms →
//!   their stem, so the browser needs no stemmer.
//! - `r<n>`: further blocks of postings, term after term, each block about `growth` times the
//!   one before; a term's entry says where its second block is, the others follow it in the
//!   same file. A query reads them only while they could change its top results (see
//!   `query.rs`); the search page, which counts the results, reads all of its terms'.
//! - `d<chunk>`: address (from the site root: `/parks/x/2021/`), title, subtitle and plain
//!   text of consecutive documents, fetched only for the top candidates (to confirm exact
//!   phrases and to cut excerpts); a chunk holds about `chunk_bytes` compressed, so a long
//!   document has one of its own. Compressed with the preset dictionary `z`.
//! - `z`: that dictionary (text, not JSON): clauses many documents share. Absent when the site
//!   repeats none (`"z":0` in meta.json).
//! - `i`, `u<bucket>`: for the filters only — year, kind and grade of each document; the range
//!   of documents of each unit.
//!
//! Postings are weights × 100 of BM25 (with field weights), written as numbers in 64 URL-safe
//! characters (a digit from 32 up means more digits follow), grouped by weight: per group the
//! weight (the first of a block absolute, then the drop from the previous group), the number of
//! documents and their numbers as gaps. About 2 bytes a posting, against 7 as JSON arrays.

use super::store;
use super::tokenize::{self, stem};
use crate::content::Unit;
use crate::content::model::{Grade, Kind};
use crate::render::OutputFile;
use crate::site::{Lang, ReportEntry, Site};
use crate::theme::Words;
use rustc_hash::FxHashMap;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The index format: `v` in meta.json. search.js says which it reads with this line, and a
/// theme whose search.js lacks it is refused (it would read an older format and find nothing).
pub const FORMAT: u32 = 3;
pub const FORMAT_MARKER: &str = "gongkai-search-index: 3";

/// BM25 parameters.
pub const K1: f64 = 1.2;
/// Length normalisation is kept mild: unit profiles are short summaries of the reports and
/// should not outrank the reports they summarise.
pub const B: f64 = 0.5;
/// Most characters of a document's text kept for excerpts and phrase checks.
pub const TEXT_LIMIT: usize = 3_000;

/// Field weights: a title hit outranks a body hit.
const TITLE: f64 = 4.0;
const UNIT: f64 = 3.0;
const HEADING: f64 = 2.0;
const LABEL: f64 = 1.5;
const BODY: f64 = 1.0;

/// One searchable page.
pub struct Doc {
    /// The page's path from the site root (`/en/parks/x/2021/`): the search page prefixes the
    /// way to the site root, so the index works wherever the site is served.
    pub url: String,
    pub title: String,
    pub subtitle: String,
    pub park: String,
    pub park_name: String,
    pub year: Option<u16>,
    /// 0 unit page, 1 department report, 2 project report.
    pub kind: u8,
    /// 0 none, 1–4 优良中差.
    pub grade: u8,
    /// (text, weight) per field, the body excepted.
    pub fields: Vec<(String, f64)>,
    /// Plain text: the body field (weight 1) and the source of excerpts.
    pub text: String,
    /// Where the text's sections start (character offsets) and their heading ids.
    pub sections: Vec<(usize, String)>,
}

/// FNV-1a over UTF-8, 32 bits: the bucket hash the JavaScript client computes too.
pub fn fnv32(s: &str) -> u32 {
    let mut h: u32 = 0x811c9dc5;
    for b in s.as_bytes() {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x01000193);
    }
    h
}

/// A Markdown text as search sees it: plain text, headings, and where each heading starts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plain {
    /// Plain text, whitespace collapsed.
    pub text: String,
    /// The headings' text.
    pub headings: Vec<String>,
    /// Per heading, the character offset in `text` where it starts and the id the page gives
    /// it (as `markdown::render` does: the author's `{#id}`, or the slug, numbered when
    /// repeated), so a result links to the section that matched.
    pub sections: Vec<(usize, String)>,
}

/// Plain text and headings of Markdown.
pub fn plain_text(markdown: &str) -> (String, Vec<String>) {
    let p = plain(markdown);
    (p.text, p.headings)
}

/// Plain text, headings and sections of Markdown.
pub fn plain(markdown: &str) -> Plain {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    // The options of `markdown::render`, so that headings and their ids are the page's.
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut raw = String::new();
    let mut headings = Vec::new();
    // Per heading: the byte offset in `raw` where it starts, and its id.
    let mut marks: Vec<(usize, String)> = Vec::new();
    let mut used: std::collections::HashMap<String, usize> = Default::default();
    let mut in_heading = false;
    let mut author_id: Option<String> = None;
    let mut heading = String::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                in_heading = true;
                author_id = id.map(|s| s.to_string());
                raw.push(' ');
                marks.push((raw.len(), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                let text = std::mem::take(&mut heading).replace("**", "");
                let base = author_id
                    .take()
                    .unwrap_or_else(|| crate::markdown::slugify_heading(&text));
                let n = used.entry(base.clone()).or_insert(0);
                *n += 1;
                let id = if *n == 1 { base } else { format!("{base}-{n}") };
                if let Some(m) = marks.last_mut() {
                    m.1 = id;
                }
                headings.push(text);
                raw.push('\n');
            }
            Event::Text(t) | Event::Code(t) => {
                if in_heading {
                    heading.push_str(&t);
                }
                raw.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) | Event::End(TagEnd::TableCell) => {
                raw.push(' ')
            }
            _ => {}
        }
    }
    // CommonMark leaves `**` of CJK bold as text (see markdown.rs): it is not content. Then
    // whitespace collapses; the headings' offsets follow.
    let mut text = String::with_capacity(raw.len());
    let mut chars = 0usize;
    let mut sections = Vec::with_capacity(marks.len());
    let mut next = marks.into_iter().peekable();
    let mut space = false;
    let mut it = raw.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c == '*' && it.peek().is_some_and(|&(_, d)| d == '*') {
            it.next();
            continue;
        }
        if c.is_whitespace() {
            space = !text.is_empty();
            continue;
        }
        if space {
            text.push(' ');
            chars += 1;
            space = false;
        }
        while next.peek().is_some_and(|m| m.0 <= i) {
            let (_, id) = next.next().unwrap_or_default();
            sections.push((chars, id));
        }
        text.push(c);
        chars += 1;
    }
    Plain {
        text,
        headings,
        sections,
    }
}

/// Documents of one language: every unit page and report page.
pub fn documents(site: &Site, lang: Lang, words: Words) -> Vec<Doc> {
    use rayon::prelude::*;
    // Units in parallel; the documents stay in site order (each unit's are consecutive).
    let per_unit: Vec<Vec<Doc>> = site
        .units
        .par_iter()
        .map(|unit| {
            let mut docs = vec![unit_doc(site, unit, lang)];
            for e in site.reports_of(&unit.id).into_iter().rev() {
                docs.push(report_doc(site, unit, e, lang, words));
            }
            docs
        })
        .collect();
    per_unit.into_iter().flatten().collect()
}

/// A unit's page: found by its names in both languages, its committee, its region and its
/// industries, whichever language is searched.
fn unit_doc(site: &Site, unit: &Unit, lang: Lang) -> Doc {
    let pick = |zh: &str, en: &str| lang.pick(zh, en).to_string();
    let p = &unit.profile;
    let name = pick(&p.name, &p.name_en);
    let body = if lang.is_primary() {
        unit.body.as_str()
    } else {
        unit.body_in(lang).unwrap_or_default()
    };
    let Plain {
        text,
        headings,
        sections,
    } = plain(body);
    let mut labels = vec![p.name.clone(), p.name_en.clone()];
    labels.extend(p.committee.clone());
    labels.extend(p.committee_en.clone());
    for r in [&p.region, &p.region_en].into_iter().flatten() {
        labels.extend(
            [r.province.clone(), r.city.clone(), r.county.clone()]
                .into_iter()
                .flatten(),
        );
    }
    labels.extend(p.leading_industries.iter().chain(&p.leading_industries_en).cloned());
    Doc {
        url: site.root_path(lang, &format!("parks/{}/", unit.id)),
        title: name.clone(),
        subtitle: pick("园区与单位", "Unit"),
        park: unit.id.clone(),
        park_name: name.clone(),
        year: None,
        kind: 0,
        grade: 0,
        fields: vec![(name, TITLE), (labels.join(" "), LABEL), (headings.join(" "), HEADING)],
        text,
        sections,
    }
}

/// A report's page, in `lang`'s words where it has a translation: found by its title and
/// year, its unit and filer, its headings and the names of the figures it discloses.
fn report_doc(site: &Site, unit: &Unit, e: &ReportEntry, lang: Lang, words: Words) -> Doc {
    let pick = |zh: &str, en: &str| lang.pick(zh, en).to_string();
    let f = &e.report.front;
    let tr = e.report.translation(lang);
    let (title, body, filer) = if lang.is_primary() {
        (f.title.clone(), e.report.body.as_str(), f.unit_name.clone())
    } else {
        (
            tr.and_then(|t| t.front.title.clone())
                .unwrap_or_else(|| crate::render::pages::default_title(e, lang)),
            tr.map_or("", |t| t.body.as_str()),
            tr.and_then(|t| t.front.unit_name.clone()),
        )
    };
    let Plain {
        text,
        headings,
        sections,
    } = plain(body);
    let filer = filer.unwrap_or_default();
    // The kind as the pages name it (the theme's words), so a search for it finds the report.
    let kind_name = words.get(match f.kind {
        Kind::Department => "kind_department",
        Kind::Project => "kind_project",
    });
    let labels = figure_labels(f, lang);
    let grade = f.evaluation.as_ref().and_then(|v| v.grade).map_or(0, |g| match g {
        Grade::Excellent => 1,
        Grade::Good => 2,
        Grade::Fair => 3,
        Grade::Poor => 4,
    });
    let unit_name = pick(&unit.profile.name, &unit.profile.name_en);
    Doc {
        url: site.root_path(lang, &e.path()),
        title: title.clone(),
        subtitle: format!("{unit_name} · {} · {kind_name}", f.year),
        park: unit.id.clone(),
        park_name: unit_name.clone(),
        year: Some(f.year),
        kind: if f.kind == Kind::Department { 1 } else { 2 },
        grade,
        fields: vec![
            (format!("{title} {}", f.year), TITLE),
            (format!("{unit_name} {filer}"), UNIT),
            (headings.join(" "), HEADING),
            (format!("{} {}", labels, kind_name), LABEL),
        ],
        text,
        sections,
    }
}

/// Names of the figures a report discloses, so "公务接待费" finds the reports that state it.
fn figure_labels(f: &crate::content::model::ReportFront, lang: Lang) -> String {
    let v = serde_json::to_value(f).unwrap_or_default();
    let mut out = Vec::new();
    for (section, fields) in v.as_object().into_iter().flatten() {
        for (key, value) in fields.as_object().into_iter().flatten() {
            if value.is_null() {
                continue;
            }
            // Figures with a row of their own (or a change on one), and the “三公”经费 lines.
            let path = format!("{section}.{key}");
            let row = crate::schema::field(&path).is_none_or(|f| {
                matches!(
                    f.place,
                    crate::schema::Place::Row | crate::schema::Place::Sub | crate::schema::Place::ChangeOf(_)
                )
            });
            let label = crate::schema::label(&path);
            let names = (row && !label.zh.is_empty()).then_some((label.zh, label.en));
            if let Some((zh, en)) = names {
                out.push(lang.pick(zh, en).to_string());
            }
        }
    }
    let items = f
        .economy
        .iter()
        .chain(f.expenditure.iter().flat_map(|e| &e.project_items));
    for i in items {
        let label = lang.pick(
            i.label.clone().or(i.name.clone()),
            i.label_en.clone().or(i.name_en.clone()),
        );
        out.extend(label);
    }
    if f.three_public.is_some() {
        out.push(lang.pick("“三公”经费", "three public expenses").into());
    }
    out.join(" ")
}

/// Index parameters: [`PARAMS`] in production, smaller in tests so that every case occurs.
#[derive(Clone, Copy, Debug)]
pub struct Params {
    /// Postings in a term's first block, the highest-weight ones, stored with the term.
    pub first_block: usize,
    /// Each further block of a term holds this many times as many postings as the one before.
    pub growth: usize,
    /// Bytes of first blocks aimed at per term shard.
    pub shard_bytes: usize,
    /// Bytes aimed at per file of further blocks (a term's blocks stay together, and a larger
    /// term has files of its own).
    pub tail_bytes: usize,
    /// Compressed bytes aimed at per text chunk: its number of documents follows from how
    /// small they compress.
    pub chunk_bytes: usize,
    /// Most bytes of the text chunks' preset dictionary (DEFLATE reaches back 32 KiB).
    pub dict_bytes: usize,
}

/// The parameters of a built site.
pub const PARAMS: Params = Params {
    first_block: 64,
    growth: 4,
    // Compressed (about 1.4× on these files), 2,816 bytes of first blocks fetch what 2,048 did as
    // JSON. 14 KiB of further blocks: of the settings tried (BENCHMARKS.md, "Compressed search
    // index"), the one with the fewest files that kept every query of 10,000 reports under 100 KB.
    shard_bytes: 2_816,
    tail_bytes: 14_336,
    chunk_bytes: 4_000,
    dict_bytes: 16_384,
};

/// Terms while indexing are packed into a `u64`, so that no string is made per term and
/// document: `HAN | a << 21 | b` for the Han character `b` (a = 0) or the bigram `ab`; below
/// 37¹², a word of up to 12 characters of `[0-9a-z]` in base 37. Other words stay strings.
const HAN: u64 = 1 << 63;

fn han_key(a: Option<char>, b: char) -> u64 {
    HAN | u64::from(a.map_or(0, u32::from)) << 21 | u64::from(u32::from(b))
}

fn word_key(w: &str) -> Option<u64> {
    if w.len() > 12 {
        return None;
    }
    let mut key = 0u64;
    for b in w.bytes().rev() {
        let d = match b {
            b'0'..=b'9' => b - b'0' + 1,
            b'a'..=b'z' => b - b'a' + 11,
            _ => return None,
        };
        key = key * 37 + u64::from(d);
    }
    Some(key)
}

/// The text of a packed term.
fn key_text(key: u64) -> String {
    if key & HAN != 0 {
        [(key >> 21) & 0x1F_FFFF, key & 0x1F_FFFF]
            .into_iter()
            .filter(|&c| c != 0)
            .filter_map(|c| char::from_u32(c as u32))
            .collect()
    } else {
        let mut out = String::new();
        let mut k = key;
        while k > 0 {
            let d = (k % 37) as u8;
            out.push(if d <= 10 { b'0' + d - 1 } else { b'a' + d - 11 } as char);
            k /= 37;
        }
        out
    }
}

/// Partitions of the term map, merged in parallel.
const PARTS: usize = 16;

fn part(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 60) as usize
}

/// What a tokenising task keeps from one document to the next.
#[derive(Default)]
struct Scratch {
    folded: String,
    tf: FxHashMap<u64, u32>,
    rare: FxHashMap<String, u32>,
    /// Word forms → their term: packed, or the stem as text.
    stems: FxHashMap<String, Result<u64, String>>,
}

/// One document's terms: packed terms with their weighted frequency × 2 (field weights are
/// multiples of ½), grouped by partition (`ends[p]` ends partition `p`); other words; the
/// length in tokens; word forms first met here that differ from their stem.
struct DocTerms {
    keys: Vec<(u64, u32)>,
    ends: [u32; PARTS],
    rare: Vec<(String, u32)>,
    len: u32,
    forms: Vec<(String, String)>,
}

fn doc_terms(d: &Doc, s: &mut Scratch) -> DocTerms {
    use tokenize::Tok;
    let mut len = 0u32;
    let mut forms = Vec::new();
    let Scratch {
        folded,
        tf,
        rare,
        stems,
    } = s;
    let fields = d.fields.iter().map(|(t, w)| (t.as_str(), *w));
    for (text, weight) in fields.chain(std::iter::once((d.text.as_str(), BODY))) {
        let w2 = (weight * 2.0).round() as u32;
        tokenize::for_each_index_term(text, folded, |tok| {
            len += 1;
            let key = match tok {
                Tok::Han(c) => han_key(None, c),
                Tok::Bigram(a, b) => han_key(Some(a), b),
                Tok::Word(w) => {
                    if !stems.contains_key(w) {
                        let st = stem(w);
                        if st != w {
                            forms.push((w.to_string(), st.clone()));
                        }
                        stems.insert(w.to_string(), word_key(&st).ok_or(st));
                    }
                    match &stems[w] {
                        Ok(k) => *k,
                        Err(st) => {
                            match rare.get_mut(st.as_str()) {
                                Some(v) => *v += w2,
                                None => {
                                    rare.insert(st.clone(), w2);
                                }
                            }
                            return;
                        }
                    }
                }
            };
            *tf.entry(key).or_insert(0) += w2;
        });
    }
    let (keys, ends) = by_partition(tf);
    DocTerms {
        keys,
        ends,
        rare: rare.drain().collect(),
        len,
        forms,
    }
}

/// Empties `tf` into a list grouped by partition (a counting sort), and where each
/// partition ends: the merge then hands each partition's slice to its own task.
fn by_partition(tf: &mut FxHashMap<u64, u32>) -> (Vec<(u64, u32)>, [u32; PARTS]) {
    let mut ends = [0u32; PARTS];
    for k in tf.keys() {
        ends[part(*k)] += 1;
    }
    let mut at = [0u32; PARTS];
    let mut sum = 0;
    for p in 0..PARTS {
        at[p] = sum;
        sum += ends[p];
        ends[p] = sum;
    }
    let mut keys = vec![(0u64, 0u32); tf.len()];
    for (k, f) in tf.drain() {
        let p = part(k);
        keys[at[p] as usize] = (k, f);
        at[p] += 1;
    }
    (keys, ends)
}

/// The 64 digits of the postings' variable-length numbers: a digit below 32 ends a number,
/// one from 32 carries 5 more bits; the least significant come first.
const DIGITS: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

fn put_num(out: &mut String, mut n: u64) {
    while n >= 32 {
        out.push(DIGITS[32 + (n & 31) as usize] as char);
        n >>= 5;
    }
    out.push(DIGITS[n as usize] as char);
}

/// A term's postings, encoded.
struct Term {
    text: String,
    df: usize,
    /// idf × 10⁶, rounded: scores are sums of idf × weight in integers, the same in Rust and
    /// JavaScript.
    idf: u64,
    /// Impact-ordered blocks: postings by weight (descending) then document, cut into blocks
    /// of `first_block`, `first_block × growth`, … postings at the ends of weight groups. A
    /// block is a string of numbers: per group its weight × 100 (the first absolute, then the
    /// drop from the previous group), its number of documents, and their numbers as gaps
    /// (the first from 0).
    blocks: Vec<String>,
}

fn encode(text: String, list: Vec<u32>, doc_bits: u32, n: usize, p: &Params, weight: impl Fn(u32, u32) -> u32) -> Term {
    let mask = (1u32 << doc_bits) - 1;
    // By weight (descending), then document: `list` is in document order, so a counting sort.
    let weights: Vec<u32> = list.iter().map(|&x| weight(x & mask, x >> doc_bits)).collect();
    let top = weights.iter().copied().max().unwrap_or(0) as usize;
    let mut at = vec![0usize; top + 2];
    for &w in &weights {
        at[top - w as usize + 1] += 1;
    }
    for i in 1..at.len() {
        at[i] += at[i - 1];
    }
    let mut ws = vec![0u64; list.len()];
    for (&x, &w) in list.iter().zip(&weights) {
        let slot = &mut at[top - w as usize];
        ws[*slot] = u64::from(u32::MAX - w) << 32 | u64::from(x & mask);
        *slot += 1;
    }
    drop(list);
    let df = ws.len();
    let idf = ((1.0 + (n as f64 - df as f64 + 0.5) / (df as f64 + 0.5)).ln() * 1e6).round() as u64;
    let mut blocks = Vec::new();
    let mut cur = String::new();
    let (mut in_block, mut target, mut prev_w) = (0, p.first_block.max(1), None::<u32>);
    let mut i = 0;
    while i < ws.len() {
        let key = ws[i] >> 32;
        let w = u32::MAX - key as u32;
        let j = i + ws[i..].iter().take_while(|x| **x >> 32 == key).count();
        put_num(&mut cur, u64::from(prev_w.map_or(w, |pw| pw - w)));
        put_num(&mut cur, (j - i) as u64);
        let mut prev_d = 0;
        for x in &ws[i..j] {
            let d = *x as u32;
            put_num(&mut cur, u64::from(d - prev_d));
            prev_d = d;
        }
        prev_w = Some(w);
        in_block += j - i;
        i = j;
        if in_block >= target && i < ws.len() {
            blocks.push(std::mem::take(&mut cur));
            (in_block, target, prev_w) = (0, target * p.growth.max(1), None);
        }
    }
    blocks.push(cur);
    Term { text, df, idf, blocks }
}

/// Appends `s` as a JSON string.
fn put_str(out: &mut String, s: &str) {
    out.push_str(&serde_json::to_string(s).unwrap_or_default());
}

/// A term shard: `{"t":{"term":[df,idf,"block",file,position],…},"f":{"form":"stem",…}}`;
/// file and position, of the term's second block in the `r<file>` files, only when it has one.
fn shard_json(terms: &[(&Term, Option<(usize, usize)>)], forms: &[(&str, &str)]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(
        terms
            .iter()
            .map(|t| t.0.blocks[0].len() + t.0.text.len() + 32)
            .sum::<usize>()
            + 32,
    );
    out.push_str("{\"t\":{");
    for (i, (t, next)) in terms.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        put_str(&mut out, &t.text);
        let _ = write!(out, ":[{},{},\"{}\"", t.df, t.idf, t.blocks[0]);
        if let Some((f, p)) = next {
            let _ = write!(out, ",{f},{p}");
        }
        out.push(']');
    }
    out.push_str("},\"f\":{");
    for (i, (form, stem)) in forms.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        put_str(&mut out, form);
        out.push(':');
        put_str(&mut out, stem);
    }
    out.push_str("}}");
    out
}

/// Terms (by number) and forms → stems of one shard.
type ShardParts<'a> = (Vec<usize>, Vec<(&'a str, &'a str)>);

/// The files of one language's index.
pub fn build(site: &Site, lang: Lang, words: Words) -> Vec<OutputFile> {
    let mut timer = crate::timing::Timer::new();
    let docs = documents(site, lang, words);
    timer.stage("search: documents");
    let dir = lang.path(&search_folder(lang));
    index_files(&docs, &dir, &PARAMS, &mut timer)
}

/// The folder of `lang`'s index inside the language's folder: `search/zh/`, `search/zh-hant/`
/// (the code in lowercase, like the language's folder).
pub fn search_folder(lang: Lang) -> String {
    format!("search/{}/", lang.code().to_ascii_lowercase())
}

/// The index files of `docs`, under `dir`.
pub fn index_files(docs: &[Doc], dir: &str, params: &Params, timer: &mut crate::timing::Timer) -> Vec<OutputFile> {
    use rayon::prelude::*;
    let doc_bits = doc_bits(docs.len());
    let Postings {
        parts,
        rare,
        forms,
        lens,
    } = postings(docs, doc_bits);
    let terms = weighted_terms(parts, rare, &lens, doc_bits, params);
    timer.stage("search: postings");
    let (mut texts, buckets) = term_files(&terms, &forms, params);
    drop(terms);
    timer.stage("search: shards");
    let dict = store::dictionary(docs.iter().map(|d| &d.text[..text_end(&d.text)]), params.dict_bytes);
    let chunk = docs_per_chunk(docs, params, dict.as_bytes());
    texts.par_extend(
        docs.par_chunks(chunk)
            .enumerate()
            .map(|(c, docs)| (format!("d{c}"), text_chunk(docs))),
    );
    texts.extend(filter_files(docs));
    if !dict.is_empty() {
        texts.push(("z".to_string(), dict.clone()));
    }
    let hash = index_hash(&texts);
    timer.stage("search: texts");
    let mut out: Vec<OutputFile> = texts
        .into_par_iter()
        .map(|(name, t)| {
            // Only the text chunks share the dictionary; it is of no use to postings.
            let preset = if name.starts_with('d') { dict.as_bytes() } else { b"" };
            OutputFile {
                bytes: store::deflate(t.as_bytes(), preset),
                path: format!("{dir}{name}.{hash}.bin"),
            }
        })
        .collect();
    timer.stage("search: deflate");
    out.push(OutputFile {
        path: format!("{dir}meta.json"),
        bytes: meta(docs, buckets, &hash, chunk, dict.len()).to_string().into_bytes(),
    });
    out
}

/// Where a document's stored text ends: after [`TEXT_LIMIT`] characters.
fn text_end(text: &str) -> usize {
    text.char_indices().nth(TEXT_LIMIT).map_or(text.len(), |(at, _)| at)
}

/// Bits of a posting that number its document: as few as `docs` documents need, so that the
/// rest can hold a large frequency.
fn doc_bits(docs: usize) -> u32 {
    let doc_bits = (usize::BITS - docs.max(2).saturating_sub(1).leading_zeros()).max(1);
    assert!(doc_bits <= 26, "the search index takes up to 2^26 pages per language");
    doc_bits
}

/// Every term's postings while indexing, before they are weighted. A posting is a document
/// number and its weighted frequency × 2 in one `u32` (see [`doc_bits`]), so that a large
/// site's postings fit in memory.
struct Postings {
    /// Packed terms, in [`PARTS`] partitions that are merged in parallel.
    parts: Vec<FxHashMap<u64, Vec<u32>>>,
    /// Words that do not pack into a `u64`.
    rare: FxHashMap<String, Vec<u32>>,
    /// English word forms → their stem, for the shards.
    forms: BTreeMap<String, String>,
    /// Each document's length in tokens, for BM25.
    lens: Vec<f32>,
}

/// The postings of `docs`: tokenised in parallel in batches, each batch merged into the term
/// map before the next is tokenised, so each distinct term is stored once.
fn postings(docs: &[Doc], doc_bits: u32) -> Postings {
    use rayon::prelude::*;
    const BATCH: usize = 1024;
    let mut all = Postings {
        parts: (0..PARTS).map(|_| FxHashMap::default()).collect(),
        rare: FxHashMap::default(),
        forms: BTreeMap::new(),
        lens: Vec::with_capacity(docs.len()),
    };
    for (b, batch) in docs.chunks(BATCH).enumerate() {
        let per_doc: Vec<DocTerms> = batch
            .par_iter()
            .map_init(Scratch::default, |s, d| doc_terms(d, s))
            .collect();
        all.add(&per_doc, (b * BATCH) as u32, doc_bits);
    }
    all
}

impl Postings {
    /// Adds a batch of documents numbered from `base`: the packed terms partition by
    /// partition, in parallel, while one task adds the lengths, the other words and the forms
    /// (the first stem met for a form is kept).
    fn add(&mut self, per_doc: &[DocTerms], base: u32, doc_bits: u32) {
        use rayon::prelude::*;
        let tf_max = (1u32 << (32 - doc_bits)) - 1;
        let pack = |i: usize, f: u32| f.min(tf_max) << doc_bits | (base + i as u32);
        let Postings {
            parts,
            rare,
            forms,
            lens,
        } = self;
        rayon::join(
            || {
                parts.par_iter_mut().enumerate().for_each(|(p, map)| {
                    for (i, dt) in per_doc.iter().enumerate() {
                        let from = if p == 0 { 0 } else { dt.ends[p - 1] as usize };
                        for &(k, f) in &dt.keys[from..dt.ends[p] as usize] {
                            map.entry(k).or_default().push(pack(i, f));
                        }
                    }
                })
            },
            || {
                for (i, dt) in per_doc.iter().enumerate() {
                    lens.push(dt.len as f32);
                    for (term, f) in &dt.rare {
                        match rare.get_mut(term) {
                            Some(list) => list.push(pack(i, *f)),
                            None => {
                                rare.insert(term.clone(), vec![pack(i, *f)]);
                            }
                        }
                    }
                    for (f, s) in &dt.forms {
                        if !forms.contains_key(f) {
                            forms.insert(f.clone(), s.clone());
                        }
                    }
                }
            },
        );
    }
}

/// Every term with its postings weighted (BM25 × 100, from the weighted frequency × 2 and the
/// document's length) and encoded, in parallel: the packed terms, then the other words.
fn weighted_terms(
    parts: Vec<FxHashMap<u64, Vec<u32>>>,
    rare: FxHashMap<String, Vec<u32>>,
    lens: &[f32],
    doc_bits: u32,
    params: &Params,
) -> Vec<Term> {
    use rayon::prelude::*;
    let avgdl = if lens.is_empty() {
        1.0
    } else {
        lens.iter().sum::<f32>() / lens.len() as f32
    }
    .max(1.0);
    let weight = |d: u32, tf2: u32| {
        let f = tf2 as f32 / 2.0;
        let norm = K1 as f32 * (1.0 - B as f32 + B as f32 * lens[d as usize] / avgdl);
        (f * (K1 as f32 + 1.0) / (f + norm) * 100.0).round() as u32
    };
    let lists: Vec<(String, Vec<u32>)> = parts
        .into_iter()
        .flat_map(|m| m.into_iter().map(|(k, l)| (key_text(k), l)))
        .chain(rare)
        .collect();
    let n = lens.len();
    lists
        .into_par_iter()
        .map(|(text, list)| encode(text, list, doc_bits, n, params, weight))
        .collect()
}

/// The term shards `t<bucket>` and the files of further blocks `r<n>`, as (name, JSON); and
/// the number of buckets, for meta.json.
fn term_files(terms: &[Term], forms: &BTreeMap<String, String>, params: &Params) -> (Vec<(String, String)>, usize) {
    use rayon::prelude::*;
    let shards = shard_terms(terms, forms, params);
    let (tails, next) = tails(terms, &shards, params);
    let mut texts: Vec<(String, String)> = shards
        .par_iter()
        .enumerate()
        .map(|(b, (ids, forms))| {
            let terms: Vec<(&Term, Option<(usize, usize)>)> = ids.iter().map(|&i| (&terms[i], next[i])).collect();
            (format!("t{b}"), shard_json(&terms, forms))
        })
        .collect();
    texts.par_extend(
        tails
            .par_iter()
            .enumerate()
            .map(|(f, blocks)| (format!("r{f}"), tail_json(blocks))),
    );
    (texts, shards.len())
}

/// Terms (and forms) go to shards by the hash of their text, which the client computes too;
/// so many shards that each holds about `shard_bytes` of first blocks. Each shard's terms are
/// sorted by text.
fn shard_terms<'a>(terms: &[Term], forms: &'a BTreeMap<String, String>, params: &Params) -> Vec<ShardParts<'a>> {
    let first: usize = terms.iter().map(|t| t.blocks[0].len() + t.text.len() + 24).sum();
    let buckets = first.div_ceil(params.shard_bytes.max(1)).clamp(1, 8192);
    let mut shards: Vec<ShardParts> = (0..buckets).map(|_| Default::default()).collect();
    for (i, t) in terms.iter().enumerate() {
        shards[fnv32(&t.text) as usize % buckets].0.push(i);
    }
    for (form, s) in forms {
        shards[fnv32(form) as usize % buckets]
            .1
            .push((form.as_str(), s.as_str()));
    }
    for (ids, _) in &mut shards {
        ids.sort_unstable_by(|a, b| terms[*a].text.cmp(&terms[*b].text));
    }
    shards
}

/// The files of further blocks, and per term the file and position of its second block.
type Tails<'a> = (Vec<Vec<&'a str>>, Vec<Option<(usize, usize)>>);

/// The further blocks laid out in order after the shards, term after term, in files of about
/// `tail_bytes`: the files' blocks, and per term the file and position of its second block
/// (the others follow it). A term's blocks share no file with another term's unless they all
/// fit in one: the search page reads all of them (for the count), so a term split over two
/// files cost a second file of mostly other terms' blocks. A term larger than `tail_bytes`
/// fills files of its own.
fn tails<'a>(terms: &'a [Term], shards: &[ShardParts], params: &Params) -> Tails<'a> {
    let mut tails: Vec<Vec<&str>> = Vec::new();
    let mut tail_len = 0;
    let mut next: Vec<Option<(usize, usize)>> = vec![None; terms.len()];
    for (ids, _) in shards {
        for &i in ids {
            let rest = &terms[i].blocks[1..];
            if rest.is_empty() {
                continue;
            }
            let len: usize = rest.iter().map(|b| b.len() + 3).sum();
            if tails.is_empty() || (tail_len > 0 && tail_len + len > params.tail_bytes) {
                tails.push(Vec::new());
                tail_len = 0;
            }
            next[i] = Some((tails.len() - 1, tails[tails.len() - 1].len()));
            let own = len > params.tail_bytes;
            for block in rest {
                // A large term's blocks fill files of their own, so that a query that stops
                // early reads only the first of them.
                if own && tail_len > 0 && tail_len + block.len() > params.tail_bytes {
                    tails.push(Vec::new());
                    tail_len = 0;
                }
                if let Some(f) = tails.last_mut() {
                    f.push(block.as_str());
                }
                tail_len += block.len() + 3;
            }
            if own {
                tail_len = params.tail_bytes;
            }
        }
    }
    (tails, next)
}

/// A file of further blocks: `["block",…]` (blocks are URL-safe: no escaping).
fn tail_json(blocks: &[&str]) -> String {
    let mut out = String::with_capacity(blocks.iter().map(|b| b.len() + 3).sum::<usize>() + 2);
    out.push('[');
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        out.push_str(b);
        out.push('"');
    }
    out.push(']');
    out
}

/// Documents per text chunk: as many as fill about `chunk_bytes` once compressed (measured on up
/// to 64 documents spread over the site), so that each of the top candidates costs about that
/// much and the index has few files; a large document has a chunk of its own.
fn docs_per_chunk(docs: &[Doc], params: &Params, dict: &[u8]) -> usize {
    if docs.is_empty() {
        return 1;
    }
    let keep = store::spread(docs.len(), 64);
    let (sum, n) = docs
        .iter()
        .enumerate()
        .filter(|(i, _)| keep(*i))
        .map(|(_, d)| store::deflate(text_chunk(std::slice::from_ref(d)).as_bytes(), dict).len())
        .fold((0, 0), |(s, n), b| (s + b, n + 1));
    (params.chunk_bytes * n / sum.max(1)).clamp(1, 64)
}

/// A text chunk: `[{"u":url,"t":title,"s":subtitle,"x":text,"h":[offset,id,…]},…]` (`h`: where
/// the text's sections start, in characters, and their heading ids), with `"c":1` when the text
/// is cut: the phrase check cannot see past the cut, and the client then trusts the bigrams.
fn text_chunk(docs: &[Doc]) -> String {
    let mut out = String::from("[");
    for (i, d) in docs.iter().enumerate() {
        let x = &d.text[..text_end(&d.text)];
        out.push_str(if i > 0 { ",{\"u\":" } else { "{\"u\":" });
        put_str(&mut out, &d.url);
        out.push_str(",\"t\":");
        put_str(&mut out, &d.title);
        out.push_str(",\"s\":");
        put_str(&mut out, &d.subtitle);
        out.push_str(",\"x\":");
        put_str(&mut out, x);
        // The sections that start inside the kept text: [offset, id, …].
        let mut first = true;
        for (at, id) in d.sections.iter().filter(|s| s.0 < TEXT_LIMIT) {
            out.push_str(if first { ",\"h\":[" } else { "," });
            first = false;
            out.push_str(&at.to_string());
            out.push(',');
            put_str(&mut out, id);
        }
        if !first {
            out.push(']');
        }
        out.push_str(if x.len() < d.text.len() { ",\"c\":1}" } else { "}" });
    }
    out.push(']');
    out
}

/// One content hash of the whole index, which names every file: a new build never mixes with
/// an old one.
fn index_hash(texts: &[(String, String)]) -> String {
    use rayon::prelude::*;
    let hashes: Vec<u64> = texts
        .par_iter()
        .map(|(name, t)| crate::theme::fnv1a(name.as_bytes()) ^ crate::theme::fnv1a(t.as_bytes()))
        .collect();
    let all: Vec<u8> = hashes.iter().flat_map(|h| h.to_le_bytes()).collect();
    format!("{:08x}", crate::theme::fnv1a(&all) as u32)
}

/// `meta.json`: the numbers the client needs before it fetches anything else.
fn meta(docs: &[Doc], buckets: usize, hash: &str, chunk: usize, dict: usize) -> Value {
    let min_year = docs.iter().filter_map(|d| d.year).min().unwrap_or(2000);
    json!({
        "v": FORMAT,
        "z": dict,
        "n": docs.len(),
        "buckets": buckets,
        "hash": hash,
        "chunk": chunk,
        "units": unit_buckets(docs),
        "minYear": min_year,
    })
}

/// Buckets of the units' files.
fn unit_buckets(docs: &[Doc]) -> usize {
    let units = docs.windows(2).filter(|w| w[0].park != w[1].park).count() + 1;
    units.div_ceil(128)
}

/// The files for the filters, fetched only when one is set:
/// - `i`: two characters per document, its year (offset from `minYear` in meta.json, `-` for
///   none) and kind × 5 + grade;
/// - `u<bucket>`: the units hashed to that bucket, each with the range of its documents.
fn filter_files(docs: &[Doc]) -> Vec<(String, String)> {
    let min_year = docs.iter().filter_map(|d| d.year).min().unwrap_or(2000);
    let info: String = docs
        .iter()
        .flat_map(|d| {
            let y = d
                .year
                .map_or('-', |y| char::from_u32(48 + u32::from(y - min_year)).unwrap_or('-'));
            let k = char::from(b'a' + d.kind * 5 + d.grade);
            [y, k]
        })
        .collect();
    let buckets = unit_buckets(docs);
    let mut units: Vec<serde_json::Map<String, Value>> = vec![Default::default(); buckets];
    let mut start = 0;
    for (i, d) in docs.iter().enumerate() {
        if i + 1 == docs.len() || docs[i + 1].park != d.park {
            units[fnv32(&d.park) as usize % buckets].insert(d.park.clone(), json!([start, i]));
            start = i + 1;
        }
    }
    let mut out = vec![("i".to_string(), Value::String(info).to_string())];
    out.extend(
        units
            .into_iter()
            .enumerate()
            .map(|(b, m)| (format!("u{b}"), Value::Object(m).to_string())),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_marker_names_the_format_and_the_bundled_search_js_has_it() {
        assert_eq!(FORMAT_MARKER, format!("gongkai-search-index: {FORMAT}"));
        let js = include_str!("../../themes/default/static/search.js");
        assert!(js.contains(FORMAT_MARKER));
    }

    #[test]
    fn fnv_matches_the_reference() {
        // Reference values of 32-bit FNV-1a.
        assert_eq!(fnv32(""), 0x811c9dc5);
        assert_eq!(fnv32("a"), 0xe40c292c);
        assert_eq!(fnv32("foobar"), 0xbf9cf968);
    }

    #[test]
    fn packed_terms_read_back() {
        for w in ["0", "a", "2021", "zzzzzzzzzzzz", "cost", "9a9"] {
            assert_eq!(key_text(word_key(w).unwrap()), w);
        }
        assert_eq!(word_key("zzzzzzzzzzzzz"), None);
        assert_eq!(word_key("café"), None);
        assert_eq!(key_text(han_key(None, '绩')), "绩");
        assert_eq!(key_text(han_key(Some('绩'), '效')), "绩效");
        assert_eq!(key_text(han_key(Some('\u{20000}'), '\u{2FA1F}')), "\u{20000}\u{2FA1F}");
    }

    /// A synthetic corpus with tiny blocks, so that most terms have several: reading block by
    /// block gives exactly what reading every posting gives, with and without filters.
    #[test]
    fn tiered_postings_give_the_exhaustive_results() {
        use crate::search::query::{Filters, Index};
        let words = [
            "绩效自评",
            "公务接待费",
            "招商引资",
            "标准厂房",
            "营商环境",
            "污水处理",
            "人员经费",
            "高新技术",
            "园区",
            "reception costs",
            "lithium",
            "standard factories",
            "investment promotion",
            "2021",
        ];
        let docs: Vec<Doc> = (0..240usize)
            .map(|i| {
                let text: Vec<&str> = (0..(i % 17 + 2))
                    .map(|j| words[(i * 7 + j * j * 3 + j) % words.len()])
                    .collect();
                Doc {
                    url: format!("/d{i}/"),
                    title: format!("{} {i}", words[i % words.len()]),
                    subtitle: String::new(),
                    park: format!("p{}", i / 7),
                    park_name: String::new(),
                    year: (i % 5 != 0).then_some(2019 + (i % 4) as u16),
                    kind: (i % 3) as u8,
                    grade: (i % 5) as u8,
                    fields: vec![(words[(i * 5) % words.len()].to_string(), UNIT)],
                    text: text.join("，"),
                    sections: vec![(0, format!("s-{i}"))],
                }
            })
            .collect();
        let params = Params {
            first_block: 3,
            growth: 2,
            shard_bytes: 300,
            tail_bytes: 200,
            chunk_bytes: 400,
            dict_bytes: 512,
        };
        let tmp = tempfile::tempdir().unwrap();
        let files = index_files(&docs, "search/zh/", &params, &mut crate::timing::Timer::new());
        for f in &files {
            let path = tmp.path().join(&f.path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, &f.bytes).unwrap();
        }
        assert!(
            files.iter().filter(|f| f.path.contains("/r")).count() > 5,
            "blocks beyond the first"
        );
        let (mut tiered, mut all) = (
            Index::open(tmp.path(), Lang::new("zh", true)).unwrap(),
            Index::open(tmp.path(), Lang::new("zh", true)).unwrap(),
        );
        all.exhaustive = true;
        let filters = [
            Filters::default(),
            Filters {
                year: Some(2021),
                ..Default::default()
            },
            Filters {
                kind: Some(1),
                grade: Some(2),
                ..Default::default()
            },
            Filters {
                park: Some("p3".into()),
                ..Default::default()
            },
            Filters {
                park: Some("none".into()),
                ..Default::default()
            },
        ];
        let mut fewer = 0;
        for q in words
            .iter()
            .chain(&["绩", "绩效 2021", "园区 lithium costs", "效自评公务", "none"])
        {
            for f in &filters {
                tiered.reset_bytes();
                all.reset_bytes();
                let (a, b) = (tiered.search(q, f), all.search(q, f));
                assert_eq!(a, b, "{q} {f:?}");
                fewer += usize::from(tiered.bytes < all.bytes);
            }
        }
        assert!(fewer >= 10, "the tiers save reading: {fewer}");
    }

    /// The search page reads all of a term's further blocks: they share one file, and a term
    /// larger than a file has files of its own.
    #[test]
    fn a_terms_further_blocks_share_one_file() {
        let term = |t: &str, blocks: &[usize]| Term {
            text: t.into(),
            df: 0,
            idf: 0,
            blocks: blocks.iter().map(|n| "a".repeat(*n)).collect(),
        };
        let terms = vec![
            term("a", &[5, 40, 40]),
            term("b", &[5]),
            term("c", &[5, 300, 30]),
            term("d", &[5, 20, 30]),
        ];
        let shards: Vec<ShardParts> = vec![(vec![0, 1, 2, 3], vec![])];
        let params = Params {
            tail_bytes: 100,
            ..PARAMS
        };
        let (files, next) = tails(&terms, &shards, &params);
        assert_eq!(files.iter().map(Vec::len).collect::<Vec<_>>(), vec![2, 1, 1, 2]);
        assert_eq!(next, vec![Some((0, 0)), None, Some((1, 0)), Some((3, 0))]);
    }

    /// The sections' ids are those `markdown::render` gives the page's headings, and each
    /// offset is where the heading's text starts.
    #[test]
    fn sections_are_the_pages_headings() {
        let mut n = 0;
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/content/parks");
        for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let e = e.unwrap();
            if e.path().extension().is_none_or(|x| x != "md") {
                continue;
            }
            let source = std::fs::read_to_string(e.path()).unwrap();
            let body = source.splitn(3, "---\n").nth(2).unwrap_or(&source);
            let p = plain(body);
            let want: Vec<String> = crate::markdown::render(body)
                .headings
                .into_iter()
                .map(|h| h.id)
                .collect();
            let got: Vec<String> = p.sections.iter().map(|s| s.1.clone()).collect();
            assert_eq!(got, want, "{}", e.path().display());
            for ((at, _), h) in p.sections.iter().zip(&p.headings) {
                let from: String = p.text.chars().skip(*at).take(h.chars().count()).collect();
                assert_eq!(from, h.trim(), "{}", e.path().display());
            }
            n += p.sections.len();
        }
        assert!(n >= 20, "{n} headings");
        let p = plain("# 一、概况\n\n文字\n\n## 一、概况\n\n## 自定 {#own}\n\n**“三公”经费：**1万元\n");
        assert_eq!(p.text, "一、概况 文字 一、概况 自定 “三公”经费：1万元");
        assert_eq!(
            p.sections,
            vec![(0, "s-一-概况".into()), (8, "s-一-概况-2".into()), (13, "own".into())]
        );
    }

    #[test]
    fn plain_text_keeps_words_and_headings() {
        let (text, headings) =
            plain_text("## 一、部门概况\n\n**公务接待费：**3.28万元\n\n| a | b |\n|---|---|\n| 人员 | 1 |\n");
        assert_eq!(headings, vec!["一、部门概况"]);
        assert!(text.contains("公务接待费：3.28万元") && text.contains("人员"), "{text}");
    }
}
