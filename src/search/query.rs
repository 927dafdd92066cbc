//! Query evaluation over the built index files — the same algorithm as `search.js`, used by
//! the tests (query set, hit rate) and the benchmark.
//!
//! 1. Tokenise the query (bigrams for Chinese, words for the rest); map word forms to stems.
//! 2. Score documents with BM25 (integer idf × weight, stored in the index), reading each
//!    term's postings block by block, highest weights first, only as far as the top
//!    candidates need (the result is the same as reading every posting).
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

/// Candidates whose text is fetched for the phrase check: one page of results.
pub const CANDIDATES: usize = 10;

/// Characters of an excerpt, and how many of them come before the match.
pub const EXCERPT: usize = 160;
const EXCERPT_BEFORE: usize = 40;

/// An index on disk, read lazily like the browser does; counts the bytes it reads.
pub struct Index {
    dir: PathBuf,
    meta: Value,
    files: HashMap<String, Value>,
    /// The text chunks' preset dictionary, once read (empty when the index has none).
    dict: Option<Vec<u8>>,
    /// Bytes read since the last [`Index::reset_bytes`]: what a browser would download.
    pub bytes: usize,
    /// Reads every block of every term (the reference the tiered evaluation must agree with).
    pub exhaustive: bool,
    /// The files read since the last [`Index::reset_bytes`], with their sizes.
    pub read: Vec<(String, usize)>,
}

/// A result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The page's path from the site root (`/parks/x/2021/`).
    pub url: String,
    pub title: String,
    /// Σ idf × 10⁶ × weight × 100 over the matched terms.
    pub score: u64,
    pub phrase: bool,
    /// Escaped text around the first match, the query's words in `<mark>`.
    pub excerpt: String,
    /// The id of the heading of the section where the match is, if it is in one.
    pub section: Option<String>,
}

impl Hit {
    /// The address of the page, at the section that matched.
    pub fn link(&self) -> String {
        match &self.section {
            Some(id) => format!("{}#{id}", self.url),
            None => self.url.clone(),
        }
    }
}

/// A page of results and how many there are in all.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub hits: Vec<Hit>,
    /// Documents with every term of the query (or, when none has all, with as many as any).
    pub total: usize,
}

/// The excerpt of `text` for the query `q`, from where it first matches, with every match in
/// `<mark>`; and the character offset of that match. Matching ignores case, width,
/// punctuation and quotes, so 三公经费 marks “三公”经费. As `excerpt` in `search.js`.
pub fn excerpt(text: &str, q: &str) -> (String, Option<usize>) {
    let chars: Vec<char> = text.chars().collect();
    // The text's letters and digits, folded, with where each stands in `chars`.
    let mut flat: Vec<char> = Vec::new();
    let mut at_of: Vec<usize> = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if let Some(f) = fold(&c.to_string()).chars().next().filter(|f| f.is_alphanumeric()) {
            flat.push(f);
            at_of.push(i);
        }
    }
    let mut needles: Vec<Vec<char>> = runs(q)
        .into_iter()
        .map(|r| match r {
            Run::Han(s) | Run::Word(s) => s.chars().collect(),
        })
        .collect();
    // Whole runs first; failing those, their tokens (a bigram of a longer phrase, a word's stem).
    let find = |needles: &[Vec<char>]| -> Option<usize> {
        needles
            .iter()
            .filter(|n| !n.is_empty())
            .filter_map(|n| flat.windows(n.len()).position(|w| w == n.as_slice()))
            .min()
    };
    let mut first = find(&needles);
    if first.is_none() {
        needles = query_tokens(q)
            .into_iter()
            .map(|t| {
                t.strip_suffix('s')
                    .filter(|s| s.len() >= 3)
                    .unwrap_or(&t)
                    .chars()
                    .collect()
            })
            .collect();
        first = find(&needles);
    }
    needles.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let at = first.map(|f| at_of[f]);
    let start = at.map_or(0, |a| a.saturating_sub(EXCERPT_BEFORE));
    let end = (start + EXCERPT).min(chars.len());
    // Marked spans, in `chars`.
    let mut marks: Vec<(usize, usize)> = Vec::new();
    let mut k = at_of.partition_point(|&i| i < start);
    while k < flat.len() && at_of[k] < end {
        match needles.iter().find(|n| !n.is_empty() && flat[k..].starts_with(n)) {
            Some(n) => {
                let (a, b) = (at_of[k], at_of[k + n.len() - 1] + 1);
                marks.push((a, b.min(end)));
                k += n.len();
            }
            None => k += 1,
        }
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut m = marks.iter().peekable();
    let mut i = start;
    while i < end {
        if let Some(&&(a, b)) = m.peek().filter(|(a, _)| *a == i) {
            out.push_str("<mark>");
            out.push_str(&escape(&chars[a..b].iter().collect::<String>()));
            out.push_str("</mark>");
            m.next();
            i = b;
        } else {
            out.push_str(&escape(&chars[i].to_string()));
            i += 1;
        }
    }
    if end < chars.len() {
        out.push('…');
    }
    (out, at)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The section of a document (its `h`: offset, id, …) where the character `at` stands.
pub fn section_at(doc: &Value, at: usize) -> Option<String> {
    let h = doc["h"].as_array()?;
    h.chunks(2)
        .rev()
        .find(|p| p[0].as_u64().is_some_and(|o| o as usize <= at))
        .and_then(|p| p.get(1)?.as_str().map(str::to_string))
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

/// The digit values of the postings' numbers (see `index::put_num`).
fn digit(c: u8) -> u64 {
    match c {
        b'0'..=b'9' => u64::from(c - b'0'),
        b'A'..=b'Z' => u64::from(c - b'A') + 10,
        b'a'..=b'z' => u64::from(c - b'a') + 36,
        b'-' => 62,
        _ => 63,
    }
}

/// Postings of one block: (document, weight × 100), by weight then document.
pub fn decode_block(s: &str) -> Vec<(usize, u64)> {
    let b = s.as_bytes();
    let mut i = 0;
    let num = |i: &mut usize| {
        let (mut n, mut shift) = (0u64, 0);
        while *i < b.len() {
            let d = digit(b[*i]);
            *i += 1;
            if d < 32 {
                return n | d << shift;
            }
            n |= (d - 32) << shift;
            shift += 5;
        }
        n
    };
    let mut out = Vec::new();
    let mut w = None::<u64>;
    while i < b.len() {
        let step = num(&mut i);
        let weight = w.map_or(step, |w| w - step);
        w = Some(weight);
        let count = num(&mut i);
        let mut doc = 0;
        for _ in 0..count {
            doc += num(&mut i) as usize;
            out.push((doc, weight));
        }
    }
    out
}

/// A document ranked on what is read so far: its number, terms matched, score, and which
/// terms it is known to have.
type Ranked = (usize, usize, u64, Vec<bool>);

/// What is known of one query term.
struct TermState {
    df: usize,
    idf: u64,
    postings: Vec<(usize, u64)>,
    /// Where the next block is: file and position in the `r` files.
    next: Option<(usize, usize)>,
}

impl TermState {
    /// Upper bound on the score of a posting not read yet: the lowest weight read is above it.
    fn rest(&self) -> u64 {
        self.idf * self.postings.last().map_or(0, |p| p.1.saturating_sub(1))
    }
}

impl Index {
    /// Opens the index of `lang` in the built site `site`: `search/zh/`, `en/search/en/`.
    pub fn open(site: &Path, lang: crate::lang::Lang) -> std::io::Result<Index> {
        let dir = site.join(lang.path(&crate::search::index::search_folder(lang)));
        let text = std::fs::read_to_string(dir.join("meta.json"))?;
        let meta = serde_json::from_str(&text).map_err(std::io::Error::other)?;
        Ok(Index {
            dir,
            meta,
            files: HashMap::new(),
            dict: None,
            bytes: text.len(),
            exhaustive: false,
            read: Vec::new(),
        })
    }

    pub fn reset_bytes(&mut self) {
        self.bytes = self.meta.to_string().len();
        self.files.clear();
        self.dict = None;
        self.read.clear();
    }

    /// The raw bytes of a file of the index, counted as read.
    fn fetch(&mut self, stem: &str) -> Vec<u8> {
        let name = format!("{stem}.{}.bin", self.meta["hash"].as_str().unwrap_or(""));
        let bytes = std::fs::read(self.dir.join(name)).unwrap_or_default();
        self.bytes += bytes.len();
        self.read.push((stem.to_string(), bytes.len()));
        bytes
    }

    /// A file of the index by its stem (`t12`, `d3` …), read and inflated once; the text
    /// chunks with the dictionary `z`, read once too.
    fn file(&mut self, stem: &str) -> &Value {
        if !self.files.contains_key(stem) {
            let packed = self.fetch(stem);
            if stem.starts_with('d') && self.meta["z"].as_u64().unwrap_or(0) > 0 && self.dict.is_none() {
                let z = self.fetch("z");
                self.dict = Some(super::store::inflate(&z, b"").unwrap_or_default());
            }
            let dict = if stem.starts_with('d') {
                self.dict.as_deref().unwrap_or_default()
            } else {
                &[]
            };
            let v = super::store::inflate(&packed, dict)
                .ok()
                .and_then(|json| serde_json::from_slice(&json).ok())
                .unwrap_or(Value::Null);
            self.files.insert(stem.to_string(), v);
        }
        &self.files[stem]
    }

    fn shard(&mut self, term: &str) -> &Value {
        let b = fnv32(term) as usize % self.meta["buckets"].as_u64().unwrap_or(1) as usize;
        self.file(&format!("t{b}"))
    }

    /// The indexed term for a query token: its stem for words, with a plural retried.
    fn term(&mut self, token: &str) -> String {
        if token.chars().any(super::tokenize::is_han) {
            return token.to_string();
        }
        for t in [token.to_string(), token.strip_suffix('s').unwrap_or(token).to_string()] {
            let form = self.shard(&t)["f"][t.as_str()].as_str().map(str::to_string);
            let term = form.unwrap_or(t);
            if !self.shard(&term)["t"][term.as_str()].is_null() {
                return term;
            }
        }
        token.to_string()
    }

    /// A term's entry and first block.
    fn first(&mut self, term: &str) -> TermState {
        let e = self.shard(term)["t"][term].clone();
        let num = |i: usize| e[i].as_u64().unwrap_or(0);
        TermState {
            df: num(0) as usize,
            idf: num(1),
            postings: decode_block(e[2].as_str().unwrap_or("")),
            next: e[3].as_u64().map(|f| (f as usize, num(4) as usize)),
        }
    }

    /// Reads a term's next block.
    fn more(&mut self, t: &mut TermState) {
        let Some((f, p)) = t.next else { return };
        let blocks = self.file(&format!("r{f}"));
        let block = blocks[p].as_str().unwrap_or("").to_string();
        let len = blocks.as_array().map_or(0, Vec::len);
        t.postings.extend(decode_block(&block));
        t.next =
            (t.postings.len() < t.df && !block.is_empty()).then(|| if p + 1 < len { (f, p + 1) } else { (f + 1, 0) });
    }

    fn doc(&mut self, id: usize) -> Value {
        let per = self.meta["chunk"].as_u64().unwrap_or(1).max(1) as usize;
        self.file(&format!("d{}", id / per))[id % per].clone()
    }

    /// Whether document `id` passes the filters (reads the filter files only when one is set).
    fn passes(&mut self, id: usize, f: &Filters) -> bool {
        if let Some(p) = &f.park {
            let b = fnv32(p) as usize % self.meta["units"].as_u64().unwrap_or(1).max(1) as usize;
            let r = &self.file(&format!("u{b}"))[p.as_str()];
            let (lo, hi) = (r[0].as_u64(), r[1].as_u64());
            let inside = matches!((lo, hi), (Some(lo), Some(hi)) if (lo as usize..=hi as usize).contains(&id));
            if !inside {
                return false;
            }
        }
        if f.year.is_none() && f.kind.is_none() && f.grade.is_none() {
            return true;
        }
        let min_year = self.meta["minYear"].as_u64().unwrap_or(0) as u16;
        let info: Vec<u32> = self
            .file("i")
            .as_str()
            .unwrap_or("")
            .chars()
            .skip(id * 2)
            .take(2)
            .map(u32::from)
            .collect();
        if info.len() < 2 {
            return false;
        }
        let code = info[1] - 'a' as u32;
        let (kind, grade) = ((code / 5) as u8, (code % 5) as u8);
        let year = (info[0] != '-' as u32).then(|| min_year + (info[0] - 48) as u16);
        f.year.is_none_or(|y| year == Some(y)) && f.kind.is_none_or(|k| k == kind) && f.grade.is_none_or(|g| g == grade)
    }

    /// The top candidates by (terms matched, score, document number), read block by block:
    /// the high-weight block of each term first, more only while a document not yet known
    /// well enough could still change the top [`CANDIDATES`] or their order.
    fn candidates(&mut self, terms: &mut [TermState], filters: &Filters, k: usize) -> Vec<(usize, usize, u64)> {
        let mut passing: HashMap<usize, bool> = HashMap::new();
        loop {
            let ranked = self.rank(terms, filters, &mut passing);
            let need = self.needed(terms, &ranked, k);
            if !need.contains(&true) {
                return ranked.into_iter().take(k).map(|(d, m, s, _)| (d, m, s)).collect();
            }
            for (i, t) in terms.iter_mut().enumerate() {
                if need[i] {
                    self.more(t);
                }
            }
        }
    }

    /// The documents of the postings read so far that pass the filters, best first. Whether a
    /// document passes is kept in `passing`, so the filter files are read once per document.
    fn rank(&mut self, terms: &[TermState], filters: &Filters, passing: &mut HashMap<usize, bool>) -> Vec<Ranked> {
        // Per document: terms matched, score, and which terms it is known to have.
        let mut docs: BTreeMap<usize, (usize, u64, Vec<bool>)> = BTreeMap::new();
        for (i, t) in terms.iter().enumerate() {
            for &(d, w) in &t.postings {
                let e = docs.entry(d).or_insert_with(|| (0, 0, vec![false; terms.len()]));
                e.0 += 1;
                e.1 += t.idf * w;
                e.2[i] = true;
            }
        }
        let mut ranked: Vec<Ranked> = Vec::new();
        for (d, (m, s, seen)) in docs {
            let ok = match passing.get(&d) {
                Some(ok) => *ok,
                None => {
                    let ok = self.passes(d, filters);
                    passing.insert(d, ok);
                    ok
                }
            };
            if ok {
                ranked.push((d, m, s, seen));
            }
        }
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        ranked
    }

    /// Which terms need their next block: those that could still raise a document into the
    /// top [`CANDIDATES`] (a document not read at all included) or change a candidate's score.
    fn needed(&self, terms: &[TermState], ranked: &[Ranked], k: usize) -> Vec<bool> {
        let open: Vec<usize> = (0..terms.len()).filter(|&i| terms[i].next.is_some()).collect();
        let mut need = vec![false; terms.len()];
        if self.exhaustive || ranked.len() < k {
            open.iter().for_each(|&i| need[i] = true);
            return need;
        }
        let (kd, km, ks) = (ranked[k - 1].0, ranked[k - 1].1, ranked[k - 1].2);
        // A document not read at all.
        let unseen = (open.len(), open.iter().map(|&i| terms[i].rest()).sum::<u64>());
        if unseen >= (km, ks) {
            open.iter().for_each(|&i| need[i] = true);
        }
        for (rank, (d, m, s, seen)) in ranked.iter().enumerate() {
            let missing: Vec<usize> = open.iter().copied().filter(|&i| !seen[i]).collect();
            if missing.is_empty() {
                continue;
            }
            let hi = (
                m + missing.len(),
                s + missing.iter().map(|&i| terms[i].rest()).sum::<u64>(),
            );
            // A candidate must be known exactly; another document must rank below the last.
            if rank < k || hi > (km, ks) || (hi == (km, ks) && *d < kd) {
                missing.iter().for_each(|&i| need[i] = true);
            }
        }
        need
    }

    /// Runs a query: its first page of results, reading only what they need.
    pub fn search(&mut self, q: &str, filters: &Filters) -> Vec<Hit> {
        self.run(q, filters, 0, false).hits
    }

    /// Page `page` (from 0) of a query's results, with how many there are: every posting of
    /// the query's terms is read, for the count.
    pub fn search_page(&mut self, q: &str, filters: &Filters, page: usize) -> Page {
        self.run(q, filters, page, true)
    }

    fn run(&mut self, q: &str, filters: &Filters, page: usize, count: bool) -> Page {
        let tokens = query_tokens(q);
        if tokens.is_empty() {
            return Page {
                hits: Vec::new(),
                total: 0,
            };
        }
        let mut terms: Vec<String> = tokens.iter().map(|t| self.term(t)).collect();
        terms.sort();
        terms.dedup();
        // The filters' files first, as the browser does.
        if let Some(p) = &filters.park {
            let b = fnv32(p) as usize % self.meta["units"].as_u64().unwrap_or(1).max(1) as usize;
            self.file(&format!("u{b}"));
        }
        if filters.year.is_some() || filters.kind.is_some() || filters.grade.is_some() {
            self.file("i");
        }
        let mut states: Vec<TermState> = terms.iter().map(|t| self.first(t)).collect();
        let (ranked, total) = if count {
            for t in &mut states {
                while t.next.is_some() {
                    self.more(t);
                }
            }
            let ranked = self.rank(&states, filters, &mut HashMap::new());
            let best = ranked.first().map_or(0, |r| r.1);
            let total = ranked.iter().take_while(|r| r.1 == best).count();
            let ranked: Vec<(usize, usize, u64)> = ranked
                .into_iter()
                .take(total)
                .skip(page * CANDIDATES)
                .take(CANDIDATES)
                .map(|(d, m, s, _)| (d, m, s))
                .collect();
            (ranked, total)
        } else {
            let ranked = self.candidates(&mut states, filters, CANDIDATES * (page + 1));
            (ranked.into_iter().skip(page * CANDIDATES).collect(), 0)
        };
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
                let text = doc["x"].as_str().unwrap_or("");
                let hay = compact(&format!(
                    "{} {} {}",
                    doc["t"].as_str().unwrap_or(""),
                    doc["s"].as_str().unwrap_or(""),
                    text
                ));
                let cut = doc["c"].as_u64() == Some(1) && matched == terms.len();
                let phrase = phrases.iter().all(|p| hay.contains(p.as_str())) || cut;
                let (excerpt, at) = excerpt(text, q);
                (
                    Hit {
                        url: doc["u"].as_str().unwrap_or("").to_string(),
                        title: doc["t"].as_str().unwrap_or("").to_string(),
                        score,
                        phrase,
                        excerpt,
                        section: at.and_then(|at| section_at(&doc, at)),
                    },
                    matched,
                )
            })
            .collect();
        // Stray bigram matches drop out when the phrase is found; a document with every term
        // stays (it is counted; the phrase may be in a figure's label, which has no text here).
        if !phrases.is_empty() && hits.iter().any(|(h, _)| h.phrase) {
            hits.retain(|(h, m)| h.phrase || *m == terms.len());
        }
        hits.sort_by(|a, b| {
            b.0.phrase
                .cmp(&a.0.phrase)
                .then(b.1.cmp(&a.1))
                .then(b.0.score.cmp(&a.0.score))
        });
        Page {
            hits: hits.into_iter().map(|(h, _)| h).collect(),
            total,
        }
    }
}
