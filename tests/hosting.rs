//! Hosting: the site works from any static server under a sub-path, and nothing in it makes a
//! browser contact another host.

mod common;
use common::*;
use std::collections::{BTreeSet, VecDeque};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

/// A minimal static server for `dir` under `base` (like any web server a portal runs).
fn static_server(dir: PathBuf, base: &'static str) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut buf = [0u8; 4096];
            let mut n = 0;
            // Read the whole request head before answering.
            while n < buf.len() && !buf[..n].windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buf[n..]) {
                    Ok(0) | Err(_) => break,
                    Ok(k) => n += k,
                }
            }
            let req = String::from_utf8_lossy(&buf[..n]);
            let path = req.split_whitespace().nth(1).unwrap_or("/").to_string();
            let (status, body) = match path.strip_prefix(base) {
                Some(rel) => {
                    let rel = if rel.is_empty() || rel.ends_with('/') {
                        format!("{rel}index.html")
                    } else {
                        rel.to_string()
                    };
                    match std::fs::read(dir.join(&rel)) {
                        Ok(b) if !rel.contains("..") => ("200 OK", b),
                        _ => ("404 Not Found", Vec::new()),
                    }
                }
                None => ("404 Not Found", Vec::new()),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body);
        }
    });
    port
}

fn fetch(port: u16, path: &str) -> (u16, Vec<u8>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let split = buf.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&buf[..split]).to_string();
    (
        head.split_whitespace().nth(1).unwrap().parse().unwrap(),
        buf[split + 4..].to_vec(),
    )
}

fn build_at(base_url: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    copy_example(&root);
    let toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
    let toml = toml.replace(
        "base_url = \"https://www.example.gov.cn/xxgk/jxpj/\"",
        &format!("base_url = \"{base_url}\""),
    );
    std::fs::write(root.join("site.toml"), toml).unwrap();
    gongkai::build(&root, None, false).unwrap_or_else(|f| panic!("{:?}", f.diagnostics()));
    let out = root.join("public");
    (tmp, out)
}

#[test]
fn served_under_a_sub_path_every_link_and_asset_resolves() {
    const BASE: &str = "/portal/zwgk/jxzp/";
    let (_tmp, out) = build_at("https://www.example.gov.cn/portal/zwgk/jxzp/");
    let port = static_server(out.clone(), BASE);
    let mut queue: VecDeque<String> = VecDeque::from([BASE.to_string(), format!("{BASE}en/")]);
    let mut seen = BTreeSet::new();
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let (status, body) = fetch(port, &path);
        assert_eq!(status, 200, "{path}");
        if path.ends_with('/') || path.ends_with(".html") {
            let html = String::from_utf8(body).unwrap();
            for link in attrs(&html, "href")
                .into_iter()
                .chain(attrs(&html, "src"))
                .chain(attrs(&html, "action"))
            {
                let link = link.split('#').next().unwrap().to_string();
                let local = link
                    .strip_prefix("https://www.example.gov.cn")
                    .map(str::to_string)
                    .unwrap_or(link);
                if local.starts_with('/') {
                    assert!(local.starts_with(BASE), "{path} links outside the sub-path: {local}");
                    queue.push_back(local);
                }
            }
        }
    }
    assert!(seen.len() > 100, "crawled {} addresses", seen.len());
    // Every page was reached by following links from the two home pages.
    for (rel, _) in files(&out).iter().filter(|(r, _)| r.ends_with("index.html")) {
        assert!(
            seen.contains(&format!("{BASE}{}", rel.trim_end_matches("index.html"))),
            "{rel} is not linked"
        );
    }
}

/// Namespace and schema identifiers are names, not addresses a browser fetches.
const IDENTIFIERS: [&str; 6] = [
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/2005/Atom",
    "http://www.w3.org/1999/xhtml",
    "http://www.sitemaps.org/schemas/sitemap/0.9",
    "https://json-schema.org/draft/2020-12/schema",
    "http://www.w3.org/XML/1998/namespace",
];

#[test]
fn nothing_refers_to_another_host() {
    let (_tmp, out) = build_example();
    let licence = "https://creativecommons.org/licenses/by/4.0/";
    let mut found = BTreeSet::new();
    for (rel, path) in files(&out) {
        let text = String::from_utf8_lossy(&std::fs::read(Path::new(&path)).unwrap()).to_string();
        for scheme in ["http://", "https://", "//"] {
            let mut rest = text.as_str();
            while let Some(i) = rest.find(scheme) {
                let url: String = rest[i..]
                    .chars()
                    .take_while(|c| !c.is_whitespace() && !"\"'<>)".contains(*c))
                    .collect();
                rest = &rest[i + scheme.len()..];
                if scheme == "//"
                    && (i == 0 || !"\"'(".contains(&text[text.len() - rest.len() - scheme.len() - 1..][..1]))
                {
                    continue; // only protocol-relative references start right after a quote or paren
                }
                let ours = url.starts_with("https://www.example.gov.cn/");
                let identifier = IDENTIFIERS.iter().any(|id| url.starts_with(id));
                // The licence is a link the publisher chose (site.toml), followed only if clicked.
                let licence_link = url == licence && (rel.ends_with(".html") || rel.ends_with("datapackage.json"));
                if !ours && !identifier && !licence_link {
                    found.insert(format!("{rel}: {url}"));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "references to other hosts:\n{}",
        found.into_iter().collect::<Vec<_>>().join("\n")
    );
}
