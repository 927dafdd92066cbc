//! Tokenising for search, identical in Rust (index) and JavaScript (query): both are tested
//! against `tests/search-tokenize.json`.
//!
//! Text is folded (full-width to ASCII, lowercase). Chinese has no spaces, so a run of Han
//! characters becomes its single characters and overlapping bigrams — a dictionary segmenter
//! would miss sub-word queries like 引资 and need megabytes of dictionary in the browser. Other
//! letters and digits form words; English words are stemmed at build time.

/// True for Han characters (the ranges the JavaScript tokenizer uses too).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Full-width ASCII to ASCII, ideographic space to space, lowercase.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            0x3000 => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A piece of text as the tokenizer sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Run {
    /// Consecutive Han characters.
    Han(String),
    /// A word of letters or digits.
    Word(String),
}

/// Splits folded text into Han runs and words.
pub fn runs(text: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut han = false;
    let flush = |cur: &mut String, han: bool, out: &mut Vec<Run>| {
        if !cur.is_empty() {
            let s = std::mem::take(cur);
            out.push(if han { Run::Han(s) } else { Run::Word(s) });
        }
    };
    for c in fold(text).chars() {
        if is_han(c) {
            if !han {
                flush(&mut cur, han, &mut out);
            }
            han = true;
            cur.push(c);
        } else if c.is_alphanumeric() {
            if han {
                flush(&mut cur, han, &mut out);
            }
            han = false;
            cur.push(c);
        } else {
            flush(&mut cur, han, &mut out);
        }
    }
    flush(&mut cur, han, &mut out);
    out
}

/// Index tokens of a Han run: every character and every overlapping bigram.
pub fn han_tokens(run: &str) -> Vec<String> {
    let chars: Vec<char> = run.chars().collect();
    let mut out: Vec<String> = chars.iter().map(|c| c.to_string()).collect();
    out.extend(chars.windows(2).map(|w| w.iter().collect::<String>()));
    out
}

/// Query tokens of a Han run: bigrams (precise), or the character when it stands alone.
pub fn han_query_tokens(run: &str) -> Vec<String> {
    let chars: Vec<char> = run.chars().collect();
    if chars.len() == 1 {
        return vec![run.to_string()];
    }
    chars.windows(2).map(|w| w.iter().collect::<String>()).collect()
}

/// Calls `f` with every index token of `text`, as slices of the folded text — the same tokens
/// as [`index_tokens`] without allocating one string per token (the index builder's hot loop).
pub fn for_each_index_token(text: &str, mut f: impl FnMut(&str)) {
    let folded = fold(text);
    let mut start = None::<(usize, bool)>;
    let emit = |run: &str, han: bool, f: &mut dyn FnMut(&str)| {
        if !han {
            f(run);
            return;
        }
        let idx: Vec<usize> = run
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(run.len()))
            .collect();
        for w in idx.windows(2) {
            f(&run[w[0]..w[1]]);
        }
        for w in idx.windows(3) {
            f(&run[w[0]..w[2]]);
        }
    };
    for (i, c) in folded.char_indices() {
        let class = if is_han(c) {
            Some(true)
        } else if c.is_alphanumeric() {
            Some(false)
        } else {
            None
        };
        match (start, class) {
            (Some((_, h)), Some(k)) if h == k => {}
            (Some((s, h)), k) => {
                emit(&folded[s..i], h, &mut f);
                start = k.map(|k| (i, k));
            }
            (None, k) => start = k.map(|k| (i, k)),
        }
    }
    if let Some((s, h)) = start {
        emit(&folded[s..], h, &mut f);
    }
}

/// Tokens of text for the index (words unstemmed; the index stems them).
pub fn index_tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for run in runs(text) {
        match run {
            Run::Han(s) => out.extend(han_tokens(&s)),
            Run::Word(w) => out.push(w),
        }
    }
    out
}

/// Tokens of a query (words unstemmed; the shards map word forms to stems).
pub fn query_tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for run in runs(text) {
        match run {
            Run::Han(s) => out.extend(han_query_tokens(&s)),
            Run::Word(w) => out.push(w),
        }
    }
    out
}

/// The English stem of a word (digits and non-Latin words are their own stem).
pub fn stem(word: &str) -> String {
    use std::sync::OnceLock;
    static STEMMER: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    if !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return word.to_string();
    }
    STEMMER
        .get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
        .stem(word)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fixture shared with the JavaScript tokenizer.
    #[test]
    fn agrees_with_the_shared_fixture() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/search-tokenize.json")).unwrap();
        let cases: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
        assert!(cases.len() >= 15);
        for case in cases {
            let input = case["input"].as_str().unwrap();
            let want = |k: &str| -> Vec<String> {
                case[k]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap().to_string())
                    .collect()
            };
            assert_eq!(fold(input), case["folded"].as_str().unwrap(), "fold {input}");
            assert_eq!(index_tokens(input), want("index"), "index {input}");
            let mut fast = Vec::new();
            for_each_index_token(input, |t| fast.push(t.to_string()));
            let mut sorted_fast = fast.clone();
            let mut sorted_want = want("index");
            sorted_fast.sort();
            sorted_want.sort();
            assert_eq!(sorted_fast, sorted_want, "fast tokens {input}");
            assert_eq!(query_tokens(input), want("query"), "query {input}");
        }
    }

    #[test]
    fn stems_english_only() {
        assert_eq!(stem("receptions"), stem("reception"));
        assert_eq!(stem("costs"), "cost");
        assert_eq!(stem("2021"), "2021");
    }
}
