//! Hosting: the same output folder works at any address of any static server (its links are
//! relative), a 404 page finds its stylesheet and links at any depth under `base_url`'s path,
//! and nothing in the site makes a browser contact another host.

mod common;
use common::*;
use std::collections::{BTreeSet, VecDeque};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

/// A minimal static server for `dir` under `base` (like any web server a portal runs): a
/// folder's address serves its `index.html`; a missing file gets the site's `404.html` with
/// status 404, at the address asked for.
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
            let path = path.split('?').next().unwrap_or("/");
            let found = path.strip_prefix(base).and_then(|rel| {
                let rel = if rel.is_empty() || rel.ends_with('/') {
                    format!("{rel}index.html")
                } else {
                    rel.to_string()
                };
                std::fs::read(dir.join(&rel)).ok().filter(|_| !rel.contains(".."))
            });
            let (status, body) = match found {
                Some(b) => ("200 OK", b),
                None => ("404 Not Found", std::fs::read(dir.join("404.html")).unwrap_or_default()),
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

/// The address a link on the page at `page` (an absolute path) leads to, as a browser
/// resolves it; `None` for links to other hosts and to this page's own fragments.
fn follow(page: &str, link: &str) -> Option<String> {
    if link.contains("://") || link.starts_with('#') {
        return None;
    }
    assert!(!link.starts_with('/'), "{page}: a link from the server's root: {link}");
    let resolved = resolve(page.trim_start_matches('/'), link)
        .unwrap_or_else(|| panic!("{page}: {link} climbs above the server's root"));
    Some(format!("/{resolved}"))
}

/// Every page, stylesheet, script, chart and download reached by following links from the
/// two home pages and the two 404 pages (opened as files), with the site served at `at`
/// (whatever base_url says).
fn crawl(port: u16, at: &str) -> BTreeSet<String> {
    let mut queue: VecDeque<String> = ["index.html", "en/index.html", "404.html", "en/404.html"]
        .iter()
        .map(|p| format!("{at}{p}"))
        .collect();
    let mut seen = BTreeSet::new();
    while let Some(path) = queue.pop_front() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let (status, body) = fetch(port, &path);
        assert_eq!(status, 200, "{path}");
        if path.ends_with(".html") {
            let html = String::from_utf8(body).unwrap();
            for link in attrs(&html, "href")
                .into_iter()
                .chain(attrs(&html, "src"))
                .chain(attrs(&html, "action"))
            {
                if html.contains(&format!("<base href=\"{link}\">")) {
                    continue; // a 404 page's, tested below
                }
                let Some(next) = follow(&path, &link) else { continue };
                let next = next.split(['#', '?']).next().unwrap().to_string();
                assert!(next.starts_with(at), "{path} links outside the site: {link}");
                queue.push_back(next);
            }
        }
    }
    seen
}

#[test]
fn one_output_works_at_its_sub_path_at_a_server_root_and_at_another_sub_path() {
    const BASE: &str = "/portal/zwgk/jxzp/";
    let (_tmp, out) = build_at("https://www.example.gov.cn/portal/zwgk/jxzp/");
    let mut reached = Vec::new();
    for at in [BASE, "/", "/staging/jx/"] {
        let port = static_server(out.clone(), at);
        let seen = crawl(port, at);
        assert!(seen.len() > 60, "served at {at}: crawled {} addresses", seen.len());
        // Every page was reached by following links from the home pages.
        for (rel, _) in files(&out).iter().filter(|(r, _)| r.ends_with(".html")) {
            assert!(
                seen.contains(&format!("{at}{rel}")),
                "served at {at}: {rel} is not linked"
            );
        }
        reached.push(seen.len());
    }
    assert!(reached.iter().all(|n| *n == reached[0]), "{reached:?}");
}

/// A server shows the 404 page at any missing address: under base_url's path its <base>
/// points its relative links at its own folder, whatever the depth.
#[test]
fn a_404_page_finds_its_links_at_any_depth_under_the_sub_path() {
    const BASE: &str = "/portal/zwgk/jxzp/";
    let (_tmp, out) = build_at("https://www.example.gov.cn/portal/zwgk/jxzp/");
    let port = static_server(out.clone(), BASE);
    for (file, base) in [("404.html", BASE.to_string()), ("en/404.html", format!("{BASE}en/"))] {
        let html = std::fs::read_to_string(out.join(file)).unwrap();
        assert!(html.contains(&format!("<base href=\"{base}\">")), "{file}");
        // The skip link names the page's file: under a <base>, `#main` would be the home page's.
        assert!(html.contains("class=\"skip-link\" href=\"404.html#main\""), "{file}");
        let links: Vec<String> = ["href", "src", "action"]
            .into_iter()
            .flat_map(|a| attrs(&html, a))
            .filter(|l| !l.contains("://") && *l != base)
            .collect();
        assert!(links.len() >= 8, "{file}: {links:?}");
        for link in links {
            let target = follow(&format!("{base}404.html"), &link).unwrap();
            let target = target.split(['#', '?']).next().unwrap();
            assert_eq!(fetch(port, target).0, 200, "{file}: {link} under <base href={base}>");
        }
    }
    let (status, body) = fetch(port, &format!("{BASE}parks/no-such-unit/2020/"));
    assert_eq!(status, 404);
    assert!(
        String::from_utf8(body)
            .unwrap()
            .contains(&format!("<base href=\"{BASE}\">"))
    );
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

/// A file's bytes as a reader gets them: the search index's `.bin` files inflated (the text
/// chunks with their dictionary `z`), so that what they hold is checked too.
fn readable(path: &Path) -> Vec<u8> {
    use gongkai::search::store::inflate;
    let bytes = std::fs::read(path).unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    let Some(stem) = name.strip_suffix(".bin") else {
        return bytes;
    };
    let (kind, hash) = stem.split_once('.').unwrap();
    // The text chunks' dictionary, when the index has one.
    let dict = if kind.starts_with('d') {
        std::fs::read(path.with_file_name(format!("z.{hash}.bin")))
            .map(|z| inflate(&z, b"").unwrap())
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    inflate(&bytes, &dict).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn nothing_refers_to_another_host() {
    let (_tmp, out) = build_example();
    let licence = "https://creativecommons.org/licenses/by/4.0/";
    let mut found = BTreeSet::new();
    for (rel, path) in files(&out) {
        let text = String::from_utf8_lossy(&readable(Path::new(&path))).to_string();
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

/// Crawlers read robots.txt only at a host's root: under a sub-path the build still writes it
/// and notes where its Sitemap line belongs; at a host's root there is nothing to say.
#[test]
fn a_sub_path_build_notes_where_robots_txt_belongs() {
    let robots = |w: &[gongkai::diagnostics::Diagnostic]| -> Vec<String> {
        w.iter()
            .filter(|d| d.message.contains("robots.txt"))
            .map(|d| d.to_string())
            .collect()
    };
    let (_tmp, root) = example_copy();
    let summary = gongkai::build(&root, None, false).unwrap_or_else(|f| panic!("{:?}", f.diagnostics()));
    let line = std::fs::read_to_string(root.join("site.toml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("base_url"))
        .unwrap()
        + 1;
    assert_eq!(
        robots(&summary.warnings),
        [format!(
            "{}:{line}:1: note: crawlers read robots.txt only at the host's root (https://www.example.gov.cn/robots.txt); the site is at /xxgk/jxpj/, where its own robots.txt is never read\n  help: ask the portal's administrator to add this line to the host's robots.txt: Sitemap: https://www.example.gov.cn/xxgk/jxpj/sitemap.xml",
            root.join("site.toml").display()
        )]
    );
    assert!(root.join("public/robots.txt").is_file());
    // `check` writes nothing, so it has nothing to say about robots.txt.
    assert!(robots(&gongkai::check(&root, false).unwrap()).is_empty());
    let (_tmp2, out) = build_at("https://www.example.gov.cn/");
    assert!(out.join("robots.txt").is_file());
    let summary = gongkai::build(out.parent().unwrap(), None, false).unwrap();
    assert!(robots(&summary.warnings).is_empty());
}
