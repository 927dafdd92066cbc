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

/// Quotation and title marks, dropped inside terms: “三公”经费 reads as 三公经费, `"lithium"` as
/// lithium. (The same list is in `search.js`.)
pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '‘' | '’' | '“' | '”' | '「' | '」' | '『' | '』' | '《' | '》' | '〈' | '〉' | '〝' | '〞'
    )
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
        if is_quote(c) {
            continue;
        }
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

/// An index token of [`for_each_index_term`]: no allocation for Chinese.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok<'a> {
    /// One Han character.
    Han(char),
    /// Two consecutive Han characters.
    Bigram(char, char),
    /// A word of letters or digits (folded, unstemmed).
    Word(&'a str),
}

/// Calls `f` with every index token of `text` in order of appearance (each Han character, then
/// the bigram it ends, if any) — the tokens of [`index_tokens`], the index builder's hot loop.
/// `folded` is a scratch buffer, reused between calls.
pub fn for_each_index_term(text: &str, folded: &mut String, mut f: impl FnMut(Tok)) {
    folded.clear();
    for c in text.chars() {
        let c = match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            0x3000 => ' ',
            _ => c,
        };
        if is_quote(c) {
            continue;
        }
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else if is_han(c) {
            folded.push(c);
        } else {
            folded.extend(c.to_lowercase());
        }
    }
    let mut word = None::<usize>;
    let mut prev = None::<char>;
    for (i, c) in folded.char_indices() {
        if is_han(c) {
            if let Some(s) = word.take() {
                f(Tok::Word(&folded[s..i]));
            }
            f(Tok::Han(c));
            if let Some(p) = prev {
                f(Tok::Bigram(p, c));
            }
            prev = Some(c);
        } else {
            prev = None;
            if c.is_alphanumeric() {
                word.get_or_insert(i);
            } else if let Some(s) = word.take() {
                f(Tok::Word(&folded[s..i]));
            }
        }
    }
    if let Some(s) = word {
        f(Tok::Word(&folded[s..]));
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
            let mut sorted_want = want("index");
            sorted_want.sort();
            let mut terms = Vec::new();
            for_each_index_term(input, &mut String::new(), |t| {
                terms.push(match t {
                    Tok::Han(c) => c.to_string(),
                    Tok::Bigram(a, b) => format!("{a}{b}"),
                    Tok::Word(w) => w.to_string(),
                })
            });
            terms.sort();
            assert_eq!(terms, sorted_want, "terms {input}");
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
