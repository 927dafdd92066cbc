//! `gongkai serve`: build into memory, serve on 127.0.0.1 under the site's base path, rebuild
//! when content, templates or site.toml change, and reload the open page.
//!
//! A failed rebuild keeps the last good site served; the problem shows in the terminal and as
//! an overlay in the page. Nothing is written to disk.

use crate::diagnostics::Diagnostic;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// The site being served.
#[derive(Default)]
struct State {
    files: HashMap<String, Arc<Vec<u8>>>,
    base_path: String,
    /// Bumped on every successful rebuild; the page reloads when it changes.
    version: u64,
    /// The last rebuild's problems, shown over the page.
    error: Option<String>,
}

type Shared = Arc<Mutex<State>>;

/// Where the live-reload endpoints live, below the base path.
const LIVE: &str = "__gongkai/";

/// Builds once, then serves forever (until the process is stopped).
pub fn serve(root: &Path, port: u16) -> Result<(), Vec<Diagnostic>> {
    let state: Shared = Arc::default();
    let start = Instant::now();
    match rebuild(root, &state) {
        Ok(n) => println!("built {n} files in {} ms", start.elapsed().as_millis()),
        Err(text) => {
            eprintln!("{text}");
            return Err(vec![Diagnostic::error(
                root,
                "the first build failed; fix the problems above and start again",
            )]);
        }
    }
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
        vec![
            Diagnostic::error(root, format!("cannot listen on 127.0.0.1:{port}: {e}"))
                .help("choose another port with --port N"),
        ]
    })?;
    let addr = listener
        .local_addr()
        .map_err(|e| vec![Diagnostic::error(root, e.to_string())])?;
    let base = state.lock().map(|s| s.base_path.clone()).unwrap_or_default();
    println!("serving http://{addr}{base} (Ctrl+C to stop)");
    let _ = std::io::stdout().flush();

    let watch_state = Arc::clone(&state);
    let watch_root = root.to_path_buf();
    std::thread::spawn(move || watch(&watch_root, &watch_state));

    for stream in listener.incoming().flatten() {
        let state = Arc::clone(&state);
        std::thread::spawn(move || {
            let _ = handle(stream, &state);
        });
    }
    Ok(())
}

/// Builds into memory; on success replaces the served files, on failure keeps them.
fn rebuild(root: &Path, state: &Shared) -> Result<usize, String> {
    let result = crate::load(root).and_then(|loaded| crate::render(&loaded).map(|files| (loaded, files)));
    let mut s = state.lock().map_err(|_| "internal error: state poisoned".to_string())?;
    match result {
        Ok((loaded, files)) => {
            for w in &loaded.warnings {
                eprintln!("{w}");
            }
            s.base_path = loaded.config.base_path.clone();
            s.files = files.into_iter().map(|f| (f.path, Arc::new(f.bytes))).collect();
            s.version += 1;
            s.error = None;
            Ok(s.files.len())
        }
        Err(failure) => {
            let text: Vec<String> = failure.diagnostics().iter().map(|d| d.to_string()).collect();
            let text = text.join("\n");
            s.error = Some(text.clone());
            Err(text)
        }
    }
}

/// A fingerprint of every input file: path, size and modification time.
fn snapshot(root: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut out = Vec::new();
    for top in ["site.toml", "content", "themes"] {
        for entry in walkdir::WalkDir::new(root.join(top))
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if let Ok(meta) = entry.metadata() {
                if meta.is_file() {
                    out.push((entry.path().to_path_buf(), meta.len(), meta.modified().ok()));
                }
            }
        }
    }
    out
}

/// Polls the inputs and rebuilds after a change (polling needs no platform-specific watcher
/// and also works on network drives, where government staff often keep their files).
fn watch(root: &Path, state: &Shared) {
    let mut last = snapshot(root);
    loop {
        std::thread::sleep(Duration::from_millis(200));
        let now = snapshot(root);
        if now == last {
            continue;
        }
        // Let an editor finish writing.
        std::thread::sleep(Duration::from_millis(50));
        last = snapshot(root);
        let start = Instant::now();
        match rebuild(root, state) {
            Ok(n) => println!("rebuilt {n} files in {} ms", start.elapsed().as_millis()),
            Err(text) => eprintln!("{text}\nrebuild failed: still serving the last good site"),
        }
        let _ = std::io::stdout().flush();
    }
}

fn handle(mut stream: TcpStream, state: &Shared) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let path = percent_decode(target.split(['?', '#']).next().unwrap_or("/"));
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"GET only",
            method == "HEAD",
        );
    }
    let (status, kind, body) = lookup(state, &path);
    respond(&mut stream, status, kind, &body, method == "HEAD")
}

/// Finds the response for a path.
fn lookup(state: &Shared, path: &str) -> (&'static str, &'static str, Vec<u8>) {
    let Ok(s) = state.lock() else {
        return ("500 Internal Server Error", "text/plain", b"internal error".to_vec());
    };
    let Some(rel) = path.strip_prefix(&s.base_path) else {
        let body = format!(
            "<!DOCTYPE html><title>gongkai</title><p>The site is at <a href=\"{0}\">{0}</a></p>",
            s.base_path
        );
        return ("404 Not Found", "text/html; charset=utf-8", body.into_bytes());
    };
    if rel == format!("{LIVE}status") {
        let body = serde_json::json!({"version": s.version, "error": s.error}).to_string();
        return ("200 OK", "application/json", body.into_bytes());
    }
    if rel == format!("{LIVE}live.js") {
        return (
            "200 OK",
            "text/javascript; charset=utf-8",
            LIVE_JS.replace("BASE/", &s.base_path).into_bytes(),
        );
    }
    let file = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    let (status, file) = if s.files.contains_key(&file) {
        ("200 OK", file)
    } else if s.files.contains_key(&format!("{file}/index.html")) {
        ("200 OK", format!("{file}/index.html"))
    } else {
        let en = file.starts_with("en/");
        (
            "404 Not Found",
            if en {
                "en/404.html".to_string()
            } else {
                "404.html".to_string()
            },
        )
    };
    let Some(bytes) = s.files.get(&file) else {
        return ("404 Not Found", "text/plain", b"not found".to_vec());
    };
    let kind = content_type(&file);
    if kind.starts_with("text/html") {
        // The live-reload script is added when serving only, never to the built site.
        let html = String::from_utf8_lossy(bytes);
        let tag = format!("<script src=\"{}{LIVE}live.js\"></script></body>", s.base_path);
        return (status, kind, html.replacen("</body>", &tag, 1).into_bytes());
    }
    (status, kind, bytes.as_ref().clone())
}

fn respond(stream: &mut TcpStream, status: &str, kind: &str, body: &[u8], head: bool) -> std::io::Result<()> {
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// Content type by extension.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "txt" | "" => "text/plain; charset=utf-8",
        _ if path.ends_with("SHA256SUMS") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).to_string()
}

/// Polls the status; reloads after a rebuild; shows problems over the page.
const LIVE_JS: &str = r#"(function () {
  var seen = null;
  function overlay(text) {
    var box = document.getElementById('gongkai-overlay');
    if (!text) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement('div');
      box.id = 'gongkai-overlay';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60%;overflow:auto;background:#a8141c;color:#fff;font:14px/1.5 monospace;padding:1em;white-space:pre-wrap;z-index:99999';
      document.body.appendChild(box);
    }
    box.textContent = 'gongkai: the last change has problems; showing the last good version.\n\n' + text;
  }
  function poll() {
    fetch('BASE/__gongkai/status', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.version !== seen) { location.reload(); return; }
      seen = s.version;
      overlay(s.error);
    }).catch(function () {}).then(function () { setTimeout(poll, 500); });
  }
  poll();
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_paths() {
        assert_eq!(percent_decode("/a%20b/%E5%9B%AD"), "/a b/园");
        assert_eq!(percent_decode("/100%"), "/100%");
    }

    #[test]
    fn finds_files_and_injects_live_reload() {
        let state: Shared = Arc::default();
        {
            let mut s = state.lock().unwrap();
            s.base_path = "/x/".into();
            s.files
                .insert("index.html".into(), Arc::new(b"<html><body>hi</body></html>".to_vec()));
            s.files
                .insert("404.html".into(), Arc::new(b"<body>missing</body>".to_vec()));
            s.files
                .insert("a/index.html".into(), Arc::new(b"<body>a</body>".to_vec()));
        }
        let (status, _, body) = lookup(&state, "/x/");
        assert_eq!(status, "200 OK");
        assert!(
            String::from_utf8(body)
                .unwrap()
                .contains("<script src=\"/x/__gongkai/live.js\"></script></body>")
        );
        assert_eq!(lookup(&state, "/x/a").0, "200 OK");
        assert_eq!(lookup(&state, "/x/nope/").0, "404 Not Found");
        assert_eq!(lookup(&state, "/elsewhere").0, "404 Not Found");
        let (_, kind, body) = lookup(&state, "/x/__gongkai/status");
        assert_eq!(kind, "application/json");
        assert_eq!(String::from_utf8(body).unwrap(), "{\"version\":0,\"error\":null}");
    }
}
