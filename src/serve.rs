//! `gongkai serve`: build into memory, serve on 127.0.0.1 under the site's base path, rebuild
//! when content, templates or site.toml change, and reload the open page.
//!
//! An edit inside one unit folder is rebuilt incrementally (see [`crate::incremental`]): that
//! unit's pages and the listings first, so the page reloads at once, then the site-wide
//! downloads and search index in the background. Any other change rebuilds everything.
//! Changes are noticed through the operating system's file events, with polling as the
//! fallback (network drives, where government staff often keep their files, may have none).
//! A failed rebuild keeps the last good site served; the problem shows in the terminal and as
//! an overlay in the page. Nothing is written to disk.

use crate::Loaded;
use crate::diagnostics::Diagnostic;
use crate::incremental::{self, Scope};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// The site being served.
#[derive(Default)]
struct State {
    /// Sorted, so that a unit's files are one range (removed at once after an edit).
    files: BTreeMap<String, Arc<Vec<u8>>>,
    base_path: String,
    /// Bumped on every successful rebuild; the page reloads when it changes.
    version: u64,
    /// The last rebuild's problems, shown over the page.
    error: Option<String>,
    /// Bumped on every change of `version` or `error`: what the page's long poll waits for.
    stamp: u64,
}

type Shared = Arc<Mutex<State>>;

/// Where the live-reload endpoints live, below the base path.
const LIVE: &str = "__gongkai/";

/// How long a status request waits for a change before answering anyway.
const LONG_POLL: Duration = Duration::from_secs(20);

/// Builds once, then serves forever (until the process is stopped).
pub fn serve(root: &Path, port: u16) -> Result<(), Vec<Diagnostic>> {
    let state: Shared = Arc::default();
    let start = Instant::now();
    let loaded = match full_rebuild(root, &state) {
        Ok((n, loaded)) => {
            println!("built {n} files in {} ms", start.elapsed().as_millis());
            loaded
        }
        Err(text) => {
            eprintln!("{text}");
            return Err(vec![Diagnostic::error(
                root,
                "the first build failed; fix the problems above and start again",
            )]);
        }
    };
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
        vec![
            Diagnostic::error(root, format!("cannot listen on 127.0.0.1:{port}: {e}"))
                .help("choose another port with --port N"),
        ]
    })?;
    let addr = listener
        .local_addr()
        .map_err(|e| vec![Diagnostic::error(root, e.to_string())])?;

    let watch_state = Arc::clone(&state);
    let watch_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    // Watching starts before the address is printed: an edit right after start is not missed.
    let changes = Changes::new(&watch_root);
    std::thread::spawn(move || watch(&watch_root, &watch_state, loaded, changes));
    let base = lock(&state).base_path.clone();
    println!("serving http://{addr}{base} (Ctrl+C to stop)");
    let _ = std::io::stdout().flush();

    for stream in listener.incoming().flatten() {
        let state = Arc::clone(&state);
        std::thread::spawn(move || {
            let _ = handle(stream, &state);
        });
    }
    Ok(())
}

fn lock(state: &Shared) -> std::sync::MutexGuard<'_, State> {
    state.lock().unwrap_or_else(|e| e.into_inner())
}

/// Loads and builds everything into memory; on success replaces the served files, on failure
/// keeps them and shows the problems.
fn full_rebuild(root: &Path, state: &Shared) -> Result<(usize, Arc<Loaded>), String> {
    let result = crate::load(root).and_then(|loaded| crate::render(&loaded).map(|files| (loaded, files)));
    let mut s = lock(state);
    match result {
        Ok((loaded, files)) => {
            for w in &loaded.warnings {
                eprintln!("{w}");
            }
            s.base_path = loaded.config.base_path.clone();
            s.files = files.into_iter().map(|f| (f.path, Arc::new(f.bytes))).collect();
            s.version += 1;
            s.stamp += 1;
            s.error = None;
            Ok((s.files.len(), Arc::new(loaded)))
        }
        Err(failure) => Err(show_failure(&mut s, &failure)),
    }
}

fn show_failure(s: &mut State, failure: &crate::Failure) -> String {
    let text: Vec<String> = failure.diagnostics().iter().map(|d| d.to_string()).collect();
    let text = text.join("\n");
    s.error = Some(text.clone());
    s.stamp += 1;
    text
}

/// Rebuilds the units `ids` after an edit: `Ok(None)` when a full build is needed instead.
fn incremental_rebuild(
    root: &Path,
    state: &Shared,
    loaded: &Arc<Loaded>,
    ids: &BTreeSet<String>,
    generation: &Arc<AtomicU64>,
) -> Result<Option<(usize, Arc<Loaded>)>, String> {
    let mut timer = crate::timing::Timer::new();
    let next = incremental::reload(loaded, root, ids).and_then(|next| match next {
        Some(next) => {
            timer.stage("serve: reload");
            let years = incremental::touched_years(loaded, &next, ids);
            let files = incremental::render_units(&next, ids);
            timer.stage("serve: render units");
            files.map(|files| Some((next, files, years)))
        }
        None => Ok(None),
    });
    let (next, files, years) = match next {
        Ok(Some(x)) => x,
        Ok(None) => return Ok(None),
        Err(failure) => return Err(show_failure(&mut lock(state), &failure)),
    };
    for w in next
        .warnings
        .iter()
        .filter(|w| ids.iter().any(|id| w.file.iter().any(|c| c == id.as_str())))
    {
        eprintln!("{w}");
    }
    let n = files.len();
    {
        let mut s = lock(state);
        incremental::remove_units(&mut s.files, ids);
        s.files.extend(files.into_iter().map(|f| (f.path, Arc::new(f.bytes))));
        s.version += 1;
        s.stamp += 1;
        s.error = None;
    }
    timer.stage("serve: swap in");
    let next = Arc::new(next);
    // The listings and site-wide files follow in the background, on their own threads so that
    // the next edit's pages do not wait behind the search index.
    let job = generation.fetch_add(1, Ordering::SeqCst) + 1;
    let (state, loaded, generation) = (Arc::clone(state), Arc::clone(&next), Arc::clone(generation));
    std::thread::spawn(move || {
        let start = Instant::now();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build();
        let work = || {
            let mut files = incremental::render_listings(&loaded, &years)?;
            files.extend(incremental::render_site_files(&loaded)?);
            Ok::<_, crate::Failure>(files)
        };
        let files = match &pool {
            Ok(pool) => pool.install(work),
            Err(_) => work(),
        };
        let Ok(files) = files else { return };
        let stale = || generation.load(Ordering::SeqCst) != job; // a newer edit has its own job
        // The sitemap and checksums need the pages and data files as they will be served:
        // taken under the lock, hashed outside it so that requests are not held up.
        let listed: Vec<(String, Arc<Vec<u8>>)> = {
            let s = lock(&state);
            if stale() {
                return;
            }
            s.files
                .iter()
                .filter(|(p, _)| p.ends_with("index.html") || crate::render::package::is_data_file(p))
                .map(|(p, b)| (p.clone(), Arc::clone(b)))
                .collect()
        };
        let mut view: BTreeMap<&str, &[u8]> = listed.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
        view.extend(files.iter().map(|f| (f.path.as_str(), f.bytes.as_slice())));
        let last = incremental::finish(&loaded, &view);
        drop(view);
        let mut s = lock(&state);
        if stale() {
            return;
        }
        s.files.retain(|p, _| !incremental::is_search_index(p));
        s.files
            .extend(files.into_iter().chain(last).map(|f| (f.path, Arc::new(f.bytes))));
        println!(
            "updated the listings, downloads and search index in {} ms",
            start.elapsed().as_millis()
        );
        let _ = std::io::stdout().flush();
    });
    Ok(Some((n, next)))
}

/// A fingerprint of every input file: path, size and modification time.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, (u64, Option<SystemTime>)> {
    let mut out = BTreeMap::new();
    for top in ["site.toml", "content", "themes"] {
        for entry in walkdir::WalkDir::new(root.join(top))
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            if let Ok(meta) = entry.metadata() {
                if meta.is_file() {
                    out.insert(entry.path().to_path_buf(), (meta.len(), meta.modified().ok()));
                }
            }
        }
    }
    out
}

/// Where changes come from: file events, or polling when the system gives none.
enum Changes {
    Events {
        rx: Receiver<notify::Result<notify::Event>>,
        /// Kept alive: dropping it stops the events.
        _watcher: notify::RecommendedWatcher,
    },
    Polling(BTreeMap<PathBuf, (u64, Option<SystemTime>)>),
}

impl Changes {
    fn new(root: &Path) -> Changes {
        use notify::Watcher;
        let (tx, rx) = std::sync::mpsc::channel();
        let watcher = notify::recommended_watcher(tx).and_then(|mut w| {
            w.watch(&root.join("content"), notify::RecursiveMode::Recursive)?;
            w.watch(&root.join("themes"), notify::RecursiveMode::Recursive)?;
            w.watch(&root.join("site.toml"), notify::RecursiveMode::NonRecursive)?;
            Ok(w)
        });
        match watcher {
            Ok(w) => Changes::Events { rx, _watcher: w },
            Err(e) => {
                eprintln!("file events are not available ({e}); checking for changes every 200 ms");
                Changes::Polling(snapshot(root))
            }
        }
    }

    /// Waits for the next change and returns the changed paths.
    fn next(&mut self, root: &Path) -> Vec<PathBuf> {
        match self {
            Changes::Events { rx, .. } => {
                let Ok(first) = rx.recv() else {
                    // The watcher is gone: poll instead.
                    *self = Changes::Polling(snapshot(root));
                    return self.next(root);
                };
                let mut paths: BTreeSet<PathBuf> = BTreeSet::new();
                let mut add = |e: notify::Result<notify::Event>| match e {
                    Ok(e) if !e.kind.is_access() => paths.extend(e.paths),
                    Ok(_) => {}
                    // Lost events (overflow): treat as a change of everything.
                    Err(_) => {
                        paths.insert(root.join("site.toml"));
                    }
                };
                add(first);
                // An editor's save is several events (write, rename, metadata): take them all.
                loop {
                    match rx.recv_timeout(Duration::from_millis(15)) {
                        Ok(e) => add(e),
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => break,
                    }
                }
                paths.into_iter().collect()
            }
            Changes::Polling(last) => loop {
                std::thread::sleep(Duration::from_millis(200));
                let now = snapshot(root);
                if now == *last {
                    continue;
                }
                // Let an editor finish writing.
                std::thread::sleep(Duration::from_millis(50));
                let now = snapshot(root);
                let changed: BTreeSet<PathBuf> = now
                    .iter()
                    .filter(|(p, v)| last.get(*p) != Some(v))
                    .map(|(p, _)| p.clone())
                    .chain(last.keys().filter(|p| !now.contains_key(*p)).cloned())
                    .collect();
                *last = now;
                return changed.into_iter().collect();
            },
        }
    }
}

/// Waits for changes and rebuilds: incrementally when the edit allows it.
fn watch(root: &Path, state: &Shared, mut loaded: Arc<Loaded>, mut changes: Changes) {
    let generation = Arc::new(AtomicU64::new(0));
    // After a failed full build, every change goes through the full build until one succeeds
    // (the last good content may not reflect the broken settings or theme).
    let mut needs_full = false;
    loop {
        let changed = changes.next(root);
        let start = Instant::now();
        let scope = if needs_full {
            Scope::Everything
        } else {
            incremental::scope(root, &changed, &loaded)
        };
        let ids = match scope {
            Scope::Units(ids) if ids.is_empty() => continue,
            Scope::Units(ids) => Some(ids),
            Scope::Everything => None,
        };
        if let Some(ids) = &ids {
            match incremental_rebuild(root, state, &loaded, ids, &generation) {
                Ok(Some((n, next))) => {
                    loaded = next;
                    let names: Vec<&str> = ids.iter().map(String::as_str).collect();
                    println!(
                        "rebuilt {n} files of {} in {} ms",
                        names.join(", "),
                        start.elapsed().as_millis()
                    );
                    let _ = std::io::stdout().flush();
                    continue;
                }
                Ok(None) => {}
                Err(text) => {
                    eprintln!("{text}\nrebuild failed: still serving the last good site");
                    continue;
                }
            }
        }
        generation.fetch_add(1, Ordering::SeqCst);
        match full_rebuild(root, state) {
            Ok((n, next)) => {
                loaded = next;
                needs_full = false;
                println!("rebuilt {n} files in {} ms", start.elapsed().as_millis());
            }
            Err(text) => {
                needs_full = true;
                eprintln!("{text}\nrebuild failed: still serving the last good site");
            }
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
    // The page's long poll: wait until something changes (or a while has passed).
    if path.ends_with(&format!("/{LIVE}status")) {
        let since = target
            .split_once('?')
            .and_then(|(_, q)| q.split('&').find_map(|kv| kv.strip_prefix("since=")))
            .and_then(|v| v.parse::<u64>().ok());
        if let Some(since) = since {
            let start = Instant::now();
            while lock(state).stamp == since && start.elapsed() < LONG_POLL {
                std::thread::sleep(Duration::from_millis(10));
            }
        }
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
        let body = serde_json::json!({"version": s.version, "error": s.error, "stamp": s.stamp}).to_string();
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

/// Waits for rebuilds (long poll); reloads after one; shows problems over the page.
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
  var stamp = null;
  // Long poll: the server answers as soon as a rebuild finishes (or after 20 s).
  function poll() {
    var q = stamp === null ? '' : '?since=' + stamp;
    fetch('BASE/__gongkai/status' + q, { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.version !== seen) { location.reload(); return; }
      seen = s.version;
      stamp = s.stamp;
      overlay(s.error);
      poll();
    }).catch(function () { setTimeout(poll, 1000); });
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
        assert_eq!(
            String::from_utf8(body).unwrap(),
            "{\"version\":0,\"error\":null,\"stamp\":0}"
        );
    }
}
