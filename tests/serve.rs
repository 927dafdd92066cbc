//! `gongkai serve`: serves the site under its sub-path, rebuilds after an edit, keeps the last
//! good site when an edit breaks it, and tells the page; refuses hostile requests and keeps
//! answering; exits 1 when the first build fails on the content, 2 when the port is taken.

mod common;
use common::copy_example;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).to_string();
    let status = text.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = text.split_once("\r\n\r\n").map(|x| x.1.to_string()).unwrap_or_default();
    (status, body)
}

/// Polls until `ok` holds or 10 s pass; returns how long it took.
fn until(mut ok: impl FnMut() -> bool) -> Duration {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < Duration::from_secs(10), "timed out");
        std::thread::sleep(Duration::from_millis(50));
    }
    start.elapsed()
}

/// The lines `lines` yields, collected as they come.
fn collect(lines: impl Iterator<Item = std::io::Result<String>> + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let sink = Arc::clone(&text);
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            let mut t = sink.lock().unwrap();
            t.push_str(&line);
            t.push('\n');
        }
    });
    text
}

/// Starts `gongkai serve` on a free port; returns the server, its port, and what it has
/// printed to stderr and (after its address) to stdout so far.
fn start(root: &Path) -> (Server, u16, Arc<Mutex<String>>, Arc<Mutex<String>>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        // Messages in English, whatever the locale of the machine running the tests.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let server = Server(child);
    let errors = collect(BufReader::new(stderr).lines());
    let mut lines = BufReader::new(stdout).lines();
    let url = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.strip_prefix("serving http://") {
            break rest.split_whitespace().next().unwrap().to_string();
        }
    };
    let printed = collect(lines);
    let port: u16 = url.split(['/', ':']).nth(1).unwrap().parse().unwrap();
    assert!(url.ends_with("/xxgk/jxpj/"), "served under the base path: {url}");
    (server, port, errors, printed)
}

/// Sends `request` byte for byte; returns the status (`None` when the connection closed
/// without an answer) and the body.
fn raw(port: u16, request: &[u8]) -> (Option<u16>, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    // The server may answer and close before it has read everything: not an error here.
    let _ = s.write_all(request);
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).to_string();
    let status = text.split_whitespace().nth(1).and_then(|s| s.parse().ok());
    let body = text.split_once("\r\n\r\n").map(|x| x.1.to_string()).unwrap_or_default();
    (status, body)
}

/// Runs `gongkai serve` with `args` until it exits (at most 60 s); returns its status and
/// stderr.
fn serve_until_exit(root: &Path, port: u16, args: &[&str]) -> (ExitStatus, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongkai"))
        // Messages in English, whatever the locale of the machine running the tests.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(root)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let mut server = Server(child);
    let start = Instant::now();
    let status = loop {
        if let Some(status) = server.0.try_wait().unwrap() {
            break status;
        }
        assert!(start.elapsed() < Duration::from_secs(60), "serve did not exit");
        std::thread::sleep(Duration::from_millis(50));
    };
    drop(server);
    (status, reader.join().unwrap())
}

#[test]
fn serve_rebuilds_after_an_edit_and_survives_a_broken_one() {
    let tmp = tempfile::tempdir().unwrap();
    copy_example(tmp.path());
    let (server, port, _, _) = start(tmp.path());

    let page = "/xxgk/jxpj/parks/lengshuitan/2021/";
    let (status, body) = get(port, page);
    assert_eq!(status, 200);
    assert!(body.contains("1,545.30") && body.contains("__gongkai/live.js"));
    assert_eq!(get(port, "/xxgk/jxpj/no/such/page/").0, 404);

    // Edit a figure: the page shows it within a few seconds.
    let report = tmp.path().join("content/parks/lengshuitan/2021.md");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, text.replace("total: 1545.30", "total: 1545.31")).unwrap();
    let took = until(|| get(port, page).1.contains("1,545.31"));
    println!("serve: the edited page was served after {took:?}");
    assert!(took < Duration::from_secs(5), "rebuilt page after {took:?}");

    // Break the file: the last good page stays, and the status carries the error for the overlay.
    std::fs::write(&report, text.replace("total: 1545.30", "total: abc")).unwrap();
    until(|| get(port, "/xxgk/jxpj/__gongkai/status").1.contains("is not a number"));
    assert!(get(port, page).1.contains("1,545.31"), "last good site still served");
    let live = get(port, "/xxgk/jxpj/__gongkai/live.js").1;
    assert!(live.contains("gongkai-overlay") && live.contains("location.reload"));

    // Fix it again: the error clears.
    std::fs::write(&report, &text).unwrap();
    until(|| get(port, "/xxgk/jxpj/__gongkai/status").1.contains("\"error\":null"));
    assert!(get(port, page).1.contains("1,545.30"));
    drop(server);
}

/// The status and body of `GET path`, byte for byte.
fn get_bytes(port: u16, path: &str) -> (u16, Vec<u8>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let end = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete answer");
    let head = String::from_utf8_lossy(&buf[..end]);
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    (status, buf[end + 4..].to_vec())
}

#[test]
fn after_an_edit_serve_answers_with_the_files_of_a_full_build() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    copy_example(root);
    let (server, port, _, printed) = start(root);

    // A figure and the narrative: pages, charts, data, listings and search index all change.
    let report = root.join("content/parks/lengshuitan/2021.md");
    let text = std::fs::read_to_string(&report).unwrap();
    let edited = text.replace("total: 1545.30", "total: 1545.31").replacen(
        "\n## ",
        "\n一段新增的说明文字：标准厂房与污水处理。\n\n## ",
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&report, edited).unwrap();

    let loaded = gongkai::load(root).unwrap_or_else(|f| panic!("{:?}", f.diagnostics()));
    let expected = gongkai::render(&loaded).unwrap();
    // Rebuilt incrementally: the unit's files first, then the listings and site-wide files.
    until(|| {
        printed
            .lock()
            .unwrap()
            .contains("updated the listings, downloads and search index")
    });
    let out = printed.lock().unwrap().clone();
    assert!(out.contains(" files of lengshuitan in "), "{out}");
    let base = "/xxgk/jxpj/";
    let live = format!("<script src=\"{base}__gongkai/live.js\"></script></body>");
    for file in &expected {
        let (status, body) = get_bytes(port, &format!("{base}{}", file.path));
        assert_eq!(status, 200, "{}", file.path);
        let want = if file.path.ends_with(".html") {
            String::from_utf8(file.bytes.clone())
                .unwrap()
                .replacen("</body>", &live, 1)
                .into_bytes()
        } else {
            file.bytes.clone()
        };
        assert!(
            body == want,
            "{} differs from a full build of the edited site",
            file.path
        );
    }
    drop(server);
}

#[test]
fn serve_refuses_hostile_requests_and_keeps_answering() {
    let tmp = tempfile::tempdir().unwrap();
    copy_example(tmp.path());
    let (server, port, errors, _) = start(tmp.path());
    let page = "/xxgk/jxpj/parks/lengshuitan/2021/";
    let request = |target: &str| format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    let bad_escape = "bad request: every % in an address must be followed by two hexadecimal digits\n";
    let dots = "bad request: the address contains a . or .. segment\n";
    let slash = "bad request: the address contains an encoded / or \\\n";
    for (target, body) in [
        // `%a` and then a character of three bytes: used to panic the thread that served it.
        ("/xxgk/jxpj/%a中", bad_escape),
        ("/xxgk/jxpj/%a%E4%B8%AD", bad_escape),
        ("/xxgk/jxpj/%zz", bad_escape),
        ("/xxgk/jxpj/%2e%2e/%2e%2e/%2e%2e/etc/passwd", dots),
        ("/xxgk/jxpj/parks/../../../etc/passwd", dots),
        ("/xxgk/jxpj/parks%2Flengshuitan%2F2021/", slash),
        ("/xxgk/jxpj/parks%5C..%5Clengshuitan/", slash),
        (
            "/xxgk/jxpj/index.html%00.txt",
            "bad request: the address contains a control character\n",
        ),
        (
            "/xxgk/jxpj/%C0%AE%C0%AE/",
            "bad request: the address is not valid UTF-8\n",
        ),
    ] {
        assert_eq!(
            raw(port, request(target).as_bytes()),
            (Some(400), body.to_string()),
            "{target}"
        );
        assert_eq!(get(port, page).0, 200, "still answering after {target}");
    }

    // A header of 1 MiB: refused (431) or the connection closed, never read into memory whole.
    let mut huge = b"GET /xxgk/jxpj/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ".to_vec();
    huge.extend(std::iter::repeat_n(b'a', 1 << 20));
    huge.extend(b"\r\n\r\n");
    let (status, _) = raw(port, &huge);
    assert!(matches!(status, None | Some(431)), "over-long header: {status:?}");
    assert_eq!(get(port, page).0, 200, "still answering after an over-long header");
    // Just over the cap (64 KiB) is refused too, and just under is served.
    for (filler, expected) in [(70_000, Some(431)), (60_000, Some(200))] {
        let mut request = b"GET /xxgk/jxpj/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-Filler: ".to_vec();
        request.extend(std::iter::repeat_n(b'a', filler));
        request.extend(b"\r\n\r\n");
        assert_eq!(raw(port, &request).0, expected, "header of {filler} bytes");
    }

    // Not HTTP at all, and a method other than GET or HEAD.
    assert_eq!(raw(port, b"hello\r\n\r\n").0, Some(400));
    let post = b"POST /xxgk/jxpj/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi";
    assert_eq!(raw(port, post), (Some(405), "GET only\n".to_string()));
    // HEAD: the headers of the page, no body.
    let head = raw(
        port,
        b"HEAD /xxgk/jxpj/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(head, (Some(200), String::new()));

    // A client that starts a request and never finishes it holds up no one, and is dropped.
    let mut slow = TcpStream::connect(("127.0.0.1", port)).unwrap();
    slow.write_all(b"GET /xxgk/jxpj/ HTTP/1.1\r\nHost: 127").unwrap();
    let (status, body) = get(port, page);
    assert!(status == 200 && body.contains("1,545.30"));
    slow.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    let start = Instant::now();
    let mut rest = Vec::new();
    assert!(
        slow.read_to_end(&mut rest).is_ok(),
        "closed by the server, not timed out here"
    );
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "dropped after {:?}",
        start.elapsed()
    );
    drop(server);
    let errors = errors.lock().unwrap();
    assert!(!errors.contains("panicked"), "{errors}");
}

#[test]
fn serve_exits_1_when_the_first_build_fails_on_the_content() {
    let tmp = tempfile::tempdir().unwrap();
    copy_example(tmp.path());
    let report = tmp.path().join("content/parks/lengshuitan/2021.md");
    let text = std::fs::read_to_string(&report).unwrap();
    std::fs::write(&report, text.replace("total: 1545.30", "total: abc")).unwrap();
    let line = text.lines().position(|l| l.contains("total: 1545.30")).unwrap() + 1;
    let column = text.lines().nth(line - 1).unwrap().find("1545.30").unwrap() + 1;

    let (status, stderr) = serve_until_exit(tmp.path(), 0, &[]);
    assert_eq!(status.code(), Some(1), "{stderr}");
    let expected = format!("2021.md:{line}:{column}: error: `abc` is not a number in `expenditure.total`");
    assert!(stderr.contains(&expected), "{expected}\n not in:\n{stderr}");
    assert!(stderr.contains("failed: 1 error"), "{stderr}");
    // In Chinese, with the notes listed after the warning.
    let (status, stderr) = serve_until_exit(tmp.path(), 0, &["--lang", "zh", "--verbose"]);
    assert_eq!(status.code(), Some(1), "{stderr}");
    let expected = format!("2021.md:{line}:{column}: 错误：`abc` 不是数字（`expenditure.total`）\n");
    assert!(stderr.contains(&expected), "{expected}\n not in:\n{stderr}");
    let (warning, note) = (stderr.find(": 警告：").unwrap(), stderr.find(": 提示：").unwrap());
    assert!(stderr.find(&expected).unwrap() < warning && warning < note, "{stderr}");
    assert!(stderr.ends_with("失败：1 个错误\n"), "{stderr}");
}

#[test]
fn serve_exits_2_when_the_port_is_in_use() {
    let tmp = tempfile::tempdir().unwrap();
    copy_example(tmp.path());
    let taken = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap();
    let port = taken.local_addr().unwrap().port();

    let (status, stderr) = serve_until_exit(tmp.path(), port, &[]);
    assert_eq!(status.code(), Some(2), "{stderr}");
    let expected = format!(
        "127.0.0.1:{port}: error: cannot listen here: another program is already using this port\n  \
         help: stop the other program (perhaps another gongkai serve), or choose another port with \
         --port N (--port 0 picks a free one)\n"
    );
    assert!(
        stderr.starts_with(&expected),
        "{expected}\n is not the start of:\n{stderr}"
    );
    drop(taken);
}

#[test]
fn serve_lists_the_warnings_and_counts_the_notes() {
    let tmp = tempfile::tempdir().unwrap();
    copy_example(tmp.path());
    let (server, _, errors, _) = start(tmp.path());
    until(|| errors.lock().unwrap().contains(" notes "));
    let errors = errors.lock().unwrap().clone();
    assert!(!errors.contains(": note: "), "{errors}");
    assert_eq!(
        errors.lines().filter(|l| l.contains(": warning: ")).count(),
        2,
        "{errors}"
    );
    assert!(errors.ends_with("\n8 notes (--verbose to list them)\n"), "{errors}");
    drop(server);
}
