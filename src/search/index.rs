//! Builds the search index of one language.
//!
//! Layout (all plain `.json`, which every web server serves — IIS refuses unknown extensions):
//! - `search/<lang>/meta.json`: sizes, the content hash of the other files, the units (each a
//!   range of document numbers) and two characters per document for the year, kind and grade
//!   filters.
//! - `t<bucket>.<hash>.json`: postings of the terms hashed to that bucket, each posting the gap
//!   to the previous document number and its BM25 term weight × 100 (idf is applied at query
//!   time from the posting count); plus `forms`, English word forms → their stem, so the
//!   browser needs no stemmer.
//! - `d<chunk>.<hash>.json`: title, address, subtitle and plain text of a few documents, fetched
//!   only for the top candidates (to confirm exact phrases and to cut excerpts).

use super::tokenize::{self, stem};
use crate::content::model::{Grade, Kind};
use crate::render::OutputFile;
use crate::site::{Lang, Site};
use rustc_hash::FxHashMap;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// BM25 parameters.
pub const K1: f64 = 1.2;
/// Length normalisation is kept mild: unit profiles are short summaries of the reports and
/// should not outrank the reports they summarise.
pub const B: f64 = 0.5;
/// Documents per text chunk.
pub const CHUNK: usize = 3;
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

/// Plain text and headings of Markdown.
pub fn plain_text(markdown: &str) -> (String, Vec<String>) {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut text = String::new();
    let mut headings = Vec::new();
    let mut in_heading = false;
    let mut heading = String::new();
    for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                headings.push(std::mem::take(&mut heading));
                text.push('\n');
            }
            Event::Text(t) | Event::Code(t) => {
                if in_heading {
                    heading.push_str(&t);
                }
                text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) | Event::End(TagEnd::TableCell) => {
                text.push(' ')
            }
            _ => {}
        }
    }
    // CommonMark leaves `**` of CJK bold as text (see markdown.rs): it is not content.
    let text = text.replace("**", "");
    let headings = headings.into_iter().map(|h| h.replace("**", "")).collect();
    (text.split_whitespace().collect::<Vec<_>>().join(" "), headings)
}

/// Documents of one language: every unit page and report page.
pub fn documents(site: &Site, lang: Lang) -> Vec<Doc> {
    let pick = |zh: &str, en: &str| {
        if lang == Lang::Zh {
            zh.to_string()
        } else {
            en.to_string()
        }
    };
    let mut docs = Vec::new();
    for unit in &site.units {
        let p = &unit.profile;
        let name = pick(&p.name, &p.name_en);
        let body = match lang {
            Lang::Zh => unit.body.clone(),
            Lang::En => unit.body_en.clone().unwrap_or_default(),
        };
        let (text, headings) = plain_text(&body);
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
        docs.push(Doc {
            url: site.url(lang, &format!("parks/{}/", unit.id)),
            title: name.clone(),
            subtitle: pick("园区与单位", "Unit"),
            park: unit.id.clone(),
            park_name: name.clone(),
            year: None,
            kind: 0,
            grade: 0,
            fields: vec![(name, TITLE), (labels.join(" "), LABEL), (headings.join(" "), HEADING)],
            text,
        });
        for e in site.reports_of(&unit.id).into_iter().rev() {
            let f = &e.report.front;
            let tr = e.report.en.as_ref();
            let title = match lang {
                Lang::Zh => f.title.clone(),
                Lang::En => tr
                    .and_then(|t| t.front.title.clone())
                    .unwrap_or_else(|| crate::render::pages::default_title_en(e)),
            };
            let body = match lang {
                Lang::Zh => e.report.body.clone(),
                Lang::En => tr.map(|t| t.body.clone()).unwrap_or_default(),
            };
            let (text, headings) = plain_text(&body);
            let filer = match lang {
                Lang::Zh => f.unit_name.clone().unwrap_or_default(),
                Lang::En => tr.and_then(|t| t.front.unit_name.clone()).unwrap_or_default(),
            };
            let kind_name = match f.kind {
                Kind::Department => pick(
                    "部门整体支出绩效自评报告",
                    "Department-wide expenditure performance self-evaluation",
                ),
                Kind::Project => pick(
                    "项目支出绩效自评报告",
                    "Project expenditure performance self-evaluation",
                ),
            };
            let labels = figure_labels(f, lang);
            let grade = f.evaluation.as_ref().and_then(|v| v.grade).map_or(0, |g| match g {
                Grade::Excellent => 1,
                Grade::Good => 2,
                Grade::Fair => 3,
                Grade::Poor => 4,
            });
            docs.push(Doc {
                url: site.url(lang, &e.path()),
                title: title.clone(),
                subtitle: format!(
                    "{name} · {} · {kind_name}",
                    f.year,
                    name = pick(&unit.profile.name, &unit.profile.name_en)
                ),
                park: unit.id.clone(),
                park_name: pick(&unit.profile.name, &unit.profile.name_en),
                year: Some(f.year),
                kind: if f.kind == Kind::Department { 1 } else { 2 },
                grade,
                fields: vec![
                    (format!("{title} {}", f.year), TITLE),
                    (
                        format!("{} {}", pick(&unit.profile.name, &unit.profile.name_en), filer),
                        UNIT,
                    ),
                    (headings.join(" "), HEADING),
                    (format!("{} {}", labels, kind_name), LABEL),
                ],
                text,
            });
        }
    }
    docs
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
            let names =
                crate::figures::catalog::field(section, key).or_else(|| match (section.as_str(), key.as_str()) {
                    ("three_public", k) => crate::figures::catalog::field("three_public", k),
                    _ => None,
                });
            if let Some((zh, en)) = names {
                out.push(if lang == Lang::Zh { zh } else { en }.to_string());
            }
        }
    }
    let items = f
        .economy
        .iter()
        .chain(f.expenditure.iter().flat_map(|e| &e.project_items));
    for i in items {
        let label = match lang {
            Lang::Zh => i.label.clone().or(i.name.clone()),
            Lang::En => i.label_en.clone().or(i.name_en.clone()),
        };
        out.extend(label);
    }
    if f.three_public.is_some() {
        out.push(if lang == Lang::Zh {
            "“三公”经费".into()
        } else {
            "three public expenses".into()
        });
    }
    out.join(" ")
}

/// Weighted term frequencies, length and word forms → stems of one document.
type DocTerms = (Vec<(String, f64)>, f64, Vec<(String, String)>);
/// Terms with their postings, and forms → stems, of one shard.
type ShardParts<'a> = (Vec<(&'a str, &'a Vec<(u32, f32)>)>, Vec<(&'a str, &'a str)>);

/// Weighted term frequencies, length and word forms of one document.
fn doc_terms(d: &Doc) -> DocTerms {
    let mut tf: FxHashMap<String, f64> = FxHashMap::default();
    let mut forms: FxHashMap<String, String> = FxHashMap::default();
    let mut len = 0.0;
    let body = [(d.text.clone(), BODY)];
    for (text, weight) in d.fields.iter().chain(&body) {
        tokenize::for_each_index_token(text, |tok| {
            len += 1.0;
            let han = tok.chars().next().is_some_and(tokenize::is_han);
            let term: &str = if han {
                tok
            } else {
                if !forms.contains_key(tok) {
                    forms.insert(tok.to_string(), stem(tok));
                }
                forms[tok].as_str()
            };
            match tf.get_mut(term) {
                Some(v) => *v += weight,
                None => {
                    tf.insert(term.to_string(), *weight);
                }
            }
        });
    }
    let forms = forms.into_iter().filter(|(f, s)| f != s).collect();
    (tf.into_iter().collect(), len, forms)
}

/// A shard as JSON: `{"terms":{"t":[gap,w100,gap,w100,…],…},"forms":{"form":"stem",…}}`
/// (postings sorted by document, each as the gap from the previous document number and the
/// BM25 weight × 100 — about half the bytes of `[doc,weight]` pairs), written
/// directly (millions of postings would be slow and large as `serde_json::Value`s).
fn shard_json(terms: &[(&str, &Vec<(u32, f32)>)], forms: &[(&str, &str)]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(terms.iter().map(|t| t.1.len() * 12 + t.0.len() + 8).sum::<usize>() + 32);
    out.push_str("{\"terms\":{");
    for (i, (term, list)) in terms.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(term).unwrap_or_default());
        out.push_str(":[");
        // Flat pairs: document number as the gap from the previous one, weight × 100 rounded.
        let mut prev = 0;
        for (j, (d, w)) in list.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            let _ = write!(out, "{},{}", d - prev, (w * 100.0).round() as u32);
            prev = *d;
        }
        out.push(']');
    }
    out.push_str("},\"forms\":{");
    for (i, (form, stem)) in forms.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "{}:{}",
            serde_json::to_string(form).unwrap_or_default(),
            serde_json::to_string(stem).unwrap_or_default()
        );
    }
    out.push_str("}}");
    out
}

/// The files of one language's index.
pub fn build(site: &Site, lang: Lang) -> Vec<OutputFile> {
    use rayon::prelude::*;
    let mut timer = crate::timing::Timer::new();
    let docs = documents(site, lang);
    timer.stage("search: documents");
    // Weighted term frequencies, tokenised in parallel in batches and merged into one map, so
    // each distinct term is stored once however many documents use it.
    let mut postings: FxHashMap<String, Vec<(u32, f32)>> = FxHashMap::default();
    let mut forms: BTreeMap<String, String> = BTreeMap::new();
    let mut lens: Vec<f32> = Vec::with_capacity(docs.len());
    for (b, batch) in docs.chunks(512).enumerate() {
        let per_doc: Vec<DocTerms> = batch.par_iter().map(doc_terms).collect();
        for (i, (tf, len, fs)) in per_doc.into_iter().enumerate() {
            let id = (b * 512 + i) as u32;
            lens.push(len as f32);
            for (term, f) in tf {
                match postings.get_mut(&term) {
                    Some(list) => list.push((id, f as f32)),
                    None => {
                        postings.insert(term, vec![(id, f as f32)]);
                    }
                }
            }
            for (f, s) in fs {
                forms.entry(f).or_insert(s);
            }
        }
    }
    let avgdl = if lens.is_empty() {
        1.0
    } else {
        lens.iter().sum::<f32>() / lens.len() as f32
    }
    .max(1.0);
    // BM25 term weight from the raw weighted frequency.
    let weight = |d: u32, f: f32| {
        let norm = K1 as f32 * (1.0 - B as f32 + B as f32 * lens[d as usize] / avgdl);
        f * (K1 as f32 + 1.0) / (f + norm)
    };
    for list in postings.values_mut() {
        for p in list.iter_mut() {
            p.1 = weight(p.0, p.1);
        }
    }
    timer.stage("search: postings");
    let total: usize = postings.values().map(Vec::len).sum();
    let buckets = (total / 2000).clamp(8, 4096).next_power_of_two();
    let mut shards: Vec<ShardParts> = (0..buckets).map(|_| Default::default()).collect();
    for (term, list) in &postings {
        shards[fnv32(term) as usize % buckets].0.push((term.as_str(), list));
    }
    for (form, s) in &forms {
        shards[fnv32(form) as usize % buckets]
            .1
            .push((form.as_str(), s.as_str()));
    }
    let shard_texts: Vec<String> = shards
        .into_par_iter()
        .map(|(mut terms, forms)| {
            terms.sort_unstable_by(|a, b| a.0.cmp(b.0));
            shard_json(&terms, &forms)
        })
        .collect();
    // The postings are serialised: free them before the text chunks are built.
    drop(postings);
    drop(forms);
    timer.stage("search: shards");
    let chunk_texts: Vec<String> = docs
        .par_chunks(CHUNK)
        .map(|c| {
            let items: Vec<Value> = c
                .iter()
                .map(|d| {
                    let cut = d.text.chars().count() > TEXT_LIMIT;
                    let mut v = json!({"u": d.url, "t": d.title, "s": d.subtitle, "x": d.text.chars().take(TEXT_LIMIT).collect::<String>()});
                    if cut {
                        // The phrase check cannot see past the cut: the client then trusts the bigrams.
                        v["c"] = json!(1);
                    }
                    v
                })
                .collect();
            Value::Array(items).to_string()
        })
        .collect();
    // One content hash for the whole index names every file: a new build never mixes with an old one.
    let mut all = String::new();
    for t in shard_texts.iter().chain(&chunk_texts) {
        all.push_str(t);
    }
    let hash = format!("{:08x}", crate::theme::fnv1a(all.as_bytes()) as u32);
    let dir = format!("{}search/{}/", if lang == Lang::En { "en/" } else { "" }, lang.code());
    let mut out = Vec::new();
    for (i, t) in shard_texts.into_iter().enumerate() {
        out.push(OutputFile {
            path: format!("{dir}t{i}.{hash}.json"),
            bytes: t.into_bytes(),
        });
    }
    for (i, t) in chunk_texts.into_iter().enumerate() {
        out.push(OutputFile {
            path: format!("{dir}d{i}.{hash}.json"),
            bytes: t.into_bytes(),
        });
    }
    out.push(OutputFile {
        path: format!("{dir}meta.json"),
        bytes: meta(&docs, buckets, &hash, lang).to_string().into_bytes(),
    });
    out
}

/// `meta.json`: what the client needs before the first shard.
fn meta(docs: &[Doc], buckets: usize, hash: &str, lang: Lang) -> Value {
    let min_year = docs.iter().filter_map(|d| d.year).min().unwrap_or(2000);
    let mut parks: Vec<Value> = Vec::new();
    let mut start = 0;
    for (i, d) in docs.iter().enumerate() {
        if i + 1 == docs.len() || docs[i + 1].park != d.park {
            parks.push(json!([d.park, d.park_name, start, i]));
            start = i + 1;
        }
    }
    // Two characters per document: year (offset from min_year, '-' for none) and kind×grade.
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
    let mut years: Vec<u16> = docs.iter().filter_map(|d| d.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let pick = |zh: &'static str, en: &'static str| if lang == Lang::Zh { zh } else { en };
    json!({
        "v": 1,
        "n": docs.len(),
        "buckets": buckets,
        "hash": hash,
        "chunk": CHUNK,
        "minYear": min_year,
        "years": years,
        "parks": parks,
        "info": info,
        "kinds": [pick("单位", "Unit"), pick("部门整体支出", "Department-wide"), pick("项目支出", "Project")],
        "grades": ["", pick("优", "Excellent"), pick("良", "Good"), pick("中", "Fair"), pick("差", "Poor")],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_matches_the_reference() {
        // Reference values of 32-bit FNV-1a.
        assert_eq!(fnv32(""), 0x811c9dc5);
        assert_eq!(fnv32("a"), 0xe40c292c);
        assert_eq!(fnv32("foobar"), 0xbf9cf968);
    }

    #[test]
    fn plain_text_keeps_words_and_headings() {
        let (text, headings) =
            plain_text("## 一、部门概况\n\n**公务接待费：**3.28万元\n\n| a | b |\n|---|---|\n| 人员 | 1 |\n");
        assert_eq!(headings, vec!["一、部门概况"]);
        assert!(text.contains("公务接待费：3.28万元") && text.contains("人员"), "{text}");
    }
}
