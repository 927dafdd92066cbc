//! Query evaluation over the built index files — the same algorithm as `search.js`, used by
//! the tests (query set, hit rate) and the benchmark.
//!
//! 1. Tokenise the query (bigrams for Chinese, words for the rest); map word forms to stems.
//! 2. Score documents with BM25 from the postings (idf from the posting count).
//! 3. Rank documents matching more of the query's terms first, then by score.
//! 4. For the top candidates, fetch their text: documents containing every Chinese phrase of
//!    the query exactly rank first, and when any does, stray bigram matches drop out.

use super::index::fnv32;
use super::tokenize::{Run, fold, query_tokens, runs};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Folded text with everything but letters and digits removed, so “五好”园区 contains 五好园区.
pub fn compact(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Candidates whose text is fetched for the phrase check.
pub const CANDIDATES: usize = 10;

/// An index on disk, read lazily like the browser does; counts the bytes it reads.
pub struct Index {
    dir: PathBuf,
    meta: Value,
    shards: HashMap<usize, Value>,
    chunks: HashMap<usize, Value>,
    /// Bytes read since the last [`Index::reset_bytes`]: what a browser would download.
    pub bytes: usize,
}

/// A result.
#[derive(Clone, Debug)]
pub struct Hit {
    pub url: String,
    pub title: String,
    pub score: f64,
    pub phrase: bool,
}

/// Filters on the results.
#[derive(Clone, Debug, Default)]
pub struct Filters {
    pub park: Option<String>,
    pub year: Option<u16>,
    /// 0 unit, 1 department, 2 project.
    pub kind: Option<u8>,
    /// 1–4 优良中差.
    pub grade: Option<u8>,
}

impl Index {
    /// Opens `site/search/<lang>/` (or `site/en/search/en/`).
    pub fn open(site: &Path, lang: &str) -> std::io::Result<Index> {
        let dir = if lang == "en" {
            site.join("en/search/en")
        } else {
            site.join("search/zh")
        };
        let text = std::fs::read_to_string(dir.join("meta.json"))?;
        let meta = serde_json::from_str(&text).map_err(std::io::Error::other)?;
        Ok(Index {
            dir,
            meta,
            shards: HashMap::new(),
            chunks: HashMap::new(),
            bytes: text.len(),
        })
    }

    pub fn reset_bytes(&mut self) {
        self.bytes = self.meta.to_string().len();
        self.shards.clear();
        self.chunks.clear();
    }

    fn read(&mut self, name: String) -> Value {
        let text = std::fs::read_to_string(self.dir.join(name)).unwrap_or_default();
        self.bytes += text.len();
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    fn shard(&mut self, term: &str) -> &Value {
        let b = fnv32(term) as usize % self.meta["buckets"].as_u64().unwrap_or(1) as usize;
        if !self.shards.contains_key(&b) {
            let v = self.read(format!("t{b}.{}.json", self.meta["hash"].as_str().unwrap_or("")));
            self.shards.insert(b, v);
        }
        &self.shards[&b]
    }

    /// Postings of a term: flat pairs of (gap to the previous document, weight × 100).
    fn postings(&mut self, term: &str) -> Vec<(usize, f64)> {
        let flat: Vec<u64> = self.shard(term)["terms"][term]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_u64).collect())
            .unwrap_or_default();
        let mut doc = 0;
        flat.chunks(2)
            .map(|p| {
                doc += p[0] as usize;
                (doc, p.get(1).copied().unwrap_or(0) as f64 / 100.0)
            })
            .collect()
    }

    /// The indexed term for a query token: its stem for words, with a plural retried.
    fn term(&mut self, token: &str) -> String {
        if token.chars().any(super::tokenize::is_han) {
            return token.to_string();
        }
        for t in [token.to_string(), token.strip_suffix('s').unwrap_or(token).to_string()] {
            let form = self.shard(&t)["forms"][t.as_str()].as_str().map(str::to_string);
            let term = form.unwrap_or(t);
            if !self.postings(&term).is_empty() {
                return term;
            }
        }
        token.to_string()
    }

    fn doc(&mut self, id: usize) -> Value {
        let per = self.meta["chunk"].as_u64().unwrap_or(4) as usize;
        let c = id / per;
        if !self.chunks.contains_key(&c) {
            let v = self.read(format!("d{c}.{}.json", self.meta["hash"].as_str().unwrap_or("")));
            self.chunks.insert(c, v);
        }
        self.chunks[&c][id % per].clone()
    }

    fn passes(&self, id: usize, f: &Filters) -> bool {
        let info: Vec<char> = self.meta["info"]
            .as_str()
            .unwrap_or("")
            .chars()
            .skip(id * 2)
            .take(2)
            .collect();
        if info.len() < 2 {
            return false;
        }
        let code = info[1] as u32 - 'a' as u32;
        let (kind, grade) = ((code / 5) as u8, (code % 5) as u8);
        let year =
            (info[0] != '-').then(|| self.meta["minYear"].as_u64().unwrap_or(0) as u16 + (info[0] as u32 - 48) as u16);
        if let Some(p) = &f.park {
            let range = self.meta["parks"]
                .as_array()
                .and_then(|ps| ps.iter().find(|x| x[0] == p.as_str()));
            if !range.is_some_and(|r| {
                (r[2].as_u64().unwrap_or(0) as usize..=r[3].as_u64().unwrap_or(0) as usize).contains(&id)
            }) {
                return false;
            }
        }
        f.year.is_none_or(|y| year == Some(y)) && f.kind.is_none_or(|k| k == kind) && f.grade.is_none_or(|g| g == grade)
    }

    /// Runs a query.
    pub fn search(&mut self, q: &str, filters: &Filters) -> Vec<Hit> {
        let tokens = query_tokens(q);
        if tokens.is_empty() {
            return Vec::new();
        }
        let n = self.meta["n"].as_f64().unwrap_or(1.0);
        let mut scores: BTreeMap<usize, (usize, f64)> = BTreeMap::new();
        let mut terms: Vec<String> = tokens.iter().map(|t| self.term(t)).collect();
        terms.sort();
        terms.dedup();
        for term in &terms {
            let list = self.postings(term);
            let df = list.len() as f64;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            for (d, w) in list {
                let e = scores.entry(d).or_default();
                e.0 += 1;
                e.1 += idf * w;
            }
        }
        let mut ranked: Vec<(usize, usize, f64)> = scores
            .into_iter()
            .filter(|(d, _)| self.passes(*d, filters))
            .map(|(d, (m, s))| (d, m, s))
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
        ranked.truncate(CANDIDATES);
        let phrases: Vec<String> = runs(q)
            .into_iter()
            .filter_map(|r| match r {
                Run::Han(s) if s.chars().count() >= 2 => Some(s),
                _ => None,
            })
            .collect();
        let mut hits: Vec<(Hit, usize)> = ranked
            .into_iter()
            .map(|(d, matched, score)| {
                let doc = self.doc(d);
                let hay = compact(&format!(
                    "{} {} {}",
                    doc["t"].as_str().unwrap_or(""),
                    doc["s"].as_str().unwrap_or(""),
                    doc["x"].as_str().unwrap_or("")
                ));
                let cut = doc["c"].as_u64() == Some(1) && matched == terms.len();
                let phrase = phrases.iter().all(|p| hay.contains(p.as_str())) || cut;
                (
                    Hit {
                        url: doc["u"].as_str().unwrap_or("").to_string(),
                        title: doc["t"].as_str().unwrap_or("").to_string(),
                        score,
                        phrase,
                    },
                    matched,
                )
            })
            .collect();
        if !phrases.is_empty() && hits.iter().any(|(h, _)| h.phrase) {
            hits.retain(|(h, _)| h.phrase);
        }
        hits.sort_by(|a, b| {
            b.0.phrase
                .cmp(&a.0.phrase)
                .then(b.1.cmp(&a.1))
                .then(b.0.score.total_cmp(&a.0.score))
        });
        hits.into_iter().map(|(h, _)| h).collect()
    }
}
