//! How the index files are stored: raw DEFLATE (RFC 1951) of their JSON, which the search page
//! inflates itself (`inflate` in search.js, about 90 lines: no browser API, so old phones
//! search too). A file is then about half its JSON whatever the web server does (many
//! government servers compress nothing), and each file holds more, so the index has fewer.
//!
//! The text chunks, most of what a query fetches, also share a preset dictionary: the clauses
//! that many of the site's documents repeat (the forms' headings, the standard wording of the
//! evaluations). A chunk then stores little of what every report says alike. The dictionary is
//! one file of its own, fetched once for the first text chunk.

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use rustc_hash::{FxHashMap, FxHashSet};

/// Compression level: 6 (zlib's default) is within 1 % of 9 on the index and about a quarter faster.
const LEVEL: u32 = 6;

/// Documents whose clauses are counted for the dictionary: evenly spaced, so a large site costs
/// no more than this.
const SAMPLE: usize = 2_000;

/// Shortest clause worth a place in the dictionary, in bytes (DEFLATE copies 3 bytes and up,
/// but a copy of a short clause saves little).
const SHORTEST: usize = 6;

/// Raw DEFLATE of `data`, with `dict` as the preset dictionary (none when empty).
pub fn deflate(data: &[u8], dict: &[u8]) -> Vec<u8> {
    let mut c = Compress::new(Compression::new(LEVEL), false);
    if !dict.is_empty() {
        // A new raw stream always takes a dictionary: an error here is a bug, not bad input.
        c.set_dictionary(dict).expect("a new DEFLATE stream takes a dictionary");
    }
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    loop {
        let read = c.total_in() as usize;
        match c.compress_vec(&data[read..], &mut out, FlushCompress::Finish) {
            Ok(Status::StreamEnd) => return out,
            Ok(_) => out.reserve(out.capacity().max(1024)),
            Err(e) => unreachable!("DEFLATE into memory failed: {e}"),
        }
    }
}

/// The data of a raw DEFLATE stream written by [`deflate`] with the same `dict`.
pub fn inflate(data: &[u8], dict: &[u8]) -> std::io::Result<Vec<u8>> {
    let bad = |what: String| std::io::Error::new(std::io::ErrorKind::InvalidData, what);
    let mut d = Decompress::new(false);
    if !dict.is_empty() {
        d.set_dictionary(dict).map_err(|e| bad(e.to_string()))?;
    }
    let mut out = Vec::with_capacity(data.len() * 3 + 64);
    loop {
        let read = d.total_in() as usize;
        let wrote = d.total_out();
        match d.decompress_vec(&data[read..], &mut out, FlushDecompress::Finish) {
            Ok(Status::StreamEnd) => return Ok(out),
            Ok(_) if d.total_in() as usize == data.len() && d.total_out() == wrote => {
                if out.len() < out.capacity() {
                    return Err(bad("the DEFLATE stream ends early".into()));
                }
                out.reserve(out.capacity());
            }
            Ok(_) => out.reserve(out.capacity().max(1024)),
            Err(e) => return Err(bad(e.to_string())),
        }
    }
}

/// A preset dictionary of at most `max` bytes for `texts`: the clauses (runs of text up to and
/// including a punctuation mark or space) found in at least two of the sampled texts, those
/// that save the most first (bytes × the documents beyond the first that repeat them), and
/// placed last in the dictionary, where DEFLATE reaches them with the shortest distances.
/// Deterministic: ties go by the clause's text.
pub fn dictionary<'a>(texts: impl ExactSizeIterator<Item = &'a str>, max: usize) -> String {
    let keep = spread(texts.len(), SAMPLE);
    let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for text in texts.enumerate().filter(|(i, _)| keep(*i)).map(|(_, t)| t) {
        seen.clear();
        for clause in text.split_inclusive(is_break) {
            if clause.len() >= SHORTEST && seen.insert(clause) {
                *counts.entry(clause).or_default() += 1;
            }
        }
    }
    let mut scored: Vec<(u64, &str)> = counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(c, n)| (u64::from(n - 1) * c.len() as u64, c))
        .collect();
    scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut picked = Vec::new();
    let mut size = 0;
    for (_, clause) in scored {
        if size + clause.len() <= max {
            picked.push(clause);
            size += clause.len();
        }
    }
    picked.reverse();
    picked.concat()
}

/// Picks about `want` of `len` items, spread over them but not at a fixed step: a site's
/// documents repeat in a pattern (a unit page, then its reports), which a fixed step would
/// sample one kind of only.
pub fn spread(len: usize, want: usize) -> impl Fn(usize) -> bool {
    let step = len.div_ceil(want.max(1)).max(1) as u64;
    move |i| ((i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32).is_multiple_of(step)
}

/// Where a clause ends: Chinese and ASCII punctuation, and spaces (English words, table cells).
fn is_break(c: char) -> bool {
    matches!(
        c,
        '。' | '；' | '，' | '、' | '：' | '！' | '？' | '）' | '」' | '”' | ' ' | '\n' | ',' | ';' | ':' | '.' | ')'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflate_reads_back_what_deflate_wrote_with_and_without_a_dictionary() {
        let text = "部门整体支出绩效自评报告，项目支出绩效自评表。".repeat(40) + "2021 年度 expenditure";
        for dict in ["", "支出绩效自评", "项目支出绩效自评表。部门整体"] {
            let packed = deflate(text.as_bytes(), dict.as_bytes());
            assert!(packed.len() < text.len() / 4, "{} of {}", packed.len(), text.len());
            assert_eq!(inflate(&packed, dict.as_bytes()).unwrap(), text.as_bytes());
        }
        assert_eq!(inflate(&deflate(b"", b""), b"").unwrap(), b"");
    }

    #[test]
    fn a_dictionary_of_shared_clauses_shrinks_a_text_that_shares_them() {
        let texts = [
            "一、部门基本情况。本部门主要职能是负责园区的规划建设，年度预算执行率为 98%。",
            "一、部门基本情况。本部门主要职能是负责园区的招商引资，年度预算执行率为 95%。",
            "一、部门基本情况。本部门主要职能是负责园区的规划建设，资金使用合规。",
        ];
        let dict = dictionary(texts.iter().copied(), 1024);
        assert!(dict.contains("一、") && dict.contains("部门基本情况。"), "{dict}");
        assert!(!dict.contains("招商引资"), "a clause of one text only: {dict}");
        let new = "一、部门基本情况。本部门主要职能是负责园区的规划建设，年度预算执行率为 91%。";
        let with = deflate(new.as_bytes(), dict.as_bytes());
        assert!(with.len() < deflate(new.as_bytes(), b"").len() / 2);
        assert_eq!(inflate(&with, dict.as_bytes()).unwrap(), new.as_bytes());
        // Same input, same dictionary.
        assert_eq!(dictionary(texts.iter().copied(), 1024), dict);
        assert!(dictionary(texts.iter().copied(), 20).len() <= 20);
    }

    #[test]
    fn broken_streams_are_errors_not_panics() {
        let packed = deflate("绩效自评".repeat(100).as_bytes(), b"");
        assert!(inflate(&packed[..packed.len() / 2], b"").is_err());
        assert!(inflate(b"\xff\xff\xff", b"").is_err());
        assert!(inflate(b"", b"").is_err());
    }
}
