//! Helpers shared by the integration tests: build a site into a temp dir and read what a
//! visitor would get.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The repository root (holds site.toml, content/, themes/).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Builds the example site into a fresh temp dir; returns the dir guard and the output path.
pub fn build_example() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let summary =
        gongkai::build(&repo(), Some(&out), false).unwrap_or_else(|f| panic!("build failed: {:?}", f.diagnostics()));
    assert_eq!(summary.output, out);
    (tmp, out)
}

/// Copies the example site (site.toml, themes/, content/) into `to`.
pub fn copy_example(to: &Path) {
    for name in ["site.toml", "themes", "content"] {
        for e in walkdir::WalkDir::new(repo().join(name)) {
            let e = e.unwrap();
            let dest = to.join(e.path().strip_prefix(repo()).unwrap());
            if e.file_type().is_dir() {
                std::fs::create_dir_all(&dest).unwrap();
            } else {
                std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
                std::fs::copy(e.path(), &dest).unwrap();
            }
        }
    }
}

/// Every file under `dir`, as site-relative paths with `/` separators.
pub fn files(dir: &Path) -> BTreeMap<String, PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"),
                e.path().to_path_buf(),
            )
        })
        .collect()
}

/// Values of `attr="…"` in `html` (our templates always quote with `"`), entity-decoded.
pub fn attrs(html: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        rest = &rest[i + needle.len()..];
        let end = rest.find('"').unwrap();
        out.push(rest[..end].replace("&amp;", "&").replace("&#x2F;", "/"));
        rest = &rest[end..];
    }
    out
}

/// The file a relative link on the page `page` leads to, below the site root (`page` and the
/// result are paths like `en/parks/x/index.html`), without its query and fragment; `None`
/// when the link is not relative (a scheme, `/…`) or climbs above the site root.
pub fn resolve(page: &str, link: &str) -> Option<String> {
    if link.starts_with('/') || link.contains("://") || link.starts_with('#') {
        return None;
    }
    let link = link.split(['#', '?']).next().unwrap();
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in link.split('/') {
        match seg {
            "." | "" => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if link.ends_with('/') || link.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// Text of a page with tags removed and whitespace collapsed.
/// `html` without the glossary links put on the first use of each term (`<a class="term">`),
/// keeping their text: for tests that compare the text of a cell.
pub fn without_term_links(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<a class=\"term\"") {
        out.push_str(&rest[..i]);
        let open_end = rest[i..].find('>').map_or(rest.len(), |k| i + k + 1);
        let close = rest[open_end..].find("</a>").map_or(rest.len(), |k| open_end + k);
        out.push_str(&rest[open_end..close]);
        rest = &rest[(close + 4).min(rest.len())..];
    }
    out.push_str(rest);
    out
}

pub fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `<link rel="alternate" hreflang>` pairs of a page.
pub fn alternates(html: &str) -> Vec<(String, String)> {
    html.split("<link rel=\"alternate\"")
        .skip(1)
        .filter_map(|s| {
            let tag = &s[..s.find('>').unwrap()];
            Some((attrs(tag, "hreflang").first()?.clone(), attrs(tag, "href")[0].clone()))
        })
        .collect()
}

/// Every file under `dir` with its bytes (symbolic links recorded by their target).
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    snapshot_with(dir, |b| b)
}

/// Every file under `dir` with `f` of its bytes (symbolic links: of `-> target`).
pub fn snapshot_with<T>(dir: &Path, f: impl Fn(Vec<u8>) -> T) -> BTreeMap<String, T> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            let bytes = if e.path_is_symlink() {
                format!("-> {}", std::fs::read_link(e.path()).unwrap().display()).into_bytes()
            } else {
                std::fs::read(e.path()).unwrap()
            };
            (rel, f(bytes))
        })
        .collect()
}

/// The `gongkai` binary run in `dir`, in no locale: its messages are in English, whatever the
/// locale of the machine running the tests.
pub fn run(args: &[&str], dir: &Path) -> std::process::Output {
    run_in_locale(args, dir, &[])
}

/// The `gongkai` binary run in `dir` with only the locale variables `locale` set (`LANG`,
/// `LC_MESSAGES`, `LC_ALL`).
pub fn run_in_locale(args: &[&str], dir: &Path, locale: &[(&str, &str)]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_gongkai"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .envs(locale.iter().copied())
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// stderr of a finished command, as text.
pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// A copy of the example site in `<tmp>/site`.
pub fn example_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_example(&root);
    (tmp, root)
}

/// Replaces the first `from` in the file at `path` with `to` (which must be there).
pub fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// A site with the example's settings and theme and no content but `files`, written below
/// the root.
pub fn site_with(files: &[(&str, &[u8])]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    std::fs::copy(repo().join("site.toml"), root.join("site.toml")).unwrap();
    for e in walkdir::WalkDir::new(repo().join("themes")) {
        let e = e.unwrap();
        let dest = root.join(e.path().strip_prefix(repo()).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
    for (path, bytes) in files {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    (tmp, root)
}

/// xorshift64*: deterministic, so a failure can be reproduced from its seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    /// A fraction in [0, 1).
    pub fn fraction(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A generated corpus of `reports` reports (benches/generate_corpus.py, seed 1), built with
/// the repository's theme: (its temp dir, its folder, its output).
pub fn generated_site(reports: usize) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    let status = std::process::Command::new("python3")
        .arg(repo().join("benches/generate_corpus.py"))
        .args(["--reports", &reports.to_string(), "--seed", "1", "--out"])
        .arg(&root)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3 runs benches/generate_corpus.py");
    assert!(status.success());
    let out = tmp.path().join("public");
    let o = run(
        &[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
        ],
        tmp.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    (tmp, root, out)
}
