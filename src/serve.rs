//! `gongkai serve`: build into memory, serve on 127.0.0.1 under the site's base path, rebuild
//! when content, templates or site.toml change, and reload the open page.
//!
//! An edit inside one unit folder is rebuilt incrementally (see [`crate::incremental`]): that
//! unit's pages and the listings first, so the page reloads at once, then the site-wide
//! downloads and search index in the background. Any other change rebuilds everything.
//! Changes are noticed through the operating system's file events, with polling as the
//! fallback (network drives, where government staff often keep their files, may have none).
//! A failed rebuild keeps the last good site served; the problem shows in the terminal and as
//! an overlay in the page.
//!
//! The site is kept in memory, gzip-compressed file by file as the renderers hand files over
//! (a whole site of 10,000 reports as built would take gigabytes). A client that accepts gzip
//! gets a file's compressed bytes as they are, with `Content-Encoding: gzip`; any other gets
//! them decompressed; pages are decompressed to add the live-reload script. A full build
//! renders its parts one after another ([`crate::render_to_in_turn`]), which keeps the peak
//! lower than `gongkai build`'s overlap would. Nothing is written to disk.
//!
//! HTTP is hyper's (on a one-thread tokio runtime), not ours: it parses requests, answers
//! malformed ones with 400, caps the request line and headers at [`MAX_HEAD`] bytes (431
//! beyond), drops a client that is slow to send them, and leaves out the body for HEAD.
//! Paths are percent-decoded with the `percent-encoding` crate, one segment at a time; an
//! address that no page has (bad escapes, invalid UTF-8, `.` or `..`, encoded `/` or `\`,
//! control characters) is refused with 400 before the site is looked at. The site lives in
//! memory, so no address can reach a file on disk in any case.
//!
//! Exit codes, through [`crate::Failure`]: 1 when the first build fails on the content,
//! settings or templates; 2 when the folder cannot be read or the port cannot be listened on.

use crate::diagnostics::{Diagnostic, render_all};
use crate::incremental::{self, Edit, Scope};
use crate::messages::{Language, Msg, Text};
use crate::msg;
use crate::render::OutputFile;
use crate::{Failure, Loaded};
use bytes::Bytes;
use http_body_util::Full;
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// A file of the site as kept in memory: gzip-compressed, unless that would not make it
/// smaller. (At 10,000 reports the site is 1.9 GB as built; kept so, serve peaked at 3.6 GB.)
#[derive(Clone)]
struct Stored {
    /// The file, gzip-compressed when `gzip` is set.
    body: Bytes,
    gzip: bool,
    /// A data file's SHA-256 (hex), which SHA256SUMS lists: kept so that the checksums after
    /// an edit need not decompress every data file.
    sum: Option<Box<str>>,
}

/// How hard to compress. Measured on the 1.9 GB of a site of 10,000 reports: level 1 gives
/// 587 MB, 4 gives 446 MB in about 1.5 times the time, 6 (the default) 440 MB in more.
const GZIP_LEVEL: u32 = 4;

impl Stored {
    /// The file at `path`, compressed when that makes it smaller.
    fn new(path: &str, bytes: Vec<u8>) -> Stored {
        let sum = crate::render::package::is_data_file(path)
            .then(|| crate::render::package::sha256_hex(&bytes).into_boxed_str());
        let mut encoder = flate2::write::GzEncoder::new(
            Vec::with_capacity(bytes.len() / 4),
            flate2::Compression::new(GZIP_LEVEL),
        );
        let compressed = encoder.write_all(&bytes).and_then(|()| encoder.finish());
        let (body, gzip) = match compressed {
            Ok(small) if small.len() < bytes.len() => (small, true),
            // Writing into memory fails only when memory runs out; then keep the file as it is.
            _ => (bytes, false),
        };
        // Copied when it has spare capacity, which `Bytes` would otherwise keep (and shrinking
        // in place may keep too): up to half again the kept size.
        let body = if body.len() == body.capacity() {
            Bytes::from(body)
        } else {
            Bytes::copy_from_slice(&body)
        };
        Stored { body, gzip, sum }
    }

    /// The file as built.
    fn plain(&self) -> std::io::Result<Bytes> {
        if !self.gzip {
            return Ok(self.body.clone());
        }
        let mut out = Vec::with_capacity(self.body.len() * 4);
        flate2::read::GzDecoder::new(&self.body[..]).read_to_end(&mut out)?;
        Ok(Bytes::from(out))
    }
}

/// `files` as [`State`] keeps them, compressed in parallel.
fn store_all(files: Vec<OutputFile>) -> Vec<(String, Stored)> {
    use rayon::prelude::*;
    files
        .into_par_iter()
        .map(|f| {
            let stored = Stored::new(&f.path, f.bytes);
            (f.path, stored)
        })
        .collect()
}

/// A sink that compresses each file as it comes (on the renderer's thread) into `into`: the
/// site is never held uncompressed as a whole.
fn storing(into: &Mutex<Vec<(String, Stored)>>) -> impl Fn(OutputFile) + Sync + '_ {
    move |f: OutputFile| {
        let stored = Stored::new(&f.path, f.bytes);
        into.lock().unwrap_or_else(|e| e.into_inner()).push((f.path, stored));
    }
}

/// The site being served.
#[derive(Default)]
struct State {
    /// Sorted, so that a unit's files are one range (removed at once after an edit).
    files: BTreeMap<String, Stored>,
    base_path: String,
    /// Bumped on every successful rebuild; the page reloads when it changes.
    version: u64,
    /// The last rebuild's problems, shown over the page.
    error: Option<String>,
    /// Bumped on every change of `version` or `error`: what the page's long poll waits for.
    stamp: u64,
    /// The language of messages, in the terminal and over the page.
    lang: Language,
    /// List every note, not only how many there are.
    verbose: bool,
}

impl State {
    /// Says `text` in the state's language.
    fn say(&self, text: &Text) -> String {
        text.render(self.lang)
    }

    /// `problems` as the terminal and the page show them.
    fn problems(&self, problems: &[Diagnostic]) -> Vec<String> {
        render_all(problems, self.verbose, self.lang)
    }
}

type Shared = Arc<Mutex<State>>;

/// Where the live-reload endpoints live, below the base path.
const LIVE: &str = "__gongkai/";

/// How long a status request waits for a change before answering anyway.
const LONG_POLL: Duration = Duration::from_secs(20);

/// The most a request line and its headers may take, in bytes: room for the long cookies that
/// other programs on this computer may have set for 127.0.0.1, and a bound on the memory one
/// client can take. Larger requests get 431. (hyper's floor for this setting is 8 KiB.)
const MAX_HEAD: usize = 64 * 1024;

/// How long a client may take to send its request line and headers before it is dropped.
const HEAD_TIMEOUT: Duration = Duration::from_secs(5);

/// Builds once, then serves forever (until the process is stopped). Messages are in `lang`;
/// with `verbose` every note is listed, not only how many there are.
pub fn serve(root: &Path, port: u16, lang: Language, verbose: bool) -> Result<(), Failure> {
    // Listen first: a port in use is reported at once, not after a long first build.
    let listener = listen(root, port)?;
    let addr = listener.local_addr().map_err(|e| io_failure(root, port, &e))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| io_failure(root, port, &e))?;

    let state: Shared = Arc::new(Mutex::new(State {
        lang,
        verbose,
        ..State::default()
    }));
    let start = Instant::now();
    let (n, loaded) = full_rebuild(root, &state)?;
    println!(
        "{}",
        lock(&state).say(&msg!(ServeBuilt, n, ms = start.elapsed().as_millis()))
    );

    let watch_state = Arc::clone(&state);
    let watch_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    // Watching starts before the address is printed: an edit right after start is not missed.
    let changes = Changes::new(&watch_root, lang);
    std::thread::spawn(move || watch(&watch_root, &watch_state, loaded, changes));
    let serving = {
        let s = lock(&state);
        s.say(&msg!(Serving, address = format!("http://{addr}{}", s.base_path)))
    };
    println!("{serving}");
    let _ = std::io::stdout().flush();

    runtime
        .block_on(accept(listener, state))
        .map_err(|e| io_failure(root, port, &e))
}

/// Binds 127.0.0.1 only: the site in progress is never reachable from other computers.
fn listen(root: &Path, port: u16) -> Result<std::net::TcpListener, Failure> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            Failure::Io(vec![
                Diagnostic::error(format!("127.0.0.1:{port}"), Msg::PortInUse).help(Msg::PortInUseHelp),
            ])
        } else {
            io_failure(root, port, &e)
        }
    })?;
    // tokio takes the listener over; it must not block the runtime's one thread.
    listener.set_nonblocking(true).map_err(|e| io_failure(root, port, &e))?;
    Ok(listener)
}

/// A problem with the network or the operating system (exit code 2).
fn io_failure(root: &Path, port: u16, e: &std::io::Error) -> Failure {
    Failure::Io(vec![
        Diagnostic::error(
            format!("127.0.0.1:{port}"),
            msg!(CannotServe, error = e, root = root.display()),
        )
        .help(Msg::CannotServeHelp),
    ])
}

/// Accepts connections and serves each one on its own task, for as long as the process runs.
async fn accept(listener: std::net::TcpListener, state: Shared) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let mut http = hyper::server::conn::http1::Builder::new();
    // The header cap is checked on the parsed request; the buffer cap bounds one that never ends.
    http.max_header_size(MAX_HEAD)
        .max_buf_size(MAX_HEAD)
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(HEAD_TIMEOUT);
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file handles or the like: wait a little rather than spin.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let state = Arc::clone(&state);
        let connection = http.serve_connection(
            hyper_util::rt::TokioIo::new(stream),
            hyper::service::service_fn(move |request| {
                let state = Arc::clone(&state);
                async move { Ok::<_, std::convert::Infallible>(answer(&state, &request).await) }
            }),
        );
        // A broken or hostile connection ends only its own task.
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
}

fn lock(state: &Shared) -> std::sync::MutexGuard<'_, State> {
    state.lock().unwrap_or_else(|e| e.into_inner())
}

/// Loads and builds everything into memory, compressed; on success replaces the served files,
/// on failure keeps them and shows the problems over the page.
fn full_rebuild(root: &Path, state: &Shared) -> Result<(usize, Arc<Loaded>), Failure> {
    let result = crate::load(root).and_then(|loaded| {
        let files = Mutex::new(Vec::new());
        crate::render_to_in_turn(&loaded, &|_, _| {}, &storing(&files))?;
        let files: BTreeMap<String, Stored> = files
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .into_iter()
            .collect();
        Ok((loaded, files))
    });
    let mut s = lock(state);
    match result {
        Ok((loaded, files)) => {
            for text in s.problems(&loaded.warnings) {
                eprintln!("{text}");
            }
            s.base_path = loaded.config.base_path.clone();
            s.files = files;
            s.version += 1;
            s.stamp += 1;
            s.error = None;
            Ok((s.files.len(), Arc::new(loaded)))
        }
        Err(failure) => {
            show_failure(&mut s, &failure);
            Err(failure)
        }
    }
}

/// Shows `failure` over the page; returns its text for the terminal.
fn show_failure(s: &mut State, failure: &crate::Failure) -> String {
    let text = s.problems(failure.diagnostics()).join("\n");
    s.error = Some(text.clone());
    s.stamp += 1;
    text
}

/// Rebuilds the units `ids` after an edit, through the steps of [`incremental::update`]: the
/// units' own files are served at once, the listings and site-wide files follow in the
/// background. `Ok(None)` when a full build is needed instead.
fn incremental_rebuild(
    root: &Path,
    state: &Shared,
    loaded: &Loaded,
    ids: &BTreeSet<String>,
    generation: &Arc<AtomicU64>,
) -> Result<Option<(usize, Arc<Loaded>)>, String> {
    let mut timer = crate::timing::Timer::new();
    let step = Edit::read(loaded, root, ids).and_then(|edit| match edit {
        Some(edit) => {
            timer.stage("serve: reload");
            let files = store_all(edit.render_units()?);
            timer.stage("serve: render units");
            Ok(Some((edit, files)))
        }
        None => Ok(None),
    });
    let (edit, files) = match step {
        Ok(Some(x)) => x,
        Ok(None) => return Ok(None),
        Err(failure) => return Err(show_failure(&mut lock(state), &failure)),
    };
    let n = files.len();
    {
        let mut s = lock(state);
        let edited: Vec<Diagnostic> = edit
            .loaded
            .warnings
            .iter()
            .filter(|w| ids.iter().any(|id| w.file.iter().any(|c| c == id.as_str())))
            .cloned()
            .collect();
        for text in s.problems(&edited) {
            eprintln!("{text}");
        }
        edit.put_units_as(&mut s.files, files);
        s.version += 1;
        s.stamp += 1;
        s.error = None;
    }
    timer.stage("serve: swap in");
    let next = Arc::clone(&edit.loaded);
    // The listings and site-wide files follow in the background, on their own threads so that
    // the next edit's pages do not wait behind the search index.
    let job = generation.fetch_add(1, Ordering::SeqCst) + 1;
    let (state, generation) = (Arc::clone(state), Arc::clone(generation));
    std::thread::spawn(move || {
        let start = Instant::now();
        // A newer edit has its own job.
        if rest_of_edit(&edit, &state, || generation.load(Ordering::SeqCst) != job) {
            let done = msg!(UpdatedTheRest, ms = start.elapsed().as_millis());
            println!("{}", lock(&state).say(&done));
            let _ = std::io::stdout().flush();
        }
    });
    Ok(Some((n, next)))
}

/// Step 2 of an edit: renders the listings and site-wide files and swaps them in, unless
/// `stale` says a newer edit has come. True when they were swapped in.
fn rest_of_edit(edit: &Edit, state: &Shared, stale: impl Fn() -> bool) -> bool {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build();
    // Compressed as they come: the downloads and search index are hundreds of megabytes at
    // 10,000 reports.
    let rest = Mutex::new(Vec::new());
    let rendered = match &pool {
        Ok(pool) => pool.install(|| edit.render_rest_to(&storing(&rest))),
        Err(_) => edit.render_rest_to(&storing(&rest)),
    };
    if rendered.is_err() {
        return false;
    }
    let mut rest = rest.into_inner().unwrap_or_else(|e| e.into_inner());
    // The sitemap and checksums need the pages and data files as they will be served: their
    // paths and kept checksums, taken under the lock.
    let listed: Vec<(String, Option<Box<str>>)> = {
        let s = lock(state);
        if stale() {
            return false;
        }
        s.files
            .iter()
            .filter(|(p, _)| edit.reads(p))
            .map(|(p, f)| (p.clone(), f.sum.clone()))
            .collect()
    };
    let last = edit.finish_from_sums(
        listed
            .iter()
            .map(|(p, sum)| (p.as_str(), sum.as_deref()))
            .chain(rest.iter().map(|(p, f)| (p.as_str(), f.sum.as_deref()))),
    );
    rest.extend(store_all(last));
    let mut s = lock(state);
    if stale() {
        return false;
    }
    edit.put_rest_as(&mut s.files, rest);
    true
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
            if let Ok(meta) = entry.metadata()
                && meta.is_file()
            {
                out.insert(entry.path().to_path_buf(), (meta.len(), meta.modified().ok()));
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
    fn new(root: &Path, lang: Language) -> Changes {
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
                eprintln!("{}", msg!(NoFileEvents, error = e.to_string()).render(lang));
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
                    let done = msg!(
                        RebuiltUnits,
                        n,
                        units = names.join(", "),
                        ms = start.elapsed().as_millis()
                    );
                    println!("{}", lock(state).say(&done));
                    let _ = std::io::stdout().flush();
                    continue;
                }
                Ok(None) => {}
                Err(text) => {
                    eprintln!("{text}\n{}", lock(state).say(&Msg::RebuildFailed.into()));
                    continue;
                }
            }
        }
        generation.fetch_add(1, Ordering::SeqCst);
        match full_rebuild(root, state) {
            Ok((n, next)) => {
                loaded = next;
                needs_full = false;
                println!(
                    "{}",
                    lock(state).say(&msg!(Rebuilt, n, ms = start.elapsed().as_millis()))
                );
            }
            Err(failure) => {
                needs_full = true;
                let s = lock(state);
                for text in s.problems(failure.diagnostics()) {
                    eprintln!("{text}");
                }
                eprintln!("{}", s.say(&Msg::RebuildFailed.into()));
            }
        }
        let _ = std::io::stdout().flush();
    }
}

/// The answer to one request. Only the request line and headers are used (GET and HEAD have
/// no body), which also lets the unit tests pass requests without one.
async fn answer<B>(state: &Shared, request: &Request<B>) -> Response<Full<Bytes>> {
    let method = request.method();
    if method != Method::GET && method != Method::HEAD {
        let mut response = reply(StatusCode::METHOD_NOT_ALLOWED, TEXT, Bytes::from_static(b"GET only\n"));
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let path = match decode_path(request.uri().path()) {
        Ok(path) => path,
        Err(why) => {
            return reply(
                StatusCode::BAD_REQUEST,
                TEXT,
                Bytes::from(format!("bad request: {why}\n")),
            );
        }
    };
    // The page's long poll: wait until something changes (or a while has passed).
    if path.ends_with(&format!("/{LIVE}status")) {
        let since = request
            .uri()
            .query()
            .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("since=")))
            .and_then(|v| v.parse::<u64>().ok());
        if let Some(since) = since {
            wait_for_change(state, since).await;
        }
    }
    let found = lookup(state, &path, accepts_gzip(request.headers()));
    let mut response = reply(found.status, found.kind, found.body);
    let headers = response.headers_mut();
    // Whether the body is compressed depends on the request's Accept-Encoding.
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if found.gzip {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    response
}

/// True when the request's Accept-Encoding allows gzip: `gzip` (or `x-gzip`) with a q-value
/// above 0, or else `*` with one. Files are kept gzip-compressed; other clients (curl without
/// `--compressed`, scripts) get them decompressed.
fn accepts_gzip(headers: &hyper::HeaderMap) -> bool {
    let (mut named, mut any) = (None, None);
    let items = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','));
    for item in items {
        let mut parts = item.split(';');
        let coding = parts.next().unwrap_or("").trim();
        let q = parts
            .filter_map(|p| p.trim().split_once('='))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("q"))
            .map_or(1.0, |(_, v)| v.trim().parse::<f32>().unwrap_or(0.0));
        let ok = q > 0.0;
        if coding.eq_ignore_ascii_case("gzip") || coding.eq_ignore_ascii_case("x-gzip") {
            named = Some(named.unwrap_or(false) || ok);
        } else if coding == "*" {
            any = Some(any.unwrap_or(false) || ok);
        }
    }
    named.or(any).unwrap_or(false)
}

/// Waits until the stamp moves on from `since`, or [`LONG_POLL`] has passed.
async fn wait_for_change(state: &Shared, since: u64) {
    let start = Instant::now();
    while start.elapsed() < LONG_POLL {
        let stamp = lock(state).stamp;
        if stamp != since {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Plain text, for the few answers that are not files of the site.
const TEXT: &str = "text/plain; charset=utf-8";

/// A response that no cache keeps: the site changes with every edit.
fn reply(status: StatusCode, kind: &'static str, body: Bytes) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Decodes a request's path one segment at a time, so that an encoded `/` cannot make a new
/// segment, and refuses what no address of the site contains: the reason for the 400 if so.
fn decode_path(raw: &str) -> Result<String, &'static str> {
    let mut out = String::with_capacity(raw.len());
    for (i, segment) in raw.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        if !escapes_well_formed(segment) {
            return Err("every % in an address must be followed by two hexadecimal digits");
        }
        let bytes: std::borrow::Cow<'_, [u8]> = percent_encoding::percent_decode_str(segment).into();
        let text = std::str::from_utf8(&bytes).map_err(|_| "the address is not valid UTF-8")?;
        if text == "." || text == ".." {
            return Err("the address contains a . or .. segment");
        }
        if text.contains(['/', '\\']) {
            return Err("the address contains an encoded / or \\");
        }
        if text.chars().any(char::is_control) {
            return Err("the address contains a control character");
        }
        out.push_str(text);
    }
    Ok(out)
}

/// True when every `%` starts an escape of two hexadecimal digits. (The decoder passes a
/// malformed one through as it is; such an address is refused instead.)
fn escapes_well_formed(segment: &str) -> bool {
    let bytes = segment.as_bytes();
    bytes.iter().enumerate().filter(|(_, b)| **b == b'%').all(|(i, _)| {
        bytes
            .get(i + 1..i + 3)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    })
}

/// What to answer: status, content type, body, and whether the body is gzip-compressed.
#[derive(Debug)]
struct Found {
    status: StatusCode,
    kind: &'static str,
    body: Bytes,
    gzip: bool,
}

impl Found {
    /// An answer with an uncompressed body.
    fn plain(status: StatusCode, kind: &'static str, body: Bytes) -> Found {
        Found {
            status,
            kind,
            body,
            gzip: false,
        }
    }
}

/// Finds the response for a decoded path; `gzip` says whether the client takes gzip.
fn lookup(state: &Shared, path: &str, gzip: bool) -> Found {
    // Decompressing happens after the lock is let go: a large file does not hold up the other
    // requests or the next rebuild.
    let (status, file, stored, base_path) = match find(state, path) {
        Ok(found) => found,
        Err(answer) => return answer,
    };
    let kind = content_type(&file);
    if kind.starts_with("text/html") {
        let Ok(bytes) = stored.plain() else {
            return cannot_read(&file);
        };
        // The live-reload script is added when serving only, never to the built site.
        let html = String::from_utf8_lossy(&bytes[..]);
        let tag = format!("<script src=\"{base_path}{LIVE}live.js\"></script></body>");
        return Found::plain(status, kind, Bytes::from(html.replacen("</body>", &tag, 1)));
    }
    if stored.gzip && gzip {
        // A served file's bytes are shared with the response, not copied.
        return Found {
            status,
            kind,
            body: stored.body,
            gzip: true,
        };
    }
    match stored.plain() {
        Ok(body) => Found::plain(status, kind, body),
        Err(_) => cannot_read(&file),
    }
}

/// A kept file that does not decompress: never expected (the server compressed it), but
/// answered rather than panicking.
fn cannot_read(file: &str) -> Found {
    Found::plain(
        StatusCode::INTERNAL_SERVER_ERROR,
        TEXT,
        Bytes::from(format!("cannot decompress {file}\n")),
    )
}

/// Under the lock: the status, the name and the kept copy of the file that answers `path`,
/// and the base path; or the whole answer when it is not a file of the site.
fn find(state: &Shared, path: &str) -> Result<(StatusCode, String, Stored, String), Found> {
    let s = lock(state);
    let Some(rel) = path.strip_prefix(&s.base_path) else {
        let body = format!(
            "<!DOCTYPE html><title>gongkai</title><p>The site is at <a href=\"{0}\">{0}</a></p>",
            s.base_path
        );
        return Err(Found::plain(
            StatusCode::NOT_FOUND,
            "text/html; charset=utf-8",
            Bytes::from(body),
        ));
    };
    if rel == format!("{LIVE}status") {
        let body = serde_json::json!({"version": s.version, "error": s.error, "stamp": s.stamp}).to_string();
        return Err(Found::plain(StatusCode::OK, "application/json", Bytes::from(body)));
    }
    if rel == format!("{LIVE}live.js") {
        let heading = serde_json::to_string(&s.say(&Msg::OverlayHeading.into())).unwrap_or_default();
        let body = LIVE_JS.replace("BASE/", &s.base_path).replace("HEADING", &heading);
        return Err(Found::plain(
            StatusCode::OK,
            "text/javascript; charset=utf-8",
            Bytes::from(body),
        ));
    }
    let file = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    let (status, file) = if s.files.contains_key(&file) {
        (StatusCode::OK, file)
    } else if s.files.contains_key(&format!("{file}/index.html")) {
        (StatusCode::OK, format!("{file}/index.html"))
    } else {
        // The 404 page of the language whose folder the path is in.
        let page = file
            .split_once('/')
            .map(|(first, _)| format!("{first}/404.html"))
            .filter(|p| s.files.contains_key(p));
        (StatusCode::NOT_FOUND, page.unwrap_or_else(|| "404.html".into()))
    };
    let Some(stored) = s.files.get(&file) else {
        return Err(Found::plain(
            StatusCode::NOT_FOUND,
            TEXT,
            Bytes::from_static(b"not found\n"),
        ));
    };
    Ok((status, file.clone(), stored.clone(), s.base_path.clone()))
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
    box.textContent = HEADING + '\n\n' + text;
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

    /// A page long enough that gzip makes it smaller.
    fn long_page() -> String {
        format!("<html><body>{}</body></html>", "<p>园区绩效</p>".repeat(200))
    }

    /// A data file long enough that gzip makes it smaller.
    fn long_json() -> String {
        format!("[{}0]", "1234,".repeat(500))
    }

    /// A small site under `/x/`.
    fn site() -> Shared {
        let state: Shared = Arc::default();
        {
            let mut s = state.lock().unwrap();
            s.base_path = "/x/".into();
            for (path, text) in [
                ("index.html", "<html><body>hi</body></html>".to_string()),
                ("404.html", "<body>missing</body>".into()),
                ("a/index.html", "<body>a</body>".into()),
                ("b/index.html", long_page()),
                ("data/all.json", "[]".into()),
                ("data/long.json", long_json()),
            ] {
                s.files.insert(path.into(), Stored::new(path, text.into_bytes()));
            }
        }
        state
    }

    /// Status, content type and body for a client that does not take gzip.
    fn look(state: &Shared, path: &str) -> (StatusCode, &'static str, Bytes) {
        let found = lookup(state, path, false);
        assert!(!found.gzip);
        (found.status, found.kind, found.body)
    }

    /// The answer to `method path` with these headers: status, headers and body.
    fn ask_with(
        state: &Shared,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
    ) -> (StatusCode, hyper::HeaderMap, Bytes) {
        let mut request = Request::builder().method(method).uri(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request.body(()).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let response = runtime.block_on(answer(state, &request));
        let (status, headers) = (response.status(), response.headers().clone());
        let body = runtime
            .block_on(http_body_util::BodyExt::collect(response.into_body()))
            .unwrap()
            .to_bytes();
        (status, headers, body)
    }

    /// The status and body of the answer to `method path`.
    fn ask(state: &Shared, method: &str, path: &str) -> (StatusCode, String) {
        let (status, _, body) = ask_with(state, method, path, &[]);
        (status, String::from_utf8(body.to_vec()).unwrap())
    }

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).unwrap();
        out
    }

    #[test]
    fn the_overlay_speaks_the_chosen_language() {
        let state = site();
        lock(&state).lang = Language::Chinese;
        let failure = Failure::Content(vec![
            Diagnostic::note("b.md", "n"),
            Diagnostic::error("a.md", msg!(NotANumber, value = "abc")).at(3, 9),
        ]);
        let text = show_failure(&mut lock(&state), &failure);
        assert_eq!(
            text,
            "a.md:3:9: 错误：`abc` 不是数字\n另有 1 条提示（加 --verbose 可列出）"
        );
        let (_, _, status) = look(&state, "/x/__gongkai/status");
        assert!(String::from_utf8_lossy(&status).contains("错误：`abc` 不是数字"));
        let (_, _, script) = look(&state, "/x/__gongkai/live.js");
        assert!(String::from_utf8_lossy(&script).contains(
            "box.textContent = \"gongkai：最近的修改有问题；显示的是上一个正确的版本。\" + '\\n\\n' + text;"
        ),);
        lock(&state).lang = Language::English;
        let (_, _, script) = look(&state, "/x/__gongkai/live.js");
        assert!(
            String::from_utf8_lossy(&script)
                .contains("\"gongkai: the last change has problems; showing the last good version.\"")
        );
    }

    #[test]
    fn decodes_paths() {
        assert_eq!(decode_path("/a%20b/%E5%9B%AD").unwrap(), "/a b/园");
        assert_eq!(decode_path("/x/").unwrap(), "/x/");
        assert_eq!(decode_path("/a%2eb/%25").unwrap(), "/a.b/%");
    }

    #[test]
    fn refuses_paths_no_page_has() {
        let bad = "every % in an address must be followed by two hexadecimal digits";
        for (path, why) in [
            ("/100%", bad),
            ("/%zz", bad),
            ("/%a", bad),
            ("/%a中", bad),
            ("/%E5%9B", "the address is not valid UTF-8"),
            ("/%ff", "the address is not valid UTF-8"),
            ("/x/../etc", "the address contains a . or .. segment"),
            ("/x/%2e%2e/etc", "the address contains a . or .. segment"),
            ("/x/%2E/", "the address contains a . or .. segment"),
            ("/x/a%2fb", "the address contains an encoded / or \\"),
            ("/x/a%5Cb", "the address contains an encoded / or \\"),
            ("/x/a%00b", "the address contains a control character"),
            ("/x/a%0Ab", "the address contains a control character"),
        ] {
            assert_eq!(decode_path(path), Err(why), "{path}");
        }
    }

    #[test]
    fn finds_files_and_injects_live_reload() {
        let state = site();
        let (status, _, body) = look(&state, "/x/");
        assert_eq!(status, StatusCode::OK);
        assert!(
            String::from_utf8(body.to_vec())
                .unwrap()
                .contains("<script src=\"/x/__gongkai/live.js\"></script></body>")
        );
        assert_eq!(look(&state, "/x/a").0, StatusCode::OK);
        assert_eq!(look(&state, "/x/nope/").0, StatusCode::NOT_FOUND);
        assert_eq!(look(&state, "/elsewhere").0, StatusCode::NOT_FOUND);
        let (_, kind, body) = look(&state, "/x/__gongkai/status");
        assert_eq!(kind, "application/json");
        assert_eq!(&body[..], b"{\"version\":0,\"error\":null,\"stamp\":0}");
        let (status, kind, body) = look(&state, "/x/data/all.json");
        assert_eq!(
            (status, kind, &body[..]),
            (StatusCode::OK, "application/json", &b"[]"[..])
        );
    }

    #[test]
    fn files_are_kept_compressed_when_that_makes_them_smaller() {
        let state = site();
        let s = lock(&state);
        let long = &s.files["data/long.json"];
        assert!(long.gzip && long.body.len() < long_json().len() / 4);
        assert_eq!(gunzip(&long.body), long_json().as_bytes());
        assert_eq!(&long.plain().unwrap()[..], long_json().as_bytes());
        // A tiny file is kept as it is: gzip's header alone is longer.
        let tiny = &s.files["data/all.json"];
        assert!(!tiny.gzip && &tiny.body[..] == b"[]");
        // Data files keep the checksum of their contents as served, for SHA256SUMS.
        let sum = crate::render::package::sha256_hex(long_json().as_bytes());
        assert_eq!(long.sum.as_deref(), Some(sum.as_str()));
        assert_eq!(s.files["b/index.html"].sum, None);
    }

    #[test]
    fn reads_accept_encoding() {
        let takes = |value: &str| {
            let mut headers = hyper::HeaderMap::new();
            headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
            accepts_gzip(&headers)
        };
        assert!(!accepts_gzip(&hyper::HeaderMap::new()));
        for yes in [
            "gzip",
            "gzip, deflate, br, zstd",
            "br;q=1.0, GZIP;q=0.5",
            "x-gzip",
            "*",
            "br, *;q=0.1",
            "gzip;q=0, gzip",
        ] {
            assert!(takes(yes), "{yes}");
        }
        for no in [
            "",
            "identity",
            "br, deflate",
            "gzip;q=0",
            "gzip; q=0.000",
            "gzip;q=0, *",
            "*;q=0",
            "gzip;q=nonsense",
            "gzipped",
        ] {
            assert!(!takes(no), "{no}");
        }
    }

    #[test]
    fn gzip_goes_to_clients_that_take_it_and_plain_bytes_to_the_others() {
        let state = site();
        let gzip = [("accept-encoding", "gzip, deflate")];
        let (status, headers, body) = ask_with(&state, "GET", "/x/data/long.json", &gzip);
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_ENCODING], "gzip");
        assert_eq!(headers[header::VARY], "accept-encoding");
        assert_eq!(headers[header::CONTENT_TYPE], "application/json");
        assert_eq!(gunzip(&body), long_json().as_bytes());
        // Without Accept-Encoding, or refusing gzip: decompressed.
        for headers in [&[][..], &[("accept-encoding", "gzip;q=0, br")][..]] {
            let (status, headers, body) = ask_with(&state, "GET", "/x/data/long.json", headers);
            assert_eq!(status, StatusCode::OK);
            assert!(headers.get(header::CONTENT_ENCODING).is_none());
            assert_eq!(headers[header::VARY], "accept-encoding");
            assert_eq!(&body[..], long_json().as_bytes());
        }
        // HEAD: the same headers (hyper leaves out the body; tests/serve.rs checks that).
        let (status, headers, _) = ask_with(&state, "HEAD", "/x/data/long.json", &gzip);
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers[header::CONTENT_ENCODING], "gzip");
        // A file kept as it is goes out as it is, whatever the client takes.
        let (_, headers, body) = ask_with(&state, "GET", "/x/data/all.json", &gzip);
        assert!(headers.get(header::CONTENT_ENCODING).is_none());
        assert_eq!(&body[..], b"[]");
    }

    #[test]
    fn compressed_pages_get_the_live_reload_script() {
        let state = site();
        assert!(lock(&state).files["b/index.html"].gzip);
        let want = long_page().replacen("</body>", "<script src=\"/x/__gongkai/live.js\"></script></body>", 1);
        for headers in [&[][..], &[("accept-encoding", "gzip")][..]] {
            let (status, headers, body) = ask_with(&state, "GET", "/x/b/", headers);
            assert_eq!(status, StatusCode::OK);
            assert!(headers.get(header::CONTENT_ENCODING).is_none());
            assert_eq!(headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
            assert_eq!(String::from_utf8(body.to_vec()).unwrap(), want);
        }
    }

    #[test]
    fn a_file_that_does_not_decompress_is_a_500_not_a_panic() {
        let state = site();
        lock(&state).files.insert(
            "data/bad.json".into(),
            Stored {
                body: Bytes::from_static(b"\x1f\x8bnot gzip"),
                gzip: true,
                sum: None,
            },
        );
        let (status, body) = ask(&state, "GET", "/x/data/bad.json");
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(body, "cannot decompress data/bad.json\n");
        // A client that takes gzip gets the bytes as kept; its own decoder finds the fault.
        let (status, ..) = ask_with(&state, "GET", "/x/data/bad.json", &[("accept-encoding", "gzip")]);
        assert_eq!(status, StatusCode::OK);
    }

    #[test]
    fn answers_get_and_head_refuses_other_methods_and_bad_paths() {
        let state = site();
        assert_eq!(ask(&state, "GET", "/x/a/").0, StatusCode::OK);
        assert_eq!(ask(&state, "HEAD", "/x/a/").0, StatusCode::OK);
        assert_eq!(
            ask(&state, "POST", "/x/a/"),
            (StatusCode::METHOD_NOT_ALLOWED, "GET only\n".to_string())
        );
        assert_eq!(
            ask(&state, "GET", "/x/%2e%2e/a/"),
            (
                StatusCode::BAD_REQUEST,
                "bad request: the address contains a . or .. segment\n".to_string()
            )
        );
        // A query is not part of the path.
        assert_eq!(ask(&state, "GET", "/x/a/?q=%zz").0, StatusCode::OK);
    }

    #[test]
    fn the_long_poll_answers_at_once_when_the_site_has_changed() {
        let state = site();
        let start = Instant::now();
        let (status, body) = ask(&state, "GET", "/x/__gongkai/status?since=7");
        assert_eq!(status, StatusCode::OK);
        assert!(body.contains("\"stamp\":0"), "{body}");
        assert!(start.elapsed() < Duration::from_secs(5));
    }
}
